package main

import (
	"strings"
	"testing"
)

const validChecklist = `{"id": "mini", "version": "2", "default_language": "en", "title": {"en": "Mini"},
 "areas": [
  {"id": "a", "title": {"en": "A"}, "items": [
    {"id": "a.one", "text": {"en": "One"}, "critical": true},
    {"id": "a.two", "text": {"en": "Two"}, "weight": 2}]},
  {"id": "b", "title": {"en": "B"}, "weight": 0.5, "items": [
    {"id": "b.one", "text": {"en": "Three"}}]}]}`

// invalidChecklist has five problems.
const invalidChecklist = `{"id": "mini", "version": "1", "default_language": "en", "title": {"en": "Mini"},
 "thresholds": {"partly_ready": 90, "ready": 80},
 "areas": [
  {"id": "a", "title": {"en": "A"}, "items": [
    {"id": "a.one", "text": {"en": "One"}, "weight": 0},
    {"id": "a.one", "text": {"en": "Two"}, "colour": "red"}]},
  {"id": "b", "title": {"nl": "B"}, "items": []}]}`

func TestValidate(t *testing.T) {
	valid := writeFile(t, "valid.json", validChecklist)
	invalid := writeFile(t, "invalid.json", invalidChecklist)
	heavy := writeFile(t, "heavy.json", strings.Replace(validChecklist, `"weight": 2`, `"weight": 2.0000001`, 1))
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string
		stderr []string
	}{
		{
			name: "valid", args: []string{"--checklist", valid}, code: exitOK,
			stdout: valid + ": valid checklist mini version 2 (2 areas, 3 items)\n",
		},
		{
			name: "valid from stdin", args: []string{"--checklist", "-"}, stdin: validChecklist, code: exitOK,
			stdout: "<stdin>: valid checklist mini version 2 (2 areas, 3 items)\n",
		},
		{
			name: "every problem", args: []string{"--checklist", invalid}, code: exitInvalid,
			stderr: []string{
				invalid + ": thresholds: ",
				invalid + ": areas[0].items[0].weight: must be greater than 0",
				invalid + ": areas[0].items[1].id: duplicate item id \"a.one\"",
				invalid + ": areas[0].items[1].colour: unknown field",
				invalid + ": areas[1].items: ",
				invalid + ": areas[1].title.en: ",
			},
		},
		{
			name: "scorer limits", args: []string{"--checklist", heavy}, code: exitInvalid,
			stderr: []string{heavy + ": areas[0].items[1].weight: must be at most 1000 with at most 6 decimal places"},
		},
		{
			name: "not JSON", args: []string{"--checklist", "-"}, stdin: "{\"id\": ", code: exitInvalid,
			stderr: []string{"<stdin>: "},
		},
		{
			name: "missing file", args: []string{"--checklist", valid + ".nope"}, code: exitInvalid,
			stderr: []string{"no such file"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runTool(t, tt.stdin, append([]string{"validate"}, tt.args...)...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.code, r.stdout, r.stderr)
			}
			if r.stdout != tt.stdout {
				t.Errorf("stdout %q, want %q", r.stdout, tt.stdout)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if tt.code == exitOK && r.stderr != "" {
				t.Errorf("unexpected stderr: %s", r.stderr)
			}
		})
	}
}

// TestValidateOneProblemALine checks that every problem is on a line of its
// own, naming the file.
func TestValidateOneProblemALine(t *testing.T) {
	invalid := writeFile(t, "invalid.json", invalidChecklist)
	r := runTool(t, "", "validate", "--checklist", invalid)
	lines := strings.Split(strings.TrimRight(r.stderr, "\n"), "\n")
	if len(lines) < 5 {
		t.Fatalf("%d problems listed, want at least 5:\n%s", len(lines), r.stderr)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, invalid+": ") {
			t.Errorf("line does not name the file: %q", l)
		}
	}
}
