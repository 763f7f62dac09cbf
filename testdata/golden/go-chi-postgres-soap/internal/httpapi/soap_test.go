package httpapi

import (
	"encoding/xml"
	"net/http"
	"strings"
	"testing"

	"github.com/octocat/shop-api/internal/soap"
)

const xmlType = "text/xml; charset=utf-8"

func envelope(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` +
		`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="` + soap.Namespace + `">` +
		`<soap:Header/><soap:Body>` + body + `</soap:Body></soap:Envelope>`
}

type faultBody struct {
	Fault struct {
		Code   string `xml:"faultcode"`
		String string `xml:"faultstring"`
	} `xml:"Body>Fault"`
}

func call(t *testing.T, url, body string) (response, string) {
	t.Helper()
	return do(t, http.MethodPost, url+"/soap", xmlType, envelope(body))
}

func wantFault(t *testing.T, resp response, body, code string) {
	t.Helper()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("status = %d, want 500 (%s)", resp.StatusCode, body)
	}
	var f faultBody
	if err := xml.Unmarshal([]byte(body), &f); err != nil {
		t.Fatalf("decode fault: %v\n%s", err, body)
	}
	if f.Fault.Code != code || f.Fault.String == "" {
		t.Fatalf("fault = %+v, want %s", f.Fault, code)
	}
}

type itemOut struct {
	ID        string `xml:"id"`
	Title     string `xml:"title"`
	Done      bool   `xml:"done"`
	CreatedAt string `xml:"created_at"`
}

func TestSOAPWSDL(t *testing.T) {
	srv, _ := newTestServer(t)
	resp, body := do(t, http.MethodGet, srv.URL+"/soap?wsdl", "", "")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "wsdl:definitions") || !strings.Contains(body, soap.Namespace) {
		t.Fatalf("GET /soap?wsdl = %d %.80q", resp.StatusCode, body)
	}
	// Clients generated from the WSDL call its soap:address: it must be where this
	// server really is (httptest picks a free port), not the file's localhost:8080.
	if want := `location="` + srv.URL + `/soap"`; !strings.Contains(body, want) {
		t.Errorf("the WSDL's soap:address should be %s, got %q", want, addressOf(body))
	}
}

func addressOf(wsdl string) string {
	if i := strings.Index(wsdl, "<soap:address"); i >= 0 {
		end := strings.Index(wsdl[i:], ">")
		return wsdl[i : i+end+1]
	}
	return "(no soap:address)"
}

func TestSOAPOperations(t *testing.T) {
	srv, _ := newTestServer(t)

	resp, body := call(t, srv.URL, `<t:CreateTask><t:title>Write tests</t:title></t:CreateTask>`)
	var created struct {
		XMLName xml.Name
		Item    itemOut `xml:"Body>CreateTaskResponse>task"`
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("Create = %d %s", resp.StatusCode, body)
	}
	if err := xml.Unmarshal([]byte(body), &created); err != nil || created.Item.ID == "" || created.Item.Title != "Write tests" || created.Item.Done {
		t.Fatalf("Create = %s (%v)", body, err)
	}
	if !strings.Contains(body, `<CreateTaskResponse xmlns="`+soap.Namespace+`">`) {
		t.Fatalf("response element not in the target namespace: %s", body)
	}
	id := created.Item.ID

	resp, body = call(t, srv.URL, `<t:GetTask><t:id>`+id+`</t:id></t:GetTask>`)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "<title>Write tests</title>") {
		t.Fatalf("Get = %d %s", resp.StatusCode, body)
	}

	resp, body = call(t, srv.URL, `<t:UpdateTask><t:id>`+id+`</t:id><t:title>Done</t:title><t:done>true</t:done></t:UpdateTask>`)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "<done>true</done>") {
		t.Fatalf("Update = %d %s", resp.StatusCode, body)
	}

	resp, body = call(t, srv.URL, `<t:ListTasks><t:limit>10</t:limit></t:ListTasks>`)
	var list struct {
		Items []itemOut `xml:"Body>ListTasksResponse>task"`
		Total int       `xml:"Body>ListTasksResponse>total"`
	}
	if err := xml.Unmarshal([]byte(body), &list); err != nil || resp.StatusCode != http.StatusOK || list.Total != 1 || len(list.Items) != 1 {
		t.Fatalf("List = %d %s (%v)", resp.StatusCode, body, err)
	}

	resp, body = call(t, srv.URL, `<t:DeleteTask><t:id>`+id+`</t:id></t:DeleteTask>`)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "DeleteTaskResponse") {
		t.Fatalf("Delete = %d %s", resp.StatusCode, body)
	}

	resp, body = call(t, srv.URL, `<t:GetTask><t:id>`+id+`</t:id></t:GetTask>`)
	wantFault(t, resp, body, "soap:Client")
}

func TestSOAPFaults(t *testing.T) {
	srv, _ := newTestServer(t)
	tests := []struct{ name, body string }{
		{"empty title", `<t:CreateTask><t:title></t:title></t:CreateTask>`},
		{"missing title", `<t:CreateTask><t:done>true</t:done></t:CreateTask>`},
		{"title too long", `<t:CreateTask><t:title>` + strings.Repeat("x", 201) + `</t:title></t:CreateTask>`},
		{"bad done", `<t:CreateTask><t:title>x</t:title><t:done>maybe</t:done></t:CreateTask>`},
		{"unknown id", `<t:GetTask><t:id>999999</t:id></t:GetTask>`},
		{"malformed id", `<t:DeleteTask><t:id>abc</t:id></t:DeleteTask>`},
		{"bad limit", `<t:ListTasks><t:limit>1000</t:limit></t:ListTasks>`},
		{"unknown operation", `<t:Frobnicate/>`},
		{"wrong namespace", `<GetTask xmlns="urn:other"><id>1</id></GetTask>`},
		{"empty body", ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := call(t, srv.URL, tt.body)
			wantFault(t, resp, body, "soap:Client")
		})
	}

	for name, raw := range map[string]string{
		"not XML":     "hello",
		"not SOAP":    "<a/>",
		"DTD refused": `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>` + envelope(`<t:GetTask><t:id>&e;</t:id></t:GetTask>`)[len(`<?xml version="1.0" encoding="UTF-8"?>`):],
	} {
		t.Run(name, func(t *testing.T) {
			resp, body := do(t, http.MethodPost, srv.URL+"/soap", xmlType, raw)
			wantFault(t, resp, body, "soap:Client")
		})
	}
}
