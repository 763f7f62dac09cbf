package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/octocat/shelf/internal/author"
)

// AuthorsPath is where the authors are served.
const AuthorsPath = "/api/v1/authors"

// AuthorList is the body of GET AuthorsPath.
type AuthorList struct {
	Items  []author.Author `json:"items"`
	Total  int64           `json:"total"`
	Limit  int64           `json:"limit"`
	Offset int64           `json:"offset"`
}

// ListAuthors answers GET /api/v1/authors?limit=&offset=&sort=&<field>=.
func (a *API) ListAuthors(ctx context.Context, query url.Values) Result {
	q, err := author.ParseQuery(query)
	if err != nil {
		return a.fail(err, "author")
	}
	items, total, err := a.authors.List(ctx, q)
	if err != nil {
		return a.fail(err, "author")
	}
	return Result{Status: http.StatusOK, Body: AuthorList{Items: items, Total: total, Limit: q.Limit, Offset: q.Offset}}
}

// CreateAuthor answers POST /api/v1/authors.
func (a *API) CreateAuthor(ctx context.Context, body map[string]json.RawMessage) Result {
	nb, err := author.DecodeNew(body)
	if err != nil {
		return a.fail(err, "author")
	}
	v, err := a.authors.Create(ctx, nb)
	if err != nil {
		return a.fail(err, "author")
	}
	return Result{Status: http.StatusCreated, Body: v, Location: fmt.Sprintf("%s/%v", AuthorsPath, v.ID)}
}

// GetAuthor answers GET /api/v1/authors/{id}.
func (a *API) GetAuthor(ctx context.Context, id string) Result {
	v, err := a.authors.Get(ctx, id)
	if err != nil {
		return a.fail(err, "author")
	}
	return Result{Status: http.StatusOK, Body: v}
}

// ReplaceAuthor answers PUT /api/v1/authors/{id}: the body is a whole
// author, with the rules of POST.
func (a *API) ReplaceAuthor(ctx context.Context, id string, body map[string]json.RawMessage) Result {
	if _, err := a.authors.Get(ctx, id); err != nil {
		return a.fail(err, "author")
	}
	nb, err := author.DecodeNew(body)
	if err != nil {
		return a.fail(err, "author")
	}
	v, err := a.authors.Replace(ctx, id, nb)
	if err != nil {
		return a.fail(err, "author")
	}
	return Result{Status: http.StatusOK, Body: v}
}

// PatchAuthor answers PATCH /api/v1/authors/{id}: a JSON merge patch.
func (a *API) PatchAuthor(ctx context.Context, id string, body map[string]json.RawMessage) Result {
	cur, err := a.authors.Get(ctx, id)
	if err != nil {
		return a.fail(err, "author")
	}
	ub, err := author.DecodeUpdate(body)
	if err != nil {
		return a.fail(err, "author")
	}
	nb := ub.Apply(cur)
	if err := nb.Validate(); err != nil {
		return a.fail(err, "author")
	}
	v, err := a.authors.Replace(ctx, id, nb)
	if err != nil {
		return a.fail(err, "author")
	}
	return Result{Status: http.StatusOK, Body: v}
}

// DeleteAuthor answers DELETE /api/v1/authors/{id}.
func (a *API) DeleteAuthor(ctx context.Context, id string) Result {
	if err := a.authors.Delete(ctx, id); err != nil {
		return a.fail(err, "author")
	}
	return Result{Status: http.StatusNoContent}
}
