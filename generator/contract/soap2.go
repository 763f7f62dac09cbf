package contract

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/scaffold-dev/scaffold/generator/model"
)

const nsXSI = "http://www.w3.org/2001/XMLSchema-instance"

// soapV2 is the SOAP half of contract v2, bound to one service and model.
type soapV2 struct {
	c      *client
	m      *model.Model
	w      *wsdl
	schema *node
	next   int
}

// soapRes is one resource over SOAP.
type soapRes struct {
	s                                       *soapV2
	r                                       model.Resource
	create, get, list, update, delete, item string
}

func runSOAPV2(t T, c *client, m *model.Model, o Options) {
	t.Helper()
	s := &soapV2{c: c, m: m, next: int(time.Now().UnixNano()/1e6%40) * 1000}
	var rs []*soapRes
	for _, r := range m.Resources {
		rs = append(rs, &soapRes{s: s, r: r,
			create: "Create" + pascal(r.Name), get: "Get" + pascal(r.Name), list: "List" + pascal(r.Plural),
			update: "Update" + pascal(r.Name), delete: "Delete" + pascal(r.Name), item: camel(r.Name)})
	}

	t.Run("the probes healthz, livez and readyz answer 200 {\"status\":\"ok\"}", func(t T) { checkProbes(t, c) })
	t.Run("CORS is off unless CORS_ORIGINS is set: no answer carries an Access-Control-* header", func(t T) {
		checkCORSOff(t, c, "soap", m)
	})
	t.Run("GET /soap?wsdl serves a WSDL 1.1 document/literal description of every operation of every resource", func(t T) {
		s.w, s.schema = s.checkWSDL(t, rs)
	})
	if s.w == nil {
		t.Run("the rest of the SOAP contract", func(t T) {
			t.Fatalf("skipped: the WSDL could not be read, so the target namespace is unknown")
		})
		return
	}
	t.Run("the WSDL's soap:address is the /soap endpoint of the host and port it was fetched from", func(t T) {
		old := &soapAPI{c: c, w: s.w}
		old.checkAddress(t)
	})
	for _, r := range rs {
		t.Run(r.r.Name+": the XSD types every field (type, facets, minOccurs, nillable) in model order", func(t T) {
			r.checkTypes(t)
		})
	}
	s.runEnvelope(t, rs[0])
	for _, r := range rs {
		r.run(t)
	}
}

func (s *soapV2) sample() int {
	s.next++
	return s.next
}

func (r *soapRes) name(x string) string { return r.r.Name + ": " + x }

// checkWSDL checks the WSDL of every resource's five operations and returns
// it with the schema in the target namespace.
func (s *soapV2) checkWSDL(t T, rs []*soapRes) (*wsdl, *node) {
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
	// The v1 checks, once per resource, read the common parts.
	var w *wsdl
	for _, r := range rs {
		old := &soapAPI{c: s.c, create: r.create, get: r.get, list: r.list, update: r.update, delete: r.delete}
		if got := old.checkWSDL(t); got != nil && w == nil {
			w = got
		} else if got != nil {
			for k, v := range got.SOAPAction {
				w.SOAPAction[k] = v
			}
		}
	}
	if w == nil {
		return nil, nil
	}
	var schema *node
	if types := defs.child(nsWSDL, "types"); types != nil {
		for _, sc := range types.children(nsXSD, "schema") {
			if sc.attr("targetNamespace") == w.TargetNamespace {
				schema = sc
			}
		}
	}
	return w, schema
}

// xsdElements resolves the child elements of a top-level element's type.
func (s *soapV2) xsdElements(name string) []*node {
	if s.schema == nil {
		return nil
	}
	var ct *node
	for _, e := range s.schema.children(nsXSD, "element") {
		if e.attr("name") == name {
			ct = e.child(nsXSD, "complexType")
			if typ := e.attr("type"); ct == nil && typ != "" {
				ct = s.named("complexType", typ)
			}
		}
	}
	return s.sequence(ct)
}

func (s *soapV2) named(kind, qname string) *node {
	local := qname[strings.LastIndex(qname, ":")+1:]
	for _, c := range s.schema.children(nsXSD, kind) {
		if c.attr("name") == local {
			return c
		}
	}
	return nil
}

func (s *soapV2) sequence(ct *node) []*node {
	if ct == nil {
		return nil
	}
	for _, kind := range []string{"sequence", "all"} {
		if seq := ct.child(nsXSD, kind); seq != nil {
			return seq.children(nsXSD, "element")
		}
	}
	return nil
}

// elementType returns an element's complex type's children (for a typed element).
func (s *soapV2) elementChildren(e *node) []*node {
	ct := e.child(nsXSD, "complexType")
	if typ := e.attr("type"); ct == nil && typ != "" {
		ct = s.named("complexType", typ)
	}
	return s.sequence(ct)
}

var xsdBase = map[model.Type]string{
	model.String: "string", model.Text: "string", model.Int: "long", model.Float: "double",
	model.Bool: "boolean", model.Date: "date", model.DateTime: "dateTime", model.Enum: "string",
}

// checkTypes: the Create element and the object type declare every field
// with its XSD type and facets.
func (r *soapRes) checkTypes(t T) {
	s := r.s
	create := s.xsdElements(r.create)
	if create == nil {
		t.Fatalf("the schema declares no sequence of fields for %s", r.create)
	}
	var names []string
	for _, e := range create {
		names = append(names, e.attr("name"))
	}
	var want []string
	for _, f := range r.r.Fields {
		want = append(want, f.Name)
	}
	if !slices.Equal(names, want) {
		t.Errorf("%s declares %v, want the fields in model order %v", r.create, names, want)
	}
	update := s.xsdElements(r.update)
	if len(update) == 0 || update[0].attr("name") != "id" {
		t.Errorf("%s must start with id, then the fields", r.update)
	}
	for _, e := range create {
		f, ok := r.r.Field(e.attr("name"))
		if !ok {
			continue
		}
		r.checkFieldDecl(t, r.create, f, e)
	}
	// The object type: id, the fields, created_at, updated_at.
	var objEl *node
	for _, e := range s.xsdElements(r.get + "Response") {
		if e.attr("name") == r.item {
			objEl = e
		}
	}
	if objEl == nil {
		t.Fatalf("%sResponse declares no %s element", r.get, r.item)
	}
	var objNames []string
	for _, e := range s.elementChildren(objEl) {
		objNames = append(objNames, e.attr("name"))
	}
	wantObj := append(append([]string{"id"}, want...), "created_at", "updated_at")
	if !slices.Equal(objNames, wantObj) {
		t.Errorf("the %s type declares %v, want %v", r.item, objNames, wantObj)
	}
}

func (r *soapRes) checkFieldDecl(t T, op string, f model.Field, e *node) {
	where := op + "/" + f.Name
	minOccurs := e.attr("minOccurs")
	if minOccurs == "" {
		minOccurs = "1"
	}
	if f.Required && minOccurs != "1" {
		t.Errorf("%s is required: minOccurs is %s, want 1", where, minOccurs)
	}
	if !f.Required && minOccurs != "0" {
		t.Errorf("%s is optional: minOccurs is %s, want 0", where, minOccurs)
	}
	if f.Nullable() && e.attr("nillable") != "true" {
		t.Errorf(`%s is nullable: want nillable="true"`, where)
	}
	// The type: a built-in, or a simpleType restriction (inline or named).
	base, facets := r.s.simpleType(e)
	if want := xsdBase[f.Type]; base != want {
		t.Errorf("%s has type xs:%s, want xs:%s", where, base, want)
	}
	facet := func(name string) (string, bool) {
		v, ok := facets[name]
		return v, ok
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	switch f.Type {
	case model.String, model.Text:
		if mx, ok := f.MaxInt(); ok {
			if got, _ := facet("maxLength"); got != strconv.FormatInt(mx, 10) {
				t.Errorf("%s: maxLength is %q, want %d", where, got, mx)
			}
		}
		if mn, ok := f.MinInt(); ok && mn > 0 {
			if got, _ := facet("minLength"); got != strconv.FormatInt(mn, 10) {
				t.Errorf("%s: minLength is %q, want %d", where, got, mn)
			}
		}
	case model.Int, model.Float:
		if f.Min != nil {
			got, _ := facet("minInclusive")
			if g, err := strconv.ParseFloat(got, 64); err != nil || g != *f.Min {
				t.Errorf("%s: minInclusive is %q, want %s", where, got, num(*f.Min))
			}
		}
		if f.Max != nil {
			got, _ := facet("maxInclusive")
			if g, err := strconv.ParseFloat(got, 64); err != nil || g != *f.Max {
				t.Errorf("%s: maxInclusive is %q, want %s", where, got, num(*f.Max))
			}
		}
	case model.Enum:
		got := strings.Split(facets["enumeration"], "|")
		if !slices.Equal(got, f.Values) {
			t.Errorf("%s: the enumeration is %v, want %v", where, got, f.Values)
		}
	}
}

// simpleType returns the XSD base type's local name and the facets of an element.
func (s *soapV2) simpleType(e *node) (string, map[string]string) {
	facets := map[string]string{}
	st := e.child(nsXSD, "simpleType")
	typ := e.attr("type")
	if st == nil && typ != "" && !strings.HasPrefix(typ, "xs:") && !strings.HasPrefix(typ, "xsd:") {
		st = s.named("simpleType", typ)
	}
	if st == nil {
		return typ[strings.LastIndex(typ, ":")+1:], facets
	}
	res := st.child(nsXSD, "restriction")
	if res == nil {
		return "", facets
	}
	var enum []string
	for _, c := range res.Nodes {
		if c.XMLName.Space != nsXSD {
			continue
		}
		if c.XMLName.Local == "enumeration" {
			enum = append(enum, c.attr("value"))
			continue
		}
		facets[c.XMLName.Local] = c.attr("value")
	}
	if enum != nil {
		facets["enumeration"] = strings.Join(enum, "|")
	}
	base := res.attr("base")
	return base[strings.LastIndex(base, ":")+1:], facets
}

// xmlText is a sample as element content; nil is xsi:nil. ok is false when
// XML cannot carry the sample differently from a valid value.
func xmlText(f model.Field, v any) string {
	switch x := v.(type) {
	case model.RawJSON:
		s := string(x)
		if strings.Contains(s, `\ud800`) {
			return strings.ReplaceAll(strings.Trim(s, `"`), `\ud800`, "&#xD800;")
		}
		return strings.Trim(s, `"`)
	case string:
		if strings.ContainsRune(x, 0) {
			return strings.ReplaceAll(xmlEscape(x), "\x00", "&#0;")
		}
		return xmlEscape(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\r':
			b.WriteString("&#13;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fieldsXML renders the field elements of vals in model order; a nil value
// is written as xsi:nil.
func (r *soapRes) fieldsXML(vals map[string]any) string {
	var b strings.Builder
	for _, f := range r.r.Fields {
		v, ok := vals[f.Name]
		if !ok {
			continue
		}
		if v == nil {
			b.WriteString(`<t:` + f.Name + ` xsi:nil="true"/>`)
			continue
		}
		b.WriteString("<t:" + f.Name + ">" + xmlText(f, v) + "</t:" + f.Name + ">")
	}
	return b.String()
}

func (r *soapRes) example() map[string]any {
	n := r.s.sample()
	out := map[string]any{}
	for _, f := range r.r.Fields {
		out[f.Name] = f.Valid(n)
	}
	return out
}

func (r *soapRes) minimal() map[string]any {
	n := r.s.sample()
	out := map[string]any{}
	for _, f := range r.r.Fields {
		if f.Required || f.Unique {
			out[f.Name] = f.Valid(n)
		}
	}
	return out
}

func (s *soapV2) envelope(op, inner, header string) []byte {
	h := ""
	if header != "" {
		h = "<soap:Header>" + header + "</soap:Header>"
	}
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>` +
		`<soap:Envelope xmlns:soap="` + nsEnvelope + `" xmlns:t="` + s.w.TargetNamespace + `" xmlns:xsi="` + nsXSI + `">` + h +
		`<soap:Body><t:` + op + `>` + inner + `</t:` + op + `></soap:Body></soap:Envelope>`)
}

func (s *soapV2) call(t T, op, inner string) *response {
	t.Helper()
	return s.post(t, s.envelope(op, inner, ""), op)
}

func (s *soapV2) post(t T, body []byte, op string) *response {
	t.Helper()
	h := map[string]string{"Content-Type": "text/xml; charset=utf-8"}
	if op != "" {
		h["SOAPAction"] = `"` + s.w.SOAPAction[op] + `"`
	}
	return s.c.do(t, "POST", "/soap", body, h)
}

// sobj is an object as a SOAP answer carries it: element texts, nil for null.
type sobj struct {
	id     string
	fields map[string]any
}

func (r *soapRes) expectObj(t T, res *response, op string) *sobj {
	t.Helper()
	old := &soapAPI{w: r.s.w, item: r.item}
	resp := old.expectResponse(t, res, op)
	els := resp.children("", r.item)
	if len(els) != 1 {
		t.Fatalf("%sResponse must hold one %s element, has %d\n%s", op, r.item, len(els), res)
	}
	o, err := r.parseObj(els[0])
	if err != nil {
		t.Fatalf("%v\n%s", err, res)
	}
	return o
}

func (r *soapRes) parseObj(n *node) (*sobj, error) {
	ns := r.s.w.TargetNamespace
	if n.XMLName.Space != ns {
		return nil, fmt.Errorf("%s is in namespace %q, want %q", r.item, n.XMLName.Space, ns)
	}
	o := &sobj{fields: map[string]any{}}
	var order []string
	for _, c := range n.Nodes {
		if c.XMLName.Space != ns {
			return nil, fmt.Errorf("%s/%s is in namespace %q, want the target namespace", r.item, c.XMLName.Local, c.XMLName.Space)
		}
		order = append(order, c.XMLName.Local)
	}
	get := func(name string) (*node, bool) {
		c := n.child(ns, name)
		return c, c != nil
	}
	id, ok := get("id")
	if !ok || strings.TrimSpace(id.Text) == "" {
		return nil, fmt.Errorf("%s has no id", r.item)
	}
	o.id = strings.TrimSpace(id.Text)
	for _, f := range r.r.Fields {
		c, ok := get(f.Name)
		if !ok || nilAttr(c) {
			if !ok && f.Required {
				return nil, fmt.Errorf("%s has no %s element, and the field is required", r.item, f.Name)
			}
			o.fields[f.Name] = nil
			continue
		}
		o.fields[f.Name] = c.Text
	}
	for _, k := range []string{"created_at", "updated_at"} {
		c, ok := get(k)
		if !ok {
			return nil, fmt.Errorf("%s has no %s element", r.item, k)
		}
		if _, err := parseTimestamp(strings.TrimSpace(c.Text)); err != nil {
			return nil, fmt.Errorf("%s: %v", k, err)
		}
		o.fields[k] = strings.TrimSpace(c.Text)
	}
	want := []string{"id"}
	for _, f := range r.r.Fields {
		if slices.Contains(order, f.Name) {
			want = append(want, f.Name)
		}
	}
	want = append(want, "created_at", "updated_at")
	if !slices.Equal(order, want) {
		return nil, fmt.Errorf("%s holds %v, want %v in that order", r.item, order, want)
	}
	return o, nil
}

func nilAttr(n *node) bool {
	for _, a := range n.Attrs {
		if a.Name.Local == "nil" && a.Name.Space == nsXSI && (a.Value == "true" || a.Value == "1") {
			return true
		}
	}
	return false
}

func (r *soapRes) sameAs(t T, o *sobj, vals map[string]any) {
	t.Helper()
	for _, f := range r.r.Fields {
		want, ok := vals[f.Name]
		if !ok {
			continue
		}
		got := o.fields[f.Name]
		if err := sameValue(f, got, want); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
}

func (r *soapRes) withDefaults(vals map[string]any) map[string]any {
	out := map[string]any{}
	for _, f := range r.r.Fields {
		if v, ok := vals[f.Name]; ok {
			out[f.Name] = v
		} else {
			out[f.Name] = f.Default
		}
	}
	return out
}

func (r *soapRes) total(t T) int {
	t.Helper()
	_, total := r.listPage(t, "")
	return total
}

func (r *soapRes) nothingStored(t T, before int) {
	t.Helper()
	if after := r.total(t); after != before {
		t.Errorf("the request was refused, yet total went from %d to %d: something was stored", before, after)
	}
}

func (r *soapRes) listPage(t T, inner string) ([]*sobj, int) {
	t.Helper()
	res := r.s.call(t, r.list, inner)
	old := &soapAPI{w: r.s.w}
	resp := old.expectResponse(t, res, r.list)
	var items []*sobj
	for _, n := range resp.children("", r.item) {
		o, err := r.parseObj(n)
		if err != nil {
			t.Fatalf("%v\n%s", err, res)
		}
		items = append(items, o)
	}
	tn := resp.child("", "total")
	if tn == nil {
		t.Fatalf("%sResponse has no total\n%s", r.list, res)
	}
	total, err := strconv.Atoi(strings.TrimSpace(tn.Text))
	if err != nil {
		t.Fatalf("total %q is not an integer\n%s", tn.Text, res)
	}
	return items, total
}

func (r *soapRes) createOK(t T, vals map[string]any) *sobj {
	t.Helper()
	return r.expectObj(t, r.s.call(t, r.create, r.fieldsXML(vals)), r.create)
}

// xmlInvalid is Invalid() reduced to what XML can say differently from a
// valid value (a number is a fine string in XML, "1" a fine boolean).
func xmlInvalid(f model.Field) []model.Sample {
	var out []model.Sample
	for _, s := range f.Invalid() {
		if s.Value == nil {
			if f.Required {
				out = append(out, s)
			}
			continue
		}
		if f.Type == model.DateTime && strings.Contains(s.Rule, "without a zone") {
			continue // xs:dateTime allows no zone
		}
		text := xmlText(f, s.Value)
		if strings.Contains(text, "&#") {
			out = append(out, s)
			continue
		}
		var v any = text
		switch f.Type {
		case model.Int:
			n, err := strconv.ParseInt(text, 10, 64)
			if err != nil {
				out = append(out, s)
				continue
			}
			v = n
		case model.Float:
			x, err := strconv.ParseFloat(text, 64)
			if err != nil {
				out = append(out, s)
				continue
			}
			v = x
		case model.Bool:
			b, ok := xmlBool(text)
			if !ok {
				out = append(out, s)
				continue
			}
			v = b
		}
		if f.Check(v) != "" {
			out = append(out, s)
		}
	}
	if f.Type == model.Bool {
		out = append(out, model.Sample{Rule: "a word that is not an xs:boolean", Value: "maybe"})
	}
	return out
}

func (r *soapRes) run(t T) {
	s := r.s
	var created *sobj
	var createdVals map[string]any
	t.Run(r.name(r.create+" with every field returns the "+r.item+" with id, the fields sent, created_at and updated_at (UTC)"), func(t T) {
		createdVals = r.example()
		created = r.createOK(t, createdVals)
		r.sameAs(t, created, createdVals)
	})
	t.Run(r.name(r.create+" with only the required fields gives absent fields their default, or null"), func(t T) {
		vals := r.minimal()
		r.sameAs(t, r.createOK(t, vals), r.withDefaults(vals))
	})
	t.Run(r.name(r.get+" returns the "+r.item), func(t T) {
		if created == nil {
			t.Fatalf("no %s: %s failed above", r.item, r.create)
		}
		got := r.expectObj(t, s.call(t, r.get, el("id", created.id)), r.get)
		r.sameAs(t, got, createdVals)
	})
	for _, f := range r.r.Fields {
		for _, e := range f.Edges() {
			t.Run(r.name(fmt.Sprintf("%s accepts %s = %s and echoes it back", r.create, f.Name, e.Rule)), func(t T) {
				vals := r.example()
				vals[f.Name] = e.Value
				r.sameAs(t, r.createOK(t, vals), vals)
			})
		}
		for _, inv := range xmlInvalid(f) {
			for _, op := range []string{r.create, r.update} {
				t.Run(r.name(fmt.Sprintf("%s with %s = %s is a soap:Client fault, nothing stored", op, f.Name, inv.Rule)), func(t T) {
					vals := r.example()
					vals[f.Name] = inv.Value
					inner := r.fieldsXML(vals)
					if op == r.update {
						if created == nil {
							t.Fatalf("no %s: %s failed above", r.item, r.create)
						}
						inner = el("id", created.id) + inner
					}
					before := r.total(t)
					expectClientFault(t, s.call(t, op, inner))
					r.nothingStored(t, before)
				})
			}
		}
		if f.Required {
			t.Run(r.name(fmt.Sprintf("%s without the required %s is a soap:Client fault", r.create, f.Name)), func(t T) {
				vals := r.example()
				delete(vals, f.Name)
				before := r.total(t)
				expectClientFault(t, s.call(t, r.create, r.fieldsXML(vals)))
				r.nothingStored(t, before)
			})
		}
		if f.Unique {
			t.Run(r.name(fmt.Sprintf("%s and %s with a %s another %s has are soap:Client faults", r.create, r.update, f.Name, r.item)), func(t T) {
				a, b := r.example(), r.example()
				r.createOK(t, a)
				ob := r.createOK(t, b)
				dup := r.example()
				dup[f.Name] = a[f.Name]
				before := r.total(t)
				expectClientFault(t, s.call(t, r.create, r.fieldsXML(dup)))
				r.nothingStored(t, before)
				expectClientFault(t, s.call(t, r.update, el("id", ob.id)+r.fieldsXML(dup)))
			})
		}
	}
	t.Run(r.name(r.list+" without limit returns at most 20 and the total"), func(t T) {
		items, total := r.listPage(t, "")
		if want := min(20, total); len(items) != want {
			t.Errorf("the default page holds %d items with total=%d, want %d", len(items), total, want)
		}
	})
	t.Run(r.name(r.list+" pages consistently with limit and offset, in id order"), func(t T) {
		for range 4 {
			r.createOK(t, r.example())
		}
		_, total := r.listPage(t, el("limit", "1"))
		seen := map[string]bool{}
		var ids []string
		for off := 0; off < total && off < 300; off += 3 {
			items, got := r.listPage(t, el("limit", "3")+el("offset", strconv.Itoa(off)))
			if got != total {
				t.Errorf("offset %d: total=%d, want %d", off, got, total)
			}
			if want := min(3, total-off); len(items) != want {
				t.Errorf("offset %d holds %d items, want %d", off, len(items), want)
			}
			for _, it := range items {
				if seen[it.id] {
					t.Errorf("id %s appears on two pages", it.id)
				}
				seen[it.id] = true
				ids = append(ids, it.id)
			}
		}
		for i := 1; i < len(ids); i++ {
			if compareIDs(ids[i-1], ids[i]) >= 0 {
				t.Errorf("the order must be id ascending: %s came before %s", ids[i-1], ids[i])
				break
			}
		}
	})
	t.Run(r.name(r.list+" accepts offset=9223372036854775807 (the largest) with no items"), func(t T) {
		items, _ := r.listPage(t, el("offset", "9223372036854775807"))
		if len(items) != 0 {
			t.Errorf("got %d items", len(items))
		}
	})
	for _, bad := range []struct{ name, inner string }{
		{"limit=101", el("limit", "101")}, {"limit=0", el("limit", "0")}, {"limit=-1", el("limit", "-1")},
		{"limit=abc", el("limit", "abc")}, {"offset=-1", el("offset", "-1")}, {"offset=9223372036854775808", el("offset", "9223372036854775808")},
	} {
		t.Run(r.name(r.list+" with "+bad.name+" is a soap:Client fault"), func(t T) {
			expectClientFault(t, s.call(t, r.list, bad.inner))
		})
	}
	t.Run(r.name(r.update+" replaces every field, keeps id and created_at, changes updated_at"), func(t T) {
		o := r.createOK(t, r.example())
		time.Sleep(1100 * time.Millisecond)
		vals := r.example()
		got := r.expectObj(t, s.call(t, r.update, el("id", o.id)+r.fieldsXML(vals)), r.update)
		r.sameAs(t, got, vals)
		if got.id != o.id || got.fields["created_at"] != o.fields["created_at"] {
			ca, _ := parseTimestamp(fmt.Sprint(got.fields["created_at"]))
			cb, _ := parseTimestamp(fmt.Sprint(o.fields["created_at"]))
			if got.id != o.id || !ca.Equal(cb) {
				t.Errorf("id/created_at changed: %s %v → %s %v", o.id, o.fields["created_at"], got.id, got.fields["created_at"])
			}
		}
		ua, _ := parseTimestamp(fmt.Sprint(o.fields["updated_at"]))
		ub, _ := parseTimestamp(fmt.Sprint(got.fields["updated_at"]))
		if !ub.After(ua) {
			t.Errorf("updated_at did not move forward: %v → %v", o.fields["updated_at"], got.fields["updated_at"])
		}
		minimal := r.minimal()
		got = r.expectObj(t, s.call(t, r.update, el("id", o.id)+r.fieldsXML(minimal)), r.update)
		r.sameAs(t, got, r.withDefaults(minimal))
	})
	unknown := "2147480000"
	if created != nil {
		if _, err := strconv.ParseInt(created.id, 10, 64); err != nil {
			unknown = "0123456789abcdef01234567"
		}
	}
	for _, id := range []string{unknown, "not-an-id", "99999999999999999999999"} {
		for _, op := range []string{r.get, r.update, r.delete} {
			t.Run(r.name(fmt.Sprintf("%s of id %s (no such %s) is a soap:Client fault", op, id, r.item)), func(t T) {
				inner := el("id", id)
				if op == r.update {
					inner += r.fieldsXML(r.example())
				}
				expectClientFault(t, s.call(t, op, inner))
			})
		}
	}
	t.Run(r.name(r.delete+" answers an empty "+r.delete+"Response; then "+r.get+" is a soap:Client fault; the id is never handed out again"), func(t T) {
		o := r.createOK(t, r.example())
		res := s.call(t, r.delete, el("id", o.id))
		old := &soapAPI{w: s.w}
		if resp := old.expectResponse(t, res, r.delete); len(resp.Nodes) != 0 {
			t.Errorf("%sResponse must be empty\n%s", r.delete, res)
		}
		expectClientFault(t, s.call(t, r.get, el("id", o.id)))
		if again := r.createOK(t, r.example()); again.id == o.id {
			t.Errorf("id %s of a deleted %s was handed out again", o.id, r.item)
		}
	})
}

// runEnvelope checks the rules of the endpoint itself, with the first resource.
func (s *soapV2) runEnvelope(t T, r *soapRes) {
	ns := s.w.TargetNamespace
	host := strings.TrimPrefix(strings.TrimPrefix(s.c.base, "http://"), "https://")
	create := func(extra string) string {
		return `<t:` + r.create + `>` + r.fieldsXML(r.example()) + extra + `</t:` + r.create + `>`
	}
	env := func(header, body string) []byte {
		h := ""
		if header != "" {
			h = "<soap:Header>" + header + "</soap:Header>"
		}
		return []byte(`<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="` + nsEnvelope + `" xmlns:t="` + ns + `" xmlns:xsi="` + nsXSI + `">` + h + `<soap:Body>` + body + `</soap:Body></soap:Envelope>`)
	}
	t.Run("a SOAP 1.2 envelope gets a VersionMismatch fault, nothing stored", func(t T) {
		before := r.total(t)
		body := `<?xml version="1.0"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:t="` + ns + `"><env:Body>` + create("") + `</env:Body></env:Envelope>`
		expectFault(t, s.c.do(t, "POST", "/soap", []byte(body), map[string]string{"Content-Type": "application/soap+xml; charset=utf-8"}), "VersionMismatch")
		expectFault(t, s.post(t, []byte(body), r.create), "VersionMismatch")
		r.nothingStored(t, before)
	})
	t.Run(`a header block with mustUnderstand="1" gets a MustUnderstand fault, nothing stored`, func(t T) {
		before := r.total(t)
		header := `<t:Session soap:mustUnderstand="1">abc</t:Session>`
		expectFault(t, s.post(t, env(header, create("")), r.create), "MustUnderstand")
		r.nothingStored(t, before)
	})
	t.Run(`a header block with mustUnderstand="0" is ignored`, func(t T) {
		header := `<t:Session soap:mustUnderstand="0">abc</t:Session>`
		old := &soapAPI{w: s.w}
		old.expectResponse(t, s.post(t, env(header, create("")), r.create), r.create)
	})
	t.Run("a Body with two operation elements is a soap:Client fault, and neither runs", func(t T) {
		before := r.total(t)
		expectClientFault(t, s.post(t, env("", create("")+create("")), r.create))
		r.nothingStored(t, before)
	})
	t.Run("an unknown operation or element inside an operation is a soap:Client fault", func(t T) {
		expectClientFault(t, s.post(t, env("", `<t:Frobnicate/>`), ""))
		before := r.total(t)
		expectClientFault(t, s.post(t, env("", create(`<t:zz_unknown>1</t:zz_unknown>`)), r.create))
		r.nothingStored(t, before)
	})
	t.Run("a body over 1 MiB is a SOAP fault, nothing stored", func(t T) {
		before := r.total(t)
		big := env("", create("<!--"+strings.Repeat("x", 1<<20+1024)+"-->"))
		expectAnyFault(t, s.post(t, big, r.create))
		r.nothingStored(t, before)
	})
	t.Run("a body announcing 16 MiB is refused with a SOAP fault before the service reads it all", func(t T) {
		head := fmt.Sprintf("POST /soap HTTP/1.1\r\nHost: %s\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: %d\r\nConnection: close", host, 16<<20)
		body := env("", create("<!--"+strings.Repeat("x", 1<<20+128<<10)))
		res := s.c.raw(head, body, false, 15*time.Second)
		if res.err != nil {
			t.Fatalf("no answer while the body was still being sent (after %s): %v", res.after.Round(time.Millisecond), res.err)
		}
		expectAnyFault(t, res.response("POST", "/soap"))
	})
	t.Run("a string holding U+0000 or a lone surrogate (as a character reference) is a soap:Client fault, nothing stored", func(t T) {
		var text *model.Field
		for i, f := range r.r.Fields {
			if f.IsText() {
				text = &r.r.Fields[i]
				break
			}
		}
		if text == nil {
			t.Logf("%s has no text field", r.r.Name)
			return
		}
		before := r.total(t)
		for _, ref := range []string{"&#0;", "&#xD800;", "&#x1;"} {
			vals := r.example()
			delete(vals, text.Name)
			inner := r.fieldsXML(vals) + "<t:" + text.Name + ">bad" + ref + "value</t:" + text.Name + ">"
			expectClientFault(t, s.call(t, r.create, inner))
		}
		r.nothingStored(t, before)
	})
	t.Run("a request with a DTD is refused and its entity never expanded", func(t T) {
		before := r.total(t)
		body := `<?xml version="1.0"?><!DOCTYPE Envelope [<!ENTITY xxe "EXPANDED">]>` + string(env("", create("")))[len(`<?xml version="1.0" encoding="UTF-8"?>`):]
		res := s.post(t, []byte(body), r.create)
		expectClientFault(t, res)
		r.nothingStored(t, before)
		xxe := `<?xml version="1.0"?><!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + string(env("", `<t:`+r.get+`><t:id>&xxe;</t:id></t:`+r.get+`>`))[len(`<?xml version="1.0" encoding="UTF-8"?>`):]
		res = s.post(t, []byte(xxe), r.get)
		expectClientFault(t, res)
		if bytes.Contains(res.body, []byte("root:")) {
			t.Errorf("the answer contains /etc/passwd:\n%s", res)
		}
	})
	for _, tc := range []struct{ name, ct, body string }{
		{"a body that is not XML", "text/xml", "this is not xml <"},
		{"an empty body", "text/xml", ""},
		{"an XML body that is not a SOAP envelope", "text/xml", `<?xml version="1.0"?><t:` + r.get + ` xmlns:t="` + ns + `"/>`},
		{"an envelope without a Body", "text/xml", `<soap:Envelope xmlns:soap="` + nsEnvelope + `"/>`},
		{"a JSON body", "application/json", `{"id": 1}`},
		{"a form body", "application/x-www-form-urlencoded", "id=1"},
	} {
		t.Run(tc.name+" gets a SOAP fault envelope, never another kind of answer", func(t T) {
			expectAnyFault(t, s.c.do(t, "POST", "/soap", []byte(tc.body), map[string]string{"Content-Type": tc.ct}))
		})
	}
	_ = url.PathEscape
}

// expectFault checks a SOAP 1.1 fault with the given faultcode's local name.
func expectFault(t T, res *response, code string) {
	t.Helper()
	if res.status != 500 {
		t.Fatalf("want HTTP 500 with a soap:%s fault, got %s", code, res)
	}
	fault := soapBody(t, res).child(nsEnvelope, "Fault")
	if fault == nil {
		t.Fatalf("soap:Body holds no soap:Fault\n%s", res)
	}
	fc := fault.child("", "faultcode")
	if fc == nil {
		t.Fatalf("the fault has no faultcode\n%s", res)
	}
	c := strings.TrimSpace(fc.Text)
	if local := c[strings.LastIndex(c, ":")+1:]; local != code && !strings.HasPrefix(local, code+".") {
		t.Errorf("faultcode: got %q, want soap:%s\n%s", c, code, res)
	}
}

// expectAnyFault checks that an error answer is a SOAP envelope holding a fault.
func expectAnyFault(t T, res *response) {
	t.Helper()
	if res.status < 400 {
		t.Fatalf("want a fault (HTTP 4xx/5xx), got %s", res)
	}
	if soapBody(t, res).child(nsEnvelope, "Fault") == nil {
		t.Fatalf("soap:Body holds no soap:Fault\n%s", res)
	}
}
