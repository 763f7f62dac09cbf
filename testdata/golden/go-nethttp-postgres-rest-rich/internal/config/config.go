// Package config reads the service's settings from the command line and the
// environment.
package config

import (
	"flag"
	"fmt"
	"io"
	"strconv"
)

// Defaults used when a setting is not given.
const (
	DefaultPort        = 8080
	DefaultDatabaseURL = "postgres://app:app@localhost:5432/app?sslmode=disable"
)

// Config is everything the service needs to start.
type Config struct {
	Port        int
	DatabaseURL string
}

// Load reads PORT and DATABASE_URL from getenv; the flags -port and
// -database-url in args (without the program name) take precedence.
func Load(args []string, getenv func(string) string) (Config, error) {
	cfg := Config{Port: DefaultPort, DatabaseURL: DefaultDatabaseURL}
	if v := getenv("PORT"); v != "" {
		port, err := strconv.Atoi(v)
		if err != nil {
			return cfg, fmt.Errorf("PORT must be a number between 1 and 65535, got %q", v)
		}
		cfg.Port = port
	}
	if v := getenv("DATABASE_URL"); v != "" {
		cfg.DatabaseURL = v
	}
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.IntVar(&cfg.Port, "port", cfg.Port, "port to listen on (env PORT)")
	fs.StringVar(&cfg.DatabaseURL, "database-url", cfg.DatabaseURL, "database to use (env DATABASE_URL)")
	if err := fs.Parse(args); err != nil {
		return cfg, fmt.Errorf("command line: %w", err)
	}
	if cfg.Port < 1 || cfg.Port > 65535 {
		return cfg, fmt.Errorf("the port must be a number between 1 and 65535, got %d", cfg.Port)
	}
	return cfg, nil
}

// Addr is the address the HTTP server listens on.
func (c Config) Addr() string {
	return ":" + strconv.Itoa(c.Port)
}
