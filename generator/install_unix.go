//go:build unix

package generator

import (
	"os/exec"
	"syscall"
)

// ownProcessGroup runs cmd in a process group of its own, so that stopping
// it (Ctrl-C cancels the context) stops what the shell started too: npm,
// pip and mvn run as children of sh and would otherwise outlive it.
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
