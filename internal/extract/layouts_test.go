package extract

import "testing"

// TestPublicNotice: a notice to the public without a 文号 stays other, but
// is read as it is written: title under the issuer, signature date, the
// units its items set to work; "公　　告\n第1号" numbers one.
func TestPublicNotice(t *testing.T) {
	p := parser(t)
	body := "\n为加强三江源国家公园生态保护，现就有关事项公告如下：\n一、禁止猎捕野生动物。\n二、州林业和草原局负责本公告的组织实施。\n三、本公告自发布之日起施行。\n\n果洛藏族自治州人民政府\n2020年4月15日"
	tests := []struct {
		header, kind, title, number string
	}{
		{"果洛藏族自治州人民政府\n关于禁止猎捕野生动物的公告\n", "other", "果洛藏族自治州人民政府关于禁止猎捕野生动物的公告", ""},
		{"果洛藏族自治州人民政府\n公　　告\n第1号\n", "official", "果洛藏族自治州人民政府公告", "公告第1号"},
	}
	for _, tc := range tests {
		d, err := p.Parse(tc.header+body, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if string(d.Kind) != tc.kind || d.Title != tc.title || d.DocNumber != tc.number || d.Date != "2020-04-15" ||
			len(d.Topics) != 1 || len(d.Topics[0].LeadDepartments) != 1 || d.Topics[0].LeadDepartments[0] != "州林业和草原局" {
			t.Errorf("%q: kind %s, title %q, number %q, date %q, topics %+v", tc.header, d.Kind, d.Title, d.DocNumber, d.Date, d.Topics)
		}
	}
}

// TestRedHeaderIssuer: "X人民政府文件" over a title without an issuer and a
// signature of a date alone names the issuer.
func TestRedHeaderIssuer(t *testing.T) {
	p := parser(t)
	for _, header := range []string{"洛阳市人民政府文件", "洛 阳 市 人 民 政 府 文 件"} {
		text := header + "\n洛政〔2021〕5号\n\n关于表彰2020年度全市安全生产工作先进集体的决定\n\n各县（市、区）人民政府，市人民政府各部门：\n一、市应急管理局负责组织实施。\n\n二〇二一年二月三日"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Issuer != "洛阳市人民政府" {
			t.Errorf("%q: issuer %q", header, d.Issuer)
		}
	}
}

// TestMeetingTypeAndYearNumber: 全体（扩大）会议 is a 全体会议, and
// "（二○○八年第四次）" under the title numbers the meeting.
func TestMeetingTypeAndYearNumber(t *testing.T) {
	p := parser(t)
	d, err := p.Parse("吉林市人民政府第十六届第三次全体（扩大）会议纪要\n2022年1月20日上午，市长王路主持召开市政府第十六届第三次全体（扩大）会议。现纪要如下：\n一、审议《政府工作报告（征求意见稿）》\n会议原则同意。", Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meeting == nil || d.Meeting.Type != "全体会议" || d.Meeting.Term != 16 || d.Meeting.Session != 3 {
		t.Errorf("全体（扩大）会议: %+v", d.Meeting)
	}
	d, err = p.Parse("长阳土家族自治县人民政府\n县长办公会议纪要\n（二○○八年第四次）\n二○○八年三月五日，县长刘华主持召开县长办公会议。\n一、研究春耕工作\n会议同意由县农业局负责。", Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meeting == nil || d.Meeting.Year != 2008 || d.Meeting.Session != 4 {
		t.Errorf("（二○○八年第四次）: %+v", d.Meeting)
	}
}

// TestMinutesFragment: pages of minutes without their header (a scan's
// later pages) are minutes, numbered from the item they open with.
func TestMinutesFragment(t *testing.T) {
	p := parser(t)
	text := "三、关于城区集中供热二期工程问题\n会议同意供热二期工程管网建设由县热力公司负责实施，所需资金由县财政局承担。\n" +
		"四、关于县城区“两违”整治问题\n会议要求，县自然资源局要会同县城管执法局开展集中整治。\n出席：王宏伟　邹红　马建国\n记录：何静"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != "minutes" || len(d.Topics) != 2 || d.Topics[0].No != 3 || d.Topics[0].Title != "关于城区集中供热二期工程问题" || d.Recorder != "何静" {
		t.Errorf("kind %s, topics %+v, recorder %q", d.Kind, d.Topics, d.Recorder)
	}
}
