package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// Streams are the terminal the command talks to. Tests build them from
// buffers and say whether they count as a terminal.
type Streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	InTTY  bool // stdin is a terminal: questions may be asked
	OutTTY bool // stdout is a terminal: colour may be used

	// InFile and OutFile are the real files behind In and Out, when they are
	// terminals; the survey prompter needs them.
	InFile, OutFile *os.File
}

// SystemStreams are the process's standard streams.
func SystemStreams() *Streams {
	return &Streams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		InTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		OutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		InFile: os.Stdin, OutFile: os.Stdout,
	}
}

// CanPrompt reports whether questions may be asked.
func (s *Streams) CanPrompt() bool { return s.InTTY }

// Color reports whether output may be coloured: a terminal, and NO_COLOR
// unset (https://no-color.org).
func (s *Streams) Color() bool {
	_, noColor := os.LookupEnv("NO_COLOR")
	return s.OutTTY && !noColor && os.Getenv("TERM") != "dumb"
}
