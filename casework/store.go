package casework

import (
	"context"

	"github.com/homewardkit/homeward"
)

// The stores of the casework package, one per aggregate. Every store copies
// values in and out, enforces identity and versions only, and names the
// errors it returns: Create fails with homeward.ErrConflict when the id
// exists; Get fails with homeward.ErrNotFound; Update stores the value when
// its Version equals the stored one and increments it, else fails with
// homeward.ErrConflict (homeward.ErrNotFound when there is no such record);
// List returns one page in the documented order and fails with
// homeward.ErrInvalid on a malformed cursor; Scan passes over every matching
// record once, for indicators and exports: a read-only pass, in which fn
// must neither keep the record it is given nor change it or anything it
// points to, and must not write to the store (an in-memory store holds its
// read lock during the pass). Validation, time stamps,
// lifecycle rules and access control belong to the [Service]. The
// caseworktest package checks any implementation; [NewMemoryStores] returns
// in-memory ones and the sqlstore module SQLite and PostgreSQL ones.

// CaseStore stores cases.
type CaseStore interface {
	Create(ctx context.Context, c Case) (Case, error)
	Get(ctx context.Context, id CaseID) (Case, error)
	Update(ctx context.Context, c Case) (Case, error)
	// List returns the cases that match f, ordered by id.
	List(ctx context.Context, f CaseFilter) (homeward.Page[Case], error)
	// Scan calls fn for every record that matches f (its Page is ignored), in
	// no particular order, and stops at the first error fn returns.
	Scan(ctx context.Context, f CaseFilter, fn func(*Case) error) error
}

// CaseFilter selects cases; zero fields do not filter.
type CaseFilter struct {
	Org       homeward.OrgID
	Status    Status
	Risk      Risk
	Household HouseholdID
	// BornFrom and BornTo bound the child's year of birth, inclusive (0:
	// unbounded). A case without a birth date matches no bound.
	BornFrom, BornTo int
	Page             homeward.PageRequest
}

// Match reports whether c passes the filter (ignoring paging).
func (f *CaseFilter) Match(c *Case) bool {
	if (f.Org != "" && c.Org != f.Org) || (f.Status != "" && c.Status != f.Status) ||
		(f.Risk != "" && c.Risk != f.Risk) || (f.Household != "" && c.Household != f.Household) {
		return false
	}
	if f.BornFrom != 0 || f.BornTo != 0 {
		y := c.Child.BirthDate.Year()
		if c.Child.BirthDate.IsZero() || (f.BornFrom != 0 && y < f.BornFrom) || (f.BornTo != 0 && y > f.BornTo) {
			return false
		}
	}
	return true
}

// HouseholdStore stores households.
type HouseholdStore interface {
	Create(ctx context.Context, h Household) (Household, error)
	Get(ctx context.Context, id HouseholdID) (Household, error)
	Update(ctx context.Context, h Household) (Household, error)
	// List returns the households that match f, ordered by id.
	List(ctx context.Context, f HouseholdFilter) (homeward.Page[Household], error)
	// Scan calls fn for every record that matches f (its Page is ignored), in
	// no particular order, and stops at the first error fn returns.
	Scan(ctx context.Context, f HouseholdFilter, fn func(*Household) error) error
}

// HouseholdFilter selects households; zero fields do not filter.
type HouseholdFilter struct {
	Org  homeward.OrgID
	Page homeward.PageRequest
}

// Match reports whether h passes the filter (ignoring paging).
func (f *HouseholdFilter) Match(h *Household) bool { return f.Org == "" || h.Org == f.Org }

// AssessmentStore stores assessments of children and households.
type AssessmentStore interface {
	Create(ctx context.Context, a Assessment) (Assessment, error)
	Get(ctx context.Context, id AssessmentID) (Assessment, error)
	Update(ctx context.Context, a Assessment) (Assessment, error)
	// List returns the assessments that match f, ordered by date, then id.
	List(ctx context.Context, f AssessmentFilter) (homeward.Page[Assessment], error)
	// Scan calls fn for every record that matches f (its Page is ignored), in
	// no particular order, and stops at the first error fn returns.
	Scan(ctx context.Context, f AssessmentFilter, fn func(*Assessment) error) error
}

// ChildStatusScanner is implemented by assessment stores that keep the
// summary of each child status assessment beside it, and so can pass the
// summaries of millions of assessments without reading their scores.
// monitoring's indicators use it when the assessment store implements it,
// as the in-memory store does; a store that does not is read through Scan,
// with the same results.
type ChildStatusScanner interface {
	// ScanChildStatus calls fn with the summary of every child status
	// assessment of org (empty: of every organisation), in no particular
	// order, and stops at the first error fn returns.
	ScanChildStatus(ctx context.Context, org homeward.OrgID, fn func(*ChildStatusSummary) error) error
}

// AssessmentFilter selects assessments; zero fields do not filter.
type AssessmentFilter struct {
	Org       homeward.OrgID
	Kind      AssessmentKind
	Case      CaseID
	Household HouseholdID
	Page      homeward.PageRequest
}

// Match reports whether a passes the filter (ignoring paging).
func (f *AssessmentFilter) Match(a *Assessment) bool {
	return (f.Org == "" || a.Org == f.Org) && (f.Kind == "" || a.Kind == f.Kind) &&
		(f.Case == "" || a.Case == f.Case) && (f.Household == "" || a.Household == f.Household)
}

// PlanStore stores family-strengthening plans.
type PlanStore interface {
	Create(ctx context.Context, p Plan) (Plan, error)
	Get(ctx context.Context, id PlanID) (Plan, error)
	Update(ctx context.Context, p Plan) (Plan, error)
	// List returns the plans that match f, ordered by start date, then id.
	List(ctx context.Context, f PlanFilter) (homeward.Page[Plan], error)
	// Scan calls fn for every record that matches f (its Page is ignored), in
	// no particular order, and stops at the first error fn returns.
	Scan(ctx context.Context, f PlanFilter, fn func(*Plan) error) error
}

// PlanFilter selects plans; zero fields do not filter.
type PlanFilter struct {
	Org    homeward.OrgID
	Case   CaseID
	Status PlanStatus
	Page   homeward.PageRequest
}

// Match reports whether p passes the filter (ignoring paging).
func (f *PlanFilter) Match(p *Plan) bool {
	return (f.Org == "" || p.Org == f.Org) && (f.Case == "" || p.Case == f.Case) && (f.Status == "" || p.Status == f.Status)
}

// NoteStore stores case notes.
type NoteStore interface {
	Create(ctx context.Context, n Note) (Note, error)
	Get(ctx context.Context, id NoteID) (Note, error)
	Update(ctx context.Context, n Note) (Note, error)
	// List returns the notes that match f, ordered by date, then id.
	List(ctx context.Context, f NoteFilter) (homeward.Page[Note], error)
	// Scan calls fn for every record that matches f (its Page is ignored), in
	// no particular order, and stops at the first error fn returns.
	Scan(ctx context.Context, f NoteFilter, fn func(*Note) error) error
}

// NoteFilter selects notes; zero fields do not filter.
type NoteFilter struct {
	Org  homeward.OrgID
	Case CaseID
	// From and To bound the date, inclusive.
	From, To homeward.Date
	Page     homeward.PageRequest
}

// Match reports whether n passes the filter (ignoring paging).
func (f *NoteFilter) Match(n *Note) bool {
	return (f.Org == "" || n.Org == f.Org) && (f.Case == "" || n.Case == f.Case) &&
		(f.From.IsZero() || !n.Date.Before(f.From)) && (f.To.IsZero() || !n.Date.After(f.To))
}

// Stores bundles the stores a [Service] works on.
type Stores struct {
	Cases       CaseStore
	Households  HouseholdStore
	Assessments AssessmentStore
	Plans       PlanStore
	Notes       NoteStore
}

// Sort keys of the documented list orders; cursors are built from them.

// CaseKey is a case's sort key: its id.
func CaseKey(c *Case) string { return string(c.ID) }

// HouseholdKey is a household's sort key: its id.
func HouseholdKey(h *Household) string { return string(h.ID) }

// AssessmentKey is an assessment's sort key: its date, then its id.
func AssessmentKey(a *Assessment) string { return a.Date.String() + "\x00" + string(a.ID) }

// PlanKey is a plan's sort key: its start date, then its id.
func PlanKey(p *Plan) string { return p.Start.String() + "\x00" + string(p.ID) }

// NoteKey is a note's sort key: its date, then its id.
func NoteKey(n *Note) string { return n.Date.String() + "\x00" + string(n.ID) }
