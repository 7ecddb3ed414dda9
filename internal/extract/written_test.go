package extract

import (
	"strings"
	"testing"
)

// TestNamesAsWritten: every person field keeps a name in the characters
// the document writes it with, in simplified and traditional text alike,
// including names t2s would fold into words (甯静 → 宁静).
func TestNamesAsWritten(t *testing.T) {
	p := parser(t)
	cases := []struct {
		name, text string
		want       map[string]string // field → names joined by space
	}{
		{"simplified minutes",
			"西山县人民政府常务会议纪要\n\n2022年6月9日上午，县长於海平主持召开县政府第23次常务会议。\n\n一、会议原则同意甲方案，由县水利局负责实施。\n\n出席：於海平、甯志刚、王乾\n请假：於立新（出差）\n列席：县水利局於洋\n记录：甯静\n",
			map[string]string{"chair": "於海平", "attendees": "於海平 甯志刚 王乾", "absent": "於立新", "observers": "於洋", "recorder": "甯静"}},
		{"traditional minutes",
			"西山縣人民政府常務會議紀要\n\n2022年6月9日上午，縣長於海平主持召開縣政府第23次常務會議。\n\n一、會議原則同意甲方案，由縣水利局負責實施。\n\n出席：於海平、韓志剛、王乾\n記錄：於靜\n",
			map[string]string{"chair": "於海平", "attendees": "於海平 韩志刚 王乾", "recorder": "於静"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := p.Parse(c.text, Meta{Source: "t.txt"})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			if d.Meeting != nil && d.Meeting.Chair != nil {
				got["chair"] = []string{d.Meeting.Chair.Name}
			}
			for _, a := range d.Attendees {
				got["attendees"] = append(got["attendees"], a.Name)
			}
			for _, a := range d.Absent {
				got["absent"] = append(got["absent"], a.Name)
			}
			for _, o := range d.Observers {
				got["observers"] = append(got["observers"], o.Name)
			}
			if d.Recorder != "" {
				got["recorder"] = []string{d.Recorder}
			}
			for field, want := range c.want {
				if g := strings.Join(got[field], " "); g != want {
					t.Errorf("%s = %q, want %q", field, g, want)
				}
			}
			for _, n := range strings.Fields(strings.Join(func() []string {
				var all []string
				for _, v := range c.want {
					all = append(all, v)
				}
				return all
			}(), " ")) {
				if !strings.Contains(strings.Join(d.People, " "), n) {
					t.Errorf("people %q lack %q", d.People, n)
				}
			}
		})
	}
}
