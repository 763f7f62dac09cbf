package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/octocat/shelf/internal/book"
	"github.com/octocat/shelf/internal/types"
)

// BookStore keeps books in the books collection.
type BookStore struct {
	coll *mongo.Collection
}

var _ book.Store = (*BookStore)(nil)

// Books is the store of books.
func (d *DB) Books() *BookStore {
	return &BookStore{coll: d.db.Collection("books")}
}

// bookUnique are the unique fields, to name the one a clash is about.
var bookUnique = []string{"isbn"}

// bookDoc is how a book is stored: dates as YYYY-MM-DD text, a
// field without a value left out (so that sparse unique indexes skip it).
type bookDoc struct {
	ID          bson.ObjectID `bson:"_id"`
	Title       string        `bson:"title"`
	Summary     *string       `bson:"summary,omitempty"`
	Pages       *int64        `bson:"pages,omitempty"`
	Price       *float64      `bson:"price,omitempty"`
	Available   bool          `bson:"available"`
	PublishedOn *string       `bson:"published_on,omitempty"`
	LastReadAt  *time.Time    `bson:"last_read_at,omitempty"`
	Status      string        `bson:"status"`
	ISBN        *string       `bson:"isbn,omitempty"`
	CreatedAt   time.Time     `bson:"created_at"`
	UpdatedAt   time.Time     `bson:"updated_at"`
}

func newBookDoc(id bson.ObjectID, nb book.NewBook, created, updated time.Time) bookDoc {
	d := bookDoc{ID: id, CreatedAt: created, UpdatedAt: updated}
	d.Title = nb.Title
	d.Summary = nb.Summary
	d.Pages = nb.Pages
	d.Price = nb.Price
	d.Available = nb.Available
	if nb.PublishedOn != nil {
		s := nb.PublishedOn.String()
		d.PublishedOn = &s
	}
	if nb.LastReadAt != nil {
		t := nb.LastReadAt.UTC().Truncate(time.Millisecond)
		d.LastReadAt = &t
	}
	d.Status = string(nb.Status)
	d.ISBN = nb.ISBN
	return d
}

func (d bookDoc) book() (book.Book, error) {
	v := book.Book{ID: d.ID.Hex(), CreatedAt: d.CreatedAt.UTC(), UpdatedAt: d.UpdatedAt.UTC()}
	v.Title = d.Title
	v.Summary = d.Summary
	v.Pages = d.Pages
	v.Price = d.Price
	v.Available = d.Available
	if d.PublishedOn != nil {
		day, err := types.ParseDate(*d.PublishedOn)
		if err != nil {
			return v, fmt.Errorf("read published_on: %w", err)
		}
		v.PublishedOn = &day
	}
	v.LastReadAt = utc(d.LastReadAt)
	v.Status = book.Status(d.Status)
	v.ISBN = d.ISBN
	return v, nil
}

// Create stores a new book. ObjectIDs are never reused.
func (s *BookStore) Create(ctx context.Context, nb book.NewBook) (book.Book, error) {
	at := now()
	d := newBookDoc(bson.NewObjectID(), nb, at, at)
	if _, err := s.coll.InsertOne(ctx, d); err != nil {
		return book.Book{}, fmt.Errorf("insert book: %w", conflict(err, bookUnique))
	}
	return d.book()
}

// Get returns the book with the given id.
func (s *BookStore) Get(ctx context.Context, id string) (book.Book, error) {
	oid, ok := objectID(id)
	if !ok {
		return book.Book{}, types.ErrNotFound
	}
	var d bookDoc
	err := s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: oid}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return book.Book{}, types.ErrNotFound
	}
	if err != nil {
		return book.Book{}, fmt.Errorf("read book %s: %w", id, err)
	}
	return d.book()
}

// List returns one page of books and how many match the filters in all.
func (s *BookStore) List(ctx context.Context, q book.Query) ([]book.Book, int64, error) {
	filter := bson.D{}
	if q.Filter.Title != nil {
		filter = append(filter, bson.E{Key: "title", Value: *q.Filter.Title})
	}
	if q.Filter.Pages != nil {
		filter = append(filter, bson.E{Key: "pages", Value: *q.Filter.Pages})
	}
	if q.Filter.Available != nil {
		filter = append(filter, bson.E{Key: "available", Value: *q.Filter.Available})
	}
	if q.Filter.PublishedOn != nil {
		filter = append(filter, bson.E{Key: "published_on", Value: q.Filter.PublishedOn.String()})
	}
	if q.Filter.Status != nil {
		filter = append(filter, bson.E{Key: "status", Value: string(*q.Filter.Status)})
	}
	if q.Filter.ISBN != nil {
		filter = append(filter, bson.E{Key: "isbn", Value: *q.Filter.ISBN})
	}
	total, err := s.coll.CountDocuments(ctx, filter)
	if err != nil {
		return nil, 0, fmt.Errorf("count books: %w", err)
	}
	if q.Offset >= total {
		return []book.Book{}, total, nil // past the end (some servers mishandle a huge skip)
	}
	opts := options.Find().SetSort(sortDoc(q.Sort, book.SortFields)).SetSkip(q.Offset).SetLimit(q.Limit)
	cur, err := s.coll.Find(ctx, filter, opts)
	if err != nil {
		return nil, 0, fmt.Errorf("list books: %w", err)
	}
	var docs []bookDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, 0, fmt.Errorf("list books: %w", err)
	}
	items := make([]book.Book, 0, len(docs))
	for _, d := range docs {
		v, err := d.book()
		if err != nil {
			return nil, 0, err
		}
		items = append(items, v)
	}
	return items, total, nil
}

// Replace sets every field of a book and its updated_at.
func (s *BookStore) Replace(ctx context.Context, id string, nb book.NewBook) (book.Book, error) {
	cur, err := s.Get(ctx, id)
	if err != nil {
		return cur, err
	}
	oid, _ := objectID(id)
	d := newBookDoc(oid, nb, cur.CreatedAt, now())
	res, err := s.coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: oid}}, d)
	if err != nil {
		return book.Book{}, fmt.Errorf("update book %s: %w", id, conflict(err, bookUnique))
	}
	if res.MatchedCount == 0 {
		return book.Book{}, types.ErrNotFound
	}
	return d.book()
}

// Delete removes a book.
func (s *BookStore) Delete(ctx context.Context, id string) error {
	oid, ok := objectID(id)
	if !ok {
		return types.ErrNotFound
	}
	res, err := s.coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: oid}})
	if err != nil {
		return fmt.Errorf("delete book %s: %w", id, err)
	}
	if res.DeletedCount == 0 {
		return types.ErrNotFound
	}
	return nil
}
