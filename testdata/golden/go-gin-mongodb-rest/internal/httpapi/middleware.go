package httpapi

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// requestLog logs one line per request: method, path, status and duration.
func requestLog(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		log.Info("request",
			"method", c.Request.Method,
			"path", c.Request.URL.Path,
			"status", c.Writer.Status(),
			"duration", time.Since(start).Round(time.Microsecond),
		)
	}
}

// recoverProblem answers a panic in a handler with a 500 problem instead of
// gin's empty 500.
func recoverProblem(log *slog.Logger) gin.RecoveryFunc {
	return func(c *gin.Context, v any) {
		log.Error("panic", "value", v, "path", c.Request.URL.Path)
		WriteProblem(c.Writer, http.StatusInternalServerError, "Something went wrong on our side.")
		c.Abort()
	}
}

// secureHeaders sets X-Content-Type-Options: nosniff on every response and
// Cache-Control: no-store on the API's.
func secureHeaders(c *gin.Context) {
	c.Header("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(c.Request.URL.Path, "/api/") {
		c.Header("Cache-Control", "no-store")
	}
	c.Next()
}

// The router's own refusals, turned into problems by problems.
var (
	errNoRoute  = errors.New("no route")
	errNoMethod = errors.New("method not allowed")
)

// problems is the one error middleware: a handler records what went wrong
// with c.Error and returns; once the handlers have run, the last error
// becomes the problem response (404, 405, 409, 413, 415, 422, 400, or a
// logged 500).
func problems(a *API) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		last := c.Errors.Last()
		if last == nil || c.Writer.Written() {
			return
		}
		what, _ := last.Meta.(string)
		a.problemFor(c.Request, last.Err, what).Write(c.Writer)
	}
}

// problemFor maps an error to its problem: the router's 404 and 405, or
// what a handler recorded (see failure).
func (a *API) problemFor(r *http.Request, err error, what string) Result {
	switch {
	case errors.Is(err, errNoRoute):
		return problem(http.StatusNotFound, "There is nothing at "+r.URL.Path+".")
	case errors.Is(err, errNoMethod):
		return problem(http.StatusMethodNotAllowed, "This route does not accept "+r.Method+".")
	}
	return a.failure(err, what)
}
