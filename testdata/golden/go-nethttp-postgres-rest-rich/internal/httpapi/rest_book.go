package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/octocat/shelf/internal/book"
)

// BooksPath is where the books are served.
const BooksPath = "/api/v1/books"

// BookList is the body of GET BooksPath.
type BookList struct {
	Items  []book.Book `json:"items"`
	Total  int64       `json:"total"`
	Limit  int64       `json:"limit"`
	Offset int64       `json:"offset"`
}

// ListBooks answers GET /api/v1/books?limit=&offset=&sort=&<field>=.
func (a *API) ListBooks(ctx context.Context, query url.Values) Result {
	q, err := book.ParseQuery(query)
	if err != nil {
		return a.fail(err, "book")
	}
	items, total, err := a.books.List(ctx, q)
	if err != nil {
		return a.fail(err, "book")
	}
	return Result{Status: http.StatusOK, Body: BookList{Items: items, Total: total, Limit: q.Limit, Offset: q.Offset}}
}

// CreateBook answers POST /api/v1/books.
func (a *API) CreateBook(ctx context.Context, body map[string]json.RawMessage) Result {
	nb, err := book.DecodeNew(body)
	if err != nil {
		return a.fail(err, "book")
	}
	v, err := a.books.Create(ctx, nb)
	if err != nil {
		return a.fail(err, "book")
	}
	return Result{Status: http.StatusCreated, Body: v, Location: fmt.Sprintf("%s/%v", BooksPath, v.ID)}
}

// GetBook answers GET /api/v1/books/{id}.
func (a *API) GetBook(ctx context.Context, id string) Result {
	v, err := a.books.Get(ctx, id)
	if err != nil {
		return a.fail(err, "book")
	}
	return Result{Status: http.StatusOK, Body: v}
}

// ReplaceBook answers PUT /api/v1/books/{id}: the body is a whole
// book, with the rules of POST.
func (a *API) ReplaceBook(ctx context.Context, id string, body map[string]json.RawMessage) Result {
	if _, err := a.books.Get(ctx, id); err != nil {
		return a.fail(err, "book")
	}
	nb, err := book.DecodeNew(body)
	if err != nil {
		return a.fail(err, "book")
	}
	v, err := a.books.Replace(ctx, id, nb)
	if err != nil {
		return a.fail(err, "book")
	}
	return Result{Status: http.StatusOK, Body: v}
}

// PatchBook answers PATCH /api/v1/books/{id}: a JSON merge patch.
func (a *API) PatchBook(ctx context.Context, id string, body map[string]json.RawMessage) Result {
	cur, err := a.books.Get(ctx, id)
	if err != nil {
		return a.fail(err, "book")
	}
	ub, err := book.DecodeUpdate(body)
	if err != nil {
		return a.fail(err, "book")
	}
	nb := ub.Apply(cur)
	if err := nb.Validate(); err != nil {
		return a.fail(err, "book")
	}
	v, err := a.books.Replace(ctx, id, nb)
	if err != nil {
		return a.fail(err, "book")
	}
	return Result{Status: http.StatusOK, Body: v}
}

// DeleteBook answers DELETE /api/v1/books/{id}.
func (a *API) DeleteBook(ctx context.Context, id string) Result {
	if err := a.books.Delete(ctx, id); err != nil {
		return a.fail(err, "book")
	}
	return Result{Status: http.StatusNoContent}
}
