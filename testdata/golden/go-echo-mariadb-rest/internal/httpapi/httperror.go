package httpapi

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v5"
)

// handleError is the echo.HTTPErrorHandler: every error a handler, the
// binder or the router returns ends here as an RFC 9457 problem. (The
// pinned echo has no problem-details handler of its own.)
func (a *API) handleError(c *echo.Context, err error) {
	if resp, _ := echo.UnwrapResponse(c.Response()); resp != nil && resp.Committed {
		return
	}
	a.problemFor(c.Request(), err).Write(c.Response())
}

// problemFor maps an error to its problem: the router's 404 and 405 (echo
// has set Allow), another echo error by its status, else what a handler
// returned (see failure).
func (a *API) problemFor(r *http.Request, err error) Result {
	if errors.Is(err, echo.ErrNotFound) {
		return problem(http.StatusNotFound, "There is nothing at "+r.URL.Path+".")
	}
	if errors.Is(err, echo.ErrMethodNotAllowed) {
		return problem(http.StatusMethodNotAllowed, "This route does not accept "+r.Method+".")
	}
	var coded echo.HTTPStatusCoder
	if errors.As(err, &coded) && coded.StatusCode() >= 400 && coded.StatusCode() < 500 {
		return problem(coded.StatusCode(), http.StatusText(coded.StatusCode())+".")
	}
	return a.failure(err)
}
