package transition_test

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/transition"
)

// Define a checklist of one's own in Go and score an assessment of it.
func ExampleNewScorer() {
	c := &transition.Checklist{
		ID: "foster-care-readiness", Version: "1", DefaultLanguage: "en",
		Title: transition.Text{"en": "Foster care readiness"},
		Areas: []transition.Area{
			{ID: "recruitment", Title: transition.Text{"en": "Recruitment"}, Items: []transition.Item{
				{ID: "recruitment.campaign", Text: transition.Text{"en": "A recruitment campaign runs."}},
				{ID: "recruitment.screening", Text: transition.Text{"en": "Carers are screened."}, Critical: true},
			}},
			{ID: "support", Title: transition.Text{"en": "Support"}, Weight: decimal.NewFromInt(2), Items: []transition.Item{
				{ID: "support.visits", Text: transition.Text{"en": "Carers are visited monthly."}},
				{ID: "support.training", Text: transition.Text{"en": "Carers are trained."}, Weight: decimal.NewFromInt(3)},
			}},
		},
	}
	scorer, err := transition.NewScorer(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	result, err := scorer.Evaluate(&transition.Assessment{
		ID: "2027-q1", Org: "hope-kenya", Checklist: c.ID, ChecklistVersion: c.Version,
		Date: homeward.MustParseDate("2027-03-01"),
		Answers: map[string]transition.Answer{
			"recruitment.campaign":  {Status: transition.StatusMet},
			"recruitment.screening": {Status: transition.StatusInProgress},
			"support.visits":        {Status: transition.StatusMet},
			"support.training":      {Status: transition.StatusMet},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range result.Areas {
		fmt.Println(a.ID, a.Score, a.Level)
	}
	fmt.Println("overall", result.Score, result.Level)
	fmt.Println("first gap", result.Gaps[0].Item, result.Gaps[0].Status)
	// Output:
	// recruitment 75 partly_ready
	// support 100 ready
	// overall 91.7 partly_ready
	// first gap recruitment.screening in_progress
}

// Read a checklist from JSON: every problem is reported at once, with its path.
func ExampleParseChecklist() {
	_, err := transition.ParseChecklist([]byte(`{
		"id": "mine", "version": "1", "default_language": "en", "title": {"en": "Mine"},
		"thresholds": {"partly_ready": 90, "ready": 80},
		"areas": [{"id": "a", "title": {"en": "A"}, "items": [
			{"id": "a.one", "text": {"en": "One"}, "weight": 0},
			{"id": "a.one", "text": {"es": "Uno"}}
		]}]}`))
	fmt.Println(err)
	// Output:
	// invalid input: 4 problems:
	//   areas[0].items[0].weight: must be greater than 0 (have 0)
	//   thresholds: must satisfy 0 < partly_ready < ready <= 100 (have partly_ready 90, ready 80)
	//   areas[0].items[1].id: duplicate item id "a.one" (first at areas[0].items[0])
	//   areas[0].items[1].text.en: is missing in the default language "en"
}

// Record two assessments through the service and compare them.
func ExampleService_Progress() {
	svc, err := transition.NewService(transition.NewMemoryStore(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "ana", Org: "hope-kenya", Role: homeward.RoleStaff})
	record := func(date string, status transition.Status) transition.AssessmentID {
		answers := map[string]transition.Answer{}
		for _, area := range transition.Standard().Areas {
			for _, it := range area.Items {
				answers[it.ID] = transition.Answer{Status: status}
			}
		}
		a, err := svc.Record(ctx, transition.Assessment{
			Checklist: "transition-readiness", ChecklistVersion: "1", Date: homeward.MustParseDate(date), Answers: answers,
		})
		if err != nil {
			panic(err)
		}
		return a.ID
	}
	before := record("2027-03-01", transition.StatusNotStarted)
	after := record("2027-09-01", transition.StatusInProgress)
	p, err := svc.Progress(ctx, before, after)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s → %s (+%s), %s → %s, %d items improved\n",
		p.Overall.Before, p.Overall.After, p.Overall.Delta, p.Overall.LevelBefore, p.Overall.LevelAfter, len(p.Improved))
	// Output:
	// 0 → 50 (+50), not_ready → partly_ready, 26 items improved
}
