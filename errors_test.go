package homeward_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
)

func TestValidationError(t *testing.T) {
	var v homeward.ValidationError
	require.NoError(t, v.Err())
	v.Add("plan.goals[2].due", "is before the plan's start")
	inner := homeward.Invalid("weight", "must be greater than 0")
	v.Merge("areas[1]", inner)
	v.Merge("items", errors.New("plain problem"))
	v.Merge("x", nil)
	err := v.Err()
	require.ErrorIs(t, err, homeward.ErrInvalid)
	wrapped := fmt.Errorf("save: %w", err)
	var ve *homeward.ValidationError
	require.True(t, errors.As(wrapped, &ve))
	require.Equal(t, []homeward.FieldError{
		{Path: "plan.goals[2].due", Problem: "is before the plan's start"},
		{Path: "areas[1].weight", Problem: "must be greater than 0"},
		{Path: "items", Problem: "plain problem"},
	}, ve.Fields)
	require.True(t, ve.Has("areas[1].weight"))
	require.Equal(t, "invalid input: 3 problems:\n  plan.goals[2].due: is before the plan's start\n  areas[1].weight: must be greater than 0\n  items: plain problem", err.Error())
	require.Equal(t, "invalid input: weight: must be greater than 0", inner.Error())
	require.Equal(t, "a[0]", homeward.JoinPath("a", "[0]"))
}

func TestActorAndPolicy(t *testing.T) {
	ctx := t.Context()
	_, err := homeward.RequireActor(ctx)
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = homeward.RequireActor(homeward.WithActor(ctx, homeward.Actor{ID: "a", Org: "o"}))
	require.ErrorIs(t, err, homeward.ErrForbidden, "an actor without a role is refused")

	staff := homeward.Actor{ID: "a", Org: "o", Role: homeward.RoleStaff}
	reader := homeward.Actor{ID: "r", Org: "o", Role: homeward.RoleReadOnly}
	got, err := homeward.RequireActor(homeward.WithActor(ctx, staff))
	require.NoError(t, err)
	require.Equal(t, staff, got)

	p := homeward.DefaultPolicy{}
	require.True(t, p.Allow(ctx, staff, homeward.ActionWrite, "o"))
	require.True(t, p.Allow(ctx, reader, homeward.ActionRead, "o"))
	require.False(t, p.Allow(ctx, reader, homeward.ActionWrite, "o"))
	require.False(t, p.Allow(ctx, staff, homeward.ActionRead, "other"))
	require.False(t, p.Allow(ctx, staff, homeward.Action("delete-everything"), "o"))

	var r homeward.Role
	require.Error(t, r.UnmarshalText([]byte("admin")))
	require.NoError(t, r.UnmarshalText([]byte("read_only")))
}

func TestMemoryAuditSink(t *testing.T) {
	var s homeward.MemoryAuditSink
	fields := []string{"status"}
	require.NoError(t, s.Record(t.Context(), homeward.AuditEvent{Actor: "a", Kind: "case", RecordID: "c1", Fields: fields}))
	fields[0] = "changed"
	ev := s.Events()
	require.Equal(t, []string{"status"}, ev[0].Fields, "the sink keeps its own copy")
	ev[0].Fields[0] = "again"
	require.Equal(t, []string{"status"}, s.Events()[0].Fields)
}
