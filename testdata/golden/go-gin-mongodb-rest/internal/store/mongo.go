// Package store keeps notes in MongoDB.
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/octocat/notes/internal/note"
)

// collectionName is where the notes live.
const collectionName = "notes"

// Mongo is a note.Store backed by MongoDB.
type Mongo struct {
	client *mongo.Client
	coll   *mongo.Collection
}

var _ note.Store = (*Mongo)(nil)

// document is how a note is stored.
type document struct {
	ID        bson.ObjectID `bson:"_id,omitempty"`
	Title     string        `bson:"title"`
	Done      bool          `bson:"done"`
	CreatedAt time.Time     `bson:"created_at"`
}

func (d document) model() note.Note {
	return note.Note{ID: d.ID.Hex(), Title: d.Title, Done: d.Done, CreatedAt: d.CreatedAt.UTC()}
}

// Open connects to mongodb://host:port/database (database "app" when none is given).
func Open(ctx context.Context, databaseURL string) (*Mongo, error) {
	u, err := url.Parse(databaseURL)
	if err != nil || (u.Scheme != "mongodb" && u.Scheme != "mongodb+srv") {
		return nil, errors.New("DATABASE_URL must look like mongodb://host:27017/database")
	}
	dbName := strings.TrimPrefix(u.Path, "/")
	if dbName == "" {
		dbName = "app"
	}
	client, err := mongo.Connect(options.Client().ApplyURI(databaseURL).SetTimeout(10 * time.Second))
	if err != nil {
		return nil, err
	}
	pingCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := client.Ping(pingCtx, nil); err != nil {
		_ = client.Disconnect(context.Background())
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	return &Mongo{client: client, coll: client.Database(dbName).Collection(collectionName)}, nil
}

// Close disconnects from the server.
func (s *Mongo) Close() error { return s.client.Disconnect(context.Background()) }

// Ping reports whether the database answers.
func (s *Mongo) Ping(ctx context.Context) error { return s.client.Ping(ctx, nil) }

// Create stores a new note.
func (s *Mongo) Create(ctx context.Context, in note.Input) (note.Note, error) {
	d := document{
		ID:        bson.NewObjectID(),
		Title:     in.Title,
		Done:      in.Done,
		CreatedAt: time.Now().UTC().Truncate(time.Millisecond), // BSON keeps milliseconds
	}
	if _, err := s.coll.InsertOne(ctx, d); err != nil {
		return note.Note{}, err
	}
	return d.model(), nil
}

// Get returns the note with the given id.
func (s *Mongo) Get(ctx context.Context, id string) (note.Note, error) {
	oid, err := bson.ObjectIDFromHex(id)
	if err != nil {
		return note.Note{}, note.ErrNotFound
	}
	var d document
	err = s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: oid}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return note.Note{}, note.ErrNotFound
	}
	if err != nil {
		return note.Note{}, err
	}
	return d.model(), nil
}

// List returns one page of notes, oldest first, and how many there are in all.
func (s *Mongo) List(ctx context.Context, p note.Page) ([]note.Note, int, error) {
	total, err := s.coll.CountDocuments(ctx, bson.D{})
	if err != nil {
		return nil, 0, err
	}
	opts := options.Find().
		SetSort(bson.D{{Key: "_id", Value: 1}}).
		SetSkip(int64(p.Offset)).
		SetLimit(int64(p.Limit))
	cur, err := s.coll.Find(ctx, bson.D{}, opts)
	if err != nil {
		return nil, 0, err
	}
	defer func() { _ = cur.Close(ctx) }()
	items := []note.Note{}
	for cur.Next(ctx) {
		var d document
		if err := cur.Decode(&d); err != nil {
			return nil, 0, err
		}
		items = append(items, d.model())
	}
	return items, int(total), cur.Err()
}

// Update replaces the title and done flag of a note.
func (s *Mongo) Update(ctx context.Context, id string, in note.Input) (note.Note, error) {
	oid, err := bson.ObjectIDFromHex(id)
	if err != nil {
		return note.Note{}, note.ErrNotFound
	}
	res, err := s.coll.UpdateOne(ctx,
		bson.D{{Key: "_id", Value: oid}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "title", Value: in.Title}, {Key: "done", Value: in.Done}}}})
	if err != nil {
		return note.Note{}, err
	}
	if res.MatchedCount == 0 {
		return note.Note{}, note.ErrNotFound
	}
	return s.Get(ctx, id)
}

// Delete removes a note.
func (s *Mongo) Delete(ctx context.Context, id string) error {
	oid, err := bson.ObjectIDFromHex(id)
	if err != nil {
		return note.ErrNotFound
	}
	res, err := s.coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: oid}})
	if err != nil {
		return err
	}
	if res.DeletedCount == 0 {
		return note.ErrNotFound
	}
	return nil
}
