package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"govarchive/internal/document"
)

// TestLoadWhileIngesting drives the service on loopback with concurrent
// clients (searches, facets, document and browse pages) while documents are
// written in parallel, for a bounded time: zero errors, and the latency
// figures are printed.
func TestLoadWhileIngesting(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	env := newTestEnv(t, Deps{})
	env.e = New(Deps{Index: env.ix, Limits: Limits{RatePerSecond: 1e6, Burst: 1e6}})
	srv := httptest.NewServer(env.e)
	defer srv.Close()

	targets := []string{
		"/api/search?q=" + q("献血"),
		"/api/search?q=" + q("会议") + "&sort=date_desc",
		"/api/search?department=" + q("苏州市卫生健康委员会") + "&year=2020",
		"/api/search?q=" + q("防汛 工作") + "&page=2&size=5",
		"/api/documents/" + env.docs[0].ID,
		"/api/documents/" + env.docs[0].ID + "/related",
		"/api/meetings",
		"/api/decisions?q=" + q("献血"),
		"/api/people/" + q("李亚平"),
		"/api/departments/" + q("市卫健委"),
		"/api/suggest?q=" + q("李"),
	}
	const clients, duration = 4, 2 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()

	// The writer adds a document every few milliseconds.
	var written int
	writerDone := make(chan error, 1)
	go func() {
		for i := 0; ctx.Err() == nil; i++ {
			text := fmt.Sprintf("关于第%d批防汛工作的会议纪要\n会议研究了防汛工作，由市水务局牵头。", i)
			d := &document.Document{Source: fmt.Sprintf("load-%d.txt", i), SourcePath: fmt.Sprintf("/load/%d", i),
				Kind: document.KindMinutes, Title: fmt.Sprintf("防汛工作会议纪要（第%d批）", i), Date: "2022-06-01", Text: text,
				Departments: []string{"市水务局"}}
			d.ID = document.ContentID(text)
			if _, err := env.ix.Put(context.Background(), []*document.Document{d}); err != nil {
				writerDone <- err
				return
			}
			written++
			time.Sleep(5 * time.Millisecond)
		}
		writerDone <- nil
	}()

	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  []string
		wg        sync.WaitGroup
	)
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := srv.Client()
			for i := c; ctx.Err() == nil; i++ {
				target := targets[i%len(targets)]
				start := time.Now()
				res, err := client.Get(srv.URL + target)
				if err != nil {
					if ctx.Err() == nil {
						mu.Lock()
						failures = append(failures, fmt.Sprintf("%s: %v", target, err))
						mu.Unlock()
					}
					return
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				d := time.Since(start)
				mu.Lock()
				latencies = append(latencies, d)
				if res.StatusCode != http.StatusOK {
					failures = append(failures, fmt.Sprintf("%s: status %d", target, res.StatusCode))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if err := <-writerDone; err != nil {
		t.Fatalf("writer: %v", err)
	}
	for _, f := range failures {
		t.Error(f)
	}
	if len(latencies) == 0 {
		t.Fatal("no request completed")
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	t.Logf("%d requests from %d clients in %v with %d documents written meanwhile: p50 %v, p95 %v, p99 %v, max %v",
		len(latencies), clients, duration, written, pct(.50), pct(.95), pct(.99), latencies[len(latencies)-1])

	// Nothing written was lost.
	n, err := env.ix.Count(context.Background())
	if err != nil || n != uint64(len(env.docs)+written) {
		t.Errorf("count = %d (%v), want %d", n, err, len(env.docs)+written)
	}
}
