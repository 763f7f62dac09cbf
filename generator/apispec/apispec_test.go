package apispec

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// models are the models every test runs over: the default task and the rich
// model of the end-to-end tests (every type and modifier).
func models(t *testing.T) map[string]*model.Model {
	t.Helper()
	out := map[string]*model.Model{"default": model.Default()}
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "models", "rich.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rich, err := model.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	out["rich"] = rich
	for name, m := range out {
		m.Normalize()
		if err := m.Validate(); err != nil {
			t.Fatalf("%s model: %v", name, err)
		}
	}
	return out
}

// projects are the project facts that change the documents: SQL or MongoDB
// ids, a licence or none.
var projects = map[string]Project{
	"sql": {Name: "shelf", Description: "A REST API for books, built with net/http and PostgreSQL",
		License: "MIT", Port: 8080, Namespace: "https://github.com/learner/shelf/soap", IntegerIDs: true},
	"mongodb": {Name: "shelf", Description: "A REST API for books, built with net/http and MongoDB",
		License: "none", Port: 3000, Namespace: "https://github.com/learner/shelf/soap"},
}

func TestNameOf(t *testing.T) {
	for _, tc := range []struct {
		in                                 string
		snake, kebab, camel, pascal, words string
	}{
		{"book", "book", "book", "book", "Book", "book"},
		{"published_on", "published_on", "published-on", "publishedOn", "PublishedOn", "published on"},
		{"user_stories", "user_stories", "user-stories", "userStories", "UserStories", "user stories"},
		{"x2_y", "x2_y", "x2-y", "x2Y", "X2Y", "x2 y"},
	} {
		got := nameOf(tc.in)
		want := names{Snake: tc.snake, Kebab: tc.kebab, Camel: tc.camel, Pascal: tc.pascal, Words: tc.words}
		if got != want {
			t.Errorf("nameOf(%q) = %+v, want %+v", tc.in, got, want)
		}
	}
}

func TestRefusesAnEmptyModel(t *testing.T) {
	for _, tc := range []struct {
		name     string
		m        *model.Model
		p        Project
		wsdlOnly bool // only the WSDL needs it
	}{
		{"nil model", nil, projects["sql"], false},
		{"no resources", &model.Model{}, projects["sql"], false},
		{"no project name", model.Default(), Project{}, false},
		{"no namespace", model.Default(), Project{Name: "shelf"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := OpenAPI(tc.m, tc.p); (err == nil) != tc.wsdlOnly {
				t.Errorf("OpenAPI: error %v", err)
			}
			if _, err := WSDL(tc.m, tc.p); err == nil {
				t.Error("WSDL: no error")
			}
		})
	}
}
