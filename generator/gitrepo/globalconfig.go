package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/config"
	format "github.com/go-git/go-git/v5/plumbing/format/config"
)

// GlobalConfigPath is the file `git config --global` writes to:
// ~/.gitconfig, unless it does not exist and the XDG one
// ($XDG_CONFIG_HOME/git/config, else ~/.config/git/config) does.
func GlobalConfigPath() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the home folder: %w", err)
	}
	dotfile := filepath.Join(home, ".gitconfig")
	if _, err := os.Stat(dotfile); err == nil {
		return dotfile, nil
	}
	xdg := os.Getenv("XDG_CONFIG_HOME")
	if xdg == "" {
		xdg = filepath.Join(home, ".config")
	}
	if p := filepath.Join(xdg, "git", "config"); fileExists(p) {
		return p, nil
	}
	return dotfile, nil
}

// ReadGlobalIdentity reads user.name and user.email the way git reads its
// global configuration: the XDG file first, then ~/.gitconfig, a later
// value winning. (go-git's LoadConfig reads only the first file it finds,
// so an identity saved in ~/.gitconfig beside an XDG file would be missed.)
// Missing values are empty strings, not errors.
func ReadGlobalIdentity() Identity {
	home, err := os.UserHomeDir()
	if err != nil {
		return Identity{}
	}
	xdg := os.Getenv("XDG_CONFIG_HOME")
	if xdg == "" {
		xdg = filepath.Join(home, ".config")
	}
	var id Identity
	for _, p := range []string{filepath.Join(xdg, "git", "config"), filepath.Join(home, ".gitconfig")} {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		cfg, err := config.ReadConfig(bytes.NewReader(data))
		if err != nil {
			continue
		}
		if n := strings.TrimSpace(cfg.User.Name); n != "" {
			id.Name = n
		}
		if e := strings.TrimSpace(cfg.User.Email); e != "" {
			id.Email = e
		}
	}
	return id
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// SaveIdentity records the name and e-mail of id (those that are not empty)
// as user.name and user.email in the Git configuration file at path, the
// way `git config --global` does, without running git. The file keeps
// everything it had, comments included: a [user] section, encoded by
// go-git, is added at its end, and a later value wins in Git. The file is
// created when missing.
func SaveIdentity(path string, id Identity) error {
	if id.Name == "" && id.Email == "" {
		return errors.New("no name or e-mail to save")
	}
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if _, err := config.ReadConfig(bytes.NewReader(old)); err != nil {
		return fmt.Errorf("%s is not a Git configuration file scaffold can read: %w", path, err)
	}
	cfg := format.New()
	user := cfg.Section("user")
	if id.Name != "" {
		user.SetOption("name", id.Name)
	}
	if id.Email != "" {
		user.SetOption("email", id.Email)
	}
	var add bytes.Buffer
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		add.WriteByte('\n')
	}
	if err := format.NewEncoder(&add).Encode(cfg); err != nil {
		return fmt.Errorf("encode the identity: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(path), err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if _, err := f.Write(add.Bytes()); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
