// Package tasktest has an in-memory task.Store for the tests of
// the packages that use one (HTTP, SOAP). It pages, but does not sort or filter:
// the database stores' own tests cover those.
package tasktest

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/octocat/shop-api/internal/task"
	"github.com/octocat/shop-api/internal/types"
)

// Memory is a task.Store in memory, safe for concurrent use.
type Memory struct {
	mu    sync.Mutex
	last  int64
	items []task.Task
}

var _ task.Store = (*Memory)(nil)

// NewMemory returns an empty store.
func NewMemory() *Memory { return &Memory{} }

func record(id int64, nb task.NewTask, created, updated time.Time) task.Task {
	return task.Task{
		ID:        id,
		Title:     nb.Title,
		Done:      nb.Done,
		CreatedAt: created,
		UpdatedAt: updated,
	}
}

// Create stores a new task; ids are never reused.
func (m *Memory) Create(_ context.Context, nb task.NewTask) (task.Task, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last++
	now := time.Now().UTC()
	v := record(m.last, nb, now, now)
	m.items = append(m.items, v)
	return v, nil
}

func (m *Memory) find(id string) int {
	return slices.IndexFunc(m.items, func(v task.Task) bool {
		return strconv.FormatInt(v.ID, 10) == id
	})
}

// Get returns the task with the given id.
func (m *Memory) Get(_ context.Context, id string) (task.Task, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i := m.find(id)
	if i < 0 {
		return task.Task{}, types.ErrNotFound
	}
	return m.items[i], nil
}

// List returns one page, in id order.
func (m *Memory) List(_ context.Context, q task.Query) ([]task.Task, int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	total := int64(len(m.items))
	from := min(q.Offset, total)
	to := min(from+q.Limit, total)
	return slices.Clone(m.items[from:to]), total, nil
}

// Replace sets every field of a task.
func (m *Memory) Replace(_ context.Context, id string, nb task.NewTask) (task.Task, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i := m.find(id)
	if i < 0 {
		return task.Task{}, types.ErrNotFound
	}
	m.items[i] = record(m.items[i].ID, nb, m.items[i].CreatedAt, time.Now().UTC())
	return m.items[i], nil
}

// Delete removes a task.
func (m *Memory) Delete(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	i := m.find(id)
	if i < 0 {
		return types.ErrNotFound
	}
	m.items = slices.Delete(m.items, i, i+1)
	return nil
}
