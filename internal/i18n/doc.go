// Package i18n is Homeward's translation catalogue: English, Dutch and
// Spanish, on golang.org/x/text/message. Each package builds its own
// [Catalog] from a table of messages; nothing is written to
// message.DefaultCatalog, so an embedding program's own catalogue is left
// alone.
package i18n
