// Code in this file defines the enumerations of the casework package.

package casework

import "github.com/homewardkit/homeward/internal/enum"

// Status is a step of case management (CPWG Inter-Agency Guidelines, 2014).
type Status string

// Status values.
const (
	StatusRegistered     Status = "registered"     // identified and registered
	StatusAssessment     Status = "assessment"     // the child and family are being assessed
	StatusCasePlan       Status = "case_plan"      // a family-strengthening plan is being made
	StatusImplementation Status = "implementation" // the plan is carried out; the child is prepared for and moved into a family
	StatusFollowUp       Status = "follow_up"      // the child lives in a family; follow-up and review
	StatusClosed         Status = "closed"         // the case is closed
)

var statusValues = []Status{StatusRegistered, StatusAssessment, StatusCasePlan, StatusImplementation, StatusFollowUp, StatusClosed}

// StatusValues returns every status in its documented order.
func StatusValues() []Status { return append([]Status(nil), statusValues...) }

// Valid reports whether v is a defined status.
func (v Status) Valid() bool { return enum.Valid(v, statusValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v Status) MarshalText() ([]byte, error) { return enum.Marshal("status", v, statusValues) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *Status) UnmarshalText(b []byte) error { return enum.Unmarshal("status", v, b, statusValues) }

// Sex is the child's sex as recorded.
type Sex string

// Sex values.
const (
	SexFemale  Sex = "female"
	SexMale    Sex = "male"
	SexOther   Sex = "other"
	SexUnknown Sex = "unknown" // not recorded
)

var sexValues = []Sex{SexFemale, SexMale, SexOther, SexUnknown}

// SexValues returns every sex in its documented order.
func SexValues() []Sex { return append([]Sex(nil), sexValues...) }

// Valid reports whether v is a defined sex.
func (v Sex) Valid() bool { return enum.Valid(v, sexValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v Sex) MarshalText() ([]byte, error) { return enum.Marshal("sex", v, sexValues) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *Sex) UnmarshalText(b []byte) error { return enum.Unmarshal("sex", v, b, sexValues) }

// Risk is the assessed risk level of a case; it sets the intensity of follow-up and plan reviews.
type Risk string

// Risk values.
const (
	RiskLow    Risk = "low"
	RiskMedium Risk = "medium"
	RiskHigh   Risk = "high"
)

var riskValues = []Risk{RiskLow, RiskMedium, RiskHigh}

// RiskValues returns every risk level in its documented order.
func RiskValues() []Risk { return append([]Risk(nil), riskValues...) }

// Valid reports whether v is a defined risk level.
func (v Risk) Valid() bool { return enum.Valid(v, riskValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v Risk) MarshalText() ([]byte, error) { return enum.Marshal("risk level", v, riskValues) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *Risk) UnmarshalText(b []byte) error { return enum.Unmarshal("risk level", v, b, riskValues) }

// TeamRole is the role of a person in a case team.
type TeamRole string

// TeamRole values.
const (
	RoleCaseManager        TeamRole = "case_manager"
	RoleSocialWorker       TeamRole = "social_worker"
	RolePsychologist       TeamRole = "psychologist"
	RoleCommunityVolunteer TeamRole = "community_volunteer"
	RoleSupervisor         TeamRole = "supervisor"
)

var teamRoleValues = []TeamRole{RoleCaseManager, RoleSocialWorker, RolePsychologist, RoleCommunityVolunteer, RoleSupervisor}

// TeamRoleValues returns every team role in its documented order.
func TeamRoleValues() []TeamRole { return append([]TeamRole(nil), teamRoleValues...) }

// Valid reports whether v is a defined team role.
func (v TeamRole) Valid() bool { return enum.Valid(v, teamRoleValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v TeamRole) MarshalText() ([]byte, error) { return enum.Marshal("team role", v, teamRoleValues) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *TeamRole) UnmarshalText(b []byte) error {
	return enum.Unmarshal("team role", v, b, teamRoleValues)
}

// ClosureReason is why a case was closed (CPWG guidelines).
type ClosureReason string

// ClosureReason values.
const (
	ClosureGoalsAchieved    ClosureReason = "goals_achieved" // goals achieved, permanency assured
	ClosureReachedAdulthood ClosureReason = "reached_adulthood"
	ClosureTransferred      ClosureReason = "transferred" // transferred to another organisation or service
	ClosureMovedAway        ClosureReason = "moved_away"
	ClosureLostContact      ClosureReason = "lost_contact"
	ClosureRefusedServices  ClosureReason = "refused_services"
	ClosureDied             ClosureReason = "died"
	ClosureOther            ClosureReason = "other"
)

var closureReasonValues = []ClosureReason{ClosureGoalsAchieved, ClosureReachedAdulthood, ClosureTransferred, ClosureMovedAway, ClosureLostContact, ClosureRefusedServices, ClosureDied, ClosureOther}

// ClosureReasonValues returns every closure reason in its documented order.
func ClosureReasonValues() []ClosureReason {
	return append([]ClosureReason(nil), closureReasonValues...)
}

// Valid reports whether v is a defined closure reason.
func (v ClosureReason) Valid() bool { return enum.Valid(v, closureReasonValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v ClosureReason) MarshalText() ([]byte, error) {
	return enum.Marshal("closure reason", v, closureReasonValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *ClosureReason) UnmarshalText(b []byte) error {
	return enum.Unmarshal("closure reason", v, b, closureReasonValues)
}

// ArrangementType is a form of care in the UN Guidelines for the Alternative Care of Children (2009), with the Primero and Kenya CPIMS lists.
type ArrangementType string

// ArrangementType values.
const (
	ArrangementParents               ArrangementType = "parents"               // with one or both parents
	ArrangementKinship               ArrangementType = "kinship_care"          // with relatives or close friends of the family
	ArrangementFosterEmergency       ArrangementType = "foster_care_emergency" // emergency foster care
	ArrangementFosterLongTerm        ArrangementType = "foster_care_long_term" // long-term foster care
	ArrangementKafala                ArrangementType = "kafala"                // kafala of Islamic law
	ArrangementGuardianship          ArrangementType = "guardianship"          // legal guardianship
	ArrangementAdoption              ArrangementType = "adoption"
	ArrangementOtherFamilyBased      ArrangementType = "other_family_based" // another family-based arrangement
	ArrangementFamilyLike            ArrangementType = "family_like"        // a family-like setting such as a small group home
	ArrangementResidential           ArrangementType = "residential_care"   // residential care: a children's home or institution
	ArrangementSupervisedIndependent ArrangementType = "supervised_independent_living"
	ArrangementChildHeaded           ArrangementType = "child_headed_household"
	ArrangementNone                  ArrangementType = "none" // no care arrangement
)

var arrangementTypeValues = []ArrangementType{ArrangementParents, ArrangementKinship, ArrangementFosterEmergency, ArrangementFosterLongTerm, ArrangementKafala, ArrangementGuardianship, ArrangementAdoption, ArrangementOtherFamilyBased, ArrangementFamilyLike, ArrangementResidential, ArrangementSupervisedIndependent, ArrangementChildHeaded, ArrangementNone}

// ArrangementTypeValues returns every care arrangement type in its documented order.
func ArrangementTypeValues() []ArrangementType {
	return append([]ArrangementType(nil), arrangementTypeValues...)
}

// Valid reports whether v is a defined care arrangement type.
func (v ArrangementType) Valid() bool { return enum.Valid(v, arrangementTypeValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v ArrangementType) MarshalText() ([]byte, error) {
	return enum.Marshal("care arrangement type", v, arrangementTypeValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *ArrangementType) UnmarshalText(b []byte) error {
	return enum.Unmarshal("care arrangement type", v, b, arrangementTypeValues)
}

// ConsentPurpose is what a consent allows.
type ConsentPurpose string

// ConsentPurpose values.
const (
	ConsentServices           ConsentPurpose = "services"            // to provide services
	ConsentInformationSharing ConsentPurpose = "information_sharing" // to share information with the named parties
	ConsentPeerLearning       ConsentPurpose = "peer_learning"       // to discuss the de-identified case in a learning cohort
	ConsentResearch           ConsentPurpose = "research"            // to include the de-identified case in research
)

var consentPurposeValues = []ConsentPurpose{ConsentServices, ConsentInformationSharing, ConsentPeerLearning, ConsentResearch}

// ConsentPurposeValues returns every consent purpose in its documented order.
func ConsentPurposeValues() []ConsentPurpose {
	return append([]ConsentPurpose(nil), consentPurposeValues...)
}

// Valid reports whether v is a defined consent purpose.
func (v ConsentPurpose) Valid() bool { return enum.Valid(v, consentPurposeValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v ConsentPurpose) MarshalText() ([]byte, error) {
	return enum.Marshal("consent purpose", v, consentPurposeValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *ConsentPurpose) UnmarshalText(b []byte) error {
	return enum.Unmarshal("consent purpose", v, b, consentPurposeValues)
}

// InteractionType is how a case note's contact took place.
type InteractionType string

// InteractionType values.
const (
	InteractionHomeVisit      InteractionType = "home_visit"
	InteractionOfficeVisit    InteractionType = "office_visit"
	InteractionPhoneRemote    InteractionType = "phone_remote" // phone or other remote contact
	InteractionThirdParty     InteractionType = "third_party"  // contact with a third party
	InteractionCaseConference InteractionType = "case_conference"
	InteractionSupervision    InteractionType = "supervision"
	InteractionOther          InteractionType = "other"
)

var interactionTypeValues = []InteractionType{InteractionHomeVisit, InteractionOfficeVisit, InteractionPhoneRemote, InteractionThirdParty, InteractionCaseConference, InteractionSupervision, InteractionOther}

// InteractionTypeValues returns every interaction type in its documented order.
func InteractionTypeValues() []InteractionType {
	return append([]InteractionType(nil), interactionTypeValues...)
}

// Valid reports whether v is a defined interaction type.
func (v InteractionType) Valid() bool { return enum.Valid(v, interactionTypeValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v InteractionType) MarshalText() ([]byte, error) {
	return enum.Marshal("interaction type", v, interactionTypeValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *InteractionType) UnmarshalText(b []byte) error {
	return enum.Unmarshal("interaction type", v, b, interactionTypeValues)
}

// Domain is an area of a family-strengthening plan (seed 004, tailoring: beyond direct care to the family's living conditions).
type Domain string

// Domain values.
const (
	DomainSafety           Domain = "safety"
	DomainLivingConditions Domain = "living_conditions"
	DomainIncomeWork       Domain = "income_work" // income and work
	DomainLearning         Domain = "learning"
	DomainParenting        Domain = "parenting"
	DomainHealth           Domain = "health"
	DomainPsychosocial     Domain = "psychosocial" // psychosocial wellbeing, including trauma
	DomainSocialNetwork    Domain = "social_network"
	DomainLegalDocuments   Domain = "legal_documents" // birth registration, identity and other legal documents
)

var domainValues = []Domain{DomainSafety, DomainLivingConditions, DomainIncomeWork, DomainLearning, DomainParenting, DomainHealth, DomainPsychosocial, DomainSocialNetwork, DomainLegalDocuments}

// DomainValues returns every plan domain in its documented order.
func DomainValues() []Domain { return append([]Domain(nil), domainValues...) }

// Valid reports whether v is a defined plan domain.
func (v Domain) Valid() bool { return enum.Valid(v, domainValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v Domain) MarshalText() ([]byte, error) { return enum.Marshal("plan domain", v, domainValues) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *Domain) UnmarshalText(b []byte) error {
	return enum.Unmarshal("plan domain", v, b, domainValues)
}

// GoalStatus is the state of a plan goal.
type GoalStatus string

// GoalStatus values.
const (
	GoalOpen       GoalStatus = "open"
	GoalInProgress GoalStatus = "in_progress"
	GoalAchieved   GoalStatus = "achieved"
	GoalDropped    GoalStatus = "dropped" // no longer pursued
)

var goalStatusValues = []GoalStatus{GoalOpen, GoalInProgress, GoalAchieved, GoalDropped}

// GoalStatusValues returns every goal status in its documented order.
func GoalStatusValues() []GoalStatus { return append([]GoalStatus(nil), goalStatusValues...) }

// Valid reports whether v is a defined goal status.
func (v GoalStatus) Valid() bool { return enum.Valid(v, goalStatusValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v GoalStatus) MarshalText() ([]byte, error) {
	return enum.Marshal("goal status", v, goalStatusValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *GoalStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal("goal status", v, b, goalStatusValues)
}

// ActionStatus is the state of a plan action.
type ActionStatus string

// ActionStatus values.
const (
	ActionPlanned    ActionStatus = "planned"
	ActionInProgress ActionStatus = "in_progress"
	ActionDone       ActionStatus = "done"
	ActionCancelled  ActionStatus = "cancelled"
)

var actionStatusValues = []ActionStatus{ActionPlanned, ActionInProgress, ActionDone, ActionCancelled}

// ActionStatusValues returns every action status in its documented order.
func ActionStatusValues() []ActionStatus { return append([]ActionStatus(nil), actionStatusValues...) }

// Valid reports whether v is a defined action status.
func (v ActionStatus) Valid() bool { return enum.Valid(v, actionStatusValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v ActionStatus) MarshalText() ([]byte, error) {
	return enum.Marshal("action status", v, actionStatusValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *ActionStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal("action status", v, b, actionStatusValues)
}

// PlanStatus is the state of a family-strengthening plan.
type PlanStatus string

// PlanStatus values.
const (
	PlanDraft        PlanStatus = "draft"
	PlanActive       PlanStatus = "active"
	PlanCompleted    PlanStatus = "completed"
	PlanDiscontinued PlanStatus = "discontinued"
)

var planStatusValues = []PlanStatus{PlanDraft, PlanActive, PlanCompleted, PlanDiscontinued}

// PlanStatusValues returns every plan status in its documented order.
func PlanStatusValues() []PlanStatus { return append([]PlanStatus(nil), planStatusValues...) }

// Valid reports whether v is a defined plan status.
func (v PlanStatus) Valid() bool { return enum.Valid(v, planStatusValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v PlanStatus) MarshalText() ([]byte, error) {
	return enum.Marshal("plan status", v, planStatusValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *PlanStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal("plan status", v, b, planStatusValues)
}

// Relationship is how a household member is related to the child.
type Relationship string

// Relationship values.
const (
	RelMother        Relationship = "mother"
	RelFather        Relationship = "father"
	RelStepParent    Relationship = "step_parent"
	RelGrandparent   Relationship = "grandparent"
	RelAuntUncle     Relationship = "aunt_uncle"
	RelSibling       Relationship = "sibling"
	RelCousin        Relationship = "cousin"
	RelOtherRelative Relationship = "other_relative"
	RelFosterParent  Relationship = "foster_parent"
	RelGuardian      Relationship = "guardian"
	RelFriend        Relationship = "family_friend"
	RelOther         Relationship = "other"
)

var relationshipValues = []Relationship{RelMother, RelFather, RelStepParent, RelGrandparent, RelAuntUncle, RelSibling, RelCousin, RelOtherRelative, RelFosterParent, RelGuardian, RelFriend, RelOther}

// RelationshipValues returns every relationship in its documented order.
func RelationshipValues() []Relationship { return append([]Relationship(nil), relationshipValues...) }

// Valid reports whether v is a defined relationship.
func (v Relationship) Valid() bool { return enum.Valid(v, relationshipValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v Relationship) MarshalText() ([]byte, error) {
	return enum.Marshal("relationship", v, relationshipValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *Relationship) UnmarshalText(b []byte) error {
	return enum.Unmarshal("relationship", v, b, relationshipValues)
}

// IncomeKind is a kind of household income of its own.
type IncomeKind string

// IncomeKind values.
const (
	IncomeEmployment      IncomeKind = "employment"
	IncomeBusiness        IncomeKind = "business" // own business or trade
	IncomeAgriculture     IncomeKind = "agriculture"
	IncomeCasualLabour    IncomeKind = "casual_labour"
	IncomeRemittances     IncomeKind = "remittances"
	IncomeGovernmentGrant IncomeKind = "government_grant" // a government grant or social protection
	IncomeOther           IncomeKind = "other"
)

var incomeKindValues = []IncomeKind{IncomeEmployment, IncomeBusiness, IncomeAgriculture, IncomeCasualLabour, IncomeRemittances, IncomeGovernmentGrant, IncomeOther}

// IncomeKindValues returns every income source in its documented order.
func IncomeKindValues() []IncomeKind { return append([]IncomeKind(nil), incomeKindValues...) }

// Valid reports whether v is a defined income source.
func (v IncomeKind) Valid() bool { return enum.Valid(v, incomeKindValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v IncomeKind) MarshalText() ([]byte, error) {
	return enum.Marshal("income source", v, incomeKindValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *IncomeKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal("income source", v, b, incomeKindValues)
}

// SupportKind is a kind of financial or material support that the organisation gives a household.
type SupportKind string

// SupportKind values.
const (
	SupportCash          SupportKind = "cash"
	SupportInKind        SupportKind = "in_kind" // food, goods or materials valued in money
	SupportSchoolFees    SupportKind = "school_fees"
	SupportBusinessGrant SupportKind = "business_grant" // a start-up grant or loan for income generation
	SupportRent          SupportKind = "rent"
	SupportMedical       SupportKind = "medical"
	SupportOther         SupportKind = "other"
)

var supportKindValues = []SupportKind{SupportCash, SupportInKind, SupportSchoolFees, SupportBusinessGrant, SupportRent, SupportMedical, SupportOther}

// SupportKindValues returns every support kind in its documented order.
func SupportKindValues() []SupportKind { return append([]SupportKind(nil), supportKindValues...) }

// Valid reports whether v is a defined support kind.
func (v SupportKind) Valid() bool { return enum.Valid(v, supportKindValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v SupportKind) MarshalText() ([]byte, error) {
	return enum.Marshal("support kind", v, supportKindValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *SupportKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal("support kind", v, b, supportKindValues)
}

// Disability is a kind of disability or long-term condition of a child.
type Disability string

// Disability values.
const (
	DisabilityPhysical       Disability = "physical"
	DisabilityVisual         Disability = "visual"
	DisabilityHearing        Disability = "hearing"
	DisabilitySpeech         Disability = "speech"
	DisabilityIntellectual   Disability = "intellectual"
	DisabilityDevelopmental  Disability = "developmental"
	DisabilityPsychosocial   Disability = "psychosocial"
	DisabilityChronicIllness Disability = "chronic_illness"
	DisabilityOther          Disability = "other"
)

var disabilityValues = []Disability{DisabilityPhysical, DisabilityVisual, DisabilityHearing, DisabilitySpeech, DisabilityIntellectual, DisabilityDevelopmental, DisabilityPsychosocial, DisabilityChronicIllness, DisabilityOther}

// DisabilityValues returns every disability in its documented order.
func DisabilityValues() []Disability { return append([]Disability(nil), disabilityValues...) }

// Valid reports whether v is a defined disability.
func (v Disability) Valid() bool { return enum.Valid(v, disabilityValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v Disability) MarshalText() ([]byte, error) {
	return enum.Marshal("disability", v, disabilityValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *Disability) UnmarshalText(b []byte) error {
	return enum.Unmarshal("disability", v, b, disabilityValues)
}

// AssessmentKind is the instrument of an assessment.
type AssessmentKind string

// AssessmentKind values.
const (
	KindChildStatus            AssessmentKind = "child_status"            // the Child Status Index: 12 factors in 6 domains, each 1 (very bad) to 4 (good)
	KindHouseholdVulnerability AssessmentKind = "household_vulnerability" // the household vulnerability index: 8 domains, each 1 (not vulnerable) to 4 (severely vulnerable)
)

var assessmentKindValues = []AssessmentKind{KindChildStatus, KindHouseholdVulnerability}

// AssessmentKindValues returns every assessment kind in its documented order.
func AssessmentKindValues() []AssessmentKind {
	return append([]AssessmentKind(nil), assessmentKindValues...)
}

// Valid reports whether v is a defined assessment kind.
func (v AssessmentKind) Valid() bool { return enum.Valid(v, assessmentKindValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v AssessmentKind) MarshalText() ([]byte, error) {
	return enum.Marshal("assessment kind", v, assessmentKindValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *AssessmentKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal("assessment kind", v, b, assessmentKindValues)
}

// Band is a household's vulnerability band, read from the total of its vulnerability index.
type Band string

// Band values.
const (
	BandLow      Band = "low"
	BandModerate Band = "moderate"
	BandHigh     Band = "high"
	BandSevere   Band = "severe"
)

var bandValues = []Band{BandLow, BandModerate, BandHigh, BandSevere}

// BandValues returns every vulnerability band in its documented order.
func BandValues() []Band { return append([]Band(nil), bandValues...) }

// Valid reports whether v is a defined vulnerability band.
func (v Band) Valid() bool { return enum.Valid(v, bandValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v Band) MarshalText() ([]byte, error) { return enum.Marshal("vulnerability band", v, bandValues) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *Band) UnmarshalText(b []byte) error {
	return enum.Unmarshal("vulnerability band", v, b, bandValues)
}
