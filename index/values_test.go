package index

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"govarchive/internal/document"
)

// TestValuesComplete lists more distinct people than Search's facet
// maximum, with the counts of live documents only.
func TestValuesComplete(t *testing.T) {
	ix := openTest(t, Options{})
	ctx := context.Background()
	const n = maxFacetSize + 150
	var docs []*document.Document
	for i := range n {
		d := doc(fmt.Sprintf("d%04d", i), "纪要", "研究工作。")
		d.People = []string{fmt.Sprintf("人%04d", i), "常委甲"}
		if i%2 == 0 {
			d.People = append(d.People, "常委乙")
		}
		docs = append(docs, d)
	}
	put(t, ix, docs...)
	if err := ix.Delete(ctx, "d0000"); err != nil {
		t.Fatal(err)
	}
	vals, err := ix.Values(ctx, FacetPerson)
	if err != nil {
		t.Fatal(err)
	}
	// n unique names (one deleted) plus the two shared ones.
	if len(vals) != n-1+2 {
		t.Fatalf("%d values, want %d", len(vals), n+1)
	}
	wantTop := []Facet{{"常委甲", n - 1}, {"常委乙", (n+1)/2 - 1}}
	if !reflect.DeepEqual(vals[:2], wantTop) {
		t.Errorf("top values %v, want %v", vals[:2], wantTop)
	}
	for _, v := range vals {
		if v.Value == "人0000" {
			t.Errorf("the deleted document's person is listed: %v", v)
		}
	}

	tests := []struct {
		facet string
		want  []Facet
		err   error
	}{
		{FacetKind, []Facet{{"minutes", n - 1}}, nil},
		{FacetYear, []Facet{}, nil},
		{"colour", nil, ErrInvalidQuery},
	}
	for _, tc := range tests {
		got, err := ix.Values(ctx, tc.facet)
		if !errors.Is(err, tc.err) || (tc.err == nil && !reflect.DeepEqual(got, tc.want)) {
			t.Errorf("%s: %v %v, want %v %v", tc.facet, got, err, tc.want, tc.err)
		}
	}
}

// TestKinds filters on several kinds at once.
func TestKinds(t *testing.T) {
	ix := openTest(t, Options{})
	mk := func(id string, k document.Kind) *document.Document {
		d := doc(id, "会议", "研究审计工作。")
		d.Kind = k
		return d
	}
	put(t, ix, mk("m", document.KindMinutes), mk("n", document.KindNews), mk("o", document.KindOfficial))
	tests := []struct {
		q    Query
		want []string
	}{
		{Query{Kinds: []string{"minutes", "news"}, Sort: SortDateDesc}, []string{"m", "n"}},
		{Query{Kinds: []string{"official"}}, []string{"o"}},
		{Query{Kinds: []string{""}}, []string{"m", "n", "o"}},
		{Query{Kind: "news", Kinds: []string{"minutes", "news"}}, []string{"n"}},
		{Query{Text: "审计", Kinds: []string{"news", "official"}}, []string{"n", "o"}},
	}
	for _, tc := range tests {
		got := ids(find(t, ix, tc.q))
		slices.Sort(got)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%+v: %v, want %v", tc.q, got, tc.want)
		}
	}
	if _, err := ix.Search(context.Background(), Query{Kinds: []string{"news", "memo"}}); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("unknown kind in Kinds: %v", err)
	}
}

// TestBriefDocuments: browse hits carry the document's structure without
// its full texts, from Search and Each alike; a text query still gets
// snippets and topics.
func TestBriefDocuments(t *testing.T) {
	ix := openTest(t, Options{})
	ctx := context.Background()
	d := doc("m", "常务会议纪要", "会议研究审计工作。由市应急局牵头。")
	d.Date = "2021-03-01"
	d.Topics = []document.Topic{{No: 1, Title: "审计工作", LeadDepartments: []string{"市应急局"}, Text: "会议研究审计工作。"}}
	d.People = []string{"李亚平"}
	put(t, ix, d)

	check := func(name string, h Hit) {
		t.Helper()
		got := h.Document
		if got == nil {
			t.Fatalf("%s: no document", name)
		}
		if got.Text != "" || got.Topics[0].Text != "" {
			t.Errorf("%s: full texts decoded: %q %q", name, got.Text, got.Topics[0].Text)
		}
		if got.Title != d.Title || got.Date != d.Date || got.Topics[0].LeadDepartments[0] != "市应急局" ||
			got.People[0] != "李亚平" || got.SourcePath != d.SourcePath {
			t.Errorf("%s: structure lost: %+v", name, got)
		}
	}
	r := find(t, ix, Query{Person: "李亚平", IncludeDocuments: true, Brief: true})
	if len(r.Hits) != 1 {
		t.Fatalf("%d hits", len(r.Hits))
	}
	check("search", r.Hits[0])
	if len(r.Hits[0].Snippets) != 0 {
		t.Errorf("brief hit has snippets: %v", r.Hits[0].Snippets)
	}
	err := ix.Each(ctx, Query{IncludeDocuments: true, Brief: true}, func(h Hit) error { check("each", h); return nil })
	if err != nil {
		t.Fatal(err)
	}
	// With query text, Brief does not drop what the text matched.
	r = find(t, ix, Query{Text: "审计", IncludeDocuments: true, Brief: true})
	if len(r.Hits) != 1 || len(r.Hits[0].Topics) != 1 || len(r.Hits[0].Snippets) == 0 || r.Hits[0].Document.Text == "" {
		t.Errorf("text query with Brief: %+v", r.Hits)
	}
	// The stored document is whole.
	full, err := ix.Get(ctx, "m")
	if err != nil || full.Text != d.Text {
		t.Errorf("get after brief reads: %v %q", err, full.Text)
	}
}

// TestFacetSelection counts only the facets asked for.
func TestFacetSelection(t *testing.T) {
	ix := openTest(t, Options{})
	d := doc("a", "纪要", "研究。")
	d.Date, d.People = "2020-01-02", []string{"李亚平"}
	put(t, ix, d)
	r := find(t, ix, Query{Facets: []string{FacetYear}})
	if len(r.Facets) != 1 || len(r.Facets[FacetYear]) != 1 || r.Facets[FacetYear][0] != (Facet{"2020", 1}) {
		t.Errorf("facets = %v", r.Facets)
	}
	if r := find(t, ix, Query{}); len(r.Facets) != len(facetFields) || len(r.Facets[FacetPerson]) != 1 {
		t.Errorf("default facets = %v", r.Facets)
	}
	if _, err := ix.Search(context.Background(), Query{Facets: []string{"colour"}}); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("unknown facet: %v", err)
	}
}

// TestBriefReopen: a reopened index finds its brief field in the stored
// mapping; an index without it (built before) reads whole documents and
// still answers brief hits without texts.
func TestBriefReopen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir() + "/idx"
	opts := Options{Segmenter: testSegmenter(t)}
	ix, err := Open(ctx, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	put(t, ix, doc("a", "纪要", "研究审计工作。"))
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if ix, err = Open(ctx, dir, opts); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !reflect.DeepEqual(ix.briefFields, briefFields) {
		t.Errorf("reopened index reads %v for brief hits", ix.briefFields)
	}
	ix.briefFields = fullFields // as in an index built before doc_brief
	r := find(t, ix, Query{IncludeDocuments: true, Brief: true})
	if len(r.Hits) != 1 || r.Hits[0].Document == nil || r.Hits[0].Document.Text != "" || r.Hits[0].Document.Title != "纪要" {
		t.Errorf("brief hit from a whole document: %+v", r.Hits)
	}
}

func TestTopicCount(t *testing.T) {
	ix := openTest(t, Options{})
	ctx := context.Background()
	mk := func(id, date string, n int) *document.Document {
		d := doc(id, "纪要", "研究审计工作。")
		d.Date = date
		for i := range n {
			d.Topics = append(d.Topics, document.Topic{No: i + 1, Title: fmt.Sprintf("议题%d", i+1)})
		}
		return d
	}
	put(t, ix, mk("a", "2020-01-01", 3), mk("b", "2020-05-01", 3), mk("c", "2021-01-01", 12), mk("d", "2021-02-01", 0))
	tests := []struct {
		q    Query
		want int
	}{
		{Query{}, 18},
		{Query{Year: 2020}, 6},
		{Query{Year: 2021}, 12},
		{Query{Year: 1999}, 0},
	}
	for _, tc := range tests {
		got, err := ix.TopicCount(ctx, tc.q)
		if err != nil || got != tc.want {
			t.Errorf("%+v: %d %v, want %d", tc.q, got, err, tc.want)
		}
	}
	ix.topicCounts = false // as in an index built before topic counts
	if _, err := ix.TopicCount(ctx, Query{}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("old index: %v", err)
	}
}

// TestWholeArchiveFacetCache: the facets of the unfiltered search are
// reused, equal to fresh ones, private to each caller, and renewed by
// every write.
func TestWholeArchiveFacetCache(t *testing.T) {
	ix := openTest(t, Options{})
	ctx := context.Background()
	mk := func(id, person string) *document.Document {
		d := doc(id, "纪要", "研究。")
		d.People = []string{person}
		return d
	}
	put(t, ix, mk("a", "李亚平"), mk("b", "李亚平"))
	first := find(t, ix, Query{})
	first.Facets[FacetPerson][0].Count = 99 // a caller's change stays its own
	second := find(t, ix, Query{})
	if got := second.Facets[FacetPerson]; len(got) != 1 || got[0] != (Facet{"李亚平", 2}) {
		t.Fatalf("cached person facet %v", got)
	}
	if r := find(t, ix, Query{Facets: []string{FacetKind}}); len(r.Facets) != 1 {
		t.Errorf("another selection reuses the cache: %v", r.Facets)
	}
	put(t, ix, mk("c", "韩云"))
	if got := find(t, ix, Query{}).Facets[FacetPerson]; len(got) != 2 {
		t.Errorf("after a write: %v", got)
	}
	if err := ix.Delete(ctx, "c"); err != nil {
		t.Fatal(err)
	}
	if got := find(t, ix, Query{}).Facets[FacetPerson]; len(got) != 1 {
		t.Errorf("after a delete: %v", got)
	}
	if got := find(t, ix, Query{Person: "韩云"}); got.Total != 0 {
		t.Errorf("filtered search: %d", got.Total)
	}
}

// TestValuesCache: complete lists are reused until a write and private to
// each caller.
func TestValuesCache(t *testing.T) {
	ix := openTest(t, Options{})
	ctx := context.Background()
	d := doc("a", "纪要", "研究。")
	d.People = []string{"李亚平"}
	put(t, ix, d)
	v, err := ix.Values(ctx, FacetPerson)
	if err != nil || len(v) != 1 {
		t.Fatalf("%v %v", v, err)
	}
	v[0].Count = 99
	if v, _ := ix.Values(ctx, FacetPerson); v[0].Count != 1 {
		t.Errorf("cached list changed by a caller: %v", v)
	}
	e := doc("b", "纪要", "研究。")
	e.People = []string{"韩云"}
	put(t, ix, e)
	if v, _ := ix.Values(ctx, FacetPerson); len(v) != 2 {
		t.Errorf("after a write: %v", v)
	}
}

// TestFacetCacheKeys: facets of searches with text and filters are cached
// per query, equal to freshly counted ones, never shared between queries
// that select different documents, and renewed by every write.
func TestFacetCacheKeys(t *testing.T) {
	ix := openTest(t, Options{})
	mk := func(id, body, person, date string) *document.Document {
		d := doc(id, "纪要", body)
		d.People, d.Date = []string{person}, date
		return d
	}
	put(t, ix, mk("a", "研究危险化学品治理。", "李亚平", "2020-01-06"),
		mk("b", "研究安全生产。", "韩云", "2021-03-01"),
		mk("c", "研究危险化学品运输。", "韩云", "2021-05-01"))
	queries := []Query{
		{Text: "危险化学品"},
		{Text: "危险化学品", Person: "韩云"},
		{Text: "危险化学品", Year: 2020},
		{Text: "研究", Sort: SortDateAsc},
		{Text: "研究", Page: 2, Size: 1},
		{Text: "研究", FacetSize: 1},
		{Text: "研究", Facets: []string{FacetYear}},
		{Person: "韩云"},
		{},
	}
	fresh := func(q Query) map[string][]Facet {
		ix.facets.invalidate()
		return find(t, ix, q).Facets
	}
	want := make([]map[string][]Facet, len(queries))
	for i, q := range queries {
		want[i] = fresh(q)
	}
	// Fill the cache in one order, read it back in another.
	for _, q := range queries {
		find(t, ix, q)
	}
	// Sort and page do not change facets, so those share entries.
	if n, max := ix.facets.len(), len(queries); n < 6 || n > max {
		t.Errorf("%d cache entries for %d queries", n, max)
	}
	for i := len(queries) - 1; i >= 0; i-- {
		if got := find(t, ix, queries[i]).Facets; !reflect.DeepEqual(got, want[i]) {
			t.Errorf("%+v: cached %v, fresh %v", queries[i], got, want[i])
		}
	}
	if got := find(t, ix, Query{Text: "危险化学品", NoFacets: true}).Facets; len(got) != 0 {
		t.Errorf("NoFacets got facets %v", got)
	}
	put(t, ix, mk("d", "研究危险化学品。", "李亚平", "2022-01-01"))
	if ix.facets.len() != 0 {
		t.Errorf("a write left %d cached facets", ix.facets.len())
	}
	got := find(t, ix, Query{Text: "危险化学品"}).Facets[FacetPerson]
	if !slices.Contains(got, Facet{"李亚平", 2}) {
		t.Errorf("after a write: %v", got)
	}
}

// TestFacetCacheBounded: the LRU holds at most facetCacheEntries results and
// keeps the most recently used.
func TestFacetCacheBounded(t *testing.T) {
	var c facetCache
	f := map[string][]Facet{FacetYear: {{"2020", 1}}}
	for i := range facetCacheEntries + 10 {
		c.put(0, strconv.Itoa(i), f)
		if i == facetCacheEntries-1 {
			c.get("0") // used again: survives
		}
	}
	if n := c.len(); n != facetCacheEntries {
		t.Errorf("%d entries, want %d", n, facetCacheEntries)
	}
	if v, _ := c.get("0"); v == nil {
		t.Error("recently used entry evicted")
	}
	if v, _ := c.get("1"); v != nil {
		t.Error("least recently used entry kept")
	}
	c.put(0, "stale", f) // computed before a write: dropped
	c.invalidate()
	c.put(0, "stale", f)
	if v, _ := c.get("stale"); v != nil {
		t.Error("result of an older generation stored")
	}
}
