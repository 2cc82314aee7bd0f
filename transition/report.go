package transition

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/i18n"
)

// Format is the output format of a report.
type Format string

// Report formats.
const (
	// FormatText is plain text for terminals: aligned columns, no colours.
	FormatText Format = "text"
	// FormatMarkdown is Markdown with GitHub tables.
	FormatMarkdown Format = "markdown"
	// FormatJSON is the machine-readable format.
	FormatJSON Format = "json"
	// FormatHTML is one self-contained page with an SVG chart, made to be
	// printed.
	FormatHTML Format = "html"
)

// Valid reports whether f is one of the defined formats.
func (f Format) Valid() bool {
	switch f {
	case FormatText, FormatMarkdown, FormatJSON, FormatHTML:
		return true
	}
	return false
}

// ParseFormat returns the format named s ("text", "markdown", "json" or
// "html", in any case). The error names s and the accepted values.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if !f.Valid() {
		return "", homeward.Invalid("format", "unknown report format %q (want text, markdown, json or html)", s)
	}
	return f, nil
}

// MarshalText implements [encoding.TextMarshaler].
func (f Format) MarshalText() ([]byte, error) {
	if !f.Valid() {
		return nil, fmt.Errorf("unknown report format %q (want text, markdown, json or html)", string(f))
	}
	return []byte(f), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseFormat], so
// a Format can be a command-line flag (flag.TextVar).
func (f *Format) UnmarshalText(b []byte) error {
	v, err := ParseFormat(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// ReportOptions choose the language and format of a report.
type ReportOptions struct {
	// Language is the reader's language. The report's own words are in the
	// nearest supported language (English, Dutch or Spanish: es-MX gives
	// Spanish, nl-BE Dutch, anything else English); checklist texts are in
	// the nearest language the checklist has. The zero value means English.
	Language language.Tag
	// Format is the output format; the zero value means FormatText.
	Format Format
}

func (o ReportOptions) format() (Format, error) {
	if o.Format == "" {
		return FormatText, nil
	}
	if !o.Format.Valid() {
		return "", homeward.Invalid("format", "unknown report format %q (want text, markdown, json or html)", string(o.Format))
	}
	return o.Format, nil
}

// WriteResult writes the report of one evaluated assessment to w: the
// checklist's title, the assessment's id, organisation and date, the overall
// score and level, whether it is complete, per area the score, level and
// counts of answers (marking an area held back by a critical item), and the
// gaps, most important first. The HTML page adds a radar chart of the area
// scores.
//
// r must come from evaluating an assessment of c. In FormatJSON the output is
// r's JSON ([Result.MarshalJSON]) followed by a newline. Reports show only
// checklist and assessment data, and to stay short they leave out the
// evidence and notes of answers.
func WriteResult(w io.Writer, c *Checklist, r *Result, o ReportOptions) error {
	f, err := o.format()
	if err != nil {
		return err
	}
	if err := checkResult(c, r, "result"); err != nil {
		return err
	}
	var buf bytes.Buffer
	switch f {
	case FormatJSON:
		b, err := r.MarshalJSON()
		if err != nil {
			return err
		}
		buf.Write(b)
		buf.WriteByte('\n')
	case FormatHTML:
		rp, err := newReporter(c, o.Language)
		if err != nil {
			return err
		}
		if err := rp.resultHTML(&buf, r); err != nil {
			return err
		}
	default:
		rp, err := newReporter(c, o.Language)
		if err != nil {
			return err
		}
		d := rp.resultDoc(r)
		rp.render(&buf, d, f)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// WriteProgress writes the report of the change between two assessments of
// c: the overall and per-area scores and levels before and after, and the
// items that improved or regressed. The HTML page adds a radar chart with
// both assessments.
//
// In FormatJSON the output is one JSON object followed by a newline:
//
//	{"before": <result>, "after": <result>,
//	 "overall": {"before","after","delta","level_before","level_after"},
//	 "areas": [{"id","before","after","delta","level_before","level_after"}],
//	 "improved": [{"item","area","from","to","critical"}],
//	 "regressed": [{"item","area","from","to","critical"}]}
//
// where each <result> is the shape of [Result.MarshalJSON], scores and deltas
// are JSON numbers with one decimal, and an unscored side has a null score,
// delta and (for an area) level. Like [WriteResult], it leaves out the
// evidence and notes of answers.
func WriteProgress(w io.Writer, c *Checklist, p *Progress, o ReportOptions) error {
	f, err := o.format()
	if err != nil {
		return err
	}
	if p == nil {
		return homeward.Invalid("progress", "is required")
	}
	if err := checkResult(c, p.Before, "progress.before"); err != nil {
		return err
	}
	if err := checkResult(c, p.After, "progress.after"); err != nil {
		return err
	}
	var buf bytes.Buffer
	switch f {
	case FormatJSON:
		b, err := progressJSON(p)
		if err != nil {
			return err
		}
		buf.Write(b)
		buf.WriteByte('\n')
	case FormatHTML:
		rp, err := newReporter(c, o.Language)
		if err != nil {
			return err
		}
		if err := rp.progressHTML(&buf, p); err != nil {
			return err
		}
	default:
		rp, err := newReporter(c, o.Language)
		if err != nil {
			return err
		}
		d := rp.progressDoc(p)
		rp.render(&buf, d, f)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// WriteChecklist writes the checklist itself: its areas and items with their
// ids (which answers refer to), critical flags, weights and guidance. In
// FormatJSON the output is the definition format that [ParseChecklist] reads
// (json.Marshal of *c, indented by two spaces), so a custom checklist can
// start from another one. FormatHTML is not supported for checklists.
func WriteChecklist(w io.Writer, c *Checklist, o ReportOptions) error {
	f, err := o.format()
	if err != nil {
		return err
	}
	if c == nil {
		return homeward.Invalid("checklist", "is required")
	}
	var buf bytes.Buffer
	switch f {
	case FormatJSON:
		b, err := json.MarshalIndent(*c, "", "  ")
		if err != nil {
			return err
		}
		buf.Write(b)
		buf.WriteByte('\n')
	case FormatText, FormatMarkdown:
		rp, err := newReporter(c, o.Language)
		if err != nil {
			return err
		}
		rp.checklist(&buf, f == FormatMarkdown)
	default:
		return homeward.Invalid("format", "report format %q is not supported for checklists (want text, markdown or json)", string(f))
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// checkResult checks that r can be reported with c.
func checkResult(c *Checklist, r *Result, path string) error {
	if c == nil {
		return homeward.Invalid("checklist", "is required")
	}
	if r == nil {
		return homeward.Invalid(path, "is required")
	}
	if r.Checklist != c.ID || (r.ChecklistVersion != "" && r.ChecklistVersion != c.Version) {
		return homeward.Invalid(path, "is a result of checklist %q version %q, not of checklist %q version %q",
			r.Checklist, r.ChecklistVersion, c.ID, c.Version)
	}
	return nil
}

// reporter renders reports of one checklist in one language.
type reporter struct {
	c       *Checklist
	lang    language.Tag // the matched report language
	textTag language.Tag // the caller's language, for checklist texts
	p       *message.Printer
	decSep  string
	areas   map[string]*Area
	items   map[string]*Item
	// seen, when not nil, records every catalogue key used (for tests).
	seen map[string]bool
}

func newReporter(c *Checklist, tag language.Tag) (*reporter, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if tag == language.Und {
		tag = language.English
	}
	lang := i18n.Match(tag)
	rp := &reporter{
		c: c, lang: lang, textTag: tag, p: reportCatalog.Printer(lang), decSep: ".",
		areas: make(map[string]*Area), items: make(map[string]*Item),
	}
	if lang != language.English {
		rp.decSep = ","
	}
	for ai := range c.Areas {
		a := &c.Areas[ai]
		rp.areas[a.ID] = a
		for ii := range a.Items {
			rp.items[a.Items[ii].ID] = &a.Items[ii]
		}
	}
	return rp, nil
}

// T translates one of the catalogue's keys. Extra arguments fill the key's
// verbs.
func (rp *reporter) T(key string, args ...any) string {
	if rp.seen != nil {
		rp.seen[key] = true
	}
	return rp.p.Sprintf(key, args...)
}

func (rp *reporter) title() string {
	if s := rp.c.Title.In(rp.textTag, rp.c.DefaultLanguage); s != "" {
		return s
	}
	return rp.c.ID
}

func (rp *reporter) areaTitle(id string) string {
	if a := rp.areas[id]; a != nil {
		if s := a.Title.In(rp.textTag, rp.c.DefaultLanguage); s != "" {
			return s
		}
	}
	return id
}

func (rp *reporter) itemText(id string) string {
	if it := rp.items[id]; it != nil {
		if s := it.Text.In(rp.textTag, rp.c.DefaultLanguage); s != "" {
			return s
		}
	}
	return id
}

// num formats a decimal with the report language's decimal separator.
func (rp *reporter) num(s string) string {
	if rp.decSep == "." {
		return s
	}
	return strings.Replace(s, ".", rp.decSep, 1)
}

// score formats a reported score with one decimal, or "no score".
func (rp *reporter) score(d decimal.Decimal, scored bool) string {
	if !scored {
		return rp.T("no score")
	}
	return rp.num(d.StringFixed(1))
}

// delta formats a change of score with its sign, or a dash.
func (rp *reporter) delta(ch Change) string {
	if !ch.HasDelta {
		return "–"
	}
	s := rp.num(ch.Delta.StringFixed(1))
	if ch.Delta.IsPositive() {
		s = "+" + s
	}
	return s
}

func (rp *reporter) weight(d decimal.Decimal) string { return rp.num(weightOr1(d).String()) }

func (rp *reporter) level(l Level) string {
	switch l {
	case LevelNotReady:
		return rp.T("Not ready")
	case LevelPartlyReady:
		return rp.T("Partly ready")
	case LevelReady:
		return rp.T("Ready")
	}
	return "–"
}

func (rp *reporter) status(s Status) string {
	switch s {
	case StatusMet:
		return rp.T("Met")
	case StatusInProgress:
		return rp.T("In progress")
	case StatusNotStarted:
		return rp.T("Not started")
	case StatusNotApplicable:
		return rp.T("Not applicable")
	case StatusUnanswered:
		return rp.T("Unanswered")
	}
	return string(s)
}

func (rp *reporter) yesNo(b bool) string {
	if b {
		return rp.T("yes")
	}
	return rp.T("no")
}

// thresholdNote explains how scores become levels.
func (rp *reporter) thresholdNote() string {
	th := rp.c.Thresholds.Effective()
	return rp.T("Scores are out of 100, rounded to one decimal. Partly ready from %s, ready from %s; an area with a critical item that is not met is at most partly ready; the overall level is the lowest of the overall score's level and every area's level.",
		rp.num(th.PartlyReady.String()), rp.num(th.Ready.String()))
}

// reportCatalog holds every fixed word of the reports, keyed by its English
// text.
var reportCatalog = i18n.New(reportMessages)

var reportMessages = []i18n.Texts{
	// Titles and facts.
	{En: "Transition readiness report", Nl: "Rapport transitiegereedheid", Es: "Informe de preparación para la transición"},
	{En: "Transition progress report", Nl: "Voortgangsrapport transitie", Es: "Informe de progreso de la transición"},
	{En: "Transition readiness checklist", Nl: "Checklist transitiegereedheid", Es: "Lista de verificación para la transición"},
	{En: "Assessment", Nl: "Beoordeling", Es: "Evaluación"},
	{En: "Organisation", Nl: "Organisatie", Es: "Organización"},
	{En: "Date", Nl: "Datum", Es: "Fecha"},
	{En: "Checklist", Nl: "Checklist", Es: "Lista de verificación"},
	{En: "%s, version %s", Nl: "%s, versie %s", Es: "%s, versión %s"},
	{En: "Overall score", Nl: "Totaalscore", Es: "Puntuación global"},
	{En: "Overall level", Nl: "Totaalniveau", Es: "Nivel global"},
	{En: "Overall", Nl: "Totaal", Es: "Global"},
	{En: "Complete", Nl: "Volledig", Es: "Completa"},
	{En: "yes", Nl: "ja", Es: "sí"},
	{En: "no", Nl: "nee", Es: "no"},
	// Tables.
	{En: "Areas", Nl: "Gebieden", Es: "Áreas"},
	{En: "Area", Nl: "Gebied", Es: "Área"},
	{En: "Score", Nl: "Score", Es: "Puntuación"},
	{En: "Level", Nl: "Niveau", Es: "Nivel"},
	{En: "no score", Nl: "geen score", Es: "sin puntuación"},
	{En: "(capped by a critical item)", Nl: "(begrensd door een kritiek punt)", Es: "(limitado por un punto crítico)"},
	{En: "Gaps", Nl: "Hiaten", Es: "Brechas"},
	{En: "No gaps: every applicable item is met.", Nl: "Geen hiaten: aan elk van toepassing zijnd punt is voldaan.", Es: "Sin brechas: se cumplen todos los puntos aplicables."},
	{En: "Item", Nl: "Punt", Es: "Punto"},
	{En: "Status", Nl: "Status", Es: "Estado"},
	{En: "Critical", Nl: "Kritiek", Es: "Crítico"},
	{En: "Weight", Nl: "Gewicht", Es: "Peso"},
	{En: "Scores are out of 100, rounded to one decimal. Partly ready from %s, ready from %s; an area with a critical item that is not met is at most partly ready; the overall level is the lowest of the overall score's level and every area's level.",
		Nl: "Scores zijn op 100, afgerond op één decimaal. Deels gereed vanaf %s, gereed vanaf %s; een gebied met een kritiek punt waaraan niet is voldaan, is hoogstens deels gereed; het totaalniveau is het laagste van het niveau van de totaalscore en dat van elk gebied.",
		Es: "Las puntuaciones son sobre 100, redondeadas a un decimal. Parcialmente listo desde %s, listo desde %s; un área con un punto crítico no cumplido está como mucho parcialmente lista; el nivel global es el más bajo entre el nivel de la puntuación global y el de cada área."},
	// Levels.
	{En: "Not ready", Nl: "Niet gereed", Es: "No listo"},
	{En: "Partly ready", Nl: "Deels gereed", Es: "Parcialmente listo"},
	{En: "Ready", Nl: "Gereed", Es: "Listo"},
	// Statuses.
	{En: "Met", Nl: "Voldaan", Es: "Cumplido"},
	{En: "In progress", Nl: "In uitvoering", Es: "En curso"},
	{En: "Not started", Nl: "Niet begonnen", Es: "No iniciado"},
	{En: "Not applicable", Nl: "Niet van toepassing", Es: "No aplica"},
	{En: "Unanswered", Nl: "Onbeantwoord", Es: "Sin respuesta"},
	// Progress.
	{En: "Before", Nl: "Voor", Es: "Antes"},
	{En: "After", Nl: "Na", Es: "Después"},
	{En: "Change", Nl: "Verandering", Es: "Cambio"},
	{En: "Level before", Nl: "Niveau voor", Es: "Nivel antes"},
	{En: "Level after", Nl: "Niveau na", Es: "Nivel después"},
	{En: "From", Nl: "Van", Es: "De"},
	{En: "To", Nl: "Naar", Es: "A"},
	{En: "Improved items", Nl: "Verbeterde punten", Es: "Puntos que mejoraron"},
	{En: "Regressed items", Nl: "Achteruitgegane punten", Es: "Puntos que empeoraron"},
	{En: "No item improved.", Nl: "Geen punt is verbeterd.", Es: "Ningún punto mejoró."},
	{En: "No item regressed.", Nl: "Geen punt is achteruitgegaan.", Es: "Ningún punto empeoró."},
	{En: "Changes of score and level", Nl: "Veranderingen van score en niveau", Es: "Cambios de puntuación y nivel"},
	// Chart.
	{En: "Area scores", Nl: "Scores per gebied", Es: "Puntuación por área"},
	{En: "Area scores from 0 to 100, one axis per area.", Nl: "Scores per gebied van 0 tot 100, één as per gebied.", Es: "Puntuación por área de 0 a 100, un eje por área."},
	{En: "Area scores from 0 to 100, one bar per area.", Nl: "Scores per gebied van 0 tot 100, één balk per gebied.", Es: "Puntuación por área de 0 a 100, una barra por área."},
	{En: "Dashed: before; solid: after.", Nl: "Gestreept: voor; doorgetrokken: na.", Es: "Discontinua: antes; continua: después."},
	// Checklist.
	{En: "Readiness levels: partly ready from %s, ready from %s (scores out of 100).", Nl: "Gereedheidsniveaus: deels gereed vanaf %s, gereed vanaf %s (scores op 100).", Es: "Niveles de preparación: parcialmente listo desde %s, listo desde %s (puntuaciones sobre 100)."},
	{En: "weight %s", Nl: "gewicht %s", Es: "peso %s"},
	{En: "critical", Nl: "kritiek", Es: "crítico"},
	{En: "Answers: met, in_progress, not_started, not_applicable.", Nl: "Antwoorden: met (voldaan), in_progress (in uitvoering), not_started (niet begonnen), not_applicable (niet van toepassing).", Es: "Respuestas: met (cumplido), in_progress (en curso), not_started (no iniciado), not_applicable (no aplica)."},
}
