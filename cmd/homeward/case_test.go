package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/homewardkit/homeward/casework"
)

const sampleCase = "testdata/case.json"

// identifying lists the identifying values of the sample case: names, the
// birth date, the address, phone and ID numbers.
var identifying = []string{
	"Neema", "Achieng", "Margaret", "Rose", "Brian", "Otieno", "Mary", "Atieno",
	"2016-04-12", "12/04/2016", "Plot 14", "Kondele", "722 555 019", "0722", "448812",
}

func requireNoIdentifying(t *testing.T, s string) {
	t.Helper()
	for _, id := range identifying {
		if regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(id) + `\b`).MatchString(s) {
			t.Errorf("output holds %q:\n%s", id, s)
		}
	}
}

func TestCaseCheck(t *testing.T) {
	sample, err := os.ReadFile(sampleCase)
	if err != nil {
		t.Fatal(err)
	}
	broken := writeFile(t, "broken.json", strings.NewReplacer(
		`"care": 3`, `"care": 7`,
		`"sex": "female"`, `"sex": "f"`,
		`"reviews": [`, `"colour": "red", "reviews": [`,
		`"id": "n2"`, `"id": "n1"`,
	).Replace(string(sample)))
	syntax := writeFile(t, "syntax.json", "{\n  \"format\": \"homeward-case/1\",\n  \"case\": {\n    \"id\": ,\n")
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string
		stderr []string
	}{
		{name: "valid", args: []string{"check", sampleCase}, code: exitOK,
			stdout: sampleCase + ": valid case file (4 assessments, 1 plan, 5 notes)\n"},
		{name: "standard input", args: []string{"check", "-"}, stdin: string(sample), code: exitOK,
			stdout: "<stdin>: valid case file (4 assessments, 1 plan, 5 notes)\n"},
		{name: "one note", args: []string{"check", "-"}, code: exitOK,
			stdin: `{"format": "homeward-case/1", "case": {"id": "c", "org": "o", "status": "registered", "registered_on": "2027-01-01",
			"risk": "low", "child": {"given_name": "X", "sex": "unknown", "birth_date": "2020-01-01"}},
			"notes": [{"id": "n", "org": "o", "case": "c", "date": "2027-01-02", "type": "other", "author": "a", "text": "t"}]}`,
			stdout: "<stdin>: valid case file (0 assessments, 0 plans, 1 note)\n"},
		{name: "every problem", args: []string{"check", broken}, code: exitInvalid, stderr: []string{
			broken + `: case.child.sex: unknown sex "f"`,
			broken + ": plans[0].colour: unknown field",
			broken + ": assessments[0].scores.care: must be 1, 2, 3 or 4 (have 7)",
			broken + `: notes[1].id: duplicate id "n1"`,
		}},
		{name: "syntax", args: []string{"check", syntax}, code: exitInvalid, stderr: []string{syntax + ": line 4: invalid character ','"}},
		{name: "syntax line", args: []string{"check", "-"}, stdin: "{\n\"format\": \"homeward-case/1\",\n\"case\": {]}", code: exitInvalid,
			stderr: []string{"<stdin>: line 3: invalid character ']'"}},
		{name: "missing file", args: []string{"check", sampleCase + ".nope"}, code: exitInvalid, stderr: []string{"no such file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runTool(t, tt.stdin, append([]string{"case"}, tt.args...)...)
			if r.code != tt.code {
				t.Fatalf("exit code %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.code, r.stdout, r.stderr)
			}
			if tt.stdout != "" && r.stdout != tt.stdout {
				t.Errorf("stdout = %q, want %q", r.stdout, tt.stdout)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
			if tt.code != exitOK && r.stdout != "" {
				t.Errorf("stdout on failure: %s", r.stdout)
			}
			requireNoIdentifying(t, r.stderr)
		})
	}
}

func TestCaseSummarizeJSON(t *testing.T) {
	r := runTool(t, "", "case", "summarize", sampleCase, "--format", "json", "--on", "2027-02-01", "--reference", "case-A")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	requireNoIdentifying(t, r.stdout)
	var s casework.Summary
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("%v:\n%s", err, r.stdout)
	}
	if s.Reference != "case-A" || s.AgeBand != casework.AgeBand6To11 || s.DaysSinceRegistration != 336 || len(s.Arrangements) != 2 ||
		len(s.ChildStatus) != 2 || len(s.HouseholdVulnerability) != 2 || len(s.Plans) != 1 || len(s.Household) != 4 {
		t.Errorf("unexpected summary:\n%s", r.stdout)
	}
	for _, want := range []string{"the grandmother (phone [phone])", "Visited Mrs [family name] at [address].", "[id number] found; born [date]."} {
		if !strings.Contains(s.Narrative, want) {
			t.Errorf("narrative lacks %q:\n%s", want, s.Narrative)
		}
	}
	if strings.Contains(r.stdout, "in confidence") || strings.Contains(r.stdout, "after the day of the summary") {
		t.Errorf("a confidential note or a later note is in the summary:\n%s", r.stdout)
	}
	if regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).MatchString(r.stdout) {
		t.Errorf("the summary holds a date:\n%s", r.stdout)
	}
}

func TestCaseSummarizeText(t *testing.T) {
	sample, err := os.ReadFile(sampleCase)
	if err != nil {
		t.Fatal(err)
	}
	// Flags may come before, between and after the arguments.
	r := runTool(t, string(sample), "case", "--on", "2027-02-01", "summarize", "--reference", "case-A", "-", "--purpose", "research", "--on", "2027-01-09")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	requireNoIdentifying(t, r.stdout)
	for _, want := range []string{
		"De-identified case summary case-A (for research)\n",
		"Child:         female, age 6-11\n",
		"Status:        follow_up, 313 days after registration\n",
		"Risk:          medium (medium from day 0, high from day 100, medium from day 274)\n",
		"  kinship_care                      116 days  (family-based, current)\n",
		"  the aunt (2)                   aunt_uncle\n",
		"  month 8   food_and_nutrition 3.5, shelter_and_care 3.5, protection 3, health 3.5, psychosocial 3, education_and_skills 3.5; total 40 of 48\n",
		"  month 8   total 16, moderate\n",
		"  plan 1: active, from month 2, 2 reviews\n",
		"    living_conditions    in_progress   actions: 1 in_progress, 1 done\n",
		"\nNarrative:\n  Office visit, month 0: The child was registered",
		"school fees.\n\n  Home visit, month 7: The child has settled with the grandmother.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.HasSuffix(r.stdout, "walks her to school.\n") {
		t.Errorf("output ends with %q", r.stdout[len(r.stdout)-40:])
	}

	nl := runTool(t, "", "case", "summarize", sampleCase, "--on", "2027-02-01", "--lang", "nl")
	if nl.code != exitOK || !strings.Contains(nl.stdout, "Huisbezoek, maand 7: Het kind has settled with de grootmoeder.") {
		t.Errorf("exit %d, Dutch narrative expected:\n%s%s", nl.code, nl.stdout, nl.stderr)
	}
}

func TestCaseSummarizeRefuses(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"consent withdrawn", []string{"summarize", sampleCase, "--purpose", "research", "--on", "2027-01-10"}, exitInvalid,
			"homeward case: " + sampleCase + ": no summary: case case-17 has no consent for research on 2027-01-10"},
		{"before the consent", []string{"summarize", sampleCase, "--on", "2026-03-19"}, exitInvalid,
			"no consent for peer_learning on 2026-03-19"},
		{"reference is the case id", []string{"summarize", sampleCase, "--on", "2027-02-01", "--reference", "case-17"}, exitInvalid,
			sampleCase + ": reference: must not be a record id"},
		{"invalid file", []string{"summarize", "-"}, exitInvalid, "<stdin>: unexpected end of JSON input"},
		{"other purpose", []string{"summarize", sampleCase, "--purpose", "services"}, exitUsage, `--purpose: "services" is not a purpose`},
		{"bad format", []string{"summarize", sampleCase, "--format", "csv"}, exitUsage, `--format: "csv" is not a format of case summarize`},
		{"bad day", []string{"summarize", sampleCase, "--on", "2027-02-30"}, exitUsage, "--on: "},
		{"bad lang", []string{"summarize", sampleCase, "--lang", "!!"}, exitUsage, "--lang"},
		{"no subcommand", nil, exitUsage, "a subcommand is required: check or summarize"},
		{"unknown subcommand", []string{"export", sampleCase}, exitUsage, `unknown subcommand "export"`},
		{"no file", []string{"summarize"}, exitUsage, "summarize: FILE is required"},
		{"two files", []string{"check", sampleCase, sampleCase}, exitUsage, "check: unexpected argument"},
		{"check with flags", []string{"check", sampleCase, "--format", "json"}, exitUsage, "check takes no flags (--format applies to summarize)"},
		{"bad flag", []string{"summarize", sampleCase, "--colour"}, exitUsage, "flag provided but not defined: -colour"},
		{"after --", []string{"summarize", "--", sampleCase, "--on", "2027-02-01"}, exitUsage, `summarize: unexpected argument "--on"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runTool(t, "{", append([]string{"case"}, tt.args...)...)
			if r.code != tt.code {
				t.Fatalf("exit code %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout on failure: %s", r.stdout)
			}
			requireNoIdentifying(t, r.stderr)
		})
	}
}

func TestCaseHelp(t *testing.T) {
	for _, args := range [][]string{{"help", "case"}, {"case", "--help"}, {"case", "summarize", "-h"}} {
		r := runTool(t, "", args...)
		if r.code != exitOK || !strings.Contains(r.stdout, "Usage: homeward case check FILE\n  homeward case summarize FILE") ||
			!strings.Contains(r.stdout, "-purpose PURPOSE") {
			t.Errorf("%v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
	}
	r := runTool(t, "", "help")
	if !strings.Contains(r.stdout, "  case       check a case file") || !strings.Contains(r.stdout, "homeward case summarize FILE") {
		t.Errorf("help lacks the case command:\n%s", r.stdout)
	}
}
