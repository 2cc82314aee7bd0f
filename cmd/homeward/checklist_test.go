package main

import (
	"strings"
	"testing"

	"github.com/homewardkit/homeward/transition"
)

func TestChecklist(t *testing.T) {
	std := transition.Standard()
	tests := []struct {
		name string
		args []string
		want []string // substrings of standard output
	}{
		{name: "text", args: nil, want: []string{std.Title["en"], "local_partner.backs_transition", "tailoring.follow_up_aftercare"}},
		{name: "markdown", args: []string{"--format", "markdown"}, want: []string{"# ", std.Areas[0].Title["en"]}},
		{name: "dutch", args: []string{"--lang", "nl-BE"}, want: []string{std.Title["nl"], std.Areas[0].Title["nl"]}},
		{name: "spanish", args: []string{"--lang", "es-MX"}, want: []string{std.Title["es"]}},
		{name: "json", args: []string{"--format", "json"}, want: []string{`"id": "transition-readiness"`, `"default_language": "en"`, `"partly_ready": 50`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runTool(t, "", append([]string{"checklist"}, tt.args...)...)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, r.stdout)
				}
			}
		})
	}
}

// TestChecklistJSONRoundTrip starts a custom checklist from the standard
// one, as the documentation suggests, and reads it back.
func TestChecklistJSONRoundTrip(t *testing.T) {
	r := runTool(t, "", "checklist", "--format", "json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	c, err := transition.ParseChecklist([]byte(r.stdout))
	if err != nil {
		t.Fatalf("the JSON output does not read back: %v", err)
	}
	if got, want := len(itemIDs(c)), len(itemIDs(transition.Standard())); got != want {
		t.Fatalf("%d items read back, want %d", got, want)
	}
	// The written file is a valid checklist for the other commands.
	path := writeFile(t, "custom.json", r.stdout)
	if r := runTool(t, "", "validate", "--checklist", path); r.code != exitOK {
		t.Fatalf("validate: exit %d: %s", r.code, r.stderr)
	}
	if r := runTool(t, "", "checklist", "--checklist", path); r.code != exitOK || !strings.Contains(r.stdout, "network.collaboration") {
		t.Fatalf("checklist --checklist: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	if r := runTool(t, r.stdout, "checklist", "--checklist", "-", "--format", "markdown"); r.code != exitOK {
		t.Fatalf("checklist from stdin: exit %d: %s", r.code, r.stderr)
	}
}

func TestChecklistInvalidFile(t *testing.T) {
	path := writeFile(t, "bad.json", `{"id": "Bad Id", "version": "1", "default_language": "en", "title": {"en": "x"}, "areas": []}`)
	r := runTool(t, "", "checklist", "--checklist", path)
	if r.code != exitInvalid {
		t.Fatalf("exit %d, want %d", r.code, exitInvalid)
	}
	for _, w := range []string{path + ": id: ", path + ": areas: "} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
		}
	}
	r = runTool(t, "", "checklist", "--checklist", path+".missing")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "no such file") {
		t.Fatalf("missing file: exit %d: %s", r.code, r.stderr)
	}
}
