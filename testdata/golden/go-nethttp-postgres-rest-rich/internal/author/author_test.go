package author

// The cases below come from the model: valid values, values at the limits,
// and one invalid value for every rule of every field.

import (
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"testing"

	"github.com/octocat/shelf/internal/types"
)

// example is a valid author with every field set.
const example = "{\"full_name\":\"Full name 0\",\"born_on\":\"2024-05-01\",\"rating\":0,\"books_written\":0,\"email\":\"Email 0\",\"genre\":\"fiction\",\"biography\":\"Some notes on biography, number 0\",\"active\":false,\"verified_at\":\"2024-05-01T09:30:00Z\"}"

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
		{"full_name", "valid value 1", "\"Full name 0\"", true},
		{"full_name", "valid value 2", "\"Full name 1\"", true},
		{"full_name", "valid value 3", "\"Full name 2\"", true},
		{"full_name", "the shortest allowed", "\"aa\"", true},
		{"full_name", "the longest allowed", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", true},
		{"full_name", "the longest allowed, in non-ASCII characters", "\"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé✓\"", true},
		{"full_name", "null for a required field", "null", false},
		{"full_name", "a number instead of a string", "12345", false},
		{"full_name", "a string holding U+0000", "\"bad\\u0000value\"", false},
		{"full_name", "a string holding a lone surrogate", "\"bad\\ud800value\"", false},
		{"full_name", "a blank string", "\"   \"", false},
		{"full_name", "a string of spaces only some runtimes trim", "\"\u00a0\u200b\ufeff\u3000\"", false},
		{"full_name", "one character too short", "\"a\"", false},
		{"full_name", "one character too long", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", false},
		{"born_on", "valid value 1", "\"2024-05-01\"", true},
		{"born_on", "valid value 2", "\"2024-05-02\"", true},
		{"born_on", "valid value 3", "\"2024-05-03\"", true},
		{"born_on", "a leap day", "\"2024-02-29\"", true},
		{"born_on", "null for a required field", "null", false},
		{"born_on", "a day that does not exist", "\"2024-02-30\"", false},
		{"born_on", "a date in another format", "\"31/05/2024\"", false},
		{"born_on", "a date and time instead of a date", "\"2024-05-31T10:00:00Z\"", false},
		{"born_on", "a number instead of a date", "20240531", false},
		{"rating", "valid value 1", "0", true},
		{"rating", "valid value 2", "1.25", true},
		{"rating", "valid value 3", "2.5", true},
		{"rating", "the smallest allowed", "0", true},
		{"rating", "the largest allowed", "5", true},
		{"rating", "null", "null", true},
		{"rating", "a string instead of a number", "\"1.5\"", false},
		{"rating", "below the minimum", "-1", false},
		{"rating", "above the maximum", "6", false},
		{"books_written", "valid value 1", "0", true},
		{"books_written", "valid value 2", "1", true},
		{"books_written", "valid value 3", "2", true},
		{"books_written", "the smallest allowed", "0", true},
		{"books_written", "the largest whole number JSON carries exactly", "9007199254740991", true},
		{"books_written", "null for a field with a default", "null", false},
		{"books_written", "a string instead of a number", "\"12\"", false},
		{"books_written", "a fraction", "1.5", false},
		{"books_written", "a number past 64 bits", "18446744073709551616", false},
		{"books_written", "one below the minimum", "-1", false},
		{"books_written", "one above the largest whole number JSON carries exactly", "9007199254740992", false},
		{"email", "valid value 1", "\"Email 0\"", true},
		{"email", "valid value 2", "\"Email 1\"", true},
		{"email", "valid value 3", "\"Email 2\"", true},
		{"email", "the longest allowed", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", true},
		{"email", "the longest allowed, in non-ASCII characters", "\"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé✓\"", true},
		{"email", "null", "null", true},
		{"email", "a number instead of a string", "12345", false},
		{"email", "a string holding U+0000", "\"bad\\u0000value\"", false},
		{"email", "a string holding a lone surrogate", "\"bad\\ud800value\"", false},
		{"email", "one character too long", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", false},
		{"genre", "valid value 1", "\"fiction\"", true},
		{"genre", "valid value 2", "\"non_fiction\"", true},
		{"genre", "valid value 3", "\"poetry\"", true},
		{"genre", "the value fiction", "\"fiction\"", true},
		{"genre", "the value non_fiction", "\"non_fiction\"", true},
		{"genre", "the value poetry", "\"poetry\"", true},
		{"genre", "null", "null", true},
		{"genre", "a value not in the list", "\"not_fiction\"", false},
		{"genre", "a value in the wrong case", "\"FICTION\"", false},
		{"genre", "a number instead of a value", "1", false},
		{"biography", "valid value 1", "\"Some notes on biography, number 0\"", true},
		{"biography", "valid value 2", "\"Some notes on biography, number 1\"", true},
		{"biography", "valid value 3", "\"Some notes on biography, number 2\"", true},
		{"biography", "the longest allowed", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", true},
		{"biography", "the longest allowed, in non-ASCII characters", "\"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé✓\"", true},
		{"biography", "null", "null", true},
		{"biography", "a number instead of a string", "12345", false},
		{"biography", "a string holding U+0000", "\"bad\\u0000value\"", false},
		{"biography", "a string holding a lone surrogate", "\"bad\\ud800value\"", false},
		{"biography", "one character too long", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", false},
		{"active", "valid value 1", "false", true},
		{"active", "valid value 2", "true", true},
		{"active", "valid value 3", "false", true},
		{"active", "true", "true", true},
		{"active", "false", "false", true},
		{"active", "null for a required field", "null", false},
		{"active", "a string instead of true or false", "\"true\"", false},
		{"active", "a number instead of true or false", "1", false},
		{"verified_at", "valid value 1", "\"2024-05-01T09:30:00Z\"", true},
		{"verified_at", "valid value 2", "\"2024-05-01T10:30:00Z\"", true},
		{"verified_at", "valid value 3", "\"2024-05-01T11:30:00Z\"", true},
		{"verified_at", "a time with an offset", "\"2024-05-31T16:30:00+02:00\"", true},
		{"verified_at", "null for a required field", "null", false},
		{"verified_at", "a date and time without a zone", "\"2024-05-31T14:30:00\"", false},
		{"verified_at", "a date alone", "\"2024-05-31\"", false},
		{"verified_at", "words instead of a date and time", "\"yesterday\"", false},
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
	t.Run("full_name", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "full_name")
		nb, err := DecodeNew(body)
		if !names(err, "full_name") {
			t.Fatalf("left out: got %v, want %q is required", err, "full_name")
		}
		_ = nb
	})
	t.Run("born_on", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "born_on")
		nb, err := DecodeNew(body)
		if !names(err, "born_on") {
			t.Fatalf("left out: got %v, want %q is required", err, "born_on")
		}
		_ = nb
	})
	t.Run("rating", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "rating")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.Rating != nil {
			t.Errorf("left out: got %v, want nil", nb.Rating)
		}
	})
	t.Run("books_written", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "books_written")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.BooksWritten != 0 {
			t.Errorf("left out: got %v, want the default 0", nb.BooksWritten)
		}
	})
	t.Run("email", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "email")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.Email != nil {
			t.Errorf("left out: got %v, want nil", nb.Email)
		}
	})
	t.Run("genre", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "genre")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.Genre != nil {
			t.Errorf("left out: got %v, want nil", nb.Genre)
		}
	})
	t.Run("biography", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "biography")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.Biography != nil {
			t.Errorf("left out: got %v, want nil", nb.Biography)
		}
	})
	t.Run("active", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "active")
		nb, err := DecodeNew(body)
		if !names(err, "active") {
			t.Fatalf("left out: got %v, want %q is required", err, "active")
		}
		_ = nb
	})
	t.Run("verified_at", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "verified_at")
		nb, err := DecodeNew(body)
		if !names(err, "verified_at") {
			t.Fatalf("left out: got %v, want %q is required", err, "verified_at")
		}
		_ = nb
	})
}

func TestDecodeUpdate(t *testing.T) {
	ub, err := DecodeUpdate(map[string]json.RawMessage{})
	if err != nil {
		t.Fatalf("{}: %v", err)
	}
	cur := Author{}
	if nb := ub.Apply(cur); nb != (NewAuthor{}) {
		t.Errorf("{} changed the author: %+v", nb)
	}
	t.Run("full_name"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"full_name": json.RawMessage("null")})
		if !names(err, "full_name") {
			t.Fatalf("null: got %+v, %v, want an error naming the field", ub.FullName, err)
		}
	})
	t.Run("born_on"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"born_on": json.RawMessage("null")})
		if !names(err, "born_on") {
			t.Fatalf("null: got %+v, %v, want an error naming the field", ub.BornOn, err)
		}
	})
	t.Run("rating"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"rating": json.RawMessage("null")})
		if err != nil || !ub.Rating.Set || ub.Rating.Value != nil {
			t.Fatalf("null clears a field that may be null: got %+v, %v", ub.Rating, err)
		}
	})
	t.Run("books_written"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"books_written": json.RawMessage("null")})
		if !names(err, "books_written") {
			t.Fatalf("null: got %+v, %v, want an error naming the field", ub.BooksWritten, err)
		}
	})
	t.Run("email"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"email": json.RawMessage("null")})
		if err != nil || !ub.Email.Set || ub.Email.Value != nil {
			t.Fatalf("null clears a field that may be null: got %+v, %v", ub.Email, err)
		}
	})
	t.Run("genre"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"genre": json.RawMessage("null")})
		if err != nil || !ub.Genre.Set || ub.Genre.Value != nil {
			t.Fatalf("null clears a field that may be null: got %+v, %v", ub.Genre, err)
		}
	})
	t.Run("biography"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"biography": json.RawMessage("null")})
		if err != nil || !ub.Biography.Set || ub.Biography.Value != nil {
			t.Fatalf("null clears a field that may be null: got %+v, %v", ub.Biography, err)
		}
	})
	t.Run("active"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"active": json.RawMessage("null")})
		if !names(err, "active") {
			t.Fatalf("null: got %+v, %v, want an error naming the field", ub.Active, err)
		}
	})
	t.Run("verified_at"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"verified_at": json.RawMessage("null")})
		if !names(err, "verified_at") {
			t.Fatalf("null: got %+v, %v, want an error naming the field", ub.VerifiedAt, err)
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
		{"sort=" + url.QueryEscape("id,full_name,born_on,rating,books_written,email,genre,biography,active,verified_at,created_at,updated_at"), true},
		{"sort=nope", false},
		{"sort=id,-id", false},
		{"unknown=ignored", true},
		{"full_name=Full+name+0", true},
		{"full_name=a&full_name=b", false},
		{"born_on=2024-05-01", true},
		{"born_on=a&born_on=b", false},
		{"born_on=2024-13-01", false},
		{"books_written=0", true},
		{"books_written=a&books_written=b", false},
		{"books_written=abc", false},
		{"email=Email+0", true},
		{"email=a&email=b", false},
		{"genre=fiction", true},
		{"genre=a&genre=b", false},
		{"genre=not_a_value", false},
		{"active=false", true},
		{"active=a&active=b", false},
		{"active=maybe", false},
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
