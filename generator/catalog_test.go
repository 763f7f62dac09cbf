package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator/golden"
	"github.com/scaffold-dev/scaffold/generator/model"
)

func TestLoadCatalog(t *testing.T) {
	t.Parallel()
	cat := testCatalog(t)
	var names []string
	for _, bp := range cat.Blueprints {
		names = append(names, bp.Name)
	}
	if got := strings.Join(names, ","); got != "go-std,py-flask" {
		t.Errorf("blueprints = %s, want go-std,py-flask (catalog language order)", got)
	}
	if bp, ok := cat.DefaultFramework("go"); !ok || bp.Framework != "std" {
		t.Errorf("DefaultFramework(go) = %v, %v", bp.Name, ok)
	}
	if bp, _ := cat.Blueprint("python", "flask"); bp.Port != 8080 {
		t.Errorf("a missing port defaults to 8080, got %d", bp.Port)
	}
	langs := cat.LanguagesWithBlueprints()
	if len(langs) != 2 {
		t.Errorf("LanguagesWithBlueprints = %v", langs)
	}
}

func TestLoadCatalogRejectsBadManifests(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		manifest string
		wantErr  string
	}{
		{"unknown field", goStdManifest + "colour: blue\n", "field colour not found"},
		{"name differs from folder", strings.Replace(goStdManifest, "name: go-std", "name: other", 1), "must equal its folder name"},
		{"unknown language", strings.Replace(goStdManifest, "language: go", "language: cobol", 1), `unknown language "cobol"`},
		{"unknown database", strings.Replace(goStdManifest, "databases: [sqlite, postgres, mongodb]", "databases: [oracle]", 1), `unknown database "oracle"`},
		{"unknown api", strings.Replace(goStdManifest, "apis: [rest, soap]", "apis: [graphql]", 1), `unknown API style "graphql"`},
		{"missing commands", strings.Replace(goStdManifest, "run: go run .", "run: ''", 1), "commands setup, test and run are required"},
		{"missing layer", strings.Replace(goStdManifest, "layers: [common]", "layers: [nowhere]", 1), `layer "nowhere" is not a folder`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := testCatalogFS()
			fsys["go-std/blueprint.yaml"] = &fstest.MapFile{Data: []byte(tt.manifest)}
			_, err := LoadCatalog(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), "go-std") {
				t.Errorf("err = %v, want it to name the blueprint", err)
			}
		})
	}
}

// TestEmbeddedCatalog checks the real blueprints: every manifest parses,
// and every blueprint renders every combination it offers without a template
// error, so a broken template fails here and not on a user's machine.
func TestEmbeddedCatalog(t *testing.T) {
	t.Parallel()
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatalf("LoadCatalog(embedded): %v", err)
	}
	if len(cat.Blueprints) == 0 {
		t.Fatal("no blueprints embedded")
	}
	eachCombination(t, cat, false, func(t *testing.T, bp Blueprint, db, api string) {
		// An unusual resource name shows any template that
		// spells the default resource instead of using the data.
		for _, f := range renderCombo(t, cat, bp, db, api, resourceModel("gizmo")) {
			if strings.Contains(string(f.Data), "<no value>") {
				t.Errorf("%s contains <no value>", f.Path)
			}
			if loc := taskRe.FindIndex(append([]byte(f.Path+"\n"), f.Data...)); loc != nil {
				t.Errorf("%s spells the default resource (%q) instead of using .Resource", f.Path, taskRe.Find(append([]byte(f.Path+"\n"), f.Data...)))
			}
		}
	})
}

// taskRe finds the default resource's name where a template should have used
// the resource data.
var taskRe = regexp.MustCompile(`(?i:\btasks?\b)|Tasks?[A-Z(]|[a-z_]tasks?\b`)

// Blueprints on contract v2 are driven by the model: rendered with the
// default fields under other names (headline, finished) they must not spell
// title or done anywhere, and rendered with the rich model they must not
// leave a value out. The words are allowed only where RFC 9457 needs them
// (the problem type's "title" member): files and lines about problems.
func TestModelDrivenTemplates(t *testing.T) {
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatalf("LoadCatalog(embedded): %v", err)
	}
	renamed := &model.Model{Resources: []model.Resource{{Name: "gizmo", Fields: []model.Field{
		{Name: "headline", Type: model.String, Required: true},
		{Name: "finished", Type: model.Bool, Default: false},
	}}}}
	rich := loadModel(t, filepath.Join("..", "testdata", "models", "rich.yaml"))
	eachCombination(t, cat, true, func(t *testing.T, bp Blueprint, db, api string) {
		for _, m := range []*model.Model{renamed, rich} {
			for _, f := range renderCombo(t, cat, bp, db, api, m) {
				if strings.Contains(string(f.Data), "<no value>") {
					t.Errorf("%s contains <no value>", f.Path)
				}
				if bytes.HasSuffix(f.Data, []byte("\n\n")) || bytes.HasSuffix(f.Data, []byte("\n\r\n")) {
					t.Errorf("%s ends with a blank line", f.Path)
				}
				if loc := taskRe.Find(append([]byte(f.Path+"\n"), f.Data...)); loc != nil {
					t.Errorf("%s spells the default resource (%q) instead of using .Resource", f.Path, loc)
				}
				if m != renamed || engineFiles[f.Path] || vendoredFiles[f.Path] || problemRe.MatchString(f.Path) {
					continue
				}
				for i, line := range strings.Split(string(f.Data), "\n") {
					if fieldWordRe.MatchString(line) && !problemRe.MatchString(line) {
						t.Errorf("%s:%d spells a default field name although the model has none: %s", f.Path, i+1, strings.TrimSpace(line))
					}
				}
			}
		}
	})
}

var (
	// fieldWordRe finds the default model's field names in any spelling.
	fieldWordRe = regexp.MustCompile(`(?i:\b(?:title|done)s?\b)|(?:Title|Done)[A-Z]|[a-z_](?:Title|Done)\b`)
	// problemRe marks the places the words belong: RFC 9457's "title"
	// member, and Go's ctx.Done().
	problemRe = regexp.MustCompile(`(?i)problem|9457|\bctx\b|context`)
	// engineFiles are written by the engine from the model, not by templates
	// (generator/apispec has their tests), and .scaffold.yaml.
	engineFiles = map[string]bool{"api/openapi.yaml": true, "api/service.wsdl": true, AnswersFile: true}
	// vendoredFiles are third-party scripts copied unchanged, whose words are
	// their language's, not a model's: the Maven Wrapper's POSIX shell script
	// ends its loops with the keyword done.
	vendoredFiles = map[string]bool{"mvnw": true}
)

// eachCombination runs check as a parallel subtest "blueprint/db/api" for
// every combination the catalog offers (of blueprints on contract v2 only,
// when v2Only), and fails when there is none, so a test that checks nothing
// cannot pass.
func eachCombination(t *testing.T, cat *Catalog, v2Only bool, check func(t *testing.T, bp Blueprint, db, api string)) {
	t.Helper()
	n := 0
	for _, bp := range cat.Blueprints {
		if v2Only && bp.Contract != ContractV2 {
			continue
		}
		for _, db := range bp.Databases {
			for _, api := range bp.APIs {
				n++
				t.Run(bp.Name+"/"+db+"/"+api, func(t *testing.T) {
					t.Parallel()
					check(t, bp, db, api)
				})
			}
		}
	}
	if n == 0 {
		t.Fatal("the catalog offers no combination to check")
	}
}

// renderCombo renders bp for the database, the API style and (a copy of) the
// model, as `scaffold new` would, without writing anything.
func renderCombo(t *testing.T, cat *Catalog, bp Blueprint, db, api string, m *model.Model) []File {
	t.Helper()
	o := Options{Name: "demo-api", Language: bp.Language, Framework: bp.Framework,
		Database: db, API: api, Owner: "octocat", AuthorName: "Ada", AuthorEmail: "ada@example.com",
		Model: cloneModel(m)}
	o.ApplyDefaults(cat)
	if err := o.Validate(cat); err != nil {
		t.Fatal(err)
	}
	files, err := Render(cat, bp, NewData(&o, cat, bp, "test", fixedTime))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func loadModel(t *testing.T, path string) *model.Model {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// cloneModel copies a model so parallel tests can normalize their own.
func cloneModel(m *model.Model) *model.Model {
	data, err := m.Marshal()
	if err != nil {
		panic(err)
	}
	c, err := model.Parse(data)
	if err != nil {
		panic(err)
	}
	return c
}

// The compiled catalog the binary reads must say what the YAML files say.
func TestCompiledCatalog(t *testing.T) {
	t.Parallel()
	fromYAML, err := LoadCatalogYAML(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	want, err := CompileCatalog(fromYAML)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "blueprints", CompiledCatalogFile)
	if *golden.Update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("blueprints/%s is not what the YAML files say (%v): run go test ./generator -run TestCompiledCatalog -update", CompiledCatalogFile, err)
	}
	compiled, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(compiled, fromYAML) {
		t.Errorf("the compiled catalog decodes to\n%+v\nwant\n%+v", compiled, fromYAML)
	}
}
