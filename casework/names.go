package casework

import (
	"bytes"
	"context"
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/paging"
)

// Names of children are compared in two ways. For possible duplicates they
// are normalised (NormalizeName), so that spelling variants of one name
// compare equal. For lists they are sorted with the collation of the
// caller's language (SortByName, Service.CasesByName), so that a Spanish
// reader finds "Peña" after "Penz", and a Swedish
// reader finds "Åberg" after "Zetterberg".

// folder folds case, decomposes and drops combining marks. Transformers keep
// state, so each call takes one from the pool.
var folder = sync.Pool{New: func() any {
	return transform.Chain(cases.Fold(), norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
}}

// NormalizeName returns the form of a name in which duplicates are
// compared: case folded (golang.org/x/text/cases), decomposed with
// compatibility decomposition (golang.org/x/text/unicode/norm NFKD, so
// ligatures and full-width letters match their plain letters too), combining
// marks removed (José → jose, Łódź → lodz), apostrophes dropped (O'Brien →
// obrien), and every other run of spaces, punctuation and symbols made a
// single space between words (Jean-Pierre → jean pierre). Letters that do
// not decompose are mapped to their base letters (ø → o, ł → l, đ → d,
// ħ → h, ı → i, æ → ae, œ → oe, þ → th). The result holds lower-case
// letters, digits and single spaces, with no space at either end.
func NormalizeName(s string) string {
	if isASCII(s) {
		return normalizeASCII(s)
	}
	var n nameBuilder
	n.b.Grow(len(s))
	if latinOnly(s) {
		// Per character, from a table: for these characters that is the
		// same as transforming the whole name (case folding and
		// decomposition are per character, and the reordering of marks
		// does not matter once marks are removed).
		table := latinTable()
		for _, r := range s {
			switch {
			case 'A' <= r && r <= 'Z':
				n.add(r + 'a' - 'A')
			case r < utf8.RuneSelf || isApostrophe(r):
				n.add(r)
			default:
				for _, d := range table[r-utf8.RuneSelf] {
					n.add(d)
				}
			}
		}
		return n.b.String()
	}
	for _, r := range foldName(s) {
		n.add(r)
	}
	return n.b.String()
}

// latinEnd bounds the characters NormalizeName looks up in a table: Latin-1,
// Latin Extended-A and B, IPA, spacing modifiers and combining diacritical
// marks.
const latinEnd = 0x370

func latinOnly(s string) bool {
	for _, r := range s {
		if r >= latinEnd && !isApostrophe(r) {
			return false
		}
	}
	return true
}

// latinTable holds foldName of every character from U+0080 to latinEnd.
var latinTable = sync.OnceValue(func() []string {
	t := make([]string, latinEnd-utf8.RuneSelf)
	for r := rune(utf8.RuneSelf); r < latinEnd; r++ {
		t[r-utf8.RuneSelf] = foldName(string(r))
	}
	return t
})

// foldName case-folds s, decomposes it (NFKD) and removes combining marks,
// after dropping apostrophes (compatibility decomposition would turn some
// of them, like ´, into a space and a mark).
func foldName(s string) string {
	s = strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return -1
		}
		return r
	}, s)
	t := folder.Get().(transform.Transformer)
	folded, _, err := transform.String(t, s)
	folder.Put(t)
	if err != nil {
		return s
	}
	return folded
}

// nameBuilder writes a normalised name: letters, digits and marks (mapped by
// baseLetters), apostrophes dropped, and any other run of characters as one
// space between words.
type nameBuilder struct {
	b     strings.Builder
	space bool
}

func (n *nameBuilder) add(r rune) {
	switch {
	case isApostrophe(r):
	case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'),
		r >= utf8.RuneSelf && unicode.In(r, unicode.L, unicode.N, unicode.M):
		if n.space && n.b.Len() > 0 {
			n.b.WriteByte(' ')
		}
		n.space = false
		if m, ok := baseLetters[r]; ok {
			n.b.WriteString(m)
		} else {
			n.b.WriteRune(r)
		}
	default:
		n.space = true
	}
}

// baseLetters maps letters without a canonical decomposition (after case
// folding) to the base letters they are written with.
var baseLetters = map[rune]string{
	'ø': "o", 'ł': "l", 'đ': "d", 'ħ': "h", 'ı': "i", 'æ': "ae", 'œ': "oe", 'þ': "th", 'ŧ': "t",
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '`', '´':
		return true
	}
	return false
}

// normalizeASCII is NormalizeName for ASCII input, where folding is
// lower-casing and nothing decomposes. It returns s itself when s is
// already normal.
func normalizeASCII(s string) string {
	normal := len(s) == 0 || (s[0] != ' ' && s[len(s)-1] != ' ')
	for i := 0; normal && i < len(s); i++ {
		c := s[i]
		normal = ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || (c == ' ' && s[i-1] != ' ')
	}
	if normal {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case ('a' <= c && c <= 'z') || ('0' <= c && c <= '9'):
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
		case c == '\'' || c == '`':
		default:
			space = true
		}
	}
	return string(b)
}

// jaroWinkler returns the Jaro-Winkler similarity of a and b, from 0 (no
// characters in common) to 1 (equal): the Jaro similarity, raised for a
// common prefix of up to 4 characters by 0.1 per character when the Jaro
// similarity exceeds 0.7 (Winkler's boost threshold). It compares bytes
// when both are ASCII, runes otherwise, and does not allocate for names of
// up to 64 characters.
func jaroWinkler(a, b []byte) float64 {
	if isASCII(a) && isASCII(b) {
		return winkler(a, b)
	}
	var ab, bb [64]rune
	return winkler(appendRunes(ab[:0], a), appendRunes(bb[:0], b))
}

func isASCII[S string | []byte](s S) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func appendRunes(dst []rune, s []byte) []rune {
	for _, r := range string(s) {
		dst = append(dst, r)
	}
	return dst
}

func winkler[T byte | rune](a, b []T) float64 {
	j := jaro(a, b)
	if j <= 0.7 {
		return j
	}
	l := 0
	for l < 4 && l < len(a) && l < len(b) && a[l] == b[l] {
		l++
	}
	return j + float64(l)*0.1*(1-j)
}

func jaro[T byte | rune](a, b []T) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	window := max(len(b)/2-1, 0)
	var abuf, bbuf [64]bool
	am, bm := abuf[:0], bbuf[:0]
	if len(b) > len(bbuf) {
		am, bm = make([]bool, 0, len(a)), make([]bool, 0, len(b))
	}
	am, bm = am[:len(a)], bm[:len(b)]
	m := 0
	for i, c := range a {
		for k, hi := max(0, i-window), min(len(b), i+window+1); k < hi; k++ {
			if !bm[k] && b[k] == c {
				am[i], bm[k] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, k := 0, 0
	for i, c := range a {
		if !am[i] {
			continue
		}
		for !bm[k] {
			k++
		}
		if b[k] != c {
			t++
		}
		k++
	}
	mf := float64(m)
	return (mf/float64(len(a)) + mf/float64(len(b)) + (mf-float64(t)/2)/mf) / 3
}

// nameCollator holds the two collators of one language: loose (ignoring
// case, width and those accents that are not letters of their own in the
// language) and full.
type nameCollator struct {
	loose, full *collate.Collator
	buf         collate.Buffer
}

func newNameCollator(lang language.Tag) *nameCollator {
	return &nameCollator{loose: collate.New(lang, collate.Loose), full: collate.New(lang)}
}

// nameKey is the sort key of one case in a name-ordered list.
type nameKey struct {
	parts [4][]byte // loose family, loose given, full family, full given
	id    CaseID
}

func (nc *nameCollator) key(c *Case) nameKey {
	k := nameKey{id: c.ID}
	for i, s := range [4]string{c.Child.FamilyName, c.Child.GivenName, c.Child.FamilyName, c.Child.GivenName} {
		col := nc.loose
		if i >= 2 {
			col = nc.full
		}
		k.parts[i] = bytes.Clone(col.KeyFromString(&nc.buf, s))
		nc.buf.Reset()
	}
	return k
}

func compareNameKeys(a, b *nameKey) int {
	for i := range a.parts {
		if c := bytes.Compare(a.parts[i], b.parts[i]); c != 0 {
			return c
		}
	}
	return strings.Compare(string(a.id), string(b.id))
}

// SortByName sorts cases by the child's name in the collation of lang
// (golang.org/x/text/collate): by family name, then given name, compared
// first loosely (ignoring case, width and accents that are not letters of
// their own in lang: "Muller" and "Müller" are equal in English, while
// Swedish sorts "Åberg" after "Zetterberg" and Spanish "Peña" after
// "Penz"), then by family name and given name with case and accents; then
// by id, so the order is total and stable across calls. A language without
// its own collation uses the root (CLDR) order.
func SortByName(cases []Case, lang language.Tag) {
	nc := newNameCollator(lang)
	type keyed struct {
		key nameKey
		c   Case
	}
	ks := make([]keyed, len(cases))
	for i := range cases {
		ks[i] = keyed{nc.key(&cases[i]), cases[i]}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return compareNameKeys(&a.key, &b.key) })
	for i := range ks {
		cases[i] = ks[i].c
	}
}

// CasesByName lists the cases that match f ordered by the child's name in
// the collation of lang, as SortByName orders them. An empty f.Org means the
// actor's organisation; an organisation the actor may not read is
// homeward.ErrForbidden. f.Page pages through the result: the cursor holds
// the collation key of the page's last case and its id, and the language,
// so a cursor used with another language is homeward.ErrInvalid. Sorting by
// name needs every matching case, so each call reads them all from the
// store; narrow the filter (status, risk, household, birth years) for
// large caseloads.
func (s *Service) CasesByName(ctx context.Context, f CaseFilter, lang language.Tag) (homeward.Page[Case], error) {
	req := f.Page
	return listFor(ctx, s, &f.Org, "cases", func() (homeward.Page[Case], error) {
		var after *nameKey
		if req.Cursor != "" {
			k, err := decodeNameCursor(req.Cursor, lang)
			if err != nil {
				return homeward.Page[Case]{}, err
			}
			after = &k
		}
		nc := newNameCollator(lang)
		type keyed struct {
			key nameKey
			c   Case
		}
		var all []keyed
		f.Page = homeward.PageRequest{Limit: homeward.MaxPageLimit}
		for {
			if err := ctx.Err(); err != nil {
				return homeward.Page[Case]{}, err
			}
			p, err := s.st.Cases.List(ctx, f)
			if err != nil {
				return homeward.Page[Case]{}, err
			}
			for i := range p.Items {
				k := nc.key(&p.Items[i])
				if after == nil || compareNameKeys(&k, after) > 0 {
					all = append(all, keyed{k, p.Items[i]})
				}
			}
			if p.Next == "" {
				break
			}
			f.Page.Cursor = p.Next
		}
		slices.SortFunc(all, func(a, b keyed) int { return compareNameKeys(&a.key, &b.key) })
		limit := req.EffectiveLimit()
		page := homeward.Page[Case]{Items: make([]Case, 0, min(limit, len(all)))}
		for i := range min(limit, len(all)) {
			page.Items = append(page.Items, all[i].c)
		}
		if len(all) > limit {
			page.Next = encodeNameCursor(&all[limit-1].key, lang)
		}
		return page, nil
	})
}

// A name cursor is the language tag, a zero byte, the four parts of the
// key each preceded by its length (uvarint), and the id.
func encodeNameCursor(k *nameKey, lang language.Tag) string {
	b := append([]byte(lang.String()), 0)
	for _, p := range k.parts {
		b = binary.AppendUvarint(b, uint64(len(p)))
		b = append(b, p...)
	}
	b = append(b, k.id...)
	return paging.Encode(string(b))
}

func decodeNameCursor(cursor string, lang language.Tag) (nameKey, error) {
	bad := homeward.Invalid("cursor", "is not a cursor returned by this list")
	raw, err := paging.Decode(cursor)
	if err != nil {
		return nameKey{}, err
	}
	tag, rest, ok := strings.Cut(raw, "\x00")
	if !ok {
		return nameKey{}, bad
	}
	if tag != lang.String() {
		return nameKey{}, homeward.Invalid("cursor", "was returned for another language")
	}
	var k nameKey
	b := []byte(rest)
	for i := range k.parts {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return nameKey{}, bad
		}
		k.parts[i] = b[w : w+int(n)]
		b = b[w+int(n):]
	}
	if len(b) == 0 {
		return nameKey{}, bad
	}
	k.id = CaseID(b)
	return k, nil
}
