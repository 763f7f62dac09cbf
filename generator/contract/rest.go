package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// item is one resource object as the REST API returns it.
type item struct {
	ID        any    // json.Number for SQL databases, string for MongoDB
	IDText    string // the id as it appears in a URL
	Title     string
	Done      bool
	CreatedAt time.Time
	raw       map[string]any
}

// restAPI is the REST half of the suite, bound to one service and resource.
type restAPI struct {
	c          *client
	r          Resource
	collection string // /api/v1/tasks
	runID      string // makes the titles of this run recognisable
}

func runREST(t T, c *client, r Resource) {
	t.Helper()
	api := &restAPI{c: c, r: r, collection: "/api/v1/" + kebab(r.Plural), runID: strconv.FormatInt(time.Now().UnixNano()%1e9, 36)}

	t.Run("healthz answers 200 {\"status\":\"ok\"}", func(t T) { checkHealthz(t, c) })

	var created *item
	t.Run("POST creates: 201, Location, the object with id, title, done=false, created_at (RFC 3339 UTC)", func(t T) {
		created = api.createTask(t, map[string]any{"title": api.title("create")}, api.title("create"), false)
	})
	t.Run("POST Location header points at the created object", func(t T) {
		api.checkLocation(t)
	})
	t.Run("POST with done=true keeps done", func(t T) {
		api.createTask(t, map[string]any{"title": api.title("done"), "done": true}, api.title("done"), true)
	})
	t.Run("POST with a title of exactly 200 characters is accepted", func(t T) {
		title := strings.Repeat("x", 200)
		api.createTask(t, map[string]any{"title": title}, title, false)
	})
	t.Run("POST with a title of 200 non-ASCII characters is accepted (length counts characters, not bytes)", func(t T) {
		title := strings.Repeat("é", 199) + "✓"
		api.createTask(t, map[string]any{"title": title}, title, false)
	})
	t.Run("POST with malformed JSON is 400 problem+json", func(t T) {
		res := c.do(t, "POST", api.collection, []byte(`{"title": "unterminated`), jsonHeader)
		expectProblem(t, res, 400)
	})
	for _, tc := range invalidBodies() {
		t.Run("POST "+tc.name+" is 422 problem+json", func(t T) {
			res := c.do(t, "POST", api.collection, []byte(tc.body), jsonHeader)
			expectProblem(t, res, 422)
		})
	}

	t.Run("GET by id returns the object", func(t T) {
		if created == nil {
			t.Fatalf("no object to read: creating one failed above")
		}
		res := c.do(t, "GET", api.collection+"/"+url.PathEscape(created.IDText), nil, nil)
		got := expectItem(t, res, 200)
		sameItem(t, got, created)
	})
	for _, tc := range api.missingIDs(created) {
		t.Run("GET "+tc.name+" is 404 problem+json", func(t T) {
			res := c.do(t, "GET", api.collection+"/"+url.PathEscape(tc.id), nil, nil)
			expectProblem(t, res, 404)
		})
	}

	t.Run("GET list has items, total, limit=20 and offset=0 by default", func(t T) {
		page := api.list(t, "")
		if page.Limit != 20 || page.Offset != 0 {
			t.Errorf("default paging: got limit=%d offset=%d, want limit=20 offset=0", page.Limit, page.Offset)
		}
		if want := min(20, page.Total); len(page.Items) != want {
			t.Errorf("default page holds %d items with total=%d, want %d", len(page.Items), page.Total, want)
		}
	})
	t.Run("GET list accepts limit=100 (the maximum)", func(t T) {
		page := api.list(t, "?limit=100&offset=0")
		if page.Limit != 100 {
			t.Errorf("limit: got %d, want 100", page.Limit)
		}
	})
	for _, q := range []string{"limit=101", "limit=0", "limit=-1", "limit=abc", "limit=1.5", "offset=-1", "offset=abc"} {
		t.Run("GET list with "+q+" is 400 problem+json", func(t T) {
			res := c.do(t, "GET", api.collection+"?"+q, nil, nil)
			expectProblem(t, res, 400)
		})
	}
	t.Run("GET list pages consistently: every object once, totals right", func(t T) {
		api.checkPaging(t)
	})

	var replaced *item
	t.Run("PUT replaces: 200 with the new title and done=true, same id and created_at", func(t T) {
		if created == nil {
			t.Fatalf("no object to replace: creating one failed above")
		}
		title := api.title("replaced")
		res := c.do(t, "PUT", api.collection+"/"+url.PathEscape(created.IDText), mustJSON(map[string]any{"title": title, "done": true}), jsonHeader)
		got := expectItem(t, res, 200)
		want := *created
		want.Title, want.Done = title, true
		sameItem(t, got, &want)
		res = c.do(t, "GET", api.collection+"/"+url.PathEscape(created.IDText), nil, nil)
		sameItem(t, expectItem(t, res, 200), &want)
		replaced = &want
	})
	t.Run("PUT without done replaces done with its default false", func(t T) {
		if replaced == nil {
			t.Fatalf("no replaced object: the PUT above failed")
		}
		title := api.title("replaced again")
		res := c.do(t, "PUT", api.collection+"/"+url.PathEscape(replaced.IDText), mustJSON(map[string]any{"title": title}), jsonHeader)
		want := *replaced
		want.Title, want.Done = title, false
		sameItem(t, expectItem(t, res, 200), &want)
	})
	t.Run("PUT with malformed JSON is 400 problem+json", func(t T) {
		if created == nil {
			t.Fatalf("no object: creating one failed above")
		}
		res := c.do(t, "PUT", api.collection+"/"+url.PathEscape(created.IDText), []byte(`{"title":`), jsonHeader)
		expectProblem(t, res, 400)
	})
	for _, tc := range invalidBodies() {
		t.Run("PUT "+tc.name+" is 422 problem+json", func(t T) {
			if created == nil {
				t.Fatalf("no object: creating one failed above")
			}
			res := c.do(t, "PUT", api.collection+"/"+url.PathEscape(created.IDText), []byte(tc.body), jsonHeader)
			expectProblem(t, res, 422)
		})
	}
	for _, tc := range api.missingIDs(created) {
		t.Run("PUT "+tc.name+" is 404 problem+json", func(t T) {
			res := c.do(t, "PUT", api.collection+"/"+url.PathEscape(tc.id), mustJSON(map[string]any{"title": api.title("ghost"), "done": false}), jsonHeader)
			expectProblem(t, res, 404)
		})
	}

	t.Run("DELETE is 204 with no body, then GET and DELETE are 404", func(t T) {
		if created == nil {
			t.Fatalf("no object to delete: creating one failed above")
		}
		path := api.collection + "/" + url.PathEscape(created.IDText)
		res := c.do(t, "DELETE", path, nil, nil)
		if res.status != 204 {
			t.Fatalf("want 204, got %s", res)
		}
		if len(bytes.TrimSpace(res.body)) != 0 {
			t.Errorf("204 must have no body, got %q", res.body)
		}
		expectProblem(t, c.do(t, "GET", path, nil, nil), 404)
		expectProblem(t, c.do(t, "DELETE", path, nil, nil), 404)
	})
	for _, tc := range api.missingIDs(created) {
		t.Run("DELETE "+tc.name+" is 404 problem+json", func(t T) {
			res := c.do(t, "DELETE", api.collection+"/"+url.PathEscape(tc.id), nil, nil)
			expectProblem(t, res, 404)
		})
	}

	t.Run("GET /openapi.yaml serves an OpenAPI 3.1 document describing the resource's paths", func(t T) {
		api.checkOpenAPI(t)
	})
}

var jsonHeader = map[string]string{"Content-Type": "application/json", "Accept": "application/json"}

func (api *restAPI) title(what string) string {
	return fmt.Sprintf("contract %s %s", what, api.runID)
}

type invalidBody struct{ name, body string }

func invalidBodies() []invalidBody {
	return []invalidBody{
		{"without a title", `{"done": false}`},
		{"with an empty title", `{"title": ""}`},
		{"with a null title", `{"title": null}`},
		{"with a 201-character title", `{"title": "` + strings.Repeat("x", 201) + `"}`},
		{"with a number as title", `{"title": 123}`},
		{"with a string as done", `{"title": "wrong type", "done": "maybe"}`},
	}
}

type missingID struct{ name, id string }

// missingIDs are ids that name no object: one well formed for the database, and
// malformed ones, which must be 404 as well (never 400 or 5xx).
func (api *restAPI) missingIDs(created *item) []missingID {
	wellFormed := "2147480000"
	if created != nil {
		if _, isString := created.ID.(string); isString {
			wellFormed = "0123456789abcdef01234567"
		}
	}
	return []missingID{
		{"an unknown id", wellFormed},
		{"a malformed id (not-an-id)", "not-an-id"},
		{"an id too large for any integer (99999999999999999999999)", "99999999999999999999999"},
	}
}

// createTask POSTs body and checks the 201 answer; it returns the created object.
func (api *restAPI) createTask(t T, body map[string]any, wantTitle string, wantDone bool) *item {
	t.Helper()
	res := api.c.do(t, "POST", api.collection, mustJSON(body), jsonHeader)
	got := expectItem(t, res, 201)
	if got.Title != wantTitle {
		t.Errorf("title: got %q, want %q", got.Title, wantTitle)
	}
	if got.Done != wantDone {
		t.Errorf("done: got %v, want %v", got.Done, wantDone)
	}
	if res.header.Get("Location") == "" {
		t.Errorf("201 without a Location header")
	}
	if age := time.Since(got.CreatedAt); age > 24*time.Hour || age < -24*time.Hour {
		t.Errorf("created_at %s is not about now", got.CreatedAt.Format(time.RFC3339))
	}
	return got
}

func (api *restAPI) checkLocation(t T) {
	t.Helper()
	title := api.title("location")
	res := api.c.do(t, "POST", api.collection, mustJSON(map[string]any{"title": title}), jsonHeader)
	created := expectItem(t, res, 201)
	loc := res.header.Get("Location")
	if loc == "" {
		t.Fatalf("201 without a Location header")
	}
	base, err := url.Parse(res.url)
	if err != nil {
		t.Fatalf("parse request url: %v", err)
	}
	ref, err := url.Parse(loc)
	if err != nil {
		t.Fatalf("Location %q is not a URL: %v", loc, err)
	}
	target := base.ResolveReference(ref)
	if !strings.HasSuffix(target.Path, "/"+created.IDText) {
		t.Errorf("Location %q does not end with the new id %q", loc, created.IDText)
	}
	// Follow it on the service under test even when the service put its own host in.
	got := expectItem(t, api.c.do(t, "GET", target.RequestURI(), nil, nil), 200)
	sameItem(t, got, created)
}

// page is one answer of the list endpoint.
type page struct {
	Items  []*item
	Total  int
	Limit  int
	Offset int
}

func (api *restAPI) list(t T, query string) *page {
	t.Helper()
	res := api.c.do(t, "GET", api.collection+query, nil, nil)
	if res.status != 200 {
		t.Fatalf("want 200, got %s", res)
	}
	expectJSONType(t, res, "application/json")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(res.body, &raw); err != nil {
		t.Fatalf("list body is not a JSON object: %v\n%s", err, res)
	}
	p := &page{}
	for _, key := range []string{"items", "total", "limit", "offset"} {
		if _, ok := raw[key]; !ok {
			t.Fatalf("list body has no %q: %s", key, res)
		}
	}
	var items []map[string]any
	if err := decodeNumbers(raw["items"], &items); err != nil {
		t.Fatalf("items is not an array of objects: %v\n%s", err, res)
	}
	for _, m := range items {
		it, err := parseItem(m)
		if err != nil {
			t.Fatalf("list item: %v\n%s", err, res)
		}
		p.Items = append(p.Items, it)
	}
	for key, dst := range map[string]*int{"total": &p.Total, "limit": &p.Limit, "offset": &p.Offset} {
		if err := json.Unmarshal(raw[key], dst); err != nil {
			t.Fatalf("%s is not an integer: %s\n%s", key, raw[key], res)
		}
	}
	return p
}

func (api *restAPI) checkPaging(t T) {
	t.Helper()
	const n = 5
	mine := map[string]bool{}
	for i := range n {
		title := api.title(fmt.Sprintf("paging %d", i))
		it := expectItem(t, api.c.do(t, "POST", api.collection, mustJSON(map[string]any{"title": title}), jsonHeader), 201)
		mine[it.IDText] = true
	}
	total := api.list(t, "?limit=1&offset=0").Total
	if total < n {
		t.Fatalf("total is %d after creating %d objects", total, n)
	}
	size := 3
	if total > 300 {
		size = 100
	}
	if total > 100*size {
		t.Logf("total is %d: checking the first %d objects only", total, 100*size)
	}
	seen := map[string]bool{}
	for offset := 0; offset < total && offset < 100*size; offset += size {
		p := api.list(t, fmt.Sprintf("?limit=%d&offset=%d", size, offset))
		if p.Total != total || p.Limit != size || p.Offset != offset {
			t.Errorf("page at offset %d: got total=%d limit=%d offset=%d, want total=%d limit=%d offset=%d",
				offset, p.Total, p.Limit, p.Offset, total, size, offset)
		}
		if want := min(size, total-offset); len(p.Items) != want {
			t.Errorf("page at offset %d holds %d items, want %d (total %d)", offset, len(p.Items), want, total)
		}
		for _, it := range p.Items {
			if seen[it.IDText] {
				t.Errorf("id %s appears on two pages (order not stable?)", it.IDText)
			}
			seen[it.IDText] = true
		}
	}
	if total <= 100*size {
		for id := range mine {
			if !seen[id] {
				t.Errorf("created id %s never appeared while paging through %d objects", id, total)
			}
		}
	}
	p := api.list(t, fmt.Sprintf("?limit=%d&offset=%d", size, total))
	if len(p.Items) != 0 || p.Total != total {
		t.Errorf("offset=total: got %d items and total=%d, want no items and total=%d", len(p.Items), p.Total, total)
	}
}

func (api *restAPI) checkOpenAPI(t T) {
	t.Helper()
	res := api.c.do(t, "GET", "/openapi.yaml", nil, nil)
	if res.status != 200 {
		t.Fatalf("want 200, got %s", res)
	}
	var doc struct {
		OpenAPI string                    `yaml:"openapi"`
		Paths   map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(res.body, &doc); err != nil {
		t.Fatalf("not YAML: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1.") {
		t.Errorf("openapi: got %q, want 3.1.x", doc.OpenAPI)
	}
	collection, ok := doc.Paths[api.collection]
	if !ok {
		t.Errorf("paths has no %s (paths: %v)", api.collection, keys(doc.Paths))
	}
	itemPath := regexp.MustCompile("^" + regexp.QuoteMeta(api.collection) + `/\{[A-Za-z_][A-Za-z0-9_]*\}$`)
	var itemOps map[string]any
	for p, ops := range doc.Paths {
		if itemPath.MatchString(p) {
			itemOps = ops
		}
	}
	if itemOps == nil {
		t.Errorf("paths has no %s/{id} (paths: %v)", api.collection, keys(doc.Paths))
	}
	for _, m := range []string{"get", "post"} {
		if collection != nil && collection[m] == nil {
			t.Errorf("%s has no %s operation", api.collection, m)
		}
	}
	for _, m := range []string{"get", "put", "delete"} {
		if itemOps != nil && itemOps[m] == nil {
			t.Errorf("%s/{id} has no %s operation", api.collection, m)
		}
	}
}

func checkHealthz(t T, c *client) {
	t.Helper()
	checkProbe(t, c, "/healthz")
}

// Probes are the health paths of contract v2: /healthz and /readyz ask the
// database, /livez only the process (DESIGN.md §5).
var Probes = []string{"/healthz", "/livez", "/readyz"}

// checkProbes checks that every probe of contract v2 answers 200 {"status":"ok"}.
func checkProbes(t T, c *client) {
	t.Helper()
	for _, p := range Probes {
		checkProbe(t, c, p)
	}
}

func checkProbe(t T, c *client, path string) {
	t.Helper()
	res := c.do(t, "GET", path, nil, nil)
	if res.status != 200 {
		t.Fatalf("GET %s: want 200, got %s", path, res)
	}
	var body map[string]any
	if err := json.Unmarshal(res.body, &body); err != nil {
		t.Fatalf("GET %s: body is not JSON: %v\n%s", path, err, res)
	}
	if body["status"] != "ok" {
		t.Errorf(`GET %s: want {"status":"ok"}, got %s`, path, res.body)
	}
}

// expectItem checks status and JSON content type and parses the object.
func expectItem(t T, res *response, status int) *item {
	t.Helper()
	if res.status != status {
		t.Fatalf("want %d, got %s", status, res)
	}
	expectJSONType(t, res, "application/json")
	var m map[string]any
	if err := decodeNumbers(res.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, res)
	}
	it, err := parseItem(m)
	if err != nil {
		t.Fatalf("%v\n%s", err, res)
	}
	return it
}

func parseItem(m map[string]any) (*item, error) {
	it := &item{raw: m}
	switch id := m["id"].(type) {
	case json.Number:
		if _, err := strconv.ParseInt(id.String(), 10, 64); err != nil {
			return nil, fmt.Errorf("id %s is a number but not an integer", id)
		}
		it.ID, it.IDText = id, id.String()
	case string:
		if id == "" {
			return nil, fmt.Errorf("id is an empty string")
		}
		it.ID, it.IDText = id, id
	default:
		return nil, fmt.Errorf("id must be an integer or a string, got %T (%v)", m["id"], m["id"])
	}
	title, ok := m["title"].(string)
	if !ok {
		return nil, fmt.Errorf("title must be a string, got %T", m["title"])
	}
	it.Title = title
	done, ok := m["done"].(bool)
	if !ok {
		return nil, fmt.Errorf("done must be a boolean, got %T (%v)", m["done"], m["done"])
	}
	it.Done = done
	ts, ok := m["created_at"].(string)
	if !ok {
		return nil, fmt.Errorf("created_at must be a string, got %T", m["created_at"])
	}
	at, err := parseTimestamp(ts)
	if err != nil {
		return nil, err
	}
	it.CreatedAt = at
	return it, nil
}

// parseTimestamp accepts RFC 3339 (and xs:dateTime, its XML twin) in UTC.
func parseTimestamp(s string) (time.Time, error) {
	at, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("created_at %q is not an RFC 3339 timestamp", s)
	}
	if _, offset := at.Zone(); offset != 0 {
		return time.Time{}, fmt.Errorf("created_at %q is not in UTC", s)
	}
	return at, nil
}

func sameItem(t T, got, want *item) {
	t.Helper()
	if got.IDText != want.IDText {
		t.Errorf("id: got %s, want %s", got.IDText, want.IDText)
	}
	if got.Title != want.Title {
		t.Errorf("title: got %q, want %q", got.Title, want.Title)
	}
	if got.Done != want.Done {
		t.Errorf("done: got %v, want %v", got.Done, want.Done)
	}
	// Databases differ in precision; a second is plenty to tell a changed value.
	if d := got.CreatedAt.Sub(want.CreatedAt); d > time.Second || d < -time.Second {
		t.Errorf("created_at: got %s, want %s", got.CreatedAt.Format(time.RFC3339Nano), want.CreatedAt.Format(time.RFC3339Nano))
	}
}

// expectProblem checks an RFC 9457 problem details answer with the given status.
func expectProblem(t T, res *response, status int) {
	t.Helper()
	if res.status != status {
		t.Fatalf("want %d, got %s", status, res)
	}
	expectJSONType(t, res, "application/problem+json")
	var p map[string]any
	if err := decodeNumbers(res.body, &p); err != nil {
		t.Fatalf("problem body is not a JSON object: %v\n%s", err, res)
	}
	for _, key := range []string{"type", "title", "detail"} {
		if s, ok := p[key].(string); !ok || (key != "detail" && s == "") {
			t.Errorf("problem %q must be a non-empty string, got %v\n%s", key, p[key], res)
		}
	}
	n, ok := p["status"].(json.Number)
	if !ok || n.String() != strconv.Itoa(status) {
		t.Errorf("problem status must be the number %d, got %v\n%s", status, p["status"], res)
	}
}

func expectJSONType(t T, res *response, want string) {
	t.Helper()
	ct := res.header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt != want {
		t.Errorf("Content-Type: got %q, want %s", ct, want)
	}
}

func decodeNumbers(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

func mustJSON(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // only called with maps of plain values
	}
	return data
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
