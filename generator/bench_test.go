package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// BenchmarkGenerate measures `scaffold new demo --yes` (render + write + Git
// commit, default combination) in process, for profiling
// (-cpuprofile), next to copying the same rendered tree with cp -r and
// committing it with the git CLI. Inside the test binary cp+git runs several
// times slower than as whole processes, so the comparison a user feels is
// generator/bench's: go run ./generator/bench.
// Run: go test ./generator/ -run '^$' -bench Generate -benchtime 20x
func BenchmarkGenerate(b *testing.B) {
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		b.Fatal(err)
	}
	g := &Generator{Catalog: cat, Version: "bench"}
	opts := func(dir string) Options {
		o := Options{Dir: dir, Name: "demo", Language: DefaultLanguage, AuthorName: "Bench", AuthorEmail: "bench@example.com", Git: true}
		return o
	}

	b.Run("scaffold", func(b *testing.B) {
		root := b.TempDir()
		for i := 0; b.Loop(); i++ {
			if _, err := g.Generate(opts(filepath.Join(root, strconv.Itoa(i), "demo"))); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("cp+git", func(b *testing.B) {
		for _, tool := range []string{"cp", "git"} {
			if _, err := exec.LookPath(tool); err != nil {
				b.Skipf("SKIPPED the baseline: %s is not installed", tool)
			}
		}
		root := b.TempDir()
		src := filepath.Join(root, "rendered")
		o := opts(src)
		o.Git = false
		if _, err := g.Generate(o); err != nil {
			b.Fatal(err)
		}
		env := append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=Bench", "GIT_AUTHOR_EMAIL=bench@example.com",
			"GIT_COMMITTER_NAME=Bench", "GIT_COMMITTER_EMAIL=bench@example.com")
		for i := 0; b.Loop(); i++ {
			dst := filepath.Join(root, strconv.Itoa(i))
			sh := "cp -r " + src + " " + dst + " && cd " + dst +
				" && git init -q -b main && git add -A && git commit -q -m 'Initial commit from scaffold'"
			cmd := exec.Command("sh", "-c", sh)
			cmd.Env = env
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%v: %s", err, out)
			}
		}
	})
}

// BenchmarkPlan renders the largest project (Go net/http, PostgreSQL, REST,
// the rich model) in memory, the part of `scaffold new` that templates and
// gofmt take, for profiling: go test ./generator/ -run '^$' -bench Plan -cpuprofile cpu.out
func BenchmarkPlan(b *testing.B) {
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		b.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "models", "rich.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	m, err := model.Parse(raw)
	if err != nil {
		b.Fatal(err)
	}
	g := &Generator{Catalog: cat, Version: "bench"}
	o := Options{Name: "demo", Language: "go", Framework: "nethttp", Database: "postgres", API: "rest", Model: m,
		AuthorName: "Bench", AuthorEmail: "bench@example.com"}
	for b.Loop() {
		if _, err := g.Plan(o); err != nil {
			b.Fatal(err)
		}
	}
}
