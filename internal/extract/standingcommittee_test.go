package extract

import "testing"

// TestStandingCommitteeMinutes: minutes of a people's congress standing
// committee's 主任会议 are issued by that committee (its title names it),
// and the number standing alone under the title ("第十六届第23次", no
// brackets) numbers the meeting.
func TestStandingCommitteeMinutes(t *testing.T) {
	p := parser(t)
	tests := []struct {
		text, issuer  string
		term, session int
	}{
		{"常州市人大常委会主任会议纪要\n\n第十六届第23次\n\n　　2018年3月9日上午，市人大常委会主任（扩大）会议在市行政中心召开。会议由主任白云萍主持。\n　　1．讨论常委会会议议程（草案）。会议决定，常委会会议于3月29日召开。",
			"常州市人大常委会", 16, 23},
		{"修武县人民政府常务会议纪要\n（第5次）\n　　2018年3月9日上午，县长李明主持召开县政府常务会议。\n　　一、会议同意由县财政局负责。",
			"修武县人民政府", 0, 5},
	}
	for _, tt := range tests {
		d, err := p.Parse(tt.text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Issuer != tt.issuer {
			t.Errorf("%.20s…: issuer %q, want %q", tt.text, d.Issuer, tt.issuer)
		}
		if m := d.Meeting; m == nil || m.Term != tt.term || m.Session != tt.session {
			t.Errorf("%.20s…: meeting %+v, want term %d session %d", tt.text, d.Meeting, tt.term, tt.session)
		}
	}
}
