package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/format"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/template"

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
// Errors name the blueprint file and line.
func Render(cat *Catalog, bp Blueprint, data Data) ([]File, error) {
	fsys := cat.FS()
	sources, rules, err := collect(fsys, bp)
	if err != nil {
		return nil, err
	}

	root := template.New("").Option("missingkey=error")
	root.Funcs(funcMap(root))

	var outputs []source
	for _, s := range sources {
		if !applies(rules, s.logical, data) {
			continue
		}
		if isPartial(s.logical) {
			if err := parse(fsys, root, s.logical, s); err != nil {
				return nil, err
			}
			continue
		}
		if s.tmpl {
			if err := parse(fsys, root, s.fsPath, s); err != nil {
				return nil, err
			}
		}
		outputs = append(outputs, s)
	}

	files := make([]File, 0, len(outputs))
	seen := map[string]string{}
	for _, s := range outputs {
		// A file whose path names .Resource is written once per resource,
		// with .Resource set to that resource.
		each := []Data{data}
		if perResource(s.logical) {
			each = each[:0]
			for _, r := range data.Resources {
				d := data
				d.Resource = r
				each = append(each, d)
			}
		}
		for _, d := range each {
			f, skip, err := renderOne(fsys, root, s, d)
			if err != nil {
				return nil, err
			}
			if skip {
				continue
			}
			if prev, dup := seen[f.Path]; dup {
				return nil, fmt.Errorf("render %s: it writes %s, which %s writes too", s.fsPath, f.Path, prev)
			}
			seen[f.Path] = s.fsPath
			files = append(files, f)
		}
	}
	if files, err = addSpecFiles(files, seen, bp, data); err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// collect gathers the files of every layer and then of the blueprint; a later
// file with the same logical path replaces an earlier one. It also gathers the
// inclusion rules of the layers and the blueprint.
func collect(fsys fs.FS, bp Blueprint) ([]source, []FileRule, error) {
	byPath := map[string]source{}
	var order []string
	rules := slices.Clone(bp.Files)
	for _, dir := range append(slices.Clone(bp.Layers), bp.Name) {
		if raw, err := fs.ReadFile(fsys, path.Join(dir, layerFile)); err == nil {
			var lm layerManifest
			if err := decodeStrict(raw, &lm); err != nil {
				return nil, nil, fmt.Errorf("parse %s/%s: %w", dir, layerFile, err)
			}
			rules = append(rules, lm.Files...)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("read %s/%s: %w", dir, layerFile, err)
		}
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

// applies reports whether every rule that matches the path holds for data.
func applies(rules []FileRule, logical string, data Data) bool {
	for _, r := range rules {
		matched := false
		for _, pattern := range r.Paths {
			if ok, _ := doublestar.Match(pattern, logical); ok {
				matched = true
				break
			}
		}
		if matched && !r.When.holds(data) {
			return false
		}
	}
	return true
}

func (c Condition) holds(d Data) bool {
	in := func(list []string, v string) bool { return len(list) == 0 || slices.Contains(list, v) }
	return in(c.DB, d.DB.ID) && in(c.API, d.API.ID) && in(c.License, d.License.ID) && in(c.Contract, d.Contract)
}

func parse(fsys fs.FS, root *template.Template, name string, s source) error {
	raw, err := fs.ReadFile(fsys, s.fsPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", s.fsPath, err)
	}
	if _, err := root.New(name).Parse(string(raw)); err != nil {
		return fmt.Errorf("parse blueprint file %s: %w", s.fsPath, err)
	}
	return nil
}

func renderOne(fsys fs.FS, root *template.Template, s source, data Data) (File, bool, error) {
	outPath, err := renderPath(s.logical, data)
	if err != nil {
		return File{}, false, fmt.Errorf("render the name of %s: %w", s.fsPath, err)
	}
	var content []byte
	if s.tmpl {
		var buf bytes.Buffer
		if err := root.ExecuteTemplate(&buf, s.fsPath, data); err != nil {
			return File{}, false, fmt.Errorf("render %s: %w", s.fsPath, err)
		}
		if len(bytes.TrimSpace(buf.Bytes())) == 0 {
			return File{}, true, nil
		}
		content = buf.Bytes()
		if strings.HasSuffix(outPath, ".go") {
			// Model-driven templates cannot know gofmt's alignment; the
			// engine formats every Go file, so a generated project is
			// gofmt-clean whatever the model.
			formatted, err := format.Source(content)
			if err != nil {
				return File{}, false, fmt.Errorf("render %s: the result is not valid Go: %w", s.fsPath, err)
			}
			content = formatted
		}
	} else if content, err = fs.ReadFile(fsys, s.fsPath); err != nil {
		return File{}, false, fmt.Errorf("read %s: %w", s.fsPath, err)
	}
	mode := fs.FileMode(0o644)
	if bytes.HasPrefix(content, []byte("#!")) {
		mode = 0o755
	}
	return File{Path: outPath, Data: content, Mode: mode}, false, nil
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
func funcMap(root *template.Template) template.FuncMap {
	fm := sprig.HermeticTxtFuncMap()
	ours := template.FuncMap{
		"plural":   Plural,
		"singular": Singular,
		"snake":    func(s string) string { return NewName(s).Snake },
		"kebab":    func(s string) string { return NewName(s).Kebab },
		"camel":    func(s string) string { return NewName(s).Camel },
		"pascal":   func(s string) string { return NewName(s).Pascal },
		"goString": strconv.Quote,
		"jsonString": func(s string) (string, error) {
			b, err := json.Marshal(s)
			return string(b), err
		},
		"include": func(name string, data any) (string, error) {
			var buf strings.Builder
			if err := root.ExecuteTemplate(&buf, name, data); err != nil {
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
