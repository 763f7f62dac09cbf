// Package gitrepo makes a generated project a Git repository, in process with
// go-git: branch main, every file the project's .gitignore files do not
// exclude added, one commit, an optional origin.
package gitrepo

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Commit describes the first commit.
type Commit struct {
	AuthorName  string
	AuthorEmail string
	Message     string
	Remote      string // origin URL; empty for none
	When        time.Time
}

// Init makes dir a repository on branch main with every file committed that
// the project's own .gitignore files do not exclude (an install step may have
// written node_modules or .venv), and returns the commit hash.
func Init(dir string, c Commit) (string, error) {
	if c.AuthorName == "" || c.AuthorEmail == "" {
		return "", errors.New("the first commit needs an author name and e-mail")
	}
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	})
	if err != nil {
		return "", fmt.Errorf("git init %s: %w", dir, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return "", fmt.Errorf("git worktree: %w", err)
	}
	if err := addAll(wt, dir); err != nil {
		return "", fmt.Errorf("git add: %w", err)
	}
	when := c.When
	if when.IsZero() {
		when = time.Now()
	}
	sig := &object.Signature{Name: c.AuthorName, Email: c.AuthorEmail, When: when}
	hash, err := wt.Commit(c.Message, &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		return "", fmt.Errorf("git commit: %w", err)
	}
	if c.Remote != "" {
		if _, err := repo.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{c.Remote}}); err != nil {
			return "", fmt.Errorf("git remote add origin: %w", err)
		}
	}
	return hash.String(), nil
}

// addAll adds every file under dir that the .gitignore files in the tree do
// not exclude. Ignored folders are not entered, so a node_modules with
// thousands of files costs nothing.
func addAll(wt *git.Worktree, dir string) error {
	patterns, err := gitignore.ReadPatterns(wt.Filesystem, nil)
	if err != nil {
		return fmt.Errorf("read .gitignore: %w", err)
	}
	ignored := gitignore.NewMatcher(patterns)
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
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
}

// Identity is a name and e-mail from Git configuration.
type Identity struct{ Name, Email string }

// GlobalIdentity reads user.name and user.email from the user's global Git
// configuration (~/.gitconfig or $XDG_CONFIG_HOME/git/config). Missing
// values are empty strings, not errors.
func GlobalIdentity() Identity {
	cfg, err := config.LoadConfig(config.GlobalScope)
	if err != nil {
		return Identity{}
	}
	return Identity{Name: strings.TrimSpace(cfg.User.Name), Email: strings.TrimSpace(cfg.User.Email)}
}
