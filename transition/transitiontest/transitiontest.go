package transitiontest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/storetest"
	"github.com/homewardkit/homeward/transition"
)

// TestStore runs the conformance suite. newStore must return a new, empty
// store on every call; the suite calls it once per subtest.
func TestStore(t *testing.T, newStore func(t *testing.T) transition.Store) {
	t.Run("CreateGet", func(t *testing.T) { testCreateGet(t, newStore(t)) })
	t.Run("CreateConflict", func(t *testing.T) { testCreateConflict(t, newStore(t)) })
	t.Run("GetNotFound", func(t *testing.T) { testGetNotFound(t, newStore(t)) })
	t.Run("Update", func(t *testing.T) { testUpdate(t, newStore(t)) })
	t.Run("UpdateConflict", func(t *testing.T) { testUpdateConflict(t, newStore(t)) })
	t.Run("UpdateNotFound", func(t *testing.T) { testUpdateNotFound(t, newStore(t)) })
	t.Run("Delete", func(t *testing.T) { testDelete(t, newStore(t)) })
	t.Run("ListFilterOrder", func(t *testing.T) { testListFilterOrder(t, newStore(t)) })
	t.Run("ListPaging", func(t *testing.T) { testListPaging(t, newStore(t)) })
	t.Run("ListBadCursor", func(t *testing.T) { testListBadCursor(t, newStore(t)) })
	t.Run("CopyIsolation", func(t *testing.T) { testCopyIsolation(t, newStore(t)) })
	t.Run("ConcurrentWriters", func(t *testing.T) { testConcurrentWriters(t, newStore(t)) })
	t.Run("ConcurrentCreates", func(t *testing.T) { testConcurrentCreates(t, newStore(t)) })
}

var base = time.Date(2027, 3, 1, 9, 30, 15, 123456000, time.UTC)

// sample returns an assessment with every field set, including text that
// exercises quoting and non-ASCII characters.
func sample(id, org, date string) transition.Assessment {
	return transition.Assessment{
		ID:               transition.AssessmentID(id),
		Org:              homeward.OrgID(org),
		Checklist:        "transition-readiness",
		ChecklistVersion: "1",
		Date:             homeward.MustParseDate(date),
		Assessor:         "José 'Pepe' Ñúñez \"QA\"",
		Answers: map[string]transition.Answer{
			"local_partner.backs_transition": {Status: transition.StatusMet, Evidence: "board minutes, 2027-02", Note: "signed; ✓"},
			"care_team.training":             {Status: transition.StatusInProgress},
			"network.collaboration":          {Status: transition.StatusNotApplicable, Note: "line one\nline two"},
		},
		CreatedAt: base,
		UpdatedAt: base.Add(time.Minute),
	}
}

func diff(want, got transition.Assessment) string {
	return cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }))
}

func testCreateGet(t *testing.T, s transition.Store) {
	ctx := context.Background()
	in := sample("a1", "org-1", "2027-03-01")
	in.Version = 42 // ignored: a new record starts at version 1
	got, err := s.Create(ctx, in)
	require.NoError(t, err)
	want := in
	want.Version = 1
	if d := diff(want, got); d != "" {
		t.Fatalf("Create returned (-want +got):\n%s", d)
	}
	got, err = s.Get(ctx, "a1")
	require.NoError(t, err)
	if d := diff(want, got); d != "" {
		t.Fatalf("Get returned (-want +got):\n%s", d)
	}
	require.Equal(t, time.UTC, got.CreatedAt.Location(), "times come back in UTC")

	empty := sample("a2", "org-1", "2027-03-02")
	empty.Answers = map[string]transition.Answer{}
	_, err = s.Create(ctx, empty)
	require.NoError(t, err)
	got, err = s.Get(ctx, "a2")
	require.NoError(t, err)
	require.Empty(t, got.Answers)
}

func testCreateConflict(t *testing.T, s transition.Store) {
	ctx := context.Background()
	_, err := s.Create(ctx, sample("a1", "org-1", "2027-03-01"))
	require.NoError(t, err)
	other := sample("a1", "org-2", "2028-01-01")
	_, err = s.Create(ctx, other)
	require.ErrorIs(t, err, homeward.ErrConflict)
	got, err := s.Get(ctx, "a1")
	require.NoError(t, err)
	require.Equal(t, homeward.OrgID("org-1"), got.Org, "a refused create leaves the stored record alone")
}

func testGetNotFound(t *testing.T, s transition.Store) {
	_, err := s.Get(context.Background(), "missing")
	require.ErrorIs(t, err, homeward.ErrNotFound)
}

func testUpdate(t *testing.T, s transition.Store) {
	ctx := context.Background()
	a, err := s.Create(ctx, sample("a1", "org-1", "2027-03-01"))
	require.NoError(t, err)
	a.Assessor = "Another Assessor"
	a.Answers["care_team.training"] = transition.Answer{Status: transition.StatusMet, Evidence: "certificates"}
	delete(a.Answers, "network.collaboration")
	a.UpdatedAt = base.Add(time.Hour)
	got, err := s.Update(ctx, a)
	require.NoError(t, err)
	want := a
	want.Version = 2
	if d := diff(want, got); d != "" {
		t.Fatalf("Update returned (-want +got):\n%s", d)
	}
	got, err = s.Get(ctx, "a1")
	require.NoError(t, err)
	if d := diff(want, got); d != "" {
		t.Fatalf("Get after Update returned (-want +got):\n%s", d)
	}
}

func testUpdateConflict(t *testing.T, s transition.Store) {
	ctx := context.Background()
	a, err := s.Create(ctx, sample("a1", "org-1", "2027-03-01"))
	require.NoError(t, err)
	first := a
	first.Assessor = "first writer"
	_, err = s.Update(ctx, first)
	require.NoError(t, err)

	stale := a // still version 1
	stale.Assessor = "second writer"
	_, err = s.Update(ctx, stale)
	require.ErrorIs(t, err, homeward.ErrConflict)
	got, err := s.Get(ctx, "a1")
	require.NoError(t, err)
	require.Equal(t, "first writer", got.Assessor, "a stale update must not overwrite")
	require.Equal(t, int64(2), got.Version)

	future := got
	future.Version = 7
	_, err = s.Update(ctx, future)
	require.ErrorIs(t, err, homeward.ErrConflict)
}

func testUpdateNotFound(t *testing.T, s transition.Store) {
	a := sample("missing", "org-1", "2027-03-01")
	a.Version = 1
	_, err := s.Update(context.Background(), a)
	require.ErrorIs(t, err, homeward.ErrNotFound)
}

func testDelete(t *testing.T, s transition.Store) {
	ctx := context.Background()
	a, err := s.Create(ctx, sample("a1", "org-1", "2027-03-01"))
	require.NoError(t, err)
	require.ErrorIs(t, s.Delete(ctx, "a1", a.Version+1), homeward.ErrConflict)
	_, err = s.Get(ctx, "a1")
	require.NoError(t, err, "a refused delete keeps the record")
	require.NoError(t, s.Delete(ctx, "a1", a.Version))
	_, err = s.Get(ctx, "a1")
	require.ErrorIs(t, err, homeward.ErrNotFound)
	require.ErrorIs(t, s.Delete(ctx, "a1", a.Version), homeward.ErrNotFound)
	_, err = s.Create(ctx, sample("a1", "org-1", "2027-03-01"))
	require.NoError(t, err, "a deleted id can be used again")
}

// listAll pages through the assessments that f selects and returns their
// ids in the order listed.
func listAll(t *testing.T, s transition.Store, f transition.Filter) []string {
	t.Helper()
	return storetest.ListAll(t, s.List, f,
		func(f *transition.Filter) *homeward.PageRequest { return &f.Page },
		func(a *transition.Assessment) transition.AssessmentID { return a.ID })
}

func testListFilterOrder(t *testing.T, s transition.Store) {
	ctx := context.Background()
	for _, a := range []transition.Assessment{
		sample("b", "org-1", "2027-06-01"),
		sample("a", "org-1", "2027-06-01"),
		sample("c", "org-1", "2027-01-15"),
		sample("d", "org-2", "2027-02-01"),
		sample("e", "org-1", "2028-01-01"),
	} {
		_, err := s.Create(ctx, a)
		require.NoError(t, err)
	}
	other := sample("f", "org-1", "2027-03-01")
	other.Checklist = "custom"
	_, err := s.Create(ctx, other)
	require.NoError(t, err)

	require.Equal(t, []string{"c", "d", "f", "a", "b", "e"}, listAll(t, s, transition.Filter{}), "all, by date then id")
	require.Equal(t, []string{"c", "f", "a", "b", "e"}, listAll(t, s, transition.Filter{Org: "org-1"}))
	require.Equal(t, []string{"c", "a", "b", "e"}, listAll(t, s, transition.Filter{Org: "org-1", Checklist: "transition-readiness"}))
	require.Equal(t, []string{"f", "a", "b"}, listAll(t, s, transition.Filter{
		Org: "org-1", From: homeward.MustParseDate("2027-03-01"), To: homeward.MustParseDate("2027-06-01"),
	}), "date bounds are inclusive")
	require.Empty(t, listAll(t, s, transition.Filter{Org: "org-3"}))
	p, err := s.List(ctx, transition.Filter{Org: "org-3"})
	require.NoError(t, err)
	require.NotNil(t, p.Items, "an empty page has an empty, non-nil slice")
	require.Empty(t, p.Next)
}

func testListPaging(t *testing.T, s transition.Store) {
	ctx := context.Background()
	var want []string
	for i := range 23 {
		id := fmt.Sprintf("a%02d", i)
		date := homeward.MustParseDate("2027-01-01").AddDays(i / 3) // three per day
		a := sample(id, "org-1", date.String())
		_, err := s.Create(ctx, a)
		require.NoError(t, err)
		want = append(want, id)
	}
	for _, limit := range []int{1, 2, 5, 22, 23, 24} {
		got := listAll(t, s, transition.Filter{Org: "org-1", Page: homeward.PageRequest{Limit: limit}})
		require.Equal(t, want, got, "limit %d", limit)
	}
	p, err := s.List(ctx, transition.Filter{Org: "org-1", Page: homeward.PageRequest{Limit: 23}})
	require.NoError(t, err)
	require.Len(t, p.Items, 23)
	require.Empty(t, p.Next, "the last page has no cursor")

	// A record added behind the cursor does not disturb the pages ahead.
	p, err = s.List(ctx, transition.Filter{Org: "org-1", Page: homeward.PageRequest{Limit: 10}})
	require.NoError(t, err)
	_, err = s.Create(ctx, sample("a00-early", "org-1", "2026-12-31"))
	require.NoError(t, err)
	rest := listAll(t, s, transition.Filter{Org: "org-1", Page: homeward.PageRequest{Limit: 10, Cursor: p.Next}})
	require.Equal(t, want[10:], rest)
}

func testListBadCursor(t *testing.T, s transition.Store) {
	for _, c := range []string{"!!not-a-cursor!!", "%%%"} {
		_, err := s.List(context.Background(), transition.Filter{Page: homeward.PageRequest{Cursor: c}})
		require.ErrorIs(t, err, homeward.ErrInvalid, "cursor %q", c)
	}
}

func testCopyIsolation(t *testing.T, s transition.Store) {
	ctx := context.Background()
	in := sample("a1", "org-1", "2027-03-01")
	created, err := s.Create(ctx, in)
	require.NoError(t, err)
	in.Answers["care_team.training"] = transition.Answer{Status: transition.StatusMet}
	created.Answers["local_partner.backs_transition"] = transition.Answer{Status: transition.StatusNotStarted}

	got, err := s.Get(ctx, "a1")
	require.NoError(t, err)
	require.Equal(t, transition.StatusInProgress, got.Answers["care_team.training"].Status, "changing the input must not change the store")
	require.Equal(t, transition.StatusMet, got.Answers["local_partner.backs_transition"].Status, "changing a returned value must not change the store")

	got.Answers["network.collaboration"] = transition.Answer{Status: transition.StatusMet}
	again, err := s.Get(ctx, "a1")
	require.NoError(t, err)
	require.Equal(t, transition.StatusNotApplicable, again.Answers["network.collaboration"].Status)

	p, err := s.List(ctx, transition.Filter{})
	require.NoError(t, err)
	require.Len(t, p.Items, 1)
	p.Items[0].Answers["care_team.training"] = transition.Answer{Status: transition.StatusNotStarted}
	again, err = s.Get(ctx, "a1")
	require.NoError(t, err)
	require.Equal(t, transition.StatusInProgress, again.Answers["care_team.training"].Status, "changing a listed value must not change the store")
}

func testConcurrentWriters(t *testing.T, s transition.Store) {
	ctx := context.Background()
	a, err := s.Create(ctx, sample("a1", "org-1", "2027-03-01"))
	require.NoError(t, err)
	const writers = 8
	winner := storetest.Race(t, writers, func(i int) error {
		mine := a.Clone()
		mine.Assessor = fmt.Sprintf("writer %d", i)
		_, err := s.Update(ctx, mine)
		return err
	})
	got, err := s.Get(ctx, "a1")
	require.NoError(t, err)
	require.Equal(t, fmt.Sprintf("writer %d", winner), got.Assessor, "the winner's update is stored")
	require.Equal(t, int64(2), got.Version)

	// Writers that re-read and retry all land, one version each.
	storetest.Retry(t, writers, func() error {
		cur, err := s.Get(ctx, "a1")
		if err != nil {
			return err
		}
		_, err = s.Update(ctx, cur)
		return err
	})
	got, err = s.Get(ctx, "a1")
	require.NoError(t, err)
	require.Equal(t, int64(2+writers), got.Version, "every retried update counts once")
}

func testConcurrentCreates(t *testing.T, s transition.Store) {
	ctx := context.Background()
	winner := storetest.Race(t, 8, func(i int) error {
		_, err := s.Create(ctx, sample("same", fmt.Sprintf("org-%d", i), "2027-03-01"))
		return err
	})
	got, err := s.Get(ctx, "same")
	require.NoError(t, err)
	require.Equal(t, homeward.OrgID(fmt.Sprintf("org-%d", winner)), got.Org, "exactly one create of the same id succeeds")
}
