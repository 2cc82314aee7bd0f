package transition

import (
	"context"
	"fmt"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/svc"
)

// Options configure a [Service]. The zero value is usable: every field has a
// safe default.
type Options struct {
	// Now returns the current time; default time.Now. Times are stored in UTC.
	Now func() time.Time
	// NewID returns a new assessment id; default a random 128-bit id.
	NewID func() string
	// Policy decides who may read and write which organisation's
	// assessments; default homeward.DefaultPolicy.
	Policy homeward.Policy
	// Audit receives an event for every change; default: events are
	// discarded.
	Audit homeward.AuditSink
	// Checklists are the checklists assessments may answer; default: only
	// Standard().
	Checklists []*Checklist
}

// Service records, reads and scores assessments on top of a [Store]. It
// validates every assessment against its checklist, stamps times, lets the
// store version records, enforces the access policy (an actor sees only the
// organisations the policy allows, and another organisation's assessment is
// "not found", never "forbidden") and emits audit events.
type Service struct {
	store   Store
	now     func() time.Time
	newID   func() string
	policy  homeward.Policy
	audit   homeward.AuditSink
	scorers map[[2]string]*Scorer
}

// NewService returns a service on store. It fails when a checklist of opts is
// invalid or two share an id and version.
func NewService(store Store, opts *Options) (*Service, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	s := &Service{store: store, now: o.Now, newID: o.NewID, policy: o.Policy, audit: o.Audit, scorers: map[[2]string]*Scorer{}}
	svc.Defaults(&s.now, nil, &s.newID, &s.policy, &s.audit)
	checklists := o.Checklists
	if len(checklists) == 0 {
		checklists = []*Checklist{Standard()}
	}
	var v homeward.ValidationError
	for i, c := range checklists {
		sc, err := NewScorer(c)
		if err != nil {
			v.Merge(fmt.Sprintf("checklists[%d]", i), err)
			continue
		}
		key := [2]string{c.ID, c.Version}
		if _, dup := s.scorers[key]; dup {
			v.Add(fmt.Sprintf("checklists[%d]", i), "checklist %q version %q is given twice", c.ID, c.Version)
		}
		s.scorers[key] = sc
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// Scorer returns the scorer of the checklist with the given id and version.
func (s *Service) Scorer(checklist, version string) (*Scorer, error) {
	sc, ok := s.scorers[[2]string{checklist, version}]
	if !ok {
		return nil, homeward.Invalid("checklist", "unknown checklist %q version %q", checklist, version)
	}
	return sc, nil
}

func (s *Service) stamp() time.Time { return s.now().UTC() }

// Record validates a new assessment and stores it. An empty Org means the
// actor's organisation and an empty ID gets a new id. It fails with
// homeward.ErrForbidden when the actor may not write for the organisation,
// homeward.ErrInvalid (a *homeward.ValidationError) when the assessment does
// not fit its checklist, and homeward.ErrConflict when the id exists.
func (s *Service) Record(ctx context.Context, a Assessment) (Assessment, error) {
	actor, err := homeward.RequireActor(ctx)
	if err != nil {
		return Assessment{}, err
	}
	a = a.Clone()
	if a.Org == "" {
		a.Org = actor.Org
	}
	if !s.policy.Allow(ctx, actor, homeward.ActionWrite, a.Org) {
		return Assessment{}, fmt.Errorf("record assessment for organisation %s: %w", a.Org, homeward.ErrForbidden)
	}
	if a.ID == "" {
		a.ID = AssessmentID(s.newID())
	}
	if err := s.validate(&a); err != nil {
		return Assessment{}, err
	}
	now := s.stamp()
	a.CreatedAt, a.UpdatedAt = now, now
	stored, err := s.store.Create(ctx, a)
	if err != nil {
		return Assessment{}, err
	}
	return stored, s.emit(ctx, actor, "create", stored.Org, stored.ID, nil, &stored)
}

func (s *Service) validate(a *Assessment) error {
	sc, ok := s.scorers[[2]string{a.Checklist, a.ChecklistVersion}]
	if !ok {
		var v homeward.ValidationError
		a.validate(&v)
		if a.Checklist != "" && a.ChecklistVersion != "" {
			v.Add("checklist", "unknown checklist %q version %q", a.Checklist, a.ChecklistVersion)
		}
		return v.Err()
	}
	return a.ValidateFor(sc.c)
}

// Get returns the assessment with the given id. An assessment of an
// organisation the actor may not read is homeward.ErrNotFound.
func (s *Service) Get(ctx context.Context, id AssessmentID) (Assessment, error) {
	actor, err := homeward.RequireActor(ctx)
	if err != nil {
		return Assessment{}, err
	}
	return s.get(ctx, actor, id)
}

func (s *Service) get(ctx context.Context, actor homeward.Actor, id AssessmentID) (Assessment, error) {
	a, err := s.store.Get(ctx, id)
	if err != nil {
		return Assessment{}, err
	}
	if !s.policy.Allow(ctx, actor, homeward.ActionRead, a.Org) {
		return Assessment{}, fmt.Errorf("assessment %s: %w", id, homeward.ErrNotFound)
	}
	return a, nil
}

// Update replaces a stored assessment. a.Version must be the version that was
// read (else homeward.ErrConflict); the organisation and the creation time
// cannot change.
func (s *Service) Update(ctx context.Context, a Assessment) (Assessment, error) {
	actor, err := homeward.RequireActor(ctx)
	if err != nil {
		return Assessment{}, err
	}
	old, err := s.get(ctx, actor, a.ID)
	if err != nil {
		return Assessment{}, err
	}
	if !s.policy.Allow(ctx, actor, homeward.ActionWrite, old.Org) {
		return Assessment{}, fmt.Errorf("update assessment %s: %w", a.ID, homeward.ErrForbidden)
	}
	a = a.Clone()
	if a.Org == "" {
		a.Org = old.Org
	}
	if a.Org != old.Org {
		return Assessment{}, homeward.Invalid("org", "cannot be changed")
	}
	if err := s.validate(&a); err != nil {
		return Assessment{}, err
	}
	a.CreatedAt, a.UpdatedAt = old.CreatedAt, s.stamp()
	stored, err := s.store.Update(ctx, a)
	if err != nil {
		return Assessment{}, err
	}
	return stored, s.emit(ctx, actor, "update", stored.Org, stored.ID, &old, &stored)
}

// Delete removes an assessment when version is its stored version.
func (s *Service) Delete(ctx context.Context, id AssessmentID, version int64) error {
	actor, err := homeward.RequireActor(ctx)
	if err != nil {
		return err
	}
	old, err := s.get(ctx, actor, id)
	if err != nil {
		return err
	}
	if !s.policy.Allow(ctx, actor, homeward.ActionWrite, old.Org) {
		return fmt.Errorf("delete assessment %s: %w", id, homeward.ErrForbidden)
	}
	if err := s.store.Delete(ctx, id, version); err != nil {
		return err
	}
	return s.emit(ctx, actor, "delete", old.Org, old.ID, nil, nil)
}

// History lists an organisation's assessments in date order (then by id).
// An empty f.Org means the actor's organisation; an organisation the actor
// may not read is homeward.ErrForbidden.
func (s *Service) History(ctx context.Context, f Filter) (homeward.Page[Assessment], error) {
	actor, err := homeward.RequireActor(ctx)
	if err != nil {
		return homeward.Page[Assessment]{}, err
	}
	if f.Org == "" {
		f.Org = actor.Org
	}
	if !s.policy.Allow(ctx, actor, homeward.ActionRead, f.Org) {
		return homeward.Page[Assessment]{}, fmt.Errorf("list assessments of organisation %s: %w", f.Org, homeward.ErrForbidden)
	}
	return s.store.List(ctx, f)
}

// Evaluate reads the assessment with the given id and scores it.
func (s *Service) Evaluate(ctx context.Context, id AssessmentID) (*Result, error) {
	a, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	sc, err := s.Scorer(a.Checklist, a.ChecklistVersion)
	if err != nil {
		return nil, err
	}
	return sc.Evaluate(&a)
}

// Progress reads two assessments of the same checklist and describes the
// change from before to after.
func (s *Service) Progress(ctx context.Context, before, after AssessmentID) (*Progress, error) {
	b, err := s.Get(ctx, before)
	if err != nil {
		return nil, err
	}
	a, err := s.Get(ctx, after)
	if err != nil {
		return nil, err
	}
	if a.Checklist != b.Checklist || a.ChecklistVersion != b.ChecklistVersion {
		return nil, homeward.Invalid("after.checklist", "answers %s version %s, but before answers %s version %s",
			a.Checklist, a.ChecklistVersion, b.Checklist, b.ChecklistVersion)
	}
	sc, err := s.Scorer(b.Checklist, b.ChecklistVersion)
	if err != nil {
		return nil, err
	}
	return sc.Compare(&b, &a)
}

func (s *Service) emit(ctx context.Context, actor homeward.Actor, action string, org homeward.OrgID, id AssessmentID, old, cur *Assessment) error {
	var o, c any
	if old != nil {
		o = old
	}
	if cur != nil {
		c = cur
	}
	return svc.Emit(ctx, s.audit, s.now(), actor, action, "assessment", org, string(id), o, c)
}
