package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"govarchive/internal/bench"
)

func benchCmd(g *globals) *cobra.Command {
	var (
		cfg    bench.Config
		env    []string
		qenv   []string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "bench [--count N] [--dir DIR] [--clients 1,4] [--keep]",
		Short: "Benchmark ingest and queries against bleve's cjk analyzer on a generated corpus",
		Long: "Generate (or reuse) a synthetic corpus in DIR, measure gse segmentation alone, then for\n" +
			"govarchive's analysis and for bleve's cjk baseline: ingest it end to end, open the index\n" +
			"in a fresh process (cold start) and run a fixed mixed query workload from each number of\n" +
			"concurrent clients. Every phase runs in its own child process; the table gives our\n" +
			"figures, the baseline's, their ratios and whether the performance targets hold.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, e := range append(slices.Clip(env), qenv...) {
				if !strings.Contains(e, "=") {
					return fmt.Errorf("--env %q: want KEY=VALUE", e)
				}
			}
			exe, err := os.Executable()
			if err != nil {
				return fmt.Errorf("bench: find own executable: %w", err)
			}
			// The query phases stand for the service: its default memory
			// limit applies unless the run sets GOMEMLIMIT itself.
			if !slices.ContainsFunc(append(slices.Clip(env), qenv...), func(e string) bool { return strings.HasPrefix(e, "GOMEMLIMIT=") }) {
				qenv = append([]string{"GOMEMLIMIT=" + defaultMemoryLimit}, qenv...)
			}
			cfg.Workers, cfg.BatchSize, cfg.QueryEnv = g.workers, g.batchSize, qenv
			cfg.Logger = g.logger()
			cfg.Runner = bench.Runner{Path: exe, Args: []string{"bench", "phase"}, Env: env, Stderr: g.stderr}
			rep, err := bench.Run(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(rep)
			}
			return rep.Write(g.stdout)
		},
	}
	f := cmd.Flags()
	f.IntVar(&cfg.Count, "count", 10000, "documents in the generated corpus")
	f.Int64Var(&cfg.Seed, "seed", 1, "generator seed")
	f.StringVar(&cfg.Dir, "dir", "./bench-data", "work directory; corpora are kept and reused by count and seed")
	f.IntSliceVar(&cfg.Clients, "clients", []int{1, 4}, "concurrent query clients, one measured load per value")
	f.IntVar(&cfg.Rounds, "rounds", 10, "passes over the query workload per load")
	f.BoolVar(&cfg.NoFacets, "no-facets", false, "run the query workload without facets, to measure what they cost")
	f.IntVar(&cfg.Shards, "shards", 0, "split both indexes into this many shards behind a bleve index alias (the shard trial)")
	f.BoolVar(&cfg.Keep, "keep", false, "keep the indexes after the run")
	f.StringVar(&cfg.ProfileDir, "profile", "", "write CPU and allocation profiles of each phase to this folder")
	f.StringArrayVar(&env, "env", nil, "KEY=VALUE for the measured child processes (GOGC=200, GOMAXPROCS=2); repeatable")
	f.StringArrayVar(&qenv, "query-env", nil, "KEY=VALUE for the query phases only; they run with the service's GOMEMLIMIT="+defaultMemoryLimit+" unless this sets it; repeatable")
	f.BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.AddCommand(benchPhaseCmd(g))
	return cmd
}

// benchPhaseCmd is the child side of bench: one phase, request on stdin,
// result on stdout.
func benchPhaseCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:    "phase",
		Short:  "Run one benchmark phase (internal: started by bench)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return bench.ServePhase(cmd.Context(), cmd.InOrStdin(), g.stdout)
		},
	}
}
