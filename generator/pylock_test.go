package generator

import (
	"bytes"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator/golden"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// The Python projects install from hashed lockfiles (requirements.txt and
// requirements-dev.txt, pip's format, made by uv). Their pins depend on the
// framework, the database dialect and the API style, so the lock of every
// combination is generated here from the pyproject.toml the blueprints
// render, never written by hand:
//
//	go test ./generator -run TestPythonLocks -update
//
// -update needs uv on PATH (pip install uv==0.13.9) and PyPI. It writes the
// pins of each combination to python/_locks/<framework>-<dialect>-<api>[-dev].txt
// and the hashes of each pinned release once to python/_pyhashes/<name>-<version>.txt,
// so the binary carries each release's hashes once, not once per combination.
// Without -update the test checks, offline, that the locks agree with what
// pyproject.toml pins and that every pin has its hashes.

const pyLockDir = "../blueprints/python"

type pyCombo struct{ framework, dialect, api, db string }

func (c pyCombo) name() string { return c.framework + "-" + c.dialect + "-" + c.api }

// pythonCombos is every framework x dialect x API the Python blueprints on
// the shared python layer render, with one database of each dialect.
func pythonCombos(t *testing.T, cat *Catalog) map[pyCombo]Blueprint {
	t.Helper()
	combos := map[pyCombo]Blueprint{}
	for _, bp := range cat.Blueprints {
		if !slices.Contains(bp.Layers, "python") {
			continue
		}
		for _, db := range bp.Databases {
			d, _ := cat.Database(db)
			for _, api := range bp.APIs {
				if !slices.ContainsFunc(slices.Collect(maps.Keys(combos)), func(c pyCombo) bool {
					return c.framework == bp.Framework && c.dialect == d.Dialect && c.api == api
				}) {
					combos[pyCombo{bp.Framework, d.Dialect, api, db}] = bp
				}
			}
		}
	}
	return combos
}

func TestPythonLocks(t *testing.T) {
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	combos := pythonCombos(t, cat)
	if len(combos) == 0 {
		t.Fatal("no Python blueprint is on the python layer")
	}
	if *golden.Update {
		updatePythonLocks(t, cat, combos)
		return
	}
	used := map[string]bool{}
	for c, bp := range combos {
		files := renderPyCombo(t, cat, bp, c)
		pins := pyprojectPins(t, files["pyproject.toml"])
		runtime := readLockList(t, c.name()+".txt")
		dev := readLockList(t, c.name()+"-dev.txt")
		for name, version := range pins.runtime {
			if got := runtime[name]; got != version {
				t.Errorf("%s: pyproject.toml pins %s==%s, requirements.txt has %q (run -update)", c.name(), name, version, got)
			}
		}
		for name, version := range pins.dev {
			if got := dev[name]; got != version {
				t.Errorf("%s: pyproject.toml pins %s==%s in [dev], requirements-dev.txt has %q (run -update)", c.name(), name, version, got)
			}
		}
		for name, version := range runtime {
			if dev[name] != version {
				t.Errorf("%s: requirements.txt has %s==%s, requirements-dev.txt %q: the dev lock must be constrained by the runtime one", c.name(), name, version, dev[name])
			}
		}
		for _, lock := range []string{"requirements.txt", "requirements-dev.txt"} {
			checkHashedLock(t, c.name()+" "+lock, files[lock])
		}
		for _, l := range []map[string]string{runtime, dev} {
			for name, version := range l {
				used[name+"-"+version+".txt"] = true
			}
		}
	}
	entries, err := os.ReadDir(filepath.Join(pyLockDir, "_pyhashes"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !used[e.Name()] {
			t.Errorf("_pyhashes/%s is pinned by no combination (run -update)", e.Name())
		}
	}
}

// renderPyCombo renders one combination with the default model and returns
// its files by path.
func renderPyCombo(t *testing.T, cat *Catalog, bp Blueprint, c pyCombo) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, f := range renderCombo(t, cat, bp, c.db, c.api, &model.Model{Resources: []model.Resource{model.DefaultResource("task")}}) {
		files[f.Path] = f.Data
	}
	return files
}

type pyPins struct{ runtime, dev map[string]string }

var (
	pyPinRe     = regexp.MustCompile(`"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^";]+)"`)
	pyDevListRe = regexp.MustCompile(`(?s)\ndev = \[(.*?)\n\]`)
	pyDepsRe    = regexp.MustCompile(`(?s)\ndependencies = \[(.*?)\n\]`)
)

// pyprojectPins reads the exact pins of pyproject.toml's dependencies and
// dev extra, by normalized name (PEP 503).
func pyprojectPins(t *testing.T, pyproject []byte) pyPins {
	t.Helper()
	pick := func(re *regexp.Regexp) map[string]string {
		m := re.FindSubmatch(pyproject)
		if m == nil {
			t.Fatalf("pyproject.toml has no %s list:\n%s", re, pyproject)
		}
		pins := map[string]string{}
		for _, p := range pyPinRe.FindAllSubmatch(m[1], -1) {
			pins[normalizePyName(string(p[1]))] = string(p[2])
		}
		return pins
	}
	return pyPins{runtime: pick(pyDepsRe), dev: pick(pyDevListRe)}
}

func normalizePyName(name string) string {
	return strings.ToLower(regexp.MustCompile(`[-_.]+`).ReplaceAllString(name, "-"))
}

// readLockList reads a _locks list: one "name==version[ ; marker]" per line.
func readLockList(t *testing.T, file string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(pyLockDir, "_locks", file))
	if err != nil {
		t.Fatalf("%v (run -update)", err)
	}
	pins := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		req, _, _ := strings.Cut(line, " ;")
		name, version, ok := strings.Cut(req, "==")
		if !ok {
			t.Fatalf("_locks/%s: %q is not name==version", file, line)
		}
		if _, dup := pins[name]; dup {
			t.Errorf("_locks/%s pins %s twice", file, name)
		}
		pins[name] = version
	}
	return pins
}

// checkHashedLock checks a rendered lockfile the way pip's --require-hashes
// reads it: every requirement is pinned with == and carries a sha256 hash.
func checkHashedLock(t *testing.T, what string, data []byte) {
	t.Helper()
	if len(data) == 0 {
		t.Errorf("%s is not rendered", what)
		return
	}
	reqs := 0
	for _, entry := range strings.Split(strings.ReplaceAll(string(data), " \\\n", " "), "\n") {
		if entry == "" || strings.HasPrefix(entry, "#") {
			continue
		}
		reqs++
		if !strings.Contains(entry, "==") || !regexp.MustCompile(`--hash=sha256:[0-9a-f]{64}`).MatchString(entry) {
			t.Errorf("%s: %q is not a pinned, hashed requirement", what, entry)
		}
	}
	if reqs == 0 {
		t.Errorf("%s pins nothing", what)
	}
}

// updatePythonLocks runs uv on each combination's pyproject.toml, the way the
// generated README tells the learner to, and stores pins and hashes.
func updatePythonLocks(t *testing.T, cat *Catalog, combos map[pyCombo]Blueprint) {
	uv, err := exec.LookPath("uv")
	if err != nil {
		t.Fatal("-update needs uv on PATH: pip install uv==0.13.9")
	}
	locks := filepath.Join(pyLockDir, "_locks")
	for _, dir := range []string{locks, filepath.Join(pyLockDir, "_pyhashes")} {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// The lock templates need a list to render pyproject.toml at all.
	for c := range combos {
		for _, kind := range []string{"", "-dev"} {
			if err := os.WriteFile(filepath.Join(locks, c.name()+kind+".txt"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	cat, err = LoadCatalog(os.DirFS("../blueprints"))
	if err != nil {
		t.Fatal(err)
	}
	hashes := map[string]string{}
	for c := range combos {
		bp, _ := cat.Blueprint(languageOf(cat, c.framework), c.framework)
		files := renderPyCombo(t, cat, bp, c)
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "pyproject.toml"), files["pyproject.toml"], 0o644); err != nil {
			t.Fatal(err)
		}
		for _, kind := range []string{"", "-dev"} {
			args := []string{"pip", "compile", "pyproject.toml"}
			out := "requirements" + kind + ".txt"
			if kind != "" {
				args = append(args, "--extra", "dev", "--constraint", "requirements.txt")
			}
			args = append(args, "--universal", "--python-version", "3.11", "--generate-hashes", "--no-annotate", "--output-file", out)
			cmd := exec.Command(uv, args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "UV_NO_CONFIG=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%s: uv %s: %v\n%s", c.name(), strings.Join(args, " "), err, stderr.String())
			}
			data, err := os.ReadFile(filepath.Join(dir, out))
			if err != nil {
				t.Fatal(err)
			}
			var list []string
			for _, entry := range strings.Split(strings.ReplaceAll(string(data), " \\\n", " "), "\n") {
				if entry == "" || strings.HasPrefix(entry, "#") {
					continue
				}
				req, hashPart, ok := strings.Cut(entry, "--hash=")
				if !ok {
					t.Fatalf("%s: %q has no hash", c.name(), entry)
				}
				req = strings.TrimSpace(req)
				list = append(list, req)
				pin, _, _ := strings.Cut(req, " ;")
				key := strings.Replace(pin, "==", "-", 1) + ".txt"
				var lines []string
				for _, h := range strings.Fields("--hash=" + hashPart) {
					lines = append(lines, "    "+h)
				}
				text := strings.Join(lines, " \\\n") + "\n"
				if prev, ok := hashes[key]; ok && prev != text {
					t.Fatalf("%s: two hash sets for %s", c.name(), pin)
				}
				hashes[key] = text
			}
			if err := os.WriteFile(filepath.Join(locks, c.name()+kind+".txt"), []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for key, text := range hashes {
		if err := os.WriteFile(filepath.Join(pyLockDir, "_pyhashes", key), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("wrote %d locks and %d hash sets", 2*len(combos), len(hashes))
}

func languageOf(cat *Catalog, framework string) string {
	for _, bp := range cat.Blueprints {
		if bp.Framework == framework {
			return bp.Language
		}
	}
	return ""
}

// TestPythonDependencyModules: every distribution a Python lockfile installs
// has its top-level modules in pythonDependencyModules, so that no project
// package shadows one of them.
func TestPythonDependencyModules(t *testing.T) {
	t.Parallel()
	entries, err := os.ReadDir(filepath.Join(pyLockDir, "_locks"))
	if err != nil {
		t.Fatal(err)
	}
	missing := map[string]bool{}
	for _, e := range entries {
		for name := range readLockList(t, e.Name()) {
			if _, ok := pythonDependencyModules[normalizePyName(name)]; !ok {
				missing[normalizePyName(name)] = true
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("pythonDependencyModules lacks the top-level modules of %s: add them (the names under the package's site-packages folder)",
			strings.Join(slices.Sorted(maps.Keys(missing)), ", "))
	}
}
