package config

import (
	"slices"
	"testing"
)

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
		wantCORS []string
		wantErr  bool
	}{
		{name: "defaults", wantPort: DefaultPort, wantURL: DefaultDatabaseURL},
		{name: "environment", env: map[string]string{"PORT": "9090", "DATABASE_URL": "x"}, wantPort: 9090, wantURL: "x"},
		{name: "flags win", args: []string{"-port", "7070", "-database-url", "y"}, env: map[string]string{"PORT": "9090"}, wantPort: 7070, wantURL: "y"},
		{name: "port not a number", env: map[string]string{"PORT": "abc"}, wantErr: true},
		{name: "port zero", env: map[string]string{"PORT": "0"}, wantErr: true},
		{name: "lowest port", env: map[string]string{"PORT": "1"}, wantPort: 1, wantURL: DefaultDatabaseURL},
		{name: "highest port", args: []string{"-port", "65535"}, wantPort: 65535, wantURL: DefaultDatabaseURL},
		{name: "port too large", args: []string{"-port", "70000"}, wantErr: true},
		{name: "unknown flag", args: []string{"-nope"}, wantErr: true},
		{name: "CORS origins", env: map[string]string{"CORS_ORIGINS": " http://localhost:5173 ,, https://app.example.com:8443,"}, wantPort: DefaultPort, wantURL: DefaultDatabaseURL, wantCORS: []string{"http://localhost:5173", "https://app.example.com:8443"}},
		{name: "CORS origins flag wins", args: []string{"-cors-origins", "https://b.example"}, env: map[string]string{"CORS_ORIGINS": "https://a.example"}, wantPort: DefaultPort, wantURL: DefaultDatabaseURL, wantCORS: []string{"https://b.example"}},
		{name: "CORS origins blank", env: map[string]string{"CORS_ORIGINS": " , "}, wantPort: DefaultPort, wantURL: DefaultDatabaseURL},
		{name: "CORS wildcard", env: map[string]string{"CORS_ORIGINS": "*"}, wantErr: true},
		{name: "CORS origin with a path", env: map[string]string{"CORS_ORIGINS": "https://app.example.com/"}, wantErr: true},
		{name: "CORS origin without a scheme", env: map[string]string{"CORS_ORIGINS": "app.example.com"}, wantErr: true},
		{name: "CORS origin of another scheme", env: map[string]string{"CORS_ORIGINS": "ftp://app.example.com"}, wantErr: true},
		{name: "CORS origin without a host", env: map[string]string{"CORS_ORIGINS": "https://"}, wantErr: true},
		{name: "CORS origin that does not parse", env: map[string]string{"CORS_ORIGINS": "https://a b"}, wantErr: true},
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
			if cfg.Port != tt.wantPort || cfg.DatabaseURL != tt.wantURL || !slices.Equal(cfg.CORSOrigins, tt.wantCORS) {
				t.Errorf("got %+v, want port %d, URL %q and CORS origins %q", cfg, tt.wantPort, tt.wantURL, tt.wantCORS)
			}
		})
	}
}

func TestAddr(t *testing.T) {
	if got := (Config{Port: 8081}).Addr(); got != ":8081" {
		t.Errorf("Addr() = %q, want :8081", got)
	}
}
