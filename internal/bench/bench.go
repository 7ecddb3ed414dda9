// Package bench is govarchive's reproducible benchmark: it generates (or
// reuses) a synthetic corpus, ingests it end to end through the real
// pipeline, measures gse segmentation alone on the same text, runs a fixed
// mixed query workload from several concurrent clients, measures cold start,
// and repeats ingest and queries with bleve's cjk bigram analyzer as the
// baseline. Each ingest and query phase runs in a fresh child process, so
// its peak memory and its caches are its own and not the previous phase's.
package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"govarchive/internal/gen"
)

// Config says what to benchmark and where.
type Config struct {
	Count   int    // documents in the corpus
	Seed    int64  // generator seed
	Dir     string // work directory: corpora are kept here and reused
	Clients []int  // concurrent query clients, one load per entry; default 1 and 4
	// Rounds is how many passes over the workload each load makes.
	Rounds    int
	Workers   int // ingest parse workers; 0 = one per core
	BatchSize int // documents per index batch; 0 = the pipeline's default
	// NoFacets runs the query workload without facets (the API always
	// computes them): the difference is what facets cost.
	NoFacets bool
	// Shards, above 1, splits both variants' indexes into that many shards
	// behind a bleve index alias (index.Shards), for the shard trial.
	Shards int
	// Keep leaves the indexes in Dir after the run (the corpus is always kept).
	Keep bool
	// ProfileDir, when set, receives CPU and allocation profiles of every
	// measured phase (ingest-gse.cpu.pprof, query-cjk.allocs.pprof, …).
	ProfileDir string
	// Runner starts the child processes.
	Runner Runner
	// QueryEnv is added to Runner.Env for the query phases only, to try
	// serving settings (GOMEMLIMIT) that would hurt a bulk ingest.
	QueryEnv []string
	Logger   *slog.Logger
}

// Runner starts a phase in a fresh process: Path with Args, plus Env on
// top of this process's environment. The child must call ServePhase with
// its standard input and output.
type Runner struct {
	Path string
	Args []string
	Env  []string
	// Stderr receives the children's diagnostics; nil discards them.
	Stderr io.Writer
}

// Corpus describes the generated corpus a run used.
type Corpus struct {
	Dir    string `json:"dir"`
	Count  int    `json:"count"`
	Seed   int64  `json:"seed"`
	Files  int    `json:"files"`
	Bytes  int64  `json:"bytes"`
	Reused bool   `json:"reused"`
}

// Variant is everything measured for one analysis.
type Variant struct {
	Name   string        `json:"name"`
	Ingest *IngestResult `json:"ingest"`
	Query  *QueryResult  `json:"query"`
}

// Report is the outcome of a run.
type Report struct {
	Started      time.Time      `json:"started"`
	GoMaxProcs   int            `json:"gomaxprocs"`
	Env          []string       `json:"env,omitempty"`
	QueryEnv     []string       `json:"query_env,omitempty"`
	NoFacets     bool           `json:"no_facets,omitempty"`
	Shards       int            `json:"shards,omitempty"`
	Corpus       Corpus         `json:"corpus"`
	Segmentation *SegmentResult `json:"segmentation"`
	Ours         Variant        `json:"ours"`
	Baseline     Variant        `json:"baseline"`
	Targets      []Target       `json:"targets"`
	// LoadAvg is the machine's 1-minute load average at the start and the
	// end: figures from a busy shared machine are to be read with it.
	LoadAvg [2]float64 `json:"load_avg"`
}

// manifestName marks a complete corpus folder, so an interrupted
// generation is not mistaken for a corpus to reuse.
const manifestName = "manifest.json"

// Run performs the whole benchmark and returns its report.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Count <= 0 {
		return nil, fmt.Errorf("bench: count must be positive, not %d", cfg.Count)
	}
	if cfg.Runner.Path == "" {
		return nil, errors.New("bench: no runner for the child processes")
	}
	if len(cfg.Clients) == 0 {
		cfg.Clients = []int{1, 4}
	}
	if cfg.Rounds <= 0 {
		cfg.Rounds = 10
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	rep := &Report{Started: time.Now().UTC(), GoMaxProcs: goMaxProcs(cfg.Runner.Env), Env: cfg.Runner.Env, QueryEnv: cfg.QueryEnv, NoFacets: cfg.NoFacets, Shards: cfg.Shards}
	rep.LoadAvg[0] = loadAvg()

	corpus, err := ensureCorpus(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	rep.Corpus = corpus

	runDir := filepath.Join(cfg.Dir, fmt.Sprintf("run-%d-%d", cfg.Count, cfg.Seed))
	if err := os.RemoveAll(runDir); err != nil {
		return nil, fmt.Errorf("bench: clear %s: %w", runDir, err)
	}
	if err := os.MkdirAll(runDir, 0o755); err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	if !cfg.Keep {
		defer os.RemoveAll(runDir)
	}
	if cfg.ProfileDir != "" {
		if err := os.MkdirAll(cfg.ProfileDir, 0o755); err != nil {
			return nil, fmt.Errorf("bench: profile folder: %w", err)
		}
	}
	prof := func(req Request) Request {
		if cfg.ProfileDir != "" {
			base := filepath.Join(cfg.ProfileDir, req.Phase+"-"+req.Variant)
			req.CPUProfile, req.AllocsProfile = base+".cpu.pprof", base+".allocs.pprof"
		}
		return req
	}

	log.Info("bench: segmentation alone", "files", corpus.Files)
	seg, err := cfg.Runner.run(ctx, prof(Request{Phase: PhaseSegment, Variant: VariantGSE, Corpus: corpus.Dir, Workers: cfg.Workers}))
	if err != nil {
		return nil, err
	}
	rep.Segmentation = seg.Segment

	for _, v := range []struct {
		name string
		out  *Variant
	}{{VariantGSE, &rep.Ours}, {VariantCJK, &rep.Baseline}} {
		v.out.Name = v.name
		dir := filepath.Join(runDir, v.name)
		log.Info("bench: ingest", "variant", v.name, "files", corpus.Files)
		in, err := cfg.Runner.run(ctx, prof(Request{Phase: PhaseIngest, Variant: v.name, Corpus: corpus.Dir, Index: dir,
			Workers: cfg.Workers, BatchSize: cfg.BatchSize, Shards: cfg.Shards}))
		if err != nil {
			return nil, err
		}
		in.Ingest.PeakRSS = in.PeakRSS
		v.out.Ingest = in.Ingest
		log.Info("bench: queries", "variant", v.name, "clients", cfg.Clients)
		qr := cfg.Runner
		qr.Env = append(slices.Clip(qr.Env), cfg.QueryEnv...)
		q, err := qr.run(ctx, prof(Request{Phase: PhaseQuery, Variant: v.name, Index: dir,
			Clients: cfg.Clients, Rounds: cfg.Rounds, NoFacets: cfg.NoFacets, Shards: cfg.Shards}))
		if err != nil {
			return nil, err
		}
		q.Query.PeakRSS = q.PeakRSS
		v.out.Query = q.Query
	}
	rep.Targets = targets(rep)
	rep.LoadAvg[1] = loadAvg()
	return rep, nil
}

// ensureCorpus reuses the corpus of this count and seed when a complete one
// is in cfg.Dir, and generates it otherwise.
func ensureCorpus(ctx context.Context, cfg Config, log *slog.Logger) (Corpus, error) {
	dir := filepath.Join(cfg.Dir, fmt.Sprintf("corpus-%d-%d", cfg.Count, cfg.Seed))
	want := Corpus{Dir: dir, Count: cfg.Count, Seed: cfg.Seed}
	if b, err := os.ReadFile(filepath.Join(dir, manifestName)); err == nil {
		var have Corpus
		if json.Unmarshal(b, &have) == nil && have.Count == want.Count && have.Seed == want.Seed && have.Files == want.Count {
			have.Dir, have.Reused = dir, true
			return have, nil
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return want, fmt.Errorf("bench: clear %s: %w", dir, err)
	}
	log.Info("bench: generating corpus", "count", cfg.Count, "seed", cfg.Seed, "dir", dir)
	files, n, err := gen.WriteDir(ctx, dir, gen.Options{Count: cfg.Count, Seed: cfg.Seed})
	if err != nil {
		return want, err
	}
	want.Files, want.Bytes = files, n
	b, _ := json.MarshalIndent(want, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, manifestName), b, 0o644); err != nil {
		return want, fmt.Errorf("bench: %w", err)
	}
	return want, nil
}

// run starts one child, hands it req and reads its Result; the child's peak
// resident memory comes from its resource usage, as the kernel counted it.
func (r Runner) run(ctx context.Context, req Request) (*Result, error) {
	in, err := json.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	cmd := exec.CommandContext(ctx, r.Path, r.Args...)
	cmd.Env = append(os.Environ(), r.Env...)
	cmd.Stdin = bytes.NewReader(in)
	var out, errb bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &errb
	if r.Stderr != nil {
		cmd.Stderr = io.MultiWriter(&errb, r.Stderr)
	}
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if len(msg) > 2000 {
			msg = msg[len(msg)-2000:]
		}
		return nil, fmt.Errorf("bench: %s phase (%s): %w: %s", req.Phase, req.Variant, err, msg)
	}
	var res Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		return nil, fmt.Errorf("bench: %s phase (%s): bad result %q: %w", req.Phase, req.Variant, out.String(), err)
	}
	res.PeakRSS = peakRSS(cmd.ProcessState)
	return &res, nil
}

// loadAvg is the 1-minute load average, 0 where /proc is not available.
func loadAvg() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}
