package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v5"

	"github.com/octocat/library/internal/book"
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

// booksHandlers serve the books. Each returns its error; the
// HTTPErrorHandler answers with the problem.
type booksHandlers struct {
	store book.Store
}

func addBooksRoutes(v1 *echo.Group, a *API) {
	h := booksHandlers{store: a.books}
	g := v1.Group("/books")
	g.GET("", h.list)
	g.POST("", h.create)
	g.GET("/:id", h.get)
	g.PUT("/:id", h.replace)
	g.PATCH("/:id", h.patch)
	g.DELETE("/:id", h.delete)
}

// fail names the book in the problem err becomes.
func (h booksHandlers) fail(err error) error {
	return &resourceError{what: "book", err: err}
}

// list answers GET BooksPath?limit=&offset=&sort=&<field>=. The query
// goes to book.ParseQuery whole rather than through echo.BindQueryParams:
// a repeated key (limit=1&limit=2) is a 400 there, where binding would keep
// the first.
func (h booksHandlers) list(c *echo.Context) error {
	q, err := book.ParseQuery(c.Request().URL.Query())
	if err != nil {
		return h.fail(err)
	}
	items, total, err := h.store.List(c.Request().Context(), q)
	if err != nil {
		return h.fail(err)
	}
	return c.JSON(http.StatusOK, BookList{Items: items, Total: total, Limit: q.Limit, Offset: q.Offset})
}

// create answers POST BooksPath.
func (h booksHandlers) create(c *echo.Context) error {
	var body map[string]json.RawMessage
	if err := c.Bind(&body); err != nil {
		return err
	}
	nb, err := book.DecodeNew(body)
	if err != nil {
		return h.fail(err)
	}
	v, err := h.store.Create(c.Request().Context(), nb)
	if err != nil {
		return h.fail(err)
	}
	c.Response().Header().Set("Location", fmt.Sprintf("%s/%v", BooksPath, v.ID))
	return c.JSON(http.StatusCreated, v)
}

// get answers GET BooksPath/:id.
func (h booksHandlers) get(c *echo.Context) error {
	v, err := h.store.Get(c.Request().Context(), c.Param("id"))
	if err != nil {
		return h.fail(err)
	}
	return c.JSON(http.StatusOK, v)
}

// replace answers PUT BooksPath/:id: a whole book, with the rules
// of POST.
func (h booksHandlers) replace(c *echo.Context) error {
	id := c.Param("id")
	if _, err := h.store.Get(c.Request().Context(), id); err != nil {
		return h.fail(err)
	}
	var body map[string]json.RawMessage
	if err := c.Bind(&body); err != nil {
		return err
	}
	nb, err := book.DecodeNew(body)
	if err != nil {
		return h.fail(err)
	}
	return h.save(c, id, nb)
}

// patch answers PATCH BooksPath/:id: a JSON merge patch.
func (h booksHandlers) patch(c *echo.Context) error {
	id := c.Param("id")
	cur, err := h.store.Get(c.Request().Context(), id)
	if err != nil {
		return h.fail(err)
	}
	var body map[string]json.RawMessage
	if err := c.Bind(&body); err != nil {
		return err
	}
	ub, err := book.DecodeUpdate(body)
	if err != nil {
		return h.fail(err)
	}
	nb := ub.Apply(cur)
	if err := nb.Validate(); err != nil {
		return h.fail(err)
	}
	return h.save(c, id, nb)
}

// save stores nb as the book id and answers 200 with it.
func (h booksHandlers) save(c *echo.Context, id string, nb book.NewBook) error {
	v, err := h.store.Replace(c.Request().Context(), id, nb)
	if err != nil {
		return h.fail(err)
	}
	return c.JSON(http.StatusOK, v)
}

// delete answers DELETE BooksPath/:id.
func (h booksHandlers) delete(c *echo.Context) error {
	if err := h.store.Delete(c.Request().Context(), c.Param("id")); err != nil {
		return h.fail(err)
	}
	return c.NoContent(http.StatusNoContent)
}
