package transition_test

import (
	"math/rand/v2"
	"testing"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/transition"
)

// randomAssessments answers every item of c with a pseudo-random status
// (a tenth left unanswered), deterministically.
func randomAssessments(c *transition.Checklist, n int) []*transition.Assessment {
	rng := rand.New(rand.NewPCG(1, 2))
	statuses := []transition.Status{transition.StatusMet, transition.StatusInProgress, transition.StatusNotStarted, transition.StatusNotApplicable}
	out := make([]*transition.Assessment, n)
	for i := range out {
		a := &transition.Assessment{ID: "a", Org: "o", Checklist: c.ID, ChecklistVersion: c.Version,
			Date: homeward.MustParseDate("2027-03-01"), Answers: map[string]transition.Answer{}}
		for _, ar := range c.Areas {
			for _, it := range ar.Items {
				if rng.IntN(10) == 0 {
					continue
				}
				a.Answers[it.ID] = transition.Answer{Status: statuses[rng.IntN(len(statuses))]}
			}
		}
		out[i] = a
	}
	return out
}

// BenchmarkEvaluateStandard measures scoring one assessment of the standard
// checklist. Target: at least 200,000 assessments/s on one core (-cpu 1).
func BenchmarkEvaluateStandard(b *testing.B) {
	c := transition.Standard()
	s, err := transition.NewScorer(c)
	if err != nil {
		b.Fatal(err)
	}
	as := randomAssessments(c, 1024)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := s.Evaluate(as[i%len(as)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "assessments/s")
}
