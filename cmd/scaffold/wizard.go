package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"text/tabwriter"

	"github.com/scaffold-dev/scaffold/generator"
	"github.com/scaffold-dev/scaffold/generator/gitrepo"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// wizard asks, in a fixed order, every question whose answer was not given
// by a flag: name, language, framework, database, API style, the data model
// (wizard_model.go), owner, licence, author name and e-mail, and whether to
// install the dependencies. Answers given by flags are checked first, so a
// wrong flag fails before any question.
type wizard struct {
	p         Prompter
	cat       *generator.Catalog
	opts      *generator.Options
	given     func(flag string) bool
	out       io.Writer            // notes between questions (the model summary)
	installer *generator.Installer // tells whether the toolchain is on PATH
	asked     bool

	dirFromName bool // the folder is the typed name: it follows a changed name

	global       gitrepo.Identity // the global Git identity before the wizard
	gitConfig    string           // the file it would be saved in, for the question
	saveIdentity bool             // the answer: save name and e-mail globally
}

func (w *wizard) run() error {
	o := w.opts
	if err := w.precheck(); err != nil {
		return err
	}
	for _, s := range w.steps() {
		if s.needed != nil && !s.needed() {
			continue
		}
		if s.flag != "" && w.answered(s.flag) || (s.flag == flagName && o.Name != "" && w.dirGiven()) {
			if err := w.check(s.flag); err != nil {
				return err
			}
			continue
		}
		w.asked = true
		if err := s.ask(); err != nil {
			return err
		}
	}
	if !w.asked { // every answer came from a flag: nothing to review
		return nil
	}
	return w.confirm()
}

// step is one question of the wizard and the flag that answers it.
type step struct {
	flag  string
	label string        // its line in the summary
	value func() string // the answer, as the summary shows it
	ask   func() error
	// needed, when set, says whether the question applies at all.
	needed func() bool
}

func (w *wizard) steps() []step {
	o := w.opts
	return []step{
		{flagName, "Project name", func() string {
			if o.Dir == "" || o.Dir == filepath.Clean(o.Name) {
				return o.Name
			}
			return o.Name + " (in " + displayPath(o.Dir) + ")"
		}, w.askName, nil},
		{flagLang, "Language", func() string { l, _ := w.cat.Language(o.Language); return l.Title }, w.askLanguage, nil},
		{flagFramework, "Framework", func() string { return w.blueprint().Title }, w.askFramework, nil},
		{flagDB, "Database", func() string { d, _ := w.cat.Database(o.Database); return d.Title }, w.askDatabase, nil},
		{flagAPI, "API style", func() string { a, _ := w.cat.API(o.API); return a.Title }, w.askAPI, nil},
		{flagModel, "Data model", func() string { return w.model().Describe() }, w.askModel, nil},
		{flagOwner, "GitHub owner", func() string { return orNone(o.Owner, "none yet") }, w.askOwner, nil},
		{flagLicense, "Licence", func() string { l, _ := w.cat.License(orNone(o.License, generator.DefaultLicense)); return l.Title }, w.askLicense, nil},
		{flagAuthorName, "Author name", func() string { return orNone(o.AuthorName, "none") }, w.askAuthorName, nil},
		{flagAuthorEmail, "Author e-mail", func() string { return orNone(o.AuthorEmail, "none") }, w.askAuthorEmail, nil},
		{"", "Save as your Git identity", func() string { return yesNoText(w.saveIdentity) }, w.askSaveIdentity, w.identityMissing},
		{flagInstall, "Install the dependencies", func() string { return yesNoText(o.Install) }, w.askInstall, nil},
	}
}

// identityMissing: the first commit needs an identity the global Git
// configuration does not have, so the learner's own commits would fail.
func (w *wizard) identityMissing() bool {
	return w.opts.Git && missingIdentity(w.global, *w.opts) != (gitrepo.Identity{})
}

// askSaveIdentity offers to do what git config --global would; never
// silently.
func (w *wizard) askSaveIdentity() error {
	i, err := w.p.Select("Save your name and e-mail as your Git identity (git config --global)?",
		[]string{"Yes, save them in " + w.gitConfig, "No, I will set them myself"}, 0,
		"Git has no user.name or user.email yet: without them, git commit fails in your new project too.")
	if err != nil {
		return err
	}
	w.saveIdentity = i == 0
	return nil
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

func yesNoText(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// model is the model the project will serve.
func (w *wizard) model() *model.Model {
	if w.opts.Model == nil || w.blueprint().Contract != generator.ContractV2 {
		m := model.Default()
		m.Normalize()
		return m
	}
	return w.opts.Model
}

// The choices of the summary.
const (
	confirmCreate = iota
	confirmChange
	confirmCancel
)

// confirm shows every answer and the data model, then creates, changes an
// answer (and whatever depends on it) or cancels. Nothing is written before
// the learner chooses Create.
func (w *wizard) confirm() error {
	for {
		var steps []step
		for _, s := range w.steps() {
			if s.needed == nil || s.needed() {
				steps = append(steps, s)
			}
		}
		w.printSummary(steps)
		i, err := w.p.Select("Create the project?", []string{"Create it", "Change an answer", "Cancel"}, confirmCreate,
			"Nothing is written before you choose Create it.")
		if err != nil {
			return err
		}
		switch i {
		case confirmCreate:
			return nil
		case confirmCancel:
			return errCancelled
		}
		labels := make([]string, len(steps))
		for k, s := range steps {
			labels[k] = s.label + ": " + s.value()
		}
		k, err := w.p.Select("Which answer do you want to change?", labels, 0, "")
		if err != nil {
			return err
		}
		if err := steps[k].ask(); err != nil {
			return err
		}
		if err := w.repair(); err != nil {
			return err
		}
	}
}

// repair asks again the answers a changed answer made impossible: a
// framework of another language, a database or API style the framework does
// not offer, a model the blueprint cannot take.
func (w *wizard) repair() error {
	o := w.opts
	if _, ok := w.cat.Blueprint(o.Language, o.Framework); !ok {
		if err := w.askFramework(); err != nil {
			return err
		}
	}
	bp := w.blueprint()
	if !slices.Contains(bp.Databases, o.Database) {
		if err := w.askDatabase(); err != nil {
			return err
		}
	}
	if !slices.Contains(bp.APIs, o.API) {
		if err := w.askAPI(); err != nil {
			return err
		}
	}
	if bp.Contract != generator.ContractV2 && o.Model != nil && !o.Model.IsDefaultShape() {
		o.Model = nil
		return w.askModel() // says the blueprint serves the default model
	}
	return nil
}

// printSummary writes every answer, then the data model as a table.
func (w *wizard) printSummary(steps []step) {
	fmt.Fprintln(w.out, "\nYour project:")
	tw := tabwriter.NewWriter(w.out, 0, 0, 2, ' ', 0)
	for _, s := range steps {
		fmt.Fprintf(tw, "  %s\t%s\n", s.label, s.value())
	}
	tw.Flush()
	printModel(w.out, w.model())
	fmt.Fprintln(w.out)
}

// answered reports whether a flag gave the answer to the question of flag.
func (w *wizard) answered(flag string) bool {
	switch flag {
	case flagModel:
		return w.given(flagModel) || w.given(flagResource)
	case flagInstall:
		return w.given(flagInstall) || w.given(flagNoInstall)
	}
	return w.given(flag)
}

// precheck rejects, before any question, a flag value that is wrong
// whatever the other answers will be (the ids are checked before the wizard
// starts: newCmd.checkValues).
func (w *wizard) precheck() error {
	o := w.opts
	if w.given(flagName) {
		if err := generator.ValidateName(o.Name); err != nil {
			return err
		}
	}
	if err := generator.ValidateOwner(o.Owner); err != nil {
		return err
	}
	if err := generator.ValidateEmail(o.AuthorEmail); err != nil {
		return err
	}
	// A folder given (or named by --name) is checked now, not after every
	// question; a name typed in the wizard is checked as it is typed.
	if dir := w.destination(o.Name); dir != "" && (w.dirGiven() || w.given(flagName)) && !o.DryRun {
		return generator.CheckDestination(dir, o.Force)
	}
	return nil
}

// destination is the folder the project named name goes to.
func (w *wizard) destination(name string) string {
	if w.dirGiven() && !w.dirFromName {
		return w.opts.Dir
	}
	return filepath.Clean(name)
}

// validateName checks a typed project name and, unless this is a dry run,
// that its folder can take the project: a folder that exists and is not
// empty is refused here, so the learner types another name at once.
func (w *wizard) validateName(name string) error {
	if err := generator.ValidateName(name); err != nil {
		return err
	}
	if w.opts.DryRun {
		return nil
	}
	dir := w.destination(name)
	err := generator.CheckDestination(dir, w.opts.Force)
	if errors.Is(err, generator.ErrNotEmpty) {
		return fmt.Errorf("the folder %s already exists and is not empty: choose another name (or start again with --force to write into it)", dir)
	}
	return err
}

// dirGiven: a DIR argument names the project, so the name is not asked.
func (w *wizard) dirGiven() bool { return w.opts.Dir != "" }

// check validates an answer that came from a flag, as soon as the answers it
// depends on are known.
func (w *wizard) check(flag string) error {
	o := w.opts
	switch flag {
	case flagName:
		return generator.ValidateName(o.Name)
	case flagLang, flagFramework, flagDB, flagAPI:
		// Check against the answers known so far, defaults for the rest.
		probe := *o
		switch slices.Index([]string{flagLang, flagFramework, flagDB, flagAPI}, flag) {
		case 0:
			probe.Framework = ""
			fallthrough
		case 1:
			probe.Database = ""
			fallthrough
		case 2:
			probe.API = ""
		}
		probe.ApplyDefaults(w.cat)
		_, err := probe.Blueprint(w.cat)
		return err
	case flagModel:
		// The model itself was checked when it was read; here, whether the
		// chosen blueprint takes it. Owner and author are not asked yet, so
		// Validate can only complain about the model.
		probe := *o
		probe.Git, probe.Owner, probe.Module, probe.AuthorEmail = false, "", "", ""
		probe.ApplyDefaults(w.cat)
		return probe.Validate(w.cat)
	case flagOwner:
		return generator.ValidateOwner(o.Owner)
	case flagAuthorEmail:
		return generator.ValidateEmail(o.AuthorEmail)
	}
	return nil
}

func (w *wizard) askName() error {
	def := "my-api"
	if w.opts.Name != "" {
		def = w.opts.Name
	}
	name, err := w.p.Input("Project name", def,
		"Becomes the folder, the repository and the package name. Letters, digits, - and _.",
		w.validateName)
	if err != nil {
		return err
	}
	w.opts.Name = name
	if w.opts.Dir == "" || w.dirFromName {
		w.opts.Dir, w.dirFromName = filepath.Clean(name), true
	}
	return nil
}

func (w *wizard) askLanguage() error {
	langs := w.cat.LanguagesWithBlueprints()
	titles := make([]string, len(langs))
	def := 0
	for i, l := range langs {
		titles[i] = l.Title
		if l.ID == generator.DefaultLanguage {
			def = i
		}
	}
	i, err := w.p.Select("Language", titles, def, "The programming language of your project.")
	if err != nil {
		return err
	}
	w.opts.Language = langs[i].ID
	return nil
}

func (w *wizard) askFramework() error {
	fws := w.cat.Frameworks(w.opts.Language)
	labels := make([]string, len(fws))
	for i, bp := range fws {
		labels[i] = bp.Title
		if bp.Description != "" {
			labels[i] += " — " + bp.Description
		}
	}
	i, err := w.p.Select("Framework", labels, 0, "Only frameworks of the chosen language are listed.")
	if err != nil {
		return err
	}
	w.opts.Framework = fws[i].Framework
	return nil
}

func (w *wizard) blueprint() generator.Blueprint {
	bp, _ := w.cat.Blueprint(w.opts.Language, w.opts.Framework)
	return bp
}

func (w *wizard) askDatabase() error {
	bp := w.blueprint()
	labels := make([]string, len(bp.Databases))
	for i, id := range bp.Databases {
		db, _ := w.cat.Database(id)
		labels[i] = db.Title
		if db.ID == "sqlite" {
			labels[i] += " (embedded, nothing to install)"
		}
	}
	i, err := w.p.Select("Database", labels, 0, "Only databases this framework's blueprint supports are listed.")
	if err != nil {
		return err
	}
	w.opts.Database = bp.Databases[i]
	return nil
}

func (w *wizard) askAPI() error {
	bp := w.blueprint()
	labels := make([]string, len(bp.APIs))
	for i, id := range bp.APIs {
		api, _ := w.cat.API(id)
		labels[i] = api.Title
	}
	i, err := w.p.Select("API style", labels, 0, "REST serves JSON over HTTP; SOAP serves XML messages described by a WSDL.")
	if err != nil {
		return err
	}
	w.opts.API = bp.APIs[i]
	return nil
}

func (w *wizard) askOwner() error {
	owner, err := w.p.Input("GitHub owner (user or organisation, empty to set later)", w.opts.Owner,
		"Used for the repository URL, the README badges and the Git remote.", generator.ValidateOwner)
	if err != nil {
		return err
	}
	w.opts.Owner = owner
	return nil
}

func (w *wizard) askLicense() error {
	lics := w.cat.Licenses
	labels := make([]string, len(lics))
	def := 0
	for i, l := range lics {
		labels[i] = l.Title
		if l.ID == generator.DefaultLicense {
			def = i
		}
	}
	i, err := w.p.Select("Licence", labels, def, "MIT is short and permissive; choose none to keep all rights.")
	if err != nil {
		return err
	}
	w.opts.License = lics[i].ID
	return nil
}

func (w *wizard) askAuthorName() error {
	name, err := w.p.Input("Author name", w.opts.AuthorName, "Used for the licence and the first commit.", func(s string) error {
		if s == "" && w.opts.Git {
			return fmt.Errorf("the first commit needs an author name")
		}
		return nil
	})
	if err != nil {
		return err
	}
	w.opts.AuthorName = name
	return nil
}

func (w *wizard) askAuthorEmail() error {
	email, err := w.p.Input("Author e-mail", w.opts.AuthorEmail, "Used for the first commit.", func(s string) error {
		if s == "" && w.opts.Git {
			return fmt.Errorf("the first commit needs an author e-mail")
		}
		return generator.ValidateEmail(s)
	})
	if err != nil {
		return err
	}
	w.opts.AuthorEmail = email
	return nil
}
