//go:build !unix

package generator

import "os/exec"

// ownProcessGroup: elsewhere the default (kill the shell) is all there is.
func ownProcessGroup(*exec.Cmd) {}
