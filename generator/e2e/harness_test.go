package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// These tests cover the harness's own logic; they run without SCAFFOLD_E2E.

const sampleCatalog = `[
 {"name":"go-nethttp","language":"go","framework":"nethttp","databases":["sqlite","postgres","mysql","mariadb","mongodb"],"apis":["rest","soap"],
  "commands":{"setup":"go mod download","check":"go vet ./...","test":"go test ./...","run":"go run ./cmd/server","build":""}},
 {"name":"go-chi","language":"go","framework":"chi","databases":["sqlite","postgres"],"apis":["rest","soap"],
  "commands":{"setup":"go mod download","test":"go test ./...","run":"go run ./cmd/server"}},
 {"name":"python-fastapi","language":"python","framework":"fastapi","databases":["sqlite","postgres","mysql","mariadb","mongodb"],"apis":["rest","soap"],
  "commands":{"setup":"pip install -e .","test":"pytest","run":"uvicorn app:app"}},
 {"name":"python-flask","language":"python","framework":"flask","databases":["sqlite","postgres","mongodb"],"apis":["rest","soap"],
  "commands":{"setup":"pip install -e .","test":"pytest","run":"flask run"}},
 {"name":"java-spring","language":"java","framework":"spring","databases":["postgres"],"apis":["rest","soap"],
  "commands":{"setup":"mvn -q -DskipTests package","test":"mvn test","run":"java -jar target/app.jar"}}
]`

func names(cs []combo) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name())
	}
	return out
}

func TestParseCatalog(t *testing.T) {
	t.Parallel()
	bps, err := parseCatalog([]byte(sampleCatalog))
	if err != nil {
		t.Fatal(err)
	}
	if len(bps) != 5 || bps[0].Commands.Check != "go vet ./..." || bps[1].Commands.Check != "" {
		t.Errorf("unexpected catalog: %+v", bps)
	}
	if _, err := parseCatalog([]byte(`[{"name":"x","language":"go","databases":[],"apis":["rest"],"commands":{"run":"x"}}]`)); err == nil {
		t.Error("a blueprint without databases was accepted")
	}
	if _, err := parseCatalog([]byte(`not json`)); err == nil {
		t.Error("malformed JSON was accepted")
	}
}

func TestSelectFullIsEveryCombination(t *testing.T) {
	t.Parallel()
	bps, _ := parseCatalog([]byte(sampleCatalog))
	cs, err := selectCombos(bps, "full", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, bp := range bps {
		want += len(bp.Databases) * len(bp.APIs)
	}
	if len(cs) != want {
		t.Errorf("full: %d combinations, want %d", len(cs), want)
	}
}

func TestSelectCICoversEveryFrameworkDatabaseAndAPI(t *testing.T) {
	t.Parallel()
	bps, _ := parseCatalog([]byte(sampleCatalog))
	cs, err := selectCombos(bps, "ci", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	fwDB := map[string]bool{}
	fwAPI := map[string]bool{}
	for _, c := range cs {
		if got[c.Name()] {
			t.Errorf("%s selected twice", c.Name())
		}
		got[c.Name()] = true
		fwDB[c.Blueprint.Name+"/"+c.DB] = true
		fwAPI[c.Blueprint.Name+"/"+c.API] = true
	}
	for _, bp := range bps {
		for _, db := range bp.Databases {
			for _, api := range bp.APIs {
				if bp.Language == "go" && !got[bp.Name+"/"+db+"/"+api] {
					t.Errorf("ci set lacks Go combination %s/%s/%s", bp.Name, db, api)
				}
				if !fwDB[bp.Name+"/"+db] {
					t.Errorf("ci set lacks %s with %s", bp.Name, db)
				}
				if !fwAPI[bp.Name+"/"+api] {
					t.Errorf("ci set lacks %s with %s", bp.Name, api)
				}
			}
		}
	}
	// Go: 10 + 4; fastapi: 5; flask: 3; spring: 1 database, so 2 (one per API style).
	if len(cs) != 24 {
		t.Errorf("ci: %d combinations, want 24:\n%s", len(cs), strings.Join(names(cs), "\n"))
	}
	// Two frameworks of one language start on different API styles.
	if !got["python-fastapi/sqlite/rest"] || !got["python-flask/sqlite/soap"] {
		t.Errorf("API styles do not alternate across frameworks:\n%s", strings.Join(names(cs), "\n"))
	}
}

func TestSelectOnly(t *testing.T) {
	t.Parallel()
	bps, _ := parseCatalog([]byte(sampleCatalog))
	cs, _ := selectCombos(bps, "full", "", regexp.MustCompile(`^go-chi/postgres/`))
	if got := strings.Join(names(cs), ","); got != "go-chi/postgres/rest,go-chi/postgres/soap" {
		t.Errorf("only: got %s", got)
	}
	if _, err := selectCombos(bps, "everything", "", nil); err == nil {
		t.Error("an unknown depth was accepted")
	}
}

func TestFormatTable(t *testing.T) {
	t.Parallel()
	results := []result{
		{Combo: "go-chi/sqlite/rest", Total: 30 * time.Second, Steps: map[string]stepResult{
			"new": {"ok", time.Second}, "setup": {"ok", 2 * time.Second}, "check": {"skip", 0},
			"test": {"ok", 10 * time.Second}, "start": {"ok", 5 * time.Second}, "contract": {"ok", 3 * time.Second}, "cors": {"ok", 4 * time.Second},
			"docs": {"ok", 2 * time.Second}, "clients": {"skip", 0},
		}},
		{Combo: "go-chi/postgres/soap", Total: 12 * time.Second, Steps: map[string]stepResult{
			"new": {"ok", time.Second}, "setup": {"FAIL", 11 * time.Second},
		}},
		{Combo: "go-chi/mongodb/rest", Skipped: "no mongodb server"},
	}
	out := formatTable(results, 40*time.Second)
	t.Log("\n" + out)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("want header, rule, 3 rows and a total line, got %d lines", len(lines))
	}
	for _, want := range []string{"combination", "setup", "check", "test", "contract", "total"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("header lacks %q: %s", want, lines[0])
		}
	}
	// Sorted by name; failures and skips are visible.
	if !strings.HasPrefix(lines[2], "go-chi/mongodb/rest") || !strings.Contains(lines[2], "SKIP") {
		t.Errorf("row 1: %s", lines[2])
	}
	if !strings.HasPrefix(lines[3], "go-chi/postgres/soap") || !strings.Contains(lines[3], "FAIL 11.0s") || !strings.HasSuffix(lines[3], "FAIL") {
		t.Errorf("row 2: %s", lines[3])
	}
	if !strings.Contains(lines[4], "ok 10.0s") || !strings.Contains(lines[4], "skip") || !strings.HasSuffix(lines[4], "ok") {
		t.Errorf("row 3: %s", lines[4])
	}
	if want := "3 combinations: 1 passed, 1 failed, 1 skipped; 42.0s of work in 40.0s wall time"; lines[5] != want {
		t.Errorf("total line:\n got %s\nwant %s", lines[5], want)
	}
	// Columns line up.
	if strings.Index(lines[2], "|") != strings.Index(lines[4], "|") {
		t.Errorf("columns do not line up:\n%s", out)
	}
}

func TestDBNameIsFreshAndValid(t *testing.T) {
	t.Parallel()
	valid := regexp.MustCompile(`^[a-z0-9_]{1,63}$`)
	a, b := dbName("python-fastapi/mariadb/soap", "t"), dbName("python-fastapi/mariadb/soap", "t")
	if a == b {
		t.Errorf("two databases got the same name %s", a)
	}
	long := dbName(strings.Repeat("very-long-blueprint-name/", 5)+"soap", "r")
	for _, n := range []string{a, long} {
		if !valid.MatchString(n) {
			t.Errorf("%q is not a valid database name", n)
		}
	}
}

func TestRunLoggedKillsTheProcessGroupOnTimeout(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	logPath := filepath.Join(dir, "step.log")
	start := time.Now()
	err := runShell(dir, os.Environ(), "echo started; sleep 30 & sleep 30", logPath, time.Second)
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("want a time-out error, got %v", err)
	}
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("took %s to give up", d)
	}
	if !strings.Contains(tail(logPath, 5), "started") {
		t.Errorf("log lacks the output: %s", tail(logPath, 5))
	}
}

func TestServerStartAndStop(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	port := freePort(t)
	// A tiny service: python's http.server answers 200 on / only, so point healthz at a file.
	if err := os.WriteFile(filepath.Join(dir, "healthz"), []byte(`{"status":"ok"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	srv, err := startServer(dir, os.Environ(), fmt.Sprintf("exec python3 -m http.server %d --bind 127.0.0.1", port), filepath.Join(dir, "run.log"))
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.waitHealthy(fmt.Sprintf("http://127.0.0.1:%d", port), 20*time.Second); err != nil {
		srv.stop()
		t.Skipf("python3 http.server not usable here: %v", err)
	}
	start := time.Now()
	srv.stop()
	if d := time.Since(start); d > 12*time.Second {
		t.Errorf("stop took %s", d)
	}

	// A run command that exits at once is reported without waiting for the limit.
	srv, err = startServer(dir, os.Environ(), "echo broken; exit 3", filepath.Join(dir, "run2.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.stop()
	err = srv.waitHealthy(fmt.Sprintf("http://127.0.0.1:%d", freePort(t)), time.Minute)
	if err == nil || !strings.Contains(err.Error(), "exited") {
		t.Errorf("want an early-exit error, got %v", err)
	}
}

func TestMongoCommandTalksToAWireServer(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := mongoCommand(ctx, "admin", bsonInt("ping", 1)); err != nil {
		t.Skipf("no MongoDB wire server on %s: %v", mongoAddr, err)
	}
	if err := mongoCommand(ctx, "e2e_unit_drop", bsonInt("dropDatabase", 1)); err != nil {
		t.Errorf("dropDatabase: %v", err)
	}
}

// v2Catalog is sampleCatalog with go-nethttp and python-fastapi on contract v2.
func v2Catalog(t *testing.T) []blueprint {
	t.Helper()
	bps, err := parseCatalog([]byte(sampleCatalog))
	if err != nil {
		t.Fatal(err)
	}
	for i := range bps {
		if bps[i].Name == "go-nethttp" || bps[i].Name == "python-fastapi" {
			bps[i].Contract = "v2"
		}
	}
	return bps
}

func TestSelectModels(t *testing.T) {
	t.Parallel()
	bps := v2Catalog(t)
	for _, tc := range []struct {
		name, depth, models, only string
		check                     func(t *testing.T, cs []combo)
	}{
		{"full runs every v2 combination with both models", "full", "", "", func(t *testing.T, cs []combo) {
			got := strings.Join(names(cs), ",")
			for _, want := range []string{"go-nethttp/sqlite/rest/default", "go-nethttp/sqlite/rest/rich", "go-nethttp/mongodb/soap/rich", "go-chi/sqlite/rest,"} {
				if !strings.Contains(got+",", want) {
					t.Errorf("full lacks %s:\n%s", want, strings.Join(names(cs), "\n"))
				}
			}
			if strings.Contains(got, "go-chi/sqlite/rest/") {
				t.Errorf("a v1 blueprint got a model in its name:\n%s", got)
			}
			if n := count(cs, "go-nethttp/"); n != 2*5*2 {
				t.Errorf("go-nethttp: %d combinations, want 20", n)
			}
		}},
		{"rich only", "full", "rich", "", func(t *testing.T, cs []combo) {
			for _, c := range cs {
				if c.Blueprint.v2() && c.Model != "rich" {
					t.Errorf("%s with SCAFFOLD_E2E_MODEL=rich", c.Name())
				}
			}
		}},
		{"ci spreads the models: every v2 blueprint meets the rich model on a database and both API styles", "ci", "", "", func(t *testing.T, cs []combo) {
			rich := map[string]map[string]bool{}
			def := map[string]bool{}
			for _, c := range cs {
				if !c.Blueprint.v2() {
					if c.Model != "" {
						t.Errorf("v1 %s has a model", c.Name())
					}
					continue
				}
				if c.Model == "rich" {
					if rich[c.Blueprint.Name] == nil {
						rich[c.Blueprint.Name] = map[string]bool{}
					}
					rich[c.Blueprint.Name][c.API] = true
				} else {
					def[c.Blueprint.Name] = true
				}
			}
			for _, bp := range []string{"go-nethttp", "python-fastapi"} {
				if !rich[bp]["rest"] || !rich[bp]["soap"] {
					t.Errorf("%s does not meet the rich model on both API styles: %v\n%s", bp, rich[bp], strings.Join(names(cs), "\n"))
				}
				if !def[bp] {
					t.Errorf("%s never runs with the default model", bp)
				}
			}
			// The Go grid: the rich model on every database.
			for _, db := range []string{"sqlite", "postgres", "mysql", "mariadb", "mongodb"} {
				if count(cs, "go-nethttp/"+db+"/") != 2 || count(cs, "go-nethttp/"+db+"/rest/rich")+count(cs, "go-nethttp/"+db+"/soap/rich") != 1 {
					t.Errorf("go-nethttp on %s: want one rich and one default combination:\n%s", db, strings.Join(names(cs), "\n"))
				}
			}
		}},
		{"only matches the model too", "full", "", "^go-nethttp/postgres/.*/rich$", func(t *testing.T, cs []combo) {
			if got := strings.Join(names(cs), ","); got != "go-nethttp/postgres/rest/rich,go-nethttp/postgres/soap/rich" {
				t.Errorf("got %s", got)
			}
		}},
		{"only on the blueprint keeps both models", "ci", "both", "^go-nethttp/sqlite/", func(t *testing.T, cs []combo) {
			if len(cs) != 4 {
				t.Errorf("got %s", strings.Join(names(cs), ","))
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var only *regexp.Regexp
			if tc.only != "" {
				only = regexp.MustCompile(tc.only)
			}
			cs, err := selectCombos(bps, tc.depth, tc.models, only)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, cs)
		})
	}
}

func count(cs []combo, substr string) int {
	n := 0
	for _, c := range cs {
		if strings.Contains(c.Name()+"/", substr) {
			n++
		}
	}
	return n
}

func TestParseModelChoice(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, depth, want string }{
		{"", "full", "both"}, {"", "ci", "spread"}, {"rich", "ci", "rich"}, {"default", "full", "default"}, {"fancy", "ci", ""},
	} {
		got, err := parseModelChoice(tc.in, tc.depth)
		if got != tc.want || (err != nil) != (tc.want == "") {
			t.Errorf("parseModelChoice(%q, %q) = %q, %v; want %q", tc.in, tc.depth, got, err, tc.want)
		}
	}
}

func TestProjectModel(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	h := &harness{richModel: filepath.Join(root, "testdata", "models", "rich.yaml")}
	rich, err := os.ReadFile(h.richModel)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, answers, want string
		ok                  bool
	}{
		{"the rich model", "project: shelf\ncontract: v2\n" + string(rich), "rich", true},
		{"the default model", "project: x\nresources:\n  - name: task\n    fields:\n      - {name: title, type: string, required: true, min: 1, max: 200}\n      - {name: done, type: bool, default: false}\n", "default", true},
		{"asked for rich, got the default", "project: x\nresource: {singular: task, plural: tasks}\n", "rich", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, ".scaffold.yaml"), []byte(tc.answers), 0o644); err != nil {
				t.Fatal(err)
			}
			m, err := h.projectModel(dir, tc.want)
			if (err == nil) != tc.ok {
				t.Fatalf("got %v, want ok=%v", err, tc.ok)
			}
			if tc.ok && tc.want == "rich" && len(m.Resources) != 2 {
				t.Errorf("got %d resources", len(m.Resources))
			}
		})
	}
}
