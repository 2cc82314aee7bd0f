package casework

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/homewardkit/homeward"
)

// AssessmentID identifies an assessment of a child or a household.
type AssessmentID string

// Factor is a scored item of an assessment instrument: one of the 12 Child
// Status Index factors or one of the 8 household vulnerability domains.
type Factor string

// Child Status Index factors (MEASURE Evaluation), two per domain, each
// scored 1 (very bad) to 4 (good).
const (
	CSIFoodSecurity      Factor = "food_security"
	CSINutritionGrowth   Factor = "nutrition_growth"
	CSIShelter           Factor = "shelter"
	CSICare              Factor = "care"
	CSIAbuseExploitation Factor = "abuse_exploitation"
	CSILegalProtection   Factor = "legal_protection"
	CSIWellness          Factor = "wellness"
	CSIHealthServices    Factor = "health_care_services"
	CSIEmotionalHealth   Factor = "emotional_health"
	CSISocialBehaviour   Factor = "social_behaviour"
	CSIPerformance       Factor = "performance"
	CSIEducationWork     Factor = "education_work"
)

// Household vulnerability index domains, each scored 1 (not vulnerable) to
// 4 (severely vulnerable).
const (
	HVIIncome        Factor = "income"
	HVIFood          Factor = "food"
	HVIHousing       Factor = "housing"
	HVIHealth        Factor = "health"
	HVIEducation     Factor = "education"
	HVIProtection    Factor = "protection"
	HVISocialSupport Factor = "social_support"
	HVICaregiving    Factor = "caregiving"
)

// CSIDomain is a domain of the Child Status Index.
type CSIDomain string

// The six Child Status Index domains.
const (
	CSIDomainFoodNutrition CSIDomain = "food_and_nutrition"
	CSIDomainShelterCare   CSIDomain = "shelter_and_care"
	CSIDomainProtection    CSIDomain = "protection"
	CSIDomainHealth        CSIDomain = "health"
	CSIDomainPsychosocial  CSIDomain = "psychosocial"
	CSIDomainEducation     CSIDomain = "education_and_skills"
)

// CSIDomains lists the Child Status Index domains with their two factors, in
// the instrument's order.
var CSIDomains = []struct {
	Domain  CSIDomain
	Factors [2]Factor
}{
	{CSIDomainFoodNutrition, [2]Factor{CSIFoodSecurity, CSINutritionGrowth}},
	{CSIDomainShelterCare, [2]Factor{CSIShelter, CSICare}},
	{CSIDomainProtection, [2]Factor{CSIAbuseExploitation, CSILegalProtection}},
	{CSIDomainHealth, [2]Factor{CSIWellness, CSIHealthServices}},
	{CSIDomainPsychosocial, [2]Factor{CSIEmotionalHealth, CSISocialBehaviour}},
	{CSIDomainEducation, [2]Factor{CSIPerformance, CSIEducationWork}},
}

// HouseholdDomains lists the household vulnerability index domains in order.
var HouseholdDomains = []Factor{HVIIncome, HVIFood, HVIHousing, HVIHealth, HVIEducation, HVIProtection, HVISocialSupport, HVICaregiving}

// Factors returns the scored factors of an instrument, in order.
func (k AssessmentKind) Factors() []Factor {
	switch k {
	case KindChildStatus:
		out := make([]Factor, 0, 12)
		for _, d := range CSIDomains {
			out = append(out, d.Factors[0], d.Factors[1])
		}
		return out
	case KindHouseholdVulnerability:
		return slices.Clone(HouseholdDomains)
	}
	return nil
}

// Assessment is a dated assessment of a child (Child Status Index, for a
// case) or of a household (vulnerability index), so that change over time
// can be measured. Every factor of the instrument is scored 1 to 4.
type Assessment struct {
	ID        AssessmentID   `json:"id"`
	Org       homeward.OrgID `json:"org"`
	Kind      AssessmentKind `json:"kind"`
	Case      CaseID         `json:"case,omitempty"`
	Household HouseholdID    `json:"household,omitempty"`
	Date      homeward.Date  `json:"date"`
	Assessor  string         `json:"assessor,omitempty"`
	Scores    map[Factor]int `json:"scores"`
	Note      string         `json:"note,omitempty"`
	Version   int64          `json:"version,omitempty"`
	CreatedAt time.Time      `json:"created_at,omitzero"`
	UpdatedAt time.Time      `json:"updated_at,omitzero"`
}

// Clone returns a deep copy of a.
func (a Assessment) Clone() Assessment {
	a.Scores = maps.Clone(a.Scores)
	return a
}

// Validate checks the record: the subject matches the kind (a case for the
// Child Status Index, a household for the vulnerability index), and every
// factor of the instrument, and no other, is scored 1 to 4.
func (a *Assessment) Validate() error {
	var v homeward.ValidationError
	if a.Org == "" {
		v.Add("org", "is required")
	}
	switch a.Kind {
	case KindChildStatus:
		if a.Case == "" {
			v.Add("case", "is required for a child status assessment")
		}
	case KindHouseholdVulnerability:
		if a.Household == "" {
			v.Add("household", "is required for a household vulnerability assessment")
		}
	default:
		v.Add("kind", "must be child_status or household_vulnerability")
	}
	if a.Date.IsZero() {
		v.Add("date", "is required")
	}
	factors := a.Kind.Factors()
	for _, f := range factors {
		s, ok := a.Scores[f]
		switch {
		case !ok:
			v.Add("scores."+string(f), "is required")
		case s < 1 || s > 4:
			v.Add("scores."+string(f), "must be 1, 2, 3 or 4 (have %d)", s)
		}
	}
	if factors != nil {
		for _, f := range slices.Sorted(maps.Keys(a.Scores)) {
			if !slices.Contains(factors, f) {
				v.Add("scores."+string(f), "is not a factor of the %s instrument", a.Kind)
			}
		}
	}
	return v.Err()
}

// DomainScores returns the Child Status Index score of each domain: the mean
// of its two factors (1 to 4, in halves), from the sums of
// ChildStatusSummary. It is empty for other kinds.
func (a *Assessment) DomainScores() map[CSIDomain]decimal.Decimal {
	s, ok := a.ChildStatusSummary()
	if !ok {
		return nil
	}
	out := make(map[CSIDomain]decimal.Decimal, len(CSIDomains))
	for d, dom := range CSIDomains {
		out[dom.Domain] = decimal.NewFromInt(int64(s.Domains[d])).Div(decimal.NewFromInt(2))
	}
	return out
}

// ChildStatusSummary is a child status assessment without its factor
// scores: the sum of each domain's two factors, which is what measuring
// change per domain needs. Stores can keep it beside each assessment
// (ChildStatusScanner).
type ChildStatusSummary struct {
	ID   AssessmentID
	Org  homeward.OrgID
	Case CaseID
	Date homeward.Date
	// Domains are the sums of the two factor scores of each domain, in the
	// order of CSIDomains: 2 to 8, twice the domain score. A factor that is
	// missing or scored outside 1 to 4 (which Validate rejects) counts 0.
	Domains [6]uint8
}

// ChildStatusSummary returns the summary of a child status assessment; ok
// is false for the other kinds.
func (a *Assessment) ChildStatusSummary() (s ChildStatusSummary, ok bool) {
	if a.Kind != KindChildStatus {
		return s, false
	}
	s = ChildStatusSummary{ID: a.ID, Org: a.Org, Case: a.Case, Date: a.Date}
	// Twelve look-ups cost less than a pass over the map.
	for d := range s.Domains {
		for _, f := range CSIDomains[d].Factors {
			if v, ok := a.Scores[f]; ok && v >= 1 && v <= 4 {
				s.Domains[d] += uint8(v)
			}
		}
	}
	return s, true
}

// Total returns the sum of the scores.
func (a *Assessment) Total() int {
	t := 0
	for _, s := range a.Scores {
		t += s
	}
	return t
}

// Bands are the inclusive lower bounds of the vulnerability bands on the
// total of the 8 household domains (8 to 32). The zero value means
// DefaultBands.
type Bands struct {
	Moderate, High, Severe int
}

// DefaultBands: 8–13 low, 14–19 moderate, 20–25 high, 26–32 severe.
var DefaultBands = Bands{Moderate: 14, High: 20, Severe: 26}

// Band returns the vulnerability band of a household assessment, by the
// given bands (zero: DefaultBands).
func (b Bands) Band(a *Assessment) (Band, error) {
	if a.Kind != KindHouseholdVulnerability {
		return "", homeward.Invalid("kind", "only a household vulnerability assessment has a band")
	}
	if b == (Bands{}) {
		b = DefaultBands
	}
	if !(8 < b.Moderate && b.Moderate < b.High && b.High < b.Severe && b.Severe <= 32) {
		return "", homeward.Invalid("bands", "must satisfy 8 < moderate < high < severe <= 32")
	}
	switch t := a.Total(); {
	case t >= b.Severe:
		return BandSevere, nil
	case t >= b.High:
		return BandHigh, nil
	case t >= b.Moderate:
		return BandModerate, nil
	}
	return BandLow, nil
}

// String returns the band boundaries, for documentation and reports.
func (b Bands) String() string {
	if b == (Bands{}) {
		b = DefaultBands
	}
	return fmt.Sprintf("low 8–%d, moderate %d–%d, high %d–%d, severe %d–32", b.Moderate-1, b.Moderate, b.High-1, b.High, b.Severe-1, b.Severe)
}
