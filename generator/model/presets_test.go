package model

import (
	"io/fs"
	"strings"
	"testing"
)

func TestPresets(t *testing.T) {
	t.Parallel()
	presets, err := Presets()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := fs.Glob(presetFS, "presets/*.yaml")
	if len(presets) != len(files) || len(presets) < 5 {
		t.Errorf("%d presets listed, %d files embedded: list every file in presetOrder", len(presets), len(files))
	}
	if presets[0].ID != "tasks" || !presets[0].Model.IsDefaultShape() || presets[0].Model.Resources[0].Name != "task" {
		t.Errorf("the first preset must be the default model, got %s: %s", presets[0].ID, presets[0].Model.Describe())
	}
	multi := false
	for _, p := range presets {
		if p.Title == "" || p.Summary == "" {
			t.Errorf("%s: no title or summary", p.ID)
		}
		multi = multi || len(p.Model.Resources) > 1
		// Every preset can be said with --resource, so the wizard's
		// equivalent command stays one line.
		for _, r := range p.Model.Resources {
			back, err := ParseShorthand(r.Shorthand())
			if err != nil {
				t.Errorf("%s: %s does not parse back: %v", p.ID, r.Shorthand(), err)
				continue
			}
			m := &Model{Resources: []Resource{back}}
			m.Normalize()
			if !equalResource(m.Resources[0], r) {
				t.Errorf("%s: %s reads back as %+v", p.ID, r.Shorthand(), m.Resources[0])
			}
		}
	}
	if !multi {
		t.Error("no preset has two resources")
	}
}

func TestDescribe(t *testing.T) {
	t.Parallel()
	m := Default()
	m.Resources = append(m.Resources, Resource{Name: "tag", Fields: []Field{{Name: "label", Type: String}}})
	if got, want := m.Describe(), "task (title, done) and tag (label)"; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
	if !strings.Contains(Default().Describe(), "title, done") {
		t.Error("default model description")
	}
}
