// Package store keeps the resources in MongoDB, one collection per resource,
// with a unique index for every unique field.
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

	"github.com/octocat/notes/internal/types"
)

// DB is the MongoDB database; its methods return one store per resource.
type DB struct {
	client *mongo.Client
	db     *mongo.Database
}

// Open connects to mongodb://host:port/database (database "app" when none
// is given) and creates the unique indexes.
func Open(ctx context.Context, databaseURL string) (*DB, error) {
	u, err := url.Parse(databaseURL)
	if err != nil || (u.Scheme != "mongodb" && u.Scheme != "mongodb+srv") {
		return nil, errors.New("DATABASE_URL must look like mongodb://host:27017/database")
	}
	name := strings.TrimPrefix(u.Path, "/")
	if name == "" {
		name = "app"
	}
	client, err := mongo.Connect(options.Client().ApplyURI(databaseURL).SetTimeout(10 * time.Second))
	if err != nil {
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := client.Ping(ctx, nil); err != nil {
		_ = client.Disconnect(context.Background())
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	d := &DB{client: client, db: client.Database(name)}
	if err := d.createIndexes(ctx); err != nil {
		_ = client.Disconnect(context.Background())
		return nil, err
	}
	return d, nil
}

// createIndexes makes a unique index for every unique field. They are
// sparse: a document without the field (null) never clashes.
func (d *DB) createIndexes(ctx context.Context) error {
	for coll, fields := range map[string][]string{
		"notes": {},
	} {
		for _, field := range fields {
			model := mongo.IndexModel{
				Keys:    bson.D{{Key: field, Value: 1}},
				Options: options.Index().SetUnique(true).SetSparse(true),
			}
			if _, err := d.db.Collection(coll).Indexes().CreateOne(ctx, model); err != nil {
				return fmt.Errorf("create the unique index on %s.%s: %w", coll, field, err)
			}
		}
	}
	return nil
}

// Close disconnects from the server.
func (d *DB) Close() error { return d.client.Disconnect(context.Background()) }

// Ping reports whether the database answers.
func (d *DB) Ping(ctx context.Context) error { return d.client.Ping(ctx, nil) }

// now is the time of a write, in UTC, to the millisecond (what BSON keeps).
func now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// objectID reads an id from a URL; anything but 24 hex digits cannot be a document.
func objectID(id string) (bson.ObjectID, bool) {
	oid, err := bson.ObjectIDFromHex(id)
	return oid, err == nil
}

// sortDoc turns the sort keys into a sort document, ties broken by _id.
// Only names in fields (the model's) are used.
func sortDoc(keys []types.SortKey, fields []string) bson.D {
	var doc bson.D
	hasID := false
	for _, k := range keys {
		name := ""
		for _, f := range fields {
			if f == k.Field {
				name = f
			}
		}
		if name == "" {
			continue
		}
		if name == "id" {
			name, hasID = "_id", true
		}
		dir := 1
		if k.Desc {
			dir = -1
		}
		doc = append(doc, bson.E{Key: name, Value: dir})
	}
	if !hasID {
		doc = append(doc, bson.E{Key: "_id", Value: 1})
	}
	return doc
}

// conflict turns a duplicate key error into a *types.ConflictError naming the field.
func conflict(err error, unique []string) error {
	if !mongo.IsDuplicateKeyError(err) {
		return err
	}
	field := ""
	for _, name := range unique {
		if strings.Contains(err.Error(), name) && len(name) > len(field) {
			field = name
		}
	}
	if field == "" && len(unique) > 0 {
		field = unique[0]
	}
	return &types.ConflictError{Field: field}
}
