package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scaffold-dev/scaffold/generator"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// before are the answers up to the API style for net/http (v2 when pinned).
var before = []answer{
	{question: "Language", choice: "Go"},
	{question: "Framework", choice: "net/http"},
	{question: "Database", choice: "SQLite"},
	{question: "API style", choice: "REST"},
}

// after are the answers after the model question.
var after = []answer{
	{question: "GitHub owner", text: "octocat"},
	{question: "Licence", choice: "MIT"},
	{question: "Author name", text: "Ada Lovelace"},
	{question: "Author e-mail", text: "ada@example.com"},
	{question: "Install the dependencies now?", choice: "No"},
	{question: "Create the project?", choice: "Create it", wantDef: "Create it"},
}

func script(model ...answer) []answer {
	return append(append(append([]answer(nil), before...), model...), after...)
}

// nextTime is the command printed after the wizard.
func nextTime(t *testing.T, stdout string) string {
	t.Helper()
	_, cmd, ok := strings.Cut(stdout, "Next time, skip the questions with:\n  ")
	if !ok {
		t.Fatalf("no equivalent command in:\n%s", stdout)
	}
	cmd, _, _ = strings.Cut(cmd, "\n")
	return cmd
}

// rerun runs the printed command again, into a folder of the same name in
// another parent, and returns that folder.
func rerun(t *testing.T, command, dir string) string {
	t.Helper()
	args := shellSplit(t, command)
	if len(args) < 3 || args[0] != "scaffold" || args[1] != "new" || args[2] != dir {
		t.Fatalf("unexpected command %q", command)
	}
	again := filepath.Join(t.TempDir(), filepath.Base(dir))
	args[2] = again
	r := runScaffold(t, runConfig{identity: ada, pinned: true}, args[1:]...)
	if r.code != 0 {
		t.Fatalf("the printed command failed: exit %d: %s", r.code, r.stderr)
	}
	return again
}

// shellSplit splits a command line the way a POSIX shell does for the
// quoting shellQuote writes: words, and '…' with '\” inside.
func shellSplit(t *testing.T, s string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	inWord, quoted := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quoted && c == '\'':
			quoted = false
		case quoted:
			cur.WriteByte(c)
		case c == '\'':
			quoted, inWord = true, true
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
			inWord = true
		case c == ' ':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if quoted {
		t.Fatalf("unterminated quote in %q", s)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

func sameAnswers(t *testing.T, dirA, dirB string) {
	t.Helper()
	a, b := readAnswers(t, dirA), readAnswers(t, dirB)
	if a != b {
		t.Errorf(".scaffold.yaml differs:\n--- %s\n%s\n--- %s\n%s", dirA, a, dirB, b)
	}
}

// TestWizardPresets: every ready model is offered, written to .scaffold.yaml,
// and the printed command says it with --resource and reproduces the file.
func TestWizardPresets(t *testing.T) {
	t.Parallel()
	presets, err := model.Presets()
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range presets {
		t.Run(p.ID, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "api")
			def := ""
			if i == 0 {
				def = presets[0].Title // tasks is the default
			}
			s := &scripted{t: t, answers: script(answer{question: "What will your API manage?", choice: p.Title, wantDef: def})}
			r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: s, pinned: true}, "new", dir)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			s.done()
			answers := readAnswers(t, dir)
			for _, res := range p.Model.Resources {
				if !strings.Contains(answers, "- name: "+res.Name+"\n") {
					t.Errorf(".scaffold.yaml lacks resource %s:\n%s", res.Name, answers)
				}
			}
			cmd := nextTime(t, r.stdout)
			if got, want := strings.Count(cmd, "--resource "), len(p.Model.Resources); p.ID != "tasks" && got != want {
				t.Errorf("%d --resource flags, want %d: %s", got, want, cmd)
			}
			if p.ID == "tasks" && strings.Contains(cmd, "--resource") {
				t.Errorf("the default model needs no flag: %s", cmd)
			}
			sameAnswers(t, dir, rerun(t, cmd, dir))
		})
	}
}

// TestWizardOwnModel builds a model of two resources field by field, goes
// back to fix a field and deletes another in the summary, and checks that
// the --resource shorthand of the same model writes the same .scaffold.yaml.
func TestWizardOwnModel(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "shelf")
	s := &scripted{t: t, answers: script(
		answer{question: "What will your API manage?", choice: "My own"},
		answer{question: "Resource name", text: "book", reject: []string{"", "Book", "class", "2books"}},
		// book.title
		answer{question: "Field name", text: "title", reject: []string{"id", "created_at", "limit", "order", "Title"}},
		answer{question: "Type of title", choice: "string"},
		answer{question: "Is title required?", choice: "Yes", wantDef: "No"},
		answer{question: "Smallest length", text: "1", reject: []string{"abc", "-1"}},
		answer{question: "Largest length", text: "120", wantDef: "200", reject: []string{"0", "5000"}},
		answer{question: "Must every title be unique?", choice: "No"},
		answer{question: "Another field for book?", choice: "Add another field", wantDef: "Add another field"},
		// book.pages, fixed below
		answer{question: "Field name", text: "pages", reject: []string{"title"}},
		answer{question: "Type of pages", choice: "int"},
		answer{question: "Is pages required?", choice: "No"},
		answer{question: "Smallest value of pages", text: "10"},
		answer{question: "Largest value of pages", text: "", reject: []string{"5"}},
		answer{question: "Default of pages", text: "", reject: []string{"abc", "5", "1.5"}},
		answer{question: "Must every pages be unique?", choice: "No"},
		answer{question: "Another field for book?", choice: "Add another field"},
		// book.status
		answer{question: "Field name", text: "status"},
		answer{question: "Type of status", choice: "enum"},
		answer{question: "Is status required?", choice: "No"},
		answer{question: "Values of status", text: "wishlist|reading|read", reject: []string{"", "a|a", "Read"}},
		answer{question: "Default of status", text: "wishlist", reject: []string{"lost"}},
		answer{question: "Another field for book?", choice: "Done with book"},
		answer{question: "Another resource?", choice: "Add another resource", wantDef: "Done"},
		// author
		answer{question: "Resource name", text: "author", reject: []string{"book", "books"}},
		answer{question: "Field name", text: "name"},
		answer{question: "Type of name", choice: "string"},
		answer{question: "Is name required?", choice: "Yes"},
		answer{question: "Smallest length", text: ""},
		answer{question: "Largest length", text: "80"},
		answer{question: "Must every name be unique?", choice: "Yes"},
		answer{question: "Another field for author?", choice: "Add another field"},
		answer{question: "Field name", text: "born_on"},
		answer{question: "Type of born_on", choice: "date"},
		answer{question: "Is born_on required?", choice: "No"},
		answer{question: "Default of born_on", text: "", reject: []string{"yesterday", "2024-13-01"}},
		answer{question: "Must every born_on be unique?", choice: "No"},
		answer{question: "Another field for author?", choice: "Done"},
		answer{question: "Another resource?", choice: "Done"},
		// the summary: go back and fix book.pages
		answer{question: "Is this your model?", choice: "Change a field", wantDef: "Looks right"},
		answer{question: "Which field do you want to change?", choice: "book.pages"},
		answer{question: "Field name", text: "page_count", wantDef: "pages", reject: []string{"title"}},
		answer{question: "Type of page_count", choice: "int", wantDef: "int"},
		answer{question: "Is page_count required?", choice: "Yes", wantDef: "No"},
		answer{question: "Smallest value of page_count", text: "1", wantDef: "10"},
		answer{question: "Largest value of page_count", text: "5000"},
		answer{question: "Must every page_count be unique?", choice: "No"},
		// then delete author.born_on
		answer{question: "Is this your model?", choice: "Delete a field"},
		answer{question: "Which field do you want to delete?", choice: "author.born_on"},
		answer{question: "Is this your model?", choice: "Looks right"},
	)}
	r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: s, pinned: true}, "new", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	s.done()
	for _, want := range []string{"Your data model:", "book (/api/v1/books)", "FIELD", "page_count", "1 to 5000", "born_on", "id, created_at and updated_at"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the summary lacks %q:\n%s", want, r.stdout)
		}
	}
	book := "book: title:string(1..120)!, page_count:int(1..5000)!, status:enum(wishlist|reading|read)=wishlist"
	author := "author: name:string(..80)! unique"
	cmd := nextTime(t, r.stdout)
	if !strings.Contains(cmd, "--resource "+shellQuote(book)+" --resource "+shellQuote(author)) {
		t.Errorf("the printed command does not give the model as --resource flags:\n%s", cmd)
	}
	sameAnswers(t, dir, rerun(t, cmd, dir))

	// The shorthand, typed by hand, makes the same file.
	byHand := filepath.Join(t.TempDir(), "shelf")
	h := runScaffold(t, runConfig{identity: ada, pinned: true}, "new", byHand, "--lang", "go", "--framework", "nethttp", "--db", "sqlite",
		"--api", "rest", "--owner", "octocat", "--author-name", "Ada Lovelace", "--author-email", "ada@example.com", "--resource", book, "--resource", author)
	if h.code != 0 {
		t.Fatalf("exit %d: %s", h.code, h.stderr)
	}
	sameAnswers(t, dir, byHand)
	answers := readAnswers(t, dir)
	if strings.Contains(answers, "born_on") || strings.Contains(answers, "name: pages") {
		t.Errorf("the deleted or renamed field is still there:\n%s", answers)
	}
}

// TestWizardDeleteLastField: deleting the only field of the only resource
// starts the model again instead of writing an empty one.
func TestWizardDeleteLastField(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "notes")
	one := func(res, field string) []answer {
		return []answer{
			{question: "Resource name", text: res},
			{question: "Field name", text: field},
			{question: "Type of " + field, choice: "text"},
			{question: "Is " + field + " required?", choice: "No"},
			{question: "Smallest length", text: ""},
			{question: "Largest length", text: "", wantDef: ""},
			{question: "Default of " + field, text: ""},
			{question: "Another field for " + res + "?", choice: "Done"},
		}
	}
	steps := []answer{{question: "What will your API manage?", choice: "My own"}}
	steps = append(steps, one("note", "body")...)
	steps = append(steps,
		answer{question: "Another resource?", choice: "Done"},
		answer{question: "Is this your model?", choice: "Delete a field"},
		answer{question: "Which field do you want to delete?", choice: "note.body"})
	steps = append(steps, one("memo", "content")...)
	steps = append(steps, answer{question: "Is this your model?", choice: "Looks right"})
	s := &scripted{t: t, answers: script(steps...)}
	r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: s, pinned: true}, "new", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	s.done()
	if answers := readAnswers(t, dir); !strings.Contains(answers, "- name: memo\n") || strings.Contains(answers, "- name: note\n") {
		t.Errorf(".scaffold.yaml:\n%s", answers)
	}
	if !strings.Contains(r.stdout, "The model is empty now") {
		t.Errorf("no word about the emptied model:\n%s", r.stdout)
	}
}

func TestWizardModelCtrlC(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	s := &scripted{t: t, answers: append(append([]answer(nil), before...),
		answer{question: "What will your API manage?", choice: "My own"},
		answer{question: "Resource name", text: "book"},
		answer{question: "Field name", text: "title"},
		answer{question: "Type of title", err: errInterrupted})}
	r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: s, pinned: true}, "new", filepath.Join(parent, "demo"))
	if r.code != exitInterrupt || r.stderr != "scaffold: cancelled; nothing was written\n" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("wrote %v", entries)
	}
}

// TestWizardModelFromFlags: a model given by a flag skips the question, and
// one a v1 blueprint cannot take fails as soon as the blueprint is known.
func TestWizardModelFromFlags(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "shelf")
	s := &scripted{t: t, answers: append(append([]answer(nil), before...), after...)}
	r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: s, pinned: true}, "new", dir, "--resource", "book: title:string!")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	s.done()
	if !strings.Contains(nextTime(t, r.stdout), "--resource 'book: title:string!'") {
		t.Errorf("the model flag is not in the printed command:\n%s", r.stdout)
	}

	parent := t.TempDir()
	s = &scripted{t: t, answers: []answer{
		{question: "Language", choice: "Go"},
		{question: "Framework", choice: "Gin"},
		{question: "Database", choice: "SQLite"},
		{question: "API style", choice: "REST"},
	}}
	r = runScaffold(t, runConfig{tty: true, identity: ada, prompter: s, pinned: true}, "new", filepath.Join(parent, "x"), "--resource", "book: title:string!")
	if r.code != 1 || !strings.Contains(r.stderr, "does not take a custom model") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	s.done()
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("wrote %v", entries)
	}
}

// TestModelFlags: the rich model through --model, the same through
// --resource, through stdin, and through the first project's .scaffold.yaml
// all write the same .scaffold.yaml.
func TestModelFlags(t *testing.T) {
	t.Parallel()
	rich, err := os.ReadFile("../../testdata/models/rich.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse(rich)
	if err != nil {
		t.Fatal(err)
	}
	m.Normalize()
	var shorthand []string
	for _, r := range m.Resources {
		shorthand = append(shorthand, "--resource", r.Shorthand())
	}
	gen := func(cfg runConfig, extra ...string) string {
		t.Helper()
		dir := filepath.Join(t.TempDir(), "shelf")
		cfg.identity, cfg.pinned = ada, true
		r := runScaffold(t, cfg, append([]string{"new", dir, "--yes", "--no-git"}, extra...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", extra, r.code, r.stderr)
		}
		return dir
	}
	first := gen(runConfig{}, "--model", "../../testdata/models/rich.yaml")
	answers := readAnswers(t, first)
	for _, res := range m.Resources {
		if !strings.Contains(answers, "- name: "+res.Name+"\n") {
			t.Errorf(".scaffold.yaml lacks %s", res.Name)
		}
	}
	sameAnswers(t, first, gen(runConfig{}, shorthand...))
	sameAnswers(t, first, gen(runConfig{stdin: string(rich)}, "--model", "-"))
	sameAnswers(t, first, gen(runConfig{}, "--model", filepath.Join(first, generator.AnswersFile)))
}

func TestModelFlagsInCommand(t *testing.T) {
	t.Parallel()
	o := generator.Options{Dir: "shelf", Name: "shelf"}
	tests := []struct {
		name  string
		model *model.Model
		want  string
	}{
		{"default", model.Default(), ""},
		{"default fields, other name", &model.Model{Resources: []model.Resource{model.DefaultResource("gizmo")}}, "--resource gizmo"},
		{"shorthand", &model.Model{Resources: []model.Resource{{Name: "tag", Fields: []model.Field{{Name: "label", Type: model.String, Required: true}}}}}, "--resource 'tag: label:string!'"},
		{"own plural", &model.Model{Resources: []model.Resource{{Name: "person", Plural: "persons", Fields: []model.Field{{Name: "age", Type: model.Int}}}}}, "--resource 'person(persons): age:int'"},
		// values on a string is what the shorthand cannot say (and a
		// model Validate refuses): the command points at .scaffold.yaml.
		{"unsayable", &model.Model{Resources: []model.Resource{{Name: "tag", Fields: []model.Field{{Name: "label", Type: model.String, Values: []string{"a"}}}}}}, "--model shelf/.scaffold.yaml"},
	}
	for _, tt := range tests {
		o.Model = tt.model
		o.Model.Normalize()
		if got := strings.Join(modelFlags(o), " "); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestWizardAsksPluralWhenEnglishHasNone: sheep is its own plural, so the
// wizard asks for a distinct one.
func TestWizardAsksPluralWhenEnglishHasNone(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "farm")
	s := &scripted{t: t, answers: script(
		answer{question: "What will your API manage?", choice: "My own"},
		answer{question: "Resource name", text: "sheep"},
		answer{question: "Plural of sheep", text: "sheep_flock", reject: []string{"", "sheep", "Flock"}},
		answer{question: "Field name", text: "tag_number"},
		answer{question: "Type of tag_number", choice: "int"},
		answer{question: "Is tag_number required?", choice: "Yes"},
		answer{question: "Smallest value", text: "1"},
		answer{question: "Largest value", text: ""},
		answer{question: "Must every tag_number be unique?", choice: "Yes"},
		answer{question: "Another field for sheep?", choice: "Done"},
		answer{question: "Another resource?", choice: "Done"},
		answer{question: "Is this your model?", choice: "Looks right"},
	)}
	r := runScaffold(t, runConfig{tty: true, identity: ada, prompter: s, pinned: true}, "new", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	s.done()
	if cmd := nextTime(t, r.stdout); !strings.Contains(cmd, "--resource 'sheep(sheep_flock): tag_number:int(1..)! unique'") {
		t.Errorf("printed command: %s", cmd)
	}
	sameAnswers(t, dir, rerun(t, nextTime(t, r.stdout), dir))
}

// TestResourceNameAlone: --resource NAME keeps the default fields, and so
// works on a blueprint that takes no custom model.
func TestResourceNameAlone(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "gizmos")
	r := runScaffold(t, runConfig{identity: ada, pinned: true}, "new", dir, "--yes", "--framework", "gin", "--resource", "gizmo")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	answers := readAnswers(t, dir)
	for _, want := range []string{"- name: gizmo\n", "plural: gizmos", "- name: title", "- name: done"} {
		if !strings.Contains(answers, want) {
			t.Errorf(".scaffold.yaml lacks %q:\n%s", want, answers)
		}
	}
}

func TestParseModelFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     string // the resources, by Describe; "" = an error
	}{
		{"model file", "resources:\n  - name: book\n    fields:\n      - {name: title, type: string}\n", "book (title)"},
		{"byte order mark", "\ufeffresources:\n  - name: book\n    fields:\n      - {name: title, type: string}\n", "book (title)"},
		{".scaffold.yaml", "scaffold_version: v1\nblueprint: go-nethttp\ncontract: v2\nanswers: {name: x}\nresources:\n  - name: book\n    fields:\n      - {name: title, type: string}\n", "book (title)"},
		{"legacy .scaffold.yaml", "blueprint: go-chi\nanswers: {name: x}\nresource: {singular: note, plural: notes}\n", "note (title, done)"},
		{"unknown key in a model file", "resources:\n  - name: book\n    fields:\n      - {name: title, type: string}\nmodels: []\n", ""},
		{"unknown field key", "resources:\n  - name: book\n    fields:\n      - {name: title, kind: string}\n", ""},
	}
	for _, tt := range tests {
		m, err := parseModelFile([]byte(tt.in))
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("%s: no error for %q", tt.name, tt.in)
		case tt.want != "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && m.Describe() != tt.want:
			t.Errorf("%s: %s, want %s", tt.name, m.Describe(), tt.want)
		}
	}
}
