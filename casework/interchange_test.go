package casework

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
)

func sampleFile() *CaseFile {
	c, h, as, plans, notes := sampleRecords()
	return &CaseFile{Format: CaseFileFormat, Case: *c, Household: h, Assessments: as, Plans: plans, Notes: notes}
}

var moneyEqual = cmp.Comparer(func(a, b homeward.Money) bool { return a.Currency == b.Currency && a.Amount.Equal(b.Amount) })

func TestCaseFileRoundTrip(t *testing.T) {
	f := sampleFile()
	require.NoError(t, f.Check())
	var b bytes.Buffer
	require.NoError(t, WriteCaseFile(&b, f))
	require.True(t, strings.HasPrefix(b.String(), "{\n  \"format\": \"homeward-case/1\",\n  \"case\": {\n    \"id\": \"case-17\","), b.String()[:80])
	require.Contains(t, b.String(), `"monthly": {`)
	back, err := ReadCaseFile(b.Bytes())
	require.NoError(t, err)
	if diff := cmp.Diff(f, back, moneyEqual); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}

	// A file without a household or lists, written and read.
	bare := &CaseFile{Case: f.Case}
	bare.Case.Household = ""
	b.Reset()
	require.NoError(t, WriteCaseFile(&b, bare))
	require.Contains(t, b.String(), `"assessments": [],`)
	require.Contains(t, b.String(), `"format": "homeward-case/1"`)
	back, err = ReadCaseFile(b.Bytes())
	require.NoError(t, err)
	require.Nil(t, back.Household)
	require.Empty(t, back.Notes)

	// An unknown enumeration value cannot be written.
	bad := sampleFile()
	bad.Case.Risk = "extreme"
	require.ErrorContains(t, WriteCaseFile(&b, bad), `unknown risk level "extreme"`)
}

func problems(t *testing.T, err error) []string {
	t.Helper()
	require.ErrorIs(t, err, homeward.ErrInvalid)
	var ve *homeward.ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	out := make([]string, len(ve.Fields))
	for i, f := range ve.Fields {
		out[i] = f.String()
	}
	return out
}

func TestReadCaseFileProblems(t *testing.T) {
	var sample bytes.Buffer
	require.NoError(t, WriteCaseFile(&sample, sampleFile()))
	edit := func(pairs ...string) string {
		s := sample.String()
		for i := 0; i < len(pairs); i += 2 {
			require.Contains(t, s, pairs[i])
			s = strings.Replace(s, pairs[i], pairs[i+1], 1)
		}
		return s
	}
	tests := []struct {
		name string
		file string
		want []string
	}{
		{"syntax", "{\n  \"format\": \"homeward-case/1\",\n  \"case\": {,}\n}", []string{"line 3: invalid character ',' looking for beginning of object key string"}},
		{"truncated", `{"format": "homeward-case/1", "case": {`, []string{"unexpected end of JSON input"}},
		{"not an object", `[1, 2]`, []string{"a case file must be a JSON object, not a list"}},
		{"no format", `{"case": {}, "colour": "red"}`, []string{"colour: unknown field", `format: must be "homeward-case/1"`}},
		{"other format", `{"format": "homeward-case/2"}`, []string{`format: must be "homeward-case/1"`}},
		{"format of the wrong type", `{"format": 1}`, []string{"format: must be a string, not a number"}},
		{
			"shape problems, then the checks",
			edit(`"sex": "female"`, `"sex": "f"`,
				`"birth_date": "2016-04-12"`, `"birth_date": "2016-02-30"`,
				`"given_name": "Margaret"`, `"given_name": 7, "nickname": "Maggie"`,
				`"care": 3`, `"care": "three"`,
				`"amount": 4000`, `"amount": "lots"`,
				`"confidential": true`, `"confidential": "yes"`,
				`"status": "active"`, `"status": "active", "owner": "x"`,
				`"region": "Kisumu"`, `"region": ["Kisumu"]`,
				`"type": "home_visit"`, `"type": "visit"`,
				`"text": "Call after the day of the summary."`, `"text": ""`),
			[]string{
				`case.child.sex: unknown sex "f" (want one of: female, male, other, unknown)`,
				"case.child.birth_date: must be a real date written YYYY-MM-DD",
				"household.members[0].given_name: must be a string, not a number",
				"household.members[0].nickname: unknown field",
				"household.region: must be a string, not a list",
				`household.income[0].monthly: amount "lots" is not a decimal number`,
				"assessments[0].scores.care: must be a number, not a string",
				"plans[0].owner: unknown field",
				`notes[1].type: unknown interaction type "visit" (want one of: home_visit, office_visit, phone_remote, third_party, case_conference, supervision, other)`,
				"notes[2].confidential: must be true or false, not a string",
				// The checks add what reading did not find.
				"notes[4].text: is required",
			},
		},
		{
			"checks with paths",
			edit(`"care": 3`, `"care": 5`,
				`"food": 3`, `"food": 3, "rent": 2`,
				`"id": "n2"`, `"id": "n1"`,
				`"case": "case-17",
      "date": "2026-10-02"`, `"case": "case-99",
      "date": "2026-10-02"`,
				`"household": "hh-4",
      "date": "2026-12-12"`, `"household": "hh-5",
      "date": "2026-12-12"`,
				`"next_review": "2027-04-10"`, `"next_review": "2027-05-10"`,
				`"org": "hope-kenya",
    "members"`, `"org": "elsewhere",
    "members"`),
			[]string{
				"household.org: is \"elsewhere\", but the case belongs to \"hope-kenya\"",
				"assessments[0].scores.care: must be 1, 2, 3 or 4 (have 5)",
				"assessments[1].scores.rent: is not a factor of the household_vulnerability instrument",
				"assessments[3].household: is \"hh-5\", not the case's household",
				"plans[0].next_review: must be by 2027-04-10: plans are reviewed at least every 3 month(s) at medium risk",
				`notes[1].id: duplicate id "n1"`,
				"notes[3].case: is \"case-99\", not the case \"case-17\"",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ReadCaseFile([]byte(tt.file))
			require.Nil(t, f)
			require.Equal(t, tt.want, problems(t, err))
			// A problem never repeats an identifying value.
			require.NotContains(t, err.Error(), "2016-02-30")
			require.NotContains(t, err.Error(), "Margaret")
		})
	}
}

func TestCaseFileCheck(t *testing.T) {
	tests := []struct {
		name string
		edit func(f *CaseFile)
		want []string
	}{
		{"valid", func(*CaseFile) {}, nil},
		{"ids", func(f *CaseFile) {
			f.Case.ID, f.Household.ID, f.Assessments[1].ID, f.Plans[0].ID = "", "", "a1", ""
			f.Case.Household = ""
		}, []string{
			"case.id: is required", "household.id: is required",
			"household: the case names no household: set case.household to the household's id",
			`assessments[1].id: duplicate id "a1"`, "plans[0].id: is required",
		}},
		{"household missing", func(f *CaseFile) { f.Household = nil; f.Assessments = f.Assessments[:1] }, []string{
			`case.household: names household "hh-4", which the file does not hold`,
		}},
		{"other household", func(f *CaseFile) { f.Household.ID = "hh-5"; f.Assessments = f.Assessments[:1] }, []string{
			`household.id: is "hh-5", but the case names household "hh-4"`,
		}},
		{"completed plans keep their dates", func(f *CaseFile) {
			last := f.Case.RiskHistory[len(f.Case.RiskHistory)-1]
			f.Case.RiskHistory = append(f.Case.RiskHistory, RiskChange{Date: last.Date, From: last.To, To: RiskHigh})
			f.Case.Risk = RiskHigh
			f.Plans = append(f.Plans, f.Plans[0].Clone())
			f.Plans[1].ID, f.Plans[1].Status = "p2", PlanCompleted
		}, []string{"plans[0].next_review: must be by 2027-02-10: plans are reviewed at least every 1 month(s) at high risk"}},
		{"format and records", func(f *CaseFile) {
			f.Format = ""
			f.Case.Org = ""
			f.Notes[0].Text = ""
			f.Plans[0].Goals[0].Actions[0].Owner = ""
		}, []string{`format: must be "homeward-case/1"`, "case.org: is required",
			"plans[0].goals[0].actions[0].owner: is required", "notes[0].text: is required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := sampleFile()
			tt.edit(f)
			err := f.Check()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			got := problems(t, err)
			require.ElementsMatch(t, tt.want, got)
		})
	}
}

func FuzzReadCaseFile(f *testing.F) {
	var b bytes.Buffer
	if err := WriteCaseFile(&b, sampleFile()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte(`{"format": "homeward-case/1", "case": {"child": {"languages": [1, null, "x"]}}, "notes": [null, {}]}`))
	f.Add([]byte(`{"format": "homeward-case/1", "household": {"members": {"a": 1}}, "assessments": [{"scores": {"care": 1e400}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cf, err := ReadCaseFile(data)
		if err == nil {
			// What was read is valid and writes back to the same records.
			require.NoError(t, cf.Check())
			var out bytes.Buffer
			require.NoError(t, WriteCaseFile(&out, cf))
			back, err := ReadCaseFile(out.Bytes())
			require.NoError(t, err)
			if diff := cmp.Diff(cf, back, moneyEqual); diff != "" {
				t.Fatalf("round trip (-first +second):\n%s", diff)
			}
			return
		}
		require.ErrorIs(t, err, homeward.ErrInvalid)
	})
}
