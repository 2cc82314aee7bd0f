package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// oneAssessment is a single assessment over several lines, with evidence
// and notes that must never appear in a message.
const oneAssessment = `{
  "id": "a1", "org": "hope-kenya", "checklist": "transition-readiness", "checklist_version": "1",
  "date": "2027-03-01", "assessor": "Wanjiru",
  "answers": {
    "local_partner.backs_transition": {"status": "met", "evidence": "SECRET-EVIDENCE", "note": "SECRET-NOTE"},
    "tailoring.case_team": {"status": "in_progress"},
    "tailoring.follow_up_aftercare": {"status": "not_started"},
    "network.collaboration": {"status": "not_applicable"}
  }
}
`

func line(id, answers string) string {
	return `{"id":"` + id + `","org":"o","checklist":"transition-readiness","checklist_version":"1","date":"2027-03-01","answers":{` + answers + "}}\n"
}

func TestAssessFormats(t *testing.T) {
	answers := writeFile(t, "answers.json", oneAssessment)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{name: "text", args: nil, want: []string{"a1", "hope-kenya", "2027-03-01"}},
		{name: "markdown", args: []string{"--format", "markdown"}, want: []string{"# ", "|"}},
		{name: "json", args: []string{"--format", "json"}, want: []string{`"assessment":"a1"`}},
		{name: "html", args: []string{"--format", "html"}, want: []string{"<html", "<svg", "</html>"}},
		{name: "dutch html", args: []string{"--format", "html", "--lang", "nl"}, want: []string{`lang="nl"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runTool(t, "", append([]string{"assess", "--answers", answers}, tt.args...)...)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, r.stdout)
				}
			}
			if strings.Contains(r.stdout, "SECRET") {
				t.Errorf("the report shows evidence or notes:\n%s", r.stdout)
			}
		})
	}
}

func keys(m map[string]any) []string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	slices.Sort(k)
	return k
}

// TestAssessJSONShape checks the documented shape of --format json.
func TestAssessJSONShape(t *testing.T) {
	checklist := writeFile(t, "mini.json", validChecklist)
	answers := writeFile(t, "answers.json", `{"id": "m1", "org": "o", "checklist": "mini", "checklist_version": "2", "date": "2027-03-01",
	  "answers": {"a.one": {"status": "met"}, "a.two": {"status": "in_progress"}, "b.one": {"status": "not_applicable"}}}`)
	r := runTool(t, "", "assess", "--answers", answers, "--checklist", checklist, "--format", "json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, r.stdout)
	}
	if diff := cmp.Diff([]string{"areas", "assessment", "checklist", "complete", "gaps", "level", "score"}, keys(got)); diff != "" {
		t.Errorf("result keys (-want +got):\n%s", diff)
	}
	areaKeys := []string{"id", "in_progress", "level", "met", "not_applicable", "not_started", "score", "unanswered"}
	want := map[string]any{
		"assessment": "m1", "checklist": "mini", "score": 66.7, "level": "partly_ready", "complete": true,
		"areas": []any{
			map[string]any{"id": "a", "score": 66.7, "level": "partly_ready", "met": 1.0, "in_progress": 1.0, "not_started": 0.0, "not_applicable": 0.0, "unanswered": 0.0},
			map[string]any{"id": "b", "score": nil, "level": nil, "met": 0.0, "in_progress": 0.0, "not_started": 0.0, "not_applicable": 1.0, "unanswered": 0.0},
		},
		"gaps": []any{
			map[string]any{"item": "a.two", "area": "a", "status": "in_progress", "critical": false, "weight": 2.0},
		},
	}
	for _, a := range got["areas"].([]any) {
		if diff := cmp.Diff(areaKeys, keys(a.(map[string]any))); diff != "" {
			t.Errorf("area keys (-want +got):\n%s", diff)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
	// Scores are JSON numbers, not strings.
	if !strings.Contains(r.stdout, `"score":66.7`) && !strings.Contains(r.stdout, `"score": 66.7`) {
		t.Errorf("score is not a JSON number:\n%s", r.stdout)
	}
}

func TestAssessInvalid(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	done := write("answers.json", strings.Replace(oneAssessment, `{"status": "in_progress"}`, `{"status": "done", "note": "SECRET-NOTE"}`, 1))
	unknownItem := write("unknown.json", strings.Replace(oneAssessment, `"tailoring.case_team"`, `"tailoring.case_teem"`, 1))
	wrongList := write("wrong.json", strings.Replace(oneAssessment, `"checklist_version": "1"`, `"checklist_version": "7"`, 1))
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  []string
	}{
		{name: "unknown status", args: []string{"--answers", done}, want: []string{done + `: answers.tailoring.case_team.status: unknown status "done"`}},
		{name: "unknown item", args: []string{"--answers", unknownItem}, want: []string{unknownItem + `: answers.tailoring.case_teem: no item "tailoring.case_teem"`}},
		{name: "wrong version", args: []string{"--answers", wrongList}, want: []string{wrongList + `: checklist_version: is "7"`}},
		{name: "not JSON", args: []string{"--answers", "-"}, stdin: `{"id": "x", "answers": `, want: []string{"<stdin>: "}},
		{name: "empty", args: []string{"--answers", "-"}, stdin: "", want: []string{"<stdin>: "}},
		{name: "not an object", args: []string{"--answers", "-"}, stdin: `[1, 2]`, want: []string{"<stdin>: must be a JSON object"}},
		{name: "missing fields", args: []string{"--answers", "-"}, stdin: `{"answers": {}}`, want: []string{"<stdin>: checklist: is required", "<stdin>: date: is required"}},
		{name: "two values on a line", args: []string{"--answers", "-"}, stdin: `{} {}`, want: []string{"<stdin>: "}},
		{name: "missing file", args: []string{"--answers", filepath.Join(dir, "nope.json")}, want: []string{"nope.json: no such file"}},
		{name: "bad checklist", args: []string{"--answers", done, "--checklist", write("c.json", `{"id": "x"}`)}, want: []string{"c.json: version: is required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runTool(t, tt.stdin, append([]string{"assess"}, tt.args...)...)
			if r.code != exitInvalid {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, exitInvalid, r.stdout, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("unexpected output:\n%s", r.stdout)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if strings.Contains(r.stderr, "SECRET") {
				t.Errorf("a message shows evidence or notes:\n%s", r.stderr)
			}
		})
	}
}

func TestAssessStdinAndOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	r := runTool(t, oneAssessment, "assess", "--answers", "-", "--format", "json", "--out", out)
	if r.code != exitOK || r.stdout != "" || r.stderr != "" {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if m := decodeLines(t, string(data)); len(m) != 1 || m[0]["assessment"] != "a1" {
		t.Fatalf("report file:\n%s", data)
	}

	// A second run truncates the file.
	r = runTool(t, line("short", ""), "assess", "--answers", "-", "--format", "json", "--out", out)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	data, _ = os.ReadFile(out)
	if m := decodeLines(t, string(data)); len(m) != 1 || m[0]["assessment"] != "short" {
		t.Fatalf("report file was not replaced:\n%s", data)
	}

	// Invalid input leaves no report behind.
	bad := filepath.Join(t.TempDir(), "bad.txt")
	r = runTool(t, `{"id": 1}`, "assess", "--answers", "-", "--out", bad)
	if r.code != exitInvalid {
		t.Fatalf("exit %d, want %d", r.code, exitInvalid)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("a report file was left for invalid input: %v", err)
	}

	// The output may not overwrite an input.
	in := writeFile(t, "in.json", oneAssessment)
	r = runTool(t, "", "assess", "--answers", in, "--out", filepath.Join(filepath.Dir(in), ".", "in.json"))
	if r.code != exitUsage || !strings.Contains(r.stderr, "would overwrite an input") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(in); string(data) != oneAssessment {
		t.Fatalf("the input was changed")
	}

	// An output that cannot be created is an error naming it.
	r = runTool(t, oneAssessment, "assess", "--answers", "-", "--out", filepath.Join(t.TempDir(), "no", "such", "dir.txt"))
	if r.code != exitInvalid || !strings.Contains(r.stderr, "dir.txt") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
}

// batchWithBadLines has good assessments on lines 1, 4 and 6, a blank line
// 3, and bad ones on lines 2 (unknown item), 5 (broken JSON) and 7
// (unknown status, with a note that must not be shown).
var batchWithBadLines = line("b1", `"local_partner.backs_transition":{"status":"met"}`) +
	line("b2", `"no.such.item":{"status":"met"}`) +
	"   \n" +
	line("b3", `"tailoring.case_team":{"status":"in_progress","evidence":"SECRET-EVIDENCE"}`) +
	`{"id":"b4","answers":` + "\n" +
	line("b5", "") +
	line("b6", `"tailoring.case_team":{"status":"done","note":"SECRET-NOTE"}`)

func TestAssessBatch(t *testing.T) {
	path := writeFile(t, "batch.json", batchWithBadLines)
	tests := []struct {
		name   string
		args   []string
		stdin  string
		file   string // how messages name the input
		format string
	}{
		{name: "json", args: []string{"--answers", path, "--format", "json"}, file: path, format: "json"},
		{name: "text", args: []string{"--answers", path}, file: path, format: "text"},
		{name: "markdown", args: []string{"--answers", path, "--format", "markdown"}, file: path, format: "markdown"},
		{name: "stdin", args: []string{"--answers", "-", "--format", "json"}, stdin: batchWithBadLines, file: "<stdin>", format: "json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runTool(t, tt.stdin, append([]string{"assess"}, tt.args...)...)
			if r.code != exitInvalid {
				t.Fatalf("exit %d, want %d\nstderr: %s", r.code, exitInvalid, r.stderr)
			}
			for _, w := range []string{
				tt.file + `:2: answers.no.such.item: no item "no.such.item"`,
				tt.file + ":5: ",
				tt.file + `:7: answers.tailoring.case_team.status: unknown status "done"`,
				"3 of 6 assessments could not be scored",
			} {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if strings.Contains(r.stderr, ":1:") || strings.Contains(r.stderr, ":4:") || strings.Contains(r.stderr, ":6:") {
				t.Errorf("a good line is reported:\n%s", r.stderr)
			}
			if strings.Contains(r.stderr+r.stdout, "SECRET") {
				t.Errorf("evidence or notes shown:\n%s\n%s", r.stdout, r.stderr)
			}
			switch tt.format {
			case "json":
				var ids []any
				for _, m := range decodeLines(t, r.stdout) {
					ids = append(ids, m["assessment"])
					if _, ok := m["areas"]; !ok {
						t.Errorf("result without areas: %v", m)
					}
				}
				if diff := cmp.Diff([]any{"b1", "b3", "b5"}, ids); diff != "" {
					t.Errorf("results (-want +got):\n%s", diff)
				}
			case "text":
				want := "b1\t3.3\tnot_ready\tfalse\nb3\t1.3\tnot_ready\tfalse\nb5\t0.0\tnot_ready\tfalse\n"
				if r.stdout != want {
					t.Errorf("stdout:\n%q\nwant\n%q", r.stdout, want)
				}
			case "markdown":
				if !strings.HasPrefix(r.stdout, "| assessment | score | level | complete |\n") || strings.Count(r.stdout, "\n") != 5 {
					t.Errorf("stdout:\n%s", r.stdout)
				}
			}
		})
	}
}

func TestAssessBatchDetection(t *testing.T) {
	one := line("x1", `"network.collaboration":{"status":"met"}`)
	tests := []struct {
		name, file, content string
		batch               bool
	}{
		{name: "one line", file: "a.json", content: one, batch: false},
		{name: "one line with blank lines", file: "a.json", content: "\n\n" + one + "\n\n", batch: false},
		{name: "one line, jsonl name", file: "a.jsonl", content: one, batch: true},
		{name: "ndjson name", file: "a.NDJSON", content: one + one, batch: true},
		{name: "two lines", file: "a.json", content: one + line("x2", ""), batch: true},
		{name: "blank lines between", file: "a.txt", content: "\n" + one + "\n  \n" + line("x2", "") + "\n", batch: true},
		{name: "no final newline", file: "a.json", content: one + strings.TrimSuffix(line("x2", ""), "\n"), batch: true},
		{name: "pretty-printed", file: "a.json", content: oneAssessment, batch: false},
		{name: "braces in strings", file: "a.json", content: strings.Replace(one, `"x1"`, `"x}{\"1"`, 1) + one, batch: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.file, tt.content)
			r := runTool(t, "", "assess", "--answers", path, "--format", "text")
			if r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
			isBatch := strings.Count(lines[0], "\t") == 3
			if isBatch != tt.batch {
				t.Errorf("read as batch %v, want %v:\n%s", isBatch, tt.batch, r.stdout)
			}
		})
	}
}

func TestAssessBatchHTMLIsUsageError(t *testing.T) {
	r := runTool(t, line("a", "")+line("b", ""), "assess", "--answers", "-", "--format", "html")
	if r.code != exitUsage || !strings.Contains(r.stderr, "--format html") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
}

// TestAssessBatchOut checks that a batch written to a file keeps the good
// results even when some lines fail.
func TestAssessBatchOut(t *testing.T) {
	in := writeFile(t, "batch.jsonl", string(genBatch(50))+batchWithBadLines)
	out := filepath.Join(t.TempDir(), "results.jsonl")
	r := runTool(t, "", "assess", "--answers", in, "--format", "json", "--out", out)
	if r.code != exitInvalid || r.stdout != "" {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, in+":52: ") {
		t.Errorf("line numbers are off:\n%s", r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(decodeLines(t, string(data))); n != 53 {
		t.Errorf("%d results, want 53", n)
	}
}

// TestAssessLongLine checks that lines far beyond bufio.Scanner's 64 KiB
// limit are read.
func TestAssessLongLine(t *testing.T) {
	long := line("long", `"network.collaboration":{"status":"met","evidence":"`+strings.Repeat("x", 300<<10)+`"}`)
	r := runTool(t, long+long, "assess", "--answers", "-", "--format", "text")
	if r.code != exitOK || r.stdout != "long\t6.7\tnot_ready\tfalse\nlong\t6.7\tnot_ready\tfalse\n" {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
}

// FuzzAssess feeds arbitrary input to assess: it must end with exit code 0
// or 1 and never panic.
func FuzzAssess(f *testing.F) {
	f.Add(oneAssessment)
	f.Add(batchWithBadLines)
	f.Add(`{"a":"\"}{"}` + "\n{}")
	f.Add("{")
	f.Add("\n\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := runTool(t, in, "assess", "--answers", "-", "--format", "json")
		if r.code != exitOK && r.code != exitInvalid {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
	})
}
