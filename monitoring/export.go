package monitoring

import (
	"bufio"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"strconv"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/internal/enum"
)

// Research datasets are tidy CSV files, one row per case, per care
// arrangement (placement), per visit or per assessment, de-identified for
// research:
//
//   - Case ids are replaced by a keyed pseudonym, [Pseudonym] of the id
//     with the caller's key, so that exports made on different days with the
//     same key link up while the ids themselves are not revealed; household
//     ids are replaced by Pseudonym(key, "household:" + id). Without the key
//     a pseudonym cannot be turned back into an id or recomputed.
//   - No names, exact birth dates (an age band on the export day instead),
//     identity numbers, addresses, phone numbers, staff names, or free text
//     (notes, outcome notes and actions, reasons, goal descriptions) are
//     written. Organisation ids, which are not about children, stay.
//
// Every dataset starts with a header row, has the fixed columns that
// [DatasetColumns] lists (new columns are only ever added at the end), and
// is written as a stream: one pass over the store's Scan into a csv.Writer
// on a bufio.Writer, so memory does not grow with the number of rows. Rows
// come in the store's scan order, which is unspecified. Dates are
// YYYY-MM-DD, booleans true or false, and an empty field means "not
// recorded" or "not applicable".

// Dataset names a research dataset.
type Dataset string

// The research datasets.
const (
	// DatasetCases: one row per case. Columns: case (pseudonym), org,
	// status, sex, age_band (casework.AgeBand on the export day, empty when
	// the birth date is after it), risk (current), arrangement_type (in
	// force on the export day, empty when none), family_based (of that
	// arrangement), registered_on, arrangements (how many are recorded),
	// household (pseudonym), closed_on, closure_reason, reopenings (how
	// many).
	DatasetCases Dataset = "cases"
	// DatasetPlacements: one row per care arrangement. Columns: case, org,
	// seq (1-based position in the case's care history), type,
	// family_based, start, end (empty while it continues), days (from start
	// to end, or to the export day while it continues; empty when it starts
	// after the export day), previous_type, next_type, household
	// (pseudonym).
	DatasetPlacements Dataset = "placements"
	// DatasetVisits: one row per visit. Columns: case, org, kind, mode, due,
	// done, missed, cancelled, status (on the export day, with the grace
	// period), on_time (true when done within the grace period; false when
	// done later, missed, or overdue on the export day; empty otherwise),
	// days_late (done minus due, in days; negative when early), child_safe,
	// concerns, then csi_<factor> for the 12 Child Status Index factors in
	// the instrument's order (empty when no scores were taken).
	DatasetVisits Dataset = "visits"
	// DatasetAssessments: one row per assessment. Columns: case
	// (pseudonym; empty for a household assessment), household (pseudonym;
	// empty when not recorded), org, kind, date, csi_<factor> for the 12
	// Child Status Index factors, hvi_<domain> for the 8 household
	// vulnerability domains (each empty when not part of the instrument),
	// total (the sum of the scores).
	DatasetAssessments Dataset = "assessments"
)

var datasetValues = []Dataset{DatasetCases, DatasetPlacements, DatasetVisits, DatasetAssessments}

// DatasetValues returns the datasets in their documented order.
func DatasetValues() []Dataset { return append([]Dataset(nil), datasetValues...) }

// Valid reports whether d is a defined dataset.
func (d Dataset) Valid() bool { return enum.Valid(d, datasetValues) }

// MarshalText implements [encoding.TextMarshaler].
func (d Dataset) MarshalText() ([]byte, error) { return enum.Marshal("dataset", d, datasetValues) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Dataset) UnmarshalText(b []byte) error {
	return enum.Unmarshal("dataset", d, b, datasetValues)
}

var (
	csiFactors = casework.KindChildStatus.Factors()
	hviFactors = casework.KindHouseholdVulnerability.Factors()

	casesColumns      = []string{"case", "org", "status", "sex", "age_band", "risk", "arrangement_type", "family_based", "registered_on", "arrangements", "household", "closed_on", "closure_reason", "reopenings"}
	placementsColumns = []string{"case", "org", "seq", "type", "family_based", "start", "end", "days", "previous_type", "next_type", "household"}
	visitsColumns     = append([]string{"case", "org", "kind", "mode", "due", "done", "missed", "cancelled", "status", "on_time", "days_late", "child_safe", "concerns"}, prefixed("csi_", csiFactors)...)
	assessmentColumns = append(append(append([]string{"case", "household", "org", "kind", "date"}, prefixed("csi_", csiFactors)...), prefixed("hvi_", hviFactors)...), "total")
)

func prefixed(p string, fs []casework.Factor) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = p + string(f)
	}
	return out
}

// DatasetColumns returns the header row of a dataset (nil for an unknown
// one).
func DatasetColumns(d Dataset) []string {
	var c []string
	switch d {
	case DatasetCases:
		c = casesColumns
	case DatasetPlacements:
		c = placementsColumns
	case DatasetVisits:
		c = visitsColumns
	case DatasetAssessments:
		c = assessmentColumns
	}
	return append([]string(nil), c...)
}

// PseudonymBytes is the length of a pseudonym before hex encoding: 16
// bytes, written as 32 lower-case hex digits.
const PseudonymBytes = 16

// Pseudonym returns the keyed pseudonym of an id: the first PseudonymBytes
// bytes of HMAC-SHA256(key, id), hex-encoded. A case's column holds
// Pseudonym(key, caseID); a household's Pseudonym(key, "household:" + id).
// A researcher who holds the key can recompute a pseudonym (for example
// with `printf %s ID | openssl dgst -sha256 -hmac KEY`, keeping the first
// 32 hex digits); no one can reverse it.
func Pseudonym(key []byte, id string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(id))
	return hex.EncodeToString(m.Sum(nil)[:PseudonymBytes])
}

// ExportOptions configure a research export.
type ExportOptions struct {
	// Key is the secret of the pseudonyms; it is required. Keep it to link
	// later exports, and away from the people who receive the data.
	Key []byte
	// Orgs limits the export to these organisations. Empty means every
	// organisation for the Write*CSV functions, and the actor's own for
	// Service.Export.
	Orgs []homeward.OrgID
	// AsOf is the export day: age bands, the arrangement in force, the
	// length of continuing arrangements and the state of visits are read
	// on it. It is required by the Write*CSV functions; Service.Export
	// takes today when it is zero.
	AsOf homeward.Date
	// GraceDays is the grace period of visit states; zero means
	// DefaultGraceDays (Service.Export: the service's).
	GraceDays int
}

func (o *ExportOptions) check() error {
	var v homeward.ValidationError
	if len(o.Key) == 0 {
		v.Add("key", "is required: the pseudonyms of case ids are keyed")
	}
	if o.AsOf.IsZero() {
		v.Add("as_of", "is required")
	}
	if o.GraceDays < 0 {
		v.Add("grace_days", "must not be negative")
	}
	if o.GraceDays == 0 {
		o.GraceDays = DefaultGraceDays
	}
	return v.Err()
}

// Export writes dataset d for the organisations o.Orgs (empty: the
// actor's), each of which the actor must be allowed to read (else
// homeward.ErrForbidden). A zero o.AsOf means today, a zero o.GraceDays the
// service's. The cases, placements and assessments need the casework
// stores (Options.Casework), else homeward.ErrInvalid. It returns the
// number of rows written, the header not counted.
func (s *Service) Export(ctx context.Context, w io.Writer, d Dataset, o ExportOptions) (int64, error) {
	orgs, err := s.readOrgs(ctx, o.Orgs, "export")
	if err != nil {
		return 0, err
	}
	o.Orgs = orgs
	if o.AsOf.IsZero() {
		o.AsOf = s.today()
	}
	if o.GraceDays == 0 {
		o.GraceDays = s.grace
	}
	needs := func(ok bool) error {
		if !ok {
			return homeward.Invalid("casework", "the service has no casework stores: set Options.Casework")
		}
		return nil
	}
	switch d {
	case DatasetCases:
		if err := needs(s.stores.Cases != nil); err != nil {
			return 0, err
		}
		return WriteCasesCSV(ctx, w, s.stores.Cases, o)
	case DatasetPlacements:
		if err := needs(s.stores.Cases != nil); err != nil {
			return 0, err
		}
		return WritePlacementsCSV(ctx, w, s.stores.Cases, o)
	case DatasetVisits:
		return WriteVisitsCSV(ctx, w, s.visits, o)
	case DatasetAssessments:
		if err := needs(s.stores.Assessments != nil); err != nil {
			return 0, err
		}
		return WriteAssessmentsCSV(ctx, w, s.stores.Assessments, o)
	}
	return 0, homeward.Invalid("dataset", "must be one of cases, placements, visits, assessments")
}

// exporter holds what the writers of one export share: the CSV writer on
// its buffer, the reusable record, the keyed hash and small caches.
type exporter struct {
	bw    *bufio.Writer
	cw    *csv.Writer
	rec   []string
	mac   hash.Hash
	in    []byte
	sum   []byte
	hexb  [2 * PseudonymBytes]byte
	dates [dateCacheSize]struct {
		d homeward.Date
		s string
	}
	// lastID and lastPseudonym are the case last pseudonymised in a
	// dataset with a row per visit: the visits of a case mostly come
	// together, and one HMAC costs more than the rest of the row.
	lastID, lastPseudonym string
	o                     ExportOptions
	sel                   orgSelection
	rows                  int64
}

// dateCacheSize is the size of the cache of formatted dates, indexed by
// day (about 11 years of days without a collision), so memory stays flat
// however many rows are written.
const dateCacheSize = 1 << 12

var dateEpoch = homeward.DateOf(2000, 1, 1)

func newExporter(w io.Writer, o ExportOptions, header []string) (*exporter, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	e := &exporter{bw: bw, cw: csv.NewWriter(bw), rec: make([]string, len(header)), mac: hmac.New(sha256.New, o.Key),
		o: o, sel: newOrgSelection(o.Orgs)}
	return e, e.cw.Write(header)
}

// pseudonym returns the keyed pseudonym of prefix + id ("" for an empty
// id), as Pseudonym does, without allocating more than the result.
func (e *exporter) pseudonym(prefix, id string) string {
	if id == "" {
		return ""
	}
	e.in = append(append(e.in[:0], prefix...), id...)
	e.mac.Reset()
	e.mac.Write(e.in)
	e.sum = e.mac.Sum(e.sum[:0])
	hex.Encode(e.hexb[:], e.sum[:PseudonymBytes])
	return string(e.hexb[:])
}

// date returns d as YYYY-MM-DD ("" for the zero date).
func (e *exporter) date(d homeward.Date) string {
	if d.IsZero() {
		return ""
	}
	slot := &e.dates[uint(dateEpoch.DaysUntil(d))%dateCacheSize]
	if slot.d == d {
		return slot.s
	}
	y, m, day := d.Time().Date()
	var b [10]byte
	b[0], b[1], b[2], b[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[4], b[5], b[6] = '-', byte('0'+int(m)/10), byte('0'+int(m)%10)
	b[7], b[8], b[9] = '-', byte('0'+day/10), byte('0'+day%10)
	slot.d, slot.s = d, string(b[:])
	return slot.s
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func (e *exporter) write() error {
	e.rows++
	return e.cw.Write(e.rec)
}

// finish flushes the CSV writer and the buffer and wraps a scan error.
func (e *exporter) finish(what string, err error) (int64, error) {
	if err == nil {
		e.cw.Flush()
		err = e.cw.Error()
	}
	if err == nil {
		err = e.bw.Flush()
	}
	if err != nil {
		return e.rows, fmt.Errorf("export %s: %w", what, err)
	}
	return e.rows, nil
}

// WriteCasesCSV writes the cases dataset (see DatasetCases) of the cases
// in store for o.Orgs (empty: every organisation) to w, and returns the
// number of rows written. It applies no access policy (Service.Export
// does). A missing key or day is homeward.ErrInvalid.
func WriteCasesCSV(ctx context.Context, w io.Writer, cases casework.CaseStore, o ExportOptions) (int64, error) {
	e, err := newExporter(w, o, casesColumns)
	if err != nil {
		return 0, err
	}
	asOf := e.o.AsOf
	err = cases.Scan(ctx, casework.CaseFilter{Org: e.sel.one}, every(ctx, func(c *casework.Case) error {
		if !e.sel.keep(c.Org) {
			return nil
		}
		r := e.rec
		clear(r)
		r[0], r[1], r[2], r[3] = e.pseudonym("", string(c.ID)), string(c.Org), string(c.Status), string(c.Child.Sex)
		if b := c.Child.BirthDate; !b.IsZero() && !b.After(asOf) {
			r[4] = string(casework.AgeBandOf(b.YearsUntil(asOf)))
		}
		r[5] = string(c.Risk)
		if a, ok := c.CurrentArrangement(asOf); ok {
			r[6], r[7] = string(a.Type), boolString(a.Type.FamilyBased())
		}
		r[8], r[9], r[10] = e.date(c.RegisteredOn), strconv.Itoa(len(c.Arrangements)), e.pseudonym("household:", string(c.Household))
		if c.Closure != nil {
			r[11], r[12] = e.date(c.Closure.Date), string(c.Closure.Reason)
		}
		r[13] = strconv.Itoa(len(c.Reopenings))
		return e.write()
	}))
	return e.finish("cases", err)
}

// WritePlacementsCSV writes the placements dataset (see
// DatasetPlacements): one row per care arrangement of the cases in store
// for o.Orgs (empty: every organisation). It applies no access policy.
func WritePlacementsCSV(ctx context.Context, w io.Writer, cases casework.CaseStore, o ExportOptions) (int64, error) {
	e, err := newExporter(w, o, placementsColumns)
	if err != nil {
		return 0, err
	}
	asOf := e.o.AsOf
	err = cases.Scan(ctx, casework.CaseFilter{Org: e.sel.one}, every(ctx, func(c *casework.Case) error {
		if !e.sel.keep(c.Org) || len(c.Arrangements) == 0 {
			return nil
		}
		id := e.pseudonym("", string(c.ID))
		for i, a := range c.Arrangements {
			r := e.rec
			clear(r)
			r[0], r[1], r[2], r[3], r[4] = id, string(c.Org), strconv.Itoa(i+1), string(a.Type), boolString(a.Type.FamilyBased())
			r[5], r[6] = e.date(a.Start), e.date(a.End)
			switch {
			case !a.End.IsZero():
				r[7] = strconv.Itoa(a.Start.DaysUntil(a.End))
			case !a.Start.After(asOf):
				r[7] = strconv.Itoa(a.Start.DaysUntil(asOf))
			}
			if i > 0 {
				r[8] = string(c.Arrangements[i-1].Type)
			}
			if i+1 < len(c.Arrangements) {
				r[9] = string(c.Arrangements[i+1].Type)
			}
			r[10] = e.pseudonym("household:", string(a.Household))
			if err := e.write(); err != nil {
				return err
			}
		}
		return nil
	}))
	return e.finish("placements", err)
}

// WriteVisitsCSV writes the visits dataset (see DatasetVisits) of the
// visits in store for o.Orgs (empty: every organisation). It applies no
// access policy. The store's scan and the writing run on two goroutines,
// handing visits over in batches of fixed size; memory stays the same
// however many rows are written.
func WriteVisitsCSV(ctx context.Context, w io.Writer, visits VisitStore, o ExportOptions) (int64, error) {
	e, err := newExporter(w, o, visitsColumns)
	if err != nil {
		return 0, err
	}
	err = pipeline(ctx, func(next func() (*visitRow, error)) error {
		return visits.Scan(ctx, VisitFilter{Org: e.sel.one}, every(ctx, func(v *Visit) error {
			if !e.sel.keep(v.Org) {
				return nil
			}
			r, err := next()
			if err == nil {
				r.set(v)
			}
			return err
		}))
	}, func(batch []visitRow) error {
		for i := range batch {
			if err := e.visit(&batch[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return e.finish("visits", err)
}

// visitRow is what the visits dataset writes of a visit, copied out of the
// store's scan.
type visitRow struct {
	cs                           casework.CaseID
	org                          homeward.OrgID
	kind                         Kind
	mode                         Mode
	due, done, missed, cancelled homeward.Date
	outcome, safe, concerns      bool
	scores                       [12]uint8 // in the order of csiFactors; 0: not taken
}

func (r *visitRow) set(v *Visit) {
	*r = visitRow{cs: v.Case, org: v.Org, kind: v.Kind, mode: v.Mode, due: v.Due, done: v.Done, missed: v.Missed, cancelled: v.Cancelled}
	if v.Outcome != nil {
		r.outcome, r.safe, r.concerns = true, v.Outcome.ChildSafe, v.Outcome.Concerns
	}
	if len(v.Scores) > 0 {
		for i, f := range csiFactors {
			if s := v.Scores[f]; s >= 1 && s <= 4 {
				r.scores[i] = uint8(s)
			}
		}
	}
}

var scoreText = [5]string{"", "1", "2", "3", "4"}

// visit writes one row of the visits dataset.
func (e *exporter) visit(x *visitRow) error {
	v := Visit{Due: x.due, Done: x.done, Missed: x.missed, Cancelled: x.cancelled}
	grace := e.o.GraceDays
	st := v.StatusOn(e.o.AsOf, grace)
	r := e.rec
	clear(r)
	if id := string(x.cs); id != e.lastID || e.lastPseudonym == "" {
		e.lastID, e.lastPseudonym = id, e.pseudonym("", id)
	}
	r[0], r[1], r[2], r[3] = e.lastPseudonym, string(x.org), string(x.kind), string(x.mode)
	r[4], r[5], r[6], r[7], r[8] = e.date(x.due), e.date(x.done), e.date(x.missed), e.date(x.cancelled), string(st)
	switch {
	case !x.done.IsZero():
		r[9], r[10] = boolString(v.OnTime(grace)), strconv.Itoa(x.due.DaysUntil(x.done))
	case !x.missed.IsZero() || st == VisitOverdue:
		r[9] = "false"
	}
	if x.outcome {
		r[11], r[12] = boolString(x.safe), boolString(x.concerns)
	}
	for i, s := range x.scores {
		r[13+i] = scoreText[s]
	}
	return e.write()
}

// WriteAssessmentsCSV writes the assessments dataset (see
// DatasetAssessments) of the assessments in store for o.Orgs (empty: every
// organisation). It applies no access policy.
func WriteAssessmentsCSV(ctx context.Context, w io.Writer, assessments casework.AssessmentStore, o ExportOptions) (int64, error) {
	e, err := newExporter(w, o, assessmentColumns)
	if err != nil {
		return 0, err
	}
	err = assessments.Scan(ctx, casework.AssessmentFilter{Org: e.sel.one}, every(ctx, func(a *casework.Assessment) error {
		if !e.sel.keep(a.Org) {
			return nil
		}
		r := e.rec
		clear(r)
		r[0], r[1], r[2], r[3], r[4] = e.pseudonym("", string(a.Case)), e.pseudonym("household:", string(a.Household)), string(a.Org), string(a.Kind), e.date(a.Date)
		for i, f := range csiFactors {
			if s, ok := a.Scores[f]; ok {
				r[5+i] = strconv.Itoa(s)
			}
		}
		for i, f := range hviFactors {
			if s, ok := a.Scores[f]; ok {
				r[5+len(csiFactors)+i] = strconv.Itoa(s)
			}
		}
		r[len(r)-1] = strconv.Itoa(a.Total())
		return e.write()
	}))
	return e.finish("assessments", err)
}
