package extract

import (
	"strings"
	"testing"

	"govarchive/internal/document"
)

// TestListClosedByFullStop: a 。 ends an attendance list without taking its
// last entry with it; a sentence after a list stays out of it.
func TestListClosedByFullStop(t *testing.T) {
	p := parser(t)
	tests := []struct {
		name, lists, attendees, observers string
	}{
		{"inline", "出席：王辉、张国华、李建平。\n列席：市发改委张立新，市财政局周华。", "王辉 张国华 李建平", "市发改委/张立新 市财政局/周华"},
		{"the list on the line below its label", "出席：王辉、张国华、李建平等。\n列席：\n市发改委张立新，市财政局周华。", "王辉 张国华 李建平", "市发改委/张立新 市财政局/周华"},
		{"a wrapped list", "出席：王辉 张国华\n列席：市发改委张立新，市财政局\n周华。", "王辉 张国华", "市发改委/张立新 市财政局/周华"},
		{"an older minutes' 送 line after the list", "出席：王辉 张国华\n列席：市发改委张立新\n\n送：县委办、人大办，县直各有关单位。", "王辉 张国华", "市发改委/张立新"},
		{"报 and 发 lines after the list", "出席：王辉 张国华\n列席：市发改委张立新\n报：市委办公室。\n发：县直各有关单位。", "王辉 张国华", "市发改委/张立新"},
		{"a sentence after the list", "出席：王辉 张国华\n列席：市发改委张立新\n会议强调，各部门要抓好落实。", "王辉 张国华", "市发改委/张立新"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseMinutes(t, p, tc.lists)
			var att, obs []string
			for _, a := range d.Attendees {
				att = append(att, a.Name)
			}
			for _, o := range d.Observers {
				obs = append(obs, o.Department+"/"+o.Name)
			}
			if a, o := strings.Join(att, " "), strings.Join(obs, " "); a != tc.attendees || o != tc.observers {
				t.Errorf("attendees %q, observers %q; want %q, %q", a, o, tc.attendees, tc.observers)
			}
		})
	}
}

// TestBareParticipationLabels: 参加：and 参会：label attendance lists as
// 参加人员：does.
func TestBareParticipationLabels(t *testing.T) {
	p := parser(t)
	for _, label := range []string{"参加：", "参会：", "参加人员："} {
		d := parseMinutes(t, p, label+"市政府副秘书长段红兵，市滇管局杨德宏")
		var got []string
		for _, a := range d.Attendees {
			got = append(got, a.Name)
		}
		if g := strings.Join(got, " "); g != "段红兵 杨德宏" {
			t.Errorf("%s: attendees %q, want 段红兵 杨德宏", label, g)
		}
	}
}

// TestEveryDistributionList: 抄报 and 抄送 (or 分送 and 抄送) both list
// recipients.
func TestEveryDistributionList(t *testing.T) {
	p := parser(t)
	d := parseMinutes(t, p, "出席：王辉 张国华\n\n抄报：市委办公室。\n抄送：市人大常委会办公室，市政协办公室，市委办公室。")
	if g, want := strings.Join(d.Distribution, "|"), "市委办公室|市人大常委会办公室|市政协办公室"; g != want {
		t.Errorf("distribution %q, want %q", g, want)
	}
}

// TestNoPeopleFromStockPhrases: "各乡镇（街道）…主要负责同志" and "晋宁区分管负责
// 同志" name units' roles, not people; "受市长李爱武委托" names no unit.
func TestNoPeopleFromStockPhrases(t *testing.T) {
	p := parser(t)
	text := "某市人民政府\n常务会议纪要\n2020年3月2日上午，受市长李爱武委托，常务副市长张向群主持召开市政府第5次常务会议。晋宁区分管负责同志参加会议。纪要如下：\n" +
		"一、原则同意德阳经开区管委会提出的方案。\n列席：各乡镇（街道）、县直有关部门主要负责同志"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if g := strings.Join(d.People, " "); g != "张向群" {
		t.Errorf("people %q, want 张向群 alone", g)
	}
	if g := strings.Join(d.Departments, " "); g != "德阳经开区管委会" {
		t.Errorf("departments %q, want 德阳经开区管委会 alone", g)
	}
}

// TestNamesListsMisread: 红旗 is a given name, not a banner (旗); names
// transcribed from Uyghur keep their middle dot, also after a unit.
func TestNamesListsMisread(t *testing.T) {
	p := parser(t)
	d := parseMinutes(t, p, "出席：王辉 孙红旗 李建平 艾尔肯·吐尼亚孜\n列席：市应急管理局艾尼瓦尔·买买提 市财政局张丽")
	var att, obs []string
	for _, a := range d.Attendees {
		att = append(att, a.Department+"/"+a.Name)
	}
	for _, o := range d.Observers {
		obs = append(obs, o.Department+"/"+o.Name)
	}
	if g, want := strings.Join(att, " "), "/王辉 /孙红旗 /李建平 /艾尔肯·吐尼亚孜"; g != want {
		t.Errorf("attendees %q, want %q", g, want)
	}
	if g, want := strings.Join(obs, " "), "市应急管理局/艾尼瓦尔·买买提 市财政局/张丽"; g != want {
		t.Errorf("observers %q, want %q", g, want)
	}
}

// TestUnitsTheTableLacks: a post written with a unit the table does not
// know (潍坊港集团董事长) is that unit's, not the unit of the entry before.
func TestUnitsTheTableLacks(t *testing.T) {
	p := parser(t)
	d := parseMinutes(t, p, "列席：市发改委主任张立新，潍坊港集团董事长韩东，国网潍坊供电公司副总经理李强")
	var obs []string
	for _, o := range d.Observers {
		obs = append(obs, o.Department+"/"+o.Title+"/"+o.Name)
	}
	if g, want := strings.Join(obs, " "), "市发改委/主任/张立新 潍坊港集团/董事长/韩东 国网潍坊供电公司/副总经理/李强"; g != want {
		t.Errorf("observers %q, want %q", g, want)
	}
}

// parseMinutes parses the minutes of one sitting with one item, whose
// closing lines (lists, distribution) are tail.
func parseMinutes(t *testing.T, p *Parser, tail string) *document.Document {
	t.Helper()
	text := "某市人民政府\n常务会议纪要\n2020年3月2日上午，市长王辉主持召开市政府第5次常务会议。纪要如下：\n一、由市住建局负责道路改造。\n" + tail
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestRosterAttachment: an attachment titled as the list of participants
// ("会议参加人员名单") lists attendees a row each, as a labelled list does;
// the body's reference to it lists no one.
func TestRosterAttachment(t *testing.T) {
	p := parser(t)
	for _, title := range []string{"会议参加人员名单", "参加会议人员名单", "参会人员名单"} {
		d := parseMinutes(t, p, "附件："+title+"\n\n某市人民政府办公室\n2020年3月5日\n\n附件\n"+title+"\n王　辉　　市长\n杨泰波　　市政府副秘书长\n刘　勇　　市发展改革委副主任")
		var got []string
		for _, a := range d.Attendees {
			got = append(got, a.Name+"/"+a.Title)
		}
		if g, want := strings.Join(got, " "), "王辉/市长 杨泰波/市政府副秘书长 刘勇/副主任"; g != want {
			t.Errorf("%s: attendees %q, want %q", title, g, want)
		}
	}
}

// TestInlineRecorder: a 记录 label closing a list's line names the recorder,
// and the padded names before it and before a post ending the line stay in
// the list.
func TestInlineRecorder(t *testing.T) {
	p := parser(t)
	tests := []struct{ lists, observers, recorder string }{
		{"出席：王辉 张国华\n列席：区财政局局长孙　丽　区住建局局长周　伟　记录：郑　洁",
			"区财政局/孙丽 区住建局/周伟", "郑洁"},
		{"出席：王辉 张国华\n列席：区发改局局长钱　进　区财政局局长孙　丽\n区住建局局长周　伟　记录：郑　洁",
			"区发改局/钱进 区财政局/孙丽 区住建局/周伟", "郑洁"},
		{"出席：王辉 张国华\n列席：区财政局局长孙丽　区住建局局长周伟（记录：郑洁）",
			"区财政局/孙丽 区住建局/周伟", ""},
		{"出席：王辉 张国华\n列席：区财政局局长孙丽\n记录：郑洁", "区财政局/孙丽", "郑洁"},
		// Prose that mentions a record keeps it out.
		{"出席：王辉 张国华\n会议要求各部门做好会议记录：全程留痕", "", ""},
	}
	for _, tc := range tests {
		d := parseMinutes(t, p, tc.lists)
		var obs []string
		for _, o := range d.Observers {
			obs = append(obs, o.Department+"/"+o.Name)
		}
		if o := strings.Join(obs, " "); o != tc.observers || d.Recorder != tc.recorder {
			t.Errorf("%q: observers %q, recorder %q; want %q, %q", tc.lists, o, d.Recorder, tc.observers, tc.recorder)
		}
	}
}
