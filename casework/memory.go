package casework

import (
	"context"
	"sync"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/memtable"
	"github.com/homewardkit/homeward/internal/slab"
)

// NewMemoryStores returns in-memory stores, safe for concurrent use. The
// case store implements DuplicateFinder, and the assessment store
// ChildStatusScanner, keeping beside each child status assessment its
// summary (about 95 bytes).
func NewMemoryStores() Stores {
	return Stores{
		Cases: newMemCaseStore(),
		Households: &memStore[HouseholdID, Household, HouseholdFilter, *HouseholdFilter]{t: memtable.New("household",
			func(h *Household) HouseholdID { return h.ID }, func(h *Household) *int64 { return &h.Version }, Household.Clone), key: HouseholdKey},
		Assessments: newMemAssessmentStore(),
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
	return s.t.ScanShared(PF(&f).Match, fn)
}

func (s *memStore[K, V, F, PF]) List(_ context.Context, f F) (homeward.Page[V], error) {
	pf := PF(&f)
	return s.t.List(pf.Match, s.key, pf.page())
}

// memAssessmentStore is the in-memory assessment store: the shared table,
// and the summary of each child status assessment in a keyed slab that an
// observer of the table keeps in step with it, for ScanChildStatus.
type memAssessmentStore struct {
	memStore[AssessmentID, Assessment, AssessmentFilter, *AssessmentFilter]
	mu  sync.RWMutex
	csi *slab.Keyed[AssessmentID, ChildStatusSummary]
}

func newMemAssessmentStore() *memAssessmentStore {
	t := memtable.New("assessment", func(a *Assessment) AssessmentID { return a.ID }, func(a *Assessment) *int64 { return &a.Version }, Assessment.Clone)
	s := &memAssessmentStore{memStore: memStore[AssessmentID, Assessment, AssessmentFilter, *AssessmentFilter]{t: t, key: AssessmentKey},
		csi: slab.NewKeyed(func(c *ChildStatusSummary) AssessmentID { return c.ID })}
	t.Observe(s.change)
	return s
}

// change keeps the summary of an assessment in step with the assessment
// (an observer of the table).
func (s *memAssessmentStore) change(old, cur *Assessment) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur == nil {
		s.csi.Delete(old.ID)
		return
	}
	if sum, ok := cur.ChildStatusSummary(); ok {
		s.csi.Put(sum)
	} else {
		s.csi.Delete(cur.ID)
	}
}

// ScanChildStatus implements ChildStatusScanner.
func (s *memAssessmentStore) ScanChildStatus(_ context.Context, org homeward.OrgID, fn func(*ChildStatusSummary) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var c ChildStatusSummary
	for v := range s.csi.All {
		if org == "" || v.Org == org {
			c = *v
			if err := fn(&c); err != nil {
				return err
			}
		}
	}
	return nil
}

// Indexes of the in-memory case table. Each lists case ids in id order
// (CaseKey), so a page from an index continues with the cursor of a page
// from a full scan and the other way round.
const (
	caseIndexOrgStatus = "org_status"
	caseIndexHousehold = "household"
)

// memCaseStore is the in-memory case store: the shared table with indexes
// by organisation and status and by household, which List uses when the
// filter names those fields, and the index of normalised names, birth years
// and households behind DuplicateCandidates (duplicates.go).
type memCaseStore struct {
	memStore[CaseID, Case, CaseFilter, *CaseFilter]
	dups *dupIndex
	// statusKeys interns the index keys of organisation and status, so the
	// index entries share them.
	mu         sync.RWMutex
	statusKeys map[orgStatus]string
}

type orgStatus struct {
	org    homeward.OrgID
	status Status
}

func newMemCaseStore() *memCaseStore {
	t := memtable.New("case", func(c *Case) CaseID { return c.ID }, func(c *Case) *int64 { return &c.Version }, Case.Clone)
	s := &memCaseStore{memStore: memStore[CaseID, Case, CaseFilter, *CaseFilter]{t: t, key: CaseKey}, dups: newDupIndex(),
		statusKeys: make(map[orgStatus]string)}
	t.AddIndex(caseIndexOrgStatus, func(c *Case) []string { return []string{s.orgStatusKey(c.Org, c.Status, true)} }, nil)
	t.AddIndex(caseIndexHousehold, func(c *Case) []string {
		if c.Household == "" {
			return nil
		}
		return []string{string(c.Household)}
	}, nil)
	t.Observe(s.dups.change)
	return s
}

// orgStatusKey returns the index key of org and st, interned when intern is
// set (keys stored in the index; a look-up does not add to them). The statuses
// outside the lifecycle (a store does not validate) share one key per
// organisation, so that an organisation's cases are always under one of
// the keys orgKeys returns.
func (s *memCaseStore) orgStatusKey(org homeward.OrgID, st Status, intern bool) string {
	if st != "" && !st.Valid() {
		st = "\x00other"
	}
	k := orgStatus{org, st}
	s.mu.RLock()
	v, ok := s.statusKeys[k]
	s.mu.RUnlock()
	if ok {
		return v
	}
	if !intern {
		return string(org) + "\x00" + string(st)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok = s.statusKeys[k]; !ok {
		v = string(org) + "\x00" + string(st)
		s.statusKeys[k] = v
	}
	return v
}

// orgKeys returns every index key of org's cases.
func (s *memCaseStore) orgKeys(org homeward.OrgID) []string {
	keys := []string{s.orgStatusKey(org, "", false), s.orgStatusKey(org, "\x00other", false)}
	for _, st := range statusValues {
		keys = append(keys, s.orgStatusKey(org, st, false))
	}
	return keys
}

// List pages through the most selective index the filter names (household;
// organisation and status; organisation, merging its statuses) and checks
// the rest of the filter on the cases it finds; without any of those it
// scans every case.
func (s *memCaseStore) List(ctx context.Context, f CaseFilter) (homeward.Page[Case], error) {
	switch {
	case f.Household != "":
		return s.t.ListIndex(caseIndexHousehold, string(f.Household), f.Match, f.Page)
	case f.Org != "" && f.Status != "":
		return s.t.ListIndex(caseIndexOrgStatus, s.orgStatusKey(f.Org, f.Status, false), f.Match, f.Page)
	case f.Org != "":
		return s.t.ListIndexKeys(caseIndexOrgStatus, s.orgKeys(f.Org), f.Match, f.Page)
	}
	return s.memStore.List(ctx, f)
}
