package extract

import "testing"

// TestAskedItemTitle: an item of minutes that opens "会议要求，…" is titled
// by what is asked, without the label; a one-matter minutes' comments still
// merge under the matter (TestOneSubjectMinutes).
func TestAskedItemTitle(t *testing.T) {
	p := parser(t)
	tests := []struct{ body, title string }{
		{"会议要求，各成员单位要加强信息共享。", "各成员单位要加强信息共享"},
		{"会议要求：各成员单位要加强信息共享。", "各成员单位要加强信息共享"},
	}
	for _, tc := range tests {
		text := "全市金融风险防控联席会议纪要\n\n2023年9月1日，副市长林峰主持召开全市金融风险防控联席会议。\n\n参会单位：\n市地方金融监管局\n市公安局\n\n" + tc.body + "\n"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Topics) != 1 || d.Topics[0].Title != tc.title {
			t.Errorf("%s: topics %q, want one titled %q", tc.body, topicTitles(d.Topics), tc.title)
		}
	}
}

// TestTaggedMinutesTitle: a forum's tag before minutes' title ([转帖],
// 【转载】) is no part of it.
func TestTaggedMinutesTitle(t *testing.T) {
	p := parser(t)
	for _, tag := range []string{"[转帖] ", "【转载】", "［转］"} {
		text := tag + "XX市政府常务会议纪要\n\n2009年6月18日,市长王国强主持召开市政府第12次常务会议.会议研究了以下事项:\n\n1. 关于全市防汛工作的问题. 会议要求,市水利局要加强值班值守.\n"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != "XX市政府常务会议纪要" {
			t.Errorf("%s: title %q, want XX市政府常务会议纪要", tag, d.Title)
		}
	}
}
