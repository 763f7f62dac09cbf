package generator

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// Node.js (TypeScript and JavaScript) spellings of a field, for the node
// blueprints: templates call them as methods ({{.TSType}}).

// TSType is the field's value type in TypeScript, without null: string,
// number, boolean, or the union of an enum's values ("a" | "b").
func (f FieldData) TSType() string {
	switch {
	case f.IsInt, f.IsFloat:
		return "number"
	case f.IsBool:
		return "boolean"
	case f.IsEnum:
		quoted := make([]string, len(f.Values))
		for i, v := range f.Values {
			quoted[i] = strconv.Quote(v.Raw)
		}
		return strings.Join(quoted, " | ")
	}
	return "string"
}

// TSTypeOrNull is TSType with "| null" for a nullable field: the type of the
// field in the object the API returns.
func (f FieldData) TSTypeOrNull() string {
	if f.Nullable {
		return f.TSType() + " | null"
	}
	return f.TSType()
}

// JSValues is an enum's values as a JavaScript array literal: ["a", "b"].
func (f FieldData) JSValues() string {
	quoted := make([]string, len(f.Values))
	for i, v := range f.Values {
		quoted[i] = strconv.Quote(v.Raw)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// JSValueList is an enum's values as quoted JavaScript strings, for JSList.
func (f FieldData) JSValueList() []any {
	quoted := make([]any, len(f.Values))
	for i, v := range f.Values {
		quoted[i] = strconv.Quote(v.Raw)
	}
	return quoted
}

// Seq is the resource's 1-based position as four digits ("0001"): the number of the
// migration that creates its table, so the files sort in the order they run.
func (r ResourceData) Seq() string { return fmt.Sprintf("%04d", r.Index) }

// JSList writes open, the items separated by ", ", and close on one line when
// that fits in Prettier's print width (100) at the given indentation, and
// else one item a line with a trailing comma, as Prettier formats an import
// list or an array: model-driven templates cannot know the width in advance.
//
//	{{ $.JSList 0 "import { " (list "a" "b") " } from \"./x.js\";" }}
func (Data) JSList(indent int, open string, items []any, close string) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = fmt.Sprint(it)
	}
	pad := strings.Repeat(" ", indent)
	if line := pad + open + strings.Join(parts, ", ") + close; len(line) <= prettierWidth {
		return line
	}
	var b strings.Builder
	b.WriteString(pad + strings.TrimRight(open, " ") + "\n")
	for _, p := range parts {
		b.WriteString(pad + "  " + p + ",\n")
	}
	b.WriteString(pad + strings.TrimLeft(close, " "))
	return b.String()
}

// prettierWidth is the printWidth of the generated .prettierrc.json.
const prettierWidth = 100

// The markers of a Prettier group in a TypeScript or JavaScript template:
//
//	{{ $.FitStart }}
//	  export type BookFields = Omit<
//	    Book,
//	    "id" | "created_at" | "updated_at"
//	  >;
//	{{ $.FitEnd }}
//
// The template writes the statement as Prettier breaks it; fitJS joins it
// onto one line when that fits in Prettier's print width, as Prettier would,
// so a project is `prettier --check` clean whatever the length of its names.
const (
	fitStart = "/*scaffold:fit*/"
	fitEnd   = "/*scaffold:end*/"
)

// FitStart opens a Prettier group (see fitJS).
func (Data) FitStart() string { return fitStart }

// FitEnd closes a Prettier group (see fitJS).
func (Data) FitEnd() string { return fitEnd }

// fitJS replaces every group between FitStart and FitEnd lines with its lines
// joined when the joined line fits in prettierWidth, and drops the markers.
// Lines are joined with a space, with none after an opening bracket or before
// a closing one or a "." (a member chain), and without the trailing comma
// before a closing bracket; "{" and "}" keep a space inside, as in an import.
func fitJS(content []byte) []byte {
	if !bytes.Contains(content, []byte(fitStart)) {
		return content
	}
	lines := strings.Split(string(content), "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != fitStart {
			out = append(out, lines[i])
			continue
		}
		end := i + 1
		for end < len(lines) && strings.TrimSpace(lines[end]) != fitEnd {
			end++
		}
		group := lines[i+1 : min(end, len(lines))]
		if joined, ok := joinJS(group); ok {
			out = append(out, joined)
		} else {
			out = append(out, group...)
		}
		i = end
	}
	return []byte(strings.Join(out, "\n"))
}

func joinJS(group []string) (string, bool) {
	if len(group) == 0 {
		return "", false
	}
	line := strings.TrimRight(group[0], " ")
	for _, next := range group[1:] {
		next = strings.TrimSpace(next)
		if next == "" {
			continue
		}
		prev := line[len(line)-1]
		closing := strings.ContainsRune(")]>}", rune(next[0]))
		if closing && prev == ',' {
			line, prev = line[:len(line)-1], line[len(line)-2]
		}
		switch {
		case prev == '{' || next[0] == '}':
			line += " " + next
		case strings.ContainsRune("([<", rune(prev)), closing, next[0] == '.':
			line += next
		default:
			line += " " + next
		}
	}
	return line, len(line) <= prettierWidth
}
