package fields

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type inner struct {
	Given string `json:"given_name"`
	Year  int    `json:"year,omitempty"`
}

type rec struct {
	ID      string         `json:"id"`
	Child   inner          `json:"child"`
	Tags    []string       `json:"tags"`
	When    time.Time      `json:"when"`
	Scores  map[string]int `json:"scores"`
	Version int64          `json:"version"`
	hidden  int
}

func TestChanged(t *testing.T) {
	a := rec{ID: "1", Child: inner{Given: "A"}, Tags: []string{"x"}, Version: 1}
	b := a
	b.Child.Given = "B"
	b.Tags = []string{"x", "y"}
	b.Version = 2
	b.hidden = 3
	require.Equal(t, []string{"child.given_name", "tags"}, Changed(a, b))
	require.Equal(t, []string{"id", "child.given_name", "tags"}, Changed(nil, &a))
	require.Empty(t, Changed(&a, &a))
	c := a
	c.When = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	require.Equal(t, []string{"when"}, Changed(a, c), "structs with unexported fields compare whole")
	d := a
	d.Scores = map[string]int{"x": 1, "y": 2}
	e := a
	e.Scores = map[string]int{"y": 3, "z": 1}
	require.Equal(t, []string{"scores.x", "scores.y", "scores.z"}, Changed(d, e), "maps compare per key")
}
