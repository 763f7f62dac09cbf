package apispec

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scaffold-dev/scaffold/generator/model"
)

const (
	nsXS   = "http://www.w3.org/2001/XMLSchema"
	nsWSDL = "http://schemas.xmlsoap.org/wsdl/"
	nsSOAP = "http://schemas.xmlsoap.org/wsdl/soap/"
)

// xnode is any XML element, for walking the WSDL.
type xnode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []xnode    `xml:",any"`
}

func (n xnode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n xnode) all(space, local string) []xnode {
	var out []xnode
	for _, c := range n.Children {
		if c.XMLName.Space == space && c.XMLName.Local == local {
			out = append(out, c)
		}
	}
	return out
}

func (n xnode) named(space, local, name string) (xnode, bool) {
	for _, c := range n.all(space, local) {
		if c.attr("name") == name {
			return c, true
		}
	}
	return xnode{}, false
}

// sequence is the children of a complexType's (or a wrapper element's) sequence.
func (n xnode) sequence() []xnode {
	if n.XMLName.Local == "element" {
		n = n.all(nsXS, "complexType")[0]
	}
	return n.all(nsXS, "sequence")[0].all(nsXS, "element")
}

func parseWSDL(t *testing.T, out []byte) xnode {
	t.Helper()
	var root xnode
	dec := xml.NewDecoder(bytes.NewReader(out))
	if err := dec.Decode(&root); err != nil {
		t.Fatalf("the WSDL is not well-formed XML: %v", err)
	}
	return root
}

func wsdl(t *testing.T, m *model.Model, p Project) []byte {
	t.Helper()
	out, err := WSDL(m, p)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkElement compares one field element with the field's XSD type.
func checkElement(t *testing.T, where string, el xnode, f model.Field, want XSDType) {
	t.Helper()
	if el.attr("name") != f.Name {
		t.Errorf("%s: element %q, want %q", where, el.attr("name"), f.Name)
		return
	}
	minOccurs := el.attr("minOccurs")
	if minOccurs == "" {
		minOccurs = "1"
	}
	if minOccurs != fmt.Sprint(want.MinOccurs) {
		t.Errorf("%s.%s: minOccurs %s, want %d", where, f.Name, minOccurs, want.MinOccurs)
	}
	if nillable := el.attr("nillable") == "true"; nillable != want.Nillable {
		t.Errorf("%s.%s: nillable %v, want %v", where, f.Name, nillable, want.Nillable)
	}
	base, facets := el.attr("type"), []XSDFacet(nil)
	if st := el.all(nsXS, "simpleType"); len(st) == 1 {
		r := st[0].all(nsXS, "restriction")[0]
		base = r.attr("base")
		for _, fc := range r.Children {
			facets = append(facets, XSDFacet{fc.XMLName.Local, fc.attr("value")})
		}
	}
	if base != want.Base || !slices.Equal(facets, want.Facets) {
		t.Errorf("%s.%s: %s %v, want %s %v", where, f.Name, base, facets, want.Base, want.Facets)
	}
}

func TestWSDLDescribesEveryResource(t *testing.T) {
	for mname, m := range models(t) {
		for pname, p := range projects {
			t.Run(mname+"/"+pname, func(t *testing.T) {
				out := wsdl(t, m, p)
				if again := wsdl(t, m, p); !bytes.Equal(out, again) {
					t.Error("two renders of the same model differ")
				}
				root := parseWSDL(t, out)
				if root.attr("targetNamespace") != p.Namespace {
					t.Errorf("targetNamespace %q", root.attr("targetNamespace"))
				}
				schemas := root.all(nsWSDL, "types")[0].all(nsXS, "schema")
				if len(schemas) != 1 {
					t.Fatalf("%d schemas, want 1", len(schemas))
				}
				schema := schemas[0]
				if schema.attr("targetNamespace") != p.Namespace || schema.attr("elementFormDefault") != "qualified" {
					t.Errorf("schema attributes %v", schema.Attrs)
				}
				idType := map[bool]string{true: "xs:long", false: "xs:string"}[p.IntegerIDs]
				portType := root.all(nsWSDL, "portType")[0]
				binding := root.all(nsWSDL, "binding")[0]
				var ops []string
				for _, r := range resources(m) {
					obj, ok := schema.named(nsXS, "complexType", r.S.Pascal)
					if !ok {
						t.Fatalf("no complexType %s", r.S.Pascal)
					}
					seq := obj.sequence()
					if len(seq) != len(r.Fields)+3 || seq[0].attr("name") != "id" || seq[0].attr("type") != idType ||
						seq[len(seq)-2].attr("name") != "created_at" || seq[len(seq)-1].attr("name") != "updated_at" {
						t.Errorf("%s: elements %v", r.S.Pascal, seq)
					}
					for i, f := range r.Fields {
						want := FieldXSD(f)
						if !want.Nillable {
							want.MinOccurs = 1
						}
						checkElement(t, r.S.Pascal, seq[i+1], f, want)
					}
					for _, op := range operations(r) {
						ops = append(ops, op)
						req, ok1 := schema.named(nsXS, "element", op)
						res, ok2 := schema.named(nsXS, "element", op+"Response")
						if !ok1 || !ok2 {
							t.Errorf("no element %s or %sResponse", op, op)
							continue
						}
						var children []string
						for _, c := range req.sequence() {
							children = append(children, c.attr("name"))
						}
						var resChildren []string
						for _, c := range res.sequence() {
							resChildren = append(resChildren, c.attr("name"))
						}
						fieldNames := make([]string, len(r.Fields))
						for i, f := range r.Fields {
							fieldNames[i] = f.Name
						}
						wantReq, wantRes := map[string][]string{
							"Create": fieldNames, "Get": {"id"}, "List": {"limit", "offset"},
							"Update": append([]string{"id"}, fieldNames...), "Delete": {"id"},
						}, map[string][]string{
							"Create": {r.S.Camel}, "Get": {r.S.Camel}, "List": {r.S.Camel, "total"},
							"Update": {r.S.Camel}, "Delete": nil,
						}
						verb := op[:strings.IndexAny(op[1:], "ABCDEFGHIJKLMNOPQRSTUVWXYZ")+1]
						if !slices.Equal(children, wantReq[verb]) || !slices.Equal(resChildren, wantRes[verb]) {
							t.Errorf("%s: %v → %v, want %v → %v", op, children, resChildren, wantReq[verb], wantRes[verb])
						}
						if verb == "Create" || verb == "Update" {
							for i, f := range r.Fields {
								checkElement(t, op, req.sequence()[i+len(children)-len(r.Fields)], f, FieldXSD(f))
							}
						}
						if _, ok := root.named(nsWSDL, "message", op+"Request"); !ok {
							t.Errorf("no message %sRequest", op)
						}
						if _, ok := portType.named(nsWSDL, "operation", op); !ok {
							t.Errorf("portType has no %s", op)
						}
						bop, ok := binding.named(nsWSDL, "operation", op)
						if !ok || bop.all(nsSOAP, "operation")[0].attr("soapAction") != p.Namespace+"/"+op {
							t.Errorf("binding of %s: %v", op, bop)
						}
					}
				}
				if got := len(portType.all(nsWSDL, "operation")); got != len(ops) {
					t.Errorf("%d operations in the portType, want %d", got, len(ops))
				}
				addr := root.all(nsWSDL, "service")[0].all(nsWSDL, "port")[0].all(nsSOAP, "address")[0].attr("location")
				if want := fmt.Sprintf("http://localhost:%d/soap", p.Port); addr != want {
					t.Errorf("soap:address %q, want %q", addr, want)
				}
				// The Go services find the address with this expression (blueprints/go/internal/soap).
				if !bytes.Contains(out, []byte(`<soap:address location="`+addr+`"/>`)) {
					t.Error("soap:address is not written as the services expect")
				}
			})
		}
	}
}

func TestWSDLServiceNames(t *testing.T) {
	for _, tc := range []struct {
		model   string
		project Project
		want    string
	}{
		{"default", Project{Name: "demo-api", Namespace: "urn:x", Port: 1}, "TaskService"},
		{"rich", Project{Name: "shelf", Namespace: "urn:x", Port: 1}, "ShelfService"},
		{"rich", Project{Name: "my-shelf", Namespace: "urn:x", Port: 1}, "MyShelfService"},
		{"rich", Project{Name: "myShelf", PascalName: "MyShelf", Namespace: "urn:x", Port: 1}, "MyShelfService"},
	} {
		root := parseWSDL(t, wsdl(t, models(t)[tc.model], tc.project))
		if got := root.all(nsWSDL, "service")[0].attr("name"); got != tc.want {
			t.Errorf("%s/%s: service %q, want %q", tc.model, tc.project.Name, got, tc.want)
		}
	}
}

// TestWSDLSchemaValidates runs the XSD through Python's xmlschema (when it
// is installed) and validates a valid and an invalid message of every
// operation. Set SCAFFOLD_TEST_PYTHON to a python that has it.
func TestWSDLSchemaValidates(t *testing.T) {
	python := os.Getenv("SCAFFOLD_TEST_PYTHON")
	if python == "" {
		python = "python3"
	}
	if err := exec.Command(python, "-c", "import xmlschema, lxml").Run(); err != nil {
		t.Skipf("%s lacks xmlschema or lxml (pip install xmlschema lxml, or set SCAFFOLD_TEST_PYTHON): %v", python, err)
	}
	dir := t.TempDir()
	for mname, m := range models(t) {
		for pname, p := range projects {
			t.Run(mname+"/"+pname, func(t *testing.T) {
				file := filepath.Join(dir, mname+"-"+pname+".wsdl")
				if err := os.WriteFile(file, wsdl(t, m, p), 0o644); err != nil {
					t.Fatal(err)
				}
				var cases strings.Builder
				for _, r := range resources(m) {
					for _, c := range sampleMessages(r, p) {
						fmt.Fprintf(&cases, "%v\t%s\t%s\n", c.valid, c.why, c.xml)
					}
				}
				cmd := exec.Command(python, "-c", validateScript, file)
				cmd.Stdin = strings.NewReader(cases.String())
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("%v\n%s", err, out)
				}
			})
		}
	}
}

const validateScript = `
import sys, xmlschema
from lxml import etree
wsdl = etree.parse(sys.argv[1])
schema_el = wsdl.getroot().find('{http://schemas.xmlsoap.org/wsdl/}types/{http://www.w3.org/2001/XMLSchema}schema')
# lxml keeps the namespace declarations in scope (tns), which type="tns:…" needs.
schema = xmlschema.XMLSchema(etree.tostring(schema_el, encoding='unicode'))
bad = []
for line in sys.stdin:
    valid, why, doc = line.rstrip('\n').split('\t', 2)
    ok = schema.is_valid(doc)
    if ok != (valid == 'true'):
        bad.append(f'{why}: valid={ok}, want {valid}: {doc}')
if bad:
    sys.exit('\n'.join(bad))
`

type message struct {
	valid    bool
	why, xml string
}

// sampleMessages are request elements of every operation: valid ones with
// the model's valid samples, invalid ones with its invalid samples.
func sampleMessages(r resource, p Project) []message {
	ns := p.Namespace
	id := "665f1c2e9b1e8a3d4c5b6a79"
	if p.IntegerIDs {
		id = "7"
	}
	el := func(name, body string) string {
		return fmt.Sprintf(`<%s xmlns="%s">%s</%s>`, name, ns, body, name)
	}
	fields := func(override string, value *model.Sample) string {
		var b strings.Builder
		for _, f := range r.Fields {
			v := model.Sample{Value: f.Valid(0)}
			if f.Name == override {
				v = *value
			}
			switch {
			case v.Value == nil && f.Name == override:
				fmt.Fprintf(&b, `<%s xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>`, f.Name)
			default:
				var text strings.Builder
				_ = xml.EscapeText(&text, []byte(xmlText(v.Value)))
				fmt.Fprintf(&b, "<%s>%s</%s>", f.Name, text.String(), f.Name)
			}
		}
		return b.String()
	}
	S, P := r.S.Pascal, r.P.Pascal
	out := []message{
		{true, "Create " + S, el("Create"+S, fields("", nil))},
		{true, "Update " + S, el("Update"+S, "<id>"+id+"</id>"+fields("", nil))},
		{true, "Get " + S, el("Get"+S, "<id>"+id+"</id>")},
		{true, "Delete " + S, el("Delete"+S, "<id>"+id+"</id>")},
		{true, "List " + P, el("List"+P, "<limit>100</limit><offset>0</offset>")},
		{true, "List " + P + " without paging", el("List"+P, "")},
		{false, "List " + P + " limit 0", el("List"+P, "<limit>0</limit>")},
		{false, "List " + P + " limit 101", el("List"+P, "<limit>101</limit>")},
		{false, "Get " + S + " without id", el("Get"+S, "")},
		{false, "Create " + S + " with an unknown element", el("Create"+S, fields("", nil)+"<no_such_field>1</no_such_field>")},
	}
	for _, f := range r.Fields {
		for _, s := range f.Edges() {
			out = append(out, message{true, S + "." + f.Name + " " + s.Rule, el("Create"+S, fields(f.Name, &s))})
		}
		for _, s := range f.Invalid() {
			if !xmlCanTell(s) {
				continue
			}
			out = append(out, message{false, S + "." + f.Name + " " + s.Rule, el("Create"+S, fields(f.Name, &s))})
		}
	}
	return out
}

// xmlCanTell reports whether the schema can refuse an invalid sample: XML
// text has no JSON types (12345 is a fine string, 1 a fine boolean), cannot
// carry U+0000 or a lone surrogate at all, and blank strings and zone-less
// times are the service's rules, not the schema's.
func xmlCanTell(s model.Sample) bool {
	if s.IsRaw() {
		return false
	}
	switch s.Rule {
	case "a number instead of a string", "a string holding U+0000", "a blank string",
		"a string instead of a number", "a string instead of true or false",
		"a number instead of true or false", "a date and time without a zone":
		return false
	}
	return true
}

func xmlText(v any) string {
	switch x := v.(type) {
	case float64:
		return formatFloat(x)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}
