package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/scaffold-dev/scaffold/generator"
)

func newDoctorCmd(a *app) *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check that this machine has what generated projects need",
		Long: `Check, one line each, what generated projects need on this machine: the
toolchain of each language at the version the blueprints need (Go, Python and
its venv module, Node.js and npm, a Java 17+ JDK and what the Maven wrapper
needs), Git and your Git identity, and Docker with Compose (optional).

With --lang, only what that language needs (and Git); the exit status is 1
when something it needs is missing. Without --lang, every check is shown and
the exit status says only whether Git is ready.`,
		Example: `  scaffold doctor
  scaffold doctor --lang python`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			if lang != "" {
				o := generator.Options{Language: lang}
				o.Canonicalize(cat)
				if _, ok := cat.Language(o.Language); !ok || len(cat.Frameworks(o.Language)) == 0 {
					return &usageError{command: "doctor", err: generator.UnknownValue("language", lang, "", cat.LanguageChoices())}
				}
				lang = o.Language
			}
			results := generator.Doctor(a.probe(), lang)
			printChecks(a.streams, results)
			if missing := generator.Missing(results, lang); len(missing) > 0 {
				what := "every project needs"
				if lang != "" {
					l, _ := cat.Language(lang)
					what = l.Title + " projects need"
				}
				return fmt.Errorf("%s what is marked ✗ above: install it, then run scaffold doctor again", what)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, flagLang, "", "check only what projects in this language need: {lang}")
	_ = cmd.RegisterFlagCompletionFunc(flagLang, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		cat, _ := a.catalog()
		return choiceList(cat, "lang"), cobra.ShellCompDirectiveNoFileComp
	})
	defaultHelp := cmd.HelpFunc()
	cmd.SetHelpFunc(func(c *cobra.Command, args []string) {
		cat, _ := a.catalog()
		fl := c.Flags().Lookup(flagLang)
		fl.Usage = strings.ReplaceAll(fl.Usage, "{lang}", choices(cat, "lang"))
		defaultHelp(c, args)
	})
	return cmd
}

// probe looks at this machine with the app's PATH lookup and Git identity.
func (a *app) probe() generator.Probe {
	p := generator.Probe{LookPath: a.lookPath, Output: a.output}
	p.Identity = func() (string, string) { id := a.identity(); return id.Name, id.Email }
	return p
}

// printChecks writes one line per check: ✔ or ✗, what, what was found, and
// where to get what is missing.
func printChecks(s *Streams, results []generator.CheckResult) {
	st := style{on: s.Color()}
	tw := tabwriter.NewWriter(s.Out, 0, 0, 2, ' ', 0)
	for _, r := range results {
		mark, detail := st.green("✔"), r.Detail
		if !r.OK {
			mark = "✗"
			detail += "; get it from " + r.URL
		}
		fmt.Fprintf(tw, "%s %s\t%s\n", mark, r.Name, detail)
	}
	tw.Flush()
}
