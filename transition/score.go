package transition

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/homewardkit/homeward"
)

// Level is a readiness level.
type Level string

// Readiness levels, from lowest to highest.
const (
	LevelNotReady    Level = "not_ready"
	LevelPartlyReady Level = "partly_ready"
	LevelReady       Level = "ready"
)

// Valid reports whether l is one of the defined levels.
func (l Level) Valid() bool { return l.rank() >= 0 }

func (l Level) rank() int {
	switch l {
	case LevelNotReady:
		return 0
	case LevelPartlyReady:
		return 1
	case LevelReady:
		return 2
	}
	return -1
}

// MarshalText implements [encoding.TextMarshaler].
func (l Level) MarshalText() ([]byte, error) {
	if !l.Valid() {
		return nil, fmt.Errorf("unknown level %q", string(l))
	}
	return []byte(l), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (l *Level) UnmarshalText(b []byte) error {
	v := Level(b)
	if !v.Valid() {
		return fmt.Errorf("unknown level %q (want not_ready, partly_ready or ready)", string(b))
	}
	*l = v
	return nil
}

func minLevel(a, b Level) Level {
	if b.rank() < a.rank() {
		return b
	}
	return a
}

// Weights are fixed-point numbers with at most weightPlaces decimal places
// and at most maxWeight, so that sums of weights are exact in int64.
const weightPlaces = 6

var (
	maxWeight   = decimal.NewFromInt(1000)
	weightScale = decimal.New(1, weightPlaces)
	hundred     = decimal.NewFromInt(100)
)

// divisionPlaces is the precision of the divisions behind unrounded scores.
const divisionPlaces = 24

// Scorer evaluates assessments against one checklist, applying the scoring
// rule exactly:
//
//   - credit: met 1, in_progress ½, not_started 0, unanswered 0;
//     not_applicable items are left out.
//   - area score = 100 × Σ(weight × credit) / Σ(weight) over the area's items
//     that are not not_applicable; an area whose items are all
//     not_applicable has no score and is left out below.
//   - overall score = Σ(area weight × area score) / Σ(area weight) over the
//     scored areas, from the unrounded area scores.
//   - reported scores are rounded half away from zero to one decimal; the
//     level is read from the reported score against the thresholds.
//   - an area with a critical item that is neither met nor not_applicable is
//     at most partly_ready; the overall level is the lowest of the overall
//     score's level and every scored area's level.
//
// Sums of weights are exact (weights have at most six decimal places);
// divisions are carried to 24 decimal places before rounding. A Scorer is
// safe for concurrent use.
type Scorer struct {
	c          *Checklist
	thresholds Thresholds
	areas      []scorerArea
	nItems     int
}

type scorerArea struct {
	id     string
	weight decimal.Decimal
	items  []scorerItem
}

type scorerItem struct {
	id       string
	weight   int64 // weight × 10^6
	critical bool
	order    int // position in the checklist
}

// NewScorer validates c and returns a scorer for it. The scorer keeps its own
// copy of c, so later changes to c do not affect it.
func NewScorer(c *Checklist) (*Scorer, error) {
	if c == nil {
		return nil, homeward.Invalid("checklist", "is required")
	}
	var v homeward.ValidationError
	c.validate(&v)
	s := &Scorer{c: c.Clone(), thresholds: c.Thresholds.Effective()}
	order := 0
	for ai, a := range s.c.Areas {
		sa := scorerArea{id: a.ID, weight: a.EffectiveWeight()}
		checkScale(&v, fmt.Sprintf("areas[%d].weight", ai), sa.weight)
		for ii, it := range a.Items {
			w := it.EffectiveWeight()
			checkScale(&v, fmt.Sprintf("areas[%d].items[%d].weight", ai, ii), w)
			sa.items = append(sa.items, scorerItem{
				id: it.ID, weight: w.Mul(weightScale).IntPart(), critical: it.Critical, order: order,
			})
			order++
		}
		s.areas = append(s.areas, sa)
	}
	s.nItems = order
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

func checkScale(v *homeward.ValidationError, path string, w decimal.Decimal) {
	if w.IsPositive() && (w.GreaterThan(maxWeight) || !w.Equal(w.Truncate(weightPlaces))) {
		v.Add(path, "must be at most 1000 with at most 6 decimal places (have %s)", w)
	}
}

// Checklist returns the scorer's checklist. It must not be modified.
func (s *Scorer) Checklist() *Checklist { return s.c }

// Result is the evaluation of one assessment.
type Result struct {
	Assessment       AssessmentID
	Org              homeward.OrgID
	Date             homeward.Date
	Checklist        string
	ChecklistVersion string
	// Scored is false when every area is unscored (all not_applicable);
	// Score and Exact are then zero and Level is not_ready.
	Scored bool
	// Score is the reported overall score, rounded to one decimal.
	Score decimal.Decimal
	// Exact is the unrounded overall score.
	Exact decimal.Decimal
	Level Level
	// Complete is true when no item is unanswered.
	Complete bool
	Areas    []AreaResult
	// Gaps lists every applicable item that is not met, most important
	// first: critical items, then by weight descending, then by credit
	// ascending, then in checklist order.
	Gaps []Gap
}

// AreaResult is the evaluation of one area.
type AreaResult struct {
	ID     string
	Weight decimal.Decimal
	// Scored is false when all the area's items are not_applicable.
	Scored bool
	Score  decimal.Decimal // rounded to one decimal
	Exact  decimal.Decimal // unrounded
	Level  Level
	// Capped is true when a critical item that is not met holds the level
	// at partly_ready or below.
	Capped bool
	// Counts of the area's items by answer.
	Met, InProgress, NotStarted, NotApplicable, Unanswered int
}

// Gap is an applicable item that is not met.
type Gap struct {
	Item     string
	Area     string
	Status   Status // in_progress, not_started or unanswered
	Critical bool
	Weight   decimal.Decimal
	order    int
	credit2  int
	w        int64
}

// Evaluate scores a against the scorer's checklist. a must name the
// checklist's id and version and answer only its items; otherwise the error
// is a *homeward.ValidationError naming each problem.
func (s *Scorer) Evaluate(a *Assessment) (*Result, error) {
	if a == nil {
		return nil, homeward.Invalid("assessment", "is required")
	}
	if a.Checklist != s.c.ID || a.ChecklistVersion != s.c.Version || a.Date.IsZero() {
		return nil, rejection(a, s.c)
	}
	r := &Result{
		Assessment: a.ID, Org: a.Org, Date: a.Date, Checklist: a.Checklist, ChecklistVersion: a.ChecklistVersion,
		Complete: true, Areas: make([]AreaResult, len(s.areas)), Level: LevelReady,
	}
	matched := 0
	var sum, sumWeights decimal.Decimal
	for ai := range s.areas {
		sa := &s.areas[ai]
		ar := &r.Areas[ai]
		ar.ID, ar.Weight = sa.id, sa.weight
		var num2, den int64 // Σ weight × 2·credit and Σ weight, scaled by 10^6
		capped := false
		for _, it := range sa.items {
			ans, ok := a.Answers[it.id]
			st := ans.Status
			if ok {
				matched++
			} else {
				st = StatusUnanswered
			}
			credit2 := 0
			switch st {
			case StatusMet:
				ar.Met++
				credit2 = 2
			case StatusInProgress:
				ar.InProgress++
				credit2 = 1
			case StatusNotStarted:
				ar.NotStarted++
			case StatusUnanswered:
				ar.Unanswered++
				r.Complete = false
			case StatusNotApplicable:
				ar.NotApplicable++
				continue
			default:
				return nil, rejection(a, s.c)
			}
			num2 += it.weight * int64(credit2)
			den += it.weight
			if credit2 < 2 {
				capped = capped || it.critical
				r.Gaps = append(r.Gaps, Gap{
					Item: it.id, Area: sa.id, Status: st, Critical: it.critical,
					Weight: decimal.New(it.weight, -weightPlaces), order: it.order, credit2: credit2, w: it.weight,
				})
			}
		}
		if den == 0 {
			continue
		}
		ar.Scored = true
		ar.Exact = decimal.NewFromInt(num2*50).DivRound(decimal.NewFromInt(den), divisionPlaces)
		ar.Score = ar.Exact.Round(1)
		ar.Level = s.thresholds.Level(ar.Score)
		if capped && ar.Level == LevelReady {
			ar.Level = LevelPartlyReady
			ar.Capped = true
		}
		r.Level = minLevel(r.Level, ar.Level)
		sum = sum.Add(sa.weight.Mul(ar.Exact))
		sumWeights = sumWeights.Add(sa.weight)
	}
	if matched != len(a.Answers) {
		return nil, rejection(a, s.c)
	}
	if sumWeights.IsZero() {
		r.Level = LevelNotReady
	} else {
		r.Scored = true
		r.Exact = sum.DivRound(sumWeights, divisionPlaces)
		r.Score = r.Exact.Round(1)
		r.Level = minLevel(r.Level, s.thresholds.Level(r.Score))
	}
	slices.SortFunc(r.Gaps, compareGaps)
	return r, nil
}

func compareGaps(a, b Gap) int {
	switch {
	case a.Critical != b.Critical:
		if a.Critical {
			return -1
		}
		return 1
	case a.w != b.w:
		if a.w > b.w {
			return -1
		}
		return 1
	case a.credit2 != b.credit2:
		return a.credit2 - b.credit2
	}
	return a.order - b.order
}

// Area returns the result of the area with the given id.
func (r *Result) Area(id string) (AreaResult, bool) {
	for _, a := range r.Areas {
		if a.ID == id {
			return a, true
		}
	}
	return AreaResult{}, false
}

// rejection explains why a cannot be scored against c.
func rejection(a *Assessment, c *Checklist) error {
	if err := a.ValidateFor(c); err != nil {
		return err
	}
	return homeward.Invalid("", "assessment cannot be scored against checklist %q", c.ID)
}
