package cohort

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/homewardkit/homeward/casework"
)

// nameFinder tells whether a text still names the child of a case or a
// member of its household, before the text is shared with a cohort. Names
// are compared as casework.NormalizeName compares them (case, width and
// accents do not matter) and as whole words: "AMINA", "Amína" and
// "Amina's" name Amina, "Aminata" does not. Each name is looked for whole
// ("Amina Otieno") and word by word ("Amina", "Otieno"); single letters
// (initials) are not looked for. A name in a script written without
// spaces between words is looked for anywhere in the text. A name that is
// also an ordinary word ("Hope", "Said") is found wherever the word is
// used: the check errs on the side of the child.
type nameFinder struct {
	phrases []string // normalised names, words separated by single spaces
}

// newNameFinder collects the names of the child of c, of every member of
// household h (nil: none) and of the people who gave the case's consents.
func newNameFinder(c *casework.Case, h *casework.Household) *nameFinder {
	f := &nameFinder{}
	f.add(c.Child.GivenName, c.Child.FamilyName)
	if h != nil {
		for _, m := range h.Members {
			f.add(m.GivenName, m.FamilyName)
		}
	}
	for _, cs := range c.Consents {
		f.add(cs.GivenBy, "")
	}
	return f
}

// add records a person's given and family names, whole and word by word.
func (f *nameFinder) add(given, family string) {
	g, fam := casework.NormalizeName(given), casework.NormalizeName(family)
	for _, full := range []string{g, fam, strings.TrimSpace(g + " " + fam), strings.TrimSpace(fam + " " + g)} {
		f.addPhrase(full)
		for _, w := range strings.Fields(full) {
			f.addPhrase(w)
		}
	}
}

func (f *nameFinder) addPhrase(p string) {
	if utf8.RuneCountInString(p) < 2 {
		return
	}
	for _, q := range f.phrases {
		if q == p {
			return
		}
	}
	f.phrases = append(f.phrases, p)
}

// in reports whether text contains one of the names. It never returns the
// name, so that an error built on it cannot repeat it.
func (f *nameFinder) in(text string) bool {
	if len(f.phrases) == 0 || strings.TrimSpace(text) == "" {
		return false
	}
	// Apostrophes are dropped by NormalizeName ("O'Brien" is "obrien"),
	// which would also glue a possessive to its name ("Amina's" is
	// "aminas"): the text is looked at both ways.
	plain := " " + casework.NormalizeName(text) + " "
	split := " " + casework.NormalizeName(strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return ' '
		}
		return r
	}, text)) + " "
	for _, p := range f.phrases {
		if unspacedScript(p) {
			if strings.Contains(plain, p) {
				return true
			}
			continue
		}
		w := " " + p + " "
		if strings.Contains(plain, w) || strings.Contains(split, w) {
			return true
		}
	}
	return false
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '`', '´':
		return true
	}
	return false
}

// unspacedScript reports whether s holds a letter of a script written
// without spaces between words.
func unspacedScript(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan) {
			return true
		}
	}
	return false
}
