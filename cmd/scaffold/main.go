// Command scaffold generates working, GitHub-ready back-end starter projects.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	collectGarbageLate()
	os.Exit(Main(os.Args[1:], SystemStreams()))
}

// memoryLimit is where the garbage collector starts working.
const memoryLimit = 256 << 20

// collectGarbageLate turns the collector off below memoryLimit. scaffold
// lives for a fraction of a second and allocates a few tens of megabytes
// (templates, rendered files, Git objects), so collecting them costs more
// than it frees: with the default GOGC it ran a dozen times per project, on
// the same two cores as the rendering. A GOGC or GOMEMLIMIT the user sets
// wins.
func collectGarbageLate() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(memoryLimit)
}
