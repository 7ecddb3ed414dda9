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
