package extract

import (
	"cmp"
	"testing"
)

// TestDayOnlyNewsDate: a report dates its meeting by the day alone ("3日下
// 午"); the month is the page's, or the one before when the day is later
// than the page's day, or else of the date the file is named by. Without
// either it stays undated; a day that cannot be read dates the report by
// its page.
func TestDayOnlyNewsDate(t *testing.T) {
	p := parser(t)
	body := "日下午，县长王立新主持召开县政府第42次常务会议，研究部署近期重点工作。\n会议要求，县发改局要会同县财政局抓好项目资金保障。"
	tests := []struct {
		name, header, day, date, published, file string
	}{
		{"same month", "发布时间：2022-03-05 来源：县融媒体中心", "3", "2022-03-03", "2022-03-05", ""},
		{"the month before", "发布日期：2022-03-05", "28", "2022-02-28", "2022-03-05", ""},
		{"across a new year", "时间:2024-01-02 来源:县政府办", "30", "2023-12-30", "2024-01-02", ""},
		{"no such day in the month before: the page's date", "发布日期：2022-03-05", "30", "2022-03-05", "2022-03-05", ""},
		{"no publication date", "来源：县融媒体中心", "3", "", "", ""},
		{"a year elsewhere is no publication date", "2020年度工作回顾", "3", "", "", ""},
		{"the file's date", "来源：县融媒体中心", "13", "2014-05-13", "", "guangzhou_2014-05-13.txt"},
		{"the file's month before", "来源：县融媒体中心", "20", "2014-04-20", "", "guangzhou_2014-05-13.txt"},
		{"the file's year alone", "来源：县融媒体中心", "13", "", "", "hunan_2024_50.txt"},
		{"a stamp day first", "15.05.2014  16:04", "13", "2014-05-13", "2014-05-15", ""},
		{"no stamp with a thirteenth month", "05.15.2014", "13", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := "王立新主持召开县政府第42次常务会议\n" + tc.header + "\n" + tc.day + body
			d, err := p.Parse(text, Meta{Source: cmp.Or(tc.file, "t.txt")})
			if err != nil {
				t.Fatal(err)
			}
			if d.Date != tc.date || d.PublishedOn != tc.published || d.DateInferred != (tc.date != "") {
				t.Errorf("date %q (inferred %v), published %q; want %q, %q (kind %s)", d.Date, d.DateInferred, d.PublishedOn, tc.date, tc.published, d.Kind)
			}
		})
	}
}

// TestDatelineIsNoMeetingDate: "本报3月8日讯" and "新华社北京3月8日电" date the
// report; the meeting is dated after them.
func TestDatelineIsNoMeetingDate(t *testing.T) {
	p := parser(t)
	for _, dateline := range []string{"本报3月8日讯 ", "新华社北京3月8日电 ", "泉州网3月8日讯（记者 王芳）"} {
		text := "孙建国主持召开市政府第45次常务会议\n发布时间：2021-03-08 来源：泉州日报\n" + dateline +
			"3月5日上午，市长孙建国主持召开市政府第45次常务会议。\n会议审议通过了《泉州市城市更新行动方案》，由市住建局牵头组织实施。"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Meeting == nil || d.Meeting.Date != "2021-03-05" || d.Meeting.PartOfDay != "上午" {
			t.Errorf("%s: meeting %+v, want dated 2021-03-05 上午", dateline, d.Meeting)
		}
	}
}

// TestPortalHeaders: local portals' labels (公开日期, 生成日期, 发布机构) end
// the field before them on a shared line, and a date line under a report's
// headline dates the page.
func TestPortalHeaders(t *testing.T) {
	p := parser(t)
	official := "索引号：113205000141469577/2021-00123　　　　发布机构：苏州市人民政府办公室\n生成日期：2021-06-15　　　　公开日期：2021-06-18\n\n" +
		"苏州市人民政府办公室关于印发苏州市加快发展保障性租赁住房实施办法的通知\n苏府办〔2021〕88号\n各市、区人民政府，市各委办局，各直属单位：\n" +
		"《苏州市加快发展保障性租赁住房实施办法》已经市政府同意，现印发给你们，请认真组织实施。\n苏州市人民政府办公室\n2021年6月15日"
	d, err := p.Parse(official, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.IndexNo != "113205000141469577/2021-00123" || d.PublishedOn != "2021-06-18" || d.WrittenOn != "2021-06-15" {
		t.Errorf("index_no %q, published_on %q, written_on %q", d.IndexNo, d.PublishedOn, d.WrittenOn)
	}
	for _, line := range []string{"2021-03-08 16:20 来源：市政府办公室", "来源：泉州融媒　　作者：刘晓敏　　2021-03-08"} {
		news := "孙建国主持召开市政府第45次常务会议\n" + line + "\n3日上午，市长孙建国主持召开市政府第45次常务会议。\n会议审议通过了《泉州市城市更新行动方案》。"
		if d, err = p.Parse(news, Meta{Source: "t.txt"}); err != nil {
			t.Fatal(err)
		}
		if d.PublishedOn != "2021-03-08" || d.Date != "2021-03-03" {
			t.Errorf("news under %q: published_on %q, date %q; want 2021-03-08, 2021-03-03", line, d.PublishedOn, d.Date)
		}
	}
	unknown := "索引号：11330100002489201B/2023-00156　信息分类：城乡建设\n\n杭州市人民政府关于同意萧山区调整部分区域控制性详细规划的批复\n杭政函〔2023〕38号\n" +
		"萧山区人民政府：\n你区《关于调整部分区域控制性详细规划的请示》收悉。经研究，同意萧山区调整部分区域控制性详细规划，请按程序抓紧组织实施并做好公示工作。\n杭州市人民政府\n2023年4月3日"
	if d, err = p.Parse(unknown, Meta{Source: "t.txt"}); err != nil {
		t.Fatal(err)
	}
	if d.IndexNo != "11330100002489201B/2023-00156" || d.Subject != "城乡建设" {
		t.Errorf("index_no %q, subject %q", d.IndexNo, d.Subject)
	}
	dated := "铜仁市人民政府关于印发铜仁市农村集体经济组织发展三年行动方案的通知\n铜府发〔2022〕5号　　　2022年3月2日\n\n各区（县）人民政府：\n" +
		"现将《铜仁市农村集体经济组织发展三年行动方案》印发给你们，请结合实际认真贯彻落实，确保各项任务落到实处，推动农村集体经济高质量发展。\n铜仁市人民政府"
	if d, err = p.Parse(dated, Meta{Source: "t.txt"}); err != nil {
		t.Fatal(err)
	}
	if d.WrittenOn != "2022-03-02" || d.Date != "2022-03-02" {
		t.Errorf("the date beside the 文号: written_on %q, date %q", d.WrittenOn, d.Date)
	}
	// A regulation's 题注: the date of its decree, not of the meeting that passed it.
	regulation := "武汉市城市绿化条例实施办法\n（2019年11月18日市人民政府第85次常务会议审议通过　2019年12月3日武汉市人民政府令第295号公布　自2020年2月1日起施行）\n" +
		"第一条　为了加强城市绿化管理，根据《武汉市城市绿化条例》，结合本市实际，制定本办法。\n第二条　市园林和林业局是本市城市绿化行政主管部门，负责本办法的组织实施。"
	if d, err = p.Parse(regulation, Meta{Source: "t.txt"}); err != nil {
		t.Fatal(err)
	}
	if d.WrittenOn != "2019-12-03" || d.Date != "2019-12-03" {
		t.Errorf("a regulation's 题注: written_on %q, date %q, want its decree's 2019-12-03", d.WrittenOn, d.Date)
	}
}

// TestMinutesPortalHeader: minutes posted on a portal keep the page's title
// without its label, and its index number and publication date.
func TestMinutesPortalHeader(t *testing.T) {
	p := parser(t)
	for _, label := range []string{"标　　题：", "标题：", "名　　称：", "名称：", "文件名称："} {
		text := "首页 > 政务公开 > 政府会议 > 常务会议\n索引号：11150105MB1527431T/2022-00318\n" + label + "赛罕区人民政府2022年第十四次常务会议纪要\n" +
			"发布时间：2022-08-05 16:21　　来源：区政府办\n\n2022年7月29日上午，区长王海主持召开2022年第十四次区政府常务会议。现纪要如下：\n" +
			"一、听取全区防汛工作情况汇报\n会议要求，区应急管理局会同区水利局开展隐患排查。\n出席：王海　张海军"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Kind != "minutes" || d.Title != "赛罕区人民政府2022年第十四次常务会议纪要" || d.Issuer != "赛罕区人民政府" ||
			d.IndexNo != "11150105MB1527431T/2022-00318" || d.PublishedOn != "2022-08-05" {
			t.Errorf("%s kind %s, title %q, issuer %q, index_no %q, published_on %q", label, d.Kind, d.Title, d.Issuer, d.IndexNo, d.PublishedOn)
		}
	}
}

// TestDailyReportDates: a daily's report dates its meeting "16日，" at the
// start of its first sentence, or 昨日/今天, from the page's date.
func TestDailyReportDates(t *testing.T) {
	p := parser(t)
	tests := []struct{ opening, want string }{
		{"本报讯 16日，", "2020-07-16"},
		{"本报讯（记者 林桂）昨日，", "2020-07-16"},
		{"今天上午，", "2020-07-17"},
		{"本报讯 截至16日，全市完成投资。", ""},
	}
	for _, tc := range tests {
		text := "厦门市政府召开第122次常务会议\n来源：厦门日报　　　发布时间：2020-07-17\n" + tc.opening +
			"市长庄稼汉主持召开市政府第122次常务会议，研究部署近期重点工作。\n会议审议通过《厦门市促进消费若干措施》，要求市商务局抓紧制定实施细则。"
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if d.Meeting != nil {
			got = d.Meeting.Date
		}
		if got != tc.want {
			t.Errorf("%s: meeting date %q, want %q", tc.opening, got, tc.want)
		}
	}
}

// TestUnreadableMeetingDate: a report whose meeting date is garbled
// ("2022年33日") is dated by its page, marked inferred, and its meeting
// stays undated.
func TestUnreadableMeetingDate(t *testing.T) {
	p := parser(t)
	text := "市委副书记、市长王华杰主持召开市政府第11次常务会议\n来源:    时间:2022年03月15日\n" +
		"2022年33日,市委副书记、市长王华杰主持召开市政府第11次常务会议,审议有关文件。\n会议审议了《海东市“十四五”生态环境保护规划》。"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Date != "2022-03-15" || !d.DateInferred || d.Meeting == nil || d.Meeting.Date != "" {
		t.Errorf("date %q (inferred %v), meeting %+v; want 2022-03-15 inferred, meeting undated (kind %s)", d.Date, d.DateInferred, d.Meeting, d.Kind)
	}
}
