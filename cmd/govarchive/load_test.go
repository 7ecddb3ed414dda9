package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"govarchive/internal/gen"
	"govarchive/internal/ingest"
)

// Load parameters: bounded so that the test stays under a minute with -race
// on a small machine.
const (
	loadClients  = 8
	loadDuration = 10 * time.Second
	// Each client stays under the service's default per-client rate limit
	// (20/s, burst 60): the load test measures serving, and a 429 counts as
	// an error. TestRateLimitPerClient checks the limiter itself.
	loadClientRate = 15
)

// loopbackClient is an HTTP client whose connections come from a given
// loopback address (all of 127.0.0.0/8 is local on Linux), so that the
// service sees it as its own client, with its own rate-limit budget.
func loopbackClient(t *testing.T, ip string) *http.Client {
	t.Helper()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp4", "127.0.0.1:1") // probe: can we bind this address?
	if err == nil {
		c.Close()
	}
	var opErr *net.OpError
	if err != nil && errors.As(err, &opErr) && opErr.Op == "dial" && strings.Contains(err.Error(), "assign requested address") {
		t.Fatalf("cannot bind loopback address %s: %v", ip, err)
	}
	tr := &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 4}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr, Timeout: 30 * time.Second}
}

// loadTargets builds the read mix from what the archive holds (ids, facet
// values, words of titles), not from names known in advance.
func loadTargets(t *testing.T, base string) []string {
	t.Helper()
	code, body := get(t, base, "/api/search?size=100&facet_size=20")
	var res struct {
		Hits []struct {
			ID, Title string
		}
		Facets map[string][]struct{ Value string }
	}
	if code != http.StatusOK || json.Unmarshal(body, &res) != nil || len(res.Hits) < 5 {
		t.Fatalf("listing documents: %d %.300s", code, body)
	}
	q := url.QueryEscape
	var targets []string
	for i, h := range res.Hits[:min(len(res.Hits), 12)] {
		targets = append(targets, "/api/documents/"+h.ID)
		if i%3 == 0 {
			targets = append(targets, "/api/documents/"+h.ID+"/related")
		}
		if r := []rune(h.Title); len(r) >= 4 {
			w := string(r[len(r)/2-1 : len(r)/2+1]) // two characters from the middle
			targets = append(targets,
				"/api/search?q="+q(w),
				"/api/search?q="+q(w)+"&sort=date_desc&page=2&size=5",
				"/api/suggest?q="+q(string(r[:1])))
		}
	}
	for _, f := range []string{"department", "person", "year", "kind", "issuer"} {
		for _, v := range res.Facets[f][:min(len(res.Facets[f]), 2)] {
			targets = append(targets, "/api/search?"+f+"="+q(v.Value), "/api/search?q="+q("会议")+"&"+f+"="+q(v.Value))
		}
	}
	targets = append(targets, "/api/search?q="+q(`"常务会议"`), "/api/meetings", "/api/decisions?q="+q("工作"))
	return targets
}

type sample struct {
	route string
	d     time.Duration
}

// TestLoad drives `govarchive serve` on loopback with concurrent clients
// doing searches, facets, suggestions and document pages while documents
// are uploaded in parallel. It requires zero errors (a 429 is an error),
// that every acknowledged upload is then in the index, and prints latency
// percentiles. Run it with -race: the handlers, the index and the writer
// all meet here.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test; run without -short")
	}
	data, before := baseArchive(t)
	src := t.TempDir()
	if _, _, err := gen.WriteDir(context.Background(), src, gen.Options{Count: 200, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	uploads, err := ingest.Collect([]string{src})
	if err != nil {
		t.Fatal(err)
	}
	base, stop := serveOnce(startServe(t, map[string]string{"GOVARCHIVE_DATA": data, "GOVARCHIVE_TOKEN": "l0ad"}))
	defer stop()
	targets := loadTargets(t, base)

	ctx, cancel := context.WithTimeout(context.Background(), loadDuration)
	defer cancel()
	var (
		mu       sync.Mutex
		samples  []sample
		failures []string
		acked    int
	)
	fail := func(s string) {
		mu.Lock()
		defer mu.Unlock()
		if len(failures) < 20 {
			failures = append(failures, s)
		} else {
			failures[19] = fmt.Sprintf("… and more (%s)", s)
		}
	}
	var wg sync.WaitGroup
	for c := range loadClients {
		client := loopbackClient(t, fmt.Sprintf("127.0.0.%d", 10+c))
		wg.Add(1)
		go func() {
			defer wg.Done()
			tick := time.NewTicker(time.Second / loadClientRate)
			defer tick.Stop()
			for i := c; ; i++ {
				select {
				case <-ctx.Done():
					return
				case <-tick.C:
				}
				path := targets[(i*7)%len(targets)]
				start := time.Now()
				req, _ := http.NewRequest(http.MethodGet, base+path, nil)
				resp, err := client.Do(req)
				if err != nil {
					fail(fmt.Sprintf("GET %s: %v", path, err))
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				d := time.Since(start)
				if err != nil || resp.StatusCode != http.StatusOK || !json.Valid(body) {
					fail(fmt.Sprintf("GET %s: %d %v %.120s", path, resp.StatusCode, err, body))
					continue
				}
				route, _, _ := strings.Cut(path, "?")
				if strings.HasPrefix(route, "/api/documents/") {
					route = "/api/documents/{id}" + map[bool]string{true: "/related"}[strings.HasSuffix(route, "/related")]
				}
				mu.Lock()
				samples = append(samples, sample{route, d})
				mu.Unlock()
			}
		}()
	}
	// The writer: uploads one generated document after another, from its
	// own address, for as long as the readers run.
	writer := loopbackClient(t, "127.0.0.9")
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, p := range uploads {
			if ctx.Err() != nil {
				return
			}
			b, err := os.ReadFile(p)
			if err != nil {
				fail(err.Error())
				return
			}
			start := time.Now()
			code, msg := uploadWith(writer, base, "l0ad", p[len(src)+1:], b)
			if code/100 != 2 {
				fail(fmt.Sprintf("upload %s: %d %s", p, code, msg))
				continue
			}
			mu.Lock()
			acked++
			samples = append(samples, sample{"POST /api/documents", time.Since(start)})
			mu.Unlock()
			time.Sleep(50 * time.Millisecond) // stay under the writer's rate limit
		}
	}()
	wg.Wait()

	for _, f := range failures {
		t.Error(f)
	}
	reportLatency(t, samples, loadDuration)
	if acked == 0 {
		t.Error("no upload completed during the load")
	}
	if after := served(t, base); after != before+uint64(acked) {
		t.Errorf("documents: %d before, %d uploads acknowledged, %d after", before, acked, after)
	}
	if err := stop(); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("shutdown after load: %v", err)
	}
}

// uploadWith posts a raw body with ?filename= through client.
func uploadWith(client *http.Client, base, token, name string, data []byte) (int, string) {
	req, err := http.NewRequest(http.MethodPost, base+"/api/documents?filename="+url.QueryEscape(name), strings.NewReader(string(data)))
	if err != nil {
		return 0, err.Error()
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := client.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// reportLatency logs p50/p95/p99 overall and per route.
func reportLatency(t *testing.T, samples []sample, over time.Duration) {
	t.Helper()
	if len(samples) == 0 {
		t.Error("no request completed")
		return
	}
	pct := func(ds []time.Duration) string {
		slices.Sort(ds)
		at := func(p float64) time.Duration {
			return ds[min(len(ds)-1, int(p*float64(len(ds))))].Round(100 * time.Microsecond)
		}
		return fmt.Sprintf("n=%-5d p50 %-8v p95 %-8v p99 %-8v max %v", len(ds), at(0.50), at(0.95), at(0.99), ds[len(ds)-1].Round(100*time.Microsecond))
	}
	byRoute := map[string][]time.Duration{}
	var all []time.Duration
	for _, s := range samples {
		byRoute[s.route] = append(byRoute[s.route], s.d)
		if s.route != "POST /api/documents" {
			all = append(all, s.d)
		}
	}
	t.Logf("reads: %s (%.0f req/s over %v, %d clients)", pct(all), float64(len(all))/over.Seconds(), over, loadClients)
	routes := make([]string, 0, len(byRoute))
	for r := range byRoute {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	for _, r := range routes {
		t.Logf("  %-32s %s", r, pct(byRoute[r]))
	}
}

// TestRateLimitPerClient checks the limiter on its own: a client that
// floods gets 429s with Retry-After and a JSON error; another client at the
// same moment is served; and a spoofed X-Forwarded-For does not buy the
// flooder a fresh budget (no trusted proxy is configured).
func TestRateLimitPerClient(t *testing.T) {
	base, stop := serveOnce(startServe(t, map[string]string{"GOVARCHIVE_DATA": t.TempDir()}))
	defer stop()
	flooder := loopbackClient(t, "127.0.0.2")
	polite := loopbackClient(t, "127.0.0.3")
	do := func(c *http.Client, xff string) (int, http.Header, []byte) {
		req, _ := http.NewRequest(http.MethodGet, base+"/healthz", nil)
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
			req.Header.Set("X-Real-IP", xff)
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header, b
	}
	limited := 0
	for i := range 200 {
		code, h, body := do(flooder, "")
		if code == http.StatusTooManyRequests {
			limited++
			var e struct{ Error string }
			if h.Get("Retry-After") == "" || json.Unmarshal(body, &e) != nil || e.Error == "" {
				t.Fatalf("429 without Retry-After or JSON error: %v %s", h, body)
			}
		} else if code != http.StatusOK {
			t.Fatalf("request %d: %d", i, code)
		}
	}
	if limited == 0 {
		t.Fatal("200 requests in a burst were all served: no rate limit")
	}
	if code, _, _ := do(polite, ""); code != http.StatusOK {
		t.Errorf("another client is refused while one floods: %d", code)
	}
	spoofed := 0
	for i := range 20 {
		if code, _, _ := do(flooder, fmt.Sprintf("203.0.113.%d", i+1)); code == http.StatusTooManyRequests {
			spoofed++
		}
	}
	if spoofed < 15 {
		t.Errorf("a spoofed X-Forwarded-For got the flooder %d of 20 requests through", 20-spoofed)
	}
	t.Logf("burst of 200: %d limited; spoofed X-Forwarded-For: %d of 20 still limited", limited, spoofed)
}
