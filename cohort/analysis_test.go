package cohort_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/cohort"
)

func TestSubmitNeedsConsentForPeerLearning(t *testing.T) {
	l := newLab(t)
	c := l.series(t)
	cs := l.caseOf(t, "ngo-a", false)
	_, err := l.svc.Submit(as("ngo-a"), c.ID, cs.ID, "How do we prepare the school?", d("2027-02-18"))
	require.ErrorIs(t, err, homeward.ErrForbidden)
	require.ErrorContains(t, err, "peer_learning")
	require.ErrorContains(t, err, "2027-02-18")
	requireNoName(t, err)

	cs, err = l.cw.AddConsent(as("ngo-a"), cs.ID, cs.Version, casework.Consent{Purpose: casework.ConsentPeerLearning,
		GivenBy: "Fatuma Hassan", Relationship: casework.RelGrandparent, Date: d("2027-01-20")})
	require.NoError(t, err)
	_, err = l.svc.Submit(as("ngo-a"), c.ID, cs.ID, "How do we prepare the school?", d("2027-01-19"))
	require.ErrorIs(t, err, homeward.ErrForbidden, "the consent is checked on the day of the summary")
	cs, err = l.cw.WithdrawConsent(as("ngo-a"), cs.ID, cs.Version, cs.Consents[0].ID, d("2027-02-01"))
	require.NoError(t, err)
	_, err = l.svc.Submit(as("ngo-a"), c.ID, cs.ID, "How do we prepare the school?", d("2027-02-18"))
	require.ErrorIs(t, err, homeward.ErrForbidden, "a withdrawn consent no longer holds")
	sub, err := l.svc.Submit(as("ngo-a"), c.ID, cs.ID, "How do we prepare the school?", d("2027-01-25"))
	require.NoError(t, err, "it held on the day of the summary")
	require.Equal(t, "case-1", sub.Summary.Reference)

	page, err := l.svc.Submissions(as("ngo-b"), cohort.SubmissionFilter{Cohort: c.ID})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
}

func TestSubmitRefusesNames(t *testing.T) {
	l := newLab(t)
	c := l.series(t)
	cs := l.caseOf(t, "ngo-a", true)
	for _, q := range []string{
		"How can Amina settle in?",
		"How can AMÍNA settle in?",
		"What about amína's school?",
		"Should the Otieno family get support?",
		"Amina Otieno misses her friends",
		"Fatuma is tired: what now?",
		"Is HASSAN the right caregiver?",
		"Rose helps: how to involve her more?",
		"How do we work with Fatuma H.?",
	} {
		_, err := l.svc.Submit(as("ngo-a"), c.ID, cs.ID, q, d("2027-02-18"))
		require.Equal(t, []string{"question"}, paths(t, err), q)
		requireNoName(t, err)
	}
	sub, err := l.svc.Submit(as("ngo-a"), c.ID, cs.ID, "How do we prepare the school? (Aminata, a classmate, is not part of the case.)", d("2027-02-18"))
	require.NoError(t, err, "names are whole words")
	require.NotEmpty(t, sub.Summary.Narrative)
	for _, n := range []string{childGiven, childFamily, grandmother, familyOfGran, "Rose", "AMÍNA"} {
		require.NotContains(t, sub.Summary.Narrative, n)
	}
	require.Contains(t, sub.Summary.Narrative, "the child")
	require.Equal(t, cs.ID, sub.Case)
	require.Equal(t, homeward.OrgID("ngo-a"), sub.Org)
	require.Equal(t, d("2027-02-18"), sub.On)
}

func TestSubmitPreconditions(t *testing.T) {
	l := newLab(t)
	c := l.series(t)
	cs := l.caseOf(t, "ngo-a", true)
	waiting := l.caseOf(t, "ngo-d", true)

	_, err := l.svc.Submit(as("ngo-d"), c.ID, waiting.ID, "A question", d("2027-02-18"))
	require.ErrorIs(t, err, homeward.ErrForbidden, "a waitlisted organisation does not submit")
	_, err = l.svc.Submit(as("ngo-b"), c.ID, cs.ID, "A question", d("2027-02-18"))
	require.ErrorIs(t, err, homeward.ErrNotFound, "another organisation's case cannot be read")
	_, err = l.svc.Submit(as("outsider"), c.ID, cs.ID, "A question", d("2027-02-18"))
	require.ErrorIs(t, err, homeward.ErrNotFound)
	_, err = l.svc.Submit(as("ngo-a"), c.ID, cs.ID, "  ", d("2027-02-18"))
	require.Equal(t, []string{"question"}, paths(t, err))
	_, err = l.svc.Submit(as("ngo-a"), "nope", cs.ID, "A question", d("2027-02-18"))
	require.ErrorIs(t, err, homeward.ErrNotFound)

	p := cohort.MutualLearningProgram("peer", "family-power")
	p.Kind, p.JointCaseAnalysis = cohort.KindPeerReview, false
	p, err = l.svc.CreateProgramme(as("family-power"), p)
	require.NoError(t, err)
	other, err := l.svc.CreateCohort(as("family-power"), cohort.Cohort{Programme: p.ID, Name: "Peer review", Language: "en", Status: cohort.CohortRecruiting,
		Plan: cohort.SessionPlan{First: d("2027-02-04"), At: "10:00", TimeZone: "UTC", Every: 7, Count: 2}})
	require.NoError(t, err)
	other, err = l.svc.Apply(as("ngo-a"), other.ID, other.Version, "ngo-a", "UTC")
	require.NoError(t, err)
	_, err = l.svc.Submit(as("ngo-a"), other.ID, cs.ID, "A question", d("2027-02-18"))
	require.Equal(t, []string{"cohort"}, paths(t, err), "the programme has no joint case analysis")

	noCasework, err := cohort.NewService(l.st, nil)
	require.NoError(t, err)
	_, err = noCasework.Submit(as("ngo-a"), c.ID, cs.ID, "A question", d("2027-02-18"))
	require.ErrorIs(t, err, homeward.ErrInvalid)

	page, err := l.svc.Submissions(as("ngo-a"), cohort.SubmissionFilter{})
	require.NoError(t, err)
	require.Empty(t, page.Items, "nothing was stored")
}

func TestSubmissionVisibilityAndWithdrawal(t *testing.T) {
	l := newLab(t)
	c := l.series(t)
	cs := l.caseOf(t, "ngo-a", true)
	sub, err := l.svc.Submit(as("ngo-a"), c.ID, cs.ID, "How do we prepare the school?", d("2027-02-18"))
	require.NoError(t, err)

	for _, org := range []string{"ngo-b", "kanankil", "family-power"} {
		got, err := l.svc.Submission(as(org), sub.ID)
		require.NoError(t, err, org)
		require.Empty(t, got.Case, "only the submitting organisation sees the case id")
		require.Equal(t, sub.Summary.Narrative, got.Summary.Narrative)
	}
	for _, org := range []string{"ngo-d", "outsider"} {
		_, err := l.svc.Submission(as(org), sub.ID)
		require.ErrorIs(t, err, homeward.ErrNotFound, org)
		_, err = l.svc.Submissions(as(org), cohort.SubmissionFilter{Cohort: c.ID})
		require.ErrorIs(t, err, homeward.ErrNotFound, org)
	}
	page, err := l.svc.Submissions(as("outsider"), cohort.SubmissionFilter{})
	require.NoError(t, err)
	require.Empty(t, page.Items, "listing never leaks")

	_, err = l.svc.WithdrawSubmission(as("ngo-b"), sub.ID, sub.Version)
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = l.svc.WithdrawSubmission(as("ngo-a"), sub.ID, sub.Version+1)
	require.ErrorIs(t, err, homeward.ErrConflict)
	w, err := l.svc.WithdrawSubmission(as("ngo-a"), sub.ID, sub.Version)
	require.NoError(t, err)
	require.True(t, w.Withdrawn())
	require.Empty(t, w.Question)
	require.Empty(t, w.Summary.Narrative, "a withdrawn submission keeps no case content")
	_, err = l.svc.WithdrawSubmission(as("ngo-a"), w.ID, w.Version)
	require.ErrorIs(t, err, homeward.ErrInvalid)

	_, err = l.svc.Submission(as("ngo-b"), sub.ID)
	require.ErrorIs(t, err, homeward.ErrNotFound, "withdrawn submissions are hidden from others")
	page, err = l.svc.Submissions(as("ngo-b"), cohort.SubmissionFilter{Cohort: c.ID})
	require.NoError(t, err)
	require.Empty(t, page.Items)
	page, err = l.svc.Submissions(as("ngo-a"), cohort.SubmissionFilter{Cohort: c.ID, Org: "ngo-a"})
	require.NoError(t, err)
	require.Len(t, page.Items, 1, "the submitting organisation still sees its own")

	var kinds []string
	for _, e := range l.audit.Events() {
		if e.Kind == "submission" {
			kinds = append(kinds, e.Action)
			require.NotContains(t, strings.Join(e.Fields, " "), childGiven)
		}
	}
	require.Equal(t, []string{"create", "withdraw"}, kinds)
}

func TestDiscussion(t *testing.T) {
	l := newLab(t)
	c := l.series(t)
	cs := l.caseOf(t, "ngo-a", true)
	sub, err := l.svc.Submit(as("ngo-a"), c.ID, cs.ID, "How do we prepare the school?", d("2027-02-18"))
	require.NoError(t, err)

	_, err = l.svc.StartDiscussion(as("ngo-b"), c.ID, sub.ID, cohort.DefaultProtocol(), d("2027-03-04"))
	require.ErrorIs(t, err, homeward.ErrForbidden, "organisers and facilitators start discussions")
	_, err = l.svc.StartDiscussion(as("outsider"), c.ID, sub.ID, cohort.DefaultProtocol(), d("2027-03-04"))
	require.ErrorIs(t, err, homeward.ErrNotFound)
	_, err = l.svc.StartDiscussion(as("kanankil"), c.ID, "nope", cohort.DefaultProtocol(), d("2027-03-04"))
	require.Equal(t, []string{"submission"}, paths(t, err))

	disc, err := l.svc.StartDiscussion(as("kanankil"), c.ID, sub.ID, cohort.DefaultProtocol(), d("2027-03-04"))
	require.NoError(t, err)
	require.Equal(t, homeward.OrgID("ngo-a"), disc.Presenter)
	require.Equal(t, cohort.DiscussionOpen, disc.State)

	contribute := func(org, round, text string) error {
		var err error
		cur, err := l.svc.Discussion(as(org), disc.ID)
		if err != nil {
			return err
		}
		disc, err = l.svc.ContributeToDiscussion(as(org), cur.ID, cur.Version, round, homeward.OrgID(org), text)
		if err != nil {
			disc = cur
		}
		return err
	}
	require.NoError(t, contribute("ngo-a", cohort.RoundSituation, "The child moved to her grandmother; school starts in March."))
	require.NoError(t, contribute("ngo-b", cohort.RoundQuestions, "Does the school know about the move?"))
	require.NoError(t, contribute("kanankil", cohort.RoundAnalysis, "The question is about trust between school and family."))
	require.NoError(t, contribute("ngo-c", cohort.RoundAdvice, "Invite the teacher to a home visit."))

	err = contribute("ngo-b", "brainstorm", "An idea")
	require.Equal(t, []string{"round"}, paths(t, err))
	require.ErrorContains(t, err, "choose, situation, questions")
	err = contribute("ngo-a", cohort.RoundReflection, "Amina's teacher will help.")
	require.Equal(t, []string{"text"}, paths(t, err), "the presenter's texts are checked for names")
	requireNoName(t, err)
	err = contribute("family-power", cohort.RoundAdvice, "Organisers listen")
	require.Equal(t, []string{"org"}, paths(t, err), "only members and facilitators contribute")
	_, err = l.svc.ContributeToDiscussion(as("ngo-b"), disc.ID, disc.Version, cohort.RoundAdvice, "ngo-c", "On behalf of another")
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = l.svc.ContributeToDiscussion(as("ngo-d"), disc.ID, disc.Version, cohort.RoundAdvice, "ngo-d", "Waitlisted")
	require.ErrorIs(t, err, homeward.ErrNotFound, "waitlisted members do not see the discussion")
	_, err = l.svc.ContributeToDiscussion(as("ngo-b"), disc.ID, disc.Version-1, cohort.RoundAdvice, "ngo-b", "Stale")
	require.ErrorIs(t, err, homeward.ErrConflict)
	require.Len(t, disc.Contributions, 4)
	require.Len(t, disc.RoundContributions(cohort.RoundAdvice), 1)

	chosen := []cohort.ChosenAction{
		{Description: "Invite the teacher to a home visit", Due: d("2027-03-31")},
		{Description: "Review the school plan with the grandmother", Stage: cohort.StageDo, Due: d("2027-04-15")},
	}
	_, _, err = l.svc.Conclude(as("kanankil"), disc.ID, disc.Version, chosen)
	require.ErrorIs(t, err, homeward.ErrForbidden, "the presenter concludes")
	_, _, err = l.svc.Conclude(as("ngo-a"), disc.ID, disc.Version, []cohort.ChosenAction{chosen[0], {Description: "Call Fatuma weekly"}})
	require.ElementsMatch(t, []string{"chosen[1].description", "chosen[1].due"}, paths(t, err))
	requireNoName(t, err)
	acts, err := l.svc.LearningActions(as("ngo-a"), cohort.LearningActionFilter{Cohort: c.ID})
	require.NoError(t, err)
	require.Empty(t, acts.Items, "nothing half-written is stored")
	cur, err := l.svc.Discussion(as("ngo-a"), disc.ID)
	require.NoError(t, err)
	require.Equal(t, cohort.DiscussionOpen, cur.State)

	done, actions, err := l.svc.Conclude(as("ngo-a"), disc.ID, disc.Version, chosen)
	require.NoError(t, err)
	require.Equal(t, cohort.DiscussionConcluded, done.State)
	require.Len(t, actions, 2)
	require.Equal(t, []cohort.LearningActionID{actions[0].ID, actions[1].ID}, done.Actions)
	for i, a := range actions {
		require.Equal(t, homeward.OrgID("ngo-a"), a.Org)
		require.Equal(t, c.ID, a.Cohort)
		require.Equal(t, disc.ID, a.Discussion)
		require.Equal(t, cohort.ActionOpen, a.Status)
		require.Equal(t, chosen[i].Due, a.Due)
	}
	require.Equal(t, cohort.StagePlan, actions[0].Stage)
	require.Equal(t, cohort.StageDo, actions[1].Stage)
	got, err := l.svc.LearningAction(as("ngo-c"), actions[0].ID)
	require.NoError(t, err, "fellow members read the actions")
	require.Equal(t, actions[0].Description, got.Description)

	_, err = l.svc.ContributeToDiscussion(as("ngo-b"), done.ID, done.Version, cohort.RoundEvaluation, "ngo-b", "Late")
	require.ErrorContains(t, err, "concluded")
	_, _, err = l.svc.Conclude(as("ngo-a"), done.ID, done.Version, nil)
	require.ErrorIs(t, err, homeward.ErrInvalid)

	list, err := l.svc.Discussions(as("ngo-b"), cohort.DiscussionFilter{Cohort: c.ID})
	require.NoError(t, err)
	require.Len(t, list.Items, 1)
	_, err = l.svc.Discussions(as("outsider"), cohort.DiscussionFilter{Cohort: c.ID})
	require.ErrorIs(t, err, homeward.ErrNotFound)
	list, err = l.svc.Discussions(as("ngo-a"), cohort.DiscussionFilter{})
	require.NoError(t, err)
	require.Len(t, list.Items, 1, "the presenter's discussions")
}

func TestDiscussionOfWithdrawnSubmission(t *testing.T) {
	l := newLab(t)
	c := l.series(t)
	cs := l.caseOf(t, "ngo-a", true)
	sub, err := l.svc.Submit(as("ngo-a"), c.ID, cs.ID, "How do we prepare the school?", d("2027-02-18"))
	require.NoError(t, err)
	disc, err := l.svc.StartDiscussion(as("family-power"), c.ID, sub.ID, cohort.DefaultProtocol(), d("2027-03-04"))
	require.NoError(t, err)
	_, err = l.svc.WithdrawSubmission(as("ngo-a"), sub.ID, sub.Version)
	require.NoError(t, err)
	_, err = l.svc.ContributeToDiscussion(as("ngo-b"), disc.ID, disc.Version, cohort.RoundAdvice, "ngo-b", "Advice")
	require.Equal(t, []string{"submission"}, paths(t, err))
	_, err = l.svc.StartDiscussion(as("family-power"), c.ID, sub.ID, cohort.DefaultProtocol(), d("2027-03-18"))
	require.Equal(t, []string{"submission"}, paths(t, err))
}
