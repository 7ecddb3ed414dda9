package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/go-ego/gse"

	"govarchive/internal/document"
)

// The column counts equal bleve's own terms facets, value for value and in
// bleve's order (count, then value), on an index of several segments with
// updated and deleted documents, for text queries, filters and browses.
func TestFacetColumnsMatchBleve(t *testing.T) {
	ctx := context.Background()
	ix := openUnmerged(t, Options{Departments: fakeDepartments{}})
	rng := rand.New(rand.NewPCG(7, 7))
	people := []string{"李亚平", "邹洪凯", "韩云", "王翔", "陈丽", "张伟", "刘洋", "赵敏", "孙杰", "周琳", "吴敏", "郑强"}
	depts := []string{"市应急局", "市民政局", "市财政局", "市教育局", "市卫健委", "市审计局", "市商务局"}
	words := []string{"审计", "安全", "防汛", "教育", "财政", "养老"}
	mk := func(i int) *document.Document {
		d := doc(fmt.Sprintf("d%03d", i), fmt.Sprintf("纪要%d", i), "会议研究"+words[rng.IntN(len(words))]+"工作和"+words[rng.IntN(len(words))]+"事项。")
		d.Date = fmt.Sprintf("%d-%02d-01", 2015+rng.IntN(8), 1+rng.IntN(12))
		d.Kind = []document.Kind{document.KindMinutes, document.KindNews, document.KindOfficial}[rng.IntN(3)]
		d.Issuer = []string{"苏州市人民政府", "无锡市人民政府", "国务院", ""}[rng.IntN(4)]
		for range rng.IntN(6) {
			d.People = append(d.People, people[rng.IntN(len(people))])
		}
		for range rng.IntN(4) {
			name := depts[rng.IntN(len(depts))]
			d.Departments = append(d.Departments, name)
			d.DepartmentRefs = append(d.DepartmentRefs, document.DeptRef{Name: name, Canonical: name})
		}
		return d
	}
	// Batches persisted one by one stay segments of their own (the
	// planner is told not to merge); updates and deletes leave deleted
	// documents inside them.
	for b := range 8 {
		var docs []*document.Document
		for i := range 25 {
			docs = append(docs, mk(b*25+i))
		}
		put(t, ix, docs...)
		if err := ix.Settle(ctx); err != nil {
			t.Fatal(err)
		}
	}
	perm := rng.Perm(200)
	for i := range 30 {
		put(t, ix, mk(perm[i]))
		if err := ix.Delete(ctx, fmt.Sprintf("d%03d", perm[199-i])); err != nil {
			t.Fatal(err)
		}
	}
	if n := segmentCount(t, ix); n < 4 {
		t.Fatalf("%d segment(s): the test needs several", n)
	}

	if err := ix.cols.warm(ctx, ix); err != nil {
		t.Fatal(err)
	}
	queries := []Query{
		{}, {Text: "审计"}, {Text: "安全 防汛"}, {Text: "\"研究审计\""}, {Text: "教育 -财政"},
		{Department: "市财政局"}, {Person: "韩云"}, {Year: 2018}, {Kind: "news", Text: "养老"},
		{Text: "审计", Sort: SortDateAsc}, {Text: "不存在的词语"},
	}
	for _, q := range queries {
		for _, size := range []int{1, 3, 10, 1000} {
			q := q
			q.FacetSize = size
			if err := validate(&q); err != nil {
				t.Fatal(err)
			}
			p, err := parseQuery(q.Text)
			if err != nil {
				t.Fatal(err)
			}
			tq, err := ix.buildText(p, allWords, false)
			if err != nil {
				t.Fatal(err)
			}
			filters, err := ix.filters(q)
			if err != nil {
				t.Fatal(err)
			}
			var top query.Query = tq
			if len(filters) > 0 {
				top = bleve.NewConjunctionQuery(append([]query.Query{tq}, filters...)...)
			}
			got, err := ix.cols.count(ctx, ix, top, facetFields, size)
			if err != nil {
				t.Fatal(err)
			}
			req := bleve.NewSearchRequestOptions(top, 0, 0, false)
			for _, f := range facetFields {
				req.AddFacet(f, bleve.NewFacetRequest(f, size))
			}
			res, err := ix.bi.SearchInContext(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			// Counted while bleve ranks a page of the matches.
			rctx, tallied := ix.cols.ranked(ctx, facetFields)
			page := bleve.NewSearchRequestOptions(top, 3, 2, false)
			page.SortByCustom(ix.sortOrder(cmp.Or(q.Sort, SortRelevance)))
			if _, err := ix.bi.SearchInContext(rctx, page); err != nil {
				t.Fatal(err)
			}
			if tallied() == nil {
				t.Fatalf("%+v: no tally while ranking", q)
			}
			ranked := tallied().top(size)
			// And what Search answers, its facet cache emptied.
			ix.DropFacetCache()
			served, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range facetFields {
				want := []Facet{}
				if fr := res.Facets[f]; fr != nil && fr.Terms != nil {
					for _, tf := range fr.Terms.Terms() {
						want = append(want, Facet{Value: tf.Term, Count: tf.Count})
					}
				}
				if !reflect.DeepEqual(got[f], want) {
					t.Errorf("%q %+v size %d, facet %s:\n got %v\nwant %v", q.Text, q, size, f, got[f], want)
				}
				if !reflect.DeepEqual(ranked[f], want) {
					t.Errorf("%q %+v size %d, facet %s counted while ranking:\n got %v\nwant %v", q.Text, q, size, f, ranked[f], want)
				}
				if !reflect.DeepEqual(served.Facets[f], want) {
					t.Errorf("%q %+v size %d, facet %s from Search:\n got %v\nwant %v", q.Text, q, size, f, served.Facets[f], want)
				}
			}
		}
	}
}

// Columns of segments merged away are forgotten.
func TestFacetColumnsPruned(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, Options{})
	remapped := 0
	for i := range 6 {
		d := doc(fmt.Sprintf("p%d", i), "纪要", "研究审计工作。")
		d.People = []string{fmt.Sprintf("人员%d", i)}
		put(t, ix, d)
		if err := ix.cols.warm(ctx, ix); err != nil {
			t.Fatal(err)
		}
		// A query merging several segments' counts maps their ordinals.
		ix.DropFacetCache()
		if _, err := ix.Search(ctx, Query{}); err != nil {
			t.Fatal(err)
		}
		ix.cols.mu.Lock()
		remapped = max(remapped, len(ix.cols.remaps))
		ix.cols.mu.Unlock()
	}
	if remapped == 0 {
		t.Fatal("no query merged the counts of two segments")
	}
	if err := ix.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	if err := ix.cols.warm(ctx, ix); err != nil {
		t.Fatal(err)
	}
	ix.cols.mu.Lock()
	defer ix.cols.mu.Unlock()
	held := len(ix.cols.segs)
	if n := segmentCount(t, ix); held != n {
		t.Errorf("columns held for %d segments, the index has %d", held, n)
	}
	live := map[*column]bool{}
	for _, cols := range ix.cols.segs {
		for _, c := range cols {
			live[c] = true
		}
	}
	for k := range ix.cols.remaps {
		if !live[k[0]] || !live[k[1]] {
			t.Errorf("an ordinal map of a merged-away segment is held")
		}
	}
}

// No query waits for columns: before the warmer has built them a search
// counts with bleve's facets, after it with the columns, with the same
// answer; the warmer builds them by itself once writes pause, and stops
// with the index.
func TestFacetColumnsWarmer(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir()+"/idx", Options{Segmenter: testSegmenter(t)})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*document.Document
	for i := range 40 {
		d := doc(fmt.Sprintf("w%02d", i), "纪要", "研究审计工作。")
		d.People = []string{fmt.Sprintf("人员%d", i%7), "李亚平"}
		d.Date = fmt.Sprintf("20%02d-01-01", 10+i%5)
		docs = append(docs, d)
	}
	put(t, ix, docs...)
	q := Query{Text: "审计", FacetSize: 3}
	before := find(t, ix, q).Facets
	if _, err := ix.cols.count(ctx, ix, bleve.NewMatchAllQuery(), facetFields, 3); !errors.Is(err, errColumnsNotReady) {
		t.Fatalf("columns right after a write: %v, want them not built yet", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := ix.cols.count(ctx, ix, bleve.NewMatchAllQuery(), facetFields, 3)
		if err == nil {
			break
		}
		if !errors.Is(err, errColumnsNotReady) || time.Now().After(deadline) {
			t.Fatalf("the warmer did not build the columns: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	ix.DropFacetCache()
	if after := find(t, ix, q).Facets; !reflect.DeepEqual(after, before) {
		t.Errorf("facets from the columns %v, from bleve %v", after, before)
	}
	if want := []Facet{{"李亚平", 40}, {"人员0", 6}, {"人员1", 6}}; !reflect.DeepEqual(before[FacetPerson], want) {
		t.Errorf("person facet %v, want %v", before[FacetPerson], want)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ix.cols.done:
	default:
		t.Error("the warmer outlives the index")
	}
}

func segmentCount(t *testing.T, ix *Index) int {
	t.Helper()
	adv, err := ix.bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		t.Fatalf("reader %T", r)
	}
	return len(snap.Segments())
}

// openUnmerged opens a new index whose segments scorch leaves unmerged: a
// floor of one byte keeps the planner from merging small segments into one
// (their budget is the archive's size over the floor).
func openUnmerged(t *testing.T, opts Options) *Index {
	t.Helper()
	return openPrepared(t, nil, map[string]interface{}{
		"scorchMergePlanOptions": map[string]interface{}{"MaxSegmentsPerTier": 1000, "SegmentsPerMergeTask": 1000, "FloorSegmentSize": 1, "FloorSegmentFileSize": 1},
	}, opts)
}

// An index opened while its segmenter is still loading returns at once and
// builds its facet columns meanwhile; searches wait for the segmenter.
func TestOpenWhileSegmenterLoads(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir() + "/idx"
	seg := testSegmenter(t)
	ix, err := Open(ctx, dir, Options{Segmenter: seg})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*document.Document
	for i := range 30 {
		d := doc(fmt.Sprintf("s%02d", i), "纪要", "研究审计工作。")
		d.People = []string{fmt.Sprintf("人员%d", i%4)}
		docs = append(docs, d)
	}
	put(t, ix, docs...)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	loaded := make(chan struct{})
	ix, err = Open(ctx, dir, Options{SegmenterLoading: func() (*gse.Segmenter, error) {
		<-loaded
		return seg, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// The columns get built while the segmenter has not arrived.
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := ix.cols.count(ctx, ix, bleve.NewMatchAllQuery(), facetFields, 3); err == nil {
			break
		} else if !errors.Is(err, errColumnsNotReady) || time.Now().After(deadline) {
			t.Fatalf("no columns while the segmenter loads: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(loaded)
	r := find(t, ix, Query{Text: "审计", FacetSize: 2})
	if r.Total != 30 || !reflect.DeepEqual(r.Facets[FacetPerson], []Facet{{"人员0", 8}, {"人员1", 8}}) {
		t.Errorf("after loading: %d hits, person facet %v", r.Total, r.Facets[FacetPerson])
	}
}

// A query whose columns are being built waits for them when counting its
// matches with bleve would cost more than the rest of the build.
func TestFacetColumnsAwait(t *testing.T) {
	ctx := context.Background()
	fc := &facetColumns{}
	if fc.await(ctx, 1e6) {
		t.Error("waited with no build under way")
	}
	done := make(chan struct{})
	fc.warming, fc.left = done, 10_000
	if fc.await(ctx, 10_000/awaitRatio-1) {
		t.Error("waited though bleve would count the matches sooner")
	}
	waited := make(chan bool)
	go func() { waited <- fc.await(ctx, 10_000/awaitRatio) }()
	select {
	case <-waited:
		t.Fatal("did not wait for the build")
	case <-time.After(50 * time.Millisecond):
	}
	close(done)
	if !<-waited {
		t.Error("await reports no columns after the build")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	fc.warming = make(chan struct{})
	if fc.await(cctx, 1e6) {
		t.Error("a cancelled query waited")
	}
}

// Built columns are kept in files and read back by the next start instead
// of built again; a damaged file is built again, and the files of segments
// merged away are removed.
func TestFacetColumnsKeptInFiles(t *testing.T) {
	ctx := context.Background()
	ix := openUnmerged(t, Options{})
	for b := range 4 {
		var docs []*document.Document
		for i := range 10 {
			d := doc(fmt.Sprintf("k%d-%d", b, i), "纪要", "研究审计工作。")
			d.People = []string{fmt.Sprintf("人员%d", i), fmt.Sprintf("人员%d", b)}
			d.Departments = []string{fmt.Sprintf("部门%d", b)}
			docs = append(docs, d)
		}
		put(t, ix, docs...)
		if err := ix.Settle(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.cols.warm(ctx, ix); err != nil {
		t.Fatal(err)
	}
	dir := ix.dir
	files, _ := filepath.Glob(filepath.Join(dir, ColumnCacheDir, "*.cols"))
	if n := segmentCount(t, ix); n < 2 || len(files) != n {
		t.Fatalf("%d column files for %d segments", len(files), n)
	}
	// A file holds what was built.
	ix.cols.mu.Lock()
	for seg, cols := range ix.cols.segs {
		var want []*column
		for _, f := range warmFields {
			want = append(want, cols[f])
		}
		found := false
		for _, f := range files {
			if got, err := readColumns(f, seg.Count(), warmFields); err == nil && slices.EqualFunc(got, want, sameColumn) {
				found = true
			}
		}
		if !found {
			t.Errorf("no file holds the columns of a segment of %d documents", seg.Count())
		}
	}
	ix.cols.mu.Unlock()
	if _, err := readColumns(files[0], 1<<20, warmFields); !errors.Is(err, errColFile) {
		t.Errorf("a file read for another segment: %v", err)
	}
	want, err := ix.Search(ctx, Query{FacetSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	if size, _ := ix.DiskSize(); size <= 0 {
		t.Fatal("no size")
	}
	before, _ := ix.DiskSize()
	ix.Close()

	reopen := func(wantBuilt int) *Index {
		t.Helper()
		ix, err := Open(ctx, dir, Options{Segmenter: testSegmenter(t)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		// The warm pass of the start.
		n := segmentCount(t, ix)
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			ix.cols.mu.Lock()
			ready := len(ix.cols.segs) == n && ix.cols.warming == nil
			ix.cols.mu.Unlock()
			if ready {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("no columns 10 s after a start")
			}
		}
		ix.cols.mu.Lock()
		built := ix.cols.built
		ix.cols.mu.Unlock()
		if built != wantBuilt {
			t.Errorf("after a start %d segment(s) built, want %d", built, wantBuilt)
		}
		got, err := ix.Search(ctx, Query{FacetSize: 10})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Errorf("facets after a start %v, want %v", got.Facets, want.Facets)
		}
		return ix
	}
	ix = reopen(0)
	// (Compared with what is on disk now, not with before: scorch's bolt
	// file may grow by a page on a start.)
	size, _ := ix.DiskSize()
	all, cache := dirBytes(t, dir), dirBytes(t, filepath.Join(dir, ColumnCacheDir))
	if cache == 0 || size != all-cache || size < before {
		t.Errorf("index size %d (%d before the start): %d bytes on disk, %d of them column files", size, before, all, cache)
	}
	ix.Close()

	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0xff
	if err := os.WriteFile(files[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
	ix = reopen(1)
	if _, err := readColumns(files[0], 10, warmFields); err != nil {
		t.Errorf("the damaged file was not written again: %v", err)
	}

	// Merged into one segment: its file is left, and nothing else.
	if err := os.WriteFile(filepath.Join(dir, ColumnCacheDir, "junk.cols.tmp"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	adv, err := ix.bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	if err := adv.(*scorch.Scorch).ForceMerge(ctx, &mergeplan.SingleSegmentMergePlanOptions); err != nil {
		t.Fatal(err)
	}
	if err := ix.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	if err := ix.cols.warm(ctx, ix); err != nil {
		t.Fatal(err)
	}
	files, _ = filepath.Glob(filepath.Join(dir, ColumnCacheDir, "*"))
	if n := segmentCount(t, ix); n != 1 || len(files) != 1 {
		t.Errorf("%d files left for %d segment(s): %v", len(files), n, files)
	}
}

// A file kept for a segment id that scorch gives again to another segment
// after a start (the segment it was kept for is gone) is not read for it.
func TestFacetColumnFileOfAnIDGivenAgain(t *testing.T) {
	ctx := context.Background()
	ix := openUnmerged(t, Options{})
	batch := func(prefix string) []*document.Document {
		var docs []*document.Document
		for i := range 5 {
			d := doc(fmt.Sprintf("%s%d", prefix, i), "纪要", "研究审计工作。")
			d.People = []string{"真人"}
			docs = append(docs, d)
		}
		return docs
	}
	put(t, ix, batch("a")...)
	if err := ix.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	dir := ix.dir
	ix.Close()
	// The next segment's id: one past the highest segment file.
	zaps, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	var next uint64
	for _, z := range zaps {
		id, err := strconv.ParseUint(strings.TrimSuffix(filepath.Base(z), ".zap"), 16, 64)
		if err != nil {
			t.Fatal(err)
		}
		next = max(next, id+1)
	}
	if next == 0 {
		t.Fatal("no segment file")
	}
	bogus := make([]*column, len(warmFields))
	for i := range bogus {
		c := &column{terms: []string{"假人"}, start: make([]uint32, 6), ords: make([]uint32, 5)}
		for d := range 6 {
			c.start[d] = uint32(d)
		}
		bogus[i] = c
	}
	if err := writeColumns(filepath.Join(dir, ColumnCacheDir, colFileName(next)), 5, warmFields, bogus); err != nil {
		t.Fatal(err)
	}

	ix, err := Open(ctx, dir, Options{Segmenter: testSegmenter(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	// Gone before Open returns, so before anything is written.
	if _, err := os.Stat(filepath.Join(dir, ColumnCacheDir, colFileName(next))); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the file of a segment the index does not hold is still there after Open: %v", err)
	}
	put(t, ix, batch("b")...)
	if err := ix.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	if err := ix.cols.warm(ctx, ix); err != nil {
		t.Fatal(err)
	}
	r, err := ix.Search(ctx, Query{FacetSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Facets[FacetPerson]; len(got) != 1 || got[0].Value != "真人" || got[0].Count != 10 {
		t.Errorf("person facet %v, want 真人 ×10", got)
	}
}

// A settled bulk load has its columns built and kept: the next start reads
// them all.
func TestSettleKeepsColumns(t *testing.T) {
	ctx := context.Background()
	ix := openUnmerged(t, Options{})
	for b := range 3 {
		d := doc(fmt.Sprintf("s%d", b), "纪要", "研究审计工作。")
		d.People = []string{"李亚平"}
		put(t, ix, d)
		if err := ix.Settle(ctx); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(ix.dir, ColumnCacheDir, "*.cols"))
	if n := segmentCount(t, ix); n != 3 || len(files) != n {
		t.Errorf("after Settle: %d column files for %d segments", len(files), n)
	}
}

func sameColumn(a, b *column) bool {
	return slices.Equal(a.terms, b.terms) && slices.Equal(a.start, b.start) && slices.Equal(a.ords, b.ords)
}

// dirBytes is the size of the files under dir.
func dirBytes(t *testing.T, dir string) int64 {
	t.Helper()
	n, err := filesSize(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	return n
}
