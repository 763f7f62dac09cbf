package main

import (
	"fmt"
	"sync"
	"time"

	"github.com/scaffold-dev/scaffold/generator"
)

// spinnerFrames turn while the install runs on a terminal.
var spinnerFrames = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// installProgress shows the install step: on a terminal a spinner with the
// elapsed time, redrawn in place; otherwise one line when it starts and one
// when it ends, so logs stay readable.
func installProgress(s *Streams) func(command string) func(error) {
	return func(command string) func(error) {
		st := style{on: s.Color()}
		start := time.Now()
		what := "Installing the dependencies: " + command
		if !s.OutTTY {
			fmt.Fprintf(s.Out, "\n%s …\n", what)
			return func(err error) {
				if err == nil {
					fmt.Fprintf(s.Out, "Installed the dependencies in %s.\n", elapsed(time.Since(start)))
				} else {
					fmt.Fprintf(s.Out, "The install failed after %s (see the warning at the end).\n", elapsed(time.Since(start)))
				}
			}
		}
		var mu sync.Mutex
		draw := func(frame string) {
			mu.Lock()
			defer mu.Unlock()
			fmt.Fprintf(s.Out, "\r\x1b[K%s %s %s", st.green(frame), what, st.dim("("+elapsed(time.Since(start))+")"))
		}
		fmt.Fprintln(s.Out)
		draw(spinnerFrames[0])
		stop := make(chan struct{})
		stopped := make(chan struct{})
		go func() {
			defer close(stopped)
			tick := time.NewTicker(100 * time.Millisecond)
			defer tick.Stop()
			for i := 1; ; i++ {
				select {
				case <-stop:
					return
				case <-tick.C:
					draw(spinnerFrames[i%len(spinnerFrames)])
				}
			}
		}()
		return func(err error) {
			close(stop)
			<-stopped
			mark, line := st.green("✔"), "Installed the dependencies"
			if err != nil {
				mark, line = "✖", "The install failed"
			}
			fmt.Fprintf(s.Out, "\r\x1b[K%s %s in %s (%s)\n", mark, line, elapsed(time.Since(start)), command)
		}
	}
}

// elapsed is a duration as a person reads it: 850ms, 12s, 2m05s.
func elapsed(d time.Duration) string {
	switch {
	case d < time.Second:
		return d.Round(10 * time.Millisecond).String()
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	}
	return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
}

// printInstallReport says, after the next steps, what the install step could
// not do and how to do it by hand. Neither case is an error: the project is
// written and committed, so scaffold exits 0 and warns on stderr.
func printInstallReport(s *Streams, res *generator.Result) {
	rep := res.Install
	if rep == nil || rep.OK() {
		return
	}
	retry := "cd " + shellQuote(displayPath(res.Plan.Options.Dir)) + " && " + rep.Command
	w := s.ErrOut
	if rep.Missing {
		fmt.Fprintf(w, "\nscaffold: warning: %s is not installed (%s was not found), so the dependencies were not installed.\n"+
			"  Get it from %s, then run:\n    %s\n", rep.Toolchain.Title, rep.Toolchain.Command, rep.Toolchain.URL, retry)
		return
	}
	committed := ""
	if res.Commit != "" {
		committed = " and committed"
	}
	fmt.Fprintf(w, "\nscaffold: warning: the project is written%s, but installing its dependencies failed: %v\n", committed, rep.Err)
	if rep.Output != "" {
		fmt.Fprintf(w, "  Last lines of its output:\n%s\n", indent(rep.Output, "    | "))
	}
	fmt.Fprintf(w, "  Fix what it says (a network problem? a missing compiler?), then retry with:\n    %s\n", retry)
	if res.Commit != "" {
		fmt.Fprintf(w, "  and commit the lockfile it writes.\n")
	}
}
