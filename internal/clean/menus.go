package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Navigation menus written one link per line (a captured page's sidebar or
// footer: 首页 / 政务公开 / 政策文件 / 互动交流 / 办事服务 / 联系我们) are found
// by their shape: a run of short plain lines, most of them made of the
// words sites name their sections with. A document's own short lines (a
// list of attendees or units, signature lines, a table column one cell a
// line) use other words, and its numbered headings and labelled fields
// (抄送：…) end a run. Only the mask reads these rules; the parser's text
// stays as it was.
const (
	menuMaxRunes = 12 // a longer line is no menu item
	// A menu has at least menuMinItems items before the body's first
	// sentence or after its last, menuMidItems between sentences, where a
	// document's own lists (a table column of projects: 政务服务平台建设,
	// 网上办事大厅升级) are.
	menuMinItems = 4
	menuMidItems = 8
	// At least menuShareNum/menuShareDen of a menu's short lines are items;
	// the rest (a place's own name: 走进苏州's neighbour 吴中) ride along.
	menuShareNum, menuShareDen = 2, 3
	// A line of items side by side (政务公开 | 政策文件 | 互动交流) needs
	// this many.
	menuLineItems = 3
	// menuRowMaxBytes bounds a line of items or furniture; longer lines
	// are not read as one.
	menuRowMaxBytes = 300
	// proseMinRunes: a line this long with sentence punctuation is the
	// body's (会议还研究了其他事项。).
	proseMinRunes = 10
)

// menuWords are the words sites name their sections and links with. A menu
// item is mostly made of them (政务+公开, 联系+我们, 走进+苏州). Words a
// document's own short lines use (会议, 工作, 政府, 部门, 财政, 信访, 关于)
// are left out however often menus use them.
var menuWords = buildMenuWords(
	"首页", "网站", "政务", "公开", "信息", "新闻", "中心", "动态", "要闻", "资讯", "头条",
	"图片", "视频", "专题", "专栏", "政策", "文件", "法规", "解读", "互动", "交流", "办事",
	"服务", "在线", "访谈", "留言", "信箱", "咨询", "投诉", "征集", "调查", "民意", "联系",
	"我们", "地图", "导航", "走进", "概况", "简介", "领导", "之窗", "机构", "职能",
	"数据", "公告", "通告", "公示", "下载", "查询", "指南", "热点", "回应", "平台", "网上",
	"大厅", "便民", "热线", "无障碍", "繁体", "简体", "手机", "微信", "微博", "客户端",
	"魅力", "人文", "旅游", "投资", "招商", "年报", "目录", "依申请", "主动", "栏目", "图解",
	"直播", "问答", "智能", "搜索", "登录", "注册", "个人", "法人", "订阅", "媒体", "聚焦",
	"基层", "视窗", "掠影", "特色", "风采", "一览", "纠错", "声明", "帮助", "链接", "友情",
	"相关", "阅读", "推荐", "更多", "返回", "收藏", "分享", "打印", "关闭", "版", "APP", "English",
	"RSS", "Home", "政民", "营商",
)

// buildMenuWords indexes words by their first rune for longest-match
// cover.
func buildMenuWords(words ...string) map[rune][]string {
	m := map[rune][]string{}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}

// Page furniture of e-papers and PDF viewers, a line of its own: 第A03版：要闻,
// A03版：要闻, 第1版(), Page 133.
var (
	paperPage   = regexp.MustCompile(`^(第\s*[A-Za-z]?\d{1,3}\s*版|[A-Za-z]\d{1,3}\s*版)\s*([(（][^()（）]{0,8}[)）])?\s*([:：]\s*)?\p{Han}{0,8}$`)
	viewerPage  = regexp.MustCompile(`^(?i:page)\s*\d{1,4}(\s*(/|of)\s*\d{1,4})?$`)
	menuNumbers = regexp.MustCompile(`^([(（]?[一二三四五六七八九十\d]{1,3}[)）.、．]|第[一二三四五六七八九十百零〇\d]+[章节条款部分])`)
)

// furnitureWords are the controls of an e-paper or a document viewer; a
// line of nothing else (上一版 下一版, 放大 缩小, 返回目录) is chrome, as a
// line of navWords is.
var furnitureWords = map[string]bool{
	"上一版": true, "下一版": true, "上一期": true, "下一期": true, "上一页": true, "下一页": true,
	"尾页": true, "版面导航": true, "标题导航": true, "本版导航": true, "版面概览": true,
	"本版标题": true, "返回目录": true, "返回本版": true, "往期回顾": true, "往期查询": true,
	"放大": true, "缩小": true, "还原": true, "全屏": true, "PDF下载": true, "PDF版": true,
	"查看PDF": true, "下载PDF": true, "上一条": true, "下一条": true,
}

// isFurnitureLine reports a line of e-paper or viewer furniture.
func isFurnitureLine(line string) bool {
	if line == "" || len(line) > menuRowMaxBytes {
		return false
	}
	if strings.Contains(line, "版") && paperPage.MatchString(line) ||
		(line[0] == 'P' || line[0] == 'p') && viewerPage.MatchString(line) {
		return true
	}
	n, all := eachItem(line, func(w string) bool {
		w = strings.Trim(w, "【】[]")
		return furnitureWords[w] || navWords[w]
	})
	return n > 0 && all
}

// eachItem calls fn on each item of a line of links (see isItemSep) until
// it returns false, and reports how many it saw and whether all passed.
func eachItem(line string, fn func(string) bool) (int, bool) {
	n := 0
	for rest := line; rest != ""; {
		i := strings.IndexFunc(rest, func(r rune) bool { return !isItemSep(r) })
		if i < 0 {
			break
		}
		rest = rest[i:]
		j := strings.IndexFunc(rest, isItemSep)
		if j < 0 {
			j = len(rest)
		}
		n++
		if !fn(rest[:j]) {
			return n, false
		}
		rest = rest[j:]
	}
	return n, true
}

// isItemSep separates the items of a line of links.
func isItemSep(r rune) bool {
	return r == ' ' || r == '|' || r == '｜' || r == '/' || r == '·' || r == '•'
}

// menuLine is how a line reads in a run: an item of a menu, a short plain
// line that may sit in one, or a line that ends a run.
type menuLine int

const (
	menuBreak menuLine = iota
	menuProse          // a sentence: ends a run, and bounds the body
	menuBlank
	menuPlain
	menuItem
)

// classifyMenuLine reads a line (normLine's str: folded and trimmed).
func classifyMenuLine(s string) menuLine {
	s = strings.TrimSpace(strings.TrimLeft(s, "•·*-+>|｜ "))
	s = strings.TrimSpace(strings.Trim(s, "【】[]"))
	if s == "" {
		return menuBlank
	}
	// A long line (most of a text) is only asked whether it is a sentence,
	// without counting its runes.
	long := len(s) > 4*menuMaxRunes
	n := menuMaxRunes + 1
	if !long {
		n = utf8.RuneCountInString(s)
	}
	if n >= proseMinRunes && hasSentencePunct(s) {
		return menuProse
	}
	if n > menuMaxRunes || hasSentencePunct(s) || strings.ContainsAny(s, ":：、") || isNumbered(s) {
		return menuBreak
	}
	if _, all := eachItem(s, isMenuItem); !all {
		return menuPlain
	}
	return menuItem
}

// isNumbered reports a line opened by a heading's or list's number
// (menuNumbers), the regexp run only where one may begin.
func isNumbered(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("(（第一二三四五六七八九十0123456789", r) && menuNumbers.MatchString(s)
}

// hasSentencePunct is strings.ContainsAny(s, sentencePunct), a search a
// mark: several times faster on a long line.
func hasSentencePunct(s string) bool {
	for _, p := range []string{"，", "。", "；", "！", "？"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// isMenuItem reports a word mostly made of menuWords, and no unit's name
// (市信息中心 may be; 市大数据局 is not).
func isMenuItem(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	last, _ := utf8.DecodeLastRuneInString(w)
	if strings.ContainsRune("局委厅院所站队处科室部办", last) && !strings.HasSuffix(w, "大厅") ||
		strings.ContainsRune("省市州县区镇乡", first) && strings.HasSuffix(w, "中心") {
		return false
	}
	covered, total, _ := menuCover(w)
	return covered > 0 && 2*covered >= total
}

// menuCover counts the letters and digits of w, those menuWords cover
// (longest first) and the menuWords found.
func menuCover(w string) (covered, total, words int) {
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		best := 0
		for _, m := range menuWords[r] {
			if len(m) > best && strings.HasPrefix(w[i:], m) {
				best = len(m)
			}
		}
		if best > 0 {
			n := utf8.RuneCountInString(w[i : i+best])
			covered += n
			total += n
			words++
			i += best
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			total++
		}
		i += size
	}
	return covered, total, words
}

// isMenuRow reports a line of menu items side by side: 政务公开 | 政策文件 |
// 互动交流 | 办事服务. Its length does not matter; each item is short.
func isMenuRow(s string) bool {
	if len(s) > menuRowMaxBytes || strings.ContainsAny(s, sentencePunct+":：、") {
		return false
	}
	singles, all := eachItem(s, func(w string) bool { return utf8.RuneCountInString(w) == 1 })
	if all && singles >= 8 {
		// 首 页 政 务 公 开 网 上 办 事: the items spaced out a character
		// at a time, as a spaced title is (会 议 纪 要).
		covered, total, n := menuCover(strings.Map(func(r rune) rune {
			if isItemSep(r) {
				return -1
			}
			return r
		}, s))
		return n >= menuLineItems && 3*covered >= 2*total
	}
	n, all := eachItem(s, func(w string) bool {
		w = strings.Trim(w, "【】[]")
		return utf8.RuneCountInString(w) <= 8 && isMenuItem(w)
	})
	return all && n >= menuLineItems
}

// menuRuns marks the lines of every run that is a navigation menu: enough
// items among its short plain lines (blank lines do not end it; see
// menuMinItems), and most of those lines items; a line other rules found
// chrome counts as what it reads as (首页 an item, a line of markup none).
// The run is marked from its first item to its last, so a short line of
// the document next to a menu stays.
func menuRuns(kinds []menuLine) []bool {
	out := make([]bool, len(kinds))
	firstProse, lastProse := len(kinds), -1
	for i, k := range kinds {
		if k == menuProse {
			firstProse, lastProse = min(firstProse, i), i
		}
	}
	first, last, items, plain := -1, -1, 0, 0
	plainAfterLast := 0
	flush := func() {
		plain -= plainAfterLast
		need := menuMinItems
		if first > firstProse && last < lastProse {
			need = menuMidItems
		}
		if items >= need && items*menuShareDen >= (items+plain)*menuShareNum {
			for k := first; k <= last; k++ {
				out[k] = kinds[k] != menuBlank
			}
		}
		first, last, items, plain, plainAfterLast = -1, -1, 0, 0, 0
	}
	for i, kind := range kinds {
		if kind == menuBlank {
			continue
		}
		switch kind {
		case menuBreak, menuProse:
			flush()
		case menuItem:
			if first < 0 {
				first = i
			}
			last = i
			items++
			plainAfterLast = 0
		case menuPlain:
			if first >= 0 { // plain lines before the first item are not counted
				plain++
				plainAfterLast++
			}
		}
	}
	flush()
	return out
}
