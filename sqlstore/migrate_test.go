package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMigrationsMatchAcrossDialects(t *testing.T) {
	lite, err := migrations(DialectSQLite)
	require.NoError(t, err)
	pg, err := migrations(DialectPostgres)
	require.NoError(t, err)
	require.NotEmpty(t, lite)
	require.Equal(t, len(lite), len(pg))
	for i := range lite {
		require.Equal(t, lite[i].name, pg[i].name)
		require.Equal(t, i+1, lite[i].version, "versions are numbered 1, 2, 3, ... without gaps")
	}
}

func latestVersion(t *testing.T) int {
	ms, err := migrations(DialectSQLite)
	require.NoError(t, err)
	return ms[len(ms)-1].version
}

func tableExists(t *testing.T, db *DB, table string) bool {
	t.Helper()
	_, err := db.SQL().ExecContext(context.Background(), `SELECT 1 FROM `+table+` WHERE 1 = 0`)
	return err == nil
}

// TestMigrateUpgradesOlderDatabase creates a database with only the first
// migration, as an older release would have left it, and opens it.
func TestMigrateUpgradesOlderDatabase(t *testing.T) {
	for _, b := range backends {
		if b.name == "sqlite-memory" {
			continue // nothing outlives the connection
		}
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			dsn := b.dsn(t)
			old, err := open(ctx, dsn)
			require.NoError(t, err)
			require.NoError(t, old.migrate(ctx, 1))
			v, err := old.SchemaVersion(ctx)
			require.NoError(t, err)
			require.Equal(t, 1, v)
			require.True(t, tableExists(t, old, "assessments"))
			require.False(t, tableExists(t, old, "audit_events"))
			_, err = old.Assessments().Create(ctx, assessment("kept", "org-1", "2027-03-01"))
			require.NoError(t, err)
			require.NoError(t, old.Close())

			db, err := Open(ctx, dsn)
			require.NoError(t, err)
			defer db.Close()
			v, err = db.SchemaVersion(ctx)
			require.NoError(t, err)
			require.Equal(t, latestVersion(t), v)
			require.True(t, tableExists(t, db, "audit_events"))
			_, err = db.Assessments().Get(ctx, "kept")
			require.NoError(t, err)

			var n int
			require.NoError(t, db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n))
			require.Equal(t, latestVersion(t), n)

			// Opening again applies nothing and changes nothing.
			again, err := Open(ctx, dsn)
			require.NoError(t, err)
			require.NoError(t, again.Close())
		})
	}
}

func TestMigrateRefusesNewerDatabase(t *testing.T) {
	for _, b := range backends {
		if b.name == "sqlite-memory" {
			continue
		}
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			dsn := b.dsn(t)
			db, err := Open(ctx, dsn)
			require.NoError(t, err)
			_, err = db.SQL().ExecContext(ctx, db.rebind(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`), 999, db.timeArg(testNow))
			require.NoError(t, err)
			require.NoError(t, db.Close())

			_, err = Open(ctx, dsn)
			require.ErrorIs(t, err, ErrSchemaTooNew)
			var sv *SchemaVersionError
			require.True(t, errors.As(err, &sv))
			require.Equal(t, SchemaVersionError{Database: 999, Supported: latestVersion(t)}, *sv)
			require.EqualError(t, err, fmt.Sprintf("database schema version 999 is newer than this program supports (%d); upgrade Homeward", latestVersion(t)))
		})
	}
}

// TestConcurrentOpen opens one new database from several goroutines: the
// migrations are applied once.
func TestConcurrentOpen(t *testing.T) {
	for _, b := range backends {
		if b.name == "sqlite-memory" {
			continue
		}
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			dsn := b.dsn(t)
			errs := make(chan error, 4)
			for range 4 {
				go func() {
					db, err := Open(ctx, dsn)
					if err == nil {
						err = db.Close()
					}
					errs <- err
				}()
			}
			for range 4 {
				require.NoError(t, <-errs)
			}
		})
	}
}

func TestSQLiteDSN(t *testing.T) {
	tests := []struct {
		dsn    string
		memory bool
		want   string
	}{
		{":memory:", true, "file::memory:?_pragma=busy_timeout%285000%29&_pragma=foreign_keys%281%29&_pragma=synchronous%28NORMAL%29&_txlock=immediate"},
		{"file::memory:?cache=shared", true, "file::memory:?_pragma=busy_timeout%285000%29&_pragma=foreign_keys%281%29&_pragma=synchronous%28NORMAL%29&_txlock=immediate&cache=shared"},
		{"/tmp/a b#1%.db", false, "file:/tmp/a b%231%25.db?_pragma=busy_timeout%285000%29&_pragma=foreign_keys%281%29&_pragma=synchronous%28NORMAL%29&_pragma=journal_mode%28WAL%29&_txlock=immediate"},
		{"file:x.db?_pragma=journal_mode(DELETE)&_busy_timeout=100&_txlock=deferred", false, "file:x.db?_busy_timeout=100&_pragma=journal_mode%28DELETE%29&_pragma=foreign_keys%281%29&_pragma=synchronous%28NORMAL%29&_txlock=deferred"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.memory, isMemory(tt.dsn), tt.dsn)
		require.Equal(t, tt.want, sqliteURI(tt.dsn, tt.memory), tt.dsn)
	}
}

func TestSQLitePragmas(t *testing.T) {
	ctx := context.Background()
	db := openTest(t, backends[1])
	var fk, timeout int
	var journal string
	require.NoError(t, db.SQL().QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk))
	require.NoError(t, db.SQL().QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&timeout))
	require.NoError(t, db.SQL().QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&journal))
	require.Equal(t, 1, fk)
	require.Equal(t, 5000, timeout)
	require.Equal(t, "wal", journal)
	require.Equal(t, DialectSQLite, db.Dialect())
}
