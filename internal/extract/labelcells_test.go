package extract

import (
	"strings"
	"testing"

	"govarchive/internal/document"
)

// TestAttendanceLabelCells: the rows of an attendance table as text renders
// them, the label cell without a colon (出　席 | names), and a table whose
// first column gives each row's category (出席 | 区长 | 周平, 列席 | unit |
// name, 请假 | post | name), repeated in every row or written once.
func TestAttendanceLabelCells(t *testing.T) {
	p := parser(t)
	roster := func(ps []document.Person) string {
		var out []string
		for _, x := range ps {
			out = append(out, x.Department+"/"+x.Name+"/"+x.Title)
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		name, tail                             string
		attendees, observers, absent, recorder string
	}{
		{"tab after padded labels",
			"出　席\t王　辉　谭小平　罗国华\n列　席\t县政府办公室　彭志强　　县发改局　龙　斌\n记　录\t张　琳",
			"/王辉/ /谭小平/ /罗国华/", "县政府办公室/彭志强/ 县发改局/龙斌/", "", "张琳"},
		{"spaces after the labels",
			"出席人员  王辉  谭小平\n列席  县发改局龙斌、县财政局陈建明\n请假  罗国华\n记录  张琳",
			"/王辉/ /谭小平/", "县发改局/龙斌/ 县财政局/陈建明/", "/罗国华/", "张琳"},
		{"a recorder cell after a labelled list",
			"出席：王辉、谭小平\n列席：县发改局龙斌\n记　录\t张　琳",
			"/王辉/ /谭小平/", "县发改局/龙斌/", "", "张琳"},
		// A cell's own colons (unit：name) leave it a cell.
		{"cells holding unit and name after a colon",
			"出席人员\t王辉　孙　明　谭小平\n\n列席人员\t区府办：王建国；区发改局：李红梅\n\n请假人员\t罗国华（外出学习）\n\n记录人\t许　晴",
			"/王辉/ /孙明/ /谭小平/", "-", "/罗国华/", "许晴"},
		{"category column repeated in every row",
			"出席人员：\n出席\t区长\t王　辉\n出席\t副区长\t王晓东 李　娟\n列席\t区政府办公室\t赵永福\n列席\t区财政局\t钱国栋\n请假\t副区长\t何云飞（外出学习）\n记录：李　敏",
			"/王辉/区长 /王晓东/副区长 /李娟/副区长", "区政府办公室/赵永福/ 区财政局/钱国栋/", "/何云飞/副区长", "李敏"},
		{"category column written once",
			"出席\t区长\t王　辉\n副区长\t王晓东 李　娟\n列席\t区政府办公室\t赵永福\n区财政局\t钱国栋\n请假\t副区长\t何云飞（外出学习）",
			"/王辉/区长 /王晓东/副区长 /李娟/副区长", "区政府办公室/赵永福/ 区财政局/钱国栋/", "/何云飞/副区长", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseMinutes(t, p, tc.tail)
			var att []document.Person
			for _, a := range d.Attendees {
				att = append(att, document.Person(a))
			}
			if g := roster(att); g != tc.attendees {
				t.Errorf("attendees %q, want %q", g, tc.attendees)
			}
			if g := roster(d.Observers); g != tc.observers && tc.observers != "-" {
				t.Errorf("observers %q, want %q", g, tc.observers)
			}
			if g := roster(d.Absent); g != tc.absent {
				t.Errorf("absent %q, want %q", g, tc.absent)
			}
			if d.Recorder != tc.recorder {
				t.Errorf("recorder %q, want %q", d.Recorder, tc.recorder)
			}
		})
	}
}

// TestAttendanceCellProse: a line that only opens with a label word is no
// table row.
func TestAttendanceCellProse(t *testing.T) {
	for _, l := range []string{"出席会议的有：王辉", "出席：王辉", "列席 人员：王辉", "记录员　：王辉", "请 假：王辉", "出席会议并讲话"} {
		if got := attendanceCell(l); got != l {
			t.Errorf("attendanceCell(%q) = %q", l, got)
		}
	}
}
