package extract

import (
	"strings"
	"testing"
)

// TestAttendanceSentence: a sentence saying who took part (in a meeting,
// or in a visit: 参加活动, 陪同调研) is no part of the item before it.
func TestAttendanceSentence(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"副市长王五、李四出席会议。", true},
		{"副县长李志华参加活动。", true},
		{"市政府秘书长张三陪同调研。", true},
		{"会议同意由县民政局参加会议筹备。", false},
		{"县供电公司要加快园区配套电网建设。", false},
	}
	for _, tt := range tests {
		if got := attendanceSentence(tt.s); got != tt.want {
			t.Errorf("attendanceSentence(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestSiteVisitDecisionsEnd: the last decision of a site meeting's list
// does not run into the sentence on who took part in the visit.
func TestSiteVisitDecisionsEnd(t *testing.T) {
	p := parser(t)
	text := "县长王建明带队到高新区召开现场办公会\n发布时间：2023-03-17\n　　3月16日，县长王建明带领有关部门负责同志深入高新区，并召开现场办公会。\n　　会议议定：一是由县自然资源局牵头，加快办理用地报批手续；二是县供电公司要加快园区配套电网建设。\n　　副县长李志华参加活动。"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range d.Topics {
		for _, dc := range tp.Decisions {
			if strings.Contains(dc, "李志华") {
				t.Errorf("decision %q", dc)
			}
		}
	}
}
