package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin/binding"
)

// jsonObject is the binding of every request body, used with
// c.ShouldBindWith. gin's own binding.JSON reads any Content-Type, any
// size and ignores data after the value; this one applies the service's
// rules through the one decode helper (decodeObject): 415, 413 before
// reading an oversized body, 400 for bad JSON, deep nesting, trailing data
// or a non-object. The keys are kept as sent, so each resource's Decode*
// refuses unknown ones with a 422 naming them.
var jsonObject binding.Binding = objectBinding{}

type objectBinding struct{}

func (objectBinding) Name() string { return "json-object" }

func (objectBinding) Bind(r *http.Request, obj any) error {
	dst, ok := obj.(*map[string]json.RawMessage)
	if !ok {
		return errors.New("jsonObject binds to a *map[string]json.RawMessage")
	}
	// No ResponseWriter here: http.MaxBytesReader still stops at the limit.
	body, res, ok := decodeObject(nil, r)
	if !ok {
		return &bodyError{problem: res}
	}
	*dst = body
	return nil
}

// itemURI is the {id} of an item route, bound with c.ShouldBindUri.
type itemURI struct {
	ID string `uri:"id" binding:"required"`
}
