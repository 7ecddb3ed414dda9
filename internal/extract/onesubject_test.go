package extract

import (
	"strings"
	"testing"

	"govarchive/internal/document"
)

// TestOneSubjectMinutes: minutes of a meeting on one matter, whose
// paragraphs only comment on it (会议认为/会议要求), have one topic named by
// the matter its intro gives; paragraphs that take up matters stay apart.
func TestOneSubjectMinutes(t *testing.T) {
	p := parser(t)
	tests := []struct {
		name, body string
		titles     []string
	}{
		{"comments on one matter",
			"会议认为，城市副中心重点工程建设总体进展顺利。\n\n会议要求，市交通委要加快配套道路建设；通州区政府负责征地拆迁工作。",
			[]string{"研究城市副中心重点工程建设有关问题"}},
		{"matters of their own",
			"会议听取了市交通委关于配套道路建设的汇报。会议要求，加快建设。\n\n会议研究了征地拆迁问题，同意由通州区政府负责。",
			[]string{"听取市交通委关于配套道路建设的汇报", "研究征地拆迁问题"}},
	}
	for _, tc := range tests {
		text := "北京市人民政府专题会议纪要\n京政专议〔2021〕12号\n\n2021年3月9日，副市长隋振江主持召开专题会议，研究城市副中心重点工程建设有关问题。纪要如下：\n\n" + tc.body
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		got := topicTitles(d.Topics)
		if len(got) != len(tc.titles) || len(got) > 0 && got[0] != tc.titles[0] || len(got) > 1 && got[1] != tc.titles[1] {
			t.Errorf("%s: topics %q, want %q", tc.name, got, tc.titles)
		}
	}
}

// TestOneSubjectReport: a report on one matter whose paragraphs comment on
// it has that matter as its topic, with the leads its comments name; with
// no matter named, a comment that sets units work is a topic titled by the
// task, so that its leads are kept.
func TestOneSubjectReport(t *testing.T) {
	p := parser(t)
	tests := []struct{ lead, title string }{
		{"5月9日，副省长刘小明在武汉主持召开全省交通项目建设专题会议，研究推进沿江高铁等重大项目建设。", "研究推进沿江高铁等重大项目建设"},
		{"5月9日，副省长刘小明在武汉主持召开全省交通项目建设专题会议。", "省交通运输厅要会同省发展改革委加强要素保障"},
	}
	for _, tc := range tests {
		text := "副省长刘小明主持召开全省交通项目建设专题会议\n2024-05-10　来源：湖北省人民政府门户网站\n\n" + tc.lead +
			"\n\n会议要求，省交通运输厅要会同省发展改革委加强要素保障。"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tc.title == "" && len(d.Topics) != 0:
			t.Errorf("%s: topics %+v, want none", tc.lead, d.Topics)
		case tc.title != "" && (len(d.Topics) != 1 || d.Topics[0].Title != tc.title || len(d.Topics[0].LeadDepartments) != 2):
			t.Errorf("%s: topics %+v, want %q led by two units", tc.lead, d.Topics, tc.title)
		}
	}
}

// TestAgendaSentenceSplit: a report's sentence listing the matters a
// meeting took up gives one item per matter; a sentence with a clause that
// takes up nothing stays one item.
func TestAgendaSentenceSplit(t *testing.T) {
	p := parser(t)
	tests := []struct {
		sentence string
		titles   []string
	}{
		{"会议听取了县教育局关于全县中小学校舍安全工作情况的汇报，研究了县城第二自来水厂建设资金筹措问题，审议并原则通过了《融水苗族自治县森林防火工作实施方案》。",
			[]string{"听取县教育局关于全县中小学校舍安全工作情况的汇报", "研究县城第二自来水厂建设资金筹措问题", "审议《融水苗族自治县森林防火工作实施方案》"}},
		// The matters in the lead sentence, after the meeting's clause.
		{"4月22日，县长陈华文主持召开县政府第78次常务会议，审议通过《优化营商环境的若干措施》，听取县卫健委关于卫生健康重点工作情况的汇报，研究养老服务设施布局等事项。",
			[]string{"审议《优化营商环境的若干措施》", "听取县卫健委关于卫生健康重点工作情况的汇报", "研究养老服务设施布局等事项"}},
		// A lead sentence that passes on instructions, then passes documents.
		{"4月21日，县长王予波主持召开县政府常务会议，传达学习全国两会精神，审议通过了《甲措施》和《乙方案》。",
			[]string{"审议《甲措施》和《乙方案》"}},
		{"会议听取了县教育局关于全县中小学校舍安全工作情况的汇报，要求各乡镇抓好落实。",
			[]string{"听取县教育局关于全县中小学校舍安全工作情况的汇报"}},
	}
	for _, tc := range tests {
		text := "融水县政府召开第9次常务会议\n2008年4月10日，县长杨忠合主持召开县人民政府第9次常务会议。" + tc.sentence
		if strings.HasPrefix(tc.sentence, "4月") {
			text = "融水县政府召开第9次常务会议\n" + tc.sentence
		}
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		got := topicTitles(d.Topics)
		if strings.Join(got, "|") != strings.Join(tc.titles, "|") {
			t.Errorf("%s\ntopics %q\nwant   %q", tc.sentence, got, tc.titles)
		}
	}
}

func topicTitles(topics []document.Topic) []string {
	var out []string
	for _, tp := range topics {
		out = append(out, tp.Title)
	}
	return out
}
