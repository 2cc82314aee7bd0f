package sqlstore

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
)

// BenchmarkVisitWorklist reads the first page of a morning worklist (the
// open visits of one organisation due by a day, in due order) from a SQLite
// file holding HOMEWARD_BENCH_VISITS visits (default 1,000,000) of 100
// organisations, ten visits a case. The target is 10,000,000
// visits, first page under 50 ms:
//
//	HOMEWARD_BENCH_VISITS=10000000 go test -run '^$' -bench VisitWorklist -benchtime 100x -timeout 2h ./sqlstore/
func BenchmarkVisitWorklist(b *testing.B) {
	n := 1_000_000
	if s := os.Getenv("HOMEWARD_BENCH_VISITS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 10_000 {
			b.Fatalf("HOMEWARD_BENCH_VISITS=%q: want a number of at least 10000", s)
		}
		n = v
	}
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "visits.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	store := db.Visits()
	start := time.Now()
	placed := homeward.MustParseDate("2026-01-05")
	batch := make([]monitoring.Visit, 0, 10_000)
	for i := range n {
		c := i / 10
		due := placed.AddDays(c%300 + 30*(i%10))
		v := monitoring.Visit{ID: monitoring.VisitID(fmt.Sprintf("v%09d", i)), Org: homeward.OrgID(fmt.Sprintf("org-%03d", c%100)),
			Case: casework.CaseID(fmt.Sprintf("c%08d", c)), Caseworker: fmt.Sprintf("worker-%d", c%7), Due: due,
			Kind: monitoring.KindFollowUp, Mode: monitoring.ModeHome, Version: 1, CreatedAt: time.Unix(0, 0), UpdatedAt: time.Unix(0, 0)}
		if due.Before(homeward.MustParseDate("2026-06-01")) && i%5 != 0 {
			v.Done, v.By = due, "worker"
			v.Outcome = &monitoring.Outcome{ChildSafe: true}
		}
		batch = append(batch, v)
		if len(batch) == cap(batch) || i == n-1 {
			if err := store.CreateBatch(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.Logf("%d visits written in %s", n, time.Since(start).Round(time.Millisecond))
	f := monitoring.VisitFilter{Org: "org-042", OpenOnly: true, DueTo: homeward.MustParseDate("2026-07-07")}
	p, err := store.List(ctx, f)
	if err != nil || len(p.Items) == 0 {
		b.Fatalf("worklist: %d items, %v", len(p.Items), err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := store.List(ctx, f); err != nil {
			b.Fatal(err)
		}
	}
}
