// Package monitoring is the follow-up of children after they move from an
// institution into a family: follow-up policies and the schedules they
// produce, visits and their status as of a day (done, missed, cancelled,
// overdue, due, upcoming), worklists of what is due each morning, closure
// readiness after aftercare, and the indicators and de-identified research
// datasets with which researchers measure whether placements last.
//
// A [Policy] is data: per risk level, a first contact some days after the
// placement and phases such as "every 2 weeks from week 10 until week 16".
// Every due date is computed from the placement date, never chained from an
// earlier visit, and adding months clamps to the end of the month.
// [DefaultPolicy] follows published child-welfare manuals (intensive first,
// tapering over twelve months); an organisation replaces it with its own.
package monitoring
