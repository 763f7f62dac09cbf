package main

import (
	"errors"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/terminal"
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
	q := &survey.Input{Message: question, Default: def, Help: help}
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
