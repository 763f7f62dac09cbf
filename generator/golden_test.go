package generator

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator/golden"
)

// TestGolden renders a few representative combinations of the real
// blueprints and compares them with testdata/golden/<combination>/.
// Refresh with: go test ./... -update
func TestGolden(t *testing.T) {
	t.Parallel()
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	rich := loadModel(t, filepath.Join("..", "testdata", "models", "rich.yaml"))
	tests := []Options{
		{Name: "demo", Language: "go", Framework: "nethttp", Database: "sqlite", API: "rest"},
		{Name: "shelf", Language: "go", Framework: "nethttp", Database: "postgres", API: "rest", Model: cloneModel(rich)},
		{Name: "shelf", Language: "go", Framework: "nethttp", Database: "mongodb", API: "soap", Model: cloneModel(rich)},
		{Name: "shop-api", Language: "go", Framework: "chi", Database: "postgres", API: "soap", License: "Apache-2.0"},
		{Name: "notes", Language: "go", Framework: "gin", Database: "mongodb", API: "rest", License: "none", Model: resourceModel("note")},
		{Name: "library", Language: "go", Framework: "echo", Database: "mariadb", API: "rest", License: "GPL-3.0", Model: resourceModel("book")},
		{Name: "todo", Language: "python", Framework: "fastapi", Database: "postgres", API: "rest"},
		{Name: "orders", Language: "python", Framework: "django", Database: "mysql", API: "soap", Model: resourceModel("order")},
		{Name: "demo", Language: "typescript", Framework: "express", Database: "sqlite", API: "soap"},
		{Name: "demo", Language: "javascript", Framework: "express", Database: "mongodb", API: "rest"},
		{Name: "inventory", Language: "java", Framework: "spring", Database: "postgres", API: "rest", Model: resourceModel("item")},
	}
	for _, o := range tests {
		o.Owner, o.AuthorName, o.AuthorEmail = "octocat", "Ada Lovelace", "ada@example.com"
		name := o.Framework + "-" + o.Database + "-" + o.API
		if o.Model != nil && !o.Model.IsDefaultShape() {
			name += "-rich"
		}
		if _, ok := cat.Blueprint(o.Language, o.Framework); !ok {
			t.Errorf("%s: blueprint not in the catalog", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			g := &Generator{Catalog: cat, Version: "v0.0.0-golden", Now: func() time.Time { return fixedTime }}
			plan, err := g.Plan(o)
			if err != nil {
				t.Fatal(err)
			}
			files := make([]golden.File, len(plan.Files))
			for i, f := range plan.Files {
				files[i] = golden.File{Path: f.Path, Data: f.Data}
			}
			golden.CheckTree(t, filepath.Join("..", "testdata", "golden", o.Language+"-"+name), files)
		})
	}
}
