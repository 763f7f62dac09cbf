package generator

import (
	"context"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/scaffold-dev/scaffold/blueprints"
)

// TestComposeFiles loads every combination's docker-compose.yml with the
// compose-spec's own loader (schema validation on: an unknown or misspelt
// key is an error), as `docker compose up` would, since no Docker engine
// runs here. A service with a database server starts only once the server's
// healthcheck passes.
func TestComposeFiles(t *testing.T) {
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	eachCombination(t, cat, false, func(t *testing.T, bp Blueprint, db, api string) {
		var compose []byte
		for _, f := range renderCombo(t, cat, bp, db, api, resourceModel("task")) {
			if f.Path == "docker-compose.yml" {
				compose = f.Data
			}
		}
		if compose == nil {
			t.Fatal("no docker-compose.yml")
		}
		project, err := loader.LoadWithContext(context.Background(), types.ConfigDetails{
			WorkingDir:  t.TempDir(),
			ConfigFiles: []types.ConfigFile{{Filename: "docker-compose.yml", Content: compose}},
			Environment: types.Mapping{},
		}, func(o *loader.Options) { o.SetProjectName("demo-api", true) })
		if err != nil {
			t.Fatalf("docker-compose.yml does not load: %v\n%s", err, compose)
		}
		app, ok := project.Services["app"]
		if !ok {
			t.Fatal("no app service")
		}
		if app.Build == nil {
			t.Error("the app service is not built from the project")
		}
		d, _ := cat.Database(db)
		server, hasServer := project.Services["db"]
		if d.Dialect == "sqlite" {
			if hasServer {
				t.Error("an SQLite project runs a db service")
			}
			return
		}
		if !hasServer {
			t.Fatal("no db service")
		}
		if server.HealthCheck == nil || server.HealthCheck.Disable || len(server.HealthCheck.Test) == 0 {
			t.Error("the db service has no healthcheck")
		}
		if dep, ok := app.DependsOn["db"]; !ok || dep.Condition != types.ServiceConditionHealthy {
			t.Errorf("app depends on db as %+v, want condition %s", app.DependsOn, types.ServiceConditionHealthy)
		}
	})
}
