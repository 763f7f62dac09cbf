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

	"github.com/octocat/shelf/internal/author/authortest"
	"github.com/octocat/shelf/internal/book"
	"github.com/octocat/shelf/internal/book/booktest"
)

// newTestServer serves the SOAP endpoint at /soap on in-memory stores.
func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/soap", NewHandler(Deps{
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Books:   booktest.NewMemory(),
		Authors: authortest.NewMemory(),
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

// bookChildren and bookChildren2 are two examples as request
// children, each field as a response spells it.
const (
	bookChildren  = "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"
	bookChildren2 = "<title>Title 1</title><summary>Some notes on summary, number 1</summary><pages>2</pages><price>1.25</price><available>true</available><published_on>2024-05-02</published_on><last_read_at>2024-05-01T10:30:00Z</last_read_at><status>reading</status><isbn>Isbn 1</isbn>"
)

func TestBooksSOAP(t *testing.T) {
	srv := newTestServer(t)
	status, body := post(t, srv.URL, op("CreateBook", bookChildren))
	if status != http.StatusOK || !strings.Contains(body, "<book>") {
		t.Fatalf("CreateBook: %d %s", status, body)
	}
	id := idElement.FindStringSubmatch(body)[1]
	if !strings.Contains(body, "<id>"+id+"</id>"+bookChildren+"<created_at>") {
		t.Errorf("CreateBook does not answer every field as sent: %s", body)
	}
	for _, c := range []struct{ name, payload, want string }{
		{"get", op("GetBook", "<id>"+id+"</id>"), "<id>" + id + "</id>" + bookChildren + "<created_at>"},
		{"list", op("ListBooks", "<limit>5</limit>"), "<total>1</total>"},
		{"update", op("UpdateBook", "<id>"+id+"</id>"+bookChildren2), "<id>" + id + "</id>" + bookChildren2 + "<created_at>"},
		{"get after update", op("GetBook", "<id>"+id+"</id>"), bookChildren2},
		{"delete", op("DeleteBook", "<id>"+id+"</id>"), "DeleteBookResponse"},
		{"get after delete", op("GetBook", "<id>"+id+"</id>"), "soap:Client"},
		{"update after delete", op("UpdateBook", "<id>"+id+"</id>"+bookChildren), "no book has this id"},
		{"delete after delete", op("DeleteBook", "<id>"+id+"</id>"), "no book has this id"},
		{"update without an id", op("UpdateBook", bookChildren), "UpdateBook needs an &lt;id&gt;"},
		{"an unknown field", op("CreateBook", bookChildren+"<no_such_field>1</no_such_field>"), "soap:Client"},
		{"a bad limit", op("ListBooks", "<limit>0</limit>"), "soap:Client"},
		{"title: a blank string", op("CreateBook", "<title>   </title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"title: a string of spaces only some runtimes trim", op("CreateBook", "<title>\u00a0\u200b\ufeff\u3000</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"title: one character too long", op("CreateBook", "<title>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"pages: a fraction", op("CreateBook", "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>1.5</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"pages: one below the minimum", op("CreateBook", "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>0</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"pages: one above the maximum", op("CreateBook", "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>10001</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"price: below the minimum", op("CreateBook", "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>-1</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"published_on: a day that does not exist", op("CreateBook", "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>2024-02-30</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"published_on: a date in another format", op("CreateBook", "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>31/05/2024</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"last_read_at: a date and time without a zone", op("CreateBook", "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-31T14:30:00</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"last_read_at: a date alone", op("CreateBook", "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-31</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"status: a value not in the list", op("CreateBook", "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>not_wishlist</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"status: a value in the wrong case", op("CreateBook", "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>WISHLIST</status><isbn>Isbn 0</isbn>"), "soap:Client"},
		{"isbn: one character too long", op("CreateBook", "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>xxxxxxxxxxxxxxxxxx</isbn>"), "soap:Client"},
	} {
		status, body := post(t, srv.URL, c.payload)
		if !strings.Contains(body, c.want) {
			t.Errorf("%s: %d %s, want %s", c.name, status, body, c.want)
		}
	}
}

// authorChildren and authorChildren2 are two examples as request
// children, each field as a response spells it.
const (
	authorChildren  = "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"
	authorChildren2 = "<full_name>Full name 1</full_name><born_on>2024-05-02</born_on><rating>1.25</rating><books_written>1</books_written><email>Email 1</email><genre>non_fiction</genre><biography>Some notes on biography, number 1</biography><active>true</active><verified_at>2024-05-01T10:30:00Z</verified_at>"
)

func TestAuthorsSOAP(t *testing.T) {
	srv := newTestServer(t)
	status, body := post(t, srv.URL, op("CreateAuthor", authorChildren))
	if status != http.StatusOK || !strings.Contains(body, "<author>") {
		t.Fatalf("CreateAuthor: %d %s", status, body)
	}
	id := idElement.FindStringSubmatch(body)[1]
	if !strings.Contains(body, "<id>"+id+"</id>"+authorChildren+"<created_at>") {
		t.Errorf("CreateAuthor does not answer every field as sent: %s", body)
	}
	for _, c := range []struct{ name, payload, want string }{
		{"get", op("GetAuthor", "<id>"+id+"</id>"), "<id>" + id + "</id>" + authorChildren + "<created_at>"},
		{"list", op("ListAuthors", "<limit>5</limit>"), "<total>1</total>"},
		{"update", op("UpdateAuthor", "<id>"+id+"</id>"+authorChildren2), "<id>" + id + "</id>" + authorChildren2 + "<created_at>"},
		{"get after update", op("GetAuthor", "<id>"+id+"</id>"), authorChildren2},
		{"delete", op("DeleteAuthor", "<id>"+id+"</id>"), "DeleteAuthorResponse"},
		{"get after delete", op("GetAuthor", "<id>"+id+"</id>"), "soap:Client"},
		{"update after delete", op("UpdateAuthor", "<id>"+id+"</id>"+authorChildren), "no author has this id"},
		{"delete after delete", op("DeleteAuthor", "<id>"+id+"</id>"), "no author has this id"},
		{"update without an id", op("UpdateAuthor", authorChildren), "UpdateAuthor needs an &lt;id&gt;"},
		{"an unknown field", op("CreateAuthor", authorChildren+"<no_such_field>1</no_such_field>"), "soap:Client"},
		{"a bad limit", op("ListAuthors", "<limit>0</limit>"), "soap:Client"},
		{"full_name: a blank string", op("CreateAuthor", "<full_name>   </full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"full_name: a string of spaces only some runtimes trim", op("CreateAuthor", "<full_name>\u00a0\u200b\ufeff\u3000</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"full_name: one character too short", op("CreateAuthor", "<full_name>a</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"full_name: one character too long", op("CreateAuthor", "<full_name>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"born_on: a day that does not exist", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>2024-02-30</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"born_on: a date in another format", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>31/05/2024</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"rating: below the minimum", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>-1</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"rating: above the maximum", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>6</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"books_written: a fraction", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>1.5</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"books_written: one below the minimum", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>-1</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"email: one character too long", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"genre: a value not in the list", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>not_fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"genre: a value in the wrong case", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>FICTION</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"biography: one character too long", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"), "soap:Client"},
		{"verified_at: a date and time without a zone", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-31T14:30:00</verified_at>"), "soap:Client"},
		{"verified_at: a date alone", op("CreateAuthor", "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-31</verified_at>"), "soap:Client"},
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
		payload := op("CreateBook", strings.Replace(bookChildren, "</", ref+"</", 1))
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
	list := "<ListBooks xmlns=\"" + Namespace + "\"/>"
	in := func(header, body string) string {
		return `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">` + header + `<soap:Body>` + body + `</soap:Body></soap:Envelope>`
	}
	const response = "ListBooksResponse"
	wantOK(t, srv.URL, "a header nobody must understand", in(`<soap:Header><h:trace xmlns:h="urn:h" soap:mustUnderstand="0"><h:id>1</h:id></h:trace></soap:Header>`, list), response)
	wantOK(t, srv.URL, "mustUnderstand of another namespace", in(`<soap:Header><h:trace xmlns:h="urn:h" h:mustUnderstand="1"/></soap:Header>`, list), response)
	wantFault(t, srv.URL, "mustUnderstand=true", in(`<soap:Header><h:trace xmlns:h="urn:h" soap:mustUnderstand="true"/></soap:Header>`, list), "soap:MustUnderstand", "&lt;trace&gt;")
	wantFault(t, srv.URL, "an unclosed header", in(`<soap:Header><h:trace xmlns:h="urn:h">`, list), "soap:Client", "malformed soap:Header")
	wantFault(t, srv.URL, "a root that is no Envelope", `<Envelope/>`, "soap:Client", "unexpected &lt;Envelope&gt;")
	wantFault(t, srv.URL, "an unknown Envelope child", `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Trailer/></soap:Envelope>`, "soap:Client", "unexpected &lt;Trailer&gt;")
	wantFault(t, srv.URL, "an element after the Body", strings.Replace(in("", list), "</soap:Envelope>", "<extra/></soap:Envelope>", 1), "soap:Client", "unexpected &lt;extra&gt;")
	wantFault(t, srv.URL, "a field given twice", op("GetBook", "<id>1</id><id>2</id>"), "soap:Client", "&lt;id&gt; is given twice")
	wantFault(t, srv.URL, "a field holding an element", op("GetBook", "<id><n>1</n></id>"), "soap:Client", "must hold text")
	wantFault(t, srv.URL, "a field left open", op("GetBook", "<id>1"), "soap:Client", "not well-formed")
}

func TestSOAPBodyLimit(t *testing.T) {
	srv := newTestServer(t)
	call := op("ListBooks", "")
	padding := MaxBodyBytes - len(call)
	exact := strings.Replace(call, "<soap:Body>", "<soap:Body>"+strings.Repeat(" ", padding), 1)
	wantOK(t, srv.URL, "a request of exactly 1 MiB", exact, "ListBooksResponse")
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
	_, body := post(t, srv.URL, op("CreateBook", bookChildren))
	id := idElement.FindStringSubmatch(body)[1]
	const got = "<book>"
	wantOK(t, srv.URL, "xsi:nil=false", op("GetBook", `<id xsi:nil="false">`+id+"</id>"), got)
	wantOK(t, srv.URL, "nil of another namespace", op("GetBook", `<id xmlns:o="urn:o" o:nil="true">`+id+"</id>"), got)
	wantOK(t, srv.URL, "another xsi attribute", op("GetBook", `<id xsi:type="true">`+id+"</id>"), got)
	for _, nilValue := range []string{"true", "1"} {
		wantFault(t, srv.URL, "xsi:nil="+nilValue, op("GetBook", `<id xsi:nil="`+nilValue+`"/>`), "soap:Client", "needs an &lt;id&gt;")
	}
	wantFault(t, srv.URL, "no id", op("DeleteBook", ""), "soap:Client", "DeleteBook needs an &lt;id&gt;")
	wantOK(t, srv.URL, "an offset past the end", op("ListBooks", "<offset>1</offset>"), "<total>1</total>")
	wantFault(t, srv.URL, "a list parameter that is not one", op("ListBooks", "<sort>id</sort>"), "soap:Client", "&lt;sort&gt; is not a parameter of ListBooks")
}

// brokenStore is a book store whose database has failed.
type brokenStore struct{ book.Store }

func (brokenStore) List(context.Context, book.Query) ([]book.Book, int64, error) {
	return nil, 0, errors.New("disk I/O error at /var/lib/db")
}

func TestSOAPServerFault(t *testing.T) {
	var logged bytes.Buffer
	h := NewHandler(Deps{
		Log:     slog.New(slog.NewTextHandler(&logged, nil)),
		Books:   brokenStore{booktest.NewMemory()},
		Authors: authortest.NewMemory(),
	})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/soap", strings.NewReader(op("ListBooks", ""))))
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
