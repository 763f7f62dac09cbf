// Package book holds the book model, its validation rules and the
// Store interface every database implementation satisfies.
package book

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// MaxTitleLen is the longest title allowed, in characters.
const MaxTitleLen = 200

// Paging bounds for List.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// Book is one book as stored and returned by the API.
type Book struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Done      bool      `json:"done"`
	CreatedAt time.Time `json:"created_at"`
}

// Input is what a client may set on a book; the server sets the rest.
type Input struct {
	Title string
	Done  bool
}

// ErrNotFound is returned when no book has the given id (including ids
// that are not even well-formed).
var ErrNotFound = errors.New("book not found")

// ValidationError says which rule an input broke.
type ValidationError struct {
	Field   string
	Message string
}

func (e *ValidationError) Error() string { return e.Field + " " + e.Message }

// Validate checks the input against the model's rules.
func (in Input) Validate() error {
	if n := utf8.RuneCountInString(in.Title); n < 1 || n > MaxTitleLen {
		return &ValidationError{Field: "title", Message: fmt.Sprintf("must be between 1 and %d characters", MaxTitleLen)}
	}
	return nil
}

// Page selects a slice of a list.
type Page struct {
	Limit  int
	Offset int
}

// ParsePage reads limit and offset from their text form ("" means default).
func ParsePage(limit, offset string) (Page, error) {
	p := Page{Limit: DefaultLimit}
	if limit != "" {
		n, err := strconv.Atoi(limit)
		if err != nil {
			return p, &ValidationError{Field: "limit", Message: "must be an integer"}
		}
		p.Limit = n
	}
	if offset != "" {
		n, err := strconv.Atoi(offset)
		if err != nil {
			return p, &ValidationError{Field: "offset", Message: "must be an integer"}
		}
		p.Offset = n
	}
	return p, p.Validate()
}

// Validate checks the paging bounds.
func (p Page) Validate() error {
	if p.Limit < 1 || p.Limit > MaxLimit {
		return &ValidationError{Field: "limit", Message: fmt.Sprintf("must be between 1 and %d", MaxLimit)}
	}
	if p.Offset < 0 {
		return &ValidationError{Field: "offset", Message: "must not be negative"}
	}
	return nil
}

// Store keeps books. Ids are passed as text, as they arrive in URLs and
// messages; an id the database could never have issued is ErrNotFound.
type Store interface {
	Create(ctx context.Context, in Input) (Book, error)
	Get(ctx context.Context, id string) (Book, error)
	List(ctx context.Context, p Page) (items []Book, total int, err error)
	Update(ctx context.Context, id string, in Input) (Book, error)
	Delete(ctx context.Context, id string) error
	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
	Close() error
}
