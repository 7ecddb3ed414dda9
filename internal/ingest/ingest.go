// Package ingest turns files into indexed documents: a pool of workers
// reads, decodes and parses files in parallel while one writer sends the
// parsed documents to the index in batches. A bad or slow file only costs
// its own worker; it never stops the others or loses what is indexed.
package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"govarchive/index"
	"govarchive/internal/document"
	"govarchive/internal/extract"
	"govarchive/internal/textio"
)

// Store is what the pipeline writes to; *index.Index implements it.
type Store interface {
	Put(ctx context.Context, docs []*document.Document) ([]index.PutResult, error)
}

// Holder is a Store that can tell whether it holds a document. The
// pipeline then reads a file's text and parses it only when that text is
// not indexed yet, since Put would report it unchanged: a second run over
// an archive parses only what changed. *index.Index implements it.
type Holder interface {
	Has(ctx context.Context, id string) (bool, error)
}

// DefaultBatchSize is the documents per index batch of a bulk load: 500
// cost 11–16 % less ingest CPU than 200 (BENCHMARKS.md), for some 300 MB
// more memory at the peak.
const DefaultBatchSize = 500

// Pipeline ingests files. The zero value is not usable; set Parser and Store.
type Pipeline struct {
	Parser    *extract.Parser
	Store     Store
	Workers   int   // parse workers; default GOMAXPROCS
	BatchSize int   // documents per index batch; default DefaultBatchSize
	MaxBytes  int64 // per-file size limit; default textio's
	Logger    *slog.Logger
}

// Failure is a file that could not be ingested, and why.
type Failure struct {
	Path string `json:"path"`
	Err  string `json:"error"`
}

// Summary counts what an ingest did.
type Summary struct {
	Added     int       `json:"added"`
	Updated   int       `json:"updated"`
	Unchanged int       `json:"unchanged"`
	Copies    int       `json:"copies"` // another format or capture of an indexed document
	Failed    int       `json:"failed"`
	Failures  []Failure `json:"failures,omitempty"`
}

// Total is the number of files processed.
func (s Summary) Total() int { return s.Added + s.Updated + s.Unchanged + s.Copies + s.Failed }

func (s *Summary) count(st index.PutStatus) {
	switch st {
	case index.Added:
		s.Added++
	case index.Updated:
		s.Updated++
	case index.Copy:
		s.Copies++
	default:
		s.Unchanged++
	}
}

// Progress receives one call per finished file, from a single goroutine:
// the status it got, or the error that failed it.
type Progress func(path string, status index.PutStatus, err error)

// Extensions the pipeline picks up when it walks a folder. Files named
// explicitly are always tried: the reader recognises formats by content too.
var walkExt = map[string]bool{".txt": true, ".md": true, ".html": true, ".htm": true, ".docx": true, ".pdf": true}

// Collect expands paths into the files an ingest of them covers: files as
// given, folders walked recursively for supported extensions, sorted so runs
// are reproducible.
func Collect(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("ingest: %w", err)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && walkExt[strings.ToLower(filepath.Ext(path))] && !folderNote(d.Name()) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("ingest: walk %s: %w", p, err)
		}
	}
	sort.Strings(out)
	return out, nil
}

// folderNote reports a file that describes a folder rather than belongs to
// the archive (README.md, LICENSE.txt): walked past, ingested only when named.
func folderNote(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	switch base {
	case "README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE", "COPYING":
		return true
	}
	return false
}

type parsed struct {
	path string
	doc  *document.Document // nil when the store holds the text already
	err  error
}

// Run ingests files (already expanded with Collect). It returns an error
// only when the index itself fails; per-file problems land in the summary.
func (p *Pipeline) Run(ctx context.Context, files []string, progress Progress) (Summary, error) {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batchSize := p.BatchSize
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	holder, _ := p.Store.(Holder)
	jobs := make(chan string)
	results := make(chan parsed, workers*2)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range jobs {
				doc, err := p.parseNew(ctx, path, holder)
				select {
				case results <- parsed{path: path, doc: doc, err: err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range files {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var (
		sum   Summary
		batch []parsed
	)
	fail := func(path string, err error) {
		sum.Failed++
		// The reader and parser name the file for callers that have no
		// path beside the error; a failure has one.
		msg := strings.TrimPrefix(err.Error(), filepath.Base(path)+": ")
		sum.Failures = append(sum.Failures, Failure{Path: path, Err: msg})
		if progress != nil {
			progress(path, "", err)
		}
	}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		docs := make([]*document.Document, len(batch))
		for i, b := range batch {
			docs[i] = b.doc
		}
		res, err := p.Store.Put(ctx, docs)
		if err != nil {
			return fmt.Errorf("ingest: write batch: %w", err)
		}
		if p.Logger != nil {
			p.Logger.Debug("batch indexed", "documents", len(docs))
		}
		for i, b := range batch {
			sum.count(res[i].Status)
			if progress != nil {
				progress(b.path, res[i].Status, nil)
			}
		}
		batch = batch[:0]
		return nil
	}
	for r := range results {
		if r.err != nil {
			fail(r.path, r.err)
			continue
		}
		if r.doc == nil {
			sum.count(index.Unchanged)
			if progress != nil {
				progress(r.path, index.Unchanged, nil)
			}
			continue
		}
		batch = append(batch, r)
		if len(batch) >= batchSize {
			if err := flush(); err != nil {
				return sum, err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if err := flush(); err != nil {
		return sum, err
	}
	return sum, nil
}

// ParseFile reads and parses one file without indexing it.
func (p *Pipeline) ParseFile(ctx context.Context, path string) (*document.Document, error) {
	return p.parseNew(ctx, path, nil)
}

// parseNew reads and parses one file, unless h holds its text already:
// then it returns no document and no error. A failed look-up only costs the
// parse; Put reports what is wrong with the store.
func (p *Pipeline) parseNew(ctx context.Context, path string, h Holder) (*document.Document, error) {
	text, err := textio.ReadFile(ctx, path, textio.Options{MaxBytes: p.MaxBytes})
	if err != nil {
		return nil, err
	}
	if h != nil {
		if ok, err := h.Has(ctx, document.ContentID(text)); err == nil && ok {
			return nil, nil
		}
	}
	return p.parse(text, path)
}

// ParseBytes parses an uploaded file without indexing it.
func (p *Pipeline) ParseBytes(ctx context.Context, name string, data []byte) (*document.Document, error) {
	text, err := textio.Read(ctx, name, bytes.NewReader(data), textio.Options{MaxBytes: p.MaxBytes})
	if err != nil {
		return nil, err
	}
	return p.parse(text, name)
}

func (p *Pipeline) parse(text, path string) (doc *document.Document, err error) {
	// A parser bug on one hostile document must not take the run down.
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%s: parser failed: %v", filepath.Base(path), r)
		}
	}()
	doc, err = p.Parser.Parse(text, extract.Meta{Source: filepath.Base(path)})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	doc.SourcePath = path
	return doc, nil
}

// IngestBytes parses and indexes one uploaded file. name is both the file
// name (format detection) and its source identity: uploading a changed file
// under the same name replaces the old version.
func (p *Pipeline) IngestBytes(ctx context.Context, name string, data []byte) (string, index.PutStatus, error) {
	name = filepath.Base(filepath.Clean("/" + name))
	if name == "/" || name == "." {
		return "", "", errors.New("ingest: missing file name")
	}
	doc, err := p.ParseBytes(ctx, name, data)
	if err != nil {
		return "", "", err
	}
	doc.SourcePath = "upload:" + name
	res, err := p.Store.Put(ctx, []*document.Document{doc})
	if err != nil {
		return "", "", fmt.Errorf("ingest: %w", err)
	}
	// A copy answers the original's id, as the write found it.
	return res[0].ID, res[0].Status, nil
}
