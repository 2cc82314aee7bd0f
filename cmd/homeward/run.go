package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/transition"
)

// Exit codes of the tool.
const (
	exitOK      = 0 // done
	exitInvalid = 1 // an input is invalid, or a file or database failed
	exitUsage   = 2 // the command line is wrong
)

// stdinName names standard input in messages.
const stdinName = "<stdin>"

// command is one subcommand of the tool.
type command struct {
	name     string
	synopsis string // the usage line after "homeward "
	summary  string // one line for the command list
	about    string // what the command does, shown by --help
	// setup defines the command's flags on fs and returns the function that
	// runs the command once the flags are parsed.
	setup func(fs *flag.FlagSet) func(e *env) int
	// args marks a command that takes arguments besides its flags (such as
	// a subcommand and a FILE); flags may come before, between and after
	// them, and the command finds them in env.args.
	args bool
}

// commands lists the tool's commands in the order help shows them.
func commands() []*command {
	return []*command{checklistCommand(), validateCommand(), assessCommand(), scheduleCommand(), caseCommand(), demoCommand()}
}

func findCommand(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// env is what a command runs with: the context, the standard streams, and
// the command with its parsed flags.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	cmd    *command
	fs     *flag.FlagSet
	args   []string // the arguments besides the flags, for a command that takes them
}

// run runs the tool with the arguments after the program name and returns
// the exit code. It is main without the process: tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// Nothing should panic; if something does, report it as a failure
		// instead of a stack trace that could show a record's contents.
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "homeward: internal error: %v\n", p)
			code = exitInvalid
		}
	}()
	if len(args) == 0 {
		fmt.Fprintln(stderr, "homeward: no command given")
		writeUsage(stderr)
		return exitUsage
	}
	switch name := args[0]; name {
	case "help", "-h", "-help", "--help":
		if name == "help" && len(args) > 1 {
			c := findCommand(args[1])
			if c == nil || len(args) > 2 {
				fmt.Fprintf(stderr, "homeward help: unknown command %q\n", strings.Join(args[1:], " "))
				writeUsage(stderr)
				return exitUsage
			}
			fs := newFlagSet(c)
			c.setup(fs)
			writeCommandUsage(stdout, c, fs)
			return exitOK
		}
		writeUsage(stdout)
		return exitOK
	}
	c := findCommand(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "homeward: unknown command %q\n", args[0])
		writeUsage(stderr)
		return exitUsage
	}
	fs := newFlagSet(c)
	exec := c.setup(fs)
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, cmd: c, fs: fs}
	rest, err := parseArgs(fs, args[1:], c.args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			writeCommandUsage(stdout, c, fs)
			return exitOK
		}
		return e.usageError("%v", err)
	}
	if len(rest) > 0 && !c.args {
		return e.usageError("unexpected argument %q", rest[0])
	}
	e.args = rest
	return exec(e)
}

// parseArgs parses the flags in args and returns the other arguments. When
// interleaved, flags may also follow the arguments, up to a "--".
func parseArgs(fs *flag.FlagSet, args []string, interleaved bool) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if !interleaved || len(left) == 0 {
			return append(rest, left...), nil
		}
		if n := len(args) - len(left); n > 0 && args[n-1] == "--" {
			return append(rest, left...), nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

func newFlagSet(c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("homeward "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors and usage are written by run
	return fs
}

// writeUsage writes the tool's usage.
func writeUsage(w io.Writer) {
	var b strings.Builder
	b.WriteString("Homeward: transition-readiness checklists and assessments, and case files.\n\nUsage:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  homeward %s\n", c.synopsis)
	}
	b.WriteString("  homeward help [COMMAND]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	b.WriteString(`
Run "homeward COMMAND --help" for the flags of a command.
FILE may be "-" for standard input. TAG is a BCP 47 language tag (en, nl, es, es-MX, ...).
Commands that read or write records (for now: demo) take --db DSN: a SQLite file path,
":memory:", or a postgres:// URL.

Exit codes: 0 done, 1 invalid input (the file, field path and problem are named on
standard error), 2 usage error.
`)
	io.WriteString(w, b.String())
}

// writeCommandUsage writes the usage of one command with its flags.
func writeCommandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: homeward %s\n\n%s\n", c.synopsis, strings.TrimSpace(c.about))
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		b.WriteString("\nFlags:\n")
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	io.WriteString(w, b.String())
}

// usageError reports a usage problem with the command and its usage on
// standard error and returns exitUsage.
func (e *env) usageError(format string, args ...any) int {
	fmt.Fprintf(e.stderr, "homeward %s: %s\n", e.cmd.name, fmt.Sprintf(format, args...))
	writeCommandUsage(e.stderr, e.cmd, e.fs)
	return exitUsage
}

// failf reports a failure that is not a usage error and returns exitInvalid.
func (e *env) failf(format string, args ...any) int {
	fmt.Fprintf(e.stderr, "homeward %s: %s\n", e.cmd.name, fmt.Sprintf(format, args...))
	return exitInvalid
}

// writeProblems writes every problem of err, one a line, as
// "FILE: path: problem", or "FILE:LINE: path: problem" when line > 0.
func writeProblems(w io.Writer, file string, line int, err error) {
	where := file
	if line > 0 {
		where = fmt.Sprintf("%s:%d", file, line)
	}
	var ve *homeward.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) == 0 {
		fmt.Fprintf(w, "%s: %v\n", where, err)
		return
	}
	var b strings.Builder
	for _, f := range ve.Fields {
		b.WriteString(where)
		b.WriteString(": ")
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	io.WriteString(w, b.String())
}

// parseLang reads the --lang flag. An empty flag gives language.Und, which
// callers replace with their default.
func parseLang(s string) (language.Tag, error) {
	if s == "" {
		return language.Und, nil
	}
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, fmt.Errorf("--lang: %q is not a BCP 47 language tag (for example en, nl, es-MX)", s)
	}
	return t, nil
}

// parseFormat reads the --format flag and checks it is one of allowed.
func parseFormat(s string, allowed ...transition.Format) (transition.Format, error) {
	names := make([]string, len(allowed))
	for i, f := range allowed {
		names[i] = string(f)
	}
	want := strings.Join(names, ", ")
	f, err := transition.ParseFormat(s)
	if err != nil {
		return "", fmt.Errorf("--format: unknown format %q (want %s)", s, want)
	}
	for _, a := range allowed {
		if f == a {
			return f, nil
		}
	}
	return "", fmt.Errorf("--format: %s is not available here (want %s)", f, want)
}

// displayName is how messages name the file at path.
func displayName(path string) string {
	if path == "-" {
		return stdinName
	}
	return path
}

// readInput reads the whole file at path, or standard input for "-".
func (e *env) readInput(path string) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(e.stdin)
	}
	return os.ReadFile(path)
}

// loadChecklist reads the checklist at path, or returns the standard one
// when path is empty. On failure it writes the problems and returns
// exitInvalid.
func (e *env) loadChecklist(path string) (*transition.Checklist, int) {
	if path == "" {
		return transition.Standard(), exitOK
	}
	data, err := e.readInput(path)
	if err != nil {
		return nil, e.failf("%v", err)
	}
	c, err := transition.ParseChecklist(data)
	if err != nil {
		writeProblems(e.stderr, displayName(path), 0, err)
		return nil, exitInvalid
	}
	return c, exitOK
}

// checklistLang is the language to show c in: tag when given, else c's
// default language.
func checklistLang(tag language.Tag, c *transition.Checklist) language.Tag {
	if tag != language.Und {
		return tag
	}
	if t, err := language.Parse(c.DefaultLanguage); err == nil {
		return t
	}
	return language.English
}
