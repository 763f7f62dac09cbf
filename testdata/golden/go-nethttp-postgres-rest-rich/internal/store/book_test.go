package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"testing"

	"github.com/octocat/shelf/internal/book"
	"github.com/octocat/shelf/internal/types"
)

// newBook decodes a book from JSON as the API would.
func newBook(t *testing.T, js string) book.NewBook {
	t.Helper()
	var body map[string]json.RawMessage
	if err := json.Unmarshal([]byte(js), &body); err != nil {
		t.Fatal(err)
	}
	nb, err := book.DecodeNew(body)
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return nb
}

// createBook stores a book and deletes it when the test ends.
func createBook(t *testing.T, s book.Store, nb book.NewBook) book.Book {
	t.Helper()
	v, err := s.Create(context.Background(), nb)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	t.Cleanup(func() { _ = s.Delete(context.Background(), fmt.Sprint(v.ID)) })
	return v
}

func TestBookStore(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t).Books()
	nb := newBook(t, "{\"title\":\"Title 0\",\"summary\":\"Some notes on summary, number 0\",\"pages\":1,\"price\":0,\"available\":false,\"published_on\":\"2024-05-01\",\"last_read_at\":\"2024-05-01T09:30:00Z\",\"status\":\"wishlist\",\"isbn\":\"Isbn 0\"}")
	v := createBook(t, s, nb)
	id := fmt.Sprint(v.ID)
	if v.CreatedAt.IsZero() || !v.UpdatedAt.Equal(v.CreatedAt) {
		t.Errorf("created_at %v, updated_at %v: want both set, and equal", v.CreatedAt, v.UpdatedAt)
	}
	wantFields(t, "create", v, "{\"title\":\"Title 0\",\"summary\":\"Some notes on summary, number 0\",\"pages\":1,\"price\":0,\"available\":false,\"published_on\":\"2024-05-01\",\"last_read_at\":\"2024-05-01T09:30:00Z\",\"status\":\"wishlist\",\"isbn\":\"Isbn 0\"}")

	got, err := s.Get(ctx, id)
	if err != nil {
		t.Fatalf("get %s: %v", id, err)
	}
	want, _ := json.Marshal(v)
	have, _ := json.Marshal(got)
	if string(want) != string(have) {
		t.Errorf("get returned\n%s\nwant what create returned\n%s", have, want)
	}

	// Replace with the second example; created_at stays.
	v2, err := s.Replace(ctx, id, newBook(t, "{\"title\":\"Title 1\",\"summary\":\"Some notes on summary, number 1\",\"pages\":2,\"price\":1.25,\"available\":true,\"published_on\":\"2024-05-02\",\"last_read_at\":\"2024-05-01T10:30:00Z\",\"status\":\"reading\",\"isbn\":\"Isbn 1\"}"))
	if err != nil {
		t.Fatalf("replace: %v", err)
	}
	if !v2.CreatedAt.Equal(v.CreatedAt) || v2.UpdatedAt.Before(v.UpdatedAt) {
		t.Errorf("replace: created_at %v → %v, updated_at %v → %v", v.CreatedAt, v2.CreatedAt, v.UpdatedAt, v2.UpdatedAt)
	}
	if got, err := s.Get(ctx, id); err != nil {
		t.Errorf("get after replace: %v", err)
	} else {
		wantFields(t, "get after replace", got, "{\"title\":\"Title 1\",\"summary\":\"Some notes on summary, number 1\",\"pages\":2,\"price\":1.25,\"available\":true,\"published_on\":\"2024-05-02\",\"last_read_at\":\"2024-05-01T10:30:00Z\",\"status\":\"reading\",\"isbn\":\"Isbn 1\"}")
	}

	for _, bad := range []string{"0", "-1", "abc", "99999999999999999999", "64b0c0ffee0000000000000a"} {
		if _, err := s.Get(ctx, bad); !errors.Is(err, types.ErrNotFound) {
			t.Errorf("get %q: got %v, want types.ErrNotFound", bad, err)
		}
	}

	if err := s.Delete(ctx, id); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := s.Get(ctx, id); !errors.Is(err, types.ErrNotFound) {
		t.Errorf("get after delete: got %v, want types.ErrNotFound", err)
	}
	if err := s.Delete(ctx, id); !errors.Is(err, types.ErrNotFound) {
		t.Errorf("second delete: got %v, want types.ErrNotFound", err)
	}

	// An id is never reused after a delete.
	again := createBook(t, s, nb)
	if fmt.Sprint(again.ID) == id {
		t.Errorf("the id %s was reused after a delete", id)
	}
}

func TestBookStoreUnique(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t).Books()
	first := createBook(t, s, newBook(t, "{\"title\":\"Title 0\",\"summary\":\"Some notes on summary, number 0\",\"pages\":1,\"price\":0,\"available\":false,\"published_on\":\"2024-05-01\",\"last_read_at\":\"2024-05-01T09:30:00Z\",\"status\":\"wishlist\",\"isbn\":\"Isbn 0\"}"))
	other := createBook(t, s, newBook(t, "{\"title\":\"Title 1\",\"summary\":\"Some notes on summary, number 1\",\"pages\":2,\"price\":1.25,\"available\":true,\"published_on\":\"2024-05-02\",\"last_read_at\":\"2024-05-01T10:30:00Z\",\"status\":\"reading\",\"isbn\":\"Isbn 1\"}"))
	nb := newBook(t, "{\"title\":\"Title 0\",\"summary\":\"Some notes on summary, number 0\",\"pages\":1,\"price\":0,\"available\":false,\"published_on\":\"2024-05-01\",\"last_read_at\":\"2024-05-01T09:30:00Z\",\"status\":\"wishlist\",\"isbn\":\"Isbn 0\"}")
	v, err := s.Create(ctx, nb)
	var conflict *types.ConflictError
	if !errors.As(err, &conflict) {
		_ = s.Delete(ctx, fmt.Sprint(v.ID))
		t.Fatalf("a second book with the same unique values: got %v, want a *types.ConflictError", err)
	}
	if _, err := s.Replace(ctx, fmt.Sprint(other.ID), nb); !errors.As(err, &conflict) {
		t.Errorf("replace with another's unique values: got %v, want a *types.ConflictError", err)
	}
	_ = first
}

func TestBookStoreList(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t).Books()
	a := createBook(t, s, newBook(t, "{\"title\":\"Title 0\",\"summary\":\"Some notes on summary, number 0\",\"pages\":1,\"price\":0,\"available\":false,\"published_on\":\"2024-05-01\",\"last_read_at\":\"2024-05-01T09:30:00Z\",\"status\":\"wishlist\",\"isbn\":\"Isbn 0\"}"))
	b := createBook(t, s, newBook(t, "{\"title\":\"Title 1\",\"summary\":\"Some notes on summary, number 1\",\"pages\":2,\"price\":1.25,\"available\":true,\"published_on\":\"2024-05-02\",\"last_read_at\":\"2024-05-01T10:30:00Z\",\"status\":\"reading\",\"isbn\":\"Isbn 1\"}"))

	list := func(query string) ([]book.Book, int64) {
		t.Helper()
		qv, err := url.ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		q, err := book.ParseQuery(qv)
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		items, total, err := s.List(ctx, q)
		if err != nil {
			t.Fatalf("list %s: %v", query, err)
		}
		return items, total
	}
	index := func(items []book.Book, v book.Book) int {
		for i, it := range items {
			if it.ID == v.ID {
				return i
			}
		}
		return -1
	}

	items, total := list("limit=100")
	if total < 2 || index(items, a) < 0 || index(items, b) < 0 {
		t.Fatalf("list: total %d, want both new books in it", total)
	}
	if index(items, a) > index(items, b) {
		t.Errorf("default order: %v after %v, want id order", a.ID, b.ID)
	}
	items, _ = list("limit=100&sort=-id")
	if index(items, a) < index(items, b) {
		t.Errorf("sort=-id: %v before %v", a.ID, b.ID)
	}
	if items, total := list("limit=1&offset=1"); len(items) != 1 || total < 2 {
		t.Errorf("limit=1&offset=1: %d items of %d", len(items), total)
	}
	if items, _ := list("offset=9223372036854775807"); len(items) != 0 {
		t.Errorf("the largest offset: %d items, want none", len(items))
	}
	for _, key := range book.SortFields {
		for _, dir := range []string{"", "-"} {
			if items, _ := list("limit=100&sort=" + dir + key); index(items, a) < 0 {
				t.Errorf("sort=%s%s lost a book", dir, key)
			}
		}
	}

	// ?title= keeps the books with that value.
	{
		v := &a.Title
		items, total := list("limit=100&title=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("title=%v: the book with it is missing", *v)
		}
		for _, it := range items {
			if w := &it.Title; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("title=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("title=%v: total %d, %d items", *v, total, len(items))
		}
	}

	// ?pages= keeps the books with that value.
	{
		v := a.Pages
		if v == nil {
			t.Fatal("the example has no pages")
		}
		items, total := list("limit=100&pages=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("pages=%v: the book with it is missing", *v)
		}
		for _, it := range items {
			if w := it.Pages; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("pages=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("pages=%v: total %d, %d items", *v, total, len(items))
		}
	}

	// ?available= keeps the books with that value.
	{
		v := &a.Available
		items, total := list("limit=100&available=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("available=%v: the book with it is missing", *v)
		}
		for _, it := range items {
			if w := &it.Available; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("available=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("available=%v: total %d, %d items", *v, total, len(items))
		}
	}

	// ?published_on= keeps the books with that value.
	{
		v := a.PublishedOn
		if v == nil {
			t.Fatal("the example has no published_on")
		}
		items, total := list("limit=100&published_on=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("published_on=%v: the book with it is missing", *v)
		}
		for _, it := range items {
			if w := it.PublishedOn; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("published_on=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("published_on=%v: total %d, %d items", *v, total, len(items))
		}
	}

	// ?status= keeps the books with that value.
	{
		v := &a.Status
		items, total := list("limit=100&status=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("status=%v: the book with it is missing", *v)
		}
		for _, it := range items {
			if w := &it.Status; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("status=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("status=%v: total %d, %d items", *v, total, len(items))
		}
	}

	// ?isbn= keeps the books with that value.
	{
		v := a.ISBN
		if v == nil {
			t.Fatal("the example has no isbn")
		}
		items, total := list("limit=100&isbn=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("isbn=%v: the book with it is missing", *v)
		}
		for _, it := range items {
			if w := it.ISBN; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("isbn=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("isbn=%v: total %d, %d items", *v, total, len(items))
		}
	}
}
