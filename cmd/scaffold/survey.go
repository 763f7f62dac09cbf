package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/term"
)

// surveyPrompter asks questions with github.com/AlecAivazis/survey/v2. This is
// the only file that imports it.
type surveyPrompter struct {
	stdio terminal.Stdio
}

func newSurveyPrompter(s *Streams) Prompter {
	return &surveyPrompter{stdio: terminal.Stdio{In: s.InFile, Out: s.OutFile, Err: s.ErrOut}}
}

func (p *surveyPrompter) Input(question, def, help string, validate func(string) error) (string, error) {
	var answer string
	q := &tidyInput{Input: &survey.Input{Message: question, Default: def, Help: help}, stdio: p.stdio}
	opts := []survey.AskOpt{survey.WithStdio(p.stdio.In, p.stdio.Out, p.stdio.Err)}
	if validate != nil {
		opts = append(opts, survey.WithValidator(func(v any) error {
			s, _ := v.(string)
			return validate(s)
		}))
	}
	err := survey.AskOne(q, &answer, opts...)
	return answer, mapSurveyErr(err)
}

func (p *surveyPrompter) Select(question string, options []string, def int, help string) (int, error) {
	var index int
	q := &survey.Select{Message: question, Options: options, Help: help, PageSize: 12}
	if def >= 0 && def < len(options) {
		q.Default = options[def]
	}
	err := survey.AskOne(q, &index, survey.WithStdio(p.stdio.In, p.stdio.Out, p.stdio.Err))
	return index, mapSurveyErr(err)
}

func mapSurveyErr(err error) error {
	if errors.Is(err, terminal.InterruptErr) {
		return errInterrupted
	}
	return err
}

// tidyInput is survey's Input without its one leftover: survey prints
// "Sorry, your reply was invalid" above the question and leaves it there
// once a valid answer is given. tidyInput remembers how many lines that
// message took and, after survey has printed the answer, writes the answer
// over them and clears what is left below, so only the answer remains.
type tidyInput struct {
	*survey.Input
	stdio    terminal.Stdio
	errLines int // lines of the error message on screen, above the question
}

func (in *tidyInput) Error(config *survey.PromptConfig, invalid error) error {
	if err := in.Input.Error(config, invalid); err != nil {
		return err
	}
	_, layout, err := core.RunTemplate(survey.ErrorTemplate, &survey.ErrorTemplateData{Error: invalid, Icon: config.Icons.Error})
	if err != nil {
		return fmt.Errorf("render the error message: %w", err)
	}
	in.errLines = in.lines(layout)
	return nil
}

func (in *tidyInput) Cleanup(config *survey.PromptConfig, val any) error {
	if err := in.Input.Cleanup(config, val); err != nil || in.errLines == 0 {
		return err
	}
	answer, _ := val.(string)
	out, layout, err := core.RunTemplate(survey.InputQuestionTemplate,
		survey.InputTemplateData{Input: *in.Input, ShowAnswer: true, Config: config, Answer: answer})
	if err != nil {
		return fmt.Errorf("render the answer: %w", err)
	}
	// The cursor is on the line below the answer; the error is above it.
	errLines, answerLines := in.errLines, in.lines(layout)
	in.errLines = 0
	cursor := &terminal.Cursor{In: in.stdio.In, Out: in.stdio.Out}
	// Clear the error and the answer, from the top, then write the answer
	// there. (Cursor.PreviousLine moves one line whatever n is: use Up.)
	total := errLines + answerLines
	if err := cursor.Up(total); err != nil {
		return err
	}
	for i := range total {
		if err := cursor.HorizontalAbsolute(0); err != nil {
			return err
		}
		if err := terminal.EraseLine(in.stdio.Out, terminal.ERASE_LINE_ALL); err != nil {
			return err
		}
		if i < total-1 {
			if err := cursor.Down(1); err != nil {
				return err
			}
		}
	}
	if total > 1 {
		if err := cursor.Up(total - 1); err != nil {
			return err
		}
	}
	_, err = fmt.Fprint(terminal.NewAnsiStdout(in.stdio.Out), out)
	return err
}

// lines is how many terminal lines text takes, counting the lines the
// terminal wraps, as survey counts them.
func (in *tidyInput) lines(text string) int {
	width, _, _ := term.GetSize(int(in.stdio.Out.Fd()))
	n := 0
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		n++
		if w := terminal.StringWidth(line); width > 0 && w > width {
			n += (w - 1) / width
		}
	}
	return n
}
