package casework

import (
	"context"
	"fmt"

	"github.com/homewardkit/homeward"
)

// The lifecycle of a case follows the six steps of case management. Each
// step can be entered only when its precondition holds; the service checks
// it when the step is entered:
//
//	registered     → assessment      the case team has an active case manager
//	assessment     → case_plan       the child has a Child Status Index assessment
//	case_plan      → implementation  the case has a plan (not discontinued) with at least one goal
//	implementation → follow_up       the child's current care arrangement is family-based
//	follow_up      → implementation  (a placement broke down: no precondition)
//	any open step  → closed          Close, with a reason of the CPWG list
//	closed         → assessment      Reopen, with a reason, logged
//
// Any other move is refused with homeward.ErrInvalid naming the two steps;
// a refused precondition names what is missing.

// transitions lists the moves Advance makes.
var transitions = map[Status][]Status{
	StatusRegistered:     {StatusAssessment},
	StatusAssessment:     {StatusCasePlan},
	StatusCasePlan:       {StatusImplementation},
	StatusImplementation: {StatusFollowUp},
	StatusFollowUp:       {StatusImplementation},
}

// Advance moves a case to the step to. on is the day the move is judged on
// (the care arrangement in force; zero means today).
func (s *Service) Advance(ctx context.Context, id CaseID, version int64, to Status, on homeward.Date) (Case, error) {
	if on.IsZero() {
		on = s.today()
	}
	return s.changeCase(ctx, id, version, "advance case", func(c Case, a homeward.Actor) (Case, error) {
		if to == StatusClosed {
			return Case{}, homeward.Invalid("status", "cannot move from %s to closed with Advance: use Close, which needs a reason", c.Status)
		}
		allowed := false
		for _, t := range transitions[c.Status] {
			allowed = allowed || t == to
		}
		if !allowed {
			if c.Status == StatusClosed && to == StatusAssessment {
				return Case{}, homeward.Invalid("status", "cannot move from closed to assessment with Advance: use Reopen, which needs a reason")
			}
			return Case{}, homeward.Invalid("status", "cannot move from %s to %s", c.Status, to)
		}
		if missing, err := s.precondition(ctx, &c, to, on); err != nil {
			return Case{}, err
		} else if missing != "" {
			return Case{}, homeward.Invalid("status", "cannot move from %s to %s: %s", c.Status, to, missing)
		}
		c.StatusHistory = append(c.StatusHistory, StatusChange{At: s.stamp(), From: c.Status, To: to, By: a.ID})
		c.Status = to
		return c, nil
	})
}

// precondition returns what is missing for c to enter step to ("" when
// nothing is).
func (s *Service) precondition(ctx context.Context, c *Case, to Status, on homeward.Date) (string, error) {
	switch to {
	case StatusAssessment:
		for _, m := range c.Team {
			if m.Role == RoleCaseManager && (m.To.IsZero() || on.Before(m.To)) {
				return "", nil
			}
		}
		return "the case team has no active case manager", nil
	case StatusCasePlan:
		p, err := s.st.Assessments.List(ctx, AssessmentFilter{Org: c.Org, Kind: KindChildStatus, Case: c.ID, Page: homeward.PageRequest{Limit: 1}})
		if err != nil {
			return "", err
		}
		if len(p.Items) == 0 {
			return "the child has no Child Status Index assessment", nil
		}
	case StatusImplementation:
		if c.Status == StatusFollowUp {
			return "", nil
		}
		f := PlanFilter{Org: c.Org, Case: c.ID}
		for {
			p, err := s.st.Plans.List(ctx, f)
			if err != nil {
				return "", err
			}
			for _, pl := range p.Items {
				if pl.Status != PlanDiscontinued && len(pl.Goals) > 0 {
					return "", nil
				}
			}
			if p.Next == "" {
				return "the case has no plan with at least one goal", nil
			}
			f.Page.Cursor = p.Next
		}
	case StatusFollowUp:
		arr, ok := c.CurrentArrangement(on)
		switch {
		case !ok:
			return fmt.Sprintf("the child has no care arrangement on %s", on), nil
		case !arr.Type.FamilyBased():
			return fmt.Sprintf("the current care arrangement (%s) is not family-based", arr.Type), nil
		}
	}
	return "", nil
}

// Close closes a case from any open step. The closure needs a date (zero:
// today) and a reason of the CPWG list.
func (s *Service) Close(ctx context.Context, id CaseID, version int64, cl Closure) (Case, error) {
	return s.changeCase(ctx, id, version, "close case", func(c Case, a homeward.Actor) (Case, error) {
		if c.Status == StatusClosed {
			return Case{}, homeward.Invalid("status", "cannot move from closed to closed: the case is already closed")
		}
		if cl.Date.IsZero() {
			cl.Date = s.today()
		}
		if !cl.Reason.Valid() {
			return Case{}, homeward.Invalid("closure.reason", "cannot move from %s to closed: a reason is required (goals_achieved, reached_adulthood, transferred, moved_away, lost_contact, refused_services, died, other)", c.Status)
		}
		c.StatusHistory = append(c.StatusHistory, StatusChange{At: s.stamp(), From: c.Status, To: StatusClosed, By: a.ID})
		c.Status, c.Closure = StatusClosed, &cl
		return c, nil
	})
}

// Reopen reopens a closed case: it goes back to the assessment step, the
// closure is cleared, and the reopening is logged with its reason.
func (s *Service) Reopen(ctx context.Context, id CaseID, version int64, date homeward.Date, reason string) (Case, error) {
	return s.changeCase(ctx, id, version, "reopen case", func(c Case, a homeward.Actor) (Case, error) {
		if c.Status != StatusClosed {
			return Case{}, homeward.Invalid("status", "cannot reopen a case that is %s: only a closed case can be reopened", c.Status)
		}
		if reason == "" {
			return Case{}, homeward.Invalid("reason", "a reason is required to reopen a case")
		}
		if date.IsZero() {
			date = s.today()
		}
		c.Reopenings = append(c.Reopenings, Reopening{Date: date, Reason: reason, By: a.ID})
		c.StatusHistory = append(c.StatusHistory, StatusChange{At: s.stamp(), From: StatusClosed, To: StatusAssessment, By: a.ID})
		c.Status, c.Closure = StatusAssessment, nil
		return c, nil
	})
}
