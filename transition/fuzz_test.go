package transition_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/transition"
)

// FuzzParseChecklist checks that no input makes the checklist reader panic,
// that every rejection is a validation error, and that whatever it accepts
// can be scored and written back in a form it accepts again.
func FuzzParseChecklist(f *testing.F) {
	std, err := json.Marshal(transition.Standard())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(std)
	f.Add([]byte(`{"id":"a","version":"1","default_language":"en","title":{"en":"T"},"thresholds":{"partly_ready":1.5,"ready":99.99},"areas":[{"id":"a","title":{"en":"A"},"weight":0.5,"items":[{"id":"i","text":{"en":"I"},"weight":1e2,"critical":true}]}]}`))
	f.Add([]byte(`{"areas":[{"items":[{"weight":-1e400}]}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := transition.ParseChecklist(data)
		if err != nil {
			if !errors.Is(err, homeward.ErrInvalid) {
				t.Fatalf("rejection is not ErrInvalid: %v", err)
			}
			return
		}
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("marshal accepted checklist: %v", err)
		}
		if _, err := transition.ParseChecklist(out); err != nil {
			t.Fatalf("written checklist is rejected: %v\n%s", err, out)
		}
		s, err := transition.NewScorer(c)
		if err != nil {
			return // weights outside the scorer's fixed-point range
		}
		a := &transition.Assessment{Checklist: c.ID, ChecklistVersion: c.Version, Date: homeward.MustParseDate("2027-01-01")}
		if _, err := s.Evaluate(a); err != nil {
			t.Fatalf("empty assessment: %v", err)
		}
	})
}

// FuzzParseAssessment checks that no input makes the assessment reader or
// the scorer panic and that every rejection is a validation error.
func FuzzParseAssessment(f *testing.F) {
	s, err := transition.NewScorer(transition.Standard())
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"id":"a1","org":"o","checklist":"transition-readiness","checklist_version":"1","date":"2027-03-01","answers":{"local_partner.backs_transition":{"status":"met"}}}`))
	f.Add([]byte(`{"id":"a1","date":"0000-01-01","answers":{"":{"status":""}},"version":1e99,"created_at":"x"}`))
	f.Add([]byte(`{"date":"2027-13-01"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := transition.ParseAssessment(data)
		if err != nil {
			if !errors.Is(err, homeward.ErrInvalid) {
				t.Fatalf("rejection is not ErrInvalid: %v", err)
			}
			return
		}
		if _, err := s.Evaluate(a); err != nil && !errors.Is(err, homeward.ErrInvalid) {
			t.Fatalf("evaluation error is not ErrInvalid: %v", err)
		}
		if _, err := json.Marshal(a); err != nil {
			t.Fatalf("marshal accepted assessment: %v", err)
		}
	})
}
