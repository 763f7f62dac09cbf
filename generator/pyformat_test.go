package generator

import (
	"strings"
	"testing"
)

// The expected layouts are what ruff 0.17.5 (`ruff format`, line-length 100)
// makes of the one-line form.
func TestPyCall(t *testing.T) {
	long := strings.Repeat("x", 78)
	tests := []struct {
		name, head, tail string
		args             []string
		want             string
	}{
		{"fits", "f(", ")", []string{"a", "b"}, "f(a, b)"},
		{"call hugs", "    value = compute(", ")", []string{`"` + long + `"`, "key=True"},
			"    value = compute(\n        \"" + long + "\", key=True\n    )"},
		{"call explodes", "f(", ")", []string{`"` + long + `"`, `"` + long + `"`},
			"f(\n    \"" + long + "\",\n    \"" + long + "\",\n)"},
		{"lone argument hugs however long", "x = f(", ")", []string{`"` + long + long + `"`},
			"x = f(\n    \"" + long + long + "\"\n)"},
		{"tuple explodes", "    (", "),", []string{`"title"`, `"` + long + `"`, `"12345678901234"`},
			"    (\n        \"title\",\n        \"" + long + "\",\n        \"12345678901234\",\n    ),"},
		{"dict explodes", "D = {", "}", []string{`"a": ` + long, `"b": 12345678901234567890123`},
			"D = {\n    \"a\": " + long + ",\n    \"b\": 12345678901234567890123,\n}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pyCall(tt.head, tt.tail, tt.args...); got != tt.want {
				t.Errorf("pyCall:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestPyStr(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, `"plain"`},
		{`say "hi"`, `'say "hi"'`},
		{`it's "x"`, `'it\'s "x"'`},
		{`it's "x" ok'`, `"it's \"x\" ok'"`},
		{`"a" 'b' "c"`, `'"a" \'b\' "c"'`},
		{"back\\slash", `"back\\slash"`},
		{"nul\x00 and \u200b", `"nul\u0000 and \u200b"`},
		{"\U000e0001", `"\U000e0001"`},
	}
	for _, tt := range tests {
		if got := pyStr(tt.in); got != tt.want {
			t.Errorf("pyStr(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestWrapPythonDefs(t *testing.T) {
	sig := "def replace_customer_subscription_invoice(db: Session, current: CustomerSubscriptionInvoice, data: X) -> None:"
	imp := "from ..schemas.customer_subscription_invoice import CustomerSubscriptionInvoiceCreate, CustomerSubscriptionInvoiceQuery"
	tests := []struct{ in, want string }{
		{"def f(a: int) -> None:\n", "def f(a: int) -> None:\n"},
		{sig + "\n", "def replace_customer_subscription_invoice(\n    db: Session, current: CustomerSubscriptionInvoice, data: X\n) -> None:\n"},
		{imp + "\n", "from ..schemas.customer_subscription_invoice import (\n    CustomerSubscriptionInvoiceCreate,\n    CustomerSubscriptionInvoiceQuery,\n)\n"},
		{"    x = \"" + strings.Repeat("y", 120) + "\"\n", "    x = \"" + strings.Repeat("y", 120) + "\"\n"},
	}
	for _, tt := range tests {
		if got := string(wrapPythonDefs([]byte(tt.in))); got != tt.want {
			t.Errorf("wrapPythonDefs:\n%s\nwant:\n%s", got, tt.want)
		}
	}
}
