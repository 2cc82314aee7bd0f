package homeward_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
)

func TestAddMonthsClampsToMonthEnd(t *testing.T) {
	for _, tc := range []struct {
		from   string
		months int
		want   string
	}{
		{"2027-01-31", 1, "2027-02-28"},
		{"2028-01-31", 1, "2028-02-29"},
		{"2027-01-31", 2, "2027-03-31"},
		{"2027-01-31", 3, "2027-04-30"},
		{"2027-03-31", -1, "2027-02-28"},
		{"2027-05-15", 12, "2028-05-15"},
		{"2027-05-15", -17, "2025-12-15"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2027-12-31", 2, "2028-02-29"},
		{"2027-06-30", 0, "2027-06-30"},
	} {
		got := homeward.MustParseDate(tc.from).AddMonths(tc.months)
		require.Equal(t, tc.want, got.String(), "%s %+d months", tc.from, tc.months)
	}
}

func TestMonthsUntil(t *testing.T) {
	d := homeward.MustParseDate("2027-01-31")
	require.Equal(t, 1, d.MonthsUntil(homeward.MustParseDate("2027-02-28")))
	require.Equal(t, 0, d.MonthsUntil(homeward.MustParseDate("2027-02-27")))
	require.Equal(t, 12, d.MonthsUntil(homeward.MustParseDate("2028-01-31")))
	require.Equal(t, -1, d.MonthsUntil(homeward.MustParseDate("2026-12-31")))
	require.Equal(t, 0, d.MonthsUntil(homeward.MustParseDate("2027-01-01")))
	require.Equal(t, 8, homeward.MustParseDate("2018-06-15").YearsUntil(homeward.MustParseDate("2027-06-14")), "the day before the birthday")
	require.Equal(t, 9, homeward.MustParseDate("2018-06-15").YearsUntil(homeward.MustParseDate("2027-06-15")))
}

func TestParseDateIsStrict(t *testing.T) {
	for _, bad := range []string{"2027-02-30", "2027-13-01", "27-01-01", "2027-1-1", "2027/01/01", "", "0000-01-01", "2027-01-01T00:00:00Z"} {
		_, err := homeward.ParseDate(bad)
		require.Error(t, err, bad)
	}
	d, err := homeward.ParseDate("2028-02-29")
	require.NoError(t, err)
	require.Equal(t, 2028, d.Year())
	require.Equal(t, time.February, d.Month())
	require.Equal(t, 29, d.Day())
}

func TestDateBasics(t *testing.T) {
	var zero homeward.Date
	require.True(t, zero.IsZero())
	require.Equal(t, "", zero.String())
	require.True(t, zero.AddDays(3).IsZero())
	d := homeward.DateOf(2027, 3, 1)
	require.Equal(t, "2027-02-28", d.AddDays(-1).String())
	require.Equal(t, 366, d.DaysUntil(d.AddMonths(12)), "2028 is a leap year")
	require.True(t, d.Before(d.AddDays(1)))
	require.Equal(t, -1, d.Compare(d.AddDays(1)))
	require.Equal(t, "1970-01-01", homeward.DateFromTime(time.Unix(0, 0)).String())
	require.Equal(t, time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), d.Time())
	loc := time.FixedZone("UTC+3", 3*3600)
	require.Equal(t, "2027-03-02", homeward.Today(time.Date(2027, 3, 1, 22, 0, 0, 0, time.UTC), loc).String())
}

func TestDateJSON(t *testing.T) {
	type rec struct {
		Born homeward.Date `json:"born"`
		Left homeward.Date `json:"left,omitzero"`
	}
	data, err := json.Marshal(rec{Born: homeward.MustParseDate("2019-07-04")})
	require.NoError(t, err)
	require.JSONEq(t, `{"born":"2019-07-04"}`, string(data))
	var back rec
	require.NoError(t, json.Unmarshal(data, &back))
	require.Equal(t, homeward.MustParseDate("2019-07-04"), back.Born)
	require.Error(t, json.Unmarshal([]byte(`{"born":"2019-02-30"}`), &back))
}
