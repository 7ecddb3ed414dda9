package extract

import (
	"reflect"
	"testing"
)

// TestSplitTitledName: a post between the surname and the given name
// (侯市长友宜) names the person whole; a post's own modifier (代, 常务) is
// no surname.
func TestSplitTitledName(t *testing.T) {
	tests := []struct{ in, title, name string }{
		{"侯市长友宜", "市长", "侯友宜"},
		{"令狐副市长荣达", "副市长", "令狐荣达"},
		{"刘秘书长和然", "秘书长", "刘和然"},
		{"代市长黄钦", "", ""},
		{"常务副县长龙飞", "", ""},
		{"市长李明", "", ""},
	}
	for _, tc := range tests {
		title, name, _ := splitTitledName(tc.in)
		if title != tc.title || name != tc.name {
			t.Errorf("splitTitledName(%q) = %q, %q; want %q, %q", tc.in, title, name, tc.title, tc.name)
		}
	}
}

// TestTaiwanMinutes: Taiwanese minutes (市政會議紀錄) are minutes, dated by
// the Republic's year, chaired under 主席 by a surname-post-name, with a
// recorder under 紀錄.
func TestTaiwanMinutes(t *testing.T) {
	p := parser(t)
	text := "新北市政府第一二三四次市政會議紀錄\n\n時間：民國112年3月5日下午2時\n地點：本府六樓大禮堂\n主席：侯市長友宜\n出席：令狐副市長榮達、陳副市長純敬\n紀錄：王小明\n\n壹、報告事項\n一、工務局報告「道路平整專案執行情形」。\n決定：洽悉。\n"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != "minutes" || d.Date != "2023-03-05" {
		t.Errorf("kind %q date %q, want minutes 2023-03-05", d.Kind, d.Date)
	}
	if d.Meeting == nil || d.Meeting.Chair == nil || d.Meeting.Chair.Name != "侯友宜" || d.Meeting.Chair.Title != "市长" {
		t.Errorf("meeting %+v, want chair 侯友宜 (市长)", d.Meeting)
	}
	var got []string
	for _, a := range d.Attendees {
		got = append(got, a.Name+"/"+a.Title)
	}
	if want := []string{"令狐荣达/副市长", "陈纯敬/副市长"}; !reflect.DeepEqual(got, want) {
		t.Errorf("attendees %q, want %q", got, want)
	}
	if d.Recorder != "王小明" {
		t.Errorf("recorder %q, want 王小明", d.Recorder)
	}
	// Taiwan's city governments are 市政府, not the mainland's 人民政府.
	if d.Issuer != "新北市政府" {
		t.Errorf("issuer %q, want 新北市政府", d.Issuer)
	}
}
