package transition

import (
	"bytes"
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// htmlPage is what the page template shows. Every text in it is escaped by
// html/template.
type htmlPage struct {
	Lang     string
	Title    string
	Subtitle string
	Facts    []fact
	Chart    *chart
	Sections []section
}

func (rp *reporter) resultHTML(b *bytes.Buffer, r *Result) error {
	d := rp.resultDoc(r)
	axes := make([]chartAxis, len(r.Areas))
	for i, a := range r.Areas {
		axes[i] = chartAxis{Title: rp.areaTitle(a.ID), Values: []chartValue{{a.Scored, a.Score}}}
	}
	ch := rp.chart(axes, nil)
	return pageTemplate.Execute(b, htmlPage{
		Lang: rp.lang.String(), Title: d.Title, Subtitle: d.Subtitle, Facts: d.Facts, Chart: ch, Sections: d.Sections,
	})
}

func (rp *reporter) progressHTML(b *bytes.Buffer, p *Progress) error {
	d := rp.progressDoc(p)
	axes := make([]chartAxis, len(p.Areas))
	for i, a := range p.Areas {
		axes[i] = chartAxis{Title: rp.areaTitle(a.ID), Values: []chartValue{{a.BeforeScored, a.Before}, {a.AfterScored, a.After}}}
	}
	ch := rp.chart(axes, []string{rp.T("Before"), rp.T("After")})
	return pageTemplate.Execute(b, htmlPage{
		Lang: rp.lang.String(), Title: d.Title, Subtitle: d.Subtitle, Facts: d.Facts, Chart: ch, Sections: d.Sections,
	})
}

// chartAxis is one area of the chart with one value per series.
type chartAxis struct {
	Title  string
	Values []chartValue
}

type chartValue struct {
	Scored bool
	Score  decimal.Decimal
}

// chart is an SVG chart of area scores: a radar for three areas or more,
// horizontal bars for fewer. Coordinates are preformatted strings.
type chart struct {
	Radar   bool
	Width   int
	Height  int
	Caption string
	Desc    string
	// Radar parts.
	Rings  []chartShape
	Axes   []chartLine
	Series []chartShape
	// Bar parts.
	Grid []chartLine
	Bars []chartBar
	// Labels of axes, rings, grid lines and bars.
	Labels []chartLabel
	Legend []chartLegend
}

type chartShape struct {
	Class  string
	Points string
	Dots   []chartPoint
}

type chartPoint struct{ X, Y string }

type chartLine struct{ X1, Y1, X2, Y2 string }

type chartBar struct {
	Class      string
	X, Y, W, H string
}

type chartLabel struct {
	Class  string
	X, Y   string
	Anchor string
	Lines  []string
	Full   string // the full text when a line was shortened
}

type chartLegend struct {
	Class     string
	X1, X2, Y string
	TX, TY    string
	Name      string
}

// f formats a coordinate with one decimal; it never writes NaN or Inf.
func f(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no "-0.0"
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// fraction is a score as a fraction of 100, clamped to [0, 1]; unscored is 0.
func fraction(v chartValue) float64 {
	if !v.Scored {
		return 0
	}
	x := v.Score.InexactFloat64() / 100
	if math.IsNaN(x) || x < 0 {
		return 0
	}
	return math.Min(x, 1)
}

// shorten cuts s to at most n runes, ending in an ellipsis.
func shorten(s string, n int) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

const labelRunes = 26

// valueLabel shows the series' scores of one axis: "62.5", "40.0 → 62.5",
// "no score".
func (rp *reporter) valueLabel(vs []chartValue) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = rp.score(v.Score, v.Scored)
	}
	return strings.Join(parts, " → ")
}

// chart lays out the chart of axes; series names the series when there is
// more than one (drawn dashed, then solid, so they differ without colour).
func (rp *reporter) chart(axes []chartAxis, series []string) *chart {
	if len(axes) >= 3 {
		return rp.radar(axes, series)
	}
	return rp.bars(axes, series)
}

func seriesClass(i, n int) string {
	if n > 1 && i == 0 {
		return "series before"
	}
	return "series after"
}

func (rp *reporter) radar(axes []chartAxis, series []string) *chart {
	const (
		width      = 720
		cx, cy, R  = 360.0, 240.0, 160.0
		legendRoom = 28
	)
	height := 452
	if len(series) > 1 {
		height += legendRoom
	}
	n := len(axes)
	ch := &chart{
		Radar: true, Width: width, Height: height,
		Caption: rp.T("Area scores"), Desc: rp.T("Area scores from 0 to 100, one axis per area."),
	}
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }
	at := func(i int, r float64) (float64, float64) {
		a := angle(i)
		return cx + r*math.Cos(a), cy + r*math.Sin(a)
	}
	for _, ring := range []int{25, 50, 75, 100} {
		var pts []string
		for i := 0; i < n; i++ {
			x, y := at(i, R*float64(ring)/100)
			pts = append(pts, f(x)+","+f(y))
		}
		ch.Rings = append(ch.Rings, chartShape{Class: "ring", Points: strings.Join(pts, " ")})
		_, y := at(0, R*float64(ring)/100)
		ch.Labels = append(ch.Labels, chartLabel{Class: "tick", X: f(cx + 4), Y: f(y - 3), Anchor: "start", Lines: []string{strconv.Itoa(ring)}})
	}
	for i, ax := range axes {
		x, y := at(i, R)
		ch.Axes = append(ch.Axes, chartLine{X1: f(cx), Y1: f(cy), X2: f(x), Y2: f(y)})
		a := angle(i)
		cos, sin := math.Cos(a), math.Sin(a)
		lx, ly := at(i, R+16)
		anchor := "middle"
		switch {
		case cos > 0.2:
			anchor = "start"
		case cos < -0.2:
			anchor = "end"
		}
		// Two lines (title, scores): above the point at the top, below it at
		// the bottom, centred on it at the sides.
		switch {
		case sin < -0.5:
			ly -= 18
		case sin > 0.5:
			ly += 10
		default:
			ly -= 4
		}
		title := shorten(ax.Title, labelRunes)
		lbl := chartLabel{Class: "axis-label", X: f(lx), Y: f(ly), Anchor: anchor, Lines: []string{title, rp.valueLabel(ax.Values)}}
		if title != oneLine(ax.Title) {
			lbl.Full = ax.Title
		}
		ch.Labels = append(ch.Labels, lbl)
	}
	nSeries := max(len(series), 1)
	for s := 0; s < nSeries; s++ {
		shape := chartShape{Class: seriesClass(s, nSeries)}
		var pts []string
		for i, ax := range axes {
			var v chartValue
			if s < len(ax.Values) {
				v = ax.Values[s]
			}
			x, y := at(i, R*fraction(v))
			pts = append(pts, f(x)+","+f(y))
			shape.Dots = append(shape.Dots, chartPoint{X: f(x), Y: f(y)})
		}
		shape.Points = strings.Join(pts, " ")
		ch.Series = append(ch.Series, shape)
	}
	rp.legend(ch, series, float64(height-16))
	return ch
}

func (rp *reporter) bars(axes []chartAxis, series []string) *chart {
	const (
		width    = 720
		x0, span = 240.0, 400.0
		top      = 16.0
		barH     = 22.0
		gap      = 6.0
	)
	nSeries := max(len(series), 1)
	groupH := float64(nSeries)*(barH+gap) + 18
	bottom := top + float64(len(axes))*groupH
	height := int(bottom) + 40
	if len(series) > 1 {
		height += 24
	}
	ch := &chart{
		Width: width, Height: height,
		Caption: rp.T("Area scores"), Desc: rp.T("Area scores from 0 to 100, one bar per area."),
	}
	for _, g := range []int{0, 25, 50, 75, 100} {
		x := x0 + span*float64(g)/100
		ch.Grid = append(ch.Grid, chartLine{X1: f(x), Y1: f(top - 4), X2: f(x), Y2: f(bottom)})
		ch.Labels = append(ch.Labels, chartLabel{Class: "tick", X: f(x), Y: f(bottom + 16), Anchor: "middle", Lines: []string{strconv.Itoa(g)}})
	}
	for i, ax := range axes {
		gy := top + float64(i)*groupH
		title := shorten(ax.Title, labelRunes)
		lbl := chartLabel{Class: "axis-label", X: f(x0 - 10), Y: f(gy + barH*0.7), Anchor: "end", Lines: []string{title}}
		if title != oneLine(ax.Title) {
			lbl.Full = ax.Title
		}
		ch.Labels = append(ch.Labels, lbl)
		for s := 0; s < nSeries; s++ {
			var v chartValue
			if s < len(ax.Values) {
				v = ax.Values[s]
			}
			y := gy + float64(s)*(barH+gap)
			w := span * fraction(v)
			ch.Bars = append(ch.Bars, chartBar{Class: seriesClass(s, nSeries), X: f(x0), Y: f(y), W: f(w), H: f(barH)})
			ch.Labels = append(ch.Labels, chartLabel{Class: "value", X: f(x0 + w + 6), Y: f(y + barH*0.7), Anchor: "start", Lines: []string{rp.score(v.Score, v.Scored)}})
		}
	}
	rp.legend(ch, series, float64(height-12))
	return ch
}

// legend names the series, drawn as dashed and solid line samples.
func (rp *reporter) legend(ch *chart, series []string, y float64) {
	if len(series) < 2 {
		return
	}
	x := 24.0
	for i, name := range series {
		ch.Legend = append(ch.Legend, chartLegend{
			Class: seriesClass(i, len(series)), X1: f(x), X2: f(x + 32), Y: f(y - 4), TX: f(x + 40), TY: f(y), Name: name,
		})
		x += 48 + 8*float64(utf8.RuneCountInString(name))
	}
	ch.Desc += " " + rp.T("Dashed: before; solid: after.")
}

var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

const pageHTML = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} – {{.Subtitle}}</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1b1b1b; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { font-size: 1.7em; margin: 0 0 2px; line-height: 1.2; }
h2 { font-size: 1.2em; margin: 28px 0 8px; border-bottom: 1px solid #ccc; padding-bottom: 2px; }
.subtitle { margin: 0 0 16px; color: #444; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 8px; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; page-break-inside: avoid; break-inside: avoid; }
th, td { border: 1px solid #bdbdbd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.strong { font-weight: 700; }
.level { display: inline-block; padding: 0 6px; border: 1px solid; border-radius: 3px; white-space: nowrap; }
.level-ready { background: #e4f3e7; border-color: #3d8b4f; }
.level-partly_ready { background: #fdf3d6; border-color: #b58712; }
.level-not_ready { background: #fbe4e1; border-color: #b6453a; }
.extra { font-size: 0.88em; color: #444; }
.note { font-size: 0.9em; color: #444; }
figure { margin: 8px 0; page-break-inside: avoid; break-inside: avoid; }
figcaption { font-size: 0.9em; color: #444; }
svg { display: block; width: 100%; max-width: 720px; height: auto; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 13px; fill: #1b1b1b; }
svg .tick { font-size: 11px; fill: #555; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .axis-label tspan.v, svg .value { font-size: 12px; fill: #333; }
svg .ring, svg .grid { fill: none; stroke: #c8c8c8; stroke-width: 1; }
svg .axis { stroke: #9e9e9e; stroke-width: 1; }
svg .series { stroke-width: 2.5; stroke-linejoin: round; }
svg .after { fill: rgba(31, 94, 168, 0.18); stroke: #1f5ea8; }
svg .before { fill: none; stroke: #555; stroke-dasharray: 6 4; }
svg circle.after { fill: #1f5ea8; }
svg circle.before { fill: #fff; stroke-dasharray: none; stroke-width: 2; }
svg line.legend { stroke-width: 3; }
@page { margin: 15mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { page-break-after: avoid; break-after: avoid; }
  table, figure, dl.facts, tr { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  th, .level, svg .after { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
</head>
<body>
<main>
<header>
<h1>{{.Title}}</h1>
<p class="subtitle">{{.Subtitle}}</p>
<dl class="facts">
{{- range .Facts}}
<dt>{{.Label}}</dt><dd>{{.Value}}</dd>
{{- end}}
</dl>
</header>
{{with .Chart}}
<section>
<h2>{{.Caption}}</h2>
<figure>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}" role="img" aria-labelledby="chart-title chart-desc">
<title id="chart-title">{{.Caption}}</title>
<desc id="chart-desc">{{.Desc}}</desc>
{{- range .Rings}}
<polygon class="{{.Class}}" points="{{.Points}}"/>
{{- end}}
{{- range .Axes}}
<line class="axis" x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"/>
{{- end}}
{{- range .Grid}}
<line class="grid" x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"/>
{{- end}}
{{- range .Series}}
<polygon class="{{.Class}}" points="{{.Points}}"/>
{{- $class := .Class}}
{{- range .Dots}}
<circle class="{{$class}}" cx="{{.X}}" cy="{{.Y}}" r="3.5"/>
{{- end}}
{{- end}}
{{- range .Bars}}
<rect class="{{.Class}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}"/>
{{- end}}
{{- range .Labels}}
<text class="{{.Class}}" x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">
{{- if .Full}}<title>{{.Full}}</title>{{end}}
{{- $x := .X}}
{{- range $i, $line := .Lines}}
{{- if $i}}<tspan class="v" x="{{$x}}" dy="16">{{$line}}</tspan>{{else}}<tspan>{{$line}}</tspan>{{end}}
{{- end -}}
</text>
{{- end}}
{{- range .Legend}}
<line class="{{.Class}} legend" x1="{{.X1}}" y1="{{.Y}}" x2="{{.X2}}" y2="{{.Y}}"/>
<text x="{{.TX}}" y="{{.TY}}">{{.Name}}</text>
{{- end}}
</svg>
<figcaption>{{.Desc}}</figcaption>
</figure>
</section>
{{- end}}
{{range .Sections}}
<section>
<h2>{{.Heading}}</h2>
{{- with .Table}}
<table>
<thead><tr>
{{- range .Cols}}<th{{if .Num}} class="num"{{end}} scope="col">{{.Head}}</th>{{end -}}
</tr></thead>
<tbody>
{{- $cols := .Cols}}
{{- range .Rows}}
<tr>
{{- range $i, $c := .}}<td{{if (index $cols $i).Num}} class="num"{{end}}>
{{- if $c.Level}}<span class="level level-{{$c.Level}}">{{$c.Text}}</span>
{{- else if $c.Strong}}<span class="strong">{{$c.Text}}</span>
{{- else}}{{$c.Text}}{{end}}
{{- if $c.Extra}} <span class="extra">{{$c.Extra}}</span>{{end -}}
</td>{{end -}}
</tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>{{.Empty}}</p>
{{- end}}
{{- with .Note}}
<p class="note">{{.}}</p>
{{- end}}
</section>
{{- end}}
</main>
</body>
</html>
`
