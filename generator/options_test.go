package generator

import (
	"reflect"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	t.Parallel()
	cat := testCatalog(t)
	tests := []struct {
		name    string
		change  func(o *Options)
		wantErr string // "" = valid
	}{
		{"valid", func(o *Options) {}, ""},
		{"valid without owner", func(o *Options) { o.Owner = "" }, ""},
		{"empty name", func(o *Options) { o.Name = "" }, "project name is empty"},
		{"blank name", func(o *Options) { o.Name = "   " }, "project name is empty"},
		{"65 characters", func(o *Options) { o.Name = "a" + strings.Repeat("b", 64) }, "is 65 characters long; use at most 64"},
		{"64 characters", func(o *Options) { o.Name = "a" + strings.Repeat("b", 63) }, ""},
		{"parent path", func(o *Options) { o.Name = "../x" }, "looks like a path"},
		{"absolute path", func(o *Options) { o.Name = "/abs" }, "looks like a path"},
		{"windows path", func(o *Options) { o.Name = `a\b` }, "looks like a path"},
		{"dot", func(o *Options) { o.Name = "." }, "looks like a path"},
		{"starts with digit", func(o *Options) { o.Name = "1api" }, "must start with a letter"},
		{"space", func(o *Options) { o.Name = "my api" }, "must start with a letter and use only"},
		{"unicode", func(o *Options) { o.Name = "café" }, "must start with a letter and use only"},
		{"trailing hyphen", func(o *Options) { o.Name = "api-" }, "must not end with"},
		{"unknown language", func(o *Options) { o.Language = "cobol" }, `unknown language "cobol": choose one of go, python`},
		{"unknown framework", func(o *Options) { o.Framework = "rails" }, `unknown framework "rails" for go: choose one of std`},
		{"framework of another language", func(o *Options) { o.Framework = "flask" }, `(flask is a python framework)`},
		{"unknown database", func(o *Options) { o.Database = "oracle" }, `unknown database "oracle": choose one of sqlite, postgres, mongodb`},
		{"unsupported database", func(o *Options) { o.Language, o.Framework, o.Database, o.API = "python", "flask", "mongodb", "rest" }, `py-flask does not support database "mongodb" (no maintained driver): choose one of postgres, sqlite`},
		{"unknown api", func(o *Options) { o.API = "graphql" }, `unknown API style "graphql": choose one of rest, soap`},
		{"unsupported api", func(o *Options) { o.Language, o.Framework, o.Database, o.API = "python", "flask", "sqlite", "soap" }, `py-flask does not support API style "soap": choose one of rest`},
		{"bad owner", func(o *Options) { o.Owner = "-octo" }, "not a valid GitHub user"},
		{"owner ending in a hyphen", func(o *Options) { o.Owner = "octo-" }, "not a valid GitHub user"},
		{"owner with a double hyphen", func(o *Options) { o.Owner = "octo--cat" }, "not a valid GitHub user"},
		{"owner of 39 characters", func(o *Options) { o.Owner = strings.Repeat("ab-", 12) + "abc" }, ""},
		{"owner of 40 characters", func(o *Options) { o.Owner = strings.Repeat("ab-", 12) + "abcd" }, "not a valid GitHub user"},
		{"bad module", func(o *Options) { o.Module = "not a module" }, "not a valid Go module path"},
		{"unknown licence", func(o *Options) { o.License = "WTFPL" }, `unknown licence "WTFPL": choose one of MIT, none`},
		{"licence any case", func(o *Options) { o.License = "mit" }, ""},
		{"ids any case", func(o *Options) { o.Language, o.Framework, o.Database, o.API = "Python", "Flask", "SQLite", "REST" }, ""},
		{"language typo", func(o *Options) { o.Language = "pyhton" }, `unknown language "pyhton" (did you mean python?): choose one of go, python`},
		{"database by its title", func(o *Options) { o.Database = "PostgreSQL" }, `unknown database "PostgreSQL" (did you mean postgres?)`},
		{"bad e-mail", func(o *Options) { o.AuthorEmail = "ada" }, "is not an e-mail address"},
		{"e-mail with name", func(o *Options) { o.AuthorEmail = "Ada <ada@example.com>" }, "is not an e-mail address"},
		{"bad resource", func(o *Options) { o.Model = resourceModel("Task") }, "must be snake_case"},
		{"uncountable resource", func(o *Options) { o.Model = resourceModel("sheep") }, "has no distinct plural"},
		{"no identity", func(o *Options) { o.AuthorName = "" }, "no Git identity found"},
		{"no identity without git", func(o *Options) { o.AuthorName, o.AuthorEmail, o.Git = "", "", false }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := validOptions()
			tt.change(&o)
			o.ApplyDefaults(cat)
			err := o.Validate(cat)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("Validate() = %v, want no error", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("Validate() = %v, want an error containing %q", err, tt.wantErr)
			case err != nil && strings.Contains(err.Error(), "\n"):
				t.Errorf("error %q is more than one line", err)
			}
		})
	}
}

func TestApplyDefaults(t *testing.T) {
	t.Parallel()
	cat := testCatalog(t)
	o := Options{Name: "demo", Language: "python"}
	o.ApplyDefaults(cat)
	want := Options{Name: "demo", Dir: "demo", Language: "python", Framework: "flask", Database: "postgres",
		API: "rest", License: "MIT", Model: resourceModel("task"), Module: "github.com/your-github-user/demo"}
	if !reflect.DeepEqual(o, want) {
		t.Errorf("ApplyDefaults =\n %+v\nwant\n %+v", o, want)
	}
	given := Options{Name: "demo", Dir: "x", Language: "go", Framework: "std", Database: "mongodb", API: "soap", License: "none", Model: resourceModel("note"), Module: "example.com/m", Owner: "o"}
	before := given
	given.ApplyDefaults(cat)
	if !reflect.DeepEqual(given, before) {
		t.Errorf("ApplyDefaults changed given answers: %+v", given)
	}
}
