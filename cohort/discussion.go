package cohort

import (
	"fmt"
	"slices"
	"time"

	"github.com/homewardkit/homeward"
)

// DiscussionID identifies a case discussion.
type DiscussionID string

// RoundContribution is what an organisation said in one round of a case
// discussion.
type RoundContribution struct {
	Round string         `json:"round"`
	Org   homeward.OrgID `json:"org"`
	Text  string         `json:"text"`
	At    time.Time      `json:"at"`
}

// ChosenAction is an action the presenter of a case chooses at the end of a
// discussion. Concluding the discussion makes it a [LearningAction] of the
// presenting organisation; an empty stage is plan.
type ChosenAction struct {
	Description string        `json:"description"`
	Stage       Stage         `json:"stage,omitempty"`
	Due         homeward.Date `json:"due"`
}

// Discussion is the joint analysis of a submitted case in a cohort, round by
// round along a [Protocol]. The presenter is the organisation that
// submitted the case; contributions are recorded per round and
// organisation; when the discussion is concluded, the presenter's chosen
// actions become learning actions (Actions lists their ids, in the order of
// Chosen).
type Discussion struct {
	ID         DiscussionID `json:"id"`
	Cohort     CohortID     `json:"cohort"`
	Submission SubmissionID `json:"submission"`
	// Presenter is the organisation that submitted the case.
	Presenter     homeward.OrgID      `json:"presenter"`
	Protocol      Protocol            `json:"protocol"`
	HeldOn        homeward.Date       `json:"held_on"`
	State         DiscussionState     `json:"state"`
	Contributions []RoundContribution `json:"contributions,omitempty"`
	Chosen        []ChosenAction      `json:"chosen,omitempty"`
	Actions       []LearningActionID  `json:"actions,omitempty"`
	ConcludedAt   time.Time           `json:"concluded_at,omitzero"`
	Version       int64               `json:"version,omitempty"`
	CreatedAt     time.Time           `json:"created_at,omitzero"`
	UpdatedAt     time.Time           `json:"updated_at,omitzero"`
}

// Clone returns a deep copy of d.
func (d Discussion) Clone() Discussion {
	d.Protocol = d.Protocol.Clone()
	d.Contributions = slices.Clone(d.Contributions)
	d.Chosen = slices.Clone(d.Chosen)
	d.Actions = slices.Clone(d.Actions)
	return d
}

// Validate checks the discussion record.
func (d *Discussion) Validate() error {
	var v homeward.ValidationError
	if d.Cohort == "" {
		v.Add("cohort", "is required")
	}
	if d.Submission == "" {
		v.Add("submission", "is required")
	}
	if d.Presenter == "" {
		v.Add("presenter", "is required")
	}
	v.Merge("protocol", d.Protocol.Validate())
	if d.HeldOn.IsZero() {
		v.Add("held_on", "is required")
	}
	if !d.State.Valid() {
		v.Add("state", "must be one of %s", joinValues(discussionStateValues))
	}
	for i, c := range d.Contributions {
		p := fmt.Sprintf("contributions[%d]", i)
		if _, ok := d.Protocol.Round(c.Round); !ok {
			v.Add(p+".round", "round %q is not a round of the protocol", c.Round)
		}
		if c.Org == "" {
			v.Add(p+".org", "is required")
		}
		if blank(c.Text) {
			v.Add(p+".text", "is required")
		}
	}
	for i, c := range d.Chosen {
		c.validate(&v, fmt.Sprintf("chosen[%d]", i))
	}
	switch d.State {
	case DiscussionOpen:
		if len(d.Chosen) > 0 || len(d.Actions) > 0 || !d.ConcludedAt.IsZero() {
			v.Add("state", "an open discussion has no chosen actions yet")
		}
	case DiscussionConcluded:
		if len(d.Actions) != len(d.Chosen) {
			v.Add("actions", "%d learning actions for %d chosen actions", len(d.Actions), len(d.Chosen))
		}
		if d.ConcludedAt.IsZero() {
			v.Add("concluded_at", "is required")
		}
	}
	return v.Err()
}

func (c *ChosenAction) validate(v *homeward.ValidationError, p string) {
	if blank(c.Description) {
		v.Add(p+".description", "is required")
	}
	if c.Stage != "" && !c.Stage.Valid() {
		v.Add(p+".stage", "must be one of %s", joinValues(stageValues))
	}
	if c.Due.IsZero() {
		v.Add(p+".due", "is required")
	}
}

// RoundContributions returns the contributions to round, in the order they
// were made.
func (d *Discussion) RoundContributions(round string) []RoundContribution {
	var out []RoundContribution
	for _, c := range d.Contributions {
		if c.Round == round {
			out = append(out, c)
		}
	}
	return out
}
