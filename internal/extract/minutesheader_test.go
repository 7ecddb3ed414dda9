package extract

import "testing"

// TestMinutesIssueNumber: minutes numbered as a serial's issue under the
// title carry that number when they have no 文号; a 文号 still wins.
func TestMinutesIssueNumber(t *testing.T) {
	p := parser(t)
	tests := []struct {
		numberLine, want string
		year, seq        int
	}{
		{"第5期", "第5期", 0, 5},
		{"〔2019〕第3期", "〔2019〕第3期", 2019, 3},
		{"2019年第十二期", "〔2019〕第12期", 2019, 12},
		{"长政阅〔2019〕3号", "长政阅〔2019〕3号", 2019, 3},
		{"第5期培训工作会议纪要", "", 0, 0},
	}
	for _, tc := range tests {
		text := "长丰县人民政府常务会议纪要\n" + tc.numberLine + "\n长丰县人民政府办公室　　　　2019年2月1日\n" +
			"1月30日下午，县长张明主持召开县政府第五次常务会议。现纪要如下：\n一、研究春耕生产工作\n会议同意由县农业农村局牵头做好准备。"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.DocNumber != tc.want || d.DocYear != tc.year || d.DocSeq != tc.seq {
			t.Errorf("%q: doc_number %q, year %d, seq %d; want %q %d %d", tc.numberLine, d.DocNumber, d.DocYear, d.DocSeq, tc.want, tc.year, tc.seq)
		}
	}
}

// TestMinutesHeaderOffice: minutes titled only "会议纪要" are issued by the
// government whose office prints them.
func TestMinutesHeaderOffice(t *testing.T) {
	p := parser(t)
	tests := []struct{ header, want string }{
		{"会 议 纪 要\n〔2019〕第3期\n长丰县人民政府办公室　　　　2019年2月1日", "长丰县人民政府"},
		{"会议纪要\n长丰县人民政府办公室\n2019年2月1日", "长丰县人民政府"},
		{"长丰县人民政府常务会议纪要\n第3期", "长丰县人民政府"},
	}
	for _, tc := range tests {
		text := tc.header + "\n1月30日下午，县长张明主持召开县政府第五次常务会议。现纪要如下：\n" +
			"一、研究春耕生产工作\n会议同意由县农业农村局牵头做好准备。"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Issuer != tc.want {
			t.Errorf("%q: issuer %q, want %q", tc.header, d.Issuer, tc.want)
		}
	}
}

// TestMinutesHeaderSession: a joint or executive meeting's number in
// brackets under its title, or closing the title line, is its year and
// session; a bracket after other words is not.
func TestMinutesHeaderSession(t *testing.T) {
	p := parser(t)
	tests := []struct {
		header        string
		year, session int
	}{
		{"区长办公会议纪要\n（2024年第5次）", 2024, 5},
		{"区长办公会议纪要（2024年第5次）", 2024, 5},
		{"区长办公会议纪要(第3次)", 0, 3},
		{"区长办公会议纪要\n（此件公开发布）", 0, 0},
		{"区长办公会议纪要\n防汛工作专报（2024年第5次）", 0, 0},
	}
	for _, tc := range tests {
		text := tc.header + "\n会议时间：2024年4月8日上午\n会议主持：区长 顾新宇\n会议议定：\n" +
			"一、原则同意低效工业用地更新方案，由区财政局组织实施。"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Meeting == nil || d.Meeting.Year != tc.year || d.Meeting.Session != tc.session {
			t.Errorf("%q: meeting %+v, want year %d session %d", tc.header, d.Meeting, tc.year, tc.session)
		}
	}
}
