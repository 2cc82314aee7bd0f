package sqlstore

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/currency"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/cohort"
	"github.com/homewardkit/homeward/cohort/cohorttest"
	"github.com/homewardkit/homeward/internal/paging"
)

func TestCohortConformance(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		cohorttest.TestStores(t, func(t *testing.T) cohort.Stores {
			return openTest(t, b).Cohort()
		})
	})
}

// staffOf returns a context acting for a member of staff of org.
func staffOf(org string) context.Context {
	return homeward.WithActor(context.Background(), homeward.Actor{ID: homeward.ActorID("staff@" + org), Org: homeward.OrgID(org), Role: homeward.RoleStaff})
}

// analysisRun is what a joint case analysis through the services leaves
// behind.
type analysisRun struct {
	Cohort      cohort.Cohort
	Submission  cohort.Submission
	Discussion  cohort.Discussion
	Actions     []cohort.LearningAction
	Cohorts     []cohort.Cohort
	Evaluation  cohort.CohortEvaluation
	Withdrawn   cohort.Submission
	Submissions []cohort.Submission
}

// runAnalysis runs a series from recruitment to a concluded case
// discussion through the casework and cohort services on the given stores.
func runAnalysis(t *testing.T, cwStores casework.Stores, stores cohort.Stores, audit homeward.AuditSink) analysisRun {
	t.Helper()
	now := time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { now = now.Add(time.Minute + 1500*time.Nanosecond); return now }
	n, m := 0, 0
	cw, err := casework.NewService(cwStores, &casework.Options{Now: clock, Audit: audit,
		NewID: func() string { m++; return fmt.Sprintf("case-record-%d", m) }})
	require.NoError(t, err)
	svc, err := cohort.NewService(stores, &cohort.Options{Now: clock, Casework: cw, Audit: audit,
		NewID: func() string { n++; return fmt.Sprintf("id%02d", n) }})
	require.NoError(t, err)

	organiser, kenya := staffOf("family-power"), staffOf("ngo-kenya")
	p, err := svc.CreateProgramme(organiser, cohort.MutualLearningProgram("mlp", "family-power"))
	require.NoError(t, err)
	c, err := svc.CreateCohort(organiser, cohort.Cohort{ID: "series-2", Programme: p.ID, Name: "Series 2", Language: "en",
		Status: cohort.CohortRecruiting, Capacity: 2, Facilitators: []cohort.Facilitator{{Name: "Lucía R.", Org: "kanankil"}},
		Plan: cohort.SessionPlan{First: homeward.MustParseDate("2027-02-04"), At: "15:00", TimeZone: "Europe/Amsterdam", Every: 14, Count: 4}})
	require.NoError(t, err)
	_, err = svc.CreateCohort(organiser, cohort.Cohort{ID: "series-1", Programme: p.ID, Name: "Series 1", Language: "es",
		Plan: cohort.SessionPlan{First: homeward.MustParseDate("2026-09-03"), At: "16:00", TimeZone: "America/Lima", Every: 7, Count: 2}})
	require.NoError(t, err)
	for _, org := range []string{"ngo-kenya", "ngo-ecuador", "ngo-india"} {
		c, err = svc.Apply(staffOf(org), c.ID, c.Version, homeward.OrgID(org), "Africa/Nairobi")
		require.NoError(t, err)
	}
	c, err = svc.Withdraw(staffOf("ngo-ecuador"), c.ID, c.Version, "ngo-ecuador")
	require.NoError(t, err)
	c, err = svc.SetStatus(organiser, c.ID, c.Version, cohort.CohortRunning)
	require.NoError(t, err)
	c, err = svc.RecordAttendance(organiser, c.ID, c.Version, 1, []homeward.OrgID{"ngo-kenya"}, []homeward.OrgID{"ngo-india"})
	require.NoError(t, err)
	c, err = svc.Contribute(kenya, c.ID, c.Version, "ngo-kenya", homeward.MustParseDate("2027-02-01"), homeward.MustMoney("12.50", "EUR"))
	require.NoError(t, err)

	h, err := cw.CreateHousehold(kenya, casework.Household{Members: []casework.Member{
		{ID: "m1", GivenName: "Mary", FamilyName: "Achieng", Relationship: casework.RelGrandparent, Caregiver: true, Sex: casework.SexFemale}}})
	require.NoError(t, err)
	cs, err := cw.Register(kenya, casework.Case{Household: h.ID, Risk: casework.RiskMedium,
		Child:        casework.Child{GivenName: "Amina", FamilyName: "Otieno", Sex: casework.SexFemale, BirthDate: homeward.MustParseDate("2016-05-12")},
		Arrangements: []casework.Arrangement{{Type: casework.ArrangementResidential, Start: homeward.MustParseDate("2021-03-01")}}})
	require.NoError(t, err)
	cs, err = cw.AddConsent(kenya, cs.ID, cs.Version, casework.Consent{Purpose: casework.ConsentPeerLearning, GivenBy: "Mary Achieng",
		Relationship: casework.RelGrandparent, Date: homeward.MustParseDate("2027-01-10")})
	require.NoError(t, err)
	_, err = cw.AddNote(kenya, casework.Note{Case: cs.ID, Type: casework.InteractionHomeVisit, Date: homeward.MustParseDate("2027-01-10"),
		Text: "Amina is back with Mary Achieng. She does not want to go to the new school."})
	require.NoError(t, err)

	sub, err := svc.Submit(kenya, c.ID, cs.ID, "How do we help the child to trust her new school?", homeward.MustParseDate("2027-02-18"))
	require.NoError(t, err)
	other, err := svc.Submit(kenya, c.ID, cs.ID, "What do we tell the teacher?", homeward.MustParseDate("2027-02-18"))
	require.NoError(t, err)
	withdrawn, err := svc.WithdrawSubmission(kenya, other.ID, other.Version)
	require.NoError(t, err)

	d, err := svc.StartDiscussion(staffOf("kanankil"), c.ID, sub.ID, cohort.DefaultProtocol(), homeward.MustParseDate("2027-03-04"))
	require.NoError(t, err)
	d, err = svc.ContributeToDiscussion(staffOf("ngo-india"), d.ID, d.Version, cohort.RoundAdvice, "ngo-india", "Invite the teacher to a home visit.")
	require.NoError(t, err)
	d, _, err = svc.Conclude(kenya, d.ID, d.Version, []cohort.ChosenAction{
		{Description: "Invite the teacher to a home visit", Due: homeward.MustParseDate("2027-03-31")},
		{Description: "Find a family to walk to school with", Due: homeward.MustParseDate("2027-03-18"), Stage: cohort.StageDo},
	})
	require.NoError(t, err)
	actions, err := svc.LearningActions(kenya, cohort.LearningActionFilter{Discussion: d.ID})
	require.NoError(t, err)
	cohorts, err := svc.Cohorts(staffOf("ngo-india"), cohort.CohortFilter{})
	require.NoError(t, err)
	subs, err := svc.Submissions(staffOf("ngo-india"), cohort.SubmissionFilter{Cohort: c.ID, Active: true})
	require.NoError(t, err)
	seen, err := svc.Submission(kenya, sub.ID)
	require.NoError(t, err)
	ev, err := svc.CohortEvaluation(organiser, c.ID)
	require.NoError(t, err)
	return analysisRun{Cohort: c, Submission: seen, Discussion: d, Actions: actions.Items, Cohorts: cohorts.Items,
		Evaluation: ev, Withdrawn: withdrawn, Submissions: subs.Items}
}

// TestCohortServiceOnSQL runs the services on the SQL stores and on the
// in-memory stores and compares what they leave behind: apart from times
// kept to the microsecond, the SQL stores behave as the in-memory ones.
func TestCohortServiceOnSQL(t *testing.T) {
	want := runAnalysis(t, casework.NewMemoryStores(), cohort.NewMemoryStores(), nil)
	require.Len(t, want.Actions, 2)
	require.Len(t, want.Cohorts, 1, "ngo-india sees its own cohort only")
	require.Len(t, want.Submissions, 1)
	forEachBackend(t, func(t *testing.T, b backend) {
		db := openTest(t, b)
		got := runAnalysis(t, db.Casework(), db.Cohort(), db.Audit())
		opts := cmp.Options{
			cmp.Comparer(func(a, b time.Time) bool { return a.Truncate(time.Microsecond).Equal(b.Truncate(time.Microsecond)) }),
			cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
			cmp.Comparer(func(a, b homeward.Date) bool { return a == b }),
			cmp.Comparer(func(a, b currency.Unit) bool { return a == b }),
		}
		if d := cmp.Diff(want, got, opts); d != "" {
			t.Fatalf("the services on SQL differ from the in-memory stores (-memory +sql):\n%s", d)
		}
		for _, s := range []time.Time{got.Submission.SubmittedAt, got.Discussion.ConcludedAt, got.Cohort.UpdatedAt} {
			require.Equal(t, time.UTC, s.Location())
			require.Zero(t, s.Nanosecond()%1000, "microsecond precision")
		}
	})
}

// TestCohortOrgsFollowUpdates checks that the side tables of organisations
// follow every successful update and nothing else.
func TestCohortOrgsFollowUpdates(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		db := openTest(t, b)
		ids := func(f cohort.CohortFilter) []string {
			t.Helper()
			var out []string
			require.NoError(t, db.Cohorts().Scan(ctx, f, func(c *cohort.Cohort) error { out = append(out, string(c.ID)); return nil }))
			return out
		}
		c := cohort.Cohort{ID: "c1", Programme: "p1", Organisers: []homeward.OrgID{"org-1", "org-1"}, Name: "Series",
			Start: homeward.MustParseDate("2027-01-04"), Status: cohort.CohortPlanned, Language: "en", Capacity: 2,
			Facilitators: []cohort.Facilitator{{Name: "F.", Org: "org-1"}, {Name: "G.", Org: ""}},
			Members:      []cohort.Member{{Org: "ngo-a", Status: cohort.MemberEnrolled, TimeZone: "UTC"}}}
		c, err := db.Cohorts().Create(ctx, c)
		require.NoError(t, err, "an organisation listed twice, and an empty one, are kept once and left out")
		require.Equal(t, []string{"c1"}, ids(cohort.CohortFilter{Org: "ngo-a"}))

		stale := c
		next := c
		next.Members = []cohort.Member{{Org: "ngo-b", Status: cohort.MemberEnrolled, TimeZone: "UTC"}}
		next.Organisers = []homeward.OrgID{"org-2"}
		next, err = db.Cohorts().Update(ctx, next)
		require.NoError(t, err)
		require.Empty(t, ids(cohort.CohortFilter{Org: "ngo-a"}), "a member that left is no longer found")
		require.Equal(t, []string{"c1"}, ids(cohort.CohortFilter{Org: "org-1"}), "still a facilitator")
		require.Equal(t, []string{"c1"}, ids(cohort.CohortFilter{Org: "ngo-b"}))
		require.Equal(t, []string{"c1"}, ids(cohort.CohortFilter{Org: "org-2"}))

		stale.Members = append(stale.Members, cohort.Member{Org: "ngo-z", Status: cohort.MemberEnrolled, TimeZone: "UTC"})
		_, err = db.Cohorts().Update(ctx, stale)
		require.ErrorIs(t, err, homeward.ErrConflict)
		require.Empty(t, ids(cohort.CohortFilter{Org: "ngo-z"}), "a stale update writes no organisations")
		require.Equal(t, []string{"c1"}, ids(cohort.CohortFilter{Org: "ngo-b"}))

		var rows int
		require.NoError(t, db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM cohort_orgs`).Scan(&rows))
		require.Equal(t, 3, rows, "org-2, org-1 and ngo-b")

		p := cohort.MutualLearningProgram("p1", "org-1", "org-2")
		p, err = db.Programmes().Create(ctx, p)
		require.NoError(t, err)
		p.Organisers = []homeward.OrgID{"org-3"}
		_, err = db.Programmes().Update(ctx, p)
		require.NoError(t, err)
		page, err := db.Programmes().List(ctx, cohort.ProgrammeFilter{Organiser: "org-1"})
		require.NoError(t, err)
		require.Empty(t, page.Items)
		page, err = db.Programmes().List(ctx, cohort.ProgrammeFilter{Organiser: "org-3"})
		require.NoError(t, err)
		require.Len(t, page.Items, 1)

		n := cohort.Network{ID: "n1", Kind: cohort.NetworkRegion, Name: "Network", Region: "Utrecht", Lead: "lead-1",
			Members: []cohort.NetworkMember{{Org: "m-1", Role: cohort.RoleTrainer}}}
		n, err = db.Networks().Create(ctx, n)
		require.NoError(t, err)
		n.Lead, n.Members = "lead-2", nil
		_, err = db.Networks().Update(ctx, n)
		require.NoError(t, err)
		for org, want := range map[homeward.OrgID]int{"lead-1": 0, "m-1": 0, "lead-2": 1} {
			page, err := db.Networks().List(ctx, cohort.NetworkFilter{Org: org})
			require.NoError(t, err)
			require.Len(t, page.Items, want, string(org))
		}
	})
}

// TestCohortStoresKeepTextPrivate checks that errors name records by id,
// never by their names or texts, and that money and the summary are kept
// exactly.
func TestCohortStoresKeepTextPrivate(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		db := openTest(t, b)
		s := cohort.Submission{ID: "s1", Cohort: "c1", Org: "ngo-a", Case: "case-1", Question: "SECRET question",
			Summary:     casework.Summary{Narrative: "SECRET narrative", Household: []casework.HouseholdRole{{Role: "SECRET role"}}},
			On:          homeward.MustParseDate("2027-03-01"),
			SubmittedAt: time.Date(2027, 3, 1, 10, 0, 0, 0, time.FixedZone("EAT", 3*3600))}
		stored, err := db.Submissions().Create(ctx, s)
		require.NoError(t, err)
		require.Equal(t, time.UTC, stored.SubmittedAt.Location())
		_, err = db.Submissions().Create(ctx, s)
		require.ErrorIs(t, err, homeward.ErrConflict)
		require.NotContains(t, err.Error(), "SECRET")
		s.Version = 7
		_, err = db.Submissions().Update(ctx, s)
		require.ErrorIs(t, err, homeward.ErrConflict)
		require.NotContains(t, err.Error(), "SECRET")
		require.Contains(t, err.Error(), "s1")
		_, err = db.Submissions().Create(ctx, cohort.Submission{ID: "s2", Question: "SECRET"})
		require.ErrorIs(t, err, homeward.ErrInvalid, "a submission needs its time of submission")
		require.NotContains(t, err.Error(), "SECRET")
		_, err = db.Cohorts().Create(ctx, cohort.Cohort{ID: "c1", Name: "SECRET"})
		require.ErrorIs(t, err, homeward.ErrInvalid, "a cohort needs its start date")
		require.NotContains(t, err.Error(), "SECRET")
		_, err = db.LearningActions().Create(ctx, cohort.LearningAction{ID: "a1", Description: "SECRET"})
		require.ErrorIs(t, err, homeward.ErrInvalid, "an action needs its due date")
		_, err = db.Discussions().Create(ctx, cohort.Discussion{ID: "d1"})
		require.ErrorIs(t, err, homeward.ErrInvalid, "a discussion needs its day")
		_, err = db.Programmes().Create(ctx, cohort.Programme{Name: "SECRET"})
		require.ErrorIs(t, err, homeward.ErrInvalid, "a record needs its id")

		// A stored amount keeps its digits and currency.
		p := cohort.MutualLearningProgram("p1", "org-1")
		fee := homeward.MustMoney("0.10", "JPY")
		p.Fee = cohort.FeePolicy{Kind: cohort.FeeFixed, Suggested: &fee}
		_, err = db.Programmes().Create(ctx, p)
		require.NoError(t, err)
		var raw string
		require.NoError(t, db.SQL().QueryRowContext(ctx, db.rebind(`SELECT fee FROM programmes WHERE id = ?`), "p1").Scan(&raw))
		require.JSONEq(t, `{"kind":"fixed","suggested":{"amount":"0.1","currency":"JPY"}}`, raw)
		got, err := db.Programmes().Get(ctx, "p1")
		require.NoError(t, err)
		require.True(t, got.Fee.Suggested.Amount.Equal(decimal.RequireFromString("0.10")))
		require.Equal(t, "JPY", got.Fee.Suggested.Currency.String())
	})
}

// TestCohortCursors checks that a cursor whose key is not one of the list
// is refused on every store ordered by a date or a time.
func TestCohortCursors(t *testing.T) {
	db := openTest(t, backends[0])
	ctx := context.Background()
	for _, key := range []string{"no separator", "2027-13-01\x00a", "yesterday\x00a"} {
		page := homeward.PageRequest{Cursor: paging.Encode(key)}
		_, err := db.Cohorts().List(ctx, cohort.CohortFilter{Page: page})
		require.ErrorIs(t, err, homeward.ErrInvalid, key)
		_, err = db.LearningActions().List(ctx, cohort.LearningActionFilter{Page: page})
		require.ErrorIs(t, err, homeward.ErrInvalid, key)
		_, err = db.Submissions().List(ctx, cohort.SubmissionFilter{Page: page})
		require.ErrorIs(t, err, homeward.ErrInvalid, key)
		_, err = db.Discussions().List(ctx, cohort.DiscussionFilter{Page: page})
		require.ErrorIs(t, err, homeward.ErrInvalid, key)
	}
	_, err := db.Cohorts().List(ctx, cohort.CohortFilter{Page: homeward.PageRequest{Cursor: paging.Encode("2027-01-04\x00a")}})
	require.NoError(t, err)
}

// jsonNames returns the JSON names of the exported fields of a struct type.
func jsonNames(t reflect.Type) []string {
	var out []string
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// TestCohortCodecCoversEveryField fails when a record of package cohort,
// or a part of one, gains a field that the store does not keep.
func TestCohortCodecCoversEveryField(t *testing.T) {
	parts := []struct{ record, stored any }{
		{cohort.FeePolicy{}, feeJSON{}},
		{cohort.Facilitator{}, facilitatorJSON{}},
		{cohort.SessionPlan{}, sessionPlanJSON{}},
		{cohort.Session{}, sessionJSON{}},
		{cohort.Member{}, cohortMemberJSON{}},
		{cohort.Attendance{}, attendanceJSON{}},
		{cohort.Contribution{}, contributionJSON{}},
		{cohort.NetworkMember{}, networkMemberJSON{}},
		{cohort.Participants{}, participantsJSON{}},
		{cohort.Event{}, eventJSON{}},
		{cohort.Evidence{}, evidenceJSON{}},
		{cohort.Review{}, actionReviewJSON{}},
		{cohort.Round{}, roundJSON{}},
		{cohort.Protocol{}, protocolJSON{}},
		{cohort.RoundContribution{}, roundContributionJSON{}},
		{cohort.ChosenAction{}, chosenActionJSON{}},
		{casework.Summary{}, summaryJSON{}},
		{casework.RiskStep{}, riskStepJSON{}},
		{casework.ArrangementSpan{}, arrangementSpanJSON{}},
		{casework.HouseholdRole{}, householdRoleJSON{}},
		{casework.CSIScores{}, csiScoresJSON{}},
		{casework.DomainScore{}, domainScoreJSON{}},
		{casework.HVIScore{}, hviScoreJSON{}},
		{casework.PlanOutline{}, planOutlineJSON{}},
		{casework.GoalOutline{}, goalOutlineJSON{}},
	}
	for _, p := range parts {
		rt := reflect.TypeOf(p.record)
		require.Equal(t, jsonNames(rt), jsonNames(reflect.TypeOf(p.stored)), "the stored shape of %s", rt)
	}
	// The records' own fields are columns (a few under another name).
	renamed := map[string][]string{"facilitator": {"facilitator_name", "facilitator_org"}, "case": {"case_id"}, "on": {"summary_on"}}
	records := []struct {
		record  any
		columns []string
	}{
		{cohort.Programme{}, programmeColumns},
		{cohort.Cohort{}, cohortColumns},
		{cohort.Network{}, networkColumns},
		{cohort.LearningAction{}, actionColumns},
		{cohort.Submission{}, submissionColumns},
		{cohort.Discussion{}, discussionColumns},
	}
	for _, r := range records {
		var got []string
		for _, n := range jsonNames(reflect.TypeOf(r.record)) {
			if cols, ok := renamed[n]; ok {
				got = append(got, cols...)
			} else {
				got = append(got, n)
			}
		}
		slices.Sort(got)
		want := append([]string{"id", "version"}, r.columns...)
		slices.Sort(want)
		require.Equal(t, want, got, "the columns of %T", r.record)
	}
}

// TestCohortListsUseIndexes checks on SQLite that the lists filtered by a
// column read an index in list order, without sorting.
func TestCohortListsUseIndexes(t *testing.T) {
	db := openTest(t, backends[0])
	ctx := context.Background()
	plan := func(selectSQL, orderBy string, where ...string) string {
		q := `EXPLAIN QUERY PLAN ` + selectSQL
		if len(where) > 0 {
			q += ` WHERE ` + strings.Join(where, ` AND `)
		}
		q += ` ORDER BY ` + orderBy + ` LIMIT 51`
		args := make([]any, strings.Count(q, "?"))
		for i := range args {
			args[i] = "x"
		}
		rows, err := db.SQL().QueryContext(ctx, q, args...)
		require.NoError(t, err)
		defer rows.Close()
		var details []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			require.NoError(t, rows.Scan(&id, &parent, &unused, &detail))
			details = append(details, detail)
		}
		require.NoError(t, rows.Err())
		return strings.Join(details, "; ")
	}
	co := db.cohortStores()
	for _, c := range []struct {
		selectSQL, orderBy string
		where              []string
	}{
		{co.programmes.t.selectSQL, "id", []string{"kind = ?"}},
		{co.cohorts.t.selectSQL, "start, id", nil},
		{co.cohorts.t.selectSQL, "start, id", []string{"programme = ?"}},
		{co.cohorts.t.selectSQL, "start, id", []string{"status = ?"}},
		{co.networks.t.selectSQL, "id", []string{"kind = ?"}},
		{co.networks.t.selectSQL, "id", []string{"programme = ?"}},
		{co.actions.t.selectSQL, "due, id", []string{"org = ?"}},
		{co.actions.t.selectSQL, "due, id", []string{"cohort = ?", "status = ?"}},
		{co.actions.t.selectSQL, "due, id", []string{"network = ?"}},
		{co.actions.t.selectSQL, "due, id", []string{"discussion = ?"}},
		{co.submissions.t.selectSQL, "submitted_at, id", []string{"cohort = ?", "withdrawn_at IS NULL"}},
		{co.submissions.t.selectSQL, "submitted_at, id", []string{"org = ?"}},
		{co.discussions.t.selectSQL, "held_on, id", []string{"cohort = ?"}},
		{co.discussions.t.selectSQL, "held_on, id", []string{"submission = ?"}},
		{co.discussions.t.selectSQL, "held_on, id", []string{"presenter = ?"}},
	} {
		p := plan(c.selectSQL, c.orderBy, c.where...)
		require.Contains(t, p, "USING INDEX", "%s %v", c.selectSQL, c.where)
		require.NotContains(t, p, "TEMP B-TREE", "%s %v", c.selectSQL, c.where)
	}
	p := plan(co.cohorts.t.selectSQL, "start, id", `id IN (SELECT record_id FROM cohort_orgs WHERE org = ?)`)
	require.Contains(t, p, "cohort_orgs_org", "the filter by organisation reads the side table's index")
}
