// Package api embeds the API description the service serves.
package api

import _ "embed"

// WSDL is api/service.wsdl, served at GET /soap?wsdl.
//
//go:embed service.wsdl
var WSDL []byte
