package cohort_test

import (
	"encoding"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/cohort"
)

// enumValues lists, for each enumeration, its values as text marshallers
// and a pointer to unmarshal into.
func enumValues() map[string]struct {
	values []encoding.TextMarshaler
	into   encoding.TextUnmarshaler
} {
	type entry = struct {
		values []encoding.TextMarshaler
		into   encoding.TextUnmarshaler
	}
	out := map[string]entry{}
	add := func(name string, vals []encoding.TextMarshaler, into encoding.TextUnmarshaler) {
		out[name] = entry{vals, into}
	}
	var (
		pk cohort.ProgrammeKind
		fk cohort.FeeKind
		cs cohort.CohortStatus
		ms cohort.MemberStatus
		nr cohort.NetworkRole
		st cohort.Stage
		as cohort.ActionStatus
		nk cohort.NetworkKind
		ek cohort.EventKind
		ds cohort.DiscussionState
	)
	var v []encoding.TextMarshaler
	for _, x := range cohort.ProgrammeKindValues() {
		v = append(v, x)
	}
	add("programme kind", v, &pk)
	v = nil
	for _, x := range cohort.FeeKindValues() {
		v = append(v, x)
	}
	add("fee kind", v, &fk)
	v = nil
	for _, x := range cohort.CohortStatusValues() {
		v = append(v, x)
	}
	add("cohort status", v, &cs)
	v = nil
	for _, x := range cohort.MemberStatusValues() {
		v = append(v, x)
	}
	add("member status", v, &ms)
	v = nil
	for _, x := range cohort.NetworkRoleValues() {
		v = append(v, x)
	}
	add("network role", v, &nr)
	v = nil
	for _, x := range cohort.StageValues() {
		v = append(v, x)
	}
	add("learning action stage", v, &st)
	v = nil
	for _, x := range cohort.ActionStatusValues() {
		v = append(v, x)
	}
	add("learning action status", v, &as)
	v = nil
	for _, x := range cohort.NetworkKindValues() {
		v = append(v, x)
	}
	add("network kind", v, &nk)
	v = nil
	for _, x := range cohort.EventKindValues() {
		v = append(v, x)
	}
	add("event kind", v, &ek)
	v = nil
	for _, x := range cohort.DiscussionStateValues() {
		v = append(v, x)
	}
	add("discussion state", v, &ds)
	return out
}

func TestEnumerations(t *testing.T) {
	for name, e := range enumValues() {
		t.Run(name, func(t *testing.T) {
			require.NotEmpty(t, e.values)
			for _, v := range e.values {
				b, err := v.MarshalText()
				require.NoError(t, err)
				require.Regexp(t, `^[a-z]+(_[a-z]+)*$`, string(b), "stable snake_case words")
				require.NoError(t, e.into.UnmarshalText(b))
			}
			err := e.into.UnmarshalText([]byte("Not A Value"))
			require.ErrorContains(t, err, "unknown "+name)
		})
	}
	require.True(t, cohort.RoleParentInvolvement.Valid())
	require.False(t, cohort.NetworkRole("coach").Valid())
}

func TestRecordValidation(t *testing.T) {
	at := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		err   error
		paths []string
	}{
		{"empty submission", (&cohort.Submission{}).Validate(), []string{"cohort", "org", "case", "question", "on", "submitted_at"}},
		{"withdrawn before submitted", (&cohort.Submission{Cohort: "c", Org: "o", Case: "k", On: d("2027-03-01"), SubmittedAt: at,
			WithdrawnAt: at.Add(-time.Hour)}).Validate(), []string{"withdrawn_at"}},
		{"empty discussion", (&cohort.Discussion{}).Validate(),
			[]string{"cohort", "submission", "presenter", "protocol.name", "protocol.rounds", "held_on", "state"}},
		{"open with actions", (&cohort.Discussion{Cohort: "c", Submission: "s", Presenter: "o", Protocol: cohort.DefaultProtocol(),
			HeldOn: d("2027-03-04"), State: cohort.DiscussionOpen, Chosen: []cohort.ChosenAction{{Description: "x", Stage: "later"}},
			Contributions: []cohort.RoundContribution{{Round: "nope"}}}).Validate(),
			[]string{"contributions[0].round", "contributions[0].org", "contributions[0].text", "chosen[0].stage", "chosen[0].due", "state"}},
		{"concluded without actions", (&cohort.Discussion{Cohort: "c", Submission: "s", Presenter: "o", Protocol: cohort.DefaultProtocol(),
			HeldOn: d("2027-03-04"), State: cohort.DiscussionConcluded, Chosen: []cohort.ChosenAction{{Description: "x", Due: d("2027-04-01")}}}).Validate(),
			[]string{"actions", "concluded_at"}},
		{"empty network", (&cohort.Network{}).Validate(), []string{"kind", "name", "lead"}},
		{"regional network", (&cohort.Network{Kind: cohort.NetworkRegion, Name: "West-Vlaanderen", Lead: "l",
			Facilitator: cohort.Facilitator{Name: " "}, Themes: []string{"Trauma", "trauma "}, Conclusions: []string{""},
			Members: []cohort.NetworkMember{{Org: "o", Role: cohort.RoleTrainer, Joined: d("2023-01-01"), Left: d("2022-01-01")}},
			Events:  []cohort.Event{{ID: "e", Kind: cohort.EventMeeting, Date: d("2023-01-01")}, {ID: "e", Kind: "party", Participants: cohort.Participants{Count: -1}}},
		}).Validate(), []string{"region", "facilitator.name", "facilitator.org", "themes[1]", "conclusions[0]", "members[0].left",
			"events[1].id", "events[1].kind", "events[1].date", "events[1].participants.count", "events[1].participants.orgs"}},
		{"empty action", (&cohort.LearningAction{}).Validate(), []string{"org", "cohort", "description", "stage", "due", "status"}},
		{"action evidence", (&cohort.LearningAction{Org: "o", Network: "n", Discussion: "d", Description: "x", Stage: cohort.StageDo,
			Due: d("2027-01-01"), Status: cohort.ActionOpen, Evidence: []cohort.Evidence{{}}, Review: &cohort.Review{}}).Validate(),
			[]string{"discussion", "evidence[0].date", "evidence[0].text", "review.date", "review.expected", "review.happened", "review.difference", "review.learned"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.ElementsMatch(t, tc.paths, paths(t, tc.err))
		})
	}
}

func TestServiceWithoutLearningStores(t *testing.T) {
	st := cohort.NewMemoryStores()
	svc, err := cohort.NewService(cohort.Stores{Programmes: st.Programmes, Cohorts: st.Cohorts}, nil)
	require.NoError(t, err)
	ctx := as("ngo-a")
	_, err = svc.CreateNetwork(ctx, crooswijk())
	require.ErrorContains(t, err, "no network store")
	_, err = svc.LearningAction(ctx, "a")
	require.ErrorContains(t, err, "no learning action store")
	_, err = svc.Submissions(ctx, cohort.SubmissionFilter{})
	require.ErrorContains(t, err, "no submission store")
	_, err = svc.Discussion(ctx, "d")
	require.ErrorContains(t, err, "no discussion store")
	_, _, err = svc.Conclude(ctx, "d", 1, nil)
	require.ErrorIs(t, err, homeward.ErrInvalid)
}

func TestNetworkHelpers(t *testing.T) {
	n := crooswijk()
	n.Events = []cohort.Event{{ID: "e1", Kind: cohort.EventTraining, Date: d("2023-01-01")}}
	e, ok := n.Event("e1")
	require.True(t, ok)
	require.Equal(t, cohort.EventTraining, e.Kind)
	_, ok = n.Event("e2")
	require.False(t, ok)
	require.Equal(t, []homeward.OrgID{"ivo", "inclusia", "team-toekomst", "valentijnschool"}, n.Orgs())
	require.Equal(t, 3, cohort.ActionCounts{Open: 1, Done: 2}.Total())
	require.Equal(t, cohort.CohortCSVColumns()[0], "cohort")
	require.Equal(t, cohort.MemberCSVColumns()[1], "org")
}
