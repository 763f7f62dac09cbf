// Package book is the book resource: the type, the inputs a
// client sends, every rule of the model, and the Store that keeps books.
package book

import (
	"context"
	"encoding/json"
	"net/url"
	"time"
	"unicode/utf8"

	"github.com/octocat/shelf/internal/types"
)

// Book is one book as stored and returned by the API.
type Book struct {
	ID          string      `json:"id"`
	Title       string      `json:"title"`
	Summary     *string     `json:"summary"`
	Pages       *int64      `json:"pages"`
	Price       *float64    `json:"price"`
	Available   bool        `json:"available"`
	PublishedOn *types.Date `json:"published_on"`
	LastReadAt  *time.Time  `json:"last_read_at"`
	Status      Status      `json:"status"`
	ISBN        *string     `json:"isbn"`
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`
}

// Status is a value of status.
type Status string

// The values status may take.
const (
	StatusWishlist Status = "wishlist"
	StatusReading  Status = "reading"
	StatusRead     Status = "read"
)

// StatusValues lists the values status may take.
var StatusValues = []Status{StatusWishlist, StatusReading, StatusRead}

// Valid reports whether v is one of the values.
func (v Status) Valid() bool {
	switch v {
	case StatusWishlist, StatusReading, StatusRead:
		return true
	}
	return false
}

// NewBook is what a client sends to create a book (POST) or to
// replace one (PUT): the same rules hold for both.
type NewBook struct {
	Title       string
	Summary     *string
	Pages       *int64
	Price       *float64
	Available   bool
	PublishedOn *types.Date
	LastReadAt  *time.Time
	Status      Status
	ISBN        *string
}

// UpdateBook is a JSON merge patch (PATCH): only the fields that are Set change.
type UpdateBook struct {
	Title       types.Optional[string]
	Summary     types.Optional[*string]
	Pages       types.Optional[*int64]
	Price       types.Optional[*float64]
	Available   types.Optional[bool]
	PublishedOn types.Optional[*types.Date]
	LastReadAt  types.Optional[*time.Time]
	Status      types.Optional[Status]
	ISBN        types.Optional[*string]
}

// Fields are the names a client may send, in the model's order.
var Fields = []string{"title", "summary", "pages", "price", "available", "published_on", "last_read_at", "status", "isbn"}

// SortFields are the names ?sort= accepts.
var SortFields = []string{"id", "title", "summary", "pages", "price", "available", "published_on", "last_read_at", "status", "isbn", "created_at", "updated_at"}

// DecodeNew reads a POST or PUT body: a required field must be there, a
// field left out gets its default (or null), and every rule must hold.
func DecodeNew(body map[string]json.RawMessage) (NewBook, error) {
	var nb NewBook
	verr := &types.ValidationError{}
	types.Unknown(body, Fields, verr)
	switch v, st := types.Field(body, "title", types.DecodeString, verr); st {
	case types.Absent:
		verr.Add("title", "is required")
	case types.Null:
		verr.Add("title", "must not be null")
	case types.Present:
		nb.Title = v
	}
	if v, st := types.Field(body, "summary", types.DecodeString, verr); st == types.Present {
		nb.Summary = &v
	}
	if v, st := types.Field(body, "pages", types.DecodeInt, verr); st == types.Present {
		nb.Pages = &v
	}
	if v, st := types.Field(body, "price", types.DecodeFloat, verr); st == types.Present {
		nb.Price = &v
	}
	switch v, st := types.Field(body, "available", types.DecodeBool, verr); st {
	case types.Absent:
		nb.Available = true
	case types.Null:
		verr.Add("available", "must not be null (leave it out to get the default)")
	case types.Present:
		nb.Available = v
	}
	if v, st := types.Field(body, "published_on", types.DecodeDate, verr); st == types.Present {
		nb.PublishedOn = &v
	}
	if v, st := types.Field(body, "last_read_at", types.DecodeTime, verr); st == types.Present {
		nb.LastReadAt = &v
	}
	switch v, st := types.Field(body, "status", types.DecodeString, verr); st {
	case types.Absent:
		nb.Status = StatusWishlist
	case types.Null:
		verr.Add("status", "must not be null (leave it out to get the default)")
	case types.Present:
		nb.Status = Status(v)
	}
	if v, st := types.Field(body, "isbn", types.DecodeString, verr); st == types.Present {
		nb.ISBN = &v
	}
	verr.Merge(nb.Validate())
	return nb, verr.Err()
}

// DecodeUpdate reads a PATCH body (a JSON merge patch): a field left out
// stays as it is, null clears a field that may be null.
func DecodeUpdate(body map[string]json.RawMessage) (UpdateBook, error) {
	var ub UpdateBook
	verr := &types.ValidationError{}
	types.Unknown(body, Fields, verr)
	switch v, st := types.Field(body, "title", types.DecodeString, verr); st {
	case types.Null:
		verr.Add("title", "must not be null")
	case types.Present:
		ub.Title = types.Some(v)
	}
	switch v, st := types.Field(body, "summary", types.DecodeString, verr); st {
	case types.Null:
		ub.Summary = types.Some[*string](nil)
	case types.Present:
		ub.Summary = types.Some(&v)
	}
	switch v, st := types.Field(body, "pages", types.DecodeInt, verr); st {
	case types.Null:
		ub.Pages = types.Some[*int64](nil)
	case types.Present:
		ub.Pages = types.Some(&v)
	}
	switch v, st := types.Field(body, "price", types.DecodeFloat, verr); st {
	case types.Null:
		ub.Price = types.Some[*float64](nil)
	case types.Present:
		ub.Price = types.Some(&v)
	}
	switch v, st := types.Field(body, "available", types.DecodeBool, verr); st {
	case types.Null:
		verr.Add("available", "must not be null")
	case types.Present:
		ub.Available = types.Some(v)
	}
	switch v, st := types.Field(body, "published_on", types.DecodeDate, verr); st {
	case types.Null:
		ub.PublishedOn = types.Some[*types.Date](nil)
	case types.Present:
		ub.PublishedOn = types.Some(&v)
	}
	switch v, st := types.Field(body, "last_read_at", types.DecodeTime, verr); st {
	case types.Null:
		ub.LastReadAt = types.Some[*time.Time](nil)
	case types.Present:
		ub.LastReadAt = types.Some(&v)
	}
	switch v, st := types.Field(body, "status", types.DecodeString, verr); st {
	case types.Null:
		verr.Add("status", "must not be null")
	case types.Present:
		ub.Status = types.Some(Status(v))
	}
	switch v, st := types.Field(body, "isbn", types.DecodeString, verr); st {
	case types.Null:
		ub.ISBN = types.Some[*string](nil)
	case types.Present:
		ub.ISBN = types.Some(&v)
	}
	return ub, verr.Err()
}

// Apply returns cur with the patch applied, as the full input to store;
// the caller validates it, as a PUT would be.
func (ub UpdateBook) Apply(cur Book) NewBook {
	nb := NewBook{
		Title:       cur.Title,
		Summary:     cur.Summary,
		Pages:       cur.Pages,
		Price:       cur.Price,
		Available:   cur.Available,
		PublishedOn: cur.PublishedOn,
		LastReadAt:  cur.LastReadAt,
		Status:      cur.Status,
		ISBN:        cur.ISBN,
	}
	if ub.Title.Set {
		nb.Title = ub.Title.Value
	}
	if ub.Summary.Set {
		nb.Summary = ub.Summary.Value
	}
	if ub.Pages.Set {
		nb.Pages = ub.Pages.Value
	}
	if ub.Price.Set {
		nb.Price = ub.Price.Value
	}
	if ub.Available.Set {
		nb.Available = ub.Available.Value
	}
	if ub.PublishedOn.Set {
		nb.PublishedOn = ub.PublishedOn.Value
	}
	if ub.LastReadAt.Set {
		nb.LastReadAt = ub.LastReadAt.Value
	}
	if ub.Status.Set {
		nb.Status = ub.Status.Value
	}
	if ub.ISBN.Set {
		nb.ISBN = ub.ISBN.Value
	}
	return nb
}

// Validate checks every rule of the model and names each field that breaks one.
func (nb NewBook) Validate() error {
	verr := &types.ValidationError{}
	checkTitle(nb.Title, verr)
	if nb.Summary != nil {
		checkSummary(*nb.Summary, verr)
	}
	if nb.Pages != nil {
		checkPages(*nb.Pages, verr)
	}
	if nb.Price != nil {
		checkPrice(*nb.Price, verr)
	}
	checkAvailable(nb.Available, verr)
	if nb.PublishedOn != nil {
		checkPublishedOn(*nb.PublishedOn, verr)
	}
	if nb.LastReadAt != nil {
		checkLastReadAt(*nb.LastReadAt, verr)
	}
	checkStatus(nb.Status, verr)
	if nb.ISBN != nil {
		checkISBN(*nb.ISBN, verr)
	}
	return verr.Err()
}

// checkTitle applies the rules of title.
func checkTitle(v string, verr *types.ValidationError) {
	if err := types.CheckText(v); err != nil {
		verr.Add("title", err.Error())
		return
	}
	if types.IsBlank(v) {
		verr.Add("title", "must not be blank")
		return
	}
	n := utf8.RuneCountInString(v)
	if n < 1 {
		verr.Add("title", "must be at least 1 character long")
	}
	if n > 200 {
		verr.Add("title", "must be at most 200 characters long")
	}
}

// checkSummary applies the rules of summary.
func checkSummary(v string, verr *types.ValidationError) {
	if err := types.CheckText(v); err != nil {
		verr.Add("summary", err.Error())
		return
	}
}

// checkPages applies the rules of pages.
func checkPages(v int64, verr *types.ValidationError) {
	if v < 1 {
		verr.Add("pages", "must be at least 1")
	}
	if v > 10000 {
		verr.Add("pages", "must be at most 10000")
	}
}

// checkPrice applies the rules of price.
func checkPrice(v float64, verr *types.ValidationError) {
	if v < 0 {
		verr.Add("price", "must be at least 0")
	}
}

// checkAvailable applies the rules of available.
func checkAvailable(v bool, verr *types.ValidationError) {
	_, _ = v, verr // any bool is allowed
}

// checkPublishedOn applies the rules of published_on.
func checkPublishedOn(v types.Date, verr *types.ValidationError) {
	_, _ = v, verr // any date is allowed
}

// checkLastReadAt applies the rules of last_read_at.
func checkLastReadAt(v time.Time, verr *types.ValidationError) {
	_, _ = v, verr // any datetime is allowed
}

// checkStatus applies the rules of status.
func checkStatus(v Status, verr *types.ValidationError) {
	if !v.Valid() {
		verr.Add("status", "must be one of: wishlist, reading, read")
	}
}

// checkISBN applies the rules of isbn.
func checkISBN(v string, verr *types.ValidationError) {
	if err := types.CheckText(v); err != nil {
		verr.Add("isbn", err.Error())
		return
	}
	n := utf8.RuneCountInString(v)
	if n > 17 {
		verr.Add("isbn", "must be at most 17 characters long")
	}
}

// Filter holds the equality filters of a list (?field=value); nil means no filter.
type Filter struct {
	Title       *string
	Pages       *int64
	Available   *bool
	PublishedOn *types.Date
	Status      *Status
	ISBN        *string
}

// Query selects one page of books.
type Query struct {
	Limit, Offset int64
	Sort          []types.SortKey // empty: by id
	Filter        Filter
}

// ParseQuery reads limit, offset, sort and the filters of GET /books.
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
	if qr.Filter.Title, err = types.Filter(q, "title", types.ParseString); err != nil {
		return qr, err
	}
	if qr.Filter.Pages, err = types.Filter(q, "pages", types.ParseInt); err != nil {
		return qr, err
	}
	if qr.Filter.Available, err = types.Filter(q, "available", types.ParseBool); err != nil {
		return qr, err
	}
	if qr.Filter.PublishedOn, err = types.Filter(q, "published_on", types.ParseDate); err != nil {
		return qr, err
	}
	if qr.Filter.Status, err = types.Filter(q, "status", parseStatus); err != nil {
		return qr, err
	}
	if qr.Filter.ISBN, err = types.Filter(q, "isbn", types.ParseString); err != nil {
		return qr, err
	}
	return qr, nil
}

func parseStatus(s string) (Status, error) {
	if v := Status(s); v.Valid() {
		return v, nil
	}
	return "", &types.QueryError{Param: "status", Message: "must be one of: wishlist, reading, read"}
}

// Store keeps books. Ids are passed as text, as they arrive in URLs and
// messages; an id the database could never have issued is types.ErrNotFound.
// A unique field clash is a *types.ConflictError.
type Store interface {
	Create(ctx context.Context, nb NewBook) (Book, error)
	Get(ctx context.Context, id string) (Book, error)
	List(ctx context.Context, q Query) (items []Book, total int64, err error)
	Replace(ctx context.Context, id string, nb NewBook) (Book, error)
	Delete(ctx context.Context, id string) error
}
