package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"

	"govarchive/index"
	"govarchive/internal/app"
	"govarchive/internal/clean"
	"govarchive/internal/dept"
	"govarchive/internal/ingest"
	"govarchive/internal/textio"
)

// Phases a child process runs.
const (
	PhaseIngest  = "ingest"
	PhaseQuery   = "query"
	PhaseSegment = "segment"
)

// Variants: govarchive's gse analysis, and bleve's cjk bigram analyzer.
const (
	VariantGSE = "gse"
	VariantCJK = "cjk"
)

// Request tells a child process which phase to run. It travels as JSON on
// the child's standard input.
type Request struct {
	Phase     string `json:"phase"`
	Variant   string `json:"variant,omitempty"`
	Corpus    string `json:"corpus,omitempty"` // folder of generated files
	Index     string `json:"index,omitempty"`  // data directory (gse) or index directory (cjk)
	Workers   int    `json:"workers,omitempty"`
	BatchSize int    `json:"batch_size,omitempty"`
	Clients   []int  `json:"clients,omitempty"`
	Rounds    int    `json:"rounds,omitempty"`
	// NoFacets runs the workload without facets, to tell their cost.
	NoFacets bool `json:"no_facets,omitempty"`
	// Shards, above 1, splits the index into shards (index.Shards).
	Shards int `json:"shards,omitempty"`
	// CPUProfile and AllocsProfile, when set, are files the phase writes
	// pprof profiles to: CPU of its measured part, allocations since the
	// process started (dictionary loading included).
	CPUProfile    string `json:"cpu_profile,omitempty"`
	AllocsProfile string `json:"allocs_profile,omitempty"`
}

// Result is what a child reports back on its standard output. PeakRSS is
// filled in by the parent from the child's resource usage.
type Result struct {
	Ingest  *IngestResult  `json:"ingest,omitempty"`
	Query   *QueryResult   `json:"query,omitempty"`
	Segment *SegmentResult `json:"segment,omitempty"`
	PeakRSS int64          `json:"peak_rss_bytes"`
}

// IngestResult measures one end-to-end ingest into a fresh index.
type IngestResult struct {
	Files        int     `json:"files"`
	Failed       int     `json:"failed"`
	Bytes        int64   `json:"bytes"`         // of the source files
	SetupSeconds float64 `json:"setup_seconds"` // dictionaries and index creation, once per process
	Seconds      float64 `json:"seconds"`       // pipeline run plus the final flush (close)
	CPUSeconds   float64 `json:"cpu_seconds"`   // CPU time of the same span, all threads
	DocsPerSec   float64 `json:"docs_per_sec"`
	DocsPerCPU   float64 `json:"docs_per_cpu_sec"`
	MBPerSec     float64 `json:"mb_per_sec"`
	IndexBytes   int64   `json:"index_bytes"`
	PeakRSS      int64   `json:"peak_rss_bytes"`
}

// SegmentResult measures gse segmentation alone over the corpus text.
type SegmentResult struct {
	Files      int     `json:"files"`
	Bytes      int64   `json:"bytes"` // of the source files, as for ingest
	Workers    int     `json:"workers"`
	Seconds    float64 `json:"seconds"`
	CPUSeconds float64 `json:"cpu_seconds"`
	MBPerSec   float64 `json:"mb_per_sec"`
	MBPerCPU   float64 `json:"mb_per_cpu_sec"`
	Tokens     int64   `json:"tokens"`
}

// ColdStart measures opening an existing index in a fresh process and
// answering the first query.
type ColdStart struct {
	OpenSeconds  float64 `json:"open_seconds"`
	QuerySeconds float64 `json:"query_seconds"`
	Seconds      float64 `json:"seconds"` // open + first query
	CPUSeconds   float64 `json:"cpu_seconds"`
	RSS          int64   `json:"rss_bytes"` // resident right after the first answer
	// RSSAnon is the anonymous part of RSS (heap, stacks): the rest is
	// pages of the memory-mapped index files, which the kernel can drop.
	RSSAnon int64 `json:"rss_anon_bytes"`
}

// Load is the query workload run from a number of concurrent clients.
type Load struct {
	Clients int `json:"clients"`
	// Uncached: every query counted its facets afresh, as a query nobody
	// asked since the last write does (the other loads repeat the workload,
	// so after the warm-up their facets come from the cache).
	Uncached bool    `json:"uncached_facets,omitempty"`
	Queries  int     `json:"queries"`
	Errors   int     `json:"errors"`
	Seconds  float64 `json:"seconds"`
	QPS      float64 `json:"qps"`
	P50MS    float64 `json:"p50_ms"`
	P95MS    float64 `json:"p95_ms"`
	P99MS    float64 `json:"p99_ms"`
	// CPUMSPerQuery is the CPU time the process spent per query.
	CPUMSPerQuery float64 `json:"cpu_ms_per_query"`
}

// QueryResult is the query phase: cold start, then the workload.
type QueryResult struct {
	Docs      uint64    `json:"docs"`
	ColdStart ColdStart `json:"cold_start"`
	Workload  int       `json:"workload"` // distinct queries
	Empty     int       `json:"empty"`    // queries of the workload that found nothing
	Loads     []Load    `json:"loads"`
	PeakRSS   int64     `json:"peak_rss_bytes"`
	// PeakRSSAnon is the largest anonymous RSS seen while the workload
	// ran, sampled every 50 ms.
	PeakRSSAnon int64 `json:"peak_rss_anon_bytes"`
}

// ServePhase is the child side: it reads a Request from r, runs it and
// writes the Result as JSON to w.
func ServePhase(ctx context.Context, r io.Reader, w io.Writer) error {
	var req Request
	if err := json.NewDecoder(r).Decode(&req); err != nil {
		return fmt.Errorf("bench: read phase request: %w", err)
	}
	res, err := RunPhase(ctx, req)
	if err != nil {
		return err
	}
	if err := json.NewEncoder(w).Encode(res); err != nil {
		return fmt.Errorf("bench: write phase result: %w", err)
	}
	return nil
}

// RunPhase runs one phase in the current process. Run calls it through a
// child process so that each phase's memory and caches start clean.
func RunPhase(ctx context.Context, req Request) (*Result, error) {
	switch req.Phase {
	case PhaseIngest:
		r, err := runIngest(ctx, req)
		return &Result{Ingest: r}, err
	case PhaseQuery:
		r, err := runQuery(ctx, req)
		return &Result{Query: r}, err
	case PhaseSegment:
		r, err := runSegment(ctx, req)
		return &Result{Segment: r}, err
	}
	return nil, fmt.Errorf("bench: unknown phase %q", req.Phase)
}

// profile starts the CPU profile a request asks for; the returned function
// stops it and writes the allocation profile (all allocations since start).
func profile(req Request) (func() error, error) {
	var cpu *os.File
	if req.CPUProfile != "" {
		f, err := os.Create(req.CPUProfile)
		if err != nil {
			return nil, fmt.Errorf("bench: cpu profile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("bench: cpu profile: %w", err)
		}
		cpu = f
	}
	return func() error {
		var errs []error
		if cpu != nil {
			pprof.StopCPUProfile()
			errs = append(errs, cpu.Close())
		}
		if req.AllocsProfile != "" {
			f, err := os.Create(req.AllocsProfile)
			if err != nil {
				return fmt.Errorf("bench: allocs profile: %w", err)
			}
			errs = append(errs, pprof.Lookup("allocs").WriteTo(f, 0), f.Close())
		}
		return errors.Join(errs...)
	}, nil
}

// store is an index the ingest phase writes to and closes.
type store interface {
	ingest.Store
	Settle(ctx context.Context) error
	Close() error
}

func runIngest(ctx context.Context, req Request) (*IngestResult, error) {
	files, err := ingest.Collect([]string{req.Corpus})
	if err != nil {
		return nil, err
	}
	size, err := filesSize(files)
	if err != nil {
		return nil, err
	}
	setup := time.Now()
	var (
		pipe *ingest.Pipeline
		st   store
	)
	switch {
	case req.Shards > 1:
		p, err := app.NewParsing(nil)
		if err != nil {
			return nil, err
		}
		sh, err := index.OpenShards(ctx, req.Index, req.Shards, shardOptions(req, p))
		if err != nil {
			return nil, err
		}
		pipe = &ingest.Pipeline{Parser: p.Parser, Store: sh, Workers: req.Workers, BatchSize: req.BatchSize}
		st = sh
	case req.Variant == VariantGSE:
		// The service's own path: app.Open builds the shared segmenter,
		// the parser and the index of a data directory.
		a, err := app.Open(ctx, app.Config{DataDir: req.Index, Workers: req.Workers, BatchSize: req.BatchSize})
		if err != nil {
			return nil, err
		}
		pipe, st = a.Pipeline, a.Index
	case req.Variant == VariantCJK:
		// The same parsing (extraction needs gse), indexed with cjk.
		p, err := app.NewParsing(nil)
		if err != nil {
			return nil, err
		}
		ix, err := index.Open(ctx, req.Index, index.Options{Baseline: true, Cleaner: p.Cleaner, Departments: p.Depts})
		if err != nil {
			return nil, err
		}
		pipe = &ingest.Pipeline{Parser: p.Parser, Store: ix, Workers: req.Workers, BatchSize: req.BatchSize}
		st = ix
	default:
		return nil, fmt.Errorf("bench: unknown variant %q", req.Variant)
	}
	setupSecs := time.Since(setup).Seconds()

	stop, err := profile(req)
	if err != nil {
		st.Close()
		return nil, err
	}
	start, cpu0 := time.Now(), cpuSeconds()
	sum, err := pipe.Run(ctx, files, nil)
	if err == nil {
		// As `govarchive ingest` does: the clock covers the merges a
		// bulk load leaves, and the size is that of the live segments.
		err = st.Settle(ctx)
	}
	if err != nil {
		st.Close()
		stop()
		return nil, err
	}
	if err := st.Close(); err != nil {
		stop()
		return nil, err
	}
	secs, cpu := time.Since(start).Seconds(), cpuSeconds()-cpu0
	if err := stop(); err != nil {
		return nil, err
	}
	idx, err := dirSize(req.Index)
	if err != nil {
		return nil, err
	}
	return &IngestResult{
		Files:        len(files),
		Failed:       sum.Failed,
		Bytes:        size,
		SetupSeconds: setupSecs,
		Seconds:      secs,
		CPUSeconds:   cpu,
		DocsPerSec:   float64(sum.Total()-sum.Failed) / secs,
		DocsPerCPU:   ratio(float64(sum.Total()-sum.Failed), cpu),
		MBPerSec:     float64(size) / 1e6 / secs,
		IndexBytes:   idx,
	}, nil
}

// shardOptions are the index options of a sharded variant: as app.Open's
// for gse (without an archive dictionary: the corpus is new), as the
// baseline's for cjk.
func shardOptions(req Request, p *app.Parsing) index.Options {
	if req.Variant == VariantCJK {
		return index.Options{Baseline: true, Cleaner: p.Cleaner, Departments: p.Depts}
	}
	return index.Options{Segmenter: p.Segmenter, Cleaner: p.Cleaner, Departments: p.Depts}
}

// searcher is the part of *index.Index the query phase uses.
type searcher interface {
	Search(ctx context.Context, q index.Query) (*index.Result, error)
	Count(ctx context.Context) (uint64, error)
	Close() error
}

// openSearcher opens an existing index the way the service does: for gse
// through app.Open (segmenter, dictionaries, parser), for the baseline with
// the cleaner and department table but no segmenter.
func openSearcher(ctx context.Context, req Request) (searcher, error) {
	if req.Shards > 1 {
		p, err := app.NewParsing(nil)
		if err != nil {
			return nil, err
		}
		return index.OpenShards(ctx, req.Index, req.Shards, shardOptions(req, p))
	}
	switch req.Variant {
	case VariantGSE:
		a, err := app.Open(ctx, app.Config{DataDir: req.Index, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			return nil, err
		}
		return a.Index, nil
	case VariantCJK:
		cl, err := clean.New()
		if err != nil {
			return nil, fmt.Errorf("bench: cleaner: %w", err)
		}
		dt, err := dept.New()
		if err != nil {
			return nil, fmt.Errorf("bench: department table: %w", err)
		}
		return index.Open(ctx, req.Index, index.Options{Baseline: true, Cleaner: cl, Departments: dt})
	}
	return nil, fmt.Errorf("bench: unknown variant %q", req.Variant)
}

func runQuery(ctx context.Context, req Request) (*QueryResult, error) {
	if _, err := os.Stat(req.Index); err != nil {
		return nil, fmt.Errorf("bench: query phase needs an existing index: %w", err)
	}
	start, cpu0 := time.Now(), cpuSeconds()
	ix, err := openSearcher(ctx, req)
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	opened := time.Now()
	if _, err := ix.Search(ctx, firstQuery); err != nil {
		return nil, fmt.Errorf("bench: first query: %w", err)
	}
	done := time.Now()
	res := &QueryResult{ColdStart: ColdStart{
		OpenSeconds:  opened.Sub(start).Seconds(),
		QuerySeconds: done.Sub(opened).Seconds(),
		Seconds:      done.Sub(start).Seconds(),
		CPUSeconds:   cpuSeconds() - cpu0,
		RSS:          procStatus("VmRSS"),
		RSSAnon:      procStatus("RssAnon"),
	}}
	stopSampling := sampleMax("RssAnon", 50*time.Millisecond, &res.PeakRSSAnon)
	defer stopSampling()
	if res.Docs, err = ix.Count(ctx); err != nil {
		return nil, err
	}
	work, err := workload(ctx, ix)
	if err != nil {
		return nil, err
	}
	if req.NoFacets {
		for i := range work {
			work[i].NoFacets = true
		}
	}
	res.Workload = len(work)
	// One unmeasured pass warms the caches every client shares; it also
	// tells how many queries of the workload find something.
	for _, q := range work {
		r, err := ix.Search(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("bench: query %+v: %w", q, err)
		}
		if r.Total == 0 {
			res.Empty++
		}
	}
	rounds := max(req.Rounds, 1)
	stop, err := profile(req)
	if err != nil {
		return nil, err
	}
	for _, c := range req.Clients {
		l, err := runLoad(ctx, ix, work, max(c, 1), rounds, nil)
		if err != nil {
			stop()
			return nil, err
		}
		res.Loads = append(res.Loads, l)
	}
	if d, ok := ix.(interface{ DropFacetCache() }); ok {
		l, err := runLoad(ctx, ix, work, 1, rounds, d.DropFacetCache)
		if err != nil {
			stop()
			return nil, err
		}
		l.Uncached = true
		res.Loads = append(res.Loads, l)
	}
	if err := stop(); err != nil {
		return nil, err
	}
	return res, nil
}

// runLoad sends rounds passes of the workload from clients goroutines, each
// taking the next query as soon as its previous one is answered. before,
// if not nil, runs untimed before each query.
func runLoad(ctx context.Context, ix searcher, work []index.Query, clients, rounds int, before func()) (Load, error) {
	total := len(work) * rounds
	lat := make([]time.Duration, total)
	errs := make([]error, total)
	next := make(chan int)
	var wg sync.WaitGroup
	start, cpu0 := time.Now(), cpuSeconds()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if before != nil {
					before()
				}
				t := time.Now()
				_, errs[i] = ix.Search(ctx, work[i%len(work)])
				lat[i] = time.Since(t)
			}
		}()
	}
	for i := range total {
		select {
		case next <- i:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Load{}, err
	}
	secs, cpu := time.Since(start).Seconds(), cpuSeconds()-cpu0
	l := Load{Clients: clients, Queries: total, Seconds: secs, QPS: float64(total) / secs,
		CPUMSPerQuery: cpu * 1000 / float64(total)}
	for _, err := range errs {
		if err != nil {
			l.Errors++
		}
	}
	l.P50MS, l.P95MS, l.P99MS = percentileMS(lat, 50), percentileMS(lat, 95), percentileMS(lat, 99)
	return l, nil
}

func runSegment(ctx context.Context, req Request) (*SegmentResult, error) {
	files, err := ingest.Collect([]string{req.Corpus})
	if err != nil {
		return nil, err
	}
	p, err := app.NewParsing(nil)
	if err != nil {
		return nil, err
	}
	// Decoding is not segmentation: read every text before the clock.
	texts := make([][]byte, len(files))
	var size int64
	for i, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		size += info.Size()
		t, err := textio.ReadFile(ctx, f, textio.Options{})
		if err != nil {
			continue // the ingest counts it as failed; nothing to segment
		}
		texts[i] = []byte(t)
	}
	workers := req.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	stop, err := profile(req)
	if err != nil {
		return nil, err
	}
	start, cpu0 := time.Now(), cpuSeconds()
	counts := make([]int64, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(texts); i += workers {
				if ctx.Err() != nil {
					return
				}
				// Segment is what the index tokenizer calls.
				counts[w] += int64(len(p.Segmenter.Segment(texts[i])))
			}
		}()
	}
	wg.Wait()
	secs, cpu := time.Since(start).Seconds(), cpuSeconds()-cpu0
	if err := stop(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &SegmentResult{Files: len(files), Bytes: size, Workers: workers, Seconds: secs, CPUSeconds: cpu,
		MBPerSec: float64(size) / 1e6 / secs, MBPerCPU: ratio(float64(size)/1e6, cpu)}
	for _, c := range counts {
		res.Tokens += c
	}
	return res, nil
}

func filesSize(files []string) (int64, error) {
	var n int64
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			return 0, fmt.Errorf("bench: %w", err)
		}
		n += info.Size()
	}
	return n, nil
}

// dirSize is the size of the regular files under dir, without the
// indexes' facet column files: a cache, whose size at the close depends on
// whether the warmer had run since the last write.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == index.ColumnCacheDir {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n += info.Size()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("bench: size of %s: %w", dir, err)
	}
	return n, nil
}

// sampleMax records the largest value of a /proc/self/status field into
// *max every interval until the returned function is called.
func sampleMax(field string, interval time.Duration, max *int64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	*max = procStatus(field)
	go func() {
		defer close(finished)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if v := procStatus(field); v > *max {
					*max = v
				}
			}
		}
	}()
	return sync.OnceFunc(func() {
		close(done)
		<-finished
	})
}

// procStatus reads a memory figure (VmRSS, VmHWM) of this process from
// /proc, in bytes; 0 where /proc is not available.
func procStatus(field string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok || name != field {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			return 0
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0
		}
		return kb << 10
	}
	return 0
}
