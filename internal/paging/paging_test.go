package paging_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/paging"
)

func TestSlice(t *testing.T) {
	items := []string{"a", "b", "c", "d", "e"}
	key := func(s string) string { return s }
	p, err := paging.Slice(items, key, homeward.PageRequest{Limit: 2})
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b"}, p.Items)
	p, err = paging.Slice(items, key, homeward.PageRequest{Limit: 2, Cursor: p.Next})
	require.NoError(t, err)
	require.Equal(t, []string{"c", "d"}, p.Items)
	p, err = paging.Slice(items, key, homeward.PageRequest{Limit: 2, Cursor: p.Next})
	require.NoError(t, err)
	require.Equal(t, []string{"e"}, p.Items)
	require.Empty(t, p.Next)
	p, err = paging.Slice(items, key, homeward.PageRequest{Cursor: paging.Encode("e")})
	require.NoError(t, err)
	require.Equal(t, []string{}, p.Items)

	_, err = paging.Slice(items, key, homeward.PageRequest{Cursor: "***"})
	require.ErrorIs(t, err, homeward.ErrInvalid)
	require.Equal(t, homeward.DefaultPageLimit, homeward.PageRequest{}.EffectiveLimit())
	require.Equal(t, homeward.MaxPageLimit, homeward.PageRequest{Limit: 1 << 30}.EffectiveLimit())
}
