// Package transition is the transition-readiness checklist engine: it
// defines checklists, records an organisation's answers to them, scores the
// answers by an explicit rule, and reports the result in English, Dutch and
// Spanish.
//
// The standard checklist ([Standard]) asks whether an organisation that runs
// or funds a children's home is ready to move the children into family- and
// community-based care. It has five areas. Local partner: the partner
// organisation in the country backs the transition, has the capacity for it,
// is not dependent on the supporting foundation, and runs the programme
// itself. Care team: professional social workers, trained (also in trauma
// work and family self-reliance) and coached. Tailoring: a described approach
// tailored per family that goes beyond direct care to the family's living
// conditions and income, guards against dependence on contributions, and has
// a case team, a follow-up system with aftercare, and regular monitoring.
// Government: the project does not take over government tasks but lobbies,
// involves the agencies, and lets the local partner lead. Network: other
// organisations are involved, existing resources are reused, and the
// organisations stand together towards the government. Four items are
// critical: the local partner backs the transition, the local partner runs
// the programme, professional social workers, and follow-up with aftercare.
//
// An [Assessment] answers items as met, in_progress, not_started or
// not_applicable. A [Scorer] turns it into a [Result]: a score per area and
// overall, a level (not_ready, partly_ready, ready) and the gaps, by a rule
// that researchers can recompute by hand (see [Scorer]). [Scorer.Compare]
// shows the progress between two assessments. Checklists of one's own are
// built in Go or read from JSON ([ParseChecklist]); [WriteResult],
// [WriteProgress] and [WriteChecklist] render text, Markdown, JSON and
// self-contained HTML. [Service] stores assessments through a [Store] with
// validation, access control by organisation and an audit trail;
// [NewMemoryStore] keeps them in memory, the sqlstore module in SQLite or
// PostgreSQL, and the transitiontest package checks any other implementation.
package transition
