package extract

import (
	"reflect"
	"slices"
	"testing"
)

// TestOfficialItems: the items of a 通知 or 意见 are its topics, with their
// leads, whatever line the intro ends with and however long each item is.
func TestOfficialItems(t *testing.T) {
	p := parser(t)
	head := "九江市人民政府办公室\n关于做好城乡环境卫生整治工作的通知\n九府办发〔2020〕12号\n\n各县（市、区）人民政府，市政府各部门：\n"
	tail := "\n九江市人民政府办公室\n2020年3月10日\n"
	type topic struct {
		Title string
		Leads []string
	}
	both := []topic{{"整治背街小巷", []string{"市城管局"}}, {"整治农贸市场", []string{"市商务局"}}}
	tests := []struct {
		name, body string
		want       []topic
	}{
		{"intro ending in 如下：",
			"经市政府同意，现就有关事项通知如下：\n一、整治背街小巷\n全面清理背街小巷乱堆乱放、乱搭乱建，9月底前完成整治任务。（市城管局牵头）\n" +
				"二、整治农贸市场\n加强农贸市场环境卫生管理，规范经营秩序。（市商务局负责）\n",
			both},
		{"intro ending in 如下意见：",
			"现提出如下意见：\n（一）整治背街小巷。全面清理背街小巷乱堆乱放、乱搭乱建。（市城管局牵头）\n" +
				"（二）整治农贸市场。加强农贸市场环境卫生管理，规范经营秩序。（市商务局负责）\n",
			both},
		{"short first item, longer second",
			"现就有关事项通知如下。\n（一）全面摸底排查。5月底前完成违法建设摸底排查。（责任单位：市住房城乡建设局）\n" +
				"（二）分类处置。对在建违法建设，一律责令停止建设；对存量违法建设，分类依法处置。（责任单位：市城管执法局）\n",
			[]topic{{"全面摸底排查", []string{"市住房城乡建设局"}}, {"分类处置", []string{"市城管执法局"}}}},
		{"short first item, inline 1．2． in the second",
			"现就有关事项通知如下。\n（一）全面摸底排查。5月底前完成违法建设摸底排查。（责任单位：市住房城乡建设局）\n" +
				"（二）分类处置。1．对在建违法建设，一律责令停止建设；2．对存量违法建设，分类依法处置。（责任单位：市城管执法局）\n" +
				"（三）强化考核问责。对工作不力的单位和个人严肃问责。（责任单位：市纪委监委）\n",
			[]topic{{"全面摸底排查", []string{"市住房城乡建设局"}}, {"分类处置", []string{"市城管执法局"}}, {"强化考核问责", []string{"市纪委监委"}}}},
		{"tasks under a chapter",
			"现就有关事项通知如下。\n一、重点任务\n（一）整治背街小巷。全面清理背街小巷乱堆乱放、乱搭乱建。（市城管局牵头）\n" +
				"（二）整治农贸市场。加强农贸市场环境卫生管理，规范经营秩序。（市商务局负责）\n",
			both},
		// Every item is kept, with a lead or not.
		{"tasks two levels under a chapter, one without a lead",
			"现就有关事项通知如下：\n一、工作目标\n到2020年底，城乡环境卫生面貌明显改善。\n二、重点任务\n（一）开展城区环境卫生集中整治。\n" +
				"1．整治背街小巷。全面清理背街小巷乱堆乱放、乱搭乱建。（市城管局牵头）\n2．整治农贸市场。加强农贸市场环境卫生管理。（市商务局负责）\n" +
				"三、保障措施\n（一）加强组织领导。各地要成立相应的工作专班。\n（二）强化督查考核。定期开展督查。（市城乡环境整治办负责）\n",
			[]topic{{"工作目标", nil}, both[0], both[1], {"加强组织领导", nil}, {"强化督查考核", []string{"市城乡环境整治办"}}}},
		{"leads outside the table, and items with no note",
			"现就有关事项通知如下：\n一、落实供气合同\n各燃气企业要在10月底前签订全年供气合同。（市发展改革委负责）\n" +
				"二、加强农村电网改造\n要确保“煤改电”用户用电需求。（国网九江供电公司负责）\n" +
				"三、开展燃气隐患排查\n要对“煤改气”用户开展全覆盖隐患排查。（各县（市、区）人民政府负责）\n" +
				"四、加快基站建设\n年底前完成乡镇5G基站建设。（中国铁塔九江分公司、市通信管理办负责）\n" +
				"五、加强宣传引导\n要加强安全用气宣传。\n" +
				"六、强化督查\n（一）各乡（镇）人民政府要落实专人负责日常巡查。\n（二）市城管局要定期通报工作进展。\n",
			[]topic{{"落实供气合同", []string{"市发展改革委"}}, {"加强农村电网改造", []string{"国网九江供电公司"}},
				{"开展燃气隐患排查", []string{"各县（市、区）人民政府"}}, {"加快基站建设", []string{"中国铁塔九江分公司", "市通信管理办"}},
				{"加强宣传引导", nil}, {"各乡（镇）人民政府要落实专人负责日常巡查", []string{"各乡（镇）人民政府"}},
				{"市城管局要定期通报工作进展", []string{"市城管局"}}}},
		// A note naming only units the table lacks still makes its item a
		// task, and the numbering stays the document's; a university is a
		// unit by its shape.
		{"a note of units the table lacks",
			"现提出如下意见：\n一、整治背街小巷。全面清理乱堆乱放。（市城管局牵头）\n二、推广“信易贷”。（市发展改革委、浙江金华成泰农村商业银行股份有限公司负责）\n" +
				"三、加强人才服务。（浙江师范大学负责）\n四、整治农贸市场。加强农贸市场环境卫生管理。（市商务局负责）\n",
			[]topic{both[0], {"推广“信易贷”", []string{"市发展改革委", "浙江金华成泰农村商业银行股份有限公司"}}, {"加强人才服务", []string{"浙江师范大学"}}, both[1]}},
		// Items right after the addressee line are the body.
		{"no intro",
			"一、整治背街小巷。全面清理乱堆乱放。（市城管局牵头）\n二、整治农贸市场。（市商务局负责）\n",
			[]topic{both[0], both[1]}},
		{"items that name no unit are no tasks",
			"现将有关事项函告如下：\n一、恳请将我市纳入试点范围。\n二、恳请给予资金支持。\n",
			nil},
		{"a lead closing inline measures is the item's",
			"现就有关事项通知如下：\n一、重点任务\n（一）整治背街小巷。全面清理背街小巷乱堆乱放、乱搭乱建。（市城管局牵头）\n" +
				"（二）整治农贸市场。1．加强环境卫生管理；2．规范经营秩序。（市商务局负责）\n",
			both},
	}
	for _, tc := range tests {
		d, err := p.Parse(head+tc.body+tail, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		var got []topic
		for _, tp := range d.Topics {
			got = append(got, topic{tp.Title, tp.LeadDepartments})
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: topics %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestOfficialFirstItem: an 意见 whose first item heads a long paragraph
// keeps that item; a section over numbered measures still yields the
// measures.
func TestOfficialFirstItem(t *testing.T) {
	p := parser(t)
	head := "恩施土家族苗族自治州人民政府\n关于加快推进富硒茶产业高质量发展的意见\n恩施州政发〔2019〕7号\n\n各县、市人民政府，州政府各部门：\n现提出如下意见。\n"
	tail := "\n恩施土家族苗族自治州人民政府\n2019年4月2日\n"
	tests := []struct {
		name, body string
		want       []string
	}{
		{"headings over long paragraphs",
			"一、优化产业布局\n建设高标准生态茶园，打造全国知名的富硒茶产业带和茶旅融合示范区，推动茶产业提质增效，全面提升茶叶综合产值。（州农业农村局牵头，州林业局配合）\n" +
				"二、强化品牌宣传\n办好茶叶博览会，组织企业参加国内外展会，讲好恩施富硒茶故事，提高区域公用品牌的知名度和美誉度。（州市场监管局负责）\n",
			[]string{"优化产业布局", "强化品牌宣传"}},
		{"sections over numbered measures",
			"一、支持企业稳定岗位\n1.减轻企业负担。阶段性减免企业基本养老保险、失业保险、工伤保险单位缴费，减轻企业负担。（州人力资源社会保障局负责）\n" +
				"2.加大援企稳岗力度。对不裁员或少裁员的参保企业，返还失业保险费。（州财政局负责）\n二、拓宽就业渠道\n3.扩大高校毕业生就业。（州教育局负责）\n",
			[]string{"减轻企业负担", "加大援企稳岗力度", "扩大高校毕业生就业"}},
	}
	for _, tc := range tests {
		d, err := p.Parse(head+tc.body+tail, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tp := range d.Topics {
			got = append(got, tp.Title)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: topics %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestOfficialLeadDepartments: a company a note tasks is a department of
// the document; a group of governments leads its item but is no
// department to browse by.
func TestOfficialLeadDepartments(t *testing.T) {
	text := "九江市人民政府办公室\n关于做好冬季清洁取暖工作的通知\n九府办发〔2022〕45号\n\n各县（市、区）人民政府，市政府各部门：\n" +
		"现就有关事项通知如下：\n一、加强农村电网改造\n要确保“煤改电”用户用电需求。（国网九江供电公司负责）\n" +
		"二、开展燃气隐患排查\n要对“煤改气”用户开展全覆盖隐患排查。（各县（市、区）人民政府负责）\n" +
		"\n九江市人民政府办公室\n2022年9月28日\n"
	d, err := parser(t).Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		want bool
	}{{"国网九江供电公司", true}, {"各县（市、区）人民政府", false}} {
		if got := slices.Contains(d.Departments, c.name); got != c.want {
			t.Errorf("%s in departments %q: %v, want %v", c.name, d.Departments, got, c.want)
		}
	}
}

// TestReplyAddresseeLeads: a 批复 tasks its one addressee as 你区/你市.
func TestReplyAddresseeLeads(t *testing.T) {
	text := "江门市人民政府关于同意设立江沙示范园区的批复\n\n江府函〔2006〕135号\n\n江海区人民政府：\n" +
		"　　你区《关于申请设立江沙示范园区的请示》收悉。经研究，现批复如下：\n" +
		"　　一、同意设立江沙示范园区，规划面积12.8平方公里。\n　　二、园区开发建设由你区负责组织实施。\n　　此复。\n" +
		"\n江门市人民政府\n二〇〇六年八月十五日\n"
	d, err := parser(t).Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var leads []string
	for _, tp := range d.Topics {
		leads = append(leads, tp.LeadDepartments...)
	}
	if want := []string{"江海区人民政府"}; !slices.Equal(leads, want) {
		t.Errorf("leads %q, want %q", leads, want)
	}
}
