package casework_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

func TestChildStatusSummary(t *testing.T) {
	a := casework.Assessment{ID: "a1", Org: "org-a", Kind: casework.KindChildStatus, Case: "c1", Date: homeward.MustParseDate("2026-05-01"),
		Scores: map[casework.Factor]int{casework.CSIFoodSecurity: 4, casework.CSINutritionGrowth: 3, casework.CSIShelter: 9, casework.CSICare: 2,
			casework.CSIWellness: 1}}
	s, ok := a.ChildStatusSummary()
	require.True(t, ok)
	// Out of range (9) and missing factors count 0.
	require.Equal(t, casework.ChildStatusSummary{ID: "a1", Org: "org-a", Case: "c1", Date: a.Date, Domains: [6]uint8{7, 2, 0, 1, 0, 0}}, s)
	require.Equal(t, "3.5", a.DomainScores()[casework.CSIDomainFoodNutrition].String())
	require.Equal(t, "1", a.DomainScores()[casework.CSIDomainShelterCare].String())

	a.Kind = casework.KindHouseholdVulnerability
	_, ok = a.ChildStatusSummary()
	require.False(t, ok)
	require.Nil(t, a.DomainScores())
}
