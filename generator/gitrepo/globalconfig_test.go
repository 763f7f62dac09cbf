package gitrepo

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/config"
)

func TestSaveIdentity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		existing string // "" = no file
		id       Identity
		want     Identity // read back
	}{
		{"new file", "", Identity{Name: "Ada Lovelace", Email: "ada@example.com"}, Identity{"Ada Lovelace", "ada@example.com"}},
		{"keeps what was there", "# my settings\n[core]\n\teditor = vim\n[alias]\n\tst = status", Identity{Name: "Ada", Email: "ada@example.com"}, Identity{"Ada", "ada@example.com"}},
		{"adds the e-mail to a name", "[user]\n\tname = Grace Hopper\n", Identity{Email: "grace@example.com"}, Identity{"Grace Hopper", "grace@example.com"}},
		{"quotes and backslashes", "", Identity{Name: `Ada "the Countess" \ Lovelace`, Email: "ada@example.com"}, Identity{`Ada "the Countess" \ Lovelace`, "ada@example.com"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "home", ".gitconfig")
			if tt.existing != "" {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, []byte(tt.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := SaveIdentity(path, tt.id); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(data), tt.existing) {
				t.Errorf("the file lost what it had:\n%s", data)
			}
			cfg, err := config.ReadConfig(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("go-git cannot read the file back: %v\n%s", err, data)
			}
			if got := (Identity{cfg.User.Name, cfg.User.Email}); got != tt.want {
				t.Errorf("read back %+v, want %+v\n%s", got, tt.want, data)
			}
		})
	}
	if err := SaveIdentity(filepath.Join(t.TempDir(), "c"), Identity{}); err == nil {
		t.Error("an empty identity was saved")
	}
}

// TestGlobalConfigPath follows `git config --global`: ~/.gitconfig, unless
// only the XDG file exists. It sets HOME, so it is not parallel.
func TestGlobalConfigPath(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	dotfile, xdg := filepath.Join(home, ".gitconfig"), filepath.Join(home, ".config", "git", "config")
	check := func(want string) {
		t.Helper()
		if got, err := GlobalConfigPath(); err != nil || got != want {
			t.Errorf("GlobalConfigPath() = %q, %v, want %q", got, err, want)
		}
	}
	check(dotfile) // neither exists
	os.MkdirAll(filepath.Dir(xdg), 0o755)
	os.WriteFile(xdg, nil, 0o644)
	check(xdg) // only the XDG one
	os.WriteFile(dotfile, nil, 0o644)
	check(dotfile) // both
	// What SaveIdentity writes there is what ReadGlobalIdentity reads, even
	// beside an XDG file with a name but no e-mail.
	os.WriteFile(xdg, []byte("[user]\n\tname = Ada X\n"), 0o644)
	if err := SaveIdentity(dotfile, Identity{Email: "ada@example.com"}); err != nil {
		t.Fatal(err)
	}
	if got := ReadGlobalIdentity(); got != (Identity{"Ada X", "ada@example.com"}) {
		t.Errorf("ReadGlobalIdentity() = %+v after saving", got)
	}
}
