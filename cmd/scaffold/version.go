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

// buildVersion is the injected version, or the module version when installed
// with go install, or "dev".
func buildVersion() string {
	if version != "dev" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return version
}

func versionLine() string {
	line := "scaffold " + buildVersion()
	switch {
	case commit != "" && date != "":
		line += fmt.Sprintf(" (commit %s, built %s)", commit, date)
	case commit != "":
		line += fmt.Sprintf(" (commit %s)", commit)
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
