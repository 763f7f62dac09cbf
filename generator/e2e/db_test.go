package e2e

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// The servers .ci/services starts (see the briefing's conventions).
const (
	postgresAddr = "127.0.0.1:5432"
	mariadbAddr  = "127.0.0.1:3306"
	mongoAddr    = "127.0.0.1:27017"
)

// database is one fresh database for one step of one combination.
type database struct {
	URL  string // DATABASE_URL as the generated project expects it
	drop func() error
}

// serverFor names the server a database kind needs ("" for SQLite).
func serverFor(db string) string {
	switch db {
	case "postgres":
		return "PostgreSQL on " + postgresAddr
	case "mysql", "mariadb":
		return "MariaDB on " + mariadbAddr
	case "mongodb":
		return "a MongoDB wire-protocol server on " + mongoAddr
	}
	return ""
}

// checkServer tells whether the server for db answers; nil for SQLite.
func checkServer(ctx context.Context, db string) error {
	switch db {
	case "postgres":
		_, err := runQuiet(ctx, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", postgresAdminURL, "-c", "SELECT 1")
		return err
	case "mysql", "mariadb":
		_, err := runQuiet(ctx, mariadbCLI(), mariadbArgs("SELECT 1")...)
		return err
	case "mongodb":
		return mongoCommand(ctx, "admin", bsonInt("ping", 1))
	}
	return nil
}

const postgresAdminURL = "postgres://scaffold:scaffold@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=5"

func mariadbCLI() string {
	if _, err := exec.LookPath("mariadb"); err == nil {
		return "mariadb"
	}
	return "mysql"
}

func mariadbArgs(sql string) []string {
	return []string{"--protocol=TCP", "-h", "127.0.0.1", "-P", "3306", "-uscaffold", "-pscaffold", "--connect-timeout=5", "-e", sql}
}

var nonIdent = regexp.MustCompile(`[^a-z0-9]+`)

// dbName makes a fresh, valid database name for a combination and purpose.
func dbName(comboName, purpose string) string {
	base := strings.Trim(nonIdent.ReplaceAllString(strings.ToLower(comboName), "_"), "_")
	if len(base) > 36 {
		base = base[:36]
	}
	suffix := make([]byte, 3)
	_, _ = rand.Read(suffix)
	return fmt.Sprintf("e2e_%s_%s_%s", base, purpose, hex.EncodeToString(suffix))
}

// createDatabase makes a fresh database of kind db; tmp holds SQLite files.
func createDatabase(ctx context.Context, db, comboName, purpose, tmp string) (*database, error) {
	name := dbName(comboName, purpose)
	switch db {
	case "sqlite":
		return &database{URL: filepath.Join(tmp, purpose+".db"), drop: func() error { return nil }}, nil
	case "postgres":
		if out, err := runQuiet(ctx, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", postgresAdminURL, "-c", "CREATE DATABASE "+name); err != nil {
			return nil, fmt.Errorf("create PostgreSQL database %s: %v: %s", name, err, out)
		}
		return &database{
			URL: "postgres://scaffold:scaffold@127.0.0.1:5432/" + name + "?sslmode=disable",
			drop: func() error {
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				out, err := runQuiet(ctx, "psql", "-X", "-q", "-d", postgresAdminURL, "-c", "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
				if err != nil {
					return fmt.Errorf("drop %s: %v: %s", name, err, out)
				}
				return nil
			},
		}, nil
	case "mysql", "mariadb":
		if out, err := runQuiet(ctx, mariadbCLI(), mariadbArgs("CREATE DATABASE "+name+" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")...); err != nil {
			return nil, fmt.Errorf("create MariaDB database %s: %v: %s", name, err, out)
		}
		return &database{
			URL: "mysql://scaffold:scaffold@127.0.0.1:3306/" + name,
			drop: func() error {
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				out, err := runQuiet(ctx, mariadbCLI(), mariadbArgs("DROP DATABASE IF EXISTS "+name)...)
				if err != nil {
					return fmt.Errorf("drop %s: %v: %s", name, err, out)
				}
				return nil
			},
		}, nil
	case "mongodb":
		// MongoDB makes a database on first write; a fresh name is a fresh database.
		return &database{
			URL: "mongodb://127.0.0.1:27017/" + name,
			drop: func() error {
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				return mongoCommand(ctx, name, bsonInt("dropDatabase", 1))
			},
		}, nil
	}
	return nil, fmt.Errorf("unknown database kind %q", db)
}

func runQuiet(ctx context.Context, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// bsonInt is a BSON document {key: int32(v)}, without its length and terminator.
func bsonInt(key string, v int32) []byte {
	b := []byte{0x10}
	b = append(b, key...)
	b = append(b, 0)
	return binary.LittleEndian.AppendUint32(b, uint32(v))
}

// mongoCommand runs one command on the MongoDB wire protocol (OP_MSG) and checks
// that the server answered {ok: 1}. It keeps the harness free of a driver dependency.
func mongoCommand(ctx context.Context, db string, element []byte) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", mongoAddr)
	if err != nil {
		return err
	}
	defer conn.Close()
	if deadline, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(deadline)
	} else {
		_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	}

	// {<element>, $db: db}
	elems := append([]byte(nil), element...)
	elems = append(elems, 0x02)
	elems = append(elems, "$db"...)
	elems = append(elems, 0)
	elems = binary.LittleEndian.AppendUint32(elems, uint32(len(db)+1))
	elems = append(elems, db...)
	elems = append(elems, 0)
	doc := binary.LittleEndian.AppendUint32(nil, uint32(4+len(elems)+1))
	doc = append(doc, elems...)
	doc = append(doc, 0)

	body := binary.LittleEndian.AppendUint32(nil, 0) // flagBits
	body = append(body, 0)                           // section kind 0: body
	body = append(body, doc...)
	msg := binary.LittleEndian.AppendUint32(nil, uint32(16+len(body)))
	msg = binary.LittleEndian.AppendUint32(msg, 1)    // requestID
	msg = binary.LittleEndian.AppendUint32(msg, 0)    // responseTo
	msg = binary.LittleEndian.AppendUint32(msg, 2013) // OP_MSG
	msg = append(msg, body...)
	if _, err := conn.Write(msg); err != nil {
		return err
	}

	head := make([]byte, 4)
	if _, err := io.ReadFull(conn, head); err != nil {
		return fmt.Errorf("read reply: %w", err)
	}
	n := binary.LittleEndian.Uint32(head)
	if n < 21 || n > 16<<20 {
		return fmt.Errorf("reply of implausible length %d", n)
	}
	reply := make([]byte, n-4)
	if _, err := io.ReadFull(conn, reply); err != nil {
		return fmt.Errorf("read reply: %w", err)
	}
	// ok: double 1.0 → 0x01 'o' 'k' 0x00 followed by 1.0 little-endian.
	okDouble := []byte{0x01, 'o', 'k', 0, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f}
	okInt := []byte{0x10, 'o', 'k', 0, 1, 0, 0, 0}
	if !bytes.Contains(reply, okDouble) && !bytes.Contains(reply, okInt) {
		return fmt.Errorf("the server did not answer ok: %q", reply)
	}
	return nil
}
