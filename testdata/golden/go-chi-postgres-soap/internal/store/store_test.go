package store

// Integration tests: they talk to a real database through DATABASE_URL.
// Without DATABASE_URL they are skipped (and fail when CI is set), e.g.:
//
//	DATABASE_URL='postgres://app:app@localhost:5432/app?sslmode=disable' go test ./internal/store/
// Every record a test creates is deleted again when it ends.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func openTestDB(t *testing.T) *DB {
	t.Helper()
	databaseURL := os.Getenv("DATABASE_URL")
	if databaseURL == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("DATABASE_URL is not set: CI must run the PostgreSQL integration tests")
		}
		t.Skip("DATABASE_URL is not set: skipping the PostgreSQL integration tests (see README, Tests)")
	}
	db, err := Open(context.Background(), databaseURL)
	if err != nil {
		t.Fatalf("open %s: %v", databaseURL, err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func TestPing(t *testing.T) {
	if err := openTestDB(t).Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// wantFields checks that v holds every field of the JSON object js, as the
// API would answer it.
func wantFields(t *testing.T, what string, v any, js string) {
	t.Helper()
	var want, have map[string]any
	if err := json.Unmarshal([]byte(js), &want); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(v)
	_ = json.Unmarshal(b, &have)
	for name, w := range want {
		if h := have[name]; fmt.Sprint(h) != fmt.Sprint(w) {
			t.Errorf("%s: %s is %v, want %v", what, name, h, w)
		}
	}
}
