// Package blueprints holds the templates scaffold renders, embedded into the
// binary. See README.md in this folder for the format.
package blueprints

import "embed"

// FS is every blueprint, layer and the catalog vocabulary. The all: prefix
// keeps dot-files such as .gitignore and .github/.
//
//go:embed all:*
var FS embed.FS
