package extract

import (
	"strconv"
	"testing"
)

// TestNumberedSecondMeeting: a release of two meetings held one after the
// other is filed under the one its headline numbers, with the first's date
// and chair's title; a release of one meeting keeps it.
func TestNumberedSecondMeeting(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"party group, then the executive meeting",
			"省政府党组会议暨省政府第112次常务会议召开\n2022年9月6日，省委副书记、省长王凯主持召开省政府党组会议，传达学习有关会议精神。随后，王凯主持召开省政府第112次常务会议，研究部署稳经济等工作。\n会议研究了《某省促进民营经济发展若干措施》。会议要求，省市场监管局要抓好政策宣传解读。\n",
			"省政府第112次常务会议|112|2022-09-06|王凯|省委副书记、省长"},
		{"one meeting",
			"市政府召开第30次常务会议\n2022年9月6日，市长李明主持召开市政府第30次常务会议，研究部署有关工作。随后召开市政府党组会议。\n会议研究了《某市促进民营经济发展若干措施》。\n",
			"市政府第30次常务会议|30|2022-09-06|李明|市长"},
	} {
		d, err := parser(t).Parse(c.text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		m := d.Meeting
		if m == nil || m.Chair == nil {
			t.Errorf("%s: meeting %+v", c.name, m)
			continue
		}
		if got := m.Name + "|" + strconv.Itoa(m.Session) + "|" + m.Date + "|" + m.Chair.Name + "|" + m.Chair.Title; got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestDecisionsTitleMeeting: minutes titled by their decisions (…常务会议
// 议定事项) name the meeting by that title.
func TestDecisionsTitleMeeting(t *testing.T) {
	text := "区政府第二十三次常务会议议定事项\n\n一、审议《区老旧小区改造三年行动计划》\n原则同意，由区住建局牵头组织实施。\n\n区人民政府办公室　2022年4月2日印发\n"
	d, err := parser(t).Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != "minutes" || d.Meeting == nil || d.Meeting.Name != "区政府第二十三次常务会议" || d.Meeting.Session != 23 || d.IssuedOn != "2022-04-02" {
		t.Errorf("kind %s, meeting %+v, issued %q", d.Kind, d.Meeting, d.IssuedOn)
	}
}
