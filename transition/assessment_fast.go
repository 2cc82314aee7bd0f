package transition

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/homewardkit/homeward"
)

// parseAssessmentFast reads an assessment without the generic decoding of
// the full reader, which would dominate the cost of a batch. It accepts only a plain subset of the format: known fields with
// string values (or null), an integer version, answers as objects of
// status, evidence and note, strings without escapes, valid UTF-8, no
// repeated field. For any other input, and for any input that
// ParseAssessment would reject, it returns false, and the caller falls back
// to ParseAssessment, which reads everything and names every problem. When
// it returns true, the assessment equals what ParseAssessment returns (the
// tests check this on generated and fuzzed input).
func parseAssessmentFast(data []byte) (*Assessment, bool) {
	if !utf8.Valid(data) {
		return nil, false
	}
	p := fastParser{b: data}
	a := &Assessment{}
	var date, created, updated string
	var seen [10]bool
	if !p.objectStart() {
		return nil, false
	}
	for more := !p.objectEnd(); more; {
		key, ok := p.key()
		if !ok {
			return nil, false
		}
		field := -1
		switch key {
		case "id":
			field = 0
		case "org":
			field = 1
		case "checklist":
			field = 2
		case "checklist_version":
			field = 3
		case "date":
			field = 4
		case "assessor":
			field = 5
		case "created_at":
			field = 6
		case "updated_at":
			field = 7
		case "version":
			field = 8
		case "answers":
			field = 9
		}
		if field < 0 || seen[field] {
			return nil, false
		}
		seen[field] = true
		switch field {
		case 8:
			v, null, ok := p.integer()
			if !ok {
				return nil, false
			}
			if !null {
				a.Version = v
			}
		case 9:
			if !p.answers(a) {
				return nil, false
			}
		default:
			s, ok := p.stringOrNull()
			if !ok {
				return nil, false
			}
			switch field {
			case 0:
				a.ID = AssessmentID(s)
			case 1:
				a.Org = homeward.OrgID(s)
			case 2:
				a.Checklist = s
			case 3:
				a.ChecklistVersion = s
			case 4:
				date = s
			case 5:
				a.Assessor = s
			case 6:
				created = s
			case 7:
				updated = s
			}
		}
		if more, ok = p.next(); !ok {
			return nil, false
		}
	}
	p.space()
	if p.i != len(p.b) {
		return nil, false
	}
	if date != "" {
		d, err := homeward.ParseDate(date)
		if err != nil {
			return nil, false
		}
		a.Date = d
	}
	for _, f := range []struct {
		s string
		t *time.Time
	}{{created, &a.CreatedAt}, {updated, &a.UpdatedAt}} {
		if f.s != "" {
			t, err := time.Parse(time.RFC3339Nano, f.s)
			if err != nil {
				return nil, false
			}
			*f.t = t.UTC()
		}
	}
	if a.Validate() != nil {
		return nil, false
	}
	return a, true
}

// fastParser reads the plain JSON subset of parseAssessmentFast.
type fastParser struct {
	b []byte
	i int
}

func (p *fastParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// consume skips white space and then c, reporting whether c was there.
func (p *fastParser) consume(c byte) bool {
	p.space()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *fastParser) objectStart() bool { return p.consume('{') }

// objectEnd consumes a '}' that closes an empty object.
func (p *fastParser) objectEnd() bool { return p.consume('}') }

// next reads the ',' before another member (true) or the closing '}'
// (false).
func (p *fastParser) next() (more, ok bool) {
	if p.consume(',') {
		return true, true
	}
	return false, p.consume('}')
}

// key reads a member name and its colon.
func (p *fastParser) key() (string, bool) {
	p.space()
	s, ok := p.str()
	return s, ok && p.consume(':')
}

// str reads a string without escapes or control characters.
func (p *fastParser) str() (string, bool) {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return "", false
	}
	start := p.i + 1
	for j := start; j < len(p.b); j++ {
		switch c := p.b[j]; {
		case c == '"':
			p.i = j + 1
			return string(p.b[start:j]), true
		case c == '\\' || c < 0x20:
			return "", false
		}
	}
	return "", false
}

// null reads a null literal.
func (p *fastParser) null() bool {
	p.space()
	if len(p.b)-p.i >= 4 && string(p.b[p.i:p.i+4]) == "null" {
		p.i += 4
		return true
	}
	return false
}

func (p *fastParser) stringOrNull() (string, bool) {
	if p.null() {
		return "", true
	}
	return p.str()
}

// integer reads an optional integer: -?(0|[1-9][0-9]*), or null.
func (p *fastParser) integer() (v int64, null, ok bool) {
	if p.null() {
		return 0, true, true
	}
	start := p.i
	if p.i < len(p.b) && p.b[p.i] == '-' {
		p.i++
	}
	digits := p.i
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		p.i++
	}
	n := p.i - digits
	if n == 0 || (n > 1 && p.b[digits] == '0') {
		return 0, false, false
	}
	if p.i < len(p.b) {
		switch p.b[p.i] {
		case '.', 'e', 'E':
			return 0, false, false
		}
	}
	v, err := strconv.ParseInt(string(p.b[start:p.i]), 10, 64)
	return v, false, err == nil
}

// answers reads the answers object into a.Answers.
func (p *fastParser) answers(a *Assessment) bool {
	if p.null() || !p.objectStart() {
		return false
	}
	a.Answers = make(map[string]Answer)
	for more := !p.objectEnd(); more; {
		id, ok := p.key()
		if !ok || !p.objectStart() {
			return false
		}
		if _, dup := a.Answers[id]; dup {
			return false
		}
		var ans Answer
		var seen [3]bool
		for more := !p.objectEnd(); more; {
			key, ok := p.key()
			if !ok {
				return false
			}
			s, ok := p.stringOrNull()
			if !ok {
				return false
			}
			switch key {
			case "status":
				ans.Status, ok = Status(s), !seen[0]
				seen[0] = true
			case "evidence":
				ans.Evidence, ok = s, !seen[1]
				seen[1] = true
			case "note":
				ans.Note, ok = s, !seen[2]
				seen[2] = true
			default:
				ok = false
			}
			if !ok {
				return false
			}
			if more, ok = p.next(); !ok {
				return false
			}
		}
		a.Answers[id] = ans
		if more, ok = p.next(); !ok {
			return false
		}
	}
	return true
}
