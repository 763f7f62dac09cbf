package contract

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// CORS (DESIGN.md §5) is off unless CORS_ORIGINS names the origins a browser
// app may call the service from. RunV2 checks the off state; a second start of
// the service with CORS_ORIGINS set to CORSOriginsEnv is checked by RunCORS:
//
//	srv := start(env, "CORS_ORIGINS="+contract.CORSOriginsEnv)
//	contract.RunCORS(t, "rest", srv.URL, m, contract.CORSOrigins)

// CORSOrigins are the allowed origins RunCORS expects the service to have been
// started with; CORSOriginsEnv is that list as CORS_ORIGINS spells it, with a
// space after the comma as a person would type it.
var CORSOrigins = []string{"http://localhost:5173", "https://app.scaffold.test"}

// CORSOriginsEnv is CORSOrigins as the value of CORS_ORIGINS.
const CORSOriginsEnv = "http://localhost:5173, https://app.scaffold.test"

// refusedOrigins must never get CORS headers: a stranger, an allowed origin's
// host with another suffix, another port, and the opaque origin "null" that
// sandboxed frames send.
var refusedOrigins = []string{
	"https://elsewhere.scaffold.test",
	"https://app.scaffold.test.elsewhere.test",
	"http://localhost:51730",
	"null",
}

// corsCall is one cross-origin request the rules send: a preflight (OPTIONS
// with Access-Control-Request-Method) or the actual request.
type corsCall struct {
	method, path string
	preflight    string // the method asked for; "" for an actual request
	reqHeaders   string // Access-Control-Request-Headers of a preflight
	body         []byte
	header       map[string]string
}

func (cc corsCall) String() string {
	if cc.preflight != "" {
		return fmt.Sprintf("preflight OPTIONS %s for %s", cc.path, cc.preflight)
	}
	return cc.method + " " + cc.path
}

func (cc corsCall) send(t T, c *client, origin string) *response {
	t.Helper()
	h := map[string]string{"Origin": origin}
	for k, v := range cc.header {
		h[k] = v
	}
	if cc.preflight != "" {
		h["Access-Control-Request-Method"] = cc.preflight
		if cc.reqHeaders != "" {
			h["Access-Control-Request-Headers"] = cc.reqHeaders
		}
		return c.do(t, "OPTIONS", cc.path, nil, h)
	}
	return c.do(t, cc.method, cc.path, cc.body, h)
}

// corsCalls are the requests a browser app makes to the API of m. The probes
// are for the platform, not for browsers: CORS may leave them out.
func corsCalls(api string, m *model.Model) []corsCall {
	if api == "soap" {
		xmlHeader := map[string]string{"Content-Type": "text/xml; charset=utf-8", "SOAPAction": `""`}
		// A request for an operation no service has: its answer is a fault,
		// which must carry the CORS headers like any other answer.
		env := []byte(`<?xml version="1.0"?><soap:Envelope xmlns:soap="` + nsEnvelope + `"><soap:Body>` +
			`<x:NoSuchOperation xmlns:x="urn:scaffold:cors-check"/></soap:Body></soap:Envelope>`)
		return []corsCall{
			{path: "/soap", preflight: "POST", reqHeaders: "content-type, soapaction"},
			{method: "POST", path: "/soap", body: env, header: xmlHeader},
		}
	}
	coll := "/api/v1/" + kebab(m.Resources[0].Plural)
	return []corsCall{
		{path: coll, preflight: "POST", reqHeaders: "content-type"},
		{path: coll + "/1", preflight: "PUT", reqHeaders: "content-type"},
		{path: coll + "/1", preflight: "PATCH", reqHeaders: "content-type"},
		{path: coll + "/1", preflight: "DELETE"},
		{method: "GET", path: coll},
	}
}

// accessControl lists the Access-Control-* headers of an answer.
func accessControl(h http.Header) []string {
	var out []string
	for k, v := range h {
		if strings.HasPrefix(http.CanonicalHeaderKey(k), "Access-Control-") {
			out = append(out, k+": "+strings.Join(v, ", "))
		}
	}
	return out
}

// checkCORSOff: with CORS_ORIGINS unset, no answer carries a CORS header, and
// a preflight is answered like any other unknown method, never with a 5xx.
func checkCORSOff(t T, c *client, api string, m *model.Model) {
	t.Helper()
	for _, cc := range append(corsCalls(api, m), corsCall{method: "GET", path: "/healthz"}) {
		r := cc.send(t, c, CORSOrigins[1])
		if got := accessControl(r.header); len(got) > 0 {
			t.Errorf("%s from %s with CORS_ORIGINS unset: got %s; want no Access-Control-* header (CORS is off by default)", cc, CORSOrigins[1], strings.Join(got, "; "))
		}
		if r.status >= 500 && (cc.preflight != "" || api == "rest") {
			t.Errorf("%s: want no 5xx, got %s", cc, r)
		}
	}
}

// RunCORS checks a service started with CORS_ORIGINS set to the comma list of
// origins: those origins, and only they, may call it from a browser.
func RunCORS(t *testing.T, api, baseURL string, m *model.Model, origins []string) {
	t.Helper()
	RunCORSWith(Wrap(t), api, baseURL, m, origins)
}

// RunCORSWith is RunCORS on the suite's T.
func RunCORSWith(t T, api, baseURL string, m *model.Model, origins []string) {
	t.Helper()
	mm := normalizedModel(t, m, "the CORS rules")
	if mm == nil {
		return
	}
	c := newClient(baseURL)
	calls := corsCalls(api, mm)
	t.Run("with CORS_ORIGINS set, each listed origin may preflight and call the API: Access-Control-Allow-Origin is that origin, never *", func(t T) {
		for _, origin := range origins {
			for _, cc := range calls {
				checkAllowed(t, cc, cc.send(t, c, origin), origin)
			}
		}
	})
	t.Run("with CORS_ORIGINS set, any other origin gets no Access-Control-Allow-Origin, and its preflight no 5xx", func(t T) {
		for _, origin := range refusedOrigins {
			for _, cc := range calls {
				r := cc.send(t, c, origin)
				if got := r.header.Values("Access-Control-Allow-Origin"); len(got) > 0 {
					t.Errorf("%s from %s (not in CORS_ORIGINS): Access-Control-Allow-Origin is %q; want none", cc, origin, got)
				}
				if r.status >= 500 && (cc.preflight != "" || api == "rest") {
					t.Errorf("%s from %s: want no 5xx, got %s", cc, origin, r)
				}
			}
		}
	})
}

var headerToken = regexp.MustCompile(`[^,\s]+`)

// hasToken reports whether the comma list of values holds tok (case-insensitively),
// or the wildcard * when wildcard is true.
func hasToken(values []string, tok string, wildcard bool) bool {
	for _, v := range values {
		for _, got := range headerToken.FindAllString(v, -1) {
			if strings.EqualFold(got, tok) || (wildcard && got == "*") {
				return true
			}
		}
	}
	return false
}

func checkAllowed(t T, cc corsCall, r *response, origin string) {
	t.Helper()
	where := fmt.Sprintf("%s from %s", cc, origin)
	if got := r.header.Values("Access-Control-Allow-Origin"); len(got) != 1 || got[0] != origin {
		t.Errorf("%s: Access-Control-Allow-Origin is %q; want exactly %q\n%s", where, got, origin, r)
	}
	if v := r.header.Get("Access-Control-Allow-Credentials"); strings.EqualFold(v, "true") {
		t.Errorf("%s: Access-Control-Allow-Credentials is true; the API uses no cookies, so it must not be sent", where)
	}
	if r.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options is %q; want nosniff on every answer, CORS ones included", where, r.header.Get("X-Content-Type-Options"))
	}
	if cc.preflight == "" {
		if r.status >= 500 && cc.method != "POST" {
			t.Errorf("%s: want the usual answer, got %s", where, r)
		}
		if !hasToken(r.header.Values("Vary"), "Origin", true) {
			t.Errorf("%s: Vary is %q; want it to name Origin, so no cache hands one origin's answer to another", where, r.header.Values("Vary"))
		}
		return
	}
	if r.status < 200 || r.status > 299 {
		t.Errorf("%s: want a 2xx preflight answer, got %s", where, r)
	}
	if !hasToken(r.header.Values("Access-Control-Allow-Methods"), cc.preflight, true) {
		t.Errorf("%s: Access-Control-Allow-Methods is %q; want it to include %s", where, r.header.Values("Access-Control-Allow-Methods"), cc.preflight)
	}
	for _, h := range headerToken.FindAllString(cc.reqHeaders, -1) {
		if !hasToken(r.header.Values("Access-Control-Allow-Headers"), h, true) {
			t.Errorf("%s: Access-Control-Allow-Headers is %q; want it to include %s", where, r.header.Values("Access-Control-Allow-Headers"), h)
		}
	}
}
