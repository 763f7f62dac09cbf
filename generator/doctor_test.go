package generator

import (
	"errors"
	"strings"
	"testing"
)

// machine is a fake Probe: the programs on PATH and what each prints.
type machine map[string]string // "name args" or "name" → output; a value starting with "!" fails

func (m machine) probe() Probe {
	return Probe{
		LookPath: func(file string) (string, error) {
			for k := range m {
				if k == file || strings.HasPrefix(k, file+" ") {
					return "/usr/bin/" + file, nil
				}
			}
			return "", errors.New("not found")
		},
		Output: func(name string, args ...string) (string, error) {
			out, ok := m[strings.TrimSpace(name+" "+strings.Join(args, " "))]
			if !ok || strings.HasPrefix(out, "!") {
				return strings.TrimPrefix(out, "!"), errors.New("exit status 1")
			}
			return out, nil
		},
		Identity: func() (string, string) { return m["name"], m["email"] },
	}
}

func TestDoctor(t *testing.T) {
	t.Parallel()
	full := machine{
		"go version": "go version go1.26.0 linux/amd64", "python3 --version": "Python 3.12.3",
		"python3 -c import venv, ensurepip": "", "node --version": "v22.11.0", "npm --version": "10.9.0",
		"java -version": "openjdk version \"17.0.13\" 2024-10-15\nOpenJDK Runtime Environment", "javac": "", "curl": "",
		"git": "", "name": "Ada", "email": "ada@example.com",
		"docker --version": "Docker version 27.3.1, build ce12230", "docker compose version": "Docker Compose version v2.29.7",
	}
	without := func(keys ...string) machine {
		m := machine{}
		for k, v := range full {
			m[k] = v
		}
		for _, k := range keys {
			delete(m, k)
		}
		return m
	}
	with := func(k, v string) machine { m := without(); m[k] = v; return m }
	tests := []struct {
		name     string
		m        machine
		language string
		missing  []string // the names of what is missing and needed, in order
		detail   string   // in the first missing check's detail
	}{
		{"everything", full, "", nil, ""},
		{"go only checks go and git", without("python3 --version", "node --version"), "go", nil, ""},
		{"old go", with("go version", "go version go1.22.5 linux/amd64"), "go", []string{"Go 1.26 or later"}, "1.22.5 is too old"},
		{"no go", without("go version"), "go", []string{"Go 1.26 or later"}, "go not found"},
		{"python without venv", with("python3 -c import venv, ensurepip", "!ModuleNotFoundError: No module named 'ensurepip'"), "python", []string{"Python's venv module (python3 -m venv)"}, "python3-venv"},
		{"old python", with("python3 --version", "Python 3.9.2"), "python", []string{"Python 3.11 or later"}, "3.9.2 is too old"},
		{"node without npm", without("npm --version"), "typescript", []string{"npm"}, "npm not found"},
		{"old node", with("node --version", "v18.20.4"), "javascript", []string{"Node.js 20.19 or later"}, "too old"},
		{"java 8", with("java -version", `java version "1.8.0_292"`), "java", []string{"Java 17 or later (a JDK)"}, "1.8.0 is too old"},
		{"a JRE only", without("javac"), "java", []string{"Maven wrapper needs (javac, curl or wget)"}, "javac not found"},
		{"java without curl or wget", without("curl"), "java", []string{"Maven wrapper needs (javac, curl or wget)"}, "neither curl nor wget"},
		{"no git identity", without("name", "email"), "go", []string{"Git identity (user.name, user.email)"}, "git config --global user.name"},
		{"no docker is fine", without("docker --version", "docker compose version"), "go", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			results := Doctor(tt.m.probe(), tt.language)
			if len(results) == 0 {
				t.Fatal("no checks")
			}
			for _, r := range results {
				if tt.language != "" && len(r.Languages) > 0 && !strings.Contains(strings.Join(r.Languages, " "), tt.language) {
					t.Errorf("%s is checked for %s", r.Name, tt.language)
				}
			}
			var names []string
			missing := Missing(results, tt.language)
			for _, r := range missing {
				names = append(names, r.Name)
			}
			if strings.Join(names, "|") != strings.Join(tt.missing, "|") {
				t.Errorf("missing = %q, want %q", names, tt.missing)
			}
			if tt.detail != "" && len(missing) > 0 && !strings.Contains(missing[0].Detail, tt.detail) {
				t.Errorf("detail %q lacks %q", missing[0].Detail, tt.detail)
			}
		})
	}
}
