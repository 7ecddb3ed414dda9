package index

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"govarchive/internal/document"
)

// healthForms knows the health commission under its written forms and
// aliases, like the department table.
type healthForms struct{}

func (healthForms) Forms(name string) []string {
	forms := []string{"市卫生健康委", "市卫健委", "卫健委", "卫生健康委员会", "苏州市卫生健康委员会", "卫生健康委",
		"市卫生健康委员会", "苏州市卫健委", "卫计委", "市卫计委"}
	if slices.Contains(forms, name) {
		return forms
	}
	return nil
}

// TestAliasDoesNotOutrankText: a document that names the health commission
// only in a short department list must rank well below the documents whose
// decisions are about it, even though those list many departments (BM25
// favours short keyword lists) and the list holds every alias of it.
func TestAliasDoesNotOutrankText(t *testing.T) {
	ix := openTest(t, Options{Departments: healthForms{}})
	refs := func(names ...string) []document.DeptRef {
		var out []document.DeptRef
		for _, n := range names {
			c := n
			if slices.Contains(healthForms{}.Forms("卫健委"), n) {
				c = "苏州市卫生健康委员会"
			}
			out = append(out, document.DeptRef{Name: n, Canonical: c})
		}
		return out
	}
	many := []string{"市发改委", "市财政局", "市教育局", "市公安局", "市民政局", "市司法局", "市人社局", "市住建局",
		"市交通局", "市水务局", "市农业农村局", "市商务局", "市文旅局", "市应急局", "市审计局", "市市场监管局"}

	// The commission is in the department list only (extracted from a
	// page field the text does not keep).
	bare := doc("bare", "市政府专题会议纪要", "会议研究了城市道路改造工作。由市住建局牵头实施。")
	bare.Departments = []string{"市卫生健康委"}
	bare.DepartmentRefs = refs(bare.Departments...)

	var docs []*document.Document
	docs = append(docs, bare)
	for i := range 3 {
		d := doc(fmt.Sprintf("text%d", i), "市政府常务会议纪要",
			"会议审议了《苏州市院前急救管理办法》。会议要求，市卫健委要会同有关部门做好院前急救体系建设。"+
				strings.Repeat("会议还研究了城市建设、财政预算、教育发展和社会治理等其他事项。", 20+i))
		d.Departments = append([]string{"市卫健委"}, many...)
		d.DepartmentRefs = refs(d.Departments...)
		docs = append(docs, d)
	}
	// Unrelated documents keep the statistics realistic.
	for i := range 5 {
		d := doc(fmt.Sprintf("other%d", i), "市政府常务会议纪要", "会议研究了财政预算和教育工作。")
		d.Departments = many[:4+i]
		d.DepartmentRefs = refs(d.Departments...)
		docs = append(docs, d)
	}
	put(t, ix, docs...)

	tests := []struct {
		q    string
		last string // the document that must rank below the others
	}{
		{"卫健委", "bare"},
		{"卫生健康委员会", "bare"},
		{"市卫健委", "bare"},
	}
	for _, tc := range tests {
		r := find(t, ix, Query{Text: tc.q})
		got := ids(r)
		if len(got) != 4 {
			t.Errorf("%s: %v, want the 3 text documents and %s", tc.q, got, tc.last)
			continue
		}
		if got[len(got)-1] != tc.last {
			t.Errorf("%s: %v, want %s last", tc.q, got, tc.last)
			continue
		}
		// Text matches dominate: a match of the department list alone
		// weighs less than a tenth of the weakest text match.
		if list, text := r.Hits[3].Score, r.Hits[2].Score; list*10 > text {
			t.Errorf("%s: list-only score %.6f against text %.6f", tc.q, list, text)
		}
	}
}
