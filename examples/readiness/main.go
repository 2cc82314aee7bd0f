package main

import (
	"context"
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/transition"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "readiness:", err)
		os.Exit(1)
	}
}

func run() error {
	// 1. A service on a store. The service validates every assessment
	//    against its checklist, versions it, keeps each organisation's
	//    records to itself and emits audit events. The store here is in
	//    memory; the sqlstore module has SQLite and PostgreSQL ones.
	audit := &homeward.MemoryAuditSink{}
	svc, err := transition.NewService(transition.NewMemoryStore(), &transition.Options{Audit: audit})
	if err != nil {
		return err
	}

	// 2. Every call runs on behalf of an actor of an organisation.
	ctx := homeward.WithActor(context.Background(),
		homeward.Actor{ID: "ana", Org: "hope-kenya", Role: homeward.RoleStaff})

	// 3. The first assessment: the local partner backs the transition, but
	//    there is no follow-up system yet.
	first, err := svc.Record(ctx, transition.Assessment{
		Checklist: "transition-readiness", ChecklistVersion: "1",
		Date: homeward.MustParseDate("2027-03-01"), Assessor: "R. Mwangi",
		Answers: map[string]transition.Answer{
			"local_partner.backs_transition":        {Status: transition.StatusMet, Evidence: "board minutes"},
			"local_partner.runs_programme":          {Status: transition.StatusInProgress},
			"care_team.professional_social_workers": {Status: transition.StatusInProgress},
			"tailoring.follow_up_aftercare":         {Status: transition.StatusNotStarted},
			"government.no_takeover":                {Status: transition.StatusMet},
			"network.collaboration":                 {Status: transition.StatusNotApplicable},
		},
	})
	if err != nil {
		return err // a *homeward.ValidationError names every bad field
	}
	result, err := svc.Evaluate(ctx, first.ID)
	if err != nil {
		return err
	}
	if err := transition.WriteResult(os.Stdout, transition.Standard(), result,
		transition.ReportOptions{Language: language.MustParse("es-MX"), Format: transition.FormatText}); err != nil {
		return err
	}

	// 4. Six months later the organisation has moved forward: it edits a
	//    copy of its answers and records a second assessment.
	later := first.Clone()
	later.ID, later.Date = "", homeward.MustParseDate("2027-09-01")
	later.Answers["local_partner.runs_programme"] = transition.Answer{Status: transition.StatusMet}
	later.Answers["care_team.professional_social_workers"] = transition.Answer{Status: transition.StatusMet}
	later.Answers["tailoring.follow_up_aftercare"] = transition.Answer{Status: transition.StatusInProgress}
	later.Answers["care_team.training"] = transition.Answer{Status: transition.StatusMet}
	second, err := svc.Record(ctx, later)
	if err != nil {
		return err
	}

	// 5. The progress between the two, and the audit trail of the changes.
	progress, err := svc.Progress(ctx, first.ID, second.ID)
	if err != nil {
		return err
	}
	fmt.Println()
	if err := transition.WriteProgress(os.Stdout, transition.Standard(), progress,
		transition.ReportOptions{Format: transition.FormatText}); err != nil {
		return err
	}
	fmt.Printf("\n%d changes in the audit trail\n", len(audit.Events()))
	return nil
}
