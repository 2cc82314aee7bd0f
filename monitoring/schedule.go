package monitoring

import (
	"fmt"
	"slices"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/internal/enum"
)

// Kind is why a visit is due.
type Kind string

// Kinds of scheduled visits.
const (
	KindFirstContact Kind = "first_contact" // the first contact after a placement or a change of risk
	KindFollowUp     Kind = "follow_up"     // a follow-up visit of the schedule
	KindPlanReview   Kind = "plan_review"   // a review of the family-strengthening plan
)

var kindValues = []Kind{KindFirstContact, KindFollowUp, KindPlanReview}

// Valid reports whether k is a defined kind.
func (k Kind) Valid() bool { return enum.Valid(k, kindValues) }

// MarshalText implements [encoding.TextMarshaler].
func (k Kind) MarshalText() ([]byte, error) { return enum.Marshal("visit kind", k, kindValues) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *Kind) UnmarshalText(b []byte) error { return enum.Unmarshal("visit kind", k, b, kindValues) }

// Due is one scheduled date.
type Due struct {
	Date homeward.Date `json:"due"`
	Kind Kind          `json:"kind"`
}

// Schedule returns the follow-up visits of a child placed in a family on
// day placed at the given risk, in date order. Every date is computed from
// the placement date (placed + k weeks, placed + k months: never chained
// from an earlier visit); a date produced twice is one visit, the first
// contact taking precedence.
func (p Policy) Schedule(placed homeward.Date, risk casework.Risk) ([]Due, error) {
	return p.ScheduleWithChanges(placed, risk, nil)
}

// ScheduleWithChanges returns the follow-up visits of a placement whose
// risk level changed after the placement. The rule: visits due before a
// change keep the schedule of the level in force; from the day of a change
// on, the new level's schedule applies, its first contact counted from the
// day of the change (change + first_contact_days) and its phases still
// counted from the placement date, keeping the dates on or after the
// change. Changes dated on or before the placement set the level from the
// start; changes must be in date order.
func (p Policy) ScheduleWithChanges(placed homeward.Date, risk casework.Risk, changes []casework.RiskChange) ([]Due, error) {
	var v homeward.ValidationError
	if placed.IsZero() {
		v.Add("placed", "is required")
	}
	if !risk.Valid() {
		v.Add("risk", "must be low, medium or high")
	}
	for i, c := range changes {
		if !c.To.Valid() {
			v.Add(fmt.Sprintf("changes[%d].to", i), "must be low, medium or high")
		}
		if i > 0 && c.Date.Before(changes[i-1].Date) {
			v.Add(fmt.Sprintf("changes[%d].date", i), "is before the previous change")
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	type segment struct {
		from, until homeward.Date // [from, until); zero until: open
		risk        casework.Risk
		first       homeward.Date
	}
	segs := []segment{{from: placed, risk: risk, first: placed}}
	for _, c := range changes {
		last := &segs[len(segs)-1]
		if !c.Date.After(placed) {
			last.risk = c.To
			continue
		}
		if c.Date == last.from {
			last.risk, last.first = c.To, c.Date
			continue
		}
		last.until = c.Date
		segs = append(segs, segment{from: c.Date, risk: c.To, first: c.Date})
	}
	seen := map[homeward.Date]int{}
	var out []Due
	add := func(d homeward.Date, k Kind, s segment) {
		if d.Before(s.from) || (!s.until.IsZero() && !d.Before(s.until)) {
			return
		}
		if i, dup := seen[d]; dup {
			if k == KindFirstContact {
				out[i].Kind = k
			}
			return
		}
		seen[d] = len(out)
		out = append(out, Due{Date: d, Kind: k})
	}
	for _, s := range segs {
		l := p.Levels[s.risk]
		add(s.first.AddDays(l.FirstContactDays), KindFirstContact, s)
		for _, ph := range l.Phases {
			for k := ph.From; k <= ph.Until; k += ph.Every {
				add(ph.Unit.add(placed, k), KindFollowUp, s)
			}
		}
	}
	slices.SortFunc(out, func(a, b Due) int { return a.Date.Compare(b.Date) })
	return out, nil
}

// Reviews returns the plan review dates of a placement: every
// casework.ReviewInterval(risk) months from the placement date (monthly at
// high risk, every three months otherwise) up to and including until.
func Reviews(placed homeward.Date, risk casework.Risk, until homeward.Date) []Due {
	var out []Due
	step := casework.ReviewInterval(risk)
	for k := step; ; k += step {
		d := placed.AddMonths(k)
		if d.After(until) {
			return out
		}
		out = append(out, Due{Date: d, Kind: KindPlanReview})
	}
}
