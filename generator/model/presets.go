package model

import (
	"bytes"
	"embed"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// presetFS holds the ready models the wizard offers: one YAML file each, a
// model file (§4a) with a title and a one-line summary on top.
//
//go:embed presets/*.yaml
var presetFS embed.FS

// presetOrder is the order the wizard lists them in; tasks (the default
// model) comes first.
var presetOrder = []string{"tasks", "reading-list", "shop", "blog", "clinic"}

// Preset is a ready model.
type Preset struct {
	ID      string // the file name without .yaml
	Title   string // e.g. A reading list
	Summary string // one line: what it is for
	Model   *Model // normalized and valid
}

// Presets are the ready models, tasks first. They are checked by the tests,
// so a broken preset file never reaches a learner.
func Presets() ([]Preset, error) {
	out := make([]Preset, 0, len(presetOrder))
	for _, id := range presetOrder {
		data, err := presetFS.ReadFile("presets/" + id + ".yaml")
		if err != nil {
			return nil, fmt.Errorf("preset %s: %w", id, err)
		}
		var doc struct {
			Title     string     `yaml:"title"`
			Summary   string     `yaml:"summary"`
			Resources []Resource `yaml:"resources"`
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&doc); err != nil {
			return nil, fmt.Errorf("preset %s: %s", id, yamlMessage(err))
		}
		m := &Model{Resources: doc.Resources}
		m.Normalize()
		if err := m.Validate(); err != nil {
			return nil, fmt.Errorf("preset %s: %w", id, err)
		}
		out = append(out, Preset{ID: id, Title: doc.Title, Summary: doc.Summary, Model: m})
	}
	return out, nil
}

// Describe is the model in a few words: each resource with its field names,
// e.g. "book (title, author, pages)".
func (m *Model) Describe() string {
	parts := make([]string, len(m.Resources))
	for i, r := range m.Resources {
		names := make([]string, len(r.Fields))
		for j, f := range r.Fields {
			names[j] = f.Name
		}
		parts[i] = r.Name + " (" + strings.Join(names, ", ") + ")"
	}
	return strings.Join(parts, " and ")
}
