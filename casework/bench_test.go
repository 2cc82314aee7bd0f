package casework_test

// Benchmarks of the in-memory case store at the scale of a national system.
// They build their data only when run with -bench, never in plain go test.
//
//	go test ./casework -run '^$' -bench 'Memory|Duplicates' -benchmem
//
// HOMEWARD_BENCH_CASES sets the number of cases of the memory benchmarks:
// the default, 200,000, loads in seconds; the size of a national system,
//
//	HOMEWARD_BENCH_CASES=1000000 go test ./casework -run '^$' -bench Memory -benchmem -timeout 30m
//
// needs about 4 GB of memory (two stores of 1.8 GB) and a minute or more
// to load.

import (
	"context"
	"encoding/base32"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

const (
	benchOrgs     = 100
	benchDupCases = 100_000
)

var benchStatuses = []casework.Status{casework.StatusRegistered, casework.StatusAssessment, casework.StatusCasePlan,
	casework.StatusImplementation, casework.StatusFollowUp, casework.StatusClosed}

// Names of children from the regions the seeds describe: East and West
// Africa, Latin America, the Netherlands.
var (
	benchGiven = []string{"Amina", "Wanjiru", "Achieng", "Kamau", "Njeri", "Zawadi", "Baraka", "Imani", "José", "María",
		"Lucía", "Sofía", "Mateo", "Santiago", "Valentina", "Camila", "Ana María", "Juan Pablo", "Daan", "Sem", "Noah",
		"Lotte", "Fenna", "Saar", "Emma", "Grace", "Faith", "Joy", "Mercy", "Brian", "Kevin", "Fatuma", "Hassan", "Halima",
		"Yusuf", "Aïcha", "Moussa", "Mariam", "Ibrahim", "Chloé", "Léa", "Zoë", "Thandiwe", "Sipho", "Nomsa", "Lindiwe",
		"Tendai", "Chipo", "Nyasha", "Ngozi", "Chidi", "Emeka", "Adaeze", "Oluwaseun", "Kofi", "Ama", "Kwame", "Abena",
		"Esperanza", "Ñusta"}
	benchFamily = []string{"Otieno", "Wanjiru", "Kamau", "Mwangi", "Njoroge", "Ochieng", "Odhiambo", "Kiplagat", "Chebet",
		"García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Díaz",
		"de la Cruz", "Peña", "Núñez", "de Jong", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
		"Smit", "Meijer", "Mulder", "Diallo", "Traoré", "Koné", "Touré", "Ndlovu", "Dlamini", "Nkosi", "Mokoena", "Moyo",
		"Okafor", "Okeke", "Adeyemi", "Mensah", "Boateng", "Asante", "Owusu", "Haile", "Tesfaye", "Bekele", "Quispe",
		"Mamani", "Huamán", "Ñahui"}
	benchStaff = []string{"Grace Wambui", "Peter Kariuki", "Lucía Herrera", "Sanne de Boer", "Moses Ouma", "Fatou Sow"}
)

// benchCaseCount is HOMEWARD_BENCH_CASES, or 200,000.
func benchCaseCount(b *testing.B) int {
	n := 200_000
	if s := os.Getenv("HOMEWARD_BENCH_CASES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < benchOrgs*len(benchStatuses) {
			b.Fatalf("HOMEWARD_BENCH_CASES=%q: want a number of at least %d", s, benchOrgs*len(benchStatuses))
		}
		n = v
	}
	return n
}

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// benchID returns a random id shaped like the service's (26 characters).
func benchID(rng *rand.Rand) string {
	var b [16]byte
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return strings.ToLower(b32.EncodeToString(b[:]))
}

// own returns a copy of s in its own memory, as a decoded record has.
func own(s string) string { return strings.Clone(s) }

// benchCase returns a realistic case: a child with names, a birth date
// (estimated for a third), two languages, a household, a team of two, a
// consent, two care arrangements, its status and risk histories. Every
// string that a decoded record would hold in its own memory is a copy.
func benchCase(rng *rand.Rand, org homeward.OrgID, status casework.Status) casework.Case {
	reg := homeward.DateOf(2020+rng.IntN(7), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	at := reg.Time().Add(9 * time.Hour)
	manager, worker := benchStaff[rng.IntN(len(benchStaff))], benchStaff[rng.IntN(len(benchStaff))]
	household := casework.HouseholdID(benchID(rng))
	c := casework.Case{
		ID: casework.CaseID(benchID(rng)), Org: homeward.OrgID(own(string(org))), Status: status,
		Child: casework.Child{
			GivenName: own(benchGiven[rng.IntN(len(benchGiven))]), FamilyName: own(benchFamily[rng.IntN(len(benchFamily))]),
			Sex: []casework.Sex{casework.SexFemale, casework.SexMale}[rng.IntN(2)], BirthDate: homeward.DateOf(2006+rng.IntN(19), time.Month(1+rng.IntN(12)), 1+rng.IntN(28)),
			BirthDateEstimated: rng.IntN(3) == 0, Languages: []string{own("sw"), own("en")},
		},
		Household: household, RegisteredOn: reg, Risk: casework.RiskMedium,
		RiskHistory: []casework.RiskChange{{Date: reg, To: casework.RiskMedium, Reason: own("registration"), By: homeward.ActorID(own("grace"))}},
		Team: []casework.TeamMember{
			{Person: own(manager), Role: casework.RoleCaseManager, From: reg},
			{Person: own(worker), Role: casework.RoleSocialWorker, From: reg},
		},
		Consents: []casework.Consent{{ID: benchID(rng), Purpose: casework.ConsentServices, GivenBy: own("mother"),
			Relationship: casework.RelMother, Date: reg}},
		Arrangements: []casework.Arrangement{
			{Type: casework.ArrangementResidential, Start: reg.AddDays(-400), End: reg.AddDays(120), Reason: own("admitted after the family was separated")},
			{Type: casework.ArrangementKinship, Start: reg.AddDays(120), Reason: own("reunified with an aunt"), Household: household},
		},
		CreatedAt: at, UpdatedAt: at,
	}
	prev := casework.Status("")
	for _, s := range benchStatuses {
		c.StatusHistory = append(c.StatusHistory, casework.StatusChange{At: at, From: prev, To: s, By: homeward.ActorID(own("grace"))})
		prev = s
		if s == status {
			break
		}
	}
	if status == casework.StatusClosed {
		c.Closure = &casework.Closure{Date: reg.AddDays(500), Reason: casework.ClosureGoalsAchieved}
	}
	return c
}

// loadBenchCases creates n cases spread evenly over benchOrgs organisations
// and the six statuses, straight into the store.
func loadBenchCases(b *testing.B, st casework.CaseStore, n int, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	ctx := context.Background()
	for i := range n {
		org := homeward.OrgID(fmt.Sprintf("org-%03d", i%benchOrgs))
		if _, err := st.Create(ctx, benchCase(rng, org, benchStatuses[(i/benchOrgs)%len(benchStatuses)])); err != nil {
			b.Fatal(err)
		}
	}
}

// The store of BenchmarkMemoryCasesPage, built once per process.
var (
	benchPageOnce  sync.Once
	benchPageSvc   *casework.Service
	benchPageCases casework.CaseStore
	benchPageCount int
)

func benchPageService(b *testing.B) *casework.Service {
	benchPageOnce.Do(func() {
		benchPageCount = benchCaseCount(b)
		st := casework.NewMemoryStores()
		start := time.Now()
		loadBenchCases(b, st.Cases, benchPageCount, 1)
		b.Logf("loaded %d cases in %v", benchPageCount, time.Since(start).Round(time.Millisecond))
		svc, err := casework.NewService(st, nil)
		if err != nil {
			b.Fatal(err)
		}
		benchPageSvc, benchPageCases = svc, st.Cases
	})
	if benchPageSvc == nil {
		b.Fatal("the cases could not be loaded")
	}
	return benchPageSvc
}

// BenchmarkMemoryCasesPage lists one page of 50 cases of one organisation
// and status through the service, out of HOMEWARD_BENCH_CASES cases of 100
// organisations and 6 statuses: the first page, a page reached by a cursor
// in the middle of the list, the first page of the organisation in every
// status, a page that also filters on risk, and, for comparison, a filter
// that no index serves (status only, straight on the store).
func BenchmarkMemoryCasesPage(b *testing.B) {
	svc := benchPageService(b)
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "ana", Org: "org-042", Role: homeward.RoleStaff})
	f := casework.CaseFilter{Status: casework.StatusImplementation, Page: homeward.PageRequest{Limit: 50}}
	page := func(b *testing.B, f casework.CaseFilter) homeward.Page[casework.Case] {
		p, err := svc.Cases(ctx, f)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Items) != 50 || p.Next == "" {
			b.Fatalf("got %d cases, next %q", len(p.Items), p.Next)
		}
		return p
	}
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			page(b, f)
		}
	})
	b.Run("cursor", func(b *testing.B) {
		// The cursor of the page in the middle of the organisation's cases
		// of that status.
		g := f
		for range benchPageCount / benchOrgs / len(benchStatuses) / 50 / 2 {
			g.Page.Cursor = page(b, g).Next
		}
		for b.Loop() {
			page(b, g)
		}
	})
	b.Run("org_all_statuses", func(b *testing.B) {
		g := f
		g.Status = ""
		for b.Loop() {
			page(b, g)
		}
	})
	b.Run("risk", func(b *testing.B) {
		g := f
		g.Risk = casework.RiskMedium
		for b.Loop() {
			page(b, g)
		}
	})
	b.Run("unindexed_scan", func(b *testing.B) {
		// Straight on the store: the service always names an organisation.
		g := casework.CaseFilter{Status: casework.StatusImplementation, Page: homeward.PageRequest{Limit: 50}}
		for b.Loop() {
			if _, err := benchPageCases.List(ctx, g); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkMemoryCaseHeap loads HOMEWARD_BENCH_CASES cases into new
// in-memory stores and reports the heap they hold per case (bytes/case),
// measured with runtime.ReadMemStats after a garbage collection before and
// after; ns/op is the time to load them all.
func BenchmarkMemoryCaseHeap(b *testing.B) {
	n := benchCaseCount(b)
	var perCase float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		before := heapInUse()
		b.StartTimer()
		st := casework.NewMemoryStores()
		loadBenchCases(b, st.Cases, n, 2)
		b.StopTimer()
		after := heapInUse()
		runtime.KeepAlive(st)
		perCase = float64(after-before) / float64(n)
		b.StartTimer()
	}
	b.ReportMetric(perCase, "bytes/case")
}

func heapInUse() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkPossibleDuplicates checks a new child against the 100,000 cases
// of one organisation (and 100,000 of others): "index" through the
// in-memory store's index, "list" through CaseStore.List as for a store
// that does not implement casework.DuplicateFinder. The children are
// existing names with a typo, swapped names and new names, in turn.
func BenchmarkPossibleDuplicates(b *testing.B) {
	st := casework.NewMemoryStores()
	rng := rand.New(rand.NewPCG(3, 1))
	ctx := context.Background()
	for i := range 2 * benchDupCases {
		org := homeward.OrgID("org-001")
		if i%2 == 1 {
			org = homeward.OrgID(fmt.Sprintf("org-%03d", 2+i%50))
		}
		if _, err := st.Cases.Create(ctx, benchCase(rng, org, benchStatuses[i%len(benchStatuses)])); err != nil {
			b.Fatal(err)
		}
	}
	children := []casework.Child{
		{GivenName: "Amina", FamilyName: "Otienno", BirthDate: homeward.DateOf(2015, 3, 1), BirthDateEstimated: true},
		{GivenName: "García", FamilyName: "José", BirthDate: homeward.DateOf(2012, 7, 9)},
		{GivenName: "Marta", FamilyName: "Hoekstra", BirthDate: homeward.DateOf(2018, 1, 20)},
		{GivenName: "Chloe", FamilyName: "Diallo", BirthDate: homeward.DateOf(2010, 11, 2), BirthDateEstimated: true},
	}
	actorCtx := homeward.WithActor(ctx, homeward.Actor{ID: "ana", Org: "org-001", Role: homeward.RoleStaff})
	plain := st
	plain.Cases = plainCases{st.Cases}
	for _, tc := range []struct {
		name   string
		stores casework.Stores
	}{{"index", st}, {"list", plain}} {
		svc, err := casework.NewService(tc.stores, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			i, found := 0, 0
			for b.Loop() {
				got, err := svc.PossibleDuplicates(actorCtx, children[i%len(children)], "")
				if err != nil {
					b.Fatal(err)
				}
				found += len(got)
				i++
			}
			b.ReportMetric(float64(found)/float64(i), "matches/op")
		})
	}
}
