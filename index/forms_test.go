package index

import (
	"reflect"
	"slices"
	"strconv"
	"testing"

	"govarchive/internal/document"
)

type countingForms struct{ calls map[string]int }

func (c *countingForms) Forms(name string) []string {
	c.calls[name]++
	return []string{name, "市" + name}
}

func TestFormsMemo(t *testing.T) {
	src := &countingForms{calls: map[string]int{}}
	m := newFormsMemo(src)
	for range 3 {
		if got := m.Forms("应急局"); !reflect.DeepEqual(got, []string{"应急局", "市应急局"}) {
			t.Fatalf("Forms = %v", got)
		}
	}
	if src.calls["应急局"] != 1 {
		t.Errorf("source asked %d times, want once", src.calls["应急局"])
	}
	// The memo stays bounded: past the limit it starts afresh.
	for i := range formsCacheLimit + 10 {
		m.Forms(strconv.Itoa(i))
	}
	if n := len(m.m); n > formsCacheLimit {
		t.Errorf("memo holds %d names, limit %d", n, formsCacheLimit)
	}
}

// TestDepartmentFormsOfResolvedName: a department is indexed under the
// forms of the unit it resolved to. A bare name the document's context
// read as a ministry (发展改革委 in a State Council 通知) is not also every
// city's and county's unit (市发展改革委, 县发改委), which a filter or a
// search by a city's unit would find; a relative name resolved to its
// place's unit (市发改委 → 苏州市发展和改革委员会) keeps its own forms.
func TestDepartmentFormsOfResolvedName(t *testing.T) {
	ix := openService(t)
	tests := []struct {
		written, canonical string
		want, not          []string
	}{
		{"发展改革委", "国家发展和改革委员会", []string{"国家发改委", "国家发展和改革委员会"}, []string{"发展改革委", "市发展改革委", "县发改委", "发改委"}},
		{"统计局", "国家统计局", []string{"国家统计局"}, []string{"统计局", "市统计局"}},
		{"国家卫生健康委", "国家卫生健康委员会", []string{"国家卫生健康委", "国家卫健委"}, []string{"卫健委", "市卫健委"}},
		{"市发改委", "苏州市发展和改革委员会", []string{"市发改委", "市发展和改革委员会", "苏州市发改委", "发改委"}, []string{"国家发改委"}},
		{"县卫健局", "湘阴县卫生健康局", []string{"县卫健局", "湘阴县卫生健康局", "卫健局"}, nil},
	}
	for _, tc := range tests {
		d := &document.Document{Departments: []string{tc.written}, DepartmentRefs: []document.DeptRef{{Name: tc.written, Canonical: tc.canonical}}}
		got := ix.departmentForms(d)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s → %s: forms %q lack %s", tc.written, tc.canonical, got, w)
			}
		}
		for _, n := range tc.not {
			if slices.Contains(got, n) {
				t.Errorf("%s → %s: forms %q hold %s", tc.written, tc.canonical, got, n)
			}
		}
	}
}
