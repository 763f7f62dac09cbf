package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
)

// MaxBodyBytes bounds a request body: 1 MiB.
const MaxBodyBytes = 1 << 20

// maxDepth bounds how deeply a body may nest arrays and objects.
const maxDepth = 64

// decodeObject is the one decode helper: it reads a JSON object body and
// answers with the problem to send when it cannot.
//
//   - a Content-Type other than application/json or application/*+json: 415
//   - a body over MaxBodyBytes: 413, refused before reading it when
//     Content-Length says so
//   - bad JSON, a body shorter than its Content-Length, nesting deeper than
//     64, data after the value, or a value that is not an object: 400
//
// The keys are kept exactly as sent; each resource's Decode* functions
// refuse unknown ones (422 naming the key). encoding/json's
// DisallowUnknownFields is not enough: it matches keys to struct fields
// without regard to case, so "NAME" would pass for a field "name".
func decodeObject(w http.ResponseWriter, r *http.Request) (map[string]json.RawMessage, Result, bool) {
	if !isJSON(r.Header.Get("Content-Type")) {
		return nil, problem(http.StatusUnsupportedMediaType, "The body must be JSON: send Content-Type: application/json."), false
	}
	if r.ContentLength > MaxBodyBytes {
		return nil, problem(http.StatusRequestEntityTooLarge, "The body is larger than 1 MiB."), false
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, problem(http.StatusRequestEntityTooLarge, "The body is larger than 1 MiB."), false
		}
		return nil, problem(http.StatusBadRequest, "The body could not be read in full."), false
	}
	if tooDeep(raw) {
		return nil, problem(http.StatusBadRequest, "The body nests arrays or objects more than 64 levels deep."), false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	var body map[string]json.RawMessage
	if err := dec.Decode(&body); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field == "" {
			return nil, problem(http.StatusBadRequest, "The body must be a JSON object."), false
		}
		return nil, problem(http.StatusBadRequest, "The body is not valid JSON."), false
	}
	if body == nil {
		return nil, problem(http.StatusBadRequest, "The body must be a JSON object, not null."), false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, problem(http.StatusBadRequest, "The body has data after the JSON object."), false
	}
	return body, Result{}, true
}

// isJSON accepts application/json and any application/*+json (such as
// application/merge-patch+json), with parameters such as charset.
func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "application/json" || (strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
}

// tooDeep reports whether raw nests arrays and objects deeper than maxDepth
// (outside strings).
func tooDeep(raw []byte) bool {
	depth, inString, escaped := 0, false, false
	for _, c := range raw {
		if escaped {
			escaped = false
			continue
		}
		if inString {
			switch c {
			case '\\':
				escaped = true
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
			if depth > maxDepth {
				return true
			}
		case '}', ']':
			depth--
		}
	}
	return false
}
