package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

type item struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Done      bool   `json:"done"`
	CreatedAt string `json:"created_at"`
}

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
	return v
}

func wantProblem(t *testing.T, resp response, body string, status int) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status = %d (%s), want %d", resp.StatusCode, body, status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type = %q, want application/problem+json", ct)
	}
	p := decode[Problem](t, body)
	if p.Status != status || p.Title == "" || p.Type == "" || p.Detail == "" {
		t.Fatalf("problem = %+v", p)
	}
}

func TestCRUD(t *testing.T) {
	srv, _ := newTestServer(t)
	base := srv.URL + BasePath

	resp, body := do(t, http.MethodPost, base, "application/json", `{"title":"Write tests"}`)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST = %d %s", resp.StatusCode, body)
	}
	created := decode[item](t, body)
	if created.Title != "Write tests" || created.Done || created.CreatedAt == "" {
		t.Fatalf("created = %+v", created)
	}
	loc := resp.Header.Get("Location")
	if want := fmt.Sprintf("%s/%v", BasePath, created.ID); loc != want {
		t.Fatalf("Location = %q, want %q", loc, want)
	}

	resp, body = do(t, http.MethodGet, srv.URL+loc, "", "")
	if resp.StatusCode != http.StatusOK || decode[item](t, body) != created {
		t.Fatalf("GET = %d %s", resp.StatusCode, body)
	}

	resp, body = do(t, http.MethodPut, srv.URL+loc, "application/json", `{"title":"Write more tests","done":true}`)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("PUT = %d %s", resp.StatusCode, body)
	}
	if got := decode[item](t, body); got.Title != "Write more tests" || !got.Done || got.ID != created.ID {
		t.Fatalf("updated = %+v", got)
	}

	resp, body = do(t, http.MethodGet, base, "", "")
	list := decode[struct {
		Items  []item `json:"items"`
		Total  int    `json:"total"`
		Limit  int    `json:"limit"`
		Offset int    `json:"offset"`
	}](t, body)
	if resp.StatusCode != http.StatusOK || list.Total != 1 || len(list.Items) != 1 || list.Limit != 20 || list.Offset != 0 {
		t.Fatalf("GET list = %d %s", resp.StatusCode, body)
	}

	resp, body = do(t, http.MethodDelete, srv.URL+loc, "", "")
	if resp.StatusCode != http.StatusNoContent || body != "" {
		t.Fatalf("DELETE = %d %q", resp.StatusCode, body)
	}
	resp, body = do(t, http.MethodGet, srv.URL+loc, "", "")
	wantProblem(t, resp, body, http.StatusNotFound)
	resp, body = do(t, http.MethodDelete, srv.URL+loc, "", "")
	wantProblem(t, resp, body, http.StatusNotFound)
}

func TestCreateRejectsBadInput(t *testing.T) {
	srv, _ := newTestServer(t)
	tests := []struct {
		name   string
		body   string
		status int
	}{
		{"malformed JSON", `{"title":`, http.StatusBadRequest},
		{"not an object", `["title"]`, http.StatusBadRequest},
		{"null", `null`, http.StatusBadRequest},
		{"empty body", ``, http.StatusBadRequest},
		{"missing title", `{"done":true}`, http.StatusUnprocessableEntity},
		{"empty title", `{"title":""}`, http.StatusUnprocessableEntity},
		{"title too long", `{"title":"` + strings.Repeat("x", 201) + `"}`, http.StatusUnprocessableEntity},
		{"title not a string", `{"title":42}`, http.StatusUnprocessableEntity},
		{"done not a boolean", `{"title":"x","done":"yes"}`, http.StatusUnprocessableEntity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, http.MethodPost, srv.URL+BasePath, "application/json", tt.body)
			wantProblem(t, resp, body, tt.status)
		})
	}
}

func TestUpdateRejectsBadInput(t *testing.T) {
	srv, _ := newTestServer(t)
	resp, body := do(t, http.MethodPost, srv.URL+BasePath, "application/json", `{"title":"x"}`)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST = %d %s", resp.StatusCode, body)
	}
	loc := resp.Header.Get("Location")

	resp, body = do(t, http.MethodPut, srv.URL+loc, "application/json", `{"title":`)
	wantProblem(t, resp, body, http.StatusBadRequest)
	resp, body = do(t, http.MethodPut, srv.URL+loc, "application/json", `{"title":""}`)
	wantProblem(t, resp, body, http.StatusUnprocessableEntity)
	resp, body = do(t, http.MethodPut, srv.URL+BasePath+"/ffffffffffffffffffffffff", "application/json", `{"title":"x"}`)
	wantProblem(t, resp, body, http.StatusNotFound)
}

func TestNotFound(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, id := range []string{"999999", "abc", "0", "ffffffffffffffffffffffff"} {
		resp, body := do(t, http.MethodGet, srv.URL+BasePath+"/"+id, "", "")
		wantProblem(t, resp, body, http.StatusNotFound)
	}
}

func TestListPaging(t *testing.T) {
	srv, _ := newTestServer(t)
	for i := range 3 {
		resp, body := do(t, http.MethodPost, srv.URL+BasePath, "application/json", fmt.Sprintf(`{"title":"item %d"}`, i))
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("POST = %d %s", resp.StatusCode, body)
		}
	}
	resp, body := do(t, http.MethodGet, srv.URL+BasePath+"?limit=2&offset=1", "", "")
	list := decode[struct {
		Items  []item `json:"items"`
		Total  int    `json:"total"`
		Limit  int    `json:"limit"`
		Offset int    `json:"offset"`
	}](t, body)
	if resp.StatusCode != http.StatusOK || list.Total != 3 || len(list.Items) != 2 || list.Items[0].Title != "item 1" || list.Limit != 2 || list.Offset != 1 {
		t.Fatalf("GET ?limit=2&offset=1 = %d %s", resp.StatusCode, body)
	}
	for _, q := range []string{"limit=0", "limit=101", "limit=-1", "limit=x", "offset=-1", "offset=x"} {
		resp, body := do(t, http.MethodGet, srv.URL+BasePath+"?"+q, "", "")
		wantProblem(t, resp, body, http.StatusBadRequest)
	}
}

func TestOpenAPI(t *testing.T) {
	srv, _ := newTestServer(t)
	resp, body := do(t, http.MethodGet, srv.URL+"/openapi.yaml", "", "")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "openapi: 3.1") {
		t.Fatalf("GET /openapi.yaml = %d %.40q", resp.StatusCode, body)
	}
}
