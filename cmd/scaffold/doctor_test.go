package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/scaffold-dev/scaffold/generator/gitrepo"
)

// without is a LookPath on which the given programs are missing.
func without(missing ...string) func(string) (string, error) {
	return func(file string) (string, error) {
		for _, m := range missing {
			if m == file {
				return "", errors.New("not found")
			}
		}
		return "/usr/bin/" + file, nil
	}
}

func TestDoctorCommand(t *testing.T) {
	t.Parallel()
	oldPython := func(name string, args ...string) (string, error) {
		if name == "python3" && args[0] == "--version" {
			return "Python 3.9.2", nil
		}
		return healthy(name, args...)
	}
	tests := []struct {
		name     string
		args     []string
		cfg      runConfig
		wantCode int
		want     []string // in stdout
		notWant  []string
		wantErr  string
	}{
		{"all is there", []string{"doctor"}, runConfig{identity: ada, lookPath: without()}, 0,
			[]string{"✔ Go 1.26 or later", "1.26.0", "✔ Python's venv module", "✔ Node.js 20.19 or later", "✔ npm", "✔ Java 17 or later (a JDK)", "21.0.5",
				"✔ Maven wrapper needs", "✔ Git ", "✔ Git identity", "Ada Lovelace <ada@example.com>", "✔ Docker (optional)", "✔ Docker Compose (optional)"}, nil, ""},
		{"one language", []string{"doctor", "--lang", "Python"}, runConfig{identity: ada, lookPath: without()}, 0,
			[]string{"✔ Python 3.11 or later", "✔ Git "}, []string{"Go 1.26", "Node.js", "Java"}, ""},
		{"missing for the language", []string{"doctor", "--lang", "go"}, runConfig{identity: ada, lookPath: without("go")}, 1,
			[]string{"✗ Go 1.26 or later", "go not found; get it from https://go.dev/dl/"}, nil, "Go projects need what is marked ✗ above"},
		{"too old", []string{"doctor", "--lang", "python"}, runConfig{identity: ada, lookPath: without(), output: oldPython}, 1,
			[]string{"✗ Python 3.11 or later", "3.9.2 is too old", "https://www.python.org/downloads/"}, nil, "Python projects need"},
		{"other languages do not count", []string{"doctor", "--lang", "go"}, runConfig{identity: ada, lookPath: without("java", "node", "python3")}, 0,
			[]string{"✔ Go 1.26"}, []string{"✗"}, ""},
		{"docker is optional", []string{"doctor", "--lang", "go"}, runConfig{identity: ada, lookPath: without("docker")}, 0,
			[]string{"✗ Docker (optional)", "https://docs.docker.com/"}, nil, ""},
		{"no git identity", []string{"doctor"}, runConfig{identity: gitrepo.Identity{}, lookPath: without()}, 1,
			[]string{"✗ Git identity (user.name, user.email)", "git config --global user.name"}, nil, "every project needs"},
		{"without --lang other languages do not fail", []string{"doctor"}, runConfig{identity: ada, lookPath: without("java")}, 0,
			[]string{"✗ Java 17 or later"}, nil, ""},
		{"unknown language", []string{"doctor", "--lang", "pyhton"}, runConfig{identity: ada}, 2, nil, nil, `unknown language "pyhton" (did you mean python?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := runScaffold(t, tt.cfg, tt.args...)
			if r.code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", r.code, tt.wantCode, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, r.stdout)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(r.stdout, w) {
					t.Errorf("stdout has %q:\n%s", w, r.stdout)
				}
			}
			if !strings.Contains(r.stderr, tt.wantErr) || (tt.wantErr == "") != (r.stderr == "") {
				t.Errorf("stderr %q, want %q", r.stderr, tt.wantErr)
			}
			if tt.wantCode != 2 && strings.Count(r.stdout, "\n") < 3 {
				t.Errorf("too few lines:\n%s", r.stdout)
			}
		})
	}
}

// TestNewChecksTheMachine: before its install step, scaffold new runs the
// doctor's checks of the project language's toolchain, says what is missing,
// skips the install that could not work and still writes the project.
// Without an install step it checks nothing (and runs no toolchain).
func TestNewChecksTheMachine(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		flag string
		warn bool
	}{{"--install", true}, {"--no-install", false}} {
		t.Run(tt.flag, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir() + "/shop"
			r := runScaffold(t, runConfig{identity: ada, lookPath: without("python3")},
				"new", dir, "--yes", "--lang", "python", tt.flag)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			readAnswers(t, dir)
			for _, w := range []string{"warning: Python projects need what this machine does not have yet:", "✗ Python 3.11 or later: python3 not found; get it from https://www.python.org/downloads/",
				"✗ Python's venv module", "the dependencies are not installed now", "scaffold doctor --lang python"} {
				if strings.Contains(r.stderr, w) != tt.warn {
					t.Errorf("stderr has %q: %v, want %v:\n%s", w, !tt.warn, tt.warn, r.stderr)
				}
			}
			if strings.Contains(r.stderr, "Docker") || strings.Contains(r.stderr, "Git ") {
				t.Errorf("new checked more than the toolchain:\n%s", r.stderr)
			}
			if strings.Contains(r.stdout, "Installing the dependencies") {
				t.Errorf("an install ran without Python:\n%s", r.stdout)
			}
		})
	}
	// A machine with everything says nothing.
	r := runScaffold(t, runConfig{identity: ada, lookPath: without()}, "new", t.TempDir()+"/ok", "--yes", "--lang", "go")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}
