package httpapi

import "errors"

// failure is the problem for an error a handler recorded: a refused body
// as the decode helper answered it, else an error of a store or of
// validation (fail).
func (a *API) failure(err error, what string) Result {
	var body *bodyError
	if errors.As(err, &body) {
		return body.problem
	}
	return a.fail(err, what)
}

// bodyError is a request body refused before it reached a resource: the
// problem the decode helper answered with (400, 413 or 415).
type bodyError struct {
	problem Result
}

func (e *bodyError) Error() string {
	if p, ok := e.problem.Body.(Problem); ok {
		return p.Detail
	}
	return "the body was refused"
}
