package cohort_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/cohort"
)

// crooswijk is the neighbourhood learning network of seed 002.
func crooswijk() cohort.Network {
	return cohort.Network{
		Kind: cohort.NetworkNeighbourhood, Name: "Samen leren gezinnen versterken", Region: "Rotterdam",
		Neighbourhoods: []string{"Hillesluis", "Crooswijk", "Bospolder-Tussendijken"},
		Facilitator:    cohort.Facilitator{Name: "Researcher", Org: "ivo"}, Lead: "ivo",
		Scope:  "How families with questions are supported effectively, and how professionals learn together",
		Themes: []string{"case discussion", "empowerment", "collaboration", "culture-sensitive work"},
		Members: []cohort.NetworkMember{
			{Org: "inclusia", Person: "Trainer 1", Role: cohort.RoleTrainer, Joined: d("2022-09-01")},
			{Org: "team-toekomst", Role: cohort.RoleFamilySupporter, Joined: d("2022-09-01")},
			{Org: "valentijnschool", Role: cohort.RoleParentInvolvement, Joined: d("2022-09-01")},
		},
	}
}

func TestNetworks(t *testing.T) {
	l := newLab(t)
	_, err := l.svc.CreateNetwork(as("inclusia"), crooswijk())
	require.ErrorIs(t, err, homeward.ErrForbidden, "a member does not create the network")

	bad := crooswijk()
	bad.Lead, bad.Neighbourhoods = "", nil
	bad.Members = append(bad.Members, bad.Members[0], cohort.NetworkMember{Org: "x", Role: "coach"})
	bad.Events = []cohort.Event{{Kind: cohort.EventRoadshow, Date: d("2023-03-01"), Participants: cohort.Participants{Count: 1, Orgs: []homeward.OrgID{"a", "b"}}}}
	_, err = l.svc.CreateNetwork(as("ivo"), bad)
	require.ElementsMatch(t, []string{"neighbourhoods", "lead", "members[3]", "members[4].role", "events[0].theme", "events[0].participants.orgs"}, paths(t, err))

	n, err := l.svc.CreateNetwork(as("ivo"), crooswijk())
	require.NoError(t, err)
	require.Equal(t, int64(1), n.Version)

	for _, org := range []string{"ivo", "inclusia", "valentijnschool"} {
		_, err := l.svc.Network(as(org), n.ID)
		require.NoError(t, err, org)
	}
	_, err = l.svc.Network(as("outsider"), n.ID)
	require.ErrorIs(t, err, homeward.ErrNotFound)
	_, err = l.svc.RecordEvent(as("inclusia"), n.ID, n.Version, cohort.Event{Kind: cohort.EventMeeting, Date: d("2023-01-10")})
	require.ErrorIs(t, err, homeward.ErrForbidden, "members read, the lead and the facilitator write")
	_, err = l.svc.RecordEvent(as("outsider"), n.ID, n.Version, cohort.Event{Kind: cohort.EventMeeting, Date: d("2023-01-10")})
	require.ErrorIs(t, err, homeward.ErrNotFound)

	roadshow := cohort.Event{Kind: cohort.EventRoadshow, Date: d("2023-03-14"), Place: "Crooswijk", Theme: "Positive Behavior Support",
		SubThemes:    []string{"values-driven work", "compliments as positive reinforcement", "role play"},
		Participants: cohort.Participants{Count: 18, Orgs: []homeward.OrgID{"team-toekomst", "valentijnschool"}}}
	n, err = l.svc.RecordEvent(as("ivo"), n.ID, n.Version, roadshow)
	require.NoError(t, err)
	require.Len(t, n.Events, 1)
	require.NotEmpty(t, n.Events[0].ID)
	_, err = l.svc.RecordEvent(as("ivo"), n.ID, n.Version-1, roadshow)
	require.ErrorIs(t, err, homeward.ErrConflict)
	_, err = l.svc.RecordEvent(as("ivo"), n.ID, n.Version, cohort.Event{Kind: cohort.EventRoadshow, Date: d("2023-04-01")})
	require.Equal(t, []string{"events[1].theme"}, paths(t, err))

	n, err = l.svc.AddNetworkMember(as("ivo"), n.ID, n.Version, cohort.NetworkMember{Org: "wijkteam", Role: cohort.RoleLinkWorker})
	require.NoError(t, err)
	require.Equal(t, d("2027-01-10"), n.Members[3].Joined, "an empty joining day is today")
	n, err = l.svc.AddConclusions(as("ivo"), n.ID, n.Version,
		"Case discussion is a good instrument to learn from each other consciously.",
		"Setting up and keeping a learning network going takes effort, organisation and facilitation.")
	require.NoError(t, err)
	_, err = l.svc.AddConclusions(as("ivo"), n.ID, n.Version)
	require.Equal(t, []string{"conclusions"}, paths(t, err))

	next := n.Clone()
	next.Scope = "Building trust between parents and professionals"
	next.CreatedAt = n.CreatedAt.Add(999)
	updated, err := l.svc.UpdateNetwork(as("ivo"), next)
	require.NoError(t, err)
	require.Equal(t, next.Scope, updated.Scope)
	require.True(t, updated.CreatedAt.Equal(n.CreatedAt), "the creation time is kept")

	page, err := l.svc.Networks(as("wijkteam"), cohort.NetworkFilter{})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	page, err = l.svc.Networks(as("outsider"), cohort.NetworkFilter{})
	require.NoError(t, err)
	require.Empty(t, page.Items)
	_, err = l.svc.Networks(as("outsider"), cohort.NetworkFilter{Org: "ivo"})
	require.ErrorIs(t, err, homeward.ErrForbidden)
}

func TestLearningActionsInANetwork(t *testing.T) {
	l := newLab(t)
	in := crooswijk()
	in.Members[2].Left = d("2027-01-01")
	n, err := l.svc.CreateNetwork(as("ivo"), in)
	require.NoError(t, err)

	a, err := l.svc.CreateLearningAction(as("inclusia"), cohort.LearningAction{Org: "inclusia", Network: n.ID,
		Description: "Train key persons to bring families and training together", Due: d("2027-06-30")})
	require.NoError(t, err)
	require.Equal(t, cohort.StagePlan, a.Stage)
	require.Equal(t, cohort.ActionOpen, a.Status)
	_, err = l.svc.CreateLearningAction(as("valentijnschool"), cohort.LearningAction{Org: "valentijnschool", Network: n.ID,
		Description: "Parent evening", Due: d("2027-06-30")})
	require.Equal(t, []string{"org"}, paths(t, err), "a member that left takes no new steps")
	_, err = l.svc.CreateLearningAction(as("outsider"), cohort.LearningAction{Org: "outsider", Network: n.ID,
		Description: "Sneak in", Due: d("2027-06-30")})
	require.ErrorIs(t, err, homeward.ErrNotFound)

	got, err := l.svc.LearningAction(as("team-toekomst"), a.ID)
	require.NoError(t, err, "fellow members read the actions")
	require.Equal(t, a.Description, got.Description)
	page, err := l.svc.LearningActions(as("ivo"), cohort.LearningActionFilter{Network: n.ID})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	_, err = l.svc.LearningActions(as("outsider"), cohort.LearningActionFilter{Network: n.ID})
	require.ErrorIs(t, err, homeward.ErrNotFound)

	ev, err := l.svc.NetworkEvaluation(as("ivo"), n.ID)
	require.NoError(t, err)
	require.Equal(t, 1, ev.OrgsWithActions)
	require.Equal(t, 3, ev.Orgs, "ivo (lead and facilitator), inclusia, team-toekomst; valentijnschool left")
	require.Equal(t, 1, ev.Actions.Open)
}

func TestLearningActionsInACohort(t *testing.T) {
	l := newLab(t)
	c := l.series(t)
	_, err := l.svc.CreateLearningAction(as("ngo-a"), cohort.LearningAction{Org: "ngo-b", Cohort: c.ID, Description: "x", Due: d("2027-04-01")})
	require.ErrorIs(t, err, homeward.ErrForbidden, "an organisation manages its own actions")
	_, err = l.svc.CreateLearningAction(as("ngo-d"), cohort.LearningAction{Org: "ngo-d", Cohort: c.ID, Description: "x", Due: d("2027-04-01")})
	require.Equal(t, []string{"org"}, paths(t, err), "a waitlisted organisation takes no part yet")
	_, err = l.svc.CreateLearningAction(as("ngo-a"), cohort.LearningAction{Org: "ngo-a", Cohort: c.ID, Network: "n", Description: " ", Stage: "think", Status: "maybe"})
	require.ElementsMatch(t, []string{"network", "description", "stage", "status", "due"}, paths(t, err))
	_, err = l.svc.CreateLearningAction(as("ngo-a"), cohort.LearningAction{Org: "ngo-a", Cohort: c.ID, Discussion: "d1", Description: "x", Due: d("2027-04-01")})
	require.Equal(t, []string{"discussion"}, paths(t, err))

	a, err := l.svc.CreateLearningAction(as("ngo-a"), cohort.LearningAction{Org: "ngo-a", Cohort: c.ID,
		Description: "Write down how we prepare a family before a child comes home", Due: d("2027-04-01")})
	require.NoError(t, err)
	for _, org := range []string{"ngo-b", "kanankil", "family-power"} {
		_, err := l.svc.LearningAction(as(org), a.ID)
		require.NoError(t, err, org)
	}
	for _, org := range []string{"ngo-d", "outsider"} {
		_, err := l.svc.LearningAction(as(org), a.ID)
		require.ErrorIs(t, err, homeward.ErrNotFound, org)
	}

	next := a.Clone()
	next.Status, next.Stage = cohort.ActionInProgress, cohort.StageDo
	_, err = l.svc.UpdateLearningAction(as("ngo-b"), next)
	require.ErrorIs(t, err, homeward.ErrForbidden, "fellow members read, they do not change")
	moved := next.Clone()
	moved.Org = "ngo-b"
	_, err = l.svc.UpdateLearningAction(as("ngo-a"), moved)
	require.Equal(t, []string{"org"}, paths(t, err))
	a, err = l.svc.UpdateLearningAction(as("ngo-a"), next)
	require.NoError(t, err)
	require.Equal(t, cohort.ActionInProgress, a.Status)

	a, err = l.svc.AddEvidence(as("ngo-a"), a.ID, a.Version, cohort.Evidence{Text: "Procedure written and shared with the team"})
	require.NoError(t, err)
	require.Equal(t, d("2027-01-10"), a.Evidence[0].Date)
	_, err = l.svc.ReviewLearningAction(as("ngo-a"), a.ID, a.Version, cohort.Review{Expected: "A procedure", Happened: "A draft"})
	require.ElementsMatch(t, []string{"review.difference", "review.learned"}, paths(t, err))
	a, err = l.svc.ReviewLearningAction(as("ngo-a"), a.ID, a.Version, cohort.Review{
		Expected: "A written procedure used by every social worker", Happened: "A draft used by two of five",
		Difference: "No time was planned to train the others", Learned: "Keep writing it down together; plan the training"})
	require.NoError(t, err)
	require.Equal(t, cohort.StageStudy, a.Stage, "reviewing is studying")

	page, err := l.svc.LearningActions(as("ngo-c"), cohort.LearningActionFilter{Cohort: c.ID})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	page, err = l.svc.LearningActions(as("ngo-a"), cohort.LearningActionFilter{})
	require.NoError(t, err)
	require.Len(t, page.Items, 1, "an organisation's own actions")
	_, err = l.svc.LearningActions(as("ngo-d"), cohort.LearningActionFilter{Cohort: c.ID})
	require.ErrorIs(t, err, homeward.ErrNotFound)
	_, err = l.svc.LearningActions(as("ngo-a"), cohort.LearningActionFilter{Org: "ngo-b"})
	require.ErrorIs(t, err, homeward.ErrForbidden)

	c, err = l.svc.Withdraw(as("ngo-a"), c.ID, c.Version, "ngo-a")
	require.NoError(t, err)
	page, err = l.svc.LearningActions(as("ngo-a"), cohort.LearningActionFilter{Cohort: c.ID, Org: "ngo-a"})
	require.NoError(t, err)
	require.Len(t, page.Items, 1, "a withdrawn member lists its own actions")
	_, err = l.svc.LearningAction(as("ngo-d"), a.ID)
	require.NoError(t, err, "ngo-d was promoted and now reads the cohort's actions")
}
