package soap

import (
	"context"
	"encoding/xml"
	"strconv"
	"time"

	"github.com/octocat/shelf/internal/book"
)

// bookKinds are the field elements of CreateBook and UpdateBook.
var bookKinds = map[string]kind{
	"title":        text,
	"summary":      text,
	"pages":        number,
	"price":        number,
	"available":    boolean,
	"published_on": text,
	"last_read_at": text,
	"status":       text,
	"isbn":         text,
}

// addBooks registers the operations on books.
func (h *Handler) addBooks(store book.Store) {
	h.ops["CreateBook"] = func(ctx context.Context, req *request) (any, error) {
		body, err := req.body(bookKinds)
		if err != nil {
			return nil, err
		}
		nb, err := book.DecodeNew(body)
		if err != nil {
			return nil, fault(err, "book")
		}
		v, err := store.Create(ctx, nb)
		if err != nil {
			return nil, fault(err, "book")
		}
		return bookResponse("CreateBookResponse", v), nil
	}
	h.ops["GetBook"] = func(ctx context.Context, req *request) (any, error) {
		id, err := req.id()
		if err != nil {
			return nil, err
		}
		v, err := store.Get(ctx, id)
		if err != nil {
			return nil, fault(err, "book")
		}
		return bookResponse("GetBookResponse", v), nil
	}
	h.ops["ListBooks"] = func(ctx context.Context, req *request) (any, error) {
		limit, offset, err := req.page()
		if err != nil {
			return nil, err
		}
		items, total, err := store.List(ctx, book.Query{Limit: limit, Offset: offset})
		if err != nil {
			return nil, fault(err, "book")
		}
		resp := listBooksResponse{Total: total}
		for _, v := range items {
			resp.Items = append(resp.Items, bookRecord(v))
		}
		return resp, nil
	}
	h.ops["UpdateBook"] = func(ctx context.Context, req *request) (any, error) {
		id, err := req.id()
		if err != nil {
			return nil, err
		}
		body, err := req.body(bookKinds)
		if err != nil {
			return nil, err
		}
		if _, err := store.Get(ctx, id); err != nil {
			return nil, fault(err, "book")
		}
		nb, err := book.DecodeNew(body)
		if err != nil {
			return nil, fault(err, "book")
		}
		v, err := store.Replace(ctx, id, nb)
		if err != nil {
			return nil, fault(err, "book")
		}
		return bookResponse("UpdateBookResponse", v), nil
	}
	h.ops["DeleteBook"] = func(ctx context.Context, req *request) (any, error) {
		id, err := req.id()
		if err != nil {
			return nil, err
		}
		if err := store.Delete(ctx, id); err != nil {
			return nil, fault(err, "book")
		}
		return struct {
			XMLName xml.Name `xml:"https://github.com/octocat/shelf/soap DeleteBookResponse"`
		}{}, nil
	}
}

// bookRecord is a book as the <book> element; a field
// without a value is left out (minOccurs="0").
func bookRecord(v book.Book) record {
	r := record{name: "book"}
	r.fields = append(r.fields, fieldOf("id", v.ID))
	r.fields = append(r.fields, fieldOf("title", v.Title))
	if v.Summary != nil {
		r.fields = append(r.fields, fieldOf("summary", *v.Summary))
	}
	if v.Pages != nil {
		r.fields = append(r.fields, fieldOf("pages", strconv.FormatInt(*v.Pages, 10)))
	}
	if v.Price != nil {
		r.fields = append(r.fields, fieldOf("price", strconv.FormatFloat(*v.Price, 'g', -1, 64)))
	}
	r.fields = append(r.fields, fieldOf("available", strconv.FormatBool(v.Available)))
	if v.PublishedOn != nil {
		r.fields = append(r.fields, fieldOf("published_on", v.PublishedOn.String()))
	}
	if v.LastReadAt != nil {
		r.fields = append(r.fields, fieldOf("last_read_at", v.LastReadAt.UTC().Format(time.RFC3339Nano)))
	}
	r.fields = append(r.fields, fieldOf("status", string(v.Status)))
	if v.ISBN != nil {
		r.fields = append(r.fields, fieldOf("isbn", *v.ISBN))
	}
	r.fields = append(r.fields,
		fieldOf("created_at", v.CreatedAt.UTC().Format(time.RFC3339Nano)),
		fieldOf("updated_at", v.UpdatedAt.UTC().Format(time.RFC3339Nano)),
	)
	return r
}

func bookResponse(op string, v book.Book) any {
	return struct {
		XMLName xml.Name
		Item    record
	}{XMLName: xml.Name{Space: Namespace, Local: op}, Item: bookRecord(v)}
}

type listBooksResponse struct {
	XMLName xml.Name `xml:"https://github.com/octocat/shelf/soap ListBooksResponse"`
	Items   []record
	Total   int64 `xml:"total"`
}
