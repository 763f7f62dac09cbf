package httpapi

import "net/http"

// What a browser app on one of the CORS_ORIGINS may send. NewServer installs
// the router's CORS middleware with these, and only when there are origins.
var (
	corsMethods = []string{http.MethodGet, http.MethodPost} // GET: the health probes
	corsHeaders = []string{"Content-Type", "SOAPAction"}
)
