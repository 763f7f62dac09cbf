package contract

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/scaffold-dev/scaffold/generator/model"
)

func loadModel(t *testing.T, name string) *model.Model {
	t.Helper()
	if name == "default" {
		m := model.Default()
		m.Normalize()
		return m
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "models", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	m.Normalize()
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	return m
}

// testOptions keep the self-tests quick and reproducible.
var testOptions = Options{Seed: 20260101, Cases: 25}

// TestV2PassesACorrectService runs contract v2 against the reference fake, for
// the default and the rich model, over REST and SOAP.
func TestV2PassesACorrectService(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"default", "rich"} {
		for _, api := range []string{"rest", "soap"} {
			t.Run(name+"/"+api, func(t *testing.T) {
				t.Parallel()
				m := loadModel(t, name)
				srv := httptest.NewServer(newFake2(m, ""))
				defer srv.Close()
				RunV2With(Wrap(t), api, srv.URL, m, testOptions)
			})
		}
	}
}

// TestV2FailsABrokenService runs contract v2 against fakes that each break one
// rule, and checks the suite fails in the check that names the rule.
func TestV2FailsABrokenService(t *testing.T) {
	t.Parallel()
	type brokenCase struct {
		api, model, bug string
		wantFailed      string // a substring of a failing check's name
	}
	var cases []brokenCase
	for _, tc := range []brokenCase{
		{"rest", "rich", "no-sort", "sort=-pages orders by pages descending"},
		{"rest", "rich", "filter-ignored", "GET list with status=<value> returns exactly"},
		{"rest", "rich", "null-required-accepted", "POST with title = null for a required field is 422"},
		{"rest", "rich", "nul-stored", "POST with title = a string holding U+0000 is 422"},
		{"rest", "default", "big-offset-500", "offset=9223372036854775807"},
		{"rest", "rich", "unknown-field-ignored", "POST with an unknown field is 422 naming it"},
		{"rest", "rich", "no-409", "same isbn is a 409"},
		{"rest", "default", "updated-at-frozen", "PATCH with only title changes title and nothing else, and changes updated_at"},
		{"rest", "default", "any-content-type", "POST with text/plain is 415"},
		{"rest", "default", "405-no-allow", "405 problem+json with Allow"},
		{"rest", "default", "docs-cdn", "/docs serves HTML whose scripts and styles all come from the service"},
		{"rest", "default", "prop-emoji-500", "property phase"},
		{"rest", "rich", "spec-too-strict", "property phase"},
		{"rest", "default", "no-nosniff", "nosniff"},
		{"rest", "default", "reads-whole-body", "refused with 413 before the service reads it all"},
		{"rest", "default", "deep-nesting-accepted", "nested deeper than 64 levels"},
		{"rest", "default", "trailing-accepted", "data after the JSON value"},
		{"rest", "default", "id-reused", "never handed out twice"},
		{"rest", "rich", "patch-replaces", "PATCH with only pages changes pages and nothing else"},
		{"rest", "rich", "datetime-not-utc", "last_read_at"},
		{"rest", "rich", "missing-keys", "gives every absent field its default, or null"},
		{"rest", "default", "healthz-form-500", "never a 5xx"},
		{"rest", "default", "no-livez", "probes healthz, livez and readyz"},
		{"rest", "default", "readyz-any-method", "405 problem+json with Allow"},
		{"soap", "default", "no-livez", "probes healthz, livez and readyz"},
		{"rest", "default", "openapi-3.0", "openapi.yaml"},
		{"soap", "default", "soap-mustunderstand-ignored", "MustUnderstand"},
		{"soap", "default", "soap-12-accepted", "VersionMismatch"},
		{"soap", "default", "soap-first-child-runs", "two operation elements"},
		{"soap", "rich", "soap-no-facets", "CreateBook with title = one character too long is a soap:Client fault"},
		{"soap", "rich", "wsdl-no-facets", "the XSD types every field"},
		{"soap", "default", "soap-big-body-accepted", "over 1 MiB"},
		{"soap", "default", "soap-html-errors", "never another kind of answer"},
		{"soap", "rich", "soap-unique-ignored", "with a isbn another book has are soap:Client faults"},
		{"rest", "rich", "leaky-409", "same isbn is a 409"},
		{"rest", "default", "traceback-400", "malformed JSON"},
		{"soap", "rich", "soap-driver-fault", "with a isbn another book has are soap:Client faults"},
		{"rest", "default", "cors-star", "CORS is off unless CORS_ORIGINS is set"},
		{"soap", "default", "cors-star", "CORS is off unless CORS_ORIGINS is set"},
	} {
		cases = append(cases, tc)
	}
	// The suites wait for clocks to move (updated_at), so they all run at once
	// rather than two at a time under t.Parallel.
	recs := make([]*recorder, len(cases))
	var wg sync.WaitGroup
	for i, tc := range cases {
		m := loadModel(t, tc.model)
		srv := httptest.NewServer(newFake2(m, tc.bug))
		defer srv.Close()
		recs[i] = newRecorder()
		o := testOptions
		if tc.wantFailed != "property phase" {
			o.Cases = 5
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			recs[i].Run("suite", func(st T) { RunV2With(st, tc.api, srv.URL, m, o) })
		}()
	}
	wg.Wait()
	for i, tc := range cases {
		t.Run(tc.api+"/"+tc.model+"/"+tc.bug, func(t *testing.T) {
			rec := recs[i]
			if !rec.Failed() {
				t.Fatalf("the suite passed a service with bug %q", tc.bug)
			}
			failed := rec.failedNames()
			for _, name := range failed {
				if strings.Contains(name, tc.wantFailed) {
					return
				}
			}
			t.Errorf("no failing check mentions %q; failing checks:\n  %s", tc.wantFailed, strings.Join(failed, "\n  "))
		})
	}
}

func TestOptionsFromEnv(t *testing.T) {
	for _, tc := range []struct {
		seed, cases string
		want        Options
		wantErr     bool
	}{
		{"", "", Options{}, false},
		{"42", "7", Options{Seed: 42, Cases: 7}, false},
		{"", "0", Options{Cases: -1}, false},
		{"abc", "", Options{}, true},
		{"", "-3", Options{}, true},
	} {
		t.Setenv("SCAFFOLD_CONTRACT_SEED", tc.seed)
		t.Setenv("SCAFFOLD_CONTRACT_CASES", tc.cases)
		got, err := OptionsFromEnv()
		if (err != nil) != tc.wantErr || (!tc.wantErr && got != tc.want) {
			t.Errorf("seed=%q cases=%q: got %+v, %v; want %+v (error %v)", tc.seed, tc.cases, got, err, tc.want, tc.wantErr)
		}
	}
}

// TestPropertyPhaseIsReproducible: the same seed makes the same requests.
func TestPropertyPhaseIsReproducible(t *testing.T) {
	t.Parallel()
	m := loadModel(t, "rich")
	gen := func(seed uint64) string {
		api := &restV2{m: m, o: Options{Seed: seed}}
		rs := &resV2{api: api, r: m.Resources[0], path: "/api/v1/books"}
		p := &prop{api: api, rnd: newRand(seed, "book")}
		var b strings.Builder
		for range 20 {
			method, path, body, _, _ := p.generate(rs, "POST", nil)
			b.WriteString(method + path + string(body) + "\n")
			q, _ := p.query(rs)
			b.WriteString(q + "\n")
		}
		return b.String()
	}
	if gen(7) != gen(7) {
		t.Errorf("the same seed made different requests")
	}
	if gen(7) == gen(8) {
		t.Errorf("different seeds made the same requests")
	}
}

func TestOffHost(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, want string }{
		{`var u = window.location.protocol + "//" + window.location.host + "/openapi.yaml"`, ""},
		{`if (url.startsWith("https://")) { return url }`, ""},
		{`import x from "https://unpkg.com/swagger-ui-dist@5/x.js"`, "https://unpkg.com"},
		{`@import url(//fonts.googleapis.com/css?family=Open+Sans);`, "//fonts.googleapis.com"},
		{`fetch("http://127.0.0.1:8080/openapi.yaml")`, ""},
		{`xmlns="http://www.w3.org/2000/svg"`, ""},
	} {
		if got := offHost(tc.text); got != tc.want {
			t.Errorf("offHost(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
