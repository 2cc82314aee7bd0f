package ordered_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward/internal/ordered"
)

type kv struct {
	k, v int
}

func byK(a, b kv) int { return cmp.Compare(a.k, b.k) }

func keys(seq func(func(kv) bool)) []int {
	var out []int
	for x := range seq {
		out = append(out, x.k)
	}
	return out
}

// TestSetAgainstSlice runs random insertions and removals against a sorted
// slice and compares contents, lookups and every kind of iteration.
func TestSetAgainstSlice(t *testing.T) {
	for _, size := range []int{10, 100, 3000} {
		rng := rand.New(rand.NewPCG(uint64(size), 7))
		s := ordered.New(byK)
		var ref []int
		for step := range size * 8 {
			k := rng.IntN(size)
			i, found := slices.BinarySearch(ref, k)
			if rng.IntN(3) == 0 {
				require.Equal(t, found, s.Delete(kv{k: k}), "delete %d", k)
				if found {
					ref = slices.Delete(ref, i, i+1)
				}
			} else {
				require.Equal(t, found, s.Insert(kv{k: k, v: step}), "insert %d", k)
				if !found {
					ref = slices.Insert(ref, i, k)
				}
				got, ok := s.Get(kv{k: k})
				require.True(t, ok)
				require.Equal(t, step, got.v, "insert replaces the equal member")
			}
			require.Equal(t, len(ref), s.Len())
			if step%97 == 0 || size <= 10 {
				require.Equal(t, ref, nilIfEmpty(keys(s.All())))
				p := rng.IntN(size+2) - 1
				j, f := slices.BinarySearch(ref, p)
				require.Equal(t, nilIfEmpty(ref[j:]), keys(s.From(kv{k: p})), "from %d", p)
				if f {
					j++
				}
				require.Equal(t, nilIfEmpty(ref[j:]), keys(s.After(kv{k: p})), "after %d", p)
			}
		}
		for _, k := range slices.Clone(ref) {
			require.True(t, s.Delete(kv{k: k}))
		}
		require.Zero(t, s.Len())
		require.Empty(t, keys(s.All()))
		require.False(t, s.Delete(kv{k: 1}))
	}
}

func nilIfEmpty(x []int) []int {
	if len(x) == 0 {
		return nil
	}
	return x
}

// TestSetEarlyStop checks that iteration stops when the consumer does.
func TestSetEarlyStop(t *testing.T) {
	s := ordered.New(byK)
	for k := range 1000 {
		s.Insert(kv{k: k})
	}
	var got []int
	for x := range s.After(kv{k: 499}) {
		got = append(got, x.k)
		if len(got) == 3 {
			break
		}
	}
	require.Equal(t, []int{500, 501, 502}, got)
	_, ok := s.Get(kv{k: 1000})
	require.False(t, ok)
}

func BenchmarkSetInsert(b *testing.B) {
	s := ordered.New(byK)
	rng := rand.New(rand.NewPCG(1, 2))
	for b.Loop() {
		s.Insert(kv{k: rng.Int()})
	}
}
