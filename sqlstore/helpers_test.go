package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// backend is a kind of database the tests run on.
type backend struct {
	name string
	// dsn returns the DSN of a new, empty database that is removed when
	// the test ends.
	dsn func(t *testing.T) string
}

// backends are SQLite in memory and in a file, always, and PostgreSQL when
// HOMEWARD_POSTGRES_URL is set.
var backends = []backend{
	{"sqlite-memory", func(*testing.T) string { return ":memory:" }},
	{"sqlite-file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "homeward.db") }},
	{"postgres", postgresDSN},
}

// forEachBackend runs fn as a subtest per backend.
func forEachBackend(t *testing.T, fn func(t *testing.T, b backend)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { fn(t, b) })
	}
}

// openTest opens a new database of backend b, closed when the test ends.
func openTest(t *testing.T, b backend) *DB {
	t.Helper()
	db, err := Open(context.Background(), b.dsn(t))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// postgresDSN returns a DSN for a new schema of the PostgreSQL server named
// by HOMEWARD_POSTGRES_URL, dropped when the test ends, or skips the test
// when the variable is not set.
func postgresDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv("HOMEWARD_POSTGRES_URL")
	if base == "" {
		t.Skip("HOMEWARD_POSTGRES_URL not set: PostgreSQL tests skipped")
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "hw_test_" + hex.EncodeToString(b[:])

	admin, err := sql.Open("pgx", base)
	require.NoError(t, err)
	defer admin.Close()
	ctx := context.Background()
	_, err = admin.ExecContext(ctx, `CREATE SCHEMA `+schema)
	require.NoError(t, err, "create test schema on HOMEWARD_POSTGRES_URL")
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer admin.Close()
		if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})

	u, err := url.Parse(base)
	require.NoError(t, err)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
