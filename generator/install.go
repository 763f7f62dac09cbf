package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/scaffold-dev/scaffold/generator/gitrepo"
)

// Toolchain is the program a blueprint's setup command needs on PATH, and
// where a beginner gets it.
type Toolchain struct {
	Command string // looked up on PATH, e.g. npm
	Title   string // e.g. Node.js
	URL     string // the download page
}

// toolchains by language. The setup commands of every blueprint of a
// language start with this program (Java's ./mvnw needs java).
var toolchains = map[string]Toolchain{
	"go":         {Command: "go", Title: "Go", URL: "https://go.dev/dl/"},
	"python":     {Command: "python3", Title: "Python 3", URL: "https://www.python.org/downloads/"},
	"javascript": {Command: "npm", Title: "Node.js (npm)", URL: "https://nodejs.org/en/download"},
	"typescript": {Command: "npm", Title: "Node.js (npm)", URL: "https://nodejs.org/en/download"},
	"java":       {Command: "java", Title: "a Java JDK (17 or later)", URL: "https://adoptium.net/"},
}

// shell runs the setup command, which is written for a POSIX shell (&&, quotes).
var shell = Toolchain{Command: "sh", Title: "a POSIX shell (sh)", URL: "https://git-scm.com/downloads"}

// ToolchainFor is the toolchain bp's setup command needs.
func ToolchainFor(bp Blueprint) Toolchain {
	if tc, ok := toolchains[bp.Language]; ok {
		return tc
	}
	first, _, _ := strings.Cut(strings.TrimSpace(bp.Commands.Setup), " ")
	return Toolchain{Command: first, Title: first}
}

// Installer runs a generated project's own setup command (commands.setup of
// its manifest) when Options.Install is set, before the first commit, so the
// lockfile it writes (package-lock.json, go.sum, …) is part of that commit
// while what the project's .gitignore excludes (node_modules, .venv, target)
// is not. The zero value runs the command with the PATH of the process and
// reports nothing while it runs.
type Installer struct {
	// LookPath finds a program on PATH; exec.LookPath when nil.
	LookPath func(file string) (string, error)
	// Context stops the command (the CLI cancels it on Ctrl-C); Background when nil.
	Context context.Context
	// Progress is called when the command starts; the function it returns is
	// called when the command ends, with its error. The CLI draws a spinner
	// or prints plain lines with it. Nil reports nothing.
	Progress func(command string) (done func(error))
}

// InstallReport is what the install step did. A missing toolchain or a
// failing command is not an error of the generation: the project is
// written and committed either way, and the report says how to retry.
type InstallReport struct {
	Command   string    // the setup command
	Toolchain Toolchain // what it needs
	Missing   bool      // the toolchain is not on PATH: nothing ran
	Err       error     // the command failed or was interrupted
	Output    string    // the last lines of its output, when it failed
	Elapsed   time.Duration
}

// OK reports whether the setup command ran and succeeded.
func (r *InstallReport) OK() bool { return r != nil && !r.Missing && r.Err == nil }

// outputTail is how many lines of a failed command's output are kept.
const outputTail = 15

func (in *Installer) lookPath(file string) (string, error) {
	if in != nil && in.LookPath != nil {
		return in.LookPath(file)
	}
	return exec.LookPath(file)
}

// Available reports whether bp's toolchain is on PATH: the wizard offers the
// install step by default only then.
func (in *Installer) Available(bp Blueprint) bool {
	for _, tc := range []Toolchain{shell, ToolchainFor(bp)} {
		if _, err := in.lookPath(tc.Command); err != nil {
			return false
		}
	}
	return true
}

// Run runs bp's setup command in dir and reports how it went.
func (in *Installer) Run(bp Blueprint, dir string) *InstallReport {
	rep := &InstallReport{Command: bp.Commands.Setup, Toolchain: ToolchainFor(bp)}
	sh, err := in.lookPath(shell.Command)
	if err != nil {
		rep.Toolchain, rep.Missing = shell, true
		return rep
	}
	if _, err := in.lookPath(rep.Toolchain.Command); err != nil {
		rep.Missing = true
		return rep
	}
	ctx := context.Background()
	if in != nil && in.Context != nil {
		ctx = in.Context
	}
	var done func(error)
	if in != nil && in.Progress != nil {
		done = in.Progress(rep.Command)
	}
	out := &tailBuffer{max: 64 << 10}
	cmd := exec.CommandContext(ctx, sh, "-c", rep.Command)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = out, out
	cmd.WaitDelay = 5 * time.Second // a grandchild holding the pipes must not hang scaffold
	ownProcessGroup(cmd)
	start := time.Now()
	err = cmd.Run()
	rep.Elapsed = time.Since(start)
	if err != nil {
		if ctx.Err() != nil {
			rep.Err = fmt.Errorf("%s was interrupted", rep.Command)
		} else {
			rep.Err = fmt.Errorf("%s failed: %w", rep.Command, err)
		}
		rep.Output = lastLines(out.String(), outputTail)
	}
	if done != nil {
		done(rep.Err)
	}
	return rep
}

// tailBuffer keeps the last max bytes written to it; it is safe for the two
// writers (stdout and stderr) exec uses.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if over := len(b.buf) - b.max; over > 0 {
		b.buf = append(b.buf[:0], b.buf[over:]...)
	}
	return len(p), nil
}

func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

// lastLines is the last n non-empty lines of s.
func lastLines(s string, n int) string {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, strings.TrimRight(l, " \t\r"))
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// placeInstallCommit is the end of Generate when Options.Install is set: the
// staged project is moved into place first, then the setup command runs
// there, then the first commit is made. The setup runs in the project's
// final folder, not in the staging folder, because what it makes records its
// own absolute path: a virtualenv's scripts (.venv/bin/pytest) start with
// "#!<folder>/.venv/bin/python" and an editable install points at
// <folder>/src, so a .venv made in the staging folder is broken once moved.
// A failing setup keeps the project (committed without what the setup would
// have written); a failing commit removes a folder this run created, so a
// failure still leaves nothing behind.
func (g *Generator) placeInstallCommit(res *Result, staged string) error {
	o := res.Plan.Options
	_, statErr := os.Stat(res.Dir)
	created := errors.Is(statErr, fs.ErrNotExist)
	before, _ := os.ReadDir(res.Dir)
	if err := Place(staged, res.Dir); err != nil {
		os.RemoveAll(staged)
		return err
	}
	res.Install = g.Installer.Run(res.Plan.Blueprint, res.Dir)
	if !o.Git {
		return nil
	}
	var err error
	// The setup wrote files scaffold does not hold: the commit reads the folder.
	res.Commit, err = gitrepo.InitFromDisk(res.Dir, g.commit(&o))
	if err != nil {
		switch {
		case created:
			os.RemoveAll(res.Dir)
		case len(before) == 0: // an empty folder (maybe the shell's cwd): empty it again
			entries, _ := os.ReadDir(res.Dir)
			for _, e := range entries {
				os.RemoveAll(filepath.Join(res.Dir, e.Name()))
			}
		default: // --force into a folder with files: only the repository is ours
			os.RemoveAll(filepath.Join(res.Dir, ".git"))
		}
		return err
	}
	return nil
}
