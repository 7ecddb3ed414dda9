package index

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"govarchive/internal/document"
)

func TestSuggest(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, Options{})
	a := doc("a", "苏州市献血条例修正案", "正文")
	a.People = []string{"李亚平", "李亚东", "王翔"}
	a.DepartmentRefs = []document.DeptRef{{Name: "市应急局", Canonical: "苏州市应急管理局"}}
	a.Departments = []string{"市应急局"}
	b := doc("b", "李亚平同志讲话", "正文")
	b.People = []string{"李亚平"}
	put(t, ix, a, b)
	tests := []struct {
		prefix string
		first  Suggestion
		n      int // expected count
	}{
		{"李亚", Suggestion{"李亚平", SuggestPerson, 2}, 3},  // two people and a title
		{"lyp", Suggestion{"李亚平", SuggestPerson, 2}, 2}, // pinyin initials: person and the title
		{"LYD", Suggestion{"李亚东", SuggestPerson, 1}, 1},
		{"市应急", Suggestion{"市应急局", SuggestDepartment, 1}, 2}, // prefix first, then contains
		{"应急", Suggestion{"市应急局", SuggestDepartment, 1}, 2},  // contains: written and canonical
		{"苏州市献", Suggestion{"苏州市献血条例修正案", SuggestTitle, 1}, 1},
		{"zzz", Suggestion{}, 0},
		// A name spelt out in pinyin, as typed without the input method:
		// people and units, not titles.
		{"liyaping", Suggestion{"李亚平", SuggestPerson, 2}, 1},
		{"liya", Suggestion{"李亚平", SuggestPerson, 2}, 2},
		{"suzhoushiying", Suggestion{"苏州市应急管理局", SuggestDepartment, 1}, 1},
		{"wangx", Suggestion{"王翔", SuggestPerson, 1}, 1},
	}
	for _, tc := range tests {
		got, err := ix.Suggest(ctx, tc.prefix, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tc.n || (tc.n > 0 && got[0] != tc.first) {
			t.Errorf("%s: %+v, want %d starting with %+v", tc.prefix, got, tc.n, tc.first)
		}
	}
	// The cache follows writes.
	c := doc("c", "其他", "正文")
	c.People = []string{"李亚军"}
	put(t, ix, c)
	if got, _ := ix.Suggest(ctx, "李亚军", 5); len(got) != 1 {
		t.Errorf("after put: %+v", got)
	}
	if _, err := ix.Suggest(ctx, "李", 500); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("n=500: %v", err)
	}
}

func TestUserWords(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, Options{})
	a := doc("a", "纪要", "正文")
	a.People = []string{"李亚平", "李xx", "某"}
	a.DepartmentRefs = []document.DeptRef{{Name: "市应急局", Canonical: "苏州市应急管理局"}}
	put(t, ix, a)
	got, err := ix.UserWords(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, w := range got {
		texts = append(texts, w.Text)
	}
	want := []string{"市应急局", "苏州市应急管理局", "李亚平"}
	if len(texts) != len(want) {
		t.Fatalf("words %v, want %v", texts, want)
	}
	from := UserWordsFrom([]*document.Document{a})
	if UserDictionaryVersion(from) != UserDictionaryVersion(got) {
		t.Errorf("from documents %v differs from index %v", from, got)
	}
}

// TestSuggestIncremental: after the first Suggest, writes adjust the
// candidates instead of rebuilding them, and the result equals a rebuild
// from the index: a just-put person is found, a deleted document's only
// person and a replaced version's person are gone, shared counts drop.
func TestSuggestIncremental(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, Options{})
	mk := func(id, title, path string, people ...string) *document.Document {
		d := doc(id, title, "正文"+id)
		d.People, d.Departments = people, []string{"市应急局"}
		if path != "" {
			d.SourcePath = path
		}
		return d
	}
	put(t, ix, mk("a", "安全生产会议纪要", "", "李亚平", "王翔"))
	suggest := func(prefix string) []Suggestion {
		t.Helper()
		got, err := ix.Suggest(ctx, prefix, 10)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	suggest("李") // builds the cache
	gen := ix.suggest.gen
	steps := []struct {
		name   string
		write  func() error
		prefix string
		want   []Suggestion
	}{
		{"put", func() error {
			_, err := ix.Put(ctx, []*document.Document{mk("b", "献血工作纪要", "", "李亚军", "李亚平")})
			return err
		}, "李亚", []Suggestion{{"李亚平", SuggestPerson, 2}, {"李亚军", SuggestPerson, 1}}},
		{"delete", func() error { return ix.Delete(ctx, "b") },
			"李亚", []Suggestion{{"李亚平", SuggestPerson, 1}}},
		{"replace at the same path", func() error {
			_, err := ix.Put(ctx, []*document.Document{mk("a2", "安全生产会议纪要（修订）", "/src/a.txt", "韩云")})
			return err
		}, "安全", []Suggestion{{"安全生产会议纪要（修订）", SuggestTitle, 1}}},
		{"replaced person gone", func() error { return nil },
			"wx", []Suggestion{}},
		{"department count", func() error {
			_, err := ix.Put(ctx, []*document.Document{mk("c", "其他", "", "韩云")})
			return err
		}, "市应急", []Suggestion{{"市应急局", SuggestDepartment, 2}}},
	}
	for _, st := range steps {
		if err := st.write(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := suggest(st.prefix); !reflect.DeepEqual(got, st.want) {
			t.Errorf("%s: %s → %+v, want %+v", st.name, st.prefix, got, st.want)
		}
		if ix.suggest.gen != gen {
			t.Errorf("%s: the cache was rebuilt", st.name)
		}
	}
	// The adjusted candidates equal a rebuild from the index.
	inc, err := ix.suggestEntries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inc = append([]suggestEntry{}, inc...)
	ix.suggest.invalidate()
	full, err := ix.suggestEntries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(inc, full) {
		t.Errorf("incremental %+v\nrebuilt %+v", inc, full)
	}
}

// TestSuggestOneFormPerDepartment: a department's forms (every one is in
// its documents' department list) take one slot, not one each.
func TestSuggestOneFormPerDepartment(t *testing.T) {
	ix := openTest(t, Options{Departments: fakeDepartments{}})
	a := doc("a", "纪要", "正文")
	a.DepartmentRefs = []document.DeptRef{{Name: "市应急局", Canonical: "苏州市应急管理局"}}
	a.Departments = []string{"市应急局"}
	put(t, ix, a)
	got, err := ix.Suggest(context.Background(), "应急", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Kind != SuggestDepartment {
		t.Errorf("suggestions %+v, want one department", got)
	}
}

// TestSuggestFrequentBeforePrefix: a name holding the text and used many
// times more comes before a rare one that starts with it.
func TestSuggestFrequentBeforePrefix(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, Options{})
	var docs []*document.Document
	for i := range 6 {
		d := doc(fmt.Sprintf("d%d", i), "纪要", "正文")
		d.Departments = []string{"市应急局"}
		docs = append(docs, d)
	}
	rare := doc("r", "纪要", "正文")
	rare.Departments = []string{"应急厅"}
	put(t, ix, append(docs, rare)...)
	got, err := ix.Suggest(ctx, "应急", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 2 || got[0].Text != "市应急局" || got[1].Text != "应急厅" {
		t.Errorf("应急: %+v, want 市应急局 (6) before 应急厅 (1)", got)
	}
}

// TestDidYouMean: a name one character off, which finds nothing, is
// answered with the name the archive holds.
func TestDidYouMean(t *testing.T) {
	ix := openTest(t, Options{})
	a := doc("a", "苏州市常务会议纪要", "吴庆文市长主持。")
	a.People = []string{"吴庆文"}
	// 付建 is named more often, but 邱剑 sounds like 邱建 and keeps its
	// surname; 张永华 is more frequent than 张永宁, and neither sounds closer.
	b := doc("b", "纪要", "付建、邱剑、张永华、张永宁出席。")
	b.People = []string{"付建", "邱剑", "张永华", "张永宁"}
	c := doc("c", "纪要", "付建、张永华出席。")
	c.People = []string{"付建", "张永华"}
	// The places of the governments are names typed too (苏洲 → 苏州, not
	// the person 苏华).
	d := doc("d", "广州市人民政府办公厅通知", "苏华出席。")
	d.People, d.Issuer = []string{"苏华"}, "广州市人民政府办公厅"
	e := doc("e", "通知", "研究工作。")
	e.Issuer = "苏州市人民政府"
	put(t, ix, a, b, c, d, e)
	tests := []struct{ q, want string }{
		{"吴庆闻", "吴庆文"},
		{"邱建", "邱剑"},
		{"付剑", "付建"},
		{"张永明", "张永华"},
		{"苏洲", "苏州"},
		{"广洲市", "广州市"},
		{"广东", ""},  // another sound: a word, not a slip of 广州
		{"杭州", ""},  // the first character: another place
		{"吴庆文", ""}, // found: nothing to suggest
		{"王小明", ""},
		{"吴庆闻 防汛", ""}, // several words: no single name to correct
		// A place or person spelt in pinyin, typed without the input
		// method: the place first.
		{"suzhou", "苏州"},
		{"Guangzhou", "广州"},
		{"suzhoushi", "苏州市"},
		{"wuqingwen", "吴庆文"},
		{"qiujian", "邱剑"},
		{"hangzhou", ""},
		{"su", ""},
	}
	for _, tc := range tests {
		r := find(t, ix, Query{Text: tc.q})
		if r.DidYouMean != tc.want {
			t.Errorf("%s: did you mean %q, want %q", tc.q, r.DidYouMean, tc.want)
		}
	}
}

// TestSuggestBuiltAfterDeleteOmitsDeletedDocuments: suggestions built after
// a delete (the first Suggest, or a rebuild) count live documents only. A
// term dictionary still holds a deleted document's terms until its segment
// is merged away: 张三丰 was suggested, and found nothing.
func TestSuggestBuiltAfterDeleteOmitsDeletedDocuments(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, Options{})
	for i, name := range []string{"张三丰", "张无忌", "李亚平"} {
		d := doc(fmt.Sprintf("d%d", i), name+"同志讲话", "会议研究了安全生产工作。")
		d.People = []string{name, "韩云"}
		put(t, ix, d) // a segment each
	}
	if err := ix.Delete(ctx, "d0"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		prefix string
		want   []Suggestion
	}{
		{"张", []Suggestion{{"张无忌", SuggestPerson, 1}, {"张无忌同志讲话", SuggestTitle, 1}}},
		{"韩", []Suggestion{{"韩云", SuggestPerson, 2}}},
	} {
		got, err := ix.Suggest(ctx, tc.prefix, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s → %+v, want %+v", tc.prefix, got, tc.want)
		}
	}
}
