package httpapi

import (
	"encoding/json"

	"github.com/labstack/echo/v5"
)

// objectBinder is the echo.Binder of the service. echo's DefaultBinder
// reads any size, skips an empty body and ignores data after the value; a
// JSON object body (a *map[string]json.RawMessage) goes through the one
// decode helper (decodeObject) instead: 415, 413 before reading an oversized
// body, 400 for bad JSON, deep nesting, trailing data or a non-object. The
// keys are kept as sent, so each resource's Decode* refuses unknown ones with
// a 422 naming them. Any other target is bound by echo's DefaultBinder.
type objectBinder struct{}

func (objectBinder) Bind(c *echo.Context, target any) error {
	dst, ok := target.(*map[string]json.RawMessage)
	if !ok {
		return new(echo.DefaultBinder).Bind(c, target)
	}
	body, res, ok := decodeObject(c.Response(), c.Request())
	if !ok {
		return &bodyError{problem: res}
	}
	*dst = body
	return nil
}
