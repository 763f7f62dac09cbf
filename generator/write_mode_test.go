package generator

import (
	"os"
	"path/filepath"
	"testing"
)

// TestProjectFolderModes: the project's root folder and every folder in it
// get the mode any program's new folder gets (0777 under the umask), not
// the 0700 of a temporary folder, with and without Git and install.
func TestProjectFolderModes(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	ref := filepath.Join(parent, "reference")
	if err := os.Mkdir(ref, 0o777); err != nil {
		t.Fatal(err)
	}
	want := mode(t, ref)
	if want == 0o700 {
		t.Skip("the umask is 077: every mode is 0700")
	}
	for _, git := range []bool{true, false} {
		g := testGenerator(t, testCatalogFS())
		o := validOptions()
		o.Git = git
		o.Dir = filepath.Join(parent, map[bool]string{true: "with-git", false: "without-git"}[git])
		if _, err := g.Generate(o); err != nil {
			t.Fatal(err)
		}
		err := filepath.WalkDir(o.Dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() || d.Name() == ".git" {
				if d != nil && d.Name() == ".git" {
					return filepath.SkipDir
				}
				return err
			}
			if got := mode(t, p); got != want {
				t.Errorf("%s has mode %o, want %o", p, got, want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func mode(t *testing.T, p string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}
