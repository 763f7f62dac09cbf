package contract

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
)

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
