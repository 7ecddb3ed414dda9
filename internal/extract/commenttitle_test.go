package extract

import "testing"

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
