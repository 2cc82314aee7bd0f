package transition

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

type resultJSON struct {
	Assessment AssessmentID     `json:"assessment"`
	Checklist  string           `json:"checklist"`
	Score      *json.Number     `json:"score"`
	Level      Level            `json:"level"`
	Complete   bool             `json:"complete"`
	Areas      []areaResultJSON `json:"areas"`
	Gaps       []gapJSON        `json:"gaps"`
}

type areaResultJSON struct {
	ID            string       `json:"id"`
	Score         *json.Number `json:"score"`
	Level         *Level       `json:"level"`
	Met           int          `json:"met"`
	InProgress    int          `json:"in_progress"`
	NotStarted    int          `json:"not_started"`
	NotApplicable int          `json:"not_applicable"`
	Unanswered    int          `json:"unanswered"`
}

type gapJSON struct {
	Item     string      `json:"item"`
	Area     string      `json:"area"`
	Status   Status      `json:"status"`
	Critical bool        `json:"critical"`
	Weight   json.Number `json:"weight"`
}

func number(d decimal.Decimal, ok bool) *json.Number {
	if !ok {
		return nil
	}
	n := json.Number(d.StringFixed(1))
	return &n
}

// MarshalJSON writes the result in the documented shape:
//
//	{"assessment","checklist","score","level","complete",
//	 "areas":[{"id","score","level","met","in_progress","not_started","not_applicable","unanswered"}],
//	 "gaps":[{"item","area","status","critical","weight"}]}
//
// Scores are JSON numbers with one decimal; an unscored area or result has
// "score": null (and an unscored area "level": null).
func (r *Result) MarshalJSON() ([]byte, error) {
	out := resultJSON{
		Assessment: r.Assessment, Checklist: r.Checklist, Score: number(r.Score, r.Scored),
		Level: r.Level, Complete: r.Complete,
		Areas: make([]areaResultJSON, len(r.Areas)), Gaps: make([]gapJSON, len(r.Gaps)),
	}
	for i, a := range r.Areas {
		aj := areaResultJSON{
			ID: a.ID, Score: number(a.Score, a.Scored),
			Met: a.Met, InProgress: a.InProgress, NotStarted: a.NotStarted, NotApplicable: a.NotApplicable, Unanswered: a.Unanswered,
		}
		if a.Scored {
			lvl := a.Level
			aj.Level = &lvl
		}
		out.Areas[i] = aj
	}
	for i, g := range r.Gaps {
		out.Gaps[i] = gapJSON{Item: g.Item, Area: g.Area, Status: g.Status, Critical: g.Critical, Weight: json.Number(g.Weight.String())}
	}
	return json.Marshal(out)
}
