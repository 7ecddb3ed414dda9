package extract

import (
	"reflect"
	"testing"
)

// TestDecisionList: every item under 会议议定/会议决定/会议明确 is a
// decision, whatever its verb, without the label or its number.
func TestDecisionList(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
		rest       string
	}{
		{"items on lines", "会议议定：\n（一）原则同意《实施方案》，由市林业和草原局牵头实施。\n（二）工程所需资金由市财政局统筹安排。\n（三）市水务局要在6月底前完成河道清淤。",
			[]string{"原则同意《实施方案》，由市林业和草原局牵头实施", "工程所需资金由市财政局统筹安排", "市水务局要在6月底前完成河道清淤"}, ""},
		{"label after a sentence", "会议听取了市林业和草原局的汇报。会议议定：\n（一）原则同意该方案。\n（二）资金由市财政局统筹安排。\n会议要求，各区要抓好落实。",
			[]string{"原则同意该方案", "资金由市财政局统筹安排"}, "会议听取了市林业和草原局的汇报。\n会议要求，各区要抓好落实。"},
		{"inline items", "会议决定：（一）由县民政局负责救济；（二）县水利局要加固堤防；（三）由县农业局搞好生产自救。",
			[]string{"由县民政局负责救济", "县水利局要加固堤防", "由县农业局搞好生产自救"}, ""},
		{"一是 items", "会议明确：一是由翠屏区人民政府负责征收工作；二是市自然资源和规划局要加快收储。",
			[]string{"由翠屏区人民政府负责征收工作", "市自然资源和规划局要加快收储"}, ""},
		{"wrapped item", "会议议定：\n1.原则同意该方案，由市住建局会同\n市财政局组织实施。\n2.市城管局要做好配合。",
			[]string{"原则同意该方案，由市住建局会同市财政局组织实施", "市城管局要做好配合"}, ""},
		{"unnumbered: the label's sentence", "会议议定：原则同意，按会议要求修改完善后印发。会议要求，各部门抓好落实。",
			[]string{"原则同意，按会议要求修改完善后印发"}, "会议要求，各部门抓好落实。"},
		{"no label", "会议决定由市财政局统筹安排资金。", nil, "会议决定由市财政局统筹安排资金。"},
	}
	for _, tc := range tests {
		got, rest := decisionList(tc.text)
		if !reflect.DeepEqual(got, tc.want) || rest != tc.rest {
			t.Errorf("%s:\n got %q, rest %q\nwant %q, rest %q", tc.name, got, rest, tc.want, tc.rest)
		}
	}
}

// TestOfficialFirstItem: an 意见 whose first item heads a long paragraph
// keeps that item; a section over numbered measures still yields the
// measures.
func TestOfficialFirstItem(t *testing.T) {
	p := parser(t)
	head := "恩施土家族苗族自治州人民政府\n关于加快推进富硒茶产业高质量发展的意见\n恩施州政发〔2019〕7号\n\n各县、市人民政府，州政府各部门：\n现提出如下意见。\n"
	tail := "\n恩施土家族苗族自治州人民政府\n2019年4月2日\n"
	tests := []struct {
		name, body string
		want       []string
	}{
		{"headings over long paragraphs",
			"一、优化产业布局\n建设高标准生态茶园，打造全国知名的富硒茶产业带和茶旅融合示范区，推动茶产业提质增效，全面提升茶叶综合产值。（州农业农村局牵头，州林业局配合）\n" +
				"二、强化品牌宣传\n办好茶叶博览会，组织企业参加国内外展会，讲好恩施富硒茶故事，提高区域公用品牌的知名度和美誉度。（州市场监管局负责）\n",
			[]string{"优化产业布局", "强化品牌宣传"}},
		{"sections over numbered measures",
			"一、支持企业稳定岗位\n1.减轻企业负担。阶段性减免企业基本养老保险、失业保险、工伤保险单位缴费，减轻企业负担。（州人力资源社会保障局负责）\n" +
				"2.加大援企稳岗力度。对不裁员或少裁员的参保企业，返还失业保险费。（州财政局负责）\n二、拓宽就业渠道\n3.扩大高校毕业生就业。（州教育局负责）\n",
			[]string{"减轻企业负担", "加大援企稳岗力度", "扩大高校毕业生就业"}},
	}
	for _, tc := range tests {
		d, err := p.Parse(head+tc.body+tail, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tp := range d.Topics {
			got = append(got, tp.Title)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: topics %q, want %q", tc.name, got, tc.want)
		}
	}
}
