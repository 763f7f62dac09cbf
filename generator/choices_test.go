package generator

import (
	"testing"
)

func TestSuggest(t *testing.T) {
	t.Parallel()
	langs := []Choice{{ID: "go", Names: []string{"Go"}}, {ID: "python", Names: []string{"Python"}},
		{ID: "javascript", Names: []string{"JavaScript (Node.js)"}}, {ID: "typescript", Names: []string{"TypeScript (Node.js)"}}, {ID: "java", Names: []string{"Java"}}}
	dbs := []Choice{{ID: "sqlite", Names: []string{"SQLite"}}, {ID: "postgres", Names: []string{"PostgreSQL"}},
		{ID: "mysql", Names: []string{"MySQL"}}, {ID: "mariadb", Names: []string{"MariaDB"}}, {ID: "mongodb", Names: []string{"MongoDB"}}}
	fws := []Choice{{ID: "nethttp", Names: []string{"net/http (standard library)"}}, {ID: "chi", Names: []string{"chi"}}, {ID: "gin", Names: []string{"Gin"}}, {ID: "echo", Names: []string{"Echo"}}}
	tests := []struct {
		typed   string
		choices []Choice
		want    string
	}{
		{"pyhton", langs, "python"},
		{"Pyton", langs, "python"},
		{"javascrpt", langs, "javascript"},
		{"typscript", langs, "typescript"},
		{"golang", langs, "go"},
		{"jav", langs, "java"},
		{"cobol", langs, ""},
		{"rust", langs, ""},
		{"", langs, ""},
		{"postgresql", dbs, "postgres"},
		{"postgress", dbs, "postgres"},
		{"mongo", dbs, "mongodb"},
		{"sqllite", dbs, "sqlite"},
		{"maria", dbs, "mariadb"},
		{"oracle", dbs, ""},
		{"net/http", fws, "nethttp"},
		{"gn", fws, "gin"},
		{"rails", fws, ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.typed, tt.choices); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

func TestCanonicalize(t *testing.T) {
	t.Parallel()
	cat := testCatalog(t)
	o := Options{Language: "GO", Framework: "Std", Database: "PostGres", API: "Soap", License: "mit"}
	o.Canonicalize(cat)
	want := Options{Language: "go", Framework: "std", Database: "postgres", API: "soap", License: "MIT"}
	if o != want {
		t.Errorf("Canonicalize = %+v, want %+v", o, want)
	}
	o = Options{Language: "pyhton", Database: "oracle"}
	o.Canonicalize(cat)
	if o.Language != "pyhton" || o.Database != "oracle" {
		t.Errorf("an unknown value was changed: %+v", o)
	}
}
