package book

import (
	"errors"
	"strings"
	"testing"
)

func TestInputValidate(t *testing.T) {
	tests := []struct {
		name  string
		title string
		ok    bool
	}{
		{"empty", "", false},
		{"one character", "a", true},
		{"200 characters", strings.Repeat("x", MaxTitleLen), true},
		{"201 characters", strings.Repeat("x", MaxTitleLen+1), false},
		{"200 multi-byte characters", strings.Repeat("é", MaxTitleLen), true},
		{"spaces only count", " ", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Input{Title: tt.title}.Validate()
			if tt.ok && err != nil {
				t.Fatalf("Validate() = %v, want nil", err)
			}
			var verr *ValidationError
			if !tt.ok && !errors.As(err, &verr) {
				t.Fatalf("Validate() = %v, want a *ValidationError", err)
			}
		})
	}
}

func TestParsePage(t *testing.T) {
	tests := []struct {
		limit, offset string
		want          Page
		ok            bool
	}{
		{"", "", Page{Limit: DefaultLimit}, true},
		{"1", "0", Page{Limit: 1}, true},
		{"100", "5", Page{Limit: 100, Offset: 5}, true},
		{"0", "", Page{}, false},
		{"101", "", Page{}, false},
		{"-1", "", Page{}, false},
		{"", "-1", Page{}, false},
		{"abc", "", Page{}, false},
		{"", "1.5", Page{}, false},
	}
	for _, tt := range tests {
		got, err := ParsePage(tt.limit, tt.offset)
		if tt.ok && (err != nil || got != tt.want) {
			t.Errorf("ParsePage(%q, %q) = %+v, %v; want %+v", tt.limit, tt.offset, got, err, tt.want)
		}
		if !tt.ok && err == nil {
			t.Errorf("ParsePage(%q, %q) = %+v; want an error", tt.limit, tt.offset, got)
		}
	}
}
