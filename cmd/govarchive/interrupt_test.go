package main

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"govarchive/internal/gen"
)

// cancelOn cancels a context once the log holds a line; it is the stderr
// of a command.
type cancelOn struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	line   string
	cancel context.CancelFunc
}

func (w *cancelOn) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if strings.Contains(w.buf.String(), w.line) {
		w.cancel()
	}
	return len(p), nil
}

// TestInterruptedIngestSaysWhatItIndexed: an ingest stopped by a signal
// prints what it indexed before it stopped and says to run it again (it
// printed only "context canceled"); the index holds those documents.
func TestInterruptedIngestSaysWhatItIndexed(t *testing.T) {
	src, data := t.TempDir(), t.TempDir()
	if _, _, err := gen.WriteDir(context.Background(), src, gen.Options{Count: 60, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	logs := &cancelOn{line: "batch indexed", cancel: cancel}
	var out bytes.Buffer
	env := map[string]string{"GOVARCHIVE_DATA": data}
	err := run(ctx, []string{"ingest", "--log-level", "debug", "--batch-size", "4", "--workers", "1", src}, &out, logs,
		func(k string) string { return env[k] })
	if err == nil || !strings.Contains(err.Error(), "run it again") {
		t.Fatalf("interrupted ingest: %v", err)
	}
	m := regexp.MustCompile(`added (\d+),`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no summary of what was indexed:\n%s", out.String())
	}
	added, _ := strconv.Atoi(m[1])
	if added < 4 || added >= 60 {
		t.Errorf("summary says %d added, want a batch or more and less than all", added)
	}
	res, err := runCLI(t, env, "search", "--json", "--size", "1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res, `"total": `+m[1]+",") {
		t.Errorf("the index after the interrupt does not hold the %d documents reported:\n%.300s", added, res)
	}
}
