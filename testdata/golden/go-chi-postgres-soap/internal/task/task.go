// Package task is the task resource: the type, the inputs a
// client sends, every rule of the model, and the Store that keeps tasks.
package task

import (
	"context"
	"encoding/json"
	"net/url"
	"time"
	"unicode/utf8"

	"github.com/octocat/shop-api/internal/types"
)

// Task is one task as stored and returned by the API.
type Task struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Done      bool      `json:"done"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// NewTask is what a client sends to create a task (POST) or to
// replace one (PUT): the same rules hold for both.
type NewTask struct {
	Title string
	Done  bool
}

// UpdateTask is a JSON merge patch (PATCH): only the fields that are Set change.
type UpdateTask struct {
	Title types.Optional[string]
	Done  types.Optional[bool]
}

// Fields are the names a client may send, in the model's order.
var Fields = []string{"title", "done"}

// SortFields are the names ?sort= accepts.
var SortFields = []string{"id", "title", "done", "created_at", "updated_at"}

// DecodeNew reads a POST or PUT body: a required field must be there, a
// field left out gets its default (or null), and every rule must hold.
func DecodeNew(body map[string]json.RawMessage) (NewTask, error) {
	var nb NewTask
	verr := &types.ValidationError{}
	types.Unknown(body, Fields, verr)
	switch v, st := types.Field(body, "title", types.DecodeString, verr); st {
	case types.Absent:
		verr.Add("title", "is required")
	case types.Null:
		verr.Add("title", "must not be null")
	case types.Present:
		nb.Title = v
	}
	switch v, st := types.Field(body, "done", types.DecodeBool, verr); st {
	case types.Absent:
		nb.Done = false
	case types.Null:
		verr.Add("done", "must not be null (leave it out to get the default)")
	case types.Present:
		nb.Done = v
	}
	verr.Merge(nb.Validate())
	return nb, verr.Err()
}

// DecodeUpdate reads a PATCH body (a JSON merge patch): a field left out
// stays as it is, null clears a field that may be null.
func DecodeUpdate(body map[string]json.RawMessage) (UpdateTask, error) {
	var ub UpdateTask
	verr := &types.ValidationError{}
	types.Unknown(body, Fields, verr)
	switch v, st := types.Field(body, "title", types.DecodeString, verr); st {
	case types.Null:
		verr.Add("title", "must not be null")
	case types.Present:
		ub.Title = types.Some(v)
	}
	switch v, st := types.Field(body, "done", types.DecodeBool, verr); st {
	case types.Null:
		verr.Add("done", "must not be null")
	case types.Present:
		ub.Done = types.Some(v)
	}
	return ub, verr.Err()
}

// Apply returns cur with the patch applied, as the full input to store;
// the caller validates it, as a PUT would be.
func (ub UpdateTask) Apply(cur Task) NewTask {
	nb := NewTask{
		Title: cur.Title,
		Done:  cur.Done,
	}
	if ub.Title.Set {
		nb.Title = ub.Title.Value
	}
	if ub.Done.Set {
		nb.Done = ub.Done.Value
	}
	return nb
}

// Validate checks every rule of the model and names each field that breaks one.
func (nb NewTask) Validate() error {
	verr := &types.ValidationError{}
	checkTitle(nb.Title, verr)
	checkDone(nb.Done, verr)
	return verr.Err()
}

// checkTitle applies the rules of title.
func checkTitle(v string, verr *types.ValidationError) {
	if err := types.CheckText(v); err != nil {
		verr.Add("title", err.Error())
		return
	}
	if types.IsBlank(v) {
		verr.Add("title", "must not be blank")
		return
	}
	n := utf8.RuneCountInString(v)
	if n < 1 {
		verr.Add("title", "must be at least 1 character long")
	}
	if n > 200 {
		verr.Add("title", "must be at most 200 characters long")
	}
}

// checkDone applies the rules of done.
func checkDone(v bool, verr *types.ValidationError) {
	_, _ = v, verr // any bool is allowed
}

// Filter holds the equality filters of a list (?field=value); nil means no filter.
type Filter struct {
	Title *string
	Done  *bool
}

// Query selects one page of tasks.
type Query struct {
	Limit, Offset int64
	Sort          []types.SortKey // empty: by id
	Filter        Filter
}

// ParseQuery reads limit, offset, sort and the filters of GET /tasks.
// Unknown parameters are ignored.
func ParseQuery(q url.Values) (Query, error) {
	var qr Query
	var err error
	if qr.Limit, qr.Offset, err = types.ParsePage(q); err != nil {
		return qr, err
	}
	if qr.Sort, err = types.ParseSort(q, SortFields); err != nil {
		return qr, err
	}
	if qr.Filter.Title, err = types.Filter(q, "title", types.ParseString); err != nil {
		return qr, err
	}
	if qr.Filter.Done, err = types.Filter(q, "done", types.ParseBool); err != nil {
		return qr, err
	}
	return qr, nil
}

// Store keeps tasks. Ids are passed as text, as they arrive in URLs and
// messages; an id the database could never have issued is types.ErrNotFound.
// A unique field clash is a *types.ConflictError.
type Store interface {
	Create(ctx context.Context, nb NewTask) (Task, error)
	Get(ctx context.Context, id string) (Task, error)
	List(ctx context.Context, q Query) (items []Task, total int64, err error)
	Replace(ctx context.Context, id string, nb NewTask) (Task, error)
	Delete(ctx context.Context, id string) error
}
