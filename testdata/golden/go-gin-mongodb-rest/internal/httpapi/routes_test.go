package httpapi

import (
	"io"
	"log/slog"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestGinMode: NewServer puts gin in release mode (no debug output) unless
// GIN_MODE chooses a mode.
func TestGinMode(t *testing.T) {
	defer gin.SetMode(gin.Mode())
	deps := Deps{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}

	t.Setenv(gin.EnvGinMode, "")
	gin.SetMode(gin.TestMode)
	NewServer(deps)
	if gin.Mode() != gin.ReleaseMode {
		t.Errorf("without GIN_MODE gin runs in %s mode, want release", gin.Mode())
	}

	t.Setenv(gin.EnvGinMode, gin.TestMode)
	gin.SetMode(gin.TestMode)
	NewServer(deps)
	if gin.Mode() != gin.TestMode {
		t.Errorf("with GIN_MODE=test gin runs in %s mode", gin.Mode())
	}
}
