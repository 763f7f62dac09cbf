package generator

import (
	"strings"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// GoField is a field in the Go blueprints' terms. Date fields use the
// project's own civil-date type (types.Date) and enums a string type named
// after the field, declared in the resource's package.
type GoField struct {
	Name      string   // the exported identifier, with Go's initialisms (ISBN, URL, ID)
	Values    []string // for an enum, the identifiers of its values' constants (StatusWishlist)
	Type      string   // the plain type: string, int64, float64, bool, types.Date, time.Time, or the enum type
	FieldType string   // the type in the domain struct: Type, or *Type for a nullable field
	Decode    string   // the types.Decode* function that reads the field from JSON
	Parse     string   // the types.Parse* function that reads the field from text (XML, query strings)
}

func goField(f model.Field) GoField {
	g := GoField{Name: goIdent(f.Name)}
	switch f.Type {
	case model.String, model.Text:
		g.Type, g.Decode, g.Parse = "string", "DecodeString", "ParseString"
	case model.Int:
		g.Type, g.Decode, g.Parse = "int64", "DecodeInt", "ParseInt"
	case model.Float:
		g.Type, g.Decode, g.Parse = "float64", "DecodeFloat", "ParseFloat"
	case model.Bool:
		g.Type, g.Decode, g.Parse = "bool", "DecodeBool", "ParseBool"
	case model.Date:
		g.Type, g.Decode, g.Parse = "types.Date", "DecodeDate", "ParseDate"
	case model.DateTime:
		g.Type, g.Decode, g.Parse = "time.Time", "DecodeTime", "ParseTime"
	case model.Enum:
		g.Type, g.Decode, g.Parse = g.Name, "DecodeString", "ParseString"
		for _, v := range f.Values {
			g.Values = append(g.Values, g.Name+goIdent(v))
		}
	}
	g.FieldType = g.Type
	if f.Nullable() {
		g.FieldType = "*" + g.Type
	}
	return g
}

// goInitialisms are the words Go spells in capitals (the list golint and
// revive's var-naming check).
var goInitialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true, "EOF": true,
	"GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true, "ISBN": true,
	"JSON": true, "QPS": true, "RAM": true, "RPC": true, "SLA": true, "SMTP": true, "SQL": true,
	"SSH": true, "TCP": true, "TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true,
	"UUID": true, "URI": true, "URL": true, "UTF8": true, "VM": true, "XML": true, "XMPP": true,
	"XSRF": true, "XSS": true,
}

// goIdent is an exported Go identifier for a snake_case name: isbn → ISBN,
// image_url → ImageURL, full_name → FullName.
func goIdent(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(NewName(name).Snake, "_") {
		if part == "" {
			continue
		}
		if up := strings.ToUpper(part); goInitialisms[up] {
			b.WriteString(up)
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}
