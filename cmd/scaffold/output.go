package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/scaffold-dev/scaffold/generator"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// style wraps text in ANSI codes when colour is allowed.
type style struct{ on bool }

func (s style) wrap(code, text string) string {
	if !s.on {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}
func (s style) bold(t string) string  { return s.wrap("1", t) }
func (s style) green(t string) string { return s.wrap("32", t) }
func (s style) dim(t string) string   { return s.wrap("2", t) }

func summary(p *generator.Plan) string {
	d := p.Data
	return fmt.Sprintf("%s · %s · %s · %s", d.Language.Title, d.Framework.Title, d.DB.Title, strings.ToUpper(d.API.ID))
}

func printNextSteps(s *Streams, res *generator.Result) {
	st := style{on: s.Color()}
	o := res.Plan.Options
	d := res.Plan.Data
	w := s.Out
	rel := displayPath(o.Dir)
	line := fmt.Sprintf("Created %s in %s (%s), %d files", o.Name, rel, summary(res.Plan), len(res.Plan.Files))
	if res.Commit != "" {
		line += ", first commit " + res.Commit[:7]
	}
	fmt.Fprintf(w, "\n%s %s\n\n", st.green("✔"), st.bold(line))

	fmt.Fprintln(w, st.bold("Next steps:"))
	steps := [][2]string{{"cd " + shellQuote(rel), ""}}
	if !res.Install.OK() {
		steps = append(steps, [2]string{d.Commands.Setup, "install the dependencies"})
	}
	if d.DB.ID != "sqlite" {
		steps = append(steps, [2]string{"export DATABASE_URL=" + shellQuote(d.DB.URL), fmt.Sprintf("a %s server must be running (or: docker compose up -d db)", d.DB.Title)})
	}
	steps = append(steps,
		[2]string{d.Commands.Run, fmt.Sprintf("start it on http://localhost:%d", d.Port)},
		[2]string{d.Commands.Test, "run the tests"},
	)
	printSteps(w, st, steps)

	fmt.Fprintln(w, st.bold("\nPut it on GitHub:"))
	switch {
	case res.Commit == "":
		fmt.Fprintln(w, "  Git was skipped (--no-git). Run git init, commit, and add a remote when you are ready.")
	case o.Owner == "":
		printSteps(w, st, [][2]string{
			{"", fmt.Sprintf("create an empty repository named %s on https://github.com/new", o.Name)},
			{"git remote add origin https://github.com/YOUR-USER/" + o.Name + ".git", ""},
			{"git push -u origin main", ""},
		})
	default:
		printSteps(w, st, [][2]string{
			{"", fmt.Sprintf("create an empty repository %s/%s on https://github.com/new", o.Owner, o.Name)},
			{"", "(no README, no licence: the project has them), then:"},
			{"git push -u origin main", "origin is " + d.RepoURL + ".git"},
		})
	}
	fmt.Fprintf(w, "\nThe README in %s explains the API, the tests and Docker.\n", rel)
}

func printSteps(w io.Writer, st style, steps [][2]string) {
	const long = 36 // longer commands get their comment on the line above
	width := 0
	for _, s := range steps {
		if len(s[0]) <= long {
			width = max(width, len(s[0]))
		}
	}
	for _, s := range steps {
		switch {
		case s[0] == "":
			fmt.Fprintf(w, "  %s\n", st.dim("# "+s[1]))
		case s[1] == "":
			fmt.Fprintf(w, "  %s\n", s[0])
		case len(s[0]) > long:
			fmt.Fprintf(w, "  %s\n  %s\n", st.dim("# "+s[1]), s[0])
		default:
			fmt.Fprintf(w, "  %-*s  %s\n", width, s[0], st.dim("# "+s[1]))
		}
	}
}

// displayPath shows a destination as the user gave it.
func displayPath(dir string) string { return filepath.Clean(dir) }

// printDryRun prints the tree of files a plan would write.
func printDryRun(s *Streams, p *generator.Plan) {
	w := s.Out
	fmt.Fprintf(w, "Would write %d files to %s (%s):\n\n", len(p.Files), displayPath(p.Options.Dir), summary(p))
	paths := make([]string, len(p.Files))
	for i, f := range p.Files {
		paths[i] = f.Path
	}
	fmt.Fprintln(w, filepath.Base(p.Options.Dir)+"/")
	printTree(w, paths)
	fmt.Fprintln(w, "\nNothing was written (--dry-run).")
}

type treeNode struct {
	children map[string]*treeNode
}

func printTree(w io.Writer, paths []string) {
	root := &treeNode{children: map[string]*treeNode{}}
	for _, p := range paths {
		n := root
		for _, part := range strings.Split(p, "/") {
			c, ok := n.children[part]
			if !ok {
				c = &treeNode{children: map[string]*treeNode{}}
				n.children[part] = c
			}
			n = c
		}
	}
	var walk func(n *treeNode, prefix string)
	walk = func(n *treeNode, prefix string) {
		names := make([]string, 0, len(n.children))
		for k := range n.children {
			names = append(names, k)
		}
		sort.Strings(names)
		for i, name := range names {
			c := n.children[name]
			branch, next := "├── ", "│   "
			if i == len(names)-1 {
				branch, next = "└── ", "    "
			}
			if len(c.children) > 0 {
				name += "/"
			}
			fmt.Fprintln(w, prefix+branch+name)
			walk(c, prefix+next)
		}
	}
	walk(root, "")
}

// equivalentCommand is the one-line command that gives the same answers
// without questions.
func equivalentCommand(o generator.Options) string {
	parts := []string{"scaffold", "new", shellQuote(o.Dir)}
	add := func(flag, v string) {
		if v != "" {
			parts = append(parts, "--"+flag, shellQuote(v))
		}
	}
	if filepath.Base(o.Dir) != o.Name {
		add(flagName, o.Name)
	}
	add(flagLang, o.Language)
	add(flagFramework, o.Framework)
	add(flagDB, o.Database)
	add(flagAPI, o.API)
	parts = append(parts, modelFlags(o)...)
	add(flagOwner, o.Owner)
	add(flagLicense, o.License)
	add(flagAuthorName, o.AuthorName)
	add(flagAuthorEmail, o.AuthorEmail)
	if !o.Git {
		parts = append(parts, "--no-git")
	}
	if o.Install {
		parts = append(parts, "--"+flagInstall)
	}
	return strings.Join(parts, " ")
}

// modelFlags give the model on the command line: nothing for the default
// model, a --resource per resource when the shorthand says it exactly, else
// --model pointing at the project's .scaffold.yaml, which records it.
func modelFlags(o generator.Options) []string {
	m := o.Model
	if m == nil || isDefaultModel(m) {
		return nil
	}
	var flags []string
	for _, r := range m.Resources {
		if one := (&model.Model{Resources: []model.Resource{r}}); one.IsDefaultShape() && r.Plural == model.Plural(r.Name) {
			flags = append(flags, "--"+flagResource, shellQuote(r.Name)) // the default fields
			continue
		}
		if !shorthandSays(r) {
			return []string{"--" + flagModel, shellQuote(filepath.Join(o.Dir, generator.AnswersFile))}
		}
		flags = append(flags, "--"+flagResource, shellQuote(r.Shorthand()))
	}
	return flags
}

// isDefaultModel: the model a project gets when none is given.
func isDefaultModel(m *model.Model) bool {
	def := model.Default()
	def.Normalize()
	return m.IsDefaultShape() && m.Resources[0].Name == def.Resources[0].Name && m.Resources[0].Plural == def.Resources[0].Plural
}

// shorthandSays reports whether r's one-line form reads back as r.
func shorthandSays(r model.Resource) bool {
	back, err := model.ParseShorthand(r.Shorthand())
	if err != nil {
		return false
	}
	a, b := &model.Model{Resources: []model.Resource{r}}, &model.Model{Resources: []model.Resource{back}}
	a.Normalize()
	b.Normalize()
	ya, errA := a.Marshal()
	yb, errB := b.Marshal()
	return errA == nil && errB == nil && bytes.Equal(ya, yb)
}

// shellQuote quotes s for a POSIX shell when it needs quoting.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:@=+,", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
