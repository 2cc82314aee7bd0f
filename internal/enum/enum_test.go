package enum

import (
	"testing"

	"github.com/stretchr/testify/require"
)

type color string

var colors = []color{"red", "green"}

func TestEnum(t *testing.T) {
	require.True(t, Valid(color("red"), colors))
	b, err := Marshal("colour", color("green"), colors)
	require.NoError(t, err)
	require.Equal(t, "green", string(b))
	_, err = Marshal("colour", color("blue"), colors)
	require.EqualError(t, err, `unknown colour "blue" (want one of: red, green)`)
	var c color
	require.NoError(t, Unmarshal("colour", &c, []byte("red"), colors))
	require.Equal(t, color("red"), c)
	require.Error(t, Unmarshal("colour", &c, []byte("Red"), colors))
}
