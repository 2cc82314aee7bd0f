package main

import (
	"context"
	"fmt"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/cohort"
)

// demoMembers are the organisations of the demo's Mutual Learning series,
// each with the time zone in which it sees the sessions.
var demoMembers = []struct {
	org homeward.OrgID
	tz  string
}{
	{demoOrg, "Africa/Nairobi"}, {"casa-esperanza", "America/Mexico_City"}, {"dcf-ecuador", "America/Guayaquil"},
	{"nyumbani-tz", "Africa/Dar_es_Salaam"}, {"sahara-care", "Africa/Lagos"}, {"ghar-india", "Asia/Kolkata"},
	{"rodyna-ua", "Europe/Kyiv"}, {"amal-jordan", "Asia/Amman"}, {"familia-peru", "America/Lima"},
	{"udhyam-nepal", "Asia/Kathmandu"}, {"kinship-ug", "Africa/Kampala"},
}

// staffOf returns a context acting as a staff member of org.
func (d *demo) staffOf(org homeward.OrgID) context.Context {
	if org == demoOrg {
		return d.ctx
	}
	return homeward.WithActor(d.ctx, homeward.Actor{ID: homeward.ActorID("staff@" + org), Org: org, Role: homeward.RoleStaff})
}

// learningSeries runs a Mutual Learning series in which Hope Kenya brings
// Amina's case for joint analysis.
func (d *demo) learningSeries() error {
	d.clock.setDay("2027-03-08")
	svc, err := cohort.NewService(d.db.Cohort(), &cohort.Options{Now: d.clock.Now, Audit: d.db.Audit(), Casework: d.cw})
	if err != nil {
		return err
	}
	organiser := d.staffOf("family-power")
	p, err := svc.CreateProgramme(organiser, cohort.MutualLearningProgram("", "family-power", "wilde-ganzen"))
	if err != nil {
		return err
	}
	c, err := svc.CreateCohort(organiser, cohort.Cohort{Programme: p.ID, Name: "Series 2 (English)", Language: "en", Status: cohort.CohortRecruiting,
		Facilitators: []cohort.Facilitator{{Name: "Lucía Ramírez", Org: "kanankil"}},
		Plan: cohort.SessionPlan{First: day("2027-03-11"), At: "15:00", TimeZone: "Europe/Amsterdam", Every: 14, Count: p.Sessions,
			Skip: []homeward.Date{day("2027-04-22")}}})
	if err != nil {
		return err
	}
	for _, m := range demoMembers {
		if c, err = svc.Apply(d.staffOf(m.org), c.ID, c.Version, m.org, m.tz); err != nil {
			return err
		}
	}
	enrolled, waiting := 0, 0
	for _, m := range c.Members {
		switch m.Status {
		case cohort.MemberEnrolled:
			enrolled++
		case cohort.MemberWaitlisted:
			waiting++
		}
	}
	fmt.Fprintf(d.out, "%s\n%s: %d sessions of %d minutes; %d organisations enrolled, %d on the waiting list.\n\n",
		p.Name, c.Name, len(c.Sessions), c.Sessions[0].Minutes, enrolled, waiting)
	fmt.Fprintf(d.out, "  %-3s  %-22s  %-22s  %s\n", "#", "Amsterdam (organiser)", "Nairobi (Hope Kenya)", "Mexico City")
	for _, s := range c.Sessions[:5] {
		ams, _ := s.In("Europe/Amsterdam")
		nbo, _ := s.In("Africa/Nairobi")
		mex, _ := s.In("America/Mexico_City")
		fmt.Fprintf(d.out, "  %-3d  %-22s  %-22s  %s\n", s.Number, ams.Format("Mon 2 Jan 15:04 MST"), nbo.Format("Mon 2 Jan 15:04"), mex.Format("Mon 2 Jan 15:04"))
	}
	fmt.Fprintln(d.out, "  (the clocks change in Amsterdam on 28 March; the session of 22 April is skipped)")

	d.clock.setDay("2027-03-15")
	sub, err := svc.Submit(d.ctx, c.ID, d.child.ID, "How do we keep the child's grandmother from depending on our support?", day("2027-03-15"))
	if err != nil {
		return err
	}
	seen, err := svc.Submission(d.staffOf("ghar-india"), sub.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "\nHope Kenya submits a case; the other members see %s: %s, age band %s, %s risk,\nand the question %q.\n",
		seen.Summary.Reference, seen.Summary.Sex, seen.Summary.AgeBand, seen.Summary.Risk, seen.Question)

	d.clock.setDay("2027-03-25")
	facilitator := d.staffOf("kanankil")
	disc, err := svc.StartDiscussion(facilitator, c.ID, sub.ID, cohort.DefaultProtocol(), day("2027-03-25"))
	if err != nil {
		return err
	}
	for _, x := range []struct {
		org          homeward.OrgID
		round, words string
	}{
		{demoOrg, cohort.RoundSituation, "Support is more than half of the household's income; the grandmother fears it will stop."},
		{"ghar-india", cohort.RoundQuestions, "What does the grandmother earn from the vegetable plot in the dry season?"},
		{"casa-esperanza", cohort.RoundAdvice, "Agree a tapering plan with her, month by month, before the support falls."},
		{"rodyna-ua", cohort.RoundAdvice, "Link her to the savings group of the women's network."},
	} {
		if disc, err = svc.ContributeToDiscussion(d.staffOf(x.org), disc.ID, disc.Version, x.round, x.org, x.words); err != nil {
			return err
		}
	}
	disc, actions, err := svc.Conclude(d.ctx, disc.ID, disc.Version, []cohort.ChosenAction{
		{Description: "Agree a tapering plan for the household's support", Due: day("2027-04-30")},
		{Description: "Introduce the grandmother to the savings group", Due: day("2027-04-15")},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "The series discusses it by the %s (%d contributions); Hope Kenya commits to:\n", disc.Protocol.Name, len(disc.Contributions))
	for _, a := range actions {
		fmt.Fprintf(d.out, "  - %s (by %s, stage %s)\n", a.Description, a.Due, a.Stage)
	}
	return nil
}
