package gitrepo_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"

	"github.com/scaffold-dev/scaffold/generator/gitrepo"
	"github.com/scaffold-dev/scaffold/generator/gitrepo/gitrepotest"
	_ "github.com/scaffold-dev/scaffold/generator/golden" // -update is known to every test package
)

func TestGlobalIdentity(t *testing.T) {
	tests := []struct {
		name   string
		config string
		want   gitrepo.Identity
	}{
		{"set", "[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n", gitrepo.Identity{Name: "Ada Lovelace", Email: "ada@example.com"}},
		{"name only", "[user]\n\tname = Ada\n", gitrepo.Identity{Name: "Ada"}},
		{"none", "[core]\n\tautocrlf = false\n", gitrepo.Identity{}},
		{"no file", "", gitrepo.Identity{}},
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
			if got := gitrepo.GlobalIdentity(); got != tt.want {
				t.Errorf("GlobalIdentity() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// file is one file of a test tree; a path ending in "*" is executable, one
// ending in "@" a symbolic link to data.
type file struct{ path, data string }

// writeTree writes files under dir and returns them as Init takes them.
func writeTree(t *testing.T, dir string, files []file) []gitrepo.File {
	t.Helper()
	var out []gitrepo.File
	for _, f := range files {
		p, mode, link := f.path, os.FileMode(0o644), false
		switch {
		case strings.HasSuffix(p, "*"):
			p, mode = strings.TrimSuffix(p, "*"), 0o755
		case strings.HasSuffix(p, "@"):
			p, link = strings.TrimSuffix(p, "@"), true
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if link {
			err = os.Symlink(f.data, full)
		} else {
			err = os.WriteFile(full, []byte(f.data), mode)
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, gitrepo.File{Path: p, Data: []byte(f.data)})
	}
	return out
}

var when = time.Date(2026, 3, 14, 15, 9, 26, 0, time.FixedZone("CET", 3600))

func commit(remote string) gitrepo.Commit {
	return gitrepo.Commit{AuthorName: "Ada Lovelace", AuthorEmail: "ada@example.com", Message: "Initial commit from scaffold", Remote: remote, When: when}
}

// installed is a project after an install step: what its .gitignore files
// exclude (node_modules, .venv, target), a negated pattern, a nested
// .gitignore, names that only look like ignored folders.
var installed = []file{
	{".gitignore", "node_modules/\n.venv/\ntarget/\n!.mvn/wrapper/maven-wrapper.jar\n*.log\n"},
	{"package.json", "{}\n"},
	{"package-lock.json", "{}\n"},
	{"node_modules/left-pad/index.js", "x\n"},
	{".venv/bin/python", "x\n"},
	{"target/app.jar", "x\n"},
	{"debug.log", "x\n"},
	{".mvn/wrapper/maven-wrapper.jar", "jar\n"},
	{"src/.gitignore", "generated/\n"},
	{"src/main.js", "x\n"},
	{"src/generated/out.js", "x\n"},
	{"docs/node_modules.md", "a file, not the folder\n"},
	{"deep/node_modules/pkg/index.js", "x\n"},
	{".github/workflows/ci.yml", "on: push\n"},
	{"scripts/run.sh*", "#!/bin/sh\n"},
	{"scripts/node_modules_readme.txt", "x\n"},
}

// TestInit: the commit made from files in memory is the one go-git's work
// tree makes of the same folder (same commit, tree and configuration) and
// the tree the git program makes of it; git fsck --strict and git status
// find nothing to say.
func TestInit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		files  []file
		remote string
	}{
		{"one file", []file{{"README.md", "# x\n"}}, ""},
		{"dot folders and a remote", []file{{"README.md", "# x\n"}, {".github/workflows/ci.yml", "on: push\n"}}, "https://github.com/o/r.git"},
		{"executables", []file{{"mvnw*", "#!/bin/sh\n"}, {"mvnw.cmd", "@echo off\r\n"}, {"scripts/dev.sh*", "#!/bin/sh\necho\n"}, {"pom.xml", "<project/>\n"}}, ""},
		// Git orders a folder as if its name ended in "/": a.b < a/ < a0.
		{"tree order", []file{{"a/x", "1"}, {"a.b", "2"}, {"a-b", "3"}, {"a0", "4"}, {"ab/c/d", "5"}, {"A", "6"}, {"a/x.y/z", "7"}, {"a/x-y", "8"}}, ""},
		{"empty and equal files", []file{{"empty", ""}, {"one", "same\n"}, {"two/one", "same\n"}, {"three/one", "same\n"}}, ""},
		{"ignored files", installed, ""},
		{"ignored, then re-included in an ignored folder", []file{{".gitignore", "build/\n!build/keep.txt\n"}, {"build/keep.txt", "x"}, {"build/out.bin", "x"}, {"main.c", "int main;\n"}}, ""},
		{"a symbolic link", []file{{"README.md", "# x\n"}, {"docs/readme@", "../README.md"}}, ""},
		{"a larger file", []file{{"big.txt", strings.Repeat("scaffold writes objects from memory\n", 20000)}, {"small", "x"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			files := writeTree(t, dir, tt.files)
			hash, err := gitrepo.Init(dir, files, commit(tt.remote))
			if err != nil {
				t.Fatal(err)
			}
			got := gitrepotest.Read(t, dir, hash)

			ref := t.TempDir()
			writeTree(t, ref, tt.files)
			want := gitrepotest.GoGitCommit(t, ref, commit(tt.remote))
			if got.Commit != want.Commit || got.Tree != want.Tree {
				t.Errorf("commit %s, tree %s; go-git's work tree makes commit %s, tree %s", got.Commit, got.Tree, want.Commit, want.Tree)
			}
			if string(got.Config) != string(want.Config) {
				t.Errorf(".git/config:\n%s\ngo-git's:\n%s", got.Config, want.Config)
			}
			if cli := gitrepotest.CLITree(t, dir); cli != got.Tree {
				t.Errorf("tree %s, git add -A makes %s", got.Tree, cli)
			}
			gitrepotest.Check(t, dir)
		})
	}
}

// TestInitModes: an executable file is 100755 in the tree and the index,
// the others 100644, a link 120000.
func TestInitModes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := writeTree(t, dir, []file{{"mvnw*", "#!/bin/sh\n"}, {"pom.xml", "<project/>\n"}, {"link@", "pom.xml"}})
	hash, err := gitrepo.Init(dir, files, commit(""))
	if err != nil {
		t.Fatal(err)
	}
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := repo.CommitObject(plumbing.NewHash(hash))
	if err != nil {
		t.Fatal(err)
	}
	tree, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	idx, err := repo.Storer.Index()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]filemode.FileMode{"mvnw": filemode.Executable, "pom.xml": filemode.Regular, "link": filemode.Symlink}
	for name, mode := range want {
		e, err := tree.FindEntry(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ie, err := idx.Entry(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if e.Mode != mode || ie.Mode != mode {
			t.Errorf("%s: tree mode %s, index mode %s, want %s", name, e.Mode, ie.Mode, mode)
		}
	}
}

// TestInitFromDisk: after an install step the commit reads the folder,
// never entering an ignored folder, and makes what go-git's work tree makes.
func TestInitFromDisk(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, append(slices.Clone(installed), file{"link@", "package.json"}))
	hash, err := gitrepo.InitFromDisk(dir, commit("https://github.com/o/r.git"))
	if err != nil {
		t.Fatal(err)
	}
	got := gitrepotest.Read(t, dir, hash)
	ref := t.TempDir()
	writeTree(t, ref, append(slices.Clone(installed), file{"link@", "package.json"}))
	want := gitrepotest.GoGitCommit(t, ref, commit("https://github.com/o/r.git"))
	if got.Commit != want.Commit || got.Tree != want.Tree || string(got.Config) != string(want.Config) {
		t.Errorf("commit %s, tree %s, config:\n%s\ngo-git's work tree makes commit %s, tree %s, config:\n%s", got.Commit, got.Tree, got.Config, want.Commit, want.Tree, want.Config)
	}
	gitrepotest.Check(t, dir)
}

// TestInitErrors: what Init refuses leaves no repository behind it cannot
// vouch for.
func TestInitErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files []file
		given func([]gitrepo.File) []gitrepo.File
		c     gitrepo.Commit
		want  string
	}{
		{"no author", []file{{"a", "x"}}, nil, gitrepo.Commit{Message: "x"}, "needs an author"},
		{"changed on disk", []file{{"a", "x"}}, func(f []gitrepo.File) []gitrepo.File { f[0].Data = []byte("longer"); return f }, commit(""), "changed on disk"},
		{"missing on disk", []file{{"a", "x"}}, func(f []gitrepo.File) []gitrepo.File { return append(f, gitrepo.File{Path: "b", Data: []byte("y")}) }, commit(""), "git add b"},
		{"listed twice", []file{{"a", "x"}}, func(f []gitrepo.File) []gitrepo.File { return append(f, f[0]) }, commit(""), "listed twice"},
		{"not a clean path", []file{{"a/b", "x"}}, func(f []gitrepo.File) []gitrepo.File { f[0].Path = "a/./b"; return f }, commit(""), "not a path Git can commit"},
		{"a NUL in a name", []file{{"a", "x"}}, func(f []gitrepo.File) []gitrepo.File { f[0].Path = "a\x00b"; return f }, commit(""), "not a path Git can commit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			files := writeTree(t, dir, tt.files)
			if tt.given != nil {
				files = tt.given(files)
			}
			_, err := gitrepo.Init(dir, files, tt.c)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Init: %v, want an error with %q", err, tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, ".git", "HEAD")); err == nil {
				t.Error("a failed Init left .git/HEAD")
			}
		})
	}
}

// A folder that is a repository already is refused, and its .git left alone.
func TestInitKeepsAnExistingRepository(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := writeTree(t, dir, []file{{"a", "x"}})
	keep := filepath.Join(dir, ".git", "keep")
	if err := os.MkdirAll(filepath.Dir(keep), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := gitrepo.Init(dir, files, commit("")); err == nil || !strings.Contains(err.Error(), "git init") {
		t.Fatalf("Init over an existing .git: %v, want a git init error", err)
	}
	if got, err := os.ReadFile(keep); err != nil || string(got) != "mine" {
		t.Errorf("the existing .git was changed: %q, %v", got, err)
	}
}
