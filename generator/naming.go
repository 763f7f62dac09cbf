package generator

import (
	"strings"
	"unicode"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// Name carries every spelling of one name that templates need, so no
// template converts case by itself.
//
//	demo-api → Raw "demo-api", Snake "demo_api", Kebab "demo-api",
//	           Camel "demoApi", Pascal "DemoApi", Upper "DEMO_API",
//	           Lower "demoapi", Title "Demo Api"
type Name struct {
	Raw    string
	Snake  string
	Kebab  string
	Camel  string
	Pascal string
	Upper  string
	Lower  string
	Title  string
	Words  string // lower-case words separated by spaces, for prose: "order line"
}

// NewName splits s into words (at '-', '_', spaces, dots and lower→upper
// case changes) and builds every form from them.
func NewName(s string) Name {
	words := splitWords(s)
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	title := make([]string, len(lower))
	for i, w := range lower {
		title[i] = capitalize(w)
	}
	camel := strings.Join(title, "")
	if len(lower) > 0 {
		camel = lower[0] + strings.Join(title[1:], "")
	}
	return Name{
		Raw:    s,
		Snake:  strings.Join(lower, "_"),
		Kebab:  strings.Join(lower, "-"),
		Camel:  camel,
		Pascal: strings.Join(title, ""),
		Upper:  strings.ToUpper(strings.Join(lower, "_")),
		Lower:  strings.Join(lower, ""),
		Title:  strings.Join(title, " "),
		Words:  strings.Join(lower, " "),
	}
}

// String is the name as given.
func (n Name) String() string { return n.Raw }

func splitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	runes := []rune(s)
	for i, r := range runes {
		switch {
		case r == '-' || r == '_' || r == ' ' || r == '.' || r == '/':
			flush()
		case unicode.IsUpper(r) && len(cur) > 0 &&
			(unicode.IsLower(cur[len(cur)-1]) || unicode.IsDigit(cur[len(cur)-1]) ||
				(i+1 < len(runes) && unicode.IsLower(runes[i+1]))):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}

func capitalize(w string) string {
	if w == "" {
		return w
	}
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// Plural is the English plural of a snake_case word or phrase: only the last
// word changes (user_story → user_stories).
func Plural(s string) string { return model.Plural(s) }

// Singular is the English singular of a snake_case word or phrase.
func Singular(s string) string { return model.Singular(s) }

// goPackageName makes a valid, conventional Go package name: lower case,
// letters and digits only.
func goPackageName(n Name) string {
	p := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, n.Lower)
	if p == "" || !unicode.IsLetter(rune(p[0])) {
		p = "app" + p
	}
	return p
}

// javaIdentifierPart makes one segment of a Java package name: lower case
// letters and digits, not starting with a digit, not a keyword.
func javaIdentifierPart(s string) string {
	p := strings.Map(func(r rune) rune {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
	if p == "" || unicode.IsDigit(rune(p[0])) || javaKeywords[p] {
		p = "_" + p
	}
	return p
}

var javaKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`abstract assert boolean break byte case catch char class const
		continue default do double else enum extends final finally float for goto if implements
		import instanceof int interface long native new package private protected public return
		short static strictfp super switch synchronized this throw throws transient try void
		volatile while true false null var record yield sealed permits exports module`) {
		javaKeywords[k] = true
	}
}
