package model

import "strings"

// reserved maps a word to the first target it is reserved in. A name that is
// a keyword in any language scaffold generates, in SQL, or a name the
// generated code needs for itself cannot name a resource, a field or an enum
// value: it would not compile, or would need quoting everywhere.
var reserved = map[string]string{}

func init() {
	for _, set := range []struct{ lang, words string }{
		{"Go", `break case chan const continue default defer else fallthrough for func go goto if import
			interface map package range return select struct switch type var
			bool byte complex64 complex128 error float32 float64 int8 int16 int32 int64 rune string
			uint uint8 uint16 uint32 uint64 uintptr any nil iota true false append cap close copy delete
			len make new panic print println recover`},
		{"Python", `and as assert async await class def del elif except finally from global in is lambda
			nonlocal not or pass raise try while with yield self cls`},
		{"JavaScript and TypeScript", `catch debugger do export extends function instanceof let this throw
			typeof void arguments enum implements private protected public static null undefined
			constructor prototype`},
		{"Java", `abstract boolean char double final float long native short strictfp super synchronized throws
			transient volatile record sealed permits var class`},
		{"SQL", `all alter analyse analyze asc between both by cast check collate column constraint create
			cross current_date current_time current_timestamp current_user desc distinct drop exists
			fetch foreign full grant group having index inner insert intersect into join key leading
			left like limit localtime localtimestamp natural not offset on only order outer over
			primary references returning right row rows session_user similar some table then to
			trailing union unique update user using values when where window`},
	} {
		for _, w := range strings.Fields(set.words) {
			if _, ok := reserved[w]; !ok {
				reserved[w] = set.lang
			}
		}
	}
}

// Reserved names the language (or "SQL") a word is reserved in, or "".
func Reserved(word string) string { return reserved[word] }

// ReservedInCode is Reserved without SQL: a resource's singular name only
// ever becomes an identifier in code (its table is named by the plural).
func ReservedInCode(word string) string {
	if l := reserved[word]; l != "SQL" {
		return l
	}
	return ""
}
