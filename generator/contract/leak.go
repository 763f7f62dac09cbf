package contract

import (
	"regexp"
	"strings"
)

// No answer reveals a stack trace, an SQL statement, a driver message or a
// file path (DESIGN.md §5): a service logs them and answers a plain problem or
// fault. Every error answer the suite receives is checked against the
// patterns below, so the 409s, 422s, 400s, 404s and faults the rules provoke
// are all covered. Each pattern is specific enough that no sentence written
// for a person matches it.
var leakPatterns = []struct {
	what string
	re   *regexp.Regexp
}{
	{"a Python traceback", regexp.MustCompile(`Traceback \(most recent call last\)|File \\?"[^"\\]+\.py\\?", line \d+`)},
	{"a Go stack trace", regexp.MustCompile(`goroutine \d+ \[|panic: |runtime/debug\.Stack|\.go:\d+`)},
	{"a Java stack frame", regexp.MustCompile(`(?:^|\s|\\[nt])at [\w$]+(?:\.[\w$<>]+)+\((?:[\w$]+\.(?:java|kt):\d+|Native Method|Unknown Source)\)`)},
	{"a JavaScript stack frame", regexp.MustCompile(`(?:^|\s|\\[nt])at (?:async )?(?:[\w$.<>\[\] ]+ )?\(?(?:file://|node:)?[^\s()"]*\.(?:js|ts|mjs|cjs):\d+:\d+\)?`)},
	{"a Java class name", regexp.MustCompile(`\b(?:java|javax|jakarta)\.(?:lang|sql|util|io|persistence|validation)\.[A-Z]\w*|\borg\.(?:springframework|hibernate|postgresql|mariadb|sqlite|flywaydb)\.|\bcom\.(?:mysql|mongodb|fasterxml|zaxxer)\.`)},
	{"a Python or Node database library", regexp.MustCompile(`\bsqlalchemy\.|\bpsycopg2?\b|\bpymysql\b|\bMySQLdb\b|\bsqlite3\.|\bdjango\.db\b|\bbetter-sqlite3\b|\bnode:sqlite\b|\bmysql2\b|\bkysely\b|\bTypeORM\b|\bPrisma\w*`)},
	{"a driver's error name", regexp.MustCompile(`\b(?:IntegrityError|OperationalError|ProgrammingError|QueryFailedError|SequelizeUniqueConstraintError|MongoServerError|MongoError|BulkWriteError|DuplicateKeyException|DataIntegrityViolationException|SQLException|SqliteError|PSQLException)\b`)},
	{"a driver's message", regexp.MustCompile(`UNIQUE constraint failed|duplicate key value|Duplicate entry|violates (?:unique|foreign key|not-null|check) constraint|\bE11000\b|\bSQLSTATE\b|\bSQLITE_[A-Z]+\b|\bER_[A-Z]+_[A-Z_]+\b|\bError 1062\b|\bpq: |\bORA-\d{5}\b`)},
	{"an SQL statement", regexp.MustCompile(`\bSELECT\s.{1,200}?\sFROM\s|\bINSERT\s+INTO\b|\bUPDATE\s+\S+\s+SET\b|\bDELETE\s+FROM\b|\bCREATE\s+TABLE\b`)},
	{"a file path", regexp.MustCompile(`(?:^|[\s"'(=:;,\[])/(?:home|usr|tmp|var|opt|root|srv|app|workspace|build|Users|private)/[^\s"'<>]+|\b[A-Za-z]:\\\\?[\w.-]+\\|\bnode_modules\b|\bsite-packages\b|\bdist-packages\b|\.m2/repository`)},
}

// leak returns what kind of internal detail body reveals, and the text that
// shows it; "" when it reveals none.
func leak(body []byte) (what, text string) {
	s := string(body)
	for _, p := range leakPatterns {
		if loc := p.re.FindStringIndex(s); loc != nil {
			from, to := max(loc[0]-40, 0), min(loc[1]+40, len(s))
			return p.what, strings.TrimSpace(s[from:to])
		}
	}
	return "", ""
}
