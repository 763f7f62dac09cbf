package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/scaffold-dev/scaffold/generator"
)

// listEntry is one blueprint in `scaffold list --json`.
type listEntry struct {
	Name        string                  `json:"name"`
	Language    string                  `json:"language"`
	Framework   string                  `json:"framework"`
	Title       string                  `json:"title"`
	Description string                  `json:"description"`
	Default     bool                    `json:"default"`
	Databases   []string                `json:"databases"`
	APIs        []string                `json:"apis"`
	Unsupported []generator.Unsupported `json:"unsupported,omitempty"`
	Port        int                     `json:"port"`
	Commands    generator.Commands      `json:"commands"`
	Contract    string                  `json:"contract"`
}

func newListCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the languages, frameworks, databases and API styles scaffold can generate",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			if asJSON {
				return writeListJSON(a.streams, cat)
			}
			return writeListTable(a.streams, cat)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the catalog as JSON, one object per blueprint")
	return cmd
}

func writeListJSON(s *Streams, cat *generator.Catalog) error {
	entries := make([]listEntry, 0, len(cat.Blueprints))
	for _, bp := range cat.Blueprints {
		entries = append(entries, listEntry{
			Name: bp.Name, Language: bp.Language, Framework: bp.Framework,
			Title: bp.Title, Description: bp.Description, Default: bp.Default,
			Databases: bp.Databases, APIs: bp.APIs, Unsupported: bp.Unsupported,
			Port: bp.Port, Commands: bp.Commands, Contract: bp.Contract,
		})
	}
	enc := json.NewEncoder(s.Out)
	enc.SetIndent("", "  ")
	return enc.Encode(entries)
}

func writeListTable(s *Streams, cat *generator.Catalog) error {
	tw := tabwriter.NewWriter(s.Out, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, "LANGUAGE\tFRAMEWORK\tDATABASES\tAPI STYLES\tDATA MODEL")
	var notes []string
	for _, bp := range cat.Blueprints {
		lang, _ := cat.Language(bp.Language)
		fw := bp.Framework
		if bp.Default {
			fw += " (default)"
		}
		dataModel := "task only (for now)"
		if bp.Contract == generator.ContractV2 {
			dataModel = "your own"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", lang.Title, fw, strings.Join(bp.Databases, ", "), strings.Join(bp.APIs, ", "), dataModel)
		for _, u := range bp.Unsupported {
			what := u.Database
			if what == "" {
				what = u.API
			}
			notes = append(notes, fmt.Sprintf("  %s without %s: %s", bp.Name, what, u.Reason))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(notes) > 0 {
		fmt.Fprintln(s.Out, "\nNot offered:")
		fmt.Fprintln(s.Out, strings.Join(notes, "\n"))
	}
	return nil
}

// noArgs rejects positional arguments as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return &usageError{command: cmd.Name(), err: fmt.Errorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0])}
	}
	return nil
}
