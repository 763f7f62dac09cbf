// Package authortest has an in-memory author.Store for the tests of
// the packages that use one (HTTP, SOAP). It pages, but does not sort or filter:
// the database stores' own tests cover those.
package authortest

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/octocat/shelf/internal/author"
	"github.com/octocat/shelf/internal/types"
)

// Memory is a author.Store in memory, safe for concurrent use.
type Memory struct {
	mu    sync.Mutex
	last  int64
	items []author.Author
}

var _ author.Store = (*Memory)(nil)

// NewMemory returns an empty store.
func NewMemory() *Memory { return &Memory{} }

func record(id string, nb author.NewAuthor, created, updated time.Time) author.Author {
	return author.Author{
		ID:           id,
		FullName:     nb.FullName,
		BornOn:       nb.BornOn,
		Rating:       nb.Rating,
		BooksWritten: nb.BooksWritten,
		Email:        nb.Email,
		Genre:        nb.Genre,
		Biography:    nb.Biography,
		Active:       nb.Active,
		VerifiedAt:   nb.VerifiedAt,
		CreatedAt:    created,
		UpdatedAt:    updated,
	}
}

// Create stores a new author; ids are never reused.
func (m *Memory) Create(_ context.Context, nb author.NewAuthor) (author.Author, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last++
	now := time.Now().UTC()
	v := record(fmt.Sprintf("%024x", m.last), nb, now, now)
	m.items = append(m.items, v)
	return v, nil
}

func (m *Memory) find(id string) int {
	return slices.IndexFunc(m.items, func(v author.Author) bool {
		return v.ID == id
	})
}

// Get returns the author with the given id.
func (m *Memory) Get(_ context.Context, id string) (author.Author, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i := m.find(id)
	if i < 0 {
		return author.Author{}, types.ErrNotFound
	}
	return m.items[i], nil
}

// List returns one page, in id order.
func (m *Memory) List(_ context.Context, q author.Query) ([]author.Author, int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	total := int64(len(m.items))
	from := min(q.Offset, total)
	to := min(from+q.Limit, total)
	return slices.Clone(m.items[from:to]), total, nil
}

// Replace sets every field of a author.
func (m *Memory) Replace(_ context.Context, id string, nb author.NewAuthor) (author.Author, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i := m.find(id)
	if i < 0 {
		return author.Author{}, types.ErrNotFound
	}
	m.items[i] = record(m.items[i].ID, nb, m.items[i].CreatedAt, time.Now().UTC())
	return m.items[i], nil
}

// Delete removes a author.
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
