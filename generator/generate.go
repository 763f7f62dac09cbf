package generator

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/scaffold-dev/scaffold/generator/gitrepo"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// CommitMessage is the message of the first commit of every project.
const CommitMessage = "Initial commit from scaffold"

// Generator turns Options into a project on disk. The flow goes one way:
// validate → render, each file written into a temp folder (and its Git blob
// made) as soon as it is rendered → git commit there → move into place. Nothing appears at the destination unless
// every step before the move succeeded. With Options.Install the end differs
// (install.go): move into place → the project's setup → git commit.
type Generator struct {
	Catalog *Catalog
	Version string           // scaffold's version, recorded in .scaffold.yaml
	Now     func() time.Time // clock for the licence year and the commit; time.Now when nil
	// Installer runs the project's setup command when Options.Install is
	// set (install.go); nil runs it with the process's PATH, silently.
	Installer *Installer
}

// Plan is a rendered project, not yet written.
type Plan struct {
	Options   Options
	Blueprint Blueprint
	Data      Data
	Files     []File
}

// Result is a written project.
type Result struct {
	*Plan
	Dir    string
	Commit string // hash of the first commit; empty with --no-git
	// Install is what the install step did; nil when it was not asked for.
	Install *InstallReport
}

func (g *Generator) now() time.Time {
	if g.Now != nil {
		return g.Now()
	}
	return time.Now()
}

// Plan validates the options and renders the project in memory.
func (g *Generator) Plan(o Options) (*Plan, error) {
	o, bp, data, err := g.resolve(o)
	if err != nil {
		return nil, err
	}
	return g.render(o, bp, data, nil)
}

// resolve applies the defaults to o, validates it and finds its blueprint
// and template data.
func (g *Generator) resolve(o Options) (Options, Blueprint, Data, error) {
	o.ApplyDefaults(g.Catalog)
	if err := o.Validate(g.Catalog); err != nil {
		return o, Blueprint{}, Data{}, err
	}
	bp, err := o.Blueprint(g.Catalog)
	if err != nil {
		return o, Blueprint{}, Data{}, err
	}
	return o, bp, NewData(&o, g.Catalog, bp, g.Version, g.now()), nil
}

// render renders the project; emit, when not nil, is given each file as soon
// as it is rendered, on the rendering goroutines.
func (g *Generator) render(o Options, bp Blueprint, data Data, emit func(File) error) (*Plan, error) {
	// .scaffold.yaml comes from the answers alone: it is made, and written,
	// while the templates render.
	var answers File
	var answersErr error
	answersDone := make(chan struct{})
	go func() {
		defer close(answersDone)
		if answers, answersErr = answersFile(&o, bp, data); answersErr == nil && emit != nil {
			answersErr = emit(answers)
		}
	}()
	files, err := render(g.Catalog, bp, data, emit)
	<-answersDone // on every return: nothing is written after it
	if err != nil {
		return nil, err
	}
	if answersErr != nil {
		return nil, answersErr
	}
	files = append(files, answers)
	return &Plan{Options: o, Blueprint: bp, Data: data, Files: files}, nil
}

// Generate renders the project and writes it to o.Dir, with a first commit
// unless o.Git is false. On any error nothing is left at the destination.
func (g *Generator) Generate(o Options) (*Result, error) {
	o, bp, data, err := g.resolve(o)
	if err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", o.Dir, err)
	}
	if err := checkDestination(dir, o.Force, false); err != nil {
		return nil, err
	}
	if o.Git && o.Force {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return nil, fmt.Errorf("%s is already a Git repository: pass --no-git to write the files without a new repository", o.Dir)
		}
	}
	// Each file is written into the staging folder, and its blob made, on
	// the goroutine that rendered it, while the others render. (After an
	// install step the commit reads the folder instead.)
	st, err := newStager(dir, o.Git && !o.Install)
	if err != nil {
		return nil, err
	}
	var repo *gitrepo.Skeleton // .git, made while the files are written
	if st.git {
		repo = gitrepo.Begin(st.root, g.commit(&o))
	}
	plan, err := g.render(o, bp, data, st.write)
	if err != nil {
		if repo != nil {
			repo.Abandon()
		}
		os.RemoveAll(st.root)
		return nil, err
	}
	res := &Result{Plan: plan, Dir: dir}
	if o.Install {
		// The setup runs in the project's own folder, then the commit.
		if err := g.placeInstallCommit(res, st.root); err != nil {
			return nil, err
		}
		return res, nil
	}
	if o.Git {
		res.Commit, err = repo.Commit(gitrepo.Prepare(st.files), g.commit(&o))
		if err != nil {
			os.RemoveAll(st.root)
			return nil, err
		}
	}
	if err := Place(st.root, dir); err != nil {
		os.RemoveAll(st.root)
		return nil, err
	}
	return res, nil
}

// commit is the first commit of the project o describes.
func (g *Generator) commit(o *Options) gitrepo.Commit {
	return gitrepo.Commit{
		AuthorName:  o.AuthorName,
		AuthorEmail: o.AuthorEmail,
		Message:     CommitMessage,
		Remote:      remoteURL(o),
		When:        g.now(),
	}
}

func remoteURL(o *Options) string {
	if o.Owner == "" {
		return ""
	}
	return "https://github.com/" + o.Owner + "/" + o.Name + ".git"
}

// AnswersFile is the name of the file that records how a project was made.
const AnswersFile = ".scaffold.yaml"

type answers struct {
	ScaffoldVersion string           `yaml:"scaffold_version"`
	Blueprint       string           `yaml:"blueprint"`
	Contract        string           `yaml:"contract"`
	Answers         answerFields     `yaml:"answers"`
	Resources       []model.Resource `yaml:"resources"`
}

type answerFields struct {
	Name        string `yaml:"name"`
	Language    string `yaml:"language"`
	Framework   string `yaml:"framework"`
	Database    string `yaml:"database"`
	API         string `yaml:"api"`
	Owner       string `yaml:"owner,omitempty"`
	Module      string `yaml:"module"`
	License     string `yaml:"license"`
	AuthorName  string `yaml:"author_name,omitempty"`
	AuthorEmail string `yaml:"author_email,omitempty"`
}

func answersFile(o *Options, bp Blueprint, d Data) (File, error) {
	a := answers{
		ScaffoldVersion: d.ScaffoldVersion,
		Blueprint:       bp.Name,
		Answers: answerFields{
			Name: o.Name, Language: o.Language, Framework: o.Framework,
			Database: o.Database, API: o.API, Owner: o.Owner, Module: o.Module,
			License: d.License.ID, AuthorName: o.AuthorName, AuthorEmail: o.AuthorEmail,
		},
		Contract:  bp.Contract,
		Resources: o.Model.Resources,
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	err := enc.Encode(a)
	out := buf.Bytes()
	if err != nil {
		return File{}, fmt.Errorf("write %s: %w", AnswersFile, err)
	}
	header := "# Written by scaffold (https://github.com/scaffold-dev/scaffold): the answers and\n" +
		"# the data model this project was made from. To start another project with the\n" +
		"# same model: scaffold new OTHER --model path/to/this/.scaffold.yaml\n"
	return File{Path: AnswersFile, Data: append([]byte(header), out...), Mode: 0o644}, nil
}
