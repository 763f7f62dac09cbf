// Command bench measures `scaffold new` the way a user feels it: as a whole
// process, against the floor of copying the same rendered tree with cp -r and
// committing it with the git CLI (git init, add -A, commit). Both run in one
// interleaved session, in alternating order, so that the load of a shared
// machine falls on both alike; it prints the medians and their ratio.
//
//	go run ./generator/bench            # 25 pairs per project
//	go run ./generator/bench -pairs 40 -bin ./scaffold
//
// The git CLI is used here only, as the yardstick; scaffold never runs it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// project is one `scaffold new` command line, without the folder.
type project struct {
	name string
	args []string
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run() error {
	pairs := flag.Int("pairs", 25, "interleaved pairs of runs per project")
	bin := flag.String("bin", "", "scaffold binary to measure (default: build ./cmd/scaffold as the release is built)")
	flag.Parse()
	if *pairs < 1 {
		return errors.New("-pairs must be at least 1")
	}
	for _, tool := range []string{"cp", "git", "sh"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("the baseline needs %s on PATH", tool)
		}
	}
	root, err := os.MkdirTemp("", "scaffold-bench-")
	if err != nil {
		return fmt.Errorf("create a work folder: %w", err)
	}
	defer os.RemoveAll(root)

	if *bin == "" {
		*bin = filepath.Join(root, "scaffold")
		// Built as goreleaser.yaml builds the release binaries users install:
		// static (no cgo, so no dynamic loader at start-up) and stripped.
		build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", *bin, "./cmd/scaffold")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build scaffold (run from the repository root): %w", err)
		}
	} else if *bin, err = filepath.Abs(*bin); err != nil {
		return err
	}
	model, err := filepath.Abs(filepath.Join("testdata", "models", "rich.yaml"))
	if err != nil {
		return err
	}
	if _, err := os.Stat(model); err != nil {
		return fmt.Errorf("run from the repository root: %w", err)
	}
	projects := []project{
		{"default (go nethttp sqlite rest)", nil},
		{"largest (go nethttp postgres rest, rich model)", []string{"--lang", "go", "--framework", "nethttp", "--db", "postgres", "--api", "rest", "--model", model}},
	}

	home := filepath.Join(root, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		return err
	}
	// Neither side reads the user's Git configuration; both get the same identity.
	env := append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Bench", "GIT_AUTHOR_EMAIL=bench@example.com",
		"GIT_COMMITTER_NAME=Bench", "GIT_COMMITTER_EMAIL=bench@example.com")

	fmt.Printf("%d interleaved pairs per project, %s\n", *pairs, loadavg())
	for i, p := range projects {
		work := filepath.Join(root, strconv.Itoa(i))
		src := filepath.Join(work, "rendered", "demo")
		scaffold := func(dst string) *exec.Cmd {
			args := append([]string{"new", dst, "--yes", "--name", "demo", "--author-name", "Bench", "--author-email", "bench@example.com"}, p.args...)
			return exec.Command(*bin, args...)
		}
		// The tree cp copies is scaffold's own output, without its repository.
		if err := runCmd(exec.Command(*bin, append(scaffold(src).Args[1:], "--no-git")...), env); err != nil {
			return fmt.Errorf("render %s: %w", p.name, err)
		}
		floor := func(dst string) *exec.Cmd {
			return exec.Command("sh", "-c", `cp -r "$1" "$2" && cd "$2" && git init -q -b main && git add -A && git commit -q -m 'Initial commit from scaffold'`, "sh", src, dst)
		}
		var tScaffold, tFloor []time.Duration
		// The outputs are kept until the end (the deferred RemoveAll): ext4
		// without a journal skips every inode freed in the last half minute
		// when it makes a file, reading each one, so removing each pair's
		// trees made every later file slower, the floor's more than scaffold's.
		for n := 0; n < *pairs; n++ {
			dst := filepath.Join(work, "out", strconv.Itoa(n))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			// Alternate which side goes first, so neither always runs on a warmer cache.
			sides := []func() error{
				func() error { return timed(&tScaffold, scaffold(dst+"-scaffold"), env) },
				func() error { return timed(&tFloor, floor(dst+"-floor"), env) },
			}
			if n%2 == 1 {
				sides[0], sides[1] = sides[1], sides[0]
			}
			for _, side := range sides {
				if err := side(); err != nil {
					return fmt.Errorf("%s: %w", p.name, err)
				}
			}
		}
		ms, mf := median(tScaffold), median(tFloor)
		fmt.Printf("%s\n  scaffold new %6.1f ms (quartiles %s)\n  cp+git       %6.1f ms (quartiles %s)\n  ratio of the medians %.2f×, median of the pairs' ratios %.2f×\n",
			p.name, msec(ms), quartiles(tScaffold), msec(mf), quartiles(tFloor), float64(ms)/float64(mf), pairwise(tScaffold, tFloor))
	}
	fmt.Println(loadavg())
	return nil
}

func runCmd(cmd *exec.Cmd, env []string) error {
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s: %w\n%s", cmd.Args[0], err, out)
	}
	return nil
}

func timed(into *[]time.Duration, cmd *exec.Cmd, env []string) error {
	cmd.Env = env
	start := time.Now()
	out, err := cmd.CombinedOutput()
	elapsed := time.Since(start)
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", cmd.Args[0], err, out)
	}
	*into = append(*into, elapsed)
	return nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// pairwise is the median of the per-pair ratios, which a burst of load
// during one pair cannot move much.
func pairwise(a, b []time.Duration) float64 {
	r := make([]float64, len(a))
	for i := range a {
		r[i] = float64(a[i]) / float64(b[i])
	}
	slices.Sort(r)
	if len(r)%2 == 1 {
		return r[len(r)/2]
	}
	return (r[len(r)/2-1] + r[len(r)/2]) / 2
}

// quartiles shows how far a burst of load spread the runs.
func quartiles(ds []time.Duration) string {
	s := slices.Clone(ds)
	slices.Sort(s)
	return fmt.Sprintf("%.1f–%.1f", msec(s[len(s)/4]), msec(s[(3*len(s))/4]))
}

func msec(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func loadavg() string {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "load average: unknown"
	}
	return "load average (1, 5, 15 min): " + string(raw[:len(raw)-1])
}
