package generator

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/scaffold-dev/scaffold/generator/apispec"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// ResourceData is one resource of the learner's model as templates see it.
// A file whose path names .Resource is rendered once per resource with
// .Resource set to it; everywhere else .Resource is the first resource and
// .Resources lists them all.
type ResourceData struct {
	Singular, Plural Name
	Index            int  // 1-based position in the model (migration numbers, ordering)
	First, Last      bool // first and last resource of the model
	Fields           []FieldData

	Required   []FieldData // required fields
	Unique     []FieldData // unique fields
	Filterable []FieldData // fields the list endpoint filters on (?field=value)
	// Sortable is every name ?sort= accepts, in order: id, the fields, created_at, updated_at.
	Sortable []string

	// Has* say whether any field is of a type or has a modifier, for imports.
	HasString, HasText, HasInt, HasFloat, HasBool, HasDate, HasDateTime, HasEnum bool
	HasUnique, HasNullable, HasDefault, HasRequired                              bool

	// Example and Example2 are valid objects with every field set (they
	// differ in every unique field), as compact JSON, for READMEs and tests.
	Example, Example2 string
	// ExampleMinimal is a valid object with only the required (and unique) fields.
	ExampleMinimal string

	Model model.Resource // the resource as the model gives it
}

// FieldData is one field of a resource as templates see it.
type FieldData struct {
	Name Name
	Type string // string text int float bool date datetime enum

	IsString, IsText, IsInt, IsFloat, IsBool, IsDate, IsDateTime, IsEnum bool
	IsChars                                                              bool // string or text
	IsTime                                                               bool // date or datetime

	Required, Unique, Nullable, Filterable bool

	HasMin, HasMax bool
	Min, Max       string // the bounds as written in code ("1", "0.5"); "" when absent
	MinInt, MaxInt int64  // the bounds as integers (string/text lengths, int values)

	HasDefault  bool
	Default     any    // string, int64, float64 or bool
	DefaultJSON string // the default as JSON ("true", "\"wishlist\"", "0")
	DefaultText string // the default as plain text (wishlist, true, 0)

	Values []Name // enum values

	SQL SQLColumn // the column for the project's database (empty for MongoDB)
	XSD XSDType   // the element type in the WSDL's schema
	Go  GoField   // the field's Go types (data_go.go)

	// Samples for the generated tests: Valid are distinct valid values,
	// Edges valid values at the limits, Invalid one invalid value per rule.
	Valid   []SampleData
	Edges   []SampleData
	Invalid []SampleData

	Model model.Field // the field as the model gives it
}

// SQLColumn is a field's column in the project's SQL dialect.
type SQLColumn struct {
	Type       string // e.g. VARCHAR(200), BIGINT, TIMESTAMPTZ
	Null       string // "NOT NULL" or "NULL"
	Default    string // e.g. "DEFAULT FALSE", or ""
	Check      string // e.g. "CHECK (status IN ('wishlist', 'reading'))", or ""
	Definition string // name, type, null, default, unique and check, ready for CREATE TABLE
}

// XSDType is a field's type in the WSDL's XML schema (the one the engine
// writes the WSDL with).
type XSDType = apispec.XSDType

// SampleData is one sample value in the spellings templates need.
type SampleData struct {
	Rule   string
	JSON   string // the value as JSON text, e.g. "\"abc\"", 12, null
	Text   string // the value as plain text, as in XML or a query string ("" for null)
	IsNull bool
	IsRaw  bool // only JSON can spell it (a lone surrogate, a number past 64 bits)
	Value  any
}

func newResourceData(r model.Resource, i, n int, dialect string) ResourceData {
	rd := ResourceData{
		Singular: NewName(r.Name), Plural: NewName(r.Plural),
		Index: i + 1, First: i == 0, Last: i == n-1,
		Model:    r,
		Sortable: []string{"id"},
	}
	for _, f := range r.Fields {
		fd := newFieldData(f, dialect)
		rd.Fields = append(rd.Fields, fd)
		if fd.Required {
			rd.Required = append(rd.Required, fd)
			rd.HasRequired = true
		}
		if fd.Unique {
			rd.Unique = append(rd.Unique, fd)
			rd.HasUnique = true
		}
		if fd.Filterable {
			rd.Filterable = append(rd.Filterable, fd)
		}
		rd.Sortable = append(rd.Sortable, f.Name)
		rd.HasNullable = rd.HasNullable || fd.Nullable
		rd.HasDefault = rd.HasDefault || fd.HasDefault
		switch f.Type {
		case model.String:
			rd.HasString = true
		case model.Text:
			rd.HasText = true
		case model.Int:
			rd.HasInt = true
		case model.Float:
			rd.HasFloat = true
		case model.Bool:
			rd.HasBool = true
		case model.Date:
			rd.HasDate = true
		case model.DateTime:
			rd.HasDateTime = true
		case model.Enum:
			rd.HasEnum = true
		}
	}
	rd.Sortable = append(rd.Sortable, "created_at", "updated_at")
	rd.Example = compactJSON(r, r.Example(0))
	rd.Example2 = compactJSON(r, r.Example(1))
	rd.ExampleMinimal = compactJSON(r, r.Minimal(2))
	return rd
}

// compactJSON writes an object with its fields in model order.
func compactJSON(r model.Resource, obj map[string]any) string {
	var parts []string
	for _, f := range r.Fields {
		if v, ok := obj[f.Name]; ok {
			parts = append(parts, strconv.Quote(f.Name)+":"+model.Sample{Value: v}.JSON())
		}
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func newFieldData(f model.Field, dialect string) FieldData {
	fd := FieldData{
		Name: NewName(f.Name), Type: string(f.Type), Model: f,
		IsString: f.Type == model.String, IsText: f.Type == model.Text, IsInt: f.Type == model.Int,
		IsFloat: f.Type == model.Float, IsBool: f.Type == model.Bool, IsDate: f.Type == model.Date,
		IsDateTime: f.Type == model.DateTime, IsEnum: f.Type == model.Enum,
		IsChars: f.IsText(), IsTime: f.Type == model.Date || f.Type == model.DateTime,
		Required: f.Required, Unique: f.Unique, Nullable: f.Nullable(), Filterable: f.Filterable(),
		HasDefault: f.HasDefault(), Default: f.Default,
	}
	if f.Min != nil {
		fd.HasMin, fd.Min, fd.MinInt = true, formatNumber(*f.Min), int64(*f.Min)
	}
	if f.Max != nil {
		fd.HasMax, fd.Max, fd.MaxInt = true, formatNumber(*f.Max), int64(*f.Max)
	}
	if f.HasDefault() {
		s := model.Sample{Value: f.Default}
		fd.DefaultJSON, fd.DefaultText = s.JSON(), plainText(f.Default)
	}
	for _, v := range f.Values {
		fd.Values = append(fd.Values, NewName(v))
	}
	for n := range 3 {
		fd.Valid = append(fd.Valid, newSample(f, model.Sample{Rule: fmt.Sprintf("valid value %d", n+1), Value: f.Valid(n)}))
	}
	for _, s := range f.Edges() {
		fd.Edges = append(fd.Edges, newSample(f, s))
	}
	for _, s := range f.Invalid() {
		fd.Invalid = append(fd.Invalid, newSample(f, s))
	}
	fd.SQL = sqlColumn(f, dialect)
	fd.XSD = apispec.FieldXSD(f)
	fd.Go = goField(f)
	return fd
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func plainText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return formatNumber(x)
	}
	return fmt.Sprint(v)
}

func newSample(f model.Field, s model.Sample) SampleData {
	sd := SampleData{Rule: s.Rule, JSON: s.JSON(), IsNull: s.Value == nil, IsRaw: s.IsRaw(), Value: s.Value}
	if !sd.IsRaw {
		sd.Text = plainText(s.Value)
	}
	return sd
}

// Go is the sample as a Go expression of the field's plain Go type (a
// string, int64 …); "" when only JSON can spell it. It is made when a
// template asks for it, as Python is: the boundary samples run to thousands
// of characters, and a project in one language needs one of the two.
func (s SampleData) Go() string {
	if s.IsRaw {
		return ""
	}
	switch x := s.Value.(type) {
	case nil:
		return "nil"
	case string:
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return goFloat(x)
	}
	return ""
}

// Python is the sample as a Python literal; "" when only JSON can spell it.
func (s SampleData) Python() string {
	if s.IsRaw {
		return ""
	}
	switch x := s.Value.(type) {
	case nil:
		return "None"
	case string:
		return pythonString(x)
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return goFloat(x)
	}
	return ""
}

func goFloat(v float64) string {
	s := formatNumber(v)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// pythonString is a Python string literal, quoted as ruff's formatter quotes.
func pythonString(s string) string { return pyStr(s) }

// quoteJSON is s as a JSON string literal in which every character that does
// not show on screen (format characters, spaces other than U+0020, controls)
// is a \u escape, so that a generated source file holds no invisible text. The
// literal is valid JSON, Python and JavaScript alike.
func quoteJSON(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	var out strings.Builder
	for _, r := range string(b) {
		switch {
		case strconv.IsPrint(r):
			out.WriteRune(r)
		case r > 0xFFFF:
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(&out, "\\u%04x\\u%04x", hi, lo)
		default:
			fmt.Fprintf(&out, "\\u%04x", r)
		}
	}
	return out.String()
}

// sqlColumn is the column of a field in a dialect: sqlite, postgres or mysql.
func sqlColumn(f model.Field, dialect string) SQLColumn {
	if dialect != "sqlite" && dialect != "postgres" && dialect != "mysql" {
		return SQLColumn{}
	}
	col := SQLColumn{Null: "NULL"}
	if f.Required || f.HasDefault() {
		col.Null = "NOT NULL"
	}
	mx, hasMax := f.MaxInt()
	mn, hasMin := f.MinInt()
	name := f.Name
	var checks []string
	switch f.Type {
	case model.String:
		col.Type = map[string]string{"sqlite": "TEXT", "postgres": fmt.Sprintf("VARCHAR(%d)", mx), "mysql": fmt.Sprintf("VARCHAR(%d)", mx)}[dialect]
		if dialect == "sqlite" {
			checks = append(checks, fmt.Sprintf("length(%s) <= %d", name, mx))
		}
		if hasMin && mn > 0 {
			checks = append(checks, fmt.Sprintf("%s(%s) >= %d", charLength(dialect), name, mn))
		}
	case model.Text:
		col.Type = "TEXT"
		if dialect == "mysql" && (!hasMax || mx > 16383) {
			col.Type = "MEDIUMTEXT"
		}
		if hasMax {
			checks = append(checks, fmt.Sprintf("%s(%s) <= %d", charLength(dialect), name, mx))
		}
		if hasMin && mn > 0 {
			checks = append(checks, fmt.Sprintf("%s(%s) >= %d", charLength(dialect), name, mn))
		}
	case model.Int:
		col.Type = map[string]string{"sqlite": "INTEGER", "postgres": "BIGINT", "mysql": "BIGINT"}[dialect]
		checks = append(checks, rangeChecks(f, name)...)
	case model.Float:
		col.Type = map[string]string{"sqlite": "REAL", "postgres": "DOUBLE PRECISION", "mysql": "DOUBLE"}[dialect]
		checks = append(checks, rangeChecks(f, name)...)
	case model.Bool:
		col.Type = map[string]string{"sqlite": "INTEGER", "postgres": "BOOLEAN", "mysql": "BOOLEAN"}[dialect]
		if dialect == "sqlite" {
			checks = append(checks, name+" IN (0, 1)")
		}
	case model.Date:
		col.Type = map[string]string{"sqlite": "TEXT", "postgres": "DATE", "mysql": "DATE"}[dialect]
	case model.DateTime:
		col.Type = map[string]string{"sqlite": "TEXT", "postgres": "TIMESTAMPTZ", "mysql": "DATETIME(6)"}[dialect]
	case model.Enum:
		longest := 0
		quoted := make([]string, len(f.Values))
		for i, v := range f.Values {
			longest = max(longest, len(v))
			quoted[i] = "'" + v + "'"
		}
		col.Type = "TEXT"
		if dialect != "sqlite" {
			col.Type = fmt.Sprintf("VARCHAR(%d)", longest)
		}
		checks = append(checks, fmt.Sprintf("%s IN (%s)", name, strings.Join(quoted, ", ")))
	}
	if f.HasDefault() {
		col.Default = "DEFAULT " + sqlLiteral(f.Default, dialect)
	}
	if len(checks) > 0 {
		col.Check = "CHECK (" + strings.Join(checks, " AND ") + ")"
	}
	parts := []string{name, col.Type, col.Null}
	if col.Default != "" {
		parts = append(parts, col.Default)
	}
	if f.Unique {
		parts = append(parts, "UNIQUE")
	}
	if col.Check != "" {
		parts = append(parts, col.Check)
	}
	col.Definition = strings.Join(parts, " ")
	return col
}

func charLength(dialect string) string {
	if dialect == "sqlite" {
		return "length"
	}
	return "char_length"
}

func rangeChecks(f model.Field, name string) []string {
	var out []string
	if f.Min != nil {
		out = append(out, fmt.Sprintf("%s >= %s", name, formatNumber(*f.Min)))
	}
	if f.Max != nil {
		out = append(out, fmt.Sprintf("%s <= %s", name, formatNumber(*f.Max)))
	}
	return out
}

func sqlLiteral(v any, dialect string) string {
	switch x := v.(type) {
	case bool:
		if dialect == "sqlite" {
			return map[bool]string{true: "1", false: "0"}[x]
		}
		return strings.ToUpper(strconv.FormatBool(x))
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return formatNumber(x)
	case string:
		lit := "'" + strings.ReplaceAll(x, "'", "''") + "'"
		if dialect == "mysql" {
			return "(" + lit + ")" // MySQL takes literal defaults for TEXT columns only as expressions
		}
		return lit
	}
	return "NULL"
}
