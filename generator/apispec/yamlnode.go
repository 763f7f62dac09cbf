package apispec

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// omap is a YAML mapping that keeps its keys in the order they are set, so
// the document reads top-down the way a learner expects (and diffs stay small).
type omap struct{ n *yaml.Node }

func newMap() *omap { return &omap{&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}} }

// set appends a key; a nil *omap or nil value is skipped, so optional keys
// read naturally at the call site.
func (m *omap) set(key string, v any) *omap {
	if v == nil {
		return m
	}
	if o, ok := v.(*omap); ok && o == nil {
		return m
	}
	m.n.Content = append(m.n.Content, scalar(key), node(v))
	return m
}

// null is an explicit YAML null, for the few places that need one.
type null struct{}

// flow is a sequence written on one line: [a, b, c].
type flow []any

func scalar(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func node(v any) *yaml.Node {
	switch x := v.(type) {
	case *yaml.Node:
		return x
	case *omap:
		return x.n
	case null:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case string:
		return scalar(x)
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(x)}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(x)}
	case int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(x, 10)}
	case uint64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatUint(x, 10)}
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			// A whole number reads as an integer; JSON Schema does not tell 1 from 1.0.
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(int64(x), 10)}
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: formatFloat(x)}
	case []string:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, s := range x {
			seq.Content = append(seq.Content, scalar(s))
		}
		return seq
	case flow:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, e := range x {
			seq.Content = append(seq.Content, node(e))
		}
		return seq
	case []any:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range x {
			seq.Content = append(seq.Content, node(e))
		}
		return seq
	}
	panic(fmt.Sprintf("apispec: no YAML node for %T", v))
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func ref(to string) *omap { return newMap().set("$ref", to) }
