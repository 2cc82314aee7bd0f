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
