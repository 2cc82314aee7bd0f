package cohort

import (
	"context"
	"slices"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/memtable"
)

// The stores of the cohort package follow Homeward's store contract: copy
// in and out; Create fails with homeward.ErrConflict when the id exists;
// Get fails with homeward.ErrNotFound; Update stores the record when its
// Version equals the stored one and increments it, else
// homeward.ErrConflict (homeward.ErrNotFound when missing); List returns
// one page in the documented order (homeward.ErrInvalid on a malformed
// cursor); Scan passes over every matching record once. Access rules live in
// the [Service]. The cohorttest package checks any implementation.

// ProgrammeStore stores programmes.
type ProgrammeStore interface {
	Create(ctx context.Context, p Programme) (Programme, error)
	Get(ctx context.Context, id ProgrammeID) (Programme, error)
	Update(ctx context.Context, p Programme) (Programme, error)
	// List returns the programmes that match f, ordered by id.
	List(ctx context.Context, f ProgrammeFilter) (homeward.Page[Programme], error)
	Scan(ctx context.Context, f ProgrammeFilter, fn func(*Programme) error) error
}

// ProgrammeFilter selects programmes; zero fields do not filter.
type ProgrammeFilter struct {
	// Organiser keeps the programmes this organisation organises.
	Organiser homeward.OrgID
	Kind      ProgrammeKind
	Page      homeward.PageRequest
}

// Match reports whether p passes the filter (ignoring paging).
func (f *ProgrammeFilter) Match(p *Programme) bool {
	return (f.Organiser == "" || slices.Contains(p.Organisers, f.Organiser)) && (f.Kind == "" || p.Kind == f.Kind)
}

// CohortStore stores cohorts.
type CohortStore interface {
	Create(ctx context.Context, c Cohort) (Cohort, error)
	Get(ctx context.Context, id CohortID) (Cohort, error)
	Update(ctx context.Context, c Cohort) (Cohort, error)
	// List returns the cohorts that match f, ordered by start date, then id.
	List(ctx context.Context, f CohortFilter) (homeward.Page[Cohort], error)
	Scan(ctx context.Context, f CohortFilter, fn func(*Cohort) error) error
}

// CohortFilter selects cohorts; zero fields do not filter.
type CohortFilter struct {
	Programme ProgrammeID
	Status    CohortStatus
	// Org keeps the cohorts this organisation organises, facilitates or is
	// a member of (in any state).
	Org  homeward.OrgID
	Page homeward.PageRequest
}

// Match reports whether c passes the filter (ignoring paging).
func (f *CohortFilter) Match(c *Cohort) bool {
	return (f.Programme == "" || c.Programme == f.Programme) && (f.Status == "" || c.Status == f.Status) &&
		(f.Org == "" || c.involves(f.Org))
}

// involves reports whether org organises, facilitates or is a member of c.
func (c *Cohort) involves(org homeward.OrgID) bool {
	if slices.Contains(c.Organisers, org) {
		return true
	}
	for _, f := range c.Facilitators {
		if f.Org == org {
			return true
		}
	}
	_, ok := c.Member(org)
	return ok
}

// ProgrammeKey is a programme's sort key: its id.
func ProgrammeKey(p *Programme) string { return string(p.ID) }

// CohortKey is a cohort's sort key: its start date, then its id.
func CohortKey(c *Cohort) string { return c.Start.String() + "\x00" + string(c.ID) }

// Stores bundles the stores a [Service] works on.
type Stores struct {
	Programmes ProgrammeStore
	Cohorts    CohortStore
	// Networks, Actions, Submissions and Discussions are needed by the
	// service methods of learning networks, learning actions and joint
	// case analysis; those methods fail with homeward.ErrInvalid when the
	// store they need is nil.
	Networks    NetworkStore
	Actions     LearningActionStore
	Submissions SubmissionStore
	Discussions DiscussionStore
}

// NewMemoryStores returns in-memory stores, safe for concurrent use.
func NewMemoryStores() Stores {
	st := Stores{
		Programmes: memtable.NewStore(memtable.New("programme",
			func(p *Programme) ProgrammeID { return p.ID }, func(p *Programme) *int64 { return &p.Version }, Programme.Clone),
			ProgrammeKey, (*ProgrammeFilter).Match, func(f *ProgrammeFilter) homeward.PageRequest { return f.Page }),
		Cohorts: memtable.NewStore(memtable.New("cohort",
			func(c *Cohort) CohortID { return c.ID }, func(c *Cohort) *int64 { return &c.Version }, Cohort.Clone),
			CohortKey, (*CohortFilter).Match, func(f *CohortFilter) homeward.PageRequest { return f.Page }),
	}
	newMemoryLearningStores(&st)
	return st
}
