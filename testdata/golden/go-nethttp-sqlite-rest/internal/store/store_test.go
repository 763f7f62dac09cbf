package store

// Integration tests: they talk to a real database through DATABASE_URL.
// Without DATABASE_URL they use a temporary SQLite file.
// Every record a test creates is deleted again when it ends.

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func openTestDB(t *testing.T) *DB {
	t.Helper()
	databaseURL := os.Getenv("DATABASE_URL")
	if databaseURL == "" {
		databaseURL = filepath.Join(t.TempDir(), "test.db")
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
