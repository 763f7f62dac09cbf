package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/octocat/notes/internal/note"
	"github.com/octocat/notes/internal/types"
)

// NoteStore keeps notes in the notes collection.
type NoteStore struct {
	coll *mongo.Collection
}

var _ note.Store = (*NoteStore)(nil)

// Notes is the store of notes.
func (d *DB) Notes() *NoteStore {
	return &NoteStore{coll: d.db.Collection("notes")}
}

// noteUnique are the unique fields, to name the one a clash is about.
var noteUnique = []string{}

// noteDoc is how a note is stored: dates as YYYY-MM-DD text, a
// field without a value left out (so that sparse unique indexes skip it).
type noteDoc struct {
	ID        bson.ObjectID `bson:"_id"`
	Title     string        `bson:"title"`
	Done      bool          `bson:"done"`
	CreatedAt time.Time     `bson:"created_at"`
	UpdatedAt time.Time     `bson:"updated_at"`
}

func newNoteDoc(id bson.ObjectID, nb note.NewNote, created, updated time.Time) noteDoc {
	d := noteDoc{ID: id, CreatedAt: created, UpdatedAt: updated}
	d.Title = nb.Title
	d.Done = nb.Done
	return d
}

func (d noteDoc) note() (note.Note, error) {
	v := note.Note{ID: d.ID.Hex(), CreatedAt: d.CreatedAt.UTC(), UpdatedAt: d.UpdatedAt.UTC()}
	v.Title = d.Title
	v.Done = d.Done
	return v, nil
}

// Create stores a new note. ObjectIDs are never reused.
func (s *NoteStore) Create(ctx context.Context, nb note.NewNote) (note.Note, error) {
	at := now()
	d := newNoteDoc(bson.NewObjectID(), nb, at, at)
	if _, err := s.coll.InsertOne(ctx, d); err != nil {
		return note.Note{}, fmt.Errorf("insert note: %w", conflict(err, noteUnique))
	}
	return d.note()
}

// Get returns the note with the given id.
func (s *NoteStore) Get(ctx context.Context, id string) (note.Note, error) {
	oid, ok := objectID(id)
	if !ok {
		return note.Note{}, types.ErrNotFound
	}
	var d noteDoc
	err := s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: oid}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return note.Note{}, types.ErrNotFound
	}
	if err != nil {
		return note.Note{}, fmt.Errorf("read note %s: %w", id, err)
	}
	return d.note()
}

// List returns one page of notes and how many match the filters in all.
func (s *NoteStore) List(ctx context.Context, q note.Query) ([]note.Note, int64, error) {
	filter := bson.D{}
	if q.Filter.Title != nil {
		filter = append(filter, bson.E{Key: "title", Value: *q.Filter.Title})
	}
	if q.Filter.Done != nil {
		filter = append(filter, bson.E{Key: "done", Value: *q.Filter.Done})
	}
	total, err := s.coll.CountDocuments(ctx, filter)
	if err != nil {
		return nil, 0, fmt.Errorf("count notes: %w", err)
	}
	if q.Offset >= total {
		return []note.Note{}, total, nil // past the end (some servers mishandle a huge skip)
	}
	opts := options.Find().SetSort(sortDoc(q.Sort, note.SortFields)).SetSkip(q.Offset).SetLimit(q.Limit)
	cur, err := s.coll.Find(ctx, filter, opts)
	if err != nil {
		return nil, 0, fmt.Errorf("list notes: %w", err)
	}
	var docs []noteDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, 0, fmt.Errorf("list notes: %w", err)
	}
	items := make([]note.Note, 0, len(docs))
	for _, d := range docs {
		v, err := d.note()
		if err != nil {
			return nil, 0, err
		}
		items = append(items, v)
	}
	return items, total, nil
}

// Replace sets every field of a note and its updated_at.
func (s *NoteStore) Replace(ctx context.Context, id string, nb note.NewNote) (note.Note, error) {
	cur, err := s.Get(ctx, id)
	if err != nil {
		return cur, err
	}
	oid, _ := objectID(id)
	d := newNoteDoc(oid, nb, cur.CreatedAt, now())
	res, err := s.coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: oid}}, d)
	if err != nil {
		return note.Note{}, fmt.Errorf("update note %s: %w", id, conflict(err, noteUnique))
	}
	if res.MatchedCount == 0 {
		return note.Note{}, types.ErrNotFound
	}
	return d.note()
}

// Delete removes a note.
func (s *NoteStore) Delete(ctx context.Context, id string) error {
	oid, ok := objectID(id)
	if !ok {
		return types.ErrNotFound
	}
	res, err := s.coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: oid}})
	if err != nil {
		return fmt.Errorf("delete note %s: %w", id, err)
	}
	if res.DeletedCount == 0 {
		return types.ErrNotFound
	}
	return nil
}
