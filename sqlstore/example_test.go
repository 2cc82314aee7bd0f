package sqlstore_test

import (
	"context"
	"fmt"
	"log"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/sqlstore"
	"github.com/homewardkit/homeward/transition"
)

// Open an in-memory SQLite database, record two assessments through the
// transition service with the SQL store and audit sink, and list them.
func Example() {
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, ":memory:") // or "homeward.db", or "postgres://..."
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	svc, err := transition.NewService(db.Assessments(), &transition.Options{Audit: db.Audit()})
	if err != nil {
		log.Fatal(err)
	}
	ctx = homeward.WithActor(ctx, homeward.Actor{ID: "ana", Org: "hope-home", Role: homeward.RoleStaff})

	first := transition.Standard().Areas[0].Items[0].ID
	for _, day := range []string{"2027-09-01", "2027-03-01"} {
		_, err := svc.Record(ctx, transition.Assessment{
			ID:               transition.AssessmentID("assessment-" + day),
			Checklist:        "transition-readiness",
			ChecklistVersion: "1",
			Date:             homeward.MustParseDate(day),
			Assessor:         "Ana",
			Answers:          map[string]transition.Answer{first: {Status: transition.StatusInProgress}},
		})
		if err != nil {
			log.Fatal(err)
		}
	}

	page, err := svc.History(ctx, transition.Filter{})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range page.Items {
		fmt.Println(a.Date, a.ID, "version", a.Version, "answers", len(a.Answers))
	}

	events, err := db.Audit().List(ctx, sqlstore.AuditFilter{Org: "hope-home"})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range events.Items {
		fmt.Println(e.Action, e.Kind, e.RecordID, "by", e.Actor)
	}
	// Output:
	// 2027-03-01 assessment-2027-03-01 version 1 answers 1
	// 2027-09-01 assessment-2027-09-01 version 1 answers 1
	// create assessment assessment-2027-09-01 by ana
	// create assessment assessment-2027-03-01 by ana
}
