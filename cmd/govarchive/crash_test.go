package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"govarchive/index"
	"govarchive/internal/app"
	"govarchive/internal/document"
	"govarchive/internal/gen"
	"govarchive/internal/ingest"
)

// TestMain lets a test run the real program in a child process (the test
// binary re-executed), so it can be killed like a deployed binary.
func TestMain(m *testing.M) {
	if os.Getenv("GOVARCHIVE_TEST_AS_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func childCommand(ctx context.Context, data string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(),
		"GOVARCHIVE_TEST_AS_MAIN=1",
		"GOVARCHIVE_DATA="+data,
		"GOVARCHIVE_LOG_LEVEL=error",
	)
	return cmd
}

// TestKillDuringIngest SIGKILLs ingests at different moments — before the
// first batch, between batches, in the middle of one — and checks that the
// index opens afterwards and holds whole documents only, and that a rerun
// completes it without duplicates.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes; run without -short")
	}
	src := t.TempDir()
	if _, _, err := gen.WriteDir(context.Background(), src, gen.Options{Count: 300, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	paths, err := ingest.Collect([]string{src})
	if err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	// Kill after this many indexed batches (0: while still starting), plus a
	// little jitter so some kills land inside a batch write.
	for i, batches := range []int{0, 1, 3, 6, 9} {
		cmd := childCommand(context.Background(), data, "ingest", "--batch-size", "16", "--log-level", "debug", src)
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		seen := 0
		sc := bufio.NewScanner(stderr)
		for seen < batches && sc.Scan() {
			if strings.Contains(sc.Text(), "batch indexed") {
				seen++
			}
		}
		time.Sleep(time.Duration(i*37) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		go func() { _, _ = io.Copy(io.Discard, stderr) }()
		_ = cmd.Wait()
		n := checkWhole(t, data)
		t.Logf("kill %d after %d batches: %d documents survived, all whole", i+1, seen, n)
	}

	out, err := childCommand(context.Background(), data, "ingest", "--json", src).Output()
	if err != nil {
		t.Fatalf("rerun after kills: %v", err)
	}
	var sum ingest.Summary
	if err := json.Unmarshal(out, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 0 || sum.Total() != len(paths) {
		t.Fatalf("rerun summary %+v for %d files", sum, len(paths))
	}
	if n, want := checkWhole(t, data), countUnique(t, paths); n != want {
		t.Fatalf("after rerun: %d documents, want %d (duplicates or losses)", n, want)
	}
}

// checkWhole opens the index as a restarted service would and checks that
// every document reads back complete: its stored text still hashes to its id.
func checkWhole(t *testing.T, data string) int {
	t.Helper()
	ctx := context.Background()
	a, err := app.Open(ctx, app.Config{DataDir: data})
	if err != nil {
		t.Fatalf("index does not open after a kill: %v", err)
	}
	defer a.Close()
	total := 0
	for page := 1; ; page++ {
		res, err := a.Index.Search(ctx, index.Query{Page: page, Size: 100, IncludeDocuments: true, NoFacets: true})
		if err != nil {
			t.Fatalf("search after a kill: %v", err)
		}
		for _, h := range res.Hits {
			d := h.Document
			if d == nil || d.Text == "" || document.ContentID(d.Text) != h.ID {
				t.Fatalf("partial document after a kill: %s", h.ID)
			}
		}
		total += len(res.Hits)
		if len(res.Hits) < 100 {
			if uint64(total) != res.Total {
				t.Fatalf("paged %d documents, total says %d", total, res.Total)
			}
			return total
		}
	}
}

// countUnique is the number of distinct contents among the files (the index
// keeps one document per content).
func countUnique(t *testing.T, paths []string) int {
	t.Helper()
	seen := map[string]bool{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		seen[string(b)] = true
	}
	return len(seen)
}
