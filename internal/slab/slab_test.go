package slab_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward/internal/slab"
)

func TestSlab(t *testing.T) {
	var s slab.Slab[int]
	s.Pop() // nothing to pop
	require.Zero(t, s.Len())
	const n = 3*1024 + 5
	for i := range n {
		require.Equal(t, i, s.Push(i*10))
	}
	require.Equal(t, n, s.Len())
	for i := range n {
		require.Equal(t, i*10, *s.At(i), "value %d", i)
	}
	*s.At(2000) = -1
	seen := 0
	for v := range s.All {
		if seen == 2000 {
			require.Equal(t, -1, *v)
		} else {
			require.Equal(t, seen*10, *v)
		}
		seen++
	}
	require.Equal(t, n, seen)
	for range 6 + 1024 {
		s.Pop()
	}
	require.Equal(t, 2*1024-1, s.Len())
	require.Equal(t, (2*1024-2)*10, *s.At(s.Len() - 1))
	require.Equal(t, 2*1024-1, s.Push(7), "a push after pops takes the next position")
	for range s.Len() {
		s.Pop()
	}
	require.Zero(t, s.Len())
	for range s.All {
		t.Fatal("an emptied slab yields nothing")
	}
	require.Equal(t, 0, s.Push(1))
}

func TestSlabStopsEarly(t *testing.T) {
	var s slab.Slab[string]
	for range 2500 {
		s.Push("x")
	}
	n := 0
	for range s.All {
		if n++; n == 1500 {
			break
		}
	}
	require.Equal(t, 1500, n)
}

// TestSlabReset fills a slab, resets it and fills it again, shorter and
// longer, checking the values and that the chunks are reused.
func TestSlabReset(t *testing.T) {
	var s slab.Slab[*int]
	fill := func(n int) {
		for i := range n {
			v := i
			require.Equal(t, i, s.Push(&v))
		}
		require.Equal(t, n, s.Len())
		i := 0
		for v := range s.All {
			require.Equal(t, i, **v)
			i++
		}
		require.Equal(t, n, i)
	}
	fill(3*1024 + 7)
	first := s.At(2048)
	s.Reset()
	require.Zero(t, s.Len())
	for range s.All {
		t.Fatal("a reset slab has no values")
	}
	fill(2500)
	require.Same(t, first, s.At(2048), "the chunks are reused")
	s.Reset()
	fill(5 * 1024)
	for range 5*1024 - 10 {
		s.Pop()
	}
	require.Equal(t, 10, s.Len())
	require.Equal(t, 9, **s.At(9))
	allocs := testing.AllocsPerRun(5, func() {
		s.Reset()
		for range 3000 {
			s.Push(nil)
		}
	})
	require.Zero(t, allocs, "refilling a reset slab allocates nothing")
}
