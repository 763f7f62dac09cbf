// Package store keeps the resources in PostgreSQL, through database/sql;
// the schema is the goose migrations in migrations/, applied at start-up.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/pressly/goose/v3"

	"github.com/octocat/shop-api/internal/types"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is the PostgreSQL database; its methods return one store per resource.
type DB struct {
	db *sql.DB
}

// Open connects to the database at databaseURL and applies the migrations.
func Open(ctx context.Context, databaseURL string) (*DB, error) {
	db, err := sql.Open("pgx", databaseURL)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	dialect := goose.DialectPostgres
	if err := migrate(ctx, db, dialect); err != nil {
		_ = db.Close()
		return nil, err
	}
	return &DB{db: db}, nil
}

// migrate applies every migration in migrations/ that has not run yet.
func migrate(ctx context.Context, db *sql.DB, dialect goose.Dialect) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		return fmt.Errorf("connect to database: %w", err)
	}
	dir, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	provider, err := goose.NewProvider(dialect, db, dir)
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	if _, err := provider.Up(ctx); err != nil {
		return fmt.Errorf("apply migrations: %w", err)
	}
	return nil
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// Ping reports whether the database answers.
func (d *DB) Ping(ctx context.Context) error { return d.db.PingContext(ctx) }

// placeholder is the n-th query parameter (from 1) in PostgreSQL's syntax.
func placeholder(n int) string {
	return "$" + strconv.Itoa(n)
}

// query collects the WHERE conditions and the arguments of a statement.
type query struct {
	where []string
	args  []any
}

// eq adds "column = value"; column is always a name from the code, never from the request.
func (q *query) eq(column string, value any) {
	q.args = append(q.args, value)
	q.where = append(q.where, column+" = "+placeholder(len(q.args)))
}

func (q *query) whereClause() string {
	if len(q.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.where, " AND ")
}

// orderBy writes ORDER BY from the sort keys, ties broken by id. Only names
// in columns (the model's) reach the SQL text.
func orderBy(keys []types.SortKey, columns []string) (string, error) {
	var parts []string
	hasID := false
	for _, k := range keys {
		col := ""
		for _, c := range columns {
			if c == k.Field {
				col = c
			}
		}
		if col == "" {
			return "", fmt.Errorf("sort by %q: not a column", k.Field)
		}
		hasID = hasID || col == "id"
		dir := " ASC"
		if k.Desc {
			dir = " DESC"
		}
		parts = append(parts, col+dir)
	}
	if !hasID {
		parts = append(parts, "id ASC")
	}
	return " ORDER BY " + strings.Join(parts, ", "), nil
}

// parseID accepts only positive integers: anything else cannot be a row.
func parseID(id string) (int64, bool) {
	n, err := strconv.ParseInt(id, 10, 64)
	return n, err == nil && n > 0
}

// now is the time of a write, in UTC, to the microsecond (what every SQL database keeps).
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// timeLayout is how a time read as text is written.
const timeLayout = "2006-01-02T15:04:05.000000Z07:00"

// dbTime is a time as the driver takes it.
func dbTime(t time.Time) any {
	return t.UTC()
}

// timeColumn reads a time column into dst.
type timeColumn struct{ dst *time.Time }

func (c timeColumn) Scan(src any) error {
	t, err := scanTime(src)
	if err != nil {
		return err
	}
	*c.dst = t
	return nil
}

// nullTimeColumn reads a time column that may be NULL into dst.
type nullTimeColumn struct{ dst **time.Time }

func (c nullTimeColumn) Scan(src any) error {
	if src == nil {
		*c.dst = nil
		return nil
	}
	t, err := scanTime(src)
	if err != nil {
		return err
	}
	*c.dst = &t
	return nil
}

func scanTime(src any) (time.Time, error) {
	switch v := src.(type) {
	case time.Time:
		return v.UTC(), nil
	case string:
		return parseDBTime(v)
	case []byte:
		return parseDBTime(string(v))
	}
	return time.Time{}, fmt.Errorf("cannot read a time from %T", src)
}

func parseDBTime(s string) (time.Time, error) {
	for _, layout := range []string{timeLayout, time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read the time %q", s)
}

var (
	_ driver.Valuer = types.Date{}
	_ sql.Scanner   = timeColumn{}
	_ sql.Scanner   = nullTimeColumn{}
)

// constraintError turns a constraint the database enforced into the error
// the API reports: a unique clash names its field (409), any other refused
// value is a 422. Validation runs first, so these are the last line of defence.
func constraintError(err error, unique []string) error {
	if err == nil {
		return nil
	}
	var kind, message string
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "23505": // unique_violation
			kind, message = "unique", pe.ConstraintName+" "+pe.Detail
		case strings.HasPrefix(pe.Code, "23"), strings.HasPrefix(pe.Code, "22"): // integrity, data exception
			kind, message = "refused", pe.Message
		}
	}
	switch kind {
	case "unique":
		field := ""
		for _, name := range unique {
			if strings.Contains(message, name) && len(name) > len(field) {
				field = name
			}
		}
		if field == "" && len(unique) > 0 {
			field = unique[0]
		}
		return &types.ConflictError{Field: field}
	case "refused":
		verr := &types.ValidationError{}
		verr.Add("body", "the database refused a value") // never the driver's words (they name tables and SQL)
		return verr
	}
	return err
}
