package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func noEnv(string) string { return "" }

func TestRunFails(t *testing.T) {

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad port", []string{"-port", "0"}, "port"},
		{"bad CORS origin", []string{"-cors-origins", "*"}, "CORS_ORIGINS"},
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
