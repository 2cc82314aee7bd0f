// Package casework is the case-management core of Homeward: the record of
// each child and family on the way out of a residential institution and back
// into a family. A [Case] holds the child, the owning organisation, the step
// of case management, the risk level and its history, the case team,
// consents and the child's care arrangements (with the types of the UN
// Guidelines for the Alternative Care of Children; the current arrangement is
// derived from the history, never stored twice). A [Household] holds the
// family's members, its own income and the support the organisation gives
// it, as money per currency. [Assessment] records the Child Status Index of a
// child or the vulnerability index of a household, dated so change can be
// measured; a [Plan] is a family-strengthening plan of goals per domain with
// actions and reviews; a [Note] is a dated case note.
//
// A [Service] enforces everything in one place: the lifecycle of the six
// steps of case management (registered, assessment, case_plan,
// implementation, follow_up, closed, with reopening) and the precondition of
// each step, the review cadence of plans, the plan warnings of seed 004 (no
// goal for living conditions or income; support more than half of the
// household's income; support that does not taper), consent checks before a
// case is shared, de-identified summaries, possible duplicates on
// registration, access control by organisation through a homeward.Policy,
// and an audit event for every change. Storage is behind one small
// interface per aggregate ([Stores]); [NewMemoryStores] keeps them in
// memory, the sqlstore module in SQLite or PostgreSQL, and the caseworktest
// package checks any other implementation. Two optional interfaces let a
// store answer faster than the small ones allow: [DuplicateFinder] for the
// duplicate check on registration, and [ChildStatusScanner] for passes over
// millions of Child Status Index assessments; the in-memory stores
// implement both. Fields tagged
// `privacy:"identifier"` (names, exact birth dates, addresses, phone and ID
// numbers) never leave through a summary, an export, a log line or an error.
package casework
