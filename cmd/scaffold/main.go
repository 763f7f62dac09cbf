// Command scaffold generates working, GitHub-ready back-end starter projects.
package main

import "os"

func main() { os.Exit(Main(os.Args[1:], SystemStreams())) }
