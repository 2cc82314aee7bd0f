// Command homeward is the command-line tool of Homeward, for researchers and
// NGO staff who work with the transition-readiness checklist without writing
// Go.
//
// Usage:
//
//	homeward checklist [--checklist FILE] [--lang TAG] [--format text|markdown|json]
//	homeward validate --checklist FILE
//	homeward assess --answers FILE [--checklist FILE] [--lang TAG] [--format text|markdown|json|html] [--out FILE]
//	homeward schedule --placed YYYY-MM-DD --risk low|medium|high [--policy FILE] [--format text|json|csv] [--reviews]
//	homeward case check FILE
//	homeward case summarize FILE [--format json|text] [--on YYYY-MM-DD] [--purpose peer_learning|research] [--reference LABEL] [--lang TAG]
//	homeward demo [--db DSN] [--lang TAG]
//	homeward help [COMMAND]
//
// checklist shows the standard five-area checklist (local partner, care team,
// tailoring, government, network) or a custom one; with --format json it
// writes the definition format, so a custom checklist can start as a copy of
// the standard one. validate lists every problem of a checklist definition,
// each with its file, field path and problem. assess scores an assessment (a
// JSON document) and writes its report as text, Markdown, JSON or a
// self-contained HTML page; a file of JSON Lines, one assessment a line, is
// scored as a streaming batch that writes one result a line, so files of any
// length can be scored in constant memory. schedule lists the follow-up
// visits due after a family placement by the default or a given follow-up
// policy. case check lists every problem of a case file (the
// homeward-case/1 interchange shape of the casework package: a case with its
// household, assessments, plans and notes); case summarize writes its
// de-identified summary, as text or JSON, when the case holds a consent for
// the purpose (peer learning or research) on the day of the summary. "-"
// reads standard input. demo
// records two assessments of an example organisation six months apart in a
// database (a new SQLite file in a temporary folder unless --db names
// another), prints both reports and the progress between them, and reads the
// history back from the database.
//
// --lang takes a BCP 47 language tag; reports are written in English, Dutch
// or Spanish, whichever is nearest. Commands that read or write records take
// --db with a SQLite file path, ":memory:" or a postgres:// URL.
//
// Exit codes: 0 when done, 1 when an input is invalid (standard error names
// the file, the field path and the problem), 2 for a usage error.
package main
