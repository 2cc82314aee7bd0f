package casework

import (
	"context"
	"fmt"
	"slices"

	"github.com/homewardkit/homeward"
)

// Register records a new case in the registered step. An empty Org means
// the actor's organisation, an empty ID gets a new id, an empty
// RegisteredOn means today, and the initial risk level starts the risk
// history. The household, when given, must be one the actor can read in the
// same organisation. Register does not refuse possible duplicates: call
// PossibleDuplicates first and let the user decide.
func (s *Service) Register(ctx context.Context, c Case) (Case, error) {
	a, err := s.actor(ctx)
	if err != nil {
		return Case{}, err
	}
	c = c.Clone()
	if c.Org == "" {
		c.Org = a.Org
	}
	if err := s.mustWrite(ctx, a, c.Org, "register case"); err != nil {
		return Case{}, err
	}
	if c.Status != "" && c.Status != StatusRegistered {
		return Case{}, homeward.Invalid("status", "a new case starts as registered")
	}
	if c.Closure != nil || len(c.Reopenings) > 0 || len(c.StatusHistory) > 0 || len(c.RiskHistory) > 0 {
		return Case{}, homeward.Invalid("", "a new case has no closure, reopenings or history")
	}
	if c.ID == "" {
		c.ID = CaseID(s.newID())
	}
	if c.RegisteredOn.IsZero() {
		c.RegisteredOn = s.today()
	}
	now := s.stamp()
	c.Status = StatusRegistered
	c.StatusHistory = []StatusChange{{At: now, To: StatusRegistered, By: a.ID}}
	if c.Risk.Valid() {
		c.RiskHistory = []RiskChange{{Date: c.RegisteredOn, To: c.Risk, Reason: "registration", By: a.ID}}
	}
	if err := c.Validate(); err != nil {
		return Case{}, err
	}
	if err := s.checkHousehold(ctx, a, c.Org, c.Household, "household"); err != nil {
		return Case{}, err
	}
	c.CreatedAt, c.UpdatedAt = now, now
	stored, err := s.st.Cases.Create(ctx, c)
	if err != nil {
		return Case{}, err
	}
	return stored, s.emit(ctx, a, "create", "case", stored.Org, string(stored.ID), nil, &stored)
}

// checkHousehold verifies that household id (if any) exists in org and is
// readable by the actor.
func (s *Service) checkHousehold(ctx context.Context, a homeward.Actor, org homeward.OrgID, id HouseholdID, path string) error {
	if id == "" {
		return nil
	}
	h, err := s.st.Households.Get(ctx, id)
	if err != nil || h.Org != org || !s.canRead(ctx, a, h.Org) {
		return homeward.Invalid(path, "no household %q in this organisation", id)
	}
	return nil
}

// Case returns the case with the given id.
func (s *Service) Case(ctx context.Context, id CaseID) (Case, error) {
	a, err := s.actor(ctx)
	if err != nil {
		return Case{}, err
	}
	return s.readCase(ctx, a, id)
}

func (s *Service) readCase(ctx context.Context, a homeward.Actor, id CaseID) (Case, error) {
	c, err := s.st.Cases.Get(ctx, id)
	if err != nil {
		return Case{}, err
	}
	if !s.canRead(ctx, a, c.Org) {
		return Case{}, notFound("case", id)
	}
	return c, nil
}

// Cases lists cases by filter, ordered by id. An empty f.Org means the
// actor's organisation; an organisation the actor may not read is
// homeward.ErrForbidden.
func (s *Service) Cases(ctx context.Context, f CaseFilter) (homeward.Page[Case], error) {
	return listFor(ctx, s, &f.Org, "cases", func() (homeward.Page[Case], error) { return s.st.Cases.List(ctx, f) })
}

// UpdateCase saves changes to a case's child, household, team and consents.
// c.Version must be the version read (else homeward.ErrConflict). The
// status, risk, care arrangements, closure and histories change only
// through their own methods (Advance, Close, Reopen, SetRisk, Place), so an
// update that changes them is refused.
func (s *Service) UpdateCase(ctx context.Context, c Case) (Case, error) {
	return s.changeCase(ctx, c.ID, c.Version, "update case", func(old Case, a homeward.Actor) (Case, error) {
		c = c.Clone()
		var v homeward.ValidationError
		if c.Org != "" && c.Org != old.Org {
			v.Add("org", "cannot be changed")
		}
		for _, f := range []struct {
			path string
			same bool
		}{
			{"status", c.Status == "" || c.Status == old.Status},
			{"risk", c.Risk == "" || c.Risk == old.Risk},
			{"registered_on", c.RegisteredOn.IsZero() || c.RegisteredOn == old.RegisteredOn},
		} {
			if !f.same {
				v.Add(f.path, "cannot be changed by an update; use the service method for it")
			}
		}
		if err := v.Err(); err != nil {
			return Case{}, err
		}
		out := old
		out.Child, out.Household, out.Team, out.Consents = c.Child, c.Household, c.Team, c.Consents
		if out.Household != old.Household {
			if err := s.checkHousehold(ctx, a, old.Org, out.Household, "household"); err != nil {
				return Case{}, err
			}
		}
		return out, nil
	})
}

// changeCase reads case id, checks the version and the actor's right to
// write, applies change, validates and stores the result, and emits the
// audit event.
func (s *Service) changeCase(ctx context.Context, id CaseID, version int64, what string, change func(old Case, a homeward.Actor) (Case, error)) (Case, error) {
	a, err := s.actor(ctx)
	if err != nil {
		return Case{}, err
	}
	old, err := s.readCase(ctx, a, id)
	if err != nil {
		return Case{}, err
	}
	if err := s.mustWrite(ctx, a, old.Org, what); err != nil {
		return Case{}, err
	}
	if version != old.Version {
		return Case{}, fmt.Errorf("%s %s: changed by someone else (version %d, now %d): %w", what, id, version, old.Version, homeward.ErrConflict)
	}
	cur, err := change(old.Clone(), a)
	if err != nil {
		return Case{}, err
	}
	if err := cur.Validate(); err != nil {
		return Case{}, err
	}
	cur.UpdatedAt = s.stamp()
	stored, err := s.st.Cases.Update(ctx, cur)
	if err != nil {
		return Case{}, err
	}
	return stored, s.emit(ctx, a, "update", "case", stored.Org, string(stored.ID), &old, &stored)
}

// SetRisk changes the risk level of a case from date on, with a reason,
// and records the change in the risk history.
func (s *Service) SetRisk(ctx context.Context, id CaseID, version int64, risk Risk, date homeward.Date, reason string) (Case, error) {
	return s.changeCase(ctx, id, version, "set risk", func(c Case, a homeward.Actor) (Case, error) {
		if !risk.Valid() {
			return Case{}, homeward.Invalid("risk", "must be low, medium or high")
		}
		if date.IsZero() {
			date = s.today()
		}
		if n := len(c.RiskHistory); n > 0 && date.Before(c.RiskHistory[n-1].Date) {
			return Case{}, homeward.Invalid("date", "is before the last risk change (%s)", c.RiskHistory[n-1].Date)
		}
		c.RiskHistory = append(c.RiskHistory, RiskChange{Date: date, From: c.Risk, To: risk, Reason: reason, By: a.ID})
		c.Risk = risk
		return c, nil
	})
}

// Place records a new care arrangement for the child. The arrangement in
// force on its start date, if it is still open, ends on that date; an
// arrangement that would overlap another is refused. The household of a
// family-based arrangement, when given, must exist in the organisation.
func (s *Service) Place(ctx context.Context, id CaseID, version int64, arr Arrangement) (Case, error) {
	return s.changeCase(ctx, id, version, "place child", func(c Case, a homeward.Actor) (Case, error) {
		if c.Status == StatusClosed {
			return Case{}, homeward.Invalid("status", "the case is closed: reopen it first")
		}
		if n := len(c.Arrangements); n > 0 && c.Arrangements[n-1].End.IsZero() && c.Arrangements[n-1].Start.Before(arr.Start) {
			c.Arrangements[n-1].End = arr.Start
		}
		c.Arrangements = append(c.Arrangements, arr)
		if err := s.checkHousehold(ctx, a, c.Org, arr.Household, fmt.Sprintf("arrangements[%d].household", len(c.Arrangements)-1)); err != nil {
			return Case{}, err
		}
		return c, nil
	})
}

// EndArrangement ends the open care arrangement on date (for example when
// a child leaves care at adulthood).
func (s *Service) EndArrangement(ctx context.Context, id CaseID, version int64, date homeward.Date) (Case, error) {
	return s.changeCase(ctx, id, version, "end arrangement", func(c Case, _ homeward.Actor) (Case, error) {
		n := len(c.Arrangements)
		if n == 0 || !c.Arrangements[n-1].End.IsZero() {
			return Case{}, homeward.Invalid("arrangements", "there is no open care arrangement to end")
		}
		c.Arrangements[n-1].End = date
		return c, nil
	})
}

// AddConsent records a consent on a case.
func (s *Service) AddConsent(ctx context.Context, id CaseID, version int64, cs Consent) (Case, error) {
	return s.changeCase(ctx, id, version, "add consent", func(c Case, _ homeward.Actor) (Case, error) {
		if cs.ID == "" {
			cs.ID = s.newID()
		}
		cs.Parties = slices.Clone(cs.Parties)
		c.Consents = append(c.Consents, cs)
		return c, nil
	})
}

// WithdrawConsent records that the consent with the given id was withdrawn
// on date: from that day on it no longer allows its purpose.
func (s *Service) WithdrawConsent(ctx context.Context, id CaseID, version int64, consentID string, date homeward.Date) (Case, error) {
	return s.changeCase(ctx, id, version, "withdraw consent", func(c Case, _ homeward.Actor) (Case, error) {
		if date.IsZero() {
			date = s.today()
		}
		for i := range c.Consents {
			if c.Consents[i].ID == consentID {
				if !c.Consents[i].Withdrawn.IsZero() {
					return Case{}, homeward.Invalid("consent", "consent %q is already withdrawn", consentID)
				}
				c.Consents[i].Withdrawn = date
				return c, nil
			}
		}
		return Case{}, homeward.Invalid("consent", "no consent %q on this case", consentID)
	})
}
