package cohort

import (
	"fmt"
	"slices"
	"time"

	"github.com/homewardkit/homeward"
)

// LearningActionID identifies a learning action.
type LearningActionID string

// Evidence shows what an organisation did for a learning action: a
// document, a changed procedure, a training given.
type Evidence struct {
	Date homeward.Date `json:"date"`
	Text string        `json:"text"`
	// Link points to the evidence (a document or a page), if any.
	Link string `json:"link,omitempty"`
}

// Review is an After Action Review of a learning action: four questions
// answered by the organisation that took the action.
type Review struct {
	Date homeward.Date `json:"date"`
	// Expected answers "What did we expect to happen?"
	Expected string `json:"expected"`
	// Happened answers "What actually happened?"
	Happened string `json:"happened"`
	// Difference answers "Why was there a difference?"
	Difference string `json:"difference"`
	// Learned answers "What do we learn: what do we keep doing, and what
	// do we do differently?"
	Learned string `json:"learned"`
}

// LearningAction is a step an organisation commits to in a cohort or a
// learning network (seed 003: every organisation in the network takes
// steps, and the network chooses which). It moves through the
// plan–do–study–act cycle (Stage) and has a status, a due date, evidence
// of what was done and, when it is studied, an After Action Review.
type LearningAction struct {
	ID LearningActionID `json:"id"`
	// Org is the organisation that takes the action and manages it.
	Org homeward.OrgID `json:"org"`
	// Cohort or Network is what the action belongs to: exactly one is set.
	Cohort  CohortID  `json:"cohort,omitempty"`
	Network NetworkID `json:"network,omitempty"`
	// Discussion is the case discussion whose presenter chose the action,
	// if any.
	Discussion  DiscussionID  `json:"discussion,omitempty"`
	Description string        `json:"description"`
	Stage       Stage         `json:"stage"`
	Due         homeward.Date `json:"due"`
	Status      ActionStatus  `json:"status"`
	Evidence    []Evidence    `json:"evidence,omitempty"`
	Review      *Review       `json:"review,omitempty"`
	Version     int64         `json:"version,omitempty"`
	CreatedAt   time.Time     `json:"created_at,omitzero"`
	UpdatedAt   time.Time     `json:"updated_at,omitzero"`
}

// Clone returns a deep copy of a.
func (a LearningAction) Clone() LearningAction {
	a.Evidence = slices.Clone(a.Evidence)
	if a.Review != nil {
		r := *a.Review
		a.Review = &r
	}
	return a
}

// Validate checks the learning action.
func (a *LearningAction) Validate() error {
	var v homeward.ValidationError
	if a.Org == "" {
		v.Add("org", "is required")
	}
	switch {
	case a.Cohort == "" && a.Network == "":
		v.Add("cohort", "an action belongs to a cohort or to a network")
	case a.Cohort != "" && a.Network != "":
		v.Add("network", "an action belongs to a cohort or to a network, not both")
	}
	if a.Discussion != "" && a.Cohort == "" {
		v.Add("discussion", "an action from a case discussion belongs to the discussion's cohort")
	}
	if blank(a.Description) {
		v.Add("description", "is required")
	}
	if !a.Stage.Valid() {
		v.Add("stage", "must be one of %s", joinValues(stageValues))
	}
	if a.Due.IsZero() {
		v.Add("due", "is required")
	}
	if !a.Status.Valid() {
		v.Add("status", "must be one of %s", joinValues(actionStatusValues))
	}
	for i, e := range a.Evidence {
		p := fmt.Sprintf("evidence[%d]", i)
		if e.Date.IsZero() {
			v.Add(p+".date", "is required")
		}
		if blank(e.Text) {
			v.Add(p+".text", "is required")
		}
	}
	if a.Review != nil {
		v.Merge("review", a.Review.Validate())
	}
	return v.Err()
}

// Validate checks that the review has its day and answers each of the
// four questions.
func (r *Review) Validate() error {
	var v homeward.ValidationError
	if r.Date.IsZero() {
		v.Add("date", "is required")
	}
	for _, q := range []struct{ path, text string }{
		{"expected", r.Expected}, {"happened", r.Happened}, {"difference", r.Difference}, {"learned", r.Learned},
	} {
		if blank(q.text) {
			v.Add(q.path, "the review answers each of the four questions")
		}
	}
	return v.Err()
}
