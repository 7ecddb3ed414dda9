package dept

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func newTable(t *testing.T) *Table {
	t.Helper()
	tb, err := New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return tb
}

// sharedDir is ../shared beside the repository root; tests that need it fail
// loudly when it is missing rather than skip.
func sharedDir(t *testing.T, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("shared material missing: %v (tests expect ../shared beside the repository root)", err)
	}
	return dir
}

func TestTableFile(t *testing.T) {
	tb := newTable(t)
	entries := tb.Entries()
	if len(entries) < 80 {
		t.Fatalf("table has %d entries, want at least 80", len(entries))
	}
	// Every name, alias and former name written in the file points to one entry.
	owner := map[string]string{}
	for _, e := range entries {
		names := append([]string{e.Name}, e.Aliases...)
		for _, f := range e.Former {
			names = append(names, f.Name)
		}
		for _, n := range names {
			if prev, ok := owner[n]; ok && prev != e.Name {
				t.Errorf("%q names both %q and %q", n, prev, e.Name)
			}
			owner[n] = e.Name
		}
		if !validCategory[e.Category] {
			t.Errorf("%s: category %q", e.Name, e.Category)
		}
	}
	// The departments the issues name must all be there, with their abbreviations.
	for full, abbr := range map[string]string{
		"卫生健康委员会": "卫健委", "发展和改革委员会": "发改委", "住房和城乡建设局": "住建局",
		"人力资源和社会保障局": "人社局", "应急管理局": "应急局", "市场监督管理局": "市场监管局",
		"自然资源和规划局": "资源规划局", "文化广电和旅游局": "文广旅局", "城市管理局": "城管局",
		"人民防空办公室": "人防办", "委机构编制委员会办公室": "编办", "纪律检查委员会": "纪委监委",
		"人民检察院": "检察院", "人民政府办公室": "政府办", "医疗保障局": "医保局", "国有资产监督管理委员会": "国资委",
		"安全生产委员会办公室": "安委办", "妇女联合会": "妇联", "科学技术协会": "科协", "工业和信息化局": "工信局",
		"交通运输局": "交通局", "残疾人联合会": "残联", "供销合作社": "供销社", "社会保险事业管理中心": "社保中心",
		"住房公积金管理中心": "公积金中心", "委统一战线工作部": "委统战部", "委政法委员会": "委政法委",
	} {
		e, ok := tb.Entry(abbr)
		if !ok || e.Name != full {
			t.Errorf("Entry(%q) = %q, %v; want %q", abbr, e.Name, ok, full)
		}
	}
}

func TestTableRejectsAmbiguousAlias(t *testing.T) {
	data := "民政局\t民政\t\tgov\n司法局\t民政\t\tgov\n"
	if _, err := NewFrom(data); err == nil || !strings.Contains(err.Error(), "民政") {
		t.Fatalf("NewFrom with an alias of two entries: err = %v, want an error naming it", err)
	}
	if _, err := NewFrom("民政局\t\t\tnosuch\n"); err == nil {
		t.Fatal("NewFrom accepted an unknown category")
	}
	if _, err := NewFrom("民政局\t\t\n"); err == nil {
		t.Fatal("NewFrom accepted a line with 3 columns")
	}
	// A deployment extends the shipped table by appending lines.
	tb, err := NewFrom(Data() + "盐务管理局\t盐务局\t\tgov\n")
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := tb.Resolve("市盐务局", "苏州市人民政府"); !ok || got != "苏州市盐务管理局" {
		t.Errorf("extended table: Resolve(市盐务局) = %q, %v", got, ok)
	}
}

func TestLengths(t *testing.T) {
	tb := newTable(t)
	tests := []struct {
		in   string
		want []string // prefixes of in, longest first
	}{
		{"市民政局胡岚", []string{"市民政局"}},
		{"市委编办詹利剑", []string{"市委编办", "市委"}},
		{"人行苏州中支陈军", []string{"人行苏州中支"}},
		{"苏州工业园区杨晓敏", []string{"苏州工业园区"}},
		{"张家港市王松石", []string{"张家港市"}},
		{"城关镇县发展改革局", []string{"城关镇"}},      // a town before a county's unit: two units
		{"市公安局中国工商银行市分行", []string{"市公安局"}}, // a national bank is no sub-unit of a bureau
		{"宁乡市财政局", []string{"宁乡市财政局", "宁乡市"}},
		{"安乡县财政局", []string{"安乡县财政局", "安乡县"}},
		{"市政府研究室毛文元", []string{"市政府研究室", "市政府"}},
		{"市政府研\n究室毛文元", []string{"市政府研\n究室", "市政府"}},
		{"市  \n交通局陆文华", []string{"市  \n交通局"}},
		{"市消防救援支队张耀军", []string{"市消防救援支队"}},
		{"县城管综合执法局李明", []string{"县城管综合执法局"}},
		{"区民委臧娟", []string{"区民委"}},
		{"市市政园林中心初妹", []string{"市市政园林中心"}},
		{"县海洋与渔业局李子艺", []string{"县海洋与渔业局"}},
		{"区广播电视台高晟俊", []string{"区广播电视台"}},
		{"区档案馆祖彦信", []string{"区档案馆"}},
		{"阿鲁科尔沁旗申晔利", []string{"阿鲁科尔沁旗"}},
		{"达尔罕茂明安联合旗苑莉远", []string{"达尔罕茂明安联合旗"}},
		{"市交通运输综合行政执法支队姜聪", []string{"市交通运输综合行政执法支队"}},
		{"市城市建设投资集团有限公司张焱元", []string{"市城市建设投资集团有限公司", "市城市建设投资集团"}},
		{"区供销合作社联合社王园旻", []string{"区供销合作社联合社", "区供销合作社"}},
		{"市粮食和储备局陆勤奋", []string{"市粮食和储备局"}},
		{"林区政府办公室胡岚", []string{"林区政府办公室"}},
		{"林区财政局杨振华", []string{"林区财政局"}},
		{"县委督查室马xx", []string{"县委督查室", "县委"}},
		{"政府办李xx、马xx", []string{"政府办"}},
		{"苏州海关程维勇", []string{"苏州海关"}},
		{"苏州银保监分局曹晔", []string{"苏州银保监分局"}},
		{"市卫生健康委\n陈小康", []string{"市卫生健康委"}},
		{"市纪委监委邹洪凯", []string{"市纪委监委", "市纪委"}},
		{"市发改委凌鸣 市教育局李婧娟", []string{"市发改委"}},
		{"县民族宗教事务局王某", []string{"县民族宗教事务局"}},
		{"区人武部长毛阳春", []string{"区人武部"}},
		// Development zones' merged bureaus and offices, without a place.
		{"规划建设局莫少华", []string{"规划建设局"}},
		{"党政办公室韦丽", []string{"党政办公室"}},
		// One-character counties: with their government only, since a run
		// may have wrapped a name before 县 ("林爱\n嵩县红十字会").
		{"理县人民政府李明", []string{"理县人民政府", "理县"}},
		{"嵩县红十字会李朋恺", nil},
		// 农行 after a unit is a person (a bank needs its place).
		{"区科学技术局农行", []string{"区科学技术局"}},
		{"市长李亚平", nil},
		{"常务副县长刘洪", nil}, // a deputy's post, no place 常务副县
		{"执行副市长张伟", nil},
		{"市民", nil},
		{"会议", nil},
		{"各相关部门负责人", nil},
		{"李丹 市检察院蔡蔚", nil}, // a place never spans whitespace: no 李丹市
		{"张旗 韩卫 张剑", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, n := range tb.Lengths(tc.in) {
			got = append(got, tc.in[:n])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Lengths(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestResolve(t *testing.T) {
	tb := newTable(t)
	const suzhou, doumen, tieling, hubei = "苏州市人民政府", "珠海市斗门区人民政府", "铁岭县人民政府", "湖北省人民政府"
	const guangxi = "广西壮族自治区人民政府办公厅"
	tests := []struct {
		name, issuer, want string
		ok                 bool
	}{
		{"市应急局", suzhou, "苏州市应急管理局", true},
		// An enterprise's registered name is its own; a generic one the place's.
		{"国网宜昌供电公司", suzhou, "国网宜昌供电公司", true},
		{"上海光明生猪有限公司", doumen, "上海光明生猪有限公司", true},
		{"江南农村商业银行", doumen, "江南农村商业银行", true},
		{"供电公司", doumen, "斗门区供电公司", true},
		{"香港特别行政区政府", "国务院", "香港特别行政区政府", true}, // no 人民政府 there
		{"区卫健局", doumen, "斗门区卫生健康局", true},
		{"市卫健局", doumen, "珠海市卫生健康局", true}, // 市 in a district document is the city
		{"州公安局", "红河哈尼族彝族自治州人民政府", "红河哈尼族彝族自治州公安局", true},
		{"区城管局北山中队", doumen, "斗门区城市管理局北山中队", true},    // a branch the table does not list
		{"街道城建办", "杭州市西湖区北山街道办事处", "北山街道城建办", true},   // the sub-district's own office
		{"国家矿山安全监察局山西局", hubei, "国家矿山安全监察局山西局", true}, // no place but its own
		{"州生态环境局", "红河州人民政府", "红河州生态环境局", true},       // a prefecture's short name
		{"省卫健委", "湖北省武汉市江汉区人民政府", "湖北省卫生健康委员会", true},
		{"市发改委", "湖北省武汉市江汉区人民政府", "武汉市发展和改革委员会", true},
		{"市卫生健康委", suzhou, "苏州市卫生健康委员会", true},
		{"市卫健委", "国务院办公厅", "市卫生健康委员会", true}, // no place to take: stays relative
		{"苏州海关", suzhou, "苏州海关", true},
		{"张家港市", suzhou, "张家港市", true},
		{"人行苏州中支", suzhou, "中国人民银行苏州市中心支行", true},
		{"苏州银保监分局", suzhou, "苏州银行保险监督管理分局", true},
		{"苏州工业园区", suzhou, "苏州工业园区管理委员会", true},
		{"市委宣传部", suzhou, "苏州市委宣传部", true},
		{"县公安局交警大队", tieling, "铁岭县公安局交通警察大队", true}, // sub-unit under its department
		{"地区财政局", "六安地区行政公署", "六安地区财政局", true},
		{"林区财政局", "神农架林区人民政府", "神农架林区财政局", true},
		{"林区财政局", suzhou, "林区财政局", true}, // no 林区 to take
		{"自治州民族宗教事务委员会", "恩施土家族苗族自治州人民政府", "恩施土家族苗族自治州民族宗教事务委员会", true},
		{"自治县财政局", "融水苗族自治县人民政府", "融水苗族自治县财政局", true},
		{"经开区财政局", suzhou, "经开区财政局", true},
		{"区经委", "天津市河西区人民政府", "河西区经济和信息化局", true}, // former names
		{"市外经贸委", suzhou, "苏州市商务局", true},
		{"街道应急管理办公室", "北山街道办事处", "北山街道应急管理办公室", true}, // one 街道
		{"市城市管理委", suzhou, "苏州市城市管理委员会", true},
		{"区市容委", "北京市朝阳区人民政府", "朝阳区城市管理委员会", true},
		{"市城市管理综合行政执法局", suzhou, "苏州市城市管理局", true},
		{"市委编办", suzhou, "苏州市委机构编制委员会办公室", true},
		{"市编办", suzhou, "苏州市委机构编制委员会办公室", true},
		{"市纪委监委", suzhou, "苏州市纪律检查委员会", true},
		{"市政府研究室", suzhou, "苏州市人民政府研究室", true},
		{"市政府研\n究室", suzhou, "苏州市人民政府研究室", true},
		{"市粮食和储备局", suzhou, "苏州市粮食和物资储备局", true},
		{"市人力资源社会保障局", suzhou, "苏州市人力资源和社会保障局", true},
		{"市安监局", suzhou, "苏州市应急管理局", true}, // former name → successor
		{"团市委", suzhou, "共青团苏州市委员会", true},
		{"政府办", tieling, "铁岭县人民政府办公室", true}, // no prefix: the issuer's own place
		{"县民族宗教事务局", tieling, "铁岭县民族宗教事务局", true},
		{"中共苏州市委宣传部", "", "苏州市委宣传部", true},
		{"广州市花都区人民政府办公室", "", "广州市花都区人民政府办公室", true},
		{"国家发展改革委", suzhou, "国家发展和改革委员会", true},
		{"财政部", suzhou, "财政部", true}, // central ministries never take a place
		{"宣传部", "", "党委宣传部", true},
		{"市政府", suzhou, "苏州市人民政府", true},
		// A State Council document's bare names are the national bodies.
		{"发展改革委", "国务院办公厅", "国家发展和改革委员会", true},
		{"医保局", "国务院", "国家医疗保障局", true},
		{"财政部", "国务院办公厅", "财政部", true},
		// A province's departments are 厅, written in full or short.
		{"省住房城乡建设厅", hubei, "湖北省住房和城乡建设厅", true},
		{"省住建厅", hubei, "湖北省住房和城乡建设厅", true},
		{"省工业和信息化厅", hubei, "湖北省工业和信息化厅", true},
		{"省人力资源社会保障厅", hubei, "湖北省人力资源和社会保障厅", true},
		{"省文化和旅游厅", hubei, "湖北省文化和旅游厅", true},
		{"省环保厅", hubei, "湖北省生态环境厅", true}, // former name → successor
		{"省消防救援总队", hubei, "湖北省消防救援总队", true},
		// An autonomous region's own departments: 自治区… as 省… in a province.
		{"自治区发展改革委", guangxi, "广西壮族自治区发展和改革委员会", true},
		{"自治区党委组织部", guangxi, "广西壮族自治区党委组织部", true},
		{"财政厅", guangxi, "广西壮族自治区财政厅", true},
		// 乡 and 镇 inside a place's name.
		{"宁乡市自然资源局", "长沙市人民政府", "宁乡市自然资源局", true},
		{"镇巴县财政局", "汉中市人民政府", "镇巴县财政局", true},
		{"镇海区人民政府办公室", "", "镇海区人民政府办公室", true},
		// Merged bureaus outside the table, and 城乡 inside a name.
		{"区住建和交通局", doumen, "斗门区住建和交通局", true},
		{"区水务和湖泊局", doumen, "斗门区水务和湖泊局", true},
		{"区住房城乡建委", doumen, "斗门区住房城乡建委", true},
		{"市城乡规划局", suzhou, "苏州市自然资源和规划局", true}, // its successor, as 规划局
		// 社会 and 会展 inside a unit's name (会 alone ends 常务会).
		{"县社会事务局", tieling, "铁岭县社会事务局", true},
		{"区社会事业局", doumen, "斗门区社会事业局", true},
		{"市委社会工作部", suzhou, "苏州市委社会工作部", true},
		{"市会展办", suzhou, "苏州市会展办", true},
		// Central agencies' local branches, written with their own place.
		{"人民银行湖北省分行", hubei, "中国人民银行湖北省分行", true},
		{"国家税务总局湖北省税务局", hubei, "湖北省税务局", true},
		{"湖北金融监管局", hubei, "国家金融监督管理总局湖北监管局", true},
		{"湖北银保监局", hubei, "国家金融监督管理总局湖北监管局", true},
		{"市金融监管局", suzhou, "苏州市地方金融监督管理局", true}, // the city's own bureau
		{"苏州市金融监管局", suzhou, "苏州市地方金融监督管理局", true},
		// Units of the 1980s–2000s resolve to today's entries.
		{"县城建局", tieling, "铁岭县住房和城乡建设局", true},
		{"县城建委", tieling, "铁岭县住房和城乡建设委员会", true},
		{"县体委", tieling, "铁岭县体育局", true},
		{"县乡企局", tieling, "铁岭县乡镇企业局", true},
		{"县农发行", tieling, "铁岭县农业发展银行", true},
		{"县农行", tieling, "铁岭县农业银行", true},
		{"县信用联社", tieling, "铁岭县农村信用合作社", true},
		{"县公路段", tieling, "铁岭县公路管理段", true},
		{"县规划建设局", tieling, "铁岭县规划建设局", true},
		{"理县交通运输局", "阿坝藏族羌族自治州人民政府", "理县交通运输局", true},
		{"县财政局", "沛县人民政府", "沛县财政局", true},
		{"农行", tieling, "", false},
		{"市民", suzhou, "", false},
		{"市长", suzhou, "", false},
		{"会议", suzhou, "", false},
		{"市政府常务会议", suzhou, "", false},
		{"各相关部门", suzhou, "", false},
		{"有关部门", suzhou, "", false},
		{"李亚平", suzhou, "", false},
		{"", suzhou, "", false},
	}
	for _, tc := range tests {
		got, ok := tb.Resolve(tc.name, tc.issuer)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q, %v", tc.name, tc.issuer, got, ok, tc.want, tc.ok)
		}
	}
}

func TestPlaceOf(t *testing.T) {
	tests := map[string]string{
		"江苏省苏州工业园区管委会":  "苏州工业园区",
		"广东省广州开发区管委会":   "广州开发区",
		"苏州市人民政府":       "苏州市",
		"珠海市斗门区人民政府":    "斗门区",
		"国务院办公厅":        "",
		"中共铁岭县委":        "铁岭县",
		"广州市花都区人民政府办公室": "花都区",
		"攀枝花市东区人民政府":    "东区",
		"湖南省人民政府":       "湖南省",
		"济南市历下区人民政府":    "历下区",
		"生态环境部":         "",
		"开县人民政府":        "开县",
		"沛县财政局":         "沛县",
		"全县":            "",
		"苏州工业园区管理委员会":   "苏州工业园区",
		"上海市浦东新区人民政府":   "浦东新区",
		"湖北省武汉市江汉区人民政府": "江汉区",
		"新疆维吾尔自治区人民政府":  "新疆维吾尔自治区",
		"苏州市吴江区盛泽镇人民政府": "盛泽镇",
		"": "",
	}
	for issuer, want := range tests {
		if got := PlaceOf(issuer); got != want {
			t.Errorf("PlaceOf(%q) = %q, want %q", issuer, got, want)
		}
	}
}

func TestForms(t *testing.T) {
	tb := newTable(t)
	tests := []struct {
		name      string
		want, not []string
	}{
		{"卫健委", []string{"卫健委", "卫生健康委员会", "卫生健康委", "市卫健委", "区卫生健康委员会"}, []string{"卫健局", "卫生局"}},
		{"财政部", []string{"财政部"}, []string{"市财政部"}},
		{"发展和改革委员会", []string{"发改委", "发展改革委", "发展和改革委员会"}, []string{"发改局"}},
		{"市应急局", []string{"市应急局", "应急局", "市应急管理局", "应急管理局"}, []string{"安监局", "区应急局"}},
		{"苏州市应急管理局", []string{"苏州市应急局", "应急局", "苏州市应急管理局"}, []string{"市应急局"}},
		{"人社局", []string{"人力资源和社会保障局", "人力资源社会保障局"}, nil},
		{"县民族宗教事务局", []string{"县民族宗教事务局", "民族宗教事务局", "民宗局"}, nil},
		{"人行苏州中支", []string{"中国人民银行苏州中心支行", "人行苏州中支"}, nil},
	}
	for _, tc := range tests {
		got := tb.Forms(tc.name)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("Forms(%q) = %q, missing %q", tc.name, got, w)
			}
		}
		for _, n := range tc.not {
			if slices.Contains(got, n) {
				t.Errorf("Forms(%q) = %q, should not hold %q", tc.name, got, n)
			}
		}
	}
	if got := tb.Forms("市长"); got != nil {
		t.Errorf("Forms(市长) = %q, want nil", got)
	}
}

func TestFind(t *testing.T) {
	tb := newTable(t)
	tests := []struct {
		text string
		want []string
	}{
		{"由市应急局会同相关部门根据本次会议讨论意见作进一步修改完善后发文实施。", []string{"市应急局"}},
		{"请市妇联会市司法局根据本次会议讨论意见作进一步修改完善后", []string{"市妇联", "市司法局"}},
		{"由市卫生健康委会市司法局根据", []string{"市卫生健康委", "市司法局"}},
		{"（市人力资源社会保障局、市医保局负责）", []string{"市人力资源社会保障局", "市医保局"}},
		{"责成县妇联牵头", []string{"县妇联"}},
		{"原则同意县水务局关于", []string{"县水务局"}},
		{"请区住建和交通局会同区规划和自然资源局抓紧组织实施", []string{"区住建和交通局", "区规划和自然资源局"}},
		{"加强市场和交通局面管控", nil},
		{"由宁乡经济开发区管委会负责，宁乡市自然资源局负责用地报批", []string{"宁乡经济开发区管委会", "宁乡市自然资源局"}},
		{"西湖镇镇长马涛主持会议", nil},                     // no place 西湖镇镇
		{"具体移交工作由沙圪堵镇和旗国资委负责", []string{"旗国资委"}}, // no place 沙圪堵镇和旗
		{"决定开发区基础设施建设由开发区管委会负责", nil},            // no place 决定 (a zone needs its place)
		{"会同市财政局、农发行晋中分行做好收购资金准备", []string{"市财政局", "农发行晋中分行"}},
		{"由镇市场监管所负责日常巡查", []string{"镇市场监管所"}},
		{"由区经济促进局会同区城市更新局办理，由市编委办另行批复", []string{"区经济促进局", "区城市更新局", "市编委办"}},
		{"抄送：市委办，市人大办，市政协办。", []string{"市委办", "市人大办", "市政协办"}},
		{"会议同意钧官窑址博物馆二期工程纳入年度重点项目", nil}, // a hall alone is a building
		{"由县博物馆负责", []string{"县博物馆"}},
		{"由中国人民银行醴陵市支行负责", []string{"中国人民银行醴陵市支行"}},
		{"昌吉州人民政府办公室　2012年6月11日", []string{"昌吉州人民政府办公室"}}, // a prefecture by its short name
		{"由红河州财政局负责", []string{"红河州财政局"}},
		{"由马鞍山市和县财政局负责", []string{"马鞍山市和县财政局"}}, // 和县 is a county
		{"由市住房城乡建设局会同贵安新区管委会抓好组织实施", []string{"市住房城乡建设局", "贵安新区管委会"}},
		{"由麦积山景区管委会负责", []string{"麦积山景区管委会"}},
		// A campaign's office holds 城市 in its stem; a bureau's numbered branch is one unit.
		{"由市创建全国文明城市工作领导小组办公室牵头", []string{"市创建全国文明城市工作领导小组办公室"}},
		{"市税务局第一稽查局要配合做好", []string{"市税务局第一稽查局"}},
		{"由县公安局第二派出所负责", []string{"县公安局第二派出所"}},
		{"市政府第八次常务会议", nil},
		// A village's committee or party branch opening a clause it is told to act in.
		{"三、祁浜村党总支要抓好宅基地整治", []string{"祁浜村党总支"}},
		{"由东浜村村民委员会负责", []string{"东浜村村民委员会"}},
		{"；东浜村村委会要做好", []string{"东浜村村委会"}},
		{"要求全村党支部要", nil},
		{"加强村党支部建设", nil},
		{"县财政局第三季度拨付", []string{"县财政局"}},
		// Villages, communities and schools are units a decision tasks.
		{"由长虹村委会牵头，镇农业综合服务中心配合", []string{"长虹村委会", "镇农业综合服务中心"}},
		{"由东街社区居委会负责", []string{"东街社区居委会"}},
		{"责成镇派出所、镇中心小学制定方案", []string{"镇派出所", "镇中心小学"}},
		{"由县第二实验小学、县实验幼儿园负责", []string{"县第二实验小学", "县实验幼儿园"}},
		{"全面完成县中小学校舍改造", nil}, // schools in general
		// Zones' committees the table does not list, with or without a place.
		{"由滨海工业区管委会负责做好搬迁工作", []string{"滨海工业区管委会"}},
		{"会议要求滨海工业区管委会负责做好搬迁", []string{"滨海工业区管委会"}},
		{"由临空经济示范区管委会负责", []string{"临空经济示范区管委会"}},
		{"由南沙自贸片区管委会、港区管委会负责", []string{"南沙自贸片区管委会", "港区管委会"}},
		{"由鉴湖旅游度假区管理委员会负责", []string{"鉴湖旅游度假区管理委员会"}},
		{"加快推进产业集聚区管委会改革", []string{"产业集聚区管委会"}},
		// 区 ending a zone's word (大湾区, 自贸区) is no district's relative prefix.
		{"粤港澳大湾区建设领导小组办公室要加强统筹", nil},
		{"由海南自贸区管委会负责", []string{"海南自贸区管委会"}},
		{"由市发展改革局会同区建设局负责", []string{"市发展改革局", "区建设局"}},
		{"全区防汛工作\n区应急管理局要加强值班", []string{"区应急管理局"}}, // 作区 ends no zone's word (合作区 would)
		// Companies: a national enterprise's branch names itself; a branch's
		// stem holds its city; a group's mark in brackets.
		{"由中国电信市分公司、中国移动市分公司负责", []string{"中国电信市分公司", "中国移动市分公司"}},
		{"由中国联通湘潭市分公司负责", []string{"中国联通湘潭市分公司"}},
		{"中国铁塔苏州市分公司要加快建设", []string{"中国铁塔苏州市分公司"}},
		{"由绵阳科技城发展投资（集团）有限公司负责", []string{"绵阳科技城发展投资（集团）有限公司"}},
		{"由绵阳科技城发展投资（筹）有限公司负责", nil},
		// 城市 in the stem of a city's agency with a suffix of two characters.
		{"由区城市更新事务中心负责具体实施", []string{"区城市更新事务中心"}},
		{"由区城市管理中心负责", []string{"区城市管理中心"}},
		// A visit's verb before a zone is no place of it.
		{"带领有关部门负责同志，深入高新区重点项目建设现场", nil},
		{"率队走进经开区企业调研", nil},
		// 与 joins two fields of one bureau as 和 does; not a phrase and a unit.
		{"会议要求镇海洋与渔业办公室加强对渔船的安全检查", []string{"镇海洋与渔业办公室"}},
		{"由区城乡建设与交通局负责", []string{"区城乡建设与交通局"}},
		{"会议同意与县公安局联合开展", []string{"县公安局"}},
		{"做好市场监管与区财政局", []string{"区财政局"}},
		// A new town's committee is a zone's (东湖新城管委会); 新城区 is still a district.
		{"东湖新城管委会负责协调征地拆迁", []string{"东湖新城管委会"}},
		{"由新城区财政局负责", []string{"新城区财政局"}},
		// A comprehensive experimental zone owns its bureaus as a development zone does.
		{"由平潭综合实验区社会事业局负责", []string{"平潭综合实验区社会事业局"}},
		{"平潭综合实验区社会事业局要会同区财政金融局", []string{"平潭综合实验区社会事业局", "区财政金融局"}},
		{"平潭综合实验区管委会", []string{"平潭综合实验区管委会"}},
		{"各园区管委会要加强管理", nil},   // zones in general
		{"会议要求全区管委会主任参加", nil}, // no zone named
		// Colleges, universities and banks' branches after 由/请, and in a list 由 opens.
		{"由河西学院会同市卫健委做好前期工作", []string{"河西学院", "市卫健委"}},
		{"由中国银行芜湖分行牵头", []string{"中国银行芜湖分行"}},
		{"由宝石社区居委会、青芝坞社区居委会负责组织实施", []string{"宝石社区居委会", "青芝坞社区居委会"}},
		// A village's committee alone in a list, or permitted to act.
		{"列席：东浜村村委会 西湖村村委会 镇农业服务中心", []string{"东浜村村委会", "西湖村村委会", "镇农业服务中心"}},
		{"会议同意东浜村村民委员会实施农田水利改造项目", []string{"东浜村村民委员会"}},
		{"会议认为东浜村村民委员会工作扎实", nil},
		{"宝石社区居委会、青芝坞社区居委会负责组织实施", nil},
		{"加强大学生就业指导，省重点学科建设", nil},
		// A sub-district's offices, as a town's.
		{"由街道城建办会同街道财政所按程序办理", []string{"街道城建办", "街道财政所"}},
		{"由街道社会事务科负责", []string{"街道社会事务科"}},
		{"由北山派出所负责", []string{"北山派出所"}},
		{"由区城管局北山中队负责", []string{"区城管局北山中队"}},
		{"县公安局城关派出所、县交通局公路站配合", []string{"县公安局城关派出所", "县交通局公路站"}},
		// A national agency's bureau for a province is one unit.
		{"省应急厅、国家矿山安全监察局山西局开展专项整治", []string{"省应急厅", "国家矿山安全监察局山西局"}},
		// Not units: owned enterprises, a person's post, kinds of places, an old town.
		{"推进省属国有企业公司制改制", nil},
		{"由贾建国兼任办公室主任", nil},
		{"各省、自治区、直辖市教育厅", []string{"教育厅"}},
		// A company's registered name is one unit after 由, its town inside
		// (not 镇旅游发展有限公司 nor nothing).
		{"同意由杭州塘栖古镇旅游发展有限公司负责运营", []string{"杭州塘栖古镇旅游发展有限公司"}},
		{"由深圳市龙华建设发展集团有限公司负责项目代建", []string{"深圳市龙华建设发展集团有限公司"}},
		{"由义乌市国有资本运营有限公司具体实施", []string{"义乌市国有资本运营有限公司"}},
		{"推动全市各类有限公司规范发展", nil},
		// Verbs before a unit are not its place.
		{"刘建华同志任长沙市发展和改革委员会副主任", []string{"长沙市发展和改革委员会"}},
		{"王国庆同志担任长沙市财政局局长", []string{"长沙市财政局"}},
		{"会议同意新建圣城街道第三小学", []string{"圣城街道第三小学"}},
		{"安排资金380万元，用于漳江街道老旧小区改造", []string{"漳江街道"}},
		{"请于12月10日前报县发改局汇总", []string{"县发改局"}},
		// A verb before a place-named unit ends there; 同 of 同意 is no
		// boundary of its own, and a head's title (市长) no unit.
		{"原则同意德阳经开区管委会提出的方案", []string{"德阳经开区管委会"}},
		{"追加市疾控中心设备购置经费，补助市人民医院设备经费", []string{"市疾控中心", "市人民医院"}},
		{"决定移交市文体局管理", []string{"市文体局"}},
		{"会议支持国家产业创新中心建设", []string{"国家产业创新中心"}},
		{"受市长李爱武委托，常务副市长张向群主持", nil},
		{"区农业机械化服务中心麻风区发展和改革局吉萱珠", []string{"区农业机械化服务中心", "区发展和改革局"}},
		{"出席：王辉 孙红旗 李建平", nil},
		{"由苏州市应急局负责", []string{"苏州市应急局"}},
		{"会议议定：原则同意，由兴东集团按程序组织实施", []string{"兴东集团"}},
		{"由市安委办会各安全生产巡查组根据", []string{"市安委办"}},
		{"原则同意市住建局关于市区商业办公用房去库存项目推进情况的汇报", []string{"市住建局"}},
		{"苏州工业园区、苏州高新区管委会；市各有关部门和单位", []string{"苏州工业园区", "苏州高新区管委会"}},
		{"由市住\n建局负责", []string{"市住建局"}},
		// Not departments: governments, meetings, generic phrases, ordinary words.
		{"市政府常务会议由市长召集和主持，各相关部门要加强协调配合", nil},
		{"全市各地各部门要进一步提高认识，推动城市管理精细化", nil},
		{"进一步优化区域布局，建设区域金融中心", nil},
		{"市民群众和社区居民", nil},
		{"提请市人大常委会审议", nil},
		{"在区行政中心五楼会议室召开，研究城乡教育布局和关于高新区建设的工作", nil},
		{"要认真落实党的干部政策，举办全区培训，访问区政府网站", nil},
		{"副市长主持召开市长办公会议、区长办公会议和市政府办公会议，县委书记出席，我市应急管理工作", nil},
		{"我市应急局、全市应急管理局系统", []string{"市应急局", "应急管理局"}},
		{"由市政府办公室牵头，由马娜负责，以市政府名义印发", []string{"市政府办公室"}},
		// 县城 is a word, but not before a table key that starts with 城.
		{"由县城管综合执法局会同县城市管理局、县城乡建设局负责", []string{"县城管综合执法局", "县城市管理局", "县城乡建设局"}},
		{"会议同意由县城乡规划局负责组织实施", []string{"县城乡规划局"}}, // 2008–2018 name, not 县城 + 乡规划局
		{"在县城开展整治", nil},
		{"区民委、区教育局", []string{"区民委", "区教育局"}},
		// 州 opens a prefecture's unit where a word starts, not inside 苏州.
		{"州交通运输局牵头，会同州公安局和州生态环境局", []string{"州交通运输局", "州公安局", "州生态环境局"}},
		{"苏州公安局、广州财政局", []string{"公安局", "财政局"}},
		// 城区 is a word: its 区 opens no district unit.
		{"，城区街道办事处负责做好群众工作", nil},
		{"会议在区机关大院召开，研究乡教育布局调整", nil},
		{"中央纪委国家监委驻生态环境部纪检监察组组长", []string{"生态环境部"}},
		{"县纪委监委派驻纪检组", []string{"县纪委监委"}},
		// A sub-unit written after the department it belongs to.
		{"由县公安局交警大队根据会议意见修改", []string{"县公安局交警大队"}},
		// A verb before a relative unit is no place: 调整|县…, not 调整县.
		{"关于调整县食品安全委员会组成人员的通知", []string{"县食品安全委员会"}},
		{"关于撤销县农业农村局内设机构的批复", []string{"县农业农村局"}},
		{"协调委办公室设在民航总局，授权市级人民法院管辖", []string{"人民法院"}},
		// Units of the 1990s–2000s and of Beijing/Tianjin city management,
		// and a table name's tail inside a committee's name (人大财经委).
		{"由区经委牵头，区土地局配合", []string{"区经委", "区土地局"}},
		{"由区外经贸委负责，市经合局、县经贸局配合", []string{"区外经贸委", "市经合局", "县经贸局"}},
		{"要求区城市管理委会同区住房建设委加强监管", []string{"区城市管理委", "区住房建设委"}},
		{"由区城市管理执法局负责，区市容委配合", []string{"区城市管理执法局", "区市容委"}},
		{"市人大财经委、中央财经委", nil},
		// 所辖 (under its jurisdiction) ends no unit in 所.
		{"请各县人民政府组织所辖乡镇做好用地摸底", nil},
		{"请吴忠市人民政府组织所辖县（市、区）自然资源部门做好用地报批", nil},
		// 地区 (a prefecture's 行署) and 林区 (神农架林区) are levels, not 区
		// after a stray character; not across a line break (a name's 林).
		{"一、地区粮食局负责组织实施，地区物价局负责价格监督检查", []string{"地区粮食局", "地区物价局"}},
		{"由林区财政局会同林区林业管理局研究确定", []string{"林区财政局", "林区林业管理局"}},
		{"列席：张宗平林\n区财政局李明", []string{"区财政局"}},
		// Units of the 1980s–2000s, and the state banks' branches.
		{"会议同意由县乡镇企业局会同县工商银行研究解决", []string{"县乡镇企业局", "县工商银行"}},
		{"由县城建局负责，县城建委、县体委、县乡企局配合", []string{"县城建局", "县城建委", "县体委", "县乡企局"}},
		{"由县农发行负责，县农行、县工行、县建行配合", []string{"县农发行", "县农行", "县工行", "县建行"}},
		{"由县信用联社、县农村信用社和县公路段负责", []string{"县信用联社", "县农村信用社", "县公路段"}},
		{"开展创建行动，规范建筑施工行业", nil}, // 建行, 工行 without a place are no banks
		// Merged bureaus: two known stems and 局; any bureau after 由.
		{"由规划建设局牵头，建设环保局、国土规划局、安监环保局、规划国土局配合", []string{"规划建设局", "建设环保局", "国土规划局", "安监环保局", "规划国土局"}},
		{"由社会事业局负责", []string{"社会事业局"}},
		{"由综合执法局负责", []string{"综合执法局"}},
		{"由招商服务局负责", []string{"招商服务局"}},
		{"由分管局负责，由我局负责", nil},
		{"州供销社由斌　州水利局王风德", []string{"州供销社", "州水利局"}}, // 由 a surname
		// One-character counties, not 担任县, 代理县长, 经费县.
		{"由理县交通运输局负责，茂县公安局配合", []string{"理县交通运输局", "茂县公安局"}},
		{"徐州市沛县公安局", []string{"徐州市沛县公安局"}},
		{"担任县委书记，代理县长，所需经费县财政局承担", []string{"县财政局"}},
		// A text with its county's relative units reads a wrapped name.
		{"县民政局林爱\n嵩县红十字会李朋恺县公安局", []string{"县民政局", "县红十字会", "县公安局"}},
		// 乡镇 and 镇乡 are the towns in general; 退回 is no place.
		{"由区交通局负责，各镇乡街道配合，各乡镇街道配合，各乡镇财政所", []string{"区交通局"}},
		{"退回区科委修改后再议，发回区规划局修改", []string{"区科委", "区规划局"}},
		// A zone the table knows owns the bureau after it; its 区 is no
		// district's (区建设局), and a zone's own name no place (新区, 景区).
		{"由经开区建设局牵头，经开区财政局配合", []string{"经开区建设局", "经开区财政局"}},
		{"经开区招商合作局做好企业对接", []string{"经开区招商合作局"}},
		{"由赣州经开区建设局牵头", []string{"赣州经开区建设局"}},
		{"章江新区第二小学、经开区教育科技体育局参与", []string{"章江新区第二小学", "经开区教育科技体育局"}},
		{"由新区财政局负责", []string{"区财政局"}},
		// A leading group's office is named for its task, often long.
		{"由市螺蛳粉产业发展领导小组办公室会同市工业和信息化局修改", []string{"市螺蛳粉产业发展领导小组办公室", "市工业和信息化局"}},
		{"请县疫情防控工作领导小组办公室牵头", []string{"县疫情防控工作领导小组办公室"}},
		{"成立市乡村振兴工作领导小组办公室", []string{"市乡村振兴工作领导小组办公室"}},
		{"要加强市乡两级协调", nil},
		// The Production and Construction Corps names its bureaus as a place does.
		{"由新疆生产建设兵团教育局指导做好培训", []string{"新疆生产建设兵团教育局"}},
		{"兵团财政局、自治区财政厅负责", []string{"兵团财政局", "自治区财政厅"}},
		// After 要求 a unit the table lacks leads when a lead's verb follows.
		{"会议要求江南农村商业银行牵头做好项目融资服务", []string{"江南农村商业银行"}},
		{"会议要求江南农村商业银行做好项目融资服务", nil},
		{"要求各部门负责", nil},
		{"会议要求城投集团负责项目融资", []string{"城投集团"}},
		// 区 ending a zone is no district's (开发|区管理委员会), and setting a
		// unit up is no part of its name.
		{"同意设立东莞松山湖高新技术产业开发区管理委员会科技创新局，为管委会工作部门", nil},
		{"一、请贵厅支持我区设立台胞就业服务中心。", nil},
		// Units listed a line each are not one zone's name.
		{"章江新区第二小学\n章江新区管委会", []string{"章江新区第二小学", "章江新区管委会"}},
		{"城关镇中心小学\n滨海工业区管委会", []string{"城关镇中心小学", "滨海工业区管委会"}},
		{"由滨海工\n业区管委会负责", []string{"滨海工业区管委会"}},
		// A company opening a clause and told what to do; not one merely named.
		{"会议明确，日照港集团有限公司负责港区道路改造工程", []string{"日照港集团有限公司"}},
		{"区农业农村委要会同各镇加快建设；上海光明生猪有限公司要做好产能恢复", []string{"区农业农村委", "上海光明生猪有限公司"}},
		{"国网宜昌供电公司的办电时间进一步压缩", nil},
		{"支持光明生猪有限公司扩大产能", nil},
		// An autonomous prefecture's and county's own units; a town's
		// law-enforcement team.
		{"由自治州民族宗教事务委员会负责", []string{"自治州民族宗教事务委员会"}},
		{"自治县财政局、自治县教育局配合", []string{"自治县财政局", "自治县教育局"}},
		{"责成镇综合执法队开展违建专项整治", []string{"镇综合执法队"}},
		{"请镇综合行政执法队负责", []string{"镇综合行政执法队"}},
		// A place wrapped before its 自治州 leaves the unit without it (the
		// extractor reads the wrapped run whole).
		{"红河哈尼族彝族\n自治州住房和城乡建设局", []string{"住房和城乡建设局"}},
		// An institutional reform's verbs are no place: 组建|汕尾市自然资源局.
		{"一、组建汕尾市自然资源局，不再保留市国土资源局。", []string{"汕尾市自然资源局", "市国土资源局"}},
	}
	for _, tc := range tests {
		var got []string
		for _, m := range tb.Find(tc.text) {
			got = append(got, m.Name)
			if span := strings.Join(strings.Fields(tc.text[m.Start:m.End]), ""); span != m.Name {
				t.Errorf("Find(%q): mention %q spans %q", tc.text, m.Name, tc.text[m.Start:m.End])
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Find(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestSeedObserverRuns splits the 列席 runs of the sample minutes with
// Lengths, the way the extractor does, and checks every unit and name
// against the expected parse.
func TestSeedObserverRuns(t *testing.T) {
	tb := newTable(t)
	spec := sharedDir(t, "spec")
	raw, err := os.ReadFile(filepath.Join(spec, "suzhou-2020-3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var expected struct {
		Observers []struct{ Name, Department string } `json:"observers"`
	}
	b, err := os.ReadFile(filepath.Join(spec, "seed-expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &expected); err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	start := strings.Index(text, "列席：")
	end := strings.Index(text, "记录：")
	if start < 0 || end < start {
		t.Fatal("no 列席 … 记录 block in the sample")
	}
	run := strings.ReplaceAll(text[start+len("列席："):end], "*", "")

	type obs struct{ Name, Department string }
	var got []obs
	for s := run; ; {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		var o obs
		if ls := tb.Lengths(s); len(ls) > 0 {
			o.Department = strings.Join(strings.Fields(s[:ls[0]]), "")
			s = strings.TrimLeftFunc(s[ls[0]:], unicode.IsSpace)
		}
		// The name runs to whitespace or to the next unit; Chinese names
		// have at least two characters ("周平苏州海关" is 周平 + 苏州海关).
		i, runes := 0, 0
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || runes >= 2 && len(tb.Lengths(s[i:])) > 0 {
				break
			}
			i += size
			runes++
		}
		o.Name, s = s[:i], s[i:]
		got = append(got, o)
	}
	var want []obs
	for _, o := range expected.Observers {
		want = append(want, obs(o))
	}
	if !slices.Equal(got, want) {
		for i := range max(len(got), len(want)) {
			var g, w obs
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("observer %d: got %+v, want %+v", i, g, w)
			}
		}
	}
}

var update = flag.Bool("update", false, "rewrite testdata/corpus-mentions.golden from the corpus")

// TestCorpusMentions runs Find over every corpus document: no document may
// fail, every mention must resolve, the hand-checked departments below must
// be found in their documents and the ordinary words must not; the complete
// list is kept as a golden file (regenerate with -update, then review the
// diff).
func TestCorpusMentions(t *testing.T) {
	tb := newTable(t)
	corpus := sharedDir(t, "corpus")
	files, err := filepath.Glob(filepath.Join(corpus, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus documents under %s: %v", corpus, err)
	}
	found := map[string][]string{} // file → mentions
	var golden strings.Builder
	for _, f := range files {
		rel, _ := filepath.Rel(corpus, f)
		rel = filepath.ToSlash(rel)
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range tb.Find(string(b)) {
			c, ok := tb.Resolve(m.Name, "")
			if !ok {
				t.Errorf("%s: Find gave %q, which Resolve rejects", rel, m.Name)
			}
			found[rel] = append(found[rel], m.Name)
			fmt.Fprintf(&golden, "%s\t%s\t%s\n", rel, m.Name, c)
		}
	}
	must := map[string][]string{
		"news/tongjiang_42.txt":                       {"县法院", "县检察院", "县工商联", "县监察局", "县法制办", "县政府办公室", "县编办"},
		"news/xingxian_2024-04.txt":                   {"县经济技术开发区"},
		"minutes/panzhihua_dongqu_11-106.txt":         {"区应急管理局", "兴东集团"},
		"official/hegang_hezhengfa_2025_4.txt":        {"鹤岗市中级人民法院"},
		"official/huadu_huafubangui_2018_1.txt":       {"广州市花都区人民政府办公室", "区农林局"},
		"official/gov_02.txt":                         {"国务院办公厅"},
		"official/zhaoqing_zhaofuban_2008_62.txt":     {"肇庆市人民政府办公室"},
		"minutes/lixia_19-42_tuwenhuifang.txt":        {"区发改局"},
		"official/beijing_jingzhengbanfa_2016_26.txt": {"北京市人民政府办公厅"},
	}
	for file, names := range must {
		for _, n := range names {
			if !slices.Contains(found[file], n) {
				t.Errorf("%s: %q not found; found %q", file, n, found[file])
			}
		}
	}
	for file, ms := range found {
		for _, m := range ms {
			for _, bad := range []string{"国务院", "市政府", "县政府", "区政府", "市委", "县委", "有关部门", "各部门", "会议"} {
				if m == bad {
					t.Errorf("%s: %q is not a department", file, m)
				}
			}
		}
	}
	path := filepath.Join("testdata", "corpus-mentions.golden")
	if *update {
		if err := os.WriteFile(path, []byte(golden.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != golden.String() {
		t.Errorf("mentions differ from %s; rerun with -update and review the diff", path)
	}
}

// TestResolveIdempotent: a canonical name resolves to itself, so callers may
// resolve twice and department pages accept the canonical name.
func TestResolveIdempotent(t *testing.T) {
	tb := newTable(t)
	for _, issuer := range []string{"苏州市人民政府", "珠海市斗门区人民政府", "国务院办公厅", ""} {
		for _, n := range []string{"市应急局", "区卫健局", "市委宣传部", "宣传部", "人行苏州中支", "团市委", "市编办",
			"苏州工业园区", "县民族宗教事务局", "市政府", "市委", "政府办", "财政部", "市卫健委", "苏州海关", "张家港市"} {
			c, ok := tb.Resolve(n, issuer)
			if !ok {
				t.Errorf("Resolve(%q, %q) failed", n, issuer)
				continue
			}
			if c2, ok := tb.Resolve(c, issuer); !ok || c2 != c {
				t.Errorf("Resolve(%q, %q) = %q, but that resolves to %q, %v", n, issuer, c, c2, ok)
			}
		}
	}
}

func TestWords(t *testing.T) {
	tb := newTable(t)
	w := tb.Words()
	for _, want := range []string{"卫健委", "卫生健康委", "发展改革委", "安监局", "市场监管局"} {
		if !slices.Contains(w, want) {
			t.Errorf("Words() lacks %q", want)
		}
	}
	for _, x := range w {
		if strings.Contains(x, "…") || utf8.RuneCountInString(x) < 2 {
			t.Errorf("Words() holds %q", x)
		}
	}
}

func TestPlausiblePlace(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"周至县", true}, {"新乡县", true}, {"四会市", true}, {"兴县", true}, {"苏州市", true},
		{"阿鲁科尔沁旗", true}, {"石林彝族自治县", true}, {"历下区", true},
		{"加快县", false}, {"全县", false}, {"兴市", false}, {"市区", false}, {"各县", false},
		{"授权市", false}, {"县城", false}, {"城市", false}, {"新县", true},
		{"常务副县", false},
	} {
		if got := PlausiblePlace(tc.in); got != tc.want {
			t.Errorf("PlausiblePlace(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestFilterForms: a filter by a name with its place keeps the place in
// every form it selects; one by a name without a place selects them all.
func TestFilterForms(t *testing.T) {
	tb := newTable(t)
	tests := map[string][]string{
		"湘阴县财政局":    {"湘阴县财政局"},
		"苏州市应急管理局":  {"苏州市应急管理局", "苏州市应急局"},
		"市财政局":      {"市财政局", "财政局"},
		"财政局":       {"财政局", "市财政局", "区财政局", "县财政局"},
		"苏州海关":      {"苏州海关"},
		"武汉市江夏区财政局": {"武汉市江夏区财政局", "江夏区财政局"},
		// A place without its level: each level's unit.
		"苏州应急局": {"苏州应急局", "苏州市应急局", "苏州市应急管理局", "苏州县应急局", "苏州县应急管理局", "苏州区应急局", "苏州区应急管理局"},
		"胡岚":    nil,
		"株洲市":   {"株洲市", "株洲市人民政府", "株洲市政府"}, // a place is also its government
		"数字政府":  nil,                         // no 数字市政府
		// An ordinary word ending in a level is no place's government.
		"园林城市": {"园林城市"},
		"晋城市":  {"晋城市", "晋城市人民政府", "晋城市政府"},
		// …judged by its last place, not the chain's last characters.
		"四川省成都市": {"四川省成都市", "四川省成都市人民政府", "四川省成都市政府", "成都市人民政府", "成都市政府"},
	}
	for name, want := range tests {
		got := tb.FilterForms(name)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("FilterForms(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestCarried: a list that writes its place once (市发改委、工信局) gives the
// later units that place; a unit with a place of its own, or with none to
// take, stays as written.
func TestCarried(t *testing.T) {
	tb := newTable(t)
	cases := []struct {
		prev, name, want string
		ok               bool
	}{
		{"市发改委", "工信局", "市工信局", true},
		{"市工信局", "海洋与渔业局", "市海洋与渔业局", true},
		{"县政府办公室", "计委", "县计委", true},
		{"自治区党委组织部", "教育厅", "自治区教育厅", true},
		{"市委组织部", "宣传部", "市委宣传部", true},
		{"宁德市发改委", "财政局", "宁德市财政局", true},
		{"市发改委", "县财政局", "县财政局", false},
		{"国家发改委", "财政部", "财政部", false},
		{"发改委", "财政局", "财政局", false},
		{"宁德市", "财政局", "财政局", false},
	}
	for _, c := range cases {
		if got, ok := tb.Carried(c.prev, c.name); got != c.want || ok != c.ok {
			t.Errorf("Carried(%q, %q) = %q, %v, want %q, %v", c.prev, c.name, got, ok, c.want, c.ok)
		}
	}
}

// TestResolveWritten: a body outside the mainland's system keeps its name
// (Macau's 卫生局 is no former 卫生健康委员会, Taiwan's 交通局 no
// 交通运输局); the place is still placed as Resolve places it.
func TestResolveWritten(t *testing.T) {
	tb := newTable(t)
	tests := []struct{ name, issuer, want string }{
		{"卫生局", "", "卫生局"},
		{"交通局", "高雄市政府", "高雄市交通局"},
		{"市交通局", "高雄市政府", "高雄市交通局"},
		{"社会局", "台北市政府", "台北市社会局"},
		{"海关", "", "海关"},
	}
	for _, tt := range tests {
		if got, ok := tb.ResolveWritten(tt.name, tt.issuer); !ok || got != tt.want {
			t.Errorf("ResolveWritten(%q, %q) = %q, %v; want %q", tt.name, tt.issuer, got, ok, tt.want)
		}
	}
	// Resolve itself still maps to the mainland entry.
	if got, _ := tb.Resolve("卫生局", ""); got != "卫生健康委员会" {
		t.Errorf("Resolve(卫生局) = %q", got)
	}
}

// TestFilterFormsNation: a unit named without a place (卫健委, 发改委,
// 统计局) selects the nation's unit of that kind as well, the entry named
// 国家 + its name, as every place's; a city's (市卫健委) or a placed one
// does not, and a kind with no 国家 entry (应急局: the nation's is 应急管理部)
// selects the places' only. Forms, which documents are indexed under, never
// adds the nation's.
func TestFilterFormsNation(t *testing.T) {
	tb := newTable(t)
	tests := []struct {
		name   string
		nation string // a form of the nation's unit the filter must select, "" for none
	}{
		{"卫健委", "国家卫生健康委"},
		{"卫生健康委", "国家卫健委"},
		{"卫生健康委员会", "国家卫生健康委员会"},
		{"发改委", "国家发展改革委"},
		{"发展改革委", "国家发展和改革委员会"},
		{"统计局", "国家统计局"},
		{"医保局", "国家医保局"},
		{"应急局", ""},
		{"财政局", ""},
		{"市卫健委", ""},
		{"县发改委", ""},
		{"苏州市卫健委", ""},
		{"国家卫健委", "国家卫生健康委员会"}, // the nation's own name selects it, as before
	}
	for _, tc := range tests {
		var nation []string
		for _, f := range tb.FilterForms(tc.name) {
			if strings.HasPrefix(f, "国家") {
				nation = append(nation, f)
			}
		}
		if tc.nation == "" && len(nation) > 0 || tc.nation != "" && !slices.Contains(nation, tc.nation) {
			t.Errorf("FilterForms(%q): the nation's forms %q, want %q", tc.name, nation, tc.nation)
		}
		if tc.nation != "" && !strings.HasPrefix(tc.name, "国家") {
			if f := slices.IndexFunc(tb.Forms(tc.name), func(f string) bool { return strings.HasPrefix(f, "国家") }); f >= 0 {
				t.Errorf("Forms(%q) holds the nation's %q: a document naming it would be the nation's", tc.name, tb.Forms(tc.name)[f])
			}
		}
	}
}

// TestGeneric: a name without a place of its own is generic; a placed, a
// national or a central unit and a place are not.
func TestGeneric(t *testing.T) {
	tb := newTable(t)
	tests := []struct {
		name string
		want bool
	}{
		{"财政局", true},
		{"县财政局", true},
		{"市卫生健康委员会", true},
		{"人民法院", true},
		{"县委办公室", true},
		{"民族宗教事务局", true}, // outside the table, by its suffix
		{"湘阴县财政局", false},
		{"岳阳市湘阴县应急管理局", false},
		{"国家发展和改革委员会", false},
		{"国务院办公厅", false},
		{"苏州海关", false},
		{"人行苏州中支", false},
		{"湘阴县", false},
		{"会议", false},
	}
	for _, tc := range tests {
		if got := tb.Generic(tc.name); got != tc.want {
			t.Errorf("Generic(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
