package cohort

import (
	"context"
	"fmt"
	"slices"

	"github.com/homewardkit/homeward"
)

// insiders returns the organisations that take part in a cohort's joint
// work: its organisers, its facilitators' organisations and its enrolled
// members. They read the cohort's learning actions, submissions and
// discussions; waitlisted and withdrawn members do not.
func (c *Cohort) insiders() []homeward.OrgID {
	out := slices.Clone(c.Organisers)
	for _, f := range c.Facilitators {
		out = append(out, f.Org)
	}
	for _, m := range c.Members {
		if m.Status == MemberEnrolled {
			out = append(out, m.Org)
		}
	}
	return out
}

// runners returns the organisations that run a cohort's sessions and
// discussions: its organisers and its facilitators' organisations.
func (c *Cohort) runners() []homeward.OrgID {
	out := slices.Clone(c.Organisers)
	for _, f := range c.Facilitators {
		out = append(out, f.Org)
	}
	return out
}

// enrolled reports whether org is an enrolled member of c.
func (c *Cohort) enrolled(org homeward.OrgID) bool {
	m, ok := c.Member(org)
	return ok && m.Status == MemberEnrolled
}

// actionReaders returns the organisations that read the learning actions
// of la's cohort or network, besides la's own organisation.
func (s *Service) actionReaders(ctx context.Context, la *LearningAction) ([]homeward.OrgID, error) {
	switch {
	case la.Cohort != "":
		c, err := s.st.Cohorts.Get(ctx, la.Cohort)
		if err != nil {
			return nil, err
		}
		return c.insiders(), nil
	case la.Network != "":
		if s.st.Networks == nil {
			return nil, errNoStore("network")
		}
		n, err := s.st.Networks.Get(ctx, la.Network)
		if err != nil {
			return nil, err
		}
		return n.Orgs(), nil
	}
	return nil, nil
}

// readAction returns a learning action the actor may read: its own
// organisation's, or one of a cohort or network the actor takes part in.
func (s *Service) readAction(ctx context.Context, a homeward.Actor, id LearningActionID) (LearningAction, error) {
	if s.st.Actions == nil {
		return LearningAction{}, errNoStore("learning action")
	}
	la, err := s.st.Actions.Get(ctx, id)
	if err != nil {
		return LearningAction{}, err
	}
	if s.actsFor(ctx, a, homeward.ActionRead, la.Org) {
		return la, nil
	}
	readers, err := s.actionReaders(ctx, &la)
	if err == nil && s.actsFor(ctx, a, homeward.ActionRead, readers...) {
		return la, nil
	}
	return LearningAction{}, fmt.Errorf("learning action %s: %w", id, homeward.ErrNotFound)
}

// CreateLearningAction records a step an organisation commits to in a
// cohort or a learning network. The actor must be able to write for
// la.Org (an organisation manages its own actions), and la.Org must take
// part: an enrolled member, organiser or facilitator of the cohort, or the
// lead, the facilitator or a current member of the network. An empty
// stage is plan and an empty status open. Actions from a case discussion
// are made by [Service.Conclude], so la.Discussion must be empty.
func (s *Service) CreateLearningAction(ctx context.Context, la LearningAction) (LearningAction, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return LearningAction{}, err
	}
	if s.st.Actions == nil {
		return LearningAction{}, errNoStore("learning action")
	}
	la = la.Clone()
	if la.Stage == "" {
		la.Stage = StagePlan
	}
	if la.Status == "" {
		la.Status = ActionOpen
	}
	if la.Discussion != "" {
		return LearningAction{}, homeward.Invalid("discussion", "actions from a case discussion are made by concluding the discussion")
	}
	if err := la.Validate(); err != nil {
		return LearningAction{}, err
	}
	if !s.actsFor(ctx, a, homeward.ActionWrite, la.Org) {
		return LearningAction{}, fmt.Errorf("create learning action: an organisation manages its own learning actions: %w", homeward.ErrForbidden)
	}
	switch {
	case la.Cohort != "":
		c, err := s.st.Cohorts.Get(ctx, la.Cohort)
		if err != nil || !c.involves(la.Org) {
			return LearningAction{}, fmt.Errorf("cohort %s: %w", la.Cohort, homeward.ErrNotFound)
		}
		if !slices.Contains(c.insiders(), la.Org) {
			return LearningAction{}, homeward.Invalid("org", "organisation %s is not an enrolled member, organiser or facilitator of cohort %s", la.Org, la.Cohort)
		}
	default:
		if s.st.Networks == nil {
			return LearningAction{}, errNoStore("network")
		}
		n, err := s.st.Networks.Get(ctx, la.Network)
		if err != nil || !n.involves(la.Org) {
			return LearningAction{}, fmt.Errorf("network %s: %w", la.Network, homeward.ErrNotFound)
		}
		if !n.currentMember(la.Org, s.today()) {
			return LearningAction{}, homeward.Invalid("org", "organisation %s no longer takes part in network %s", la.Org, la.Network)
		}
	}
	if la.ID == "" {
		la.ID = LearningActionID(s.newID())
	}
	now := s.stamp()
	la.CreatedAt, la.UpdatedAt = now, now
	stored, err := s.st.Actions.Create(ctx, la)
	if err != nil {
		return LearningAction{}, err
	}
	return stored, s.emit(ctx, a, "create", "learning action", la.Org, string(la.ID), nil, &stored)
}

// LearningAction returns a learning action. Its organisation reads it, and
// so do the organisers, facilitators and enrolled members of its cohort,
// or the lead, facilitator and members of its network; to anyone else it
// is homeward.ErrNotFound.
func (s *Service) LearningAction(ctx context.Context, id LearningActionID) (LearningAction, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return LearningAction{}, err
	}
	return s.readAction(ctx, a, id)
}

// LearningActions lists learning actions, by due date. With f.Cohort (or
// f.Network) it lists that cohort's (network's) actions to the
// organisations that read them (an organisation that no longer takes part
// lists its own by also setting f.Org); otherwise it lists the actions of
// f.Org (empty: the actor's organisation), which the actor must be able
// to read.
func (s *Service) LearningActions(ctx context.Context, f LearningActionFilter) (homeward.Page[LearningAction], error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return homeward.Page[LearningAction]{}, err
	}
	if s.st.Actions == nil {
		return homeward.Page[LearningAction]{}, errNoStore("learning action")
	}
	if f.Cohort == "" && f.Network == "" {
		if f.Org == "" {
			f.Org = a.Org
		}
		if !s.policy.Allow(ctx, a, homeward.ActionRead, f.Org) {
			return homeward.Page[LearningAction]{}, fmt.Errorf("list learning actions of organisation %s: %w", f.Org, homeward.ErrForbidden)
		}
		return s.st.Actions.List(ctx, f)
	}
	readers, err := s.actionReaders(ctx, &LearningAction{Cohort: f.Cohort, Network: f.Network})
	if err == nil && s.actsFor(ctx, a, homeward.ActionRead, readers...) {
		return s.st.Actions.List(ctx, f)
	}
	if f.Org != "" && s.policy.Allow(ctx, a, homeward.ActionRead, f.Org) {
		return s.st.Actions.List(ctx, f)
	}
	if f.Cohort != "" {
		return homeward.Page[LearningAction]{}, fmt.Errorf("cohort %s: %w", f.Cohort, homeward.ErrNotFound)
	}
	return homeward.Page[LearningAction]{}, fmt.Errorf("network %s: %w", f.Network, homeward.ErrNotFound)
}

// changeAction reads a learning action, checks that the actor may write
// for its organisation and the version, applies fn, validates and stores
// it. Nothing is stored when fn or the validation fails.
func (s *Service) changeAction(ctx context.Context, id LearningActionID, version int64, what string, fn func(*LearningAction) error) (LearningAction, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return LearningAction{}, err
	}
	old, err := s.readAction(ctx, a, id)
	if err != nil {
		return LearningAction{}, err
	}
	if !s.actsFor(ctx, a, homeward.ActionWrite, old.Org) {
		return LearningAction{}, fmt.Errorf("%s: an organisation manages its own learning actions: %w", what, homeward.ErrForbidden)
	}
	if version != old.Version {
		return LearningAction{}, fmt.Errorf("%s: learning action %s was changed by someone else (version %d, now %d): %w", what, id, version, old.Version, homeward.ErrConflict)
	}
	cur := old.Clone()
	if err := fn(&cur); err != nil {
		return LearningAction{}, err
	}
	if err := cur.Validate(); err != nil {
		return LearningAction{}, err
	}
	cur.UpdatedAt = s.stamp()
	stored, err := s.st.Actions.Update(ctx, cur)
	if err != nil {
		return LearningAction{}, err
	}
	return stored, s.emit(ctx, a, "update", "learning action", old.Org, string(id), &old, &stored)
}

// UpdateLearningAction replaces an action's description, stage, due date,
// status, evidence and review with those of la (its organisation changes
// it; la.Version must be the stored version). What the action belongs to
// (organisation, cohort, network, discussion) does not change.
func (s *Service) UpdateLearningAction(ctx context.Context, la LearningAction) (LearningAction, error) {
	return s.changeAction(ctx, la.ID, la.Version, "update learning action", func(cur *LearningAction) error {
		var v homeward.ValidationError
		if la.Org != cur.Org {
			v.Add("org", "does not change")
		}
		if la.Cohort != cur.Cohort {
			v.Add("cohort", "does not change")
		}
		if la.Network != cur.Network {
			v.Add("network", "does not change")
		}
		if la.Discussion != cur.Discussion {
			v.Add("discussion", "does not change")
		}
		if err := v.Err(); err != nil {
			return err
		}
		next := la.Clone()
		next.Version, next.CreatedAt = cur.Version, cur.CreatedAt
		*cur = next
		return nil
	})
}

// AddEvidence adds evidence of what was done to a learning action; an
// empty date is today.
func (s *Service) AddEvidence(ctx context.Context, id LearningActionID, version int64, e Evidence) (LearningAction, error) {
	return s.changeAction(ctx, id, version, "add evidence", func(la *LearningAction) error {
		if e.Date.IsZero() {
			e.Date = s.today()
		}
		la.Evidence = append(la.Evidence, e)
		return nil
	})
}

// ReviewLearningAction records the After Action Review of a learning
// action (an empty date is today), replacing an earlier one. Reviewing is
// studying: an action still in the plan or do stage moves to study.
func (s *Service) ReviewLearningAction(ctx context.Context, id LearningActionID, version int64, r Review) (LearningAction, error) {
	return s.changeAction(ctx, id, version, "review learning action", func(la *LearningAction) error {
		if r.Date.IsZero() {
			r.Date = s.today()
		}
		la.Review = &r
		if la.Stage == StagePlan || la.Stage == StageDo {
			la.Stage = StageStudy
		}
		return nil
	})
}
