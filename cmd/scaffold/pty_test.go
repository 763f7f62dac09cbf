//go:build !windows

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"

	"github.com/scaffold-dev/scaffold/generator"
	"github.com/scaffold-dev/scaffold/generator/gitrepo"
)

// ptyRun drives the real survey prompter in a pseudo-terminal, as survey's
// own tests do: a script types into the terminal while scaffold runs.
func ptyRun(t *testing.T, script func(c *expect.Console), args ...string) (int, string) {
	t.Helper()
	var raw bytes.Buffer
	ptm, pts, err := pty.Open()
	if err != nil {
		t.Fatalf("open a pseudo-terminal: %v", err)
	}
	term := vt10x.New(vt10x.WithWriter(pts)) // answers the terminal queries survey makes
	c, err := expect.NewConsole(expect.WithStdin(ptm), expect.WithStdout(term, &raw),
		expect.WithCloser(ptm, pts), expect.WithDefaultTimeout(20*time.Second))
	if err != nil {
		t.Fatalf("open a console: %v", err)
	}
	defer c.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		script(c)
	}()
	tty := c.Tty()
	a := newApp(&Streams{In: tty, Out: tty, ErrOut: tty, InTTY: true, OutTTY: true, InFile: tty, OutFile: tty})
	a.identity = func() gitrepo.Identity { return ada }
	cat := pinnedCatalog(t) // chi takes a model, so the model question is asked
	a.catalog = func() (*generator.Catalog, error) { return cat, nil }
	// A prompt that never returns must fail the test, not hang it.
	result := make(chan int, 1)
	go func() { result <- run(a, args) }()
	var code int
	select {
	case code = <-result:
	case <-time.After(60 * time.Second):
		t.Fatalf("scaffold did not finish within 60s; screen:\n%s", term.String())
	}
	tty.Close()
	<-done
	screen := expect.StripTrailingEmptyLines(term.String())
	t.Logf("screen:\n%s", screen)
	return code, screen + "\n" + raw.String()
}

func expectString(t *testing.T, c *expect.Console, s string) {
	t.Helper()
	if _, err := c.ExpectString(s); err != nil {
		t.Errorf("waiting for %q: %v", s, err)
	}
}

// TestPTYWizard answers the real prompts from the first question to the
// written project. It changes directory, so it is not parallel.
func TestPTYWizard(t *testing.T) {
	parent := t.TempDir()
	t.Chdir(parent)
	t.Setenv("NO_COLOR", "1")
	code, out := ptyRun(t, func(c *expect.Console) {
		expectString(t, c, "Project name")
		c.SendLine("ptydemo")
		expectString(t, c, "Language")
		c.SendLine("") // default: Go
		expectString(t, c, "Framework")
		c.Send("chi") // survey filters the options as you type
		c.SendLine("")
		expectString(t, c, "Database")
		c.Send("Postgre")
		c.SendLine("")
		expectString(t, c, "API style")
		c.SendLine("") // default: REST
		expectString(t, c, "What will your API manage?")
		c.SendLine("") // default: tasks
		expectString(t, c, "GitHub owner")
		c.SendLine("octocat")
		expectString(t, c, "Licence")
		c.SendLine("") // default: MIT
		expectString(t, c, "Author name")
		c.SendLine("") // pre-filled from git config
		expectString(t, c, "Author e-mail")
		c.SendLine("")
		expectString(t, c, "Install the dependencies now?")
		c.Send("No")
		c.SendLine("")
		expectString(t, c, "Your project:")
		expectString(t, c, "Create the project?")
		c.SendLine("") // default: create it
		expectString(t, c, "Created ptydemo")
		c.ExpectEOF()
	}, "new")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	answers := readAnswers(t, filepath.Join(parent, "ptydemo"))
	for _, want := range []string{"blueprint: go-chi", "database: postgres", "api: rest", "owner: octocat", "license: MIT", "author_email: ada@example.com", "- name: task\n", "name: done"} {
		if !strings.Contains(answers, want) {
			t.Errorf(".scaffold.yaml lacks %q:\n%s", want, answers)
		}
	}
	if !strings.Contains(out, "scaffold new ptydemo --lang go --framework chi --db postgres --api rest --owner octocat") {
		t.Errorf("the equivalent command is missing")
	}
}

func TestPTYCtrlC(t *testing.T) {
	parent := t.TempDir()
	code, _ := ptyRun(t, func(c *expect.Console) {
		expectString(t, c, "Language")
		c.SendLine("")
		expectString(t, c, "Framework")
		// Ctrl-C. Typed before survey has switched the terminal to raw
		// mode, the line discipline swallows it, so press it again until
		// scaffold answers.
		for range 40 {
			c.Send("\x03")
			if _, err := c.Expect(expect.String("cancelled"), expect.WithTimeout(250*time.Millisecond)); err == nil {
				break
			}
		}
		c.ExpectEOF()
	}, "new", filepath.Join(parent, "demo"))
	if code != exitInterrupt {
		t.Errorf("exit %d, want %d", code, exitInterrupt)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("Ctrl-C left %v behind", entries)
	}
}

// TestPTYOwnModel defines a model of one resource through the real prompts:
// the resource and field questions, the type list, the summary table.
func TestPTYOwnModel(t *testing.T) {
	parent := t.TempDir()
	t.Setenv("NO_COLOR", "1")
	dir := filepath.Join(parent, "notes")
	code, out := ptyRun(t, func(c *expect.Console) {
		expectString(t, c, "What will your API manage?")
		c.Send("My own")
		c.SendLine("")
		expectString(t, c, "Resource name")
		c.SendLine("note")
		expectString(t, c, "Field name")
		c.SendLine("body")
		expectString(t, c, "Type of body")
		c.Send("long text") // filters the list down to text
		c.SendLine("")
		expectString(t, c, "Is body required?")
		c.Send("Yes")
		c.SendLine("")
		expectString(t, c, "Smallest length")
		c.SendLine("1")
		expectString(t, c, "Largest length")
		c.SendLine("")
		expectString(t, c, "Another field for note?")
		c.Send("Done")
		c.SendLine("")
		expectString(t, c, "Another resource?")
		c.SendLine("") // default: done
		expectString(t, c, "Your data model:")
		expectString(t, c, "Is this your model?")
		c.SendLine("") // default: looks right
		expectString(t, c, "Create the project?")
		c.SendLine("") // default: create it
		expectString(t, c, "Created notes")
		c.ExpectEOF()
	}, "new", dir, "--lang", "go", "--framework", "chi", "--db", "sqlite", "--api", "rest", "--owner", "octocat",
		"--license", "MIT", "--author-name", "Ada Lovelace", "--author-email", "ada@example.com", "--no-install")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	answers := readAnswers(t, dir)
	for _, want := range []string{"- name: note\n", "- name: body\n", "type: text", "required: true", "min: 1"} {
		if !strings.Contains(answers, want) {
			t.Errorf(".scaffold.yaml lacks %q:\n%s", want, answers)
		}
	}
	if !strings.Contains(out, "--resource 'note: body:text(1..)!'") {
		t.Errorf("the equivalent command does not carry the model")
	}
}

// readingKeys is what survey writes once the terminal is in raw mode and
// it is about to read keys: show the cursor, ask where it is.
const readingKeys = "\x1b[?25h\x1b[6n"

// TestPTYInvalidAnswerLeavesNoTrace: survey prints "Sorry, your reply was
// invalid" above a question; once a valid answer is given, the screen shows
// the answer and nothing of the refused ones, however long the message.
func TestPTYInvalidAnswerLeavesNoTrace(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	for name, reason := range map[string]string{
		"short message":   "must start with a letter",
		"wrapped message": strings.Repeat("a reason long enough to wrap on the terminal ", 3),
	} {
		t.Run(name, func(t *testing.T) {
			ptm, pts, err := pty.Open()
			if err != nil {
				t.Fatalf("open a pseudo-terminal: %v", err)
			}
			term := vt10x.New(vt10x.WithWriter(pts), vt10x.WithSize(80, 24))
			c, err := expect.NewConsole(expect.WithStdin(ptm), expect.WithStdout(term),
				expect.WithCloser(ptm, pts), expect.WithDefaultTimeout(20*time.Second))
			if err != nil {
				t.Fatalf("open a console: %v", err)
			}
			defer c.Close()
			// A real terminal has a size: survey counts wrapped lines with it.
			if err := pty.Setsize(c.Tty(), &pty.Winsize{Rows: 24, Cols: 80}); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(c.Tty(), "a line before the question")
			done := make(chan struct{})
			go func() {
				defer close(done)
				// Type only once survey reads keys: text typed before it
				// puts the terminal in raw mode is echoed by the terminal
				// itself (a line survey does not know about), and text that
				// arrives with the answer to its cursor query is dropped
				// by survey's reader, so give that answer a moment.
				type_ := func(after, text string) {
					expectString(t, c, after)
					expectString(t, c, readingKeys)
					time.Sleep(100 * time.Millisecond)
					c.SendLine(text)
				}
				type_("Project name", "1bad")
				type_("Sorry, your reply was invalid", "2bad")
				type_("Sorry, your reply was invalid", "good")
				type_("Next question", "")
				c.ExpectEOF() // keeps reading, so survey's terminal queries are answered
			}()
			tty := c.Tty()
			p := newSurveyPrompter(&Streams{In: tty, Out: tty, ErrOut: tty, InTTY: true, OutTTY: true, InFile: tty, OutFile: tty})
			got, err := p.Input("Project name", "", "", func(s string) error {
				if s != "good" {
					return errors.New(reason)
				}
				return nil
			})
			if err != nil || got != "good" {
				t.Fatalf("Input = %q, %v", got, err)
			}
			if _, err := p.Input("Next question", "x", "", nil); err != nil {
				t.Fatal(err)
			}
			tty.Close()
			<-done
			var lines []string
			for _, l := range strings.Split(expect.StripTrailingEmptyLines(term.String()), "\n") {
				lines = append(lines, strings.TrimRight(l, " "))
			}
			screen := strings.TrimSpace(strings.Join(lines, "\n"))
			want := "a line before the question\n? Project name good\n? Next question x"
			if screen != want {
				t.Errorf("screen:\n%s\nwant:\n%s", screen, want)
			}
		})
	}
}
