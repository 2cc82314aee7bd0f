// Package internal holds what Homeward's packages share but users must not
// depend on: the generic in-memory table behind every in-memory store, with
// its secondary indexes (memtable) on an ordered B-tree set (ordered);
// cursor paging (paging); the translation catalogue (i18n); id generation
// (ids); a strict JSON reader that names every bad field (jsonx); the text
// marshalling of enumerations (enum); the field-name diff of audit events
// (fields); the option defaults and audit recording of the services (svc);
// and the concurrency checks the conformance suites share (storetest).
package internal
