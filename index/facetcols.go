package index

import (
	"cmp"
	"container/heap"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// facetColumns counts facets from columns: for each segment and keyword
// field, the ordinals of every document's terms, read once from the
// segment's term dictionary (segments never change; merges make new ones).
// Counting a query's facets is then one increment per value of each match,
// as bleve's collector passes it (ranked). bleve's terms facet hashes every
// value of every match into a fresh map and sorts every distinct value: an
// uncached browse of 20,000 documents with five facets took 640 ms that way.
//
// Building the columns costs 12-15 ms per 1,000 documents, so queries do
// not build them: a warmer builds them in the background when the index
// opens and once writes pause, and until a snapshot's segments all have
// columns, its queries count with bleve's facets (or wait, see await).
type facetColumns struct {
	mu   sync.Mutex
	segs map[segment.Segment]map[string]*column // by field; never changed once stored
	// remaps hold, for a column and a larger column of the same field,
	// the ordinal of each of the first's terms in the second (-1: it
	// lacks the term), built when a query first merges the two.
	remaps map[[2]*column][]int32

	// warming is closed when the warm pass under way ends (nil: none is);
	// left counts the documents of the segments it has still to build.
	warming chan struct{}
	left    uint64

	dir   string // where columns are kept between starts (colfile.go); "" keeps none
	built int    // segments whose columns were built, not read from a file

	kick   chan struct{}   // a write: warm up when writes pause
	want   chan struct{}   // a query found a segment without columns (a merge made it)
	now    chan chan error // warm up at once and say how it went (settle)
	cancel context.CancelFunc
	done   chan struct{}
}

// warmFields are the fields the warmer builds: the search facets and the
// topic counts.
var warmFields = append(slices.Clone(facetFields), fTopicCount)

// warmQuiet is how long writes must pause before the warmer builds: a bulk
// load makes and merges segments all the time, and would otherwise pay for
// columns of segments about to be merged away.
const warmQuiet = 300 * time.Millisecond

// errColumnsNotReady: some segment of the snapshot has no columns yet; the
// caller counts with bleve's facets.
var errColumnsNotReady = errors.New("index: facet columns not built yet")

// newFacetColumns starts the warmer of ix's columns; stop ends it.
func newFacetColumns(ix *Index) *facetColumns {
	ctx, cancel := context.WithCancel(context.Background())
	fc := &facetColumns{segs: map[segment.Segment]map[string]*column{}, remaps: map[[2]*column][]int32{}, kick: make(chan struct{}, 1), want: make(chan struct{}, 1), now: make(chan chan error), cancel: cancel, done: make(chan struct{})}
	if ix.dir != "" {
		fc.dir = filepath.Join(ix.dir, ColumnCacheDir)
		// Scorch numbers new segments on from the highest segment file
		// left on disk, so the id of a segment gone since a file was kept
		// (merged away, or lost unpersisted with the process) may come
		// back for another. Before anything is written, only the files of
		// the segments the index opened with stay; if they cannot be
		// told apart, no file is used.
		if err := fc.removeStale(ix); err != nil {
			ix.opts.logger().Warn("index: facet column files not used", "err", err)
			fc.dir = ""
		}
	}
	go fc.warmer(ctx, ix)
	return fc
}

// removeStale removes the column files of segments the index does not
// hold.
func (fc *facetColumns) removeStale(ix *Index) error {
	snap, release, err := fc.snapshot(ix)
	if err != nil {
		return err
	}
	defer release()
	return removeStaleColumns(fc.dir, segmentIDs(snap.Segments()))
}

func segmentIDs(segs []*scorch.SegmentSnapshot) []uint64 {
	ids := make([]uint64, len(segs))
	for i, s := range segs {
		ids[i] = s.Id()
	}
	return ids
}

// changed tells the warmer that the index changed.
func (fc *facetColumns) changed() {
	if fc == nil {
		return
	}
	select {
	case fc.kick <- struct{}{}:
	default:
	}
}

// wanted tells the warmer that a query found no columns; unlike a write it
// does not put the build off.
func (fc *facetColumns) wanted() {
	select {
	case fc.want <- struct{}{}:
	default:
	}
}

// settle has the warmer build or read the columns of every segment now
// and waits for it: a bulk load then ends with its columns kept in files,
// and the next start reads them instead of building them.
func (fc *facetColumns) settle(ctx context.Context) error {
	reply := make(chan error, 1)
	select {
	case fc.now <- reply:
	case <-fc.done:
		return nil // stopped with the index
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-reply:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (fc *facetColumns) stop() {
	fc.cancel()
	<-fc.done
}

func (fc *facetColumns) warmer(ctx context.Context, ix *Index) {
	defer close(fc.done)
	// Nothing is being written to an index just opened: build at once, so
	// that the columns are ready for the first query (the service opens its
	// index while the gse dictionary is still loading).
	fc.warmLogged(ctx, ix)
warmer:
	for {
		select {
		case <-ctx.Done():
			return
		case reply := <-fc.now:
			reply <- fc.warm(ctx, ix)
			continue
		case <-fc.kick:
		case <-fc.want:
		}
		quiet := time.NewTimer(warmQuiet)
	wait:
		for {
			select {
			case <-ctx.Done():
				quiet.Stop()
				return
			case reply := <-fc.now:
				quiet.Stop()
				reply <- fc.warm(ctx, ix)
				continue warmer
			case <-fc.kick:
				quiet.Reset(warmQuiet)
			case <-fc.want:
			case <-quiet.C:
				break wait
			}
		}
		fc.warmLogged(ctx, ix)
	}
}

// warmLogged warms, logging a failure: queries then count with bleve's
// facets.
func (fc *facetColumns) warmLogged(ctx context.Context, ix *Index) {
	if err := fc.warm(ctx, ix); err != nil && ctx.Err() == nil {
		ix.opts.logger().Warn("index: building facet columns", "err", err)
	}
}

// warm builds the columns of every segment of the current snapshot.
func (fc *facetColumns) warm(ctx context.Context, ix *Index) error {
	snap, release, err := fc.snapshot(ix)
	if err != nil {
		return err
	}
	defer release()
	segs := snap.Segments()
	done := make(chan struct{})
	fc.mu.Lock()
	fc.warming, fc.left = done, 0
	for _, s := range segs {
		if fc.segs[s.Segment()] == nil {
			fc.left += s.Segment().Count()
		}
	}
	fc.mu.Unlock()
	defer func() {
		fc.mu.Lock()
		fc.warming, fc.left = nil, 0
		fc.mu.Unlock()
		close(done)
	}()
	// A column file that cannot be written costs the next start a build,
	// not this pass its columns.
	var keepErrs []error
	for _, s := range segs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fc.build(ctx, s); err != nil {
			if !errors.Is(err, errKeep) {
				return err
			}
			keepErrs = append(keepErrs, err)
		}
	}
	fc.prune(segs)
	if fc.dir != "" {
		keepErrs = append(keepErrs, removeStaleColumns(fc.dir, segmentIDs(segs)))
	}
	return errors.Join(keepErrs...)
}

// awaitRatio: counting a match's facets with bleve's terms facets (the
// fallback) costs five to seven times what building the columns costs per
// document (at 100,000 documents: 0.9-1.0 s for 10,147 matches against
// 1.2-1.5 s for the columns of every document).
const awaitRatio = 5

// await waits for the warm pass under way when it will end sooner than
// bleve's facets would count matches documents, and reports whether the
// columns may now be ready. Right after a start, a query's facets would
// otherwise be counted twice over (by bleve for it, by the warmer for the
// next ones) on the same two cores.
func (fc *facetColumns) await(ctx context.Context, matches uint64) bool {
	fc.mu.Lock()
	done, left := fc.warming, fc.left
	fc.mu.Unlock()
	if done == nil || matches*awaitRatio < left {
		return false
	}
	select {
	case <-done:
		return true
	case <-ctx.Done():
		return false
	}
}

// snapshot is the index's current scorch snapshot, to release when done.
func (fc *facetColumns) snapshot(ix *Index) (*scorch.IndexSnapshot, func(), error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, nil, errNoColumns
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil, nil, errNoColumns
	}
	r, err := sc.Reader()
	if err != nil {
		return nil, nil, fmt.Errorf("index: facets: %w", err)
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, nil, errNoColumns
	}
	if snap == nil { // a closed index
		return nil, nil, fmt.Errorf("index: facets: %w", bleve.ErrorIndexClosed)
	}
	return snap, func() { r.Close() }, nil
}

// column holds one field of one segment: document d has the terms
// terms[ords[start[d]:start[d+1]]].
type column struct {
	terms []string // dictionary order
	start []uint32
	ords  []uint32
}

// errNoColumns: the index is not a single scorch index (the shard trial's
// alias) or a segment has no doc values to read; the caller counts with
// bleve's facets instead.
var errNoColumns = errors.New("index: no facet columns for this index")

// count runs q over the index's current snapshot and returns, for each
// field, its size most frequent values among the matches, most frequent
// first and equal counts by value, as bleve orders them. size <= 0 means
// every value. A search counts its facets while it ranks (Index.Search,
// tally); count is for callers with no ranking pass of their own.
func (fc *facetColumns) count(ctx context.Context, ix *Index, q query.Query, fields []string, size int) (map[string][]Facet, error) {
	snap, release, err := fc.snapshot(ix)
	if err != nil {
		return nil, err
	}
	defer release()
	t, err := fc.tally(snap, fields)
	if err != nil {
		return nil, err
	}
	s, err := q.Searcher(ctx, snap, ix.bi.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, fmt.Errorf("index: facets: %w", err)
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("index: facets: %w", err)
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, fmt.Errorf("index: facets: %w", err)
		}
		if dm == nil {
			break
		}
		t.add(dm.IndexInternalID.Value())
		sctx.DocumentMatchPool.Put(dm)
	}
	return t.top(size), nil
}

// tally counts fields' values over the matches of one snapshot, one match
// at a time.
type tally struct {
	fc      *facetColumns
	fields  []string
	offsets []uint64 // each segment's first document number in the snapshot
	cols    [][]*column
	counts  [][][]uint32 // by segment, field, ordinal
	seg     int          // the segment of the last match
}

// tally starts counting fields over snap's matches, or fails with
// errColumnsNotReady (and asks the warmer for them) if a segment of snap
// has no columns yet.
func (fc *facetColumns) tally(snap *scorch.IndexSnapshot, fields []string) (*tally, error) {
	segs := snap.Segments()
	t := &tally{
		fc:      fc,
		fields:  fields,
		offsets: make([]uint64, len(segs)),
		cols:    make([][]*column, len(segs)),
		counts:  make([][][]uint32, len(segs)),
	}
	// A document's number in the snapshot is its segment's offset (the
	// documents of the segments before it, deleted ones included) plus its
	// number in the segment.
	var total uint64
	for i, s := range segs {
		t.offsets[i] = total
		total += s.Segment().Count()
		var ok bool
		if t.cols[i], ok = fc.ready(s.Segment(), fields); !ok {
			fc.wanted()
			return nil, errColumnsNotReady
		}
		t.counts[i] = make([][]uint32, len(fields))
		for f, c := range t.cols[i] {
			t.counts[i][f] = make([]uint32, len(c.terms))
		}
	}
	return t, nil
}

// ranked hooks a tally into bleve's top-N collector: a search run with the
// returned context counts fields' values over every match while it ranks
// them, instead of a second pass over the matches afterwards (an uncached
// query at 100,000 documents spent most of its time in that pass). The
// tally is that of the last search run with the context, nil if the
// columns of the snapshot it read were not built yet.
func (fc *facetColumns) ranked(ctx context.Context, fields []string) (context.Context, func() *tally) {
	var last *tally
	mk := search.MakeDocumentMatchHandler(func(sc *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
		last = nil
		next, loadID, err := collector.MakeTopNDocumentMatchHandler(sc)
		if err != nil {
			return nil, false, err
		}
		if next == nil {
			return nil, false, fmt.Errorf("index: facets: collector %T is not bleve's top-N collector", sc.Collector)
		}
		snap, ok := sc.IndexReader.(*scorch.IndexSnapshot)
		if !ok {
			return next, loadID, nil
		}
		t, err := fc.tally(snap, fields)
		if err != nil {
			return next, loadID, nil
		}
		last = t
		return func(d *search.DocumentMatch) error {
			if d != nil {
				t.add(d.IndexInternalID.Value())
			}
			return next(d)
		}, loadID, nil
	})
	return context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, mk), func() *tally { return last }
}

// add counts the values of the document numbered num in the snapshot.
func (t *tally) add(num uint64) {
	// Matches come in document order: the segment only moves forward.
	if num < t.offsets[t.seg] {
		t.seg = 0
	}
	for t.seg+1 < len(t.offsets) && t.offsets[t.seg+1] <= num {
		t.seg++
	}
	local := num - t.offsets[t.seg]
	for f, c := range t.cols[t.seg] {
		cnt := t.counts[t.seg][f]
		for _, o := range c.ords[c.start[local]:c.start[local+1]] {
			cnt[o]++
		}
	}
}

// top is each field's size most frequent values (all when size <= 0).
func (t *tally) top(size int) map[string][]Facet {
	out := make(map[string][]Facet, len(t.fields))
	for f, field := range t.fields {
		out[field] = t.fc.topFacets(t.cols, t.counts, f, size)
	}
	return out
}

// topFacets adds up field f's counts over the segments and keeps the size
// largest (all when size <= 0). The segment with the most values (after
// merges, most of the archive) is the base: another segment's counts are
// added to the base's through the ordinal map of the two (remap), or
// counted apart for values the base lacks. A k-way merge of the segments'
// lists compared strings at every step, and a binary search of each value
// in the base still took a third of an uncached browse at 20,000 documents.
func (fc *facetColumns) topFacets(cols [][]*column, counts [][][]uint32, f, size int) []Facet {
	if len(cols) == 0 {
		return []Facet{}
	}
	top := &facetHeap{size: size}
	big := 0
	for i := range cols {
		if len(cols[i][f].terms) > len(cols[big][f].terms) {
			big = i
		}
	}
	base, terms := counts[big][f], cols[big][f].terms
	var apart map[string]int
	for i := range cols {
		if i == big {
			continue
		}
		to := fc.remap(cols[i][f], cols[big][f])
		for o, n := range counts[i][f] {
			if n == 0 {
				continue
			}
			if j := to[o]; j >= 0 {
				base[j] += n
				continue
			}
			if apart == nil {
				apart = map[string]int{}
			}
			apart[cols[i][f].terms[o]] += int(n)
		}
	}
	for o, n := range base {
		if n > 0 {
			top.offer(Facet{Value: terms[o], Count: int(n)})
		}
	}
	for t, n := range apart {
		top.offer(Facet{Value: t, Count: n})
	}
	out := top.vals
	slices.SortFunc(out, facetOrder)
	if out == nil {
		out = []Facet{}
	}
	return out
}

// remap returns the ordinals of from's terms in to (-1 where to lacks
// one), from the cache or by one merge of the two sorted dictionaries.
func (fc *facetColumns) remap(from, to *column) []int32 {
	key := [2]*column{from, to}
	fc.mu.Lock()
	m := fc.remaps[key]
	fc.mu.Unlock()
	if m != nil {
		return m
	}
	m = make([]int32, len(from.terms))
	j := 0
	for i, t := range from.terms {
		for j < len(to.terms) && to.terms[j] < t {
			j++
		}
		m[i] = -1
		if j < len(to.terms) && to.terms[j] == t {
			m[i] = int32(j)
		}
	}
	fc.mu.Lock()
	fc.remaps[key] = m
	fc.mu.Unlock()
	return m
}

// facetHeap keeps the size best values seen (facetOrder), the worst of
// them at the root.
type facetHeap struct {
	size int
	vals []Facet
}

// facetOrder orders facet values as bleve does: higher count first, then
// by value.
func facetOrder(a, b Facet) int {
	// Not cmp.Or: it would compare the values of every pair, and most
	// pairs differ in count (a sixth of an uncached browse went to it).
	if a.Count != b.Count {
		return cmp.Compare(b.Count, a.Count)
	}
	return strings.Compare(a.Value, b.Value)
}

func better(a, b Facet) bool { return facetOrder(a, b) < 0 }

func (h *facetHeap) Len() int           { return len(h.vals) }
func (h *facetHeap) Less(i, j int) bool { return better(h.vals[j], h.vals[i]) }
func (h *facetHeap) Swap(i, j int)      { h.vals[i], h.vals[j] = h.vals[j], h.vals[i] }
func (h *facetHeap) Push(x any)         { h.vals = append(h.vals, x.(Facet)) }
func (h *facetHeap) Pop() any {
	v := h.vals[len(h.vals)-1]
	h.vals = h.vals[:len(h.vals)-1]
	return v
}

func (h *facetHeap) offer(v Facet) {
	switch {
	case h.size <= 0:
		h.vals = append(h.vals, v)
	case len(h.vals) < h.size:
		heap.Push(h, v)
	case better(v, h.vals[0]):
		h.vals[0] = v
		heap.Fix(h, 0)
	}
}

// ready returns seg's columns of fields if the warmer has built them.
func (fc *facetColumns) ready(seg segment.Segment, fields []string) ([]*column, bool) {
	fc.mu.Lock()
	built := fc.segs[seg]
	fc.mu.Unlock()
	if built == nil {
		return nil, false
	}
	out := make([]*column, len(fields))
	for i, f := range fields {
		if out[i] = built[f]; out[i] == nil {
			return nil, false
		}
	}
	return out, true
}

// errKeep wraps a failure to keep built columns in a file.
var errKeep = errors.New("index: keeping facet columns")

// build reads or builds the columns of warmFields of a segment unless it
// has them, and keeps built ones in a file. Only the warmer builds, so no
// two builds of a segment race.
func (fc *facetColumns) build(ctx context.Context, ss *scorch.SegmentSnapshot) error {
	seg := ss.Segment()
	fc.mu.Lock()
	done := fc.segs[seg] != nil
	fc.mu.Unlock()
	if done {
		return nil
	}
	var (
		cols    []*column
		err     error
		keepErr error
	)
	path := ""
	if fc.dir != "" {
		path = filepath.Join(fc.dir, colFileName(ss.Id()))
		cols, err = readColumns(path, seg.Count(), warmFields)
	}
	if path == "" || err != nil {
		if cols, err = buildColumns(ctx, seg, warmFields); err != nil {
			return err
		}
		fc.mu.Lock()
		fc.built++
		fc.mu.Unlock()
		if path != "" {
			if err := writeColumns(path, seg.Count(), warmFields, cols); err != nil {
				keepErr = fmt.Errorf("%w: %w", errKeep, err)
			}
		}
	}
	built := make(map[string]*column, len(warmFields))
	for i, f := range warmFields {
		built[f] = cols[i]
	}
	fc.mu.Lock()
	fc.segs[seg] = built
	fc.left -= min(fc.left, seg.Count())
	fc.mu.Unlock()
	return keepErr
}

// buildColumns builds seg's columns of fields from its term dictionaries:
// each field's terms in dictionary order give the ordinals, each term's
// postings the documents that have it. Reading every document's doc values
// instead (snappy chunks, a hash of every value) took 2.4 s at 100,000
// documents, longer than the service takes to load gse's dictionary, so
// that the first query after a start still counted with bleve's facets.
// Deleted documents are counted in too; the searcher never returns them.
func buildColumns(ctx context.Context, seg segment.Segment, fields []string) ([]*column, error) {
	n := seg.Count()
	if n >= 1<<32-1 {
		return nil, fmt.Errorf("index: facets: segment of %d documents", n)
	}
	// Fields in parallel: people and departments have hundreds of
	// thousands of values each, and the first queries after a start wait
	// for the build or count without it.
	out := make([]*column, len(fields))
	errs := make([]error, len(fields))
	var wg sync.WaitGroup
	for i, field := range fields {
		wg.Go(func() {
			if out[i], errs[i] = buildColumn(ctx, seg, field, n); errs[i] != nil {
				errs[i] = fmt.Errorf("index: facets: %s: %w", field, errs[i])
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// buildColumn builds the column of one field of a segment of n documents.
func buildColumn(ctx context.Context, seg segment.Segment, field string, n uint64) (*column, error) {
	dict, err := seg.Dictionary(field)
	if err != nil {
		return nil, err
	}
	col := &column{start: make([]uint32, n+1)}
	var docs, ords []uint32 // one (document, ordinal) pair per posting
	var pl segment.PostingsList
	var it segment.PostingsIterator
	terms := dict.AutomatonIterator(nil, nil, nil)
	for {
		e, err := terms.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		if len(col.terms)%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		ord := uint32(len(col.terms))
		col.terms = append(col.terms, e.Term)
		if pl, err = dict.PostingsList([]byte(e.Term), nil, pl); err != nil {
			return nil, err
		}
		it = pl.Iterator(false, false, false, it)
		for {
			p, err := it.Next()
			if err != nil {
				return nil, err
			}
			if p == nil {
				break
			}
			docs = append(docs, uint32(p.Number()))
			ords = append(ords, ord)
		}
	}
	// Counting sort of the pairs by document; a document's ordinals stay
	// in dictionary order.
	for _, d := range docs {
		col.start[d+1]++
	}
	for d := range n {
		col.start[d+1] += col.start[d]
	}
	col.ords = make([]uint32, len(docs))
	next := slices.Clone(col.start[:n])
	for k, d := range docs {
		col.ords[next[d]] = ords[k]
		next[d]++
	}
	return col, nil
}

// prune forgets the columns of segments the snapshot no longer has (merged
// away); a search still on an older snapshot rebuilds what it needs.
func (fc *facetColumns) prune(live []*scorch.SegmentSnapshot) {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if len(fc.segs) <= len(live) {
		return
	}
	keep := make(map[segment.Segment]bool, len(live))
	for _, s := range live {
		keep[s.Segment()] = true
	}
	liveCols := map[*column]bool{}
	for s, cols := range fc.segs {
		if !keep[s] {
			delete(fc.segs, s)
			continue
		}
		for _, c := range cols {
			liveCols[c] = true
		}
	}
	for k := range fc.remaps {
		if !liveCols[k[0]] || !liveCols[k[1]] {
			delete(fc.remaps, k)
		}
	}
}
