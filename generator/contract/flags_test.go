package contract

// Every test package of the module accepts -update, so that
// go test ./... -update (which refreshes the golden files) runs everywhere.
import _ "github.com/scaffold-dev/scaffold/generator/golden"
