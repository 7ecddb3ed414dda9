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
