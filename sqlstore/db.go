package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	// The two database/sql drivers: pgx registers "pgx", modernc.org/sqlite
	// registers "sqlite".
	_ "github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Dialect names returned by [DB.Dialect].
const (
	DialectSQLite   = "sqlite"
	DialectPostgres = "postgres"
)

// DB is an open Homeward database: a SQLite or PostgreSQL database whose
// schema is up to date. It is safe for concurrent use. The stores it hands
// out share its connections; close the DB when done.
type DB struct {
	db      *sql.DB
	dialect string
	// writers admits one write transaction at a time on SQLite, where the
	// database has a single writer anyway: waiting here (honouring the
	// context) instead of in SQLite's busy handler keeps concurrent writers
	// of one process from ever seeing "database is locked". It is nil on
	// PostgreSQL.
	writers chan struct{}

	assessments *AssessmentStore
	audit       *AuditSink

	// cw holds the casework stores, built on first use.
	cwOnce sync.Once
	cw     *caseworkStores

	// visits is the store of follow-up visits, built on first use.
	visitsOnce sync.Once
	visits     *VisitStore

	// co holds the cohort stores, built on first use.
	coOnce sync.Once
	co     *cohortStores
}

// Open opens the database named by dsn and brings its schema up to date,
// applying every migration it lacks (each in its own transaction). It
// refuses a database whose schema is newer than this program knows, with an
// error wrapping [ErrSchemaTooNew].
//
// A dsn that starts with "postgres://" or "postgresql://" opens PostgreSQL
// through pgx; its query parameters are pgx's (for example sslmode, or
// search_path to keep Homeward's tables in their own schema). Anything else
// is SQLite: a file path ("homeward.db", "/var/lib/homeward/data.db"), a
// SQLite URI ("file:data.db?mode=rwc"), or an in-memory database (":memory:",
// "file::memory:", "file::memory:?cache=shared"). See the package
// documentation for the settings Open applies to SQLite.
func Open(ctx context.Context, dsn string) (*DB, error) {
	db, err := open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := db.migrate(ctx, -1); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// open connects without migrating.
func open(ctx context.Context, dsn string) (*DB, error) {
	var (
		d   *DB
		err error
	)
	switch {
	case dsn == "":
		return nil, errors.New("sqlstore: empty data source name")
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		d, err = openPostgres(dsn)
	default:
		d, err = openSQLite(dsn)
	}
	if err != nil {
		return nil, err
	}
	if err := d.ping(ctx); err != nil {
		d.db.Close()
		return nil, fmt.Errorf("sqlstore: connect to %s database: %w", d.dialect, err)
	}
	d.assessments = &AssessmentStore{db: d}
	d.audit = &AuditSink{db: d}
	return d, nil
}

func openPostgres(dsn string) (*DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open postgres database: %w", err)
	}
	return &DB{db: db, dialect: DialectPostgres}, nil
}

// ping opens the first connection. On a SQLite file that several
// connections open at once while it is new, setting the journal mode to WAL
// can fail at once with SQLITE_BUSY, without waiting through busy_timeout,
// while another connection converts the file; ping tries again for up to
// sqliteBusyTimeout, as long as busy_timeout would have waited.
func (d *DB) ping(ctx context.Context) error {
	delay, deadline := 2*time.Millisecond, time.Now().Add(sqliteBusyTimeout)
	for {
		err := d.db.PingContext(ctx)
		if err == nil || d.dialect != DialectSQLite || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return err
		}
		delay = min(2*delay, 100*time.Millisecond)
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY: the database is
// locked by another connection.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// sqlitePragmas are set on every SQLite connection unless the DSN sets them
// itself. busy_timeout comes first so that the others wait for a lock
// instead of failing.
var sqlitePragmas = []string{fmt.Sprintf("busy_timeout(%d)", sqliteBusyTimeout.Milliseconds()), "foreign_keys(1)", "synchronous(NORMAL)"}

// sqliteBusyTimeout is how long a SQLite connection waits for a lock.
const sqliteBusyTimeout = 5 * time.Second

func openSQLite(dsn string) (*DB, error) {
	memory := isMemory(dsn)
	name := sqliteURI(dsn, memory)
	db, err := sql.Open("sqlite", name)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open sqlite database: %w", err)
	}
	if memory {
		// An in-memory database lives as long as the connection that
		// created it and is seen by that connection only. One connection,
		// never closed while the DB is open, gives every caller the same
		// database (and serialises all access, which is what a single
		// in-memory database does anyway).
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
	}
	return &DB{db: db, dialect: DialectSQLite, writers: make(chan struct{}, 1)}, nil
}

// isMemory reports whether a SQLite DSN names an in-memory database.
func isMemory(dsn string) bool {
	if dsn == ":memory:" || strings.HasPrefix(dsn, ":memory:?") || strings.HasPrefix(dsn, "file::memory:") {
		return true
	}
	if !strings.HasPrefix(dsn, "file:") {
		return false
	}
	_, query, _ := strings.Cut(dsn, "?")
	q, err := url.ParseQuery(query)
	return err == nil && (q.Get("mode") == "memory" || q.Get("vfs") == "memdb")
}

// sqliteURI turns a SQLite DSN into a "file:" URI carrying Homeward's
// connection settings, keeping any the DSN sets itself.
func sqliteURI(dsn string, memory bool) string {
	base, query, _ := strings.Cut(dsn, "?")
	switch {
	case base == ":memory:":
		base = "file::memory:"
	case !strings.HasPrefix(base, "file:"):
		// A plain path: escape what a URI would read as syntax.
		base = "file:" + uriPathEscaper.Replace(base)
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		// Leave a DSN we cannot read to the driver, which reports it.
		return dsn
	}
	set := map[string]bool{}
	for _, p := range q["_pragma"] {
		name, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(p)), "(")
		name, _, _ = strings.Cut(name, "=")
		set[strings.TrimSpace(name)] = true
	}
	for _, k := range []string{"_busy_timeout", "_timeout", "_foreign_keys", "_fk", "_synchronous", "_sync", "_journal_mode", "_journal"} {
		if q.Has(k) {
			name := strings.TrimPrefix(k, "_")
			switch name {
			case "timeout":
				name = "busy_timeout"
			case "fk":
				name = "foreign_keys"
			case "sync":
				name = "synchronous"
			case "journal":
				name = "journal_mode"
			}
			set[name] = true
		}
	}
	pragmas := sqlitePragmas
	if !memory {
		pragmas = append(pragmas[:len(pragmas):len(pragmas)], "journal_mode(WAL)")
	}
	for _, p := range pragmas {
		name, _, _ := strings.Cut(p, "(")
		if !set[name] {
			q.Add("_pragma", p)
		}
	}
	if !q.Has("_txlock") {
		// Write transactions take the write lock when they begin, so a
		// transaction never fails halfway when it upgrades from reading
		// to writing while another connection writes.
		q.Set("_txlock", "immediate")
	}
	return base + "?" + q.Encode()
}

// uriPathEscaper escapes the characters that end or escape the path of a
// SQLite URI.
var uriPathEscaper = strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23")

// Close closes the database. Stores obtained from it stop working.
func (d *DB) Close() error { return d.db.Close() }

// Dialect returns "sqlite" or "postgres" ([DialectSQLite], [DialectPostgres]).
func (d *DB) Dialect() string { return d.dialect }

// SQL returns the underlying connection pool, for queries of the caller's
// own. Homeward's tables are its own: change them only through the stores.
// On an in-memory SQLite database the pool has a single connection, so
// close every *sql.Rows before running the next statement.
func (d *DB) SQL() *sql.DB { return d.db }

// Assessments returns the store of transition-readiness assessments.
func (d *DB) Assessments() *AssessmentStore { return d.assessments }

// Audit returns the audit sink that persists events in the database.
func (d *DB) Audit() *AuditSink { return d.audit }

// withTx runs fn in a transaction, committing when fn returns nil and rolling
// back otherwise (also when fn panics). Every write goes through it.
func (d *DB) withTx(ctx context.Context, fn func(*sql.Tx) error) (err error) {
	if d.writers != nil {
		select {
		case d.writers <- struct{}{}:
			defer func() { <-d.writers }()
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlstore: begin transaction: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			_ = tx.Rollback()
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlstore: commit: %w", err)
	}
	committed = true
	return nil
}

// rebind rewrites the "?" placeholders of query into the dialect's form
// ($1, $2, ... on PostgreSQL). Homeward's queries contain no other "?".
func (d *DB) rebind(query string) string {
	if d.dialect != DialectPostgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
