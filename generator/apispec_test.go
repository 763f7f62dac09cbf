package generator

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator/model"
)

func richModel(t *testing.T) *model.Model {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "models", "rich.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	m.Normalize()
	return m
}

type specDoc struct {
	Info struct {
		Title string `yaml:"title"`
	} `yaml:"info"`
	Paths map[string]map[string]any `yaml:"paths"`
}

func operationIDs(t *testing.T, data []byte) map[string]string {
	t.Helper()
	var d specDoc
	if err := yaml.Unmarshal(data, &d); err != nil {
		t.Fatalf("%s is not YAML: %v", OpenAPIFile, err)
	}
	ids := map[string]string{}
	for path, item := range d.Paths {
		for method, op := range item {
			if m, ok := op.(map[string]any); ok {
				ids[strings.ToUpper(method)+" "+path], _ = m["operationId"].(string)
			}
		}
	}
	return ids
}

// wantOperations are the operations of every resource, named with the
// generator's own naming (NewName), which the spec must agree with.
func wantOperations(m *model.Model) map[string]string {
	want := map[string]string{"GET /healthz": "getHealth", "GET /livez": "getLiveness", "GET /readyz": "getReadiness", "GET /openapi.yaml": "getOpenApi", "GET /docs": "getDocs"}
	for _, r := range m.Resources {
		s, p := NewName(r.Name), NewName(r.Plural)
		coll, item := "/api/v1/"+p.Kebab, "/api/v1/"+p.Kebab+"/{id}"
		want["GET "+coll] = "list" + p.Pascal
		want["POST "+coll] = "create" + s.Pascal
		want["GET "+item] = "get" + s.Pascal
		want["PUT "+item] = "replace" + s.Pascal
		want["PATCH "+item] = "update" + s.Pascal
		want["DELETE "+item] = "delete" + s.Pascal
	}
	return want
}

func TestSpecFilesFollowTheModel(t *testing.T) {
	t.Parallel()
	rich := richModel(t)
	for _, tc := range []struct {
		name     string
		manifest string // the go-std manifest
		api      string
		want     []string // the engine's files
	}{
		{"v2 REST", goStdManifest, "rest", []string{OpenAPIFile}},
		{"v2 SOAP", goStdManifest, "soap", []string{WSDLFile}},
		{"v1 REST", strings.Replace(goStdManifest, "contract: v2", "contract: v1", 1), "rest", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := testCatalogFS()
			fsys["go-std/blueprint.yaml"] = &fstest.MapFile{Data: []byte(tc.manifest)}
			files, err := renderTest(t, fsys, func(o *Options) {
				o.API = tc.api
				if strings.Contains(tc.manifest, "contract: v2") {
					o.Model = rich
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range []string{OpenAPIFile, WSDLFile} {
				if _, ok := files[p]; ok {
					got = append(got, p)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("engine files %v, want %v", got, tc.want)
			}
			if f, ok := files[OpenAPIFile]; ok {
				ids := operationIDs(t, f.Data)
				if want := wantOperations(rich); !maps.Equal(ids, want) {
					t.Errorf("operations\n got %v\nwant %v", ids, want)
				}
			}
			if f, ok := files[WSDLFile]; ok {
				checkWSDLNames(t, f.Data, rich, "DemoApiService")
			}
		})
	}
}

// checkWSDLNames checks the WSDL's operations and element names against the
// generator's own naming (NewName), which the SOAP handlers are written with.
func checkWSDLNames(t *testing.T, data []byte, m *model.Model, service string) {
	t.Helper()
	text := string(data)
	if !strings.Contains(text, `<wsdl:service name="`+service+`">`) {
		t.Errorf("the WSDL has no service %s", service)
	}
	for _, r := range m.Resources {
		s, p := NewName(r.Name), NewName(r.Plural)
		for _, op := range []string{"Create" + s.Pascal, "Get" + s.Pascal, "List" + p.Pascal, "Update" + s.Pascal, "Delete" + s.Pascal} {
			for _, want := range []string{`<wsdl:operation name="` + op + `">`, `<xs:element name="` + op + `Response">`} {
				if !strings.Contains(text, want) {
					t.Errorf("the WSDL lacks %s", want)
				}
			}
		}
		if want := `<xs:element name="` + s.Camel + `" type="tns:` + s.Pascal + `"/>`; !strings.Contains(text, want) {
			t.Errorf("the WSDL lacks %s", want)
		}
	}
}

func TestBlueprintMayNotWriteTheSpec(t *testing.T) {
	t.Parallel()
	fsys := testCatalogFS()
	fsys["go-std/api/openapi.yaml"] = &fstest.MapFile{Data: []byte("openapi: 3.1.0\n")}
	_, err := renderTest(t, fsys, nil)
	if err == nil || !strings.Contains(err.Error(), "go-std/api/openapi.yaml writes api/openapi.yaml, which the engine renders") {
		t.Fatalf("got %v, want an error naming the blueprint's file", err)
	}
}

// TestNewShelfWithTheRichModel is `scaffold new shelf --model
// testdata/models/rich.yaml --yes` on the embedded blueprints: the spec
// describes both resources.
func TestNewShelfWithTheRichModel(t *testing.T) {
	t.Parallel()
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	g := &Generator{Catalog: cat, Version: "test", Now: func() time.Time { return fixedTime }}
	for _, tc := range []struct{ db, api string }{{"sqlite", "rest"}, {"mongodb", "rest"}, {"postgres", "soap"}, {"mongodb", "soap"}} {
		t.Run(tc.db+"/"+tc.api, func(t *testing.T) {
			rich := richModel(t)
			plan, err := g.Plan(Options{Dir: "shelf", Name: "shelf", Language: "go", Framework: "nethttp", API: tc.api, Database: tc.db, Model: rich})
			if err != nil {
				t.Fatal(err)
			}
			if plan.Blueprint.Contract != ContractV2 {
				t.Skipf("the default blueprint %s is on contract %s", plan.Blueprint.Name, plan.Blueprint.Contract)
			}
			byPath := map[string]File{}
			for _, f := range plan.Files {
				byPath[f.Path] = f
			}
			if tc.api == "rest" {
				spec, ok := byPath[OpenAPIFile]
				if !ok {
					t.Fatalf("no %s", OpenAPIFile)
				}
				if ids, want := operationIDs(t, spec.Data), wantOperations(rich); !maps.Equal(ids, want) {
					t.Errorf("operations\n got %v\nwant %v", ids, want)
				}
			} else {
				wsdl, ok := byPath[WSDLFile]
				if !ok {
					t.Fatalf("no %s", WSDLFile)
				}
				checkWSDLNames(t, wsdl.Data, rich, "ShelfService")
			}
			answers := string(byPath[AnswersFile].Data)
			for _, want := range []string{"contract: v2", "- name: book", "- name: author", "name: verified_at"} {
				if !strings.Contains(answers, want) {
					t.Errorf("%s lacks %q", AnswersFile, want)
				}
			}
		})
	}
}
