package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"strconv"
	"time"
)

var jsonHeader = map[string]string{"Content-Type": "application/json", "Accept": "application/json"}

// Probes are the health paths of contract v2: /healthz and /readyz ask the
// database, /livez only the process (DESIGN.md §5).
var Probes = []string{"/healthz", "/livez", "/readyz"}

// checkProbes checks that every probe of contract v2 answers 200 {"status":"ok"}.
func checkProbes(t T, c *client) {
	t.Helper()
	for _, p := range Probes {
		checkProbe(t, c, p)
	}
}

func checkProbe(t T, c *client, path string) {
	t.Helper()
	res := c.do(t, "GET", path, nil, nil)
	if res.status != 200 {
		t.Fatalf("GET %s: want 200, got %s", path, res)
	}
	var body map[string]any
	if err := json.Unmarshal(res.body, &body); err != nil {
		t.Fatalf("GET %s: body is not JSON: %v\n%s", path, err, res)
	}
	if body["status"] != "ok" {
		t.Errorf(`GET %s: want {"status":"ok"}, got %s`, path, res.body)
	}
}

// parseTimestamp accepts RFC 3339 (and xs:dateTime, its XML twin) in UTC.
func parseTimestamp(s string) (time.Time, error) {
	at, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("created_at %q is not an RFC 3339 timestamp", s)
	}
	if _, offset := at.Zone(); offset != 0 {
		return time.Time{}, fmt.Errorf("created_at %q is not in UTC", s)
	}
	return at, nil
}

// expectProblem checks an RFC 9457 problem details answer with the given status.
func expectProblem(t T, res *response, status int) {
	t.Helper()
	if res.status != status {
		t.Fatalf("want %d, got %s", status, res)
	}
	expectJSONType(t, res, "application/problem+json")
	var p map[string]any
	if err := decodeNumbers(res.body, &p); err != nil {
		t.Fatalf("problem body is not a JSON object: %v\n%s", err, res)
	}
	for _, key := range []string{"type", "title", "detail"} {
		if s, ok := p[key].(string); !ok || (key != "detail" && s == "") {
			t.Errorf("problem %q must be a non-empty string, got %v\n%s", key, p[key], res)
		}
	}
	n, ok := p["status"].(json.Number)
	if !ok || n.String() != strconv.Itoa(status) {
		t.Errorf("problem status must be the number %d, got %v\n%s", status, p["status"], res)
	}
}

func expectJSONType(t T, res *response, want string) {
	t.Helper()
	ct := res.header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt != want {
		t.Errorf("Content-Type: got %q, want %s", ct, want)
	}
}

func decodeNumbers(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}
