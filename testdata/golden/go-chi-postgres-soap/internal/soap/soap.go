// Package soap serves the tasks as a SOAP 1.1 service (document/literal
// wrapped), as described by api/service.wsdl, using only encoding/xml.
package soap

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/octocat/shop-api/api"
	"github.com/octocat/shop-api/internal/task"
)

// Namespaces of the messages.
const (
	EnvelopeNS = "http://schemas.xmlsoap.org/soap/envelope/"
	Namespace  = "https://github.com/octocat/shop-api/soap"
)

const maxBodyBytes = 1 << 20

// Handler answers POST /soap (SOAP 1.1) and GET /soap?wsdl.
type Handler struct {
	store task.Store
	log   *slog.Logger
}

// NewHandler returns the SOAP endpoint backed by store.
func NewHandler(store task.Store, log *slog.Logger) *Handler {
	return &Handler{store: store, log: log}
}

// addressLocation finds the endpoint URL in api/service.wsdl's soap:address.
var addressLocation = regexp.MustCompile(`<soap:address\s+location="([^"]*)"`)

// wsdlFor returns api/service.wsdl with its soap:address set to the /soap URL this
// request came in on, so that a client generated from the WSDL calls this service
// on whatever host and port it runs, not the localhost address written in the file.
func wsdlFor(r *http.Request) []byte {
	loc := addressLocation.FindSubmatchIndex(api.WSDL)
	if loc == nil {
		return api.WSDL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	var endpoint bytes.Buffer
	_ = xml.EscapeText(&endpoint, []byte(scheme+"://"+r.Host+"/soap"))
	out := make([]byte, 0, len(api.WSDL)+endpoint.Len())
	out = append(out, api.WSDL[:loc[2]]...)
	out = append(out, endpoint.Bytes()...)
	return append(out, api.WSDL[loc[3]:]...)
}

// fault is a SOAP 1.1 fault: code is "Client" (the request is wrong) or "Server".
type fault struct {
	code, message string
}

func (f *fault) Error() string { return f.code + ": " + f.message }

func clientFault(format string, args ...any) *fault {
	return &fault{code: "Client", message: fmt.Sprintf(format, args...)}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		if !r.URL.Query().Has("wsdl") {
			http.Error(w, "GET /soap?wsdl for the WSDL; POST SOAP 1.1 envelopes to /soap", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		_, _ = w.Write(wsdlFor(r))
	case http.MethodPost:
		payload, err := h.call(r.Context(), r.Body)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		if err != nil {
			var f *fault
			if !errors.As(err, &f) {
				h.log.Error("soap call failed", "err", err)
				f = &fault{code: "Server", message: "something went wrong on our side"}
			}
			w.WriteHeader(http.StatusInternalServerError) // SOAP 1.1 sends every fault with 500
			writeEnvelope(w, faultXML(f))
			return
		}
		writeEnvelope(w, payload)
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

func writeEnvelope(w io.Writer, payload []byte) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<soap:Envelope xmlns:soap="` + EnvelopeNS + `"><soap:Body>`)
	b.Write(payload)
	b.WriteString(`</soap:Body></soap:Envelope>` + "\n")
	_, _ = w.Write(b.Bytes())
}

func faultXML(f *fault) []byte {
	var msg bytes.Buffer
	_ = xml.EscapeText(&msg, []byte(f.message))
	return []byte(`<soap:Fault><faultcode>soap:` + f.code + `</faultcode><faultstring>` + msg.String() + `</faultstring></soap:Fault>`)
}

// call reads one envelope, runs the operation named by the body's first
// element and returns the marshalled response element.
func (h *Handler) call(ctx context.Context, body io.Reader) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(body, maxBodyBytes+1))
	if err != nil {
		return nil, clientFault("could not read the request")
	}
	if len(raw) > maxBodyBytes {
		return nil, clientFault("the request is too large")
	}
	if err := refuseDTD(raw); err != nil {
		return nil, err
	}
	dec := xml.NewDecoder(bytes.NewReader(raw))
	op, err := findOperation(dec)
	if err != nil {
		return nil, err
	}
	if op.Name.Space != Namespace {
		return nil, clientFault("unknown operation {%s}%s", op.Name.Space, op.Name.Local)
	}
	var resp any
	switch op.Name.Local {
	case "CreateTask":
		var req struct {
			Title *string `xml:"title"`
			Done  *string `xml:"done"`
		}
		if err := dec.DecodeElement(&req, &op); err != nil {
			return nil, clientFault("malformed %s: %v", op.Name.Local, err)
		}
		in, err := input(req.Title, req.Done)
		if err != nil {
			return nil, err
		}
		t, err := h.store.Create(ctx, in)
		if err != nil {
			return nil, err
		}
		resp = itemResponse{XMLName: xml.Name{Space: Namespace, Local: "CreateTaskResponse"}, Item: toXML(t)}
	case "GetTask":
		var req struct {
			ID string `xml:"id"`
		}
		if err := dec.DecodeElement(&req, &op); err != nil {
			return nil, clientFault("malformed %s: %v", op.Name.Local, err)
		}
		t, err := h.store.Get(ctx, strings.TrimSpace(req.ID))
		if err != nil {
			return nil, storeFault(err)
		}
		resp = itemResponse{XMLName: xml.Name{Space: Namespace, Local: "GetTaskResponse"}, Item: toXML(t)}
	case "ListTasks":
		var req struct {
			Limit  string `xml:"limit"`
			Offset string `xml:"offset"`
		}
		if err := dec.DecodeElement(&req, &op); err != nil {
			return nil, clientFault("malformed %s: %v", op.Name.Local, err)
		}
		page, err := task.ParsePage(strings.TrimSpace(req.Limit), strings.TrimSpace(req.Offset))
		if err != nil {
			return nil, clientFault("%v", err)
		}
		items, total, err := h.store.List(ctx, page)
		if err != nil {
			return nil, err
		}
		lr := listResponse{Total: total}
		for _, t := range items {
			lr.Items = append(lr.Items, toXML(t))
		}
		resp = lr
	case "UpdateTask":
		var req struct {
			ID    string  `xml:"id"`
			Title *string `xml:"title"`
			Done  *string `xml:"done"`
		}
		if err := dec.DecodeElement(&req, &op); err != nil {
			return nil, clientFault("malformed %s: %v", op.Name.Local, err)
		}
		in, err := input(req.Title, req.Done)
		if err != nil {
			return nil, err
		}
		t, err := h.store.Update(ctx, strings.TrimSpace(req.ID), in)
		if err != nil {
			return nil, storeFault(err)
		}
		resp = itemResponse{XMLName: xml.Name{Space: Namespace, Local: "UpdateTaskResponse"}, Item: toXML(t)}
	case "DeleteTask":
		var req struct {
			ID string `xml:"id"`
		}
		if err := dec.DecodeElement(&req, &op); err != nil {
			return nil, clientFault("malformed %s: %v", op.Name.Local, err)
		}
		if err := h.store.Delete(ctx, strings.TrimSpace(req.ID)); err != nil {
			return nil, storeFault(err)
		}
		resp = deleteResponse{}
	default:
		return nil, clientFault("unknown operation %s", op.Name.Local)
	}
	return xml.Marshal(resp)
}

// refuseDTD rejects any document with a DTD (<!DOCTYPE ...>), so no entity
// can ever be declared, let alone expanded.
func refuseDTD(raw []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(raw))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return clientFault("malformed XML: %v", err)
		}
		if _, ok := tok.(xml.Directive); ok {
			return clientFault("DTDs are not allowed")
		}
	}
}

// findOperation moves dec to the first element inside soap:Body.
func findOperation(dec *xml.Decoder) (xml.StartElement, error) {
	depth := 0 // 0: before Envelope, 1: inside Envelope, 2: inside Body
	for {
		tok, err := dec.Token()
		if err != nil {
			return xml.StartElement{}, clientFault("not a SOAP 1.1 envelope")
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch {
			case depth == 0 && el.Name.Space == EnvelopeNS && el.Name.Local == "Envelope":
				depth = 1
			case depth == 1 && el.Name.Space == EnvelopeNS && el.Name.Local == "Body":
				depth = 2
			case depth == 1 && el.Name.Space == EnvelopeNS && el.Name.Local == "Header":
				if err := dec.Skip(); err != nil {
					return xml.StartElement{}, clientFault("malformed soap:Header")
				}
			case depth == 2:
				return el, nil
			default:
				return xml.StartElement{}, clientFault("not a SOAP 1.1 envelope (unexpected <%s>)", el.Name.Local)
			}
		case xml.EndElement:
			if depth == 2 {
				return xml.StartElement{}, clientFault("the soap:Body is empty")
			}
		}
	}
}

func input(title, done *string) (task.Input, error) {
	if title == nil {
		return task.Input{}, clientFault("title is required")
	}
	in := task.Input{Title: *title}
	if done != nil {
		switch strings.TrimSpace(*done) {
		case "true", "1":
			in.Done = true
		case "false", "0":
		default:
			return in, clientFault("done must be true or false")
		}
	}
	if err := in.Validate(); err != nil {
		return in, clientFault("%v", err)
	}
	return in, nil
}

func storeFault(err error) error {
	if errors.Is(err, task.ErrNotFound) {
		return clientFault("task not found")
	}
	return err
}

// itemXML is a task on the wire.
type itemXML struct {
	ID        int64  `xml:"id"`
	Title     string `xml:"title"`
	Done      bool   `xml:"done"`
	CreatedAt string `xml:"created_at"`
}

func toXML(t task.Task) itemXML {
	return itemXML{ID: t.ID, Title: t.Title, Done: t.Done, CreatedAt: t.CreatedAt.UTC().Format(time.RFC3339Nano)}
}

type itemResponse struct {
	XMLName xml.Name
	Item    itemXML `xml:"task"`
}

type listResponse struct {
	XMLName xml.Name  `xml:"https://github.com/octocat/shop-api/soap ListTasksResponse"`
	Items   []itemXML `xml:"task"`
	Total   int       `xml:"total"`
}

type deleteResponse struct {
	XMLName xml.Name `xml:"https://github.com/octocat/shop-api/soap DeleteTaskResponse"`
}
