// Package notetest has an in-memory note.Store for the tests of
// the packages that use one (HTTP, SOAP). It pages, but does not sort or filter:
// the database stores' own tests cover those.
package notetest

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/octocat/notes/internal/note"
	"github.com/octocat/notes/internal/types"
)

// Memory is a note.Store in memory, safe for concurrent use.
type Memory struct {
	mu    sync.Mutex
	last  int64
	items []note.Note
}

var _ note.Store = (*Memory)(nil)

// NewMemory returns an empty store.
func NewMemory() *Memory { return &Memory{} }

func record(id string, nb note.NewNote, created, updated time.Time) note.Note {
	return note.Note{
		ID:        id,
		Title:     nb.Title,
		Done:      nb.Done,
		CreatedAt: created,
		UpdatedAt: updated,
	}
}

// Create stores a new note; ids are never reused.
func (m *Memory) Create(_ context.Context, nb note.NewNote) (note.Note, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last++
	now := time.Now().UTC()
	v := record(fmt.Sprintf("%024x", m.last), nb, now, now)
	m.items = append(m.items, v)
	return v, nil
}

func (m *Memory) find(id string) int {
	return slices.IndexFunc(m.items, func(v note.Note) bool {
		return v.ID == id
	})
}

// Get returns the note with the given id.
func (m *Memory) Get(_ context.Context, id string) (note.Note, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i := m.find(id)
	if i < 0 {
		return note.Note{}, types.ErrNotFound
	}
	return m.items[i], nil
}

// List returns one page, in id order.
func (m *Memory) List(_ context.Context, q note.Query) ([]note.Note, int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	total := int64(len(m.items))
	from := min(q.Offset, total)
	to := min(from+q.Limit, total)
	return slices.Clone(m.items[from:to]), total, nil
}

// Replace sets every field of a note.
func (m *Memory) Replace(_ context.Context, id string, nb note.NewNote) (note.Note, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i := m.find(id)
	if i < 0 {
		return note.Note{}, types.ErrNotFound
	}
	m.items[i] = record(m.items[i].ID, nb, m.items[i].CreatedAt, time.Now().UTC())
	return m.items[i], nil
}

// Delete removes a note.
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
