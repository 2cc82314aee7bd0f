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
)

// exactPlaces is the number of decimal places of the Exact methods.
const exactPlaces = 24

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
// The arithmetic is exact: weights are decimals with at most six decimal
// places (and at most 1000), and scores are kept as exact fractions until
// they are rounded, so a reported score is the exact score rounded, never a
// rounded intermediate. A Scorer is safe for concurrent use.
type Scorer struct {
	c          *Checklist
	thresholds Thresholds
	// partlyTenths and readyTenths are the thresholds in tenths, rounded
	// up: a reported score of q tenths is below a threshold T exactly when
	// q < ceil(10 × T).
	partlyTenths, readyTenths int64
	areas                     []scorerArea
	nItems                    int
	// byOrder lists the items in checklist order, with their area's id.
	byOrder []orderedItem
}

type orderedItem struct {
	*scorerItem
	area string
}

type scorerArea struct {
	id      string
	weight  decimal.Decimal
	wScaled int64 // weight × 10^6
	items   []scorerItem
}

type scorerItem struct {
	id       string
	weight   decimal.Decimal
	wScaled  int64 // weight × 10^6
	critical bool
	order    int // position in the checklist
}

// NewScorer validates c and returns a scorer for it. The scorer keeps its own
// copy of c, so later changes to c do not affect it.
func NewScorer(c *Checklist) (*Scorer, error) {
	if c == nil {
		return nil, homeward.Invalid("checklist", "is required")
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	th := c.Thresholds.Effective()
	ten := decimal.NewFromInt(10)
	s := &Scorer{
		c: c.Clone(), thresholds: th,
		partlyTenths: th.PartlyReady.Mul(ten).Ceil().IntPart(),
		readyTenths:  th.Ready.Mul(ten).Ceil().IntPart(),
	}
	order := 0
	for _, a := range s.c.Areas {
		w := a.EffectiveWeight()
		sa := scorerArea{id: a.ID, weight: w, wScaled: w.Mul(weightScale).IntPart()}
		for _, it := range a.Items {
			w := it.EffectiveWeight()
			sa.items = append(sa.items, scorerItem{
				id: it.ID, weight: w, wScaled: w.Mul(weightScale).IntPart(), critical: it.Critical, order: order,
			})
			order++
		}
		s.areas = append(s.areas, sa)
	}
	s.nItems = order
	for ai := range s.areas {
		for ii := range s.areas[ai].items {
			s.byOrder = append(s.byOrder, orderedItem{&s.areas[ai].items[ii], s.areas[ai].id})
		}
	}
	return s, nil
}

// maxItems bounds a checklist's size so that sums of scaled weights fit in
// int64 with room to spare, and so that an item's position fits in a gap's
// sort key.
const maxItems = 100_000

// A gap's sort key packs, from the most significant bit: not critical (1
// bit), maximum weight minus weight (30 bits: scaled weights are at most
// 10^9), credit (1 bit: 0 for unanswered and not_started, 1 for
// in_progress) and the position in the checklist (17 bits). Ascending keys
// are the documented gap order.
func gapKey(it *scorerItem, credit2 int) uint64 {
	var k uint64
	if !it.critical {
		k = 1 << 48
	}
	k |= uint64(1e9-it.wScaled) << 18
	k |= uint64(credit2) << 17
	return k | uint64(it.order)
}

// level returns the level of a reported score of q tenths.
func (s *Scorer) level(q int64) Level {
	switch {
	case q < s.partlyTenths:
		return LevelNotReady
	case q < s.readyTenths:
		return LevelPartlyReady
	}
	return LevelReady
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
	Level Level
	// Complete is true when no item is unanswered.
	Complete bool
	Areas    []AreaResult
	// Gaps lists every applicable item that is not met, most important
	// first: critical items, then by weight descending, then by credit
	// ascending, then in checklist order.
	Gaps  []Gap
	exact ratio
}

// Exact returns the unrounded overall score to 24 decimal places (zero when
// the result is unscored).
func (r *Result) Exact() decimal.Decimal {
	if !r.Scored {
		return decimal.Decimal{}
	}
	return r.exact.decimal(exactPlaces)
}

// AreaResult is the evaluation of one area.
type AreaResult struct {
	ID     string
	Weight decimal.Decimal
	// Scored is false when all the area's items are not_applicable.
	Scored bool
	Score  decimal.Decimal // rounded to one decimal
	Level  Level
	// Capped is true when a critical item that is not met holds the level
	// at partly_ready or below.
	Capped bool
	// Counts of the area's items by answer.
	Met, InProgress, NotStarted, NotApplicable, Unanswered int
	exact                                                  ratio
}

// Exact returns the unrounded area score to 24 decimal places (zero when
// the area is unscored).
func (a AreaResult) Exact() decimal.Decimal {
	if !a.Scored {
		return decimal.Decimal{}
	}
	return a.exact.decimal(exactPlaces)
}

// Gap is an applicable item that is not met.
type Gap struct {
	Item     string
	Area     string
	Status   Status // in_progress, not_started or unanswered
	Critical bool
	Weight   decimal.Decimal
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
	var keyBuf [64]uint64
	gapKeys := keyBuf[:0]
	r := &Result{
		Assessment: a.ID, Org: a.Org, Date: a.Date, Checklist: a.Checklist, ChecklistVersion: a.ChecklistVersion,
		Complete: true, Areas: make([]AreaResult, len(s.areas)), Level: LevelReady,
	}
	matched := 0
	var sum ratio        // Σ area weight × area score, area weights scaled by 10^6
	var sumWeights int64 // Σ area weight, scaled by 10^6
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
			num2 += it.wScaled * int64(credit2)
			den += it.wScaled
			if credit2 < 2 {
				capped = capped || it.critical
				gapKeys = append(gapKeys, gapKey(&it, credit2))
			}
		}
		if den == 0 {
			continue
		}
		// area score = 100 × (num2 / 2) / den
		ar.Scored = true
		ar.exact = newRatio(50*num2, den)
		q := ar.exact.tenths()
		ar.Score = decimal.New(q, -1)
		ar.Level = s.level(q)
		if capped && ar.Level == LevelReady {
			ar.Level = LevelPartlyReady
			ar.Capped = true
		}
		r.Level = minLevel(r.Level, ar.Level)
		if sumWeights == 0 {
			sum = ar.exact.mulInt(sa.wScaled)
		} else {
			sum = sum.add(ar.exact.mulInt(sa.wScaled))
		}
		sumWeights += sa.wScaled
	}
	if matched != len(a.Answers) {
		return nil, rejection(a, s.c)
	}
	if sumWeights == 0 {
		r.Level = LevelNotReady
	} else {
		r.Scored = true
		r.exact = sum.divInt(sumWeights)
		q := r.exact.tenths()
		r.Score = decimal.New(q, -1)
		r.Level = minLevel(r.Level, s.level(q))
	}
	slices.Sort(gapKeys)
	r.Gaps = make([]Gap, len(gapKeys))
	for i, k := range gapKeys {
		it := s.byOrder[k&(1<<17-1)]
		r.Gaps[i] = Gap{Item: it.id, Area: it.area, Status: statusOf(a, it.id), Critical: it.critical, Weight: it.weight}
	}
	return r, nil
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
