package soap

import (
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

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

// taskChildren is the first example as request children.
const taskChildren = "<title>Title 0</title><done>false</done>"

func TestTasksSOAP(t *testing.T) {
	srv := newTestServer(t)
	status, body := post(t, srv.URL, op("CreateTask", taskChildren))
	if status != http.StatusOK || !strings.Contains(body, "<task>") {
		t.Fatalf("CreateTask: %d %s", status, body)
	}
	id := idElement.FindStringSubmatch(body)[1]
	for _, c := range []struct{ name, payload, want string }{
		{"get", op("GetTask", "<id>"+id+"</id>"), "<task>"},
		{"list", op("ListTasks", "<limit>5</limit>"), "<total>1</total>"},
		{"update", op("UpdateTask", "<id>"+id+"</id>"+taskChildren), "<task>"},
		{"delete", op("DeleteTask", "<id>"+id+"</id>"), "DeleteTaskResponse"},
		{"get after delete", op("GetTask", "<id>"+id+"</id>"), "soap:Client"},
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
