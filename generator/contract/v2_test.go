package contract

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/scaffold-dev/scaffold/generator/model"
)

func loadModel(t *testing.T, name string) *model.Model {
	t.Helper()
	if name == "default" {
		m := model.Default()
		m.Normalize()
		return m
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "models", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	m.Normalize()
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	return m
}

// testOptions keep the self-tests quick and reproducible.
var testOptions = Options{Seed: 20260101, Cases: 25}

// TestV2PassesACorrectService runs contract v2 against the reference fake, for
// the default and the rich model, over REST and SOAP.
func TestV2PassesACorrectService(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"default", "rich"} {
		for _, api := range []string{"rest", "soap"} {
			t.Run(name+"/"+api, func(t *testing.T) {
				t.Parallel()
				m := loadModel(t, name)
				srv := httptest.NewServer(newFake2(m, ""))
				defer srv.Close()
				RunV2With(Wrap(t), api, srv.URL, m, testOptions)
			})
		}
	}
}
