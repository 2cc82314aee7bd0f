package cohort

import (
	"fmt"
	"slices"
	"time"

	"github.com/homewardkit/homeward"
)

// SessionPlan generates a cohort's sessions: Count sessions of Minutes
// minutes, the first on First at the wall-clock time At in the organiser's
// IANA time zone, then every Every days (7 for weekly, 14 for fortnightly).
// A slot whose date is in Skip is skipped and the session moves to the next
// free slot, so the count is kept. Every session starts at the same
// wall-clock time in the organiser's zone, across daylight-saving changes;
// members elsewhere see it at their own local time.
type SessionPlan struct {
	First homeward.Date `json:"first"`
	// At is the start time of day, "15:00".
	At       string          `json:"at"`
	TimeZone string          `json:"time_zone"`
	Every    int             `json:"every_days"`
	Count    int             `json:"count"`
	Minutes  int             `json:"minutes"`
	Skip     []homeward.Date `json:"skip,omitempty"`
}

// Session is one session of a cohort.
type Session struct {
	Number int `json:"number"` // 1-based
	// Start is the start instant, in UTC.
	Start   time.Time `json:"start"`
	Minutes int       `json:"minutes"`
}

// End returns the end instant of the session.
func (s Session) End() time.Time { return s.Start.Add(time.Duration(s.Minutes) * time.Minute) }

// In returns the start of the session in the IANA time zone tz, as a member
// there sees it.
func (s Session) In(tz string) (time.Time, error) {
	loc, err := time.LoadLocation(tz)
	if err != nil || tz == "" {
		return time.Time{}, homeward.Invalid("time_zone", "%q is not an IANA time zone", tz)
	}
	return s.Start.In(loc), nil
}

// Validate checks the plan.
func (p *SessionPlan) Validate() error {
	var v homeward.ValidationError
	p.validate(&v)
	return v.Err()
}

func (p *SessionPlan) validate(v *homeward.ValidationError) (*time.Location, int, int) {
	if p.First.IsZero() {
		v.Add("first", "is required")
	}
	var hh, mm int
	if _, err := fmt.Sscanf(p.At, "%d:%d", &hh, &mm); err != nil || len(p.At) != 5 || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		v.Add("at", "must be a time of day as HH:MM")
	}
	loc, err := time.LoadLocation(p.TimeZone)
	if err != nil || p.TimeZone == "" {
		v.Add("time_zone", "%q is not an IANA time zone", p.TimeZone)
	}
	if p.Every < 1 || p.Every > 366 {
		v.Add("every_days", "must be between 1 and 366")
	}
	if p.Count < 1 || p.Count > 500 {
		v.Add("count", "must be between 1 and 500")
	}
	if p.Minutes < 1 || p.Minutes > 24*60 {
		v.Add("minutes", "must be between 1 and 1440")
	}
	return loc, hh, mm
}

// Sessions generates the sessions of the plan.
func (p *SessionPlan) Sessions() ([]Session, error) {
	var v homeward.ValidationError
	loc, hh, mm := p.validate(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	out := make([]Session, 0, p.Count)
	for slot := 0; len(out) < p.Count; slot++ {
		d := p.First.AddDays(slot * p.Every)
		if slices.Contains(p.Skip, d) {
			continue
		}
		start := time.Date(d.Year(), d.Month(), d.Day(), hh, mm, 0, 0, loc)
		out = append(out, Session{Number: len(out) + 1, Start: start.UTC(), Minutes: p.Minutes})
	}
	return out, nil
}
