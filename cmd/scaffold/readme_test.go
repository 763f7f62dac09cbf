package main

import (
	"os"
	"strings"
	"testing"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator"
	"github.com/scaffold-dev/scaffold/generator/golden"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// TestReadmeCatalog keeps the catalog table of the root README equal to the
// catalog itself. Refresh with: go test ./... -update
func TestReadmeCatalog(t *testing.T) {
	t.Parallel()
	cat, err := generator.LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	const path = "../../README.md"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "<!-- catalog:start -->\n", "<!-- catalog:end -->"
	readme := string(raw)
	i, j := strings.Index(readme, start), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q … %q markers", start, end)
	}
	want := readme[:i+len(start)] + catalogMarkdown(cat) + readme[j:]
	if *golden.Update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if readme != want {
		t.Errorf("the catalog table in README.md is out of date: run go test ./... -update\nwant:\n%s", catalogMarkdown(cat))
	}
}

func catalogMarkdown(cat *generator.Catalog) string {
	var b strings.Builder
	b.WriteString("| language | framework (`--framework`) | databases (`--db`) | API styles (`--api`) |\n| --- | --- | --- | --- |\n")
	for _, bp := range cat.Blueprints {
		lang, _ := cat.Language(bp.Language)
		fw := bp.Title + " (`" + bp.Framework + "`)"
		if bp.Default {
			fw += ", default"
		}
		b.WriteString("| " + lang.Title + " (`" + lang.ID + "`) | " + fw + " | " +
			strings.Join(bp.Databases, ", ") + " | " + strings.Join(bp.APIs, ", ") + " |\n")
	}
	if notes := notOffered(cat); len(notes) > 0 {
		b.WriteString("\nNot offered, and why:\n\n- " + strings.Join(notes, "\n- ") + "\n")
	}
	return b.String()
}

// TestReadmeShorthand: the README's grammar of --resource is the one
// scaffold new --help prints (model.ShorthandHelp), line for line.
func TestReadmeShorthand(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(model.ShorthandHelp, "\n")[3:] {
		if line = strings.TrimSpace(line); line != "" && !strings.Contains(string(raw), line) {
			t.Errorf("README.md lacks the shorthand help line %q", line)
		}
	}
}

// TestReadmeComments: every HTML comment of the README is closed and none
// is broken, so no piece of one shows as text (as under Install once did).
func TestReadmeComments(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rest := string(raw)
	for {
		open, end := strings.Index(rest, "<!--"), strings.Index(rest, "-->")
		switch {
		case open < 0 && end < 0:
			return
		case open < 0 || (end >= 0 && end < open):
			t.Fatalf("README.md has a --> without its <!--, shown as text: %q", rest[max(0, end-80):end+3])
		case end < 0:
			t.Fatalf("README.md has a <!-- that is never closed: %q", rest[open:min(len(rest), open+80)])
		}
		if inner := rest[open+4 : end]; strings.Contains(inner, "<!--") || strings.Contains(inner, "--") {
			t.Errorf("README.md has a comment with -- or a nested <!-- inside, which ends it early on GitHub: %q", inner)
		}
		rest = rest[end+3:]
	}
}
