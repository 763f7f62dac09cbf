//go:build !linux && !darwin

package gitrepo

import (
	"io/fs"

	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// fillSystemInfo has nothing to add where there is no stat(2): Git compares
// the size and modification time.
func fillSystemInfo(*index.Entry, fs.FileInfo) {}
