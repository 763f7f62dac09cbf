package contract

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// fake2 is an in-memory service that keeps contract v2 for any model, over
// REST and SOAP. A non-empty bug breaks one rule on purpose.
type fake2 struct {
	bug     string
	origins []string // CORS_ORIGINS; nil: CORS off
	m       *model.Model
	mu      sync.Mutex
	store   map[string]*table
}

type table struct {
	r    model.Resource
	next int64
	rows map[int64]*row
}

type row struct {
	id               int64
	vals             map[string]any // string, int64, float64, bool, nil; datetime as time.Time
	created, updated time.Time
}

const maxBody = 1 << 20

func newFake2(m *model.Model, bug string) *fake2 {
	f := &fake2{bug: bug, m: m, store: map[string]*table{}}
	for _, r := range m.Resources {
		f.store[kebab(r.Plural)] = &table{r: r, rows: map[int64]*row{}}
	}
	return f
}

func (f *fake2) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if f.bug != "no-nosniff" {
		w.Header().Set("X-Content-Type-Options", "nosniff")
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		w.Header().Set("Cache-Control", "no-store")
	}
	if f.cors(w, r) {
		return
	}
	path := r.URL.Path
	switch {
	case path == "/healthz" || path == "/livez" || path == "/readyz":
		if f.bug == "healthz-form-500" && strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
			http.Error(w, "boom", 500)
			return
		}
		if f.bug == "no-livez" && path == "/livez" {
			f.problem(w, 404, "no such route", nil)
			return
		}
		if r.Method != "GET" && !(f.bug == "readyz-any-method" && path == "/readyz") {
			f.notAllowed(w, "GET")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"status":"ok"}`)
	case path == "/openapi.yaml":
		w.Header().Set("Content-Type", "application/yaml")
		w.Write(f.openAPI())
	case path == "/docs":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		src := "/docs/app.js"
		if f.bug == "docs-cdn" {
			src = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"
		}
		fmt.Fprintf(w, `<!doctype html><html><head><title>API</title><link rel="stylesheet" href="/docs/app.css"></head><body><div id="ui"></div><script src="%s"></script><script>render("/openapi.yaml")</script></body></html>`, src)
	case path == "/docs/app.js":
		w.Header().Set("Content-Type", "text/javascript")
		io.WriteString(w, "function render(u){document.getElementById('ui').textContent=u}")
	case path == "/docs/app.css":
		w.Header().Set("Content-Type", "text/css")
		io.WriteString(w, "body{margin:0}")
	case path == "/soap":
		f.soap(w, r)
	case strings.HasPrefix(path, "/api/v1/"):
		rest := strings.TrimPrefix(path, "/api/v1/")
		coll, id, hasID := strings.Cut(rest, "/")
		tb := f.store[coll]
		if tb == nil || strings.Contains(id, "/") || (hasID && id == "") {
			f.problem(w, 404, "no such route", nil)
			return
		}
		if !hasID {
			switch r.Method {
			case "GET":
				f.list(w, r, tb)
			case "POST":
				f.write(w, r, tb, nil, "POST")
			default:
				f.notAllowed(w, "GET, POST")
			}
			return
		}
		switch r.Method {
		case "GET", "PUT", "PATCH", "DELETE":
		default:
			f.notAllowed(w, "GET, PUT, PATCH, DELETE")
			return
		}
		n, err := strconv.ParseInt(id, 10, 64)
		f.mu.Lock()
		rw := tb.rows[n]
		f.mu.Unlock()
		if err != nil || rw == nil {
			f.problem(w, 404, "no such "+tb.r.Name, nil)
			return
		}
		switch r.Method {
		case "GET":
			f.json(w, 200, f.view(tb, rw))
		case "DELETE":
			f.mu.Lock()
			delete(tb.rows, n)
			if f.bug == "id-reused" && n == tb.next {
				tb.next--
			}
			f.mu.Unlock()
			w.WriteHeader(204)
		default:
			f.write(w, r, tb, rw, r.Method)
		}
	default:
		f.problem(w, 404, "no such route", nil)
	}
}

// cors does what a CORS middleware does: it marks the answers to an allowed
// origin, and answers its preflights itself.
func (f *fake2) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin != "" && f.bug == "cors-star" {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		return false
	}
	allowed := slices.Contains(f.origins, origin) || (f.bug == "cors-any-origin" && len(f.origins) > 0)
	if origin == "" || !allowed {
		return false
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Add("Vary", "Origin")
	if r.Method != "OPTIONS" || r.Header.Get("Access-Control-Request-Method") == "" || f.bug == "cors-no-preflight" {
		return false
	}
	w.Header().Set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
	if h := r.Header.Get("Access-Control-Request-Headers"); h != "" {
		w.Header().Set("Access-Control-Allow-Headers", h)
	}
	w.WriteHeader(204)
	return true
}

func (f *fake2) notAllowed(w http.ResponseWriter, allow string) {
	if f.bug != "405-no-allow" {
		w.Header().Set("Allow", allow)
	}
	f.problem(w, 405, "method not allowed", nil)
}

type fieldErr struct{ Field, Message string }

func (f *fake2) problem(w http.ResponseWriter, status int, detail string, errs []fieldErr) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	p := map[string]any{"type": "about:blank", "title": http.StatusText(status), "status": status, "detail": detail}
	if errs != nil {
		var list []map[string]string
		for _, e := range errs {
			list = append(list, map[string]string{"field": e.Field, "message": e.Message})
		}
		p["errors"] = list
	}
	json.NewEncoder(w).Encode(p)
}

func (f *fake2) json(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}

// view writes an object with its keys in order.
func (f *fake2) view(tb *table, rw *row) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"id":%d`, rw.id)
	for _, fl := range tb.r.Fields {
		v := rw.vals[fl.Name]
		if v == nil && f.bug == "missing-keys" {
			continue
		}
		if t, ok := v.(time.Time); ok {
			v = t.UTC().Format(time.RFC3339Nano)
			if f.bug == "datetime-not-utc" {
				v = t.In(time.FixedZone("", 3600)).Format(time.RFC3339)
			}
		}
		data, _ := json.Marshal(v)
		fmt.Fprintf(&b, `,%q:%s`, fl.Name, data)
	}
	fmt.Fprintf(&b, `,"created_at":%q,"updated_at":%q}`, rw.created.UTC().Format(time.RFC3339Nano), rw.updated.UTC().Format(time.RFC3339Nano))
	return b.Bytes()
}

// readBody applies the size, Content-Type and syntax rules of a JSON body.
func (f *fake2) readBody(w http.ResponseWriter, r *http.Request, patch bool) (map[string]json.RawMessage, bool) {
	ct := r.Header.Get("Content-Type")
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.TrimSpace(strings.ToLower(mt))
	jsonType := mt == "application/json" || (strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
	if !jsonType && f.bug != "any-content-type" {
		f.problem(w, 415, "the body must be JSON", nil)
		return nil, false
	}
	if r.ContentLength > maxBody && f.bug != "reads-whole-body" {
		f.problem(w, 413, "the body is larger than 1 MiB", nil)
		return nil, false
	}
	var data []byte
	var err error
	if f.bug == "reads-whole-body" {
		data, err = io.ReadAll(r.Body)
		if err == nil && len(data) > maxBody {
			f.problem(w, 413, "the body is larger than 1 MiB", nil)
			return nil, false
		}
	} else {
		data, err = io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		f.problem(w, 413, "the body is larger than 1 MiB", nil)
		return nil, false
	case err != nil:
		f.problem(w, 400, "the body could not be read", nil)
		return nil, false
	}
	if f.bug != "deep-nesting-accepted" && depth(data) > 64 {
		f.problem(w, 400, "the JSON is nested too deeply", nil)
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var v any
	if err := dec.Decode(&v); err != nil {
		detail := "the body is not valid JSON"
		if f.bug == "traceback-400" {
			detail = "Traceback (most recent call last):\n  File \"/app/src/app/main.py\", line 12, in create\njson.decoder.JSONDecodeError: Expecting value"
		}
		f.problem(w, 400, detail, nil)
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF && f.bug != "trailing-accepted" {
		f.problem(w, 400, "there is data after the JSON value", nil)
		return nil, false
	}
	if _, ok := v.(map[string]any); !ok {
		f.problem(w, 400, "the body must be a JSON object", nil)
		return nil, false
	}
	var raw map[string]json.RawMessage
	dec = json.NewDecoder(bytes.NewReader(data))
	_ = dec.Decode(&raw)
	return raw, true
}

func depth(data []byte) int {
	d, most, inString, escaped := 0, 0, false, false
	for _, c := range data {
		switch {
		case inString:
			if escaped {
				escaped = false
			} else if c == '\\' {
				escaped = true
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			d++
			most = max(most, d)
		case c == '}' || c == ']':
			d--
		}
	}
	return most
}

var loneSurrogate = regexp.MustCompile(`(?i)\\u(d[89ab][0-9a-f]{2})(\\u(d[c-f][0-9a-f]{2}))?|\\u(d[c-f][0-9a-f]{2})`)

// decodeField turns one JSON value into the field's Go value, or says why not.
func (f *fake2) decodeField(fl model.Field, raw json.RawMessage) (any, string) {
	text := strings.TrimSpace(string(raw))
	if text == "null" {
		if f.bug == "null-required-accepted" && fl.Required {
			return nil, ""
		}
		return nil, fl.Check(nil)
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, "is not valid JSON"
	}
	switch x := v.(type) {
	case json.Number:
		if fl.Type == model.Int {
			n, err := strconv.ParseInt(x.String(), 10, 64)
			if err != nil {
				return nil, "must be a whole number that fits in 64 bits"
			}
			v = n
		} else {
			fv, err := strconv.ParseFloat(x.String(), 64)
			if err != nil || math.IsInf(fv, 0) {
				return nil, "must be a number"
			}
			v = fv
		}
	case string:
		for _, m := range loneSurrogate.FindAllStringSubmatch(text, -1) {
			if m[2] == "" {
				return nil, "must not hold a lone surrogate"
			}
		}
		if f.bug == "nul-stored" {
			x = strings.ReplaceAll(x, "\x00", "")
			v = x
		}
		if f.bug == "prop-emoji-500" && strings.ContainsRune(x, '😀') {
			return nil, "PANIC"
		}
	}
	if msg := fl.Check(v); msg != "" {
		return nil, msg
	}
	if fl.Type == model.DateTime {
		t, _ := time.Parse(time.RFC3339Nano, v.(string))
		return t, ""
	}
	return v, ""
}

// write is POST (rw nil), PUT and PATCH.
func (f *fake2) write(w http.ResponseWriter, r *http.Request, tb *table, rw *row, method string) {
	raw, ok := f.readBody(w, r, method == "PATCH")
	if !ok {
		return
	}
	var errs []fieldErr
	known := map[string]bool{}
	vals := map[string]any{}
	if rw != nil && method == "PATCH" {
		for k, v := range rw.vals {
			vals[k] = v
		}
	}
	for _, fl := range tb.r.Fields {
		known[fl.Name] = true
		text, present := raw[fl.Name]
		if !present {
			if method == "PATCH" && f.bug != "patch-replaces" {
				continue
			}
			switch {
			case fl.Required && method != "PATCH":
				errs = append(errs, fieldErr{fl.Name, "is required"})
			case fl.HasDefault():
				vals[fl.Name] = fl.Default
			default:
				vals[fl.Name] = nil
			}
			continue
		}
		v, msg := f.decodeField(fl, text)
		if msg == "PANIC" {
			http.Error(w, "internal error", 500)
			return
		}
		if msg != "" {
			errs = append(errs, fieldErr{fl.Name, msg})
			continue
		}
		vals[fl.Name] = v
	}
	if f.bug != "unknown-field-ignored" {
		var extra []string
		for k := range raw {
			if !known[k] {
				extra = append(extra, k)
			}
		}
		sort.Strings(extra)
		for _, k := range extra {
			errs = append(errs, fieldErr{k, "is not a field of " + tb.r.Name})
		}
	}
	if len(errs) > 0 {
		f.problem(w, 422, "the "+tb.r.Name+" is not valid", errs)
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if clash := f.clash(tb, rw, vals); clash != "" {
		detail := "another " + tb.r.Name + " has this " + clash
		if f.bug == "leaky-409" {
			detail = "UNIQUE constraint failed: " + kebab(tb.r.Plural) + "." + clash
		}
		f.problem(w, 409, detail, nil)
		return
	}
	now := time.Now()
	if rw == nil {
		tb.next++
		nr := &row{id: tb.next, vals: vals, created: now, updated: now}
		tb.rows[nr.id] = nr
		w.Header().Set("Location", "/api/v1/"+kebab(tb.r.Plural)+"/"+strconv.FormatInt(nr.id, 10))
		f.json(w, 201, f.view(tb, nr))
		return
	}
	rw.vals = vals
	if f.bug != "updated-at-frozen" {
		rw.updated = now
	}
	f.json(w, 200, f.view(tb, rw))
}

// clash names a unique field whose value another row holds.
func (f *fake2) clash(tb *table, self *row, vals map[string]any) string {
	if f.bug == "no-409" {
		return ""
	}
	for _, fl := range tb.r.Fields {
		if !fl.Unique || vals[fl.Name] == nil {
			continue
		}
		for _, other := range tb.rows {
			if other != self && fmt.Sprint(other.vals[fl.Name]) == fmt.Sprint(vals[fl.Name]) {
				return fl.Name
			}
		}
	}
	return ""
}

var charRef = regexp.MustCompile(`&#(x[0-9a-fA-F]+|[0-9]+);`)

var digits = regexp.MustCompile(`^[0-9]+$`)

func (f *fake2) list(w http.ResponseWriter, r *http.Request, tb *table) {
	q := r.URL.Query()
	for k, v := range q {
		if len(v) > 1 {
			f.problem(w, 400, k+" is given more than once", nil)
			return
		}
	}
	limit, offset := int64(20), int64(0)
	if vs, ok := q["limit"]; ok {
		n, err := strconv.ParseInt(vs[0], 10, 64)
		if !digits.MatchString(vs[0]) || err != nil || n < 1 || n > 100 {
			f.problem(w, 400, "limit must be a whole number from 1 to 100", nil)
			return
		}
		limit = n
	}
	if vs, ok := q["offset"]; ok {
		n, err := strconv.ParseInt(vs[0], 10, 64)
		if !digits.MatchString(vs[0]) || err != nil {
			f.problem(w, 400, "offset must be a whole number from 0 to 9223372036854775807", nil)
			return
		}
		if f.bug == "big-offset-500" && n > math.MaxInt32 {
			http.Error(w, "integer overflow", 500)
			return
		}
		offset = n
	}
	type key struct {
		name string
		desc bool
	}
	var keys []key
	if vs, ok := q["sort"]; ok {
		allowed := map[string]bool{"id": true, "created_at": true, "updated_at": true}
		for _, fl := range tb.r.Fields {
			allowed[fl.Name] = true
		}
		seen := map[string]bool{}
		for _, part := range strings.Split(vs[0], ",") {
			desc := strings.HasPrefix(part, "-")
			name := strings.TrimPrefix(part, "-")
			if !allowed[name] || seen[name] {
				f.problem(w, 400, "sort names an unknown or repeated key: "+part, nil)
				return
			}
			seen[name] = true
			keys = append(keys, key{name, desc})
		}
	}
	filters := map[string]any{}
	for _, fl := range tb.r.Fields {
		vs, ok := q[fl.Name]
		if !ok || !fl.Filterable() {
			continue
		}
		var v any = vs[0]
		bad := false
		switch fl.Type {
		case model.Int:
			n, err := strconv.ParseInt(vs[0], 10, 64)
			v, bad = n, err != nil
		case model.Bool:
			b, err := strconv.ParseBool(vs[0])
			v, bad = b, err != nil || (vs[0] != "true" && vs[0] != "false")
		case model.Enum:
			bad = !slices.Contains(fl.Values, vs[0])
		case model.Date:
			_, err := time.Parse(time.DateOnly, vs[0])
			bad = err != nil
		}
		if bad {
			f.problem(w, 400, fl.Name+" does not parse as a "+string(fl.Type), nil)
			return
		}
		filters[fl.Name] = v
	}
	f.mu.Lock()
	var rows []*row
	for _, rw := range tb.rows {
		match := true
		if f.bug != "filter-ignored" {
			for k, v := range filters {
				if fmt.Sprint(rw.vals[k]) != fmt.Sprint(v) || rw.vals[k] == nil {
					match = false
				}
			}
		}
		if match {
			rows = append(rows, rw)
		}
	}
	f.mu.Unlock()
	if f.bug == "no-sort" {
		keys = nil
	}
	sort.Slice(rows, func(i, j int) bool {
		for _, k := range keys {
			c := compareRow(rows[i], rows[j], k.name)
			if k.desc {
				c = -c
			}
			if c != 0 {
				return c < 0
			}
		}
		return rows[i].id < rows[j].id
	})
	total := int64(len(rows))
	start := min(offset, total)
	end := min(start+limit, total)
	var b bytes.Buffer
	b.WriteString(`{"items":[`)
	for i, rw := range rows[start:end] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(f.view(tb, rw))
	}
	fmt.Fprintf(&b, `],"total":%d,"limit":%d,"offset":%d}`, total, limit, offset)
	f.json(w, 200, b.Bytes())
}

func compareRow(a, b *row, key string) int {
	var x, y any
	switch key {
	case "id":
		return cmpInt(a.id, b.id)
	case "created_at":
		return a.created.Compare(b.created)
	case "updated_at":
		return a.updated.Compare(b.updated)
	default:
		x, y = a.vals[key], b.vals[key]
	}
	switch {
	case x == nil && y == nil:
		return 0
	case x == nil:
		return -1
	case y == nil:
		return 1
	}
	switch xv := x.(type) {
	case int64:
		return cmpInt(xv, y.(int64))
	case float64:
		return cmpFloat(xv, y.(float64))
	case bool:
		return cmpInt(b2i(xv), b2i(y.(bool)))
	case time.Time:
		return xv.Compare(y.(time.Time))
	case string:
		return strings.Compare(xv, y.(string))
	}
	return 0
}

// ---- the spec

func (f *fake2) openAPI() []byte {
	problem := map[string]any{"$ref": "#/components/schemas/Problem"}
	resp := func(desc string, schema any, ct string) map[string]any {
		return map[string]any{"description": desc, "content": map[string]any{ct: map[string]any{"schema": schema}}}
	}
	prob := func(desc string) map[string]any { return resp(desc, problem, "application/problem+json") }
	paths := map[string]any{
		"/healthz": map[string]any{"get": map[string]any{"operationId": "healthz", "responses": map[string]any{
			"200": resp("up", map[string]any{"type": "object"}, "application/json"),
			"503": resp("down", map[string]any{"type": "object"}, "application/json"),
		}}},
		"/livez": map[string]any{"get": map[string]any{"operationId": "livez", "responses": map[string]any{
			"200": resp("up", map[string]any{"type": "object"}, "application/json"),
		}}},
		"/readyz": map[string]any{"get": map[string]any{"operationId": "readyz", "responses": map[string]any{
			"200": resp("up", map[string]any{"type": "object"}, "application/json"),
			"503": resp("down", map[string]any{"type": "object"}, "application/json"),
		}}},
	}
	schemas := map[string]any{
		"Problem": map[string]any{"type": "object", "required": []string{"type", "title", "status"}, "properties": map[string]any{
			"type": map[string]any{"type": "string"}, "title": map[string]any{"type": "string"}, "status": map[string]any{"type": "integer"},
			"detail": map[string]any{"type": "string"}, "errors": map[string]any{"type": "array", "items": map[string]any{"type": "object",
				"required": []string{"field", "message"}, "properties": map[string]any{"field": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"}}}},
		}},
	}
	for _, r := range f.m.Resources {
		S, P := pascal(r.Name), kebab(r.Plural)
		props := map[string]any{"id": map[string]any{"type": "integer", "format": "int64"}}
		required := []string{"id"}
		in := map[string]any{}
		var inRequired []string
		for _, fl := range r.Fields {
			s := map[string]any{}
			switch fl.Type {
			case model.String, model.Text, model.Date, model.DateTime, model.Enum:
				s["type"] = "string"
			case model.Int:
				s["type"] = "integer"
				s["format"] = "int64"
			case model.Float:
				s["type"] = "number"
			case model.Bool:
				s["type"] = "boolean"
			}
			switch fl.Type {
			case model.Date:
				s["format"] = "date"
			case model.DateTime:
				s["format"] = "date-time"
			case model.Enum:
				s["enum"] = fl.Values
			case model.String, model.Text:
				if v, ok := fl.MinInt(); ok {
					s["minLength"] = v
				}
				if v, ok := fl.MaxInt(); ok {
					s["maxLength"] = v
				}
			case model.Int, model.Float:
				if fl.Min != nil {
					s["minimum"] = *fl.Min
				}
				if fl.Max != nil {
					s["maximum"] = *fl.Max
				}
			}
			if f.bug == "spec-too-strict" && fl.Type == model.String {
				s["maxLength"] = 3
			}
			if fl.Nullable() {
				s["type"] = []any{s["type"], "null"}
				if fl.Type == model.Enum {
					s["enum"] = append(append([]any{}, anySlice(fl.Values)...), nil)
				}
			}
			props[fl.Name] = s
			in[fl.Name] = s
			required = append(required, fl.Name)
			if fl.Required {
				inRequired = append(inRequired, fl.Name)
			}
		}
		props["created_at"] = map[string]any{"type": "string", "format": "date-time"}
		props["updated_at"] = map[string]any{"type": "string", "format": "date-time"}
		required = append(required, "created_at", "updated_at")
		schemas[S] = map[string]any{"type": "object", "additionalProperties": false, "required": required, "properties": props}
		input := map[string]any{"type": "object", "additionalProperties": false, "properties": in}
		if len(inRequired) > 0 {
			input["required"] = inRequired
		}
		schemas[S+"Input"] = input
		schemas[S+"List"] = map[string]any{"type": "object", "required": []string{"items", "total", "limit", "offset"}, "properties": map[string]any{
			"items": map[string]any{"type": "array", "items": map[string]any{"$ref": "#/components/schemas/" + S}},
			"total": map[string]any{"type": "integer"}, "limit": map[string]any{"type": "integer"},
			"offset": map[string]any{"type": "integer", "minimum": 0, "maximum": int64(math.MaxInt64)},
		}}
		ref := map[string]any{"$ref": "#/components/schemas/" + S}
		body := map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/" + S + "Input"}}}}
		params := []any{
			map[string]any{"name": "limit", "in": "query", "schema": map[string]any{"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
			map[string]any{"name": "offset", "in": "query", "schema": map[string]any{"type": "integer", "minimum": 0, "maximum": int64(math.MaxInt64), "default": 0}},
			map[string]any{"name": "sort", "in": "query", "schema": map[string]any{"type": "string"}},
		}
		for _, fl := range r.Fields {
			if fl.Filterable() {
				params = append(params, map[string]any{"name": fl.Name, "in": "query", "schema": map[string]any{"type": "string"}})
			}
		}
		write := map[string]any{"200": resp("ok", ref, "application/json"), "400": prob("bad"), "404": prob("none"), "409": prob("clash"),
			"413": prob("big"), "415": prob("type"), "422": prob("invalid"), "500": prob("error")}
		paths["/api/v1/"+P] = map[string]any{
			"get": map[string]any{"operationId": "list" + S, "parameters": params, "responses": map[string]any{
				"200": resp("page", map[string]any{"$ref": "#/components/schemas/" + S + "List"}, "application/json"), "400": prob("bad"), "500": prob("error")}},
			"post": map[string]any{"operationId": "create" + S, "requestBody": body, "responses": map[string]any{
				"201": resp("created", ref, "application/json"), "400": prob("bad"), "409": prob("clash"), "413": prob("big"),
				"415": prob("type"), "422": prob("invalid"), "500": prob("error")}},
		}
		paths["/api/v1/"+P+"/{id}"] = map[string]any{
			"parameters": []any{map[string]any{"name": "id", "in": "path", "required": true, "schema": map[string]any{"type": "string"}}},
			"get":        map[string]any{"operationId": "get" + S, "responses": map[string]any{"200": resp("ok", ref, "application/json"), "404": prob("none"), "500": prob("error")}},
			"put":        map[string]any{"operationId": "update" + S, "requestBody": body, "responses": write},
			"patch":      map[string]any{"operationId": "patch" + S, "requestBody": body, "responses": write},
			"delete":     map[string]any{"operationId": "delete" + S, "responses": map[string]any{"204": map[string]any{"description": "deleted"}, "404": prob("none"), "500": prob("error")}},
		}
	}
	version := "3.1.0"
	if f.bug == "openapi-3.0" {
		version = "3.0.3"
	}
	doc := map[string]any{"openapi": version, "info": map[string]any{"title": "fake", "version": "1.0.0"},
		"servers": []any{map[string]any{"url": "http://localhost:8080"}}, "paths": paths, "components": map[string]any{"schemas": schemas}}
	out, err := yaml.Marshal(doc)
	if err != nil {
		panic(err)
	}
	return out
}

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// ---- SOAP

func (f *fake2) wsdl(endpoint string) string {
	var schema, messages, portOps, bindOps strings.Builder
	elem := func(fl model.Field, forceOptional bool) string {
		minOccurs := "0"
		if fl.Required && !forceOptional {
			minOccurs = "1"
		}
		nillable := ""
		if fl.Nullable() {
			nillable = ` nillable="true"`
		}
		base := "xs:" + xsdBase[fl.Type]
		var facets []string
		switch fl.Type {
		case model.String, model.Text:
			if f.bug != "wsdl-no-facets" {
				if v, ok := fl.MinInt(); ok && v > 0 {
					facets = append(facets, fmt.Sprintf(`<xs:minLength value="%d"/>`, v))
				}
				if v, ok := fl.MaxInt(); ok {
					facets = append(facets, fmt.Sprintf(`<xs:maxLength value="%d"/>`, v))
				}
			}
		case model.Int, model.Float:
			if fl.Min != nil {
				facets = append(facets, fmt.Sprintf(`<xs:minInclusive value="%v"/>`, *fl.Min))
			}
			if fl.Max != nil {
				facets = append(facets, fmt.Sprintf(`<xs:maxInclusive value="%v"/>`, *fl.Max))
			}
		case model.Enum:
			for _, v := range fl.Values {
				facets = append(facets, fmt.Sprintf(`<xs:enumeration value="%s"/>`, v))
			}
		}
		if len(facets) == 0 {
			return fmt.Sprintf(`<xs:element name="%s" type="%s" minOccurs="%s"%s/>`, fl.Name, base, minOccurs, nillable)
		}
		return fmt.Sprintf(`<xs:element name="%s" minOccurs="%s"%s><xs:simpleType><xs:restriction base="%s">%s</xs:restriction></xs:simpleType></xs:element>`,
			fl.Name, minOccurs, nillable, base, strings.Join(facets, ""))
	}
	for _, r := range f.m.Resources {
		S, P, item := pascal(r.Name), pascal(r.Plural), camel(r.Name)
		var fields strings.Builder
		for _, fl := range r.Fields {
			fields.WriteString(elem(fl, false))
		}
		fmt.Fprintf(&schema, `<xs:complexType name="%s"><xs:sequence><xs:element name="id" type="xs:string"/>%s<xs:element name="created_at" type="xs:dateTime"/><xs:element name="updated_at" type="xs:dateTime"/></xs:sequence></xs:complexType>`, S, fields.String())
		fmt.Fprintf(&schema, `<xs:element name="Create%s"><xs:complexType><xs:sequence>%s</xs:sequence></xs:complexType></xs:element>`, S, fields.String())
		fmt.Fprintf(&schema, `<xs:element name="Update%s"><xs:complexType><xs:sequence><xs:element name="id" type="xs:string"/>%s</xs:sequence></xs:complexType></xs:element>`, S, fields.String())
		fmt.Fprintf(&schema, `<xs:element name="Get%[1]s"><xs:complexType><xs:sequence><xs:element name="id" type="xs:string"/></xs:sequence></xs:complexType></xs:element>`, S)
		fmt.Fprintf(&schema, `<xs:element name="Delete%[1]s"><xs:complexType><xs:sequence><xs:element name="id" type="xs:string"/></xs:sequence></xs:complexType></xs:element>`, S)
		fmt.Fprintf(&schema, `<xs:element name="List%s"><xs:complexType><xs:sequence><xs:element name="limit" type="xs:int" minOccurs="0"/><xs:element name="offset" type="xs:long" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>`, P)
		for _, op := range []string{"Create" + S, "Get" + S, "Update" + S} {
			fmt.Fprintf(&schema, `<xs:element name="%sResponse"><xs:complexType><xs:sequence><xs:element name="%s" type="tns:%s"/></xs:sequence></xs:complexType></xs:element>`, op, item, S)
		}
		fmt.Fprintf(&schema, `<xs:element name="List%sResponse"><xs:complexType><xs:sequence><xs:element name="%s" type="tns:%s" minOccurs="0" maxOccurs="unbounded"/><xs:element name="total" type="xs:long"/></xs:sequence></xs:complexType></xs:element>`, P, item, S)
		fmt.Fprintf(&schema, `<xs:element name="Delete%sResponse"><xs:complexType><xs:sequence/></xs:complexType></xs:element>`, S)
		for _, op := range []string{"Create" + S, "Get" + S, "List" + P, "Update" + S, "Delete" + S} {
			fmt.Fprintf(&messages, `<wsdl:message name="%[1]sIn"><wsdl:part name="p" element="tns:%[1]s"/></wsdl:message><wsdl:message name="%[1]sOut"><wsdl:part name="p" element="tns:%[1]sResponse"/></wsdl:message>`, op)
			fmt.Fprintf(&portOps, `<wsdl:operation name="%[1]s"><wsdl:input message="tns:%[1]sIn"/><wsdl:output message="tns:%[1]sOut"/></wsdl:operation>`, op)
			fmt.Fprintf(&bindOps, `<wsdl:operation name="%[1]s"><soap:operation soapAction="%[2]s/%[1]s"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>`, op, fakeNS)
		}
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="` + fakeNS + `" targetNamespace="` + fakeNS + `">
<wsdl:types><xs:schema targetNamespace="` + fakeNS + `" elementFormDefault="qualified">` + schema.String() + `</xs:schema></wsdl:types>
` + messages.String() + `
<wsdl:portType name="Port">` + portOps.String() + `</wsdl:portType>
<wsdl:binding name="Binding" type="tns:Port"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>` + bindOps.String() + `</wsdl:binding>
<wsdl:service name="Service"><wsdl:port name="Port" binding="tns:Binding"><soap:address location="` + endpoint + `"/></wsdl:port></wsdl:service>
</wsdl:definitions>`
}

func (f *fake2) fault(w http.ResponseWriter, code, msg string) {
	if f.bug == "soap-html-errors" && code == "Client" {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(400)
		io.WriteString(w, "<html><body>bad request</body></html>")
		return
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(500)
	var b strings.Builder
	xml.EscapeText(&b, []byte(msg))
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="%s"><soap:Body><soap:Fault><faultcode>soap:%s</faultcode><faultstring>%s</faultstring></soap:Fault></soap:Body></soap:Envelope>`, nsEnvelope, code, b.String())
}

func (f *fake2) soap(w http.ResponseWriter, r *http.Request) {
	if r.Method == "GET" && r.URL.RawQuery == "wsdl" {
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		io.WriteString(w, f.wsdl("http://"+r.Host+"/soap"))
		return
	}
	if r.Method != "POST" {
		f.notAllowed(w, "GET, POST")
		return
	}
	limit := int64(maxBody)
	if f.bug == "soap-big-body-accepted" {
		limit = 64 << 20
	}
	if r.ContentLength > limit {
		f.fault(w, "Client", "the request is larger than 1 MiB")
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		f.fault(w, "Client", "the request is larger than 1 MiB")
		return
	}
	for _, m := range charRef.FindAllSubmatch(data, -1) {
		ref := string(m[1])
		var n int64
		if strings.HasPrefix(ref, "x") {
			n, _ = strconv.ParseInt(ref[1:], 16, 32)
		} else {
			n, _ = strconv.ParseInt(ref, 10, 32)
		}
		if !(n == 0x9 || n == 0xA || n == 0xD || n >= 0x20 && n <= 0xD7FF || n >= 0xE000 && n <= 0xFFFD || n >= 0x10000 && n <= 0x10FFFF) {
			f.fault(w, "Client", "a character reference names no XML character")
			return
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			f.fault(w, "Client", "the request is not well-formed XML")
			return
		}
		if _, isDTD := tok.(xml.Directive); isDTD {
			f.fault(w, "Client", "DTDs are not allowed")
			return
		}
	}
	env, err := parseXML(data)
	if err != nil {
		f.fault(w, "Client", "the request is not XML")
		return
	}
	if env.XMLName.Local == "Envelope" && env.XMLName.Space != nsEnvelope && f.bug != "soap-12-accepted" {
		f.fault(w, "VersionMismatch", "only SOAP 1.1 envelopes are understood")
		return
	}
	if env.XMLName.Local != "Envelope" {
		f.fault(w, "Client", "the request is not a SOAP envelope")
		return
	}
	if h := env.children("", "Header"); len(h) > 0 && f.bug != "soap-mustunderstand-ignored" {
		for _, block := range h[0].Nodes {
			for _, a := range block.Attrs {
				if a.Name.Local == "mustUnderstand" && (a.Value == "1" || a.Value == "true") {
					f.fault(w, "MustUnderstand", "header "+block.XMLName.Local+" is not understood")
					return
				}
			}
		}
	}
	body := env.child("", "Body")
	if body == nil || len(body.Nodes) == 0 || (len(body.Nodes) > 1 && f.bug != "soap-first-child-runs") {
		f.fault(w, "Client", "the Body must hold exactly one operation element")
		return
	}
	op := body.Nodes[0]
	f.soapOp(w, op)
}

func (f *fake2) soapOp(w http.ResponseWriter, op *node) {
	for _, r := range f.m.Resources {
		S, P := pascal(r.Name), pascal(r.Plural)
		tb := f.store[kebab(r.Plural)]
		find := func() *row {
			c := op.child(fakeNS, "id")
			if c == nil {
				return nil
			}
			n, err := strconv.ParseInt(strings.TrimSpace(c.Text), 10, 64)
			if err != nil {
				return nil
			}
			f.mu.Lock()
			defer f.mu.Unlock()
			return tb.rows[n]
		}
		switch op.XMLName.Local {
		case "Create" + S, "Update" + S:
			var rw *row
			if op.XMLName.Local == "Update"+S {
				if rw = find(); rw == nil {
					f.fault(w, "Client", "no such "+r.Name)
					return
				}
			}
			vals, msg := f.soapValues(r, op, rw != nil)
			if msg != "" {
				f.fault(w, "Client", msg)
				return
			}
			f.mu.Lock()
			if c := f.clash(tb, rw, vals); c != "" && f.bug != "soap-unique-ignored" {
				f.mu.Unlock()
				msg := "another " + r.Name + " has this " + c
				if f.bug == "soap-driver-fault" {
					msg = "E11000 duplicate key error collection: app." + r.Plural + " index: " + c + "_1"
				}
				f.fault(w, "Client", msg)
				return
			}
			now := time.Now()
			if rw == nil {
				tb.next++
				rw = &row{id: tb.next, created: now}
				tb.rows[rw.id] = rw
			}
			rw.vals, rw.updated = vals, now
			f.mu.Unlock()
			f.soapOK(w, op.XMLName.Local, f.soapItem(r, rw))
			return
		case "Get" + S:
			if rw := find(); rw != nil {
				f.soapOK(w, op.XMLName.Local, f.soapItem(r, rw))
			} else {
				f.fault(w, "Client", "no such "+r.Name)
			}
			return
		case "Delete" + S:
			if rw := find(); rw != nil {
				f.mu.Lock()
				delete(tb.rows, rw.id)
				f.mu.Unlock()
				f.soapOK(w, op.XMLName.Local, "")
			} else {
				f.fault(w, "Client", "no such "+r.Name)
			}
			return
		case "List" + P:
			limit, offset := int64(20), int64(0)
			if c := op.child(fakeNS, "limit"); c != nil {
				n, err := strconv.ParseInt(strings.TrimSpace(c.Text), 10, 64)
				if err != nil || n < 1 || n > 100 {
					f.fault(w, "Client", "limit must be from 1 to 100")
					return
				}
				limit = n
			}
			if c := op.child(fakeNS, "offset"); c != nil {
				n, err := strconv.ParseInt(strings.TrimSpace(c.Text), 10, 64)
				if err != nil || n < 0 {
					f.fault(w, "Client", "offset must be 0 or more")
					return
				}
				offset = n
			}
			f.mu.Lock()
			var rows []*row
			for _, rw := range tb.rows {
				rows = append(rows, rw)
			}
			f.mu.Unlock()
			sort.Slice(rows, func(i, j int) bool { return rows[i].id < rows[j].id })
			total := int64(len(rows))
			start := min(offset, total)
			end := min(start+limit, total)
			var b strings.Builder
			for _, rw := range rows[start:end] {
				b.WriteString(f.soapItem(r, rw))
			}
			fmt.Fprintf(&b, "<t:total>%d</t:total>", total)
			f.soapOK(w, op.XMLName.Local, b.String())
			return
		}
	}
	f.fault(w, "Client", "unknown operation "+op.XMLName.Local)
}

// soapValues reads the field elements of a Create or Update.
func (f *fake2) soapValues(r model.Resource, op *node, update bool) (map[string]any, string) {
	known := map[string]bool{"id": update}
	vals := map[string]any{}
	for _, fl := range r.Fields {
		known[fl.Name] = true
		c := op.child(fakeNS, fl.Name)
		if c == nil {
			switch {
			case fl.Required:
				return nil, fl.Name + " is required"
			case fl.HasDefault():
				vals[fl.Name] = fl.Default
			default:
				vals[fl.Name] = nil
			}
			continue
		}
		if nilAttr(c) {
			if !fl.Nullable() {
				return nil, fl.Name + " may not be nil"
			}
			vals[fl.Name] = nil
			continue
		}
		text := c.Text
		var v any = text
		var err error
		switch fl.Type {
		case model.Int:
			v, err = strconv.ParseInt(strings.TrimSpace(text), 10, 64)
		case model.Float:
			v, err = strconv.ParseFloat(strings.TrimSpace(text), 64)
		case model.Bool:
			b, ok := xmlBool(text)
			if !ok {
				err = errors.New("not a boolean")
			}
			v = b
		case model.Date, model.DateTime:
			v = strings.TrimSpace(text)
		}
		if err != nil {
			return nil, fl.Name + " is not a " + xsdBase[fl.Type]
		}
		if f.bug == "soap-no-facets" && fl.IsText() {
			vals[fl.Name] = v
			continue
		}
		if msg := fl.Check(v); msg != "" {
			return nil, fl.Name + " " + msg
		}
		if fl.Type == model.DateTime {
			t, _ := time.Parse(time.RFC3339Nano, v.(string))
			v = t
		}
		vals[fl.Name] = v
	}
	for _, c := range op.Nodes {
		if !known[c.XMLName.Local] {
			return nil, c.XMLName.Local + " is not a field of " + r.Name
		}
	}
	return vals, ""
}

func (f *fake2) soapItem(r model.Resource, rw *row) string {
	var b strings.Builder
	b.WriteString("<t:" + camel(r.Name) + ">" + el("id", strconv.FormatInt(rw.id, 10)))
	for _, fl := range r.Fields {
		v := rw.vals[fl.Name]
		switch x := v.(type) {
		case nil:
			b.WriteString(`<t:` + fl.Name + ` xsi:nil="true"/>`)
			continue
		case time.Time:
			v = x.UTC().Format(time.RFC3339Nano)
		case float64:
			v = strconv.FormatFloat(x, 'g', -1, 64)
		}
		b.WriteString(el(fl.Name, fmt.Sprint(v)))
	}
	b.WriteString(el("created_at", rw.created.UTC().Format(time.RFC3339Nano)) + el("updated_at", rw.updated.UTC().Format(time.RFC3339Nano)) + "</t:" + camel(r.Name) + ">")
	return b.String()
}

func (f *fake2) soapOK(w http.ResponseWriter, op, inner string) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="%s" xmlns:t="%s" xmlns:xsi="%s"><soap:Body><t:%sResponse>%s</t:%sResponse></soap:Body></soap:Envelope>`,
		nsEnvelope, fakeNS, nsXSI, op, inner, op)
}
