package caseworktest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// listCase is one filter of a list test and the ids it lists, in order.
type listCase[F any] struct {
	name string
	f    F
	want []string
}

// createAll creates the records in the order given.
func createAll[K ~string, V, F any](t *testing.T, s store[K, V, F], vs ...V) {
	t.Helper()
	for _, v := range vs {
		_, err := s.Create(context.Background(), v)
		require.NoError(t, err)
	}
}

// expectLists checks every filter at the default page size and with pages
// of one and two records, and that Scan visits the same records.
func expectLists[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F], tests []listCase[F]) {
	t.Helper()
	for _, tt := range tests {
		for _, limit := range []int{0, 1, 2} {
			f := tt.f
			k.page(&f).Limit = limit
			got := listAll(t, k, s, f)
			if len(tt.want) == 0 {
				require.Empty(t, got, "%s (limit %d)", tt.name, limit)
				continue
			}
			require.Equal(t, tt.want, got, "%s (limit %d)", tt.name, limit)
		}
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if got := scanIDs(t, k, s, tt.f); len(want) == 0 {
			require.Empty(t, got, "%s: scan", tt.name)
		} else {
			require.Equal(t, want, got, "%s: scan visits what the list lists", tt.name)
		}
	}
}

func testCaseList(t *testing.T, s casework.CaseStore) {
	mk := func(id, org string, st casework.Status, r casework.Risk, hh, born string) casework.Case {
		c := sampleCase(id, org, day0)
		c.Status, c.Risk, c.Household = st, r, casework.HouseholdID(hh)
		c.Child.BirthDate = homeward.Date{}
		if born != "" {
			c.Child.BirthDate = homeward.MustParseDate(born)
		}
		return c
	}
	createAll(t, s,
		mk("c3", "org-1", casework.StatusRegistered, casework.RiskHigh, "hh-1", "2015-06-15"),
		mk("c1", "org-1", casework.StatusRegistered, casework.RiskLow, "hh-1", "2010-12-31"),
		mk("c5", "org-1", casework.StatusClosed, casework.RiskMedium, "", "2018-02-28"),
		mk("c4", "org-2", casework.StatusRegistered, casework.RiskLow, "hh-1", "2012-07-01"),
		mk("c0", "org-1", casework.StatusFollowUp, casework.RiskLow, "hh-3", "2012-12-31"),
		mk("c2", "org-1", casework.StatusAssessment, casework.RiskHigh, "hh-2", "2012-01-01"),
		mk("c6", "org-2", casework.StatusFollowUp, casework.RiskMedium, "", ""), // no birth date
	)
	type F = casework.CaseFilter
	expectLists(t, caseKind, s, []listCase[F]{
		{"all, by id", F{}, []string{"c0", "c1", "c2", "c3", "c4", "c5", "c6"}},
		{"org", F{Org: "org-1"}, []string{"c0", "c1", "c2", "c3", "c5"}},
		{"other org", F{Org: "org-2"}, []string{"c4", "c6"}},
		{"unknown org", F{Org: "org-3"}, nil},
		{"org and status", F{Org: "org-1", Status: casework.StatusRegistered}, []string{"c1", "c3"}},
		{"status in every org", F{Status: casework.StatusRegistered}, []string{"c1", "c3", "c4"}},
		{"org and a status nobody has", F{Org: "org-1", Status: casework.StatusCasePlan}, nil},
		{"org and risk", F{Org: "org-1", Risk: casework.RiskHigh}, []string{"c2", "c3"}},
		{"org, status and risk", F{Org: "org-1", Status: casework.StatusRegistered, Risk: casework.RiskLow}, []string{"c1"}},
		{"org and household", F{Org: "org-1", Household: "hh-1"}, []string{"c1", "c3"}},
		{"household in every org", F{Household: "hh-1"}, []string{"c1", "c3", "c4"}},
		{"born from (inclusive)", F{Org: "org-1", BornFrom: 2012}, []string{"c0", "c2", "c3", "c5"}},
		{"born to (inclusive)", F{Org: "org-1", BornTo: 2012}, []string{"c0", "c1", "c2"}},
		{"born between", F{Org: "org-1", BornFrom: 2012, BornTo: 2015}, []string{"c0", "c2", "c3"}},
		{"born in one year", F{BornFrom: 2012, BornTo: 2012}, []string{"c0", "c2", "c4"}},
		{"a year bound leaves out unknown birth dates", F{Org: "org-2", BornTo: 2030}, []string{"c4"}},
		{"a lower year bound too", F{Org: "org-2", BornFrom: 1}, []string{"c4"}},
		{"status and born from", F{Org: "org-1", Status: casework.StatusRegistered, BornFrom: 2011}, []string{"c3"}},
		{"every filter", F{Org: "org-1", Status: casework.StatusRegistered, Risk: casework.RiskHigh, Household: "hh-1", BornFrom: 2015, BornTo: 2015}, []string{"c3"}},
	})
}

func testHouseholdList(t *testing.T, s casework.HouseholdStore) {
	createAll(t, s,
		sampleHousehold("hb", "org-1", day0),
		sampleHousehold("hd", "org-2", day0),
		sampleHousehold("ha", "org-1", day0),
		sampleHousehold("hc", "org-1", day0),
	)
	type F = casework.HouseholdFilter
	expectLists(t, householdKind, s, []listCase[F]{
		{"all, by id", F{}, []string{"ha", "hb", "hc", "hd"}},
		{"org", F{Org: "org-1"}, []string{"ha", "hb", "hc"}},
		{"other org", F{Org: "org-2"}, []string{"hd"}},
		{"unknown org", F{Org: "org-3"}, nil},
	})
}

// testMoney checks that amounts keep their exact value and currency.
func testMoney(t *testing.T, s casework.HouseholdStore) {
	ctx := context.Background()
	amounts := []string{"1250.50", "0.10", "-3.5", "0", "1e3", "12345678901234567890.123456789", "0.000000000000000001"}
	h := sampleHousehold("money", "org-1", day0)
	h.Support = nil
	for i, a := range amounts {
		code := []string{"KES", "USD", "EUR", "JPY", "UGX", "KES", "BHD"}[i]
		h.Support = append(h.Support, casework.SupportPayment{Date: day0, Kind: casework.SupportCash, Amount: homeward.MustMoney(a, code)})
	}
	_, err := s.Create(ctx, h)
	require.NoError(t, err)
	got, err := s.Get(ctx, "money")
	require.NoError(t, err)
	require.Len(t, got.Support, len(amounts))
	for i, p := range got.Support {
		want := h.Support[i].Amount
		require.True(t, want.Amount.Equal(p.Amount.Amount), "amount %s came back as %s", want.Amount, p.Amount.Amount)
		require.Equal(t, want.Currency, p.Amount.Currency, "currency of %s", want)
	}
}

func testAssessmentList(t *testing.T, s casework.AssessmentStore) {
	mk := func(id, org string, kind casework.AssessmentKind, cs, hh, date string) casework.Assessment {
		a := sampleAssessment(id, org, homeward.MustParseDate(date))
		a.Kind, a.Case, a.Household = kind, casework.CaseID(cs), casework.HouseholdID(hh)
		if kind == casework.KindHouseholdVulnerability {
			a.Scores = map[casework.Factor]int{}
			for _, f := range casework.HouseholdDomains {
				a.Scores[f] = 2
			}
		}
		return a
	}
	child, household := casework.KindChildStatus, casework.KindHouseholdVulnerability
	createAll(t, s,
		mk("a1", "org-1", child, "case-1", "", "2027-05-01"),
		mk("a6", "org-1", household, "", "hh-2", "2027-02-01"),
		mk("a2", "org-1", household, "", "hh-1", "2027-02-01"),
		mk("a5", "org-2", child, "case-1", "", "2027-03-01"),
		mk("a3", "org-1", child, "case-2", "", "2027-02-01"),
		mk("a0", "org-1", household, "", "hh-1", "2027-06-01"),
		mk("a4", "org-1", child, "case-1", "", "2027-01-10"),
	)
	type F = casework.AssessmentFilter
	expectLists(t, assessmentKind, s, []listCase[F]{
		{"all, by date then id", F{}, []string{"a4", "a2", "a3", "a6", "a5", "a1", "a0"}},
		{"org", F{Org: "org-1"}, []string{"a4", "a2", "a3", "a6", "a1", "a0"}},
		{"unknown org", F{Org: "org-3"}, nil},
		{"org and kind", F{Org: "org-1", Kind: child}, []string{"a4", "a3", "a1"}},
		{"org and the other kind", F{Org: "org-1", Kind: household}, []string{"a2", "a6", "a0"}},
		{"org and case", F{Org: "org-1", Case: "case-1"}, []string{"a4", "a1"}},
		{"org, kind and case", F{Org: "org-1", Kind: child, Case: "case-1"}, []string{"a4", "a1"}},
		{"case in every org", F{Case: "case-1"}, []string{"a4", "a5", "a1"}},
		{"org and household", F{Org: "org-1", Household: "hh-1"}, []string{"a2", "a0"}},
		{"org, kind and household", F{Org: "org-1", Kind: household, Household: "hh-1"}, []string{"a2", "a0"}},
		{"household with the wrong kind", F{Org: "org-1", Kind: child, Household: "hh-1"}, nil},
		{"kind in every org", F{Kind: child}, []string{"a4", "a3", "a5", "a1"}},
	})
}

func testPlanList(t *testing.T, s casework.PlanStore) {
	mk := func(id, org, cs string, st casework.PlanStatus, start string) casework.Plan {
		p := samplePlan(id, org, homeward.MustParseDate(start))
		p.Case, p.Status = casework.CaseID(cs), st
		return p
	}
	createAll(t, s,
		mk("p1", "org-1", "case-1", casework.PlanActive, "2027-04-01"),
		mk("p4", "org-2", "case-1", casework.PlanActive, "2027-02-01"),
		mk("p0", "org-1", "case-2", casework.PlanDraft, "2027-04-01"),
		mk("p2", "org-1", "case-1", casework.PlanCompleted, "2026-10-01"),
		mk("p3", "org-1", "case-2", casework.PlanActive, "2027-01-01"),
	)
	type F = casework.PlanFilter
	expectLists(t, planKind, s, []listCase[F]{
		{"all, by start then id", F{}, []string{"p2", "p3", "p4", "p0", "p1"}},
		{"org", F{Org: "org-1"}, []string{"p2", "p3", "p0", "p1"}},
		{"unknown org", F{Org: "org-3"}, nil},
		{"org and case", F{Org: "org-1", Case: "case-1"}, []string{"p2", "p1"}},
		{"org and status", F{Org: "org-1", Status: casework.PlanActive}, []string{"p3", "p1"}},
		{"org, case and status", F{Org: "org-1", Case: "case-1", Status: casework.PlanActive}, []string{"p1"}},
		{"org and a status nobody has", F{Org: "org-1", Status: casework.PlanDiscontinued}, nil},
		{"status in every org", F{Status: casework.PlanActive}, []string{"p3", "p4", "p1"}},
		{"case in every org", F{Case: "case-1"}, []string{"p2", "p4", "p1"}},
	})
}

func testNoteList(t *testing.T, s casework.NoteStore) {
	mk := func(id, org, cs, date string) casework.Note {
		n := sampleNote(id, org, homeward.MustParseDate(date))
		n.Case = casework.CaseID(cs)
		return n
	}
	createAll(t, s,
		mk("n1", "org-1", "case-1", "2027-03-05"),
		mk("n3", "org-1", "case-2", "2027-03-05"),
		mk("n0", "org-1", "case-1", "2027-03-10"),
		mk("n4", "org-2", "case-1", "2027-03-02"),
		mk("n2", "org-1", "case-1", "2027-03-01"),
		mk("n5", "org-1", "case-1", "2027-02-28"),
	)
	d := homeward.MustParseDate
	type F = casework.NoteFilter
	expectLists(t, noteKind, s, []listCase[F]{
		{"all, by date then id", F{}, []string{"n5", "n2", "n4", "n1", "n3", "n0"}},
		{"org", F{Org: "org-1"}, []string{"n5", "n2", "n1", "n3", "n0"}},
		{"unknown org", F{Org: "org-3"}, nil},
		{"org and case", F{Org: "org-1", Case: "case-1"}, []string{"n5", "n2", "n1", "n0"}},
		{"dates are inclusive", F{Org: "org-1", Case: "case-1", From: d("2027-03-01"), To: d("2027-03-05")}, []string{"n2", "n1"}},
		{"from only", F{Org: "org-1", From: d("2027-03-05")}, []string{"n1", "n3", "n0"}},
		{"to only", F{Org: "org-1", To: d("2027-03-01")}, []string{"n5", "n2"}},
		{"one day in every org", F{Case: "case-1", From: d("2027-03-02"), To: d("2027-03-02")}, []string{"n4"}},
		{"an empty range", F{Org: "org-1", From: d("2027-03-06"), To: d("2027-03-09")}, nil},
	})
}

// testChildStatusSummaries checks a store's ChildStatusScanner against the
// summaries of the assessments that Scan passes, after creates and updates
// that change an assessment's scores and kind.
func testChildStatusSummaries(t *testing.T, s casework.AssessmentStore) {
	ctx := context.Background()
	sc := s.(casework.ChildStatusScanner)
	day := homeward.MustParseDate("2026-03-01")
	var stored []casework.Assessment
	for i, org := range []string{"org-a", "org-a", "org-b", "org-a", "org-b"} {
		a, err := s.Create(ctx, sampleAssessment(fmt.Sprintf("a%d", i), org, day.AddDays(i)))
		require.NoError(t, err)
		stored = append(stored, a)
	}
	hh := sampleAssessment("h1", "org-a", day)
	hh.Kind, hh.Case, hh.Scores = casework.KindHouseholdVulnerability, "", map[casework.Factor]int{}
	for _, f := range casework.HouseholdDomains {
		hh.Scores[f] = 2
	}
	_, err := s.Create(ctx, hh)
	require.NoError(t, err)
	// New scores for one, another kind for another.
	stored[1].Scores[casework.CSIWellness] = 4
	stored[1].Scores[casework.CSIHealthServices] = 4
	_, err = s.Update(ctx, stored[1])
	require.NoError(t, err)
	stored[3].Kind, stored[3].Case, stored[3].Scores = hh.Kind, "", hh.Scores
	_, err = s.Update(ctx, stored[3])
	require.NoError(t, err)

	for _, org := range []homeward.OrgID{"", "org-a", "org-b", "org-none"} {
		var want, got []casework.ChildStatusSummary
		require.NoError(t, s.Scan(ctx, casework.AssessmentFilter{Org: org}, func(a *casework.Assessment) error {
			if sum, ok := a.ChildStatusSummary(); ok {
				want = append(want, sum)
			}
			return nil
		}))
		require.NoError(t, sc.ScanChildStatus(ctx, org, func(sum *casework.ChildStatusSummary) error {
			got = append(got, *sum)
			return nil
		}))
		byID := func(a, b casework.ChildStatusSummary) int { return strings.Compare(string(a.ID), string(b.ID)) }
		slices.SortFunc(want, byID)
		slices.SortFunc(got, byID)
		require.Equal(t, want, got, "organisation %q", org)
	}
	var health uint8
	require.NoError(t, sc.ScanChildStatus(ctx, "org-a", func(sum *casework.ChildStatusSummary) error {
		if sum.ID == "a1" {
			health = sum.Domains[3]
		}
		return nil
	}))
	require.Equal(t, uint8(8), health, "the summary follows the update")
	stop := errors.New("stop")
	require.ErrorIs(t, sc.ScanChildStatus(ctx, "", func(*casework.ChildStatusSummary) error { return stop }), stop)
}
