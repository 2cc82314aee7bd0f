package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/homewardkit/homeward/transition"
)

func assessCommand() *command {
	return &command{
		name:     "assess",
		synopsis: "assess --answers FILE [--checklist FILE] [--lang TAG] [--format text|markdown|json|html] [--out FILE]",
		summary:  "score an assessment, or a batch of them, and write the report",
		about: `Scores the assessment in FILE against the standard checklist (or the one given
with --checklist) and writes its report. An assessment is a JSON document:

  {"id": "a1", "org": "hope-kenya", "checklist": "transition-readiness",
   "checklist_version": "1", "date": "2027-03-01", "assessor": "...",
   "answers": {"local_partner.backs_transition": {"status": "met", "evidence": "...", "note": "..."}}}

with statuses met, in_progress, not_started and not_applicable.

A file of JSON Lines (one assessment a line; recognised by its content or a
.jsonl or .ndjson name) is scored as a streaming batch, in constant memory:
--format json writes one JSON result a line, --format text one line
"id<TAB>score<TAB>level<TAB>complete" per assessment, and --format markdown a
table. A line that cannot be scored is reported on standard error as
"FILE:LINE: path: problem" and the batch goes on; the exit code is then 1.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			var o assessOptions
			fs.StringVar(&o.answers, "answers", "", "the assessment, or JSON Lines of assessments, to score (`FILE`, \"-\" for standard input; required)")
			fs.StringVar(&o.checklist, "checklist", "", "score against the checklist definition in `FILE` instead of the standard one")
			fs.StringVar(&o.lang, "lang", "", "write the report in the language `TAG` (BCP 47: en, nl, es, ...; default en)")
			fs.StringVar(&o.format, "format", "text", "report `FORMAT`: text, markdown, json or html")
			fs.StringVar(&o.out, "out", "", "write the report to `FILE` instead of standard output")
			return func(e *env) int { return runAssess(e, o) }
		},
	}
}

type assessOptions struct {
	answers, checklist, lang, format, out string
}

func runAssess(e *env, o assessOptions) int {
	if o.answers == "" {
		return e.usageError("--answers is required")
	}
	if o.answers == "-" && o.checklist == "-" {
		return e.usageError("--answers and --checklist cannot both read standard input")
	}
	if o.out != "" && o.out != "-" && (sameFile(o.out, o.answers) || sameFile(o.out, o.checklist)) {
		return e.usageError("--out %s would overwrite an input", o.out)
	}
	tag, err := parseLang(o.lang)
	if err != nil {
		return e.usageError("%v", err)
	}
	if tag == language.Und {
		tag = language.English
	}
	format, err := parseFormat(o.format, transition.FormatText, transition.FormatMarkdown, transition.FormatJSON, transition.FormatHTML)
	if err != nil {
		return e.usageError("%v", err)
	}
	c, code := e.loadChecklist(o.checklist)
	if code != exitOK {
		return code
	}
	scorer, err := transition.NewScorer(c)
	if err != nil {
		writeProblems(e.stderr, displayName(o.checklist), 0, err)
		return exitInvalid
	}

	name := displayName(o.answers)
	var in io.Reader = e.stdin
	if o.answers != "-" {
		f, err := os.Open(o.answers)
		if err != nil {
			return e.failf("%v", err)
		}
		defer f.Close()
		in = f
	}
	lines := &lineReader{r: bufio.NewReaderSize(in, 64<<10)}
	ext := strings.ToLower(filepath.Ext(o.answers))
	ahead, doc, err := detect(lines, ext == ".jsonl" || ext == ".ndjson")
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return e.failf("%s: the assessment is larger than %d MiB", name, maxDocumentBytes>>20)
		}
		return e.failf("read %s: %v", name, err)
	}
	opts := transition.ReportOptions{Language: tag, Format: format}
	if doc != nil {
		return assessOne(e, o.out, name, doc, scorer, opts)
	}
	if format == transition.FormatHTML {
		return e.usageError("--format html writes the report of one assessment; %s holds JSON Lines (use text, markdown or json)", name)
	}
	return assessBatch(e, o.out, name, ahead, lines, scorer, format)
}

// aheadLine is a line read while telling a document from JSON Lines.
type aheadLine struct {
	data []byte
	no   int
}

// detect tells a single assessment document from JSON Lines. For a document
// it returns the whole document (non-nil, even when empty); for JSON Lines
// it returns the lines it read ahead, and the caller reads the rest from
// lines. A file is JSON
// Lines when jsonl is set, or when its first non-blank line starts with '{'
// and holds a whole JSON object, and another non-blank line follows.
func detect(lines *lineReader, jsonl bool) ([]aheadLine, []byte, error) {
	read := []byte{} // everything read so far, for a document
	var ahead []aheadLine
	for {
		line, no, err := lines.next()
		if err == io.EOF {
			if jsonl {
				return nil, nil, nil // an empty batch
			}
			if len(ahead) > 0 {
				return nil, ahead[0].data, nil // one line: a document
			}
			return nil, read, nil // empty: the parser reports it
		}
		if errors.Is(err, errTooLarge) && (jsonl || len(ahead) > 0) {
			return append(ahead, aheadLine{no: no}), nil, nil
		}
		if err != nil {
			return nil, nil, err
		}
		if jsonl {
			return append(ahead, aheadLine{data: bytes.Clone(line), no: no}), nil, nil
		}
		if blank(line) {
			read = append(read, line...)
			continue
		}
		if len(ahead) == 1 {
			return append(ahead, aheadLine{data: bytes.Clone(line), no: no}), nil, nil
		}
		read = append(read, line...)
		trimmed := bytes.TrimLeft(line, " \t\r\n")
		end := -1
		if trimmed[0] == '{' {
			end = firstValueEnd(trimmed)
		}
		if end < 0 || !blank(trimmed[end:]) {
			// A document over several lines, or not one we recognise:
			// read it whole and let the parser judge it.
			doc, err := readRest(read, lines.r)
			return nil, doc, err
		}
		ahead = append(ahead, aheadLine{data: bytes.Clone(line), no: no})
	}
}

// assessOne scores a single assessment document and writes its report.
func assessOne(e *env, out, name string, doc []byte, scorer *transition.Scorer, opts transition.ReportOptions) int {
	a, err := transition.ParseAssessment(doc)
	var r *transition.Result
	if err == nil {
		r, err = scorer.Evaluate(a)
	}
	if err != nil {
		writeProblems(e.stderr, name, 0, err)
		return exitInvalid
	}
	o, err := e.createOutput(out)
	if err != nil {
		return e.failf("%v", err)
	}
	err = transition.WriteResult(o.w, scorer.Checklist(), r, opts)
	if err := o.finish(err == nil); err != nil {
		return e.failf("write %s: %v", o.name, err)
	}
	if err != nil {
		return e.failf("write report: %v", err)
	}
	return exitOK
}

// assessBatch scores JSON Lines one line at a time, writing one result a
// line as it goes: memory stays flat however long the input is.
func assessBatch(e *env, out, name string, ahead []aheadLine, lines *lineReader, scorer *transition.Scorer, format transition.Format) int {
	o, err := e.createOutput(out)
	if err != nil {
		return e.failf("%v", err)
	}
	errw := bufio.NewWriter(e.stderr)
	if format == transition.FormatMarkdown {
		o.w.WriteString("| assessment | score | level | complete |\n| --- | ---: | --- | --- |\n")
	}
	var scored, failed int
	var fatal error
	process := func(line []byte, no int, lerr error) {
		if lerr == nil && blank(line) {
			return
		}
		var r *transition.Result
		err := lerr
		if errors.Is(err, errTooLarge) {
			err = fmt.Errorf("line is longer than %d MiB", maxLineBytes>>20)
		}
		if err == nil {
			var a *transition.Assessment
			a, err = transition.ParseAssessment(line)
			if err == nil {
				r, err = scorer.Evaluate(a)
			}
		}
		if err != nil {
			failed++
			writeProblems(errw, name, no, err)
			return
		}
		scored++
		if err := writeBatchResult(o.w, r, format); err != nil && fatal == nil {
			fatal = err
		}
	}
	for _, l := range ahead {
		process(l.data, l.no, nil)
	}
	for fatal == nil {
		if err := e.ctx.Err(); err != nil {
			fatal = err
			break
		}
		line, no, err := lines.next()
		if err == io.EOF {
			break
		}
		if err != nil && !errors.Is(err, errTooLarge) {
			fatal = fmt.Errorf("read %s: %w", name, err)
			break
		}
		process(line, no, err)
	}
	if ferr := o.finish(fatal == nil); ferr != nil && fatal == nil {
		fatal = fmt.Errorf("write %s: %w", o.name, ferr)
	}
	if fatal != nil {
		fmt.Fprintf(errw, "homeward assess: %v\n", fatal)
		errw.Flush()
		return exitInvalid
	}
	if failed > 0 {
		fmt.Fprintf(errw, "homeward assess: %s: %d of %d assessments could not be scored\n", name, failed, failed+scored)
		errw.Flush()
		return exitInvalid
	}
	errw.Flush()
	return exitOK
}

// writeBatchResult writes one result of a batch in format.
func writeBatchResult(w *bufio.Writer, r *transition.Result, format transition.Format) error {
	score := "-"
	if r.Scored {
		score = r.Score.StringFixed(1)
	}
	switch format {
	case transition.FormatJSON:
		b, err := r.MarshalJSON()
		if err != nil {
			return err
		}
		w.Write(b)
		return w.WriteByte('\n')
	case transition.FormatMarkdown:
		id := strings.ReplaceAll(string(r.Assessment), "|", `\|`)
		_, err := fmt.Fprintf(w, "| %s | %s | %s | %t |\n", id, score, r.Level, r.Complete)
		return err
	}
	w.WriteString(string(r.Assessment))
	w.WriteByte('\t')
	w.WriteString(score)
	w.WriteByte('\t')
	w.WriteString(string(r.Level))
	w.WriteByte('\t')
	if r.Complete {
		w.WriteString("true")
	} else {
		w.WriteString("false")
	}
	return w.WriteByte('\n')
}

// sameFile reports whether the paths a and b name the same existing file.
func sameFile(a, b string) bool {
	if b == "" || b == "-" {
		return false
	}
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// output is where a command writes its result: standard output or a file.
type output struct {
	w    *bufio.Writer
	name string
	f    *os.File
}

// createOutput opens path for writing (creating or truncating it), or
// standard output when path is "" or "-".
func (e *env) createOutput(path string) (*output, error) {
	if path == "" || path == "-" {
		return &output{w: bufio.NewWriterSize(e.stdout, 64<<10), name: "standard output"}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &output{w: bufio.NewWriterSize(f, 64<<10), name: path, f: f}, nil
}

// finish flushes and closes the output. When ok is false, or flushing or
// closing fails, a file is removed so that no partial report is left.
func (o *output) finish(ok bool) error {
	err := o.w.Flush()
	if o.f == nil {
		return err
	}
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if !ok || err != nil {
		os.Remove(o.f.Name())
	}
	return err
}
