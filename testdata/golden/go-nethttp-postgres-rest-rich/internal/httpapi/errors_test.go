package httpapi

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/octocat/shelf/internal/types"
)

// TestFail checks how each error of a store or of validation is answered.
func TestFail(t *testing.T) {
	var logged strings.Builder
	a := &API{log: slog.New(slog.NewTextHandler(&logged, nil))}
	verr := &types.ValidationError{}
	verr.Add("color", "is required")
	tests := []struct {
		name   string
		err    error
		status int
		detail string
		errors []types.FieldError
	}{
		{"not found", fmt.Errorf("get: %w", types.ErrNotFound), http.StatusNotFound, "No thing has this id.", nil},
		{"invalid", verr, http.StatusUnprocessableEntity, "The thing breaks the rules of its fields: color: is required.", verr.Errors},
		{"conflict", fmt.Errorf("insert: %w", &types.ConflictError{Field: "color"}), http.StatusConflict, "Another thing already has this color.", []types.FieldError{{Field: "color", Message: "is already taken"}}},
		{"bad query", &types.QueryError{Param: "limit", Message: "must be given once"}, http.StatusBadRequest, "The query parameter limit must be given once.", nil},
		{"anything else", errors.New("dial tcp 10.0.0.1:5432: connection refused"), http.StatusInternalServerError, "Something went wrong on our side.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.fail(tt.err, "thing")
			p, ok := res.Body.(Problem)
			if !ok || res.Status != tt.status || p.Status != tt.status || p.Detail != tt.detail {
				t.Fatalf("got %d %+v, want %d %q", res.Status, res.Body, tt.status, tt.detail)
			}
			if fmt.Sprint(p.Errors) != fmt.Sprint(tt.errors) {
				t.Errorf("errors %+v, want %+v", p.Errors, tt.errors)
			}
		})
	}
	if !strings.Contains(logged.String(), "connection refused") {
		t.Errorf("the 500's cause is not logged: %q", logged.String())
	}
}
