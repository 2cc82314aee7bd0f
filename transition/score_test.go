package transition_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/transition"
)

func en(s string) transition.Text { return transition.Text{"en": s} }

func item(id string, weight string, critical bool) transition.Item {
	it := transition.Item{ID: id, Text: en(id), Critical: critical}
	if weight != "" {
		it.Weight = decimal.RequireFromString(weight)
	}
	return it
}

func area(id, weight string, items ...transition.Item) transition.Area {
	a := transition.Area{ID: id, Title: en(id), Items: items}
	if weight != "" {
		a.Weight = decimal.RequireFromString(weight)
	}
	return a
}

func checklist(areas ...transition.Area) *transition.Checklist {
	return &transition.Checklist{ID: "t", Version: "1", DefaultLanguage: "en", Title: en("Test"), Areas: areas}
}

func answers(kv ...string) map[string]transition.Answer {
	m := map[string]transition.Answer{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = transition.Answer{Status: transition.Status(kv[i+1])}
	}
	return m
}

func assess(c *transition.Checklist, kv ...string) *transition.Assessment {
	return &transition.Assessment{ID: "x", Org: "o", Checklist: c.ID, ChecklistVersion: c.Version,
		Date: homeward.MustParseDate("2027-03-01"), Answers: answers(kv...)}
}

func evaluate(t *testing.T, c *transition.Checklist, kv ...string) *transition.Result {
	t.Helper()
	s, err := transition.NewScorer(c)
	require.NoError(t, err)
	r, err := s.Evaluate(assess(c, kv...))
	require.NoError(t, err)
	return r
}

func score(r transition.AreaResult) string {
	if !r.Scored {
		return "none"
	}
	return r.Score.StringFixed(1)
}

// The worked example of the scoring rule, computed by hand:
//
//	area a (weight 2): a1 w1 met (1), a2 w2 in_progress (½), a3 w1 not_started (0)
//	  = 100 × (1 + 1 + 0) / 4 = 50.0 → partly_ready
//	area b (weight 1): b1 w1.5 met, b2 w0.5 unanswered
//	  = 100 × 1.5 / 2 = 75.0 → partly_ready
//	area c (weight 1): c1 not_applicable → no score, left out
//	overall = (2 × 50 + 1 × 75) / 3 = 58.333… → 58.3 → partly_ready
func TestScoreWorkedExample(t *testing.T) {
	c := checklist(
		area("a", "2", item("a1", "", true), item("a2", "2", false), item("a3", "1", false)),
		area("b", "", item("b1", "1.5", false), item("b2", "0.5", false)),
		area("c", "", item("c1", "", false)),
	)
	r := evaluate(t, c, "a1", "met", "a2", "in_progress", "a3", "not_started", "b1", "met", "c1", "not_applicable")
	require.True(t, r.Scored)
	require.Equal(t, "58.3", r.Score.StringFixed(1))
	require.True(t, r.Exact().GreaterThan(decimal.RequireFromString("58.3333333333")))
	require.Equal(t, transition.LevelPartlyReady, r.Level)
	require.False(t, r.Complete)

	require.Equal(t, []string{"50.0", "75.0", "none"}, []string{score(r.Areas[0]), score(r.Areas[1]), score(r.Areas[2])})
	require.Equal(t, transition.LevelPartlyReady, r.Areas[0].Level)
	require.Equal(t, 1, r.Areas[0].Met)
	require.Equal(t, 1, r.Areas[0].InProgress)
	require.Equal(t, 1, r.Areas[0].NotStarted)
	require.Equal(t, 1, r.Areas[1].Unanswered)
	require.Equal(t, 1, r.Areas[2].NotApplicable)

	var gaps []string
	for _, g := range r.Gaps {
		gaps = append(gaps, g.Item+":"+string(g.Status)+":"+g.Weight.String())
	}
	require.Equal(t, []string{"a2:in_progress:2", "a3:not_started:1", "b2:unanswered:0.5"}, gaps)
}

func TestScoreRoundsHalfAwayFromZero(t *testing.T) {
	// 1 in_progress of 8 equal items: 100 × 0.5 / 8 = 6.25 → 6.3.
	var items []transition.Item
	kv := []string{}
	for _, id := range []string{"i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8"} {
		items = append(items, item(id, "", false))
		kv = append(kv, id, "not_started")
	}
	kv[1] = "in_progress"
	r := evaluate(t, checklist(area("a", "", items...)), kv...)
	require.Equal(t, "6.25", r.Areas[0].Exact().String())
	require.Equal(t, "6.3", r.Areas[0].Score.String())
	require.Equal(t, "6.3", r.Score.String())
	require.Equal(t, transition.LevelNotReady, r.Level)
}

func TestLevelReadFromReportedScore(t *testing.T) {
	// 100 × 0.7995 / 1 = 79.95, reported as 80.0, which is ready.
	c := checklist(area("a", "", item("yes", "0.7995", false), item("no", "0.2005", false)))
	r := evaluate(t, c, "yes", "met", "no", "not_started")
	require.Equal(t, "79.95", r.Areas[0].Exact().String())
	require.Equal(t, "80", r.Areas[0].Score.String())
	require.Equal(t, transition.LevelReady, r.Areas[0].Level)
	require.Equal(t, transition.LevelReady, r.Level)
}

func TestCriticalItemCapsArea(t *testing.T) {
	// 4 met and a critical in_progress: 100 × 4.5 / 5 = 90, capped to partly_ready.
	c := checklist(area("a", "", item("c", "", true), item("i1", "", false), item("i2", "", false), item("i3", "", false), item("i4", "", false)))
	r := evaluate(t, c, "c", "in_progress", "i1", "met", "i2", "met", "i3", "met", "i4", "met")
	require.Equal(t, "90.0", r.Areas[0].Score.StringFixed(1))
	require.Equal(t, transition.LevelPartlyReady, r.Areas[0].Level)
	require.True(t, r.Areas[0].Capped)
	require.Equal(t, transition.LevelPartlyReady, r.Level, "the overall level follows the weakest area")

	// A not_applicable critical item does not cap.
	r = evaluate(t, c, "c", "not_applicable", "i1", "met", "i2", "met", "i3", "met", "i4", "met")
	require.Equal(t, transition.LevelReady, r.Areas[0].Level)
	require.False(t, r.Areas[0].Capped)

	// An unanswered critical item caps too.
	r = evaluate(t, c, "i1", "met", "i2", "met", "i3", "met", "i4", "met")
	require.Equal(t, "80.0", r.Areas[0].Score.StringFixed(1))
	require.Equal(t, transition.LevelPartlyReady, r.Areas[0].Level)
}

func TestOverallLevelIsWeakestArea(t *testing.T) {
	// Area a is 100 (weight 9), area b is 0 (weight 1): overall 90.0, but b is not ready.
	c := checklist(area("a", "9", item("a1", "", false)), area("b", "", item("b1", "", false)))
	r := evaluate(t, c, "a1", "met", "b1", "not_started")
	require.Equal(t, "90.0", r.Score.StringFixed(1))
	require.Equal(t, transition.LevelNotReady, r.Areas[1].Level)
	require.Equal(t, transition.LevelNotReady, r.Level)
	require.True(t, r.Complete)
}

func TestOverallFromUnroundedAreaScores(t *testing.T) {
	// a = 0.0; b = 100 × 0.5 / 3 = 16.666… (reported 16.7).
	// overall = (0 + 16.666…) / 2 = 8.333… → 8.3; from the rounded areas it would be 8.35 → 8.4.
	c := checklist(
		area("a", "", item("a1", "", false)),
		area("b", "", item("b1", "", false), item("b2", "", false), item("b3", "", false)),
	)
	r := evaluate(t, c, "a1", "not_started", "b1", "in_progress", "b2", "not_started", "b3", "not_started")
	require.Equal(t, "16.7", r.Areas[1].Score.String())
	require.Equal(t, "8.3", r.Score.String())
}

func TestAllNotApplicable(t *testing.T) {
	c := checklist(area("a", "", item("a1", "", false)), area("b", "", item("b1", "", false)))
	r := evaluate(t, c, "a1", "not_applicable", "b1", "not_applicable")
	require.False(t, r.Scored)
	require.False(t, r.Areas[0].Scored)
	require.Equal(t, transition.LevelNotReady, r.Level)
	require.Empty(t, r.Gaps)
	require.True(t, r.Complete)
}

func TestGapOrder(t *testing.T) {
	c := checklist(
		area("a", "", item("light", "1", false), item("heavy", "3", false), item("crit", "0.5", true), item("prog", "3", false), item("ns", "3", false)),
		area("b", "", item("un", "3", false), item("done", "3", false)),
	)
	r := evaluate(t, c, "light", "not_started", "heavy", "in_progress", "crit", "in_progress", "prog", "in_progress", "ns", "not_started", "done", "met")
	var got []string
	for _, g := range r.Gaps {
		got = append(got, g.Item)
	}
	// critical first; then weight 3 (not_started and unanswered before in_progress, then checklist order); then weight 1.
	require.Equal(t, []string{"crit", "ns", "un", "heavy", "prog", "light"}, got)
}

func TestEvaluateRejectsBadAnswers(t *testing.T) {
	c := checklist(area("a", "", item("a1", "", false)))
	s, err := transition.NewScorer(c)
	require.NoError(t, err)
	cases := map[string]struct {
		mutate func(*transition.Assessment)
		paths  []string
	}{
		"unknown item":    {func(a *transition.Assessment) { a.Answers["zz"] = transition.Answer{Status: "met"} }, []string{"answers.zz"}},
		"unknown status":  {func(a *transition.Assessment) { a.Answers["a1"] = transition.Answer{Status: "done"} }, []string{"answers.a1.status"}},
		"wrong checklist": {func(a *transition.Assessment) { a.Checklist = "other" }, []string{"checklist"}},
		"wrong version":   {func(a *transition.Assessment) { a.ChecklistVersion = "2" }, []string{"checklist_version"}},
		"no date":         {func(a *transition.Assessment) { a.Date = homeward.Date{} }, []string{"date"}},
		"several at once": {func(a *transition.Assessment) {
			a.Checklist = "other"
			a.Answers["zz"] = transition.Answer{Status: "x"}
		}, []string{"checklist", "answers.zz.status", "answers.zz"}},
		"empty status": {func(a *transition.Assessment) { a.Answers["a1"] = transition.Answer{} }, []string{"answers.a1.status"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			a := assess(c, "a1", "met")
			tc.mutate(a)
			_, err := s.Evaluate(a)
			require.ErrorIs(t, err, homeward.ErrInvalid)
			var ve *homeward.ValidationError
			require.True(t, errors.As(err, &ve))
			var paths []string
			for _, f := range ve.Fields {
				paths = append(paths, f.Path)
			}
			require.ElementsMatch(t, tc.paths, paths)
		})
	}
}

func TestCompare(t *testing.T) {
	c := checklist(
		area("a", "", item("a1", "", true), item("a2", "", false)),
		area("b", "", item("b1", "", false), item("b2", "", false)),
	)
	s, err := transition.NewScorer(c)
	require.NoError(t, err)
	before := assess(c, "a1", "not_started", "a2", "met", "b1", "in_progress", "b2", "not_applicable")
	after := assess(c, "a1", "met", "a2", "in_progress", "b1", "met", "b2", "met")
	p, err := s.Compare(before, after)
	require.NoError(t, err)
	// before: a = 50.0, b = 50.0, overall 50.0; after: a = 75.0, b = 100.0, overall 87.5.
	require.Equal(t, "50.0", p.Overall.Before.StringFixed(1))
	require.Equal(t, "87.5", p.Overall.After.StringFixed(1))
	require.Equal(t, "37.5", p.Overall.Delta.StringFixed(1))
	require.Equal(t, transition.LevelPartlyReady, p.Overall.LevelBefore)
	require.Equal(t, transition.LevelPartlyReady, p.Overall.LevelAfter)
	require.Equal(t, "25.0", p.Areas[0].Delta.StringFixed(1))
	require.Equal(t, "50.0", p.Areas[1].Delta.StringFixed(1))
	var improved, regressed []string
	for _, ic := range p.Improved {
		improved = append(improved, ic.Item+":"+string(ic.From)+">"+string(ic.To))
	}
	for _, ic := range p.Regressed {
		regressed = append(regressed, ic.Item+":"+string(ic.From)+">"+string(ic.To))
	}
	require.Equal(t, []string{"a1:not_started>met", "b1:in_progress>met"}, improved, "b2 was not applicable before: in neither list")
	require.Equal(t, []string{"a2:met>in_progress"}, regressed)

	bad := assess(c, "zz", "met")
	_, err = s.Compare(before, bad)
	require.ErrorIs(t, err, homeward.ErrInvalid)
	require.ErrorContains(t, err, "after.answers.zz")
}

func TestNewScorerRejectsInvalidChecklist(t *testing.T) {
	_, err := transition.NewScorer(checklist())
	require.ErrorIs(t, err, homeward.ErrInvalid)
	_, err = transition.NewScorer(nil)
	require.ErrorIs(t, err, homeward.ErrInvalid)
	_, err = transition.NewScorer(checklist(area("a", "", item("a1", "0.0000001", false))))
	require.ErrorContains(t, err, "areas[0].items[0].weight")
	_, err = transition.NewScorer(checklist(area("a", "", item("a1", "-1", false))))
	require.ErrorContains(t, err, "areas[0].items[0].weight")
}
