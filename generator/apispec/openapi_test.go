package apispec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi-validator/config"
	liberrors "github.com/pb33f/libopenapi-validator/errors"
	"github.com/pb33f/libopenapi-validator/schema_validation"
	"go.yaml.in/yaml/v3"

	"github.com/scaffold-dev/scaffold/generator/model"
)

func render(t *testing.T, m *model.Model, p Project) []byte {
	t.Helper()
	out, err := OpenAPI(m, p)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func describe(errs []*liberrors.ValidationError) string {
	var b strings.Builder
	for _, e := range errs {
		fmt.Fprintf(&b, "\n  %s: %s", e.Message, e.Reason)
		for _, s := range e.SchemaValidationErrors {
			fmt.Fprintf(&b, "\n    %s at %s", s.Reason, s.KeywordLocation)
		}
	}
	return b.String()
}

// TestOpenAPIIsValid checks the rendered document against the OpenAPI 3.1
// schema (libopenapi-validator embeds the official one).
func TestOpenAPIIsValid(t *testing.T) {
	for mname, m := range models(t) {
		for pname, p := range projects {
			t.Run(mname+"/"+pname, func(t *testing.T) {
				out := render(t, m, p)
				doc, err := libopenapi.NewDocument(out)
				if err != nil {
					t.Fatalf("libopenapi cannot read it: %v", err)
				}
				if v := doc.GetVersion(); v != "3.1.0" {
					t.Errorf("version %q, want 3.1.0", v)
				}
				if ok, errs := schema_validation.ValidateOpenAPIDocument(doc); !ok {
					t.Fatalf("not a valid OpenAPI 3.1 document:%s", describe(errs))
				}
				if _, err := doc.BuildV3Model(); err != nil {
					t.Fatalf("build the model: %v", err)
				}
				again := render(t, m, p)
				if !bytes.Equal(out, again) {
					t.Error("two renders of the same model differ")
				}
			})
		}
	}
}

type doc struct {
	Info struct {
		Title   string         `yaml:"title"`
		License map[string]any `yaml:"license"`
	} `yaml:"info"`
	Servers    []map[string]any          `yaml:"servers"`
	Paths      map[string]map[string]any `yaml:"paths"`
	Components struct {
		Schemas    map[string]map[string]any `yaml:"schemas"`
		Parameters map[string]map[string]any `yaml:"parameters"`
	} `yaml:"components"`
}

func (d doc) op(path, method string) map[string]any {
	op, _ := d.Paths[path][method].(map[string]any)
	return op
}

func decode(t *testing.T, out []byte) doc {
	t.Helper()
	var d doc
	if err := yaml.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func statuses(op map[string]any) []string {
	res, _ := op["responses"].(map[string]any)
	return slices.Sorted(maps.Keys(res))
}

// TestOpenAPIDescribesEveryResource checks paths, operation ids, the
// documented statuses (DESIGN.md §5) and the schemas of every resource.
func TestOpenAPIDescribesEveryResource(t *testing.T) {
	wantStatuses := map[string][]string{
		"list":    {"200", "400", "500"},
		"create":  {"201", "400", "409", "413", "415", "422", "500"},
		"get":     {"200", "404", "500"},
		"replace": {"200", "400", "404", "409", "413", "415", "422", "500"},
		"update":  {"200", "400", "404", "409", "413", "415", "422", "500"},
		"delete":  {"204", "404", "500"},
	}
	for mname, m := range models(t) {
		for pname, p := range projects {
			t.Run(mname+"/"+pname, func(t *testing.T) {
				d := decode(t, render(t, m, p))
				if d.Info.Title != "shelf API" {
					t.Errorf("title %q", d.Info.Title)
				}
				if (d.Info.License != nil) != (p.License != "none") {
					t.Errorf("licence %v for %q", d.Info.License, p.License)
				}
				if got := d.Servers[0]["url"]; got != fmt.Sprintf("http://localhost:%d", p.Port) {
					t.Errorf("server %v", got)
				}
				extras := []string{"/healthz", "/livez", "/readyz", "/openapi.yaml", "/docs"}
				for _, extra := range extras {
					if d.op(extra, "get") == nil {
						t.Errorf("no GET %s", extra)
					}
				}
				for probe, want := range map[string][]string{"/healthz": {"200", "503"}, "/livez": {"200"}, "/readyz": {"200", "503"}} {
					if got := statuses(d.op(probe, "get")); !slices.Equal(got, want) {
						t.Errorf("%s statuses %v, want %v", probe, got, want)
					}
				}
				if want := len(extras) + 2*len(m.Resources); len(d.Paths) != want {
					t.Errorf("%d paths, want %d", len(d.Paths), want)
				}
				for _, r := range resources(m) {
					coll, item := "/api/v1/"+r.P.Kebab, "/api/v1/"+r.P.Kebab+"/{id}"
					ops := map[string]map[string]any{
						"list": d.op(coll, "get"), "create": d.op(coll, "post"), "get": d.op(item, "get"),
						"replace": d.op(item, "put"), "update": d.op(item, "patch"), "delete": d.op(item, "delete"),
					}
					for verb, op := range ops {
						if op == nil {
							t.Errorf("%s: no %s operation", r.P.Kebab, verb)
							continue
						}
						name := r.S.Pascal
						if verb == "list" {
							name = r.P.Pascal
						}
						if got := op["operationId"]; got != verb+name {
							t.Errorf("%s %s: operationId %v, want %s", r.P.Kebab, verb, got, verb+name)
						}
						if got := statuses(op); !slices.Equal(got, wantStatuses[verb]) {
							t.Errorf("%s %s: statuses %v, want %v", r.P.Kebab, verb, got, wantStatuses[verb])
						}
					}
					content := ops["update"]["requestBody"].(map[string]any)["content"].(map[string]any)
					if got := slices.Sorted(maps.Keys(content)); !slices.Equal(got, []string{appJSON, mergePatch}) {
						t.Errorf("%s patch content types %v", r.P.Kebab, got)
					}
					checkSchemas(t, d, r, p)
					checkListParameters(t, ops["list"], r)
				}
			})
		}
	}
}

func checkSchemas(t *testing.T, d doc, r resource, p Project) {
	t.Helper()
	pub, create, patch := d.Components.Schemas[r.S.Pascal], d.Components.Schemas[r.S.Pascal+"Create"], d.Components.Schemas[r.S.Pascal+"Patch"]
	if pub == nil || create == nil || patch == nil || d.Components.Schemas[r.S.Pascal+"List"] == nil {
		t.Fatalf("%s: missing schemas", r.S.Pascal)
	}
	wantPublic := append([]any{"id"}, fieldNames(r)...)
	wantPublic = append(wantPublic, "created_at", "updated_at")
	if got := pub["required"]; !slices.Equal(got.([]any), wantPublic) {
		t.Errorf("%s required %v, want %v", r.S.Pascal, got, wantPublic)
	}
	idType := pub["properties"].(map[string]any)["id"].(map[string]any)["type"]
	if want := map[bool]string{true: "integer", false: "string"}[p.IntegerIDs]; idType != want {
		t.Errorf("%s id type %v, want %s", r.S.Pascal, idType, want)
	}
	var required []any
	for _, f := range r.Fields {
		if f.Required {
			required = append(required, f.Name)
		}
	}
	if got, _ := create["required"].([]any); !slices.Equal(got, required) {
		t.Errorf("%sCreate required %v, want %v", r.S.Pascal, got, required)
	}
	if _, ok := patch["required"]; ok {
		t.Errorf("%sPatch has required fields", r.S.Pascal)
	}
	for name, s := range map[string]map[string]any{"Create": create, "Patch": patch} {
		if s["additionalProperties"] != false {
			t.Errorf("%s%s: additionalProperties %v, want false", r.S.Pascal, name, s["additionalProperties"])
		}
	}
	for _, f := range r.Fields {
		for name, s := range map[string]map[string]any{"": pub, "Create": create, "Patch": patch} {
			fs := s["properties"].(map[string]any)[f.Name].(map[string]any)
			_, isList := fs["type"].([]any)
			if isList != f.Nullable() {
				t.Errorf("%s%s.%s: type %v, nullable %v", r.S.Pascal, name, f.Name, fs["type"], f.Nullable())
			}
			if _, ok := fs["default"]; ok != (name == "Create" && f.HasDefault()) {
				t.Errorf("%s%s.%s: default %v", r.S.Pascal, name, f.Name, fs["default"])
			}
			if f.Type == model.Enum && f.Nullable() && !slices.Contains(fs["enum"].([]any), nil) {
				t.Errorf("%s%s.%s: a nullable enum without null: %v", r.S.Pascal, name, f.Name, fs["enum"])
			}
		}
	}
}

func fieldNames(r resource) []any {
	var out []any
	for _, f := range r.Fields {
		out = append(out, f.Name)
	}
	return out
}

func checkListParameters(t *testing.T, op map[string]any, r resource) {
	t.Helper()
	var got []string
	for _, p := range op["parameters"].([]any) {
		pm := p.(map[string]any)
		if ref, ok := pm["$ref"].(string); ok {
			got = append(got, ref[strings.LastIndex(ref, "/")+1:])
			continue
		}
		got = append(got, pm["name"].(string))
	}
	want := []string{"Limit", "Offset", "sort"}
	for _, f := range r.Fields {
		if f.Filterable() {
			want = append(want, f.Name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s list parameters %v, want %v", r.P.Kebab, got, want)
	}
}

func newValidator(t *testing.T, out []byte) validator.Validator {
	t.Helper()
	d, err := libopenapi.NewDocument(out)
	if err != nil {
		t.Fatal(err)
	}
	v, errs := validator.NewValidator(d, config.WithFormatAssertions())
	if len(errs) > 0 {
		t.Fatalf("validator: %v", errs)
	}
	return v
}

func request(t *testing.T, method, path, contentType, body string) *http.Request {
	t.Helper()
	var rd *strings.Reader
	if body != "" {
		rd = strings.NewReader(body)
	} else {
		rd = strings.NewReader("")
	}
	req, err := http.NewRequest(method, "http://localhost:8080"+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return req
}

func withField(r model.Resource, name string, v json.RawMessage) string {
	obj := map[string]json.RawMessage{}
	for k, val := range r.Example(0) {
		b, _ := json.Marshal(val)
		obj[k] = b
	}
	obj[name] = v
	b, _ := json.Marshal(obj)
	return string(b)
}

// TestOpenAPIBodiesMatchTheModel checks the request schemas with the model's
// own samples: every valid value passes in POST, PUT and PATCH, every
// invalid one (that JSON decoders can hold) fails, so a fuzzer that trusts
// the spec sends only what the service accepts.
func TestOpenAPIBodiesMatchTheModel(t *testing.T) {
	for mname, m := range models(t) {
		t.Run(mname, func(t *testing.T) {
			v := newValidator(t, render(t, m, projects["sql"]))
			for _, r := range resources(m) {
				coll, item := "/api/v1/"+r.P.Kebab, "/api/v1/"+r.P.Kebab+"/7"
				expect := func(want bool, method, path, ct, body, why string) {
					t.Helper()
					ok, errs := v.ValidateHttpRequest(request(t, method, path, ct, body))
					if ok != want {
						t.Errorf("%s %s %s (%s): valid=%v, want %v%s", method, path, body, why, ok, want, describe(errs))
					}
				}
				example, _ := json.Marshal(r.Example(0))
				expect(true, "POST", coll, appJSON, string(example), "the example")
				expect(true, "PUT", item, appJSON, string(example), "the example")
				minimal, _ := json.Marshal(r.Minimal(0))
				expect(true, "POST", coll, appJSON, string(minimal), "the minimal example")
				expect(true, "PATCH", item, mergePatch, "{}", "an empty patch")
				expect(false, "POST", coll, appJSON, withField(r.Resource, "no_such_field", json.RawMessage(`1`)), "an unknown key")
				expect(false, "PATCH", item, mergePatch, `{"no_such_field":1}`, "an unknown key")
				for _, f := range r.Fields {
					if f.Type != model.Int {
						continue
					}
					for _, n := range []int64{model.MaxSafeInt + 1, -model.MaxSafeInt - 1} {
						if f.Check(n) != "" {
							expect(false, "POST", coll, appJSON, withField(r.Resource, f.Name, json.RawMessage(fmt.Sprint(n))), f.Name+": past what JSON carries exactly")
						}
					}
				}
				if len(minimal) > 2 && slices.ContainsFunc(r.Fields, func(f model.Field) bool { return f.Required }) {
					expect(false, "POST", coll, appJSON, "{}", "no required field")
				}
				for _, f := range r.Fields {
					samples := f.Edges()
					for n := range 3 {
						samples = append(samples, model.Sample{Rule: fmt.Sprintf("valid %d", n), Value: f.Valid(n)})
					}
					for _, s := range samples {
						why := f.Name + ": " + s.Rule
						expect(true, "POST", coll, appJSON, withField(r.Resource, f.Name, json.RawMessage(s.JSON())), why)
						expect(true, "PATCH", item, mergePatch, fmt.Sprintf("{%q:%s}", f.Name, s.JSON()), why)
					}
					for _, s := range f.Invalid() {
						if s.IsRaw() {
							continue // only the service's own JSON decoder can tell these
						}
						why := f.Name + ": " + s.Rule
						expect(false, "POST", coll, appJSON, withField(r.Resource, f.Name, json.RawMessage(s.JSON())), why)
						expect(false, "PUT", item, appJSON, withField(r.Resource, f.Name, json.RawMessage(s.JSON())), why)
						expect(false, "PATCH", item, appJSON, fmt.Sprintf("{%q:%s}", f.Name, s.JSON()), why)
					}
				}
			}
		})
	}
}

// TestOpenAPIQueryParameters checks the bounds of limit, offset, sort and
// the filters as the spec declares them.
func TestOpenAPIQueryParameters(t *testing.T) {
	m := models(t)["rich"]
	v := newValidator(t, render(t, m, projects["sql"]))
	for _, tc := range []struct {
		query string
		want  bool
	}{
		{"", true},
		{"limit=1&offset=0", true},
		{"limit=100", true},
		{"limit=0", false},
		{"limit=101", false},
		{"limit=abc", false},
		{"offset=9223372036854775807", true},
		{"offset=2147483648", true},
		{"offset=-1", false},
		{"offset=1.5", false},
		{"sort=-title", true},
		{"sort=title,-created_at,id", true},
		{"sort=-updated_at", true},
		{"sort=nope", false},
		{"sort=title,", false},
		{"sort=--title", false},
		{"sort=titles", false},
		{"pages=12", true},
		{"pages=9007199254740991", true},
		{"pages=9007199254740992", false},
		{"pages=abc", false},
		{"available=true", true},
		{"available=maybe", false},
		{"status=reading", true},
		{"status=nope", false},
		{"published_on=2024-05-31", true},
		{"published_on=2024-13-01", false},
		{"title=" + url.QueryEscape("Dune"), true},
		{"title=" + url.QueryEscape("a\x00b"), false},
	} {
		t.Run(tc.query, func(t *testing.T) {
			ok, errs := v.ValidateHttpRequest(request(t, "GET", "/api/v1/books?"+tc.query, "", ""))
			if ok != tc.want {
				t.Errorf("valid=%v, want %v%s", ok, tc.want, describe(errs))
			}
		})
	}
}

// TestPatterns checks the string patterns against what the services do.
func TestPatterns(t *testing.T) {
	var back string
	if err := yaml.Unmarshal([]byte(notBlankYAML), &back); err != nil || back != NotBlank {
		t.Fatalf("notBlankYAML reads as %q (%v), want NotBlank %q", back, err, NotBlank)
	}
	for _, tc := range []struct {
		pattern, in string
		want        bool
	}{
		{NotBlank, "a", true},
		{NotBlank, "  Dune  ", true},
		{NotBlank, "été", true},
		{NotBlank, "✓", true},
		{NotBlank, "", false},
		{NotBlank, "   ", false},
		{NotBlank, "\t\n\v\f\r", false},
		{NotBlank, "\u00a0\u3000\u2028\ufeff\u200b\u1680\u0085\x1c", false},
		{NotBlank, "a\x00", false},
		{NoNUL, "", true},
		{NoNUL, "anything at all ✓", true},
		{NoNUL, "bad\x00value", false},
		{DatePattern, "2024-02-29", true},
		{DatePattern, "0001-01-01", true},
		{DatePattern, "0000-01-01", false},
		{DatePattern, "2024-5-1", false},
		{DatePattern, "٢٠٢٤-05-01", false},
		{DateTimePattern, "2024-05-31T14:30:00Z", true},
		{DateTimePattern, "2024-05-31T14:30:00.123456+02:00", true},
		{DateTimePattern, "2024-05-31T14:30:00", false},
		{DateTimePattern, "2024-05-31t14:30:00z", false},
		{DateTimePattern, "2024-05-31T23:59:60Z", false},
		{ObjectIDPattern, "665f1c2e9b1e8a3d4c5b6a79", true},
		{ObjectIDPattern, "665F1C2E9B1E8A3D4C5B6A79", false},
	} {
		if got := regexp.MustCompile(tc.pattern).MatchString(tc.in); got != tc.want {
			t.Errorf("%q matches %q: %v, want %v", tc.pattern, tc.in, got, tc.want)
		}
	}
	// Every string the model calls blank is refused by NotBlank, and the other way round.
	f := model.Field{Name: "title", Type: model.String, Required: true}
	for _, s := range []string{" ", "\u3000", "\u00a0x", "x", "\u2029", "\u205f"} {
		modelOK := f.Check(s) == ""
		if patternOK := regexp.MustCompile(NotBlank).MatchString(s); modelOK && !patternOK {
			t.Errorf("%q: the model accepts it, the pattern refuses it", s)
		}
	}
}
