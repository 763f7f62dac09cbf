package generator

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The Python blueprints' generated files must pass `ruff format --check`
// whatever names and samples the learner's model brings. Lines whose length
// depends on the model are written with pyCall, which lays a call (or tuple)
// out as ruff's formatter would at pyLineLength, and string literals with
// pyStr, which quotes as ruff does.

// pyLineLength is the line-length of the generated pyproject.toml's [tool.ruff].
const pyLineLength = 100

// pyStr is s as a Python string literal in the quotes ruff's formatter
// prefers: double quotes, unless s holds more double quotes than single
// ones. Invisible characters are escaped, as quoteJSON does.
func pyStr(s string) string {
	var body strings.Builder
	double := strings.Count(s, `"`) <= strings.Count(s, `'`)
	for _, r := range s {
		switch {
		case r == '\\':
			body.WriteString(`\\`)
		case r == '"' && double, r == '\'' && !double:
			body.WriteByte('\\')
			body.WriteRune(r)
		case r == '\n':
			body.WriteString(`\n`)
		case r == '\t':
			body.WriteString(`\t`)
		case r == '\r':
			body.WriteString(`\r`)
		case strconv.IsPrint(r):
			body.WriteRune(r)
		case r > 0xFFFF:
			fmt.Fprintf(&body, `\U%08x`, r)
		default:
			fmt.Fprintf(&body, `\u%04x`, r)
		}
	}
	q := `"`
	if !double {
		q = "'"
	}
	return q + body.String() + q
}

// pyCall lays out head + args + tail as ruff's formatter does: on one line
// when it fits; else the arguments on one line of their own, indented one
// level, when that fits; else one argument per line with a trailing comma.
// head is the text up to and including the opening bracket, with the line's
// indentation; tail closes it (")", "),", ") -> None:").
func pyCall(head, tail string, args ...string) string {
	joined := strings.Join(args, ", ")
	if one := head + joined + tail; utf8.RuneCountInString(one) <= pyLineLength || len(args) == 0 {
		return one
	}
	indent := head[:len(head)-len(strings.TrimLeft(head, " "))]
	inner := indent + "    "
	// The arguments of a call or def may share a line of their own; the
	// items of a display (tuple, list, set, dict) never do: split, it is
	// one item per line. A lone argument is never split further.
	if line := inner + joined; isPyCallHead(head) && (utf8.RuneCountInString(line) <= pyLineLength || len(args) == 1) {
		return head + "\n" + line + "\n" + indent + tail
	}
	var b strings.Builder
	b.WriteString(head + "\n")
	for _, a := range args {
		b.WriteString(inner + a + ",\n")
	}
	b.WriteString(indent + tail)
	return b.String()
}

// isPyCallHead reports whether head opens the parentheses of a call or a
// def (a name or a closing bracket before the "("), not a display.
func isPyCallHead(head string) bool {
	rest, ok := strings.CutSuffix(head, "(")
	if !ok || rest == "" {
		return false
	}
	c := rest[len(rest)-1]
	return c == '_' || c == ')' || c == ']' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// pyCallList is pyCall with the arguments in a list (sprig's list, or a
// []string), for templates that build them in a loop.
func pyCallList(head, tail string, args any) (string, error) {
	switch a := args.(type) {
	case []string:
		return pyCall(head, tail, a...), nil
	case []any:
		strs := make([]string, len(a))
		for i, v := range a {
			s, ok := v.(string)
			if !ok {
				return "", fmt.Errorf("pyCallList: argument %d is a %T, not a string", i, v)
			}
			strs[i] = s
		}
		return pyCall(head, tail, strs...), nil
	}
	return "", fmt.Errorf("pyCallList: %T is not a list of strings", args)
}

// pyTuple is pyCallList for a tuple display: a lone item keeps its comma.
func pyTuple(head, tail string, items any) (string, error) {
	if l, ok := items.([]any); ok && len(l) == 1 {
		if s, ok := l[0].(string); ok {
			items = []string{s + ","}
		}
	}
	return pyCallList(head, tail, items)
}

// pyDefRe matches a one-line function definition: indentation and name,
// parameters, and what follows the closing parenthesis (" -> T:" or ":").
var pyDefRe = regexp.MustCompile(`^(\s*(?:async )?def \w+\()(.*)(\)(?: -> [^()]*)?:)$`)

// pyFromImportRe matches a one-line "from M import a, b" at the top level.
var pyFromImportRe = regexp.MustCompile(`^(from [\w.]+ import )([\w, ]+)$`)

// wrapPythonDefs lays out every over-long one-line def and from-import of a rendered Python
// file as ruff's formatter does (pyCall). Which names a signature holds
// depends on the model, so no template can know where it must break.
func wrapPythonDefs(src []byte) []byte {
	lines := strings.SplitAfter(string(src), "\n")
	changed := false
	for i, line := range lines {
		text := strings.TrimSuffix(line, "\n")
		if utf8.RuneCountInString(text) <= pyLineLength {
			continue
		}
		if m := pyFromImportRe.FindStringSubmatch(text); m != nil {
			// isort (ruff's I001) puts one name per line, with a trailing comma.
			names := strings.Split(m[2], ", ")
			lines[i] = m[1] + "(\n    " + strings.Join(names, ",\n    ") + ",\n)" + line[len(text):]
			changed = true
			continue
		}
		m := pyDefRe.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		params, ok := splitPyArgs(m[2])
		if !ok {
			continue
		}
		lines[i] = pyCall(m[1], m[3], params...) + line[len(text):]
		changed = true
	}
	if !changed {
		return src
	}
	return []byte(strings.Join(lines, ""))
}

// splitPyArgs splits a parameter list at its top-level commas; ok is false
// when the brackets do not balance or a string literal is involved.
func splitPyArgs(s string) (args []string, ok bool) {
	if strings.ContainsAny(s, `"'#`) {
		return nil, false
	}
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth < 0 {
				return nil, false
			}
		case ',':
			if depth == 0 {
				args = append(args, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	if depth != 0 {
		return nil, false
	}
	if last := strings.TrimSpace(s[start:]); last != "" {
		args = append(args, last)
	}
	return args, len(args) > 0
}

// pyField is an annotated assignment (a model field) as ruff lays it out:
// on one line when it fits, else with the annotation in parentheses.
func pyField(indent, name, annotation, value string) string {
	if one := indent + name + ": " + annotation + " = " + value; utf8.RuneCountInString(one) <= pyLineLength {
		return one
	}
	if head := indent + name + ": " + annotation + " = ("; utf8.RuneCountInString(head) <= pyLineLength {
		return head + "\n" + indent + "    " + value + "\n" + indent + ")"
	}
	return indent + name + ": (\n" + indent + "    " + annotation + "\n" + indent + ") = " + value
}
