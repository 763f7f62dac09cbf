package gitrepo

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	_ "github.com/scaffold-dev/scaffold/generator/golden" // -update is known to every test package
)

func TestGlobalIdentity(t *testing.T) {
	tests := []struct {
		name   string
		config string
		want   Identity
	}{
		{"set", "[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n", Identity{"Ada Lovelace", "ada@example.com"}},
		{"name only", "[user]\n\tname = Ada\n", Identity{Name: "Ada"}},
		{"none", "[core]\n\tautocrlf = false\n", Identity{}},
		{"no file", "", Identity{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			t.Setenv("HOME", home)
			t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
			if tt.config != "" {
				if err := os.WriteFile(filepath.Join(home, ".gitconfig"), []byte(tt.config), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := GlobalIdentity(); got != tt.want {
				t.Errorf("GlobalIdentity() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestInit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, ".github", "workflows"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".github", "workflows", "ci.yml"), []byte("on: push\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	hash, err := Init(dir, Commit{AuthorName: "Ada", AuthorEmail: "ada@example.com", Message: "first", Remote: "https://github.com/o/r.git"})
	if err != nil {
		t.Fatal(err)
	}
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := repo.CommitObject(mustHash(t, repo))
	if err != nil || c.Hash.String() != hash {
		t.Fatalf("commit %v %v", c, err)
	}
	files, _ := c.Files()
	n := 0
	files.ForEach(func(*object.File) error { n++; return nil })
	if n != 2 {
		t.Errorf("commit has %d files, want 2 (dot-folders included)", n)
	}
	if _, err := Init(t.TempDir(), Commit{Message: "x"}); err == nil {
		t.Error("Init without an author succeeded")
	}
}

func mustHash(t *testing.T, repo *git.Repository) plumbing.Hash {
	t.Helper()
	ref, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	return ref.Hash()
}

// TestInitHonoursGitignore: what an install step writes and the project's
// .gitignore files exclude (node_modules, .venv, target) stays out of the
// first commit; a negated pattern and a nested .gitignore are honoured.
func TestInitHonoursGitignore(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		".gitignore":                      "node_modules/\n.venv/\ntarget/\n!.mvn/wrapper/maven-wrapper.jar\n*.log\n",
		"package.json":                    "{}\n",
		"package-lock.json":               "{}\n",
		"node_modules/left-pad/index.js":  "x\n",
		".venv/bin/python":                "x\n",
		"target/app.jar":                  "x\n",
		"debug.log":                       "x\n",
		".mvn/wrapper/maven-wrapper.jar":  "jar\n",
		"src/.gitignore":                  "generated/\n",
		"src/main.js":                     "x\n",
		"src/generated/out.js":            "x\n",
		"docs/node_modules.md":            "a file, not the folder\n",
		"deep/node_modules/pkg/index.js":  "x\n",
		".github/workflows/ci.yml":        "on: push\n",
		"scripts/run.sh":                  "#!/bin/sh\n",
		"scripts/node_modules_readme.txt": "x\n",
	}
	dir := t.TempDir()
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Init(dir, Commit{AuthorName: "Ada", AuthorEmail: "ada@example.com", Message: "first"}); err != nil {
		t.Fatal(err)
	}
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := repo.CommitObject(mustHash(t, repo))
	if err != nil {
		t.Fatal(err)
	}
	committed := map[string]bool{}
	iter, _ := c.Files()
	iter.ForEach(func(f *object.File) error { committed[f.Name] = true; return nil })
	for _, tt := range []struct {
		path string
		want bool
	}{
		{".gitignore", true},
		{"package.json", true},
		{"package-lock.json", true},
		{"node_modules/left-pad/index.js", false},
		{".venv/bin/python", false},
		{"target/app.jar", false},
		{"debug.log", false},
		{".mvn/wrapper/maven-wrapper.jar", true},
		{"src/.gitignore", true},
		{"src/main.js", true},
		{"src/generated/out.js", false},
		{"docs/node_modules.md", true},
		{"deep/node_modules/pkg/index.js", false},
		{".github/workflows/ci.yml", true},
		{"scripts/run.sh", true},
		{"scripts/node_modules_readme.txt", true},
	} {
		if committed[tt.path] != tt.want {
			t.Errorf("%s committed = %v, want %v", tt.path, committed[tt.path], tt.want)
		}
	}
	wt, _ := repo.Worktree()
	if st, err := wt.Status(); err != nil || !st.IsClean() {
		t.Errorf("worktree not clean after the commit: %v %v", st, err)
	}
}
