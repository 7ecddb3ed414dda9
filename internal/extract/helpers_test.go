package extract

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"govarchive/internal/document"
)

func TestDocTitles(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"审议《A方案》《B意见（草案）》", []string{"A方案", "B意见（草案）"}},
		{"原则同意《安全生产三年行动》（以下简称《行动》）。制定我市《行动》是…", []string{"安全生产三年行动"}},
		{"会议原则同意该《责任清单》", nil},
		{"《关于印发〈X办法〉的通知》", []string{"关于印发〈X办法〉的通知"}},
		{"《关于〈《公约》修正案〉生效的公告》", []string{"关于〈《公约》修正案〉生效的公告"}},
		{"研究《政府工作报告》，对《报告》再修改", []string{"政府工作报告"}},
		{"未闭合《标题。\n下一行》", nil},
		{"未闭合《标题\n下一行\n再下一行》", nil},
		{"原则同意《平江县2022年度县本级政府投资\n项目计划》，由县发改局报批", []string{"平江县2022年度县本级政府投资项目计划"}},
		{"〈不是标题〉", nil},
	}
	for _, c := range cases {
		if got := docTitles(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("docTitles(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNumberedTopics(t *testing.T) {
	cases := []struct {
		name   string
		paras  []string
		titles []string
		nos    []int
	}{
		{"headings", []string{"一、审议《甲》", "（一）原则同意。", "二、听取乙的汇报"}, []string{"审议《甲》", "听取乙的汇报"}, []int{1, 2}},
		{"inline", []string{"会议决定：一、甲。二、乙。四、丁。"}, []string{"甲", "乙", "丁"}, []int{1, 2, 4}},
		{"paren top level", []string{"（一）甲事项。具体内容。", "（二）乙事项"}, []string{"甲事项", "乙事项"}, []int{1, 2}},
		{"arabic", []string{"1.审议甲。", "2、审议乙"}, []string{"审议甲", "审议乙"}, []int{1, 2}},
		{"decimal is no heading", []string{"3.5亿元用于甲"}, nil, nil},
		{"must start low", []string{"五、孤立的编号"}, nil, nil},
		{"arabic inline with ASCII points", []string{"会议议定以下事项：1.原则同意甲；2.请乙；3.由丙牵头。"}, []string{"原则同意甲", "请乙", "由丙牵头"}, []int{1, 2, 3}},
		{"an inline decimal is no item", []string{"会议议定：1.原则同意安排3.5亿元；2.请乙。"}, []string{"原则同意安排3.5亿元", "请乙"}, []int{1, 2}},
		{"circled", []string{"①原则同意甲。", "②请乙。"}, []string{"原则同意甲", "请乙"}, []int{1, 2}},
		{"agenda labels", []string{"议题一：审议《甲》", "会议原则同意。", "议题二：研究乙"}, []string{"审议《甲》", "研究乙"}, []int{1, 2}},
		{"agenda labels in brackets", []string{"【议题1】研究甲", "【议题2】研究乙"}, []string{"研究甲", "研究乙"}, []int{1, 2}},
		{"agenda items counted", []string{"第一项议题：研究甲", "第二项议题：研究乙"}, []string{"研究甲", "研究乙"}, []int{1, 2}},
		{"items counted with a colon", []string{"第一项：研究《甲》", "会议原则同意。", "第二项：研究乙"}, []string{"研究《甲》", "研究乙"}, []int{1, 2}},
		{"items counted inline", []string{"会议研究了两个事项。第一项：研究甲。第二项：研究乙。"}, []string{"研究甲", "研究乙"}, []int{1, 2}},
		{"a counted item is prose without its colon", []string{"第一项工作是研究甲", "第二项工作是研究乙"}, nil, nil},
		{"agenda items counted by 个", []string{"第一个议题：研究甲", "会议原则同意。", "第二个议题：审议《乙》"}, []string{"研究甲", "审议《乙》"}, []int{1, 2}},
		{"numbers in lenticular brackets", []string{"【一】关于甲", "1．原则同意。", "【二】关于乙"}, []string{"关于甲", "关于乙"}, []int{1, 2}},
		{"numbers in square brackets", []string{"［一］关于甲", "[二]关于乙"}, []string{"关于甲", "关于乙"}, []int{1, 2}},
		{"a year in brackets is no number", []string{"[2019]5号文件"}, nil, nil},
		{"a half bracket", []string{"一）关于甲", "二）关于乙"}, []string{"关于甲", "关于乙"}, []int{1, 2}},
	}
	st := &state{}
	for _, c := range cases {
		got := st.numberedTopics(c.paras)
		var titles []string
		var nos []int
		for _, tp := range got {
			titles = append(titles, tp.Title)
			nos = append(nos, tp.No)
		}
		if !reflect.DeepEqual(titles, c.titles) || !reflect.DeepEqual(nos, c.nos) {
			t.Errorf("%s: got %v %q, want %v %q", c.name, nos, titles, c.nos, c.titles)
		}
	}
}

func TestStripItemNo(t *testing.T) {
	for in, want := range map[string]string{
		"（一）原则同意": "原则同意", "(2) 听取": "听取", "1.审议": "审议", "二、研究": "研究",
		"3.5亿元": "3.5亿元", "原则同意": "原则同意",
	} {
		if got := stripItemNo(in); got != want {
			t.Errorf("stripItemNo(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSentences(t *testing.T) {
	got := sentences("甲。乙！丙？丁")
	want := []string{"甲。", "乙！", "丙？", "丁"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

func TestLeadDepts(t *testing.T) {
	p := parser(t)
	st := &state{p: p}
	cases := []struct {
		in   string
		want []string
	}{
		{"由市应急局会同相关部门根据本次会议讨论意见修改", []string{"市应急局"}},
		{"由平潭综合实验区社会事业局负责", []string{"平潭综合实验区社会事业局"}}, // the zone's 区 is no level of the unit
		{"平潭综合实验区社会事业局要会同自然资源局，抓紧落实", []string{"平潭综合实验区社会事业局", "自然资源局"}},
		// A ministry's division or a bureau's office named after it leads.
		{"国家卫生健康委基层卫生健康司会同财政部社会保障司组织开展绩效评价工作。", []string{"国家卫生健康委基层卫生健康司", "财政部社会保障司"}},
		{"由市财政局社保处负责", []string{"市财政局社保处"}},
		{"由市财政局负责，市国资公司配合", []string{"市财政局"}},
		// An adverb between the one asked and its verb (Taiwanese minutes).
		{"洽悉，请工务局持续办理，并会同交通局检讨人行空间。", []string{"工务局"}},
		{"，县城管执法局具体负责", []string{"县城管执法局"}},
		{"会议同意该项目采用PPP模式实施，由县住建局作为实施机构，按程序开展采购", []string{"县住建局"}},
		{"项目由县城投公司作为业主单位负责代建", []string{"县城投公司"}},
		{"责任单位：县住建局，县财政局；城关镇人民政府", []string{"县住建局", "县财政局", "城关镇人民政府"}},
		{"由县住建局负责，县财政局做好保障", []string{"县住建局"}}, // a comma ends a lead outside a list
		{"会议同意由县城乡规划局负责组织实施", []string{"县城乡规划局"}},
		{"由市卫生健康委会市司法局根据本次会议讨论意见修改", []string{"市卫生健康委", "市司法局"}},
		{"请市妇联会市司法局根据本次会议讨论意见修改", []string{"市妇联", "市司法局"}},
		{"由市安委办会各安全生产巡查组根据", []string{"市安委办"}},
		{"原则同意市住建局关于市区商业办公用房去库存项目推进情况的汇报", []string{"市住建局"}},
		{"责成县妇联根据会议讨论意见修改完善", []string{"县妇联"}},
		// 同意 a unit to act: the unit leads; 同意 a unit's view does not.
		{"同意县卫健局按程序采购", []string{"县卫健局"}},
		{"会议原则同意县财政局负责筹措资金", []string{"县财政局"}},
		{"同意县卫健局的意见", nil},
		{"请社保经办机构和相关商保机构按规定办理", nil},
		{"原则同意《某方案》", nil},
		{"会议议定：原则同意滨江片区征收补偿方案，由兴东集团按程序组织实施", []string{"兴东集团"}},
		// A unit outside the table after 由, with the units it works with or
		// lists after it; a community is no lead without its committee.
		{"由湖塘实验中学会同湖塘镇人民政府做好征地拆迁", []string{"湖塘实验中学", "湖塘镇人民政府"}},
		{"会议同意由河西学院会同市卫健委做好前期工作", []string{"河西学院", "市卫健委"}},
		{"会议同意由宝石社区居委会、青芝坞社区居委会负责组织实施", []string{"宝石社区居委会", "青芝坞社区居委会"}},
		{"由滨海工业区管委会负责做好搬迁工作", []string{"滨海工业区管委会"}},
		{"会议要求滨海工业区管委会负责做好搬迁工作", []string{"滨海工业区管委会"}},
		{"由街道城建办会同街道财政所按程序办理", []string{"街道城建办", "街道财政所"}},
		{"建设街道、解放街道负责做好沿线居民的政策宣传", []string{"建设街道", "解放街道"}},
		{"由中国银行芜湖分行牵头设立转贷资金池", []string{"中国银行芜湖分行"}},
		{"同意由杭州塘栖古镇旅游发展有限公司负责运营", []string{"杭州塘栖古镇旅游发展有限公司"}},
		{"请市交通运输局会市教育局制定具体考核办法", []string{"市交通运输局", "市教育局"}},
		{"由县应急局会同县消防救援大队开展联合督查", []string{"县应急局", "县消防救援大队"}},
		{"涉及两个以上部门职权范围的事项，应由国务院制定行政法规", nil},
		{"由州交通运输局牵头，会同州公安局和州生态环境局制定整治工作方案", []string{"州交通运输局", "州公安局", "州生态环境局"}},
		{"由市金融工作局负责，会同市财政局制定支持措施", []string{"市金融工作局", "市财政局"}},
		{"由县卫健局牵头做好监测工作，各乡镇要密切配合", []string{"县卫健局"}},
		// Units named before 等有关部门 lead with them.
		{"扩大试点范围。（海关总署、商务部等有关部门负责）", []string{"海关总署", "商务部"}},
		// Funding clauses name who pays.
		{"临时停车场建设资金约85万元，由市财政局从城市管理专项资金中统筹解决", []string{"市财政局"}},
		{"所需资金由市财政局从预备费中列支", []string{"市财政局"}},
		{"其余由县建委通过市场化方式解决", []string{"县建委"}},
		{"会议要求，区教育局要加快推进城东小学扩建工程", []string{"区教育局"}},
		{"会议要求，县水利局要会同县应急局加强汛期值班值守", []string{"县水利局", "县应急局"}},
		{"由县住建局负责会同县财政局落实资金", []string{"县住建局", "县财政局"}},
		{"会议强调，县财政局、县审计局要加强资金监管", []string{"县财政局", "县审计局"}},
		{"会议要求，各部门要抓好落实", nil},
		{"会议要求，由市农业农村局牵头编制清单", []string{"市农业农村局"}},
		{"会议强调，县教育局是学校安全的主管部门", nil},
		// A note of who is responsible names every department it lists.
		{"返还失业保险费。（市人力资源社会保障局、市财政局负责）", []string{"市人力资源社会保障局", "市财政局"}},
		{"（市人力资源社会保障局、市医保局、市税务局按职责分工负责）", []string{"市人力资源社会保障局", "市医保局", "市税务局"}},
		{"（市发展改革委牵头，市交通运输局、市商务局按职责分工负责）", []string{"市发展改革委", "市交通运输局", "市商务局"}},
		{"由市商务局牵头，市市场监管局配合", []string{"市商务局"}},
		{"市财政局安排资金，市人社局负责审核", []string{"市人社局"}},
		{"请市财政局商市发改委研究筹资方案", []string{"市财政局", "市发改委"}},
		{"市财政局、市审计局要加强资金监管。", []string{"市财政局", "市审计局"}},
		{"（财政部、水利部、各省级人民政府负责）", []string{"财政部", "水利部", "各省级人民政府"}},
		// Units outside the table and groups of governments a note tasks.
		{"（国网石家庄供电公司负责）", []string{"国网石家庄供电公司"}},
		{"（中国铁塔石家庄分公司负责）", []string{"中国铁塔石家庄分公司"}},
		{"（新奥燃气公司、市城市管理局按职责分工负责）", []string{"新奥燃气公司", "市城市管理局"}},
		{"（国网石家庄供电公司、市发展改革委负责）", []string{"国网石家庄供电公司", "市发展改革委"}},
		{"（各县（市、区）人民政府负责）", []string{"各县（市、区）人民政府"}},
		{"（市应急管理局牵头，各乡（镇）人民政府负责）", []string{"市应急管理局", "各乡（镇）人民政府"}},
		{"（各县（市、区）负责）", []string{"各县（市、区）"}},
		{"（各地各部门负责）", nil},
		{"（有关企业负责）", nil},
		{"（副市长张明负责）", nil},
		{"（水利部、应急部等按职责分工负责）", []string{"水利部", "应急部"}},
		{"（财政部、某某专项工作组、水利部负责）", []string{"财政部", "水利部"}},
		{"市财政局，有关单位负责", nil},
		{"（国家发展改革委、财政部会同有关部门负责）", []string{"国家发展改革委", "财政部"}},
		{"会议明确：一是县住建局要加快征收；二是县财政局要及时拨付资金", []string{"县住建局", "县财政局"}},
		{"会议审议通过了《实施意见》，市工信局要会同市通管办抓好落实", []string{"市工信局", "市通管办"}},
		{"会议指出，扩大有效投资是关键，市发改委要会同市财政局、市自然资源局加强要素保障", []string{"市发改委", "市财政局", "市自然资源局"}},
		{"会议认为，市财政局的汇报内容详实", nil},
		{"会议指出，问题突出。市财政局和市审计局要加强资金监管。", []string{"市财政局", "市审计局"}},
		{"市财政局、市审计局的汇报内容详实。", nil},
		{"请市自然资源局提出用地保障意见", []string{"市自然资源局"}},
		{"请市生态环境局提前介入", []string{"市生态环境局"}},
		{"请市审计局就资金使用情况作出说明", []string{"市审计局"}},
		{"请市住建委限期整改", []string{"市住建委"}},
		{"请区社会事业局会同区财政局抓紧办理用地手续", []string{"区社会事业局", "区财政局"}},
		// A government named with its own place is tasked like a department;
		// the issuer's own, and one asked to approve, are not.
		{"请旌阳区人民政府抓紧完成征地", []string{"旌阳区人民政府"}},
		{"由区征收办会同西湖镇人民政府具体实施", []string{"区征收办", "西湖镇人民政府"}},
		{"会议要求，池店镇、青阳街道要按时完成征迁任务", []string{"池店镇", "青阳街道"}},
		{"西山区、官渡区要落实属地责任", []string{"西山区", "官渡区"}},
		{"全市上下要加强协作", nil},
		// A person leads, a unit carries the work out.
		{"由副市长黄华基牵头，浈江区人民政府负责，9月底前完成土地征收", []string{"浈江区人民政府"}},
		{"由胡小平副市长负责协调，市住房城乡建设局组织实施", []string{"市住房城乡建设局"}},
		// A label line of who leads, then one of who helps.
		{"推进石墨矿产资源整合。\n牵头单位：市自然资源局\n配合单位：市工信局、市生态环境局", []string{"市自然资源局"}},
		// Names broken across the lines of a hard-wrapped text.
		{"由市住建局会同\n市司法局根据会议讨论意见修改", []string{"市住建局", "市司法局"}},
		{"由市发改委会同市财\n政局负责项目资金筹措", []string{"市发改委", "市财政局"}},
		{"请市政府研究解决", nil},
		{"报请荆州市人民政府批准后实施", nil},
		{"修改完善后提请市人大常委会审议", nil},
		// A province's 厅 in full, and central agencies' local branches; a
		// list that writes its place once gives it to every unit.
		{"（自治区发展改革委、财政厅、人力资源社会保障厅负责）", []string{"自治区发展改革委", "自治区财政厅", "自治区人力资源社会保障厅"}},
		{"（自治区党委组织部、教育厅按职责分工负责）", []string{"自治区党委组织部", "自治区教育厅"}},
		{"（省住房城乡建设厅负责）", []string{"省住房城乡建设厅"}},
		{"（省财政厅、省文化和旅游厅负责）", []string{"省财政厅", "省文化和旅游厅"}},
		{"由省住房城乡建设厅会同省财政厅组织实施", []string{"省住房城乡建设厅", "省财政厅"}},
		{"（省财政厅、人民银行湖北省分行、湖北金融监管局负责）", []string{"省财政厅", "人民银行湖北省分行", "湖北金融监管局"}},
		{"（省财政厅、国家税务总局湖北省税务局负责）", []string{"省财政厅", "国家税务总局湖北省税务局"}},
		{"地区粮食局负责组织实施，地区物价局负责价格监督检查", []string{"地区粮食局", "地区物价局"}},
		{"会议同意由林区住房和城乡建设局牵头，林区财政局配合", []string{"林区住房和城乡建设局"}},
		{"补偿标准由林区财政局会同林区林业管理局研究确定", []string{"林区财政局", "林区林业管理局"}},
		// Former and Beijing/Tianjin units lead like any other.
		{"会议同意企业搬迁，由区经委牵头，区土地局配合", []string{"区经委"}},
		{"由区经委会同区土地局负责", []string{"区经委", "区土地局"}},
		{"会议同意由区外经贸委负责协调", []string{"区外经贸委"}},
		{"会议要求区城市管理委会同区住房建设委加强对供热企业的监管", []string{"区城市管理委", "区住房建设委"}},
		{"由市城市管理综合行政执法局负责，区市容委配合", []string{"市城市管理综合行政执法局"}},
		// Any verb may follow a unit a trigger names; what cannot follow a
		// lead (的, a post, the rest of a longer unit) stops it.
		{"市环保局要会同市发改委、市工信局、市城管局细化任务分工", []string{"市环保局", "市发改委", "市工信局", "市城管局"}},
		{"会议决定，由市农业局排查重点区域，责成市公安局调度警力", []string{"市农业局", "市公安局"}},
		{"交由市住建局评估选址方案，请市自然资源局核实用地性质", []string{"市住建局", "市自然资源局"}},
		{"新校区建设资金由市财政局分三年安排", []string{"市财政局"}},
		{"会议由市发改委主任张伟主持", nil},
		{"请市财政局的同志介绍情况", nil},
		{"收购资金由农业发展银行六安分行足额供应", []string{"农业发展银行六安分行"}}, // the branch whole, not its bank
		{"所需资金由街道财政所按规定支付", []string{"街道财政所"}},          // the sub-district's office, not 街道
		{"会议同意由新市镇人民政府负责实施", []string{"新市镇人民政府"}},       // a town named for its market
		{"全市镇村两级要抓好落实", nil},
		{"主任人选由试点地区推举确定", nil},
		// A note names who works with whom, and who leads before who helps.
		{"对城市低保家庭实行供暖费减免。（市民政局会同市财政局负责）", []string{"市民政局", "市财政局"}},
		{"（市民政局会同市财政局、市人社局负责）", []string{"市民政局", "市财政局", "市人社局"}},
		{"推进景区创建。（炎陵县人民政府牵头，市文体广新局、市旅发委配合）", []string{"炎陵县人民政府"}},
		{"（市旅发委牵头，茶陵县、炎陵县人民政府配合）", []string{"市旅发委"}},
		// Places listed before one 人民政府 are each that place's government.
		{"准东至五彩湾道路由州交通运输局负责，吉木萨尔县、奇台县人民政府负责沿线征地工作", []string{"州交通运输局", "吉木萨尔县人民政府", "奇台县人民政府"}},
		{"工业区搬迁改造由株洲市、湘潭市人民政府分别负责", []string{"株洲市人民政府", "湘潭市人民政府"}},
		// A note lists with commas too, and a company's long registered
		// name leads with the unit the table knows.
		{"优化政务服务。（各县（市、区）人民政府，市行政服务中心负责）", []string{"市行政服务中心", "各县（市、区）人民政府"}},
		{"推广信易贷。（市发展改革委、浙江金华成泰农村商业银行股份有限公司负责）", []string{"市发展改革委", "浙江金华成泰农村商业银行股份有限公司"}},
		{"（州农业农村局牵头，州林业局配合）", []string{"州农业农村局"}},
		// Outside a note a comma ends the clause; an entry too long for a
		// list in running text is no entry.
		{"市财政局的补助资金已经到位，市民政局负责发放", []string{"市民政局"}},
		{"市财政局、各地在年度预算安排中统筹考虑负责", nil},
		// The office a bureau also serves as, in brackets after it.
		{"市发展改革局（市推进粤港澳大湾区建设领导小组办公室）要会同市商务局梳理项目清单", []string{"市发展改革局", "市商务局"}},
		{"由县发改局（县粮食和物资储备局）负责组织实施", []string{"县发改局"}},
	}
	for _, c := range cases {
		if got := st.leadDepts(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("leadDepts(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPersonClause(t *testing.T) {
	p := parser(t)
	st := &state{p: p}
	cases := []struct {
		in   string
		want []document.Person
	}{
		{"县委常委、常务副县长国宏利，副县长刘通、邹映涛", []document.Person{
			{Name: "国宏利", Title: "县委常委、常务副县长"}, {Name: "刘通", Title: "副县长"}, {Name: "邹映涛", Title: "副县长"}}},
		{"张振中、陈伟森、王保国等", []document.Person{{Name: "张振中"}, {Name: "陈伟森"}, {Name: "王保国"}}},
		{"会议邀请区人大代表李连军、区政协委员牛娟", []document.Person{{Name: "李连军", Title: "区人大代表"}, {Name: "牛娟", Title: "区政协委员"}}},
		{"县政府副县长及办公室主任", nil},
		// After a post only a name can stand: 和/区 open names there.
		{"副市长和平、区明", []document.Person{{Name: "和平", Title: "副市长"}, {Name: "区明", Title: "副市长"}}},
		{"记者李某", nil},
		// 和 and 以及 join people as 、 and 及 do.
		{"副市长刘德明、周丽华和市政府秘书长韩东", []document.Person{
			{Name: "刘德明", Title: "副市长"}, {Name: "周丽华", Title: "副市长"}, {Name: "韩东", Title: "市政府秘书长"}}},
		{"市人大常委会副主任林小平以及市政协副主席黄伟", []document.Person{
			{Name: "林小平", Title: "市人大常委会副主任"}, {Name: "黄伟", Title: "市政协副主席"}}},
		{"副县长张伟和李强", []document.Person{{Name: "张伟", Title: "副县长"}, {Name: "李强", Title: "副县长"}}},
		// Units attending by a role name no one, and do not hide the people before them.
		{"副市长彭飞，市财政局、国网株洲供电公司负责同志", []document.Person{{Name: "彭飞", Title: "副市长"}}},
		{"市财政局负责同志", nil},
		// Tibetan names have no surname; 德吉 is also a word gse knows.
		{"自治区领导丁业现、边巴扎西、坚参、德吉、孟晓林", []document.Person{
			{Name: "丁业现", Title: "自治区领导"}, {Name: "边巴扎西", Title: "自治区领导"}, {Name: "坚参", Title: "自治区领导"},
			{Name: "德吉", Title: "自治区领导"}, {Name: "孟晓林", Title: "自治区领导"}}},
	}
	for _, c := range cases {
		if got := st.personClause(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("personClause(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestChairFrom(t *testing.T) {
	p := parser(t)
	st := &state{p: p}
	cases := []struct {
		in          string
		name, title string
	}{
		{"李亚平市长", "李亚平", "市长"},
		{"县长常东旭", "常东旭", "县长"},
		{"区委副书记、区长杨福涛", "杨福涛", "区委副书记、区长"},
		{"韩军副秘书长", "韩军", "副秘书长"},
		{"市政府办公厅xxx主任", "", ""},
		{"市长", "", ""},
		{"刘建国（县长）", "刘建国", "县长"},
		{"刘建国(副县长)", "刘建国", "副县长"},
		{"（县长）", "", ""},
		{"自治区主席洛桑江村", "洛桑江村", "自治区主席"},
		{"州长扎西", "扎西", "州长"},
		{"史立军　市长", "史立军", "市长"},
		{"市长宁波", "宁波", "市长"},
		{"副县长黄河", "黄河", "副县长"},
		{"市长李在武", "李在武", "市长"},
		{"市长亲自", "", ""},
		{"市长日前", "", ""},
		{"史立军 副市长", "史立军", "副市长"},
	}
	for _, c := range cases {
		got := st.chairFrom(c.in)
		if c.name == "" {
			if got != nil {
				t.Errorf("chairFrom(%q) = %+v, want none", c.in, *got)
			}
			continue
		}
		if got == nil || got.Name != c.name || got.Title != c.title {
			t.Errorf("chairFrom(%q) = %+v, want %s/%s", c.in, got, c.name, c.title)
		}
	}
}

func TestMeetingFrom(t *testing.T) {
	p := parser(t)
	cases := []struct {
		line, name, date, chair, place string
	}{
		{"2020年1月6日上午，李亚平市长主持召开市政府第86次常务会议，传达…", "市政府第86次常务会议", "2020-01-06", "李亚平", ""},
		{"市长王明于2021年3月2日下午在市政府第一会议室主持召开市政府第9次常务会议。", "市政府第9次常务会议", "2021-03-02", "王明", ""},
		{"2021年6月3日，市政府第5次常务会议在市政府第一会议室召开，会议由市长周明德主持。", "市政府第5次常务会议", "2021-06-03", "周明德", ""},
		{"2024年9月13日下午，副区长谢义维同志在区机关大院2号楼二楼会议室主持召开五届104次区政府常务会议。", "五届104次区政府常务会议", "2024-09-13", "谢义维", "区机关大院2号楼二楼会议室"},
		// 在 in the chair's given name, and a name that is a city's.
		{"2022年4月14日上午，市长李在武主持召开市政府第十次常务会议。", "市政府第十次常务会议", "2022-04-14", "李在武", ""},
		{"2022年4月14日上午，市长李在武在市政府第一会议室主持召开市政府第十次常务会议。", "市政府第十次常务会议", "2022-04-14", "李在武", "市政府第一会议室"},
		{"2022年4月14日上午，张在山在市政府会议室主持召开市政府第十次常务会议。", "市政府第十次常务会议", "2022-04-14", "", "市政府会议室"},
		{"2024年3月11日，市长宁波主持召开市政府第48次常务会议。", "市政府第48次常务会议", "2024-03-11", "宁波", ""},
		// A footnote marker after the meeting's name.
		{"2022年4月14日上午，市长李明主持召开市政府第十次常务会议①。会议研究了以下事项：", "市政府第十次常务会议", "2022-04-14", "李明", ""},
		{"2022年4月14日上午，市长李明主持召开市政府第十次常务会议[1]，研究了以下事项", "市政府第十次常务会议", "2022-04-14", "李明", ""},
		{"市政府第十次常务会议①于2022年4月14日上午召开。", "市政府第十次常务会议", "2022-04-14", "", ""},
	}
	for _, c := range cases {
		st := newState(p, c.line, Meta{})
		st.doc = &document.Document{}
		m, when, ok := st.meetingFrom(c.line)
		chair := ""
		if m.Chair != nil {
			chair = m.Chair.Name
		}
		if !ok || m.Name != c.name || when.iso() != c.date || chair != c.chair || (c.place != "" && m.Place != c.place) {
			t.Errorf("meetingFrom(%q) = %+v chair %q date %s", c.line, *m, chair, when.iso())
		}
	}
}

func TestMeetingName(t *testing.T) {
	st := &state{p: &Parser{}}
	cases := []struct {
		in, name, typ string
		term, session int
	}{
		{"市政府第86次常务会议", "市政府第86次常务会议", "常务会议", 0, 86},
		{"区政府党组（扩大）会议和区政府十五届第21次常务会议", "区政府十五届第21次常务会议", "常务会议", 15, 21},
		{"县政府十七届十三次常务会议", "县政府十七届十三次常务会议", "常务会议", 17, 13},
		{"市政府第 次会员代表大会", "", "", 0, 0},
		{"会议", "", "", 0, 0},
	}
	for _, c := range cases {
		m := &document.Meeting{}
		st.setMeetingName(m, c.in)
		if m.Name != c.name || m.Type != c.typ || m.Term != c.term || m.Session != c.session {
			t.Errorf("setMeetingName(%q) = %+v", c.in, *m)
		}
	}
}

func TestDetectKind(t *testing.T) {
	cases := []struct {
		text string
		want document.Kind
	}{
		{"苏州市人民政府\n常务会议纪要\n〔2020〕3号", document.KindMinutes},
		{"索引号：\n000014349/2019-00006\n发文字号：\n国办发〔2019〕6号", document.KindOfficial},
		{"玉环县人民政府办公室\n关于召开全县安全生产工作会议的通知\n各镇、乡人民政府：", document.KindOfficial},
		{"12月2日下午，省长毛伟明主持召开省政府第50次常务会议，审议《报告》。", document.KindNews},
		{"10月31日，县长常东旭主持召开县政府常务会议。\n列席人员：新闻媒体记者。", document.KindMinutes},
		// A genre's name alone titles a short notice; a meeting it calls
		// is no report of that meeting.
		{"通  知\n\n各县区人民政府：\n经研究，定于2021年5月10日上午召开全市安全生产工作会议。\n\n庆阳市人民政府办公室\n二〇二一年五月六日", document.KindOfficial},
		{"紧急通知\n各乡镇：\n定于明日上午召开防汛会议。", document.KindOfficial},
		{"会议通知了各乡镇。\n县长主持召开县政府常务会议。", document.KindNews},
		{"今天天气很好。", document.KindOther},
		// A meeting's decisions for a title are its minutes.
		{"区政府第二十三次常务会议议定事项\n议题\n汇报单位\n一、审议《方案》\n区住建局\n原则同意。", document.KindMinutes},
		{"关于落实市政府常务会议议定事项的通知\n各区人民政府：", document.KindOfficial},
		// A regulation whose 题注 names the meeting that passed it.
		{"临沧市城市绿化管理办法\n（2018年12月20日临沧市人民政府第31次常务会议通过　2019年1月8日临沧市人民政府令第2号公布）\n第一条　为了促进城市绿化事业发展，制定本办法。\n第二条　本办法适用于本市。", document.KindOfficial},
	}
	for _, c := range cases {
		st := newState(&Parser{}, c.text, Meta{})
		if got := detectKind(st.lines); got != c.want {
			t.Errorf("detectKind(%q) = %s, want %s", firstRunes(c.text, 20), got, c.want)
		}
	}
}

func TestTruncateUTF8(t *testing.T) {
	s := strings.Repeat("纪要", 10)
	for n := 0; n <= len(s)+1; n++ {
		got := truncateUTF8(s, n)
		if len(got) > n && n < len(s) || !strings.HasPrefix(s, got) || strings.ToValidUTF8(got, "?") != got {
			t.Fatalf("truncateUTF8(%d) = %q", n, got)
		}
	}
}

// TestConcurrentParse runs Parse from several goroutines on one Parser; run
// with -race it checks that the parser shares no mutable state.
func TestConcurrentParse(t *testing.T) {
	p := parser(t)
	texts := []string{
		"苏州市人民政府\n常务会议纪要\n〔2020〕3号\n2020年1月6日上午，李亚平市长主持召开市政府第86次常务会议。\n一、审议《甲》\n由市应急局会同市财政局修改。\n出席：李亚平 王翔",
		"12月2日下午，省长毛伟明主持召开省政府第50次常务会议，副省长张三、李四出席会议。",
	}
	want := make([]*document.Document, len(texts))
	for i, s := range texts {
		d, err := p.Parse(s, Meta{})
		if err != nil {
			t.Fatal(err)
		}
		want[i] = d
	}
	errs := make(chan string, 16)
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for k := 0; k < 5; k++ {
				for i, s := range texts {
					d, err := p.Parse(s, Meta{})
					if err != nil || !reflect.DeepEqual(d, want[i]) {
						errs <- firstRunes(s, 10)
						return
					}
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Errorf("concurrent parse of %q differs", e)
	}
}

// TestOpenerTopicsBySubject: minutes whose items are paragraphs opened by
// 会议听取/研究/审议 keep a 会议强调/要求 paragraph with the item above it, and
// the leads it names go to that item.
func TestOpenerTopicsBySubject(t *testing.T) {
	st := &state{p: parser(t)}
	cases := []struct {
		name  string
		paras []string
		want  []string // per topic: title | leads
		news  bool     // decisions only
	}{
		{"emphasis joins its item", []string{
			"会议听取了县市场监管局关于创建工作的汇报。会议原则同意《创建方案》，由县市场监管局修改完善后印发。",
			"会议强调，各部门要密切配合，由县卫健局牵头做好监测工作。",
			"会议研究了垃圾分类处理工作。会议原则同意收运体系建设方案。",
			"会议要求，由县财政局负责落实项目建设资金。",
		}, []string{
			"听取县市场监管局关于创建工作的汇报|县市场监管局,县卫健局",
			"研究垃圾分类处理工作|县财政局",
		}, false},
		{"one subject: openers stay items", []string{
			"会议听取了县水利局关于防汛形势的汇报。",
			"会议强调，由县应急局牵头做好值班值守。",
		}, []string{
			"听取县水利局关于防汛形势的汇报|县水利局",
			"强调，由县应急局牵头做好值班值守|县应急局",
		}, false},
		{"one paragraph per item: a closing paragraph is no item's", []string{
			"会议听取了县水利局关于防汛工作的汇报。会议强调，由县应急局牵头做好值班值守。",
			"会议研究了县城供水管网改造工作。会议原则同意改造方案，由县住建局组织实施。",
			"会议强调，各乡镇各部门要统筹抓好各项工作，由县政府督查室跟踪督办。",
		}, []string{
			"听取县水利局关于防汛工作的汇报|县水利局,县应急局",
			"研究县城供水管网改造工作|县住建局",
		}, false},
		{"the last word is no item's", []string{
			"会议听取了县水利局关于防汛工作的汇报。",
			"会议强调，由县应急局牵头做好值班值守。",
			"会议研究了县城供水管网改造工作。会议原则同意改造方案，由县住建局组织实施。",
			"会议最后强调，由县政府督查室跟踪督办。",
		}, []string{
			"听取县水利局关于防汛工作的汇报|县水利局,县应急局",
			"研究县城供水管网改造工作|县住建局",
		}, false},
		// A decision on a document of its own, or a task set straight to
		// a unit the item above does not name, opens an item whatever
		// other paragraphs the minutes hold.
		{"a new document or a unit tasked straight is a new item", []string{
			"会议研究了金洲新区产业用地问题。会议同意由金洲新区管委会负责项目用地报批。",
			"会议同意《城区学校布局规划》，由市教育局负责组织实施。",
			"会议要求市应急管理局开展秋冬季消防安全专项整治。",
			"会议审议并原则通过了《政府投资项目管理办法》，由市发展改革局印发实施。",
		}, []string{
			"研究金洲新区产业用地问题|金洲新区管委会",
			"同意《城区学校布局规划》，由市教育局负责组织实施|市教育局",
			"要求市应急管理局开展秋冬季消防安全专项整治|市应急管理局",
			"审议《政府投资项目管理办法》|市发展改革局",
		}, false},
		{"the document or unit of the item above: a comment", []string{
			"会议审议了《城区学校布局规划》。",
			"会议原则同意《城区学校布局规划》，由市教育局负责组织实施。",
			"会议听取了市应急管理局关于消防安全工作的汇报。",
			"会议要求市应急管理局开展秋冬季消防安全专项整治。",
		}, []string{
			"审议《城区学校布局规划》|市教育局",
			"听取市应急管理局关于消防安全工作的汇报|市应急管理局",
		}, false},
		// "会议明确，…": the decision titles its item without the label.
		{"a decision labelled with a comma", []string{
			"会议听取了市水务局关于污水处理厂提标改造工作的汇报。",
			"会议明确，提标改造项目由市城投公司作为业主单位负责建设，市水务局负责行业指导。",
		}, []string{
			"听取市水务局关于污水处理厂提标改造工作的汇报|市水务局",
			"提标改造项目由市城投公司作为业主单位负责建设，市水务局负责行业指导|市城投公司,市水务局",
		}, false},
		// News of two meetings: the second meeting's matters are items of
		// their own, not the first meeting's last item.
		{"news: a second meeting", []string{
			"7月8日，宜昌市市长马建平主持召开市政府第45次常务会议。会议审议通过了《宜昌市稳增长十条措施》，要求市发改委抓好政策兑现。",
			"7月12日，市政府召开第46次常务会议，市长马建平主持。会议审议了《宜昌市城区公交票价调整方案》，要求市交通运输局做好听证工作。",
		}, []string{
			"审议《宜昌市稳增长十条措施》|市发改委",
			"审议《宜昌市城区公交票价调整方案》|市交通运输局",
		}, true},
		{"news: a second meeting's lead that decides is an item", []string{
			"7月8日，市长马建平主持召开市政府第45次常务会议。会议审议通过了《甲措施》，要求市发改委抓好政策兑现。",
			"7月12日，市政府召开第46次常务会议，审议通过了《乙方案》。",
		}, []string{
			"审议《甲措施》|市发改委",
			"审议《乙方案》|",
		}, true},
		{"news: a closing comment after decisions of one paragraph each", []string{
			"会议审议并原则通过《甲方案》，要求县发改局会同县财政局抓好落实。",
			"会议研究了城区停车难问题，原则同意由县城管局会同县公安局在城区新增公共停车位。",
			"会议强调，要坚持以人民为中心，由县政府督查室跟踪督办。",
		}, []string{
			"审议《甲方案》|县发改局,县财政局",
			"研究城区停车难问题|县城管局,县公安局",
		}, true},
		{"news: a subject without decision keeps its comments; what was passed on keeps the units it tasks", []string{
			"会议审议并原则通过《甲办法》，由市司法局按程序印发。",
			"会议传达学习了全省安全生产工作会议精神。会议强调，由市应急局牵头开展隐患排查。",
			"会议听取了全市防汛工作情况汇报。会议要求，由市水务局加强值守。",
		}, []string{
			"审议《甲办法》|市司法局",
			"传达学习全省安全生产工作会议精神|市应急局",
			"听取全市防汛工作情况汇报|市水务局",
		}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			topics := st.openerTopics(c.paras, c.news)
			var got []string
			for i := range topics {
				st.fillTopic(&topics[i])
				got = append(got, topics[i].Title+"|"+strings.Join(topics[i].LeadDepartments, ","))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestSignatureDate: the date an office signs minutes with, under the title
// or at the close, and lines that are no signature.
func TestSignatureDate(t *testing.T) {
	st := &state{p: parser(t)}
	cases := []struct {
		lines []string
		want  string
	}{
		{[]string{"东阳市人民政府办公室　　　　2021年3月8日"}, "2021-03-08"},
		{[]string{"清远市人民政府办公室编　　　2021年3月12日"}, "2021-03-12"},
		{[]string{"青州市人民政府办公室", "二〇二一年三月五日"}, "2021-03-05"},
		{[]string{"青州市人民政府办公室", "", "2021年3月5日"}, "2021-03-05"},
		{[]string{"青州市人民政府办公室", "2021年3月5日上午，市长主持召开会议"}, ""},
		{[]string{"2021年3月5日上午，县长主持召开县政府常务会议"}, ""},
		{[]string{"抄送：县委办公室", "2021年3月5日"}, ""},
	}
	for _, c := range cases {
		st.lines = c.lines
		if got := st.signatureDate(0); got != c.want {
			t.Errorf("signatureDate(%q) = %q, want %q", c.lines, got, c.want)
		}
	}
}

// TestSplitInlineLists: several labelled lists on one line become one line
// each; a line that opens with no list label is left alone.
func TestSplitInlineLists(t *testing.T) {
	cases := []struct {
		in, want []string
	}{
		{[]string{"出席：林国栋　黄德辉　　请假：罗志远（出差）"}, []string{"出席：林国栋　黄德辉", "请假：罗志远（出差）"}},
		{[]string{"出席：甲乙　列席：丙丁　记录：戊"}, []string{"出席：甲乙", "列席：丙丁", "记录：戊"}},
		{[]string{"出席：甲乙、丙丁（请假）列席：戊己"}, []string{"出席：甲乙、丙丁（请假）", "列席：戊己"}},
		{[]string{"请假：张三（出差）　记录：李四"}, []string{"请假：张三（出差）", "记录：李四"}},
		{[]string{"会议认为　请假：制度要严格执行"}, []string{"会议认为　请假：制度要严格执行"}},
	}
	for _, c := range cases {
		if got := splitInlineLists(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("splitInlineLists(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestHeaderIssueDate: a date alone under the header of minutes is their
// issue date; a labelled meeting time or a date with a part of day is not.
func TestHeaderIssueDate(t *testing.T) {
	cases := []struct {
		lines []string
		want  string
	}{
		{[]string{"某县人民政府", "常务会议纪要", "〔2021〕5号", "2021年3月8日"}, "2021-03-08"},
		{[]string{"某县人民政府", "专题会议纪要", "会议时间：", "2021年6月8日上午"}, ""},
		{[]string{"专题会议纪要", "会议时间：", "2021年6月8日"}, ""},
		{[]string{"常务会议纪要", "2021年6月8日上午"}, ""},
		{[]string{"常务会议纪要", "〔2021〕5号"}, ""},
	}
	for _, c := range cases {
		st := &state{lines: c.lines}
		head := make([]int, len(c.lines))
		for i := range head {
			head[i] = i
		}
		if got := st.headerIssueDate(head); got != c.want {
			t.Errorf("headerIssueDate(%q) = %q, want %q", c.lines, got, c.want)
		}
	}
}

// TestOpeningLead: a decision that opens with a unit set to work names its
// lead; a unit that is only the subject of a fact does not.
func TestOpeningLead(t *testing.T) {
	st := &state{p: parser(t)}
	cases := []struct{ in, want string }{
		{"区热力公司要于11月15日前完成管网检修", "区热力公司"},
		{"区财政局负责落实供热补贴资金", "区财政局"},
		{"县住建局抓紧办理项目审批手续", "县住建局"},
		{"市外轮供应公司原搭建的楼阁不能拆迁", ""},
		{"县政府要加强领导", ""}, // a government itself leads no item
		{"会议要求，由县财政局负责", ""},
	}
	for _, c := range cases {
		if got := st.openingLead(c.in); got != c.want {
			t.Errorf("openingLead(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// peopleString writes people as "department/name/title", space-separated,
// for comparing a list's reading in one string.
func peopleString(ps []document.Person) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Department + "/" + p.Name + "/" + p.Title
	}
	return strings.Join(out, " ")
}

// TestFileNameDate: the date or year an archive's file name gives, which
// dates a meeting whose text omits the year.
func TestFileNameDate(t *testing.T) {
	for _, c := range []struct {
		name string
		want date
	}{
		{"minutes/tieling_county_2022-10-31.txt", date{Year: 2022, Month: 10, Day: 31}},
		{"20190415纪要.docx", date{Year: 2019, Month: 4, Day: 15}},
		{"hunan_sheng_2024_50.txt", date{Year: 2024}},
		{"suzhou-2020-3.txt", date{Year: 2020}},
		{"report_12345678.txt", date{}},
		{"doc_2024_1215.txt", date{}}, // a serial, not 12-15: the separators differ
		{"report-2019-2020.txt", date{}},
		{"minutes_2019.03.05.txt", date{Year: 2019, Month: 3, Day: 5}},
		{"纪要.txt", date{}},
	} {
		if got := fileNameDate(c.name); got != c.want {
			t.Errorf("fileNameDate(%q) = %+v, want %+v", c.name, got, c.want)
		}
	}
	p := parser(t)
	d, err := p.Parse("县政府常务会议纪要\n10月31日，县长常东旭主持召开县政府常务会议。会议研究了安全生产工作。", Meta{Source: "tieling_county_2022-10-31.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Date != "2022-10-31" || !d.DateInferred {
		t.Errorf("date %q (inferred %v), want 2022-10-31 from the file's name", d.Date, d.DateInferred)
	}
}

// TestShortPrefectureIsOnePlace: a report naming its prefecture in full
// and by its short name (延边朝鲜族自治州, 延边州) speaks for that one
// government.
func TestShortPrefectureIsOnePlace(t *testing.T) {
	p := parser(t)
	text := "延边朝鲜族自治州人民政府\n\n金永男主持召开州政府第37次常务会议\n来源：州政府办公室　　发布时间：2022年05月13日\n\n" +
		"5月12日上午，州委副书记、州长金永男主持召开州政府第37次常务会议，研究部署春耕生产工作。\n" +
		"会议审议并原则通过了《延边州促进朝鲜族传统村落保护利用实施方案》，由州住房和城乡建设局抓好落实。"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Issuer != "延边朝鲜族自治州人民政府" {
		t.Errorf("issuer %q, want 延边朝鲜族自治州人民政府", d.Issuer)
	}
}

// TestDropRepeatedTopics: a topic that repeats an earlier one word for word
// is one item; topics that share a title but not a text stay.
func TestDropRepeatedTopics(t *testing.T) {
	a := document.Topic{No: 1, Title: "听取甲汇报", Text: "会议听取了甲汇报。会议要求，乙要抓好落实。"}
	b := document.Topic{No: 2, Title: "审议《丙》", Text: "会议审议通过《丙》。"}
	c := a
	c.No = 3
	d := document.Topic{No: 4, Title: "听取甲汇报", Text: "会议听取了甲汇报。会议同意。"}
	got := dropRepeatedTopics([]document.Topic{a, b, c, d})
	var nos []int
	var titles []string
	for _, tp := range got {
		nos, titles = append(nos, tp.No), append(titles, tp.Title)
	}
	if !reflect.DeepEqual(nos, []int{1, 2, 3}) || !reflect.DeepEqual(titles, []string{"听取甲汇报", "审议《丙》", "听取甲汇报"}) {
		t.Errorf("got %v %q", nos, titles)
	}
}

// TestAgendaWithDecisions: an agenda (1./2.) followed by as many numbered
// decisions (一、二、) titles the topics, each decision joining its item in
// order; fewer decisions than items still join by document or matter.
func TestAgendaWithDecisions(t *testing.T) {
	p := parser(t)
	text := "区长办公会议纪要（2024年第5次）\n会议时间：\n2024年4月8日上午\n会议主持：\n区长 顾新宇\n会议议题：\n" +
		"1.研究薛家镇工业用地更新有关事项\n2.研究区中医医院迁建项目资金平衡方案\n会议议定：\n" +
		"一、原则同意薛家镇低效工业用地更新方案，由薛家镇人民政府牵头推进。\n二、原则同意区中医医院迁建项目资金平衡方案，由区财政局组织实施。\n"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tp := range d.Topics {
		got = append(got, fmt.Sprintf("%d %s %v %d", tp.No, tp.Title, tp.LeadDepartments, len(tp.Decisions)))
	}
	want := []string{"1 研究薛家镇工业用地更新有关事项 [薛家镇人民政府] 1", "2 研究区中医医院迁建项目资金平衡方案 [区财政局] 1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("topics %q, want %q", got, want)
	}
}

// TestAgendaWithTimeline: a page listing the agenda and reporting the
// meeting as a timeline keeps the agenda's items, the decision joining the
// item whose document it names.
func TestAgendaWithTimeline(t *testing.T) {
	p := parser(t)
	text := "图文回放：某区政府召开第37次常务会议\n会议时间：\n2022年8月16日下午3:00\n会议主持人：\n区长王振\n会议议题：\n" +
		"1.关于秋季学期学位供给情况的汇报\n2.审议《某区老旧小区改造三年行动方案》\n3.关于防汛工作情况的汇报\n会议过程：\n15:00\n" +
		"请区教体局汇报秋季学期学位供给情况。\n16:00\n会议原则同意《某区老旧小区改造三年行动方案》，由区住建局根据会议意见修改完善后印发实施。\n" +
		"16:30\n会议听取了区应急局关于防汛工作情况的汇报，要求区应急局加强值守。\n"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tp := range d.Topics {
		got = append(got, fmt.Sprintf("%d %s %v", tp.No, tp.Title, tp.LeadDepartments))
	}
	want := []string{"1 关于秋季学期学位供给情况的汇报 []", "2 审议《某区老旧小区改造三年行动方案》 [区住建局]", "3 关于防汛工作情况的汇报 [区应急局]"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("topics %q, want %q", got, want)
	}
}

// TestMeetingTypesShared: the parser types meetings from the one table the
// norm package holds (镇长办公会议 was an 办公会议 here).
func TestMeetingTypesShared(t *testing.T) {
	p := parser(t)
	for text, want := range map[string]string{
		"某镇人民政府镇长办公会议纪要\n2014年3月12日上午，镇长林志光主持召开镇长办公会议。会议研究了集镇改造工作。": "镇长办公会议",
		"生态环境部召开部常务会议\n5月19日，生态环境部部长黄润秋主持召开部常务会议，审议《办法》。":           "常务会议",
		"某县人民政府县长办公会议纪要\n2020年3月5日上午，县长王明主持召开县长办公会议。会议研究了供水工作。":     "县长办公会议",
	} {
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Meeting == nil || d.Meeting.Type != want {
			t.Errorf("%s: meeting %+v, want type %s", firstRunes(text, 20), d.Meeting, want)
		}
	}
}
