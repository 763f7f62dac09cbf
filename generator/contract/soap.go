package contract

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"mime"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const (
	nsEnvelope = "http://schemas.xmlsoap.org/soap/envelope/"
	nsWSDL     = "http://schemas.xmlsoap.org/wsdl/"
	nsWSDLSOAP = "http://schemas.xmlsoap.org/wsdl/soap/"
	nsXSD      = "http://www.w3.org/2001/XMLSchema"
	soapHTTP   = "http://schemas.xmlsoap.org/soap/http"
)

// node is a generic XML element with namespace-resolved names.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []*node    `xml:",any"`
}

func parseXML(data []byte) (*node, error) {
	var n node
	dec := xml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&n); err != nil {
		return nil, err
	}
	return &n, nil
}

func (n *node) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// children returns the child elements with namespace space ("" = any) and local name.
func (n *node) children(space, local string) []*node {
	var out []*node
	for _, c := range n.Nodes {
		if c.XMLName.Local == local && (space == "" || c.XMLName.Space == space) {
			out = append(out, c)
		}
	}
	return out
}

func (n *node) child(space, local string) *node {
	if cs := n.children(space, local); len(cs) > 0 {
		return cs[0]
	}
	return nil
}

// wsdl is what the suite needs to know from the service's WSDL.
type wsdl struct {
	TargetNamespace string
	SOAPAction      map[string]string // operation → soapAction
	Address         string
}

// soapAPI is the SOAP half of the suite, bound to one service and resource.
type soapAPI struct {
	c     *client
	r     Resource
	w     *wsdl
	runID string
	// element names
	create, get, list, update, delete, item string
}

func runSOAP(t T, c *client, r Resource) {
	t.Helper()
	s := &soapAPI{
		c: c, r: r, runID: strconv.FormatInt(time.Now().UnixNano()%1e9, 36),
		create: "Create" + pascal(r.Singular),
		get:    "Get" + pascal(r.Singular),
		list:   "List" + pascal(r.Plural),
		update: "Update" + pascal(r.Singular),
		delete: "Delete" + pascal(r.Singular),
		item:   camel(r.Singular),
	}

	t.Run("healthz answers 200 {\"status\":\"ok\"}", func(t T) { checkHealthz(t, c) })
	t.Run("GET /soap?wsdl serves a WSDL 1.1 document/literal description of the five operations", func(t T) {
		s.w = s.checkWSDL(t)
	})
	if s.w == nil {
		t.Run("the rest of the SOAP contract", func(t T) {
			t.Fatalf("skipped: the WSDL could not be read, so the target namespace is unknown")
		})
		return
	}

	t.Run("the WSDL's soap:address is the /soap endpoint of the host and port it was fetched from", func(t T) {
		s.checkAddress(t)
	})

	var created *item
	t.Run(s.create+" returns the "+s.item+" with id, title, done=false, created_at (xs:dateTime, UTC)", func(t T) {
		created = s.createItem(t, s.title("create"), "", false, nil)
	})
	t.Run(s.create+" with done=true keeps done", func(t T) {
		s.createItem(t, s.title("done"), "true", true, nil)
	})
	t.Run(s.create+" with a title of exactly 200 characters is accepted", func(t T) {
		s.createItem(t, strings.Repeat("x", 200), "", false, nil)
	})
	t.Run(s.create+" with a title of 200 non-ASCII characters is accepted", func(t T) {
		s.createItem(t, strings.Repeat("é", 199)+"✓", "", false, nil)
	})
	t.Run("dispatch works on the body's root element without a SOAPAction header", func(t T) {
		s.createItem(t, s.title("no soapaction"), "", false, map[string]string{"SOAPAction": "\x00"})
	})
	t.Run(s.get+" returns the "+s.item, func(t T) {
		if created == nil {
			t.Fatalf("no %s to read: %s failed above", s.item, s.create)
		}
		got := s.expectItem(t, s.call(t, s.get, el("id", created.IDText)), s.get)
		sameItem(t, got, created)
	})

	t.Run(s.list+" without limit returns at most 20 and the total", func(t T) {
		items, total := s.listPage(t, "")
		if total < 1 {
			t.Errorf("total is %d after creating objects", total)
		}
		if want := min(20, total); len(items) != want {
			t.Errorf("default page holds %d items with total=%d, want %d", len(items), total, want)
		}
	})
	t.Run(s.list+" pages consistently with limit and offset: every object once, totals right", func(t T) {
		s.checkPaging(t)
	})

	t.Run(s.update+" replaces title and done and keeps id and created_at", func(t T) {
		if created == nil {
			t.Fatalf("no %s to update: %s failed above", s.item, s.create)
		}
		title := s.title("updated")
		got := s.expectItem(t, s.call(t, s.update, el("id", created.IDText)+el("title", title)+el("done", "true")), s.update)
		want := *created
		want.Title, want.Done = title, true
		sameItem(t, got, &want)
		sameItem(t, s.expectItem(t, s.call(t, s.get, el("id", created.IDText)), s.get), &want)
	})
	t.Run(s.delete+" answers an empty "+s.delete+"Response, then "+s.get+" and "+s.delete+" are soap:Client faults", func(t T) {
		if created == nil {
			t.Fatalf("no %s to delete: %s failed above", s.item, s.create)
		}
		res := s.call(t, s.delete, el("id", created.IDText))
		resp := s.expectResponse(t, res, s.delete)
		if len(resp.Nodes) != 0 {
			t.Errorf("%sResponse must be empty, got %d child elements\n%s", s.delete, len(resp.Nodes), res)
		}
		expectClientFault(t, s.call(t, s.get, el("id", created.IDText)))
		expectClientFault(t, s.call(t, s.delete, el("id", created.IDText)))
	})

	unknown := "2147480000"
	if created != nil {
		if _, err := strconv.ParseInt(created.IDText, 10, 64); err != nil {
			unknown = "0123456789abcdef01234567"
		}
	}
	long := strings.Repeat("x", 201)
	faults := []struct{ name, op, children string }{
		{s.get + " of an unknown id", s.get, el("id", unknown)},
		{s.get + " of a malformed id (not-an-id)", s.get, el("id", "not-an-id")},
		{s.get + " of an id too large for any integer", s.get, el("id", "99999999999999999999999")},
		{s.update + " of an unknown id", s.update, el("id", unknown) + el("title", s.title("ghost"))},
		{s.update + " of a malformed id", s.update, el("id", "not-an-id") + el("title", s.title("ghost"))},
		{s.delete + " of an unknown id", s.delete, el("id", unknown)},
		{s.delete + " of a malformed id", s.delete, el("id", "not-an-id")},
		{s.create + " without a title", s.create, el("done", "false")},
		{s.create + " with an empty title", s.create, el("title", "")},
		{s.create + " with a 201-character title", s.create, el("title", long)},
		{s.create + " with done that is not a boolean", s.create, el("title", s.title("bad done")) + el("done", "maybe")},
		{s.list + " with limit=101", s.list, el("limit", "101")},
		{s.list + " with limit=0", s.list, el("limit", "0")},
		{s.list + " with limit=-1", s.list, el("limit", "-1")},
		{s.list + " with limit=abc", s.list, el("limit", "abc")},
		{s.list + " with offset=-1", s.list, el("offset", "-1")},
		{"an unknown operation (Frobnicate)", "Frobnicate", ""},
	}
	if created != nil {
		faults = append(faults, struct{ name, op, children string }{
			s.update + " with an empty title", s.update, el("id", created.IDText) + el("title", ""),
		})
	}
	for _, f := range faults {
		t.Run(f.name+" is a soap:Client fault (HTTP 500)", func(t T) {
			expectClientFault(t, s.call(t, f.op, f.children))
		})
	}
	t.Run("a body that is not XML is a soap:Client fault", func(t T) {
		expectClientFault(t, s.post(t, []byte("this is not xml <"), nil))
	})
	t.Run("an XML body that is not a SOAP envelope is a soap:Client fault", func(t T) {
		expectClientFault(t, s.post(t, []byte(`<?xml version="1.0"?><`+s.create+` xmlns="`+s.w.TargetNamespace+`"><title>x</title></`+s.create+`>`), nil))
	})
	t.Run("a request with a DTD and an internal entity is refused and the entity never expanded", func(t T) {
		marker := "XXE-EXPANDED-" + s.runID
		body := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Envelope [<!ENTITY xxe "` + marker + `">]>
<soap:Envelope xmlns:soap="` + nsEnvelope + `" xmlns:t="` + s.w.TargetNamespace + `"><soap:Body><t:` + s.create + `><t:title>&xxe;</t:title></t:` + s.create + `></soap:Body></soap:Envelope>`
		res := s.post(t, []byte(body), nil)
		expectClientFault(t, res)
		if bytes.Contains(res.body, []byte(marker)) {
			t.Errorf("the entity was expanded into the answer:\n%s", res)
		}
		items, _ := s.listPage(t, el("limit", "100"))
		for _, it := range items {
			if strings.Contains(it.Title, marker) {
				t.Errorf("a %s was stored with the expanded entity as title (id %s)", s.item, it.IDText)
			}
		}
	})
	t.Run("a request with an external entity (XXE) is refused and the file never read", func(t T) {
		body := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<soap:Envelope xmlns:soap="` + nsEnvelope + `" xmlns:t="` + s.w.TargetNamespace + `"><soap:Body><t:` + s.create + `><t:title>&xxe;</t:title></t:` + s.create + `></soap:Body></soap:Envelope>`
		res := s.post(t, []byte(body), nil)
		expectClientFault(t, res)
		if bytes.Contains(res.body, []byte("root:")) {
			t.Errorf("the answer contains /etc/passwd:\n%s", res)
		}
	})
}

func (s *soapAPI) title(what string) string {
	return fmt.Sprintf("contract %s %s", what, s.runID)
}

// el renders one element of the target namespace (prefix t) with escaped text.
func el(name, text string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(text))
	return "<t:" + name + ">" + b.String() + "</t:" + name + ">"
}

// call sends the operation op with its child elements and the WSDL's SOAPAction.
func (s *soapAPI) call(t T, op, children string) *response {
	t.Helper()
	body := `<?xml version="1.0" encoding="UTF-8"?>` +
		`<soap:Envelope xmlns:soap="` + nsEnvelope + `" xmlns:t="` + s.w.TargetNamespace + `">` +
		`<soap:Body><t:` + op + `>` + children + `</t:` + op + `></soap:Body></soap:Envelope>`
	action := s.w.SOAPAction[op]
	return s.post(t, []byte(body), map[string]string{"SOAPAction": `"` + action + `"`})
}

func (s *soapAPI) post(t T, body []byte, header map[string]string) *response {
	t.Helper()
	h := map[string]string{"Content-Type": "text/xml; charset=utf-8"}
	for k, v := range header {
		h[k] = v
	}
	return s.c.do(t, "POST", "/soap", body, h)
}

func (s *soapAPI) checkWSDL(t T) *wsdl {
	t.Helper()
	res := s.c.do(t, "GET", "/soap?wsdl", nil, nil)
	if res.status != 200 {
		t.Fatalf("want 200, got %s", res)
	}
	defs, err := parseXML(res.body)
	if err != nil {
		t.Fatalf("the WSDL is not XML: %v", err)
	}
	if defs.XMLName.Space != nsWSDL || defs.XMLName.Local != "definitions" {
		t.Fatalf("root element is {%s}%s, want {%s}definitions", defs.XMLName.Space, defs.XMLName.Local, nsWSDL)
	}
	w := &wsdl{TargetNamespace: defs.attr("targetNamespace"), SOAPAction: map[string]string{}}
	if w.TargetNamespace == "" {
		t.Fatalf("definitions has no targetNamespace")
	}
	ops := []string{s.create, s.get, s.list, s.update, s.delete}

	// The XSD: qualified, in the target namespace, declaring every message element.
	var schema *node
	if types := defs.child(nsWSDL, "types"); types != nil {
		for _, sc := range types.children(nsXSD, "schema") {
			if sc.attr("targetNamespace") == w.TargetNamespace {
				schema = sc
			}
		}
	}
	if schema == nil {
		t.Errorf("types holds no xs:schema with targetNamespace %q", w.TargetNamespace)
	} else {
		if got := schema.attr("elementFormDefault"); got != "qualified" {
			t.Errorf(`xs:schema elementFormDefault: got %q, want "qualified"`, got)
		}
		declared := map[string]bool{}
		for _, e := range schema.children(nsXSD, "element") {
			declared[e.attr("name")] = true
		}
		for _, op := range ops {
			for _, name := range []string{op, op + "Response"} {
				if !declared[name] {
					t.Errorf("the schema declares no top-level element %s", name)
				}
			}
		}
	}

	// portType and binding name the five operations; the binding is document/literal over HTTP.
	portType := defs.child(nsWSDL, "portType")
	if portType == nil {
		t.Errorf("no portType")
	} else {
		have := map[string]bool{}
		for _, op := range portType.children(nsWSDL, "operation") {
			have[op.attr("name")] = true
		}
		for _, op := range ops {
			if !have[op] {
				t.Errorf("portType has no operation %s", op)
			}
		}
	}
	binding := defs.child(nsWSDL, "binding")
	if binding == nil {
		t.Errorf("no binding")
	} else {
		sb := binding.child(nsWSDLSOAP, "binding")
		if sb == nil {
			t.Errorf("binding has no soap:binding (SOAP 1.1)")
		} else {
			if style := sb.attr("style"); style != "document" {
				t.Errorf(`soap:binding style: got %q, want "document"`, style)
			}
			if tr := sb.attr("transport"); tr != soapHTTP {
				t.Errorf("soap:binding transport: got %q, want %s", tr, soapHTTP)
			}
		}
		have := map[string]bool{}
		for _, op := range binding.children(nsWSDL, "operation") {
			name := op.attr("name")
			have[name] = true
			if so := op.child(nsWSDLSOAP, "operation"); so != nil {
				w.SOAPAction[name] = so.attr("soapAction")
			} else {
				t.Errorf("binding operation %s has no soap:operation", name)
			}
			for _, dir := range []string{"input", "output"} {
				d := op.child(nsWSDL, dir)
				var body *node
				if d != nil {
					body = d.child(nsWSDLSOAP, "body")
				}
				if body == nil || body.attr("use") != "literal" {
					t.Errorf(`binding operation %s %s has no soap:body use="literal"`, name, dir)
				}
			}
		}
		for _, op := range ops {
			if !have[op] {
				t.Errorf("binding has no operation %s", op)
			}
		}
	}

	// service/port/soap:address names the endpoint /soap.
	var addr *node
	if svc := defs.child(nsWSDL, "service"); svc != nil {
		if port := svc.child(nsWSDL, "port"); port != nil {
			addr = port.child(nsWSDLSOAP, "address")
		}
	}
	if addr == nil {
		t.Errorf("no service/port/soap:address")
	} else {
		w.Address = addr.attr("location")
		u, err := url.Parse(w.Address)
		if err != nil || !strings.HasSuffix(u.Path, "/soap") {
			t.Errorf("soap:address location %q does not name the /soap endpoint", w.Address)
		}
	}
	return w
}

// checkAddress: a client generated from the WSDL calls the soap:address it names,
// so a service reached on another host or port than the one written in
// api/service.wsdl must say where it really is (as Spring WS's
// transformWsdlLocations does), or the generated client calls nothing.
func (s *soapAPI) checkAddress(t T) {
	t.Helper()
	want, err := url.Parse(s.c.base + "/soap")
	if err != nil {
		t.Fatalf("the base URL %q does not parse: %v", s.c.base, err)
	}
	got, err := url.Parse(s.w.Address)
	if err != nil || got.Host == "" {
		t.Fatalf("soap:address location %q is not an absolute URL", s.w.Address)
	}
	if got.Scheme != want.Scheme || !strings.EqualFold(got.Host, want.Host) || got.Path != want.Path {
		t.Errorf("soap:address location is %q, but the WSDL was fetched from %s: a generated client would call the wrong address; write the request's own scheme, host and port into it",
			s.w.Address, want)
	}
}

// expectResponse checks a successful SOAP answer and returns the body's response element.
func (s *soapAPI) expectResponse(t T, res *response, op string) *node {
	t.Helper()
	if res.status != 200 {
		t.Fatalf("want HTTP 200, got %s", res)
	}
	ct := res.header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "text/xml" {
		t.Errorf("Content-Type: got %q, want text/xml (SOAP 1.1)", ct)
	}
	body := soapBody(t, res)
	if len(body.Nodes) != 1 {
		t.Fatalf("soap:Body must hold exactly one element, has %d\n%s", len(body.Nodes), res)
	}
	resp := body.Nodes[0]
	if resp.XMLName.Space != s.w.TargetNamespace || resp.XMLName.Local != op+"Response" {
		t.Fatalf("answer element is {%s}%s, want {%s}%sResponse\n%s", resp.XMLName.Space, resp.XMLName.Local, s.w.TargetNamespace, op, res)
	}
	return resp
}

func soapBody(t T, res *response) *node {
	t.Helper()
	env, err := parseXML(res.body)
	if err != nil {
		t.Fatalf("answer is not XML: %v\n%s", err, res)
	}
	if env.XMLName.Space != nsEnvelope || env.XMLName.Local != "Envelope" {
		t.Fatalf("answer is not a SOAP 1.1 envelope (root {%s}%s)\n%s", env.XMLName.Space, env.XMLName.Local, res)
	}
	body := env.child(nsEnvelope, "Body")
	if body == nil {
		t.Fatalf("envelope has no soap:Body\n%s", res)
	}
	return body
}

// expectItem checks a response that carries one item element and parses it.
func (s *soapAPI) expectItem(t T, res *response, op string) *item {
	t.Helper()
	resp := s.expectResponse(t, res, op)
	els := resp.children("", s.item)
	if len(els) != 1 {
		t.Fatalf("%sResponse must hold one %s element, has %d\n%s", op, s.item, len(els), res)
	}
	it, err := s.parseItem(els[0])
	if err != nil {
		t.Fatalf("%v\n%s", err, res)
	}
	return it
}

func (s *soapAPI) parseItem(n *node) (*item, error) {
	if n.XMLName.Space != s.w.TargetNamespace {
		return nil, fmt.Errorf("%s is in namespace %q, want the target namespace %q", s.item, n.XMLName.Space, s.w.TargetNamespace)
	}
	text := map[string]string{}
	for _, name := range []string{"id", "title", "done", "created_at"} {
		c := n.child("", name)
		if c == nil {
			return nil, fmt.Errorf("%s has no %s element", s.item, name)
		}
		if c.XMLName.Space != s.w.TargetNamespace {
			return nil, fmt.Errorf("%s/%s is in namespace %q, want the target namespace (elementFormDefault=qualified)", s.item, name, c.XMLName.Space)
		}
		text[name] = c.Text
	}
	it := &item{ID: text["id"], IDText: strings.TrimSpace(text["id"]), Title: text["title"]}
	if it.IDText == "" {
		return nil, fmt.Errorf("%s has an empty id", s.item)
	}
	switch strings.TrimSpace(text["done"]) {
	case "true", "1":
		it.Done = true
	case "false", "0":
	default:
		return nil, fmt.Errorf("done %q is not an xs:boolean", text["done"])
	}
	at, err := parseTimestamp(strings.TrimSpace(text["created_at"]))
	if err != nil {
		return nil, err
	}
	it.CreatedAt = at
	return it, nil
}

func (s *soapAPI) createItem(t T, title, done string, wantDone bool, header map[string]string) *item {
	t.Helper()
	children := el("title", title)
	if done != "" {
		children += el("done", done)
	}
	var res *response
	if header != nil {
		body := `<?xml version="1.0" encoding="UTF-8"?>` +
			`<soap:Envelope xmlns:soap="` + nsEnvelope + `" xmlns:t="` + s.w.TargetNamespace + `">` +
			`<soap:Body><t:` + s.create + `>` + children + `</t:` + s.create + `></soap:Body></soap:Envelope>`
		res = s.post(t, []byte(body), header)
	} else {
		res = s.call(t, s.create, children)
	}
	got := s.expectItem(t, res, s.create)
	if got.Title != title {
		t.Errorf("title: got %q, want %q", got.Title, title)
	}
	if got.Done != wantDone {
		t.Errorf("done: got %v, want %v", got.Done, wantDone)
	}
	if age := time.Since(got.CreatedAt); age > 24*time.Hour || age < -24*time.Hour {
		t.Errorf("created_at %s is not about now", got.CreatedAt.Format(time.RFC3339))
	}
	return got
}

func (s *soapAPI) listPage(t T, children string) ([]*item, int) {
	t.Helper()
	res := s.call(t, s.list, children)
	resp := s.expectResponse(t, res, s.list)
	var items []*item
	for _, n := range resp.children("", s.item) {
		it, err := s.parseItem(n)
		if err != nil {
			t.Fatalf("%v\n%s", err, res)
		}
		items = append(items, it)
	}
	tn := resp.child("", "total")
	if tn == nil {
		t.Fatalf("%sResponse has no total\n%s", s.list, res)
	}
	if tn.XMLName.Space != s.w.TargetNamespace {
		t.Errorf("total is in namespace %q, want the target namespace", tn.XMLName.Space)
	}
	total, err := strconv.Atoi(strings.TrimSpace(tn.Text))
	if err != nil {
		t.Fatalf("total %q is not an integer\n%s", tn.Text, res)
	}
	return items, total
}

func (s *soapAPI) checkPaging(t T) {
	t.Helper()
	const n = 5
	mine := map[string]bool{}
	for i := range n {
		it := s.expectItem(t, s.call(t, s.create, el("title", s.title(fmt.Sprintf("paging %d", i)))), s.create)
		mine[it.IDText] = true
	}
	_, total := s.listPage(t, el("limit", "1")+el("offset", "0"))
	if total < n {
		t.Fatalf("total is %d after creating %d objects", total, n)
	}
	size := 3
	if total > 300 {
		size = 100
	}
	seen := map[string]bool{}
	for offset := 0; offset < total && offset < 100*size; offset += size {
		items, got := s.listPage(t, el("limit", strconv.Itoa(size))+el("offset", strconv.Itoa(offset)))
		if got != total {
			t.Errorf("page at offset %d: total=%d, want %d", offset, got, total)
		}
		if want := min(size, total-offset); len(items) != want {
			t.Errorf("page at offset %d holds %d items, want %d (total %d)", offset, len(items), want, total)
		}
		for _, it := range items {
			if seen[it.IDText] {
				t.Errorf("id %s appears on two pages (order not stable?)", it.IDText)
			}
			seen[it.IDText] = true
		}
	}
	if total <= 100*size {
		for id := range mine {
			if !seen[id] {
				t.Errorf("created id %s never appeared while paging through %d objects", id, total)
			}
		}
	}
	items, got := s.listPage(t, el("limit", strconv.Itoa(size))+el("offset", strconv.Itoa(total)))
	if len(items) != 0 || got != total {
		t.Errorf("offset=total: got %d items and total=%d, want none and total=%d", len(items), got, total)
	}
}

// expectClientFault checks a SOAP 1.1 fault (HTTP 500) whose faultcode is Client.
func expectClientFault(t T, res *response) {
	t.Helper()
	if res.status != 500 {
		t.Fatalf("want HTTP 500 with a soap:Client fault, got %s", res)
	}
	body := soapBody(t, res)
	fault := body.child(nsEnvelope, "Fault")
	if fault == nil {
		t.Fatalf("soap:Body holds no soap:Fault\n%s", res)
	}
	code := fault.child("", "faultcode")
	if code == nil {
		t.Fatalf("fault has no faultcode\n%s", res)
	}
	c := strings.TrimSpace(code.Text)
	if local := c[strings.LastIndex(c, ":")+1:]; local != "Client" && !strings.HasPrefix(local, "Client.") {
		t.Errorf("faultcode: got %q, want soap:Client (bad input is never a server fault)\n%s", c, res)
	}
	if fs := fault.child("", "faultstring"); fs == nil || strings.TrimSpace(fs.Text) == "" {
		t.Errorf("fault has no faultstring\n%s", res)
	}
}
