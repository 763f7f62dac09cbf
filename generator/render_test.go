package generator

import (
	"github.com/scaffold-dev/scaffold/generator/model"
	"go/format"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var fixedTime = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

func renderTest(t *testing.T, fsys fstest.MapFS, change func(o *Options)) (map[string]File, error) {
	t.Helper()
	cat, err := LoadCatalog(fsys)
	if err != nil {
		t.Fatal(err)
	}
	o := validOptions()
	if change != nil {
		change(&o)
	}
	o.ApplyDefaults(cat)
	if err := o.Validate(cat); err != nil {
		t.Fatal(err)
	}
	bp, _ := o.Blueprint(cat)
	files, err := Render(cat, bp, NewData(&o, cat, bp, "v1.2.3", fixedTime))
	if err != nil {
		return nil, err
	}
	out := map[string]File{}
	for _, f := range files {
		out[f.Path] = f
	}
	return out, nil
}

func TestRender(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(o *Options)
		want   map[string]string // path → content ("*" = any)
		absent []string
	}{
		{
			name:   "sqlite rest",
			change: nil,
			want: map[string]string{
				"LICENSE":                "MIT 2026 Ada Lovelace\n",
				"README.md":              "# Demo Api\n- Go demoapi\n\n- GO DEMOAPI\n",
				".editorconfig":          "root = true\n{{ not a template }}\n",
				"main.go":                "package main // Tasks on SQLite\n",
				"internal/task/model.go": "package task\n",
				"store/sql.go":           "package store // sqlite\n",
				"run.sh":                 "*",
			},
			absent: []string{"soap/handler.go", "store/mongo.go", "empty.txt", "_family/prereqs.md", "blueprint.yaml", "common/layer.yaml", "layer.yaml"},
		},
		{
			name: "mongodb soap, other resource, no licence",
			change: func(o *Options) {
				o.Database, o.API, o.Model, o.License = "mongodb", "soap", resourceModel("blog_post"), "none"
			},
			want: map[string]string{
				"soap/handler.go":             "package soap // https://github.com/octocat/demo-api/soap\n",
				"store/mongo.go":              "package store // mongo\n",
				"empty.txt":                   "soap only\n",
				"internal/blog_post/model.go": "package blogpost\n",
				"main.go":                     "package main // BlogPosts on MongoDB\n",
			},
			absent: []string{"store/sql.go", "LICENSE"},
		},
		{
			name: "two resources: a file whose path names .Resource is written for each",
			change: func(o *Options) {
				o.Model = &model.Model{Resources: []model.Resource{model.DefaultResource("book"), model.DefaultResource("author")}}
				o.Model.Normalize()
			},
			want: map[string]string{
				"internal/book/model.go":   "package book\n",
				"internal/author/model.go": "package author\n",
				"main.go":                  "package main // Books on SQLite\n",
			},
			absent: []string{"internal/task/model.go"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files, err := renderTest(t, testCatalogFS(), tt.change)
			if err != nil {
				t.Fatal(err)
			}
			for p, want := range tt.want {
				f, ok := files[p]
				if !ok {
					t.Errorf("%s not rendered", p)
					continue
				}
				if want != "*" && string(f.Data) != want {
					t.Errorf("%s =\n%q\nwant\n%q", p, f.Data, want)
				}
			}
			for _, p := range tt.absent {
				if _, ok := files[p]; ok {
					t.Errorf("%s rendered, want it left out", p)
				}
			}
		})
	}
}

func TestRenderModes(t *testing.T) {
	t.Parallel()
	files, err := renderTest(t, testCatalogFS(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := files["run.sh"].Mode; m != 0o755 {
		t.Errorf("run.sh (has a shebang) mode = %v, want 0755", m)
	}
	if m := files["main.go"].Mode; m != 0o644 {
		t.Errorf("main.go mode = %v, want 0644", m)
	}
}

func TestRenderBlueprintOverridesLayer(t *testing.T) {
	t.Parallel()
	fsys := testCatalogFS()
	fsys["go-std/README.md.tmpl"] = &fstest.MapFile{Data: []byte("own readme {{.Project.Kebab}}\n")}
	files, err := renderTest(t, fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(files["README.md"].Data); got != "own readme demo-api\n" {
		t.Errorf("README.md = %q, want the blueprint's own", got)
	}
}

func TestRenderErrorsNameFileAndLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		file    string
		content string
		want    []string
	}{
		{"missing key", "go-std/main.go.tmpl", "package main\n{{.Project.Nope}}\n", []string{"go-std/main.go.tmpl", ":2:", "Nope"}},
		{"parse error", "go-std/main.go.tmpl", "package main\n\n{{if}}\n", []string{"go-std/main.go.tmpl", ":3:"}},
		{"unknown function", "go-std/main.go.tmpl", "{{ frobnicate . }}", []string{"go-std/main.go.tmpl", "frobnicate"}},
		{"bad path", "go-std/{{.Nope}}/x.go.tmpl", "x", []string{"go-std/{{.Nope}}/x.go.tmpl", "Nope"}},
		{"path escapes", "go-std/{{\"..\"}}/x.txt", "x", []string{"not a clean relative path"}},
		{"missing partial", "go-std/main.go.tmpl", `{{include "_family/none.md" .}}`, []string{"go-std/main.go.tmpl", "_family/none.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := testCatalogFS()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.content)}
			_, err := renderTest(t, fsys, nil)
			if err == nil {
				t.Fatal("Render succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	t.Parallel()
	a, err := renderTest(t, testCatalogFS(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := renderTest(t, testCatalogFS(), nil)
	for p, f := range a {
		if string(b[p].Data) != string(f.Data) {
			t.Errorf("%s differs between two renders", p)
		}
	}
}

func TestSortJavaImports(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"one run", "package a;\n\nimport io.x.A;\nimport com.b.B;\nimport java.util.List;\n\nclass C {}\n",
			"package a;\n\nimport com.b.B;\nimport io.x.A;\nimport java.util.List;\n\nclass C {}\n"},
		{"static imports stay in their own block", "import static org.b.B.b;\nimport static org.a.A.a;\n\nimport java.util.List;\nimport com.x.X;\n",
			"import static org.a.A.a;\nimport static org.b.B.b;\n\nimport com.x.X;\nimport java.util.List;\n"},
		{"a last line without a newline is left alone", "import b.B;\nimport a.A;", "import b.B;\nimport a.A;"},
		{"no imports", "class C {}\n", "class C {}\n"},
	} {
		if got := string(sortJavaImports([]byte(tt.in))); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name    string
		indent  string
		rows    []any
		want    string
		wantErr string
	}{
		{"columns padded to the widest plus one", "\t", []any{
			[]any{"ID", "int64", "`json:\"id\"`"},
			[]any{"FullName", "string", "`json:\"full_name\"`"},
		}, "\n\tID       int64  `json:\"id\"`\n\tFullName string `json:\"full_name\"`", ""},
		{"last cell never padded", "", []any{[]any{"a", "b"}, []any{"ccc", "d"}}, "\na   b\nccc d", ""},
		{"runes, not bytes", "", []any{[]any{"é", "x"}, []any{"ab", "y"}}, "\né  x\nab y", ""},
		{"no rows", "\t", nil, "", ""},
		{"a row that is not a list", "", []any{"x"}, "", "row 0 is a string"},
		{"a cell that is not a string", "", []any{[]any{1}}, "", "cell 0 of row 0 is a int"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := align(tt.indent, tt.rows)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("align = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestSortGoImports(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"each run sorted by path, runs kept apart",
			"package p\n\nimport (\n\t\"strings\"\n\t\"context\"\n\n\t\"example.com/m/internal/types\"\n\t\"example.com/m/internal/book\"\n)\n\nfunc f() {}\n",
			"package p\n\nimport (\n\t\"context\"\n\t\"strings\"\n\n\t\"example.com/m/internal/book\"\n\t\"example.com/m/internal/types\"\n)\n\nfunc f() {}\n"},
		{"named imports sort by path",
			"package p\n\nimport (\n\tz \"a/z\"\n\t\"a/b\"\n)\n",
			"package p\n\nimport (\n\t\"a/b\"\n\tz \"a/z\"\n)\n"},
		{"no import block", "package p\n\nimport \"fmt\"\n", "package p\n\nimport \"fmt\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(sortGoImports([]byte(tt.in))); got != tt.want {
				t.Errorf("sortGoImports:\n%s\nwant:\n%s", got, tt.want)
			}
			if got, err := format.Source([]byte(tt.want)); err != nil || string(got) != tt.want {
				t.Errorf("the expected output is not what gofmt writes: %v\n%s", err, got)
			}
		})
	}
}

func TestDefinesTemplates(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`{{define "a"}}x{{end}}`, true},
		{`{{- define "go-value" -}}v{{- end -}}`, true},
		{"{{ define \"a\" }}{{ end }}", true},
		{"terms defined in this License", false},
		{"if (x === undefined) { return }", false},
		{"{{ .Defined }}", false},
		{"{{- \n\tdefine \"a\" }}{{ end }}", true},
		{"undefined {{ define \"a\" }}{{ end }}", true},
		{"{{ undefine }} {{define}}", false},
		{"a define {{ x }}", false},
		{"define", false},
	}
	for _, tt := range tests {
		if got := definesTemplates([]byte(tt.text)); got != tt.want {
			t.Errorf("definesTemplates(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
