// Package tasktest provides an in-memory task.Store for tests.
package tasktest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/octocat/shop-api/internal/task"
)

// Memory is a task.Store that keeps everything in a map.
type Memory struct {
	mu    sync.Mutex
	next  int64
	items map[string]task.Task
	order []string
	// Down makes Ping fail, as if the database were unreachable.
	Down bool
}

var _ task.Store = (*Memory)(nil)

// NewMemory returns an empty store.
func NewMemory() *Memory {
	return &Memory{items: map[string]task.Task{}}
}

// Create stores a new task.
func (m *Memory) Create(_ context.Context, in task.Input) (task.Task, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.next++
	t := task.Task{ID: m.next, Title: in.Title, Done: in.Done, CreatedAt: time.Now().UTC()}
	key := fmt.Sprint(t.ID)
	m.items[key] = t
	m.order = append(m.order, key)
	return t, nil
}

// Get returns a task.
func (m *Memory) Get(_ context.Context, id string) (task.Task, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.items[id]
	if !ok {
		return t, task.ErrNotFound
	}
	return t, nil
}

// List returns one page, oldest first.
func (m *Memory) List(_ context.Context, p task.Page) ([]task.Task, int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	items := []task.Task{}
	for i := p.Offset; i < len(m.order) && len(items) < p.Limit; i++ {
		items = append(items, m.items[m.order[i]])
	}
	return items, len(m.order), nil
}

// Update replaces a task's title and done flag.
func (m *Memory) Update(_ context.Context, id string, in task.Input) (task.Task, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.items[id]
	if !ok {
		return t, task.ErrNotFound
	}
	t.Title, t.Done = in.Title, in.Done
	m.items[id] = t
	return t, nil
}

// Delete removes a task.
func (m *Memory) Delete(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.items[id]; !ok {
		return task.ErrNotFound
	}
	delete(m.items, id)
	for i, k := range m.order {
		if k == id {
			m.order = append(m.order[:i], m.order[i+1:]...)
			break
		}
	}
	return nil
}

// Ping fails when Down is set.
func (m *Memory) Ping(context.Context) error {
	if m.Down {
		return errors.New("database is down")
	}
	return nil
}

// Close does nothing.
func (m *Memory) Close() error { return nil }
