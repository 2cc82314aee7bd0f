package monitoring

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// afterCases is a visit store whose Scan starts only when the case scan
// has ended, so that every visit run is joined as it passes.
type afterCases struct {
	VisitStore
	casesDone <-chan struct{}
}

func (s afterCases) Scan(ctx context.Context, f VisitFilter, fn func(*Visit) error) error {
	<-s.casesDone
	return s.VisitStore.Scan(ctx, f, fn)
}

// signalCases closes done when its Scan ends; when wait is not nil, its
// Scan starts only once wait is closed.
type signalCases struct {
	casework.CaseStore
	wait <-chan struct{}
	done chan struct{}
}

func (s signalCases) Scan(ctx context.Context, f casework.CaseFilter, fn func(*casework.Case) error) error {
	defer close(s.done)
	if s.wait != nil {
		<-s.wait
	}
	return s.CaseStore.Scan(ctx, f, fn)
}

// beforeCases is a visit store that closes done when its Scan ends.
type beforeCases struct {
	VisitStore
	done chan struct{}
}

func (s beforeCases) Scan(ctx context.Context, f VisitFilter, fn func(*Visit) error) error {
	defer close(s.done)
	return s.VisitStore.Scan(ctx, f, fn)
}

// TestVisitRunsJoinedWheneverTheCasesAreIndexed computes the indicators
// with the visits passing after the cases are indexed, before the case
// scan starts, and at the same time with room for none, three or every
// pending visit run, and checks that all agree.
func TestVisitRunsJoinedWheneverTheCasesAreIndexed(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(5, 6))
	st := casework.NewMemoryStores()
	visits := NewMemoryVisitStore()
	start := homeward.MustParseDate("2025-01-01")
	for i := range 300 {
		id := casework.CaseID(fmt.Sprintf("c%03d", i))
		org := homeward.OrgID(fmt.Sprintf("org-%d", i%3))
		placed := start.AddDays(rng.IntN(300))
		_, err := st.Cases.Create(ctx, casework.Case{ID: id, Org: org, RegisteredOn: start, Risk: casework.RiskMedium,
			Child: casework.Child{Sex: casework.SexFemale, BirthDate: homeward.MustParseDate("2014-05-01")},
			Arrangements: []casework.Arrangement{{Type: casework.ArrangementResidential, Start: start.AddDays(-400), End: placed},
				{Type: casework.ArrangementKinship, Start: placed}}})
		require.NoError(t, err)
		for k := range rng.IntN(12) {
			due := placed.AddDays(7 * (k + 1))
			v := Visit{ID: VisitID(fmt.Sprintf("%s-v%02d", id, k)), Org: org, Case: id, Due: due, Kind: KindFollowUp, Mode: ModeHome}
			switch rng.IntN(4) {
			case 0:
				v.Done = due.AddDays(rng.IntN(9) - 2)
			case 1:
				v.Missed, v.Reason = due, "away"
			case 2:
				v.Cancelled, v.Reason = due, "moved"
			}
			// Some visits of cases that are not in the population.
			if rng.IntN(20) == 0 {
				v.Case = "c999"
			}
			_, err := visits.Create(ctx, v)
			require.NoError(t, err)
		}
	}
	p := Period{From: homeward.MustParseDate("2025-03-01"), To: homeward.MustParseDate("2025-12-31")}
	src := Sources{Cases: st.Cases, Assessments: st.Assessments, Plans: st.Plans, Visits: visits}
	want, err := computeIndicators(ctx, src, nil, p, 0, 0)
	require.NoError(t, err)
	require.NotZero(t, byIDInternal(want, IndicatorVisitsOnTime).Denominator.IntPart())

	for _, maxPending := range []int{0, 3, maxPendingRuns} {
		// The visits after the case scan.
		done := make(chan struct{})
		after := src
		after.Cases = signalCases{CaseStore: st.Cases, done: done}
		after.Visits = afterCases{VisitStore: visits, casesDone: done}
		got, err := computeIndicators(ctx, after, nil, p, 0, maxPending)
		require.NoError(t, err)
		require.Equal(t, want, got, "visits after the cases, %d pending", maxPending)

		// Every visit before the case scan, when they may all wait.
		if maxPending == maxPendingRuns {
			visitsDone := make(chan struct{})
			before := src
			before.Visits = beforeCases{VisitStore: visits, done: visitsDone}
			before.Cases = signalCases{CaseStore: st.Cases, wait: visitsDone, done: make(chan struct{})}
			got, err = computeIndicators(ctx, before, nil, p, 0, maxPending)
			require.NoError(t, err)
			require.Equal(t, want, got, "visits before the cases")
		}

		// At the same time.
		got, err = computeIndicators(ctx, src, nil, p, 0, maxPending)
		require.NoError(t, err)
		require.Equal(t, want, got, "%d pending", maxPending)
	}
}

func byIDInternal(inds []Indicator, id string) Indicator {
	for _, in := range inds {
		if in.ID == id {
			return in
		}
	}
	return Indicator{}
}
