package cohorttest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/currency"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/cohort"
	"github.com/homewardkit/homeward/internal/storetest"
)

// TestStores runs the conformance suite. newStores must return new, empty
// stores on every call, with every store of cohort.Stores set; the suite
// calls it once per subtest.
func TestStores(t *testing.T, newStores func(t *testing.T) cohort.Stores) {
	run(t, "Programmes", newStores, programmes)
	run(t, "Cohorts", newStores, cohorts)
	run(t, "Networks", newStores, networks)
	run(t, "LearningActions", newStores, actions)
	run(t, "Submissions", newStores, submissions)
	run(t, "Discussions", newStores, discussions)
}

// store is what every store of the cohort package offers.
type store[K ~string, V any, F any] interface {
	Create(ctx context.Context, v V) (V, error)
	Get(ctx context.Context, id K) (V, error)
	Update(ctx context.Context, v V) (V, error)
	List(ctx context.Context, f F) (homeward.Page[V], error)
	Scan(ctx context.Context, f F, fn func(*V) error) error
}

// kind describes one store to the generic checks.
type kind[K ~string, V any, F any] struct {
	store func(cohort.Stores) store[K, V, F]
	// sample returns a record with every field set; records with a
	// higher i sort after those with a lower one (or equal, for ids in
	// order).
	sample  func(id string, i int) V
	id      func(*V) K
	version func(*V) *int64
	// touch changes a field visibly; touched reports whether it was.
	touch   func(*V)
	touched func(*V) bool
	// deep changes values behind references (slices, maps, pointers) in
	// place.
	deep func(*V)
	// all is a filter that every sample passes, with the page request.
	all func(homeward.PageRequest) F
	// filters checks the filters and the order on the stores.
	filters func(t *testing.T, s store[K, V, F])
}

func run[K ~string, V any, F any](t *testing.T, name string, newStores func(*testing.T) cohort.Stores, k kind[K, V, F]) {
	t.Run(name, func(t *testing.T) {
		get := func(t *testing.T) store[K, V, F] {
			s := k.store(newStores(t))
			require.NotNil(t, s, "the store is missing from cohort.Stores")
			return s
		}
		t.Run("CreateGet", func(t *testing.T) { testCreateGet(t, get(t), k) })
		t.Run("CreateConflict", func(t *testing.T) { testCreateConflict(t, get(t), k) })
		t.Run("Update", func(t *testing.T) { testUpdate(t, get(t), k) })
		t.Run("ListFilterOrder", func(t *testing.T) { k.filters(t, get(t)) })
		t.Run("ListPaging", func(t *testing.T) { testListPaging(t, get(t), k) })
		t.Run("ListBadCursor", func(t *testing.T) { testListBadCursor(t, get(t), k) })
		t.Run("Scan", func(t *testing.T) { testScan(t, get(t), k) })
		t.Run("CopyIsolation", func(t *testing.T) { testCopyIsolation(t, get(t), k) })
		t.Run("ConcurrentWriters", func(t *testing.T) { testConcurrentWriters(t, get(t), k) })
	})
}

var base = time.Date(2027, 3, 1, 9, 30, 15, 123456000, time.UTC)

func day(s string) homeward.Date { return homeward.MustParseDate(s) }

// opts compare records: instants by Equal, decimals by value, dates and
// currencies by value.
var opts = cmp.Options{
	cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmp.Comparer(func(a, b homeward.Date) bool { return a == b }),
	cmp.Comparer(func(a, b currency.Unit) bool { return a == b }),
}

func diff(want, got any) string { return cmp.Diff(want, got, opts) }

func testCreateGet[K ~string, V any, F any](t *testing.T, s store[K, V, F], k kind[K, V, F]) {
	ctx := context.Background()
	for i, id := range []string{"r1", "r2 ñ/é"} {
		in := k.sample(id, i)
		*k.version(&in) = 9
		got, err := s.Create(ctx, in)
		require.NoError(t, err)
		want := in
		*k.version(&want) = 1
		if d := diff(want, got); d != "" {
			t.Fatalf("Create returned (-want +got):\n%s", d)
		}
		got, err = s.Get(ctx, k.id(&in))
		require.NoError(t, err)
		if d := diff(want, got); d != "" {
			t.Fatalf("Get returned (-want +got):\n%s", d)
		}
	}
	_, err := s.Get(ctx, "missing")
	require.ErrorIs(t, err, homeward.ErrNotFound)
}

func testCreateConflict[K ~string, V any, F any](t *testing.T, s store[K, V, F], k kind[K, V, F]) {
	ctx := context.Background()
	first := k.sample("r1", 0)
	_, err := s.Create(ctx, first)
	require.NoError(t, err)
	second := k.sample("r1", 5)
	k.touch(&second)
	_, err = s.Create(ctx, second)
	require.ErrorIs(t, err, homeward.ErrConflict)
	got, err := s.Get(ctx, "r1")
	require.NoError(t, err)
	require.False(t, k.touched(&got), "a conflicting create must not overwrite")
}

func testUpdate[K ~string, V any, F any](t *testing.T, s store[K, V, F], k kind[K, V, F]) {
	ctx := context.Background()
	v, err := s.Create(ctx, k.sample("r1", 0))
	require.NoError(t, err)
	next := v
	k.touch(&next)
	got, err := s.Update(ctx, next)
	require.NoError(t, err)
	want := next
	*k.version(&want) = 2
	if d := diff(want, got); d != "" {
		t.Fatalf("Update returned (-want +got):\n%s", d)
	}
	stale := k.sample("r1", 0)
	*k.version(&stale) = 1
	k.deep(&stale)
	_, err = s.Update(ctx, stale)
	require.ErrorIs(t, err, homeward.ErrConflict, "version 1 is stale")
	got, err = s.Get(ctx, "r1")
	require.NoError(t, err)
	if d := diff(want, got); d != "" {
		t.Fatalf("a stale update changed the record (-want +got):\n%s", d)
	}
	missing := k.sample("zz", 0)
	*k.version(&missing) = 1
	_, err = s.Update(ctx, missing)
	require.ErrorIs(t, err, homeward.ErrNotFound)
}

// lister returns a function that lists every id that a filter selects,
// page by page (see storetest.ListAll); page points to the filter's page
// request.
func lister[K ~string, V any, F any](t *testing.T, s store[K, V, F], id func(*V) K, page func(*F) *homeward.PageRequest) func(F) []string {
	return func(f F) []string {
		t.Helper()
		return storetest.ListAll(t, s.List, f, page, id)
	}
}

func testListPaging[K ~string, V any, F any](t *testing.T, s store[K, V, F], k kind[K, V, F]) {
	ctx := context.Background()
	var want []string
	for i := range 23 {
		id := fmt.Sprintf("r%02d", i)
		_, err := s.Create(ctx, k.sample(id, i/3))
		require.NoError(t, err)
		want = append(want, id)
	}
	// k.all builds the filter around each page request.
	list := func(ctx context.Context, page homeward.PageRequest) (homeward.Page[V], error) {
		return s.List(ctx, k.all(page))
	}
	self := func(page *homeward.PageRequest) *homeward.PageRequest { return page }
	for _, limit := range []int{1, 2, 5, 22, 23, 24} {
		got := storetest.ListAll(t, list, homeward.PageRequest{Limit: limit}, self, k.id)
		require.Equal(t, want, got, "limit %d", limit)
	}
	p, err := s.List(ctx, k.all(homeward.PageRequest{}))
	require.NoError(t, err)
	require.Len(t, p.Items, 23, "the default limit is %d", homeward.DefaultPageLimit)
	require.Empty(t, p.Next)
}

func testListBadCursor[K ~string, V any, F any](t *testing.T, s store[K, V, F], k kind[K, V, F]) {
	_, err := s.Create(context.Background(), k.sample("r1", 0))
	require.NoError(t, err)
	_, err = s.List(context.Background(), k.all(homeward.PageRequest{Cursor: "!!not-a-cursor!!"}))
	require.ErrorIs(t, err, homeward.ErrInvalid)
}

func testScan[K ~string, V any, F any](t *testing.T, s store[K, V, F], k kind[K, V, F]) {
	ctx := context.Background()
	for i := range 5 {
		_, err := s.Create(ctx, k.sample(fmt.Sprintf("r%d", i), i))
		require.NoError(t, err)
	}
	var got []string
	require.NoError(t, s.Scan(ctx, k.all(homeward.PageRequest{Limit: 1}), func(v *V) error {
		got = append(got, string(k.id(v)))
		return nil
	}))
	slices.Sort(got)
	require.Equal(t, []string{"r0", "r1", "r2", "r3", "r4"}, got, "Scan ignores paging")
	stop := errors.New("stop")
	n := 0
	err := s.Scan(ctx, k.all(homeward.PageRequest{}), func(*V) error { n++; return stop })
	require.ErrorIs(t, err, stop)
	require.Equal(t, 1, n, "Scan stops at the first error")
}

func testCopyIsolation[K ~string, V any, F any](t *testing.T, s store[K, V, F], k kind[K, V, F]) {
	ctx := context.Background()
	in := k.sample("r1", 0)
	created, err := s.Create(ctx, in)
	require.NoError(t, err)
	want := k.sample("r1", 0)
	*k.version(&want) = 1
	k.deep(&in)
	k.deep(&created)
	got, err := s.Get(ctx, "r1")
	require.NoError(t, err)
	if d := diff(want, got); d != "" {
		t.Fatalf("changing the input or the result of Create changed the store (-want +got):\n%s", d)
	}
	k.deep(&got)
	require.NoError(t, s.Scan(ctx, k.all(homeward.PageRequest{}), func(v *V) error { k.deep(v); return nil }))
	p, err := s.List(ctx, k.all(homeward.PageRequest{}))
	require.NoError(t, err)
	require.Len(t, p.Items, 1)
	k.deep(&p.Items[0])
	got, err = s.Get(ctx, "r1")
	require.NoError(t, err)
	if d := diff(want, got); d != "" {
		t.Fatalf("changing a value from Get, Scan or List changed the store (-want +got):\n%s", d)
	}
	next := got
	k.touch(&next)
	updated, err := s.Update(ctx, next)
	require.NoError(t, err)
	k.deep(&next)
	k.deep(&updated)
	got, err = s.Get(ctx, "r1")
	require.NoError(t, err)
	k.touch(&want)
	*k.version(&want) = 2
	if d := diff(want, got); d != "" {
		t.Fatalf("changing the input or the result of Update changed the store (-want +got):\n%s", d)
	}
}

func testConcurrentWriters[K ~string, V any, F any](t *testing.T, s store[K, V, F], k kind[K, V, F]) {
	ctx := context.Background()
	v, err := s.Create(ctx, k.sample("r1", 0))
	require.NoError(t, err)
	storetest.Race(t, 8, func(int) error {
		mine := v
		k.touch(&mine)
		_, err := s.Update(ctx, mine)
		return err
	})
	got, err := s.Get(ctx, "r1")
	require.NoError(t, err)
	require.Equal(t, int64(2), *k.version(&got))
	storetest.Race(t, 8, func(i int) error {
		_, err := s.Create(ctx, k.sample("same", i))
		return err
	})
}
