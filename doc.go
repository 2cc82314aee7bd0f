// Package homeward is the shared kernel of Homeward, an embeddable library for
// the transition of children from residential institutions into family- and
// community-based care, and for the case management of those children and
// families.
//
// The kernel is deliberately small. It holds what every other package of the
// module shares: the sentinel errors ([ErrNotFound], [ErrConflict],
// [ErrInvalid], [ErrForbidden]) and the [ValidationError] that names every
// failing field; the identity of the acting user and its organisation, carried
// in a [context.Context] ([WithActor], [ActorFrom]); the access [Policy] that
// decides which organisation's records an actor may read or write; the audit
// trail ([AuditEvent], [AuditSink]); civil dates ([Date]); and paging
// ([PageRequest], [Page]).
//
// The capabilities live in sub-packages: transition (the transition-readiness
// checklist engine), casework (case records and family-strengthening plans),
// monitoring (follow-up schedules and indicators) and cohort (learning
// programmes in which organisations analyse each other's cases). Storage is
// behind small interfaces in each package; in-memory implementations ship with
// the core, and the nested module sqlstore implements them on SQLite and
// PostgreSQL.
package homeward
