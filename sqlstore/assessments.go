package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/paging"
	"github.com/homewardkit/homeward/transition"
)

// AssessmentStore is a [transition.Store] in the assessments table. It is
// safe for concurrent use. Get it from [DB.Assessments].
//
// Like every store it checks only identity and versions; validation, time
// stamps and access control are the business of transition.Service. It
// stores times in UTC at microsecond precision (finer fractions are
// dropped, and the returned copy shows what was stored) and requires a
// date, which orders lists.
type AssessmentStore struct {
	db *DB
}

var _ transition.Store = (*AssessmentStore)(nil)

const assessmentColumns = `id, org, checklist, checklist_version, date, assessor, answers, version, created_at, updated_at`

// storedAnswer is an answer as kept in the answers column. It has plain
// string fields so that the store keeps whatever it is given, as stores do.
type storedAnswer struct {
	Status   string `json:"status"`
	Evidence string `json:"evidence,omitempty"`
	Note     string `json:"note,omitempty"`
}

// encodeAnswers writes answers as a JSON object, or JSON null for a nil map,
// so that nil and empty maps both read back as they were.
func encodeAnswers(m map[string]transition.Answer) (string, error) {
	if m == nil {
		return "null", nil
	}
	out := make(map[string]storedAnswer, len(m))
	for k, a := range m {
		out[k] = storedAnswer{Status: string(a.Status), Evidence: a.Evidence, Note: a.Note}
	}
	b, err := json.Marshal(out)
	if err != nil {
		// Never wrap err: it could quote an answer's text.
		return "", errors.New("sqlstore: answers cannot be encoded as JSON")
	}
	return string(b), nil
}

func decodeAnswers(s string) (map[string]transition.Answer, error) {
	var in map[string]storedAnswer
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, errors.New("stored answers are not valid JSON")
	}
	if in == nil {
		return nil, nil
	}
	out := make(map[string]transition.Answer, len(in))
	for k, a := range in {
		out[k] = transition.Answer{Status: transition.Status(a.Status), Evidence: a.Evidence, Note: a.Note}
	}
	return out, nil
}

// prepare checks what the table requires and returns the normalised copy of
// a that will be stored, and its answers as JSON.
func prepare(a transition.Assessment) (transition.Assessment, string, error) {
	a = a.Clone()
	if a.ID == "" {
		return a, "", homeward.Invalid("id", "is required")
	}
	if a.Date.IsZero() {
		return a, "", homeward.Invalid("date", "is required")
	}
	a.CreatedAt, a.UpdatedAt = normTime(a.CreatedAt), normTime(a.UpdatedAt)
	answers, err := encodeAnswers(a.Answers)
	if err != nil {
		return a, "", fmt.Errorf("assessment %s: %w", a.ID, err)
	}
	return a, answers, nil
}

// Create stores a with Version 1 and returns the stored copy. It fails with
// homeward.ErrConflict when an assessment with a's ID exists, and with
// homeward.ErrInvalid when a has no ID or no date.
func (s *AssessmentStore) Create(ctx context.Context, a transition.Assessment) (transition.Assessment, error) {
	a, answers, err := prepare(a)
	if err != nil {
		return transition.Assessment{}, err
	}
	a.Version = 1
	d := s.db
	err = d.withTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, d.rebind(`INSERT INTO assessments (`+assessmentColumns+`)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
			string(a.ID), string(a.Org), a.Checklist, a.ChecklistVersion, d.dateArg(a.Date), a.Assessor,
			answers, a.Version, d.timeArg(a.CreatedAt), d.timeArg(a.UpdatedAt))
		if err != nil {
			return fmt.Errorf("sqlstore: create assessment %s: %w", a.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("sqlstore: create assessment %s: %w", a.ID, err)
		} else if n == 0 {
			return fmt.Errorf("assessment %s already exists: %w", a.ID, homeward.ErrConflict)
		}
		return nil
	})
	if err != nil {
		return transition.Assessment{}, err
	}
	return a, nil
}

// Get returns the assessment with the given id, or an error wrapping
// homeward.ErrNotFound.
func (s *AssessmentStore) Get(ctx context.Context, id transition.AssessmentID) (transition.Assessment, error) {
	d := s.db
	row := d.db.QueryRowContext(ctx, d.rebind(`SELECT `+assessmentColumns+` FROM assessments WHERE id = ?`), string(id))
	a, err := scanAssessment(row)
	if errors.Is(err, sql.ErrNoRows) {
		return transition.Assessment{}, fmt.Errorf("assessment %s: %w", id, homeward.ErrNotFound)
	}
	if err != nil {
		return transition.Assessment{}, fmt.Errorf("sqlstore: get assessment %s: %w", id, err)
	}
	return a, nil
}

// Update replaces the stored assessment with a when a.Version equals the
// stored version, stores it with the version incremented and returns the
// stored copy. It fails with homeward.ErrNotFound when there is no such
// assessment, homeward.ErrConflict when the versions differ, and
// homeward.ErrInvalid when a has no ID or no date.
func (s *AssessmentStore) Update(ctx context.Context, a transition.Assessment) (transition.Assessment, error) {
	a, answers, err := prepare(a)
	if err != nil {
		return transition.Assessment{}, err
	}
	d := s.db
	err = d.withTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, d.rebind(`UPDATE assessments SET org = ?, checklist = ?, checklist_version = ?,
			date = ?, assessor = ?, answers = ?, created_at = ?, updated_at = ?, version = version + 1
			WHERE id = ? AND version = ?`),
			string(a.Org), a.Checklist, a.ChecklistVersion, d.dateArg(a.Date), a.Assessor, answers,
			d.timeArg(a.CreatedAt), d.timeArg(a.UpdatedAt), string(a.ID), a.Version)
		if err != nil {
			return fmt.Errorf("sqlstore: update assessment %s: %w", a.ID, err)
		}
		return d.checkChanged(ctx, tx, res, "assessments", "assessment", string(a.ID), a.Version)
	})
	if err != nil {
		return transition.Assessment{}, err
	}
	a.Version++
	return a, nil
}

// Delete removes the assessment when version equals the stored version. It
// fails with homeward.ErrNotFound when there is no such assessment and
// homeward.ErrConflict when the versions differ.
func (s *AssessmentStore) Delete(ctx context.Context, id transition.AssessmentID, version int64) error {
	d := s.db
	return d.withTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, d.rebind(`DELETE FROM assessments WHERE id = ? AND version = ?`), string(id), version)
		if err != nil {
			return fmt.Errorf("sqlstore: delete assessment %s: %w", id, err)
		}
		return d.checkChanged(ctx, tx, res, "assessments", "assessment", string(id), version)
	})
}

// checkChanged turns a versioned UPDATE or DELETE that changed no row into
// ErrNotFound or ErrConflict, looking the row up in the same transaction.
// table is one of Homeward's own table names, never user input.
func (d *DB) checkChanged(ctx context.Context, tx *sql.Tx, res sql.Result, table, kind, id string, version int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("sqlstore: %s %s: %w", kind, id, err)
	}
	if n > 0 {
		return nil
	}
	var stored int64
	err = tx.QueryRowContext(ctx, d.rebind(`SELECT version FROM `+table+` WHERE id = ?`), id).Scan(&stored)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("%s %s: %w", kind, id, homeward.ErrNotFound)
	case err != nil:
		return fmt.Errorf("sqlstore: %s %s: %w", kind, id, err)
	}
	return fmt.Errorf("%s %s was changed by someone else (version %d, stored %d): %w", kind, id, version, stored, homeward.ErrConflict)
}

// List returns the assessments that match f, ordered by date and then by id
// (byte order), one page at a time. A malformed cursor is
// homeward.ErrInvalid.
func (s *AssessmentStore) List(ctx context.Context, f transition.Filter) (homeward.Page[transition.Assessment], error) {
	d := s.db
	var (
		where []string
		args  []any
	)
	if f.Page.Cursor != "" {
		key, err := paging.Decode(f.Page.Cursor)
		if err != nil {
			return homeward.Page[transition.Assessment]{}, err
		}
		ds, id, ok := strings.Cut(key, "\x00")
		day, err := homeward.ParseDate(ds)
		if !ok || err != nil {
			return homeward.Page[transition.Assessment]{}, homeward.Invalid("cursor", "is not a cursor returned by this list")
		}
		where = append(where, `(date, id) > (?, ?)`)
		args = append(args, d.dateArg(day), id)
	}
	if f.Org != "" {
		where = append(where, `org = ?`)
		args = append(args, string(f.Org))
	}
	if f.Checklist != "" {
		where = append(where, `checklist = ?`)
		args = append(args, f.Checklist)
	}
	if !f.From.IsZero() {
		where = append(where, `date >= ?`)
		args = append(args, d.dateArg(f.From))
	}
	if !f.To.IsZero() {
		where = append(where, `date <= ?`)
		args = append(args, d.dateArg(f.To))
	}
	q := `SELECT ` + assessmentColumns + ` FROM assessments`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	limit := f.Page.EffectiveLimit()
	q += ` ORDER BY date, id LIMIT ?`
	args = append(args, limit+1)

	rows, err := d.db.QueryContext(ctx, d.rebind(q), args...)
	if err != nil {
		return homeward.Page[transition.Assessment]{}, fmt.Errorf("sqlstore: list assessments: %w", err)
	}
	defer rows.Close()
	page := homeward.Page[transition.Assessment]{Items: []transition.Assessment{}}
	for rows.Next() {
		a, err := scanAssessment(rows)
		if err != nil {
			return homeward.Page[transition.Assessment]{}, fmt.Errorf("sqlstore: list assessments: %w", err)
		}
		page.Items = append(page.Items, a)
	}
	if err := rows.Err(); err != nil {
		return homeward.Page[transition.Assessment]{}, fmt.Errorf("sqlstore: list assessments: %w", err)
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit:limit]
		page.Next = paging.Encode(transition.ListKey(page.Items[limit-1]))
	}
	return page, nil
}

func scanAssessment(row interface{ Scan(...any) error }) (transition.Assessment, error) {
	var (
		a       transition.Assessment
		id, org string
		answers string
	)
	err := row.Scan(&id, &org, &a.Checklist, &a.ChecklistVersion, dateScan{&a.Date}, &a.Assessor,
		&answers, &a.Version, timeScan{&a.CreatedAt}, timeScan{&a.UpdatedAt})
	if err != nil {
		return transition.Assessment{}, err
	}
	a.ID, a.Org = transition.AssessmentID(id), homeward.OrgID(org)
	if a.Answers, err = decodeAnswers(answers); err != nil {
		return transition.Assessment{}, fmt.Errorf("assessment %s: %w", a.ID, err)
	}
	return a, nil
}
