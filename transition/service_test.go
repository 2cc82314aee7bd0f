package transition_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/transition"
)

type fixture struct {
	svc   *transition.Service
	audit *homeward.MemoryAuditSink
	now   time.Time
}

func newFixture(t *testing.T) *fixture {
	f := &fixture{audit: &homeward.MemoryAuditSink{}, now: time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)}
	n := 0
	svc, err := transition.NewService(transition.NewMemoryStore(), &transition.Options{
		Now:   func() time.Time { return f.now },
		NewID: func() string { n++; return "id-" + string(rune('0'+n)) },
		Audit: f.audit,
	})
	require.NoError(t, err)
	f.svc = svc
	return f
}

func as(org, id string, role homeward.Role) context.Context {
	return homeward.WithActor(context.Background(), homeward.Actor{ID: homeward.ActorID(id), Org: homeward.OrgID(org), Role: role})
}

func standardAssessment(date string, kv ...string) transition.Assessment {
	return transition.Assessment{Checklist: "transition-readiness", ChecklistVersion: "1",
		Date: homeward.MustParseDate(date), Answers: answers(kv...)}
}

func TestServiceRecordAndRead(t *testing.T) {
	f := newFixture(t)
	ctx := as("org-1", "ana", homeward.RoleStaff)
	a, err := f.svc.Record(ctx, standardAssessment("2027-03-01", "local_partner.backs_transition", "met"))
	require.NoError(t, err)
	require.Equal(t, transition.AssessmentID("id-1"), a.ID)
	require.Equal(t, homeward.OrgID("org-1"), a.Org, "the actor's organisation by default")
	require.Equal(t, int64(1), a.Version)
	require.Equal(t, f.now, a.CreatedAt)

	got, err := f.svc.Get(ctx, a.ID)
	require.NoError(t, err)
	require.Equal(t, a, got)

	r, err := f.svc.Evaluate(ctx, a.ID)
	require.NoError(t, err)
	require.False(t, r.Complete)

	ev := f.audit.Events()
	require.Len(t, ev, 1)
	require.Equal(t, homeward.AuditEvent{Time: f.now, Actor: "ana", Org: "org-1", Action: "create", Kind: "assessment", RecordID: "id-1",
		Fields: []string{"id", "org", "checklist", "checklist_version", "date", "answers.local_partner.backs_transition"}}, ev[0])
}

func TestServiceValidates(t *testing.T) {
	f := newFixture(t)
	ctx := as("org-1", "ana", homeward.RoleStaff)
	_, err := f.svc.Record(ctx, standardAssessment("2027-03-01", "no.such.item", "met"))
	require.Equal(t, []string{"answers.no.such.item"}, problems(t, err))
	bad := standardAssessment("2027-03-01")
	bad.ChecklistVersion = "9"
	_, err = f.svc.Record(ctx, bad)
	require.Equal(t, []string{"checklist"}, problems(t, err))
	require.Empty(t, f.audit.Events(), "nothing recorded for rejected input")
}

func TestServiceAccess(t *testing.T) {
	f := newFixture(t)
	mine := as("org-1", "ana", homeward.RoleStaff)
	theirs := as("org-2", "bob", homeward.RoleStaff)
	reader := as("org-1", "rita", homeward.RoleReadOnly)

	a, err := f.svc.Record(mine, standardAssessment("2027-03-01"))
	require.NoError(t, err)

	_, err = f.svc.Get(theirs, a.ID)
	require.ErrorIs(t, err, homeward.ErrNotFound, "another organisation's record is not found, not forbidden")
	_, err = f.svc.Get(reader, a.ID)
	require.NoError(t, err)

	other := standardAssessment("2027-03-02")
	other.Org = "org-1"
	_, err = f.svc.Record(theirs, other)
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = f.svc.Record(reader, standardAssessment("2027-03-02"))
	require.ErrorIs(t, err, homeward.ErrForbidden, "a read-only actor cannot write")
	_, err = f.svc.Update(theirs, a)
	require.ErrorIs(t, err, homeward.ErrNotFound)
	require.ErrorIs(t, f.svc.Delete(theirs, a.ID, a.Version), homeward.ErrNotFound)

	_, err = f.svc.History(theirs, transition.Filter{Org: "org-1"})
	require.ErrorIs(t, err, homeward.ErrForbidden)
	page, err := f.svc.History(theirs, transition.Filter{})
	require.NoError(t, err)
	require.Empty(t, page.Items, "listing never shows another organisation's records")

	_, err = f.svc.Get(context.Background(), a.ID)
	require.ErrorIs(t, err, homeward.ErrForbidden, "no actor, no access")

	policy := homeward.PolicyFunc(func(ctx context.Context, actor homeward.Actor, action homeward.Action, org homeward.OrgID) bool {
		return homeward.DefaultPolicy{}.Allow(ctx, actor, action, org) || (actor.Org == "umbrella" && action == homeward.ActionRead)
	})
	store := transition.NewMemoryStore()
	svc, err := transition.NewService(store, &transition.Options{Policy: policy})
	require.NoError(t, err)
	b, err := svc.Record(mine, standardAssessment("2027-03-01"))
	require.NoError(t, err)
	umbrella := as("umbrella", "uma", homeward.RoleStaff)
	_, err = svc.Get(umbrella, b.ID)
	require.NoError(t, err, "a host policy can grant read access")
	_, err = svc.Update(umbrella, b)
	require.ErrorIs(t, err, homeward.ErrForbidden)
}

func TestServiceUpdateConflictAndHistory(t *testing.T) {
	f := newFixture(t)
	ctx := as("org-1", "ana", homeward.RoleStaff)
	first, err := f.svc.Record(ctx, standardAssessment("2027-03-01", "care_team.training", "not_started"))
	require.NoError(t, err)
	f.now = f.now.Add(24 * time.Hour)
	edit := first
	edit.Answers = answers("care_team.training", "in_progress")
	updated, err := f.svc.Update(ctx, edit)
	require.NoError(t, err)
	require.Equal(t, int64(2), updated.Version)
	require.Equal(t, first.CreatedAt, updated.CreatedAt)
	require.Equal(t, f.now, updated.UpdatedAt)
	_, err = f.svc.Update(ctx, edit) // stale version 1
	require.ErrorIs(t, err, homeward.ErrConflict)
	moved := updated
	moved.Org = "org-2"
	_, err = f.svc.Update(ctx, moved)
	require.ErrorIs(t, err, homeward.ErrInvalid)
	ev := f.audit.Events()
	require.Equal(t, []string{"answers.care_team.training"}, ev[len(ev)-1].Fields)

	second, err := f.svc.Record(ctx, standardAssessment("2027-09-01", "care_team.training", "met"))
	require.NoError(t, err)
	early, err := f.svc.Record(ctx, standardAssessment("2026-09-01"))
	require.NoError(t, err)
	h, err := f.svc.History(ctx, transition.Filter{})
	require.NoError(t, err)
	require.Equal(t, []string{string(early.ID), string(first.ID), string(second.ID)}, ids(h.Items))

	p, err := f.svc.Progress(ctx, first.ID, second.ID)
	require.NoError(t, err)
	require.Len(t, p.Improved, 1)
	require.Equal(t, "care_team.training", p.Improved[0].Item)

	require.NoError(t, f.svc.Delete(ctx, early.ID, early.Version))
	_, err = f.svc.Get(ctx, early.ID)
	require.ErrorIs(t, err, homeward.ErrNotFound)
}

func ids(as []transition.Assessment) []string {
	var out []string
	for _, a := range as {
		out = append(out, string(a.ID))
	}
	return out
}
