package index

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"

	"govarchive/internal/document"
)

// Every page of a text query carries the snippets and topic hits of its
// own hits, whatever the sort and however deep the page: the locations
// come from a second pass over the page's documents.
func TestSnippetsOnEverySortAndPage(t *testing.T) {
	ix := openTest(t, Options{})
	var docs []*document.Document
	for i := range 30 {
		d := doc(fmt.Sprintf("d%02d", i), fmt.Sprintf("会议纪要%d", i), strings.Repeat("其他事项。", i%4)+"会议研究审计工作。")
		d.Date = fmt.Sprintf("2020-%02d-%02d", 1+i%12, 1+i)
		d.Topics = []document.Topic{{No: 1, Title: "关于审计工作", Text: "会议研究审计工作。"}}
		docs = append(docs, d)
	}
	put(t, ix, docs...)
	for _, q := range []Query{
		{Text: "审计"},
		{Text: "审计", Page: 3, Size: 5},
		{Text: "审计", Sort: SortDateDesc},
		{Text: "审计", Sort: SortDateAsc, Page: 2, Size: 7},
		{Text: "\"研究审计\"", Sort: SortDateDesc, Page: 2, Size: 10},
		{Text: "审计", Year: 2020, Sort: SortDateDesc},
	} {
		r := find(t, ix, q)
		if r.Total != 30 {
			t.Errorf("%+v: total %d, want 30", q, r.Total)
		}
		size := q.Size
		if size == 0 {
			size = defaultSize
		}
		if len(r.Hits) != min(size, 30) {
			t.Errorf("%+v: %d hits", q, len(r.Hits))
		}
		for _, h := range r.Hits {
			if len(h.Snippets) == 0 || !strings.Contains(h.Snippets[0], "审计</mark>") {
				t.Errorf("%+v: %s snippets %q", q, h.ID, h.Snippets)
			}
			if len(h.Topics) != 1 || h.Topics[0].No != 1 {
				t.Errorf("%+v: %s topics %+v", q, h.ID, h.Topics)
			}
		}
		if q.Sort != "" {
			for i := 1; i < len(r.Hits); i++ {
				a, b := r.Hits[i-1].Date, r.Hits[i].Date
				if (q.Sort == SortDateDesc && a < b) || (q.Sort == SortDateAsc && a > b) {
					t.Errorf("%+v: %s before %s", q, a, b)
				}
			}
			// Date sorts rank unscored; the hits shown still carry the
			// score of their text match.
			if r.Hits[0].Score <= 0 {
				t.Errorf("%+v: score %v", q, r.Hits[0].Score)
			}
		}
	}
	// Pages of one date sort partition the matches.
	seen := map[string]bool{}
	for p := 1; p <= 3; p++ {
		for _, h := range find(t, ix, Query{Text: "审计", Sort: SortDateAsc, Page: p, Size: 10}).Hits {
			if seen[h.ID] {
				t.Errorf("%s on two pages", h.ID)
			}
			seen[h.ID] = true
		}
	}
	if len(seen) != 30 {
		t.Errorf("3 pages hold %d documents", len(seen))
	}
}

// A hit whose document went away between the two passes is dropped, not
// shown without its text.
func TestLocateHitsDropsVanished(t *testing.T) {
	ix := openTest(t, Options{})
	put(t, ix, doc("a", "纪要", "研究审计工作。"), doc("b", "纪要", "研究审计制度。"))
	tq, err := ix.buildText(mustParse(t, "审计"), allWords, true)
	if err != nil {
		t.Fatal(err)
	}
	res := &bleve.SearchResult{Hits: search.DocumentMatchCollection{
		{ID: "b", Score: 2}, {ID: "gone", Score: 1.5}, {ID: "a", Score: 1},
	}}
	if err := ix.locateHits(context.Background(), tq, res, false); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.ID)
		if len(h.Locations[fBody]) == 0 || h.Fields[fText] == nil {
			t.Errorf("%s: no locations or stored text", h.ID)
		}
	}
	if !reflect.DeepEqual(got, []string{"b", "a"}) || res.Hits[0].Score != 2 {
		t.Errorf("hits %v (score %v), want [b a] in the first pass's order and scores", got, res.Hits[0].Score)
	}
}

// An index built before the date sort key sorts by the date field's own
// doc values.
func TestDateSortWithoutDateKey(t *testing.T) {
	ctx := context.Background()
	ix := openPrepared(t, func(im *mapping.IndexMappingImpl) {
		delete(im.DefaultMapping.Properties, fDateKey)
		im.DefaultMapping.Properties[fDate].Fields[0].DocValues = true
	}, nil, Options{})
	if ix.dateKeys {
		t.Fatal("an index without date_key sorts by it")
	}
	put(t, ix, facetDocs()...)
	for sort, want := range map[string][]string{
		SortDateDesc: {"c", "b", "a", "d"},
		SortDateAsc:  {"a", "b", "c", "d"},
	} {
		if got := ids(find(t, ix, Query{Sort: sort})); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", sort, got, want)
		}
	}
	var exported []string
	if err := ix.Each(ctx, Query{}, func(h Hit) error { exported = append(exported, h.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if want := []string{"c", "b", "a", "d"}; !reflect.DeepEqual(exported, want) {
		t.Errorf("export order %v, want %v", exported, want)
	}
}

func mustParse(t *testing.T, s string) *parsed {
	t.Helper()
	p, err := parseQuery(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
