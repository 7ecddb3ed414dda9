package extract

import (
	"strings"
	"testing"

	"govarchive/internal/document"
)

// TestAbsentLists: people on leave or absent, from their own lists or from a
// bracket inside an attendance list, are recorded in Absent with what the
// list says of them, and never among the attendees.
func TestAbsentLists(t *testing.T) {
	cases := []struct {
		name      string
		lines     []string
		attendees string // name/title/department, space-separated
		absent    string
	}{
		{"leave list with reasons",
			[]string{"出席：郑国平、叶建军", "请假：潘国强（出差）、蓝晓燕（参加省级培训）", "缺席：雷振宇"},
			"郑国平// 叶建军//", "潘国强// 蓝晓燕// 雷振宇//"},
		{"leave list on the next line with units",
			[]string{"请假人员：", "县审计局何东、县统计局（因公请假）", "记录：程敏"},
			"", "何东//县审计局"},
		{"leave bracket inside the attendance list",
			[]string{"出席：覃海波、韦晓玲、黄俊（请假）、梁志强"},
			"覃海波// 韦晓玲// 梁志强//", "黄俊//"},
		{"a bracket naming others on leave",
			[]string{"出席：林国栋、黄德辉（罗志远、潘强同志因公请假）"},
			"林国栋// 黄德辉//", "罗志远// 潘强//"},
		{"unit and name before a leave bracket",
			[]string{"列席：市发改委张建华（请假）、市财政局周平"},
			"", "张建华//市发改委"},
		{"a unit standing apart before a leave bracket",
			[]string{"列席：县城管局 陈杰，县教育局 刘芳（请假）"},
			"", "刘芳//县教育局"},
		{"names spaced before a leave bracket",
			[]string{"出席：王建 李明 孙丽（请假）"},
			"王建// 李明//", "孙丽//"},
		{"other leave labels", []string{"出席：郑国平、叶建军", "未出席人员：县审计局何东", "因故缺席：雷振宇", "请假领导：副县长 潘国强"},
			"郑国平// 叶建军//", "何东//县审计局 雷振宇// 潘国强/副县长/"},
		{"a leave label later on the line", []string{"出席：郑国平、叶建军　未出席：雷振宇"},
			"郑国平// 叶建军//", "雷振宇//"},
		{"a bracket that says only why", []string{"出席：王海平、龙云（因公）、黄德辉"},
			"王海平// 黄德辉//", "龙云//"},
		{"a leave label inside a bracket", []string{"出席：李明、王刚（请假：张建华、周平）"},
			"李明// 王刚//", "张建华// 周平//"},
		{"the keywords after a leave list are no people",
			[]string{"请假：罗晓燕（出差）", "", "主题词：城乡建设　会议　纪要"},
			"", "罗晓燕//"},
		{"posts in the leave list",
			[]string{"请假：副市长 王翔（出差）、市政府秘书长刘青"},
			"", "王翔/副市长/ 刘青/市政府秘书长/"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := &state{p: parser(t), lines: splitInlineLists(c.lines), doc: &document.Document{Kind: document.KindMinutes}}
			st.attendanceLists()
			var att []document.Person
			for _, a := range st.doc.Attendees {
				att = append(att, document.Person(a))
			}
			if got := showPeople(att); got != c.attendees {
				t.Errorf("attendees = %q, want %q", got, c.attendees)
			}
			if got := showPeople(st.doc.Absent); got != c.absent {
				t.Errorf("absent = %q, want %q", got, c.absent)
			}
		})
	}
}

// TestProseAbsent: a sentence saying someone was on leave names them as
// absent, with the post written before the name, and not as an attendee.
func TestProseAbsent(t *testing.T) {
	cases := []struct {
		line, want string
	}{
		{"县长王建主持会议，副县长李明、赵刚出席会议，副县长孙丽因公请假。", "孙丽/副县长/"},
		{"副市长周平、吴强请假。", "周平/副市长/ 吴强/副市长/"},
		{"会议要求严格执行请假制度。", ""},
	}
	for _, c := range cases {
		st := &state{p: parser(t), lines: []string{c.line}}
		if got := showPeople(st.proseAbsent()); got != c.want {
			t.Errorf("proseAbsent(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

func showPeople(ps []document.Person) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name+"/"+p.Title+"/"+p.Department)
	}
	return strings.Join(out, " ")
}

// TestProseListUnits: a list in prose gives each person the unit written
// before them, and the names after a unit+name in the same run share it.
func TestProseListUnits(t *testing.T) {
	cases := []struct {
		line, want string
	}{
		{"参加会议的有：市发改委张建华、李志强，市财政局王五明", "张建华//市发改委 李志强//市发改委 王五明//市财政局"},
		{"出席会议的有：副市长李明、王刚，市政府秘书长周强", "李明/副市长/ 王刚/副市长/ 周强/市政府秘书长/"},
		{"出席会议的有：市发改委张建华、副市长李明、王刚", "张建华//市发改委 李明/副市长/ 王刚/副市长/"},
	}
	for _, c := range cases {
		st := &state{p: parser(t), lines: []string{c.line}}
		if got := showPeople(st.verbFirstPeople(false)); got != c.want {
			t.Errorf("verbFirstPeople(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// TestProseAttendClauses: a sentence with an attendance clause per group
// ("A…出席会议；B…参加会议") names the people of every clause.
func TestProseAttendClauses(t *testing.T) {
	cases := []struct {
		line, want string
	}{
		{"区委常委、常务副区长高志锋，副区长李勇、陈婷婷出席会议；区政府办主任张国平，区扶贫办主要负责同志参加会议。",
			"高志锋/区委常委、常务副区长/ 李勇/副区长/ 陈婷婷/副区长/ 张国平/区政府办主任/"},
		{"副市长李明出席会议，市政府副秘书长王刚参加会议。", "李明/副市长/ 王刚/市政府副秘书长/"},
		{"副市长李明出席会议并讲话；市财政局、市发改委负责同志参加会议。", "李明/副市长/"},
		{"副市长李明、王刚；市政府秘书长周强出席会议。", "李明/副市长/ 王刚/副市长/ 周强/市政府秘书长/"},
	}
	for _, c := range cases {
		st := &state{p: parser(t), lines: []string{c.line}}
		if got := showPeople(st.prosePeople(attendVerbs)); got != c.want {
			t.Errorf("prosePeople(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}
