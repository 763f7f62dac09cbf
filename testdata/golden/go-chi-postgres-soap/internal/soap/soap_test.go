package soap

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/octocat/shop-api/internal/task"
	"github.com/octocat/shop-api/internal/task/tasktest"
)

// newTestServer serves the SOAP endpoint at /soap on in-memory stores.
func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/soap", NewHandler(Deps{
		Log:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		Tasks: tasktest.NewMemory(),
	}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

const envelope = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Body>%s</soap:Body></soap:Envelope>`

// post sends a SOAP request and returns the HTTP status and the body.
func post(t *testing.T, url, payload string) (int, string) {
	t.Helper()
	resp, err := http.Post(url+"/soap", "text/xml; charset=utf-8", strings.NewReader(payload))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b, new(struct{})); err != nil || !strings.Contains(string(b), "Envelope") {
		t.Errorf("the answer is not a SOAP envelope: %s", b)
	}
	return resp.StatusCode, string(b)
}

func op(name, children string) string {
	return strings.Replace(envelope, "%s", "<"+name+` xmlns="`+Namespace+`">`+children+"</"+name+">", 1)
}

var idElement = regexp.MustCompile(`<id>([^<]+)</id>`)

// taskChildren and taskChildren2 are two examples as request
// children, each field as a response spells it.
const (
	taskChildren  = "<title>Title 0</title><done>false</done>"
	taskChildren2 = "<title>Title 1</title><done>true</done>"
)

func TestTasksSOAP(t *testing.T) {
	srv := newTestServer(t)
	status, body := post(t, srv.URL, op("CreateTask", taskChildren))
	if status != http.StatusOK || !strings.Contains(body, "<task>") {
		t.Fatalf("CreateTask: %d %s", status, body)
	}
	id := idElement.FindStringSubmatch(body)[1]
	if !strings.Contains(body, "<id>"+id+"</id>"+taskChildren+"<created_at>") {
		t.Errorf("CreateTask does not answer every field as sent: %s", body)
	}
	for _, c := range []struct{ name, payload, want string }{
		{"get", op("GetTask", "<id>"+id+"</id>"), "<id>" + id + "</id>" + taskChildren + "<created_at>"},
		{"list", op("ListTasks", "<limit>5</limit>"), "<total>1</total>"},
		{"update", op("UpdateTask", "<id>"+id+"</id>"+taskChildren2), "<id>" + id + "</id>" + taskChildren2 + "<created_at>"},
		{"get after update", op("GetTask", "<id>"+id+"</id>"), taskChildren2},
		{"delete", op("DeleteTask", "<id>"+id+"</id>"), "DeleteTaskResponse"},
		{"get after delete", op("GetTask", "<id>"+id+"</id>"), "soap:Client"},
		{"update after delete", op("UpdateTask", "<id>"+id+"</id>"+taskChildren), "no task has this id"},
		{"delete after delete", op("DeleteTask", "<id>"+id+"</id>"), "no task has this id"},
		{"update without an id", op("UpdateTask", taskChildren), "UpdateTask needs an &lt;id&gt;"},
		{"an unknown field", op("CreateTask", taskChildren+"<no_such_field>1</no_such_field>"), "soap:Client"},
		{"a bad limit", op("ListTasks", "<limit>0</limit>"), "soap:Client"},
		{"title: a blank string", op("CreateTask", "<title>   </title><done>false</done>"), "soap:Client"},
		{"title: a string of spaces only some runtimes trim", op("CreateTask", "<title>\u00a0\u200b\ufeff\u3000</title><done>false</done>"), "soap:Client"},
		{"title: one character too long", op("CreateTask", "<title>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</title><done>false</done>"), "soap:Client"},
	} {
		status, body := post(t, srv.URL, c.payload)
		if !strings.Contains(body, c.want) {
			t.Errorf("%s: %d %s, want %s", c.name, status, body, c.want)
		}
	}
}

func TestSOAPFaults(t *testing.T) {
	srv := newTestServer(t)
	for _, c := range []struct{ name, payload, code string }{
		{"SOAP 1.2", `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body/></env:Envelope>`, "soap:VersionMismatch"},
		{"mustUnderstand", `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><h:x xmlns:h="urn:h" soap:mustUnderstand="1"/></soap:Header><soap:Body/></soap:Envelope>`, "soap:MustUnderstand"},
		{"two Body children", strings.Replace(envelope, "%s", "<a/><b/>", 1), "soap:Client"},
		{"an empty Body", strings.Replace(envelope, "%s", "", 1), "soap:Client"},
		{"a DTD", `<!DOCTYPE x [<!ENTITY e "boom">]>` + strings.Replace(envelope, "%s", "<a>&e;</a>", 1), "soap:Client"},
		{"not XML", `hello`, "soap:Client"},
		{"over 1 MiB", strings.Replace(envelope, "%s", "<a>"+strings.Repeat("x", MaxBodyBytes)+"</a>", 1), "soap:Client"},
		{"an unknown operation", op("Nope", ""), "soap:Client"},
	} {
		status, body := post(t, srv.URL, c.payload)
		if status != http.StatusInternalServerError || !strings.Contains(body, "<faultcode>"+c.code+"</faultcode>") {
			t.Errorf("%s: %d %s, want a %s fault with HTTP 500", c.name, status, body, c.code)
		}
	}
}

func TestWSDLAddress(t *testing.T) {
	srv := newTestServer(t)
	resp, err := http.Get(srv.URL + "/soap?wsdl")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), `location="`+srv.URL+`/soap"`) {
		t.Errorf("the WSDL's soap:address is not this server's /soap:\n%s", b)
	}
}

func TestSOAPCharacterReferences(t *testing.T) {
	srv := newTestServer(t)
	for _, ref := range []string{"&#0;", "&#x0;", "&#xD800;", "&#55296;", "&#xdfff;"} {
		payload := op("CreateTask", strings.Replace(taskChildren, "</", ref+"</", 1))
		status, body := post(t, srv.URL, payload)
		if status != http.StatusInternalServerError || !strings.Contains(body, "soap:Client") {
			t.Errorf("%s in a field: %d %s, want a soap:Client fault", ref, status, body)
		}
	}
}

func TestBadCharRef(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want bool
	}{
		{"no reference", false},
		{"&#65;&#x41;&#xD7FF;&#xE000;&#x10FFFF;", false},
		{"&#0;", true},
		{"&#x0;", true},
		{"&#xD800;", true},
		{"&#xDFFF;", true},
		{"&#x110000;", true},
		{"&#4294967296;", true}, // does not fit in 32 bits
		{"&#65; then &#0;", true},
	} {
		if got := badCharRef([]byte(c.raw)); got != c.want {
			t.Errorf("badCharRef(%q) = %v, want %v", c.raw, got, c.want)
		}
	}
}

func TestRequestBody(t *testing.T) {
	kinds := map[string]kind{"n": number, "b": boolean, "s": text}
	for _, c := range []struct {
		name string
		v    value
		want string
	}{
		{"n", value{text: " 12 "}, `12`},
		{"n", value{text: "-1.5e3"}, `-1.5e3`},
		{"n", value{text: "twelve"}, `"twelve"`},
		{"n", value{text: "0x1p4"}, `"0x1p4"`}, // Go reads it, JSON does not
		{"n", value{text: "NaN"}, `"NaN"`},
		{"b", value{text: "1"}, `true`},
		{"b", value{text: "false"}, `false`},
		{"b", value{text: "yes"}, `"yes"`},
		{"s", value{text: ` a "b" `}, `" a \"b\" "`},
		{"s", value{nil: true}, `null`},
	} {
		req := &request{name: xml.Name{Local: "CreateThing"}, fields: map[string]value{c.name: c.v, "id": {text: "7"}}}
		body, err := req.body(kinds)
		if err != nil {
			t.Fatalf("<%s>%s: %v", c.name, c.v.text, err)
		}
		if len(body) != 1 || string(body[c.name]) != c.want {
			t.Errorf("<%s>%s: %s, want only %s", c.name, c.v.text, body, c.want)
		}
	}
	req := &request{name: xml.Name{Local: "CreateThing"}, fields: map[string]value{"colour": {text: "red"}}}
	if _, err := req.body(kinds); err == nil || !strings.Contains(err.Error(), "<colour> is not a field of CreateThing") {
		t.Errorf("an unknown element: %v", err)
	}
}

// wantFault posts payload and checks that the answer is a fault with code
// and a faultstring that contains detail.
func wantFault(t *testing.T, url, name, payload, code, detail string) {
	t.Helper()
	status, body := post(t, url, payload)
	if status != http.StatusInternalServerError || !strings.Contains(body, "<faultcode>"+code+"</faultcode>") || !strings.Contains(body, detail) {
		t.Errorf("%s: %d %s, want a %s fault with HTTP 500 saying %q", name, status, body, code, detail)
	}
}

// wantOK posts payload and checks that the answer is its operation's response.
func wantOK(t *testing.T, url, name, payload, response string) {
	t.Helper()
	status, body := post(t, url, payload)
	if status != http.StatusOK || !strings.Contains(body, response) {
		t.Errorf("%s: %d %s, want 200 with %s", name, status, body, response)
	}
}

func TestSOAPEnvelopeRules(t *testing.T) {
	srv := newTestServer(t)
	list := "<ListTasks xmlns=\"" + Namespace + "\"/>"
	in := func(header, body string) string {
		return `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">` + header + `<soap:Body>` + body + `</soap:Body></soap:Envelope>`
	}
	const response = "ListTasksResponse"
	wantOK(t, srv.URL, "a header nobody must understand", in(`<soap:Header><h:trace xmlns:h="urn:h" soap:mustUnderstand="0"><h:id>1</h:id></h:trace></soap:Header>`, list), response)
	wantOK(t, srv.URL, "mustUnderstand of another namespace", in(`<soap:Header><h:trace xmlns:h="urn:h" h:mustUnderstand="1"/></soap:Header>`, list), response)
	wantFault(t, srv.URL, "mustUnderstand=true", in(`<soap:Header><h:trace xmlns:h="urn:h" soap:mustUnderstand="true"/></soap:Header>`, list), "soap:MustUnderstand", "&lt;trace&gt;")
	wantFault(t, srv.URL, "an unclosed header", in(`<soap:Header><h:trace xmlns:h="urn:h">`, list), "soap:Client", "malformed soap:Header")
	wantFault(t, srv.URL, "a root that is no Envelope", `<Envelope/>`, "soap:Client", "unexpected &lt;Envelope&gt;")
	wantFault(t, srv.URL, "an unknown Envelope child", `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Trailer/></soap:Envelope>`, "soap:Client", "unexpected &lt;Trailer&gt;")
	wantFault(t, srv.URL, "an element after the Body", strings.Replace(in("", list), "</soap:Envelope>", "<extra/></soap:Envelope>", 1), "soap:Client", "unexpected &lt;extra&gt;")
	wantFault(t, srv.URL, "a field given twice", op("GetTask", "<id>1</id><id>2</id>"), "soap:Client", "&lt;id&gt; is given twice")
	wantFault(t, srv.URL, "a field holding an element", op("GetTask", "<id><n>1</n></id>"), "soap:Client", "must hold text")
	wantFault(t, srv.URL, "a field left open", op("GetTask", "<id>1"), "soap:Client", "not well-formed")
}

func TestSOAPBodyLimit(t *testing.T) {
	srv := newTestServer(t)
	call := op("ListTasks", "")
	padding := MaxBodyBytes - len(call)
	exact := strings.Replace(call, "<soap:Body>", "<soap:Body>"+strings.Repeat(" ", padding), 1)
	wantOK(t, srv.URL, "a request of exactly 1 MiB", exact, "ListTasksResponse")
	over := strings.Replace(exact, "<soap:Body>", "<soap:Body> ", 1)
	wantFault(t, srv.URL, "a request of 1 MiB and a byte", over, "soap:Client", "larger than 1 MiB")

	// Without a Content-Length the body is cut off as it is read.
	resp, err := http.Post(srv.URL+"/soap", "text/xml", io.MultiReader(strings.NewReader(over)))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusInternalServerError || !strings.Contains(string(b), "larger than 1 MiB") {
		t.Errorf("a chunked request over 1 MiB: %d %s", resp.StatusCode, b)
	}
}

func TestSOAPIDAndPage(t *testing.T) {
	srv := newTestServer(t)
	_, body := post(t, srv.URL, op("CreateTask", taskChildren))
	id := idElement.FindStringSubmatch(body)[1]
	const got = "<task>"
	wantOK(t, srv.URL, "xsi:nil=false", op("GetTask", `<id xsi:nil="false">`+id+"</id>"), got)
	wantOK(t, srv.URL, "nil of another namespace", op("GetTask", `<id xmlns:o="urn:o" o:nil="true">`+id+"</id>"), got)
	wantOK(t, srv.URL, "another xsi attribute", op("GetTask", `<id xsi:type="true">`+id+"</id>"), got)
	for _, nilValue := range []string{"true", "1"} {
		wantFault(t, srv.URL, "xsi:nil="+nilValue, op("GetTask", `<id xsi:nil="`+nilValue+`"/>`), "soap:Client", "needs an &lt;id&gt;")
	}
	wantFault(t, srv.URL, "no id", op("DeleteTask", ""), "soap:Client", "DeleteTask needs an &lt;id&gt;")
	wantOK(t, srv.URL, "an offset past the end", op("ListTasks", "<offset>1</offset>"), "<total>1</total>")
	wantFault(t, srv.URL, "a list parameter that is not one", op("ListTasks", "<sort>id</sort>"), "soap:Client", "&lt;sort&gt; is not a parameter of ListTasks")
}

// brokenStore is a task store whose database has failed.
type brokenStore struct{ task.Store }

func (brokenStore) List(context.Context, task.Query) ([]task.Task, int64, error) {
	return nil, 0, errors.New("disk I/O error at /var/lib/db")
}

func TestSOAPServerFault(t *testing.T) {
	var logged bytes.Buffer
	h := NewHandler(Deps{
		Log:   slog.New(slog.NewTextHandler(&logged, nil)),
		Tasks: brokenStore{tasktest.NewMemory()},
	})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/soap", strings.NewReader(op("ListTasks", ""))))
	body := w.Body.String()
	if w.Code != http.StatusInternalServerError || !strings.Contains(body, "<faultcode>soap:Server</faultcode>") {
		t.Errorf("a failing store: %d %s, want a soap:Server fault", w.Code, body)
	}
	if strings.Contains(body, "disk") || !strings.Contains(logged.String(), "disk I/O error") {
		t.Errorf("the cause must be logged, not answered: answer %s, log %s", body, logged.String())
	}
}

func TestSOAPMethods(t *testing.T) {
	h := newTestServer(t).Config.Handler
	serve := func(method, target string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(method, target, nil))
		return w
	}
	if w := serve(http.MethodGet, "/soap"); w.Code != http.StatusInternalServerError || !strings.Contains(w.Body.String(), "GET /soap?wsdl") {
		t.Errorf("GET /soap: %d %s, want a fault naming GET /soap?wsdl", w.Code, w.Body)
	}
	if w := serve(http.MethodHead, "/soap?wsdl"); w.Code != http.StatusOK || w.Header().Get("Content-Type") != "text/xml; charset=utf-8" {
		t.Errorf("HEAD /soap?wsdl: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	w := serve(http.MethodPut, "/soap")
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD, POST" || !strings.Contains(w.Body.String(), "<faultcode>soap:Client</faultcode>") {
		t.Errorf("PUT /soap: %d, Allow %q, %s, want 405 with a fault", w.Code, w.Header().Get("Allow"), w.Body)
	}
	r := httptest.NewRequest(http.MethodGet, "/soap?wsdl", nil)
	r.Host, r.TLS = "api.example.com", &tls.ConnectionState{}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if !strings.Contains(w.Body.String(), `location="https://api.example.com/soap"`) {
		t.Errorf("over TLS the WSDL's soap:address is not https://api.example.com/soap:\n%s", w.Body)
	}
}
