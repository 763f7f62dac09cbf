// Package model is the learner's data model (DESIGN.md §4a): one or more
// resources with typed fields. It parses the YAML of a model file and of
// .scaffold.yaml, the one-flag shorthand (--resource), checks every rule, and
// makes sample values (valid ones, and one invalid value per rule) that the
// generated tests and the contract suite use.
//
// Names in a model are snake_case; the generator turns them into every other
// spelling. The package has no dependency on the rest of scaffold, so the
// contract suite can read a project's model from its .scaffold.yaml.
package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Type is a field type.
type Type string

// The field types of §4a.
const (
	String   Type = "string"
	Text     Type = "text"
	Int      Type = "int"
	Float    Type = "float"
	Bool     Type = "bool"
	Date     Type = "date"
	DateTime Type = "datetime"
	Enum     Type = "enum"
)

// Types lists every field type, in the order the wizard and errors show them.
var Types = []Type{String, Text, Int, Float, Bool, Date, DateTime, Enum}

// DefaultStringMax is the maximum length of a string field that gives none.
const DefaultStringMax = 200

// Model is the learner's data model.
type Model struct {
	Resources []Resource `yaml:"resources" json:"resources"`
}

// Resource is one CRUD resource.
type Resource struct {
	Name   string  `yaml:"name" json:"name"`                         // singular, snake_case
	Plural string  `yaml:"plural,omitempty" json:"plural,omitempty"` // snake_case; from inflection when empty
	Fields []Field `yaml:"fields" json:"fields"`
}

// Field is one field of a resource. id, created_at and updated_at are added
// by the server and never appear here.
type Field struct {
	Name     string   `yaml:"name" json:"name"`
	Type     Type     `yaml:"type" json:"type"`
	Required bool     `yaml:"required,omitempty" json:"required,omitempty"`
	Min      *float64 `yaml:"min,omitempty" json:"min,omitempty"`
	Max      *float64 `yaml:"max,omitempty" json:"max,omitempty"`
	Default  any      `yaml:"default,omitempty" json:"default,omitempty"`
	Unique   bool     `yaml:"unique,omitempty" json:"unique,omitempty"`
	Values   []string `yaml:"values,omitempty,flow" json:"values,omitempty"`
}

// HasDefault reports whether the field has a default value.
func (f Field) HasDefault() bool { return f.Default != nil }

// Nullable reports whether null is a valid value: neither required nor defaulted.
func (f Field) Nullable() bool { return !f.Required && !f.HasDefault() }

// IsText reports whether the field holds characters (string or text).
func (f Field) IsText() bool { return f.Type == String || f.Type == Text }

// Filterable reports whether the list endpoint takes ?<field>=value for it.
func (f Field) Filterable() bool {
	switch f.Type {
	case String, Int, Bool, Enum, Date:
		return true
	}
	return false
}

// MinInt and MaxInt are the bounds as integers (lengths, or int values);
// ok is false when there is no bound.
func (f Field) MinInt() (int64, bool) { return intBound(f.Min) }

// MaxInt is the upper bound as an integer; see MinInt.
func (f Field) MaxInt() (int64, bool) { return intBound(f.Max) }

func intBound(b *float64) (int64, bool) {
	if b == nil {
		return 0, false
	}
	return int64(*b), true
}

// Default is the model every project gets when the learner names none: a task
// with a required title and a done flag.
func Default() *Model {
	task := DefaultResource("task")
	task.Plural = "tasks"
	return &Model{Resources: []Resource{task}}
}

// DefaultResource is a resource with the default fields (title, done) under
// another name; `--resource gizmo` makes one.
func DefaultResource(name string) Resource {
	return Resource{Name: name, Fields: []Field{
		{Name: "title", Type: String, Required: true, Min: num(1), Max: num(200)},
		{Name: "done", Type: Bool, Default: false},
	}}
}

func num(v float64) *float64 { return &v }

// IsDefaultShape reports whether the model is one resource with exactly the
// default fields, whatever its name: the only model a blueprint on contract
// v1 can generate.
func (m *Model) IsDefaultShape() bool {
	if m == nil || len(m.Resources) != 1 {
		return false
	}
	want := DefaultResource(m.Resources[0].Name)
	want.Plural = m.Resources[0].Plural
	got := m.Resources[0]
	got.normalize()
	want.normalize()
	return equalResource(got, want)
}

func equalResource(a, b Resource) bool {
	if a.Name != b.Name || a.Plural != b.Plural || len(a.Fields) != len(b.Fields) {
		return false
	}
	for i := range a.Fields {
		x, y := a.Fields[i], b.Fields[i]
		if x.Name != y.Name || x.Type != y.Type || x.Required != y.Required || x.Unique != y.Unique ||
			!equalBound(x.Min, y.Min) || !equalBound(x.Max, y.Max) || fmt.Sprint(x.Default) != fmt.Sprint(y.Default) ||
			strings.Join(x.Values, "|") != strings.Join(y.Values, "|") {
			return false
		}
	}
	return true
}

func equalBound(a, b *float64) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

// Resource finds a resource by its singular name.
func (m *Model) Resource(name string) (Resource, bool) {
	for _, r := range m.Resources {
		if r.Name == name {
			return r, true
		}
	}
	return Resource{}, false
}

// Field finds a field by name.
func (r Resource) Field(name string) (Field, bool) {
	for _, f := range r.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Parse reads a model file (the YAML of §4a). Unknown keys are errors, named
// with their line. It does not validate: call Normalize and Validate.
func Parse(data []byte) (*Model, error) {
	var m Model
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("the model file is empty: it needs a resources: list (see scaffold new --help)")
		}
		return nil, fmt.Errorf("the model file is not valid: %s", yamlMessage(err))
	}
	if m.Resources == nil {
		return nil, errors.New("the model file has no resources: list (see scaffold new --help)")
	}
	return &m, nil
}

// yamlMessage shortens yaml.v3's errors ("yaml: line 3: field foo not found
// in type model.Field") to what a learner can act on.
func yamlMessage(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	for _, t := range []string{"model.Field", "model.Resource", "model.Model"} {
		what := map[string]string{"model.Field": "a field", "model.Resource": "a resource", "model.Model": "the model"}[t]
		msg = strings.ReplaceAll(msg, "not found in type "+t, "is not a key of "+what)
		msg = strings.ReplaceAll(msg, "into "+t, "into "+what)
	}
	msg = strings.ReplaceAll(msg, "\n  ", "; ")
	return msg
}

// Marshal writes the model as the YAML of §4a (the form .scaffold.yaml uses).
func (m *Model) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// Normalize fills what the model leaves implicit: plurals from inflection,
// the default maximum length of strings, and defaults in their field's Go
// type (int64, float64, bool or string). Call it before Validate.
func (m *Model) Normalize() {
	for i := range m.Resources {
		m.Resources[i].normalize()
	}
}

func (r *Resource) normalize() {
	r.Name = strings.TrimSpace(r.Name)
	r.Plural = strings.TrimSpace(r.Plural)
	if r.Plural == "" && r.Name != "" {
		r.Plural = Plural(r.Name)
	}
	for i := range r.Fields {
		f := &r.Fields[i]
		f.Name = strings.TrimSpace(f.Name)
		f.Type = Type(strings.ToLower(strings.TrimSpace(string(f.Type))))
		if f.Type == String && f.Max == nil {
			f.Max = num(DefaultStringMax)
		}
		if f.Default != nil {
			if v, err := coerce(*f, f.Default); err == nil {
				f.Default = v
			}
		}
	}
}

// FromAnswers reads the model out of a project's .scaffold.yaml: its
// resources: list, or the single resource: of files written by scaffold
// before models existed (the default fields, under that resource's name).
func FromAnswers(data []byte) (*Model, error) {
	var doc struct {
		Resources []Resource `yaml:"resources"`
		Resource  *struct {
			Singular string `yaml:"singular"`
			Plural   string `yaml:"plural"`
		} `yaml:"resource"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("read the model from .scaffold.yaml: %s", yamlMessage(err))
	}
	m := &Model{Resources: doc.Resources}
	if len(m.Resources) == 0 && doc.Resource != nil && doc.Resource.Singular != "" {
		r := DefaultResource(doc.Resource.Singular)
		r.Plural = doc.Resource.Plural
		m.Resources = []Resource{r}
	}
	if len(m.Resources) == 0 {
		return nil, errors.New("read the model from .scaffold.yaml: it has no resources: list")
	}
	m.Normalize()
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("the model in .scaffold.yaml: %w", err)
	}
	return m, nil
}
