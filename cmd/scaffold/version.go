package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set at release by GoReleaser: -X main.version=… -X main.commit=… -X main.date=…
var (
	version = "dev"
	commit  = ""
	date    = ""
)

// buildInfo is what `scaffold version` prints.
type buildInfo struct {
	Version, Commit, Date string
	Modified              bool // built from a work tree with uncommitted changes
}

// readBuildInfo is debug.ReadBuildInfo; tests replace it.
var readBuildInfo = debug.ReadBuildInfo

// currentBuild is the version, commit and date injected at release; for what
// was not injected (go install, go build), the module version and the VCS
// revision and time Go records in the binary, as gh does.
func currentBuild() buildInfo {
	b := buildInfo{Version: version, Commit: commit, Date: date}
	info, ok := readBuildInfo()
	if !ok {
		return b
	}
	if b.Version == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		b.Version = info.Main.Version
	}
	if b.Commit == "" {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				b.Commit = s.Value
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			case "vcs.modified":
				b.Modified = s.Value == "true"
			}
		}
		if len(b.Commit) > 12 {
			b.Commit = b.Commit[:12]
		}
	}
	return b
}

// buildVersion is the version alone, recorded in .scaffold.yaml.
func buildVersion() string { return currentBuild().Version }

func versionLine() string {
	b := currentBuild()
	line := "scaffold " + b.Version
	c := b.Commit
	if c != "" && b.Modified {
		c += ", with uncommitted changes"
	}
	switch {
	case c != "" && b.Date != "":
		line += fmt.Sprintf(" (commit %s, built %s)", c, b.Date)
	case c != "":
		line += fmt.Sprintf(" (commit %s)", c)
	}
	return line
}

func newVersionCmd(app *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print scaffold's version, commit and build date",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(app.streams.Out, versionLine())
			return nil
		},
	}
}
