package monitoring

import (
	"context"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/internal/memtable"
)

// VisitStore stores visits. Like every Homeward store it copies values in
// and out and enforces identity and versions only: Create fails with
// homeward.ErrConflict when the id exists; Get fails with
// homeward.ErrNotFound; Update stores the visit when its Version equals the
// stored one and increments it, else fails with homeward.ErrConflict
// (homeward.ErrNotFound when there is no such visit). The monitoringtest
// package checks any implementation.
type VisitStore interface {
	Create(ctx context.Context, v Visit) (Visit, error)
	Get(ctx context.Context, id VisitID) (Visit, error)
	Update(ctx context.Context, v Visit) (Visit, error)
	// List returns the visits that match f, ordered by due date, then id.
	// A malformed cursor is homeward.ErrInvalid.
	List(ctx context.Context, f VisitFilter) (homeward.Page[Visit], error)
	// Scan calls fn for every visit that matches f (its Page is ignored),
	// in no particular order, stopping at the first error fn returns, which
	// Scan returns. The pass is read-only: fn must neither keep the visit
	// it is given nor change it or anything it points to, and must not
	// write to the store (an in-memory store holds its read lock during the
	// pass). Scan is how
	// counts, indicators and exports pass over millions of visits.
	Scan(ctx context.Context, f VisitFilter, fn func(*Visit) error) error
}

// VisitFilter selects visits; zero fields do not filter.
type VisitFilter struct {
	Org        homeward.OrgID
	Case       casework.CaseID
	Caseworker string
	// OpenOnly keeps the visits that are neither done, missed nor
	// cancelled.
	OpenOnly bool
	// DueFrom and DueTo bound the due date, inclusive.
	DueFrom, DueTo homeward.Date
	Page           homeward.PageRequest
}

// Match reports whether v passes the filter (ignoring paging).
func (f *VisitFilter) Match(v *Visit) bool {
	return (f.Org == "" || v.Org == f.Org) && (f.Case == "" || v.Case == f.Case) &&
		(f.Caseworker == "" || v.Caseworker == f.Caseworker) && (!f.OpenOnly || v.Open()) &&
		(f.DueFrom.IsZero() || !v.Due.Before(f.DueFrom)) && (f.DueTo.IsZero() || !v.Due.After(f.DueTo))
}

// VisitKey is a visit's sort key: its due date, then its id.
func VisitKey(v *Visit) string { return v.Due.String() + "\x00" + string(v.ID) }

// MemoryVisitStore is an in-memory [VisitStore], safe for concurrent use.
// It indexes the visits of each case and the open visits of each
// organisation in due order, so a case's visits and a morning worklist are
// read without passing over the other visits.
type MemoryVisitStore struct {
	t *memtable.Table[VisitID, Visit]
}

// Indexes of the in-memory visit store.
const (
	indexCase    = "case"     // every visit, under its case
	indexOpenOrg = "open_org" // open visits, under their organisation
)

// NewMemoryVisitStore returns an empty in-memory visit store.
func NewMemoryVisitStore() *MemoryVisitStore {
	t := memtable.New("visit", func(v *Visit) VisitID { return v.ID }, func(v *Visit) *int64 { return &v.Version }, Visit.Clone)
	t.AddIndex(indexCase, func(v *Visit) []string { return []string{string(v.Case)} }, VisitKey)
	t.AddIndex(indexOpenOrg, func(v *Visit) []string {
		if !v.Open() {
			return nil
		}
		return []string{string(v.Org)}
	}, VisitKey)
	return &MemoryVisitStore{t: t}
}

// Create implements [VisitStore].
func (s *MemoryVisitStore) Create(_ context.Context, v Visit) (Visit, error) { return s.t.Create(v) }

// Get implements [VisitStore].
func (s *MemoryVisitStore) Get(_ context.Context, id VisitID) (Visit, error) { return s.t.Get(id) }

// Update implements [VisitStore].
func (s *MemoryVisitStore) Update(_ context.Context, v Visit) (Visit, error) { return s.t.Update(v) }

// Scan implements [VisitStore].
func (s *MemoryVisitStore) Scan(_ context.Context, f VisitFilter, fn func(*Visit) error) error {
	return s.t.ScanShared(f.Match, fn)
}

// List implements [VisitStore].
func (s *MemoryVisitStore) List(_ context.Context, f VisitFilter) (homeward.Page[Visit], error) {
	switch {
	case f.Case != "":
		return s.t.ListIndex(indexCase, string(f.Case), f.Match, f.Page)
	case f.OpenOnly && f.Org != "":
		return s.t.ListIndex(indexOpenOrg, string(f.Org), f.Match, f.Page)
	}
	return s.t.List(f.Match, VisitKey, f.Page)
}
