package homeward

import (
	"context"
	"slices"
	"sync"
	"time"
)

// AuditEvent records one change made through a service: who changed which
// record, when, and which fields. It never carries field values, so it cannot
// leak a child's identifying data.
type AuditEvent struct {
	Time     time.Time `json:"time"`
	Actor    ActorID   `json:"actor"`
	Org      OrgID     `json:"org"`
	Action   string    `json:"action"` // "create", "update" or "delete"
	Kind     string    `json:"kind"`   // the record type, e.g. "assessment"
	RecordID string    `json:"record_id"`
	Fields   []string  `json:"fields,omitempty"` // names of the changed fields
}

// AuditSink receives audit events. A service that cannot record the event of
// a change returns the sink's error to its caller.
type AuditSink interface {
	Record(ctx context.Context, e AuditEvent) error
}

// MemoryAuditSink keeps audit events in memory. It is safe for concurrent use;
// the zero value is ready.
type MemoryAuditSink struct {
	mu     sync.Mutex
	events []AuditEvent
}

// Record implements [AuditSink].
func (s *MemoryAuditSink) Record(_ context.Context, e AuditEvent) error {
	e.Fields = slices.Clone(e.Fields)
	s.mu.Lock()
	s.events = append(s.events, e)
	s.mu.Unlock()
	return nil
}

// Events returns a copy of the events recorded so far, oldest first.
func (s *MemoryAuditSink) Events() []AuditEvent {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]AuditEvent, len(s.events))
	for i, e := range s.events {
		e.Fields = slices.Clone(e.Fields)
		out[i] = e
	}
	return out
}

// DiscardAudit is an [AuditSink] that drops every event.
type DiscardAudit struct{}

// Record implements [AuditSink].
func (DiscardAudit) Record(context.Context, AuditEvent) error { return nil }
