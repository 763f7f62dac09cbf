package gitrepo

import (
	"bytes"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// objectHash must name every object as Git (and go-git) names it.
func TestObjectHashMatchesGoGit(t *testing.T) {
	t.Parallel()
	for _, typ := range []plumbing.ObjectType{plumbing.BlobObject, plumbing.TreeObject, plumbing.CommitObject} {
		for _, size := range []int{0, 1, 55, 56, 64, 1000, 100_000} {
			content := bytes.Repeat([]byte("scaffold\x00\n"), size/10+1)[:size]
			if got, want := objectHash(typ, content), plumbing.ComputeHash(typ, content); got != want {
				t.Errorf("%s of %d bytes: %s, want %s", typ, size, got, want)
			}
		}
	}
}
