package contract

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// fake is a small in-memory service that implements the contract for the resource
// task/tasks, over REST and SOAP. A non-empty bug makes it break one rule on purpose,
// so the tests can show the suite notices.
type fake struct {
	bug   string
	mu    sync.Mutex
	next  int
	items map[int]*fakeItem
}

type fakeItem struct {
	ID        int
	Title     string
	Done      bool
	CreatedAt time.Time
}

const fakeNS = "https://github.com/e2e-owner/demo/soap"

func newFake(bug string) *fake { return &fake{bug: bug, items: map[int]*fakeItem{}} }

func (f *fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/healthz":
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"status":"ok"}`)
	case r.URL.Path == "/openapi.yaml":
		w.Header().Set("Content-Type", "application/yaml")
		version := "3.1.0"
		if f.bug == "openapi-3.0" {
			version = "3.0.3"
		}
		fmt.Fprintf(w, "openapi: %s\ninfo: {title: demo, version: 1.0.0}\npaths:\n  /api/v1/tasks:\n    get: {}\n    post: {}\n  /api/v1/tasks/{id}:\n    get: {}\n    put: {}\n    delete: {}\n", version)
	case r.URL.Path == "/soap" && r.Method == "GET" && r.URL.RawQuery == "wsdl":
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		endpoint := "http://" + r.Host + "/soap"
		if f.bug == "wsdl-static-address" {
			endpoint = "http://localhost:8080/soap"
		}
		io.WriteString(w, fakeWSDL(f.bug, endpoint))
	case r.URL.Path == "/soap" && r.Method == "POST":
		f.soap(w, r)
	case r.URL.Path == "/api/v1/tasks":
		switch r.Method {
		case "GET":
			f.restList(w, r)
		case "POST":
			f.restCreate(w, r)
		default:
			problem(w, 405, "method not allowed")
		}
	case strings.HasPrefix(r.URL.Path, "/api/v1/tasks/"):
		f.restItem(w, r, strings.TrimPrefix(r.URL.Path, "/api/v1/tasks/"))
	default:
		problem(w, 404, "no such path")
	}
}

func problem(w http.ResponseWriter, status int, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"type": "about:blank", "title": http.StatusText(status), "status": status, "detail": detail})
}

func (f *fake) problem(w http.ResponseWriter, status int, detail string) {
	switch {
	case f.bug == "validation-is-400" && status == 422:
		status = 400
	case f.bug == "errors-plain-json":
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]any{"error": detail})
		return
	}
	problem(w, status, detail)
}

func (f *fake) json(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (f *fake) view(it *fakeItem) map[string]any {
	at := it.CreatedAt.UTC().Format(time.RFC3339Nano)
	if f.bug == "created-at-not-utc" {
		at = it.CreatedAt.In(time.FixedZone("", 2*3600)).Format(time.RFC3339)
	}
	return map[string]any{"id": it.ID, "title": it.Title, "done": it.Done, "created_at": at}
}

// input validates a JSON body: 400 for malformed JSON, 422 for failed validation.
func (f *fake) input(w http.ResponseWriter, r *http.Request) (title string, done bool, ok bool) {
	var raw map[string]json.RawMessage
	data, _ := io.ReadAll(r.Body)
	if !json.Valid(data) {
		f.problem(w, 400, "the body is not valid JSON")
		return "", false, false
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		f.problem(w, 422, "the body must be a JSON object")
		return "", false, false
	}
	t, has := raw["title"]
	if !has || string(t) == "null" || json.Unmarshal(t, &title) != nil {
		f.problem(w, 422, "title must be a string")
		return "", false, false
	}
	if n := utf8.RuneCountInString(title); n < 1 || n > 200 {
		f.problem(w, 422, "title must be 1 to 200 characters")
		return "", false, false
	}
	if d, has := raw["done"]; has && json.Unmarshal(d, &done) != nil {
		f.problem(w, 422, "done must be a boolean")
		return "", false, false
	}
	return title, done, true
}

func (f *fake) restCreate(w http.ResponseWriter, r *http.Request) {
	title, done, ok := f.input(w, r)
	if !ok {
		return
	}
	it := f.add(title, done)
	if f.bug != "no-location" {
		w.Header().Set("Location", "/api/v1/tasks/"+strconv.Itoa(it.ID))
	}
	f.json(w, 201, f.view(it))
}

func (f *fake) add(title string, done bool) *fakeItem {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.next++
	it := &fakeItem{ID: f.next, Title: title, Done: done, CreatedAt: time.Now()}
	f.items[it.ID] = it
	return it
}

func (f *fake) sorted() []*fakeItem {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]*fakeItem, 0, len(f.items))
	for _, it := range f.items {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (f *fake) paging(limitText, offsetText string) (limit, offset int, err error) {
	limit, offset = 20, 0
	maxLimit := 100
	if f.bug == "no-max-limit" {
		maxLimit = 1000
	}
	if limitText != "" {
		if limit, err = strconv.Atoi(limitText); err != nil || limit < 1 || limit > maxLimit {
			return 0, 0, fmt.Errorf("limit must be an integer from 1 to 100")
		}
	}
	if offsetText != "" {
		if offset, err = strconv.Atoi(offsetText); err != nil || offset < 0 {
			return 0, 0, fmt.Errorf("offset must be a non-negative integer")
		}
	}
	return limit, offset, nil
}

func (f *fake) page(limit, offset int) ([]*fakeItem, int) {
	all := f.sorted()
	if offset > len(all) {
		offset = len(all)
	}
	end := min(offset+limit, len(all))
	if f.bug == "paging-off-by-one" && end < len(all) {
		end++
	}
	return all[offset:end], len(all)
}

func (f *fake) restList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, offset, err := f.paging(q.Get("limit"), q.Get("offset"))
	if err != nil {
		f.problem(w, 400, err.Error())
		return
	}
	items, total := f.page(limit, offset)
	views := []any{}
	for _, it := range items {
		views = append(views, f.view(it))
	}
	f.json(w, 200, map[string]any{"items": views, "total": total, "limit": limit, "offset": offset})
}

func (f *fake) lookup(idText string) *fakeItem {
	id, err := strconv.Atoi(idText)
	if err != nil {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.items[id]
}

func (f *fake) restItem(w http.ResponseWriter, r *http.Request, idText string) {
	if _, err := strconv.Atoi(idText); err != nil && f.bug == "malformed-id-500" {
		http.Error(w, "strconv.Atoi: invalid syntax", 500)
		return
	}
	it := f.lookup(idText)
	switch r.Method {
	case "GET":
		if it == nil {
			f.problem(w, 404, "no such task")
			return
		}
		f.json(w, 200, f.view(it))
	case "PUT":
		if it == nil {
			f.problem(w, 404, "no such task")
			return
		}
		title, done, ok := f.input(w, r)
		if !ok {
			return
		}
		f.mu.Lock()
		it.Title, it.Done = title, done
		f.mu.Unlock()
		f.json(w, 200, f.view(it))
	case "DELETE":
		if it == nil {
			f.problem(w, 404, "no such task")
			return
		}
		f.mu.Lock()
		delete(f.items, it.ID)
		f.mu.Unlock()
		w.WriteHeader(204)
	default:
		f.problem(w, 405, "method not allowed")
	}
}

// ---- SOAP

func fakeWSDL(bug, endpoint string) string {
	form := "qualified"
	if bug == "wsdl-unqualified" {
		form = "unqualified"
	}
	var elements, messages, portOps, bindOps strings.Builder
	for _, op := range []string{"CreateTask", "GetTask", "ListTasks", "UpdateTask", "DeleteTask"} {
		fmt.Fprintf(&elements, `<xs:element name="%[1]s"/><xs:element name="%[1]sResponse"/>`, op)
		fmt.Fprintf(&messages, `<wsdl:message name="%[1]sIn"><wsdl:part name="p" element="tns:%[1]s"/></wsdl:message><wsdl:message name="%[1]sOut"><wsdl:part name="p" element="tns:%[1]sResponse"/></wsdl:message>`, op)
		fmt.Fprintf(&portOps, `<wsdl:operation name="%[1]s"><wsdl:input message="tns:%[1]sIn"/><wsdl:output message="tns:%[1]sOut"/></wsdl:operation>`, op)
		fmt.Fprintf(&bindOps, `<wsdl:operation name="%[1]s"><soap:operation soapAction="%[2]s/%[1]s"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>`, op, fakeNS)
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="` + fakeNS + `" targetNamespace="` + fakeNS + `">
<wsdl:types><xs:schema targetNamespace="` + fakeNS + `" elementFormDefault="` + form + `">` + elements.String() + `</xs:schema></wsdl:types>
` + messages.String() + `
<wsdl:portType name="TaskPort">` + portOps.String() + `</wsdl:portType>
<wsdl:binding name="TaskBinding" type="tns:TaskPort"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>` + bindOps.String() + `</wsdl:binding>
<wsdl:service name="TaskService"><wsdl:port name="TaskPort" binding="tns:TaskBinding"><soap:address location="` + endpoint + `"/></wsdl:port></wsdl:service>
</wsdl:definitions>`
}

type soapFault struct{ code, msg string }

func (f *fake) soapFault(w http.ResponseWriter, code, msg string) {
	if f.bug == "soap-server-faults" {
		code = "Server"
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(500)
	var b strings.Builder
	xml.EscapeText(&b, []byte(msg))
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="%s"><soap:Body><soap:Fault><faultcode>soap:%s</faultcode><faultstring>%s</faultstring></soap:Fault></soap:Body></soap:Envelope>`, nsEnvelope, code, b.String())
}

var entityDecl = regexp.MustCompile(`<!ENTITY\s+(\w+)\s+"([^"]*)">`)

func (f *fake) soap(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	if f.bug == "soap-expands-entities" {
		for _, m := range entityDecl.FindAllSubmatch(data, -1) {
			data = bytes.ReplaceAll(data, []byte("&"+string(m[1])+";"), m[2])
		}
		data = regexp.MustCompile(`(?s)<!DOCTYPE.*?\]>`).ReplaceAll(data, nil)
	}
	// Refuse DTDs before anything else looks at the document.
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			f.soapFault(w, "Client", "the request is not well-formed XML")
			return
		}
		if _, isDTD := tok.(xml.Directive); isDTD {
			f.soapFault(w, "Client", "DTDs are not allowed")
			return
		}
	}
	env, err := parseXML(data)
	if err != nil || env.XMLName.Space != nsEnvelope || env.XMLName.Local != "Envelope" {
		f.soapFault(w, "Client", "the request is not a SOAP 1.1 envelope")
		return
	}
	body := env.child(nsEnvelope, "Body")
	if body == nil || len(body.Nodes) != 1 || body.Nodes[0].XMLName.Space != fakeNS {
		f.soapFault(w, "Client", "the body must hold one operation element")
		return
	}
	op := body.Nodes[0]
	name := op.XMLName.Local
	if f.bug == "soap-needs-soapaction" {
		action := strings.Trim(r.Header.Get("SOAPAction"), `"`)
		if action == "" {
			f.soapFault(w, "Client", "missing SOAPAction")
			return
		}
		name = action[strings.LastIndex(action, "/")+1:]
	}
	text := func(n string) (string, bool) {
		if c := op.child(fakeNS, n); c != nil {
			return c.Text, true
		}
		return "", false
	}
	validate := func() (string, bool, bool) {
		title, ok := text("title")
		if n := utf8.RuneCountInString(title); !ok || n < 1 || n > 200 {
			f.soapFault(w, "Client", "title must be 1 to 200 characters")
			return "", false, false
		}
		done := false
		if d, ok := text("done"); ok {
			switch d {
			case "true", "1":
				done = true
			case "false", "0":
			default:
				f.soapFault(w, "Client", "done must be true or false")
				return "", false, false
			}
		}
		return title, done, true
	}
	find := func() *fakeItem {
		id, _ := text("id")
		it := f.lookup(id)
		if it == nil {
			f.soapFault(w, "Client", "no such task")
		}
		return it
	}
	switch name {
	case "CreateTask":
		if title, done, ok := validate(); ok {
			f.soapOK(w, name, f.soapItem(f.add(title, done)))
		}
	case "GetTask":
		if it := find(); it != nil {
			f.soapOK(w, name, f.soapItem(it))
		}
	case "UpdateTask":
		if it := find(); it != nil {
			if title, done, ok := validate(); ok {
				f.mu.Lock()
				it.Title, it.Done = title, done
				f.mu.Unlock()
				f.soapOK(w, name, f.soapItem(it))
			}
		}
	case "DeleteTask":
		if it := find(); it != nil {
			f.mu.Lock()
			delete(f.items, it.ID)
			f.mu.Unlock()
			f.soapOK(w, name, "")
		}
	case "ListTasks":
		l, _ := text("limit")
		o, _ := text("offset")
		limit, offset, err := f.paging(l, o)
		if err != nil {
			f.soapFault(w, "Client", err.Error())
			return
		}
		items, total := f.page(limit, offset)
		var b strings.Builder
		for _, it := range items {
			b.WriteString(f.soapItem(it))
		}
		fmt.Fprintf(&b, "<t:total>%d</t:total>", total)
		f.soapOK(w, name, b.String())
	default:
		f.soapFault(w, "Client", "unknown operation "+name)
	}
}

func (f *fake) soapItem(it *fakeItem) string {
	return "<t:task>" + el("id", strconv.Itoa(it.ID)) + el("title", it.Title) + el("done", strconv.FormatBool(it.Done)) +
		el("created_at", it.CreatedAt.UTC().Format(time.RFC3339Nano)) + "</t:task>"
}

func (f *fake) soapOK(w http.ResponseWriter, op, inner string) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="%s" xmlns:t="%s"><soap:Body><t:%sResponse>%s</t:%sResponse></soap:Body></soap:Envelope>`,
		nsEnvelope, fakeNS, op, inner, op)
}
