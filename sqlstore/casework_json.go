package sqlstore

import (
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// The JSON parts of casework records are written by the appenders below
// rather than by encoding/json: writing a case is the inner loop of
// CaseStore.CreateBatch, and these are several times faster. They write
// exactly what encoding/json writes for the JSON shapes of
// casework_codec.go (a test holds them to it byte for byte), which is also
// what the stores read back with encoding/json.

// jsonBuf is a scratch buffer for the JSON parts of one record.
type jsonBuf struct{ b []byte }

// array writes xs as a JSON array, or null for a nil slice.
func jsonArray[T any](w *jsonBuf, xs []T, app func([]byte, *T) []byte) string {
	if xs == nil {
		return "null"
	}
	w.b = append(w.b[:0], '[')
	for i := range xs {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = app(w.b, &xs[i])
	}
	w.b = append(w.b, ']')
	return string(w.b)
}

// jsonStrings writes a list of strings (or of string-typed values) as a
// JSON array, or null for a nil slice.
func jsonStrings[T ~string](w *jsonBuf, xs []T) string {
	return jsonArray(w, xs, func(b []byte, s *T) []byte { return appendJSONString(b, string(*s)) })
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it: quotes, backslashes and control characters; <, > and & (as
// \u003c, \u003e, \u0026); U+2028 and U+2029; and invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonObject writes the fields of one JSON object.
type jsonObject struct {
	b     []byte
	empty bool
}

func openObject(b []byte) jsonObject { return jsonObject{b: append(b, '{'), empty: true} }

func (o *jsonObject) key(k string) {
	if !o.empty {
		o.b = append(o.b, ',')
	}
	o.empty = false
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':')
}

// str writes a string field; omitEmpty leaves out an empty one.
func (o *jsonObject) str(k, v string, omitEmpty bool) {
	if omitEmpty && v == "" {
		return
	}
	o.key(k)
	o.b = appendJSONString(o.b, v)
}

// date writes a date field, leaving out the zero date.
func (o *jsonObject) date(k string, d homeward.Date) {
	if d.IsZero() {
		return
	}
	o.key(k)
	o.b = append(o.b, '"')
	o.b = d.Time().AppendFormat(o.b, time.DateOnly)
	o.b = append(o.b, '"')
}

func (o *jsonObject) time(k string, t time.Time) {
	o.key(k)
	o.b = append(o.b, '"')
	o.b = t.AppendFormat(o.b, time.RFC3339Nano)
	o.b = append(o.b, '"')
}

func (o *jsonObject) boolean(k string, v bool, omitEmpty bool) {
	if omitEmpty && !v {
		return
	}
	o.key(k)
	o.b = strconv.AppendBool(o.b, v)
}

func (o *jsonObject) integer(k string, v int, omitEmpty bool) {
	if omitEmpty && v == 0 {
		return
	}
	o.key(k)
	o.b = strconv.AppendInt(o.b, int64(v), 10)
}

func (o *jsonObject) money(k string, m homeward.Money) {
	o.key(k)
	mo := openObject(o.b)
	mo.str("amount", m.Amount.String(), false)
	code := ""
	if m.HasCurrency() {
		code = m.Currency.String()
	}
	mo.str("currency", code, false)
	o.b = mo.close()
}

// strings writes a list of strings, null for a nil slice.
func (o *jsonObject) strings(k string, xs []string) {
	o.key(k)
	if xs == nil {
		o.b = append(o.b, "null"...)
		return
	}
	o.b = append(o.b, '[')
	for i, s := range xs {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		o.b = appendJSONString(o.b, s)
	}
	o.b = append(o.b, ']')
}

func (o *jsonObject) close() []byte { return append(o.b, '}') }

// The appenders of the parts, one per JSON shape of casework_codec.go, with
// the same fields in the same order and the same omissions.

func appendRiskChange(b []byte, r *casework.RiskChange) []byte {
	o := openObject(b)
	o.date("date", r.Date)
	o.str("from", string(r.From), true)
	o.str("to", string(r.To), false)
	o.str("reason", r.Reason, true)
	o.str("by", string(r.By), true)
	return o.close()
}

func appendTeamMember(b []byte, m *casework.TeamMember) []byte {
	o := openObject(b)
	o.str("person", m.Person, false)
	o.str("role", string(m.Role), false)
	o.date("from", m.From)
	o.date("to", m.To)
	return o.close()
}

func appendConsent(b []byte, c *casework.Consent) []byte {
	o := openObject(b)
	o.str("id", c.ID, false)
	o.str("purpose", string(c.Purpose), false)
	o.strings("parties", c.Parties)
	o.str("given_by", c.GivenBy, false)
	o.str("relationship", string(c.Relationship), true)
	o.date("date", c.Date)
	o.date("withdrawn", c.Withdrawn)
	return o.close()
}

func appendArrangement(b []byte, a *casework.Arrangement) []byte {
	o := openObject(b)
	o.str("type", string(a.Type), false)
	o.date("start", a.Start)
	o.date("end", a.End)
	o.str("reason", a.Reason, true)
	o.str("household", string(a.Household), true)
	return o.close()
}

func appendStatusChange(b []byte, s *casework.StatusChange) []byte {
	o := openObject(b)
	o.time("at", normTime(s.At))
	o.str("from", string(s.From), true)
	o.str("to", string(s.To), false)
	o.str("by", string(s.By), true)
	return o.close()
}

func appendReopening(b []byte, r *casework.Reopening) []byte {
	o := openObject(b)
	o.date("date", r.Date)
	o.str("reason", r.Reason, false)
	o.str("by", string(r.By), true)
	return o.close()
}

// jsonClosure writes a closure, or null.
func jsonClosure(w *jsonBuf, c *casework.Closure) string {
	if c == nil {
		return "null"
	}
	o := openObject(w.b[:0])
	o.date("date", c.Date)
	o.str("reason", string(c.Reason), false)
	o.str("note", c.Note, true)
	w.b = o.close()
	return string(w.b)
}

func appendMember(b []byte, m *casework.Member) []byte {
	o := openObject(b)
	o.str("id", string(m.ID), false)
	o.str("given_name", m.GivenName, false)
	o.str("family_name", m.FamilyName, true)
	o.str("relationship", string(m.Relationship), false)
	o.boolean("caregiver", m.Caregiver, true)
	o.str("sex", string(m.Sex), true)
	o.integer("birth_year", m.BirthYear, true)
	return o.close()
}

func appendIncome(b []byte, in *casework.IncomeSource) []byte {
	o := openObject(b)
	o.str("kind", string(in.Kind), false)
	o.str("description", in.Description, true)
	o.money("monthly", in.Monthly)
	o.date("from", in.From)
	o.date("to", in.To)
	return o.close()
}

func appendSupport(b []byte, s *casework.SupportPayment) []byte {
	o := openObject(b)
	o.date("date", s.Date)
	o.str("kind", string(s.Kind), false)
	o.money("amount", s.Amount)
	o.str("note", s.Note, true)
	return o.close()
}

func appendReview(b []byte, r *casework.Review) []byte {
	o := openObject(b)
	o.date("date", r.Date)
	o.str("by", r.By, false)
	o.str("note", r.Note, true)
	return o.close()
}

func appendAction(b []byte, a *casework.Action) []byte {
	o := openObject(b)
	o.str("id", a.ID, false)
	o.str("description", a.Description, false)
	o.str("owner", a.Owner, false)
	o.date("due", a.Due)
	o.str("status", string(a.Status), false)
	o.date("done", a.Done)
	return o.close()
}

func appendGoal(b []byte, g *casework.Goal) []byte {
	o := openObject(b)
	o.str("id", g.ID, false)
	o.str("domain", string(g.Domain), false)
	o.str("description", g.Description, false)
	o.str("status", string(g.Status), false)
	o.key("actions")
	if g.Actions == nil {
		o.b = append(o.b, "null"...)
	} else {
		o.b = append(o.b, '[')
		for i := range g.Actions {
			if i > 0 {
				o.b = append(o.b, ',')
			}
			o.b = appendAction(o.b, &g.Actions[i])
		}
		o.b = append(o.b, ']')
	}
	return o.close()
}

// jsonScores writes the scores as a JSON object with sorted keys, or null.
func jsonScores(w *jsonBuf, m map[casework.Factor]int) string {
	if m == nil {
		return "null"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, string(k))
	}
	slices.Sort(keys)
	w.b = append(w.b[:0], '{')
	for i, k := range keys {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = appendJSONString(w.b, k)
		w.b = append(w.b, ':')
		w.b = strconv.AppendInt(w.b, int64(m[casework.Factor(k)]), 10)
	}
	w.b = append(w.b, '}')
	return string(w.b)
}
