package httpapi

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/octocat/demo/api"
)

// NewRouter maps the routes to the API with the standard library's
// http.ServeMux (method and wildcard patterns, Go 1.22+).
func NewRouter(a *API) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		a.Health(r.Context()).Write(w)
	})
	mux.HandleFunc("GET /openapi.yaml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/yaml")
		_, _ = w.Write(api.OpenAPI)
	})
	mux.HandleFunc("GET "+BasePath, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		a.List(r.Context(), q.Get("limit"), q.Get("offset")).Write(w)
	})
	mux.HandleFunc("POST "+BasePath, func(w http.ResponseWriter, r *http.Request) {
		a.Create(r.Context(), r.Body).Write(w)
	})
	mux.HandleFunc("GET "+BasePath+"/{id}", func(w http.ResponseWriter, r *http.Request) {
		a.Get(r.Context(), r.PathValue("id")).Write(w)
	})
	mux.HandleFunc("PUT "+BasePath+"/{id}", func(w http.ResponseWriter, r *http.Request) {
		a.Update(r.Context(), r.PathValue("id"), r.Body).Write(w)
	})
	mux.HandleFunc("DELETE "+BasePath+"/{id}", func(w http.ResponseWriter, r *http.Request) {
		a.Delete(r.Context(), r.PathValue("id")).Write(w)
	})
	return recoverPanics(a.Log, mux)
}

// recoverPanics turns a panic in a handler into a 500 instead of a dropped connection.
func recoverPanics(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
					panic(v)
				}
				log.Error("panic", "value", v, "path", r.URL.Path)
				http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
