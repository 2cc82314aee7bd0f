package casework

import (
	"context"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/memtable"
)

// NewMemoryStores returns in-memory stores, safe for concurrent use.
func NewMemoryStores() Stores {
	return Stores{
		Cases: &memStore[CaseID, Case, CaseFilter, *CaseFilter]{t: memtable.New("case",
			func(c *Case) CaseID { return c.ID }, func(c *Case) *int64 { return &c.Version }, Case.Clone), key: CaseKey},
		Households: &memStore[HouseholdID, Household, HouseholdFilter, *HouseholdFilter]{t: memtable.New("household",
			func(h *Household) HouseholdID { return h.ID }, func(h *Household) *int64 { return &h.Version }, Household.Clone), key: HouseholdKey},
		Assessments: &memStore[AssessmentID, Assessment, AssessmentFilter, *AssessmentFilter]{t: memtable.New("assessment",
			func(a *Assessment) AssessmentID { return a.ID }, func(a *Assessment) *int64 { return &a.Version }, Assessment.Clone), key: AssessmentKey},
		Plans: &memStore[PlanID, Plan, PlanFilter, *PlanFilter]{t: memtable.New("plan",
			func(p *Plan) PlanID { return p.ID }, func(p *Plan) *int64 { return &p.Version }, Plan.Clone), key: PlanKey},
		Notes: &memStore[NoteID, Note, NoteFilter, *NoteFilter]{t: memtable.New("note",
			func(n *Note) NoteID { return n.ID }, func(n *Note) *int64 { return &n.Version }, Note.Clone), key: NoteKey},
	}
}

// filter is what the list filters of this package have in common: PF is
// the pointer type of the filter F.
type filter[V, F any] interface {
	*F
	Match(*V) bool
	page() homeward.PageRequest
}

func (f *CaseFilter) page() homeward.PageRequest       { return f.Page }
func (f *HouseholdFilter) page() homeward.PageRequest  { return f.Page }
func (f *AssessmentFilter) page() homeward.PageRequest { return f.Page }
func (f *PlanFilter) page() homeward.PageRequest       { return f.Page }
func (f *NoteFilter) page() homeward.PageRequest       { return f.Page }

// memStore is the in-memory store of one aggregate.
type memStore[K ~string, V, F any, PF filter[V, F]] struct {
	t   *memtable.Table[K, V]
	key func(*V) string
}

func (s *memStore[K, V, F, PF]) Create(_ context.Context, v V) (V, error) { return s.t.Create(v) }
func (s *memStore[K, V, F, PF]) Get(_ context.Context, id K) (V, error)   { return s.t.Get(id) }
func (s *memStore[K, V, F, PF]) Update(_ context.Context, v V) (V, error) { return s.t.Update(v) }

func (s *memStore[K, V, F, PF]) Scan(_ context.Context, f F, fn func(*V) error) error {
	return s.t.Scan(PF(&f).Match, fn)
}

func (s *memStore[K, V, F, PF]) List(_ context.Context, f F) (homeward.Page[V], error) {
	pf := PF(&f)
	return s.t.List(pf.Match, s.key, pf.page())
}
