package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// benchBatchSize is the number of assessments of BenchmarkAssessBatch.
const benchBatchSize = 100_000

// BenchmarkAssessBatch times "homeward assess --format json" over 100,000
// JSON Lines assessments of the standard checklist (deterministic
// pseudo-random answers), writing to io.Discard. The file is written once,
// before the timing starts.
func BenchmarkAssessBatch(b *testing.B) {
	path := filepath.Join(b.TempDir(), "assessments.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	err = writeBatch(w, benchBatchSize)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	args := []string{"assess", "--answers", path, "--format", "json"}
	b.ReportAllocs()
	for b.Loop() {
		var errb bytes.Buffer
		if code := run(context.Background(), args, nil, io.Discard, &errb); code != exitOK {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
	b.ReportMetric(float64(benchBatchSize)*float64(b.N)/b.Elapsed().Seconds(), "assessments/s")
}
