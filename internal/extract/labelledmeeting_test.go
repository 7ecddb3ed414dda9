package extract

import (
	"slices"
	"testing"
)

// TestLabelledMeetingFields: a meeting page's 会议名称 names and numbers the
// meeting, and a chair written on the line under 会议主持人 padded to width
// (刘　斌) is read as on the label's line.
func TestLabelledMeetingFields(t *testing.T) {
	p := parser(t)
	tests := []struct {
		fields        string
		name, chair   string
		session, year int
	}{
		{"会议名称：\n赣州经开区2022年第十五次主任办公会议\n会议时间：\n2022年9月7日下午\n会议主持人：\n刘　斌",
			"赣州经开区2022年第十五次主任办公会议", "刘斌", 15, 2022},
		{"会议名称：县政府第3次常务会议\n会议时间：2022年9月7日下午\n会议主持人：刘　斌",
			"县政府第3次常务会议", "刘斌", 3, 0},
		{"会议时间：\n2022年9月7日下午\n会议主持人：\n刘　斌", "", "刘斌", 0, 0},
		// A name that names no meeting is none.
		{"会议名称：\n关于学校建设的研究\n会议时间：\n2022年9月7日下午\n会议主持人：\n王　刚　李　明", "", "", 0, 0},
	}
	for _, tc := range tests {
		text := "会议纪要\n" + tc.fields + "\n出席人员：\n刘　斌、李　伟\n会议议定事项如下：\n一、同意配套学校建设，由县教育局牵头。"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		m := d.Meeting
		if m == nil {
			t.Errorf("%q: no meeting", tc.fields)
			continue
		}
		chair := ""
		if m.Chair != nil {
			chair = m.Chair.Name
		}
		if m.Name != tc.name || chair != tc.chair || m.Session != tc.session || m.Year != tc.year {
			t.Errorf("%q: meeting %q chair %q session %d year %d; want %q %q %d %d", tc.fields, m.Name, chair, m.Session, m.Year, tc.name, tc.chair, tc.session, tc.year)
		}
	}
}

// TestZoneBureauMentions: a bureau named by its zone (经开区财政局) is a
// department of the document, though 经 opens 经研究 and such.
func TestZoneBureauMentions(t *testing.T) {
	p := parser(t)
	text := "会议纪要\n2022年9月7日下午，主任刘斌主持召开主任办公会议。\n一、同意配套学校建设，由经开区建设局牵头，经开区财政局配合，章江新区第二小学、经开区教育科技体育局参与。\n二、经研究，同意湖边镇安置房项目。"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"经开区建设局", "经开区财政局", "章江新区第二小学", "经开区教育科技体育局"} {
		if !slices.Contains(d.Departments, w) {
			t.Errorf("departments %q lack %s", d.Departments, w)
		}
	}
	for _, bad := range []string{"经开区", "区建设局", "区财政局", "区教育科技体育局"} {
		if slices.Contains(d.Departments, bad) {
			t.Errorf("departments %q hold %s", d.Departments, bad)
		}
	}
	if len(d.Topics) == 0 || !slices.Equal(d.Topics[0].LeadDepartments, []string{"经开区建设局"}) {
		t.Errorf("topics %+v, want the first led by 经开区建设局", d.Topics)
	}
}
