// Package apispec renders a project's API description from the learner's
// model: api/openapi.yaml (OpenAPI 3.1) for REST projects and
// api/service.wsdl (WSDL 1.1, document/literal wrapped) for SOAP projects.
// Both follow the API contract of DESIGN.md §5; the generated services serve
// these files as they are and never write their own.
//
// The output is deterministic: the same model and project give the same
// bytes, so golden trees stay stable.
package apispec

import (
	"errors"
	"strings"
	"unicode"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// Project is what the specs need to know about the project besides its model.
type Project struct {
	Name        string // the project's name as given, e.g. shelf
	PascalName  string // the name in PascalCase (ShelfApi), for WSDL names; from Name when empty
	Description string // one sentence, without a final full stop
	License     string // SPDX identifier; "" or "none" for no licence
	Port        int    // the port the service listens on by default
	Namespace   string // the SOAP target namespace
	IntegerIDs  bool   // ids are integers (SQL databases); else 24-hex strings (MongoDB)
}

// Version is the version of the API that both documents state.
const Version = "0.1.0"

func check(m *model.Model, p Project) error {
	if m == nil || len(m.Resources) == 0 {
		return errors.New("the model has no resources")
	}
	if p.Name == "" {
		return errors.New("the project has no name")
	}
	return nil
}

func (p Project) pascal() string {
	if p.PascalName != "" {
		return p.PascalName
	}
	return nameOf(p.Name).Pascal
}

func (p Project) hasLicense() bool { return p.License != "" && p.License != "none" }

// names are the spellings of one snake_case model name.
type names struct {
	Snake, Kebab, Camel, Pascal string
	Words                       string // lower-case words: "published on"
}

// nameOf spells a snake_case name (model names are always snake_case) the
// way generator.NewName does; it also splits at '-', ' ' and '.'.
func nameOf(snake string) names {
	words := strings.FieldsFunc(strings.ToLower(snake), func(r rune) bool { return strings.ContainsRune("_- .", r) })
	title := make([]string, len(words))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		title[i] = string(r)
	}
	n := names{
		Snake:  strings.Join(words, "_"),
		Kebab:  strings.Join(words, "-"),
		Pascal: strings.Join(title, ""),
		Words:  strings.Join(words, " "),
	}
	if len(words) > 0 {
		n.Camel = words[0] + strings.Join(title[1:], "")
	}
	return n
}

// resource is a model resource with the names the specs use.
type resource struct {
	model.Resource
	S, P names
}

func resources(m *model.Model) []resource {
	out := make([]resource, len(m.Resources))
	for i, r := range m.Resources {
		plural := r.Plural
		if plural == "" {
			plural = model.Plural(r.Name)
		}
		out[i] = resource{Resource: r, S: nameOf(r.Name), P: nameOf(plural)}
	}
	return out
}

// article is "a" or "an" for a word, as a learner would say it.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}
