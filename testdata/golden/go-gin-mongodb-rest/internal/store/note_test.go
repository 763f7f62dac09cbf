package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"testing"

	"github.com/octocat/notes/internal/note"
	"github.com/octocat/notes/internal/types"
)

// newNote decodes a note from JSON as the API would.
func newNote(t *testing.T, js string) note.NewNote {
	t.Helper()
	var body map[string]json.RawMessage
	if err := json.Unmarshal([]byte(js), &body); err != nil {
		t.Fatal(err)
	}
	nb, err := note.DecodeNew(body)
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return nb
}

// createNote stores a note and deletes it when the test ends.
func createNote(t *testing.T, s note.Store, nb note.NewNote) note.Note {
	t.Helper()
	v, err := s.Create(context.Background(), nb)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	t.Cleanup(func() { _ = s.Delete(context.Background(), fmt.Sprint(v.ID)) })
	return v
}

func TestNoteStore(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t).Notes()
	nb := newNote(t, "{\"title\":\"Title 0\",\"done\":false}")
	v := createNote(t, s, nb)
	id := fmt.Sprint(v.ID)
	if v.CreatedAt.IsZero() || !v.UpdatedAt.Equal(v.CreatedAt) {
		t.Errorf("created_at %v, updated_at %v: want both set, and equal", v.CreatedAt, v.UpdatedAt)
	}
	wantFields(t, "create", v, "{\"title\":\"Title 0\",\"done\":false}")

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
	v2, err := s.Replace(ctx, id, newNote(t, "{\"title\":\"Title 1\",\"done\":true}"))
	if err != nil {
		t.Fatalf("replace: %v", err)
	}
	if !v2.CreatedAt.Equal(v.CreatedAt) || v2.UpdatedAt.Before(v.UpdatedAt) {
		t.Errorf("replace: created_at %v → %v, updated_at %v → %v", v.CreatedAt, v2.CreatedAt, v.UpdatedAt, v2.UpdatedAt)
	}
	if got, err := s.Get(ctx, id); err != nil {
		t.Errorf("get after replace: %v", err)
	} else {
		wantFields(t, "get after replace", got, "{\"title\":\"Title 1\",\"done\":true}")
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
	again := createNote(t, s, nb)
	if fmt.Sprint(again.ID) == id {
		t.Errorf("the id %s was reused after a delete", id)
	}
}

func TestNoteStoreList(t *testing.T) {
	ctx := context.Background()
	s := openTestDB(t).Notes()
	a := createNote(t, s, newNote(t, "{\"title\":\"Title 0\",\"done\":false}"))
	b := createNote(t, s, newNote(t, "{\"title\":\"Title 1\",\"done\":true}"))

	list := func(query string) ([]note.Note, int64) {
		t.Helper()
		qv, err := url.ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		q, err := note.ParseQuery(qv)
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		items, total, err := s.List(ctx, q)
		if err != nil {
			t.Fatalf("list %s: %v", query, err)
		}
		return items, total
	}
	index := func(items []note.Note, v note.Note) int {
		for i, it := range items {
			if it.ID == v.ID {
				return i
			}
		}
		return -1
	}

	items, total := list("limit=100")
	if total < 2 || index(items, a) < 0 || index(items, b) < 0 {
		t.Fatalf("list: total %d, want both new notes in it", total)
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
	for _, key := range note.SortFields {
		for _, dir := range []string{"", "-"} {
			if items, _ := list("limit=100&sort=" + dir + key); index(items, a) < 0 {
				t.Errorf("sort=%s%s lost a note", dir, key)
			}
		}
	}

	// ?title= keeps the notes with that value.
	{
		v := &a.Title
		items, total := list("limit=100&title=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("title=%v: the note with it is missing", *v)
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

	// ?done= keeps the notes with that value.
	{
		v := &a.Done
		items, total := list("limit=100&done=" + url.QueryEscape(fmt.Sprint(*v)))
		if index(items, a) < 0 {
			t.Errorf("done=%v: the note with it is missing", *v)
		}
		for _, it := range items {
			if w := &it.Done; w == nil || fmt.Sprint(*w) != fmt.Sprint(*v) {
				t.Errorf("done=%v: got one with %v", *v, w)
			}
		}
		if total != int64(len(items)) {
			t.Errorf("done=%v: total %d, %d items", *v, total, len(items))
		}
	}
}
