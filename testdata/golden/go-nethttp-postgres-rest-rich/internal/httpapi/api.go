// Package httpapi is the HTTP side of the service: the calls, the problem
// responses and the one decode helper live here, independent of the router;
// routes.go maps them to routes.
package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/octocat/shelf/internal/author"
	"github.com/octocat/shelf/internal/book"
)

// Pinger is the database as the health check sees it.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps is everything the API needs.
type Deps struct {
	Log     *slog.Logger
	DB      Pinger
	Books   book.Store
	Authors author.Store
	// CORSOrigins are the browser origins allowed to call the API
	// (CORS_ORIGINS); none leaves CORS off.
	CORSOrigins []string
}

// API serves the calls of the service.
type API struct {
	log     *slog.Logger
	db      Pinger
	books   book.Store
	authors author.Store
}

// New returns the API over deps.
func New(deps Deps) *API {
	return &API{
		log:     deps.Log,
		db:      deps.DB,
		books:   deps.Books,
		authors: deps.Authors,
	}
}

// Result is the outcome of one call: a status, a body to encode as JSON (nil
// for none) and, for 201 Created, a Location.
type Result struct {
	Status   int
	Body     any
	Location string
}

// Write sends the result.
func (res Result) Write(w http.ResponseWriter) {
	if res.Location != "" {
		w.Header().Set("Location", res.Location)
	}
	if res.Body == nil {
		w.WriteHeader(res.Status)
		return
	}
	b, err := json.Marshal(res.Body)
	if err != nil {
		res = problem(http.StatusInternalServerError, "The response could not be encoded.")
		b, _ = json.Marshal(res.Body)
	}
	ct := "application/json"
	if _, ok := res.Body.(Problem); ok {
		ct = "application/problem+json"
	}
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(res.Status)
	_, _ = w.Write(append(b, '\n'))
}

// Health answers GET /healthz and GET /readyz: 200 when the database
// answers, 503 when not.
func (a *API) Health(ctx context.Context) Result {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := a.db.Ping(ctx); err != nil {
		a.log.Warn("health check failed", "err", err)
		return Result{Status: http.StatusServiceUnavailable, Body: map[string]string{"status": "unavailable"}}
	}
	return Result{Status: http.StatusOK, Body: map[string]string{"status": "ok"}}
}

func (a *API) handleHealth(w http.ResponseWriter, r *http.Request) {
	a.Health(r.Context()).Write(w)
}

// handleLive answers GET /livez: 200 while the process answers. It does not
// ask the database, so an outage of the database does not get the service
// restarted.
func (a *API) handleLive(w http.ResponseWriter, _ *http.Request) {
	Result{Status: http.StatusOK, Body: map[string]string{"status": "ok"}}.Write(w)
}
