package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// Python spellings of a field, for the Python blueprints: the Pydantic types
// of the input and output models, the SQLAlchemy column type and the
// default as a Python expression. The annotated base types they name
// (Text, RequiredText, Int, Float, Bool, Date, DateTime, QueryInt …) are
// defined by the blueprint's schemas/types.py.

// PyEnum is the name of the Python enum class of an enum field (StrEnum).
func (f FieldData) PyEnum() string { return f.Name.Pascal }

// PyInput is the field's annotation in the create / replace / patch models,
// without "| None" and without the default.
func (f FieldData) PyInput() string {
	var base string
	var constraints []string
	switch f.Model.Type {
	case model.String, model.Text:
		base = "Text"
		if f.Required {
			base = "RequiredText"
		}
		if mn, ok := f.Model.MinInt(); ok && mn > 0 {
			constraints = append(constraints, "min_length="+strconv.FormatInt(mn, 10))
		}
		if mx, ok := f.Model.MaxInt(); ok {
			constraints = append(constraints, "max_length="+strconv.FormatInt(mx, 10))
		}
	case model.Int:
		base = "Int"
		if mn, ok := f.Model.MinInt(); ok {
			constraints = append(constraints, "ge="+strconv.FormatInt(mn, 10))
		}
		if mx, ok := f.Model.MaxInt(); ok {
			constraints = append(constraints, "le="+strconv.FormatInt(mx, 10))
		}
	case model.Float:
		base = "Float"
		if f.Model.Min != nil {
			constraints = append(constraints, "ge="+goFloat(*f.Model.Min))
		}
		if f.Model.Max != nil {
			constraints = append(constraints, "le="+goFloat(*f.Model.Max))
		}
	case model.Bool:
		base = "Bool"
	case model.Date:
		base = "Date"
	case model.DateTime:
		base = "DateTime"
	case model.Enum:
		base = f.PyEnum()
	}
	if len(constraints) == 0 {
		return base
	}
	return fmt.Sprintf("Annotated[%s, Field(%s)]", base, strings.Join(constraints, ", "))
}

// PyOutput is the field's annotation in the public (response) model.
func (f FieldData) PyOutput() string {
	t := map[model.Type]string{
		model.String: "str", model.Text: "str", model.Int: "int", model.Float: "float",
		model.Bool: "bool", model.Date: "date", model.DateTime: "datetime",
	}[f.Model.Type]
	if f.Model.Type == model.Enum {
		t = f.PyEnum()
	}
	if f.Nullable {
		t += " | None"
	}
	return t
}

// PyQuery is the field's annotation in the list endpoint's query model
// (filters are parsed from text, so ints and bools take the strict query
// spellings), always optional.
func (f FieldData) PyQuery() string {
	switch f.Model.Type {
	case model.Int:
		return "QueryInt | None"
	case model.Bool:
		return "QueryBool | None"
	case model.String, model.Text:
		return "Text | None"
	case model.Date:
		return "Date | None"
	case model.Enum:
		return f.PyEnum() + " | None"
	}
	return "str | None"
}

// PyDefault is the default as a Python expression ("" without a default);
// an enum default names its member.
func (f FieldData) PyDefault() string {
	if !f.HasDefault {
		return ""
	}
	switch x := f.Default.(type) {
	case bool:
		return map[bool]string{true: "True", false: "False"}[x]
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return goFloat(x)
	case string:
		if f.Model.Type == model.Enum {
			return f.PyEnum() + "." + NewName(x).Upper
		}
		return pythonString(x)
	}
	return "None"
}

// PyServerDefault is the column's server default as SQL text for
// sa.text(...) ("" without a default).
func (f FieldData) PyServerDefault() string {
	return strings.TrimPrefix(f.SQL.Default, "DEFAULT ")
}

// PyCheck is the column's CHECK expression without the CHECK keyword ("" when none).
func (f FieldData) PyCheck() string {
	c := strings.TrimPrefix(f.SQL.Check, "CHECK (")
	if c == f.SQL.Check {
		return ""
	}
	return strings.TrimSuffix(c, ")")
}

// PyColumn is the field's SQLAlchemy column type, as an expression using
// `sa` (sqlalchemy) and `mysql` (sqlalchemy.dialects.mysql); datetime columns
// use the project's UTCDateTime type.
func (f FieldData) PyColumn() string {
	switch f.Model.Type {
	case model.String:
		mx, _ := f.Model.MaxInt()
		return fmt.Sprintf("sa.String(%d)", mx)
	case model.Text:
		return `sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")`
	case model.Int:
		return "sa.BigInteger()"
	case model.Float:
		return "sa.Double()"
	case model.Bool:
		return "sa.Boolean()"
	case model.Date:
		return "sa.Date()"
	case model.DateTime:
		return "UTCDateTime()"
	case model.Enum:
		longest := 0
		for _, v := range f.Model.Values {
			longest = max(longest, len(v))
		}
		return fmt.Sprintf("sa.String(%d)", longest)
	}
	return "sa.Text()"
}

// PyMigrationColumn is PyColumn as a migration spells it: without the
// project's own types, so that a migration never changes when code does.
func (f FieldData) PyMigrationColumn() string {
	if f.Model.Type == model.DateTime {
		return `sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")`
	}
	return f.PyColumn()
}

// PyMapped is the field's Python type in the SQLAlchemy model (Mapped[...]).
func (f FieldData) PyMapped() string {
	t := map[model.Type]string{
		model.String: "str", model.Text: "str", model.Int: "int", model.Float: "float",
		model.Bool: "bool", model.Date: "date", model.DateTime: "datetime", model.Enum: "str",
	}[f.Model.Type]
	if f.Nullable {
		t += " | None"
	}
	return t
}

// PySchemaNames are the names a router imports from its resource's schemas
// module, in the order ruff's isort wants them (case-insensitive).
func (r ResourceData) PySchemaNames() []string {
	names := []string{
		r.Plural.Pascal + "Public", r.Singular.Pascal + "Create", r.Singular.Pascal + "Public",
		r.Singular.Pascal + "Query", r.Singular.Pascal + "Update",
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return names
}
