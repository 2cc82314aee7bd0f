package transition

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/jsonx"
)

// Status is the answer given for one item.
type Status string

// Answer statuses and their credit in the score.
const (
	StatusMet           Status = "met"            // credit 1
	StatusInProgress    Status = "in_progress"    // credit ½
	StatusNotStarted    Status = "not_started"    // credit 0
	StatusNotApplicable Status = "not_applicable" // left out of the score
	// StatusUnanswered is never stored in an answer: results use it for an
	// item the assessment does not answer (credit 0).
	StatusUnanswered Status = "unanswered"
)

// Valid reports whether s is a status an answer may have (every status but
// StatusUnanswered).
func (s Status) Valid() bool {
	switch s {
	case StatusMet, StatusInProgress, StatusNotStarted, StatusNotApplicable:
		return true
	}
	return false
}

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) {
	if !s.Valid() && s != StatusUnanswered {
		return nil, fmt.Errorf("unknown status %q", string(s))
	}
	return []byte(s), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts only the
// answer statuses.
func (s *Status) UnmarshalText(b []byte) error {
	v := Status(b)
	if !v.Valid() {
		return fmt.Errorf("unknown status %q (want met, in_progress, not_started or not_applicable)", string(b))
	}
	*s = v
	return nil
}

// AssessmentID identifies an assessment.
type AssessmentID string

// Answer is the answer to one item.
type Answer struct {
	Status   Status `json:"status"`
	Evidence string `json:"evidence,omitempty"`
	Note     string `json:"note,omitempty"`
}

// Assessment is one organisation's answers to a checklist on a date.
type Assessment struct {
	ID               AssessmentID      `json:"id"`
	Org              homeward.OrgID    `json:"org"`
	Checklist        string            `json:"checklist"`
	ChecklistVersion string            `json:"checklist_version"`
	Date             homeward.Date     `json:"date"`
	Assessor         string            `json:"assessor,omitempty"`
	Answers          map[string]Answer `json:"answers"`
	Version          int64             `json:"version,omitempty"`
	CreatedAt        time.Time         `json:"created_at,omitzero"`
	UpdatedAt        time.Time         `json:"updated_at,omitzero"`
}

// Clone returns a deep copy of a.
func (a Assessment) Clone() Assessment {
	if a.Answers != nil {
		m := make(map[string]Answer, len(a.Answers))
		for k, v := range a.Answers {
			m[k] = v
		}
		a.Answers = m
	}
	return a
}

// Validate checks the assessment on its own: required fields and valid
// statuses. [Assessment.ValidateFor] also checks it against its checklist.
func (a *Assessment) Validate() error {
	var v homeward.ValidationError
	a.validate(&v)
	return v.Err()
}

func (a *Assessment) validate(v *homeward.ValidationError) {
	if a.Checklist == "" {
		v.Add("checklist", "is required")
	}
	if a.ChecklistVersion == "" {
		v.Add("checklist_version", "is required")
	}
	if a.Date.IsZero() && !v.Has("date") {
		v.Add("date", "is required")
	}
	for _, id := range sortedAnswerKeys(a.Answers) {
		if s := a.Answers[id].Status; s == "" {
			v.Add("answers."+id+".status", "is required")
		} else if !s.Valid() {
			v.Add("answers."+id+".status", "unknown status %q (want met, in_progress, not_started or not_applicable)", string(s))
		}
	}
}

// ValidateFor checks the assessment against c: everything Validate checks,
// plus that it names c's id and version and answers only c's items.
func (a *Assessment) ValidateFor(c *Checklist) error {
	var v homeward.ValidationError
	a.validate(&v)
	if a.Checklist != "" && a.Checklist != c.ID {
		v.Add("checklist", "is %q, but the checklist is %q", a.Checklist, c.ID)
	}
	if a.ChecklistVersion != "" && a.ChecklistVersion != c.Version {
		v.Add("checklist_version", "is %q, but checklist %q is version %q", a.ChecklistVersion, c.ID, c.Version)
	}
	if len(a.Answers) > 0 {
		known := make(map[string]bool)
		for _, ar := range c.Areas {
			for _, it := range ar.Items {
				known[it.ID] = true
			}
		}
		for _, id := range sortedAnswerKeys(a.Answers) {
			if !known[id] {
				v.Add("answers."+id, "no item %q in checklist %q", id, c.ID)
			}
		}
	}
	return v.Err()
}

func sortedAnswerKeys(m map[string]Answer) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// ParseAssessment reads an assessment from JSON, reporting every problem at
// once with its path: unknown fields, a missing or malformed date, an unknown
// status. It does not check the answers against a checklist; use
// [Assessment.ValidateFor] for that.
func ParseAssessment(data []byte) (*Assessment, error) {
	if a, ok := parseAssessmentFast(data); ok {
		return a, nil
	}
	return parseAssessmentSlow(data)
}

// parseAssessmentSlow is the full reader: it accepts every JSON spelling of
// the format and names every problem.
func parseAssessmentSlow(data []byte) (*Assessment, error) {
	val, err := jsonx.Decode(data)
	if err != nil {
		return nil, homeward.Invalid("", "%v", err)
	}
	var v homeward.ValidationError
	a := assessmentFromJSON(val, &v)
	if a != nil {
		a.validate(&v)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

func assessmentFromJSON(val any, v *homeward.ValidationError) *Assessment {
	o := jsonx.AsObject(val, "", v)
	if o == nil {
		return nil
	}
	a := &Assessment{
		ID:               AssessmentID(o.String("id")),
		Org:              homeward.OrgID(o.String("org")),
		Checklist:        o.String("checklist"),
		ChecklistVersion: o.String("checklist_version"),
		Assessor:         o.String("assessor"),
	}
	if s := o.String("date"); s != "" {
		d, err := homeward.ParseDate(s)
		if err != nil {
			v.Add("date", "%v", err)
		}
		a.Date = d
	}
	if ver, ok := o.Int("version"); ok {
		a.Version = ver
	}
	for _, key := range []string{"created_at", "updated_at"} {
		if s := o.String(key); s != "" {
			t, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				v.Add(key, "must be an RFC 3339 time")
			}
			if key == "created_at" {
				a.CreatedAt = t.UTC()
			} else {
				a.UpdatedAt = t.UTC()
			}
		}
	}
	if ans := o.Object("answers"); ans != nil {
		a.Answers = make(map[string]Answer)
		for _, id := range ans.Keys() {
			ao := ans.Object(id)
			if ao == nil {
				continue
			}
			a.Answers[id] = Answer{Status: Status(ao.String("status")), Evidence: ao.String("evidence"), Note: ao.String("note")}
			ao.Done()
		}
	}
	o.Done()
	return a
}

// UnmarshalJSON reads the format of [ParseAssessment].
func (a *Assessment) UnmarshalJSON(data []byte) error {
	parsed, err := ParseAssessment(data)
	if err != nil {
		return err
	}
	*a = *parsed
	return nil
}

// assessmentJSON has the fields of Assessment without its methods, so that
// MarshalJSON can use the struct tags.
type assessmentJSON Assessment

// MarshalJSON writes the documented assessment format.
func (a Assessment) MarshalJSON() ([]byte, error) {
	if a.Answers == nil {
		a.Answers = map[string]Answer{}
	}
	return json.Marshal(assessmentJSON(a))
}
