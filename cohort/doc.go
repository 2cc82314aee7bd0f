// Package cohort models the learning programmes in which organisations that
// care for children learn from each other: the Mutual Learning Program (a
// series of about ten organisations meeting online twelve times over six
// months, in English and Spanish, with a voluntary fee and joint analysis of
// the cases participants bring), neighbourhood learning networks with their
// roadshows, and regional networks of residential providers in which every
// organisation commits to learning actions.
//
// A [Programme] is run by cohorts (series). A [Cohort] generates its
// sessions from a [SessionPlan] in the organiser's time zone, so that each
// member sees them in its own zone and daylight-saving changes keep the
// organiser's wall clock; organisations apply and are enrolled while
// capacity lasts, then waitlisted in order of application, and a withdrawal
// promotes the first on the list. Attendance gives each member an attendance
// rate and, above a configurable share of sessions, completion; voluntary
// contributions are money, totalled per currency. The [Service] enforces
// who may do what in a cohort that spans organisations.
package cohort
