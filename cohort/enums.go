// Code in this file defines the enumerations of the cohort package.

package cohort

import "github.com/homewardkit/homeward/internal/enum"

// ProgrammeKind is the form of a learning programme.
type ProgrammeKind string

// ProgrammeKind values.
const (
	KindMutualLearning  ProgrammeKind = "mutual_learning"  // a series of online sessions in which organisations learn from each other (the Mutual Learning Program)
	KindLearningNetwork ProgrammeKind = "learning_network" // a regional or neighbourhood network of practitioners and organisations
	KindPeerReview      ProgrammeKind = "peer_review"      // organisations review each other's practice
)

var programmeKindValues = []ProgrammeKind{KindMutualLearning, KindLearningNetwork, KindPeerReview}

// ProgrammeKindValues returns every programme kind in its documented order.
func ProgrammeKindValues() []ProgrammeKind {
	return append([]ProgrammeKind(nil), programmeKindValues...)
}

// Valid reports whether v is a defined programme kind.
func (v ProgrammeKind) Valid() bool { return enum.Valid(v, programmeKindValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v ProgrammeKind) MarshalText() ([]byte, error) {
	return enum.Marshal("programme kind", v, programmeKindValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *ProgrammeKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal("programme kind", v, b, programmeKindValues)
}

// FeeKind is how a programme is paid for.
type FeeKind string

// FeeKind values.
const (
	FeeNone      FeeKind = "none"
	FeeVoluntary FeeKind = "voluntary" // participants contribute what they can
	FeeFixed     FeeKind = "fixed"
)

var feeKindValues = []FeeKind{FeeNone, FeeVoluntary, FeeFixed}

// FeeKindValues returns every fee kind in its documented order.
func FeeKindValues() []FeeKind { return append([]FeeKind(nil), feeKindValues...) }

// Valid reports whether v is a defined fee kind.
func (v FeeKind) Valid() bool { return enum.Valid(v, feeKindValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v FeeKind) MarshalText() ([]byte, error) { return enum.Marshal("fee kind", v, feeKindValues) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *FeeKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal("fee kind", v, b, feeKindValues)
}

// CohortStatus is the state of a cohort (a series).
type CohortStatus string

// CohortStatus values.
const (
	CohortPlanned    CohortStatus = "planned"
	CohortRecruiting CohortStatus = "recruiting"
	CohortRunning    CohortStatus = "running"
	CohortFinished   CohortStatus = "finished"
)

var cohortStatusValues = []CohortStatus{CohortPlanned, CohortRecruiting, CohortRunning, CohortFinished}

// CohortStatusValues returns every cohort status in its documented order.
func CohortStatusValues() []CohortStatus { return append([]CohortStatus(nil), cohortStatusValues...) }

// Valid reports whether v is a defined cohort status.
func (v CohortStatus) Valid() bool { return enum.Valid(v, cohortStatusValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v CohortStatus) MarshalText() ([]byte, error) {
	return enum.Marshal("cohort status", v, cohortStatusValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *CohortStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal("cohort status", v, b, cohortStatusValues)
}

// MemberStatus is the state of an organisation's place in a cohort.
type MemberStatus string

// MemberStatus values.
const (
	MemberEnrolled   MemberStatus = "enrolled"
	MemberWaitlisted MemberStatus = "waitlisted"
	MemberWithdrawn  MemberStatus = "withdrawn"
)

var memberStatusValues = []MemberStatus{MemberEnrolled, MemberWaitlisted, MemberWithdrawn}

// MemberStatusValues returns every member status in its documented order.
func MemberStatusValues() []MemberStatus { return append([]MemberStatus(nil), memberStatusValues...) }

// Valid reports whether v is a defined member status.
func (v MemberStatus) Valid() bool { return enum.Valid(v, memberStatusValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v MemberStatus) MarshalText() ([]byte, error) {
	return enum.Marshal("member status", v, memberStatusValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *MemberStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal("member status", v, b, memberStatusValues)
}

// NetworkRole is the role of a person in a learning network (seed 002).
type NetworkRole string

// NetworkRole values.
const (
	RoleFamilySupporter    NetworkRole = "family_supporter"
	RoleChildCoach         NetworkRole = "child_coach"
	RoleLinkWorker         NetworkRole = "link_worker"
	RoleTrainer            NetworkRole = "trainer"
	RoleVolunteer          NetworkRole = "volunteer"
	RoleParentInvolvement  NetworkRole = "parent_involvement_worker" // a parent-involvement worker at a school
	RoleProcessFacilitator NetworkRole = "process_facilitator"
	RoleLead               NetworkRole = "lead" // the lead of the network in its region
	RoleOther              NetworkRole = "other"
)

var networkRoleValues = []NetworkRole{RoleFamilySupporter, RoleChildCoach, RoleLinkWorker, RoleTrainer, RoleVolunteer, RoleParentInvolvement, RoleProcessFacilitator, RoleLead, RoleOther}

// NetworkRoleValues returns every network role in its documented order.
func NetworkRoleValues() []NetworkRole { return append([]NetworkRole(nil), networkRoleValues...) }

// Valid reports whether v is a defined network role.
func (v NetworkRole) Valid() bool { return enum.Valid(v, networkRoleValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v NetworkRole) MarshalText() ([]byte, error) {
	return enum.Marshal("network role", v, networkRoleValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *NetworkRole) UnmarshalText(b []byte) error {
	return enum.Unmarshal("network role", v, b, networkRoleValues)
}

// Stage is the plan–do–study–act stage of a learning action.
type Stage string

// Stage values.
const (
	StagePlan  Stage = "plan"
	StageDo    Stage = "do"
	StageStudy Stage = "study"
	StageAct   Stage = "act"
)

var stageValues = []Stage{StagePlan, StageDo, StageStudy, StageAct}

// StageValues returns every learning action stage in its documented order.
func StageValues() []Stage { return append([]Stage(nil), stageValues...) }

// Valid reports whether v is a defined learning action stage.
func (v Stage) Valid() bool { return enum.Valid(v, stageValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v Stage) MarshalText() ([]byte, error) {
	return enum.Marshal("learning action stage", v, stageValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *Stage) UnmarshalText(b []byte) error {
	return enum.Unmarshal("learning action stage", v, b, stageValues)
}

// ActionStatus is the state of a learning action.
type ActionStatus string

// ActionStatus values.
const (
	ActionOpen       ActionStatus = "open"
	ActionInProgress ActionStatus = "in_progress"
	ActionDone       ActionStatus = "done"
	ActionDropped    ActionStatus = "dropped"
)

var actionStatusValues = []ActionStatus{ActionOpen, ActionInProgress, ActionDone, ActionDropped}

// ActionStatusValues returns every learning action status in its documented order.
func ActionStatusValues() []ActionStatus { return append([]ActionStatus(nil), actionStatusValues...) }

// Valid reports whether v is a defined learning action status.
func (v ActionStatus) Valid() bool { return enum.Valid(v, actionStatusValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v ActionStatus) MarshalText() ([]byte, error) {
	return enum.Marshal("learning action status", v, actionStatusValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *ActionStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal("learning action status", v, b, actionStatusValues)
}
