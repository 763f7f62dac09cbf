package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/octocat/shop-api/internal/task"
	"github.com/octocat/shop-api/internal/types"
)

// TaskStore keeps tasks in the tasks table.
type TaskStore struct {
	db *sql.DB
}

var _ task.Store = (*TaskStore)(nil)

// Tasks is the store of tasks.
func (d *DB) Tasks() *TaskStore { return &TaskStore{db: d.db} }

// taskColumns are the columns of tasks, in the order scanTask reads them.
var taskColumns = []string{"id", "title", "done", "created_at", "updated_at"}

// taskUnique are the unique columns, to name the one a clash is about.
var taskUnique = []string{}

// taskValues are the values of the field columns, in taskColumns order.
func taskValues(nb task.NewTask) []any {
	return []any{
		nb.Title,
		nb.Done,
	}
}

// Create stores a new task.
func (s *TaskStore) Create(ctx context.Context, nb task.NewTask) (task.Task, error) {
	at := now()
	args := append(taskValues(nb), dbTime(at), dbTime(at))
	marks := make([]string, len(args))
	for i := range marks {
		marks[i] = placeholder(i + 1)
	}
	stmt := "INSERT INTO tasks (" + strings.Join(taskColumns[1:], ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")"
	var id int64
	if err := s.db.QueryRowContext(ctx, stmt+" RETURNING id", args...).Scan(&id); err != nil {
		return task.Task{}, fmt.Errorf("insert task: %w", constraintError(err, taskUnique))
	}
	return s.get(ctx, id)
}

// Get returns the task with the given id.
func (s *TaskStore) Get(ctx context.Context, id string) (task.Task, error) {
	n, ok := parseID(id)
	if !ok {
		return task.Task{}, types.ErrNotFound
	}
	return s.get(ctx, n)
}

func (s *TaskStore) get(ctx context.Context, id int64) (task.Task, error) {
	row := s.db.QueryRowContext(ctx,
		"SELECT "+strings.Join(taskColumns, ", ")+" FROM tasks WHERE id = "+placeholder(1), id)
	v, err := scanTask(row)
	if errors.Is(err, sql.ErrNoRows) {
		return v, types.ErrNotFound
	}
	if err != nil {
		return v, fmt.Errorf("read task %d: %w", id, err)
	}
	return v, nil
}

// List returns one page of tasks and how many match the filters in all.
func (s *TaskStore) List(ctx context.Context, q task.Query) ([]task.Task, int64, error) {
	var w query
	if q.Filter.Title != nil {
		w.eq("title", *q.Filter.Title)
	}
	if q.Filter.Done != nil {
		w.eq("done", *q.Filter.Done)
	}
	var total int64
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM tasks"+w.whereClause(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count tasks: %w", err)
	}
	order, err := orderBy(q.Sort, taskColumns)
	if err != nil {
		return nil, 0, err
	}
	where := w.whereClause()
	w.args = append(w.args, q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx,
		"SELECT "+strings.Join(taskColumns, ", ")+" FROM tasks"+where+order+
			" LIMIT "+placeholder(len(w.args)-1)+" OFFSET "+placeholder(len(w.args)),
		w.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list tasks: %w", err)
	}
	defer func() { _ = rows.Close() }()
	items := []task.Task{}
	for rows.Next() {
		v, err := scanTask(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("list tasks: %w", err)
		}
		items = append(items, v)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("list tasks: %w", err)
	}
	return items, total, nil
}

// Replace sets every field of a task and its updated_at.
func (s *TaskStore) Replace(ctx context.Context, id string, nb task.NewTask) (task.Task, error) {
	n, ok := parseID(id)
	if !ok {
		return task.Task{}, types.ErrNotFound
	}
	args := append(taskValues(nb), dbTime(now()), n)
	var sets []string
	for _, col := range taskColumns[1:] {
		if col != "created_at" {
			sets = append(sets, col+" = "+placeholder(len(sets)+1))
		}
	}
	res, err := s.db.ExecContext(ctx,
		"UPDATE tasks SET "+strings.Join(sets, ", ")+" WHERE id = "+placeholder(len(args)), args...)
	if err != nil {
		return task.Task{}, fmt.Errorf("update task %d: %w", n, constraintError(err, taskUnique))
	}
	affected, err := res.RowsAffected()
	if err != nil {
		return task.Task{}, fmt.Errorf("update task %d: %w", n, err)
	}
	if affected == 0 {
		return task.Task{}, types.ErrNotFound
	}
	return s.get(ctx, n)
}

// Delete removes a task.
func (s *TaskStore) Delete(ctx context.Context, id string) error {
	n, ok := parseID(id)
	if !ok {
		return types.ErrNotFound
	}
	res, err := s.db.ExecContext(ctx, "DELETE FROM tasks WHERE id = "+placeholder(1), n)
	if err != nil {
		return fmt.Errorf("delete task %d: %w", n, err)
	}
	affected, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("delete task %d: %w", n, err)
	}
	if affected == 0 {
		return types.ErrNotFound
	}
	return nil
}

func scanTask(row interface{ Scan(dest ...any) error }) (task.Task, error) {
	var v task.Task
	err := row.Scan(
		&v.ID,
		&v.Title,
		&v.Done,
		timeColumn{&v.CreatedAt},
		timeColumn{&v.UpdatedAt},
	)
	return v, err
}
