package cohort

import (
	"context"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/memtable"
)

// The stores of learning networks, learning actions, case submissions and
// case discussions follow the store contract described at [ProgrammeStore].

// NetworkStore stores learning networks.
//
// Create fails with homeward.ErrConflict when the id exists; Get with
// homeward.ErrNotFound; Update with homeward.ErrConflict on a stale
// version and homeward.ErrNotFound when missing; List with
// homeward.ErrInvalid on a malformed cursor; Scan returns the first error
// of fn.
type NetworkStore interface {
	Create(ctx context.Context, n Network) (Network, error)
	Get(ctx context.Context, id NetworkID) (Network, error)
	Update(ctx context.Context, n Network) (Network, error)
	// List returns the networks that match f, ordered by id.
	List(ctx context.Context, f NetworkFilter) (homeward.Page[Network], error)
	Scan(ctx context.Context, f NetworkFilter, fn func(*Network) error) error
}

// NetworkFilter selects learning networks; zero fields do not filter.
type NetworkFilter struct {
	// Org keeps the networks this organisation leads, facilitates or is a
	// member of (past members too).
	Org       homeward.OrgID
	Kind      NetworkKind
	Programme ProgrammeID
	Page      homeward.PageRequest
}

// Match reports whether n passes the filter (ignoring paging).
func (f *NetworkFilter) Match(n *Network) bool {
	return (f.Org == "" || n.involves(f.Org)) && (f.Kind == "" || n.Kind == f.Kind) &&
		(f.Programme == "" || n.Programme == f.Programme)
}

// NetworkKey is a network's sort key: its id.
func NetworkKey(n *Network) string { return string(n.ID) }

// LearningActionStore stores learning actions.
//
// Create fails with homeward.ErrConflict when the id exists; Get with
// homeward.ErrNotFound; Update with homeward.ErrConflict on a stale
// version and homeward.ErrNotFound when missing; List with
// homeward.ErrInvalid on a malformed cursor; Scan returns the first error
// of fn.
type LearningActionStore interface {
	Create(ctx context.Context, a LearningAction) (LearningAction, error)
	Get(ctx context.Context, id LearningActionID) (LearningAction, error)
	Update(ctx context.Context, a LearningAction) (LearningAction, error)
	// List returns the actions that match f, ordered by due date, then id.
	List(ctx context.Context, f LearningActionFilter) (homeward.Page[LearningAction], error)
	Scan(ctx context.Context, f LearningActionFilter, fn func(*LearningAction) error) error
}

// LearningActionFilter selects learning actions; zero fields do not filter.
type LearningActionFilter struct {
	Org        homeward.OrgID
	Cohort     CohortID
	Network    NetworkID
	Discussion DiscussionID
	Status     ActionStatus
	Stage      Stage
	Page       homeward.PageRequest
}

// Match reports whether a passes the filter (ignoring paging).
func (f *LearningActionFilter) Match(a *LearningAction) bool {
	return (f.Org == "" || a.Org == f.Org) && (f.Cohort == "" || a.Cohort == f.Cohort) &&
		(f.Network == "" || a.Network == f.Network) && (f.Discussion == "" || a.Discussion == f.Discussion) &&
		(f.Status == "" || a.Status == f.Status) && (f.Stage == "" || a.Stage == f.Stage)
}

// LearningActionKey is a learning action's sort key: its due date, then
// its id.
func LearningActionKey(a *LearningAction) string { return a.Due.String() + "\x00" + string(a.ID) }

// SubmissionStore stores case submissions.
//
// Create fails with homeward.ErrConflict when the id exists; Get with
// homeward.ErrNotFound; Update with homeward.ErrConflict on a stale
// version and homeward.ErrNotFound when missing; List with
// homeward.ErrInvalid on a malformed cursor; Scan returns the first error
// of fn.
type SubmissionStore interface {
	Create(ctx context.Context, s Submission) (Submission, error)
	Get(ctx context.Context, id SubmissionID) (Submission, error)
	Update(ctx context.Context, s Submission) (Submission, error)
	// List returns the submissions that match f, ordered by the time of
	// submission, then id.
	List(ctx context.Context, f SubmissionFilter) (homeward.Page[Submission], error)
	Scan(ctx context.Context, f SubmissionFilter, fn func(*Submission) error) error
}

// SubmissionFilter selects case submissions; zero fields do not filter.
type SubmissionFilter struct {
	Cohort CohortID
	Org    homeward.OrgID
	// Active leaves out withdrawn submissions.
	Active bool
	Page   homeward.PageRequest
}

// Match reports whether s passes the filter (ignoring paging).
func (f *SubmissionFilter) Match(s *Submission) bool {
	return (f.Cohort == "" || s.Cohort == f.Cohort) && (f.Org == "" || s.Org == f.Org) && (!f.Active || !s.Withdrawn())
}

// timeKey formats t in UTC with a fixed width, so that keys sort in time
// order.
func timeKey(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000") }

// SubmissionKey is a submission's sort key: the time of submission, then
// its id.
func SubmissionKey(s *Submission) string { return timeKey(s.SubmittedAt) + "\x00" + string(s.ID) }

// DiscussionStore stores case discussions.
//
// Create fails with homeward.ErrConflict when the id exists; Get with
// homeward.ErrNotFound; Update with homeward.ErrConflict on a stale
// version and homeward.ErrNotFound when missing; List with
// homeward.ErrInvalid on a malformed cursor; Scan returns the first error
// of fn.
type DiscussionStore interface {
	Create(ctx context.Context, d Discussion) (Discussion, error)
	Get(ctx context.Context, id DiscussionID) (Discussion, error)
	Update(ctx context.Context, d Discussion) (Discussion, error)
	// List returns the discussions that match f, ordered by the day they
	// are held, then id.
	List(ctx context.Context, f DiscussionFilter) (homeward.Page[Discussion], error)
	Scan(ctx context.Context, f DiscussionFilter, fn func(*Discussion) error) error
}

// DiscussionFilter selects case discussions; zero fields do not filter.
type DiscussionFilter struct {
	Cohort     CohortID
	Submission SubmissionID
	Presenter  homeward.OrgID
	State      DiscussionState
	Page       homeward.PageRequest
}

// Match reports whether d passes the filter (ignoring paging).
func (f *DiscussionFilter) Match(d *Discussion) bool {
	return (f.Cohort == "" || d.Cohort == f.Cohort) && (f.Submission == "" || d.Submission == f.Submission) &&
		(f.Presenter == "" || d.Presenter == f.Presenter) && (f.State == "" || d.State == f.State)
}

// DiscussionKey is a discussion's sort key: the day it is held, then its
// id.
func DiscussionKey(d *Discussion) string { return d.HeldOn.String() + "\x00" + string(d.ID) }

// newMemoryLearningStores returns the in-memory stores of networks,
// learning actions, submissions and discussions.
func newMemoryLearningStores(st *Stores) {
	st.Networks = memtable.NewStore(memtable.New("network",
		func(n *Network) NetworkID { return n.ID }, func(n *Network) *int64 { return &n.Version }, Network.Clone),
		NetworkKey, (*NetworkFilter).Match, func(f *NetworkFilter) homeward.PageRequest { return f.Page })
	st.Actions = memtable.NewStore(memtable.New("learning action",
		func(a *LearningAction) LearningActionID { return a.ID }, func(a *LearningAction) *int64 { return &a.Version }, LearningAction.Clone),
		LearningActionKey, (*LearningActionFilter).Match, func(f *LearningActionFilter) homeward.PageRequest { return f.Page })
	st.Submissions = memtable.NewStore(memtable.New("submission",
		func(s *Submission) SubmissionID { return s.ID }, func(s *Submission) *int64 { return &s.Version }, Submission.Clone),
		SubmissionKey, (*SubmissionFilter).Match, func(f *SubmissionFilter) homeward.PageRequest { return f.Page })
	st.Discussions = memtable.NewStore(memtable.New("discussion",
		func(d *Discussion) DiscussionID { return d.ID }, func(d *Discussion) *int64 { return &d.Version }, Discussion.Clone),
		DiscussionKey, (*DiscussionFilter).Match, func(f *DiscussionFilter) homeward.PageRequest { return f.Page })
}
