package monitoringtest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/internal/storetest"
	"github.com/homewardkit/homeward/monitoring"
)

// TestVisitStore runs the conformance suite. newStore must return a new,
// empty store on every call; the suite calls it once per subtest.
func TestVisitStore(t *testing.T, newStore func(t *testing.T) monitoring.VisitStore) {
	t.Run("CreateGet", func(t *testing.T) { testCreateGet(t, newStore(t)) })
	t.Run("CreateConflict", func(t *testing.T) { testCreateConflict(t, newStore(t)) })
	t.Run("Update", func(t *testing.T) { testUpdate(t, newStore(t)) })
	t.Run("ListFilterOrder", func(t *testing.T) { testListFilterOrder(t, newStore(t)) })
	t.Run("ListPaging", func(t *testing.T) { testListPaging(t, newStore(t)) })
	t.Run("Scan", func(t *testing.T) { testScan(t, newStore(t)) })
	t.Run("CopyIsolation", func(t *testing.T) { testCopyIsolation(t, newStore(t)) })
	t.Run("ConcurrentWriters", func(t *testing.T) { testConcurrentWriters(t, newStore(t)) })
}

var base = time.Date(2027, 3, 1, 9, 30, 15, 123456000, time.UTC)

func day(s string) homeward.Date { return homeward.MustParseDate(s) }

// sample returns an open visit with every planning field set.
func sample(id, org, c, due string) monitoring.Visit {
	return monitoring.Visit{
		ID: monitoring.VisitID(id), Org: homeward.OrgID(org), Case: casework.CaseID(c), Caseworker: "Grace W.",
		Due: day(due), Kind: monitoring.KindFollowUp, Mode: monitoring.ModeHome,
		CreatedAt: base, UpdatedAt: base.Add(time.Minute),
	}
}

// done returns v recorded as done with an outcome and scores.
func done(v monitoring.Visit) monitoring.Visit {
	v.Done, v.By = v.Due.AddDays(1), "Joseph K."
	v.Outcome = &monitoring.Outcome{ChildSafe: true, Concerns: true, Note: "Grandmother's cough — see clinic ✓", Actions: "refer\nfollow up"}
	v.Scores = map[casework.Factor]int{}
	for i, f := range casework.KindChildStatus.Factors() {
		v.Scores[f] = 1 + i%4
	}
	return v
}

func diff(want, got monitoring.Visit) string {
	return cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }))
}

func testCreateGet(t *testing.T, s monitoring.VisitStore) {
	ctx := context.Background()
	for _, in := range []monitoring.Visit{sample("v1", "org-1", "c1", "2027-03-01"), done(sample("v2", "org-1", "c1", "2027-03-08"))} {
		in.Version = 9
		got, err := s.Create(ctx, in)
		require.NoError(t, err)
		want := in
		want.Version = 1
		if d := diff(want, got); d != "" {
			t.Fatalf("Create returned (-want +got):\n%s", d)
		}
		got, err = s.Get(ctx, in.ID)
		require.NoError(t, err)
		if d := diff(want, got); d != "" {
			t.Fatalf("Get returned (-want +got):\n%s", d)
		}
	}
	_, err := s.Get(ctx, "missing")
	require.ErrorIs(t, err, homeward.ErrNotFound)
}

func testCreateConflict(t *testing.T, s monitoring.VisitStore) {
	ctx := context.Background()
	_, err := s.Create(ctx, sample("v1", "org-1", "c1", "2027-03-01"))
	require.NoError(t, err)
	_, err = s.Create(ctx, sample("v1", "org-2", "c9", "2028-01-01"))
	require.ErrorIs(t, err, homeward.ErrConflict)
	got, err := s.Get(ctx, "v1")
	require.NoError(t, err)
	require.Equal(t, homeward.OrgID("org-1"), got.Org)
}

func testUpdate(t *testing.T, s monitoring.VisitStore) {
	ctx := context.Background()
	v, err := s.Create(ctx, sample("v1", "org-1", "c1", "2027-03-01"))
	require.NoError(t, err)
	d := done(v)
	got, err := s.Update(ctx, d)
	require.NoError(t, err)
	want := d
	want.Version = 2
	if x := diff(want, got); x != "" {
		t.Fatalf("Update returned (-want +got):\n%s", x)
	}
	stale := v
	stale.Cancelled, stale.Reason = day("2027-03-02"), "stale"
	_, err = s.Update(ctx, stale)
	require.ErrorIs(t, err, homeward.ErrConflict)
	got, err = s.Get(ctx, "v1")
	require.NoError(t, err)
	require.True(t, got.Cancelled.IsZero(), "a stale update must not overwrite")
	missing := sample("zz", "org-1", "c1", "2027-03-01")
	missing.Version = 1
	_, err = s.Update(ctx, missing)
	require.ErrorIs(t, err, homeward.ErrNotFound)
}

// listAll pages through the visits that f selects and returns their ids in
// the order listed.
func listAll(t *testing.T, s monitoring.VisitStore, f monitoring.VisitFilter) []string {
	t.Helper()
	return storetest.ListAll(t, s.List, f,
		func(f *monitoring.VisitFilter) *homeward.PageRequest { return &f.Page },
		func(v *monitoring.Visit) monitoring.VisitID { return v.ID })
}

func fill(t *testing.T, s monitoring.VisitStore) {
	t.Helper()
	ctx := context.Background()
	b := sample("b", "org-1", "c1", "2027-03-08")
	a := sample("a", "org-1", "c2", "2027-03-08")
	a.Caseworker = "Joseph K."
	c := done(sample("c", "org-1", "c1", "2027-03-01"))
	d := sample("d", "org-2", "c3", "2027-02-01")
	e := sample("e", "org-1", "c1", "2027-04-01")
	e.Cancelled, e.Reason = day("2027-03-20"), "rescheduled"
	f := sample("f", "org-1", "c2", "2027-03-15")
	f.Missed, f.Reason = day("2027-03-16"), "family away"
	for _, v := range []monitoring.Visit{b, a, c, d, e, f} {
		_, err := s.Create(ctx, v)
		require.NoError(t, err)
	}
}

func testListFilterOrder(t *testing.T, s monitoring.VisitStore) {
	fill(t, s)
	require.Equal(t, []string{"d", "c", "a", "b", "f", "e"}, listAll(t, s, monitoring.VisitFilter{}), "by due date, then id")
	require.Equal(t, []string{"c", "a", "b", "f", "e"}, listAll(t, s, monitoring.VisitFilter{Org: "org-1"}))
	require.Equal(t, []string{"c", "b", "e"}, listAll(t, s, monitoring.VisitFilter{Org: "org-1", Case: "c1"}))
	require.Equal(t, []string{"a"}, listAll(t, s, monitoring.VisitFilter{Caseworker: "Joseph K."}))
	require.Equal(t, []string{"a", "b"}, listAll(t, s, monitoring.VisitFilter{Org: "org-1", OpenOnly: true}))
	require.Equal(t, []string{"c", "a", "b"}, listAll(t, s, monitoring.VisitFilter{Org: "org-1", DueFrom: day("2027-03-01"), DueTo: day("2027-03-08")}), "bounds are inclusive")
	require.Empty(t, listAll(t, s, monitoring.VisitFilter{Org: "org-3"}))
	_, err := s.List(context.Background(), monitoring.VisitFilter{Page: homeward.PageRequest{Cursor: "!!not-a-cursor!!"}})
	require.ErrorIs(t, err, homeward.ErrInvalid)
}

func testListPaging(t *testing.T, s monitoring.VisitStore) {
	ctx := context.Background()
	var want []string
	for i := range 23 {
		id := fmt.Sprintf("v%02d", i)
		_, err := s.Create(ctx, sample(id, "org-1", "c1", day("2027-01-01").AddDays(i/3).String()))
		require.NoError(t, err)
		want = append(want, id)
	}
	for _, limit := range []int{1, 2, 5, 22, 23, 24} {
		require.Equal(t, want, listAll(t, s, monitoring.VisitFilter{Org: "org-1", Page: homeward.PageRequest{Limit: limit}}), "limit %d", limit)
	}
	p, err := s.List(ctx, monitoring.VisitFilter{Org: "org-1", OpenOnly: true, Page: homeward.PageRequest{Limit: 10}})
	require.NoError(t, err)
	require.Len(t, p.Items, 10)
	rest := listAll(t, s, monitoring.VisitFilter{Org: "org-1", OpenOnly: true, Page: homeward.PageRequest{Limit: 10, Cursor: p.Next}})
	require.Equal(t, want[10:], rest)
}

func testScan(t *testing.T, s monitoring.VisitStore) {
	fill(t, s)
	ctx := context.Background()
	var got []string
	require.NoError(t, s.Scan(ctx, monitoring.VisitFilter{Org: "org-1", OpenOnly: true, Page: homeward.PageRequest{Limit: 1}}, func(v *monitoring.Visit) error {
		got = append(got, string(v.ID))
		return nil
	}))
	slices.Sort(got)
	require.Equal(t, []string{"a", "b"}, got, "Scan ignores paging")
	stop := errors.New("stop")
	n := 0
	err := s.Scan(ctx, monitoring.VisitFilter{}, func(*monitoring.Visit) error { n++; return stop })
	require.ErrorIs(t, err, stop)
	require.Equal(t, 1, n, "Scan stops at the first error")
	n = 0
	require.NoError(t, s.Scan(ctx, monitoring.VisitFilter{Org: "org-9"}, func(*monitoring.Visit) error { n++; return nil }))
	require.Zero(t, n)
}

func testCopyIsolation(t *testing.T, s monitoring.VisitStore) {
	ctx := context.Background()
	in := done(sample("v1", "org-1", "c1", "2027-03-01"))
	created, err := s.Create(ctx, in)
	require.NoError(t, err)
	in.Outcome.Note = "changed input"
	in.Scores[casework.CSICare] = 1
	created.Outcome.Concerns = false
	created.Scores[casework.CSIShelter] = 1
	got, err := s.Get(ctx, "v1")
	require.NoError(t, err)
	require.Equal(t, done(sample("v1", "org-1", "c1", "2027-03-01")).Outcome, got.Outcome)
	require.Equal(t, done(sample("v1", "org-1", "c1", "2027-03-01")).Scores, got.Scores)
}

func testConcurrentWriters(t *testing.T, s monitoring.VisitStore) {
	ctx := context.Background()
	v, err := s.Create(ctx, sample("v1", "org-1", "c1", "2027-03-01"))
	require.NoError(t, err)
	winner := storetest.Race(t, 8, func(i int) error {
		mine := v.Clone()
		mine.Caseworker = fmt.Sprintf("worker %d", i)
		_, err := s.Update(ctx, mine)
		return err
	})
	got, err := s.Get(ctx, "v1")
	require.NoError(t, err)
	require.Equal(t, fmt.Sprintf("worker %d", winner), got.Caseworker, "the winner's update is stored")
	storetest.Race(t, 8, func(i int) error {
		_, err := s.Create(ctx, sample("same", fmt.Sprintf("org-%d", i), "c1", "2027-03-01"))
		return err
	})
}
