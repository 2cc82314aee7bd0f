package casework

import (
	"fmt"
	"slices"
	"time"

	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
)

// CaseID identifies a case.
type CaseID string

// HouseholdID identifies a household.
type HouseholdID string

// Fields tagged `privacy:"identifier"` are direct identifiers: they never
// leave through a de-identified summary, a research export, a log line or an
// error message. Tests walk the types to keep that promise.

// Case is the record of one child on the way out of residential care and
// back into a family: the child, the owning organisation, the step of case
// management, the risk level and its history, the case team, consents, care
// arrangements, closure and reopenings.
type Case struct {
	ID     CaseID         `json:"id"`
	Org    homeward.OrgID `json:"org"`
	Status Status         `json:"status"`
	Child  Child          `json:"child"`
	// Household is the family the child lives with or is to return to.
	Household    HouseholdID   `json:"household,omitempty"`
	RegisteredOn homeward.Date `json:"registered_on"`
	Risk         Risk          `json:"risk"`
	// RiskHistory records every change of Risk, oldest first.
	RiskHistory []RiskChange `json:"risk_history,omitempty"`
	Team        []TeamMember `json:"team,omitempty"`
	Consents    []Consent    `json:"consents,omitempty"`
	// Arrangements is the child's care history, oldest first; the current
	// arrangement is derived from it (see Case.CurrentArrangement).
	Arrangements []Arrangement `json:"arrangements,omitempty"`
	// StatusHistory records every change of Status, oldest first.
	StatusHistory []StatusChange `json:"status_history,omitempty"`
	Closure       *Closure       `json:"closure,omitempty"`
	Reopenings    []Reopening    `json:"reopenings,omitempty"`
	Version       int64          `json:"version,omitempty"`
	CreatedAt     time.Time      `json:"created_at,omitzero"`
	UpdatedAt     time.Time      `json:"updated_at,omitzero"`
}

// Child describes the child of a case.
type Child struct {
	GivenName  string `json:"given_name" privacy:"identifier"`
	FamilyName string `json:"family_name" privacy:"identifier"`
	Sex        Sex    `json:"sex"`
	// BirthDate may be an estimate (BirthDateEstimated), as is common for
	// children without a birth certificate.
	BirthDate          homeward.Date `json:"birth_date" privacy:"identifier"`
	BirthDateEstimated bool          `json:"birth_date_estimated,omitempty"`
	// Languages are BCP 47 tags of the languages the child speaks.
	Languages    []string     `json:"languages,omitempty"`
	Disabilities []Disability `json:"disabilities,omitempty"`
	// IDNumber is a birth certificate, national or other identity number.
	IDNumber string `json:"id_number,omitempty" privacy:"identifier"`
}

// RiskChange is one change of a case's risk level.
type RiskChange struct {
	Date   homeward.Date    `json:"date"`
	From   Risk             `json:"from,omitempty"`
	To     Risk             `json:"to"`
	Reason string           `json:"reason,omitempty"`
	By     homeward.ActorID `json:"by,omitempty"`
}

// TeamMember is a person in the case team. Person names a member of staff
// or a volunteer (not the child or the family).
type TeamMember struct {
	Person string        `json:"person"`
	Role   TeamRole      `json:"role"`
	From   homeward.Date `json:"from,omitzero"`
	To     homeward.Date `json:"to,omitzero"`
}

// Consent is a consent given for one purpose. For information sharing,
// Parties names with whom. It is valid from Date until Withdrawn (exclusive)
// or, when Withdrawn is zero, indefinitely.
type Consent struct {
	ID      string         `json:"id"`
	Purpose ConsentPurpose `json:"purpose"`
	Parties []string       `json:"parties,omitempty"`
	// GivenBy names the person who gave consent (a parent, a guardian, the
	// child).
	GivenBy      string        `json:"given_by" privacy:"identifier"`
	Relationship Relationship  `json:"relationship,omitempty"`
	Date         homeward.Date `json:"date"`
	Withdrawn    homeward.Date `json:"withdrawn,omitzero"`
}

// ValidOn reports whether the consent allows purpose on the given day (and,
// for information sharing, sharing with party).
func (c Consent) ValidOn(purpose ConsentPurpose, party string, on homeward.Date) bool {
	if c.Purpose != purpose || on.Before(c.Date) || (!c.Withdrawn.IsZero() && !on.Before(c.Withdrawn)) {
		return false
	}
	return purpose != ConsentInformationSharing || slices.Contains(c.Parties, party)
}

// Arrangement is one period of the child's care. End is the day the
// arrangement ended (the next may start that day); zero means it continues.
type Arrangement struct {
	Type  ArrangementType `json:"type"`
	Start homeward.Date   `json:"start"`
	End   homeward.Date   `json:"end,omitzero"`
	// Reason says why the child moved into this arrangement.
	Reason string `json:"reason,omitempty"`
	// Household is the family of a family-based arrangement, when known.
	Household HouseholdID `json:"household,omitempty"`
}

// FamilyBased reports whether t is family-based care in the sense of the UN
// Guidelines: with parents, relatives, foster carers, under kafala,
// guardianship or adoption, or another family-based arrangement. Family-like
// settings, residential care, supervised independent living and
// child-headed households are not.
func (t ArrangementType) FamilyBased() bool {
	switch t {
	case ArrangementParents, ArrangementKinship, ArrangementFosterEmergency, ArrangementFosterLongTerm,
		ArrangementKafala, ArrangementGuardianship, ArrangementAdoption, ArrangementOtherFamilyBased:
		return true
	}
	return false
}

// Covers reports whether the arrangement is in force on day d.
func (a Arrangement) Covers(d homeward.Date) bool {
	return !d.Before(a.Start) && (a.End.IsZero() || d.Before(a.End))
}

// CurrentArrangement returns the arrangement in force on day d.
func (c *Case) CurrentArrangement(d homeward.Date) (Arrangement, bool) {
	for i := len(c.Arrangements) - 1; i >= 0; i-- {
		if c.Arrangements[i].Covers(d) {
			return c.Arrangements[i], true
		}
	}
	return Arrangement{}, false
}

// ConsentOn reports whether the case holds a consent for purpose (and, for
// information sharing, party) on day d.
func (c *Case) ConsentOn(purpose ConsentPurpose, party string, d homeward.Date) bool {
	for _, cs := range c.Consents {
		if cs.ValidOn(purpose, party, d) {
			return true
		}
	}
	return false
}

// StatusChange records one step of the lifecycle.
type StatusChange struct {
	At   time.Time        `json:"at"`
	From Status           `json:"from,omitempty"`
	To   Status           `json:"to"`
	By   homeward.ActorID `json:"by,omitempty"`
}

// Closure records why and when a case was closed.
type Closure struct {
	Date   homeward.Date `json:"date"`
	Reason ClosureReason `json:"reason"`
	Note   string        `json:"note,omitempty"`
}

// Reopening records the reopening of a closed case.
type Reopening struct {
	Date   homeward.Date    `json:"date"`
	Reason string           `json:"reason"`
	By     homeward.ActorID `json:"by,omitempty"`
}

// Clone returns a deep copy of c.
func (c Case) Clone() Case {
	c.Child.Languages = slices.Clone(c.Child.Languages)
	c.Child.Disabilities = slices.Clone(c.Child.Disabilities)
	c.RiskHistory = slices.Clone(c.RiskHistory)
	c.Team = slices.Clone(c.Team)
	if c.Consents != nil {
		cs := make([]Consent, len(c.Consents))
		for i, x := range c.Consents {
			x.Parties = slices.Clone(x.Parties)
			cs[i] = x
		}
		c.Consents = cs
	}
	c.Arrangements = slices.Clone(c.Arrangements)
	c.StatusHistory = slices.Clone(c.StatusHistory)
	if c.Closure != nil {
		cl := *c.Closure
		c.Closure = &cl
	}
	c.Reopenings = slices.Clone(c.Reopenings)
	return c
}

// Validate checks the record on its own: required fields, known values,
// dates in order and care arrangements that do not overlap. It names every
// problem with its path and never repeats an identifying value.
func (c *Case) Validate() error {
	var v homeward.ValidationError
	if c.Org == "" {
		v.Add("org", "is required")
	}
	if !c.Status.Valid() {
		v.Add("status", "must be one of registered, assessment, case_plan, implementation, follow_up, closed")
	}
	c.Child.validate(&v, "child")
	if c.RegisteredOn.IsZero() {
		v.Add("registered_on", "is required")
	}
	if !c.Risk.Valid() {
		v.Add("risk", "must be low, medium or high")
	}
	for i, r := range c.RiskHistory {
		p := fmt.Sprintf("risk_history[%d]", i)
		if r.Date.IsZero() {
			v.Add(p+".date", "is required")
		} else if i > 0 && r.Date.Before(c.RiskHistory[i-1].Date) {
			v.Add(p+".date", "is before the change before it: the history is kept in date order")
		}
		if !r.To.Valid() || (r.From != "" && !r.From.Valid()) {
			v.Add(p, "has an unknown risk level")
		}
	}
	if n := len(c.RiskHistory); n > 0 && c.Risk.Valid() && c.RiskHistory[n-1].To != c.Risk {
		v.Add("risk", "differs from the last entry of the risk history")
	}
	for i, m := range c.Team {
		p := fmt.Sprintf("team[%d]", i)
		if m.Person == "" {
			v.Add(p+".person", "is required")
		}
		if !m.Role.Valid() {
			v.Add(p+".role", "must be one of case_manager, social_worker, psychologist, community_volunteer, supervisor")
		}
		if !m.To.IsZero() && m.To.Before(m.From) {
			v.Add(p+".to", "is before from")
		}
	}
	ids := map[string]bool{}
	for i, cs := range c.Consents {
		p := fmt.Sprintf("consents[%d]", i)
		if cs.ID == "" {
			v.Add(p+".id", "is required")
		} else if ids[cs.ID] {
			v.Add(p+".id", "duplicate consent id %q", cs.ID)
		}
		ids[cs.ID] = true
		if !cs.Purpose.Valid() {
			v.Add(p+".purpose", "must be one of services, information_sharing, peer_learning, research")
		}
		if cs.Purpose == ConsentInformationSharing && len(cs.Parties) == 0 {
			v.Add(p+".parties", "must name at least one party for information sharing")
		}
		if cs.GivenBy == "" {
			v.Add(p+".given_by", "is required")
		}
		if cs.Relationship != "" && !cs.Relationship.Valid() {
			v.Add(p+".relationship", "is not a known relationship")
		}
		if cs.Date.IsZero() {
			v.Add(p+".date", "is required")
		}
		if !cs.Withdrawn.IsZero() && cs.Withdrawn.Before(cs.Date) {
			v.Add(p+".withdrawn", "is before the consent's date")
		}
	}
	validateArrangements(&v, c.Arrangements)
	for i, s := range c.StatusHistory {
		if !s.To.Valid() || (s.From != "" && !s.From.Valid()) {
			v.Add(fmt.Sprintf("status_history[%d]", i), "has an unknown status")
		}
	}
	switch {
	case c.Status == StatusClosed && c.Closure == nil:
		v.Add("closure", "is required when the case is closed")
	case c.Status != StatusClosed && c.Closure != nil:
		v.Add("closure", "is only allowed when the case is closed")
	}
	if c.Closure != nil {
		if c.Closure.Date.IsZero() {
			v.Add("closure.date", "is required")
		}
		if !c.Closure.Reason.Valid() {
			v.Add("closure.reason", "must be one of goals_achieved, reached_adulthood, transferred, moved_away, lost_contact, refused_services, died, other")
		}
	}
	for i, r := range c.Reopenings {
		p := fmt.Sprintf("reopenings[%d]", i)
		if r.Date.IsZero() {
			v.Add(p+".date", "is required")
		}
		if r.Reason == "" {
			v.Add(p+".reason", "is required")
		}
	}
	return v.Err()
}

func (ch *Child) validate(v *homeward.ValidationError, p string) {
	if ch.GivenName == "" && ch.FamilyName == "" {
		v.Add(p+".given_name", "a given or family name is required")
	}
	if !ch.Sex.Valid() {
		v.Add(p+".sex", "must be female, male, other or unknown")
	}
	if ch.BirthDate.IsZero() {
		v.Add(p+".birth_date", "is required (an estimate will do: set birth_date_estimated)")
	}
	for i, l := range ch.Languages {
		if _, err := language.Parse(l); err != nil {
			v.Add(fmt.Sprintf("%s.languages[%d]", p, i), "is not a BCP 47 language tag")
		}
	}
	for i, d := range ch.Disabilities {
		if !d.Valid() {
			v.Add(fmt.Sprintf("%s.disabilities[%d]", p, i), "is not a known disability")
		}
	}
}

func validateArrangements(v *homeward.ValidationError, as []Arrangement) {
	for i, a := range as {
		p := fmt.Sprintf("arrangements[%d]", i)
		if !a.Type.Valid() {
			v.Add(p+".type", "is not a care arrangement of the UN Guidelines")
		}
		if a.Start.IsZero() {
			v.Add(p+".start", "is required")
		}
		if !a.End.IsZero() && a.End.Before(a.Start) {
			v.Add(p+".end", "is before start")
		}
		if i == 0 {
			continue
		}
		prev := as[i-1]
		switch {
		case a.Start.Before(prev.Start):
			v.Add(p+".start", "is before the start of arrangements[%d]: arrangements are kept in date order", i-1)
		case prev.End.IsZero() || a.Start.Before(prev.End):
			v.Add(p, "overlaps arrangements[%d]: end it before a new one starts", i-1)
		}
	}
}
