package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"hash/fnv"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator/golden"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// TestGofmtCleanTemplates renders every Go combination over the test
// models, a preset and random models (field names from 1 to 40 characters, every
// type and modifier) and module paths that sort before, among and after the
// third-party imports, and fails when gofmt would change a generated .go
// file. The engine formats only the templates without gofmtCleanMarker, so a
// failure names a marked template that does not align its own output: make it
// use the align function, or remove its marker.
func TestGofmtCleanTemplates(t *testing.T) {
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	models := map[string]*model.Model{"default": nil}
	for _, name := range []string{"rich", "long-names"} {
		raw, err := os.ReadFile(filepath.Join("..", "testdata", "models", name+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if models[name], err = model.Parse(raw); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	presets, err := model.Presets()
	if err != nil {
		t.Fatal(err)
	}
	randoms := 3
	if testing.Short() {
		randoms = 1
	}
	// Module paths before (aaa.io), between (github.com/a…, github.com/zz…)
	// and after (zzz.example.org) the third-party imports.
	owners := []struct{ name, module string }{
		{"demo", ""},
		{"x", "aaa.io/x"},
		{"a-project-name-of-forty-characters-long", "github.com/a/a-project-name-of-forty-characters-long"},
		{"shop", "github.com/zz-owner/shop"},
		{"deep", "zzz.example.org/team/services/deep"},
	}

	marked := 0
	err = fs.WalkDir(blueprints.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go.tmpl") {
			return err
		}
		raw, err := fs.ReadFile(blueprints.FS, p)
		if bytes.HasPrefix(raw, gofmtCleanMarker) {
			marked++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if marked == 0 {
		t.Fatal("no Go template carries the gofmt-clean marker: the test checks nothing the engine skips")
	}
	g := &Generator{Catalog: cat, Version: "test"}
	eachCombination(t, cat, false, func(t *testing.T, bp Blueprint, db, api string) {
		if bp.Language != "go" {
			return
		}
		// Besides the test models, each combination gets a preset and
		// random models of its own, so the run covers many models in all.
		h := fnv.New64a()
		h.Write([]byte(bp.Name + db + api))
		rng := rand.New(rand.NewPCG(h.Sum64(), 15))
		models := maps.Clone(models)
		p := presets[rng.IntN(len(presets))]
		models["preset "+p.ID] = p.Model
		for i := range randoms {
			models[fmt.Sprintf("random %d", i)] = randomModel(t, rng)
		}
		i := 0
		for _, name := range slices.Sorted(maps.Keys(models)) {
			m := models[name]
			o := owners[(i+rng.IntN(len(owners)))%len(owners)]
			i++
			plan, err := g.Plan(Options{Name: o.name, Module: o.module, Language: bp.Language, Framework: bp.Framework,
				Database: db, API: api, Model: m, AuthorName: "Ada", AuthorEmail: "ada@example.com"})
			if err != nil {
				t.Fatalf("model %s: %v", name, err)
			}
			for _, f := range plan.Files {
				if !strings.HasSuffix(f.Path, ".go") {
					continue
				}
				got, err := format.Source(f.Data)
				switch {
				case err != nil:
					t.Errorf("model %s, module %s: %s is not valid Go: %v", name, plan.Options.Module, f.Path, err)
				case !bytes.Equal(got, f.Data):
					t.Errorf("model %s, module %s: gofmt would change %s at %s", name, plan.Options.Module, f.Path, golden.FirstDiff(got, f.Data))
				}
			}
		}
	})
}

// randomModel is a valid model of one to four resources with random names
// of every length and random fields of every type and modifier.
func randomModel(t *testing.T, rng *rand.Rand) *model.Model {
	t.Helper()
	syllables := []string{"ab", "cor", "de", "fi", "gum", "ho", "ix", "ju", "ka", "lo", "mu", "nor", "qui", "ru", "sy", "tam", "vex", "wo"}
	word := func(maxLen int) string {
		var b strings.Builder
		target := 1 + rng.IntN(maxLen)
		for b.Len() < target {
			if b.Len() > 0 && rng.IntN(4) == 0 && b.Len()+2 <= target {
				b.WriteByte('_')
			}
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		s := strings.Trim(b.String()[:min(b.Len(), target)], "_")
		if s == "" {
			s = "q"
		}
		return s
	}
	num := func(v float64) *float64 { return &v }
	for range 1000 {
		m := &model.Model{}
		used := map[string]bool{}
		for range 1 + rng.IntN(4) {
			r := model.Resource{Name: word(model.MaxNameLen)}
			if used[r.Name] {
				continue
			}
			used[r.Name] = true
			seen := map[string]bool{}
			for range 1 + rng.IntN(10) {
				f := model.Field{Name: word(model.MaxNameLen), Type: model.Types[rng.IntN(len(model.Types))]}
				if seen[f.Name] {
					continue
				}
				seen[f.Name] = true
				f.Required = rng.IntN(3) == 0
				switch f.Type {
				case model.String, model.Text:
					if rng.IntN(2) == 0 {
						f.Min, f.Max = num(1), num(float64(2+rng.IntN(150)))
					}
					f.Unique = f.Type == model.String && rng.IntN(4) == 0
				case model.Int, model.Float:
					if rng.IntN(2) == 0 {
						f.Min, f.Max = num(0), num(float64(1+rng.IntN(100000)))
					}
					if !f.Required && rng.IntN(3) == 0 {
						f.Default = 0
					}
				case model.Bool:
					if !f.Required && rng.IntN(2) == 0 {
						f.Default = rng.IntN(2) == 0
					}
				case model.Enum:
					for range 1 + rng.IntN(5) {
						if v := word(20); !slices.Contains(f.Values, v) {
							f.Values = append(f.Values, v)
						}
					}
					if !f.Required && rng.IntN(2) == 0 {
						f.Default = f.Values[0]
					}
				}
				r.Fields = append(r.Fields, f)
			}
			m.Resources = append(m.Resources, r)
		}
		m.Normalize()
		if m.Validate() == nil {
			return m
		}
	}
	t.Fatal("no valid random model in 1000 tries")
	return nil
}
