package httpapi

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/octocat/shop-api/internal/soap"
)

// NewRouter maps the routes to the API with chi.
func NewRouter(a *API) http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.Recoverer)

	r.Get("/healthz", func(w http.ResponseWriter, r *http.Request) {
		a.Health(r.Context()).Write(w)
	})
	r.Handle("/soap", soap.NewHandler(a.Store, a.Log))
	return r
}
