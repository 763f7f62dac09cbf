package model

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func richModel(t *testing.T) *Model {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "models", "rich.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	m.Normalize()
	if err := m.Validate(); err != nil {
		t.Fatalf("rich model: %v", err)
	}
	return m
}

func TestRichModelUsesEveryTypeAndModifier(t *testing.T) {
	m := richModel(t)
	if len(m.Resources) < 2 {
		t.Fatalf("the rich model has %d resources, want at least 2", len(m.Resources))
	}
	types := map[Type]bool{}
	var required, unique, def, bounds, plural, nullable bool
	for _, r := range m.Resources {
		plural = plural || r.Plural != ""
		for _, f := range r.Fields {
			types[f.Type] = true
			required = required || f.Required
			unique = unique || f.Unique
			def = def || f.HasDefault()
			bounds = bounds || f.Min != nil || f.Max != nil
			nullable = nullable || f.Nullable()
		}
	}
	for _, ty := range Types {
		if !types[ty] {
			t.Errorf("the rich model has no %s field", ty)
		}
	}
	if !required || !unique || !def || !bounds || !plural || !nullable {
		t.Errorf("the rich model lacks a modifier: required=%v unique=%v default=%v bounds=%v plural=%v nullable=%v", required, unique, def, bounds, plural, nullable)
	}
}

// model parses and validates a model given as YAML.
func validate(yaml string) error {
	m, err := Parse([]byte(yaml))
	if err != nil {
		return err
	}
	m.Normalize()
	return m.Validate()
}

func TestValidate(t *testing.T) {
	one := func(fields string) string { return "resources:\n  - name: book\n    fields:\n" + fields }
	tests := []struct {
		name, yaml, want string // want: a part of the error; "" means valid
	}{
		{"default model", "resources:\n  - name: task\n    fields:\n      - {name: title, type: string, required: true}\n", ""},
		{"every type", one("      - {name: a, type: string}\n      - {name: b, type: text}\n      - {name: c, type: int}\n      - {name: d, type: float}\n      - {name: e, type: bool}\n      - {name: f, type: date}\n      - {name: g, type: datetime}\n      - {name: h, type: enum, values: [x, y]}\n"), ""},
		{"unknown type", one("      - {name: pages, type: number}\n"), `field "pages" of resource "book" has unknown type "number": choose one of string, text`},
		{"no type", one("      - {name: pages}\n"), `field "pages" of resource "book" has no type`},
		{"unknown key", one("      - {name: pages, type: int, maximum: 3}\n"), "field maximum is not a key of a field"},
		{"unknown resource key", "resources:\n  - name: book\n    colour: red\n    fields: []\n", "field colour is not a key of a resource"},
		{"no resources", "resources: []\n", "no resources"},
		{"empty file", "", "empty"},
		{"no fields", "resources:\n  - name: book\n    fields: []\n", `resource "book" has no fields`},
		{"duplicate field", one("      - {name: pages, type: int}\n      - {name: pages, type: text}\n"), `has the field "pages" twice`},
		{"collision after case conversion", one("      - {name: page_count, type: int}\n      - {name: pagecount, type: int}\n"), `fields "page_count" and "pagecount", which clash`},
		{"duplicate resource", "resources:\n  - name: book\n    fields: [{name: a, type: int}]\n  - name: book\n    fields: [{name: a, type: int}]\n", `resources "book" and "book"`},
		{"resources clash by plural", "resources:\n  - name: book\n    fields: [{name: a, type: int}]\n  - name: books\n    plural: bookses\n    fields: [{name: a, type: int}]\n", `clash ("books")`},
		{"resources clash after case conversion", "resources:\n  - name: blog_post\n    fields: [{name: a, type: int}]\n  - name: blogpost\n    fields: [{name: a, type: int}]\n", "clash"},
		{"no distinct plural", "resources:\n  - name: sheep\n    fields: [{name: a, type: int}]\n", `"sheep" has no distinct plural`},
		{"explicit plural fixes it", "resources:\n  - name: sheep\n    plural: sheep_flock\n    fields: [{name: a, type: int}]\n", ""},
		{"not snake case", one("      - {name: PageCount, type: int}\n"), "must be snake_case"},
		{"resource not snake case", "resources:\n  - name: Book\n    fields: [{name: a, type: int}]\n", `resource "Book" must be snake_case`},
		{"reserved in Go", one("      - {name: type, type: string}\n"), `field "type" of resource "book" is a reserved word in Go`},
		{"reserved in Python", one("      - {name: from, type: string}\n"), "reserved word in Python"},
		{"reserved in Java", one("      - {name: class, type: string}\n"), "reserved word in"},
		{"reserved in SQL", one("      - {name: order, type: int}\n"), "reserved word in SQL"},
		{"SQL word is fine as a resource (its table is the plural)", "resources:\n  - name: order\n    fields: [{name: total_price, type: float}]\n", ""},
		{"reserved in XML", one("      - {name: xml_id, type: string}\n"), `starts with "xml"`},
		{"server field", one("      - {name: created_at, type: datetime}\n"), "added by the server"},
		{"query parameter", one("      - {name: limit, type: int}\n"), "?limit= parameter"},
		{"enum without values", one("      - {name: status, type: enum}\n"), `is an enum without values`},
		{"enum value not snake case", one("      - {name: status, type: enum, values: [In Progress]}\n"), `enum value "In Progress"`},
		{"enum value twice", one("      - {name: status, type: enum, values: [a, a]}\n"), `lists enum value "a" twice`},
		{"values on a string", one("      - {name: status, type: string, values: [a]}\n"), "only enum fields take values"},
		{"min greater than max", one("      - {name: pages, type: int, min: 10, max: 1}\n"), "min 10 greater than max 1"},
		{"bounds on a bool", one("      - {name: ok, type: bool, min: 1}\n"), "min and max apply only to"},
		{"fractional length", one("      - {name: code, type: string, max: 2.5}\n"), "whole numbers"},
		{"negative length", one("      - {name: code, type: string, min: -1}\n"), "negative length"},
		{"string too long", one("      - {name: code, type: string, max: 100000}\n"), "use type text"},
		{"unique text", one("      - {name: body, type: text, unique: true}\n"), "cannot be unique"},
		{"unique string too long for an index", one("      - {name: code, type: string, max: 1000, unique: true}\n"), "at most 768"},
		{"unique with default", one("      - {name: code, type: int, unique: true, default: 1}\n"), "unique and has a default"},
		{"required with default", one("      - {name: code, type: int, required: true, default: 1}\n"), "required and has a default"},
		{"default of the wrong type", one("      - {name: pages, type: int, default: many}\n"), "has default many: an int default must be a whole number"},
		{"default out of range", one("      - {name: pages, type: int, min: 1, default: 0}\n"), "breaks its own rules: must be at least 1"},
		{"default not in the enum", one("      - {name: status, type: enum, values: [a, b], default: c}\n"), "must be one of a, b"},
		{"default too long", one("      - {name: code, type: string, max: 2, default: abc}\n"), "at most 2 characters"},
		{"bad date default", one("      - {name: due, type: date, default: 2024-02-30}\n"), "must be a date"},
		{"good date default", one("      - {name: due, type: date, default: 2024-02-29}\n"), ""},
		{"int bound past what JSON carries", one("      - {name: n, type: int, max: 1e300}\n"), "±9007199254740991"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := validate(tt.yaml)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("want valid, got %v", err)
			case tt.want != "" && err == nil:
				t.Fatalf("want an error containing %q, got none", tt.want)
			case err != nil && !strings.Contains(err.Error(), tt.want):
				t.Fatalf("error %q does not contain %q", err, tt.want)
			case err != nil && strings.Contains(err.Error(), "\n"):
				t.Fatalf("error %q is more than one line", err)
			}
		})
	}
}

func TestShorthand(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		in   string
		want Resource
	}{
		{"book: title:string!, pages:int, status:enum(wishlist|reading|read)=wishlist, isbn:string unique", Resource{Name: "book", Fields: []Field{
			{Name: "title", Type: String, Required: true},
			{Name: "pages", Type: Int},
			{Name: "status", Type: Enum, Values: []string{"wishlist", "reading", "read"}, Default: "wishlist"},
			{Name: "isbn", Type: String, Unique: true},
		}}},
		{"person(people): name:string(2..80) required, born_on:date", Resource{Name: "person", Plural: "people", Fields: []Field{
			{Name: "name", Type: String, Required: true, Min: f(2), Max: f(80)},
			{Name: "born_on", Type: Date},
		}}},
		{"item: price:float(0.5..99.5)=1.5, code:string(..17), qty:int(0..)", Resource{Name: "item", Fields: []Field{
			{Name: "price", Type: Float, Min: f(0.5), Max: f(99.5), Default: 1.5},
			{Name: "code", Type: String, Max: f(17)},
			{Name: "qty", Type: Int, Min: f(0)},
		}}},
		{`note: label:string="to do, later", on:bool=true`, Resource{Name: "note", Fields: []Field{
			{Name: "label", Type: String, Default: "to do, later"},
			{Name: "on", Type: Bool, Default: true},
		}}},
		{"gizmo", DefaultResource("gizmo")},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseShorthand(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ParseShorthand(%q) =\n %+v\nwant\n %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestShorthandErrors(t *testing.T) {
	tests := []struct {
		in     string
		column int
		want   string
	}{
		{"", 1, "expected a resource name"},
		{": title:string", 1, "expected a resource name"},
		{"book title:string", 6, `expected : after the resource name "book"`},
		{"book: title", 12, `expected : and a type after the field name "title"`},
		{"book: title:strin", 13, `unknown type "strin"`},
		{"book: title:string!,", 21, "expected a field name"},
		{"book: title:string!; pages:int", 20, `unexpected ";" after field "title"`},
		{"book: status:enum(a|)", 21, "expected an enum value"},
		{"book: pages:int(1-5)", 20, "expected bounds as min..max"},
		{"book: pages:int(a..5)", 17, "bound \"a\" of field \"pages\" is not a number"},
		{"book: pages:int=", 17, "expected a default value"},
		{`book: t:string="open`, 16, "no closing"},
		{"book: t:string maybe", 16, `unexpected "maybe"`},
		{"book(: t:string", 6, "expected the plural"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseShorthand(tt.in)
			var se *ShorthandError
			if !errors.As(err, &se) {
				t.Fatalf("want a ShorthandError, got %v", err)
			}
			if se.Column != tt.column || !strings.Contains(se.Msg, tt.want) {
				t.Fatalf("got column %d %q, want column %d containing %q", se.Column, se.Msg, tt.column, tt.want)
			}
		})
	}
}

// The shorthand can say everything about the rich model: writing it and
// reading it back gives the same model.
func TestShorthandRoundTrip(t *testing.T) {
	m := richModel(t)
	for _, r := range append(m.Resources, DefaultResource("task"), Resource{Name: "odd", Plural: "odd_ones", Fields: []Field{{Name: "label", Type: String, Default: "a, \"b\""}}}) {
		t.Run(r.Name, func(t *testing.T) {
			want := &Model{Resources: []Resource{r}}
			want.Normalize()
			parsed, err := ParseShorthand(want.Resources[0].Shorthand())
			if err != nil {
				t.Fatalf("%s: %v", want.Resources[0].Shorthand(), err)
			}
			got := &Model{Resources: []Resource{parsed}}
			got.Normalize()
			if !equalResource(got.Resources[0], want.Resources[0]) {
				t.Fatalf("round trip of %q:\n got %+v\nwant %+v", want.Resources[0].Shorthand(), got.Resources[0], want.Resources[0])
			}
		})
	}
}

// The samples agree with the rules: every valid value and edge passes
// Check, every invalid one (that Go can represent) fails it, and Valid(n)
// differs for n = 0, 1, 2 where the field is unique.
func TestSamplesAgreeWithRules(t *testing.T) {
	m := richModel(t)
	for _, r := range m.Resources {
		for _, f := range r.Fields {
			t.Run(r.Name+"."+f.Name, func(t *testing.T) {
				seen := map[any]bool{}
				for n := range 5 {
					v := f.Valid(n)
					if msg := f.Check(v); msg != "" {
						t.Errorf("Valid(%d) = %#v: %s", n, v, msg)
					}
					if f.Unique && seen[v] {
						t.Errorf("Valid(%d) = %#v repeats an earlier value of a unique field", n, v)
					}
					seen[v] = true
				}
				for _, s := range f.Edges() {
					if msg := f.Check(s.Value); msg != "" {
						t.Errorf("edge %q (%.40v): %s", s.Rule, s.Value, msg)
					}
				}
				if len(f.Invalid()) == 0 {
					t.Errorf("no invalid samples")
				}
				for _, s := range f.Invalid() {
					if s.IsRaw() {
						continue
					}
					if msg := f.Check(s.Value); msg == "" {
						t.Errorf("invalid sample %q (%.40v) passes Check", s.Rule, s.Value)
					}
				}
			})
		}
	}
}

func TestFromAnswers(t *testing.T) {
	legacy := "blueprint: go-chi\nresource:\n    singular: note\n    plural: notes\n    fields:\n        - name: title\n          type: string\n"
	m, err := FromAnswers([]byte(legacy))
	if err != nil {
		t.Fatal(err)
	}
	if !m.IsDefaultShape() || m.Resources[0].Name != "note" {
		t.Fatalf("legacy answers: got %+v", m.Resources)
	}
	rich := richModel(t)
	data, err := rich.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	got, err := FromAnswers(append([]byte("blueprint: go-nethttp\nanswers:\n  name: x\n"), data...))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rich) {
		t.Fatalf("FromAnswers(Marshal(rich)) differs:\n got %+v\nwant %+v", got, rich)
	}
	if _, err := FromAnswers([]byte("blueprint: x\n")); err == nil {
		t.Fatal("answers without a model: want an error")
	}
}

func TestIsDefaultShape(t *testing.T) {
	if !Default().IsDefaultShape() {
		t.Error("Default() is not of the default shape")
	}
	r := DefaultResource("gizmo")
	if !(&Model{Resources: []Resource{r}}).IsDefaultShape() {
		t.Error("a renamed default resource is of the default shape")
	}
	r.Fields = r.Fields[:1]
	if (&Model{Resources: []Resource{r}}).IsDefaultShape() {
		t.Error("a resource without done is not of the default shape")
	}
	if richModel(t).IsDefaultShape() {
		t.Error("the rich model is not of the default shape")
	}
}
