package generator

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"
)

// Choice is one valid value of an answer: its id and the other names a
// learner may type for it (its title, say "PostgreSQL" for postgres).
type Choice struct {
	ID    string
	Names []string
}

// LanguageChoices are the languages at least one blueprint is written in.
func (c *Catalog) LanguageChoices() []Choice {
	var out []Choice
	for _, l := range c.LanguagesWithBlueprints() {
		out = append(out, Choice{ID: l.ID, Names: []string{l.Title}})
	}
	return out
}

// FrameworkChoices are the frameworks of language, or of every language
// when language is not known.
func (c *Catalog) FrameworkChoices(language string) []Choice {
	bps := c.Frameworks(language)
	if len(bps) == 0 {
		bps = c.Blueprints
	}
	var out []Choice
	seen := map[string]bool{}
	for _, bp := range bps {
		if !seen[bp.Framework] {
			seen[bp.Framework] = true
			out = append(out, Choice{ID: bp.Framework, Names: []string{bp.Title}})
		}
	}
	return out
}

// DatabaseChoices are the databases of ids, in that order; every database
// of the catalog when ids is empty.
func (c *Catalog) DatabaseChoices(ids []string) []Choice {
	var out []Choice
	for _, d := range c.Databases {
		if len(ids) == 0 || slices.Contains(ids, d.ID) {
			out = append(out, Choice{ID: d.ID, Names: []string{d.Title}})
		}
	}
	return reorder(out, ids)
}

// APIChoices are the API styles of ids; every style when ids is empty.
func (c *Catalog) APIChoices(ids []string) []Choice {
	var out []Choice
	for _, a := range c.APIs {
		if len(ids) == 0 || slices.Contains(ids, a.ID) {
			out = append(out, Choice{ID: a.ID, Names: []string{a.Title}})
		}
	}
	return reorder(out, ids)
}

// LicenseChoices are the licences a project can carry.
func (c *Catalog) LicenseChoices() []Choice {
	var out []Choice
	for _, l := range c.Licenses {
		out = append(out, Choice{ID: l.ID, Names: []string{l.Title}})
	}
	return out
}

// reorder puts choices in the order of ids (a blueprint lists its
// databases in the order it prefers them).
func reorder(choices []Choice, ids []string) []Choice {
	if len(ids) == 0 {
		return choices
	}
	out := make([]Choice, 0, len(choices))
	for _, id := range ids {
		for _, c := range choices {
			if c.ID == id {
				out = append(out, c)
			}
		}
	}
	return out
}

// Canonicalize rewrites the language, framework, database, API style and
// licence to the catalog's spelling when they match an id ignoring case, so
// --lang Python means python. Values that match nothing are left for
// Validate to explain.
func (o *Options) Canonicalize(cat *Catalog) {
	fold := func(v *string, choices []Choice) {
		for _, c := range choices {
			if strings.EqualFold(*v, c.ID) {
				*v = c.ID
				return
			}
		}
	}
	fold(&o.Language, cat.LanguageChoices())
	fold(&o.Framework, cat.FrameworkChoices(""))
	fold(&o.Database, cat.DatabaseChoices(nil))
	fold(&o.API, cat.APIChoices(nil))
	fold(&o.License, cat.LicenseChoices())
}

// Suggest returns the id of the choice closest to what was typed, or "" when
// none is close enough to be a likely typo: "pyhton" gives python,
// "postgresql" postgres, "net/http" nethttp. Case, spaces and punctuation
// are ignored; ties go to the earlier choice.
func Suggest(typed string, choices []Choice) string {
	t := foldName(typed)
	if t == "" {
		return ""
	}
	best, bestScore, bestDist := "", -1, -1
	for _, c := range choices {
		for _, name := range append([]string{c.ID}, c.Names...) {
			n := foldName(name)
			if n == "" {
				continue
			}
			d := levenshtein.ComputeDistance(t, n)
			score := d
			// One name starting with the other is a short form: mongo
			// for mongodb, postgresql for postgres, golang for go.
			if len(t) >= 3 && min(len(t), len(n)) >= 2 && (strings.HasPrefix(n, t) || strings.HasPrefix(t, n)) {
				score = min(score, 1)
			}
			if score > maxTypo(len(t)) {
				continue
			}
			if bestScore < 0 || score < bestScore || (score == bestScore && d < bestDist) {
				best, bestScore, bestDist = c.ID, score, d
			}
		}
	}
	return best
}

// maxTypo is how many edits still read as a typo of a word of n letters.
func maxTypo(n int) int {
	switch {
	case n <= 3:
		return 1
	case n <= 5:
		return 2
	}
	return min(3, n/3)
}

// foldName lower-cases s and keeps only its letters and digits.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// UnknownValue is the error for a value that is not one of choices: what it
// is, the closest choice when one is close, then every valid id.
// context follows the value, e.g. " for go".
func UnknownValue(what, typed, context string, choices []Choice) error {
	ids := make([]string, len(choices))
	for i, c := range choices {
		ids[i] = c.ID
	}
	hint := ""
	if s := Suggest(typed, choices); s != "" {
		hint = " (did you mean " + s + "?)"
	}
	return fmt.Errorf("unknown %s %q%s%s: choose one of %s", what, typed, context, hint, strings.Join(ids, ", "))
}
