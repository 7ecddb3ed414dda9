package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"govarchive/internal/document"
)

// benchText is a paragraph of the genre, repeated to the size of a
// typical minutes document (~6 KB).
const benchPara = "2020年1月6日上午，李亚平市长主持召开市政府第86次常务会议，审议《苏州市危险化学品安全综合治理实施方案》。" +
	"会议原则同意，由市应急局会同市民政局、市卫生健康委等部门修改完善后印发实施。会议强调，要统筹推进安全生产和疫情防控工作。\n"

func BenchmarkTokenize(b *testing.B) {
	seg := testSegmenter(b)
	text := []byte(strings.Repeat(benchPara, 24))
	for _, mode := range []struct {
		name string
		tok  *tokenizer
	}{{"index", &tokenizer{seg: seg, sub: true}}, {"query", &tokenizer{seg: seg}}} {
		b.Run(mode.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				mode.tok.Tokenize(text)
			}
		})
	}
}

// BenchmarkSearchFacets: searches with the five facets, from the facet
// cache (a repeated query), and uncached (a query not seen since the last
// write) counted by the facet columns or by bleve's terms facets, so the
// two counters are compared in the same run.
func BenchmarkSearchFacets(b *testing.B) {
	ix := openTest(b, Options{})
	rng := rand.New(rand.NewPCG(1, 2))
	depts := []string{"市应急局", "市民政局", "市卫生健康委", "市财政局", "市司法局", "市审计局", "市教育局", "市公安局"}
	var docs []*document.Document
	for i := range 2000 {
		d := doc(fmt.Sprintf("d%04d", i), fmt.Sprintf("市政府第%d次常务会议纪要", i), strings.Repeat(benchPara, 1+i%4))
		d.Date = fmt.Sprintf("%d-%02d-%02d", 2015+i%10, 1+i%12, 1+i%28)
		for range 3 {
			d.Departments = append(d.Departments, depts[rng.IntN(len(depts))])
		}
		// An archive names thousands of people, a few of them often.
		for range 8 {
			d.People = append(d.People, fmt.Sprintf("李%04d", int(rng.ExpFloat64()*600)%3000))
		}
		docs = append(docs, d)
	}
	for i := 0; i < len(docs); i += 500 {
		put(b, ix, docs[i:i+500]...)
	}
	ctx := context.Background()
	cols := ix.cols
	for _, q := range []Query{
		{Text: "危险化学品"},
		{Text: `"安全生产"`, Sort: SortDateDesc},
		{Text: "应急 疫情防控", Year: 2020},
		{},
	} {
		for _, mode := range []string{"cached", "columns", "bleve"} {
			b.Run(fmt.Sprintf("%q/%s", q.Text, mode), func(b *testing.B) {
				ix.cols = cols
				if mode == "bleve" {
					ix.cols = nil
				}
				defer func() { ix.cols = cols }()
				for b.Loop() {
					if mode != "cached" {
						ix.facets.invalidate()
					}
					if _, err := ix.Search(ctx, q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkSuggestAfterPut: a suggestion right after each upload (the
// upload itself not timed), the pattern that rebuilt the whole suggestion
// cache before it followed writes.
func BenchmarkSuggestAfterPut(b *testing.B) {
	ix := openTest(b, Options{})
	var docs []*document.Document
	for i := range 2000 {
		d := doc(fmt.Sprintf("d%04d", i), fmt.Sprintf("市政府第%d次常务会议纪要", i), benchPara)
		d.People = []string{fmt.Sprintf("李%04d", i), fmt.Sprintf("王%04d", i)}
		d.Departments = []string{fmt.Sprintf("市第%d局", i%300)}
		docs = append(docs, d)
	}
	for i := 0; i < len(docs); i += 500 {
		put(b, ix, docs[i:i+500]...)
	}
	ctx := context.Background()
	i := 0
	for b.Loop() {
		i++
		d := doc(fmt.Sprintf("n%d", i), fmt.Sprintf("新纪要%d", i), benchPara)
		d.People = []string{fmt.Sprintf("赵%d", i)}
		b.StopTimer() // the suggestion alone is measured
		put(b, ix, d)
		b.StartTimer()
		if got, err := ix.Suggest(ctx, d.People[0], 5); err != nil || len(got) == 0 {
			b.Fatalf("%v %v", got, err)
		}
	}
}
