package cohort_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/cohort"
)

// lab is a cohort service wired to a casework service, on one clock.
type lab struct {
	svc   *cohort.Service
	cw    *casework.Service
	st    cohort.Stores
	now   time.Time
	audit *homeward.MemoryAuditSink
}

func newLab(t *testing.T) *lab {
	t.Helper()
	l := &lab{now: time.Date(2027, 1, 10, 12, 0, 0, 0, time.UTC), audit: &homeward.MemoryAuditSink{}, st: cohort.NewMemoryStores()}
	clock := func() time.Time { l.now = l.now.Add(time.Minute); return l.now }
	n, m := 0, 0
	cw, err := casework.NewService(casework.NewMemoryStores(), &casework.Options{
		Now: clock, NewID: func() string { m++; return fmt.Sprintf("cw%02d", m) },
	})
	require.NoError(t, err)
	svc, err := cohort.NewService(l.st, &cohort.Options{
		Now: clock, NewID: func() string { n++; return fmt.Sprintf("id%02d", n) }, Audit: l.audit, Casework: cw,
	})
	require.NoError(t, err)
	l.svc, l.cw = svc, cw
	return l
}

func d(s string) homeward.Date { return homeward.MustParseDate(s) }

// series creates a running Mutual Learning series with ngo-a, ngo-b and
// ngo-c enrolled and ngo-d waitlisted; kanankil facilitates.
func (l *lab) series(t *testing.T) cohort.Cohort {
	t.Helper()
	p, err := l.svc.CreateProgramme(as("family-power"), cohort.MutualLearningProgram("", "family-power", "wilde-ganzen"))
	require.NoError(t, err)
	c, err := l.svc.CreateCohort(as("family-power"), cohort.Cohort{
		Programme: p.ID, Name: "Series 2", Language: "en", Capacity: 3, Status: cohort.CohortRecruiting,
		Facilitators: []cohort.Facilitator{{Name: "Lucía R.", Org: "kanankil"}},
		Plan:         cohort.SessionPlan{First: d("2027-02-04"), At: "16:00", TimeZone: "Europe/Amsterdam", Every: 14, Count: 12},
	})
	require.NoError(t, err)
	for _, org := range []string{"ngo-a", "ngo-b", "ngo-c", "ngo-d"} {
		c, err = l.svc.Apply(as(org), c.ID, c.Version, homeward.OrgID(org), "Africa/Nairobi")
		require.NoError(t, err)
	}
	c, err = l.svc.SetStatus(as("family-power"), c.ID, c.Version, cohort.CohortRunning)
	require.NoError(t, err)
	return c
}

// Names of the people in the case of ngo-a.
const (
	childGiven   = "Amina"
	childFamily  = "Otieno"
	grandmother  = "Fatuma"
	familyOfGran = "Hassan"
)

// caseOf registers a case of org with a household (the grandmother and an
// aunt), two notes, and with consent a consent for peer learning from
// 2027-01-20.
func (l *lab) caseOf(t *testing.T, org string, consent bool) casework.Case {
	t.Helper()
	ctx := as(org)
	h, err := l.cw.CreateHousehold(ctx, casework.Household{Members: []casework.Member{
		{ID: "m1", GivenName: grandmother, FamilyName: familyOfGran, Relationship: casework.RelGrandparent, Caregiver: true, Sex: casework.SexFemale},
		{ID: "m2", GivenName: "Rose", FamilyName: familyOfGran, Relationship: casework.RelAuntUncle, Sex: casework.SexFemale},
	}, Region: "Nyanza", Address: "Plot 12, Manyatta"})
	require.NoError(t, err)
	c, err := l.cw.Register(ctx, casework.Case{
		Child: casework.Child{GivenName: childGiven, FamilyName: childFamily, Sex: casework.SexFemale, BirthDate: d("2017-05-12")},
		Risk:  casework.RiskMedium, Household: h.ID,
		Team:         []casework.TeamMember{{Person: "Grace W.", Role: casework.RoleCaseManager, From: d("2027-01-10")}},
		Arrangements: []casework.Arrangement{{Type: casework.ArrangementResidential, Start: d("2022-01-10")}},
	})
	require.NoError(t, err)
	if consent {
		c, err = l.cw.AddConsent(ctx, c.ID, c.Version, casework.Consent{Purpose: casework.ConsentPeerLearning, GivenBy: "Fatuma Hassan",
			Relationship: casework.RelGrandparent, Date: d("2027-01-20")})
		require.NoError(t, err)
	}
	for _, text := range []string{
		"Amina told us she misses her friends at the home. Fatuma Hassan worries about school fees.",
		"Home visit with AMÍNA and her grandmother; Rose helps on Saturdays.",
	} {
		_, err = l.cw.AddNote(ctx, casework.Note{Case: c.ID, Type: casework.InteractionHomeVisit, Date: d("2027-01-15"), Text: text})
		require.NoError(t, err)
	}
	return c
}

// paths returns the field paths of a validation error.
func paths(t *testing.T, err error) []string {
	t.Helper()
	require.ErrorIs(t, err, homeward.ErrInvalid)
	var ve *homeward.ValidationError
	require.True(t, errors.As(err, &ve), "a *homeward.ValidationError: %v", err)
	var out []string
	for _, f := range ve.Fields {
		out = append(out, f.Path)
	}
	return out
}

// requireNoName fails when err mentions one of the names of the case.
func requireNoName(t *testing.T, err error) {
	t.Helper()
	require.Error(t, err)
	for _, n := range []string{childGiven, childFamily, grandmother, familyOfGran, "Rose", "amina", "AMÍNA"} {
		require.NotContains(t, err.Error(), n, "an error never names a person")
	}
}
