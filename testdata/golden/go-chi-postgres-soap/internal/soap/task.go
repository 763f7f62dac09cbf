package soap

import (
	"context"
	"encoding/xml"
	"strconv"
	"time"

	"github.com/octocat/shop-api/internal/task"
)

// taskKinds are the field elements of CreateTask and UpdateTask.
var taskKinds = map[string]kind{
	"title": text,
	"done":  boolean,
}

// addTasks registers the operations on tasks.
func (h *Handler) addTasks(store task.Store) {
	h.ops["CreateTask"] = func(ctx context.Context, req *request) (any, error) {
		body, err := req.body(taskKinds)
		if err != nil {
			return nil, err
		}
		nb, err := task.DecodeNew(body)
		if err != nil {
			return nil, fault(err, "task")
		}
		v, err := store.Create(ctx, nb)
		if err != nil {
			return nil, fault(err, "task")
		}
		return taskResponse("CreateTaskResponse", v), nil
	}
	h.ops["GetTask"] = func(ctx context.Context, req *request) (any, error) {
		id, err := req.id()
		if err != nil {
			return nil, err
		}
		v, err := store.Get(ctx, id)
		if err != nil {
			return nil, fault(err, "task")
		}
		return taskResponse("GetTaskResponse", v), nil
	}
	h.ops["ListTasks"] = func(ctx context.Context, req *request) (any, error) {
		limit, offset, err := req.page()
		if err != nil {
			return nil, err
		}
		items, total, err := store.List(ctx, task.Query{Limit: limit, Offset: offset})
		if err != nil {
			return nil, fault(err, "task")
		}
		resp := listTasksResponse{Total: total}
		for _, v := range items {
			resp.Items = append(resp.Items, taskRecord(v))
		}
		return resp, nil
	}
	h.ops["UpdateTask"] = func(ctx context.Context, req *request) (any, error) {
		id, err := req.id()
		if err != nil {
			return nil, err
		}
		body, err := req.body(taskKinds)
		if err != nil {
			return nil, err
		}
		if _, err := store.Get(ctx, id); err != nil {
			return nil, fault(err, "task")
		}
		nb, err := task.DecodeNew(body)
		if err != nil {
			return nil, fault(err, "task")
		}
		v, err := store.Replace(ctx, id, nb)
		if err != nil {
			return nil, fault(err, "task")
		}
		return taskResponse("UpdateTaskResponse", v), nil
	}
	h.ops["DeleteTask"] = func(ctx context.Context, req *request) (any, error) {
		id, err := req.id()
		if err != nil {
			return nil, err
		}
		if err := store.Delete(ctx, id); err != nil {
			return nil, fault(err, "task")
		}
		return struct {
			XMLName xml.Name `xml:"https://github.com/octocat/shop-api/soap DeleteTaskResponse"`
		}{}, nil
	}
}

// taskRecord is a task as the <task> element; a field
// without a value is left out (minOccurs="0").
func taskRecord(v task.Task) record {
	r := record{name: "task"}
	r.fields = append(r.fields, fieldOf("id", strconv.FormatInt(v.ID, 10)))
	r.fields = append(r.fields, fieldOf("title", v.Title))
	r.fields = append(r.fields, fieldOf("done", strconv.FormatBool(v.Done)))
	r.fields = append(r.fields,
		fieldOf("created_at", v.CreatedAt.UTC().Format(time.RFC3339Nano)),
		fieldOf("updated_at", v.UpdatedAt.UTC().Format(time.RFC3339Nano)),
	)
	return r
}

func taskResponse(op string, v task.Task) any {
	return struct {
		XMLName xml.Name
		Item    record
	}{XMLName: xml.Name{Space: Namespace, Local: op}, Item: taskRecord(v)}
}

type listTasksResponse struct {
	XMLName xml.Name `xml:"https://github.com/octocat/shop-api/soap ListTasksResponse"`
	Items   []record
	Total   int64 `xml:"total"`
}
