package blueprints

// The JavaScript Node.js sources (node/_js/src, node/_js/test and
// javascript-express/src and /test) are made from the TypeScript ones by
// node/_ts2js.mjs. This test runs that tool into a temporary folder and
// fails when a committed JavaScript file differs from what it makes, so an
// edit to node/_ts cannot silently leave the JavaScript blueprint behind.
//
//	go test ./blueprints -run TestNodeJSFromTS -update   # rewrite node/_js in place

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// ts2jsTools are the npm packages _ts2js.mjs needs, pinned.
var ts2jsTools = []string{"ts-blank-space@0.9.0", "prettier@3.10.1"}

// ts2jsOutputs are the folders the tool writes, relative to blueprints/.
var ts2jsOutputs = []string{"node/_js/src", "node/_js/test", "javascript-express/src", "javascript-express/test"}

func TestNodeJSFromTS(t *testing.T) {
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed; CI must have Node.js 20+ to check node/_js against node/_ts", tool)
			}
			t.Skipf("SKIPPED: %s is not installed, so node/_js was not checked against node/_ts", tool)
		}
	}
	modules := ts2jsModules(t)

	out := t.TempDir()
	if *updateGoDeps {
		out = "." // in place
	}
	cmd := exec.Command("node", filepath.Join("node", "_ts2js.mjs"), "--out", out)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node node/_ts2js.mjs: %v\n%s", err, b)
	}
	if *updateGoDeps {
		return
	}

	want := jsFiles(t, out)
	got := jsFiles(t, ".")
	if len(want) == 0 {
		t.Fatal("_ts2js.mjs wrote no JavaScript; the test would prove nothing")
	}
	for _, rel := range union(want, got) {
		w, inWant := want[rel]
		g, inGot := got[rel]
		switch {
		case !inWant:
			t.Errorf("%s has no TypeScript source in node/_ts; delete it or add the .ts file", rel)
		case !inGot:
			t.Errorf("%s is missing; run: go test ./blueprints -run TestNodeJSFromTS -update", rel)
		case !bytes.Equal(w, g):
			t.Errorf("%s differs from what node/_ts2js.mjs makes of its TypeScript source (first difference at line %d); run: go test ./blueprints -run TestNodeJSFromTS -update",
				rel, firstDiffLine(w, g))
		}
	}
}

// ts2jsModules installs the pinned tools once into the user cache and returns
// their node_modules folder.
func ts2jsModules(t *testing.T) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "scaffold", "ts2js-"+strings.NewReplacer("@", "-", "/", "-").Replace(strings.Join(ts2jsTools, "_")))
	modules := filepath.Join(dir, "node_modules")
	if _, err := os.Stat(filepath.Join(modules, ".scaffold-complete")); err == nil {
		return modules
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"install", "--prefix", dir, "--no-audit", "--no-fund", "--no-save", "--loglevel=error"}, ts2jsTools...)
	cmd := exec.Command("npm", args...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	if err := os.WriteFile(filepath.Join(modules, ".scaffold-complete"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return modules
}

// jsFiles reads every .js and .js.tmpl file under root's ts2jsOutputs, keyed by
// its path relative to root.
func jsFiles(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, sub := range ts2jsOutputs {
		err := filepath.WalkDir(filepath.Join(root, sub), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				return err
			}
			if d.IsDir() || !(strings.HasSuffix(path, ".js") || strings.HasSuffix(path, ".js.tmpl")) {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			files[filepath.ToSlash(rel)] = b
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

func union(a, b map[string][]byte) []string {
	seen := map[string]bool{}
	for k := range a {
		seen[k] = true
	}
	for k := range b {
		seen[k] = true
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func firstDiffLine(a, b []byte) int {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return i + 1
		}
	}
	return min(len(al), len(bl)) + 1
}
