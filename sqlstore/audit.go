package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/paging"
)

// AuditSink is a [homeward.AuditSink] that persists events in the
// audit_events table. It is safe for concurrent use. Get it from [DB.Audit]
// and pass it as the Audit option of a service.
type AuditSink struct {
	db *DB
}

var _ homeward.AuditSink = (*AuditSink)(nil)

// Record stores e. The time is kept in UTC at microsecond precision. It
// fails only when the database does.
func (s *AuditSink) Record(ctx context.Context, e homeward.AuditEvent) error {
	fields := "null"
	if e.Fields != nil {
		b, err := json.Marshal(e.Fields)
		if err != nil {
			return fmt.Errorf("sqlstore: audit event fields: %w", err)
		}
		fields = string(b)
	}
	d := s.db
	return d.withTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, d.rebind(`INSERT INTO audit_events (time, actor, org, action, kind, record_id, fields)
			VALUES (?, ?, ?, ?, ?, ?, ?)`),
			d.timeArg(e.Time), string(e.Actor), string(e.Org), e.Action, e.Kind, e.RecordID, fields)
		if err != nil {
			return fmt.Errorf("sqlstore: record audit event for %s %s: %w", e.Kind, e.RecordID, err)
		}
		return nil
	})
}

// AuditFilter selects audit events. Zero fields do not filter.
type AuditFilter struct {
	Org      homeward.OrgID
	Kind     string // the record type, e.g. "assessment"
	RecordID string
	Page     homeward.PageRequest
}

// List returns the recorded events that match f, oldest first (in the order
// they were recorded), one page at a time. A malformed cursor is
// homeward.ErrInvalid.
func (s *AuditSink) List(ctx context.Context, f AuditFilter) (homeward.Page[homeward.AuditEvent], error) {
	d := s.db
	var (
		where []string
		args  []any
	)
	if f.Page.Cursor != "" {
		key, err := paging.Decode(f.Page.Cursor)
		if err != nil {
			return homeward.Page[homeward.AuditEvent]{}, err
		}
		seq, err := strconv.ParseInt(key, 10, 64)
		if err != nil || seq <= 0 {
			return homeward.Page[homeward.AuditEvent]{}, homeward.Invalid("cursor", "is not a cursor returned by this list")
		}
		where = append(where, `seq > ?`)
		args = append(args, seq)
	}
	if f.Org != "" {
		where = append(where, `org = ?`)
		args = append(args, string(f.Org))
	}
	if f.Kind != "" {
		where = append(where, `kind = ?`)
		args = append(args, f.Kind)
	}
	if f.RecordID != "" {
		where = append(where, `record_id = ?`)
		args = append(args, f.RecordID)
	}
	q := `SELECT seq, time, actor, org, action, kind, record_id, fields FROM audit_events`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	limit := f.Page.EffectiveLimit()
	q += ` ORDER BY seq LIMIT ?`
	args = append(args, limit+1)

	rows, err := d.db.QueryContext(ctx, d.rebind(q), args...)
	if err != nil {
		return homeward.Page[homeward.AuditEvent]{}, fmt.Errorf("sqlstore: list audit events: %w", err)
	}
	defer rows.Close()
	page := homeward.Page[homeward.AuditEvent]{Items: []homeward.AuditEvent{}}
	var seqs []int64
	for rows.Next() {
		var (
			e          homeward.AuditEvent
			seq        int64
			actor, org string
			fields     string
		)
		if err := rows.Scan(&seq, timeScan{&e.Time}, &actor, &org, &e.Action, &e.Kind, &e.RecordID, &fields); err != nil {
			return homeward.Page[homeward.AuditEvent]{}, fmt.Errorf("sqlstore: list audit events: %w", err)
		}
		e.Actor, e.Org = homeward.ActorID(actor), homeward.OrgID(org)
		if err := json.Unmarshal([]byte(fields), &e.Fields); err != nil {
			return homeward.Page[homeward.AuditEvent]{}, fmt.Errorf("sqlstore: audit event %d: stored fields are not a JSON array", seq)
		}
		page.Items = append(page.Items, e)
		seqs = append(seqs, seq)
	}
	if err := rows.Err(); err != nil {
		return homeward.Page[homeward.AuditEvent]{}, fmt.Errorf("sqlstore: list audit events: %w", err)
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit:limit]
		page.Next = paging.Encode(strconv.FormatInt(seqs[limit-1], 10))
	}
	return page, nil
}
