package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"govarchive/internal/clean"
	"govarchive/internal/document"
)

func find(t *testing.T, ix *Index, q Query) *Result {
	t.Helper()
	r, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %+v: %v", q, err)
	}
	return r
}

func TestRecallPrecisionPhrase(t *testing.T) {
	ix := openTest(t, Options{})
	put(t, ix,
		doc("law", "学习中华人民共和国审计工作规定", "会议学习了中华人民共和国审计工作规定。"),
		doc("gz", "广州市会议", "广州市政府召开会议，研究安全生产工作。"),
		doc("hz", "惠州市会议", "惠州市政府召开会议。"),
		doc("apart", "会议", "会议强调安全，抓好生产。"),
		doc("dept", "纪要", "由市应急局会同市民政局负责。"),
		doc("citizen", "纪要", "服务全体市民。"),
	)
	tests := []struct {
		q    string
		want []string // as a set
	}{
		{"审计", []string{"law"}},      // sub-word of a longer word
		{`"人民共和国"`, []string{"law"}}, // phrase over a sub-word
		{"惠州", []string{"hz"}},       // not 广州
		{"广州", []string{"gz"}},
		{`"安全生产"`, []string{"gz"}},  // not 安全…生产 apart
		{"应急", []string{"dept"}},    // inside a user-dictionary department
		{"市民", []string{"citizen"}}, // not inside 市民政局
		{"民政", []string{"dept"}},
		{"市应急局", []string{"dept"}},
		{"惠州 广州", []string{}}, // AND finds nothing…
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			r := find(t, ix, Query{Text: tc.q})
			got := ids(r)
			slices.Sort(got)
			want := append([]string{}, tc.want...)
			slices.Sort(want)
			if tc.q == "惠州 广州" {
				// …so it falls back to OR and says so.
				if r.Operator != "or" || !reflect.DeepEqual(got, []string{"gz", "hz"}) {
					t.Errorf("fallback: operator %q hits %v", r.Operator, got)
				}
				return
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("hits %v, want %v", got, want)
			}
		})
	}
	r := find(t, ix, Query{Text: "广州 安全"})
	if r.Operator != "and" || !reflect.DeepEqual(ids(r), []string{"gz"}) {
		t.Errorf("AND: operator %q hits %v", r.Operator, ids(r))
	}
}

func TestSnippetsHighlightAndEscape(t *testing.T) {
	ix := openTest(t, Options{})
	put(t, ix, doc("x", "标题", "前文<script>alert(1)</script>《<规定>修订意见》 & 会议学习了中华人民共和国审计工作规定，审计要严格。"))
	r := find(t, ix, Query{Text: "审计"})
	if len(r.Hits) != 1 || len(r.Hits[0].Snippets) == 0 {
		t.Fatalf("hits %+v", r.Hits)
	}
	s := strings.Join(r.Hits[0].Snippets, "|")
	bare := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
	if strings.ContainsAny(bare, "<>") || !strings.Contains(s, "&lt;规定&gt;") || !strings.Contains(s, "&amp;") {
		t.Errorf("snippet not escaped: %s", s)
	}
	// Markup in the text is chrome: blanked, not shown escaped.
	if strings.Contains(s, "script") {
		t.Errorf("snippet shows markup: %s", s)
	}
	if got := strings.Count(s, "<mark>审计</mark>"); got != 2 {
		t.Errorf("want 2 marks on 审计, got %d in %s", got, s)
	}
	if strings.Count(s, "<mark>") != strings.Count(s, "</mark>") {
		t.Errorf("unbalanced marks: %s", s)
	}
	// Adjacent matched words merge into one mark.
	r = find(t, ix, Query{Text: `"中华人民共和国审计"`})
	if s := strings.Join(r.Hits[0].Snippets, "|"); !strings.Contains(s, "<mark>中华人民共和国审计</mark>") {
		t.Errorf("phrase mark: %s", s)
	}
}

func TestSnippetRuneBoundaries(t *testing.T) {
	text := "一二三四五六七八九十"
	got := snippets(text, []span{{1, 4}, {3, 6}, {6, 9}, {-1, 3}, {27, 40}}, 3)
	// [1:4] and [27:40] are invalid; [3:6] and [6:9] touch and merge.
	if len(got) != 1 || got[0] != "一<mark>二三</mark>四五六七八九十" {
		t.Errorf("got %q", got)
	}
	// The window showing the most different matched words wins over the
	// first match.
	long := "政府" + strings.Repeat("。", 200) + "政府工作报告" + strings.Repeat("。", 200)
	i := strings.Index(long, "政府工作报告")
	got = snippets(long, []span{{0, 6}, {i, i + 6}, {i + 6, i + 12}, {i + 12, i + 18}}, 1)
	if len(got) != 1 || !strings.Contains(got[0], "<mark>政府工作报告</mark>") {
		t.Errorf("best window: %q", got)
	}
	// Blanked chrome (a space per byte) between the match and the text
	// after it takes one character of the window, as it shows, not 90.
	body := "会议" + strings.Repeat(" ", 90) + strings.Repeat("审议", 60) + "结尾"
	got = snippets(body, []span{{0, 6}}, 1)
	if want := "<mark>会议</mark>" + strings.Repeat("审议", 58) + "审…"; len(got) != 1 || got[0] != want {
		t.Errorf("blanked chrome: %q", got)
	}
	if s := snippets("a<b>\n\n  c", nil, 1); len(s) != 1 || s[0] != "a&lt;b&gt; c" {
		t.Errorf("no spans: %q", s)
	}
	for _, tc := range []struct{ orig, simp, want string }{
		{"會議", "会议", "會議"},   // same bytes per character: original script
		{"會議x", "会议", "会议"},  // lengths differ
		{"𠮷會", "会议a", "会议a"}, // same length, boundaries differ
		{"会议", "会议", "会议"},
	} {
		if got := display(tc.orig, tc.simp); got != tc.want {
			t.Errorf("display(%q, %q) = %q", tc.orig, tc.simp, got)
		}
	}
}

func TestTopicHits(t *testing.T) {
	ix := openTest(t, Options{})
	d := doc("m", "常务会议纪要", "一、关于献血条例\n原则同意。\n二、关于危险化学品治理\n由市应急局负责。")
	d.Topics = []document.Topic{
		{No: 1, Title: "关于献血条例", Text: "原则同意。"},
		{No: 2, Title: "关于危险化学品治理", Text: "由市应急局负责。"},
	}
	put(t, ix, d, doc("n", "危险化学品", "加强危险化学品管理。"))
	r := find(t, ix, Query{Text: "应急"})
	if len(r.Hits) != 1 || len(r.Hits[0].Topics) != 1 || r.Hits[0].Topics[0].No != 2 {
		t.Fatalf("topics %+v", r.Hits)
	}
	// (This segmenter cuts 应急 into characters: a stem of 应急局, marked whole.)
	if !strings.Contains(r.Hits[0].Topics[0].Snippet, "<mark>应急") {
		t.Errorf("topic snippet %q", r.Hits[0].Topics[0].Snippet)
	}
	// A document about it in title and text ranks above minutes with
	// one topic on it.
	r = find(t, ix, Query{Text: "危险化学品"})
	if got := ids(r); !reflect.DeepEqual(got, []string{"n", "m"}) {
		t.Errorf("ranking %v", got)
	}
	if r.Hits[1].Topics[0].No != 2 {
		t.Errorf("topic %+v", r.Hits[1].Topics)
	}
}

func facetDocs() []*document.Document {
	mk := func(id, date string, kind document.Kind, issuer string, depts []document.DeptRef, people ...string) *document.Document {
		d := doc(id, "会议纪要"+id, "研究工作。")
		d.Date, d.Kind, d.Issuer, d.DepartmentRefs, d.People = date, kind, issuer, depts, people
		for _, r := range depts {
			d.Departments = append(d.Departments, r.Name)
		}
		return d
	}
	yj := document.DeptRef{Name: "市应急局", Canonical: "苏州市应急管理局"}
	mz := document.DeptRef{Name: "市民政局", Canonical: "苏州市民政局"}
	return []*document.Document{
		mk("a", "2019-03-01", document.KindMinutes, "苏州市人民政府", []document.DeptRef{yj, mz}, "李亚平", "邹洪凯"),
		mk("b", "2020-01-06", document.KindMinutes, "苏州市人民政府", []document.DeptRef{yj}, "李亚平"),
		mk("c", "2020-12-31", document.KindNews, "无锡市人民政府", []document.DeptRef{mz}, "韩云"),
		mk("d", "", document.KindOfficial, "国务院", nil),
	}
}

// TestYearOfUndatedNumbered checks that a document with no date is filed
// under its 文号's year (肇府办〔2008〕62号), and that a date wins over it.
func TestYearOfUndatedNumbered(t *testing.T) {
	ix := openTest(t, Options{Departments: fakeDepartments{}, Cleaner: fakeSimplifier{}})
	undated := doc("u", "关于成立领导小组的通知", "研究工作。")
	undated.Kind, undated.DocNumber, undated.DocYear, undated.DocSeq = document.KindOfficial, "肇府办〔2008〕62号", 2008, 62
	dated := doc("v", "关于印发方案的通知", "研究工作。")
	dated.Kind, dated.Date, dated.DocNumber, dated.DocYear, dated.DocSeq = document.KindOfficial, "2009-01-05", "肇府办〔2008〕90号", 2008, 90
	bare := doc("w", "关于开展检查的通知", "研究工作。")
	bare.Kind = document.KindOfficial
	put(t, ix, undated, dated, bare)
	for year, want := range map[int][]string{2008: {"u"}, 2009: {"v"}} {
		if got := ids(find(t, ix, Query{Year: year})); !reflect.DeepEqual(got, want) {
			t.Errorf("year %d: hits %v, want %v", year, got, want)
		}
	}
	// What no year files: neither a date nor a 文号's year.
	if got := ids(find(t, ix, Query{Undated: true})); !reflect.DeepEqual(got, []string{"w"}) {
		t.Errorf("undated: hits %v, want [w]", got)
	}
	if got := ids(find(t, ix, Query{Undated: true, Text: "研究"})); !reflect.DeepEqual(got, []string{"w"}) {
		t.Errorf("undated with text: hits %v, want [w]", got)
	}
	if _, err := ix.Search(context.Background(), Query{Undated: true, Year: 2008}); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("a year and undated: %v, want an invalid query", err)
	}
	got := find(t, ix, Query{}).Facets[FacetYear]
	slices.SortFunc(got, func(a, b Facet) int { return strings.Compare(a.Value, b.Value) })
	if want := []Facet{{"2008", 1}, {"2009", 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("year facet %v, want %v", got, want)
	}
}

func TestFiltersFacetsSortPaging(t *testing.T) {
	ix := openTest(t, Options{Departments: fakeDepartments{}, Cleaner: fakeSimplifier{}})
	put(t, ix, facetDocs()...)
	day := func(s string) time.Time { v, _ := time.Parse("2006-01-02", s); return v }
	cst := time.FixedZone("CST", 8*3600)
	tests := []struct {
		name string
		q    Query
		want []string // in order
	}{
		{"all newest first, undated last", Query{}, []string{"c", "b", "a", "d"}},
		{"date_asc", Query{Sort: SortDateAsc}, []string{"a", "b", "c", "d"}},
		{"department canonical", Query{Department: "苏州市应急管理局"}, []string{"b", "a"}},
		{"department as written", Query{Department: "市应急局"}, []string{"b", "a"}},
		{"department alias", Query{Department: "市应急管理局"}, []string{"b", "a"}},
		{"person", Query{Person: "李亚平"}, []string{"b", "a"}},
		{"person traditional", Query{Person: "韓雲"}, []string{"c"}},
		{"kind", Query{Kind: "news"}, []string{"c"}},
		{"issuer", Query{Issuer: "国务院"}, []string{"d"}},
		{"year", Query{Year: 2020}, []string{"c", "b"}},
		{"from", Query{From: day("2020-01-06")}, []string{"c", "b"}},
		{"to inclusive", Query{To: day("2020-01-06")}, []string{"b", "a"}},
		// 2020-12-31 00:30 in China is still the 31st: compare calendar dates.
		{"to in another zone", Query{To: time.Date(2020, 12, 31, 0, 30, 0, 0, cst), From: time.Date(2020, 12, 31, 23, 0, 0, 0, cst)}, []string{"c"}},
		{"combined", Query{Department: "市民政局", Year: 2020}, []string{"c"}},
		{"page 2", Query{Size: 2, Page: 2}, []string{"a", "d"}},
		{"text + filter", Query{Text: "研究", Person: "邹洪凯"}, []string{"a"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := find(t, ix, tc.q)
			if got := ids(r); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("hits %v, want %v", got, tc.want)
			}
			if r.Total != uint64(len(tc.want)) && tc.q.Page == 0 {
				t.Errorf("total %d", r.Total)
			}
		})
	}
	r := find(t, ix, Query{})
	want := map[string][]Facet{
		FacetDepartment: {{"苏州市应急管理局", 2}, {"苏州市民政局", 2}},
		FacetPerson:     {{"李亚平", 2}, {"邹洪凯", 1}, {"韩云", 1}},
		FacetYear:       {{"2020", 2}, {"2019", 1}},
		FacetKind:       {{"minutes", 2}, {"news", 1}, {"official", 1}},
		FacetIssuer:     {{"苏州市人民政府", 2}, {"国务院", 1}, {"无锡市人民政府", 1}},
	}
	for f, w := range want {
		got := r.Facets[f]
		slices.SortStableFunc(got, func(a, b Facet) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		slices.SortStableFunc(w, func(a, b Facet) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		if !reflect.DeepEqual(got, w) {
			t.Errorf("facet %s: %v, want %v", f, got, w)
		}
	}
}

func TestInvalidQueries(t *testing.T) {
	ix := openTest(t, Options{})
	tests := []struct {
		q     Query
		param string
	}{
		{Query{Page: -1}, "page"},
		{Query{Size: 101}, "size"},
		{Query{Size: -5}, "size"},
		{Query{Page: 1 << 40, Size: 100}, "page"},
		{Query{Sort: "newest"}, "sort"},
		{Query{Kind: "memo"}, "kind"},
		{Query{Text: "a OR -b"}, "q"},
		{Query{Text: "doc_number:hello"}, "doc_number"},
		{Query{Text: strings.Repeat("长", 10000)}, "q"},
		{Query{Text: strings.Repeat("词 ", 1000)}, "q"},
	}
	for _, tc := range tests {
		_, err := ix.Search(context.Background(), tc.q)
		if !errors.Is(err, ErrInvalidQuery) || !strings.Contains(err.Error(), tc.param) {
			t.Errorf("%+v: err %v, want ErrInvalidQuery naming %s", tc.q, err, tc.param)
		}
	}
}

func TestQuerySyntax(t *testing.T) {
	ix := openTest(t, Options{})
	a := doc("a", "关于危险化学品的通知", "全面加强安全生产。")
	a.DocNumber, a.DocPrefix, a.DocYear, a.DocSeq = "苏府〔2020〕3号", "苏府", 2020, 3
	b := doc("b", "献血条例", "讨论危险化学品和献血。")
	b.DocNumber, b.DocYear, b.DocSeq = "〔2019〕3号", 2019, 3
	c := doc("c", "其他", "提到2020年3号文件的安全生产检查和献血，2020年3月完成。")
	put(t, ix, a, b, c)
	tests := []queryCase{
		{"title:危险化学品", []string{"a"}},
		{"危险化学品 -献血", []string{"a"}},
		{"危险化学品 NOT 献血", []string{"a"}},
		{"+献血 +危险化学品", []string{"b"}},
		{"献血 OR 通知", []string{"a", "b", "c"}},
		{"〔2020〕3号", []string{"a"}},
		{"[2020]3号", []string{"a"}},
		{"2020年3号", []string{"a", "c"}}, // the document itself first
		{"苏府[2020]3号", []string{"a"}},
		{"危险化学品〔2020〕3号", []string{"a"}}, // words before the number, not its prefix
		{"doc_number:(2019)3号", []string{"b"}},
		{"“安全生产”", []string{"a", "c"}},
		{"全面加强“安全生产”", []string{"a"}}, // quotes pasted inside a word
		{"“安全生产", []string{"a", "c"}}, // an unclosed Chinese quote is punctuation
		{`"安全生产`, []string{"a", "c"}}, // an unclosed quote: a phrase to the end
		{`献血 "危险化学品`, []string{"b"}},
		// Dates typed the ISO or dotted way find them as documents write
		// them, beside the 文号 the same digits may mean (〔2020〕3号).
		{"2020-03", []string{"a", "c"}},
		{"2020.3 安全生产", []string{"a", "c"}},
		{"2020-03 献血", []string{"c"}},
		// Operators as users type them.
		{"危险化学品 not 献血", []string{"a"}},
		{"危险化学品 !献血", []string{"a"}},
		{"献血 AND 危险化学品", []string{"b"}},
		{"献血 && 危险化学品", []string{"b"}},
		{"献血 和 危险化学品", []string{"b"}},
		{"献血 or 通知", []string{"a", "b", "c"}},
		{"献血 或 通知", []string{"a", "b", "c"}},
		{"献血 | 通知", []string{"a", "b", "c"}},
		// An operator with nothing before it joins nothing: all the words
		// match, with no fallback to some of them.
		{"OR 危险化学品", []string{"a", "b"}},
		{"AND 献血 危险化学品", []string{"b"}},
		{"| 献血 危险化学品", []string{"b"}},
	}
	for _, tc := range tests {
		r := find(t, ix, Query{Text: tc.q})
		got := ids(r)
		if tc.q == "献血 AND 危险化学品" && r.Operator != "and" {
			t.Errorf("%s: operator %q, want and", tc.q, r.Operator)
		}
		if slices.Contains([]string{"OR", "AND", "|"}, strings.Fields(tc.q)[0]) && r.Operator == "or" {
			t.Errorf("%s: fell back to some of the words", tc.q)
		}
		if strings.Contains(strings.ToUpper(tc.q), " OR ") || strings.ContainsAny(tc.q, "或|") || strings.ContainsAny(tc.q, "“\"") || strings.HasPrefix(tc.q, "2020") {
			slices.Sort(got)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestQueryWithoutWords: a query of punctuation or symbols only lists
// every document, as an empty one does, and says what it left out; so is
// an operator left over at the end.
func TestQueryWithoutWords(t *testing.T) {
	ix := openTest(t, Options{})
	put(t, ix, doc("a", "纪要", "安全生产。"), doc("b", "通知", "献血。"))
	for _, q := range []string{"。", "*", "-", "+", `"`, `""`, "!", "|", "&&", "😀", "？！", "安全生产 😀", "安全生产 OR", "安全生产 或", "安全生产 和"} {
		r := find(t, ix, Query{Text: q})
		want := 2
		if strings.HasPrefix(q, "安全生产") {
			want = 1 // and a word left over at the end is left out
		}
		if len(r.Hits) != want || len(r.Ignored) == 0 || r.Operator == "or" {
			t.Errorf("%q: %d hits (operator %q), ignored %q; want %d and something ignored", q, len(r.Hits), r.Operator, r.Ignored, want)
		}
	}
}

func TestSynonymsAndScripts(t *testing.T) {
	ix := openTest(t, Options{Cleaner: fakeSimplifier{}, Synonyms: [][]string{{"献血", "无偿献血"}, {"PPP", "政府和社会资本合作"}}})
	put(t, ix,
		doc("ppp", "纪要", "推广政府和社会资本合作模式。"),
		doc("full", "纪要", "加强危险化学品管理，卫生健康委员会负责。"),
		doc("abbr", "纪要", "危化品企业排查，由发改委牵头。"),
		doc("trad", "會議紀要", "韓雲出席會議，審計。"),
		doc("blood", "纪要", "推进无偿献血。"),
	)
	tests := []queryCase{
		{"危化品", []string{"abbr", "full"}},
		{"危险化学品", []string{"abbr", "full"}},
		{"卫健委", []string{"full"}},
		{"发展和改革委员会", []string{"abbr"}},
		{"危化品企业", []string{"abbr"}},
		{"会议", []string{"trad"}},  // simplified query, traditional text
		{"審計", []string{"trad"}},  // traditional query
		{"献血", []string{"blood"}}, // deployment synonyms
		{"PPP", []string{"ppp"}},  // …in Latin capitals, typed in any case
		{"ppp", []string{"ppp"}},
	}
	checkFinds(t, ix, false, tests)
	// The snippet keeps the document's script where conversion kept every
	// character's bytes in place.
	r := find(t, ix, Query{Text: "会议"})
	if len(r.Hits) != 1 || !strings.Contains(strings.Join(r.Hits[0].Snippets, ""), "<mark>會議</mark>") {
		t.Errorf("traditional snippet: %+v", r.Hits)
	}
}

func TestPutIdempotentUpdateDeleteGet(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, Options{})
	v1 := doc("v1", "纪要", "第一版")
	v1.SourcePath = "/archive/a.txt"
	v1.Meeting = &document.Meeting{Name: "第86次常务会议", Session: 86}
	v1.Attendees = []document.Attendee{{Name: "李亚平"}, {Name: "王翔", Title: "副市长"}}
	other := doc("o", "其他", "其他")
	if st := put(t, ix, v1, other, v1); !reflect.DeepEqual(st, []PutStatus{Added, Added, Unchanged}) {
		t.Errorf("first put %v", st)
	}
	if st := put(t, ix, v1); !reflect.DeepEqual(st, []PutStatus{Unchanged}) {
		t.Errorf("again %v", st)
	}
	got, err := ix.Get(ctx, "v1")
	if err != nil || !reflect.DeepEqual(got, v1) {
		t.Errorf("get: %v\n got %+v\nwant %+v", err, got, v1)
	}
	v2 := doc("v2", "纪要", "第二版")
	v2.SourcePath = "/archive/a.txt"
	if st := put(t, ix, v2); !reflect.DeepEqual(st, []PutStatus{Updated}) {
		t.Errorf("update %v", st)
	}
	if _, err := ix.Get(ctx, "v1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("old version still there: %v", err)
	}
	if n, _ := ix.Count(ctx); n != 2 {
		t.Errorf("count %d", n)
	}
	for id, want := range map[string]bool{"v1": false, "v2": true, "o": true, "v": false} {
		if got, err := ix.Has(ctx, id); err != nil || got != want {
			t.Errorf("Has(%q) = %v, %v; want %v", id, got, err, want)
		}
	}
	if err := ix.Delete(ctx, "v2"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := ix.Has(ctx, "v2"); ok {
		t.Error("Has reports a deleted document")
	}
	if err := ix.Delete(ctx, "v2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if n, _ := ix.Count(ctx); n != 1 {
		t.Errorf("count %d", n)
	}
	// Two versions of one file in the same batch: the later one wins.
	v3, v4 := doc("v3", "纪要", "第三版"), doc("v4", "纪要", "第四版")
	v3.SourcePath, v4.SourcePath = "/archive/b.txt", "/archive/b.txt"
	if st := put(t, ix, v3, v4); !reflect.DeepEqual(st, []PutStatus{Added, Updated}) {
		t.Errorf("same path in one batch %v", st)
	}
	if _, err := ix.Get(ctx, "v3"); !errors.Is(err, ErrNotFound) {
		t.Errorf("v3 should be replaced: %v", err)
	}
	if err := ix.Delete(ctx, "v4"); err != nil {
		t.Fatal(err)
	}
	r := find(t, ix, Query{Text: "其他", IncludeDocuments: true})
	if len(r.Hits) != 1 || r.Hits[0].Document == nil || r.Hits[0].Document.Title != "其他" {
		t.Errorf("include documents: %+v", r.Hits)
	}
}

func TestReopenKeepsMetadata(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir() + "/idx"
	opts := Options{Segmenter: testSegmenter(t), DictionaryVersion: UserDictionaryVersion(testUserWords)}
	ix, err := Open(ctx, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	put(t, ix, doc("a", "审计工作规定", "正文"))
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(ctx, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.DictionaryVersion() != opts.DictionaryVersion || ix.NeedsReindex() {
		t.Errorf("version %q needs reindex %v", ix.DictionaryVersion(), ix.NeedsReindex())
	}
	if got := ids(find(t, ix, Query{Text: "审计"})); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("after reopen %v", got)
	}
	ix2 := &Index{meta: ix.meta, opts: Options{DictionaryVersion: "other"}}
	if !ix2.NeedsReindex() {
		t.Error("another dictionary must need a reindex")
	}
	if UserDictionaryVersion(testUserWords) == UserDictionaryVersion(testUserWords[1:]) {
		t.Error("version ignores words")
	}
}

func TestParseDocNumber(t *testing.T) {
	tests := []struct {
		in   string
		want docNum
		ok   bool
	}{
		{"〔2020〕3号", docNum{Year: 2020, Seq: 3}, true},
		{"[2020]3号", docNum{Year: 2020, Seq: 3}, true},
		{"(2019)3号", docNum{Year: 2019, Seq: 3}, true},
		{"2020年3号", docNum{Year: 2020, Seq: 3}, true},
		{"2020年第3號", docNum{Year: 2020, Seq: 3}, true},
		{"国办发〔2018〕15号", docNum{Prefix: "国办发", Year: 2018, Seq: 15}, true},
		{"〔2019〕55 号", docNum{Year: 2019, Seq: 55}, true},
		{"国令第707号", docNum{Prefix: "国令", Seq: 707}, true},
		{"20203号", docNum{}, false},
		{"审计", docNum{}, false},
		{"2020年3月", docNum{}, false},
	}
	for _, tc := range tests {
		got, ok := parseDocNumber(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("%s: %+v %v, want %+v %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestConcurrentSearchAndPut runs searches while batches are written; run
// with -race.
func TestConcurrentSearchAndPut(t *testing.T) {
	ix := openTest(t, Options{})
	ctx := context.Background()
	put(t, ix, doc("seed", "审计工作规定", "审计"))
	done := make(chan error, 1)
	go func() {
		for i := range 20 {
			d := doc(fmt.Sprintf("w%d", i), "审计纪要", strings.Repeat("审计工作。", i+1))
			if _, err := ix.Put(ctx, []*document.Document{d}); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for range 50 {
		r, err := ix.Search(ctx, Query{Text: "审计"})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total < 1 {
			t.Fatalf("lost the seed document: %d hits", r.Total)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if r := find(t, ix, Query{Text: "审计"}); r.Total != 21 {
		t.Errorf("after writes: %d hits, want 21", r.Total)
	}
}

func TestOptionsEdges(t *testing.T) {
	ctx := context.Background()
	// A deployment synonyms file extends (and merges into) the built-in groups.
	f := filepath.Join(t.TempDir(), "syn.txt")
	if err := os.WriteFile(f, []byte("# local\n献血=无偿献血\n危化品=危化\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var nilDepts *nilForms
	ix := openTest(t, Options{SynonymsFile: f, Departments: nilDepts})
	put(t, ix, doc("a", "纪要", "推进无偿献血。"), doc("b", "纪要", "危险化学品。"))
	for q, want := range map[string]string{"献血": "a", "危化": "b"} {
		if got := ids(find(t, ix, Query{Text: q, Department: ""})); !reflect.DeepEqual(got, []string{want}) {
			t.Errorf("%s: %v", q, got)
		}
	}
	if _, err := ix.Search(ctx, Query{Department: "市应急局"}); err != nil {
		t.Errorf("typed-nil departments: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := ix.Search(cctx, Query{Text: "献血"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled search: %v", err)
	}
	if _, err := Open(ctx, t.TempDir(), Options{Segmenter: testSegmenter(t), SynonymsFile: "/nonexistent/syn.txt"}); err == nil {
		t.Error("missing synonyms file accepted")
	}
}

type nilForms struct{}

func (*nilForms) Forms(string) []string { panic("called on nil") }

func TestEach(t *testing.T) {
	ix := openTest(t, Options{})
	var docs []*document.Document
	for i := range 1203 { // more than two scan pages
		d := doc(fmt.Sprintf("d%04d", i), "纪要", "研究审计工作。")
		if i%3 != 0 {
			d.Date = fmt.Sprintf("20%02d-01-%02d", 10+i%10, 1+i%28)
		}
		docs = append(docs, d)
	}
	put(t, ix, docs...)
	var got []Hit
	err := ix.Each(context.Background(), Query{Text: "审计", Page: 99, Size: 1}, func(h Hit) error {
		got = append(got, h)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(docs) {
		t.Fatalf("%d hits, want %d", len(got), len(docs))
	}
	seen := map[string]bool{}
	for i, h := range got {
		if seen[h.ID] {
			t.Fatalf("%s twice", h.ID)
		}
		seen[h.ID] = true
		if i == 0 {
			continue
		}
		prev := got[i-1].Date
		if (prev == "" && h.Date != "") || (h.Date != "" && h.Date > prev) {
			t.Fatalf("order: %q after %q", h.Date, prev)
		}
	}
	stop := errors.New("stop")
	n := 0
	if err := ix.Each(context.Background(), Query{}, func(Hit) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("stop: %v after %d", err, n)
	}
	if err := ix.Each(context.Background(), Query{Kind: "memo"}, func(Hit) error { return nil }); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("invalid kind: %v", err)
	}
}

// After a bulk load settles, the index directory holds the live segments
// only: no merge is left half-way, no superseded segment file remains.
func TestSettle(t *testing.T) {
	ix := openTest(t, Options{})
	ctx := context.Background()
	for b := range 8 {
		var docs []*document.Document
		for i := range 20 {
			docs = append(docs, doc(fmt.Sprintf("b%d-%d", b, i), "常务会议纪要", fmt.Sprintf("第%d批第%d份，研究安全生产工作。", b, i)))
		}
		put(t, ix, docs...)
	}
	if err := ix.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	adv, err := ix.bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	m := adv.(interface{ StatsMap() map[string]interface{} }).StatsMap()
	zaps, err := filepath.Glob(filepath.Join(ix.dir, "store", "*.zap"))
	if err != nil {
		t.Fatal(err)
	}
	if segs, _ := m["TotFileSegmentsAtRoot"].(uint64); uint64(len(zaps)) != segs || m["index_bgthreads_active"] == true {
		t.Errorf("%d segment files for %d live segments, background work active: %v", len(zaps), segs, m["index_bgthreads_active"])
	}
	if n, _ := ix.Count(ctx); n != 160 {
		t.Errorf("Count = %d", n)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	put(t, ix, doc("late", "纪要", "又一份。"))
	if err := ix.Settle(cancelled); err != nil && !errors.Is(err, context.Canceled) {
		t.Errorf("Settle with a cancelled context: %v", err)
	}
}

// An index nobody writes to settles at once, even when an earlier process
// left superseded files behind and scorch still calls it active.
func TestSettleIdle(t *testing.T) {
	dir := t.TempDir() + "/idx"
	ix, err := Open(context.Background(), dir, Options{Segmenter: testSegmenter(t)})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		put(t, ix, doc(fmt.Sprint("a", i), "纪要", fmt.Sprintf("第%d份正文。", i)))
	}
	ix.Close()
	ix, err = Open(context.Background(), dir, Options{Segmenter: testSegmenter(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := ix.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(ctx); n != 12 {
		t.Errorf("Count = %d", n)
	}
}

// TestSettleRemovesFilesAReaderHeld: a reader that holds merged-away
// segments while scorch cleans up leaves their files behind; Settle, once
// the reader is gone, has them removed.
func TestSettleRemovesFilesAReaderHeld(t *testing.T) {
	ix := openTest(t, Options{})
	ctx := context.Background()
	adv, err := ix.bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	put(t, ix, doc("r0", "常务会议纪要", "研究安全生产工作。"))
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	for b := range 8 {
		var docs []*document.Document
		for i := range 20 {
			docs = append(docs, doc(fmt.Sprintf("r%d-%d", b, i), "常务会议纪要", fmt.Sprintf("第%d批第%d份，研究安全生产工作。", b, i)))
		}
		put(t, ix, docs...)
	}
	if err := ix.settleMerges(ctx); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	m := adv.(interface{ StatsMap() map[string]interface{} }).StatsMap()
	if files, segs := m["CurOnDiskFiles"].(uint64), m["TotFileSegmentsAtRoot"].(uint64); files > segs+1 {
		t.Errorf("%d files on disk for %d live segments after Settle", files, segs)
	}
}

// TestFilterScopes: the filters written in the query text (person:李亚平)
// select as the filter parameters do.
func TestFilterScopes(t *testing.T) {
	ix := openTest(t, Options{Departments: fakeDepartments{}, Cleaner: fakeSimplifier{}})
	put(t, ix, facetDocs()...)
	tests := []queryCase{
		{"person:李亚平", []string{"a", "b"}},
		{"研究 person：邹洪凯", []string{"a"}},
		{"人员:韓雲", []string{"c"}},
		{"year:2020", []string{"b", "c"}},
		{"department:市民政局", []string{"a", "c"}},
		{"dept:苏州市应急管理局", []string{"a", "b"}},
		{"issuer:国务院", []string{"d"}},
		{"issuer:苏州", []string{"a", "b"}}, // a place: its issuers
		{"issuer:苏州市", []string{"a", "b"}},
		{"issuer:李亚平", []string{}}, // a name is no place
		{"person:李亚平 year:2020", []string{"b"}},
	}
	checkFinds(t, ix, true, tests)
	if _, err := ix.Search(context.Background(), Query{Text: "year:今年"}); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("year:今年: err %v, want ErrInvalidQuery", err)
	}
}

// TestPhraseInsideWord: a quoted phrase finds the documents that hold it
// inside a longer word, not only those where it stands as words of its own;
// and a word right after a date is not cut into it.
func TestPhraseInsideWord(t *testing.T) {
	ix := openTest(t, Options{})
	put(t, ix,
		doc("a", "纪要", "由应急管理局牵头开展检查。"),
		doc("b", "纪要", "加快建设城东污水处理厂。"),
		doc("c", "纪要", "应急物资的管理和调度。"),
		doc("d", "纪要", "审议通过了《伊宁市2020年老旧小区改造工作实施方案》。"),
	)
	tests := []queryCase{
		{`"应急管理"`, []string{"a"}},
		{`"污水处理"`, []string{"b"}},
		{`"管理和调度"`, []string{"c"}},
		{"老旧小区改造", []string{"d"}}, // after a year: 2020年|老旧, not 年老
	}
	checkFinds(t, ix, true, tests)
}

// TestQuestionQueries: a question typed in full finds the documents with
// its content words (the asking words ignored), and when none has them
// all, those that lack fewest come before those that hold any.
func TestQuestionQueries(t *testing.T) {
	ix := openTest(t, Options{})
	put(t, ix,
		doc("suzhou", "苏州市常务会议纪要", "吴庆文市长主持召开市政府常务会议，研究疫情防控工作。"),
		doc("yining", "伊宁市常务会议", "2020年5月，市长主持召开常务会议，研究防汛工作的决定。"),
		doc("other", "通知", "关于印发决定的通知。"),
	)
	tests := []struct {
		q     string
		first string
		total int
	}{
		{"吴庆文主持的常务会议有哪些", "suzhou", 1},
		{"苏州市常务会议关于疫情防控的决定是什么", "suzhou", 0},
	}
	for _, tc := range tests {
		r := find(t, ix, Query{Text: tc.q})
		if len(r.Hits) == 0 || r.Hits[0].ID != tc.first || tc.total > 0 && int(r.Total) != tc.total {
			t.Errorf("%s: %v (total %d), want %s first", tc.q, ids(r), r.Total, tc.first)
		}
	}
}

// TestOrdinalForms: a meeting's number finds it in digits or in Chinese
// numerals, whichever the query and the document use.
func TestOrdinalForms(t *testing.T) {
	ix := openTest(t, Options{})
	put(t, ix,
		doc("cn", "县人民政府第四十二次常务会议纪要", "县长主持召开县政府第四十二次常务会议。"),
		doc("digits", "区政府第42次常务会议", "区长主持召开第42次常务会议。"),
		doc("term", "十七届十三次常务会议", "研究工作。"),
		doc("other", "第43次常务会议", "研究工作。"),
	)
	tests := []queryCase{
		{"第42次常务会议", []string{"cn", "digits"}},
		{"第四十二次常务会议", []string{"cn", "digits"}},
		{"17届13次", []string{"term"}},
	}
	checkFinds(t, ix, true, tests)
}

// TestOneCharacterQuery: a single character also finds the words it begins
// (苏 → 苏州市), ranked below documents holding the character alone.
func TestOneCharacterQuery(t *testing.T) {
	ix := openTest(t, Options{})
	put(t, ix,
		doc("suzhou", "纪要", "苏州市研究城市更新工作。"),
		doc("su", "通知", "苏、浙、沪三地联合开展检查。"),
		doc("other", "纪要", "研究防汛工作。"),
	)
	checkFinds(t, ix, true, []queryCase{
		{"苏", []string{"su", "suzhou"}},
		{"汛", []string{}}, // the prefix is the character's words, not any word holding it
	})
	if r := find(t, ix, Query{Text: "苏"}); len(r.Hits) < 2 || r.Hits[0].ID != "su" {
		t.Errorf("苏: %v, want su (the character alone) first", ids(r))
	}
}

// TestFilteredNoFallback: under filters, words the archive holds together
// are not relaxed to any one of them; the result says how many documents
// hold them without the filters.
func TestFilteredNoFallback(t *testing.T) {
	ix := openTest(t, Options{})
	a := doc("a", "纪要", "部署安全生产工作。")
	a.Date = "2021-03-01"
	b := doc("b", "纪要", "加强燃气安全检查，抓好粮食收储。")
	b.Date = "2022-03-01"
	put(t, ix, a, b)
	r := find(t, ix, Query{Text: "安全生产", Year: 2022})
	if r.Total != 0 || r.Unfiltered != 1 || r.Operator == "or" {
		t.Errorf("安全生产 in 2022: %v (total %d, unfiltered %d, operator %q), want none and 1 unfiltered", ids(r), r.Total, r.Unfiltered, r.Operator)
	}
	// Words nowhere together still fall back, filters or not.
	r = find(t, ix, Query{Text: "安全生产 粮食", Year: 2022})
	if r.Total != 1 || r.Operator != "or" || r.Unfiltered != 0 {
		t.Errorf("安全生产 粮食 in 2022: %v (total %d, unfiltered %d, operator %q), want b by fallback", ids(r), r.Total, r.Unfiltered, r.Operator)
	}
}

// TestLongWordInsideName: a long word typed without quotes finds the
// names that begin with it, though the query's words are not all indexed
// there (和 inside 县住房和城乡建设局), first.
func TestLongWordInsideName(t *testing.T) {
	ix := openService(t)
	put(t, ix,
		doc("a", "纪要", "由县住房和城乡建设局牵头实施老旧小区改造。"),
		doc("b", "纪要", "市人力资源社会保障局负责组织培训。"),
		doc("c", "纪要", "保障住房需求，推进城乡建设，社会稳定，人力资源充足。"),
	)
	for q, want := range map[string]string{"住房和城乡建设": "a", "人力资源社会保障": "b"} {
		if r := find(t, ix, Query{Text: q, NoFallback: true}); len(r.Hits) == 0 || r.Hits[0].ID != want {
			t.Errorf("%s: %v, want %s first", q, ids(r), want)
		}
	}
}

// TestTopicHitsNeedMostWords: a topic sharing one word of several with the
// query is not listed as matching it.
func TestTopicHitsNeedMostWords(t *testing.T) {
	ix := openTest(t, Options{})
	text := "一、关于老旧小区改造\n推进城区老旧小区改造。\n二、关于景区提质改造\n推进古镇景区提质改造。"
	d := doc("m", "常务会议纪要", text)
	d.Topics = []document.Topic{
		{No: 1, Title: "关于老旧小区改造", Text: "推进城区老旧小区改造。"},
		{No: 2, Title: "关于景区提质改造", Text: "推进古镇景区提质改造。"},
	}
	put(t, ix, d)
	r := find(t, ix, Query{Text: "老旧小区改造"})
	if len(r.Hits) != 1 {
		t.Fatalf("hits %v", ids(r))
	}
	var got []int
	for _, tp := range r.Hits[0].Topics {
		got = append(got, tp.No)
	}
	if !reflect.DeepEqual(got, []int{1}) {
		t.Errorf("matching topics %v, want [1]", got)
	}
	// One word matched as several terms (synonyms, sub-words) is one word.
	e := doc("e", "苏州市卫生健康委员会工作纪要", "一、关于疫苗接种\n由市卫健委负责。\n二、关于防汛\n由市水务局负责。")
	e.Topics = []document.Topic{{No: 1, Title: "关于疫苗接种", Text: "由市卫健委负责。"}, {No: 2, Title: "关于防汛", Text: "由市水务局负责。"}}
	put(t, ix, e)
	r = find(t, ix, Query{Text: "卫健委"})
	if len(r.Hits) != 1 || len(r.Hits[0].Topics) != 1 || r.Hits[0].Topics[0].No != 1 {
		t.Errorf("卫健委: %+v", r.Hits)
	}
}

// TestEscapeDropsSourceLayout: markdown emphasis and pinyin readings stay
// out of snippets; brackets that are text stay.
func TestEscapeDropsSourceLayout(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**会议审议通过了**《实施方案》", "会议审议通过了《实施方案》"},
		{"區(qū)政府常務(wù)會議", "區政府常務會議"},
		{"（一）关于(a)项和(PPP)模式", "（一）关于(a)项和(PPP)模式"},
		{"a < b & c", "a &lt; b &amp; c"},
		{"实施意\n见", "实施意见"},
		{"实施意\r\n见", "实施意见"},
		{"项目\n　　会议同意", "项目 会议同意"},
		{"GDP\ngrowth", "GDP growth"},
	}
	for _, tc := range tests {
		if got := escape(tc.in); got != tc.want {
			t.Errorf("escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestWrappedWords: a word a hard-wrapped text breaks across lines is
// found whole, and its snippet reads whole.
func TestWrappedWords(t *testing.T) {
	ix := openTest(t, Options{})
	put(t, ix, doc("w", "纪要", "会议原则同意《文山县烤烟生产实施意\n见》，由县烟草公司会同县农\n业局组织实施。"))
	for _, q := range []string{`"文山县烤烟生产实施意见"`, "农业局", "实施意见"} {
		r := find(t, ix, Query{Text: q, NoFallback: true})
		if len(r.Hits) != 1 {
			t.Errorf("%s: %v", q, ids(r))
			continue
		}
		if s := strings.Join(r.Hits[0].Snippets, ""); strings.Contains(s, "意 见") || strings.Contains(s, "农 业") {
			t.Errorf("%s: snippet %q keeps the break", q, s)
		}
	}
}

// TestTwoWordTerm: two two-character words typed as one (安全生产) match
// side by side; apart only when nothing has them together; a place and a
// subject (苏州防汛) match apart.
func TestTwoWordTerm(t *testing.T) {
	ix := openTest(t, Options{})
	put(t, ix,
		doc("a", "纪要", "部署安全生产工作。"),
		doc("b", "纪要", "加强燃气安全检查，抓好粮食生产。"),
		doc("c", "纪要", "苏州市召开会议，部署防汛工作。"),
	)
	checkFinds(t, ix, true, []queryCase{
		{"安全生产", []string{"a"}},
		{"苏州防汛", []string{"c"}},
	})
	// Nothing with 检查 and 粮食 side by side: apart, before either alone.
	r := find(t, ix, Query{Text: "检查粮食"})
	if got := ids(r); !reflect.DeepEqual(got, []string{"b"}) || r.Operator != "or" {
		t.Errorf("检查粮食: %v (operator %q), want [b] by the fallback", got, r.Operator)
	}
}

func TestDatedAsWritten(t *testing.T) {
	for in, want := range map[string]string{
		"2020-03": "2020年3月", "2020.3.18": "2020年3月18日", "2020/03/08": "2020年3月8日", "2020．3": "2020年3月",
		"2020-13": "2020-13", "2020-3-32": "2020-3-32", "20-3": "20-3", "2020年3月": "2020年3月", "5G": "5G",
	} {
		if got := datedAsWritten(in); got != want {
			t.Errorf("datedAsWritten(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestIssuerFindsItsDocuments: the issuer a hit shows finds it, also when
// the text only implies it (a report saying 省政府, an inferred issuer), and
// by its short form.
func TestIssuerFindsItsDocuments(t *testing.T) {
	ix := openService(t)
	a := doc("a", "省政府召开第28次常务会议", "王浩主持召开省政府第28次常务会议，研究部署防汛工作。")
	a.Issuer = "浙江省人民政府"
	b := doc("b", "市政府常务会议纪要", "会议研究了城市更新工作。")
	b.Issuer = "徐州市人民政府"
	c := doc("c", "其他", "徐州市的经验值得学习，浙江省也在推进。")
	put(t, ix, a, b, c)
	for q, want := range map[string]string{"徐州市人民政府": "b", "浙江省人民政府": "a", "徐州市政府": "b",
		// A government and its meeting typed as one, as headlines write them.
		"浙江省政府常务会议": "a", "徐州市政府常务会议纪要": "b"} {
		r := find(t, ix, Query{Text: q})
		if got := ids(r); len(got) == 0 || got[0] != want || r.Operator == "or" {
			t.Errorf("%s: %v (operator %q), want %s first with all words", q, got, r.Operator, want)
		}
	}
}

// TestQuotedIsExact: a quoted phrase finds the text as typed, not the
// other forms of a unit it names nor its synonyms; a post finds its
// executive deputy (副市长 in 常务副市长).
func TestQuotedIsExact(t *testing.T) {
	ix := openService(t)
	put(t, ix,
		doc("city", "纪要", "市政府召开常务会议，常务副市长孙灿出席。"),
		doc("county", "纪要", "县政府召开常务会议，副县长李明出席。"),
		doc("health", "纪要", "由市卫生健康委员会负责。"),
	)
	tests := []queryCase{
		{`"市政府"`, []string{"city"}},
		{`"县政府"`, []string{"county"}},
		{"副市长", []string{"city"}},
		{`"副市长"`, []string{"city"}},
		{"孙灿副市长", []string{"city"}},
		{"常务副", []string{"city"}},
		{`"常务副市长"`, []string{"city"}},
		{`"卫生健康委员会"`, []string{"health"}},
		{`"卫健委"`, []string{}}, // quoted: the text as typed, not the unit's other forms
		{"卫生健康委员会", []string{"health"}},
	}
	for _, tc := range tests {
		if got := ids(find(t, ix, Query{Text: tc.q})); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestReaderForms: the forms readers type find what they mean and no more:
// a unit's stem (住建, 卫健) its short and full names, a province's 厅 not
// every county's 局, a month with its year only that year's.
func TestReaderForms(t *testing.T) {
	ix := openService(t)
	put(t, ix,
		doc("zhujian", "纪要", "由市住建局牵头实施老旧小区改造。"),
		doc("zhufang", "纪要", "由市住房和城乡建设局负责城市更新。"),
		doc("weijian", "纪要", "市卫健委做好疫情防控工作。"),
		doc("ting", "通知", "省财政厅安排专项资金。"),
		doc("ju", "通知", "县财政局安排专项资金。"),
		doc("dec2019", "纪要", "2019年12月20日，召开常务会议。"),
		doc("dec2021", "纪要", "2021年12月3日，召开常务会议。"),
		doc("mar2020", "纪要", "2020年3月5日，研究防汛工作。"),
		doc("mar2021", "纪要", "2021年3月5日，研究防汛工作。"),
		doc("yunying", "纪要", "加快运营商网络建设。"),
		doc("shuzi", "纪要", "推进数字政府建设。"),
		doc("apart", "纪要", "发展数字经济，区政府给予支持。"),
		doc("jiaoti", "纪要", "由县教体局负责。"),
		doc("jiaoyu", "纪要", "加强教育工作。"),
		doc("chair", "纪要", "主持：吴庆文\n研究工作。"),
		doc("label", "纪要", "主持人：王海\n研究工作。"),
		doc("merged", "纪要", "由区住建交通局负责。"),
		doc("apart2", "纪要", "由市住建局会同市交通局负责。"),
		doc("chenweidong", "纪要", "陈卫东出席。"),
		doc("yuanlin", "纪要", "巩固国家园林城市创建成果。"),
		doc("gov", "纪要", "株洲市人民政府办公室印发。"),
		doc("zhaiquan", "纪要", "统筹安排专项债券额度。"),
		doc("fudan", "纪要", "切实减轻企业负担。"),
	)
	checkFinds(t, ix, true, []queryCase{
		{"卫健", []string{"weijian"}},
		{"财政厅", []string{"ting"}},
		{"2019年12月", []string{"dec2019"}},
		{"2020年3月", []string{"mar2020"}},
		{"2021年", []string{"dec2021", "mar2021"}},
		{"营商环境", []string{}},
		{"数字政府", []string{"shuzi"}},
		{"教育", []string{"jiaoyu"}}, // a word of its own is no stem of 教育局 (教体局)
		{"主持人 吴庆文", []string{"chair"}},
		{"主持人", []string{"label"}},    // alone, the word itself
		{"住建交通局", []string{"merged"}}, // a merged bureau is no stem and a bureau
		{"陈卫", []string{}},            // a name's start is no stem
		{"住建", []string{"apart2", "merged", "zhufang", "zhujian"}},
		{"园林城市", []string{"yuanlin"}},
		{"株洲市", []string{"gov"}},
		{"专项债", []string{"zhaiquan"}},
	})
	// Relaxed, a synonym's expansion stays whole: 双减 finds no 减轻…负担.
	checkFinds(t, ix, false, []queryCase{
		{"双减", []string{}},
	})
}

// TestCommonWordIsNoPlace: a word ending in a level (园林城市, 智慧城市) is no
// city, so no government's name joins the query: relaxed, it found every
// government's documents, and its snippets marked 人民政府.
func TestCommonWordIsNoPlace(t *testing.T) {
	ix := openService(t)
	put(t, ix,
		doc("gov", "纪要", "株洲市人民政府办公室印发。"),
		doc("shi", "纪要", "市政府研究工作。"),
		doc("zhihui", "纪要", "株洲市人民政府研究智慧城市建设。"),
	)
	checkFinds(t, ix, false, []queryCase{
		{"海绵城市", []string{"zhihui"}}, // relaxed: 城市
		{"智慧城市", []string{"zhihui"}},
	})
	res := find(t, ix, Query{Text: "智慧城市"})
	if sn := strings.Join(res.Hits[0].Snippets, ""); strings.Contains(sn, "<mark>人民政府") || !strings.Contains(sn, "<mark>智慧") {
		t.Errorf("snippet %q", sn)
	}
}

// TestYearAndForeignForms: a 文号's year typed in its brackets finds the
// documents numbered in that year; COVID-19 finds 新冠 documents, not every
// 第十九次 meeting.
func TestYearAndForeignForms(t *testing.T) {
	ix := openTest(t, Options{})
	a := doc("a", "苏州市人民政府关于做好防汛工作的通知", "苏府〔2020〕36号\n做好防汛工作。")
	a.DocNumber, a.DocPrefix, a.DocYear, a.DocSeq = "苏府〔2020〕36号", "苏府", 2020, 36
	b := doc("b", "伊宁市2020年第十二次常务会议", "2020年5月召开会议。")
	c := doc("c", "市政府第十九次常务会议纪要", "研究工作。")
	d := doc("d", "纪要", "做好新冠肺炎疫情防控工作。")
	e := doc("e", "县政府常务会议纪要", "研究防汛工作。")
	e.Date = "2021-05-06"
	f := doc("f", "县政府常务会议纪要", "研究2021年防汛工作。")
	f.Date = "2020-12-30"
	g := doc("g", "县政府常务会议纪要", "研究城市更新工作。")
	g.Date = "2021-03-01"
	put(t, ix, a, b, c, d, e, f, g)
	checkFinds(t, ix, true, []queryCase{
		// A year typed as a word: that year's documents, and those that write it.
		{"防汛 2021年", []string{"e", "f"}},
		{"〔2020〕", []string{"a"}},
		{"[2020]", []string{"a"}},
		{"COVID-19", []string{"d"}},
		{"covid", []string{"d"}},
	})
}

// TestYearWordOnlyWithAllWords: a year typed as a word asks for the year's
// documents only while every word must match; once the search settles for
// fewer, the year's documents would crowd out the rarer words (2019年 吴刚).
func TestYearWordOnlyWithAllWords(t *testing.T) {
	ix := openTest(t, Options{})
	for _, tc := range []struct {
		r    relax
		want bool
	}{{allWords, true}, {1, false}, {anyWord, false}} {
		q, err := clauseBuilder{ix: ix, relax: tc.r}.clauseQuery(clause{text: "2019年"})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(q)
		if got := strings.Contains(string(b), `"field":"year"`); got != tc.want {
			t.Errorf("relax %d: year field asked %v, want %v: %s", tc.r, got, tc.want, b)
		}
	}
}

// TestChromeNotSearched checks that a web capture's page chrome (a
// breadcrumb, a visit counter, print and font-size controls, injected
// markup) is neither found nor shown in snippets, while its body and its
// metadata line are, and that the stored text stays as put.
func TestChromeNotSearched(t *testing.T) {
	cl, _ := tables(t)
	ix := openTest(t, Options{Cleaner: cl})
	text := "<legend id=\"h4sia\"></legend><samp id=\"h4sia\"></samp>\n" +
		"當前位置: 首頁 > 政府信息公開 > 決策公開 > 政府常務會議\n" +
		"衛濱區召開第21次常務會議\n" +
		"發布日期:2023-06-21 10:51 信息來源:衛濱區人民政府辦公室 訪問量:7368 【字體:大 中 小】 打印本頁\n\n" +
		"6月20日下午，區長魏海曉主持召開區政府常務會議，研究老舊小區改造工作。"
	d := doc("w", "卫滨区召开第21次常务会议", text)
	d.ID = document.ContentID(text)
	put(t, ix, d)
	for _, q := range []string{"首页", "当前位置", "访问量", "打印本页", "字体", "h4sia", "legend"} {
		if r := find(t, ix, Query{Text: q}); len(r.Hits) != 0 {
			t.Errorf("%s finds %v: %q", q, ids(r), r.Hits[0].Snippets)
		}
	}
	for _, q := range []string{"老旧小区", "信息来源", "卫滨区人民政府办公室", "魏海晓"} {
		r := find(t, ix, Query{Text: q, NoFallback: true})
		if len(r.Hits) != 1 {
			t.Fatalf("%s finds %v", q, ids(r))
		}
		for _, s := range r.Hits[0].Snippets {
			for _, chrome := range []string{"首頁", "訪問量", "7368", "打印", "字體", "h4sia", "當前位置"} {
				if strings.Contains(s, chrome) {
					t.Errorf("%s: snippet %q shows %s", q, s, chrome)
				}
			}
		}
	}
	// The title is not chrome: 决策 is only in the breadcrumb of the body.
	if r := find(t, ix, Query{Text: "决策公开", NoFallback: true}); len(r.Hits) != 0 {
		t.Errorf("决策公开 finds %v", ids(r))
	}
	got, err := ix.Get(context.Background(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != text || document.ContentID(got.Text) != d.ID {
		t.Errorf("stored text changed: %q", got.Text)
	}
}

// TestChromeStoredForm checks that the chrome travels with the indexed
// text's changes, and that changes stored before it (gse-6) read as no
// chrome.
func TestChromeStoredForm(t *testing.T) {
	d := doc("c", "标题", "首页 > 新闻中心 > 政务要闻\n会议研究了工作。")
	ix := openTest(t, Options{})
	it := ix.indexedText(d)
	ch := it.changes(d)
	if ch == nil || len(it.Chrome) != 2 {
		t.Fatalf("chrome %v, changes %s", it.Chrome, ch)
	}
	back := storedText(d, string(ch))
	if back.Body != d.Text || !reflect.DeepEqual(back.Chrome, it.Chrome) {
		t.Errorf("stored form %+v", back)
	}
	if got := back.blank(back.Body); strings.Contains(got, "首页") || !strings.Contains(got, "会议研究了工作") || len(got) != len(d.Text) {
		t.Errorf("blanked %q", got)
	}
	old := storedText(d, `{"title":"标题"}`)
	if old.Chrome != nil || old.blank(old.Body) != d.Text {
		t.Errorf("old form %+v", old)
	}
}

// TestGetWithChrome checks that a document's chrome ranges are those the
// index blanked (a menu one link a line is not found), over the stored
// text as put, traditional script included, and that a text without
// chrome has none.
func TestGetWithChrome(t *testing.T) {
	cl, _ := tables(t)
	ix := openTest(t, Options{Cleaner: cl})
	menu := "首頁\n政務公開\n政策文件\n互動交流\n辦事服務\n聯繫我們\n"
	text := menu + "衛濱區召開常務會議\n會議研究了老舊小區改造工作。"
	d := doc("g", "卫滨区召开常务会议", text)
	d.ID = document.ContentID(text)
	plain := doc("p", "县政府召开常务会议", "会议研究了春耕生产工作。")
	plain.ID = document.ContentID(plain.Text)
	put(t, ix, d, plain)
	got, spans, err := ix.GetWithChrome(context.Background(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != text {
		t.Fatalf("stored text changed: %q", got.Text)
	}
	if blanked := clean.Blank(got.Text, spans); strings.TrimSpace(blanked[:len(menu)]) != "" || blanked[len(menu):] != text[len(menu):] {
		t.Errorf("chrome %v blanks %q", spans, blanked)
	}
	if r := find(t, ix, Query{Text: "政务公开", NoFallback: true}); len(r.Hits) != 0 {
		t.Errorf("政务公开 in the menu finds %v", ids(r))
	}
	if _, spans, err := ix.GetWithChrome(context.Background(), plain.ID); err != nil || spans != nil {
		t.Errorf("a text without chrome has %v (%v)", spans, err)
	}
	if _, _, err := ix.GetWithChrome(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
}

// TestChromeCorpus indexes the development corpus's bodies (no titles:
// a raw first line is often a breadcrumb) and checks that its page chrome
// finds nothing while the metadata words beside it still find every
// document that has them.
func TestChromeCorpus(t *testing.T) {
	cl, _ := tables(t)
	ix := openTest(t, Options{Cleaner: cl})
	docs := corpusDocs(t)
	withSource := 0
	for _, d := range docs {
		d.Title = ""
		if strings.Contains(cl.Simplify(d.Text), "来源") {
			withSource++
		}
	}
	put(t, ix, docs...)
	for _, q := range []string{"首页", "当前位置", "访问量", "打印本页", "浏览次数", "阅读量", "扫一扫", "h4sia", "legend"} {
		if r := find(t, ix, Query{Text: q, NoFallback: true}); len(r.Hits) != 0 {
			t.Errorf("%s finds %v: %q", q, ids(r), r.Hits[0].Snippets)
		}
	}
	if r := find(t, ix, Query{Text: "来源", NoFallback: true, Size: 100}); len(r.Hits) != withSource {
		t.Errorf("来源 finds %d documents, want %d", len(r.Hits), withSource)
	}
	if r := find(t, ix, Query{Text: "发文字号", NoFallback: true, Size: 100}); len(r.Hits) < 20 {
		t.Errorf("发文字号 finds %d documents", len(r.Hits))
	}
}
