package httpapi

import (
	"net/http"
	"strings"
	"testing"
)

// TestAllow: a 405 lists the methods the path takes, HEAD with GET (chi
// serves HEAD for every GET route).
func TestAllow(t *testing.T) {
	srv := newTestServer(t)
	resp, err := http.Post(srv.URL+"/livez", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if allow := resp.Header.Get("Allow"); resp.StatusCode != http.StatusMethodNotAllowed || allow != "GET, HEAD" {
		t.Errorf("POST /livez: %d with Allow %q, want 405 with Allow: GET, HEAD", resp.StatusCode, allow)
	}
}
