// Package types holds the small value types and rules every resource
// package shares: a civil date, a PATCH field, the errors a request can
// cause, and the readers that turn JSON or text into field values.
package types

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ErrNotFound is returned when no record has the given id (including ids
// that are not even well-formed).
var ErrNotFound = errors.New("not found")

// FieldError says which rule a field broke.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// ValidationError lists every rule an input broke (HTTP 422).
type ValidationError struct {
	Errors []FieldError
}

func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		msgs[i] = fe.Field + ": " + fe.Message
	}
	return strings.Join(msgs, "; ")
}

// Add records a broken rule.
func (e *ValidationError) Add(field, message string) {
	e.Errors = append(e.Errors, FieldError{Field: field, Message: message})
}

// Merge adds the errors of err (a *ValidationError) about fields e does not name yet.
func (e *ValidationError) Merge(err error) {
	var other *ValidationError
	if !errors.As(err, &other) {
		return
	}
	for _, fe := range other.Errors {
		if !slices.ContainsFunc(e.Errors, func(have FieldError) bool { return have.Field == fe.Field }) {
			e.Errors = append(e.Errors, fe)
		}
	}
}

// Err is e when it holds an error, else nil.
func (e *ValidationError) Err() error {
	if len(e.Errors) == 0 {
		return nil
	}
	return e
}

// ConflictError is a unique field whose value another record already has (HTTP 409).
type ConflictError struct {
	Field string
}

func (e *ConflictError) Error() string {
	return e.Field + ": another record already has this value"
}

// QueryError is a query parameter that cannot be used (HTTP 400).
type QueryError struct {
	Param   string
	Message string
}

func (e *QueryError) Error() string { return e.Param + " " + e.Message }

// Optional is one field of a PATCH body: Set says whether the client sent
// it. For a nullable field T is a pointer and a nil Value clears the field.
type Optional[T any] struct {
	Set   bool
	Value T
}

// Some is an Optional that is set to v.
func Some[T any](v T) Optional[T] { return Optional[T]{Set: true, Value: v} }

// Date is a calendar day without a time or a zone, written YYYY-MM-DD.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads a YYYY-MM-DD date; days that do not exist are refused.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len(time.DateOnly) {
		return Date{}, errors.New("must be a date written YYYY-MM-DD")
	}
	return DateOf(t), nil
}

// DateOf is the day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// MarshalJSON writes the date as "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// Value stores the date as YYYY-MM-DD text, which every SQL dialect reads as a date.
func (d Date) Value() (driver.Value, error) { return d.String(), nil }

// Scan reads a date column (time.Time, or text in SQLite).
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		*d = DateOf(v)
		return nil
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	}
	return fmt.Errorf("cannot read a date from %T", src)
}

func (d *Date) scanText(s string) error {
	s = s[:min(len(s), len(time.DateOnly))] // "2024-05-01 00:00:00+00:00" from some drivers
	v, err := ParseDate(s)
	if err != nil {
		return fmt.Errorf("read date %q: %w", s, err)
	}
	*d = v
	return nil
}

// The Decode* functions read one JSON value (never null: the caller
// handles null) and say, in a sentence for the client, why it is refused.

// DecodeString reads a JSON string. encoding/json turns a lone UTF-16
// surrogate (\ud800) into U+FFFD without a word, so the raw text is checked
// for them first.
func DecodeString(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || raw[0] != '"' {
		return "", errors.New("must be a string")
	}
	if hasLoneSurrogate(raw) || !utf8.Valid(raw) {
		return "", errors.New("must be valid Unicode text (no lone surrogate)")
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", errors.New("must be a string")
	}
	return s, nil
}

// DecodeInt reads a JSON integer that fits in 64 bits.
func DecodeInt(raw json.RawMessage) (int64, error) {
	if !startsNumber(raw) {
		return 0, errors.New("must be an integer")
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, errors.New("must be an integer that fits in 64 bits")
		}
		return 0, errors.New("must be an integer")
	}
	return n, nil
}

// DecodeFloat reads a JSON number.
func DecodeFloat(raw json.RawMessage) (float64, error) {
	if !startsNumber(raw) {
		return 0, errors.New("must be a number")
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, errors.New("must be a number a 64-bit float can hold")
	}
	return f, nil
}

// startsNumber reports whether raw starts like a JSON number (not a string,
// which strconv would read too).
func startsNumber(raw []byte) bool {
	return len(raw) > 0 && (raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9'))
}

// DecodeBool reads true or false.
func DecodeBool(raw json.RawMessage) (bool, error) {
	switch string(raw) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, errors.New("must be true or false")
}

// DecodeDate reads a "YYYY-MM-DD" string.
func DecodeDate(raw json.RawMessage) (Date, error) {
	s, err := DecodeString(raw)
	if err != nil {
		return Date{}, errors.New("must be a date written YYYY-MM-DD")
	}
	return ParseDate(s)
}

// DecodeTime reads an RFC 3339 date and time with a zone ("Z" or an offset).
func DecodeTime(raw json.RawMessage) (time.Time, error) {
	s, err := DecodeString(raw)
	if err != nil {
		return time.Time{}, errors.New("must be a date and time in RFC 3339 form, with a zone")
	}
	return ParseTime(s)
}

// The Parse* functions read a value from text: an XML element, a query parameter.

// ParseString takes any text as it is.
func ParseString(s string) (string, error) { return s, nil }

// ParseInt reads a base-10 integer that fits in 64 bits.
func ParseInt(s string) (int64, error) {
	return DecodeInt(json.RawMessage(strings.TrimSpace(s)))
}

// ParseFloat reads a decimal number.
func ParseFloat(s string) (float64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, errors.New("must be a number")
	}
	return f, nil
}

// ParseBool reads true or false (XML Schema also allows 1 and 0).
func ParseBool(s string) (bool, error) {
	switch strings.TrimSpace(s) {
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return false, errors.New("must be true or false")
}

// ParseTime reads an RFC 3339 date and time with a zone, and returns it in UTC.
func ParseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, errors.New("must be a date and time in RFC 3339 form, with a zone")
	}
	return t.UTC(), nil
}

// IsBlank reports whether s holds nothing but white space: Unicode's, plus
// the separators U+001C to U+001F, U+180E, U+200B and U+FEFF (the set the
// OpenAPI spec's pattern for required strings excludes).
func IsBlank(s string) bool {
	return strings.TrimFunc(s, isBlankRune) == ""
}

func isBlankRune(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) || r == 0x180e || r == 0x200b || r == 0xfeff
}

// CheckText applies the rules every string shares: no U+0000 (no database
// keeps it) and valid UTF-8.
func CheckText(s string) error {
	if strings.ContainsRune(s, 0) {
		return errors.New("must not contain the character U+0000")
	}
	if !utf8.ValidString(s) {
		return errors.New("must be valid UTF-8 text")
	}
	return nil
}

// hasLoneSurrogate reports whether a JSON string literal holds a \uD800-\uDFFF
// escape that is not half of a surrogate pair.
func hasLoneSurrogate(raw []byte) bool {
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' || i+1 >= len(raw) {
			continue
		}
		if raw[i+1] != 'u' {
			i++ // skip the escaped character (it may be a backslash)
			continue
		}
		r, ok := hex4(raw, i+2)
		if !ok {
			return false // not valid JSON; the decoder reports it
		}
		if r >= 0xDC00 && r <= 0xDFFF {
			return true // a low surrogate with no high one before it
		}
		if r < 0xD800 || r > 0xDBFF {
			i += 5 // not a surrogate
			continue
		}
		low, ok := hex4(raw, i+8)
		if !ok || !bytes.HasPrefix(raw[i+6:], []byte(`\u`)) || low < 0xDC00 || low > 0xDFFF {
			return true // a high surrogate with no low one after it
		}
		i += 11
	}
	return false
}

func hex4(b []byte, at int) (rune, bool) {
	if at+4 > len(b) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[at:at+4]), 16, 16)
	return rune(n), err == nil
}

// State is what a JSON object says about one field.
type State int

// The states of a field in a body.
const (
	Absent  State = iota // the key is not there
	Null                 // the value is null
	Invalid              // the value does not decode; the reason is recorded
	Present              // the value decoded
)

// Field reads body[name] with decode. A value that does not decode is
// recorded in verr under the field's name.
func Field[T any](body map[string]json.RawMessage, name string, decode func(json.RawMessage) (T, error), verr *ValidationError) (T, State) {
	var zero T
	raw, ok := body[name]
	if !ok {
		return zero, Absent
	}
	if string(raw) == "null" {
		return zero, Null
	}
	v, err := decode(raw)
	if err != nil {
		verr.Add(name, err.Error())
		return zero, Invalid
	}
	return v, Present
}

// Unknown records every key of body that is not in fields.
func Unknown(body map[string]json.RawMessage, fields []string, verr *ValidationError) {
	for key := range body {
		if !slices.Contains(fields, key) {
			verr.Add(key, "is not a field (allowed: "+strings.Join(fields, ", ")+")")
		}
	}
	slices.SortFunc(verr.Errors, func(a, b FieldError) int { return strings.Compare(a.Field, b.Field) })
}

// MaxSafeInt bounds an int field the model gives no bounds: the whole
// numbers a JSON number carries exactly (RFC 7493), 2^53-1.
const MaxSafeInt = 9_007_199_254_740_991

// Paging bounds of every list.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// SortKey is one key of ?sort=: a field name, descending when Desc.
type SortKey struct {
	Field string
	Desc  bool
}

// Param returns the single value of a query parameter; a repeated one is an error.
func Param(q url.Values, name string) (string, bool, error) {
	vs, ok := q[name]
	if !ok {
		return "", false, nil
	}
	if len(vs) > 1 {
		return "", false, &QueryError{Param: name, Message: "must be given once"}
	}
	if err := CheckText(vs[0]); err != nil {
		return "", false, &QueryError{Param: name, Message: err.Error()}
	}
	return vs[0], true, nil
}

// ParsePage reads limit (1..100, default 20) and offset (0 or more, default 0).
func ParsePage(q url.Values) (limit, offset int64, err error) {
	limit = DefaultLimit
	if s, ok, err := Param(q, "limit"); err != nil {
		return 0, 0, err
	} else if ok {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 1 || n > MaxLimit {
			return 0, 0, &QueryError{Param: "limit", Message: fmt.Sprintf("must be an integer from 1 to %d", MaxLimit)}
		}
		limit = n
	}
	if s, ok, err := Param(q, "offset"); err != nil {
		return 0, 0, err
	} else if ok {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return 0, 0, &QueryError{Param: "offset", Message: fmt.Sprintf("must be an integer from 0 to %d", int64(math.MaxInt64))}
		}
		offset = n
	}
	return limit, offset, nil
}

// ParseSort reads ?sort=a,-b: each key one of allowed, none twice.
func ParseSort(q url.Values, allowed []string) ([]SortKey, error) {
	s, ok, err := Param(q, "sort")
	if err != nil || !ok {
		return nil, err
	}
	var keys []SortKey
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		k := SortKey{Field: part}
		if name, desc := strings.CutPrefix(part, "-"); desc {
			k = SortKey{Field: name, Desc: true}
		}
		if !slices.Contains(allowed, k.Field) {
			return nil, &QueryError{Param: "sort", Message: fmt.Sprintf("cannot sort by %q (allowed: %s, each optionally prefixed with -)", k.Field, strings.Join(allowed, ", "))}
		}
		if seen[k.Field] {
			return nil, &QueryError{Param: "sort", Message: fmt.Sprintf("names %q twice", k.Field)}
		}
		seen[k.Field] = true
		keys = append(keys, k)
	}
	return keys, nil
}

// Filter reads the equality filter ?name=value with parse.
func Filter[T any](q url.Values, name string, parse func(string) (T, error)) (*T, error) {
	s, ok, err := Param(q, name)
	if err != nil || !ok {
		return nil, err
	}
	v, err := parse(s)
	if err != nil {
		return nil, &QueryError{Param: name, Message: err.Error()}
	}
	return &v, nil
}

// Ptr returns a pointer to v.
func Ptr[T any](v T) *T { return &v }

// MustDate is ParseDate for a date written in the code; it panics on a typo.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic("types.MustDate(" + strconv.Quote(s) + "): " + err.Error())
	}
	return d
}

// MustTime is ParseTime for a time written in the code; it panics on a typo.
func MustTime(s string) time.Time {
	t, err := ParseTime(s)
	if err != nil {
		panic("types.MustTime(" + strconv.Quote(s) + "): " + err.Error())
	}
	return t
}
