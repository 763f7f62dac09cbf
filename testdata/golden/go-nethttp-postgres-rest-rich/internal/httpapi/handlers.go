package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// The adapters below turn the calls of API into http.Handlers: they read
// the query, the {id} path value (r.PathValue) and the body, and write the
// Result. A router that sets path values (net/http, chi) uses them as they are.

type (
	listCall   func(ctx context.Context, q url.Values) Result
	createCall func(ctx context.Context, body map[string]json.RawMessage) Result
	itemCall   func(ctx context.Context, id string) Result
	updateCall func(ctx context.Context, id string, body map[string]json.RawMessage) Result
)

func handleList(call listCall) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		call(r.Context(), r.URL.Query()).Write(w)
	}
}

func handleCreate(call createCall) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, res, ok := decodeObject(w, r)
		if !ok {
			res.Write(w)
			return
		}
		call(r.Context(), body).Write(w)
	}
}

func handleItem(call itemCall) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		call(r.Context(), r.PathValue("id")).Write(w)
	}
}

func handleUpdate(call updateCall) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, res, ok := decodeObject(w, r)
		if !ok {
			res.Write(w)
			return
		}
		call(r.Context(), r.PathValue("id"), body).Write(w)
	}
}
