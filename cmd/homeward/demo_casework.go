package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

// The casework and monitoring sections of the demo run on a clock of their
// own, so that the story reads the same whenever the demo is run: they
// record the case of a girl who leaves Hope Kenya's children's home for her
// grandmother's family in February 2027.
var demoStart = time.Date(2027, 2, 1, 8, 0, 0, 0, time.UTC)

// demoClock is a clock the demo moves forward as its story advances.
type demoClock struct{ now time.Time }

func (c *demoClock) Now() time.Time { return c.now }

// setDay moves the clock to 08:00 UTC on day.
func (c *demoClock) setDay(day string) {
	c.now = homeward.MustParseDate(day).Time().Add(8 * time.Hour)
}

// setupCasework builds the casework and monitoring services on the demo's
// database.
func (d *demo) setupCasework() error {
	d.clock = &demoClock{now: demoStart}
	cw, err := casework.NewService(d.db.Casework(), &casework.Options{Now: d.clock.Now, Audit: d.db.Audit()})
	if err != nil {
		return err
	}
	mon, err := monitoring.NewService(d.db.Visits(), cw, &monitoring.Options{Now: d.clock.Now, Audit: d.db.Audit(), Casework: d.db.Casework()})
	if err != nil {
		return err
	}
	d.cw, d.mon = cw, mon
	return nil
}

func day(s string) homeward.Date { return homeward.MustParseDate(s) }

// reintegration records the case of Amina from registration to follow-up.
func (d *demo) reintegration() error {
	if err := d.setupCasework(); err != nil {
		return err
	}
	ctx, cw := d.ctx, d.cw
	fmt.Fprintln(d.out, "Amina, about nine, has lived in the children's home since 2022. Her grandmother\nin Kisumu wants her back. The case moves through the six steps of case management.")
	h, err := cw.CreateHousehold(ctx, casework.Household{
		Members: []casework.Member{
			{ID: "m1", GivenName: "Mary", FamilyName: "Achieng", Relationship: casework.RelGrandparent, Caregiver: true, Sex: casework.SexFemale, BirthYear: 1961},
			{ID: "m2", GivenName: "Peter", FamilyName: "Achieng", Relationship: casework.RelCousin, Sex: casework.SexMale, BirthYear: 2012},
		},
		Region: "Nyanza", District: "Kisumu East", Address: "Manyatta B, plot 14", Phone: "+254 700 123 456",
		Income: []casework.IncomeSource{{Kind: casework.IncomeAgriculture, Description: "vegetable plot", Monthly: homeward.MustMoney("4000", "KES"), From: day("2025-01-01")}},
		Support: []casework.SupportPayment{
			{Date: day("2026-12-10"), Kind: casework.SupportCash, Amount: homeward.MustMoney("5000", "KES")},
			{Date: day("2027-01-10"), Kind: casework.SupportCash, Amount: homeward.MustMoney("5000", "KES")},
			{Date: day("2027-02-10"), Kind: casework.SupportSchoolFees, Amount: homeward.MustMoney("5000", "KES")},
		},
	})
	if err != nil {
		return err
	}
	c, err := cw.Register(ctx, casework.Case{
		Child: casework.Child{GivenName: "Amina", FamilyName: "Achieng", Sex: casework.SexFemale,
			BirthDate: day("2017-08-01"), BirthDateEstimated: true, Languages: []string{"luo", "sw"}},
		Household: h.ID, Risk: casework.RiskHigh,
		Team:         []casework.TeamMember{{Person: "Grace Wanjiru", Role: casework.RoleCaseManager}, {Person: "Otieno Obura", Role: casework.RoleSocialWorker}},
		Arrangements: []casework.Arrangement{{Type: casework.ArrangementResidential, Start: day("2022-03-10"), Reason: "found alone after her mother died"}},
		Consents:     []casework.Consent{{ID: "c1", Purpose: casework.ConsentPeerLearning, GivenBy: "Mary Achieng", Relationship: casework.RelGrandparent, Date: day("2027-02-01")}},
	})
	if err != nil {
		return err
	}
	step := func(to casework.Status) error {
		next, err := cw.Advance(ctx, c.ID, c.Version, to, homeward.Date{})
		if err != nil {
			return err
		}
		c = next
		return nil
	}
	if err := step(casework.StatusAssessment); err != nil {
		return err
	}
	scores := map[casework.Factor]int{}
	for i, f := range casework.KindChildStatus.Factors() {
		scores[f] = 2 + i%2
	}
	if _, err := cw.RecordAssessment(ctx, casework.Assessment{Kind: casework.KindChildStatus, Case: c.ID, Date: day("2027-02-03"), Assessor: "Grace Wanjiru", Scores: scores}); err != nil {
		return err
	}
	if err := step(casework.StatusCasePlan); err != nil {
		return err
	}
	plan, err := cw.CreatePlan(ctx, casework.Plan{Case: c.ID, Status: casework.PlanActive, Start: day("2027-02-05"), Goals: []casework.Goal{
		{ID: "g1", Domain: casework.DomainIncomeWork, Description: "Grandmother sells vegetables at the market", Status: casework.GoalInProgress,
			Actions: []casework.Action{{ID: "a1", Description: "Business training", Owner: "Otieno Obura", Due: day("2027-03-31"), Status: casework.ActionPlanned}}},
		{ID: "g2", Domain: casework.DomainLegalDocuments, Description: "Birth certificate", Status: casework.GoalOpen,
			Actions: []casework.Action{{ID: "a2", Description: "Apply at the civil registry", Owner: "Grace Wanjiru", Due: day("2027-02-28"), Status: casework.ActionPlanned}}},
	}})
	if err != nil {
		return err
	}
	if err := step(casework.StatusImplementation); err != nil {
		return err
	}
	d.clock.setDay("2027-02-15")
	if c, err = cw.Place(ctx, c.ID, c.Version, casework.Arrangement{Type: casework.ArrangementKinship, Start: day("2027-02-15"),
		Reason: "reunified with her grandmother", Household: h.ID}); err != nil {
		return err
	}
	if err := step(casework.StatusFollowUp); err != nil {
		return err
	}
	d.child = c
	var steps []string
	for _, s := range c.StatusHistory {
		steps = append(steps, string(s.To))
	}
	fmt.Fprintf(d.out, "\nCase %s: %s\n", c.ID, strings.Join(steps, " → "))
	for _, a := range c.Arrangements {
		end := "now"
		if !a.End.IsZero() {
			end = a.End.String()
		}
		fmt.Fprintf(d.out, "  %-16s %s to %s\n", a.Type, a.Start, end)
	}
	fmt.Fprintf(d.out, "Plan %s: %d goals, next review by %s (monthly at high risk)\n", plan.ID, len(plan.Goals), plan.NextReview)
	warnings, err := cw.PlanWarnings(ctx, plan.ID, homeward.Date{})
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintf(d.out, "  plan warning (%s): %s\n", w.Rule, w.Message)
	}
	sum, err := cw.Summarize(ctx, c.ID, casework.ConsentPeerLearning, homeward.Date{}, casework.SummaryOptions{Reference: "case-A"})
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "\nShared for peer learning without identifying anyone (consent given by her grandmother):\nreference %s, sex %s, age band %s, %d care arrangements, %d plan goals; no name, birth\ndate, address or phone leaves the record.\n", sum.Reference, sum.Sex, sum.AgeBand, len(sum.Arrangements), len(sum.Plans[0].Goals))
	return nil
}

// worklist schedules Amina's follow-up and shows the morning worklist.
func (d *demo) worklist() error {
	ctx, mon := d.ctx, d.mon
	visits, err := mon.ScheduleCase(ctx, d.child.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "The follow-up policy at high risk plans %d visits over the first year after the\nplacement on %s. Grace visits on %s; the next visit is missed.\n", len(visits), d.child.Arrangements[len(d.child.Arrangements)-1].Start, visits[0].Due)
	if _, err := mon.RecordVisit(ctx, visits[0].ID, visits[0].Version, monitoring.Report{Done: visits[0].Due, By: "Grace Wanjiru",
		Outcome: monitoring.Outcome{ChildSafe: true}}); err != nil {
		return err
	}
	if _, err := mon.MissVisit(ctx, visits[1].ID, visits[1].Version, visits[1].Due, "the family was at a funeral"); err != nil {
		return err
	}
	d.clock.setDay("2027-03-08")
	list, err := mon.Worklist(ctx, monitoring.WorklistFilter{Caseworker: "Grace Wanjiru"})
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "\nWorklist of Grace Wanjiru on %s:\n", homeward.Today(d.clock.now, nil))
	for _, it := range list.Items {
		fmt.Fprintf(d.out, "  %s  %-13s  %-8s  case %s\n", it.Visit.Due, it.Visit.Kind, it.Status, it.Visit.Case)
	}
	counts, err := mon.Counts(ctx, "", "Grace Wanjiru", homeward.Date{})
	if err != nil {
		return err
	}
	var parts []string
	for _, st := range monitoring.VisitStatusValues() {
		parts = append(parts, fmt.Sprintf("%s %d", st, counts[st]))
	}
	fmt.Fprintf(d.out, "Visits by state: %s\n", strings.Join(parts, ", "))
	r, err := mon.ClosureReadiness(ctx, d.child.ID, homeward.Date{})
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "\nReady to close? %v. Still to come:\n", r.Ready)
	for _, f := range r.Failing {
		fmt.Fprintf(d.out, "  - %s\n", f.Detail)
	}
	return nil
}

// indicators prints the organisation's indicators for the first quarter.
func (d *demo) indicators() error {
	p := monitoring.Period{From: day("2027-01-01"), To: day("2027-03-31")}
	d.clock.setDay("2027-04-01")
	ind, err := d.mon.Indicators(d.ctx, nil, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "Indicators of %s, %s to %s:\n\n", demoOrg, p.From, p.To)
	for _, x := range ind {
		value := "no value (nothing to count)"
		if x.HasValue {
			value = fmt.Sprintf("%s  (%s / %s)", x.Value.StringFixed(2), x.Numerator, x.Denominator)
		}
		fmt.Fprintf(d.out, "  %-32s %s\n", x.ID, value)
	}
	return nil
}
