package norm

import "testing"

func TestFindMeetingNo(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want MeetingNo // Start/End are checked through Text
		ok   bool
	}{
		{"plain with organ", "李亚平市长主持召开市政府第86次常务会议，传达",
			MeetingNo{Session: 86, Type: "常务会议", Text: "第86次常务会议", Name: "市政府第86次常务会议"}, true},
		{"Chinese numerals", "县长王军主持召开县政府第四十二次常务会议。",
			MeetingNo{Session: 42, Type: "常务会议", Text: "第四十二次常务会议", Name: "县政府第四十二次常务会议"}, true},
		{"term in Chinese", "梁庆民主持召开县政府十七届十三次常务会议",
			MeetingNo{Term: 17, Session: 13, Type: "常务会议", Text: "十七届十三次常务会议", Name: "县政府十七届十三次常务会议"}, true},
		{"term then organ", "主持召开五届104次区政府常务会议。纪要如下:",
			MeetingNo{Term: 5, Session: 104, Type: "常务会议", Text: "五届104次区政府常务会议", Name: "五届104次区政府常务会议"}, true},
		{"term with 人民政府", "持召开县第十八届人民政府第65次常务会议,会议研究了",
			MeetingNo{Term: 18, Session: 65, Type: "常务会议", Text: "县第十八届人民政府第65次常务会议", Name: "县第十八届人民政府第65次常务会议"}, true},
		{"term digits without type", "广州市政府常务会议 (14届117次)",
			MeetingNo{Term: 14, Session: 117, Text: "14届117次", Name: "14届117次"}, true},
		{"term with 第", "历下区政府第19届42次常务会议在区长会议室召开",
			MeetingNo{Term: 19, Session: 42, Type: "常务会议", Text: "第19届42次常务会议", Name: "区政府第19届42次常务会议"}, true},
		{"unit before term", "主持召开区十一届政府第106次常务会议,会议研究了以下事项",
			MeetingNo{Term: 11, Session: 106, Type: "常务会议", Text: "区十一届政府第106次常务会议", Name: "区十一届政府第106次常务会议"}, true},
		{"term, organ after", "已经七届第44次市政府常务会议审议通过",
			MeetingNo{Term: 7, Session: 44, Type: "常务会议", Text: "七届第44次市政府常务会议", Name: "七届第44次市政府常务会议"}, true},
		{"year form", "市政府2018年第八次常务会议",
			MeetingNo{Year: 2018, Session: 8, Type: "常务会议", Text: "2018年第八次常务会议", Name: "市政府2018年第八次常务会议"}, true},
		{"year in Chinese numerals", "（二○○八年第四次）",
			MeetingNo{Year: 2008, Session: 4, Text: "二○○八年第四次", Name: "二○○八年第四次"}, true},
		{"year form alone", "2018年第八次",
			MeetingNo{Year: 2018, Session: 8, Text: "2018年第八次", Name: "2018年第八次"}, true},
		{"spaces", "市政府第 32 次常务会议",
			MeetingNo{Session: 32, Type: "常务会议", Text: "第 32 次常务会议", Name: "市政府第32次常务会议"}, true},
		{"wrapped line", "△代市长黄钦主持召开市政府第\n41 次常务会议,审议",
			MeetingNo{Session: 41, Type: "常务会议", Text: "第\n41 次常务会议", Name: "市政府第41次常务会议"}, true},
		{"spaced after title", "市政府召开 第24次常务会议",
			MeetingNo{Session: 24, Type: "常务会议", Text: "第24次常务会议", Name: "第24次常务会议"}, true},
		{"人民政府", "裕安区人民政府第21次常务会议召开",
			MeetingNo{Session: 21, Type: "常务会议", Text: "第21次常务会议", Name: "区人民政府第21次常务会议"}, true},
		{"traditional", "十八屆市政府第24次常務會議,審議",
			MeetingNo{Term: 18, Session: 24, Type: "常务会议", Text: "十八屆市政府第24次常務會議", Name: "十八屆市政府第24次常務會議"}, true},
		{"type before number", "盐湖区中心城区土地征收调度会第三次会议召开",
			MeetingNo{Session: 3, Type: "调度会", Text: "调度会第三次会议", Name: "调度会第三次会议"}, true},
		{"joint meeting", "府院联动第一次联席会议在市政府3楼会议室召开",
			MeetingNo{Session: 1, Type: "联席会议", Text: "第一次联席会议", Name: "第一次联席会议"}, true},
		{"mayor's meeting", "市政府第12次市长办公会议",
			MeetingNo{Session: 12, Type: "市长办公会议", Text: "第12次市长办公会议", Name: "市政府第12次市长办公会议"}, true},
		{"coordination meeting", "第3次协调会",
			MeetingNo{Session: 3, Type: "协调会", Text: "第3次协调会", Name: "第3次协调会"}, true},
		{"plenary", "国务院第一次全体会议",
			MeetingNo{Session: 1, Type: "全体会议", Text: "第一次全体会议", Name: "国务院第一次全体会议"}, true},
		{"typed beats generic", "传达中央全面深化改革委员会第四次会议精神，县政府第13次常务会议",
			MeetingNo{Session: 13, Type: "常务会议", Text: "第13次常务会议", Name: "县政府第13次常务会议"}, true},
		{"generic meeting", "全国人民代表大会常务委员会第二十四次会议通过",
			MeetingNo{Session: 24, Text: "第二十四次会议", Name: "第二十四次会议"}, true},
		// Negatives.
		{"batch", "苏州市第2批安全生产巡查", MeetingNo{}, false},
		{"count", "本次综合治理涉及的37个部门", MeetingNo{}, false},
		{"month range", "2020年1~3月沿用原商保经办机构", MeetingNo{}, false},
		{"census, not a meeting", "国务院第二次全国污染源普查领导小组", MeetingNo{}, false},
		{"times", "一年召开两次", MeetingNo{}, false},
		{"empty", "", MeetingNo{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FindMeetingNo(tt.in)
			if ok != tt.ok {
				t.Fatalf("FindMeetingNo(%q) ok = %v, want %v (%+v)", tt.in, ok, tt.ok, got)
			}
			if !ok {
				return
			}
			if got.Start < 0 || got.End > len(tt.in) || tt.in[got.Start:got.End] != got.Text {
				t.Errorf("span [%d:%d] does not hold Text %q", got.Start, got.End, got.Text)
			}
			got.Start, got.End = 0, 0
			if got != tt.want {
				t.Errorf("FindMeetingNo(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestFindMeetingType(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"生态环境部召开部常务会议", "部常务会议"},
		{"市长姜有为同志在市政府会议室主持召开调度推进全市重点工作办公会议", "办公会议"},
		{"关于协调解决沙面大街56号首层房屋使用权问题的协调会议纪要", "协调会议"},
		{"县长办公会议纪要", "县长办公会议"},
		{"召开碰头会", "碰头会"},
		{"米脂县召开专题会议", "专题会议"},
		{"常務會議", "常务会议"},
		{"关于印发工作规则的通知", ""},
	}
	for _, tt := range tests {
		typ, start, end, ok := FindMeetingType(tt.in)
		if ok != (tt.want != "") || typ != tt.want {
			t.Errorf("FindMeetingType(%q) = %q, %v; want %q", tt.in, typ, ok, tt.want)
			continue
		}
		if ok && len(tt.in[start:end]) != len(typ) {
			t.Errorf("FindMeetingType(%q) span %q does not match %q", tt.in, tt.in[start:end], typ)
		}
	}
}
