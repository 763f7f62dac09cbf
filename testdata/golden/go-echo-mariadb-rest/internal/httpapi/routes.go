package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"
)

// NewServer is the whole HTTP service: an echo instance with the middleware
// and every route. Handlers return their errors; the one HTTPErrorHandler
// (errors.go) turns each into a problem response.
func NewServer(deps Deps) http.Handler {
	a := New(deps)
	e := echo.New()
	e.Logger = deps.Log
	e.HTTPErrorHandler = a.handleError
	e.Binder = objectBinder{}
	e.Use(requestLog(deps.Log), middleware.Recover(), secureHeaders)
	if len(deps.CORSOrigins) > 0 {
		// Answers preflights itself, on every route (e.Any and the
		// router's own OPTIONS answer included).
		e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
			AllowOrigins: deps.CORSOrigins,
			AllowMethods: corsMethods,
			AllowHeaders: corsHeaders,
		}))
	}

	e.GET("/healthz", echo.WrapHandler(http.HandlerFunc(a.handleHealth)))
	e.GET("/livez", echo.WrapHandler(http.HandlerFunc(a.handleLive)))
	e.GET("/readyz", echo.WrapHandler(http.HandlerFunc(a.handleHealth)))
	e.GET("/openapi.yaml", echo.WrapHandler(http.HandlerFunc(serveOpenAPI)))
	e.GET("/docs", echo.WrapHandler(docs()))
	e.GET("/docs/*", echo.WrapHandler(docs()))

	v1 := e.Group("/api/v1")
	addBooksRoutes(v1, a)
	return e
}
