package cohort

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// nameProblem is what an error says about a text that still names someone:
// it never repeats the name.
const nameProblem = "contains a name of the child or of a household member: write a role word such as \"the child\" or \"the grandmother\" instead"

// caseNames reads a case and its household through the casework service
// (under its access policy) and returns a finder of their names.
func (s *Service) caseNames(ctx context.Context, id casework.CaseID) (casework.Case, *nameFinder, error) {
	c, err := s.cw.Case(ctx, id)
	if err != nil {
		return casework.Case{}, nil, err
	}
	var h *casework.Household
	if c.Household != "" {
		hh, err := s.cw.Household(ctx, c.Household)
		if err != nil {
			return casework.Case{}, nil, err
		}
		h = &hh
	}
	return c, newNameFinder(&c, h), nil
}

// Submit brings case caseID to cohort cohortID for joint analysis, with
// the question the organisation asks the group, as of day on (zero:
// today). The case is read through the casework service given in
// Options.Casework, under its access policy, and the submitting
// organisation is the case's. Submit is refused:
//   - with homeward.ErrNotFound when the actor cannot read the cohort or
//     the case;
//   - with homeward.ErrForbidden when the actor may not write for the
//     case's organisation, when that organisation is not an enrolled
//     member of the cohort, or when the case has no consent for peer
//     learning on that day (the error names the purpose and the day, never
//     a person);
//   - with homeward.ErrInvalid when the cohort's programme has no joint
//     case analysis, the cohort is finished, the question is empty, or
//     the question or the summary's narrative still contains a name of the
//     child, of a household member or of a person who gave consent (the
//     error names the field, never the name).
//
// The submission holds the case's de-identified summary on that day
// (casework.Service.Summarize, in the cohort's language), labelled
// "case-N" in order of submission in the cohort.
func (s *Service) Submit(ctx context.Context, cohortID CohortID, caseID casework.CaseID, question string, on homeward.Date) (Submission, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Submission{}, err
	}
	if s.cw == nil {
		return Submission{}, homeward.Invalid("casework", "the service has no casework service (Options.Casework): cases cannot be submitted")
	}
	if s.st.Submissions == nil {
		return Submission{}, errNoStore("submission")
	}
	c, err := s.st.Cohorts.Get(ctx, cohortID)
	if err != nil || !s.actsFor(ctx, a, homeward.ActionRead, c.readers()...) {
		return Submission{}, fmt.Errorf("cohort %s: %w", cohortID, homeward.ErrNotFound)
	}
	if on.IsZero() {
		on = s.today()
	}
	cs, names, err := s.caseNames(ctx, caseID)
	if err != nil {
		return Submission{}, err
	}
	if !s.actsFor(ctx, a, homeward.ActionWrite, cs.Org) {
		return Submission{}, fmt.Errorf("submit: the actor may not write for the case's organisation: %w", homeward.ErrForbidden)
	}
	if !c.enrolled(cs.Org) {
		return Submission{}, fmt.Errorf("submit: organisation %s is not an enrolled member of cohort %s: %w", cs.Org, cohortID, homeward.ErrForbidden)
	}
	p, err := s.st.Programmes.Get(ctx, c.Programme)
	if err != nil {
		return Submission{}, err
	}
	if !p.JointCaseAnalysis {
		return Submission{}, homeward.Invalid("cohort", "programme %s has no joint case analysis", p.ID)
	}
	if c.Status == CohortFinished {
		return Submission{}, homeward.Invalid("cohort", "cohort %s is finished", cohortID)
	}
	if blank(question) {
		return Submission{}, homeward.Invalid("question", "is required: say what the organisation asks the group")
	}
	if !cs.ConsentOn(casework.ConsentPeerLearning, "", on) {
		return Submission{}, fmt.Errorf("submit: the case has no consent for %s on %s: %w", casework.ConsentPeerLearning, on, homeward.ErrForbidden)
	}
	if names.in(question) {
		return Submission{}, homeward.Invalid("question", nameProblem)
	}
	id := SubmissionID(s.newID())
	n := 0
	if err := s.st.Submissions.Scan(ctx, SubmissionFilter{Cohort: cohortID}, func(*Submission) error { n++; return nil }); err != nil {
		return Submission{}, err
	}
	ref := fmt.Sprintf("case-%d", n+1)
	if ref == string(cs.ID) || ref == string(cs.Household) {
		ref = "submission-" + string(id)
	}
	lang, err := language.Parse(c.Language)
	if err != nil {
		lang = language.English
	}
	sum, err := s.cw.Summarize(ctx, caseID, casework.ConsentPeerLearning, on, casework.SummaryOptions{Reference: ref, Language: lang})
	if err != nil {
		return Submission{}, fmt.Errorf("submit: %w", err)
	}
	if names.in(sum.Narrative) {
		return Submission{}, homeward.Invalid("summary.narrative", nameProblem)
	}
	now := s.stamp()
	sub := Submission{ID: id, Cohort: cohortID, Org: cs.Org, Case: cs.ID, Summary: cloneSummary(*sum),
		Question: strings.TrimSpace(question), On: on, SubmittedAt: now, CreatedAt: now, UpdatedAt: now}
	if err := sub.Validate(); err != nil {
		return Submission{}, err
	}
	stored, err := s.st.Submissions.Create(ctx, sub)
	if err != nil {
		return Submission{}, err
	}
	return stored, s.emit(ctx, a, "create", "submission", sub.Org, string(sub.ID), nil, &stored)
}

// shown returns sub as the actor may see it, or false when it may not: the
// submitting organisation sees it whole; the cohort's organisers,
// facilitators and enrolled members see it without the case id, unless it
// was withdrawn.
func (s *Service) shown(ctx context.Context, a homeward.Actor, c *Cohort, sub Submission) (Submission, bool) {
	if s.actsFor(ctx, a, homeward.ActionRead, sub.Org) {
		return sub, true
	}
	if sub.Withdrawn() || !s.actsFor(ctx, a, homeward.ActionRead, c.insiders()...) {
		return Submission{}, false
	}
	sub.Case = ""
	return sub, true
}

// Submission returns a case submission. The submitting organisation reads
// it, with the case id; the cohort's organisers, facilitators and enrolled
// members read it without the case id while it is not withdrawn; to
// anyone else it is homeward.ErrNotFound.
func (s *Service) Submission(ctx context.Context, id SubmissionID) (Submission, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Submission{}, err
	}
	if s.st.Submissions == nil {
		return Submission{}, errNoStore("submission")
	}
	sub, err := s.st.Submissions.Get(ctx, id)
	if err != nil {
		return Submission{}, err
	}
	c, err := s.st.Cohorts.Get(ctx, sub.Cohort)
	if err != nil {
		return Submission{}, err
	}
	out, ok := s.shown(ctx, a, &c, sub)
	if !ok {
		return Submission{}, fmt.Errorf("submission %s: %w", id, homeward.ErrNotFound)
	}
	return out, nil
}

// Submissions lists case submissions by time of submission. With f.Cohort
// it lists the cohort's standing submissions to its organisers,
// facilitators and enrolled members (withdrawn ones are left out, and the
// case ids of other organisations' submissions are empty); with f.Org set
// to an organisation the actor reads as well, it lists that
// organisation's submissions to the cohort, withdrawn ones too. Without
// f.Cohort it lists the submissions of f.Org (empty: the actor's
// organisation) to any cohort.
func (s *Service) Submissions(ctx context.Context, f SubmissionFilter) (homeward.Page[Submission], error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return homeward.Page[Submission]{}, err
	}
	if s.st.Submissions == nil {
		return homeward.Page[Submission]{}, errNoStore("submission")
	}
	if f.Cohort == "" || (f.Org != "" && s.policy.Allow(ctx, a, homeward.ActionRead, f.Org)) {
		if f.Org == "" {
			f.Org = a.Org
		}
		if !s.policy.Allow(ctx, a, homeward.ActionRead, f.Org) {
			return homeward.Page[Submission]{}, fmt.Errorf("list submissions of organisation %s: %w", f.Org, homeward.ErrForbidden)
		}
		return s.st.Submissions.List(ctx, f)
	}
	c, err := s.st.Cohorts.Get(ctx, f.Cohort)
	if err != nil || !s.actsFor(ctx, a, homeward.ActionRead, c.insiders()...) {
		return homeward.Page[Submission]{}, fmt.Errorf("cohort %s: %w", f.Cohort, homeward.ErrNotFound)
	}
	f.Active = true
	page, err := s.st.Submissions.List(ctx, f)
	if err != nil {
		return homeward.Page[Submission]{}, err
	}
	for i := range page.Items {
		page.Items[i], _ = s.shown(ctx, a, &c, page.Items[i])
	}
	return page, nil
}

// WithdrawSubmission withdraws a submission (its organisation only). Its
// summary and question are erased: a withdrawn submission keeps only who
// submitted which case to which cohort, and when.
func (s *Service) WithdrawSubmission(ctx context.Context, id SubmissionID, version int64) (Submission, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Submission{}, err
	}
	old, err := s.Submission(ctx, id)
	if err != nil {
		return Submission{}, err
	}
	if !s.actsFor(ctx, a, homeward.ActionWrite, old.Org) {
		return Submission{}, fmt.Errorf("withdraw submission: only the submitting organisation withdraws it: %w", homeward.ErrForbidden)
	}
	if version != old.Version {
		return Submission{}, fmt.Errorf("withdraw submission: submission %s was changed by someone else (version %d, now %d): %w", id, version, old.Version, homeward.ErrConflict)
	}
	if old.Withdrawn() {
		return Submission{}, homeward.Invalid("withdrawn_at", "the submission was already withdrawn")
	}
	cur := old.Clone()
	cur.WithdrawnAt = s.stamp()
	cur.UpdatedAt = cur.WithdrawnAt
	cur.Summary, cur.Question = casework.Summary{}, ""
	if err := cur.Validate(); err != nil {
		return Submission{}, err
	}
	stored, err := s.st.Submissions.Update(ctx, cur)
	if err != nil {
		return Submission{}, err
	}
	return stored, s.emit(ctx, a, "withdraw", "submission", old.Org, string(id), &old, &stored)
}
