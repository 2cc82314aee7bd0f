package casework

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/jsonx"
)

// CaseFileFormat names the version of the case file shape in its "format"
// field.
const CaseFileFormat = "homeward-case/1"

// CaseFile is one case with everything recorded about it, in a JSON shape
// that lets a case move between systems: an export from one case system,
// read by another, or by the homeward tool ("homeward case check FILE",
// "homeward case summarize FILE"). Every record keeps its own JSON shape
// (the JSON tags of Case, Household, Assessment, Plan and Note):
//
//	{
//	  "format": "homeward-case/1",
//	  "case": {
//	    "id": "case-17", "org": "hope-kenya", "status": "follow_up",
//	    "child": {"given_name": "…", "family_name": "…", "sex": "female",
//	              "birth_date": "2016-04-12", "languages": ["sw"]},
//	    "household": "hh-4", "registered_on": "2026-03-02", "risk": "medium",
//	    "consents": [{"id": "c1", "purpose": "peer_learning", "given_by": "…",
//	                  "relationship": "grandparent", "date": "2026-03-20"}],
//	    "arrangements": [
//	      {"type": "residential_care", "start": "2019-02-01", "end": "2026-09-15"},
//	      {"type": "kinship_care", "start": "2026-09-15", "household": "hh-4"}]
//	  },
//	  "household": {"id": "hh-4", "org": "hope-kenya",
//	                "members": [{"id": "m1", "given_name": "…", "relationship": "grandparent",
//	                             "caregiver": true, "sex": "female"}],
//	                "income": [{"kind": "casual_labour", "monthly": {"amount": 4000, "currency": "KES"},
//	                            "from": "2025-01-01"}]},
//	  "assessments": [{"id": "a1", "org": "hope-kenya", "kind": "child_status", "case": "case-17",
//	                   "date": "2026-03-15", "scores": {"food_security": 2, "…": 3}}],
//	  "plans": [{"id": "p1", "org": "hope-kenya", "case": "case-17", "status": "active",
//	             "start": "2026-05-05", "next_review": "2026-08-05",
//	             "goals": [{"id": "g1", "domain": "income_work", "description": "…", "status": "open"}]}],
//	  "notes": [{"id": "n1", "org": "hope-kenya", "case": "case-17", "date": "2026-10-02",
//	             "type": "home_visit", "author": "…", "text": "…"}]
//	}
//
// The household is optional (a case may have none) and so are the lists.
// Dates are "YYYY-MM-DD", money is {"amount": number, "currency": ISO 4217
// code}, enumerations are their snake_case values. A file holds direct
// identifiers (names, the birth date, the address, phone and ID numbers): it
// is a record to be kept as carefully as the case system's own database.
// To share a case without them, summarise it (see [Summarize]).
type CaseFile struct {
	// Format is CaseFileFormat.
	Format      string       `json:"format"`
	Case        Case         `json:"case"`
	Household   *Household   `json:"household,omitempty"`
	Assessments []Assessment `json:"assessments"`
	Plans       []Plan       `json:"plans"`
	Notes       []Note       `json:"notes"`
}

// ReadCaseFile reads a case file strictly and checks it (see
// [CaseFile.Check]). It reports every problem at once as a
// *homeward.ValidationError, each with the path of its field
// ("assessments[2].scores.care"): a JSON syntax error with its line, fields
// of the wrong type, unknown fields, and then every problem of the records
// and of their links. A problem never repeats the value of an identifying
// field. A file whose format is not CaseFileFormat is not checked further.
func ReadCaseFile(data []byte) (*CaseFile, error) {
	val, err := jsonx.Decode(data)
	if err != nil {
		return nil, homeward.Invalid("", "%v", err)
	}
	var v homeward.ValidationError
	var f CaseFile
	if _, ok := val.(map[string]any); !ok {
		v.Add("", "a case file must be a JSON object, not %s", jsonKind(val))
		return nil, &v
	}
	readJSON(val, reflect.ValueOf(&f).Elem(), "", false, &v)
	if f.Format != CaseFileFormat {
		if !v.Has("format") {
			v.Add("format", "must be %q", CaseFileFormat)
		}
		return nil, &v
	}
	read := len(v.Fields)
	var check homeward.ValidationError
	check.Merge("", f.Check())
	for _, c := range check.Fields {
		if !covered(v.Fields[:read], c.Path) {
			v.Fields = append(v.Fields, c)
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return &f, nil
}

// covered reports whether a problem was already read at path or at a field
// that holds it, so the check does not repeat what reading found.
func covered(read []homeward.FieldError, path string) bool {
	for _, r := range read {
		if r.Path == path || strings.HasPrefix(path, r.Path+".") || strings.HasPrefix(path, r.Path+"[") {
			return true
		}
	}
	return false
}

// Check validates every record of the file on its own (Case.Validate,
// Household.Validate, Assessment.Validate, Plan.ValidateFor at the case's
// risk for draft and active plans, Plan.Validate for the others,
// Note.Validate) and their links: the format; the ids of the case, the
// household and every record, unique per list; the household is the one
// the case names; assessments of the child are of the file's case and
// assessments of a household of its household; plans and notes are of the
// case; every record is of the case's organisation. It reports every
// problem with its path as a *homeward.ValidationError.
func (f *CaseFile) Check() error {
	var v homeward.ValidationError
	if f.Format != CaseFileFormat {
		v.Add("format", "must be %q", CaseFileFormat)
	}
	checkRecords(&v, &f.Case, f.Household, f.Assessments, f.Plans, f.Notes, true)
	return v.Err()
}

// WriteCaseFile writes f as an indented case file; an empty Format is
// written as CaseFileFormat and absent lists as empty ones. It does not
// check f: a value that cannot be written (an unknown enumeration value) is
// an error, a record that fails its checks is written as it is.
func WriteCaseFile(w io.Writer, f *CaseFile) error {
	out := *f
	if out.Format == "" {
		out.Format = CaseFileFormat
	}
	if out.Assessments == nil {
		out.Assessments = []Assessment{}
	}
	if out.Plans == nil {
		out.Plans = []Plan{}
	}
	if out.Notes == nil {
		out.Notes = []Note{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&out)
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	dateType        = reflect.TypeFor[homeward.Date]()
)

// readJSON stores the decoded JSON value val in dst, by the JSON tags of
// dst's type, and records every problem with its path: values of the wrong
// type, values their type rejects, and unknown fields. ident marks a field
// tagged privacy:"identifier", whose value a problem must not repeat.
func readJSON(val any, dst reflect.Value, path string, ident bool, v *homeward.ValidationError) {
	if val == nil {
		return // null or absent: the zero value
	}
	t := dst.Type()
	if pt := reflect.PointerTo(t); t.Kind() != reflect.Pointer && (pt.Implements(jsonUnmarshaler) || pt.Implements(textUnmarshaler)) {
		readLeaf(val, dst, path, ident, v)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		readJSON(val, p.Elem(), path, ident, v)
		dst.Set(p)
	case reflect.Struct:
		o := jsonx.AsObject(val, path, v)
		if o == nil {
			return
		}
		for i := range t.NumField() {
			sf := t.Field(i)
			name, ok := jsonFieldName(sf)
			if !ok {
				continue
			}
			readJSON(o.Raw(name), dst.Field(i), o.Path(name), sf.Tag.Get("privacy") == "identifier", v)
		}
		o.Done()
	case reflect.Slice:
		list, ok := val.([]any)
		if !ok {
			v.Add(path, "must be a list, not %s", jsonKind(val))
			return
		}
		s := reflect.MakeSlice(t, len(list), len(list))
		for i, x := range list {
			readJSON(x, s.Index(i), jsonx.Index(path, i), ident, v)
		}
		dst.Set(s)
	case reflect.Map:
		o := jsonx.AsObject(val, path, v)
		if o == nil {
			return
		}
		m := reflect.MakeMap(t)
		for _, k := range o.Keys() {
			key := reflect.New(t.Key()).Elem()
			if t.Key().Kind() != reflect.String {
				v.Add(path, "cannot be read: its keys are not strings")
				return
			}
			key.SetString(k)
			elem := reflect.New(t.Elem()).Elem()
			readJSON(o.Raw(k), elem, o.Path(k), ident, v)
			m.SetMapIndex(key, elem)
		}
		dst.Set(m)
	case reflect.String:
		s, ok := val.(string)
		if !ok {
			v.Add(path, "must be a string, not %s", jsonKind(val))
			return
		}
		dst.SetString(s)
	case reflect.Bool:
		b, ok := val.(bool)
		if !ok {
			v.Add(path, "must be true or false, not %s", jsonKind(val))
			return
		}
		dst.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := val.(json.Number)
		if !ok {
			v.Add(path, "must be a number, not %s", jsonKind(val))
			return
		}
		i, err := strconv.ParseInt(n.String(), 10, 64)
		if err != nil || dst.OverflowInt(i) {
			v.Add(path, "must be a whole number in range")
			return
		}
		dst.SetInt(i)
	case reflect.Float32, reflect.Float64:
		n, ok := val.(json.Number)
		if !ok {
			v.Add(path, "must be a number, not %s", jsonKind(val))
			return
		}
		f, err := strconv.ParseFloat(n.String(), 64)
		if err != nil || dst.OverflowFloat(f) {
			v.Add(path, "must be a number in range")
			return
		}
		dst.SetFloat(f)
	default:
		v.Add(path, "cannot be read")
	}
}

// readLeaf reads a value whose type reads itself (a date, an enumeration,
// money, a time).
func readLeaf(val any, dst reflect.Value, path string, ident bool, v *homeward.ValidationError) {
	raw, err := json.Marshal(val)
	if err != nil {
		v.Add(path, "cannot be read")
		return
	}
	p := reflect.New(dst.Type())
	err = json.Unmarshal(raw, p.Interface())
	if err == nil {
		dst.Set(p.Elem())
		return
	}
	var te *json.UnmarshalTypeError
	var ve *homeward.ValidationError
	switch {
	case ident && dst.Type() == dateType:
		v.Add(path, "must be a real date written YYYY-MM-DD")
	case ident:
		v.Add(path, "is not valid")
	case errors.As(err, &te):
		v.Add(path, "must be %s, not %s", want(dst.Type()), jsonKind(val))
	case errors.As(err, &ve):
		v.Merge(path, ve)
	default:
		v.Add(path, "%v", err)
	}
}

// want says what JSON a type reads.
func want(t reflect.Type) string {
	switch {
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		return "a string"
	case t.Kind() == reflect.Struct:
		return "an object"
	}
	return "a " + t.Kind().String()
}

func jsonFieldName(sf reflect.StructField) (string, bool) {
	if !sf.IsExported() {
		return "", false
	}
	tag := sf.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		name = sf.Name
	}
	return name, true
}

func jsonKind(val any) string {
	switch val.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "true/false"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", val)
}
