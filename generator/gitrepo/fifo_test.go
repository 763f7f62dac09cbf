//go:build unix

package gitrepo_test

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/scaffold-dev/scaffold/generator/gitrepo"
)

// TestInitFromDiskRefusesAFifo: a named pipe an install step left behind is
// reported, not read (reading it would wait forever).
func TestInitFromDiskRefusesAFifo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, []file{{"README.md", "# x\n"}})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skipf("SKIPPED: cannot make a named pipe here: %v", err)
	}
	_, err := gitrepo.InitFromDisk(dir, commit(""))
	if err == nil || !strings.Contains(err.Error(), "pipe is neither a file nor a link") {
		t.Fatalf("InitFromDisk = %v, want the pipe named", err)
	}
}
