package httpapi

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/cors"

	"github.com/octocat/shop-api/internal/soap"
)

// NewServer is the whole HTTP service: the middleware, then every route.
// Each resource is a chi sub-router mounted at its path (see the
// *Resource types next to this file).
func NewServer(deps Deps) http.Handler {
	r := chi.NewRouter()
	r.Use(
		func(next http.Handler) http.Handler { return LogRequests(deps.Log, next) },
		func(next http.Handler) http.Handler { return recoverPanics(deps.Log, next) },
		secureHeaders,
	)
	if len(deps.CORSOrigins) > 0 {
		// Answers preflights itself, before routing, on every path.
		r.Use(cors.Handler(cors.Options{
			AllowedOrigins: deps.CORSOrigins,
			AllowedMethods: corsMethods,
			AllowedHeaders: corsHeaders,
		}))
	}
	r.Use(middleware.GetHead)
	// Set before any Route or Mount: the sub-routers inherit both.
	r.NotFound(notFound)
	r.MethodNotAllowed(methodNotAllowed(r))

	a := New(deps)
	r.Get("/healthz", a.handleHealth)
	r.Get("/livez", a.handleLive)
	r.Get("/readyz", a.handleHealth)
	r.Handle("/soap", soap.NewHandler(soap.Deps{
		Log:   deps.Log,
		Tasks: deps.Tasks,
	}))
	return r
}

// notFound answers a path no route matches with a problem.
func notFound(w http.ResponseWriter, r *http.Request) {
	WriteProblem(w, http.StatusNotFound, "There is nothing at "+r.URL.Path+".")
}

// methodNotAllowed answers a known path asked with the wrong method: a
// problem, and Allow listing the methods the path does take (chi leaves
// Allow to a custom handler, so it asks the router, method by method).
func methodNotAllowed(mux *chi.Mux) http.HandlerFunc {
	methods := []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}
	return func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range methods {
			if mux.Match(chi.NewRouteContext(), m, r.URL.Path) {
				allow = append(allow, m)
				if m == http.MethodGet {
					allow = append(allow, http.MethodHead)
				}
			}
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		WriteProblem(w, http.StatusMethodNotAllowed, "This route does not accept "+r.Method+".")
	}
}
