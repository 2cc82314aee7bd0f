package cohort

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward/casework"
)

func TestNameFinder(t *testing.T) {
	c := &casework.Case{Child: casework.Child{GivenName: "Amína", FamilyName: "O'Brien Hassan"},
		Consents: []casework.Consent{{GivenBy: "Grace W. Njeri"}}}
	h := &casework.Household{Members: []casework.Member{
		{GivenName: "Łukasz", FamilyName: "Søren"},
		{GivenName: "王芳"},
		{GivenName: "J"},
	}}
	f := newNameFinder(c, h)
	for _, text := range []string{
		"amina", "AMINA is fine", "Amína's school", "Amina’s school", "the O'Brien family", "OBRIEN", "Hassan.",
		"o’brien hassan", "Amina O'Brien-Hassan", "lukasz came", "Soren", "SØREN", "她叫王芳。", "Njeri signed", "Grace agreed",
		"Amin\u0301a", "ＡＭＩＮＡ",
	} {
		require.True(t, f.in(text), "%q names someone", text)
	}
	for _, text := range []string{
		"", "Aminata", "the child", "Hassanein", "Brien", "J. is an initial", "王 is a family name", "Soreness",
	} {
		require.False(t, f.in(text), "%q names nobody of the case", text)
	}
	require.False(t, (&nameFinder{}).in("Amina"), "no names, nothing found")
}

func TestProtocolCatalogIsComplete(t *testing.T) {
	require.Empty(t, protocolCatalog.Missing())
}

func TestCloneSummaryIsDeep(t *testing.T) {
	s := casework.Summary{
		Languages: []string{"sw"}, RiskHistory: []casework.RiskStep{{Day: 1}},
		ChildStatus: []casework.CSIScores{{Domains: []casework.DomainScore{{Score: 2}}}},
		Plans:       []casework.PlanOutline{{Goals: []casework.GoalOutline{{Actions: map[casework.ActionStatus]int{casework.ActionDone: 1}}}}},
	}
	c := cloneSummary(s)
	require.Equal(t, s, c)
	c.Languages[0] = "x"
	c.RiskHistory[0].Day = 9
	c.ChildStatus[0].Domains[0].Score = 4
	c.Plans[0].Goals[0].Actions[casework.ActionDone] = 7
	require.Equal(t, "sw", s.Languages[0])
	require.Equal(t, 1, s.RiskHistory[0].Day)
	require.Equal(t, 2.0, s.ChildStatus[0].Domains[0].Score)
	require.Equal(t, 1, s.Plans[0].Goals[0].Actions[casework.ActionDone])
	require.Equal(t, casework.Summary{}, cloneSummary(casework.Summary{}), "nil stays nil")
}
