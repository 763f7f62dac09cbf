package contract

import (
	"bytes"
	"encoding/xml"
	"mime"
	"net/url"
	"strings"
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
	c *client
	w *wsdl
	// element names
	create, get, list, update, delete, item string
}

// el renders one element of the target namespace (prefix t) with escaped text.
func el(name, text string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(text))
	return "<t:" + name + ">" + b.String() + "</t:" + name + ">"
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
