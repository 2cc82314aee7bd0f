package svc

import (
	"context"
	"fmt"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/fields"
	"github.com/homewardkit/homeward/internal/ids"
)

// Defaults fills in the options every service has that were left nil: the
// clock (time.Now), the time zone of "today" (UTC), the id generator (random
// 128-bit ids), the access policy (homeward.DefaultPolicy) and the audit
// sink (events discarded). A nil pointer is skipped, for services without
// that option.
func Defaults(now *func() time.Time, loc **time.Location, newID *func() string, policy *homeward.Policy, audit *homeward.AuditSink) {
	if now != nil && *now == nil {
		*now = time.Now
	}
	if loc != nil && *loc == nil {
		*loc = time.UTC
	}
	if newID != nil && *newID == nil {
		*newID = ids.New
	}
	if policy != nil && *policy == nil {
		*policy = homeward.DefaultPolicy{}
	}
	if audit != nil && *audit == nil {
		*audit = homeward.DiscardAudit{}
	}
}

// Emit records the audit event of a change to a record of kind with the
// given id, owned by org: the fields that differ between old and cur (every
// set field when old is nil; none when cur is nil, as for a deletion),
// never their values. The sink's failure is returned, so that a change that
// cannot be audited is reported.
func Emit(ctx context.Context, sink homeward.AuditSink, at time.Time, actor homeward.Actor, action, kind string, org homeward.OrgID, id string, old, cur any) error {
	var changed []string
	if cur != nil {
		changed = fields.Changed(old, cur)
	}
	err := sink.Record(ctx, homeward.AuditEvent{Time: at.UTC(), Actor: actor.ID, Org: org, Action: action, Kind: kind, RecordID: id, Fields: changed})
	if err != nil {
		return fmt.Errorf("audit %s of %s %s: %w", action, kind, id, err)
	}
	return nil
}
