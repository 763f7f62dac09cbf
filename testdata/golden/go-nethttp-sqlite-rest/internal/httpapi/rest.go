package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/octocat/demo/internal/task"
)

// BasePath is where the tasks are served.
const BasePath = "/api/v1/tasks"

// maxBodyBytes bounds a request body.
const maxBodyBytes = 1 << 20

// List answers GET /api/v1/tasks?limit=&offset=.
func (a *API) List(ctx context.Context, limit, offset string) Result {
	page, err := task.ParsePage(limit, offset)
	if err != nil {
		return problem(http.StatusBadRequest, err.Error())
	}
	items, total, err := a.Store.List(ctx, page)
	if err != nil {
		return a.internal(err)
	}
	return Result{Status: http.StatusOK, Body: list{Items: items, Total: total, Limit: page.Limit, Offset: page.Offset}}
}

type list struct {
	Items []task.Task `json:"items"`

	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

// Create answers POST /api/v1/tasks.
func (a *API) Create(ctx context.Context, body io.Reader) Result {
	in, res, ok := decodeInput(body)
	if !ok {
		return res
	}
	t, err := a.Store.Create(ctx, in)
	if err != nil {
		return a.internal(err)
	}
	return Result{Status: http.StatusCreated, Body: t, Location: fmt.Sprintf("%s/%v", BasePath, t.ID)}
}

// Get answers GET /api/v1/tasks/{id}.
func (a *API) Get(ctx context.Context, id string) Result {
	t, err := a.Store.Get(ctx, id)
	if err != nil {
		return a.storeError(err)
	}
	return Result{Status: http.StatusOK, Body: t}
}

// Update answers PUT /api/v1/tasks/{id}: it replaces the task.
func (a *API) Update(ctx context.Context, id string, body io.Reader) Result {
	in, res, ok := decodeInput(body)
	if !ok {
		return res
	}
	t, err := a.Store.Update(ctx, id, in)
	if err != nil {
		return a.storeError(err)
	}
	return Result{Status: http.StatusOK, Body: t}
}

// Delete answers DELETE /api/v1/tasks/{id}.
func (a *API) Delete(ctx context.Context, id string) Result {
	if err := a.Store.Delete(ctx, id); err != nil {
		return a.storeError(err)
	}
	return Result{Status: http.StatusNoContent}
}

func (a *API) storeError(err error) Result {
	if errors.Is(err, task.ErrNotFound) {
		return problem(http.StatusNotFound, "task not found")
	}
	return a.internal(err)
}

func (a *API) internal(err error) Result {
	a.Log.Error("request failed", "err", err)
	return problem(http.StatusInternalServerError, "something went wrong on our side")
}

// input is the JSON a client sends; pointers tell "missing" from "zero".
type input struct {
	Title *string `json:"title"`
	Done  *bool   `json:"done"`
}

// decodeInput reads a task from a JSON body: 400 when it is not a JSON
// object, 422 when a field is missing, has the wrong type or breaks a rule.
func decodeInput(body io.Reader) (task.Input, Result, bool) {
	raw, err := io.ReadAll(io.LimitReader(body, maxBodyBytes+1))
	if err != nil {
		return task.Input{}, problem(http.StatusBadRequest, "could not read the request body"), false
	}
	if len(raw) > maxBodyBytes {
		return task.Input{}, problem(http.StatusRequestEntityTooLarge, "the request body is too large"), false
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return task.Input{}, problem(http.StatusBadRequest, "the request body must be a JSON object"), false
	}
	var in input
	if err := json.Unmarshal(raw, &in); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			return task.Input{}, problem(http.StatusUnprocessableEntity, fmt.Sprintf("%s must be a %s", typeErr.Field, jsonType(typeErr.Field))), false
		}
		return task.Input{}, problem(http.StatusBadRequest, "the request body must be a JSON object"), false
	}
	if in.Title == nil {
		return task.Input{}, problem(http.StatusUnprocessableEntity, "title is required"), false
	}
	out := task.Input{Title: *in.Title}
	if in.Done != nil {
		out.Done = *in.Done
	}
	if err := out.Validate(); err != nil {
		return out, problem(http.StatusUnprocessableEntity, err.Error()), false
	}
	return out, Result{}, true
}

func jsonType(field string) string {
	if field == "done" {
		return "boolean"
	}
	return "string"
}
