package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/octocat/shelf/internal/author"
	"github.com/octocat/shelf/internal/types"
)

// AuthorStore keeps authors in the authors collection.
type AuthorStore struct {
	coll *mongo.Collection
}

var _ author.Store = (*AuthorStore)(nil)

// Authors is the store of authors.
func (d *DB) Authors() *AuthorStore {
	return &AuthorStore{coll: d.db.Collection("authors")}
}

// authorUnique are the unique fields, to name the one a clash is about.
var authorUnique = []string{"email"}

// authorDoc is how a author is stored: dates as YYYY-MM-DD text, a
// field without a value left out (so that sparse unique indexes skip it).
type authorDoc struct {
	ID           bson.ObjectID `bson:"_id"`
	FullName     string        `bson:"full_name"`
	BornOn       string        `bson:"born_on"`
	Rating       *float64      `bson:"rating,omitempty"`
	BooksWritten int64         `bson:"books_written"`
	Email        *string       `bson:"email,omitempty"`
	Genre        *string       `bson:"genre,omitempty"`
	Biography    *string       `bson:"biography,omitempty"`
	Active       bool          `bson:"active"`
	VerifiedAt   time.Time     `bson:"verified_at"`
	CreatedAt    time.Time     `bson:"created_at"`
	UpdatedAt    time.Time     `bson:"updated_at"`
}

func newAuthorDoc(id bson.ObjectID, nb author.NewAuthor, created, updated time.Time) authorDoc {
	d := authorDoc{ID: id, CreatedAt: created, UpdatedAt: updated}
	d.FullName = nb.FullName
	d.BornOn = nb.BornOn.String()
	d.Rating = nb.Rating
	d.BooksWritten = nb.BooksWritten
	d.Email = nb.Email
	if nb.Genre != nil {
		s := string(*nb.Genre)
		d.Genre = &s
	}
	d.Biography = nb.Biography
	d.Active = nb.Active
	d.VerifiedAt = nb.VerifiedAt.UTC().Truncate(time.Millisecond)
	return d
}

func (d authorDoc) author() (author.Author, error) {
	v := author.Author{ID: d.ID.Hex(), CreatedAt: d.CreatedAt.UTC(), UpdatedAt: d.UpdatedAt.UTC()}
	v.FullName = d.FullName
	bornOn, err := types.ParseDate(d.BornOn)
	if err != nil {
		return v, fmt.Errorf("read born_on: %w", err)
	}
	v.BornOn = bornOn
	v.Rating = d.Rating
	v.BooksWritten = d.BooksWritten
	v.Email = d.Email
	if d.Genre != nil {
		v.Genre = types.Ptr(author.Genre(*d.Genre))
	}
	v.Biography = d.Biography
	v.Active = d.Active
	v.VerifiedAt = d.VerifiedAt.UTC()
	return v, nil
}

// Create stores a new author. ObjectIDs are never reused.
func (s *AuthorStore) Create(ctx context.Context, nb author.NewAuthor) (author.Author, error) {
	at := now()
	d := newAuthorDoc(bson.NewObjectID(), nb, at, at)
	if _, err := s.coll.InsertOne(ctx, d); err != nil {
		return author.Author{}, fmt.Errorf("insert author: %w", conflict(err, authorUnique))
	}
	return d.author()
}

// Get returns the author with the given id.
func (s *AuthorStore) Get(ctx context.Context, id string) (author.Author, error) {
	oid, ok := objectID(id)
	if !ok {
		return author.Author{}, types.ErrNotFound
	}
	var d authorDoc
	err := s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: oid}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return author.Author{}, types.ErrNotFound
	}
	if err != nil {
		return author.Author{}, fmt.Errorf("read author %s: %w", id, err)
	}
	return d.author()
}

// List returns one page of authors and how many match the filters in all.
func (s *AuthorStore) List(ctx context.Context, q author.Query) ([]author.Author, int64, error) {
	filter := bson.D{}
	if q.Filter.FullName != nil {
		filter = append(filter, bson.E{Key: "full_name", Value: *q.Filter.FullName})
	}
	if q.Filter.BornOn != nil {
		filter = append(filter, bson.E{Key: "born_on", Value: q.Filter.BornOn.String()})
	}
	if q.Filter.BooksWritten != nil {
		filter = append(filter, bson.E{Key: "books_written", Value: *q.Filter.BooksWritten})
	}
	if q.Filter.Email != nil {
		filter = append(filter, bson.E{Key: "email", Value: *q.Filter.Email})
	}
	if q.Filter.Genre != nil {
		filter = append(filter, bson.E{Key: "genre", Value: string(*q.Filter.Genre)})
	}
	if q.Filter.Active != nil {
		filter = append(filter, bson.E{Key: "active", Value: *q.Filter.Active})
	}
	total, err := s.coll.CountDocuments(ctx, filter)
	if err != nil {
		return nil, 0, fmt.Errorf("count authors: %w", err)
	}
	if q.Offset >= total {
		return []author.Author{}, total, nil // past the end (some servers mishandle a huge skip)
	}
	opts := options.Find().SetSort(sortDoc(q.Sort, author.SortFields)).SetSkip(q.Offset).SetLimit(q.Limit)
	cur, err := s.coll.Find(ctx, filter, opts)
	if err != nil {
		return nil, 0, fmt.Errorf("list authors: %w", err)
	}
	var docs []authorDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, 0, fmt.Errorf("list authors: %w", err)
	}
	items := make([]author.Author, 0, len(docs))
	for _, d := range docs {
		v, err := d.author()
		if err != nil {
			return nil, 0, err
		}
		items = append(items, v)
	}
	return items, total, nil
}

// Replace sets every field of a author and its updated_at.
func (s *AuthorStore) Replace(ctx context.Context, id string, nb author.NewAuthor) (author.Author, error) {
	cur, err := s.Get(ctx, id)
	if err != nil {
		return cur, err
	}
	oid, _ := objectID(id)
	d := newAuthorDoc(oid, nb, cur.CreatedAt, now())
	res, err := s.coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: oid}}, d)
	if err != nil {
		return author.Author{}, fmt.Errorf("update author %s: %w", id, conflict(err, authorUnique))
	}
	if res.MatchedCount == 0 {
		return author.Author{}, types.ErrNotFound
	}
	return d.author()
}

// Delete removes a author.
func (s *AuthorStore) Delete(ctx context.Context, id string) error {
	oid, ok := objectID(id)
	if !ok {
		return types.ErrNotFound
	}
	res, err := s.coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: oid}})
	if err != nil {
		return fmt.Errorf("delete author %s: %w", id, err)
	}
	if res.DeletedCount == 0 {
		return types.ErrNotFound
	}
	return nil
}
