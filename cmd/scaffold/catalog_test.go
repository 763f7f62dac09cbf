package main

import (
	"io/fs"
	"regexp"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator"
)

// contractOverride is the contract the model tests pin blueprints to,
// whatever their manifests say today: net/http and chi take a model (v2),
// gin does not (v1). Blueprints move to v2 one family at a time; the tests
// of the CLI must not change with them.
var contractOverride = map[string]string{"go-nethttp": "v2", "go-chi": "v2", "go-gin": "v1"}

var (
	pinnedOnce sync.Once
	pinned     *generator.Catalog
	pinnedErr  error
)

var contractLine = regexp.MustCompile(`(?m)^contract:.*$`)

// pinnedCatalog is the embedded catalog with contractOverride applied.
func pinnedCatalog(t *testing.T) *generator.Catalog {
	t.Helper()
	pinnedOnce.Do(func() {
		fsys := fstest.MapFS{}
		pinnedErr = fs.WalkDir(blueprints.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(blueprints.FS, p)
			if err != nil {
				return err
			}
			info, _ := d.Info()
			fsys[p] = &fstest.MapFile{Data: data, Mode: info.Mode()}
			return nil
		})
		if pinnedErr != nil {
			return
		}
		for name, contract := range contractOverride {
			f := fsys[name+"/blueprint.yaml"]
			if f == nil {
				continue
			}
			line := []byte("contract: " + contract)
			if contractLine.Match(f.Data) {
				f.Data = contractLine.ReplaceAll(f.Data, line)
			} else {
				f.Data = append(append(f.Data, '\n'), append(line, '\n')...)
			}
		}
		pinned, pinnedErr = generator.LoadCatalogYAML(fsys) // the YAML it edited, not the compiled catalog
	})
	if pinnedErr != nil {
		t.Fatalf("load the pinned catalog: %v", pinnedErr)
	}
	for name, contract := range contractOverride {
		for _, bp := range pinned.Blueprints {
			if bp.Name == name && bp.Contract != contract {
				t.Fatalf("%s is on contract %s in the pinned catalog, want %s", name, bp.Contract, contract)
			}
		}
	}
	return pinned
}
