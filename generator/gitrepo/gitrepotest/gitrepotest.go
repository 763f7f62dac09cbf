// Package gitrepotest holds what tests of the first commit compare it with:
// go-git's own work-tree path (add every file, commit), which scaffold used
// before it wrote the objects itself, and the git program. Only tests import
// it; scaffold never runs git.
package gitrepotest

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/scaffold-dev/scaffold/generator/gitrepo"
)

// Result is what a first commit made.
type Result struct {
	Commit, Tree string
	Config       []byte // .git/config
}

// GoGitCommit commits dir the way go-git's work tree does it: init on main,
// walk the folder with its .gitignore files, Add each file, Commit.
func GoGitCommit(t testing.TB, dir string, c gitrepo.Commit) Result {
	t.Helper()
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName(gitrepo.Branch)},
	})
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	patterns, err := gitignore.ReadPatterns(wt.Filesystem, nil)
	if err != nil {
		t.Fatal(err)
	}
	ignored := gitignore.NewMatcher(patterns)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || rel == "." {
			return err
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		switch {
		case d.IsDir() && (rel == git.GitDirName || ignored.Match(parts, true)):
			return filepath.SkipDir
		case d.IsDir() || ignored.Match(parts, false):
			return nil
		}
		return wt.AddWithOptions(&git.AddOptions{Path: filepath.ToSlash(rel), SkipStatus: true})
	})
	if err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: c.AuthorName, Email: c.AuthorEmail, When: c.When}
	hash, err := wt.Commit(c.Message, &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		t.Fatal(err)
	}
	if c.Remote != "" {
		if _, err := repo.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{c.Remote}}); err != nil {
			t.Fatal(err)
		}
	}
	return Read(t, dir, hash.String())
}

// Read is the commit, its tree and the configuration of the repository in dir.
func Read(t testing.TB, dir, commit string) Result {
	t.Helper()
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	if ref.Name() != plumbing.NewBranchReferenceName(gitrepo.Branch) || ref.Hash().String() != commit {
		t.Fatalf("HEAD is %s at %s, want %s at %s", ref.Name(), ref.Hash(), gitrepo.Branch, commit)
	}
	c, err := repo.CommitObject(ref.Hash())
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(dir, ".git", "config"))
	if err != nil {
		t.Fatal(err)
	}
	return Result{Commit: c.Hash.String(), Tree: c.TreeHash.String(), Config: cfg}
}

// Git runs the git program in dir with no user or system configuration, or
// skips the test when git is not installed.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("SKIPPED: git is not installed")
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com")
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("git %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), stderr.String())
	}
	return out.String()
}

// Check runs Git's own checks on the repository in dir: git fsck --strict
// finds nothing, git status --porcelain is empty (everything committed, the
// index agrees with the files).
func Check(t testing.TB, dir string) {
	t.Helper()
	if out := Git(t, dir, "fsck", "--strict", "--no-progress"); out != "" {
		t.Errorf("git fsck --strict: %s", out)
	}
	if out := Git(t, dir, "status", "--porcelain", "--untracked-files=all"); out != "" {
		t.Errorf("git status --porcelain is not empty:\n%s", out)
	}
}

// CLITree is the tree the git program makes of a copy of dir (git init,
// add -A, write-tree), dir itself untouched.
func CLITree(t testing.TB, dir string) string {
	t.Helper()
	cp := filepath.Join(t.TempDir(), "copy")
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == ".git" {
			return filepath.SkipDir
		}
		target := filepath.Join(cp, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
	Git(t, cp, "init", "-q", "-b", gitrepo.Branch)
	Git(t, cp, "add", "-A")
	return strings.TrimSpace(Git(t, cp, "write-tree"))
}
