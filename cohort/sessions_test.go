package cohort_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/cohort"
)

func TestSessionsKeepOrganiserWallClockAcrossDST(t *testing.T) {
	// Fortnightly from 2027-03-04 at 15:00 in Amsterdam; the clocks go
	// forward on 2027-03-28. 2027-04-15 is skipped (a holiday): the session
	// moves to the next free slot and the count is kept.
	plan := cohort.SessionPlan{First: homeward.MustParseDate("2027-03-04"), At: "15:00", TimeZone: "Europe/Amsterdam",
		Every: 14, Count: 4, Minutes: 120, Skip: []homeward.Date{homeward.MustParseDate("2027-04-15")}}
	ss, err := plan.Sessions()
	require.NoError(t, err)
	require.Len(t, ss, 4)
	var utc, ams, mex, nbo []string
	for _, s := range ss {
		utc = append(utc, s.Start.Format("2006-01-02 15:04"))
		a, _ := s.In("Europe/Amsterdam")
		ams = append(ams, a.Format("2006-01-02 15:04"))
		m, _ := s.In("America/Mexico_City")
		mex = append(mex, m.Format("2006-01-02 15:04"))
		n, _ := s.In("Africa/Nairobi")
		nbo = append(nbo, n.Format("15:04"))
	}
	require.Equal(t, []string{"2027-03-04 15:00", "2027-03-18 15:00", "2027-04-01 15:00", "2027-04-29 15:00"}, ams, "the organiser's wall clock is kept")
	require.Equal(t, []string{"2027-03-04 14:00", "2027-03-18 14:00", "2027-04-01 13:00", "2027-04-29 13:00"}, utc)
	require.Equal(t, []string{"2027-03-04 08:00", "2027-03-18 08:00", "2027-04-01 07:00", "2027-04-29 07:00"}, mex, "Mexico has no daylight-saving time since 2022")
	require.Equal(t, []string{"17:00", "17:00", "16:00", "16:00"}, nbo)
	require.Equal(t, 4, ss[3].Number)
	require.Equal(t, ss[0].Start.Add(2*time.Hour), ss[0].End())
}

func TestSessionPlanErrors(t *testing.T) {
	_, err := (&cohort.SessionPlan{At: "25:00", TimeZone: "Mars/Olympus", Every: 0, Count: 0}).Sessions()
	require.ErrorIs(t, err, homeward.ErrInvalid)
	var paths []string
	for _, f := range err.(*homeward.ValidationError).Fields {
		paths = append(paths, f.Path)
	}
	require.ElementsMatch(t, []string{"first", "at", "time_zone", "every_days", "count", "minutes"}, paths)
	_, err = cohort.Session{}.In("Nowhere/City")
	require.ErrorContains(t, err, "time_zone")
}
