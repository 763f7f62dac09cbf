// Package httpapi is the HTTP side of the service. The calls themselves live
// here, independent of the web framework; router.go maps them to routes.
package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/octocat/shop-api/internal/task"
)

// API serves the calls of the service from a store.
type API struct {
	Store task.Store
	Log   *slog.Logger
}

// New returns an API backed by store.
func New(store task.Store, log *slog.Logger) *API {
	return &API{Store: store, Log: log}
}

// Result is the outcome of one call: a status, a body to encode as JSON (nil
// for none) and, for 201 Created, a Location.
type Result struct {
	Status   int
	Body     any
	Location string
}

// Problem is an RFC 9457 problem details body.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

func problem(status int, detail string) Result {
	return Result{Status: status, Body: Problem{
		Type:   "about:blank",
		Title:  http.StatusText(status),
		Status: status,
		Detail: detail,
	}}
}

// ContentType is the media type of the body.
func (r Result) ContentType() string {
	if _, ok := r.Body.(Problem); ok {
		return "application/problem+json"
	}
	return "application/json"
}

// JSON is the encoded body.
func (r Result) JSON() []byte {
	b, err := json.Marshal(r.Body)
	if err != nil {
		b, _ = json.Marshal(problem(http.StatusInternalServerError, "could not encode the response").Body)
	}
	return append(b, '\n')
}

// Write sends the result on a plain http.ResponseWriter.
func (r Result) Write(w http.ResponseWriter) {
	if r.Location != "" {
		w.Header().Set("Location", r.Location)
	}
	if r.Body == nil {
		w.WriteHeader(r.Status)
		return
	}
	w.Header().Set("Content-Type", r.ContentType())
	w.WriteHeader(r.Status)
	_, _ = w.Write(r.JSON())
}

// Health answers GET /healthz: 200 when the database answers, 503 when not.
func (a *API) Health(ctx context.Context) Result {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := a.Store.Ping(ctx); err != nil {
		a.Log.Warn("health check failed", "err", err)
		return Result{Status: http.StatusServiceUnavailable, Body: map[string]string{"status": "unavailable"}}
	}
	return Result{Status: http.StatusOK, Body: map[string]string{"status": "ok"}}
}
