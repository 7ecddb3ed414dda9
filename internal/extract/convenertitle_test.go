package extract

import (
	"slices"
	"testing"
)

// TestConvenerTitleChairs: a 联席会议 is chaired by its convener, whose title
// (召集人) stands before or after the post: the 召集 of 召集人 is no act of
// convening, so the chair is read where 主持 stands.
func TestConvenerTitleChairs(t *testing.T) {
	p := parser(t)
	for _, tc := range []struct{ chair, title string }{
		{"联席会议召集人、副市长林明", "联席会议召集人、副市长"},
		{"召集人、副市长林明", "召集人、副市长"},
		{"副市长、联席会议召集人林明", "副市长、联席会议召集人"},
		{"联席会议召集人林明", "联席会议召集人"},
	} {
		text := "泉州市治理拖欠农民工工资工作联席会议纪要\n2020年12月24日上午，" + tc.chair + "主持召开2020年第三次联席会议。现将会议议定事项纪要如下：\n" +
			"一、全力抓好春节前欠薪案件清零\n会议同意由市人社局负责汇总全市欠薪案件清单。\n"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Meeting == nil || d.Meeting.Chair == nil || d.Meeting.Chair.Name != "林明" || d.Meeting.Chair.Title != tc.title {
			t.Errorf("%s: meeting %+v, want chair 林明 (%s)", tc.chair, d.Meeting, tc.title)
			continue
		}
		if d.Meeting.Date != "2020-12-24" || !slices.Contains(d.People, "林明") {
			t.Errorf("%s: date %q, people %q", tc.chair, d.Meeting.Date, d.People)
		}
	}
}
