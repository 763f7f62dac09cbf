package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// loadSpec parses an OpenAPI 3.1 document and builds a validator of
// answers against it.
func loadSpec(data []byte) (validator.Validator, error) {
	doc, err := libopenapi.NewDocument(data)
	if err != nil {
		return nil, fmt.Errorf("parse the spec: %w", err)
	}
	m, err := doc.BuildV3Model()
	if err != nil {
		return nil, fmt.Errorf("build the OpenAPI 3 model: %w", err)
	}
	if m == nil {
		return nil, fmt.Errorf("the spec is not OpenAPI 3")
	}
	return validator.NewValidatorFromV3Model(&m.Model), nil
}

var bigOffset = regexp.MustCompile(`"offset"\s*:\s*[0-9]{16,}`)

// expectation is what a generated request must get.
type expectation struct {
	statuses []int // one of these; empty: any status the spec documents
	why      string
}

func accept(status int, why string) expectation { return expectation{[]int{status}, why} }

var refused = []int{400, 409, 413, 415, 422}

func refuse(why string) expectation { return expectation{refused, why} }

// prop is the property-based phase, bound to one service.
type prop struct {
	api  *restV2
	spec validator.Validator
	rnd  *rand.Rand
}

func runProperties(t T, api *restV2) {
	o := api.o
	t.Run(fmt.Sprintf("property phase: %d generated requests per operation never get a 5xx, and every answer has a status and body the served spec documents (seed %d)", o.Cases, o.Seed), func(t T) {
		t.Logf("property phase seed %d (replay with SCAFFOLD_CONTRACT_SEED=%d, SCAFFOLD_CONTRACT_CASES=%d)", o.Seed, o.Seed, o.Cases)
		r := api.c.do(t, "GET", "/openapi.yaml", nil, nil)
		if r.status != 200 {
			t.Fatalf("the spec is needed to judge the answers: %s", r)
		}
		spec, err := loadSpec(r.body)
		if err != nil {
			t.Fatalf("the served spec does not load: %v", err)
		}
		for _, res := range api.m.Resources {
			rs := &resV2{api: api, r: res, path: "/api/v1/" + kebab(res.Plural)}
			p := &prop{api: api, spec: spec, rnd: newRand(o.Seed, res.Name)}
			var target *obj
			for _, op := range []string{"POST", "PUT", "PATCH", "GET list", "GET item", "DELETE"} {
				t.Run(rs.name(op+": generated requests get documented answers; valid ones are accepted, invalid ones refused"), func(t T) {
					if target == nil && op != "POST" && op != "GET list" {
						target = rs.create(t, rs.example())
					}
					failures := 0
					for i := range o.Cases {
						method, path, body, header, want := p.generate(rs, op, target)
						if msg := p.check(t, method, path, body, header, want); msg != "" {
							t.Errorf("case %d of %s (seed %d): %s %s\n  body: %s\n  Content-Type: %q\n  %s", i, op, o.Seed, method, path, short(string(body)), header["Content-Type"], msg)
							failures++
							if failures >= 5 {
								t.Fatalf("stopping %s after %d failing cases", op, failures)
							}
						}
					}
				})
			}
		}
	})
}

// check sends one request and judges its answer.
func (p *prop) check(t T, method, path string, body []byte, header map[string]string, want expectation) string {
	t.Helper()
	r := p.api.c.do(t, method, path, body, header)
	if r.status >= 500 {
		return fmt.Sprintf("a 5xx answer to client input: %s", r)
	}
	if len(want.statuses) > 0 && !slices.Contains(want.statuses, r.status) {
		return fmt.Sprintf("want %v (%s), got %s", want.statuses, want.why, r)
	}
	req, err := http.NewRequest(method, p.api.c.base+path, bytes.NewReader(body))
	if err != nil {
		return ""
	}
	for k, v := range header {
		if v != "\x00" {
			req.Header.Set(k, v)
		}
	}
	// An offset past 2^53 was checked exactly by its own rule; validators compare
	// numbers as float64 and would take the largest allowed for one above it.
	judged := bigOffset.ReplaceAll(r.body, []byte(`"offset":0`))
	resp := &http.Response{StatusCode: r.status, Header: r.header, Body: io.NopCloser(bytes.NewReader(judged)), Request: req}
	if ok, errs := p.spec.ValidateHttpResponse(req, resp); !ok {
		var msgs []string
		for _, e := range errs {
			m := e.Message
			if e.Reason != "" {
				m += ": " + e.Reason
			}
			for _, s := range e.SchemaValidationErrors {
				m += "; " + s.Reason + " at " + strings.Join(s.InstancePath, "/")
			}
			msgs = append(msgs, m)
		}
		return fmt.Sprintf("the answer does not match the served spec: %s\n  answer: %s", strings.Join(msgs, " | "), r)
	}
	return ""
}

func (p *prop) pick(n int) int { return p.rnd.IntN(n) }

func (p *prop) chance(percent int) bool { return p.rnd.IntN(100) < percent }

// generate makes one request for op.
func (p *prop) generate(rs *resV2, op string, target *obj) (method, path string, body []byte, header map[string]string, want expectation) {
	header = map[string]string{}
	switch op {
	case "POST", "PUT", "PATCH":
		method = op
		path = rs.path
		okStatus := 201
		if op != "POST" {
			path, okStatus = rs.itemPath(target.id), 200
		}
		vals, verdict, unique := p.body(rs, op == "PATCH")
		body = rs.body(vals)
		want = accept(okStatus, "every value is valid")
		if unique {
			want.statuses = append(want.statuses, 409)
		}
		if verdict != "" {
			want = refuse(verdict)
		}
		if verdict == "?" {
			want = expectation{}
		}
		ct := "application/json"
		switch k := p.pick(20); {
		case k == 0:
			ct, want = "text/plain", expectation{[]int{415}, "a text/plain body is not JSON"}
		case k == 1:
			ct, want = "\x00", expectation{[]int{415}, "a body without a Content-Type"}
		case k == 2:
			ct, want = "application/x-www-form-urlencoded", expectation{[]int{415}, "a form body is not JSON"}
		case k == 3:
			ct, want = "multipart/form-data; boundary=zz", expectation{[]int{415}, "a multipart body is not JSON"}
		case k == 4:
			ct = "application/json; charset=utf-8"
		case k == 5 && op == "PATCH":
			ct = "application/merge-patch+json"
		case k == 6:
			ct = "application/problem+json"
		}
		header["Content-Type"] = ct
		switch k := p.pick(25); {
		case k == 0 && len(body) > 2:
			body = body[:p.pick(len(body)-1)+1]
			if want.statuses == nil || want.statuses[0] != 415 {
				want = expectation{[]int{400}, "a truncated JSON body"}
			}
		case k == 1:
			body = append(body, " {}"...)
			if want.statuses == nil || want.statuses[0] != 415 {
				want = expectation{[]int{400}, "data after the JSON value"}
			}
		case k == 2:
			body = []byte([]string{`[]`, `"x"`, `1`, `true`, `null`, `[{}]`}[p.pick(6)])
			if want.statuses == nil || want.statuses[0] != 415 {
				want = expectation{[]int{400}, "a JSON value that is not an object"}
			}
		}
	case "GET list":
		method = "GET"
		q, verdict := p.query(rs)
		path = rs.path + q
		switch verdict {
		case "":
			want = accept(200, "every query parameter is valid")
		case "?":
		default:
			want = expectation{[]int{400}, verdict}
		}
		if p.chance(10) {
			body = []byte("a=1")
			header["Content-Type"] = []string{"text/plain", "multipart/form-data; boundary=q", "application/x-www-form-urlencoded"}[p.pick(3)]
		}
	case "GET item", "DELETE":
		method = strings.Fields(op)[0]
		id, exists := p.id(target)
		path = rs.itemPath(id)
		switch {
		case exists == 0:
			want = expectation{[]int{404}, "no object has this id"}
		case exists == 1 && method == "GET":
			want = accept(200, "the object exists")
		}
		if p.chance(10) {
			body = []byte("x")
			header["Content-Type"] = "text/plain"
		}
	}
	return method, path, body, header, want
}

// id is an id to ask for: the target's (1), one that names nothing (0), or
// a number that may name another object (-1).
func (p *prop) id(target *obj) (string, int) {
	if p.chance(30) {
		return target.id, 1
	}
	alphabet := []string{"0123456789", "0123456789abcdef", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.~", "üé✓"}
	var b strings.Builder
	set := alphabet[p.pick(len(alphabet))]
	runes := []rune(set)
	for range p.pick(30) + 1 {
		b.WriteRune(runes[p.pick(len(runes))])
	}
	s := b.String()
	if s == target.id || s == "." || s == ".." {
		return "9" + s + "z", 0
	}
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return s, -1
	}
	return s, 0
}

// body makes a request body: verdict "" when every value is valid, a reason
// when it must be refused, "?" when the rules leave the answer open; unique
// says a valid body may still clash with a stored object (409).
func (p *prop) body(rs *resV2, patch bool) (vals map[string]string, verdict string, unique bool) {
	vals = map[string]string{}
	fresh := rs.api.sample()
	for _, f := range rs.r.Fields {
		mode := p.pick(100)
		switch {
		case mode < 12 || (patch && mode < 40):
			// absent
			if f.Required && !patch && verdict == "" {
				verdict = f.Name + " is required and absent"
			}
			continue
		case mode < 60:
			if f.Unique {
				vals[f.Name] = jsonText(f.Valid(fresh))
				continue
			}
			edges := f.Edges()
			if p.chance(50) && len(edges) > 0 {
				vals[f.Name] = edges[p.pick(len(edges))].JSON()
			} else {
				vals[f.Name] = jsonText(f.Valid(p.pick(1000)))
			}
			continue
		case mode < 75:
			inv := f.Invalid()
			s := inv[p.pick(len(inv))]
			vals[f.Name] = s.JSON()
			if verdict == "" || verdict == "?" {
				verdict = f.Name + ": " + s.Rule
			}
			continue
		}
		text, v, known := p.fuzz(f)
		vals[f.Name] = text
		switch {
		case !known:
			if verdict == "" {
				verdict = "?"
			}
		case f.Check(v) != "":
			if verdict == "" || verdict == "?" {
				verdict = f.Name + " " + f.Check(v)
			}
		case f.Unique && v != nil:
			unique = true
		}
	}
	if p.chance(8) {
		vals["zz_unknown_key"] = `"x"`
		verdict = "zz_unknown_key is not a field"
	}
	return vals, verdict, unique
}

// invalidValue stands for a JSON value no field accepts (a lone surrogate, a
// number past 64 bits or past float range).
type invalidValue struct{}

// fuzz makes a value of every kind for f: its JSON text, the value that
// model.Field.Check judges, and whether the judgement is certain.
func (p *prop) fuzz(f model.Field) (string, any, bool) {
	switch p.pick(10) {
	case 0:
		return "null", nil, true
	case 1: // type confusion
		vs := []struct {
			text string
			v    any
		}{{`true`, true}, {`"123"`, "123"}, {`12`, int64(12)}, {`[]`, []any{}}, {`{}`, map[string]any{}}, {`[1]`, []any{1}}, {`0.5`, 0.5}}
		x := vs[p.pick(len(vs))]
		return x.text, x.v, true
	}
	switch f.Type {
	case model.String, model.Text:
		s, raw := p.text(f)
		if raw {
			return s, invalidValue{}, true
		}
		b, _ := json.Marshal(s)
		return string(b), s, true
	case model.Int:
		switch p.pick(6) {
		case 0:
			return "18446744073709551616", invalidValue{}, true
		case 1:
			return "-9223372036854775809", invalidValue{}, true
		case 2:
			n := int64(p.rnd.Uint64() >> 2)
			if p.chance(50) {
				n = -n
			}
			return strconv.FormatInt(n, 10), n, true
		case 3:
			return "1e400", invalidValue{}, true
		}
		lo, hi := int64(-1000), int64(1000)
		if v, ok := f.MinInt(); ok {
			lo = v - 2
		}
		if v, ok := f.MaxInt(); ok {
			hi = v + 2
		}
		if hi <= lo {
			hi = lo + 4
		}
		n := lo + p.rnd.Int64N(hi-lo+1)
		return strconv.FormatInt(n, 10), n, true
	case model.Float:
		vs := []float64{0, -0.5, 1e308, -1e308, 5e-324, 3.25, 123456.789}
		if f.Min != nil {
			vs = append(vs, *f.Min, *f.Min-0.001)
		}
		if f.Max != nil {
			vs = append(vs, *f.Max, *f.Max+0.001)
		}
		if p.chance(15) {
			return "1e400", invalidValue{}, true
		}
		x := vs[p.pick(len(vs))]
		b, _ := json.Marshal(x)
		return string(b), x, true
	case model.Bool:
		vs := []string{"true", "false", `"false"`, "0", `"yes"`}
		s := vs[p.pick(len(vs))]
		var v any
		_ = json.Unmarshal([]byte(s), &v)
		if n, ok := v.(float64); ok {
			v = int64(n)
		}
		return s, v, true
	case model.Date:
		s := fmt.Sprintf("%04d-%02d-%02d", 1900+p.pick(200), p.pick(14), p.pick(33))
		if p.chance(20) {
			s = []string{"2024-5-1", "20240501", "2024-05-01T00:00:00Z", "", "2024-02-29", "2023-02-29"}[p.pick(6)]
		}
		b, _ := json.Marshal(s)
		return string(b), s, true
	case model.DateTime:
		s := time.Date(1971+p.pick(59), time.Month(1+p.pick(12)), 1+p.pick(28), p.pick(24), p.pick(60), p.pick(60), p.pick(1000)*1e6, time.UTC).Format(time.RFC3339Nano)
		if p.chance(40) {
			zones := []string{"+02:00", "-05:30", "+00:00", "Z"}
			s = strings.TrimSuffix(s, "Z") + zones[p.pick(len(zones))]
		}
		if p.chance(20) {
			s = []string{"2024-05-31T25:00:00Z", "2024-05-31", "now", "", "2024-13-31T10:00:00Z"}[p.pick(5)]
		}
		b, _ := json.Marshal(s)
		return string(b), s, true
	case model.Enum:
		vs := append([]string{"", "x", strings.ToUpper(f.Values[0]), f.Values[0] + " "}, f.Values...)
		s := vs[p.pick(len(vs))]
		b, _ := json.Marshal(s)
		return string(b), s, true
	}
	return "null", nil, false
}

// text makes a string at the field's boundary lengths from several
// alphabets; raw reports a JSON text holding a lone surrogate.
func (p *prop) text(f model.Field) (string, bool) {
	lengths := []int{0, 1, 2, 7}
	if mn, ok := f.MinInt(); ok {
		lengths = append(lengths, int(mn)-1, int(mn), int(mn)+1)
	}
	if mx, ok := f.MaxInt(); ok {
		lengths = append(lengths, int(mx)-1, int(mx), int(mx)+1)
	} else {
		lengths = append(lengths, 300, 4000)
	}
	n := max(0, lengths[p.pick(len(lengths))])
	alphabets := [][]rune{
		[]rune("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789"),
		[]rune("éèüßñ✓€中文字日本"),
		[]rune("😀🎉👍🏽"),
		[]rune("  \t\n"),
		[]rune("\"\\/<>&'%;{}[]\u200b\u202e\u0301\u0001"),
	}
	al := alphabets[p.pick(len(alphabets))]
	var b strings.Builder
	for range n {
		b.WriteRune(al[p.pick(len(al))])
	}
	s := b.String()
	switch p.pick(12) {
	case 0:
		if n > 0 {
			rs := []rune(s)
			rs[p.pick(len(rs))] = 0
			s = string(rs)
		} else {
			s = "\x00"
		}
	case 1:
		js, _ := json.Marshal(s)
		text := string(js)
		return text[:len(text)-1] + `\udc00"`, true
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "?")
	}
	return s, false
}

// query makes a list query: verdict "" when valid, a reason when it must be
// a 400, "?" when open.
func (p *prop) query(rs *resV2) (string, string) {
	q := url.Values{}
	verdict := ""
	bad := func(why string) {
		if verdict == "" || verdict == "?" {
			verdict = why
		}
	}
	if p.chance(60) {
		vs := []struct {
			v  string
			ok bool
		}{{"1", true}, {"20", true}, {"100", true}, {strconv.Itoa(1 + p.pick(100)), true},
			{"0", false}, {"101", false}, {"-1", false}, {"", false}, {"abc", false}, {"1.5", false}, {"99999999999999999999", false}, {"1e2", false}}
		x := vs[p.pick(len(vs))]
		q.Add("limit", x.v)
		if !x.ok {
			bad("limit=" + x.v)
		}
	}
	if p.chance(50) {
		vs := []struct {
			v  string
			ok bool
		}{{"0", true}, {strconv.Itoa(p.pick(50)), true}, {"2147483648", true}, {"9223372036854775807", true}, {strconv.FormatInt(p.rnd.Int64(), 10), true},
			{"-1", false}, {"", false}, {"9223372036854775808", false}, {"18446744073709551616", false}, {"x", false}, {"0.0", false}}
		x := vs[p.pick(len(vs))]
		q.Add("offset", x.v)
		if !x.ok {
			bad("offset=" + x.v)
		}
	}
	if p.chance(40) {
		keys := rs.sortKeys()
		var parts []string
		used := map[string]bool{}
		for range 1 + p.pick(3) {
			k := keys[p.pick(len(keys))]
			if p.chance(10) {
				k = "zz_nope"
				bad("sort by an unknown key")
			} else if used[k] {
				bad("a sort key given twice")
			}
			used[k] = true
			if p.chance(50) {
				k = "-" + k
			}
			parts = append(parts, k)
		}
		q.Add("sort", strings.Join(parts, ","))
	}
	for _, f := range rs.r.Fields {
		if !f.Filterable() || !p.chance(15) {
			continue
		}
		if p.chance(70) {
			q.Add(f.Name, queryText(f.Valid(p.pick(100))))
		} else if vs := badFilterValues(f); len(vs) > 0 {
			q.Add(f.Name, vs[p.pick(len(vs))])
			bad(f.Name + " does not parse as a " + string(f.Type))
		}
	}
	if p.chance(10) {
		q.Add("zz_unknown", "1")
	}
	if p.chance(10) && len(q) > 0 {
		var names []string
		for k := range q {
			if k != "zz_unknown" {
				names = append(names, k)
			}
		}
		if len(names) > 0 {
			slices.Sort(names)
			k := names[p.pick(len(names))]
			q.Add(k, q.Get(k))
			bad(k + " given twice")
		}
	}
	text := q.Encode()
	if text == "" {
		return "", verdict
	}
	return "?" + text, verdict
}
