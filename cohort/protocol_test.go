package cohort_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/cohort"
)

func TestDefaultProtocol(t *testing.T) {
	p := cohort.DefaultProtocol()
	require.NoError(t, p.Validate())
	require.Equal(t, 120, p.Minutes(), "fits a two-hour session")
	var ids []string
	for _, r := range p.Rounds {
		ids = append(ids, r.ID)
		require.NotEmpty(t, r.Guidance)
	}
	require.Equal(t, []string{cohort.RoundChoose, cohort.RoundSituation, cohort.RoundQuestions, cohort.RoundAnalysis,
		cohort.RoundAdvice, cohort.RoundReflection, cohort.RoundEvaluation}, ids)
	require.Equal(t, "Incident method (Hendriksen)", p.Name)

	nl := cohort.DefaultProtocolIn(language.MustParse("nl-BE"))
	require.Equal(t, "Incidentmethode (Hendriksen)", nl.Name)
	require.Equal(t, "Casus kiezen", nl.Rounds[0].Title)
	es := cohort.DefaultProtocolIn(language.MustParse("es-MX"))
	require.Equal(t, "Elegir el caso", es.Rounds[0].Title)
	for i := range p.Rounds {
		require.Equal(t, p.Rounds[i].ID, es.Rounds[i].ID, "ids are the same in every language")
		require.Equal(t, p.Rounds[i].Minutes, nl.Rounds[i].Minutes)
		require.NotEqual(t, p.Rounds[i].Title, es.Rounds[i].Title, "round %d is translated", i)
		require.NotEqual(t, p.Rounds[i].Guidance, nl.Rounds[i].Guidance, "round %d is translated", i)
	}
	r, ok := p.Round(cohort.RoundAdvice)
	require.True(t, ok)
	require.Equal(t, 30, r.Minutes)
	_, ok = p.Round("nope")
	require.False(t, ok)
}

func TestProtocolValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		p     cohort.Protocol
		paths []string
		text  string
	}{
		{"no rounds", cohort.Protocol{Name: "Empty"}, []string{"rounds"}, "the protocol has no rounds"},
		{"nothing", cohort.Protocol{}, []string{"name", "rounds"}, "no rounds"},
		{"time boxes", cohort.Protocol{Name: "x", Rounds: []cohort.Round{{ID: "a", Title: "A", Minutes: 0}, {ID: "b", Title: "B", Minutes: 241}, {ID: "c", Title: "C", Minutes: 240}}},
			[]string{"rounds[0].minutes", "rounds[1].minutes"}, "between 1 and 240"},
		{"duplicate ids", cohort.Protocol{Name: "x", Rounds: []cohort.Round{{ID: "a", Title: "A", Minutes: 5}, {ID: "a", Title: "A again", Minutes: 5}}},
			[]string{"rounds[1].id"}, "unique"},
		{"blank", cohort.Protocol{Name: "x", Rounds: []cohort.Round{{Minutes: 5}}}, []string{"rounds[0].id", "rounds[0].title"}, "required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.p.Validate()
			require.ElementsMatch(t, tc.paths, paths(t, err))
			require.ErrorContains(t, err, tc.text)
		})
	}
}

// TestBadInputStoresNothing covers the bad input the cohort issue names: a
// session outside the cohort, attendance for a non-member, a fee without
// currency and a protocol with no rounds are clear errors, and nothing
// half-written is stored.
func TestBadInputStoresNothing(t *testing.T) {
	l := newLab(t)
	c := l.series(t)
	cs := l.caseOf(t, "ngo-a", true)
	sub, err := l.svc.Submit(as("ngo-a"), c.ID, cs.ID, "How do we prepare the school?", d("2027-02-18"))
	require.NoError(t, err)
	unchanged := func() {
		t.Helper()
		got, err := l.svc.Cohort(as("family-power"), c.ID)
		require.NoError(t, err)
		require.Equal(t, c.Version, got.Version)
		require.Empty(t, got.Attendance)
		require.Empty(t, got.Contributions)
	}

	_, err = l.svc.RecordAttendance(as("family-power"), c.ID, c.Version, 13, []homeward.OrgID{"ngo-a"}, nil)
	require.Equal(t, []string{"session"}, paths(t, err))
	require.ErrorContains(t, err, "session 13 is not a session of this cohort (1 to 12)")
	unchanged()
	_, err = l.svc.RecordAttendance(as("family-power"), c.ID, c.Version, 1, []homeward.OrgID{"ngo-a", "stranger"}, []homeward.OrgID{"ngo-d"})
	require.ElementsMatch(t, []string{"attendance[1].org", "attendance[2].org"}, paths(t, err), "a stranger and a waitlisted organisation")
	require.ErrorContains(t, err, "organisation stranger is not a member of this cohort")
	unchanged()
	_, err = l.svc.Contribute(as("ngo-a"), c.ID, c.Version, "ngo-a", d("2027-02-01"), homeward.Money{Amount: homeward.MustMoney("50", "EUR").Amount})
	require.ErrorContains(t, err, "currency")
	require.ErrorIs(t, err, homeward.ErrInvalid)
	unchanged()

	_, err = l.svc.StartDiscussion(as("kanankil"), c.ID, sub.ID, cohort.Protocol{Name: "Quick"}, d("2027-03-04"))
	require.Equal(t, []string{"protocol.rounds"}, paths(t, err))
	require.ErrorContains(t, err, "the protocol has no rounds")
	page, err := l.svc.Discussions(as("kanankil"), cohort.DiscussionFilter{Cohort: c.ID})
	require.NoError(t, err)
	require.Empty(t, page.Items, "no discussion was stored")
}
