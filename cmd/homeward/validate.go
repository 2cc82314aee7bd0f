package main

import (
	"flag"
	"fmt"

	"github.com/homewardkit/homeward/transition"
)

func validateCommand() *command {
	return &command{
		name:     "validate",
		synopsis: "validate --checklist FILE",
		summary:  "check a checklist definition and list every problem",
		about: `Checks the checklist definition in FILE and lists every problem, one a line,
as "FILE: path: problem". Exits with 1 when the checklist is invalid; prints
a one-line summary when it is valid.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			file := fs.String("checklist", "", "the checklist definition to check (`FILE`, \"-\" for standard input; required)")
			return func(e *env) int { return runValidate(e, *file) }
		},
	}
}

func runValidate(e *env, file string) int {
	if file == "" {
		return e.usageError("--checklist is required")
	}
	data, err := e.readInput(file)
	if err != nil {
		return e.failf("%v", err)
	}
	name := displayName(file)
	c, err := transition.ParseChecklist(data)
	if err != nil {
		writeProblems(e.stderr, name, 0, err)
		return exitInvalid
	}
	items := 0
	for _, a := range c.Areas {
		items += len(a.Items)
	}
	fmt.Fprintf(e.stdout, "%s: valid checklist %s version %s (%s, %s)\n", name, c.ID, c.Version,
		plural(len(c.Areas), "area", "areas"), plural(items, "item", "items"))
	return exitOK
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
