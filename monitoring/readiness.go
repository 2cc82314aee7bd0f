package monitoring

import (
	"context"
	"fmt"
	"slices"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// Conditions of closure readiness.
const (
	CondTwelveMonths   = "twelve_months_in_family" // at least 12 months since the family placement
	CondLowRisk        = "low_risk"                // the case's risk is low
	CondLastVisitsSafe = "last_two_visits_safe"    // the last two visits done raised no concern
	CondGoalsAchieved  = "plan_goals_achieved"     // every goal of the current plan is achieved (or dropped)
)

// Readiness says whether a case is ready to close after aftercare, and
// which conditions fail.
type Readiness struct {
	Ready bool `json:"ready"`
	// Failing lists the conditions that do not hold, each with a sentence
	// that explains it (no identifying data).
	Failing []Condition `json:"failing"`
}

// Condition is one failing condition of closure readiness.
type Condition struct {
	Condition string `json:"condition"`
	Detail    string `json:"detail"`
}

// ClosureReadiness tells whether a case is ready to close on day asOf
// (zero: today): at least 12 months have passed since the family placement,
// the risk is low, the last two visits done raised no concern (and there are
// two), and every goal of the case's latest active or completed plan is
// achieved or dropped (and the plan has goals). The answer lists every
// condition that fails.
func (s *Service) ClosureReadiness(ctx context.Context, id casework.CaseID, asOf homeward.Date) (Readiness, error) {
	if asOf.IsZero() {
		asOf = s.today()
	}
	c, err := s.cw.Case(ctx, id)
	if err != nil {
		return Readiness{}, err
	}
	var r Readiness
	fail := func(cond, format string, args ...any) {
		r.Failing = append(r.Failing, Condition{Condition: cond, Detail: fmt.Sprintf(format, args...)})
	}
	if arr, ok := Placement(&c, asOf); !ok {
		fail(CondTwelveMonths, "the child is not in a family-based placement on %s", asOf)
	} else if m := arr.Start.MonthsUntil(asOf); m < 12 {
		fail(CondTwelveMonths, "%d months since the family placement (12 needed)", m)
	}
	if c.Risk != casework.RiskLow {
		fail(CondLowRisk, "the risk is %s", c.Risk)
	}
	visits, err := s.caseVisits(ctx, c.Org, c.ID)
	if err != nil {
		return Readiness{}, err
	}
	var done []Visit
	for _, v := range visits {
		if !v.Done.IsZero() && !v.Done.After(asOf) {
			done = append(done, v)
		}
	}
	slices.SortStableFunc(done, func(a, b Visit) int { return a.Done.Compare(b.Done) })
	switch {
	case len(done) < 2:
		fail(CondLastVisitsSafe, "%d visits done (2 needed)", len(done))
	default:
		for _, v := range done[len(done)-2:] {
			if v.Outcome == nil || v.Outcome.Concerns || !v.Outcome.ChildSafe {
				fail(CondLastVisitsSafe, "the visit of %s raised a concern", v.Done)
				break
			}
		}
	}
	plans, err := s.cw.Plans(ctx, casework.PlanFilter{Org: c.Org, Case: c.ID, Page: homeward.PageRequest{Limit: homeward.MaxPageLimit}})
	if err != nil {
		return Readiness{}, err
	}
	var plan *casework.Plan
	for i := range plans.Items {
		if st := plans.Items[i].Status; st == casework.PlanActive || st == casework.PlanCompleted {
			plan = &plans.Items[i] // ordered by start: the last is the latest
		}
	}
	switch {
	case plan == nil:
		fail(CondGoalsAchieved, "the case has no active or completed plan")
	case len(plan.Goals) == 0:
		fail(CondGoalsAchieved, "the plan has no goals")
	default:
		open := 0
		for _, g := range plan.Goals {
			if g.Status != casework.GoalAchieved && g.Status != casework.GoalDropped {
				open++
			}
		}
		if open > 0 {
			fail(CondGoalsAchieved, "%d of %d goals are not achieved", open, len(plan.Goals))
		}
	}
	r.Ready = len(r.Failing) == 0
	if r.Failing == nil {
		r.Failing = []Condition{}
	}
	return r, nil
}
