package casework

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/homewardkit/homeward"
)

// Seed 004 asks family strengthening to go beyond direct care: look at the
// family's living conditions, help it earn its own income, and guard
// against the trap of a family that leans on the organisation's
// contributions. Three rules turn that into warnings on a plan:
//
//   - RuleLivingOrIncomeGoal: the plan has no goal (other than a dropped
//     one) in living_conditions or income_work.
//   - RuleSupportShare: over the window (default the three months before
//     the day of the check), the organisation's support is more than
//     MaxSupportShare (default one half) of the household's income, counted
//     as its own income plus that support, per currency.
//   - RuleSupportTapering: the household received support in both the
//     window and the window before it, and the support in the window is not
//     lower: support that does not taper keeps the family dependent.
//
// Amounts in different currencies are never added: the money rules are
// checked per currency.
const (
	RuleLivingOrIncomeGoal = "living_or_income_goal"
	RuleSupportShare       = "support_share"
	RuleSupportTapering    = "support_tapering"
)

// PlanRules configure the plan warnings. The zero value enables every rule
// with the defaults.
type PlanRules struct {
	DisableLivingOrIncomeGoal bool
	DisableSupportShare       bool
	DisableSupportTapering    bool
	// MaxSupportShare is the largest share of household income that support
	// may be without a warning, between 0 and 1; zero means one half.
	MaxSupportShare decimal.Decimal
	// WindowMonths is the length of the window in months; zero means 3.
	WindowMonths int
}

// Warning is a plan warning: the rule that raised it and a sentence that
// explains it (with no identifying data).
type Warning struct {
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

func (r PlanRules) share() decimal.Decimal {
	if r.MaxSupportShare.IsZero() {
		return decimal.NewFromFloat(0.5)
	}
	return r.MaxSupportShare
}

func (r PlanRules) window() int {
	if r.WindowMonths == 0 {
		return 3
	}
	return r.WindowMonths
}

func (r PlanRules) validate() error {
	var v homeward.ValidationError
	if s := r.share(); !s.IsPositive() || s.GreaterThan(decimal.NewFromInt(1)) {
		v.Add("rules.max_support_share", "must be greater than 0 and at most 1")
	}
	if r.WindowMonths < 0 || r.WindowMonths > 24 {
		v.Add("rules.window_months", "must be between 1 and 24")
	}
	return v.Err()
}

// Check applies the rules to plan p of a case whose household is h (nil
// when the case has none) on day asOf.
func (r PlanRules) Check(p *Plan, h *Household, asOf homeward.Date) []Warning {
	var out []Warning
	if !r.DisableLivingOrIncomeGoal && !hasGoal(p, DomainLivingConditions, DomainIncomeWork) {
		out = append(out, Warning{Rule: RuleLivingOrIncomeGoal,
			Message: "the plan has no goal for the household's living conditions or for income and work"})
	}
	if h == nil {
		return out
	}
	months := r.window()
	from, prev := asOf.AddMonths(-months), asOf.AddMonths(-2*months)
	support := supportBetween(h, from, asOf)
	if !r.DisableSupportShare {
		own := incomeBetween(h, from, asOf)
		for _, m := range support.List() {
			total := m.Amount.Add(own[m.Currency])
			if m.Amount.IsPositive() && m.Amount.Div(total).GreaterThan(r.share()) {
				out = append(out, Warning{Rule: RuleSupportShare, Message: fmt.Sprintf(
					"support is %s%% of the household's income in %s over the last %d months (more than %s%%)",
					m.Amount.Div(total).Mul(decimal.NewFromInt(100)).Round(0), m.Currency, months, r.share().Mul(decimal.NewFromInt(100)).Round(0))})
			}
		}
	}
	if !r.DisableSupportTapering {
		before := supportBetween(h, prev, from)
		for _, m := range support.List() {
			if b := before[m.Currency]; m.Amount.IsPositive() && b.IsPositive() && !m.Amount.LessThan(b) {
				out = append(out, Warning{Rule: RuleSupportTapering, Message: fmt.Sprintf(
					"support in %s is not tapering: %s in the last %d months against %s in the %d months before",
					m.Currency, m.Amount, months, b, months)})
			}
		}
	}
	return out
}

func hasGoal(p *Plan, domains ...Domain) bool {
	for _, g := range p.Goals {
		if g.Status == GoalDropped {
			continue
		}
		for _, d := range domains {
			if g.Domain == d {
				return true
			}
		}
	}
	return false
}

// supportBetween totals the support paid on days in [from, to).
func supportBetween(h *Household, from, to homeward.Date) homeward.Totals {
	var t homeward.Totals
	for _, s := range h.Support {
		if !s.Date.Before(from) && s.Date.Before(to) {
			t.Add(s.Amount)
		}
	}
	return t
}

// incomeBetween totals the household's own income over the days [from, to):
// each source contributes its monthly amount for each month of the window,
// pro rata to the days it ran.
func incomeBetween(h *Household, from, to homeward.Date) homeward.Totals {
	var t homeward.Totals
	days := from.DaysUntil(to)
	if days <= 0 {
		return t
	}
	months := decimal.NewFromInt(int64(from.MonthsUntil(to)))
	for _, in := range h.Income {
		start, end := in.From, in.To
		if start.Before(from) {
			start = from
		}
		if end.IsZero() || end.After(to) {
			end = to
		}
		if !start.Before(end) {
			continue
		}
		share := decimal.NewFromInt(int64(start.DaysUntil(end))).Div(decimal.NewFromInt(int64(days)))
		t.Add(homeward.Money{Amount: in.Monthly.Amount.Mul(months).Mul(share), Currency: in.Monthly.Currency})
	}
	return t
}
