// Package api embeds the API description the service serves.
package api

import _ "embed"

// OpenAPI is api/openapi.yaml, served at GET /openapi.yaml.
//
//go:embed openapi.yaml
var OpenAPI []byte
