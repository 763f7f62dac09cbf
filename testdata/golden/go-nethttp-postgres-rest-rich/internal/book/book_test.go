package book

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

// example is a valid book with every field set.
const example = "{\"title\":\"Title 0\",\"summary\":\"Some notes on summary, number 0\",\"pages\":1,\"price\":0,\"available\":false,\"published_on\":\"2024-05-01\",\"last_read_at\":\"2024-05-01T09:30:00Z\",\"status\":\"wishlist\",\"isbn\":\"Isbn 0\"}"

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
		{"summary", "valid value 1", "\"Some notes on summary, number 0\"", true},
		{"summary", "valid value 2", "\"Some notes on summary, number 1\"", true},
		{"summary", "valid value 3", "\"Some notes on summary, number 2\"", true},
		{"summary", "the longest allowed", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", true},
		{"summary", "the longest allowed, in non-ASCII characters", "\"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé✓\"", true},
		{"summary", "null", "null", true},
		{"summary", "a number instead of a string", "12345", false},
		{"summary", "a string holding U+0000", "\"bad\\u0000value\"", false},
		{"summary", "a string holding a lone surrogate", "\"bad\\ud800value\"", false},
		{"pages", "valid value 1", "1", true},
		{"pages", "valid value 2", "2", true},
		{"pages", "valid value 3", "3", true},
		{"pages", "the smallest allowed", "1", true},
		{"pages", "the largest allowed", "10000", true},
		{"pages", "null", "null", true},
		{"pages", "a string instead of a number", "\"12\"", false},
		{"pages", "a fraction", "1.5", false},
		{"pages", "a number past 64 bits", "18446744073709551616", false},
		{"pages", "one below the minimum", "0", false},
		{"pages", "one above the maximum", "10001", false},
		{"price", "valid value 1", "0", true},
		{"price", "valid value 2", "1.25", true},
		{"price", "valid value 3", "2.5", true},
		{"price", "the smallest allowed", "0", true},
		{"price", "null", "null", true},
		{"price", "a string instead of a number", "\"1.5\"", false},
		{"price", "below the minimum", "-1", false},
		{"available", "valid value 1", "false", true},
		{"available", "valid value 2", "true", true},
		{"available", "valid value 3", "false", true},
		{"available", "true", "true", true},
		{"available", "false", "false", true},
		{"available", "null for a field with a default", "null", false},
		{"available", "a string instead of true or false", "\"true\"", false},
		{"available", "a number instead of true or false", "1", false},
		{"published_on", "valid value 1", "\"2024-05-01\"", true},
		{"published_on", "valid value 2", "\"2024-05-02\"", true},
		{"published_on", "valid value 3", "\"2024-05-03\"", true},
		{"published_on", "a leap day", "\"2024-02-29\"", true},
		{"published_on", "null", "null", true},
		{"published_on", "a day that does not exist", "\"2024-02-30\"", false},
		{"published_on", "a date in another format", "\"31/05/2024\"", false},
		{"published_on", "a date and time instead of a date", "\"2024-05-31T10:00:00Z\"", false},
		{"published_on", "a number instead of a date", "20240531", false},
		{"last_read_at", "valid value 1", "\"2024-05-01T09:30:00Z\"", true},
		{"last_read_at", "valid value 2", "\"2024-05-01T10:30:00Z\"", true},
		{"last_read_at", "valid value 3", "\"2024-05-01T11:30:00Z\"", true},
		{"last_read_at", "a time with an offset", "\"2024-05-31T16:30:00+02:00\"", true},
		{"last_read_at", "null", "null", true},
		{"last_read_at", "a date and time without a zone", "\"2024-05-31T14:30:00\"", false},
		{"last_read_at", "a date alone", "\"2024-05-31\"", false},
		{"last_read_at", "words instead of a date and time", "\"yesterday\"", false},
		{"status", "valid value 1", "\"wishlist\"", true},
		{"status", "valid value 2", "\"reading\"", true},
		{"status", "valid value 3", "\"read\"", true},
		{"status", "the value wishlist", "\"wishlist\"", true},
		{"status", "the value reading", "\"reading\"", true},
		{"status", "the value read", "\"read\"", true},
		{"status", "null for a field with a default", "null", false},
		{"status", "a value not in the list", "\"not_wishlist\"", false},
		{"status", "a value in the wrong case", "\"WISHLIST\"", false},
		{"status", "a number instead of a value", "1", false},
		{"isbn", "valid value 1", "\"Isbn 0\"", true},
		{"isbn", "valid value 2", "\"Isbn 1\"", true},
		{"isbn", "valid value 3", "\"Isbn 2\"", true},
		{"isbn", "the longest allowed", "\"xxxxxxxxxxxxxxxxx\"", true},
		{"isbn", "the longest allowed, in non-ASCII characters", "\"éééééééééééééééé✓\"", true},
		{"isbn", "null", "null", true},
		{"isbn", "a number instead of a string", "12345", false},
		{"isbn", "a string holding U+0000", "\"bad\\u0000value\"", false},
		{"isbn", "a string holding a lone surrogate", "\"bad\\ud800value\"", false},
		{"isbn", "one character too long", "\"xxxxxxxxxxxxxxxxxx\"", false},
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
	t.Run("summary", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "summary")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.Summary != nil {
			t.Errorf("left out: got %v, want nil", nb.Summary)
		}
	})
	t.Run("pages", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "pages")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.Pages != nil {
			t.Errorf("left out: got %v, want nil", nb.Pages)
		}
	})
	t.Run("price", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "price")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.Price != nil {
			t.Errorf("left out: got %v, want nil", nb.Price)
		}
	})
	t.Run("available", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "available")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.Available != true {
			t.Errorf("left out: got %v, want the default true", nb.Available)
		}
	})
	t.Run("published_on", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "published_on")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.PublishedOn != nil {
			t.Errorf("left out: got %v, want nil", nb.PublishedOn)
		}
	})
	t.Run("last_read_at", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "last_read_at")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.LastReadAt != nil {
			t.Errorf("left out: got %v, want nil", nb.LastReadAt)
		}
	})
	t.Run("status", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "status")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.Status != StatusWishlist {
			t.Errorf("left out: got %v, want the default wishlist", nb.Status)
		}
	})
	t.Run("isbn", func(t *testing.T) {
		body := exampleBody(t)
		delete(body, "isbn")
		nb, err := DecodeNew(body)
		if err != nil {
			t.Fatalf("left out: %v", err)
		}
		if nb.ISBN != nil {
			t.Errorf("left out: got %v, want nil", nb.ISBN)
		}
	})
}

func TestDecodeUpdate(t *testing.T) {
	ub, err := DecodeUpdate(map[string]json.RawMessage{})
	if err != nil {
		t.Fatalf("{}: %v", err)
	}
	cur := Book{}
	if nb := ub.Apply(cur); nb != (NewBook{}) {
		t.Errorf("{} changed the book: %+v", nb)
	}
	t.Run("title"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"title": json.RawMessage("null")})
		if !names(err, "title") {
			t.Fatalf("null: got %+v, %v, want an error naming the field", ub.Title, err)
		}
	})
	t.Run("summary"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"summary": json.RawMessage("null")})
		if err != nil || !ub.Summary.Set || ub.Summary.Value != nil {
			t.Fatalf("null clears a field that may be null: got %+v, %v", ub.Summary, err)
		}
	})
	t.Run("pages"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"pages": json.RawMessage("null")})
		if err != nil || !ub.Pages.Set || ub.Pages.Value != nil {
			t.Fatalf("null clears a field that may be null: got %+v, %v", ub.Pages, err)
		}
	})
	t.Run("price"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"price": json.RawMessage("null")})
		if err != nil || !ub.Price.Set || ub.Price.Value != nil {
			t.Fatalf("null clears a field that may be null: got %+v, %v", ub.Price, err)
		}
	})
	t.Run("available"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"available": json.RawMessage("null")})
		if !names(err, "available") {
			t.Fatalf("null: got %+v, %v, want an error naming the field", ub.Available, err)
		}
	})
	t.Run("published_on"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"published_on": json.RawMessage("null")})
		if err != nil || !ub.PublishedOn.Set || ub.PublishedOn.Value != nil {
			t.Fatalf("null clears a field that may be null: got %+v, %v", ub.PublishedOn, err)
		}
	})
	t.Run("last_read_at"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"last_read_at": json.RawMessage("null")})
		if err != nil || !ub.LastReadAt.Set || ub.LastReadAt.Value != nil {
			t.Fatalf("null clears a field that may be null: got %+v, %v", ub.LastReadAt, err)
		}
	})
	t.Run("status"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"status": json.RawMessage("null")})
		if !names(err, "status") {
			t.Fatalf("null: got %+v, %v, want an error naming the field", ub.Status, err)
		}
	})
	t.Run("isbn"+" null", func(t *testing.T) {
		ub, err := DecodeUpdate(map[string]json.RawMessage{"isbn": json.RawMessage("null")})
		if err != nil || !ub.ISBN.Set || ub.ISBN.Value != nil {
			t.Fatalf("null clears a field that may be null: got %+v, %v", ub.ISBN, err)
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
		{"sort=" + url.QueryEscape("id,title,summary,pages,price,available,published_on,last_read_at,status,isbn,created_at,updated_at"), true},
		{"sort=nope", false},
		{"sort=id,-id", false},
		{"unknown=ignored", true},
		{"title=Title+0", true},
		{"title=a&title=b", false},
		{"pages=1", true},
		{"pages=a&pages=b", false},
		{"pages=abc", false},
		{"available=false", true},
		{"available=a&available=b", false},
		{"available=maybe", false},
		{"published_on=2024-05-01", true},
		{"published_on=a&published_on=b", false},
		{"published_on=2024-13-01", false},
		{"status=wishlist", true},
		{"status=a&status=b", false},
		{"status=not_a_value", false},
		{"isbn=Isbn+0", true},
		{"isbn=a&isbn=b", false},
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
