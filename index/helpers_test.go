package index

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/go-ego/gse"

	"govarchive/internal/clean"
	"govarchive/internal/dept"
	"govarchive/internal/document"
	"govarchive/internal/segment"
)

// The gse dictionary takes a second and 130 MB to load: one per test binary.
var (
	segOnce sync.Once
	segVal  *gse.Segmenter
	segErr  error
)

// testUserWords stand in for names the archive would contribute.
var testUserWords = []segment.Word{
	{Text: "市应急局", Freq: 1000, POS: segment.UserPOS},
	{Text: "市民政局", Freq: 1000, POS: segment.UserPOS},
	{Text: "市卫生健康委", Freq: 1000, POS: segment.UserPOS},
	{Text: "卫生健康委员会", Freq: 1000, POS: segment.UserPOS},
	{Text: "民政局", Freq: 1000, POS: segment.UserPOS},
	{Text: "应急管理局", Freq: 1000, POS: segment.UserPOS},
	{Text: "李亚平", Freq: 1000, POS: segment.UserPOS},
	{Text: "邹洪凯", Freq: 1000, POS: segment.UserPOS},
}

func testSegmenter(t testing.TB) *gse.Segmenter {
	t.Helper()
	segOnce.Do(func() { segVal, segErr = segment.New(testUserWords) })
	if segErr != nil {
		t.Fatalf("segmenter: %v", segErr)
	}
	return segVal
}

// serviceSegmenter loads the department table's names as user words, as
// the service does (segment.UserWords): they change how names are cut
// (镇巴/县人民政府, 县住房和城乡建设局 whole).
var serviceSegmenter = sync.OnceValues(func() (*gse.Segmenter, error) {
	dt, err := dept.New()
	if err != nil {
		return nil, err
	}
	return segment.New(segment.UserWords(dt.Words(), nil))
})

// openService opens a test index as the service would: its segmenter,
// cleaner and department table.
func openService(t testing.TB) *Index {
	t.Helper()
	seg, err := serviceSegmenter()
	if err != nil {
		t.Fatalf("segmenter: %v", err)
	}
	cl, dt := tables(t)
	return openTest(t, Options{Segmenter: seg, Cleaner: cl, Departments: dt})
}

// fakeSimplifier converts the few traditional characters the tests use;
// the real conversion is internal/clean's concern.
type fakeSimplifier struct{}

var t2s = strings.NewReplacer("韓", "韩", "會", "会", "議", "议", "審", "审", "計", "计", "員", "员", "雲", "云")

func (fakeSimplifier) Simplify(s string) string { return t2s.Replace(s) }

// fakeDepartments knows one department under three names.
type fakeDepartments struct{}

func (fakeDepartments) Forms(name string) []string {
	forms := []string{"市应急局", "市应急管理局", "苏州市应急管理局"}
	for _, f := range forms {
		if f == name {
			return forms
		}
	}
	return nil
}

func openTest(t testing.TB, opts Options) *Index {
	t.Helper()
	if opts.Segmenter == nil && !opts.Baseline {
		opts.Segmenter = testSegmenter(t)
	}
	ix, err := Open(context.Background(), t.TempDir()+"/idx", opts)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// openPrepared creates an index the way Open does but with the mapping as
// edit leaves it and scorch's config (an index of an older version, one
// kept unmerged), then opens it with Open; it is closed with the test.
func openPrepared(t *testing.T, edit func(*mapping.IndexMappingImpl), config map[string]interface{}, opts Options) *Index {
	t.Helper()
	dir := t.TempDir() + "/idx"
	opts.Segmenter = testSegmenter(t)
	seg := opts.Segmenter
	get := func() *gse.Segmenter { return seg }
	sharedSeg.Store(&get) // as Open does, for bleve to build the analyzers
	im, err := buildMapping(false)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(im)
	}
	bi, err := bleve.NewUsing(dir, im, scorch.Name, scorch.Name, config)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(meta{Analysis: analysisVersion})
	if err := bi.SetInternal(metaKey, raw); err != nil {
		t.Fatal(err)
	}
	if err := bi.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func put(t testing.TB, ix *Index, docs ...*document.Document) []PutStatus {
	t.Helper()
	res, err := ix.Put(context.Background(), docs)
	if err != nil {
		t.Fatalf("put: %v", err)
	}
	return statuses(res)
}

func statuses(res []PutResult) []PutStatus {
	out := make([]PutStatus, len(res))
	for i, r := range res {
		out[i] = r.Status
	}
	return out
}

func doc(id, title, text string) *document.Document {
	return &document.Document{ID: id, Source: id + ".txt", SourcePath: "/src/" + id + ".txt", Kind: document.KindMinutes, Title: title, Text: text}
}

func ids(r *Result) []string {
	out := []string{}
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

// tables builds the cleaner and the department table, as the service does.
func tables(t testing.TB) (*clean.Cleaner, *dept.Table) {
	t.Helper()
	cl, err := clean.New()
	if err != nil {
		t.Fatal(err)
	}
	dt, err := dept.New()
	if err != nil {
		t.Fatal(err)
	}
	return cl, dt
}

// corpusFiles lists the development corpus's text files.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir(t), "*", "*.txt"))
	if err != nil || len(files) < 40 {
		t.Fatalf("corpus: %d files, %v", len(files), err)
	}
	return files
}

// queryCase is a query and the documents it must find, in any order.
type queryCase struct {
	q    string
	want []string
}

// checkFinds runs each query (strict: without falling back to fewer words)
// and compares the documents found with those it must find.
func checkFinds(t *testing.T, ix *Index, strict bool, cases []queryCase) {
	t.Helper()
	for _, tc := range cases {
		got := ids(find(t, ix, Query{Text: tc.q, NoFallback: strict}))
		slices.Sort(got)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.q, got, tc.want)
		}
	}
}
