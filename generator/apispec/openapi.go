package apispec

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// The limits of the list endpoint (DESIGN.md §5).
const (
	MaxLimit     = 100
	DefaultLimit = 20
	MaxOffset    = math.MaxInt64
	// MaxBody is the largest request body a service reads, in bytes.
	MaxBody = 1 << 20
)

// Patterns of the field schemas. JSON Schema patterns are ECMA-262 regular
// expressions; these use only syntax that ECMA-262, Go (RE2), Python and Java
// read alike ([0-9], never \d, which is Unicode-wide in some of them), so a
// validator or a fuzzer in any language agrees on what they allow.
const (
	// NoNUL rules out U+0000, which PostgreSQL cannot store and no service accepts.
	NoNUL = `^[^\x00]*$`
	// NotBlank also asks for one character that no language's trim()
	// removes, so a required string is never blank after trimming. It holds
	// the characters themselves (Go's RE2 has no \u escape, and \s differs
	// between languages): whitespace as Go's strings.TrimSpace, Python's
	// str.strip, Java's String.strip and JavaScript's trim see it, plus
	// ZERO WIDTH SPACE and the BOM. The YAML spells it with escapes (notBlankYAML).
	NotBlank = "^[^\x00]*[^\x00\t\n\v\f\r \x1c-\x1f\u0085\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff][^\x00]*$"
	// DatePattern is an RFC 3339 full-date from year 0001 (year 0 does not
	// exist in PostgreSQL); the format keyword rules out days such as 02-30.
	DatePattern = `^` + year + `-[0-9]{2}-[0-9]{2}$`
	// DateTimePattern is an RFC 3339 date-time with an upper-case T and a
	// zone (Z or ±hh:mm), seconds 00 to 59.
	DateTimePattern = `^` + year + `-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$`
	// ObjectIDPattern is a MongoDB ObjectId in hex.
	ObjectIDPattern = `^[0-9a-f]{24}$`

	year = `(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})`
	// notBlankYAML is NotBlank as a YAML double-quoted scalar, so the file
	// shows escapes instead of invisible characters.
	notBlankYAML = `"^[^\0]*[^\0\t\n\v\f\r \x1C-\x1F\x85\xA0\u1680\u180E\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF][^\0]*$"`
	// notBlankPlaceholder stands for NotBlank while the encoder runs.
	notBlankPlaceholder = "NOT-BLANK-PATTERN-PLACEHOLDER"
)

const (
	problemJSON   = "application/problem+json"
	appJSON       = "application/json"
	mergePatch    = "application/merge-patch+json"
	schemasPrefix = "#/components/schemas/"
)

// OpenAPI renders api/openapi.yaml: an OpenAPI 3.1 document with every
// resource's paths, parameters and schemas.
func OpenAPI(m *model.Model, p Project) ([]byte, error) {
	if err := check(m, p); err != nil {
		return nil, fmt.Errorf("render api/openapi.yaml: %w", err)
	}
	rs := resources(m)
	doc := newMap().
		set("openapi", "3.1.0").
		set("info", info(rs, p)).
		set("servers", []any{newMap().
			set("url", fmt.Sprintf("http://localhost:%d", p.Port)).
			set("description", "The service running on your own computer")}).
		set("tags", tags(rs)).
		set("paths", paths(rs, p)).
		set("components", components(rs, p))

	var buf bytes.Buffer
	buf.WriteString("# " + p.Name + ": the API description (OpenAPI 3.1), rendered by scaffold from the\n" +
		"# data model in .scaffold.yaml. The service serves this file at /openapi.yaml\n" +
		"# and shows it at /docs.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc.n); err != nil {
		return nil, fmt.Errorf("render api/openapi.yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("render api/openapi.yaml: %w", err)
	}
	return bytes.ReplaceAll(buf.Bytes(), []byte(notBlankPlaceholder), []byte(notBlankYAML)), nil
}

func info(rs []resource, p Project) *omap {
	var what []string
	for _, r := range rs {
		what = append(what, "`"+r.P.Kebab+"`")
	}
	desc := p.Description
	if desc != "" && !strings.HasSuffix(desc, ".") {
		desc += "."
	}
	desc += "\n\n" + fmt.Sprintf("It manages %s under `/api/v1`. Every collection works the same way:\n", joinAnd(what)) + `
* ` + "`POST`" + ` creates an item, ` + "`GET`" + ` lists or reads, ` + "`PUT`" + ` replaces, ` + "`PATCH`" + ` changes
  some fields (a JSON merge patch), ` + "`DELETE`" + ` removes.
* Every item has an ` + "`id`" + ` given by the server, its fields, and ` + "`created_at`" + ` /
  ` + "`updated_at`" + ` timestamps (RFC 3339, in UTC). Every key is always present; a field
  without a value is ` + "`null`" + `.
* Lists are paged with ` + "`limit`" + ` (1 to 100, default 20) and ` + "`offset`" + `, sorted with
  ` + "`sort`" + ` (a comma list of names, ` + "`-`" + ` in front for descending), and filtered with
  ` + "`?field=value`" + `. A query parameter given twice is a 400.
* Request bodies are JSON objects of at most 1 MiB. A key the resource does not
  have is refused, so a typo never goes unnoticed.
* Errors are RFC 9457 problem details (` + "`application/problem+json`" + `); a 422 lists
  every invalid field under ` + "`errors`" + `.
`
	i := newMap().
		set("title", p.Name+" API").
		set("version", Version).
		set("description", desc)
	if p.hasLicense() {
		i.set("license", newMap().set("name", p.License).set("identifier", p.License))
	}
	return i
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func tagName(r resource) string { return strings.ToUpper(r.P.Words[:1]) + r.P.Words[1:] }

func tags(rs []resource) []any {
	var out []any
	for _, r := range rs {
		out = append(out, newMap().set("name", tagName(r)).
			set("description", fmt.Sprintf("Create, read, update and delete %s", r.P.Words)))
	}
	return append(out,
		newMap().set("name", "Health").set("description", "Whether the service and its database are up"),
		newMap().set("name", "Documentation").set("description", "This description of the API, and the page that shows it"))
}

func paths(rs []resource, p Project) *omap {
	ps := newMap()
	ps.set("/healthz", probeOp("getHealth", "Check that the service and its database are up",
		"Load balancers, Docker and Kubernetes call this to know whether to send traffic here.",
		"The service and its database answer", true))
	ps.set("/livez", probeOp("getLiveness", "Check that the process answers",
		"Kubernetes' liveness probe calls this and restarts the service when it stops answering. It does not touch the database, so a database outage does not restart the service.",
		"The process answers", false))
	ps.set("/readyz", probeOp("getReadiness", "Check that the service can serve requests",
		"Kubernetes' readiness probe calls this and sends traffic here only while the database answers.",
		"The database answers", true))
	ps.set("/openapi.yaml", newMap().set("get", newMap().
		set("tags", []string{"Documentation"}).
		set("operationId", "getOpenApi").
		set("summary", "This document").
		set("description", "The file api/openapi.yaml of the project, as it is. Client generators and API tools read it.").
		set("responses", newMap().set("200", newMap().
			set("description", "The OpenAPI document, in YAML").
			set("content", newMap().set("application/yaml", newMap().set("schema", newMap().set("type", "string"))))))))
	ps.set("/docs", newMap().set("get", newMap().
		set("tags", []string{"Documentation"}).
		set("operationId", "getDocs").
		set("summary", "Interactive documentation").
		set("description", "A web page that shows this document and lets you try every call from the browser. Every script and style comes from the service itself.").
		set("responses", newMap().set("200", newMap().
			set("description", "The documentation page").
			set("content", newMap().set("text/html", newMap().set("schema", newMap().set("type", "string"))))))))
	for _, r := range rs {
		ps.set("/api/v1/"+r.P.Kebab, newMap().
			set("get", listOp(r)).
			set("post", createOp(r)))
		ps.set("/api/v1/"+r.P.Kebab+"/{id}", newMap().
			set("parameters", []any{ref("#/components/parameters/Id")}).
			set("get", getOp(r)).
			set("put", replaceOp(r)).
			set("patch", updateOp(r)).
			set("delete", deleteOp(r)))
	}
	return ps
}

// probeOp is the GET operation of a health probe. A probe that asks the
// database (askDB) also answers 503 when the database does not answer.
func probeOp(id, summary, desc, up string, askDB bool) *omap {
	health := ref(schemasPrefix + "Health")
	responses := newMap().set("200", jsonResponse(up, health))
	if askDB {
		responses.set("503", jsonResponse("The database does not answer", health))
	}
	return newMap().set("get", newMap().
		set("tags", []string{"Health"}).
		set("operationId", id).
		set("summary", summary).
		set("description", desc).
		set("responses", responses))
}

func jsonResponse(desc string, schema *omap) *omap {
	return newMap().set("description", desc).
		set("content", newMap().set(appJSON, newMap().set("schema", schema)))
}

func responseRef(name string) *omap { return ref("#/components/responses/" + name) }

func listOp(r resource) *omap {
	params := []any{ref("#/components/parameters/Limit"), ref("#/components/parameters/Offset"), sortParam(r)}
	for _, f := range r.Fields {
		if f.Filterable() {
			params = append(params, filterParam(r, f))
		}
	}
	return newMap().
		set("tags", []string{tagName(r)}).
		set("operationId", "list"+r.P.Pascal).
		set("summary", "List "+r.P.Words).
		set("description", fmt.Sprintf("One page of %s, in id order unless `sort` says otherwise. "+
			"`total` counts every %s that matches the filters, so a client can tell how many pages there are.", r.P.Words, r.S.Words)).
		set("parameters", params).
		set("responses", newMap().
			set("200", jsonResponse("One page of "+r.P.Words, ref(schemasPrefix+r.S.Pascal+"List"))).
			set("400", responseRef("BadRequest")).
			set("500", responseRef("InternalError")))
}

func sortNames(r resource) []string {
	names := []string{"id"}
	for _, f := range r.Fields {
		names = append(names, f.Name)
	}
	return append(names, "created_at", "updated_at")
}

// SortPattern is the pattern of a resource's sort parameter: a comma list
// of the sortable names, each with an optional leading "-".
func SortPattern(r model.Resource) string {
	key := "-?(" + strings.Join(sortNames(resource{Resource: r}), "|") + ")"
	return "^" + key + "(," + key + ")*$"
}

func sortParam(r resource) *omap {
	names := sortNames(r)
	example := "-created_at"
	if len(r.Fields) > 0 {
		example = r.Fields[0].Name + ",-created_at"
	}
	return newMap().
		set("name", "sort").
		set("in", "query").
		set("description", fmt.Sprintf("The order of the list: a comma list of names, each with `-` in front for "+
			"descending order. Ties are broken by id. A name may appear once. The names are %s.",
			joinAnd(quoteAll(names)))).
		set("schema", newMap().
			set("type", "string").
			set("pattern", SortPattern(r.Resource)).
			set("default", "id")).
		set("example", example)
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "`" + n + "`"
	}
	return out
}

func filterParam(r resource, f model.Field) *omap {
	s := newMap()
	switch f.Type {
	case model.String:
		s.set("type", "string").set("pattern", NoNUL)
	case model.Int:
		s.set("type", "integer").set("format", "int64").
			set("minimum", int64(-model.MaxSafeInt)).set("maximum", int64(model.MaxSafeInt))
	case model.Bool:
		s.set("type", "boolean")
	case model.Enum:
		s.set("type", "string").set("enum", f.Values)
	case model.Date:
		s.set("type", "string").set("format", "date").set("pattern", DatePattern)
	}
	return newMap().
		set("name", f.Name).
		set("in", "query").
		set("description", fmt.Sprintf("Only the %s whose `%s` equals this value.", r.P.Words, f.Name)).
		set("schema", s).
		set("example", f.Valid(0))
}

func createOp(r resource) *omap {
	return newMap().
		set("tags", []string{tagName(r)}).
		set("operationId", "create"+r.S.Pascal).
		set("summary", "Create "+article(r.S.Words)+" "+r.S.Words).
		set("description", fmt.Sprintf("Send the fields of the new %s; the server adds `id`, `created_at` and "+
			"`updated_at`. A field you leave out gets its default, or null.", r.S.Words)).
		set("requestBody", newMap().
			set("required", true).
			set("description", "The new "+r.S.Words).
			set("content", newMap().set(appJSON, newMap().set("schema", ref(schemasPrefix+r.S.Pascal+"Create"))))).
		set("responses", newMap().
			set("201", newMap().
				set("description", "The created "+r.S.Words).
				set("headers", newMap().set("Location", newMap().
					set("description", "The URL of the new "+r.S.Words).
					set("schema", newMap().set("type", "string").set("format", "uri-reference")))).
				set("content", newMap().set(appJSON, newMap().set("schema", ref(schemasPrefix+r.S.Pascal))))).
			set("400", responseRef("BadRequest")).
			set("409", responseRef("Conflict")).
			set("413", responseRef("PayloadTooLarge")).
			set("415", responseRef("UnsupportedMediaType")).
			set("422", responseRef("ValidationFailed")).
			set("500", responseRef("InternalError")))
}

func getOp(r resource) *omap {
	return newMap().
		set("tags", []string{tagName(r)}).
		set("operationId", "get"+r.S.Pascal).
		set("summary", "Get one "+r.S.Words).
		set("responses", newMap().
			set("200", jsonResponse("The "+r.S.Words, ref(schemasPrefix+r.S.Pascal))).
			set("404", responseRef("NotFound")).
			set("500", responseRef("InternalError")))
}

func writeResponses(r resource, what string) *omap {
	return newMap().
		set("200", jsonResponse("The "+what+" "+r.S.Words, ref(schemasPrefix+r.S.Pascal))).
		set("400", responseRef("BadRequest")).
		set("404", responseRef("NotFound")).
		set("409", responseRef("Conflict")).
		set("413", responseRef("PayloadTooLarge")).
		set("415", responseRef("UnsupportedMediaType")).
		set("422", responseRef("ValidationFailed")).
		set("500", responseRef("InternalError"))
}

func replaceOp(r resource) *omap {
	return newMap().
		set("tags", []string{tagName(r)}).
		set("operationId", "replace"+r.S.Pascal).
		set("summary", "Replace "+article(r.S.Words)+" "+r.S.Words).
		set("description", fmt.Sprintf("Send the whole %s, with the same rules as when creating one: "+
			"a field you leave out gets its default, or null. `updated_at` changes; `id` and `created_at` do not.", r.S.Words)).
		set("requestBody", newMap().
			set("required", true).
			set("description", "The "+r.S.Words+" as it should be from now on").
			set("content", newMap().set(appJSON, newMap().set("schema", ref(schemasPrefix+r.S.Pascal+"Create"))))).
		set("responses", writeResponses(r, "replaced"))
}

func updateOp(r resource) *omap {
	schema := ref(schemasPrefix + r.S.Pascal + "Patch")
	return newMap().
		set("tags", []string{tagName(r)}).
		set("operationId", "update"+r.S.Pascal).
		set("summary", "Change some fields of "+article(r.S.Words)+" "+r.S.Words).
		set("description", "A JSON merge patch (RFC 7396): send only the fields to change. A field you leave out "+
			"keeps its value; null clears a field that may be empty. `{}` changes nothing.").
		set("requestBody", newMap().
			set("required", true).
			set("description", "The fields to change").
			set("content", newMap().
				set(mergePatch, newMap().set("schema", schema)).
				set(appJSON, newMap().set("schema", schema)))).
		set("responses", writeResponses(r, "changed"))
}

func deleteOp(r resource) *omap {
	return newMap().
		set("tags", []string{tagName(r)}).
		set("operationId", "delete"+r.S.Pascal).
		set("summary", "Delete "+article(r.S.Words)+" "+r.S.Words).
		set("description", "Its id is never given to another "+r.S.Words+".").
		set("responses", newMap().
			set("204", newMap().set("description", "Deleted; there is no body")).
			set("404", responseRef("NotFound")).
			set("500", responseRef("InternalError")))
}

func components(rs []resource, p Project) *omap {
	idSchema := newMap().set("type", "string")
	idDesc := "The id the server gave the item when it created it."
	if p.IntegerIDs {
		idDesc += " Ids are whole numbers such as 42; anything else finds nothing (404)."
	} else {
		idDesc += " Ids are 24 hexadecimal digits (a MongoDB ObjectId); anything else finds nothing (404)."
	}
	params := newMap().
		set("Id", newMap().
			set("name", "id").set("in", "path").set("required", true).
			set("description", idDesc).
			set("schema", idSchema)).
		set("Limit", newMap().
			set("name", "limit").set("in", "query").
			set("description", fmt.Sprintf("How many items to return, %d to %d.", 1, MaxLimit)).
			set("schema", newMap().set("type", "integer").set("minimum", 1).set("maximum", MaxLimit).set("default", DefaultLimit))).
		set("Offset", newMap().
			set("name", "offset").set("in", "query").
			set("description", "How many items to skip before the first one returned.").
			set("schema", newMap().set("type", "integer").set("format", "int64").
				set("minimum", 0).set("maximum", int64(MaxOffset)).set("default", 0)))

	schemas := newMap().
		set("Health", newMap().
			set("type", "object").
			set("required", []string{"status"}).
			set("properties", newMap().set("status", newMap().
				set("type", "string").
				set("enum", []string{"ok", "unavailable"}).
				set("description", "`ok` when the database answers")))).
		set("Problem", problemSchema(false)).
		set("ValidationProblem", problemSchema(true))
	for _, r := range rs {
		schemas.set(r.S.Pascal, publicSchema(r, p))
		schemas.set(r.S.Pascal+"Create", createSchema(r))
		schemas.set(r.S.Pascal+"Patch", patchSchema(r))
		schemas.set(r.S.Pascal+"List", listSchema(r))
	}

	problem := func(desc string) *omap {
		return newMap().set("description", desc).
			set("content", newMap().set(problemJSON, newMap().set("schema", ref(schemasPrefix+"Problem"))))
	}
	responses := newMap().
		set("BadRequest", problem("The request is malformed: a query parameter that is not allowed (or given twice), "+
			"a body that is not valid JSON or not an object, nested too deeply, or with data after it.")).
		set("NotFound", problem("There is no item with this id.")).
		set("Conflict", problem("Another item already has this value in a field that must be unique.")).
		set("PayloadTooLarge", problem(fmt.Sprintf("The body is larger than %d bytes (1 MiB).", MaxBody))).
		set("UnsupportedMediaType", problem("The body is not JSON: send `Content-Type: application/json`.")).
		set("ValidationFailed", newMap().
			set("description", "The body is JSON but breaks the resource's rules; `errors` names every field at fault "+
				"(or the unknown key).").
			set("content", newMap().set(problemJSON, newMap().set("schema", ref(schemasPrefix+"ValidationProblem"))))).
		set("InternalError", problem("Something went wrong on the server; the details are in its log, never in the answer."))
	return newMap().
		set("parameters", params).
		set("schemas", schemas).
		set("responses", responses)
}

func problemSchema(validation bool) *omap {
	props := newMap().
		set("type", newMap().set("type", "string").set("format", "uri-reference").
			set("description", "A URI that names the kind of problem; `about:blank` when the status says it all.")).
		set("title", newMap().set("type", "string").set("description", "A short summary of the kind of problem.")).
		set("status", newMap().set("type", "integer").set("minimum", 400).set("maximum", 599).
			set("description", "The HTTP status code.")).
		set("detail", newMap().set("type", "string").set("description", "What went wrong with this request."))
	required := []string{"type", "title", "status", "detail"}
	desc := "An error, as RFC 9457 problem details."
	if validation {
		desc = "A validation error: the problem details, and one entry per field at fault."
		required = append(required, "errors")
		props.set("errors", newMap().
			set("type", "array").
			set("minItems", 1).
			set("items", newMap().
				set("type", "object").
				set("required", []string{"field", "message"}).
				set("properties", newMap().
					set("field", newMap().set("type", "string").set("description", "The field (or unknown key) at fault.")).
					set("message", newMap().set("type", "string").set("description", "What is wrong with it.")))))
	}
	return newMap().
		set("type", "object").
		set("description", desc).
		set("required", required).
		set("properties", props)
}

// direction is which schema a field schema is for.
type direction int

const (
	public direction = iota // the object as the server returns it
	create                  // a POST or PUT body
	patch                   // a PATCH body
)

func publicSchema(r resource, p Project) *omap {
	props := newMap()
	id := newMap().set("description", "Given by the server; never reused.")
	if p.IntegerIDs {
		id.set("type", "integer").set("format", "int64").set("minimum", 1).set("examples", flow{1})
	} else {
		id.set("type", "string").set("pattern", ObjectIDPattern).set("examples", flow{"665f1c2e9b1e8a3d4c5b6a79"})
	}
	props.set("id", id)
	required := []string{"id"}
	for _, f := range r.Fields {
		props.set(f.Name, fieldSchema(f, public))
		required = append(required, f.Name)
	}
	props.set("created_at", newMap().set("type", "string").set("format", "date-time").
		set("description", "When the server created it, in UTC; it never changes."))
	props.set("updated_at", newMap().set("type", "string").set("format", "date-time").
		set("description", "When it last changed, in UTC."))
	required = append(required, "created_at", "updated_at")
	return newMap().
		set("type", "object").
		set("description", fmt.Sprintf("%s %s as the server returns it: every key is always present.", cap1(article(r.S.Words)), r.S.Words)).
		set("required", required).
		set("properties", props)
}

func createSchema(r resource) *omap {
	props := newMap()
	var required []string
	for _, f := range r.Fields {
		props.set(f.Name, fieldSchema(f, create))
		if f.Required {
			required = append(required, f.Name)
		}
	}
	s := newMap().
		set("type", "object").
		set("description", fmt.Sprintf("The body that creates (POST) or replaces (PUT) %s %s. "+
			"A field left out gets its default, or null; a key not listed here is refused.", article(r.S.Words), r.S.Words))
	if len(required) > 0 {
		s.set("required", required)
	}
	return s.set("properties", props).set("additionalProperties", false)
}

func patchSchema(r resource) *omap {
	props := newMap()
	for _, f := range r.Fields {
		props.set(f.Name, fieldSchema(f, patch))
	}
	return newMap().
		set("type", "object").
		set("description", fmt.Sprintf("A JSON merge patch of %s %s: only the fields to change, all optional. "+
			"null clears a field that may be empty; a key not listed here is refused.", article(r.S.Words), r.S.Words)).
		set("properties", props).
		set("additionalProperties", false)
}

func listSchema(r resource) *omap {
	return newMap().
		set("type", "object").
		set("description", "One page of "+r.P.Words+".").
		set("required", []string{"items", "total", "limit", "offset"}).
		set("properties", newMap().
			set("items", newMap().set("type", "array").set("items", ref(schemasPrefix+r.S.Pascal))).
			set("total", newMap().set("type", "integer").set("format", "int64").set("minimum", 0).
				set("description", fmt.Sprintf("How many %s match the filters, on every page together.", r.P.Words))).
			set("limit", newMap().set("type", "integer").set("minimum", 1).set("maximum", MaxLimit).
				set("description", "The page size used.")).
			set("offset", newMap().set("type", "integer").set("format", "int64").set("minimum", 0).set("maximum", int64(MaxOffset)).
				set("description", "How many items were skipped.")))
}

func cap1(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// fieldSchema is the JSON schema of one field in one direction.
func fieldSchema(f model.Field, dir direction) *omap {
	s := newMap()
	base := map[model.Type]string{
		model.String: "string", model.Text: "string", model.Int: "integer", model.Float: "number",
		model.Bool: "boolean", model.Date: "string", model.DateTime: "string", model.Enum: "string",
	}[f.Type]
	if f.Nullable() {
		s.set("type", flow{base, "null"})
	} else {
		s.set("type", base)
	}
	switch f.Type {
	case model.Int:
		s.set("format", "int64")
	case model.Float:
		s.set("format", "double")
	case model.Date:
		s.set("format", "date")
	case model.DateTime:
		s.set("format", "date-time")
	}
	s.set("description", fieldDescription(f, dir))
	switch f.Type {
	case model.String, model.Text:
		if v, ok := f.MinInt(); ok && v > 0 {
			s.set("minLength", v)
		}
		if v, ok := f.MaxInt(); ok {
			s.set("maxLength", v)
		}
		if f.Required {
			s.set("pattern", notBlankPlaceholder)
		} else {
			s.set("pattern", NoNUL)
		}
	case model.Int:
		// Whole numbers JSON carries exactly (RFC 7493), unless the model is stricter.
		lo, hi := int64(-model.MaxSafeInt), int64(model.MaxSafeInt)
		if v, ok := f.MinInt(); ok {
			lo = v
		}
		if v, ok := f.MaxInt(); ok {
			hi = v
		}
		s.set("minimum", lo).set("maximum", hi)
	case model.Float:
		if f.Min != nil {
			s.set("minimum", *f.Min)
		}
		if f.Max != nil {
			s.set("maximum", *f.Max)
		}
	case model.Date:
		s.set("pattern", DatePattern)
	case model.DateTime:
		if dir != public {
			s.set("pattern", DateTimePattern)
		}
	case model.Enum:
		values := flow{}
		for _, v := range f.Values {
			values = append(values, v)
		}
		if f.Nullable() {
			values = append(values, null{})
		}
		s.set("enum", values)
	}
	if dir == create && f.HasDefault() {
		s.set("default", f.Default)
	}
	if dir != patch {
		s.set("examples", flow{f.Valid(0)})
	}
	return s
}

// fieldDescription says a field's rules in a sentence or two.
func fieldDescription(f model.Field, dir direction) string {
	var parts []string
	switch f.Type {
	case model.String, model.Text:
		mn, hasMin := f.MinInt()
		mx, hasMax := f.MaxInt()
		kind := "Text"
		if f.Type == model.Text {
			kind = "Long text"
		}
		switch {
		case hasMin && mn > 0 && hasMax:
			parts = append(parts, fmt.Sprintf("%s of %d to %d characters", kind, mn, mx))
		case hasMax:
			parts = append(parts, fmt.Sprintf("%s of at most %d characters", kind, mx))
		case hasMin && mn > 0:
			parts = append(parts, fmt.Sprintf("%s of at least %d characters", kind, mn))
		default:
			parts = append(parts, kind)
		}
		if f.Required {
			parts[0] += ", not blank"
		}
	case model.Int:
		parts = append(parts, "A whole number"+bounds(f))
	case model.Float:
		parts = append(parts, "A number"+bounds(f))
	case model.Bool:
		parts = append(parts, "true or false")
	case model.Date:
		parts = append(parts, "A date, YYYY-MM-DD")
	case model.DateTime:
		if dir == public {
			parts = append(parts, "A date and time in UTC (RFC 3339)")
		} else {
			parts = append(parts, "A date and time with its zone (RFC 3339, e.g. 2024-05-31T14:30:00Z); the server answers it in UTC")
		}
	case model.Enum:
		parts = append(parts, "One of "+strings.Join(f.Values, ", "))
	}
	if dir != public {
		switch {
		case f.Required && dir == patch:
			parts = append(parts, "it cannot be cleared")
		case f.Required:
			parts = append(parts, "required")
		case f.HasDefault() && dir == create:
			parts = append(parts, fmt.Sprintf("%v when left out", defaultText(f.Default)))
		case f.HasDefault():
			parts = append(parts, "it cannot be null")
		default:
			parts = append(parts, "null or left out for no value")
		}
	} else if f.Nullable() {
		parts = append(parts, "null when it has no value")
	}
	if f.Unique {
		parts = append(parts, "no two items may share it (409)")
	}
	return strings.Join(parts, "; ") + "."
}

func defaultText(v any) string {
	if x, ok := v.(float64); ok {
		return formatFloat(x)
	}
	return fmt.Sprint(v)
}

func bounds(f model.Field) string {
	switch {
	case f.Min != nil && f.Max != nil:
		return fmt.Sprintf(" from %s to %s", formatFloat(*f.Min), formatFloat(*f.Max))
	case f.Min != nil:
		return " of at least " + formatFloat(*f.Min)
	case f.Max != nil:
		return " of at most " + formatFloat(*f.Max)
	}
	return ""
}
