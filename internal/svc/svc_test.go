package svc

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
)

func TestDefaults(t *testing.T) {
	var (
		now    func() time.Time
		loc    *time.Location
		newID  func() string
		policy homeward.Policy
		audit  homeward.AuditSink
	)
	Defaults(&now, &loc, &newID, &policy, &audit)
	require.NotNil(t, now)
	require.Equal(t, time.UTC, loc)
	require.Len(t, newID(), 26)
	require.Equal(t, homeward.DefaultPolicy{}, policy)
	require.Equal(t, homeward.DiscardAudit{}, audit)
	mine := func() string { return "x" }
	Defaults(nil, nil, &mine, nil, nil)
	require.Equal(t, "x", mine(), "a set option is kept")
}

type failing struct{}

func (failing) Record(context.Context, homeward.AuditEvent) error { return errors.New("disk full") }

func TestEmit(t *testing.T) {
	var sink homeward.MemoryAuditSink
	type rec struct {
		Name string `json:"name"`
		Age  int    `json:"age"`
	}
	at := time.Date(2027, 1, 1, 12, 0, 0, 0, time.FixedZone("EAT", 3*3600))
	a := homeward.Actor{ID: "ana", Org: "o", Role: homeward.RoleStaff}
	require.NoError(t, Emit(context.Background(), &sink, at, a, "update", "thing", "o", "t1", &rec{Name: "A"}, &rec{Name: "B", Age: 1}))
	require.Equal(t, homeward.AuditEvent{Time: at.UTC(), Actor: "ana", Org: "o", Action: "update", Kind: "thing", RecordID: "t1",
		Fields: []string{"name", "age"}}, sink.Events()[0])
	err := Emit(context.Background(), failing{}, at, a, "delete", "thing", "o", "t1", nil, nil)
	require.ErrorContains(t, err, "audit delete of thing t1: disk full")
}
