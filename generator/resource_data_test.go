package generator

import (
	"encoding/json"
	"testing"
)

func TestQuoteJSON(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `"plain"`},
		{"café ü 日本", `"café ü 日本"`},
		{"a\"b\\c", `"a\"b\\c"`},
		{"bad\x00value\x7f", `"bad\u0000value\u007f"`},
		{"\u00a0\u200b\ufeff\u3000", `"\u00a0\u200b\ufeff\u3000"`},
		{"\u2028", `"\u2028"`},
		{"\U000e0001", `"\udb40\udc01"`},
		{"😀", `"😀"`},
	}
	for _, tt := range tests {
		got := quoteJSON(tt.in)
		if got != tt.want {
			t.Errorf("quoteJSON(%q) = %s, want %s", tt.in, got, tt.want)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil || back != tt.in {
			t.Errorf("quoteJSON(%q) = %s does not read back as JSON: %q, %v", tt.in, got, back, err)
		}
	}
}
