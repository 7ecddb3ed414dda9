package clean

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// newCleaner builds one Cleaner per test binary; New is what every caller
// does once, and loading it per test would only slow the suite.
var newCleaner = sync.OnceValues(New)

func cleaner(t testing.TB) *Cleaner {
	t.Helper()
	c, err := newCleaner()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func TestSimplify(t *testing.T) {
	c := cleaner(t)
	tests := []struct{ in, want string }{
		{"會議", "会议"},
		{"韓云", "韩云"},
		{"區", "区"},
		{"屆", "届"},
		{"務", "务"},
		{"〔2020〕3號", "〔2020〕3号"},
		{"鐵嶺縣政府常務會議", "铁岭县政府常务会议"},
		// Variants opencc leaves: Hong Kong's 衞, old and OCR'd texts' 淸, 値.
		{"衞生署與食物及衞生局", "卫生署与食物及卫生局"},
		{"淸理欠薪，値班", "清理欠薪，值班"},
		{"already simplified 会议纪要", "already simplified 会议纪要"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := c.Simplify(tt.in); got != tt.want {
			t.Errorf("Simplify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	c := cleaner(t)
	tests := []struct {
		name, in, want string
	}{
		// Script.
		{"traditional document", "張家川縣十五屆人民政府第27次常務會議召開", "张家川县十五届人民政府第27次常务会议召开"},
		{"a variant alone makes a text traditional", "市衞生健康委", "市卫生健康委"},
		{"simplified document keeps a name's traditional character",
			"市政府研究室毛文元 市委办王颺 市财政局吴炜 市人社局朱正 市应急局刘军 市国资委盛红明",
			"市政府研究室毛文元 市委办王颺 市财政局吴炜 市人社局朱正 市应急局刘军 市国资委盛红明"},
		// Mixed script: a mostly simplified text with a few traditional
		// words converts them and keeps traditional name characters.
		{"mixed: traditional words in simplified text",
			"市政府召开常务会议，研究推进全市工業经济高质量发展工作。会议听取了市发展改革委关于今年以来经济运行情况的汇报，审议了关于支持制造业发展的若干政策措施，部署了下一阶段重点工作任务。會議指出，要坚定不移推动高質量发展。",
			"市政府召开常务会议，研究推进全市工业经济高质量发展工作。会议听取了市发展改革委关于今年以来经济运行情况的汇报，审议了关于支持制造业发展的若干政策措施，部署了下一阶段重点工作任务。会议指出，要坚定不移推动高质量发展。"},
		{"mixed: a name keeps its character while a word beside it converts",
			"市委办王颺、市财政局吴炜参加會議，会议研究了全市重点项目建设、城市更新改造和营商环境优化等事项，要求各部门加强协调配合，抓好贯彻落实。会议强调，各地各部门要进一步提高政治站位，压实工作责任，确保各项任务按期完成。会议还研究了其他事项，听取了有关部门关于近期重点工作推进情况的汇报。",
			"市委办王颺、市财政局吴炜参加会议，会议研究了全市重点项目建设、城市更新改造和营商环境优化等事项，要求各部门加强协调配合，抓好贯彻落实。会议强调，各地各部门要进一步提高政治站位，压实工作责任，确保各项任务按期完成。会议还研究了其他事项，听取了有关部门关于近期重点工作推进情况的汇报。"},
		{"mixed: a two-character given name keeps its traditional character",
			"副市长陈志颺出席会议并讲话，会议研究部署了全市安全生产、防汛防台、城市运行保障和民生实事项目推进等工作，并对下一步工作作出安排。",
			"副市长陈志颺出席会议并讲话，会议研究部署了全市安全生产、防汛防台、城市运行保障和民生实事项目推进等工作，并对下一步工作作出安排。"},
		{"mixed: a short report keeps the name and converts the words",
			"副县长王颺出席會議，研究工業园区建设。",
			"副县长王颺出席会议，研究工业园区建设。"},
		{"mixed: characters a simplified text writes only in names stay",
			"出席：於明、王乾、甯静、傅强\n会议由於明主持，研究了全市重点项目建设、城市更新改造和营商环境优化等事项，要求各部门加强协调配合。",
			"出席：於明、王乾、甯静、傅强\n会议由於明主持，研究了全市重点项目建设、城市更新改造和营商环境优化等事项，要求各部门加强协调配合。"},
		{"mixed: 於 in a word converts",
			"关於加强全市重点项目建设、城市更新改造和营商环境优化等工作的通知，要求各部门加强协调配合，抓好贯彻落实。",
			"关于加强全市重点项目建设、城市更新改造和营商环境优化等工作的通知，要求各部门加强协调配合，抓好贯彻落实。"},
		{"traditional document converts names too", "縣長韓云主持召開縣政府常務會議", "县长韩云主持召开县政府常务会议"},
		{"mixed: a spaced name list wrapped inside a name",
			"出席：李亚平 王翔 杨知评 王\n颺 周伟\n會議研究了有关事项。",
			"出席：李亚平 王翔 杨知评 王\n颺 周伟\n会议研究了有关事项。"},
		{"mixed: a word after a surname-like character converts (高質量, 本屆)",
			"推动经济高質量发展，本屆政府任期内报送市发展改革委。",
			"推动经济高质量发展，本届政府任期内报送市发展改革委。"},
		{"traditional text with a few simplified characters converts whole",
			"縣長李偉主持召開縣政府常務會議，研究了县里有關事項。",
			"县长李伟主持召开县政府常务会议，研究了县里有关事项。"},
		// Pinyin annotations.
		{"pinyin with tone marks", "會(huì)議(yì)召開(kāi)", "会议召开"},
		{"pinyin in full-width parens", "區（qū）政府", "区政府"},
		{"pinyin with tone numbers", "會(hui4)議", "会议"},
		{"toneless pinyin", "縣長(zhang)主持", "县长主持"},
		{"pinyin after a word", "會議(huìyì)紀要", "会议纪要"},
		{"Latin abbreviation is not pinyin", "政府和社会资本合作(PPP)项目", "政府和社会资本合作(PPP)项目"},
		{"item label is not pinyin", "附件(a)说明", "附件(a)说明"},
		{"English word is not pinyin", "数据(data)共享", "数据(data)共享"},
		{"heteronym reading", "縣長(cháng)主持", "县长主持"},
		{"spaced syllables", "會議(huì yì)紀要", "会议纪要"},
		// Clutter lines.
		{"breadcrumb with >", "首页 > 新闻中心 > 政务要闻\n标题", "标题"},
		{"breadcrumb words", "首页 新闻中心 政务要闻\n标题", "标题"},
		{"current position", "当前位置：首页 > 县政府会议\n标题", "标题"},
		{"one-line text opening with a breadcrumb keeps its body",
			"您的位置：首页 > 政务公开 > 会议纪要 6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。",
			"6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。"},
		{"location field is text", "位置：市政府三楼会议室", "位置：市政府三楼会议室"},
		{"your current position", "您的当前位置:首页正文\n标题", "标题"},
		{"your position", "您的位置: 首页 » 法律资料网 »\n标题", "标题"},
		{"visit counter line", "标题\n点击数:人次\n正文", "标题\n正文"},
		{"visit counter fragment keeps metadata",
			"发布日期:2023-06-21 10:51 信息来源:卫滨区人民政府办公室 访问量:7368",
			"发布日期：2023-06-21 10:51 信息来源：卫滨区人民政府办公室"},
		{"font size and print", "發布日期:2021-10-21 10:11 來源: 運城市鹽湖區人民政府 【字體:大 中 小】 打印本頁",
			"发布日期：2021-10-21 10:11 来源：运城市盐湖区人民政府"},
		{"spaced font size", "时间:2024-04-25 19:35       大    中    小      来源: 兴县新闻网",
			"时间：2024-04-25 19:35 来源：兴县新闻网"},
		{"font size in brackets", "来源：市政府办公室 字号：[ 大 中 小 ]", "来源：市政府办公室"},
		{"font size label alone", "字号:\n大 中 小\n正文", "正文"},
		{"大中小学 is text", "推进大中小学思政课一体化建设", "推进大中小学思政课一体化建设"},
		{"scan", "正文\n扫一扫在手机打开当前页", "正文"},
		{"share", "• 分享到\n正文", "正文"},
		{"close window", "正文\n【打印本页】【关闭窗口】", "正文"},
		{"icp footer", "正文\n备案号:粤ICP备05026010号", "正文"},
		{"public security footer", "正文\n京公网安备 11010502000001号", "正文"},
		{"copyright and sponsor", "正文\n版权所有:斗门区人民政府 主办单位:珠海市斗门区人民政府办公室", "正文"},
		{"sponsor alone at the foot", "正文\n主办单位：某市人民政府办公室", "正文"},
		{"sponsor in a short body is text", "关于举办招商推介会的通知\n主办单位：市商务局\n时间：5月1日\n地点：市会展中心\n特此通知。\n市商务局",
			"关于举办招商推介会的通知\n主办单位：市商务局\n时间：5月1日\n地点：市会展中心\n特此通知。\n市商务局"},
		{"nav words", "网站无障碍 适老版\n正文", "正文"},
		{"related", "正文\n相关文章", "正文"},
		{"previous and next", "正文\n上一篇：关于召开会议的通知\n下一篇：无", "正文"},
		{"qr code", "正文\n扫描二维码分享本页", "正文"},
		{"site badges", "正文\n网站地图 | 联系我们 | 网站声明\n党政机关 政府网站找错", "正文"},
		{"empty field keeps its space", "来源:    时间:2022年03月15日", "来源： 时间：2022年03月15日"},
		{"injected html", "<p id=\"a\"><td id=\"a\"></td></p>\n  1. <dl id=\"a\"></dl>\n正文", "正文"},
		{"angle brackets in a title stay", "《<裕安区招商引资优惠政策若干规定>修订意见》", "《<裕安区招商引资优惠政策若干规定>修订意见》"},
		// Page-break debris.
		{"question marks", "正文一\n??\n正文二", "正文一\n正文二"},
		{"bar", "|\n正文", "正文"},
		{"page number", "正文一\n- 3 -\n正文二", "正文一\n正文二"},
		{"OCR page number", "正文一\n                一 3 一\n正文二", "正文一\n正文二"},
		{"full-width page number", "正文一\n－3－\n正文二", "正文一\n正文二"},
		{"一 in prose stays", "正文一\n一是加强领导\n正文二", "正文一\n一是加强领导\n正文二"},
		{"page of pages", "正文一\n第 2 页 共 5 页\n正文二", "正文一\n正文二"},
		// Duplicates.
		{"duplicated paragraph", "会议原则同意《苏州市献血条例修正案（草案）》。\n\n会议原则同意《苏州市献血条例修正案（草案）》。\n完",
			"会议原则同意《苏州市献血条例修正案（草案）》。\n\n完"},
		{"repeated title kept", "印发广东省地方志书审查验收办法（试行）的通知\n正文\n印发广东省地方志书审查验收办法（试行）的通知",
			"印发广东省地方志书审查验收办法（试行）的通知\n正文\n印发广东省地方志书审查验收办法（试行）的通知"},
		{"repeated field kept", "会议地点：市政府第一会议室三楼东侧\n甲\n会议地点：市政府第一会议室三楼东侧",
			"会议地点：市政府第一会议室三楼东侧\n甲\n会议地点：市政府第一会议室三楼东侧"},
		{"short repeated line kept", "特此通知。\n附件\n特此通知。", "特此通知。\n附件\n特此通知。"},
		{"a task's lead line repeated under the next task kept",
			"一、推进草原保护\n牵头单位：市农牧局；配合单位：市财政局、市林草局\n二、推进饲草料基地建设\n牵头单位：市农牧局；配合单位：市财政局、市林草局",
			"一、推进草原保护\n牵头单位：市农牧局；配合单位：市财政局、市林草局\n二、推进饲草料基地建设\n牵头单位：市农牧局；配合单位：市财政局、市林草局"},
		{"a decision repeated for a second regulation kept",
			"一、审议《甲办法》\n会议原则同意该办法，由市司法局按程序印发实施。\n二、审议《乙办法》\n会议原则同意该办法，由市司法局按程序印发实施。",
			"一、审议《甲办法》\n会议原则同意该办法，由市司法局按程序印发实施。\n二、审议《乙办法》\n会议原则同意该办法，由市司法局按程序印发实施。"},
		{"a body copied as a block dropped",
			"标题\n会议原则同意《苏州市献血条例修正案（草案）》。\n会议要求市卫健委做好宣传工作，营造良好氛围。\n附件\n会议原则同意《苏州市献血条例修正案（草案）》。\n\n会议要求市卫健委做好宣传工作，营造良好氛围。\n完",
			"标题\n会议原则同意《苏州市献血条例修正案（草案）》。\n会议要求市卫健委做好宣传工作，营造良好氛围。\n附件\n\n完"},
		// Markdown.
		{"headings", "# 苏州市人民政府\n\n## 二、审议", "苏州市人民政府\n\n二、审议"},
		{"bold", "**出席：**李亚平 王翔  ", "出席：李亚平 王翔"},
		{"heading with bold", "#### **四、听取汇报**", "四、听取汇报"},
		{"rule", "〔2020〕3号\n\n---\n\n正文", "〔2020〕3号\n\n正文"},
		{"link", "详见[通知全文](http://example.gov.cn/a.html)。", "详见通知全文。"},
		{"bullet", "- 发布日期:2021-07-19", "发布日期：2021-07-19"},
		// Spaces.
		{"full-width space in a name", "组　长：韩　正　　国务院副总理", "组 长：韩 正 国务院副总理"},
		{"a space after a bracket separates list entries", "出　席：谭建华　贺东明（常务副县长）　易红（副县长）",
			"出 席：谭建华 贺东明（常务副县长） 易红（副县长）"},
		{"a space after a bracket in prose goes", "会议审议了《办法（草案）》 （送审稿） 的修改意见。", "会议审议了《办法（草案）》（送审稿）的修改意见。"},
		{"nbsp and tabs", "出席:\u00a0张三\t\t李四", "出席：张三 李四"},
		{"zero width", "会\u200b议", "会议"},
		{"blank lines collapse", "一\n\n\n\n二", "一\n\n二"},
		{"crlf", "一\r\n二\r\n", "一\n二"},
		// Width.
		{"full-width digits and letters", "２０２３年ＡＢ级１．５万", "2023年AB级1.5万"},
		// Punctuation.
		{"comma between han", "2024年4月18日,县委副书记", "2024年4月18日，县委副书记"},
		{"comma after time", "上午9:30,县委", "上午9:30，县委"},
		{"time stays", "2023年11月20日上午9:30", "2023年11月20日上午9:30"},
		{"thousands separator stays", "投资1,000万元", "投资1,000万元"},
		{"full stop after a sentence", "召开区政府常务会议.会议审议了《办法》.", "召开区政府常务会议。会议审议了《办法》。"},
		{"decimal and list numbers keep their points", "1.安排3.5亿元,一.审议,（二）.研究", "1.安排3.5亿元，一.审议，（二）.研究"},
		{"an address keeps its points", "详见www.gov.cn网站", "详见www.gov.cn网站"},
		{"decimal and date stay", "增长1.5%，2023-11-20", "增长1.5%，2023-11-20"},
		{"semicolon and colon", "会议要求:一是落实;二是推进", "会议要求：一是落实；二是推进"},
		{"url colon stays", "网址:http://www.gov.cn", "网址：http://www.gov.cn"},
		{"parens around han", "《铁岭县妇女发展规划(2021-2030年)》", "《铁岭县妇女发展规划（2021-2030年）》"},
		{"mixed parens", "方案(送审稿）", "方案（送审稿）"},
		{"nested parens", "方案(关于(试行)的说明)", "方案（关于（试行）的说明）"},
		{"html entities", "会议&nbsp;纪要&ldquo;两会&rdquo;&amp;", "会议 纪要“两会”&"},
		{"unknown entity stays", "A&foo;B", "A&foo;B"},
		{"list marker stays", "(二)各地各部门", "(二)各地各部门"},
		{"numbered list stays", "1.支持服务外包", "1.支持服务外包"},
		{"latin parens stay", "合作(PPP)项目", "合作(PPP)项目"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNormalizeKeepsLines checks that clean-up never merges or splits lines
// of plain body text: the extractor depends on the line structure.
func TestNormalizeKeepsLines(t *testing.T) {
	c := cleaner(t)
	in := "出席：李亚平 王翔\n\n列席：张旗 韩卫\n市委编办\n詹利剑 市发改委凌鸣"
	got := c.Normalize(in)
	if strings.Count(got, "\n") != strings.Count(in, "\n") {
		t.Fatalf("line count changed:\n%s", got)
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	c := cleaner(t)
	for _, p := range corpusFiles(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		once := c.Normalize(string(b))
		if twice := c.Normalize(once); twice != once {
			t.Errorf("%s: Normalize is not idempotent", filepath.Base(p))
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	c := cleaner(b)
	data, err := os.ReadFile(filepath.Join(sharedDir(b), "spec", "suzhou-2020-3.txt"))
	if err != nil {
		b.Fatalf("read sample: %v", err)
	}
	text := string(data)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		c.Normalize(text)
	}
}

// TestConcurrent shares one Cleaner between goroutines, as ingest workers
// do; run with -race it proves the methods only read shared state.
func TestConcurrent(t *testing.T) {
	c := cleaner(t)
	in := "張家川縣十五屆人民政府第27次常務會(huì)議召開\n首页 > 新闻中心\n正文,内容"
	want := c.Normalize(in)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if got := c.Normalize(in); got != want {
					t.Errorf("concurrent Normalize = %q, want %q", got, want)
					return
				}
				c.Simplify("會議")
			}
		}()
	}
	wg.Wait()
}

// TestSentenceStops: an ASCII full stop that ends a sentence is a 。; a
// number's point is not.
func TestSentenceStops(t *testing.T) {
	tests := []struct{ in, want string }{
		{"会议同意.由市财政局安排资金.", "会议同意。由市财政局安排资金。"},
		{"审议《条例（修订）》（草案）.会议同意", "审议《条例（修订）》（草案）。会议同意"},
		{"（二）.研究", "（二）.研究"},
		{"一.原则同意《某市停车场管理办法》", "一.原则同意《某市停车场管理办法》"}, // an item's number
		{"十二.请市财政局安排资金", "十二.请市财政局安排资金"},
		{"增长3.5%", "增长3.5%"},
	}
	for _, tc := range tests {
		if got := SentenceStops(tc.in); got != tc.want {
			t.Errorf("SentenceStops(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
