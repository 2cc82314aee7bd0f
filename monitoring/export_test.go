package monitoring_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

var exportKey = []byte("secret key")

func TestPseudonym(t *testing.T) {
	// Reference values from `printf %s c1 | openssl dgst -sha256 -hmac 'secret key'`.
	require.Equal(t, "663f9be5e7d793f98b96e615c470829f", monitoring.Pseudonym(exportKey, "c1"))
	require.Equal(t, "63d12e162bac890fc40bc34121d109d5", monitoring.Pseudonym(exportKey, "household:hh7"))
	require.NotEqual(t, monitoring.Pseudonym(exportKey, "c1"), monitoring.Pseudonym([]byte("other key"), "c1"))
	require.Len(t, monitoring.Pseudonym(nil, "x"), 2*monitoring.PseudonymBytes)
}

// readCSV parses an export into its header and rows keyed by column.
func readCSV(t *testing.T, b []byte) ([]string, []map[string]string) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, recs)
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, c := range recs[0] {
			m[c] = r[i]
		}
		rows = append(rows, m)
	}
	return recs[0], rows
}

// export runs one writer into a buffer.
func export(t *testing.T, f *indicatorFixture, d monitoring.Dataset, o monitoring.ExportOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	var n int64
	var err error
	ctx := context.Background()
	switch d {
	case monitoring.DatasetCases:
		n, err = monitoring.WriteCasesCSV(ctx, &buf, f.stores.Cases, o)
	case monitoring.DatasetPlacements:
		n, err = monitoring.WritePlacementsCSV(ctx, &buf, f.stores.Cases, o)
	case monitoring.DatasetVisits:
		n, err = monitoring.WriteVisitsCSV(ctx, &buf, f.visits, o)
	case monitoring.DatasetAssessments:
		n, err = monitoring.WriteAssessmentsCSV(ctx, &buf, f.stores.Assessments, o)
	}
	require.NoError(t, err)
	require.EqualValues(t, bytes.Count(buf.Bytes(), []byte("\n"))-1, n, "rows counted")
	return buf.Bytes()
}

// rowsWhere returns the rows whose column col is v.
func rowsWhere(rows []map[string]string, col, v string) []map[string]string {
	var out []map[string]string
	for _, r := range rows {
		if r[col] == v {
			out = append(out, r)
		}
	}
	return out
}

func TestExportRows(t *testing.T) {
	f := newIndicatorFixture(t)
	o := monitoring.ExportOptions{Key: exportKey, AsOf: day("2027-12-31")}
	c1, c3 := monitoring.Pseudonym(exportKey, "c1"), monitoring.Pseudonym(exportKey, "c3")

	header, cases := readCSV(t, export(t, f, monitoring.DatasetCases, o))
	require.Equal(t, monitoring.DatasetColumns(monitoring.DatasetCases), header)
	require.Len(t, cases, 8)
	got := rowsWhere(cases, "case", c1)
	require.Len(t, got, 1)
	require.Equal(t, map[string]string{"case": c1, "org": "org-a", "status": "follow_up", "sex": "female", "age_band": "12-14",
		"risk": "high", "arrangement_type": "kinship_care", "family_based": "true", "registered_on": "2026-01-01", "arrangements": "2",
		"household": "", "closed_on": "", "closure_reason": "", "reopenings": "0"}, got[0])
	c6 := rowsWhere(cases, "case", monitoring.Pseudonym(exportKey, "c6"))[0]
	require.Equal(t, "", c6["arrangement_type"])
	require.Equal(t, "", c6["family_based"])

	header, placements := readCSV(t, export(t, f, monitoring.DatasetPlacements, o))
	require.Equal(t, monitoring.DatasetColumns(monitoring.DatasetPlacements), header)
	require.Len(t, placements, 2+3+3+1+2+0+2+2)
	got = rowsWhere(placements, "case", c3)
	slices.SortFunc(got, func(a, b map[string]string) int { return strings.Compare(a["seq"], b["seq"]) })
	if d := cmp.Diff([]map[string]string{
		{"case": c3, "org": "org-a", "seq": "1", "type": "parents", "family_based": "true", "start": "2026-06-01", "end": "2027-05-01",
			"days": "334", "previous_type": "", "next_type": "kinship_care", "household": ""},
		{"case": c3, "org": "org-a", "seq": "2", "type": "kinship_care", "family_based": "true", "start": "2027-05-01", "end": "2027-09-01",
			"days": "123", "previous_type": "parents", "next_type": "foster_care_emergency", "household": ""},
		{"case": c3, "org": "org-a", "seq": "3", "type": "foster_care_emergency", "family_based": "true", "start": "2027-09-01", "end": "",
			"days": "121", "previous_type": "kinship_care", "next_type": "", "household": ""},
	}, got); d != "" {
		t.Errorf("placements of c3 (-want +got):\n%s", d)
	}

	header, visits := readCSV(t, export(t, f, monitoring.DatasetVisits, o))
	require.Equal(t, monitoring.DatasetColumns(monitoring.DatasetVisits), header)
	require.Len(t, visits, 15)
	byDue := func(due string) map[string]string {
		rs := rowsWhere(rowsWhere(visits, "case", c1), "due", due)
		require.Len(t, rs, 1, due)
		return rs[0]
	}
	v := byDue("2027-02-01")
	require.Equal(t, []string{"done", "2027-02-03", "true", "2", "home", "follow_up"}, []string{v["status"], v["done"], v["on_time"], v["days_late"], v["mode"], v["kind"]})
	v = byDue("2027-03-01")
	require.Equal(t, []string{"done", "false", "9"}, []string{v["status"], v["on_time"], v["days_late"]})
	v = byDue("2027-04-01")
	require.Equal(t, []string{"missed", "2027-04-02", "false", ""}, []string{v["status"], v["missed"], v["on_time"], v["days_late"]})
	v = byDue("2027-05-01")
	require.Equal(t, []string{"cancelled", "2027-04-20", ""}, []string{v["status"], v["cancelled"], v["on_time"]})
	v = byDue("2027-06-01")
	require.Equal(t, []string{"overdue", "false"}, []string{v["status"], v["on_time"]})
	v = byDue("2027-12-30")
	require.Equal(t, []string{"due", ""}, []string{v["status"], v["on_time"]})
	require.Equal(t, "", v["child_safe"])
	require.Equal(t, "", v["csi_food_security"])

	header, assessments := readCSV(t, export(t, f, monitoring.DatasetAssessments, o))
	require.Equal(t, monitoring.DatasetColumns(monitoring.DatasetAssessments), header)
	require.Len(t, assessments, 8)
	a := rowsWhere(rowsWhere(assessments, "case", c1), "date", "2027-06-10")[0]
	require.Equal(t, "4", a["csi_food_security"])
	require.Equal(t, "3", a["csi_care"])
	require.Equal(t, "", a["hvi_income"])
	require.Equal(t, "37", a["total"])
	h := rowsWhere(assessments, "kind", "household_vulnerability")[0]
	require.Equal(t, map[string]string{"case": "", "household": monitoring.Pseudonym(exportKey, "household:hh7"), "org": "org-b",
		"date": "2027-02-01", "total": "16"}, map[string]string{"case": h["case"], "household": h["household"], "org": h["org"], "date": h["date"], "total": h["total"]})
	require.Equal(t, "2", h["hvi_caregiving"])
	require.Equal(t, "", h["csi_care"])
}

func TestExportOrganisationsAndOptions(t *testing.T) {
	f := newIndicatorFixture(t)
	ctx := context.Background()
	o := monitoring.ExportOptions{Key: exportKey, AsOf: day("2027-12-31"), Orgs: []homeward.OrgID{"org-b"}}
	_, rows := readCSV(t, export(t, f, monitoring.DatasetCases, o))
	require.Len(t, rows, 3)
	o.Orgs = []homeward.OrgID{"org-b", "org-a"}
	_, rows = readCSV(t, export(t, f, monitoring.DatasetCases, o))
	require.Len(t, rows, 8)
	o.Orgs = []homeward.OrgID{"org-c"}
	header, rows := readCSV(t, export(t, f, monitoring.DatasetVisits, o))
	require.Empty(t, rows, "only the header")
	require.Equal(t, monitoring.DatasetColumns(monitoring.DatasetVisits), header)

	// The same key links exports; another key does not.
	a := export(t, f, monitoring.DatasetCases, monitoring.ExportOptions{Key: exportKey, AsOf: day("2027-12-31")})
	b := export(t, f, monitoring.DatasetCases, monitoring.ExportOptions{Key: exportKey, AsOf: day("2028-06-30")})
	c := export(t, f, monitoring.DatasetCases, monitoring.ExportOptions{Key: []byte("another"), AsOf: day("2027-12-31")})
	ids := func(b []byte) []string {
		_, rows := readCSV(t, b)
		var out []string
		for _, r := range rows {
			out = append(out, r["case"])
		}
		slices.Sort(out)
		return out
	}
	require.Equal(t, ids(a), ids(b))
	require.Empty(t, slices.DeleteFunc(ids(c), func(s string) bool { return !slices.Contains(ids(a), s) }))

	var buf bytes.Buffer
	_, err := monitoring.WriteVisitsCSV(ctx, &buf, f.visits, monitoring.ExportOptions{AsOf: day("2027-12-31")})
	require.ErrorIs(t, err, homeward.ErrInvalid)
	_, err = monitoring.WriteCasesCSV(ctx, &buf, f.stores.Cases, monitoring.ExportOptions{Key: exportKey})
	require.ErrorIs(t, err, homeward.ErrInvalid)
	require.Zero(t, buf.Len(), "nothing written on bad options")

	_, err = monitoring.WriteVisitsCSV(ctx, failingWriter{}, f.visits, monitoring.ExportOptions{Key: exportKey, AsOf: day("2027-12-31")})
	require.ErrorIs(t, err, errWrite)
	_, err = monitoring.WriteVisitsCSV(ctx, io.Discard, failingVisits{f.visits}, monitoring.ExportOptions{Key: exportKey, AsOf: day("2027-12-31")})
	require.ErrorIs(t, err, errBroken)
}

var errWrite = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestServiceExport(t *testing.T) {
	f := newIndicatorFixture(t)
	clock := func() time.Time { return time.Date(2027, 12, 31, 18, 0, 0, 0, time.UTC) }
	cw, err := casework.NewService(f.stores, &casework.Options{Now: clock})
	require.NoError(t, err)
	svc, err := monitoring.NewService(f.visits, cw, &monitoring.Options{Now: clock, Casework: f.stores})
	require.NoError(t, err)
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "r", Org: "org-a", Role: homeward.RoleReadOnly})
	for _, d := range monitoring.DatasetValues() {
		var buf bytes.Buffer
		n, err := svc.Export(ctx, &buf, d, monitoring.ExportOptions{Key: exportKey})
		require.NoError(t, err, d)
		direct := export(t, f, d, monitoring.ExportOptions{Key: exportKey, AsOf: day("2027-12-31"), Orgs: []homeward.OrgID{"org-a"}})
		_, want := readCSV(t, direct)
		_, got := readCSV(t, buf.Bytes())
		require.ElementsMatch(t, want, got, d)
		require.EqualValues(t, len(got), n)
	}
	_, err = svc.Export(ctx, io.Discard, monitoring.DatasetVisits, monitoring.ExportOptions{Key: exportKey, Orgs: []homeward.OrgID{"org-b"}})
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = svc.Export(context.Background(), io.Discard, monitoring.DatasetVisits, monitoring.ExportOptions{Key: exportKey})
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = svc.Export(ctx, io.Discard, "notes", monitoring.ExportOptions{Key: exportKey})
	require.ErrorIs(t, err, homeward.ErrInvalid)
	_, err = svc.Export(ctx, io.Discard, monitoring.DatasetVisits, monitoring.ExportOptions{})
	require.ErrorIs(t, err, homeward.ErrInvalid)

	bare, err := monitoring.NewService(f.visits, cw, &monitoring.Options{Now: clock})
	require.NoError(t, err)
	_, err = bare.Export(ctx, io.Discard, monitoring.DatasetCases, monitoring.ExportOptions{Key: exportKey})
	require.ErrorIs(t, err, homeward.ErrInvalid)
	_, err = bare.Export(ctx, io.Discard, monitoring.DatasetVisits, monitoring.ExportOptions{Key: exportKey})
	require.NoError(t, err, "visits need only the visit store")
}

func TestDatasetText(t *testing.T) {
	var d monitoring.Dataset
	require.NoError(t, d.UnmarshalText([]byte("visits")))
	require.Equal(t, monitoring.DatasetVisits, d)
	require.Error(t, d.UnmarshalText([]byte("notes")))
	require.Nil(t, monitoring.DatasetColumns("notes"))
	for _, d := range monitoring.DatasetValues() {
		cols := monitoring.DatasetColumns(d)
		require.Equal(t, "case", cols[0], d)
		require.Len(t, slices.Compact(slices.Sorted(slices.Values(cols))), len(cols), "%s: columns are unique", d)
	}
}

// marker returns a random value that can only appear in an export if it
// was copied there.
func marker(rng *rand.Rand, what string) string {
	return fmt.Sprintf("%s-%016x", what, rng.Uint64())
}

// markIdentifiers sets every field tagged `privacy:"identifier"` in v (a
// pointer to a struct, searched recursively) to a random value, and
// returns the text of each value set. Dates are set to random days of
// 2005–2012, years in which no other date of the test data falls.
func markIdentifiers(rng *rand.Rand, v reflect.Value, path string) (values, paths []string) {
	dateType := reflect.TypeFor[homeward.Date]()
	var walk func(v reflect.Value, path string, tagged bool)
	walk = func(v reflect.Value, path string, tagged bool) {
		switch {
		case v.Type() == dateType:
			if tagged {
				d := day("2005-01-01").AddDays(rng.IntN(8 * 365))
				v.Set(reflect.ValueOf(d))
				values, paths = append(values, d.String()), append(paths, path)
			}
		case v.Kind() == reflect.String:
			if tagged {
				m := marker(rng, "ident")
				v.SetString(m)
				values, paths = append(values, m), append(paths, path)
			}
		case v.Kind() == reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if f.IsExported() {
					walk(v.Field(i), path+"."+f.Name, tagged || f.Tag.Get("privacy") == "identifier")
				}
			}
		case v.Kind() == reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), tagged)
			}
		case v.Kind() == reflect.Pointer && !v.IsNil():
			walk(v.Elem(), path, tagged)
		}
	}
	walk(v.Elem(), path, false)
	return values, paths
}

// TestExportsHoldNoIdentifyingValues fills every identifying and free-text
// field of random cases, visits and assessments with random values (and
// the ids with random ids) and checks that none of them appears in any
// dataset.
func TestExportsHoldNoIdentifyingValues(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(4) {
		rng := rand.New(rand.NewPCG(seed, 7))
		st := casework.NewMemoryStores()
		visits := monitoring.NewMemoryVisitStore()
		var secret []string
		keep := func(vs ...string) { secret = append(secret, vs...) }
		tagged := map[string]bool{}
		for range 40 {
			id := casework.CaseID(marker(rng, "case"))
			hh := casework.HouseholdID(marker(rng, "household"))
			keep(string(id), string(hh))
			m := func(what string) string { s := marker(rng, what); keep(s); return s }
			reg := day("2024-01-01").AddDays(rng.IntN(700))
			c := casework.Case{ID: id, Org: "org-a", Status: casework.StatusClosed, Household: hh, RegisteredOn: reg, Risk: casework.RiskMedium,
				Child:       casework.Child{Sex: casework.SexFemale, Languages: []string{"sw"}},
				RiskHistory: []casework.RiskChange{{Date: reg, To: casework.RiskMedium, Reason: m("risk-reason")}},
				Team:        []casework.TeamMember{{Person: m("team-person"), Role: casework.RoleCaseManager}},
				Consents:    []casework.Consent{{ID: m("consent"), Purpose: casework.ConsentResearch, Date: reg}},
				Arrangements: []casework.Arrangement{
					{Type: casework.ArrangementResidential, Start: reg.AddDays(-30), End: reg.AddDays(40), Reason: m("arrangement-reason")},
					{Type: casework.ArrangementKinship, Start: reg.AddDays(40), Reason: m("arrangement-reason"), Household: hh},
				},
				Closure:    &casework.Closure{Date: reg.AddDays(400), Reason: casework.ClosureOther, Note: m("closure-note")},
				Reopenings: []casework.Reopening{{Date: reg.AddDays(300), Reason: m("reopen-reason")}},
			}
			values, paths := markIdentifiers(rng, reflect.ValueOf(&c), "case")
			keep(values...)
			for _, p := range paths {
				tagged[p[:strings.IndexAny(p+"[", "[")]] = true
			}
			_, err := st.Cases.Create(ctx, c)
			require.NoError(t, err)
			for k := range 5 {
				v := monitoring.Visit{ID: monitoring.VisitID(m("visit")), Org: "org-a", Case: id, Caseworker: m("caseworker"),
					Due: reg.AddDays(40 + 30*k), Kind: monitoring.KindFollowUp, Mode: monitoring.ModeHome}
				switch k % 3 {
				case 0:
					v.Done, v.By = v.Due.AddDays(1), m("visitor")
					v.Outcome = &monitoring.Outcome{ChildSafe: true, Concerns: true, Note: m("outcome-note"), Actions: m("outcome-actions")}
					v.Scores = csiScores(3, nil)
				case 1:
					v.Missed, v.Reason = v.Due, m("missed-reason")
				}
				_, err := visits.Create(ctx, v)
				require.NoError(t, err)
			}
			_, err = st.Assessments.Create(ctx, casework.Assessment{ID: casework.AssessmentID(m("assessment")), Org: "org-a",
				Kind: casework.KindChildStatus, Case: id, Date: reg, Assessor: m("assessor"), Note: m("assessment-note"), Scores: csiScores(2, nil)})
			require.NoError(t, err)
		}
		// Every identifying field of a case was given a value, among them
		// these (a new one is covered by the walk without a change here).
		for _, p := range []string{"case.Child.GivenName", "case.Child.FamilyName", "case.Child.BirthDate", "case.Child.IDNumber", "case.Consents"} {
			require.True(t, tagged[p] || tagged[p+".GivenBy"], "no value set for %s", p)
		}

		f := &indicatorFixture{stores: st, visits: visits}
		key := []byte(marker(rng, "key"))
		keep(string(key))
		var all bytes.Buffer
		for _, d := range monitoring.DatasetValues() {
			all.Write(export(t, f, d, monitoring.ExportOptions{Key: key, AsOf: day("2026-06-30")}))
		}
		out := all.String()
		require.Contains(t, out, "org-a", "the export is not empty")
		for _, s := range secret {
			require.NotContains(t, out, s)
		}
		// No year of the birth dates appears in a date column either.
		for y := 2005; y <= 2012; y++ {
			require.NotContains(t, out, fmt.Sprintf("%d-", y))
		}
	}
}

func TestExportDatesAndLargeStreams(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(5, 5))
	visits := monitoring.NewMemoryVisitStore()
	want := map[string]int{}
	for i := range 6000 {
		// Years 1 to 9999, and days 4,096 days apart that share a slot
		// of the exporter's date cache.
		due := homeward.DateOf(1+rng.IntN(9999), time.January, 1).AddDays(rng.IntN(365))
		if i%2 == 1 {
			due = day("2027-01-01").AddDays(4096 * (rng.IntN(3) - 1))
		}
		want[due.String()]++
		_, err := visits.Create(ctx, monitoring.Visit{ID: monitoring.VisitID(fmt.Sprint(i)), Org: "org-a", Case: "c1", Due: due, Kind: monitoring.KindFollowUp})
		require.NoError(t, err)
	}
	var buf bytes.Buffer
	o := monitoring.ExportOptions{Key: exportKey, AsOf: day("2027-12-31")}
	n, err := monitoring.WriteVisitsCSV(ctx, &buf, visits, o)
	require.NoError(t, err)
	require.EqualValues(t, 6000, n)
	_, rows := readCSV(t, buf.Bytes())
	got := map[string]int{}
	for _, r := range rows {
		got[r["due"]]++
	}
	require.Equal(t, want, got)

	// A writer that fails stops the scan with its error; so does a
	// cancelled context.
	_, err = monitoring.WriteVisitsCSV(ctx, failingWriter{}, visits, o)
	require.ErrorIs(t, err, errWrite)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = monitoring.WriteVisitsCSV(cancelled, io.Discard, visits, o)
	require.ErrorIs(t, err, context.Canceled)
}
