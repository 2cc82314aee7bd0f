package monitoring

import (
	"errors"
	"fmt"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/internal/enum"
	"github.com/homewardkit/homeward/internal/jsonx"
)

// Unit is the unit of a follow-up phase.
type Unit string

// Units of a phase. A week is 7 days; a month is a calendar month counted
// with clamping (31 January + 1 month = 28 or 29 February).
const (
	Days   Unit = "days"
	Weeks  Unit = "weeks"
	Months Unit = "months"
)

var unitValues = []Unit{Days, Weeks, Months}

// Valid reports whether u is days, weeks or months.
func (u Unit) Valid() bool { return enum.Valid(u, unitValues) }

// MarshalText implements [encoding.TextMarshaler].
func (u Unit) MarshalText() ([]byte, error) { return enum.Marshal("unit", u, unitValues) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (u *Unit) UnmarshalText(b []byte) error { return enum.Unmarshal("unit", u, b, unitValues) }

// add returns placement date p plus n units, computed from p (never
// chained from an earlier due date).
func (u Unit) add(p homeward.Date, n int) homeward.Date {
	switch u {
	case Weeks:
		return p.AddDays(7 * n)
	case Months:
		return p.AddMonths(n)
	}
	return p.AddDays(n)
}

// Phase is "every Every units from From until Until" (inclusive), counted
// from the placement date: {"every": 2, "unit": "weeks", "from": 10,
// "until": 16} gives visits in weeks 10, 12, 14 and 16.
type Phase struct {
	Every int  `json:"every"`
	Unit  Unit `json:"unit"`
	From  int  `json:"from"`
	Until int  `json:"until"`
}

// Level is the follow-up schedule of one risk level: a first contact a
// number of days after the placement, then the phases.
type Level struct {
	FirstContactDays int     `json:"first_contact_days"`
	Phases           []Phase `json:"phases"`
}

// Policy is a follow-up policy: a schedule per risk level. Policies are
// data: an organisation writes its own in Go or JSON (see [ParsePolicy]).
type Policy struct {
	ID     string                  `json:"id"`
	Name   string                  `json:"name,omitempty"`
	Levels map[casework.Risk]Level `json:"levels"`
}

// DefaultPolicy returns the default follow-up policy. Published manuals
// agree on intensive contact first and tapering later: weekly face-to-face
// contact for the first 8 weeks, then monthly (Texas DFPS Child Protective
// Services Handbook, 6550); weekly for the first month, then by risk
// (Missouri Children's Division Child Welfare Manual, 10.11.9);
// post-reunification support for at least 12 months; first contact within
// 2 days at high risk, 5 at medium and 10 at low (Missouri). The default
// combines them:
//
//	high:   first contact P+2 days; every week from week 1 to week 8;
//	        every 2 weeks from week 10 to week 16; every month from month 5 to month 12
//	medium: first contact P+5 days; every week from week 2 to week 4;
//	        every month from month 2 to month 6; every 3 months from month 9 to month 12
//	low:    first contact P+10 days; every month from month 1 to month 6;
//	        every 3 months from month 9 to month 12
//
// An organisation replaces it by passing its own Policy to the service (or
// a JSON file to the tool's --policy flag).
func DefaultPolicy() Policy {
	return Policy{ID: "default", Name: "Homeward default follow-up policy", Levels: map[casework.Risk]Level{
		casework.RiskHigh: {FirstContactDays: 2, Phases: []Phase{
			{Every: 1, Unit: Weeks, From: 1, Until: 8},
			{Every: 2, Unit: Weeks, From: 10, Until: 16},
			{Every: 1, Unit: Months, From: 5, Until: 12},
		}},
		casework.RiskMedium: {FirstContactDays: 5, Phases: []Phase{
			{Every: 1, Unit: Weeks, From: 2, Until: 4},
			{Every: 1, Unit: Months, From: 2, Until: 6},
			{Every: 3, Unit: Months, From: 9, Until: 12},
		}},
		casework.RiskLow: {FirstContactDays: 10, Phases: []Phase{
			{Every: 1, Unit: Months, From: 1, Until: 6},
			{Every: 3, Unit: Months, From: 9, Until: 12},
		}},
	}}
}

// Validate reports every problem of the policy with its path: a schedule
// for each of low, medium and high; first contact 0 to 365 days; phases with
// every >= 1, a known unit, 0 <= from <= until, and at most 10 years of
// follow-up.
func (p *Policy) Validate() error {
	var v homeward.ValidationError
	if p.ID == "" {
		v.Add("id", "is required")
	}
	for _, r := range casework.RiskValues() {
		l, ok := p.Levels[r]
		lp := "levels." + string(r)
		if !ok {
			v.Add(lp, "is required: a policy has a schedule for every risk level")
			continue
		}
		if l.FirstContactDays < 0 || l.FirstContactDays > 365 {
			v.Add(lp+".first_contact_days", "must be between 0 and 365")
		}
		for i, ph := range l.Phases {
			pp := fmt.Sprintf("%s.phases[%d]", lp, i)
			if ph.Every < 1 {
				v.Add(pp+".every", "must be at least 1")
			}
			if !ph.Unit.Valid() {
				v.Add(pp+".unit", "must be days, weeks or months")
			}
			if ph.From < 0 {
				v.Add(pp+".from", "must not be negative")
			}
			if ph.Until < ph.From {
				v.Add(pp+".until", "is before from")
			}
			if ph.Unit.Valid() && ph.Unit.add(homeward.DateOf(2000, 1, 1), ph.Until).After(homeward.DateOf(2010, 1, 1)) {
				v.Add(pp+".until", "is more than 10 years after the placement")
			}
		}
	}
	for r := range p.Levels {
		if !r.Valid() {
			v.Add("levels."+string(r), "is not a risk level (want low, medium or high)")
		}
	}
	return v.Err()
}

// ParsePolicy reads a policy from JSON, reporting every problem at once
// with its path, unknown fields included.
func ParsePolicy(data []byte) (*Policy, error) {
	val, err := jsonx.Decode(data)
	if err != nil {
		return nil, homeward.Invalid("", "%v", err)
	}
	var v homeward.ValidationError
	o := jsonx.AsObject(val, "", &v)
	if o == nil {
		return nil, v.Err()
	}
	p := &Policy{ID: o.String("id"), Name: o.String("name"), Levels: map[casework.Risk]Level{}}
	if lv := o.Object("levels"); lv != nil {
		for _, key := range lv.Keys() {
			lo := lv.Object(key)
			if lo == nil {
				continue
			}
			var l Level
			if n, ok := lo.Int("first_contact_days"); ok {
				l.FirstContactDays = int(n)
			} else if !lo.Has("first_contact_days") {
				v.Add(lo.Path("first_contact_days"), "is required")
			}
			for i, pv := range lo.Array("phases") {
				po := jsonx.AsObject(pv, jsonx.Index(lo.Path("phases"), i), &v)
				if po == nil {
					continue
				}
				ph := Phase{Unit: Unit(po.String("unit"))}
				for _, f := range []struct {
					key string
					dst *int
				}{{"every", &ph.Every}, {"from", &ph.From}, {"until", &ph.Until}} {
					if n, ok := po.Int(f.key); ok {
						*f.dst = int(n)
					} else if !po.Has(f.key) {
						v.Add(po.Path(f.key), "is required")
					}
				}
				l.Phases = append(l.Phases, ph)
				po.Done()
			}
			p.Levels[casework.Risk(key)] = l
			lo.Done()
		}
	}
	o.Done()
	// The rules of Validate, without repeating a path already reported.
	var ve *homeward.ValidationError
	if errors.As(p.Validate(), &ve) {
		for _, f := range ve.Fields {
			if !v.Has(f.Path) {
				v.Fields = append(v.Fields, f)
			}
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return p, nil
}
