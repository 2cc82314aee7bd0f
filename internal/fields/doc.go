// Package fields names the fields that differ between two versions of a
// record, for audit events. It reports names only, never values, so an
// audit trail cannot leak a child's identifying data.
package fields
