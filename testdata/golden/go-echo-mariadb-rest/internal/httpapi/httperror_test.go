package httpapi

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v5"
)

func TestProblemFor(t *testing.T) {
	var logged bytes.Buffer
	a := New(Deps{Log: slog.New(slog.NewTextHandler(&logged, nil))})
	r := httptest.NewRequest(http.MethodPatch, "/no/such/route", nil)
	for _, c := range []struct {
		name   string
		err    error
		status int
		detail string
	}{
		{"no route", echo.ErrNotFound, http.StatusNotFound, "There is nothing at /no/such/route."},
		{"no such method", echo.ErrMethodNotAllowed, http.StatusMethodNotAllowed, "This route does not accept PATCH."},
		{"the first client error", echo.NewHTTPError(http.StatusBadRequest, "bad"), http.StatusBadRequest, "Bad Request."},
		{"another client error", echo.NewHTTPError(http.StatusUnavailableForLegalReasons, "no"), http.StatusUnavailableForLegalReasons, "Unavailable For Legal Reasons."},
		{"a server error of echo's", echo.NewHTTPError(http.StatusInternalServerError, "boom"), http.StatusInternalServerError, "Something went wrong on our side."},
		{"an error of a handler", errors.New("disk I/O error"), http.StatusInternalServerError, "Something went wrong on our side."},
	} {
		res := a.problemFor(r, c.err)
		p, _ := res.Body.(Problem)
		if res.Status != c.status || p.Detail != c.detail {
			t.Errorf("%s: %d %q, want %d %q", c.name, res.Status, p.Detail, c.status, c.detail)
		}
	}
	if !strings.Contains(logged.String(), "disk I/O error") {
		t.Errorf("an unexpected error is not logged: %s", logged.String())
	}
}

// TestHandleErrorAfterCommit: an error returned after the response has
// begun cannot change it; before that, it becomes the problem.
func TestHandleErrorAfterCommit(t *testing.T) {
	e := echo.New()
	a := New(Deps{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})

	w := httptest.NewRecorder()
	c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), w)
	if err := c.NoContent(http.StatusNoContent); err != nil {
		t.Fatal(err)
	}
	a.handleError(c, errors.New("too late"))
	if w.Code != http.StatusNoContent || w.Body.Len() != 0 {
		t.Errorf("after the response began: %d %q, want the 204 alone", w.Code, w.Body)
	}

	w = httptest.NewRecorder()
	a.handleError(e.NewContext(httptest.NewRequest(http.MethodGet, "/nope", nil), w), echo.ErrNotFound)
	if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "There is nothing at /nope.") {
		t.Errorf("before it began: %d %q, want the 404 problem", w.Code, w.Body)
	}
}
