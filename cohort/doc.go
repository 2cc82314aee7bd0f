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
// contributions are money, totalled per currency. A [Network] is a learning
// network of a region or of neighbourhoods, with a process facilitator, a
// lead organisation, its own scope, members with roles, events such as
// roadshows, and conclusions. In cohorts and networks alike, organisations
// commit to [LearningAction]s that move through plan–do–study–act and are
// reviewed with the four After Action Review questions.
//
// In joint case analysis a member submits a case ([Service.Submit]): the
// case's de-identified summary from the casework package and the question
// the organisation asks, refused without a consent for peer learning on the
// day and while the question or the narrative still names the child or a
// household member. A submission is seen by the cohort's organisers,
// facilitators and enrolled members only. A [Discussion] follows a
// [Protocol] of rounds with time boxes (by default the incident method);
// contributions are recorded per round and organisation, and the
// presenter's chosen actions become its learning actions. Evaluations per
// cohort and per network count attendance, completion, submissions,
// discussions, learning actions by status and retention, and export as CSV
// without case content. The [Service] enforces who may do what across the
// organisations of a cohort or network; the stores are small interfaces
// with in-memory implementations, checked by the cohorttest package.
package cohort
