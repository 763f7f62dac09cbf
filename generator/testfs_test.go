package generator

import (
	"github.com/scaffold-dev/scaffold/generator/model"
	"testing"
	"testing/fstest"
)

// testCatalogFS is a small, self-contained blueprint tree for engine tests:
// one layer, two blueprints, rules, partials, a path template and a file that
// renders empty.
func testCatalogFS() fstest.MapFS {
	return fstest.MapFS{
		"catalog.yaml": {Data: []byte(`
languages:
  - {id: go, title: Go}
  - {id: python, title: Python}
databases:
  - {id: sqlite, title: SQLite, dialect: sqlite, sql: true, url: app.db, compose_url: /data/app.db}
  - {id: postgres, title: PostgreSQL, dialect: postgres, sql: true, image: "postgres:17", port: 5432, url: "postgres://localhost/app", compose_url: "postgres://db/app"}
  - {id: mongodb, title: MongoDB, dialect: mongodb, image: "mongo:8", port: 27017, url: "mongodb://localhost/app", compose_url: "mongodb://db/app"}
apis:
  - {id: rest, title: REST}
  - {id: soap, title: SOAP}
licenses:
  - {id: MIT, title: MIT License}
  - {id: none, title: No licence}
`)},
		"common/layer.yaml": {Data: []byte(`
files:
  - paths: [LICENSE]
    when: {license: [MIT]}
`)},
		"common/LICENSE.tmpl":       {Data: []byte("MIT {{.License.Year}} {{.Author.Name}}\n")},
		"common/README.md.tmpl":     {Data: []byte("# {{.Project.Title}}\n{{template \"_family/prereqs.md\" .}}\n{{include \"_family/prereqs.md\" . | trim | upper}}\n")},
		"common/_family/prereqs.md": {Data: []byte("- nothing\n")},
		"common/.editorconfig":      {Data: []byte("root = true\n{{ not a template }}\n")},
		"common/empty.txt.tmpl":     {Data: []byte("{{if .API.SOAP}}soap only{{end}}\n")},
		"common/run.sh":             {Data: []byte("#!/bin/sh\necho hi\n")},
		"go-std/blueprint.yaml":     {Data: []byte(goStdManifest)},
		"go-std/_family/prereqs.md": {Data: []byte("- Go {{.Go.Package}}\n")},
		"go-std/main.go.tmpl":       {Data: []byte("package main // {{.Resource.Plural.Pascal}} on {{.DB.Title}}\n")},
		"go-std/internal/{{.Resource.Singular.Snake}}/model.go.tmpl": {Data: []byte("package {{.Resource.Singular.Lower}}\n")},
		"go-std/soap/handler.go.tmpl":                                {Data: []byte("package soap // {{.API.Namespace}}\n")},
		"go-std/store/sql.go.tmpl":                                   {Data: []byte("package store // {{.DB.Dialect}}\n")},
		"go-std/store/mongo.go.tmpl":                                 {Data: []byte("package store // mongo\n")},
		"py-flask/blueprint.yaml": {Data: []byte(`
name: py-flask
language: python
framework: flask
title: Flask
layers: [common]
databases: [postgres, sqlite]
apis: [rest]
unsupported:
  - {database: mongodb, reason: "no maintained driver"}
commands: {setup: pip install ., test: pytest, run: flask run}
`)},
		"py-flask/app.py.tmpl": {Data: []byte("# {{.Python.Package}}\n")},
	}
}

const goStdManifest = `
name: go-std
language: go
framework: std
title: net/http
default: true
layers: [common]
databases: [sqlite, postgres, mongodb]
apis: [rest, soap]
port: 8080
commands: {setup: go mod download, check: go vet ./..., test: go test ./..., run: go run .}
ecosystem: gomod
contract: v2
files:
  - paths: ["soap/**"]
    when: {api: [soap]}
  - paths: ["store/sql.go"]
    when: {db: [sqlite, postgres]}
  - paths: ["store/mongo.go"]
    when: {db: [mongodb]}
`

func testCatalog(t *testing.T) *Catalog {
	t.Helper()
	cat, err := LoadCatalog(testCatalogFS())
	if err != nil {
		t.Fatalf("LoadCatalog: %v", err)
	}
	return cat
}

// validOptions are complete answers for the test catalog.
func validOptions() Options {
	return Options{
		Dir: "demo", Name: "demo-api", Language: "go", Framework: "std", Database: "sqlite",
		API: "rest", Owner: "octocat", License: "MIT", AuthorName: "Ada Lovelace",
		AuthorEmail: "ada@example.com", Git: true,
	}
}

// resourceModel is the default model under another resource name.
func resourceModel(name string) *model.Model {
	m := &model.Model{Resources: []model.Resource{model.DefaultResource(name)}}
	m.Normalize()
	return m
}
