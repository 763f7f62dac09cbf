package generator

import (
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

// Words is a name as lower-case words ("published on"), for messages.
func (n Name) Words() string { return strings.ReplaceAll(n.Snake, "_", " ") }

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
