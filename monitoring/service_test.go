package monitoring_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

type fixture struct {
	now   time.Time
	cw    *casework.Service
	svc   *monitoring.Service
	audit *homeward.MemoryAuditSink
	ctx   context.Context
}

func day(s string) homeward.Date { return homeward.MustParseDate(s) }

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{now: time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC), audit: &homeward.MemoryAuditSink{}}
	clock := func() time.Time { return f.now }
	n := 0
	id := func() string { n++; return fmt.Sprintf("id%04d", n) }
	cw, err := casework.NewService(casework.NewMemoryStores(), &casework.Options{Now: clock, NewID: id})
	require.NoError(t, err)
	svc, err := monitoring.NewService(monitoring.NewMemoryVisitStore(), cw, &monitoring.Options{Now: clock, NewID: id, Audit: f.audit})
	require.NoError(t, err)
	f.cw, f.svc = cw, svc
	f.ctx = homeward.WithActor(context.Background(), homeward.Actor{ID: "grace", Org: "org-1", Role: homeward.RoleStaff})
	return f
}

// placedCase registers a case placed with kin on placed at risk.
func (f *fixture) placedCase(t *testing.T, placed string, risk casework.Risk) casework.Case {
	t.Helper()
	c, err := f.cw.Register(f.ctx, casework.Case{
		Child:        casework.Child{GivenName: "Amina", Sex: casework.SexFemale, BirthDate: day("2017-05-12")},
		RegisteredOn: day("2026-06-01"), Risk: risk,
		Team:         []casework.TeamMember{{Person: "Grace W.", Role: casework.RoleCaseManager}},
		Arrangements: []casework.Arrangement{{Type: casework.ArrangementResidential, Start: day("2022-01-10")}},
	})
	require.NoError(t, err)
	c, err = f.cw.Place(f.ctx, c.ID, c.Version, casework.Arrangement{Type: casework.ArrangementKinship, Start: day(placed)})
	require.NoError(t, err)
	return c
}

func dueDates(vs []monitoring.Visit) []string {
	var out []string
	for _, v := range vs {
		if v.Open() {
			out = append(out, v.Due.String())
		}
	}
	return out
}

func TestScheduleCase(t *testing.T) {
	f := newFixture(t)
	c := f.placedCase(t, "2027-02-20", casework.RiskLow)
	vs, err := f.svc.ScheduleCase(f.ctx, c.ID)
	require.NoError(t, err)
	want, _ := monitoring.DefaultPolicy().Schedule(day("2027-02-20"), casework.RiskLow)
	require.Len(t, vs, len(want))
	require.Equal(t, "Grace W.", vs[0].Caseworker)
	require.Equal(t, monitoring.KindFirstContact, vs[0].Kind)
	require.Equal(t, "2027-03-02", vs[0].Due.String())

	again, err := f.svc.ScheduleCase(f.ctx, c.ID)
	require.NoError(t, err)
	require.Equal(t, vs, again, "scheduling twice plans nothing new")

	// The risk rises on 2027-04-01: the open low-risk visits from then on are
	// cancelled and the high-risk schedule follows, first contact 2027-04-03.
	f.now = time.Date(2027, 4, 1, 8, 0, 0, 0, time.UTC)
	c, err = f.cw.Case(f.ctx, c.ID)
	require.NoError(t, err)
	_, err = f.cw.SetRisk(f.ctx, c.ID, c.Version, casework.RiskHigh, day("2027-04-01"), "caregiver ill")
	require.NoError(t, err)
	vs, err = f.svc.ScheduleCase(f.ctx, c.ID)
	require.NoError(t, err)
	got := dueDates(vs)
	require.Equal(t, []string{"2027-03-02", "2027-03-20", "2027-04-03", "2027-04-10", "2027-04-17"}, got[:5],
		"low-risk visits before the change stay; from the change the high-risk schedule")
	cancelled := 0
	for _, v := range vs {
		if !v.Cancelled.IsZero() {
			cancelled++
			require.Equal(t, "rescheduled", v.Reason)
		}
	}
	require.Positive(t, cancelled)
}

func TestScheduleNeedsFamilyPlacement(t *testing.T) {
	f := newFixture(t)
	c, err := f.cw.Register(f.ctx, casework.Case{
		Child: casework.Child{GivenName: "Amina", Sex: casework.SexFemale, BirthDate: day("2017-05-12")}, Risk: casework.RiskLow,
		Arrangements: []casework.Arrangement{{Type: casework.ArrangementResidential, Start: day("2022-01-10")}},
	})
	require.NoError(t, err)
	_, err = f.svc.ScheduleCase(f.ctx, c.ID)
	require.ErrorIs(t, err, homeward.ErrInvalid)
	require.ErrorContains(t, err, "no family-based care arrangement")
}

func TestWorklistAndCounts(t *testing.T) {
	f := newFixture(t)
	c := f.placedCase(t, "2027-02-01", casework.RiskHigh)
	vs, err := f.svc.ScheduleCase(f.ctx, c.ID)
	require.NoError(t, err)
	// High: first contact 02-03, weekly 02-08 … 03-29. On 2027-03-01 with grace 3:
	// overdue: due before 02-26; due: 02-26 … 03-08; upcoming after.
	_, err = f.svc.RecordVisit(f.ctx, vs[0].ID, vs[0].Version, monitoring.Report{Done: day("2027-02-03"), Outcome: monitoring.Outcome{ChildSafe: true}})
	require.NoError(t, err)
	_, err = f.svc.MissVisit(f.ctx, vs[1].ID, vs[1].Version, day("2027-02-09"), "family away")
	require.NoError(t, err)
	_, err = f.svc.CancelVisit(f.ctx, vs[2].ID, vs[2].Version, day("2027-02-10"), "visited by the school instead")
	require.NoError(t, err)

	wl, err := f.svc.Worklist(f.ctx, monitoring.WorklistFilter{AsOf: day("2027-03-01")})
	require.NoError(t, err)
	var got []string
	for _, it := range wl.Items {
		got = append(got, it.Visit.Due.String()+" "+string(it.Status))
	}
	require.Equal(t, []string{"2027-02-22 overdue", "2027-03-01 due", "2027-03-08 due"}, got)

	counts, err := f.svc.Counts(f.ctx, "", "", day("2027-03-01"))
	require.NoError(t, err)
	require.Equal(t, 1, counts[monitoring.VisitDone])
	require.Equal(t, 1, counts[monitoring.VisitMissed])
	require.Equal(t, 1, counts[monitoring.VisitCancelled])
	require.Equal(t, 1, counts[monitoring.VisitOverdue])
	require.Equal(t, 2, counts[monitoring.VisitDue])
	require.Equal(t, len(vs)-6, counts[monitoring.VisitUpcoming])

	mine, err := f.svc.Worklist(f.ctx, monitoring.WorklistFilter{Caseworker: "Someone Else", AsOf: day("2027-03-01")})
	require.NoError(t, err)
	require.Empty(t, mine.Items)

	other := homeward.WithActor(context.Background(), homeward.Actor{ID: "bob", Org: "org-2", Role: homeward.RoleStaff})
	_, err = f.svc.Worklist(other, monitoring.WorklistFilter{Org: "org-1"})
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = f.svc.Visit(other, vs[0].ID)
	require.ErrorIs(t, err, homeward.ErrNotFound)
	_, err = f.svc.RecordVisit(f.ctx, vs[0].ID, 2, monitoring.Report{})
	require.ErrorContains(t, err, "already done")
	_, err = f.svc.MissVisit(f.ctx, vs[3].ID, vs[3].Version, homeward.Date{}, "")
	require.ErrorContains(t, err, "reason")
}

func TestVisitStatusOn(t *testing.T) {
	v := monitoring.Visit{Due: day("2027-03-10")}
	for d, want := range map[string]monitoring.VisitStatus{
		"2027-03-02": monitoring.VisitUpcoming, "2027-03-03": monitoring.VisitDue, "2027-03-13": monitoring.VisitDue,
		"2027-03-14": monitoring.VisitOverdue,
	} {
		require.Equal(t, want, v.StatusOn(day(d), -1), d)
	}
	v.Done = day("2027-03-12")
	require.Equal(t, monitoring.VisitDue, v.StatusOn(day("2027-03-11"), 3), "done later: still open on the day")
	require.Equal(t, monitoring.VisitDone, v.StatusOn(day("2027-03-12"), 3))
	require.True(t, v.OnTime(3))
	require.False(t, v.OnTime(1))
}

func TestClosureReadiness(t *testing.T) {
	f := newFixture(t)
	c := f.placedCase(t, "2026-01-15", casework.RiskMedium)
	r, err := f.svc.ClosureReadiness(f.ctx, c.ID, day("2026-12-01"))
	require.NoError(t, err)
	require.False(t, r.Ready)
	var conds []string
	for _, x := range r.Failing {
		conds = append(conds, x.Condition+": "+x.Detail)
	}
	require.Equal(t, []string{
		"twelve_months_in_family: 10 months since the family placement (12 needed)",
		"low_risk: the risk is medium",
		"last_two_visits_safe: 0 visits done (2 needed)",
		"plan_goals_achieved: the case has no active or completed plan",
	}, conds)

	f.now = time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)
	vs, err := f.svc.ScheduleCase(f.ctx, c.ID)
	require.NoError(t, err)
	for i, v := range vs[:3] {
		_, err := f.svc.RecordVisit(f.ctx, v.ID, v.Version, monitoring.Report{Done: v.Due,
			Outcome: monitoring.Outcome{ChildSafe: true, Concerns: i == 0}})
		require.NoError(t, err)
	}
	c, _ = f.cw.Case(f.ctx, c.ID)
	_, err = f.cw.SetRisk(f.ctx, c.ID, c.Version, casework.RiskLow, day("2026-12-01"), "stable")
	require.NoError(t, err)
	_, err = f.cw.CreatePlan(f.ctx, casework.Plan{Case: c.ID, Status: casework.PlanCompleted, Start: day("2026-01-20"),
		NextReview: day("2026-04-20"), Goals: []casework.Goal{{ID: "g", Domain: casework.DomainIncomeWork, Description: "x", Status: casework.GoalAchieved}}})
	require.NoError(t, err)
	r, err = f.svc.ClosureReadiness(f.ctx, c.ID, day("2027-01-15"))
	require.NoError(t, err)
	require.True(t, r.Ready, "%+v", r.Failing)
	require.Empty(t, r.Failing)
}
