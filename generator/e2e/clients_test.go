package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"
)

// clientsTimeout bounds the "clients" step of one SOAP combination.
const clientsTimeout = 3 * time.Minute

// soapClients runs testdata/soap-clients/check.sh: DESIGN.md §5 asks for a WSDL that
// standard SOAP client generators accept as it is, so every SOAP combination builds
// a zeep client and a wsimport (JAX-WS) client from the WSDL its service serves and
// calls all five operations through each. The tools are installed once per run into
// the user cache (a venv with zeep, the jaxws-tools jars from Maven Central).
type soapClients struct {
	dir string // testdata/soap-clients

	once    sync.Once
	env     []string // SOAP_CLIENTS_PYTHON and SOAP_CLIENTS_LIB
	missing string   // why the tools cannot be had here (a missing toolchain)
	err     error    // the install failed
}

func newSOAPClients(root string) *soapClients {
	return &soapClients{dir: filepath.Join(root, "testdata", "soap-clients")}
}

// prepare installs the tools once. missing is set when a toolchain is not installed;
// err when installing failed.
func (s *soapClients) prepare(logPath string) (env []string, missing string, err error) {
	s.once.Do(func() { s.env, s.missing, s.err = s.install(logPath) })
	return s.env, s.missing, s.err
}

func (s *soapClients) install(logPath string) ([]string, string, error) {
	for _, tool := range []string{"python3", "java", "javac", "mvn"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, tool + " is not installed", nil
		}
	}
	// The cache folder is named after the pinned versions, so a bump installs afresh.
	sum := sha256.New()
	for _, f := range []string{"requirements.txt", "pom.xml"} {
		b, err := os.ReadFile(filepath.Join(s.dir, f))
		if err != nil {
			return nil, "", err
		}
		sum.Write(b)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	home := filepath.Join(cache, "scaffold", "soap-clients-"+hex.EncodeToString(sum.Sum(nil))[:12])
	python := filepath.Join(home, "venv", "bin", "python")
	lib := filepath.Join(home, "lib")
	env := append(os.Environ(), "SOAP_CLIENTS_PYTHON="+python, "SOAP_CLIENTS_LIB="+lib)
	done := filepath.Join(home, "complete")
	if _, err := os.Stat(done); err == nil {
		return env, "", nil
	}
	if err := os.RemoveAll(home); err != nil {
		return nil, "", err
	}
	if err := os.MkdirAll(home, 0o755); err != nil {
		return nil, "", err
	}
	script := fmt.Sprintf(`set -e
python3 -m venv %[1]q
%[2]q -m pip install --quiet --disable-pip-version-check -r %[3]q
mvn -q -B -f %[4]q dependency:copy-dependencies -DoutputDirectory=%[5]q
`, filepath.Join(home, "venv"), python, filepath.Join(s.dir, "requirements.txt"), filepath.Join(s.dir, "pom.xml"), lib)
	if err := runLogged(home, os.Environ(), logPath, 10*time.Minute, "sh", "-c", script); err != nil {
		return nil, "", fmt.Errorf("installing zeep and wsimport: %w (log: %s)\n%s", err, logPath, tail(logPath, 20))
	}
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		return nil, "", err
	}
	return env, "", nil
}

// check runs check.sh against the WSDL at base/soap?wsdl.
func (s *soapClients) check(env []string, base, logPath string) error {
	return runLogged(s.dir, env, logPath, clientsTimeout, "sh", filepath.Join(s.dir, "check.sh"), base+"/soap?wsdl")
}
