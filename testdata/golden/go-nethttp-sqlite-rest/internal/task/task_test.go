package task

// The cases below come from the model: valid values, values at the limits,
// and one invalid value for every rule of every field.

import (
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"testing"

	"github.com/octocat/demo/internal/types"
)

// example is a valid task with every field set.
const example = "{\"title\":\"Title 0\",\"done\":false}"

func exampleBody(t *testing.T) map[string]json.RawMessage {
	t.Helper()
	var body map[string]json.RawMessage
	if err := json.Unmarshal([]byte(example), &body); err != nil {
		t.Fatal(err)
	}
	return body
}

// names reports whether err is a validation error about field.
func names(err error, field string) bool {
	var verr *types.ValidationError
	return errors.As(err, &verr) && slices.ContainsFunc(verr.Errors, func(fe types.FieldError) bool { return fe.Field == field })
}

func TestDecodeNewValues(t *testing.T) {
	tests := []struct {
		field, rule, value string
		valid              bool
	}{
		{"title", "valid value 1", "\"Title 0\"", true},
		{"title", "valid value 2", "\"Title 1\"", true},
		{"title", "valid value 3", "\"Title 2\"", true},
		{"title", "the shortest allowed", "\"a\"", true},
		{"title", "the longest allowed", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", true},
		{"title", "the longest allowed, in non-ASCII characters", "\"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé✓\"", true},
		{"title", "null for a required field", "null", false},
		{"title", "a number instead of a string", "12345", false},
		{"title", "a string holding U+0000", "\"bad\\u0000value\"", false},
		{"title", "a string holding a lone surrogate", "\"bad\\ud800value\"", false},
		{"title", "a blank string", "\"   \"", false},
		{"title", "a string of spaces only some runtimes trim", "\"\u00a0\u200b\ufeff\u3000\"", false},
		{"title", "one character too long", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", false},
		{"done", "valid value 1", "false", true},
		{"done", "valid value 2", "true", true},
		{"done", "valid value 3", "false", true},
		{"done", "true", "true", true},
		{"done", "false", "false", true},
		{"done", "null for a field with a default", "null", false},
		{"done", "a string instead of true or false", "\"true\"", false},
		{"done", "a number instead of true or false", "1", false},
	}
	for _, tt := range tests {
		t.Run(tt.field+"/"+tt.rule, func(t *testing.T) {
			body := exampleBody(t)
			body[tt.field] = json.RawMessage(tt.value)
			_, err := DecodeNew(body)
			if tt.valid && err != nil {
				t.Fatalf("%s = %s: %v, want it accepted", tt.field, tt.value, err)
			}
			if !tt.valid && !names(err, tt.field) {
				t.Fatalf("%s = %s: got %v, want an error naming %s", tt.field, tt.value, err, tt.field)
			}
		})
	}
}

func TestDecodeNewAbsentFields(t *testing.T) {
	if _, err := DecodeNew(exampleBody(t)); err != nil {
		t.Fatalf("the example: %v", err)
	}
	unknown := exampleBody(t)
	unknown["no_such_field"] = json.RawMessage(`1`)
	if _, err := DecodeNew(unknown); !names(err, "no_such_field") {
		t.Errorf("an unknown key: got %v, want an error naming it", err)
	}
	t.Run("title", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "title")
		nb, err := DecodeNew(body)
		if !names(err, "title") {
			t.Fatalf("left out: got %v, want %q is required", err, "title")
		}
		_ = nb
	})
	t.Run("done", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "done")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.Done != false {
			t.Errorf("left out: got %v, want the default false", nb.Done)
		}
	})
}

func TestDecodeUpdate(t *testing.T) {
	ub, err := DecodeUpdate(map[string]json.RawMessage{})
	if err != nil {
		t.Fatalf("{}: %v", err)
	}
	cur := Task{}
	if nb := ub.Apply(cur); nb != (NewTask{}) {
		t.Errorf("{} changed the task: %+v", nb)
	}
	t.Run("title"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"title": json.RawMessage("null")})
		if !names(err, "title") {
			t.Fatalf("null: got %+v, %v, want an error naming the field", ub.Title, err)
		}
	})
	t.Run("done"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"done": json.RawMessage("null")})
		if !names(err, "done") {
			t.Fatalf("null: got %+v, %v, want an error naming the field", ub.Done, err)
		}
	})
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		query string
		valid bool
	}{
		{"", true},
		{"limit=1&offset=9223372036854775807", true},
		{"limit=100&sort=-id", true},
		{"limit=0", false},
		{"limit=101", false},
		{"limit=", false},
		{"limit=1&limit=2", false},
		{"offset=-1", false},
		{"offset=9223372036854775808", false},
		{"offset=abc", false},
		{"sort=" + url.QueryEscape("id,title,done,created_at,updated_at"), true},
		{"sort=nope", false},
		{"sort=id,-id", false},
		{"unknown=ignored", true},
		{"title=Title+0", true},
		{"title=a&title=b", false},
		{"done=false", true},
		{"done=a&done=b", false},
		{"done=maybe", false},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ParseQuery(q)
			var qerr *types.QueryError
			if tt.valid && err != nil {
				t.Fatalf("got %v, want it accepted", err)
			}
			if !tt.valid && !errors.As(err, &qerr) {
				t.Fatalf("got %v, want a *types.QueryError", err)
			}
		})
	}
}
