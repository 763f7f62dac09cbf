package model

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// RawJSON is a sample that only JSON can spell (a lone surrogate): the
// value is the JSON text itself.
type RawJSON string

// Sample is one value for a field, with what it tests.
type Sample struct {
	Rule  string // e.g. "the longest allowed", "one character too long", "wrong type"
	Value any    // string, int64, float64, bool, nil, or RawJSON
}

// JSON is the sample as JSON text.
func (s Sample) JSON() string {
	if raw, ok := s.Value.(RawJSON); ok {
		return string(raw)
	}
	b, err := json.Marshal(s.Value)
	if err != nil {
		panic(fmt.Sprintf("sample %#v: %v", s.Value, err))
	}
	return string(b)
}

// IsRaw reports whether the value exists only as JSON text.
func (s Sample) IsRaw() bool { _, ok := s.Value.(RawJSON); return ok }

var sampleEpoch = time.Date(2024, 5, 1, 9, 30, 0, 0, time.UTC)

// Valid is the n-th of a series of valid values for the field, distinct
// from each other as far as the field's rules leave room (n from 0).
func (f Field) Valid(n int) any {
	switch f.Type {
	case String, Text:
		return f.validText(n)
	case Int:
		lo, hi := int64(1), int64(math.MaxInt32)
		if v, ok := f.MinInt(); ok {
			lo = v
		}
		if v, ok := f.MaxInt(); ok {
			hi = v
			if _, has := f.MinInt(); !has && hi < lo {
				lo = hi - 1000
			}
		}
		span := hi - lo + 1
		if span <= 0 || span > 1<<40 {
			span = 1 << 40
		}
		return lo + int64(n)%span
	case Float:
		lo, hi := 0.5, 1e9
		if f.Min != nil {
			lo = *f.Min
		}
		if f.Max != nil {
			hi = *f.Max
			if f.Min == nil && hi < lo {
				lo = hi - 1000
			}
		}
		steps := math.Floor((hi - lo) / 1.25)
		if steps < 1 {
			return lo
		}
		return lo + 1.25*float64(int64(n)%int64(min(steps+1, 1<<40)))
	case Bool:
		return n%2 == 1
	case Date:
		return sampleEpoch.AddDate(0, 0, n).Format(time.DateOnly)
	case DateTime:
		return sampleEpoch.Add(time.Duration(n) * time.Hour).Format(time.RFC3339)
	case Enum:
		return f.Values[n%len(f.Values)]
	}
	return nil
}

func (f Field) validText(n int) string {
	core := strconv.FormatInt(int64(n), 36)
	s := strings.ReplaceAll(strings.ToUpper(f.Name[:1])+f.Name[1:], "_", " ") + " " + core
	if f.Type == Text {
		s = "Some notes on " + strings.ReplaceAll(f.Name, "_", " ") + ", number " + core
	}
	mn, hasMin := f.MinInt()
	mx, hasMax := f.MaxInt()
	if hasMax && int64(utf8.RuneCountInString(s)) > mx {
		s = core
		if int64(len(s)) > mx {
			s = s[len(s)-int(mx):]
		}
	}
	if hasMin && int64(utf8.RuneCountInString(s)) < mn {
		s += strings.Repeat("-", int(mn)-utf8.RuneCountInString(s))
	}
	return s
}

// Edges are valid values at the field's limits: the shortest and longest
// strings (one of them in non-ASCII characters, as length counts
// characters), the smallest and largest numbers, every enum value, null
// where the field is nullable.
func (f Field) Edges() []Sample {
	var out []Sample
	switch f.Type {
	case String, Text:
		if mn, ok := f.MinInt(); ok && mn > 0 {
			out = append(out, Sample{"the shortest allowed", strings.Repeat("a", int(mn))})
		}
		mx, ok := f.MaxInt()
		if !ok {
			mx = 5000
		}
		out = append(out, Sample{"the longest allowed", strings.Repeat("x", int(mx))})
		if mx >= 1 {
			out = append(out, Sample{"the longest allowed, in non-ASCII characters", strings.Repeat("é", int(mx)-1) + "✓"})
		}
	case Int:
		if v, ok := f.MinInt(); ok {
			out = append(out, Sample{"the smallest allowed", v})
		}
		if v, ok := f.MaxInt(); ok {
			out = append(out, Sample{"the largest allowed", v})
		}
		if f.Min == nil {
			out = append(out, Sample{"the smallest whole number JSON carries exactly", int64(-MaxSafeInt)})
		}
		if f.Max == nil {
			out = append(out, Sample{"the largest whole number JSON carries exactly", int64(MaxSafeInt)})
		}
	case Float:
		if f.Min != nil {
			out = append(out, Sample{"the smallest allowed", *f.Min})
		}
		if f.Max != nil {
			out = append(out, Sample{"the largest allowed", *f.Max})
		}
		if f.Min == nil && f.Max == nil {
			out = append(out, Sample{"a fraction", 0.125})
		}
	case Bool:
		out = append(out, Sample{"true", true}, Sample{"false", false})
	case Date:
		out = append(out, Sample{"a leap day", "2024-02-29"})
	case DateTime:
		out = append(out, Sample{"a time with an offset", "2024-05-31T16:30:00+02:00"})
	case Enum:
		for _, v := range f.Values {
			out = append(out, Sample{"the value " + v, v})
		}
	}
	if f.Nullable() {
		out = append(out, Sample{"null", nil})
	}
	return out
}

// Invalid is one invalid value for every rule the field has; a service must
// answer each with 422 naming the field, and store nothing.
func (f Field) Invalid() []Sample {
	var out []Sample
	add := func(rule string, v any) { out = append(out, Sample{rule, v}) }
	switch {
	case f.Required:
		add("null for a required field", nil)
	case f.HasDefault():
		add("null for a field with a default", nil)
	}
	switch f.Type {
	case String, Text:
		add("a number instead of a string", int64(12345))
		add("a string holding U+0000", "bad\x00value")
		add("a string holding a lone surrogate", RawJSON(`"bad\ud800value"`))
		if f.Required {
			add("a blank string", "   ")
			// Blank to one runtime or another: a service must not take its own
			// language's trim for the rule (Python keeps U+200B and the BOM, Java's
			// strip keeps U+00A0).
			add("a string of spaces only some runtimes trim", "\u00a0\u200b\ufeff\u3000")
		}
		if mn, ok := f.MinInt(); ok && mn > 1 {
			add("one character too short", strings.Repeat("a", int(mn)-1))
		}
		if mx, ok := f.MaxInt(); ok {
			add("one character too long", strings.Repeat("x", int(mx)+1))
		}
	case Int:
		add("a string instead of a number", "12")
		add("a fraction", 1.5)
		add("a number past 64 bits", RawJSON("18446744073709551616"))
		if v, ok := f.MinInt(); ok {
			add("one below the minimum", v-1)
		} else {
			add("one below the smallest whole number JSON carries exactly", RawJSON("-9007199254740992"))
		}
		if v, ok := f.MaxInt(); ok {
			add("one above the maximum", v+1)
		} else {
			add("one above the largest whole number JSON carries exactly", RawJSON("9007199254740992"))
		}
	case Float:
		add("a string instead of a number", "1.5")
		if f.Min != nil {
			add("below the minimum", *f.Min-1)
		}
		if f.Max != nil {
			add("above the maximum", *f.Max+1)
		}
	case Bool:
		add("a string instead of true or false", "true")
		add("a number instead of true or false", int64(1))
	case Date:
		add("a day that does not exist", "2024-02-30")
		add("a date in another format", "31/05/2024")
		add("a date and time instead of a date", "2024-05-31T10:00:00Z")
		add("a number instead of a date", int64(20240531))
	case DateTime:
		add("a date and time without a zone", "2024-05-31T14:30:00")
		add("a date alone", "2024-05-31")
		add("words instead of a date and time", "yesterday")
	case Enum:
		add("a value not in the list", "not_"+f.Values[0])
		add("a value in the wrong case", strings.ToUpper(f.Values[0]))
		add("a number instead of a value", int64(1))
	}
	return out
}

// Example is the n-th of a series of valid objects with every field set:
// objects with different n differ in every unique field.
func (r Resource) Example(n int) map[string]any {
	out := make(map[string]any, len(r.Fields))
	for _, f := range r.Fields {
		out[f.Name] = f.Valid(n)
	}
	return out
}

// Minimal is the n-th valid object with only the required fields (and the
// unique ones, so that objects never clash).
func (r Resource) Minimal(n int) map[string]any {
	out := map[string]any{}
	for _, f := range r.Fields {
		if f.Required || f.Unique {
			out[f.Name] = f.Valid(n)
		}
	}
	return out
}
