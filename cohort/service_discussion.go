package cohort

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/homewardkit/homeward"
)

// StartDiscussion opens the discussion of a submitted case in its cohort,
// held on day heldOn along protocol p (pass [DefaultProtocol] for the
// incident method). The cohort's organisers and facilitators start
// discussions. The submission must be of the cohort and not withdrawn; the
// presenter is the submitting organisation. A protocol with no rounds, or
// with a round outside 1 to 240 minutes or a repeated round id, is
// homeward.ErrInvalid, and nothing is stored.
func (s *Service) StartDiscussion(ctx context.Context, cohortID CohortID, submissionID SubmissionID, p Protocol, heldOn homeward.Date) (Discussion, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Discussion{}, err
	}
	if s.st.Discussions == nil {
		return Discussion{}, errNoStore("discussion")
	}
	if s.st.Submissions == nil {
		return Discussion{}, errNoStore("submission")
	}
	c, err := s.st.Cohorts.Get(ctx, cohortID)
	if err != nil || !s.actsFor(ctx, a, homeward.ActionRead, c.readers()...) {
		return Discussion{}, fmt.Errorf("cohort %s: %w", cohortID, homeward.ErrNotFound)
	}
	if !s.actsFor(ctx, a, homeward.ActionWrite, c.runners()...) {
		return Discussion{}, fmt.Errorf("start discussion: the cohort's organisers and facilitators start discussions: %w", homeward.ErrForbidden)
	}
	var v homeward.ValidationError
	v.Merge("protocol", p.Validate())
	if heldOn.IsZero() {
		v.Add("held_on", "is required")
	}
	sub, err := s.st.Submissions.Get(ctx, submissionID)
	switch {
	case err != nil || sub.Cohort != cohortID:
		v.Add("submission", "submission %s is not a submission of cohort %s", submissionID, cohortID)
	case sub.Withdrawn():
		v.Add("submission", "submission %s was withdrawn", submissionID)
	}
	if err := v.Err(); err != nil {
		return Discussion{}, err
	}
	now := s.stamp()
	d := Discussion{ID: DiscussionID(s.newID()), Cohort: cohortID, Submission: submissionID, Presenter: sub.Org,
		Protocol: p.Clone(), HeldOn: heldOn, State: DiscussionOpen, CreatedAt: now, UpdatedAt: now}
	if err := d.Validate(); err != nil {
		return Discussion{}, err
	}
	stored, err := s.st.Discussions.Create(ctx, d)
	if err != nil {
		return Discussion{}, err
	}
	return stored, s.emit(ctx, a, "create", "discussion", c.Organisers[0], string(d.ID), nil, &stored)
}

// readDiscussion returns a discussion and its cohort when the actor may
// read it: the cohort's organisers, facilitators and enrolled members, and
// the presenter, do.
func (s *Service) readDiscussion(ctx context.Context, a homeward.Actor, id DiscussionID) (Discussion, Cohort, error) {
	if s.st.Discussions == nil {
		return Discussion{}, Cohort{}, errNoStore("discussion")
	}
	d, err := s.st.Discussions.Get(ctx, id)
	if err != nil {
		return Discussion{}, Cohort{}, err
	}
	c, err := s.st.Cohorts.Get(ctx, d.Cohort)
	if err != nil {
		return Discussion{}, Cohort{}, err
	}
	if !s.actsFor(ctx, a, homeward.ActionRead, append(c.insiders(), d.Presenter)...) {
		return Discussion{}, Cohort{}, fmt.Errorf("discussion %s: %w", id, homeward.ErrNotFound)
	}
	return d, c, nil
}

// Discussion returns a case discussion; the cohort's organisers,
// facilitators and enrolled members, and the presenter, read it. To anyone
// else it is homeward.ErrNotFound.
func (s *Service) Discussion(ctx context.Context, id DiscussionID) (Discussion, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Discussion{}, err
	}
	d, _, err := s.readDiscussion(ctx, a, id)
	return d, err
}

// Discussions lists case discussions by the day they are held. With
// f.Cohort it lists the cohort's discussions to its organisers,
// facilitators and enrolled members; otherwise it lists the discussions
// of cases f.Presenter (empty: the actor's organisation) presented.
func (s *Service) Discussions(ctx context.Context, f DiscussionFilter) (homeward.Page[Discussion], error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return homeward.Page[Discussion]{}, err
	}
	if s.st.Discussions == nil {
		return homeward.Page[Discussion]{}, errNoStore("discussion")
	}
	if f.Cohort == "" {
		if f.Presenter == "" {
			f.Presenter = a.Org
		}
		if !s.policy.Allow(ctx, a, homeward.ActionRead, f.Presenter) {
			return homeward.Page[Discussion]{}, fmt.Errorf("list discussions of organisation %s: %w", f.Presenter, homeward.ErrForbidden)
		}
		return s.st.Discussions.List(ctx, f)
	}
	c, err := s.st.Cohorts.Get(ctx, f.Cohort)
	if err != nil || !s.actsFor(ctx, a, homeward.ActionRead, c.insiders()...) {
		return homeward.Page[Discussion]{}, fmt.Errorf("cohort %s: %w", f.Cohort, homeward.ErrNotFound)
	}
	return s.st.Discussions.List(ctx, f)
}

// changeDiscussion reads an open discussion the actor may read, checks the
// version, applies fn, validates and stores it. Nothing is stored when fn
// or the validation fails.
func (s *Service) changeDiscussion(ctx context.Context, id DiscussionID, version int64, what string,
	fn func(*Discussion, *Cohort, homeward.Actor) error) (Discussion, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Discussion{}, err
	}
	old, c, err := s.readDiscussion(ctx, a, id)
	if err != nil {
		return Discussion{}, err
	}
	if version != old.Version {
		return Discussion{}, fmt.Errorf("%s: discussion %s was changed by someone else (version %d, now %d): %w", what, id, version, old.Version, homeward.ErrConflict)
	}
	if old.State != DiscussionOpen {
		return Discussion{}, homeward.Invalid("state", "the discussion is %s", old.State)
	}
	cur := old.Clone()
	if err := fn(&cur, &c, a); err != nil {
		return Discussion{}, err
	}
	if err := cur.Validate(); err != nil {
		return Discussion{}, err
	}
	cur.UpdatedAt = s.stamp()
	stored, err := s.st.Discussions.Update(ctx, cur)
	if err != nil {
		return Discussion{}, err
	}
	return stored, s.emit(ctx, a, "update", "discussion", c.Organisers[0], string(id), &old, &stored)
}

// presenterNames returns a finder of the names in the discussed case, read
// through the casework service as the actor (who acts for the presenter),
// or nil when the service has no casework service. Only the presenter can
// read the case, so only the presenter's texts are checked: the other
// organisations know the case by its de-identified summary.
func (s *Service) presenterNames(ctx context.Context, d *Discussion) (*nameFinder, error) {
	if s.cw == nil || s.st.Submissions == nil {
		return nil, nil
	}
	sub, err := s.st.Submissions.Get(ctx, d.Submission)
	if err != nil {
		return nil, err
	}
	if sub.Case == "" {
		return nil, nil
	}
	_, names, err := s.caseNames(ctx, sub.Case)
	return names, err
}

// ContributeToDiscussion records what org says in a round of an open
// discussion. The round must be one of the protocol's; org must be an
// enrolled member or a facilitator's organisation of the cohort, and the
// actor must be able to write for it. A withdrawn submission takes no more
// contributions. The presenter's texts must not name the child or a
// household member (homeward.ErrInvalid naming the field, never the name).
func (s *Service) ContributeToDiscussion(ctx context.Context, id DiscussionID, version int64, round string, org homeward.OrgID, text string) (Discussion, error) {
	return s.changeDiscussion(ctx, id, version, "contribute to discussion", func(d *Discussion, c *Cohort, a homeward.Actor) error {
		if !s.actsFor(ctx, a, homeward.ActionWrite, org) {
			return fmt.Errorf("contribute to discussion: the actor may not write for organisation %s: %w", org, homeward.ErrForbidden)
		}
		facilitator := slices.ContainsFunc(c.Facilitators, func(f Facilitator) bool { return f.Org == org })
		if !c.enrolled(org) && !facilitator {
			return homeward.Invalid("org", "organisation %s is neither an enrolled member nor a facilitator of cohort %s", org, c.ID)
		}
		if _, ok := d.Protocol.Round(round); !ok {
			ids := make([]string, len(d.Protocol.Rounds))
			for i, r := range d.Protocol.Rounds {
				ids[i] = r.ID
			}
			return homeward.Invalid("round", "round %q is not a round of the protocol (rounds: %s)", round, strings.Join(ids, ", "))
		}
		if blank(text) {
			return homeward.Invalid("text", "is required")
		}
		if s.st.Submissions != nil {
			if sub, err := s.st.Submissions.Get(ctx, d.Submission); err == nil && sub.Withdrawn() {
				return homeward.Invalid("submission", "the submission was withdrawn: the discussion takes no more contributions")
			}
		}
		if org == d.Presenter {
			names, err := s.presenterNames(ctx, d)
			if err != nil {
				return err
			}
			if names != nil && names.in(text) {
				return homeward.Invalid("text", nameProblem)
			}
		}
		d.Contributions = append(d.Contributions, RoundContribution{Round: round, Org: org, Text: strings.TrimSpace(text), At: s.stamp()})
		return nil
	})
}

// Conclude closes an open discussion with the actions its presenter chose:
// each becomes a [LearningAction] of the presenting organisation in the
// cohort (stage plan unless given, status open), linked to the
// discussion. The presenting organisation concludes (the actor must be
// able to write for it); the chosen actions must not name the child or a
// household member. It returns the concluded discussion and the actions,
// in the order chosen. Bad input stores nothing: the actions are checked
// before the discussion is concluded, and they are stored after it.
func (s *Service) Conclude(ctx context.Context, id DiscussionID, version int64, chosen []ChosenAction) (Discussion, []LearningAction, error) {
	if s.st.Actions == nil {
		return Discussion{}, nil, errNoStore("learning action")
	}
	var actions []LearningAction
	d, err := s.changeDiscussion(ctx, id, version, "conclude discussion", func(d *Discussion, c *Cohort, a homeward.Actor) error {
		if !s.actsFor(ctx, a, homeward.ActionWrite, d.Presenter) {
			return fmt.Errorf("conclude discussion: the presenting organisation concludes it: %w", homeward.ErrForbidden)
		}
		names, err := s.presenterNames(ctx, d)
		if err != nil {
			return err
		}
		now := s.stamp()
		var v homeward.ValidationError
		for i, ch := range chosen {
			if ch.Stage == "" {
				ch.Stage = StagePlan
			}
			ch.Description = strings.TrimSpace(ch.Description)
			p := fmt.Sprintf("chosen[%d]", i)
			ch.validate(&v, p)
			if names != nil && names.in(ch.Description) {
				v.Add(p+".description", nameProblem)
			}
			la := LearningAction{ID: LearningActionID(s.newID()), Org: d.Presenter, Cohort: d.Cohort, Discussion: d.ID,
				Description: ch.Description, Stage: ch.Stage, Due: ch.Due, Status: ActionOpen, CreatedAt: now, UpdatedAt: now}
			d.Chosen = append(d.Chosen, ch)
			d.Actions = append(d.Actions, la.ID)
			actions = append(actions, la)
		}
		if err := v.Err(); err != nil {
			return err
		}
		d.State, d.ConcludedAt = DiscussionConcluded, now
		return nil
	})
	if err != nil {
		return Discussion{}, nil, err
	}
	a, _ := homeward.RequireActor(ctx)
	out := make([]LearningAction, 0, len(actions))
	for _, la := range actions {
		stored, err := s.st.Actions.Create(ctx, la)
		if err != nil {
			return d, out, fmt.Errorf("conclude discussion %s: store learning action %s: %w", id, la.ID, err)
		}
		if err := s.emit(ctx, a, "create", "learning action", la.Org, string(la.ID), nil, &stored); err != nil {
			return d, out, err
		}
		out = append(out, stored)
	}
	return d, out, nil
}
