// Package author is the author resource: the type, the inputs a
// client sends, every rule of the model, and the Store that keeps authors.
package author

import (
	"context"
	"encoding/json"
	"net/url"
	"time"
	"unicode/utf8"

	"github.com/octocat/shelf/internal/types"
)

// Author is one author as stored and returned by the API.
type Author struct {
	ID           int64      `json:"id"`
	FullName     string     `json:"full_name"`
	BornOn       types.Date `json:"born_on"`
	Rating       *float64   `json:"rating"`
	BooksWritten int64      `json:"books_written"`
	Email        *string    `json:"email"`
	Genre        *Genre     `json:"genre"`
	Biography    *string    `json:"biography"`
	Active       bool       `json:"active"`
	VerifiedAt   time.Time  `json:"verified_at"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// Genre is a value of genre.
type Genre string

// The values genre may take.
const (
	GenreFiction    Genre = "fiction"
	GenreNonFiction Genre = "non_fiction"
	GenrePoetry     Genre = "poetry"
)

// GenreValues lists the values genre may take.
var GenreValues = []Genre{GenreFiction, GenreNonFiction, GenrePoetry}

// Valid reports whether v is one of the values.
func (v Genre) Valid() bool {
	switch v {
	case GenreFiction, GenreNonFiction, GenrePoetry:
		return true
	}
	return false
}

// NewAuthor is what a client sends to create a author (POST) or to
// replace one (PUT): the same rules hold for both.
type NewAuthor struct {
	FullName     string
	BornOn       types.Date
	Rating       *float64
	BooksWritten int64
	Email        *string
	Genre        *Genre
	Biography    *string
	Active       bool
	VerifiedAt   time.Time
}

// UpdateAuthor is a JSON merge patch (PATCH): only the fields that are Set change.
type UpdateAuthor struct {
	FullName     types.Optional[string]
	BornOn       types.Optional[types.Date]
	Rating       types.Optional[*float64]
	BooksWritten types.Optional[int64]
	Email        types.Optional[*string]
	Genre        types.Optional[*Genre]
	Biography    types.Optional[*string]
	Active       types.Optional[bool]
	VerifiedAt   types.Optional[time.Time]
}

// Fields are the names a client may send, in the model's order.
var Fields = []string{"full_name", "born_on", "rating", "books_written", "email", "genre", "biography", "active", "verified_at"}

// SortFields are the names ?sort= accepts.
var SortFields = []string{"id", "full_name", "born_on", "rating", "books_written", "email", "genre", "biography", "active", "verified_at", "created_at", "updated_at"}

// DecodeNew reads a POST or PUT body: a required field must be there, a
// field left out gets its default (or null), and every rule must hold.
func DecodeNew(body map[string]json.RawMessage) (NewAuthor, error) {
	var nb NewAuthor
	verr := &types.ValidationError{}
	types.Unknown(body, Fields, verr)
	switch v, st := types.Field(body, "full_name", types.DecodeString, verr); st {
	case types.Absent:
		verr.Add("full_name", "is required")
	case types.Null:
		verr.Add("full_name", "must not be null")
	case types.Present:
		nb.FullName = v
	}
	switch v, st := types.Field(body, "born_on", types.DecodeDate, verr); st {
	case types.Absent:
		verr.Add("born_on", "is required")
	case types.Null:
		verr.Add("born_on", "must not be null")
	case types.Present:
		nb.BornOn = v
	}
	if v, st := types.Field(body, "rating", types.DecodeFloat, verr); st == types.Present {
		nb.Rating = &v
	}
	switch v, st := types.Field(body, "books_written", types.DecodeInt, verr); st {
	case types.Absent:
		nb.BooksWritten = 0
	case types.Null:
		verr.Add("books_written", "must not be null (leave it out to get the default)")
	case types.Present:
		nb.BooksWritten = v
	}
	if v, st := types.Field(body, "email", types.DecodeString, verr); st == types.Present {
		nb.Email = &v
	}
	if v, st := types.Field(body, "genre", types.DecodeString, verr); st == types.Present {
		nb.Genre = types.Ptr(Genre(v))
	}
	if v, st := types.Field(body, "biography", types.DecodeString, verr); st == types.Present {
		nb.Biography = &v
	}
	switch v, st := types.Field(body, "active", types.DecodeBool, verr); st {
	case types.Absent:
		verr.Add("active", "is required")
	case types.Null:
		verr.Add("active", "must not be null")
	case types.Present:
		nb.Active = v
	}
	switch v, st := types.Field(body, "verified_at", types.DecodeTime, verr); st {
	case types.Absent:
		verr.Add("verified_at", "is required")
	case types.Null:
		verr.Add("verified_at", "must not be null")
	case types.Present:
		nb.VerifiedAt = v
	}
	verr.Merge(nb.Validate())
	return nb, verr.Err()
}

// DecodeUpdate reads a PATCH body (a JSON merge patch): a field left out
// stays as it is, null clears a field that may be null.
func DecodeUpdate(body map[string]json.RawMessage) (UpdateAuthor, error) {
	var ub UpdateAuthor
	verr := &types.ValidationError{}
	types.Unknown(body, Fields, verr)
	switch v, st := types.Field(body, "full_name", types.DecodeString, verr); st {
	case types.Null:
		verr.Add("full_name", "must not be null")
	case types.Present:
		ub.FullName = types.Some(v)
	}
	switch v, st := types.Field(body, "born_on", types.DecodeDate, verr); st {
	case types.Null:
		verr.Add("born_on", "must not be null")
	case types.Present:
		ub.BornOn = types.Some(v)
	}
	switch v, st := types.Field(body, "rating", types.DecodeFloat, verr); st {
	case types.Null:
		ub.Rating = types.Some[*float64](nil)
	case types.Present:
		ub.Rating = types.Some(&v)
	}
	switch v, st := types.Field(body, "books_written", types.DecodeInt, verr); st {
	case types.Null:
		verr.Add("books_written", "must not be null")
	case types.Present:
		ub.BooksWritten = types.Some(v)
	}
	switch v, st := types.Field(body, "email", types.DecodeString, verr); st {
	case types.Null:
		ub.Email = types.Some[*string](nil)
	case types.Present:
		ub.Email = types.Some(&v)
	}
	switch v, st := types.Field(body, "genre", types.DecodeString, verr); st {
	case types.Null:
		ub.Genre = types.Some[*Genre](nil)
	case types.Present:
		ub.Genre = types.Some(types.Ptr(Genre(v)))
	}
	switch v, st := types.Field(body, "biography", types.DecodeString, verr); st {
	case types.Null:
		ub.Biography = types.Some[*string](nil)
	case types.Present:
		ub.Biography = types.Some(&v)
	}
	switch v, st := types.Field(body, "active", types.DecodeBool, verr); st {
	case types.Null:
		verr.Add("active", "must not be null")
	case types.Present:
		ub.Active = types.Some(v)
	}
	switch v, st := types.Field(body, "verified_at", types.DecodeTime, verr); st {
	case types.Null:
		verr.Add("verified_at", "must not be null")
	case types.Present:
		ub.VerifiedAt = types.Some(v)
	}
	return ub, verr.Err()
}

// Apply returns cur with the patch applied, as the full input to store;
// the caller validates it, as a PUT would be.
func (ub UpdateAuthor) Apply(cur Author) NewAuthor {
	nb := NewAuthor{
		FullName:     cur.FullName,
		BornOn:       cur.BornOn,
		Rating:       cur.Rating,
		BooksWritten: cur.BooksWritten,
		Email:        cur.Email,
		Genre:        cur.Genre,
		Biography:    cur.Biography,
		Active:       cur.Active,
		VerifiedAt:   cur.VerifiedAt,
	}
	if ub.FullName.Set {
		nb.FullName = ub.FullName.Value
	}
	if ub.BornOn.Set {
		nb.BornOn = ub.BornOn.Value
	}
	if ub.Rating.Set {
		nb.Rating = ub.Rating.Value
	}
	if ub.BooksWritten.Set {
		nb.BooksWritten = ub.BooksWritten.Value
	}
	if ub.Email.Set {
		nb.Email = ub.Email.Value
	}
	if ub.Genre.Set {
		nb.Genre = ub.Genre.Value
	}
	if ub.Biography.Set {
		nb.Biography = ub.Biography.Value
	}
	if ub.Active.Set {
		nb.Active = ub.Active.Value
	}
	if ub.VerifiedAt.Set {
		nb.VerifiedAt = ub.VerifiedAt.Value
	}
	return nb
}

// Validate checks every rule of the model and names each field that breaks one.
func (nb NewAuthor) Validate() error {
	verr := &types.ValidationError{}
	checkFullName(nb.FullName, verr)
	checkBornOn(nb.BornOn, verr)
	if nb.Rating != nil {
		checkRating(*nb.Rating, verr)
	}
	checkBooksWritten(nb.BooksWritten, verr)
	if nb.Email != nil {
		checkEmail(*nb.Email, verr)
	}
	if nb.Genre != nil {
		checkGenre(*nb.Genre, verr)
	}
	if nb.Biography != nil {
		checkBiography(*nb.Biography, verr)
	}
	checkActive(nb.Active, verr)
	checkVerifiedAt(nb.VerifiedAt, verr)
	return verr.Err()
}

// checkFullName applies the rules of full_name.
func checkFullName(v string, verr *types.ValidationError) {
	if err := types.CheckText(v); err != nil {
		verr.Add("full_name", err.Error())
		return
	}
	if types.IsBlank(v) {
		verr.Add("full_name", "must not be blank")
		return
	}
	n := utf8.RuneCountInString(v)
	if n < 2 {
		verr.Add("full_name", "must be at least 2 characters long")
	}
	if n > 120 {
		verr.Add("full_name", "must be at most 120 characters long")
	}
}

// checkBornOn applies the rules of born_on.
func checkBornOn(v types.Date, verr *types.ValidationError) {
	_, _ = v, verr // any date is allowed
}

// checkRating applies the rules of rating.
func checkRating(v float64, verr *types.ValidationError) {
	if v < 0 {
		verr.Add("rating", "must be at least 0")
	}
	if v > 5 {
		verr.Add("rating", "must be at most 5")
	}
}

// checkBooksWritten applies the rules of books_written.
func checkBooksWritten(v int64, verr *types.ValidationError) {
	if v < 0 {
		verr.Add("books_written", "must be at least 0")
	}
	if v > types.MaxSafeInt {
		verr.Add("books_written", "must be at most 9007199254740991 (the whole numbers JSON carries exactly)")
	}
}

// checkEmail applies the rules of email.
func checkEmail(v string, verr *types.ValidationError) {
	if err := types.CheckText(v); err != nil {
		verr.Add("email", err.Error())
		return
	}
	n := utf8.RuneCountInString(v)
	if n > 254 {
		verr.Add("email", "must be at most 254 characters long")
	}
}

// checkGenre applies the rules of genre.
func checkGenre(v Genre, verr *types.ValidationError) {
	if !v.Valid() {
		verr.Add("genre", "must be one of: fiction, non_fiction, poetry")
	}
}

// checkBiography applies the rules of biography.
func checkBiography(v string, verr *types.ValidationError) {
	if err := types.CheckText(v); err != nil {
		verr.Add("biography", err.Error())
		return
	}
	n := utf8.RuneCountInString(v)
	if n > 5000 {
		verr.Add("biography", "must be at most 5000 characters long")
	}
}

// checkActive applies the rules of active.
func checkActive(v bool, verr *types.ValidationError) {
	_, _ = v, verr // any bool is allowed
}

// checkVerifiedAt applies the rules of verified_at.
func checkVerifiedAt(v time.Time, verr *types.ValidationError) {
	_, _ = v, verr // any datetime is allowed
}

// Filter holds the equality filters of a list (?field=value); nil means no filter.
type Filter struct {
	FullName     *string
	BornOn       *types.Date
	BooksWritten *int64
	Email        *string
	Genre        *Genre
	Active       *bool
}

// Query selects one page of authors.
type Query struct {
	Limit, Offset int64
	Sort          []types.SortKey // empty: by id
	Filter        Filter
}

// ParseQuery reads limit, offset, sort and the filters of GET /authors.
// Unknown parameters are ignored.
func ParseQuery(q url.Values) (Query, error) {
	var qr Query
	var err error
	if qr.Limit, qr.Offset, err = types.ParsePage(q); err != nil {
		return qr, err
	}
	if qr.Sort, err = types.ParseSort(q, SortFields); err != nil {
		return qr, err
	}
	if qr.Filter.FullName, err = types.Filter(q, "full_name", types.ParseString); err != nil {
		return qr, err
	}
	if qr.Filter.BornOn, err = types.Filter(q, "born_on", types.ParseDate); err != nil {
		return qr, err
	}
	if qr.Filter.BooksWritten, err = types.Filter(q, "books_written", types.ParseInt); err != nil {
		return qr, err
	}
	if qr.Filter.Email, err = types.Filter(q, "email", types.ParseString); err != nil {
		return qr, err
	}
	if qr.Filter.Genre, err = types.Filter(q, "genre", parseGenre); err != nil {
		return qr, err
	}
	if qr.Filter.Active, err = types.Filter(q, "active", types.ParseBool); err != nil {
		return qr, err
	}
	return qr, nil
}

func parseGenre(s string) (Genre, error) {
	if v := Genre(s); v.Valid() {
		return v, nil
	}
	return "", &types.QueryError{Param: "genre", Message: "must be one of: fiction, non_fiction, poetry"}
}

// Store keeps authors. Ids are passed as text, as they arrive in URLs and
// messages; an id the database could never have issued is types.ErrNotFound.
// A unique field clash is a *types.ConflictError.
type Store interface {
	Create(ctx context.Context, nb NewAuthor) (Author, error)
	Get(ctx context.Context, id string) (Author, error)
	List(ctx context.Context, q Query) (items []Author, total int64, err error)
	Replace(ctx context.Context, id string, nb NewAuthor) (Author, error)
	Delete(ctx context.Context, id string) error
}
