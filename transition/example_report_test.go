package transition_test

import (
	"fmt"
	"os"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/transition"
)

// reportExample evaluates a small assessment of a two-area checklist. The
// local partner scores (½ + 3)/4 = 87.5, but its critical item is only in
// progress, so the area, and with it the whole transition, is partly ready.
func reportExample() (*transition.Checklist, *transition.Result) {
	c := &transition.Checklist{
		ID: "mini", Version: "1", DefaultLanguage: "en",
		Title: transition.Text{"en": "Mini checklist", "nl": "Mini-checklist", "es": "Lista mínima"},
		Areas: []transition.Area{
			{ID: "partner", Title: transition.Text{"en": "Local partner", "nl": "Lokale partner", "es": "Contraparte local"}, Items: []transition.Item{
				{ID: "backs", Text: transition.Text{"en": "Backs the transition", "nl": "Steunt de transitie", "es": "Apoya la transición"}, Critical: true},
				{ID: "capacity", Text: transition.Text{"en": "Has capacity", "nl": "Heeft capaciteit", "es": "Tiene capacidad"}, Weight: decimal.NewFromInt(3)},
			}},
			{ID: "network", Title: transition.Text{"en": "Network", "nl": "Netwerk", "es": "Red"}, Items: []transition.Item{
				{ID: "others", Text: transition.Text{"en": "Others involved", "nl": "Anderen betrokken", "es": "Otros implicados"}},
			}},
		},
	}
	scorer, err := transition.NewScorer(c)
	if err != nil {
		panic(err)
	}
	r, err := scorer.Evaluate(&transition.Assessment{
		ID: "q1", Org: "org-1", Checklist: "mini", ChecklistVersion: "1", Date: homeward.MustParseDate("2027-03-01"),
		Answers: map[string]transition.Answer{
			"backs":    {Status: transition.StatusInProgress},
			"capacity": {Status: transition.StatusMet},
			"others":   {Status: transition.StatusMet, Note: "Notes and evidence stay out of reports."},
		},
	})
	if err != nil {
		panic(err)
	}
	return c, r
}

func ExampleWriteResult() {
	c, r := reportExample()
	err := transition.WriteResult(os.Stdout, c, r, transition.ReportOptions{Language: language.English, Format: transition.FormatText})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// Mini checklist
	// ==============
	// Transition readiness report
	//
	// Assessment:     q1
	// Organisation:   org-1
	// Date:           2027-03-01
	// Checklist:      mini, version 1
	// Overall score:  93.8
	// Overall level:  Partly ready
	// Complete:       yes
	//
	// Areas
	// -----
	// Area           Score  Level         Met  In progress  Not started  Not applicable  Unanswered
	// Local partner  87.5   Partly ready  1    1            0            0               0  (capped by a critical item)
	// Network        100.0  Ready         1    0            0            0               0
	//
	// Scores are out of 100, rounded to one decimal. Partly ready from 50, ready
	// from 80; an area with a critical item that is not met is at most partly ready;
	// the overall level is the lowest of the overall score's level and every area's
	// level.
	//
	// Gaps
	// ----
	// #  Area           Status       Critical  Weight  Item
	// 1  Local partner  In progress  critical  1       Backs the transition
}

func ExampleWriteResult_markdown() {
	c, r := reportExample()
	err := transition.WriteResult(os.Stdout, c, r, transition.ReportOptions{Language: language.MustParse("nl-BE"), Format: transition.FormatMarkdown})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// # Mini-checklist
	//
	// Rapport transitiegereedheid
	//
	// - **Beoordeling:** q1
	// - **Organisatie:** org-1
	// - **Datum:** 2027-03-01
	// - **Checklist:** mini, versie 1
	// - **Totaalscore:** 93,8
	// - **Totaalniveau:** Deels gereed
	// - **Volledig:** ja
	//
	// ## Gebieden
	//
	// | Gebied | Score | Niveau | Voldaan | In uitvoering | Niet begonnen | Niet van toepassing | Onbeantwoord |
	// | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |
	// | Lokale partner | 87,5 | Deels gereed (begrensd door een kritiek punt) | 1 | 1 | 0 | 0 | 0 |
	// | Netwerk | 100,0 | Gereed | 1 | 0 | 0 | 0 | 0 |
	//
	// Scores zijn op 100, afgerond op één decimaal. Deels gereed vanaf 50, gereed vanaf 80; een gebied met een kritiek punt waaraan niet is voldaan, is hoogstens deels gereed; het totaalniveau is het laagste van het niveau van de totaalscore en dat van elk gebied.
	//
	// ## Hiaten
	//
	// | # | Punt | Gebied | Status | Kritiek | Gewicht |
	// | ---: | --- | --- | --- | --- | ---: |
	// | 1 | Steunt de transitie | Lokale partner | In uitvoering | kritiek | 1 |
}

func ExampleParseFormat() {
	f, err := transition.ParseFormat("HTML")
	fmt.Println(f, err)
	_, err = transition.ParseFormat("pdf")
	fmt.Println(err)
	// Output:
	// html <nil>
	// invalid input: format: unknown report format "pdf" (want text, markdown, json or html)
}
