package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	"github.com/octocat/library/api"
)

// NewRouter maps the routes to the API with Echo.
func NewRouter(a *API) http.Handler {
	e := echo.New()
	e.Use(middleware.Recover())

	e.GET("/healthz", func(c *echo.Context) error {
		return respond(c, a.Health(c.Request().Context()))
	})
	e.GET("/openapi.yaml", func(c *echo.Context) error {
		return c.Blob(http.StatusOK, "application/yaml", api.OpenAPI)
	})
	g := e.Group(BasePath)
	g.GET("", func(c *echo.Context) error {
		return respond(c, a.List(c.Request().Context(), c.QueryParam("limit"), c.QueryParam("offset")))
	})
	g.POST("", func(c *echo.Context) error {
		return respond(c, a.Create(c.Request().Context(), c.Request().Body))
	})
	g.GET("/:id", func(c *echo.Context) error {
		return respond(c, a.Get(c.Request().Context(), c.Param("id")))
	})
	g.PUT("/:id", func(c *echo.Context) error {
		return respond(c, a.Update(c.Request().Context(), c.Param("id"), c.Request().Body))
	})
	g.DELETE("/:id", func(c *echo.Context) error {
		return respond(c, a.Delete(c.Request().Context(), c.Param("id")))
	})
	return e
}

// respond writes a Result through Echo.
func respond(c *echo.Context, res Result) error {
	if res.Location != "" {
		c.Response().Header().Set("Location", res.Location)
	}
	if res.Body == nil {
		return c.NoContent(res.Status)
	}
	return c.Blob(res.Status, res.ContentType(), res.JSON())
}
