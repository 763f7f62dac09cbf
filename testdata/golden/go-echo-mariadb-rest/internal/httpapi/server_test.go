package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/octocat/library/internal/book/booktest"
)

type okDB struct{}

func (okDB) Ping(context.Context) error { return nil }

// downDB is a database that does not answer.
type downDB struct{}

func (downDB) Ping(context.Context) error { return errors.New("connection refused") }

// newTestServer is the whole service on in-memory stores and a database that answers.
func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	return newTestServerOn(t, okDB{})
}

func newTestServerOn(t *testing.T, db Pinger) *httptest.Server {
	t.Helper()
	return newTestServerWith(t, db, nil)
}

// newTestServerWith is the whole service on in-memory stores, db, and CORS
// for the origins (none: CORS off).
func newTestServerWith(t *testing.T, db Pinger, origins []string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(NewServer(Deps{
		Log:         slog.New(slog.NewTextHandler(io.Discard, nil)),
		DB:          db,
		Books:       booktest.NewMemory(),
		CORSOrigins: origins,
	}))
	t.Cleanup(srv.Close)
	return srv
}

// deadlineDB records how long the health check gives the database.
type deadlineDB struct{ left time.Duration }

func (d *deadlineDB) Ping(ctx context.Context) error {
	if deadline, ok := ctx.Deadline(); ok {
		d.left = time.Until(deadline)
	}
	return nil
}

// TestHealthTimeout: a database that hangs must not hang the probe; the
// check gives it two seconds.
func TestHealthTimeout(t *testing.T) {
	db := &deadlineDB{}
	a := New(Deps{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), DB: db})
	if res := a.Health(context.Background()); res.Status != http.StatusOK {
		t.Fatalf("status %d", res.Status)
	}
	if db.left <= time.Second || db.left > 2*time.Second {
		t.Errorf("the database got %v to answer, want 2s", db.left)
	}
}

// TestProbes checks the three health probes: /livez asks only the process,
// /healthz and /readyz ask the database too.
func TestProbes(t *testing.T) {
	up, down := newTestServer(t), newTestServerOn(t, downDB{})
	for _, tc := range []struct {
		path       string
		downCode   int // the answer while the database is down
		downStatus string
	}{
		{"/livez", http.StatusOK, "ok"},
		{"/healthz", http.StatusServiceUnavailable, "unavailable"},
		{"/readyz", http.StatusServiceUnavailable, "unavailable"},
	} {
		t.Run(strings.TrimPrefix(tc.path, "/"), func(t *testing.T) {
			probe(t, up.URL+tc.path, http.StatusOK, "ok")
			probe(t, down.URL+tc.path, tc.downCode, tc.downStatus)

			resp, err := http.Post(up.URL+tc.path, "application/json", strings.NewReader("{}"))
			if err != nil {
				t.Fatal(err)
			}
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(resp.Header.Get("Allow"), "GET") {
				t.Errorf("POST %s: %d with Allow %q, want 405 allowing GET", tc.path, resp.StatusCode, resp.Header.Get("Allow"))
			}
		})
	}
}

// probe asks a health probe and checks its status and its {"status": …} body.
func probe(t *testing.T, url string, wantCode int, wantStatus string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var body struct{ Status string }
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("GET %s: the body is not JSON: %v", url, err)
	}
	if resp.StatusCode != wantCode || body.Status != wantStatus {
		t.Errorf("GET %s: %d %q, want %d %q", url, resp.StatusCode, body.Status, wantCode, wantStatus)
	}
	if loc, ok := resp.Header["Location"]; ok {
		t.Errorf("GET %s sends Location %q: only a create does", url, loc)
	}
}

// TestRouterProblems: what the router answers itself, a route that does
// not exist (404) or a method a route does not take (405), is a problem
// too, and every answer is sent with nosniff.
func TestRouterProblems(t *testing.T) {
	srv := newTestServer(t)
	for _, c := range []struct {
		method, path string
		status       int
		detail       string
	}{
		{http.MethodGet, "/no/such/route", http.StatusNotFound, "There is nothing at /no/such/route."},
		{http.MethodDelete, "/livez", http.StatusMethodNotAllowed, "This route does not accept DELETE."},
	} {
		req, err := http.NewRequest(c.method, srv.URL+c.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var p struct{ Status int }
		var body strings.Builder
		_, _ = io.Copy(&body, resp.Body)
		_ = resp.Body.Close()
		if err := json.Unmarshal([]byte(body.String()), &p); err != nil || resp.StatusCode != c.status || p.Status != c.status || !strings.Contains(body.String(), c.detail) {
			t.Errorf("%s %s: %d %s, want a %d problem saying %q", c.method, c.path, resp.StatusCode, body.String(), c.status, c.detail)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("%s %s: Content-Type %q, want application/problem+json", c.method, c.path, ct)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s: no X-Content-Type-Options: nosniff", c.method, c.path)
		}
	}
}
