package extract

import (
	"reflect"
	"testing"
)

// TestSubjectDecisions: a decision stated after the matter taken up, or
// opened by 决定/确定/明确 after 会议, is the topic's decision; the matter
// names the topic, without the narrative 会议/还/了 (K02, K03, K09).
func TestSubjectDecisions(t *testing.T) {
	p := parser(t)
	minutes := "某市人民政府常务会议纪要\n\n2024年3月11日，市长李明主持召开市政府第48次常务会议。现将会议议定事项纪要如下：\n\n"
	news := "某市政府召开第四十一次常务会议\n\n9月2日上午，市长李建辉主持召开市政府第四十一次常务会议，研究部署近期重点工作。\n\n会议审议并原则通过《某市城区燃气管道设施保护办法》。\n\n"
	tests := []struct {
		name, text      string
		title, decision string
	}{
		{"研究了X，决定由", minutes + "一、关于禁捕退捕工作\n会议研究了长江禁捕退捕工作，决定由市农业农村局牵头，持续开展专项行动。\n",
			"关于禁捕退捕工作", "由市农业农村局牵头，持续开展专项行动"},
		{"决定由 without a comma", minutes + "一、关于出租车更新问题\n会议决定由市交通运输局制定更新方案。\n",
			"关于出租车更新问题", "会议决定由市交通运输局制定更新方案"},
		{"经研究，会议决定由", minutes + "一、关于禁捕工作\n经研究，会议决定由市农业农村局牵头开展专项行动。\n",
			"关于禁捕工作", "经研究，会议决定由市农业农村局牵头开展专项行动"},
		{"会议明确，", minutes + "一、关于停车场建设\n会议明确，由市住建局负责停车场建设。\n",
			"关于停车场建设", "会议明确，由市住建局负责停车场建设"},
		{"会议确定由", minutes + "一、关于老旧小区改造\n会议确定由市住建局牵头实施老旧小区改造。\n",
			"关于老旧小区改造", "会议确定由市住建局牵头实施老旧小区改造"},
		{"明确要求 is no decision", minutes + "一、关于防汛工作\n会议明确要求各部门做好防汛准备。\n",
			"关于防汛工作", ""},
		{"numbered paragraph: 听取了…汇报，原则同意", minutes + "一、会议听取了市农业局关于冬季瓜菜生产准备情况的汇报，原则同意市农业局提出的工作措施。\n二、会议研究了市中医院综合楼建设问题，同意由市卫生局负责组织实施。\n",
			"听取市农业局关于冬季瓜菜生产准备情况的汇报", "原则同意市农业局提出的工作措施"},
		{"news: 还研究了X，同意由", news + "会议还研究了木兰溪防洪工程建设有关事项，同意由市水利局负责推进前期工作。\n",
			"研究木兰溪防洪工程建设有关事项", "同意由市水利局负责推进前期工作"},
		{"news: 还听取了…汇报", news + "会议还听取了市住建局关于老旧小区改造情况的汇报。会议要求，市住建局要加快进度。\n",
			"听取市住建局关于老旧小区改造情况的汇报", ""},
	}
	for _, tc := range tests {
		d, err := p.Parse(tc.text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, tp := range d.Topics {
			if tp.Title != tc.title {
				continue
			}
			found = true
			var want []string
			if tc.decision != "" {
				want = []string{tc.decision}
			}
			if !reflect.DeepEqual(tp.Decisions, want) {
				t.Errorf("%s: decisions %q, want %q", tc.name, tp.Decisions, want)
			}
		}
		if !found {
			var titles []string
			for _, tp := range d.Topics {
				titles = append(titles, tp.Title)
			}
			t.Errorf("%s: no topic %q among %q", tc.name, tc.title, titles)
		}
	}
}
