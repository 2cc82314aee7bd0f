package casework_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// Summarise a case for a learning cohort. The summary keeps the age band,
// the care history as durations and the notes; the names in the notes
// become role words, and the phone number and the date placeholders.
func ExampleSummarize() {
	on := homeward.MustParseDate
	c := &casework.Case{
		ID: "case-17", Org: "hope-kenya", Status: casework.StatusFollowUp, Household: "hh-4",
		RegisteredOn: on("2026-03-02"), Risk: casework.RiskMedium,
		Child: casework.Child{GivenName: "Neema", FamilyName: "Achieng", Sex: casework.SexFemale, BirthDate: on("2016-04-12")},
		Consents: []casework.Consent{{ID: "c1", Purpose: casework.ConsentPeerLearning, GivenBy: "Margaret Achieng",
			Relationship: casework.RelGrandparent, Date: on("2026-03-20")}},
		Arrangements: []casework.Arrangement{
			{Type: casework.ArrangementResidential, Start: on("2019-02-01"), End: on("2026-09-15")},
			{Type: casework.ArrangementKinship, Start: on("2026-09-15"), Household: "hh-4"},
		},
	}
	h := &casework.Household{ID: "hh-4", Org: "hope-kenya", Phone: "+254 722 555 019", Members: []casework.Member{
		{ID: "m1", GivenName: "Margaret", FamilyName: "Achieng", Relationship: casework.RelGrandparent, Sex: casework.SexFemale, Caregiver: true},
	}}
	notes := []casework.Note{{ID: "n1", Org: "hope-kenya", Case: "case-17", Date: on("2026-10-02"), Type: casework.InteractionHomeVisit,
		Author: "joseph", Text: "Neema has settled with Margaret Achieng. Call 0722 555 019 before the visit on 12/11/2026."}}

	day := on("2027-02-01")
	if err := casework.CheckSummaryConsent(c, casework.ConsentPeerLearning, day); err != nil {
		fmt.Println(err)
		return
	}
	s, err := casework.Summarize(c, h, nil, nil, notes, day, casework.SummaryOptions{Reference: "case-A"})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, _ := json.MarshalIndent(s, "", "  ")
	fmt.Println(string(out))
	// Output:
	// {
	//   "reference": "case-A",
	//   "age_band": "6-11",
	//   "sex": "female",
	//   "status": "follow_up",
	//   "days_since_registration": 336,
	//   "risk": "medium",
	//   "arrangements": [
	//     {
	//       "type": "residential_care",
	//       "family_based": false,
	//       "days": 2783
	//     },
	//     {
	//       "type": "kinship_care",
	//       "family_based": true,
	//       "days": 139,
	//       "current": true
	//     }
	//   ],
	//   "household": [
	//     {
	//       "role": "the grandmother",
	//       "relationship": "grandparent",
	//       "caregiver": true
	//     }
	//   ],
	//   "narrative": "Home visit, month 7: The child has settled with the grandmother. Call [phone] before the visit on [date]."
	// }
}

// The service reads the case and its records under the access policy and
// shares a summary only with a consent for the purpose on the day.
func ExampleService_Summarize() {
	svc, err := casework.NewService(casework.NewMemoryStores(), nil)
	if err != nil {
		panic(err)
	}
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "joseph", Org: "hope-kenya", Role: homeward.RoleStaff})
	on := homeward.MustParseDate
	c, err := svc.Register(ctx, casework.Case{
		ID:           "case-17",
		Child:        casework.Child{GivenName: "Neema", FamilyName: "Achieng", Sex: casework.SexFemale, BirthDate: on("2016-04-12")},
		RegisteredOn: on("2026-03-02"),
		Risk:         casework.RiskHigh,
		Consents: []casework.Consent{{ID: "c1", Purpose: casework.ConsentPeerLearning, GivenBy: "Margaret Achieng",
			Relationship: casework.RelGrandparent, Date: on("2026-03-20")}},
	})
	if err != nil {
		panic(err)
	}
	if _, err := svc.AddNote(ctx, casework.Note{Case: c.ID, Date: on("2026-04-02"), Type: casework.InteractionOfficeVisit,
		Text: "Neema asked when she can see her grandmother again."}); err != nil {
		panic(err)
	}

	_, err = svc.Summarize(ctx, c.ID, casework.ConsentResearch, on("2026-05-01"), casework.SummaryOptions{})
	fmt.Println(errors.Is(err, homeward.ErrForbidden), err)

	s, err := svc.Summarize(ctx, c.ID, casework.ConsentPeerLearning, on("2026-05-01"), casework.SummaryOptions{Reference: "case-A"})
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Reference, s.AgeBand, s.Risk, s.DaysSinceRegistration)
	fmt.Println(s.Narrative)
	// Output:
	// true summarize: case case-17 has no consent for research on 2026-05-01: forbidden
	// case-A 6-11 high 60
	// Office visit, month 1: The child asked when she can see her grandmother again.
}

// Read a case file from another system, list its problems or use it.
func ExampleReadCaseFile() {
	f, err := casework.ReadCaseFile([]byte(`{
  "format": "homeward-case/1",
  "case": {"id": "case-17", "org": "hope-kenya", "status": "registered", "registered_on": "2026-03-02",
           "risk": "high", "child": {"given_name": "Neema", "sex": "girl", "birth_date": "2016-04-12"}},
  "notes": [{"id": "n1", "org": "hope-kenya", "case": "case-17", "date": "2026-04-02",
             "type": "office_visit", "author": "joseph", "text": "First visit.", "mood": "good"}]
}`))
	var ve *homeward.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Fields {
			fmt.Println(p)
		}
	}
	fmt.Println(f == nil)

	f, err = casework.ReadCaseFile([]byte(`{"format": "homeward-case/1",
  "case": {"id": "case-17", "org": "hope-kenya", "status": "registered", "registered_on": "2026-03-02",
           "risk": "high", "child": {"given_name": "Neema", "sex": "female", "birth_date": "2016-04-12"}}}`))
	if err != nil {
		panic(err)
	}
	if err := casework.WriteCaseFile(os.Stdout, f); err != nil {
		panic(err)
	}
	// Output:
	// case.child.sex: unknown sex "girl" (want one of: female, male, other, unknown)
	// notes[0].mood: unknown field
	// true
	// {
	//   "format": "homeward-case/1",
	//   "case": {
	//     "id": "case-17",
	//     "org": "hope-kenya",
	//     "status": "registered",
	//     "child": {
	//       "given_name": "Neema",
	//       "family_name": "",
	//       "sex": "female",
	//       "birth_date": "2016-04-12"
	//     },
	//     "registered_on": "2026-03-02",
	//     "risk": "high"
	//   },
	//   "assessments": [],
	//   "plans": [],
	//   "notes": []
	// }
}
