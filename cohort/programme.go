package cohort

import (
	"fmt"
	"time"

	"github.com/homewardkit/homeward"
	"golang.org/x/text/language"
)

// ProgrammeID identifies a learning programme.
type ProgrammeID string

// FeePolicy is how a programme is paid for. Suggested is the suggested
// contribution of a voluntary fee or the amount of a fixed one.
type FeePolicy struct {
	Kind      FeeKind         `json:"kind"`
	Suggested *homeward.Money `json:"suggested,omitempty"`
}

// Programme is a learning programme: the Mutual Learning Program, a
// learning network, a peer review. Cohorts (series) run it.
type Programme struct {
	ID   ProgrammeID   `json:"id"`
	Name string        `json:"name"`
	Kind ProgrammeKind `json:"kind"`
	// Organisers are the organisations of the consortium behind it.
	Organisers []homeward.OrgID `json:"organisers"`
	// Languages are the BCP 47 tags of the languages it is given in.
	Languages      []string  `json:"languages"`
	DurationMonths int       `json:"duration_months"`
	Sessions       int       `json:"sessions"`
	SessionMinutes int       `json:"session_minutes"`
	Capacity       int       `json:"capacity"`
	Fee            FeePolicy `json:"fee"`
	Themes         []string  `json:"themes,omitempty"`
	// JointCaseAnalysis marks programmes in which members submit cases for
	// discussion.
	JointCaseAnalysis bool      `json:"joint_case_analysis"`
	Version           int64     `json:"version,omitempty"`
	CreatedAt         time.Time `json:"created_at,omitzero"`
	UpdatedAt         time.Time `json:"updated_at,omitzero"`
}

// MutualLearningProgram returns the Mutual Learning Program of the seeds as
// a ready preset: a consortium of organisers, 6 months, 12 online sessions
// of 2 hours, in English and Spanish, about 10 organisations per series, a
// voluntary fee, and joint analysis of the cases participants submit. The
// organisers are the caller's.
func MutualLearningProgram(id ProgrammeID, organisers ...homeward.OrgID) Programme {
	return Programme{
		ID: id, Name: "Mutual Learning Program for Family and Community Based Care", Kind: KindMutualLearning,
		Organisers: organisers, Languages: []string{"en", "es"},
		DurationMonths: 6, Sessions: 12, SessionMinutes: 120, Capacity: 10,
		Fee:               FeePolicy{Kind: FeeVoluntary},
		Themes:            []string{"reintegration", "prevention", "inclusion", "cooperation with the government"},
		JointCaseAnalysis: true,
	}
}

// Validate checks the programme.
func (p *Programme) Validate() error {
	var v homeward.ValidationError
	if p.Name == "" {
		v.Add("name", "is required")
	}
	if !p.Kind.Valid() {
		v.Add("kind", "must be mutual_learning, learning_network or peer_review")
	}
	if len(p.Organisers) == 0 {
		v.Add("organisers", "at least one organising organisation is required")
	}
	for i, o := range p.Organisers {
		if o == "" {
			v.Add(fmt.Sprintf("organisers[%d]", i), "is empty")
		}
	}
	if len(p.Languages) == 0 {
		v.Add("languages", "at least one language is required")
	}
	for i, l := range p.Languages {
		if _, err := language.Parse(l); err != nil {
			v.Add(fmt.Sprintf("languages[%d]", i), "is not a BCP 47 language tag")
		}
	}
	if p.DurationMonths < 0 || p.DurationMonths > 60 {
		v.Add("duration_months", "must be between 0 and 60")
	}
	if p.Sessions < 0 || p.Sessions > 500 {
		v.Add("sessions", "must be between 0 and 500")
	}
	if p.SessionMinutes < 0 || p.SessionMinutes > 24*60 {
		v.Add("session_minutes", "must be between 0 and 1440")
	}
	if p.Capacity < 0 {
		v.Add("capacity", "must not be negative")
	}
	if !p.Fee.Kind.Valid() {
		v.Add("fee.kind", "must be none, voluntary or fixed")
	}
	if p.Fee.Suggested != nil {
		v.Merge("fee.suggested", p.Fee.Suggested.Validate())
		if p.Fee.Suggested.Amount.IsNegative() {
			v.Add("fee.suggested.amount", "must not be negative")
		}
	}
	if p.Fee.Kind == FeeFixed && p.Fee.Suggested == nil {
		v.Add("fee.suggested", "a fixed fee needs its amount")
	}
	return v.Err()
}

// Clone returns a deep copy of p.
func (p Programme) Clone() Programme {
	p.Organisers = append([]homeward.OrgID(nil), p.Organisers...)
	p.Languages = append([]string(nil), p.Languages...)
	p.Themes = append([]string(nil), p.Themes...)
	if p.Fee.Suggested != nil {
		m := *p.Fee.Suggested
		p.Fee.Suggested = &m
	}
	return p
}
