package extract

import (
	"strings"
	"testing"
)

// TestAbsentPaddedLabel: a 请假/缺席 label padded to the width of the other
// labels (请　假：) opens a leave list, and a bracket giving the post and
// the reason keeps the post.
func TestAbsentPaddedLabel(t *testing.T) {
	cases := []struct {
		name, lists string
		absent      string // department/name/title
		attendees   string
	}{
		{"padded label, post and reason", "出　席：谭建华　易红（副县长）\n请　假：符小兵（副县长，出差）",
			"/符小兵/副县长", "谭建华 易红"},
		{"padded 缺席 with a unit", "出　席：谭建华、易红\n缺　席：县财政局 李明（病假）", "县财政局/李明/", "谭建华 易红"},
		{"reason only", "出席：谭建华、易红\n请假：符小兵（出差）", "/符小兵/", "谭建华 易红"},
		{"absent units naming their people", "出席单位：县应急局（谭建华、易红）\n缺席单位：县审计局（滕飞，因公请假）", "县审计局/滕飞/", "谭建华 易红"},
	}
	p := parser(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := "县人民政府常务会议纪要\n\n2023年11月6日上午，县长谭建华主持召开县政府第9次常务会议。\n\n一、会议原则同意甲方案。\n\n" + c.lists + "\n"
			d, err := p.Parse(text, Meta{Source: "t.txt"})
			if err != nil {
				t.Fatal(err)
			}
			var absent, attendees []string
			for _, a := range d.Absent {
				absent = append(absent, a.Department+"/"+a.Name+"/"+a.Title)
			}
			for _, a := range d.Attendees {
				attendees = append(attendees, a.Name)
			}
			if g := strings.Join(absent, " "); g != c.absent {
				t.Errorf("absent = %q, want %q", g, c.absent)
			}
			if g := strings.Join(attendees, " "); g != c.attendees {
				t.Errorf("attendees = %q, want %q", g, c.attendees)
			}
		})
	}
}

// TestRecorderName reads the recorder with the unit or post written before
// the name.
func TestRecorderName(t *testing.T) {
	st := &state{p: parser(t)}
	cases := []struct{ in, want string }{
		{"周杰", "周杰"},
		{"市应急局 江帆", "江帆"},
		{"市应急局江帆", "江帆"},
		{"综合科科长 江帆", "江帆"},
		{"江帆同志", "江帆"},
		{"市政府办公室", ""},
		// A unit the table does not read whole, or an office inside one.
		{"省政府办公厅综合一处　万　敏", "万敏"},
		{"地区行署办公室　玛依拉·艾力", "玛依拉·艾力"},
		{"市新社区办 丁一", "丁一"},
		{"综合一处", ""},
	}
	for _, c := range cases {
		if got := st.recorderName(c.in); got != c.want {
			t.Errorf("recorderName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestProseLeaveBracket: a bracket in prose naming someone on leave
// ("…出席会议（副县长黎伟因公请假）") records them as absent.
func TestProseLeaveBracket(t *testing.T) {
	st := &state{p: parser(t), lines: []string{"县领导邱少华、卢文斌出席会议（副县长黎伟因公请假）。"}}
	var got []string
	for _, p := range st.proseAbsent() {
		got = append(got, p.Name+"/"+p.Title)
	}
	if g := strings.Join(got, " "); g != "黎伟/副县长" {
		t.Errorf("proseAbsent = %q, want %q", g, "黎伟/副县长")
	}
}

// TestProseLeaveClause: only the clause right before the leave verb names
// the people on leave; the clauses before it name those who attended.
func TestProseLeaveClause(t *testing.T) {
	cases := []struct{ line, want string }{
		{"出席会议的有副县长易红、熊卫国，县政府办主任赵磊；副县长符小兵因公请假。", "符小兵/副县长/"},
		{"副县长易红出席会议，副县长符小兵、县长助理何平因公请假。", "符小兵/副县长/ 何平/县长助理/"},
		{"副县长易红出席会议，副县长张三因公外出未参加会议。", "张三/副县长/"},
		{"副县长张三、李四因故未出席会议。", "张三/副县长/ 李四/副县长/"},
		{"县长助理何平因公出差请假。", "何平/县长助理/"},
		{"会议强调，严禁无故缺席。", ""},
	}
	for _, c := range cases {
		st := &state{p: parser(t), lines: []string{c.line}}
		if got := showPeople(st.proseAbsent()); got != c.want {
			t.Errorf("proseAbsent(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}
