package generator

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"go/format"
	"io"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"github.com/Masterminds/sprig/v3"
	"github.com/bmatcuk/doublestar/v4"
)

// File is one rendered file of a project.
type File struct {
	Path string // slash-separated, relative to the project root
	Data []byte
	Mode fs.FileMode
}

// source is one file of a layer or blueprint folder.
type source struct {
	fsPath  string // path in the blueprints FS, e.g. go/cmd/server/main.go.tmpl
	logical string // path inside its layer without .tmpl, e.g. cmd/server/main.go
	tmpl    bool
}

// Render renders every file of a blueprint for the given data, in memory.
// Errors name the blueprint file and line. Only what the blueprint renders
// is parsed: a partial when a file includes it (a layer's go.sum partials
// for every framework and database cost nothing), and the files are
// rendered on every processor, in the same order of results.
func Render(cat *Catalog, bp Blueprint, data Data) ([]File, error) {
	return render(cat, bp, data, nil)
}

// render is Render that gives each file to emit, when not nil, on the
// goroutine that rendered it, as soon as it is rendered.
func render(cat *Catalog, bp Blueprint, data Data, emit func(File) error) ([]File, error) {
	// The API description files come from the model, not from templates:
	// they are made, and given to emit, while the templates are found,
	// parsed and rendered. (A template that writes one of them too is an
	// error of the blueprint, found below; the caller then discards all.)
	var specs []File
	var specErr error
	specsDone := make(chan struct{})
	go func() {
		defer close(specsDone)
		specs, specErr = specFiles(data)
		for _, f := range specs {
			if emit != nil && specErr == nil {
				specErr = emit(f)
			}
		}
	}()
	defer func() { <-specsDone }() // on every return: nothing is written after it
	fsys := cat.FS()
	sources, rules, err := collect(cat, bp)
	if err != nil {
		return nil, err
	}
	r := newRenderer(fsys)
	r.definers = cat.definers
	type job struct {
		s source
		d Data
	}
	var jobs []job
	excluding := excludingRules(rules, data)
	for _, s := range sources {
		if excluded(excluding, s.logical) {
			continue
		}
		if isPartial(s.logical) {
			r.partials[s.logical] = s
			continue
		}
		// A file whose path names .Resource is written once per resource,
		// with .Resource set to that resource.
		if !perResource(s.logical) {
			jobs = append(jobs, job{s, data})
			continue
		}
		for _, res := range data.Resources {
			d := data
			d.Resource = res
			jobs = append(jobs, job{s, d})
		}
	}
	if err := r.parseDefinitions(); err != nil {
		return nil, err
	}

	type result struct {
		f    File
		skip bool
		err  error
	}
	results := make([]result, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(jobs); i = int(next.Add(1) - 1) {
				res := &results[i]
				res.f, res.skip, res.err = r.renderOne(jobs[i].s, jobs[i].d)
				if emit != nil && res.err == nil && !res.skip {
					res.err = emit(res.f)
				}
			}
		}()
	}
	wg.Wait()
	<-specsDone

	files := make([]File, 0, len(jobs))
	seen := map[string]string{}
	for i, res := range results {
		if res.err != nil {
			return nil, res.err
		}
		if res.skip {
			continue
		}
		s := jobs[i].s
		if prev, dup := seen[res.f.Path]; dup {
			return nil, fmt.Errorf("render %s: it writes %s, which %s writes too", s.fsPath, res.f.Path, prev)
		}
		seen[res.f.Path] = s.fsPath
		files = append(files, res.f)
	}
	if specErr != nil {
		return nil, specErr
	}
	if files, err = addSpecFiles(files, seen, bp, specs); err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// renderer holds one template set for a blueprint's files and adds to it on
// demand; it is safe for the goroutines of Render, which parse at the same
// time, each into a parser set of its own, and only add the trees to the
// shared set under the lock.
type renderer struct {
	fsys    fs.FS
	parsers sync.Pool // of *template.Template: sets to parse into, with the same functions

	mu   sync.Mutex // guards root's templates, partials and gofmtClean
	root *template.Template
	// partials are the partials that apply and are not parsed yet, by name.
	partials map[string]source
	// gofmtClean holds the Go templates that begin with gofmtCleanMarker.
	gofmtClean map[string]bool
	funcs      template.FuncMap // sprig's and ours, made once for every set
	definers   map[string]bool  // the partials that define named templates
}

// gofmtCleanMarker begins a Go template that writes its output the way gofmt
// would, whatever the model: it aligns its own columns (the align function)
// and orders its own imports. The engine does not run gofmt on its output,
// which is most of what rendering a Go project costs;
// TestGofmtCleanTemplates renders every marked template over many models,
// module paths and names and fails when gofmt would change one byte.
var gofmtCleanMarker = []byte("{{- /* gofmt-clean")

func newRenderer(fsys fs.FS) *renderer {
	r := &renderer{fsys: fsys, partials: map[string]source{}, gofmtClean: map[string]bool{}}
	r.funcs = funcMap(r)
	r.root = r.newSet()
	r.parsers.New = func() any { return r.newSet() }
	return r
}

func (r *renderer) newSet() *template.Template {
	return template.New("").Option("missingkey=error").Funcs(r.funcs)
}

// parseDefinitions parses the partials that define named templates
// ({{define "go-value"}}): such a name is no file's, so it cannot be found on
// demand. The catalog knows which partials they are (Catalog.definers). A
// file that is rendered may define templates for its own use only; they are
// parsed with it (the blueprints README says so).
func (r *renderer) parseDefinitions() error {
	r.mu.Lock()
	var definers []string // partial names
	for name, p := range r.partials {
		if r.definers[p.fsPath] {
			definers = append(definers, name)
		}
	}
	r.mu.Unlock()
	slices.Sort(definers)
	for _, name := range definers {
		if _, err := r.template(name, nil); err != nil {
			return err
		}
	}
	return nil
}

// definesTemplates reports whether a template's text has a {{define}} action
// ("{{", an optional "-", spaces, "define", a space); the word alone
// ("undefined", a licence's "defined") is no reason to parse a file that is
// not rendered. It looks at each "define" rather than running a regular
// expression over every template.
func definesTemplates(raw []byte) bool {
	word := []byte("define")
	for rest, at := raw, 0; ; {
		i := bytes.Index(rest, word)
		if i < 0 {
			return false
		}
		at += i
		if end := at + len(word); end < len(raw) && isTemplateSpace(raw[end]) && opensAction(raw[:at]) {
			return true
		}
		at += len(word)
		rest = raw[at:]
	}
}

// opensAction reports whether before ends with "{{", an optional "-" and
// spaces: what may come before an action's keyword.
func opensAction(before []byte) bool {
	before = bytes.TrimRightFunc(before, func(r rune) bool { return r < utf8.RuneSelf && isTemplateSpace(byte(r)) })
	before = bytes.TrimSuffix(before, []byte("-"))
	return bytes.HasSuffix(before, []byte("{{"))
}

// isTemplateSpace is text/template's white space.
func isTemplateSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// gzipExt ends a partial that is gzip-compressed data, not a template.
const gzipExt = ".gz"

// gunzip is the content of a gzip-compressed partial (name ends in .gz), as
// it is: large generated data such as a package-lock.json is embedded
// compressed and never parsed as a template.
func (r *renderer) gunzip(name string) (string, error) {
	r.mu.Lock()
	p, ok := r.partials[name]
	r.mu.Unlock()
	if !ok || !strings.HasSuffix(name, gzipExt) {
		return "", fmt.Errorf("no compressed partial named %q", name)
	}
	raw, err := fs.ReadFile(r.fsys, p.fsPath)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", p.fsPath, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", p.fsPath, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", p.fsPath, err)
	}
	return string(data), nil
}

// template is the parsed template of a file (s) or of a partial (s nil),
// parsing it the first time.
func (r *renderer) template(name string, s *source) (*template.Template, error) {
	r.mu.Lock()
	t := r.root.Lookup(name)
	if t == nil && s == nil {
		if p, ok := r.partials[name]; ok {
			s = &p
		}
	}
	r.mu.Unlock()
	switch {
	case t != nil:
		return t, nil
	case s == nil:
		return nil, fmt.Errorf("no partial or template named %q", name)
	}
	return r.parse(name, *s, nil)
}

// parse parses s as name, adds it and the templates it defines to the shared
// set, then parses the partials its {{template}} actions name, which
// text/template looks up by itself. raw is s's content when already read.
func (r *renderer) parse(name string, s source, raw []byte) (*template.Template, error) {
	if raw == nil {
		var err error
		if raw, err = fs.ReadFile(r.fsys, s.fsPath); err != nil {
			return nil, fmt.Errorf("read %s: %w", s.fsPath, err)
		}
	}
	set := r.parsers.Get().(*template.Template)
	defer r.parsers.Put(set)
	t, err := set.New(name).Parse(string(raw))
	if err != nil {
		return nil, fmt.Errorf("parse blueprint file %s: %w", s.fsPath, err)
	}
	parsed := []*template.Template{t}
	if definesTemplates(raw) {
		parsed = parsed[:0]
		for _, d := range set.Templates() {
			if d.Tree != nil && d.Tree.ParseName == name {
				parsed = append(parsed, d)
			}
		}
	}

	r.mu.Lock()
	if shared := r.root.Lookup(name); shared != nil {
		r.mu.Unlock()
		return shared, nil // another goroutine was first
	}
	if bytes.HasPrefix(raw, gofmtCleanMarker) {
		r.gofmtClean[name] = true
	}
	var refs []string
	for _, d := range parsed {
		if _, err := r.root.AddParseTree(d.Name(), d.Tree); err != nil {
			r.mu.Unlock()
			return nil, fmt.Errorf("parse blueprint file %s: %w", s.fsPath, err)
		}
		refs = templateRefs(d.Tree.Root, refs)
	}
	delete(r.partials, name)
	shared := r.root.Lookup(name)
	r.mu.Unlock()

	for _, ref := range refs {
		r.mu.Lock()
		p, ok := r.partials[ref]
		r.mu.Unlock()
		if ok {
			if _, err := r.template(ref, &p); err != nil {
				return nil, err
			}
		}
	}
	return shared, nil
}

// templateRefs appends the names of the {{template}} actions under n.
func templateRefs(n parse.Node, refs []string) []string {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				refs = templateRefs(c, refs)
			}
		}
	case *parse.IfNode:
		refs = templateRefs(n.List, templateRefs(n.ElseList, refs))
	case *parse.RangeNode:
		refs = templateRefs(n.List, templateRefs(n.ElseList, refs))
	case *parse.WithNode:
		refs = templateRefs(n.List, templateRefs(n.ElseList, refs))
	case *parse.TemplateNode:
		refs = append(refs, n.Name)
	}
	return refs
}

// collect gathers the files of every layer and then of the blueprint; a later
// file with the same logical path replaces an earlier one. It also gathers the
// inclusion rules of the layers and the blueprint.
func collect(cat *Catalog, bp Blueprint) ([]source, []FileRule, error) {
	fsys := cat.FS()
	byPath := map[string]source{}
	var order []string
	rules := slices.Clone(bp.Files)
	for _, dir := range append(slices.Clone(bp.Layers), bp.Name) {
		rules = append(rules, cat.layerRules[dir]...) // read with the catalog
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			rel := strings.TrimPrefix(p, dir+"/")
			if rel == manifestFile || rel == layerFile {
				return nil
			}
			s := source{fsPath: p, logical: rel}
			if strings.HasSuffix(rel, templateExt) {
				s.logical, s.tmpl = strings.TrimSuffix(rel, templateExt), true
			}
			if _, ok := byPath[s.logical]; !ok {
				order = append(order, s.logical)
			}
			byPath[s.logical] = s
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("read blueprint folder %s: %w", dir, err)
		}
	}
	out := make([]source, 0, len(order))
	for _, p := range order {
		out = append(out, byPath[p])
	}
	return out, rules, nil
}

// perResource reports whether a path names the resource, so it is rendered
// once for each resource of the model.
func perResource(logical string) bool {
	return strings.Contains(logical, "{{") && strings.Contains(logical, ".Resource.")
}

// isPartial reports whether a path is a partial: one of its segments starts
// with a single "_" (`_readme/x.md`). Dunder names such as `__init__.py` or
// `__tests__` are ordinary files.
func isPartial(logical string) bool {
	for _, seg := range strings.Split(logical, "/") {
		if strings.HasPrefix(seg, partialPrefix) && !strings.HasPrefix(seg, partialPrefix+partialPrefix) {
			return true
		}
	}
	return false
}

// excludingRules are the rules whose condition does not hold for data: the
// files they match are left out. Only those need their patterns matched.
func excludingRules(rules []FileRule, data Data) []FileRule {
	var out []FileRule
	for _, r := range rules {
		if !r.When.holds(data) {
			out = append(out, r)
		}
	}
	return out
}

// excluded reports whether a path matches one of the excluding rules.
func excluded(excluding []FileRule, logical string) bool {
	for _, r := range excluding {
		for _, pattern := range r.Paths {
			if ok, _ := doublestar.Match(pattern, logical); ok {
				return true
			}
		}
	}
	return false
}

func (c Condition) holds(d Data) bool {
	in := func(list []string, v string) bool { return len(list) == 0 || slices.Contains(list, v) }
	return in(c.DB, d.DB.ID) && in(c.API, d.API.ID) && in(c.License, d.License.ID) && in(c.Contract, d.Contract)
}

func (r *renderer) renderOne(s source, data Data) (File, bool, error) {
	outPath, err := renderPath(s.logical, data)
	if err != nil {
		return File{}, false, fmt.Errorf("render the name of %s: %w", s.fsPath, err)
	}
	var content []byte
	if s.tmpl {
		t, err := r.template(s.fsPath, &s)
		if err != nil {
			return File{}, false, err
		}
		var buf bytes.Buffer
		if err := t.Execute(&buf, data); err != nil {
			return File{}, false, fmt.Errorf("render %s: %w", s.fsPath, err)
		}
		if len(bytes.TrimSpace(buf.Bytes())) == 0 {
			return File{}, true, nil
		}
		content = buf.Bytes()
		if strings.HasSuffix(outPath, ".go") && r.isGofmtClean(s.fsPath) {
			content = sortGoImports(content)
		} else if strings.HasSuffix(outPath, ".go") {
			// A model-driven template that does not align its own columns
			// cannot know gofmt's alignment; the engine formats its output,
			// so a generated project is gofmt-clean whatever the model.
			formatted, err := format.Source(content)
			if err != nil {
				return File{}, false, fmt.Errorf("render %s: the result is not valid Go: %w", s.fsPath, err)
			}
			content = formatted
		} else if strings.HasSuffix(outPath, ".java") {
			content = sortJavaImports(content)
		} else if strings.HasSuffix(outPath, ".py") {
			content = wrapPythonDefs(content)
		} else if strings.HasSuffix(outPath, ".ts") || strings.HasSuffix(outPath, ".js") {
			content = fitJS(content)
		}
	} else if content, err = fs.ReadFile(r.fsys, s.fsPath); err != nil {
		return File{}, false, fmt.Errorf("read %s: %w", s.fsPath, err)
	}
	mode := fs.FileMode(0o644)
	if bytes.HasPrefix(content, []byte("#!")) {
		mode = 0o755
	}
	return File{Path: outPath, Data: content, Mode: mode}, false, nil
}

// isGofmtClean reports whether the template name begins with gofmtCleanMarker.
func (r *renderer) isGofmtClean(name string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.gofmtClean[name]
}

// renderPath renders template actions in a path and checks that the result
// stays inside the project.
func renderPath(p string, data Data) (string, error) {
	if strings.Contains(p, "{{") {
		t, err := template.New(p).Option("missingkey=error").Parse(p)
		if err != nil {
			return "", err
		}
		var buf strings.Builder
		if err := t.Execute(&buf, data); err != nil {
			return "", err
		}
		p = buf.String()
	}
	clean := path.Clean(p)
	if clean != p || !fs.ValidPath(clean) || clean == "." {
		return "", fmt.Errorf("%q is not a clean relative path", p)
	}
	return clean, nil
}

// funcMap is sprig's hermetic text functions (output depends only on the
// data) with ours copied over them.
func funcMap(r *renderer) template.FuncMap {
	fm := sprig.HermeticTxtFuncMap()
	ours := template.FuncMap{
		"plural":     Plural,
		"singular":   Singular,
		"snake":      func(s string) string { return NewName(s).Snake },
		"kebab":      func(s string) string { return NewName(s).Kebab },
		"camel":      func(s string) string { return NewName(s).Camel },
		"pascal":     func(s string) string { return NewName(s).Pascal },
		"goString":   strconv.Quote,
		"jsonString": func(s string) (string, error) { return quoteJSON(s), nil },
		"pyStr":      pyStr,
		"pyCall":     pyCall,
		"pyCallList": pyCallList,
		"pyTuple":    pyTuple,
		"pyField":    pyField,
		"gunzip":     r.gunzip,
		"align":      align,
		"include": func(name string, data any) (string, error) {
			t, err := r.template(name, nil)
			if err != nil {
				return "", err
			}
			var buf strings.Builder
			if err := t.Execute(&buf, data); err != nil {
				return "", err
			}
			return buf.String(), nil
		},
	}
	for k, v := range ours {
		fm[k] = v
	}
	return fm
}

// align writes rows of cells the way gofmt aligns them: every cell but the
// last of a row padded with spaces to its column's widest cell, plus one
// space. Each row is written as a newline, indent and its cells. rows is a
// list of lists of strings, as sprig's list makes them.
func align(indent string, rows []any) (string, error) {
	var widths []int
	cells := make([][]string, len(rows))
	for i, row := range rows {
		list, ok := row.([]any)
		if !ok {
			return "", fmt.Errorf("align: row %d is a %T, not a list", i, row)
		}
		for j, c := range list {
			s, ok := c.(string)
			if !ok {
				return "", fmt.Errorf("align: cell %d of row %d is a %T, not a string", j, i, c)
			}
			cells[i] = append(cells[i], s)
			if j == len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], utf8.RuneCountInString(s))
		}
	}
	var b strings.Builder
	for _, row := range cells {
		b.WriteString("\n")
		b.WriteString(indent)
		for j, c := range row {
			b.WriteString(c)
			if j < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[j]-utf8.RuneCountInString(c)+1))
			}
		}
	}
	return b.String(), nil
}

// sortGoImports puts every run of import lines in a Go file's import block in
// the order gofmt gives them, by import path: which packages a gofmt-clean
// template imports depends on the model (a resource's own package beside
// types, strings only for text fields), so no template can place them in
// order itself. A run ends at a blank line, as gofmt's does.
func sortGoImports(src []byte) []byte {
	start := bytes.Index(src, []byte("\nimport (\n"))
	if start < 0 {
		return src
	}
	start += len("\nimport (\n")
	end := bytes.Index(src[start:], []byte("\n)\n"))
	if end < 0 {
		return src
	}
	block := src[start : start+end+1]
	lines := bytes.SplitAfter(block, []byte("\n"))
	path := func(line []byte) []byte {
		if i := bytes.IndexByte(line, '"'); i >= 0 {
			return line[i:]
		}
		return line
	}
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && len(bytes.TrimSpace(lines[j])) > 0 && bytes.IndexByte(lines[j], '"') >= 0 {
			j++
		}
		slices.SortStableFunc(lines[i:j], func(a, b []byte) int { return bytes.Compare(path(a), path(b)) })
		i = max(j, i+1)
	}
	out := make([]byte, 0, len(src))
	out = append(out, src[:start]...)
	out = append(out, bytes.Join(lines, nil)...)
	return append(out, src[start+end+1:]...)
}

// sortJavaImports puts every run of consecutive import lines of a Java file
// in ASCII order, as google-java-format does: which imports a template writes
// depends on the model (java.time only for dates) and the package on the
// owner, so no template can place them in order itself.
func sortJavaImports(src []byte) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	for i := 0; i < len(lines); {
		if !bytes.HasPrefix(lines[i], []byte("import ")) {
			i++
			continue
		}
		j := i
		for j < len(lines) && bytes.HasPrefix(lines[j], []byte("import ")) && bytes.HasSuffix(lines[j], []byte("\n")) {
			j++
		}
		slices.SortFunc(lines[i:j], bytes.Compare)
		i = max(j, i+1)
	}
	return bytes.Join(lines, nil)
}
