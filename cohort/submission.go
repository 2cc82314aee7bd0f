package cohort

import (
	"reflect"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// SubmissionID identifies a case submitted for joint analysis.
type SubmissionID string

// Submission is a case a member organisation brings to its cohort for joint
// analysis: the de-identified summary of the case ([casework.Summary]) and
// the question the organisation asks the group. It is visible to the
// cohort's organisers, facilitators and enrolled members and to nobody
// else; a withdrawn submission is visible to its own organisation only,
// and its summary and question are erased.
type Submission struct {
	ID     SubmissionID   `json:"id"`
	Cohort CohortID       `json:"cohort"`
	Org    homeward.OrgID `json:"org"`
	// Case is the submitted case. The service shows it to the submitting
	// organisation only; to everyone else it is empty.
	Case casework.CaseID `json:"case,omitempty"`
	// Summary is the de-identified summary of the case on the day On.
	Summary casework.Summary `json:"summary"`
	// Question is what the organisation asks the group.
	Question string `json:"question"`
	// On is the day of the summary, on which the consent for peer learning
	// was checked.
	On          homeward.Date `json:"on"`
	SubmittedAt time.Time     `json:"submitted_at"`
	// WithdrawnAt is when the organisation withdrew the submission; zero
	// while it stands.
	WithdrawnAt time.Time `json:"withdrawn_at,omitzero"`
	Version     int64     `json:"version,omitempty"`
	CreatedAt   time.Time `json:"created_at,omitzero"`
	UpdatedAt   time.Time `json:"updated_at,omitzero"`
}

// Withdrawn reports whether the submission was withdrawn.
func (s *Submission) Withdrawn() bool { return !s.WithdrawnAt.IsZero() }

// Clone returns a deep copy of s.
func (s Submission) Clone() Submission {
	s.Summary = cloneSummary(s.Summary)
	return s
}

// Validate checks the submission record.
func (s *Submission) Validate() error {
	var v homeward.ValidationError
	if s.Cohort == "" {
		v.Add("cohort", "is required")
	}
	if s.Org == "" {
		v.Add("org", "is required")
	}
	if s.Case == "" {
		v.Add("case", "is required")
	}
	if !s.Withdrawn() && blank(s.Question) {
		v.Add("question", "is required: say what the organisation asks the group")
	}
	if s.On.IsZero() {
		v.Add("on", "is required")
	}
	if s.SubmittedAt.IsZero() {
		v.Add("submitted_at", "is required")
	}
	if s.Withdrawn() && s.WithdrawnAt.Before(s.SubmittedAt) {
		v.Add("withdrawn_at", "is before the submission")
	}
	return v.Err()
}

// cloneSummary returns a deep copy of a summary: every slice, map and
// pointer in it is copied, so that later fields of casework.Summary are
// copied too.
func cloneSummary(s casework.Summary) casework.Summary {
	out := deepCopy(reflect.ValueOf(s)).Interface().(casework.Summary)
	return out
}

// deepCopy returns a copy of v that shares no slice, map or pointer with it.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(deepCopy(v.Index(i)))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(deepCopy(it.Key()), deepCopy(it.Value()))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(deepCopy(v.Elem()))
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v) // unexported fields keep their values
		for i := range v.NumField() {
			if out.Field(i).CanSet() {
				out.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return out
	case reflect.Array:
		out := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			out.Index(i).Set(deepCopy(v.Index(i)))
		}
		return out
	}
	return v
}
