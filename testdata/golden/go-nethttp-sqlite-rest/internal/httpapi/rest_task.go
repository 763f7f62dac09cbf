package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/octocat/demo/internal/task"
)

// TasksPath is where the tasks are served.
const TasksPath = "/api/v1/tasks"

// TaskList is the body of GET TasksPath.
type TaskList struct {
	Items  []task.Task `json:"items"`
	Total  int64       `json:"total"`
	Limit  int64       `json:"limit"`
	Offset int64       `json:"offset"`
}

// ListTasks answers GET /api/v1/tasks?limit=&offset=&sort=&<field>=.
func (a *API) ListTasks(ctx context.Context, query url.Values) Result {
	q, err := task.ParseQuery(query)
	if err != nil {
		return a.fail(err, "task")
	}
	items, total, err := a.tasks.List(ctx, q)
	if err != nil {
		return a.fail(err, "task")
	}
	return Result{Status: http.StatusOK, Body: TaskList{Items: items, Total: total, Limit: q.Limit, Offset: q.Offset}}
}

// CreateTask answers POST /api/v1/tasks.
func (a *API) CreateTask(ctx context.Context, body map[string]json.RawMessage) Result {
	nb, err := task.DecodeNew(body)
	if err != nil {
		return a.fail(err, "task")
	}
	v, err := a.tasks.Create(ctx, nb)
	if err != nil {
		return a.fail(err, "task")
	}
	return Result{Status: http.StatusCreated, Body: v, Location: fmt.Sprintf("%s/%v", TasksPath, v.ID)}
}

// GetTask answers GET /api/v1/tasks/{id}.
func (a *API) GetTask(ctx context.Context, id string) Result {
	v, err := a.tasks.Get(ctx, id)
	if err != nil {
		return a.fail(err, "task")
	}
	return Result{Status: http.StatusOK, Body: v}
}

// ReplaceTask answers PUT /api/v1/tasks/{id}: the body is a whole
// task, with the rules of POST.
func (a *API) ReplaceTask(ctx context.Context, id string, body map[string]json.RawMessage) Result {
	if _, err := a.tasks.Get(ctx, id); err != nil {
		return a.fail(err, "task")
	}
	nb, err := task.DecodeNew(body)
	if err != nil {
		return a.fail(err, "task")
	}
	v, err := a.tasks.Replace(ctx, id, nb)
	if err != nil {
		return a.fail(err, "task")
	}
	return Result{Status: http.StatusOK, Body: v}
}

// PatchTask answers PATCH /api/v1/tasks/{id}: a JSON merge patch.
func (a *API) PatchTask(ctx context.Context, id string, body map[string]json.RawMessage) Result {
	cur, err := a.tasks.Get(ctx, id)
	if err != nil {
		return a.fail(err, "task")
	}
	ub, err := task.DecodeUpdate(body)
	if err != nil {
		return a.fail(err, "task")
	}
	nb := ub.Apply(cur)
	if err := nb.Validate(); err != nil {
		return a.fail(err, "task")
	}
	v, err := a.tasks.Replace(ctx, id, nb)
	if err != nil {
		return a.fail(err, "task")
	}
	return Result{Status: http.StatusOK, Body: v}
}

// DeleteTask answers DELETE /api/v1/tasks/{id}.
func (a *API) DeleteTask(ctx context.Context, id string) Result {
	if err := a.tasks.Delete(ctx, id); err != nil {
		return a.fail(err, "task")
	}
	return Result{Status: http.StatusNoContent}
}
