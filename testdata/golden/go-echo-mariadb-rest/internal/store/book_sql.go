package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/octocat/library/internal/book"
	"github.com/octocat/library/internal/types"
)

// BookStore keeps books in the books table.
type BookStore struct {
	db *sql.DB
}

var _ book.Store = (*BookStore)(nil)

// Books is the store of books.
func (d *DB) Books() *BookStore { return &BookStore{db: d.db} }

// bookColumns are the columns of books, in the order scanBook reads them.
var bookColumns = []string{"id", "title", "done", "created_at", "updated_at"}

// bookUnique are the unique columns, to name the one a clash is about.
var bookUnique = []string{}

// bookValues are the values of the field columns, in bookColumns order.
func bookValues(nb book.NewBook) []any {
	return []any{
		nb.Title,
		nb.Done,
	}
}

// Create stores a new book.
func (s *BookStore) Create(ctx context.Context, nb book.NewBook) (book.Book, error) {
	at := now()
	args := append(bookValues(nb), dbTime(at), dbTime(at))
	marks := make([]string, len(args))
	for i := range marks {
		marks[i] = placeholder(i + 1)
	}
	stmt := "INSERT INTO books (" + strings.Join(bookColumns[1:], ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")"
	var id int64
	res, err := s.db.ExecContext(ctx, stmt, args...)
	if err != nil {
		return book.Book{}, fmt.Errorf("insert book: %w", constraintError(err, bookUnique))
	}
	if id, err = res.LastInsertId(); err != nil {
		return book.Book{}, fmt.Errorf("insert book: %w", err)
	}
	return s.get(ctx, id)
}

// Get returns the book with the given id.
func (s *BookStore) Get(ctx context.Context, id string) (book.Book, error) {
	n, ok := parseID(id)
	if !ok {
		return book.Book{}, types.ErrNotFound
	}
	return s.get(ctx, n)
}

func (s *BookStore) get(ctx context.Context, id int64) (book.Book, error) {
	row := s.db.QueryRowContext(ctx,
		"SELECT "+strings.Join(bookColumns, ", ")+" FROM books WHERE id = "+placeholder(1), id)
	v, err := scanBook(row)
	if errors.Is(err, sql.ErrNoRows) {
		return v, types.ErrNotFound
	}
	if err != nil {
		return v, fmt.Errorf("read book %d: %w", id, err)
	}
	return v, nil
}

// List returns one page of books and how many match the filters in all.
func (s *BookStore) List(ctx context.Context, q book.Query) ([]book.Book, int64, error) {
	var w query
	if q.Filter.Title != nil {
		w.eq("title", *q.Filter.Title)
	}
	if q.Filter.Done != nil {
		w.eq("done", *q.Filter.Done)
	}
	var total int64
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM books"+w.whereClause(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count books: %w", err)
	}
	order, err := orderBy(q.Sort, bookColumns)
	if err != nil {
		return nil, 0, err
	}
	where := w.whereClause()
	w.args = append(w.args, q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx,
		"SELECT "+strings.Join(bookColumns, ", ")+" FROM books"+where+order+
			" LIMIT "+placeholder(len(w.args)-1)+" OFFSET "+placeholder(len(w.args)),
		w.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list books: %w", err)
	}
	defer func() { _ = rows.Close() }()
	items := []book.Book{}
	for rows.Next() {
		v, err := scanBook(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("list books: %w", err)
		}
		items = append(items, v)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("list books: %w", err)
	}
	return items, total, nil
}

// Replace sets every field of a book and its updated_at.
func (s *BookStore) Replace(ctx context.Context, id string, nb book.NewBook) (book.Book, error) {
	n, ok := parseID(id)
	if !ok {
		return book.Book{}, types.ErrNotFound
	}
	args := append(bookValues(nb), dbTime(now()), n)
	var sets []string
	for _, col := range bookColumns[1:] {
		if col != "created_at" {
			sets = append(sets, col+" = "+placeholder(len(sets)+1))
		}
	}
	res, err := s.db.ExecContext(ctx,
		"UPDATE books SET "+strings.Join(sets, ", ")+" WHERE id = "+placeholder(len(args)), args...)
	if err != nil {
		return book.Book{}, fmt.Errorf("update book %d: %w", n, constraintError(err, bookUnique))
	}
	affected, err := res.RowsAffected()
	if err != nil {
		return book.Book{}, fmt.Errorf("update book %d: %w", n, err)
	}
	if affected == 0 {
		return book.Book{}, types.ErrNotFound
	}
	return s.get(ctx, n)
}

// Delete removes a book.
func (s *BookStore) Delete(ctx context.Context, id string) error {
	n, ok := parseID(id)
	if !ok {
		return types.ErrNotFound
	}
	res, err := s.db.ExecContext(ctx, "DELETE FROM books WHERE id = "+placeholder(1), n)
	if err != nil {
		return fmt.Errorf("delete book %d: %w", n, err)
	}
	affected, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("delete book %d: %w", n, err)
	}
	if affected == 0 {
		return types.ErrNotFound
	}
	return nil
}

func scanBook(row interface{ Scan(dest ...any) error }) (book.Book, error) {
	var v book.Book
	err := row.Scan(
		&v.ID,
		&v.Title,
		&v.Done,
		timeColumn{&v.CreatedAt},
		timeColumn{&v.UpdatedAt},
	)
	return v, err
}
