package main

import (
	"strings"
	"testing"
)

func TestUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string // substring of standard output
		stderr   string // substring of standard error
		noStdout bool
	}{
		{name: "no command", args: nil, code: exitUsage, stderr: "Usage:", noStdout: true},
		{name: "help", args: []string{"help"}, code: exitOK, stdout: "homeward assess --answers FILE"},
		{name: "--help", args: []string{"--help"}, code: exitOK, stdout: "Commands:"},
		{name: "-h", args: []string{"-h"}, code: exitOK, stdout: "Exit codes"},
		{name: "help mentions --db", args: []string{"help"}, code: exitOK, stdout: "--db DSN"},
		{name: "help command", args: []string{"help", "assess"}, code: exitOK, stdout: "-format FORMAT"},
		{name: "help unknown command", args: []string{"help", "nope"}, code: exitUsage, stderr: `unknown command "nope"`},
		{name: "unknown command", args: []string{"frobnicate"}, code: exitUsage, stderr: `unknown command "frobnicate"`, noStdout: true},
		{name: "checklist --help", args: []string{"checklist", "--help"}, code: exitOK, stdout: "Usage: homeward checklist"},
		{name: "validate -h", args: []string{"validate", "-h"}, code: exitOK, stdout: "Usage: homeward validate"},
		{name: "assess --help", args: []string{"assess", "--help"}, code: exitOK, stdout: "JSON Lines"},
		{name: "demo --help", args: []string{"demo", "--help"}, code: exitOK, stdout: "-db DSN"},
		{name: "checklist bad flag", args: []string{"checklist", "--nope"}, code: exitUsage, stderr: "flag provided but not defined: -nope", noStdout: true},
		{name: "validate bad flag", args: []string{"validate", "--checklist"}, code: exitUsage, stderr: "flag needs an argument", noStdout: true},
		{name: "assess bad flag", args: []string{"assess", "-x"}, code: exitUsage, stderr: "Usage: homeward assess", noStdout: true},
		{name: "demo bad flag", args: []string{"demo", "--database", "x"}, code: exitUsage, stderr: "Usage: homeward demo", noStdout: true},
		{name: "extra argument", args: []string{"checklist", "extra"}, code: exitUsage, stderr: `unexpected argument "extra"`},
		{name: "bad lang", args: []string{"checklist", "--lang", "not a tag!"}, code: exitUsage, stderr: "--lang"},
		{name: "demo bad lang", args: []string{"demo", "--lang", "xx_!!"}, code: exitUsage, stderr: "BCP 47"},
		{name: "assess bad lang", args: []string{"assess", "--answers", "x.json", "--lang", "123456789"}, code: exitUsage, stderr: "--lang"},
		{name: "bad format", args: []string{"checklist", "--format", "pdf"}, code: exitUsage, stderr: `unknown format "pdf"`},
		{name: "html checklist", args: []string{"checklist", "--format", "html"}, code: exitUsage, stderr: "not available here"},
		{name: "validate without file", args: []string{"validate"}, code: exitUsage, stderr: "--checklist is required"},
		{name: "assess without answers", args: []string{"assess"}, code: exitUsage, stderr: "--answers is required"},
		{name: "assess two stdins", args: []string{"assess", "--answers", "-", "--checklist", "-"}, code: exitUsage, stderr: "both read standard input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runTool(t, "", tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit code %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, r.stdout)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, r.stderr)
			}
			if tt.noStdout && r.stdout != "" {
				t.Errorf("unexpected stdout:\n%s", r.stdout)
			}
			if tt.code == exitOK && r.stderr != "" {
				t.Errorf("unexpected stderr:\n%s", r.stderr)
			}
		})
	}
}

// TestEveryCommandHasHelp checks that every command documents each of its
// flags.
func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands() {
		r := runTool(t, "", c.name, "--help")
		if r.code != exitOK {
			t.Fatalf("%s --help: exit %d", c.name, r.code)
		}
		fs := newFlagSet(c)
		c.setup(fs)
		for _, name := range []string{"checklist", "lang", "format", "answers", "out", "db"} {
			if fs.Lookup(name) != nil && !strings.Contains(r.stdout, "-"+name) {
				t.Errorf("%s --help does not document --%s", c.name, name)
			}
		}
	}
}
