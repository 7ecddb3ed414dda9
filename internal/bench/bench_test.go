package bench

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"govarchive/index"
	"govarchive/internal/app"
	"govarchive/internal/extract"
	"govarchive/internal/gen"
	"govarchive/internal/ingest"
)

// childEnv makes the test binary act as a bench child process, so the test
// exercises the real re-exec path rather than an in-process shortcut.
const childEnv = "GOVARCHIVE_BENCH_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		if err := ServePhase(context.Background(), os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func testRunner(t testing.TB) Runner {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return Runner{Path: exe, Env: []string{childEnv + "=1"}}
}

// TestRunSmall runs the whole benchmark on 50 documents and checks that the
// report is complete and its ratios follow from its figures. It asserts no
// timing: the machine is shared.
func TestRunSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("runs five child processes that each load the dictionaries")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	rep, err := Run(ctx, Config{Count: 50, Seed: 7, Dir: dir, Clients: []int{1, 2}, Rounds: 1, Runner: testRunner(t),
		ProfileDir: filepath.Join(dir, "prof")})
	if err != nil {
		t.Fatal(err)
	}

	if rep.Corpus.Files != 50 || rep.Corpus.Bytes == 0 || rep.Corpus.Reused {
		t.Errorf("corpus = %+v, want 50 freshly generated files", rep.Corpus)
	}
	if s := rep.Segmentation; s == nil || s.Files != 50 || s.Tokens == 0 || s.MBPerSec <= 0 || s.CPUSeconds <= 0 {
		t.Fatalf("segmentation = %+v", s)
	}
	for _, v := range []Variant{rep.Ours, rep.Baseline} {
		in, q := v.Ingest, v.Query
		if in == nil || q == nil {
			t.Fatalf("%s: missing ingest or query figures", v.Name)
		}
		if in.Files != 50 || in.Failed != 0 || in.DocsPerSec <= 0 || in.MBPerSec <= 0 || in.IndexBytes == 0 || in.PeakRSS == 0 ||
			in.CPUSeconds <= 0 || in.DocsPerCPU <= 0 {
			t.Errorf("%s ingest = %+v", v.Name, in)
		}
		if q.Docs == 0 || q.Docs > 50 {
			t.Errorf("%s: the query process sees %d documents", v.Name, q.Docs)
		}
		if q.ColdStart.Seconds <= 0 || q.ColdStart.Seconds < q.ColdStart.OpenSeconds || q.PeakRSS == 0 {
			t.Errorf("%s cold start = %+v, peak RSS %d", v.Name, q.ColdStart, q.PeakRSS)
		}
		// The anonymous part is a part: of RSS at the first answer, and of
		// the peak.
		if a := q.ColdStart.RSSAnon; a <= 0 || a > q.ColdStart.RSS || q.PeakRSSAnon < a || q.PeakRSSAnon > q.PeakRSS {
			t.Errorf("%s anonymous RSS %d at the first answer (RSS %d), peak %d (RSS %d)", v.Name, a, q.ColdStart.RSS, q.PeakRSSAnon, q.PeakRSS)
		}
		if q.Workload < 30 || q.Empty == q.Workload {
			t.Errorf("%s: workload of %d queries, %d find nothing", v.Name, q.Workload, q.Empty)
		}
		if len(q.Loads) != 3 {
			t.Fatalf("%s: %d loads, want one per client count and one with uncached facets", v.Name, len(q.Loads))
		}
		for i, l := range q.Loads {
			if l.Clients != []int{1, 2, 1}[i] || l.Uncached != (i == 2) || l.Queries != q.Workload || l.Errors != 0 || l.QPS <= 0 ||
				l.P50MS > l.P95MS || l.P95MS > l.P99MS || l.P99MS <= 0 || l.CPUMSPerQuery <= 0 {
				t.Errorf("%s load %d = %+v", v.Name, i, l)
			}
		}
	}

	// Every target is there and computed from the figures of the report.
	want := map[string]float64{
		"ingest docs/s vs baseline":                                    rep.Ours.Ingest.DocsPerSec / rep.Baseline.Ingest.DocsPerSec,
		"index size vs baseline":                                       float64(rep.Ours.Ingest.IndexBytes) / float64(rep.Baseline.Ingest.IndexBytes),
		"ingest MB/s vs gse segmentation alone":                        rep.Ours.Ingest.MBPerSec / rep.Segmentation.MBPerSec,
		"query p99 vs baseline, 1 client(s)":                           rep.Ours.Query.Loads[0].P99MS / rep.Baseline.Query.Loads[0].P99MS,
		"query p99 vs baseline, 2 client(s)":                           rep.Ours.Query.Loads[1].P99MS / rep.Baseline.Query.Loads[1].P99MS,
		"query p99 vs baseline, 1 client(s), facets uncached":          rep.Ours.Query.Loads[2].P99MS / rep.Baseline.Query.Loads[2].P99MS,
		"cold start, s (open + first query)":                           rep.Ours.Query.ColdStart.Seconds,
		"resident memory with the index open, MB (query process peak)": float64(rep.Ours.Query.PeakRSS) / mb,
	}
	if len(rep.Targets) != len(want) {
		t.Errorf("%d targets, want %d: %+v", len(rep.Targets), len(want), rep.Targets)
	}
	for _, tg := range rep.Targets {
		w, ok := want[tg.Name]
		if !ok {
			t.Errorf("unexpected target %q", tg.Name)
			continue
		}
		if math.Abs(tg.Value-w) > 1e-9*math.Max(1, w) {
			t.Errorf("target %q = %v, want %v", tg.Name, tg.Value, w)
		}
	}

	var out bytes.Buffer
	if err := rep.Write(&out); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"ingest docs/s", "ingest docs per CPU-second", "index size MB", "cold start", "2 client(s): p99 ms", "peak anonymous RSS", "gse segmentation alone", "targets"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, out.String())
		}
	}
	for _, p := range []string{"ingest-gse.cpu.pprof", "query-cjk.allocs.pprof", "segment-gse.cpu.pprof"} {
		if info, err := os.Stat(filepath.Join(dir, "prof", p)); err != nil || info.Size() == 0 {
			t.Errorf("profile %s missing or empty: %v", p, err)
		}
	}
	// Without Keep, the indexes are removed; the corpus stays for reuse.
	if _, err := os.Stat(filepath.Join(dir, "run-50-7")); !os.IsNotExist(err) {
		t.Errorf("indexes left behind: %v", err)
	}
}

func TestCorpusReuse(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	cfg := Config{Count: 5, Seed: 3, Dir: dir}
	log := slog.New(slog.DiscardHandler)
	first, err := ensureCorpus(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	if first.Reused || first.Files != 5 {
		t.Fatalf("first = %+v", first)
	}
	second, err := ensureCorpus(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Reused || second.Files != 5 || second.Bytes != first.Bytes {
		t.Errorf("second = %+v, want the first reused", second)
	}
	// Another count is another corpus; an incomplete one is regenerated.
	cfg.Count = 6
	if err := os.MkdirAll(filepath.Join(dir, "corpus-6-3"), 0o755); err != nil {
		t.Fatal(err)
	}
	third, err := ensureCorpus(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	if third.Reused || third.Files != 6 {
		t.Errorf("third = %+v", third)
	}
}

func TestPercentile(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		var out []time.Duration
		for _, x := range v {
			out = append(out, time.Duration(x)*time.Millisecond)
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = 100 - i // unsorted on purpose
	}
	for _, c := range []struct {
		lat  []time.Duration
		p    float64
		want float64
	}{
		{nil, 50, 0},
		{ms(7), 99, 7},
		{ms(3, 1, 2), 50, 2},
		{ms(hundred...), 50, 50},
		{ms(hundred...), 95, 95},
		{ms(hundred...), 99, 99},
		{ms(hundred...), 100, 100},
	} {
		if got := percentileMS(c.lat, c.p); got != c.want {
			t.Errorf("p%v of %d latencies = %v, want %v", c.p, len(c.lat), got, c.want)
		}
	}
}

// The index size counts the index's files, not its facet column cache.
func TestDirSizeLeavesOutTheColumnCache(t *testing.T) {
	dir := t.TempDir()
	for path, size := range map[string]int{
		"CURRENT": 3, "index-a/store/1.zap": 100, "index-a/" + index.ColumnCacheDir + "/1.cols": 1000,
	} {
		p := filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := dirSize(dir); err != nil || n != 103 {
		t.Errorf("dirSize = %d, %v; want 103", n, err)
	}
}

func TestTargets(t *testing.T) {
	rep := func(oursDocs, oursIdx, oursP99, cold float64, rss int64) *Report {
		return &Report{
			Segmentation: &SegmentResult{MBPerSec: 10},
			Ours: Variant{
				Ingest: &IngestResult{DocsPerSec: oursDocs, MBPerSec: 6, IndexBytes: int64(oursIdx)},
				Query:  &QueryResult{ColdStart: ColdStart{Seconds: cold}, PeakRSS: rss, Loads: []Load{{Clients: 1, P99MS: oursP99}}},
			},
			Baseline: Variant{
				Ingest: &IngestResult{DocsPerSec: 100, IndexBytes: 1000},
				Query:  &QueryResult{Loads: []Load{{Clients: 1, P99MS: 10}}},
			},
		}
	}
	for _, c := range []struct {
		name  string
		r     *Report
		holds []bool // docs/s, size, vs segmentation, p99, cold, rss
	}{
		{"all met", rep(300, 400, 4, 1.5, 500e6), []bool{true, true, true, true, true, true}},
		{"all missed", rep(200, 600, 6, 2.5, 700e6), []bool{false, false, true, false, false, false}},
		{"on the line", rep(250, 500, 5, 2, 600e6), []bool{true, true, true, true, true, true}},
	} {
		ts := targets(c.r)
		if len(ts) != len(c.holds) {
			t.Fatalf("%s: %d targets, want %d", c.name, len(ts), len(c.holds))
		}
		for i, tg := range ts {
			if tg.Holds != c.holds[i] {
				t.Errorf("%s: %s = %v (goal %s): holds %v, want %v", c.name, tg.Name, tg.Value, tg.Goal, tg.Holds, c.holds[i])
			}
		}
	}
}

// benchDocs generates n documents of the benchmark corpus in memory.
func benchDocs(b *testing.B, n int) (names []string, texts [][]byte) {
	err := gen.Generate(context.Background(), gen.Options{Count: n, Seed: 1}, func(name string, text []byte) error {
		names, texts = append(names, name), append(texts, text)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return names, texts
}

func BenchmarkSegment(b *testing.B) {
	p, err := app.NewParsing(nil)
	if err != nil {
		b.Fatal(err)
	}
	_, texts := benchDocs(b, 50)
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			p.Segmenter.Segment(t)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	p, err := app.NewParsing(nil)
	if err != nil {
		b.Fatal(err)
	}
	// Ten documents of each kind (minutes, news, official): one alone
	// would leave out the layouts the generator varies.
	names, texts := benchDocs(b, 100)
	byKind := map[string][]int{}
	var kinds []string
	for i, name := range names {
		kind := filepath.Dir(name)
		if len(byKind[kind]) == 0 {
			kinds = append(kinds, kind)
		}
		if len(byKind[kind]) < 10 {
			byKind[kind] = append(byKind[kind], i)
		}
	}
	for _, kind := range kinds {
		b.Run(kind, func(b *testing.B) {
			var size int64
			for _, i := range byKind[kind] {
				size += int64(len(texts[i]))
			}
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, i := range byKind[kind] {
					if _, err := p.Parser.Parse(string(texts[i]), extract.Meta{Source: filepath.Base(names[i])}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

func BenchmarkSearchFacets(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	if _, _, err := gen.WriteDir(ctx, filepath.Join(dir, "corpus"), gen.Options{Count: 300, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	a, err := app.Open(ctx, app.Config{DataDir: filepath.Join(dir, "data")})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	files, err := ingest.Collect([]string{filepath.Join(dir, "corpus")})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := a.Pipeline.Run(ctx, files, nil); err != nil {
		b.Fatal(err)
	}
	for _, q := range []index.Query{
		{Text: "安全生产"},
		{Text: `"优化营商环境"`, Sort: index.SortDateDesc},
		{Text: "医疗 保障 改革"},
		{FacetSize: 50},
	} {
		b.Run(fmt.Sprintf("%q", q.Text), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := a.Index.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestShardedPhases runs the shard trial's ingest and query phases in this
// process: every document lands in one of the shards, and the workload
// finds them through the alias.
func TestShardedPhases(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	corpus, err := ensureCorpus(ctx, Config{Count: 40, Seed: 5, Dir: dir}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, "sharded")
	in, err := runIngest(ctx, Request{Phase: PhaseIngest, Variant: VariantGSE, Corpus: corpus.Dir, Index: idx, Shards: 2})
	if err != nil {
		t.Fatal(err)
	}
	if in.Files != 40 || in.Failed != 0 || in.IndexBytes == 0 {
		t.Fatalf("ingest = %+v", in)
	}
	for _, s := range []string{"shard-0", "shard-1"} {
		if _, err := os.Stat(filepath.Join(idx, s, "index_meta.json")); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	q, err := runQuery(ctx, Request{Phase: PhaseQuery, Variant: VariantGSE, Index: idx, Shards: 2, Clients: []int{1}, Rounds: 1})
	if err != nil {
		t.Fatal(err)
	}
	if q.Docs != 40 || q.Empty == q.Workload || len(q.Loads) != 2 || !q.Loads[1].Uncached || q.Loads[0].Errors+q.Loads[1].Errors != 0 {
		t.Errorf("query = %+v", q)
	}
}
