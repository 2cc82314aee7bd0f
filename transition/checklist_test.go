package transition_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/transition"
)

func problems(t *testing.T, err error) []string {
	t.Helper()
	require.ErrorIs(t, err, homeward.ErrInvalid)
	var ve *homeward.ValidationError
	require.True(t, errors.As(err, &ve), "want a *homeward.ValidationError, got %T", err)
	var out []string
	for _, f := range ve.Fields {
		out = append(out, f.Path)
	}
	return out
}

func TestParseChecklistDefaults(t *testing.T) {
	c, err := transition.ParseChecklist([]byte(`{"id": "mini", "version": "1", "default_language": "en",
		"title": {"en": "Mini", "nl": "Mini NL"},
		"areas": [{"id": "a", "title": {"en": "A"}, "items": [{"id": "a.one", "text": {"en": "One"}}]}]}`))
	require.NoError(t, err)
	require.Equal(t, "50", c.Thresholds.Effective().PartlyReady.String())
	require.Equal(t, "80", c.Thresholds.Effective().Ready.String())
	require.Equal(t, "1", c.Areas[0].EffectiveWeight().String())
	require.Equal(t, "1", c.Areas[0].Items[0].EffectiveWeight().String())
	require.False(t, c.Areas[0].Items[0].Critical)
	require.Equal(t, "50", transition.Thresholds{Ready: decimal.NewFromInt(90)}.Effective().PartlyReady.String(), "each threshold defaults on its own")
	require.Empty(t, c.Areas[0].Items[0].Guidance)
	require.Equal(t, "Mini NL", c.TitleIn(language.MustParse("nl-BE")))
	require.Equal(t, "Mini", c.TitleIn(language.Spanish))
}

func TestParseChecklistReportsEveryProblem(t *testing.T) {
	_, err := transition.ParseChecklist([]byte(`{
		"id": "Bad Id", "version": "", "default_language": "en", "title": {"nl": "Geen Engels"},
		"thresholds": {"partly_ready": 90, "ready": 80},
		"colour": "blue",
		"areas": [
			{"id": "a", "title": {"en": "A"}, "weight": 0, "items": [
				{"id": "x", "text": {"en": "X"}, "weight": -2},
				{"id": "x", "text": {"nl": "X"}, "critical": "yes"}
			]},
			{"id": "a", "title": {"en": "A again"}, "items": []},
			{"id": "b", "title": {"en": "B"}, "items": [{"id": "y", "text": {"en": "Y"}, "wieght": 2}]}
		]}`))
	require.ElementsMatch(t, []string{
		"id", "version", "title.en", "thresholds", "colour",
		"areas[0].weight", "areas[0].items[0].weight",
		"areas[0].items[1].id", "areas[0].items[1].text.en", "areas[0].items[1].critical",
		"areas[1].id", "areas[1].items",
		"areas[2].items[0].wieght",
	}, problems(t, err))
}

func TestParseChecklistRejects(t *testing.T) {
	for name, tc := range map[string]struct{ in, path string }{
		"not json":             {`{"id":`, ""},
		"not an object":        {`[1, 2]`, ""},
		"trailing data":        {`{} {}`, ""},
		"weight string":        {`{"id":"a","version":"1","default_language":"en","title":{"en":"T"},"areas":[{"id":"a","title":{"en":"A"},"weight":"1","items":[{"id":"i","text":{"en":"I"}}]}]}`, "areas[0].weight"},
		"bad language":         {`{"id":"a","version":"1","default_language":"english!","title":{"en":"T"},"areas":[{"id":"a","title":{"en":"A"},"items":[{"id":"i","text":{"en":"I"}}]}]}`, "default_language"},
		"ready above 100":      {`{"id":"a","version":"1","default_language":"en","title":{"en":"T"},"thresholds":{"ready":101},"areas":[{"id":"a","title":{"en":"A"},"items":[{"id":"i","text":{"en":"I"}}]}]}`, "thresholds"},
		"partly ready zero":    {`{"id":"a","version":"1","default_language":"en","title":{"en":"T"},"thresholds":{"partly_ready":0},"areas":[{"id":"a","title":{"en":"A"},"items":[{"id":"i","text":{"en":"I"}}]}]}`, "thresholds.partly_ready"},
		"only ready, below 50": {`{"id":"a","version":"1","default_language":"en","title":{"en":"T"},"thresholds":{"ready":40},"areas":[{"id":"a","title":{"en":"A"},"items":[{"id":"i","text":{"en":"I"}}]}]}`, "thresholds"},
		"no areas":             {`{"id":"a","version":"1","default_language":"en","title":{"en":"T"},"areas":[]}`, "areas"},
		"text not string":      {`{"id":"a","version":"1","default_language":"en","title":{"en":7},"areas":[{"id":"a","title":{"en":"A"},"items":[{"id":"i","text":{"en":"I"}}]}]}`, "title.en"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := transition.ParseChecklist([]byte(tc.in))
			require.Contains(t, problems(t, err), tc.path)
		})
	}
}

func TestChecklistJSONRoundTrip(t *testing.T) {
	c := checklist(area("a", "2", item("a1", "1.5", true)), area("b", "", item("b1", "", false)))
	c.Areas[0].Items[0].Guidance = transition.Text{"en": "Look for minutes.", "es": "Buscar actas."}
	data, err := json.Marshal(c)
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"t","version":"1","default_language":"en","title":{"en":"Test"},
		"thresholds":{"partly_ready":50,"ready":80},
		"areas":[{"id":"a","title":{"en":"a"},"weight":2,"items":[{"id":"a1","text":{"en":"a1"},"guidance":{"en":"Look for minutes.","es":"Buscar actas."},"weight":1.5,"critical":true}]},
		         {"id":"b","title":{"en":"b"},"weight":1,"items":[{"id":"b1","text":{"en":"b1"},"weight":1,"critical":false}]}]}`, string(data))
	var back transition.Checklist
	require.NoError(t, json.Unmarshal(data, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	require.JSONEq(t, string(data), string(again))
}

func TestValidateGoChecklist(t *testing.T) {
	c := checklist(area("a", "", item("a1", "", false)))
	require.NoError(t, c.Validate())
	c.Areas = append(c.Areas, area("b", "-1"), area("c", "", item("a1", "", false)))
	c.Areas[0].Items[0].Text = transition.Text{"nl": "alleen Nederlands"}
	require.ElementsMatch(t, []string{"areas[1].weight", "areas[1].items", "areas[2].items[0].id", "areas[0].items[0].text.en"}, problems(t, c.Validate()))
}

func TestTextIn(t *testing.T) {
	tx := transition.Text{"en": "Hello", "nl": "Hallo", "es": "Hola"}
	require.Equal(t, "Hola", tx.In(language.MustParse("es-MX"), "en"))
	require.Equal(t, "Hallo", tx.In(language.MustParse("nl-BE"), "en"))
	require.Equal(t, "Hello", tx.In(language.French, "en"))
	require.Equal(t, "Hallo", transition.Text{"nl": "Hallo"}.In(language.English, "nl"))
	require.Equal(t, "", transition.Text{}.In(language.English, "en"))
}

func TestParseAssessment(t *testing.T) {
	a, err := transition.ParseAssessment([]byte(`{"id": "a1", "org": "org-1", "checklist": "transition-readiness",
		"checklist_version": "1", "date": "2027-03-01", "assessor": "R. Mwangi",
		"answers": {"local_partner.backs_transition": {"status": "met", "evidence": "minutes", "note": "ok"}}}`))
	require.NoError(t, err)
	require.Equal(t, homeward.MustParseDate("2027-03-01"), a.Date)
	require.Equal(t, transition.Answer{Status: transition.StatusMet, Evidence: "minutes", Note: "ok"}, a.Answers["local_partner.backs_transition"])

	_, err = transition.ParseAssessment([]byte(`{"id": "a1", "checklist": "", "checklist_version": "1", "date": "2027-02-30",
		"answers": {"x": {"status": "done"}, "y": {"stat": "met"}, "z": "met"}, "extra": 1}`))
	require.ElementsMatch(t, []string{"checklist", "date", "answers.x.status", "answers.y.stat", "answers.y.status", "answers.z", "extra"}, problems(t, err))
}

func TestAssessmentJSONRoundTrip(t *testing.T) {
	a := assess(checklist(area("a", "", item("a1", "", false))), "a1", "in_progress")
	a.Assessor = "Ana"
	data, err := json.Marshal(a)
	require.NoError(t, err)
	back, err := transition.ParseAssessment(data)
	require.NoError(t, err)
	require.Equal(t, *a, *back)
}
