package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/cohort"
)

// The cohort stores keep the records of package cohort in the tables
// programmes, cohorts, networks, learning_actions, submissions and
// discussions (migration 0005). Like every store they check only identity
// and versions; validation, time stamps, enrolment and access control are
// the business of cohort.Service. Times are stored in UTC at microsecond
// precision (the returned copies show what was stored). Errors name records
// by id only, never by a name, a question, a narrative or any other text of
// the record.
//
// Filters on membership of a list of organisations (ProgrammeFilter.Organiser,
// CohortFilter.Org, NetworkFilter.Org) read a side table per record type
// (programme_orgs, cohort_orgs, network_orgs) with one row per record and
// organisation. Create and Update write those rows in the transaction that
// writes the record, and only after its insert or versioned update
// succeeded, so a stale update changes neither the record nor its rows.

// Cohort returns the cohort stores of the database, for cohort.NewService:
// every store of cohort.Stores is set.
func (d *DB) Cohort() cohort.Stores {
	s := d.cohortStores()
	return cohort.Stores{
		Programmes:  s.programmes,
		Cohorts:     s.cohorts,
		Networks:    s.networks,
		Actions:     s.actions,
		Submissions: s.submissions,
		Discussions: s.discussions,
	}
}

// Programmes returns the store of learning programmes.
func (d *DB) Programmes() *ProgrammeStore { return d.cohortStores().programmes }

// Cohorts returns the store of cohorts (series of a programme).
func (d *DB) Cohorts() *CohortStore { return d.cohortStores().cohorts }

// Networks returns the store of learning networks.
func (d *DB) Networks() *NetworkStore { return d.cohortStores().networks }

// LearningActions returns the store of learning actions.
func (d *DB) LearningActions() *LearningActionStore { return d.cohortStores().actions }

// Submissions returns the store of case submissions for joint analysis.
func (d *DB) Submissions() *SubmissionStore { return d.cohortStores().submissions }

// Discussions returns the store of case discussions.
func (d *DB) Discussions() *DiscussionStore { return d.cohortStores().discussions }

// cohortStores are the cohort stores a DB hands out, built once.
type cohortStores struct {
	programmes  *ProgrammeStore
	cohorts     *CohortStore
	networks    *NetworkStore
	actions     *LearningActionStore
	submissions *SubmissionStore
	discussions *DiscussionStore
}

func (d *DB) cohortStores() *cohortStores {
	d.coOnce.Do(func() {
		d.co = &cohortStores{
			programmes:  &ProgrammeStore{t: newTable(d, "programme", "programmes", programmeColumns, "", programmeSpec)},
			cohorts:     &CohortStore{t: newTable(d, "cohort", "cohorts", cohortColumns, "start", cohortSpec)},
			networks:    &NetworkStore{t: newTable(d, "network", "networks", networkColumns, "", networkSpec)},
			actions:     &LearningActionStore{t: newTable(d, "learning action", "learning_actions", actionColumns, "due", actionSpec)},
			submissions: &SubmissionStore{t: newTable(d, "submission", "submissions", submissionColumns, "submitted_at", submissionSpec)},
			discussions: &DiscussionStore{t: newTable(d, "discussion", "discussions", discussionColumns, "held_on", discussionSpec)},
		}
	})
	return d.co
}

// inOrgs adds the condition that org is one of the organisations of the
// record in the side table orgTable, when org is not empty.
func (f *filter) inOrgs(orgTable string, org homeward.OrgID) {
	if org != "" {
		f.add(`id IN (SELECT record_id FROM `+orgTable+` WHERE org = ?)`, string(org))
	}
}

// optTimeArg returns the query argument that stores t, NULL for the zero
// time.
func (d *DB) optTimeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return d.timeArg(t)
}

// requireTime fails with homeward.ErrInvalid when a time that orders a
// list is missing.
func requireTime(kind, id, field string, t time.Time) error {
	if t.IsZero() {
		return fmt.Errorf("%s %s: %w", kind, id, homeward.Invalid(field, "is required: it orders the list"))
	}
	return nil
}

// Programmes.

// ProgrammeStore is a [cohort.ProgrammeStore] in the programmes table. It
// is safe for concurrent use. Get it from [DB.Programmes] or [DB.Cohort].
//
// Name, kind, the numbers of the programme and its joint case analysis flag
// are columns; organisers, languages, themes and the fee policy (money as
// exact decimal text with its currency) are JSON. The organisers are also
// rows of the side table programme_orgs, which the filter by organiser
// reads.
type ProgrammeStore struct {
	t *table[cohort.ProgrammeID, cohort.Programme]
}

var _ cohort.ProgrammeStore = (*ProgrammeStore)(nil)

var programmeColumns = []string{"name", "kind", "organisers", "languages", "duration_months", "sessions", "session_minutes",
	"capacity", "fee", "themes", "joint_case_analysis", "created_at", "updated_at"}

var programmeSpec = spec[cohort.ProgrammeID, cohort.Programme]{
	id:       func(p *cohort.Programme) cohort.ProgrammeID { return p.ID },
	version:  func(p *cohort.Programme) *int64 { return &p.Version },
	key:      cohort.ProgrammeKey,
	orgTable: "programme_orgs",
	orgs:     func(p *cohort.Programme) []homeward.OrgID { return p.Organisers },
	prepare: func(p cohort.Programme) (cohort.Programme, error) {
		p = p.Clone()
		p.CreatedAt, p.UpdatedAt = normTime(p.CreatedAt), normTime(p.UpdatedAt)
		return p, requireID(string(p.ID))
	},
	values: func(d *DB, pr *cohort.Programme) ([]any, error) {
		p := jsonParts{kind: "programme", id: string(pr.ID)}
		vals := []any{pr.Name, string(pr.Kind),
			encodeStrings(&p, "organisers", pr.Organisers),
			encodeStrings(&p, "languages", pr.Languages),
			pr.DurationMonths, pr.Sessions, pr.SessionMinutes, pr.Capacity,
			encodeFee(&p, pr.Fee),
			encodeStrings(&p, "themes", pr.Themes),
			pr.JointCaseAnalysis, d.timeArg(pr.CreatedAt), d.timeArg(pr.UpdatedAt)}
		return vals, p.err
	},
	read: func(r rowScanner) (cohort.Programme, error) {
		var (
			pr                           cohort.Programme
			id, kind                     string
			organisers, langs, fee, thms []byte
		)
		err := r.Scan(&id, &pr.Name, &kind, &organisers, &langs, &pr.DurationMonths, &pr.Sessions, &pr.SessionMinutes,
			&pr.Capacity, &fee, &thms, &pr.JointCaseAnalysis, timeScan{&pr.CreatedAt}, timeScan{&pr.UpdatedAt}, &pr.Version)
		if err != nil {
			return cohort.Programme{}, err
		}
		pr.ID, pr.Kind = cohort.ProgrammeID(id), cohort.ProgrammeKind(kind)
		p := jsonParts{kind: "programme", id: id}
		pr.Organisers = decodeStrings[homeward.OrgID](&p, "organisers", organisers)
		pr.Languages = decodeStrings[string](&p, "languages", langs)
		pr.Fee = decodeFee(&p, fee)
		pr.Themes = decodeStrings[string](&p, "themes", thms)
		return pr, p.err
	},
}

// Create stores p with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when a programme with p's ID exists and with
// homeward.ErrInvalid when p has no ID.
func (s *ProgrammeStore) Create(ctx context.Context, p cohort.Programme) (cohort.Programme, error) {
	return s.t.create(ctx, p)
}

// Get returns the programme with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *ProgrammeStore) Get(ctx context.Context, id cohort.ProgrammeID) (cohort.Programme, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored programme with p when p.Version equals the
// stored version, stores it with the version incremented and returns the
// stored copy. It fails with homeward.ErrNotFound when there is no such
// programme, homeward.ErrConflict when the versions differ, and
// homeward.ErrInvalid when p has no ID.
func (s *ProgrammeStore) Update(ctx context.Context, p cohort.Programme) (cohort.Programme, error) {
	return s.t.update(ctx, p)
}

// List returns the programmes that match f, ordered by id (byte order), one
// page at a time. A malformed cursor is homeward.ErrInvalid.
func (s *ProgrammeStore) List(ctx context.Context, f cohort.ProgrammeFilter) (homeward.Page[cohort.Programme], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every programme that matches f (its Page is ignored),
// in list order, and stops at the first error fn returns, which it returns.
// It reads the programmes 1000 at a time and holds no query open while fn
// runs, so fn may use the database. fn may change the record it is given
// but must not keep it.
func (s *ProgrammeStore) Scan(ctx context.Context, f cohort.ProgrammeFilter, fn func(*cohort.Programme) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

func (s *ProgrammeStore) where(f *cohort.ProgrammeFilter) filter {
	var w filter
	w.eq("kind", string(f.Kind))
	w.inOrgs("programme_orgs", f.Organiser)
	return w
}

// Cohorts.

// CohortStore is a [cohort.CohortStore] in the cohorts table. It is safe
// for concurrent use. Get it from [DB.Cohorts] or [DB.Cohort].
//
// Programme, name, start date, status, language, capacity and completion
// share (exact decimal text) are columns, indexed for the lists by
// programme and by status in start order; organisers, facilitators,
// information meetings, the session plan, sessions, members, attendance and
// contributions (money as exact decimal text with its currency) are JSON.
// The organisations of the organisers, facilitators and members (in any
// state) are also rows of the side table cohort_orgs, which the filter by
// organisation reads. A cohort needs a start date, which orders lists.
type CohortStore struct {
	t *table[cohort.CohortID, cohort.Cohort]
}

var _ cohort.CohortStore = (*CohortStore)(nil)

var cohortColumns = []string{"programme", "name", "start", "status", "language", "organisers", "facilitators", "info_meetings",
	"capacity", "plan", "sessions", "members", "attendance", "contributions", "completion_share", "created_at", "updated_at"}

// cohortOrgs returns the organisations CohortFilter.Org finds c by: its
// organisers, its facilitators' organisations and its members in any
// state.
func cohortOrgs(c *cohort.Cohort) []homeward.OrgID {
	orgs := append([]homeward.OrgID(nil), c.Organisers...)
	for _, f := range c.Facilitators {
		orgs = append(orgs, f.Org)
	}
	for _, m := range c.Members {
		orgs = append(orgs, m.Org)
	}
	return orgs
}

var cohortSpec = spec[cohort.CohortID, cohort.Cohort]{
	id:       func(c *cohort.Cohort) cohort.CohortID { return c.ID },
	version:  func(c *cohort.Cohort) *int64 { return &c.Version },
	key:      cohort.CohortKey,
	orgTable: "cohort_orgs",
	orgs:     cohortOrgs,
	prepare: func(c cohort.Cohort) (cohort.Cohort, error) {
		c = c.Clone()
		c.CreatedAt, c.UpdatedAt = normTime(c.CreatedAt), normTime(c.UpdatedAt)
		for i := range c.InfoMeetings {
			c.InfoMeetings[i] = normTime(c.InfoMeetings[i])
		}
		for i := range c.Sessions {
			c.Sessions[i].Start = normTime(c.Sessions[i].Start)
		}
		for i := range c.Members {
			m := &c.Members[i]
			m.Applied, m.Enrolled, m.Withdrawn = normTime(m.Applied), normTime(m.Enrolled), normTime(m.Withdrawn)
		}
		if err := requireID(string(c.ID)); err != nil {
			return c, err
		}
		return c, requireDate("cohort", string(c.ID), "start", c.Start)
	},
	values: func(d *DB, c *cohort.Cohort) ([]any, error) {
		p := jsonParts{kind: "cohort", id: string(c.ID)}
		vals := []any{string(c.Programme), c.Name, d.dateArg(c.Start), string(c.Status), c.Language,
			encodeStrings(&p, "organisers", c.Organisers),
			encodeList(&p, "facilitators", c.Facilitators, toFacilitator),
			encodeList(&p, "information meetings", c.InfoMeetings, toTime),
			c.Capacity,
			encodePlan(&p, &c.Plan),
			encodeList(&p, "sessions", c.Sessions, toSession),
			encodeList(&p, "members", c.Members, toCohortMember),
			encodeList(&p, "attendance", c.Attendance, toAttendance),
			encodeList(&p, "contributions", c.Contributions, toContribution),
			c.CompletionShare.String(),
			d.timeArg(c.CreatedAt), d.timeArg(c.UpdatedAt)}
		return vals, p.err
	},
	read: func(r rowScanner) (cohort.Cohort, error) {
		var (
			c                                                    cohort.Cohort
			id, programme, status, share                         string
			orgs, facs, infos, plan, sessions, members, att, cts []byte
		)
		err := r.Scan(&id, &programme, &c.Name, dateScan{&c.Start}, &status, &c.Language, &orgs, &facs, &infos,
			&c.Capacity, &plan, &sessions, &members, &att, &cts, &share,
			timeScan{&c.CreatedAt}, timeScan{&c.UpdatedAt}, &c.Version)
		if err != nil {
			return cohort.Cohort{}, err
		}
		c.ID, c.Programme, c.Status = cohort.CohortID(id), cohort.ProgrammeID(programme), cohort.CohortStatus(status)
		p := jsonParts{kind: "cohort", id: id}
		c.Organisers = decodeStrings[homeward.OrgID](&p, "organisers", orgs)
		c.Facilitators = decodeList(&p, "facilitators", facs, fromFacilitator)
		c.InfoMeetings = decodeList(&p, "information meetings", infos, fromTime)
		c.Plan = decodePlan(&p, plan)
		c.Sessions = decodeList(&p, "sessions", sessions, fromSession)
		c.Members = decodeList(&p, "members", members, fromCohortMember)
		c.Attendance = decodeList(&p, "attendance", att, fromAttendance)
		c.Contributions = decodeList(&p, "contributions", cts, fromContribution)
		if c.CompletionShare, err = decimal.NewFromString(share); err != nil {
			p.fail("completion share")
		}
		return c, p.err
	},
}

// Create stores c with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when a cohort with c's ID exists and with
// homeward.ErrInvalid when c has no ID or no start date.
func (s *CohortStore) Create(ctx context.Context, c cohort.Cohort) (cohort.Cohort, error) {
	return s.t.create(ctx, c)
}

// Get returns the cohort with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *CohortStore) Get(ctx context.Context, id cohort.CohortID) (cohort.Cohort, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored cohort with c when c.Version equals the stored
// version, stores it with the version incremented and returns the stored
// copy. It fails with homeward.ErrNotFound when there is no such cohort,
// homeward.ErrConflict when the versions differ, and homeward.ErrInvalid
// when c has no ID or no start date.
func (s *CohortStore) Update(ctx context.Context, c cohort.Cohort) (cohort.Cohort, error) {
	return s.t.update(ctx, c)
}

// List returns the cohorts that match f, ordered by start date and then by
// id (byte order), one page at a time. A malformed cursor is
// homeward.ErrInvalid.
func (s *CohortStore) List(ctx context.Context, f cohort.CohortFilter) (homeward.Page[cohort.Cohort], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every cohort that matches f (its Page is ignored), in
// list order, and stops at the first error fn returns, which it returns. It
// reads the cohorts 1000 at a time and holds no query open while fn runs,
// so fn may use the database. fn may change the record it is given but
// must not keep it.
func (s *CohortStore) Scan(ctx context.Context, f cohort.CohortFilter, fn func(*cohort.Cohort) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

func (s *CohortStore) where(f *cohort.CohortFilter) filter {
	var w filter
	w.eq("programme", string(f.Programme))
	w.eq("status", string(f.Status))
	w.inOrgs("cohort_orgs", f.Org)
	return w
}

// Learning networks.

// NetworkStore is a [cohort.NetworkStore] in the networks table. It is safe
// for concurrent use. Get it from [DB.Networks] or [DB.Cohort].
//
// Kind, name, region, programme, the process facilitator, the lead
// organisation and the scope are columns, indexed for the lists by kind and
// by programme; neighbourhoods, themes, members, events and conclusions are
// JSON. The lead, the facilitator's organisation and the member
// organisations (past members too) are also rows of the side table
// network_orgs, which the filter by organisation reads.
type NetworkStore struct {
	t *table[cohort.NetworkID, cohort.Network]
}

var _ cohort.NetworkStore = (*NetworkStore)(nil)

var networkColumns = []string{"kind", "name", "region", "neighbourhoods", "programme", "facilitator_name", "facilitator_org",
	"lead", "scope", "themes", "members", "events", "conclusions", "created_at", "updated_at"}

var networkSpec = spec[cohort.NetworkID, cohort.Network]{
	id:       func(n *cohort.Network) cohort.NetworkID { return n.ID },
	version:  func(n *cohort.Network) *int64 { return &n.Version },
	key:      cohort.NetworkKey,
	orgTable: "network_orgs",
	orgs:     (*cohort.Network).Orgs,
	prepare: func(n cohort.Network) (cohort.Network, error) {
		n = n.Clone()
		n.CreatedAt, n.UpdatedAt = normTime(n.CreatedAt), normTime(n.UpdatedAt)
		return n, requireID(string(n.ID))
	},
	values: func(d *DB, n *cohort.Network) ([]any, error) {
		p := jsonParts{kind: "network", id: string(n.ID)}
		vals := []any{string(n.Kind), n.Name, n.Region,
			encodeStrings(&p, "neighbourhoods", n.Neighbourhoods),
			string(n.Programme), n.Facilitator.Name, string(n.Facilitator.Org), string(n.Lead), n.Scope,
			encodeStrings(&p, "themes", n.Themes),
			encodeList(&p, "members", n.Members, toNetworkMember),
			encodeList(&p, "events", n.Events, toEvent),
			encodeStrings(&p, "conclusions", n.Conclusions),
			d.timeArg(n.CreatedAt), d.timeArg(n.UpdatedAt)}
		return vals, p.err
	},
	read: func(r rowScanner) (cohort.Network, error) {
		var (
			n                                     cohort.Network
			id, kind, programme, facOrg, lead     string
			hoods, themes, members, events, concl []byte
		)
		err := r.Scan(&id, &kind, &n.Name, &n.Region, &hoods, &programme, &n.Facilitator.Name, &facOrg, &lead, &n.Scope,
			&themes, &members, &events, &concl, timeScan{&n.CreatedAt}, timeScan{&n.UpdatedAt}, &n.Version)
		if err != nil {
			return cohort.Network{}, err
		}
		n.ID, n.Kind, n.Programme = cohort.NetworkID(id), cohort.NetworkKind(kind), cohort.ProgrammeID(programme)
		n.Facilitator.Org, n.Lead = homeward.OrgID(facOrg), homeward.OrgID(lead)
		p := jsonParts{kind: "network", id: id}
		n.Neighbourhoods = decodeStrings[string](&p, "neighbourhoods", hoods)
		n.Themes = decodeStrings[string](&p, "themes", themes)
		n.Members = decodeList(&p, "members", members, fromNetworkMember)
		n.Events = decodeList(&p, "events", events, fromEvent)
		n.Conclusions = decodeStrings[string](&p, "conclusions", concl)
		return n, p.err
	},
}

// Create stores n with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when a network with n's ID exists and with
// homeward.ErrInvalid when n has no ID.
func (s *NetworkStore) Create(ctx context.Context, n cohort.Network) (cohort.Network, error) {
	return s.t.create(ctx, n)
}

// Get returns the network with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *NetworkStore) Get(ctx context.Context, id cohort.NetworkID) (cohort.Network, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored network with n when n.Version equals the
// stored version, stores it with the version incremented and returns the
// stored copy. It fails with homeward.ErrNotFound when there is no such
// network, homeward.ErrConflict when the versions differ, and
// homeward.ErrInvalid when n has no ID.
func (s *NetworkStore) Update(ctx context.Context, n cohort.Network) (cohort.Network, error) {
	return s.t.update(ctx, n)
}

// List returns the networks that match f, ordered by id (byte order), one
// page at a time. A malformed cursor is homeward.ErrInvalid.
func (s *NetworkStore) List(ctx context.Context, f cohort.NetworkFilter) (homeward.Page[cohort.Network], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every network that matches f (its Page is ignored), in
// list order, and stops at the first error fn returns, which it returns. It
// reads the networks 1000 at a time and holds no query open while fn runs,
// so fn may use the database. fn may change the record it is given but
// must not keep it.
func (s *NetworkStore) Scan(ctx context.Context, f cohort.NetworkFilter, fn func(*cohort.Network) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

func (s *NetworkStore) where(f *cohort.NetworkFilter) filter {
	var w filter
	w.eq("kind", string(f.Kind))
	w.eq("programme", string(f.Programme))
	w.inOrgs("network_orgs", f.Org)
	return w
}

// Learning actions.

// LearningActionStore is a [cohort.LearningActionStore] in the
// learning_actions table. It is safe for concurrent use. Get it from
// [DB.LearningActions] or [DB.Cohort].
//
// Organisation, cohort, network, discussion, description, stage, due date
// and status are columns, indexed for the lists by organisation, cohort,
// network, discussion and status in due order; evidence and the After
// Action Review are JSON. An action needs a due date, which orders lists.
type LearningActionStore struct {
	t *table[cohort.LearningActionID, cohort.LearningAction]
}

var _ cohort.LearningActionStore = (*LearningActionStore)(nil)

var actionColumns = []string{"org", "cohort", "network", "discussion", "description", "stage", "due", "status", "evidence",
	"review", "created_at", "updated_at"}

var actionSpec = spec[cohort.LearningActionID, cohort.LearningAction]{
	id:      func(a *cohort.LearningAction) cohort.LearningActionID { return a.ID },
	version: func(a *cohort.LearningAction) *int64 { return &a.Version },
	key:     cohort.LearningActionKey,
	prepare: func(a cohort.LearningAction) (cohort.LearningAction, error) {
		a = a.Clone()
		a.CreatedAt, a.UpdatedAt = normTime(a.CreatedAt), normTime(a.UpdatedAt)
		if err := requireID(string(a.ID)); err != nil {
			return a, err
		}
		return a, requireDate("learning action", string(a.ID), "due", a.Due)
	},
	values: func(d *DB, a *cohort.LearningAction) ([]any, error) {
		p := jsonParts{kind: "learning action", id: string(a.ID)}
		vals := []any{string(a.Org), string(a.Cohort), string(a.Network), string(a.Discussion), a.Description,
			string(a.Stage), d.dateArg(a.Due), string(a.Status),
			encodeList(&p, "evidence", a.Evidence, toEvidence),
			encodeActionReview(&p, a.Review),
			d.timeArg(a.CreatedAt), d.timeArg(a.UpdatedAt)}
		return vals, p.err
	},
	read: func(r rowScanner) (cohort.LearningAction, error) {
		var (
			a                                          cohort.LearningAction
			id, org, coh, network, disc, stage, status string
			evidence, review                           []byte
		)
		err := r.Scan(&id, &org, &coh, &network, &disc, &a.Description, &stage, dateScan{&a.Due}, &status, &evidence, &review,
			timeScan{&a.CreatedAt}, timeScan{&a.UpdatedAt}, &a.Version)
		if err != nil {
			return cohort.LearningAction{}, err
		}
		a.ID, a.Org, a.Cohort = cohort.LearningActionID(id), homeward.OrgID(org), cohort.CohortID(coh)
		a.Network, a.Discussion = cohort.NetworkID(network), cohort.DiscussionID(disc)
		a.Stage, a.Status = cohort.Stage(stage), cohort.ActionStatus(status)
		p := jsonParts{kind: "learning action", id: id}
		a.Evidence = decodeList(&p, "evidence", evidence, fromEvidence)
		a.Review = decodeActionReview(&p, review)
		return a, p.err
	},
}

// Create stores a with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when a learning action with a's ID exists and with
// homeward.ErrInvalid when a has no ID or no due date.
func (s *LearningActionStore) Create(ctx context.Context, a cohort.LearningAction) (cohort.LearningAction, error) {
	return s.t.create(ctx, a)
}

// Get returns the learning action with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *LearningActionStore) Get(ctx context.Context, id cohort.LearningActionID) (cohort.LearningAction, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored learning action with a when a.Version equals
// the stored version, stores it with the version incremented and returns
// the stored copy. It fails with homeward.ErrNotFound when there is no such
// action, homeward.ErrConflict when the versions differ, and
// homeward.ErrInvalid when a has no ID or no due date.
func (s *LearningActionStore) Update(ctx context.Context, a cohort.LearningAction) (cohort.LearningAction, error) {
	return s.t.update(ctx, a)
}

// List returns the learning actions that match f, ordered by due date and
// then by id (byte order), one page at a time. A malformed cursor is
// homeward.ErrInvalid.
func (s *LearningActionStore) List(ctx context.Context, f cohort.LearningActionFilter) (homeward.Page[cohort.LearningAction], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every learning action that matches f (its Page is
// ignored), in list order, and stops at the first error fn returns, which
// it returns. It reads the actions 1000 at a time and holds no query open
// while fn runs, so fn may use the database. fn may change the record it is
// given but must not keep it.
func (s *LearningActionStore) Scan(ctx context.Context, f cohort.LearningActionFilter, fn func(*cohort.LearningAction) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

func (s *LearningActionStore) where(f *cohort.LearningActionFilter) filter {
	var w filter
	w.eq("org", string(f.Org))
	w.eq("cohort", string(f.Cohort))
	w.eq("network", string(f.Network))
	w.eq("discussion", string(f.Discussion))
	w.eq("status", string(f.Status))
	w.eq("stage", string(f.Stage))
	return w
}

// Case submissions.

// SubmissionStore is a [cohort.SubmissionStore] in the submissions table.
// It is safe for concurrent use. Get it from [DB.Submissions] or
// [DB.Cohort].
//
// Cohort, organisation, case, question, the day of the summary and the
// times of submission and withdrawal are columns, indexed for the lists by
// cohort and by organisation in order of submission; the de-identified case
// summary is JSON. A submission needs its time of submission, which orders
// lists; cursors carry it as cohort.SubmissionKey writes it.
type SubmissionStore struct {
	t *table[cohort.SubmissionID, cohort.Submission]
}

var _ cohort.SubmissionStore = (*SubmissionStore)(nil)

var submissionColumns = []string{"cohort", "org", "case_id", "summary", "question", "summary_on", "submitted_at",
	"withdrawn_at", "created_at", "updated_at"}

// submissionKeyLayout is the layout of the time in cohort.SubmissionKey.
const submissionKeyLayout = "2006-01-02T15:04:05.000000000"

var submissionSpec = spec[cohort.SubmissionID, cohort.Submission]{
	id:      func(s *cohort.Submission) cohort.SubmissionID { return s.ID },
	version: func(s *cohort.Submission) *int64 { return &s.Version },
	key:     cohort.SubmissionKey,
	cursorArg: func(d *DB, s string) (any, bool) {
		t, err := time.Parse(submissionKeyLayout, s)
		if err != nil {
			return nil, false
		}
		return d.timeArg(t), true
	},
	prepare: func(s cohort.Submission) (cohort.Submission, error) {
		s = s.Clone()
		s.SubmittedAt, s.WithdrawnAt = normTime(s.SubmittedAt), normTime(s.WithdrawnAt)
		s.CreatedAt, s.UpdatedAt = normTime(s.CreatedAt), normTime(s.UpdatedAt)
		if err := requireID(string(s.ID)); err != nil {
			return s, err
		}
		return s, requireTime("submission", string(s.ID), "submitted_at", s.SubmittedAt)
	},
	values: func(d *DB, s *cohort.Submission) ([]any, error) {
		p := jsonParts{kind: "submission", id: string(s.ID)}
		vals := []any{string(s.Cohort), string(s.Org), string(s.Case), encodeSummary(&p, &s.Summary), s.Question,
			d.optDateArg(s.On), d.timeArg(s.SubmittedAt), d.optTimeArg(s.WithdrawnAt),
			d.timeArg(s.CreatedAt), d.timeArg(s.UpdatedAt)}
		return vals, p.err
	},
	read: func(r rowScanner) (cohort.Submission, error) {
		var (
			s                cohort.Submission
			id, coh, org, cs string
			summary          []byte
		)
		err := r.Scan(&id, &coh, &org, &cs, &summary, &s.Question, optDateScan{&s.On}, timeScan{&s.SubmittedAt},
			timeScan{&s.WithdrawnAt}, timeScan{&s.CreatedAt}, timeScan{&s.UpdatedAt}, &s.Version)
		if err != nil {
			return cohort.Submission{}, err
		}
		s.ID, s.Cohort, s.Org, s.Case = cohort.SubmissionID(id), cohort.CohortID(coh), homeward.OrgID(org), casework.CaseID(cs)
		p := jsonParts{kind: "submission", id: id}
		s.Summary = decodeSummary(&p, summary)
		return s, p.err
	},
}

// Create stores s with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when a submission with s's ID exists and with
// homeward.ErrInvalid when s has no ID or no time of submission.
func (s *SubmissionStore) Create(ctx context.Context, sub cohort.Submission) (cohort.Submission, error) {
	return s.t.create(ctx, sub)
}

// Get returns the submission with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *SubmissionStore) Get(ctx context.Context, id cohort.SubmissionID) (cohort.Submission, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored submission with sub when sub.Version equals
// the stored version, stores it with the version incremented and returns
// the stored copy. It fails with homeward.ErrNotFound when there is no such
// submission, homeward.ErrConflict when the versions differ, and
// homeward.ErrInvalid when sub has no ID or no time of submission.
func (s *SubmissionStore) Update(ctx context.Context, sub cohort.Submission) (cohort.Submission, error) {
	return s.t.update(ctx, sub)
}

// List returns the submissions that match f, ordered by the time of
// submission and then by id (byte order), one page at a time. A malformed
// cursor is homeward.ErrInvalid.
func (s *SubmissionStore) List(ctx context.Context, f cohort.SubmissionFilter) (homeward.Page[cohort.Submission], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every submission that matches f (its Page is ignored),
// in list order, and stops at the first error fn returns, which it returns.
// It reads the submissions 1000 at a time and holds no query open while fn
// runs, so fn may use the database. fn may change the record it is given
// but must not keep it.
func (s *SubmissionStore) Scan(ctx context.Context, f cohort.SubmissionFilter, fn func(*cohort.Submission) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

func (s *SubmissionStore) where(f *cohort.SubmissionFilter) filter {
	var w filter
	w.eq("cohort", string(f.Cohort))
	w.eq("org", string(f.Org))
	if f.Active {
		w.where = append(w.where, `withdrawn_at IS NULL`)
	}
	return w
}

// Case discussions.

// DiscussionStore is a [cohort.DiscussionStore] in the discussions table.
// It is safe for concurrent use. Get it from [DB.Discussions] or
// [DB.Cohort].
//
// Cohort, submission, presenter, the day it is held, state and the time it
// was concluded are columns, indexed for the lists by cohort, submission,
// presenter and state in order of the day held; the protocol (rounds with
// time boxes), the contributions, the chosen actions and the ids of the
// resulting learning actions are JSON. A discussion needs the day it is
// held, which orders lists.
type DiscussionStore struct {
	t *table[cohort.DiscussionID, cohort.Discussion]
}

var _ cohort.DiscussionStore = (*DiscussionStore)(nil)

var discussionColumns = []string{"cohort", "submission", "presenter", "protocol", "held_on", "state", "contributions",
	"chosen", "actions", "concluded_at", "created_at", "updated_at"}

var discussionSpec = spec[cohort.DiscussionID, cohort.Discussion]{
	id:      func(d *cohort.Discussion) cohort.DiscussionID { return d.ID },
	version: func(d *cohort.Discussion) *int64 { return &d.Version },
	key:     cohort.DiscussionKey,
	prepare: func(d cohort.Discussion) (cohort.Discussion, error) {
		d = d.Clone()
		d.ConcludedAt, d.CreatedAt, d.UpdatedAt = normTime(d.ConcludedAt), normTime(d.CreatedAt), normTime(d.UpdatedAt)
		for i := range d.Contributions {
			d.Contributions[i].At = normTime(d.Contributions[i].At)
		}
		if err := requireID(string(d.ID)); err != nil {
			return d, err
		}
		return d, requireDate("discussion", string(d.ID), "held_on", d.HeldOn)
	},
	values: func(db *DB, d *cohort.Discussion) ([]any, error) {
		p := jsonParts{kind: "discussion", id: string(d.ID)}
		vals := []any{string(d.Cohort), string(d.Submission), string(d.Presenter),
			encodeProtocol(&p, &d.Protocol),
			db.dateArg(d.HeldOn), string(d.State),
			encodeList(&p, "contributions", d.Contributions, toRoundContribution),
			encodeList(&p, "chosen actions", d.Chosen, toChosenAction),
			encodeStrings(&p, "actions", d.Actions),
			db.optTimeArg(d.ConcludedAt), db.timeArg(d.CreatedAt), db.timeArg(d.UpdatedAt)}
		return vals, p.err
	},
	read: func(r rowScanner) (cohort.Discussion, error) {
		var (
			d                                cohort.Discussion
			id, coh, sub, presenter, state   string
			protocol, contribs, chosen, acts []byte
		)
		err := r.Scan(&id, &coh, &sub, &presenter, &protocol, dateScan{&d.HeldOn}, &state, &contribs, &chosen, &acts,
			timeScan{&d.ConcludedAt}, timeScan{&d.CreatedAt}, timeScan{&d.UpdatedAt}, &d.Version)
		if err != nil {
			return cohort.Discussion{}, err
		}
		d.ID, d.Cohort, d.Submission = cohort.DiscussionID(id), cohort.CohortID(coh), cohort.SubmissionID(sub)
		d.Presenter, d.State = homeward.OrgID(presenter), cohort.DiscussionState(state)
		p := jsonParts{kind: "discussion", id: id}
		d.Protocol = decodeProtocol(&p, protocol)
		d.Contributions = decodeList(&p, "contributions", contribs, fromRoundContribution)
		d.Chosen = decodeList(&p, "chosen actions", chosen, fromChosenAction)
		d.Actions = decodeStrings[cohort.LearningActionID](&p, "actions", acts)
		return d, p.err
	},
}

// Create stores d with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when a discussion with d's ID exists and with
// homeward.ErrInvalid when d has no ID or no day it is held.
func (s *DiscussionStore) Create(ctx context.Context, d cohort.Discussion) (cohort.Discussion, error) {
	return s.t.create(ctx, d)
}

// Get returns the discussion with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *DiscussionStore) Get(ctx context.Context, id cohort.DiscussionID) (cohort.Discussion, error) {
	return s.t.get(ctx, id)
}

// Update replaces the stored discussion with d when d.Version equals the
// stored version, stores it with the version incremented and returns the
// stored copy. It fails with homeward.ErrNotFound when there is no such
// discussion, homeward.ErrConflict when the versions differ, and
// homeward.ErrInvalid when d has no ID or no day it is held.
func (s *DiscussionStore) Update(ctx context.Context, d cohort.Discussion) (cohort.Discussion, error) {
	return s.t.update(ctx, d)
}

// List returns the discussions that match f, ordered by the day they are
// held and then by id (byte order), one page at a time. A malformed cursor
// is homeward.ErrInvalid.
func (s *DiscussionStore) List(ctx context.Context, f cohort.DiscussionFilter) (homeward.Page[cohort.Discussion], error) {
	w := s.where(&f)
	return s.t.list(ctx, w.where, w.args, f.Page)
}

// Scan calls fn for every discussion that matches f (its Page is ignored),
// in list order, and stops at the first error fn returns, which it returns.
// It reads the discussions 1000 at a time and holds no query open while fn
// runs, so fn may use the database. fn may change the record it is given
// but must not keep it.
func (s *DiscussionStore) Scan(ctx context.Context, f cohort.DiscussionFilter, fn func(*cohort.Discussion) error) error {
	w := s.where(&f)
	return s.t.scan(ctx, w.where, w.args, fn)
}

func (s *DiscussionStore) where(f *cohort.DiscussionFilter) filter {
	var w filter
	w.eq("cohort", string(f.Cohort))
	w.eq("submission", string(f.Submission))
	w.eq("presenter", string(f.Presenter))
	w.eq("state", string(f.State))
	return w
}
