// Package soap serves the resources as a SOAP 1.1 service (document/literal
// wrapped), as described by api/service.wsdl, using only encoding/xml.
// Field values are checked by the same rules as the REST API: each
// operation turns its child elements into the JSON a REST client would send.
package soap

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/octocat/shelf/api"
	"github.com/octocat/shelf/internal/author"
	"github.com/octocat/shelf/internal/book"
	"github.com/octocat/shelf/internal/types"
)

// Namespaces of the messages.
const (
	EnvelopeNS   = "http://schemas.xmlsoap.org/soap/envelope/"
	envelope12NS = "http://www.w3.org/2003/05/soap-envelope"
	instanceNS   = "http://www.w3.org/2001/XMLSchema-instance"
	Namespace    = "https://github.com/octocat/shelf/soap"
)

// MaxBodyBytes bounds a request: 1 MiB.
const MaxBodyBytes = 1 << 20

// Deps is what the endpoint needs.
type Deps struct {
	Log     *slog.Logger
	Books   book.Store
	Authors author.Store
}

// operation runs one call: it reads the fields of the request element and
// returns the response element.
type operation func(ctx context.Context, req *request) (any, error)

// Handler answers POST /soap (SOAP 1.1) and GET /soap?wsdl.
type Handler struct {
	log *slog.Logger
	ops map[string]operation
}

// NewHandler returns the SOAP endpoint.
func NewHandler(deps Deps) *Handler {
	h := &Handler{log: deps.Log, ops: map[string]operation{}}
	h.addBooks(deps.Books)
	h.addAuthors(deps.Authors)
	return h
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
	return slices.Concat(api.WSDL[:loc[2]], endpoint.Bytes(), api.WSDL[loc[3]:])
}

// Fault is a SOAP 1.1 fault. Code is Client (the request is wrong), Server,
// VersionMismatch or MustUnderstand.
type Fault struct {
	Code, Message string
}

func (f *Fault) Error() string { return f.Code + ": " + f.Message }

func clientFault(format string, args ...any) *Fault {
	return &Fault{Code: "Client", Message: fmt.Sprintf(format, args...)}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		if !r.URL.Query().Has("wsdl") {
			writeFault(w, clientFault("GET /soap?wsdl for the WSDL; POST SOAP 1.1 envelopes to /soap"))
			return
		}
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		_, _ = w.Write(wsdlFor(r))
	case http.MethodPost:
		payload, err := h.call(w, r)
		if err != nil {
			var f *Fault
			if !errors.As(err, &f) {
				h.log.Error("soap call failed", "err", err)
				f = &Fault{Code: "Server", Message: "Something went wrong on our side."}
			}
			writeFault(w, f)
			return
		}
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		writeEnvelope(w, payload)
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.WriteHeader(http.StatusMethodNotAllowed)
		writeEnvelope(w, faultXML(clientFault("use POST for SOAP calls, GET /soap?wsdl for the WSDL")))
	}
}

// writeFault sends a fault; SOAP 1.1 sends every fault with HTTP 500.
func writeFault(w http.ResponseWriter, f *Fault) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	writeEnvelope(w, faultXML(f))
}

func writeEnvelope(w io.Writer, payload []byte) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<soap:Envelope xmlns:soap="` + EnvelopeNS + `"><soap:Body>`)
	b.Write(payload)
	b.WriteString(`</soap:Body></soap:Envelope>` + "\n")
	_, _ = w.Write(b.Bytes())
}

func faultXML(f *Fault) []byte {
	var msg bytes.Buffer
	_ = xml.EscapeText(&msg, []byte(f.Message))
	return []byte(`<soap:Fault><faultcode>soap:` + f.Code + `</faultcode><faultstring>` + msg.String() + `</faultstring></soap:Fault>`)
}

// call reads one envelope, runs the operation its body names and returns
// the marshalled response element.
func (h *Handler) call(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.ContentLength > MaxBodyBytes {
		return nil, clientFault("the request is larger than 1 MiB")
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, clientFault("the request is larger than 1 MiB")
		}
		return nil, clientFault("the request could not be read in full")
	}
	if badCharRef(raw) {
		return nil, clientFault("the request holds a character reference to U+0000 or to a lone surrogate, which no text may hold")
	}
	req, err := parseEnvelope(raw)
	if err != nil {
		return nil, err
	}
	op, ok := h.ops[req.name.Local]
	if !ok || req.name.Space != Namespace {
		return nil, clientFault("unknown operation {%s}%s", req.name.Space, req.name.Local)
	}
	resp, err := op(r.Context(), req)
	if err != nil {
		return nil, err
	}
	out, err := xml.Marshal(resp)
	if err != nil {
		return nil, fmt.Errorf("encode the response: %w", err)
	}
	return out, nil
}

// charRef is an XML character reference: &#123; or &#x7B;.
var charRef = regexp.MustCompile(`&#(x[0-9A-Fa-f]+|[0-9]+);`)

// badCharRef reports whether raw refers to U+0000 or to a UTF-16 surrogate
// (U+D800 to U+DFFF). XML allows neither, but encoding/xml reads them as
// U+FFFD without a word, so they are looked for before decoding.
func badCharRef(raw []byte) bool {
	for _, m := range charRef.FindAllSubmatch(raw, -1) {
		ref := string(m[1])
		base := 10
		if ref[0] == 'x' {
			ref, base = ref[1:], 16
		}
		n, err := strconv.ParseUint(ref, base, 32)
		if err != nil || n == 0 || (n >= 0xD800 && n <= 0xDFFF) || n > 0x10FFFF {
			return true
		}
	}
	return false
}

// value is one child element of a request: its text, or xsi:nil="true".
type value struct {
	text string
	nil  bool
}

// request is the one element inside soap:Body.
type request struct {
	name   xml.Name
	fields map[string]value
}

// soap12Envelope is the root element of a SOAP 1.2 message.
var soap12Envelope = xml.Name{Space: envelope12NS, Local: "Envelope"}

// soapName is the SOAP 1.1 element local.
func soapName(local string) xml.Name { return xml.Name{Space: EnvelopeNS, Local: local} }

// parseEnvelope checks the envelope and reads the request element. A DTD
// is refused (so no entity is ever declared or expanded); a SOAP 1.2
// envelope is a VersionMismatch; a header block with mustUnderstand="1" is
// a MustUnderstand fault, as this service understands none; the Body must
// hold exactly one element.
func parseEnvelope(raw []byte) (*request, error) {
	dec := xml.NewDecoder(bytes.NewReader(raw))
	var req *request
	depth := 0 // 0: before Envelope, 1: inside Envelope, 2: inside Body
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, clientFault("the request is not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.Directive:
			return nil, clientFault("DTDs are not allowed")
		case xml.StartElement:
			switch depth {
			case 0:
				if el.Name == soap12Envelope {
					return nil, &Fault{Code: "VersionMismatch", Message: "this service speaks SOAP 1.1 (namespace " + EnvelopeNS + ")"}
				}
				if el.Name != soapName("Envelope") {
					return nil, clientFault("not a SOAP 1.1 envelope (unexpected <%s>)", el.Name.Local)
				}
				depth = 1
			case 1:
				switch el.Name {
				case soapName("Header"):
					if err := checkHeader(dec); err != nil {
						return nil, err
					}
				case soapName("Body"):
					depth = 2
				default:
					return nil, clientFault("not a SOAP 1.1 envelope (unexpected <%s>)", el.Name.Local)
				}
			default:
				if req != nil {
					return nil, clientFault("the soap:Body must hold exactly one element, it holds more")
				}
				fields, err := readFields(dec)
				if err != nil {
					return nil, err
				}
				req = &request{name: el.Name, fields: fields}
			}
		case xml.EndElement:
			if depth == 2 && el.Name == soapName("Body") {
				depth = 1
			}
		}
	}
	if req == nil {
		return nil, clientFault("the request has no operation in its soap:Body")
	}
	return req, nil
}

// checkHeader refuses any header block that must be understood.
func checkHeader(dec *xml.Decoder) error {
	for {
		tok, err := dec.Token()
		if err != nil {
			return clientFault("malformed soap:Header")
		}
		switch el := tok.(type) {
		case xml.StartElement:
			for _, a := range el.Attr {
				if a.Name.Local == "mustUnderstand" && a.Name.Space == EnvelopeNS && (a.Value == "1" || a.Value == "true") {
					return &Fault{Code: "MustUnderstand", Message: "this service does not understand the header <" + el.Name.Local + ">"}
				}
			}
			if err := dec.Skip(); err != nil {
				return clientFault("malformed soap:Header")
			}
		case xml.EndElement:
			return nil
		}
	}
}

// readFields reads the child elements of the request element, each once,
// each holding text only.
func readFields(dec *xml.Decoder) (map[string]value, error) {
	fields := map[string]value{}
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, clientFault("the request is not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			name := el.Name.Local
			if _, dup := fields[name]; dup {
				return nil, clientFault("<%s> is given twice", name)
			}
			var v value
			for _, a := range el.Attr {
				if a.Name.Space == instanceNS && a.Name.Local == "nil" {
					v.nil = a.Value == "true" || a.Value == "1"
				}
			}
			var text strings.Builder
		inner:
			for {
				tok, err := dec.Token()
				if err != nil {
					return nil, clientFault("the request is not well-formed XML: %v", err)
				}
				switch t := tok.(type) {
				case xml.CharData:
					text.Write(t)
				case xml.StartElement:
					return nil, clientFault("<%s> must hold text, not elements", name)
				case xml.EndElement:
					break inner
				}
			}
			v.text = text.String()
			fields[name] = v
		case xml.EndElement:
			return fields, nil
		}
	}
}

// kind is how a field's text becomes JSON.
type kind int

const (
	text    kind = iota // a JSON string (strings, dates, times, enums)
	number              // the text as a JSON number
	boolean             // true or false (also 1 or 0)
)

// body turns the request's fields into the JSON object a REST client would
// send, so that the resource's own rules decide. fields lists the allowed
// element names and their kinds; id is taken out first.
func (req *request) body(kinds map[string]kind) (map[string]json.RawMessage, error) {
	body := map[string]json.RawMessage{}
	for name, v := range req.fields {
		if name == "id" {
			continue
		}
		k, ok := kinds[name]
		if !ok {
			return nil, clientFault("<%s> is not a field of %s", name, req.name.Local)
		}
		if v.nil {
			body[name] = json.RawMessage("null")
			continue
		}
		switch k {
		case number:
			s := strings.TrimSpace(v.text)
			if _, err := strconv.ParseFloat(s, 64); err != nil || !json.Valid([]byte(s)) {
				s = strconv.Quote(s) // not a number: the field's rules say why
			}
			body[name] = json.RawMessage(s)
		case boolean:
			b, err := types.ParseBool(v.text)
			if err != nil {
				body[name] = json.RawMessage(strconv.Quote(v.text))
			} else {
				body[name] = json.RawMessage(strconv.FormatBool(b))
			}
		default:
			raw, err := json.Marshal(v.text)
			if err != nil {
				return nil, clientFault("<%s> holds text that cannot be read", name)
			}
			body[name] = raw
		}
	}
	return body, nil
}

// id is the request's <id> element.
func (req *request) id() (string, error) {
	v, ok := req.fields["id"]
	if !ok || v.nil {
		return "", clientFault("%s needs an <id>", req.name.Local)
	}
	return strings.TrimSpace(v.text), nil
}

// page reads <limit> and <offset> with the rules of the REST list.
func (req *request) page() (limit, offset int64, err error) {
	q := map[string][]string{}
	for name, v := range req.fields {
		if name != "limit" && name != "offset" {
			return 0, 0, clientFault("<%s> is not a parameter of %s", name, req.name.Local)
		}
		q[name] = []string{strings.TrimSpace(v.text)}
	}
	limit, offset, err = types.ParsePage(q)
	if err != nil {
		return 0, 0, clientFault("%v", err)
	}
	return limit, offset, nil
}

// fault maps a store or validation error to its fault: not found, invalid
// and unique clashes are the client's; anything else is the server's.
func fault(err error, what string) error {
	var verr *types.ValidationError
	var cerr *types.ConflictError
	switch {
	case errors.Is(err, types.ErrNotFound):
		return clientFault("no %s has this id", what)
	case errors.As(err, &verr):
		return clientFault("invalid %s: %v", what, verr)
	case errors.As(err, &cerr):
		return clientFault("another %s already has this %s", what, cerr.Field)
	}
	return err
}

// field is one child element of a response.
type field struct {
	name, text string
}

func fieldOf(name, text string) field { return field{name: name, text: text} }

// record is a resource in a response: its elements in the WSDL's order.
type record struct {
	name   string
	fields []field
}

// MarshalXML writes the record and its fields without a namespace of their
// own, so that they are in the response element's (the WSDL's elements are
// qualified).
func (r record) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	start := xml.StartElement{Name: xml.Name{Local: r.name}}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	for _, f := range r.fields {
		if err := e.EncodeElement(f.text, xml.StartElement{Name: xml.Name{Local: f.name}}); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}
