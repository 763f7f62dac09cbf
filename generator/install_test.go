package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/scaffold-dev/scaffold/blueprints"
)

// installCatalogFS is the test catalog with go-std's setup command replaced,
// and a .gitignore that excludes what the setup leaves besides its lockfile.
func installCatalogFS(setup string) map[string]string {
	return map[string]string{
		"go-std/blueprint.yaml": strings.Replace(goStdManifest, "setup: go mod download", "setup: "+setup, 1),
		"go-std/.gitignore":     "deps/\n",
	}
}

func committedFiles(t *testing.T, dir string) map[string]string {
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
	files := map[string]string{}
	iter, _ := c.Files()
	iter.ForEach(func(f *object.File) error {
		files[f.Name], _ = f.Contents()
		return nil
	})
	wt, _ := repo.Worktree()
	if st, err := wt.Status(); err != nil || !st.IsClean() {
		t.Errorf("worktree not clean after the commit: %v %v", st, err)
	}
	return files
}

// onPath is a LookPath that finds only the given programs.
func onPath(found ...string) func(string) (string, error) {
	return func(file string) (string, error) {
		for _, f := range found {
			if f == file {
				if file == "sh" {
					return "/bin/sh", nil
				}
				return "/usr/bin/" + file, nil
			}
		}
		return "", errors.New("not found")
	}
}

func TestInstall(t *testing.T) {
	t.Parallel()
	const lockSetup = `sh -c 'echo lock > lock.txt' && mkdir -p deps && echo x > deps/junk`
	tests := []struct {
		name       string
		setup      string
		path       []string // programs LookPath finds
		git        bool
		wantOK     bool
		wantMiss   string // the toolchain reported missing
		wantLock   bool   // lock.txt is in the folder (and the commit)
		wantOutput string // in the failure's output
	}{
		{"lockfile committed", lockSetup, []string{"sh", "go"}, true, true, "", true, ""},
		{"without git", lockSetup, []string{"sh", "go"}, false, true, "", true, ""},
		{"missing toolchain", lockSetup, []string{"sh"}, true, false, "go", false, ""},
		{"missing shell", lockSetup, []string{"go"}, true, false, "sh", false, ""},
		{"failing command", `echo first; echo "it broke" >&2; exit 3`, []string{"sh", "go"}, true, false, "", false, "it broke"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := testCatalogFS()
			for p, data := range installCatalogFS(tt.setup) {
				fsys[p] = &fstest.MapFile{Data: []byte(data)}
			}
			g := testGenerator(t, fsys)
			var started string
			var ended []error
			g.Installer = &Installer{LookPath: onPath(tt.path...), Progress: func(cmd string) func(error) {
				started = cmd
				return func(err error) { ended = append(ended, err) }
			}}
			o := validOptions()
			o.Dir = filepath.Join(t.TempDir(), "demo")
			o.Install, o.Git = true, tt.git
			res, err := g.Generate(o)
			if err != nil {
				t.Fatalf("a failing install must not fail the generation: %v", err)
			}
			rep := res.Install
			if rep == nil || rep.OK() != tt.wantOK || rep.Command != tt.setup {
				t.Fatalf("report = %+v, want OK %v", rep, tt.wantOK)
			}
			if got := rep.Missing; got != (tt.wantMiss != "") || (got && rep.Toolchain.Command != tt.wantMiss) {
				t.Errorf("missing = %v %q, want %q", got, rep.Toolchain.Command, tt.wantMiss)
			}
			if rep.Missing && (rep.Toolchain.URL == "" || started != "") {
				t.Errorf("missing toolchain: URL %q, command started %q", rep.Toolchain.URL, started)
			}
			if !rep.Missing && (started != tt.setup || len(ended) != 1 || (ended[0] == nil) != tt.wantOK) {
				t.Errorf("progress: started %q, ended %v", started, ended)
			}
			if !strings.Contains(rep.Output, tt.wantOutput) || (tt.wantOK && rep.Output != "") {
				t.Errorf("output %q, want %q", rep.Output, tt.wantOutput)
			}
			if _, err := os.Stat(filepath.Join(o.Dir, AnswersFile)); err != nil {
				t.Errorf("the project is not written: %v", err)
			}
			if _, err := os.Stat(filepath.Join(o.Dir, "lock.txt")); (err == nil) != tt.wantLock {
				t.Errorf("lock.txt present = %v, want %v", err == nil, tt.wantLock)
			}
			if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(o.Dir), ".demo.scaffold-*")); len(leftovers) > 0 {
				t.Errorf("staging folder left behind: %v", leftovers)
			}
			if !tt.git {
				if _, err := os.Stat(filepath.Join(o.Dir, ".git")); err == nil {
					t.Error("a repository was made without git")
				}
				return
			}
			files := committedFiles(t, o.Dir)
			if got := files["lock.txt"]; (got == "lock\n") != tt.wantLock {
				t.Errorf("lock.txt in the commit = %q, want it %v", got, tt.wantLock)
			}
			if _, ok := files["deps/junk"]; ok {
				t.Error("deps/junk is committed although .gitignore excludes it")
			}
			if _, ok := files[AnswersFile]; !ok || files[".gitignore"] != "deps/\n" {
				t.Errorf("the rendered files are not all committed: %d files", len(files))
			}
		})
	}
}

func TestInstallRunsInTheProjectFolder(t *testing.T) {
	t.Parallel()
	fsys := testCatalogFS()
	for p, data := range installCatalogFS(`pwd > where.txt`) {
		fsys[p] = &fstest.MapFile{Data: []byte(data)}
	}
	g := testGenerator(t, fsys)
	g.Installer = &Installer{LookPath: onPath("sh", "go")}
	o := validOptions()
	o.Dir = filepath.Join(t.TempDir(), "demo")
	o.Install = true
	res, err := g.Generate(o)
	if err != nil || !res.Install.OK() {
		t.Fatalf("%v %+v", err, res.Install)
	}
	where, _ := os.ReadFile(filepath.Join(o.Dir, "where.txt"))
	if got := strings.TrimSpace(string(where)); got != res.Dir {
		t.Errorf("setup ran in %s, want the project's folder %s (a .venv records its path)", got, res.Dir)
	}
}

func TestInstallInterrupted(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	in := &Installer{LookPath: onPath("sh", "go"), Context: ctx, Progress: func(string) func(error) {
		time.AfterFunc(100*time.Millisecond, cancel)
		return func(error) {}
	}}
	bp := Blueprint{Language: "go", Commands: Commands{Setup: "sleep 30"}}
	start := time.Now()
	rep := in.Run(bp, t.TempDir())
	if rep.Err == nil || !strings.Contains(rep.Err.Error(), "interrupted") {
		t.Errorf("err = %v, want interrupted", rep.Err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v to stop", d)
	}
}

func TestInstallerAvailable(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		lang string
		path []string
		want bool
	}{
		{"go", []string{"sh", "go"}, true},
		{"go", []string{"sh"}, false},
		{"python", []string{"sh", "python3"}, true},
		{"typescript", []string{"sh", "npm"}, true},
		{"javascript", []string{"sh", "node"}, false},
		{"java", []string{"sh", "java"}, true},
		{"java", []string{"java"}, false},
	} {
		in := &Installer{LookPath: onPath(tt.path...)}
		if got := in.Available(Blueprint{Language: tt.lang}); got != tt.want {
			t.Errorf("%s with %v: Available = %v, want %v", tt.lang, tt.path, got, tt.want)
		}
		if tc := ToolchainFor(Blueprint{Language: tt.lang}); !strings.HasPrefix(tc.URL, "https://") {
			t.Errorf("%s: no download link: %+v", tt.lang, tc)
		}
	}
}

func TestLastLines(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"a\nb\nc\n", 2, "b\nc"},
		{"a\r\n\r\n  \nb  \n", 5, "a\nb"},
		{"", 3, ""},
	} {
		if got := lastLines(tt.in, tt.n); got != tt.want {
			t.Errorf("lastLines(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
	b := &tailBuffer{max: 4}
	b.Write([]byte("abc"))
	b.Write([]byte("def"))
	if b.String() != "cdef" {
		t.Errorf("tailBuffer kept %q", b.String())
	}
}

// TestRenderedFilesAreNotGitignored: the first commit adds only what the
// project's .gitignore files let through, so no blueprint may render a file
// its own .gitignore excludes — it would silently be left out.
func TestRenderedFilesAreNotGitignored(t *testing.T) {
	t.Parallel()
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, bp := range cat.Blueprints {
		for _, api := range bp.APIs {
			o := Options{Name: "demo", Language: bp.Language, Framework: bp.Framework, Database: bp.Databases[0], API: api, AuthorName: "Ada", AuthorEmail: "ada@example.com"}
			plan, err := (&Generator{Catalog: cat, Version: "test"}).Plan(o)
			if err != nil {
				t.Errorf("%s %s: %v", bp.Name, api, err)
				continue
			}
			var patterns []gitignore.Pattern
			for _, f := range plan.Files {
				if filepath.Base(f.Path) != ".gitignore" {
					continue
				}
				var domain []string
				if d := filepath.ToSlash(filepath.Dir(f.Path)); d != "." {
					domain = strings.Split(d, "/")
				}
				for _, line := range strings.Split(string(f.Data), "\n") {
					if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
						patterns = append(patterns, gitignore.ParsePattern(line, domain))
					}
				}
			}
			m := gitignore.NewMatcher(patterns)
			for _, f := range plan.Files {
				if m.Match(strings.Split(f.Path, "/"), false) {
					t.Errorf("%s %s: %s is rendered but its .gitignore excludes it", bp.Name, api, f.Path)
				}
			}
		}
	}
}
