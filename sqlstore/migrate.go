package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ErrSchemaTooNew means the database was migrated by a newer release of
// Homeward than this program: its schema has migrations this program does
// not know, so Open refuses it rather than risk misreading it. The error
// returned by [Open] is a [*SchemaVersionError] that wraps ErrSchemaTooNew.
var ErrSchemaTooNew = errors.New("database schema is newer than this program supports")

// SchemaVersionError reports a database whose schema version is newer than
// the newest migration this program carries. It unwraps to [ErrSchemaTooNew].
type SchemaVersionError struct {
	// Database is the highest migration version recorded in the database.
	Database int
	// Supported is the highest migration version this program carries.
	Supported int
}

// Error says which versions differ and what to do about it.
func (e *SchemaVersionError) Error() string {
	return fmt.Sprintf("database schema version %d is newer than this program supports (%d); upgrade Homeward", e.Database, e.Supported)
}

// Unwrap returns [ErrSchemaTooNew].
func (e *SchemaVersionError) Unwrap() error { return ErrSchemaTooNew }

// Migrations are SQL files named NNNN_description.sql, one directory per
// dialect. Each dialect has the same versions.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the migrations of a dialect in version order.
func migrations(dialect string) ([]migration, error) {
	dir := path.Join("migrations", dialect)
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: read %s migrations: %w", dialect, err)
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("sqlstore: migration file %s/%s is not named NNNN_description.sql", dir, e.Name())
		}
		b, err := fs.ReadFile(migrationFiles, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("sqlstore: migrations %s and %s have the same version", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// migrationLock is the PostgreSQL advisory lock key that serialises
// migrations of concurrent Open calls ("homeward" in ASCII).
const migrationLock = 0x686f6d6577617264

// migrate applies the missing migrations up to version upTo (every one when
// upTo < 0), each in its own transaction, and refuses a database newer than
// the newest migration.
func (d *DB) migrate(ctx context.Context, upTo int) error {
	ms, err := migrations(d.dialect)
	if err != nil {
		return err
	}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	var applied map[int]bool
	err = d.withTx(ctx, func(tx *sql.Tx) error {
		if err := d.lockMigrations(ctx, tx); err != nil {
			return err
		}
		create := `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)`
		if d.dialect == DialectPostgres {
			create = `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`
		}
		if _, err := tx.ExecContext(ctx, create); err != nil {
			return fmt.Errorf("sqlstore: create schema_migrations: %w", err)
		}
		applied, err = appliedVersions(ctx, tx)
		return err
	})
	if err != nil {
		return err
	}
	for v := range applied {
		if v > latest {
			return &SchemaVersionError{Database: maxKey(applied), Supported: latest}
		}
	}
	for _, m := range ms {
		if applied[m.version] || (upTo >= 0 && m.version > upTo) {
			continue
		}
		err := d.withTx(ctx, func(tx *sql.Tx) error {
			if err := d.lockMigrations(ctx, tx); err != nil {
				return err
			}
			// Another process may have applied it since we looked.
			var n int
			if err := tx.QueryRowContext(ctx, d.rebind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), m.version).Scan(&n); err != nil {
				return fmt.Errorf("sqlstore: read schema_migrations: %w", err)
			}
			if n > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("sqlstore: apply migration %s/%s: %w", d.dialect, m.name, err)
			}
			if _, err := tx.ExecContext(ctx, d.rebind(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`), m.version, d.timeArg(time.Now())); err != nil {
				return fmt.Errorf("sqlstore: record migration %s/%s: %w", d.dialect, m.name, err)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (d *DB) lockMigrations(ctx context.Context, tx *sql.Tx) error {
	if d.dialect != DialectPostgres {
		return nil // the write transaction already excludes other writers
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
		return fmt.Errorf("sqlstore: lock migrations: %w", err)
	}
	return nil
}

func appliedVersions(ctx context.Context, tx *sql.Tx) (map[int]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: read schema_migrations: %w", err)
	}
	defer rows.Close()
	applied := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("sqlstore: read schema_migrations: %w", err)
		}
		applied[v] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlstore: read schema_migrations: %w", err)
	}
	return applied, nil
}

func maxKey(m map[int]bool) int {
	n := 0
	for k := range m {
		n = max(n, k)
	}
	return n
}

// SchemaVersion returns the highest migration version recorded in the
// database.
func (d *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := d.db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("sqlstore: read schema_migrations: %w", err)
	}
	return int(v.Int64), nil
}
