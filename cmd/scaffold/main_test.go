package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/scaffold-dev/scaffold/generator"
	"github.com/scaffold-dev/scaffold/generator/gitrepo"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// result is what one run of scaffold produced.
type result struct {
	code           int
	stdout, stderr string
}

type runConfig struct {
	tty       bool
	identity  gitrepo.Identity
	prompter  Prompter
	pinned    bool                         // use pinnedCatalog: net/http and chi take a model
	lookPath  func(string) (string, error) // the install step's toolchain lookup; exec.LookPath when nil
	stdin     string
	gitConfig string // the global Git configuration file; a temporary one when empty
	// output runs a program for the doctor's checks; healthy when nil.
	output func(name string, args ...string) (string, error)
}

// healthy is a machine with every toolchain at a good version: the output
// of the version commands the doctor runs.
func healthy(name string, args ...string) (string, error) {
	switch name {
	case "go":
		return "go version go1.26.0 linux/amd64", nil
	case "python3":
		return "Python 3.12.3", nil
	case "node":
		return "v22.11.0", nil
	case "npm":
		return "10.9.0", nil
	case "java":
		return `openjdk version "21.0.5" 2024-10-15`, nil
	case "docker":
		return "Docker version 27.3.1", nil
	}
	return "", nil
}

var ada = gitrepo.Identity{Name: "Ada Lovelace", Email: "ada@example.com"}

func runScaffold(t *testing.T, cfg runConfig, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	s := &Streams{In: strings.NewReader(cfg.stdin), Out: &out, ErrOut: &errOut, InTTY: cfg.tty}
	a := newApp(s)
	a.identity = func() gitrepo.Identity { return cfg.identity }
	if cfg.pinned {
		cat := pinnedCatalog(t)
		a.catalog = func() (*generator.Catalog, error) { return cat, nil }
	}
	if cfg.lookPath != nil {
		a.lookPath = cfg.lookPath
	}
	// The user's real global Git configuration is never written.
	gitConfig := cfg.gitConfig
	if gitConfig == "" {
		gitConfig = filepath.Join(t.TempDir(), ".gitconfig")
	}
	a.gitConfig = func() (string, error) { return gitConfig, nil }
	a.output = cfg.output
	if a.output == nil {
		a.output = healthy
	}
	a.prompter = func(*Streams) Prompter {
		if cfg.prompter == nil {
			t.Fatal("the wizard asked a question in a test that expects none")
		}
		return cfg.prompter
	}
	code := run(a, args)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

func readAnswers(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ".scaffold.yaml"))
	if err != nil {
		t.Fatalf("read .scaffold.yaml: %v", err)
	}
	return string(b)
}

func TestNewYes(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "demo")
	r := runScaffold(t, runConfig{identity: ada}, "new", dir, "--yes")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	answers := readAnswers(t, dir)
	for _, want := range []string{"blueprint: go-nethttp", "database: sqlite", "api: rest", "license: MIT", "author_name: Ada Lovelace", "name: demo"} {
		if !strings.Contains(answers, want) {
			t.Errorf(".scaffold.yaml lacks %q:\n%s", want, answers)
		}
	}
	for _, want := range []string{"Created demo", "first commit", "go test ./...", "git push -u origin main"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour codes written to a non-terminal")
	}
	if strings.Contains(r.stdout, "Next time, skip the questions") {
		t.Error("the equivalent command is printed only after questions")
	}
}

func TestNewAllFlagsWithoutTerminal(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "shop")
	r := runScaffold(t, runConfig{}, "new", dir, "--lang", "go", "--framework", "chi", "--db", "postgres",
		"--api", "soap", "--owner", "octocat", "--license", "Apache-2.0", "--no-git")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	answers := readAnswers(t, dir)
	for _, want := range []string{"blueprint: go-chi", "database: postgres", "api: soap", "owner: octocat", "license: Apache-2.0", "module: github.com/octocat/shop"} {
		if !strings.Contains(answers, want) {
			t.Errorf(".scaffold.yaml lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".git")); !os.IsNotExist(err) {
		t.Error("--no-git made a repository")
	}
	if !strings.Contains(r.stdout, "export DATABASE_URL=") {
		t.Errorf("next steps do not say how to reach PostgreSQL:\n%s", r.stdout)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	r := runScaffold(t, runConfig{identity: ada}, "new", filepath.Join(parent, "demo"), "--yes", "--dry-run")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Would write", "demo/", "├── ", ".scaffold.yaml", "Nothing was written"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, r.stdout)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("--dry-run wrote %v", entries)
	}
}

// TestBadInput: every bad input gets one line on stderr, a non-zero exit and
// nothing on disk.
func TestBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     func(parent string) []string
		cfg      runConfig
		setup    func(t *testing.T, parent string)
		wantCode int
		wantErr  string
	}{
		{"empty name", func(p string) []string { return []string{"new", p + "/x", "--yes", "--name", ""} }, runConfig{identity: ada}, nil, 1, "the project name is empty"},
		{"name over 64", func(p string) []string { return []string{"new", p + "/x", "--yes", "--name", strings.Repeat("a", 65)} }, runConfig{identity: ada}, nil, 1, "use at most 64"},
		{"path-like name", func(p string) []string { return []string{"new", p + "/x", "--yes", "--name", "../x"} }, runConfig{identity: ada}, nil, 1, "looks like a path"},
		{"absolute name", func(p string) []string { return []string{"new", p + "/x", "--yes", "--name", "/abs"} }, runConfig{identity: ada}, nil, 1, "looks like a path"},
		{"non-identifier name", func(p string) []string { return []string{"new", p + "/x", "--yes", "--name", "my api!"} }, runConfig{identity: ada}, nil, 1, "must start with a letter"},
		{"non-identifier folder", func(p string) []string { return []string{"new", p + "/1st", "--yes"} }, runConfig{identity: ada}, nil, 1, "must start with a letter"},
		{"unknown language", func(p string) []string { return []string{"new", p + "/x", "--yes", "--lang", "cobol"} }, runConfig{identity: ada}, nil, 1, `unknown language "cobol": choose one of go`},
		{"unknown framework", func(p string) []string { return []string{"new", p + "/x", "--yes", "--framework", "rails"} }, runConfig{identity: ada}, nil, 1, `unknown framework "rails" for go: choose one of`},
		{"framework of another language", func(p string) []string {
			return []string{"new", p + "/x", "--yes", "--lang", "go", "--framework", "nosuch"}
		}, runConfig{identity: ada}, nil, 1, "choose one of nethttp"},
		{"unknown database", func(p string) []string { return []string{"new", p + "/x", "--yes", "--db", "oracle"} }, runConfig{identity: ada}, nil, 1, `unknown database "oracle": choose one of sqlite`},
		{"language typo with --yes", func(p string) []string { return []string{"new", p + "/x", "--yes", "--lang", "pyhton"} }, runConfig{identity: ada}, nil, 1, `unknown language "pyhton" (did you mean python?): choose one of go, python`},
		{"language typo before missing flags", func(p string) []string { return []string{"new", p + "/x", "--lang", "pyhton"} }, runConfig{identity: ada}, nil, 1, `unknown language "pyhton" (did you mean python?)`},
		{"framework typo for its language", func(p string) []string { return []string{"new", p + "/x", "--lang", "python", "--framework", "fastap"} }, runConfig{identity: ada}, nil, 1, `unknown framework "fastap" for python (did you mean fastapi?): choose one of fastapi`},
		{"database typo", func(p string) []string { return []string{"new", p + "/x", "--db", "postgress"} }, runConfig{identity: ada}, nil, 1, `unknown database "postgress" (did you mean postgres?)`},
		{"api typo", func(p string) []string { return []string{"new", p + "/x", "--yes", "--api", "rset"} }, runConfig{identity: ada}, nil, 1, `unknown API style "rset" (did you mean rest?)`},
		{"licence typo", func(p string) []string { return []string{"new", p + "/x", "--yes", "--license", "apache"} }, runConfig{identity: ada}, nil, 1, `unknown licence "apache" (did you mean Apache-2.0?)`},
		{"unknown api", func(p string) []string { return []string{"new", p + "/x", "--yes", "--api", "graphql"} }, runConfig{identity: ada}, nil, 1, `unknown API style "graphql": choose one of rest, soap`},
		{"unknown licence", func(p string) []string { return []string{"new", p + "/x", "--yes", "--license", "WTFPL"} }, runConfig{identity: ada}, nil, 1, `unknown licence "WTFPL"`},
		{"bad owner", func(p string) []string { return []string{"new", p + "/x", "--yes", "--owner", "no/pe"} }, runConfig{identity: ada}, nil, 1, "not a valid GitHub user"},
		{"no terminal, missing flags", func(p string) []string { return []string{"new", p + "/x", "--lang", "go"} }, runConfig{identity: ada}, nil, 2, "stdin is not a terminal, so scaffold cannot ask questions: pass --framework --db --api, or --yes"},
		{"no terminal, nothing", func(p string) []string { return []string{"new"} }, runConfig{identity: ada}, nil, 2, "pass --name --lang --framework --db --api"},
		{"yes without a name", func(p string) []string { return []string{"new", "--yes"} }, runConfig{identity: ada}, nil, 2, "--yes needs a project name"},
		{"two folders", func(p string) []string { return []string{"new", p + "/a", p + "/b", "--yes"} }, runConfig{identity: ada}, nil, 2, "takes one folder"},
		{"unknown flag", func(p string) []string { return []string{"new", p + "/x", "--colour"} }, runConfig{identity: ada}, nil, 2, "unknown flag: --colour"},
		{"missing git identity", func(p string) []string { return []string{"new", p + "/x", "--yes"} }, runConfig{}, nil, 1, "no Git identity found: pass --author-name and --author-email"},
		{"bad e-mail", func(p string) []string { return []string{"new", p + "/x", "--yes", "--author-email", "ada"} }, runConfig{identity: ada}, nil, 1, "is not an e-mail address"},
		{"not empty", func(p string) []string { return []string{"new", p + "/taken", "--yes"} }, runConfig{identity: ada},
			func(t *testing.T, p string) {
				os.Mkdir(filepath.Join(p, "taken"), 0o755)
				os.WriteFile(filepath.Join(p, "taken", "x"), nil, 0o644)
			}, 1, "already exists and is not empty: choose another folder, or pass --force"},
		{"unwritable destination", func(p string) []string { return []string{"new", p + "/file/x", "--yes"} }, runConfig{identity: ada},
			func(t *testing.T, p string) { os.WriteFile(filepath.Join(p, "file"), nil, 0o644) }, 1, "it is a file, not a folder"},
		// The data model: a shorthand mistake is a usage error with its
		// column (2); a model that breaks a rule is an error (1).
		{"shorthand without colon", res("book title:string"), pinnedAda, nil, 2, `at column 6: expected : after the resource name "book"`},
		{"shorthand unknown type", res("book: title:strng"), pinnedAda, nil, 2, `at column 13: unknown type "strng" for field "title"`},
		{"shorthand bad bounds", res("book: pages:int(1-5)"), pinnedAda, nil, 2, "at column 20: expected bounds as min..max"},
		{"model file unknown type", modelFile("book", "{name: title, type: strng}"), pinnedAda, writeModel, 1, `field "title" of resource "book" has unknown type "strng"`},
		{"duplicate field", res("book: title:string, title:int"), pinnedAda, nil, 1, `resource "book" has the field "title" twice`},
		{"bad default", res("book: pages:int(1..10)=50"), pinnedAda, nil, 1, `field "pages" of resource "book" has default 50, which breaks its own rules`},
		{"enum without values", modelFile("book", "{name: status, type: enum}"), pinnedAda, writeModel, 1, `field "status" of resource "book" is an enum without values`},
		{"min above max", res("book: pages:int(10..1)"), pinnedAda, nil, 1, "has min 10 greater than max 1"},
		{"reserved word", res("book: order:string"), pinnedAda, nil, 1, `field "order" of resource "book" is a reserved word in SQL`},
		{"names collide after case conversion", res("book: page_count:int, pagecount:int"), pinnedAda, nil, 1, `fields "page_count" and "pagecount", which clash`},
		{"model file key unknown", modelFile("book", "{name: title, type: string, requird: true}"), pinnedAda, writeModel, 1, "requird"},
		{"model file missing", func(p string) []string { return []string{"new", p + "/x", "--yes", "--model", p + "/nope.yaml"} }, pinnedAda, nil, 1, "cannot read the model file"},
		{"model file empty on stdin", func(p string) []string { return []string{"new", p + "/x", "--yes", "--model", "-"} }, pinnedAda, nil, 1, "the model on standard input: the model file is empty"},
		{"both --model and --resource", func(p string) []string {
			return []string{"new", p + "/x", "--yes", "--model", p + "/model.yaml", "--resource", "book"}
		}, pinnedAda, writeModel, 2, "either with --model or with --resource, not both"},
		{"custom model on a v1 blueprint", func(p string) []string {
			return []string{"new", p + "/x", "--yes", "--framework", "gin", "--resource", "book: title:string!"}
		}, pinnedAda, nil, 1, "go-gin does not take a custom model yet"},
		{"--install and --no-install", func(p string) []string { return []string{"new", p + "/x", "--yes", "--install", "--no-install"} }, runConfig{identity: ada}, nil, 2, "--install and --no-install contradict each other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			parent := t.TempDir()
			args := tt.args(parent)
			if tt.setup != nil {
				tt.setup(t, parent)
			}
			before := treeOf(t, parent)
			r := runScaffold(t, tt.cfg, args...)
			if r.code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", r.code, tt.wantCode, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("stderr %q does not contain %q", r.stderr, tt.wantErr)
			}
			if strings.Count(r.stderr, "not empty") > 1 {
				t.Errorf("stderr gives the reason twice: %q", r.stderr)
			}
			if lines := strings.Count(strings.TrimRight(r.stderr, "\n"), "\n") + 1; lines != 1 {
				t.Errorf("stderr has %d lines, want 1:\n%s", lines, r.stderr)
			}
			if after := treeOf(t, parent); after != before {
				t.Errorf("something was written:\nbefore %q\nafter  %q", before, after)
			}
		})
	}
}

// Helpers of the bad-input table's model cases.
var pinnedAda = runConfig{identity: ada, pinned: true}

// res is `scaffold new <parent>/x --yes --resource <shorthand>`.
func res(shorthand string) func(string) []string {
	return func(p string) []string { return []string{"new", p + "/x", "--yes", "--resource", shorthand} }
}

// modelFile is `scaffold new <parent>/x --yes --model <parent>/model.yaml`,
// and records the file writeModel puts there: one resource, one field.
func modelFile(resource, field string) func(string) []string {
	return func(p string) []string {
		modelFiles.Store(p, "resources:\n  - name: "+resource+"\n    fields:\n      - "+field+"\n")
		return []string{"new", p + "/x", "--yes", "--model", p + "/model.yaml"}
	}
}

var modelFiles sync.Map // parent folder → model file text

// writeModel writes the model file the case's args recorded (a plain one
// when none: for the case that passes two model flags).
func writeModel(t *testing.T, p string) {
	text := "resources:\n  - name: book\n    fields:\n      - {name: title, type: string}\n"
	if v, ok := modelFiles.Load(p); ok {
		text = v.(string)
	}
	if err := os.WriteFile(filepath.Join(p, "model.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func treeOf(t *testing.T, root string) string {
	t.Helper()
	var paths []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil {
			rel, _ := filepath.Rel(root, p)
			paths = append(paths, rel)
		}
		return nil
	})
	return strings.Join(paths, " ")
}

func TestList(t *testing.T) {
	t.Parallel()
	r := runScaffold(t, runConfig{}, "list")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"LANGUAGE", "--lang", "--framework", "--db", "--api", "DATA MODEL", "Go", "nethttp (default)", "chi", "gin", "echo",
		"JavaScript (Node.js)   javascript", "Type the ids: scaffold new",
		"Not offered, and why:\n  Django (--framework django) with MongoDB: Django's ORM, migrations and admin are built around SQL databases", "For MongoDB, choose fastapi, cherrypy or flask."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("list lacks %q:\n%s", want, r.stdout)
		}
	}
	// Reasons are for learners: no word about scaffold's own test set-up.
	for _, jargon := range []string{"end-to-end", "verified", "wire"} {
		if strings.Contains(r.stdout, jargon) {
			t.Errorf("list says %q:\n%s", jargon, r.stdout)
		}
	}
	// The pinned catalog: chi takes the learner's model, gin not yet.
	pinned := runScaffold(t, runConfig{pinned: true}, "list")
	for _, want := range []string{"chi      ", "gin      "} {
		line := ""
		for _, l := range strings.Split(pinned.stdout, "\n") {
			if strings.Contains(l, want) {
				line = l
			}
		}
		if wantModel := map[string]string{"chi      ": "your own", "gin      ": "task only"}[want]; !strings.Contains(line, wantModel) {
			t.Errorf("list line %q lacks %q", line, wantModel)
		}
	}

	r = runScaffold(t, runConfig{}, "list", "--json")
	var entries []struct {
		Name, Language, Framework string
		Databases, APIs           []string `json:"-"`
		DBs                       []string `json:"databases"`
		APIList                   []string `json:"apis"`
		Commands                  map[string]string
	}
	if err := json.Unmarshal([]byte(r.stdout), &entries); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, r.stdout)
	}
	found := false
	for _, e := range entries {
		if e.Name == "go-chi" {
			found = true
			if e.Language != "go" || e.Framework != "chi" || len(e.DBs) != 5 || len(e.APIList) != 2 ||
				e.Commands["setup"] == "" || e.Commands["test"] == "" || e.Commands["run"] == "" {
				t.Errorf("go-chi entry = %+v", e)
			}
		}
	}
	if !found {
		t.Errorf("go-chi missing from list --json")
	}
}

func TestVersion(t *testing.T) {
	noInfo := func() (*debug.BuildInfo, bool) { return nil, false }
	installed := func() (*debug.BuildInfo, bool) { // go install …@v1.4.0
		return &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, true
	}
	built := func() (*debug.BuildInfo, bool) { // go build in a clone
		return &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "4d6e4e2a1b2c3d4e5f60718293a4b5c6d7e8f901"},
			{Key: "vcs.time", Value: "2026-12-01T22:10:00Z"},
			{Key: "vcs.modified", Value: "true"},
		}}, true
	}
	tests := []struct {
		name, version, commit, date string
		info                        func() (*debug.BuildInfo, bool)
		want                        string
	}{
		{"nothing known", "dev", "", "", noInfo, "scaffold dev\n"},
		{"release", "v1.2.3", "abc1234", "2026-11-21T07:00:00Z", built, "scaffold v1.2.3 (commit abc1234, built 2026-11-21T07:00:00Z)\n"},
		{"go install", "dev", "", "", installed, "scaffold v1.4.0\n"},
		{"go build", "dev", "", "", built, "scaffold dev (commit 4d6e4e2a1b2c, with uncommitted changes, built 2026-12-01T22:10:00Z)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// not parallel: sets package variables
			version, commit, date, readBuildInfo = tt.version, tt.commit, tt.date, tt.info
			t.Cleanup(func() { version, commit, date, readBuildInfo = "dev", "", "", debug.ReadBuildInfo })
			for _, args := range [][]string{{"version"}, {"--version"}} {
				r := runScaffold(t, runConfig{}, args...)
				if r.code != 0 || r.stdout != tt.want {
					t.Errorf("%s = %d %q, want %q", args[0], r.code, r.stdout, tt.want)
				}
			}
		})
	}
}

func TestCompletion(t *testing.T) {
	t.Parallel()
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		r := runScaffold(t, runConfig{}, "completion", shell)
		if r.code != 0 || !strings.Contains(r.stdout, "scaffold") {
			t.Errorf("completion %s: exit %d, %d bytes", shell, r.code, len(r.stdout))
		}
	}
	r := runScaffold(t, runConfig{}, "__complete", "new", "--db", "")
	if !strings.Contains(r.stdout, "postgres") || !strings.Contains(r.stdout, "mongodb") {
		t.Errorf("--db completion = %q", r.stdout)
	}
}

func TestShellQuote(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"demo": "demo", "Ada Lovelace": "'Ada Lovelace'", "it's": `'it'\''s'`, "": "''", "a@b.c": "a@b.c"} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestNewInCurrentFolder: `scaffold new .` in an empty folder names the
// project after it and keeps the folder itself (it is the shell's cwd).
func TestNewInCurrentFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "here")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(dir)
	t.Chdir(dir)
	r := runScaffold(t, runConfig{identity: ada}, "new", ".", "--yes")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(readAnswers(t, dir), "name: here") {
		t.Error("project not named after the folder")
	}
	after, _ := os.Stat(dir)
	if !os.SameFile(before, after) {
		t.Error("the folder was replaced, not filled")
	}
}

// TestNewHelp: scaffold new --help documents the model (the shorthand's
// grammar and a model file) and the install step.
func TestNewHelp(t *testing.T) {
	t.Parallel()
	r := runScaffold(t, runConfig{}, "new", "--help")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, line := range strings.Split(model.ShorthandHelp, "\n") {
		if line = strings.TrimSpace(line); !strings.Contains(r.stdout, line) {
			t.Errorf("help lacks the shorthand line %q", line)
		}
	}
	for _, want := range []string{"--model FILE", "--resource SHORTHAND", "--install", "--no-install", "resources:", "values: [wishlist, reading, read]", ".scaffold.yaml", "exits 0", "database: sqlite, postgres"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("help lacks %q:\n%s", want, r.stdout)
		}
	}
}

// TestIDsAnyCase: ids typed in any case mean the catalog's own, on every path.
func TestIDsAnyCase(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--lang", "Python", "--framework", "FastAPI", "--db", "SQLite", "--api", "REST", "--license", "mit"},
		{"--yes", "--lang", "PYTHON", "--db", "Sqlite", "--license", "MIT"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "demo")
			r := runScaffold(t, runConfig{identity: ada}, append([]string{"new", dir, "--no-git"}, args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			answers := readAnswers(t, dir)
			for _, want := range []string{"language: python\n", "framework: fastapi\n", "database: sqlite\n", "api: rest\n", "license: MIT\n"} {
				if !strings.Contains(answers, want) {
					t.Errorf(".scaffold.yaml lacks %q:\n%s", want, answers)
				}
			}
		})
	}
}
