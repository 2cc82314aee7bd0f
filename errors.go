package homeward

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error returned by a Homeward service or store wraps
// exactly one of them, so callers can branch with [errors.Is] and map them to
// their own codes (for example HTTP 404, 409, 400 and 403).
var (
	// ErrNotFound means the record does not exist, or exists in an
	// organisation the actor may not see: the two are never told apart.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the record already exists (on create) or was changed
	// by someone else since it was read (on update: the version differs).
	ErrConflict = errors.New("conflict")
	// ErrInvalid means the input is not acceptable. It is usually reached
	// through a *ValidationError that names the fields.
	ErrInvalid = errors.New("invalid input")
	// ErrForbidden means the actor may not perform the action.
	ErrForbidden = errors.New("forbidden")
)

// FieldError is one problem with one field of an input.
type FieldError struct {
	// Path names the field, with dots for nesting and brackets for list
	// positions, as in "areas[2].items[0].weight".
	Path string `json:"path"`
	// Problem says what is wrong, in English, without repeating the value
	// when the value could identify a person.
	Problem string `json:"problem"`
}

// String returns "path: problem".
func (f FieldError) String() string {
	if f.Path == "" {
		return f.Problem
	}
	return f.Path + ": " + f.Problem
}

// ValidationError lists every problem found in an input at once. It unwraps
// to [ErrInvalid]. The zero value is empty and ready to use.
type ValidationError struct {
	Fields []FieldError `json:"fields"`
}

// Add records a problem with the field at path. The problem is formatted with
// [fmt.Sprintf].
func (e *ValidationError) Add(path, format string, args ...any) {
	e.Fields = append(e.Fields, FieldError{Path: path, Problem: fmt.Sprintf(format, args...)})
}

// Merge adds err's problems under the path prefix. A *ValidationError
// contributes each of its fields (their paths prefixed); any other non-nil
// error is added as one problem at prefix.
func (e *ValidationError) Merge(prefix string, err error) {
	if err == nil {
		return
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		e.Fields = append(e.Fields, FieldError{Path: prefix, Problem: err.Error()})
		return
	}
	for _, f := range ve.Fields {
		e.Fields = append(e.Fields, FieldError{Path: JoinPath(prefix, f.Path), Problem: f.Problem})
	}
}

// Has reports whether a problem has been recorded for path.
func (e *ValidationError) Has(path string) bool {
	for _, f := range e.Fields {
		if f.Path == path {
			return true
		}
	}
	return false
}

// Empty reports whether no problem has been recorded.
func (e *ValidationError) Empty() bool { return e == nil || len(e.Fields) == 0 }

// Err returns e when it holds a problem and nil otherwise, so a validator can
// end with "return v.Err()".
func (e *ValidationError) Err() error {
	if e.Empty() {
		return nil
	}
	return e
}

// Error lists every problem, one per line after the first.
func (e *ValidationError) Error() string {
	switch len(e.Fields) {
	case 0:
		return "invalid input"
	case 1:
		return "invalid input: " + e.Fields[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "invalid input: %d problems:", len(e.Fields))
	for _, f := range e.Fields {
		b.WriteString("\n  ")
		b.WriteString(f.String())
	}
	return b.String()
}

// Unwrap returns [ErrInvalid].
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// JoinPath joins two field paths: JoinPath("areas[1]", "items[0].id") is
// "areas[1].items[0].id"; a path that starts with "[" is appended directly.
func JoinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case strings.HasPrefix(path, "["):
		return prefix + path
	}
	return prefix + "." + path
}

// Invalid returns a *ValidationError with a single problem.
func Invalid(path, format string, args ...any) error {
	var v ValidationError
	v.Add(path, format, args...)
	return &v
}
