package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

func caseCommand() *command {
	return &command{
		name: "case",
		synopsis: "case check FILE\n  homeward case summarize FILE [--format json|text] [--on YYYY-MM-DD] " +
			"[--purpose peer_learning|research] [--reference LABEL] [--lang TAG]",
		summary: "check a case file, or summarise a case without identifying the child",
		about: `Reads a case file: one case with its household, assessments, plans and notes
in the homeward-case/1 JSON shape (see casework.CaseFile), as one case system
exports it for another. FILE may be "-" for standard input.

check lists every problem of the file, one a line, as "FILE: path: problem"
(a syntax error with its line, unknown fields, values of the wrong type, and
every record and link that fails its checks), and exits with 1 when there is
any; otherwise it prints a one-line summary of the file.

summarize checks the file and writes the case's de-identified summary: the
age band, sex, care history as types and durations, risk, assessment scores,
plan domains and statuses, and the notes that are not confidential, with
names replaced by role words ("the grandmother") and addresses, phone and
ID numbers and dates by placeholders. It holds no name, birth date, address,
phone or ID number, and no calendar date: days and months are counted from
registration. The case must hold a consent for --purpose on the --on day;
without one, nothing is written and the command exits with 1.`,
		args: true,
		setup: func(fs *flag.FlagSet) func(*env) int {
			var o caseOptions
			fs.StringVar(&o.format, "format", "text", "summarize: output `FORMAT`, text or json")
			fs.StringVar(&o.on, "on", "", "summarize: the `DATE` of the summary, YYYY-MM-DD (default today); durations are counted to it and the consent must hold on it")
			fs.StringVar(&o.purpose, "purpose", string(casework.ConsentPeerLearning), "summarize: the `PURPOSE` the summary is shared for: peer_learning or research")
			fs.StringVar(&o.reference, "reference", "", "summarize: a `LABEL` for the summary, such as case-A (not the case id)")
			fs.StringVar(&o.lang, "lang", "", "summarize: language `TAG` of the role words and headings of the narrative (English, Dutch or Spanish; default English)")
			return func(e *env) int { return runCase(e, &o) }
		},
	}
}

// caseOptions are the flags of the case command.
type caseOptions struct {
	format, on, purpose, reference, lang string
}

func runCase(e *env, o *caseOptions) int {
	if len(e.args) == 0 {
		return e.usageError("a subcommand is required: check or summarize")
	}
	sub, args := e.args[0], e.args[1:]
	if sub != "check" && sub != "summarize" {
		return e.usageError("unknown subcommand %q (want check or summarize)", sub)
	}
	switch {
	case len(args) == 0:
		return e.usageError("%s: FILE is required (\"-\" for standard input)", sub)
	case len(args) > 1:
		return e.usageError("%s: unexpected argument %q", sub, args[1])
	}
	file := args[0]
	if sub == "check" {
		var set []string
		e.fs.Visit(func(f *flag.Flag) { set = append(set, "--"+f.Name) })
		if len(set) > 0 {
			return e.usageError("check takes no flags (%s applies to summarize)", strings.Join(set, ", "))
		}
		return runCaseCheck(e, file)
	}
	return runCaseSummarize(e, file, o)
}

// readCaseFile reads and checks the case file at path; on failure it writes
// the problems and returns exitInvalid.
func (e *env) readCaseFile(path string) (*casework.CaseFile, int) {
	data, err := e.readInput(path)
	if err != nil {
		return nil, e.failf("%v", err)
	}
	f, err := casework.ReadCaseFile(data)
	if err != nil {
		writeProblems(e.stderr, displayName(path), 0, err)
		return nil, exitInvalid
	}
	return f, exitOK
}

func runCaseCheck(e *env, path string) int {
	f, code := e.readCaseFile(path)
	if code != exitOK {
		return code
	}
	fmt.Fprintf(e.stdout, "%s: valid case file (%s, %s, %s)\n", displayName(path),
		plural(len(f.Assessments), "assessment", "assessments"), plural(len(f.Plans), "plan", "plans"), plural(len(f.Notes), "note", "notes"))
	return exitOK
}

func runCaseSummarize(e *env, path string, o *caseOptions) int {
	if o.format != "text" && o.format != "json" {
		return e.usageError("--format: %q is not a format of case summarize (want text or json)", o.format)
	}
	on := homeward.Today(time.Now(), time.Local)
	if o.on != "" {
		d, err := homeward.ParseDate(o.on)
		if err != nil {
			return e.usageError("--on: %v", err)
		}
		on = d
	}
	purpose := casework.ConsentPurpose(o.purpose)
	if !purpose.SharesSummary() {
		return e.usageError("--purpose: %q is not a purpose a summary is shared for (want peer_learning or research)", o.purpose)
	}
	lang, err := parseLang(o.lang)
	if err != nil {
		return e.usageError("%v", err)
	}
	f, code := e.readCaseFile(path)
	if code != exitOK {
		return code
	}
	name := displayName(path)
	if err := casework.CheckSummaryConsent(&f.Case, purpose, on); err != nil {
		return e.failf("%s: no summary: %v", name, err)
	}
	s, err := casework.Summarize(&f.Case, f.Household, f.Assessments, f.Plans, f.Notes, on,
		casework.SummaryOptions{Reference: o.reference, Language: lang})
	if err != nil {
		writeProblems(e.stderr, name, 0, err)
		return exitInvalid
	}
	w := bufio.NewWriter(e.stdout)
	if o.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(s)
	} else {
		writeSummaryText(w, s, purpose)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return e.failf("%v", err)
	}
	return exitOK
}

// writeSummaryText writes a summary for reading.
func writeSummaryText(w io.Writer, s *casework.Summary, purpose casework.ConsentPurpose) {
	title := "De-identified case summary"
	if s.Reference != "" {
		title += " " + s.Reference
	}
	fmt.Fprintf(w, "%s (for %s)\n\n", title, strings.ReplaceAll(string(purpose), "_", " "))
	row := func(label, format string, args ...any) {
		fmt.Fprintf(w, "%-14s %s\n", label+":", fmt.Sprintf(format, args...))
	}
	row("Child", "%s, age %s", s.Sex, s.AgeBand)
	if len(s.Languages) > 0 {
		row("Languages", "%s", strings.Join(s.Languages, ", "))
	}
	if len(s.Disabilities) > 0 {
		ds := make([]string, len(s.Disabilities))
		for i, d := range s.Disabilities {
			ds[i] = string(d)
		}
		row("Disabilities", "%s", strings.Join(ds, ", "))
	}
	status := string(s.Status)
	if s.ClosureReason != "" {
		status += " (" + string(s.ClosureReason) + ")"
	}
	if s.Reopenings > 0 {
		status += fmt.Sprintf(", reopened %s", plural(s.Reopenings, "time", "times"))
	}
	row("Status", "%s, %s after registration", status, plural(s.DaysSinceRegistration, "day", "days"))
	risk := string(s.Risk)
	if len(s.RiskHistory) > 0 {
		steps := make([]string, len(s.RiskHistory))
		for i, r := range s.RiskHistory {
			steps[i] = fmt.Sprintf("%s from day %d", r.Level, r.Day)
		}
		risk += " (" + strings.Join(steps, ", ") + ")"
	}
	row("Risk", "%s", risk)

	if len(s.Arrangements) > 0 {
		fmt.Fprintf(w, "\nCare arrangements, oldest first:\n")
		for _, a := range s.Arrangements {
			kind := "not family-based"
			if a.FamilyBased {
				kind = "family-based"
			}
			current := ""
			if a.Current {
				current = ", current"
			}
			fmt.Fprintf(w, "  %-30s %6d days  (%s%s)\n", a.Type, a.Days, kind, current)
		}
	}
	if len(s.Household) > 0 {
		fmt.Fprintf(w, "\nHousehold:\n")
		for _, m := range s.Household {
			caregiver := ""
			if m.Caregiver {
				caregiver = ", caregiver"
			}
			fmt.Fprintf(w, "  %-30s %s%s\n", m.Role, m.Relationship, caregiver)
		}
	}
	if len(s.ChildStatus) > 0 {
		fmt.Fprintf(w, "\nChild Status Index (domain scores 1 to 4), months from the first assessment:\n")
		for _, a := range s.ChildStatus {
			parts := make([]string, len(a.Domains))
			for i, d := range a.Domains {
				parts[i] = fmt.Sprintf("%s %g", d.Domain, d.Score)
			}
			fmt.Fprintf(w, "  month %-3d %s; total %d of 48\n", a.Month, strings.Join(parts, ", "), a.Total)
		}
	}
	if len(s.HouseholdVulnerability) > 0 {
		fmt.Fprintf(w, "\nHousehold vulnerability (total 8 to 32), months from the first assessment:\n")
		for _, a := range s.HouseholdVulnerability {
			fmt.Fprintf(w, "  month %-3d total %d, %s\n", a.Month, a.Total, a.Band)
		}
	}
	for i, p := range s.Plans {
		if i == 0 {
			fmt.Fprintf(w, "\nFamily-strengthening plans:\n")
		}
		fmt.Fprintf(w, "  plan %d: %s, from month %d, %s\n", i+1, p.Status, p.Month, plural(p.Reviews, "review", "reviews"))
		for _, g := range p.Goals {
			var acts []string
			for _, st := range casework.ActionStatusValues() {
				if n := g.Actions[st]; n > 0 {
					acts = append(acts, fmt.Sprintf("%d %s", n, st))
				}
			}
			line := fmt.Sprintf("    %-20s %s", g.Domain, g.Status)
			if len(acts) > 0 {
				line = fmt.Sprintf("%-38s actions: %s", line, strings.Join(acts, ", "))
			}
			fmt.Fprintln(w, line)
		}
	}
	if s.Narrative != "" {
		fmt.Fprintf(w, "\nNarrative:\n")
		for i, para := range strings.Split(s.Narrative, "\n\n") {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(para, "\n", "\n  "))
		}
	}
}
