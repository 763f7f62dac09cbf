package contract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// Contract v2 (DESIGN.md §5) is driven by the project's model: every rule is
// checked for every resource and every field the model declares.
//
//	m, _ := model.FromAnswers(scaffoldYAML)
//	contract.RunV2(t, "rest", "http://127.0.0.1:8080", m)
//
// The REST run ends with a property-based phase: many generated bodies and
// query strings per operation, each answer checked against the statuses and
// schemas of the spec the service serves at /openapi.yaml. The phase is
// seeded; the seed is printed, and SCAFFOLD_CONTRACT_SEED replays a run.
// SCAFFOLD_CONTRACT_CASES sets how many requests it sends per operation.

// Options tune the property-based phase of contract v2.
type Options struct {
	Seed  uint64 // 0: from SCAFFOLD_CONTRACT_SEED, else from the clock
	Cases int    // generated requests per operation; 0: from SCAFFOLD_CONTRACT_CASES, else DefaultCases
}

// DefaultCases is how many generated requests the property phase sends per
// operation unless told otherwise: a run stays well under 30 s per service.
const DefaultCases = 40

// OptionsFromEnv reads SCAFFOLD_CONTRACT_SEED and SCAFFOLD_CONTRACT_CASES.
func OptionsFromEnv() (Options, error) {
	var o Options
	if v := os.Getenv("SCAFFOLD_CONTRACT_SEED"); v != "" {
		seed, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return o, fmt.Errorf("SCAFFOLD_CONTRACT_SEED=%q is not a whole number from 0 to 2^64-1", v)
		}
		o.Seed = seed
	}
	if v := os.Getenv("SCAFFOLD_CONTRACT_CASES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return o, fmt.Errorf("SCAFFOLD_CONTRACT_CASES=%q is not a whole number of 0 or more", v)
		}
		o.Cases = n
		if n == 0 {
			o.Cases = -1 // explicitly off
		}
	}
	return o, nil
}

func (o Options) resolve() Options {
	if o.Seed == 0 {
		o.Seed = uint64(time.Now().UnixNano())
	}
	if o.Cases == 0 {
		o.Cases = DefaultCases
	}
	return o
}

// RunV2 runs contract v2 for api ("rest" or "soap") against the service at
// baseURL, for every resource of m, with options from the environment.
func RunV2(t *testing.T, api, baseURL string, m *model.Model) {
	t.Helper()
	o, err := OptionsFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	RunV2With(Wrap(t), api, baseURL, m, o)
}

// RunV2With is RunV2 on the suite's T, with explicit options (the suite's own
// tests use it against deliberately broken services).
func RunV2With(t T, api, baseURL string, m *model.Model, o Options) {
	t.Helper()
	mm := normalizedModel(t, m, "contract v2")
	if mm == nil {
		return
	}
	o = o.resolve()
	switch api {
	case "rest":
		runRESTV2(t, newClient(baseURL), mm, o)
	case "soap":
		runSOAPV2(t, newClient(baseURL), mm, o)
	default:
		t.Fatalf("unknown api %q: want rest or soap", api)
	}
}

// normalizedModel is a normalized copy of m, which the caller keeps as it
// is; a model without resources fails t (what names the rules) and is nil.
func normalizedModel(t T, m *model.Model, what string) *model.Model {
	t.Helper()
	if m == nil || len(m.Resources) == 0 {
		t.Fatalf("%s needs a model with at least one resource", what)
		return nil
	}
	mm := *m
	mm.Resources = append([]model.Resource(nil), m.Resources...)
	mm.Normalize()
	return &mm
}

// ---- values

// sameValue reports whether got (decoded from JSON with UseNumber, or the text
// of an XML element when fromXML) is the value want that was sent for f,
// compared by meaning: numbers numerically, datetimes as instants in UTC.
func sameValue(f model.Field, got, want any) error {
	if want == nil {
		if got != nil {
			return fmt.Errorf("got %s, want null", show(got))
		}
		return nil
	}
	if got == nil {
		return fmt.Errorf("got null, want %s", show(want))
	}
	switch f.Type {
	case model.Int:
		g, ok := asInt(got)
		w, _ := asInt(want)
		if !ok || g != w {
			return fmt.Errorf("got %s, want the integer %d", show(got), w)
		}
	case model.Float:
		g, ok := asFloat(got)
		w, _ := asFloat(want)
		if !ok || !closeFloat(g, w) {
			return fmt.Errorf("got %s, want the number %v", show(got), w)
		}
	case model.Bool:
		g, ok := got.(bool)
		if !ok {
			if s, isText := got.(string); isText {
				g, ok = xmlBool(s)
			}
		}
		if !ok || g != want.(bool) {
			return fmt.Errorf("got %s, want %v", show(got), want)
		}
	case model.DateTime:
		s, ok := got.(string)
		if !ok {
			return fmt.Errorf("got %s, want a date and time string", show(got))
		}
		g, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("got %q, want an RFC 3339 date and time", s)
		}
		if !strings.HasSuffix(strings.TrimSpace(s), "Z") {
			return fmt.Errorf("got %q, want it in UTC, written with Z", s)
		}
		w, _ := time.Parse(time.RFC3339Nano, want.(string))
		if !g.Equal(w) {
			return fmt.Errorf("got %q, want the instant %s", s, w.UTC().Format(time.RFC3339Nano))
		}
	default:
		s, ok := got.(string)
		if !ok {
			return fmt.Errorf("got %s, want the string %q", show(got), want)
		}
		if f.Type == model.Date {
			s = strings.TrimSpace(s)
		}
		if s != want.(string) {
			return fmt.Errorf("got %q, want %q", short(s), short(want.(string)))
		}
	}
	return nil
}

func xmlBool(s string) (bool, bool) {
	switch strings.TrimSpace(s) {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

func closeFloat(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func asInt(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case int:
		return int64(x), true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<63 {
			return int64(x), true
		}
	case json.Number:
		n, err := strconv.ParseInt(x.String(), 10, 64)
		return n, err == nil
	case string:
		n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		return n, err == nil
	}
	return 0, false
}

func asFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

// plain turns a value decoded with UseNumber into the Go types model.Field.Check takes.
func plain(f model.Field, v any) any {
	n, ok := v.(json.Number)
	if !ok {
		return v
	}
	if i, err := strconv.ParseInt(n.String(), 10, 64); err == nil {
		return i
	}
	if x, err := n.Float64(); err == nil {
		if f.Type == model.Int && !strings.ContainsAny(n.String(), ".eE") {
			return math.Inf(1) // an integer past 64 bits
		}
		return x
	}
	return v
}

func show(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(short(x))
	case json.Number:
		return x.String()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return short(string(b))
}

func short(s string) string {
	if len(s) > 80 {
		return s[:60] + fmt.Sprintf("…(%d bytes)", len(s))
	}
	return s
}

// ---- raw requests

// rawResult is what came back on a hand-written HTTP/1.1 connection.
type rawResult struct {
	status int
	header http.Header
	body   []byte
	err    error
	after  time.Duration
}

// raw sends head (the request line and headers, without the blank line) and
// then body on a fresh connection; closeWrite half-closes the connection
// after the body. It waits up to wait for the answer while the body is still
// being written, so a service that answers before reading the whole body is
// seen answering.
func (c *client) raw(head string, body []byte, closeWrite bool, wait time.Duration) rawResult {
	u, err := url.Parse(c.base)
	if err != nil {
		return rawResult{err: err}
	}
	start := time.Now()
	conn, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
	if err != nil {
		return rawResult{err: err}
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(wait))
	go func() {
		w := bufio.NewWriterSize(conn, 64<<10)
		_, _ = io.WriteString(w, head+"\r\n\r\n")
		for off := 0; off < len(body); off += 64 << 10 {
			if _, err := w.Write(body[off:min(off+64<<10, len(body))]); err != nil {
				return
			}
		}
		if w.Flush() != nil {
			return
		}
		if closeWrite {
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.CloseWrite()
			}
		}
	}()
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return rawResult{err: err, after: time.Since(start)}
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	return rawResult{status: res.StatusCode, header: res.Header, body: data, after: time.Since(start)}
}

func (r rawResult) response(method, path string) *response {
	return &response{method: method, url: path, status: r.status, header: r.header, body: r.body}
}

// newRand is the seeded generator of one phase: the same seed gives the same cases.
func newRand(seed uint64, salt string) *rand.Rand {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(salt); i++ {
		h = (h ^ uint64(salt[i])) * 1099511628211
	}
	return rand.New(rand.NewPCG(seed, h))
}

// jsonObject writes an object with the keys in order; values are JSON texts.
func jsonObject(keys []string, vals map[string]string) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	for _, k := range keys {
		v, ok := vals[k]
		if !ok {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		b.WriteString(v)
	}
	b.WriteByte('}')
	return b.Bytes()
}

func jsonText(v any) string {
	if raw, ok := v.(model.RawJSON); ok {
		return string(raw)
	}
	return model.Sample{Value: v}.JSON()
}
