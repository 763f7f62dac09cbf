// Command server runs the demo REST service.
//
// Configuration comes from the environment: PORT (default 8080),
// DATABASE_URL (default app.db) and CORS_ORIGINS (default none:
// CORS off).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/octocat/demo/internal/config"
	"github.com/octocat/demo/internal/httpapi"
	"github.com/octocat/demo/internal/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args, os.Getenv, os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "server stopped:", err)
		os.Exit(1)
	}
}

// run starts the service and blocks until ctx is done (Ctrl-C, docker stop)
// or the server fails. Everything it needs comes in as arguments, so that
// a test can run it too.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	log := slog.New(slog.NewTextHandler(stdout, nil))
	cfg, err := config.Load(args[1:], getenv)
	if err != nil {
		return err
	}

	db, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return fmt.Errorf("open the SQLite database: %w", err)
	}
	defer func() {
		if err := db.Close(); err != nil {
			log.Warn("close database", "err", err)
		}
	}()

	srv := newHTTPServer(ctx, cfg.Addr(), httpapi.NewServer(httpapi.Deps{
		Log:         log,
		DB:          db,
		Tasks:       db.Tasks(),
		CORSOrigins: cfg.CORSOrigins,
	}))

	errc := make(chan error, 1)
	go func() {
		log.Info("listening", "addr", "http://localhost"+cfg.Addr(), "database", "SQLite")
		errc <- srv.ListenAndServe()
	}()

	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}

	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}

// newHTTPServer is the HTTP server for h on addr. Its timeouts keep a slow or
// stalled client from holding a connection (and its memory) forever.
func newHTTPServer(ctx context.Context, addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
}
