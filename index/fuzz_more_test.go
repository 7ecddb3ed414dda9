package index

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"govarchive/internal/document"
)

// FuzzSearch feeds arbitrary query text, paging and filters to Search on a
// small index. Whatever the input, Search must not panic, must answer within
// a bound, and must either succeed or fail with ErrInvalidQuery (a 400):
// any other error would be a 500 caused by the client.
//
// Run longer with: go test ./index -run XXX -fuzz FuzzSearch -fuzztime 5m
func FuzzSearch(f *testing.F) {
	ix := openTest(f, Options{Cleaner: fakeSimplifier{}, Departments: fakeDepartments{}})
	fuzzDocs := []*document.Document{
		doc("law", "学习中华人民共和国审计工作规定", "会议学习了中华人民共和国审计工作规定。李亚平主持。"),
		doc("gz", "广州市会议", "广州市政府召开会议，研究安全生产工作。由市应急局负责。"),
		doc("hz", "惠州市会議", "惠州市政府召开会議，審計局汇报。"),
		doc("off", "关于印发《实施意见》的通知", "苏府〔2020〕3号 各区人民政府：现将《实施意见》印发给你们。"),
	}
	fuzzDocs[1].Departments = []string{"市应急局"}
	fuzzDocs[0].People = []string{"李亚平"}
	fuzzDocs[3].Kind = document.KindOfficial
	fuzzDocs[3].DocNumber = "苏府〔2020〕3号"
	fuzzDocs[3].Date = "2020-03-01"
	put(f, ix, fuzzDocs...)

	seeds := []struct {
		text                     string
		page, size, facets, year int
		dept, person, kind, sort string
		from, to                 int64 // days since the epoch; 0 = none
	}{
		{"审计", 1, 20, 0, 0, "", "", "", "", 0, 0},
		{`"人民共和国"`, 1, 10, 5, 0, "", "", "", "date_desc", 0, 0},
		{`"unbalanced`, 1, 10, 0, 0, "", "", "", "", 0, 0},
		{`+广州 -惠州 OR 安全`, 2, 5, 0, 0, "市应急管理局", "", "minutes", "", 0, 0},
		{"title:会议 doc_number:〔2020〕3号", 1, 1, 0, 2020, "", "李亚平", "official", "date_asc", 18000, 19000},
		{"2020年3号", 1, 100, 1000, 0, "", "", "", "relevance", 0, 0},
		{strings.Repeat("审计 ", 1000), 1, 20, 0, 0, "", "", "", "", 0, 0},
		{"(((((*?~^:\\", 9223372036854775807 / 2, -5, -1, -3, "", "", "news", "nope", 30000, 10},
		{"", 0, 0, 0, 0, "", "", "", "", 0, 0},
		{"title:", 501, 20, 0, 10000, "\x00", "\xff", "other", "", -1, 1},
	}
	for _, s := range seeds {
		f.Add(s.text, s.page, s.size, s.facets, s.year, s.dept, s.person, s.kind, s.sort, s.from, s.to)
	}
	day := func(n int64) time.Time {
		if n == 0 {
			return time.Time{}
		}
		// Keep years in 4 digits either side of the epoch.
		return time.Unix(0, 0).UTC().AddDate(0, 0, int(n%3_000_000))
	}
	f.Fuzz(func(t *testing.T, text string, page, size, facets, year int, dept, person, kind, sortBy string, from, to int64) {
		if len(text) > 4096 {
			// The server caps q far below this; longer inputs only slow
			// the fuzzer down.
			text = text[:4096]
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		res, err := ix.Search(ctx, Query{
			Text: text, Page: page, Size: size, FacetSize: facets, Year: year,
			Department: dept, Person: person, Kind: kind, Sort: sortBy,
			From: day(from), To: day(to),
		})
		if err != nil {
			if !errors.Is(err, ErrInvalidQuery) {
				t.Fatalf("Search(%q page %d size %d): error outside the contract: %v", text, page, size, err)
			}
			return
		}
		if res.Total > uint64(len(fuzzDocs)) || len(res.Hits) > len(fuzzDocs) {
			t.Fatalf("Search(%q): %d hits, total %d, from %d documents", text, len(res.Hits), res.Total, len(fuzzDocs))
		}
		for _, h := range res.Hits {
			for _, s := range h.Snippets {
				if !utf8.ValidString(s) {
					t.Fatalf("Search(%q): snippet cuts a character: %q", text, s)
				}
				if strings.Contains(strings.ReplaceAll(strings.ReplaceAll(s, "<mark>", ""), "</mark>", ""), "<") {
					t.Fatalf("Search(%q): unescaped markup in snippet %q", text, s)
				}
			}
		}
	})
}
