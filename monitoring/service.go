package monitoring

import (
	"context"
	"fmt"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/internal/svc"
)

// Options configure a [Service]. The zero value is usable: every field has a
// safe default.
type Options struct {
	// Now returns the current time; default time.Now.
	Now func() time.Time
	// Location is the time zone in which "today" is read; default UTC.
	Location *time.Location
	// NewID returns a new visit id; default a random 128-bit id.
	NewID func() string
	// Policy decides who may read and write which organisation's visits;
	// default homeward.DefaultPolicy.
	Policy homeward.Policy
	// Audit receives an event for every change; default: discarded.
	Audit homeward.AuditSink
	// FollowUp is the follow-up policy; nil means DefaultPolicy().
	FollowUp *Policy
	// GraceDays is how long after its due date a visit is still due rather
	// than overdue; zero means DefaultGraceDays (3).
	GraceDays int
	// Casework are the case-management stores that indicators and research
	// exports pass over (Service.Indicators, Service.Export); they are
	// read directly, after the service's own access checks. Optional:
	// without them those two methods fail with homeward.ErrInvalid.
	Casework casework.Stores
}

// Service schedules and records follow-up visits and answers the morning
// questions: which visits are due and overdue, and which cases are ready to
// close. It reads cases and plans through a casework.Service, so the same
// access policy applies; another organisation's visit is
// homeward.ErrNotFound.
type Service struct {
	visits VisitStore
	cw     *casework.Service
	now    func() time.Time
	loc    *time.Location
	newID  func() string
	policy homeward.Policy
	audit  homeward.AuditSink
	follow Policy
	grace  int
	stores casework.Stores
}

// NewService returns a service on a visit store and a case-management
// service. It fails when opts.FollowUp is invalid.
func NewService(visits VisitStore, cw *casework.Service, opts *Options) (*Service, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if visits == nil || cw == nil {
		return nil, homeward.Invalid("", "a visit store and a casework service are required")
	}
	s := &Service{visits: visits, cw: cw, now: o.Now, loc: o.Location, newID: o.NewID, policy: o.Policy, audit: o.Audit, grace: o.GraceDays, stores: o.Casework}
	svc.Defaults(&s.now, &s.loc, &s.newID, &s.policy, &s.audit)
	if s.grace == 0 {
		s.grace = DefaultGraceDays
	}
	if s.grace < 0 || s.grace > 60 {
		return nil, homeward.Invalid("grace_days", "must be between 1 and 60")
	}
	s.follow = DefaultPolicy()
	if o.FollowUp != nil {
		if err := o.FollowUp.Validate(); err != nil {
			return nil, err
		}
		s.follow = *o.FollowUp
	}
	return s, nil
}

// GraceDays returns the grace period of the service.
func (s *Service) GraceDays() int { return s.grace }

// FollowUpPolicy returns the service's follow-up policy.
func (s *Service) FollowUpPolicy() Policy { return s.follow }

func (s *Service) stamp() time.Time     { return s.now().UTC() }
func (s *Service) today() homeward.Date { return homeward.Today(s.now(), s.loc) }

// Placement returns the family placement a case is followed up after: the
// family-based care arrangement in force on day d.
func Placement(c *casework.Case, d homeward.Date) (casework.Arrangement, bool) {
	arr, ok := c.CurrentArrangement(d)
	if !ok || !arr.Type.FamilyBased() {
		return casework.Arrangement{}, false
	}
	return arr, true
}

// riskAt returns the risk level in force on day d by the case's history
// (the case's current level when the history is empty).
func riskAt(c *casework.Case, d homeward.Date) casework.Risk {
	r := c.Risk
	if len(c.RiskHistory) > 0 {
		r = c.RiskHistory[0].To
	}
	for _, ch := range c.RiskHistory {
		if !ch.Date.After(d) {
			r = ch.To
		}
	}
	return r
}

// ScheduleCase plans the follow-up visits of a case after its current
// family placement, by the follow-up policy and the case's risk history (see
// Policy.ScheduleWithChanges), and the review of each open plan on its next
// review date. It is idempotent: visits already planned for a date and kind
// stay; open visits from today on that the schedule no longer has (because
// the risk changed) are cancelled with the reason "rescheduled". Visits are
// assigned to the case's active case manager. It returns the case's visits
// in due order.
func (s *Service) ScheduleCase(ctx context.Context, id casework.CaseID) ([]Visit, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.cw.Case(ctx, id)
	if err != nil {
		return nil, err
	}
	if !s.policy.Allow(ctx, a, homeward.ActionWrite, c.Org) {
		return nil, fmt.Errorf("schedule visits of case %s: %w", id, homeward.ErrForbidden)
	}
	today := s.today()
	arr, ok := Placement(&c, today)
	if !ok {
		return nil, homeward.Invalid("arrangements", "case %s has no family-based care arrangement on %s to follow up", id, today)
	}
	// Entries of the history that do not change the level (such as the
	// level recorded at registration) are not changes.
	var changes []casework.RiskChange
	level := riskAt(&c, arr.Start)
	for _, ch := range c.RiskHistory {
		if ch.Date.After(arr.Start) && ch.To != level {
			changes = append(changes, ch)
			level = ch.To
		}
	}
	dues, err := s.follow.ScheduleWithChanges(arr.Start, riskAt(&c, arr.Start), changes)
	if err != nil {
		return nil, err
	}
	plans, err := s.cw.Plans(ctx, casework.PlanFilter{Org: c.Org, Case: c.ID, Page: homeward.PageRequest{Limit: homeward.MaxPageLimit}})
	if err != nil {
		return nil, err
	}
	for _, p := range plans.Items {
		if p.Status == casework.PlanDraft || p.Status == casework.PlanActive {
			dues = append(dues, Due{Date: p.NextReview, Kind: KindPlanReview})
		}
	}
	existing, err := s.caseVisits(ctx, c.Org, c.ID)
	if err != nil {
		return nil, err
	}
	type slot struct {
		d homeward.Date
		k Kind
	}
	want := map[slot]bool{}
	for _, d := range dues {
		want[slot{d.Date, d.Kind}] = true
	}
	have := map[slot]bool{}
	for _, v := range existing {
		have[slot{v.Due, v.Kind}] = true
		if v.Open() && !v.Due.Before(today) && !want[slot{v.Due, v.Kind}] {
			v.Cancelled, v.Reason = today, "rescheduled"
			if _, err := s.save(ctx, a, v); err != nil {
				return nil, err
			}
		}
	}
	worker := ""
	for _, m := range c.Team {
		if m.Role == casework.RoleCaseManager && (m.To.IsZero() || today.Before(m.To)) {
			worker = m.Person
			break
		}
	}
	now := s.stamp()
	for _, d := range dues {
		if have[slot{d.Date, d.Kind}] {
			continue
		}
		have[slot{d.Date, d.Kind}] = true
		v := Visit{ID: VisitID(s.newID()), Org: c.Org, Case: c.ID, Caseworker: worker, Due: d.Date, Kind: d.Kind,
			Mode: ModeHome, CreatedAt: now, UpdatedAt: now}
		stored, err := s.visits.Create(ctx, v)
		if err != nil {
			return nil, err
		}
		if err := s.emit(ctx, a, "create", nil, &stored); err != nil {
			return nil, err
		}
	}
	return s.caseVisits(ctx, c.Org, c.ID)
}

// caseVisits returns every visit of a case in due order.
func (s *Service) caseVisits(ctx context.Context, org homeward.OrgID, id casework.CaseID) ([]Visit, error) {
	f := VisitFilter{Org: org, Case: id, Page: homeward.PageRequest{Limit: homeward.MaxPageLimit}}
	var out []Visit
	for {
		p, err := s.visits.List(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Items...)
		if p.Next == "" {
			return out, nil
		}
		f.Page.Cursor = p.Next
	}
}

// Visits lists the visits of a case in due order.
func (s *Service) Visits(ctx context.Context, id casework.CaseID) ([]Visit, error) {
	c, err := s.cw.Case(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.caseVisits(ctx, c.Org, c.ID)
}

// Visit returns the visit with the given id.
func (s *Service) Visit(ctx context.Context, id VisitID) (Visit, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Visit{}, err
	}
	return s.read(ctx, a, id)
}

func (s *Service) read(ctx context.Context, a homeward.Actor, id VisitID) (Visit, error) {
	v, err := s.visits.Get(ctx, id)
	if err != nil {
		return Visit{}, err
	}
	if !s.policy.Allow(ctx, a, homeward.ActionRead, v.Org) {
		return Visit{}, fmt.Errorf("visit %s: %w", id, homeward.ErrNotFound)
	}
	return v, nil
}

// Report is what a visitor records of a visit that took place.
type Report struct {
	Done    homeward.Date
	By      string
	Mode    Mode
	Outcome Outcome
	// Scores are optional Child Status Index scores (all 12 factors).
	Scores map[casework.Factor]int
}

// RecordVisit records that an open visit took place. An empty Done is
// today and an empty By the actor.
func (s *Service) RecordVisit(ctx context.Context, id VisitID, version int64, r Report) (Visit, error) {
	return s.change(ctx, id, version, func(v *Visit, a homeward.Actor) error {
		if r.Done.IsZero() {
			r.Done = s.today()
		}
		if r.By == "" {
			r.By = string(a.ID)
		}
		if r.Mode != "" {
			v.Mode = r.Mode
		}
		o := r.Outcome
		v.Done, v.By, v.Outcome, v.Scores = r.Done, r.By, &o, r.Scores
		return nil
	})
}

// MissVisit records that an open visit was missed, with a reason.
func (s *Service) MissVisit(ctx context.Context, id VisitID, version int64, d homeward.Date, reason string) (Visit, error) {
	return s.change(ctx, id, version, func(v *Visit, _ homeward.Actor) error {
		if d.IsZero() {
			d = s.today()
		}
		v.Missed, v.Reason = d, reason
		return nil
	})
}

// CancelVisit cancels an open visit, with a reason.
func (s *Service) CancelVisit(ctx context.Context, id VisitID, version int64, d homeward.Date, reason string) (Visit, error) {
	return s.change(ctx, id, version, func(v *Visit, _ homeward.Actor) error {
		if d.IsZero() {
			d = s.today()
		}
		v.Cancelled, v.Reason = d, reason
		return nil
	})
}

// change applies fn to an open visit and saves it.
func (s *Service) change(ctx context.Context, id VisitID, version int64, fn func(*Visit, homeward.Actor) error) (Visit, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Visit{}, err
	}
	v, err := s.read(ctx, a, id)
	if err != nil {
		return Visit{}, err
	}
	if version != v.Version {
		return Visit{}, fmt.Errorf("visit %s: changed by someone else (version %d, now %d): %w", id, version, v.Version, homeward.ErrConflict)
	}
	if !v.Open() {
		return Visit{}, homeward.Invalid("visit", "visit %s is already %s", id, v.StatusOn(s.today().AddDays(1<<20), s.grace))
	}
	if err := fn(&v, a); err != nil {
		return Visit{}, err
	}
	return s.save(ctx, a, v)
}

// save validates and stores a changed visit and emits its audit event.
func (s *Service) save(ctx context.Context, a homeward.Actor, v Visit) (Visit, error) {
	if !s.policy.Allow(ctx, a, homeward.ActionWrite, v.Org) {
		return Visit{}, fmt.Errorf("change visit %s: %w", v.ID, homeward.ErrForbidden)
	}
	if err := v.Validate(); err != nil {
		return Visit{}, err
	}
	old, err := s.visits.Get(ctx, v.ID)
	if err != nil {
		return Visit{}, err
	}
	v.UpdatedAt = s.stamp()
	stored, err := s.visits.Update(ctx, v)
	if err != nil {
		return Visit{}, err
	}
	return stored, s.emit(ctx, a, "update", &old, &stored)
}

func (s *Service) emit(ctx context.Context, a homeward.Actor, action string, old, cur *Visit) error {
	var o any
	if old != nil {
		o = old
	}
	return svc.Emit(ctx, s.audit, s.now(), a, action, "visit", cur.Org, string(cur.ID), o, cur)
}
