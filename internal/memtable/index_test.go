package memtable_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/memtable"
)

type item struct {
	ID      string
	Group   string
	Rank    string
	Tags    []string
	Version int64
}

func newItems() *memtable.Table[string, item] {
	t := memtable.New("item", func(r *item) string { return r.ID }, func(r *item) *int64 { return &r.Version },
		func(r item) item { r.Tags = slices.Clone(r.Tags); return r })
	t.AddIndex("group", func(r *item) []string {
		if r.Group == "" {
			return nil
		}
		return []string{r.Group}
	}, nil)
	t.AddIndex("tag", func(r *item) []string { return r.Tags }, rankKey)
	return t
}

func rankKey(r *item) string { return r.Rank + "\x00" + r.ID }

// ids returns the ids of every page of the list, following cursors.
func ids(t *testing.T, list func(homeward.PageRequest) (homeward.Page[item], error), limit int) []string {
	t.Helper()
	var out []string
	req := homeward.PageRequest{Limit: limit}
	for range 1000 {
		p, err := list(req)
		require.NoError(t, err)
		require.NotNil(t, p.Items)
		for _, it := range p.Items {
			out = append(out, it.ID)
		}
		if p.Next == "" {
			return out
		}
		require.Len(t, p.Items, limit, "only a full page has a next page")
		req.Cursor = p.Next
	}
	t.Fatal("paging does not end")
	return nil
}

func byGroup(tb *memtable.Table[string, item], g string, keep func(*item) bool) func(homeward.PageRequest) (homeward.Page[item], error) {
	return func(r homeward.PageRequest) (homeward.Page[item], error) { return tb.ListIndex("group", g, keep, r) }
}

func TestIndexListsInOrderAndPages(t *testing.T) {
	tb := memtable.New("item", func(r *item) string { return r.ID }, func(r *item) *int64 { return &r.Version }, nil)
	for i := range 25 {
		_, err := tb.Create(item{ID: fmt.Sprintf("i%02d", 24-i), Group: []string{"a", "b"}[i%2]})
		require.NoError(t, err)
	}
	// Added after the values: they are indexed at once.
	tb.AddIndex("group", func(r *item) []string { return []string{r.Group} }, nil)
	var wantA []string
	for i := range 25 {
		if id := fmt.Sprintf("i%02d", i); (24-i)%2 == 0 {
			wantA = append(wantA, id)
		}
	}
	for _, limit := range []int{1, 2, 5, 13, 50} {
		require.Equal(t, wantA, ids(t, byGroup(tb, "a", nil), limit), "limit %d", limit)
	}
	odd := func(r *item) bool { return r.ID[2]%2 == 1 }
	var wantOdd []string
	for _, id := range wantA {
		if id[2]%2 == 1 {
			wantOdd = append(wantOdd, id)
		}
	}
	require.Equal(t, wantOdd, ids(t, byGroup(tb, "a", odd), 2))

	// The cursors of List and ListIndex are interchangeable when the orders agree.
	inA := func(r *item) bool { return r.Group == "a" }
	first, err := tb.List(inA, func(r *item) string { return r.ID }, homeward.PageRequest{Limit: 4})
	require.NoError(t, err)
	rest := ids(t, func(r homeward.PageRequest) (homeward.Page[item], error) {
		if r.Cursor == "" {
			r.Cursor = first.Next
		}
		return tb.ListIndex("group", "a", nil, r)
	}, 3)
	require.Equal(t, wantA[4:], rest)

	empty, err := tb.ListIndex("group", "none", nil, homeward.PageRequest{})
	require.NoError(t, err)
	require.Equal(t, homeward.Page[item]{Items: []item{}}, empty)
	_, err = tb.ListIndex("nope", "a", nil, homeward.PageRequest{})
	require.Error(t, err)
	_, err = tb.ListIndex("group", "a", nil, homeward.PageRequest{Cursor: "!!"})
	require.ErrorIs(t, err, homeward.ErrInvalid)
}

func TestIndexFollowsUpdatesAndDeletes(t *testing.T) {
	tb := newItems()
	for _, it := range []item{
		{ID: "1", Group: "a", Rank: "m", Tags: []string{"x", "y"}},
		{ID: "2", Group: "a", Rank: "c", Tags: []string{"x"}},
		{ID: "3", Group: "b", Rank: "z"},
	} {
		_, err := tb.Create(it)
		require.NoError(t, err)
	}
	tag := func(k string) []string {
		return ids(t, func(r homeward.PageRequest) (homeward.Page[item], error) { return tb.ListIndex("tag", k, nil, r) }, 10)
	}
	require.Equal(t, []string{"1", "2"}, ids(t, byGroup(tb, "a", nil), 10))
	require.Equal(t, []string{"2", "1"}, tag("x"), "ordered by rank")
	require.Equal(t, []string{"1"}, tag("y"))

	// Move 1 from group a to b, from tags x,y to y,z, and to the front of the order.
	one, err := tb.Get("1")
	require.NoError(t, err)
	one.Group, one.Rank, one.Tags = "b", "a", []string{"y", "z"}
	_, err = tb.Update(one)
	require.NoError(t, err)
	require.Equal(t, []string{"2"}, ids(t, byGroup(tb, "a", nil), 10))
	require.Equal(t, []string{"1", "3"}, ids(t, byGroup(tb, "b", nil), 10))
	require.Equal(t, []string{"2"}, tag("x"))
	require.Equal(t, []string{"1"}, tag("z"))

	// A failed update changes no index.
	one.Group = "c"
	_, err = tb.Update(one)
	require.ErrorIs(t, err, homeward.ErrConflict)
	require.Empty(t, ids(t, byGroup(tb, "c", nil), 10))

	// Leaving the index (no key) and deleting.
	three, err := tb.Get("3")
	require.NoError(t, err)
	three.Group = ""
	_, err = tb.Update(three)
	require.NoError(t, err)
	require.Equal(t, []string{"1"}, ids(t, byGroup(tb, "b", nil), 10))
	require.NoError(t, tb.Delete("1", 2))
	require.Empty(t, ids(t, byGroup(tb, "b", nil), 10))
	require.Empty(t, tag("y"))
	require.Empty(t, tag("z"))
	_, err = tb.Create(item{ID: "1", Group: "a", Tags: []string{"x"}})
	require.NoError(t, err)
	require.Equal(t, []string{"1", "2"}, ids(t, byGroup(tb, "a", nil), 10))
	require.Equal(t, []string{"1", "2"}, tag("x"), "rank '' sorts first")
}

func TestIndexCopiesOut(t *testing.T) {
	tb := newItems()
	_, err := tb.Create(item{ID: "1", Group: "a", Tags: []string{"x"}})
	require.NoError(t, err)
	p, err := tb.ListIndex("group", "a", nil, homeward.PageRequest{})
	require.NoError(t, err)
	p.Items[0].Tags[0] = "changed"
	p.Items[0].Group = "b"
	got, err := tb.Get("1")
	require.NoError(t, err)
	require.Equal(t, []string{"x"}, got.Tags)
	require.Equal(t, "a", got.Group)
}

func TestObserve(t *testing.T) {
	tb := newItems()
	_, err := tb.Create(item{ID: "0", Group: "a"})
	require.NoError(t, err)
	var log []string
	tb.Observe(func(old, cur *item) {
		switch {
		case old == nil:
			log = append(log, "create "+cur.ID+" "+cur.Group)
		case cur == nil:
			log = append(log, "delete "+old.ID+" "+old.Group)
		default:
			log = append(log, "update "+old.Group+"->"+cur.Group)
		}
	})
	_, err = tb.Create(item{ID: "1", Group: "a"})
	require.NoError(t, err)
	_, err = tb.Update(item{ID: "1", Group: "b", Version: 1})
	require.NoError(t, err)
	_, err = tb.Update(item{ID: "1", Group: "c", Version: 1})
	require.ErrorIs(t, err, homeward.ErrConflict)
	require.NoError(t, tb.Delete("1", 2))
	require.Equal(t, []string{"create 0 a", "create 1 a", "update a->b", "delete 1 b"}, log)
}

// TestIndexAgreesWithScan applies random changes and checks that every
// index key lists exactly what a full scan finds, in the same order.
func TestIndexAgreesWithScan(t *testing.T) {
	tb := newItems()
	rng := rand.New(rand.NewPCG(3, 4))
	groups := []string{"", "a", "b", "c"}
	tags := []string{"x", "y", "z"}
	live := map[string]int64{}
	for step := range 3000 {
		id := fmt.Sprintf("r%03d", rng.IntN(300))
		it := item{ID: id, Group: groups[rng.IntN(len(groups))], Rank: string(rune('a' + rng.IntN(5)))}
		for _, tg := range tags {
			if rng.IntN(2) == 0 {
				it.Tags = append(it.Tags, tg)
			}
		}
		v, ok := live[id]
		switch {
		case !ok:
			_, err := tb.Create(it)
			require.NoError(t, err)
			live[id] = 1
		case rng.IntN(4) == 0:
			require.NoError(t, tb.Delete(id, v))
			delete(live, id)
		default:
			it.Version = v
			_, err := tb.Update(it)
			require.NoError(t, err)
			live[id] = v + 1
		}
		if step%250 != 0 {
			continue
		}
		for _, g := range groups[1:] {
			want := scan(t, tb, func(r *item) bool { return r.Group == g }, func(r *item) string { return r.ID })
			require.Equal(t, want, ids(t, byGroup(tb, g, nil), 7), "group %s", g)
		}
		for _, tg := range tags {
			want := scan(t, tb, func(r *item) bool { return slices.Contains(r.Tags, tg) }, rankKey)
			got := ids(t, func(r homeward.PageRequest) (homeward.Page[item], error) { return tb.ListIndex("tag", tg, nil, r) }, 11)
			require.Equal(t, want, got, "tag %s", tg)
		}
		// Several keys: merged in order, a value under two of them once.
		want := scan(t, tb, func(r *item) bool { return slices.Contains(r.Tags, "x") || slices.Contains(r.Tags, "z") }, rankKey)
		got := ids(t, func(r homeward.PageRequest) (homeward.Page[item], error) {
			return tb.ListIndexKeys("tag", []string{"z", "x", "none"}, nil, r)
		}, 9)
		require.Equal(t, want, got, "tags x or z")
		want = scan(t, tb, func(r *item) bool { return r.Group != "" }, func(r *item) string { return r.ID })
		got = ids(t, func(r homeward.PageRequest) (homeward.Page[item], error) {
			return tb.ListIndexKeys("group", groups[1:], nil, r)
		}, 13)
		require.Equal(t, want, got, "every group")
	}
}

func scan(t *testing.T, tb *memtable.Table[string, item], keep func(*item) bool, key func(*item) string) []string {
	return ids(t, func(r homeward.PageRequest) (homeward.Page[item], error) { return tb.List(keep, key, r) }, 1000)
}

// TestIndexConcurrent moves values between index keys from several
// goroutines while others page through the index; run it with -race.
func TestIndexConcurrent(t *testing.T) {
	tb := newItems()
	const n = 200
	for i := range n {
		_, err := tb.Create(item{ID: fmt.Sprintf("r%03d", i), Group: "a", Tags: []string{"x"}})
		require.NoError(t, err)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 1))
			for range 300 {
				id := fmt.Sprintf("r%03d", rng.IntN(n))
				it, err := tb.Get(id)
				if err != nil {
					continue
				}
				it.Group = []string{"a", "b"}[rng.IntN(2)]
				it.Rank = string(rune('a' + rng.IntN(26)))
				_, _ = tb.Update(it) // a conflict with another writer is fine
			}
		})
	}
	for range 4 {
		wg.Go(func() {
			for range 50 {
				for _, g := range []string{"a", "b"} {
					p, err := tb.ListIndex("group", g, nil, homeward.PageRequest{Limit: 1000})
					if err != nil {
						t.Error(err)
						return
					}
					for _, it := range p.Items {
						if it.Group != g {
							t.Errorf("%s listed under %s is in %s", it.ID, g, it.Group)
						}
					}
				}
				if _, err := tb.ListIndex("tag", "x", nil, homeward.PageRequest{Limit: 10}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	a := ids(t, byGroup(tb, "a", nil), 1000)
	b := ids(t, byGroup(tb, "b", nil), 1000)
	require.Len(t, append(a, b...), n)
	require.Equal(t, scan(t, tb, func(r *item) bool { return r.Group == "a" }, func(r *item) string { return r.ID }), a)
}
