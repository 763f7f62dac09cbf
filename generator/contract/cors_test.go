package contract

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCORS runs the CORS-on rules against the fake started with
// CORS_ORIGINS, and against fakes that each break one of them.
func TestCORS(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		api, bug   string
		wantFailed string // "" when the suite must pass
	}{
		{"rest", "", ""},
		{"soap", "", ""},
		{"rest", "cors-any-origin", "any other origin gets no Access-Control-Allow-Origin"},
		{"soap", "cors-any-origin", "any other origin gets no Access-Control-Allow-Origin"},
		{"rest", "cors-no-preflight", "each listed origin may preflight"},
		{"rest", "cors-star", "each listed origin may preflight"},
		{"rest", "no-nosniff", "each listed origin may preflight"},
	} {
		t.Run(tc.api+"/"+tc.bug, func(t *testing.T) {
			t.Parallel()
			m := loadModel(t, "default")
			f := newFake2(m, tc.bug)
			f.origins = CORSOrigins
			srv := httptest.NewServer(f)
			defer srv.Close()
			rec := newRecorder()
			rec.Run("cors", func(st T) { RunCORSWith(st, tc.api, srv.URL, m, CORSOrigins) })
			switch {
			case tc.wantFailed == "" && rec.Failed():
				t.Fatalf("the CORS rules failed a correct service:\n%s", strings.Join(rec.shared.lines, "\n"))
			case tc.wantFailed == "":
			case !rec.Failed():
				t.Fatalf("the CORS rules passed a service with bug %q", tc.bug)
			default:
				for _, name := range rec.failedNames() {
					if strings.Contains(name, tc.wantFailed) {
						return
					}
				}
				t.Errorf("no failing check mentions %q; failing checks:\n  %s", tc.wantFailed, strings.Join(rec.failedNames(), "\n  "))
			}
		})
	}
}

func TestCORSOriginsEnvIsTheList(t *testing.T) {
	var got []string
	for _, o := range strings.Split(CORSOriginsEnv, ",") {
		got = append(got, strings.TrimSpace(o))
	}
	if strings.Join(got, "|") != strings.Join(CORSOrigins, "|") {
		t.Errorf("CORSOriginsEnv %q does not spell CORSOrigins %q", CORSOriginsEnv, CORSOrigins)
	}
}

// TestLeak: the internals each stack reveals are caught, and the sentences
// services answer with are not.
func TestLeak(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		body string
		want string // the kind of leak; "" for none
	}{
		{`{"detail":"Traceback (most recent call last):\n  File \"/srv/app.py\", line 3"}`, "a Python traceback"},
		{`{"detail":"goroutine 7 [running]:\nmain.main()"}`, "a Go stack trace"},
		{`{"detail":"handler.go:42: boom"}`, "a Go stack trace"},
		{`{"trace":"Error: x\n\tat com.acme.app.web.TaskController.create(TaskController.java:31)"}`, "a Java stack frame"},
		{`{"stack":"Error: x\n    at Object.create (/srv/app/dist/tasks.js:12:7)"}`, "a JavaScript stack frame"},
		{`{"detail":"could not execute statement [org.hibernate.exception.ConstraintViolationException]"}`, "a Java class name"},
		{`{"detail":"(sqlite3.IntegrityError) UNIQUE constraint failed: tasks.title"}`, "a Python or Node database library"},
		{`{"detail":"IntegrityError: duplicate"}`, "a driver's error name"},
		{`{"detail":"duplicate key value violates unique constraint \"tasks_title_key\""}`, "a driver's message"},
		{`{"detail":"Duplicate entry 'x' for key 'title'"}`, "a driver's message"},
		{`<faultstring>E11000 duplicate key error collection</faultstring>`, "a driver's message"},
		{`{"detail":"ERROR: SQLSTATE 23505"}`, "a driver's message"},
		{`{"detail":"ER_DUP_ENTRY"}`, "a driver's message"},
		{`{"detail":"near INSERT INTO tasks (title) VALUES (?)"}`, "an SQL statement"},
		{`{"detail":"SELECT id, title FROM tasks WHERE id = $1"}`, "an SQL statement"},
		{`{"detail":"open /home/runner/work/app/data.db: permission denied"}`, "a file path"},
		{`{"detail":"cannot find module in node_modules"}`, "a file path"},
		{`{"detail":"C:\\Users\\me\\app\\main.py"}`, "a file path"},

		{`{"type":"about:blank","title":"Conflict","status":409,"detail":"another task has this title"}`, ""},
		{`{"type":"about:blank","title":"Not Found","status":404,"detail":"no task has id 7","instance":"/api/v1/tasks/7"}`, ""},
		{`{"title":"Unprocessable Entity","status":422,"errors":[{"field":"title","message":"must be at most 200 characters"}]}`, ""},
		{`{"detail":"invalid character 'x' looking for beginning of value"}`, ""},
		{`{"detail":"Expecting value: line 1 column 1 (char 0)"}`, ""},
		{`{"detail":"JSON parse error: Unexpected character ('x' (code 120)): expected a valid value"}`, ""},
		{`{"detail":"sort must name fields: id, title, created_at; select one"}`, ""},
		{`<faultcode>soap:Client</faultcode><faultstring>the request is not well-formed XML</faultstring>`, ""},
		{`{"detail":"must be one of: draft, published (at most one)"}`, ""},
	} {
		if got, text := leak([]byte(tc.body)); got != tc.want {
			t.Errorf("leak(%s) = %q (%q), want %q", tc.body, got, text, tc.want)
		}
	}
}
