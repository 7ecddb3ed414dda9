package extract

import "testing"

// TestSiteVisitLedThenHeld: a leader who takes a party somewhere first and
// holds the site meeting after a comma ("带领…深入高新区项目现场，并召开
// 现场办公会") chairs it, in a report as in minutes; 带队/率队 lead as 带领.
func TestSiteVisitLedThenHeld(t *testing.T) {
	p := parser(t)
	tests := []struct{ text, name, title string }{
		{"县委副书记、县长王建明带队到高新区召开现场办公会\n发布时间：2023-03-17\n3月16日，县委副书记、县长王建明带领县发展改革局、县自然资源局等部门负责同志，深入高新区重点项目建设现场，并召开现场办公会，协调解决项目推进中的困难和问题。\n会议议定：由县自然资源局牵头，加快办理用地报批手续。", "王建明", "县委副书记、县长"},
		{"某市人民政府现场办公会议纪要\n2024年3月29日，市长吴斌率队深入崇福镇工业园区，召开现场办公会，协调解决有关问题。现纪要如下：\n一、关于园区道路建设\n会议同意由市住建局负责技术指导。", "吴斌", "市长"},
		{"某县人民政府现场办公会议纪要\n2022年5月6日，副县长刘强带队到城关镇召开现场办公会。现纪要如下：\n一、关于农贸市场改造\n会议同意由县商务局负责。", "刘强", "副县长"},
	}
	for _, tt := range tests {
		d, err := p.Parse(tt.text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		m := d.Meeting
		if m == nil || m.Chair == nil || m.Chair.Name != tt.name || m.Chair.Title != tt.title {
			t.Errorf("%s\nmeeting %+v", tt.text, m)
			continue
		}
		if m.Date == "" {
			t.Errorf("%s\nno meeting date", tt.text)
		}
	}
}
