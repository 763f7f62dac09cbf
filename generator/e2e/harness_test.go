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
	cs, err := selectCombos(bps, "full", nil)
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
	cs, err := selectCombos(bps, "ci", nil)
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
	cs, _ := selectCombos(bps, "full", regexp.MustCompile(`^go-chi/postgres/`))
	if got := strings.Join(names(cs), ","); got != "go-chi/postgres/rest,go-chi/postgres/soap" {
		t.Errorf("only: got %s", got)
	}
	if _, err := selectCombos(bps, "everything", nil); err == nil {
		t.Error("an unknown depth was accepted")
	}
}

func TestFormatTable(t *testing.T) {
	t.Parallel()
	results := []result{
		{Combo: "go-chi/sqlite/rest", Total: 30 * time.Second, Steps: map[string]stepResult{
			"new": {"ok", time.Second}, "setup": {"ok", 2 * time.Second}, "check": {"skip", 0},
			"test": {"ok", 10 * time.Second}, "start": {"ok", 5 * time.Second}, "contract": {"ok", 3 * time.Second},
			"clients": {"skip", 0},
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
