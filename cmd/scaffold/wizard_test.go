package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scaffold-dev/scaffold/generator/gitrepo"
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
	// rejectMsg, when set, must be in each refusal's message exactly once.
	rejectMsg string
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
		if validate == nil {
			s.t.Errorf("%q has no validation to refuse %q", question, bad)
			continue
		}
		err := validate(bad)
		switch {
		case err == nil:
			s.t.Errorf("%q accepted %q", question, bad)
		case a.rejectMsg != "" && strings.Count(err.Error(), a.rejectMsg) != 1:
			s.t.Errorf("%q refused %q with %q, want %q once", question, bad, err, a.rejectMsg)
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
		{question: "Create the project?", choice: "Create it"},
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
		{question: "Create the project?", choice: "Create it"},
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
	for i, q := range []string{"Language", "Framework", "Database", "API style", "What will your API manage?", "GitHub owner", "Licence", "Author name", "Author e-mail", "Install the dependencies now?", "Create the project?"} {
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
				{question: "Create the project?", choice: "Create it"},
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

// allButName are flags that answer every question but the project name.
var allButName = []string{"--lang", "go", "--framework", "chi", "--db", "sqlite", "--api", "rest", "--resource", "task",
	"--owner", "octocat", "--license", "MIT", "--author-name", "Ada Lovelace", "--author-email", "ada@example.com", "--no-install"}

// TestWizardNameRefusesTakenFolder: a name whose folder exists and is not
// empty is refused at the name question, with the reason said once, and
// another name is asked; an empty folder is fine.
func TestWizardNameRefusesTakenFolder(t *testing.T) {
	parent := t.TempDir()
	t.Chdir(parent)
	for _, dir := range []string{"taken", "empty"} {
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join("taken", "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := &scripted{t: t, answers: []answer{
		{question: "Project name", text: "empty", reject: []string{"taken"}, rejectMsg: "already exists and is not empty"},
		{question: "Create the project?", choice: "Create it"},
	}}
	r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: p, pinned: true}, append([]string{"new"}, allButName...)...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	p.done()
	readAnswers(t, filepath.Join(parent, "empty"))
	if b, _ := os.ReadFile(filepath.Join("taken", "notes.txt")); string(b) != "mine" {
		t.Error("the taken folder was touched")
	}
}

// TestWizardTakenFolderArgument: a DIR argument that is taken fails before
// the first question, in one line.
func TestWizardTakenFolderArgument(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dir := filepath.Join(parent, "taken")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: &scripted{t: t}}, "new", dir)
	if r.code != 1 || r.stderr != "scaffold: "+dir+" already exists and is not empty: choose another folder, or pass --force to write into it\n" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestWizardSummary: after the last question the wizard shows every answer
// and the model, then creates, changes an answer (asking again what the
// change made impossible) or cancels.
func TestWizardSummary(t *testing.T) {
	questions := []answer{
		{question: "Project name", text: "shop"},
		{question: "Language", choice: "Go"},
		{question: "Framework", choice: "chi"},
		{question: "Database", choice: "SQLite"},
		{question: "API style", choice: "REST"},
		{question: "What will your API manage?", choice: "Tasks"},
		{question: "GitHub owner", text: "octocat"},
		{question: "Licence", choice: "MIT"},
		{question: "Author name", text: "Ada Lovelace"},
		{question: "Author e-mail", text: "ada@example.com"},
		{question: "Install the dependencies now?", choice: "No"},
	}
	tests := []struct {
		name     string
		end      []answer
		wantCode int
		wantDir  string   // the folder written; "" = none
		want     []string // in .scaffold.yaml
	}{
		{"create", []answer{{question: "Create the project?", choice: "Create it", wantDef: "Create it"}}, 0, "shop", []string{"blueprint: go-chi"}},
		{"cancel", []answer{{question: "Create the project?", choice: "Cancel"}}, 1, "", nil},
		{"change the language", []answer{
			{question: "Create the project?", choice: "Change an answer"},
			{question: "Which answer do you want to change?", choice: "Language: Go"},
			{question: "Language", choice: "Python"},
			{question: "Framework", choice: "Flask"}, // chi is not a Python framework
			{question: "Create the project?", choice: "Create it"},
		}, 0, "shop", []string{"blueprint: python-flask", "database: sqlite", "api: rest"}},
		{"change the name", []answer{
			{question: "Create the project?", choice: "Change an answer"},
			{question: "Which answer do you want to change?", choice: "Project name: shop"},
			{question: "Project name", text: "store", wantDef: "shop"},
			{question: "Create the project?", choice: "Create it"},
		}, 0, "store", []string{"name: store"}},
		{"change the e-mail", []answer{
			{question: "Create the project?", choice: "Change an answer"},
			{question: "Which answer do you want to change?", choice: "Author e-mail: ada@example.com"},
			{question: "Author e-mail", text: "ada@lovelace.dev", reject: []string{"ada"}},
			{question: "Create the project?", choice: "Create it"},
		}, 0, "shop", []string{"author_email: ada@lovelace.dev"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			t.Chdir(parent)
			p := &scripted{t: t, answers: append(append([]answer(nil), questions...), tt.end...)}
			r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: p, pinned: true}, "new")
			if r.code != tt.wantCode {
				t.Fatalf("exit %d, want %d: %s", r.code, tt.wantCode, r.stderr)
			}
			p.done()
			for _, want := range []string{"Your project:\n", "  Project name              shop\n", "  Language  ", "  Data model  ", "  Author e-mail  ", "Your data model:", "title", "done"} {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("the summary lacks %q:\n%s", want, r.stdout)
				}
			}
			entries, _ := os.ReadDir(parent)
			if tt.wantDir == "" {
				if len(entries) != 0 || r.stderr != "scaffold: cancelled; nothing was written\n" {
					t.Errorf("wrote %v, stderr %q", entries, r.stderr)
				}
				return
			}
			if len(entries) != 1 || entries[0].Name() != tt.wantDir {
				t.Fatalf("wrote %v, want only %s", entries, tt.wantDir)
			}
			answers := readAnswers(t, filepath.Join(parent, tt.wantDir))
			for _, want := range tt.want {
				if !strings.Contains(answers, want) {
					t.Errorf(".scaffold.yaml lacks %q:\n%s", want, answers)
				}
			}
		})
	}
}

// TestWizardSavesGitIdentity: without a global Git identity the wizard asks
// for name and e-mail, then whether to save them as git config --global
// would; yes writes them there after the project is made, no prints the two
// commands, and Cancel writes nothing. Without a terminal, scaffold prints
// the commands and never writes.
func TestWizardSavesGitIdentity(t *testing.T) {
	t.Parallel()
	upToAuthor := []answer{
		{question: "Language", choice: "Go"},
		{question: "Framework", choice: "chi"},
		{question: "Database", choice: "SQLite"},
		{question: "API style", choice: "REST"},
		{question: "What will your API manage?", choice: "Tasks"},
		{question: "GitHub owner", text: ""},
		{question: "Licence", choice: "MIT"},
		{question: "Author name", text: "Ada Lovelace", wantDef: ""},
		{question: "Author e-mail", text: "ada@example.com"},
	}
	tests := []struct {
		name      string
		identity  gitrepo.Identity // the global one
		tty       bool
		end       []answer
		args      []string
		wantSaved string // in the config file afterwards; "" = no file
		wantOut   []string
	}{
		{"yes", gitrepo.Identity{}, true, []answer{
			{question: "Save your name and e-mail as your Git identity", choice: "Yes", wantDef: "Yes, save them in "},
			{question: "Install the dependencies now?", choice: "No"},
			{question: "Create the project?", choice: "Create it"},
		}, nil, "[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n", []string{"Saved your Git identity in "}},
		{"only the e-mail is missing", gitrepo.Identity{Name: "Ada Lovelace"}, true, []answer{
			{question: "Save your name and e-mail as your Git identity", choice: "Yes"},
			{question: "Install the dependencies now?", choice: "No"},
			{question: "Create the project?", choice: "Create it"},
		}, nil, "[user]\n\temail = ada@example.com\n", []string{"Saved your Git identity in "}},
		{"no", gitrepo.Identity{}, true, []answer{
			{question: "Save your name and e-mail as your Git identity", choice: "No"},
			{question: "Install the dependencies now?", choice: "No"},
			{question: "Create the project?", choice: "Create it"},
		}, nil, "", []string{"your own next git commit will fail", "  git config --global user.name 'Ada Lovelace'\n  git config --global user.email ada@example.com\n"}},
		{"cancel", gitrepo.Identity{}, true, []answer{
			{question: "Save your name and e-mail as your Git identity", choice: "Yes"},
			{question: "Install the dependencies now?", choice: "No"},
			{question: "Create the project?", choice: "Cancel"},
		}, nil, "", nil},
		{"no terminal", gitrepo.Identity{}, false, nil, []string{"--yes", "--author-name", "Ada Lovelace", "--author-email", "ada@example.com"},
			"", []string{"  git config --global user.name 'Ada Lovelace'\n  git config --global user.email ada@example.com\n"}},
		{"no git", gitrepo.Identity{}, false, nil, []string{"--yes", "--no-git"}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			parent := t.TempDir()
			config := filepath.Join(parent, "home", ".gitconfig")
			var p *scripted
			cfg := runConfig{tty: tt.tty, identity: tt.identity, pinned: true, gitConfig: config, lookPath: notFound}
			if tt.tty {
				p = &scripted{t: t, answers: append(append([]answer(nil), upToAuthor...), tt.end...)}
				cfg.prompter = p
			}
			r := runScaffold(t, cfg, append([]string{"new", filepath.Join(parent, "demo")}, tt.args...)...)
			if p != nil {
				p.done()
			}
			if tt.name == "cancel" {
				if r.code != 1 {
					t.Errorf("exit %d", r.code)
				}
			} else if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			saved, err := os.ReadFile(config)
			if tt.wantSaved == "" && err == nil {
				t.Errorf("the global Git configuration was written:\n%s", saved)
			}
			if tt.wantSaved != "" && string(saved) != tt.wantSaved {
				t.Errorf("the global Git configuration is %q (%v), want %q", saved, err, tt.wantSaved)
			}
			for _, want := range tt.wantOut {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
				}
			}
			if tt.wantOut == nil && strings.Contains(r.stdout, "git config --global") {
				t.Errorf("stdout has the commands:\n%s", r.stdout)
			}
		})
	}
}
