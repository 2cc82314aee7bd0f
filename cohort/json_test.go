package cohort_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/cohort"
)

func TestLearningRecordsRoundTripJSON(t *testing.T) {
	n := crooswijk()
	n.ID = "n1"
	n.Events = []cohort.Event{{ID: "e1", Kind: cohort.EventRoadshow, Date: d("2023-03-14"), Theme: "Bouwen aan vertrouwen",
		SubThemes: []string{"angst van ouders"}, Participants: cohort.Participants{Count: 30, Orgs: []homeward.OrgID{"team-toekomst"}}}}
	a := cohort.LearningAction{ID: "a1", Org: "ngo-a", Network: "n1", Description: "x", Stage: cohort.StageAct, Due: d("2027-04-01"),
		Status: cohort.ActionDone, Review: &cohort.Review{Date: d("2027-04-02"), Expected: "a", Happened: "b", Difference: "c", Learned: "d"}}
	disc := cohort.Discussion{ID: "d1", Cohort: "c1", Submission: "s1", Presenter: "ngo-a", Protocol: cohort.DefaultProtocol(),
		HeldOn: d("2027-03-04"), State: cohort.DiscussionOpen,
		Contributions: []cohort.RoundContribution{{Round: cohort.RoundAdvice, Org: "ngo-b", Text: "t"}}}
	for _, v := range []any{&n, &a, &disc} {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		switch x := v.(type) {
		case *cohort.Network:
			var got cohort.Network
			require.NoError(t, json.Unmarshal(b, &got))
			require.Empty(t, cmp.Diff(*x, got, cmp.Comparer(func(a, b homeward.Date) bool { return a == b })))
		case *cohort.LearningAction:
			var got cohort.LearningAction
			require.NoError(t, json.Unmarshal(b, &got))
			require.Empty(t, cmp.Diff(*x, got, cmp.Comparer(func(a, b homeward.Date) bool { return a == b })))
		case *cohort.Discussion:
			var got cohort.Discussion
			require.NoError(t, json.Unmarshal(b, &got))
			require.Empty(t, cmp.Diff(*x, got, cmp.Comparer(func(a, b homeward.Date) bool { return a == b })))
		}
	}
	var k cohort.NetworkKind
	require.ErrorContains(t, json.Unmarshal([]byte(`"city"`), &k), "unknown network kind \"city\" (want one of: region, neighbourhood)")
	var st cohort.DiscussionState
	require.Error(t, json.Unmarshal([]byte(`"closed"`), &st))
	var ek cohort.EventKind
	require.NoError(t, json.Unmarshal([]byte(`"roadshow"`), &ek))
	_, err := json.Marshal(cohort.Event{Kind: "parade"})
	require.Error(t, err, "unknown values are refused on the way out too")
}
