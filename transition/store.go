package transition

import (
	"context"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/memtable"
)

// Store persists assessments. Stores keep no reference to the values passed
// in or returned (copy in, copy out) and enforce nothing but identity and
// versions: validation, time stamps and access control are the [Service]'s.
// [NewMemoryStore] is the in-memory implementation; the sqlstore module has
// SQLite and PostgreSQL ones; transitiontest checks any implementation.
type Store interface {
	// Create stores a with Version 1 and returns the stored copy. It fails
	// with homeward.ErrConflict when an assessment with a's ID exists.
	Create(ctx context.Context, a Assessment) (Assessment, error)
	// Get returns the assessment with the given id, or homeward.ErrNotFound.
	Get(ctx context.Context, id AssessmentID) (Assessment, error)
	// Update replaces the stored assessment with a when a.Version equals the
	// stored version, stores it with the version incremented and returns the
	// stored copy. It fails with homeward.ErrNotFound when there is no such
	// assessment and homeward.ErrConflict when the versions differ.
	Update(ctx context.Context, a Assessment) (Assessment, error)
	// Delete removes the assessment when version equals the stored version.
	// It fails with homeward.ErrNotFound or homeward.ErrConflict.
	Delete(ctx context.Context, id AssessmentID, version int64) error
	// List returns the assessments that match f, ordered by date and then
	// by id, one page at a time. A malformed cursor is homeward.ErrInvalid.
	List(ctx context.Context, f Filter) (homeward.Page[Assessment], error)
}

// Filter selects assessments. Zero fields do not filter.
type Filter struct {
	Org       homeward.OrgID
	Checklist string
	// From and To bound the date, both inclusive.
	From, To homeward.Date
	Page     homeward.PageRequest
}

// Match reports whether a passes the filter (ignoring paging).
func (f Filter) Match(a *Assessment) bool {
	return (f.Org == "" || a.Org == f.Org) &&
		(f.Checklist == "" || a.Checklist == f.Checklist) &&
		(f.From.IsZero() || !a.Date.Before(f.From)) &&
		(f.To.IsZero() || !a.Date.After(f.To))
}

// ListKey is the sort key of an assessment in lists: its date, then its id.
// Cursors are built from it.
func ListKey(a Assessment) string { return a.Date.String() + "\x00" + string(a.ID) }

// MemoryStore is an in-memory [Store], safe for concurrent use.
type MemoryStore struct {
	t *memtable.Table[AssessmentID, Assessment]
}

// NewMemoryStore returns an empty in-memory store.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{t: memtable.New("assessment",
		func(a *Assessment) AssessmentID { return a.ID },
		func(a *Assessment) *int64 { return &a.Version },
		Assessment.Clone)}
}

// Create implements [Store].
func (s *MemoryStore) Create(_ context.Context, a Assessment) (Assessment, error) {
	return s.t.Create(a)
}

// Get implements [Store].
func (s *MemoryStore) Get(_ context.Context, id AssessmentID) (Assessment, error) { return s.t.Get(id) }

// Update implements [Store].
func (s *MemoryStore) Update(_ context.Context, a Assessment) (Assessment, error) {
	return s.t.Update(a)
}

// Delete implements [Store].
func (s *MemoryStore) Delete(_ context.Context, id AssessmentID, version int64) error {
	return s.t.Delete(id, version)
}

// List implements [Store].
func (s *MemoryStore) List(_ context.Context, f Filter) (homeward.Page[Assessment], error) {
	return s.t.List(f.Match, func(a *Assessment) string { return ListKey(*a) }, f.Page)
}
