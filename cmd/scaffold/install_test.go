package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

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
			[]string{"warning: Go projects need what this machine does not have yet:\n  ✗ Go 1.26 or later: go not found; get it from https://go.dev/dl/\n",
				"the dependencies are not installed now; once it is there, run in the project: go mod download"}, false},
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

// TestWizardInstalls: answering yes to the install question runs the setup,
// and the printed command carries --install.
func TestWizardInstalls(t *testing.T) {
	fakeGo(t, `echo "$@" > install.log`)
	dir := filepath.Join(t.TempDir(), "api")
	s := &scripted{t: t, answers: []answer{
		{question: "Language", choice: "Go"},
		{question: "Framework", choice: "Gin"},
		{question: "Database", choice: "SQLite"},
		{question: "API style", choice: "REST"},
		{question: "GitHub owner", text: ""},
		{question: "Licence", choice: "MIT"},
		{question: "Author name", text: "Ada Lovelace"},
		{question: "Author e-mail", text: "ada@example.com"},
		{question: "Install the dependencies now?", choice: "Yes", wantDef: "Yes, run go mod download"},
		{question: "Create the project?", choice: "Create it"},
	}}
	r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: s, pinned: true}, "new", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	s.done()
	if !committed(t, dir, "install.log") {
		t.Error("the setup did not run before the commit")
	}
	if cmd := nextTime(t, r.stdout); !strings.HasSuffix(cmd, " --install") {
		t.Errorf("the printed command lacks --install: %s", cmd)
	}
}

func TestInstallProgress(t *testing.T) {
	t.Parallel()
	for _, tty := range []bool{false, true} {
		for _, fail := range []bool{false, true} {
			var out strings.Builder
			s := &Streams{Out: &out, OutTTY: tty}
			done := installProgress(s)("npm install")
			if tty {
				time.Sleep(250 * time.Millisecond) // a few spinner frames
			}
			var err error
			if fail {
				err = os.ErrNotExist
			}
			done(err)
			got := out.String()
			var want []string
			switch {
			case tty && !fail:
				want = []string{"\r\x1b[K", spinnerFrames[1], "Installing the dependencies: npm install", "✔", "Installed the dependencies in"}
			case tty:
				want = []string{"\r\x1b[K", "✖ The install failed in"}
			case !fail:
				want = []string{"Installing the dependencies: npm install …\n", "Installed the dependencies in"}
			default:
				want = []string{"The install failed after"}
			}
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("tty %v, fail %v: output lacks %q:\n%q", tty, fail, w, got)
				}
			}
			if !tty && strings.ContainsAny(got, "\r\x1b") {
				t.Errorf("control characters written to a non-terminal: %q", got)
			}
		}
	}
}

func TestElapsed(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		850 * time.Millisecond:  "850ms",
		12*time.Second + 300e6:  "12s",
		2*time.Minute + 5e9:     "2m05s",
		61*time.Minute + 59.9e9: "61m59s",
	} {
		if got := elapsed(d); got != want {
			t.Errorf("elapsed(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestInstallCtrlC: Ctrl-C during the install stops the setup command, not
// scaffold: the project is committed without what the setup would write, and
// the warning says how to retry. The fake go sends the SIGINT itself, while
// scaffold is waiting for it.
func TestInstallCtrlC(t *testing.T) {
	t.Setenv("SCAFFOLD_TEST_PID", strconv.Itoa(os.Getpid()))
	fakeGo(t, `kill -INT "$SCAFFOLD_TEST_PID"; sleep 30; echo late > install.log`)
	dir := filepath.Join(t.TempDir(), "demo")
	start := time.Now()
	r := runScaffold(t, runConfig{identity: ada}, "new", dir, "--yes", "--install")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("the interrupted setup ran on for %v", d)
	}
	if !strings.Contains(r.stderr, "go mod download was interrupted") || !strings.Contains(r.stderr, "&& go mod download") {
		t.Errorf("stderr %q", r.stderr)
	}
	if committed(t, dir, "install.log") || !committed(t, dir, ".scaffold.yaml") {
		t.Error("the project is not committed as it was before the install")
	}
}
