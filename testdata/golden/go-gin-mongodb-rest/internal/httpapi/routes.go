package httpapi

import (
	"net/http"
	"os"
	"slices"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
)

// NewServer is the whole HTTP service: a gin engine with the middleware and
// every route. Each resource adds its own route group (rest_*.go).
func NewServer(deps Deps) http.Handler {
	if os.Getenv(gin.EnvGinMode) == "" {
		gin.SetMode(gin.ReleaseMode)
	}
	// Bodies are bound with jsonObject (bind.go); a struct bound with
	// ShouldBindJSON elsewhere refuses unknown keys all the same.
	binding.EnableDecoderDisallowUnknownFields = true

	a := New(deps)
	r := gin.New()
	r.HandleMethodNotAllowed = true // 405 with Allow instead of 404
	r.Use(requestLog(deps.Log), gin.CustomRecovery(recoverProblem(deps.Log)), secureHeaders)
	if len(deps.CORSOrigins) > 0 {
		r.Use(allowOrigins(deps.CORSOrigins))
	}
	r.Use(problems(a))
	r.NoRoute(func(c *gin.Context) {
		_ = c.Error(errNoRoute)
	})
	r.NoMethod(func(c *gin.Context) {
		_ = c.Error(errNoMethod)
	})

	r.GET("/healthz", gin.WrapF(a.handleHealth))
	r.GET("/livez", gin.WrapF(a.handleLive))
	r.GET("/readyz", gin.WrapF(a.handleHealth))
	r.GET("/openapi.yaml", gin.WrapF(serveOpenAPI))
	r.GET("/docs", gin.WrapH(docs()))
	r.GET("/docs/*any", gin.WrapH(docs()))

	v1 := r.Group("/api/v1")
	addNotesRoutes(v1, a)
	return r
}

// allowOrigins is gin-contrib/cors for the CORS_ORIGINS; it answers
// preflights itself, on every route (404 and 405 ones included). A request
// from any other origin skips it: gin-contrib/cors would refuse it with 403,
// but only the browser enforces CORS, so the service answers as usual and
// just sends no Access-Control-* headers.
func allowOrigins(origins []string) gin.HandlerFunc {
	allow := cors.New(cors.Config{
		AllowOrigins: origins,
		AllowMethods: corsMethods,
		AllowHeaders: corsHeaders,
	})
	return func(c *gin.Context) {
		if slices.Contains(origins, c.GetHeader("Origin")) {
			allow(c)
		}
	}
}
