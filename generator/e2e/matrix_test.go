package e2e

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
)

// blueprint is one entry of `scaffold list --json`.
type blueprint struct {
	Name      string   `json:"name"`
	Language  string   `json:"language"`
	Framework string   `json:"framework"`
	Databases []string `json:"databases"`
	APIs      []string `json:"apis"`
	Commands  commands `json:"commands"`
	Contract  string   `json:"contract"` // v1 or v2: the contract suite the blueprint is held to
}

// v2 reports whether the blueprint is held to contract v2 (model-driven).
func (bp blueprint) v2() bool { return bp.Contract == "v2" }

// commands are what a user runs inside the generated project; the harness runs the same.
type commands struct {
	Setup string `json:"setup"`
	Check string `json:"check"`
	Lint  string `json:"lint"`
	Test  string `json:"test"`
	Run   string `json:"run"`
	Build string `json:"build"`
	// Mutation runs the project's mutation-testing tool (the mutation depth).
	Mutation string `json:"mutation"`
}

// combo is one blueprint × database × API style (× model, for contract v2).
type combo struct {
	Blueprint blueprint
	DB, API   string
	Model     string // "default" or "rich" for a v2 blueprint; "" for v1 (always the default model)
}

// Name is how a combination is named in test names, logs and SCAFFOLD_E2E_ONLY:
// "blueprint/db/api", and "/model" after it for a v2 blueprint.
func (c combo) Name() string {
	name := c.Blueprint.Name + "/" + c.DB + "/" + c.API
	if c.Model != "" {
		name += "/" + c.Model
	}
	return name
}

func parseCatalog(data []byte) ([]blueprint, error) {
	var bps []blueprint
	if err := json.Unmarshal(data, &bps); err != nil {
		return nil, fmt.Errorf("parse scaffold list --json: %w", err)
	}
	for _, bp := range bps {
		if bp.Name == "" || len(bp.Databases) == 0 || len(bp.APIs) == 0 || bp.Commands.Run == "" {
			return nil, fmt.Errorf("blueprint %q in scaffold list --json lacks a name, databases, apis or a run command", bp.Name)
		}
	}
	return bps, nil
}

// Model choices of SCAFFOLD_E2E_MODEL; "" picks the depth's own: both for full,
// spread for ci.
const (
	modelDefault = "default"
	modelRich    = "rich"
	modelBoth    = "both"
	modelSpread  = "spread"
)

// parseModelChoice reads SCAFFOLD_E2E_MODEL.
func parseModelChoice(v, depth string) (string, error) {
	switch v {
	case "":
		if depth == "full" {
			return modelBoth, nil
		}
		return modelSpread, nil
	case modelDefault, modelRich, modelBoth, modelSpread:
		return v, nil
	}
	return "", fmt.Errorf("SCAFFOLD_E2E_MODEL=%q: want default, rich, both or spread", v)
}

// selectCombos picks the combinations for a depth:
//
//	full: every blueprint × database × API style;
//	ci:   every combination of the Go family; for every other blueprint each database
//	      once, with the API style alternating so every API style is covered too
//	      (DESIGN.md §6: every framework × every database and every framework × every API).
//
// A blueprint on contract v2 runs with the models that models names (see
// parseModelChoice): default, rich, both (each combination twice), or spread
// (DESIGN.md §6: every v2 blueprint meets the rich model on at least one
// database and both API styles, the default model on the others).
//
// only, when not nil, keeps the combinations whose name ("blueprint/db/api[/model]") it matches.
func selectCombos(bps []blueprint, depth, models string, only *regexp.Regexp) ([]combo, error) {
	if depth != "full" && depth != "ci" {
		return nil, fmt.Errorf("unknown depth %q: want ci or full", depth)
	}
	if models == "" {
		var err error
		if models, err = parseModelChoice("", depth); err != nil {
			return nil, err
		}
	}
	var out []combo
	keep := func(c combo) {
		if only == nil || only.MatchString(c.Name()) {
			out = append(out, c)
		}
	}
	shift := map[string]int{} // per language, so frameworks start on different API styles
	for _, bp := range bps {
		var base []combo
		grid := depth == "full" || bp.Language == "go"
		if grid {
			for _, db := range bp.Databases {
				for _, api := range bp.APIs {
					base = append(base, combo{Blueprint: bp, DB: db, API: api})
				}
			}
		} else {
			k := shift[bp.Language]
			shift[bp.Language]++
			covered := map[string]bool{}
			for i, db := range bp.Databases {
				api := bp.APIs[(i+k)%len(bp.APIs)]
				covered[api] = true
				base = append(base, combo{Blueprint: bp, DB: db, API: api})
			}
			for i, api := range bp.APIs { // fewer databases than API styles
				if !covered[api] {
					base = append(base, combo{Blueprint: bp, DB: bp.Databases[i%len(bp.Databases)], API: api})
				}
			}
		}
		if !bp.v2() {
			for _, c := range base {
				keep(c)
			}
			continue
		}
		richAPI := map[string]bool{}
		for _, c := range base {
			switch models {
			case modelDefault, modelRich:
				c.Model = models
				keep(c)
			case modelBoth:
				for _, m := range []string{modelDefault, modelRich} {
					c.Model = m
					keep(c)
				}
			case modelSpread:
				rich := false
				if grid {
					// The rich model on every database, alternating the API style.
					rich = (slices.Index(bp.Databases, c.DB)+slices.Index(bp.APIs, c.API))%2 == 0
				} else {
					rich = !richAPI[c.API]
				}
				if rich {
					richAPI[c.API] = true
					c.Model = modelRich
				} else {
					c.Model = modelDefault
				}
				keep(c)
			}
		}
	}
	return out, nil
}

// Step names, in the order they run and the columns of the table.
var stepNames = []string{"new", "setup", "check", "test", "start", "contract", "cors", "docs", "clients"}

type stepResult struct {
	Status string // "ok", "FAIL", "skip" (not applicable), "" (not reached)
	Time   time.Duration
}

// mutationSteps are the steps of a combination of the mutation depth.
var mutationSteps = []string{"new", "setup", "mutation"}

// result is the outcome of one combination.
type result struct {
	Combo   string
	Steps   map[string]stepResult
	Total   time.Duration
	Skipped string         // a reason when the whole combination was skipped
	Score   *mutationScore // the mutation depth's score, when its report was read
}

// steps are the step names of r's depth.
func (r result) steps() []string {
	if _, ok := r.Steps["mutation"]; ok {
		return mutationSteps
	}
	return stepNames
}

func (r result) passed() bool {
	if r.Skipped != "" {
		return false
	}
	for _, s := range r.steps() {
		if st := r.Steps[s].Status; st != "ok" && st != "skip" {
			return false
		}
	}
	return true
}

func (r result) failed() bool {
	if r.Skipped != "" {
		return false
	}
	for _, s := range r.steps() {
		if r.Steps[s].Status == "FAIL" {
			return true
		}
	}
	return !r.passed()
}

// formatTable renders the results as a plain-text table with totals.
func formatTable(results []result, wall time.Duration) string {
	rows := append([]result(nil), results...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Combo < rows[j].Combo })

	steps, mutation := stepNames, false
	for _, r := range rows {
		if _, ok := r.Steps["mutation"]; ok {
			steps, mutation = mutationSteps, true
		}
	}
	header := append([]string{"combination"}, steps...)
	if mutation {
		header = append(header, scoreColumns...)
	}
	header = append(header, "total", "result")
	table := [][]string{header}
	var passed, failed, skipped int
	var sum time.Duration
	for _, r := range rows {
		line := []string{r.Combo}
		for _, s := range steps {
			line = append(line, cell(r.Steps[s]))
		}
		if mutation {
			line = append(line, r.Score.cells()...)
		}
		verdict := "ok"
		switch {
		case r.Skipped != "":
			verdict = "SKIP: " + r.Skipped
			skipped++
		case r.passed():
			passed++
		default:
			verdict = "FAIL"
			failed++
		}
		line = append(line, seconds(r.Total), verdict)
		sum += r.Total
		table = append(table, line)
	}

	widths := make([]int, len(header))
	for _, line := range table {
		for i, c := range line {
			widths[i] = max(widths[i], len(c))
		}
	}
	var b strings.Builder
	for n, line := range table {
		for i, c := range line {
			if i == len(line)-1 {
				b.WriteString(c)
			} else {
				fmt.Fprintf(&b, "%-*s | ", widths[i], c)
			}
		}
		b.WriteString("\n")
		if n == 0 {
			for i, w := range widths {
				if i == len(widths)-1 {
					b.WriteString(strings.Repeat("-", max(w, 6)))
				} else {
					b.WriteString(strings.Repeat("-", w) + "-|-")
				}
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(&b, "%d combinations: %d passed, %d failed, %d skipped; %s of work in %s wall time\n",
		len(rows), passed, failed, skipped, seconds(sum), seconds(wall))
	return b.String()
}

func cell(s stepResult) string {
	switch s.Status {
	case "":
		return "-"
	case "skip":
		return "skip"
	default:
		return s.Status + " " + seconds(s.Time)
	}
}

func seconds(d time.Duration) string {
	return fmt.Sprintf("%.1fs", d.Seconds())
}
