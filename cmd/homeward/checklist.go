package main

import (
	"bufio"
	"flag"

	"github.com/homewardkit/homeward/transition"
)

func checklistCommand() *command {
	return &command{
		name:     "checklist",
		synopsis: "checklist [--checklist FILE] [--lang TAG] [--format text|markdown|json]",
		summary:  "show the standard (or a custom) checklist",
		about: `Shows the standard transition-readiness checklist, or the checklist in FILE:
its areas and items, with the critical items marked and guidance per item.
--format json writes the definition format, so a custom checklist can start
as a copy of the standard one:

  homeward checklist --format json > my-checklist.json`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			file := fs.String("checklist", "", "read the checklist definition from `FILE` (\"-\" for standard input) instead of the standard one")
			lang := fs.String("lang", "", "show texts in the language `TAG` (BCP 47; default: the checklist's default language)")
			format := fs.String("format", "text", "output `FORMAT`: text, markdown or json")
			return func(e *env) int { return runChecklist(e, *file, *lang, *format) }
		},
	}
}

func runChecklist(e *env, file, langFlag, formatFlag string) int {
	tag, err := parseLang(langFlag)
	if err != nil {
		return e.usageError("%v", err)
	}
	format, err := parseFormat(formatFlag, transition.FormatText, transition.FormatMarkdown, transition.FormatJSON)
	if err != nil {
		return e.usageError("%v", err)
	}
	c, code := e.loadChecklist(file)
	if code != exitOK {
		return code
	}
	w := bufio.NewWriter(e.stdout)
	err = transition.WriteChecklist(w, c, transition.ReportOptions{Language: checklistLang(tag, c), Format: format})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return e.failf("write checklist: %v", err)
	}
	return exitOK
}
