package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func noEnv(string) string { return "" }

// testDatabaseURL is a temporary SQLite file for run to start on. (Only
// internal/store's tests use DATABASE_URL: two packages migrating one
// database at once would trip over each other.)
func testDatabaseURL(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "test.db")
}

// freePort is a TCP port nothing listens on (right now).
func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = l.Close() }()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

// logBuffer collects the log, written from the server's goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestRun starts the service, asks it for /livez, and stops it the way
// Ctrl-C or docker stop does.
func TestRun(t *testing.T) {
	port := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log logBuffer
	errc := make(chan error, 1)
	go func() {
		errc <- run(ctx, []string{"server", "-port", port, "-database-url", testDatabaseURL(t)}, noEnv, &log)
	}()

	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get("http://127.0.0.1:" + port + "/livez")
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-errc:
			t.Fatalf("run returned before serving: %v\n%s", err, log.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the service did not answer /livez\n%s", log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}

	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not return after its context was cancelled")
	}
	out := log.String()
	if !strings.Contains(out, "addr=http://localhost:"+port) || !strings.Contains(out, "shutting down") || strings.Contains(out, "level=WARN") {
		t.Errorf("the log does not tell the address and the shutdown, or warns:\n%s", out)
	}
}

func TestRunFails(t *testing.T) {
	taken, err := net.Listen("tcp", ":0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = taken.Close() }()
	takenPort := strconv.Itoa(taken.Addr().(*net.TCPAddr).Port)

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad port", []string{"-port", "0"}, "port"},
		{"bad CORS origin", []string{"-cors-origins", "*"}, "CORS_ORIGINS"},
		{"port in use", []string{"-port", takenPort, "-database-url", testDatabaseURL(t)}, "serve:"},
		{"database that cannot be opened", []string{"-database-url", filepath.Join(t.TempDir(), "missing", "x.db")}, "open the SQLite database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(context.Background(), append([]string{"server"}, tt.args...), noEnv, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("run: %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

// TestHTTPServerTimeouts: without them one stalled client holds a
// connection forever.
func TestHTTPServerTimeouts(t *testing.T) {
	srv := newHTTPServer(context.Background(), ":8080", http.NotFoundHandler())
	if srv.Addr != ":8080" || srv.Handler == nil || srv.BaseContext == nil {
		t.Fatalf("server %+v", srv)
	}
	for name, d := range map[string]time.Duration{
		"ReadHeaderTimeout": srv.ReadHeaderTimeout,
		"ReadTimeout":       srv.ReadTimeout,
		"WriteTimeout":      srv.WriteTimeout,
		"IdleTimeout":       srv.IdleTimeout,
	} {
		if d < time.Second || d > 5*time.Minute {
			t.Errorf("%s is %v, want between a second and 5 minutes", name, d)
		}
	}
}
