// Package booktest has an in-memory book.Store for the tests of
// the packages that use one (HTTP, SOAP). It pages, but does not sort or filter:
// the database stores' own tests cover those.
package booktest

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/octocat/shelf/internal/book"
	"github.com/octocat/shelf/internal/types"
)

// Memory is a book.Store in memory, safe for concurrent use.
type Memory struct {
	mu    sync.Mutex
	last  int64
	items []book.Book
}

var _ book.Store = (*Memory)(nil)

// NewMemory returns an empty store.
func NewMemory() *Memory { return &Memory{} }

func record(id string, nb book.NewBook, created, updated time.Time) book.Book {
	return book.Book{
		ID:          id,
		Title:       nb.Title,
		Summary:     nb.Summary,
		Pages:       nb.Pages,
		Price:       nb.Price,
		Available:   nb.Available,
		PublishedOn: nb.PublishedOn,
		LastReadAt:  nb.LastReadAt,
		Status:      nb.Status,
		ISBN:        nb.ISBN,
		CreatedAt:   created,
		UpdatedAt:   updated,
	}
}

// Create stores a new book; ids are never reused.
func (m *Memory) Create(_ context.Context, nb book.NewBook) (book.Book, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last++
	now := time.Now().UTC()
	v := record(fmt.Sprintf("%024x", m.last), nb, now, now)
	m.items = append(m.items, v)
	return v, nil
}

func (m *Memory) find(id string) int {
	return slices.IndexFunc(m.items, func(v book.Book) bool {
		return v.ID == id
	})
}

// Get returns the book with the given id.
func (m *Memory) Get(_ context.Context, id string) (book.Book, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i := m.find(id)
	if i < 0 {
		return book.Book{}, types.ErrNotFound
	}
	return m.items[i], nil
}

// List returns one page, in id order.
func (m *Memory) List(_ context.Context, q book.Query) ([]book.Book, int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	total := int64(len(m.items))
	from := min(q.Offset, total)
	to := min(from+q.Limit, total)
	return slices.Clone(m.items[from:to]), total, nil
}

// Replace sets every field of a book.
func (m *Memory) Replace(_ context.Context, id string, nb book.NewBook) (book.Book, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i := m.find(id)
	if i < 0 {
		return book.Book{}, types.ErrNotFound
	}
	m.items[i] = record(m.items[i].ID, nb, m.items[i].CreatedAt, time.Now().UTC())
	return m.items[i], nil
}

// Delete removes a book.
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
