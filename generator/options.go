package generator

import (
	"fmt"
	"net/mail"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/mod/module"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// Options are the answers a project is generated from. The wizard and the
// flags only fill this struct; Validate is the single gate.
type Options struct {
	Dir         string // destination folder
	Name        string // project name, e.g. demo-api
	Language    string
	Framework   string
	Database    string
	API         string
	Owner       string // GitHub user or organisation; may be empty
	Module      string // Go module path; defaults to github.com/<owner>/<name>
	License     string
	AuthorName  string
	AuthorEmail string
	Model       *model.Model // the learner's resources; model.Default() when nil
	Install     bool         // run the project's setup command before the first commit

	Git    bool // make a Git repository with a first commit
	Force  bool // write into an existing non-empty folder
	DryRun bool // render and list, write nothing
}

// Defaults for answers nobody gave.
const (
	DefaultLanguage = "go"
	DefaultLicense  = "MIT"
	maxNameLen      = 64
)

var (
	projectNameRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)
	// ownerRe is a GitHub login: letters and digits in runs joined by single
	// hyphens. The length is checked apart (maxOwnerLen): a counted repetition
	// such as {0,38} compiles to a program 38 times as long, which cost a
	// millisecond at every start.
	ownerRe = regexp.MustCompile(`^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$`)
)

// maxOwnerLen is the longest GitHub user or organisation name.
const maxOwnerLen = 39

// ApplyDefaults fills what can be derived: the module path, the resource,
// the default framework/database/API style of a chosen language or
// framework. It never overrides an answer.
func (o *Options) ApplyDefaults(cat *Catalog) {
	o.Canonicalize(cat)
	if o.Language != "" && o.Framework == "" {
		if bp, ok := cat.DefaultFramework(o.Language); ok {
			o.Framework = bp.Framework
		}
	}
	if bp, ok := cat.Blueprint(o.Language, o.Framework); ok {
		if o.Database == "" {
			o.Database = bp.Databases[0]
		}
		if o.API == "" {
			o.API = bp.APIs[0]
		}
	}
	if o.License == "" {
		o.License = DefaultLicense
	}
	if o.Model == nil || len(o.Model.Resources) == 0 {
		o.Model = model.Default()
	}
	o.Model.Normalize()
	if o.Module == "" && o.Name != "" {
		o.Module = "github.com/" + o.RepoOwner() + "/" + o.Name
	}
	if o.Dir == "" {
		o.Dir = o.Name
	}
}

// RepoOwner is the GitHub owner, or a placeholder the README tells the user
// to replace when none was given.
func (o *Options) RepoOwner() string {
	if o.Owner == "" {
		return "your-github-user"
	}
	return o.Owner
}

// Validate checks every answer against the catalog and returns the first
// problem as one sentence a beginner can act on.
func (o *Options) Validate(cat *Catalog) error {
	if err := ValidateName(o.Name); err != nil {
		return err
	}
	if strings.TrimSpace(o.Dir) == "" {
		return fmt.Errorf("the destination folder is empty: pass a folder name, e.g. scaffold new %s", o.Name)
	}
	if _, err := o.Blueprint(cat); err != nil {
		return err
	}
	if err := ValidateOwner(o.Owner); err != nil {
		return err
	}
	if err := module.CheckPath(o.Module); err != nil {
		return fmt.Errorf("module path %q is not a valid Go module path (for example github.com/you/%s): %v", o.Module, o.Name, err)
	}
	if _, ok := cat.License(o.License); !ok {
		return UnknownValue("licence", o.License, "", cat.LicenseChoices())
	}
	if err := ValidateEmail(o.AuthorEmail); err != nil {
		return err
	}
	if strings.ContainsAny(o.AuthorName, "<>\n") {
		return fmt.Errorf("author name %q must not contain <, > or a line break", o.AuthorName)
	}
	if err := o.Model.Validate(); err != nil {
		return err
	}
	if bp, _ := o.Blueprint(cat); bp.Contract != ContractV2 && !o.Model.IsDefaultShape() {
		return fmt.Errorf("%s does not take a custom model yet (it serves one resource with the fields title and done); use --resource NAME alone, or a blueprint that does: %s", bp.Name, strings.Join(cat.ModelBlueprints(), ", "))
	}
	if o.Git && (o.AuthorName == "" || o.AuthorEmail == "") {
		return ErrNoIdentity
	}
	return nil
}

// ErrNoIdentity means a commit was asked for but nobody said who makes it.
var ErrNoIdentity = fmt.Errorf("no Git identity found: pass --author-name and --author-email, or run git config --global user.name \"Your Name\" and git config --global user.email you@example.com (or use --no-git)")

// ValidateName checks a project name: it becomes a folder, a repository, a
// package and an identifier in every language.
func ValidateName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("the project name is empty: give a name such as my-api")
	case len(name) > maxNameLen:
		return fmt.Errorf("the project name %q is %d characters long; use at most %d", name, len(name), maxNameLen)
	case strings.ContainsAny(name, `/\`) || name == "." || name == ".." || filepath.IsAbs(name):
		return fmt.Errorf("the project name %q looks like a path; give a plain name such as my-api and put the folder as the argument: scaffold new path/to/my-api", name)
	case !projectNameRe.MatchString(name):
		return fmt.Errorf("the project name %q must start with a letter and use only letters, digits, - and _ (for example my-api)", name)
	case strings.HasSuffix(name, "-") || strings.HasSuffix(name, "_"):
		return fmt.Errorf("the project name %q must not end with - or _", name)
	}
	return nil
}

// ValidateOwner checks a GitHub user or organisation name; empty is allowed.
func ValidateOwner(owner string) error {
	if owner != "" && (len(owner) > maxOwnerLen || !ownerRe.MatchString(owner)) {
		return fmt.Errorf("GitHub owner %q is not a valid GitHub user or organisation name (letters, digits and single hyphens, at most 39 characters)", owner)
	}
	return nil
}

// ValidateEmail checks an e-mail address; empty is allowed.
func ValidateEmail(email string) error {
	if email == "" {
		return nil
	}
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
		return fmt.Errorf("author e-mail %q is not an e-mail address such as you@example.com", email)
	}
	return nil
}

// Blueprint resolves language, framework, database and API style to a
// blueprint, or explains what is valid instead.
func (o *Options) Blueprint(cat *Catalog) (Blueprint, error) {
	if _, ok := cat.Language(o.Language); !ok || len(cat.Frameworks(o.Language)) == 0 {
		return Blueprint{}, UnknownValue("language", o.Language, "", cat.LanguageChoices())
	}
	bp, ok := cat.Blueprint(o.Language, o.Framework)
	if !ok {
		context := " for " + o.Language
		for _, b := range cat.Blueprints {
			if b.Framework == o.Framework {
				context += fmt.Sprintf(" (%s is a %s framework)", o.Framework, b.Language)
				break
			}
		}
		return Blueprint{}, UnknownValue("framework", o.Framework, context, cat.FrameworkChoices(o.Language))
	}
	if _, known := cat.Database(o.Database); !known {
		return Blueprint{}, UnknownValue("database", o.Database, "", cat.DatabaseChoices(bp.Databases))
	}
	if !slices.Contains(bp.Databases, o.Database) {
		return Blueprint{}, fmt.Errorf("%s does not support database %q%s: choose one of %s", bp.Name, o.Database, reason(bp.UnsupportedReason(o.Database, "")), strings.Join(bp.Databases, ", "))
	}
	if _, known := cat.API(o.API); !known {
		return Blueprint{}, UnknownValue("API style", o.API, "", cat.APIChoices(bp.APIs))
	}
	if !slices.Contains(bp.APIs, o.API) {
		return Blueprint{}, fmt.Errorf("%s does not support API style %q%s: choose one of %s", bp.Name, o.API, reason(bp.UnsupportedReason("", o.API)), strings.Join(bp.APIs, ", "))
	}
	return bp, nil
}

func reason(r string) string {
	if r == "" {
		return ""
	}
	return " (" + r + ")"
}
