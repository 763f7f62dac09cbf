package httpapi

import (
	"net/http"

	"github.com/rs/cors"
)

// NewServer is the whole HTTP service: every route, then the middleware
// around them. It uses the standard library's http.ServeMux (method and
// wildcard patterns, Go 1.22+).
func NewServer(deps Deps) http.Handler {
	mux := http.NewServeMux()
	addRoutes(mux, deps)
	h := problemsForMux(mux)
	if len(deps.CORSOrigins) > 0 {
		// Answers preflights itself, before the mux, on every path.
		h = cors.New(cors.Options{
			AllowedOrigins: deps.CORSOrigins,
			AllowedMethods: corsMethods,
			AllowedHeaders: corsHeaders,
		}).Handler(h)
	}
	h = secureHeaders(h)
	h = recoverPanics(deps.Log, h)
	return LogRequests(deps.Log, h)
}

// addRoutes lists every route of the service.
func addRoutes(mux *http.ServeMux, deps Deps) {
	a := New(deps)
	mux.HandleFunc("GET /healthz", a.handleHealth)
	mux.HandleFunc("GET /livez", a.handleLive)
	mux.HandleFunc("GET /readyz", a.handleHealth)
	mux.HandleFunc("GET /openapi.yaml", serveOpenAPI)
	mux.Handle("GET /docs", docs())
	mux.Handle("GET /docs/", docs())

	mux.Handle("GET "+BooksPath, handleList(a.ListBooks))
	mux.Handle("POST "+BooksPath, handleCreate(a.CreateBook))
	mux.Handle("GET "+BooksPath+"/{id}", handleItem(a.GetBook))
	mux.Handle("PUT "+BooksPath+"/{id}", handleUpdate(a.ReplaceBook))
	mux.Handle("PATCH "+BooksPath+"/{id}", handleUpdate(a.PatchBook))
	mux.Handle("DELETE "+BooksPath+"/{id}", handleItem(a.DeleteBook))

	mux.Handle("GET "+AuthorsPath, handleList(a.ListAuthors))
	mux.Handle("POST "+AuthorsPath, handleCreate(a.CreateAuthor))
	mux.Handle("GET "+AuthorsPath+"/{id}", handleItem(a.GetAuthor))
	mux.Handle("PUT "+AuthorsPath+"/{id}", handleUpdate(a.ReplaceAuthor))
	mux.Handle("PATCH "+AuthorsPath+"/{id}", handleUpdate(a.PatchAuthor))
	mux.Handle("DELETE "+AuthorsPath+"/{id}", handleItem(a.DeleteAuthor))
}

// problemsForMux answers what the mux itself would refuse (no route: 404;
// a route without this method: 405 with Allow) with problem details
// instead of the mux's plain-text replies.
func problemsForMux(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		// Let the mux decide between 404 and 405 (and compute Allow) on a
		// writer that keeps only the headers and the status.
		probe := &headerProbe{header: http.Header{}}
		mux.ServeHTTP(probe, r)
		if probe.status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", probe.header.Get("Allow"))
			WriteProblem(w, http.StatusMethodNotAllowed, "This route does not accept "+r.Method+".")
			return
		}
		WriteProblem(w, http.StatusNotFound, "There is nothing at "+r.URL.Path+".")
	})
}

type headerProbe struct {
	header http.Header
	status int
}

func (p *headerProbe) Header() http.Header         { return p.header }
func (p *headerProbe) Write(b []byte) (int, error) { return len(b), nil }
func (p *headerProbe) WriteHeader(status int)      { p.status = status }
