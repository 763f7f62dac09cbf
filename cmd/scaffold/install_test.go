package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
)

// fakeGo puts a `go` first on PATH that runs script instead of the real
// toolchain, so the install step runs without a network. The test sets PATH,
// so it is not parallel.
func fakeGo(t *testing.T, script string) {
	t.Helper()
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
}

func committed(t *testing.T, dir, path string) bool {
	t.Helper()
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	head, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	c, err := repo.CommitObject(head.Hash())
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.File(path)
	return err == nil
}

func TestInstallFlag(t *testing.T) {
	tests := []struct {
		name       string
		script     string // the fake go; "" = no go on PATH
		args       []string
		wantLock   bool
		wantOut    []string
		wantErr    []string
		wantNoStep bool // the next steps no longer say go mod download
	}{
		{"installs and commits the lockfile", `echo "$@" > install.log`, []string{"--install"}, true,
			[]string{"Installing the dependencies: go mod download …", "Installed the dependencies in"}, nil, true},
		{"failing setup warns and exits 0", `echo downloading; echo "go: example.com/x: network unreachable" >&2; exit 1`, []string{"--install"}, false,
			[]string{"The install failed after"},
			[]string{"warning: the project is written and committed, but installing its dependencies failed", "| go: example.com/x: network unreachable", "cd ", "&& go mod download"}, false},
		{"missing toolchain", "", []string{"--install"}, false, nil,
			[]string{"warning: Go is not installed (go was not found)", "https://go.dev/dl/", "&& go mod download"}, false},
		{"--yes alone does not install", `echo "$@" > install.log`, nil, false, nil, nil, false},
		{"--no-install", `echo "$@" > install.log`, []string{"--no-install"}, false, nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := runConfig{identity: ada}
			if tt.script == "" {
				cfg.lookPath = func(file string) (string, error) {
					if file == "go" {
						return "", os.ErrNotExist
					}
					return "/bin/" + file, nil
				}
			} else {
				fakeGo(t, tt.script)
			}
			dir := filepath.Join(t.TempDir(), "demo")
			r := runScaffold(t, cfg, append([]string{"new", dir, "--yes"}, tt.args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, ".scaffold.yaml")); err != nil {
				t.Fatalf("the project is not written: %v", err)
			}
			if got := committed(t, dir, "install.log"); got != tt.wantLock {
				t.Errorf("install.log committed = %v, want %v", got, tt.wantLock)
			}
			if tt.wantLock {
				if log, _ := os.ReadFile(filepath.Join(dir, "install.log")); string(log) != "mod download\n" {
					t.Errorf("the setup ran %q", log)
				}
			}
			for _, want := range tt.wantOut {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
				}
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
				}
			}
			if len(tt.wantErr) == 0 && r.stderr != "" {
				t.Errorf("stderr %q", r.stderr)
			}
			if step := strings.Contains(r.stdout, "# install the dependencies"); step == tt.wantNoStep {
				t.Errorf("next steps say go mod download = %v:\n%s", step, r.stdout)
			}
		})
	}
}
