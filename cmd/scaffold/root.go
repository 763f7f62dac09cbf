package main

import (
	"errors"
	"fmt"
	"os/exec"

	"github.com/spf13/cobra"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator"
	"github.com/scaffold-dev/scaffold/generator/gitrepo"
)

// Exit codes.
const (
	exitOK        = 0
	exitError     = 1
	exitUsage     = 2
	exitInterrupt = 130 // 128 + SIGINT, as shells report Ctrl-C
)

// app holds what the commands share. Tests replace its fields.
type app struct {
	streams  *Streams
	prompter func(*Streams) Prompter
	identity func() gitrepo.Identity
	catalog  func() (*generator.Catalog, error)
	lookPath func(string) (string, error) // finds the install step's toolchain
	// gitConfig is the global Git configuration file an identity is saved in.
	gitConfig func() (string, error)
	// output runs a program for the doctor's checks; nil runs it for real.
	output       func(name string, args ...string) (string, error)
	saveIdentity func(path string, id gitrepo.Identity) error
}

func newApp(s *Streams) *app {
	return &app{
		streams:  s,
		prompter: newSurveyPrompter,
		identity: gitrepo.ReadGlobalIdentity,
		catalog:  func() (*generator.Catalog, error) { return generator.LoadCatalog(blueprints.FS) },
		lookPath: exec.LookPath,

		gitConfig:    gitrepo.GlobalConfigPath,
		saveIdentity: gitrepo.SaveIdentity,
	}
}

// Main runs scaffold with args and returns the exit code.
func Main(args []string, s *Streams) int {
	return run(newApp(s), args)
}

func run(a *app, args []string) int {
	root := newRootCmd(a)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var usage *usageError
	switch {
	case errors.Is(err, errInterrupted):
		fmt.Fprintln(a.streams.ErrOut, "scaffold: cancelled; nothing was written")
		return exitInterrupt
	case errors.Is(err, errCancelled):
		fmt.Fprintln(a.streams.ErrOut, "scaffold: cancelled; nothing was written")
		return exitError
	case errors.As(err, &usage):
		fmt.Fprintf(a.streams.ErrOut, "scaffold: %v (see scaffold %s --help)\n", err, usage.command)
		return exitUsage
	default:
		fmt.Fprintf(a.streams.ErrOut, "scaffold: %v\n", err)
		return exitError
	}
}

// usageError is a mistake in how the command was called (flags, arguments).
type usageError struct {
	command string
	err     error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "scaffold",
		Short: "Generate a working back-end starter project, ready for GitHub",
		Long: `scaffold turns "I want to learn back-end development" into a real project:
pick a language, a framework, a database and an API style (REST or SOAP), and
it writes a starter repository that builds, passes its tests, talks to a real
database and explains itself in its README — with a first Git commit.`,
		Example: `  scaffold new                 # answer a few questions
  scaffold new my-api --yes    # Go, net/http, SQLite, REST
  scaffold new shop --lang python --framework fastapi --db postgres --api rest
  scaffold list                # what can be generated, with the ids to type
  scaffold doctor --lang python  # is this machine ready for a Python project?`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       buildVersion(),
	}
	root.SetVersionTemplate(versionLine() + "\n")
	root.SetIn(a.streams.In)
	root.SetOut(a.streams.Out)
	root.SetErr(a.streams.ErrOut)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{command: cmd.Name(), err: err}
	})
	root.AddCommand(newNewCmd(a), newListCmd(a), newDoctorCmd(a), newVersionCmd(a))
	root.CompletionOptions.HiddenDefaultCmd = false
	return root
}
