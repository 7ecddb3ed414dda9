// Command govarchive parses, indexes, searches and serves Chinese government
// documents. main only wires packages together; see run.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"govarchive/index"
	"govarchive/internal/ingest"
)

func main() {
	// One analysis worker per core: segmentation is the CPU-bound part of
	// indexing a batch.
	index.SetAnalysisWorkers(runtime.GOMAXPROCS(0))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	if err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "govarchive:", err)
		}
		os.Exit(1)
	}
}

// errReported marks a failure the command has already explained (an ingest
// summary with failed files): exit 1 without printing it again.
var errReported = errors.New("failed")

// env reads configuration from GOVARCHIVE_* variables; flags override it.
// A value that does not parse is an error of the command (reported before
// it runs), not a silent default: GOVARCHIVE_REQUEST_TIMEOUT=30 lacks its unit.
type env struct {
	get  func(string) string
	errs *[]envError
}

// envError is a variable that did not parse, with the flag it sets.
type envError struct {
	flag string
	err  error
}

func newEnv(get func(string) string) env { return env{get: get, errs: new([]envError)} }

func (e env) str(name, def string) string {
	if v := e.get("GOVARCHIVE_" + name); v != "" {
		return v
	}
	return def
}

// parsed reads GOVARCHIVE_name with parse, recording a value it refuses.
func parsed[T any](e env, name string, def T, parse func(string) (T, error), want string) T {
	raw := e.get("GOVARCHIVE_" + name)
	if raw == "" {
		return def
	}
	v, err := parse(raw)
	if err != nil {
		*e.errs = append(*e.errs, envError{strings.ReplaceAll(strings.ToLower(name), "_", "-"),
			fmt.Errorf("GOVARCHIVE_%s=%q: not %s", name, raw, want)})
		return def
	}
	return v
}

func (e env) int(name string, def int) int {
	return parsed(e, name, def, strconv.Atoi, "a whole number")
}

func (e env) float(name string, def float64) float64 {
	return parsed(e, name, def, func(s string) (float64, error) { return strconv.ParseFloat(s, 64) }, "a number")
}

func (e env) duration(name string, def time.Duration) time.Duration {
	return parsed(e, name, def, time.ParseDuration, "a duration such as 30s or 2m")
}

// err reports the variables that did not parse and that cmd reads: not
// one whose flag was given (flags win), nor one cmd has no flag for.
func (e env) err(cmd *cobra.Command) error {
	var errs []error
	for _, ee := range *e.errs {
		if f := cmd.Flags().Lookup(ee.flag); f != nil && !f.Changed {
			errs = append(errs, ee.err)
		}
	}
	return errors.Join(errs...)
}

// globals are the flags every command shares.
type globals struct {
	dataDir   string
	logFormat string
	logLevel  string
	maxBytes  int64
	workers   int
	batchSize int
	synonyms  string
	stdout    io.Writer
	stderr    io.Writer
	getenv    env
}

func (g *globals) logger() *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(g.logLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	format := g.logFormat
	if format == "auto" {
		format = "json"
		if f, ok := g.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			format = "text"
		}
	}
	if format == "text" {
		return slog.New(slog.NewTextHandler(g.stderr, opts))
	}
	return slog.New(slog.NewJSONHandler(g.stderr, opts))
}

// run is the whole program, callable from tests.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	g := &globals{stdout: stdout, stderr: stderr, getenv: newEnv(getenv)}
	root := &cobra.Command{
		Use:           "govarchive",
		Short:         "Full-text search for Chinese government archives",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return g.getenv.err(cmd)
		},
	}
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&g.dataDir, "data", g.getenv.str("DATA", "./govarchive-data"), "data directory (GOVARCHIVE_DATA)")
	pf.StringVar(&g.logFormat, "log-format", g.getenv.str("LOG_FORMAT", "auto"), "log format: auto, text or json (GOVARCHIVE_LOG_FORMAT)")
	pf.StringVar(&g.logLevel, "log-level", g.getenv.str("LOG_LEVEL", "info"), "log level: debug, info, warn, error (GOVARCHIVE_LOG_LEVEL)")
	pf.Int64Var(&g.maxBytes, "max-file-size", int64(g.getenv.int("MAX_FILE_SIZE", 64<<20)), "largest file accepted, in bytes (GOVARCHIVE_MAX_FILE_SIZE)")
	pf.IntVar(&g.workers, "workers", g.getenv.int("WORKERS", 0), "parse workers; 0 = one per core (GOVARCHIVE_WORKERS)")
	pf.IntVar(&g.batchSize, "batch-size", g.getenv.int("BATCH_SIZE", ingest.DefaultBatchSize), "documents per index batch of a bulk load (GOVARCHIVE_BATCH_SIZE)")
	pf.StringVar(&g.synonyms, "synonyms", g.getenv.str("SYNONYMS", ""), "extra synonyms file (GOVARCHIVE_SYNONYMS)")

	root.AddCommand(
		parseCmd(g),
		ingestCmd(g),
		searchCmd(g),
		serveCmd(g),
		deleteCmd(g),
		reindexCmd(g),
		backupCmd(g),
		genCmd(g),
		benchCmd(g),
	)
	return root.ExecuteContext(ctx)
}
