package e2e

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// The mutation depth (SCAFFOLD_E2E=mutation, issue 17) generates, for every
// blueprint whose manifest has a mutation command, its SQLite projects over
// REST and SOAP (with SCAFFOLD_E2E_MODEL's models, default unless set), runs
// the project's setup and its documented mutation command, and reads the
// tool's own report:
//
//	SCAFFOLD_E2E=mutation go test ./generator/e2e/ -run TestE2E -v -timeout 3h
//
// A combination passes when its efficacy, killed / (killed + survived), and
// its coverage, the share of mutants some test runs, are both at least
// mutationBar. SCAFFOLD_E2E_MUTATION_PICK (CI passes the commit hash) keeps one
// combination per language family, chosen from that text, so that over many
// commits every blueprint, API style and model is exercised.

// mutationBar is the least efficacy and coverage a generated project's tests reach.
const mutationBar = 0.85

// mutationTimeout bounds one project's mutation run.
const mutationTimeout = 40 * time.Minute

// mutationScore counts a report's mutants by outcome. A mutant that timed out
// counts as killed (the tests did not pass with it), as every tool counts it;
// mutants that do not compile or were ignored inline count in none.
type mutationScore struct {
	Killed, Survived, NoCoverage int
}

func (s mutationScore) efficacy() float64 {
	if s.Killed+s.Survived == 0 {
		return 0
	}
	return float64(s.Killed) / float64(s.Killed+s.Survived)
}

func (s mutationScore) coverage() float64 {
	all := s.Killed + s.Survived + s.NoCoverage
	if all == 0 {
		return 0
	}
	return float64(s.Killed+s.Survived) / float64(all)
}

// check reports why s misses the bar, or nil.
func (s mutationScore) check() error {
	if s.Killed+s.Survived+s.NoCoverage == 0 {
		return errors.New("the report counts no mutant at all")
	}
	var short []string
	if s.efficacy() < mutationBar {
		short = append(short, fmt.Sprintf("efficacy %.1f%%", 100*s.efficacy()))
	}
	if s.coverage() < mutationBar {
		short = append(short, fmt.Sprintf("coverage %.1f%%", 100*s.coverage()))
	}
	if len(short) > 0 {
		return fmt.Errorf("%s below the bar of %.0f%% (killed %d, survived %d, no coverage %d)",
			strings.Join(short, " and "), 100*mutationBar, s.Killed, s.Survived, s.NoCoverage)
	}
	return nil
}

var scoreColumns = []string{"killed", "survived", "no coverage", "efficacy", "coverage"}

func (s *mutationScore) cells() []string {
	if s == nil {
		return []string{"-", "-", "-", "-", "-"}
	}
	return []string{fmt.Sprint(s.Killed), fmt.Sprint(s.Survived), fmt.Sprint(s.NoCoverage),
		fmt.Sprintf("%.1f%%", 100*s.efficacy()), fmt.Sprintf("%.1f%%", 100*s.coverage())}
}

// mutationReports names, per language, where the project's mutation command
// leaves its tool's report, and how to read it.
var mutationReports = map[string]struct {
	path  string
	parse func([]byte) (mutationScore, error)
}{
	"go":         {"mutation-report.json", parseGremlins},
	"python":     {filepath.Join("mutants", "mutmut-cicd-stats.json"), parseMutmut},
	"java":       {filepath.Join("target", "pit-reports", "mutations.xml"), parsePIT},
	"javascript": {filepath.Join("reports", "mutation", "mutation.json"), parseStryker},
	"typescript": {filepath.Join("reports", "mutation", "mutation.json"), parseStryker},
}

// readMutationReport reads the report the mutation command of a project in
// language left in dir.
func readMutationReport(language, dir string) (mutationScore, error) {
	rep, ok := mutationReports[language]
	if !ok {
		return mutationScore{}, fmt.Errorf("no mutation report format is known for %s", language)
	}
	data, err := os.ReadFile(filepath.Join(dir, rep.path))
	if err != nil {
		return mutationScore{}, fmt.Errorf("the mutation command left no report: %w", err)
	}
	s, err := rep.parse(data)
	if err != nil {
		return s, fmt.Errorf("read %s: %w", rep.path, err)
	}
	return s, nil
}

// parseGremlins reads gremlins' --output JSON, counting each mutation's status.
func parseGremlins(data []byte) (mutationScore, error) {
	var doc struct {
		Files []struct {
			Mutations []struct {
				Status string `json:"status"`
			} `json:"mutations"`
		} `json:"files"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return mutationScore{}, err
	}
	var s mutationScore
	for _, f := range doc.Files {
		for _, m := range f.Mutations {
			switch m.Status {
			case "KILLED", "TIMED OUT":
				s.Killed++
			case "LIVED":
				s.Survived++
			case "NOT COVERED":
				s.NoCoverage++
			}
		}
	}
	return s, nil
}

// parseMutmut reads mutmut's export-cicd-stats JSON.
func parseMutmut(data []byte) (mutationScore, error) {
	var doc struct {
		Killed     *int `json:"killed"`
		Survived   int  `json:"survived"`
		NoTests    int  `json:"no_tests"`
		Timeout    int  `json:"timeout"`
		Suspicious int  `json:"suspicious"`
		Segfault   int  `json:"segfault"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return mutationScore{}, err
	}
	if doc.Killed == nil {
		return mutationScore{}, errors.New("no \"killed\" count: not mutmut's export-cicd-stats output")
	}
	return mutationScore{Killed: *doc.Killed + doc.Timeout + doc.Segfault, Survived: doc.Survived + doc.Suspicious, NoCoverage: doc.NoTests}, nil
}

// parsePIT reads PIT's mutations.xml.
func parsePIT(data []byte) (mutationScore, error) {
	var doc struct {
		XMLName   xml.Name `xml:"mutations"`
		Mutations []struct {
			Status string `xml:"status,attr"`
		} `xml:"mutation"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return mutationScore{}, err
	}
	var s mutationScore
	for _, m := range doc.Mutations {
		switch m.Status {
		case "KILLED", "TIMED_OUT", "MEMORY_ERROR":
			s.Killed++
		case "SURVIVED":
			s.Survived++
		case "NO_COVERAGE":
			s.NoCoverage++
		}
	}
	return s, nil
}

// parseStryker reads Stryker's mutation-testing-report-schema JSON.
func parseStryker(data []byte) (mutationScore, error) {
	var doc struct {
		Files map[string]struct {
			Mutants []struct {
				Status string `json:"status"`
			} `json:"mutants"`
		} `json:"files"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return mutationScore{}, err
	}
	var s mutationScore
	for _, f := range doc.Files {
		for _, m := range f.Mutants {
			switch m.Status {
			case "Killed", "Timeout":
				s.Killed++
			case "Survived":
				s.Survived++
			case "NoCoverage":
				s.NoCoverage++
			}
		}
	}
	return s, nil
}

// family is the language family a blueprint belongs to: JavaScript and
// TypeScript are both Node.
func family(language string) string {
	if language == "javascript" || language == "typescript" {
		return "node"
	}
	return language
}

// selectMutation picks the mutation depth's combinations: every blueprint with
// a mutation command, SQLite, each API style, each of the models; with a pick,
// one of them per family, chosen by a hash of pick.
func selectMutation(bps []blueprint, models string, only *regexp.Regexp, pick string) []combo {
	ms := []string{modelDefault}
	switch models {
	case modelRich:
		ms = []string{modelRich}
	case modelBoth, modelSpread:
		ms = []string{modelDefault, modelRich}
	}
	byFamily := map[string][]combo{}
	var out []combo
	for _, bp := range bps {
		if bp.Commands.Mutation == "" || !bp.v2() {
			continue
		}
		for _, api := range bp.APIs {
			for _, m := range ms {
				c := combo{Blueprint: bp, DB: "sqlite", API: api, Model: m}
				if only != nil && !only.MatchString(c.Name()) {
					continue
				}
				out = append(out, c)
				byFamily[family(bp.Language)] = append(byFamily[family(bp.Language)], c)
			}
		}
	}
	if pick == "" {
		return out
	}
	families := make([]string, 0, len(byFamily))
	for f := range byFamily {
		families = append(families, f)
	}
	sort.Strings(families)
	out = out[:0]
	for _, f := range families {
		h := fnv.New32a()
		h.Write([]byte(pick + "/" + f))
		cs := byFamily[f]
		out = append(out, cs[int(h.Sum32()%uint32(len(cs)))])
	}
	return out
}
