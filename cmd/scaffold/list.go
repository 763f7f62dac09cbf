package main

import (
	"encoding/json"
	"fmt"
	"slices"
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
	fmt.Fprintln(tw, "LANGUAGE\t--lang\t--framework\t--db\t--api\tDATA MODEL")
	prev := ""
	for _, bp := range cat.Blueprints {
		lang, _ := cat.Language(bp.Language)
		title, id := lang.Title, lang.ID
		if bp.Language == prev { // the language once per group
			title, id = "", ""
		}
		prev = bp.Language
		fw := bp.Framework
		if bp.Default {
			fw += " (default)"
		}
		dataModel := "task only (for now)"
		if bp.Contract == generator.ContractV2 {
			dataModel = "your own"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", title, id, fw, strings.Join(bp.Databases, ", "), strings.Join(bp.APIs, ", "), dataModel)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(s.Out, "\nType the ids: scaffold new my-api --lang python --framework fastapi --db postgres --api rest")
	if notes := notOffered(cat); len(notes) > 0 {
		fmt.Fprintln(s.Out, "\nNot offered, and why:")
		for _, n := range notes {
			fmt.Fprintln(s.Out, "  "+n)
		}
	}
	return nil
}

// notOffered explains each database or API style a blueprint leaves out,
// for a learner: which, why, and which frameworks of the same language offer
// it instead.
func notOffered(cat *generator.Catalog) []string {
	var notes []string
	for _, bp := range cat.Blueprints {
		for _, u := range bp.Unsupported {
			what, offers := u.Database, func(b generator.Blueprint) bool { return slices.Contains(b.Databases, u.Database) }
			if db, ok := cat.Database(u.Database); ok {
				what = db.Title
			}
			if u.Database == "" {
				what, offers = strings.ToUpper(u.API), func(b generator.Blueprint) bool { return slices.Contains(b.APIs, u.API) }
			}
			note := fmt.Sprintf("%s (--framework %s) with %s: %s.", bp.Title, bp.Framework, what, strings.TrimSuffix(u.Reason, "."))
			var others []string
			for _, b := range cat.Frameworks(bp.Language) {
				if b.Name != bp.Name && offers(b) {
					others = append(others, b.Framework)
				}
			}
			if len(others) > 0 {
				note += fmt.Sprintf(" For %s, choose %s.", what, orList(others))
			}
			notes = append(notes, note)
		}
	}
	return notes
}

// orList is "a", "a or b", "a, b or c".
func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// noArgs rejects positional arguments as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return &usageError{command: cmd.Name(), err: fmt.Errorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0])}
	}
	return nil
}
