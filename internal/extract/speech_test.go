package extract

import "testing"

// TestMeetingNamedWhereSpeechOrPlaceStands: reports of what a leader said
// at a meeting ("在县政府第42次常务会议上强调") name the meeting, and the
// speaker chairs only as the head of the government; "在…会议上主持研究"
// names the meeting, not a place.
func TestMeetingNamedWhereSpeechOrPlaceStands(t *testing.T) {
	p := parser(t)
	tests := []struct {
		name, text                  string
		meeting, chair, place, date string
		session                     int
	}{
		{"the head speaking",
			"王立新在县政府常务会议上强调 扎实做好春耕备耕工作\n发布时间：2022-03-05 来源：县融媒体中心\n" +
				"3月3日下午，县委副书记、县长王立新在县政府第42次常务会议上强调，要扎实做好春耕备耕工作。\n会议审议通过了《某县春耕备耕工作方案》。",
			"县政府第42次常务会议", "王立新", "", "2022-03-03", 42},
		{"a deputy speaking chairs nothing",
			"3月3日下午，副县长李明在县政府第42次常务会议上指出，要抓好安全生产。\n会议审议通过了《某县安全生产工作方案》。",
			"县政府第42次常务会议", "", "", "", 42},
		{"a meeting where a place would stand, its number spaced",
			"某县人民政府\n县长办公会议纪要\n2013年3月1日上午，县长刘建平在县政府第 32 次县长办公会议上主持研究了城区道路改造有关问题。现纪要如下：\n" +
				"1、会议听取了县住建局关于城区道路改造工程进展情况的汇报。",
			"县政府第32次县长办公会议", "刘建平", "", "2013-03-01", 32},
		{"the meeting before 主持",
			"2020年3月2日上午，市政府召开第5次常务会议，市长王建华主持。纪要如下：\n一、由市住建局负责道路改造。",
			"第5次常务会议", "王建华", "", "2020-03-02", 5},
		{"chaired on another's behalf",
			"3月19日上午，市政府召开第46次常务会议，市委常委、常务副市长陈峰受市长孙建国委托主持会议。\n会议审议通过了《某市城市更新行动方案》。",
			"第46次常务会议", "陈峰", "", "", 46},
		{"a year from the minutes' number",
			"某市人民政府\n常务会议纪要\n〔2020〕15号\n3月2日上午，市长王建华主持召开市政府第5次常务会议。纪要如下：\n一、由市住建局负责道路改造。",
			"市政府第5次常务会议", "王建华", "", "2020-03-02", 5},
		{"a place stays a place",
			"2013年3月1日上午，县长刘建平在县政府三楼会议室主持召开县政府第32次常务会议，研究城区道路改造有关问题。",
			"县政府第32次常务会议", "刘建平", "县政府三楼会议室", "2013-03-01", 32},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := p.Parse(tc.text, Meta{Source: "t.txt"})
			if err != nil {
				t.Fatal(err)
			}
			if d.Meeting == nil {
				t.Fatalf("no meeting (kind %s)", d.Kind)
			}
			m := d.Meeting
			chair := ""
			if m.Chair != nil {
				chair = m.Chair.Name
			}
			if m.Name != tc.meeting || chair != tc.chair || m.Place != tc.place || m.Date != tc.date || m.Session != tc.session {
				t.Errorf("meeting %q chair %q place %q date %q session %d; want %q %q %q %q %d",
					m.Name, chair, m.Place, m.Date, m.Session, tc.meeting, tc.chair, tc.place, tc.date, tc.session)
			}
		})
	}
}
