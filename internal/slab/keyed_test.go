package slab_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward/internal/slab"
)

type row struct {
	key string
	val int
}

// TestKeyedAgreesWithMap puts, replaces and deletes random keys and checks
// the keyed slab against a map after every change, across several chunks.
func TestKeyedAgreesWithMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	s := slab.NewKeyed(func(r *row) string { return r.key })
	want := map[string]int{}
	for i := range 20_000 {
		k := string(rune('a'+rng.IntN(26))) + string(rune('a'+rng.IntN(26))) + string(rune('a'+rng.IntN(8)))
		if rng.IntN(3) == 0 {
			s.Delete(k)
			delete(want, k)
		} else {
			s.Put(row{k, i})
			want[k] = i
		}
		if i%997 == 0 || i == 19_999 {
			require.Equal(t, len(want), s.Len())
			got := map[string]int{}
			for r := range s.All {
				got[r.key] = r.val
			}
			require.Equal(t, want, got)
			for k, v := range want {
				require.Equal(t, v, s.Get(k).val)
			}
		}
	}
	require.Nil(t, s.Get("absent"))
	s.Delete("absent") // no effect
	require.Equal(t, len(want), s.Len())
}

// TestKeyedDeleteMovesLast checks that Delete moves the last value into the
// freed place, so the values stay in order otherwise.
func TestKeyedDeleteMovesLast(t *testing.T) {
	s := slab.NewKeyed(func(r *row) string { return r.key })
	for i, k := range []string{"a", "b", "c", "d"} {
		s.Put(row{k, i})
	}
	s.Put(row{"b", 10}) // replaced in place
	s.Delete("a")
	var keys []string
	for r := range s.All {
		keys = append(keys, r.key)
	}
	require.Equal(t, []string{"d", "b", "c"}, keys)
	require.Equal(t, 10, s.Get("b").val)
	s.Put(row{"e", 5})
	require.Equal(t, 4, s.Len())
	require.Equal(t, 5, s.Get("e").val)
}
