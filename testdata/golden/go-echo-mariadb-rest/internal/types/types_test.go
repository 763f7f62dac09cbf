package types

import (
	"encoding/json"
	"errors"
	"math"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// wantErr checks err against want: "" for no error, else a part of its message.
func wantErr(t *testing.T, what string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: unexpected error %v", what, err)
	case want != "" && err == nil:
		t.Errorf("%s: no error, want one saying %q", what, want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("%s: error %q, want it to say %q", what, err, want)
	}
}

func TestValidationError(t *testing.T) {
	verr := &ValidationError{}
	if verr.Err() != nil {
		t.Fatal("an empty ValidationError is an error")
	}
	verr.Add("color", "is required")
	verr.Merge(errors.New("not a validation error"))
	verr.Merge(&ValidationError{Errors: []FieldError{{"color", "is too long"}, {"size", "must be true or false"}}})
	if got, want := verr.Error(), "color: is required; size: must be true or false"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(verr.Err(), verr) {
		t.Error("Err() of a ValidationError with errors is not itself")
	}
	if got := (&ConflictError{Field: "color"}).Error(); got != "color: another record already has this value" {
		t.Errorf("ConflictError: %q", got)
	}
	if got := (&QueryError{Param: "limit", Message: "must be given once"}).Error(); got != "limit must be given once" {
		t.Errorf("QueryError: %q", got)
	}
	if o := Some(3); !o.Set || o.Value != 3 {
		t.Errorf("Some(3) = %+v", o)
	}
	if p := Ptr("x"); *p != "x" {
		t.Errorf("Ptr: %q", *p)
	}
}

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Date
		wantErr string
	}{
		{in: "2024-02-29", want: Date{2024, time.February, 29}},
		{in: "0001-01-01", want: Date{1, time.January, 1}},
		{in: "2023-02-29", wantErr: "YYYY-MM-DD"},
		{in: "2024-2-29", wantErr: "YYYY-MM-DD"},
		{in: "2024-02-29T00:00:00Z", wantErr: "YYYY-MM-DD"},
		{in: "", wantErr: "YYYY-MM-DD"},
	} {
		got, err := ParseDate(tc.in)
		wantErr(t, "ParseDate("+tc.in+")", err, tc.wantErr)
		if got != tc.want {
			t.Errorf("ParseDate(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	d := Date{987, time.March, 4}
	if d.String() != "0987-03-04" {
		t.Errorf("String() = %q", d.String())
	}
	if b, err := d.MarshalJSON(); err != nil || string(b) != `"0987-03-04"` {
		t.Errorf("MarshalJSON() = %s, %v", b, err)
	}
	if v, err := d.Value(); err != nil || v != "0987-03-04" {
		t.Errorf("Value() = %v, %v", v, err)
	}
	if got := DateOf(time.Date(2024, 5, 1, 23, 30, 0, 0, time.FixedZone("", -3600))); got != (Date{2024, time.May, 1}) {
		t.Errorf("DateOf: %v", got)
	}
	if MustDate("2024-05-01") != (Date{2024, time.May, 1}) {
		t.Error("MustDate")
	}
}

func TestDateScan(t *testing.T) {
	want := Date{2024, time.May, 1}
	for _, tc := range []struct {
		name    string
		src     any
		wantErr string
	}{
		{name: "time", src: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)},
		{name: "text", src: "2024-05-01"},
		{name: "text with a time", src: "2024-05-01 00:00:00+00:00"},
		{name: "bytes", src: []byte("2024-05-01")},
		{name: "bad text", src: "2024-13-01", wantErr: `read date "2024-13-01"`},
		{name: "short text", src: "2024", wantErr: "read date"},
		{name: "other type", src: 42, wantErr: "cannot read a date from int"},
	} {
		var d Date
		err := d.Scan(tc.src)
		wantErr(t, tc.name, err, tc.wantErr)
		if tc.wantErr == "" && d != want {
			t.Errorf("%s: got %v, want %v", tc.name, d, want)
		}
	}
}

func TestDecodeString(t *testing.T) {
	const notString, notUnicode = "must be a string", "must be valid Unicode"
	for _, tc := range []struct {
		raw     string
		want    string
		wantErr string
	}{
		{raw: `"plain"`, want: "plain"},
		{raw: `"caf\u00e9 \ud83d\ude00"`, want: "café 😀"},
		{raw: `"\udbff\udfff"`, want: "\U0010FFFF"},
		{raw: `"\ud800\udc00"`, want: "\U00010000"},
		{raw: `"\ud7ff\ue000"`, want: "\ud7ff\ue000"},
		{raw: `"a\\ud800"`, want: `a\ud800`},
		{raw: `"tab\t"`, want: "tab\t"},
		{raw: `""`, want: ""},
		{raw: ``, wantErr: notString},
		{raw: `42`, wantErr: notString},
		{raw: `"open`, wantErr: notString},
		{raw: `"a\`, wantErr: notString},
		{raw: `"\u12"`, wantErr: notString},
		{raw: `"\u0041`, wantErr: notString},
		{raw: `"\ud800\udc00`, wantErr: notString},
		{raw: `"\ud800`, wantErr: notUnicode},
		{raw: `"\ud800"`, wantErr: notUnicode},
		{raw: `"\udbff"`, wantErr: notUnicode},
		{raw: `"\udc00"`, wantErr: notUnicode},
		{raw: `"\udfff"`, wantErr: notUnicode},
		{raw: `"\ud800x\udc00"`, wantErr: notUnicode},
		{raw: `"\ud800\u0041"`, wantErr: notUnicode},
		{raw: `"\ud800\udbff"`, wantErr: notUnicode},
		{raw: `"\ud800\ue000"`, wantErr: notUnicode},
		{raw: "\"\xff\"", wantErr: notUnicode},
	} {
		got, err := DecodeString(json.RawMessage(tc.raw))
		wantErr(t, tc.raw, err, tc.wantErr)
		if got != tc.want {
			t.Errorf("DecodeString(%s) = %q, want %q", tc.raw, got, tc.want)
		}
	}
}

func TestDecodeNumbersAndBools(t *testing.T) {
	for _, tc := range []struct {
		raw     string
		want    int64
		wantErr string
	}{
		{raw: "0", want: 0},
		{raw: "9", want: 9},
		{raw: "-12", want: -12},
		{raw: "9223372036854775807", want: math.MaxInt64},
		{raw: "9223372036854775808", wantErr: "fits in 64 bits"},
		{raw: "1.5", wantErr: "must be an integer"},
		{raw: `"1"`, wantErr: "must be an integer"},
		{raw: "", wantErr: "must be an integer"},
	} {
		got, err := DecodeInt(json.RawMessage(tc.raw))
		wantErr(t, "DecodeInt "+tc.raw, err, tc.wantErr)
		if got != tc.want {
			t.Errorf("DecodeInt(%s) = %d, want %d", tc.raw, got, tc.want)
		}
	}
	for _, tc := range []struct {
		raw     string
		want    float64
		wantErr string
	}{
		{raw: "2.5", want: 2.5},
		{raw: "-1e3", want: -1000},
		{raw: "1e999", wantErr: "a 64-bit float can hold"},
		{raw: "-", wantErr: "a 64-bit float can hold"},
		{raw: "true", wantErr: "must be a number"},
		{raw: "/", wantErr: "must be a number"},
		{raw: ":", wantErr: "must be a number"},
	} {
		got, err := DecodeFloat(json.RawMessage(tc.raw))
		wantErr(t, "DecodeFloat "+tc.raw, err, tc.wantErr)
		if got != tc.want {
			t.Errorf("DecodeFloat(%s) = %v, want %v", tc.raw, got, tc.want)
		}
	}
	for _, tc := range []struct {
		raw, wantErr string
		want         bool
	}{
		{raw: "true", want: true},
		{raw: "false"},
		{raw: `"true"`, wantErr: "true or false"},
	} {
		got, err := DecodeBool(json.RawMessage(tc.raw))
		wantErr(t, "DecodeBool "+tc.raw, err, tc.wantErr)
		if got != tc.want {
			t.Errorf("DecodeBool(%s) = %v", tc.raw, got)
		}
	}
}

func TestDecodeDateAndTime(t *testing.T) {
	if d, err := DecodeDate(json.RawMessage(`"2024-05-01"`)); err != nil || d != (Date{2024, time.May, 1}) {
		t.Errorf("DecodeDate: %v, %v", d, err)
	}
	_, err := DecodeDate(json.RawMessage(`20240501`))
	wantErr(t, "DecodeDate of a number", err, "YYYY-MM-DD")
	_, err = DecodeDate(json.RawMessage(`"2024-05-32"`))
	wantErr(t, "DecodeDate of no day", err, "YYYY-MM-DD")

	want := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	if got, err := DecodeTime(json.RawMessage(`"2024-05-01T12:00:00+02:00"`)); err != nil || !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("DecodeTime: %v, %v; want %v in UTC", got, err, want)
	}
	_, err = DecodeTime(json.RawMessage(`1`))
	wantErr(t, "DecodeTime of a number", err, "RFC 3339")
	_, err = DecodeTime(json.RawMessage(`"2024-05-01T12:00:00"`))
	wantErr(t, "DecodeTime without a zone", err, "RFC 3339")
	if !MustTime("2024-05-01T10:00:00Z").Equal(want) {
		t.Error("MustTime")
	}
}

func TestParseText(t *testing.T) {
	if s, err := ParseString(" as is "); s != " as is " || err != nil {
		t.Errorf("ParseString: %q, %v", s, err)
	}
	if n, err := ParseInt(" 42 "); n != 42 || err != nil {
		t.Errorf("ParseInt: %d, %v", n, err)
	}
	if _, err := ParseInt("4x"); err == nil {
		t.Error("ParseInt(4x): no error")
	}
	for _, tc := range []struct {
		in      string
		want    float64
		wantErr bool
	}{
		{in: " 2.5 ", want: 2.5},
		{in: "x", wantErr: true},
		{in: "1e999", wantErr: true},
		{in: "NaN", wantErr: true},
	} {
		got, err := ParseFloat(tc.in)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("ParseFloat(%q) = %v, %v", tc.in, got, err)
		}
	}
	for _, tc := range []struct {
		in            string
		want, wantErr bool
	}{
		{in: "true", want: true}, {in: " 1", want: true}, {in: "false"}, {in: "0 "}, {in: "yes", wantErr: true},
	} {
		got, err := ParseBool(tc.in)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("ParseBool(%q) = %v, %v", tc.in, got, err)
		}
	}
	if got, err := ParseTime(" 2024-05-01T12:00:00.5-01:00 "); err != nil || got != time.Date(2024, 5, 1, 13, 0, 0, 5e8, time.UTC) {
		t.Errorf("ParseTime: %v, %v", got, err)
	}
}

func TestIsBlankAndCheckText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", true}, {" \t\r\n", true}, {"\u00a0\u3000", true},
		{"\x1c", true}, {"\x1f", true}, {"\u180e", true}, {"\u200b", true}, {"\ufeff", true},
		{"\x1b", false}, {"\x20a", false}, {"\u180d", false}, {"\u200c", false}, {"x", false},
	} {
		if got := IsBlank(tc.in); got != tc.want {
			t.Errorf("IsBlank(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	wantErr(t, "CheckText ok", CheckText("fine ✓"), "")
	wantErr(t, "CheckText NUL", CheckText("a\x00b"), "U+0000")
	wantErr(t, "CheckText bad UTF-8", CheckText("a\xffb"), "valid UTF-8")
}

func TestFieldAndUnknown(t *testing.T) {
	body := map[string]json.RawMessage{"n": json.RawMessage(`3`), "z": json.RawMessage(`null`), "bad": json.RawMessage(`"x"`), "extra": json.RawMessage(`1`), "also": json.RawMessage(`1`)}
	verr := &ValidationError{}
	for _, tc := range []struct {
		name  string
		want  int64
		state State
	}{
		{"n", 3, Present}, {"z", 0, Null}, {"missing", 0, Absent}, {"bad", 0, Invalid},
	} {
		got, state := Field(body, tc.name, DecodeInt, verr)
		if got != tc.want || state != tc.state {
			t.Errorf("Field(%s) = %d, %v; want %d, %v", tc.name, got, state, tc.want, tc.state)
		}
	}
	if len(verr.Errors) != 1 || verr.Errors[0] != (FieldError{"bad", "must be an integer"}) {
		t.Fatalf("after Field: %+v", verr.Errors)
	}
	Unknown(body, []string{"n", "z", "bad"}, verr)
	var fields []string
	for _, fe := range verr.Errors {
		fields = append(fields, fe.Field)
	}
	if !slices.Equal(fields, []string{"also", "bad", "extra"}) || verr.Errors[2].Message != "is not a field (allowed: n, z, bad)" {
		t.Errorf("after Unknown: %+v", verr.Errors)
	}
}

func TestQuery(t *testing.T) {
	q := func(s string) url.Values {
		v, err := url.ParseQuery(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		query         string
		limit, offset int64
		wantErr       string
	}{
		{query: "", limit: DefaultLimit},
		{query: "limit=1&offset=0", limit: 1},
		{query: "limit=100&offset=7", limit: MaxLimit, offset: 7},
		{query: "limit=0", wantErr: "limit must be an integer from 1 to 100"},
		{query: "limit=101", wantErr: "limit must be"},
		{query: "limit=x", wantErr: "limit must be"},
		{query: "limit=1&limit=2", wantErr: "limit must be given once"},
		{query: "offset=-1", wantErr: "offset must be an integer from 0"},
		{query: "offset=y", wantErr: "offset must be"},
		{query: "offset=1&offset=1", wantErr: "offset must be given once"},
		{query: "offset=%00", wantErr: "offset must not contain"},
	} {
		limit, offset, err := ParsePage(q(tc.query))
		wantErr(t, "ParsePage "+tc.query, err, tc.wantErr)
		if limit != tc.limit || offset != tc.offset {
			t.Errorf("ParsePage(%s) = %d, %d; want %d, %d", tc.query, limit, offset, tc.limit, tc.offset)
		}
	}

	allowed := []string{"color", "size"}
	for _, tc := range []struct {
		query   string
		want    []SortKey
		wantErr string
	}{
		{query: ""},
		{query: "sort=color,-size", want: []SortKey{{"color", false}, {"size", true}}},
		{query: "sort=-color", want: []SortKey{{"color", true}}},
		{query: "sort=nope", wantErr: `cannot sort by "nope" (allowed: color, size`},
		{query: "sort=color,-color", wantErr: `names "color" twice`},
		{query: "sort=color&sort=size", wantErr: "given once"},
	} {
		got, err := ParseSort(q(tc.query), allowed)
		wantErr(t, "ParseSort "+tc.query, err, tc.wantErr)
		if !slices.Equal(got, tc.want) {
			t.Errorf("ParseSort(%s) = %v, want %v", tc.query, got, tc.want)
		}
	}

	if v, err := Filter(q("size=true"), "size", ParseBool); err != nil || v == nil || !*v {
		t.Errorf("Filter(size=true) = %v, %v", v, err)
	}
	if v, err := Filter(q(""), "size", ParseBool); err != nil || v != nil {
		t.Errorf("Filter without the parameter = %v, %v", v, err)
	}
	_, err := Filter(q("size=maybe"), "size", ParseBool)
	wantErr(t, "Filter(size=maybe)", err, "size must be true or false")
	_, err = Filter(q("size=1&size=0"), "size", ParseBool)
	wantErr(t, "Filter repeated", err, "size must be given once")
}

func TestMustPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"MustDate": func() { MustDate("2024-02-30") },
		"MustTime": func() { MustTime("noon") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s of a typo did not panic", name)
				}
			}()
			f()
		}()
	}
}
