package blueprints

// The Go blueprints write a go.mod and go.sum that must let `go build` and
// `go test` work right after generation and keep `go mod tidy -diff` quiet.
// What they require depends on the framework and the database dialect, so
// the requirement sets are generated here, never edited by hand:
//
//	go test ./blueprints -run TestGoDeps -update
//
// For each framework × dialect × API it builds a throw-away module that
// imports exactly the packages the generated project imports, pins the
// versions below, runs `go mod tidy` and stores go.mod (minus the module
// line) and go.sum as go/_deps/<framework>-<dialect>-<api>.{mod,sum}.tmpl
// partials.

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

var updateGoDeps = flag.Bool("update", false, "regenerate go/_deps from the pinned Go module versions")

// goDirective is the go line of every generated go.mod: the highest any
// pinned dependency asks for, and never above the toolchain building it.
const goDirective = "1.26.0"

// goPins are the versions the generated projects use. Bump here, then -update.
var goPins = map[string]string{
	"github.com/go-chi/chi/v5":       "v5.5.0",
	"github.com/gin-gonic/gin":       "v1.12.0",
	"github.com/labstack/echo/v5":    "v5.3.1",
	"modernc.org/sqlite":             "v1.60.1", // v1.61 needs a pprof version the proxy does not serve
	"github.com/jackc/pgx/v5":        "v5.12.0",
	"github.com/go-sql-driver/mysql": "v1.10.1",
	"go.mongodb.org/mongo-driver/v2": "v2.9.3",
	"github.com/pressly/goose/v3":    "v3.29.0",
	"github.com/swaggest/swgui":      "v1.8.5",  // Swagger UI with its assets embedded (/docs)
	"github.com/vearutop/statigz":    "v1.4.0",  // serves swgui's gzipped assets
	"github.com/rs/cors":             "v1.11.1", // CORS for net/http
	"github.com/go-chi/cors":         "v1.2.2",
	"github.com/gin-contrib/cors":    "v1.7.7",
}

// goFrameworkImports and goDialectImports are the non-standard packages the
// templates import (keep in step with blueprints/go*/…/*.go.tmpl).
var goFrameworkImports = map[string][]string{
	"nethttp": {"github.com/rs/cors"},
	"chi":     {"github.com/go-chi/chi/v5", "github.com/go-chi/chi/v5/middleware", "github.com/go-chi/cors"},
	"gin":     {"github.com/gin-gonic/gin", "github.com/gin-contrib/cors"},
	"echo":    {"github.com/labstack/echo/v5", "github.com/labstack/echo/v5/middleware"},
}

var goDialectImports = map[string][]string{
	"sqlite":   {"modernc.org/sqlite", "github.com/pressly/goose/v3"},
	"postgres": {"github.com/jackc/pgx/v5/stdlib", "github.com/jackc/pgx/v5/pgconn", "github.com/pressly/goose/v3"},
	"mysql":    {"github.com/go-sql-driver/mysql", "github.com/pressly/goose/v3"},
	"mongodb": {
		"go.mongodb.org/mongo-driver/v2/bson",
		"go.mongodb.org/mongo-driver/v2/mongo",
		"go.mongodb.org/mongo-driver/v2/mongo/options",
	},
}

var goAPIImports = map[string][]string{
	"rest": {"github.com/swaggest/swgui/v5/static", "github.com/vearutop/statigz"},
	"soap": nil,
}

func TestGoDeps(t *testing.T) {
	for fw, fwImports := range goFrameworkImports {
		for dialect, dbImports := range goDialectImports {
			for api, apiImports := range goAPIImports {
				testGoDeps(t, fw+"-"+dialect+"-"+api, append(append(append([]string{}, fwImports...), dbImports...), apiImports...))
			}
		}
	}
	if v := strings.TrimPrefix(runtime.Version(), "go"); versionLess(v, goDirective) {
		t.Errorf("go directive %s is newer than this toolchain (%s)", goDirective, v)
	}
}

func testGoDeps(t *testing.T, name string, imports []string) {
	t.Run(name, func(t *testing.T) {
		base := filepath.Join("go", "_deps", name)
		if *updateGoDeps {
			generateGoDeps(t, base, imports)
		}
		mod, err := os.ReadFile(base + ".mod.tmpl")
		if err != nil {
			t.Fatalf("%v (run: go test ./blueprints -run TestGoDeps -update)", err)
		}
		if _, err := os.Stat(base + ".sum.tmpl"); err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(mod)
		if m == nil || string(m[1]) != goDirective {
			t.Errorf("%s.mod.tmpl: go directive %q, want %q", base, m, goDirective)
		}
		if strings.Contains(string(mod), "toolchain") {
			t.Errorf("%s.mod.tmpl has a toolchain line; it would force a download", base)
		}
		for _, imp := range imports {
			mod := modulePath(imp)
			if !strings.Contains(string(m[0])+string(mustRead(t, base+".mod.tmpl")), mod+" "+goPins[mod]) {
				t.Errorf("%s.mod.tmpl does not pin %s %s", base, mod, goPins[mod])
			}
		}
	})
}

func generateGoDeps(t *testing.T, base string, imports []string) {
	t.Helper()
	dir := t.TempDir()
	var req, imp strings.Builder
	seen := map[string]bool{}
	for _, p := range imports {
		fmt.Fprintf(&imp, "\t_ %q\n", p)
		if m := modulePath(p); !seen[m] {
			seen[m] = true
			fmt.Fprintf(&req, "\t%s %s\n", m, goPins[m])
		}
	}
	write(t, filepath.Join(dir, "go.mod"), fmt.Sprintf("module example.com/deps\n\ngo %s\n\nrequire (\n%s)\n", goDirective, req.String()))
	write(t, filepath.Join(dir, "main.go"), fmt.Sprintf("package main\n\nimport (\n%s)\n\nfunc main() {}\n", imp.String()))
	cmd := exec.Command("go", "mod", "tidy")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	mod := string(mustRead(t, filepath.Join(dir, "go.mod")))
	mod = strings.TrimPrefix(mod, "module example.com/deps\n")
	mod = regexp.MustCompile(`(?m)^toolchain .*\n`).ReplaceAllString(mod, "")
	write(t, base+".mod.tmpl", strings.TrimLeft(mod, "\n"))
	write(t, base+".sum.tmpl", string(mustRead(t, filepath.Join(dir, "go.sum"))))
}

// modulePath maps an imported package to the pinned module providing it.
func modulePath(pkg string) string {
	best := ""
	for m := range goPins {
		if (pkg == m || strings.HasPrefix(pkg, m+"/")) && len(m) > len(best) {
			best = m
		}
	}
	return best
}

func versionLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		var x, y int
		fmt.Sscan(pa[i], &x)
		fmt.Sscan(pb[i], &y)
		if x != y {
			return x < y
		}
	}
	return len(pa) < len(pb)
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
