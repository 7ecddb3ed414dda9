package index

import (
	"context"
	"errors"
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
