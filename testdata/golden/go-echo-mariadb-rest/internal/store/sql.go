// Package store keeps books in MariaDB.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strconv"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/pressly/goose/v3"

	"github.com/octocat/library/internal/book"
)

//go:embed migrations/*.sql
var migrations embed.FS

// SQL is a book.Store backed by MariaDB through database/sql.
type SQL struct {
	db *sql.DB
}

var _ book.Store = (*SQL)(nil)

// Open connects to the database at databaseURL and applies the migrations.
func Open(ctx context.Context, databaseURL string) (*SQL, error) {
	dsn, err := mysqlDSN(databaseURL)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, err
	}
	dialect := goose.DialectMySQL
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

// mysqlDSN turns mysql://user:pass@host:port/db into the driver's DSN.
func mysqlDSN(databaseURL string) (string, error) {
	u, err := url.Parse(databaseURL)
	if err != nil || u.Scheme != "mysql" {
		return "", fmt.Errorf("DATABASE_URL must look like mysql://user:password@host:3306/database")
	}
	// Let the driver parse the host, database and any ?param=value options.
	q := u.Query()
	for _, fixed := range []string{"parseTime", "loc", "clientFoundRows", "multiStatements"} {
		q.Del(fixed)
	}
	dbPath := u.Path
	if dbPath == "" {
		dbPath = "/"
	}
	cfg, err := mysql.ParseDSN("tcp(" + u.Host + ")" + dbPath + "?" + q.Encode())
	if err != nil {
		return "", fmt.Errorf("DATABASE_URL: %w", err)
	}
	if u.Port() == "" {
		cfg.Addr = u.Hostname() + ":3306"
	}
	cfg.User = u.User.Username()
	cfg.Passwd, _ = u.User.Password()
	cfg.ParseTime = true
	cfg.Loc = time.UTC
	cfg.ClientFoundRows = true // UPDATE reports matched rows, not changed rows
	cfg.MultiStatements = true // a migration may hold several statements
	return cfg.FormatDSN(), nil
}

// Close closes the database.
func (s *SQL) Close() error { return s.db.Close() }

// Ping reports whether the database answers.
func (s *SQL) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// Create stores a new book.
func (s *SQL) Create(ctx context.Context, in book.Input) (book.Book, error) {
	t := book.Book{Title: in.Title, Done: in.Done, CreatedAt: now()}
	res, err := s.db.ExecContext(ctx,
		`INSERT INTO books (title, done, created_at) VALUES (?, ?, ?)`,
		t.Title, t.Done, t.CreatedAt)
	if err != nil {
		return t, err
	}
	if t.ID, err = res.LastInsertId(); err != nil {
		return t, err
	}
	return t, nil
}

// Get returns the book with the given id.
func (s *SQL) Get(ctx context.Context, id string) (book.Book, error) {
	n, ok := parseID(id)
	if !ok {
		return book.Book{}, book.ErrNotFound
	}
	row := s.db.QueryRowContext(ctx,
		`SELECT id, title, done, created_at FROM books WHERE id = ?`, n)
	t, err := scan(row)
	if errors.Is(err, sql.ErrNoRows) {
		return t, book.ErrNotFound
	}
	return t, err
}

// List returns one page of books, oldest first, and how many there are in all.
func (s *SQL) List(ctx context.Context, p book.Page) ([]book.Book, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM books`).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, title, done, created_at FROM books ORDER BY id LIMIT ? OFFSET ?`,
		p.Limit, p.Offset)
	if err != nil {
		return nil, 0, err
	}
	defer func() { _ = rows.Close() }()
	items := []book.Book{}
	for rows.Next() {
		t, err := scan(rows)
		if err != nil {
			return nil, 0, err
		}
		items = append(items, t)
	}
	return items, total, rows.Err()
}

// Update replaces the title and done flag of a book.
func (s *SQL) Update(ctx context.Context, id string, in book.Input) (book.Book, error) {
	n, ok := parseID(id)
	if !ok {
		return book.Book{}, book.ErrNotFound
	}
	res, err := s.db.ExecContext(ctx,
		`UPDATE books SET title = ?, done = ? WHERE id = ?`, in.Title, in.Done, n)
	if err != nil {
		return book.Book{}, err
	}
	if affected, err := res.RowsAffected(); err != nil {
		return book.Book{}, err
	} else if affected == 0 {
		return book.Book{}, book.ErrNotFound
	}
	return s.Get(ctx, id)
}

// Delete removes a book.
func (s *SQL) Delete(ctx context.Context, id string) error {
	n, ok := parseID(id)
	if !ok {
		return book.ErrNotFound
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM books WHERE id = ?`, n)
	if err != nil {
		return err
	}
	affected, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if affected == 0 {
		return book.ErrNotFound
	}
	return nil
}

type scanner interface{ Scan(dest ...any) error }

func scan(row scanner) (book.Book, error) {
	var t book.Book
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
