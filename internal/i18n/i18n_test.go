package i18n

import (
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

func TestMatch(t *testing.T) {
	for in, want := range map[string]language.Tag{
		"es-MX": language.Spanish, "nl-BE": language.Dutch, "en-GB": language.English,
		"fr": language.English, "und": language.English, "es": language.Spanish, "nl": language.Dutch,
	} {
		require.Equal(t, want, Match(language.MustParse(in)), in)
	}
}

func TestCatalog(t *testing.T) {
	c := New([]Texts{{En: "%d items", Nl: "%d punten", Es: "%d elementos"}, {En: "Score", Nl: "Score"}})
	require.Equal(t, "3 punten", c.Printer(language.MustParse("nl-BE")).Sprintf("%d items", 3))
	require.Equal(t, "3 elementos", c.Printer(language.MustParse("es-MX")).Sprintf("%d items", 3))
	require.Equal(t, "3 items", c.Printer(language.French).Sprintf("%d items", 3))
	require.Equal(t, "Score", c.Printer(language.Spanish).Sprintf("Score"), "falls back to English")
	require.Equal(t, []string{`es: "Score"`}, c.Missing())
}
