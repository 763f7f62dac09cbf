// Package e2e is the end-to-end harness of DESIGN.md §6: it builds the scaffold CLI,
// generates projects for blueprint × database × API style combinations, runs each
// project's own setup, check and test commands against a real database, starts the
// service and runs the API contract suite (generator/contract) against it; a SOAP service
// is then also called through clients that zeep and wsimport build from its WSDL
// (testdata/soap-clients, see clients_test.go).
//
//	bash .ci/services start     # PostgreSQL, MariaDB, a MongoDB wire server on 127.0.0.1
//	SCAFFOLD_E2E=ci   go test ./generator/e2e/ -run TestE2E -v -timeout 80m   # the CI set
//	SCAFFOLD_E2E=full go test ./generator/e2e/ -run TestE2E -v -timeout 6h    # every combination
//
// SCAFFOLD_E2E_ONLY is a regular expression on "blueprint/db/api", followed by "/model"
// for a blueprint on contract v2 (e.g. '^go-chi/postgres/', '/rich$');
// SCAFFOLD_E2E_MODEL picks the models of v2 blueprints: default, rich, both (every
// combination twice; the default of the full matrix) or spread (the CI set's default:
// the rich model on at least one database and both API styles of every v2 blueprint,
// see DESIGN.md §6); a rich combination passes --model testdata/models/rich.yaml to
// scaffold new, and contract v2 runs with the model the project's .scaffold.yaml records;
// SCAFFOLD_CONTRACT_SEED and SCAFFOLD_CONTRACT_CASES tune contract v2's property phase;
// SCAFFOLD_E2E_JOBS sets how many combinations run at once (default 2);
// SCAFFOLD_E2E_LOGS names the folder for the step logs (default: a new temporary folder);
// SCAFFOLD_E2E_KEEP=1 keeps the generated projects of failed combinations.
// SCAFFOLD_E2E=mutation runs the projects' mutation tools instead (see mutation_test.go).
// Without SCAFFOLD_E2E the test is skipped.
package e2e

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/scaffold-dev/scaffold/generator/contract"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// Time limits of the steps of one combination.
const (
	newTimeout     = 2 * time.Minute
	setupTimeout   = 20 * time.Minute
	checkTimeout   = 10 * time.Minute
	testTimeout    = 20 * time.Minute
	healthyTimeout = 180 * time.Second
	stopGrace      = 10 * time.Second
	// A combination is not started when less than this is left before go test's
	// -timeout, so the run ends with its table instead of a time-out panic.
	startReserve = 10 * time.Minute
)

func TestMain(m *testing.M) {
	flag.Parse()
	// SCAFFOLD_E2E_JOBS combinations run at once; let the test runner allow that many
	// parallel subtests unless -parallel was given explicitly.
	if jobs := jobsFromEnv(); jobs > 0 {
		explicit := false
		flag.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "test.parallel" })
		if !explicit {
			_ = flag.Set("test.parallel", strconv.Itoa(jobs))
		}
	}
	os.Exit(m.Run())
}

func jobsFromEnv() int {
	if v := os.Getenv("SCAFFOLD_E2E_JOBS"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			return n
		}
	}
	return 2
}

// harness holds what every combination shares.
type harness struct {
	bin         string           // the built scaffold CLI
	richModel   string           // testdata/models/rich.yaml, absolute
	logDir      string           // step logs, one folder per combination
	inCI        bool             // CI is set: an unreachable server is a failure, not a skip
	keep        bool             // keep the projects of failed combinations
	mutation    bool             // the mutation depth: setup, then the project's mutation command
	unreachable map[string]error // database kind → why its server does not answer
	clients     *soapClients     // zeep and wsimport, for the SOAP combinations
	browser     *browser         // headless Chromium, for /docs of the REST combinations
	sem         chan struct{}
	lintMu      sync.Mutex // the lint commands run one at a time

	mu      sync.Mutex
	results []result
}

func TestE2E(t *testing.T) {
	depth := os.Getenv("SCAFFOLD_E2E")
	if depth == "" {
		t.Skip("end-to-end tests are off; set SCAFFOLD_E2E=ci (the CI set), SCAFFOLD_E2E=full (every combination) or SCAFFOLD_E2E=mutation (the mutation tools), after `bash .ci/services start`")
	}
	var only *regexp.Regexp
	if expr := os.Getenv("SCAFFOLD_E2E_ONLY"); expr != "" {
		re, err := regexp.Compile(expr)
		if err != nil {
			t.Fatalf("SCAFFOLD_E2E_ONLY=%q is not a regular expression: %v", expr, err)
		}
		only = re
	}

	root := repoRoot(t)
	work := t.TempDir()
	bin := filepath.Join(work, "scaffold")
	start := time.Now()
	build := exec.Command("go", "build", "-o", bin, "./cmd/scaffold")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/scaffold: %v\n%s", err, out)
	}
	t.Logf("built the CLI in %s", seconds(time.Since(start)))
	out, err := exec.Command(bin, "list", "--json").Output()
	if err != nil {
		t.Fatalf("scaffold list --json: %v\n%s", err, stderrOf(err))
	}
	catalog, err := parseCatalog(out)
	if err != nil {
		t.Fatal(err)
	}
	models, err := parseModelChoice(os.Getenv("SCAFFOLD_E2E_MODEL"), depth)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := contract.OptionsFromEnv(); err != nil {
		t.Fatal(err)
	}
	var combos []combo
	if depth == "mutation" {
		combos = selectMutation(catalog, os.Getenv("SCAFFOLD_E2E_MODEL"), only, os.Getenv("SCAFFOLD_E2E_MUTATION_PICK"))
	} else if combos, err = selectCombos(catalog, depth, models, only); err != nil {
		t.Fatalf("SCAFFOLD_E2E: %v", err)
	}
	if len(combos) == 0 {
		t.Fatalf("no combination of depth %q matches SCAFFOLD_E2E_ONLY=%q", depth, os.Getenv("SCAFFOLD_E2E_ONLY"))
	}

	logDir := os.Getenv("SCAFFOLD_E2E_LOGS")
	if logDir == "" {
		if logDir, err = os.MkdirTemp("", "scaffold-e2e-logs-"); err != nil {
			t.Fatal(err)
		}
	}
	h := &harness{
		bin:         bin,
		richModel:   filepath.Join(root, "testdata", "models", "rich.yaml"),
		logDir:      logDir,
		inCI:        os.Getenv("CI") != "",
		keep:        os.Getenv("SCAFFOLD_E2E_KEEP") != "",
		mutation:    depth == "mutation",
		unreachable: map[string]error{},
		clients:     newSOAPClients(root),
		browser:     &browser{},
		sem:         make(chan struct{}, jobsFromEnv()),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	checked := map[string]bool{}
	for _, c := range combos {
		if checked[c.DB] {
			continue
		}
		checked[c.DB] = true
		if err := checkServer(ctx, c.DB); err != nil {
			h.unreachable[c.DB] = err
			t.Logf("%s does not answer (%v); start it with `bash .ci/services start`", serverFor(c.DB), err)
		}
	}
	fmt.Printf("e2e: %d combinations (depth %s), %d at a time, logs in %s\n", len(combos), depth, jobsFromEnv(), logDir)

	wall := time.Now()
	t.Run("matrix", func(t *testing.T) {
		for _, c := range combos {
			t.Run(c.Name(), func(t *testing.T) {
				t.Parallel()
				h.sem <- struct{}{}
				defer func() { <-h.sem }()
				h.runCombo(t, c)
			})
		}
	})
	table := formatTable(h.results, time.Since(wall))
	fmt.Printf("\n%s\n", table)
	_ = os.WriteFile(filepath.Join(logDir, "summary.txt"), []byte(table), 0o644)
}

// repoRoot is the folder with the scaffold module's go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatalf("cannot find the repository root from %s: %v", dir, err)
	}
	return dir
}

func (h *harness) record(r result) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.results = append(h.results, r)
}

// runCombo generates, sets up, checks, tests, starts and contract-tests one combination.
func (h *harness) runCombo(t *testing.T, c combo) {
	res := result{Combo: c.Name(), Steps: map[string]stepResult{}}
	if h.mutation {
		res.Steps["mutation"] = stepResult{} // not reached, until it runs
	}
	began := time.Now()
	defer func() {
		res.Total = time.Since(began)
		h.record(res)
	}()

	if deadline, ok := t.Deadline(); ok && time.Until(deadline) < startReserve {
		msg := fmt.Sprintf("not started: less than %s left before the -timeout of go test", startReserve)
		if h.inCI {
			res.Steps["new"] = stepResult{Status: "FAIL"}
			t.Fatalf("%s: %s", c.Name(), msg)
		}
		res.Skipped = "out of time"
		t.Skip(msg)
	}
	if err := h.unreachable[c.DB]; err != nil {
		msg := fmt.Sprintf("%s does not answer (%v); start it with `bash .ci/services start`", serverFor(c.DB), err)
		if h.inCI {
			res.Steps["new"] = stepResult{Status: "FAIL"}
			t.Fatalf("%s: %s", c.Name(), msg)
		}
		res.Skipped = "no " + c.DB + " server"
		t.Skip(msg)
	}

	logs := filepath.Join(h.logDir, strings.ReplaceAll(c.Name(), "/", "_"))
	if err := os.MkdirAll(logs, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.MkdirTemp("", "scaffold-e2e-")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if h.keep && t.Failed() {
			t.Logf("kept the project in %s", tmp)
			return
		}
		_ = os.RemoveAll(tmp)
	}()
	proj := filepath.Join(tmp, "proj")
	name := strings.ReplaceAll(c.Name(), "/", "-")
	bp := c.Blueprint

	// step runs fn as the named step, records its result and reports a failure with the
	// tail of its log.
	step := func(stepName string, fn func(logPath string) error) bool {
		logPath := filepath.Join(logs, stepName+".log")
		t0 := time.Now()
		err := fn(logPath)
		d := time.Since(t0)
		if err != nil {
			res.Steps[stepName] = stepResult{Status: "FAIL", Time: d}
			t.Errorf("%s: %s failed after %s: %v\nlog: %s\n%s", c.Name(), stepName, seconds(d), err, logPath, tail(logPath, 40))
			return false
		}
		res.Steps[stepName] = stepResult{Status: "ok", Time: d}
		return true
	}

	ok := step("new", func(logPath string) error {
		args := []string{"new", proj, "--yes", "--name", name,
			"--lang", bp.Language, "--framework", bp.Framework, "--db", c.DB, "--api", c.API,
			"--owner", "e2e-owner", "--author-name", "Scaffold E2E", "--author-email", "e2e@example.invalid"}
		if c.Model == modelRich {
			args = append(args, "--model", h.richModel)
		}
		if err := runLogged(tmp, os.Environ(), logPath, newTimeout, h.bin, args...); err != nil {
			return err
		}
		out, err := exec.Command("git", "-C", proj, "status", "--porcelain").CombinedOutput()
		if err != nil {
			return fmt.Errorf("git status in the generated project: %v: %s", err, out)
		}
		if len(strings.TrimSpace(string(out))) != 0 {
			return fmt.Errorf("the generated project's working tree is not clean after the first commit:\n%s", out)
		}
		return nil
	})
	if !ok {
		return
	}

	ctx := context.Background()
	testDB, err := createDatabase(ctx, c.DB, c.Name(), "t", tmp)
	if err != nil {
		res.Steps["setup"] = stepResult{Status: "FAIL"}
		t.Fatalf("%s: %v", c.Name(), err)
	}
	defer dropLogged(t, testDB)
	env := projectEnv(testDB.URL, freePort(t))

	if !step("setup", func(logPath string) error {
		return runShell(proj, env, bp.Commands.Setup, logPath, setupTimeout)
	}) {
		return
	}
	if h.mutation {
		step("mutation", func(logPath string) error {
			// A tool that holds the project to its own threshold (gremlins)
			// fails below it: its report still says by how much.
			runErr := runShell(proj, env, bp.Commands.Mutation, logPath, mutationTimeout)
			score, err := readMutationReport(bp.Language, proj)
			if err != nil {
				return errors.Join(runErr, err)
			}
			res.Score = &score
			if err := score.check(); err != nil {
				return err
			}
			return runErr
		})
		return
	}
	if bp.Commands.Check == "" && bp.Commands.Lint == "" {
		res.Steps["check"] = stepResult{Status: "skip"}
	} else {
		step("check", func(logPath string) error {
			if check := bp.Commands.Check; check != "" {
				if err := runShell(proj, env, check, logPath, checkTimeout); err != nil {
					return err
				}
			}
			lint := bp.Commands.Lint
			if lint == "" {
				return nil
			}
			if tool := strings.Fields(lint)[0]; !onPath(tool) {
				if h.inCI {
					return fmt.Errorf("%s is not on PATH, so `%s` cannot run (.ci/run installs it)", tool, lint)
				}
				t.Logf("SKIPPED: %s: `%s` not run: %s is not on PATH", c.Name(), lint, tool)
				return nil
			}
			// One lint at a time: golangci-lint refuses to run beside itself (it
			// locks its cache), and the linters are the heaviest part of the step.
			h.lintMu.Lock()
			defer h.lintMu.Unlock()
			lintLog := strings.TrimSuffix(logPath, ".log") + "-lint.log"
			if err := runShell(proj, env, lint, lintLog, checkTimeout); err != nil {
				return fmt.Errorf("`%s`: %w (log: %s)\n%s", lint, err, lintLog, tail(lintLog, 30))
			}
			return nil
		})
	}
	step("test", func(logPath string) error {
		return runShell(proj, env, bp.Commands.Test, logPath, testTimeout)
	})

	runDB, err := createDatabase(ctx, c.DB, c.Name(), "r", tmp)
	if err != nil {
		res.Steps["start"] = stepResult{Status: "FAIL"}
		t.Fatalf("%s: %v", c.Name(), err)
	}
	defer dropLogged(t, runDB)
	port := freePort(t)
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	var srv *server
	defer func() {
		if srv != nil {
			srv.stop()
		}
	}()
	if !step("start", func(logPath string) error {
		var err error
		srv, err = startServer(proj, projectEnv(runDB.URL, port), bp.Commands.Run, logPath)
		if err != nil {
			return err
		}
		return srv.waitHealthy(base, healthyTimeout)
	}) {
		return
	}

	t0 := time.Now()
	passed := t.Run("contract", func(t *testing.T) {
		if !c.Blueprint.v2() {
			t.Fatalf("%s is held to contract %q; the suite has only v2 (DESIGN.md §5)", c.Name(), c.Blueprint.Contract)
		}
		m, err := h.projectModel(proj, c.Model)
		if err != nil {
			t.Fatalf("%s: %v", c.Name(), err)
		}
		contract.RunV2(t, c.API, base, m)
	})
	d := time.Since(t0)
	if passed {
		res.Steps["contract"] = stepResult{Status: "ok", Time: d}
	} else {
		res.Steps["contract"] = stepResult{Status: "FAIL", Time: d}
		t.Errorf("%s: the contract suite failed (see the contract subtests above); service log: %s\n%s",
			c.Name(), filepath.Join(logs, "start.log"), tail(filepath.Join(logs, "start.log"), 30))
	}

	// CORS: a second start of the service, with CORS_ORIGINS set, lets the
	// listed origins in and no other (the first start checked it is off).
	if c.Blueprint.v2() {
		step("cors", func(logPath string) error {
			return h.checkCORS(t, c, proj, runDB.URL, logPath)
		})
	} else {
		res.Steps["cors"] = stepResult{Status: "skip"}
	}

	// REST on contract v2: /docs, in a browser that can reach nothing but the
	// service, shows every operation of the spec.
	if c.API == "rest" && c.Blueprint.v2() {
		chromium, missing := h.browser.find()
		switch {
		case missing != "" && h.inCI:
			res.Steps["docs"] = stepResult{Status: "FAIL"}
			t.Errorf("%s: /docs was not opened in a browser: %s (CI must install it)", c.Name(), missing)
		case missing != "":
			res.Steps["docs"] = stepResult{Status: "skip"}
			t.Logf("SKIPPED: %s: /docs was not opened in a browser: %s", c.Name(), missing)
		default:
			step("docs", func(logPath string) error { return checkDocs(chromium, port, logPath) })
		}
	} else {
		res.Steps["docs"] = stepResult{Status: "skip"}
	}

	// SOAP: clients generated from the served WSDL by zeep and wsimport must work.
	if c.API != "soap" {
		res.Steps["clients"] = stepResult{Status: "skip"}
		return
	}
	if c.Model == modelRich {
		// testdata/soap-clients calls the default model's operations (CreateTask, …).
		res.Steps["clients"] = stepResult{Status: "skip"}
		t.Logf("SKIPPED: %s: the zeep and wsimport clients of testdata/soap-clients know the default model only", c.Name())
		return
	}
	env, missing, err := h.clients.prepare(filepath.Join(h.logDir, "soap-clients-install.log"))
	switch {
	case err != nil:
		res.Steps["clients"] = stepResult{Status: "FAIL"}
		t.Errorf("%s: %v", c.Name(), err)
	case missing != "" && h.inCI:
		res.Steps["clients"] = stepResult{Status: "FAIL"}
		t.Errorf("%s: the SOAP client generators cannot run: %s (CI must have Python, a JDK and Maven)", c.Name(), missing)
	case missing != "":
		res.Steps["clients"] = stepResult{Status: "skip"}
		t.Logf("SKIPPED: %s: zeep and wsimport were not run against the WSDL: %s", c.Name(), missing)
	default:
		step("clients", func(logPath string) error { return h.clients.check(env, base, logPath) })
	}
}

// checkCORS starts the project a second time, on its own port with
// CORS_ORIGINS set, runs the contract's CORS rules against it and stops it.
func (h *harness) checkCORS(t *testing.T, c combo, proj, databaseURL, logPath string) error {
	m, err := h.projectModel(proj, c.Model)
	if err != nil {
		return err
	}
	port := freePort(t)
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	env := append(projectEnv(databaseURL, port), "CORS_ORIGINS="+contract.CORSOriginsEnv)
	srv, err := startServer(proj, env, c.Blueprint.Commands.Run, logPath)
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := srv.waitHealthy(base, healthyTimeout); err != nil {
		return err
	}
	if !t.Run("cors", func(t *testing.T) { contract.RunCORS(t, c.API, base, m, contract.CORSOrigins) }) {
		return fmt.Errorf("the CORS rules failed with CORS_ORIGINS=%q (see the cors subtests above)", contract.CORSOriginsEnv)
	}
	return nil
}

// projectModel reads the model a generated project records in .scaffold.yaml, and
// checks it is the one the combination asked for.
func (h *harness) projectModel(proj, want string) (*model.Model, error) {
	data, err := os.ReadFile(filepath.Join(proj, ".scaffold.yaml"))
	if err != nil {
		return nil, fmt.Errorf("read the project's .scaffold.yaml: %w", err)
	}
	m, err := model.FromAnswers(data)
	if err != nil {
		return nil, err
	}
	expected := model.Default()
	if want == modelRich {
		data, err := os.ReadFile(h.richModel)
		if err != nil {
			return nil, fmt.Errorf("read the rich model: %w", err)
		}
		if expected, err = model.Parse(data); err != nil {
			return nil, fmt.Errorf("the rich model: %w", err)
		}
	}
	expected.Normalize()
	if got, wantNames := resourceNames(m), resourceNames(expected); got != wantNames {
		return nil, fmt.Errorf(".scaffold.yaml records the resources %s, but the combination asked for the %s model (%s)", got, want, wantNames)
	}
	return m, nil
}

func resourceNames(m *model.Model) string {
	var names []string
	for _, r := range m.Resources {
		names = append(names, r.Name)
	}
	return strings.Join(names, ", ")
}

func dropLogged(t *testing.T, db *database) {
	if err := db.drop(); err != nil {
		t.Logf("could not drop a test database: %v", err)
	}
}

// projectEnv is the environment of a generated project's commands.
func projectEnv(databaseURL string, port int) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "DATABASE_URL", "PORT", "CI":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "DATABASE_URL="+databaseURL, "PORT="+strconv.Itoa(port), "CI=true")
}

// freePort asks the kernel for a free loopback port.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("find a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func onPath(tool string) bool {
	_, err := exec.LookPath(tool)
	return err == nil
}

// runShell runs command with sh -c in dir, its output going to logPath.
func runShell(dir string, env []string, command, logPath string, timeout time.Duration) error {
	return runLogged(dir, env, logPath, timeout, "sh", "-c", command)
}

// runLogged runs a program in its own process group with a time limit; the whole group
// is killed when the limit passes. Output goes to logPath.
func runLogged(dir string, env []string, logPath string, timeout time.Duration, name string, args ...string) error {
	f, err := os.Create(logPath)
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Fprintf(f, "$ %s %s\n# in %s\n\n", name, strings.Join(args, " "), dir)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, f, f
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	err = cmd.Run()
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // leftovers of the group
	}
	if ctx.Err() == context.DeadlineExceeded {
		return fmt.Errorf("timed out after %s", timeout)
	}
	return err
}

// server is a generated service started with its run command.
type server struct {
	cmd  *exec.Cmd
	log  *os.File
	done chan struct{}
	err  error
}

func startServer(dir string, env []string, command, logPath string) (*server, error) {
	f, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(f, "$ sh -c %q\n# in %s\n\n", command, dir)
	cmd := exec.Command("sh", "-c", command)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, f, f
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, err
	}
	s := &server{cmd: cmd, log: f, done: make(chan struct{})}
	go func() {
		s.err = cmd.Wait()
		close(s.done)
	}()
	return s, nil
}

// waitHealthy polls /healthz until it answers 200, the process exits, or the limit passes.
func (s *server) waitHealthy(base string, limit time.Duration) error {
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(limit)
	last := "no answer yet"
	for time.Now().Before(deadline) {
		select {
		case <-s.done:
			return fmt.Errorf("the run command exited before /healthz answered: %v", s.err)
		default:
		}
		res, err := client.Get(base + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return nil
			}
			last = "HTTP " + res.Status
		} else {
			last = err.Error()
		}
		time.Sleep(500 * time.Millisecond)
	}
	return fmt.Errorf("GET /healthz did not answer 200 within %s (last: %s)", limit, last)
}

// stop ends the service's process group: SIGTERM, then SIGKILL after a grace period.
func (s *server) stop() {
	defer s.log.Close()
	pgid := s.cmd.Process.Pid
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(stopGrace):
		fmt.Fprintf(s.log, "\n# still running %s after SIGTERM: SIGKILL\n", stopGrace)
	}
	_ = syscall.Kill(-pgid, syscall.SIGKILL)
	<-s.done
}

// tail returns the last n lines of a file.
func tail(path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "(no log: " + err.Error() + ")"
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"…"}, lines[len(lines)-n:]...)
	}
	return "    " + strings.Join(lines, "\n    ")
}

func stderrOf(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return string(ee.Stderr)
	}
	return ""
}
