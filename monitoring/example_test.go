package monitoring_test

import (
	"context"
	"fmt"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

// The visits due after a child is placed with her grandmother at medium risk.
func ExamplePolicy_Schedule() {
	visits, err := monitoring.DefaultPolicy().Schedule(homeward.MustParseDate("2027-01-31"), casework.RiskMedium)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range visits {
		fmt.Println(v.Date, v.Kind)
	}
	// Output:
	// 2027-02-05 first_contact
	// 2027-02-14 follow_up
	// 2027-02-21 follow_up
	// 2027-02-28 follow_up
	// 2027-03-31 follow_up
	// 2027-04-30 follow_up
	// 2027-05-31 follow_up
	// 2027-06-30 follow_up
	// 2027-07-31 follow_up
	// 2027-10-31 follow_up
	// 2028-01-31 follow_up
}

// Every morning: which visits are due and which are overdue.
func ExampleService_Worklist() {
	today := time.Date(2027, 3, 1, 7, 0, 0, 0, time.UTC)
	clock := func() time.Time { return today }
	cw, _ := casework.NewService(casework.NewMemoryStores(), &casework.Options{Now: clock})
	svc, _ := monitoring.NewService(monitoring.NewMemoryVisitStore(), cw, &monitoring.Options{Now: clock})
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "grace", Org: "hope-kenya", Role: homeward.RoleStaff})

	c, err := cw.Register(ctx, casework.Case{
		Child: casework.Child{GivenName: "Amina", Sex: casework.SexFemale, BirthDate: homeward.MustParseDate("2017-05-12")},
		Risk:  casework.RiskHigh,
		Team:  []casework.TeamMember{{Person: "Grace W.", Role: casework.RoleCaseManager}},
		Arrangements: []casework.Arrangement{
			{Type: casework.ArrangementResidential, Start: homeward.MustParseDate("2022-01-10"), End: homeward.MustParseDate("2027-02-15")},
			{Type: casework.ArrangementKinship, Start: homeward.MustParseDate("2027-02-15")},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := svc.ScheduleCase(ctx, c.ID); err != nil {
		fmt.Println(err)
		return
	}
	list, err := svc.Worklist(ctx, monitoring.WorklistFilter{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range list.Items {
		fmt.Println(it.Visit.Due, it.Visit.Kind, it.Status, it.Visit.Caseworker)
	}
	// Output:
	// 2027-02-17 first_contact overdue Grace W.
	// 2027-02-22 follow_up overdue Grace W.
	// 2027-03-01 follow_up due Grace W.
	// 2027-03-08 follow_up due Grace W.
}
