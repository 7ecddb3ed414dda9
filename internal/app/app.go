// Package app wires govarchive's parts together for the commands: one gse
// segmenter, the department table, the cleaner and the parser for the whole
// process, and the index in the data directory. It holds no logic of its own
// beyond that wiring and the first-start sample ingest.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"

	"govarchive/index"
	"govarchive/internal/clean"
	"govarchive/internal/dept"
	"govarchive/internal/document"
	"govarchive/internal/extract"
	"govarchive/internal/ingest"
	"govarchive/internal/sample"
	"govarchive/internal/segment"

	"github.com/go-ego/gse"
)

// Config is what the commands can set (flags and GOVARCHIVE_* variables).
type Config struct {
	DataDir      string
	MaxFileBytes int64
	Workers      int
	BatchSize    int
	SynonymsFile string
	Logger       *slog.Logger
}

// Parsing is the part of the app that turns text into documents; it needs
// no index.
type Parsing struct {
	Segmenter *gse.Segmenter
	Depts     *dept.Table
	Cleaner   *clean.Cleaner
	Parser    *extract.Parser
}

// NewParsing loads the dictionaries (about a second) and builds the parser.
func NewParsing() (*Parsing, error) {
	depts, err := dept.New()
	if err != nil {
		return nil, fmt.Errorf("department table: %w", err)
	}
	seg, err := segment.New(userWords(depts))
	if err != nil {
		return nil, err
	}
	cl, err := clean.New()
	if err != nil {
		return nil, fmt.Errorf("cleaner: %w", err)
	}
	return &Parsing{Segmenter: seg, Depts: depts, Cleaner: cl, Parser: extract.New(seg, depts, cl)}, nil
}

// userWords keeps department names whole in segmentation, so that 市民政局
// is not cut into 市民/政局.
func userWords(t *dept.Table) []segment.Word {
	seen := map[string]bool{}
	var words []segment.Word
	for _, e := range t.Entries() {
		for _, w := range append([]string{e.Name}, e.Aliases...) {
			if !seen[w] && len([]rune(w)) >= 2 {
				seen[w] = true
				words = append(words, segment.Word{Text: w, Freq: 1000, POS: segment.UserPOS})
			}
		}
	}
	sort.Slice(words, func(i, j int) bool { return words[i].Text < words[j].Text })
	return words
}

// App is a Parsing plus an open index and an ingest pipeline.
type App struct {
	*Parsing
	Config   Config
	Index    *index.Index
	Pipeline *ingest.Pipeline
}

// IndexDir is where the index lives inside a data directory.
func IndexDir(dataDir string) string { return filepath.Join(dataDir, "index") }

// Open builds the parser and opens (or creates) the index under cfg.DataDir.
func Open(ctx context.Context, cfg Config) (*App, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	p, err := NewParsing()
	if err != nil {
		return nil, err
	}
	ix, err := index.Open(ctx, IndexDir(cfg.DataDir), index.Options{
		Segmenter:    p.Segmenter,
		Cleaner:      p.Cleaner,
		Departments:  p.Depts,
		SynonymsFile: cfg.SynonymsFile,
	})
	if err != nil {
		return nil, err
	}
	return &App{
		Parsing: p,
		Config:  cfg,
		Index:   ix,
		Pipeline: &ingest.Pipeline{
			Parser:    p.Parser,
			Store:     ix,
			Workers:   cfg.Workers,
			BatchSize: cfg.BatchSize,
			MaxBytes:  cfg.MaxFileBytes,
			Logger:    cfg.Logger,
		},
	}, nil
}

// Close closes the index.
func (a *App) Close() error { return a.Index.Close() }

// SeedIfEmpty indexes the bundled sample corpus when the index holds no
// document, so a fresh service has something to show.
func (a *App) SeedIfEmpty(ctx context.Context) (int, error) {
	n, err := a.Index.Count(ctx)
	if err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, nil
	}
	files, err := sample.Files()
	if err != nil {
		return 0, err
	}
	var docs []*document.Document
	var errs []error
	for _, f := range files {
		doc, err := a.Pipeline.ParseBytes(ctx, f.Name, f.Data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		doc.SourcePath = "sample:" + f.Name
		docs = append(docs, doc)
	}
	if len(docs) > 0 {
		if _, err := a.Index.Put(ctx, docs); err != nil {
			return 0, fmt.Errorf("index sample corpus: %w", err)
		}
	}
	return len(docs), errors.Join(errs...)
}
