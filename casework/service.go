package casework

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
	// Location is the time zone in which "today" is read for dates the
	// caller leaves empty; default UTC.
	Location *time.Location
	// NewID returns a new record id; default a random 128-bit id.
	NewID func() string
	// Policy decides who may read and write which organisation's records;
	// default homeward.DefaultPolicy.
	Policy homeward.Policy
	// Audit receives an event for every change; default: discarded.
	Audit homeward.AuditSink
	// Rules configure the warnings of family-strengthening plans; the zero
	// value means DefaultRules.
	Rules PlanRules
	// Bands are the household vulnerability bands; zero means DefaultBands.
	Bands Bands
}

// Service is the case-management service: it registers cases and moves them
// through their lifecycle, keeps households, assessments, plans and notes,
// and produces de-identified summaries. Every method takes the acting user
// from the context (homeward.WithActor) and applies the access policy: an
// actor sees only the records of organisations the policy lets it read;
// another organisation's record is homeward.ErrNotFound, never
// homeward.ErrForbidden, so its existence is not hinted at. Every change
// emits an audit event that names the changed fields, never their values.
type Service struct {
	st     Stores
	now    func() time.Time
	loc    *time.Location
	newID  func() string
	policy homeward.Policy
	audit  homeward.AuditSink
	rules  PlanRules
	bands  Bands
}

// NewService returns a service on the given stores; every store is required.
func NewService(st Stores, opts *Options) (*Service, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if st.Cases == nil || st.Households == nil || st.Assessments == nil || st.Plans == nil || st.Notes == nil {
		return nil, homeward.Invalid("stores", "every store (cases, households, assessments, plans, notes) is required")
	}
	s := &Service{st: st, now: o.Now, loc: o.Location, newID: o.NewID, policy: o.Policy, audit: o.Audit, rules: o.Rules, bands: o.Bands}
	svc.Defaults(&s.now, &s.loc, &s.newID, &s.policy, &s.audit)
	if err := s.rules.validate(); err != nil {
		return nil, err
	}
	if _, err := s.bands.Band(&Assessment{Kind: KindHouseholdVulnerability}); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Service) stamp() time.Time     { return s.now().UTC() }
func (s *Service) today() homeward.Date { return homeward.Today(s.now(), s.loc) }

// actor returns the actor of ctx.
func (s *Service) actor(ctx context.Context) (homeward.Actor, error) {
	return homeward.RequireActor(ctx)
}

// canRead reports whether actor may read org's records.
func (s *Service) canRead(ctx context.Context, a homeward.Actor, org homeward.OrgID) bool {
	return s.policy.Allow(ctx, a, homeward.ActionRead, org)
}

// mustWrite fails with ErrForbidden unless actor may write org's records.
func (s *Service) mustWrite(ctx context.Context, a homeward.Actor, org homeward.OrgID, what string) error {
	if !s.policy.Allow(ctx, a, homeward.ActionWrite, org) {
		return fmt.Errorf("%s: %w", what, homeward.ErrForbidden)
	}
	return nil
}

// visible returns err unchanged, or ErrNotFound for a record of an
// organisation the actor may not read.
func notFound(kind string, id any) error {
	return fmt.Errorf("%s %v: %w", kind, id, homeward.ErrNotFound)
}

// listOrg resolves the organisation of a list request: the actor's when
// empty; ErrForbidden when the actor may not read it.
func (s *Service) listOrg(ctx context.Context, a homeward.Actor, org homeward.OrgID, what string) (homeward.OrgID, error) {
	if org == "" {
		org = a.Org
	}
	if !s.canRead(ctx, a, org) {
		return "", fmt.Errorf("list %s of organisation %s: %w", what, org, homeward.ErrForbidden)
	}
	return org, nil
}

// emit records an audit event naming the fields that differ between old and
// cur (every set field when old is nil).
func (s *Service) emit(ctx context.Context, a homeward.Actor, action, kind string, org homeward.OrgID, id string, old, cur any) error {
	return svc.Emit(ctx, s.audit, s.now(), a, action, kind, org, id, old, cur)
}
