package extract

import (
	"strings"
	"testing"
)

// TestSiteVisitAttendees: 现场办公会议纪要 list those who took part as
// "参加现场办公（会议）的有：".
func TestSiteVisitAttendees(t *testing.T) {
	p := parser(t)
	for _, label := range []string{"参加现场办公的有", "参加现场办公会议的有", "参加现场办公人员"} {
		d := parseMinutes(t, p, label+"：副市长沈建华，市发改局局长朱宏伟，市住建局局长孙国庆。")
		var got []string
		for _, a := range d.Attendees {
			got = append(got, a.Department+"/"+a.Name+"/"+a.Title)
		}
		if g, want := strings.Join(got, " "), "/沈建华/副市长 市发改局/朱宏伟/局长 市住建局/孙国庆/局长"; g != want {
			t.Errorf("%s: attendees %q, want %q", label, g, want)
		}
	}
}
