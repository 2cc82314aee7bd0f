package cohort

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/homewardkit/homeward"
)

// ActionCounts counts learning actions by status.
type ActionCounts struct {
	Open       int `json:"open"`
	InProgress int `json:"in_progress"`
	Done       int `json:"done"`
	Dropped    int `json:"dropped"`
}

// Add counts one action of status st.
func (n *ActionCounts) Add(st ActionStatus) {
	switch st {
	case ActionOpen:
		n.Open++
	case ActionInProgress:
		n.InProgress++
	case ActionDone:
		n.Done++
	case ActionDropped:
		n.Dropped++
	}
}

// Total returns the number of actions counted.
func (n ActionCounts) Total() int { return n.Open + n.InProgress + n.Done + n.Dropped }

// MemberEvaluation is one member organisation's part in a cohort.
type MemberEvaluation struct {
	Org    homeward.OrgID `json:"org"`
	Status MemberStatus   `json:"status"`
	// Participated reports whether the member had a place while the
	// cohort ran: enrolled before the last session ended and not withdrawn
	// before the first one started.
	Participated bool `json:"participated"`
	// SessionsAttended counts the sessions held (started before the
	// evaluation) that the member attended.
	SessionsAttended int `json:"sessions_attended"`
	// AttendanceRate is SessionsAttended divided by the sessions held;
	// HasRate is false while no session was held.
	AttendanceRate decimal.Decimal `json:"attendance_rate"`
	HasRate        bool            `json:"has_rate"`
	// Completed reports whether the member attended the completion share
	// of all the cohort's sessions.
	Completed bool `json:"completed"`
	// Submissions counts the member's standing case submissions.
	Submissions int `json:"submissions"`
	// Presented counts the discussions of the member's cases.
	Presented int          `json:"presented"`
	Actions   ActionCounts `json:"actions"`
}

// CohortEvaluation is the evaluation of a cohort at a moment: attendance
// and completion per member, submissions, discussions, learning actions by
// status and retention. It holds counts and rates only, never case
// content.
type CohortEvaluation struct {
	Cohort    CohortID     `json:"cohort"`
	Programme ProgrammeID  `json:"programme"`
	Name      string       `json:"name"`
	Status    CohortStatus `json:"status"`
	// At is the moment of the evaluation: sessions that started before it
	// were held.
	At           time.Time `json:"at"`
	Sessions     int       `json:"sessions"`
	SessionsHeld int       `json:"sessions_held"`
	// Members lists every member, in order of application.
	Members    []MemberEvaluation `json:"members"`
	Enrolled   int                `json:"enrolled"`
	Waitlisted int                `json:"waitlisted"`
	Withdrawn  int                `json:"withdrawn"`
	// Participants counts the members that had a place while the cohort
	// ran (see MemberEvaluation.Participated).
	Participants int `json:"participants"`
	// Completed counts the participants that completed; CompletionRate is
	// Completed divided by Participants (HasCompletionRate is false when
	// there are none).
	Completed         int             `json:"completed"`
	CompletionRate    decimal.Decimal `json:"completion_rate"`
	HasCompletionRate bool            `json:"has_completion_rate"`
	// Submissions counts the standing case submissions;
	// SubmissionsWithdrawn the withdrawn ones.
	Submissions          int `json:"submissions"`
	SubmissionsWithdrawn int `json:"submissions_withdrawn"`
	// DiscussionsHeld counts the discussions held on or before the day of
	// the evaluation; DiscussionsConcluded those concluded.
	DiscussionsHeld      int          `json:"discussions_held"`
	DiscussionsConcluded int          `json:"discussions_concluded"`
	Actions              ActionCounts `json:"actions"`
	// EnrolledAtStart counts the members enrolled when the first session
	// started; RetainedAtEnd those of them still enrolled when the last
	// session ended (or at the evaluation, if earlier). Retention is
	// RetainedAtEnd divided by EnrolledAtStart; HasRetention is false when
	// nobody was enrolled at the start.
	EnrolledAtStart int             `json:"enrolled_at_start"`
	RetainedAtEnd   int             `json:"retained_at_end"`
	Retention       decimal.Decimal `json:"retention"`
	HasRetention    bool            `json:"has_retention"`
}

// ratio returns a/b, and false when b is zero.
func ratio(a, b int) (decimal.Decimal, bool) {
	if b == 0 {
		return decimal.Decimal{}, false
	}
	return decimal.NewFromInt(int64(a)).Div(decimal.NewFromInt(int64(b))), true
}

// enrolledAt returns when m got its place; for records without the time of
// enrolment, the time of application stands in. Zero: never enrolled.
func (m *Member) enrolledAt() time.Time {
	switch {
	case !m.Enrolled.IsZero():
		return m.Enrolled
	case m.Status == MemberEnrolled || m.Status == MemberWithdrawn:
		return m.Applied
	}
	return time.Time{}
}

// span returns the instants at which a cohort starts (its first session)
// and ends (its last session's end).
func (c *Cohort) span() (time.Time, time.Time) {
	if len(c.Sessions) == 0 {
		t := c.Start.Time()
		return t, t
	}
	return c.Sessions[0].Start, c.Sessions[len(c.Sessions)-1].End()
}

// EvaluateCohort evaluates cohort c at the moment at, from its
// submissions, discussions and learning actions (those of other cohorts
// are ignored). It reads nothing; [Service.CohortEvaluation] gathers the
// records.
func EvaluateCohort(c *Cohort, at time.Time, subs []Submission, ds []Discussion, as []LearningAction) CohortEvaluation {
	at = at.UTC()
	ev := CohortEvaluation{Cohort: c.ID, Programme: c.Programme, Name: c.Name, Status: c.Status, At: at,
		Sessions: len(c.Sessions), Members: []MemberEvaluation{}}
	for _, s := range c.Sessions {
		if s.Start.Before(at) {
			ev.SessionsHeld++
		}
	}
	members := slices.Clone(c.Members)
	slices.SortStableFunc(members, func(a, b Member) int { return a.Applied.Compare(b.Applied) })
	index := map[homeward.OrgID]int{}
	start, end := c.span()
	if at.Before(end) {
		end = at
	}
	for _, m := range members {
		me := MemberEvaluation{Org: m.Org, Status: m.Status, Completed: c.Completed(m.Org)}
		for _, a := range c.Attendance {
			if a.Org == m.Org && a.Present && a.Session >= 1 && a.Session <= len(c.Sessions) && c.Sessions[a.Session-1].Start.Before(at) {
				me.SessionsAttended++
			}
		}
		me.AttendanceRate, me.HasRate = ratio(me.SessionsAttended, ev.SessionsHeld)
		switch m.Status {
		case MemberEnrolled:
			ev.Enrolled++
		case MemberWaitlisted:
			ev.Waitlisted++
		case MemberWithdrawn:
			ev.Withdrawn++
		}
		if e := m.enrolledAt(); !e.IsZero() {
			last := c.Start.Time()
			if len(c.Sessions) > 0 {
				last = c.Sessions[len(c.Sessions)-1].End()
			}
			if !e.After(last) && (m.Withdrawn.IsZero() || m.Withdrawn.After(start)) {
				me.Participated = true
				ev.Participants++
				if me.Completed {
					ev.Completed++
				}
			}
			if !e.After(start) && (m.Withdrawn.IsZero() || m.Withdrawn.After(start)) {
				ev.EnrolledAtStart++
				if m.Withdrawn.IsZero() || m.Withdrawn.After(end) {
					ev.RetainedAtEnd++
				}
			}
		}
		index[m.Org] = len(ev.Members)
		ev.Members = append(ev.Members, me)
	}
	ev.CompletionRate, ev.HasCompletionRate = ratio(ev.Completed, ev.Participants)
	ev.Retention, ev.HasRetention = ratio(ev.RetainedAtEnd, ev.EnrolledAtStart)
	member := func(org homeward.OrgID) *MemberEvaluation {
		if i, ok := index[org]; ok {
			return &ev.Members[i]
		}
		return nil
	}
	for _, s := range subs {
		if s.Cohort != c.ID {
			continue
		}
		if s.Withdrawn() {
			ev.SubmissionsWithdrawn++
			continue
		}
		ev.Submissions++
		if m := member(s.Org); m != nil {
			m.Submissions++
		}
	}
	today := homeward.DateFromTime(at)
	for _, d := range ds {
		if d.Cohort != c.ID {
			continue
		}
		if !d.HeldOn.After(today) {
			ev.DiscussionsHeld++
		}
		if d.State == DiscussionConcluded {
			ev.DiscussionsConcluded++
		}
		if m := member(d.Presenter); m != nil {
			m.Presented++
		}
	}
	for _, a := range as {
		if a.Cohort != c.ID {
			continue
		}
		ev.Actions.Add(a.Status)
		if m := member(a.Org); m != nil {
			m.Actions.Add(a.Status)
		}
	}
	return ev
}

// NetworkEvaluation is the evaluation of a learning network at a moment:
// its members, the events held and their participants, and the learning
// actions by status, with how many organisations take steps (seed 003:
// every organisation does).
type NetworkEvaluation struct {
	Network NetworkID   `json:"network"`
	Name    string      `json:"name"`
	Kind    NetworkKind `json:"kind"`
	At      time.Time   `json:"at"`
	// Members counts the current member entries (people with roles);
	// Orgs the organisations that take part now (lead and facilitator
	// included).
	Members int `json:"members"`
	Orgs    int `json:"orgs"`
	// EventsHeld counts the events on or before the day of the
	// evaluation, EventsPlanned those after it.
	EventsHeld    int `json:"events_held"`
	EventsPlanned int `json:"events_planned"`
	// Participants adds up the participants of the events held;
	// ParticipantOrgs counts the distinct organisations among them.
	Participants    int `json:"participants"`
	ParticipantOrgs int `json:"participant_orgs"`
	// OrgsWithActions counts the organisations taking part now that have
	// at least one learning action in the network.
	OrgsWithActions int          `json:"orgs_with_actions"`
	Actions         ActionCounts `json:"actions"`
	Conclusions     int          `json:"conclusions"`
}

// EvaluateNetwork evaluates network n at the moment at, from its learning
// actions (those of other networks are ignored). It reads nothing;
// [Service.NetworkEvaluation] gathers the records.
func EvaluateNetwork(n *Network, at time.Time, as []LearningAction) NetworkEvaluation {
	at = at.UTC()
	today := homeward.DateFromTime(at)
	ev := NetworkEvaluation{Network: n.ID, Name: n.Name, Kind: n.Kind, At: at, Conclusions: len(n.Conclusions)}
	current := map[homeward.OrgID]bool{}
	for _, o := range n.Orgs() {
		if n.currentMember(o, today) {
			current[o] = true
		}
	}
	ev.Orgs = len(current)
	for _, m := range n.Members {
		if (m.Joined.IsZero() || !m.Joined.After(today)) && (m.Left.IsZero() || m.Left.After(today)) {
			ev.Members++
		}
	}
	orgs := map[homeward.OrgID]bool{}
	for _, e := range n.Events {
		if e.Date.After(today) {
			ev.EventsPlanned++
			continue
		}
		ev.EventsHeld++
		ev.Participants += e.Participants.Count
		for _, o := range e.Participants.Orgs {
			orgs[o] = true
		}
	}
	ev.ParticipantOrgs = len(orgs)
	stepping := map[homeward.OrgID]bool{}
	for _, a := range as {
		if a.Network != n.ID {
			continue
		}
		ev.Actions.Add(a.Status)
		if current[a.Org] {
			stepping[a.Org] = true
		}
	}
	ev.OrgsWithActions = len(stepping)
	return ev
}

// CohortEvaluation evaluates a cohort now, from its stored submissions,
// discussions and learning actions. The cohort's organisers, facilitators
// and enrolled members may evaluate it; to anyone else it is
// homeward.ErrNotFound.
func (s *Service) CohortEvaluation(ctx context.Context, id CohortID) (CohortEvaluation, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return CohortEvaluation{}, err
	}
	c, err := s.st.Cohorts.Get(ctx, id)
	if err != nil || !s.actsFor(ctx, a, homeward.ActionRead, c.insiders()...) {
		return CohortEvaluation{}, fmt.Errorf("cohort %s: %w", id, homeward.ErrNotFound)
	}
	var subs []Submission
	var ds []Discussion
	var as []LearningAction
	if s.st.Submissions != nil {
		// Only what is counted is kept: no summary leaves the store here.
		err := s.st.Submissions.Scan(ctx, SubmissionFilter{Cohort: id}, func(x *Submission) error {
			subs = append(subs, Submission{ID: x.ID, Cohort: x.Cohort, Org: x.Org, WithdrawnAt: x.WithdrawnAt})
			return nil
		})
		if err != nil {
			return CohortEvaluation{}, err
		}
	}
	if s.st.Discussions != nil {
		err := s.st.Discussions.Scan(ctx, DiscussionFilter{Cohort: id}, func(x *Discussion) error {
			ds = append(ds, Discussion{ID: x.ID, Cohort: x.Cohort, Presenter: x.Presenter, HeldOn: x.HeldOn, State: x.State})
			return nil
		})
		if err != nil {
			return CohortEvaluation{}, err
		}
	}
	if s.st.Actions != nil {
		err := s.st.Actions.Scan(ctx, LearningActionFilter{Cohort: id}, func(x *LearningAction) error {
			as = append(as, LearningAction{ID: x.ID, Org: x.Org, Cohort: x.Cohort, Status: x.Status})
			return nil
		})
		if err != nil {
			return CohortEvaluation{}, err
		}
	}
	return EvaluateCohort(&c, s.stamp(), subs, ds, as), nil
}

// NetworkEvaluation evaluates a learning network now, from its stored
// learning actions. The organisations of the network may evaluate it; to
// anyone else it is homeward.ErrNotFound.
func (s *Service) NetworkEvaluation(ctx context.Context, id NetworkID) (NetworkEvaluation, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return NetworkEvaluation{}, err
	}
	n, err := s.readNetwork(ctx, a, id)
	if err != nil {
		return NetworkEvaluation{}, err
	}
	var as []LearningAction
	if s.st.Actions != nil {
		err := s.st.Actions.Scan(ctx, LearningActionFilter{Network: id}, func(x *LearningAction) error {
			as = append(as, LearningAction{ID: x.ID, Org: x.Org, Network: x.Network, Status: x.Status})
			return nil
		})
		if err != nil {
			return NetworkEvaluation{}, err
		}
	}
	return EvaluateNetwork(&n, s.stamp(), as), nil
}

// CSV exports. Every export starts with a header row of the documented
// columns, in the documented order; later versions only add columns at
// the end. Rates are decimals with four places ("0.7500"), empty when
// undefined (nothing to divide by); booleans are "true" or "false";
// moments are RFC 3339 in UTC. No export holds case content: only ids of
// cohorts, networks and organisations, their names, and counts.

// CohortCSVColumns returns the columns of [WriteCohortCSV], one row per
// cohort: the fields of [CohortEvaluation] in snake case (At is
// evaluated_at), with the action counts as actions_open,
// actions_in_progress, actions_done and actions_dropped.
func CohortCSVColumns() []string { return slices.Clone(cohortCSVColumns) }

var cohortCSVColumns = []string{"cohort", "programme", "name", "status", "evaluated_at", "sessions", "sessions_held",
	"enrolled", "waitlisted", "withdrawn", "participants", "completed", "completion_rate",
	"submissions", "submissions_withdrawn", "discussions_held", "discussions_concluded",
	"actions_open", "actions_in_progress", "actions_done", "actions_dropped",
	"enrolled_at_start", "retained_at_end", "retention"}

// MemberCSVColumns returns the columns of [WriteMemberCSV], one row per
// member of each cohort: the cohort, the organisation, its status, whether
// it participated, the sessions held, then the other fields of
// [MemberEvaluation].
func MemberCSVColumns() []string { return slices.Clone(memberCSVColumns) }

var memberCSVColumns = []string{"cohort", "org", "status", "participated", "sessions_held", "sessions_attended", "attendance_rate", "completed",
	"submissions", "presented", "actions_open", "actions_in_progress", "actions_done", "actions_dropped"}

// NetworkCSVColumns returns the columns of [WriteNetworkCSV], one row per
// network: the fields of [NetworkEvaluation] (At is evaluated_at).
func NetworkCSVColumns() []string { return slices.Clone(networkCSVColumns) }

var networkCSVColumns = []string{"network", "name", "kind", "evaluated_at", "members", "orgs", "events_held", "events_planned",
	"participants", "participant_orgs", "orgs_with_actions",
	"actions_open", "actions_in_progress", "actions_done", "actions_dropped", "conclusions"}

func rateText(r decimal.Decimal, ok bool) string {
	if !ok {
		return ""
	}
	return r.StringFixed(4)
}

func itoa(n int) string { return strconv.Itoa(n) }

func actionCells(n ActionCounts) []string {
	return []string{itoa(n.Open), itoa(n.InProgress), itoa(n.Done), itoa(n.Dropped)}
}

func writeCSV(w io.Writer, header []string, rows func(emit func([]string) error) error) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := rows(cw.Write); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// WriteCohortCSV writes one row per cohort evaluation, with the columns
// [CohortCSVColumns].
func WriteCohortCSV(w io.Writer, evs []CohortEvaluation) error {
	return writeCSV(w, cohortCSVColumns, func(emit func([]string) error) error {
		for _, e := range evs {
			row := []string{string(e.Cohort), string(e.Programme), e.Name, string(e.Status), e.At.UTC().Format(time.RFC3339),
				itoa(e.Sessions), itoa(e.SessionsHeld), itoa(e.Enrolled), itoa(e.Waitlisted), itoa(e.Withdrawn),
				itoa(e.Participants), itoa(e.Completed), rateText(e.CompletionRate, e.HasCompletionRate),
				itoa(e.Submissions), itoa(e.SubmissionsWithdrawn), itoa(e.DiscussionsHeld), itoa(e.DiscussionsConcluded)}
			row = append(row, actionCells(e.Actions)...)
			row = append(row, itoa(e.EnrolledAtStart), itoa(e.RetainedAtEnd), rateText(e.Retention, e.HasRetention))
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// WriteMemberCSV writes one row per member of each cohort evaluation, with
// the columns [MemberCSVColumns].
func WriteMemberCSV(w io.Writer, evs []CohortEvaluation) error {
	return writeCSV(w, memberCSVColumns, func(emit func([]string) error) error {
		for _, e := range evs {
			for _, m := range e.Members {
				row := []string{string(e.Cohort), string(m.Org), string(m.Status), strconv.FormatBool(m.Participated), itoa(e.SessionsHeld), itoa(m.SessionsAttended),
					rateText(m.AttendanceRate, m.HasRate), strconv.FormatBool(m.Completed), itoa(m.Submissions), itoa(m.Presented)}
				if err := emit(append(row, actionCells(m.Actions)...)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// WriteNetworkCSV writes one row per network evaluation, with the columns
// [NetworkCSVColumns].
func WriteNetworkCSV(w io.Writer, evs []NetworkEvaluation) error {
	return writeCSV(w, networkCSVColumns, func(emit func([]string) error) error {
		for _, e := range evs {
			row := []string{string(e.Network), e.Name, string(e.Kind), e.At.UTC().Format(time.RFC3339),
				itoa(e.Members), itoa(e.Orgs), itoa(e.EventsHeld), itoa(e.EventsPlanned), itoa(e.Participants),
				itoa(e.ParticipantOrgs), itoa(e.OrgsWithActions)}
			row = append(row, actionCells(e.Actions)...)
			if err := emit(append(row, itoa(e.Conclusions))); err != nil {
				return err
			}
		}
		return nil
	})
}
