package transition

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// doc is the content of a text, Markdown or HTML report, independent of the
// format.
type doc struct {
	Title    string
	Subtitle string
	Facts    []fact
	Sections []section
}

type fact struct{ Label, Value string }

// section is a heading with a table, or with a line saying it is empty, and
// an optional note under it.
type section struct {
	Heading string
	Table   *table
	Empty   string
	Note    string
}

type table struct {
	Cols []column
	Rows [][]cell
}

type column struct {
	Head string
	// Num right-aligns the column in Markdown and HTML.
	Num bool
	// Wide columns hold long texts; plain text puts them last so they do not
	// widen the other columns.
	Wide bool
}

type cell struct {
	Text string
	// Extra is a remark after the text: in plain text it goes in a column
	// of its own at the end of the row.
	Extra string
	// Level, when set, styles the cell as a readiness level in HTML.
	Level Level
	// Strong marks the cell for emphasis in HTML.
	Strong bool
}

func cells(ss ...string) []cell {
	out := make([]cell, len(ss))
	for i, s := range ss {
		out[i] = cell{Text: s}
	}
	return out
}

func (rp *reporter) resultFacts(r *Result) []fact {
	var fs []fact
	if r.Assessment != "" {
		fs = append(fs, fact{rp.T("Assessment"), string(r.Assessment)})
	}
	if r.Org != "" {
		fs = append(fs, fact{rp.T("Organisation"), string(r.Org)})
	}
	if !r.Date.IsZero() {
		fs = append(fs, fact{rp.T("Date"), r.Date.String()})
	}
	return append(fs,
		fact{rp.T("Checklist"), rp.T("%s, version %s", rp.c.ID, rp.c.Version)},
		fact{rp.T("Overall score"), rp.score(r.Score, r.Scored)},
		fact{rp.T("Overall level"), rp.level(r.Level)},
		fact{rp.T("Complete"), rp.yesNo(r.Complete)},
	)
}

func (rp *reporter) areaTable(r *Result) *table {
	t := &table{Cols: []column{
		{Head: rp.T("Area")}, {Head: rp.T("Score"), Num: true}, {Head: rp.T("Level")},
		{Head: rp.T("Met"), Num: true}, {Head: rp.T("In progress"), Num: true}, {Head: rp.T("Not started"), Num: true},
		{Head: rp.T("Not applicable"), Num: true}, {Head: rp.T("Unanswered"), Num: true},
	}}
	for _, a := range r.Areas {
		lvl := cell{Text: "–"}
		if a.Scored {
			lvl = cell{Text: rp.level(a.Level), Level: a.Level}
		}
		if a.Capped {
			lvl.Extra = rp.T("(capped by a critical item)")
		}
		t.Rows = append(t.Rows, []cell{
			{Text: rp.areaTitle(a.ID)}, {Text: rp.score(a.Score, a.Scored)}, lvl,
			{Text: strconv.Itoa(a.Met)}, {Text: strconv.Itoa(a.InProgress)}, {Text: strconv.Itoa(a.NotStarted)},
			{Text: strconv.Itoa(a.NotApplicable)}, {Text: strconv.Itoa(a.Unanswered)},
		})
	}
	return t
}

func (rp *reporter) gapTable(r *Result) *table {
	if len(r.Gaps) == 0 {
		return nil
	}
	t := &table{Cols: []column{
		{Head: "#", Num: true}, {Head: rp.T("Item"), Wide: true}, {Head: rp.T("Area")},
		{Head: rp.T("Status")}, {Head: rp.T("Critical")}, {Head: rp.T("Weight"), Num: true},
	}}
	for i, g := range r.Gaps {
		crit := cell{}
		if g.Critical {
			crit = cell{Text: rp.T("critical"), Strong: true}
		}
		t.Rows = append(t.Rows, []cell{
			{Text: strconv.Itoa(i + 1)}, {Text: rp.itemText(g.Item)}, {Text: rp.areaTitle(g.Area)},
			{Text: rp.status(g.Status)}, crit, {Text: rp.weight(g.Weight)},
		})
	}
	return t
}

func (rp *reporter) resultDoc(r *Result) *doc {
	return &doc{
		Title:    rp.title(),
		Subtitle: rp.T("Transition readiness report"),
		Facts:    rp.resultFacts(r),
		Sections: []section{
			{Heading: rp.T("Areas"), Table: rp.areaTable(r), Note: rp.thresholdNote()},
			{Heading: rp.T("Gaps"), Table: rp.gapTable(r), Empty: rp.T("No gaps: every applicable item is met.")},
		},
	}
}

func (rp *reporter) assessmentLabel(r *Result) string {
	parts := []string{}
	if r.Assessment != "" {
		parts = append(parts, string(r.Assessment))
	}
	if !r.Date.IsZero() {
		parts = append(parts, r.Date.String())
	}
	return strings.Join(parts, ", ")
}

func (rp *reporter) progressFacts(p *Progress) []fact {
	var fs []fact
	if p.After.Org != "" {
		fs = append(fs, fact{rp.T("Organisation"), string(p.After.Org)})
	}
	return append(fs,
		fact{rp.T("Checklist"), rp.T("%s, version %s", rp.c.ID, rp.c.Version)},
		fact{rp.T("Before"), rp.assessmentLabel(p.Before)},
		fact{rp.T("After"), rp.assessmentLabel(p.After)},
		fact{rp.T("Overall score"), rp.score(p.Before.Score, p.Before.Scored) + " → " + rp.score(p.After.Score, p.After.Scored) + " (" + rp.delta(p.Overall) + ")"},
		fact{rp.T("Overall level"), rp.level(p.Before.Level) + " → " + rp.level(p.After.Level)},
	)
}

func (rp *reporter) changeRow(title string, ch Change, strong bool) []cell {
	lb, la := cell{Text: "–"}, cell{Text: "–"}
	if ch.LevelBefore != "" {
		lb = cell{Text: rp.level(ch.LevelBefore), Level: ch.LevelBefore}
	}
	if ch.LevelAfter != "" {
		la = cell{Text: rp.level(ch.LevelAfter), Level: ch.LevelAfter}
	}
	return []cell{
		{Text: title, Strong: strong}, {Text: rp.score(ch.Before, ch.BeforeScored)}, {Text: rp.score(ch.After, ch.AfterScored)},
		{Text: rp.delta(ch), Strong: strong}, lb, la,
	}
}

func (rp *reporter) changeTable(p *Progress) *table {
	t := &table{Cols: []column{
		{Head: rp.T("Area")}, {Head: rp.T("Before"), Num: true}, {Head: rp.T("After"), Num: true},
		{Head: rp.T("Change"), Num: true}, {Head: rp.T("Level before")}, {Head: rp.T("Level after")},
	}}
	t.Rows = append(t.Rows, rp.changeRow(rp.T("Overall"), p.Overall, true))
	for _, a := range p.Areas {
		t.Rows = append(t.Rows, rp.changeRow(rp.areaTitle(a.ID), a.Change, false))
	}
	return t
}

func (rp *reporter) itemChangeTable(items []ItemChange) *table {
	if len(items) == 0 {
		return nil
	}
	t := &table{Cols: []column{
		{Head: rp.T("Item"), Wide: true}, {Head: rp.T("Area")}, {Head: rp.T("From")}, {Head: rp.T("To")}, {Head: rp.T("Critical")},
	}}
	for _, ic := range items {
		crit := cell{}
		if ic.Critical {
			crit = cell{Text: rp.T("critical"), Strong: true}
		}
		t.Rows = append(t.Rows, []cell{
			{Text: rp.itemText(ic.Item)}, {Text: rp.areaTitle(ic.Area)}, {Text: rp.status(ic.From)}, {Text: rp.status(ic.To)}, crit,
		})
	}
	return t
}

func (rp *reporter) progressDoc(p *Progress) *doc {
	return &doc{
		Title:    rp.title(),
		Subtitle: rp.T("Transition progress report"),
		Facts:    rp.progressFacts(p),
		Sections: []section{
			{Heading: rp.T("Changes of score and level"), Table: rp.changeTable(p), Note: rp.thresholdNote()},
			{Heading: rp.T("Improved items"), Table: rp.itemChangeTable(p.Improved), Empty: rp.T("No item improved.")},
			{Heading: rp.T("Regressed items"), Table: rp.itemChangeTable(p.Regressed), Empty: rp.T("No item regressed.")},
		},
	}
}

// render writes d as plain text or Markdown.
func (rp *reporter) render(b *bytes.Buffer, d *doc, f Format) {
	if f == FormatMarkdown {
		renderMarkdown(b, d)
		return
	}
	renderText(b, d)
}

func underline(b *bytes.Buffer, s string, ch string) {
	b.WriteString(s)
	b.WriteByte('\n')
	b.WriteString(strings.Repeat(ch, utf8.RuneCountInString(s)))
	b.WriteByte('\n')
}

func renderText(b *bytes.Buffer, d *doc) {
	underline(b, oneLine(d.Title), "=")
	b.WriteString(oneLine(d.Subtitle))
	b.WriteString("\n\n")
	rows := make([][]string, len(d.Facts))
	for i, f := range d.Facts {
		rows[i] = []string{oneLine(f.Label) + ":", oneLine(f.Value)}
	}
	writeColumns(b, rows)
	for _, s := range d.Sections {
		b.WriteByte('\n')
		underline(b, oneLine(s.Heading), "-")
		if s.Table == nil {
			b.WriteString(oneLine(s.Empty))
			b.WriteByte('\n')
		} else {
			writeColumns(b, textRows(s.Table))
		}
		if s.Note != "" {
			b.WriteByte('\n')
			b.WriteString(wrap(oneLine(s.Note), 78))
			b.WriteByte('\n')
		}
	}
}

// textRows lays a table out for plain text: wide columns last, remarks in a
// final column.
func textRows(t *table) [][]string {
	var order []int
	for i, c := range t.Cols {
		if !c.Wide {
			order = append(order, i)
		}
	}
	for i, c := range t.Cols {
		if c.Wide {
			order = append(order, i)
		}
	}
	head := make([]string, 0, len(order))
	for _, i := range order {
		head = append(head, oneLine(t.Cols[i].Head))
	}
	rows := [][]string{head}
	for _, r := range t.Rows {
		row := make([]string, 0, len(order)+1)
		var extra []string
		for _, i := range order {
			row = append(row, oneLine(r[i].Text))
			if r[i].Extra != "" {
				extra = append(extra, oneLine(r[i].Extra))
			}
		}
		if len(extra) > 0 {
			row = append(row, strings.Join(extra, " "))
		}
		rows = append(rows, row)
	}
	return rows
}

// writeColumns aligns rows in columns two spaces apart, without trailing
// spaces.
func writeColumns(b *bytes.Buffer, rows [][]string) {
	var tb bytes.Buffer
	tw := tabwriter.NewWriter(&tb, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
	for _, line := range strings.SplitAfter(tb.String(), "\n") {
		if line == "" {
			continue
		}
		b.WriteString(strings.TrimRight(line, " \n"))
		b.WriteByte('\n')
	}
}

// oneLine replaces line breaks and tabs, which would break the layout, by
// spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// wrap breaks s into lines of at most width runes where it can.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		l := utf8.RuneCountInString(w)
		if i > 0 {
			if n+1+l > width {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += l
	}
	return b.String()
}

// mdCellReplacer escapes the characters that have a meaning inside a line of
// Markdown (or in the HTML that Markdown lets through), and line breaks,
// which would end a table row or list item.
var mdCellReplacer = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `&`, `\&`, `~`, `\~`,
	"\r\n", " ", "\n", " ", "\r", " ", "\t", " ",
)

// mdCell escapes s for a table cell or the middle of a line.
func mdCell(s string) string { return mdCellReplacer.Replace(s) }

// md escapes s for a heading or a line of its own: also "#", which would
// close a heading, and a leading "-", "+", "=" or "1." that would start a
// list or underline a heading.
func md(s string) string {
	s = strings.ReplaceAll(mdCell(s), "#", `\#`)
	if s != "" && strings.ContainsRune("-+=", rune(s[0])) {
		return `\` + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

func renderMarkdown(b *bytes.Buffer, d *doc) {
	fmt.Fprintf(b, "# %s\n\n%s\n\n", md(d.Title), md(d.Subtitle))
	for _, f := range d.Facts {
		fmt.Fprintf(b, "- **%s:** %s\n", mdCell(f.Label), mdCell(f.Value))
	}
	for _, s := range d.Sections {
		fmt.Fprintf(b, "\n## %s\n\n", md(s.Heading))
		if s.Table == nil {
			b.WriteString(md(s.Empty))
			b.WriteByte('\n')
		} else {
			writeMarkdownTable(b, s.Table)
		}
		if s.Note != "" {
			fmt.Fprintf(b, "\n%s\n", md(s.Note))
		}
	}
}

func writeMarkdownTable(b *bytes.Buffer, t *table) {
	b.WriteByte('|')
	for _, c := range t.Cols {
		fmt.Fprintf(b, " %s |", mdCell(c.Head))
	}
	b.WriteString("\n|")
	for _, c := range t.Cols {
		if c.Num {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteByte('\n')
	for _, r := range t.Rows {
		b.WriteByte('|')
		for _, c := range r {
			s := mdCell(c.Text)
			if c.Extra != "" {
				s += " " + mdCell(c.Extra)
			}
			fmt.Fprintf(b, " %s |", s)
		}
		b.WriteByte('\n')
	}
}

// checklist writes the checklist itself as plain text or Markdown.
func (rp *reporter) checklist(b *bytes.Buffer, markdown bool) {
	c := rp.c
	th := c.Thresholds.Effective()
	levels := rp.T("Readiness levels: partly ready from %s, ready from %s (scores out of 100).", rp.num(th.PartlyReady.String()), rp.num(th.Ready.String()))
	version := rp.T("%s, version %s", c.ID, c.Version)
	answers := rp.T("Answers: met, in_progress, not_started, not_applicable.")
	guidance := func(it *Item) string { return oneLine(it.Guidance.In(rp.textTag, c.DefaultLanguage)) }
	if markdown {
		fmt.Fprintf(b, "# %s\n\n%s\n\n- **%s:** %s\n- %s\n- %s\n", md(rp.title()), md(rp.T("Transition readiness checklist")),
			mdCell(rp.T("Checklist")), mdCell(version), mdCell(levels), mdCell(answers))
		for ai := range c.Areas {
			a := &c.Areas[ai]
			fmt.Fprintf(b, "\n## %d. %s\n\n`%s`", ai+1, md(rp.areaTitle(a.ID)), a.ID)
			if !a.EffectiveWeight().Equal(one) {
				fmt.Fprintf(b, " · %s", mdCell(rp.T("weight %s", rp.weight(a.Weight))))
			}
			b.WriteString("\n\n")
			for ii := range a.Items {
				it := &a.Items[ii]
				num := fmt.Sprintf("%d. ", ii+1)
				fmt.Fprintf(b, "%s**%s** `%s`%s", num, mdCell(rp.itemText(it.ID)), it.ID, mdCell(rp.itemMarks(it)))
				if g := guidance(it); g != "" {
					// A backslash at the end of a line is a hard line break.
					fmt.Fprintf(b, "\\\n%s%s", strings.Repeat(" ", len(num)), md(g))
				}
				b.WriteByte('\n')
			}
		}
		return
	}
	underline(b, oneLine(rp.title()), "=")
	fmt.Fprintf(b, "%s\n\n%s: %s\n%s\n%s\n", rp.T("Transition readiness checklist"), rp.T("Checklist"), oneLine(version), levels, answers)
	for ai := range c.Areas {
		a := &c.Areas[ai]
		b.WriteByte('\n')
		head := fmt.Sprintf("%d. %s [%s]", ai+1, oneLine(rp.areaTitle(a.ID)), a.ID)
		if !a.EffectiveWeight().Equal(one) {
			head += " (" + rp.T("weight %s", rp.weight(a.Weight)) + ")"
		}
		underline(b, head, "-")
		for ii := range a.Items {
			it := &a.Items[ii]
			num := fmt.Sprintf("%d.%d", ai+1, ii+1)
			indent := strings.Repeat(" ", len(num)+1)
			text := wrap(oneLine(rp.itemText(it.ID))+rp.itemMarks(it), 78-len(indent))
			fmt.Fprintf(b, "%s %s\n%s[%s]\n", num, strings.ReplaceAll(text, "\n", "\n"+indent), indent, it.ID)
			if g := guidance(it); g != "" {
				for _, line := range strings.Split(wrap(g, 76-len(indent)), "\n") {
					fmt.Fprintf(b, "%s%s\n", indent, line)
				}
			}
		}
	}
}

// itemMarks returns " (critical, weight 2)" or the part of it that applies.
func (rp *reporter) itemMarks(it *Item) string {
	var marks []string
	if it.Critical {
		marks = append(marks, rp.T("critical"))
	}
	if !it.EffectiveWeight().Equal(one) {
		marks = append(marks, rp.T("weight %s", rp.weight(it.Weight)))
	}
	if len(marks) == 0 {
		return ""
	}
	return " (" + strings.Join(marks, ", ") + ")"
}
