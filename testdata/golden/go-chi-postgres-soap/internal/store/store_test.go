package store

// Integration test: it talks to a real database through DATABASE_URL.
// Without DATABASE_URL it is skipped (and fails when CI is set), e.g.:
//
//	DATABASE_URL='postgres://app:app@localhost:5432/app?sslmode=disable' go test ./internal/store/

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/octocat/shop-api/internal/task"
)

func openTestStore(t *testing.T) task.Store {
	t.Helper()
	databaseURL := os.Getenv("DATABASE_URL")
	if databaseURL == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("DATABASE_URL is not set: CI must run the PostgreSQL integration test")
		}
		t.Skip("DATABASE_URL is not set: skipping the PostgreSQL integration test (see README, Tests)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := Open(ctx, databaseURL)
	if err != nil {
		t.Fatalf("open %s: %v", databaseURL, err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestStoreCRUD(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()

	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}

	title := fmt.Sprintf("integration test %d", time.Now().UnixNano())
	created, err := s.Create(ctx, task.Input{Title: title})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	id := fmt.Sprint(created.ID)
	t.Cleanup(func() { _ = s.Delete(context.Background(), id) })
	if created.Title != title || created.Done || created.CreatedAt.IsZero() || id == "" {
		t.Fatalf("Create returned %+v", created)
	}

	got, err := s.Get(ctx, id)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if got.ID != created.ID || got.Title != title || !got.CreatedAt.Equal(created.CreatedAt) {
		t.Fatalf("Get = %+v, want %+v", got, created)
	}

	items, total, err := s.List(ctx, task.Page{Limit: task.MaxLimit})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if total < 1 || len(items) < 1 {
		t.Fatalf("List: total %d, %d items; want at least one", total, len(items))
	}
	if _, _, err := s.List(ctx, task.Page{Limit: 1, Offset: total}); err != nil {
		t.Fatalf("List past the end: %v", err)
	}

	updated, err := s.Update(ctx, id, task.Input{Title: title + " (done)", Done: true})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if !updated.Done || updated.Title != title+" (done)" || !updated.CreatedAt.Equal(created.CreatedAt) {
		t.Fatalf("Update = %+v", updated)
	}
	// Updating with the same values must still succeed.
	if _, err := s.Update(ctx, id, task.Input{Title: title + " (done)", Done: true}); err != nil {
		t.Fatalf("Update with unchanged values: %v", err)
	}

	if err := s.Delete(ctx, id); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := s.Get(ctx, id); !errors.Is(err, task.ErrNotFound) {
		t.Fatalf("Get after Delete: %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, id); !errors.Is(err, task.ErrNotFound) {
		t.Fatalf("second Delete: %v, want ErrNotFound", err)
	}
}

func TestStoreNotFound(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	ids := []string{"0", "-1", "abc", "999999999999", "1.5", ""}
	for _, id := range ids {
		if _, err := s.Get(ctx, id); !errors.Is(err, task.ErrNotFound) {
			t.Errorf("Get(%q) = %v, want ErrNotFound", id, err)
		}
		if _, err := s.Update(ctx, id, task.Input{Title: "x"}); !errors.Is(err, task.ErrNotFound) {
			t.Errorf("Update(%q) = %v, want ErrNotFound", id, err)
		}
		if err := s.Delete(ctx, id); !errors.Is(err, task.ErrNotFound) {
			t.Errorf("Delete(%q) = %v, want ErrNotFound", id, err)
		}
	}
}
