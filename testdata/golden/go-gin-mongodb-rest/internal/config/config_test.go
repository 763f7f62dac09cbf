package config

import "testing"

func TestLoad(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}

	cfg, err := load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Port != DefaultPort || cfg.DatabaseURL != DefaultDatabaseURL {
		t.Errorf("defaults: got %+v", cfg)
	}

	cfg, err = load(env(map[string]string{"PORT": "9090", "DATABASE_URL": "x"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Port != 9090 || cfg.DatabaseURL != "x" || cfg.Addr() != ":9090" {
		t.Errorf("from env: got %+v", cfg)
	}

	for _, bad := range []string{"abc", "0", "70000"} {
		if _, err := load(env(map[string]string{"PORT": bad})); err == nil {
			t.Errorf("PORT=%q: want an error", bad)
		}
	}
}
