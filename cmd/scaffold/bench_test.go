package main

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkVersionCommand runs the built binary's `scaffold version` as a
// user would: process start, command tree, print. Target: under 15 ms.
// Run: go test ./cmd/scaffold -run '^$' -bench VersionCommand
func BenchmarkVersionCommand(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "scaffold")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	for b.Loop() {
		if out, err := exec.Command(bin, "version").CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
}
