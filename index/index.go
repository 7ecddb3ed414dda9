// Package index is govarchive's search index: the gse tokenizer registered
// with bleve, the mapping, and a small API over it. Nothing outside this
// package imports bleve.
package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/go-ego/gse"
	bolt "go.etcd.io/bbolt"

	"govarchive/internal/clean"
	"govarchive/internal/document"
	"govarchive/internal/segment"
)

// Simplifier converts text to simplified Chinese (*clean.Cleaner).
type Simplifier interface {
	Simplify(string) string
}

// DepartmentForms lists every equivalent surface form of a department
// (*dept.Table).
type DepartmentForms interface {
	Forms(name string) []string
}

// Options configure an index.
type Options struct {
	// Segmenter is the process-wide gse segmenter (internal/segment.New),
	// built with the archive's user dictionary. Nil builds one without
	// user words.
	Segmenter *gse.Segmenter
	// SegmenterLoading, when Segmenter is nil, gives the segmenter once
	// its dictionary has loaded: Open returns without waiting (the facet
	// columns build meanwhile), analysis waits. The caller waits for it
	// too before it searches or writes, and closes the index if it fails.
	SegmenterLoading func() (*gse.Segmenter, error)
	// DictionaryVersion identifies the user dictionary Segmenter was built
	// with (UserDictionaryVersion). A new index records it; an existing
	// index whose recorded version differs reports NeedsReindex.
	DictionaryVersion string
	// Cleaner simplifies traditional characters in text and queries; nil
	// indexes text as it is.
	Cleaner Simplifier
	// Departments expands a department filter or query word to all its
	// forms; nil matches the name as written only.
	Departments DepartmentForms
	// SynonymsFile extends the built-in synonyms (same format as
	// synonyms.txt: one group per line, terms separated by "=").
	SynonymsFile string
	// Synonyms adds groups programmatically.
	Synonyms [][]string
	// Baseline indexes and queries text with bleve's built-in cjk bigram
	// analyzer instead of gse, for benchmarks and relevance comparisons.
	Baseline bool
	// KeepCopies indexes a copy of an indexed document (PutStatus Copy)
	// as a document of its own: a reindex from the stored documents, whose
	// old index is their only store, keeps every one.
	KeepCopies bool
	// Logger hears of the index's background work failing (building the
	// facet columns); nil discards.
	Logger *slog.Logger
}

func (o Options) logger() *slog.Logger {
	if o.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Logger
}

// Index is an open search index. It is safe for concurrent use.
type Index struct {
	bi       bleve.Index
	opts     Options
	meta     meta
	syn      *synonyms
	textAn   string            // analyzer for query text
	queryAn  analysis.Analyzer // the gse query analyzer; nil for the baseline
	phraseAn analysis.Analyzer // the analyzer of query text (textAn)
	writeMu  sync.Mutex
	suggest  suggestCache
	facets   facetCache
	cols     *facetColumns // nil: bleve counts facets (an alias of shards)
	simplify func(string) string
	seg      func() *gse.Segmenter // nil for the baseline; waits while the dictionary loads
	dir      string
	// briefFields are the stored fields Query.Brief reads: the brief
	// document, or the whole one in an index built before it existed.
	briefFields []string
	// topicCounts: the index records each document's number of topics
	// (indexes built before it did not).
	topicCounts bool
	// dateKeys: the index has fDateKey to sort by (indexes built before
	// it sort by the date field's doc values).
	dateKeys bool

	closeOnce sync.Once
	closeErr  error
}

// meta is recorded in the index so a later process can tell whether the
// index was built with the analysis it would use.
type meta struct {
	Analysis   string `json:"analysis"`
	Dictionary string `json:"dictionary"`
}

var metaKey = []byte("govarchive_meta")

// ErrLocked reports an index another process holds open.
var ErrLocked = errors.New("in use by another process (a running `govarchive serve`? use its HTTP API, or stop it first)")

// lockTimeout is how long Open waits for another process to release the index.
const lockTimeout = 3 * time.Second

// Open opens the index in dir, creating it when dir holds none.
func Open(ctx context.Context, dir string, opts Options) (*Index, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// A typed nil (*dept.Table)(nil) in an interface is not == nil.
	if isNilPtr(opts.Cleaner) {
		opts.Cleaner = nil
	}
	if isNilPtr(opts.Departments) {
		opts.Departments = nil
	}
	if opts.Departments != nil {
		opts.Departments = newFormsMemo(opts.Departments)
	}
	var seg func() *gse.Segmenter
	switch {
	case opts.Segmenter != nil:
		s := opts.Segmenter
		seg = func() *gse.Segmenter { return s }
	case opts.SegmenterLoading != nil:
		loading := opts.SegmenterLoading
		seg = sync.OnceValue(func() *gse.Segmenter {
			s, err := loading()
			if err != nil {
				// The caller closes the index when loading fails: no
				// text reaches analysis.
				panic(fmt.Sprintf("index: text analysed without a segmenter: %v", err))
			}
			return s
		})
	case !opts.Baseline:
		s, err := segment.New(nil)
		if err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		seg = func() *gse.Segmenter { return s }
	}
	if seg != nil {
		sharedSeg.Store(&seg)
	}
	ix := &Index{opts: opts, simplify: func(s string) string { return s }, textAn: queryAnalyzer, seg: seg, dir: dir}
	if opts.Cleaner != nil {
		ix.simplify = (&simplifier{conv: opts.Cleaner.Simplify}).simplify
	}
	if opts.Baseline {
		ix.textAn = "cjk"
	}
	syn, err := loadSynonyms(opts.SynonymsFile, opts.Synonyms, ix.simplify)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	ix.syn = syn

	want := meta{Analysis: analysisVersion, Dictionary: opts.DictionaryVersion}
	if opts.Baseline {
		want.Analysis = "cjk"
	}
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		// bolt waits for its file lock forever by default: a second process
		// on the same data directory would hang instead of saying why.
		bi, err := bleve.OpenUsing(dir, map[string]interface{}{"bolt_timeout": lockTimeout.String()})
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("index: %s: %w", dir, ErrLocked)
		}
		if err != nil {
			return nil, fmt.Errorf("index: open %s: %w", dir, err)
		}
		ix.bi = bi
		raw, err := bi.GetInternal(metaKey)
		if err != nil {
			bi.Close()
			return nil, fmt.Errorf("index: read metadata: %w", err)
		}
		if len(raw) > 0 {
			if err := json.Unmarshal(raw, &ix.meta); err != nil {
				bi.Close()
				return nil, fmt.Errorf("index: metadata: %w", err)
			}
		}
		// The analysis is the one the index was built with, whatever the
		// options say: its mapping names the analyzers that exist.
		if ix.meta.Analysis == "cjk" {
			ix.opts.Baseline, ix.textAn = true, "cjk"
		} else if opts.Baseline {
			ix.opts.Baseline, ix.textAn = false, queryAnalyzer
			if ix.seg == nil {
				bi.Close()
				return nil, fmt.Errorf("index: %s was built with gse, and no segmenter was given", dir)
			}
		}
		ix.queryAn = bi.Mapping().AnalyzerNamed(queryAnalyzer)
		ix.phraseAn = bi.Mapping().AnalyzerNamed(ix.textAn)
		ix.briefFields = fullFields
		if im, ok := bi.Mapping().(*mapping.IndexMappingImpl); ok && im.DefaultMapping != nil {
			if im.DefaultMapping.Properties[fDocBrief] != nil {
				ix.briefFields = briefFields
			}
			ix.topicCounts = im.DefaultMapping.Properties[fTopicCount] != nil
			ix.dateKeys = im.DefaultMapping.Properties[fDateKey] != nil
		}
		ix.cols = newFacetColumns(ix)
		return ix, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("index: %w", err)
	}

	im, err := buildMapping(opts.Baseline)
	if err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	bi, err := bleve.New(dir, im)
	if err != nil {
		return nil, fmt.Errorf("index: create %s: %w", dir, err)
	}
	raw, _ := json.Marshal(want)
	if err := bi.SetInternal(metaKey, raw); err != nil {
		bi.Close()
		return nil, fmt.Errorf("index: write metadata: %w", err)
	}
	ix.bi, ix.meta, ix.briefFields, ix.topicCounts, ix.dateKeys = bi, want, briefFields, true, true
	ix.queryAn = bi.Mapping().AnalyzerNamed(queryAnalyzer)
	ix.phraseAn = bi.Mapping().AnalyzerNamed(ix.textAn)
	ix.cols = newFacetColumns(ix)
	return ix, nil
}

// simplifier skips the t2s conversion (opencc, ~2.5 MB/s) for text in
// which no character converts on its own, which is most of an archive: it
// would otherwise cost more than segmenting and indexing the text.
type simplifier struct {
	conv    func(string) string
	changes sync.Map // rune → bool: conv changes the character alone
}

func (s *simplifier) simplify(text string) string {
	for _, r := range text {
		if r < 0x2E80 { // below the CJK blocks
			continue
		}
		v, ok := s.changes.Load(r)
		if !ok {
			v = s.conv(string(r)) != string(r)
			s.changes.Store(r, v)
		}
		if v.(bool) {
			return s.conv(text)
		}
	}
	return text
}

func isNilPtr(v any) bool {
	rv := reflect.ValueOf(v)
	return v != nil && rv.Kind() == reflect.Pointer && rv.IsNil()
}

// Simplify writes s in simplified script as the index reads documents and
// queries (謝義維 → 谢义维).
func (ix *Index) Simplify(s string) string { return ix.simplify(s) }

// DictionaryVersion is the user-dictionary version the index was built with.
func (ix *Index) DictionaryVersion() string { return ix.meta.Dictionary }

// NeedsReindex reports whether the index was built with another analysis or
// user dictionary than this process uses: its tokens would not match the
// queries' tokens, so `govarchive reindex` should rebuild it.
func (ix *Index) NeedsReindex() bool {
	want := analysisVersion
	if ix.opts.Baseline {
		want = "cjk"
	}
	return ix.meta.Analysis != want || ix.meta.Dictionary != ix.opts.DictionaryVersion
}

// UserDictionaryVersion is a stable hash of a user dictionary (order and
// duplicates do not matter) combined with the analysis version.
func UserDictionaryVersion(words []segment.Word) string {
	lines := make([]string, 0, len(words))
	for _, w := range words {
		lines = append(lines, w.Text+"\t"+strconv.FormatFloat(w.Freq, 'g', -1, 64)+"\t"+w.POS)
	}
	sort.Strings(lines)
	h := sha256.New()
	h.Write([]byte(analysisVersion))
	prev := ""
	for _, l := range lines {
		if l != prev {
			h.Write([]byte{'\n'})
			h.Write([]byte(l))
		}
		prev = l
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Put adds or replaces documents in one batch and reports, per document,
// whether it was added, updated (same source path, new content), unchanged
// or a copy, and the id of the indexed document it is.
func (ix *Index) Put(ctx context.Context, docs []*document.Document) ([]PutResult, error) {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ids := make([]string, len(docs))
	for i, d := range docs {
		if d == nil {
			return nil, fmt.Errorf("index: document %d is nil", i)
		}
		ids[i] = d.ID
		if ids[i] == "" {
			ids[i] = document.ContentID(d.Text)
		}
	}
	present, byPath, err := ix.lookup(ctx, docs, ids)
	if err != nil {
		return nil, err
	}
	// A copy is new content that replaces no version of its own path. What
	// the batch replaces is no original: its text leaves the index.
	mayCopy := make([]bool, len(docs))
	replaced := map[string]bool{}
	for i, d := range docs {
		mayCopy[i] = !ix.opts.KeepCopies && !present[ids[i]] && (d.SourcePath == "" || len(byPath[d.SourcePath]) == 0)
		if !present[ids[i]] && d.SourcePath != "" {
			for _, old := range byPath[d.SourcePath] {
				replaced[old] = true // old != ids[i], which is not indexed
			}
		}
	}
	copies, err := ix.newCopyFinder(ctx, docs, mayCopy, replaced)
	if err != nil {
		return nil, err
	}
	out := make([]PutResult, len(docs))
	b := ix.bi.NewBatch()
	// The suggestion counts follow the batch: its documents' candidates
	// are added, those of the versions it replaces taken away.
	sgen, live := ix.suggest.begin()
	var added, removed [][]suggestKey
	lost := false // a replaced version could not be read
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		id := ids[i]
		if present[id] {
			out[i] = PutResult{Unchanged, id} // also a duplicate inside this batch
			continue
		}
		if mayCopy[i] {
			if orig := copies.find(docs, ids, i); orig != "" {
				ix.opts.logger().Info("copy of an indexed document not indexed again", "source", d.SourcePath, "copy_of", orig)
				out[i] = PutResult{Copy, orig}
				continue
			}
		}
		out[i] = PutResult{Added, id}
		if d.SourcePath != "" {
			for _, old := range byPath[d.SourcePath] {
				if old != id && present[old] {
					if live && !lost {
						if od, err := ix.getDoc(old); err != nil {
							lost = true
						} else {
							removed = append(removed, suggestKeys(ix.bleveDoc(od)))
						}
					}
					b.Delete(old)
					delete(present, old)
					out[i].Status = Updated
				}
			}
			byPath[d.SourcePath] = []string{id}
		}
		cp := *d
		cp.ID = id
		m, err := ix.storedBleveDoc(&cp)
		if err != nil {
			return nil, fmt.Errorf("index: encode %s: %w", id, err)
		}
		if live {
			added = append(added, suggestKeys(m))
		}
		if err := b.Index(id, m); err != nil {
			return nil, fmt.Errorf("index: analyse %s: %w", id, err)
		}
		present[id] = true
		copies.added(docs, i)
	}
	if b.Size() > 0 {
		if err := ix.bi.Batch(b); err != nil {
			// Part of the batch may be written: what was counted of the
			// index before it is not kept.
			ix.suggest.invalidate()
			ix.facets.invalidate()
			ix.cols.changed()
			return nil, fmt.Errorf("index: write batch: %w", err)
		}
		if lost {
			ix.suggest.invalidate()
		} else {
			ix.suggest.apply(sgen, added, removed)
		}
		ix.facets.invalidate()
		ix.cols.changed()
	}
	return out, nil
}

// lookup finds, in one search, which of ids are indexed and which indexed
// documents share a source path with docs.
func (ix *Index) lookup(ctx context.Context, docs []*document.Document, ids []string) (present map[string]bool, byPath map[string][]string, err error) {
	present, byPath = map[string]bool{}, map[string][]string{}
	qs := []query.Query{bleve.NewDocIDQuery(ids)}
	seen := map[string]bool{}
	for _, d := range docs {
		if d.SourcePath != "" && !seen[d.SourcePath] {
			seen[d.SourcePath] = true
			qs = append(qs, termQ(fSourcePath, d.SourcePath, 1))
		}
	}
	size := 2*len(ids) + 16
	for {
		req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), size, 0, false)
		req.Fields = []string{fSourceStore}
		req.SortBy([]string{"_id"})
		res, err := ix.bi.SearchInContext(ctx, req)
		if err != nil {
			return nil, nil, fmt.Errorf("index: look up existing documents: %w", err)
		}
		if res.Total > uint64(size) {
			size = int(res.Total)
			continue
		}
		for _, h := range res.Hits {
			present[h.ID] = true
			if p, _ := h.Fields[fSourceStore].(string); p != "" {
				byPath[p] = append(byPath[p], h.ID)
			}
		}
		return present, byPath, nil
	}
}

// Has reports whether a document with this id (the hash of its text) is
// indexed.
func (ix *Index) Has(ctx context.Context, id string) (ok bool, err error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	// A reader's id look-up: 18 µs at 100,000 documents, where a search
	// for the id took 70.
	adv, err := ix.bi.Advanced()
	if err != nil {
		return false, fmt.Errorf("index: look up %s: %w", id, err)
	}
	r, err := adv.Reader()
	if err != nil {
		return false, fmt.Errorf("index: look up %s: %w", id, err)
	}
	if isNilPtr(r) { // scorch's reader of a closed index
		return false, fmt.Errorf("index: look up %s: %w", id, bleve.ErrorIndexClosed)
	}
	defer func() {
		if cerr := r.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("index: look up %s: %w", id, cerr)
		}
	}()
	iid, err := r.InternalID(id)
	if err != nil {
		return false, fmt.Errorf("index: look up %s: %w", id, err)
	}
	return iid != nil, nil
}

// Delete removes one document; ErrNotFound when there is none with that id.
func (ix *Index) Delete(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ok, err := ix.Has(ctx, id)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("index: delete %s: %w", id, ErrNotFound)
	}
	sgen, _ := ix.suggest.begin()
	// A stored document that cannot be decoded is still deleted; the
	// suggestions are then rebuilt rather than adjusted.
	var removed [][]suggestKey
	if old, err := ix.getDoc(id); err == nil {
		removed = [][]suggestKey{suggestKeys(ix.bleveDoc(old))}
	}
	b := ix.bi.NewBatch()
	b.Delete(id)
	if err := ix.bi.Batch(b); err != nil {
		ix.suggest.invalidate()
		ix.facets.invalidate()
		ix.cols.changed()
		return fmt.Errorf("index: delete %s: %w", id, err)
	}
	if removed == nil {
		ix.suggest.invalidate()
	} else {
		ix.suggest.apply(sgen, nil, removed)
	}
	ix.facets.invalidate()
	ix.cols.changed()
	return nil
}

// Get returns a stored document; ErrNotFound when there is none.
func (ix *Index) Get(ctx context.Context, id string) (*document.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return ix.getDoc(id)
}

// GetWithChrome is Get with the byte ranges of the document's Text that
// the index left out as page chrome (clean.Chrome) when it took the
// document: what search and snippets skip, for a reader to see dimmed. An
// index built before gse-7 stored none; ranges over a simplified text
// whose bytes do not line up with Text (a conversion that changed a
// character's width) are not returned.
func (ix *Index) GetWithChrome(ctx context.Context, id string) (*document.Document, []clean.Span, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	d, changes, err := ix.getStored(id)
	if err != nil {
		return nil, nil, err
	}
	t := storedText(d, changes)
	if len(t.Chrome) < 2 || display(d.Text, t.Body) != d.Text {
		return d, nil, nil
	}
	spans := make([]clean.Span, 0, len(t.Chrome)/2)
	for i := 0; i+1 < len(t.Chrome); i += 2 {
		spans = append(spans, clean.Span{Start: t.Chrome[i], End: t.Chrome[i+1]})
	}
	return d, spans, nil
}

func (ix *Index) getDoc(id string) (*document.Document, error) {
	d, _, err := ix.getStored(id)
	return d, err
}

// getStored reads a stored document and what indexing changed of its text
// (storedText reads it).
func (ix *Index) getStored(id string) (*document.Document, string, error) {
	d, err := ix.bi.Document(id)
	if err != nil {
		return nil, "", fmt.Errorf("index: get %s: %w", id, err)
	}
	if d == nil {
		return nil, "", fmt.Errorf("index: get %s: %w", id, ErrNotFound)
	}
	fields := map[string]string{}
	d.VisitFields(func(f index.Field) {
		switch f.Name() {
		case fDocJSON, fDocBrief, fText, fTopicSpans, fSimplified, fSourceStore:
			fields[f.Name()] = string(f.Value())
		}
	})
	doc, _, err := decodeStored(id, func(name string) string { return fields[name] }, true)
	if err != nil {
		return nil, "", err
	}
	return doc, fields[fSimplified], nil
}

// Count returns the number of documents in the index.
func (ix *Index) Count(ctx context.Context) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	n, err := ix.bi.DocCount()
	if err != nil {
		return 0, fmt.Errorf("index: count: %w", err)
	}
	return n, nil
}

// DiskSize is the size in bytes of the index's files, without the facet
// column files kept beside them (colfile.go).
func (ix *Index) DiskSize() (int64, error) {
	// The column files are a cache, rebuilt when missing.
	n, err := filesSize(ix.dir, filepath.Join(ix.dir, ColumnCacheDir))
	if err != nil {
		return 0, fmt.Errorf("index: size: %w", err)
	}
	return n, nil
}

// filesSize is the size of the files under root, leaving out the
// directory skip ("" for none).
func filesSize(root, skip string) (int64, error) {
	var n int64
	if skip != "" {
		skip = filepath.Clean(skip)
	}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && skip != "" && filepath.Clean(path) == skip {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	return n, err
}

// Close flushes and closes the index; closing it again does nothing (bleve
// panics).
func (ix *Index) Close() error {
	ix.closeOnce.Do(func() {
		if ix.cols != nil {
			ix.cols.stop()
		}
		if err := ix.bi.Close(); err != nil {
			ix.closeErr = fmt.Errorf("index: close: %w", err)
		}
	})
	return ix.closeErr
}

// SetAnalysisWorkers sizes bleve's process-wide analysis queue, the
// goroutines that analyse a batch's documents in parallel (bleve starts 4
// whatever the machine). Call it once, before any index is opened: an index
// keeps the queue it was opened with, and the old one is closed.
func SetAnalysisWorkers(n int) { bleve.Config.SetAnalysisQueueSize(max(n, 1)) }

// Settle waits until the background merger and persister have caught up
// with every write and the files of superseded segments are gone, then
// until the facet columns of the segments left are built and kept, as a
// bulk load should end: otherwise the index is closed with merges abandoned
// half-way and old segment files on disk, the next process pays for the
// merges and the columns, and the size on disk depends on the moment of
// the close.
func (ix *Index) Settle(ctx context.Context) error {
	if err := ix.settleMerges(ctx); err != nil {
		return err
	}
	if ix.cols == nil {
		return nil
	}
	if err := ix.cols.settle(ctx); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("index: settle: %w", ctx.Err())
		}
		// The columns are a cache: the next start builds what is missing.
		ix.opts.logger().Warn("index: building facet columns", "err", err)
	}
	// Scorch deletes the files of merged-away segments when its persister
	// next waits, but not those a reader (the column warmer's) held then:
	// they stay until the next write. A write of a marker of our own wakes
	// the persister now that no reader holds them.
	if ix.staleFiles() {
		if err := ix.bi.SetInternal(settleKey, []byte{1}); err != nil {
			return fmt.Errorf("index: settle: %w", err)
		}
		return ix.settleMerges(ctx)
	}
	return nil
}

// settleKey is the internal key Settle writes to wake scorch's persister.
var settleKey = []byte("govarchive_settle")

// staleFiles reports files on disk beyond the live segments and the root.
func (ix *Index) staleFiles() bool {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return false
	}
	st, ok := adv.(interface{ StatsMap() map[string]interface{} })
	if !ok {
		return false
	}
	m := st.StatsMap()
	files, _ := m["CurOnDiskFiles"].(uint64)
	segs, _ := m["TotFileSegmentsAtRoot"].(uint64)
	return files > segs+1
}

func (ix *Index) settleMerges(ctx context.Context) error {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return fmt.Errorf("index: settle: %w", err)
	}
	st, ok := adv.(interface{ StatsMap() map[string]interface{} })
	if !ok {
		return nil
	}
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	// Settled: nothing left to merge or persist and only the live files
	// on disk. Scorch's "active" flag can stay up on an index nobody
	// writes to, and a file held for a backup copy stays, so the wait also
	// ends after half a second in which no merge ran and nothing changed.
	var last [5]uint64
	quiet := 0
	for {
		m := st.StatsMap()
		if m == nil {
			return nil
		}
		n := func(k string) uint64 { v, _ := m[k].(uint64); return v }
		busy, _ := m["index_bgthreads_active"].(bool)
		if !busy && n("CurOnDiskFiles") <= n("TotFileSegmentsAtRoot")+1 { // the segments and root.bolt
			return nil
		}
		now := [5]uint64{n("CurRootEpoch"), n("TotFileMergeZapEnd"), n("TotPersistedSegments"), n("CurOnDiskFiles"), n("TotFileMergeIntroductionsDone")}
		if now == last && n("TotFileMergeZapBeg") == n("TotFileMergeZapEnd") {
			if quiet++; quiet >= 25 {
				return nil
			}
		} else {
			quiet = 0
		}
		last = now
		select {
		case <-ctx.Done():
			return fmt.Errorf("index: settle: %w", ctx.Err())
		case <-tick.C:
		}
	}
}
