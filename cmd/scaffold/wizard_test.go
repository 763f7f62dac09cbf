package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scripted is a Prompter that expects exactly the given questions, in order,
// and fails the test on any other question: a reordered or added question
// breaks a test.
type scripted struct {
	t       *testing.T
	answers []answer
	next    int
}

type answer struct {
	question string   // prefix of the question
	text     string   // for Input
	choice   string   // for Select: prefix of the option to pick
	wantDef  string   // the default the question should offer ("" = don't check)
	err      error    // returned instead of an answer
	reject   []string // for Input: texts its validation must refuse, tried first
}

func (s *scripted) take(question string) answer {
	s.t.Helper()
	if s.next >= len(s.answers) {
		s.t.Fatalf("unexpected question %q", question)
	}
	a := s.answers[s.next]
	s.next++
	if !strings.HasPrefix(question, a.question) {
		s.t.Fatalf("question %d = %q, want %q", s.next, question, a.question)
	}
	return a
}

func (s *scripted) Input(question, def, _ string, validate func(string) error) (string, error) {
	a := s.take(question)
	if a.wantDef != "" && def != a.wantDef {
		s.t.Errorf("%q offered %q, want %q", question, def, a.wantDef)
	}
	if a.err != nil {
		return "", a.err
	}
	for _, bad := range a.reject {
		if validate == nil || validate(bad) == nil {
			s.t.Errorf("%q accepted %q", question, bad)
		}
	}
	if validate != nil {
		if err := validate(a.text); err != nil {
			s.t.Fatalf("%q rejected %q: %v", question, a.text, err)
		}
	}
	return a.text, nil
}

func (s *scripted) Select(question string, options []string, def int, _ string) (int, error) {
	a := s.take(question)
	if a.wantDef != "" && !strings.HasPrefix(options[def], a.wantDef) {
		s.t.Errorf("%q offered %q, want %q", question, options[def], a.wantDef)
	}
	if a.err != nil {
		return 0, a.err
	}
	for i, o := range options {
		if strings.HasPrefix(o, a.choice) {
			return i, nil
		}
	}
	s.t.Fatalf("%q has no option %q in %q", question, a.choice, options)
	return 0, nil
}

func (s *scripted) done() {
	s.t.Helper()
	if s.next != len(s.answers) {
		s.t.Errorf("only %d of %d questions were asked", s.next, len(s.answers))
	}
}

// TestWizardAsksEverythingInOrder answers every question; it changes the
// working directory, so it does not run in parallel.
func TestWizardAsksEverythingInOrder(t *testing.T) {
	parent := t.TempDir()
	t.Chdir(parent)
	p := &scripted{t: t, answers: []answer{
		{question: "Project name", text: "shop", wantDef: "my-api"},
		{question: "Language", choice: "Go", wantDef: "Go"},
		{question: "Framework", choice: "chi", wantDef: "net/http"},
		{question: "Database", choice: "PostgreSQL", wantDef: "SQLite"},
		{question: "API style", choice: "SOAP", wantDef: "REST"},
		{question: "What will your API manage?", choice: "Tasks", wantDef: "Tasks"},
		{question: "GitHub owner", text: "octocat"},
		{question: "Licence", choice: "Apache", wantDef: "MIT"},
		{question: "Author name", text: "Grace Hopper", wantDef: "Ada Lovelace"},
		{question: "Author e-mail", text: "grace@example.com", wantDef: "ada@example.com"},
		{question: "Install the dependencies now?", choice: "No", wantDef: "Yes"},
	}}
	r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: p, pinned: true, lookPath: found}, "new")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	p.done()
	answers := readAnswers(t, filepath.Join(parent, "shop"))
	for _, want := range []string{"blueprint: go-chi", "database: postgres", "api: soap", "owner: octocat", "license: Apache-2.0", "author_name: Grace Hopper"} {
		if !strings.Contains(answers, want) {
			t.Errorf(".scaffold.yaml lacks %q", want)
		}
	}
	want := "scaffold new shop --lang go --framework chi --db postgres --api soap --owner octocat --license Apache-2.0 --author-name 'Grace Hopper' --author-email grace@example.com"
	if !strings.Contains(r.stdout, "Next time, skip the questions with:\n  "+want+"\n") {
		t.Errorf("equivalent command missing; want %q in:\n%s", want, r.stdout)
	}
}

func TestWizardSkipsQuestionsAnsweredByFlags(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "api")
	p := &scripted{t: t, answers: []answer{
		{question: "Language", choice: "Go"},
		{question: "Database", choice: "MongoDB"},
		{question: "API style", choice: "REST"},
		{question: "Licence", choice: "No licence"},
		{question: "Install the dependencies now?", choice: "No", wantDef: "No"},
	}}
	r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: p, pinned: true, lookPath: notFound}, "new", dir,
		"--framework", "gin", "--owner", "octocat", "--author-name", "Ada", "--author-email", "ada@example.com")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	p.done()
	answers := readAnswers(t, dir)
	for _, want := range []string{"blueprint: go-gin", "database: mongodb", "license: none"} {
		if !strings.Contains(answers, want) {
			t.Errorf(".scaffold.yaml lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "LICENSE")); !os.IsNotExist(err) {
		t.Errorf("licence none wrote a LICENSE: %v", err)
	}
	// gin is on contract v1 in the pinned catalog: no model question, one note.
	if n := strings.Count(r.stdout, "serves the default data model for now"); n != 1 {
		t.Errorf("the v1 note is printed %d times:\n%s", n, r.stdout)
	}
}

// found and notFound are LookPaths for the install question's default.
func found(file string) (string, error) { return "/usr/bin/" + file, nil }

func notFound(string) (string, error) { return "", os.ErrNotExist }

func TestWizardWrongFlagFailsBeforeAnyQuestion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--lang", "cobol"},
		{"--lang", "go", "--framework", "rails"},
		{"--lang", "go", "--db", "oracle"},
		{"--owner", "-bad-"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			parent := t.TempDir()
			p := &scripted{t: t}
			r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: p}, append([]string{"new", filepath.Join(parent, "x")}, args...)...)
			if r.code != 1 || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q", r.code, r.stderr)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 0 {
				t.Errorf("wrote %v", entries)
			}
		})
	}
}

func TestWizardCtrlC(t *testing.T) {
	t.Parallel()
	for i, q := range []string{"Language", "Framework", "Database", "API style", "What will your API manage?", "GitHub owner", "Licence", "Author name", "Author e-mail", "Install the dependencies now?"} {
		t.Run(q, func(t *testing.T) {
			t.Parallel()
			parent := t.TempDir()
			script := []answer{
				{question: "Language", choice: "Go"},
				{question: "Framework", choice: "net/http"},
				{question: "Database", choice: "SQLite"},
				{question: "API style", choice: "REST"},
				{question: "What will your API manage?", choice: "Tasks"},
				{question: "GitHub owner", text: ""},
				{question: "Licence", choice: "MIT"},
				{question: "Author name", text: "Ada"},
				{question: "Author e-mail", text: "ada@example.com"},
				{question: "Install the dependencies now?", choice: "No"},
			}[:i+1]
			script[i].err = errInterrupted
			p := &scripted{t: t, answers: script}
			r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: p, pinned: true}, "new", filepath.Join(parent, "demo"))
			if r.code != 130 {
				t.Errorf("exit %d, want 130", r.code)
			}
			if r.stderr != "scaffold: cancelled; nothing was written\n" {
				t.Errorf("stderr %q", r.stderr)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 0 {
				t.Errorf("wrote %v", entries)
			}
		})
	}
}
