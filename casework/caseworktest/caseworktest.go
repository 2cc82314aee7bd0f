package caseworktest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
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
	"github.com/homewardkit/homeward/internal/storetest"
)

// TestStores runs the conformance suite. newStores must return new, empty
// stores on every call; the suite calls it once per subtest and uses one of
// the stores it returns.
func TestStores(t *testing.T, newStores func(t *testing.T) casework.Stores) {
	t.Run("Cases", func(t *testing.T) {
		newStore := func(t *testing.T) store[casework.CaseID, casework.Case, casework.CaseFilter] {
			return newStores(t).Cases
		}
		testStore(t, caseKind, newStore)
		t.Run("ListFilterOrder", func(t *testing.T) { testCaseList(t, newStore(t)) })
	})
	t.Run("Households", func(t *testing.T) {
		newStore := func(t *testing.T) store[casework.HouseholdID, casework.Household, casework.HouseholdFilter] {
			return newStores(t).Households
		}
		testStore(t, householdKind, newStore)
		t.Run("ListFilterOrder", func(t *testing.T) { testHouseholdList(t, newStore(t)) })
		t.Run("Money", func(t *testing.T) { testMoney(t, newStore(t)) })
	})
	t.Run("Assessments", func(t *testing.T) {
		newStore := func(t *testing.T) store[casework.AssessmentID, casework.Assessment, casework.AssessmentFilter] {
			return newStores(t).Assessments
		}
		testStore(t, assessmentKind, newStore)
		t.Run("ListFilterOrder", func(t *testing.T) { testAssessmentList(t, newStore(t)) })
		t.Run("ChildStatusSummaries", func(t *testing.T) {
			s := newStores(t).Assessments
			if _, ok := s.(casework.ChildStatusScanner); !ok {
				t.Skip("the store does not implement casework.ChildStatusScanner")
			}
			testChildStatusSummaries(t, s)
		})
	})
	t.Run("Plans", func(t *testing.T) {
		newStore := func(t *testing.T) store[casework.PlanID, casework.Plan, casework.PlanFilter] {
			return newStores(t).Plans
		}
		testStore(t, planKind, newStore)
		t.Run("ListFilterOrder", func(t *testing.T) { testPlanList(t, newStore(t)) })
	})
	t.Run("Notes", func(t *testing.T) {
		newStore := func(t *testing.T) store[casework.NoteID, casework.Note, casework.NoteFilter] {
			return newStores(t).Notes
		}
		testStore(t, noteKind, newStore)
		t.Run("ListFilterOrder", func(t *testing.T) { testNoteList(t, newStore(t)) })
	})
}

// store is what the five store interfaces have in common.
type store[K ~string, V, F any] interface {
	Create(ctx context.Context, v V) (V, error)
	Get(ctx context.Context, id K) (V, error)
	Update(ctx context.Context, v V) (V, error)
	List(ctx context.Context, f F) (homeward.Page[V], error)
	Scan(ctx context.Context, f F, fn func(*V) error) error
}

// kind describes one record type to the generic tests.
type kind[K ~string, V, F any] struct {
	// sample returns a record with every field set (see requireAllSet).
	sample func(id, org string, day homeward.Date) V
	id     func(*V) K
	// version points at the record's version.
	version func(*V) *int64
	clone   func(V) V
	// key is the sort key of the documented list order.
	key func(*V) string
	// text and setText read and write a field that updates change.
	text    func(*V) string
	setText func(*V, string)
	// scribble changes, in place, an element of every nested slice and map
	// of the record, and a plain field: what a careless caller would do to
	// a value it shares with the store.
	scribble func(*V)
	// filter selects one organisation's records.
	filter func(org string) F
	// page points at the filter's page request.
	page func(*F) *homeward.PageRequest
}

// testStore runs the tests every store shares.
func testStore[K ~string, V, F any](t *testing.T, k kind[K, V, F], newStore func(*testing.T) store[K, V, F]) {
	t.Run("CreateGet", func(t *testing.T) { testCreateGet(t, k, newStore(t)) })
	t.Run("CreateConflict", func(t *testing.T) { testCreateConflict(t, k, newStore(t)) })
	t.Run("GetNotFound", func(t *testing.T) { testGetNotFound(t, newStore(t)) })
	t.Run("Update", func(t *testing.T) { testUpdate(t, k, newStore(t)) })
	t.Run("UpdateConflict", func(t *testing.T) { testUpdateConflict(t, k, newStore(t)) })
	t.Run("UpdateNotFound", func(t *testing.T) { testUpdateNotFound(t, k, newStore(t)) })
	t.Run("ListPaging", func(t *testing.T) { testListPaging(t, k, newStore(t)) })
	t.Run("ListEmpty", func(t *testing.T) { testListEmpty(t, k, newStore(t)) })
	t.Run("ListBadCursor", func(t *testing.T) { testListBadCursor(t, k, newStore(t)) })
	t.Run("Scan", func(t *testing.T) { testScan(t, k, newStore(t)) })
	t.Run("CopyIsolation", func(t *testing.T) { testCopyIsolation(t, k, newStore(t)) })
	t.Run("ConcurrentWriters", func(t *testing.T) { testConcurrentWriters(t, k, newStore(t)) })
	t.Run("ConcurrentCreates", func(t *testing.T) { testConcurrentCreates(t, k, newStore(t)) })
}

// base is the time stamps' origin: UTC, at microsecond precision, which
// every store keeps.
var base = time.Date(2027, 3, 1, 9, 30, 15, 123456000, time.UTC)

// day0 is the date samples are built around.
var day0 = homeward.MustParseDate("2027-03-01")

// diff compares records: times and decimals by value, dates by Equal,
// currencies by identity; nil and empty slices and maps count as equal.
func diff(want, got any) string {
	return cmp.Diff(want, got,
		cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b homeward.Date) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b currency.Unit) bool { return a == b }),
		cmpopts.EquateEmpty())
}

// requireAllSet fails unless every field of v is set, recursively through
// structs, pointers, slices (which must not be empty) and maps (likewise):
// a round trip of such a value proves that a store keeps every field.
// Structs with unexported fields (times, dates, decimals, currencies) count
// as set when they are not their zero value.
func requireAllSet(t *testing.T, v any) {
	t.Helper()
	var missing []string
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				missing = append(missing, path)
				return
			}
			walk(path, v.Elem())
		case reflect.Slice, reflect.Map:
			if v.Len() == 0 {
				missing = append(missing, path)
				return
			}
			if v.Kind() == reflect.Slice {
				for i := range v.Len() {
					walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
				}
				return
			}
			iter := v.MapRange()
			for iter.Next() {
				walk(fmt.Sprintf("%s[%v]", path, iter.Key()), iter.Value())
			}
		case reflect.Struct:
			ty := v.Type()
			exported := true
			for i := range ty.NumField() {
				exported = exported && ty.Field(i).IsExported()
			}
			if !exported {
				if v.IsZero() {
					missing = append(missing, path)
				}
				return
			}
			for i := range ty.NumField() {
				walk(path+"."+ty.Field(i).Name, v.Field(i))
			}
		default:
			if v.IsZero() {
				missing = append(missing, path)
			}
		}
	}
	walk(reflect.TypeOf(v).Name(), reflect.ValueOf(v))
	require.Empty(t, missing, "the sample must set every field")
}

func testCreateGet[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	ctx := context.Background()
	in := k.sample("r1", "org-1", day0)
	*k.version(&in) = 42 // ignored: a new record starts at version 1
	got, err := s.Create(ctx, in)
	require.NoError(t, err)
	want := k.clone(in)
	*k.version(&want) = 1
	requireAllSet(t, want)
	if d := diff(want, got); d != "" {
		t.Fatalf("Create returned (-want +got):\n%s", d)
	}
	got, err = s.Get(ctx, "r1")
	require.NoError(t, err)
	if d := diff(want, got); d != "" {
		t.Fatalf("Get returned (-want +got):\n%s", d)
	}
	requireUTC(t, got)
}

// requireUTC fails when a time of v is not in UTC.
func requireUTC(t *testing.T, v any) {
	t.Helper()
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.Struct:
			if tm, ok := v.Interface().(time.Time); ok {
				require.Equal(t, time.UTC, tm.Location(), "%s: times come back in UTC", path)
				return
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(path+"."+v.Type().Field(i).Name, v.Field(i))
				}
			}
		}
	}
	walk(reflect.TypeOf(v).Name(), reflect.ValueOf(v))
}

func testCreateConflict[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	ctx := context.Background()
	first, err := s.Create(ctx, k.sample("r1", "org-1", day0))
	require.NoError(t, err)
	other := k.sample("r1", "org-2", day0.AddDays(30))
	k.setText(&other, "the second create")
	_, err = s.Create(ctx, other)
	require.ErrorIs(t, err, homeward.ErrConflict)
	got, err := s.Get(ctx, "r1")
	require.NoError(t, err)
	if d := diff(first, got); d != "" {
		t.Fatalf("a refused create changed the stored record (-want +got):\n%s", d)
	}
}

func testGetNotFound[K ~string, V, F any](t *testing.T, s store[K, V, F]) {
	_, err := s.Get(context.Background(), "missing")
	require.ErrorIs(t, err, homeward.ErrNotFound)
}

func testUpdate[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	ctx := context.Background()
	v, err := s.Create(ctx, k.sample("r1", "org-1", day0))
	require.NoError(t, err)
	k.setText(&v, "changed")
	k.scribble(&v) // nested parts change too
	got, err := s.Update(ctx, v)
	require.NoError(t, err)
	want := k.clone(v)
	*k.version(&want) = 2
	if d := diff(want, got); d != "" {
		t.Fatalf("Update returned (-want +got):\n%s", d)
	}
	got, err = s.Get(ctx, "r1")
	require.NoError(t, err)
	if d := diff(want, got); d != "" {
		t.Fatalf("Get after Update returned (-want +got):\n%s", d)
	}

	// The returned value updates again.
	k.setText(&got, "changed again")
	got, err = s.Update(ctx, got)
	require.NoError(t, err)
	require.Equal(t, int64(3), *k.version(&got))
	got, err = s.Get(ctx, "r1")
	require.NoError(t, err)
	require.Equal(t, "changed again", k.text(&got))
	require.Equal(t, int64(3), *k.version(&got))
}

func testUpdateConflict[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	ctx := context.Background()
	v, err := s.Create(ctx, k.sample("r1", "org-1", day0))
	require.NoError(t, err)
	first := k.clone(v)
	k.setText(&first, "first writer")
	_, err = s.Update(ctx, first)
	require.NoError(t, err)

	stale := k.clone(v) // still version 1
	k.setText(&stale, "second writer")
	k.scribble(&stale)
	_, err = s.Update(ctx, stale)
	require.ErrorIs(t, err, homeward.ErrConflict)
	got, err := s.Get(ctx, "r1")
	require.NoError(t, err)
	want := k.clone(first)
	*k.version(&want) = 2
	if d := diff(want, got); d != "" {
		t.Fatalf("a stale update overwrote the record (-want +got):\n%s", d)
	}

	for _, version := range []int64{0, 3, 7} {
		wrong := k.clone(got)
		*k.version(&wrong) = version
		k.setText(&wrong, "wrong version")
		_, err = s.Update(ctx, wrong)
		require.ErrorIs(t, err, homeward.ErrConflict, "version %d", version)
	}
	again, err := s.Get(ctx, "r1")
	require.NoError(t, err)
	if d := diff(want, again); d != "" {
		t.Fatalf("an update with a wrong version overwrote the record (-want +got):\n%s", d)
	}
}

func testUpdateNotFound[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	ctx := context.Background()
	v := k.sample("missing", "org-1", day0)
	*k.version(&v) = 1
	_, err := s.Update(ctx, v)
	require.ErrorIs(t, err, homeward.ErrNotFound)
	_, err = s.Get(ctx, "missing")
	require.ErrorIs(t, err, homeward.ErrNotFound, "an update does not create")
}

// listAll pages through the list with f, checking every page's size (see
// storetest.ListAll), and returns the ids in the order listed.
func listAll[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F], f F) []string {
	t.Helper()
	return storetest.ListAll(t, s.List, f, k.page, k.id)
}

func testListPaging[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	ctx := context.Background()
	const n = 13
	// Records of org-1, three per day, with ids that do not follow the
	// list order of the dated records, created out of order; and records
	// of org-2 in between, which the filter leaves out.
	var all []V
	for i := range n {
		all = append(all, k.sample(fmt.Sprintf("p%02d", (i*5)%n), "org-1", day0.AddDays(i/3)))
	}
	for i := range 4 {
		all = append(all, k.sample(fmt.Sprintf("p%02d-other", i*3), "org-2", day0.AddDays(i)))
	}
	sorted := slices.Clone(all[:n])
	slices.SortFunc(sorted, func(a, b V) int { return strings.Compare(k.key(&a), k.key(&b)) })
	var want []string
	for i := range sorted {
		want = append(want, string(k.id(&sorted[i])))
	}
	for _, i := range []int{7, 2, 16, 12, 0, 9, 14, 4, 11, 1, 6, 13, 3, 15, 10, 5, 8} {
		_, err := s.Create(ctx, all[i])
		require.NoError(t, err)
	}

	for limit := 1; limit <= n+1; limit++ {
		f := k.filter("org-1")
		k.page(&f).Limit = limit
		got := listAll(t, k, s, f)
		require.Equal(t, want, got, "limit %d: every record once, in order", limit)
	}
	f := k.filter("org-1")
	k.page(&f).Limit = n
	p, err := s.List(ctx, f)
	require.NoError(t, err)
	require.Len(t, p.Items, n)
	require.Empty(t, p.Next, "the last page has no cursor")

	// The default limit covers the records in one page.
	p, err = s.List(ctx, k.filter("org-1"))
	require.NoError(t, err)
	require.Len(t, p.Items, n)
	require.Empty(t, p.Next)

	// A record added behind the cursor does not disturb the pages ahead.
	f = k.filter("org-1")
	k.page(&f).Limit = 5
	p, err = s.List(ctx, f)
	require.NoError(t, err)
	require.NotEmpty(t, p.Next)
	_, err = s.Create(ctx, k.sample("a-early", "org-1", day0.AddDays(-1)))
	require.NoError(t, err)
	k.page(&f).Cursor = p.Next
	require.Equal(t, want[5:], listAll(t, k, s, f))
}

func testListEmpty[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	ctx := context.Background()
	var zero F
	p, err := s.List(ctx, zero)
	require.NoError(t, err)
	require.NotNil(t, p.Items, "an empty page has an empty, non-nil slice")
	require.Empty(t, p.Items)
	require.Empty(t, p.Next)

	_, err = s.Create(ctx, k.sample("r1", "org-1", day0))
	require.NoError(t, err)
	p, err = s.List(ctx, k.filter("org-none"))
	require.NoError(t, err)
	require.NotNil(t, p.Items, "an empty page has an empty, non-nil slice")
	require.Empty(t, p.Items)
	require.Empty(t, p.Next)
}

func testListBadCursor[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	_, err := s.Create(context.Background(), k.sample("r1", "org-1", day0))
	require.NoError(t, err)
	for _, c := range []string{"!!not-a-cursor!!", "%%%", "a b"} {
		f := k.filter("org-1")
		k.page(&f).Cursor = c
		_, err := s.List(context.Background(), f)
		require.ErrorIs(t, err, homeward.ErrInvalid, "cursor %q", c)
	}
}

func testCopyIsolation[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	ctx := context.Background()
	in := k.sample("r1", "org-1", day0)
	created, err := s.Create(ctx, in)
	require.NoError(t, err)
	want := k.clone(created)

	check := func(what string) {
		t.Helper()
		got, err := s.Get(ctx, "r1")
		require.NoError(t, err)
		if d := diff(want, got); d != "" {
			t.Fatalf("changing %s changed the store (-want +got):\n%s", what, d)
		}
	}
	k.scribble(&in)
	check("the input of Create")
	k.scribble(&created)
	check("the value Create returned")

	got, err := s.Get(ctx, "r1")
	require.NoError(t, err)
	k.scribble(&got)
	check("a value Get returned")

	p, err := s.List(ctx, k.filter("org-1"))
	require.NoError(t, err)
	require.Len(t, p.Items, 1)
	k.scribble(&p.Items[0])
	check("a listed value")

	upd, err := s.Get(ctx, "r1")
	require.NoError(t, err)
	k.setText(&upd, "updated")
	updated, err := s.Update(ctx, upd)
	require.NoError(t, err)
	want = k.clone(updated)
	k.scribble(&upd)
	check("the input of Update")
	k.scribble(&updated)
	check("the value Update returned")
}

func testConcurrentWriters[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	ctx := context.Background()
	v, err := s.Create(ctx, k.sample("r1", "org-1", day0))
	require.NoError(t, err)
	const writers = 8
	winner := storetest.Race(t, writers, func(i int) error {
		mine := k.clone(v)
		k.setText(&mine, fmt.Sprintf("writer %d", i))
		_, err := s.Update(ctx, mine)
		return err
	})
	got, err := s.Get(ctx, "r1")
	require.NoError(t, err)
	require.Equal(t, fmt.Sprintf("writer %d", winner), k.text(&got), "the winner's update is stored")
	require.Equal(t, int64(2), *k.version(&got))

	// Writers that re-read and retry all land, one version each.
	storetest.Retry(t, writers, func() error {
		cur, err := s.Get(ctx, "r1")
		if err != nil {
			return err
		}
		_, err = s.Update(ctx, cur)
		return err
	})
	got, err = s.Get(ctx, "r1")
	require.NoError(t, err)
	require.Equal(t, int64(2+writers), *k.version(&got), "every retried update counts once")
}

func testConcurrentCreates[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	ctx := context.Background()
	winner := storetest.Race(t, 8, func(i int) error {
		_, err := s.Create(ctx, k.sample("same", fmt.Sprintf("org-%d", i), day0))
		return err
	})
	p, err := s.List(ctx, k.filter(fmt.Sprintf("org-%d", winner)))
	require.NoError(t, err)
	require.Len(t, p.Items, 1, "the winner's record is the one stored")
	require.Equal(t, "same", string(k.id(&p.Items[0])))
}

// scanIDs returns the ids Scan visits with f, sorted.
func scanIDs[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F], f F) []string {
	t.Helper()
	var out []string
	err := s.Scan(context.Background(), f, func(v *V) error {
		out = append(out, string(k.id(v)))
		return nil
	})
	require.NoError(t, err)
	slices.Sort(out)
	return out
}

func testScan[K ~string, V, F any](t *testing.T, k kind[K, V, F], s store[K, V, F]) {
	ctx := context.Background()
	require.Empty(t, scanIDs(t, k, s, k.filter("org-1")), "an empty store")

	var want []string
	for i := range 7 {
		id := fmt.Sprintf("s%d", i)
		_, err := s.Create(ctx, k.sample(id, "org-1", day0.AddDays(-i)))
		require.NoError(t, err)
		want = append(want, id)
		_, err = s.Create(ctx, k.sample(id+"-other", "org-2", day0))
		require.NoError(t, err)
	}
	require.Equal(t, want, scanIDs(t, k, s, k.filter("org-1")), "every matching record, once")
	require.Empty(t, scanIDs(t, k, s, k.filter("org-none")))
	f := k.filter("org-1")
	*k.page(&f) = homeward.PageRequest{Limit: 2, Cursor: "!!not-a-cursor!!"}
	require.Equal(t, want, scanIDs(t, k, s, f), "the page request is ignored")

	// The first error fn returns ends the scan and is returned.
	stop := errors.New("stop")
	calls := 0
	err := s.Scan(ctx, k.filter("org-1"), func(*V) error {
		calls++
		if calls == 3 {
			return fmt.Errorf("third record: %w", stop)
		}
		return nil
	})
	require.ErrorIs(t, err, stop)
	require.Equal(t, 3, calls, "no record after the error")
}
