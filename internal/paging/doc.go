// Package paging implements Homeward's opaque cursors: a cursor is the
// sort key of the last item of a page, encoded so callers treat it as opaque.
package paging
