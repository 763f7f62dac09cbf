package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/octocat/demo/internal/types"
)

func TestOrderBy(t *testing.T) {
	columns := []string{"id", "color", "size"}
	tests := []struct {
		keys    []types.SortKey
		want    string
		wantErr bool
	}{
		{keys: nil, want: " ORDER BY id ASC"},
		{keys: []types.SortKey{{Field: "size", Desc: true}, {Field: "color"}}, want: " ORDER BY size DESC, color ASC, id ASC"},
		{keys: []types.SortKey{{Field: "id", Desc: true}}, want: " ORDER BY id DESC"},
		{keys: []types.SortKey{{Field: "color"}, {Field: "id"}}, want: " ORDER BY color ASC, id ASC"},
		{keys: []types.SortKey{{Field: "color; DROP TABLE x"}}, wantErr: true},
	}
	for _, tt := range tests {
		got, err := orderBy(tt.keys, columns)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("orderBy(%v) = %q, %v; want %q (error: %v)", tt.keys, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseID(t *testing.T) {
	for _, tt := range []struct {
		id   string
		want int64
		ok   bool
	}{
		{"1", 1, true}, {"42", 42, true}, {"9223372036854775807", 9223372036854775807, true},
		{"0", 0, false}, {"-1", -1, false}, {"x", 0, false}, {"1.0", 0, false}, {"9223372036854775808", 0, false}, {"", 0, false},
	} {
		if n, ok := parseID(tt.id); ok != tt.ok || (ok && n != tt.want) {
			t.Errorf("parseID(%q) = %d, %v; want %d, %v", tt.id, n, ok, tt.want, tt.ok)
		}
	}
}

func TestScanTime(t *testing.T) {
	want := time.Date(2024, 5, 1, 10, 30, 0, 123456000, time.UTC)
	for _, tt := range []struct {
		name string
		src  any
		ok   bool
	}{
		{"time", want.In(time.FixedZone("", 2*3600)), true},
		{"stored text", "2024-05-01T10:30:00.123456Z", true},
		{"RFC 3339 with an offset", "2024-05-01T12:30:00.123456+02:00", true},
		{"text with a space and a zone", "2024-05-01 12:30:00.123456+02:00", true},
		{"text without a zone (UTC)", "2024-05-01 10:30:00.123456", true},
		{"bytes", []byte("2024-05-01T10:30:00.123456Z"), true},
		{"not a time", "yesterday", false},
		{"another type", 42, false},
	} {
		var got time.Time
		err := timeColumn{&got}.Scan(tt.src)
		if (err == nil) != tt.ok || (tt.ok && (!got.Equal(want) || got.Location() != time.UTC)) {
			t.Errorf("%s: got %v, %v; want %v in UTC (ok: %v)", tt.name, got, err, want, tt.ok)
		}
		p := &want
		err = nullTimeColumn{&p}.Scan(tt.src)
		if (err == nil) != tt.ok || (tt.ok && (p == nil || !p.Equal(want))) {
			t.Errorf("%s, nullable: got %v, %v", tt.name, p, err)
		}
	}
	p := &want
	if err := (nullTimeColumn{&p}).Scan(nil); err != nil || p != nil {
		t.Errorf("nullable NULL: got %v, %v; want nil", p, err)
	}
	if got := dbTime(want.In(time.FixedZone("", 3600))); got != dbTime(want) {
		t.Errorf("dbTime depends on the zone: %v, %v", got, dbTime(want))
	}
}

// TestConstraintError provokes a unique clash and a refused NULL in a
// temporary table of the real database.
func TestConstraintError(t *testing.T) {
	if constraintError(nil, nil) != nil {
		t.Fatal("constraintError(nil) is not nil")
	}
	other := errors.New("connection reset")
	if got := constraintError(other, []string{"code"}); !errors.Is(got, other) {
		t.Errorf("another error became %v", got)
	}

	ctx := context.Background()
	conn, err := openTestDB(t).db.Conn(ctx) // one connection: the table is temporary
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close() }()
	if _, err := conn.ExecContext(ctx, "CREATE TEMPORARY TABLE clash_check (code VARCHAR(20) NOT NULL UNIQUE, code_name VARCHAR(20) UNIQUE)"); err != nil {
		t.Fatal(err)
	}
	insert := func(code, codeName any) error {
		_, err := conn.ExecContext(ctx, "INSERT INTO clash_check (code, code_name) VALUES ("+placeholder(1)+", "+placeholder(2)+")", code, codeName)
		return constraintError(err, []string{"code", "code_name"})
	}
	if err := insert("a", "x"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name           string
		code, codeName any
		field          string
	}{
		{"same code", "a", "y", "code"},
		{"same code_name", "b", "x", "code_name"},
	} {
		var cerr *types.ConflictError
		if err := insert(tt.code, tt.codeName); !errors.As(err, &cerr) || cerr.Field != tt.field {
			t.Errorf("%s: got %v, want a conflict on %s", tt.name, err, tt.field)
		}
	}
	for _, tt := range []struct {
		unique []string
		field  string
	}{
		{[]string{"serial"}, "serial"}, // the message names no unique column: the first
		{nil, ""},
	} {
		_, err := conn.ExecContext(ctx, "INSERT INTO clash_check (code) VALUES ('a')")
		var cerr *types.ConflictError
		if !errors.As(constraintError(err, tt.unique), &cerr) || cerr.Field != tt.field {
			t.Errorf("a clash with unique columns %q: got %v, want a conflict on %q", tt.unique, err, tt.field)
		}
	}
	var verr *types.ValidationError
	if err := insert(nil, "z"); !errors.As(err, &verr) || verr.Error() != "body: the database refused a value" {
		t.Errorf("NULL code: got %v, want a validation error without the driver's words", err)
	}
}
