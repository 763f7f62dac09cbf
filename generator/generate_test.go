package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/go-git/go-git/v5"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator/gitrepo/gitrepotest"
)

func testGenerator(t *testing.T, fsys fstest.MapFS) *Generator {
	t.Helper()
	cat, err := LoadCatalog(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return &Generator{Catalog: cat, Version: "v1.2.3", Now: func() time.Time { return fixedTime }}
}

func TestGenerateWritesAndCommits(t *testing.T) {
	t.Parallel()
	g := testGenerator(t, testCatalogFS())
	o := validOptions()
	o.Dir = filepath.Join(t.TempDir(), "demo")
	res, err := g.Generate(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if _, err := os.Stat(filepath.Join(o.Dir, f.Path)); err != nil {
			t.Errorf("%s not written: %v", f.Path, err)
		}
	}
	answers, err := os.ReadFile(filepath.Join(o.Dir, AnswersFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"blueprint: go-std", "scaffold_version: v1.2.3", "framework: std", "- name: task", "plural: tasks", "max: 200",
		"# same model: scaffold new OTHER --model path/to/this/.scaffold.yaml\n"} {
		if !strings.Contains(string(answers), want) {
			t.Errorf("%s lacks %q:\n%s", AnswersFile, want, answers)
		}
	}

	repo, err := git.PlainOpen(o.Dir)
	if err != nil {
		t.Fatal(err)
	}
	head, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	if head.Name().Short() != "main" || head.Hash().String() != res.Commit {
		t.Errorf("HEAD = %s %s, want main %s", head.Name().Short(), head.Hash(), res.Commit)
	}
	c, err := repo.CommitObject(head.Hash())
	if err != nil {
		t.Fatal(err)
	}
	if c.Message != CommitMessage || c.Author.Name != "Ada Lovelace" || c.Author.Email != "ada@example.com" {
		t.Errorf("commit = %q by %s <%s>", c.Message, c.Author.Name, c.Author.Email)
	}
	remote, err := repo.Remote("origin")
	if err != nil || remote.Config().URLs[0] != "https://github.com/octocat/demo-api.git" {
		t.Errorf("origin = %v, %v", remote, err)
	}
	wt, _ := repo.Worktree()
	if st, err := wt.Status(); err != nil || !st.IsClean() {
		t.Errorf("worktree not clean after the commit: %v %v", st, err)
	}
	if fi, err := os.Stat(filepath.Join(o.Dir, "run.sh")); err != nil || fi.Mode().Perm()&0o100 == 0 {
		t.Errorf("run.sh should be executable: %v %v", fi.Mode(), err)
	}
	gitCLI(t, o.Dir)
}

// gitCLI checks the repository with the real git: fsck finds nothing and the
// working tree is clean. Without git it fails in CI and skips elsewhere.
func gitCLI(t *testing.T, dir string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is not installed; CI must have it")
		}
		t.Log("SKIPPED the git CLI checks: git is not installed")
		return
	}
	for _, args := range [][]string{{"fsck", "--strict"}, {"status", "--porcelain"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		if err != nil || len(strings.TrimSpace(string(out))) > 0 {
			t.Errorf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

func TestGenerateNoGit(t *testing.T) {
	t.Parallel()
	g := testGenerator(t, testCatalogFS())
	o := validOptions()
	o.Dir = filepath.Join(t.TempDir(), "demo")
	o.Git, o.AuthorName, o.AuthorEmail = false, "", ""
	res, err := g.Generate(o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Commit != "" {
		t.Errorf("commit %s made with Git off", res.Commit)
	}
	if _, err := os.Stat(filepath.Join(o.Dir, ".git")); !os.IsNotExist(err) {
		t.Errorf(".git exists with Git off: %v", err)
	}
}

// TestGenerateFailuresLeaveNothing: each failure happens at a different step
// and must leave the parent folder as it was.
func TestGenerateFailuresLeaveNothing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		fsys    func() fstest.MapFS
		prepare func(t *testing.T, parent string) Options
		wantErr string
	}{
		{
			name: "template error",
			fsys: func() fstest.MapFS {
				f := testCatalogFS()
				f["go-std/zzz.txt.tmpl"] = &fstest.MapFile{Data: []byte("{{.Nope}}")}
				return f
			},
			wantErr: "go-std/zzz.txt.tmpl",
		},
		{
			name: "no identity",
			prepare: func(t *testing.T, parent string) Options {
				o := validOptions()
				o.Dir, o.AuthorEmail = filepath.Join(parent, "demo"), ""
				return o
			},
			wantErr: "no Git identity found",
		},
		{
			name: "destination not empty",
			prepare: func(t *testing.T, parent string) Options {
				o := validOptions()
				o.Dir = filepath.Join(parent, "demo")
				if err := os.MkdirAll(o.Dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(o.Dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
					t.Fatal(err)
				}
				return o
			},
			wantErr: "already exists and is not empty",
		},
		{
			name: "destination is a file",
			prepare: func(t *testing.T, parent string) Options {
				o := validOptions()
				o.Dir = filepath.Join(parent, "demo")
				if err := os.WriteFile(o.Dir, []byte("x"), 0o644); err != nil {
					t.Fatal(err)
				}
				return o
			},
			wantErr: "is a file, not a folder",
		},
		{
			name: "existing repository with force",
			prepare: func(t *testing.T, parent string) Options {
				o := validOptions()
				o.Dir, o.Force = filepath.Join(parent, "demo"), true
				if err := os.MkdirAll(filepath.Join(o.Dir, ".git"), 0o755); err != nil {
					t.Fatal(err)
				}
				return o
			},
			wantErr: "already a Git repository",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := testCatalogFS()
			if tt.fsys != nil {
				fsys = tt.fsys()
			}
			g := testGenerator(t, fsys)
			parent := t.TempDir()
			o := validOptions()
			o.Dir = filepath.Join(parent, "demo")
			if tt.prepare != nil {
				o = tt.prepare(t, parent)
			}
			before := listTree(t, parent)
			_, err := g.Generate(o)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Generate() = %v, want an error containing %q", err, tt.wantErr)
			}
			if after := listTree(t, parent); after != before {
				t.Errorf("the failure changed the disk:\nbefore: %s\nafter:  %s", before, after)
			}
		})
	}
}

func TestGenerateUnwritableDestination(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		// root ignores permission bits; use a path under a file instead,
		// which no user can create.
		g := testGenerator(t, testCatalogFS())
		parent := t.TempDir()
		if err := os.WriteFile(filepath.Join(parent, "file"), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		o := validOptions()
		o.Dir = filepath.Join(parent, "file", "demo")
		if _, err := g.Generate(o); err == nil || !strings.Contains(err.Error(), "it is a file, not a folder") {
			t.Fatalf("Generate() = %v", err)
		}
		return
	}
	g := testGenerator(t, testCatalogFS())
	parent := t.TempDir()
	locked := filepath.Join(parent, "locked")
	if err := os.Mkdir(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	o := validOptions()
	o.Dir = filepath.Join(locked, "demo")
	if _, err := g.Generate(o); err == nil || !strings.Contains(err.Error(), "cannot write to") {
		t.Fatalf("Generate() = %v", err)
	}
}

func TestGenerateForce(t *testing.T) {
	t.Parallel()
	g := testGenerator(t, testCatalogFS())
	o := validOptions()
	o.Dir, o.Force = filepath.Join(t.TempDir(), "demo"), true
	if err := os.MkdirAll(filepath.Join(o.Dir, "internal"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(o.Dir, "notes.txt"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(o.Dir, "main.go"), []byte("old"), 0o644)
	if _, err := g.Generate(o); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(o.Dir, "notes.txt")); string(b) != "mine" {
		t.Errorf("--force removed an unrelated file")
	}
	if b, _ := os.ReadFile(filepath.Join(o.Dir, "main.go")); string(b) == "old" {
		t.Errorf("--force did not replace main.go")
	}
	entries, _ := os.ReadDir(filepath.Dir(o.Dir))
	if len(entries) != 1 {
		t.Errorf("staging folder left behind: %v", entries)
	}
}

func TestGenerateIntoEmptyFolder(t *testing.T) {
	t.Parallel()
	g := testGenerator(t, testCatalogFS())
	o := validOptions()
	o.Dir = t.TempDir() // exists, empty
	if _, err := g.Generate(o); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(o.Dir, "main.go")); err != nil {
		t.Fatal(err)
	}
}

func listTree(t *testing.T, root string) string {
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

// TestGenerateCommitMatchesGoGit: the first commit, written from the files
// in memory, is the one go-git's work tree (scaffold's path before) makes of
// the same project — same commit, tree and configuration — for blueprints
// of every family and the largest project; the git program agrees on the
// tree, fsck --strict passes, status is clean, and executables stay 100755.
func TestGenerateCommitMatchesGoGit(t *testing.T) {
	t.Parallel()
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	rich := loadModel(t, filepath.Join("..", "testdata", "models", "rich.yaml"))
	tests := []struct {
		name string
		o    Options
		exec []string // paths that must be executable
	}{
		{"default", Options{Name: "demo", Language: DefaultLanguage}, nil},
		{"largest", Options{Name: "shelf", Language: "go", Framework: "nethttp", Database: "postgres", API: "rest", Model: cloneModel(rich)}, nil},
		{"go soap", Options{Name: "shelf", Language: "go", Framework: "gin", Database: "mongodb", API: "soap", Model: cloneModel(rich), Owner: "octocat"}, nil},
		{"java", Options{Name: "inventory", Language: "java", Framework: "spring", Database: "postgres", API: "rest", Owner: "octocat"}, []string{"mvnw"}},
		{"python", Options{Name: "todo", Language: "python", Framework: "fastapi", Database: "sqlite", API: "soap", Model: cloneModel(rich)}, nil},
		{"typescript", Options{Name: "demo", Language: "typescript", Framework: "nestjs", Database: "mariadb", API: "rest"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := &Generator{Catalog: cat, Version: "v1.2.3", Now: func() time.Time { return fixedTime }}
			o := tt.o
			o.AuthorName, o.AuthorEmail, o.Git = "Ada Lovelace", "ada@example.com", true
			o.Dir = filepath.Join(t.TempDir(), "new")
			res, err := g.Generate(o)
			if err != nil {
				t.Fatal(err)
			}
			got := gitrepotest.Read(t, o.Dir, res.Commit)

			ref := o
			ref.Dir, ref.Git = filepath.Join(t.TempDir(), "ref"), false
			if _, err := g.Generate(ref); err != nil {
				t.Fatal(err)
			}
			want := gitrepotest.GoGitCommit(t, ref.Dir, g.commit(&res.Options))
			if got.Commit != want.Commit || got.Tree != want.Tree || string(got.Config) != string(want.Config) {
				t.Errorf("commit %s, tree %s, config:\n%s\ngo-git's work tree makes commit %s, tree %s, config:\n%s",
					got.Commit, got.Tree, got.Config, want.Commit, want.Tree, want.Config)
			}
			if cli := gitrepotest.CLITree(t, o.Dir); cli != got.Tree {
				t.Errorf("tree %s, git add -A makes %s", got.Tree, cli)
			}
			gitrepotest.Check(t, o.Dir)
			for _, p := range tt.exec {
				if mode := gitrepotest.Git(t, o.Dir, "ls-files", "-s", "--", p); !strings.HasPrefix(mode, "100755 ") {
					t.Errorf("%s in the index: %q, want mode 100755", p, mode)
				}
			}
		})
	}
}
