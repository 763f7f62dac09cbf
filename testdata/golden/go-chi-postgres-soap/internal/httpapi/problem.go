package httpapi

import (
	"net/http"

	"github.com/octocat/shop-api/internal/types"
)

// Problem is an RFC 9457 problem details body (application/problem+json).
type Problem struct {
	Type   string             `json:"type"`
	Title  string             `json:"title"`
	Status int                `json:"status"`
	Detail string             `json:"detail"`
	Errors []types.FieldError `json:"errors,omitempty"` // 422: one entry per broken rule
}

func problem(status int, detail string) Result {
	return Result{Status: status, Body: Problem{
		Type:   "about:blank",
		Title:  http.StatusText(status),
		Status: status,
		Detail: detail,
	}}
}

// WriteProblem sends a problem response; the router's own 404 and 405 use it too.
func WriteProblem(w http.ResponseWriter, status int, detail string) {
	problem(status, detail).Write(w)
}
