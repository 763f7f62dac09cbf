package generator

import (
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Probe is how the checks look at the machine; tests replace it.
type Probe struct {
	// LookPath finds a program on PATH; exec.LookPath when nil.
	LookPath func(file string) (string, error)
	// Output runs a program and returns what it printed (stdout and stderr);
	// nil runs it for real, for at most 10 seconds.
	Output func(name string, args ...string) (string, error)
	// Identity is the global Git identity (name, e-mail); nil: not checked.
	Identity func() (name, email string)
}

// Check is one thing generated projects need on the learner's machine.
type Check struct {
	Name      string   // what is checked, e.g. "Python 3.11 or later"
	Languages []string // the languages whose projects need it; empty: every project
	Optional  bool     // helpful, never required (Docker)
	URL       string   // where to get it
	run       func(p *Probe) (detail string, ok bool)
}

// CheckResult is a check and what it found.
type CheckResult struct {
	Check
	OK     bool
	Detail string // the version found, or what is wrong
}

// NeededBy reports whether a project in language needs what c checks.
func (c Check) NeededBy(language string) bool {
	return !c.Optional && (len(c.Languages) == 0 || slices.Contains(c.Languages, language))
}

// The versions the blueprints need (go.mod's go line, requires-python,
// package.json's engines, pom.xml's java.version).
var (
	minGo     = []int{1, 26}
	minPython = []int{3, 11}
	minNode   = []int{20, 19}
	minJava   = []int{17}
)

// Checks are what `scaffold doctor` looks at, in the order it prints them.
var Checks = []Check{
	{Name: "Go " + dotted(minGo) + " or later", Languages: []string{"go"}, URL: "https://go.dev/dl/",
		run: versionCheck("go", []string{"version"}, `go(\d+(?:\.\d+)+)`, minGo)},
	{Name: "Python " + dotted(minPython) + " or later", Languages: []string{"python"}, URL: "https://www.python.org/downloads/",
		run: versionCheck("python3", []string{"--version"}, `Python (\d+(?:\.\d+)+)`, minPython)},
	{Name: "Python's venv module (python3 -m venv)", Languages: []string{"python"}, URL: "https://docs.python.org/3/library/venv.html",
		run: func(p *Probe) (string, bool) {
			if _, err := p.lookPath("python3"); err != nil {
				return "needs python3 first", false
			}
			if _, err := p.output("python3", "-c", "import venv, ensurepip"); err != nil {
				return "python3 -m venv cannot make a virtualenv (on Debian or Ubuntu: sudo apt install python3-venv)", false
			}
			return "works", true
		}},
	{Name: "Node.js " + dotted(minNode) + " or later", Languages: []string{"javascript", "typescript"}, URL: "https://nodejs.org/en/download",
		run: versionCheck("node", []string{"--version"}, `v(\d+(?:\.\d+)+)`, minNode)},
	{Name: "npm", Languages: []string{"javascript", "typescript"}, URL: "https://nodejs.org/en/download",
		run: versionCheck("npm", []string{"--version"}, `(\d+(?:\.\d+)+)`, nil)},
	{Name: "Java " + dotted(minJava) + " or later (a JDK)", Languages: []string{"java"}, URL: "https://adoptium.net/",
		run: versionCheck("java", []string{"-version"}, `version "(\d+(?:\.\d+)*)`, minJava)},
	{Name: "Maven wrapper needs (javac, curl or wget)", Languages: []string{"java"}, URL: "https://adoptium.net/",
		run: func(p *Probe) (string, bool) {
			if _, err := p.lookPath("javac"); err != nil {
				return "javac not found: install a JDK, not only a JRE", false
			}
			for _, dl := range []string{"curl", "wget"} {
				if _, err := p.lookPath(dl); err == nil {
					return "javac and " + dl + " found", true
				}
			}
			return "neither curl nor wget found: ./mvnw downloads Maven with one of them", false
		}},
	{Name: "Git", URL: "https://git-scm.com/downloads",
		run: func(p *Probe) (string, bool) {
			path, err := p.lookPath("git")
			if err != nil {
				return "git not found: you need it to commit and push", false
			}
			return path, true
		}},
	{Name: "Git identity (user.name, user.email)", URL: "https://git-scm.com/book/en/v2/Getting-Started-First-Time-Git-Setup",
		run: func(p *Probe) (string, bool) {
			if p.Identity == nil {
				return "not checked", true
			}
			name, email := p.Identity()
			switch {
			case name == "" && email == "":
				return `not set: git config --global user.name "Your Name" and git config --global user.email you@example.com`, false
			case name == "":
				return `user.name not set: git config --global user.name "Your Name"`, false
			case email == "":
				return "user.email not set: git config --global user.email you@example.com", false
			}
			return name + " <" + email + ">", true
		}},
	{Name: "Docker (optional)", Optional: true, URL: "https://docs.docker.com/get-started/get-docker/",
		run: versionCheck("docker", []string{"--version"}, `version (\d+(?:\.\d+)+)`, nil)},
	{Name: "Docker Compose (optional)", Optional: true, URL: "https://docs.docker.com/compose/install/",
		run: func(p *Probe) (string, bool) {
			if _, err := p.lookPath("docker"); err != nil {
				return "needs docker first", false
			}
			out, err := p.output("docker", "compose", "version")
			if err != nil {
				return "docker compose does not work: install the Compose plugin", false
			}
			return firstLine(out), true
		}},
}

// Doctor runs the checks a project in language needs, or every check when
// language is empty, at the same time, and returns them in order.
func Doctor(p Probe, language string) []CheckResult {
	return runChecks(p, func(c Check) bool {
		return language == "" || len(c.Languages) == 0 || slices.Contains(c.Languages, language)
	})
}

// ToolchainChecks runs only the checks of language's own toolchain: what its
// install step needs, without Git (scaffold commits itself) or Docker.
func ToolchainChecks(p Probe, language string) []CheckResult {
	return runChecks(p, func(c Check) bool { return slices.Contains(c.Languages, language) })
}

func runChecks(p Probe, keep func(Check) bool) []CheckResult {
	var results []CheckResult
	for _, c := range Checks {
		if keep(c) {
			results = append(results, CheckResult{Check: c})
		}
	}
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() {
			results[i].Detail, results[i].OK = results[i].run(&p)
		})
	}
	wg.Wait()
	return results
}

// Missing are the results that fail and that a project in language needs.
func Missing(results []CheckResult, language string) []CheckResult {
	var out []CheckResult
	for _, r := range results {
		if !r.OK && r.NeededBy(language) {
			out = append(out, r)
		}
	}
	return out
}

func (p *Probe) lookPath(file string) (string, error) {
	if p.LookPath != nil {
		return p.LookPath(file)
	}
	return exec.LookPath(file)
}

func (p *Probe) output(name string, args ...string) (string, error) {
	if p.Output != nil {
		return p.Output(name, args...)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	return string(out), err
}

// versionCheck finds program, runs it with args and compares the version
// the pattern's first group matches with least (nil: any version).
func versionCheck(program string, args []string, pattern string, least []int) func(p *Probe) (string, bool) {
	re := regexp.MustCompile(pattern)
	return func(p *Probe) (string, bool) {
		if _, err := p.lookPath(program); err != nil {
			return program + " not found", false
		}
		out, err := p.output(program, args...)
		if err != nil {
			return fmt.Sprintf("%s %s failed: %s", program, strings.Join(args, " "), firstLine(out)), false
		}
		m := re.FindStringSubmatch(out)
		if m == nil {
			return "cannot read the version in " + strconv.Quote(firstLine(out)), false
		}
		if least != nil && compareVersions(parseVersion(m[1]), least) < 0 {
			return m[1] + " is too old", false
		}
		return m[1], true
	}
}

func parseVersion(s string) []int {
	var v []int
	for _, part := range strings.Split(s, ".") {
		n, err := strconv.Atoi(part)
		if err != nil {
			break
		}
		v = append(v, n)
	}
	return v
}

// compareVersions compares a and b part by part; a missing part is 0.
func compareVersions(a, b []int) int {
	for i := range max(len(a), len(b)) {
		x, y := 0, 0
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return x - y
		}
	}
	return 0
}

func dotted(v []int) string {
	parts := make([]string, len(v))
	for i, n := range v {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ".")
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(line)
}
