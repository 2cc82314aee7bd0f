package transition

import (
	"github.com/shopspring/decimal"

	"github.com/homewardkit/homeward"
)

// Progress is the change between two assessments of the same checklist.
type Progress struct {
	Before, After *Result
	// Overall is the change of the overall score and level.
	Overall Change
	// Areas holds one change per area, in checklist order.
	Areas []AreaChange
	// Improved and Regressed list the items whose credit rose or fell, in
	// checklist order. Items that are not_applicable in either assessment
	// are in neither list.
	Improved, Regressed []ItemChange
}

// Change is the change of a score and a level. When either side is unscored,
// Delta is zero and HasDelta is false.
type Change struct {
	BeforeScored, AfterScored bool
	Before, After             decimal.Decimal // reported (rounded) scores
	// Delta is After - Before of the reported scores.
	Delta                   decimal.Decimal
	HasDelta                bool
	LevelBefore, LevelAfter Level
}

// AreaChange is the change of one area.
type AreaChange struct {
	ID string
	Change
}

// ItemChange is one item whose answer changed its credit.
type ItemChange struct {
	Item     string
	Area     string
	From, To Status
	Critical bool
}

func change(bs, as bool, b, a decimal.Decimal, lb, la Level) Change {
	c := Change{BeforeScored: bs, AfterScored: as, Before: b, After: a, LevelBefore: lb, LevelAfter: la}
	if bs && as {
		c.Delta, c.HasDelta = a.Sub(b), true
	}
	return c
}

func credit2(st Status) int {
	switch st {
	case StatusMet:
		return 2
	case StatusInProgress:
		return 1
	}
	return 0
}

// Compare evaluates before and after and describes the change between them.
// Both must answer the scorer's checklist.
func (s *Scorer) Compare(before, after *Assessment) (*Progress, error) {
	var v homeward.ValidationError
	rb, err := s.Evaluate(before)
	v.Merge("before", err)
	ra, err := s.Evaluate(after)
	v.Merge("after", err)
	if err := v.Err(); err != nil {
		return nil, err
	}
	p := &Progress{
		Before: rb, After: ra,
		Overall: change(rb.Scored, ra.Scored, rb.Score, ra.Score, rb.Level, ra.Level),
	}
	for i := range s.areas {
		b, a := rb.Areas[i], ra.Areas[i]
		var lb, la Level
		if b.Scored {
			lb = b.Level
		}
		if a.Scored {
			la = a.Level
		}
		p.Areas = append(p.Areas, AreaChange{ID: b.ID, Change: change(b.Scored, a.Scored, b.Score, a.Score, lb, la)})
		for _, it := range s.areas[i].items {
			from, to := statusOf(before, it.id), statusOf(after, it.id)
			if from == StatusNotApplicable || to == StatusNotApplicable {
				continue
			}
			ic := ItemChange{Item: it.id, Area: b.ID, From: from, To: to, Critical: it.critical}
			switch cf, ct := credit2(from), credit2(to); {
			case ct > cf:
				p.Improved = append(p.Improved, ic)
			case ct < cf:
				p.Regressed = append(p.Regressed, ic)
			}
		}
	}
	return p, nil
}

func statusOf(a *Assessment, item string) Status {
	if ans, ok := a.Answers[item]; ok {
		return ans.Status
	}
	return StatusUnanswered
}
