package casework_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// dupFixture is a service on in-memory stores with cases put straight into
// the store, so each test controls ids, organisations and households.
type dupFixture struct {
	st  casework.Stores
	svc *casework.Service
	ctx context.Context // staff of org-1
}

func newDupFixture(t *testing.T, opts *casework.Options) *dupFixture {
	t.Helper()
	st := casework.NewMemoryStores()
	svc, err := casework.NewService(st, opts)
	require.NoError(t, err)
	return &dupFixture{st: st, svc: svc, ctx: actor("org-1", "ana", homeward.RoleStaff)}
}

// dupCase is a case of org with a child of the given names and birth date.
func dupCase(id, org, given, family, born string, estimated bool, household string) casework.Case {
	return casework.Case{
		ID: casework.CaseID(id), Org: homeward.OrgID(org), Status: casework.StatusRegistered, Risk: casework.RiskLow,
		Child: casework.Child{GivenName: given, FamilyName: family, Sex: casework.SexUnknown,
			BirthDate: homeward.MustParseDate(born), BirthDateEstimated: estimated},
		Household: casework.HouseholdID(household), RegisteredOn: homeward.MustParseDate("2027-01-01"),
	}
}

func (f *dupFixture) add(t *testing.T, cs ...casework.Case) {
	t.Helper()
	for _, c := range cs {
		_, err := f.st.Cases.Create(context.Background(), c)
		require.NoError(t, err)
	}
}

func child(given, family, born string, estimated bool) casework.Child {
	return casework.Child{GivenName: given, FamilyName: family, BirthDate: homeward.MustParseDate(born), BirthDateEstimated: estimated}
}

func TestPossibleDuplicatesScoring(t *testing.T) {
	f := newDupFixture(t, nil)
	f.add(t,
		dupCase("c01", "org-1", "José", "García", "2015-04-02", false, "h1"),
		dupCase("c02", "org-1", "Ana María", "López", "2012-01-01", true, ""),
	)
	all := casework.DuplicateOptions{MinScore: 1}
	for _, tc := range []struct {
		name      string
		child     casework.Child
		household casework.HouseholdID
		want      []casework.DuplicateMatch
	}{
		{"accents and case", child("JOSE", "GARCIA", "2015-09-30", false), "",
			[]casework.DuplicateMatch{{Case: "c01", Score: 85, Reasons: []string{"same_name", "birth_year_same"}}}},
		{"same name, year and household", child("jose", "garcía", "2015-04-02", false), "h1",
			[]casework.DuplicateMatch{{Case: "c01", Score: 100, Reasons: []string{"same_name", "birth_year_same", "same_household"}}}},
		{"punctuation and spaces", child("  José ", "Gar-cía", "2015-01-01", false), "",
			[]casework.DuplicateMatch{{Case: "c01", Score: 78, Reasons: []string{"name_similar", "birth_year_same"}}}},
		{"given and family swapped", child("García", "José", "2015-01-01", false), "",
			[]casework.DuplicateMatch{{Case: "c01", Score: 80, Reasons: []string{"given_family_swapped", "birth_year_same"}}}},
		{"a typo", child("Jose", "Garsia", "2015-01-01", false), "",
			[]casework.DuplicateMatch{{Case: "c01", Score: 76, Reasons: []string{"name_similar", "birth_year_same"}}}},
		{"a typo, swapped", child("Garsia", "Jose", "2015-01-01", false), "",
			[]casework.DuplicateMatch{{Case: "c01", Score: 76, Reasons: []string{"name_similar", "given_family_swapped", "birth_year_same"}}}},
		{"typos in both names", child("Jse", "Garsia", "2015-01-01", false), "",
			[]casework.DuplicateMatch{{Case: "c01", Score: 72, Reasons: []string{"name_similar", "birth_year_same"}}}},
		{"a year apart, exact dates", child("José", "García", "2016-01-01", false), "",
			[]casework.DuplicateMatch{{Case: "c01", Score: 70, Reasons: []string{"same_name", "birth_year_close"}}}},
		{"a year apart, estimated", child("José", "García", "2014-01-01", true), "",
			[]casework.DuplicateMatch{{Case: "c01", Score: 75, Reasons: []string{"same_name", "birth_year_close"}}}},
		{"two years apart, estimated", child("José", "García", "2017-01-01", true), "",
			[]casework.DuplicateMatch{{Case: "c01", Score: 65, Reasons: []string{"same_name", "birth_year_close"}}}},
		{"two years apart, exact", child("José", "García", "2017-01-01", false), "",
			[]casework.DuplicateMatch{{Case: "c01", Score: 60, Reasons: []string{"same_name"}}}},
		{"name only in the household", child("José", "García", "2005-01-01", false), "h1",
			[]casework.DuplicateMatch{{Case: "c01", Score: 75, Reasons: []string{"same_name", "same_household"}}}},
		{"a sibling: same household and year, another name", child("Pedro", "García", "2015-04-02", false), "h1", nil},
		{"compound names", child("Ana Maria", "Lopez", "2012-06-01", false), "",
			[]casework.DuplicateMatch{{Case: "c02", Score: 85, Reasons: []string{"same_name", "birth_year_same"}}}},
		{"compound names split differently", child("Ana", "María López", "2012-06-01", false), "",
			[]casework.DuplicateMatch{{Case: "c02", Score: 80, Reasons: []string{"name_similar", "birth_year_same"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.svc.PossibleDuplicatesWith(f.ctx, tc.child, tc.household, all)
			require.NoError(t, err)
			if tc.want == nil {
				tc.want = []casework.DuplicateMatch{}
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("matches (-want +got):\n%s", d)
			}
		})
	}
}

func TestPossibleDuplicatesThresholdOrderAndLimit(t *testing.T) {
	f := newDupFixture(t, nil)
	f.add(t,
		dupCase("c3", "org-1", "Amina", "Otieno", "2017-05-12", true, "h1"), // 100
		dupCase("c1", "org-1", "Amina", "Otieno", "2017-01-01", false, ""),  // 85
		dupCase("c2", "org-1", "Amina", "Otieno", "2017-12-01", false, ""),  // 85
		dupCase("c4", "org-1", "Otieno", "Amina", "2018-01-01", false, ""),  // 55 + 15 = 70
		dupCase("c5", "org-1", "Amina", "Otieno", "2009-01-01", false, ""),  // 60: under the default
		dupCase("c6", "org-1", "Grace", "Wanjiru", "2017-05-12", true, "h1"),
	)
	got, err := f.svc.PossibleDuplicates(f.ctx, child("Amina", "Otieno", "2017-03-03", true), "h1")
	require.NoError(t, err)
	var ids []casework.CaseID
	var scores []int
	for _, m := range got {
		ids, scores = append(ids, m.Case), append(scores, m.Score)
	}
	require.Equal(t, []casework.CaseID{"c3", "c1", "c2", "c4"}, ids, "score descending, then id")
	require.Equal(t, []int{100, 85, 85, 70}, scores)

	got, err = f.svc.PossibleDuplicatesWith(f.ctx, child("Amina", "Otieno", "2017-03-03", true), "h1",
		casework.DuplicateOptions{MinScore: 50, Limit: 2})
	require.NoError(t, err)
	require.Len(t, got, 2)
	require.Equal(t, casework.CaseID("c3"), got[0].Case)

	got, err = f.svc.PossibleDuplicatesWith(f.ctx, child("Amina", "Otieno", "2017-03-03", true), "h1",
		casework.DuplicateOptions{MinScore: 50, Limit: 100})
	require.NoError(t, err)
	require.Len(t, got, 5, "c5 at 60 is in, c6 (another name) never")
}

func TestPossibleDuplicatesStayInTheActorsOrganisation(t *testing.T) {
	// A policy that lets everyone read every organisation: duplicates are
	// still sought in the actor's own organisation only.
	open := homeward.PolicyFunc(func(context.Context, homeward.Actor, homeward.Action, homeward.OrgID) bool { return true })
	f := newDupFixture(t, &casework.Options{Policy: open})
	f.add(t,
		dupCase("a", "org-2", "José", "García", "2015-04-02", false, "h1"),
		dupCase("b", "org-2", "Jose", "Garcia", "2015-04-02", false, "h1"),
	)
	got, err := f.svc.PossibleDuplicates(f.ctx, child("José", "García", "2015-04-02", false), "h1")
	require.NoError(t, err)
	require.Empty(t, got)

	f.add(t, dupCase("c", "org-1", "José", "García", "2015-04-02", false, ""))
	got, err = f.svc.PossibleDuplicates(f.ctx, child("José", "García", "2015-04-02", false), "h1")
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Equal(t, casework.CaseID("c"), got[0].Case)

	// The same holds for a store read through List.
	plain := casework.Stores{Cases: plainCases{f.st.Cases}, Households: f.st.Households, Assessments: f.st.Assessments,
		Plans: f.st.Plans, Notes: f.st.Notes}
	svc, err := casework.NewService(plain, &casework.Options{Policy: open})
	require.NoError(t, err)
	again, err := svc.PossibleDuplicates(f.ctx, child("José", "García", "2015-04-02", false), "h1")
	require.NoError(t, err)
	require.Equal(t, got, again)
}

func TestPossibleDuplicatesErrors(t *testing.T) {
	f := newDupFixture(t, nil)
	ch := child("Amina", "Otieno", "2017-05-12", false)
	_, err := f.svc.PossibleDuplicates(context.Background(), ch, "")
	require.Error(t, err, "no actor")
	_, err = f.svc.PossibleDuplicates(f.ctx, child(" - ", "'", "2017-05-12", false), "")
	require.ErrorIs(t, err, homeward.ErrInvalid)
	for _, o := range []casework.DuplicateOptions{{MinScore: -1}, {MinScore: 101}, {Limit: -1}} {
		_, err = f.svc.PossibleDuplicatesWith(f.ctx, ch, "", o)
		require.ErrorIs(t, err, homeward.ErrInvalid, "%+v", o)
	}
	// A read-only actor may check; a policy that denies reading may not.
	_, err = f.svc.PossibleDuplicates(actor("org-1", "r", homeward.RoleReadOnly), ch, "")
	require.NoError(t, err)
	deny := homeward.PolicyFunc(func(context.Context, homeward.Actor, homeward.Action, homeward.OrgID) bool { return false })
	g := newDupFixture(t, &casework.Options{Policy: deny})
	_, err = g.svc.PossibleDuplicates(g.ctx, ch, "")
	require.ErrorIs(t, err, homeward.ErrForbidden)
	ctx, cancel := context.WithCancel(f.ctx)
	cancel()
	_, err = f.svc.PossibleDuplicates(ctx, ch, "")
	require.ErrorIs(t, err, context.Canceled)
}

// TestDuplicateReasonsNameNoOne checks, over random names, that reasons are
// words of the rule and never carry a name.
func TestDuplicateReasonsNameNoOne(t *testing.T) {
	f := newDupFixture(t, nil)
	rng := rand.New(rand.NewPCG(5, 6))
	given := []string{"Amina", "José", "Ñandú", "Grace", "Ana", "Amna", "Jose"}
	family := []string{"Otieno", "García", "Garsia", "Otienno", "De Vries", "Vries"}
	for i := range 300 {
		f.add(t, dupCase(fmt.Sprintf("c%03d", i), "org-1", given[rng.IntN(len(given))], family[rng.IntN(len(family))],
			fmt.Sprintf("%d-06-01", 2010+rng.IntN(5)), rng.IntN(2) == 0, fmt.Sprintf("h%d", rng.IntN(20))))
	}
	rule := []string{casework.ReasonSameName, casework.ReasonNameSimilar, casework.ReasonGivenFamilySwapped,
		casework.ReasonBirthYearSame, casework.ReasonBirthYearClose, casework.ReasonSameHousehold}
	found := 0
	for range 40 {
		g, fam := given[rng.IntN(len(given))], family[rng.IntN(len(family))]
		got, err := f.svc.PossibleDuplicatesWith(f.ctx, child(g, fam, "2012-01-01", true), casework.HouseholdID(fmt.Sprintf("h%d", rng.IntN(20))),
			casework.DuplicateOptions{MinScore: 1, Limit: 1000})
		require.NoError(t, err)
		for _, m := range got {
			found++
			for _, r := range m.Reasons {
				require.Contains(t, rule, r)
				for _, n := range append(slices.Clone(given), family...) {
					require.NotContains(t, strings.ToLower(r), strings.ToLower(n))
				}
			}
		}
	}
	require.Positive(t, found)
}

// plainCases hides the DuplicateFinder of the in-memory store, so the
// service reads the cases through List.
type plainCases struct{ casework.CaseStore }

// TestDuplicateFinderAgreesWithScan compares the in-memory index with the
// List fallback on random data, after creates and updates, at several
// thresholds.
func TestDuplicateFinderAgreesWithScan(t *testing.T) {
	f := newDupFixture(t, nil)
	plain := f.st
	plain.Cases = plainCases{f.st.Cases}
	slow, err := casework.NewService(plain, nil)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(7, 8))
	given := []string{"Amina", "Amna", "Aminah", "José", "Jose", "Josè", "Ana María", "Ana", "Maria", "Grace", "Grase", "Li", "Wei"}
	family := []string{"Otieno", "Otienno", "García", "Garsia", "López", "Lopez", "de la Cruz", "Cruz", "Wanjiru", "Li", "Van Dijk"}
	random := func(id, org string) casework.Case {
		return dupCase(id, org, given[rng.IntN(len(given))], family[rng.IntN(len(family))],
			fmt.Sprintf("%d-03-01", 2008+rng.IntN(10)), rng.IntN(3) == 0, fmt.Sprintf("h%d", rng.IntN(30)))
	}
	for i := range 1500 {
		f.add(t, random(fmt.Sprintf("c%04d", i), []string{"org-1", "org-1", "org-2"}[i%3]))
	}
	check := func() {
		t.Helper()
		for range 30 {
			q := random("", "")
			var hh casework.HouseholdID
			if rng.IntN(2) == 0 {
				hh = q.Household
			}
			for _, min := range []int{56, 65, 75, 90} {
				o := casework.DuplicateOptions{MinScore: min, Limit: 10000}
				want, err := slow.PossibleDuplicatesWith(f.ctx, q.Child, hh, o)
				require.NoError(t, err)
				got, err := f.svc.PossibleDuplicatesWith(f.ctx, q.Child, hh, o)
				require.NoError(t, err)
				if d := cmp.Diff(want, got); d != "" {
					t.Fatalf("index and scan differ at %d (-scan +index):\n%s", min, d)
				}
			}
		}
	}
	check()
	// Renames, moves between households and new birth dates move cases
	// between the index's sets; a change of status alone does not.
	for i := range 600 {
		id := casework.CaseID(fmt.Sprintf("c%04d", rng.IntN(1500)))
		c, err := f.st.Cases.Get(context.Background(), id)
		require.NoError(t, err)
		r := random("", "")
		switch i % 4 {
		case 0:
			c.Child.GivenName, c.Child.FamilyName = r.Child.GivenName, r.Child.FamilyName
		case 1:
			c.Household = r.Household
		case 2:
			c.Child.BirthDate, c.Child.BirthDateEstimated = r.Child.BirthDate, r.Child.BirthDateEstimated
		case 3:
			c.Status = casework.StatusAssessment
		}
		_, err = f.st.Cases.Update(context.Background(), c)
		require.NoError(t, err)
	}
	check()
}

func TestDuplicateIndexFollowsUpdates(t *testing.T) {
	f := newDupFixture(t, nil)
	f.add(t, dupCase("c1", "org-1", "Amina", "Otieno", "2017-05-12", false, "h1"))
	find := func(given, family string) []casework.DuplicateMatch {
		got, err := f.svc.PossibleDuplicates(f.ctx, child(given, family, "2017-05-12", false), "")
		require.NoError(t, err)
		return got
	}
	require.Len(t, find("Amina", "Otieno"), 1)
	c, err := f.st.Cases.Get(context.Background(), "c1")
	require.NoError(t, err)
	c.Child.GivenName, c.Child.FamilyName = "Grace", "Wanjiru"
	_, err = f.st.Cases.Update(context.Background(), c)
	require.NoError(t, err)
	require.Empty(t, find("Amina", "Otieno"))
	require.Len(t, find("Grace", "Wanjiru"), 1)
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"José":              "jose",
		"JOSE":              "jose",
		"  García-Márquez ": "garcia marquez",
		"O'Brien":           "obrien",
		"D’Angelo":          "dangelo",
		"Łódź Øre Æsa":      "lodz ore aesa",
		"Straße":            "strasse",
		"Nguyễn Thị":        "nguyen thi",
		"Ａｍｉｎａ":             "amina",
		"de la  Cruz,Jr.":   "de la cruz jr",
		"amina otieno":      "amina otieno",
		"":                  "",
		"--":                "",
		"Çağlar İnce":       "caglar ince",
		"Müller":            "muller",
		"Μαρία":             "μαρια",
	} {
		require.Equal(t, want, casework.NormalizeName(in), "%q", in)
	}
}

// TestMemoryCaseListAgreesWithScan checks the in-memory case store's lists,
// which go through its organisation-and-status and household indexes,
// against a plain filter of every case, after random creates and updates
// (including statuses outside the lifecycle, which a store does not check).
func TestMemoryCaseListAgreesWithScan(t *testing.T) {
	st := casework.NewMemoryStores().Cases
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(9, 10))
	statuses := append(casework.StatusValues(), "", "weird")
	var all []casework.Case
	random := func(c casework.Case) casework.Case {
		c.Org = homeward.OrgID(fmt.Sprintf("org-%d", rng.IntN(3)))
		c.Status = statuses[rng.IntN(len(statuses))]
		c.Risk = casework.RiskValues()[rng.IntN(3)]
		c.Household = casework.HouseholdID(fmt.Sprintf("h%d", rng.IntN(40)))
		if rng.IntN(5) == 0 {
			c.Household = ""
		}
		return c
	}
	for i := range 400 {
		c, err := st.Create(ctx, random(dupCase(fmt.Sprintf("c%03d", rng.IntN(100000)), "", "A", "B", "2015-01-01", false, "")))
		if err != nil {
			continue // the same random id twice
		}
		all = append(all, c)
		if i%3 == 0 {
			j := rng.IntN(len(all))
			up, err := st.Update(ctx, random(all[j]))
			require.NoError(t, err)
			all[j] = up
		}
	}
	slices.SortFunc(all, func(a, b casework.Case) int { return strings.Compare(string(a.ID), string(b.ID)) })
	for _, f := range []casework.CaseFilter{
		{Org: "org-1"}, {Org: "org-2", Status: casework.StatusAssessment}, {Org: "org-0", Status: "weird"},
		{Org: "org-0", Status: "other"}, {Org: "org-1", Risk: casework.RiskHigh}, {Household: "h7"},
		{Org: "org-2", Household: "h3"}, {Status: casework.StatusClosed}, {},
	} {
		var want []casework.CaseID
		for i := range all {
			if f.Match(&all[i]) {
				want = append(want, all[i].ID)
			}
		}
		for _, limit := range []int{1, 7, 1000} {
			var got []casework.CaseID
			f.Page = homeward.PageRequest{Limit: limit}
			for {
				p, err := st.List(ctx, f)
				require.NoError(t, err)
				for _, c := range p.Items {
					got = append(got, c.ID)
				}
				if p.Next == "" {
					break
				}
				f.Page.Cursor = p.Next
			}
			require.Equal(t, want, got, "%+v", f)
		}
	}
}

// Before registering a child, look for cases of the organisation that may
// be the same child; the user decides.
func ExampleService_PossibleDuplicates() {
	svc, _ := casework.NewService(casework.NewMemoryStores(), nil)
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "grace", Org: "hope-kenya", Role: homeward.RoleStaff})
	_, err := svc.Register(ctx, casework.Case{
		ID: "case-1", Risk: casework.RiskMedium,
		Child: casework.Child{GivenName: "José", FamilyName: "García", Sex: casework.SexMale,
			BirthDate: homeward.MustParseDate("2015-04-02"), BirthDateEstimated: true},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	matches, _ := svc.PossibleDuplicates(ctx, casework.Child{GivenName: "JOSE", FamilyName: "GARSIA",
		BirthDate: homeward.MustParseDate("2016-01-01")}, "")
	for _, m := range matches {
		fmt.Println(m.Case, m.Score, m.Reasons)
	}
	// Output:
	// case-1 66 [name_similar birth_year_close]
}

// Names sort in the collation of the reader's language: in Swedish, å, ä
// and ö come after z.
func ExampleSortByName() {
	cases := []casework.Case{
		{ID: "1", Child: casework.Child{GivenName: "Ebba", FamilyName: "Åberg"}},
		{ID: "2", Child: casework.Child{GivenName: "Nils", FamilyName: "Zetterberg"}},
		{ID: "3", Child: casework.Child{GivenName: "Lars", FamilyName: "Andersson"}},
	}
	for _, lang := range []language.Tag{language.English, language.Swedish} {
		casework.SortByName(cases, lang)
		fmt.Print(lang, ":")
		for _, c := range cases {
			fmt.Print(" ", c.Child.FamilyName)
		}
		fmt.Println()
	}
	// Output:
	// en: Åberg Andersson Zetterberg
	// sv: Andersson Zetterberg Åberg
}

// A caseload listed by name for a Spanish reader, a page at a time: ñ is a
// letter of its own, after n.
func ExampleService_CasesByName() {
	svc, _ := casework.NewService(casework.NewMemoryStores(), nil)
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "lucia", Org: "esperanza", Role: homeward.RoleStaff})
	for _, name := range []string{"Ortega", "Núñez", "Nava", "Ñahui", "Peña"} {
		_, err := svc.Register(ctx, casework.Case{Risk: casework.RiskLow, Child: casework.Child{GivenName: "Ana", FamilyName: name,
			Sex: casework.SexFemale, BirthDate: homeward.MustParseDate("2016-02-01")}})
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	f := casework.CaseFilter{Page: homeward.PageRequest{Limit: 3}}
	for {
		page, err := svc.CasesByName(ctx, f, language.Spanish)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, c := range page.Items {
			fmt.Print(c.Child.FamilyName, " ")
		}
		fmt.Println("|")
		if page.Next == "" {
			break
		}
		f.Page.Cursor = page.Next
	}
	// Output:
	// Nava Núñez Ñahui |
	// Ortega Peña |
}
