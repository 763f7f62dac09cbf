// Package config reads the service's settings from the command line and the
// environment.
package config

import (
	"flag"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
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
	// CORSOrigins are the browser origins (scheme://host[:port]) allowed to
	// call the API; none (the default) leaves CORS off.
	CORSOrigins []string
}

// Load reads PORT, CORS_ORIGINS and DATABASE_URL from getenv; the flags
// -port, -cors-origins and -database-url in args (without the program name)
// take precedence.
func Load(args []string, getenv func(string) string) (Config, error) {
	cfg := Config{Port: DefaultPort, DatabaseURL: DefaultDatabaseURL}
	if v := getenv("PORT"); v != "" {
		port, err := strconv.Atoi(v)
		if err != nil {
			return cfg, fmt.Errorf("PORT must be a number between 1 and 65535, got %q", v)
		}
		cfg.Port = port
	}
	origins := getenv("CORS_ORIGINS")
	if v := getenv("DATABASE_URL"); v != "" {
		cfg.DatabaseURL = v
	}
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.IntVar(&cfg.Port, "port", cfg.Port, "port to listen on (env PORT)")
	fs.StringVar(&origins, "cors-origins", origins, "comma-separated browser origins allowed to call the API (env CORS_ORIGINS)")
	fs.StringVar(&cfg.DatabaseURL, "database-url", cfg.DatabaseURL, "database to use (env DATABASE_URL)")
	if err := fs.Parse(args); err != nil {
		return cfg, fmt.Errorf("command line: %w", err)
	}
	if cfg.Port < 1 || cfg.Port > 65535 {
		return cfg, fmt.Errorf("the port must be a number between 1 and 65535, got %d", cfg.Port)
	}
	var err error
	if cfg.CORSOrigins, err = parseOrigins(origins); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// parseOrigins splits a comma-separated list of origins, ignoring spaces
// around the commas and empty items. Each must be an exact http or https
// origin: no path, no wildcard.
func parseOrigins(list string) ([]string, error) {
	var origins []string
	for _, o := range strings.Split(list, ",") {
		o = strings.TrimSpace(o)
		if o == "" {
			continue
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || o != u.Scheme+"://"+u.Host {
			return nil, fmt.Errorf("CORS_ORIGINS: %q is not an origin such as https://app.example.com", o)
		}
		origins = append(origins, o)
	}
	return origins, nil
}

// Addr is the address the HTTP server listens on.
func (c Config) Addr() string {
	return ":" + strconv.Itoa(c.Port)
}
