package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestParseListRuns splits unit+name runs without separators, including
// names the table's place rules would swallow (于倩建区… reads as a place)
// and names whose surname the list lacks, in a long run.
func TestParseListRuns(t *testing.T) {
	st := &state{p: parser(t)}
	tests := []struct {
		run  string
		want string // unit/name pairs, space-separated
	}{
		{"区总工会于倩建区文广旅局臧娟昀", "区总工会/于倩建 区文广旅局/臧娟昀"},
		{"区生态环境分局于谦静区人民防空办公室玉勤士", "区生态环境分局/于谦静 区人民防空办公室/玉勤士"},
		{"市发改委凌鸣市财政局周平", "市发改委/凌鸣 市财政局/周平"},
		{"县妇联都楠县消防救援支队黄茗煜县医保中心王羽岳县地方志办孙耀曦县行政审批局王生",
			"县妇联/都楠 县消防救援支队/黄茗煜 县医保中心/王羽岳 县地方志办/孙耀曦 县行政审批局/王生"},
	}
	for _, tc := range tests {
		var got []string
		present, _ := st.parseList([]string{tc.run})
		for _, p := range present {
			got = append(got, p.Department+"/"+p.Name)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("parseList(%q) = %q, want %q", tc.run, g, tc.want)
		}
	}
}

// TestParseListLayouts covers list layouts of minutes: units wrapped across
// a line break, function-word surnames after a unit on both sides of the
// conjunction reading, brackets, titles standing apart, units alone.
func TestParseListLayouts(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string // department/name/title triples, space-separated
		depts []string
	}{
		{"place wrapped in a minority name",
			[]string{"市财政局孙伟　石林彝族", "自治县人民政府张立伟　市审计局刘芳"},
			"市财政局/孙伟/ 石林彝族自治县人民政府/张立伟/ 市审计局/刘芳/", nil},
		{"level wrapped from its unit",
			[]string{"市财政局孙伟　省", "发改委马红军"}, "市财政局/孙伟/ 省发改委/马红军/", nil},
		{"level wrapped after a run",
			[]string{"市财政局孙伟省", "发改委马红军"}, "市财政局/孙伟/ 省发改委/马红军/", nil},
		{"a compound-surname name ends its line",
			[]string{"陈贵 端木宪宁", "区经济开发区管理委员会吉曦烨"}, "/陈贵/ /端木宪宁/ 区经济开发区管理委员会/吉曦烨/", nil},
		{"a committee wrapped before 会 is no post",
			[]string{"县委政法委王璋昀 县人民政府国有资产监督管理委员", "会阚雁思"},
			"县委政法委/王璋昀/ 县人民政府国有资产监督管理委员会/阚雁思/", nil},
		{"zone wrapped before 区",
			[]string{"市商务局王强　临港经济技术开发", "区管委会刘海涛"}, "市商务局/王强/ 临港经济技术开发区管委会/刘海涛/", nil},
		{"a name ends its line",
			[]string{"朱江 李国锋", "市纪委监委邹洪凯"}, "/朱江/ /李国锋/ 市纪委监委/邹洪凯/", nil},
		{"surname 和 after a unit", []string{"市发改委和平、市财政局公明"}, "市发改委/和平/ 市财政局/公明/", nil},
		{"surname 区 in a run", []string{"区住建局区明区财政局和晓东"}, "区住建局/区明/ 区财政局/和晓东/", nil},
		{"surname 和 after a line break", []string{"区自然资源局", "和晓东"}, "区自然资源局/和晓东/", nil},
		{"和 joining two units", []string{"区教育局和区卫健局负责同志、区审计局林涛"}, "区审计局/林涛/",
			[]string{"区教育局", "区卫健局", "区审计局"}},
		{"units side by side", []string{"区卫健局 区自然资源局"}, "", []string{"区卫健局", "区自然资源局"}},
		{"title in brackets", []string{"陈志强（副县长）、黄丽（副县长）"}, "/陈志强/副县长 /黄丽/副县长", nil},
		{"unit in brackets after a name", []string{"马涛，吴敏（区政府办），郑强（区住建局）"}, "/马涛/ 区政府办/吴敏/ 区住建局/郑强/", nil},
		{"people of a unit in brackets", []string{"区商务局（和建国、温静）、区城管局（区志强）"},
			"区商务局/和建国/ 区商务局/温静/ 区城管局/区志强/", nil},
		{"leave in brackets", []string{"林国栋、罗志远（请假）、黄德辉（出差）"}, "/林国栋/ /黄德辉/", nil},
		{"names on leave in a bracket after another", []string{"林国栋、罗志远、黄德辉（罗志远请假）"}, "/林国栋/ /黄德辉/", nil},
		{"a bracket of names on leave", []string{"林国栋、罗志远、黄德辉、潘强（罗志远、潘强同志因公请假）"}, "/林国栋/ /黄德辉/", nil},
		{"titles after names", []string{"许文斌 副市长　　唐建华 市政府副秘书长"}, "/许文斌/副市长 /唐建华/市政府副秘书长", nil},
		{"titles before names", []string{"副区长 彭涛", "副区长 易红梅", "区发改局局长 龙飞"},
			"/彭涛/副区长 /易红梅/副区长 /龙飞/区发改局局长", nil},
		{"one unit a line", []string{"县发改局", "县财政局"}, "", []string{"县发改局", "县财政局"}},
		{"a national bank's branch a line", []string{"市公安局", "中国工商银行市分行"},
			"", []string{"市公安局", "中国工商银行市分行"}},
		{"one company a line", []string{"市公安局", "中国电信市分公司", "中国移动市分公司"},
			"", []string{"市公安局", "中国电信市分公司", "中国移动市分公司"}},
		{"one unit a line, where the table reads the two as one", []string{"人民银行市中心支行", "市通信发展管理办公室", "市移动公司"},
			"", []string{"人民银行市中心支行", "市通信发展管理办公室", "市移动公司"}},
		{"units wrapped inside their names", []string{"县住房和城乡建设局、县交", "通运输局、市公安局", "交通警察支队、市自然资源和规", "划局"},
			"", []string{"县住房和城乡建设局", "县交通运输局", "市公安局交通警察支队", "市自然资源和规划局"}},
		{"table rows with a unit the table lacks", []string{"市市场监管局 白雪梅", "国网宁远供电公司 蒋明"},
			"市市场监管局/白雪梅/ 国网宁远供电公司/蒋明/", []string{"国网宁远供电公司"}},
		{"two names are no row", []string{"王强 李丽"}, "/王强/ /李丽/", nil},
		{"rows of unit, post and name", []string{"市发改委　　副主任　　王强", "市财政局　　局长　　赵刚"},
			"市发改委/王强/副主任 市财政局/赵刚/局长", nil},
		{"names with posts after them, two a line", []string{"张志华　市长　　李明　副市长", "王芳　副市长"},
			"/张志华/市长 /李明/副市长 /王芳/副市长", nil},
		{"a unit and its people after a colon", []string{"市发改委：王强、李丽（副主任）", "市财政局：局长赵刚"},
			"市发改委/王强/ 市发改委/李丽/副主任 市财政局/赵刚/局长", nil},
		// 长孙 is a rare surname, posts in 长 are common: a unit's post
		// (局长, 处长) before 孙 keeps its 长, also wrapped at a line end.
		{"a post wrapped before 孙 keeps its 长", []string{"县委统战部廖占固、县城管综合执法局长", "孙瑞卓、县卫健局马弘刚"},
			"县委统战部/廖占固/ 县城管综合执法局/孙瑞卓/局长 县卫健局/马弘刚/", nil},
		{"a unit's post in 长 before 孙", []string{"市城建局局长孙玉杰，市财政局处长孙立，市计委主任于文清"},
			"/孙玉杰/市城建局局长 /孙立/市财政局处长 /于文清/市计委主任", nil},
		{"a unit and 长孙 with no post", []string{"市城建局长孙玉杰"}, "市城建局/孙玉杰/局长", nil},
		{"a run of units with a post in 长", []string{"县统计局王烨县林业局长孙喜帆县地方志办刘卉铎县行政审批局赵薇"},
			"县统计局/王烨/ 县林业局/孙喜帆/局长 县地方志办/刘卉铎/ 县行政审批局/赵薇/", nil},
		{"长孙 after a list mark", []string{"市城建局王明、长孙玉杰"}, "市城建局/王明/ 市城建局/长孙玉杰/", nil},
		{"a post shared after a colon", []string{"市政府副秘书长：张三丰、李四海"}, "/张三丰/市政府副秘书长 /李四海/市政府副秘书长", nil},
		{"function-word surnames in a long run", []string{"市发改委和平市财政局公明市住建局区明"},
			"市发改委/和平/ 市财政局/公明/ 市住建局/区明/", nil},
		{"区 a surname before a district unit", []string{"区发改局和平区住建局区明区财政局区志强"},
			"区发改局/和平/ 区住建局/区明/ 区财政局/区志强/", nil},
		{"surname 和 before a name a place rule would swallow", []string{"市卫生健康委和娜昊市人力资源和社会保障局党雷之"},
			"市卫生健康委/和娜昊/ 市人力资源和社会保障局/党雷之/", nil},
		{"和 joining units before a person", []string{"市发改委和市财政局王强"}, "市财政局/王强/", []string{"市发改委", "市财政局"}},
		{"及 joining units with a role", []string{"市民政局及市财政局负责同志"}, "", []string{"市民政局", "市财政局"}},
		{"a table's header row names its columns", []string{"单位\t姓名\t职务", "市交通运输局\t张建军\t局长", "市财政局\t刘晓燕\t副局长"},
			"市交通运输局/张建军/局长 市财政局/刘晓燕/副局长", nil},
		{"a row of units over a row of their people", []string{"市发改委　市财政局　市住建局", "陈志伟　　黄永春　　林晓峰"},
			"市发改委/陈志伟/ 市财政局/黄永春/ 市住建局/林晓峰/", nil},
		{"a group label over units and names", []string{"县直单位：县政府办杨帆、县发改局周立平"}, "县政府办/杨帆/ 县发改局/周立平/", nil},
		{"a group label over names", []string{"县领导：刘小兵、吴新华"}, "/刘小兵/ /吴新华/", nil},
		{"a street's office is a unit, no group", []string{"城关街道：张建国、李丽"}, "城关街道/张建国/ 城关街道/李丽/", nil},
		{"a unit's role after 的", []string{"市政府办公室、大亚湾开发区管委会的负责同志"}, "", []string{"市政府办公室", "大亚湾开发区管委会"}},
		{"a post shared by the names after it", []string{"副市长 王翔、李四"}, "/王翔/副市长 /李四/副市长", nil},
		{"posts shared up to the next post", []string{"市长 张三，副市长 李四、王五，市政府秘书长 赵六"},
			"/张三/市长 /李四/副市长 /王五/副市长 /赵六/市政府秘书长", nil},
		{"a post shared across spaces", []string{"副县长　刘通　邹映涛　　县长助理　何平"}, "/刘通/副县长 /邹映涛/副县长 /何平/县长助理", nil},
		{"a post joined to its name shared", []string{"副区长彭涛、魏敏，区长助理陈红"}, "/彭涛/副区长 /魏敏/副区长 /陈红/区长助理", nil},
		{"each unit keeps its own people", []string{"市发改委 张三、市财政局 李四"}, "市发改委/张三/ 市财政局/李四/", nil},
		{"a unit shared by a run the list sets apart", []string{"县政府办李明、马丽，县委督查室马强"},
			"县政府办/李明/ 县政府办/马丽/ 县委督查室/马强/", nil},
		{"a unit not shared over the joiner of the list", []string{"县政府办李明、马丽、县委督查室马强"},
			"县政府办/李明/ /马丽/ 县委督查室/马强/", nil},
		{"a run ends at a comma where 、 joins names", []string{"副市长李四、王五，赵六"}, "/李四/副市长 /王五/副市长 /赵六/", nil},
		{"a unit's post after a unit and post", []string{"区发改局局长张涛、副局长李娜，区财政局 王芳"},
			"/张涛/区发改局局长 区发改局/李娜/副局长 区财政局/王芳/", nil},
		{"a post with a unit of its own takes none from the unit before", []string{"镇农业农村办　黄杰，新店村党支部书记　郑华，村委会主任　张三"},
			"镇农业农村办/黄杰/ /郑华/新店村党支部书记 /张三/村委会主任", nil},
		{"a post joined to its name with a unit of its own", []string{"镇财政所林涛，新店村党支部书记郑华"},
			"镇财政所/林涛/ /郑华/新店村党支部书记", nil},
		{"a long unit's post after the name", []string{"王　群　市政府副市长", "刘　洋　市政务服务和大数据管理局局长"},
			"/王群/市政府副市长 /刘洋/市政务服务和大数据管理局局长", nil},
		{"a long unit's post before the names", []string{"市政务服务和大数据管理局局长刘洋、副局长王强"},
			"/刘洋/市政务服务和大数据管理局局长 市政务服务和大数据管理局/王强/副局长", nil},
		{"a government's post shares no unit", []string{"市发改委 张建华、副市长 李志强"}, "市发改委/张建华/ /李志强/副市长", nil},
		{"posts of several offices before a name, then a post shared", []string{"县委常委、副县长 李建新，副县长 王强、赵丽"},
			"/李建新/县委常委、副县长 /王强/副县长 /赵丽/副县长", nil},
		{"a unit's post standing apart after a unit and post", []string{"县发改局局长 王强、县财政局局长 李丽、副局长 赵敏"},
			"/王强/县发改局局长 /李丽/县财政局局长 县财政局/赵敏/副局长", nil},
		{"units with their people after colons, separated by semicolons", []string{"县发改局：王强、李丽；县财政局：赵敏"},
			"县发改局/王强/ 县发改局/李丽/ 县财政局/赵敏/", nil},
		{"a post in brackets after a name is its own", []string{"张建国（市长）、李明（副市长）、王刚"},
			"/张建国/市长 /李明/副市长 /王刚/", nil},
		{"a post ending a line opens the name wrapped onto the next", []string{"区财政局局长孙丽　区住建局局长", "周伟　区自然资源分局局长吴鹏"},
			"/孙丽/区财政局局长 /周伟/区住建局局长 /吴鹏/区自然资源分局局长", nil},
		{"names over their posts in columns keep them", []string{"韩正　国务院副总理", "王勇　国务委员"},
			"/韩正/国务院副总理 /王勇/国务委员", nil},
		{"a post's qualifier in brackets before the name", []string{"县发改局局长王涛，县财政局副局长（主持工作）陈华"},
			"/王涛/县发改局局长 /陈华/县财政局副局长", nil},
		{"a unit in brackets after a name is its own", []string{"赵强（区发改局）、孙丽、周伟（区住建局）"},
			"区发改局/赵强/ /孙丽/ 区住建局/周伟/", nil},
		{"a post one person holds is not shared", []string{"市长 张建国、李明，市政府秘书长 周强、王刚"},
			"/张建国/市长 /李明/ /周强/市政府秘书长 /王刚/", nil},
		{"a group label over people with their own posts", []string{"县领导：县长 王建，副县长 李明、赵刚"},
			"/王建/县长 /李明/副县长 /赵刚/副县长", nil},
		{"Tibetan names between Han names", []string{"张建军　普布次仁　次仁卓嘎　李明"}, "/张建军/ /普布次仁/ /次仁卓嘎/ /李明/", nil},
		{"Tibetan names joined by 、", []string{"扎西、多吉、才让、王刚"}, "/扎西/ /多吉/ /才让/ /王刚/", nil},
		{"units and Tibetan names", []string{"区财政局格桑曲珍　区医保局王志刚　区卫健局扎西"},
			"区财政局/格桑曲珍/ 区医保局/王志刚/ 区卫健局/扎西/", nil},
		{"a unit the table lacks before a Tibetan name", []string{"蔡公堂乡索朗平措"}, "蔡公堂乡/索朗平措/", nil},
		{"offices of a street or zone, no place before them", []string{"党政办公室张　倩，城市管理办公室韩国栋，财政所刘　梅，规划国土局赵　辉，招商局陈　雷，九龙办事处王天乐"},
			"党政办公室/张倩/ 城市管理办公室/韩国栋/ 财政所/刘梅/ 规划国土局/赵辉/ 招商局/陈雷/ 九龙办事处/王天乐/", nil},
		// Such an office must end like one, not like a place or a cut 中心.
		{"a place wrapped before its name is no office", []string{"阳朔县袁和翠 龙胜", "各族自治县田帆美"},
			"阳朔县/袁和翠/ 龙胜各族自治县/田帆美/", nil},
		{"a unit cut inside its name is no office", []string{"杭州海关贾凤元 人行杭州中支夏", "崇爽 杭州金融监管分局胡勇荷"},
			"杭州海关/贾凤元/ 人行杭州中支/夏崇爽/ 杭州金融监管分局/胡勇荷/", nil},
		{"a deputy's post of several words before a two-character name", []string{"县长王萍，常务副县长刘洪，副县长胡世忠", "常务副市长张伟、常务副区长李强、执行副县长赵刚"},
			"/王萍/县长 /刘洪/常务副县长 /胡世忠/副县长 /张伟/常务副市长 /李强/常务副区长 /赵刚/执行副县长", nil},
		{"the group after 等 ends the last name", []string{"王萍、刘洪、胡世忠等市政府领导"}, "/王萍/ /刘洪/ /胡世忠/", nil},
		{"a count after 等 ends the last name", []string{"王萍、刘洪、胡世忠等3人"}, "/王萍/ /刘洪/ /胡世忠/", nil},
		{"同志 between a name and its post in brackets", []string{"刘廷国同志（市政府秘书长）、王明新同志（市政府副秘书长）、市建设局局长杜景山同志"},
			"/刘廷国/市政府秘书长 /王明新/市政府副秘书长 /杜景山/市建设局局长", nil},
		{"names before any post share none", []string{"张三、李四、副市长王五"}, "/张三/ /李四/ /王五/副市长", nil},
		// A table flattened one cell a line: a post belongs to the name
		// before it, a unit opens a row, the header goes.
		{"a flattened table with its header", []string{"", "姓名", "职务", "杨志强", "市长", "王成林", "副市长"},
			"/杨志强/市长 /王成林/副市长", nil},
		{"a flattened table of units and names", []string{"", "单位", "姓名", "市计委", "赵文斌", "市经贸委", "孙建军"},
			"市计委/赵文斌/ 市经贸委/孙建军/", []string{"市计委", "市经贸委"}},
		{"a flattened table without a header", []string{"", "区政府办", "王开明", "副主任", "区住房城乡建设局", "刘春花", "局长"},
			"区政府办/王开明/副主任 区住房城乡建设局/刘春花/局长", nil},
		{"a flattened table whose header puts the post first", []string{"序号", "职务", "姓名", "1", "市长", "杨志强", "2", "副市长", "王成林"},
			"/杨志强/市长 /王成林/副市长", nil},
		// Not a table: posts before names one a line, or fewer posts than names.
		{"posts before names one a line", []string{"副市长", "李明", "副县长", "王五"}, "/李明/副市长 /王五/副县长", nil},
		{"one post among names one a line is no table", []string{"张三", "李四", "副市长", "王五"}, "/张三/ /李四/ /王五/副市长", nil},
		{"a table drawn with bars", []string{"| 单位 | 姓名 | 职务 |", "|---|---|---|", "| 区政府办 | 王开明 | 副主任 |", "| 区住房城乡建设局 | 刘春花 | 局长 |"},
			"区政府办/王开明/副主任 区住房城乡建设局/刘春花/局长", nil},
		{"bars the cleaner cut outside", []string{"单位 | 姓名 | 职务", "区政府办 | 王开明 | 副主任"}, "区政府办/王开明/副主任", nil},
		{"a company named by its own word", []string{"市国税局赵志强、瑞贝卡公司郑有全、市水务集团陆海平"},
			"市国税局/赵志强/ 瑞贝卡公司/郑有全/ 市水务集团/陆海平/", nil},
		{"a post before a transcribed name", []string{"地区财政局李　刚，地区人民医院院长阿依古丽·库尔班，县政府办主任方志刚"},
			"地区财政局/李刚/ 地区人民医院/阿依古丽·库尔班/院长 /方志刚/县政府办主任", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := &state{p: parser(t)}
			present, _ := st.parseList(tc.lines)
			if g := peopleString(present); g != tc.want {
				t.Errorf("parseList(%q) = %q, want %q", tc.lines, g, tc.want)
			}
			for _, d := range tc.depts {
				if !slices.Contains(st.depts, d) {
					t.Errorf("departments %q lack %s", st.depts, d)
				}
			}
		})
	}
}

// TestEnterprise: a company named by a word of its own is a unit before a
// name; a generic one is not.
func TestEnterprise(t *testing.T) {
	st := &state{p: parser(t)}
	for u, want := range map[string]bool{"瑞贝卡公司": true, "双汇集团": true, "有限公司": false, "本公司": false, "该公司": false, "相关公司": false, "公司": false} {
		if got := st.enterprise(u); got != want {
			t.Errorf("enterprise(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestParseListOwnPosts: a post a list gives a name is that list's: the
// same names in a later list of the document carry none.
func TestParseListOwnPosts(t *testing.T) {
	st := &state{p: parser(t)}
	st.parseList([]string{"副市长 李明、王刚"})
	present, _ := st.parseList([]string{"李明、王刚"})
	for _, p := range present {
		if p.Title != "" {
			t.Errorf("%s has the post %q of another list", p.Name, p.Title)
		}
	}
}
