package sqlstore

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/transition"
)

var testNow = time.Date(2027, 3, 1, 10, 0, 0, 123456789, time.UTC)

func TestAuditSink(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		sink := openTest(t, b).Audit()
		ctx := context.Background()
		var want []homeward.AuditEvent
		for i := range 7 {
			e := homeward.AuditEvent{
				Time:     testNow.Add(time.Duration(i) * time.Second).In(time.FixedZone("X", 7200)),
				Actor:    "ana",
				Org:      homeward.OrgID(fmt.Sprintf("org-%d", i%2)),
				Action:   "update",
				Kind:     "assessment",
				RecordID: fmt.Sprintf("a%d", i%3),
				Fields:   []string{"answers", "date"},
			}
			switch i {
			case 0:
				e.Fields = nil
			case 1:
				e.Fields = []string{}
			}
			require.NoError(t, sink.Record(ctx, e))
			e.Time = e.Time.UTC().Truncate(time.Microsecond)
			if e.Org == "org-0" {
				want = append(want, e)
			}
		}

		var got []homeward.AuditEvent
		f := AuditFilter{Org: "org-0", Page: homeward.PageRequest{Limit: 3}}
		for {
			page, err := sink.List(ctx, f)
			require.NoError(t, err)
			require.LessOrEqual(t, len(page.Items), 3)
			got = append(got, page.Items...)
			if page.Next == "" {
				break
			}
			f.Page.Cursor = page.Next
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("(-want +got)\n%s", d)
		}
		require.Nil(t, got[0].Fields)

		page, err := sink.List(ctx, AuditFilter{Kind: "assessment", RecordID: "a1"})
		require.NoError(t, err)
		require.Len(t, page.Items, 2)
		_, err = sink.List(ctx, AuditFilter{Page: homeward.PageRequest{Cursor: "%%"}})
		require.ErrorIs(t, err, homeward.ErrInvalid)
	})
}

// TestAuditSinkWithService records assessments through the service with the
// SQL store and the SQL audit sink together.
func TestAuditSinkWithService(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		db := openTest(t, b)
		svc, err := transition.NewService(db.Assessments(), &transition.Options{
			Audit: db.Audit(),
			Now:   func() time.Time { return testNow },
		})
		require.NoError(t, err)
		ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "ana", Org: "org-1", Role: homeward.RoleStaff})
		a, err := svc.Record(ctx, transition.Assessment{
			ID: "a1", Checklist: "transition-readiness", ChecklistVersion: "1",
			Date: homeward.MustParseDate("2027-03-01"),
		})
		require.NoError(t, err)
		require.Equal(t, homeward.OrgID("org-1"), a.Org)
		page, err := db.Audit().List(ctx, AuditFilter{Org: "org-1"})
		require.NoError(t, err)
		require.Len(t, page.Items, 1)
		e := page.Items[0]
		require.Equal(t, "create", e.Action)
		require.Equal(t, "assessment", e.Kind)
		require.Equal(t, "a1", e.RecordID)
		require.Equal(t, homeward.ActorID("ana"), e.Actor)
		require.True(t, e.Time.Equal(testNow.Truncate(time.Microsecond)))
	})
}
