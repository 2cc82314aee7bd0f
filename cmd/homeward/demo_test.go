package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// demoWant are passages every demo run prints.
var demoWant = []string{
	"Hope Kenya",
	"1. First assessment",
	"2. Second assessment",
	"3. Progress",
	"4. History, read back from the database",
	"staff.wanjiru: create assessment",
	"5. A child's way home",
	"registered → assessment → case_plan → implementation → follow_up",
	"plan warning (support_share)",
	"age band 6-11",
	"6. The morning worklist",
	"Worklist of Grace Wanjiru on 2027-03-08:",
	"2027-03-01  follow_up      overdue",
	"Ready to close? false",
	"8. Indicators for the first quarter",
	"leaving_residential_for_family   100.00",
	"7. Learning together",
	"10 organisations enrolled, 1 on the waiting list",
	"Amsterdam (organiser)",
	"Hope Kenya submits a case",
	"Incident method",
	"Agree a tapering plan for the household's support",
}

func checkDemo(t *testing.T, r result, wantHistory int) {
	t.Helper()
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	for _, w := range demoWant {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	if n := strings.Count(r.stdout, "  2027-01-15  ") + strings.Count(r.stdout, "  2027-07-15  "); n != wantHistory {
		t.Errorf("history lists %d assessments, want %d:\n%s", n, wantHistory, r.stdout)
	}
	if t.Failed() {
		t.Logf("output:\n%s", r.stdout)
	}
}

func TestDemoInMemory(t *testing.T) {
	r := runTool(t, "", "demo", "--db", ":memory:")
	checkDemo(t, r, 2)
	if !strings.Contains(r.stdout, "Database: :memory:") {
		t.Errorf("the database is not named")
	}
}

func TestDemoFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	checkDemo(t, runTool(t, "", "demo", "--db", db), 2)
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}
	// A second run adds to the same database, whose history then holds
	// both runs' assessments.
	checkDemo(t, runTool(t, "", "demo", "--db", db, "--lang", "es"), 4)
}

func TestDemoDefaultDatabase(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	r := runTool(t, "", "demo", "--lang", "nl")
	checkDemo(t, r, 2)
	matches, err := filepath.Glob(filepath.Join(tmp, "homeward-demo-*", "homeward-demo.db"))
	if err != nil || len(matches) != 1 {
		t.Fatalf("demo database in %s: %v %v", tmp, matches, err)
	}
	if !strings.Contains(r.stdout, matches[0]) {
		t.Errorf("the demo does not print its database's path %s", matches[0])
	}
}

func TestDemoBadDatabase(t *testing.T) {
	r := runTool(t, "", "demo", "--db", filepath.Join(t.TempDir(), "no", "such", "folder", "x.db"))
	if r.code != exitInvalid || !strings.Contains(r.stderr, "open database") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
}

func TestRedactDSN(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:secret@localhost/db": "postgres://u:xxxxx@localhost/db",
		"/tmp/x.db":                        "/tmp/x.db",
		":memory:":                         ":memory:",
	} {
		if got := redactDSN(in); got != want {
			t.Errorf("redactDSN(%q) = %q, want %q", in, got, want)
		}
	}
}
