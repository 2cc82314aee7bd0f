package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/homewardkit/homeward"
)

// Decode reads one JSON value from data, keeping numbers exact.
func Decode(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, syntaxError(data, err)
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return v, nil
}

// syntaxError turns a decoding error into a message with a line number.
func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return fmt.Errorf("line %d: %v", line, se)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return errors.New("unexpected end of JSON input")
	}
	return err
}

// Object is a JSON object being read.
type Object struct {
	m    map[string]any
	path string
	v    *homeward.ValidationError
	seen map[string]bool
}

// AsObject returns val as an Object at path, or nil (with a problem recorded
// in v) when val is not an object.
func AsObject(val any, path string, v *homeward.ValidationError) *Object {
	m, ok := val.(map[string]any)
	if !ok {
		v.Add(path, "must be a JSON object, not %s", kind(val))
		return nil
	}
	return &Object{m: m, path: path, v: v, seen: make(map[string]bool, len(m))}
}

// Path returns the path of the field key of o.
func (o *Object) Path(key string) string { return homeward.JoinPath(o.path, key) }

// Has reports whether key is present (and not null).
func (o *Object) Has(key string) bool {
	o.seen[key] = true
	val, ok := o.m[key]
	return ok && val != nil
}

// Raw returns the value of key (nil when absent) and marks it read.
func (o *Object) Raw(key string) any {
	o.seen[key] = true
	return o.m[key]
}

// String returns the string value of key; "" when absent. A value of another
// type is a problem.
func (o *Object) String(key string) string {
	val := o.Raw(key)
	if val == nil {
		return ""
	}
	s, ok := val.(string)
	if !ok {
		o.v.Add(o.Path(key), "must be a string, not %s", kind(val))
	}
	return s
}

// Bool returns the boolean value of key; false when absent.
func (o *Object) Bool(key string) bool {
	val := o.Raw(key)
	if val == nil {
		return false
	}
	b, ok := val.(bool)
	if !ok {
		o.v.Add(o.Path(key), "must be true or false, not %s", kind(val))
	}
	return b
}

// Decimal returns the exact numeric value of key and whether it was present
// and a valid number.
func (o *Object) Decimal(key string) (decimal.Decimal, bool) {
	val := o.Raw(key)
	if val == nil {
		return decimal.Decimal{}, false
	}
	n, ok := val.(json.Number)
	if !ok {
		o.v.Add(o.Path(key), "must be a number, not %s", kind(val))
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(n.String())
	if err != nil {
		o.v.Add(o.Path(key), "is not a valid number")
		return decimal.Decimal{}, false
	}
	return d, true
}

// Int returns the integer value of key and whether it was present and valid.
func (o *Object) Int(key string) (int64, bool) {
	val := o.Raw(key)
	if val == nil {
		return 0, false
	}
	n, ok := val.(json.Number)
	if !ok {
		o.v.Add(o.Path(key), "must be a number, not %s", kind(val))
		return 0, false
	}
	i, err := strconv.ParseInt(n.String(), 10, 64)
	if err != nil {
		o.v.Add(o.Path(key), "must be a whole number")
		return 0, false
	}
	return i, true
}

// Array returns the elements of the array at key; nil when absent.
func (o *Object) Array(key string) []any {
	val := o.Raw(key)
	if val == nil {
		return nil
	}
	a, ok := val.([]any)
	if !ok {
		o.v.Add(o.Path(key), "must be a list, not %s", kind(val))
	}
	return a
}

// Object returns the object at key; nil when absent or not an object.
func (o *Object) Object(key string) *Object {
	val := o.Raw(key)
	if val == nil {
		return nil
	}
	return AsObject(val, o.Path(key), o.v)
}

// Keys returns the object's keys in sorted order and marks them all read.
func (o *Object) Keys() []string {
	keys := make([]string, 0, len(o.m))
	for k := range o.m {
		keys = append(keys, k)
		o.seen[k] = true
	}
	slices.Sort(keys)
	return keys
}

// Done records every key that was never read as an unknown field.
func (o *Object) Done() {
	if o == nil {
		return
	}
	var unknown []string
	for k := range o.m {
		if !o.seen[k] {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		o.v.Add(o.Path(k), "unknown field")
	}
}

// StringMap reads an object of strings, such as {"en": "...", "nl": "..."}.
func (o *Object) StringMap(key string) map[string]string {
	obj := o.Object(key)
	if obj == nil {
		return nil
	}
	out := make(map[string]string, len(obj.m))
	for _, k := range obj.Keys() {
		s, ok := obj.m[k].(string)
		if !ok {
			o.v.Add(obj.Path(k), "must be a string, not %s", kind(obj.m[k]))
			continue
		}
		out[k] = s
	}
	return out
}

func kind(val any) string {
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

// Index returns the path of element i of the list at path.
func Index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }
