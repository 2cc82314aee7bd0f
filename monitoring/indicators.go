package monitoring

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/internal/enum"
	"github.com/homewardkit/homeward/internal/slab"
)

// Period is a span of days with both ends included.
type Period struct {
	From homeward.Date `json:"from"`
	To   homeward.Date `json:"to"`
}

// Validate reports a missing end or a From after To.
func (p Period) Validate() error {
	var v homeward.ValidationError
	if p.From.IsZero() {
		v.Add("period.from", "is required")
	}
	if p.To.IsZero() {
		v.Add("period.to", "is required")
	}
	if !p.From.IsZero() && !p.To.IsZero() && p.From.After(p.To) {
		v.Add("period.to", "is before period.from")
	}
	return v.Err()
}

// Contains reports whether day d lies in the period.
func (p Period) Contains(d homeward.Date) bool { return !d.Before(p.From) && !d.After(p.To) }

// Dimension is a characteristic by which an indicator is broken down. Every
// dimension is read on the last day of the period.
type Dimension string

// Dimensions of the breakdowns.
const (
	// DimOrganisation: the organisation that owns the case.
	DimOrganisation Dimension = "organisation"
	// DimSex: the child's sex as recorded.
	DimSex Dimension = "sex"
	// DimAgeBand: the child's age band (casework.AgeBand) on the last day.
	DimAgeBand Dimension = "age_band"
	// DimRisk: the case's risk level in force on the last day, by its
	// history.
	DimRisk Dimension = "risk"
	// DimArrangementType: the care arrangement in force on the last day.
	DimArrangementType Dimension = "arrangement_type"
)

var dimensionValues = []Dimension{DimOrganisation, DimSex, DimAgeBand, DimRisk, DimArrangementType}

// DimensionValues returns the dimensions in their documented order.
func DimensionValues() []Dimension { return slices.Clone(dimensionValues) }

// Valid reports whether d is a defined dimension.
func (d Dimension) Valid() bool { return enum.Valid(d, dimensionValues) }

// MarshalText implements [encoding.TextMarshaler].
func (d Dimension) MarshalText() ([]byte, error) {
	return enum.Marshal("dimension", d, dimensionValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Dimension) UnmarshalText(b []byte) error {
	return enum.Unmarshal("dimension", d, b, dimensionValues)
}

// UnknownKey is the breakdown key of a child whose value in a dimension is
// not recorded: no care arrangement in force on the last day, no birth date
// or a birth date after the last day, or an unknown risk level.
const UnknownKey = "unknown"

// IndicatorUnit says how an indicator's value is computed from its numerator N and
// denominator D. Values are rounded to 4 decimal places, halves away from
// zero; N and D are exact.
type IndicatorUnit string

// Units of indicators.
const (
	// UnitPercent: 100 × N / D.
	UnitPercent IndicatorUnit = "percent"
	// UnitRatio: N / D.
	UnitRatio IndicatorUnit = "ratio"
	// UnitPer1000Days: 1000 × N / D, D a number of days.
	UnitPer1000Days IndicatorUnit = "per_1000_days"
	// UnitScoreChange: N / D, N a sum of score changes and D a number of
	// children: the mean change.
	UnitScoreChange IndicatorUnit = "score_change"
)

var indicatorUnitValues = []IndicatorUnit{UnitPercent, UnitRatio, UnitPer1000Days, UnitScoreChange}

// Valid reports whether u is a defined unit of indicators.
func (u IndicatorUnit) Valid() bool { return enum.Valid(u, indicatorUnitValues) }

// MarshalText implements [encoding.TextMarshaler].
func (u IndicatorUnit) MarshalText() ([]byte, error) {
	return enum.Marshal("indicator unit", u, indicatorUnitValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (u *IndicatorUnit) UnmarshalText(b []byte) error {
	return enum.Unmarshal("indicator unit", u, b, indicatorUnitValues)
}

// Indicator is one figure over a period, with the numerator and denominator
// it is computed from, so that it can be recomputed by hand and summed
// across organisations.
type Indicator struct {
	// ID is one of the Indicator* constants, or IndicatorCSIChange + "." + a
	// casework.CSIDomain.
	ID string `json:"id"`
	// Definition says in one line what is counted.
	Definition  string          `json:"definition"`
	Unit        IndicatorUnit   `json:"unit"`
	Numerator   decimal.Decimal `json:"numerator"`
	Denominator decimal.Decimal `json:"denominator"`
	// Value is computed from Numerator and Denominator by the Unit. It is
	// zero, and HasValue false, when the denominator is zero.
	Value    decimal.Decimal `json:"value"`
	HasValue bool            `json:"has_value"`
	// Breakdowns holds, for every dimension, one cell per key: the keys are
	// the values that occur in the population of the computation (every
	// requested organisation too, for DimOrganisation), in the dimension's
	// documented order (organisations by id, UnknownKey last), the same for
	// every indicator of one computation, so a cell may be 0 / 0. The cells
	// of a dimension add up to the whole.
	Breakdowns map[Dimension][]Cell `json:"breakdowns"`
}

// Cell is an indicator restricted to the children with one key of a
// dimension.
type Cell struct {
	Key         string          `json:"key"`
	Numerator   decimal.Decimal `json:"numerator"`
	Denominator decimal.Decimal `json:"denominator"`
	Value       decimal.Decimal `json:"value"`
	HasValue    bool            `json:"has_value"`
}

// The indicators, in the order in which they are returned. Each is
// computed over a period P = [From, To] for the population of cases of the
// selected organisations registered on or before To; records of other cases
// are ignored. Everything is read as recorded on To: a visit done, missed or
// cancelled after To was open on To, so the figures of a past period do not
// change when later events are recorded. Arrangements are the care history
// of a case (casework.Case.Arrangements, in date order); "the next
// arrangement" is the next one in that history. An arrangement is in
// residential care when its type is casework.ArrangementResidential and
// family-based when casework.ArrangementType.FamilyBased holds.
const (
	// IndicatorVisitsOnTime, percent. Denominator: visits due in P whose
	// state on To (Visit.StatusOn with the grace period) is done, missed or
	// overdue; that leaves out visits cancelled by To and visits still open
	// on To whose grace period has not ended. Numerator: those done by
	// their due date plus the grace period (Visit.OnTime).
	IndicatorVisitsOnTime = "visits_on_time"
	// IndicatorOverdueVisits, percent. Denominator: visits due on or before
	// To (in P or earlier) not cancelled by To. Numerator: those overdue on
	// To (open, and To more than the grace period after the due date).
	IndicatorOverdueVisits = "overdue_visits"
	// IndicatorLeavingResidential, percent. Denominator: children with a
	// residential arrangement that starts on or before To and ends on or
	// after From (or has not ended): in residential care at some time in
	// P, a child leaving on From included. Numerator: those of them for
	// whom such an arrangement is followed by a family-based next
	// arrangement that starts in P.
	IndicatorLeavingResidential = "leaving_residential_for_family"
	// IndicatorResidentialToFamily, ratio. Numerator: children whose
	// arrangement in force on To (casework.Case.CurrentArrangement) is
	// residential. Denominator: children whose arrangement in force on To
	// is family-based.
	IndicatorResidentialToFamily = "residential_to_family_ratio"
	// IndicatorReentry, percent, counting placements, not children.
	// Denominator: family placements (family-based arrangements whose
	// previous arrangement is residential) that start from From − 12 months
	// to To − 12 months: the placements whose first 12 months end in P, so
	// each is observed for a full year. Numerator: those followed by a
	// residential arrangement (the next or a later one) that starts before
	// the placement's start + 12 months.
	IndicatorReentry = "reentry_within_12_months"
	// IndicatorPlacementMoves, per 1,000 days. Numerator: family-based
	// arrangements that end in P and have a next arrangement (of any type):
	// moves out of a family placement. Denominator: days in family-based
	// care in P, counting for each family-based arrangement the days from
	// max(start, From) to min(end, To + 1 day), its end day excluded.
	IndicatorPlacementMoves = "placement_moves_per_1000_days"
	// IndicatorPlansReviewedOnTime, percent. Denominator: children with at
	// least one plan whose status is active and whose start is on or before
	// To (a plan's status has no history, so for a past period this is the
	// plans active now). Numerator: those whose every such plan had its
	// review on time on To: the review date in force on To is not before
	// To. The review date in force on To is the plan's NextReview when no
	// review is dated after To; otherwise the last review on or before To
	// (or the start) plus casework.ReviewInterval of the risk on To, the
	// latest date the review rules allow.
	IndicatorPlansReviewedOnTime = "plans_reviewed_on_time"
	// IndicatorCSIChange is the prefix of six indicators, one per Child
	// Status Index domain: csi_change.food_and_nutrition, …,
	// csi_change.education_and_skills, in the instrument's order, score
	// change. Denominator: children with at least two child status
	// assessments dated on or before To. Numerator: the sum over them of
	// the domain score (casework.Assessment.DomainScores, the mean of the
	// domain's two factors) of the latest assessment minus that of the
	// first; of two assessments on one day the one with the smaller id is
	// the earlier. Value: the mean change, positive for an improvement.
	IndicatorCSIChange = "csi_change"
)

// counter indexes the integer tallies from which every indicator is made.
type counter int

const (
	cOnTimeNum counter = iota
	cOnTimeDen
	cOverdueNum
	cOverdueDen
	cLeaveNum
	cLeaveDen
	cResidential
	cFamily
	cReentryNum
	cReentryDen
	cMoves
	cFamilyDays
	cPlanNum
	cPlanDen
	cCSIChildren
	cCSIHalf  // six counters, one per domain: sums of changes in half points
	nCounters = cCSIHalf + 6
)

type tally [nCounters]int64

func (t *tally) add(o *tally) {
	for i := range t {
		t[i] += o[i]
	}
}

// spec describes how an indicator is made from the tallies.
type spec struct {
	id, def  string
	unit     IndicatorUnit
	num, den counter
	half     bool // the numerator counts half points
}

var specs = func() []spec {
	s := []spec{
		{IndicatorVisitsOnTime, "visits due in the period and done within the grace period, of those due in the period that were done, missed or overdue at its end", UnitPercent, cOnTimeNum, cOnTimeDen, false},
		{IndicatorOverdueVisits, "visits overdue at the end of the period, of the visits due by then that were not cancelled", UnitPercent, cOverdueNum, cOverdueDen, false},
		{IndicatorLeavingResidential, "children who moved from residential care to a family-based arrangement in the period, of the children in residential care at some time in the period", UnitPercent, cLeaveNum, cLeaveDen, false},
		{IndicatorResidentialToFamily, "children in residential care per child in family-based care at the end of the period", UnitRatio, cResidential, cFamily, false},
		{IndicatorReentry, "family placements after residential care that were followed by residential care within 12 months, of those whose first 12 months ended in the period", UnitPercent, cReentryNum, cReentryDen, false},
		{IndicatorPlacementMoves, "moves out of a family-based arrangement in the period per 1,000 days in family-based care in the period", UnitPer1000Days, cMoves, cFamilyDays, false},
		{IndicatorPlansReviewedOnTime, "children with an active plan at the end of the period whose review was not overdue then, of the children with an active plan", UnitPercent, cPlanNum, cPlanDen, false},
	}
	for i, d := range casework.CSIDomains {
		name := strings.ReplaceAll(string(d.Domain), "_", " ")
		s = append(s, spec{IndicatorCSIChange + "." + string(d.Domain),
			"mean change of the Child Status Index " + name + " score from the first to the latest assessment by the end of the period, of children assessed at least twice",
			UnitScoreChange, cCSIHalf + counter(i), cCSIChildren, true})
	}
	return s
}()

// IndicatorIDs returns the ids of the indicators in the order in which
// they are computed.
func IndicatorIDs() []string {
	out := make([]string, len(specs))
	for i, s := range specs {
		out[i] = s.id
	}
	return out
}

// Sources are the stores the indicators are computed from; all four are
// required.
type Sources struct {
	Cases       casework.CaseStore
	Assessments casework.AssessmentStore
	Plans       casework.PlanStore
	Visits      VisitStore
}

func (s Sources) validate() error {
	if s.Cases == nil || s.Assessments == nil || s.Plans == nil || s.Visits == nil {
		return homeward.Invalid("sources", "the case, assessment, plan and visit stores are required")
	}
	return nil
}

// Indicators computes every indicator (see IndicatorIDs) over period p for
// the organisations orgs (empty: the actor's own), each of which the actor
// must be allowed to read, else homeward.ErrForbidden. The service needs the
// casework stores (Options.Casework), else homeward.ErrInvalid.
func (s *Service) Indicators(ctx context.Context, orgs []homeward.OrgID, p Period) ([]Indicator, error) {
	orgs, err := s.readOrgs(ctx, orgs, "indicators")
	if err != nil {
		return nil, err
	}
	src := Sources{Cases: s.stores.Cases, Assessments: s.stores.Assessments, Plans: s.stores.Plans, Visits: s.visits}
	if src.validate() != nil {
		return nil, homeward.Invalid("casework", "the service has no casework stores: set Options.Casework")
	}
	return ComputeIndicators(ctx, src, orgs, p, s.grace)
}

// readOrgs resolves the organisations of a read over many records: the
// actor's when none are given, each checked with the policy, without
// duplicates.
func (s *Service) readOrgs(ctx context.Context, orgs []homeward.OrgID, what string) ([]homeward.OrgID, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if len(orgs) == 0 {
		orgs = []homeward.OrgID{a.Org}
	}
	out := make([]homeward.OrgID, 0, len(orgs))
	for _, o := range orgs {
		if o == "" || !s.policy.Allow(ctx, a, homeward.ActionRead, o) {
			return nil, fmt.Errorf("%s of organisation %q: %w", what, o, homeward.ErrForbidden)
		}
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out, nil
}

// ComputeIndicators computes every indicator over period p for the cases
// of the organisations orgs (empty: every organisation) and their visits,
// plans and assessments, with a grace period of grace days (zero or less:
// DefaultGraceDays). It applies no access policy: it is for callers with
// direct access to the stores, such as research scripts; services call it
// after their checks (Service.Indicators).
//
// It passes once over each store, all at the same time (the stores must
// be safe for concurrent use, as every Homeward store is), and joins what
// it reads to the cases by case id. The cases are indexed once their scan
// ends, keeping of each its id and the group of its breakdown keys.
// Meanwhile the visits pass, handed from the store's scan to the tallies
// on a second goroutine in batches of fixed size and tallied in runs of
// visits of one case, which are kept until the cases are indexed (at most
// 32 MiB of them, then the visits wait) and joined from then on. Once
// the cases are indexed, the active plans pass and are joined. The child
// status assessments are read as summaries (casework.ChildStatusSummary):
// when the store keeps them (casework.ChildStatusScanner) they are joined
// as they pass, once the cases are indexed; otherwise the assessments are
// scanned while the cases pass and their summaries kept until then. Only
// when two assessments of a case share the date of its first or latest
// does a second pass over the summaries settle, for those cases, which of
// the two counts (by id). No visit or plan is kept. Memory grows with the
// number of cases (about 100 bytes each) and, for a store without
// ChildStatusScanner, of child status assessments (about 60 bytes each),
// never with the number of visits; it is pooled, so that the next
// computation reuses it.
func ComputeIndicators(ctx context.Context, src Sources, orgs []homeward.OrgID, p Period, grace int) ([]Indicator, error) {
	return computeIndicators(ctx, src, orgs, p, grace, maxPendingRuns)
}

// computeIndicators is ComputeIndicators keeping at most maxPending visit
// runs while the cases are indexed.
func computeIndicators(ctx context.Context, src Sources, orgs []homeward.OrgID, p Period, grace, maxPending int) ([]Indicator, error) {
	if err := src.validate(); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if grace <= 0 {
		grace = DefaultGraceDays
	}
	sel := newOrgSelection(orgs)
	c := &computation{p: p, maxPending: maxPending, reentry: Period{p.From.AddMonths(-12), p.To.AddMonths(-12)}, grace: grace,
		groupIx: map[groupKey]uint32{}, orgIx: map[homeward.OrgID]uint32{}, workspace: workspaces.Get().(*workspace)}
	defer c.release()
	for _, o := range sel.list {
		c.org(o)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	fail := func(what string, err error) { cancel(fmt.Errorf("indicators: scan %s: %w", what, err)) }

	// Every record is tallied in the group of its case, so everything but
	// the cases waits, at some point, for the cases to be indexed: indexed
	// is closed then.
	indexed := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		keep := func(s *casework.ChildStatusSummary) bool { return sel.keep(s.Org) && !s.Date.After(p.To) }
		var err error
		var again func(fn func(*casework.ChildStatusSummary)) error // a second pass, for ties
		if sc, ok := src.Assessments.(casework.ChildStatusScanner); ok {
			// The store keeps the summaries: they are joined as they
			// pass, once the cases are indexed.
			select {
			case <-indexed:
			case <-ctx.Done():
				return
			}
			again = func(fn func(*casework.ChildStatusSummary)) error {
				return sc.ScanChildStatus(ctx, sel.one, every(ctx, func(s *casework.ChildStatusSummary) error {
					if keep(s) {
						fn(s)
					}
					return nil
				}))
			}
			err = again(c.addAssessment)
		} else {
			// The store passes whole assessments: their summaries are
			// kept while the cases pass, and joined once the cases are
			// indexed.
			err = src.Assessments.Scan(ctx, casework.AssessmentFilter{Org: sel.one, Kind: casework.KindChildStatus}, every(ctx, func(a *casework.Assessment) error {
				if s, ok := a.ChildStatusSummary(); ok && keep(&s) {
					c.summaries.Push(s)
				}
				return nil
			}))
			if err == nil {
				select {
				case <-indexed:
				case <-ctx.Done():
					err = context.Cause(ctx)
				}
			}
			again = func(fn func(*casework.ChildStatusSummary)) error {
				for s := range c.summaries.All {
					fn(s)
				}
				return nil
			}
			if err == nil {
				err = again(c.addAssessment)
			}
		}
		if err == nil {
			err = c.breakTies(again)
		}
		if err != nil {
			fail("assessments", err)
		}
	})
	wg.Go(func() {
		// The active plans are joined as they pass, once the cases are
		// indexed.
		select {
		case <-indexed:
		case <-ctx.Done():
			return
		}
		var f planFacts
		err := src.Plans.Scan(ctx, casework.PlanFilter{Org: sel.one, Status: casework.PlanActive}, every(ctx, func(pl *casework.Plan) error {
			if sel.keep(pl.Org) && f.set(pl, p.To) {
				c.addPlan(&f)
			}
			return nil
		}))
		if err != nil {
			fail("plans", err)
		}
	})
	// The visits pass while the cases are scanned and indexed, tallied in
	// runs of visits of one case, which are joined to their cases once
	// the cases are indexed.
	var visitTallies []tally
	wg.Go(func() {
		var err error
		if visitTallies, err = c.tallyVisits(ctx, src.Visits, sel, indexed); err != nil {
			fail("visits", err)
		}
	})
	err := src.Cases.Scan(ctx, casework.CaseFilter{Org: sel.one}, every(ctx, func(cs *casework.Case) error {
		if sel.keep(cs.Org) {
			c.addCase(cs)
		}
		return nil
	}))
	if err == nil {
		err = c.index()
	}
	if err != nil {
		fail("cases", err)
		wg.Wait()
		return nil, context.Cause(ctx)
	}
	c.sizePerCase(c.entries.Len())
	close(indexed)

	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	for g := range c.tallies {
		c.tallies[g].add(&visitTallies[g])
	}
	for i := range c.entries.Len() {
		t := &c.tallies[c.entries.At(i).group]
		if st := c.planStates[i]; st&planActive != 0 {
			t[cPlanDen]++
			if st&planLate == 0 {
				t[cPlanNum]++
			}
		}
		if x := &c.csi[i]; x.n >= 2 {
			t[cCSIChildren]++
			for d := range 6 {
				t[cCSIHalf+counter(d)] += int64(x.lastS[d]) - int64(x.firstS[d])
			}
		}
	}
	return c.indicators(sel), nil
}

// visitFacts are the facts of a visit that the indicators need.
type visitFacts struct {
	cs                           casework.CaseID
	due, done, missed, cancelled homeward.Date
}

// Batches of a pipeline: pipeBatches batches of pipeBatchSize records, so
// a pipeline holds a fixed amount of memory however many records pass.
const (
	pipeBatchSize = 1024
	pipeBatches   = 4
)

// pipeline runs scan on the calling goroutine and consume on another, so
// that a store's scan and the work on each record use two cores. scan
// fills the record that next returns (next fails when consume has failed
// or ctx is done); consume receives the records in batches, in the order
// in which they were filled. pipeline returns the first error of either.
func pipeline[R any](ctx context.Context, scan func(next func() (*R, error)) error, consume func([]R) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	free, full := make(chan []R, pipeBatches), make(chan []R, pipeBatches)
	for range pipeBatches {
		free <- make([]R, 0, pipeBatchSize)
	}
	consumed := make(chan error, 1)
	go func() {
		var err error
		for b := range full {
			if err == nil {
				if err = consume(b); err != nil {
					cancel(err)
				}
			}
			free <- b[:0]
		}
		consumed <- err
	}()
	cur := <-free
	send := func() error {
		select {
		case full <- cur:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
		select {
		case cur = <-free:
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
	err := scan(func() (*R, error) {
		if len(cur) == cap(cur) {
			if err := send(); err != nil {
				return nil, err
			}
		}
		cur = cur[:len(cur)+1]
		return &cur[len(cur)-1], nil
	})
	if err == nil && len(cur) > 0 {
		err = send()
	}
	close(full)
	if cerr := <-consumed; cerr != nil {
		return cerr
	}
	return err
}

// every wraps a scan function so that it stops when ctx is done (checked
// every 4,096 records).
func every[T any](ctx context.Context, fn func(*T) error) func(*T) error {
	n := 0
	return func(x *T) error {
		if n++; n&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		return fn(x)
	}
}

// orgSelection is the set of organisations of a computation: one is pushed
// down to the stores' filters; several are checked in the scan, with set
// when there are more than smallSelection.
type orgSelection struct {
	list []homeward.OrgID
	one  homeward.OrgID
	set  map[homeward.OrgID]bool
}

func newOrgSelection(orgs []homeward.OrgID) orgSelection {
	s := orgSelection{}
	for _, o := range orgs {
		if !slices.Contains(s.list, o) {
			s.list = append(s.list, o)
		}
	}
	switch len(s.list) {
	case 0:
	case 1:
		s.one = s.list[0]
	default:
		if len(s.list) > smallSelection {
			s.set = make(map[homeward.OrgID]bool, len(s.list))
			for _, o := range s.list {
				s.set[o] = true
			}
		}
	}
	return s
}

// smallSelection is the largest number of organisations that keep compares
// one by one, which costs less than hashing each record's organisation.
const smallSelection = 8

// keep reports whether a record of organisation o is in the selection
// (always, when the selection is one organisation, pushed down to the
// stores, or none, meaning every organisation).
func (s *orgSelection) keep(o homeward.OrgID) bool {
	switch {
	case len(s.list) < 2:
		return true
	case s.set == nil:
		return slices.Contains(s.list, o)
	}
	return s.set[o]
}

// groupKey is a combination of breakdown keys, as indexes: the organisation
// into computation.orgs, the others into the dimensions' value lists (the
// list's length meaning UnknownKey).
type groupKey struct {
	org                  uint32
	sex, age, risk, arrT uint8
}

type caseRef struct{ group, idx uint32 }

// caseEntry is a case of the population: its id and the group of its
// breakdown keys.
type caseEntry struct {
	id    casework.CaseID
	group uint32
}

// csiPair keeps the first and latest child status assessment of a case: the
// six domain scores of each, as sums of the two factors (2 to 8). tied
// marks a case with two assessments on the date of either, which
// breakTies settles.
type csiPair struct {
	first, last   homeward.Date
	firstS, lastS [6]uint8
	n             uint8 // assessments seen, up to 2
	tied          bool
}

// Plan states of a case.
const (
	planActive uint8 = 1 << iota
	planLate
)

type computation struct {
	p       Period
	reentry Period // the starts of the placements of IndicatorReentry
	grace   int
	// maxPending is the number of visit runs kept while the cases are
	// indexed (maxPendingRuns).
	maxPending int
	orgs       []homeward.OrgID
	orgIx      map[homeward.OrgID]uint32
	groups     []groupKey
	groupIx    map[groupKey]uint32
	tallies    []tally // per group
	*workspace
}

// workspace is the memory of a computation that grows with its
// population. Workspaces are pooled: filling fresh memory costs more than
// the computation's passes over the stores, as the operating system hands
// it over a page at a time, and a workspace used before has its pages.
type workspace struct {
	entries    slab.Slab[caseEntry] // the population, in the order of the scan
	cases      map[casework.CaseID]caseRef
	mapSize    int                                    // the number of cases cases was made for
	csi        []csiPair                              // per case
	planStates []uint8                                // per case
	runs       slab.Slab[visitRun]                    // visit runs kept until the cases are indexed
	summaries  slab.Slab[casework.ChildStatusSummary] // when the store does not keep them
}

var workspaces = sync.Pool{New: func() any { return new(workspace) }}

// sizePerCase makes the arrays per case n long, all zero.
func (w *workspace) sizePerCase(n int) {
	if cap(w.csi) < n {
		w.csi, w.planStates = make([]csiPair, n), make([]uint8, n)
	}
	w.csi, w.planStates = w.csi[:n], w.planStates[:n]
}

// release empties the workspace, keeping its memory, and puts it back in
// the pool.
func (w *workspace) release() {
	w.entries.Reset()
	// Clearing a map takes time in proportion to the size it was made
	// for: a map much larger than this computation needed is dropped, so
	// that small computations after a large one stay quick.
	if w.mapSize > 4*len(w.cases)+4096 {
		w.cases, w.mapSize = nil, 0
	} else {
		clear(w.cases)
	}
	clear(w.csi)
	clear(w.planStates)
	w.runs.Reset()
	w.summaries.Reset()
	workspaces.Put(w)
}

var (
	sexValues         = casework.SexValues()
	ageBandValues     = casework.AgeBandValues()
	riskValues        = casework.RiskValues()
	arrangementValues = casework.ArrangementTypeValues()
)

func indexOf[T comparable](all []T, v T) uint8 {
	for i, x := range all {
		if x == v {
			return uint8(i)
		}
	}
	return uint8(len(all))
}

func (c *computation) org(o homeward.OrgID) uint32 {
	i, ok := c.orgIx[o]
	if !ok {
		i = uint32(len(c.orgs))
		c.orgIx[o] = i
		c.orgs = append(c.orgs, o)
	}
	return i
}

// ageBandOn returns the child's age band on day d (UnknownKey's index when
// the birth date is missing or after d).
func ageBandOn(birth, d homeward.Date) uint8 {
	if birth.IsZero() || birth.After(d) {
		return uint8(len(ageBandValues))
	}
	return indexOf(ageBandValues, casework.AgeBandOf(birth.YearsUntil(d)))
}

// addCase adds a case to the population and tallies the indicators of
// care arrangements.
func (c *computation) addCase(cs *casework.Case) {
	from, to := c.p.From, c.p.To
	if cs.RegisteredOn.After(to) {
		return
	}
	risk := riskAt(cs, to)
	k := groupKey{org: c.org(cs.Org), sex: indexOf(sexValues, cs.Child.Sex), age: ageBandOn(cs.Child.BirthDate, to),
		risk: indexOf(riskValues, risk), arrT: uint8(len(arrangementValues))}
	cur, hasCur := cs.CurrentArrangement(to)
	if hasCur {
		k.arrT = indexOf(arrangementValues, cur.Type)
	}
	g, ok := c.groupIx[k]
	if !ok {
		g = uint32(len(c.groups))
		c.groupIx[k] = g
		c.groups = append(c.groups, k)
		c.tallies = append(c.tallies, tally{})
	}
	c.entries.Push(caseEntry{cs.ID, g})
	t := &c.tallies[g]

	if hasCur {
		switch {
		case cur.Type == casework.ArrangementResidential:
			t[cResidential]++
		case cur.Type.FamilyBased():
			t[cFamily]++
		}
	}
	arr := cs.Arrangements
	inResidential, left := false, false
	end := to.AddDays(1)
	for i := range arr {
		a := &arr[i]
		var next *casework.Arrangement
		if i+1 < len(arr) {
			next = &arr[i+1]
		}
		if a.Type == casework.ArrangementResidential && !a.Start.After(to) && (a.End.IsZero() || !a.End.Before(from)) {
			inResidential = true
			if next != nil && next.Type.FamilyBased() && c.p.Contains(next.Start) {
				left = true
			}
		}
		if !a.Type.FamilyBased() {
			continue
		}
		// Days in family-based care in the period, and moves out of it.
		s, e := a.Start, end
		if s.Before(from) {
			s = from
		}
		if !a.End.IsZero() && a.End.Before(e) {
			e = a.End
		}
		if n := s.DaysUntil(e); n > 0 {
			t[cFamilyDays] += int64(n)
		}
		if next != nil && !a.End.IsZero() && c.p.Contains(a.End) {
			t[cMoves]++
		}
		// Re-entry: placements after residential care whose first year
		// ends in the period.
		if i > 0 && arr[i-1].Type == casework.ArrangementResidential &&
			!a.Start.Before(c.reentry.From) && !a.Start.After(c.reentry.To) {
			t[cReentryDen]++
			limit := a.Start.AddMonths(12)
			for j := i + 1; j < len(arr); j++ {
				if arr[j].Type == casework.ArrangementResidential && arr[j].Start.Before(limit) {
					t[cReentryNum]++
					break
				}
			}
		}
	}
	if inResidential {
		t[cLeaveDen]++
		if left {
			t[cLeaveNum]++
		}
	}
}

// index makes the map from case id to caseRef at its final size, which
// costs less than growing it during the scan. A case passed twice (a store
// that breaks the Scan contract) is an error.
func (c *computation) index() error {
	if n := c.entries.Len(); n > c.mapSize {
		c.cases, c.mapSize = make(map[casework.CaseID]caseRef, n), n
	}
	for i := range c.entries.Len() {
		e := c.entries.At(i)
		n := len(c.cases)
		c.cases[e.id] = caseRef{group: e.group, idx: uint32(i)}
		if len(c.cases) == n { // one map operation instead of a lookup and an insert
			return fmt.Errorf("case %s passed twice", e.id)
		}
	}
	return nil
}

// visitRun is the tally of consecutive visits of one case, as a store
// passed them: the counters of the visit indicators, indexed by
// visitCounters.
type visitRun struct {
	cs casework.CaseID
	n  [len(visitCounters)]uint32
}

// visitCounters are the counters of the tally that a visit adds to.
var visitCounters = [...]counter{cOverdueDen, cOverdueNum, cOnTimeDen, cOnTimeNum}

// maxPendingRuns is the number of visit runs that tallyVisits keeps while
// the cases are indexed (32 MiB) before it waits for them.
const maxPendingRuns = 1 << 20

// tallyVisits passes over the visits due on or before the end of the
// period on two goroutines (pipeline: the store's scan copies the few
// facts needed into batches), tallying them in runs of visits of one case:
// a store passes the visits of a case together more often than not (the
// in-memory one in the order they were created, a case's schedule at a
// time). Until ready is closed, when the cases are indexed, the runs are
// kept in the workspace, up to c.maxPending; then each run is added to
// the tally of its case's group, of which tallyVisits returns one per
// group. The runs of cases outside the population are dropped.
func (c *computation) tallyVisits(ctx context.Context, visits VisitStore, sel orgSelection, ready <-chan struct{}) ([]tally, error) {
	var tallies []tally // made once the cases are indexed
	join := func(r *visitRun) {
		ref, ok := c.cases[r.cs]
		if !ok {
			return
		}
		t := &tallies[ref.group]
		for k, ctr := range visitCounters {
			t[ctr] += int64(r.n[k])
		}
	}
	joinPending := func() {
		tallies = make([]tally, len(c.groups))
		for r := range c.runs.All {
			join(r)
		}
		c.runs.Reset()
	}
	add := func(r *visitRun) error {
		switch {
		case tallies != nil:
			join(r)
			return nil
		case c.runs.Len() < c.maxPending:
			c.runs.Push(*r)
			return nil
		}
		select {
		case <-ready:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
		joinPending()
		join(r)
		return nil
	}
	var cur visitRun
	started := false // cur holds a run
	err := pipeline(ctx, func(next func() (*visitFacts, error)) error {
		return visits.Scan(ctx, VisitFilter{Org: sel.one, DueTo: c.p.To}, every(ctx, func(v *Visit) error {
			if !sel.keep(v.Org) {
				return nil
			}
			f, err := next()
			if err == nil {
				*f = visitFacts{v.Case, v.Due, v.Done, v.Missed, v.Cancelled}
			}
			return err
		}))
	}, func(batch []visitFacts) error {
		if tallies == nil {
			select {
			case <-ready:
				joinPending()
			default:
			}
		}
		for i := range batch {
			f := &batch[i]
			if !started || f.cs != cur.cs || cur.n[0] == math.MaxUint32 {
				if started {
					if err := add(&cur); err != nil {
						return err
					}
				}
				cur, started = visitRun{cs: f.cs}, true
			}
			c.countVisit(&cur, f)
		}
		return nil
	})
	if err == nil && started {
		err = add(&cur)
	}
	if err == nil && tallies == nil {
		select {
		case <-ready:
			joinPending()
		case <-ctx.Done():
			err = context.Cause(ctx)
		}
	}
	return tallies, err
}

// countVisit counts a visit due on or before the end of the period in its
// run.
func (c *computation) countVisit(r *visitRun, f *visitFacts) {
	v := Visit{Due: f.due, Done: f.done, Missed: f.missed, Cancelled: f.cancelled}
	if v.Due.After(c.p.To) {
		return
	}
	st := v.StatusOn(c.p.To, c.grace)
	if st == VisitCancelled {
		return
	}
	r.n[0]++ // cOverdueDen
	if st == VisitOverdue {
		r.n[1]++ // cOverdueNum
	}
	if v.Due.Before(c.p.From) || (st != VisitDone && st != VisitMissed && st != VisitOverdue) {
		return
	}
	r.n[2]++ // cOnTimeDen
	if st == VisitDone && v.OnTime(c.grace) {
		r.n[3]++ // cOnTimeNum
	}
}

// addAssessment keeps a child status assessment if it is the first or the
// latest of its case so far.
func (c *computation) addAssessment(a *casework.ChildStatusSummary) {
	ref, ok := c.cases[a.Case]
	if !ok {
		return
	}
	x := &c.csi[ref.idx]
	if x.n == 0 {
		x.first, x.firstS, x.last, x.lastS, x.n = a.Date, a.Domains, a.Date, a.Domains, 1
		return
	}
	x.n = 2
	switch {
	case a.Date.Before(x.first):
		x.first, x.firstS = a.Date, a.Domains
	case a.Date == x.first:
		x.tied = true
	}
	switch {
	case a.Date.After(x.last):
		x.last, x.lastS = a.Date, a.Domains
	case a.Date == x.last:
		x.tied = true
	}
}

// breakTies settles the first and latest assessment of the cases where two
// child status assessments share the date of either: of two on one day,
// the one with the smaller id is the earlier. It takes a second pass over
// the summaries (again), for those cases, when there are any; so the
// per-case arrays need not keep two ids for every case.
func (c *computation) breakTies(again func(fn func(*casework.ChildStatusSummary)) error) error {
	type exact struct {
		idx             int
		first, last     homeward.Date
		firstID, lastID casework.AssessmentID
		firstS, lastS   [6]uint8
		seen            bool
	}
	var tied map[casework.CaseID]*exact
	for i := range c.csi {
		if c.csi[i].tied {
			if tied == nil {
				tied = map[casework.CaseID]*exact{}
			}
			tied[c.entries.At(i).id] = &exact{idx: i}
		}
	}
	if tied == nil {
		return nil
	}
	err := again(func(s *casework.ChildStatusSummary) {
		e := tied[s.Case]
		switch {
		case e == nil:
			return
		case !e.seen:
			e.first, e.firstID, e.firstS = s.Date, s.ID, s.Domains
			e.last, e.lastID, e.lastS = s.Date, s.ID, s.Domains
			e.seen = true
			return
		}
		if s.Date.Before(e.first) || (s.Date == e.first && s.ID < e.firstID) {
			e.first, e.firstID, e.firstS = s.Date, s.ID, s.Domains
		}
		if s.Date.After(e.last) || (s.Date == e.last && s.ID > e.lastID) {
			e.last, e.lastID, e.lastS = s.Date, s.ID, s.Domains
		}
	})
	if err != nil {
		return err
	}
	for _, e := range tied {
		x := &c.csi[e.idx]
		x.firstS, x.lastS = e.firstS, e.lastS
	}
	return nil
}

// planFacts are the facts of an active plan that the indicators need.
type planFacts struct {
	cs casework.CaseID
	// due is the review date in force at the end of the period, or, when
	// addInterval is set, the date from which the review interval of the
	// case's risk counts.
	due         homeward.Date
	addInterval bool
}

// set copies the facts of an active plan that started on or before day
// to, and reports whether it is one. The review date in force on to is the
// plan's NextReview when no review is dated after to, else the last review
// on or before to (or the start) plus the review interval of the risk.
func (f *planFacts) set(pl *casework.Plan, to homeward.Date) bool {
	if pl.Status != casework.PlanActive || pl.Start.After(to) {
		return false
	}
	last, later := pl.Start, false
	for _, r := range pl.Reviews {
		switch {
		case r.Date.After(to):
			later = true
		case r.Date.After(last):
			last = r.Date
		}
	}
	*f = planFacts{cs: pl.Case, due: pl.NextReview}
	if later {
		f.due, f.addInterval = last, true
	}
	return true
}

// addPlan records an active plan of a case and whether its review was
// overdue at the end of the period.
func (c *computation) addPlan(pl *planFacts) {
	ref, ok := c.cases[pl.cs]
	if !ok {
		return
	}
	c.planStates[ref.idx] |= planActive
	due := pl.due
	if pl.addInterval {
		var risk casework.Risk // unknown: the interval of low and medium risk
		if i := c.groups[ref.group].risk; int(i) < len(riskValues) {
			risk = riskValues[i]
		}
		due = due.AddMonths(casework.ReviewInterval(risk))
	}
	if due.Before(c.p.To) {
		c.planStates[ref.idx] |= planLate
	}
}

// keyName returns the breakdown key of index i of dimension d.
func (c *computation) keyName(d Dimension, i uint32) string {
	var all []string
	switch d {
	case DimOrganisation:
		return string(c.orgs[i])
	case DimSex:
		all = strs(sexValues)
	case DimAgeBand:
		all = strs(ageBandValues)
	case DimRisk:
		all = strs(riskValues)
	case DimArrangementType:
		all = strs(arrangementValues)
	}
	if int(i) < len(all) {
		return all[i]
	}
	return UnknownKey
}

func strs[T ~string](v []T) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = string(x)
	}
	return out
}

func (k groupKey) index(d Dimension) uint32 {
	switch d {
	case DimOrganisation:
		return k.org
	case DimSex:
		return uint32(k.sex)
	case DimAgeBand:
		return uint32(k.age)
	case DimRisk:
		return uint32(k.risk)
	}
	return uint32(k.arrT)
}

// indicators turns the tallies into indicators with their breakdowns.
func (c *computation) indicators(sel orgSelection) []Indicator {
	var total tally
	for i := range c.tallies {
		total.add(&c.tallies[i])
	}
	type cellTally struct {
		key string
		t   tally
	}
	breakdowns := map[Dimension][]cellTally{}
	for _, d := range dimensionValues {
		byIndex := map[uint32]*tally{}
		for g, k := range c.groups {
			i := k.index(d)
			if byIndex[i] == nil {
				byIndex[i] = &tally{}
			}
			byIndex[i].add(&c.tallies[g])
		}
		if d == DimOrganisation {
			for _, o := range sel.list {
				if i := c.orgIx[o]; byIndex[i] == nil {
					byIndex[i] = &tally{}
				}
			}
		}
		idx := make([]uint32, 0, len(byIndex))
		for i := range byIndex {
			idx = append(idx, i)
		}
		slices.Sort(idx)
		cells := make([]cellTally, len(idx))
		for n, i := range idx {
			cells[n] = cellTally{c.keyName(d, i), *byIndex[i]}
		}
		if d == DimOrganisation {
			slices.SortFunc(cells, func(a, b cellTally) int { return strings.Compare(a.key, b.key) })
		}
		breakdowns[d] = cells
	}
	out := make([]Indicator, len(specs))
	for n, s := range specs {
		ind := Indicator{ID: s.id, Definition: s.def, Unit: s.unit, Breakdowns: make(map[Dimension][]Cell, len(dimensionValues))}
		ind.Numerator, ind.Denominator, ind.Value, ind.HasValue = s.figures(&total)
		for _, d := range dimensionValues {
			cells := make([]Cell, len(breakdowns[d]))
			for i, ct := range breakdowns[d] {
				cl := Cell{Key: ct.key}
				cl.Numerator, cl.Denominator, cl.Value, cl.HasValue = s.figures(&ct.t)
				cells[i] = cl
			}
			ind.Breakdowns[d] = cells
		}
		out[n] = ind
	}
	return out
}

// figures returns the numerator, denominator and value of the indicator
// from a tally.
func (s spec) figures(t *tally) (num, den, value decimal.Decimal, ok bool) {
	num, den = decimal.NewFromInt(t[s.num]), decimal.NewFromInt(t[s.den])
	if s.half {
		num = decimal.New(t[s.num]*5, -1)
	}
	if t[s.den] == 0 {
		return num, den, decimal.Zero, false
	}
	scale := decimal.NewFromInt(1)
	switch s.unit {
	case UnitPercent:
		scale = decimal.NewFromInt(100)
	case UnitPer1000Days:
		scale = decimal.NewFromInt(1000)
	}
	return num, den, num.Mul(scale).DivRound(den, 4), true
}
