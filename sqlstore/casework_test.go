package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/currency"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/casework/caseworktest"
)

func TestCaseworkConformance(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		caseworktest.TestStores(t, func(t *testing.T) casework.Stores {
			return openTest(t, b).Casework()
		})
	})
}

// richCase returns a case whose text names people, for the tests that
// check what errors leave out.
func richCase(id string) casework.Case {
	at := time.Date(2027, 3, 1, 9, 30, 15, 123456789, time.FixedZone("EAT", 3*3600))
	day := homeward.MustParseDate("2027-03-01")
	return casework.Case{
		ID: casework.CaseID(id), Org: "org-1", Status: casework.StatusRegistered, Risk: casework.RiskHigh,
		Child: casework.Child{GivenName: "Secretgiven", FamilyName: "Secretfamily", Sex: casework.SexFemale,
			BirthDate: homeward.MustParseDate("2015-02-28"), Languages: []string{"sw"}, IDNumber: "SECRET-ID-1"},
		Household: "hh-1", RegisteredOn: day,
		Team:          []casework.TeamMember{{Person: "Secretworker", Role: casework.RoleCaseManager, From: day}},
		Consents:      []casework.Consent{{ID: "c1", Purpose: casework.ConsentServices, GivenBy: "Secretmother", Date: day}},
		StatusHistory: []casework.StatusChange{{At: at, To: casework.StatusRegistered, By: "actor-1"}},
		CreatedAt:     at, UpdatedAt: at,
	}
}

// secrets are the identifying values of richCase, which no error may quote.
var secrets = []string{"Secretgiven", "Secretfamily", "SECRET-ID-1", "Secretworker", "Secretmother", "2015-02-28"}

func requireNoSecrets(t *testing.T, err error) {
	t.Helper()
	require.Error(t, err)
	for _, s := range secrets {
		require.NotContains(t, err.Error(), s)
	}
}

func TestCaseCreateBatch(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		db := openTest(t, b)
		s := db.Cases()
		require.NoError(t, s.CreateBatch(ctx, nil))
		require.NoError(t, s.CreateBatch(ctx, []casework.Case{}))

		var batch []casework.Case
		for i := range 5 {
			c := richCase(fmt.Sprintf("b%d", i))
			c.Version = 9
			batch = append(batch, c)
		}
		require.NoError(t, s.CreateBatch(ctx, batch))
		require.Equal(t, int64(9), batch[0].Version, "the caller's cases are left alone")
		for _, c := range batch {
			got, err := s.Get(ctx, c.ID)
			require.NoError(t, err)
			want, err := s.Get(ctx, c.ID)
			require.NoError(t, err)
			require.Equal(t, int64(1), got.Version)
			require.Equal(t, time.Date(2027, 3, 1, 6, 30, 15, 123456000, time.UTC), got.CreatedAt)
			require.Equal(t, time.Date(2027, 3, 1, 6, 30, 15, 123456000, time.UTC), got.StatusHistory[0].At)
			require.Equal(t, want, got)
			require.Equal(t, c.Child, got.Child)
		}
		// What CreateBatch stores is what Create stores.
		one, err := s.Create(ctx, richCase("single"))
		require.NoError(t, err)
		fromBatch, err := s.Get(ctx, "b0")
		require.NoError(t, err)
		fromBatch.ID = one.ID
		require.Equal(t, one, fromBatch)

		count := func() int {
			p, err := s.List(ctx, casework.CaseFilter{Page: homeward.PageRequest{Limit: 100}})
			require.NoError(t, err)
			return len(p.Items)
		}
		require.Equal(t, 6, count())

		// All or nothing: an existing id, an id twice in the batch, a
		// missing id.
		for name, ids := range map[string][]string{
			"existing":  {"n1", "n2", "b3", "n3"},
			"twice":     {"n1", "n2", "n1", "n3"},
			"existing2": {"n1", "single"},
		} {
			var cs []casework.Case
			for _, id := range ids {
				cs = append(cs, richCase(id))
			}
			err := s.CreateBatch(ctx, cs)
			require.ErrorIs(t, err, homeward.ErrConflict, name)
			requireNoSecrets(t, err)
			require.Equal(t, 6, count(), "%s: nothing of a refused batch is stored", name)
		}
		// The first duplicate in the caller's order is named, though the
		// batch is written in id order.
		batchOf := func(ids ...string) []casework.Case {
			var cs []casework.Case
			for _, id := range ids {
				cs = append(cs, richCase(id))
			}
			return cs
		}
		require.EqualError(t, s.CreateBatch(ctx, batchOf("n1", "b3")), "case b3 already exists: conflict")
		require.EqualError(t, s.CreateBatch(ctx, batchOf("n1", "b3", "n2", "b1")), "case b3 already exists: conflict")
		require.EqualError(t, s.CreateBatch(ctx, batchOf("z9", "n2", "b1")), "case b1 already exists: conflict")
		require.EqualError(t, s.CreateBatch(ctx, batchOf("n1", "n2", "n1", "n2")), "case n1 comes twice in the batch: conflict")
		require.EqualError(t, s.CreateBatch(ctx, batchOf("a", "b", "c", "b", "a")), "case b comes twice in the batch: conflict")
		require.EqualError(t, s.CreateBatch(ctx, batchOf("b1", "n2", "n2")), "case n2 comes twice in the batch: conflict")
		require.Equal(t, 6, count())

		err = s.CreateBatch(ctx, []casework.Case{richCase("n1"), richCase("")})
		require.ErrorIs(t, err, homeward.ErrInvalid)
		require.Equal(t, 6, count())

		// A cancelled context stores nothing.
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		require.Error(t, s.CreateBatch(cancelled, []casework.Case{richCase("n1")}))
		require.Equal(t, 6, count())
	})
}

// TestCaseworkErrorsNameNoOne provokes every kind of error of the case store
// and checks that none quotes a name or another identifying value.
func TestCaseworkErrorsNameNoOne(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		db := openTest(t, b)
		s := db.Cases()
		c, err := s.Create(ctx, richCase("c1"))
		require.NoError(t, err)

		_, err = s.Create(ctx, richCase("c1"))
		require.ErrorIs(t, err, homeward.ErrConflict)
		requireNoSecrets(t, err)
		require.ErrorContains(t, err, "c1")

		stale := c
		stale.Version = 7
		_, err = s.Update(ctx, stale)
		require.ErrorIs(t, err, homeward.ErrConflict)
		requireNoSecrets(t, err)

		missing := richCase("c2")
		missing.Version = 1
		_, err = s.Update(ctx, missing)
		require.ErrorIs(t, err, homeward.ErrNotFound)
		requireNoSecrets(t, err)

		_, err = s.Get(ctx, "c2")
		require.ErrorIs(t, err, homeward.ErrNotFound)
		requireNoSecrets(t, err)

		// A damaged JSON column is reported by part and id, without its
		// text.
		_, err = db.SQL().ExecContext(ctx, db.rebind(`UPDATE cases SET team = ? WHERE id = ?`), `[{"person": "Secretworker", "role": 7}]`, "c1")
		require.NoError(t, err)
		_, err = s.Get(ctx, "c1")
		requireNoSecrets(t, err)
		require.ErrorContains(t, err, "case c1: team")
		err = s.Scan(ctx, casework.CaseFilter{}, func(*casework.Case) error { return nil })
		requireNoSecrets(t, err)
		_, err = s.List(ctx, casework.CaseFilter{})
		requireNoSecrets(t, err)
	})
}

// TestCaseworkKeepsWhatItIsGiven: the stores check identity and versions
// only, so unknown values, missing optional dates, money without a
// currency, and nil or empty lists come back exactly as given.
func TestCaseworkKeepsWhatItIsGiven(t *testing.T) {
	opts := []cmp.Option{
		cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b currency.Unit) bool { return a == b }),
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		db := openTest(t, b)
		st := db.Casework()

		odd := casework.Case{ID: "odd", Org: "org-1", Status: "someday", Risk: "extreme",
			Child: casework.Child{Sex: "?", Languages: []string{}, Disabilities: []casework.Disability{"unlisted"}},
			Team:  []casework.TeamMember{{}}, Consents: []casework.Consent{{Parties: []string{}}}, Arrangements: []casework.Arrangement{},
			Closure: &casework.Closure{}, StatusHistory: []casework.StatusChange{{}}}
		_, err := st.Cases.Create(ctx, odd)
		require.NoError(t, err)
		got, err := st.Cases.Get(ctx, "odd")
		require.NoError(t, err)
		odd.Version = 1
		if d := cmp.Diff(odd, got, opts...); d != "" {
			t.Fatalf("(-want +got):\n%s", d)
		}
		p, err := st.Cases.List(ctx, casework.CaseFilter{BornTo: 2000})
		require.NoError(t, err)
		require.Empty(t, p.Items, "no birth date matches no year bound, as CaseFilter.Match has it")
		require.False(t, (&casework.CaseFilter{BornTo: 2000}).Match(&got))

		h := casework.Household{ID: "h", Org: "org-1", Members: []casework.Member{{}},
			Income:  []casework.IncomeSource{{Monthly: homeward.Money{Amount: decimal.RequireFromString("12.30")}}},
			Support: []casework.SupportPayment{{Amount: homeward.Money{}}}}
		_, err = st.Households.Create(ctx, h)
		require.NoError(t, err)
		gotH, err := st.Households.Get(ctx, "h")
		require.NoError(t, err)
		h.Version = 1
		if d := cmp.Diff(h, gotH, opts...); d != "" {
			t.Fatalf("(-want +got):\n%s", d)
		}

		pl := casework.Plan{ID: "p", Org: "org-1", Start: homeward.MustParseDate("2027-01-01"), Reviews: []casework.Review{},
			Goals: []casework.Goal{{Actions: []casework.Action{}}, {}}}
		_, err = st.Plans.Create(ctx, pl)
		require.NoError(t, err)
		gotP, err := st.Plans.Get(ctx, "p")
		require.NoError(t, err)
		pl.Version = 1
		// casework.Plan.Clone, which the stores copy with, turns empty
		// lists into nil ones.
		if d := cmp.Diff(pl, gotP, append(opts, cmpopts.EquateEmpty())...); d != "" {
			t.Fatalf("(-want +got):\n%s", d)
		}

		a := casework.Assessment{ID: "a", Org: "org-1", Kind: "other", Date: homeward.MustParseDate("2027-01-01"), Scores: map[casework.Factor]int{}}
		_, err = st.Assessments.Create(ctx, a)
		require.NoError(t, err)
		gotA, err := st.Assessments.Get(ctx, "a")
		require.NoError(t, err)
		require.NotNil(t, gotA.Scores)
		require.Empty(t, gotA.Scores)

		// Ids are required; so are the dates that order lists.
		_, err = st.Cases.Create(ctx, casework.Case{})
		require.ErrorIs(t, err, homeward.ErrInvalid)
		_, err = st.Households.Create(ctx, casework.Household{})
		require.ErrorIs(t, err, homeward.ErrInvalid)
		_, err = st.Assessments.Create(ctx, casework.Assessment{ID: "a2"})
		require.ErrorIs(t, err, homeward.ErrInvalid)
		_, err = st.Plans.Create(ctx, casework.Plan{ID: "p2"})
		require.ErrorIs(t, err, homeward.ErrInvalid)
		_, err = st.Notes.Create(ctx, casework.Note{ID: "n2"})
		require.ErrorIs(t, err, homeward.ErrInvalid)
		gotP.Start = homeward.Date{}
		_, err = st.Plans.Update(ctx, gotP)
		require.ErrorIs(t, err, homeward.ErrInvalid)
	})
}

// TestCaseworkScanChunks scans in chunks smaller than the table, with a
// callback that uses the database (on SQLite in memory, a single
// connection).
func TestCaseworkScanChunks(t *testing.T) {
	old := scanChunk
	scanChunk = 2
	t.Cleanup(func() { scanChunk = old })
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		db := openTest(t, b)
		s := db.Notes()
		for i := range 5 {
			_, err := s.Create(ctx, casework.Note{ID: casework.NoteID(fmt.Sprintf("n%d", i)), Org: "org-1",
				Date: homeward.MustParseDate("2027-01-01").AddDays(-i)})
			require.NoError(t, err)
		}
		var seen []string
		err := s.Scan(ctx, casework.NoteFilter{Org: "org-1"}, func(n *casework.Note) error {
			seen = append(seen, string(n.ID))
			cur, err := s.Get(ctx, n.ID)
			if err != nil {
				return err
			}
			cur.Text = "seen"
			_, err = s.Update(ctx, cur)
			return err
		})
		require.NoError(t, err)
		require.Equal(t, []string{"n4", "n3", "n2", "n1", "n0"}, seen)
		p, err := s.List(ctx, casework.NoteFilter{})
		require.NoError(t, err)
		for _, n := range p.Items {
			require.Equal(t, "seen", n.Text)
		}
	})
}

// TestCaseworkQueryPlans checks on SQLite that the lists' pages are served
// by the indexes of migration 0003: in list order, without sorting.
func TestCaseworkQueryPlans(t *testing.T) {
	db := openTest(t, backends[0])
	cw := db.casework()
	day := db.dateArg(homeward.MustParseDate("2027-01-01"))
	tests := []struct {
		name  string
		query string
		args  []any
		index string
		// sorted is true when the list order is not the index's and a
		// sort of the (few) matching rows is expected.
		sorted bool
	}{
		{"cases by org", cw.cases.t.listQuery(cw.cases.where(&casework.CaseFilter{Org: "o"}).where), []any{"o"}, "cases_org_id", false},
		{"cases by org, next page", cw.cases.t.listQuery(append(cw.cases.where(&casework.CaseFilter{Org: "o"}).where, "id > ?")), []any{"o", "x"}, "cases_org_id", false},
		{"cases by org and status", cw.cases.t.listQuery(cw.cases.where(&casework.CaseFilter{Org: "o", Status: "s"}).where), []any{"o", "s"}, "cases_org_status_id", false},
		{"cases by org and status, next page", cw.cases.t.listQuery(append(cw.cases.where(&casework.CaseFilter{Org: "o", Status: "s"}).where, "id > ?")), []any{"o", "s", "x"}, "cases_org_status_id", false},
		{"cases by org and risk", cw.cases.t.listQuery(cw.cases.where(&casework.CaseFilter{Org: "o", Risk: "r"}).where), []any{"o", "r"}, "cases_org_risk_id", false},
		{"cases by org and birth year", cw.cases.t.listQuery(cw.cases.where(&casework.CaseFilter{Org: "o", BornFrom: 2010, BornTo: 2012}).where), []any{"o", 2010, 2012}, "cases_org_id", false},
		{"cases of a household", cw.cases.t.listQuery(cw.cases.where(&casework.CaseFilter{Household: "h"}).where), []any{"h"}, "cases_household_id", false},
		{"households by org", cw.households.t.listQuery(cw.households.where(&casework.HouseholdFilter{Org: "o"}).where), []any{"o"}, "households_org_id", false},
		{"assessments of a case", cw.assessments.t.listQuery(cw.assessments.where(&casework.AssessmentFilter{Org: "o", Kind: "k", Case: "c"}).where), []any{"o", "k", "c"}, "case_assessments_org_case", false},
		{"assessments of a case, next page", cw.assessments.t.listQuery(append(cw.assessments.where(&casework.AssessmentFilter{Org: "o", Kind: "k", Case: "c"}).where, "(date, id) > (?, ?)")), []any{"o", "k", "c", day, "x"}, "case_assessments_org_case", false},
		{"assessments of a household", cw.assessments.t.listQuery(cw.assessments.where(&casework.AssessmentFilter{Org: "o", Kind: "k", Household: "h"}).where), []any{"o", "k", "h"}, "case_assessments_org_household", false},
		{"assessments by org and kind", cw.assessments.t.listQuery(cw.assessments.where(&casework.AssessmentFilter{Org: "o", Kind: "k"}).where), []any{"o", "k"}, "case_assessments_org_kind", false},
		{"assessments of a case of any kind", cw.assessments.t.listQuery(cw.assessments.where(&casework.AssessmentFilter{Org: "o", Case: "c"}).where), []any{"o", "c"}, "case_assessments_org_case", true},
		{"plans of a case", cw.plans.t.listQuery(cw.plans.where(&casework.PlanFilter{Org: "o", Case: "c"}).where), []any{"o", "c"}, "case_plans_org_case", true},
		{"plans of a case by status", cw.plans.t.listQuery(cw.plans.where(&casework.PlanFilter{Org: "o", Case: "c", Status: "s"}).where), []any{"o", "c", "s"}, "case_plans_org_case", false},
		{"plans by org and status", cw.plans.t.listQuery(cw.plans.where(&casework.PlanFilter{Org: "o", Status: "s"}).where), []any{"o", "s"}, "case_plans_org_status", false},
		{"notes of a case", cw.notes.t.listQuery(cw.notes.where(&casework.NoteFilter{Org: "o", Case: "c"}).where), []any{"o", "c"}, "case_notes_org_case", false},
		{"notes of a case in a period", cw.notes.t.listQuery(cw.notes.where(&casework.NoteFilter{Org: "o", Case: "c", From: homeward.MustParseDate("2027-01-01"), To: homeward.MustParseDate("2027-02-01")}).where), []any{"o", "c", day, day}, "case_notes_org_case", false},
		{"notes by org", cw.notes.t.listQuery(cw.notes.where(&casework.NoteFilter{Org: "o"}).where), []any{"o"}, "case_notes_org_date", false},
	}
	for _, tt := range tests {
		rows, err := db.SQL().QueryContext(context.Background(), `EXPLAIN QUERY PLAN `+tt.query, append(tt.args, 51)...)
		require.NoError(t, err, tt.name)
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			require.NoError(t, rows.Scan(&id, &parent, &unused, &detail))
			plan = append(plan, detail)
		}
		require.NoError(t, rows.Err())
		rows.Close()
		all := strings.Join(plan, "; ")
		require.Contains(t, all, "INDEX "+tt.index+" (", "%s: %s", tt.name, all)
		require.Equal(t, tt.sorted, strings.Contains(all, "TEMP B-TREE"), "%s: %s", tt.name, all)
	}
}
