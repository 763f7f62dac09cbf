package httpapi

import (
	"errors"
	"net/http"

	"github.com/octocat/shelf/internal/types"
)

// fail maps an error of a store or of validation to its response: 404, 409,
// 422 or 400; anything else is logged and answered with a 500.
func (a *API) fail(err error, what string) Result {
	var verr *types.ValidationError
	var cerr *types.ConflictError
	var qerr *types.QueryError
	switch {
	case errors.Is(err, types.ErrNotFound):
		return problem(http.StatusNotFound, "No "+what+" has this id.")
	case errors.As(err, &verr):
		res := problem(http.StatusUnprocessableEntity, "The "+what+" breaks the rules of its fields: "+verr.Error()+".")
		p := res.Body.(Problem)
		p.Errors = verr.Errors
		res.Body = p
		return res
	case errors.As(err, &cerr):
		res := problem(http.StatusConflict, "Another "+what+" already has this "+cerr.Field+".")
		p := res.Body.(Problem)
		p.Errors = []types.FieldError{{Field: cerr.Field, Message: "is already taken"}}
		res.Body = p
		return res
	case errors.As(err, &qerr):
		return problem(http.StatusBadRequest, "The query parameter "+qerr.Error()+".")
	}
	a.log.Error("request failed", "err", err)
	return problem(http.StatusInternalServerError, "Something went wrong on our side.")
}
