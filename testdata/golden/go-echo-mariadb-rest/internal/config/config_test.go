package config

import "testing"

func TestLoad(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		name     string
		args     []string
		env      map[string]string
		wantPort int
		wantURL  string
		wantErr  bool
	}{
		{name: "defaults", wantPort: DefaultPort, wantURL: DefaultDatabaseURL},
		{name: "environment", env: map[string]string{"PORT": "9090", "DATABASE_URL": "x"}, wantPort: 9090, wantURL: "x"},
		{name: "flags win", args: []string{"-port", "7070", "-database-url", "y"}, env: map[string]string{"PORT": "9090"}, wantPort: 7070, wantURL: "y"},
		{name: "port not a number", env: map[string]string{"PORT": "abc"}, wantErr: true},
		{name: "port zero", env: map[string]string{"PORT": "0"}, wantErr: true},
		{name: "port too large", args: []string{"-port", "70000"}, wantErr: true},
		{name: "unknown flag", args: []string{"-nope"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Load(tt.args, env(tt.env))
			if tt.wantErr {
				if err == nil {
					t.Fatalf("got %+v, want an error", cfg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Port != tt.wantPort || cfg.DatabaseURL != tt.wantURL {
				t.Errorf("got %+v, want port %d and URL %q", cfg, tt.wantPort, tt.wantURL)
			}
		})
	}
}
