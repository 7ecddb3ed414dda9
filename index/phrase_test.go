package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"govarchive/internal/document"
)

// phraseQuery matches the documents bleve's phrase query matches, with the
// same scores, alone and inside a disjunction, for phrases found in the
// documents and phrases made from them: gaps at the start, middle and end,
// slots of two terms, words out of order, terms in topic titles (an array
// field: a phrase must not span two titles).
func TestPhraseMatchesBleve(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, Options{})
	rng := rand.New(rand.NewPCG(3, 5))
	vocab := []string{"安全", "生产", "工作", "责任", "压实", "高质量", "发展", "会议", "研究", "审计", "防汛", "抗旱", "工作", "发展"}
	sentence := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(vocab[rng.IntN(len(vocab))])
			if i%7 == 6 {
				b.WriteString("，")
			}
		}
		b.WriteString("。")
		return b.String()
	}
	var docs []*document.Document
	for i := range 120 {
		d := doc(fmt.Sprintf("p%03d", i), sentence(3+rng.IntN(4)), sentence(10+rng.IntN(60))+sentence(5+rng.IntN(20)))
		for range rng.IntN(4) {
			d.Topics = append(d.Topics, document.Topic{Title: sentence(2 + rng.IntN(3))})
		}
		docs = append(docs, d)
	}
	put(t, ix, docs...)

	// Phrases as the query analysis cuts the documents' own text.
	type phrase struct {
		field string
		slots [][]string
	}
	var phrases []phrase
	add := func(field string, toks []string) {
		for n := 2; n <= 4 && n <= len(toks); n++ {
			at := rng.IntN(len(toks) - n + 1)
			w := toks[at : at+n]
			one := func(edit func(s [][]string) [][]string) {
				s := make([][]string, len(w))
				for i, t := range w {
					s[i] = []string{t}
				}
				phrases = append(phrases, phrase{field, edit(s)})
			}
			one(func(s [][]string) [][]string { return s })
			one(func(s [][]string) [][]string { s[0], s[len(s)-1] = s[len(s)-1], s[0]; return s })
			one(func(s [][]string) [][]string { s[0] = []string{""}; return s })
			one(func(s [][]string) [][]string { s[len(s)-1] = nil; return s })
			one(func(s [][]string) [][]string { s[0] = append(s[0], vocab[rng.IntN(len(vocab))]); return s })
			if n > 2 {
				one(func(s [][]string) [][]string { s[1] = []string{""}; return s })
			}
		}
	}
	analyze := func(s string) []string {
		var out []string
		for _, tok := range ix.phraseAn.Analyze([]byte(s)) {
			out = append(out, string(tok.Term))
		}
		return out
	}
	for _, d := range docs[:40] {
		add(fBody, analyze(d.Text))
		add(fTitle, analyze(d.Title))
		var titles []string
		for _, tp := range d.Topics {
			titles = append(titles, tp.Title)
		}
		// Across two topic titles: never a match, in either.
		add(fTopicTitle, analyze(strings.Join(titles, "")))
	}

	run := func(q query.Query, locations bool) *bleve.SearchResult {
		req := bleve.NewSearchRequestOptions(q, 1000, 0, false)
		req.IncludeLocations = locations
		req.SortBy([]string{"-_score", "_id"})
		res, err := ix.bi.SearchInContext(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	hits := func(r *bleve.SearchResult) []string {
		var out []string
		for _, h := range r.Hits {
			out = append(out, fmt.Sprintf("%s %.12g", h.ID, h.Score))
		}
		return out
	}
	matched := 0
	for _, p := range phrases {
		ours := &phraseQuery{field: p.field, slots: p.slots, boost: 2}
		theirs := query.NewMultiPhraseQuery(p.slots, p.field)
		theirs.SetBoost(2)
		other := termQ(fBody, "审计", 1)
		for _, c := range []struct {
			name         string
			ours, theirs query.Query
		}{
			{"alone", ours, theirs},
			{"in a disjunction", bleve.NewDisjunctionQuery(ours, other), bleve.NewDisjunctionQuery(theirs, other)},
		} {
			for _, loc := range []bool{false, true} {
				got, want := run(c.ours, loc), run(c.theirs, loc)
				if got.Total != want.Total || !slices.Equal(hits(got), hits(want)) {
					t.Errorf("%s %q %s, locations %v: %d hits %v, bleve %d %v", p.field, p.slots, c.name, loc, got.Total, hits(got), want.Total, hits(want))
				}
				if loc {
					for i := range min(len(got.Hits), len(want.Hits)) {
						if !sameLocations(got.Hits[i].Locations, want.Hits[i].Locations) {
							t.Errorf("%s %q %s: locations of %s differ", p.field, p.slots, c.name, got.Hits[i].ID)
						}
					}
				}
			}
		}
		if run(ours, false).Total > 0 {
			matched++
		}
	}
	// The oracle must have seen matches and misses.
	t.Logf("%d of %d phrases match", matched, len(phrases))
	if matched < len(phrases)/4 || matched == len(phrases) {
		t.Fatalf("%d of %d phrases match: the test needs both", matched, len(phrases))
	}
}

func sameLocations(a, b search.FieldTermLocationMap) bool {
	return reflect.DeepEqual(a, b)
}
