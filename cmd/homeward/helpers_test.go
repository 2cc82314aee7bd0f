package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/homewardkit/homeward/transition"
)

// result is what one run of the tool produced.
type result struct {
	code           int
	stdout, stderr string
}

// runTool runs the tool with args and stdin as standard input.
func runTool(t testing.TB, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	if strings.Contains(errb.String(), "internal error") {
		t.Fatalf("homeward %s: %s", strings.Join(args, " "), errb.String())
	}
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

// writeFile writes content to name in a new temporary folder and returns
// its path.
func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// itemIDs returns the item ids of c in checklist order.
func itemIDs(c *transition.Checklist) []string {
	var ids []string
	for _, a := range c.Areas {
		for _, it := range a.Items {
			ids = append(ids, it.ID)
		}
	}
	return ids
}

// genAssessment writes assessment n of a deterministic pseudo-random series
// for the standard checklist as one line of JSON: of ten items, on average
// four met, two in progress, two not started, one not applicable and one
// unanswered, with evidence now and then.
func genAssessment(b *bytes.Buffer, rng *rand.Rand, ids []string, n int) {
	fmt.Fprintf(b, `{"id":"a%06d","org":"org-%03d","checklist":"transition-readiness","checklist_version":"1","date":"2027-%02d-%02d","assessor":"staff","answers":{`,
		n, n%500, 1+n%12, 1+n%28)
	first := true
	for _, id := range ids {
		k := rng.IntN(10)
		if k == 0 {
			continue // unanswered
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		var st transition.Status
		switch {
		case k <= 4:
			st = transition.StatusMet
		case k <= 6:
			st = transition.StatusInProgress
		case k <= 8:
			st = transition.StatusNotStarted
		default:
			st = transition.StatusNotApplicable
		}
		fmt.Fprintf(b, `%q:{"status":%q`, id, st)
		if k == 1 {
			b.WriteString(`,"evidence":"minutes of the meeting"`)
		}
		b.WriteByte('}')
	}
	b.WriteString("}}\n")
}

// genBatch returns n assessments as JSON Lines.
func genBatch(n int) []byte {
	var b bytes.Buffer
	writeBatch(&b, n)
	return b.Bytes()
}

// writeBatch writes n assessments as JSON Lines to w, one at a time.
func writeBatch(w io.Writer, n int) error {
	rng := rand.New(rand.NewPCG(1, 2))
	ids := itemIDs(transition.Standard())
	var b bytes.Buffer
	for i := range n {
		b.Reset()
		genAssessment(&b, rng, ids, i)
		if _, err := w.Write(b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// decodeLines decodes JSON Lines into maps.
func decodeLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}
