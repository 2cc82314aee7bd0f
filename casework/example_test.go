package casework_test

import (
	"context"
	"fmt"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// Register a child in residential care and move the case through the steps
// of case management until the child lives with her grandmother.
func ExampleService_Advance() {
	svc, err := casework.NewService(casework.NewMemoryStores(), nil)
	if err != nil {
		panic(err)
	}
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "grace", Org: "hope-kenya", Role: homeward.RoleStaff})
	on := homeward.MustParseDate

	c, err := svc.Register(ctx, casework.Case{
		Child: casework.Child{GivenName: "Amina", FamilyName: "Otieno", Sex: casework.SexFemale,
			BirthDate: on("2017-05-12"), BirthDateEstimated: true},
		RegisteredOn: on("2027-03-01"),
		Risk:         casework.RiskMedium,
		Team:         []casework.TeamMember{{Person: "Grace W.", Role: casework.RoleCaseManager}},
		Arrangements: []casework.Arrangement{{Type: casework.ArrangementResidential, Start: on("2022-01-10")}},
	})
	if err != nil {
		panic(err)
	}
	step := func(to casework.Status, day string) {
		next, err := svc.Advance(ctx, c.ID, c.Version, to, on(day))
		if err != nil {
			fmt.Println(err)
			return
		}
		c = next
		fmt.Println("now", c.Status)
	}

	step(casework.StatusAssessment, "2027-03-02")
	step(casework.StatusCasePlan, "2027-03-03") // refused: no assessment yet
	scores := map[casework.Factor]int{}
	for _, f := range casework.KindChildStatus.Factors() {
		scores[f] = 2
	}
	if _, err := svc.RecordAssessment(ctx, casework.Assessment{Kind: casework.KindChildStatus, Case: c.ID, Date: on("2027-03-03"), Scores: scores}); err != nil {
		panic(err)
	}
	step(casework.StatusCasePlan, "2027-03-03")
	if _, err := svc.CreatePlan(ctx, casework.Plan{Case: c.ID, Start: on("2027-03-10"), Goals: []casework.Goal{
		{ID: "income", Domain: casework.DomainIncomeWork, Description: "Grandmother runs a vegetable stall", Status: casework.GoalOpen},
	}}); err != nil {
		panic(err)
	}
	step(casework.StatusImplementation, "2027-03-10")
	c, err = svc.Place(ctx, c.ID, c.Version, casework.Arrangement{Type: casework.ArrangementKinship, Start: on("2027-04-15"), Reason: "reunified with her grandmother"})
	if err != nil {
		panic(err)
	}
	step(casework.StatusFollowUp, "2027-04-15")
	current, _ := c.CurrentArrangement(on("2027-05-01"))
	fmt.Println("living in", current.Type, "family-based:", current.Type.FamilyBased())
	// Output:
	// now assessment
	// invalid input: status: cannot move from assessment to case_plan: the child has no Child Status Index assessment
	// now case_plan
	// now implementation
	// now follow_up
	// living in kinship_care family-based: true
}

// The plan rules warn when a family leans on the organisation's support.
func ExamplePlanRules_Check() {
	kes := func(s string) homeward.Money { return homeward.MustMoney(s, "KES") }
	on := homeward.MustParseDate
	h := &casework.Household{
		Income: []casework.IncomeSource{{Kind: casework.IncomeAgriculture, Monthly: kes("1500"), From: on("2026-01-01")}},
		Support: []casework.SupportPayment{
			{Date: on("2026-12-10"), Kind: casework.SupportCash, Amount: kes("2500")},
			{Date: on("2027-01-10"), Kind: casework.SupportCash, Amount: kes("2500")},
		},
	}
	p := &casework.Plan{Goals: []casework.Goal{{ID: "g", Domain: casework.DomainLivingConditions, Description: "Repair the roof", Status: casework.GoalInProgress}}}
	for _, w := range (casework.PlanRules{}).Check(p, h, on("2027-03-01")) {
		fmt.Println(w.Rule+":", w.Message)
	}
	// Output:
	// support_share: support is 53% of the household's income in KES over the last 3 months (more than 50%)
}

// Read the Child Status Index assessments of an organisation as summaries,
// through the store's ChildStatusScanner when it has one, as the in-memory
// store does.
func ExampleChildStatusScanner() {
	ctx := context.Background()
	st := casework.NewMemoryStores()
	scores := map[casework.Factor]int{}
	for _, f := range casework.KindChildStatus.Factors() {
		scores[f] = 3
	}
	scores[casework.CSIWellness] = 1
	_, err := st.Assessments.Create(ctx, casework.Assessment{ID: "a1", Org: "hope-kenya", Kind: casework.KindChildStatus,
		Case: "c1", Date: homeward.MustParseDate("2026-03-02"), Scores: scores})
	if err != nil {
		panic(err)
	}
	sc, ok := st.Assessments.(casework.ChildStatusScanner)
	if !ok {
		panic("no ChildStatusScanner")
	}
	err = sc.ScanChildStatus(ctx, "hope-kenya", func(s *casework.ChildStatusSummary) error {
		for d, dom := range casework.CSIDomains {
			fmt.Printf("%s %s %d\n", s.Case, dom.Domain, s.Domains[d])
		}
		return nil
	})
	if err != nil {
		panic(err)
	}
	// Output:
	// c1 food_and_nutrition 6
	// c1 shelter_and_care 6
	// c1 protection 6
	// c1 health 4
	// c1 psychosocial 6
	// c1 education_and_skills 6
}
