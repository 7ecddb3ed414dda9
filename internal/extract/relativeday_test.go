package extract

import "testing"

// TestChairTodayDateline: "省长吕祖善今天主持召开…" under a dateline
// ("本报杭州4月21日讯"): 今天 stands between the chair and 主持 and is no
// part of the chair's name, and it counts from the dateline's day, not
// the page's (published the day after).
func TestChairTodayDateline(t *testing.T) {
	p := parser(t)
	tests := []struct{ text, name, title, date string }{
		{"吕祖善主持召开省政府第7次常务会议\n时间：2008-04-22 09:12:31  来源：浙江日报\n本报杭州4月21日讯　（记者 刘乐平）省长吕祖善今天主持召开省政府第7次常务会议，研究部署农村住房改造建设工作。",
			"吕祖善", "省长", "2008-04-21"},
		{"市政府召开常务会议\n发布时间：2020-01-03\n本报1月2日讯 市长李明昨天下午主持召开市政府第12次常务会议，研究部署防汛工作。",
			"李明", "市长", "2020-01-01"},
		// A dateline in December, the page in January: the year before.
		{"市政府召开常务会议\n发布时间：2021-01-01\n本报12月31日讯 市长李明今天主持召开市政府第12次常务会议，研究部署防汛工作。",
			"李明", "市长", "2020-12-31"},
		// No dateline: from the page's day, as before.
		{"市政府召开常务会议\n发布时间：2020-01-03\n（记者 王五）昨日，市长李明主持召开市政府第12次常务会议，研究部署防汛工作。",
			"李明", "市长", "2020-01-02"},
	}
	for _, tc := range tests {
		d, err := p.Parse(tc.text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		m := d.Meeting
		if m == nil || m.Chair == nil || m.Chair.Name != tc.name || m.Chair.Title != tc.title || m.Date != tc.date {
			t.Errorf("%s: meeting %+v, want chair %s (%s) on %s", firstRunes(tc.text, 30), m, tc.name, tc.title, tc.date)
		}
	}
}
