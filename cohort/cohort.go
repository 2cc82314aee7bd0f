package cohort

import (
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
)

// CohortID identifies a cohort.
type CohortID string

// Facilitator guides a cohort's sessions and discussions.
type Facilitator struct {
	Name string         `json:"name"`
	Org  homeward.OrgID `json:"org"`
}

// Member is an organisation's place in a cohort.
type Member struct {
	Org     homeward.OrgID `json:"org"`
	Status  MemberStatus   `json:"status"`
	Applied time.Time      `json:"applied"`
	// TimeZone is the IANA time zone in which the member sees the sessions.
	TimeZone string `json:"time_zone"`
	// Enrolled is when the organisation got its place: on application, or
	// when a withdrawal promoted it from the waiting list. Zero while it
	// is waitlisted.
	Enrolled  time.Time `json:"enrolled,omitzero"`
	Withdrawn time.Time `json:"withdrawn,omitzero"`
}

// Attendance records whether a member organisation attended a session.
type Attendance struct {
	Session int            `json:"session"`
	Org     homeward.OrgID `json:"org"`
	Present bool           `json:"present"`
}

// Contribution is a fee contribution of a member.
type Contribution struct {
	Org    homeward.OrgID `json:"org"`
	Date   homeward.Date  `json:"date"`
	Amount homeward.Money `json:"amount"`
}

// DefaultCompletionShare is the share of sessions a member must attend to
// complete a cohort.
var DefaultCompletionShare = decimal.RequireFromString("0.75")

// Cohort is one series of a programme: its sessions, members, attendance and
// fee contributions.
type Cohort struct {
	ID        CohortID    `json:"id"`
	Programme ProgrammeID `json:"programme"`
	// Organisers are copied from the programme; they run the cohort.
	Organisers   []homeward.OrgID `json:"organisers"`
	Name         string           `json:"name"`
	Start        homeward.Date    `json:"start"`
	Status       CohortStatus     `json:"status"`
	Language     string           `json:"language"`
	Facilitators []Facilitator    `json:"facilitators,omitempty"`
	// InfoMeetings are the information meetings for candidates.
	InfoMeetings []time.Time `json:"info_meetings,omitempty"`
	Capacity     int         `json:"capacity"`
	Plan         SessionPlan `json:"plan"`
	// Sessions are generated from Plan.
	Sessions      []Session      `json:"sessions"`
	Members       []Member       `json:"members,omitempty"`
	Attendance    []Attendance   `json:"attendance,omitempty"`
	Contributions []Contribution `json:"contributions,omitempty"`
	// CompletionShare is the share of sessions needed to complete; zero
	// means DefaultCompletionShare (75%).
	CompletionShare decimal.Decimal `json:"completion_share"`
	Version         int64           `json:"version,omitempty"`
	CreatedAt       time.Time       `json:"created_at,omitzero"`
	UpdatedAt       time.Time       `json:"updated_at,omitzero"`
}

// Clone returns a deep copy of c.
func (c Cohort) Clone() Cohort {
	c.Organisers = slices.Clone(c.Organisers)
	c.Facilitators = slices.Clone(c.Facilitators)
	c.InfoMeetings = slices.Clone(c.InfoMeetings)
	c.Plan.Skip = slices.Clone(c.Plan.Skip)
	c.Sessions = slices.Clone(c.Sessions)
	c.Members = slices.Clone(c.Members)
	c.Attendance = slices.Clone(c.Attendance)
	c.Contributions = slices.Clone(c.Contributions)
	return c
}

func (c *Cohort) completionShare() decimal.Decimal {
	if c.CompletionShare.IsZero() {
		return DefaultCompletionShare
	}
	return c.CompletionShare
}

// Validate checks the cohort record.
func (c *Cohort) Validate() error {
	var v homeward.ValidationError
	if c.Programme == "" {
		v.Add("programme", "is required")
	}
	if len(c.Organisers) == 0 {
		v.Add("organisers", "at least one organiser is required")
	}
	if c.Name == "" {
		v.Add("name", "is required")
	}
	if !c.Status.Valid() {
		v.Add("status", "must be planned, recruiting, running or finished")
	}
	if _, err := language.Parse(c.Language); err != nil {
		v.Add("language", "is not a BCP 47 language tag")
	}
	if c.Capacity < 1 {
		v.Add("capacity", "must be at least 1")
	}
	if s := c.completionShare(); !s.IsPositive() || s.GreaterThan(decimal.NewFromInt(1)) {
		v.Add("completion_share", "must be greater than 0 and at most 1")
	}
	for i, f := range c.Facilitators {
		if f.Name == "" {
			v.Add(fmt.Sprintf("facilitators[%d].name", i), "is required")
		}
	}
	v.Merge("plan", c.Plan.Validate())
	seen := map[homeward.OrgID]bool{}
	enrolled := 0
	for i, m := range c.Members {
		p := fmt.Sprintf("members[%d]", i)
		if m.Org == "" {
			v.Add(p+".org", "is required")
		}
		if seen[m.Org] {
			v.Add(p+".org", "organisation %s is a member twice", m.Org)
		}
		seen[m.Org] = true
		if !m.Status.Valid() {
			v.Add(p+".status", "must be enrolled, waitlisted or withdrawn")
		}
		if m.Status == MemberEnrolled {
			enrolled++
		}
		if _, err := time.LoadLocation(m.TimeZone); err != nil || m.TimeZone == "" {
			v.Add(p+".time_zone", "%q is not an IANA time zone", m.TimeZone)
		}
	}
	if enrolled > c.Capacity {
		v.Add("members", "%d organisations enrolled, more than the capacity of %d", enrolled, c.Capacity)
	}
	for i, a := range c.Attendance {
		p := fmt.Sprintf("attendance[%d]", i)
		if a.Session < 1 || a.Session > len(c.Sessions) {
			v.Add(p+".session", "session %d is not a session of this cohort (1 to %d)", a.Session, len(c.Sessions))
		}
		if m, ok := c.Member(a.Org); !ok || m.Status == MemberWaitlisted {
			v.Add(p+".org", "organisation %s is not a member of this cohort", a.Org)
		}
	}
	for i, ct := range c.Contributions {
		p := fmt.Sprintf("contributions[%d]", i)
		if _, ok := c.Member(ct.Org); !ok {
			v.Add(p+".org", "organisation %s is not a member of this cohort", ct.Org)
		}
		if ct.Date.IsZero() {
			v.Add(p+".date", "is required")
		}
		v.Merge(p+".amount", ct.Amount.Validate())
		if !ct.Amount.Amount.IsPositive() {
			v.Add(p+".amount.amount", "must be greater than 0")
		}
	}
	return v.Err()
}

// Member returns the membership of org.
func (c *Cohort) Member(org homeward.OrgID) (Member, bool) {
	for _, m := range c.Members {
		if m.Org == org {
			return m, true
		}
	}
	return Member{}, false
}

// enrolledCount returns the number of enrolled members.
func (c *Cohort) enrolledCount() int {
	n := 0
	for _, m := range c.Members {
		if m.Status == MemberEnrolled {
			n++
		}
	}
	return n
}

// apply adds org as enrolled while capacity lasts, else waitlisted. An
// organisation that is already a member (other than withdrawn) is refused.
func (c *Cohort) apply(org homeward.OrgID, tz string, at time.Time) (MemberStatus, error) {
	status := MemberWaitlisted
	if c.enrolledCount() < c.Capacity {
		status = MemberEnrolled
	}
	for i, m := range c.Members {
		if m.Org != org {
			continue
		}
		if m.Status != MemberWithdrawn {
			return "", homeward.Invalid("org", "organisation %s is already %s in this cohort", org, m.Status)
		}
		c.Members[i] = Member{Org: org, Status: status, Applied: at, TimeZone: tz}
		if status == MemberEnrolled {
			c.Members[i].Enrolled = at
		}
		return status, nil
	}
	m := Member{Org: org, Status: status, Applied: at, TimeZone: tz}
	if status == MemberEnrolled {
		m.Enrolled = at
	}
	c.Members = append(c.Members, m)
	return status, nil
}

// withdraw withdraws org; when it was enrolled, the first on the waiting
// list (in order of application) is enrolled. It returns the promoted
// organisation, if any.
func (c *Cohort) withdraw(org homeward.OrgID, at time.Time) (homeward.OrgID, error) {
	i := slices.IndexFunc(c.Members, func(m Member) bool { return m.Org == org })
	if i < 0 || c.Members[i].Status == MemberWithdrawn {
		return "", homeward.Invalid("org", "organisation %s is not a member of this cohort", org)
	}
	wasEnrolled := c.Members[i].Status == MemberEnrolled
	c.Members[i].Status, c.Members[i].Withdrawn = MemberWithdrawn, at
	if !wasEnrolled {
		return "", nil
	}
	first := -1
	for j, m := range c.Members {
		if m.Status == MemberWaitlisted && (first < 0 || m.Applied.Before(c.Members[first].Applied)) {
			first = j
		}
	}
	if first < 0 {
		return "", nil
	}
	c.Members[first].Status, c.Members[first].Enrolled = MemberEnrolled, at
	return c.Members[first].Org, nil
}

// AttendanceRate returns the share of the cohort's sessions held so far
// (started before now) that org attended, and whether any session was held.
func (c *Cohort) AttendanceRate(org homeward.OrgID, now time.Time) (decimal.Decimal, bool) {
	held := 0
	for _, s := range c.Sessions {
		if s.Start.Before(now) {
			held++
		}
	}
	if held == 0 {
		return decimal.Decimal{}, false
	}
	present := 0
	for _, a := range c.Attendance {
		if a.Org == org && a.Present && a.Session <= len(c.Sessions) && c.Sessions[a.Session-1].Start.Before(now) {
			present++
		}
	}
	return decimal.NewFromInt(int64(present)).Div(decimal.NewFromInt(int64(held))), true
}

// Completed reports whether org attended at least the completion share of
// all the cohort's sessions.
func (c *Cohort) Completed(org homeward.OrgID) bool {
	if len(c.Sessions) == 0 {
		return false
	}
	present := 0
	for _, a := range c.Attendance {
		if a.Org == org && a.Present {
			present++
		}
	}
	return !decimal.NewFromInt(int64(present)).Div(decimal.NewFromInt(int64(len(c.Sessions)))).LessThan(c.completionShare())
}

// FeeTotals returns the contributions received, per currency: amounts in
// different currencies are never added together.
func (c *Cohort) FeeTotals() []homeward.Money {
	var t homeward.Totals
	for _, ct := range c.Contributions {
		t.Add(ct.Amount)
	}
	return t.List()
}

// setAttendance records org's attendance of session n, replacing an
// earlier record of the same session.
func (c *Cohort) setAttendance(n int, org homeward.OrgID, present bool) {
	for i, a := range c.Attendance {
		if a.Session == n && a.Org == org {
			c.Attendance[i].Present = present
			return
		}
	}
	c.Attendance = append(c.Attendance, Attendance{Session: n, Org: org, Present: present})
}
