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
	"sync"

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
	// Parsing, when set, is reused instead of loading the dictionaries
	// again (about a second each time) for an index without archive words.
	Parsing *Parsing
	// keepCopies opens the index with index.Options.KeepCopies (Reindex).
	keepCopies bool
}

// Parsing is the part of the app that turns text into documents; it needs
// no index.
type Parsing struct {
	Segmenter *gse.Segmenter
	Depts     *dept.Table
	Cleaner   *clean.Cleaner
	Parser    *extract.Parser
}

// NewParsing loads the dictionaries (1-2 s) and builds the parser with the
// department table's names and the given archive names as user words.
func NewParsing(archive []segment.Word) (*Parsing, error) {
	l, err := startParsing(archive)
	if err != nil {
		return nil, err
	}
	return l.wait()
}

// loadingParsing is a Parsing whose gse dictionary is still loading: most
// of a start, which the index's opening overlaps.
type loadingParsing struct {
	depts   *dept.Table
	cleaner *clean.Cleaner
	seg     func() (*gse.Segmenter, error)
}

// startParsing loads the department and conversion tables and starts
// loading gse's dictionary in the background.
func startParsing(archive []segment.Word) (*loadingParsing, error) {
	depts, err := dept.New()
	if err != nil {
		return nil, fmt.Errorf("department table: %w", err)
	}
	type loaded struct {
		seg *gse.Segmenter
		err error
	}
	ch := make(chan loaded, 1)
	go func() {
		seg, err := segment.New(segment.UserWords(depts.Words(), archive))
		ch <- loaded{seg, err}
	}()
	wait := sync.OnceValues(func() (*gse.Segmenter, error) {
		l := <-ch
		return l.seg, l.err
	})
	cl, err := clean.New()
	if err != nil {
		// The dictionary still loading finishes on its own; nothing waits.
		return nil, fmt.Errorf("cleaner: %w", err)
	}
	return &loadingParsing{depts: depts, cleaner: cl, seg: wait}, nil
}

// wait waits for the dictionary and returns the Parsing.
func (l *loadingParsing) wait() (*Parsing, error) {
	seg, err := l.seg()
	if err != nil {
		return nil, err
	}
	return &Parsing{Segmenter: seg, Depts: l.depts, Cleaner: l.cleaner, Parser: extract.New(seg, l.depts, l.cleaner)}, nil
}

// App is a Parsing plus an open index and an ingest pipeline.
type App struct {
	*Parsing
	Config   Config
	Index    *index.Index
	Pipeline *ingest.Pipeline
	name     string // of the live index in Config.DataDir
}

// Open builds the parser and opens the live index of cfg.DataDir, creating
// it in a fresh directory.
func Open(ctx context.Context, cfg Config) (*App, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	name, err := liveIndex(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	fresh := name == ""
	if fresh {
		name = firstIndex
	}
	archive, err := readUserDict(cfg.DataDir, name)
	if err != nil {
		return nil, err
	}
	a, err := open(ctx, cfg, name, archive, fresh)
	if err != nil {
		return nil, err
	}
	if fresh {
		if err := setLive(cfg.DataDir, name); err != nil {
			a.Close()
			return nil, err
		}
	} else {
		removeLeftovers(cfg.DataDir, name, cfg.Logger)
	}
	if a.Index.NeedsReindex() {
		cfg.Logger.Warn("the index was built with another analysis or dictionary; run `govarchive reindex`")
	}
	return a, nil
}

// open opens (or, when create is set, creates) the index called name.
func open(ctx context.Context, cfg Config, name string, archive []segment.Word, create bool) (*App, error) {
	dir := filepath.Join(cfg.DataDir, name)
	if !create {
		if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
			return nil, fmt.Errorf("%w: %s: %v; %s", ErrIndexMissing, dir, err, recoveryHint)
		}
	}
	opts := index.Options{SynonymsFile: cfg.SynonymsFile, Logger: cfg.Logger, KeepCopies: cfg.keepCopies}
	p := cfg.Parsing
	var loading *loadingParsing
	if p == nil || len(archive) > 0 {
		// The index opens, and builds its facet columns, while gse loads
		// its dictionary.
		var err error
		if loading, err = startParsing(archive); err != nil {
			return nil, err
		}
		opts.SegmenterLoading, opts.Cleaner, opts.Departments = loading.seg, loading.cleaner, loading.depts
		opts.DictionaryVersion = index.UserDictionaryVersion(segment.UserWords(loading.depts.Words(), archive))
	} else {
		opts.Segmenter, opts.Cleaner, opts.Departments = p.Segmenter, p.Cleaner, p.Depts
		opts.DictionaryVersion = index.UserDictionaryVersion(segment.UserWords(p.Depts.Words(), archive))
	}
	ix, err := index.Open(ctx, dir, opts)
	if err != nil {
		// A dictionary still loading finishes on its own; nothing waits.
		if !create && !errors.Is(err, index.ErrLocked) {
			err = fmt.Errorf("%w: %w; %s", ErrIndexMissing, err, recoveryHint)
		}
		return nil, err
	}
	if loading != nil {
		if p, err = loading.wait(); err != nil {
			ix.Close()
			return nil, err
		}
	}
	return &App{
		Parsing: p,
		Config:  cfg,
		Index:   ix,
		name:    name,
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
