package httpapi

import "errors"

// failure is the problem for an error a handler returned: a refused body
// as the decode helper answered it, an error of a store or of validation on
// a resource (fail); anything else is logged and answered with a 500.
func (a *API) failure(err error) Result {
	var body *bodyError
	var res *resourceError
	switch {
	case errors.As(err, &body):
		return body.problem
	case errors.As(err, &res):
		return a.fail(res.err, res.what)
	}
	return a.fail(err, "request")
}

// resourceError is an error of a call on one resource; what names the
// resource in the problem's detail.
type resourceError struct {
	what string
	err  error
}

func (e *resourceError) Error() string { return e.what + ": " + e.err.Error() }

func (e *resourceError) Unwrap() error { return e.err }

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
