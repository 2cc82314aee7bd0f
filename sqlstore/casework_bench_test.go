package sqlstore

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/internal/paging"
)

// The benchmarks below write and read many cases in a SQLite file, with
// random ids like those the service gives. They are configured by
// environment variables:
//
//	HOMEWARD_BENCH_CASES          cases to write (default 100,000)
//	HOMEWARD_BENCH_BATCH          cases per transaction (default 10,000)
//	HOMEWARD_BENCH_SQLITE_PARAMS  query parameters of the SQLite DSN
//
// The figures are for 1,000,000 cases, written with Open's default
// settings and with settings for a bulk load (larger batches, a 512 MiB
// page cache, 16 KiB pages, and the write-ahead log checkpointed at the
// end rather than after every batch):
//
//	HOMEWARD_BENCH_CASES=1000000 go test -run '^$' -bench 'RawInsert|CaseCreateBatch' -benchtime 1x -timeout 1h ./sqlstore/
//	HOMEWARD_BENCH_CASES=1000000 HOMEWARD_BENCH_BATCH=100000 \
//		HOMEWARD_BENCH_SQLITE_PARAMS='_pragma=cache_size(-524288)&_pragma=page_size(16384)&_pragma=wal_autocheckpoint(1000000)' \
//		go test -run '^$' -bench 'RawInsert|CaseCreateBatch' -benchtime 1x -timeout 1h ./sqlstore/
//	HOMEWARD_BENCH_CASES=1000000 go test -run '^$' -bench CaseListPage -timeout 1h ./sqlstore/
//
// BenchmarkRawInsert is the baseline: the same rows, with the same column
// values, written with plain database/sql INSERTs in the same batches. It
// runs first, so that BenchmarkCaseCreateBatch of the same run can report
// its rate as a fraction of the raw one (the "of-raw" metric). Both report
// the seconds per run ("s/run", wall clock, the same as ns/op) and the
// process's CPU seconds in them ("cpu-s/run"), which say more on a busy
// machine; both end with a timed checkpoint of the write-ahead log.

// benchBatch is the number of cases per transaction:
// HOMEWARD_BENCH_BATCH, default 10,000.
var benchBatch = func() int {
	if n, err := strconv.Atoi(os.Getenv("HOMEWARD_BENCH_BATCH")); err == nil && n > 0 {
		return n
	}
	return 10_000
}()

// benchCases returns the number of cases the benchmarks write.
func benchCases(b *testing.B) int {
	s := os.Getenv("HOMEWARD_BENCH_CASES")
	if s == "" {
		return 100_000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < benchBatch {
		b.Fatalf("HOMEWARD_BENCH_CASES=%q: want a number of at least %d", s, benchBatch)
	}
	return n
}

// Benchmark data: 100 organisations, the six statuses, three risk levels.
const benchOrgs = 100

var (
	benchStatuses = casework.StatusValues()
	benchGiven    = []string{"Amani", "Wanjiru", "Otieno", "Zoë", "María José", "Kofi", "Aïcha", "Thandiwe", "Nguyễn", "Lucía"}
	benchFamily   = []string{"Mwangi", "Ochieng'", "Kamau", "García", "Mensah", "Diallo", "Dlamini", "Trần", "Nakato", "Ruiz"}
	benchBase     = time.Date(2027, 3, 1, 9, 30, 15, 123456000, time.UTC)
	benchDay      = homeward.MustParseDate("2027-03-01")
)

// benchID returns the id of case i: 16 hex digits that scatter like the
// random ids the service generates, the same in every run.
func benchID(i int) casework.CaseID {
	x := uint64(i) + 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	x ^= x >> 31
	return casework.CaseID(fmt.Sprintf("%016x", x))
}

// benchOrg returns the organisation of case i.
func benchOrg(i int) homeward.OrgID { return homeward.OrgID(fmt.Sprintf("org-%03d", i%benchOrgs)) }

// benchCase returns case i of the data set: a child with two languages, a
// case team of two, a consent, a residential placement followed by kinship
// care, and a short history.
func benchCase(i int) casework.Case {
	status := benchStatuses[(i/benchOrgs)%len(benchStatuses)]
	reg := benchDay.AddDays(-(i % 1500))
	born := reg.AddDays(-(365*3 + (i*7919)%(365*14)))
	c := casework.Case{
		ID:     benchID(i),
		Org:    benchOrg(i),
		Status: status,
		Child: casework.Child{
			GivenName:          benchGiven[i%len(benchGiven)],
			FamilyName:         benchFamily[(i/10)%len(benchFamily)],
			Sex:                []casework.Sex{casework.SexFemale, casework.SexMale}[i%2],
			BirthDate:          born,
			BirthDateEstimated: i%4 == 0,
			Languages:          []string{"sw", "en"},
			IDNumber:           fmt.Sprintf("BC/%d/%06d", born.Year(), i),
		},
		Household:    casework.HouseholdID(fmt.Sprintf("hh-%07d", i/2)),
		RegisteredOn: reg,
		Risk:         casework.RiskValues()[i%3],
		RiskHistory:  []casework.RiskChange{{Date: reg, To: casework.RiskValues()[i%3], Reason: "initial assessment", By: "actor-1"}},
		Team: []casework.TeamMember{
			{Person: "Grace Muthoni", Role: casework.RoleCaseManager, From: reg},
			{Person: "Peter Njoroge", Role: casework.RoleSocialWorker, From: reg.AddDays(3)},
		},
		Consents: []casework.Consent{{ID: "c1", Purpose: casework.ConsentServices, GivenBy: "Mama " + benchGiven[(i+3)%len(benchGiven)],
			Relationship: casework.RelMother, Date: reg}},
		Arrangements: []casework.Arrangement{
			{Type: casework.ArrangementResidential, Start: born.AddDays(700), End: reg.AddDays(90), Reason: "admitted after the mother's illness"},
			{Type: casework.ArrangementKinship, Start: reg.AddDays(90), Reason: "placed with the grandmother", Household: casework.HouseholdID(fmt.Sprintf("hh-%07d", i/2))},
		},
		StatusHistory: []casework.StatusChange{{At: benchBase, To: casework.StatusRegistered, By: "actor-1"}},
		CreatedAt:     benchBase,
		UpdatedAt:     benchBase,
	}
	if status == casework.StatusClosed {
		c.Closure = &casework.Closure{Date: benchDay, Reason: casework.ClosureGoalsAchieved}
	}
	return c
}

// benchBatchOf returns the cases of batch k.
func benchBatchOf(k, n int) []casework.Case {
	cases := make([]casework.Case, 0, benchBatch)
	for i := k * benchBatch; i < min((k+1)*benchBatch, n); i++ {
		cases = append(cases, benchCase(i))
	}
	return cases
}

// openBench opens a new SQLite file for iteration i of a benchmark; the
// file is removed when the benchmark ends.
func openBench(b *testing.B, dir string, i int) *DB {
	b.Helper()
	dsn := filepath.Join(dir, fmt.Sprintf("bench-%d.db", i))
	if p := os.Getenv("HOMEWARD_BENCH_SQLITE_PARAMS"); p != "" {
		dsn = "file:" + dsn + "?" + p
	}
	db, err := Open(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}

	return db
}

// rawRate is the rate BenchmarkRawInsert measured in this run, in rows per
// second, or zero.
var rawRate float64

// BenchmarkRawInsert writes the benchmark's rows with plain database/sql:
// one transaction and one prepared INSERT per batch, the column values
// computed beforehand (outside the timer). It is the baseline of
// BenchmarkCaseCreateBatch.
func BenchmarkRawInsert(b *testing.B) {
	n := benchCases(b)
	dir := b.TempDir()
	ctx := context.Background()
	b.ReportAllocs()
	var cpu time.Duration
	for it := 0; it < b.N; it++ {
		b.StopTimer()
		db := openBench(b, dir, it)
		t := db.Cases().t
		insert := `INSERT INTO cases (id, ` + strings.Join(caseColumns, ", ") + `, version) VALUES (` +
			strings.TrimSuffix(strings.Repeat("?, ", len(caseColumns)+2), ", ") + `)`
		for k := 0; k*benchBatch < n; k++ {
			cases := benchBatchOf(k, n)
			rows := make([][]any, len(cases))
			for j := range cases {
				c := &cases[j]
				c.Version = 1
				args, err := t.insertArgs(c)
				if err != nil {
					b.Fatal(err)
				}
				rows[j] = args
			}
			b.StartTimer()
			c0 := cpuNow()
			tx, err := db.SQL().BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			stmt, err := tx.PrepareContext(ctx, insert)
			if err != nil {
				b.Fatal(err)
			}
			for _, args := range rows {
				if _, err := stmt.ExecContext(ctx, args...); err != nil {
					b.Fatal(err)
				}
			}
			stmt.Close()
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
			cpu += cpuNow() - c0
			b.StopTimer()
		}
		cpu += checkpoint(b, db)
		requireCount(b, db, n)
		db.Close()
		os.Remove(filepath.Join(dir, fmt.Sprintf("bench-%d.db", it)))
		b.StartTimer()
	}
	rawRate = float64(n) * float64(b.N) / b.Elapsed().Seconds()
	b.ReportMetric(rawRate, "rows/s")
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/run")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/run")
}

// BenchmarkCaseCreateBatch writes the benchmark's cases through
// CaseStore.CreateBatch, in batches of 1,000; building the cases is outside
// the timer, encoding them is inside.
func BenchmarkCaseCreateBatch(b *testing.B) {
	n := benchCases(b)
	dir := b.TempDir()
	ctx := context.Background()
	b.ReportAllocs()
	var cpu time.Duration
	for it := 0; it < b.N; it++ {
		b.StopTimer()
		db := openBench(b, dir, it)
		s := db.Cases()
		for k := 0; k*benchBatch < n; k++ {
			cases := benchBatchOf(k, n)
			b.StartTimer()
			c0 := cpuNow()
			if err := s.CreateBatch(ctx, cases); err != nil {
				b.Fatal(err)
			}
			cpu += cpuNow() - c0
			b.StopTimer()
		}
		cpu += checkpoint(b, db)
		requireCount(b, db, n)
		db.Close()
		os.Remove(filepath.Join(dir, fmt.Sprintf("bench-%d.db", it)))
		b.StartTimer()
	}
	rate := float64(n) * float64(b.N) / b.Elapsed().Seconds()
	b.ReportMetric(rate, "cases/s")
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/run")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/run")
	if rawRate > 0 {
		b.ReportMetric(rate/rawRate, "of-raw")
	}
}

// checkpoint copies the write-ahead log into the database file, timed: with
// a large wal_autocheckpoint, work that the writes put off would otherwise
// escape the measurement. It returns the CPU time it took.
func checkpoint(b *testing.B, db *DB) time.Duration {
	b.Helper()
	b.StartTimer()
	c0 := cpuNow()
	if _, err := db.SQL().ExecContext(context.Background(), `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	cpu := cpuNow() - c0
	b.StopTimer()
	return cpu
}

func requireCount(b *testing.B, db *DB, n int) {
	b.Helper()
	var got int
	if err := db.SQL().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM cases`).Scan(&got); err != nil {
		b.Fatal(err)
	}
	if got != n {
		b.Fatalf("the table holds %d cases, want %d", got, n)
	}
}

// BenchmarkCaseListPage times a page of 50 cases in a SQLite file holding
// the benchmark's cases (written first, outside the timer): the first page
// of one organisation and status (the figure), a page from the
// middle of that list, and first pages by organisation alone and by
// organisation and years of birth.
func BenchmarkCaseListPage(b *testing.B) {
	n := benchCases(b)
	ctx := context.Background()
	db := openBench(b, b.TempDir(), 0)
	defer db.Close()
	s := db.Cases()
	for k := 0; k*benchBatch < n; k++ {
		if err := s.CreateBatch(ctx, benchBatchOf(k, n)); err != nil {
			b.Fatal(err)
		}
	}
	page := homeward.PageRequest{Limit: 50}
	orgStatus := casework.CaseFilter{Org: benchOrg(42), Status: casework.StatusImplementation, Page: page}
	var ids []string
	err := s.Scan(ctx, orgStatus, func(c *casework.Case) error { ids = append(ids, string(c.ID)); return nil })
	if err != nil || len(ids) < 101 {
		b.Fatalf("%d cases of one organisation and status (%v): HOMEWARD_BENCH_CASES is too small for two pages", len(ids), err)
	}
	middle := orgStatus
	middle.Page.Cursor = paging.Encode(ids[len(ids)/2])
	run := func(f casework.CaseFilter) func(*testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := s.List(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				if len(p.Items) != 50 || p.Next == "" {
					b.Fatalf("page of %d cases, next %q", len(p.Items), p.Next)
				}
			}
		}
	}
	b.Run("org+status", run(orgStatus))
	b.Run("org+status/middle", run(middle))
	b.Run("org", run(casework.CaseFilter{Org: benchOrg(42), Page: page}))
	b.Run("org+born", run(casework.CaseFilter{Org: benchOrg(42), BornFrom: 2015, BornTo: 2016, Page: page}))
}
