package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// restV2 is the REST half of contract v2, bound to one service and model.
type restV2 struct {
	c    *client
	m    *model.Model
	o    Options
	next int // the next sample number; distinct per object so unique fields never clash
	tags int
}

// resV2 is one resource of the model under test.
type resV2 struct {
	api  *restV2
	r    model.Resource
	path string // /api/v1/books
}

// obj is one object as the API returned it.
type obj struct {
	id   string // as it appears in a URL
	raw  map[string]any
	body []byte
}

func runRESTV2(t T, c *client, m *model.Model, o Options) {
	t.Helper()
	api := &restV2{c: c, m: m, o: o, next: int(time.Now().UnixNano()/1e6%40) * 1000}

	t.Run("the probes healthz, livez and readyz answer 200 {\"status\":\"ok\"}", func(t T) { checkProbes(t, c) })
	t.Run("every response carries X-Content-Type-Options: nosniff, and /api/ responses Cache-Control: no-store", func(t T) {
		api.checkHeaders(t)
	})
	t.Run("CORS is off unless CORS_ORIGINS is set: no answer carries an Access-Control-* header", func(t T) {
		checkCORSOff(t, c, "rest", m)
	})
	t.Run("an unknown route is a 404 problem+json", func(t T) {
		for _, p := range []string{"/no-such-route", "/api/v1/no-such-things", "/api/v1/" + kebab(m.Resources[0].Plural) + "/1/extra"} {
			expectProblem(t, c.do(t, "GET", p, nil, nil), 404)
		}
	})
	t.Run("a wrong method on a known path is a 405 problem+json with Allow", func(t T) {
		api.checkMethodNotAllowed(t)
	})
	t.Run("GET /openapi.yaml serves the OpenAPI 3.1 spec with every resource's paths and operations", func(t T) {
		api.checkOpenAPI(t)
	})
	t.Run("GET /docs serves HTML whose scripts and styles all come from the service itself", func(t T) {
		api.checkDocs(t)
	})
	t.Run("a request with a form or text body to a route that takes none is never a 5xx", func(t T) {
		api.checkBodiesIgnored(t)
	})

	for _, r := range m.Resources {
		res := &resV2{api: api, r: r, path: "/api/v1/" + kebab(r.Plural)}
		res.run(t)
	}

	if o.Cases > 0 {
		runProperties(t, api)
	}
}

// tag returns a fresh number for values made to sort.
func (api *restV2) tag() int {
	api.tags++
	return api.tags
}

// sample returns a fresh sample number.
func (api *restV2) sample() int {
	api.next++
	return api.next
}

func (res *resV2) name(s string) string { return res.r.Name + ": " + s }

func (res *resV2) itemPath(id string) string { return res.path + "/" + url.PathEscape(id) }

// keys is the field order of a body: the model's.
func (res *resV2) keys() []string {
	out := make([]string, 0, len(res.r.Fields)+1)
	for _, f := range res.r.Fields {
		out = append(out, f.Name)
	}
	return out
}

// example is a full valid body (as JSON texts per key) with fresh unique values.
func (res *resV2) example() map[string]string {
	n := res.api.sample()
	vals := map[string]string{}
	for _, f := range res.r.Fields {
		vals[f.Name] = jsonText(f.Valid(n))
	}
	return vals
}

// minimal is a body with the required fields (and unique ones) only.
func (res *resV2) minimal() map[string]string {
	n := res.api.sample()
	vals := map[string]string{}
	for _, f := range res.r.Fields {
		if f.Required || f.Unique {
			vals[f.Name] = jsonText(f.Valid(n))
		}
	}
	return vals
}

func (res *resV2) body(vals map[string]string) []byte {
	return jsonObject(append(res.keys(), "zz_unknown_key"), vals)
}

func (res *resV2) run(t T) {
	t.Helper()
	c := res.api.c
	var created *obj
	var createdVals map[string]string
	t.Run(res.name("POST with every field creates: 201, Location, every key (id, the fields, created_at, updated_at) with the values sent"), func(t T) {
		createdVals = res.example()
		r := c.do(t, "POST", res.path, res.body(createdVals), jsonHeader)
		created = res.expectObject(t, r, 201)
		res.sameAs(t, created, createdVals)
		if r.header.Get("Location") == "" {
			t.Errorf("201 without a Location header")
		}
		res.checkTimes(t, created)
	})
	t.Run(res.name("POST Location points at the created object"), func(t T) {
		vals := res.example()
		r := c.do(t, "POST", res.path, res.body(vals), jsonHeader)
		o := res.expectObject(t, r, 201)
		loc := r.header.Get("Location")
		if loc == "" {
			t.Fatalf("201 without a Location header")
		}
		base, _ := url.Parse(r.url)
		ref, err := url.Parse(loc)
		if err != nil {
			t.Fatalf("Location %q is not a URL: %v", loc, err)
		}
		target := base.ResolveReference(ref)
		if !strings.HasSuffix(target.Path, "/"+o.id) {
			t.Errorf("Location %q does not end with the new id %q", loc, o.id)
		}
		got := res.expectObject(t, c.do(t, "GET", target.RequestURI(), nil, nil), 200)
		res.sameAs(t, got, vals)
	})
	t.Run(res.name("POST with only the required fields gives every absent field its default, or null"), func(t T) {
		vals := res.minimal()
		o := res.expectObject(t, c.do(t, "POST", res.path, res.body(vals), jsonHeader), 201)
		res.sameAs(t, o, res.withDefaults(vals))
	})
	t.Run(res.name("GET by id returns the object"), func(t T) {
		if created == nil {
			t.Fatalf("no object to read: creating one failed above")
		}
		got := res.expectObject(t, c.do(t, "GET", res.itemPath(created.id), nil, nil), 200)
		res.sameObject(t, got, created)
	})
	for _, m := range res.missingIDs(created) {
		for _, method := range []string{"GET", "PUT", "PATCH", "DELETE"} {
			t.Run(res.name(method+" of "+m.name+" is 404 problem+json"), func(t T) {
				var body []byte
				h := map[string]string(nil)
				if method == "PUT" || method == "PATCH" {
					body, h = res.body(res.example()), jsonHeader
				}
				expectProblem(t, c.do(t, method, res.itemPath(m.id), body, h), 404)
			})
		}
	}

	// Every edge value of every field is accepted and echoed back, on POST and PATCH.
	for _, f := range res.r.Fields {
		for _, s := range f.Edges() {
			t.Run(res.name(fmt.Sprintf("POST accepts %s = %s and echoes it back", f.Name, s.Rule)), func(t T) {
				vals := res.example()
				vals[f.Name] = s.JSON()
				o := res.expectObject(t, c.do(t, "POST", res.path, res.body(vals), jsonHeader), 201)
				res.sameAs(t, o, vals)
				if created == nil {
					return
				}
				if f.Unique && s.Value != nil {
					return // the object above holds it now
				}
				r := c.do(t, "PATCH", res.itemPath(created.id), res.body(map[string]string{f.Name: s.JSON()}), jsonHeader)
				p := res.expectObject(t, r, 200)
				if err := sameValue(f, p.raw[f.Name], s.Value); err != nil {
					t.Errorf("PATCH %s = %s: %s: %v", f.Name, s.Rule, f.Name, err)
				}
			})
		}
	}

	// Every invalid value is a 422 that names the field, on POST, PUT and PATCH; nothing is stored.
	for _, f := range res.r.Fields {
		for _, s := range f.Invalid() {
			for _, method := range []string{"POST", "PUT", "PATCH"} {
				t.Run(res.name(fmt.Sprintf("%s with %s = %s is 422 naming %s, nothing stored", method, f.Name, s.Rule, f.Name)), func(t T) {
					path := res.path
					if method != "POST" {
						if created == nil {
							t.Fatalf("no object: creating one failed above")
						}
						path = res.itemPath(created.id)
					}
					vals := map[string]string{f.Name: s.JSON()}
					if method != "PATCH" {
						vals = res.example()
						vals[f.Name] = s.JSON()
					}
					before := res.total(t)
					var was *obj
					if method != "POST" {
						was = res.expectObject(t, c.do(t, "GET", path, nil, nil), 200)
					}
					r := c.do(t, method, path, res.body(vals), jsonHeader)
					expectFieldError(t, r, f.Name)
					res.nothingStored(t, before)
					if was != nil {
						res.unchanged(t, path, was)
					}
				})
			}
		}
		if f.Required {
			for _, method := range []string{"POST", "PUT"} {
				t.Run(res.name(fmt.Sprintf("%s without the required %s is 422 naming %s", method, f.Name, f.Name)), func(t T) {
					path := res.path
					if method == "PUT" {
						if created == nil {
							t.Fatalf("no object: creating one failed above")
						}
						path = res.itemPath(created.id)
					}
					vals := res.example()
					delete(vals, f.Name)
					before := res.total(t)
					expectFieldError(t, c.do(t, method, path, res.body(vals), jsonHeader), f.Name)
					res.nothingStored(t, before)
				})
			}
		}
	}
	for _, method := range []string{"POST", "PUT", "PATCH"} {
		t.Run(res.name(method+" with an unknown field is 422 naming it, nothing stored"), func(t T) {
			path := res.path
			if method != "POST" {
				if created == nil {
					t.Fatalf("no object: creating one failed above")
				}
				path = res.itemPath(created.id)
			}
			vals := res.example()
			vals["zz_unknown_key"] = `"surprise"`
			before := res.total(t)
			expectFieldError(t, c.do(t, method, path, res.body(vals), jsonHeader), "zz_unknown_key")
			res.nothingStored(t, before)
		})
		for _, bad := range []struct{ name, body string }{
			{"malformed JSON", `{"` + res.r.Fields[0].Name + `": "unterminated`},
			{"a JSON array", `[]`},
			{"a JSON string", `"text"`},
			{"a JSON number", `42`},
			{"JSON null", `null`},
			{"an empty body", ``},
		} {
			t.Run(res.name(method+" with "+bad.name+" is 400 problem+json"), func(t T) {
				path := res.path
				if method != "POST" {
					if created == nil {
						t.Fatalf("no object: creating one failed above")
					}
					path = res.itemPath(created.id)
				}
				before := res.total(t)
				expectProblem(t, c.do(t, method, path, []byte(bad.body), jsonHeader), 400)
				res.nothingStored(t, before)
			})
		}
		for _, ct := range []string{"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""} {
			label := ct
			if label == "" {
				label = "no Content-Type"
			}
			t.Run(res.name(method+" with "+label+" is 415 problem+json, nothing stored"), func(t T) {
				path := res.path
				if method != "POST" {
					if created == nil {
						t.Fatalf("no object: creating one failed above")
					}
					path = res.itemPath(created.id)
				}
				h := map[string]string{"Content-Type": ct}
				if ct == "" {
					h["Content-Type"] = "\x00"
				}
				before := res.total(t)
				expectProblem(t, c.do(t, method, path, res.body(res.example()), h), 415)
				res.nothingStored(t, before)
			})
		}
		accepted := []string{"application/json; charset=utf-8", "application/vnd.scaffold.contract+json"}
		if method == "PATCH" {
			accepted = append(accepted, "application/merge-patch+json")
		}
		for _, ct := range accepted {
			t.Run(res.name(method+" accepts Content-Type "+ct), func(t T) {
				path, want := res.path, 201
				if method != "POST" {
					if created == nil {
						t.Fatalf("no object: creating one failed above")
					}
					path, want = res.itemPath(created.id), 200
				}
				vals := res.example()
				o := res.expectObject(t, c.do(t, method, path, res.body(vals), map[string]string{"Content-Type": ct}), want)
				res.sameAs(t, o, vals)
				if method != "POST" {
					created = o
				}
			})
		}
	}

	res.runList(t)
	res.runSort(t)
	res.runFilters(t)
	res.runUnique(t)
	res.runUpdates(t)
	res.runHostile(t)
	res.runDelete(t)
}

// withDefaults is what the server stores for vals: absent fields get their
// default, else null.
func (res *resV2) withDefaults(vals map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range vals {
		out[k] = v
	}
	for _, f := range res.r.Fields {
		if _, ok := out[f.Name]; ok {
			continue
		}
		if f.HasDefault() {
			out[f.Name] = jsonText(f.Default)
		} else {
			out[f.Name] = "null"
		}
	}
	return out
}

type missingIDV2 struct{ name, id string }

func (res *resV2) missingIDs(created *obj) []missingIDV2 {
	wellFormed := "2147480000"
	if created != nil {
		if _, err := strconv.ParseInt(created.id, 10, 64); err != nil {
			wellFormed = "0123456789abcdef01234567"
		}
	}
	return []missingIDV2{
		{"an unknown id", wellFormed},
		{"a malformed id (not-an-id)", "not-an-id"},
		{"an id too large for any integer (99999999999999999999999)", "99999999999999999999999"},
	}
}

// expectObject checks a JSON object answer of the resource: exactly the keys
// id, the fields, created_at, updated_at, each of the field's type.
func (res *resV2) expectObject(t T, r *response, status int) *obj {
	t.Helper()
	if r.status != status {
		t.Fatalf("want %d, got %s", status, r)
	}
	expectJSONType(t, r, "application/json")
	o, err := res.parseObject(r.body)
	if err != nil {
		t.Fatalf("%v\n%s", err, r)
	}
	return o
}

func (res *resV2) parseObject(data []byte) (*obj, error) {
	var m map[string]any
	if err := decodeNumbers(data, &m); err != nil {
		return nil, fmt.Errorf("the body is not a JSON object: %v", err)
	}
	return res.checkObject(m)
}

func (res *resV2) checkObject(m map[string]any) (*obj, error) {
	o := &obj{raw: m}
	switch id := m["id"].(type) {
	case json.Number:
		if _, err := strconv.ParseInt(id.String(), 10, 64); err != nil {
			return nil, fmt.Errorf("id %s is a number but not a 64-bit integer", id)
		}
		o.id = id.String()
	case string:
		if id == "" {
			return nil, fmt.Errorf("id is an empty string")
		}
		o.id = id
	default:
		return nil, fmt.Errorf("id must be an integer or a string, got %s", show(m["id"]))
	}
	want := map[string]bool{"id": true, "created_at": true, "updated_at": true}
	for _, f := range res.r.Fields {
		want[f.Name] = true
		v, ok := m[f.Name]
		if !ok {
			return nil, fmt.Errorf("the object has no %q key (every key is always present; null when empty)", f.Name)
		}
		if v == nil && f.Nullable() {
			continue
		}
		if msg := f.Check(plain(f, v)); msg != "" {
			return nil, fmt.Errorf("%s is %s, which breaks its own rule: %s", f.Name, show(v), msg)
		}
		if f.Type == model.DateTime {
			if s, _ := v.(string); !strings.HasSuffix(s, "Z") {
				return nil, fmt.Errorf("%s %q is not written in UTC with Z", f.Name, s)
			}
		}
	}
	for _, k := range []string{"created_at", "updated_at"} {
		s, ok := m[k].(string)
		if !ok {
			return nil, fmt.Errorf("%s must be a string, got %s", k, show(m[k]))
		}
		if _, err := parseTimestamp(s); err != nil || !strings.HasSuffix(s, "Z") {
			return nil, fmt.Errorf("%s %q is not an RFC 3339 timestamp in UTC written with Z", k, s)
		}
	}
	var extra []string
	for k := range m {
		if !want[k] {
			extra = append(extra, k)
		}
	}
	if len(extra) > 0 {
		sort.Strings(extra)
		return nil, fmt.Errorf("the object has keys the model does not: %s", strings.Join(extra, ", "))
	}
	return o, nil
}

// sameAs checks every field of o against the JSON texts sent.
func (res *resV2) sameAs(t T, o *obj, vals map[string]string) {
	t.Helper()
	for _, f := range res.r.Fields {
		text, ok := vals[f.Name]
		if !ok {
			continue
		}
		var want any
		if err := json.Unmarshal([]byte(text), &want); err != nil {
			continue
		}
		want = normalizeWant(f, want)
		if err := sameValue(f, o.raw[f.Name], want); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
}

func normalizeWant(f model.Field, v any) any {
	if x, ok := v.(float64); ok && f.Type == model.Int {
		return int64(x)
	}
	return v
}

// sameObject checks that got is want: same id, fields and created_at.
func (res *resV2) sameObject(t T, got, want *obj) {
	t.Helper()
	if got.id != want.id {
		t.Errorf("id: got %s, want %s", got.id, want.id)
	}
	for _, f := range res.r.Fields {
		if !sameJSON(got.raw[f.Name], want.raw[f.Name]) {
			t.Errorf("%s: got %s, want %s", f.Name, show(got.raw[f.Name]), show(want.raw[f.Name]))
		}
	}
	sameInstant(t, "created_at", got.raw["created_at"], want.raw["created_at"])
}

func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func sameInstant(t T, key string, got, want any) {
	t.Helper()
	g, err1 := parseTimestamp(fmt.Sprint(got))
	w, err2 := parseTimestamp(fmt.Sprint(want))
	if err1 != nil || err2 != nil || !g.Equal(w) {
		t.Errorf("%s: got %v, want %v (it must not change)", key, got, want)
	}
}

func (res *resV2) checkTimes(t T, o *obj) {
	t.Helper()
	c, _ := parseTimestamp(fmt.Sprint(o.raw["created_at"]))
	u, _ := parseTimestamp(fmt.Sprint(o.raw["updated_at"]))
	if age := time.Since(c); age > 24*time.Hour || age < -24*time.Hour {
		t.Errorf("created_at %s is not about now", c.Format(time.RFC3339))
	}
	if d := u.Sub(c); d < 0 || d > 2*time.Second {
		t.Errorf("a new object's updated_at (%s) must be its created_at (%s)", o.raw["updated_at"], o.raw["created_at"])
	}
}

// expectFieldError checks a 422 problem whose errors name field.
func expectFieldError(t T, r *response, field string) {
	t.Helper()
	expectProblem(t, r, 422)
	var p struct {
		Errors []struct {
			Field   string `json:"field"`
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatalf("the 422 problem has no errors list: %v\n%s", err, r)
	}
	for _, e := range p.Errors {
		if e.Field == field {
			if strings.TrimSpace(e.Message) == "" {
				t.Errorf("the error for %s has no message\n%s", field, r)
			}
			return
		}
	}
	t.Errorf(`the 422 problem's "errors" do not name %q\n%s`, field, r)
}

// total is the number of objects of the resource.
func (res *resV2) total(t T) int {
	t.Helper()
	r := res.api.c.do(t, "GET", res.path+"?limit=1", nil, nil)
	p := res.expectPage(t, r)
	return p.total
}

// unchanged checks that the object at path is still was, field by field.
func (res *resV2) unchanged(t T, path string, was *obj) {
	t.Helper()
	now := res.expectObject(t, res.api.c.do(t, "GET", path, nil, nil), 200)
	for _, f := range res.r.Fields {
		if !sameJSON(now.raw[f.Name], was.raw[f.Name]) {
			t.Errorf("the request was refused, yet %s changed from %s to %s", f.Name, show(was.raw[f.Name]), show(now.raw[f.Name]))
		}
	}
}

func (res *resV2) nothingStored(t T, before int) {
	t.Helper()
	if after := res.total(t); after != before {
		t.Errorf("the request was refused, yet total went from %d to %d: something was stored", before, after)
	}
}

type pageV2 struct {
	items                []*obj
	total, limit         int
	offset               string
	totalText, limitText string
}

func (res *resV2) expectPage(t T, r *response) *pageV2 {
	t.Helper()
	if r.status != 200 {
		t.Fatalf("want 200, got %s", r)
	}
	expectJSONType(t, r, "application/json")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(r.body, &raw); err != nil {
		t.Fatalf("the list body is not a JSON object: %v\n%s", err, r)
	}
	for _, k := range []string{"items", "total", "limit", "offset"} {
		if _, ok := raw[k]; !ok {
			t.Fatalf("the list body has no %q\n%s", k, r)
		}
	}
	p := &pageV2{}
	var items []map[string]any
	if err := decodeNumbers(raw["items"], &items); err != nil {
		t.Fatalf("items is not an array of objects: %v\n%s", err, r)
	}
	for _, m := range items {
		o, err := res.checkObject(m)
		if err != nil {
			t.Fatalf("a list item: %v\n%s", err, r)
		}
		p.items = append(p.items, o)
	}
	var err error
	if p.total, err = strconv.Atoi(string(raw["total"])); err != nil {
		t.Fatalf("total %s is not an integer\n%s", raw["total"], r)
	}
	if p.limit, err = strconv.Atoi(string(raw["limit"])); err != nil {
		t.Fatalf("limit %s is not an integer\n%s", raw["limit"], r)
	}
	p.offset = string(raw["offset"])
	if _, err := strconv.ParseUint(p.offset, 10, 63); err != nil {
		t.Fatalf("offset %s is not a non-negative 64-bit integer\n%s", raw["offset"], r)
	}
	return p
}

func (res *resV2) list(t T, query string) *pageV2 {
	t.Helper()
	return res.expectPage(t, res.api.c.do(t, "GET", res.path+query, nil, nil))
}

// all pages through the collection with the given extra query, 100 at a time.
func (res *resV2) all(t T, query string) []*obj {
	t.Helper()
	var out []*obj
	for offset := 0; ; offset += 100 {
		p := res.list(t, fmt.Sprintf("?limit=100&offset=%d%s", offset, query))
		out = append(out, p.items...)
		if len(p.items) < 100 || offset > 5000 {
			return out
		}
	}
}

func (res *resV2) create(t T, vals map[string]string) *obj {
	t.Helper()
	return res.expectObject(t, res.api.c.do(t, "POST", res.path, res.body(vals), jsonHeader), 201)
}

func (res *resV2) runList(t T) {
	c := res.api.c
	t.Run(res.name("GET list has items, total, limit=20 and offset=0 by default"), func(t T) {
		p := res.list(t, "")
		if p.limit != 20 || p.offset != "0" {
			t.Errorf("default paging: got limit=%d offset=%s, want limit=20 offset=0", p.limit, p.offset)
		}
		if want := min(20, p.total); len(p.items) != want {
			t.Errorf("the default page holds %d items with total=%d, want %d", len(p.items), p.total, want)
		}
	})
	t.Run(res.name("GET list accepts limit=1 and limit=100 (the bounds)"), func(t T) {
		for _, l := range []int{1, 100} {
			if p := res.list(t, fmt.Sprintf("?limit=%d", l)); p.limit != l || len(p.items) > l {
				t.Errorf("limit=%d: got limit=%d and %d items", l, p.limit, len(p.items))
			}
		}
	})
	for _, off := range []string{"2147483648", "9223372036854775807"} {
		t.Run(res.name("GET list accepts offset="+off+" (the spec allows up to 2^63-1): 200, no items, offset echoed"), func(t T) {
			p := res.list(t, "?offset="+off)
			if len(p.items) != 0 || p.offset != off {
				t.Errorf("got %d items and offset=%s, want none and offset=%s", len(p.items), p.offset, off)
			}
		})
	}
	for _, q := range []string{"limit=101", "limit=0", "limit=-1", "limit=abc", "limit=1.5", "limit=", "limit=99999999999999999999",
		"offset=-1", "offset=abc", "offset=1.5", "offset=", "offset=9223372036854775808", "offset=99999999999999999999",
		"limit=1&limit=2", "offset=0&offset=0", "sort=id&sort=id"} {
		t.Run(res.name("GET list with "+q+" is 400 problem+json"), func(t T) {
			expectProblem(t, c.do(t, "GET", res.path+"?"+q, nil, nil), 400)
		})
	}
	t.Run(res.name("GET list ignores unknown query parameters"), func(t T) {
		res.list(t, "?zz_unknown=1&limit=2")
	})
	t.Run(res.name("GET list pages consistently: every object once, totals right"), func(t T) {
		mine := map[string]bool{}
		for range 5 {
			mine[res.create(t, res.example()).id] = true
		}
		total := res.list(t, "?limit=1").total
		size := 3
		if total > 300 {
			size = 100
		}
		seen := map[string]bool{}
		for offset := 0; offset < total && offset < 100*size; offset += size {
			p := res.list(t, fmt.Sprintf("?limit=%d&offset=%d", size, offset))
			if p.total != total || p.limit != size || p.offset != strconv.Itoa(offset) {
				t.Errorf("page at offset %d: got total=%d limit=%d offset=%s", offset, p.total, p.limit, p.offset)
			}
			if want := min(size, total-offset); len(p.items) != want {
				t.Errorf("page at offset %d holds %d items, want %d (total %d)", offset, len(p.items), want, total)
			}
			for _, o := range p.items {
				if seen[o.id] {
					t.Errorf("id %s appears on two pages (order not stable?)", o.id)
				}
				seen[o.id] = true
			}
		}
		if total <= 100*size {
			for id := range mine {
				if !seen[id] {
					t.Errorf("created id %s never appeared while paging through %d objects", id, total)
				}
			}
		}
		items := res.all(t, "")
		for i := 1; i < len(items); i++ {
			if compareIDs(items[i-1].id, items[i].id) >= 0 {
				t.Errorf("the default order must be id ascending: %s came before %s", items[i-1].id, items[i].id)
				break
			}
		}
	})
}

func compareIDs(a, b string) int {
	x, e1 := strconv.ParseInt(a, 10, 64)
	y, e2 := strconv.ParseInt(b, 10, 64)
	if e1 == nil && e2 == nil {
		return cmpInt(x, y)
	}
	return strings.Compare(a, b)
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// sortKeys are the keys the list can be sorted by.
func (res *resV2) sortKeys() []string {
	out := []string{"id"}
	for _, f := range res.r.Fields {
		out = append(out, f.Name)
	}
	return append(out, "created_at", "updated_at")
}

// orderedValues are three values of f in ascending order that sort the same
// in every database and collation (lower-case ASCII letters for text).
func orderedValues(f model.Field, n int) ([3]any, bool) {
	switch f.Type {
	case model.String, model.Text:
		l := int64(6)
		if mn, ok := f.MinInt(); ok && mn > l {
			l = mn
		}
		if mx, ok := f.MaxInt(); ok && mx < l {
			l = mx
		}
		if l < 2 {
			return [3]any{}, false
		}
		tag := string(rune('a'+n%26)) + string(rune('a'+n/26%26))
		return [3]any{
			tag + strings.Repeat("b", int(l)-1),
			tag + strings.Repeat("d", int(l)-1),
			tag + strings.Repeat("f", int(l)-1),
		}, true
	case model.Int:
		a, b, c := f.Valid(n*3), f.Valid(n*3+1), f.Valid(n*3+2)
		v := []int64{a.(int64), b.(int64), c.(int64)}
		slices.Sort(v)
		if v[0] == v[1] || v[1] == v[2] {
			return [3]any{}, false
		}
		return [3]any{v[0], v[1], v[2]}, true
	case model.Float:
		v := []float64{f.Valid(n * 3).(float64), f.Valid(n*3 + 1).(float64), f.Valid(n*3 + 2).(float64)}
		slices.Sort(v)
		if v[0] == v[1] || v[1] == v[2] {
			return [3]any{}, false
		}
		return [3]any{v[0], v[1], v[2]}, true
	case model.Date, model.DateTime:
		return [3]any{f.Valid(n), f.Valid(n + 1), f.Valid(n + 2)}, true
	case model.Enum:
		vs := append([]string(nil), f.Values...)
		slices.Sort(vs)
		if len(vs) < 3 {
			return [3]any{}, false
		}
		return [3]any{vs[0], vs[1], vs[2]}, true
	}
	return [3]any{}, false
}

func (res *resV2) runSort(t T) {
	c := res.api.c
	for _, key := range res.sortKeys() {
		for _, dir := range []string{"", "-"} {
			f, isField := res.r.Field(key)
			t.Run(res.name(fmt.Sprintf("GET list with sort=%s%s orders by %s %s", dir, key, key, map[string]string{"": "ascending", "-": "descending"}[dir])), func(t T) {
				mine := map[string]int{}
				if isField {
					vals, ok := orderedValues(f, res.api.tag())
					if ok {
						for _, i := range []int{1, 0, 2} {
							body := res.example()
							body[f.Name] = jsonText(vals[i])
							mine[res.create(t, body).id] = i
						}
					}
				}
				items := res.all(t, "&sort="+dir+key)
				// The order of the values returned, and of the objects made for this check.
				var prev *obj
				order := []int{}
				for _, o := range items {
					if i, ok := mine[o.id]; ok {
						order = append(order, i)
					}
					if prev != nil {
						if msg := res.orderBroken(key, dir == "-", prev, o); msg != "" {
							t.Errorf("sort=%s%s: %s", dir, key, msg)
							break
						}
					}
					prev = o
				}
				want := []int{0, 1, 2}
				if dir == "-" {
					want = []int{2, 1, 0}
				}
				if len(mine) == 3 && !slices.Equal(order, want) {
					t.Errorf("sort=%s%s: the objects made with %s values in the order 1,0,2 came back as %v, want %v", dir, key, key, order, want)
				}
			})
		}
	}
	// Several keys: a tie on the first is broken by the second.
	var tie *model.Field
	for i, f := range res.r.Fields {
		if _, ok := orderedValues(f, 0); ok && !f.Unique {
			tie = &res.r.Fields[i]
			break
		}
	}
	if tie != nil {
		t.Run(res.name(fmt.Sprintf("GET list sorts by several keys: sort=%s,-id and sort=-%s,id", tie.Name, tie.Name)), func(t T) {
			vals, _ := orderedValues(*tie, res.api.tag())
			var ids []string
			for _, i := range []int{0, 0, 1} {
				body := res.example()
				body[tie.Name] = jsonText(vals[i])
				ids = append(ids, res.create(t, body).id)
			}
			for _, tc := range []struct {
				sort string
				want []string
			}{
				{tie.Name + ",-id", []string{ids[1], ids[0], ids[2]}},
				{"-" + tie.Name + ",id", []string{ids[2], ids[0], ids[1]}},
			} {
				var got []string
				for _, o := range res.all(t, "&sort="+tc.sort) {
					if slices.Contains(ids, o.id) {
						got = append(got, o.id)
					}
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("sort=%s: the three objects came back as %v, want %v", tc.sort, got, tc.want)
				}
			}
		})
	}
	for _, q := range []string{"sort=zz_no_such_key", "sort=-zz_no_such_key", "sort=id,id", "sort=id,-id", "sort=-", "sort=" + res.r.Fields[0].Name + ",zz_no_such_key"} {
		t.Run(res.name("GET list with "+q+" (an unknown or repeated sort key) is 400 problem+json"), func(t T) {
			expectProblem(t, c.do(t, "GET", res.path+"?"+q, nil, nil), 400)
		})
	}
}

// orderBroken says why b may not follow a when sorted by key, or "".
func (res *resV2) orderBroken(key string, desc bool, a, b *obj) string {
	var c int
	switch key {
	case "id":
		c = compareIDs(a.id, b.id)
	case "created_at", "updated_at":
		x, _ := parseTimestamp(fmt.Sprint(a.raw[key]))
		y, _ := parseTimestamp(fmt.Sprint(b.raw[key]))
		c = x.Compare(y)
	default:
		f, _ := res.r.Field(key)
		va, vb := a.raw[key], b.raw[key]
		if va == nil || vb == nil {
			return "" // where null sorts differs between databases
		}
		switch f.Type {
		case model.Int, model.Float:
			x, _ := asFloat(va)
			y, _ := asFloat(vb)
			c = cmpFloat(x, y)
		case model.Bool:
			x, y := va.(bool), vb.(bool)
			c = cmpInt(b2i(x), b2i(y))
		case model.DateTime:
			x, _ := time.Parse(time.RFC3339Nano, fmt.Sprint(va))
			y, _ := time.Parse(time.RFC3339Nano, fmt.Sprint(vb))
			c = x.Compare(y)
		case model.Date:
			c = strings.Compare(fmt.Sprint(va), fmt.Sprint(vb))
		default:
			return "" // text order depends on the collation: checked on the objects made for it
		}
	}
	if desc {
		c = -c
	}
	switch {
	case c > 0:
		return fmt.Sprintf("%s %v came before %s %v", a.id, show(a.raw[key]), b.id, show(b.raw[key]))
	case c == 0 && key != "id" && !desc && compareIDs(a.id, b.id) > 0:
		return fmt.Sprintf("a tie on %s must be broken by id ascending: id %s came before id %s", key, a.id, b.id)
	}
	return ""
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// badFilterValues are values that do not parse for a filterable field.
func badFilterValues(f model.Field) []string {
	switch f.Type {
	case model.Int:
		return []string{"abc", "1.5", "99999999999999999999"}
	case model.Bool:
		return []string{"maybe", "yes2"}
	case model.Enum:
		return []string{"nope_" + f.Values[0]}
	case model.Date:
		return []string{"2024-13-01", "2024-02-30", "yesterday"}
	}
	return nil
}

func queryText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

func (res *resV2) runFilters(t T) {
	c := res.api.c
	for _, f := range res.r.Fields {
		if !f.Filterable() {
			continue
		}
		t.Run(res.name(fmt.Sprintf("GET list with %s=<value> returns exactly the objects whose %s is that value", f.Name, f.Name)), func(t T) {
			n := res.api.sample()
			a, b := f.Valid(n), f.Valid(n+1)
			if f.Type == model.Bool {
				a, b = true, false
			}
			if sameJSON(a, b) {
				t.Fatalf("the model leaves no two distinct values for %s", f.Name)
			}
			bodyA, bodyB := res.example(), res.example()
			bodyA[f.Name], bodyB[f.Name] = jsonText(a), jsonText(b)
			oa, ob := res.create(t, bodyA), res.create(t, bodyB)
			q := "&" + url.QueryEscape(f.Name) + "=" + url.QueryEscape(queryText(a))
			p := res.list(t, "?limit=100"+q)
			items := res.all(t, q)
			foundA := false
			for _, o := range items {
				if err := sameValue(f, o.raw[f.Name], a); err != nil {
					t.Errorf("%s=%s returned id %s whose %s %v", f.Name, queryText(a), o.id, f.Name, err)
					break
				}
				foundA = foundA || o.id == oa.id
				if o.id == ob.id {
					t.Errorf("%s=%s returned id %s whose %s is %s", f.Name, queryText(a), ob.id, f.Name, show(b))
				}
			}
			if !foundA {
				t.Errorf("%s=%s did not return id %s, made with that value", f.Name, queryText(a), oa.id)
			}
			if p.total != len(items) {
				t.Errorf("total is %d, but the filtered set holds %d objects (total counts the filtered set)", p.total, len(items))
			}
		})
		for _, bad := range badFilterValues(f) {
			t.Run(res.name(fmt.Sprintf("GET list with %s=%s (not a %s) is 400 problem+json", f.Name, bad, f.Type)), func(t T) {
				expectProblem(t, c.do(t, "GET", res.path+"?"+url.QueryEscape(f.Name)+"="+url.QueryEscape(bad), nil, nil), 400)
			})
		}
		t.Run(res.name(fmt.Sprintf("GET list with %s given twice is 400 problem+json", f.Name)), func(t T) {
			v := url.QueryEscape(queryText(f.Valid(1)))
			expectProblem(t, c.do(t, "GET", res.path+"?"+f.Name+"="+v+"&"+f.Name+"="+v, nil, nil), 400)
		})
	}
}

func (res *resV2) runUnique(t T) {
	c := res.api.c
	for _, f := range res.r.Fields {
		if !f.Unique {
			continue
		}
		t.Run(res.name(fmt.Sprintf("a second object with the same %s is a 409 problem on POST, PUT and PATCH, nothing stored", f.Name)), func(t T) {
			a := res.create(t, res.example())
			b := res.create(t, res.example())
			clash := jsonText(a.raw[f.Name])
			if a.raw[f.Name] == nil {
				t.Fatalf("the object made with a value for %s has none", f.Name)
			}
			dup := res.example()
			dup[f.Name] = clash
			before := res.total(t)
			expectProblem(t, c.do(t, "POST", res.path, res.body(dup), jsonHeader), 409)
			res.nothingStored(t, before)
			expectProblem(t, c.do(t, "PUT", res.itemPath(b.id), res.body(dup), jsonHeader), 409)
			expectProblem(t, c.do(t, "PATCH", res.itemPath(b.id), res.body(map[string]string{f.Name: clash}), jsonHeader), 409)
			got := res.expectObject(t, c.do(t, "GET", res.itemPath(b.id), nil, nil), 200)
			res.sameObject(t, got, b)
			// An object does not clash with itself.
			same := res.example()
			same[f.Name] = clash
			res.expectObject(t, c.do(t, "PUT", res.itemPath(a.id), res.body(same), jsonHeader), 200)
		})
	}
}

func (res *resV2) runUpdates(t T) {
	c := res.api.c
	// Objects made now and changed after a pause, so that even a database
	// keeping whole seconds shows updated_at moving.
	type fixture struct {
		vals map[string]string
		o    *obj
	}
	var put *fixture
	patches := map[string]*fixture{}
	t.Run(res.name("objects to update are created"), func(t T) {
		vals := res.example()
		put = &fixture{vals, res.create(t, vals)}
		for _, f := range res.r.Fields {
			vals := res.example()
			patches[f.Name] = &fixture{vals, res.create(t, vals)}
		}
		time.Sleep(1100 * time.Millisecond)
	})
	t.Run(res.name("PUT replaces every field, keeps id and created_at, changes updated_at"), func(t T) {
		if put == nil {
			t.Fatalf("no object: creating one failed above")
		}
		o := put.o
		vals := res.example()
		got := res.expectObject(t, c.do(t, "PUT", res.itemPath(o.id), res.body(vals), jsonHeader), 200)
		res.sameAs(t, got, vals)
		if got.id != o.id {
			t.Errorf("id: got %s, want %s", got.id, o.id)
		}
		sameInstant(t, "created_at", got.raw["created_at"], o.raw["created_at"])
		res.updatedLater(t, o, got)
		again := res.expectObject(t, c.do(t, "GET", res.itemPath(o.id), nil, nil), 200)
		res.sameAs(t, again, vals)
	})
	t.Run(res.name("PUT without the optional fields resets them to their default, or null"), func(t T) {
		o := res.create(t, res.example())
		vals := res.minimal()
		got := res.expectObject(t, c.do(t, "PUT", res.itemPath(o.id), res.body(vals), jsonHeader), 200)
		res.sameAs(t, got, res.withDefaults(vals))
	})
	for _, f := range res.r.Fields {
		t.Run(res.name(fmt.Sprintf("PATCH with only %s changes %s and nothing else, and changes updated_at", f.Name, f.Name)), func(t T) {
			fx := patches[f.Name]
			if fx == nil {
				t.Fatalf("no object: creating one failed above")
			}
			o, start := fx.o, fx.vals
			v := f.Valid(res.api.sample())
			if jsonText(v) == start[f.Name] && f.Type == model.Bool {
				v = !v.(bool)
			}
			got := res.expectObject(t, c.do(t, "PATCH", res.itemPath(o.id), res.body(map[string]string{f.Name: jsonText(v)}), jsonHeader), 200)
			want := map[string]string{}
			for k, x := range start {
				want[k] = x
			}
			want[f.Name] = jsonText(v)
			res.sameAs(t, got, want)
			sameInstant(t, "created_at", got.raw["created_at"], o.raw["created_at"])
			res.updatedLater(t, o, got)
			res.sameAs(t, res.expectObject(t, c.do(t, "GET", res.itemPath(o.id), nil, nil), 200), want)
		})
		if f.Nullable() {
			t.Run(res.name(fmt.Sprintf("PATCH with %s=null clears it", f.Name)), func(t T) {
				o := res.create(t, res.example())
				got := res.expectObject(t, c.do(t, "PATCH", res.itemPath(o.id), res.body(map[string]string{f.Name: "null"}), jsonHeader), 200)
				if got.raw[f.Name] != nil {
					t.Errorf("%s: got %s, want null", f.Name, show(got.raw[f.Name]))
				}
			})
		}
	}
	t.Run(res.name("PATCH with {} is a valid no-op: 200, every field unchanged"), func(t T) {
		vals := res.example()
		o := res.create(t, vals)
		got := res.expectObject(t, c.do(t, "PATCH", res.itemPath(o.id), []byte(`{}`), jsonHeader), 200)
		res.sameAs(t, got, vals)
	})
}

func (res *resV2) updatedLater(t T, before, after *obj) {
	t.Helper()
	b, _ := parseTimestamp(fmt.Sprint(before.raw["updated_at"]))
	a, _ := parseTimestamp(fmt.Sprint(after.raw["updated_at"]))
	if !a.After(b) {
		t.Errorf("updated_at did not move forward on update: was %v, now %v", before.raw["updated_at"], after.raw["updated_at"])
	}
}

func (res *resV2) runHostile(t T) {
	c := res.api.c
	var text *model.Field
	for i, f := range res.r.Fields {
		if f.IsText() {
			text = &res.r.Fields[i]
			break
		}
	}
	host := strings.TrimPrefix(strings.TrimPrefix(c.base, "http://"), "https://")
	t.Run(res.name("POST with a body over 1 MiB is a 413 problem, nothing stored"), func(t T) {
		before := res.total(t)
		big := res.bigBody(text, 1<<20+1024)
		expectProblem(t, c.do(t, "POST", res.path, big, jsonHeader), 413)
		res.nothingStored(t, before)
	})
	t.Run(res.name("POST announcing 16 MiB is refused with 413 before the service reads it all"), func(t T) {
		before := res.total(t)
		head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close", res.path, host, 16<<20)
		r := c.raw(head, res.bigBody(text, 1<<20+256<<10)[:1<<20+128<<10], false, 15*time.Second)
		if r.err != nil {
			t.Fatalf("no answer while the body was still being sent (after %s): %v — a service must refuse an oversized body early, not wait for all of it", r.after.Round(time.Millisecond), r.err)
		}
		expectProblem(t, r.response("POST", res.path), 413)
		res.nothingStored(t, before)
	})
	t.Run(res.name("POST with JSON nested deeper than 64 levels is 400 problem+json, nothing stored"), func(t T) {
		before := res.total(t)
		deep := strings.Repeat(`{"a":`, 100) + "1" + strings.Repeat("}", 100)
		vals := res.example()
		vals[res.r.Fields[0].Name] = strings.Repeat("[", 100) + strings.Repeat("]", 100)
		for _, body := range [][]byte{[]byte(deep), res.body(vals)} {
			expectProblem(t, c.do(t, "POST", res.path, body, jsonHeader), 400)
		}
		res.nothingStored(t, before)
	})
	t.Run(res.name("POST with data after the JSON value is 400 problem+json, nothing stored"), func(t T) {
		before := res.total(t)
		for _, tail := range []string{` {"x":1}`, ` garbage`, `}`} {
			body := append(res.body(res.example()), tail...)
			expectProblem(t, c.do(t, "POST", res.path, body, jsonHeader), 400)
		}
		res.nothingStored(t, before)
	})
	t.Run(res.name("POST with a body shorter than its Content-Length is 400 problem+json, nothing stored"), func(t T) {
		before := res.total(t)
		body := res.body(res.example())
		head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close", res.path, host, len(body)+100)
		r := c.raw(head, body, true, 15*time.Second)
		if r.err != nil {
			t.Fatalf("no answer to a short body: %v", r.err)
		}
		expectProblem(t, r.response("POST", res.path), 400)
		res.nothingStored(t, before)
	})
}

// bigBody is a valid-looking object with one huge string, size bytes or more.
func (res *resV2) bigBody(text *model.Field, size int) []byte {
	vals := res.example()
	key := "zz_padding"
	if text != nil {
		key = text.Name
	}
	vals[key] = `"` + strings.Repeat("x", size) + `"`
	return res.body(vals)
}

func (res *resV2) runDelete(t T) {
	c := res.api.c
	t.Run(res.name("DELETE is 204 with no body, then GET and DELETE are 404"), func(t T) {
		o := res.create(t, res.example())
		r := c.do(t, "DELETE", res.itemPath(o.id), nil, nil)
		if r.status != 204 {
			t.Fatalf("want 204, got %s", r)
		}
		if len(bytes.TrimSpace(r.body)) != 0 {
			t.Errorf("204 must have no body, got %q", r.body)
		}
		expectProblem(t, c.do(t, "GET", res.itemPath(o.id), nil, nil), 404)
		expectProblem(t, c.do(t, "DELETE", res.itemPath(o.id), nil, nil), 404)
	})
	t.Run(res.name("an id is never handed out twice, even after deleting the newest object"), func(t T) {
		seen := map[string]bool{}
		for _, o := range res.all(t, "") {
			seen[o.id] = true
		}
		for range 2 {
			o := res.create(t, res.example())
			if seen[o.id] {
				t.Fatalf("id %s was handed out twice", o.id)
			}
			seen[o.id] = true
			if r := c.do(t, "DELETE", res.itemPath(o.id), nil, nil); r.status != 204 {
				t.Fatalf("want 204, got %s", r)
			}
		}
		if o := res.create(t, res.example()); seen[o.id] {
			t.Errorf("id %s of a deleted object was handed out again", o.id)
		}
	})
}

// ---- service-wide checks

func (api *restV2) checkHeaders(t T) {
	c := api.c
	first := "/api/v1/" + kebab(api.m.Resources[0].Plural)
	for _, p := range []string{"/healthz", "/livez", "/readyz", "/openapi.yaml", "/docs", "/no-such-route", first, first + "/not-an-id", first + "?limit=0"} {
		r := c.do(t, "GET", p, nil, nil)
		if got := r.header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options is %q, want nosniff", p, got)
		}
		if strings.HasPrefix(p, "/api/") && !strings.Contains(r.header.Get("Cache-Control"), "no-store") {
			t.Errorf("GET %s: Cache-Control is %q, want no-store", p, r.header.Get("Cache-Control"))
		}
	}
	r := c.do(t, "POST", first, []byte(`{`), jsonHeader)
	if r.header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(r.header.Get("Cache-Control"), "no-store") {
		t.Errorf("POST %s with bad JSON: X-Content-Type-Options %q, Cache-Control %q; want nosniff and no-store",
			first, r.header.Get("X-Content-Type-Options"), r.header.Get("Cache-Control"))
	}
}

func (api *restV2) checkMethodNotAllowed(t T) {
	c := api.c
	coll := "/api/v1/" + kebab(api.m.Resources[0].Plural)
	for _, tc := range []struct {
		method, path string
		allow        []string
	}{
		{"DELETE", coll, []string{"GET", "POST"}},
		{"PUT", coll, []string{"GET", "POST"}},
		{"POST", coll + "/1", []string{"GET", "PUT", "PATCH", "DELETE"}},
		{"POST", "/healthz", []string{"GET"}},
		{"POST", "/livez", []string{"GET"}},
		{"POST", "/readyz", []string{"GET"}},
	} {
		r := c.do(t, tc.method, tc.path, nil, nil)
		if r.status != 405 {
			t.Errorf("%s %s: want 405, got %s", tc.method, tc.path, r)
			continue
		}
		if mt, _, _ := mime.ParseMediaType(r.header.Get("Content-Type")); mt != "application/problem+json" {
			t.Errorf("%s %s: the 405 is %q, want application/problem+json", tc.method, tc.path, r.header.Get("Content-Type"))
		}
		allow := map[string]bool{}
		for _, m := range strings.Split(strings.Join(r.header.Values("Allow"), ","), ",") {
			allow[strings.ToUpper(strings.TrimSpace(m))] = true
		}
		for _, m := range tc.allow {
			if !allow[m] {
				t.Errorf("%s %s: the 405's Allow header %q does not list %s", tc.method, tc.path, r.header.Get("Allow"), m)
			}
		}
	}
}

func (api *restV2) checkOpenAPI(t T) {
	r := api.c.do(t, "GET", "/openapi.yaml", nil, nil)
	if r.status != 200 {
		t.Fatalf("want 200, got %s", r)
	}
	var doc struct {
		OpenAPI string                    `yaml:"openapi"`
		Paths   map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(r.body, &doc); err != nil {
		t.Fatalf("not YAML: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1.") {
		t.Errorf("openapi: got %q, want 3.1.x", doc.OpenAPI)
	}
	if _, err := loadSpec(r.body); err != nil {
		t.Errorf("the spec does not load as OpenAPI 3.1: %v", err)
	}
	for _, res := range api.m.Resources {
		coll := "/api/v1/" + kebab(res.Plural)
		ops, ok := doc.Paths[coll]
		if !ok {
			t.Errorf("paths has no %s", coll)
		}
		for _, m := range []string{"get", "post"} {
			if ops != nil && ops[m] == nil {
				t.Errorf("%s has no %s operation", coll, m)
			}
		}
		var item map[string]any
		for p, o := range doc.Paths {
			if strings.HasPrefix(p, coll+"/{") && strings.HasSuffix(p, "}") && !strings.Contains(p[len(coll)+1:], "/") {
				item = o
			}
		}
		if item == nil {
			t.Errorf("paths has no %s/{id}", coll)
			continue
		}
		for _, m := range []string{"get", "put", "patch", "delete"} {
			if item[m] == nil {
				t.Errorf("%s/{id} has no %s operation", coll, m)
			}
		}
	}
}

// checkDocs: /docs is HTML, and every script, style sheet and other asset it
// names comes from the service and is served there.
func (api *restV2) checkDocs(t T) {
	r := api.c.do(t, "GET", "/docs", nil, nil)
	if r.status != 200 {
		t.Fatalf("want 200, got %s", r)
	}
	if mt, _, _ := mime.ParseMediaType(r.header.Get("Content-Type")); mt != "text/html" {
		t.Errorf("Content-Type: got %q, want text/html", r.header.Get("Content-Type"))
	}
	doc, err := html.Parse(bytes.NewReader(r.body))
	if err != nil {
		t.Fatalf("not HTML: %v", err)
	}
	base, _ := url.Parse(api.c.base + "/docs")
	var assets []string
	scripts := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[strings.ToLower(a.Key)] = a.Val
			}
			switch n.Data {
			case "script":
				scripts++
				if src := attr["src"]; src != "" {
					assets = append(assets, src)
				} else if n.FirstChild != nil && offHost(n.FirstChild.Data) != "" {
					t.Errorf("an inline script loads from another host: %s", offHost(n.FirstChild.Data))
				}
			case "link":
				if href := attr["href"]; href != "" {
					assets = append(assets, href)
				}
			case "img", "iframe", "source":
				if src := attr["src"]; src != "" {
					assets = append(assets, src)
				}
			case "style":
				if n.FirstChild != nil && offHost(n.FirstChild.Data) != "" {
					t.Errorf("an inline style loads from another host: %s", offHost(n.FirstChild.Data))
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
	if scripts == 0 {
		t.Errorf("the docs page has no script: it cannot be interactive")
	}
	for _, a := range assets {
		u, err := base.Parse(a)
		if err != nil {
			t.Errorf("asset %q is not a URL", a)
			continue
		}
		if u.Scheme == "data" {
			continue
		}
		if u.Host != base.Host || u.Scheme != base.Scheme {
			t.Errorf("asset %q does not come from the service (%s): the docs must work with no request leaving the host", a, base.Host)
			continue
		}
		if res := api.c.do(t, "GET", u.RequestURI(), nil, nil); res.status != 200 {
			t.Errorf("asset %s: want 200, got %d", u.RequestURI(), res.status)
		}
	}
}

// offHost finds a URL to another host in script or style text: a scheme (or
// a scheme-relative //) followed by a host name with a dot, other than the
// loopback. Text that only builds URLs ("//" + host) names no host.
func offHost(text string) string {
	for _, m := range urlInText.FindAllString(text, -1) {
		host := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(m, "https:"), "http:"), "//")
		if host == "127.0.0.1" || host == "localhost" || host == "www.w3.org" {
			continue
		}
		return m
	}
	return ""
}

var urlInText = regexp.MustCompile(`(?i)(?:https?:)?//[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}\b`)

func (api *restV2) checkBodiesIgnored(t T) {
	c := api.c
	first := "/api/v1/" + kebab(api.m.Resources[0].Plural)
	multipart := "--xx\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xx--\r\n"
	for _, p := range []string{"/healthz", first, first + "/1", "/openapi.yaml"} {
		for _, tc := range []struct{ ct, body string }{
			{"multipart/form-data; boundary=xx", multipart},
			{"text/plain", "hello"},
			{"application/x-www-form-urlencoded", "a=1&b=2"},
			{"application/octet-stream", "\x00\x01\x02"},
			{"image/svg+xml; charset=bogus", "<svg/>"},
		} {
			for _, method := range []string{"GET", "POST"} {
				if method == "POST" && p != "/healthz" {
					continue
				}
				r := c.do(t, method, p, []byte(tc.body), map[string]string{"Content-Type": tc.ct})
				if r.status >= 500 {
					t.Errorf("%s %s with Content-Type %s: got %s", method, p, tc.ct, r)
				}
				if method == "GET" && p == "/healthz" && r.status != 200 {
					t.Errorf("GET /healthz with a %s body: want 200 (the body is ignored), got %d", tc.ct, r.status)
				}
			}
		}
	}
}
