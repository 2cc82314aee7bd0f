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
	// Scan returns. fn must not keep the pointer after it returns. Scan is
	// how counts, indicators and exports pass over millions of visits.
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
type MemoryVisitStore struct {
	t *memtable.Table[VisitID, Visit]
}

// NewMemoryVisitStore returns an empty in-memory visit store.
func NewMemoryVisitStore() *MemoryVisitStore {
	return &MemoryVisitStore{t: memtable.New("visit",
		func(v *Visit) VisitID { return v.ID }, func(v *Visit) *int64 { return &v.Version }, Visit.Clone)}
}

// Create implements [VisitStore].
func (s *MemoryVisitStore) Create(_ context.Context, v Visit) (Visit, error) { return s.t.Create(v) }

// Get implements [VisitStore].
func (s *MemoryVisitStore) Get(_ context.Context, id VisitID) (Visit, error) { return s.t.Get(id) }

// Update implements [VisitStore].
func (s *MemoryVisitStore) Update(_ context.Context, v Visit) (Visit, error) { return s.t.Update(v) }

// Scan implements [VisitStore].
func (s *MemoryVisitStore) Scan(_ context.Context, f VisitFilter, fn func(*Visit) error) error {
	return s.t.Scan(f.Match, fn)
}

// List implements [VisitStore].
func (s *MemoryVisitStore) List(_ context.Context, f VisitFilter) (homeward.Page[Visit], error) {
	return s.t.List(f.Match, VisitKey, f.Page)
}
