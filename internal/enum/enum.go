package enum

import (
	"fmt"
	"slices"
	"strings"
)

// Valid reports whether v is one of all.
func Valid[T ~string](v T, all []T) bool { return slices.Contains(all, v) }

// Marshal returns v as text, or an error when v is not one of all.
func Marshal[T ~string](kind string, v T, all []T) ([]byte, error) {
	if !Valid(v, all) {
		return nil, Unknown(kind, string(v), all)
	}
	return []byte(v), nil
}

// Unmarshal sets *dst to the value b, or fails when b is not one of all.
func Unmarshal[T ~string](kind string, dst *T, b []byte, all []T) error {
	v := T(b)
	if !Valid(v, all) {
		return Unknown(kind, string(b), all)
	}
	*dst = v
	return nil
}

// Unknown is the error for a value that is not one of all.
func Unknown[T ~string](kind, v string, all []T) error {
	names := make([]string, len(all))
	for i, a := range all {
		names[i] = string(a)
	}
	return fmt.Errorf("unknown %s %q (want one of: %s)", kind, v, strings.Join(names, ", "))
}
