package monitoring_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

func dates(ds []monitoring.Due) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Date.String()
		if d.Kind == monitoring.KindFirstContact {
			out[i] += "*"
		}
	}
	return out
}

func TestDefaultScheduleHigh(t *testing.T) {
	p := monitoring.DefaultPolicy()
	got, err := p.Schedule(homeward.MustParseDate("2027-01-31"), casework.RiskHigh)
	require.NoError(t, err)
	require.Equal(t, []string{
		"2027-02-02*",                                                                                                  // P+2 days
		"2027-02-07", "2027-02-14", "2027-02-21", "2027-02-28", "2027-03-07", "2027-03-14", "2027-03-21", "2027-03-28", // weeks 1–8
		"2027-04-11", "2027-04-25", "2027-05-09", "2027-05-23", // weeks 10, 12, 14, 16
		"2027-06-30", "2027-07-31", "2027-08-31", "2027-09-30", "2027-10-31", "2027-11-30", "2027-12-31", "2028-01-31", // months 5–12, clamped
	}, dates(got))
}

func TestDefaultScheduleMediumAndLow(t *testing.T) {
	p := monitoring.DefaultPolicy()
	got, err := p.Schedule(homeward.MustParseDate("2027-01-31"), casework.RiskMedium)
	require.NoError(t, err)
	require.Equal(t, []string{
		"2027-02-05*",                            // P+5
		"2027-02-14", "2027-02-21", "2027-02-28", // weeks 2–4
		"2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30", "2027-07-31", // months 2–6
		"2027-10-31", "2028-01-31", // months 9 and 12
	}, dates(got))

	got, err = p.Schedule(homeward.MustParseDate("2027-01-31"), casework.RiskLow)
	require.NoError(t, err)
	require.Equal(t, []string{
		"2027-02-10*",                                                                      // P+10
		"2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30", "2027-07-31", // months 1–6 from P (never chained)
		"2027-10-31", "2028-01-31",
	}, dates(got))
}

func TestDatesProducedTwiceAreOneVisit(t *testing.T) {
	p := monitoring.Policy{ID: "overlap", Levels: map[casework.Risk]monitoring.Level{
		casework.RiskLow:    {FirstContactDays: 7, Phases: []monitoring.Phase{{Every: 1, Unit: monitoring.Weeks, From: 1, Until: 2}, {Every: 7, Unit: monitoring.Days, From: 0, Until: 14}}},
		casework.RiskMedium: {FirstContactDays: 1},
		casework.RiskHigh:   {FirstContactDays: 1},
	}}
	got, err := p.Schedule(homeward.MustParseDate("2027-03-01"), casework.RiskLow)
	require.NoError(t, err)
	require.Equal(t, []string{"2027-03-01", "2027-03-08*", "2027-03-15"}, dates(got))
}

func TestRiskChangeReschedules(t *testing.T) {
	p := monitoring.DefaultPolicy()
	placed := homeward.MustParseDate("2027-01-31")
	// Low at placement; high from 2027-04-01: visits before that follow the
	// low schedule; from then the high schedule, first contact 2027-04-03.
	got, err := p.ScheduleWithChanges(placed, casework.RiskLow, []casework.RiskChange{
		{Date: homeward.MustParseDate("2027-04-01"), From: casework.RiskLow, To: casework.RiskHigh},
	})
	require.NoError(t, err)
	require.Equal(t, []string{
		"2027-02-10*", "2027-02-28", "2027-03-31", // low, before the change
		"2027-04-03*",                                          // high first contact, counted from the change
		"2027-04-11", "2027-04-25", "2027-05-09", "2027-05-23", // high phases from P, on or after the change
		"2027-06-30", "2027-07-31", "2027-08-31", "2027-09-30", "2027-10-31", "2027-11-30", "2027-12-31", "2028-01-31",
	}, dates(got))

	// A change on or before the placement sets the level from the start.
	got, err = p.ScheduleWithChanges(placed, casework.RiskLow, []casework.RiskChange{{Date: placed, To: casework.RiskHigh}})
	require.NoError(t, err)
	want, _ := p.Schedule(placed, casework.RiskHigh)
	require.Equal(t, dates(want), dates(got))
}

func TestReviews(t *testing.T) {
	placed := homeward.MustParseDate("2027-01-31")
	require.Equal(t, []string{"2027-04-30", "2027-07-31", "2027-10-31", "2028-01-31"},
		dates(monitoring.Reviews(placed, casework.RiskLow, homeward.MustParseDate("2028-01-31"))))
	require.Len(t, monitoring.Reviews(placed, casework.RiskHigh, homeward.MustParseDate("2028-01-31")), 12)
}

func TestParsePolicy(t *testing.T) {
	p, err := monitoring.ParsePolicy([]byte(`{"id": "ngo", "levels": {
		"low": {"first_contact_days": 14, "phases": [{"every": 2, "unit": "months", "from": 2, "until": 12}]},
		"medium": {"first_contact_days": 7, "phases": []},
		"high": {"first_contact_days": 1, "phases": [{"every": 1, "unit": "weeks", "from": 1, "until": 12}]}}}`))
	require.NoError(t, err)
	got, err := p.Schedule(homeward.MustParseDate("2027-03-01"), casework.RiskLow)
	require.NoError(t, err)
	require.Len(t, got, 7)

	_, err = monitoring.ParsePolicy([]byte(`{"id": "", "levels": {
		"low": {"first_contact_days": -1, "phases": [{"every": 0, "unit": "fortnights", "from": 5, "until": 2, "colour": 1}]},
		"urgent": {"first_contact_days": 1}}}`))
	require.Error(t, err)
	var paths []string
	for _, f := range err.(*homeward.ValidationError).Fields {
		paths = append(paths, f.Path)
	}
	require.ElementsMatch(t, []string{
		"id", "levels.low.first_contact_days", "levels.low.phases[0].every", "levels.low.phases[0].unit",
		"levels.low.phases[0].until", "levels.low.phases[0].colour", "levels.medium", "levels.high", "levels.urgent",
	}, paths)
	_, err = monitoring.ParsePolicy([]byte(`{"id": "x"`))
	require.ErrorIs(t, err, homeward.ErrInvalid)
}
