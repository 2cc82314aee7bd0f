package cohort_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/cohort"
)

func TestCohortEvaluation(t *testing.T) {
	l := newLab(t)
	c := l.series(t)
	caseA := l.caseOf(t, "ngo-a", true)
	caseC := l.caseOf(t, "ngo-c", true)

	l.now = time.Date(2027, 2, 20, 9, 0, 0, 0, time.UTC)
	sub, err := l.svc.Submit(as("ngo-a"), c.ID, caseA.ID, "How do we prepare the school?", d("2027-02-18"))
	require.NoError(t, err)
	subC, err := l.svc.Submit(as("ngo-c"), c.ID, caseC.ID, "How do we keep contact with the home?", d("2027-02-18"))
	require.NoError(t, err)
	_, err = l.svc.WithdrawSubmission(as("ngo-c"), subC.ID, subC.Version)
	require.NoError(t, err)

	l.now = time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	c, err = l.svc.Withdraw(as("ngo-b"), c.ID, c.Version, "ngo-b")
	require.NoError(t, err)
	disc, err := l.svc.StartDiscussion(as("kanankil"), c.ID, sub.ID, cohort.DefaultProtocol(), d("2027-03-04"))
	require.NoError(t, err)
	_, _, err = l.svc.Conclude(as("ngo-a"), disc.ID, disc.Version, []cohort.ChosenAction{
		{Description: "Invite the teacher to a home visit", Due: d("2027-03-31")},
		{Description: "Review the school plan", Due: d("2027-04-15")},
	})
	require.NoError(t, err)
	act, err := l.svc.CreateLearningAction(as("ngo-c"), cohort.LearningAction{Org: "ngo-c", Cohort: c.ID, Description: "Map the aftercare we give", Due: d("2027-05-01")})
	require.NoError(t, err)
	act.Status = cohort.ActionDone
	_, err = l.svc.UpdateLearningAction(as("ngo-c"), act)
	require.NoError(t, err)

	l.now = time.Date(2027, 8, 1, 0, 0, 0, 0, time.UTC)
	for n := 1; n <= 12; n++ {
		present, absent := []homeward.OrgID{"ngo-a"}, []homeward.OrgID{}
		if n <= 3 {
			present = append(present, "ngo-b")
		}
		if n <= 8 {
			present = append(present, "ngo-c")
		} else {
			absent = append(absent, "ngo-c")
		}
		if n >= 5 {
			present = append(present, "ngo-d")
		}
		c, err = l.svc.RecordAttendance(as("family-power"), c.ID, c.Version, n, present, absent)
		require.NoError(t, err)
	}
	_, err = l.svc.CohortEvaluation(as("outsider"), c.ID)
	require.ErrorIs(t, err, homeward.ErrNotFound)
	l.now = time.Date(2027, 8, 1, 0, 0, 0, 0, time.UTC)
	ev, err := l.svc.CohortEvaluation(as("kanankil"), c.ID)
	require.NoError(t, err)
	require.Equal(t, 3, ev.EnrolledAtStart, "ngo-a, ngo-b and ngo-c had their places when the first session started")
	require.Equal(t, 2, ev.RetainedAtEnd, "ngo-b withdrew; ngo-d was promoted after the start")
	require.Equal(t, "0.6667", ev.Retention.StringFixed(4))
	require.Equal(t, 4, ev.Participants)
	require.Equal(t, 1, ev.Completed)

	var b strings.Builder
	require.NoError(t, cohort.WriteCohortCSV(&b, []cohort.CohortEvaluation{ev}))
	require.Equal(t, strings.Join([]string{
		"cohort,programme,name,status,evaluated_at,sessions,sessions_held,enrolled,waitlisted,withdrawn,participants,completed,completion_rate," +
			"submissions,submissions_withdrawn,discussions_held,discussions_concluded,actions_open,actions_in_progress,actions_done,actions_dropped," +
			"enrolled_at_start,retained_at_end,retention",
		string(c.ID) + "," + string(c.Programme) + ",Series 2,running,2027-08-01T00:01:00Z,12,12,3,0,1,4,1,0.2500,1,1,1,1,2,0,1,0,3,2,0.6667",
	}, "\n")+"\n", b.String())

	b.Reset()
	require.NoError(t, cohort.WriteMemberCSV(&b, []cohort.CohortEvaluation{ev}))
	id := string(c.ID)
	require.Equal(t, strings.Join([]string{
		"cohort,org,status,participated,sessions_held,sessions_attended,attendance_rate,completed,submissions,presented,actions_open,actions_in_progress,actions_done,actions_dropped",
		id + ",ngo-a,enrolled,true,12,12,1.0000,true,1,1,2,0,0,0",
		id + ",ngo-b,withdrawn,true,12,3,0.2500,false,0,0,0,0,0,0",
		id + ",ngo-c,enrolled,true,12,8,0.6667,false,0,0,0,0,1,0",
		id + ",ngo-d,enrolled,true,12,8,0.6667,false,0,0,0,0,0,0",
	}, "\n")+"\n", b.String())
	require.NotContains(t, b.String(), "school", "no case content")
}

func TestCohortEvaluationBeforeTheStart(t *testing.T) {
	c := cohort.Cohort{ID: "c1", Programme: "p1", Name: "Pilot", Status: cohort.CohortRecruiting,
		Sessions: []cohort.Session{{Number: 1, Start: time.Date(2027, 9, 1, 14, 0, 0, 0, time.UTC), Minutes: 120}},
		Members:  []cohort.Member{{Org: "ngo-a", Status: cohort.MemberWaitlisted, Applied: time.Date(2027, 7, 1, 0, 0, 0, 0, time.UTC)}}}
	ev := cohort.EvaluateCohort(&c, time.Date(2027, 8, 1, 0, 0, 0, 0, time.UTC), nil, nil, nil)
	require.Equal(t, 0, ev.SessionsHeld)
	require.False(t, ev.Members[0].HasRate)
	require.False(t, ev.HasRetention)
	require.False(t, ev.HasCompletionRate)
	var b strings.Builder
	require.NoError(t, cohort.WriteCohortCSV(&b, []cohort.CohortEvaluation{ev}))
	require.Equal(t, "c1,p1,Pilot,recruiting,2027-08-01T00:00:00Z,1,0,0,1,0,0,0,,0,0,0,0,0,0,0,0,0,0,\n", strings.SplitAfter(b.String(), "\n")[1],
		"undefined rates are empty")
}

func TestNetworkEvaluation(t *testing.T) {
	n := crooswijk()
	n.ID = "n1"
	n.Members[2].Left = d("2023-06-30")
	n.Events = []cohort.Event{
		{ID: "e1", Kind: cohort.EventRoadshow, Date: d("2023-02-01"), Theme: "Empowerment", Participants: cohort.Participants{Count: 20, Orgs: []homeward.OrgID{"inclusia", "team-toekomst"}}},
		{ID: "e2", Kind: cohort.EventRoadshow, Date: d("2023-03-14"), Theme: "Building trust", Participants: cohort.Participants{Count: 15, Orgs: []homeward.OrgID{"team-toekomst", "valentijnschool"}}},
		{ID: "e3", Kind: cohort.EventMeeting, Date: d("2023-12-01")},
	}
	n.Conclusions = []string{"Case discussion works."}
	actions := []cohort.LearningAction{
		{Org: "inclusia", Network: "n1", Status: cohort.ActionDone},
		{Org: "inclusia", Network: "n1", Status: cohort.ActionOpen},
		{Org: "valentijnschool", Network: "n1", Status: cohort.ActionDropped},
		{Org: "team-toekomst", Network: "other", Status: cohort.ActionOpen},
	}
	ev := cohort.EvaluateNetwork(&n, time.Date(2023, 9, 1, 12, 0, 0, 0, time.UTC), actions)
	var b strings.Builder
	require.NoError(t, cohort.WriteNetworkCSV(&b, []cohort.NetworkEvaluation{ev}))
	require.Equal(t, "network,name,kind,evaluated_at,members,orgs,events_held,events_planned,participants,participant_orgs,orgs_with_actions,"+
		"actions_open,actions_in_progress,actions_done,actions_dropped,conclusions\n"+
		"n1,Samen leren gezinnen versterken,neighbourhood,2023-09-01T12:00:00Z,2,3,2,1,35,3,1,1,0,1,1,1\n", b.String())
	require.Equal(t, cohort.NetworkCSVColumns(), strings.Split(strings.SplitN(b.String(), "\n", 2)[0], ","))
}
