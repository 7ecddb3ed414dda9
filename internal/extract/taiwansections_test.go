package extract

import (
	"strings"
	"testing"
)

// TestTaiwanSections: Taiwanese minutes number their sections 壹、報告事項 /
// 貳、討論事項 and restart the items under each; every item is a topic,
// numbered on, with its 決定/決議 as decision and the rules it quotes in
// 「」 as documents; 臨時動議：無 and 散會 are none.
func TestTaiwanSections(t *testing.T) {
	p := parser(t)
	text := `高雄市政府第426次市政會議紀錄
時間：中華民國107年4月17日（星期二）下午2時30分
主席：陳代理市長啟昱　　　　　　　　　　紀錄：林淑華
出席：許副市長立明、葉祕書長匡時
列席：法制局黃局長宏文、主計處陳主計長浙雲

壹、報告事項
一、上次會議決定事項執行情形報告。
決定：准予備查。
二、工務局報告「高雄市人行道改善計畫執行情形」。
決定：洽悉，請工務局持續辦理，並會同交通局檢討人行空間。
貳、討論事項
一、財政局提「高雄市市有財產管理自治條例」修正草案，提請審議案。
決議：照案通過，送請市議會審議。
參、臨時動議：無。
肆、散會：下午3時45分。`
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tp := range d.Topics {
		got = append(got, strings.Join([]string{tp.Title, strings.Join(tp.Decisions, "；"), strings.Join(tp.Documents, "、"), strings.Join(tp.LeadDepartments, "、")}, " | "))
	}
	want := []string{
		"上次会议决定事项执行情形报告 | 准予备查 |  | ",
		"工务局报告「高雄市人行道改善计划执行情形」 | 洽悉，请工务局持续办理，并会同交通局检讨人行空间 |  | 工务局",
		"财政局提「高雄市市有财产管理自治条例」修正草案，提请审议案 | 照案通过，送请市议会审议 | 高雄市市有财产管理自治条例 | ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("topics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, tp := range d.Topics {
		if tp.No != i+1 {
			t.Errorf("topic %d numbered %d", i+1, tp.No)
		}
	}
	// 市政會議 is the meeting's kind, numbered in the title (…紀錄, not 纪要).
	if m := d.Meeting; m == nil || m.Type != "市政会议" || m.Session != 426 {
		t.Errorf("meeting %+v, want the 426th 市政会议", d.Meeting)
	}
	// The section heading after the list ends it: no observer 浙云壹.
	for _, o := range d.Observers {
		if strings.Contains(o.Name, "壹") {
			t.Errorf("observer %q", o.Name)
		}
	}
}

func TestFlattenSections(t *testing.T) {
	tests := []struct{ in, want string }{
		// A section's one matter after its colon is an item.
		{"壹、报告事项：卫生局报告「疫情防治情形」\n决定：洽悉。\n贰、讨论事项：都市发展局提「自治条例修正草案」\n决议：照案通过。",
			"一、卫生局报告「疫情防治情形」\n决定：洽悉。\n二、都市发展局提「自治条例修正草案」\n决议：照案通过。"},
		{"壹、报告事项\n一、甲。\n二、乙。\n贰、讨论事项\n一、丙。\n叁、临时动议：无。\n肆、散会：下午3时。\n附件",
			"一、甲。\n二、乙。\n三、丙。"},
		// One section alone, or none: as they are.
		{"壹、报告事项\n一、甲。", "壹、报告事项\n一、甲。"},
		{"一、甲。\n二、乙。", "一、甲。\n二、乙。"},
	}
	for _, tt := range tests {
		got, _ := flattenSections(strings.Split(tt.in, "\n"), nil)
		if g := strings.Join(got, "\n"); g != tt.want {
			t.Errorf("flattenSections(%q) =\n%s\nwant\n%s", tt.in, g, tt.want)
		}
	}
}
