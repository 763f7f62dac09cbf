package generator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Catalog is what scaffold can generate: the vocabulary of catalog.yaml and
// every blueprint found beside it. It is read from the embedded blueprints;
// the wizard, the flags, `scaffold list` and the e2e matrix all come from it.
type Catalog struct {
	Languages  []Language  `yaml:"languages"`
	Databases  []Database  `yaml:"databases"`
	APIs       []API       `yaml:"apis"`
	Licenses   []License   `yaml:"licenses"`
	Blueprints []Blueprint `yaml:"-"`

	fsys fs.FS
	// layerRules are the file rules of each folder's layer.yaml, by folder.
	layerRules map[string][]FileRule
	// definers are the partials (by path in fsys) that define named
	// templates, which must be parsed before anything renders.
	definers map[string]bool
}

// Language is a programming language blueprints are written in.
type Language struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
}

// Database is a database a blueprint may support.
type Database struct {
	ID         string `yaml:"id" json:"id"`
	Title      string `yaml:"title" json:"title"`
	Dialect    string `yaml:"dialect" json:"dialect"`
	SQL        bool   `yaml:"sql" json:"sql"`
	Image      string `yaml:"image" json:"image,omitempty"`
	Port       int    `yaml:"port" json:"port,omitempty"`
	URL        string `yaml:"url" json:"url"`
	ComposeURL string `yaml:"compose_url" json:"compose_url"`
}

// API is an API style (REST or SOAP).
type API struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
}

// License is a licence the generated project can carry.
type License struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
}

// Blueprint is one language+framework template folder, described by its
// blueprint.yaml manifest.
type Blueprint struct {
	Name        string        `yaml:"name"`
	Language    string        `yaml:"language"`
	Framework   string        `yaml:"framework"`
	Title       string        `yaml:"title"`
	Description string        `yaml:"description"`
	Default     bool          `yaml:"default"`
	Layers      []string      `yaml:"layers"`
	Databases   []string      `yaml:"databases"`
	APIs        []string      `yaml:"apis"`
	Unsupported []Unsupported `yaml:"unsupported"`
	Port        int           `yaml:"port"`
	Commands    Commands      `yaml:"commands"`
	Ecosystem   string        `yaml:"ecosystem"`
	Files       []FileRule    `yaml:"files"`
	// Contract is the API contract the blueprint meets: v1 (one resource with
	// the default fields, the first contract) or v2 (the learner's model,
	// DESIGN.md §5). The harness holds each blueprint to its own.
	Contract string `yaml:"contract"`
}

// The API contract versions a blueprint can declare.
const (
	ContractV1 = "v1"
	ContractV2 = "v2"
)

// Unsupported records a database or API style a blueprint deliberately does
// not offer, and why; `scaffold list` shows the reason.
type Unsupported struct {
	Database string `yaml:"database" json:"database,omitempty"`
	API      string `yaml:"api" json:"api,omitempty"`
	Reason   string `yaml:"reason" json:"reason"`
}

// Commands are what a user runs inside a generated project. The e2e harness
// runs exactly these.
type Commands struct {
	Setup string `yaml:"setup" json:"setup"`
	Check string `yaml:"check" json:"check,omitempty"`
	// Lint runs a linter the project's own dependencies do not bring (the
	// README's prerequisites name it and its install line), such as golangci-lint.
	Lint  string `yaml:"lint" json:"lint,omitempty"`
	Test  string `yaml:"test" json:"test"`
	Run   string `yaml:"run" json:"run"`
	Build string `yaml:"build" json:"build,omitempty"`
	// Mutation runs the project's mutation-testing tool over its own source
	// and leaves the tool's own report where the e2e harness reads it (see
	// generator/e2e/mutation_test.go); the README's Tests section shows it.
	Mutation string `yaml:"mutation" json:"mutation,omitempty"`
}

// FileRule includes the files matching Paths only when the condition holds.
type FileRule struct {
	Paths []string  `yaml:"paths"`
	When  Condition `yaml:"when"`
}

// Condition lists, per answer, the values for which a rule applies. An empty
// list means "any value".
type Condition struct {
	DB       []string `yaml:"db"`
	API      []string `yaml:"api"`
	License  []string `yaml:"license"`
	Contract []string `yaml:"contract"`
}

type layerManifest struct {
	Files []FileRule `yaml:"files"`
}

const (
	catalogFile   = "catalog.yaml"
	manifestFile  = "blueprint.yaml"
	layerFile     = "layer.yaml"
	templateExt   = ".tmpl"
	partialPrefix = "_"
)

// CompiledCatalogFile holds, beside catalog.yaml, what LoadCatalog makes of
// catalog.yaml and every manifest, as JSON. When it is there LoadCatalog reads
// it instead: decoding a dozen YAML manifests took a millisecond of every
// command, the JSON a tenth of that. CompileCatalog writes it;
// TestCompiledCatalog fails when it is not what the YAML files say
// (refresh: go test ./generator -run TestCompiledCatalog -update).
const CompiledCatalogFile = "catalog.compiled.json"

// compiledCatalog is the form of CompiledCatalogFile.
type compiledCatalog struct {
	Languages  []Language
	Databases  []Database
	APIs       []API
	Licenses   []License
	Blueprints []Blueprint
	LayerRules map[string][]FileRule // each folder's layer.yaml
	Definers   []string              // the partials with a {{define}}, sorted
}

// LoadCatalog reads catalog.yaml and every blueprint manifest from fsys and
// checks that they agree with each other, or reads CompiledCatalogFile,
// which holds the same.
func LoadCatalog(fsys fs.FS) (*Catalog, error) {
	raw, err := fs.ReadFile(fsys, CompiledCatalogFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return LoadCatalogYAML(fsys)
	case err != nil:
		return nil, fmt.Errorf("read blueprint catalog: %w", err)
	}
	var cc compiledCatalog
	if err := json.Unmarshal(raw, &cc); err != nil {
		return nil, fmt.Errorf("parse %s: %w", CompiledCatalogFile, err)
	}
	cat := &Catalog{Languages: cc.Languages, Databases: cc.Databases, APIs: cc.APIs, Licenses: cc.Licenses, Blueprints: cc.Blueprints, fsys: fsys, layerRules: cc.LayerRules}
	cat.setDefiners(cc.Definers)
	return cat, nil
}

// CompileCatalog is the content of CompiledCatalogFile for a catalog loaded
// from its YAML files.
func CompileCatalog(c *Catalog) ([]byte, error) {
	definers := slices.Sorted(maps.Keys(c.definers))
	raw, err := json.MarshalIndent(compiledCatalog{c.Languages, c.Databases, c.APIs, c.Licenses, c.Blueprints, c.layerRules, definers}, "", " ")
	if err != nil {
		return nil, fmt.Errorf("compile the catalog: %w", err)
	}
	return append(raw, '\n'), nil
}

// LoadCatalogYAML is LoadCatalog from the YAML files, whether or not
// CompiledCatalogFile is there.
func LoadCatalogYAML(fsys fs.FS) (*Catalog, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("list blueprints: %w", err)
	}
	// The manifests are decoded on every processor at once, and catalog.yaml
	// meanwhile: YAML decoding is most of what loading the catalog costs, on
	// the way to every command.
	type manifest struct {
		bp    Blueprint
		found bool
		rules []FileRule // of the folder's layer.yaml
		layer bool       // it has one
		err   error
	}
	manifests := make([]manifest, len(entries))
	var wg sync.WaitGroup
	for i, e := range entries {
		if !e.IsDir() {
			continue
		}
		wg.Go(func() {
			m := &manifests[i]
			m.rules, m.layer, m.err = readLayerRules(fsys, e.Name())
			if m.err != nil {
				return
			}
			raw, err := fs.ReadFile(fsys, path.Join(e.Name(), manifestFile))
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return // a layer, not a blueprint
			case err != nil:
				m.err = fmt.Errorf("read %s/%s: %w", e.Name(), manifestFile, err)
			default:
				m.found = true
				if err := decodeStrict(raw, &m.bp); err != nil {
					m.err = fmt.Errorf("parse %s/%s: %w", e.Name(), manifestFile, err)
				}
			}
		})
	}
	cat := &Catalog{fsys: fsys}
	raw, err := fs.ReadFile(fsys, catalogFile)
	if err == nil {
		if err = decodeStrict(raw, cat); err != nil {
			err = fmt.Errorf("parse %s: %w", catalogFile, err)
		}
	} else {
		err = fmt.Errorf("read blueprint catalog: %w", err)
	}
	wg.Wait()
	if err != nil {
		return nil, err
	}
	for i, m := range manifests {
		if m.err != nil {
			return nil, m.err
		}
		if m.layer {
			if cat.layerRules == nil {
				cat.layerRules = map[string][]FileRule{}
			}
			cat.layerRules[entries[i].Name()] = m.rules
		}
		if !m.found {
			continue
		}
		if err := cat.check(entries[i].Name(), &m.bp); err != nil {
			return nil, fmt.Errorf("blueprint %s: %w", entries[i].Name(), err)
		}
		cat.Blueprints = append(cat.Blueprints, m.bp)
	}
	cat.sortBlueprints()
	definers, err := findDefiners(fsys)
	if err != nil {
		return nil, err
	}
	cat.setDefiners(definers)
	return cat, nil
}

// readLayerRules reads the file rules of dir/layer.yaml; has is false when
// there is none.
func readLayerRules(fsys fs.FS, dir string) (rules []FileRule, has bool, err error) {
	raw, err := fs.ReadFile(fsys, path.Join(dir, layerFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, nil
	case err != nil:
		return nil, false, fmt.Errorf("read %s/%s: %w", dir, layerFile, err)
	}
	var lm layerManifest
	if err := decodeStrict(raw, &lm); err != nil {
		return nil, false, fmt.Errorf("parse %s/%s: %w", dir, layerFile, err)
	}
	return lm.Files, true, nil
}

func (c *Catalog) setDefiners(paths []string) {
	c.definers = make(map[string]bool, len(paths))
	for _, p := range paths {
		c.definers[p] = true
	}
}

// findDefiners lists the partials of fsys that define named templates.
func findDefiners(fsys fs.FS) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isPartial(p) || strings.HasSuffix(p, gzipExt) {
			return err
		}
		raw, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if definesTemplates(raw) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("find the named templates: %w", err)
	}
	return out, nil
}

func decodeStrict(raw []byte, v any) error {
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	dec.KnownFields(true)
	return dec.Decode(v)
}

func (c *Catalog) check(dir string, bp *Blueprint) error {
	if bp.Name != dir {
		return fmt.Errorf("name %q must equal its folder name", bp.Name)
	}
	if _, ok := c.Language(bp.Language); !ok {
		return fmt.Errorf("unknown language %q", bp.Language)
	}
	if bp.Framework == "" || bp.Title == "" {
		return errors.New("framework and title are required")
	}
	if len(bp.Databases) == 0 || len(bp.APIs) == 0 {
		return errors.New("at least one database and one API style are required")
	}
	for _, id := range bp.Databases {
		if _, ok := c.Database(id); !ok {
			return fmt.Errorf("unknown database %q", id)
		}
	}
	for _, id := range bp.APIs {
		if _, ok := c.API(id); !ok {
			return fmt.Errorf("unknown API style %q", id)
		}
	}
	if bp.Commands.Setup == "" || bp.Commands.Test == "" || bp.Commands.Run == "" {
		return errors.New("commands setup, test and run are required")
	}
	if bp.Port == 0 {
		bp.Port = 8080
	}
	switch bp.Contract {
	case "":
		bp.Contract = ContractV1
	case ContractV1, ContractV2:
	default:
		return fmt.Errorf("unknown contract %q: want v1 or v2", bp.Contract)
	}
	for _, layer := range bp.Layers {
		if fi, err := fs.Stat(c.fsys, layer); err != nil || !fi.IsDir() {
			return fmt.Errorf("layer %q is not a folder", layer)
		}
	}
	return nil
}

// sortBlueprints orders blueprints by the language order of catalog.yaml,
// the default framework first, then by name.
func (c *Catalog) sortBlueprints() {
	langIndex := map[string]int{}
	for i, l := range c.Languages {
		langIndex[l.ID] = i
	}
	sort.SliceStable(c.Blueprints, func(i, j int) bool {
		a, b := c.Blueprints[i], c.Blueprints[j]
		if langIndex[a.Language] != langIndex[b.Language] {
			return langIndex[a.Language] < langIndex[b.Language]
		}
		if a.Default != b.Default {
			return a.Default
		}
		return a.Name < b.Name
	})
}

// Language looks a language up by id.
func (c *Catalog) Language(id string) (Language, bool) { return find(c.Languages, id, Language.key) }

// Database looks a database up by id.
func (c *Catalog) Database(id string) (Database, bool) { return find(c.Databases, id, Database.key) }

// API looks an API style up by id.
func (c *Catalog) API(id string) (API, bool) { return find(c.APIs, id, API.key) }

// License looks a licence up by id, ignoring case.
func (c *Catalog) License(id string) (License, bool) {
	for _, l := range c.Licenses {
		if strings.EqualFold(l.ID, id) {
			return l, true
		}
	}
	return License{}, false
}

func (l Language) key() string { return l.ID }
func (d Database) key() string { return d.ID }
func (a API) key() string      { return a.ID }

func find[T any](items []T, id string, key func(T) string) (T, bool) {
	for _, it := range items {
		if key(it) == id {
			return it, true
		}
	}
	var zero T
	return zero, false
}

// LanguagesWithBlueprints lists the languages at least one blueprint uses, in
// catalog order.
func (c *Catalog) LanguagesWithBlueprints() []Language {
	var out []Language
	for _, l := range c.Languages {
		if len(c.Frameworks(l.ID)) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// Frameworks lists the blueprints of a language, the default first.
func (c *Catalog) Frameworks(language string) []Blueprint {
	var out []Blueprint
	for _, bp := range c.Blueprints {
		if bp.Language == language {
			out = append(out, bp)
		}
	}
	return out
}

// Blueprint finds the blueprint for a language and framework.
func (c *Catalog) Blueprint(language, framework string) (Blueprint, bool) {
	for _, bp := range c.Blueprints {
		if bp.Language == language && bp.Framework == framework {
			return bp, true
		}
	}
	return Blueprint{}, false
}

// DefaultFramework is the framework --yes picks for a language.
func (c *Catalog) DefaultFramework(language string) (Blueprint, bool) {
	fw := c.Frameworks(language)
	if len(fw) == 0 {
		return Blueprint{}, false
	}
	return fw[0], true // sorted default-first
}

// UnsupportedReason explains why a blueprint does not offer a database or
// API style, when its manifest says so.
func (bp Blueprint) UnsupportedReason(db, api string) string {
	for _, u := range bp.Unsupported {
		if (u.Database != "" && u.Database == db) || (u.API != "" && u.API == api) {
			return u.Reason
		}
	}
	return ""
}

// ModelBlueprints lists the blueprints that take the learner's own model
// (contract v2), by name.
func (c *Catalog) ModelBlueprints() []string {
	var out []string
	for _, bp := range c.Blueprints {
		if bp.Contract == ContractV2 {
			out = append(out, bp.Name)
		}
	}
	return out
}

// FS is the file system the catalog was read from.
func (c *Catalog) FS() fs.FS { return c.fsys }

func ids[T any](items []T, key func(T) string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, key(it))
	}
	return out
}
