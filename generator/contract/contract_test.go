package contract

import (
	"fmt"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var tasks = Resource{Singular: "task", Plural: "tasks"}

func TestNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, pascal, camel, kebab string }{
		{"task", "Task", "task", "task"},
		{"todo_item", "TodoItem", "todoItem", "todo-item"},
		{"todo_items", "TodoItems", "todoItems", "todo-items"},
	} {
		if got := pascal(tc.in); got != tc.pascal {
			t.Errorf("pascal(%q) = %q, want %q", tc.in, got, tc.pascal)
		}
		if got := camel(tc.in); got != tc.camel {
			t.Errorf("camel(%q) = %q, want %q", tc.in, got, tc.camel)
		}
		if got := kebab(tc.in); got != tc.kebab {
			t.Errorf("kebab(%q) = %q, want %q", tc.in, got, tc.kebab)
		}
	}
}

// TestSuitePassesACorrectService runs the real suite, as a user of the package would,
// against the fake that keeps every rule.
func TestSuitePassesACorrectService(t *testing.T) {
	t.Parallel()
	for _, api := range []string{"rest", "soap"} {
		t.Run(api, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(newFake(""))
			defer srv.Close()
			Run(t, api, srv.URL, tasks)
		})
	}
}

// TestSuiteFailsABrokenService runs the suite against fakes that each break one rule,
// and checks the suite fails, in the check that names the rule.
func TestSuiteFailsABrokenService(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		api, bug   string
		wantFailed string // a substring of a failing check's name
	}{
		{"rest", "no-location", "Location"},
		{"rest", "errors-plain-json", "problem+json"},
		{"rest", "validation-is-400", "is 422"},
		{"rest", "no-max-limit", "limit=101"},
		{"rest", "malformed-id-500", "malformed id"},
		{"rest", "paging-off-by-one", "pages consistently"},
		{"rest", "created-at-not-utc", "created_at"},
		{"rest", "openapi-3.0", "openapi.yaml"},
		{"soap", "wsdl-unqualified", "WSDL"},
		{"soap", "wsdl-static-address", "soap:address"},
		{"soap", "soap-server-faults", "soap:Client"},
		{"soap", "soap-expands-entities", "entity"},
		{"soap", "soap-needs-soapaction", "without a SOAPAction"},
		{"soap", "paging-off-by-one", "pages consistently"},
		{"soap", "no-max-limit", "limit=101"},
	} {
		t.Run(tc.api+"/"+tc.bug, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(newFake(tc.bug))
			defer srv.Close()
			rec := newRecorder()
			rec.Run("suite", func(st T) { run(st, tc.api, srv.URL, tasks) })
			if !rec.Failed() {
				t.Fatalf("the suite passed a service with bug %q", tc.bug)
			}
			failed := rec.failedNames()
			for _, name := range failed {
				if strings.Contains(name, tc.wantFailed) {
					return
				}
			}
			t.Errorf("no failing check mentions %q; failing checks:\n  %s\nlog:\n%s",
				tc.wantFailed, strings.Join(failed, "\n  "), rec.log())
		})
	}
}

func TestSuiteFailsWhenNothingListens(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(newFake(""))
	url := srv.URL
	srv.Close()
	rec := newRecorder()
	rec.Run("suite", func(st T) { run(st, "rest", url, tasks) })
	if !rec.Failed() {
		t.Fatal("the suite passed with no service listening")
	}
}

func TestUnknownAPIFails(t *testing.T) {
	t.Parallel()
	rec := newRecorder()
	rec.Run("suite", func(st T) { run(st, "graphql", "http://127.0.0.1:1", tasks) })
	if !rec.Failed() {
		t.Fatal("an unknown api did not fail")
	}
}

// recorder is a T that records failures instead of failing the real test.
type recorder struct {
	name   string
	parent *recorder
	shared *recorderLog
	failed bool
}

type recorderLog struct {
	mu     sync.Mutex
	lines  []string
	failed []string
}

func newRecorder() *recorder { return &recorder{shared: &recorderLog{}} }

func (r *recorder) Helper()      {}
func (r *recorder) Name() string { return r.name }

func (r *recorder) Failed() bool {
	r.shared.mu.Lock()
	defer r.shared.mu.Unlock()
	return r.failed
}

func (r *recorder) Logf(format string, args ...any) {
	r.shared.mu.Lock()
	defer r.shared.mu.Unlock()
	r.shared.lines = append(r.shared.lines, r.name+": "+fmt.Sprintf(format, args...))
}

func (r *recorder) Errorf(format string, args ...any) {
	r.Logf(format, args...)
	r.shared.mu.Lock()
	defer r.shared.mu.Unlock()
	if !r.failed {
		r.shared.failed = append(r.shared.failed, r.name)
	}
	for p := r; p != nil; p = p.parent {
		p.failed = true
	}
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Run(name string, f func(T)) bool {
	child := &recorder{name: strings.TrimPrefix(r.name+"/"+name, "/"), parent: r, shared: r.shared}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(child)
	}()
	<-done
	return !child.Failed()
}

func (r *recorder) failedNames() []string {
	r.shared.mu.Lock()
	defer r.shared.mu.Unlock()
	return append([]string(nil), r.shared.failed...)
}

func (r *recorder) log() string {
	r.shared.mu.Lock()
	defer r.shared.mu.Unlock()
	return strings.Join(r.shared.lines, "\n")
}
