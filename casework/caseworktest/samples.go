package caseworktest

import (
	"reflect"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// deepCopy returns a copy of v that shares no slice, map or pointer with it,
// so that the suite's expectations do not depend on the Clone methods of the
// package under test. Structs with unexported fields (times, dates,
// decimals, currencies) are values and copied as they are.
func deepCopy[V any](v V) V {
	var out V
	copyValue(reflect.ValueOf(&out).Elem(), reflect.ValueOf(v))
	return out
}

func copyValue(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		copyValue(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			copyValue(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		iter := src.MapRange()
		for iter.Next() {
			e := reflect.New(src.Type().Elem()).Elem()
			copyValue(e, iter.Value())
			m.SetMapIndex(iter.Key(), e)
		}
		dst.Set(m)
	case reflect.Struct:
		dst.Set(src)
		for i := range src.NumField() {
			if !src.Type().Field(i).IsExported() {
				return // a value type of another package: copied whole
			}
		}
		for i := range src.NumField() {
			copyValue(dst.Field(i), src.Field(i))
		}
	default:
		dst.Set(src)
	}
}

// Samples set every field, with text that exercises quoting and non-ASCII
// characters, money with decimals, and times in UTC at microsecond
// precision.

func sampleCase(id, org string, day homeward.Date) casework.Case {
	born := day.AddMonths(-12*11 - 5)
	return casework.Case{
		ID:     casework.CaseID(id),
		Org:    homeward.OrgID(org),
		Status: casework.StatusClosed,
		Child: casework.Child{
			GivenName:          "Amani Zoë",
			FamilyName:         "Wanjikũ O'Neil \"Jr\"",
			Sex:                casework.SexFemale,
			BirthDate:          born,
			BirthDateEstimated: true,
			Languages:          []string{"sw", "en-KE", "es-419"},
			Disabilities:       []casework.Disability{casework.DisabilityHearing, casework.DisabilityChronicIllness},
			IDNumber:           "BC/2015/0471-ñ",
		},
		Household:    casework.HouseholdID("hh-" + id),
		RegisteredOn: day,
		Risk:         casework.RiskHigh,
		RiskHistory: []casework.RiskChange{
			{Date: day, From: casework.RiskLow, To: casework.RiskMedium, Reason: "first visit; school dropped", By: "actor-1"},
			{Date: day.AddDays(20), From: casework.RiskMedium, To: casework.RiskHigh, Reason: "línea uno\nline two", By: "actor-2"},
		},
		Team: []casework.TeamMember{
			{Person: "Grace Muthoni", Role: casework.RoleCaseManager, From: day, To: day.AddDays(400)},
			{Person: "Pieter de Vries-Ó", Role: casework.RolePsychologist, From: day.AddDays(3), To: day.AddDays(90)},
		},
		Consents: []casework.Consent{
			{ID: "cs-1", Purpose: casework.ConsentInformationSharing, Parties: []string{"county office", "school ✓"},
				GivenBy: "Mama Amani", Relationship: casework.RelMother, Date: day, Withdrawn: day.AddDays(365)},
			{ID: "cs-2", Purpose: casework.ConsentPeerLearning, Parties: []string{"cohort 3"},
				GivenBy: "Bibi", Relationship: casework.RelGrandparent, Date: day.AddDays(1), Withdrawn: day.AddDays(200)},
		},
		Arrangements: []casework.Arrangement{
			{Type: casework.ArrangementResidential, Start: born.AddMonths(36), End: day.AddDays(60),
				Reason: "admitted after the mother's illness", Household: "hh-institution"},
			{Type: casework.ArrangementKinship, Start: day.AddDays(60), End: day.AddDays(500),
				Reason: "placed with her grandmother", Household: casework.HouseholdID("hh-" + id)},
		},
		StatusHistory: []casework.StatusChange{
			{At: base.Add(-48 * time.Hour), From: casework.StatusRegistered, To: casework.StatusAssessment, By: "actor-1"},
			{At: base.Add(-time.Hour), From: casework.StatusFollowUp, To: casework.StatusClosed, By: "actor-2"},
		},
		Closure:    &casework.Closure{Date: day.AddDays(500), Reason: casework.ClosureGoalsAchieved, Note: "stable for 12 months — ¡bien!"},
		Reopenings: []casework.Reopening{{Date: day.AddDays(450), Reason: "new concern from the school", By: "actor-3"}},
		CreatedAt:  base,
		UpdatedAt:  base.Add(time.Minute),
	}
}

func scribbleCase(c *casework.Case) {
	c.Household = "hh-scribbled"
	c.Child.Languages[0] = "fr"
	c.Child.Disabilities[0] = casework.DisabilityOther
	c.RiskHistory[0].Reason = "scribbled"
	c.Team[0].Person = "scribbled"
	c.Consents[0].Parties[0] = "scribbled"
	c.Consents[1].GivenBy = "scribbled"
	c.Arrangements[0].Reason = "scribbled"
	c.StatusHistory[0].By = "scribbled"
	c.Closure.Note = "scribbled"
	c.Reopenings[0].Reason = "scribbled"
}

func sampleHousehold(id, org string, day homeward.Date) casework.Household {
	return casework.Household{
		ID:  casework.HouseholdID(id),
		Org: homeward.OrgID(org),
		Members: []casework.Member{
			{ID: "m1", GivenName: "Wambui", FamilyName: "Kamau-Ñ", Relationship: casework.RelGrandparent,
				Caregiver: true, Sex: casework.SexFemale, BirthYear: 1961},
			{ID: "m2", GivenName: "Jöel \"JJ\"", FamilyName: "Kamau", Relationship: casework.RelCousin,
				Caregiver: true, Sex: casework.SexMale, BirthYear: 2009},
		},
		Region:   "Nairobi",
		District: "Kibra — Olympic",
		Address:  "Plot 12, Gatwekera; gate 'B'",
		Phone:    "+254 700 000 001",
		Income: []casework.IncomeSource{
			{Kind: casework.IncomeCasualLabour, Description: "laundry, three days a week",
				Monthly: homeward.MustMoney("1250.50", "KES"), From: day, To: day.AddDays(180)},
			{Kind: casework.IncomeRemittances, Description: "from an uncle in Doha",
				Monthly: homeward.MustMoney("0.10", "USD"), From: day.AddDays(10), To: day.AddDays(20)},
		},
		Support: []casework.SupportPayment{
			{Date: day, Kind: casework.SupportCash, Amount: homeward.MustMoney("3000.75", "KES"), Note: "first month"},
			{Date: day.AddDays(31), Kind: casework.SupportSchoolFees,
				Amount: homeward.MustMoney("12345678901234567890.123456789", "KES"), Note: "term 2 — fees"},
		},
		CreatedAt: base,
		UpdatedAt: base.Add(time.Minute),
	}
}

func scribbleHousehold(h *casework.Household) {
	h.District = "scribbled"
	h.Members[0].GivenName = "scribbled"
	h.Members[1].Caregiver = false
	h.Income[0].Description = "scribbled"
	h.Income[0].Monthly = homeward.MustMoney("99.99", "EUR")
	h.Support[1].Note = "scribbled"
	h.Support[0].Amount = homeward.MustMoney("1", "USD")
}

func sampleAssessment(id, org string, day homeward.Date) casework.Assessment {
	scores := map[casework.Factor]int{}
	for i, f := range casework.KindChildStatus.Factors() {
		scores[f] = 1 + i%4
	}
	scores[casework.CSICare] = 3
	return casework.Assessment{
		ID:        casework.AssessmentID(id),
		Org:       homeward.OrgID(org),
		Kind:      casework.KindChildStatus,
		Case:      casework.CaseID("case-" + id),
		Household: casework.HouseholdID("hh-" + id),
		Date:      day,
		Assessor:  "José 'Pepe' Ñúñez",
		Scores:    scores,
		Note:      "eats twice a day;\nschool ✓",
		CreatedAt: base,
		UpdatedAt: base.Add(time.Minute),
	}
}

func scribbleAssessment(a *casework.Assessment) {
	a.Note = "scribbled"
	a.Scores[casework.CSICare] = 1
	a.Scores[casework.CSIShelter] = 4
}

func samplePlan(id, org string, day homeward.Date) casework.Plan {
	return casework.Plan{
		ID:         casework.PlanID(id),
		Org:        homeward.OrgID(org),
		Case:       casework.CaseID("case-" + id),
		Status:     casework.PlanActive,
		Start:      day,
		NextReview: day.AddMonths(3),
		Reviews: []casework.Review{
			{Date: day.AddDays(30), By: "Grace Muthoni", Note: "on track"},
			{Date: day.AddDays(60), By: "Pieter", Note: "rent — late again"},
		},
		Goals: []casework.Goal{
			{ID: "g1", Domain: casework.DomainIncomeWork, Description: "a second income by June", Status: casework.GoalInProgress,
				Actions: []casework.Action{
					{ID: "a1", Description: "tailoring course", Owner: "Wambui", Due: day.AddDays(45),
						Status: casework.ActionDone, Done: day.AddDays(40)},
					{ID: "a2", Description: "sewing machine (grant)", Owner: "NGO", Due: day.AddDays(60),
						Status: casework.ActionInProgress, Done: day.AddDays(61)},
				}},
			{ID: "g2", Domain: casework.DomainLegalDocuments, Description: "birth certificate — «urgent»", Status: casework.GoalOpen,
				Actions: []casework.Action{
					{ID: "a3", Description: "visit the registrar", Owner: "Grace", Due: day.AddDays(14),
						Status: casework.ActionPlanned, Done: day.AddDays(15)},
				}},
		},
		CreatedAt: base,
		UpdatedAt: base.Add(time.Minute),
	}
}

func scribblePlan(p *casework.Plan) {
	p.Status = casework.PlanDiscontinued
	p.Reviews[0].Note = "scribbled"
	p.Goals[0].Description = "scribbled"
	p.Goals[1].Actions[0].Owner = "scribbled"
}

func sampleNote(id, org string, day homeward.Date) casework.Note {
	return casework.Note{
		ID:           casework.NoteID(id),
		Org:          homeward.OrgID(org),
		Case:         casework.CaseID("case-" + id),
		Date:         day,
		Type:         casework.InteractionHomeVisit,
		Author:       "Grace Muthoni",
		Text:         "Visited at home; grandmother 'coping'.\nSecond line — ✓ «ok»",
		Confidential: true,
		CreatedAt:    base,
		UpdatedAt:    base.Add(time.Minute),
	}
}

func scribbleNote(n *casework.Note) {
	n.Author = "scribbled"
	n.Confidential = false
}

var caseKind = kind[casework.CaseID, casework.Case, casework.CaseFilter]{
	sample:   sampleCase,
	id:       func(c *casework.Case) casework.CaseID { return c.ID },
	version:  func(c *casework.Case) *int64 { return &c.Version },
	clone:    deepCopy[casework.Case],
	key:      casework.CaseKey,
	text:     func(c *casework.Case) string { return c.Child.GivenName },
	setText:  func(c *casework.Case, s string) { c.Child.GivenName = s },
	scribble: scribbleCase,
	filter:   func(org string) casework.CaseFilter { return casework.CaseFilter{Org: homeward.OrgID(org)} },
	page:     func(f *casework.CaseFilter) *homeward.PageRequest { return &f.Page },
}

var householdKind = kind[casework.HouseholdID, casework.Household, casework.HouseholdFilter]{
	sample:   sampleHousehold,
	id:       func(h *casework.Household) casework.HouseholdID { return h.ID },
	version:  func(h *casework.Household) *int64 { return &h.Version },
	clone:    deepCopy[casework.Household],
	key:      casework.HouseholdKey,
	text:     func(h *casework.Household) string { return h.Region },
	setText:  func(h *casework.Household, s string) { h.Region = s },
	scribble: scribbleHousehold,
	filter:   func(org string) casework.HouseholdFilter { return casework.HouseholdFilter{Org: homeward.OrgID(org)} },
	page:     func(f *casework.HouseholdFilter) *homeward.PageRequest { return &f.Page },
}

var assessmentKind = kind[casework.AssessmentID, casework.Assessment, casework.AssessmentFilter]{
	sample:   sampleAssessment,
	id:       func(a *casework.Assessment) casework.AssessmentID { return a.ID },
	version:  func(a *casework.Assessment) *int64 { return &a.Version },
	clone:    deepCopy[casework.Assessment],
	key:      casework.AssessmentKey,
	text:     func(a *casework.Assessment) string { return a.Assessor },
	setText:  func(a *casework.Assessment, s string) { a.Assessor = s },
	scribble: scribbleAssessment,
	filter:   func(org string) casework.AssessmentFilter { return casework.AssessmentFilter{Org: homeward.OrgID(org)} },
	page:     func(f *casework.AssessmentFilter) *homeward.PageRequest { return &f.Page },
}

var planKind = kind[casework.PlanID, casework.Plan, casework.PlanFilter]{
	sample:   samplePlan,
	id:       func(p *casework.Plan) casework.PlanID { return p.ID },
	version:  func(p *casework.Plan) *int64 { return &p.Version },
	clone:    deepCopy[casework.Plan],
	key:      casework.PlanKey,
	text:     func(p *casework.Plan) string { return string(p.Case) },
	setText:  func(p *casework.Plan, s string) { p.Case = casework.CaseID(s) },
	scribble: scribblePlan,
	filter:   func(org string) casework.PlanFilter { return casework.PlanFilter{Org: homeward.OrgID(org)} },
	page:     func(f *casework.PlanFilter) *homeward.PageRequest { return &f.Page },
}

var noteKind = kind[casework.NoteID, casework.Note, casework.NoteFilter]{
	sample:   sampleNote,
	id:       func(n *casework.Note) casework.NoteID { return n.ID },
	version:  func(n *casework.Note) *int64 { return &n.Version },
	clone:    deepCopy[casework.Note],
	key:      casework.NoteKey,
	text:     func(n *casework.Note) string { return n.Text },
	setText:  func(n *casework.Note, s string) { n.Text = s },
	scribble: scribbleNote,
	filter:   func(org string) casework.NoteFilter { return casework.NoteFilter{Org: homeward.OrgID(org)} },
	page:     func(f *casework.NoteFilter) *homeward.PageRequest { return &f.Page },
}
