package extract

import "testing"

// TestNoticeMeeting: a notice calling a meeting gives the meeting: its name
// from the title, its time and place from the items, labelled inline or as
// headings; the notice keeps its own date.
func TestNoticeMeeting(t *testing.T) {
	p := parser(t)
	head := "大同市人民政府办公室\n关于召开全市冬春季森林草原防灭火工作会议的通知\n\n各县（区）人民政府，市直有关单位：\n　　经市政府同意，定于召开全市冬春季森林草原防灭火工作会议。现将有关事项通知如下：\n"
	tail := "\n大同市人民政府办公室\n2023年11月15日"
	tests := []struct{ name, items, date, place string }{
		{"inline labels", "　　一、会议时间：2023年11月20日（星期一）上午9:00\n　　二、会议地点：市政府三楼第一会议室\n", "2023-11-20", "市政府三楼第一会议室"},
		{"headings", "　　一、会议时间\n　　2023年11月20日上午9:00\n　　二、会议地点\n　　市政府三楼第一会议室。各县（区）设分会场。\n", "2023-11-20", "市政府三楼第一会议室"},
		{"no year", "　　一、时间：11月20日上午9:00\n　　二、地点：市政府三楼第一会议室\n", "2023-11-20", "市政府三楼第一会议室"},
	}
	for _, tc := range tests {
		d, err := p.Parse(head+tc.items+tail, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		m := d.Meeting
		if m == nil || m.Name != "全市冬春季森林草原防灭火工作会议" || m.Date != tc.date || m.Place != tc.place || m.PartOfDay != "上午" || d.Date != "2023-11-15" {
			t.Errorf("%s: meeting %+v, date %s", tc.name, m, d.Date)
		}
	}
}
