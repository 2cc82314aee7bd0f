package casework

import (
	"fmt"
	"slices"
	"time"

	"github.com/homewardkit/homeward"
)

// PlanID identifies a family-strengthening plan.
type PlanID string

// Plan is a family-strengthening plan: goals per domain, each with actions,
// and a review date. Plans are reviewed at least every three months, and
// monthly when the case's risk is high (see [ReviewInterval]).
type Plan struct {
	ID     PlanID         `json:"id"`
	Org    homeward.OrgID `json:"org"`
	Case   CaseID         `json:"case"`
	Status PlanStatus     `json:"status"`
	Start  homeward.Date  `json:"start"`
	// NextReview is the date by which the plan must next be reviewed.
	NextReview homeward.Date `json:"next_review"`
	Reviews    []Review      `json:"reviews,omitempty"`
	Goals      []Goal        `json:"goals,omitempty"`
	Version    int64         `json:"version,omitempty"`
	CreatedAt  time.Time     `json:"created_at,omitzero"`
	UpdatedAt  time.Time     `json:"updated_at,omitzero"`
}

// Review records one review of a plan.
type Review struct {
	Date homeward.Date `json:"date"`
	By   string        `json:"by"`
	Note string        `json:"note,omitempty"`
}

// Goal is one goal of a plan, in one domain.
type Goal struct {
	ID          string     `json:"id"`
	Domain      Domain     `json:"domain"`
	Description string     `json:"description"`
	Status      GoalStatus `json:"status"`
	Actions     []Action   `json:"actions,omitempty"`
}

// Action is a step towards a goal.
type Action struct {
	ID          string        `json:"id"`
	Description string        `json:"description"`
	Owner       string        `json:"owner"`
	Due         homeward.Date `json:"due"`
	Status      ActionStatus  `json:"status"`
	Done        homeward.Date `json:"done,omitzero"`
}

// Clone returns a deep copy of p.
func (p Plan) Clone() Plan {
	p.Reviews = slices.Clone(p.Reviews)
	if p.Goals != nil {
		gs := make([]Goal, len(p.Goals))
		for i, g := range p.Goals {
			g.Actions = slices.Clone(g.Actions)
			gs[i] = g
		}
		p.Goals = gs
	}
	return p
}

// ReviewInterval returns the longest time between plan reviews at a risk
// level, in months: 1 at high risk, 3 otherwise (CPWG guidelines).
func ReviewInterval(r Risk) int {
	if r == RiskHigh {
		return 1
	}
	return 3
}

// LastReviewed returns the date of the latest review, or the start date when
// the plan has not been reviewed.
func (p *Plan) LastReviewed() homeward.Date {
	last := p.Start
	for _, r := range p.Reviews {
		if r.Date.After(last) {
			last = r.Date
		}
	}
	return last
}

// Validate checks the record on its own: required fields, known values,
// unique goal and action ids, and dates in order. The review cadence, which
// depends on the case's risk, is checked by [Plan.ValidateFor].
func (p *Plan) Validate() error {
	var v homeward.ValidationError
	p.validate(&v)
	return v.Err()
}

// ValidateFor checks the plan and, for a draft or active plan, that
// NextReview is no later than the review interval of the risk level after
// the last review (or the start). A completed or discontinued plan is no
// longer reviewed, so a later change of risk does not make it invalid.
func (p *Plan) ValidateFor(r Risk) error {
	var v homeward.ValidationError
	p.validate(&v)
	if (p.Status == PlanDraft || p.Status == PlanActive) && !p.NextReview.IsZero() && !p.Start.IsZero() {
		months := ReviewInterval(r)
		if limit := p.LastReviewed().AddMonths(months); p.NextReview.After(limit) {
			v.Add("next_review", "must be by %s: plans are reviewed at least every %d month(s) at %s risk", limit, months, r)
		}
	}
	return v.Err()
}

func (p *Plan) validate(v *homeward.ValidationError) {
	if p.Org == "" {
		v.Add("org", "is required")
	}
	if p.Case == "" {
		v.Add("case", "is required")
	}
	if !p.Status.Valid() {
		v.Add("status", "must be one of draft, active, completed, discontinued")
	}
	if p.Start.IsZero() {
		v.Add("start", "is required")
	}
	if p.NextReview.IsZero() {
		v.Add("next_review", "is required")
	} else if p.NextReview.Before(p.LastReviewed()) {
		v.Add("next_review", "is before the last review")
	}
	for i, r := range p.Reviews {
		rp := fmt.Sprintf("reviews[%d]", i)
		if r.Date.IsZero() {
			v.Add(rp+".date", "is required")
		} else if r.Date.Before(p.Start) {
			v.Add(rp+".date", "is before the plan's start")
		}
		if r.By == "" {
			v.Add(rp+".by", "is required")
		}
	}
	goals := map[string]bool{}
	actions := map[string]bool{}
	for gi, g := range p.Goals {
		gp := fmt.Sprintf("goals[%d]", gi)
		if g.ID == "" {
			v.Add(gp+".id", "is required")
		} else if goals[g.ID] {
			v.Add(gp+".id", "duplicate goal id %q", g.ID)
		}
		goals[g.ID] = true
		if !g.Domain.Valid() {
			v.Add(gp+".domain", "must be one of safety, living_conditions, income_work, learning, parenting, health, psychosocial, social_network, legal_documents")
		}
		if g.Description == "" {
			v.Add(gp+".description", "is required")
		}
		if !g.Status.Valid() {
			v.Add(gp+".status", "must be one of open, in_progress, achieved, dropped")
		}
		for ai, a := range g.Actions {
			ap := fmt.Sprintf("%s.actions[%d]", gp, ai)
			if a.ID == "" {
				v.Add(ap+".id", "is required")
			} else if actions[a.ID] {
				v.Add(ap+".id", "duplicate action id %q", a.ID)
			}
			actions[a.ID] = true
			if a.Description == "" {
				v.Add(ap+".description", "is required")
			}
			if a.Owner == "" {
				v.Add(ap+".owner", "is required")
			}
			if a.Due.IsZero() {
				v.Add(ap+".due", "is required")
			}
			if !a.Status.Valid() {
				v.Add(ap+".status", "must be one of planned, in_progress, done, cancelled")
			}
			if a.Status == ActionDone && a.Done.IsZero() {
				v.Add(ap+".done", "is required when the action is done")
			}
		}
	}
}
