package httpapi

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/octocat/notes/internal/note/notetest"
)

// newTestServer runs the real router on an in-memory store.
func newTestServer(t *testing.T) (*httptest.Server, *notetest.Memory) {
	t.Helper()
	store := notetest.NewMemory()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(LogRequests(log, NewRouter(New(store, log))))
	t.Cleanup(srv.Close)
	return srv, store
}

// response is what a test needs of an HTTP response (its body is read and closed).
type response struct {
	StatusCode int
	Header     http.Header
}

// do sends a request and returns the response and its body.
func do(t *testing.T, method, url, contentType, body string) (response, string) {
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
	return response{StatusCode: resp.StatusCode, Header: resp.Header}, string(b)
}

func TestHealth(t *testing.T) {
	srv, store := newTestServer(t)

	resp, body := do(t, http.MethodGet, srv.URL+"/healthz", "", "")
	if resp.StatusCode != http.StatusOK || strings.TrimSpace(body) != `{"status":"ok"}` {
		t.Fatalf("GET /healthz = %d %s", resp.StatusCode, body)
	}

	store.Down = true
	resp, body = do(t, http.MethodGet, srv.URL+"/healthz", "", "")
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("GET /healthz with the database down = %d %s, want 503", resp.StatusCode, body)
	}
}
