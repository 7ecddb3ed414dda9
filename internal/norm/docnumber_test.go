package norm

import "testing"

func TestFindDocNumber(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		match string // s[start:end]; "" when none is expected
		want  DocNumber
	}{
		{"red header line", "\n〔2020〕3号\n\n---", "〔2020〕3号", DocNumber{"〔2020〕3号", "", 2020, 3}},
		{"gov.cn field", "发文字号：\n        国办发〔2018〕124号\n发布日期：", "国办发〔2018〕124号", DocNumber{"国办发〔2018〕124号", "国办发", 2018, 124}},
		{"labelled field", "  • 文  号: 花府办规〔2018〕1号", "花府办规〔2018〕1号", DocNumber{"花府办规〔2018〕1号", "花府办规", 2018, 1}},
		{"square brackets", "苏府[2013]4号", "苏府[2013]4号", DocNumber{"苏府〔2013〕4号", "苏府", 2013, 4}},
		{"ascii parentheses", "（政府办(2005)20号）", "政府办(2005)20号", DocNumber{"政府办〔2005〕20号", "政府办", 2005, 20}},
		{"full-width parentheses", "浦政（2005）20号", "浦政（2005）20号", DocNumber{"浦政〔2005〕20号", "浦政", 2005, 20}},
		{"small tortoise-shell brackets", "浙政发﹝2019﹞12号", "浙政发﹝2019﹞12号", DocNumber{"浙政发〔2019〕12号", "浙政发", 2019, 12}},
		{"space before 号", "〔2019〕55 号", "〔2019〕55 号", DocNumber{"〔2019〕55号", "", 2019, 55}},
		{"traditional 號", "府辦〔2021〕8號", "府辦〔2021〕8號", DocNumber{"府辦〔2021〕8号", "府辦", 2021, 8}},
		{"decree series", "中华人民共和国国务院令\n国令第707号", "国令第707号", DocNumber{"国令第707号", "国令", 0, 707}},
		{"decree under the state's name", "中华人民共和国国务院令第707号", "国务院令第707号", DocNumber{"国务院令第707号", "国务院令", 0, 707}},
		{"decree series with spaces", "国务院令 第 708 号", "国务院令 第 708 号", DocNumber{}},
		{"明电", "国办发明电〔2018〕15号", "国办发明电〔2018〕15号", DocNumber{"国办发明电〔2018〕15号", "国办发明电", 2018, 15}},
		{"lost closing bracket", "岳政发〔200916号", "岳政发〔200916号", DocNumber{"岳政发〔2009〕16号", "岳政发", 2009, 16}},
		{"lost opening bracket", "岳政发2009〕16号", "岳政发2009〕16号", DocNumber{"岳政发〔2009〕16号", "岳政发", 2009, 16}},
		{"cited in prose", "《国务院关于促进融资担保行业加快发展的意见》（国发〔2015〕43号），按照", "国发〔2015〕43号", DocNumber{"国发〔2015〕43号", "国发", 2015, 43}},
		{"lead-in verb", "依据国发〔2019〕3号文件", "国发〔2019〕3号", DocNumber{"国发〔2019〕3号", "国发", 2019, 3}},
		{"issuer with 总局", "（民航总局〔2006〕80号）收悉", "民航总局〔2006〕80号", DocNumber{"民航总局〔2006〕80号", "民航总局", 2006, 80}},
		{"long prefix", "国能综通新能〔2023〕47号", "国能综通新能〔2023〕47号", DocNumber{"国能综通新能〔2023〕47号", "国能综通新能", 2023, 47}},
		{"document-type label is no prefix", "常务会议纪要〔2024〕7号", "〔2024〕7号", DocNumber{"〔2024〕7号", "", 2024, 7}},
		{"announcement series", "国家税务总局公告2018年第15号", "国家税务总局公告2018年第15号", DocNumber{}},
		{"full-width digits", "京政发〔２０１６〕２６号", "京政发〔２０１６〕２６号", DocNumber{"京政发〔2016〕26号", "京政发", 2016, 26}},
		{"first of several", "粤府办〔2008〕31号 转发国办发〔2008〕1号", "粤府办〔2008〕31号", DocNumber{"粤府办〔2008〕31号", "粤府办", 2008, 31}},
		// Negatives.
		{"house number", "沙面大街56号首层", "", DocNumber{}},
		{"proposal number", "全国政协十届三次会议第2741号提案的答复", "", DocNumber{}},
		{"building", "区机关大院2号楼", "", DocNumber{}},
		{"year in brackets alone", "规则(2019年11月修订)", "", DocNumber{}},
		{"not a year", "〔1234〕5号", "", DocNumber{}},
		{"lost bracket without prefix", "〔200916号", "", DocNumber{}},
		{"longer digit run", "12020〕3号", "", DocNumber{}},
		{"empty", "", "", DocNumber{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, start, end, ok := FindDocNumber(tt.in)
			if tt.match == "" {
				if ok {
					t.Fatalf("FindDocNumber(%q) = %+v (%q), want none", tt.in, d, tt.in[start:end])
				}
				return
			}
			if !ok {
				t.Fatalf("FindDocNumber(%q) found none, want %q", tt.in, tt.match)
			}
			if got := tt.in[start:end]; got != tt.match {
				t.Errorf("span = %q, want %q", got, tt.match)
			}
			if tt.want.Text != "" && d != tt.want {
				t.Errorf("FindDocNumber(%q) = %+v, want %+v", tt.in, d, tt.want)
			}
		})
	}
}

func TestFindDocNumberSeries(t *testing.T) {
	tests := []struct {
		in        string
		text      string
		year, seq int
	}{
		{"国务院令 第 708 号", "国务院令第708号", 0, 708},
		{"国家税务总局公告2018年第15号", "国家税务总局公告2018年第15号", 2018, 15},
		// A date before the decree ends at its 日 (the 题注 of a regulation).
		{"2019年1月8日临沧市人民政府令第2号公布", "临沧市人民政府令第2号", 0, 2},
		{"日照市人民政府令第5号", "日照市人民政府令第5号", 0, 5},
	}
	for _, tt := range tests {
		d, _, _, ok := FindDocNumber(tt.in)
		if !ok || d.Text != tt.text || d.Year != tt.year || d.Seq != tt.seq {
			t.Errorf("FindDocNumber(%q) = %+v, %v; want text %q year %d seq %d", tt.in, d, ok, tt.text, tt.year, tt.seq)
		}
	}
}

func TestParseDocNumber(t *testing.T) {
	tests := []struct {
		in   string
		want DocNumber
		ok   bool
	}{
		{"〔2020〕3号", DocNumber{"〔2020〕3号", "", 2020, 3}, true},
		{"[2020]3号", DocNumber{"〔2020〕3号", "", 2020, 3}, true},
		{"（2020）3号", DocNumber{"〔2020〕3号", "", 2020, 3}, true},
		{"2020年3号", DocNumber{"〔2020〕3号", "", 2020, 3}, true},
		{"2020年第3号", DocNumber{"〔2020〕3号", "", 2020, 3}, true},
		{"2020-3", DocNumber{"〔2020〕3号", "", 2020, 3}, true},
		{" 国办发〔2018〕15号 ", DocNumber{"国办发〔2018〕15号", "国办发", 2018, 15}, true},
		{"国办发2018年15号", DocNumber{"国办发〔2018〕15号", "国办发", 2018, 15}, true},
		{"国办发 2018-15号", DocNumber{"国办发〔2018〕15号", "国办发", 2018, 15}, true},
		{"国令第707号", DocNumber{"国令第707号", "国令", 0, 707}, true},
		{"岳政发〔200916号", DocNumber{"岳政发〔2009〕16号", "岳政发", 2009, 16}, true},
		{"2020年3月", DocNumber{}, false},
		{"3号", DocNumber{}, false},
		{"国办发〔2018〕15号文件", DocNumber{}, false},
		{"献血条例", DocNumber{}, false},
		{"", DocNumber{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseDocNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseDocNumber(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseIssueNumber(t *testing.T) {
	tests := []struct {
		in        string
		text      string
		year, seq int
	}{
		{"第5期", "第5期", 0, 5},
		{"第 12 期", "第12期", 0, 12},
		{"第十二期", "第12期", 0, 12},
		{"〔2019〕第3期", "〔2019〕第3期", 2019, 3},
		{"[2019]第3期", "〔2019〕第3期", 2019, 3},
		{"2019年第3期", "〔2019〕第3期", 2019, 3},
		{"二〇〇九年第6期", "〔2009〕第6期", 2009, 6},
		{"二○○九年第六期", "〔2009〕第6期", 2009, 6},
		{"（第5期）", "第5期", 0, 5},
		{"第5期（总第123期）", "第5期", 0, 5},
		// Not an issue number on its own.
		{"第5期培训班", "", 0, 0},
		{"本期共8版", "", 0, 0},
		{"第0期", "", 0, 0},
		{"〔1850〕第3期", "", 0, 0},
	}
	for _, tt := range tests {
		d, ok := ParseIssueNumber(tt.in)
		if ok != (tt.text != "") || d.Text != tt.text || d.Year != tt.year || d.Seq != tt.seq {
			t.Errorf("ParseIssueNumber(%q) = %+v, %v; want %q %d %d", tt.in, d, ok, tt.text, tt.year, tt.seq)
		}
	}
}
