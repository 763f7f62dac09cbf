package httpapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCORS checks CORS_ORIGINS: off by default (no Access-Control-* header,
// whatever the Origin), and when set, the listed origins (and only they) may
// preflight and call the API.
func TestCORS(t *testing.T) {
	const allowed, refused = "https://app.example.com", "https://elsewhere.example.com"
	off := newTestServer(t)
	on := newTestServerWith(t, okDB{}, []string{"http://localhost:5173", allowed})
	const requestHeaders = "content-type, soapaction"
	path := func(string) string { return "/soap" }

	type request struct {
		name      string
		srv       *httptest.Server
		origin    string
		preflight string // the method a preflight asks for; "" for a simple GET /healthz
		wantACAO  string
	}
	tests := []request{
		{name: "off, simple", srv: off, origin: allowed},
		{name: "on, simple, allowed", srv: on, origin: allowed, wantACAO: allowed},
		{name: "on, simple, refused", srv: on, origin: refused},
	}
	for _, m := range corsMethods {
		tests = append(tests,
			request{name: "off, preflight " + m, srv: off, origin: allowed, preflight: m},
			request{name: "on, preflight " + m + ", allowed", srv: on, origin: allowed, preflight: m, wantACAO: allowed},
			request{name: "on, preflight " + m + ", refused", srv: on, origin: refused, preflight: m},
		)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, tt.srv.URL+"/healthz", nil)
			if tt.preflight != "" {
				req, err = http.NewRequest(http.MethodOptions, tt.srv.URL+path(tt.preflight), nil)
				req.Header.Set("Access-Control-Request-Method", tt.preflight)
				req.Header.Set("Access-Control-Request-Headers", requestHeaders)
			}
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Origin", tt.origin)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			_ = resp.Body.Close()
			h := resp.Header

			if got := h.Get("Access-Control-Allow-Origin"); got != tt.wantACAO {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.wantACAO)
			}
			if tt.wantACAO == "" && tt.srv == off {
				for k := range h {
					if strings.HasPrefix(k, "Access-Control-") {
						t.Errorf("CORS is off, yet the answer has %s", k)
					}
				}
			}
			if h.Get("Access-Control-Allow-Credentials") != "" {
				t.Error("Access-Control-Allow-Credentials is set; the API uses no cookies")
			}
			if h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("X-Content-Type-Options %q, want nosniff", h.Get("X-Content-Type-Options"))
			}
			if resp.StatusCode >= 500 {
				t.Errorf("status %d, want no 5xx", resp.StatusCode)
			}
			switch {
			case tt.preflight == "":
				if resp.StatusCode != http.StatusOK {
					t.Errorf("status %d, want the usual 200", resp.StatusCode)
				}
				if tt.wantACAO != "" && !hasToken(h.Values("Vary"), "Origin") {
					t.Errorf("Vary %q, want it to name Origin", h.Values("Vary"))
				}
			case tt.wantACAO != "":
				if resp.StatusCode < 200 || resp.StatusCode > 299 {
					t.Errorf("status %d, want a 2xx preflight answer", resp.StatusCode)
				}
				if !hasToken(h.Values("Access-Control-Allow-Methods"), tt.preflight) {
					t.Errorf("Access-Control-Allow-Methods %q, want it to include %s", h.Values("Access-Control-Allow-Methods"), tt.preflight)
				}
				for _, want := range strings.Split(requestHeaders, ", ") {
					if !hasToken(h.Values("Access-Control-Allow-Headers"), want) {
						t.Errorf("Access-Control-Allow-Headers %q, want it to include %s", h.Values("Access-Control-Allow-Headers"), want)
					}
				}
			}
		})
	}
}

// hasToken reports whether the comma-separated header values hold tok, in
// any case.
func hasToken(values []string, tok string) bool {
	for _, v := range values {
		for _, got := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(got), tok) {
				return true
			}
		}
	}
	return false
}
