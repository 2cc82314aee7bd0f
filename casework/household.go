package casework

import (
	"fmt"
	"slices"
	"time"

	"github.com/homewardkit/homeward"
)

// MemberID identifies a member within a household.
type MemberID string

// Household is the family a child lives with or returns to: its members,
// where it lives, its own income, and the support the organisation gives it.
type Household struct {
	ID      HouseholdID    `json:"id"`
	Org     homeward.OrgID `json:"org"`
	Members []Member       `json:"members,omitempty"`
	// Region and District are coarse locations, kept for analysis.
	Region   string `json:"region,omitempty"`
	District string `json:"district,omitempty"`
	Address  string `json:"address,omitempty" privacy:"identifier"`
	Phone    string `json:"phone,omitempty" privacy:"identifier"`
	// Income lists the household's own income sources.
	Income []IncomeSource `json:"income,omitempty"`
	// Support lists the financial and material support the organisation
	// gives the household.
	Support   []SupportPayment `json:"support,omitempty"`
	Version   int64            `json:"version,omitempty"`
	CreatedAt time.Time        `json:"created_at,omitzero"`
	UpdatedAt time.Time        `json:"updated_at,omitzero"`
}

// Member is a person of a household.
type Member struct {
	ID           MemberID     `json:"id"`
	GivenName    string       `json:"given_name" privacy:"identifier"`
	FamilyName   string       `json:"family_name,omitempty" privacy:"identifier"`
	Relationship Relationship `json:"relationship"`
	// Caregiver marks the members who care for the child.
	Caregiver bool `json:"caregiver,omitempty"`
	Sex       Sex  `json:"sex,omitempty"`
	BirthYear int  `json:"birth_year,omitempty"`
}

// IncomeSource is a regular income of the household's own, as a monthly
// amount over a period (To zero: continuing).
type IncomeSource struct {
	Kind        IncomeKind     `json:"kind"`
	Description string         `json:"description,omitempty"`
	Monthly     homeward.Money `json:"monthly"`
	From        homeward.Date  `json:"from"`
	To          homeward.Date  `json:"to,omitzero"`
}

// SupportPayment is one payment or in-kind contribution by the organisation.
type SupportPayment struct {
	Date   homeward.Date  `json:"date"`
	Kind   SupportKind    `json:"kind"`
	Amount homeward.Money `json:"amount"`
	Note   string         `json:"note,omitempty"`
}

// Clone returns a deep copy of h.
func (h Household) Clone() Household {
	h.Members = slices.Clone(h.Members)
	h.Income = slices.Clone(h.Income)
	h.Support = slices.Clone(h.Support)
	return h
}

// Caregivers returns the members marked as caregivers.
func (h *Household) Caregivers() []Member {
	var out []Member
	for _, m := range h.Members {
		if m.Caregiver {
			out = append(out, m)
		}
	}
	return out
}

// Validate checks the record on its own.
func (h *Household) Validate() error {
	var v homeward.ValidationError
	if h.Org == "" {
		v.Add("org", "is required")
	}
	ids := map[MemberID]bool{}
	for i, m := range h.Members {
		p := fmt.Sprintf("members[%d]", i)
		if m.ID == "" {
			v.Add(p+".id", "is required")
		} else if ids[m.ID] {
			v.Add(p+".id", "duplicate member id %q", m.ID)
		}
		ids[m.ID] = true
		if m.GivenName == "" {
			v.Add(p+".given_name", "is required")
		}
		if !m.Relationship.Valid() {
			v.Add(p+".relationship", "is not a known relationship")
		}
		if m.Sex != "" && !m.Sex.Valid() {
			v.Add(p+".sex", "must be female, male, other or unknown")
		}
		if m.BirthYear != 0 && (m.BirthYear < 1900 || m.BirthYear > homeward.MaxYear) {
			v.Add(p+".birth_year", "is out of range")
		}
	}
	for i, in := range h.Income {
		p := fmt.Sprintf("income[%d]", i)
		if !in.Kind.Valid() {
			v.Add(p+".kind", "is not a known income source")
		}
		v.Merge(p+".monthly", in.Monthly.Validate())
		if in.Monthly.Amount.IsNegative() {
			v.Add(p+".monthly.amount", "must not be negative")
		}
		if in.From.IsZero() {
			v.Add(p+".from", "is required")
		}
		if !in.To.IsZero() && in.To.Before(in.From) {
			v.Add(p+".to", "is before from")
		}
	}
	for i, s := range h.Support {
		p := fmt.Sprintf("support[%d]", i)
		if s.Date.IsZero() {
			v.Add(p+".date", "is required")
		}
		if !s.Kind.Valid() {
			v.Add(p+".kind", "is not a known kind of support")
		}
		v.Merge(p+".amount", s.Amount.Validate())
		if s.Amount.Amount.IsNegative() {
			v.Add(p+".amount.amount", "must not be negative")
		}
	}
	return v.Err()
}
