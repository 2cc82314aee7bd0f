package cohort

import (
	"context"
	"fmt"
	"slices"
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
	// NewID returns a new record id; default a random 128-bit id.
	NewID func() string
	// Policy decides for which organisations an actor may act; default
	// homeward.DefaultPolicy (its own organisation).
	Policy homeward.Policy
	// Audit receives an event for every change; default: discarded.
	Audit homeward.AuditSink
	// Casework is the case-management service through which cases are
	// submitted for joint analysis: it reads the case, checks the consent
	// for peer learning and makes the de-identified summary, under its own
	// access policy. Without it, Submit fails.
	Casework *casework.Service
}

// Service runs learning programmes: programmes, cohorts and their sessions,
// enrolment with a waiting list, attendance and fees. Cohorts span
// organisations, so access follows the roles in a cohort: its organisers run
// it (create, attendance, status); an organisation applies and withdraws for
// itself and contributes its own fees; organisers, facilitators' and member
// organisations read it; nobody else sees it (homeward.ErrNotFound). "An
// organisation" means an organisation the actor may act for under the
// homeward.Policy.
type Service struct {
	st     Stores
	now    func() time.Time
	newID  func() string
	policy homeward.Policy
	audit  homeward.AuditSink
	cw     *casework.Service
}

// NewService returns a service on the given stores.
func NewService(st Stores, opts *Options) (*Service, error) {
	if st.Programmes == nil || st.Cohorts == nil {
		return nil, homeward.Invalid("stores", "every store is required")
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	s := &Service{st: st, now: o.Now, newID: o.NewID, policy: o.Policy, audit: o.Audit, cw: o.Casework}
	svc.Defaults(&s.now, nil, &s.newID, &s.policy, &s.audit)
	return s, nil
}

func (s *Service) stamp() time.Time { return s.now().UTC() }

// actsFor reports whether the actor may perform action for any of orgs.
func (s *Service) actsFor(ctx context.Context, a homeward.Actor, action homeward.Action, orgs ...homeward.OrgID) bool {
	for _, o := range orgs {
		if o != "" && s.policy.Allow(ctx, a, action, o) {
			return true
		}
	}
	return false
}

// readers returns the organisations that may read a cohort.
func (c *Cohort) readers() []homeward.OrgID {
	out := slices.Clone(c.Organisers)
	for _, f := range c.Facilitators {
		out = append(out, f.Org)
	}
	for _, m := range c.Members {
		out = append(out, m.Org)
	}
	return out
}

func (s *Service) emit(ctx context.Context, a homeward.Actor, action, kind string, org homeward.OrgID, id string, old, cur any) error {
	return svc.Emit(ctx, s.audit, s.now(), a, action, kind, org, id, old, cur)
}

// CreateProgramme records a programme. The actor must be able to write for
// one of its organisers.
func (s *Service) CreateProgramme(ctx context.Context, p Programme) (Programme, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Programme{}, err
	}
	p = p.Clone()
	if err := p.Validate(); err != nil {
		return Programme{}, err
	}
	if !s.actsFor(ctx, a, homeward.ActionWrite, p.Organisers...) {
		return Programme{}, fmt.Errorf("create programme: the actor is not an organiser: %w", homeward.ErrForbidden)
	}
	if p.ID == "" {
		p.ID = ProgrammeID(s.newID())
	}
	now := s.stamp()
	p.CreatedAt, p.UpdatedAt = now, now
	stored, err := s.st.Programmes.Create(ctx, p)
	if err != nil {
		return Programme{}, err
	}
	return stored, s.emit(ctx, a, "create", "programme", p.Organisers[0], string(p.ID), nil, &stored)
}

// Programme returns a programme. Programmes are public to every actor:
// they describe an offer, not anyone's records.
func (s *Service) Programme(ctx context.Context, id ProgrammeID) (Programme, error) {
	if _, err := homeward.RequireActor(ctx); err != nil {
		return Programme{}, err
	}
	return s.st.Programmes.Get(ctx, id)
}

// CreateCohort starts a cohort (a series) of a programme: the organisers
// are the programme's, and the sessions are generated from c.Plan (with the
// programme's session length when the plan leaves it zero). An empty status
// is planned; an empty capacity the programme's.
func (s *Service) CreateCohort(ctx context.Context, c Cohort) (Cohort, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Cohort{}, err
	}
	p, err := s.st.Programmes.Get(ctx, c.Programme)
	if err != nil {
		return Cohort{}, homeward.Invalid("programme", "no programme %q", c.Programme)
	}
	if !s.actsFor(ctx, a, homeward.ActionWrite, p.Organisers...) {
		return Cohort{}, fmt.Errorf("create cohort: the actor is not an organiser of the programme: %w", homeward.ErrForbidden)
	}
	c = c.Clone()
	c.Organisers = slices.Clone(p.Organisers)
	if c.Status == "" {
		c.Status = CohortPlanned
	}
	if c.Capacity == 0 {
		c.Capacity = p.Capacity
	}
	if c.Plan.Minutes == 0 {
		c.Plan.Minutes = p.SessionMinutes
	}
	if c.Start.IsZero() {
		c.Start = c.Plan.First
	}
	if len(c.Members) > 0 || len(c.Attendance) > 0 || len(c.Contributions) > 0 {
		return Cohort{}, homeward.Invalid("members", "a new cohort has no members, attendance or contributions yet")
	}
	if c.Sessions, err = c.Plan.Sessions(); err != nil {
		var v homeward.ValidationError
		v.Merge("plan", err)
		return Cohort{}, v.Err()
	}
	if err := c.Validate(); err != nil {
		return Cohort{}, err
	}
	if c.ID == "" {
		c.ID = CohortID(s.newID())
	}
	now := s.stamp()
	c.CreatedAt, c.UpdatedAt = now, now
	stored, err := s.st.Cohorts.Create(ctx, c)
	if err != nil {
		return Cohort{}, err
	}
	return stored, s.emit(ctx, a, "create", "cohort", c.Organisers[0], string(c.ID), nil, &stored)
}

// Cohort returns a cohort the actor may read.
func (s *Service) Cohort(ctx context.Context, id CohortID) (Cohort, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Cohort{}, err
	}
	c, err := s.st.Cohorts.Get(ctx, id)
	if err != nil {
		return Cohort{}, err
	}
	if !s.actsFor(ctx, a, homeward.ActionRead, c.readers()...) {
		return Cohort{}, fmt.Errorf("cohort %s: %w", id, homeward.ErrNotFound)
	}
	return c, nil
}

// Cohorts lists the cohorts that involve org (empty: the actor's
// organisation), by start date.
func (s *Service) Cohorts(ctx context.Context, f CohortFilter) (homeward.Page[Cohort], error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return homeward.Page[Cohort]{}, err
	}
	if f.Org == "" {
		f.Org = a.Org
	}
	if !s.policy.Allow(ctx, a, homeward.ActionRead, f.Org) {
		return homeward.Page[Cohort]{}, fmt.Errorf("list cohorts of organisation %s: %w", f.Org, homeward.ErrForbidden)
	}
	return s.st.Cohorts.List(ctx, f)
}

// changeCohort reads a cohort, checks the version and that the actor may
// write for one of allowed(cohort), applies fn, validates and stores it.
// Nothing is stored when fn or the validation fails.
func (s *Service) changeCohort(ctx context.Context, id CohortID, version int64, what string,
	allowed func(*Cohort) []homeward.OrgID, fn func(*Cohort, homeward.Actor) error) (Cohort, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Cohort{}, err
	}
	old, err := s.st.Cohorts.Get(ctx, id)
	if err != nil {
		return Cohort{}, err
	}
	if !s.actsFor(ctx, a, homeward.ActionWrite, allowed(&old)...) {
		if s.actsFor(ctx, a, homeward.ActionRead, old.readers()...) {
			return Cohort{}, fmt.Errorf("%s: %w", what, homeward.ErrForbidden)
		}
		return Cohort{}, fmt.Errorf("cohort %s: %w", id, homeward.ErrNotFound)
	}
	if version != old.Version {
		return Cohort{}, fmt.Errorf("%s: cohort %s was changed by someone else (version %d, now %d): %w", what, id, version, old.Version, homeward.ErrConflict)
	}
	cur := old.Clone()
	if err := fn(&cur, a); err != nil {
		return Cohort{}, err
	}
	if err := cur.Validate(); err != nil {
		return Cohort{}, err
	}
	cur.UpdatedAt = s.stamp()
	stored, err := s.st.Cohorts.Update(ctx, cur)
	if err != nil {
		return Cohort{}, err
	}
	return stored, s.emit(ctx, a, "update", "cohort", old.Organisers[0], string(id), &old, &stored)
}

func organisers(c *Cohort) []homeward.OrgID { return c.Organisers }

// SetStatus moves a cohort to a status (organisers only).
func (s *Service) SetStatus(ctx context.Context, id CohortID, version int64, st CohortStatus) (Cohort, error) {
	return s.changeCohort(ctx, id, version, "set cohort status", organisers, func(c *Cohort, _ homeward.Actor) error {
		if !st.Valid() {
			return homeward.Invalid("status", "must be planned, recruiting, running or finished")
		}
		c.Status = st
		return nil
	})
}

// Apply applies org for a place in a cohort that is recruiting: it is
// enrolled while capacity lasts, else waitlisted in order of application.
// The actor must act for org (or organise the cohort); an organisation
// cannot be a member twice. tz is the IANA time zone in which the member
// sees the sessions.
func (s *Service) Apply(ctx context.Context, id CohortID, version int64, org homeward.OrgID, tz string) (Cohort, error) {
	return s.changeCohort(ctx, id, version, "apply", func(c *Cohort) []homeward.OrgID { return append([]homeward.OrgID{org}, c.Organisers...) },
		func(c *Cohort, _ homeward.Actor) error {
			if c.Status != CohortRecruiting && c.Status != CohortPlanned {
				return homeward.Invalid("status", "the cohort is %s: applications are closed", c.Status)
			}
			_, err := c.apply(org, tz, s.stamp())
			return err
		})
}

// Withdraw withdraws org from a cohort; the first organisation on the
// waiting list takes its place.
func (s *Service) Withdraw(ctx context.Context, id CohortID, version int64, org homeward.OrgID) (Cohort, error) {
	return s.changeCohort(ctx, id, version, "withdraw", func(c *Cohort) []homeward.OrgID { return append([]homeward.OrgID{org}, c.Organisers...) },
		func(c *Cohort, _ homeward.Actor) error {
			_, err := c.withdraw(org, s.stamp())
			return err
		})
}

// RecordAttendance records which member organisations attended session n
// (organisers only). Every organisation named must be an enrolled or
// withdrawn member; the others keep their earlier record.
func (s *Service) RecordAttendance(ctx context.Context, id CohortID, version int64, n int, present, absent []homeward.OrgID) (Cohort, error) {
	return s.changeCohort(ctx, id, version, "record attendance", organisers, func(c *Cohort, _ homeward.Actor) error {
		if n < 1 || n > len(c.Sessions) {
			return homeward.Invalid("session", "session %d is not a session of this cohort (1 to %d)", n, len(c.Sessions))
		}
		for _, o := range present {
			c.setAttendance(n, o, true)
		}
		for _, o := range absent {
			c.setAttendance(n, o, false)
		}
		return nil
	})
}

// Contribute records a voluntary or fixed fee contribution of member org.
// The money needs a currency.
func (s *Service) Contribute(ctx context.Context, id CohortID, version int64, org homeward.OrgID, d homeward.Date, amount homeward.Money) (Cohort, error) {
	return s.changeCohort(ctx, id, version, "contribute", func(c *Cohort) []homeward.OrgID { return append([]homeward.OrgID{org}, c.Organisers...) },
		func(c *Cohort, _ homeward.Actor) error {
			c.Contributions = append(c.Contributions, Contribution{Org: org, Date: d, Amount: amount})
			return nil
		})
}
