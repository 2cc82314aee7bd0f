package monitoring

import (
	"errors"
	"maps"
	"strings"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/internal/enum"
)

// VisitID identifies a visit.
type VisitID string

// Mode is how a visit takes place.
type Mode string

// Visit modes.
const (
	ModeHome   Mode = "home"
	ModeSchool Mode = "school"
	ModePhone  Mode = "phone"
	ModeOffice Mode = "office"
)

var modeValues = []Mode{ModeHome, ModeSchool, ModePhone, ModeOffice}

// Valid reports whether m is a defined mode.
func (m Mode) Valid() bool { return enum.Valid(m, modeValues) }

// MarshalText implements [encoding.TextMarshaler].
func (m Mode) MarshalText() ([]byte, error) { return enum.Marshal("visit mode", m, modeValues) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *Mode) UnmarshalText(b []byte) error { return enum.Unmarshal("visit mode", m, b, modeValues) }

// VisitStatus is the state of a visit as of a day; it is derived, never
// stored.
type VisitStatus string

// Visit states as of a day.
const (
	VisitDone      VisitStatus = "done"
	VisitMissed    VisitStatus = "missed"
	VisitCancelled VisitStatus = "cancelled"
	// VisitOverdue: not done, and the day is more than the grace period
	// after the due date.
	VisitOverdue VisitStatus = "overdue"
	// VisitDue: from DueWindowDays before the due date to the end of the
	// grace period.
	VisitDue VisitStatus = "due"
	// VisitUpcoming: not yet due.
	VisitUpcoming VisitStatus = "upcoming"
)

var visitStatusValues = []VisitStatus{VisitDone, VisitMissed, VisitCancelled, VisitOverdue, VisitDue, VisitUpcoming}

// VisitStatusValues returns the states in their documented order.
func VisitStatusValues() []VisitStatus { return append([]VisitStatus(nil), visitStatusValues...) }

// Valid reports whether s is a defined state.
func (s VisitStatus) Valid() bool { return enum.Valid(s, visitStatusValues) }

// MarshalText implements [encoding.TextMarshaler].
func (s VisitStatus) MarshalText() ([]byte, error) {
	return enum.Marshal("visit status", s, visitStatusValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *VisitStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal("visit status", s, b, visitStatusValues)
}

// Default windows around a due date.
const (
	// DefaultGraceDays is how long after its due date a visit is still due
	// rather than overdue.
	DefaultGraceDays = 3
	// DueWindowDays is how long before its due date a visit is due.
	DueWindowDays = 7
)

// Outcome is what a visit found.
type Outcome struct {
	// ChildSafe records whether the visitor judged the child safe.
	ChildSafe bool `json:"child_safe"`
	// Concerns marks a visit that raised a concern; Note and Actions
	// describe it (free text, never exported for research).
	Concerns bool   `json:"concerns"`
	Note     string `json:"note,omitempty"`
	Actions  string `json:"actions,omitempty"`
}

// Visit is a follow-up visit to a child placed in a family: planned for a
// due date, then done, missed or cancelled.
type Visit struct {
	ID   VisitID         `json:"id"`
	Org  homeward.OrgID  `json:"org"`
	Case casework.CaseID `json:"case"`
	// Caseworker is the person the visit is assigned to.
	Caseworker string        `json:"caseworker,omitempty"`
	Due        homeward.Date `json:"due"`
	Kind       Kind          `json:"kind"`
	Mode       Mode          `json:"mode,omitempty"`
	// Done is the day the visit took place; By who made it.
	Done    homeward.Date `json:"done,omitzero"`
	By      string        `json:"by,omitempty"`
	Outcome *Outcome      `json:"outcome,omitempty"`
	// Scores are optional Child Status Index scores taken at the visit.
	Scores map[casework.Factor]int `json:"scores,omitempty"`
	// Missed or Cancelled is the day the visit was recorded as missed or
	// cancelled, with a Reason.
	Missed    homeward.Date `json:"missed,omitzero"`
	Cancelled homeward.Date `json:"cancelled,omitzero"`
	Reason    string        `json:"reason,omitempty"`
	Version   int64         `json:"version,omitempty"`
	CreatedAt time.Time     `json:"created_at,omitzero"`
	UpdatedAt time.Time     `json:"updated_at,omitzero"`
}

// Clone returns a deep copy of v.
func (v Visit) Clone() Visit {
	if v.Outcome != nil {
		o := *v.Outcome
		v.Outcome = &o
	}
	v.Scores = maps.Clone(v.Scores)
	return v
}

// Open reports whether the visit is neither done, missed nor cancelled.
func (v *Visit) Open() bool { return v.Done.IsZero() && v.Missed.IsZero() && v.Cancelled.IsZero() }

// StatusOn returns the state of the visit as of day d, with a grace period
// of grace days (negative: DefaultGraceDays). A visit done, missed or
// cancelled after d was still open on d.
func (v *Visit) StatusOn(d homeward.Date, grace int) VisitStatus {
	if grace < 0 {
		grace = DefaultGraceDays
	}
	switch {
	case !v.Done.IsZero() && !d.Before(v.Done):
		return VisitDone
	case !v.Cancelled.IsZero() && !d.Before(v.Cancelled):
		return VisitCancelled
	case !v.Missed.IsZero() && !d.Before(v.Missed):
		return VisitMissed
	case d.After(v.Due.AddDays(grace)):
		return VisitOverdue
	case !d.Before(v.Due.AddDays(-DueWindowDays)):
		return VisitDue
	}
	return VisitUpcoming
}

// OnTime reports whether the visit was done by the end of its grace period.
func (v *Visit) OnTime(grace int) bool {
	if grace < 0 {
		grace = DefaultGraceDays
	}
	return !v.Done.IsZero() && !v.Done.After(v.Due.AddDays(grace))
}

// Validate checks the record on its own.
func (v *Visit) Validate() error {
	var e homeward.ValidationError
	if v.Org == "" {
		e.Add("org", "is required")
	}
	if v.Case == "" {
		e.Add("case", "is required")
	}
	if v.Due.IsZero() {
		e.Add("due", "is required")
	}
	if !v.Kind.Valid() {
		e.Add("kind", "must be first_contact, follow_up or plan_review")
	}
	if v.Mode != "" && !v.Mode.Valid() {
		e.Add("mode", "must be home, school, phone or office")
	}
	ends := 0
	for _, d := range []homeward.Date{v.Done, v.Missed, v.Cancelled} {
		if !d.IsZero() {
			ends++
		}
	}
	if ends > 1 {
		e.Add("done", "a visit is done, missed or cancelled, not more than one")
	}
	if !v.Done.IsZero() && v.By == "" {
		e.Add("by", "is required when the visit is done")
	}
	if v.Outcome != nil && v.Done.IsZero() {
		e.Add("outcome", "is only recorded for a visit that was done")
	}
	if (!v.Missed.IsZero() || !v.Cancelled.IsZero()) && v.Reason == "" {
		e.Add("reason", "is required when a visit is missed or cancelled")
	}
	if len(v.Scores) > 0 {
		// Scores taken at a visit are a whole Child Status Index.
		probe := casework.Assessment{Org: v.Org, Kind: casework.KindChildStatus, Case: v.Case, Date: v.Due, Scores: v.Scores}
		var pe *homeward.ValidationError
		if errors.As(probe.Validate(), &pe) {
			for _, f := range pe.Fields {
				if strings.HasPrefix(f.Path, "scores.") {
					e.Fields = append(e.Fields, f)
				}
			}
		}
	}
	return e.Err()
}
