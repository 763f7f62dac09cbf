package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/scaffold-dev/scaffold/generator"
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
}

func (w *wizard) run() error {
	o := w.opts
	if err := w.precheck(); err != nil {
		return err
	}
	steps := []struct {
		flag string
		ask  func() error
	}{
		{flagName, w.askName},
		{flagLang, w.askLanguage},
		{flagFramework, w.askFramework},
		{flagDB, w.askDatabase},
		{flagAPI, w.askAPI},
		{flagModel, w.askModel},
		{flagOwner, w.askOwner},
		{flagLicense, w.askLicense},
		{flagAuthorName, w.askAuthorName},
		{flagAuthorEmail, w.askAuthorEmail},
		{flagInstall, w.askInstall},
	}
	for _, s := range steps {
		if w.answered(s.flag) || (s.flag == flagName && o.Name != "" && w.dirGiven()) {
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
	return nil
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
// whatever the other answers will be.
func (w *wizard) precheck() error {
	o := w.opts
	known := func(flag, value, what string, list []string) error {
		if w.given(flag) && !slices.Contains(list, value) {
			return fmt.Errorf("unknown %s %q: choose one of %s", what, value, strings.Join(list, ", "))
		}
		return nil
	}
	if w.given(flagName) {
		if err := generator.ValidateName(o.Name); err != nil {
			return err
		}
	}
	for _, err := range []error{
		known(flagLang, o.Language, "language", choiceList(w.cat, "lang")),
		known(flagFramework, o.Framework, "framework", choiceList(w.cat, "framework")),
		known(flagDB, o.Database, "database", choiceList(w.cat, "db")),
		known(flagAPI, o.API, "API style", choiceList(w.cat, "api")),
		generator.ValidateOwner(o.Owner),
		generator.ValidateEmail(o.AuthorEmail),
	} {
		if err != nil {
			return err
		}
	}
	if w.given(flagLicense) {
		if _, ok := w.cat.License(o.License); !ok {
			return fmt.Errorf("unknown licence %q: choose one of %s", o.License, strings.Join(choiceList(w.cat, "license"), ", "))
		}
	}
	return nil
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
		generator.ValidateName)
	if err != nil {
		return err
	}
	w.opts.Name = name
	if w.opts.Dir == "" {
		w.opts.Dir = filepath.Clean(name)
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
