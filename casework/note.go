package casework

import (
	"time"

	"github.com/homewardkit/homeward"
)

// NoteID identifies a case note.
type NoteID string

// Note is a dated case note. Its text is free and may name people, so it is
// never copied into summaries as it is: a narrative replaces names (see
// Summarize), and confidential notes are left out of every summary and
// export.
type Note struct {
	ID           NoteID          `json:"id"`
	Org          homeward.OrgID  `json:"org"`
	Case         CaseID          `json:"case"`
	Date         homeward.Date   `json:"date"`
	Type         InteractionType `json:"type"`
	Author       string          `json:"author"`
	Text         string          `json:"text"`
	Confidential bool            `json:"confidential,omitempty"`
	Version      int64           `json:"version,omitempty"`
	CreatedAt    time.Time       `json:"created_at,omitzero"`
	UpdatedAt    time.Time       `json:"updated_at,omitzero"`
}

// Clone returns a copy of n.
func (n Note) Clone() Note { return n }

// Validate checks the record on its own.
func (n *Note) Validate() error {
	var v homeward.ValidationError
	if n.Org == "" {
		v.Add("org", "is required")
	}
	if n.Case == "" {
		v.Add("case", "is required")
	}
	if n.Date.IsZero() {
		v.Add("date", "is required")
	}
	if !n.Type.Valid() {
		v.Add("type", "must be one of home_visit, office_visit, phone_remote, third_party, case_conference, supervision, other")
	}
	if n.Author == "" {
		v.Add("author", "is required")
	}
	if n.Text == "" {
		v.Add("text", "is required")
	}
	return v.Err()
}
