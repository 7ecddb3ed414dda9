package app

import (
	"archive/tar"
	"cmp"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"govarchive/index"
	"govarchive/internal/document"
	"govarchive/internal/extract"
	"govarchive/internal/ingest"
	"govarchive/internal/segment"
)

// Backup writes a consistent copy of the data directory to dst (which must
// not exist or be empty) while the index keeps serving: `serve --data dst`
// serves the same documents.
func (a *App) Backup(ctx context.Context, dst string) error {
	if entries, err := os.ReadDir(dst); err == nil && len(entries) > 0 {
		return fmt.Errorf("backup: %s is not empty", dst)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := a.Index.Backup(ctx, filepath.Join(dst, a.name)); err != nil {
		return err
	}
	dict := a.name + userDictExt
	if b, err := os.ReadFile(filepath.Join(a.Config.DataDir, dict)); err == nil {
		if err := os.WriteFile(filepath.Join(dst, dict), b, 0o644); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("backup: %w", err)
	}
	return setLive(dst, a.name)
}

// WriteBackup streams a backup as a gzipped tar of a data directory. The
// copy is staged inside the data directory (same file system, no size
// surprises elsewhere) and removed afterwards. start gives the writer once
// the copy is staged: an HTTP handler answers a failure to stage it (a full
// disk) with an error status instead of an empty archive.
func (a *App) WriteBackup(ctx context.Context, start func() io.Writer) error {
	stage, err := os.MkdirTemp(a.Config.DataDir, ".backup-")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer os.RemoveAll(stage)
	if err := a.Backup(ctx, stage); err != nil {
		return err
	}
	gz := gzip.NewWriter(start())
	tw := tar.NewWriter(gz)
	err = filepath.WalkDir(stage, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, err := filepath.Rel(stage, path)
		if err != nil || rel == "." {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		hdr, err := tar.FileInfoHeader(info, "")
		if err != nil {
			return err
		}
		hdr.Name = filepath.ToSlash(rel)
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(tw, f)
		return err
	})
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return gz.Close()
}

// ReindexResult says what a reindex did.
type ReindexResult struct {
	Documents int    `json:"documents"`
	UserWords int    `json:"user_words"`
	Index     string `json:"index"`
	Failed    int    `json:"failed"`
}

// Reindex rebuilds the index into a new directory and swaps it in
// atomically: documents are parsed again with the current parser and
// indexed with a user dictionary harvested from the archive itself. With
// sources it rebuilds from those files instead of the stored documents —
// the recovery for a lost or damaged index. Until the swap the old index
// stays live; a crash leaves it untouched.
func Reindex(ctx context.Context, cfg Config, sources []string) (ReindexResult, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return ReindexResult{}, fmt.Errorf("data directory: %w", err)
	}
	oldName, err := liveIndex(cfg.DataDir)
	if err != nil && len(sources) == 0 {
		return ReindexResult{}, err
	}
	newName := "index-" + strconv.FormatInt(time.Now().UnixNano(), 36)

	var (
		words []segment.Word
		res   ReindexResult
		feed  func(p *Parsing, put func(*document.Document) error) error
	)
	// The base parser harvests the names (pass 1) and reads the old index:
	// one load of gse's dictionary for both; pass 2 needs its own, with the
	// archive's names.
	base, err := NewParsing(nil)
	if err != nil {
		return res, err
	}
	// closeOld closes the old index before its directory goes (and on
	// every other way out).
	closeOld := func() error { return nil }
	defer func() { closeOld() }()
	if len(sources) > 0 {
		files, err := ingest.Collect(sources)
		if err != nil {
			return res, err
		}
		if oldName != "" {
			// Held until the swap, so that no service opens the index
			// this rebuild replaces, and refused when one has it open:
			// its later writes would go to the removed directory. A
			// damaged index, the reason to rebuild from files, does not
			// stop it.
			oldCfg := cfg
			oldCfg.Parsing = base
			old, err := open(ctx, oldCfg, oldName, nil, false)
			switch {
			case errors.Is(err, index.ErrLocked):
				return res, fmt.Errorf("reindex: %w", err)
			case err != nil:
				cfg.Logger.Warn("reindex: the live index does not open; rebuilding it from files", "error", err)
			default:
				closeOld = sync.OnceValue(old.Close)
			}
		}
		feed = func(p *Parsing, put func(*document.Document) error) error {
			pipe := &ingest.Pipeline{Parser: p.Parser, Store: storeFunc(put), Workers: cfg.Workers, MaxBytes: cfg.MaxFileBytes}
			sum, err := pipe.Run(ctx, files, nil)
			res.Failed = sum.Failed
			return err
		}
	} else {
		if oldName == "" {
			return res, fmt.Errorf("reindex: %s holds no index; use `govarchive ingest` or `reindex --from`", cfg.DataDir)
		}
		oldCfg := cfg
		oldCfg.Parsing = base
		old, err := open(ctx, oldCfg, oldName, nil, false)
		if err != nil {
			return res, err
		}
		closeOld = sync.OnceValue(old.Close)
		feed = func(p *Parsing, put func(*document.Document) error) error {
			return eachStored(ctx, old.Index, func(d *document.Document) error {
				nd, err := p.Parser.Parse(d.Text, extract.Meta{Source: d.Source})
				if err != nil {
					res.Failed++
					cfg.Logger.Warn("reindex: document no longer parses; kept as stored", "id", d.ID, "error", err)
					nd = d
				}
				nd.SourcePath = d.SourcePath
				return put(nd)
			})
		}
	}

	// Pass 1: harvest the archive's names with the base parser.
	var harvest []*document.Document
	err = feed(base, func(d *document.Document) error {
		harvest = append(harvest, &document.Document{
			Attendees: d.Attendees, Observers: d.Observers, Members: d.Members, Meeting: d.Meeting,
			People: d.People, Departments: d.Departments, DepartmentRefs: d.DepartmentRefs,
			Recorder: d.Recorder,
		})
		return nil
	})
	if err != nil {
		return res, err
	}
	words = index.UserWordsFrom(harvest)
	harvest = nil

	// Pass 2: index everything with a segmenter that knows those names.
	if err := writeUserDict(cfg.DataDir, newName, words); err != nil {
		return res, err
	}
	// The stored documents are all there is of them: a copy among them
	// stays (rebuilt from files, copies are dropped as ingest drops them).
	freshCfg := cfg
	freshCfg.keepCopies = len(sources) == 0
	fresh, err := open(ctx, freshCfg, newName, words, true)
	if err != nil {
		return res, err
	}
	var batch []*document.Document
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if _, err := fresh.Index.Put(ctx, batch); err != nil {
			return err
		}
		batch = batch[:0]
		return nil
	}
	res.Failed = 0
	err = feed(fresh.Parsing, func(d *document.Document) error {
		batch = append(batch, d)
		if len(batch) >= cmp.Or(cfg.BatchSize, ingest.DefaultBatchSize) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil {
		err = fresh.Index.Settle(ctx)
	}
	if err == nil {
		// What the new index holds: from files, copies and the same file
		// twice are fed but not indexed.
		var n uint64
		n, err = fresh.Index.Count(ctx)
		res.Documents = int(n)
	}
	if cerr := fresh.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.RemoveAll(filepath.Join(cfg.DataDir, newName))
		os.Remove(filepath.Join(cfg.DataDir, newName+userDictExt))
		return res, fmt.Errorf("reindex: %w", err)
	}
	if err := closeOld(); err != nil {
		cfg.Logger.Warn("reindex: close the old index", "error", err)
	}
	if err := setLive(cfg.DataDir, newName); err != nil {
		return res, err
	}
	if oldName != "" {
		os.RemoveAll(filepath.Join(cfg.DataDir, oldName))
		os.Remove(filepath.Join(cfg.DataDir, oldName+userDictExt))
	}
	res.UserWords = len(words)
	res.Index = newName
	return res, nil
}

// storeFunc adapts a per-document callback to the pipeline's Store.
type storeFunc func(*document.Document) error

func (f storeFunc) Put(_ context.Context, docs []*document.Document) ([]index.PutResult, error) {
	st := make([]index.PutResult, len(docs))
	for i, d := range docs {
		if err := f(d); err != nil {
			return nil, err
		}
		st[i] = index.PutResult{Status: index.Added, ID: d.ID}
	}
	return st, nil
}

// eachStored visits every stored document, whatever the archive's size.
func eachStored(ctx context.Context, ix *index.Index, fn func(*document.Document) error) error {
	return ix.Each(ctx, index.Query{IncludeDocuments: true}, func(h index.Hit) error {
		if h.Document == nil {
			return fmt.Errorf("document %s has no stored source", h.ID)
		}
		return fn(h.Document)
	})
}
