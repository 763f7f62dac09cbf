package main

import "errors"

// Prompter asks the wizard's questions. Only survey.go knows which prompt
// library is behind it, so replacing that library touches one file.
type Prompter interface {
	// Input asks for a line of text, offering def; validate may reject it.
	Input(question, def, help string, validate func(string) error) (string, error)
	// Select asks to choose one of options, offering def; it returns the index.
	Select(question string, options []string, def int, help string) (int, error)
}

// errInterrupted is returned by a Prompter when the user presses Ctrl-C.
var errInterrupted = errors.New("interrupted")

// errCancelled: the learner chose Cancel in the wizard's summary.
var errCancelled = errors.New("cancelled")
