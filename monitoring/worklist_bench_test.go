package monitoring_test

import (
	"context"
	"testing"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

// BenchmarkWorklist reads the morning worklist of one organisation (a
// quarter of the generated population) as of a day, first page and next
// page. Target at full scale (HOMEWARD_BENCH_SCALE=full: 1,000,000 cases,
// 10,000,000 visits): under 100 ms.
func BenchmarkWorklist(b *testing.B) {
	st, visits, pop := benchPopulation(b)
	cw, err := casework.NewService(st, nil)
	if err != nil {
		b.Fatal(err)
	}
	svc, err := monitoring.NewService(visits, cw, nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "bench", Org: pop.orgs[0], Role: homeward.RoleStaff})
	f := monitoring.WorklistFilter{AsOf: homeward.MustParseDate("2026-06-30")}
	first, err := svc.Worklist(ctx, f)
	if err != nil || len(first.Items) == 0 || first.Next == "" {
		b.Fatalf("worklist: %d items, next %q, %v", len(first.Items), first.Next, err)
	}
	b.Run("FirstPage", func(b *testing.B) {
		for b.Loop() {
			if _, err := svc.Worklist(ctx, f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("NextPage", func(b *testing.B) {
		g := f
		g.Page.Cursor = first.Next
		for b.Loop() {
			if _, err := svc.Worklist(ctx, g); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Counts", func(b *testing.B) {
		for b.Loop() {
			if _, err := svc.Counts(ctx, "", "", f.AsOf); err != nil {
				b.Fatal(err)
			}
		}
	})
}
