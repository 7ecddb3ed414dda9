package clean

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// footerLines is how many non-blank lines at the end of a document count as
// its footer, where a single weak marker (主办单位, 版权所有) is enough to
// drop a line; elsewhere such words may be body text.
const footerLines = 8

var (
	// htmlTag matches markup injected into text files by spam mirrors. A tag
	// name must start with an ASCII letter, so 《<规定>修订意见》 is untouched.
	htmlTag = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>\n]*)?/?>`)
	// htmlEntity matches character references left in scraped text
	// (&nbsp; &ldquo; &#12288;).
	htmlEntity = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});`)
	// tagLeftover is what a junk line may still hold once its tags are gone.
	tagLeftover = regexp.MustCompile(`^(\d{1,3}[.、]?|[•·*+\-])?$`)

	// Breadcrumbs: 当前位置：…, 您的位置: 首页 » …, 首页 > 新闻中心 > …
	breadcrumbLead = regexp.MustCompile(`^((您|你)(的|现在的)?(当前|所在)?|当前|所在)位置\s*[:：]`)
	breadcrumbPath = regexp.MustCompile(`^(网站)?首页\s*([>»›/→]|-&gt;|&gt;|＞)`)
	// 首页 新闻中心 政务要闻: a line of short words starting at 首页.
	breadcrumbWords = regexp.MustCompile(`^(网站)?首页( [\p{Han}A-Za-z]{1,10}){1,6}$`)

	// Fragments removed from a line that may also carry useful metadata
	// (发布日期：… 来源：… 访问量：7368 【字体：大 中 小】 打印本页).
	fragments = []fragment{
		{[]string{"字体", "字号"}, regexp.MustCompile(`[【\[]?\s*(字体|字号)\s*[:：]?\s*[【\[]?\s*大\s*[\]】]?\s*[【\[]?\s*中\s*[\]】]?\s*[【\[]?\s*小\s*[\]】]?\s*[\]】]?`)},
		{[]string{"中 小", "中] [小", "中】 【小"}, regexp.MustCompile(`(^|\s)[【\[]?大[\]】]? [【\[]?中[\]】]? [【\[]?小[\]】]?(\s|$)`)},
		{[]string{"字体", "字号"}, regexp.MustCompile(`^(字体|字号)\s*[:：]?$`)},
		{[]string{"访问", "浏览", "点击", "阅读"}, regexp.MustCompile(`(访问量|访问次数|浏览量|浏览次数|点击数|点击量|点击次数|阅读量|阅读次数|阅读数)\s*[:：]?\s*\d*\s*(人次|次)?`)},
		{[]string{"浏览", "阅读", "点击"}, regexp.MustCompile(`(浏览|阅读|点击)\s*[:：]\s*\d*\s*(人次|次)?`)},
		{[]string{"打印", "关闭", "返回顶部", "收藏", "保存本页"}, regexp.MustCompile(`[【\[]?(打印本页|打印此页|打印文章|打印正文|关闭窗口|关闭本页|返回顶部|收藏本页|加入收藏|保存本页)[\]】]?`)},
		{[]string{"【", "["}, regexp.MustCompile(`[【\[](打印|关闭|收藏|返回)[\]】]`)},
		{[]string{"分享到"}, regexp.MustCompile(`分享到\s*[:：]?\s*((微信|朋友圈|微博|新浪微博|腾讯微博|QQ空间|QQ|人人网|豆瓣)\s*)*`)},
		{[]string{"点击此处下载"}, regexp.MustCompile(`(下载地址\s*[:：]\s*)?点击此处下载`)},
		{[]string{"扫一扫"}, regexp.MustCompile(`扫一扫在手机(上)?打开当前页`)},
	}

	// pageBreak matches lines that are only page-break debris: ?, |, rules
	// of dashes, "- 3 -", "第3页 共10页".
	pageBreak = []*regexp.Regexp{
		regexp.MustCompile(`^[?？|｜¦\-–—_=~*·•.。…\s]+$`),
		regexp.MustCompile(`^[-–—]\s*\d{1,4}\s*[-–—]$`),
		// OCR reads the dashes of "— 3 —" as 一 or a full-width minus.
		regexp.MustCompile(`^[一－]\s*\d{1,4}\s*[一－]$`),
		regexp.MustCompile(`^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$`),
	}

	// Footer markers: strong ones alone condemn a line, weak ones need a
	// second marker or a place among the last lines.
	footerStrong = []string{"ICP备", "ICP证", "公网安备", "网站标识码", "网站识别码"}
	footerWeak   = []string{"版权所有", "Copyright", "©", "主办单位", "承办单位", "主办：", "承办：",
		"技术支持", "网站地图", "联系我们", "政务邮箱", "不良信息举报", "举报电话", "维护单位",
		"建议使用", "分辨率", "网站声明", "隐私声明", "网站纠错", "我要纠错", "关于我们", "使用帮助",
		"政府网站找错", "党政机关"}

	// navWords are page-chrome words; a line made only of them is dropped.
	navWords = map[string]bool{
		"首页": true, "网站首页": true, "返回首页": true, "设为首页": true, "加入收藏": true,
		"无障碍": true, "网站无障碍": true, "无障碍浏览": true, "适老版": true, "长者版": true,
		"关怀版": true, "老年版": true, "繁体": true, "繁体版": true, "简体": true, "简体版": true,
		"English": true, "登录": true, "注册": true, "个人登录": true, "法人登录": true,
		"搜索": true, "听全文": true, "朗读": true, "智能问答": true, "相关文章": true, "相关链接": true,
		"相关阅读": true, "相关新闻": true, "返回列表": true, "返回顶部": true, "上一篇": true,
		"下一篇": true, "打印": true, "关闭": true, "收藏": true, "分享": true, "我要纠错": true,
		"网站地图": true, "联系我们": true, "RSS": true, "手机版": true, "微信": true, "微博": true,
	}
	prevNext = regexp.MustCompile(`^(上一篇|下一篇|上一条|下一条)\s*[:：]`)

	// Markdown decoration; the text inside stays.
	mdHeading = regexp.MustCompile(`^#{1,6}\s+`)
	mdClosing = regexp.MustCompile(`\s+#+$`)
	mdBold    = regexp.MustCompile(`\*\*([^*\n]+)\*\*|__([^_\n]+)__`)
	mdImage   = regexp.MustCompile(`!\[[^\]\n]*\]\([^)\n]*\)`)
	mdLink    = regexp.MustCompile(`\[([^\]\n]+)\]\((https?://|/|#)[^)\n]*\)`)
	mdQuote   = regexp.MustCompile(`^>\s?`)
	mdBullet  = regexp.MustCompile(`^[-*+•·▪●◆■◇○]\s*`)
)

// fragment is a clutter pattern and the literals one of which must occur
// for it to match, checked first because the regexps are slow on long lines.
type fragment struct {
	triggers []string
	re       *regexp.Regexp
}

func (f fragment) replace(line string) string {
	if f.triggered(line) {
		return f.re.ReplaceAllString(line, " ")
	}
	return line
}

// triggered reports whether a literal the fragment needs is in line.
func (f fragment) triggered(line string) bool {
	for _, t := range f.triggers {
		if strings.Contains(line, t) {
			return true
		}
	}
	return false
}

// stripInvisible removes zero-width characters and stray BOMs, which break
// word matching without showing.
func stripInvisible(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 0, '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			return -1
		}
		return r
	}, s)
}

// stripHTMLTags removes markup lines injected into plain text; a line that
// was nothing but tags (and a list number) disappears entirely.
func stripHTMLTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if !htmlTag.MatchString(l) {
			out = append(out, l)
			continue
		}
		rest := strings.TrimSpace(htmlTag.ReplaceAllString(l, ""))
		if tagLeftover.MatchString(rest) {
			continue
		}
		out = append(out, rest)
	}
	return strings.Join(out, "\n")
}

// unescapeEntities decodes HTML character references; an unknown name is
// left as written.
func unescapeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return htmlEntity.ReplaceAllStringFunc(s, html.UnescapeString)
}

// footerStart returns the index of the first line of the footer zone: the
// last footerLines non-blank lines, but at most a third of a short document,
// whose body must not count as footer.
func footerStart(lines []string) int {
	nonBlank := 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			nonBlank++
		}
	}
	zone := min(footerLines, max(2, nonBlank/3))
	n := 0
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.TrimSpace(lines[i]) == "" {
			continue
		}
		n++
		if n == zone {
			return i
		}
	}
	return 0
}

// cleanLine normalises one line and reports whether it should be kept. An
// empty line is kept as a paragraph break.
func cleanLine(line string, inFooter bool) (string, bool) {
	line = repairOCRDigits(joinSpacedYear(normalizeSpaces(foldWidth(line))))
	if line == "" {
		return "", true
	}
	if isMarkdownRuleOrDebris(line) {
		return "", false
	}
	line = stripMarkdown(line)
	if isClutterLine(line, inFooter) {
		return "", false
	}
	if proseLine(line) {
		line = strings.TrimSpace(line[crumbPrefix(line):])
	}
	before := line
	for _, f := range fragments {
		line = f.replace(line)
	}
	line = normalizeSpaces(line)
	if line != before && !hasContent(line) {
		return "", false
	}
	line = fixPunctuation(line)
	if line == "" {
		return "", false
	}
	return line, true
}

func isMarkdownRuleOrDebris(line string) bool {
	for _, re := range pageBreak {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

func stripMarkdown(line string) string {
	line = mdHeading.ReplaceAllString(line, "")
	if strings.HasSuffix(line, "#") {
		line = mdClosing.ReplaceAllString(line, "")
	}
	line = mdQuote.ReplaceAllString(line, "")
	if strings.ContainsAny(line, "*_") {
		line = mdBold.ReplaceAllString(line, "$1$2")
	}
	if strings.Contains(line, "](") {
		line = mdImage.ReplaceAllString(line, "")
		line = mdLink.ReplaceAllString(line, "$1")
	}
	// A bullet marker before text; "- 3 -" page numbers were dropped earlier.
	if loc := mdBullet.FindStringIndex(line); loc != nil && loc[1] < len(line) {
		next, _ := utf8.DecodeRuneInString(line[loc[1]:])
		if !unicode.IsDigit(next) || strings.HasPrefix(line, "•") {
			line = line[loc[1]:]
		}
	}
	return strings.TrimSpace(line)
}

// proseLine reports a line long enough, and written in sentences, to be a
// paragraph of the document, or its whole text on one line as some captures
// store it: never clutter whole, whatever it opens with or mentions (a
// breadcrumb before the body, 主办单位 in a sentence). Only its breadcrumb
// prefix goes (crumbPrefix).
func proseLine(line string) bool {
	return len(line) > 3*proseLineRunes && strings.Contains(line, "。") &&
		utf8.RuneCountInString(line) > proseLineRunes
}

const proseLineRunes = 150

// crumbPrefix returns the byte length of the breadcrumb trail a line opens
// with (当前位置：首页 > 决策公开 > 常务会议), 0 when it opens with none. The
// last step ends at a space; a longer one (the title running on into the
// body) is left to the document.
func crumbPrefix(line string) int {
	end := 0
	if m := breadcrumbLead.FindStringIndex(line); m != nil {
		end = m[1]
	} else if m := breadcrumbPath.FindStringIndex(line); m != nil {
		end = m[1]
	} else {
		return 0
	}
	for {
		rest := strings.TrimLeft(line[end:], " \t\u3000")
		step := end + len(line[end:]) - len(rest)
		stop := strings.IndexFunc(rest, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\u3000' || strings.ContainsRune(crumbSep+"/→", r) ||
				strings.ContainsRune(sentencePunct, r)
		})
		if stop <= 0 || utf8.RuneCountInString(rest[:stop]) > 20 {
			return end
		}
		after := strings.TrimLeft(rest[stop:], " \t\u3000")
		r, size := utf8.DecodeRuneInString(after)
		switch {
		case strings.ContainsRune(crumbSep+"/→", r):
			end = len(line) - len(after) + size
		case strings.ContainsRune(sentencePunct, r):
			return end // the step is a sentence's
		default:
			return step + stop
		}
	}
}

func isClutterLine(line string, inFooter bool) bool {
	if proseLine(line) {
		return false
	}
	if breadcrumbLead.MatchString(line) || breadcrumbPath.MatchString(line) ||
		breadcrumbWords.MatchString(line) || prevNext.MatchString(line) {
		return true
	}
	short := utf8.RuneCountInString(line) <= 40
	if short && (strings.Contains(line, "扫一扫") || strings.Contains(line, "扫码") ||
		strings.Contains(line, "手机扫描") || strings.Contains(line, "二维码") || strings.HasPrefix(line, "分享到")) {
		return true
	}
	for _, m := range footerStrong {
		if strings.Contains(line, m) {
			return true
		}
	}
	weak := 0
	for _, m := range footerWeak {
		if strings.Contains(line, m) {
			weak++
		}
	}
	if weak >= 2 || (weak == 1 && inFooter && utf8.RuneCountInString(line) <= 60) {
		return true
	}
	words := strings.Fields(line)
	for _, w := range words {
		if !navWords[w] {
			return false
		}
	}
	return len(words) > 0
}

// hasContent reports whether a line still says anything: a letter, digit or
// Han character.
func hasContent(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
