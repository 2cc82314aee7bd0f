package memtable_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/memtable"
)

type rec struct {
	ID      string
	Tags    []string
	Version int64
}

func newTable() *memtable.Table[string, rec] {
	return memtable.New("rec", func(r *rec) string { return r.ID }, func(r *rec) *int64 { return &r.Version },
		func(r rec) rec { r.Tags = append([]string(nil), r.Tags...); return r })
}

func TestTable(t *testing.T) {
	tb := newTable()
	in := rec{ID: "a", Tags: []string{"x"}, Version: 9}
	got, err := tb.Create(in)
	require.NoError(t, err)
	require.Equal(t, int64(1), got.Version)
	in.Tags[0] = "changed"
	got.Tags[0] = "changed too"
	stored, err := tb.Get("a")
	require.NoError(t, err)
	require.Equal(t, []string{"x"}, stored.Tags, "copy in, copy out")

	_, err = tb.Create(rec{ID: "a"})
	require.ErrorIs(t, err, homeward.ErrConflict)
	_, err = tb.Create(rec{})
	require.ErrorIs(t, err, homeward.ErrInvalid)
	_, err = tb.Get("b")
	require.ErrorIs(t, err, homeward.ErrNotFound)

	stored.Tags = []string{"y"}
	up, err := tb.Update(stored)
	require.NoError(t, err)
	require.Equal(t, int64(2), up.Version)
	_, err = tb.Update(stored)
	require.ErrorIs(t, err, homeward.ErrConflict)
	_, err = tb.Update(rec{ID: "zz", Version: 1})
	require.ErrorIs(t, err, homeward.ErrNotFound)

	sel := tb.Select(func(r *rec) bool { return len(r.Tags) == 1 })
	require.Len(t, sel, 1)
	sel[0].Tags[0] = "mutated"
	again, _ := tb.Get("a")
	require.Equal(t, []string{"y"}, again.Tags)

	require.ErrorIs(t, tb.Delete("a", 1), homeward.ErrConflict)
	require.NoError(t, tb.Delete("a", 2))
	require.ErrorIs(t, tb.Delete("a", 2), homeward.ErrNotFound)
	require.Equal(t, 0, tb.Len())
}

func TestTableConcurrentUpdates(t *testing.T) {
	tb := newTable()
	_, err := tb.Create(rec{ID: "a"})
	require.NoError(t, err)
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := tb.Update(rec{ID: "a", Version: 1}); err == nil {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	require.Equal(t, 1, wins)
}

// TestTableSlab stores values over several chunks of the slab, deletes
// some from the middle, the start and the end, and checks that every
// remaining value is still found under its key and passed once by Scan.
func TestTableSlab(t *testing.T) {
	tb := newTable()
	const n = 3000
	want := map[string]bool{}
	for i := range n {
		id := fmt.Sprintf("r%05d", i)
		_, err := tb.Create(rec{ID: id, Tags: []string{id}})
		require.NoError(t, err)
		want[id] = true
	}
	for i := 0; i < n; i += 7 {
		id := fmt.Sprintf("r%05d", i)
		require.NoError(t, tb.Delete(id, 1))
		delete(want, id)
	}
	require.NoError(t, tb.Delete("r02999", 1))
	delete(want, "r02999")
	require.Equal(t, len(want), tb.Len())
	for id := range want {
		r, err := tb.Get(id)
		require.NoError(t, err)
		require.Equal(t, []string{id}, r.Tags, "the value under %s", id)
	}
	seen := map[string]int{}
	require.NoError(t, tb.ScanShared(func(*rec) bool { return true }, func(r *rec) error {
		seen[r.ID]++
		return nil
	}))
	require.Len(t, seen, len(want))
	for id, k := range seen {
		require.True(t, want[id], id)
		require.Equal(t, 1, k, id)
	}
	// Emptied and filled again.
	for id := range want {
		require.NoError(t, tb.Delete(id, 1))
	}
	require.Equal(t, 0, tb.Len())
	_, err := tb.Create(rec{ID: "again"})
	require.NoError(t, err)
	got, err := tb.Get("again")
	require.NoError(t, err)
	require.Equal(t, int64(1), got.Version)
}
