package casework_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

type fixture struct {
	svc   *casework.Service
	audit *homeward.MemoryAuditSink
	now   time.Time
	ctx   context.Context // staff of org-1
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{audit: &homeward.MemoryAuditSink{}, now: time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)}
	n := 0
	svc, err := casework.NewService(casework.NewMemoryStores(), &casework.Options{
		Now:   func() time.Time { return f.now },
		NewID: func() string { n++; return fmt.Sprintf("id%03d", n) },
		Audit: f.audit,
	})
	require.NoError(t, err)
	f.svc = svc
	f.ctx = actor("org-1", "ana", homeward.RoleStaff)
	return f
}

func actor(org, id string, role homeward.Role) context.Context {
	return homeward.WithActor(context.Background(), homeward.Actor{ID: homeward.ActorID(id), Org: homeward.OrgID(org), Role: role})
}

func date(s string) homeward.Date { return homeward.MustParseDate(s) }

func newCase() casework.Case {
	return casework.Case{
		Child: casework.Child{GivenName: "Amina", FamilyName: "Otieno", Sex: casework.SexFemale,
			BirthDate: date("2017-05-12"), BirthDateEstimated: true, Languages: []string{"sw", "en"}},
		Risk: casework.RiskHigh,
		Team: []casework.TeamMember{{Person: "Grace W.", Role: casework.RoleCaseManager, From: date("2027-03-01")}},
		Arrangements: []casework.Arrangement{
			{Type: casework.ArrangementResidential, Start: date("2022-01-10"), Reason: "abandoned"},
		},
	}
}

func problemPaths(t *testing.T, err error) []string {
	t.Helper()
	require.ErrorIs(t, err, homeward.ErrInvalid)
	var ve *homeward.ValidationError
	require.True(t, errors.As(err, &ve))
	var out []string
	for _, f := range ve.Fields {
		out = append(out, f.Path)
	}
	return out
}

func csi(caseID casework.CaseID, d string, score int) casework.Assessment {
	scores := map[casework.Factor]int{}
	for _, f := range casework.KindChildStatus.Factors() {
		scores[f] = score
	}
	return casework.Assessment{Kind: casework.KindChildStatus, Case: caseID, Date: date(d), Scores: scores}
}

func TestRegister(t *testing.T) {
	f := newFixture(t)
	c, err := f.svc.Register(f.ctx, newCase())
	require.NoError(t, err)
	require.Equal(t, casework.CaseID("id001"), c.ID)
	require.Equal(t, homeward.OrgID("org-1"), c.Org)
	require.Equal(t, casework.StatusRegistered, c.Status)
	require.Equal(t, date("2027-03-01"), c.RegisteredOn)
	require.Equal(t, int64(1), c.Version)
	require.Len(t, c.StatusHistory, 1)
	require.Equal(t, []casework.RiskChange{{Date: date("2027-03-01"), To: casework.RiskHigh, Reason: "registration", By: "ana"}}, c.RiskHistory)

	bad := newCase()
	bad.Child = casework.Child{Sex: "girl", Languages: []string{"not a tag!"}}
	bad.Risk = "extreme"
	bad.Arrangements = append(bad.Arrangements, casework.Arrangement{Type: casework.ArrangementKinship, Start: date("2023-01-01")})
	_, err = f.svc.Register(f.ctx, bad)
	require.ElementsMatch(t, []string{"child.given_name", "child.sex", "child.birth_date", "child.languages[0]", "risk", "arrangements[1]"}, problemPaths(t, err))

	withHousehold := newCase()
	withHousehold.Household = "nope"
	_, err = f.svc.Register(f.ctx, withHousehold)
	require.Equal(t, []string{"household"}, problemPaths(t, err))
}

func TestErrorsNeverNameTheChild(t *testing.T) {
	f := newFixture(t)
	bad := newCase()
	bad.Child.GivenName = "Zawadi"
	bad.Child.IDNumber = "BC-99123"
	bad.Child.Sex = "Zawadi"
	bad.Risk = "BC-99123"
	_, err := f.svc.Register(f.ctx, bad)
	require.Error(t, err)
	require.NotContains(t, err.Error(), "Zawadi")
	require.NotContains(t, err.Error(), "BC-99123")
}

func TestLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := f.ctx
	c, err := f.svc.Register(ctx, newCase())
	require.NoError(t, err)

	// Steps cannot be skipped.
	_, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusCasePlan, homeward.Date{})
	require.ErrorContains(t, err, "cannot move from registered to case_plan")

	c, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusAssessment, homeward.Date{})
	require.NoError(t, err)

	_, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusCasePlan, homeward.Date{})
	require.ErrorIs(t, err, homeward.ErrInvalid)
	require.ErrorContains(t, err, "cannot move from assessment to case_plan: the child has no Child Status Index assessment")
	_, err = f.svc.RecordAssessment(ctx, csi(c.ID, "2027-03-02", 2))
	require.NoError(t, err)
	c, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusCasePlan, homeward.Date{})
	require.NoError(t, err)

	_, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusImplementation, homeward.Date{})
	require.ErrorContains(t, err, "cannot move from case_plan to implementation: the case has no plan with at least one goal")
	p, err := f.svc.CreatePlan(ctx, casework.Plan{Case: c.ID, Status: casework.PlanActive})
	require.NoError(t, err)
	require.Equal(t, date("2027-04-01"), p.NextReview, "monthly review at high risk")
	_, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusImplementation, homeward.Date{})
	require.ErrorContains(t, err, "no plan with at least one goal")
	p.Goals = []casework.Goal{{ID: "g1", Domain: casework.DomainIncomeWork, Description: "Start a vegetable stall", Status: casework.GoalOpen}}
	_, err = f.svc.UpdatePlan(ctx, p)
	require.NoError(t, err)
	c, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusImplementation, homeward.Date{})
	require.NoError(t, err)

	_, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusFollowUp, homeward.Date{})
	require.ErrorContains(t, err, "cannot move from implementation to follow_up: the current care arrangement (residential_care) is not family-based")
	c, err = f.svc.Place(ctx, c.ID, c.Version, casework.Arrangement{Type: casework.ArrangementKinship, Start: date("2027-04-15"), Reason: "reunified with grandmother"})
	require.NoError(t, err)
	require.Equal(t, date("2027-04-15"), c.Arrangements[0].End, "the open arrangement ends when the next starts")
	_, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusFollowUp, date("2027-04-14"))
	require.ErrorContains(t, err, "not family-based", "judged on the day given")
	c, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusFollowUp, date("2027-04-15"))
	require.NoError(t, err)

	// Closing needs a reason of the list.
	_, err = f.svc.Close(ctx, c.ID, c.Version, casework.Closure{Reason: "bored"})
	require.ErrorContains(t, err, "cannot move from follow_up to closed: a reason is required")
	_, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusClosed, homeward.Date{})
	require.ErrorContains(t, err, "use Close")
	c, err = f.svc.Close(ctx, c.ID, c.Version, casework.Closure{Reason: casework.ClosureGoalsAchieved, Date: date("2028-05-01")})
	require.NoError(t, err)
	require.Equal(t, casework.StatusClosed, c.Status)
	_, err = f.svc.Place(ctx, c.ID, c.Version, casework.Arrangement{Type: casework.ArrangementParents, Start: date("2028-06-01")})
	require.ErrorContains(t, err, "closed")

	_, err = f.svc.Reopen(ctx, c.ID, c.Version, homeward.Date{}, "")
	require.ErrorContains(t, err, "reason")
	c, err = f.svc.Reopen(ctx, c.ID, c.Version, date("2028-07-01"), "placement at risk after grandmother's illness")
	require.NoError(t, err)
	require.Equal(t, casework.StatusAssessment, c.Status)
	require.Nil(t, c.Closure)
	require.Len(t, c.Reopenings, 1)
	var steps []string
	for _, s := range c.StatusHistory {
		steps = append(steps, string(s.To))
	}
	require.Equal(t, []string{"registered", "assessment", "case_plan", "implementation", "follow_up", "closed", "assessment"}, steps)

	// A stale version is a conflict.
	_, err = f.svc.SetRisk(ctx, c.ID, c.Version-1, casework.RiskLow, homeward.Date{}, "")
	require.ErrorIs(t, err, homeward.ErrConflict)
}

func TestFollowUpBackToImplementation(t *testing.T) {
	f := newFixture(t)
	c := advancedCase(t, f)
	c, err := f.svc.Advance(f.ctx, c.ID, c.Version, casework.StatusImplementation, homeward.Date{})
	require.NoError(t, err, "a placement that breaks down goes back to implementation")
	require.Equal(t, casework.StatusImplementation, c.Status)
}

// advancedCase returns a case in follow-up with a kinship placement.
func advancedCase(t *testing.T, f *fixture) casework.Case {
	t.Helper()
	ctx := f.ctx
	c, err := f.svc.Register(ctx, newCase())
	require.NoError(t, err)
	c, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusAssessment, homeward.Date{})
	require.NoError(t, err)
	_, err = f.svc.RecordAssessment(ctx, csi(c.ID, "2027-03-02", 2))
	require.NoError(t, err)
	c, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusCasePlan, homeward.Date{})
	require.NoError(t, err)
	_, err = f.svc.CreatePlan(ctx, casework.Plan{Case: c.ID, Goals: []casework.Goal{{ID: "g", Domain: casework.DomainSafety, Description: "x", Status: casework.GoalOpen}}})
	require.NoError(t, err)
	c, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusImplementation, homeward.Date{})
	require.NoError(t, err)
	c, err = f.svc.Place(ctx, c.ID, c.Version, casework.Arrangement{Type: casework.ArrangementKinship, Start: date("2027-03-01")})
	require.NoError(t, err)
	c, err = f.svc.Advance(ctx, c.ID, c.Version, casework.StatusFollowUp, homeward.Date{})
	require.NoError(t, err)
	return c
}

func TestRegisteredNeedsCaseManager(t *testing.T) {
	f := newFixture(t)
	in := newCase()
	in.Team = []casework.TeamMember{{Person: "Joseph", Role: casework.RoleSocialWorker}}
	c, err := f.svc.Register(f.ctx, in)
	require.NoError(t, err)
	_, err = f.svc.Advance(f.ctx, c.ID, c.Version, casework.StatusAssessment, homeward.Date{})
	require.ErrorContains(t, err, "cannot move from registered to assessment: the case team has no active case manager")
}

func TestUpdateCaseGuardsLifecycleFields(t *testing.T) {
	f := newFixture(t)
	c, err := f.svc.Register(f.ctx, newCase())
	require.NoError(t, err)
	edit := c
	edit.Status = casework.StatusClosed
	edit.Risk = casework.RiskLow
	_, err = f.svc.UpdateCase(f.ctx, edit)
	require.ElementsMatch(t, []string{"status", "risk"}, problemPaths(t, err))

	edit = c
	edit.Child.GivenName = "Amina Wanjiru"
	edit.Arrangements = nil // ignored: arrangements change through Place
	updated, err := f.svc.UpdateCase(f.ctx, edit)
	require.NoError(t, err)
	require.Equal(t, "Amina Wanjiru", updated.Child.GivenName)
	require.Len(t, updated.Arrangements, 1)

	ev := f.audit.Events()
	last := ev[len(ev)-1]
	require.Equal(t, "update", last.Action)
	require.Equal(t, []string{"child.given_name"}, last.Fields, "audit names the field")
	for _, e := range ev {
		for _, fld := range e.Fields {
			require.NotContains(t, fld, "Amina", "audit events never carry values")
		}
	}
}

func TestSetRiskAndPlanCadence(t *testing.T) {
	f := newFixture(t)
	in := newCase()
	in.Risk = casework.RiskLow
	c, err := f.svc.Register(f.ctx, in)
	require.NoError(t, err)
	p, err := f.svc.CreatePlan(f.ctx, casework.Plan{Case: c.ID, Start: date("2027-03-01")})
	require.NoError(t, err)
	require.Equal(t, date("2027-06-01"), p.NextReview, "every 3 months below high risk")
	require.Equal(t, casework.PlanDraft, p.Status)

	p.NextReview = date("2027-07-01")
	_, err = f.svc.UpdatePlan(f.ctx, p)
	require.ErrorContains(t, err, "next_review: must be by 2027-06-01")

	c, err = f.svc.SetRisk(f.ctx, c.ID, c.Version, casework.RiskHigh, date("2027-03-10"), "violence at home")
	require.NoError(t, err)
	require.Len(t, c.RiskHistory, 2)
	require.Equal(t, casework.RiskLow, c.RiskHistory[1].From)
	p.NextReview = date("2027-06-01")
	_, err = f.svc.UpdatePlan(f.ctx, p)
	require.ErrorContains(t, err, "every 1 month(s) at high risk")
	_, err = f.svc.SetRisk(f.ctx, c.ID, c.Version, casework.RiskLow, date("2027-03-01"), "")
	require.ErrorContains(t, err, "before the last risk change")
}

func TestConsent(t *testing.T) {
	f := newFixture(t)
	c, err := f.svc.Register(f.ctx, newCase())
	require.NoError(t, err)
	c, err = f.svc.AddConsent(f.ctx, c.ID, c.Version, casework.Consent{Purpose: casework.ConsentPeerLearning, GivenBy: "Mary Otieno", Relationship: casework.RelGrandparent, Date: date("2027-03-05")})
	require.NoError(t, err)
	c, err = f.svc.AddConsent(f.ctx, c.ID, c.Version, casework.Consent{Purpose: casework.ConsentInformationSharing, Parties: []string{"county children's office"}, GivenBy: "Mary Otieno", Date: date("2027-03-05")})
	require.NoError(t, err)
	require.False(t, c.ConsentOn(casework.ConsentPeerLearning, "", date("2027-03-04")))
	require.True(t, c.ConsentOn(casework.ConsentPeerLearning, "", date("2027-03-05")))
	require.True(t, c.ConsentOn(casework.ConsentInformationSharing, "county children's office", date("2027-04-01")))
	require.False(t, c.ConsentOn(casework.ConsentInformationSharing, "a school", date("2027-04-01")))
	require.False(t, c.ConsentOn(casework.ConsentResearch, "", date("2027-04-01")))

	c, err = f.svc.WithdrawConsent(f.ctx, c.ID, c.Version, c.Consents[0].ID, date("2027-05-01"))
	require.NoError(t, err)
	require.True(t, c.ConsentOn(casework.ConsentPeerLearning, "", date("2027-04-30")))
	require.False(t, c.ConsentOn(casework.ConsentPeerLearning, "", date("2027-05-01")), "checked at the moment of use")
	_, err = f.svc.WithdrawConsent(f.ctx, c.ID, c.Version, c.Consents[0].ID, date("2027-05-02"))
	require.ErrorContains(t, err, "already withdrawn")

	_, err = f.svc.AddConsent(f.ctx, c.ID, c.Version, casework.Consent{Purpose: casework.ConsentInformationSharing, GivenBy: "x", Date: date("2027-03-05")})
	require.ErrorContains(t, err, "parties")
}

func TestAccessAcrossOrganisations(t *testing.T) {
	f := newFixture(t)
	c, err := f.svc.Register(f.ctx, newCase())
	require.NoError(t, err)
	other := actor("org-2", "bob", homeward.RoleStaff)
	reader := actor("org-1", "rita", homeward.RoleReadOnly)

	_, err = f.svc.Case(other, c.ID)
	require.ErrorIs(t, err, homeward.ErrNotFound)
	require.NotContains(t, err.Error(), "org-1", "the error does not hint at the owner")
	_, err = f.svc.SetRisk(other, c.ID, c.Version, casework.RiskLow, homeward.Date{}, "")
	require.ErrorIs(t, err, homeward.ErrNotFound)
	page, err := f.svc.Cases(other, casework.CaseFilter{})
	require.NoError(t, err)
	require.Empty(t, page.Items)
	_, err = f.svc.Cases(other, casework.CaseFilter{Org: "org-1"})
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = f.svc.RecordAssessment(other, csi(c.ID, "2027-03-02", 3))
	require.Equal(t, []string{"case"}, problemPaths(t, err), "linking to another organisation's case is refused like a missing one")
	_, err = f.svc.AddNote(other, casework.Note{Case: c.ID, Type: casework.InteractionHomeVisit, Text: "x"})
	require.ErrorIs(t, err, homeward.ErrInvalid)

	_, err = f.svc.Case(reader, c.ID)
	require.NoError(t, err)
	_, err = f.svc.SetRisk(reader, c.ID, c.Version, casework.RiskLow, homeward.Date{}, "")
	require.ErrorIs(t, err, homeward.ErrForbidden, "read-only actors cannot write")
	_, err = f.svc.Register(reader, newCase())
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = f.svc.Case(context.Background(), c.ID)
	require.ErrorIs(t, err, homeward.ErrForbidden)
}

func TestHouseholdsAssessmentsNotes(t *testing.T) {
	f := newFixture(t)
	h, err := f.svc.CreateHousehold(f.ctx, casework.Household{
		Members: []casework.Member{{ID: "m1", GivenName: "Mary", FamilyName: "Otieno", Relationship: casework.RelGrandparent, Caregiver: true, Sex: casework.SexFemale, BirthYear: 1962}},
		Region:  "Nyanza", District: "Kisumu East", Address: "Plot 12, Manyatta", Phone: "+254 700 000000",
		Income: []casework.IncomeSource{{Kind: casework.IncomeAgriculture, Monthly: homeward.MustMoney("3000", "KES"), From: date("2026-01-01")}},
	})
	require.NoError(t, err)
	require.Len(t, h.Caregivers(), 1)
	in := newCase()
	in.Household = h.ID
	c, err := f.svc.Register(f.ctx, in)
	require.NoError(t, err)

	hv := casework.Assessment{Kind: casework.KindHouseholdVulnerability, Household: h.ID, Date: date("2027-03-03"),
		Scores: map[casework.Factor]int{"income": 4, "food": 3, "housing": 3, "health": 2, "education": 3, "protection": 2, "social_support": 2, "caregiving": 2}}
	hv, err = f.svc.RecordAssessment(f.ctx, hv)
	require.NoError(t, err)
	band, err := f.svc.Band(&hv)
	require.NoError(t, err)
	require.Equal(t, casework.BandHigh, band, "total 21 is high (20–25)")

	bad := csi(c.ID, "2027-03-02", 5)
	bad.Scores["favourite_colour"] = 2
	delete(bad.Scores, casework.CSICare)
	_, err = f.svc.RecordAssessment(f.ctx, bad)
	paths := problemPaths(t, err)
	require.Contains(t, paths, "scores.care")
	require.Contains(t, paths, "scores.favourite_colour")
	require.Contains(t, paths, "scores.food_security")

	first, err := f.svc.RecordAssessment(f.ctx, csi(c.ID, "2027-03-02", 2))
	require.NoError(t, err)
	second, err := f.svc.RecordAssessment(f.ctx, csi(c.ID, "2027-09-02", 3))
	require.NoError(t, err)
	list, err := f.svc.Assessments(f.ctx, casework.AssessmentFilter{Case: c.ID})
	require.NoError(t, err)
	require.Equal(t, []casework.AssessmentID{first.ID, second.ID}, []casework.AssessmentID{list.Items[0].ID, list.Items[1].ID})
	require.Equal(t, "3", second.DomainScores()[casework.CSIDomainHealth].String())

	n, err := f.svc.AddNote(f.ctx, casework.Note{Case: c.ID, Type: casework.InteractionHomeVisit, Text: "Visited at home."})
	require.NoError(t, err)
	require.Equal(t, "ana", n.Author)
	require.Equal(t, date("2027-03-01"), n.Date)
	n.Case = "other"
	_, err = f.svc.UpdateNote(f.ctx, n)
	require.ErrorContains(t, err, "case: cannot be changed")
}

func TestPlanWarnings(t *testing.T) {
	f := newFixture(t)
	kes := func(s string) homeward.Money { return homeward.MustMoney(s, "KES") }
	h, err := f.svc.CreateHousehold(f.ctx, casework.Household{
		Members: []casework.Member{{ID: "m1", GivenName: "Mary", Relationship: casework.RelGrandparent, Caregiver: true}},
		Income:  []casework.IncomeSource{{Kind: casework.IncomeCasualLabour, Monthly: kes("2000"), From: date("2026-01-01")}},
		Support: []casework.SupportPayment{
			// the window before: 3,000 in total
			{Date: date("2026-09-15"), Kind: casework.SupportCash, Amount: kes("1000")},
			{Date: date("2026-10-15"), Kind: casework.SupportCash, Amount: kes("1000")},
			{Date: date("2026-11-15"), Kind: casework.SupportCash, Amount: kes("1000")},
			// the last three months: 7,000 against 6,000 own income
			{Date: date("2026-12-15"), Kind: casework.SupportCash, Amount: kes("3000")},
			{Date: date("2027-01-15"), Kind: casework.SupportInKind, Amount: kes("2000")},
			{Date: date("2027-02-15"), Kind: casework.SupportSchoolFees, Amount: kes("2000")},
			{Date: date("2027-02-20"), Kind: casework.SupportCash, Amount: homeward.MustMoney("50", "USD")},
		},
	})
	require.NoError(t, err)
	in := newCase()
	in.Household = h.ID
	c, err := f.svc.Register(f.ctx, in)
	require.NoError(t, err)
	p, err := f.svc.CreatePlan(f.ctx, casework.Plan{Case: c.ID, Goals: []casework.Goal{
		{ID: "g1", Domain: casework.DomainParenting, Description: "x", Status: casework.GoalOpen},
		{ID: "g2", Domain: casework.DomainIncomeWork, Description: "y", Status: casework.GoalDropped},
	}})
	require.NoError(t, err)

	w, err := f.svc.PlanWarnings(f.ctx, p.ID, date("2027-03-01"))
	require.NoError(t, err)
	var rules []string
	for _, x := range w {
		rules = append(rules, x.Rule+" "+x.Message)
	}
	require.Len(t, rules, 4, strings.Join(rules, "\n"))
	require.Equal(t, casework.RuleLivingOrIncomeGoal, w[0].Rule, "a dropped goal does not count")
	require.Equal(t, "support is 54% of the household's income in KES over the last 3 months (more than 50%)", w[1].Message)
	require.Equal(t, "support is 100% of the household's income in USD over the last 3 months (more than 50%)", w[2].Message, "currencies are never mixed")
	require.Equal(t, "support in KES is not tapering: 7000 in the last 3 months against 3000 in the 3 months before", w[3].Message)

	// The rules are configurable.
	rules2 := casework.PlanRules{MaxSupportShare: decimal.RequireFromString("0.6"), DisableLivingOrIncomeGoal: true, DisableSupportTapering: true}
	got := rules2.Check(&p, &h, date("2027-03-01"))
	require.Len(t, got, 1)
	require.Equal(t, casework.RuleSupportShare, got[0].Rule)
	require.Contains(t, got[0].Message, "USD")

	_, err = casework.NewService(casework.NewMemoryStores(), &casework.Options{Rules: casework.PlanRules{MaxSupportShare: decimal.NewFromInt(2)}})
	require.ErrorContains(t, err, "rules.max_support_share")
}
