package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// ShorthandHelp documents the one-flag form of a resource (--resource).
const ShorthandHelp = `A resource in one flag (repeat --resource for more resources):

  --resource 'book: title:string!, pages:int(1..10000), status:enum(wishlist|reading|read)=wishlist, isbn:string(..17) unique'

  NAME[(PLURAL)]: FIELD, FIELD, ...     NAME and fields in snake_case
  FIELD = name:type[(bounds)][!][ unique][=default]
    types     string text int float bool date datetime enum(a|b|c)
    (1..200)  bounds: lengths for string/text, values for int/float; (..17) or (0..) leave one side open
    !         required (also: the word required)
    unique    a second object with the same value is a conflict
    =value    default; quote it when it holds a comma or spaces: ="to do"
  A name alone (--resource gizmo) gets the default fields: title:string(1..200)!, done:bool=false`

// ShorthandError is a mistake in a shorthand, with the 1-based column it was found at.
type ShorthandError struct {
	Input  string
	Column int
	Msg    string
}

func (e *ShorthandError) Error() string {
	return fmt.Sprintf("--resource %q: at column %d: %s", e.Input, e.Column, e.Msg)
}

type scanner struct {
	in  []rune
	pos int
}

func (s *scanner) errf(format string, args ...any) error {
	return &ShorthandError{Input: string(s.in), Column: s.pos + 1, Msg: fmt.Sprintf(format, args...)}
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.in) && unicode.IsSpace(s.in[s.pos]) {
		s.pos++
	}
}

func (s *scanner) peek() rune {
	if s.pos < len(s.in) {
		return s.in[s.pos]
	}
	return 0
}

func (s *scanner) eat(r rune) bool {
	s.skipSpace()
	if s.peek() == r {
		s.pos++
		return true
	}
	return false
}

// word reads letters, digits and underscores.
func (s *scanner) word() string {
	s.skipSpace()
	start := s.pos
	for s.pos < len(s.in) && (unicode.IsLetter(s.in[s.pos]) || unicode.IsDigit(s.in[s.pos]) || s.in[s.pos] == '_') {
		s.pos++
	}
	return string(s.in[start:s.pos])
}

// until reads up to (not including) one of the stop runes, outside quotes.
func (s *scanner) value(stops string) (string, error) {
	s.skipSpace()
	if s.peek() == '"' {
		start := s.pos
		s.pos++
		for s.pos < len(s.in) && s.in[s.pos] != '"' {
			if s.in[s.pos] == '\\' {
				s.pos++
			}
			s.pos++
		}
		if s.pos >= len(s.in) {
			s.pos = start
			return "", s.errf("this quoted value has no closing \"")
		}
		s.pos++
		v, err := strconv.Unquote(string(s.in[start:s.pos]))
		if err != nil {
			s.pos = start
			return "", s.errf("this quoted value is not valid: %v", err)
		}
		return v, nil
	}
	start := s.pos
	for s.pos < len(s.in) && !strings.ContainsRune(stops, s.in[s.pos]) {
		s.pos++
	}
	return strings.TrimSpace(string(s.in[start:s.pos])), nil
}

// ParseShorthand reads one resource in the one-flag form (see ShorthandHelp).
// The result is not validated: put it in a Model, Normalize and Validate.
func ParseShorthand(in string) (Resource, error) {
	s := &scanner{in: []rune(in)}
	name := s.word()
	if name == "" {
		return Resource{}, s.errf("expected a resource name such as book")
	}
	var r Resource
	r.Name = name
	if s.eat('(') {
		r.Plural = s.word()
		if r.Plural == "" {
			return Resource{}, s.errf("expected the plural of %q inside ( )", name)
		}
		if !s.eat(')') {
			return Resource{}, s.errf("expected ) after the plural %q", r.Plural)
		}
	}
	s.skipSpace()
	if s.pos == len(s.in) {
		def := DefaultResource(name)
		def.Plural = r.Plural
		return def, nil
	}
	if !s.eat(':') {
		return Resource{}, s.errf("expected : after the resource name %q, then its fields (name:type, …)", name)
	}
	for {
		f, err := s.field()
		if err != nil {
			return Resource{}, err
		}
		r.Fields = append(r.Fields, f)
		s.skipSpace()
		if s.pos == len(s.in) {
			return r, nil
		}
		if !s.eat(',') {
			return Resource{}, s.errf("expected , between fields or the end of the resource")
		}
	}
}

func (s *scanner) field() (Field, error) {
	var f Field
	s.skipSpace()
	if f.Name = s.word(); f.Name == "" {
		return f, s.errf("expected a field name such as title")
	}
	if !s.eat(':') {
		return f, s.errf("expected : and a type after the field name %q (%s)", f.Name, typeList())
	}
	typeAt := s.pos
	t := s.word()
	if t == "" {
		return f, s.errf("expected a type for field %q: %s", f.Name, typeList())
	}
	f.Type = Type(strings.ToLower(t))
	known := false
	for _, k := range Types {
		known = known || k == f.Type
	}
	if !known {
		s.pos = typeAt
		s.skipSpace()
		return f, s.errf("unknown type %q for field %q: choose one of %s", t, f.Name, typeList())
	}
	if s.eat('(') {
		if err := s.args(&f); err != nil {
			return f, err
		}
	}
	for {
		s.skipSpace()
		switch {
		case s.eat('!'):
			f.Required = true
		case s.eat('='):
			v, err := s.value(",")
			if err != nil {
				return f, err
			}
			if v == "" {
				return f, s.errf("expected a default value after = for field %q", f.Name)
			}
			f.Default = v
			if d, err := coerce(f, v); err == nil {
				f.Default = d
			}
		case s.peek() == ',' || s.pos == len(s.in):
			return f, nil
		default:
			at := s.pos
			w := s.word()
			switch strings.ToLower(w) {
			case "unique":
				f.Unique = true
			case "required":
				f.Required = true
			default:
				s.pos = at
				if w == "" {
					return f, s.errf("unexpected %q after field %q: expected !, unique, =default, or , before the next field", string(s.peek()), f.Name)
				}
				return f, s.errf("unexpected %q after field %q: expected !, unique, =default, or , before the next field", w, f.Name)
			}
		}
	}
}

// args reads what follows "type(": enum values a|b|c, or bounds min..max.
func (s *scanner) args(f *Field) error {
	if f.Type == Enum {
		for {
			v := s.word()
			if v == "" {
				return s.errf("expected an enum value for field %q, e.g. enum(draft|published)", f.Name)
			}
			f.Values = append(f.Values, v)
			if s.eat(')') {
				return nil
			}
			if !s.eat('|') {
				return s.errf("expected | between enum values or ) after the last one")
			}
		}
	}
	s.skipSpace()
	start := s.pos
	for s.pos < len(s.in) && s.in[s.pos] != ')' && !(s.in[s.pos] == '.' && s.pos+1 < len(s.in) && s.in[s.pos+1] == '.') {
		s.pos++
	}
	lo := strings.TrimSpace(string(s.in[start:s.pos]))
	if !s.eat('.') || !s.eat('.') {
		return s.errf("expected bounds as min..max for field %q, e.g. (1..200), (..17) or (0..)", f.Name)
	}
	s.skipSpace()
	hiAt := s.pos
	hi, err := s.value(")")
	if err != nil {
		return err
	}
	if !s.eat(')') {
		return s.errf("expected ) after the bounds of field %q", f.Name)
	}
	for _, b := range []struct {
		text string
		at   int
		dst  **float64
	}{{lo, start, &f.Min}, {hi, hiAt, &f.Max}} {
		if b.text == "" {
			continue
		}
		v, err := strconv.ParseFloat(b.text, 64)
		if err != nil {
			s.pos = b.at
			return s.errf("bound %q of field %q is not a number", b.text, f.Name)
		}
		*b.dst = &v
	}
	if lo == "" && hi == "" {
		return s.errf("the bounds of field %q are empty; write (min..max), (..max) or (min..)", f.Name)
	}
	return nil
}

// Shorthand writes a resource in the one-flag form, so that
// ParseShorthand(r.Shorthand()) gives r back (after Normalize).
func (r Resource) Shorthand() string {
	var b strings.Builder
	b.WriteString(r.Name)
	if r.Plural != "" && r.Plural != Plural(r.Name) {
		b.WriteString("(" + r.Plural + ")")
	}
	b.WriteString(": ")
	for i, f := range r.Fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.Name + ":" + string(f.Type))
		switch {
		case f.Type == Enum:
			b.WriteString("(" + strings.Join(f.Values, "|") + ")")
		case f.Min != nil || f.Max != nil:
			if f.Type == String && f.Min == nil && f.Max != nil && *f.Max == DefaultStringMax {
				break
			}
			b.WriteString("(" + bound(f.Min) + ".." + bound(f.Max) + ")")
		}
		if f.Required {
			b.WriteString("!")
		}
		if f.Unique {
			b.WriteString(" unique")
		}
		if f.HasDefault() {
			b.WriteString("=" + defaultText(f.Default))
		}
	}
	return b.String()
}

func bound(b *float64) string {
	if b == nil {
		return ""
	}
	return strconv.FormatFloat(*b, 'f', -1, 64)
}

func defaultText(v any) string {
	switch x := v.(type) {
	case string:
		if x == "" || strings.ContainsAny(x, ",\"\\ ()!=|") || strings.TrimSpace(x) != x {
			return strconv.Quote(x)
		}
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}
