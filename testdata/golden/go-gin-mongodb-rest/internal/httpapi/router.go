package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/octocat/notes/api"
)

// NewRouter maps the routes to the API with Gin.
func NewRouter(a *API) http.Handler {
	gin.SetMode(gin.ReleaseMode) // request logging is done by LogRequests
	r := gin.New()
	r.Use(gin.Recovery())

	r.GET("/healthz", func(c *gin.Context) {
		respond(c, a.Health(c.Request.Context()))
	})
	r.GET("/openapi.yaml", func(c *gin.Context) {
		c.Data(http.StatusOK, "application/yaml", api.OpenAPI)
	})
	g := r.Group(BasePath)
	g.GET("", func(c *gin.Context) {
		respond(c, a.List(c.Request.Context(), c.Query("limit"), c.Query("offset")))
	})
	g.POST("", func(c *gin.Context) {
		respond(c, a.Create(c.Request.Context(), c.Request.Body))
	})
	g.GET("/:id", func(c *gin.Context) {
		respond(c, a.Get(c.Request.Context(), c.Param("id")))
	})
	g.PUT("/:id", func(c *gin.Context) {
		respond(c, a.Update(c.Request.Context(), c.Param("id"), c.Request.Body))
	})
	g.DELETE("/:id", func(c *gin.Context) {
		respond(c, a.Delete(c.Request.Context(), c.Param("id")))
	})
	return r
}

// respond writes a Result through Gin.
func respond(c *gin.Context, res Result) {
	if res.Location != "" {
		c.Header("Location", res.Location)
	}
	if res.Body == nil {
		c.Status(res.Status)
		c.Writer.WriteHeaderNow()
		return
	}
	c.Data(res.Status, res.ContentType(), res.JSON())
}
