package apispec

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// XSDType is a field's type in the WSDL's schema: the base type and its
// restriction facets, how often the element occurs and whether it may be nil.
type XSDType struct {
	Base      string // xs:string, xs:long, xs:double, xs:boolean, xs:date, xs:dateTime
	Facets    []XSDFacet
	MinOccurs int  // 1 for required fields
	Nillable  bool // nullable fields
}

// XSDFacet is one restriction facet (maxLength, minInclusive, enumeration …).
type XSDFacet struct{ Name, Value string }

// FieldXSD is the XML schema type of a field in a request (Create, Update).
func FieldXSD(f model.Field) XSDType {
	t := XSDType{Nillable: f.Nullable()}
	if f.Required {
		t.MinOccurs = 1
	}
	facet := func(name, value string) { t.Facets = append(t.Facets, XSDFacet{name, value}) }
	switch f.Type {
	case model.String, model.Text:
		t.Base = "xs:string"
		if v, ok := f.MinInt(); ok && v > 0 {
			facet("minLength", strconv.FormatInt(v, 10))
		}
		if v, ok := f.MaxInt(); ok {
			facet("maxLength", strconv.FormatInt(v, 10))
		}
	case model.Int:
		t.Base = "xs:long"
		if v, ok := f.MinInt(); ok {
			facet("minInclusive", strconv.FormatInt(v, 10))
		}
		if v, ok := f.MaxInt(); ok {
			facet("maxInclusive", strconv.FormatInt(v, 10))
		}
	case model.Float:
		t.Base = "xs:double"
		if f.Min != nil {
			facet("minInclusive", formatFloat(*f.Min))
		}
		if f.Max != nil {
			facet("maxInclusive", formatFloat(*f.Max))
		}
	case model.Bool:
		t.Base = "xs:boolean"
	case model.Date:
		t.Base = "xs:date"
	case model.DateTime:
		t.Base = "xs:dateTime"
	case model.Enum:
		t.Base = "xs:string"
		for _, v := range f.Values {
			facet("enumeration", v)
		}
	}
	return t
}

// wsdlWriter writes indented XML text; the WSDL is small and fixed in shape,
// so plain text keeps it readable (and byte-for-byte stable).
type wsdlWriter struct {
	bytes.Buffer
	depth int
}

func (w *wsdlWriter) line(format string, args ...any) {
	if format == "" {
		w.WriteByte('\n')
		return
	}
	w.WriteString(strings.Repeat("  ", w.depth))
	fmt.Fprintf(w, format, args...)
	w.WriteByte('\n')
}

func (w *wsdlWriter) open(format string, args ...any) {
	w.line(format, args...)
	w.depth++
}

func (w *wsdlWriter) close(tag string) {
	w.depth--
	w.line("</%s>", tag)
}

// attr escapes a value for a double-quoted XML attribute.
func attr(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

// comment makes text safe inside an XML comment.
func comment(s string) string {
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	return strings.TrimSuffix(s, "-")
}

// operations are a resource's five SOAP operations, in the WSDL's order.
func operations(r resource) []string {
	return []string{"Create" + r.S.Pascal, "Get" + r.S.Pascal, "List" + r.P.Pascal, "Update" + r.S.Pascal, "Delete" + r.S.Pascal}
}

// WSDL renders api/service.wsdl: WSDL 1.1, SOAP 1.1, document/literal
// wrapped, one schema whose target namespace is the project's. With one
// resource its service is named after it (TaskService, TaskPortType); with
// several, after the project (ShelfService).
func WSDL(m *model.Model, p Project) ([]byte, error) {
	if err := check(m, p); err != nil {
		return nil, fmt.Errorf("render api/service.wsdl: %w", err)
	}
	if p.Namespace == "" {
		return nil, fmt.Errorf("render api/service.wsdl: the project has no SOAP namespace")
	}
	rs := resources(m)
	svc := p.pascal()
	if len(rs) == 1 {
		svc = rs[0].S.Pascal
	}
	ns := attr(p.Namespace)
	idType := "xs:string"
	if p.IntegerIDs {
		idType = "xs:long"
	}
	endpoint := fmt.Sprintf("http://localhost:%d/soap", p.Port)

	w := &wsdlWriter{}
	w.line(`<?xml version="1.0" encoding="UTF-8"?>`)
	w.line("<!--")
	w.line("  %s: SOAP 1.1 service, document/literal wrapped, rendered by scaffold from", comment(p.Name))
	w.line("  the data model in .scaffold.yaml. Endpoint: POST %s", endpoint)
	w.line("  WSDL: GET %s?wsdl (the service puts its own URL in soap:address).", endpoint)
	w.line("")
	w.line("  Each resource has five operations: Create, Get, List, Update (a full")
	w.line("  replace) and Delete. Fields are elements named as in the model, in its")
	w.line("  order. A field that may be empty can be left out or sent as xsi:nil=\"true\".")
	w.line("  Not found, invalid input and a duplicate unique value are soap:Client")
	w.line("  faults; anything else is a soap:Server fault.")
	w.line("-->")
	fmt.Fprintf(w, `<wsdl:definitions name="%sService"
    targetNamespace="%s"
    xmlns:tns="%s"
    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
`, svc, ns, ns)
	w.depth++
	w.line("")
	w.open("<wsdl:types>")
	w.open(`<xs:schema targetNamespace="%s" elementFormDefault="qualified">`, ns)
	for _, r := range rs {
		writeResourceSchema(w, r, idType)
	}
	w.close("xs:schema")
	w.close("wsdl:types")

	for _, r := range rs {
		w.line("")
		for _, op := range operations(r) {
			w.open(`<wsdl:message name="%sRequest">`, op)
			w.line(`<wsdl:part name="parameters" element="tns:%s"/>`, op)
			w.close("wsdl:message")
			w.open(`<wsdl:message name="%sResponse">`, op)
			w.line(`<wsdl:part name="parameters" element="tns:%sResponse"/>`, op)
			w.close("wsdl:message")
		}
	}

	w.line("")
	w.open(`<wsdl:portType name="%sPortType">`, svc)
	for _, r := range rs {
		for _, op := range operations(r) {
			w.open(`<wsdl:operation name="%s">`, op)
			w.line(`<wsdl:input message="tns:%sRequest"/>`, op)
			w.line(`<wsdl:output message="tns:%sResponse"/>`, op)
			w.close("wsdl:operation")
		}
	}
	w.close("wsdl:portType")

	w.line("")
	w.open(`<wsdl:binding name="%sBinding" type="tns:%sPortType">`, svc, svc)
	w.line(`<soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>`)
	for _, r := range rs {
		for _, op := range operations(r) {
			w.open(`<wsdl:operation name="%s">`, op)
			w.line(`<soap:operation soapAction="%s/%s" style="document"/>`, ns, op)
			w.open("<wsdl:input>")
			w.line(`<soap:body use="literal"/>`)
			w.close("wsdl:input")
			w.open("<wsdl:output>")
			w.line(`<soap:body use="literal"/>`)
			w.close("wsdl:output")
			w.close("wsdl:operation")
		}
	}
	w.close("wsdl:binding")

	w.line("")
	w.open(`<wsdl:service name="%sService">`, svc)
	w.open(`<wsdl:port name="%sPort" binding="tns:%sBinding">`, svc, svc)
	w.line(`<soap:address location="%s"/>`, endpoint)
	w.close("wsdl:port")
	w.close("wsdl:service")
	w.close("wsdl:definitions")
	return w.Bytes(), nil
}

func writeResourceSchema(w *wsdlWriter, r resource, idType string) {
	S, P := r.S.Pascal, r.P.Pascal
	w.line("")
	w.line("<!-- %s -->", comment(r.P.Words))
	w.open(`<xs:complexType name="%s">`, S)
	w.open("<xs:sequence>")
	w.line(`<xs:element name="id" type="%s"/>`, idType)
	for _, f := range r.Fields {
		t := FieldXSD(f)
		if !t.Nillable {
			t.MinOccurs = 1 // a default always gives a value
		}
		writeField(w, f.Name, t)
	}
	w.line(`<xs:element name="created_at" type="xs:dateTime"/>`)
	w.line(`<xs:element name="updated_at" type="xs:dateTime"/>`)
	w.close("xs:sequence")
	w.close("xs:complexType")

	wrapper := func(name string, body func()) {
		w.open(`<xs:element name="%s">`, name)
		w.open("<xs:complexType>")
		w.open("<xs:sequence>")
		body()
		w.close("xs:sequence")
		w.close("xs:complexType")
		w.close("xs:element")
	}
	fields := func() {
		for _, f := range r.Fields {
			writeField(w, f.Name, FieldXSD(f))
		}
	}
	item := func() { w.line(`<xs:element name="%s" type="tns:%s"/>`, r.S.Camel, S) }
	id := func() { w.line(`<xs:element name="id" type="%s"/>`, idType) }

	wrapper("Create"+S, fields)
	wrapper("Create"+S+"Response", item)
	wrapper("Get"+S, id)
	wrapper("Get"+S+"Response", item)
	wrapper("List"+P, func() {
		w.open(`<xs:element name="limit" minOccurs="0">`)
		writeRestriction(w, "xs:int", []XSDFacet{{"minInclusive", "1"}, {"maxInclusive", strconv.Itoa(MaxLimit)}})
		w.close("xs:element")
		w.open(`<xs:element name="offset" minOccurs="0">`)
		// As REST: any offset up to 2^63−1 (a page past the end is empty).
		writeRestriction(w, "xs:long", []XSDFacet{{"minInclusive", "0"}, {"maxInclusive", strconv.FormatInt(MaxOffset, 10)}})
		w.close("xs:element")
	})
	wrapper("List"+P+"Response", func() {
		w.line(`<xs:element name="%s" type="tns:%s" minOccurs="0" maxOccurs="unbounded"/>`, r.S.Camel, S)
		w.line(`<xs:element name="total" type="xs:long"/>`)
	})
	wrapper("Update"+S, func() { id(); fields() })
	wrapper("Update"+S+"Response", item)
	wrapper("Delete"+S, id)
	w.open(`<xs:element name="Delete%sResponse">`, S)
	w.open("<xs:complexType>")
	w.line("<xs:sequence/>")
	w.close("xs:complexType")
	w.close("xs:element")
}

func writeField(w *wsdlWriter, name string, t XSDType) {
	attrs := fmt.Sprintf(`name="%s"`, name)
	if len(t.Facets) == 0 {
		attrs += fmt.Sprintf(` type="%s"`, t.Base)
	}
	if t.MinOccurs == 0 {
		attrs += ` minOccurs="0"`
	}
	if t.Nillable {
		attrs += ` nillable="true"`
	}
	if len(t.Facets) == 0 {
		w.line("<xs:element %s/>", attrs)
		return
	}
	w.open("<xs:element %s>", attrs)
	writeRestriction(w, t.Base, t.Facets)
	w.close("xs:element")
}

func writeRestriction(w *wsdlWriter, base string, facets []XSDFacet) {
	w.open("<xs:simpleType>")
	w.open(`<xs:restriction base="%s">`, base)
	for _, f := range facets {
		w.line(`<xs:%s value="%s"/>`, f.Name, attr(f.Value))
	}
	w.close("xs:restriction")
	w.close("xs:simpleType")
}
