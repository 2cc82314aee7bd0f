package casework

import (
	"context"
	"fmt"
	"time"

	"github.com/homewardkit/homeward"
)

// recordStore is what the stores of every aggregate have in common.
type recordStore[K ~string, V any] interface {
	Create(ctx context.Context, v V) (V, error)
	Get(ctx context.Context, id K) (V, error)
	Update(ctx context.Context, v V) (V, error)
}

// kind describes one aggregate for the generic create, read and update of
// the service: its name in errors and audit events, and access to the
// bookkeeping fields of its records.
type kind[K ~string, V any] struct {
	name    string
	store   func(*Service) recordStore[K, V]
	meta    func(*V) (id *K, org *homeward.OrgID, version *int64, created, updated *time.Time)
	clone   func(V) V
	prepare func(ctx context.Context, s *Service, a homeward.Actor, old, cur *V) error // checks links and rules; old is nil on create
}

// create stores a new record after prepare and validation.
func (k kind[K, V]) create(ctx context.Context, s *Service, v V) (V, error) {
	var zero V
	a, err := s.actor(ctx)
	if err != nil {
		return zero, err
	}
	v = k.clone(v)
	id, org, _, created, updated := k.meta(&v)
	if *org == "" {
		*org = a.Org
	}
	if err := s.mustWrite(ctx, a, *org, "create "+k.name); err != nil {
		return zero, err
	}
	if *id == "" {
		*id = K(s.newID())
	}
	if err := k.prepare(ctx, s, a, nil, &v); err != nil {
		return zero, err
	}
	now := s.stamp()
	*created, *updated = now, now
	stored, err := k.store(s).Create(ctx, v)
	if err != nil {
		return zero, err
	}
	return stored, s.emit(ctx, a, "create", k.name, *org, string(*id), nil, &stored)
}

// get reads a record; another organisation's is ErrNotFound.
func (k kind[K, V]) get(ctx context.Context, s *Service, id K) (V, error) {
	var zero V
	a, err := s.actor(ctx)
	if err != nil {
		return zero, err
	}
	v, err := k.store(s).Get(ctx, id)
	if err != nil {
		return zero, err
	}
	if _, org, _, _, _ := k.meta(&v); !s.canRead(ctx, a, *org) {
		return zero, notFound(k.name, id)
	}
	return v, nil
}

// update replaces a record after prepare and validation; the organisation
// and the creation time are kept.
func (k kind[K, V]) update(ctx context.Context, s *Service, v V) (V, error) {
	var zero V
	a, err := s.actor(ctx)
	if err != nil {
		return zero, err
	}
	v = k.clone(v)
	id, org, version, created, updated := k.meta(&v)
	old, err := k.get(ctx, s, *id)
	if err != nil {
		return zero, err
	}
	_, oldOrg, oldVersion, oldCreated, _ := k.meta(&old)
	if err := s.mustWrite(ctx, a, *oldOrg, "update "+k.name); err != nil {
		return zero, err
	}
	if *org != "" && *org != *oldOrg {
		return zero, homeward.Invalid("org", "cannot be changed")
	}
	if *version != *oldVersion {
		return zero, fmt.Errorf("update %s %s: changed by someone else (version %d, now %d): %w", k.name, *id, *version, *oldVersion, homeward.ErrConflict)
	}
	*org = *oldOrg
	if err := k.prepare(ctx, s, a, &old, &v); err != nil {
		return zero, err
	}
	*created, *updated = *oldCreated, s.stamp()
	stored, err := k.store(s).Update(ctx, v)
	if err != nil {
		return zero, err
	}
	return stored, s.emit(ctx, a, "update", k.name, *org, string(*id), &old, &stored)
}

// caseOf returns the case id links to, which must be in org and readable.
func (s *Service) caseOf(ctx context.Context, a homeward.Actor, org homeward.OrgID, id CaseID, path string) (Case, error) {
	if id == "" {
		return Case{}, homeward.Invalid(path, "is required")
	}
	c, err := s.st.Cases.Get(ctx, id)
	if err != nil || c.Org != org || !s.canRead(ctx, a, c.Org) {
		return Case{}, homeward.Invalid(path, "no case %q in this organisation", id)
	}
	return c, nil
}

var households = kind[HouseholdID, Household]{
	name:  "household",
	store: func(s *Service) recordStore[HouseholdID, Household] { return s.st.Households },
	meta: func(h *Household) (*HouseholdID, *homeward.OrgID, *int64, *time.Time, *time.Time) {
		return &h.ID, &h.Org, &h.Version, &h.CreatedAt, &h.UpdatedAt
	},
	clone:   Household.Clone,
	prepare: func(_ context.Context, _ *Service, _ homeward.Actor, _, h *Household) error { return h.Validate() },
}

var assessments = kind[AssessmentID, Assessment]{
	name:  "assessment",
	store: func(s *Service) recordStore[AssessmentID, Assessment] { return s.st.Assessments },
	meta: func(x *Assessment) (*AssessmentID, *homeward.OrgID, *int64, *time.Time, *time.Time) {
		return &x.ID, &x.Org, &x.Version, &x.CreatedAt, &x.UpdatedAt
	},
	clone: Assessment.Clone,
	prepare: func(ctx context.Context, s *Service, a homeward.Actor, old, x *Assessment) error {
		if err := x.Validate(); err != nil {
			return err
		}
		if old != nil && (old.Kind != x.Kind || old.Case != x.Case || old.Household != x.Household) {
			return homeward.Invalid("kind", "the kind and subject of an assessment cannot be changed")
		}
		if x.Kind == KindChildStatus {
			_, err := s.caseOf(ctx, a, x.Org, x.Case, "case")
			return err
		}
		return s.checkHousehold(ctx, a, x.Org, x.Household, "household")
	},
}

var plans = kind[PlanID, Plan]{
	name:  "plan",
	store: func(s *Service) recordStore[PlanID, Plan] { return s.st.Plans },
	meta: func(p *Plan) (*PlanID, *homeward.OrgID, *int64, *time.Time, *time.Time) {
		return &p.ID, &p.Org, &p.Version, &p.CreatedAt, &p.UpdatedAt
	},
	clone: Plan.Clone,
	prepare: func(ctx context.Context, s *Service, a homeward.Actor, old, p *Plan) error {
		if old != nil && old.Case != p.Case {
			return homeward.Invalid("case", "cannot be changed")
		}
		c, err := s.caseOf(ctx, a, p.Org, p.Case, "case")
		if err != nil {
			return err
		}
		if p.Status == "" {
			p.Status = PlanDraft
		}
		if p.Start.IsZero() {
			p.Start = s.today()
		}
		if p.NextReview.IsZero() {
			p.NextReview = p.LastReviewed().AddMonths(ReviewInterval(c.Risk))
		}
		return p.ValidateFor(c.Risk)
	},
}

var notes = kind[NoteID, Note]{
	name:  "note",
	store: func(s *Service) recordStore[NoteID, Note] { return s.st.Notes },
	meta: func(n *Note) (*NoteID, *homeward.OrgID, *int64, *time.Time, *time.Time) {
		return &n.ID, &n.Org, &n.Version, &n.CreatedAt, &n.UpdatedAt
	},
	clone: Note.Clone,
	prepare: func(ctx context.Context, s *Service, a homeward.Actor, old, n *Note) error {
		if old != nil && old.Case != n.Case {
			return homeward.Invalid("case", "cannot be changed")
		}
		if n.Date.IsZero() {
			n.Date = s.today()
		}
		if n.Author == "" {
			n.Author = string(a.ID)
		}
		if err := n.Validate(); err != nil {
			return err
		}
		_, err := s.caseOf(ctx, a, n.Org, n.Case, "case")
		return err
	},
}

// CreateHousehold records a new household.
func (s *Service) CreateHousehold(ctx context.Context, h Household) (Household, error) {
	return households.create(ctx, s, h)
}

// Household returns the household with the given id.
func (s *Service) Household(ctx context.Context, id HouseholdID) (Household, error) {
	return households.get(ctx, s, id)
}

// UpdateHousehold saves changes to a household (h.Version must be the
// version read).
func (s *Service) UpdateHousehold(ctx context.Context, h Household) (Household, error) {
	return households.update(ctx, s, h)
}

// Households lists households, ordered by id. An empty f.Org means the
// actor's organisation.
func (s *Service) Households(ctx context.Context, f HouseholdFilter) (homeward.Page[Household], error) {
	return listFor(ctx, s, &f.Org, "households", func() (homeward.Page[Household], error) { return s.st.Households.List(ctx, f) })
}

// RecordAssessment records a Child Status Index assessment of a case or a
// vulnerability assessment of a household of the organisation.
func (s *Service) RecordAssessment(ctx context.Context, x Assessment) (Assessment, error) {
	return assessments.create(ctx, s, x)
}

// Assessment returns the assessment with the given id.
func (s *Service) Assessment(ctx context.Context, id AssessmentID) (Assessment, error) {
	return assessments.get(ctx, s, id)
}

// UpdateAssessment corrects an assessment; its kind and subject stay.
func (s *Service) UpdateAssessment(ctx context.Context, x Assessment) (Assessment, error) {
	return assessments.update(ctx, s, x)
}

// Assessments lists assessments by date, then id. An empty f.Org means the
// actor's organisation.
func (s *Service) Assessments(ctx context.Context, f AssessmentFilter) (homeward.Page[Assessment], error) {
	return listFor(ctx, s, &f.Org, "assessments", func() (homeward.Page[Assessment], error) { return s.st.Assessments.List(ctx, f) })
}

// CreatePlan records a family-strengthening plan of a case. An empty status
// is draft, an empty start today, and an empty next review the longest
// interval the case's risk allows (see ReviewInterval).
func (s *Service) CreatePlan(ctx context.Context, p Plan) (Plan, error) {
	return plans.create(ctx, s, p)
}

// Plan returns the plan with the given id.
func (s *Service) Plan(ctx context.Context, id PlanID) (Plan, error) {
	return plans.get(ctx, s, id)
}

// UpdatePlan saves changes to a plan; the review cadence is checked against
// the case's current risk.
func (s *Service) UpdatePlan(ctx context.Context, p Plan) (Plan, error) {
	return plans.update(ctx, s, p)
}

// Plans lists plans by start date, then id. An empty f.Org means the
// actor's organisation.
func (s *Service) Plans(ctx context.Context, f PlanFilter) (homeward.Page[Plan], error) {
	return listFor(ctx, s, &f.Org, "plans", func() (homeward.Page[Plan], error) { return s.st.Plans.List(ctx, f) })
}

// PlanWarnings checks the plan with the given id against the service's plan
// rules on day asOf (zero: today), with the household of its case.
func (s *Service) PlanWarnings(ctx context.Context, id PlanID, asOf homeward.Date) ([]Warning, error) {
	p, err := s.Plan(ctx, id)
	if err != nil {
		return nil, err
	}
	c, err := s.Case(ctx, p.Case)
	if err != nil {
		return nil, err
	}
	if asOf.IsZero() {
		asOf = s.today()
	}
	var h *Household
	if c.Household != "" {
		hh, err := s.Household(ctx, c.Household)
		if err != nil {
			return nil, err
		}
		h = &hh
	}
	return s.rules.Check(&p, h, asOf), nil
}

// AddNote records a case note. An empty date is today and an empty author
// the actor.
func (s *Service) AddNote(ctx context.Context, n Note) (Note, error) {
	return notes.create(ctx, s, n)
}

// Note returns the note with the given id.
func (s *Service) Note(ctx context.Context, id NoteID) (Note, error) {
	return notes.get(ctx, s, id)
}

// UpdateNote corrects a note; its case stays.
func (s *Service) UpdateNote(ctx context.Context, n Note) (Note, error) {
	return notes.update(ctx, s, n)
}

// Notes lists notes by date, then id. An empty f.Org means the actor's
// organisation.
func (s *Service) Notes(ctx context.Context, f NoteFilter) (homeward.Page[Note], error) {
	return listFor(ctx, s, &f.Org, "notes", func() (homeward.Page[Note], error) { return s.st.Notes.List(ctx, f) })
}

// Band returns the vulnerability band of a household assessment with the
// service's bands.
func (s *Service) Band(x *Assessment) (Band, error) { return s.bands.Band(x) }

// listFor resolves the organisation of a list request (the actor's when
// empty; ErrForbidden when the actor may not read it) and then lists.
func listFor[V any](ctx context.Context, s *Service, org *homeward.OrgID, what string, list func() (homeward.Page[V], error)) (homeward.Page[V], error) {
	a, err := s.actor(ctx)
	if err != nil {
		return homeward.Page[V]{}, err
	}
	if *org, err = s.listOrg(ctx, a, *org, what); err != nil {
		return homeward.Page[V]{}, err
	}
	return list()
}
