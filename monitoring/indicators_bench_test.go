package monitoring_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

// population describes a generated population.
type population struct {
	orgs                       []homeward.OrgID
	cases, visits, assessments int
}

// populate fills the stores with n generated cases of four organisations,
// with visitsPerCase visits each, about 1.5 child status assessments and
// 0.8 active plans per case, written directly through the stores' Create.
// Care histories start in residential care; most children move to a family
// between 2024 and 2026, some move on and some go back to residential care.
func populate(tb testing.TB, rng *rand.Rand, st casework.Stores, visits monitoring.VisitStore, n, visitsPerCase int) population {
	tb.Helper()
	ctx := context.Background()
	pop := population{orgs: []homeward.OrgID{"org-01", "org-02", "org-03", "org-04"}}
	sexes := casework.SexValues()
	risks := casework.RiskValues()
	family := []casework.ArrangementType{casework.ArrangementParents, casework.ArrangementKinship, casework.ArrangementFosterLongTerm,
		casework.ArrangementFosterEmergency, casework.ArrangementGuardianship}
	base := homeward.MustParseDate("2024-01-01")
	now := homeward.MustParseDate("2026-06-30")
	factors := casework.KindChildStatus.Factors()
	scores := func() map[casework.Factor]int {
		m := make(map[casework.Factor]int, len(factors))
		for _, f := range factors {
			m[f] = 1 + rng.IntN(4)
		}
		return m
	}
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	vid := 0
	for i := range n {
		id := casework.CaseID(fmt.Sprintf("c%07d", i))
		org := pop.orgs[i%len(pop.orgs)]
		reg := base.AddDays(rng.IntN(730))
		risk := risks[rng.IntN(3)]
		c := casework.Case{ID: id, Org: org, Status: casework.StatusFollowUp, RegisteredOn: reg, Risk: risk,
			Child:       casework.Child{GivenName: "Child", Sex: sexes[rng.IntN(len(sexes))], BirthDate: base.AddDays(-rng.IntN(19 * 365))},
			RiskHistory: []casework.RiskChange{{Date: reg, To: risk}}}
		if rng.IntN(4) == 0 {
			to := risks[rng.IntN(3)]
			c.RiskHistory = append(c.RiskHistory, casework.RiskChange{Date: reg.AddDays(30 + rng.IntN(300)), From: risk, To: to})
			c.Risk = to
		}
		res := casework.Arrangement{Type: casework.ArrangementResidential, Start: reg.AddDays(-rng.IntN(2000))}
		placed := reg.AddDays(30 + rng.IntN(570))
		if rng.IntN(5) == 0 {
			placed = homeward.Date{} // still in residential care
		}
		c.Arrangements = []casework.Arrangement{res}
		if !placed.IsZero() {
			c.Arrangements[0].End = placed
			c.Arrangements = append(c.Arrangements, casework.Arrangement{Type: family[rng.IntN(len(family))], Start: placed})
			switch k := rng.IntN(20); {
			case k < 3: // a move to another family
				next := placed.AddDays(100 + rng.IntN(300))
				c.Arrangements[1].End = next
				c.Arrangements = append(c.Arrangements, casework.Arrangement{Type: family[rng.IntN(len(family))], Start: next})
			case k < 5: // back to residential care
				back := placed.AddDays(60 + rng.IntN(300))
				c.Arrangements[1].End = back
				c.Arrangements = append(c.Arrangements, casework.Arrangement{Type: casework.ArrangementResidential, Start: back})
			}
		}
		_, err := st.Cases.Create(ctx, c)
		must(err)
		pop.cases++

		first := reg
		if !placed.IsZero() {
			first = placed
		}
		for k := range visitsPerCase {
			due := first.AddDays(2 + 30*k)
			v := monitoring.Visit{ID: monitoring.VisitID(fmt.Sprintf("v%08d", vid)), Org: org, Case: id, Caseworker: "worker",
				Due: due, Kind: monitoring.KindFollowUp, Mode: monitoring.ModeHome}
			vid++
			if k == 0 {
				v.Kind = monitoring.KindFirstContact
			}
			if due.Before(now) {
				switch r := rng.IntN(100); {
				case r < 75:
					v.Done, v.By = due.AddDays(rng.IntN(11)-2), "worker"
					v.Outcome = &monitoring.Outcome{ChildSafe: rng.IntN(20) != 0, Concerns: rng.IntN(10) == 0}
					if rng.IntN(50) == 0 {
						v.Scores = scores()
					}
				case r < 82:
					v.Missed, v.Reason = due.AddDays(1), "not at home"
				case r < 87:
					v.Cancelled, v.Reason = due.AddDays(-1), "rescheduled"
				}
			}
			_, err := visits.Create(ctx, v)
			must(err)
			pop.visits++
		}
		for k := range rng.IntN(4) {
			_, err := st.Assessments.Create(ctx, casework.Assessment{ID: casework.AssessmentID(fmt.Sprintf("a%07d-%d", i, k)), Org: org,
				Kind: casework.KindChildStatus, Case: id, Date: reg.AddDays(k * 120), Scores: scores()})
			must(err)
			pop.assessments++
		}
		if rng.IntN(5) != 0 {
			start := reg.AddDays(20)
			p := casework.Plan{ID: casework.PlanID(fmt.Sprintf("p%07d", i)), Org: org, Case: id, Status: casework.PlanActive, Start: start,
				NextReview: start.AddMonths(3)}
			for r := start.AddMonths(3); r.Before(now) && rng.IntN(6) != 0; r = r.AddMonths(3) {
				p.Reviews = append(p.Reviews, casework.Review{Date: r.AddDays(rng.IntN(10)), By: "worker"})
				p.NextReview = r.AddMonths(3)
			}
			_, err := st.Plans.Create(ctx, p)
			must(err)
		}
	}
	return pop
}

// benchScale returns the number of cases and visits per case of the
// benchmarks: 100,000 cases with 10 visits each, or 1,000,000 with 10 each
// when HOMEWARD_BENCH_SCALE=full.
func benchScale() (cases, visitsPerCase int) {
	if os.Getenv("HOMEWARD_BENCH_SCALE") == "full" {
		return 1_000_000, 10
	}
	return 100_000, 10
}

var benchData struct {
	stores casework.Stores
	visits *monitoring.MemoryVisitStore
	pop    population
}

// benchPopulation builds the benchmark population once per process.
func benchPopulation(b *testing.B) (casework.Stores, *monitoring.MemoryVisitStore, population) {
	b.Helper()
	if benchData.visits == nil {
		n, per := benchScale()
		start := time.Now()
		st, visits := casework.NewMemoryStores(), monitoring.NewMemoryVisitStore()
		pop := populate(b, rand.New(rand.NewPCG(1, 2)), st, visits, n, per)
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.Logf("population: %d cases, %d visits, %d assessments in %s; heap %d MiB",
			pop.cases, pop.visits, pop.assessments, time.Since(start).Round(time.Millisecond), ms.HeapAlloc>>20)
		benchData.stores, benchData.visits, benchData.pop = st, visits, pop
	}
	return benchData.stores, benchData.visits, benchData.pop
}

// BenchmarkIndicatorsYear computes every indicator for a year over the
// whole generated population (four organisations).
func BenchmarkIndicatorsYear(b *testing.B) {
	st, visits, pop := benchPopulation(b)
	src := monitoring.Sources{Cases: st.Cases, Assessments: st.Assessments, Plans: st.Plans, Visits: visits}
	p := monitoring.Period{From: homeward.MustParseDate("2025-07-01"), To: homeward.MustParseDate("2026-06-30")}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		inds, err := monitoring.ComputeIndicators(ctx, src, pop.orgs, p, 0)
		if err != nil {
			b.Fatal(err)
		}
		if !inds[0].HasValue {
			b.Fatal("no visits counted")
		}
	}
	b.ReportMetric(float64(pop.cases), "cases")
	b.ReportMetric(float64(pop.visits), "visits")
}

// countingDiscard is io.Discard that counts the bytes written.
type countingDiscard struct{ n int64 }

func (w *countingDiscard) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// heapSampler is io.Discard that, every `every` writes (of the exporter's
// 64 KiB buffer), collects garbage and records the live heap: what the
// export holds on to, as opposed to what it has already let go.
type heapSampler struct {
	every, writes int
	base, peak    uint64
}

func (w *heapSampler) Write(p []byte) (int, error) {
	if w.writes++; w.writes%w.every == 0 {
		w.peak = max(w.peak, liveHeap())
	}
	return len(p), nil
}

func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkExportVisitsCSV writes the visits dataset of the whole generated
// population to a discarding writer. It reports rows/s, bytes allocated
// per row (garbage, collected as the export goes) and, from one more export
// after the timed ones, live-growth-KiB: the largest live heap seen at four
// points of the export minus the live heap before it. That stays at a few
// dozen KiB (the 64 KiB buffer, the CSV writer, the cache of formatted
// dates) whatever the number of rows.
func BenchmarkExportVisitsCSV(b *testing.B) {
	_, visits, pop := benchPopulation(b)
	ctx := context.Background()
	o := monitoring.ExportOptions{Key: []byte("benchmark key"), AsOf: homeward.MustParseDate("2026-06-30")}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	w := &countingDiscard{}
	var rows int64
	for b.Loop() {
		n, err := monitoring.WriteVisitsCSV(ctx, w, visits, o)
		if err != nil {
			b.Fatal(err)
		}
		rows += n
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if rows/int64(b.N) != int64(pop.visits) {
		b.Fatalf("%d rows, want %d", rows/int64(b.N), pop.visits)
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(rows), "B/row")
	b.ReportMetric(float64(w.n)/float64(rows), "csv-B/row")

	chunks := int(w.n/int64(b.N)) >> 16
	hs := &heapSampler{every: max(1, chunks/4), base: liveHeap()}
	if _, err := monitoring.WriteVisitsCSV(ctx, hs, visits, o); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(int64(hs.peak)-int64(hs.base))/1024, "live-growth-KiB")
}
