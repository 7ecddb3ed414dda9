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

// TestSiteVisitOpening: the opening of a site visit names its leader, date
// and place ("市长吴斌率…赴崇福镇开展现场办公"); the leader is no 吴斌率.
func TestSiteVisitOpening(t *testing.T) {
	p := parser(t)
	for _, opening := range []string{
		"2024年3月29日，市长吴斌率市发改局、市住建局等部门负责同志，赴崇福镇开展现场办公，协调解决有关问题。现将议定事项纪要如下：",
		"2024年3月29日，市长吴　斌率市发改局、市住建局等部门负责同志，赴崇福镇开展现场办公，协调解决有关问题。现将议定事项纪要如下：",
		"2024年3月29日，市长吴斌带领市发改局、市住建局负责同志到崇福镇现场办公。现纪要如下：",
	} {
		text := "桐乡市人民政府现场办公会议纪要\n" + opening + "\n一、关于崇福镇工业园区基础设施配套\n会议同意由市住建局负责技术指导，崇福镇负责组织实施。"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		m := d.Meeting
		if m == nil || m.Chair == nil || m.Chair.Name != "吴斌" || m.Chair.Title != "市长" || m.Date != "2024-03-29" || m.Place != "崇福镇" || m.Type != "现场办公会议" {
			t.Errorf("%s\nmeeting %+v", opening, m)
		}
		for _, n := range d.People {
			if strings.Contains(n, "率") {
				t.Errorf("%s\npeople %q", opening, d.People)
			}
		}
		for _, u := range d.Departments {
			if strings.Contains(u, "率") {
				t.Errorf("%s\ndepartments %q", opening, d.Departments)
			}
		}
	}
}
