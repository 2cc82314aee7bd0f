package sqlstore

import (
	"context"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

// VisitStore is a [monitoring.VisitStore] in the visits table. It is safe
// for concurrent use. Get it from [DB.Visits].
//
// The outcome and the scores of a visit are JSON; a visit needs a due date,
// which orders lists. An open column (neither done, missed nor cancelled)
// with indexes on organisation, caseworker and due date serves the morning
// worklists.
type VisitStore struct {
	t *table[monitoring.VisitID, monitoring.Visit]
}

var _ monitoring.VisitStore = (*VisitStore)(nil)

var visitColumns = []string{"org", "case_id", "caseworker", "due", "kind", "mode", "done", "done_by", "outcome", "scores",
	"missed", "cancelled", "reason", "open", "created_at", "updated_at"}

// outcomeJSON is a visit's outcome as kept in the outcome column.
type outcomeJSON struct {
	ChildSafe bool   `json:"child_safe"`
	Concerns  bool   `json:"concerns"`
	Note      string `json:"note,omitempty"`
	Actions   string `json:"actions,omitempty"`
}

var visitSpec = spec[monitoring.VisitID, monitoring.Visit]{
	id:      func(v *monitoring.Visit) monitoring.VisitID { return v.ID },
	version: func(v *monitoring.Visit) *int64 { return &v.Version },
	key:     monitoring.VisitKey,
	prepare: func(v monitoring.Visit) (monitoring.Visit, error) {
		v = v.Clone()
		v.CreatedAt, v.UpdatedAt = normTime(v.CreatedAt), normTime(v.UpdatedAt)
		if err := requireID(string(v.ID)); err != nil {
			return v, err
		}
		return v, requireDate("visit", string(v.ID), "due", v.Due)
	},
	values: func(d *DB, v *monitoring.Visit) ([]any, error) {
		p := jsonParts{kind: "visit", id: string(v.ID)}
		outcome := "null"
		if v.Outcome != nil {
			outcome = p.marshal("outcome", outcomeJSON(*v.Outcome))
		}
		vals := []any{string(v.Org), string(v.Case), v.Caseworker, d.dateArg(v.Due), string(v.Kind), string(v.Mode),
			d.optDateArg(v.Done), v.By, outcome, encodeScores(&p, v.Scores), d.optDateArg(v.Missed), d.optDateArg(v.Cancelled),
			v.Reason, v.Open(), d.timeArg(v.CreatedAt), d.timeArg(v.UpdatedAt)}
		return vals, p.err
	},
	read: func(r rowScanner) (monitoring.Visit, error) {
		var (
			v                       monitoring.Visit
			id, org, cs, kind, mode string
			outcome, scores         []byte
			open                    bool
		)
		err := r.Scan(&id, &org, &cs, &v.Caseworker, dateScan{&v.Due}, &kind, &mode, optDateScan{&v.Done}, &v.By,
			&outcome, &scores, optDateScan{&v.Missed}, optDateScan{&v.Cancelled}, &v.Reason, &open,
			timeScan{&v.CreatedAt}, timeScan{&v.UpdatedAt}, &v.Version)
		if err != nil {
			return monitoring.Visit{}, err
		}
		v.ID, v.Org, v.Case = monitoring.VisitID(id), homeward.OrgID(org), casework.CaseID(cs)
		v.Kind, v.Mode = monitoring.Kind(kind), monitoring.Mode(mode)
		p := jsonParts{kind: "visit", id: id}
		if !isNull(outcome) {
			var o outcomeJSON
			p.unmarshal("outcome", outcome, &o)
			out := monitoring.Outcome(o)
			v.Outcome = &out
		}
		v.Scores = decodeScores(&p, scores)
		return v, p.err
	},
}

// Visits returns the store of follow-up visits.
func (d *DB) Visits() *VisitStore {
	d.visitsOnce.Do(func() {
		d.visits = &VisitStore{t: newTable(d, "visit", "visits", visitColumns, "due", visitSpec)}
	})
	return d.visits
}

// Create stores v with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when a visit with v's ID exists and with
// homeward.ErrInvalid when v has no ID or no due date.
func (s *VisitStore) Create(ctx context.Context, v monitoring.Visit) (monitoring.Visit, error) {
	return s.t.create(ctx, v)
}

// CreateBatch stores new visits in one transaction, all or none. It fails
// with homeward.ErrConflict naming the first id that exists.
func (s *VisitStore) CreateBatch(ctx context.Context, vs []monitoring.Visit) error {
	return s.t.createBatch(ctx, vs)
}

// Get returns the visit with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *VisitStore) Get(ctx context.Context, id monitoring.VisitID) (monitoring.Visit, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored visit with v when v.Version equals the stored
// version, stores it with the version incremented and returns the stored
// copy. It fails with homeward.ErrNotFound when there is no such visit,
// homeward.ErrConflict when the versions differ, and homeward.ErrInvalid
// when v has no ID or no due date.
func (s *VisitStore) Update(ctx context.Context, v monitoring.Visit) (monitoring.Visit, error) {
	return s.t.update(ctx, v)
}

// List returns the visits that match f, ordered by due date and then by id
// (byte order), one page at a time. A malformed cursor is
// homeward.ErrInvalid.
func (s *VisitStore) List(ctx context.Context, f monitoring.VisitFilter) (homeward.Page[monitoring.Visit], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every visit that matches f (its Page is ignored), in
// list order, and stops at the first error fn returns, which it returns. It
// reads the visits 1000 at a time and holds no query open while fn runs.
// fn may change the visit it is given but must not keep it.
func (s *VisitStore) Scan(ctx context.Context, f monitoring.VisitFilter, fn func(*monitoring.Visit) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

func (s *VisitStore) where(f *monitoring.VisitFilter) filter {
	var w filter
	w.eq("org", string(f.Org))
	w.eq("case_id", string(f.Case))
	w.eq("caseworker", f.Caseworker)
	if f.OpenOnly {
		w.add(`open = ?`, true)
	}
	if !f.DueFrom.IsZero() {
		w.add(`due >= ?`, s.t.db.dateArg(f.DueFrom))
	}
	if !f.DueTo.IsZero() {
		w.add(`due <= ?`, s.t.db.dateArg(f.DueTo))
	}
	return w
}
