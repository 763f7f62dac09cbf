package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestParseMutationReports(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		parse func([]byte) (mutationScore, error)
		doc   string
		want  mutationScore
	}{
		{"gremlins", parseGremlins, `{"go_module":"x","mutants_killed":99,"files":[{"file_name":"a.go","mutations":[
			{"status":"KILLED"},{"status":"KILLED"},{"status":"TIMED OUT"},{"status":"LIVED"},{"status":"NOT COVERED"},{"status":"NOT VIABLE"}]},
			{"file_name":"b.go","mutations":[{"status":"LIVED"}]}]}`, mutationScore{3, 2, 1}},
		{"mutmut", parseMutmut, `{"killed": 40, "survived": 5, "total": 52, "no_tests": 4, "skipped": 1, "suspicious": 1, "timeout": 2, "check_was_interrupted_by_user": 0, "segfault": 0}`,
			mutationScore{42, 6, 4}},
		{"pit", parsePIT, `<?xml version="1.0" encoding="UTF-8"?><mutations partial="false">
			<mutation detected="true" status="KILLED" numberOfTestsRun="2"><sourceFile>A.java</sourceFile></mutation>
			<mutation detected="true" status="TIMED_OUT"/><mutation detected="false" status="SURVIVED"/>
			<mutation detected="false" status="NO_COVERAGE"/><mutation detected="false" status="NO_COVERAGE"/>
			<mutation detected="false" status="RUN_ERROR"/></mutations>`, mutationScore{2, 1, 2}},
		{"stryker", parseStryker, `{"schemaVersion":"2","thresholds":{"high":80,"low":60},"files":{
			"src/a.ts":{"language":"typescript","mutants":[{"id":"1","status":"Killed"},{"id":"2","status":"Survived"},{"id":"3","status":"Timeout"}]},
			"src/b.ts":{"language":"typescript","mutants":[{"id":"4","status":"NoCoverage"},{"id":"5","status":"CompileError"},{"id":"6","status":"Ignored"}]}}}`,
			mutationScore{2, 1, 1}},
	} {
		got, err := tc.parse([]byte(tc.doc))
		if err != nil || got != tc.want {
			t.Errorf("%s: got %+v, %v; want %+v", tc.name, got, err, tc.want)
		}
	}
	if _, err := parseMutmut([]byte(`{"survived": 1}`)); err == nil {
		t.Error("mutmut: a document without a killed count was accepted")
	}
	if _, err := parsePIT([]byte(`<report/>`)); err == nil {
		t.Error("pit: a document that is not <mutations> was accepted")
	}
}

func TestMutationBar(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s    mutationScore
		want string // a substring of the error; "" for none
	}{
		{mutationScore{Killed: 85, Survived: 15, NoCoverage: 17}, ""},
		{mutationScore{Killed: 84, Survived: 16, NoCoverage: 0}, "efficacy 84.0%"},
		{mutationScore{Killed: 90, Survived: 0, NoCoverage: 20}, "coverage 81.8%"},
		{mutationScore{Killed: 50, Survived: 50, NoCoverage: 100}, "efficacy 50.0% and coverage 50.0%"},
		{mutationScore{}, "no mutant"},
	} {
		err := tc.s.check()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: %v", tc.s, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%+v: got %v, want an error with %q", tc.s, err, tc.want)
		}
	}
}

func TestSelectMutation(t *testing.T) {
	t.Parallel()
	mut := commands{Run: "run", Mutation: "mutate"}
	bps := []blueprint{
		{Name: "go-a", Language: "go", Databases: []string{"sqlite", "postgres"}, APIs: []string{"rest", "soap"}, Commands: mut, Contract: "v2"},
		{Name: "go-b", Language: "go", Databases: []string{"sqlite"}, APIs: []string{"rest", "soap"}, Commands: mut, Contract: "v2"},
		{Name: "py-a", Language: "python", Databases: []string{"sqlite"}, APIs: []string{"rest", "soap"}, Commands: mut, Contract: "v2"},
		{Name: "ts-a", Language: "typescript", Databases: []string{"sqlite"}, APIs: []string{"rest"}, Commands: mut, Contract: "v2"},
		{Name: "js-a", Language: "javascript", Databases: []string{"sqlite"}, APIs: []string{"rest"}, Commands: mut, Contract: "v2"},
		{Name: "java-none", Language: "java", Databases: []string{"sqlite"}, APIs: []string{"rest"}, Commands: commands{Run: "run"}, Contract: "v2"},
	}
	all := selectMutation(bps, "", nil, "")
	if got := strings.Join(names(all), " "); got != "go-a/sqlite/rest/default go-a/sqlite/soap/default go-b/sqlite/rest/default go-b/sqlite/soap/default py-a/sqlite/rest/default py-a/sqlite/soap/default ts-a/sqlite/rest/default js-a/sqlite/rest/default" {
		t.Errorf("every blueprint with a mutation command, SQLite, each API: got %s", got)
	}
	if got := len(selectMutation(bps, modelBoth, nil, "")); got != 16 {
		t.Errorf("both models: got %d combinations, want 16", got)
	}
	if got := names(selectMutation(bps, "", regexp.MustCompile(`^py-`), "")); len(got) != 2 {
		t.Errorf("SCAFFOLD_E2E_ONLY: got %v", got)
	}
	// A pick keeps one combination per family (go, node, python), and
	// different picks reach different combinations.
	seen := map[string]bool{}
	for _, pick := range []string{"a1", "b2", "c3", "d4", "e5", "f6", "0123abc", "ffee99"} {
		got := selectMutation(bps, modelBoth, nil, pick)
		if len(got) != 3 {
			t.Fatalf("pick %s: got %v, want one per family", pick, names(got))
		}
		fams := map[string]bool{}
		for _, c := range got {
			fams[family(c.Blueprint.Language)] = true
			seen[c.Name()] = true
		}
		if len(fams) != 3 {
			t.Errorf("pick %s: %v is not one per family", pick, names(got))
		}
		if again := names(selectMutation(bps, modelBoth, nil, pick)); strings.Join(again, " ") != strings.Join(names(got), " ") {
			t.Errorf("pick %s is not stable: %v then %v", pick, names(got), again)
		}
	}
	if len(seen) < 6 {
		t.Errorf("eight picks reached only %d combinations: %v", len(seen), seen)
	}
}

func TestFormatMutationTable(t *testing.T) {
	t.Parallel()
	out := formatTable([]result{
		{Combo: "go-a/sqlite/rest/default", Total: 90 * time.Second, Score: &mutationScore{Killed: 85, Survived: 15, NoCoverage: 5},
			Steps: map[string]stepResult{"new": {"ok", time.Second}, "setup": {"ok", 2 * time.Second}, "mutation": {"ok", 80 * time.Second}}},
		{Combo: "py-a/sqlite/soap/rich", Total: 9 * time.Second,
			Steps: map[string]stepResult{"new": {"ok", time.Second}, "setup": {"FAIL", 8 * time.Second}, "mutation": {}}},
	}, 99*time.Second)
	t.Log("\n" + out)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("want header, rule, 2 rows and a total line, got %d lines", len(lines))
	}
	for _, want := range []string{"mutation", "killed", "survived", "no coverage", "efficacy", "coverage"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("header lacks %q: %s", want, lines[0])
		}
	}
	if strings.Contains(lines[0], "contract") {
		t.Errorf("the mutation table shows the matrix's steps: %s", lines[0])
	}
	if !strings.Contains(lines[2], "| 85 ") || !strings.Contains(lines[2], "85.0%") || !strings.Contains(lines[2], "95.2%") || !strings.HasSuffix(lines[2], "ok") {
		t.Errorf("row 1: %s", lines[2])
	}
	if !strings.HasSuffix(lines[3], "FAIL") {
		t.Errorf("row 2: %s", lines[3])
	}
}
