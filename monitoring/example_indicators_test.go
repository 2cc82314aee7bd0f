package monitoring_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

// exampleSetup registers one child who left a children's home for her
// grandmother's on 15 February 2027, and plans her follow-up.
func exampleSetup() (*monitoring.Service, context.Context, casework.Case, error) {
	today := time.Date(2027, 3, 1, 7, 0, 0, 0, time.UTC)
	clock := func() time.Time { return today }
	n := 0
	seq := func() string { n++; return fmt.Sprintf("rec-%d", n) }
	stores := casework.NewMemoryStores()
	cw, err := casework.NewService(stores, &casework.Options{Now: clock, NewID: seq})
	if err != nil {
		return nil, nil, casework.Case{}, err
	}
	svc, err := monitoring.NewService(monitoring.NewMemoryVisitStore(), cw, &monitoring.Options{Now: clock, NewID: seq, Casework: stores})
	if err != nil {
		return nil, nil, casework.Case{}, err
	}
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "grace", Org: "hope-kenya", Role: homeward.RoleStaff})
	c, err := cw.Register(ctx, casework.Case{
		Child:        casework.Child{GivenName: "Amina", Sex: casework.SexFemale, BirthDate: homeward.MustParseDate("2017-05-12")},
		RegisteredOn: homeward.MustParseDate("2027-01-05"),
		Risk:         casework.RiskHigh,
		Team:         []casework.TeamMember{{Person: "Grace W.", Role: casework.RoleCaseManager}},
		Arrangements: []casework.Arrangement{
			{Type: casework.ArrangementResidential, Start: homeward.MustParseDate("2022-01-10"), End: homeward.MustParseDate("2027-02-15")},
			{Type: casework.ArrangementKinship, Start: homeward.MustParseDate("2027-02-15")},
		},
	})
	if err != nil {
		return nil, nil, casework.Case{}, err
	}
	_, err = svc.ScheduleCase(ctx, c.ID)
	return svc, ctx, c, err
}

// The indicators of February 2027 for one organisation: the first contact
// was made a day after its due date (within the grace period), the first
// weekly visit is overdue.
func ExampleService_Indicators() {
	svc, ctx, c, err := exampleSetup()
	if err != nil {
		fmt.Println(err)
		return
	}
	visits, _ := svc.Visits(ctx, c.ID)
	first := visits[0]
	if _, err := svc.RecordVisit(ctx, first.ID, first.Version, monitoring.Report{Done: homeward.MustParseDate("2027-02-18"),
		Outcome: monitoring.Outcome{ChildSafe: true}}); err != nil {
		fmt.Println(err)
		return
	}

	feb := monitoring.Period{From: homeward.MustParseDate("2027-02-01"), To: homeward.MustParseDate("2027-02-28")}
	inds, err := svc.Indicators(ctx, nil, feb)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, in := range inds[:7] {
		value := "no value"
		if in.HasValue {
			value = in.Value.String() + " " + string(in.Unit)
		}
		fmt.Printf("%s: %s / %s = %s\n", in.ID, in.Numerator, in.Denominator, value)
	}
	for _, cell := range inds[0].Breakdowns[monitoring.DimAgeBand] {
		fmt.Printf("visits on time, age %s: %s / %s\n", cell.Key, cell.Numerator, cell.Denominator)
	}
	// Output:
	// visits_on_time: 1 / 2 = 50 percent
	// overdue_visits: 1 / 2 = 50 percent
	// leaving_residential_for_family: 1 / 1 = 100 percent
	// residential_to_family_ratio: 0 / 1 = 0 ratio
	// reentry_within_12_months: 0 / 0 = no value
	// placement_moves_per_1000_days: 0 / 14 = 0 per_1000_days
	// plans_reviewed_on_time: 0 / 0 = no value
	// visits on time, age 6-11: 1 / 2
}

// A research dataset of the organisation's cases: the case id is replaced
// by its keyed pseudonym, the birth date by an age band, and the name is
// not written at all.
func ExampleService_Export() {
	svc, ctx, _, err := exampleSetup()
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = svc.Export(ctx, os.Stdout, monitoring.DatasetCases, monitoring.ExportOptions{Key: []byte("research key 2027")})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// case,org,status,sex,age_band,risk,arrangement_type,family_based,registered_on,arrangements,household,closed_on,closure_reason,reopenings
	// 995a09c5b88ef0cb3229f85faa68e215,hope-kenya,registered,female,6-11,high,kinship_care,true,2027-01-05,2,,,,0
}

// A pseudonym links the rows of exports made on different days with the
// same key, and anyone holding the key can find a case's rows.
func ExamplePseudonym() {
	fmt.Println(monitoring.Pseudonym([]byte("secret key"), "c1"))
	// Output:
	// 663f9be5e7d793f98b96e615c470829f
}
