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

	"github.com/octocat/shelf/internal/author/authortest"
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

// bookChildren is the first example as request children.
const bookChildren = "<title>Title 0</title><summary>Some notes on summary, number 0</summary><pages>1</pages><price>0</price><available>false</available><published_on>2024-05-01</published_on><last_read_at>2024-05-01T09:30:00Z</last_read_at><status>wishlist</status><isbn>Isbn 0</isbn>"

func TestBooksSOAP(t *testing.T) {
	srv := newTestServer(t)
	status, body := post(t, srv.URL, op("CreateBook", bookChildren))
	if status != http.StatusOK || !strings.Contains(body, "<book>") {
		t.Fatalf("CreateBook: %d %s", status, body)
	}
	id := idElement.FindStringSubmatch(body)[1]
	for _, c := range []struct{ name, payload, want string }{
		{"get", op("GetBook", "<id>"+id+"</id>"), "<book>"},
		{"list", op("ListBooks", "<limit>5</limit>"), "<total>1</total>"},
		{"update", op("UpdateBook", "<id>"+id+"</id>"+bookChildren), "<book>"},
		{"delete", op("DeleteBook", "<id>"+id+"</id>"), "DeleteBookResponse"},
		{"get after delete", op("GetBook", "<id>"+id+"</id>"), "soap:Client"},
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

// authorChildren is the first example as request children.
const authorChildren = "<full_name>Full name 0</full_name><born_on>2024-05-01</born_on><rating>0</rating><books_written>0</books_written><email>Email 0</email><genre>fiction</genre><biography>Some notes on biography, number 0</biography><active>false</active><verified_at>2024-05-01T09:30:00Z</verified_at>"

func TestAuthorsSOAP(t *testing.T) {
	srv := newTestServer(t)
	status, body := post(t, srv.URL, op("CreateAuthor", authorChildren))
	if status != http.StatusOK || !strings.Contains(body, "<author>") {
		t.Fatalf("CreateAuthor: %d %s", status, body)
	}
	id := idElement.FindStringSubmatch(body)[1]
	for _, c := range []struct{ name, payload, want string }{
		{"get", op("GetAuthor", "<id>"+id+"</id>"), "<author>"},
		{"list", op("ListAuthors", "<limit>5</limit>"), "<total>1</total>"},
		{"update", op("UpdateAuthor", "<id>"+id+"</id>"+authorChildren), "<author>"},
		{"delete", op("DeleteAuthor", "<id>"+id+"</id>"), "DeleteAuthorResponse"},
		{"get after delete", op("GetAuthor", "<id>"+id+"</id>"), "soap:Client"},
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
