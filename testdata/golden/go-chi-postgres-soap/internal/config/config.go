// Package config reads the service's settings from the environment.
package config

import (
	"fmt"
	"os"
	"strconv"
)

// Defaults used when a variable is not set.
const (
	DefaultPort        = 8080
	DefaultDatabaseURL = "postgres://app:app@localhost:5432/app?sslmode=disable"
)

// Config is everything the service needs to start.
type Config struct {
	Port        int
	DatabaseURL string
}

// Load reads PORT and DATABASE_URL.
func Load() (Config, error) {
	return load(os.Getenv)
}

func load(getenv func(string) string) (Config, error) {
	cfg := Config{Port: DefaultPort, DatabaseURL: DefaultDatabaseURL}
	if v := getenv("PORT"); v != "" {
		port, err := strconv.Atoi(v)
		if err != nil || port < 1 || port > 65535 {
			return cfg, fmt.Errorf("PORT must be a number between 1 and 65535, got %q", v)
		}
		cfg.Port = port
	}
	if v := getenv("DATABASE_URL"); v != "" {
		cfg.DatabaseURL = v
	}
	return cfg, nil
}

// Addr is the address the HTTP server listens on.
func (c Config) Addr() string {
	return ":" + strconv.Itoa(c.Port)
}
