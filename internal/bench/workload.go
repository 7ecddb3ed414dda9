package bench

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"govarchive/index"
)

// firstQuery is what a user typically asks a freshly started service: one
// word, with the facets the search page shows.
var firstQuery = index.Query{Text: "安全生产", Size: 20}

// Query texts of the workload, in the genre's vocabulary. They are not
// taken from any one document: the generator draws topics from the same
// policy domains real minutes discuss.
var (
	singleWords = []string{"安全生产", "营商环境", "医疗保险", "防汛", "科技创新", "招商引资", "养老服务", "消防", "审计", "乡村振兴"}
	phrases     = []string{`"安全生产"`, `"优化营商环境"`, `"基本医疗保险"`, `"高质量发展"`, `"压实工作责任"`}
	severalWord = []string{"安全 隐患 整治", "医疗 保障 改革", "数字 经济 发展", "企业 纾困", "防汛 抗旱 应急"}
)

// workload is the fixed mixed query set: single words, phrases, several
// words, filters, facet browsing, date sorts and deep pages. Filter values
// are the most frequent facet values of the index itself, so the same
// corpus always yields the same workload, whatever its vocabulary.
// Every query asks for the facets, as the search API does.
func workload(ctx context.Context, ix searcher) ([]index.Query, error) {
	all, err := ix.Search(ctx, index.Query{Size: 1, FacetSize: 5})
	if err != nil {
		return nil, fmt.Errorf("bench: facet values: %w", err)
	}
	top := func(facet string, i int) string {
		vals := all.Facets[facet]
		if len(vals) == 0 {
			return ""
		}
		return vals[i%len(vals)].Value
	}
	year := func(i int) int {
		y, _ := strconv.Atoi(top(index.FacetYear, i))
		return y
	}

	var qs []index.Query
	for _, t := range singleWords {
		qs = append(qs, index.Query{Text: t})
	}
	for _, t := range phrases {
		qs = append(qs, index.Query{Text: t})
	}
	for _, t := range severalWord {
		qs = append(qs, index.Query{Text: t})
	}
	// Filters, alone and with words.
	qs = append(qs,
		index.Query{Text: "安全", Department: top(index.FacetDepartment, 0)},
		index.Query{Department: top(index.FacetDepartment, 1)},
		index.Query{Person: top(index.FacetPerson, 0)},
		index.Query{Text: "会议", Person: top(index.FacetPerson, 1)},
		index.Query{Text: "营商环境", Year: year(0)},
		index.Query{Text: "防汛", Kind: "minutes"},
		index.Query{Text: "通知", Kind: "official", Issuer: top(index.FacetIssuer, 0)},
		index.Query{Text: "科技创新",
			From: time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC)},
	)
	// Facet browsing: no words, wide facets, combined filters.
	qs = append(qs,
		index.Query{FacetSize: 50},
		index.Query{Year: year(1), FacetSize: 50},
		index.Query{Kind: "news", Department: top(index.FacetDepartment, 2), FacetSize: 50},
	)
	// Date sorts and deep pages.
	qs = append(qs,
		index.Query{Text: "安全生产", Sort: index.SortDateDesc},
		index.Query{Sort: index.SortDateAsc, Size: 20},
		index.Query{Text: "发展", Page: 20, Size: 20},
		index.Query{Page: 100, Size: 20},
		index.Query{Text: "工作", Sort: index.SortDateDesc, Page: 50, Size: 20},
	)
	return qs, nil
}

// percentileMS is the nearest-rank percentile of the latencies, in ms.
func percentileMS(lat []time.Duration, p float64) float64 {
	if len(lat) == 0 {
		return 0
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	rank = min(max(rank, 1), len(s))
	return float64(s[rank-1].Microseconds()) / 1000
}
