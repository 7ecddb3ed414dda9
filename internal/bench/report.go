package bench

import (
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Target is one goal of the performance issue and whether this run met it.
// Goals are stated for 100,000 documents; a smaller run says how the
// figures stand at its size.
type Target struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"` // a ratio to the baseline, or an absolute figure
	Goal  string  `json:"goal"`  // e.g. "≥ 2.5×"
	Holds bool    `json:"holds"`
}

const mb = 1e6

// ratio is a/b, or 0 when b is 0 (a figure that could not be measured).
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// targets evaluates the goals of the performance issue on a report.
func targets(r *Report) []Target {
	o, b := r.Ours, r.Baseline
	var ts []Target
	add := func(name string, v float64, goal string, holds bool) {
		ts = append(ts, Target{Name: name, Value: v, Goal: goal, Holds: holds})
	}
	if o.Ingest != nil && b.Ingest != nil {
		v := ratio(o.Ingest.DocsPerSec, b.Ingest.DocsPerSec)
		add("ingest docs/s vs baseline", v, "≥ 2.5×", v >= 2.5)
		v = ratio(float64(o.Ingest.IndexBytes), float64(b.Ingest.IndexBytes))
		add("index size vs baseline", v, "≤ 0.5×", v > 0 && v <= 0.5)
	}
	if o.Ingest != nil && r.Segmentation != nil {
		v := ratio(o.Ingest.MBPerSec, r.Segmentation.MBPerSec)
		add("ingest MB/s vs gse segmentation alone", v, "≥ 0.5×", v >= 0.5)
	}
	if o.Query != nil && b.Query != nil {
		for i, l := range o.Query.Loads {
			if i >= len(b.Query.Loads) {
				break
			}
			v := ratio(l.P99MS, b.Query.Loads[i].P99MS)
			add(fmt.Sprintf("query p99 vs baseline, %s", l.label()), v, "≤ 0.5×", v > 0 && v <= 0.5)
		}
	}
	if o.Query != nil {
		add("cold start, s (open + first query)", o.Query.ColdStart.Seconds, "≤ 2 s", o.Query.ColdStart.Seconds <= 2)
		v := float64(o.Query.PeakRSS) / mb
		add("resident memory with the index open, MB (query process peak)", v, "≤ 600 MB", v > 0 && v <= 600)
	}
	return ts
}

// Write prints the report as a table: our figures, the baseline's and their
// ratio, then the targets.
func (r *Report) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintf(w, "corpus: %d documents (seed %d), %.1f MB in %s%s; GOMAXPROCS %d",
		r.Corpus.Files, r.Corpus.Seed, float64(r.Corpus.Bytes)/mb, r.Corpus.Dir, reused(r.Corpus.Reused), r.GoMaxProcs)
	if r.NoFacets {
		fmt.Fprint(w, "; queries WITHOUT facets")
	}
	if r.Shards > 1 {
		fmt.Fprintf(w, "; both indexes in %d shards", r.Shards)
	}
	if len(r.Env) > 0 {
		fmt.Fprintf(w, "; child env %s", strings.Join(r.Env, " "))
	}
	if len(r.QueryEnv) > 0 {
		fmt.Fprintf(w, "; query child env %s", strings.Join(r.QueryEnv, " "))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(tw, "metric\tours (gse)\tbaseline (cjk)\tours/baseline\t")
	row := func(name string, o, b float64, prec int) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", name, num(o, prec), num(b, prec), num(ratio(o, b), 2))
	}
	o, b := r.Ours, r.Baseline
	if o.Ingest != nil && b.Ingest != nil {
		oi, bi := o.Ingest, b.Ingest
		row("ingest docs/s", oi.DocsPerSec, bi.DocsPerSec, 1)
		row("ingest MB/s", oi.MBPerSec, bi.MBPerSec, 2)
		row("ingest seconds", oi.Seconds, bi.Seconds, 1)
		row("ingest CPU seconds", oi.CPUSeconds, bi.CPUSeconds, 1)
		row("ingest docs per CPU-second", oi.DocsPerCPU, bi.DocsPerCPU, 1)
		row("setup seconds (dictionaries, once)", oi.SetupSeconds, bi.SetupSeconds, 2)
		row("failed files", float64(oi.Failed), float64(bi.Failed), 0)
		row("ingest peak RSS MB", float64(oi.PeakRSS)/mb, float64(bi.PeakRSS)/mb, 0)
		row("index size MB", float64(oi.IndexBytes)/mb, float64(bi.IndexBytes)/mb, 1)
	}
	if o.Query != nil && b.Query != nil {
		oq, bq := o.Query, b.Query
		row("cold start s (open + first query)", oq.ColdStart.Seconds, bq.ColdStart.Seconds, 3)
		row("  of which open s", oq.ColdStart.OpenSeconds, bq.ColdStart.OpenSeconds, 3)
		row("  of which first query s", oq.ColdStart.QuerySeconds, bq.ColdStart.QuerySeconds, 3)
		row("cold start CPU s", oq.ColdStart.CPUSeconds, bq.ColdStart.CPUSeconds, 3)
		row("RSS after first query MB", float64(oq.ColdStart.RSS)/mb, float64(bq.ColdStart.RSS)/mb, 0)
		row("  of which anonymous MB", float64(oq.ColdStart.RSSAnon)/mb, float64(bq.ColdStart.RSSAnon)/mb, 0)
		row("query process peak RSS MB", float64(oq.PeakRSS)/mb, float64(bq.PeakRSS)/mb, 0)
		row("  peak anonymous RSS MB (sampled)", float64(oq.PeakRSSAnon)/mb, float64(bq.PeakRSSAnon)/mb, 0)
		row("workload queries finding nothing", float64(oq.Empty), float64(bq.Empty), 0)
		for i, ol := range oq.Loads {
			if i >= len(bq.Loads) {
				break
			}
			bl := bq.Loads[i]
			c := ol.label()
			row(c+": queries/s", ol.QPS, bl.QPS, 1)
			row(c+": p50 ms", ol.P50MS, bl.P50MS, 2)
			row(c+": p95 ms", ol.P95MS, bl.P95MS, 2)
			row(c+": p99 ms", ol.P99MS, bl.P99MS, 2)
			row(c+": CPU ms per query", ol.CPUMSPerQuery, bl.CPUMSPerQuery, 2)
			row(c+": errors", float64(ol.Errors), float64(bl.Errors), 0)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if s := r.Segmentation; s != nil {
		fmt.Fprintf(w, "gse segmentation alone: %.2f MB/s on %d goroutine(s), %.2f MB per CPU-second (%d tokens in %.2f s)\n",
			s.MBPerSec, s.Workers, s.MBPerCPU, s.Tokens, s.Seconds)
		if o.Ingest != nil {
			fmt.Fprintf(w, "ingest vs segmentation alone: %.2f× by wall clock, %.2f× by CPU time\n",
				ratio(o.Ingest.MBPerSec, s.MBPerSec), ratio(float64(o.Ingest.Bytes)/mb/o.Ingest.CPUSeconds, s.MBPerCPU))
		}
	}
	if r.LoadAvg != [2]float64{} {
		fmt.Fprintf(w, "machine load average (1 min): %.1f at the start, %.1f at the end\n", r.LoadAvg[0], r.LoadAvg[1])
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "targets (stated for 100,000 documents; this run has %d):\n", r.Corpus.Files)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, t := range r.Targets {
		verdict := "MISSED"
		if t.Holds {
			verdict = "holds"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", t.Name, num(t.Value, 2), t.Goal, verdict)
	}
	return tw.Flush()
}

func num(v float64, prec int) string { return strconv.FormatFloat(v, 'f', prec, 64) }

func reused(b bool) string {
	if b {
		return " (reused)"
	}
	return ""
}

// goMaxProcs is the parallelism the children run with: a GOMAXPROCS in
// their environment, or this process's.
func goMaxProcs(env []string) int {
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "GOMAXPROCS="); ok {
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				return n
			}
		}
	}
	return runtime.GOMAXPROCS(0)
}

// label names a load in the report: "4 client(s)", "1 client(s), facets
// uncached".
func (l Load) label() string {
	s := strconv.Itoa(l.Clients) + " client(s)"
	if l.Uncached {
		s += ", facets uncached"
	}
	return s
}
