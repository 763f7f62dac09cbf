package httpapi

import (
	"log/slog"
	"strings"
	"time"

	"github.com/labstack/echo/v5"
)

// requestLog logs one line per request: method, path, status and duration.
// The status is resolved from the returned error when the handler left the
// answer to the HTTPErrorHandler.
func requestLog(log *slog.Logger) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			start := time.Now()
			err := next(c)
			_, status := echo.ResolveResponseStatus(c.Response(), err)
			log.Info("request",
				"method", c.Request().Method,
				"path", c.Request().URL.Path,
				"status", status,
				"duration", time.Since(start).Round(time.Microsecond),
			)
			return err
		}
	}
}

// secureHeaders sets X-Content-Type-Options: nosniff on every response and
// Cache-Control: no-store on the API's.
func secureHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error {
		h := c.Response().Header()
		h.Set("X-Content-Type-Options", "nosniff")
		if strings.HasPrefix(c.Request().URL.Path, "/api/") {
			h.Set("Cache-Control", "no-store")
		}
		return next(c)
	}
}
