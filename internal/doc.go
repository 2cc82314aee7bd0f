// Package internal holds what Homeward's packages share but users must not
// depend on: the generic in-memory table behind every in-memory store
// (memtable), cursor paging (paging), the translation catalogue (i18n), id
// generation (ids) and a strict JSON reader that names every bad field
// (jsonx).
package internal
