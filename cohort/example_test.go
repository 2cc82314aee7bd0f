package cohort_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/cohort"
)

// staff returns a context acting for a member of staff of org.
func staff(org string) context.Context {
	return homeward.WithActor(context.Background(), homeward.Actor{ID: homeward.ActorID("staff@" + org), Org: homeward.OrgID(org), Role: homeward.RoleStaff})
}

// A Mutual Learning series from recruitment to its last session: the
// programme preset, a series with its sessions shown in the organiser's
// and a member's time zone, eleven applications for ten places, a
// withdrawal that promotes the organisation on the waiting list,
// attendance, fees, completion and the evaluation.
func Example_mutualLearningSeries() {
	now := time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)
	n := 0
	svc, err := cohort.NewService(cohort.NewMemoryStores(), &cohort.Options{
		Now:   func() time.Time { now = now.Add(time.Minute); return now },
		NewID: func() string { n++; return fmt.Sprintf("id%d", n) },
	})
	if err != nil {
		panic(err)
	}
	organiser := staff("family-power")
	p, err := svc.CreateProgramme(organiser, cohort.MutualLearningProgram("mlp", "family-power", "wilde-ganzen"))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s: %d sessions of %d minutes in %d months, in %v, %d organisations per series, %s fee\n",
		p.Name, p.Sessions, p.SessionMinutes, p.DurationMonths, p.Languages, p.Capacity, p.Fee.Kind)

	c, err := svc.CreateCohort(organiser, cohort.Cohort{
		ID: "series-2", Programme: p.ID, Name: "Series 2", Language: "en", Status: cohort.CohortRecruiting,
		Facilitators: []cohort.Facilitator{{Name: "Lucía R.", Org: "kanankil"}},
		// Fortnightly on Thursdays at 15:00 in Amsterdam; 1 April is a
		// holiday, so that session moves to the next free slot.
		Plan: cohort.SessionPlan{First: homeward.MustParseDate("2027-02-04"), At: "15:00", TimeZone: "Europe/Amsterdam",
			Every: 14, Count: 12, Skip: []homeward.Date{homeward.MustParseDate("2027-04-01")}},
	})
	if err != nil {
		panic(err)
	}

	applicants := []struct{ org, tz string }{
		{"ngo-kenya", "Africa/Nairobi"}, {"ngo-ecuador", "America/Guayaquil"}, {"ngo-india", "Asia/Kolkata"},
		{"ngo-ukraine", "Europe/Kyiv"}, {"ngo-lebanon", "Asia/Beirut"}, {"ngo-uganda", "Africa/Kampala"},
		{"ngo-mexico", "America/Mexico_City"}, {"ngo-nepal", "Asia/Kathmandu"}, {"ngo-moldova", "Europe/Chisinau"},
		{"ngo-peru", "America/Lima"}, {"ngo-ghana", "Africa/Accra"},
	}
	for _, a := range applicants {
		if c, err = svc.Apply(staff(a.org), c.ID, c.Version, homeward.OrgID(a.org), a.tz); err != nil {
			panic(err)
		}
	}
	ghana, _ := c.Member("ngo-ghana")
	fmt.Println("ngo-ghana:", ghana.Status)
	if c, err = svc.Withdraw(staff("ngo-peru"), c.ID, c.Version, "ngo-peru"); err != nil {
		panic(err)
	}
	ghana, _ = c.Member("ngo-ghana")
	fmt.Println("ngo-peru withdraws; ngo-ghana:", ghana.Status)
	if c, err = svc.SetStatus(organiser, c.ID, c.Version, cohort.CohortRunning); err != nil {
		panic(err)
	}

	fmt.Println("Session  Amsterdam (organiser)  Mexico City (ngo-mexico)")
	for _, s := range c.Sessions {
		ams, _ := s.In("Europe/Amsterdam")
		mex, _ := s.In("America/Mexico_City")
		fmt.Printf("%7d  %s      %s\n", s.Number, ams.Format("Mon 02 Jan 15:04"), mex.Format("Mon 02 Jan 15:04"))
	}

	for i, s := range c.Sessions {
		var present, absent []homeward.OrgID
		for _, m := range c.Members {
			switch {
			case m.Status != cohort.MemberEnrolled:
			case m.Org == "ngo-nepal" && i >= 2 && i < 6, m.Org == "ngo-lebanon" && i == 3:
				absent = append(absent, m.Org)
			case m.Org == "ngo-moldova" && s.Start.After(time.Date(2027, 4, 20, 0, 0, 0, 0, time.UTC)):
			default:
				present = append(present, m.Org)
			}
		}
		if c, err = svc.RecordAttendance(organiser, c.ID, c.Version, s.Number, present, absent); err != nil {
			panic(err)
		}
		if s.Number == 6 {
			now = time.Date(2027, 4, 20, 9, 0, 0, 0, time.UTC)
			if c, err = svc.Withdraw(staff("ngo-moldova"), c.ID, c.Version, "ngo-moldova"); err != nil {
				panic(err)
			}
		}
	}
	for _, f := range []struct{ org, amount, currency string }{
		{"ngo-kenya", "50", "EUR"}, {"ngo-mexico", "1000", "MXN"}, {"ngo-ukraine", "40", "EUR"},
	} {
		if c, err = svc.Contribute(staff(f.org), c.ID, c.Version, homeward.OrgID(f.org), homeward.MustParseDate("2027-03-01"),
			homeward.MustMoney(f.amount, f.currency)); err != nil {
			panic(err)
		}
	}
	fmt.Println("Voluntary fees:", c.FeeTotals())
	if c, err = svc.SetStatus(organiser, c.ID, c.Version, cohort.CohortFinished); err != nil {
		panic(err)
	}

	now = time.Date(2027, 8, 1, 0, 0, 0, 0, time.UTC)
	ev, err := svc.CohortEvaluation(organiser, c.ID)
	if err != nil {
		panic(err)
	}
	for _, m := range ev.Members {
		if m.Participated && !m.Completed {
			fmt.Printf("%s (%s) attended %d of %d sessions: not completed\n", m.Org, m.Status, m.SessionsAttended, ev.SessionsHeld)
		}
	}
	fmt.Printf("Completed: %d of %d; retention %s (%d of the %d enrolled at the start)\n",
		ev.Completed, ev.Participants, ev.Retention.StringFixed(2), ev.RetainedAtEnd, ev.EnrolledAtStart)
	if err := cohort.WriteCohortCSV(os.Stdout, []cohort.CohortEvaluation{ev}); err != nil {
		panic(err)
	}
	// Output:
	// Mutual Learning Program for Family and Community Based Care: 12 sessions of 120 minutes in 6 months, in [en es], 10 organisations per series, voluntary fee
	// ngo-ghana: waitlisted
	// ngo-peru withdraws; ngo-ghana: enrolled
	// Session  Amsterdam (organiser)  Mexico City (ngo-mexico)
	//       1  Thu 04 Feb 15:00      Thu 04 Feb 08:00
	//       2  Thu 18 Feb 15:00      Thu 18 Feb 08:00
	//       3  Thu 04 Mar 15:00      Thu 04 Mar 08:00
	//       4  Thu 18 Mar 15:00      Thu 18 Mar 08:00
	//       5  Thu 15 Apr 15:00      Thu 15 Apr 07:00
	//       6  Thu 29 Apr 15:00      Thu 29 Apr 07:00
	//       7  Thu 13 May 15:00      Thu 13 May 07:00
	//       8  Thu 27 May 15:00      Thu 27 May 07:00
	//       9  Thu 10 Jun 15:00      Thu 10 Jun 07:00
	//      10  Thu 24 Jun 15:00      Thu 24 Jun 07:00
	//      11  Thu 08 Jul 15:00      Thu 08 Jul 07:00
	//      12  Thu 22 Jul 15:00      Thu 22 Jul 07:00
	// Voluntary fees: [90 EUR 1000 MXN]
	// ngo-nepal (enrolled) attended 8 of 12 sessions: not completed
	// ngo-moldova (withdrawn) attended 5 of 12 sessions: not completed
	// Completed: 8 of 10; retention 0.90 (9 of the 10 enrolled at the start)
	// cohort,programme,name,status,evaluated_at,sessions,sessions_held,enrolled,waitlisted,withdrawn,participants,completed,completion_rate,submissions,submissions_withdrawn,discussions_held,discussions_concluded,actions_open,actions_in_progress,actions_done,actions_dropped,enrolled_at_start,retained_at_end,retention
	// series-2,mlp,Series 2,finished,2027-08-01T00:01:00Z,12,12,9,0,2,10,8,0.8000,0,0,0,0,0,0,0,0,10,9,0.9000
}

// A member organisation submits a case for joint analysis: the case is
// shared as its de-identified summary, with consent for peer learning, and
// a question without names. The group discusses it along the incident
// method, and the presenter's chosen actions become its learning actions.
func ExampleService_Conclude() {
	now := time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { now = now.Add(time.Minute); return now }
	n, m := 0, 0
	cw, err := casework.NewService(casework.NewMemoryStores(), &casework.Options{Now: clock,
		NewID: func() string { m++; return fmt.Sprintf("case-record-%d", m) }})
	if err != nil {
		panic(err)
	}
	svc, err := cohort.NewService(cohort.NewMemoryStores(), &cohort.Options{Now: clock, Casework: cw,
		NewID: func() string { n++; return fmt.Sprintf("id%d", n) }})
	if err != nil {
		panic(err)
	}

	// A series with three member organisations.
	organiser, kenya := staff("family-power"), staff("ngo-kenya")
	p, _ := svc.CreateProgramme(organiser, cohort.MutualLearningProgram("mlp", "family-power"))
	c, err := svc.CreateCohort(organiser, cohort.Cohort{ID: "series-2", Programme: p.ID, Name: "Series 2", Language: "en",
		Status: cohort.CohortRecruiting, Facilitators: []cohort.Facilitator{{Name: "Lucía R.", Org: "kanankil"}},
		Plan: cohort.SessionPlan{First: homeward.MustParseDate("2027-02-04"), At: "15:00", TimeZone: "Europe/Amsterdam", Every: 14, Count: 12}})
	if err != nil {
		panic(err)
	}
	for _, org := range []string{"ngo-kenya", "ngo-ecuador", "ngo-india"} {
		if c, err = svc.Apply(staff(org), c.ID, c.Version, homeward.OrgID(org), "UTC"); err != nil {
			panic(err)
		}
	}

	// The case of ngo-kenya, with the grandmother's consent for peer
	// learning and a note that names the family.
	h, _ := cw.CreateHousehold(kenya, casework.Household{Members: []casework.Member{
		{ID: "m1", GivenName: "Mary", FamilyName: "Achieng", Relationship: casework.RelGrandparent, Caregiver: true, Sex: casework.SexFemale}}})
	cs, err := cw.Register(kenya, casework.Case{Household: h.ID, Risk: casework.RiskMedium,
		Child:        casework.Child{GivenName: "Amina", FamilyName: "Otieno", Sex: casework.SexFemale, BirthDate: homeward.MustParseDate("2016-05-12")},
		Team:         []casework.TeamMember{{Person: "Grace W.", Role: casework.RoleCaseManager}},
		Arrangements: []casework.Arrangement{{Type: casework.ArrangementResidential, Start: homeward.MustParseDate("2021-03-01")}}})
	if err != nil {
		panic(err)
	}
	cs, _ = cw.AddConsent(kenya, cs.ID, cs.Version, casework.Consent{Purpose: casework.ConsentPeerLearning, GivenBy: "Mary Achieng",
		Relationship: casework.RelGrandparent, Date: homeward.MustParseDate("2027-01-10")})
	_, _ = cw.AddNote(kenya, casework.Note{Case: cs.ID, Type: casework.InteractionHomeVisit, Date: homeward.MustParseDate("2027-01-10"),
		Text: "Amina is back with Mary Achieng. She does not want to go to the new school."})

	_, err = svc.Submit(kenya, c.ID, cs.ID, "How do we help Amina to trust her new school?", homeward.MustParseDate("2027-02-18"))
	fmt.Println("with a name:", err)
	sub, err := svc.Submit(kenya, c.ID, cs.ID, "How do we help the child to trust her new school?", homeward.MustParseDate("2027-02-18"))
	if err != nil {
		panic(err)
	}
	// What the other members see: the summary, without the case id.
	seen, _ := svc.Submission(staff("ngo-ecuador"), sub.ID)
	fmt.Printf("%s, %s, age %s, %s risk: %q\n%s\n", seen.Summary.Reference, seen.Summary.Sex, seen.Summary.AgeBand, seen.Summary.Risk,
		seen.Question, seen.Summary.Narrative)

	facilitator := staff("kanankil")
	d, err := svc.StartDiscussion(facilitator, c.ID, sub.ID, cohort.DefaultProtocol(), homeward.MustParseDate("2027-03-04"))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s, %d minutes:\n", d.Protocol.Name, d.Protocol.Minutes())
	for _, r := range d.Protocol.Rounds {
		fmt.Printf("  %-10s %3d  %s\n", r.ID, r.Minutes, r.Title)
	}
	for _, x := range []struct{ org, round, text string }{
		{"ngo-kenya", cohort.RoundSituation, "The child returned to her grandmother in January and refuses the new school."},
		{"ngo-india", cohort.RoundQuestions, "Has she visited the school before her first day?"},
		{"ngo-ecuador", cohort.RoundAdvice, "Ask a classmate's family to walk with her in the first weeks."},
		{"ngo-india", cohort.RoundAdvice, "Invite the teacher to a home visit with the grandmother."},
	} {
		if d, err = svc.ContributeToDiscussion(staff(x.org), d.ID, d.Version, x.round, homeward.OrgID(x.org), x.text); err != nil {
			panic(err)
		}
	}
	d, actions, err := svc.Conclude(kenya, d.ID, d.Version, []cohort.ChosenAction{
		{Description: "Invite the teacher to a home visit", Due: homeward.MustParseDate("2027-03-31")},
		{Description: "Find a family to walk to school with", Due: homeward.MustParseDate("2027-03-18")},
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s with %d contributions; learning actions of %s:\n", d.State, len(d.Contributions), d.Presenter)
	for _, a := range actions {
		fmt.Printf("  %s  %-4s %-4s %s\n", a.Due, a.Stage, a.Status, a.Description)
	}
	// Output:
	// with a name: invalid input: question: contains a name of the child or of a household member: write a role word such as "the child" or "the grandmother" instead
	// case-1, female, age 6-11, medium risk: "How do we help the child to trust her new school?"
	// Home visit, month 0: The child is back with the grandmother. She does not want to go to the new school.
	// Incident method (Hendriksen), 120 minutes:
	//   choose      10  Choose the case
	//   situation   15  Situation and question
	//   questions   20  Information questions
	//   analysis    20  Analysis
	//   advice      30  Views and advice
	//   reflection  15  Reflection and chosen actions
	//   evaluation  10  Evaluation
	// concluded with 4 contributions; learning actions of ngo-kenya:
	//   2027-03-31  plan open Invite the teacher to a home visit
	//   2027-03-18  plan open Find a family to walk to school with
}
