package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/scaffold-dev/scaffold/generator"
	"github.com/scaffold-dev/scaffold/generator/model"
)

// The questions about the data model: a ready model, or the learner's own,
// built resource by resource and field by field, then reviewed in a summary
// table where a field can be changed or deleted before anything is written.

const ownModelLabel = "My own — define the resources and fields yourself"

func (w *wizard) askModel() error {
	bp := w.blueprint()
	if bp.Contract != generator.ContractV2 {
		// Said once, instead of a question the blueprint cannot honour.
		others := "blueprints will, as they move to API contract v2"
		if list := w.cat.ModelBlueprints(); len(list) > 0 {
			others = "choose one of " + strings.Join(list, ", ") + " for your own"
		}
		fmt.Fprintf(w.out, "Note: %s serves the default data model for now, %s; other %s.\n", bp.Title, model.Default().Describe(), others)
		return nil
	}
	presets, err := model.Presets()
	if err != nil {
		return err
	}
	labels := make([]string, 0, len(presets)+1)
	for _, p := range presets {
		labels = append(labels, p.Title+" — "+p.Model.Describe())
	}
	labels = append(labels, ownModelLabel)
	i, err := w.p.Select("What will your API manage?", labels, 0,
		"Each resource gets create, read, list, update and delete endpoints, a table and tests. id, created_at and updated_at are added for you.")
	if err != nil {
		return err
	}
	if i < len(presets) {
		w.opts.Model = presets[i].Model
		return nil
	}
	m, err := w.ownModel()
	if err != nil {
		return err
	}
	w.opts.Model = m
	return nil
}

// ownModel asks for resources and their fields until the learner is done,
// then shows the model for review.
func (w *wizard) ownModel() (*model.Model, error) {
	m := &model.Model{}
	for {
		if err := w.addResource(m); err != nil {
			return nil, err
		}
		i, err := w.p.Select("Another resource?", []string{"Add another resource", "Done: review the model"}, 1,
			"A blog, say, has posts and comments: two resources.")
		if err != nil {
			return nil, err
		}
		if i == 1 {
			return m, w.review(m)
		}
	}
}

// addResource asks for a resource's name, then its fields, and appends it.
func (w *wizard) addResource(m *model.Model) error {
	name, err := w.p.Input("Resource name (singular, snake_case, e.g. book)", "",
		"One thing your API stores: book, product, appointment. The URL uses its plural (/api/v1/books).",
		func(s string) error { return checkResourceName(m, strings.TrimSpace(s)) })
	if err != nil {
		return err
	}
	r := model.Resource{Name: strings.TrimSpace(name)}
	if plural := model.Plural(r.Name); plural == r.Name {
		p, err := w.p.Input("Plural of "+r.Name, "", "English uses the same word for both; the collection needs a distinct name, e.g. "+r.Name+"_items.",
			func(s string) error {
				probe := model.Resource{Name: r.Name, Plural: strings.TrimSpace(s), Fields: []model.Field{{Name: "probe", Type: model.Bool}}}
				return validateWith(m, -1, probe)
			})
		if err != nil {
			return err
		}
		r.Plural = strings.TrimSpace(p)
	}
	for {
		f, err := w.askField(r, -1)
		if err != nil {
			return err
		}
		r.Fields = append(r.Fields, f)
		i, err := w.p.Select("Another field for "+r.Name+"?", []string{"Add another field", "Done with " + r.Name}, 0, "")
		if err != nil {
			return err
		}
		if i == 1 {
			break
		}
	}
	m.Resources = append(m.Resources, r)
	m.Normalize()
	return nil
}

// checkResourceName: a valid name that no other resource uses.
func checkResourceName(m *model.Model, name string) error {
	if name == "" {
		return errors.New("give the resource a name, e.g. book")
	}
	probe := model.Resource{Name: name, Plural: model.Plural(name), Fields: []model.Field{{Name: "probe", Type: model.Bool}}}
	if probe.Plural == name {
		probe.Plural = name + "_items" // asked next
	}
	return validateWith(m, -1, probe)
}

// validateWith checks r as resource number at of m (-1: added at the end).
func validateWith(m *model.Model, at int, r model.Resource) error {
	probe := &model.Model{Resources: append([]model.Resource(nil), m.Resources...)}
	if at < 0 {
		probe.Resources = append(probe.Resources, r)
	} else {
		probe.Resources[at] = r
	}
	probe.Normalize()
	return probe.Validate()
}

// fieldTypes are the choices of the type question, with what each holds.
var fieldTypes = []struct {
	t    model.Type
	help string
}{
	{model.String, "short text, up to 200 characters unless you say otherwise"},
	{model.Text, "long text: a description, a body"},
	{model.Int, "a whole number"},
	{model.Float, "a decimal number: a price, a weight"},
	{model.Bool, "true or false"},
	{model.Date, "a day, e.g. 2024-05-31"},
	{model.DateTime, "a moment, e.g. 2024-05-31T14:00:00Z"},
	{model.Enum, "one word of a list you give, e.g. draft or published"},
}

// askField asks for one field of r: its name, type, whether it is required,
// then what its type takes (bounds, enum values, default, unique). With at
// >= 0 it changes r.Fields[at], offering its current answers.
func (w *wizard) askField(r model.Resource, at int) (model.Field, error) {
	var cur model.Field
	if at >= 0 {
		cur = r.Fields[at]
	}
	// check validates f as field number at of r, against r's other fields.
	check := func(f model.Field) error {
		probe := r
		probe.Fields = append([]model.Field(nil), r.Fields...)
		if at >= 0 {
			probe.Fields[at] = f
		} else {
			probe.Fields = append(probe.Fields, f)
		}
		return validateWith(&model.Model{}, -1, probe)
	}
	var f model.Field
	name, err := w.p.Input("Field name (snake_case, e.g. title)", cur.Name,
		"id, created_at and updated_at exist already.",
		func(s string) error { return check(model.Field{Name: strings.TrimSpace(s), Type: model.Bool}) })
	if err != nil {
		return f, err
	}
	f.Name = strings.TrimSpace(name)

	labels := make([]string, len(fieldTypes))
	def := 0
	for i, t := range fieldTypes {
		labels[i] = fmt.Sprintf("%-8s %s", t.t, t.help)
		if t.t == cur.Type {
			def = i
		}
	}
	i, err := w.p.Select("Type of "+f.Name, labels, def, "")
	if err != nil {
		return f, err
	}
	f.Type = fieldTypes[i].t

	req, err := w.yesNo("Is "+f.Name+" required?", cur.Required,
		"Required: every "+r.Name+" must have it (and a required string must not be blank). Otherwise it may be null.")
	if err != nil {
		return f, err
	}
	f.Required = req
	sameType := cur.Type == f.Type

	switch f.Type {
	case model.String, model.Text, model.Int, model.Float:
		unit := "value"
		if f.IsText() {
			unit = "length, in characters"
		}
		lo, hi := "", ""
		if sameType {
			lo, hi = boundText(cur.Min), boundText(cur.Max)
		} else if f.Type == model.String {
			hi = strconv.Itoa(model.DefaultStringMax)
		}
		minText, err := w.p.Input("Smallest "+unit+" of "+f.Name+" (empty for none)", lo, "",
			func(s string) error {
				g := f
				v, err := parseBound(s)
				g.Min = v
				if err != nil {
					return err
				}
				return check(g)
			})
		if err != nil {
			return f, err
		}
		f.Min, _ = parseBound(minText)
		maxText, err := w.p.Input("Largest "+unit+" of "+f.Name+" (empty for none)", hi, "",
			func(s string) error {
				g := f
				v, err := parseBound(s)
				g.Max = v
				if err != nil {
					return err
				}
				return check(g)
			})
		if err != nil {
			return f, err
		}
		f.Max, _ = parseBound(maxText)
	case model.Enum:
		values := ""
		if sameType {
			values = strings.Join(cur.Values, "|")
		}
		text, err := w.p.Input("Values of "+f.Name+", separated by | (e.g. draft|published)", values,
			"snake_case words; a "+f.Name+" is always one of them.",
			func(s string) error {
				g := f
				g.Values = splitValues(s)
				return check(g)
			})
		if err != nil {
			return f, err
		}
		f.Values = splitValues(text)
	}

	if !f.Required {
		d, err := w.askDefault(f, cur, sameType, check)
		if err != nil {
			return f, err
		}
		f.Default = d
	}

	if canBeUnique(f) {
		u, err := w.yesNo("Must every "+f.Name+" be unique?", sameType && cur.Unique,
			"A second "+r.Name+" with the same "+f.Name+" is refused (409 Conflict).")
		if err != nil {
			return f, err
		}
		f.Unique = u
	}
	m := &model.Model{Resources: []model.Resource{{Name: "probe", Plural: "probes", Fields: []model.Field{f}}}}
	m.Normalize()
	return m.Resources[0].Fields[0], nil
}

// askDefault asks for the value a field takes when a request leaves it out.
func (w *wizard) askDefault(f, cur model.Field, sameType bool, check func(model.Field) error) (any, error) {
	help := "Used when a request leaves " + f.Name + " out. Without one, it is null."
	if f.Type == model.Bool {
		options := []string{"No default (null when not given)", "false", "true"}
		def := 0
		if sameType && cur.HasDefault() {
			def = map[bool]int{false: 1, true: 2}[cur.Default == true]
		}
		i, err := w.p.Select("Default of "+f.Name, options, def, help)
		if err != nil || i == 0 {
			return nil, err
		}
		return i == 2, nil
	}
	def := ""
	if sameType && cur.HasDefault() {
		def = fmt.Sprint(cur.Default)
	}
	text, err := w.p.Input("Default of "+f.Name+" (empty for none)", def, help, func(s string) error {
		if s == "" {
			return nil
		}
		g := f
		g.Default = s
		return check(g)
	})
	if err != nil || text == "" {
		return nil, err
	}
	return text, nil // Normalize turns it into the field's type
}

func canBeUnique(f model.Field) bool {
	switch f.Type {
	case model.String, model.Int, model.Date, model.DateTime, model.Enum:
		return !f.HasDefault()
	}
	return false
}

func (w *wizard) yesNo(question string, def bool, help string) (bool, error) {
	d := 0
	if def {
		d = 1
	}
	i, err := w.p.Select(question, []string{"No", "Yes"}, d, help)
	return i == 1, err
}

func parseBound(s string) (*float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, fmt.Errorf("%q is not a number", s)
	}
	return &v, nil
}

func boundText(b *float64) string {
	if b == nil {
		return ""
	}
	return strconv.FormatFloat(*b, 'f', -1, 64)
}

func splitValues(s string) []string {
	var out []string
	for _, v := range strings.Split(s, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// Review choices.
const (
	reviewWrite = iota
	reviewChange
	reviewDelete
	reviewAddField
	reviewAddResource
)

// review shows the model as a table and lets the learner change or delete a
// field, add more, or go on; it returns when the model is valid and accepted.
func (w *wizard) review(m *model.Model) error {
	for {
		m.Normalize()
		printModel(w.out, m)
		problem := m.Validate()
		options := []string{"Looks right: go on", "Change a field", "Delete a field", "Add a field", "Add a resource"}
		if problem != nil {
			fmt.Fprintf(w.out, "This model cannot be written yet: %v\n", problem)
			options[reviewWrite] = "(fix the model first)"
		}
		i, err := w.p.Select("Is this your model?", options, reviewWrite, "Nothing is written before you choose Create it in the summary that follows.")
		if err != nil {
			return err
		}
		switch i {
		case reviewWrite:
			if problem == nil {
				return nil
			}
		case reviewChange, reviewDelete:
			verb := map[int]string{reviewChange: "change", reviewDelete: "delete"}[i]
			ri, fi, err := w.pickField(m, "Which field do you want to "+verb+"?")
			if err != nil {
				return err
			}
			if i == reviewDelete {
				r := &m.Resources[ri]
				r.Fields = append(r.Fields[:fi:fi], r.Fields[fi+1:]...)
				if len(r.Fields) == 0 { // a resource without fields goes too
					m.Resources = append(m.Resources[:ri:ri], m.Resources[ri+1:]...)
				}
				if len(m.Resources) == 0 {
					fmt.Fprintln(w.out, "The model is empty now; start again with a resource.")
					if err := w.addResource(m); err != nil {
						return err
					}
				}
				continue
			}
			f, err := w.askField(m.Resources[ri], fi)
			if err != nil {
				return err
			}
			m.Resources[ri].Fields[fi] = f
		case reviewAddField:
			ri := 0
			if len(m.Resources) > 1 {
				names := make([]string, len(m.Resources))
				for k, r := range m.Resources {
					names[k] = r.Name
				}
				if ri, err = w.p.Select("Add a field to which resource?", names, 0, ""); err != nil {
					return err
				}
			}
			f, err := w.askField(m.Resources[ri], -1)
			if err != nil {
				return err
			}
			m.Resources[ri].Fields = append(m.Resources[ri].Fields, f)
		case reviewAddResource:
			if err := w.addResource(m); err != nil {
				return err
			}
		}
	}
}

// pickField asks for one field of the model, named resource.field.
func (w *wizard) pickField(m *model.Model, question string) (int, int, error) {
	var labels []string
	var at [][2]int
	for ri, r := range m.Resources {
		for fi, f := range r.Fields {
			labels = append(labels, r.Name+"."+f.Name+" ("+rules(f)+")")
			at = append(at, [2]int{ri, fi})
		}
	}
	i, err := w.p.Select(question, labels, 0, "")
	if err != nil {
		return 0, 0, err
	}
	return at[i][0], at[i][1], nil
}

// printModel writes the model as a table, one block per resource.
func printModel(out io.Writer, m *model.Model) {
	fmt.Fprintln(out, "\nYour data model:")
	for _, r := range m.Resources {
		fmt.Fprintf(out, "\n  %s (/api/v1/%s)\n", r.Name, strings.ReplaceAll(r.Plural, "_", "-"))
		tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "    FIELD\tTYPE\tRULES")
		for _, f := range r.Fields {
			t := string(f.Type)
			if f.Type == model.Enum {
				t += "(" + strings.Join(f.Values, "|") + ")"
			}
			fmt.Fprintf(tw, "    %s\t%s\t%s\n", f.Name, t, rules(f))
		}
		tw.Flush()
	}
	fmt.Fprintln(out, "\n  Every resource also has id, created_at and updated_at.")
}

// rules describes a field's modifiers in words.
func rules(f model.Field) string {
	var parts []string
	if f.Required {
		parts = append(parts, "required")
	} else if !f.HasDefault() {
		parts = append(parts, "optional")
	}
	unit := ""
	if f.IsText() {
		unit = " characters"
	}
	switch {
	case f.Min != nil && f.Max != nil:
		parts = append(parts, boundText(f.Min)+" to "+boundText(f.Max)+unit)
	case f.Min != nil:
		parts = append(parts, "at least "+boundText(f.Min)+unit)
	case f.Max != nil:
		parts = append(parts, "at most "+boundText(f.Max)+unit)
	}
	if f.HasDefault() {
		parts = append(parts, "default "+fmt.Sprint(f.Default))
	}
	if f.Unique {
		parts = append(parts, "unique")
	}
	return strings.Join(parts, ", ")
}

// askInstall: run the setup command now? Yes by default when the toolchain
// is on PATH.
func (w *wizard) askInstall() error {
	bp := w.blueprint()
	tc := generator.ToolchainFor(bp)
	found := w.installer.Available(bp)
	help := "Runs " + bp.Commands.Setup + " in the new folder before the first commit, so the lockfile it writes is committed."
	if !found {
		help += " " + tc.Title + " was not found on PATH: get it from " + tc.URL + "."
	}
	def := 1
	if found {
		def = 0
	}
	i, err := w.p.Select("Install the dependencies now?", []string{"Yes, run " + bp.Commands.Setup, "No, I will run it later"}, def, help)
	if err != nil {
		return err
	}
	w.opts.Install = i == 0
	return nil
}
