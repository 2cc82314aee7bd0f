package casework

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/homewardkit/homeward"
)

func day(s string) homeward.Date { return homeward.MustParseDate(s) }

func scoresOf(kind AssessmentKind, vals ...int) map[Factor]int {
	m := map[Factor]int{}
	for i, f := range kind.Factors() {
		m[f] = vals[i]
	}
	return m
}

// sampleRecords returns a fictional case: a girl who lived in a children's
// home and now lives with her grandmother, with her household, assessments,
// a plan and notes. The tool's testdata/case.json holds the same records.
func sampleRecords() (*Case, *Household, []Assessment, []Plan, []Note) {
	const org = "hope-kenya"
	c := &Case{
		ID: "case-17", Org: org, Status: StatusFollowUp, Household: "hh-4", RegisteredOn: day("2026-03-02"), Risk: RiskMedium,
		Child: Child{GivenName: "Neema", FamilyName: "Achieng", Sex: SexFemale, BirthDate: day("2016-04-12"),
			Languages: []string{"sw", "luo"}, Disabilities: []Disability{DisabilityHearing}, IDNumber: "BC/2016/448812"},
		RiskHistory: []RiskChange{
			{Date: day("2026-03-02"), To: RiskMedium, Reason: "registration", By: "joseph"},
			{Date: day("2026-06-10"), From: RiskMedium, To: RiskHigh, Reason: "the grandmother fell ill", By: "joseph"},
			{Date: day("2026-12-01"), From: RiskHigh, To: RiskMedium, Reason: "stable placement", By: "joseph"},
		},
		Team: []TeamMember{{Person: "Joseph Mwangi", Role: RoleCaseManager, From: day("2026-03-02")}},
		Consents: []Consent{
			{ID: "consent-1", Purpose: ConsentServices, GivenBy: "Margaret Achieng", Relationship: RelGrandparent, Date: day("2026-03-02")},
			{ID: "consent-2", Purpose: ConsentPeerLearning, GivenBy: "Margaret Achieng", Relationship: RelGrandparent, Date: day("2026-03-20")},
			{ID: "consent-3", Purpose: ConsentResearch, GivenBy: "Margaret Achieng", Relationship: RelGrandparent, Date: day("2026-03-20"), Withdrawn: day("2027-01-10")},
		},
		Arrangements: []Arrangement{
			{Type: ArrangementResidential, Start: day("2019-02-01"), End: day("2026-09-15"), Reason: "placed by the children's officer"},
			{Type: ArrangementKinship, Start: day("2026-09-15"), Reason: "reunified with her grandmother", Household: "hh-4"},
		},
		StatusHistory: []StatusChange{
			{At: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), To: StatusRegistered, By: "joseph"},
			{At: time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC), From: StatusRegistered, To: StatusAssessment, By: "joseph"},
			{At: time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC), From: StatusAssessment, To: StatusCasePlan, By: "joseph"},
			{At: time.Date(2026, 5, 5, 9, 0, 0, 0, time.UTC), From: StatusCasePlan, To: StatusImplementation, By: "joseph"},
			{At: time.Date(2026, 9, 15, 9, 0, 0, 0, time.UTC), From: StatusImplementation, To: StatusFollowUp, By: "joseph"},
		},
	}
	kes := func(a string) homeward.Money { return homeward.MustMoney(a, "KES") }
	h := &Household{
		ID: "hh-4", Org: org, Region: "Kisumu", District: "Kisumu Central",
		Address: "Plot 14, Kondele Road, Kisumu", Phone: "+254 722 555 019",
		Members: []Member{
			{ID: "m1", GivenName: "Margaret", FamilyName: "Achieng", Relationship: RelGrandparent, Caregiver: true, Sex: SexFemale, BirthYear: 1961},
			{ID: "m2", GivenName: "Rose", FamilyName: "Achieng", Relationship: RelAuntUncle, Sex: SexFemale, BirthYear: 1990},
			{ID: "m3", GivenName: "Brian", FamilyName: "Otieno", Relationship: RelCousin, Sex: SexMale, BirthYear: 2012},
			{ID: "m4", GivenName: "Mary", FamilyName: "Atieno", Relationship: RelAuntUncle, Sex: SexFemale, BirthYear: 1987},
		},
		Income: []IncomeSource{{Kind: IncomeCasualLabour, Description: "farm work", Monthly: kes("4000"), From: day("2025-01-01")}},
		Support: []SupportPayment{
			{Date: day("2026-10-01"), Kind: SupportCash, Amount: kes("3000")},
			{Date: day("2026-11-01"), Kind: SupportCash, Amount: kes("3000")},
			{Date: day("2026-12-01"), Kind: SupportCash, Amount: kes("2000")},
			{Date: day("2027-01-05"), Kind: SupportSchoolFees, Amount: kes("1500")},
		},
	}
	as := []Assessment{
		{ID: "a1", Org: org, Kind: KindChildStatus, Case: "case-17", Date: day("2026-03-15"), Assessor: "Joseph Mwangi",
			Scores: scoresOf(KindChildStatus, 2, 3, 2, 3, 3, 1, 3, 2, 2, 2, 2, 3)},
		{ID: "a2", Org: org, Kind: KindHouseholdVulnerability, Household: "hh-4", Date: day("2026-04-01"), Assessor: "Joseph Mwangi",
			Scores: scoresOf(KindHouseholdVulnerability, 4, 3, 4, 2, 3, 2, 2, 2)},
		{ID: "a3", Org: org, Kind: KindChildStatus, Case: "case-17", Date: day("2026-12-10"), Assessor: "Joseph Mwangi",
			Scores: scoresOf(KindChildStatus, 3, 4, 3, 4, 4, 2, 4, 3, 3, 3, 3, 4), Note: "Neema is doing well"},
		{ID: "a4", Org: org, Kind: KindHouseholdVulnerability, Household: "hh-4", Date: day("2026-12-12"), Assessor: "Joseph Mwangi",
			Scores: scoresOf(KindHouseholdVulnerability, 3, 2, 2, 2, 2, 2, 2, 1)},
	}
	plans := []Plan{{
		ID: "p1", Org: org, Case: "case-17", Status: PlanActive, Start: day("2026-05-05"), NextReview: day("2027-04-10"),
		Reviews: []Review{{Date: day("2026-08-01"), By: "Joseph Mwangi"}, {Date: day("2026-11-01"), By: "Joseph Mwangi"}, {Date: day("2027-01-10"), By: "Joseph Mwangi"}},
		Goals: []Goal{
			{ID: "g1", Domain: DomainLivingConditions, Description: "Repair the roof of Margaret's house", Status: GoalInProgress, Actions: []Action{
				{ID: "a1", Description: "Buy iron sheets", Owner: "Joseph Mwangi", Due: day("2026-07-01"), Status: ActionDone, Done: day("2026-06-28")},
				{ID: "a2", Description: "Fix the gutters", Owner: "Rose Achieng", Due: day("2027-03-01"), Status: ActionInProgress},
			}},
			{ID: "g2", Domain: DomainIncomeWork, Description: "A vegetable stall for Margaret", Status: GoalInProgress, Actions: []Action{
				{ID: "a3", Description: "Business training", Owner: "Joseph Mwangi", Due: day("2027-03-15"), Status: ActionPlanned},
			}},
			{ID: "g3", Domain: DomainPsychosocial, Description: "Counselling for Neema", Status: GoalOpen},
			{ID: "g4", Domain: DomainLearning, Description: "Neema attends Kondele Primary", Status: GoalAchieved, Actions: []Action{
				{ID: "a4", Description: "Enrol at school", Owner: "Margaret Achieng", Due: day("2026-10-01"), Status: ActionDone, Done: day("2026-09-20")},
			}},
		},
	}}
	notes := []Note{
		{ID: "n1", Org: org, Case: "case-17", Date: day("2026-03-02"), Type: InteractionOfficeVisit, Author: "Joseph Mwangi",
			Text: "Neema was registered at the children's home. Her grandmother Margaret Achieng (phone 0722 555 019) wants her to come home."},
		{ID: "n2", Org: org, Case: "case-17", Date: day("2026-06-10"), Type: InteractionHomeVisit, Author: "Joseph Mwangi",
			Text: "Visited Mrs Achieng at Plot 14, Kondele Road. The roof leaks; NEEMA's aunt Rose helps with school fees."},
		{ID: "n3", Org: org, Case: "case-17", Date: day("2026-06-12"), Type: InteractionPhoneRemote, Author: "Joseph Mwangi",
			Text: "Neema told me something in confidence.", Confidential: true},
		{ID: "n4", Org: org, Case: "case-17", Date: day("2026-10-02"), Type: InteractionHomeVisit, Author: "Joseph Mwangi",
			Text: "Neema has settled with Margaret. Birth certificate BC/2016/448812 found; born 12/04/2016. Brian walks her to school."},
		{ID: "n5", Org: org, Case: "case-17", Date: day("2027-02-15"), Type: InteractionPhoneRemote, Author: "Joseph Mwangi",
			Text: "Call after the day of the summary."},
	}
	return c, h, as, plans, notes
}

func TestSummarize(t *testing.T) {
	c, h, as, plans, notes := sampleRecords()
	got, err := Summarize(c, h, as, plans, notes, day("2027-02-01"), SummaryOptions{Reference: "case-A"})
	require.NoError(t, err)
	scores := func(vals ...float64) []DomainScore {
		out := make([]DomainScore, len(CSIDomains))
		for i, d := range CSIDomains {
			out[i] = DomainScore{Domain: d.Domain, Score: vals[i]}
		}
		return out
	}
	want := &Summary{
		Reference: "case-A", AgeBand: AgeBand6To11, Sex: SexFemale, Languages: []string{"sw", "luo"},
		Disabilities: []Disability{DisabilityHearing}, Status: StatusFollowUp, DaysSinceRegistration: 336, Risk: RiskMedium,
		RiskHistory: []RiskStep{{Level: RiskMedium, Day: 0}, {Level: RiskHigh, Day: 100}, {Level: RiskMedium, Day: 274}},
		Arrangements: []ArrangementSpan{
			{Type: ArrangementResidential, Days: 2783},
			{Type: ArrangementKinship, FamilyBased: true, Days: 139, Current: true},
		},
		Household: []HouseholdRole{
			{Role: "the grandmother", Relationship: RelGrandparent, Caregiver: true},
			{Role: "the aunt (1)", Relationship: RelAuntUncle},
			{Role: "the cousin", Relationship: RelCousin},
			{Role: "the aunt (2)", Relationship: RelAuntUncle},
		},
		ChildStatus: []CSIScores{
			{Month: 0, Domains: scores(2.5, 2.5, 2, 2.5, 2, 2.5), Total: 28},
			{Month: 8, Domains: scores(3.5, 3.5, 3, 3.5, 3, 3.5), Total: 40},
		},
		HouseholdVulnerability: []HVIScore{{Month: 0, Total: 22, Band: BandHigh}, {Month: 8, Total: 16, Band: BandModerate}},
		Plans: []PlanOutline{{Month: 2, Status: PlanActive, Reviews: 3, Goals: []GoalOutline{
			{Domain: DomainLivingConditions, Status: GoalInProgress, Actions: map[ActionStatus]int{ActionDone: 1, ActionInProgress: 1}},
			{Domain: DomainIncomeWork, Status: GoalInProgress, Actions: map[ActionStatus]int{ActionPlanned: 1}},
			{Domain: DomainPsychosocial, Status: GoalOpen},
			{Domain: DomainLearning, Status: GoalAchieved, Actions: map[ActionStatus]int{ActionDone: 1}},
		}}},
		Narrative: "Office visit, month 0: The child was registered at the children's home. Her grandmother the grandmother (phone [phone]) wants her to come home.\n\n" +
			"Home visit, month 3: Visited Mrs [family name] at [address]. The roof leaks; the child's aunt the aunt (1) helps with school fees.\n\n" +
			"Home visit, month 7: The child has settled with the grandmother. Birth certificate [id number] found; born [date]. The cousin walks her to school.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}

	// The day of the summary decides what is in it.
	early, err := Summarize(c, h, as, plans, notes, day("2026-06-10"), SummaryOptions{})
	require.NoError(t, err)
	require.Equal(t, RiskHigh, early.Risk)
	require.Len(t, early.RiskHistory, 2)
	require.Equal(t, []ArrangementSpan{{Type: ArrangementResidential, Days: 2686, Current: true}}, early.Arrangements)
	require.Len(t, early.ChildStatus, 1)
	require.Len(t, early.HouseholdVulnerability, 1)
	require.Equal(t, 1, len(early.Plans))
	require.Equal(t, 0, early.Plans[0].Reviews)
	require.Equal(t, 2, strings.Count(early.Narrative, "month "))
	require.Empty(t, early.Reference)
}

func TestSummarizeRefuses(t *testing.T) {
	c, h, as, plans, notes := sampleRecords()
	on := day("2027-02-01")
	tests := []struct {
		name  string
		edit  func(c *Case, h *Household, as []Assessment, plans []Plan, notes []Note) (*Household, SummaryOptions, homeward.Date)
		paths []string
	}{
		{"no day", func(*Case, *Household, []Assessment, []Plan, []Note) (*Household, SummaryOptions, homeward.Date) {
			return h, SummaryOptions{}, homeward.Date{}
		}, []string{"on"}},
		{"before registration", func(*Case, *Household, []Assessment, []Plan, []Note) (*Household, SummaryOptions, homeward.Date) {
			return h, SummaryOptions{}, day("2026-01-01")
		}, []string{"on"}},
		{"reference is the case id", func(*Case, *Household, []Assessment, []Plan, []Note) (*Household, SummaryOptions, homeward.Date) {
			return h, SummaryOptions{Reference: "case-17"}, on
		}, []string{"reference"}},
		{"bad bands", func(*Case, *Household, []Assessment, []Plan, []Note) (*Household, SummaryOptions, homeward.Date) {
			return h, SummaryOptions{Bands: Bands{Moderate: 30, High: 20, Severe: 10}}, on
		}, []string{"bands"}},
		{"records of another case", func(_ *Case, _ *Household, as []Assessment, plans []Plan, notes []Note) (*Household, SummaryOptions, homeward.Date) {
			as[2].Case, plans[0].Case, notes[1].Case, notes[3].Org = "case-99", "case-99", "case-99", "other-org"
			return h, SummaryOptions{}, on
		}, []string{"assessments[2].case", "plans[0].case", "notes[1].case", "notes[3].org"}},
		{"household assessments without the household", func(*Case, *Household, []Assessment, []Plan, []Note) (*Household, SummaryOptions, homeward.Date) {
			return nil, SummaryOptions{}, on
		}, []string{"assessments[1].household", "assessments[3].household"}},
		{"invalid records", func(c *Case, h *Household, as []Assessment, _ []Plan, notes []Note) (*Household, SummaryOptions, homeward.Date) {
			c.Child.Sex = "f"
			h.Members[0].Relationship = "granny"
			delete(as[0].Scores, CSICare)
			notes[0].Type = "visit"
			return h, SummaryOptions{}, on
		}, []string{"case.child.sex", "household.members[0].relationship", "assessments[0].scores.care", "notes[0].type"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, h, as, plans, notes = sampleRecords()
			h2, opts, on := tt.edit(c, h, as, plans, notes)
			_, err := Summarize(c, h2, as, plans, notes, on, opts)
			require.ErrorIs(t, err, homeward.ErrInvalid)
			var ve *homeward.ValidationError
			require.True(t, errors.As(err, &ve))
			var paths []string
			for _, f := range ve.Fields {
				paths = append(paths, f.Path)
			}
			require.Equal(t, tt.paths, paths)
			requireNoIdentifiers(t, err.Error())
		})
	}
	_, err := Summarize(nil, nil, nil, nil, nil, on, SummaryOptions{})
	require.ErrorIs(t, err, homeward.ErrInvalid)
}

// requireNoIdentifiers fails when s holds a name, the birth date, the
// address, phone or ID number of the sample case.
func requireNoIdentifiers(t *testing.T, s string) {
	t.Helper()
	for _, id := range []string{"Neema", "Achieng", "Margaret", "Rose", "Brian", "Otieno", "Mary", "Atieno", "2016-04-12", "Kondele", "722", "448812"} {
		require.NotRegexp(t, `(?i)\b`+id+`\b`, s)
	}
}

func TestCheckSummaryConsent(t *testing.T) {
	c, _, _, _, _ := sampleRecords()
	require.NoError(t, CheckSummaryConsent(c, ConsentPeerLearning, day("2026-03-20")))
	require.NoError(t, CheckSummaryConsent(c, ConsentResearch, day("2027-01-09")))
	for _, tt := range []struct {
		purpose ConsentPurpose
		on      string
		want    error
		msg     string
	}{
		{ConsentPeerLearning, "2026-03-19", homeward.ErrForbidden, "case case-17 has no consent for peer_learning on 2026-03-19: forbidden"},
		{ConsentResearch, "2027-01-10", homeward.ErrForbidden, "case case-17 has no consent for research on 2027-01-10: forbidden"},
		{ConsentServices, "2027-01-10", homeward.ErrInvalid, `invalid input: purpose: a summary is shared for peer_learning or research, not "services"`},
		{ConsentInformationSharing, "2027-01-10", homeward.ErrInvalid, "information_sharing"},
		{"gossip", "2027-01-10", homeward.ErrInvalid, "gossip"},
	} {
		err := CheckSummaryConsent(c, tt.purpose, day(tt.on))
		require.ErrorIs(t, err, tt.want)
		require.Contains(t, err.Error(), tt.msg)
		requireNoIdentifiers(t, err.Error())
	}
	require.ErrorIs(t, CheckSummaryConsent(c, ConsentResearch, homeward.Date{}), homeward.ErrInvalid)
	var shares []ConsentPurpose
	for _, p := range ConsentPurposeValues() {
		if p.SharesSummary() {
			shares = append(shares, p)
		}
	}
	require.Equal(t, []ConsentPurpose{ConsentPeerLearning, ConsentResearch}, shares)
}

func TestServiceSummarize(t *testing.T) {
	ctx := context.Background()
	c, h, as, plans, notes := sampleRecords()
	st := NewMemoryStores()
	_, err := st.Cases.Create(ctx, *c)
	require.NoError(t, err)
	_, err = st.Households.Create(ctx, *h)
	require.NoError(t, err)
	for _, a := range as {
		_, err = st.Assessments.Create(ctx, a)
		require.NoError(t, err)
	}
	_, err = st.Plans.Create(ctx, plans[0])
	require.NoError(t, err)
	for _, n := range notes {
		_, err = st.Notes.Create(ctx, n)
		require.NoError(t, err)
	}
	// Another case of the same organisation, whose records must not mix in.
	other := *c
	other.ID, other.Household, other.Consents = "case-18", "", nil
	_, err = st.Cases.Create(ctx, other)
	require.NoError(t, err)
	_, err = st.Notes.Create(ctx, Note{ID: "n9", Org: c.Org, Case: "case-18", Date: day("2026-05-01"), Type: InteractionOther, Author: "x", Text: "Not this case."})
	require.NoError(t, err)

	audit := &homeward.MemoryAuditSink{}
	svc, err := NewService(st, &Options{Audit: audit, Now: func() time.Time { return time.Date(2027, 2, 1, 10, 0, 0, 0, time.UTC) }})
	require.NoError(t, err)
	staff := homeward.WithActor(ctx, homeward.Actor{ID: "joseph", Org: c.Org, Role: homeward.RoleStaff})
	reader := homeward.WithActor(ctx, homeward.Actor{ID: "eva", Org: c.Org, Role: homeward.RoleReadOnly})
	stranger := homeward.WithActor(ctx, homeward.Actor{ID: "olga", Org: "other-org", Role: homeward.RoleStaff})

	want, err := Summarize(c, h, as, plans, notes, day("2027-02-01"), SummaryOptions{Reference: "case-A"})
	require.NoError(t, err)
	for _, actx := range []context.Context{staff, reader} {
		got, err := svc.Summarize(actx, c.ID, ConsentPeerLearning, homeward.Date{}, SummaryOptions{Reference: "case-A"})
		require.NoError(t, err)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("service summary (-want +got):\n%s", diff)
		}
	}

	_, err = svc.Summarize(staff, c.ID, ConsentResearch, day("2027-01-10"), SummaryOptions{})
	require.ErrorIs(t, err, homeward.ErrForbidden)
	require.Contains(t, err.Error(), "research")
	require.Contains(t, err.Error(), "2027-01-10")
	requireNoIdentifiers(t, err.Error())

	_, err = svc.Summarize(staff, "case-18", ConsentPeerLearning, day("2027-01-10"), SummaryOptions{})
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = svc.Summarize(staff, c.ID, ConsentServices, day("2027-01-10"), SummaryOptions{})
	require.ErrorIs(t, err, homeward.ErrInvalid)
	_, err = svc.Summarize(stranger, c.ID, ConsentPeerLearning, day("2027-01-10"), SummaryOptions{})
	require.ErrorIs(t, err, homeward.ErrNotFound)
	requireNoIdentifiers(t, err.Error())
	_, err = svc.Summarize(ctx, c.ID, ConsentPeerLearning, day("2027-01-10"), SummaryOptions{})
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = svc.Summarize(staff, "case-404", ConsentPeerLearning, day("2027-01-10"), SummaryOptions{})
	require.ErrorIs(t, err, homeward.ErrNotFound)

	require.Empty(t, audit.Events(), "a summary changes nothing and records no audit event")
}

func TestNarrative(t *testing.T) {
	c := &Case{ID: "c", Org: "o", Status: StatusRegistered, RegisteredOn: day("2027-01-01"), Risk: RiskLow, Household: "h",
		Child: Child{GivenName: "Amína Grace", FamilyName: "O'Neill", Sex: SexFemale, BirthDate: day("2015-03-07"), IDNumber: "A1234567"},
		Consents: []Consent{
			{ID: "1", Purpose: ConsentPeerLearning, GivenBy: "Fatuma Wanjiru", Relationship: RelMother, Date: day("2027-01-01")},
			{ID: "2", Purpose: ConsentResearch, GivenBy: "Pedro Alves", Date: day("2027-01-01")},
		},
	}
	h := &Household{ID: "h", Org: "o", Address: "12 Rue de l'Église, Lyon", Phone: "+33 6 12 34 56 78", Members: []Member{
		{ID: "1", GivenName: "Fatuma", FamilyName: "Wanjiru", Relationship: RelMother, Sex: SexFemale},
		{ID: "2", GivenName: "Zoë", FamilyName: "O'Neill", Relationship: RelAuntUncle, Sex: SexFemale},
		{ID: "3", GivenName: "Ana", FamilyName: "O'Neill", Relationship: RelAuntUncle, Sex: SexFemale},
		{ID: "4", GivenName: "Kwame", Relationship: RelAuntUncle, Sex: SexMale},
		{ID: "5", GivenName: "Søren", Relationship: RelSibling},
		{ID: "6", GivenName: "王芳", Relationship: RelCousin},
		{ID: "7", GivenName: "Jo", Relationship: RelStepParent, Sex: SexMale},
		{ID: "8", GivenName: "Dmitri", Relationship: RelOther},
	}}
	tests := []struct{ text, want string }{
		{"Amína went home.", "The child went home."},
		{"AMINA's room; amina’s bed", "The child's room; the child’s bed"},
		{"Spoke with Amina Grace O'Neill and o'neill amina grace.", "Spoke with the child and the child."},
		{"Amina Grace and Grace came.", "The child and the child came."},
		{"Mrs O'Neill and the O'NEILL family", "Mrs [family name] and the [family name] family"},
		{"Zoë, ZOE and Ana came; Kwame too.", "The aunt (1), the aunt (1) and the aunt (2) came; the uncle too."},
		{"Soren and SØREN played.", "The sibling and the sibling played."},
		{"王芳去了学校。Jo arrived.", "The cousin去了学校。The stepfather arrived."},
		{"Dmitri's bike", "The household member's bike"},
		{"Fatuma Wanjiru signed; Pedro Alves too.", "The mother signed; the person who gave consent too."},
		{"Anastasia and Amination are other words.", "Anastasia and Amination are other words."},
		{"Lives at 12 rue de l'église, LYON now.", "Lives at [address] now."},
		{"Call 06 12 34 56 78 or +33612345678 or (06) 12-34-56-78.", "Call [phone] or [phone] or [phone]."},
		{"ID a1234567, also A-123-4567.", "ID [id number], also [id number]."},
		{"Born 2015-03-07, 07/03/2015, 7-3-2015, 7 March 2015, March 7, 2015, 7 de marzo de 2015 and 7 maart 2015.", "Born [date] and [date]."},
		{"Seen 3 Jan. 2027 and in May 2026.", "Seen [date] and in [date]."},
		{"Paid 1 200 500 and 20 000 shillings; ref 98765432.", "Paid [number] and 20 000 shillings; ref [number]."},
		{"Nothing to hide here.", "Nothing to hide here."},
	}
	for _, tt := range tests {
		notes := []Note{{ID: "n", Org: "o", Case: "c", Date: day("2027-03-15"), Type: InteractionHomeVisit, Author: "x", Text: tt.text}}
		s, err := Summarize(c, h, nil, nil, notes, day("2027-04-01"), SummaryOptions{})
		require.NoError(t, err)
		require.Equal(t, "Home visit, month 2: "+tt.want, s.Narrative, tt.text)
	}
}

func TestNarrativeNotesInOrder(t *testing.T) {
	c, h, _, _, _ := sampleRecords()
	n := func(id, d string, ty InteractionType, text string, conf bool) Note {
		return Note{ID: NoteID(id), Org: c.Org, Case: c.ID, Date: day(d), Type: ty, Author: "x", Text: text, Confidential: conf}
	}
	notes := []Note{
		n("b", "2026-05-01", InteractionCaseConference, "second", false),
		n("a", "2026-05-01", InteractionThirdParty, "first", false),
		n("c", "2026-04-01", InteractionSupervision, "secret", true),
		n("d", "2026-01-15", InteractionOther, "  before registration  ", false),
	}
	s, err := Summarize(c, h, nil, nil, notes, day("2026-06-01"), SummaryOptions{})
	require.NoError(t, err)
	require.Equal(t, "Other contact, month -1: before registration\n\n"+
		"Contact with a third party, month 1: first\n\n"+
		"Case conference, month 1: second", s.Narrative)
	s, err = Summarize(c, h, nil, nil, notes[2:3], day("2026-06-01"), SummaryOptions{})
	require.NoError(t, err)
	require.Empty(t, s.Narrative)
}

func TestSummaryLanguages(t *testing.T) {
	require.Empty(t, summaryCatalog.Missing())
	// Every role word and label the summary can use has a translation.
	keys := map[string]bool{}
	for _, m := range summaryMessages {
		keys[m.En] = true
	}
	for _, r := range RelationshipValues() {
		for _, sex := range append(SexValues(), "") {
			require.True(t, keys[roleKey(r, sex)], "role of %s %s", r, sex)
		}
	}
	for _, it := range InteractionTypeValues() {
		require.True(t, keys[interactionLabel(it)], it)
	}

	c, h, as, plans, notes := sampleRecords()
	nl, err := Summarize(c, h, as, plans, notes, day("2027-02-01"), SummaryOptions{Language: language.MustParse("nl-BE")})
	require.NoError(t, err)
	require.Equal(t, "de grootmoeder", nl.Household[0].Role)
	require.Equal(t, "de tante (2)", nl.Household[3].Role)
	require.True(t, strings.HasPrefix(nl.Narrative, "Bezoek op kantoor, maand 0: Het kind was registered"), nl.Narrative)
	require.Contains(t, nl.Narrative, "(phone [telefoon])")
	es, err := Summarize(c, h, as, plans, notes, day("2027-02-01"), SummaryOptions{Language: language.MustParse("es-MX")})
	require.NoError(t, err)
	require.Equal(t, "la abuela", es.Household[0].Role)
	require.Contains(t, es.Narrative, "Visita domiciliaria, mes 7: El menor has settled with la abuela.")
}

func TestAgeBand(t *testing.T) {
	for years, want := range map[int]AgeBand{-1: "", 0: "0-2", 2: "0-2", 3: "3-5", 5: "3-5", 6: "6-11", 11: "6-11", 12: "12-14", 14: "12-14", 15: "15-17", 17: "15-17", 18: "18+", 40: "18+"} {
		require.Equal(t, want, AgeBandOf(years), years)
	}
	for _, b := range AgeBandValues() {
		text, err := b.MarshalText()
		require.NoError(t, err)
		var back AgeBand
		require.NoError(t, back.UnmarshalText(text))
		require.Equal(t, b, back)
	}
	var b AgeBand
	require.ErrorContains(t, b.UnmarshalText([]byte("7-9")), `unknown age band "7-9"`)
	_, err := AgeBand("").MarshalText()
	require.Error(t, err)
	// The band counts whole years: the day before the 12th birthday is 6-11.
	c, h, _, _, _ := sampleRecords()
	s, err := Summarize(c, h, nil, nil, nil, day("2028-04-11"), SummaryOptions{})
	require.NoError(t, err)
	require.Equal(t, AgeBand6To11, s.AgeBand)
	s, err = Summarize(c, h, nil, nil, nil, day("2028-04-12"), SummaryOptions{})
	require.NoError(t, err)
	require.Equal(t, AgeBand12To14, s.AgeBand)
}

// identifierWords are parts of field names and JSON tags that suggest a
// direct identifier.
var identifierWords = regexp.MustCompile(`(?i)(name|birth|address|phone|id_?number|email|street|(^|_)id($|_)|^id$|ids$|date)`)

func TestSummaryTypeHasNoIdentifierFields(t *testing.T) {
	identifierTags := map[string]bool{}
	for _, typ := range []reflect.Type{reflect.TypeFor[Case](), reflect.TypeFor[Child](), reflect.TypeFor[Household](), reflect.TypeFor[Member](), reflect.TypeFor[Consent]()} {
		for i := range typ.NumField() {
			if f := typ.Field(i); f.Tag.Get("privacy") == "identifier" {
				identifierTags[f.Name] = true
				name, _ := jsonFieldName(f)
				identifierTags[name] = true
			}
		}
	}
	require.NotEmpty(t, identifierTags)
	seen := map[reflect.Type]bool{}
	var walk func(typ reflect.Type, path string)
	walk = func(typ reflect.Type, path string) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for i := range typ.NumField() {
			f := typ.Field(i)
			name, _ := jsonFieldName(f)
			p := path + "." + f.Name
			require.False(t, identifierWords.MatchString(f.Name), "%s suggests an identifier", p)
			require.False(t, identifierWords.MatchString(name), "%s (json %q) suggests an identifier", p, name)
			require.False(t, identifierTags[f.Name] || identifierTags[name], "%s copies an identifier field", p)
			require.NotEqual(t, "identifier", f.Tag.Get("privacy"), p)
			require.NotEqual(t, reflect.TypeFor[homeward.Date](), f.Type, "%s is a date", p)
			walk(f.Type, p)
		}
	}
	walk(reflect.TypeFor[Summary](), "Summary")
}

// TestIdentifierFieldsNotCopied fills every field tagged privacy:"identifier"
// of the records with a value of its own and checks that none of them
// reaches the summary: a new identifier field is covered as soon as it is
// tagged.
func TestIdentifierFieldsNotCopied(t *testing.T) {
	c, h, as, plans, notes := sampleRecords()
	var markers []string
	n := 0
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				fill(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				fill(v.Index(i))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if !f.IsExported() {
					continue
				}
				if f.Tag.Get("privacy") != "identifier" {
					fill(v.Field(i))
					continue
				}
				n++
				switch fv := v.Field(i); fv.Type() {
				case reflect.TypeFor[string]():
					m := fmt.Sprintf("Qzx%cvw%d", 'a'+rune(n%26), n)
					fv.SetString(m)
					markers = append(markers, m)
				case reflect.TypeFor[homeward.Date]():
					d := day("2014-11-23").AddDays(n)
					fv.Set(reflect.ValueOf(d))
					markers = append(markers, d.String(), fmt.Sprintf("%02d/%02d/%d", d.Day(), int(d.Month()), d.Year()))
				default:
					t.Fatalf("identifier field %s.%s of type %s is not covered by this test", v.Type(), f.Name, fv.Type())
				}
			}
		}
	}
	fill(reflect.ValueOf(c))
	fill(reflect.ValueOf(h))
	require.GreaterOrEqual(t, len(markers), 10)
	// The notes mention every marker.
	for i := range notes {
		notes[i].Text += " " + strings.Join(markers, " and ") + "."
	}
	s, err := Summarize(c, h, as, plans, notes, day("2027-02-01"), SummaryOptions{})
	require.NoError(t, err)
	out, err := json.Marshal(s)
	require.NoError(t, err)
	for _, m := range markers {
		require.NotContains(t, strings.ToLower(string(out)), strings.ToLower(m))
	}
}

// TestSummaryNeverIdentifies is the property test of the summary: for many
// random cases (names of random letters of many scripts, random birth dates,
// addresses, phone and ID numbers, households of random members, notes that
// mention all of them in random places, spellings and cases), the summary
// as JSON holds none of the identifying values.
func TestSummaryNeverIdentifies(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 60
	}
	g := newCaseGen(rand.New(rand.NewPCG(2027, 3)))
	for i := range n {
		rc := g.randomCase(i)
		s, err := Summarize(rc.c, rc.h, nil, nil, rc.notes, rc.on, SummaryOptions{Reference: fmt.Sprintf("case-%d", i)})
		require.NoError(t, err, "case %d", i)
		out, err := json.Marshal(s)
		require.NoError(t, err)
		// JSON writes the narrative's line breaks as \n, which could join a
		// letter n to the next word.
		doc := strings.ReplaceAll(string(out), `\n`, " ")
		lower, folded := strings.ToLower(doc), testFold(doc)
		for _, secret := range rc.secrets {
			if strings.Contains(lower, strings.ToLower(secret)) || strings.Contains(folded, testFold(secret)) {
				t.Fatalf("case %d: the summary holds %q:\nnotes: %q\nnarrative: %s", i, secret, noteTexts(rc.notes), s.Narrative)
			}
		}
		digitsOnly := string(digits(s.Narrative))
		for _, d := range rc.digitSecrets {
			if strings.Contains(digitsOnly, d) {
				t.Fatalf("case %d: the narrative holds the digits %q:\nnotes: %q\nnarrative: %s", i, d, noteTexts(rc.notes), s.Narrative)
			}
		}
		require.False(t, isoDate.MatchString(doc), "case %d: the summary holds a date: %s", i, doc)
		require.False(t, regexp.MustCompile(`\d{6}`).MatchString(doc), "case %d: the summary holds a long number: %s", i, doc)
	}
}

var isoDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

func noteTexts(ns []Note) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Text
	}
	return out
}

// testFold folds case and accents, independently of the code under test.
func testFold(s string) string {
	out, _, err := transform.String(transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), cases.Fold()), s)
	if err != nil {
		return s
	}
	return out
}

// Alphabets of the random names: Latin with and without accents, Greek,
// Cyrillic, Arabic, Hebrew, Devanagari (consonants with vowel signs),
// Hangul, Thai and Chinese characters.
var (
	latin      = []rune("abcdefghijklmnopqrstuvwxyz")
	accented   = []rune("áàâäãåçéèêëíìîïñóòôöõúùûüýÿøłšžćčđğışœæß")
	greek      = []rune("αβγδεζηθικλμνξοπρστυφχψω")
	cyrillic   = []rune("абвгдежзийклмнопрстуфхцчшщыэюя")
	arabic     = []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	hebrew     = []rune("אבגדהוזחטיכלמנסעפצקרשת")
	devaC      = []rune("कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह")
	devaV      = []rune("ािीुूेैोौ")
	hangul     = []rune("김이박최정강조윤장임민서준지우현")
	thai       = []rune("กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ")
	han        = []rune("王李张刘陈杨黄赵吴周芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂")
	fillerHan  = "今天去了学校很好"
	fillerText = strings.Fields("the visit went well and she said that school is fine but the roof leaks again so we agreed to meet next month with everyone present while food was short")
)

type randomCase struct {
	c            *Case
	h            *Household
	notes        []Note
	on           homeward.Date
	secrets      []string
	digitSecrets []string
}

type caseGen struct {
	rng   *rand.Rand
	vocab string // folded text that the summary may hold besides the notes
}

func newCaseGen(rng *rand.Rand) *caseGen {
	var b strings.Builder
	for _, m := range summaryMessages {
		b.WriteString(m.En + " ")
	}
	b.WriteString(strings.Join(fillerText, " ") + " " + fillerHan + " ")
	for _, typ := range []reflect.Type{reflect.TypeFor[Summary](), reflect.TypeFor[RiskStep](), reflect.TypeFor[ArrangementSpan](),
		reflect.TypeFor[HouseholdRole](), reflect.TypeFor[CSIScores](), reflect.TypeFor[DomainScore](), reflect.TypeFor[HVIScore](),
		reflect.TypeFor[PlanOutline](), reflect.TypeFor[GoalOutline]()} {
		for i := range typ.NumField() {
			name, _ := jsonFieldName(typ.Field(i))
			b.WriteString(name + " ")
		}
	}
	for _, vals := range [][]string{strs(ArrangementTypeValues()), strs(RelationshipValues()), strs(StatusValues()), strs(RiskValues()),
		strs(SexValues()), strs(DisabilityValues()), strs(AgeBandValues()), strs(InteractionTypeValues())} {
		b.WriteString(strings.Join(vals, " ") + " ")
	}
	b.WriteString("case- [name] [family name] [address] [phone] [id number] [date] [number] true false null")
	return &caseGen{rng: rng, vocab: testFold(b.String())}
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func (g *caseGen) pick(rs []rune) rune { return rs[g.rng.IntN(len(rs))] }

// word returns a random name-like word that the summary could not hold by
// chance.
func (g *caseGen) word() string {
	for {
		var b strings.Builder
		switch k := g.rng.IntN(20); {
		case k < 9: // Latin, sometimes with accents
			n := 4 + g.rng.IntN(6)
			for i := range n {
				r := g.pick(latin)
				if g.rng.IntN(4) == 0 {
					r = g.pick(accented)
				}
				if i == 0 {
					r = unicode.ToUpper(r)
				}
				b.WriteRune(r)
			}
		case k == 9:
			b.WriteString(string(unicode.ToUpper(g.pick(latin))) + "'" + g.wordOf(latin, 4)) // O'Neill
		case k == 10:
			b.WriteString(g.wordOf(latin, 3) + "-" + g.wordOf(latin, 3)) // Mary-Jane
		case k == 11:
			b.WriteString(g.wordOf(greek, 4))
		case k == 12:
			b.WriteString(g.wordOf(cyrillic, 4))
		case k == 13:
			b.WriteString(g.wordOf(arabic, 4))
		case k == 14:
			b.WriteString(g.wordOf(hebrew, 4))
		case k == 15:
			for range 2 + g.rng.IntN(3) {
				b.WriteRune(g.pick(devaC))
				if g.rng.IntN(2) == 0 {
					b.WriteRune(g.pick(devaV))
				}
			}
		case k == 16:
			b.WriteString(g.wordOf(hangul, 2))
		case k == 17:
			b.WriteString(g.wordOf(thai, 3))
		default:
			b.WriteString(g.wordOf(han, 2))
		}
		w := b.String()
		if !strings.Contains(g.vocab, testFold(w)) {
			return w
		}
	}
}

func (g *caseGen) wordOf(alphabet []rune, minLen int) string {
	var b strings.Builder
	for i := range minLen + g.rng.IntN(3) {
		r := g.pick(alphabet)
		if i == 0 {
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (g *caseGen) digitsOf(n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + g.rng.IntN(10)))
	}
	return b.String()
}

// spell writes s as a note might: in another case, without accents,
// possessive, in brackets or quotes, or glued into Chinese text.
func (g *caseGen) spell(s string) string {
	switch g.rng.IntN(6) {
	case 1:
		s = strings.ToUpper(s)
	case 2:
		s = strings.ToLower(s)
	case 3:
		var b strings.Builder
		for _, r := range s {
			if g.rng.IntN(2) == 0 {
				r = unicode.ToUpper(r)
			} else {
				r = unicode.ToLower(r)
			}
			b.WriteRune(r)
		}
		s = b.String()
	case 4:
		s = stripAccents(s)
	}
	switch g.rng.IntN(9) {
	case 1:
		return s + "'s"
	case 2:
		return "(" + s + ")"
	case 3:
		return "«" + s + "»,"
	case 4:
		return "\"" + s + "\"."
	case 5:
		return fillerHan[:6] + s + fillerHan[6:12]
	case 6:
		return s + "’s"
	case 7:
		return s + "!"
	}
	return s
}

func stripAccents(s string) string {
	out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		return s
	}
	return out
}

func (g *caseGen) randomCase(i int) randomCase {
	rng := g.rng
	var rc randomCase
	birth := day("2000-01-01").AddDays(rng.IntN(9800))
	reg := birth.AddDays(rng.IntN(5000))
	rc.on = reg.AddDays(rng.IntN(1500))
	sexes := SexValues()
	rels := RelationshipValues()
	childFamily := g.word()
	c := &Case{ID: CaseID(fmt.Sprintf("case-%d-id", i)), Org: "org", Status: StatusFollowUp, RegisteredOn: reg, Risk: RiskMedium, Household: "hh",
		Child:        Child{GivenName: g.word(), FamilyName: childFamily, Sex: sexes[rng.IntN(len(sexes))], BirthDate: birth},
		Arrangements: []Arrangement{{Type: ArrangementResidential, Start: birth.AddDays(rng.IntN(min(300, birth.DaysUntil(reg)+1))), End: reg}, {Type: ArrangementKinship, Start: reg}},
	}
	if rng.IntN(3) == 0 {
		c.Child.GivenName += " " + g.word() // two given names
	}
	switch rng.IntN(4) {
	case 0:
		c.Child.IDNumber = strings.ToUpper(g.wordOf(latin, 1)[:1]) + g.digitsOf(7)
	case 1:
		c.Child.IDNumber = "KE-" + fmt.Sprint(birth.Year()) + "-" + g.digitsOf(6)
	case 2:
		c.Child.IDNumber = g.digitsOf(8 + rng.IntN(4))
	default:
		c.Child.IDNumber = "P" + g.digitsOf(6) + "X"
	}
	h := &Household{ID: "hh", Org: "org",
		Address: fmt.Sprintf("Plot %d, %s Road, %s", 1+rng.IntN(300), g.word(), g.word()),
		Phone:   fmt.Sprintf("+%d %s %s %s", 20+rng.IntN(250), g.digitsOf(3), g.digitsOf(3), g.digitsOf(3))}
	for m := range rng.IntN(7) {
		mem := Member{ID: MemberID(fmt.Sprint(m)), GivenName: g.word(), Relationship: rels[rng.IntN(len(rels))], Sex: sexes[rng.IntN(len(sexes))]}
		switch rng.IntN(3) {
		case 0:
			mem.FamilyName = childFamily
		case 1:
			mem.FamilyName = g.word()
		}
		h.Members = append(h.Members, mem)
	}
	consent := Consent{ID: "k", Purpose: ConsentPeerLearning, Date: reg, GivenBy: g.word() + " " + g.word()}
	if len(h.Members) > 0 && rng.IntN(2) == 0 {
		m := h.Members[rng.IntN(len(h.Members))]
		consent.GivenBy, consent.Relationship = strings.TrimSpace(m.GivenName+" "+m.FamilyName), m.Relationship
	}
	c.Consents = []Consent{consent}
	rc.c, rc.h = c, h

	// What must not leak, and the ways a note may write it.
	type mention struct{ forms []string }
	var mentions []mention
	name := func(given, family string) {
		rc.secrets = append(rc.secrets, given)
		forms := []string{given}
		if family != "" {
			rc.secrets = append(rc.secrets, family, given+" "+family)
			forms = append(forms, family, given+" "+family, family+" "+given)
		}
		mentions = append(mentions, mention{forms})
	}
	name(c.Child.GivenName, c.Child.FamilyName)
	for _, m := range h.Members {
		name(m.GivenName, m.FamilyName)
	}
	rc.secrets = append(rc.secrets, consent.GivenBy)
	mentions = append(mentions, mention{[]string{consent.GivenBy}})
	y, mo, d := birth.Year(), birth.Month(), birth.Day()
	dates := []string{
		birth.String(), fmt.Sprintf("%02d/%02d/%d", d, mo, y), fmt.Sprintf("%d/%d/%d", d, mo, y), fmt.Sprintf("%02d/%02d/%d", mo, d, y),
		fmt.Sprintf("%02d-%02d-%d", d, mo, y), fmt.Sprintf("%02d.%02d.%d", d, mo, y), fmt.Sprintf("%d/%02d/%02d", y, mo, d),
		fmt.Sprintf("%d%02d%02d", y, mo, d), fmt.Sprintf("%d %s %d", d, mo, y), fmt.Sprintf("%s %d, %d", mo, d, y),
		fmt.Sprintf("%d de %s de %d", d, spanishMonths[mo-1], y), fmt.Sprintf("%d %s %d", d, dutchMonths[mo-1], y),
	}
	rc.secrets = append(rc.secrets, dates...)
	mentions = append(mentions, mention{dates})
	rc.digitSecrets = append(rc.digitSecrets, fmt.Sprintf("%d%02d%02d", y, mo, d))

	rc.secrets = append(rc.secrets, h.Address)
	parts := strings.Split(h.Address, ", ")
	rc.secrets = append(rc.secrets, parts[1], parts[0]+", "+parts[1])
	mentions = append(mentions, mention{[]string{h.Address, parts[1], parts[0] + ", " + parts[1], strings.ToUpper(h.Address)}})

	pd := string(digits(h.Phone))
	local := "0" + pd[len(pd)-9:]
	rc.secrets = append(rc.secrets, h.Phone, pd)
	rc.digitSecrets = append(rc.digitSecrets, pd[len(pd)-9:])
	mentions = append(mentions, mention{[]string{h.Phone, "+" + pd, local, local[:4] + " " + local[4:7] + " " + local[7:],
		local[:4] + "-" + local[4:7] + "-" + local[7:], "(" + local[:4] + ") " + local[4:], pd[len(pd)-9:]}})

	id := c.Child.IDNumber
	idPlain := string(alnum(id))
	rc.secrets = append(rc.secrets, id, idPlain)
	if ds := string(digits(id)); len(ds) >= 6 {
		rc.digitSecrets = append(rc.digitSecrets, ds)
	}
	mentions = append(mentions, mention{[]string{id, strings.ToLower(id), idPlain, strings.ReplaceAll(id, "-", " ")}})

	for k := range 1 + rng.IntN(4) {
		var words []string
		for range 3 + rng.IntN(20) {
			if rng.IntN(3) == 0 {
				m := mentions[rng.IntN(len(mentions))]
				words = append(words, g.spell(m.forms[rng.IntN(len(m.forms))]))
			} else {
				words = append(words, fillerText[rng.IntN(len(fillerText))])
			}
		}
		// Every identifying value is mentioned at least once in a case.
		if k == 0 {
			for _, m := range mentions {
				at := rng.IntN(len(words) + 1)
				words = slices.Insert(words, at, g.spell(m.forms[rng.IntN(len(m.forms))]))
			}
		}
		date := reg.AddDays(rng.IntN(max(1, reg.DaysUntil(rc.on)+1)))
		types := InteractionTypeValues()
		rc.notes = append(rc.notes, Note{ID: NoteID(fmt.Sprint(k)), Org: "org", Case: c.ID, Date: date,
			Type: types[rng.IntN(len(types))], Author: "staff", Text: strings.Join(words, " "), Confidential: rng.IntN(5) == 0})
	}
	return rc
}

var (
	spanishMonths = strings.Fields("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre")
	dutchMonths   = strings.Fields("januari februari maart april mei juni juli augustus september oktober november december")
)

func BenchmarkSummarize(b *testing.B) {
	c, h, as, plans, notes := sampleRecords()
	on := day("2027-02-01")
	for b.Loop() {
		if _, err := Summarize(c, h, as, plans, notes, on, SummaryOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
