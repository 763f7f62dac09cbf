package generator

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator/golden"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// Every Node project gets a committed package-lock.json (lockfileVersion 3),
// so `npm ci` installs one tree everywhere, with or without scaffold's
// install step. The dependencies of package.json depend on the language,
// the framework, the database dialect and the API style, so there is one
// lock per such set, made here from the package.json the blueprints render,
// never written by hand:
//
//	go test ./generator -run TestNodeLocks -update
//
// -update needs npm on PATH and the npm registry. It runs `npm install
// --package-lock-only` (npm's defaults: registry URLs kept) on each set's package.json (starting from the stored
// lock, so only what changed moves) and stores the lock gzip-compressed in
// node/_locks/<language>-<framework>-<dialect>-<api>.json.gz, with
// placeholders for the root package's name and licence, which
// node/package-lock.json.tmpl fills in. Without -update the test checks,
// offline, that every rendered lock agrees with its package.json and pins
// every package it installs to a registry tarball with its integrity hash.

const (
	nodeLockDir         = "../blueprints/node/_locks"
	nodeLockName        = "scaffold-placeholder-name"
	nodeLockLicense     = "SCAFFOLD-PLACEHOLDER-LICENSE"
	nodeLockRenderName  = "demo-api" // renderCombo's project name
	nodeLockRenderOwner = "octocat"
)

type nodeCombo struct{ language, framework, dialect, api, db string }

func (c nodeCombo) name() string {
	return c.language + "-" + c.framework + "-" + c.dialect + "-" + c.api
}

// nodeCombos is every language x framework x dialect x API the blueprints on
// the node layer render, with one database of each dialect.
func nodeCombos(cat *Catalog) map[string]struct {
	c  nodeCombo
	bp Blueprint
} {
	combos := map[string]struct {
		c  nodeCombo
		bp Blueprint
	}{}
	for _, bp := range cat.Blueprints {
		if !slices.Contains(bp.Layers, "node") {
			continue
		}
		for _, db := range bp.Databases {
			d, _ := cat.Database(db)
			for _, api := range bp.APIs {
				c := nodeCombo{bp.Language, bp.Framework, d.Dialect, api, db}
				if _, ok := combos[c.name()]; !ok {
					combos[c.name()] = struct {
						c  nodeCombo
						bp Blueprint
					}{c, bp}
				}
			}
		}
	}
	return combos
}

type npmLock struct {
	Name            string                     `json:"name"`
	Version         string                     `json:"version"`
	LockfileVersion int                        `json:"lockfileVersion"`
	Packages        map[string]json.RawMessage `json:"packages"`
}

type npmEntry struct {
	Name            string            `json:"name"`
	Version         string            `json:"version"`
	License         string            `json:"license"`
	Resolved        string            `json:"resolved"`
	Integrity       string            `json:"integrity"`
	Link            bool              `json:"link"`
	Dependencies    map[string]string `json:"dependencies"`
	DevDependencies map[string]string `json:"devDependencies"`
	Engines         map[string]string `json:"engines"`
}

type npmManifest struct {
	Name            string            `json:"name"`
	Version         string            `json:"version"`
	License         string            `json:"license"`
	Dependencies    map[string]string `json:"dependencies"`
	DevDependencies map[string]string `json:"devDependencies"`
	Engines         map[string]string `json:"engines"`
}

func TestNodeLocks(t *testing.T) {
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	combos := nodeCombos(cat)
	if len(combos) == 0 {
		t.Fatal("no blueprint is on the node layer")
	}
	if *golden.Update {
		updateNodeLocks(t, combos)
		return
	}
	for _, name := range slices.Sorted(maps.Keys(combos)) {
		cb := combos[name]
		t.Run(name, func(t *testing.T) {
			files := renderNodeCombo(t, cat, cb.bp, cb.c, "")
			checkNodeLock(t, files["package.json"], files["package-lock.json"])
		})
	}
	// The root entry is the project's own: a project without a licence says
	// UNLICENSED in both files.
	cb := combos[slices.Sorted(maps.Keys(combos))[0]]
	files := renderNodeCombo(t, cat, cb.bp, cb.c, "none")
	checkNodeLock(t, files["package.json"], files["package-lock.json"])
	if !bytes.Contains(files["package-lock.json"], []byte(`"license": "UNLICENSED"`)) {
		t.Error(`a project without a licence: package-lock.json does not say "license": "UNLICENSED"`)
	}

	entries, err := os.ReadDir(nodeLockDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := combos[strings.TrimSuffix(e.Name(), ".json.gz")]; !ok || !strings.HasSuffix(e.Name(), ".json.gz") {
			t.Errorf("_locks/%s belongs to no combination (run -update)", e.Name())
		}
	}
}

// checkNodeLock checks a rendered lock the way `npm ci` reads it: its root
// entry declares what package.json declares, every declared dependency is
// installed at its pinned version, and every installed package comes from
// the registry with an integrity hash.
func checkNodeLock(t *testing.T, pkgJSON, lockJSON []byte) {
	t.Helper()
	if len(lockJSON) == 0 {
		t.Fatal("package-lock.json is not rendered")
	}
	var pkg npmManifest
	if err := json.Unmarshal(pkgJSON, &pkg); err != nil {
		t.Fatalf("package.json: %v", err)
	}
	var lock npmLock
	if err := json.Unmarshal(lockJSON, &lock); err != nil {
		t.Fatalf("package-lock.json: %v", err)
	}
	if lock.LockfileVersion != 3 {
		t.Errorf("lockfileVersion %d, want 3", lock.LockfileVersion)
	}
	if lock.Name != pkg.Name || lock.Version != pkg.Version {
		t.Errorf("lock is for %s@%s, package.json is %s@%s", lock.Name, lock.Version, pkg.Name, pkg.Version)
	}
	var root npmEntry
	if err := json.Unmarshal(lock.Packages[""], &root); err != nil {
		t.Fatalf("package-lock.json root entry: %v", err)
	}
	if root.Name != pkg.Name || root.Version != pkg.Version || root.License != pkg.License {
		t.Errorf("root entry is %s@%s (%s), package.json %s@%s (%s)", root.Name, root.Version, root.License, pkg.Name, pkg.Version, pkg.License)
	}
	same := func(what string, a, b map[string]string) {
		if !maps.Equal(a, b) {
			t.Errorf("%s: package.json has %v, the lock %v (run -update)", what, a, b)
		}
	}
	same("dependencies", pkg.Dependencies, root.Dependencies)
	same("devDependencies", pkg.DevDependencies, root.DevDependencies)
	same("engines", pkg.Engines, root.Engines)
	for _, deps := range []map[string]string{pkg.Dependencies, pkg.DevDependencies} {
		for name, version := range deps {
			var e npmEntry
			if raw, ok := lock.Packages["node_modules/"+name]; !ok {
				t.Errorf("%s is not installed by the lock (run -update)", name)
			} else if err := json.Unmarshal(raw, &e); err != nil || e.Version != version {
				t.Errorf("the lock installs %s %q, package.json pins %s (run -update)", name, e.Version, version)
			}
		}
	}
	installed := 0
	for path, raw := range lock.Packages {
		if path == "" {
			continue
		}
		installed++
		var e npmEntry
		if err := json.Unmarshal(raw, &e); err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if e.Link || !strings.HasPrefix(e.Resolved, "https://registry.npmjs.org/") || !strings.HasPrefix(e.Integrity, "sha512-") {
			t.Errorf("%s is not a registry tarball with a sha512 integrity: resolved %q, integrity %q", path, e.Resolved, e.Integrity)
		}
	}
	if installed == 0 {
		t.Error("the lock installs nothing")
	}
	if bytes.Contains(lockJSON, []byte(nodeLockName)) || bytes.Contains(lockJSON, []byte(nodeLockLicense)) {
		t.Error("package-lock.json still has a placeholder")
	}
}

// renderNodeCombo renders one combination with the default model and the
// given licence ("" for the default) and returns its files by path.
func renderNodeCombo(t *testing.T, cat *Catalog, bp Blueprint, c nodeCombo, license string) map[string][]byte {
	t.Helper()
	o := Options{Name: nodeLockRenderName, Language: bp.Language, Framework: bp.Framework,
		Database: c.db, API: c.api, Owner: nodeLockRenderOwner, AuthorName: "Ada", AuthorEmail: "ada@example.com",
		License: license, Model: &model.Model{Resources: []model.Resource{model.DefaultResource("task")}}}
	o.ApplyDefaults(cat)
	if err := o.Validate(cat); err != nil {
		t.Fatal(err)
	}
	rendered, err := Render(cat, bp, NewData(&o, cat, bp, "test", fixedTime))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range rendered {
		files[f.Path] = f.Data
	}
	return files
}

// updateNodeLocks runs npm on each combination's package.json and stores the
// locks it writes.
func updateNodeLocks(t *testing.T, combos map[string]struct {
	c  nodeCombo
	bp Blueprint
}) {
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Fatal("-update needs npm on PATH")
	}
	if err := os.MkdirAll(nodeLockDir, 0o755); err != nil {
		t.Fatal(err)
	}
	// package.json renders with the rest of the project, lock included: a
	// new combination needs a lock to render at all.
	for name := range combos {
		p := filepath.Join(nodeLockDir, name+".json.gz")
		if _, err := os.Stat(p); err != nil {
			if err := os.WriteFile(p, gzipBytes(t, []byte("{}\n")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	cat, err := LoadCatalog(os.DirFS("../blueprints"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	var mu sync.Mutex
	for _, name := range slices.Sorted(maps.Keys(combos)) {
		cb := combos[name]
		bp, _ := cat.Blueprint(cb.c.language, cb.c.framework)
		files := renderNodeCombo(t, cat, bp, cb.c, "")
		var pkg npmManifest
		if err := json.Unmarshal(files["package.json"], &pkg); err != nil {
			t.Fatal(err)
		}
		pkgJSON := bytes.Replace(files["package.json"], []byte(`"name": "`+pkg.Name+`"`), []byte(`"name": "`+nodeLockName+`"`), 1)
		pkgJSON = bytes.Replace(pkgJSON, []byte(`"license": "`+pkg.License+`"`), []byte(`"license": "`+nodeLockLicense+`"`), 1)
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "package.json"), pkgJSON, 0o644); err != nil {
			t.Fatal(err)
		}
		// Start from the stored lock (placeholders and all) so npm keeps
		// every pin it can: only what package.json changed moves.
		old := gunzipFile(t, filepath.Join(nodeLockDir, name+".json.gz"))
		if !bytes.Equal(old, []byte("{}\n")) {
			if err := os.WriteFile(filepath.Join(dir, "package-lock.json"), old, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			cmd := exec.Command(npm, "install", "--package-lock-only", "--ignore-scripts", "--omit-lockfile-registry-resolved=false", "--no-audit", "--no-fund", "--loglevel=error")
			cmd.Dir = dir
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err != nil {
				t.Errorf("%s: npm install --package-lock-only: %v\n%s", name, err, out.String())
				return
			}
			lock, err := os.ReadFile(filepath.Join(dir, "package-lock.json"))
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			if err := os.WriteFile(filepath.Join(nodeLockDir, name+".json.gz"), gzipBytes(t, lock), 0o644); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	t.Logf("wrote %d locks", len(combos))
}

// gzipBytes compresses data reproducibly: no name and no time in the header.
func gzipBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gunzipFile(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return data
}
