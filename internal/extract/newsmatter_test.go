package extract

import (
	"reflect"
	"strings"
	"testing"
)

// TestNewsMatters: a report's paragraph on a matter the meeting took up is an
// item even where it decides nothing, the decision that follows it in the
// paragraph is that item's, and the closing formula is no item.
func TestNewsMatters(t *testing.T) {
	p := parser(t)
	const head = "市政府召开第41次常务会议\n发布时间：2024-05-21\n5月20日上午，市长孟庆斌主持召开市政府第41次常务会议。\n"
	type topic struct {
		title     string
		leads     []string
		decisions int
	}
	tests := []struct {
		name, body string
		want       []topic
	}{
		{"a matter with a lead in the next sentence",
			"会议研究了安全生产工作。会议强调，市应急局要加强统筹调度。\n会议研究部署了城市管理工作，要求市城管局牵头开展市容环境整治。",
			[]topic{{"研究安全生产工作", []string{"市应急局"}, 0}, {"研究部署城市管理工作", []string{"市城管局"}, 0}}},
		{"the decision on a draft reviewed",
			"会议审议了《某区2022年城市更新项目计划》。会议原则同意，请区住建局会同区规划和自然资源局抓紧组织实施。\n会议审议了《某区楼宇经济政策措施》。会议原则同意，由区商务局修改完善后按程序印发。",
			[]topic{{"审议《某区2022年城市更新项目计划》", []string{"区住建局", "区规划和自然资源局"}, 1}, {"审议《某区楼宇经济政策措施》", []string{"区商务局"}, 1}}},
		{"after a decision, and before the closing formula",
			"会议审议通过了《城市更新三年行动计划》，由市住建局牵头组织实施。\n会议还讨论了春耕备耕工作，要求市农业农村局做好农资供应。\n会议还研究了其他事项。",
			[]topic{{"审议《城市更新三年行动计划》", []string{"市住建局"}, 1}, {"讨论春耕备耕工作", []string{"市农业农村局"}, 0}}},
		{"a decision stated as 会议决定",
			"会议认为，治理交通拥堵是重大民生工程。会议决定，由市公安局交警支队牵头，市交通运输局配合，制定专项治理方案。",
			[]topic{{"由市公安局交警支队牵头，市交通运输局配合，制定专项治理方案", []string{"市公安局交警支队"}, 1}}},
		{"a matter studied, worded 会议对…进行了研究, and drafts passed in other words",
			"会议对三峡机场改扩建工作进行了研究，明确由市交通局牵头做好项目前期工作。\n会议研究通过了《某市麻辣烫产业发展实施意见》，由市商务局抓好组织实施。\n会议审议并原则同意《某市农村集体资产管理办法》，由市农业农村局修改完善后印发实施。",
			[]topic{{"研究三峡机场改扩建工作", []string{"市交通局"}, 0}, {"审议《某市麻辣烫产业发展实施意见》", []string{"市商务局"}, 1}, {"审议《某市农村集体资产管理办法》", []string{"市农业农村局"}, 1}}},
		{"what the meeting passed on from above is an item when it tasks units",
			"会议传达学习了全省防汛工作会议精神。会议要求，市应急管理局要会同市水利局加强值班值守。",
			[]topic{{"传达学习全省防汛工作会议精神", []string{"市应急管理局", "市水利局"}, 0}}},
		{"another matter taken up inside the paragraph, and the closing formula there",
			"会议研究了董家口港城融合发展事宜，同意由董家口经济区管委会牵头推进。会议还研究了灵山卫街道城市更新项目，要求区住房城乡建设局抓好落实。会议还研究了其他事项。",
			[]topic{{"研究董家口港城融合发展事宜", []string{"董家口经济区管委会"}, 1}, {"研究灵山卫街道城市更新项目", []string{"区住房城乡建设局"}, 0}}},
		{"a comment that sets units work under no matter is an item titled by the task",
			"会议强调，要深刻汲取近期事故教训，全面排查整治城镇燃气风险隐患。由市应急管理局牵头，市住建局配合。\n会议指出，要压紧压实企业主体责任。市市场监管局要加强特种设备安全监管。\n会议审议通过了《城市更新三年行动计划》，由市住建局牵头组织实施。",
			[]topic{{"全面排查整治城镇燃气风险隐患", []string{"市应急管理局"}, 0}, {"市市场监管局要加强特种设备安全监管", []string{"市市场监管局"}, 0}, {"审议《城市更新三年行动计划》", []string{"市住建局"}, 1}}},
		{"a lead without 由 takes the task before it; rhetoric alone is no item",
			"会议强调，要抓好农资供应，市农业农村局牵头，市供销社配合。\n会议要求，要统筹发展和安全，坚决防范重特大事故发生。",
			[]topic{{"抓好农资供应", []string{"市农业农村局"}, 0}}},
		{"what the meeting passed on from above is no item",
			"会议传达学习了省政府常务会议精神。会议强调，要抓好贯彻落实。\n会议审议通过了《城市更新三年行动计划》，由市住建局牵头组织实施。",
			[]topic{{"审议《城市更新三年行动计划》", []string{"市住建局"}, 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := p.Parse(head+tc.body, Meta{Source: "t.txt"})
			if err != nil {
				t.Fatal(err)
			}
			var got []topic
			for _, tp := range d.Topics {
				got = append(got, topic{tp.Title, tp.LeadDepartments, len(tp.Decisions)})
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("kind %s, topics\n%+v\nwant\n%+v", d.Kind, got, tc.want)
			}
		})
	}
}

// TestNewsIntroItem: an intro that names what was reviewed ("听取了…《…》")
// is an item beside the report's own paragraphs, unless one of them cites
// the same document.
func TestNewsIntroItem(t *testing.T) {
	p := parser(t)
	text := "市长办公会议召开\n11月21日，市长姜有为主持召开市长办公会议，听取了市发改委《关于飞地经济工作情况的汇报》。\n" +
		"会议研究了在全市选取部分楼宇作为飞地经济承接载体，要求市商务局抓紧落实。"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, tp := range d.Topics {
		titles = append(titles, tp.Title)
	}
	want := []string{"听取市发改委《关于飞地经济工作情况的汇报》", "研究在全市选取部分楼宇作为飞地经济承接载体"}
	if !reflect.DeepEqual(titles, want) {
		t.Errorf("kind %s, topics %q, want %q", d.Kind, titles, want)
	}
}

// TestMinorityNames: Mongolian names have no Chinese surname and often more
// than four characters; Uyghur names are written with a middle dot.
func TestMinorityNames(t *testing.T) {
	p := parser(t)
	text := "阿左旗召开旗人民政府2019年第14次常务会议\n时间：2019-07-23\n" +
		"7月22日，旗委副书记、旗长那仁满都拉主持召开旗人民政府2019年第14次常务会议。副旗长巴图孟和、张玉梅，副旗长努尔古丽·阿布都出席会议。\n" +
		"会议审议通过了《阿拉善左旗牧区现代化试点实施方案》，要求旗农牧局抓好落实。"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meeting == nil || d.Meeting.Chair == nil || d.Meeting.Chair.Name != "那仁满都拉" || d.Meeting.Chair.Title != "旗委副书记、旗长" {
		t.Errorf("chair %+v", d.Meeting)
	}
	var got []string
	for _, a := range d.Attendees {
		got = append(got, a.Name+"/"+a.Title)
	}
	want := []string{"巴图孟和/副旗长", "张玉梅/副旗长", "努尔古丽·阿布都/副旗长"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("attendees %q, want %q", got, want)
	}
}

// TestMatterThenDecisionTitle: a paragraph "会议听取了…的汇报，原则同意…" is
// titled by the matter; the decision stays whole.
func TestMatterThenDecisionTitle(t *testing.T) {
	p := parser(t)
	text := "简阳市人民政府常务会议纪要\n（2017年第15次）\n\n2017年9月4日，市长王东明主持召开2017年第15次市政府常务会议。现纪要如下：\n" +
		"会议听取了市教育局关于秋季学期开学工作情况的汇报，原则同意市教育局提出的城区学位调配方案，请市教育局会同市住建局做好临时校舍租用工作。\n" +
		"会议听取了市医保局关于门诊共济保障机制改革的汇报，原则同意《简阳市职工门诊共济保障实施细则》，由市医保局负责印发实施。"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"听取市教育局关于秋季学期开学工作情况的汇报", "听取市医保局关于门诊共济保障机制改革的汇报"}
	var got []string
	for _, tp := range d.Topics {
		got = append(got, tp.Title)
		if len(tp.Decisions) != 1 || !strings.Contains(tp.Decisions[0], "原则同意") {
			t.Errorf("topic %d decisions %q", tp.No, tp.Decisions)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("titles %q, want %q", got, want)
	}
}

// TestNewsChairBeforeDay: a report that writes the day between the chair's
// name and 主持 (李强13日主持召开), or opens with a dateline, still names the
// chair and the title, and a State Council meeting its issuer.
func TestNewsChairBeforeDay(t *testing.T) {
	p := parser(t)
	tests := []struct{ text, name, title, issuer string }{
		{"李强主持召开国务院常务会议\n新华社北京9月14日电 国务院总理李强13日主持召开国务院常务会议，听取关于防汛救灾工作情况的汇报。",
			"李强", "国务院总理", "国务院"},
		{"市政府召开常务会议\n来源：市政府办\n市长李明4日主持召开市政府第12次常务会议，研究部署防汛工作。", "李明", "市长", ""},
		{"区政府召开党组会议和常务会议\n4月2日，区长马强先后主持召开区政府党组会议和区政府第8次常务会议。", "马强", "区长", ""},
		{"市政府召开常务会议\n市长李明4日亲自主持召开市政府第12次常务会议，研究部署防汛工作。", "李明", "市长", ""},
		{"市政府召开常务会议\n本报讯 市长李明3月4日上午主持召开市政府第12次常务会议，研究部署防汛工作。", "李明", "市长", ""},
		{"市政府召开常务会议\n本报讯（记者 王五）市长李明2023年3月4日上午主持召开市政府第12次常务会议，研究部署防汛工作。", "李明", "市长", ""},
		{"市政府召开常务会议\n本网讯（通讯员 张三）市长李明4日主持召开市政府第12次常务会议，研究部署防汛工作。", "李明", "市长", ""},
	}
	for _, tc := range tests {
		d, err := p.Parse(tc.text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Meeting == nil || d.Meeting.Chair == nil || d.Meeting.Chair.Name != tc.name || d.Meeting.Chair.Title != tc.title {
			t.Errorf("%s: meeting %+v, want chair %s (%s)", firstRunes(tc.text, 30), d.Meeting, tc.name, tc.title)
		}
		if d.Issuer != tc.issuer { // no place known: no issuer, not every city's 市政府
			t.Errorf("%s: issuer %q, want %q", firstRunes(tc.text, 30), d.Issuer, tc.issuer)
		}
	}
}
