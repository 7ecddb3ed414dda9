package extract

import (
	"strings"
	"testing"
)

// TestClosingParagraph: a paragraph on the meeting as a whole after the last
// numbered item is cut from that item when the layout sets it at the item
// level (blank lines between items only, or one paragraph per item) or it
// says it is the last word; laid out like a paragraph of the item, it
// stays.
func TestClosingParagraph(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		last  string // the last topic's text
		first string // the first topic's text, when it matters
	}{
		{"blank lines set items and the closing apart", []string{
			"一、关于甲事项", "会议原则同意甲方案。", "会议强调，由市应急局牵头做好宣传。", "",
			"二、关于乙事项", "会议原则同意乙方案。", "",
			"会议强调，各地各部门要统筹发展和安全。",
		}, "会议原则同意乙方案。", "会议原则同意甲方案。\n会议强调，由市应急局牵头做好宣传。"},
		{"a paragraph of the item in the same layout stays", []string{
			"一、关于甲事项", "会议原则同意甲方案。", "",
			"二、关于乙事项", "会议原则同意乙方案。", "会议强调，由市财政局落实资金。",
		}, "会议原则同意乙方案。\n会议强调，由市财政局落实资金。", ""},
		{"one paragraph per item", []string{
			"一、会议原则同意甲方案，由市发改委组织实施。",
			"二、会议原则同意乙方案，由市财政局组织实施。",
			"会议要求，各部门要按照会议议定事项抓好落实。",
		}, "", ""},
		{"items with paragraphs of their own and no blank lines keep it", []string{
			"一、关于甲事项", "会议原则同意甲方案。",
			"二、关于乙事项", "会议原则同意乙方案。", "会议强调，要抓好落实。",
		}, "会议原则同意乙方案。\n会议强调，要抓好落实。", ""},
		{"the last word says so", []string{
			"一、关于甲事项", "会议原则同意甲方案。",
			"二、关于乙事项", "会议原则同意乙方案。", "会议最后强调，各部门要抓好落实。",
		}, "会议原则同意乙方案。", ""},
		{"blank lines inside items prove nothing", []string{
			"一、关于甲事项", "", "会议原则同意甲方案。", "",
			"二、关于乙事项", "", "会议原则同意乙方案。", "", "会议强调，要抓好落实。",
		}, "会议原则同意乙方案。\n会议强调，要抓好落实。", ""},
		{"a sentence inside the item's paragraph stays", []string{
			"一、会议原则同意甲方案。",
			"二、会议原则同意乙方案。会议强调，要抓好落实。",
		}, "会议强调，要抓好落实。", ""},
		{"what follows the closing goes with it", []string{
			"一、关于甲事项", "会议原则同意甲方案。", "",
			"二、关于乙事项", "会议原则同意乙方案。", "",
			"会议号召，全市上下要真抓实干。", "会议还研究了其他事项。",
		}, "会议原则同意乙方案。", ""},
		{"earlier items of one shape, blank lines everywhere", []string{
			"一、关于甲事项", "", "会议原则同意甲方案。", "",
			"二、关于乙事项", "", "会议原则同意乙方案。", "",
			"三、关于丙事项", "", "会议原则同意丙方案。", "",
			"会议强调，各部门要狠抓落实。",
		}, "会议原则同意丙方案。", ""},
		{"the paragraph every earlier item has stays", []string{
			"一、关于甲事项", "会议原则同意甲方案。", "会议要求，由市林业局牵头。",
			"二、关于乙事项", "会议原则同意乙方案。", "会议要求，由市住建局牵头。",
			"三、关于丙事项", "会议原则同意丙方案。", "会议要求，由市财政局牵头。",
		}, "会议原则同意丙方案。\n会议要求，由市财政局牵头。", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := &state{lines: c.lines}
			paras, gaps := st.paragraphGaps(0)
			topics := numberedTopicsGaps(paras, gaps, false)
			if len(topics) < 2 {
				t.Fatalf("got %d topics, want at least 2", len(topics))
			}
			if got := topics[len(topics)-1].Text; got != c.last {
				t.Errorf("last topic text = %q, want %q", got, c.last)
			}
			if got := topics[0].Text; c.first != "" && got != c.first {
				t.Errorf("first topic text = %q, want %q", got, c.first)
			}
			for _, tp := range topics {
				if strings.Contains(tp.Title, "会议强调") {
					t.Errorf("topic title %q", tp.Title)
				}
			}
		})
	}
}

// TestDecidesAfterSubject: a sentence that names what the meeting took up
// and decides on it in its next clause is a decision; one that only
// comments or refuses is not.
func TestDecidesAfterSubject(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"会议研究了县城停车场建设问题，原则同意在城东片区新建公共停车场", true},
		{"会议听取了县农业农村局关于秋粮收购工作的汇报，同意县农业农村局提出的收购工作安排", true},
		{"会议审议了《甲办法》，原则通过该办法", true},
		{"会议听取了市水务局的汇报，要求抓好防汛工作", false},
		{"会议研究了乙事项，不同意调整用地性质", false},
		{"会议强调，原则同意的事项要抓紧落实", false},
		{"会议研究了丙事项", false},
	}
	for _, c := range cases {
		if got := decidesAfterSubject(c.in); got != c.want {
			t.Errorf("decidesAfterSubject(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestMinutesRecipients: minutes list whom they go to as 主送 and 发 too;
// neither runs into the last item.
func TestMinutesRecipients(t *testing.T) {
	p := parser(t)
	head := "昆明市人民政府专题会议纪要\n第104期\n\n2021年6月2日，常务副市长孙灿主持召开专题会议。纪要如下：\n（一）由市滇管局牵头制定滇池流域农业面源污染治理方案。\n（二）请市发展改革委会同市财政局争取中央预算内投资支持。\n\n"
	tests := []struct{ tail, want string }{
		{"发：市滇管局，市发展改革委，西山区、官渡区人民政府。", "市滇管局|市发展改革委|西山区、官渡区人民政府"},
		// 、 parts units as ， does, each with the place the first is
		// written with; a list sharing its end stays one.
		{"主送：各乡镇人民政府，县政府各部门。\n抄送：县委办、县人大办。", "各乡镇人民政府|县政府各部门|县委办|县人大办"},
		{"抄送：市民政局、公安局，县委、县人大、县政协办公室。", "市民政局|市公安局|县委、县人大、县政协办公室"},
		// A list left open does not run into the line that issues the minutes.
		{"抄送：区委办、区政府办\n洛带镇党政办公室　　　　2015年4月20日印发", "区委办|区政府办"},
		{"送：县委办，县人大办，县政协办。", "县委办|县人大办|县政协办"},
		// Offices of units the table knows (a ministry's 办公厅, 司) part at 、 too.
		{"抄送：财政部办公厅、国家中医药局办公室、国家疾控局综合司。", "财政部办公厅|国家中医药局办公室|国家疾控局综合司"},
		// 报/送/发 of older minutes, each on its own line without an end mark.
		{"报：市政府办公室\n送：县委、人大、政协领导\n发：各乡镇人民政府，县直各单位", "市政府办公室|县委、人大、政协领导|各乡镇人民政府|县直各单位"},
	}
	for _, tc := range tests {
		d, err := p.Parse(head+tc.tail, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(d.Distribution, "|"); got != tc.want {
			t.Errorf("distribution %q, want %q", got, tc.want)
		}
		if strings.Contains(tc.tail, "印发") && (d.CompiledBy != "洛带镇党政办公室" || d.IssuedOn != "2015-04-20") {
			t.Errorf("compiled by %q on %q, want the office of the 印发 line and its date", d.CompiledBy, d.IssuedOn)
		}
		if n := len(d.Topics); n != 2 || strings.Contains(d.Topics[n-1].Text, "：") {
			t.Errorf("topics %+v", d.Topics)
		}
	}
}
