package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"strconv"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

func scheduleCommand() *command {
	return &command{
		name:     "schedule",
		synopsis: "schedule --placed YYYY-MM-DD --risk low|medium|high [--policy FILE] [--format text|json|csv] [--reviews]",
		summary:  "list the follow-up visits after a family placement",
		about: `Lists the follow-up visits due after a child is placed in a family on the
--placed day, at the given risk level, by the default follow-up policy or the
policy in FILE (JSON; see the monitoring package). Every date is counted from
the placement date; adding months clamps to the end of the month. --reviews
adds the plan reviews (monthly at high risk, every three months otherwise)
up to the last visit. --format json writes
{"placed": "...", "risk": "...", "visits": [{"due": "YYYY-MM-DD", "kind": "..."}]}.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			placed := fs.String("placed", "", "the placement `DATE` (YYYY-MM-DD; required)")
			risk := fs.String("risk", "", "the risk `LEVEL`: low, medium or high (required)")
			policy := fs.String("policy", "", "read the follow-up policy from `FILE` (\"-\" for standard input) instead of the default")
			format := fs.String("format", "text", "output `FORMAT`: text, json or csv")
			reviews := fs.Bool("reviews", false, "include plan reviews")
			return func(e *env) int { return runSchedule(e, *placed, *risk, *policy, *format, *reviews) }
		},
	}
}

func runSchedule(e *env, placedFlag, riskFlag, policyFile, format string, reviews bool) int {
	if placedFlag == "" || riskFlag == "" {
		return e.usageError("--placed and --risk are required")
	}
	placed, err := homeward.ParseDate(placedFlag)
	if err != nil {
		return e.usageError("--placed: %v", err)
	}
	risk := casework.Risk(riskFlag)
	if !risk.Valid() {
		return e.usageError("--risk: %q is not a risk level (want low, medium or high)", riskFlag)
	}
	if format != "text" && format != "json" && format != "csv" {
		return e.usageError("--format: %q is not a format of this command (want text, json or csv)", format)
	}
	p := monitoring.DefaultPolicy()
	if policyFile != "" {
		data, err := e.readInput(policyFile)
		if err != nil {
			return e.failf("%v", err)
		}
		parsed, err := monitoring.ParsePolicy(data)
		if err != nil {
			writeProblems(e.stderr, displayName(policyFile), 0, err)
			return exitInvalid
		}
		p = *parsed
	}
	visits, err := p.Schedule(placed, risk)
	if err != nil {
		return e.failf("%v", err)
	}
	if reviews && len(visits) > 0 {
		visits = append(visits, monitoring.Reviews(placed, risk, visits[len(visits)-1].Date)...)
		slices.SortStableFunc(visits, func(a, b monitoring.Due) int { return a.Date.Compare(b.Date) })
	}
	w := bufio.NewWriter(e.stdout)
	switch format {
	case "json":
		if visits == nil {
			visits = []monitoring.Due{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(struct {
			Placed homeward.Date    `json:"placed"`
			Risk   casework.Risk    `json:"risk"`
			Visits []monitoring.Due `json:"visits"`
		}{placed, risk, visits})
	case "csv":
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"due", "kind", "days_after_placement"})
		for _, v := range visits {
			_ = cw.Write([]string{v.Date.String(), string(v.Kind), strconv.Itoa(placed.DaysUntil(v.Date))})
		}
		cw.Flush()
		err = cw.Error()
	default:
		fmt.Fprintf(w, "Follow-up after a placement on %s at %s risk (policy %s): %d visits\n\n", placed, risk, p.ID, len(visits))
		fmt.Fprintf(w, "%-10s  %-13s  %s\n", "due", "kind", "after placement")
		for _, v := range visits {
			fmt.Fprintf(w, "%-10s  %-13s  %s\n", v.Date, v.Kind, plural(placed.DaysUntil(v.Date), "day", "days"))
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return e.failf("write schedule: %v", err)
	}
	return exitOK
}
