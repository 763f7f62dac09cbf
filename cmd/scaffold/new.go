package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"

	"github.com/scaffold-dev/scaffold/generator"
	"github.com/scaffold-dev/scaffold/generator/gitrepo"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// Flag names, in the order the wizard asks.
const (
	flagName        = "name"
	flagLang        = "lang"
	flagFramework   = "framework"
	flagDB          = "db"
	flagAPI         = "api"
	flagOwner       = "owner"
	flagModule      = "module"
	flagLicense     = "license"
	flagAuthorName  = "author-name"
	flagAuthorEmail = "author-email"
	flagModel       = "model"
	flagResource    = "resource"
	flagInstall     = "install"
	flagNoInstall   = "no-install"
)

// requiredWithoutTTY are the answers that have no sensible default: without a
// terminal to ask them, they must come from flags (or --yes).
var requiredWithoutTTY = []string{flagName, flagLang, flagFramework, flagDB, flagAPI}

type newCmd struct {
	app    *app
	opts   generator.Options
	yes    bool
	noGit  bool
	flags  *pflag.FlagSet
	asked  bool // the wizard asked at least one question
	dirArg string

	resources []string // --resource shorthands
	modelFile string   // --model
	install   bool     // --install
	noInstall bool     // --no-install

	global       gitrepo.Identity // the global Git identity, before any answer
	saveIdentity bool             // the wizard was told to save the identity globally
}

func newNewCmd(a *app) *cobra.Command {
	n := &newCmd{app: a}
	cmd := &cobra.Command{
		Use:   "new [DIR]",
		Short: "Create a new project (asks what is not given by flags)",
		Long:  newLong,
		Example: `  scaffold new
  scaffold new demo --yes
  scaffold new ./code/shop --lang go --framework chi --db postgres --api rest --owner octocat
  scaffold new shelf --yes --resource 'book: title:string!, pages:int(1..10000), status:enum(wishlist|reading|read)=wishlist'
  scaffold new shelf --yes --model model.yaml --install`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return &usageError{command: "new", err: fmt.Errorf("scaffold new takes one folder, got %d: %s", len(args), strings.Join(args, " "))}
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				n.dirArg = args[0]
			}
			n.flags = cmd.Flags()
			return n.run()
		},
	}
	f := cmd.Flags()
	o := &n.opts
	// The allowed values come from the catalog, which is read only when help
	// or completion needs them: `scaffold version` stays fast.
	f.StringVar(&o.Name, flagName, "", "project name (default: the folder name)")
	f.StringVar(&o.Language, flagLang, "", "language: {lang}")
	f.StringVar(&o.Framework, flagFramework, "", "framework: {framework}")
	f.StringVar(&o.Database, flagDB, "", "database: {db}")
	f.StringVar(&o.API, flagAPI, "", "API style: {api}")
	f.StringVar(&o.Owner, flagOwner, "", "GitHub user or organisation that will own the repository")
	f.StringVar(&o.Module, flagModule, "", "Go module path (default: github.com/OWNER/NAME)")
	f.StringVar(&o.License, flagLicense, "", "licence: {license} (default MIT)")
	f.StringVar(&o.AuthorName, flagAuthorName, "", "author name (default: git config user.name)")
	f.StringVar(&o.AuthorEmail, flagAuthorEmail, "", "author e-mail (default: git config user.email)")
	f.StringVar(&n.modelFile, flagModel, "", "the data model: a model `FILE` (YAML, see above) or a project's .scaffold.yaml; - reads standard input")
	f.StringArrayVar(&n.resources, flagResource, nil, "one resource of the data model in one line, e.g. 'book: title:string!, pages:int' (`SHORTHAND`, see above; repeat for more)")
	f.BoolVar(&n.install, flagInstall, false, "run the project's setup command (npm install, go mod download, …) before the first commit")
	f.BoolVar(&n.noInstall, flagNoInstall, false, "do not run the setup command (the default with --yes or without a terminal)")
	f.BoolVarP(&n.yes, "yes", "y", false, "take the default for every answer not given")
	f.BoolVar(&n.noGit, "no-git", false, "do not make a Git repository")
	f.BoolVar(&o.Force, "force", false, "write into an existing, non-empty folder")
	f.BoolVar(&o.DryRun, "dry-run", false, "print the files that would be written, write nothing")
	kinds := map[string]string{flagLang: "lang", flagFramework: "framework", flagDB: "db", flagAPI: "api", flagLicense: "license"}
	for flag, kind := range kinds {
		_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			cat, _ := a.catalog()
			return choiceList(cat, kind), cobra.ShellCompDirectiveNoFileComp
		})
	}
	defaultHelp := cmd.HelpFunc()
	cmd.SetHelpFunc(func(c *cobra.Command, args []string) {
		cat, _ := a.catalog()
		for flag, kind := range kinds {
			fl := c.Flags().Lookup(flag)
			fl.Usage = strings.ReplaceAll(fl.Usage, "{"+kind+"}", choices(cat, kind))
		}
		defaultHelp(c, args)
	})
	return cmd
}

func (n *newCmd) run() error {
	if n.modelFile != "" || len(n.resources) > 0 {
		model.WarmPlurals() // while the catalog loads and the flags are checked
	}
	cat, err := n.app.catalog()
	if err != nil {
		return err
	}
	o := &n.opts
	o.Git = !n.noGit
	if n.install && n.noInstall {
		return &usageError{command: "new", err: fmt.Errorf("--install and --no-install contradict each other: pass one of them")}
	}
	o.Install = n.install
	// A wrong value is reported before anything else, missing flags included.
	if err := n.checkValues(cat); err != nil {
		return err
	}
	if err := n.readModel(); err != nil {
		return err
	}
	if n.dirArg != "" {
		o.Dir = filepath.Clean(n.dirArg)
		if !n.given(flagName) {
			o.Name = filepath.Base(o.Dir)
			if abs, err := filepath.Abs(o.Dir); err == nil && (o.Dir == "." || o.Dir == "..") {
				o.Name = filepath.Base(abs) // scaffold new . names the project after the folder
			}
		}
	}
	id := n.app.identity()
	n.global = id
	if o.AuthorName == "" {
		o.AuthorName = id.Name
	}
	if o.AuthorEmail == "" {
		o.AuthorEmail = id.Email
	}

	switch {
	case n.yes:
		if o.Language == "" {
			o.Language = generator.DefaultLanguage
		}
		if o.Name == "" && !n.given(flagName) {
			return &usageError{command: "new", err: fmt.Errorf("--yes needs a project name: scaffold new my-api --yes")}
		}
	case !n.app.streams.CanPrompt():
		if missing := n.missingFlags(); len(missing) > 0 {
			return &usageError{command: "new", err: fmt.Errorf("stdin is not a terminal, so scaffold cannot ask questions: pass %s, or --yes to take the defaults", strings.Join(missing, " "))}
		}
	default:
		w := &wizard{p: n.app.prompter(n.app.streams), cat: cat, opts: o, given: n.given, out: n.app.streams.Out, installer: n.installer(nil),
			global: id, gitConfig: n.gitConfigShown()}
		if err := w.run(); err != nil {
			return err
		}
		n.asked, n.saveIdentity = w.asked, w.saveIdentity
	}

	gen := &generator.Generator{Catalog: cat, Version: buildVersion()}
	if o.DryRun {
		plan, err := gen.Plan(*o)
		if err != nil {
			return err
		}
		printDryRun(n.app.streams, plan)
		return nil
	}
	wantInstall := o.Install
	n.checkMachine(cat)
	if o.Install {
		// Ctrl-C during the install stops the setup command, not scaffold:
		// the project is still committed, without what the setup writes.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		gen.Installer = n.installer(ctx)
	}
	res, err := gen.Generate(*o)
	if err != nil {
		return err
	}
	if n.asked {
		answers := res.Plan.Options
		answers.Install = wantInstall
		fmt.Fprintf(n.app.streams.Out, "\nNext time, skip the questions with:\n  %s\n", equivalentCommand(answers))
	}
	printNextSteps(n.app.streams, res)
	n.identityNote(res)
	printInstallReport(n.app.streams, res)
	return nil
}

// missingIdentity is what the global Git configuration lacks of the
// identity the first commit was made with.
func missingIdentity(global gitrepo.Identity, o generator.Options) gitrepo.Identity {
	var need gitrepo.Identity
	if global.Name == "" {
		need.Name = o.AuthorName
	}
	if global.Email == "" {
		need.Email = o.AuthorEmail
	}
	return need
}

// identityNote: when Git has no global identity, the learner's own next
// commit fails. Save the one the project was committed with, if the wizard
// was told to; else print the two commands that do it. Never silently.
func (n *newCmd) identityNote(res *generator.Result) {
	need := missingIdentity(n.global, res.Plan.Options)
	if res.Commit == "" || need == (gitrepo.Identity{}) {
		return
	}
	s := n.app.streams
	if n.saveIdentity {
		path, err := n.app.gitConfig()
		if err == nil {
			err = n.app.saveIdentity(path, need)
		}
		if err == nil {
			fmt.Fprintf(s.Out, "\nSaved your Git identity in %s, so git commit works in every repository.\n", homePath(path))
			return
		}
		fmt.Fprintf(s.ErrOut, "\nscaffold: warning: could not save your Git identity: %v\n", err)
	}
	fmt.Fprintln(s.Out, "\nGit does not know who you are yet, so your own next git commit will fail. Tell it once with:")
	if need.Name != "" {
		fmt.Fprintf(s.Out, "  git config --global user.name %s\n", shellQuote(need.Name))
	}
	if need.Email != "" {
		fmt.Fprintf(s.Out, "  git config --global user.email %s\n", shellQuote(need.Email))
	}
}

// gitConfigShown is the global Git configuration file, as the wizard names it.
func (n *newCmd) gitConfigShown() string {
	path, err := n.app.gitConfig()
	if err != nil {
		return "your global Git configuration"
	}
	return homePath(path)
}

// homePath writes a path under the home folder as ~/….
func homePath(path string) string {
	if home, err := os.UserHomeDir(); err == nil {
		if rel, err := filepath.Rel(home, path); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.Join("~", rel)
		}
	}
	return path
}

// checkMachine runs scaffold doctor's checks of the project language's
// toolchain before the install step and says what is missing. That never
// fails the generation; it only skips an install that could not work.
// Without an install step nothing is checked: the project's README names its
// prerequisites, and checking costs a run of each toolchain.
func (n *newCmd) checkMachine(cat *generator.Catalog) {
	o := &n.opts
	if !o.Install {
		return
	}
	lang, ok := cat.Language(o.Language)
	if !ok {
		return // Generate explains the language
	}
	missing := generator.Missing(generator.ToolchainChecks(n.app.probe(), o.Language), o.Language)
	if len(missing) == 0 {
		return
	}
	w := n.app.streams.ErrOut
	fmt.Fprintf(w, "scaffold: warning: %s projects need what this machine does not have yet:\n", lang.Title)
	for _, r := range missing {
		fmt.Fprintf(w, "  ✗ %s: %s; get it from %s\n", r.Name, r.Detail, r.URL)
	}
	o.Install = false
	bp, _ := cat.Blueprint(o.Language, o.Framework)
	if bp.Name == "" {
		bp, _ = cat.DefaultFramework(o.Language)
	}
	fmt.Fprintf(w, "  So the dependencies are not installed now; once it is there, run in the project: %s\n", bp.Commands.Setup)
	fmt.Fprintf(w, "  (scaffold doctor --lang %s checks again.)\n", o.Language)
}

// installer runs the setup command with the app's PATH and progress display.
func (n *newCmd) installer(ctx context.Context) *generator.Installer {
	return &generator.Installer{LookPath: n.app.lookPath, Context: ctx, Progress: installProgress(n.app.streams)}
}

// checkValues puts the ids given by flags in the catalog's spelling (--lang
// Python is python) and rejects, with the closest valid id, a value that no
// blueprint has, whatever the other answers are. Whether a known framework,
// database or API style fits the rest is checked once the rest is known.
func (n *newCmd) checkValues(cat *generator.Catalog) error {
	o := &n.opts
	o.Canonicalize(cat)
	lang := ""
	switch {
	case n.given(flagLang):
		lang = o.Language
	case n.yes:
		lang = generator.DefaultLanguage
	}
	for _, c := range []struct {
		flag, what string
		value      string
		choices    []generator.Choice
	}{
		{flagLang, "language", o.Language, cat.LanguageChoices()},
		{flagFramework, "framework", o.Framework, cat.FrameworkChoices("")},
		{flagDB, "database", o.Database, cat.DatabaseChoices(nil)},
		{flagAPI, "API style", o.API, cat.APIChoices(nil)},
		{flagLicense, "licence", o.License, cat.LicenseChoices()},
	} {
		if !n.given(c.flag) || slices.ContainsFunc(c.choices, func(ch generator.Choice) bool { return ch.ID == c.value }) {
			continue
		}
		choices, context := c.choices, ""
		if c.flag == flagFramework && len(cat.Frameworks(lang)) > 0 {
			choices, context = cat.FrameworkChoices(lang), " for "+lang
		}
		return generator.UnknownValue(c.what, c.value, context, choices)
	}
	return nil
}

// given reports whether a flag was set on the command line.
func (n *newCmd) given(flag string) bool { return n.flags.Changed(flag) }

func (n *newCmd) missingFlags() []string {
	var missing []string
	for _, f := range requiredWithoutTTY {
		if f == flagName && n.dirArg != "" {
			continue
		}
		if !n.given(f) {
			missing = append(missing, "--"+f)
		}
	}
	return missing
}

// choices is the help text listing the allowed values of a flag.
func choices(cat *generator.Catalog, kind string) string {
	list := choiceList(cat, kind)
	if len(list) == 0 {
		return "see scaffold list"
	}
	return strings.Join(list, ", ")
}

func choiceList(cat *generator.Catalog, kind string) []string {
	if cat == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	switch kind {
	case "lang":
		for _, l := range cat.LanguagesWithBlueprints() {
			add(l.ID)
		}
	case "framework":
		for _, bp := range cat.Blueprints {
			add(bp.Framework)
		}
	case "db":
		for _, d := range cat.Databases {
			add(d.ID)
		}
	case "api":
		for _, a := range cat.APIs {
			add(a.ID)
		}
	case "license":
		for _, l := range cat.Licenses {
			add(l.ID)
		}
	}
	return out
}

// readModel fills opts.Model from --model and --resource. A mistake in the
// shorthand is a usage error with its column; a bad model file is an error.
// Either way the model is checked before any question is asked.
func (n *newCmd) readModel() error {
	if n.modelFile != "" && len(n.resources) > 0 {
		return &usageError{command: "new", err: fmt.Errorf("give the model either with --model or with --resource, not both")}
	}
	var m *model.Model
	switch {
	case n.modelFile != "":
		var data []byte
		var err error
		if n.modelFile == "-" {
			data, err = io.ReadAll(n.app.streams.In)
		} else {
			data, err = os.ReadFile(n.modelFile)
		}
		if err != nil {
			return fmt.Errorf("cannot read the model file %s: %w", n.modelFile, unwrapPath(err))
		}
		if m, err = parseModelFile(data); err != nil {
			return fmt.Errorf("%s: %w", n.modelFileName(), err)
		}
	case len(n.resources) > 0:
		m = &model.Model{}
		for _, s := range n.resources {
			r, err := model.ParseShorthand(s)
			if err != nil {
				return &usageError{command: "new", err: err}
			}
			m.Resources = append(m.Resources, r)
		}
	default:
		return nil
	}
	m.Normalize()
	if err := m.Validate(); err != nil {
		if n.modelFile != "" {
			return fmt.Errorf("%s: %w", n.modelFileName(), err)
		}
		return err
	}
	n.opts.Model = m
	return nil
}

func (n *newCmd) modelFileName() string {
	if n.modelFile == "-" {
		return "the model on standard input"
	}
	return n.modelFile
}

// parseModelFile reads a model file (DESIGN.md §4a), or the .scaffold.yaml of
// a project — what the command printed after the wizard points at.
func parseModelFile(data []byte) (*model.Model, error) {
	var keys map[string]any
	if yaml.Unmarshal(data, &keys) == nil {
		for _, k := range []string{"answers", "scaffold_version", "blueprint", "contract", "resource"} {
			if _, ok := keys[k]; ok {
				return model.FromAnswers(data)
			}
		}
	}
	return model.Parse(bytes.TrimPrefix(data, []byte("\ufeff")))
}

// unwrapPath drops the path from an *os.PathError: the message names the file already.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// newLong is the help of scaffold new: the questions, the data model (both
// ways to give it) and the install step.
var newLong = `Create a new back-end project in DIR (default: the project name).

Without flags, scaffold asks for the project name, language, framework,
database, API style, what the API manages (its data model), GitHub owner,
licence and author, and whether to install the dependencies, then shows every
answer to create the project, change an answer or cancel. Without a global
Git identity it also asks whether to save your name and e-mail there (as git
config --global does). Every question has a flag; --yes takes the default for
anything not given (Go, net/http, SQLite, REST, the task model, MIT, no
install). Ids match in any case. Without a terminal, pass the answers as flags
or use --yes.

The data model
  The default model is one resource, task, with a required title and a done
  flag. Give your own with --model FILE or with one --resource per resource
  (not both). The DATA MODEL column of scaffold list says which blueprints
  take your own model (API contract v2); the others serve the task for now.

` + indent(model.ShorthandHelp, "  ") + `

  A model file is the same in YAML (the resources: part of a project's
  .scaffold.yaml, so --model some-project/.scaffold.yaml works too):

    resources:
      - name: book                 # singular, snake_case
        plural: books              # optional
        fields:                    # id, created_at, updated_at are added for you
          - {name: title, type: string, required: true, min: 1, max: 200}
          - {name: pages, type: int, min: 1, max: 10000}
          - {name: status, type: enum, values: [wishlist, reading, read], default: wishlist}
          - {name: isbn, type: string, unique: true, max: 17}
          - {name: published_on, type: date}

  A mistake in a --resource is a usage error (exit 2) that names its column;
  a model that breaks a rule (a duplicate field, a default outside its own
  bounds, a reserved word, …) is an error (exit 1). Nothing is written.

Installing the dependencies
  --install runs the project's own setup command (go mod download, npm
  install, the Python virtualenv, the Maven wrapper) in the new folder before
  the first commit, so the lockfile it writes is committed; what .gitignore
  excludes (node_modules, .venv, target) is not. The wizard offers it when
  the toolchain is on PATH; --yes leaves it off unless --install is given.
  A missing toolchain or a failing setup never fails the generation: the
  project is written and committed, and scaffold says what to install or
  what failed and how to retry, and exits 0. Before the install step,
  scaffold runs the checks of scaffold doctor --lang for the toolchain of
  the project's language and says what is missing.`

// indent puts prefix before every line of s that is not empty.
func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
