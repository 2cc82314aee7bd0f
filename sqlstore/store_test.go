package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/paging"
	"github.com/homewardkit/homeward/transition"
	"github.com/homewardkit/homeward/transition/transitiontest"
)

func TestAssessmentStoreConformance(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		transitiontest.TestStore(t, func(t *testing.T) transition.Store {
			return openTest(t, b).Assessments()
		})
	})
}

func assessment(id, org, date string) transition.Assessment {
	at := time.Date(2027, 3, 1, 9, 30, 15, 123456789, time.FixedZone("CET", 3600))
	return transition.Assessment{
		ID:               transition.AssessmentID(id),
		Org:              homeward.OrgID(org),
		Checklist:        "transition-readiness",
		ChecklistVersion: "1",
		Date:             homeward.MustParseDate(date),
		Assessor:         "Ana",
		Answers: map[string]transition.Answer{
			"local_partner.backs_transition": {Status: transition.StatusMet, Evidence: "minutes", Note: "ok"},
		},
		CreatedAt: at,
		UpdatedAt: at,
	}
}

func TestAssessmentStore(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		db := openTest(t, b)
		s := db.Assessments()
		ctx := context.Background()

		// Times come back in UTC, at microsecond precision, and Create
		// returns what Get will.
		created, err := s.Create(ctx, assessment("a1", "org-1", "2027-03-01"))
		require.NoError(t, err)
		require.Equal(t, int64(1), created.Version)
		require.Equal(t, time.Date(2027, 3, 1, 8, 30, 15, 123456000, time.UTC), created.CreatedAt)
		got, err := s.Get(ctx, "a1")
		require.NoError(t, err)
		require.Equal(t, created, got) // exact, locations included

		// nil and empty answers both survive.
		for id, answers := range map[string]map[string]transition.Answer{"nil": nil, "empty": {}} {
			a := assessment(id, "org-1", "2027-03-02")
			a.Answers = answers
			_, err := s.Create(ctx, a)
			require.NoError(t, err)
			got, err := s.Get(ctx, transition.AssessmentID(id))
			require.NoError(t, err)
			require.Equal(t, answers == nil, got.Answers == nil, id)
			require.Empty(t, got.Answers, id)
		}

		// An unknown status is stored as given: the store checks identity
		// and versions only.
		odd := assessment("odd", "org-1", "2027-03-03")
		odd.Answers = map[string]transition.Answer{"x": {Status: "someday"}}
		_, err = s.Create(ctx, odd)
		require.NoError(t, err)
		got, err = s.Get(ctx, "odd")
		require.NoError(t, err)
		require.Equal(t, transition.Status("someday"), got.Answers["x"].Status)

		// What the table cannot hold is invalid.
		_, err = s.Create(ctx, assessment("", "org-1", "2027-03-01"))
		require.ErrorIs(t, err, homeward.ErrInvalid)
		noDate := assessment("d", "org-1", "2027-03-01")
		noDate.Date = homeward.Date{}
		_, err = s.Create(ctx, noDate)
		require.ErrorIs(t, err, homeward.ErrInvalid)

		// Delete distinguishes a stale version from a missing record.
		require.ErrorIs(t, s.Delete(ctx, "a1", 7), homeward.ErrConflict)
		require.NoError(t, s.Delete(ctx, "a1", 1))
		require.ErrorIs(t, s.Delete(ctx, "a1", 1), homeward.ErrNotFound)
	})
}

// TestAssessmentStoreErrorsKeepAnswersPrivate checks that errors name the
// record, never the answers.
func TestAssessmentStoreErrorsKeepAnswersPrivate(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		s := openTest(t, b).Assessments()
		ctx := context.Background()
		a := assessment("p1", "org-1", "2027-03-01")
		a.Answers["x"] = transition.Answer{Status: transition.StatusMet, Note: "SECRET-NOTE", Evidence: "SECRET-EVIDENCE"}
		stored, err := s.Create(ctx, a)
		require.NoError(t, err)
		_, err = s.Create(ctx, a)
		require.ErrorIs(t, err, homeward.ErrConflict)
		require.NotContains(t, err.Error(), "SECRET")
		a.Version = 99
		_, err = s.Update(ctx, a)
		require.ErrorIs(t, err, homeward.ErrConflict)
		require.NotContains(t, err.Error(), "SECRET")
		require.Contains(t, err.Error(), "p1")
		stored.ID = "nobody"
		_, err = s.Update(ctx, stored)
		require.ErrorIs(t, err, homeward.ErrNotFound)
	})
}

func TestAssessmentStoreList(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		s := openTest(t, b).Assessments()
		ctx := context.Background()
		// Ids whose byte order differs from a linguistic order.
		ids := []string{"B", "a", "a-1", "a_1", "Z", "é", "1"}
		for i, id := range ids {
			org := "org-1"
			if i%3 == 2 {
				org = "org-2"
			}
			for _, date := range []string{"2027-01-31", "2026-12-01"} {
				_, err := s.Create(ctx, assessment(date+"/"+id, org, date))
				require.NoError(t, err)
			}
		}
		mem := transition.NewMemoryStore()
		all, err := s.List(ctx, transition.Filter{Page: homeward.PageRequest{Limit: 1000}})
		require.NoError(t, err)
		for _, a := range all.Items {
			_, err := mem.Create(ctx, a)
			require.NoError(t, err)
		}

		filters := []transition.Filter{
			{},
			{Org: "org-1"},
			{Org: "org-2", Checklist: "transition-readiness"},
			{Checklist: "other"},
			{From: homeward.MustParseDate("2027-01-01")},
			{To: homeward.MustParseDate("2026-12-01")},
			{Org: "org-1", From: homeward.MustParseDate("2026-12-01"), To: homeward.MustParseDate("2027-01-31")},
		}
		for _, f := range filters {
			for _, limit := range []int{1, 2, 3, 50} {
				f.Page = homeward.PageRequest{Limit: limit}
				for pages := 0; ; pages++ {
					require.Less(t, pages, 100)
					want, err := mem.List(ctx, f)
					require.NoError(t, err)
					got, err := s.List(ctx, f)
					require.NoError(t, err)
					if d := cmp.Diff(want, got, cmp.Comparer(func(a, b homeward.Date) bool { return a == b })); d != "" {
						t.Fatalf("filter %+v: (-memory +sql)\n%s", f, d)
					}
					if got.Next == "" {
						break
					}
					f.Page.Cursor = got.Next
				}
			}
		}

		for _, cursor := range []string{"!!!", paging.Encode("no separator"), paging.Encode("2027-02-30\x00a")} {
			_, err := s.List(ctx, transition.Filter{Page: homeward.PageRequest{Cursor: cursor}})
			require.ErrorIs(t, err, homeward.ErrInvalid, cursor)
		}
	})
}

// TestConcurrentWritersFile hammers a file database from many goroutines
// and two DB handles: no write may fail with "database is locked".
func TestConcurrentWriters(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		dsn := b.dsn(t)
		ctx := context.Background()
		db1, err := Open(ctx, dsn)
		require.NoError(t, err)
		defer db1.Close()
		stores := []*AssessmentStore{db1.Assessments()}
		if b.name != "sqlite-memory" {
			db2, err := Open(ctx, dsn)
			require.NoError(t, err)
			defer db2.Close()
			stores = append(stores, db2.Assessments())
		}
		_, err = stores[0].Create(ctx, assessment("shared", "org-1", "2027-03-01"))
		require.NoError(t, err)

		const workers, rounds = 8, 10
		var (
			wg        sync.WaitGroup
			mu        sync.Mutex
			updated   int
			conflicts int
		)
		errs := make(chan error, workers*rounds*2)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := stores[w%len(stores)]
				for r := range rounds {
					if _, err := s.Create(ctx, assessment(fmt.Sprintf("w%d-%d", w, r), "org-1", "2027-03-02")); err != nil {
						errs <- err
					}
					cur, err := s.Get(ctx, "shared")
					if err != nil {
						errs <- err
						continue
					}
					_, err = s.Update(ctx, cur)
					mu.Lock()
					switch {
					case err == nil:
						updated++
					case errors.Is(err, homeward.ErrConflict):
						conflicts++
					default:
						errs <- err
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		got, err := stores[0].Get(ctx, "shared")
		require.NoError(t, err)
		require.Equal(t, int64(1+updated), got.Version)
		require.Equal(t, workers*rounds, updated+conflicts)
		page, err := stores[0].List(ctx, transition.Filter{Page: homeward.PageRequest{Limit: 1000}})
		require.NoError(t, err)
		require.Len(t, page.Items, 1+workers*rounds)
	})
}
