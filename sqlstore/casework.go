package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/internal/paging"
)

// The casework stores keep the records of package casework in the tables
// cases, households, case_assessments, case_plans and case_notes (migration
// 0003). Like every store they check only identity and versions;
// validation, time stamps, lifecycle rules and access control are the
// business of casework.Service. They store times in UTC at microsecond
// precision (finer fractions are dropped, and the returned copies show what
// was stored). Errors name records by id only, never by a name or any other
// text of the record.

// Casework returns the casework stores of the database, for
// casework.NewService.
func (d *DB) Casework() casework.Stores {
	return casework.Stores{
		Cases:       d.Cases(),
		Households:  d.Households(),
		Assessments: d.CaseAssessments(),
		Plans:       d.Plans(),
		Notes:       d.Notes(),
	}
}

// Cases returns the store of cases.
func (d *DB) Cases() *CaseStore { return d.casework().cases }

// Households returns the store of households.
func (d *DB) Households() *HouseholdStore { return d.casework().households }

// CaseAssessments returns the store of assessments of children and
// households (package casework; [DB.Assessments] is the store of
// transition-readiness assessments).
func (d *DB) CaseAssessments() *CaseAssessmentStore { return d.casework().assessments }

// Plans returns the store of family-strengthening plans.
func (d *DB) Plans() *PlanStore { return d.casework().plans }

// Notes returns the store of case notes.
func (d *DB) Notes() *NoteStore { return d.casework().notes }

// caseworkStores are the stores a DB hands out, built once.
type caseworkStores struct {
	cases       *CaseStore
	households  *HouseholdStore
	assessments *CaseAssessmentStore
	plans       *PlanStore
	notes       *NoteStore
}

func (d *DB) casework() *caseworkStores {
	d.cwOnce.Do(func() {
		d.cw = &caseworkStores{
			cases:       &CaseStore{t: newTable(d, "case", "cases", caseColumns, "", caseSpec)},
			households:  &HouseholdStore{t: newTable(d, "household", "households", householdColumns, "", householdSpec)},
			assessments: &CaseAssessmentStore{t: newTable(d, "assessment", "case_assessments", caseAssessmentColumns, "date", caseAssessmentSpec)},
			plans:       &PlanStore{t: newTable(d, "plan", "case_plans", planColumns, "start", planSpec)},
			notes:       &NoteStore{t: newTable(d, "note", "case_notes", noteColumns, "date", noteSpec)},
		}
	})
	return d.cw
}

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

// spec is how one record type maps to its table.
type spec[K ~string, V any] struct {
	id      func(*V) K
	version func(*V) *int64
	// prepare returns the copy of v that will be stored: cloned, times
	// normalised; it fails with homeward.ErrInvalid when the table cannot
	// hold v (no id, or no date to order it by).
	prepare func(V) (V, error)
	// values returns the column values of v in the order of the table's
	// columns (without id and version). It normalises times as prepare
	// does, so that it can write a value prepare has not copied.
	values func(d *DB, v *V) ([]any, error)
	// read reads a row of id, the columns and version.
	read func(r rowScanner) (V, error)
	// key is the sort key of the list order (casework.CaseKey, ...).
	key func(*V) string
	// cursorArg, when set, reads the part of a cursor's key before the id
	// (what key wrote there) as the query argument of the table's order
	// column, reporting false when it cannot; nil means the column holds a
	// date and the key starts with it as homeward.Date.String writes it.
	cursorArg func(d *DB, s string) (any, bool)
	// orgTable, when not empty, is a side table of (record_id, org) rows
	// that filters on membership of a list of organisations read; orgs
	// returns the organisations of a record (duplicates and empty ids are
	// left out). The table writes them in the transaction that writes the
	// record, after its insert or versioned update succeeded, so they are
	// always those of the stored version.
	orgTable string
	orgs     func(*V) []homeward.OrgID
}

// table is the SQL side of one store: of casework, visits or cohort.
type table[K ~string, V any] struct {
	spec[K, V]
	db          *DB
	kind, table string
	// dateCol is the column lists order by before id, or "" when they
	// order by id alone: a date column, or one that spec.cursorArg reads
	// cursors for.
	dateCol                         string
	insertSQL, updateSQL, selectSQL string
}

func newTable[K ~string, V any](d *DB, kind, name string, columns []string, dateCol string, s spec[K, V]) *table[K, V] {
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(columns)+2), ", ")
	sets := make([]string, len(columns))
	for i, c := range columns {
		sets[i] = c + " = ?"
	}
	cols := strings.Join(columns, ", ")
	return &table[K, V]{
		spec: s, db: d, kind: kind, table: name, dateCol: dateCol,
		insertSQL: d.rebind(`INSERT INTO ` + name + ` (id, ` + cols + `, version) VALUES (` + marks + `) ON CONFLICT (id) DO NOTHING`),
		updateSQL: d.rebind(`UPDATE ` + name + ` SET ` + strings.Join(sets, ", ") + `, version = version + 1 WHERE id = ? AND version = ?`),
		selectSQL: `SELECT id, ` + cols + `, version FROM ` + name,
	}
}

// insertArgs returns the arguments of insertSQL for the prepared value v.
func (t *table[K, V]) insertArgs(v *V) ([]any, error) {
	vals, err := t.values(t.db, v)
	if err != nil {
		return nil, err
	}
	args := make([]any, 0, len(vals)+2)
	args = append(args, string(t.id(v)))
	args = append(args, vals...)
	return append(args, *t.version(v)), nil
}

func (t *table[K, V]) create(ctx context.Context, v V) (V, error) {
	var zero V
	v, err := t.prepare(v)
	if err != nil {
		return zero, err
	}
	*t.version(&v) = 1
	args, err := t.insertArgs(&v)
	if err != nil {
		return zero, err
	}
	id := string(t.id(&v))
	err = t.db.withTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, t.insertSQL, args...)
		if err := t.inserted(res, err, id); err != nil {
			return err
		}
		return t.writeOrgs(ctx, tx, id, &v, false)
	})
	if err != nil {
		return zero, err
	}
	return v, nil
}

// inserted turns the result of an insert into nil, ErrConflict when the id
// exists, or the database's error.
func (t *table[K, V]) inserted(res sql.Result, err error, id string) error {
	if err != nil {
		return fmt.Errorf("sqlstore: create %s %s: %w", t.kind, id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("sqlstore: create %s %s: %w", t.kind, id, err)
	}
	if n == 0 {
		return fmt.Errorf("%s %s already exists: %w", t.kind, id, homeward.ErrConflict)
	}
	return nil
}

// createBatch stores vs in one transaction with one prepared insert. It is
// for tables whose records need nothing but an id (cases).
//
// It inserts in id order: a batch of random ids then walks each index
// forward instead of jumping about it, which keeps the pages it needs in
// SQLite's page cache and is much faster for large tables. Errors are
// still reported in the caller's order: the first id that repeats an
// earlier one of the batch, or else the first that exists already.
func (t *table[K, V]) createBatch(ctx context.Context, vs []V) error {
	if len(vs) == 0 {
		return nil
	}
	for i := range vs {
		if t.id(&vs[i]) == "" {
			return homeward.Invalid(fmt.Sprintf("[%d].id", i), "is required")
		}
	}
	order := make([]int, len(vs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := strings.Compare(string(t.id(&vs[a])), string(t.id(&vs[b]))); c != 0 {
			return c
		}
		return a - b
	})
	// A repeated id: in each run of equal ids, the second comes where the
	// repetition happens; the earliest of those is the one to name.
	dup := -1
	for k := 1; k < len(order); k++ {
		if t.id(&vs[order[k]]) == t.id(&vs[order[k-1]]) && (dup < 0 || order[k] < dup) {
			dup = order[k]
		}
	}
	if dup >= 0 {
		return fmt.Errorf("%s %s comes twice in the batch: %w", t.kind, t.id(&vs[dup]), homeward.ErrConflict)
	}
	d := t.db
	return d.withTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, t.insertSQL)
		if err != nil {
			return fmt.Errorf("sqlstore: create %ss: %w", t.kind, err)
		}
		defer stmt.Close()
		for k, i := range order {
			// The stored copy is never returned, so the caller's value
			// is encoded as it is (values normalises its times), without
			// the copy prepare makes; the id is all it needs.
			v := &vs[i]
			vals, err := t.values(d, v)
			if err != nil {
				return err
			}
			args := make([]any, 0, len(vals)+2)
			args = append(args, string(t.id(v)))
			args = append(args, vals...)
			args = append(args, int64(1))
			res, err := stmt.ExecContext(ctx, args...)
			if err := t.inserted(res, err, string(t.id(v))); err != nil {
				if errors.Is(err, homeward.ErrConflict) {
					return t.firstExisting(ctx, tx, vs, order[k:])
				}
				return err
			}
			if err := t.writeOrgs(ctx, tx, string(t.id(v)), v, false); err != nil {
				return err
			}
		}
		return nil
	})
}

// firstExisting returns the ErrConflict of the first record of vs, in the
// caller's order, among those at the indexes pending (not yet inserted, at
// least one of which exists), whose id is stored already.
func (t *table[K, V]) firstExisting(ctx context.Context, tx *sql.Tx, vs []V, pending []int) error {
	pending = slices.Clone(pending)
	slices.Sort(pending)
	stmt, err := tx.PrepareContext(ctx, t.db.rebind(`SELECT COUNT(*) FROM `+t.table+` WHERE id = ?`))
	if err != nil {
		return fmt.Errorf("sqlstore: create %ss: %w", t.kind, err)
	}
	defer stmt.Close()
	for _, i := range pending {
		id := string(t.id(&vs[i]))
		var n int
		if err := stmt.QueryRowContext(ctx, id).Scan(&n); err != nil {
			return fmt.Errorf("sqlstore: create %ss: %w", t.kind, err)
		}
		if n > 0 {
			return fmt.Errorf("%s %s already exists: %w", t.kind, id, homeward.ErrConflict)
		}
	}
	return fmt.Errorf("sqlstore: create %ss: a conflicting id vanished: %w", t.kind, homeward.ErrConflict)
}

func (t *table[K, V]) get(ctx context.Context, id K) (V, error) {
	var zero V
	d := t.db
	row := d.db.QueryRowContext(ctx, d.rebind(t.selectSQL+` WHERE id = ?`), string(id))
	v, err := t.read(row)
	if errors.Is(err, sql.ErrNoRows) {
		return zero, fmt.Errorf("%s %s: %w", t.kind, id, homeward.ErrNotFound)
	}
	if err != nil {
		return zero, fmt.Errorf("sqlstore: get %s %s: %w", t.kind, id, err)
	}
	return v, nil
}

func (t *table[K, V]) update(ctx context.Context, v V) (V, error) {
	var zero V
	v, err := t.prepare(v)
	if err != nil {
		return zero, err
	}
	d := t.db
	vals, err := t.values(d, &v)
	if err != nil {
		return zero, err
	}
	id, version := string(t.id(&v)), *t.version(&v)
	args := append(vals, id, version)
	err = d.withTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, t.updateSQL, args...)
		if err != nil {
			return fmt.Errorf("sqlstore: update %s %s: %w", t.kind, id, err)
		}
		if err := d.checkChanged(ctx, tx, res, t.table, t.kind, id, version); err != nil {
			return err
		}
		return t.writeOrgs(ctx, tx, id, &v, true)
	})
	if err != nil {
		return zero, err
	}
	*t.version(&v) = version + 1
	return v, nil
}

// orgRowsPerInsert bounds the rows of one insert into a side table of
// organisations, well below the placeholder limits of both dialects.
const orgRowsPerInsert = 200

// writeOrgs writes the side-table rows of the organisations of v, stored
// under id, in tx; with replace it first deletes the rows of the version
// it replaces. It does nothing for a table without a side table.
func (t *table[K, V]) writeOrgs(ctx context.Context, tx *sql.Tx, id string, v *V, replace bool) error {
	if t.orgTable == "" {
		return nil
	}
	d := t.db
	if replace {
		if _, err := tx.ExecContext(ctx, d.rebind(`DELETE FROM `+t.orgTable+` WHERE record_id = ?`), id); err != nil {
			return fmt.Errorf("sqlstore: %s %s: organisations: %w", t.kind, id, err)
		}
	}
	var orgs []string
	for _, o := range t.orgs(v) {
		if o != "" && !slices.Contains(orgs, string(o)) {
			orgs = append(orgs, string(o))
		}
	}
	for len(orgs) > 0 {
		n := min(len(orgs), orgRowsPerInsert)
		args := make([]any, 0, 2*n)
		for _, o := range orgs[:n] {
			args = append(args, id, o)
		}
		q := `INSERT INTO ` + t.orgTable + ` (record_id, org) VALUES ` + strings.TrimSuffix(strings.Repeat("(?, ?), ", n), ", ")
		if _, err := tx.ExecContext(ctx, d.rebind(q), args...); err != nil {
			return fmt.Errorf("sqlstore: %s %s: organisations: %w", t.kind, id, err)
		}
		orgs = orgs[n:]
	}
	return nil
}

// orderArg returns the query argument of the order column for s, the part
// of a cursor's key before the id.
func (t *table[K, V]) orderArg(s string) (any, bool) {
	if t.cursorArg != nil {
		return t.cursorArg(t.db, s)
	}
	day, err := homeward.ParseDate(s)
	if err != nil {
		return nil, false
	}
	return t.db.dateArg(day), true
}

// list returns one page of the rows that satisfy every condition of where
// (with args), in the list order: by id, or by dateCol and then id.
func (t *table[K, V]) list(ctx context.Context, where []string, args []any, req homeward.PageRequest) (homeward.Page[V], error) {
	d := t.db
	if req.Cursor != "" {
		key, err := paging.Decode(req.Cursor)
		if err != nil {
			return homeward.Page[V]{}, err
		}
		if t.dateCol == "" {
			where = append(where, `id > ?`)
			args = append(args, key)
		} else {
			first, id, ok := strings.Cut(key, "\x00")
			arg, argOK := t.orderArg(first)
			if !ok || !argOK {
				return homeward.Page[V]{}, homeward.Invalid("cursor", "is not a cursor returned by this list")
			}
			where = append(where, `(`+t.dateCol+`, id) > (?, ?)`)
			args = append(args, arg, id)
		}
	}
	limit := req.EffectiveLimit()
	args = append(args, limit+1)
	rows, err := d.db.QueryContext(ctx, t.listQuery(where), args...)
	if err != nil {
		return homeward.Page[V]{}, fmt.Errorf("sqlstore: list %ss: %w", t.kind, err)
	}
	defer rows.Close()
	page := homeward.Page[V]{Items: make([]V, 0, min(limit+1, 64))}
	for rows.Next() {
		v, err := t.read(rows)
		if err != nil {
			return homeward.Page[V]{}, fmt.Errorf("sqlstore: list %ss: %w", t.kind, err)
		}
		page.Items = append(page.Items, v)
	}
	if err := rows.Err(); err != nil {
		return homeward.Page[V]{}, fmt.Errorf("sqlstore: list %ss: %w", t.kind, err)
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit:limit]
		page.Next = paging.Encode(t.key(&page.Items[limit-1]))
	}
	return page, nil
}

// scanChunk is how many records Scan reads at a time.
var scanChunk = homeward.MaxPageLimit

// scan calls fn for every row that satisfies where, reading them a chunk at
// a time in list order and closing each query before fn sees its records,
// so that fn may use the database (even an in-memory one, which has a
// single connection).
func (t *table[K, V]) scan(ctx context.Context, where []string, args []any, fn func(*V) error) error {
	req := homeward.PageRequest{Limit: scanChunk}
	for {
		p, err := t.list(ctx, slices.Clip(where), slices.Clip(args), req)
		if err != nil {
			return err
		}
		for i := range p.Items {
			if err := fn(&p.Items[i]); err != nil {
				return err
			}
		}
		if p.Next == "" {
			return nil
		}
		req.Cursor = p.Next
	}
}

// listQuery returns the query of a page: the rows that satisfy where, in
// list order, with the limit as the last argument.
func (t *table[K, V]) listQuery(where []string) string {
	q := t.selectSQL
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	if t.dateCol != "" {
		q += ` ORDER BY ` + t.dateCol + `, id`
	} else {
		q += ` ORDER BY id`
	}
	return t.db.rebind(q + ` LIMIT ?`)
}

// filter collects the conditions of a list.
type filter struct {
	where []string
	args  []any
}

// eq adds "col = v" when v is not empty.
func (f *filter) eq(col, v string) {
	if v != "" {
		f.where = append(f.where, col+` = ?`)
		f.args = append(f.args, v)
	}
}

// add adds a condition with its arguments.
func (f *filter) add(cond string, args ...any) {
	f.where = append(f.where, cond)
	f.args = append(f.args, args...)
}

// Dates: required dates (those lists order by) are stored as they are;
// other dates may be zero, stored as NULL.

// optDateArg returns the query argument that stores day, NULL for the zero
// date.
func (d *DB) optDateArg(day homeward.Date) any {
	if day.IsZero() {
		return nil
	}
	return d.dateArg(day)
}

// optDateScan reads a nullable date column; NULL is the zero date.
type optDateScan struct{ d *homeward.Date }

func (s optDateScan) Scan(src any) error {
	if src == nil {
		*s.d = homeward.Date{}
		return nil
	}
	return dateScan(s).Scan(src)
}

// requireDate fails with homeward.ErrInvalid when a date that orders a list
// is missing.
func requireDate(kind, id, field string, day homeward.Date) error {
	if day.IsZero() {
		return fmt.Errorf("%s %s: %w", kind, id, homeward.Invalid(field, "is required: it orders the list"))
	}
	return nil
}

func requireID(id string) error {
	if id == "" {
		return homeward.Invalid("id", "is required")
	}
	return nil
}

// Cases.

// CaseStore is a [casework.CaseStore] in the cases table. It is safe for
// concurrent use. Get it from [DB.Cases] or [DB.Casework].
//
// The child's fields, status, risk, household and year of birth are
// columns, indexed for the lists by organisation and status, risk or year of
// birth, and by household; languages, disabilities, the risk and status
// histories, team, consents, care arrangements, closure and reopenings are
// JSON. [CaseStore.CreateBatch] loads many cases in one transaction.
type CaseStore struct {
	t *table[casework.CaseID, casework.Case]
}

var _ casework.CaseStore = (*CaseStore)(nil)

var caseColumns = []string{"org", "status", "risk", "household", "birth_year", "registered_on",
	"child_given_name", "child_family_name", "child_sex", "child_birth_date", "child_birth_estimated", "child_id_number",
	"child_languages", "child_disabilities", "risk_history", "team", "consents", "arrangements", "status_history",
	"closure", "reopenings", "created_at", "updated_at"}

var caseSpec = spec[casework.CaseID, casework.Case]{
	id:      func(c *casework.Case) casework.CaseID { return c.ID },
	version: func(c *casework.Case) *int64 { return &c.Version },
	key:     casework.CaseKey,
	prepare: func(c casework.Case) (casework.Case, error) {
		c = c.Clone()
		if err := requireID(string(c.ID)); err != nil {
			return c, err
		}
		c.CreatedAt, c.UpdatedAt = normTime(c.CreatedAt), normTime(c.UpdatedAt)
		for i := range c.StatusHistory {
			c.StatusHistory[i].At = normTime(c.StatusHistory[i].At)
		}
		return c, nil
	},
	values: func(d *DB, c *casework.Case) ([]any, error) {
		w := jsonBuf{b: make([]byte, 0, 512)}
		ch := &c.Child
		vals := []any{string(c.Org), string(c.Status), string(c.Risk), string(c.Household),
			// The year as casework.CaseFilter.Match reads it (1 for
			// no date), so that the SQL filter agrees with it.
			ch.BirthDate.Year(),
			d.optDateArg(c.RegisteredOn),
			ch.GivenName, ch.FamilyName, string(ch.Sex), d.optDateArg(ch.BirthDate), ch.BirthDateEstimated, ch.IDNumber,
			jsonStrings(&w, ch.Languages),
			jsonStrings(&w, ch.Disabilities),
			jsonArray(&w, c.RiskHistory, appendRiskChange),
			jsonArray(&w, c.Team, appendTeamMember),
			jsonArray(&w, c.Consents, appendConsent),
			jsonArray(&w, c.Arrangements, appendArrangement),
			jsonArray(&w, c.StatusHistory, appendStatusChange),
			jsonClosure(&w, c.Closure),
			jsonArray(&w, c.Reopenings, appendReopening),
			d.timeArg(c.CreatedAt), d.timeArg(c.UpdatedAt),
		}
		return vals, nil
	},
	read: func(r rowScanner) (casework.Case, error) {
		var (
			c                                                 casework.Case
			id, org, status, risk, household, sex             string
			birthYear                                         int
			langs, dis, rh, team, consents, arr, sh, cl, reop []byte
		)
		ch := &c.Child
		err := r.Scan(&id, &org, &status, &risk, &household, &birthYear, optDateScan{&c.RegisteredOn},
			&ch.GivenName, &ch.FamilyName, &sex, optDateScan{&ch.BirthDate}, &ch.BirthDateEstimated, &ch.IDNumber,
			&langs, &dis, &rh, &team, &consents, &arr, &sh, &cl, &reop,
			timeScan{&c.CreatedAt}, timeScan{&c.UpdatedAt}, &c.Version)
		if err != nil {
			return casework.Case{}, err
		}
		c.ID, c.Org, c.Status, c.Risk = casework.CaseID(id), homeward.OrgID(org), casework.Status(status), casework.Risk(risk)
		c.Household, ch.Sex = casework.HouseholdID(household), casework.Sex(sex)
		p := jsonParts{kind: "case", id: id}
		ch.Languages = decodeStrings[string](&p, "child languages", langs)
		ch.Disabilities = decodeStrings[casework.Disability](&p, "child disabilities", dis)
		c.RiskHistory = decodeList(&p, "risk history", rh, fromRiskChange)
		c.Team = decodeList(&p, "team", team, fromTeamMember)
		c.Consents = decodeList(&p, "consents", consents, fromConsent)
		c.Arrangements = decodeList(&p, "arrangements", arr, fromArrangement)
		c.StatusHistory = decodeList(&p, "status history", sh, fromStatusChange)
		c.Closure = decodeClosure(&p, cl)
		c.Reopenings = decodeList(&p, "reopenings", reop, fromReopening)
		return c, p.err
	},
}

// Create stores c with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when a case with c's ID exists and with
// homeward.ErrInvalid when c has no ID.
func (s *CaseStore) Create(ctx context.Context, c casework.Case) (casework.Case, error) {
	return s.t.create(ctx, c)
}

// CreateBatch stores the cases, each with Version 1, in one transaction
// that prepares the insert once and reuses it for every case: the way to
// load many cases at once (an import, a move from another system), many
// times faster than one Create per case. Batches of some thousands of cases
// suit SQLite well. To load hundreds of thousands of cases into SQLite,
// use batches of about 100,000 and open the database for the load with a
// large page cache, large pages (they take effect in a new database) and
// the write-ahead log checkpointed rarely, as in "file:cases.db?_pragma=cache_size(-524288)&_pragma=page_size(16384)&_pragma=wal_autocheckpoint(1000000)":
// that writes a million cases several times faster than Open's defaults
// (see BenchmarkCaseCreateBatch). It is all or nothing: when
// an id comes twice in cases, or exists already, it stores none of them and
// fails with homeward.ErrConflict naming the first such id in the order of
// cases (an id that comes twice is found before one that exists); when a
// case has no ID it fails with homeward.ErrInvalid naming its index. It
// neither changes nor keeps cases; Get returns the stored copies.
func (s *CaseStore) CreateBatch(ctx context.Context, cases []casework.Case) error {
	return s.t.createBatch(ctx, cases)
}

// Get returns the case with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *CaseStore) Get(ctx context.Context, id casework.CaseID) (casework.Case, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored case with c when c.Version equals the stored
// version, stores it with the version incremented and returns the stored
// copy. It fails with homeward.ErrNotFound when there is no such case,
// homeward.ErrConflict when the versions differ, and homeward.ErrInvalid
// when c has no ID.
func (s *CaseStore) Update(ctx context.Context, c casework.Case) (casework.Case, error) {
	return s.t.update(ctx, c)
}

// List returns the cases that match f, ordered by id (byte order), one
// page at a time. A malformed cursor is homeward.ErrInvalid.
func (s *CaseStore) List(ctx context.Context, f casework.CaseFilter) (homeward.Page[casework.Case], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every case that matches f (its Page is ignored), in list
// order, and stops at the first error fn returns, which it returns. It reads the
// cases 1000 at a time and holds no query open while fn runs, so fn may use
// the database. fn may change the record it is given but must not keep it.
func (s *CaseStore) Scan(ctx context.Context, f casework.CaseFilter, fn func(*casework.Case) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

// where returns the conditions of f.
func (s *CaseStore) where(f *casework.CaseFilter) filter {
	var w filter
	w.eq("org", string(f.Org))
	w.eq("status", string(f.Status))
	w.eq("risk", string(f.Risk))
	w.eq("household", string(f.Household))
	if f.BornFrom != 0 || f.BornTo != 0 {
		w.add("child_birth_date IS NOT NULL")
	}
	if f.BornFrom != 0 {
		w.add("birth_year >= ?", f.BornFrom)
	}
	if f.BornTo != 0 {
		w.add("birth_year <= ?", f.BornTo)
	}
	return w
}

// Households.

// HouseholdStore is a [casework.HouseholdStore] in the households table. It
// is safe for concurrent use. Get it from [DB.Households] or [DB.Casework].
// Members, income and support are JSON; money keeps its exact decimal
// amount and its currency.
type HouseholdStore struct {
	t *table[casework.HouseholdID, casework.Household]
}

var _ casework.HouseholdStore = (*HouseholdStore)(nil)

var householdColumns = []string{"org", "region", "district", "address", "phone", "members", "income", "support",
	"created_at", "updated_at"}

var householdSpec = spec[casework.HouseholdID, casework.Household]{
	id:      func(h *casework.Household) casework.HouseholdID { return h.ID },
	version: func(h *casework.Household) *int64 { return &h.Version },
	key:     casework.HouseholdKey,
	prepare: func(h casework.Household) (casework.Household, error) {
		h = h.Clone()
		h.CreatedAt, h.UpdatedAt = normTime(h.CreatedAt), normTime(h.UpdatedAt)
		return h, requireID(string(h.ID))
	},
	values: func(d *DB, h *casework.Household) ([]any, error) {
		var w jsonBuf
		vals := []any{string(h.Org), h.Region, h.District, h.Address, h.Phone,
			jsonArray(&w, h.Members, appendMember),
			jsonArray(&w, h.Income, appendIncome),
			jsonArray(&w, h.Support, appendSupport),
			d.timeArg(h.CreatedAt), d.timeArg(h.UpdatedAt),
		}
		return vals, nil
	},
	read: func(r rowScanner) (casework.Household, error) {
		var (
			h                        casework.Household
			id, org                  string
			members, income, support []byte
		)
		err := r.Scan(&id, &org, &h.Region, &h.District, &h.Address, &h.Phone, &members, &income, &support,
			timeScan{&h.CreatedAt}, timeScan{&h.UpdatedAt}, &h.Version)
		if err != nil {
			return casework.Household{}, err
		}
		h.ID, h.Org = casework.HouseholdID(id), homeward.OrgID(org)
		p := jsonParts{kind: "household", id: id}
		h.Members = decodeList(&p, "members", members, fromMember)
		h.Income = decodeList(&p, "income", income, fromIncome)
		h.Support = decodeList(&p, "support", support, fromSupport)
		return h, p.err
	},
}

// Create stores h with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when a household with h's ID exists and with
// homeward.ErrInvalid when h has no ID.
func (s *HouseholdStore) Create(ctx context.Context, h casework.Household) (casework.Household, error) {
	return s.t.create(ctx, h)
}

// Get returns the household with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *HouseholdStore) Get(ctx context.Context, id casework.HouseholdID) (casework.Household, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored household with h when h.Version equals the
// stored version, stores it with the version incremented and returns the
// stored copy. It fails with homeward.ErrNotFound when there is no such
// household, homeward.ErrConflict when the versions differ, and
// homeward.ErrInvalid when h has no ID.
func (s *HouseholdStore) Update(ctx context.Context, h casework.Household) (casework.Household, error) {
	return s.t.update(ctx, h)
}

// List returns the households that match f, ordered by id (byte order),
// one page at a time. A malformed cursor is homeward.ErrInvalid.
func (s *HouseholdStore) List(ctx context.Context, f casework.HouseholdFilter) (homeward.Page[casework.Household], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every household that matches f (its Page is ignored), in list
// order, and stops at the first error fn returns, which it returns. It reads the
// households 1000 at a time and holds no query open while fn runs, so fn may use
// the database. fn may change the record it is given but must not keep it.
func (s *HouseholdStore) Scan(ctx context.Context, f casework.HouseholdFilter, fn func(*casework.Household) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

// where returns the conditions of f.
func (s *HouseholdStore) where(f *casework.HouseholdFilter) filter {
	var w filter
	w.eq("org", string(f.Org))
	return w
}

// Assessments of children and households.

// CaseAssessmentStore is a [casework.AssessmentStore] in the
// case_assessments table. It is safe for concurrent use. Get it from
// [DB.CaseAssessments] or [DB.Casework]. The scores are JSON; an assessment
// needs a date, which orders lists.
type CaseAssessmentStore struct {
	t *table[casework.AssessmentID, casework.Assessment]
}

var _ casework.AssessmentStore = (*CaseAssessmentStore)(nil)

var caseAssessmentColumns = []string{"org", "kind", "case_id", "household", "date", "assessor", "scores", "note",
	"created_at", "updated_at"}

var caseAssessmentSpec = spec[casework.AssessmentID, casework.Assessment]{
	id:      func(a *casework.Assessment) casework.AssessmentID { return a.ID },
	version: func(a *casework.Assessment) *int64 { return &a.Version },
	key:     casework.AssessmentKey,
	prepare: func(a casework.Assessment) (casework.Assessment, error) {
		a = a.Clone()
		a.CreatedAt, a.UpdatedAt = normTime(a.CreatedAt), normTime(a.UpdatedAt)
		if err := requireID(string(a.ID)); err != nil {
			return a, err
		}
		return a, requireDate("assessment", string(a.ID), "date", a.Date)
	},
	values: func(d *DB, a *casework.Assessment) ([]any, error) {
		var w jsonBuf
		vals := []any{string(a.Org), string(a.Kind), string(a.Case), string(a.Household), d.dateArg(a.Date), a.Assessor,
			jsonScores(&w, a.Scores), a.Note, d.timeArg(a.CreatedAt), d.timeArg(a.UpdatedAt)}
		return vals, nil
	},
	read: func(r rowScanner) (casework.Assessment, error) {
		var (
			a                     casework.Assessment
			id, org, kind, cs, hh string
			scores                []byte
		)
		err := r.Scan(&id, &org, &kind, &cs, &hh, dateScan{&a.Date}, &a.Assessor, &scores, &a.Note,
			timeScan{&a.CreatedAt}, timeScan{&a.UpdatedAt}, &a.Version)
		if err != nil {
			return casework.Assessment{}, err
		}
		a.ID, a.Org, a.Kind = casework.AssessmentID(id), homeward.OrgID(org), casework.AssessmentKind(kind)
		a.Case, a.Household = casework.CaseID(cs), casework.HouseholdID(hh)
		p := jsonParts{kind: "assessment", id: id}
		a.Scores = decodeScores(&p, scores)
		return a, p.err
	},
}

// Create stores a with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when an assessment with a's ID exists and with
// homeward.ErrInvalid when a has no ID or no date.
func (s *CaseAssessmentStore) Create(ctx context.Context, a casework.Assessment) (casework.Assessment, error) {
	return s.t.create(ctx, a)
}

// Get returns the assessment with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *CaseAssessmentStore) Get(ctx context.Context, id casework.AssessmentID) (casework.Assessment, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored assessment with a when a.Version equals the
// stored version, stores it with the version incremented and returns the
// stored copy. It fails with homeward.ErrNotFound when there is no such
// assessment, homeward.ErrConflict when the versions differ, and
// homeward.ErrInvalid when a has no ID or no date.
func (s *CaseAssessmentStore) Update(ctx context.Context, a casework.Assessment) (casework.Assessment, error) {
	return s.t.update(ctx, a)
}

// List returns the assessments that match f, ordered by date and then by id
// (byte order), one page at a time. A malformed cursor is
// homeward.ErrInvalid.
func (s *CaseAssessmentStore) List(ctx context.Context, f casework.AssessmentFilter) (homeward.Page[casework.Assessment], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every assessment that matches f (its Page is ignored), in list
// order, and stops at the first error fn returns, which it returns. It reads the
// assessments 1000 at a time and holds no query open while fn runs, so fn may use
// the database. fn may change the record it is given but must not keep it.
func (s *CaseAssessmentStore) Scan(ctx context.Context, f casework.AssessmentFilter, fn func(*casework.Assessment) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

// where returns the conditions of f.
func (s *CaseAssessmentStore) where(f *casework.AssessmentFilter) filter {
	var w filter
	w.eq("org", string(f.Org))
	w.eq("kind", string(f.Kind))
	w.eq("case_id", string(f.Case))
	w.eq("household", string(f.Household))
	return w
}

// Family-strengthening plans.

// PlanStore is a [casework.PlanStore] in the case_plans table. It is safe
// for concurrent use. Get it from [DB.Plans] or [DB.Casework]. Reviews and
// goals (with their actions) are JSON; a plan needs a start date, which
// orders lists.
type PlanStore struct {
	t *table[casework.PlanID, casework.Plan]
}

var _ casework.PlanStore = (*PlanStore)(nil)

var planColumns = []string{"org", "case_id", "status", "start", "next_review", "reviews", "goals", "created_at", "updated_at"}

var planSpec = spec[casework.PlanID, casework.Plan]{
	id:      func(p *casework.Plan) casework.PlanID { return p.ID },
	version: func(p *casework.Plan) *int64 { return &p.Version },
	key:     casework.PlanKey,
	prepare: func(p casework.Plan) (casework.Plan, error) {
		p = p.Clone()
		p.CreatedAt, p.UpdatedAt = normTime(p.CreatedAt), normTime(p.UpdatedAt)
		if err := requireID(string(p.ID)); err != nil {
			return p, err
		}
		return p, requireDate("plan", string(p.ID), "start", p.Start)
	},
	values: func(d *DB, pl *casework.Plan) ([]any, error) {
		var w jsonBuf
		vals := []any{string(pl.Org), string(pl.Case), string(pl.Status), d.dateArg(pl.Start), d.optDateArg(pl.NextReview),
			jsonArray(&w, pl.Reviews, appendReview),
			jsonArray(&w, pl.Goals, appendGoal),
			d.timeArg(pl.CreatedAt), d.timeArg(pl.UpdatedAt)}
		return vals, nil
	},
	read: func(r rowScanner) (casework.Plan, error) {
		var (
			pl                  casework.Plan
			id, org, cs, status string
			reviews, goals      []byte
		)
		err := r.Scan(&id, &org, &cs, &status, dateScan{&pl.Start}, optDateScan{&pl.NextReview}, &reviews, &goals,
			timeScan{&pl.CreatedAt}, timeScan{&pl.UpdatedAt}, &pl.Version)
		if err != nil {
			return casework.Plan{}, err
		}
		pl.ID, pl.Org, pl.Case, pl.Status = casework.PlanID(id), homeward.OrgID(org), casework.CaseID(cs), casework.PlanStatus(status)
		p := jsonParts{kind: "plan", id: id}
		pl.Reviews = decodeList(&p, "reviews", reviews, fromReview)
		pl.Goals = decodeList(&p, "goals", goals, fromGoal)
		return pl, p.err
	},
}

// Create stores p with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when a plan with p's ID exists and with
// homeward.ErrInvalid when p has no ID or no start date.
func (s *PlanStore) Create(ctx context.Context, p casework.Plan) (casework.Plan, error) {
	return s.t.create(ctx, p)
}

// Get returns the plan with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *PlanStore) Get(ctx context.Context, id casework.PlanID) (casework.Plan, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored plan with p when p.Version equals the stored
// version, stores it with the version incremented and returns the stored
// copy. It fails with homeward.ErrNotFound when there is no such plan,
// homeward.ErrConflict when the versions differ, and homeward.ErrInvalid
// when p has no ID or no start date.
func (s *PlanStore) Update(ctx context.Context, p casework.Plan) (casework.Plan, error) {
	return s.t.update(ctx, p)
}

// List returns the plans that match f, ordered by start date and then by id
// (byte order), one page at a time. A malformed cursor is
// homeward.ErrInvalid.
func (s *PlanStore) List(ctx context.Context, f casework.PlanFilter) (homeward.Page[casework.Plan], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every plan that matches f (its Page is ignored), in list
// order, and stops at the first error fn returns, which it returns. It reads the
// plans 1000 at a time and holds no query open while fn runs, so fn may use
// the database. fn may change the record it is given but must not keep it.
func (s *PlanStore) Scan(ctx context.Context, f casework.PlanFilter, fn func(*casework.Plan) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

// where returns the conditions of f.
func (s *PlanStore) where(f *casework.PlanFilter) filter {
	var w filter
	w.eq("org", string(f.Org))
	w.eq("case_id", string(f.Case))
	w.eq("status", string(f.Status))
	return w
}

// Case notes.

// NoteStore is a [casework.NoteStore] in the case_notes table. It is safe
// for concurrent use. Get it from [DB.Notes] or [DB.Casework]. A note needs
// a date, which orders lists.
type NoteStore struct {
	t *table[casework.NoteID, casework.Note]
}

var _ casework.NoteStore = (*NoteStore)(nil)

var noteColumns = []string{"org", "case_id", "date", "type", "author", "text", "confidential", "created_at", "updated_at"}

var noteSpec = spec[casework.NoteID, casework.Note]{
	id:      func(n *casework.Note) casework.NoteID { return n.ID },
	version: func(n *casework.Note) *int64 { return &n.Version },
	key:     casework.NoteKey,
	prepare: func(n casework.Note) (casework.Note, error) {
		n.CreatedAt, n.UpdatedAt = normTime(n.CreatedAt), normTime(n.UpdatedAt)
		if err := requireID(string(n.ID)); err != nil {
			return n, err
		}
		return n, requireDate("note", string(n.ID), "date", n.Date)
	},
	values: func(d *DB, n *casework.Note) ([]any, error) {
		return []any{string(n.Org), string(n.Case), d.dateArg(n.Date), string(n.Type), n.Author, n.Text, n.Confidential,
			d.timeArg(n.CreatedAt), d.timeArg(n.UpdatedAt)}, nil
	},
	read: func(r rowScanner) (casework.Note, error) {
		var (
			n                casework.Note
			id, org, cs, typ string
		)
		err := r.Scan(&id, &org, &cs, dateScan{&n.Date}, &typ, &n.Author, &n.Text, &n.Confidential,
			timeScan{&n.CreatedAt}, timeScan{&n.UpdatedAt}, &n.Version)
		if err != nil {
			return casework.Note{}, err
		}
		n.ID, n.Org, n.Case, n.Type = casework.NoteID(id), homeward.OrgID(org), casework.CaseID(cs), casework.InteractionType(typ)
		return n, nil
	},
}

// Create stores n with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when a note with n's ID exists and with
// homeward.ErrInvalid when n has no ID or no date.
func (s *NoteStore) Create(ctx context.Context, n casework.Note) (casework.Note, error) {
	return s.t.create(ctx, n)
}

// Get returns the note with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *NoteStore) Get(ctx context.Context, id casework.NoteID) (casework.Note, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored note with n when n.Version equals the stored
// version, stores it with the version incremented and returns the stored
// copy. It fails with homeward.ErrNotFound when there is no such note,
// homeward.ErrConflict when the versions differ, and homeward.ErrInvalid
// when n has no ID or no date.
func (s *NoteStore) Update(ctx context.Context, n casework.Note) (casework.Note, error) {
	return s.t.update(ctx, n)
}

// List returns the notes that match f, ordered by date and then by id (byte
// order), one page at a time; From and To bound the date, inclusive. A
// malformed cursor is homeward.ErrInvalid.
func (s *NoteStore) List(ctx context.Context, f casework.NoteFilter) (homeward.Page[casework.Note], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every note that matches f (its Page is ignored), in list
// order, and stops at the first error fn returns, which it returns. It reads the
// notes 1000 at a time and holds no query open while fn runs, so fn may use
// the database. fn may change the record it is given but must not keep it.
func (s *NoteStore) Scan(ctx context.Context, f casework.NoteFilter, fn func(*casework.Note) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

// where returns the conditions of f.
func (s *NoteStore) where(f *casework.NoteFilter) filter {
	d := s.t.db
	var w filter
	w.eq("org", string(f.Org))
	w.eq("case_id", string(f.Case))
	if !f.From.IsZero() {
		w.add("date >= ?", d.dateArg(f.From))
	}
	if !f.To.IsZero() {
		w.add("date <= ?", d.dateArg(f.To))
	}
	return w
}
