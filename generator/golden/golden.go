// Package golden compares rendered trees with golden copies under testdata/
// and rewrites them with `go test ./... -update`. Every test package of this
// module imports it, so -update is a known flag everywhere.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Update is set by `go test ./... -update`: rewrite golden files instead of
// comparing with them.
var Update = flag.Bool("update", false, "rewrite golden files in testdata/")

// File is one file of a tree: its slash path and content.
type File struct {
	Path string
	Data []byte
}

// CheckTree compares files with the folder dir (line endings normalised) or,
// with -update, replaces dir by them. Missing and extra files are errors.
func CheckTree(t testing.TB, dir string, files []File) {
	t.Helper()
	if *Update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			p := filepath.Join(dir, filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		want[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatalf("read golden tree %s (run go test ./... -update to create it): %v", dir, err)
	}
	got := map[string]bool{}
	for _, f := range files {
		got[f.Path] = true
		w, ok := want[f.Path]
		if !ok {
			t.Errorf("%s: new file, not in the golden tree (go test ./... -update)", f.Path)
			continue
		}
		if a, b := normalise(f.Data), normalise(w); !bytes.Equal(a, b) {
			t.Errorf("%s differs from %s:\n%s", f.Path, filepath.Join(dir, f.Path), FirstDiff(b, a))
		}
	}
	var missing []string
	for p := range want {
		if !got[p] {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	for _, p := range missing {
		t.Errorf("%s: in the golden tree but no longer rendered", p)
	}
}

func normalise(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")) }

// FirstDiff shows the first line where want and got differ.
func FirstDiff(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, w, g)
		}
	}
	return "the files differ only in a final line break"
}
