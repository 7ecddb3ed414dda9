package clean

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestChrome(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		masked []string // each blanked whole
		kept   []string // each left as it is
	}{
		{"breadcrumb with a label, counter and the metadata it sits by",
			"当前位置: 首页 > 政府信息公开 > 决策公开 > 政府常务会议\n卫滨区召开第21次常务会议\n发布日期:2023-06-21 10:51 信息来源:卫滨区人民政府办公室 访问量:7368\n\n6月20日下午，区长魏海晓主持召开区政府常务会议。",
			[]string{"当前位置: 首页 > 政府信息公开 > 决策公开 > 政府常务会议", "访问量:7368"},
			[]string{"卫滨区召开第21次常务会议", "发布日期:2023-06-21 10:51 信息来源:卫滨区人民政府办公室", "区长魏海晓主持召开区政府常务会议"}},
		{"breadcrumb of words after 首页, and 您的当前位置",
			"首页 新闻中心 政务要闻\n梁庆民主持召开县政府常务会议\n您的当前位置:首页正文\n您的位置: 首页 » 法律资料网 » 法律法规 »",
			[]string{"首页 新闻中心 政务要闻", "您的当前位置:首页正文", "您的位置: 首页 » 法律资料网 » 法律法规 »"},
			[]string{"梁庆民主持召开县政府常务会议"}},
		{"breadcrumb trail without 首页",
			"学习啦 > 范文 > 行政公文 > 会议纪要 > 安徽省政府会议纪要三篇\n安徽省政府会议纪要三篇",
			[]string{"学习啦 > 范文 > 行政公文 > 会议纪要 > 安徽省政府会议纪要三篇"},
			[]string{"\n安徽省政府会议纪要三篇"}},
		{"font size, print and counters inside a metadata line, full-width spaces",
			"发布日期:2021-10-21 10:11 来源: 运城市盐湖区人民政府 【字体:大 中 小】 打印本页\n 时间:2024-04-25 19:35　　大　　中　　小　　来源: 兴县新闻网\n时间: 2024-03-15 10:38 来源: 苏州市人民政府办公室 访问量:\n第十八届人民政府第65次常务会议\n点击数:人次\n- 浏览次数:\n时间:2024-06-30 来源: 法律资料网 阅读:9999",
			[]string{"【字体:大 中 小】", "打印本页", "大　　中　　小", "访问量:", "点击数:人次", "- 浏览次数:", "阅读:9999"},
			[]string{"发布日期:2021-10-21 10:11 来源: 运城市盐湖区人民政府", "时间:2024-04-25 19:35", "来源: 兴县新闻网", "来源: 苏州市人民政府办公室", "第十八届人民政府第65次常务会议", "来源: 法律资料网"}},
		{"controls ending a metadata line",
			"时间: 丽燕945 分享\n时间:2020-04-15 来源:舒兰发布 【打印】 关闭\n来源：县政府办公室 关闭窗口\n作者：关闭",
			[]string{" 分享", " 【打印】 关闭"},
			[]string{"时间: 丽燕945", "时间:2020-04-15 来源:舒兰发布", "来源：县政府办公室", "作者：关闭"}},
		{"controls over two lines, and lines of controls",
			"图文回放:历下区政府召开常务会议\n字号:\n大 中 小\n【打印】【关闭】\n网站无障碍 适老版\n返回顶部\n  • 分享到\n扫码使用手机浏览本页内容\n           扫一扫在手机打开当前页",
			[]string{"字号:", "大 中 小", "【打印】【关闭】", "网站无障碍 适老版", "返回顶部", "  • 分享到", "扫码使用手机浏览本页内容", "扫一扫在手机打开当前页"},
			[]string{"图文回放:历下区政府召开常务会议"}},
		{"metadata and words that only look like chrome",
			"索 引 号：000014349/2019-00006\n发文字号：国办发〔2019〕6号\n责任编辑：王芳\n各地区要依法关闭非法小煤矿，严防死灰复燃。\n网站访问量达到100万人次。\n大中小学校要开足体育课。",
			nil,
			[]string{"发文字号：国办发〔2019〕6号", "责任编辑：王芳", "依法关闭非法小煤矿", "网站访问量达到100万人次", "大中小学校"}},
		{"markup injected into a text file",
			"<legend id=\"h4sia\"></legend><samp id=\"h4sia\"></samp>\n  • <input id=\"h4sia\"><address id=\"h4sia\"></address>\n    1. <blockquote id=\"h4sia\"><rt id=\"h4sia\"></rt></blockquote>\n市政府第30次常务会议纪要<wbr id=\"h4sia\">\n《<规定>修订意见》&nbsp;已印发。",
			[]string{"<legend id=\"h4sia\"></legend><samp id=\"h4sia\"></samp>", "  • <input id=\"h4sia\"><address id=\"h4sia\"></address>", "    1. <blockquote id=\"h4sia\"><rt id=\"h4sia\"></rt></blockquote>", "<wbr id=\"h4sia\">", "&nbsp;"},
			[]string{"市政府第30次常务会议纪要", "《<规定>修订意见》", "已印发。"}},
		{"footer lines",
			"一、关于专项资金\n承办单位：市财政局\n会议还研究了其他事项。\n主办单位：某市人民政府办公室 网站地图 联系我们\n京ICP备05070218号",
			[]string{"主办单位：某市人民政府办公室 网站地图 联系我们", "京ICP备05070218号"},
			[]string{"会议还研究了其他事项。", "承办单位：市财政局"}},
		{"a page held twice: the second copy of its block",
			"朗读\n县水务局:\n鉴于通济桥水库灌区五条干渠淤积严重,为确保春耕生产农田灌溉,经县政府研究,原则同意县水务局的请示。\n特此批复。\n二OO五年四月二十九日\n\n鉴于通济桥水库灌区五条干渠淤积严重,为确保春耕生产农田灌溉,经县政府研究,原则同意县水务局的请示。\n特此批复。\n二OO五年四月二十九日\n信息来源:县政府办公室",
			[]string{"朗读", "\n\n鉴于通济桥水库灌区五条干渠淤积严重,为确保春耕生产农田灌溉,经县政府研究,原则同意县水务局的请示。\n特此批复。\n二OO五年四月二十九日"},
			[]string{"县水务局:\n鉴于通济桥水库灌区五条干渠淤积严重,为确保春耕生产农田灌溉,经县政府研究,原则同意县水务局的请示。\n特此批复。\n二OO五年四月二十九日\n", "信息来源:县政府办公室"}},
		{"a whole text on one line opening with its breadcrumb loses only the trail",
			"当前位置: 首页 > 决策公开 > 政府常务会议 卫滨区召开第21次常务会议 6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。6月20日下午，区长魏海晓主持召开区政府常务会议，研究部署安全生产、防汛备汛和优化营商环境等工作。主办单位：卫滨区人民政府办公室 承办单位：区大数据中心。",
			[]string{"当前位置: 首页 > 决策公开 > 政府常务会议"},
			[]string{" 卫滨区召开第21次常务会议 6月20日下午，区长魏海晓主持召开区政府常务会议", "主办单位"}},
		{"lines a document repeats on its own are its own",
			"一、审议《A条例》\n会议原则同意，由市司法局会同有关部门修改完善后，按程序报批。\n二、审议《B办法》\n会议原则同意，由市司法局会同有关部门修改完善后，按程序报批。\n牵头单位：市发展改革委\n配合单位：市财政局\n牵头单位：市发展改革委\n配合单位：市财政局",
			nil,
			[]string{"二、审议《B办法》\n会议原则同意，由市司法局会同有关部门修改完善后，按程序报批。\n牵头单位：市发展改革委\n配合单位：市财政局\n牵头单位：市发展改革委\n配合单位：市财政局"}},
		{"a menu one link a line before the body, and a footer menu after it",
			"首页\n政务公开\n政策文件\n\n互动交流\n办事服务\n走进苏州\n吴中\n联系我们\n网站地图\n苏州市政府召开第30次常务会议\n3月5日，市长主持召开市政府常务会议，研究防汛工作。\n会议强调，要压实责任。\n信息公开指南\n信息公开目录\n信息公开年报\n依申请公开\n政府信息公开制度",
			[]string{"首页\n政务公开\n政策文件\n\n互动交流\n办事服务\n走进苏州\n吴中\n联系我们\n网站地图", "信息公开指南\n信息公开目录\n信息公开年报\n依申请公开\n政府信息公开制度"},
			[]string{"苏州市政府召开第30次常务会议\n3月5日"}},
		{"a menu row, and a news site's sections",
			"政务公开 | 政策文件 | 互动交流 | 办事服务\n要闻\n本地新闻\n国内新闻\n图片新闻\n视频新闻\n专题专栏\n县政府召开常务会议\n会议研究了春耕生产工作，要求各乡镇抓好落实。",
			[]string{"政务公开 | 政策文件 | 互动交流 | 办事服务", "要闻\n本地新闻\n国内新闻\n图片新闻\n视频新闻\n专题专栏"},
			[]string{"县政府召开常务会议"}},
		{"a menu row spaced a character at a time, and a spaced title",
			"首     页 政 务 公 开 网 上 办 事 互 动 交 流 走 进 鹤 城\n关 于 推 进 政 务 公 开 工 作 的 通 知\n会 议 纪 要",
			[]string{"首     页 政 务 公 开 网 上 办 事 互 动 交 流 走 进 鹤 城"},
			[]string{"关 于 推 进 政 务 公 开 工 作 的 通 知\n会 议 纪 要"}},
		{"e-paper and viewer furniture",
			"第A03版：要闻\n第3版\n第1版()\n上一版 下一版\n版面导航\n市政府召开常务会议\n会议研究了春耕生产工作。\n上一篇 下一篇\n放大 缩小\n【返回目录】\nPage 133\nA03版：要闻",
			[]string{"第A03版：要闻", "第3版", "第1版()", "上一版 下一版", "版面导航", "上一篇 下一篇", "放大 缩小", "【返回目录】", "Page 133", "A03版：要闻"},
			[]string{"市政府召开常务会议\n会议研究了春耕生产工作。"}},
		{"an article's headings that name a site's sections, between its paragraphs",
			"政务公开\n\n政策法规\n\n区政府网站设有政策法规栏目，发布各类规范性文件。\n\n互动交流\n\n在线咨询\n\n群众可以通过留言向有关部门咨询问题。\n\n办事服务\n\n网上投诉",
			nil,
			[]string{"政务公开\n\n政策法规\n\n区政府网站", "互动交流\n\n在线咨询\n\n群众", "办事服务\n\n网上投诉"}},
		{"a document's own short lines are no menu",
			"苏州市人民政府\n常务会议纪要\n〔2020〕3号\n会议研究了数字政府建设工作。\n出席：\n王建国\n李明\n张华\n赵强\n列席：\n市发展改革委\n市财政局\n市政务服务管理办公室\n市信息中心\n市大数据中心\n市政务服务中心\n一、关于政务服务\n二、关于数据共享\n会议同意以下项目。\n项目名称\n政务服务平台建设\n数据共享交换平台\n网上办事大厅升级\n12345热线整合\n建设内容\n会议还研究了其他事项。\n苏州市人民政府办公室\n2020年3月5日\n抄送：市委办公室\n目录\n放大镜",
			nil,
			[]string{"苏州市人民政府\n常务会议纪要\n〔2020〕3号", "王建国\n李明\n张华\n赵强", "市发展改革委\n市财政局\n市政务服务管理办公室\n市信息中心\n市大数据中心\n市政务服务中心", "一、关于政务服务\n二、关于数据共享", "项目名称\n政务服务平台建设\n数据共享交换平台\n网上办事大厅升级\n12345热线整合\n建设内容", "苏州市人民政府办公室\n2020年3月5日\n抄送：市委办公室", "目录\n放大镜"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Chrome(tt.text)
			got := Blank(tt.text, spans)
			checkBlanked(t, tt.text, got, spans)
			for _, m := range tt.masked {
				i := strings.Index(tt.text, m)
				if i < 0 {
					t.Fatalf("test case: %q is not in the text", m)
				}
				if want := blankOf(m); got[i:i+len(m)] != want {
					t.Errorf("%q not masked: %q", m, got[i:i+len(m)])
				}
			}
			for _, k := range tt.kept {
				if !strings.Contains(got, k) {
					t.Errorf("%q not kept in %q", k, got)
				}
			}
		})
	}
}

// blankOf is s with every byte but line breaks a space.
func blankOf(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// checkBlanked checks what the index relies on: the blanked text has the
// text's byte length, its line breaks and valid UTF-8, and spans are
// sorted, disjoint and on rune boundaries.
func checkBlanked(t *testing.T, text, got string, spans []Span) {
	t.Helper()
	if len(got) != len(text) || !utf8.ValidString(got) && utf8.ValidString(text) {
		t.Fatalf("blanked text changed its length or encoding")
	}
	if strings.Count(got, "\n") != strings.Count(text, "\n") {
		t.Errorf("line breaks changed")
	}
	for i, s := range spans {
		if s.Start >= s.End || i > 0 && s.Start <= spans[i-1].End {
			t.Errorf("spans not sorted and disjoint: %v", spans)
		}
		if !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
			t.Errorf("span %v cuts a character", s)
		}
	}
}

func TestBlankClips(t *testing.T) {
	if got := Blank("abc\ndef", []Span{{-3, 2}, {5, 99}}); got != "  c\nd  " {
		t.Errorf("Blank = %q", got)
	}
	if got := Blank("abc", nil); got != "abc" {
		t.Errorf("Blank = %q", got)
	}
}

// TestChromeCorpus checks the mask over the development corpus: the
// invariants on every document, and that no chrome word the rules know is
// left in a web capture's masked text while its body reads on.
func TestChromeCorpus(t *testing.T) {
	files := corpusFiles(t)
	c := cleaner(t)
	chromeWords := []string{"当前位置", "您的位置", "访问量", "打印本页", "字体:大", "扫一扫在手机打开当前页", "h4sia"}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := c.Simplify(string(b))
		spans := Chrome(text)
		got := Blank(text, spans)
		checkBlanked(t, text, got, spans)
		for _, w := range chromeWords {
			if strings.Contains(got, w) {
				t.Errorf("%s: %q left unmasked", filepath.Base(f), w)
			}
		}
		masked := 0
		for _, s := range spans {
			masked += s.End - s.Start
		}
		// Chrome is the frame of a page, never most of it.
		if masked*2 > len(text) {
			t.Errorf("%s: %d of %d bytes masked", filepath.Base(f), masked, len(text))
		}
	}
}

// TestChromeLongLineMemory: Chrome runs on every text indexed, so a text
// of one long line (a PDF read without line breaks) must cost it a small
// multiple of its size, not two growing ints a byte.
func TestChromeLongLineMemory(t *testing.T) {
	text := strings.Repeat("会议研究了防汛工作。打印本页 ", 2<<20/43)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	spans := Chrome(text)
	runtime.ReadMemStats(&after)
	if len(spans) == 0 {
		t.Fatal("the line's 打印本页 were not masked")
	}
	limit := 50.0 // 27 measured; the first version took 121
	if raceBuild {
		limit = 100 // 67 measured under the race detector
	}
	if perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(text)); perByte > limit {
		t.Errorf("Chrome allocated %.0f bytes per byte of a %d-byte line", perByte, len(text))
	}
}

// TestChromeInvalidUTF8: a byte that is no UTF-8 is one byte wide in the
// spans (it was taken for three, so a mask could reach past its fragment).
func TestChromeInvalidUTF8(t *testing.T) {
	n := newNormLine("\xff打印本页")
	if len(n.ends) == 0 || n.ends[0] != 1 {
		t.Errorf("the invalid byte maps to raw bytes [%v, %v), want [0, 1)", n.starts[0], n.ends[0])
	}
}

// BenchmarkChrome runs Chrome over the development corpus's texts, as the
// index does on every document it takes.
func BenchmarkChrome(b *testing.B) {
	c := cleaner(b)
	var texts []string
	size := 0
	for _, f := range corpusFiles(b) {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, c.Simplify(string(raw)))
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Chrome(t)
		}
	}
}
