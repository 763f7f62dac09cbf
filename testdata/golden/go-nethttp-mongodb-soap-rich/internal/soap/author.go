package soap

import (
	"context"
	"encoding/xml"
	"strconv"
	"time"

	"github.com/octocat/shelf/internal/author"
)

// authorKinds are the field elements of CreateAuthor and UpdateAuthor.
var authorKinds = map[string]kind{
	"full_name":     text,
	"born_on":       text,
	"rating":        number,
	"books_written": number,
	"email":         text,
	"genre":         text,
	"biography":     text,
	"active":        boolean,
	"verified_at":   text,
}

// addAuthors registers the operations on authors.
func (h *Handler) addAuthors(store author.Store) {
	h.ops["CreateAuthor"] = func(ctx context.Context, req *request) (any, error) {
		body, err := req.body(authorKinds)
		if err != nil {
			return nil, err
		}
		nb, err := author.DecodeNew(body)
		if err != nil {
			return nil, fault(err, "author")
		}
		v, err := store.Create(ctx, nb)
		if err != nil {
			return nil, fault(err, "author")
		}
		return authorResponse("CreateAuthorResponse", v), nil
	}
	h.ops["GetAuthor"] = func(ctx context.Context, req *request) (any, error) {
		id, err := req.id()
		if err != nil {
			return nil, err
		}
		v, err := store.Get(ctx, id)
		if err != nil {
			return nil, fault(err, "author")
		}
		return authorResponse("GetAuthorResponse", v), nil
	}
	h.ops["ListAuthors"] = func(ctx context.Context, req *request) (any, error) {
		limit, offset, err := req.page()
		if err != nil {
			return nil, err
		}
		items, total, err := store.List(ctx, author.Query{Limit: limit, Offset: offset})
		if err != nil {
			return nil, fault(err, "author")
		}
		resp := listAuthorsResponse{Total: total}
		for _, v := range items {
			resp.Items = append(resp.Items, authorRecord(v))
		}
		return resp, nil
	}
	h.ops["UpdateAuthor"] = func(ctx context.Context, req *request) (any, error) {
		id, err := req.id()
		if err != nil {
			return nil, err
		}
		body, err := req.body(authorKinds)
		if err != nil {
			return nil, err
		}
		if _, err := store.Get(ctx, id); err != nil {
			return nil, fault(err, "author")
		}
		nb, err := author.DecodeNew(body)
		if err != nil {
			return nil, fault(err, "author")
		}
		v, err := store.Replace(ctx, id, nb)
		if err != nil {
			return nil, fault(err, "author")
		}
		return authorResponse("UpdateAuthorResponse", v), nil
	}
	h.ops["DeleteAuthor"] = func(ctx context.Context, req *request) (any, error) {
		id, err := req.id()
		if err != nil {
			return nil, err
		}
		if err := store.Delete(ctx, id); err != nil {
			return nil, fault(err, "author")
		}
		return struct {
			XMLName xml.Name `xml:"https://github.com/octocat/shelf/soap DeleteAuthorResponse"`
		}{}, nil
	}
}

// authorRecord is a author as the <author> element; a field
// without a value is left out (minOccurs="0").
func authorRecord(v author.Author) record {
	r := record{name: "author"}
	r.fields = append(r.fields, fieldOf("id", v.ID))
	r.fields = append(r.fields, fieldOf("full_name", v.FullName))
	r.fields = append(r.fields, fieldOf("born_on", v.BornOn.String()))
	if v.Rating != nil {
		r.fields = append(r.fields, fieldOf("rating", strconv.FormatFloat(*v.Rating, 'g', -1, 64)))
	}
	r.fields = append(r.fields, fieldOf("books_written", strconv.FormatInt(v.BooksWritten, 10)))
	if v.Email != nil {
		r.fields = append(r.fields, fieldOf("email", *v.Email))
	}
	if v.Genre != nil {
		r.fields = append(r.fields, fieldOf("genre", string(*v.Genre)))
	}
	if v.Biography != nil {
		r.fields = append(r.fields, fieldOf("biography", *v.Biography))
	}
	r.fields = append(r.fields, fieldOf("active", strconv.FormatBool(v.Active)))
	r.fields = append(r.fields, fieldOf("verified_at", v.VerifiedAt.UTC().Format(time.RFC3339Nano)))
	r.fields = append(r.fields,
		fieldOf("created_at", v.CreatedAt.UTC().Format(time.RFC3339Nano)),
		fieldOf("updated_at", v.UpdatedAt.UTC().Format(time.RFC3339Nano)),
	)
	return r
}

func authorResponse(op string, v author.Author) any {
	return struct {
		XMLName xml.Name
		Item    record
	}{XMLName: xml.Name{Space: Namespace, Local: op}, Item: authorRecord(v)}
}

type listAuthorsResponse struct {
	XMLName xml.Name `xml:"https://github.com/octocat/shelf/soap ListAuthorsResponse"`
	Items   []record
	Total   int64 `xml:"total"`
}
