package extract

import "testing"

// TestWrappedIntro: a hard-wrapped opening sentence (PDF text) dates and
// chairs the meeting from the line it began on, wherever it wraps.
func TestWrappedIntro(t *testing.T) {
	p := parser(t)
	tests := []struct{ name, intro string }{
		{"before 主持", "2018年9月27日上午，县长周森锋在县政府二楼会议室\n主持召开县政府第二十二次常务会议。现纪要如下："},
		{"inside the date", "2018年9月27日上\n午，县长周森锋主持召开县政府第二十二次常务会议。现纪要如下："},
		{"over three lines", "2018年9月27日上午，\n县长周森锋在县政府二楼会议室\n主持召开县政府第二十二次常务会议。现纪要如下："},
		{"unwrapped", "2018年9月27日上午，县长周森锋主持召开县政府第二十二次常务会议。现纪要如下："},
	}
	for _, tc := range tests {
		text := "郧西县人民政府\n常务会议纪要\n郧政纪〔2018〕11号\n" + tc.intro +
			"\n一、关于城关镇棚户区改造项目\n会议同意由县住房和城乡建设局牵头实施。\n郧西县人民政府办公室　　2018年9月29日印发"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		m := d.Meeting
		if m == nil || m.Date != "2018-09-27" || m.PartOfDay != "上午" || m.Chair == nil || m.Chair.Name != "周森锋" || m.Session != 22 {
			t.Errorf("%s: meeting %+v", tc.name, m)
		}
	}
}

// TestDatelineNotIntro: a dateline above a report's first sentence is not
// the start of that sentence, whatever it lacks.
func TestDatelineNotIntro(t *testing.T) {
	p := parser(t)
	for _, dateline := range []string{"泉州日报　2021-03-08", "2021年3月8日", "来源：市政府办公室　2021-03-08 16:20"} {
		text := "孙建国主持召开市政府第45次常务会议\n" + dateline + "\n市长孙建国3日上午主持召开市政府第45次常务会议。\n会议审议通过了《泉州市城市更新行动方案》。"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Meeting != nil && d.Meeting.Date == "2021-03-08" {
			t.Errorf("under %q the meeting is dated by the dateline", dateline)
		}
	}
}
