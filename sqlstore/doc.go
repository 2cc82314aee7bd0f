// Package sqlstore keeps Homeward's records in a SQL database: SQLite, the
// embedded default (modernc.org/sqlite, pure Go, no cgo), or PostgreSQL
// (through pgx). It implements the store interfaces of the core packages —
// [transition.Store] as [AssessmentStore], and the five casework stores
// ([DB.Casework]: [CaseStore], [HouseholdStore], [CaseAssessmentStore],
// [PlanStore], [NoteStore]), the visit store of monitoring ([VisitStore]),
// the six cohort stores ([DB.Cohort]: [ProgrammeStore], [CohortStore],
// [NetworkStore], [LearningActionStore], [SubmissionStore],
// [DiscussionStore]) — and a [homeward.AuditSink], [AuditSink], that
// persists the audit trail. Every store passes its package's conformance
// suite on both databases.
//
// # Opening a database
//
// [Open] takes one data source name and picks the database from it:
//
//	postgres://user:pass@host:5432/db?sslmode=disable    PostgreSQL (also postgresql://)
//	homeward.db, /var/lib/homeward/data.db                SQLite file, created when missing
//	file:data.db?mode=rwc                                 SQLite URI
//	:memory:, file::memory:                               SQLite in memory, gone on Close
//
// PostgreSQL query parameters are pgx's; search_path=NAME keeps Homeward's
// tables in a schema of their own (the schema must exist).
//
// On SQLite, Open sets busy_timeout=5000 (wait up to five seconds for a
// lock), foreign_keys=ON and synchronous=NORMAL on every connection, and
// journal_mode=WAL for a file, so readers never wait for the writer. A DSN
// may set any of these itself ("?_pragma=journal_mode(DELETE)"); Open adds
// only the ones it lacks. Write transactions begin IMMEDIATE, so they queue
// for the single writer lock rather than fail halfway, and writers of one
// [DB] take turns before they reach SQLite; several processes (or several
// DB values) on one file wait for each other through busy_timeout. A plain
// path is read up to its first "?"; a file name containing "?" must be
// given as a file: URI with the character escaped (%3F).
//
// An in-memory SQLite database exists only inside the connection that
// created it, so Open keeps exactly one connection, open until Close, for
// in-memory DSNs: every store of the DB sees the same database, and each
// Open of ":memory:" gives a new, empty one. Access to it is serialised,
// which suits tests, demos and scripts; use a file for anything concurrent
// or lasting.
//
// # Schema and migrations
//
// The schema is built by forward-only migrations embedded in the binary
// (migrations/sqlite/NNNN_name.sql and migrations/postgres/NNNN_name.sql,
// the same numbers for both). The database records the ones it has in the
// table schema_migrations(version, applied_at). Open applies every missing
// migration, each in its own transaction and in version order, so opening a
// database written by an older release upgrades it; concurrent Opens of one
// database apply each migration once. A database that records a version
// this program does not know was written by a newer release: Open refuses
// it with a [*SchemaVersionError] wrapping [ErrSchemaTooNew], rather than
// read tables it does not understand. Adding a table means adding the next
// numbered file for each dialect.
//
// # Using the stores
//
// The stores only persist; validation, time stamps, access control and
// audit events are the work of the core services. Build a service on a
// store and pass it the audit sink:
//
//	db, err := sqlstore.Open(ctx, "homeward.db")
//	...
//	defer db.Close()
//	svc, err := transition.NewService(db.Assessments(), &transition.Options{Audit: db.Audit()})
//	cases, err := casework.NewService(db.Casework(), &casework.Options{Audit: db.Audit()})
//	learning, err := cohort.NewService(db.Cohort(), &cohort.Options{Audit: db.Audit(), Casework: cases})
//
// Records are versioned optimistically in SQL: an update or delete names the
// version it read and changes nothing when the stored version differs
// (homeward.ErrConflict). Lists are ordered as each Store interface
// documents and paged with keyset cursors, so a page costs the same at the
// start and at the millionth record. Times are stored in UTC with
// microsecond precision, dates as calendar dates ('YYYY-MM-DD' text on
// SQLite, DATE on PostgreSQL), and the nested parts of records (assessment
// answers, a case's team, consents and care arrangements, a household's
// members, income and support, plan goals, a cohort's sessions, members,
// attendance and fee contributions, a network's events, a submission's
// de-identified case summary, a discussion's protocol and contributions) as
// JSON, money inside it as exact decimal text with its currency code. The
// fields that lists filter on are indexed columns. Filters on membership of
// a list of organisations (the organisers of a programme; the organisers,
// facilitators and members of a cohort; the lead, facilitator and members
// of a network) read side tables of (record, organisation) rows that Create
// and Update write in the transaction that writes the record, after its
// versioned write succeeded. [CaseStore.CreateBatch] loads many cases in
// one transaction. Errors wrap the sentinels of the homeward package and
// name records by id only, never by a name, the text of an answer or a note,
// or any other value of a record.
package sqlstore
