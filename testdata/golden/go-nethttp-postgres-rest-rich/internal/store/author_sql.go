package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/octocat/shelf/internal/author"
	"github.com/octocat/shelf/internal/types"
)

// AuthorStore keeps authors in the authors table.
type AuthorStore struct {
	db *sql.DB
}

var _ author.Store = (*AuthorStore)(nil)

// Authors is the store of authors.
func (d *DB) Authors() *AuthorStore { return &AuthorStore{db: d.db} }

// authorColumns are the columns of authors, in the order scanAuthor reads them.
var authorColumns = []string{"id", "full_name", "born_on", "rating", "books_written", "email", "genre", "biography", "active", "verified_at", "created_at", "updated_at"}

// authorUnique are the unique columns, to name the one a clash is about.
var authorUnique = []string{"email"}

// authorValues are the values of the field columns, in authorColumns order.
func authorValues(nb author.NewAuthor) []any {
	return []any{
		nb.FullName,
		nb.BornOn,
		nb.Rating,
		nb.BooksWritten,
		nb.Email,
		nb.Genre,
		nb.Biography,
		nb.Active,
		dbTime(nb.VerifiedAt),
	}
}

// Create stores a new author.
func (s *AuthorStore) Create(ctx context.Context, nb author.NewAuthor) (author.Author, error) {
	at := now()
	args := append(authorValues(nb), dbTime(at), dbTime(at))
	marks := make([]string, len(args))
	for i := range marks {
		marks[i] = placeholder(i + 1)
	}
	stmt := "INSERT INTO authors (" + strings.Join(authorColumns[1:], ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")"
	var id int64
	if err := s.db.QueryRowContext(ctx, stmt+" RETURNING id", args...).Scan(&id); err != nil {
		return author.Author{}, fmt.Errorf("insert author: %w", constraintError(err, authorUnique))
	}
	return s.get(ctx, id)
}

// Get returns the author with the given id.
func (s *AuthorStore) Get(ctx context.Context, id string) (author.Author, error) {
	n, ok := parseID(id)
	if !ok {
		return author.Author{}, types.ErrNotFound
	}
	return s.get(ctx, n)
}

func (s *AuthorStore) get(ctx context.Context, id int64) (author.Author, error) {
	row := s.db.QueryRowContext(ctx,
		"SELECT "+strings.Join(authorColumns, ", ")+" FROM authors WHERE id = "+placeholder(1), id)
	v, err := scanAuthor(row)
	if errors.Is(err, sql.ErrNoRows) {
		return v, types.ErrNotFound
	}
	if err != nil {
		return v, fmt.Errorf("read author %d: %w", id, err)
	}
	return v, nil
}

// List returns one page of authors and how many match the filters in all.
func (s *AuthorStore) List(ctx context.Context, q author.Query) ([]author.Author, int64, error) {
	var w query
	if q.Filter.FullName != nil {
		w.eq("full_name", *q.Filter.FullName)
	}
	if q.Filter.BornOn != nil {
		w.eq("born_on", *q.Filter.BornOn)
	}
	if q.Filter.BooksWritten != nil {
		w.eq("books_written", *q.Filter.BooksWritten)
	}
	if q.Filter.Email != nil {
		w.eq("email", *q.Filter.Email)
	}
	if q.Filter.Genre != nil {
		w.eq("genre", *q.Filter.Genre)
	}
	if q.Filter.Active != nil {
		w.eq("active", *q.Filter.Active)
	}
	var total int64
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM authors"+w.whereClause(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count authors: %w", err)
	}
	order, err := orderBy(q.Sort, authorColumns)
	if err != nil {
		return nil, 0, err
	}
	where := w.whereClause()
	w.args = append(w.args, q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx,
		"SELECT "+strings.Join(authorColumns, ", ")+" FROM authors"+where+order+
			" LIMIT "+placeholder(len(w.args)-1)+" OFFSET "+placeholder(len(w.args)),
		w.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list authors: %w", err)
	}
	defer func() { _ = rows.Close() }()
	items := []author.Author{}
	for rows.Next() {
		v, err := scanAuthor(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("list authors: %w", err)
		}
		items = append(items, v)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("list authors: %w", err)
	}
	return items, total, nil
}

// Replace sets every field of a author and its updated_at.
func (s *AuthorStore) Replace(ctx context.Context, id string, nb author.NewAuthor) (author.Author, error) {
	n, ok := parseID(id)
	if !ok {
		return author.Author{}, types.ErrNotFound
	}
	args := append(authorValues(nb), dbTime(now()), n)
	var sets []string
	for _, col := range authorColumns[1:] {
		if col != "created_at" {
			sets = append(sets, col+" = "+placeholder(len(sets)+1))
		}
	}
	res, err := s.db.ExecContext(ctx,
		"UPDATE authors SET "+strings.Join(sets, ", ")+" WHERE id = "+placeholder(len(args)), args...)
	if err != nil {
		return author.Author{}, fmt.Errorf("update author %d: %w", n, constraintError(err, authorUnique))
	}
	affected, err := res.RowsAffected()
	if err != nil {
		return author.Author{}, fmt.Errorf("update author %d: %w", n, err)
	}
	if affected == 0 {
		return author.Author{}, types.ErrNotFound
	}
	return s.get(ctx, n)
}

// Delete removes a author.
func (s *AuthorStore) Delete(ctx context.Context, id string) error {
	n, ok := parseID(id)
	if !ok {
		return types.ErrNotFound
	}
	res, err := s.db.ExecContext(ctx, "DELETE FROM authors WHERE id = "+placeholder(1), n)
	if err != nil {
		return fmt.Errorf("delete author %d: %w", n, err)
	}
	affected, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("delete author %d: %w", n, err)
	}
	if affected == 0 {
		return types.ErrNotFound
	}
	return nil
}

func scanAuthor(row interface{ Scan(dest ...any) error }) (author.Author, error) {
	var v author.Author
	err := row.Scan(
		&v.ID,
		&v.FullName,
		&v.BornOn,
		&v.Rating,
		&v.BooksWritten,
		&v.Email,
		&v.Genre,
		&v.Biography,
		&v.Active,
		timeColumn{&v.VerifiedAt},
		timeColumn{&v.CreatedAt},
		timeColumn{&v.UpdatedAt},
	)
	return v, err
}
