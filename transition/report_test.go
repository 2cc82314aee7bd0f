package transition

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
)

func reportText3(en, nl, es string) Text { return Text{"en": en, "nl": nl, "es": es} }

// reportChecklist has a capped area (a critical item in progress in an
// otherwise met area), a weighted area with an unanswered item, and an area
// whose only item is not applicable.
func reportChecklist() *Checklist {
	return &Checklist{
		ID: "rt", Version: "2", DefaultLanguage: "en",
		Title: reportText3("Test checklist", "Testchecklist", "Lista de prueba"),
		Areas: []Area{
			{ID: "partner", Title: reportText3("Local partner", "Lokale partner", "Contraparte local"), Items: []Item{
				{ID: "p1", Text: reportText3("Partner backs the move", "Partner steunt de overgang", "La contraparte apoya el cambio"), Critical: true},
				{ID: "p2", Text: reportText3("Partner has capacity", "Partner heeft capaciteit", "La contraparte tiene capacidad")},
				{ID: "p3", Text: reportText3("Partner is independent", "Partner is onafhankelijk", "La contraparte es independiente")},
				{ID: "p4", Text: reportText3("Partner leads", "Partner leidt", "La contraparte lidera")},
			}},
			{ID: "team", Title: reportText3("Care team", "Zorgteam", "Equipo de atención"), Weight: decimal.NewFromInt(2), Items: []Item{
				{ID: "t1", Text: reportText3("Social workers", "Maatschappelijk werkers", "Trabajadores sociales"), Weight: decimal.NewFromInt(2)},
				{ID: "t2", Text: reportText3("Training", "Training", "Formación"), Weight: decimal.RequireFromString("1.5")},
			}},
			{ID: "gov", Title: reportText3("Government", "Overheid", "Gobierno"), Items: []Item{
				{ID: "g1", Text: reportText3("Agencies involved", "Instanties betrokken", "Organismos implicados")},
			}},
		},
	}
}

func reportAssessment(id, date string, kv ...string) *Assessment {
	a := &Assessment{ID: AssessmentID(id), Org: "org-7", Checklist: "rt", ChecklistVersion: "2", Date: homeward.MustParseDate(date), Answers: map[string]Answer{}}
	for i := 0; i+1 < len(kv); i += 2 {
		a.Answers[kv[i]] = Answer{Status: Status(kv[i+1]), Evidence: "EVIDENCE-" + kv[i], Note: "NOTE-" + kv[i]}
	}
	return a
}

// reportFixture returns the checklist, an evaluated result and a progress.
//
// After: partner (0.5+3)/4 = 87.5, capped at partly ready; team (2×1 +
// 1.5×0)/3.5 = 57.142… → 57.1; gov unscored; overall (87.5 + 2×57.142…)/3 =
// 67.261… → 67.3, partly ready. Before: partner (0+2)/4 = 50.0; team
// 1.5/3.5 = 42.857… → 42.9; overall (50 + 2×42.857…)/3 = 45.238… → 45.2.
func reportFixture(t *testing.T) (*Checklist, *Result, *Progress) {
	t.Helper()
	c := reportChecklist()
	s, err := NewScorer(c)
	require.NoError(t, err)
	before := reportAssessment("a-before", "2027-03-01", "p1", "not_started", "p2", "met", "p3", "met", "p4", "not_started", "t1", "not_started", "t2", "met", "g1", "not_applicable")
	after := reportAssessment("a-after", "2027-09-01", "p1", "in_progress", "p2", "met", "p3", "met", "p4", "met", "t1", "met", "g1", "not_applicable")
	r, err := s.Evaluate(after)
	require.NoError(t, err)
	require.Equal(t, "67.3", r.Score.StringFixed(1))
	require.True(t, r.Areas[0].Capped)
	p, err := s.Compare(before, after)
	require.NoError(t, err)
	return c, r, p
}

func writeResult(t *testing.T, c *Checklist, r *Result, tag string, f Format) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, WriteResult(&b, c, r, ReportOptions{Language: language.MustParse(tag), Format: f}))
	return b.String()
}

func writeProgress(t *testing.T, c *Checklist, p *Progress, tag string, f Format) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, WriteProgress(&b, c, p, ReportOptions{Language: language.MustParse(tag), Format: f}))
	return b.String()
}

func requireContainsAll(t *testing.T, out string, want []string, msg string) {
	t.Helper()
	for _, w := range want {
		require.Contains(t, out, w, "%s: missing %q in\n%s", msg, w, out)
	}
}

func TestReportCatalogueComplete(t *testing.T) {
	require.Empty(t, reportCatalog.Missing())
	keys := map[string]bool{}
	for _, m := range reportMessages {
		require.False(t, keys[m.En], "key %q is defined twice", m.En)
		keys[m.En] = true
		require.Equal(t, strings.Count(m.En, "%"), strings.Count(m.Nl, "%"), "verbs of %q in Dutch", m.En)
		require.Equal(t, strings.Count(m.En, "%"), strings.Count(m.Es, "%"), "verbs of %q in Spanish", m.En)
	}
	// Every key the reports use is in the catalogue.
	c, r, p := reportFixture(t)
	one := &Checklist{ID: "one", Version: "1", DefaultLanguage: "en", Title: Text{"en": "One"},
		Areas: []Area{{ID: "a", Title: Text{"en": "A"}, Weight: decimal.NewFromInt(3), Items: []Item{{ID: "i", Text: Text{"en": "I"}, Weight: decimal.NewFromInt(2), Critical: true}}}}}
	s1, err := NewScorer(one)
	require.NoError(t, err)
	a1 := &Assessment{ID: "x", Checklist: "one", ChecklistVersion: "1", Date: homeward.MustParseDate("2027-01-01"), Answers: map[string]Answer{"i": {Status: StatusMet}}}
	r1, err := s1.Evaluate(a1)
	require.NoError(t, err)
	p1, err := s1.Compare(a1, a1)
	require.NoError(t, err)
	seen := map[string]bool{}
	for _, tag := range []language.Tag{language.English, language.Dutch, language.Spanish} {
		for _, cl := range []*Checklist{c, one} {
			rp, err := newReporter(cl, tag)
			require.NoError(t, err)
			rp.seen = seen
			var b bytes.Buffer
			rp.checklist(&b, false)
			rp.checklist(&b, true)
			rr, pp := r, p
			if cl == one {
				rr, pp = r1, p1
			}
			for _, f := range []Format{FormatText, FormatMarkdown} {
				rp.render(&b, rp.resultDoc(rr), f)
				rp.render(&b, rp.progressDoc(pp), f)
			}
			require.NoError(t, rp.resultHTML(&b, rr))
			require.NoError(t, rp.progressHTML(&b, pp))
		}
	}
	for k := range seen {
		require.True(t, keys[k], "key %q is used but not in the catalogue", k)
	}
	for _, l := range []Level{LevelNotReady, LevelPartlyReady, LevelReady} {
		rp, _ := newReporter(c, language.English)
		rp.seen = seen
		rp.level(l)
	}
	for _, s := range []Status{StatusMet, StatusInProgress, StatusNotStarted, StatusNotApplicable, StatusUnanswered} {
		rp, _ := newReporter(c, language.English)
		rp.seen = seen
		rp.status(s)
	}
	for k := range keys {
		require.True(t, seen[k], "catalogue key %q is never used", k)
	}
}

// reportWords are the words a result report must show in each language.
var reportWords = map[string][]string{
	"en": {"Test checklist", "Transition readiness report", "Assessment", "a-after", "Organisation", "org-7", "2027-09-01",
		"rt, version 2", "Overall score", "67.3", "Partly ready", "Complete", "no",
		"Areas", "Local partner", "87.5", "(capped by a critical item)", "Care team", "57.1", "Government", "no score",
		"Gaps", "Partner backs the move", "In progress", "critical", "Training", "Unanswered", "1.5",
		"Met", "Not started", "Not applicable"},
	"nl": {"Testchecklist", "Rapport transitiegereedheid", "Beoordeling", "a-after", "Organisatie", "org-7", "2027-09-01",
		"rt, versie 2", "Totaalscore", "67,3", "Deels gereed", "Volledig", "nee",
		"Gebieden", "Lokale partner", "87,5", "(begrensd door een kritiek punt)", "Zorgteam", "57,1", "Overheid", "geen score",
		"Hiaten", "Partner steunt de overgang", "In uitvoering", "kritiek", "Training", "Onbeantwoord", "1,5",
		"Voldaan", "Niet begonnen", "Niet van toepassing"},
	"es": {"Lista de prueba", "Informe de preparación para la transición", "Evaluación", "a-after", "Organización", "org-7", "2027-09-01",
		"rt, versión 2", "Puntuación global", "67,3", "Parcialmente listo", "Completa", "no",
		"Áreas", "Contraparte local", "87,5", "(limitado por un punto crítico)", "Equipo de atención", "57,1", "Gobierno", "sin puntuación",
		"Brechas", "La contraparte apoya el cambio", "En curso", "crítico", "Formación", "Sin respuesta", "1,5",
		"Cumplido", "No iniciado", "No aplica"},
}

// reportTags maps a caller's tag to the language of the report.
var reportTags = map[string]string{"en": "en", "en-GB": "en", "fr": "en", "und": "en", "nl": "nl", "nl-BE": "nl", "es": "es", "es-MX": "es"}

func TestWriteResultLanguagesAndFormats(t *testing.T) {
	c, r, _ := reportFixture(t)
	for tag, lang := range reportTags {
		for _, f := range []Format{FormatText, FormatMarkdown, FormatHTML, ""} {
			out := visible(writeResult(t, c, r, tag, f), f)
			requireContainsAll(t, out, reportWords[lang], fmt.Sprintf("%s %s", tag, f))
			require.NotContains(t, out, "EVIDENCE")
			require.NotContains(t, out, "NOTE-")
			require.NotContains(t, out, "%!", "bad format verb")
			require.NotContains(t, out, "\x1b", "no terminal escapes")
			if lang != "en" {
				require.NotContains(t, out, "Overall score", tag)
				require.NotContains(t, out, "67.3", tag)
			}
		}
	}
}

func TestWriteResultText(t *testing.T) {
	c, r, _ := reportFixture(t)
	out := writeResult(t, c, r, "en", FormatText)
	require.Equal(t, out, writeResult(t, c, r, "en", ""), "zero format is text")
	for _, line := range strings.Split(out, "\n") {
		require.Equal(t, strings.TrimRight(line, " "), line, "trailing spaces")
	}
	// Columns are aligned: the Score column starts at the same position in
	// the header and each area row.
	lines := strings.Split(out, "\n")
	var head int
	for i, l := range lines {
		if strings.HasPrefix(l, "Area ") {
			head = i
			break
		}
	}
	require.NotZero(t, head)
	col := strings.Index(lines[head], "Score")
	require.Equal(t, "87.5", lines[head+1][col:col+4])
	require.Equal(t, "57.1", lines[head+2][col:col+4])
	require.Contains(t, lines[head+1], "Partly ready")
	require.True(t, strings.HasSuffix(lines[head+1], "(capped by a critical item)"))
	// The gaps are listed most important first: the critical item before
	// the unanswered one.
	require.Less(t, strings.Index(out, "Partner backs the move"), strings.Index(out, "Training"))
}

func TestWriteResultMarkdown(t *testing.T) {
	c, r, _ := reportFixture(t)
	out := writeResult(t, c, r, "en", FormatMarkdown)
	requireContainsAll(t, out, []string{
		"# Test checklist\n",
		"## Areas\n",
		"| Area | Score | Level | Met | In progress | Not started | Not applicable | Unanswered |\n| --- | ---: | --- |",
		"| Local partner | 87.5 | Partly ready (capped by a critical item) | 3 | 1 | 0 | 0 | 0 |",
		"| Government | no score | – | 0 | 0 | 0 | 1 | 0 |",
		"## Gaps\n",
		"| 1 | Partner backs the move | Local partner | In progress | critical | 1 |",
		"| 2 | Training | Care team | Unanswered |  | 1.5 |",
	}, "markdown")
}

func TestWriteResultJSON(t *testing.T) {
	c, r, _ := reportFixture(t)
	want, err := r.MarshalJSON()
	require.NoError(t, err)
	for tag := range reportTags {
		require.Equal(t, string(want)+"\n", writeResult(t, c, r, tag, FormatJSON))
	}
	require.NotContains(t, string(want), "EVIDENCE")
}

var chartWords = map[string][]string{
	"en": {"Local partner", "87.5", "Care team", "57.1", "Government", "no score", "Area scores"},
	"nl": {"Lokale partner", "87,5", "Zorgteam", "57,1", "Overheid", "geen score", "Scores per gebied"},
	"es": {"Contraparte local", "87,5", "Equipo de atención", "57,1", "Gobierno", "sin puntuación", "Puntuación por área"},
}

// visible returns the text a reader sees: HTML with its character
// references decoded.
func visible(out string, f Format) string {
	if f == FormatHTML {
		return html.UnescapeString(out)
	}
	return out
}

func TestWriteResultHTML(t *testing.T) {
	c, r, _ := reportFixture(t)
	for tag, lang := range reportTags {
		out := writeResult(t, c, r, tag, FormatHTML)
		require.True(t, strings.HasPrefix(out, "<!DOCTYPE html>\n<html lang=\""+lang+"\">"), tag)
		requireSelfContained(t, out)
		svg := requireSVG(t, out)
		require.Equal(t, 4, strings.Count(svg, `class="ring"`), "grid rings at 25, 50, 75, 100")
		require.Equal(t, 3, strings.Count(svg, `class="axis"`), "one axis per area")
		require.Equal(t, 1, strings.Count(svg, `<polygon class="series after"`))
		requireContainsAll(t, svg, []string{">25<", ">50<", ">75<", ">100<"}, "ring labels")
		requireContainsAll(t, svg, chartWords[lang], "chart labels "+tag)
	}
	out := writeResult(t, c, r, "en", FormatHTML)
	requireContainsAll(t, out, []string{
		"@media print", "break-inside: avoid", "<style>",
		`<span class="level level-partly_ready">Partly ready</span> <span class="extra">(capped by a critical item)</span>`,
	}, "html")
	require.NotRegexp(t, `background(-color)?:\s*#[0-3]`, out, "no dark backgrounds")
}

// requireSelfContained checks that page loads nothing and runs nothing.
func requireSelfContained(t *testing.T, page string) {
	t.Helper()
	lower := strings.ToLower(page)
	for _, bad := range []string{"<script", "<link", "<iframe", "<img", "<object", "<embed", "@import", "url(", "javascript:", " src="} {
		require.NotContains(t, lower, bad)
	}
	require.NotRegexp(t, `NaN|\bInf\b`, page)
	refs := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+`).FindAllString(page, -1)
	for _, ref := range refs {
		require.Equal(t, "http://www.w3.org", ref, "external reference")
	}
	require.Equal(t, 1, strings.Count(page, "<svg"))
}

// requireSVG returns the page's SVG element after checking that it is
// well-formed XML.
func requireSVG(t *testing.T, page string) string {
	t.Helper()
	start, end := strings.Index(page, "<svg"), strings.Index(page, "</svg>")
	require.True(t, start >= 0 && end > start, "page has an SVG chart")
	svg := page[start : end+len("</svg>")]
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "SVG is well-formed XML:\n%s", svg)
	}
	return svg
}

func TestReportEscapesChecklistText(t *testing.T) {
	c, _, _ := reportFixture(t)
	c.Title["en"] = `Check <b>list</b> & "co"`
	c.Areas[0].Title["en"] = `<i>Partner</i>`
	c.Areas[0].Items[0].Text["en"] = `<script>alert("x")</script> | *bold* [link](x)`
	s, err := NewScorer(c)
	require.NoError(t, err)
	r, err := s.Evaluate(reportAssessment("a<1>", "2027-09-01", "p1", "in_progress"))
	require.NoError(t, err)
	p, err := s.Compare(reportAssessment("a<0>", "2027-03-01"), reportAssessment("a<1>", "2027-09-01", "p1", "in_progress"))
	require.NoError(t, err)

	for _, out := range []string{writeResult(t, c, r, "en", FormatHTML), writeProgress(t, c, p, "en", FormatHTML)} {
		require.NotContains(t, out, "<script>")
		require.NotContains(t, out, "<b>list")
		require.NotContains(t, out, "<i>Partner")
		require.NotContains(t, out, "a<1>")
		require.Contains(t, out, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;")
		require.Contains(t, out, "Check &lt;b&gt;list&lt;/b&gt; &amp; &#34;co&#34;")
		requireSelfContained(t, out)
		requireSVG(t, out)
	}
	md := writeResult(t, c, r, "en", FormatMarkdown)
	require.Contains(t, md, `| \<script\>alert("x")\</script\> \| \*bold\* \[link\](x) |`)
	require.Contains(t, md, `# Check \<b\>list\</b\> \& "co"`)
	require.Contains(t, md, `a\<1\>`)
	txt := writeResult(t, c, r, "en", FormatText)
	require.Contains(t, txt, `<script>alert("x")</script> | *bold* [link](x)`, "plain text shows text as it is")
}

func TestReportMarkdownEscaping(t *testing.T) {
	for in, want := range map[string]string{
		"plain": "plain", "- list": `\- list`, "+ list": `\+ list`, "===": `\===`, "12. item": `12\. item`, "3) item": `3\) item`,
		"2027 plan": "2027 plan", "a # b #": `a \# b \#`, "<b>*x*</b>": `\<b\>\*x\*\</b\>`, "a\nb": "a b", "x_y|z": `x\_y\|z`,
	} {
		require.Equal(t, want, md(in), in)
	}
	require.Equal(t, "#", mdCell("#"))
	require.Equal(t, `a\|b`, mdCell("a|b"))
}

func TestReportLineBreaksInTexts(t *testing.T) {
	c, _, _ := reportFixture(t)
	c.Areas[0].Items[0].Text["en"] = "first line\nsecond\tline"
	s, err := NewScorer(c)
	require.NoError(t, err)
	r, err := s.Evaluate(reportAssessment("a", "2027-09-01", "p1", "in_progress"))
	require.NoError(t, err)
	require.Contains(t, writeResult(t, c, r, "en", FormatText), "first line second line")
	require.Contains(t, writeResult(t, c, r, "en", FormatMarkdown), "| first line second line |")
}

// reportAreas returns a checklist with n areas of one item each, and a result
// with every other area met and the last area not applicable.
func reportAreas(t *testing.T, n int) (*Checklist, *Result, *Progress) {
	t.Helper()
	c := &Checklist{ID: "n", Version: "1", DefaultLanguage: "en", Title: Text{"en": "N areas"}}
	before := &Assessment{ID: "b", Checklist: "n", ChecklistVersion: "1", Date: homeward.MustParseDate("2027-01-01"), Answers: map[string]Answer{}}
	after := &Assessment{ID: "a", Checklist: "n", ChecklistVersion: "1", Date: homeward.MustParseDate("2027-07-01"), Answers: map[string]Answer{}}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("i%d", i)
		title := fmt.Sprintf("Area %d", i)
		if i == 0 {
			title = "An area with a title far too long to fit beside the chart"
		}
		c.Areas = append(c.Areas, Area{ID: fmt.Sprintf("a%d", i), Title: Text{"en": title}, Items: []Item{{ID: id, Text: Text{"en": "Item " + id}}}})
		switch {
		case i == n-1 && n > 1:
			after.Answers[id] = Answer{Status: StatusNotApplicable}
		case i%2 == 0:
			after.Answers[id] = Answer{Status: StatusMet}
			before.Answers[id] = Answer{Status: StatusInProgress}
		default:
			before.Answers[id] = Answer{Status: StatusMet}
		}
	}
	s, err := NewScorer(c)
	require.NoError(t, err)
	r, err := s.Evaluate(after)
	require.NoError(t, err)
	p, err := s.Compare(before, after)
	require.NoError(t, err)
	return c, r, p
}

func TestReportChartAreaCounts(t *testing.T) {
	for _, n := range []int{1, 2, 3, 5, 12} {
		c, r, p := reportAreas(t, n)
		for _, out := range []string{writeResult(t, c, r, "nl", FormatHTML), writeProgress(t, c, p, "es", FormatHTML)} {
			requireSelfContained(t, out)
			svg := requireSVG(t, out)
			require.NotRegexp(t, `NaN|\bInf\b`, svg, "n=%d", n)
			require.Contains(t, svg, "An area with a title far…", "long titles are shortened in the chart")
			require.Contains(t, svg, "<title>An area with a title far too long to fit beside the chart</title>")
			if n >= 3 {
				require.Equal(t, n, strings.Count(svg, `class="axis"`), "n=%d", n)
				require.NotContains(t, svg, "<rect")
			} else {
				require.Contains(t, svg, "<rect", "n=%d: bars", n)
				require.NotContains(t, svg, `class="ring"`)
			}
		}
		if n > 1 {
			require.Contains(t, requireSVG(t, writeResult(t, c, r, "nl", FormatHTML)), "geen score", "unscored area labelled")
		}
		prog := requireSVG(t, writeProgress(t, c, p, "en", FormatHTML))
		require.Contains(t, prog, "series before")
		require.Contains(t, prog, "series after")
		require.Contains(t, prog, ">Before<")
		require.Contains(t, prog, ">After<")
	}
}

func TestReportChartUnscored(t *testing.T) {
	c, _, _ := reportAreas(t, 4)
	s, err := NewScorer(c)
	require.NoError(t, err)
	a := &Assessment{ID: "x", Checklist: "n", ChecklistVersion: "1", Date: homeward.MustParseDate("2027-01-01"), Answers: map[string]Answer{}}
	for _, ar := range c.Areas {
		a.Answers[ar.Items[0].ID] = Answer{Status: StatusNotApplicable}
	}
	r, err := s.Evaluate(a)
	require.NoError(t, err)
	require.False(t, r.Scored)
	svg := requireSVG(t, writeResult(t, c, r, "en", FormatHTML))
	require.Equal(t, 4, strings.Count(svg, "no score"))
	require.Contains(t, svg, `points="360.0,240.0 360.0,240.0 360.0,240.0 360.0,240.0"`, "unscored areas at 0")
	require.Contains(t, writeResult(t, c, r, "en", FormatText), "Overall score:  no score")
}

func TestRadarGeometry(t *testing.T) {
	rp, err := newReporter(reportChecklist(), language.English)
	require.NoError(t, err)
	v := func(s string) chartValue { return chartValue{Scored: true, Score: decimal.RequireFromString(s)} }
	ch := rp.chart([]chartAxis{{Title: "A", Values: []chartValue{v("100")}}, {Title: "B", Values: []chartValue{v("50")}},
		{Title: "C", Values: []chartValue{v("0")}}, {Title: "D", Values: []chartValue{{}}}}, nil)
	require.True(t, ch.Radar)
	// Top axis at full score: R = 160 above the centre (360, 240); the right
	// axis at half: 80 to the right; C and D at the centre.
	require.Equal(t, "360.0,80.0 440.0,240.0 360.0,240.0 360.0,240.0", ch.Series[0].Points)
	require.Equal(t, "360.0,200.0 400.0,240.0 360.0,280.0 320.0,240.0", ch.Rings[0].Points, "ring at 25")
	require.Equal(t, []string{"D", "no score"}, ch.Labels[len(ch.Labels)-1].Lines)
	require.Equal(t, "end", ch.Labels[len(ch.Labels)-1].Anchor)
	require.Equal(t, "0.0", f(-0.01))
	require.Equal(t, "0.0", f(nan()))
}

func nan() float64 { z := 0.0; return z / z }

func TestWriteProgressLanguagesAndFormats(t *testing.T) {
	c, _, p := reportFixture(t)
	words := map[string][]string{
		"en": {"Transition progress report", "Before", "After", "a-before, 2027-03-01", "a-after, 2027-09-01", "45.2 → 67.3 (+22.1)",
			"Not ready → Partly ready", "Changes of score and level", "Overall", "+37.5", "+14.2", "42.9", "Level before", "Level after",
			"Improved items", "Regressed items", "Partner backs the move", "Not started", "In progress", "Training", "Met", "Unanswered", "no score"},
		"nl": {"Voortgangsrapport transitie", "Voor", "Na", "45,2 → 67,3 (+22,1)", "Niet gereed → Deels gereed",
			"Veranderingen van score en niveau", "Totaal", "+37,5", "+14,2", "Niveau voor", "Niveau na",
			"Verbeterde punten", "Achteruitgegane punten", "Partner steunt de overgang", "Niet begonnen", "In uitvoering", "Voldaan", "Onbeantwoord", "geen score"},
		"es": {"Informe de progreso de la transición", "Antes", "Después", "45,2 → 67,3 (+22,1)", "No listo → Parcialmente listo",
			"Cambios de puntuación y nivel", "Global", "+37,5", "+14,2", "Nivel antes", "Nivel después",
			"Puntos que mejoraron", "Puntos que empeoraron", "La contraparte apoya el cambio", "No iniciado", "En curso", "Cumplido", "Sin respuesta", "sin puntuación"},
	}
	for tag, lang := range reportTags {
		for _, f := range []Format{FormatText, FormatMarkdown, FormatHTML} {
			out := visible(writeProgress(t, c, p, tag, f), f)
			requireContainsAll(t, out, words[lang], fmt.Sprintf("%s %s", tag, f))
			require.NotContains(t, out, "EVIDENCE")
			require.NotContains(t, out, "%!")
		}
	}
	html := writeProgress(t, c, p, "en", FormatHTML)
	requireSelfContained(t, html)
	svg := requireSVG(t, html)
	require.Equal(t, 2, strings.Count(svg, "<polygon class=\"series"), "before and after polygons")
	require.Contains(t, svg, "50.0 → 87.5")
	md := writeProgress(t, c, p, "en", FormatMarkdown)
	require.Contains(t, md, "| Local partner | 50.0 | 87.5 | +37.5 | Partly ready | Partly ready |")
	require.Contains(t, md, "| Training | Care team | Met | Unanswered |  |")
	require.Contains(t, md, "| Partner backs the move | Local partner | Not started | In progress | critical |")
}

func TestWriteProgressEmptyLists(t *testing.T) {
	c, r, _ := reportFixture(t)
	p := &Progress{Before: r, After: r}
	for lang, want := range map[string][]string{"en": {"No item improved.", "No item regressed."}, "nl": {"Geen punt is verbeterd."}, "es": {"Ningún punto empeoró."}} {
		for _, f := range []Format{FormatText, FormatMarkdown, FormatHTML} {
			requireContainsAll(t, writeProgress(t, c, p, lang, f), want, lang)
		}
	}
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(writeProgress(t, c, p, "en", FormatJSON)), &got))
	require.Equal(t, []any{}, got["improved"])
	require.Equal(t, []any{}, got["regressed"])
}

func TestWriteProgressJSON(t *testing.T) {
	c, _, p := reportFixture(t)
	out := writeProgress(t, c, p, "nl", FormatJSON)
	require.True(t, strings.HasSuffix(out, "}\n"))
	require.Equal(t, 1, strings.Count(out, "\n"))
	require.NotContains(t, out, "EVIDENCE")
	require.NotContains(t, out, "NOTE-")
	before, err := p.Before.MarshalJSON()
	require.NoError(t, err)
	after, err := p.After.MarshalJSON()
	require.NoError(t, err)
	var got struct {
		Before, After       json.RawMessage
		Overall             map[string]any
		Areas               []map[string]any
		Improved, Regressed []map[string]any
	}
	d := json.NewDecoder(strings.NewReader(out))
	d.UseNumber()
	require.NoError(t, d.Decode(&got))
	require.JSONEq(t, string(before), string(got.Before))
	require.JSONEq(t, string(after), string(got.After))
	num := func(s string) json.Number { return json.Number(s) }
	want := map[string]any{"before": num("45.2"), "after": num("67.3"), "delta": num("22.1"), "level_before": "not_ready", "level_after": "partly_ready"}
	require.Equal(t, want, got.Overall)
	require.Equal(t, []map[string]any{
		{"id": "partner", "before": num("50.0"), "after": num("87.5"), "delta": num("37.5"), "level_before": "partly_ready", "level_after": "partly_ready"},
		{"id": "team", "before": num("42.9"), "after": num("57.1"), "delta": num("14.2"), "level_before": "not_ready", "level_after": "partly_ready"},
		{"id": "gov", "before": nil, "after": nil, "delta": nil, "level_before": nil, "level_after": nil},
	}, got.Areas)
	require.Contains(t, got.Improved, map[string]any{"item": "p1", "area": "partner", "from": "not_started", "to": "in_progress", "critical": true})
	require.Equal(t, []map[string]any{{"item": "t2", "area": "team", "from": "met", "to": "unanswered", "critical": false}}, got.Regressed)
	require.Contains(t, out, `"delta":22.1`, "scores are JSON numbers with one decimal")
	require.Contains(t, out, `"before":50.0`)
}

func TestWriteChecklist(t *testing.T) {
	c := reportChecklist()
	c.Areas[0].Items[0].Guidance = reportText3("Ask the board.", "Vraag het bestuur.", "Pregunte a la junta.")
	var b bytes.Buffer
	require.NoError(t, WriteChecklist(&b, c, ReportOptions{Format: FormatJSON, Language: language.Dutch}))
	want, err := json.MarshalIndent(*c, "", "  ")
	require.NoError(t, err)
	require.Equal(t, string(want)+"\n", b.String())
	require.Contains(t, b.String(), "\n  \"id\": \"rt\",")
	back, err := ParseChecklist(b.Bytes())
	require.NoError(t, err)
	again, err := json.Marshal(*back)
	require.NoError(t, err)
	orig, err := json.Marshal(*c)
	require.NoError(t, err)
	require.JSONEq(t, string(orig), string(again))

	words := map[string][]string{
		"en": {"Test checklist", "Transition readiness checklist", "rt, version 2", "partly ready from 50, ready from 80", "Local partner", "Partner backs the move", "(critical)", "Ask the board.", "weight 2", "weight 1.5"},
		"nl": {"Testchecklist", "Checklist transitiegereedheid", "rt, versie 2", "deels gereed vanaf 50, gereed vanaf 80", "Lokale partner", "Partner steunt de overgang", "(kritiek)", "Vraag het bestuur.", "gewicht 2", "gewicht 1,5"},
		"es": {"Lista de prueba", "Lista de verificación para la transición", "rt, versión 2", "parcialmente listo desde 50, listo desde 80", "Contraparte local", "La contraparte apoya el cambio", "(crítico)", "Pregunte a la junta.", "peso 2", "peso 1,5"},
	}
	for tag, lang := range reportTags {
		for _, f := range []Format{FormatText, FormatMarkdown} {
			b.Reset()
			require.NoError(t, WriteChecklist(&b, c, ReportOptions{Format: f, Language: language.MustParse(tag)}))
			requireContainsAll(t, b.String(), words[lang], fmt.Sprintf("%s %s", tag, f))
		}
	}
	b.Reset()
	require.NoError(t, WriteChecklist(&b, c, ReportOptions{Format: FormatText, Language: language.Spanish}))
	requireContainsAll(t, b.String(), []string{"1.1 La contraparte apoya el cambio (crítico)\n    [p1]\n    Pregunte a la junta.\n", "not_applicable (no aplica)"}, "text")
	b.Reset()
	require.NoError(t, WriteChecklist(&b, c, ReportOptions{Format: FormatMarkdown}))
	require.Contains(t, b.String(), "## 1. Local partner\n\n`partner`\n\n1. **Partner backs the move** `p1` (critical)\\\n   Ask the board.\n")
	require.Contains(t, b.String(), "## 2. Care team\n\n`team` · weight 2\n")

	b.Reset()
	err = WriteChecklist(&b, c, ReportOptions{Format: FormatHTML})
	require.ErrorIs(t, err, homeward.ErrInvalid)
	require.ErrorContains(t, err, `"html"`)
	require.Zero(t, b.Len())
}

func TestWriteChecklistStandardRoundTrip(t *testing.T) {
	c := Standard()
	var b bytes.Buffer
	require.NoError(t, WriteChecklist(&b, c, ReportOptions{Format: FormatJSON}))
	first := b.String()
	back, err := ParseChecklist(b.Bytes())
	require.NoError(t, err)
	b.Reset()
	require.NoError(t, WriteChecklist(&b, back, ReportOptions{Format: FormatJSON}))
	require.Equal(t, first, b.String())
	if diff := cmp.Diff(c.Areas, back.Areas, cmp.Comparer(func(a, b decimal.Decimal) bool { return weightOr1(a).Equal(weightOr1(b)) })); diff != "" {
		t.Fatalf("round trip (-want +got):\n%s", diff)
	}
	for _, tag := range []string{"en", "nl", "es"} {
		for _, f := range []Format{FormatText, FormatMarkdown} {
			b.Reset()
			require.NoError(t, WriteChecklist(&b, c, ReportOptions{Format: f, Language: language.MustParse(tag)}))
			for _, a := range c.Areas {
				require.Contains(t, b.String(), a.ID)
				require.Contains(t, b.String(), md(a.Title[tag]))
				for _, it := range a.Items {
					require.Contains(t, b.String(), it.ID)
				}
			}
		}
	}
}

func TestReportsStandard(t *testing.T) {
	c := Standard()
	s, err := NewScorer(c)
	require.NoError(t, err)
	mk := func(id, date string, status func(i int) Status) *Assessment {
		a := &Assessment{ID: AssessmentID(id), Org: "org-1", Checklist: c.ID, ChecklistVersion: c.Version, Date: homeward.MustParseDate(date), Answers: map[string]Answer{}}
		i := 0
		for _, ar := range c.Areas {
			for _, it := range ar.Items {
				if st := status(i); st != "" {
					a.Answers[it.ID] = Answer{Status: st, Evidence: "EVIDENCE", Note: "NOTE-"}
				}
				i++
			}
		}
		return a
	}
	statuses := []Status{StatusMet, StatusInProgress, StatusNotStarted, StatusMet, ""}
	before := mk("first", "2027-03-01", func(i int) Status { return statuses[i%len(statuses)] })
	after := mk("second", "2027-09-01", func(i int) Status { return statuses[(i+1)%len(statuses)] })
	r, err := s.Evaluate(after)
	require.NoError(t, err)
	p, err := s.Compare(before, after)
	require.NoError(t, err)
	require.Len(t, c.Areas, 5)
	for _, tag := range []string{"en", "nl-BE", "es-MX"} {
		lang := reportTags[tag]
		for _, f := range []Format{FormatText, FormatMarkdown, FormatHTML} {
			for _, raw := range []string{writeResult(t, c, r, tag, f), writeProgress(t, c, p, tag, f)} {
				out := visible(raw, f)
				require.Contains(t, out, c.Title[lang])
				for _, a := range c.Areas {
					title := a.Title[lang]
					if f == FormatMarkdown {
						title = md(title)
					}
					require.Contains(t, out, title)
				}
				require.NotContains(t, out, "EVIDENCE")
				require.NotContains(t, out, "NOTE-")
				if f == FormatHTML {
					requireSelfContained(t, raw)
					svg := requireSVG(t, raw)
					require.Equal(t, 5, strings.Count(svg, `class="axis"`))
				}
			}
		}
		for _, g := range r.Gaps {
			it, _, _ := c.Item(g.Item)
			require.Contains(t, writeResult(t, c, r, tag, FormatText), it.Text[lang])
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"text": FormatText, "markdown": FormatMarkdown, "json": FormatJSON, "html": FormatHTML, " HTML ": FormatHTML, "Markdown": FormatMarkdown} {
		got, err := ParseFormat(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got)
		require.True(t, got.Valid())
	}
	for _, in := range []string{"", "pdf", "md", "txt"} {
		_, err := ParseFormat(in)
		require.ErrorIs(t, err, homeward.ErrInvalid)
		require.ErrorContains(t, err, fmt.Sprintf("%q", in))
		require.ErrorContains(t, err, "text, markdown, json or html")
	}
	var f Format
	require.NoError(t, f.UnmarshalText([]byte("json")))
	require.Equal(t, FormatJSON, f)
	require.ErrorContains(t, f.UnmarshalText([]byte("yaml")), `"yaml"`)
	b, err := FormatHTML.MarshalText()
	require.NoError(t, err)
	require.Equal(t, "html", string(b))
	_, err = Format("pdf").MarshalText()
	require.ErrorContains(t, err, `"pdf"`)
}

func TestWriteReportRejects(t *testing.T) {
	c, r, p := reportFixture(t)
	other := reportChecklist()
	other.ID = "other"
	bad := reportChecklist()
	bad.Areas[0].Items[0].ID = "Bad ID"
	var b bytes.Buffer
	for name, err := range map[string]error{
		"format":            WriteResult(&b, c, r, ReportOptions{Format: "pdf"}),
		"nil checklist":     WriteResult(&b, nil, r, ReportOptions{}),
		"nil result":        WriteResult(&b, c, nil, ReportOptions{}),
		"other checklist":   WriteResult(&b, other, r, ReportOptions{}),
		"invalid checklist": WriteResult(&b, bad, &Result{Checklist: "rt"}, ReportOptions{}),
		"progress format":   WriteProgress(&b, c, p, ReportOptions{Format: "pdf"}),
		"nil progress":      WriteProgress(&b, c, nil, ReportOptions{}),
		"empty progress":    WriteProgress(&b, c, &Progress{}, ReportOptions{}),
		"progress other":    WriteProgress(&b, other, p, ReportOptions{Format: FormatJSON}),
		"checklist format":  WriteChecklist(&b, c, ReportOptions{Format: "pdf"}),
		"checklist nil":     WriteChecklist(&b, nil, ReportOptions{}),
		"checklist invalid": WriteChecklist(&b, bad, ReportOptions{}),
	} {
		require.ErrorIs(t, err, homeward.ErrInvalid, name)
	}
	require.Zero(t, b.Len(), "nothing is written on error")
	err := WriteResult(&b, c, r, ReportOptions{Format: "pdf"})
	require.ErrorContains(t, err, `"pdf"`)
	err = WriteResult(&b, other, r, ReportOptions{})
	require.ErrorContains(t, err, `"rt"`)
	require.ErrorContains(t, err, `"other"`)
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteReportWriterError(t *testing.T) {
	c, r, p := reportFixture(t)
	for _, f := range []Format{FormatText, FormatMarkdown, FormatJSON, FormatHTML} {
		require.ErrorContains(t, WriteResult(failingWriter{}, c, r, ReportOptions{Format: f}), "disk full")
		require.ErrorContains(t, WriteProgress(failingWriter{}, c, p, ReportOptions{Format: f}), "disk full")
	}
	require.ErrorContains(t, WriteChecklist(failingWriter{}, c, ReportOptions{}), "disk full")
}

func TestReportsConcurrent(t *testing.T) {
	c, r, p := reportFixture(t)
	want := writeResult(t, c, r, "es", FormatHTML)
	done := make(chan string)
	for i := 0; i < 8; i++ {
		go func() {
			var b bytes.Buffer
			_ = WriteResult(&b, c, r, ReportOptions{Language: language.Spanish, Format: FormatHTML})
			_ = WriteProgress(io.Discard, c, p, ReportOptions{Language: language.Dutch, Format: FormatText})
			done <- b.String()
		}()
	}
	for i := 0; i < 8; i++ {
		require.Equal(t, want, <-done)
	}
}
