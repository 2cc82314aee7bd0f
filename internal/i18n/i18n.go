package i18n

import (
	"fmt"
	"slices"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Languages are the languages every catalogue supports, English first (the
// fallback).
var Languages = []language.Tag{language.English, language.Dutch, language.Spanish}

var matcher = language.NewMatcher(Languages)

// Match returns the supported language nearest to t: es-MX gives Spanish,
// nl-BE Dutch, and anything unsupported English.
func Match(t language.Tag) language.Tag {
	_, i, conf := matcher.Match(t)
	if conf == language.No {
		return language.English
	}
	return Languages[i]
}

// Texts is one message in each supported language. The English text is also
// the message's key and may hold fmt verbs, which every translation must
// keep in the same order.
type Texts struct{ En, Nl, Es string }

// Catalog translates a package's messages.
type Catalog struct {
	printers map[language.Tag]*message.Printer
	missing  []string
}

// New builds a catalogue from msgs, which are keyed by their English text.
// Missing translations fall back to English and are reported by Missing, so
// a package's test fails when a language lacks a key.
func New(msgs []Texts) *Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	c := &Catalog{printers: make(map[language.Tag]*message.Printer)}
	for _, m := range msgs {
		for i, s := range []string{m.En, m.Nl, m.Es} {
			if s == "" {
				c.missing = append(c.missing, fmt.Sprintf("%s: %q", Languages[i], m.En))
				continue
			}
			if err := b.SetString(Languages[i], m.En, s); err != nil {
				c.missing = append(c.missing, fmt.Sprintf("%s: %q: %v", Languages[i], m.En, err))
			}
		}
	}
	for _, t := range Languages {
		c.printers[t] = message.NewPrinter(t, message.Catalog(b))
	}
	return c
}

// Printer returns the printer for the supported language nearest to t.
func (c *Catalog) Printer(t language.Tag) *message.Printer {
	return c.printers[Match(t)]
}

// Missing lists the translations that are absent, as "lang: key".
func (c *Catalog) Missing() []string { return slices.Clone(c.missing) }
