package casework

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
)

// normalizeReference is NormalizeName without its fast paths: the whole
// name through the x/text transformation.
func normalizeReference(s string) string {
	var n nameBuilder
	for _, r := range foldName(s) {
		n.add(r)
	}
	return n.b.String()
}

func TestNormalizeNameFastPathsAgree(t *testing.T) {
	for r := rune(0); r < latinEnd+16; r++ {
		for _, s := range []string{string(r), "Ab" + string(r) + "c", string(r) + " X"} {
			require.Equal(t, normalizeReference(s), NormalizeName(s), "U+%04X in %q", r, s)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aAzZ09 -'.,éÉñÑüÜçÇøØłŁßæÆœŒıİǅǈĳ\u0301\u0308’ʼ´`Ωщ")
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		require.Equal(t, normalizeReference(s), NormalizeName(s), "%q", s)
	}
}

func TestJaroWinkler(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"martha", "marhta", 0.9611}, // Winkler's examples
		{"dwayne", "duane", 0.8400},
		{"dixon", "dicksonx", 0.8133},
		{"jose garcia", "jose garsia", 0.9636},
		{"abc", "abc", 1},
		{"abc", "xyz", 0},
		{"", "", 1},
		{"a", "", 0},
		{"ñandu", "ñandú", 0.92}, // runes, not bytes: 4 of 5 agree
		{"μαρια", "μαρια", 1},
	} {
		require.InDelta(t, tc.want, jaroWinkler([]byte(tc.a), []byte(tc.b)), 0.0001, "%s / %s", tc.a, tc.b)
		require.InDelta(t, tc.want, jaroWinkler([]byte(tc.b), []byte(tc.a)), 0.0001, "symmetric")
	}
	long := strings.Repeat("abcdefghij", 10)
	require.Equal(t, 1.0, jaroWinkler([]byte(long), []byte(long)), "longer than the stack buffers")
}

func TestJaroWinklerDoesNotAllocate(t *testing.T) {
	a, b := []byte("amina otieno"), []byte("aminah otienno")
	c, d := []byte("josé garcía"), []byte("jose garsia")
	allocs := testing.AllocsPerRun(100, func() {
		jaroWinkler(a, b)
		jaroWinkler(c, d)
	})
	require.Zero(t, allocs)
}

// names makes cases named "family/given" with ids in order.
func namedCases(names ...string) []Case {
	out := make([]Case, len(names))
	for i, n := range names {
		family, given, _ := strings.Cut(n, "/")
		out[i] = Case{ID: CaseID(fmt.Sprintf("id%02d", i)), Child: Child{FamilyName: family, GivenName: given}}
	}
	return out
}

func sortedNames(cs []Case) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Child.FamilyName + "/" + c.Child.GivenName
	}
	return out
}

func TestSortByName(t *testing.T) {
	spanish := []string{"Ortega/", "Peña/", "Penz/", "Núñez/", "Ñandú/", "Nava/", "Nuñez/"}
	swedish := []string{"Öberg/", "Zetterberg/", "Ängström/", "Åberg/", "Andersson/", "Ödman/"}
	for _, tc := range []struct {
		lang  string
		names []string
		want  []string
	}{
		// ñ is a letter after n in Spanish; accents on vowels only break ties.
		{"es", spanish, []string{"Nava/", "Nuñez/", "Núñez/", "Ñandú/", "Ortega/", "Penz/", "Peña/"}},
		{"en", spanish, []string{"Ñandú/", "Nava/", "Nuñez/", "Núñez/", "Ortega/", "Peña/", "Penz/"}},
		// å, ä and ö are letters after z in Swedish, accented a and o in English.
		{"sv", swedish, []string{"Andersson/", "Zetterberg/", "Åberg/", "Ängström/", "Öberg/", "Ödman/"}},
		{"en", swedish, []string{"Åberg/", "Andersson/", "Ängström/", "Öberg/", "Ödman/", "Zetterberg/"}},
		{"nl", []string{"Visser/", "de Vries/", "Öztürk/", "Bakker/", "Dijkstra/", "van den Berg/", "de Jong/", "Jansen/"},
			[]string{"Bakker/", "de Jong/", "de Vries/", "Dijkstra/", "Jansen/", "Öztürk/", "van den Berg/", "Visser/"}},
		// Family name first, then given name; accents matter only between
		// names that are otherwise equal.
		{"en", []string{"Otieno/Emma", "Otieno/Émile", "Otieno/Ellen", "Achieng/Zawadi", "Otieno/Eliza"},
			[]string{"Achieng/Zawadi", "Otieno/Eliza", "Otieno/Ellen", "Otieno/Émile", "Otieno/Emma"}},
		{"de", []string{"Müller/Carl", "Muller/Bert", "Müller/Anna", "müller/Anna", "Muller/Anna"},
			[]string{"Muller/Anna", "müller/Anna", "Müller/Anna", "Muller/Bert", "Müller/Carl"}},
	} {
		cs := namedCases(tc.names...)
		SortByName(cs, language.MustParse(tc.lang))
		require.Equal(t, tc.want, sortedNames(cs), tc.lang)
	}
	// Equal names keep id order.
	cs := namedCases("Otieno/Amina", "Otieno/Amina", "Otieno/Amina")
	cs[0].ID, cs[2].ID = cs[2].ID, cs[0].ID
	SortByName(cs, language.English)
	require.Equal(t, []CaseID{"id00", "id01", "id02"}, []CaseID{cs[0].ID, cs[1].ID, cs[2].ID})
}

func TestCasesByName(t *testing.T) {
	st := NewMemoryStores()
	svc, err := NewService(st, nil)
	require.NoError(t, err)
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "ana", Org: "org-1", Role: homeward.RoleReadOnly})
	names := []string{"Öberg/Alva", "Zetterberg/Nils", "Åberg/Ebba", "Andersson/Lars", "Ödman/Saga", "Ångström/Elsa", "Berg/Olle"}
	for i, c := range namedCases(names...) {
		c.Org, c.Status = "org-1", StatusRegistered
		if i == 3 {
			c.Status = StatusClosed
		}
		_, err := st.Cases.Create(context.Background(), c)
		require.NoError(t, err)
	}
	other := Case{ID: "x", Org: "org-2", Status: StatusRegistered, Child: Child{FamilyName: "Aaby", GivenName: "Other"}}
	_, err = st.Cases.Create(context.Background(), other)
	require.NoError(t, err)

	collect := func(f CaseFilter, lang language.Tag) []string {
		var out []string
		for range 20 {
			p, err := svc.CasesByName(ctx, f, lang)
			require.NoError(t, err)
			out = append(out, sortedNames(p.Items)...)
			if p.Next == "" {
				return out
			}
			require.Len(t, p.Items, f.Page.EffectiveLimit())
			f.Page.Cursor = p.Next
		}
		t.Fatal("paging does not end")
		return nil
	}
	sv := []string{"Andersson/Lars", "Berg/Olle", "Zetterberg/Nils", "Åberg/Ebba", "Ångström/Elsa", "Öberg/Alva", "Ödman/Saga"}
	for _, limit := range []int{1, 2, 3, 10} {
		require.Equal(t, sv, collect(CaseFilter{Page: homeward.PageRequest{Limit: limit}}, language.Swedish), "limit %d", limit)
	}
	en := []string{"Åberg/Ebba", "Andersson/Lars", "Ångström/Elsa", "Berg/Olle", "Öberg/Alva", "Ödman/Saga", "Zetterberg/Nils"}
	require.Equal(t, en, collect(CaseFilter{Page: homeward.PageRequest{Limit: 3}}, language.English))
	require.Equal(t, []string{"Andersson/Lars"}, collect(CaseFilter{Status: StatusClosed}, language.Swedish), "the filter applies")

	p, err := svc.CasesByName(ctx, CaseFilter{Page: homeward.PageRequest{Limit: 2}}, language.Swedish)
	require.NoError(t, err)
	_, err = svc.CasesByName(ctx, CaseFilter{Page: homeward.PageRequest{Limit: 2, Cursor: p.Next}}, language.English)
	require.ErrorIs(t, err, homeward.ErrInvalid, "a cursor of another language")
	_, err = svc.CasesByName(ctx, CaseFilter{Page: homeward.PageRequest{Cursor: "bm9wZQ"}}, language.English)
	require.ErrorIs(t, err, homeward.ErrInvalid)
	_, err = svc.CasesByName(ctx, CaseFilter{Org: "org-2"}, language.English)
	require.ErrorIs(t, err, homeward.ErrForbidden)
	_, err = svc.CasesByName(context.Background(), CaseFilter{}, language.English)
	require.Error(t, err)
}
