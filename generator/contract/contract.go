// Package contract is the black-box API contract every generated service must pass
// (DESIGN.md §5), written once and run over HTTP against a running service of any
// language or framework.
//
// Use it from a test:
//
//	contract.Run(t, "rest", "http://127.0.0.1:8080", contract.Resource{Singular: "task", Plural: "tasks"})
//
// That is contract v1, for blueprints that declare `contract: v1` (the default task model).
// Contract v2 is driven by the project's model (see v2.go):
//
//	m, _ := model.FromAnswers(scaffoldYAML)
//	contract.RunV2(t, "rest", "http://127.0.0.1:8080", m)
//
// Every rule is its own subtest with a name that says what is expected, so a failing
// run reads as a list of broken promises.
package contract

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Resource names the CRUD resource of the service under test, in snake case:
// {Singular: "task", Plural: "tasks"}.
type Resource struct {
	Singular string
	Plural   string
}

// pascal turns a snake_case name into PascalCase ("todo_item" → "TodoItem").
func pascal(snake string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(snake, func(r rune) bool { return r == '_' || r == '-' }) {
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}
	return b.String()
}

// camel turns a snake_case name into camelCase ("todo_item" → "todoItem").
func camel(snake string) string {
	p := pascal(snake)
	if p == "" {
		return p
	}
	return strings.ToLower(p[:1]) + p[1:]
}

// kebab turns a snake_case name into kebab-case, the form used in URL paths.
func kebab(snake string) string {
	return strings.ReplaceAll(snake, "_", "-")
}

// T is the part of *testing.T the suite uses. It exists so the suite's own tests can
// run it against deliberately broken servers and observe that it fails.
type T interface {
	Helper()
	Name() string
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
	Logf(format string, args ...any)
	Failed() bool
	Run(name string, f func(T)) bool
}

// testingT adapts *testing.T to T.
type testingT struct{ *testing.T }

func (t testingT) Run(name string, f func(T)) bool {
	return t.T.Run(name, func(tt *testing.T) { f(testingT{tt}) })
}

// Wrap adapts a *testing.T to the suite's T.
func Wrap(t *testing.T) T { return testingT{t} }

// Run runs the suite for api ("rest" or "soap") against the service at baseURL.
func Run(t *testing.T, api, baseURL string, r Resource) {
	t.Helper()
	run(Wrap(t), api, baseURL, r)
}

// REST runs the REST (JSON over HTTP) contract against the service at baseURL.
func REST(t *testing.T, baseURL string, r Resource) {
	t.Helper()
	runREST(Wrap(t), newClient(baseURL), r)
}

// SOAP runs the SOAP 1.1 contract against the service at baseURL.
func SOAP(t *testing.T, baseURL string, r Resource) {
	t.Helper()
	runSOAP(Wrap(t), newClient(baseURL), r)
}

func run(t T, api, baseURL string, r Resource) {
	t.Helper()
	switch api {
	case "rest":
		runREST(t, newClient(baseURL), r)
	case "soap":
		runSOAP(t, newClient(baseURL), r)
	default:
		t.Fatalf("unknown api %q: want rest or soap", api)
	}
}

// client talks HTTP to the service under test.
type client struct {
	base string
	http *http.Client
}

func newClient(baseURL string) *client {
	return &client{
		base: strings.TrimRight(baseURL, "/"),
		http: &http.Client{
			Timeout: 20 * time.Second,
			// A redirect is an answer of its own; the contract never redirects.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
}

// response is a fully read HTTP response.
type response struct {
	method, url string
	status      int
	header      http.Header
	body        []byte
}

func (r *response) String() string {
	body := string(r.body)
	if len(body) > 600 {
		body = body[:600] + "…"
	}
	return fmt.Sprintf("%s %s → %d %s\n%s", r.method, r.url, r.status, r.header.Get("Content-Type"), body)
}

// do sends one request; a transport error ends the current check.
func (c *client) do(t T, method, path string, body []byte, header map[string]string) *response {
	t.Helper()
	url := path
	if !strings.HasPrefix(path, "http://") && !strings.HasPrefix(path, "https://") {
		url = c.base + path
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatalf("build request %s %s: %v", method, url, err)
	}
	for k, v := range header {
		if v == "\x00" { // explicit "no such header"
			req.Header.Del(k)
			continue
		}
		req.Header.Set(k, v)
	}
	res, err := c.http.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, 8<<20))
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, url, err)
	}
	r := &response{method: method, url: url, status: res.StatusCode, header: res.Header, body: data}
	if r.status >= 400 {
		if what, text := leak(data); what != "" {
			t.Errorf("%s %s → %d reveals %s (log it, answer a plain sentence): …%s…", method, url, r.status, what, text)
		}
	}
	return r
}
