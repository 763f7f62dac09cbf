package model

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	pluralize "github.com/gertd/go-pluralize"
)

// Limits of a model. They keep generated projects readable and every name
// usable as an identifier, a column and an XML element.
const (
	MaxResources   = 12
	MaxFields      = 40
	MaxNameLen     = 40
	MaxEnumValues  = 50
	MaxUniqueChars = 768  // the longest VARCHAR a MySQL/MariaDB utf8mb4 unique index holds
	MaxStringChars = 4000 // longer text is a text field
	// MaxSafeInt bounds every int field (RFC 7493, I-JSON): beyond it a
	// JavaScript client, and many JSON parsers, would round the number.
	// Columns are 64-bit; the API takes ±MaxSafeInt unless the model is stricter.
	MaxSafeInt = 1<<53 - 1
)

var snakeRe = regexp.MustCompile(`^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$`)

// Server-set fields every resource has.
var serverFields = []string{"id", "created_at", "updated_at"}

// queryParams are the list endpoint's own query parameters; a field with such
// a name could not be filtered on.
var queryParams = []string{"limit", "offset", "sort"}

// inflector knows English plurals. It compiles its rules when first asked,
// so a run whose model spells out every plural (the default model does) does
// not pay for them.
var inflector = sync.OnceValue(pluralize.NewClient)

// WarmPlurals starts compiling the plural rules on a goroutine of its own,
// for a caller that will need them soon (a model is coming) and has other
// work to do meanwhile.
func WarmPlurals() { go inflector() }

// Plural is the English plural of a snake_case word or phrase: only the last
// word changes (user_story → user_stories).
func Plural(s string) string { return inflectLast(s, inflector().Plural) }

// Singular is the English singular of a snake_case word or phrase.
func Singular(s string) string { return inflectLast(s, inflector().Singular) }

func inflectLast(s string, fn func(string) string) string {
	i := strings.LastIndexAny(s, "_- ")
	return s[:i+1] + fn(s[i+1:])
}

// Validate checks every rule of §4a and returns the first problem as one
// sentence that names the resource, the field and what is allowed. Call
// Normalize first.
func (m *Model) Validate() error {
	if m == nil || len(m.Resources) == 0 {
		return fmt.Errorf("the model has no resources: give at least one, e.g. --resource 'book: title:string!'")
	}
	if len(m.Resources) > MaxResources {
		return fmt.Errorf("the model has %d resources; at most %d are allowed", len(m.Resources), MaxResources)
	}
	names := map[string]string{} // every singular, plural and squashed form → what owns it
	seen := map[string]bool{}
	for _, r := range m.Resources {
		if err := r.validate(); err != nil {
			return err
		}
		if seen[r.Name] {
			return fmt.Errorf("resources %q and %q have the same name; every resource needs its own", r.Name, r.Name)
		}
		seen[r.Name] = true
		for _, n := range []string{r.Name, r.Plural, squash(r.Name), squash(r.Plural)} {
			if owner, dup := names[n]; dup && owner != r.Name {
				return fmt.Errorf("resources %q and %q have names that clash (%q); give them distinct names", owner, r.Name, n)
			}
			names[n] = r.Name
		}
	}
	return nil
}

// squash is a name with its underscores removed: two names equal this way
// collide in Go packages, Java classes and case-insensitive SQL.
func squash(s string) string { return strings.ReplaceAll(s, "_", "") }

func (r Resource) validate() error {
	if err := checkNameIn("resource", r.Name, "", ReservedInCode); err != nil {
		return err
	}
	if r.Plural == r.Name {
		return fmt.Errorf("resource %q has no distinct plural: set plural: in the model (e.g. plural: %ss) or pick another word", r.Name, r.Name)
	}
	if err := checkName("the plural of resource "+strconv.Quote(r.Name), r.Plural, ""); err != nil {
		return err
	}
	if len(r.Fields) == 0 {
		return fmt.Errorf("resource %q has no fields: give at least one, e.g. %s: title:string!", r.Name, r.Name)
	}
	if len(r.Fields) > MaxFields {
		return fmt.Errorf("resource %q has %d fields; at most %d are allowed", r.Name, len(r.Fields), MaxFields)
	}
	seen := map[string]string{}
	for _, f := range r.Fields {
		if err := f.validate(r.Name); err != nil {
			return err
		}
		if prev, dup := seen[squash(f.Name)]; dup {
			if prev == f.Name {
				return fmt.Errorf("resource %q has the field %q twice; field names must be unique", r.Name, f.Name)
			}
			return fmt.Errorf("resource %q has fields %q and %q, which clash once underscores are dropped (as in Java and Go names); rename one", r.Name, prev, f.Name)
		}
		seen[squash(f.Name)] = f.Name
	}
	return nil
}

func checkName(what, name, resource string) error {
	return checkNameIn(what, name, resource, Reserved)
}

func checkNameIn(what, name, resource string, reservedIn func(string) string) error {
	where := what
	if resource != "" {
		where = fmt.Sprintf("%s %q of resource %q", what, name, resource)
	} else {
		where = fmt.Sprintf("%s %q", what, name)
	}
	switch {
	case name == "":
		if resource != "" {
			return fmt.Errorf("a field of resource %q has no name", resource)
		}
		return fmt.Errorf("a %s has no name", what)
	case len(name) > MaxNameLen:
		return fmt.Errorf("%s is %d characters long; use at most %d", where, len(name), MaxNameLen)
	case !snakeRe.MatchString(name):
		return fmt.Errorf("%s must be snake_case: lower-case letters, digits and single underscores, starting with a letter (e.g. published_on)", where)
	case strings.HasPrefix(name, "xml"):
		return fmt.Errorf("%s starts with \"xml\", which XML reserves; choose another name", where)
	}
	if lang := reservedIn(name); lang != "" {
		return fmt.Errorf("%s is a reserved word in %s; choose another name, or add a word to it (e.g. %s_info)", where, lang, name)
	}
	return nil
}

func (f Field) validate(res string) error {
	at := fmt.Sprintf("field %q of resource %q", f.Name, res)
	if slices.Contains(serverFields, f.Name) {
		return fmt.Errorf("%s is added by the server (id, created_at and updated_at always exist); remove it from the model", at)
	}
	if slices.Contains(queryParams, f.Name) {
		return fmt.Errorf("%s would clash with the list endpoint's ?%s= parameter; choose another name", at, f.Name)
	}
	if err := checkName("field", f.Name, res); err != nil {
		return err
	}
	if !slices.Contains(Types, f.Type) {
		if f.Type == "" {
			return fmt.Errorf("%s has no type: choose one of %s", at, typeList())
		}
		return fmt.Errorf("%s has unknown type %q: choose one of %s", at, f.Type, typeList())
	}
	if f.Type == Enum {
		if len(f.Values) == 0 {
			return fmt.Errorf("%s is an enum without values: list them, e.g. values: [draft, published]", at)
		}
		if len(f.Values) > MaxEnumValues {
			return fmt.Errorf("%s has %d enum values; at most %d are allowed", at, len(f.Values), MaxEnumValues)
		}
		seen := map[string]bool{}
		for _, v := range f.Values {
			if !snakeRe.MatchString(v) || len(v) > MaxNameLen {
				return fmt.Errorf("%s has enum value %q: values must be snake_case words of at most %d characters (e.g. in_progress)", at, v, MaxNameLen)
			}
			if lang := Reserved(v); lang != "" {
				return fmt.Errorf("%s has enum value %q, a reserved word in %s; choose another word", at, v, lang)
			}
			if seen[v] {
				return fmt.Errorf("%s lists enum value %q twice", at, v)
			}
			seen[v] = true
		}
	} else if len(f.Values) > 0 {
		return fmt.Errorf("%s is a %s: only enum fields take values", at, f.Type)
	}
	if err := f.validateBounds(at); err != nil {
		return err
	}
	if f.Unique {
		switch f.Type {
		case Text, Bool, Float:
			return fmt.Errorf("%s is a %s and cannot be unique: only string, int, date, datetime and enum fields can", at, f.Type)
		case String:
			if mx, _ := f.MaxInt(); mx > MaxUniqueChars {
				return fmt.Errorf("%s is unique with max %d; a unique string can be at most %d characters long (the longest a MySQL index holds)", at, mx, MaxUniqueChars)
			}
		}
		if f.HasDefault() {
			return fmt.Errorf("%s is unique and has a default, so the second object would always clash; drop one of the two", at)
		}
	}
	if f.HasDefault() {
		if f.Required {
			return fmt.Errorf("%s is required and has a default; a default already fills a missing value, so drop one of the two", at)
		}
		v, err := coerce(f, f.Default)
		if err != nil {
			return fmt.Errorf("%s has default %v: %v", at, f.Default, err)
		}
		if msg := f.Check(v); msg != "" {
			return fmt.Errorf("%s has default %v, which breaks its own rules: %s", at, f.Default, msg)
		}
	}
	return nil
}

func typeList() string {
	s := make([]string, len(Types))
	for i, t := range Types {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

func (f Field) validateBounds(at string) error {
	if f.Min == nil && f.Max == nil {
		return nil
	}
	switch f.Type {
	case String, Text, Int, Float:
	default:
		return fmt.Errorf("%s is a %s: min and max apply only to string, text (lengths), int and float (values)", at, f.Type)
	}
	for _, b := range []*float64{f.Min, f.Max} {
		if b == nil {
			continue
		}
		if math.IsNaN(*b) || math.IsInf(*b, 0) {
			return fmt.Errorf("%s has a bound that is not a number", at)
		}
		if f.Type != Float && *b != math.Trunc(*b) {
			return fmt.Errorf("%s has bound %v: bounds of a %s must be whole numbers", at, *b, f.Type)
		}
		if f.Type == Int && math.Abs(*b) > MaxSafeInt {
			return fmt.Errorf("%s has bound %v: int bounds must lie within ±%d (what JSON numbers carry exactly)", at, *b, int64(MaxSafeInt))
		}
		if f.IsText() && *b < 0 {
			return fmt.Errorf("%s has a negative length bound %v; lengths start at 0", at, *b)
		}
	}
	if f.Min != nil && f.Max != nil && *f.Min > *f.Max {
		return fmt.Errorf("%s has min %v greater than max %v", at, *f.Min, *f.Max)
	}
	if f.Type == String {
		if mx, _ := f.MaxInt(); mx < 1 || mx > MaxStringChars {
			return fmt.Errorf("%s has max %d: a string holds 1 to %d characters; use type text for longer ones", at, mx, MaxStringChars)
		}
	}
	if f.IsText() && f.Max != nil && *f.Max == 0 {
		return fmt.Errorf("%s has max 0, so no value could be stored", at)
	}
	return nil
}

// coerce turns a default as YAML (or the shorthand) gave it into the
// field's Go type: string, int64, float64 or bool.
func coerce(f Field, v any) (any, error) {
	switch f.Type {
	case String, Text, Enum, Date, DateTime:
		switch x := v.(type) {
		case string:
			return x, nil
		case time.Time: // an unquoted YAML timestamp
			if f.Type == Date {
				return x.Format(time.DateOnly), nil
			}
			return x.UTC().Format(time.RFC3339), nil
		}
		return nil, fmt.Errorf("a %s default must be a string", f.Type)
	case Int:
		switch x := v.(type) {
		case int:
			return int64(x), nil
		case int64:
			return x, nil
		case uint64:
			if x <= math.MaxInt64 {
				return int64(x), nil
			}
		case float64:
			if x == math.Trunc(x) && math.Abs(x) <= MaxSafeInt {
				return int64(x), nil
			}
		case string:
			if n, err := strconv.ParseInt(x, 10, 64); err == nil {
				return n, nil
			}
		}
		return nil, fmt.Errorf("an int default must be a whole number")
	case Float:
		switch x := v.(type) {
		case int:
			return float64(x), nil
		case int64:
			return float64(x), nil
		case float64:
			return x, nil
		case string:
			if n, err := strconv.ParseFloat(x, 64); err == nil && !math.IsInf(n, 0) && !math.IsNaN(n) {
				return n, nil
			}
		}
		return nil, fmt.Errorf("a float default must be a number")
	case Bool:
		switch x := v.(type) {
		case bool:
			return x, nil
		case string:
			if b, err := strconv.ParseBool(x); err == nil && (x == "true" || x == "false") {
				return b, nil
			}
		}
		return nil, fmt.Errorf("a bool default must be true or false")
	}
	return nil, fmt.Errorf("unknown type %q", f.Type)
}

// Check reports why a value (as decoded from JSON: string, float64/int64,
// bool, nil) breaks the field's rules, or "" when it is valid. It is the rule
// every generated service applies; the contract suite and the samples use it
// to know what a service must accept.
func (f Field) Check(v any) string {
	if v == nil {
		switch {
		case f.Required:
			return "is required"
		case f.HasDefault():
			return "must not be null (leave it out to get the default)"
		}
		return ""
	}
	switch f.Type {
	case String, Text:
		s, ok := v.(string)
		if !ok {
			return "must be a string"
		}
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return "must not contain NUL or invalid characters"
		}
		if f.Required && IsBlank(s) {
			return "must not be blank"
		}
		n := int64(utf8.RuneCountInString(s))
		if mn, ok := f.MinInt(); ok && n < mn {
			return fmt.Sprintf("must be at least %d characters long", mn)
		}
		if mx, ok := f.MaxInt(); ok && n > mx {
			return fmt.Sprintf("must be at most %d characters long", mx)
		}
	case Int:
		var n float64
		switch x := v.(type) {
		case int64:
			n = float64(x)
		case int:
			n = float64(x)
		case float64:
			if x != math.Trunc(x) {
				return "must be a whole number"
			}
			n = x
		default:
			return "must be a whole number"
		}
		if n < -MaxSafeInt || n > MaxSafeInt {
			return fmt.Sprintf("must be between %d and %d (the whole numbers JSON carries exactly)", -MaxSafeInt, MaxSafeInt)
		}
		if f.Min != nil && n < *f.Min {
			return fmt.Sprintf("must be at least %v", *f.Min)
		}
		if f.Max != nil && n > *f.Max {
			return fmt.Sprintf("must be at most %v", *f.Max)
		}
	case Float:
		var n float64
		switch x := v.(type) {
		case float64:
			n = x
		case int64:
			n = float64(x)
		case int:
			n = float64(x)
		default:
			return "must be a number"
		}
		if f.Min != nil && n < *f.Min {
			return fmt.Sprintf("must be at least %v", *f.Min)
		}
		if f.Max != nil && n > *f.Max {
			return fmt.Sprintf("must be at most %v", *f.Max)
		}
	case Bool:
		if _, ok := v.(bool); !ok {
			return "must be true or false"
		}
	case Date:
		s, ok := v.(string)
		if !ok {
			return "must be a date such as 2024-05-31"
		}
		if d, err := time.Parse(time.DateOnly, s); err != nil || d.Year() < 1 {
			return "must be a date such as 2024-05-31"
		}
	case DateTime:
		s, ok := v.(string)
		if !ok {
			return "must be a date and time such as 2024-05-31T14:30:00Z"
		}
		// Year 0 parses, but PostgreSQL has no year 0: dates start at year 1.
		if d, err := time.Parse(time.RFC3339, s); err != nil || d.UTC().Year() < 1 {
			return "must be a date and time such as 2024-05-31T14:30:00Z"
		}
	case Enum:
		s, ok := v.(string)
		if !ok || !slices.Contains(f.Values, s) {
			return "must be one of " + strings.Join(f.Values, ", ")
		}
	}
	return ""
}

// IsBlank reports whether s holds only characters that one target language
// or another trims, or that older Unicode counted as spaces: Unicode white
// space (Go, Java's strip, JavaScript), U+001C–U+001F (Python), the BOM
// (JavaScript), U+180E and U+200B (spaces before Unicode 6.3 and 4.0.1). No
// runtime trims all of them, so each service checks this set itself. A
// required string must not be blank; the OpenAPI spec's pattern says the same.
func IsBlank(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r >= 0x1C && r <= 0x1F, r == 0x180E, r == 0x200B, r == 0xFEFF,
			unicode.Is(unicode.White_Space, r):
		default:
			return false
		}
	}
	return true
}
