package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestScheduleJSON(t *testing.T) {
	r := runTool(t, "", "schedule", "--placed", "2027-01-31", "--risk", "low", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	out := r.stdout
	var got struct {
		Placed string `json:"placed"`
		Risk   string `json:"risk"`
		Visits []struct {
			Due  string `json:"due"`
			Kind string `json:"kind"`
		} `json:"visits"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Equal(t, "2027-01-31", got.Placed)
	require.Equal(t, "low", got.Risk)
	require.Len(t, got.Visits, 9)
	require.Equal(t, "2027-02-10", got.Visits[0].Due)
	require.Equal(t, "first_contact", got.Visits[0].Kind)
	require.Equal(t, "2027-02-28", got.Visits[1].Due, "month 1 clamps to the end of February")
	for i := 1; i < len(got.Visits); i++ {
		require.LessOrEqual(t, got.Visits[i-1].Due, got.Visits[i].Due, "date order")
	}
}

func TestScheduleReviewsAndFormats(t *testing.T) {
	r := runTool(t, "", "schedule", "--placed", "2027-03-01", "--risk", "medium", "--format", "csv", "--reviews")
	require.Equal(t, 0, r.code)
	out := r.stdout
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Equal(t, "due,kind,days_after_placement", lines[0])
	require.Contains(t, out, "2027-03-06,first_contact,5")
	require.Contains(t, out, "2027-06-01,plan_review,92")
	require.Equal(t, 4, strings.Count(out, "plan_review"), "every 3 months up to the last visit")

	r = runTool(t, "", "schedule", "--placed", "2027-03-01", "--risk", "high")
	require.Equal(t, 0, r.code)
	out = r.stdout
	require.Contains(t, out, "21 visits")
	require.Contains(t, out, "2027-03-03  first_contact  2 days")
}

func TestScheduleErrors(t *testing.T) {
	for _, args := range [][]string{
		{"schedule", "--risk", "low"},
		{"schedule", "--placed", "2027-02-30", "--risk", "low"},
		{"schedule", "--placed", "2027-02-01", "--risk", "extreme"},
		{"schedule", "--placed", "2027-02-01", "--risk", "low", "--format", "html"},
	} {
		r := runTool(t, "", args...)
		require.Equal(t, 2, r.code, "%v: %s", args, r.stderr)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "policy.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"id": "p", "levels": {"low": {"first_contact_days": 3, "phases": [{"every": 0, "unit": "weeks", "from": 1, "until": 4}]}}}`), 0o600))
	r := runTool(t, "", "schedule", "--placed", "2027-02-01", "--risk", "low", "--policy", bad)
	require.Equal(t, 1, r.code)
	require.Contains(t, r.stderr, "policy.json: levels.low.phases[0].every: must be at least 1")
	require.Contains(t, r.stderr, "levels.medium")
}
