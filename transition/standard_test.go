package transition

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

var decimalEqual = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

var standardLanguages = []string{"en", "nl", "es"}

func TestStandardValidates(t *testing.T) {
	c := Standard()
	if err := c.Validate(); err != nil {
		t.Fatalf("Standard().Validate() = %v", err)
	}
	if c.ID != "transition-readiness" || c.Version != "1" || c.DefaultLanguage != "en" {
		t.Errorf("id, version, default language = %q, %q, %q; want transition-readiness, 1, en", c.ID, c.Version, c.DefaultLanguage)
	}
	if !c.Thresholds.PartlyReady.IsZero() || !c.Thresholds.Ready.IsZero() {
		t.Errorf("thresholds = %+v; want the defaults (zero)", c.Thresholds)
	}
}

func TestStandardAreasAndItems(t *testing.T) {
	c := Standard()
	wantCounts := map[string]int{"local_partner": 6, "care_team": 4, "tailoring": 8, "government": 5, "network": 3}
	wantAreas := []string{"local_partner", "care_team", "tailoring", "government", "network"}
	var areas []string
	for _, a := range c.Areas {
		areas = append(areas, a.ID)
		if got := len(a.Items); got != wantCounts[a.ID] {
			t.Errorf("area %s has %d items; want %d", a.ID, got, wantCounts[a.ID])
		}
		if !a.Weight.IsZero() {
			t.Errorf("area %s weight = %s; want unset (1)", a.ID, a.Weight)
		}
	}
	if diff := cmp.Diff(wantAreas, areas); diff != "" {
		t.Errorf("area ids (-want +got):\n%s", diff)
	}

	seen := make(map[string]bool)
	var critical []string
	for _, a := range c.Areas {
		for _, it := range a.Items {
			if seen[it.ID] {
				t.Errorf("duplicate item id %q", it.ID)
			}
			seen[it.ID] = true
			if !strings.HasPrefix(it.ID, a.ID+".") || len(it.ID) == len(a.ID)+1 {
				t.Errorf("item id %q is not prefixed by its area id %q", it.ID, a.ID)
			}
			if !idPattern.MatchString(it.ID) || strings.ToLower(it.ID) != it.ID {
				t.Errorf("item id %q is not a lower-case id", it.ID)
			}
			if !it.Weight.IsZero() {
				t.Errorf("item %s weight = %s; want unset (1)", it.ID, it.Weight)
			}
			if it.Critical {
				critical = append(critical, it.ID)
			}
		}
	}
	wantCritical := []string{
		"care_team.professional_social_workers",
		"local_partner.backs_transition",
		"local_partner.runs_programme",
		"tailoring.follow_up_aftercare",
	}
	slices.Sort(critical)
	if diff := cmp.Diff(wantCritical, critical); diff != "" {
		t.Errorf("critical items (-want +got):\n%s", diff)
	}
	for _, id := range []string{"local_partner.backs_transition", "local_partner.runs_programme", "care_team.professional_social_workers", "tailoring.follow_up_aftercare"} {
		if _, _, ok := c.Item(id); !ok {
			t.Errorf("Item(%q) not found", id)
		}
	}
}

func TestStandardTexts(t *testing.T) {
	c := Standard()
	check := func(what string, txt Text) {
		t.Helper()
		for _, lang := range standardLanguages {
			s := txt[lang]
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: no %s text", what, lang)
			} else if s != strings.TrimSpace(s) {
				t.Errorf("%s: %s text has surrounding space: %q", what, lang, s)
			}
		}
		if len(txt) != len(standardLanguages) {
			t.Errorf("%s: languages %v; want exactly %v", what, sortedKeys(txt), standardLanguages)
		}
	}
	sentences := func(what string, txt Text) {
		t.Helper()
		for _, lang := range standardLanguages {
			if !strings.HasSuffix(txt[lang], ".") {
				t.Errorf("%s: %s text does not end with a full stop: %q", what, lang, txt[lang])
			}
		}
	}
	check("title", c.Title)
	for _, a := range c.Areas {
		check(a.ID+" title", a.Title)
		for _, it := range a.Items {
			check(it.ID+" text", it.Text)
			check(it.ID+" guidance", it.Guidance)
			sentences(it.ID+" text", it.Text)
			sentences(it.ID+" guidance", it.Guidance)
			for _, lang := range standardLanguages {
				if len(it.Guidance[lang]) <= len(it.Text[lang]) {
					t.Errorf("%s: %s guidance is not longer than the statement", it.ID, lang)
				}
			}
		}
	}
}

func TestStandardReturnsIndependentCopies(t *testing.T) {
	a, b := Standard(), Standard()
	if diff := cmp.Diff(a, b, decimalEqual); diff != "" {
		t.Fatalf("two calls differ (-first +second):\n%s", diff)
	}

	a.ID = "changed"
	a.Title["en"] = "changed"
	a.Thresholds = Thresholds{PartlyReady: decimal.NewFromInt(10), Ready: decimal.NewFromInt(20)}
	a.Areas[0].ID = "changed"
	a.Areas[0].Title["nl"] = "changed"
	a.Areas[0].Weight = decimal.NewFromInt(3)
	a.Areas[1].Items[0].Text["es"] = "changed"
	a.Areas[1].Items[0].Guidance["en"] = "changed"
	a.Areas[1].Items[0].Critical = false
	a.Areas[2].Items[1].ID = "changed"
	a.Areas[2].Items[1].Weight = decimal.NewFromInt(2)
	a.Areas[3].Items = a.Areas[3].Items[:1]
	a.Areas = append(a.Areas[:4], Area{ID: "extra"})

	if diff := cmp.Diff(Standard(), b, decimalEqual); diff != "" {
		t.Errorf("mutating one copy changed another (-fresh +second):\n%s", diff)
	}
}

func TestStandardJSONRoundTrip(t *testing.T) {
	c := Standard()
	data, err := json.Marshal(*c)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	got, err := ParseChecklist(data)
	if err != nil {
		t.Fatalf("ParseChecklist(json.Marshal(Standard())): %v", err)
	}
	// The JSON writes defaults out (weights 1, thresholds 50 and 80), so
	// the parsed checklist carries them explicitly.
	want := Standard()
	want.Thresholds = want.Thresholds.Effective()
	for ai := range want.Areas {
		want.Areas[ai].Weight = want.Areas[ai].EffectiveWeight()
		for ii := range want.Areas[ai].Items {
			want.Areas[ai].Items[ii].Weight = want.Areas[ai].Items[ii].EffectiveWeight()
		}
	}
	if diff := cmp.Diff(want, got, decimalEqual); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}

	again, err := json.Marshal(*got)
	if err != nil {
		t.Fatalf("json.Marshal of the parsed checklist: %v", err)
	}
	if string(again) != string(data) {
		t.Errorf("second marshal differs from the first:\n%s\n%s", data, again)
	}
}
