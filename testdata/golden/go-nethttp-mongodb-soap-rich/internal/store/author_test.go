package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"testing"

	"github.com/octocat/shelf/internal/author"
	"github.com/octocat/shelf/internal/types"
)

// newAuthor decodes a author from JSON as the API would.
func newAuthor(t *testing.T, js string) author.NewAuthor {
	t.Helper()
	var body map[string]json.RawMessage
	if err := json.Unmarshal([]byte(js), &body); err != nil {
		t.Fatal(err)
	}
	nb, err := author.DecodeNew(body)
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return nb
}

// createAuthor stores a author and deletes it when the test ends.
func createAuthor(t *testing.T, s author.Store, nb author.NewAuthor) author.Author {
	t.Helper()
	v, err := s.Create(context.Background(), nb)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	t.Cleanup(func() { _ = s.Delete(context.Background(), fmt.Sprint(v.ID)) })
	return v
}

func TestAuthorStore(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t).Authors()
	nb := newAuthor(t, "{\"full_name\":\"Full name 0\",\"born_on\":\"2024-05-01\",\"rating\":0,\"books_written\":0,\"email\":\"Email 0\",\"genre\":\"fiction\",\"biography\":\"Some notes on biography, number 0\",\"active\":false,\"verified_at\":\"2024-05-01T09:30:00Z\"}")
	v := createAuthor(t, s, nb)
	id := fmt.Sprint(v.ID)
	if v.CreatedAt.IsZero() || !v.UpdatedAt.Equal(v.CreatedAt) {
		t.Errorf("created_at %v, updated_at %v: want both set, and equal", v.CreatedAt, v.UpdatedAt)
	}
	wantFields(t, "create", v, "{\"full_name\":\"Full name 0\",\"born_on\":\"2024-05-01\",\"rating\":0,\"books_written\":0,\"email\":\"Email 0\",\"genre\":\"fiction\",\"biography\":\"Some notes on biography, number 0\",\"active\":false,\"verified_at\":\"2024-05-01T09:30:00Z\"}")

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
	v2, err := s.Replace(ctx, id, newAuthor(t, "{\"full_name\":\"Full name 1\",\"born_on\":\"2024-05-02\",\"rating\":1.25,\"books_written\":1,\"email\":\"Email 1\",\"genre\":\"non_fiction\",\"biography\":\"Some notes on biography, number 1\",\"active\":true,\"verified_at\":\"2024-05-01T10:30:00Z\"}"))
	if err != nil {
		t.Fatalf("replace: %v", err)
	}
	if !v2.CreatedAt.Equal(v.CreatedAt) || v2.UpdatedAt.Before(v.UpdatedAt) {
		t.Errorf("replace: created_at %v → %v, updated_at %v → %v", v.CreatedAt, v2.CreatedAt, v.UpdatedAt, v2.UpdatedAt)
	}
	if got, err := s.Get(ctx, id); err != nil {
		t.Errorf("get after replace: %v", err)
	} else {
		wantFields(t, "get after replace", got, "{\"full_name\":\"Full name 1\",\"born_on\":\"2024-05-02\",\"rating\":1.25,\"books_written\":1,\"email\":\"Email 1\",\"genre\":\"non_fiction\",\"biography\":\"Some notes on biography, number 1\",\"active\":true,\"verified_at\":\"2024-05-01T10:30:00Z\"}")
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
	again := createAuthor(t, s, nb)
	if fmt.Sprint(again.ID) == id {
		t.Errorf("the id %s was reused after a delete", id)
	}
}

func TestAuthorStoreUnique(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t).Authors()
	first := createAuthor(t, s, newAuthor(t, "{\"full_name\":\"Full name 0\",\"born_on\":\"2024-05-01\",\"rating\":0,\"books_written\":0,\"email\":\"Email 0\",\"genre\":\"fiction\",\"biography\":\"Some notes on biography, number 0\",\"active\":false,\"verified_at\":\"2024-05-01T09:30:00Z\"}"))
	other := createAuthor(t, s, newAuthor(t, "{\"full_name\":\"Full name 1\",\"born_on\":\"2024-05-02\",\"rating\":1.25,\"books_written\":1,\"email\":\"Email 1\",\"genre\":\"non_fiction\",\"biography\":\"Some notes on biography, number 1\",\"active\":true,\"verified_at\":\"2024-05-01T10:30:00Z\"}"))
	nb := newAuthor(t, "{\"full_name\":\"Full name 0\",\"born_on\":\"2024-05-01\",\"rating\":0,\"books_written\":0,\"email\":\"Email 0\",\"genre\":\"fiction\",\"biography\":\"Some notes on biography, number 0\",\"active\":false,\"verified_at\":\"2024-05-01T09:30:00Z\"}")
	v, err := s.Create(ctx, nb)
	var conflict *types.ConflictError
	if !errors.As(err, &conflict) {
		_ = s.Delete(ctx, fmt.Sprint(v.ID))
		t.Fatalf("a second author with the same unique values: got %v, want a *types.ConflictError", err)
	}
	if _, err := s.Replace(ctx, fmt.Sprint(other.ID), nb); !errors.As(err, &conflict) {
		t.Errorf("replace with another's unique values: got %v, want a *types.ConflictError", err)
	}
	_ = first
}

func TestAuthorStoreList(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t).Authors()
	a := createAuthor(t, s, newAuthor(t, "{\"full_name\":\"Full name 0\",\"born_on\":\"2024-05-01\",\"rating\":0,\"books_written\":0,\"email\":\"Email 0\",\"genre\":\"fiction\",\"biography\":\"Some notes on biography, number 0\",\"active\":false,\"verified_at\":\"2024-05-01T09:30:00Z\"}"))
	b := createAuthor(t, s, newAuthor(t, "{\"full_name\":\"Full name 1\",\"born_on\":\"2024-05-02\",\"rating\":1.25,\"books_written\":1,\"email\":\"Email 1\",\"genre\":\"non_fiction\",\"biography\":\"Some notes on biography, number 1\",\"active\":true,\"verified_at\":\"2024-05-01T10:30:00Z\"}"))

	list := func(query string) ([]author.Author, int64) {
		t.Helper()
		qv, err := url.ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		q, err := author.ParseQuery(qv)
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		items, total, err := s.List(ctx, q)
		if err != nil {
			t.Fatalf("list %s: %v", query, err)
		}
		return items, total
	}
	index := func(items []author.Author, v author.Author) int {
		for i, it := range items {
			if it.ID == v.ID {
				return i
			}
		}
		return -1
	}

	items, total := list("limit=100")
	if total < 2 || index(items, a) < 0 || index(items, b) < 0 {
		t.Fatalf("list: total %d, want both new authors in it", total)
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
	for _, key := range author.SortFields {
		for _, dir := range []string{"", "-"} {
			if items, _ := list("limit=100&sort=" + dir + key); index(items, a) < 0 {
				t.Errorf("sort=%s%s lost a author", dir, key)
			}
		}
	}

	// ?full_name= keeps the authors with that value.
	{
		v := &a.FullName
		items, total := list("limit=100&full_name=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("full_name=%v: the author with it is missing", *v)
		}
		for _, it := range items {
			if w := &it.FullName; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("full_name=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("full_name=%v: total %d, %d items", *v, total, len(items))
		}
	}

	// ?born_on= keeps the authors with that value.
	{
		v := &a.BornOn
		items, total := list("limit=100&born_on=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("born_on=%v: the author with it is missing", *v)
		}
		for _, it := range items {
			if w := &it.BornOn; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("born_on=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("born_on=%v: total %d, %d items", *v, total, len(items))
		}
	}

	// ?books_written= keeps the authors with that value.
	{
		v := &a.BooksWritten
		items, total := list("limit=100&books_written=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("books_written=%v: the author with it is missing", *v)
		}
		for _, it := range items {
			if w := &it.BooksWritten; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("books_written=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("books_written=%v: total %d, %d items", *v, total, len(items))
		}
	}

	// ?email= keeps the authors with that value.
	{
		v := a.Email
		if v == nil {
			t.Fatal("the example has no email")
		}
		items, total := list("limit=100&email=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("email=%v: the author with it is missing", *v)
		}
		for _, it := range items {
			if w := it.Email; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("email=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("email=%v: total %d, %d items", *v, total, len(items))
		}
	}

	// ?genre= keeps the authors with that value.
	{
		v := a.Genre
		if v == nil {
			t.Fatal("the example has no genre")
		}
		items, total := list("limit=100&genre=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("genre=%v: the author with it is missing", *v)
		}
		for _, it := range items {
			if w := it.Genre; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("genre=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("genre=%v: total %d, %d items", *v, total, len(items))
		}
	}

	// ?active= keeps the authors with that value.
	{
		v := &a.Active
		items, total := list("limit=100&active=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("active=%v: the author with it is missing", *v)
		}
		for _, it := range items {
			if w := &it.Active; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("active=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("active=%v: total %d, %d items", *v, total, len(items))
		}
	}
}
