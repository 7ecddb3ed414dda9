package extract

import "testing"

// TestIntroText joins an intro sentence a hard-wrapped text breaks across
// lines, and stops at a clause end, a title, a blank line, an item or a
// label.
func TestIntroText(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		want  string
	}{
		{"wrapped inside the meeting number", []string{"2022年5月18日下午，县长吴志坚主持召开县政府第", "12次常务会议，研究了以下事项。", "一、关于甲"},
			"2022年5月18日下午，县长吴志坚主持召开县政府第12次常务会议，研究了以下事项。"},
		{"a whole sentence", []string{"2020年1月6日上午，李亚平市长主持召开市政府第86次常务会议。", "会议议定以下事项："},
			"2020年1月6日上午，李亚平市长主持召开市政府第86次常务会议。"},
		{"a title line", []string{"县政府召开第四十二次常务会议", "3月25日上午，县长主持会议。"}, "县政府召开第四十二次常务会议"},
		{"a numbered item follows", []string{"3月5日，县长田卫东主持召开县政府第8次常务会议，研究了以下事项", "一、关于县城供水"},
			"3月5日，县长田卫东主持召开县政府第8次常务会议，研究了以下事项"},
		{"a blank line follows", []string{"3月5日，县长田卫东主持召开县政府第8次常务会议，研究了以下事项", "", "会议认为"},
			"3月5日，县长田卫东主持召开县政府第8次常务会议，研究了以下事项"},
	}
	for _, c := range cases {
		st := &state{lines: c.lines}
		if got := st.introText(0); got != c.want {
			t.Errorf("%s: introText = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestConvenerChairs: in 专题/协调 minutes the one who convened (召集) the
// meeting chairs it, and the intro dates it, not the header's issue date.
func TestConvenerChairs(t *testing.T) {
	p := parser(t)
	text := "宁波市鄞州区人民政府\n专题会议纪要\n第36期\n宁波市鄞州区人民政府办公室　　　　　　　　2022年11月8日\n\n" +
		"2022年11月3日，副区长陈海涛召集区发改局、区财政局、区住建局等单位负责人，专题研究东部新城地下空间开发利用有关问题。现将会议议定事项纪要如下：\n" +
		"一、同意东部新城地下空间按“统一规划、分期实施”原则开发，由区资规分局负责牵头编制地下空间专项规划。"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meeting == nil || d.Meeting.Date != "2022-11-03" || d.Meeting.Chair == nil || d.Meeting.Chair.Name != "陈海涛" || d.Meeting.Chair.Title != "副区长" {
		t.Errorf("meeting %+v", d.Meeting)
	}
}
