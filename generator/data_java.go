package generator

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// Java spellings of the model for the java-spring blueprint. They are methods,
// so templates call them like fields: {{ $f.JavaType }}, {{ .Resource.JavaPackage }}.

// JavaPackage is the resource's package segment ("blogpost" for blog_post).
func (r ResourceData) JavaPackage() string { return r.Singular.Lower }

// JavaExample is Example as a Java string literal.
func (r ResourceData) JavaExample() string { return JavaString(r.Example) }

// JavaExample2 is Example2 as a Java string literal.
func (r ResourceData) JavaExample2() string { return JavaString(r.Example2) }

// JavaExampleMinimal is ExampleMinimal as a Java string literal.
func (r ResourceData) JavaExampleMinimal() string { return JavaString(r.ExampleMinimal) }

// JavaType is the field's type in entities and DTOs (always a reference type,
// so that a nullable field can hold null and Query by Example can skip it).
func (f FieldData) JavaType() string {
	switch {
	case f.IsInt:
		return "Long"
	case f.IsFloat:
		return "Double"
	case f.IsBool:
		return "Boolean"
	case f.IsDate:
		return "LocalDate"
	case f.IsDateTime:
		return "Instant"
	}
	return "String" // string, text, enum
}

// JavaName is the field's name as a Java property (camelCase).
func (f FieldData) JavaName() string { return f.Name.Camel }

// JavaConstraints are the Jakarta Bean Validation annotations of the field in
// the request DTO, in the order they read best.
func (f FieldData) JavaConstraints() []string {
	var out []string
	if f.Required || f.HasDefault {
		out = append(out, "@NotNull")
	}
	switch {
	case f.IsChars:
		if f.Required {
			out = append(out, "@NotBlankText") // the contract's blank, not Jakarta's trim()
		}
		var bounds []string
		if f.HasMin && f.MinInt > 0 {
			bounds = append(bounds, fmt.Sprintf("min = %d", f.MinInt))
		}
		if f.HasMax {
			bounds = append(bounds, fmt.Sprintf("max = %d", f.MaxInt))
		}
		if len(bounds) > 0 {
			out = append(out, "@CodePointLength("+strings.Join(bounds, ", ")+")")
		}
		out = append(out, "@PlainText")
	case f.IsEnum:
		names := make([]string, len(f.Values))
		for i, v := range f.Values {
			names[i] = v.Raw
		}
		out = append(out, fmt.Sprintf("@Pattern(regexp = %s, message = %s)",
			JavaString(strings.Join(names, "|")), JavaString("must be one of "+strings.Join(names, ", "))))
	case f.IsInt:
		// Without a bound of its own, an int is limited to the whole numbers a
		// JSON number carries exactly (±(2^53-1)), as the API description says.
		lo, hi := int64(-maxSafeInteger), int64(maxSafeInteger)
		if f.HasMin {
			lo = f.MinInt
		}
		if f.HasMax {
			hi = f.MaxInt
		}
		out = append(out, fmt.Sprintf("@Min(%dL)", lo), fmt.Sprintf("@Max(%dL)", hi))
	case f.IsFloat:
		// A bound is always set so that a number JSON cannot hold as a double
		// (1e400 reads as Infinity) is refused.
		lo, hi := "-1.7976931348623157E308", "1.7976931348623157E308"
		if f.HasMin {
			lo = f.Min
		}
		if f.HasMax {
			hi = f.Max
		}
		out = append(out, "@DecimalMin("+JavaString(lo)+")", "@DecimalMax("+JavaString(hi)+")")
	}
	return out
}

// JavaDefault is the field's default as a Java expression of JavaType, or
// "null" when it has none.
func (f FieldData) JavaDefault() string {
	if !f.HasDefault {
		return "null"
	}
	switch v := f.Default.(type) {
	case bool:
		return map[bool]string{true: "Boolean.TRUE", false: "Boolean.FALSE"}[v]
	case int64:
		if f.IsFloat {
			return strconv.FormatInt(v, 10) + ".0"
		}
		return strconv.FormatInt(v, 10) + "L"
	case float64:
		if f.IsInt {
			return strconv.FormatInt(int64(v), 10) + "L"
		}
		return goFloat(v)
	case string:
		switch {
		case f.IsDate:
			return "LocalDate.parse(" + JavaString(v) + ")"
		case f.IsDateTime:
			return "Instant.parse(" + JavaString(v) + ")"
		}
		return JavaString(v)
	}
	return "null"
}

// JavaColumn is the column definition for the Flyway migration in a dialect.
// It is the engine's SQL definition except on SQLite, where dates and times
// are declared DATE and TIMESTAMP: the SQLite JDBC driver stores them as
// numbers (epoch milliseconds), which a TEXT column would turn into text.
func (f FieldData) JavaColumn(dialect string) string {
	if dialect != "sqlite" || !f.IsTime {
		return f.SQL.Definition
	}
	typ := "DATE"
	if f.IsDateTime {
		typ = "TIMESTAMP"
	}
	parts := []string{f.Name.Raw, typ, f.SQL.Null}
	if f.SQL.Default != "" {
		parts = append(parts, f.SQL.Default)
	}
	if f.Unique {
		parts = append(parts, "UNIQUE")
	}
	return strings.Join(parts, " ")
}

// JavaJSON is the sample's JSON text as a Java string literal.
func (s SampleData) JavaJSON() string { return JavaString(s.JSON) }

// JavaText is the sample's plain text (as in a query string) as a Java string literal.
func (s SampleData) JavaText() string { return JavaString(s.Text) }

// JavaString quotes s as a Java string literal: quotes and backslashes are
// escaped, and everything outside printable ASCII is a \uXXXX escape, so the
// source file stays ASCII and javac reads back exactly s.
func JavaString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r': // a \u000d escape would end the literal: javac reads escapes first
			b.WriteString(`\r`)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r > 0xffff:
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, hi, lo)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// HasChars reports whether a field is a string or text (imports of PlainText).
func (r ResourceData) HasChars() bool { return r.any(func(f FieldData) bool { return f.IsChars }) }

// HasRequiredChars reports whether a required string or text field exists (@NotBlankText).
func (r ResourceData) HasRequiredChars() bool {
	return r.any(func(f FieldData) bool { return f.IsChars && f.Required })
}

// HasCharBounds reports whether a string or text field has a length bound (@CodePointLength).
func (r ResourceData) HasCharBounds() bool {
	return r.any(func(f FieldData) bool { return f.IsChars && (f.HasMax || (f.HasMin && f.MinInt > 0)) })
}

// HasIntMin reports whether @Min is used: every int field has bounds.
func (r ResourceData) HasIntMin() bool { return r.HasInt }

// HasIntMax reports whether @Max is used: every int field has bounds.
func (r ResourceData) HasIntMax() bool { return r.HasInt }

// maxSafeInteger is the largest whole number a JSON number (a double) carries exactly.
const maxSafeInteger = 1<<53 - 1

// HasFilterType reports whether a filterable field has the given type (imports of the parsers).
func (r ResourceData) HasFilterType(typ string) bool {
	for _, f := range r.Filterable {
		if f.Type == typ {
			return true
		}
	}
	return false
}

func (r ResourceData) any(pred func(FieldData) bool) bool {
	for _, f := range r.Fields {
		if pred(f) {
			return true
		}
	}
	return false
}

// JavaSQLiteType is the column's declared type on SQLite (TEXT, INTEGER, REAL,
// DATE, TIMESTAMP). The entity names it in @Column(columnDefinition): SQLite
// declares few types, and Hibernate's ddl-auto=validate accepts a column whose
// declared type is the one the mapping says.
func (f FieldData) JavaSQLiteType() string {
	switch {
	case f.IsDate:
		return "DATE"
	case f.IsDateTime:
		return "TIMESTAMP"
	}
	return sqlColumn(f.Model, "sqlite").Type
}

// JavaExampleWith is the n-th example object with one field set to a JSON
// value (raw JSON text), as a Java string literal: the body of a generated
// test that checks what the service does with that one value.
func (r ResourceData) JavaExampleWith(n int64, field, rawJSON string) string {
	obj := r.Model.Example(int(n))
	var parts []string
	for _, f := range r.Model.Fields {
		v := model.Sample{Value: obj[f.Name]}.JSON()
		if f.Name == field {
			v = rawJSON
		}
		parts = append(parts, strconv.Quote(f.Name)+":"+v)
	}
	return JavaString("{" + strings.Join(parts, ",") + "}")
}

// JavaExampleN is the n-th example object as a Java string literal.
func (r ResourceData) JavaExampleN(n int) string {
	return JavaString(compactJSON(r.Model, r.Model.Example(n)))
}

// JavaDefaultJSON is DefaultJSON as a Java string literal.
func (f FieldData) JavaDefaultJSON() string { return JavaString(f.DefaultJSON) }

// JavaSoapNillable reports whether JAXB gives the field as a JAXBElement: an
// element that may be left out and may be xsi:nil (a nullable field).
func (f FieldData) JavaSoapNillable() bool { return f.XSD.MinOccurs == 0 && f.XSD.Nillable }

// JavaSoapGetter is the name of the JAXB getter of the field: isX for a plain
// boolean element, getX for everything else (a JAXBElement too).
func (f FieldData) JavaSoapGetter() string {
	if f.IsBool && !f.JavaSoapNillable() {
		return "is" + f.Name.Pascal
	}
	return "get" + f.Name.Pascal
}

// JavaSoapInt reports whether JAXB maps the int field to Integer rather than
// Long: xjc narrows an xs:long whose bounds both fit in 32 bits.
func (f FieldData) JavaSoapInt() bool {
	return f.IsInt && f.HasMin && f.HasMax && f.MinInt >= -1<<31 && f.MaxInt <= 1<<31-1
}

// JavaControlText is a JSON string of U+0001 characters, as many as the
// field's length bounds allow (two if they allow it): not blank by the
// contract, although Java's String.trim() would remove every character.
func (f FieldData) JavaControlText() string {
	n := 2
	if f.HasMin && f.MinInt > int64(n) {
		n = int(f.MinInt)
	}
	if f.HasMax && f.MaxInt < int64(n) {
		n = int(f.MaxInt)
	}
	return `"` + strings.Repeat(`\u0001`, n) + `"`
}
