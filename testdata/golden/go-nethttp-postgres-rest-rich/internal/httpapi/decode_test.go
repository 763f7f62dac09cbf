package httpapi

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/iotest"
)

func TestDecodeObject(t *testing.T) {
	deep := strings.Repeat("[", 65) + strings.Repeat("]", 65)
	tests := []struct {
		name, contentType, body string
		want                    int    // 0: decoded
		detail                  string // a part of the problem's detail
	}{
		{"an object", "application/json", `{"a":1}`, 0, ""},
		{"charset", "application/json; charset=utf-8", `{}`, 0, ""},
		{"merge patch", "application/merge-patch+json", `{}`, 0, ""},
		{"a +json type", "application/vnd.example+json", `{}`, 0, ""},
		{"no content type", "", `{}`, http.StatusUnsupportedMediaType, ""},
		{"plain text", "text/plain", `{}`, http.StatusUnsupportedMediaType, ""},
		{"form", "application/x-www-form-urlencoded", `a=1`, http.StatusUnsupportedMediaType, ""},
		{"bad JSON", "application/json", `{"a":`, http.StatusBadRequest, "not valid JSON"},
		{"a bad field type", "application/json", `{"a":1,"b":}`, http.StatusBadRequest, "not valid JSON"},
		{"empty", "application/json", ``, http.StatusBadRequest, ""},
		{"an array", "application/json", `[1]`, http.StatusBadRequest, "must be a JSON object."},
		{"a string", "application/json", `"x"`, http.StatusBadRequest, ""},
		{"null", "application/json", `null`, http.StatusBadRequest, "not null"},
		{"trailing data", "application/json", `{}{}`, http.StatusBadRequest, "data after"},
		{"trailing garbage", "application/json", `{} x`, http.StatusBadRequest, ""},
		{"too deep", "application/json", `{"a":` + deep + `}`, http.StatusBadRequest, "64 levels"},
		{"too deep in objects", "application/json", strings.Repeat(`{"a":`, 65) + "1" + strings.Repeat("}", 65), http.StatusBadRequest, "64 levels"},
		{"many shallow arrays", "application/json", `{"a":[` + strings.Repeat("[],", 70) + `[]]}`, 0, ""},
		{"quotes and backslashes in strings", "application/json", `{"a\"[":"\\","b":"\"` + deep + `"}`, 0, ""},
		{"deep but not too deep", "application/json", `{"a":` + strings.Repeat("[", 63) + strings.Repeat("]", 63) + `}`, 0, ""},
		{"brackets in a string", "application/json", `{"a":"` + deep + `"}`, 0, ""},
		{"too large", "application/json", `{"a":"` + strings.Repeat("x", MaxBodyBytes) + `"}`, http.StatusRequestEntityTooLarge, "larger than 1 MiB"},
		{"exactly 1 MiB", "application/json", `{"a":"` + strings.Repeat("x", MaxBodyBytes-8) + `"}`, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tt.body))
			if tt.contentType != "" {
				r.Header.Set("Content-Type", tt.contentType)
			}
			_, res, ok := decodeObject(httptest.NewRecorder(), r)
			switch {
			case tt.want == 0 && !ok:
				t.Fatalf("got %d %+v, want the body decoded", res.Status, res.Body)
			case tt.want != 0 && (ok || res.Status != tt.want):
				t.Fatalf("got %d (decoded: %v), want %d", res.Status, ok, tt.want)
			case tt.want != 0 && !strings.Contains(res.Body.(Problem).Detail, tt.detail):
				t.Errorf("detail %q, want it to say %q", res.Body.(Problem).Detail, tt.detail)
			}
		})
	}
}

func TestDecodeObjectShortBody(t *testing.T) {
	// The connection ends before Content-Length bytes have come.
	body := io.MultiReader(strings.NewReader(`{"a":1`), iotest.ErrReader(io.ErrUnexpectedEOF))
	r := httptest.NewRequest(http.MethodPost, "/", io.NopCloser(body))
	r.Header.Set("Content-Type", "application/json")
	r.ContentLength = 100
	if _, res, ok := decodeObject(httptest.NewRecorder(), r); ok || res.Status != http.StatusBadRequest {
		t.Fatalf("a body shorter than its Content-Length: got %d (decoded: %v), want 400", res.Status, ok)
	}
}
