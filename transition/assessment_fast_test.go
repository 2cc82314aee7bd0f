package transition

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/homewardkit/homeward"
)

// checkFastParse checks that parseAssessmentFast, when it accepts data,
// returns exactly what parseAssessmentSlow returns.
func checkFastParse(t *testing.T, data []byte) bool {
	t.Helper()
	fast, ok := parseAssessmentFast(data)
	if !ok {
		return false
	}
	slow, err := parseAssessmentSlow(data)
	if err != nil {
		t.Fatalf("the fast path accepts what ParseAssessment rejects (%v):\n%s", err, data)
	}
	if diff := cmp.Diff(slow, fast); diff != "" {
		t.Fatalf("the fast path reads differently (-ParseAssessment +fast):\n%s\ninput:\n%s", diff, data)
	}
	return true
}

// genLines returns n generated assessments of the standard checklist as JSON
// Lines, as a batch file would hold them.
func genLines(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	statuses := []Status{StatusMet, StatusInProgress, StatusNotStarted, StatusNotApplicable}
	var b bytes.Buffer
	for i := range n {
		a := Assessment{ID: AssessmentID(fmt.Sprintf("a%06d", i)), Org: "org-1", Checklist: "transition-readiness",
			ChecklistVersion: "1", Date: homeward.DateOf(2027, 1, 1).AddDays(i % 365), Assessor: "R. Mwangi",
			Answers: map[string]Answer{}}
		for _, ar := range Standard().Areas {
			for _, it := range ar.Items {
				if rng.IntN(8) > 0 {
					a.Answers[it.ID] = Answer{Status: statuses[rng.IntN(len(statuses))], Note: "checked on site"}
				}
			}
		}
		data, err := json.Marshal(a)
		if err != nil {
			panic(err)
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func TestParseAssessmentFast(t *testing.T) {
	// Generated batches take the fast path, every line.
	for i, line := range bytes.SplitAfter(genLines(500), []byte("\n")) {
		if len(line) > 0 && !checkFastParse(t, line) {
			t.Fatalf("line %d does not take the fast path:\n%s", i+1, line)
		}
	}
	base := `{"id":"a","org":"o","checklist":"c","checklist_version":"1","date":"2027-03-01","answers":{"x":{"status":"met"}}}`
	tests := []struct {
		name string
		in   string
		fast bool
	}{
		{"plain", base, true},
		{"white space", " \t{ \"id\" : \"a\" ,\r\n\"checklist\":\"c\", \"checklist_version\":\"1\",\"date\":\"2027-03-01\" , \"answers\" : { \"x\" : { \"status\" : \"met\" , \"note\" : \"n\" } } }\n", true},
		{"nulls", `{"id":null,"org":null,"checklist":"c","checklist_version":"1","date":"2027-03-01","assessor":null,"version":null,"answers":{"x":{"status":"met","evidence":null}}}`, true},
		{"no answers", `{"checklist":"c","checklist_version":"1","date":"2027-03-01"}`, true},
		{"empty answers", `{"checklist":"c","checklist_version":"1","date":"2027-03-01","answers":{}}`, true},
		{"stamps", `{"checklist":"c","checklist_version":"1","date":"2027-03-01","version":3,"created_at":"2027-03-01T10:00:00+02:00","updated_at":"2027-03-02T10:00:00.123Z"}`, true},
		{"negative version", strings.Replace(base, `"id":"a"`, `"version":-0`, 1), true},
		{"unicode", strings.Replace(base, `"id":"a"`, `"id":"été ✓"`, 1), true},
		{"escape", strings.Replace(base, `"id":"a"`, `"id":"a\"b"`, 1), false},
		{"unicode escape", strings.Replace(base, `"id":"a"`, `"id":"\u00e9"`, 1), false},
		{"control character", strings.Replace(base, `"id":"a"`, "\"id\":\"a\tb\"", 1), false},
		{"invalid UTF-8", strings.Replace(base, `"id":"a"`, "\"id\":\"a\xffb\"", 1), false},
		{"unknown field", strings.Replace(base, `"id":"a"`, `"colour":"red"`, 1), false},
		{"other case", strings.Replace(base, `"id":"a"`, `"ID":"a"`, 1), false},
		{"repeated field", strings.Replace(base, `"id":"a"`, `"id":"a","id":"b"`, 1), false},
		{"repeated answer", strings.Replace(base, `"x":{"status":"met"}`, `"x":{"status":"met"},"x":{"status":"met"}`, 1), false},
		{"repeated status", strings.Replace(base, `{"status":"met"}`, `{"status":"met","status":"met"}`, 1), false},
		{"unknown answer field", strings.Replace(base, `{"status":"met"}`, `{"status":"met","score":1}`, 1), false},
		{"unknown status", strings.Replace(base, `"met"`, `"done"`, 1), false},
		{"missing status", strings.Replace(base, `{"status":"met"}`, `{"note":"n"}`, 1), false},
		{"null answer", strings.Replace(base, `{"status":"met"}`, `null`, 1), false},
		{"null answers", strings.Replace(base, `{"x":{"status":"met"}}`, `null`, 1), false},
		{"number id", strings.Replace(base, `"id":"a"`, `"id":1`, 1), false},
		{"float version", strings.Replace(base, `"id":"a"`, `"version":1.0`, 1), false},
		{"exponent version", strings.Replace(base, `"id":"a"`, `"version":1e2`, 1), false},
		{"leading zero", strings.Replace(base, `"id":"a"`, `"version":01`, 1), false},
		{"huge version", strings.Replace(base, `"id":"a"`, `"version":99999999999999999999`, 1), false},
		{"bad date", strings.Replace(base, `2027-03-01`, `2027-02-30`, 1), false},
		{"missing date", strings.Replace(base, `"date":"2027-03-01",`, ``, 1), false},
		{"bad time", `{"checklist":"c","checklist_version":"1","date":"2027-03-01","created_at":"yesterday"}`, false},
		{"trailing data", base + ` {}`, false},
		{"trailing comma", strings.Replace(base, `}}}`, `},}}`, 1), false},
		{"truncated", base[:len(base)-1], false},
		{"not an object", `[]`, false},
		{"empty", ``, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checkFastParse(t, []byte(tt.in)); got != tt.fast {
				t.Errorf("fast path taken: %v, want %v", got, tt.fast)
			}
		})
	}
}

// FuzzParseAssessmentFast checks on arbitrary input that the fast path
// never accepts what ParseAssessment rejects and never reads differently.
func FuzzParseAssessmentFast(f *testing.F) {
	for _, line := range bytes.SplitAfter(genLines(5), []byte("\n")) {
		f.Add(line)
	}
	f.Add([]byte(`{"checklist":"c","checklist_version":"1","date":"2027-03-01","version":3,"created_at":"2027-03-01T10:00:00+02:00"}`))
	f.Add([]byte(`{"id":null,"checklist":"c","checklist_version":"1","date":"2027-03-01","answers":{"x":{"status":"met","evidence":null}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFastParse(t, data)
	})
}
