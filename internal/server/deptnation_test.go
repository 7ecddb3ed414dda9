package server

import (
	"slices"
	"testing"

	"govarchive/internal/document"
)

// nationNotice is a national body's 通知 whose one item a ministry leads,
// written as the document writes it and resolved to the ministry.
func nationNotice(issuer, topic, lead, canonical string) *document.Document {
	text := issuer + "关于" + topic + "的通知\n一、" + topic + "。由" + lead + "负责。"
	return &document.Document{ID: document.ContentID(text), Source: topic + ".txt", SourcePath: "/" + topic, Kind: document.KindOfficial,
		Title: issuer + "关于" + topic + "的通知", Issuer: issuer, Text: text, Date: "2021-05-01",
		Departments:    []string{lead},
		DepartmentRefs: []document.DeptRef{{Name: lead, Canonical: canonical}},
		Topics:         []document.Topic{{No: 1, Title: topic, LeadDepartments: []string{lead}}}}
}

// TestDepartmentFilterNation: a short form without a place (发改委, 卫健委)
// selects every place's unit of that kind and the nation's, however the
// national document writes it (bare 发展改革委 in a State Council 通知, or
// 国家卫生健康委); a city's form (市发改委) or a placed one selects no
// ministry, in the filter, the decisions list and a text search alike.
func TestDepartmentFilterNation(t *testing.T) {
	suzhou := ledMinutes("苏州市", "重点项目调度", "市发改委", "苏州市发展和改革委员会")
	xiangyin := ledMinutes("湘阴县", "疫苗接种", "县卫健委", "湘阴县卫生健康委员会")
	council := nationNotice("国务院办公厅", "促进综合保税区发展", "发展改革委", "国家发展和改革委员会")
	ministry := nationNotice("国务院办公厅", "基层卫生服务", "国家卫生健康委", "国家卫生健康委员会")
	e := deptRouter(t, suzhou, xiangyin, council, ministry)
	get := func(target string, v any) { t.Helper(); getJSON(t, e, target, v) }
	name := map[string]string{suzhou.ID: "suzhou", xiangyin.ID: "xiangyin", council.ID: "council", ministry.ID: "ministry"}
	tests := []struct {
		dept string
		want []string
	}{
		{"发改委", []string{"council", "suzhou"}},
		{"发展改革委", []string{"council", "suzhou"}},
		{"发展和改革委员会", []string{"council", "suzhou"}},
		{"卫健委", []string{"ministry", "xiangyin"}},
		{"卫生健康委员会", []string{"ministry", "xiangyin"}},
		{"市发改委", []string{"suzhou"}},
		{"市发展和改革委员会", []string{"suzhou"}},
		{"苏州市发改委", []string{"suzhou"}},
		{"县卫健委", []string{"xiangyin"}},
		{"湘阴县卫生健康委员会", []string{"xiangyin"}},
		{"国家发改委", []string{"council"}},
		{"国家发展和改革委员会", []string{"council"}},
		{"国家卫生健康委员会", []string{"ministry"}},
	}
	for _, tc := range tests {
		var res struct {
			Hits []struct{ ID string } `json:"hits"`
		}
		get("/api/search?department="+q(tc.dept), &res)
		var got []string
		for _, h := range res.Hits {
			got = append(got, name[h.ID])
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("search department=%s: %q, want %q", tc.dept, got, tc.want)
		}
		var dec struct {
			Decisions []struct {
				DocumentID string `json:"document_id"`
			} `json:"decisions"`
		}
		get("/api/decisions?department="+q(tc.dept), &dec)
		got = got[:0]
		for _, d := range dec.Decisions {
			got = append(got, name[d.DocumentID])
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("decisions department=%s: %q, want %q", tc.dept, got, tc.want)
		}
		if tc.dept == "发展改革委" {
			// The page of a form that half the documents write for one
			// unit is that unit's: the council's 发展改革委 is the nation's.
			continue
		}
		var page struct {
			MeetingsTotal int `json:"meetings_total"`
		}
		get("/api/departments/"+q(tc.dept), &page)
		if page.MeetingsTotal != len(tc.want) {
			t.Errorf("department page %s: %d documents, want %d", tc.dept, page.MeetingsTotal, len(tc.want))
		}
	}
	// A text search by a city's or a county's unit: the documents that
	// write it first, and a ministry's far below, matched by its text's
	// bare 发展改革委 only, not by a department list that held every city's
	// form of it (市发展和改革委员会).
	for _, text := range []string{"市发展和改革委员会", "市发改委", "县卫生健康委员会"} {
		var res struct {
			Hits []struct {
				ID    string
				Score float64
			} `json:"hits"`
		}
		get("/api/search?q="+q(text), &res)
		if len(res.Hits) == 0 || name[res.Hits[0].ID] != "suzhou" && name[res.Hits[0].ID] != "xiangyin" {
			t.Errorf("search %s: %+v, want the place's minutes first", text, res.Hits)
			continue
		}
		for _, h := range res.Hits[1:] {
			if n := name[h.ID]; (n == "council" || n == "ministry") && h.Score*4 > res.Hits[0].Score {
				t.Errorf("search %s: the ministry's %s scores %.2g beside %.2g", text, n, h.Score, res.Hits[0].Score)
			}
		}
	}
}
