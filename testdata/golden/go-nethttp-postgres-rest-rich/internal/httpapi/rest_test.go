package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// answer is a response with its body read.
type answer struct {
	status int
	header http.Header
	body   string
}

// call sends one request and reads the answer.
func call(t *testing.T, method, url, contentType, body string) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

func wantStatus(t *testing.T, what string, a answer, status int) {
	t.Helper()
	if a.status != status {
		t.Fatalf("%s: status %d, want %d\n%s", what, a.status, status, a.body)
	}
	if status >= 400 && a.header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("%s: Content-Type %q, want application/problem+json", what, a.header.Get("Content-Type"))
	}
}

func TestBooksAPI(t *testing.T) {
	srv := newTestServer(t)
	base := srv.URL + BooksPath

	a := call(t, http.MethodPost, base, "application/json", "{\"title\":\"Title 0\",\"summary\":\"Some notes on summary, number 0\",\"pages\":1,\"price\":0,\"available\":false,\"published_on\":\"2024-05-01\",\"last_read_at\":\"2024-05-01T09:30:00Z\",\"status\":\"wishlist\",\"isbn\":\"Isbn 0\"}")
	wantStatus(t, "create", a, http.StatusCreated)
	var created map[string]any
	if err := json.Unmarshal([]byte(a.body), &created); err != nil {
		t.Fatal(err)
	}
	loc := a.header.Get("Location")
	if loc == "" || a.header.Get("Cache-Control") != "no-store" || a.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("create: headers %v, want Location, Cache-Control: no-store, X-Content-Type-Options: nosniff", a.header)
	}
	for _, key := range []string{"id", "title", "summary", "pages", "price", "available", "published_on", "last_read_at", "status", "isbn", "created_at", "updated_at"} {
		if _, ok := created[key]; !ok {
			t.Errorf("create: the answer has no %q: %s", key, a.body)
		}
	}

	a = call(t, http.MethodGet, srv.URL+loc, "", "")
	wantStatus(t, "get", a, http.StatusOK)

	a = call(t, http.MethodPatch, srv.URL+loc, "application/merge-patch+json", `{}`)
	wantStatus(t, "patch {}", a, http.StatusOK)

	a = call(t, http.MethodPatch, srv.URL+loc, "application/merge-patch+json", `{"title":null}`)
	wantStatus(t, "patch title: null", a, http.StatusUnprocessableEntity)
	if !strings.Contains(a.body, `"field":"title"`) {
		t.Errorf("patch title: null: the problem does not name the field: %s", a.body)
	}

	a = call(t, http.MethodPatch, srv.URL+loc, "application/merge-patch+json", `{"available":null}`)
	wantStatus(t, "patch available: null", a, http.StatusUnprocessableEntity)
	if !strings.Contains(a.body, `"field":"available"`) {
		t.Errorf("patch available: null: the problem does not name the field: %s", a.body)
	}

	a = call(t, http.MethodPatch, srv.URL+loc, "application/merge-patch+json", `{"status":null}`)
	wantStatus(t, "patch status: null", a, http.StatusUnprocessableEntity)
	if !strings.Contains(a.body, `"field":"status"`) {
		t.Errorf("patch status: null: the problem does not name the field: %s", a.body)
	}

	a = call(t, http.MethodPut, srv.URL+loc, "application/json", "{\"title\":\"Title 1\",\"summary\":\"Some notes on summary, number 1\",\"pages\":2,\"price\":1.25,\"available\":true,\"published_on\":\"2024-05-02\",\"last_read_at\":\"2024-05-01T10:30:00Z\",\"status\":\"reading\",\"isbn\":\"Isbn 1\"}")
	wantStatus(t, "put", a, http.StatusOK)

	a = call(t, http.MethodPut, srv.URL+loc, "text/plain", "{\"title\":\"Title 1\",\"summary\":\"Some notes on summary, number 1\",\"pages\":2,\"price\":1.25,\"available\":true,\"published_on\":\"2024-05-02\",\"last_read_at\":\"2024-05-01T10:30:00Z\",\"status\":\"reading\",\"isbn\":\"Isbn 1\"}")
	wantStatus(t, "put as text/plain", a, http.StatusUnsupportedMediaType)

	a = call(t, http.MethodPost, base, "application/json", `{"no_such_field":1}`)
	wantStatus(t, "an unknown field", a, http.StatusUnprocessableEntity)

	a = call(t, http.MethodGet, base+"?limit=1&offset=0", "", "")
	wantStatus(t, "list", a, http.StatusOK)
	if !regexp.MustCompile(`"total":1\b`).MatchString(a.body) {
		t.Errorf("list: %s, want total 1", a.body)
	}
	for _, bad := range []string{"limit=", "limit=0", "limit=101", "offset=-1", "limit=1&limit=2", "sort=nope"} {
		a = call(t, http.MethodGet, base+"?"+bad, "", "")
		wantStatus(t, "list?"+bad, a, http.StatusBadRequest)
	}

	a = call(t, http.MethodDelete, srv.URL+loc, "", "")
	wantStatus(t, "delete", a, http.StatusNoContent)
	a = call(t, http.MethodGet, srv.URL+loc, "", "")
	wantStatus(t, "get after delete", a, http.StatusNotFound)
	a = call(t, http.MethodGet, base+"/not-an-id", "", "")
	wantStatus(t, "a malformed id", a, http.StatusNotFound)

	a = call(t, http.MethodPost, base+"/1", "application/json", `{}`)
	wantStatus(t, "POST on an item", a, http.StatusMethodNotAllowed)
	if allow := a.header.Get("Allow"); !strings.Contains(allow, "GET") || !strings.Contains(allow, "DELETE") {
		t.Errorf("405: Allow %q, want the item's methods", allow)
	}
}

func TestAuthorsAPI(t *testing.T) {
	srv := newTestServer(t)
	base := srv.URL + AuthorsPath

	a := call(t, http.MethodPost, base, "application/json", "{\"full_name\":\"Full name 0\",\"born_on\":\"2024-05-01\",\"rating\":0,\"books_written\":0,\"email\":\"Email 0\",\"genre\":\"fiction\",\"biography\":\"Some notes on biography, number 0\",\"active\":false,\"verified_at\":\"2024-05-01T09:30:00Z\"}")
	wantStatus(t, "create", a, http.StatusCreated)
	var created map[string]any
	if err := json.Unmarshal([]byte(a.body), &created); err != nil {
		t.Fatal(err)
	}
	loc := a.header.Get("Location")
	if loc == "" || a.header.Get("Cache-Control") != "no-store" || a.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("create: headers %v, want Location, Cache-Control: no-store, X-Content-Type-Options: nosniff", a.header)
	}
	for _, key := range []string{"id", "full_name", "born_on", "rating", "books_written", "email", "genre", "biography", "active", "verified_at", "created_at", "updated_at"} {
		if _, ok := created[key]; !ok {
			t.Errorf("create: the answer has no %q: %s", key, a.body)
		}
	}

	a = call(t, http.MethodGet, srv.URL+loc, "", "")
	wantStatus(t, "get", a, http.StatusOK)

	a = call(t, http.MethodPatch, srv.URL+loc, "application/merge-patch+json", `{}`)
	wantStatus(t, "patch {}", a, http.StatusOK)

	a = call(t, http.MethodPatch, srv.URL+loc, "application/merge-patch+json", `{"full_name":null}`)
	wantStatus(t, "patch full_name: null", a, http.StatusUnprocessableEntity)
	if !strings.Contains(a.body, `"field":"full_name"`) {
		t.Errorf("patch full_name: null: the problem does not name the field: %s", a.body)
	}

	a = call(t, http.MethodPatch, srv.URL+loc, "application/merge-patch+json", `{"born_on":null}`)
	wantStatus(t, "patch born_on: null", a, http.StatusUnprocessableEntity)
	if !strings.Contains(a.body, `"field":"born_on"`) {
		t.Errorf("patch born_on: null: the problem does not name the field: %s", a.body)
	}

	a = call(t, http.MethodPatch, srv.URL+loc, "application/merge-patch+json", `{"books_written":null}`)
	wantStatus(t, "patch books_written: null", a, http.StatusUnprocessableEntity)
	if !strings.Contains(a.body, `"field":"books_written"`) {
		t.Errorf("patch books_written: null: the problem does not name the field: %s", a.body)
	}

	a = call(t, http.MethodPatch, srv.URL+loc, "application/merge-patch+json", `{"active":null}`)
	wantStatus(t, "patch active: null", a, http.StatusUnprocessableEntity)
	if !strings.Contains(a.body, `"field":"active"`) {
		t.Errorf("patch active: null: the problem does not name the field: %s", a.body)
	}

	a = call(t, http.MethodPatch, srv.URL+loc, "application/merge-patch+json", `{"verified_at":null}`)
	wantStatus(t, "patch verified_at: null", a, http.StatusUnprocessableEntity)
	if !strings.Contains(a.body, `"field":"verified_at"`) {
		t.Errorf("patch verified_at: null: the problem does not name the field: %s", a.body)
	}

	a = call(t, http.MethodPut, srv.URL+loc, "application/json", "{\"full_name\":\"Full name 1\",\"born_on\":\"2024-05-02\",\"rating\":1.25,\"books_written\":1,\"email\":\"Email 1\",\"genre\":\"non_fiction\",\"biography\":\"Some notes on biography, number 1\",\"active\":true,\"verified_at\":\"2024-05-01T10:30:00Z\"}")
	wantStatus(t, "put", a, http.StatusOK)

	a = call(t, http.MethodPut, srv.URL+loc, "text/plain", "{\"full_name\":\"Full name 1\",\"born_on\":\"2024-05-02\",\"rating\":1.25,\"books_written\":1,\"email\":\"Email 1\",\"genre\":\"non_fiction\",\"biography\":\"Some notes on biography, number 1\",\"active\":true,\"verified_at\":\"2024-05-01T10:30:00Z\"}")
	wantStatus(t, "put as text/plain", a, http.StatusUnsupportedMediaType)

	a = call(t, http.MethodPost, base, "application/json", `{"no_such_field":1}`)
	wantStatus(t, "an unknown field", a, http.StatusUnprocessableEntity)

	a = call(t, http.MethodGet, base+"?limit=1&offset=0", "", "")
	wantStatus(t, "list", a, http.StatusOK)
	if !regexp.MustCompile(`"total":1\b`).MatchString(a.body) {
		t.Errorf("list: %s, want total 1", a.body)
	}
	for _, bad := range []string{"limit=", "limit=0", "limit=101", "offset=-1", "limit=1&limit=2", "sort=nope"} {
		a = call(t, http.MethodGet, base+"?"+bad, "", "")
		wantStatus(t, "list?"+bad, a, http.StatusBadRequest)
	}

	a = call(t, http.MethodDelete, srv.URL+loc, "", "")
	wantStatus(t, "delete", a, http.StatusNoContent)
	a = call(t, http.MethodGet, srv.URL+loc, "", "")
	wantStatus(t, "get after delete", a, http.StatusNotFound)
	a = call(t, http.MethodGet, base+"/not-an-id", "", "")
	wantStatus(t, "a malformed id", a, http.StatusNotFound)

	a = call(t, http.MethodPost, base+"/1", "application/json", `{}`)
	wantStatus(t, "POST on an item", a, http.StatusMethodNotAllowed)
	if allow := a.header.Get("Allow"); !strings.Contains(allow, "GET") || !strings.Contains(allow, "DELETE") {
		t.Errorf("405: Allow %q, want the item's methods", allow)
	}
}

func TestServiceRoutes(t *testing.T) {
	srv := newTestServer(t)
	a := call(t, http.MethodGet, srv.URL+"/healthz", "text/weird", "")
	wantStatus(t, "healthz", a, http.StatusOK)
	a = call(t, http.MethodGet, srv.URL+"/no/such/route", "", "")
	wantStatus(t, "an unknown route", a, http.StatusNotFound)
	a = call(t, http.MethodGet, srv.URL+"/openapi.yaml", "", "")
	wantStatus(t, "openapi.yaml", a, http.StatusOK)

	a = call(t, http.MethodGet, srv.URL+"/docs", "", "")
	wantStatus(t, "docs", a, http.StatusOK)
	assets := regexp.MustCompile(`(?:src|href)="([^"]+\.(?:js|css))"`).FindAllStringSubmatch(a.body, -1)
	if len(assets) == 0 {
		t.Fatalf("/docs names no scripts or styles:\n%s", a.body)
	}
	for _, m := range assets {
		if !strings.HasPrefix(m[1], "/") {
			t.Errorf("/docs loads %s from elsewhere", m[1])
			continue
		}
		a = call(t, http.MethodGet, srv.URL+m[1], "", "")
		wantStatus(t, m[1], a, http.StatusOK)
	}
}
