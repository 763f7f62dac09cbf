package generator

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/scaffold-dev/scaffold/blueprints"
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
	for _, bp := range cat.Blueprints {
		for _, db := range bp.Databases {
			for _, api := range bp.APIs {
				t.Run(bp.Name+"/"+db+"/"+api, func(t *testing.T) {
					t.Parallel()
					// An unusual resource name shows any template that
					// spells the default resource instead of using the data.
					o := Options{Name: "demo-api", Language: bp.Language, Framework: bp.Framework,
						Database: db, API: api, Owner: "octocat", AuthorName: "Ada", AuthorEmail: "ada@example.com",
						Model: resourceModel("gizmo")}
					o.ApplyDefaults(cat)
					if err := o.Validate(cat); err != nil {
						t.Fatal(err)
					}
					files, err := Render(cat, bp, NewData(&o, cat, bp, "test", fixedTime))
					if err != nil {
						t.Fatal(err)
					}
					for _, f := range files {
						if strings.Contains(string(f.Data), "<no value>") {
							t.Errorf("%s contains <no value>", f.Path)
						}
						if loc := taskRe.FindIndex(append([]byte(f.Path+"\n"), f.Data...)); loc != nil {
							t.Errorf("%s spells the default resource (%q) instead of using .Resource", f.Path, taskRe.Find(append([]byte(f.Path+"\n"), f.Data...)))
						}
					}
				})
			}
		}
	}
}

// taskRe finds the default resource's name where a template should have used
// the resource data.
var taskRe = regexp.MustCompile(`(?i:\btasks?\b)|Tasks?[A-Z(]|[a-z_]tasks?\b`)
