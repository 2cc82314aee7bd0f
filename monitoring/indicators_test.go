package monitoring_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

// year2027 is the period of the hand-computed fixture.
var year2027 = monitoring.Period{From: day("2027-01-01"), To: day("2027-12-31")}

// arr is a care arrangement from start to end ("" for open).
func arr(t casework.ArrangementType, start, end string) casework.Arrangement {
	a := casework.Arrangement{Type: t, Start: day(start)}
	if end != "" {
		a.End = day(end)
	}
	return a
}

// indicatorFixture holds the stores of a small population whose indicators
// for 2027 are worked out by hand in the comments of newIndicatorFixture.
type indicatorFixture struct {
	stores casework.Stores
	visits *monitoring.MemoryVisitStore
}

func (f *indicatorFixture) sources() monitoring.Sources {
	return monitoring.Sources{Cases: f.stores.Cases, Assessments: f.stores.Assessments, Plans: f.stores.Plans, Visits: f.visits}
}

func csiScores(all int, set map[casework.Factor]int) map[casework.Factor]int {
	out := map[casework.Factor]int{}
	for _, f := range casework.KindChildStatus.Factors() {
		out[f] = all
	}
	for f, s := range set {
		out[f] = s
	}
	return out
}

// newIndicatorFixture builds the population. Period 2027, grace 3 days.
//
//	case org   sex     born        band  risk on 31 Dec  care history
//	c1   org-a female  2015-06-01  12-14 high (history)  residential 2020-01-01..2027-03-01, kinship 2027-03-01..
//	c2   org-a male    2024-02-10  3-5   low             residential 2025-01-01..2026-04-01, foster long 2026-04-01..2026-10-01, residential 2026-10-01..
//	c3   org-a female  2010-12-31  15-17 medium          parents 2026-06-01..2027-05-01, kinship ..2027-09-01, foster emergency 2027-09-01..
//	c4   org-b male    2009-01-01  18+   low             residential 2015-01-01..
//	c5   org-a unknown 2012-01-01  -     low             registered 2028-01-05: not in the population
//	c6   org-a female  2021-07-01  6-11  low             no arrangement (key unknown)
//	c7   org-b female  2016-03-01  6-11  medium          residential 2018-01-01..2026-06-15, kinship 2026-06-15..
//	c8   org-b male    2013-05-05  12-14 high (history;  residential 2019-01-01..2027-01-01, adoption 2027-01-01..
//	                                     low since 2028)
func newIndicatorFixture(t *testing.T) *indicatorFixture {
	t.Helper()
	f := &indicatorFixture{stores: casework.NewMemoryStores(), visits: monitoring.NewMemoryVisitStore()}
	ctx := context.Background()
	type person struct {
		id, org  string
		sex      casework.Sex
		born     string
		risk     casework.Risk
		history  []casework.RiskChange
		arr      []casework.Arrangement
		register string
	}
	res, kin := casework.ArrangementResidential, casework.ArrangementKinship
	people := []person{
		{"c1", "org-a", casework.SexFemale, "2015-06-01", casework.RiskHigh,
			[]casework.RiskChange{{Date: day("2026-01-01"), To: casework.RiskMedium}, {Date: day("2027-06-01"), From: casework.RiskMedium, To: casework.RiskHigh}},
			[]casework.Arrangement{arr(res, "2020-01-01", "2027-03-01"), arr(kin, "2027-03-01", "")}, ""},
		{"c2", "org-a", casework.SexMale, "2024-02-10", casework.RiskLow, nil,
			[]casework.Arrangement{arr(res, "2025-01-01", "2026-04-01"), arr(casework.ArrangementFosterLongTerm, "2026-04-01", "2026-10-01"), arr(res, "2026-10-01", "")}, ""},
		{"c3", "org-a", casework.SexFemale, "2010-12-31", casework.RiskMedium, nil,
			[]casework.Arrangement{arr(casework.ArrangementParents, "2026-06-01", "2027-05-01"), arr(kin, "2027-05-01", "2027-09-01"), arr(casework.ArrangementFosterEmergency, "2027-09-01", "")}, ""},
		{"c4", "org-b", casework.SexMale, "2009-01-01", casework.RiskLow, nil,
			[]casework.Arrangement{arr(res, "2015-01-01", "")}, ""},
		{"c5", "org-a", casework.SexUnknown, "2012-01-01", casework.RiskLow, nil,
			[]casework.Arrangement{arr(res, "2015-01-01", "2027-06-01"), arr(kin, "2027-06-01", "")}, "2028-01-05"},
		{"c6", "org-a", casework.SexFemale, "2021-07-01", casework.RiskLow, nil, nil, ""},
		{"c7", "org-b", casework.SexFemale, "2016-03-01", casework.RiskMedium, nil,
			[]casework.Arrangement{arr(res, "2018-01-01", "2026-06-15"), arr(kin, "2026-06-15", "")}, ""},
		{"c8", "org-b", casework.SexMale, "2013-05-05", casework.RiskLow,
			[]casework.RiskChange{{Date: day("2026-01-01"), To: casework.RiskHigh}, {Date: day("2028-03-01"), From: casework.RiskHigh, To: casework.RiskLow}},
			[]casework.Arrangement{arr(res, "2019-01-01", "2027-01-01"), arr(casework.ArrangementAdoption, "2027-01-01", "")}, ""},
	}
	for _, p := range people {
		reg := "2026-01-01"
		if p.register != "" {
			reg = p.register
		}
		_, err := f.stores.Cases.Create(ctx, casework.Case{
			ID: casework.CaseID(p.id), Org: homeward.OrgID(p.org), Status: casework.StatusFollowUp,
			Child:        casework.Child{GivenName: "Child " + p.id, Sex: p.sex, BirthDate: day(p.born)},
			RegisteredOn: day(reg), Risk: p.risk, RiskHistory: p.history, Arrangements: p.arr,
		})
		require.NoError(t, err)
	}
	// Visits. On-time denominator: v1 v2 v3 v5 v8 v10 v11 v12 v13 (9);
	// numerator v1 v11 v13 (3). Overdue denominator: those and v6 v7 (11);
	// numerator v5 v7 v8 v10 (4).
	type visit struct {
		id, cs, org, due, done, missed, cancelled string
	}
	for _, v := range []visit{
		{"v01", "c1", "org-a", "2027-02-01", "2027-02-03", "", ""}, // on time
		{"v02", "c1", "org-a", "2027-03-01", "2027-03-10", "", ""}, // late
		{"v03", "c1", "org-a", "2027-04-01", "", "2027-04-02", ""}, // missed
		{"v04", "c1", "org-a", "2027-05-01", "", "", "2027-04-20"}, // cancelled: left out
		{"v05", "c1", "org-a", "2027-06-01", "", "", ""},           // overdue
		{"v06", "c1", "org-a", "2027-12-30", "", "", ""},           // due, grace not over: not in on-time
		{"v07", "c1", "org-a", "2026-12-15", "", "", ""},           // overdue, due before the period
		{"v08", "c1", "org-a", "2027-12-20", "2028-01-02", "", ""}, // done after the end: overdue on 31 Dec
		{"v09", "c1", "org-a", "2028-01-10", "", "", ""},           // due after the period: ignored
		{"v10", "c1", "org-a", "2027-07-01", "", "", "2028-01-05"}, // cancelled after the end: overdue on 31 Dec
		{"v11", "c3", "org-a", "2027-08-01", "2027-08-04", "", ""}, // on time, last day of grace
		{"v12", "c3", "org-a", "2027-09-01", "2027-09-05", "", ""}, // late by one day
		{"v13", "c4", "org-b", "2027-10-01", "2027-09-28", "", ""}, // early: on time
		{"v14", "c5", "org-a", "2027-03-01", "2027-03-01", "", ""}, // case not in the population
		{"v15", "ghost", "org-a", "2027-03-01", "", "", ""},        // no such case
	} {
		x := monitoring.Visit{ID: monitoring.VisitID(v.id), Org: homeward.OrgID(v.org), Case: casework.CaseID(v.cs),
			Due: day(v.due), Kind: monitoring.KindFollowUp, Mode: monitoring.ModeHome}
		if v.done != "" {
			x.Done, x.By = day(v.done), "grace"
		}
		if v.missed != "" {
			x.Missed, x.Reason = day(v.missed), "away"
		}
		if v.cancelled != "" {
			x.Cancelled, x.Reason = day(v.cancelled), "moved"
		}
		_, err := f.visits.Create(ctx, x)
		require.NoError(t, err)
	}
	// Plans. Denominator c1 c2 c3 c4; numerator c1 c3.
	type plan struct {
		id, cs, org string
		status      casework.PlanStatus
		start, next string
		reviews     []string
	}
	for _, p := range []plan{
		{"p1", "c1", "org-a", casework.PlanActive, "2027-03-01", "2028-01-15", nil},                                  // on time
		{"p8", "c1", "org-a", casework.PlanActive, "2027-05-01", "2027-12-31", nil},                                  // due on the last day: on time
		{"p2", "c2", "org-a", casework.PlanActive, "2027-06-01", "2027-12-01", nil},                                  // late
		{"p3", "c3", "org-a", casework.PlanActive, "2027-01-01", "2028-04-20", []string{"2027-10-15", "2028-01-20"}}, // in force: 2027-10-15 + 3 months = 2028-01-15: on time
		{"p4", "c4", "org-b", casework.PlanActive, "2027-02-01", "2028-04-03", []string{"2028-01-03"}},               // in force: 2027-02-01 + 3 months: late
		{"p5", "c7", "org-b", casework.PlanCompleted, "2027-01-01", "2027-04-01", nil},                               // not active
		{"p6", "c8", "org-b", casework.PlanActive, "2028-02-01", "2028-03-01", nil},                                  // starts after the period
		{"p7", "c6", "org-a", casework.PlanDraft, "2027-01-01", "2027-02-01", nil},                                   // draft
	} {
		x := casework.Plan{ID: casework.PlanID(p.id), Org: homeward.OrgID(p.org), Case: casework.CaseID(p.cs), Status: p.status,
			Start: day(p.start), NextReview: day(p.next)}
		for _, r := range p.reviews {
			x.Reviews = append(x.Reviews, casework.Review{Date: day(r), By: "grace"})
		}
		_, err := f.stores.Plans.Create(ctx, x)
		require.NoError(t, err)
	}
	// Child status assessments. c1: all 2 → all 3 with food security 4
	// (food +1.5, others +1); the one of 2028 is after the period. c3: all
	// 3 → on 2027-11-01 two assessments, the later by id ("a5b") with
	// shelter 1 and care 2 (shelter and care −1.5, others 0). c4 has one;
	// c7's is of a household.
	type assessment struct {
		id, cs, org, date string
		scores            map[casework.Factor]int
	}
	for _, a := range []assessment{
		{"a1", "c1", "org-a", "2027-01-10", csiScores(2, nil)},
		{"a2", "c1", "org-a", "2027-06-10", csiScores(3, map[casework.Factor]int{casework.CSIFoodSecurity: 4})},
		{"a3", "c1", "org-a", "2028-02-01", csiScores(1, nil)},
		{"a4", "c3", "org-a", "2026-11-01", csiScores(3, nil)},
		{"a5b", "c3", "org-a", "2027-11-01", csiScores(3, map[casework.Factor]int{casework.CSIShelter: 1, casework.CSICare: 2})},
		{"a5a", "c3", "org-a", "2027-11-01", csiScores(4, nil)},
		{"a6", "c4", "org-b", "2027-03-01", csiScores(1, nil)},
	} {
		_, err := f.stores.Assessments.Create(ctx, casework.Assessment{ID: casework.AssessmentID(a.id), Org: homeward.OrgID(a.org),
			Kind: casework.KindChildStatus, Case: casework.CaseID(a.cs), Date: day(a.date), Scores: a.scores})
		require.NoError(t, err)
	}
	hvi := map[casework.Factor]int{}
	for _, d := range casework.HouseholdDomains {
		hvi[d] = 2
	}
	_, err := f.stores.Assessments.Create(ctx, casework.Assessment{ID: "h1", Org: "org-b", Kind: casework.KindHouseholdVulnerability,
		Household: "hh7", Date: day("2027-02-01"), Scores: hvi})
	require.NoError(t, err)
	return f
}

// figure is an indicator's or a cell's numerator, denominator and value
// as text; the value is "-" when there is none.
type figure struct{ Num, Den, Value string }

func fig(num, den, value decimal.Decimal, ok bool) figure {
	f := figure{num.String(), den.String(), value.String()}
	if !ok {
		f.Value = "-"
	}
	return f
}

func totals(inds []monitoring.Indicator) map[string]figure {
	out := map[string]figure{}
	for _, in := range inds {
		out[in.ID] = fig(in.Numerator, in.Denominator, in.Value, in.HasValue)
	}
	return out
}

func cells(in monitoring.Indicator, d monitoring.Dimension) map[string]figure {
	out := map[string]figure{}
	for _, c := range in.Breakdowns[d] {
		out[c.Key] = fig(c.Numerator, c.Denominator, c.Value, c.HasValue)
	}
	return out
}

func byID(t *testing.T, inds []monitoring.Indicator, id string) monitoring.Indicator {
	t.Helper()
	for _, in := range inds {
		if in.ID == id {
			return in
		}
	}
	t.Fatalf("no indicator %s", id)
	return monitoring.Indicator{}
}

func TestIndicatorsByHand(t *testing.T) {
	f := newIndicatorFixture(t)
	inds, err := monitoring.ComputeIndicators(context.Background(), f.sources(), []homeward.OrgID{"org-a", "org-b"}, year2027, 3)
	require.NoError(t, err)
	require.Equal(t, monitoring.IndicatorIDs(), func() []string {
		var ids []string
		for _, in := range inds {
			ids = append(ids, in.ID)
		}
		return ids
	}())
	want := map[string]figure{
		// 3 of 9.
		"visits_on_time": {"3", "9", "33.3333"},
		// 4 of 11.
		"overdue_visits": {"4", "11", "36.3636"},
		// c1 and c8 of c1, c2, c4, c8 (c8 leaves on the first day).
		"leaving_residential_for_family": {"2", "4", "50"},
		// c2, c4 residential; c1, c3, c7, c8 family-based.
		"residential_to_family_ratio": {"2", "4", "0.5"},
		// Placements of 2026 after residential care: c2's foster care
		// (back in residential care after 6 months) and c7's kinship care.
		"reentry_within_12_months": {"1", "2", "50"},
		// c3's two moves; days 306 (c1 from 1 March) + 120 + 123 + 122
		// (c3) + 365 (c7) + 365 (c8) = 1401; 2000 / 1401 = 1.42755…
		"placement_moves_per_1000_days": {"2", "1401", "1.4276"},
		"plans_reviewed_on_time":        {"2", "4", "50"},
		// c1 +1.5, c3 0.
		"csi_change.food_and_nutrition": {"1.5", "2", "0.75"},
		// c1 +1, c3 −1.5.
		"csi_change.shelter_and_care":     {"-0.5", "2", "-0.25"},
		"csi_change.protection":           {"1", "2", "0.5"},
		"csi_change.health":               {"1", "2", "0.5"},
		"csi_change.psychosocial":         {"1", "2", "0.5"},
		"csi_change.education_and_skills": {"1", "2", "0.5"},
	}
	if d := cmp.Diff(want, totals(inds)); d != "" {
		t.Errorf("totals (-want +got):\n%s", d)
	}

	leaving := byID(t, inds, monitoring.IndicatorLeavingResidential)
	for _, tc := range []struct {
		dim  monitoring.Dimension
		want map[string]figure
	}{
		{monitoring.DimOrganisation, map[string]figure{"org-a": {"1", "2", "50"}, "org-b": {"1", "2", "50"}}},
		{monitoring.DimSex, map[string]figure{"female": {"1", "1", "100"}, "male": {"1", "3", "33.3333"}}},
		{monitoring.DimAgeBand, map[string]figure{"3-5": {"0", "1", "0"}, "6-11": {"0", "0", "-"}, "12-14": {"2", "2", "100"},
			"15-17": {"0", "0", "-"}, "18+": {"0", "1", "0"}}},
		{monitoring.DimRisk, map[string]figure{"low": {"0", "2", "0"}, "medium": {"0", "0", "-"}, "high": {"2", "2", "100"}}},
		{monitoring.DimArrangementType, map[string]figure{"kinship_care": {"1", "1", "100"}, "foster_care_emergency": {"0", "0", "-"},
			"adoption": {"1", "1", "100"}, "residential_care": {"0", "2", "0"}, "unknown": {"0", "0", "-"}}},
	} {
		if d := cmp.Diff(tc.want, cells(leaving, tc.dim)); d != "" {
			t.Errorf("leaving by %s (-want +got):\n%s", tc.dim, d)
		}
	}
	// Keys in their documented order, the same for every indicator.
	var keys []string
	for _, c := range leaving.Breakdowns[monitoring.DimArrangementType] {
		keys = append(keys, c.Key)
	}
	require.Equal(t, []string{"kinship_care", "foster_care_emergency", "adoption", "residential_care", "unknown"}, keys)
	keys = keys[:0]
	for _, c := range leaving.Breakdowns[monitoring.DimAgeBand] {
		keys = append(keys, c.Key)
	}
	require.Equal(t, []string{"3-5", "6-11", "12-14", "15-17", "18+"}, keys)

	onTime := byID(t, inds, monitoring.IndicatorVisitsOnTime)
	require.Equal(t, map[string]figure{"org-a": {"2", "8", "25"}, "org-b": {"1", "1", "100"}}, cells(onTime, monitoring.DimOrganisation))
	overdue := byID(t, inds, monitoring.IndicatorOverdueVisits)
	require.Equal(t, map[string]figure{"high": {"4", "8", "50"}, "low": {"0", "1", "0"}, "medium": {"0", "2", "0"}}, cells(overdue, monitoring.DimRisk))
	plans := byID(t, inds, monitoring.IndicatorPlansReviewedOnTime)
	require.Equal(t, map[string]figure{"org-a": {"2", "3", "66.6667"}, "org-b": {"0", "1", "0"}}, cells(plans, monitoring.DimOrganisation))
	shelter := byID(t, inds, "csi_change.shelter_and_care")
	require.Equal(t, map[string]figure{"12-14": {"1", "1", "1"}, "15-17": {"-1.5", "1", "-1.5"}, "18+": {"0", "0", "-"},
		"3-5": {"0", "0", "-"}, "6-11": {"0", "0", "-"}}, cells(shelter, monitoring.DimAgeBand))
	moves := byID(t, inds, monitoring.IndicatorPlacementMoves)
	require.Equal(t, figure{"2", "671", "2.9806"}, cells(moves, monitoring.DimOrganisation)["org-a"])
	require.Equal(t, figure{"0", "730", "0"}, cells(moves, monitoring.DimOrganisation)["org-b"])

	for _, in := range inds {
		require.NotEmpty(t, in.Definition)
		require.NotContains(t, in.Definition, "\n")
		require.True(t, in.Unit.Valid(), in.ID)
		checkCellsAddUp(t, in)
	}
}

// checkCellsAddUp checks that the cells of every dimension add up to the
// indicator's numerator and denominator.
func checkCellsAddUp(t *testing.T, in monitoring.Indicator) {
	t.Helper()
	require.Len(t, in.Breakdowns, len(monitoring.DimensionValues()), in.ID)
	for d, cs := range in.Breakdowns {
		num, den := decimal.Zero, decimal.Zero
		for _, c := range cs {
			num, den = num.Add(c.Numerator), den.Add(c.Denominator)
			require.Equal(t, !c.Denominator.IsZero(), c.HasValue, "%s %s %s", in.ID, d, c.Key)
		}
		require.True(t, num.Equal(in.Numerator), "%s by %s: numerators add up to %s, not %s", in.ID, d, num, in.Numerator)
		require.True(t, den.Equal(in.Denominator), "%s by %s: denominators add up to %s, not %s", in.ID, d, den, in.Denominator)
	}
}

func TestIndicatorsOneOrganisationIsItsCell(t *testing.T) {
	f := newIndicatorFixture(t)
	ctx := context.Background()
	both, err := monitoring.ComputeIndicators(ctx, f.sources(), []homeward.OrgID{"org-b", "org-a", "org-a"}, year2027, 0)
	require.NoError(t, err)
	for _, org := range []homeward.OrgID{"org-a", "org-b"} {
		one, err := monitoring.ComputeIndicators(ctx, f.sources(), []homeward.OrgID{org}, year2027, 0)
		require.NoError(t, err)
		for i, in := range one {
			cell := cells(both[i], monitoring.DimOrganisation)[string(org)]
			require.Equal(t, cell, fig(in.Numerator, in.Denominator, in.Value, in.HasValue), "%s %s", org, in.ID)
			require.Len(t, in.Breakdowns[monitoring.DimOrganisation], 1)
		}
	}
	// No organisation given: all of them, as when both are named.
	all, err := monitoring.ComputeIndicators(ctx, f.sources(), nil, year2027, 0)
	require.NoError(t, err)
	require.Equal(t, totals(both), totals(all))
	require.Equal(t, both, all)
}

func TestIndicatorsEmptyDenominators(t *testing.T) {
	f := newIndicatorFixture(t)
	ctx := context.Background()
	// Before anyone was registered: nothing to count.
	early := monitoring.Period{From: day("2020-01-01"), To: day("2020-12-31")}
	inds, err := monitoring.ComputeIndicators(ctx, f.sources(), []homeward.OrgID{"org-a", "org-c"}, early, 0)
	require.NoError(t, err)
	require.Len(t, inds, len(monitoring.IndicatorIDs()))
	for _, in := range inds {
		require.False(t, in.HasValue, in.ID)
		require.True(t, in.Value.IsZero(), in.ID)
		require.True(t, in.Denominator.IsZero(), in.ID)
		// Requested organisations are listed even when empty; other
		// dimensions have no keys.
		require.Equal(t, map[string]figure{"org-a": {"0", "0", "-"}, "org-c": {"0", "0", "-"}},
			cells(in, monitoring.DimOrganisation), in.ID)
		require.Len(t, in.Breakdowns[monitoring.DimOrganisation], 2)
		require.Empty(t, in.Breakdowns[monitoring.DimSex], in.ID)
	}
}

func TestIndicatorsRejectBadInput(t *testing.T) {
	f := newIndicatorFixture(t)
	ctx := context.Background()
	_, err := monitoring.ComputeIndicators(ctx, f.sources(), nil, monitoring.Period{From: day("2027-02-01"), To: day("2027-01-01")}, 0)
	require.ErrorIs(t, err, homeward.ErrInvalid)
	_, err = monitoring.ComputeIndicators(ctx, f.sources(), nil, monitoring.Period{To: day("2027-01-01")}, 0)
	require.ErrorIs(t, err, homeward.ErrInvalid)
	src := f.sources()
	src.Plans = nil
	_, err = monitoring.ComputeIndicators(ctx, src, nil, year2027, 0)
	require.ErrorIs(t, err, homeward.ErrInvalid)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	big := monitoring.NewMemoryVisitStore()
	for i := range 10000 {
		_, err := big.Create(ctx, monitoring.Visit{ID: monitoring.VisitID(fmt.Sprint(i)), Org: "org-a", Case: "c1", Due: day("2027-01-05"), Kind: monitoring.KindFollowUp})
		require.NoError(t, err)
	}
	src = f.sources()
	src.Visits = big
	_, err = monitoring.ComputeIndicators(cancelled, src, nil, year2027, 0)
	require.ErrorIs(t, err, context.Canceled)
}

// failingVisits fails its scan.
type failingVisits struct{ monitoring.VisitStore }

var errBroken = errors.New("broken store")

func (failingVisits) Scan(context.Context, monitoring.VisitFilter, func(*monitoring.Visit) error) error {
	return errBroken
}

// failAfter passes n records of a store's scan, then fails.
func failAfter[T any](n int, scan func(fn func(*T) error) error, fn func(*T) error) error {
	return scan(func(x *T) error {
		if n--; n < 0 {
			return errBroken
		}
		return fn(x)
	})
}

type failingCases struct{ casework.CaseStore }

func (s failingCases) Scan(ctx context.Context, f casework.CaseFilter, fn func(*casework.Case) error) error {
	return failAfter(3, func(fn func(*casework.Case) error) error { return s.CaseStore.Scan(ctx, f, fn) }, fn)
}

type failingAssessments struct{ casework.AssessmentStore }

func (s failingAssessments) Scan(ctx context.Context, f casework.AssessmentFilter, fn func(*casework.Assessment) error) error {
	return failAfter(1, func(fn func(*casework.Assessment) error) error { return s.AssessmentStore.Scan(ctx, f, fn) }, fn)
}

type failingPlans struct{ casework.PlanStore }

func (s failingPlans) Scan(context.Context, casework.PlanFilter, func(*casework.Plan) error) error {
	return errBroken
}

// TestIndicatorsStoreError checks that a failure of any store's scan, at
// its start or part-way, is the computation's error, naming the store,
// whatever the other scans are doing at the time; and that a computation
// after it gives the same figures as one before.
func TestIndicatorsStoreError(t *testing.T) {
	f := newIndicatorFixture(t)
	ctx := context.Background()
	want, err := monitoring.ComputeIndicators(ctx, f.sources(), nil, year2027, 0)
	require.NoError(t, err)
	for what, broken := range map[string]func(*monitoring.Sources){
		"visits":      func(s *monitoring.Sources) { s.Visits = failingVisits{f.visits} },
		"cases":       func(s *monitoring.Sources) { s.Cases = failingCases{f.stores.Cases} },
		"assessments": func(s *monitoring.Sources) { s.Assessments = failingAssessments{f.stores.Assessments} },
		"plans":       func(s *monitoring.Sources) { s.Plans = failingPlans{f.stores.Plans} },
	} {
		src := f.sources()
		broken(&src)
		for range 20 { // the scans race each other differently each time
			_, err := monitoring.ComputeIndicators(ctx, src, nil, year2027, 0)
			require.ErrorIs(t, err, errBroken, what)
			require.ErrorContains(t, err, "scan "+what)
		}
	}
	got, err := monitoring.ComputeIndicators(ctx, f.sources(), nil, year2027, 0)
	require.NoError(t, err)
	require.Equal(t, want, got, "the pooled memory of the failed computations leaves nothing behind")

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = monitoring.ComputeIndicators(cancelled, f.sources(), nil, year2027, 0)
	require.ErrorIs(t, err, context.Canceled)
}

func TestServiceIndicatorsAccess(t *testing.T) {
	f := newIndicatorFixture(t)
	clock := func() time.Time { return time.Date(2028, 1, 10, 8, 0, 0, 0, time.UTC) }
	cw, err := casework.NewService(f.stores, &casework.Options{Now: clock})
	require.NoError(t, err)
	// org-b reads org-a too (a supervising organisation).
	policy := homeward.PolicyFunc(func(ctx context.Context, a homeward.Actor, act homeward.Action, org homeward.OrgID) bool {
		return homeward.DefaultPolicy{}.Allow(ctx, a, act, org) || (a.Org == "org-b" && act == homeward.ActionRead && org == "org-a")
	})
	svc, err := monitoring.NewService(f.visits, cw, &monitoring.Options{Now: clock, Policy: policy, Casework: f.stores})
	require.NoError(t, err)
	as := func(org homeward.OrgID, role homeward.Role) context.Context {
		return homeward.WithActor(context.Background(), homeward.Actor{ID: "u", Org: org, Role: role})
	}

	own, err := svc.Indicators(as("org-a", homeward.RoleReadOnly), nil, year2027)
	require.NoError(t, err)
	direct, err := monitoring.ComputeIndicators(context.Background(), f.sources(), []homeward.OrgID{"org-a"}, year2027, svc.GraceDays())
	require.NoError(t, err)
	require.Equal(t, direct, own)

	_, err = svc.Indicators(as("org-a", homeward.RoleStaff), []homeward.OrgID{"org-a", "org-b"}, year2027)
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = svc.Indicators(as("org-a", homeward.RoleStaff), []homeward.OrgID{""}, year2027)
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = svc.Indicators(context.Background(), nil, year2027)
	require.ErrorIs(t, err, homeward.ErrForbidden)

	both, err := svc.Indicators(as("org-b", homeward.RoleStaff), []homeward.OrgID{"org-a", "org-b"}, year2027)
	require.NoError(t, err)
	require.Equal(t, "3", both[0].Numerator.String())

	bare, err := monitoring.NewService(f.visits, cw, &monitoring.Options{Now: clock})
	require.NoError(t, err)
	_, err = bare.Indicators(as("org-a", homeward.RoleStaff), nil, year2027)
	require.ErrorIs(t, err, homeward.ErrInvalid)
}

// TestIndicatorsCellsAddUpOnRandomData computes the indicators of random
// populations over random periods and checks the invariants that hold
// whatever the data: cells add up, numerators never exceed denominators
// for shares, and the single-organisation figures are the cells.
func TestIndicatorsCellsAddUpOnRandomData(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(5) {
		rng := rand.New(rand.NewPCG(seed, 99))
		st := casework.NewMemoryStores()
		visits := monitoring.NewMemoryVisitStore()
		pop := populate(t, rng, st, visits, 300, 10)
		src := monitoring.Sources{Cases: st.Cases, Assessments: st.Assessments, Plans: st.Plans, Visits: visits}
		from := day("2025-01-01").AddDays(rng.IntN(800))
		p := monitoring.Period{From: from, To: from.AddDays(rng.IntN(400))}
		inds, err := monitoring.ComputeIndicators(ctx, src, pop.orgs, p, 0)
		require.NoError(t, err)
		for _, in := range inds {
			checkCellsAddUp(t, in)
			if in.Unit == monitoring.UnitPercent {
				require.True(t, in.Numerator.LessThanOrEqual(in.Denominator), "%s: %s > %s", in.ID, in.Numerator, in.Denominator)
			}
		}
		one, err := monitoring.ComputeIndicators(ctx, src, pop.orgs[:1], p, 0)
		require.NoError(t, err)
		for i, in := range one {
			require.Equal(t, cells(inds[i], monitoring.DimOrganisation)[string(pop.orgs[0])], fig(in.Numerator, in.Denominator, in.Value, in.HasValue), in.ID)
		}
	}
}

// TestAgeBandsAtPeriodEnd checks the age band breakdown against
// casework.AgeBandOf of the age by homeward.Date.YearsUntil, on period
// ends and birthdays around the end of February.
func TestAgeBandsAtPeriodEnd(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(8, 8))
	st := casework.NewMemoryStores()
	births := []homeward.Date{day("2008-02-29"), day("2009-02-28"), day("2009-03-01"), day("2012-02-29"), day("2021-02-28"), day("2030-01-01")}
	for range 400 {
		births = append(births, day("2004-01-01").AddDays(rng.IntN(22*365)))
	}
	for i, b := range births {
		_, err := st.Cases.Create(ctx, casework.Case{ID: casework.CaseID(fmt.Sprintf("c%03d", i)), Org: "org-a", RegisteredOn: day("2020-01-01"),
			Risk: casework.RiskLow, Child: casework.Child{Sex: casework.SexMale, BirthDate: b},
			Arrangements: []casework.Arrangement{arr(casework.ArrangementKinship, "2020-01-01", "")}})
		require.NoError(t, err)
	}
	src := monitoring.Sources{Cases: st.Cases, Assessments: st.Assessments, Plans: st.Plans, Visits: monitoring.NewMemoryVisitStore()}
	for _, end := range []string{"2026-02-28", "2026-03-01", "2028-02-28", "2028-02-29", "2027-12-31"} {
		to := day(end)
		want := map[string]string{}
		count := map[string]int{}
		for _, b := range births {
			key := monitoring.UnknownKey
			if !b.After(to) {
				key = string(casework.AgeBandOf(b.YearsUntil(to)))
			}
			count[key]++
		}
		for k, n := range count {
			want[k] = fmt.Sprint(n)
		}
		inds, err := monitoring.ComputeIndicators(ctx, src, nil, monitoring.Period{From: to.AddDays(-30), To: to}, 0)
		require.NoError(t, err)
		got := map[string]string{}
		for _, c := range byID(t, inds, monitoring.IndicatorResidentialToFamily).Breakdowns[monitoring.DimAgeBand] {
			got[c.Key] = c.Denominator.String()
		}
		require.Equal(t, want, got, end)
	}
}

func TestIndicatorsJSON(t *testing.T) {
	f := newIndicatorFixture(t)
	inds, err := monitoring.ComputeIndicators(context.Background(), f.sources(), []homeward.OrgID{"org-b"}, year2027, 0)
	require.NoError(t, err)
	b, err := json.Marshal(inds[2])
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"leaving_residential_for_family",
		"definition":"children who moved from residential care to a family-based arrangement in the period, of the children in residential care at some time in the period",
		"unit":"percent","numerator":"1","denominator":"2","value":"50","has_value":true,
		"breakdowns":{
			"organisation":[{"key":"org-b","numerator":"1","denominator":"2","value":"50","has_value":true}],
			"sex":[{"key":"female","numerator":"0","denominator":"0","value":"0","has_value":false},{"key":"male","numerator":"1","denominator":"2","value":"50","has_value":true}],
			"age_band":[{"key":"6-11","numerator":"0","denominator":"0","value":"0","has_value":false},{"key":"12-14","numerator":"1","denominator":"1","value":"100","has_value":true},{"key":"18+","numerator":"0","denominator":"1","value":"0","has_value":true}],
			"risk":[{"key":"low","numerator":"0","denominator":"1","value":"0","has_value":true},{"key":"medium","numerator":"0","denominator":"0","value":"0","has_value":false},{"key":"high","numerator":"1","denominator":"1","value":"100","has_value":true}],
			"arrangement_type":[{"key":"kinship_care","numerator":"0","denominator":"0","value":"0","has_value":false},{"key":"adoption","numerator":"1","denominator":"1","value":"100","has_value":true},{"key":"residential_care","numerator":"0","denominator":"1","value":"0","has_value":true}]}}`, string(b))
	var back monitoring.Indicator
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, fig(inds[2].Numerator, inds[2].Denominator, inds[2].Value, true), fig(back.Numerator, back.Denominator, back.Value, back.HasValue))
	require.Len(t, back.Breakdowns[monitoring.DimRisk], 3)
}

// twiceCases passes every case twice.
type twiceCases struct{ casework.CaseStore }

func (s twiceCases) Scan(ctx context.Context, f casework.CaseFilter, fn func(*casework.Case) error) error {
	return s.CaseStore.Scan(ctx, f, func(c *casework.Case) error {
		if err := fn(c); err != nil {
			return err
		}
		return fn(c)
	})
}

func TestIndicatorsCaseTwice(t *testing.T) {
	f := newIndicatorFixture(t)
	src := f.sources()
	src.Cases = twiceCases{f.stores.Cases}
	_, err := monitoring.ComputeIndicators(context.Background(), src, nil, year2027, 0)
	require.ErrorContains(t, err, "passed twice")
}

// TestIndicatorsAndExportIgnoreVisitOrder stores the same visits twice,
// once a case at a time and once shuffled, and checks that the indicators
// and the visits dataset are the same: neither may depend on the visits of
// a case coming together.
func TestIndicatorsAndExportIgnoreVisitOrder(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 7))
	st := casework.NewMemoryStores()
	grouped := monitoring.NewMemoryVisitStore()
	pop := populate(t, rng, st, grouped, 200, 6)
	var all []monitoring.Visit
	require.NoError(t, grouped.Scan(ctx, monitoring.VisitFilter{}, func(v *monitoring.Visit) error {
		all = append(all, v.Clone())
		return nil
	}))
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	shuffled := monitoring.NewMemoryVisitStore()
	for _, v := range all {
		_, err := shuffled.Create(ctx, v)
		require.NoError(t, err)
	}
	p := monitoring.Period{From: day("2025-07-01"), To: day("2026-06-30")}
	want, err := monitoring.ComputeIndicators(ctx, monitoring.Sources{Cases: st.Cases, Assessments: st.Assessments, Plans: st.Plans, Visits: grouped}, pop.orgs, p, 0)
	require.NoError(t, err)
	got, err := monitoring.ComputeIndicators(ctx, monitoring.Sources{Cases: st.Cases, Assessments: st.Assessments, Plans: st.Plans, Visits: shuffled}, pop.orgs, p, 0)
	require.NoError(t, err)
	require.Equal(t, want, got)

	o := monitoring.ExportOptions{Key: exportKey, AsOf: p.To}
	rows := func(s monitoring.VisitStore) []map[string]string {
		var buf bytes.Buffer
		_, err := monitoring.WriteVisitsCSV(ctx, &buf, s, o)
		require.NoError(t, err)
		_, rows := readCSV(t, buf.Bytes())
		return rows
	}
	a, b := rows(grouped), rows(shuffled)
	require.Len(t, a, len(all))
	require.ElementsMatch(t, a, b)
	perCase := map[string]int{}
	for _, r := range a {
		perCase[r["case"]]++
	}
	for _, v := range all {
		perCase[monitoring.Pseudonym(exportKey, string(v.Case))]--
	}
	for k, n := range perCase {
		require.Zero(t, n, "rows of case %s", k)
	}
}

// scanOnlyAssessments hides the ChildStatusScanner of an assessment store.
type scanOnlyAssessments struct{ casework.AssessmentStore }

// TestIndicatorsWithoutChildStatusScanner checks that the indicators are
// the same whether the assessment store passes child status summaries
// (casework.ChildStatusScanner) or only whole assessments.
func TestIndicatorsWithoutChildStatusScanner(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(12, 34))
	st := casework.NewMemoryStores()
	visits := monitoring.NewMemoryVisitStore()
	pop := populate(t, rng, st, visits, 400, 4)
	require.Implements(t, (*casework.ChildStatusScanner)(nil), st.Assessments)
	src := monitoring.Sources{Cases: st.Cases, Assessments: st.Assessments, Plans: st.Plans, Visits: visits}
	plain := src
	plain.Assessments = scanOnlyAssessments{st.Assessments}
	periods := []monitoring.Period{year2027, {From: day("2024-07-01"), To: day("2026-06-30")}}
	for _, orgs := range [][]homeward.OrgID{nil, pop.orgs[:1], pop.orgs[1:3]} {
		for _, p := range periods {
			want, err := monitoring.ComputeIndicators(ctx, plain, orgs, p, 0)
			require.NoError(t, err)
			got, err := monitoring.ComputeIndicators(ctx, src, orgs, p, 0)
			require.NoError(t, err)
			require.Equal(t, want, got, "organisations %v, period %v", orgs, p)
			csi := byID(t, got, monitoring.IndicatorCSIChange+"."+string(casework.CSIDomainHealth))
			require.False(t, csi.Denominator.IsZero(), "the population has children with two assessments")
		}
	}
}

// TestIndicatorsLargeThenSmall computes the indicators of a large and of a
// small population in turns, so that each reuses memory the other left
// (pooled, or dropped when much too large), and checks that the figures
// never change.
func TestIndicatorsLargeThenSmall(t *testing.T) {
	ctx := context.Background()
	st := casework.NewMemoryStores()
	visits := monitoring.NewMemoryVisitStore()
	pop := populate(t, rand.New(rand.NewPCG(2, 3)), st, visits, 6000, 2)
	large := monitoring.Sources{Cases: st.Cases, Assessments: st.Assessments, Plans: st.Plans, Visits: visits}
	small := newIndicatorFixture(t).sources()
	p := monitoring.Period{From: day("2025-07-01"), To: day("2026-06-30")}
	wantLarge, err := monitoring.ComputeIndicators(ctx, large, pop.orgs, p, 0)
	require.NoError(t, err)
	wantSmall, err := monitoring.ComputeIndicators(ctx, small, nil, year2027, 0)
	require.NoError(t, err)
	for range 3 {
		got, err := monitoring.ComputeIndicators(ctx, large, pop.orgs, p, 0)
		require.NoError(t, err)
		require.Equal(t, wantLarge, got)
		got, err = monitoring.ComputeIndicators(ctx, small, nil, year2027, 0)
		require.NoError(t, err)
		require.Equal(t, wantSmall, got)
	}
}

// TestCSIChangeAgreesWithDomainScores recomputes the Child Status Index
// change of random assessments with casework.Assessment.DomainScores, from
// the first and latest assessment by (date, id): once with a date of its
// own for each assessment, once with several on few dates, created in
// random order; with and without the store's ChildStatusScanner.
func TestCSIChangeAgreesWithDomainScores(t *testing.T) {
	for _, tc := range []struct {
		name string
		// dates returns the day offsets of the assessments of a child, in
		// the order of creation.
		dates func(rng *rand.Rand) []int
	}{
		{"own dates", func(rng *rand.Rand) []int {
			out := make([]int, rng.IntN(4))
			for k := range out {
				out[k] = 30 * k
			}
			return out
		}},
		{"same-day ties", func(rng *rand.Rand) []int {
			out := make([]int, rng.IntN(5))
			for k := range out {
				out[k] = 30 * rng.IntN(2)
			}
			return out
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			rng := rand.New(rand.NewPCG(4, 2))
			st := casework.NewMemoryStores()
			want := map[casework.CSIDomain]decimal.Decimal{}
			children := 0
			for i := range 60 {
				id := casework.CaseID(fmt.Sprintf("c%02d", i))
				_, err := st.Cases.Create(ctx, casework.Case{ID: id, Org: "org-a", RegisteredOn: day("2026-01-01"), Risk: casework.RiskLow,
					Child: casework.Child{Sex: casework.SexFemale, BirthDate: day("2015-01-01")}})
				require.NoError(t, err)
				var as []casework.Assessment
				dates := tc.dates(rng)
				for n, k := range rng.Perm(len(dates)) {
					scores := map[casework.Factor]int{}
					for _, f := range casework.KindChildStatus.Factors() {
						scores[f] = 1 + rng.IntN(4)
					}
					a := casework.Assessment{ID: casework.AssessmentID(fmt.Sprintf("%s-a%d", id, k)), Org: "org-a", Kind: casework.KindChildStatus,
						Case: id, Date: day("2026-02-01").AddDays(dates[n]), Scores: scores}
					_, err := st.Assessments.Create(ctx, a)
					require.NoError(t, err)
					as = append(as, a)
				}
				if len(as) < 2 {
					continue
				}
				children++
				slices.SortFunc(as, func(a, b casework.Assessment) int {
					if c := a.Date.Compare(b.Date); c != 0 {
						return c
					}
					return strings.Compare(string(a.ID), string(b.ID))
				})
				first, last := as[0].DomainScores(), as[len(as)-1].DomainScores()
				for d, v := range last {
					want[d] = want[d].Add(v.Sub(first[d]))
				}
			}
			src := monitoring.Sources{Cases: st.Cases, Assessments: st.Assessments, Plans: st.Plans, Visits: monitoring.NewMemoryVisitStore()}
			plain := src
			plain.Assessments = scanOnlyAssessments{st.Assessments}
			for _, s := range []monitoring.Sources{src, plain} {
				inds, err := monitoring.ComputeIndicators(ctx, s, nil, year2027, 0)
				require.NoError(t, err)
				for _, d := range casework.CSIDomains {
					in := byID(t, inds, monitoring.IndicatorCSIChange+"."+string(d.Domain))
					require.True(t, want[d.Domain].Equal(in.Numerator), "%s: want %s, got %s", d.Domain, want[d.Domain], in.Numerator)
					require.Equal(t, fmt.Sprint(children), in.Denominator.String())
				}
			}
		})
	}
}
