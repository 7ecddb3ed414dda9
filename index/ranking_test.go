package index

import (
	"context"
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

// TestAgendaItemOutranksMention: the minutes one of whose many agenda items
// is the query rank above the documents that mention it in a line. All
// topic titles of a document share one length norm, so a 20-topic minutes'
// match weighed a fraction of a one-topic document's.
func TestAgendaItemOutranksMention(t *testing.T) {
	ix := openService(t)
	subjects := []string{"苏州市城市更新条例", "苏州市河道管理条例", "苏州市养老服务条例", "苏州市物业管理条例",
		"苏州市停车场建设和管理办法", "苏州市公共数据管理办法", "苏州市住房租赁管理办法", "苏州市生活垃圾分类管理条例",
		"苏州市农村集体资产管理办法", "苏州市历史文化名城保护办法", "苏州市排水管理条例", "苏州市燃气管理办法",
		"苏州市电梯安全管理办法", "苏州市户外广告设施管理办法", "苏州市公园管理条例", "苏州市节约用水管理办法",
		"苏州市地下管线管理办法", "苏州市消防安全责任制实施办法", "苏州市人才公寓管理办法", "苏州市道路交通安全条例"}
	agenda := doc("agenda", "市政府第50次常务会议纪要", "")
	var body strings.Builder
	for i, s := range subjects {
		title := "审议《" + s + "（草案）》并研究有关贯彻落实工作安排"
		agenda.Topics = append(agenda.Topics, document.Topic{No: i + 1, Title: title})
		body.WriteString(title + "。会议原则同意，由相关部门根据讨论意见修改完善后按程序报批，并做好宣传解读和组织实施工作。\n")
	}
	agenda.Text = body.String()
	docs := []*document.Document{agenda}
	for i := range 3 {
		d := doc(fmt.Sprintf("mention%d", i), "市政府专题会议纪要",
			"会议研究了数字政府建设工作。会议要求，各部门要按照公共数据管理办法做好数据共享和开放工作。"+
				strings.Repeat("会议还研究了财政预算、城市建设和社会治理等事项。", 3+i))
		d.Topics = []document.Topic{{No: 1, Title: "研究数字政府建设工作"}}
		docs = append(docs, d)
	}
	docs = append(docs, otherMinutes("市政府常务会议纪要")...)
	put(t, ix, docs...)
	for _, q := range []string{"公共数据管理办法", "公共数据"} {
		got := ids(find(t, ix, Query{Text: q}))
		if len(got) != 4 || got[0] != "agenda" {
			t.Errorf("%s: %v, want agenda first of 4", q, got)
		}
	}
}

// TestWrittenFormOutranksOtherForms: a department typed in full ranks the
// documents that write it in full above those that write only another of
// its forms, and the short form the other way round; both find all.
func TestWrittenFormOutranksOtherForms(t *testing.T) {
	ix := openService(t)
	pad := strings.Repeat("会议还研究了城市建设和社会治理等其他事项。", 4)
	// As extraction lists them: the unit as written, and its canonical
	// name (the index adds every alias the table knows).
	named := func(d *document.Document, written string) *document.Document {
		d.Departments = []string{written}
		d.DepartmentRefs = []document.DeptRef{{Name: written, Canonical: "苏州市人力资源和社会保障局"}}
		return d
	}
	put(t, ix,
		named(doc("full1", "市政府常务会议纪要", "会议听取了市人力资源和社会保障局关于稳就业工作的汇报。"), "市人力资源和社会保障局"),
		named(doc("full2", "市政府专题会议纪要", "由市人力资源和社会保障局牵头，会同有关部门抓好落实。"+pad+pad), "市人力资源和社会保障局"),
		named(doc("short1", "市政府常务会议纪要", "会议要求市人社局做好养老保险工作，市财政局抓好落实。"+pad+pad+pad), "市人社局"),
		named(doc("short2", "市政府专题会议纪要", "由市人社局牵头，加快推进技能培训。"+pad+pad+pad), "市人社局"),
		doc("other", "市政府常务会议纪要", "会议研究了教育和医疗卫生工作。"),
	)
	tests := []struct {
		q     string
		first []string // ranked above every other match, in any order
	}{
		{"市人力资源和社会保障局", []string{"full1", "full2"}},
		{"人力资源和社会保障局", []string{"full1", "full2"}},
		{"市人社局", []string{"short1", "short2"}},
	}
	for _, tc := range tests {
		got := ids(find(t, ix, Query{Text: tc.q}))
		if len(got) != 4 {
			t.Errorf("%s: %v, want all 4 documents naming the bureau", tc.q, got)
			continue
		}
		if !slices.Contains(tc.first, got[0]) || !slices.Contains(tc.first, got[1]) {
			t.Errorf("%s: %v, want %v first", tc.q, got, tc.first)
		}
	}
}

// TestNumberedParagraphsNotScaled: a document whose "topics" are its many
// numbered articles (a 工作规则) gets no topic-count weighting, so articles
// that mention 常务会议 do not outrank the minutes titled with it.
func TestNumberedParagraphsNotScaled(t *testing.T) {
	ix := openService(t)
	rules := doc("rules", "国务院关于印发《国务院工作规则》的通知", "")
	var body strings.Builder
	for i := range 52 {
		title := fmt.Sprintf("国务院各部门要依法履行第%d项职责，严格执行请示报告制度", i+1)
		switch i {
		case 5, 34, 35, 36, 37:
			title = fmt.Sprintf("国务院全体会议和国务院常务会议的第%d项议事规则，由总理召集和主持", i+1)
		}
		rules.Topics = append(rules.Topics, document.Topic{No: i + 1, Title: title})
		body.WriteString(title + "。\n")
	}
	rules.Text = body.String()
	docs := []*document.Document{rules}
	for i := range 3 {
		d := doc(fmt.Sprintf("minutes%d", i), "县政府常务会议纪要",
			"县长主持召开县政府常务会议。"+strings.Repeat("会议研究了财政预算、城市建设和社会治理等事项。", 3+i))
		d.Topics = []document.Topic{{No: 1, Title: "研究财政预算工作"}, {No: 2, Title: "研究城市建设工作"}}
		docs = append(docs, d)
	}
	docs = append(docs, otherMinutes("市政府专题会议纪要")...)
	put(t, ix, docs...)
	got := ids(find(t, ix, Query{Text: "常务会议"}))
	if len(got) != 4 || got[3] != "rules" {
		t.Errorf("常务会议: %v, want the 3 minutes before rules", got)
	}
}

// otherMinutes are five two-topic minutes on other matters: they fill the
// index's statistics (document count, average topic titles) like an archive.
func otherMinutes(title string) []*document.Document {
	var out []*document.Document
	for i := range 5 {
		d := doc(fmt.Sprintf("other%d", i), title, "会议研究了教育发展和医疗卫生工作。")
		d.Topics = []document.Topic{{No: 1, Title: "研究教育发展工作"}, {No: 2, Title: "研究医疗卫生工作"}}
		out = append(out, d)
	}
	return out
}

// TestSurnameAndPost: 李县长 is how people speak of the county head named 李:
// it finds the documents where a person of the archive with that surname
// stands beside that post (县长李翔, 吴庆文市长), not those where one only
// appears somewhere with a 县长 elsewhere, nor every 县长.
func TestSurnameAndPost(t *testing.T) {
	ix := openService(t)
	chair := doc("chair", "县政府第13次常务会议召开", "1月7日，县委副书记、县长李翔主持召开县政府第13次常务会议，研究财政预算工作。")
	chair.People = []string{"李翔"}
	other := doc("other", "县政府第42次常务会议", "县长王军主持召开县政府第四十二次常务会议。县财政局局长李华汇报了财政预算执行情况。")
	other.People = []string{"王军", "李华"}
	mayor := doc("mayor", "市政府第30次常务会议纪要", "2023年1月20日下午，吴庆文市长主持召开市政府第30次常务会议。")
	mayor.People = []string{"吴庆文"}
	put(t, ix, chair, other, mayor)
	for q, want := range map[string][]string{
		"李县长":      {"chair"},
		"王县长":      {"other"},
		"吴市长":      {"mayor"},
		"李县长 财政预算": {"chair"},
	} {
		r, err := ix.Search(context.Background(), Query{Text: q, NoFallback: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(r); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
}
