package casework

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/ordered"
)

// Reasons a case is a possible duplicate (DuplicateMatch.Reasons).
const (
	ReasonSameName           = "same_name"
	ReasonNameSimilar        = "name_similar"
	ReasonGivenFamilySwapped = "given_family_swapped"
	ReasonBirthYearSame      = "birth_year_same"
	ReasonBirthYearClose     = "birth_year_close"
	ReasonSameHousehold      = "same_household"
)

// Defaults of DuplicateOptions.
const (
	DefaultDuplicateMinScore = 65
	DefaultDuplicateLimit    = 20
)

// The weights of the score, as documented with Service.PossibleDuplicates.
const (
	pointsSameName       = 60
	pointsSwapped        = 55
	pointsSimilarMin     = 40
	pointsSimilarMax     = 55
	similarThreshold     = 0.85
	pointsYearSame       = 25
	pointsYearCloseEst   = 15
	pointsYearClose      = 10
	pointsYearTwoEst     = 5
	pointsSameHousehold  = 15
	maxPointsWithoutWord = pointsSimilarMax
)

// DuplicateMatch is a case that may be the same child as the one about to be
// registered. It carries no name: Reasons are the words of the rule.
type DuplicateMatch struct {
	Case CaseID `json:"case"`
	// Score is from 0 to 100; higher is more likely the same child.
	Score int `json:"score"`
	// Reasons are the parts of the rule that scored, in the order name,
	// birth year, household (ReasonSameName, ...).
	Reasons []string `json:"reasons"`
}

// DuplicateOptions tune Service.PossibleDuplicatesWith; the zero value
// means the defaults.
type DuplicateOptions struct {
	// MinScore is the lowest score reported, 1 to 100; 0 means
	// DefaultDuplicateMinScore.
	MinScore int
	// Limit is the most matches returned; 0 means DefaultDuplicateLimit.
	Limit int
}

// DuplicateQuery is what a DuplicateFinder is asked for: the cases of Org
// that share a name word with the child, are in its household, or were born
// in the given years.
type DuplicateQuery struct {
	Org homeward.OrgID
	// Words are the words of the child's given and family names as
	// NormalizeName returns them.
	Words []string `privacy:"identifier"`
	// Household is the child's household; empty means none.
	Household HouseholdID
	// BornFrom and BornTo bound the years of birth asked for, inclusive;
	// both 0 means none.
	BornFrom, BornTo int
}

// Covers reports whether c is one of the cases q asks for (ignoring the
// organisation).
func (q *DuplicateQuery) Covers(c *DuplicateCandidate) bool {
	if q.Household != "" && c.Household == q.Household {
		return true
	}
	if q.BornFrom != 0 && c.BirthYear >= q.BornFrom && c.BirthYear <= q.BornTo {
		return true
	}
	for w := range strings.FieldsSeq(c.GivenName) {
		if slices.Contains(q.Words, w) {
			return true
		}
	}
	for w := range strings.FieldsSeq(c.FamilyName) {
		if slices.Contains(q.Words, w) {
			return true
		}
	}
	return false
}

// DuplicateCandidate is what the duplicate check needs of a case.
type DuplicateCandidate struct {
	Case CaseID
	Org  homeward.OrgID
	// GivenName and FamilyName are the child's names as NormalizeName
	// returns them.
	GivenName  string `privacy:"identifier"`
	FamilyName string `privacy:"identifier"`
	// BirthYear is the year of the child's birth date; 0 when unknown.
	BirthYear          int
	BirthDateEstimated bool
	Household          HouseholdID
}

// NewDuplicateCandidate returns the candidate of c, for stores that
// implement DuplicateFinder.
func NewDuplicateCandidate(c *Case) DuplicateCandidate {
	d := DuplicateCandidate{
		Case: c.ID, Org: c.Org, Household: c.Household, BirthDateEstimated: c.Child.BirthDateEstimated,
		GivenName: NormalizeName(c.Child.GivenName), FamilyName: NormalizeName(c.Child.FamilyName),
	}
	if !c.Child.BirthDate.IsZero() {
		d.BirthYear = c.Child.BirthDate.Year()
	}
	return d
}

// DuplicateFinder is implemented by case stores that can look up duplicate
// candidates without reading every case of an organisation; the in-memory
// store keeps an index of normalised names, birth years and households for
// it, and a SQL store can keep normalised name columns and an index.
// Service.PossibleDuplicates uses it when Stores.Cases implements it and
// reads all the organisation's cases through List otherwise.
type DuplicateFinder interface {
	// DuplicateCandidates calls yield, at most once per case, with every
	// case of q.Org that q covers, and may call it with other cases of
	// q.Org (never with another organisation's), in any order, until yield
	// returns false. yield must not call the store. It returns the store's
	// error, if any.
	DuplicateCandidates(ctx context.Context, q DuplicateQuery, yield func(DuplicateCandidate) bool) error
}

// PossibleDuplicates returns the cases of the actor's organisation that may
// be the same child as child (in household, when not empty), with the
// default options: a score of at least DefaultDuplicateMinScore, at most
// DefaultDuplicateLimit matches, highest score first, then by case id. It
// looks only at the actor's own organisation's cases, whatever else the
// policy grants; an actor the policy does not let read its own organisation
// is homeward.ErrForbidden, and a child without a given or family name is
// homeward.ErrInvalid.
//
// A child is often registered twice: by two workers, after a move between
// institutions, with a name spelled differently or an estimated birth date.
// Call PossibleDuplicates before Register and let the user decide; Register
// never refuses a case for looking like another.
//
// The score of a case against the child is the sum of three parts, at most
// 100, computed on names normalised by NormalizeName:
//
// Name (a case whose name scores 0 is never a match, whatever else agrees):
//   - same_name, 60: the given names are equal and the family names are
//     equal;
//   - given_family_swapped, 55: the child's given name equals the case's
//     family name and the child's family name the case's given name;
//   - name_similar, 40 to 55: otherwise, s is the Jaro-Winkler similarity
//     (Winkler's prefix boost of 0.1 per common character, up to 4, when the
//     Jaro similarity exceeds 0.7) of the full names, given name, a space,
//     family name; the child's name is also tried the other way round
//     (family name first), and the higher similarity counts, with the
//     reason given_family_swapped added when it is the swapped one. When
//     s ≥ 0.85 the part is 40 + round(100 × (s − 0.85)), at most 55; below
//     0.85 it is 0.
//
// Birth year (when both birth dates are known):
//   - birth_year_same, 25: the same year;
//   - birth_year_close, 15: one year apart when either birth date is
//     estimated; 10: one year apart when both are exact; 5: two years apart
//     when either is estimated.
//
// Household:
//   - same_household, 15: the child's household is the case's household.
//
// So the same name, birth year and household score 100; the same name and
// birth year 85; the names swapped and the same year 80; a one-letter typo
// in a name (Garsia for García, s ≈ 0.96) and the same year about 76; the
// same name alone 60. A case is reported when its score is at least
// DuplicateOptions.MinScore (default 65).
//
// Stores need not normalise every name on every check: the service asks a
// store that implements DuplicateFinder only for the cases that share a
// name word with the child, are in the child's household, or were born in
// the years in which the birth year can still lift a case to MinScore.
// Every other case scores at most 55 (a similar name), so with MinScore
// above 55 no match is missed; with MinScore at 55 or below, cases that
// share none of those are not considered. Stores that do not implement
// DuplicateFinder are read through CaseStore.List and give the same result.
func (s *Service) PossibleDuplicates(ctx context.Context, child Child, household HouseholdID) ([]DuplicateMatch, error) {
	return s.PossibleDuplicatesWith(ctx, child, household, DuplicateOptions{})
}

// PossibleDuplicatesWith is PossibleDuplicates with options; MinScore
// outside 0 to 100 or a negative Limit is homeward.ErrInvalid.
func (s *Service) PossibleDuplicatesWith(ctx context.Context, child Child, household HouseholdID, opts DuplicateOptions) ([]DuplicateMatch, error) {
	a, err := s.actor(ctx)
	if err != nil {
		return nil, err
	}
	var v homeward.ValidationError
	if opts.MinScore < 0 || opts.MinScore > 100 {
		v.Add("min_score", "must be from 1 to 100 (0: the default %d)", DefaultDuplicateMinScore)
	}
	if opts.Limit < 0 {
		v.Add("limit", "must not be negative (0: the default %d)", DefaultDuplicateLimit)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if opts.MinScore == 0 {
		opts.MinScore = DefaultDuplicateMinScore
	}
	if opts.Limit == 0 {
		opts.Limit = DefaultDuplicateLimit
	}
	if !s.canRead(ctx, a, a.Org) {
		return nil, fmt.Errorf("possible duplicates in organisation %s: %w", a.Org, homeward.ErrForbidden)
	}
	q := newDupQuery(a.Org, &child, household, opts.MinScore)
	if q.given == "" && q.family == "" {
		return nil, homeward.Invalid("child.given_name", "a given or family name is required")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n := 0
	consider := func(c *DuplicateCandidate) bool {
		if n++; n%4096 == 0 && ctx.Err() != nil {
			return false
		}
		if c.Org == q.store.Org {
			q.consider(c)
		}
		return true
	}
	if f, ok := s.st.Cases.(DuplicateFinder); ok {
		err = f.DuplicateCandidates(ctx, q.store, func(c DuplicateCandidate) bool { return consider(&c) })
	} else {
		err = s.scanDuplicates(ctx, &q, consider)
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	slices.SortFunc(q.matches, func(a, b DuplicateMatch) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(string(a.Case), string(b.Case))
	})
	if len(q.matches) > opts.Limit {
		q.matches = slices.Clip(q.matches[:opts.Limit])
	}
	if q.matches == nil {
		q.matches = []DuplicateMatch{}
	}
	return q.matches, nil
}

// scanDuplicates reads every case of the organisation through List and
// considers those the query covers.
func (s *Service) scanDuplicates(ctx context.Context, q *dupQuery, consider func(*DuplicateCandidate) bool) error {
	f := CaseFilter{Org: q.store.Org, Page: homeward.PageRequest{Limit: homeward.MaxPageLimit}}
	for {
		p, err := s.st.Cases.List(ctx, f)
		if err != nil {
			return err
		}
		for i := range p.Items {
			c := NewDuplicateCandidate(&p.Items[i])
			if q.store.Covers(&c) && !consider(&c) {
				return nil
			}
		}
		if p.Next == "" {
			return nil
		}
		f.Page.Cursor = p.Next
	}
}

// dupQuery is one duplicate check: the child's normalised names and the
// matches found so far.
type dupQuery struct {
	store          DuplicateQuery
	given, family  string
	full, swapped  []byte // "given family" and "family given"
	letters        letterCounts
	ascii          bool
	year           int
	estimated      bool
	household      HouseholdID
	min            int
	matches        []DuplicateMatch
	candidateBytes [128]byte
}

func newDupQuery(org homeward.OrgID, child *Child, household HouseholdID, minScore int) dupQuery {
	q := dupQuery{
		given: NormalizeName(child.GivenName), family: NormalizeName(child.FamilyName),
		estimated: child.BirthDateEstimated, household: household, min: minScore,
	}
	q.full = joinName(nil, q.given, q.family)
	q.swapped = joinName(nil, q.family, q.given)
	q.ascii = isASCII(q.full)
	q.letters = countLetters(q.full)
	if !child.BirthDate.IsZero() {
		q.year = child.BirthDate.Year()
	}
	q.store = DuplicateQuery{Org: org, Household: household}
	for _, name := range []string{q.given, q.family} {
		for w := range strings.FieldsSeq(name) {
			if !slices.Contains(q.store.Words, w) {
				q.store.Words = append(q.store.Words, w)
			}
		}
	}
	// A case that shares no name word scores at most 55 for its name, plus
	// its birth year and household; ask for the birth years that can make
	// up the difference to min (household cases are asked for anyway).
	if q.year != 0 {
		need := max(minScore-maxPointsWithoutWord, 1)
		slack := -1
		for d := 0; d <= 2; d++ {
			if yearPoints(d, true) >= need {
				slack = d
			}
		}
		if slack >= 0 {
			q.store.BornFrom, q.store.BornTo = q.year-slack, q.year+slack
		}
	}
	return q
}

// joinName returns "given family", or the one that is not empty.
func joinName(dst []byte, given, family string) []byte {
	dst = append(dst, given...)
	if given != "" && family != "" {
		dst = append(dst, ' ')
	}
	return append(dst, family...)
}

func yearPoints(apart int, estimated bool) int {
	switch {
	case apart == 0:
		return pointsYearSame
	case apart == 1 && estimated:
		return pointsYearCloseEst
	case apart == 1:
		return pointsYearClose
	case apart == 2 && estimated:
		return pointsYearTwoEst
	}
	return 0
}

// Reason bits, in the order reasons are listed.
const (
	bitSameName = 1 << iota
	bitSimilar
	bitSwapped
	bitYearSame
	bitYearClose
	bitHousehold
)

var reasonWords = [...]string{ReasonSameName, ReasonNameSimilar, ReasonGivenFamilySwapped, ReasonBirthYearSame, ReasonBirthYearClose, ReasonSameHousehold}

// score returns the score of c against the child and the reasons, as bits.
func (q *dupQuery) score(c *DuplicateCandidate) (int, uint8) {
	var pts int
	var bits uint8
	switch {
	case c.GivenName == q.given && c.FamilyName == q.family:
		pts, bits = pointsSameName, bitSameName
	case c.GivenName == q.family && c.FamilyName == q.given:
		pts, bits = pointsSwapped, bitSwapped
	default:
		full := joinName(q.candidateBytes[:0], c.GivenName, c.FamilyName)
		if q.ascii && isASCII(full) && similarityBound(&q.letters, len(q.full), full) < similarThreshold {
			return 0, 0
		}
		sim := jaroWinkler(q.full, full)
		swapped := jaroWinkler(q.swapped, full)
		if swapped > sim {
			sim = swapped
			bits = bitSwapped
		}
		if sim < similarThreshold {
			return 0, 0
		}
		pts = min(pointsSimilarMin+int(math.Round(100*(sim-similarThreshold))), pointsSimilarMax)
		bits |= bitSimilar
	}
	if q.year != 0 && c.BirthYear != 0 {
		apart := q.year - c.BirthYear
		if apart < 0 {
			apart = -apart
		}
		switch p := yearPoints(apart, q.estimated || c.BirthDateEstimated); {
		case apart == 0:
			pts, bits = pts+p, bits|bitYearSame
		case p > 0:
			pts, bits = pts+p, bits|bitYearClose
		}
	}
	if q.household != "" && c.Household == q.household {
		pts, bits = pts+pointsSameHousehold, bits|bitHousehold
	}
	return min(pts, 100), bits
}

// letterCounts counts the letters a to z of an ASCII name, and in the last
// place every other byte.
type letterCounts [27]uint8

func countLetters(s []byte) letterCounts {
	var n letterCounts
	for _, c := range s {
		i := 26
		if 'a' <= c && c <= 'z' {
			i = int(c - 'a')
		}
		if n[i] < 255 {
			n[i]++
		}
	}
	return n
}

// similarityBound returns an upper bound of the Jaro-Winkler similarity of
// an ASCII name with letter counts a and length la and the ASCII name b, in
// either word order, without comparing them: the matching characters are at
// most the letters they have in common, m, so the Jaro similarity is at most
// (m/la + m/lb + 1)/3 and the Winkler boost at most 0.4 of the rest. It lets
// the check skip most of the cases it is asked about, and never changes a
// score.
func similarityBound(a *letterCounts, la int, b []byte) float64 {
	if la == 0 || len(b) == 0 {
		return 0
	}
	bn := countLetters(b)
	m := 0
	for i := range bn {
		m += int(min(a[i], bn[i]))
	}
	if m == 0 {
		return 0
	}
	j := min((float64(m)/float64(la)+float64(m)/float64(len(b))+1)/3, 1)
	return j + 0.4*(1-j)
}

// consider adds c to the matches when it scores at least the minimum.
func (q *dupQuery) consider(c *DuplicateCandidate) {
	pts, bits := q.score(c)
	if pts == 0 || pts < q.min {
		return
	}
	m := DuplicateMatch{Case: c.Case, Score: pts}
	for i, w := range reasonWords {
		if bits&(1<<i) != 0 {
			m.Reasons = append(m.Reasons, w)
		}
	}
	q.matches = append(q.matches, m)
}

// dupIndex is the in-memory case store's index of duplicate candidates.
// Per organisation it keeps three ordered sets over compact entries: by
// birth year, by each word of the normalised names, and by household, each
// then by case id, so that a look-up reads only the cases it yields. The
// case table keeps it in step through an observer, under the table's write
// lock; readers take the index's own lock.
type dupIndex struct {
	mu   sync.RWMutex
	orgs map[homeward.OrgID]*dupOrg
}

type dupOrg struct {
	years      *ordered.Set[*dupEntry]
	words      *ordered.Set[dupWord]
	households *ordered.Set[*dupEntry]
}

// dupEntry is one case in the index. name is the normalised full name
// (joinName): the given name is name[:givenEnd] and the family name
// name[familyStart:].
type dupEntry struct {
	id                    CaseID
	household             HouseholdID
	name                  string
	givenEnd, familyStart int32
	year                  int32
	estimated             bool
}

// dupWord is one word of an entry's name (a substring of it, so it costs
// no memory of its own).
type dupWord struct {
	word string
	e    *dupEntry
}

func newDupEntry(c *Case) *dupEntry {
	given, family := NormalizeName(c.Child.GivenName), NormalizeName(c.Child.FamilyName)
	e := &dupEntry{id: c.ID, household: c.Household, estimated: c.Child.BirthDateEstimated}
	switch {
	case given == "":
		e.name = family
	case family == "":
		e.name = given
		e.givenEnd, e.familyStart = int32(len(given)), int32(len(given))
	default:
		e.name = given + " " + family
		e.givenEnd, e.familyStart = int32(len(given)), int32(len(given)+1)
	}
	if !c.Child.BirthDate.IsZero() {
		e.year = int32(c.Child.BirthDate.Year())
	}
	return e
}

// words calls fn with each word of e's name.
func (e *dupEntry) words(fn func(dupWord)) {
	start := -1
	for i := 0; i <= len(e.name); i++ {
		if i == len(e.name) || e.name[i] == ' ' {
			if start >= 0 {
				fn(dupWord{e.name[start:i], e})
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
}

func (e *dupEntry) candidate(org homeward.OrgID) DuplicateCandidate {
	return DuplicateCandidate{
		Case: e.id, Org: org, GivenName: e.name[:e.givenEnd], FamilyName: e.name[e.familyStart:],
		BirthYear: int(e.year), BirthDateEstimated: e.estimated, Household: e.household,
	}
}

func compareByYear(a, b *dupEntry) int {
	if a.year != b.year {
		return cmp.Compare(a.year, b.year)
	}
	return strings.Compare(string(a.id), string(b.id))
}

func compareByHousehold(a, b *dupEntry) int {
	if c := strings.Compare(string(a.household), string(b.household)); c != 0 {
		return c
	}
	return strings.Compare(string(a.id), string(b.id))
}

func compareWords(a, b dupWord) int {
	if c := strings.Compare(a.word, b.word); c != 0 {
		return c
	}
	return strings.Compare(string(a.e.id), string(b.e.id))
}

func newDupIndex() *dupIndex { return &dupIndex{orgs: make(map[homeward.OrgID]*dupOrg)} }

// change is the case table's observer.
func (x *dupIndex) change(old, cur *Case) {
	if old != nil && cur != nil && old.Org == cur.Org && old.Household == cur.Household &&
		old.Child.GivenName == cur.Child.GivenName && old.Child.FamilyName == cur.Child.FamilyName &&
		old.Child.BirthDate == cur.Child.BirthDate && old.Child.BirthDateEstimated == cur.Child.BirthDateEstimated {
		return
	}
	var e *dupEntry
	if cur != nil {
		e = newDupEntry(cur)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if old != nil {
		x.remove(old)
	}
	if e != nil {
		o := x.orgs[cur.Org]
		if o == nil {
			o = &dupOrg{years: ordered.New(compareByYear), words: ordered.New(compareWords), households: ordered.New(compareByHousehold)}
			x.orgs[cur.Org] = o
		}
		if e.year != 0 {
			o.years.Insert(e)
		}
		if e.household != "" {
			o.households.Insert(e)
		}
		e.words(func(w dupWord) { o.words.Insert(w) })
	}
}

// remove takes the entry of the stored case old out of the index.
func (x *dupIndex) remove(old *Case) {
	o := x.orgs[old.Org]
	if o == nil {
		return
	}
	// Find the entry in a set where old's keys place it, cheapest first.
	var e *dupEntry
	switch probe := (&dupEntry{id: old.ID, household: old.Household}); {
	case !old.Child.BirthDate.IsZero():
		probe.year = int32(old.Child.BirthDate.Year())
		e, _ = o.years.Get(probe)
	case old.Household != "":
		e, _ = o.households.Get(probe)
	default:
		newDupEntry(old).words(func(w dupWord) {
			if e == nil {
				if got, ok := o.words.Get(w); ok {
					e = got.e
				}
			}
		})
	}
	if e == nil {
		return
	}
	o.years.Delete(e)
	o.households.Delete(e)
	e.words(func(w dupWord) { o.words.Delete(w) })
}

// DuplicateCandidates implements DuplicateFinder: it reads the query's birth
// years, household and name words from the index, so it touches only the
// cases it yields.
func (s *memCaseStore) DuplicateCandidates(ctx context.Context, q DuplicateQuery, yield func(DuplicateCandidate) bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	x := s.dups
	x.mu.RLock()
	defer x.mu.RUnlock()
	o := x.orgs[q.Org]
	if o == nil {
		return nil
	}
	// Each case has one birth year, so the years yield each case once; the
	// household and word look-ups skip what the years yielded and what they
	// yielded themselves.
	inYears := func(e *dupEntry) bool {
		return q.BornFrom != 0 && int(e.year) >= q.BornFrom && int(e.year) <= q.BornTo
	}
	if q.BornFrom != 0 {
		for e := range o.years.From(&dupEntry{year: int32(q.BornFrom)}) {
			if int(e.year) > q.BornTo {
				break
			}
			if !yield(e.candidate(q.Org)) {
				return nil
			}
		}
	}
	seen := make(map[*dupEntry]struct{})
	visit := func(e *dupEntry) bool {
		if inYears(e) {
			return true
		}
		if _, ok := seen[e]; ok {
			return true
		}
		seen[e] = struct{}{}
		return yield(e.candidate(q.Org))
	}
	if q.Household != "" {
		for e := range o.households.From(&dupEntry{household: q.Household}) {
			if e.household != q.Household {
				break
			}
			if !visit(e) {
				return nil
			}
		}
	}
	for _, w := range q.Words {
		for dw := range o.words.From(dupWord{word: w, e: &dupEntry{}}) {
			if dw.word != w {
				break
			}
			if !visit(dw.e) {
				return nil
			}
		}
	}
	return nil
}
