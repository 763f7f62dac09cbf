// Package store keeps tasks in PostgreSQL.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/pressly/goose/v3"

	"github.com/octocat/shop-api/internal/task"
)

//go:embed migrations/*.sql
var migrations embed.FS

// SQL is a task.Store backed by PostgreSQL through database/sql.
type SQL struct {
	db *sql.DB
}

var _ task.Store = (*SQL)(nil)

// Open connects to the database at databaseURL and applies the migrations.
func Open(ctx context.Context, databaseURL string) (*SQL, error) {
	db, err := sql.Open("pgx", databaseURL)
	if err != nil {
		return nil, err
	}
	dialect := goose.DialectPostgres
	s := &SQL{db: db}
	if err := s.migrate(ctx, dialect); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// migrate applies every migration in migrations/ that has not run yet.
func (s *SQL) migrate(ctx context.Context, dialect goose.Dialect) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("connect to database: %w", err)
	}
	dir, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	provider, err := goose.NewProvider(dialect, s.db, dir)
	if err != nil {
		return err
	}
	if _, err := provider.Up(ctx); err != nil {
		return fmt.Errorf("apply migrations: %w", err)
	}
	return nil
}

// Close closes the database.
func (s *SQL) Close() error { return s.db.Close() }

// Ping reports whether the database answers.
func (s *SQL) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// Create stores a new task.
func (s *SQL) Create(ctx context.Context, in task.Input) (task.Task, error) {
	t := task.Task{Title: in.Title, Done: in.Done, CreatedAt: now()}
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO tasks (title, done, created_at) VALUES ($1, $2, $3) RETURNING id`,
		t.Title, t.Done, t.CreatedAt).Scan(&t.ID)
	if err != nil {
		return t, err
	}
	return t, nil
}

// Get returns the task with the given id.
func (s *SQL) Get(ctx context.Context, id string) (task.Task, error) {
	n, ok := parseID(id)
	if !ok {
		return task.Task{}, task.ErrNotFound
	}
	row := s.db.QueryRowContext(ctx,
		`SELECT id, title, done, created_at FROM tasks WHERE id = $1`, n)
	t, err := scan(row)
	if errors.Is(err, sql.ErrNoRows) {
		return t, task.ErrNotFound
	}
	return t, err
}

// List returns one page of tasks, oldest first, and how many there are in all.
func (s *SQL) List(ctx context.Context, p task.Page) ([]task.Task, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM tasks`).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, title, done, created_at FROM tasks ORDER BY id LIMIT $1 OFFSET $2`,
		p.Limit, p.Offset)
	if err != nil {
		return nil, 0, err
	}
	defer func() { _ = rows.Close() }()
	items := []task.Task{}
	for rows.Next() {
		t, err := scan(rows)
		if err != nil {
			return nil, 0, err
		}
		items = append(items, t)
	}
	return items, total, rows.Err()
}

// Update replaces the title and done flag of a task.
func (s *SQL) Update(ctx context.Context, id string, in task.Input) (task.Task, error) {
	n, ok := parseID(id)
	if !ok {
		return task.Task{}, task.ErrNotFound
	}
	res, err := s.db.ExecContext(ctx,
		`UPDATE tasks SET title = $1, done = $2 WHERE id = $3`, in.Title, in.Done, n)
	if err != nil {
		return task.Task{}, err
	}
	if affected, err := res.RowsAffected(); err != nil {
		return task.Task{}, err
	} else if affected == 0 {
		return task.Task{}, task.ErrNotFound
	}
	return s.Get(ctx, id)
}

// Delete removes a task.
func (s *SQL) Delete(ctx context.Context, id string) error {
	n, ok := parseID(id)
	if !ok {
		return task.ErrNotFound
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM tasks WHERE id = $1`, n)
	if err != nil {
		return err
	}
	affected, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if affected == 0 {
		return task.ErrNotFound
	}
	return nil
}

type scanner interface{ Scan(dest ...any) error }

func scan(row scanner) (task.Task, error) {
	var t task.Task
	if err := row.Scan(&t.ID, &t.Title, &t.Done, &t.CreatedAt); err != nil {
		return t, err
	}
	t.CreatedAt = t.CreatedAt.UTC()
	return t, nil
}

// parseID accepts only positive integers: anything else cannot be a row.
func parseID(id string) (int64, bool) {
	n, err := strconv.ParseInt(id, 10, 64)
	return n, err == nil && n > 0
}

// now is the creation time, in UTC, to the millisecond (what every database keeps).
func now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }
