package cohort_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/cohort"
)

type fixture struct {
	svc   *cohort.Service
	now   time.Time
	audit *homeward.MemoryAuditSink
}

func newFixture(t *testing.T) *fixture {
	f := &fixture{now: time.Date(2027, 1, 10, 12, 0, 0, 0, time.UTC), audit: &homeward.MemoryAuditSink{}}
	n := 0
	svc, err := cohort.NewService(cohort.NewMemoryStores(), &cohort.Options{
		Now:   func() time.Time { f.now = f.now.Add(time.Minute); return f.now },
		NewID: func() string { n++; return fmt.Sprintf("id%02d", n) },
		Audit: f.audit,
	})
	require.NoError(t, err)
	f.svc = svc
	return f
}

func as(org string) context.Context {
	return homeward.WithActor(context.Background(), homeward.Actor{ID: homeward.ActorID("staff@" + org), Org: homeward.OrgID(org), Role: homeward.RoleStaff})
}

func (f *fixture) series(t *testing.T, capacity int) cohort.Cohort {
	t.Helper()
	p, err := f.svc.CreateProgramme(as("family-power"), cohort.MutualLearningProgram("", "family-power", "wilde-ganzen"))
	require.NoError(t, err)
	c, err := f.svc.CreateCohort(as("wilde-ganzen"), cohort.Cohort{
		Programme: p.ID, Name: "Series 2", Language: "es", Capacity: capacity, Status: cohort.CohortRecruiting,
		Facilitators: []cohort.Facilitator{{Name: "Lucía R.", Org: "kanankil"}},
		Plan:         cohort.SessionPlan{First: homeward.MustParseDate("2027-02-04"), At: "16:00", TimeZone: "America/Mexico_City", Every: 14, Count: 12},
	})
	require.NoError(t, err)
	return c
}

func TestEnrolmentAndWaitingList(t *testing.T) {
	f := newFixture(t)
	c := f.series(t, 2)
	require.Len(t, c.Sessions, 12)
	require.Equal(t, 120, c.Sessions[0].Minutes, "the programme's session length")
	var err error
	for _, org := range []string{"ngo-a", "ngo-b", "ngo-c", "ngo-d"} {
		c, err = f.svc.Apply(as(org), c.ID, c.Version, homeward.OrgID(org), "Africa/Nairobi")
		require.NoError(t, err)
	}
	status := func(c cohort.Cohort) map[string]cohort.MemberStatus {
		out := map[string]cohort.MemberStatus{}
		for _, m := range c.Members {
			out[string(m.Org)] = m.Status
		}
		return out
	}
	require.Equal(t, map[string]cohort.MemberStatus{"ngo-a": "enrolled", "ngo-b": "enrolled", "ngo-c": "waitlisted", "ngo-d": "waitlisted"}, status(c))

	_, err = f.svc.Apply(as("ngo-a"), c.ID, c.Version, "ngo-a", "Africa/Nairobi")
	require.ErrorContains(t, err, "already enrolled", "no organisation enrolled twice")
	_, err = f.svc.Apply(as("ngo-e"), c.ID, c.Version, "ngo-a", "Africa/Nairobi")
	require.ErrorIs(t, err, homeward.ErrNotFound, "an organisation applies only for itself")

	c, err = f.svc.Withdraw(as("ngo-b"), c.ID, c.Version, "ngo-b")
	require.NoError(t, err)
	require.Equal(t, map[string]cohort.MemberStatus{"ngo-a": "enrolled", "ngo-b": "withdrawn", "ngo-c": "enrolled", "ngo-d": "waitlisted"}, status(c),
		"the first on the waiting list is promoted")

	_, err = f.svc.Apply(as("ngo-e"), c.ID, c.Version-1, "ngo-e", "Asia/Kolkata")
	require.ErrorIs(t, err, homeward.ErrConflict)
	_, err = f.svc.Apply(as("ngo-e"), c.ID, c.Version, "ngo-e", "Mars/Base")
	require.ErrorContains(t, err, "time_zone")
	stored, err := f.svc.Cohort(as("ngo-a"), c.ID)
	require.NoError(t, err)
	require.Equal(t, c.Version, stored.Version, "nothing half-written is stored")
}

func TestAttendanceFeesAndAccess(t *testing.T) {
	f := newFixture(t)
	c := f.series(t, 10)
	var err error
	for _, org := range []string{"ngo-a", "ngo-b"} {
		c, err = f.svc.Apply(as(org), c.ID, c.Version, homeward.OrgID(org), "Europe/Kyiv")
		require.NoError(t, err)
	}
	for n := 1; n <= 12; n++ {
		present := []homeward.OrgID{"ngo-a"}
		absent := []homeward.OrgID{}
		if n <= 8 {
			present = append(present, "ngo-b")
		} else {
			absent = append(absent, "ngo-b")
		}
		c, err = f.svc.RecordAttendance(as("family-power"), c.ID, c.Version, n, present, absent)
		require.NoError(t, err)
	}
	require.True(t, c.Completed("ngo-a"))
	require.False(t, c.Completed("ngo-b"), "8 of 12 is below 75%")
	rate, ok := c.AttendanceRate("ngo-b", c.Sessions[3].Start.Add(time.Minute))
	require.True(t, ok)
	require.Equal(t, "1", rate.String(), "4 of the 4 sessions held so far")

	_, err = f.svc.RecordAttendance(as("family-power"), c.ID, c.Version, 13, []homeward.OrgID{"ngo-a"}, nil)
	require.ErrorContains(t, err, "session 13 is not a session of this cohort")
	_, err = f.svc.RecordAttendance(as("family-power"), c.ID, c.Version, 1, []homeward.OrgID{"stranger"}, nil)
	require.ErrorContains(t, err, "not a member")
	_, err = f.svc.RecordAttendance(as("ngo-a"), c.ID, c.Version, 1, []homeward.OrgID{"ngo-a"}, nil)
	require.ErrorIs(t, err, homeward.ErrForbidden, "members do not record attendance")

	c, err = f.svc.Contribute(as("ngo-a"), c.ID, c.Version, "ngo-a", homeward.MustParseDate("2027-02-01"), homeward.MustMoney("50", "EUR"))
	require.NoError(t, err)
	c, err = f.svc.Contribute(as("ngo-b"), c.ID, c.Version, "ngo-b", homeward.MustParseDate("2027-02-02"), homeward.MustMoney("2000", "UAH"))
	require.NoError(t, err)
	c, err = f.svc.Contribute(as("ngo-a"), c.ID, c.Version, "ngo-a", homeward.MustParseDate("2027-03-01"), homeward.MustMoney("25.50", "EUR"))
	require.NoError(t, err)
	var totals []string
	for _, m := range c.FeeTotals() {
		totals = append(totals, m.String())
	}
	require.Equal(t, []string{"75.5 EUR", "2000 UAH"}, totals, "per currency, never summed across")
	_, err = f.svc.Contribute(as("ngo-a"), c.ID, c.Version, "ngo-a", homeward.MustParseDate("2027-03-01"), homeward.Money{})
	require.ErrorContains(t, err, "currency", "a fee without currency is refused")

	_, err = f.svc.Cohort(as("outsider"), c.ID)
	require.ErrorIs(t, err, homeward.ErrNotFound)
	_, err = f.svc.Cohort(as("kanankil"), c.ID)
	require.NoError(t, err, "facilitators read the cohort")
	page, err := f.svc.Cohorts(as("ngo-b"), cohort.CohortFilter{})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	page, err = f.svc.Cohorts(as("outsider"), cohort.CohortFilter{})
	require.NoError(t, err)
	require.Empty(t, page.Items)
}
