package generator

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// TestPythonRuff renders every Python blueprint on the python layer for every
// database and API with the default, the rich and a long-names model, and
// runs the check command's two ruff steps on it: `ruff check` and
// `ruff format --check`. The names a learner picks must not make their first
// CI run fail. ruff must be the version the projects pin (.ci/tools installs
// it); without it the test is skipped on a laptop (saying so) and fails in CI.
func TestPythonRuff(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: ruff is not run")
	}
	ruff, err := exec.LookPath("ruff")
	if err != nil {
		msg := "ruff is not on PATH; install it with `pip install ruff==" + pinnedRuff(t) + "` (or run .ci/tools)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Logf("SKIPPED: %s", msg)
		fmt.Printf("SKIPPED TestPythonRuff: %s\n", msg)
		t.Skip(msg)
	}
	if out, err := exec.Command(ruff, "--version").Output(); err != nil || !bytes.Contains(out, []byte(" "+pinnedRuff(t))) {
		t.Fatalf("ruff on PATH is %q, the projects pin %s", bytes.TrimSpace(out), pinnedRuff(t))
	}
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	models := map[string]*model.Model{
		"default": resourceModel("task"),
		"rich":    loadModel(t, filepath.Join("..", "testdata", "models", "rich.yaml")),
		"long":    loadModel(t, filepath.Join("..", "testdata", "models", "long-names.yaml")),
	}
	for _, bp := range cat.Blueprints {
		if !slices.Contains(bp.Layers, "python") {
			continue
		}
		for _, db := range bp.Databases {
			for _, api := range bp.APIs {
				for name, m := range models {
					t.Run(bp.Name+"/"+db+"/"+api+"/"+name, func(t *testing.T) {
						t.Parallel()
						dir := t.TempDir()
						for _, f := range renderCombo(t, cat, bp, db, api, m) {
							dst := filepath.Join(dir, filepath.FromSlash(f.Path))
							if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
								t.Fatal(err)
							}
							if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
								t.Fatal(err)
							}
						}
						for _, args := range [][]string{{"check", "--no-cache", "."}, {"format", "--no-cache", "--check", "--diff", "."}} {
							cmd := exec.Command(ruff, args...)
							cmd.Dir = dir
							var out bytes.Buffer
							cmd.Stdout, cmd.Stderr = &out, &out
							if err := cmd.Run(); err != nil {
								t.Errorf("ruff %s: %v\n%s", args[0], err, out.String())
							}
						}
					})
				}
			}
		}
	}
}

// pinnedRuff is the ruff version the generated pyproject.toml pins.
func pinnedRuff(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../blueprints/python/pyproject.toml.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`"ruff==([^"]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("python/pyproject.toml.tmpl pins no ruff")
	}
	return string(m[1])
}
