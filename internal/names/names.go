// Package names decides whether a string is a Chinese person's name, and
// splits the title-and-name runs of government documents (常务副县长国宏利).
// Word lists are embedded data files; every function is pure and safe for
// concurrent use.
package names

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	//go:embed surnames.txt
	surnamesTxt string
	//go:embed posts.txt
	postsTxt string
	//go:embed stopwords.txt
	stopwordsTxt string
	//go:embed commonwords.txt
	commonwordsTxt string
)

// Tables built once from the embedded files and only read afterwards.
var (
	singleSurnames, compoundSurnames = loadSurnames()
	posts                            = loadWords(postsTxt)
	stopwords                        = loadWords(stopwordsTxt)
	commonwords                      = loadWords(commonwordsTxt)
)

func loadWords(txt string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(txt, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			m[w] = true
		}
	}
	return m
}

func loadSurnames() (single, compound map[string]bool) {
	single, compound = map[string]bool{}, map[string]bool{}
	for w := range loadWords(surnamesTxt) {
		if utf8.RuneCountInString(w) == 1 {
			single[w] = true
		} else {
			compound[w] = true
		}
	}
	return single, compound
}

// IsSurname reports whether s is a surname, single (李, 王) or compound
// (欧阳, 司马, 上官).
func IsSurname(s string) bool { return singleSurnames[s] || compoundSurnames[s] }

// SurnameLen returns the byte length of the surname s starts with, trying
// compound surnames first, or 0 when s starts with none.
func SurnameLen(s string) int {
	_, n1 := utf8.DecodeRuneInString(s)
	if n1 == 0 {
		return 0
	}
	if _, n2 := utf8.DecodeRuneInString(s[n1:]); n2 > 0 && compoundSurnames[s[:n1+n2]] {
		return n1 + n2
	}
	if singleSurnames[s[:n1]] {
		return n1
	}
	return 0
}

// maskRunes stand for hidden characters in published documents: 李xx,
// 马××, 某某, ???, ＊.
const maskRunes = "xXｘＸ×╳*＊?？□■○〇◯△※…某"

// functionSurnames are single surnames left out of surnames.txt because
// they are also function words or unit characters (和 conjunction, 公 in
// 公安, 区 a level, 向/于 prepositions). Plausible never accepts them; where a
// name must stand (right after a unit in an attendance list: 市发改委和平,
// 区住建局区明) PlausibleListed does.
const functionSurnames = "和公区向于"

// PlausibleListed is PlausibleTitled for a string in a slot that only a name
// can fill, such as after a unit in an attendance list: the surname may
// also be one that is a function word (和平, 区明, 公丽娟, 向明). Two or three
// characters only, since a longer run there is a name and the next unit.
func PlausibleListed(s string) bool {
	if PlausibleTitled(s) {
		return true
	}
	r, size := utf8.DecodeRuneInString(s)
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 3 || !strings.ContainsRune(functionSurnames, r) {
		return false
	}
	// Judge the rest as if it followed an ordinary surname.
	return plausible("王" + s[size:])
}

// Masked reports whether s hides part of a name: xx, XX, ××, 某某, 某, ???,
// ＊ or similar anywhere in it.
func Masked(s string) bool { return strings.ContainsAny(s, maskRunes) }

// notInGivenName are characters that never occur in a given name but end or
// join the words around names: 李翔等, 刘通副县长, 王军的.
const notInGivenName = "的了是在等及与们这那个被把副省市县区局委办厅院处部府乡村组队所站司记员说称率"

// stopSuffixes end a run that is a name followed by a verb or a title
// (李翔强调, 梁庆民指出, 王翔同志), never a name itself.
var stopSuffixes = []string{
	"强调", "指出", "表示", "要求", "主持", "出席", "参加", "讲话", "同志", "认为", "提出", "介绍",
	"汇报", "发言", "一行", "率队", "带队", "调研", "参会", "列席", "主任", "书记", "先生", "女士",
	"负责",
}

// Plausible reports whether s can be a person's name: 2–4 Han characters
// starting with a surname (four only with a compound or double surname), not
// masked, not a common word, title or unit word (副市长, 主任, 会议, 常务,
// 国务院 …). Names of minorities written with a middle dot (买买提·艾力) are
// accepted without a surname check.
func Plausible(s string) bool {
	return plausible(s) && !commonwords[s]
}

// PlausibleTitled is Plausible for a string that a title stands next to
// (市长金华, 金华市长): the title is evidence enough that a word which is
// usually something else (金华 is a city) names a person here. Only the
// generated list of common words is waived; titles, units, masks and the
// hand-made stoplist still reject.
func PlausibleTitled(s string) bool { return plausible(s) || plausibleTranslit(s) }

// translitRunes are the characters Mongolian, Tibetan and Uyghur names are
// written with in Chinese (那仁满都拉, 巴图孟和, 阿拉坦仓, 扎西次仁, 热依汗古丽).
// Such names have no Chinese surname and often four to seven characters.
var translitRunes = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "阿艾安敖奥巴拜宝保贝毕必宾波勃布才仓策查察朝辰成楚达旦道德登迪丁顿多朵额鄂恩尔法甫嘎噶干冈高戈哥格根贡古哈海罕汗浩合和赫呼胡吉加嘉坚江杰金晋卡凯堪克库拉喇来赖兰朗勒雷力里丽利林琳伦鲁罗洛玛买麦满曼毛梅蒙孟米敏谟莫姆木穆那纳娜乃尼年努诺帕潘培普其奇齐钦青琴曲却热仁日荣如萨赛桑色森沙莎尚苏索塔泰坦特提铁图吐托娃瓦万旺威维乌吾希西锡夏仙孜雅亚燕扬央耶叶伊依音英尤玉扎增札则泽珍卓宗措次久顿珠都斯逊衣素" {
		m[r] = true
	}
	return m
}()

// tibetanElements are the two-character elements Tibetan names are written
// with in Chinese. A Tibetan name has no surname: it is one to three of
// them (扎西, 次仁卓嘎, 洛桑江村), often with characters translitRunes lacks
// (才让, 江村).
var tibetanElements = loadWords(`
扎西 次仁 卓嘎 普布 洛桑 罗桑 江村 格桑 曲珍 索朗 索南 平措 德吉 拉毛 才让 才仁 边巴 坚参 坚赞
多吉 多杰 尼玛 达瓦 达娃 央金 措姆 旦增 丹增 顿珠 白玛 次旦 巴桑 拉巴 普琼 卓玛 央宗 罗布 米玛
强巴 益西 贡嘎 仁青 桑珠 群培 阿旺 土登 格勒 泽仁 降央 才旦 更登 嘉措 加措 尖措 晋美 旺堆 拉姆
次珠 欧珠 赤列 朗杰 贡布 桑吉 旦正 更藏 仁增 泽旺 旺姆 德庆 琼达 边珍 次央 巴珠 白珍 扎巴 土旦
尕藏
`)

// mongolianNames are Mongolian given names that stand as whole names, with
// no surname (副旗长其木格): shorter than the four characters translitRunes
// asks of a name. Two of them together are one name too (斯琴高娃). Left out:
// those that open places (乌兰察布, 呼和浩特).
var mongolianNames = loadWords(`
其木格 其其格 宝音 宝音图 达来 青格乐 斯日古楞 斯琴 图雅 萨仁 高娃 那顺 巴图 朝鲁 哈斯 苏和
孟和 特木尔 毕力格 额尔敦 格日勒 吉日嘎拉 阿拉坦 巴雅尔 乌力吉 满都拉 那仁 娜仁 萨日娜 乌日娜
苏日娜 宝力道 敖其尔 布和 图门 孟克 额尔登 阿木尔 道尔吉 巴特尔 乌云 通拉嘎 朝格图 额尔德尼
`)

// mongolian reports a Mongolian name of one or two mongolianNames.
func mongolian(s string) bool {
	if mongolianNames[s] {
		return true
	}
	// Two names of two to four characters each: a longer run is prose,
	// which reaches here often (every run a title stands next to).
	n := utf8.RuneCountInString(s)
	if n < 4 || n > 8 {
		return false
	}
	k := 0
	for i := range s {
		if k >= 2 && k <= n-2 && mongolianNames[s[:i]] && mongolianNames[s[i:]] {
			return true
		}
		k++
	}
	return false
}

// tibetanNotAlone are elements that alone are also words or places (江村
// a village, 罗布泊, 贡嘎山, 德庆县): only joined to another element are they
// a name.
var tibetanNotAlone = loadWords("江村 罗布 贡嘎 德庆 扎巴 拉巴")

// tibetan reports a run of one to three Tibetan name elements.
func tibetan(s string) bool {
	rs := []rune(s)
	if len(rs) < 2 || len(rs) > 6 || len(rs)%2 == 1 || len(rs) == 2 && tibetanNotAlone[s] {
		return false
	}
	for i := 0; i < len(rs); i += 2 {
		if !tibetanElements[string(rs[i:i+2])] {
			return false
		}
	}
	return true
}

// Transliterated reports a name of a minority written without a Chinese
// surname (那仁满都拉, 次仁卓嘎, 扎西, 其木格): for a slot only a name fills, such as
// an entry of an attendance list, where Plausible wants a surname.
func Transliterated(s string) bool { return plausibleTranslit(s) }

// plausibleTranslit reports a transliterated name a title stands next to:
// four to seven such characters, none of them a common word, or Tibetan
// name elements, or Mongolian names.
func plausibleTranslit(s string) bool {
	if tibetan(s) || mongolian(s) {
		return true
	}
	n := 0
	for _, r := range s {
		if !translitRunes[r] {
			return false
		}
		n++
	}
	if n < 4 || n > 7 || stopwords[s] || commonwords[s] || posts[s] {
		return false
	}
	for _, w := range stopSuffixes {
		if strings.HasSuffix(s, w) {
			return false
		}
	}
	return true
}

func plausible(s string) bool {
	if s == "" || Masked(s) {
		return false
	}
	if strings.ContainsAny(s, "·•・‧") {
		return plausibleDotted(s)
	}
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	if n < 2 || n > 4 {
		return false
	}
	sl := SurnameLen(s)
	if sl == 0 || sl == len(s) {
		return false
	}
	if n == 4 && !compoundSurnames[s[:sl]] {
		// 李翔强调: four characters need a compound or a double surname
		// (范徐丽泰), and two surnames that form a word (单位) are not one.
		sl2 := SurnameLen(s[sl:])
		if sl2 == 0 || stopwords[s[:sl+sl2]] || commonwords[s[:sl+sl2]] {
			return false
		}
	}
	if stopwords[s] || posts[s] || IsTitle(s) {
		return false
	}
	for _, w := range stopSuffixes {
		if strings.HasSuffix(s, w) {
			return false
		}
	}
	given := s[sl:]
	if strings.ContainsAny(given, notInGivenName) {
		return false
	}
	// 国务院办, 安委办, 文件稿: a unit or common word and one more character.
	if n >= 3 {
		head := s[:len(s)-lastRuneLen(s)]
		if unitPrefix(head) || n == 3 && stopwords[head] {
			return false
		}
	}
	return true
}

// unitPrefix reports words that, followed by one more character, make a
// unit or a phrase rather than a name: 国务院办, 安委办.
func unitPrefix(p string) bool {
	switch p {
	case "国务院", "常务", "党组", "党委", "全市", "全县", "全区", "全省", "全国", "安委", "国资", "常委":
		return true
	}
	return false
}

func lastRuneLen(s string) int {
	_, n := utf8.DecodeLastRuneInString(s)
	return n
}

func plausibleDotted(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("·•・‧", r) })
	if len(parts) < 2 || utf8.RuneCountInString(s) > 16 {
		return false
	}
	for _, p := range parts {
		for _, r := range p {
			if !unicode.Is(unicode.Han, r) {
				return false
			}
		}
	}
	return true
}

// IsTitle reports whether s is a title: it ends with a post word (书记,
// 副市长, 秘书长, 主任, 党组成员 …), as in 县委副书记、县长.
func IsTitle(s string) bool {
	s = strings.TrimRight(s, " \t\u3000、，,")
	for i := range s {
		if posts[s[i:]] {
			return true
		}
	}
	return false
}

// PostAt returns the byte index where the longest post ending s begins
// ("潍坊港集团董事长" → the index of 董事长), or -1.
func PostAt(s string) int {
	for i := range s {
		if posts[s[i:]] {
			return i
		}
	}
	return -1
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }

// JoinPadded joins names padded to a common width: "韩　正", "韩 正" and
// "刘  洋" → "韩正", "刘洋". Runs of single characters separated by one or two
// spaces are joined (two
// or three characters as one name, longer even runs pair by pair, as in a
// list of padded two-character names); wider gaps and longer words are kept.
func JoinPadded(s string) string {
	type tok struct {
		text string
		gap  string // whitespace before the token
	}
	// Tokens are runs of Han characters and runs of anything else but
	// space, so that "组　长：韩　正" splits as 组|长|：|韩|正.
	var toks []tok
	gapStart, cur, curHan := 0, -1, false
	for i, r := range s {
		switch {
		case isSpace(r):
			if cur >= 0 {
				toks = append(toks, tok{text: s[cur:i], gap: s[gapStart:cur]})
				cur, gapStart = -1, i
			}
		case cur >= 0 && unicode.Is(unicode.Han, r) == curHan:
			// the token goes on
		default:
			if cur >= 0 {
				toks = append(toks, tok{text: s[cur:i], gap: s[gapStart:cur]})
				gapStart = i
			}
			cur, curHan = i, unicode.Is(unicode.Han, r)
		}
	}
	if cur >= 0 {
		toks = append(toks, tok{text: s[cur:], gap: s[gapStart:cur]})
	}
	single := func(t tok) bool {
		r, n := utf8.DecodeRuneInString(t.text)
		return n > 0 && n == len(t.text) && unicode.Is(unicode.Han, r)
	}
	var b strings.Builder
	for a := 0; a < len(toks); {
		// Find the run of single Han characters separated by one space.
		z := a
		if single(toks[a]) {
			for z+1 < len(toks) && single(toks[z+1]) && utf8.RuneCountInString(toks[z+1].gap) <= 2 {
				z++
			}
		}
		run := z - a + 1
		b.WriteString(toks[a].gap)
		switch {
		case run == 1:
			b.WriteString(toks[a].text)
		case run <= 3 || run%2 == 1:
			for x := a; x <= z; x++ {
				b.WriteString(toks[x].text)
			}
		default:
			for x := a; x <= z; x += 2 {
				if x > a {
					b.WriteString(toks[x].gap)
				}
				b.WriteString(toks[x].text + toks[x+1].text)
			}
		}
		a = z + 1
	}
	return strings.TrimFunc(b.String(), isSpace)
}

// proseNameEnds may follow a name in running text: list marks and the
// verbs of a meeting report.
var proseNameEnds = []string{"、", "，", ",", "。", "；", ";", "：", ":", "）", ")", "主持", "出席", "列席", "参加",
	"同志", "等", "在", "代表", "讲话", "作", "受", "委托", "带队", "一行", "陪同", "汇报", "因", "请假", "缺席",
	"率", "带领"} // 市长吴斌率市发改局…赴崇福镇现场办公

// JoinProsePadded joins two-character names padded to width in running text
// ("县长杨　华主持召开…", "副县长李国平、何　琼、陶建民出席会议"): a surname
// and one character with a space or two between them, after a post or a list
// mark and before a list mark or a verb. Other spaces are kept.
func JoinProsePadded(s string) string {
	if !strings.ContainsAny(s, " \u3000") {
		return s
	}
	var b strings.Builder
	last := 0 // bytes of s written to b
	for i, r := range s {
		if i < last || !isSpace(r) {
			continue
		}
		end := i
		for end < len(s) {
			r2, n := utf8.DecodeRuneInString(s[end:])
			if !isSpace(r2) {
				break
			}
			end += n
		}
		if utf8.RuneCountInString(s[i:end]) > 2 || i == 0 || end == len(s) {
			continue
		}
		x, xn := utf8.DecodeLastRuneInString(s[:i])
		y, yn := utf8.DecodeRuneInString(s[end:])
		if !unicode.Is(unicode.Han, x) || !unicode.Is(unicode.Han, y) || !singleSurnames[string(x)] {
			continue
		}
		before, after := s[:i-xn], s[end+yn:]
		if !proseNameStart(before) || !proseNameEnd(after) {
			continue
		}
		b.WriteString(s[last:i])
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// proseNameStart reports whether a name may start after before: at a list
// mark, right after a post (县长, 县长助理) or after the leaders of a
// government named as a group (区领导刘　伟、罗　红), which no post ends.
func proseNameStart(before string) bool {
	p, _ := utf8.DecodeLastRuneInString(before)
	if strings.ContainsRune("、，,：:（(；;", p) || strings.HasSuffix(before, "领导") {
		return true
	}
	// Posts are short: look at the last few characters only.
	from := len(before)
	for k := 0; k < 8 && from > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(before[:from])
		from -= n
	}
	return PostAt(before[from:]) >= 0
}

func proseNameEnd(after string) bool {
	if after == "" {
		return true
	}
	for _, e := range proseNameEnds {
		if strings.HasPrefix(after, e) {
			return true
		}
	}
	// In a list parted by spaces the next entry may be a post and a name
	// ("县长杜　军　副县长王宏伟"); a post alone is this name's title
	// ("韩　正　　国务院副总理"), laid out in columns the list reads.
	if t := strings.TrimLeftFunc(after, isSpace); t != after {
		// The next label of a list line ("周　伟　记录：郑　洁").
		if labelAhead(t) {
			return true
		}
		// A post ending the line whose name is wrapped onto the next
		// ("局长孙　丽　区住建局局长\n周　伟"), one space after the name:
		// a wider gap lays out columns of name and post, which the list
		// reads ("韩　正　　国务院副总理").
		if gap := len(after) - len(t); gap <= utf8.UTFMax && utf8.RuneCountInString(after[:gap]) == 1 &&
			len(t) <= 12*utf8.UTFMax && utf8.RuneCountInString(t) <= 12 && IsTitle(t) {
			return true
		}
		for n, k := 0, 0; k < 8 && n < len(t); k++ {
			_, size := utf8.DecodeRuneInString(t[n:])
			n += size
			if next, _ := utf8.DecodeRuneInString(t[n:]); IsTitle(t[:n]) && unicode.Is(unicode.Han, next) {
				return true
			}
		}
	}
	return false
}

// labelAhead reports a label of one to four Han characters and a colon
// opening t (记录：, 请假：, 列席人员：).
func labelAhead(t string) bool {
	// t runs to the end of the line: only its first runes are read, or a
	// long line of padded names would take quadratic time.
	k := 0
	for _, r := range t {
		if r == '：' || r == ':' {
			return k > 0
		}
		if k >= 4 || !unicode.Is(unicode.Han, r) {
			return false
		}
		k++
	}
	return false
}

// SplitTitle splits a title-then-name run: "常务副县长国宏利" →
// ("常务副县长", "国宏利"), "县委副书记、县长梁庆民" → ("县委副书记、县长",
// "梁庆民"). A trailing 同志 is dropped. ok is true only when the title ends
// with a post word and the name is Plausible.
func SplitTitle(s string) (title, name string, ok bool) {
	s = strings.TrimSuffix(strings.TrimFunc(s, isSpace), "同志")
	s = strings.TrimFunc(s, isSpace)
	// A space before the name is the simple case: "市长 龚正".
	if i := strings.LastIndexFunc(s, isSpace); i >= 0 {
		t, n := strings.TrimFunc(s[:i], isSpace), JoinPadded(s[i:])
		if IsTitle(t) && PlausibleTitled(n) {
			return t, n, true
		}
		s = JoinPadded(s)
	}
	rs := []rune(s)
	for _, n := range []int{3, 2, 4, 5, 6, 7} {
		if n >= len(rs) {
			continue
		}
		t, nm := string(rs[:len(rs)-n]), string(rs[len(rs)-n:])
		if n > 4 && !plausibleTranslit(nm) {
			continue
		}
		if IsTitle(t) && PlausibleTitled(nm) {
			return strings.TrimFunc(t, isSpace), nm, true
		}
	}
	if i := strings.LastIndexAny(s, "·•・‧"); i >= 0 {
		// A dotted name after the title: the longest title before it
		// (市委副书记、市长 | 阿不都热依木·阿不力孜, not 市委副书记、 | 市长…).
		for j := i; j > 0; {
			_, n := utf8.DecodeLastRuneInString(s[:j])
			j -= n
			if j > 0 && IsTitle(s[:j]) && PlausibleTitled(s[j:]) {
				return s[:j], s[j:], true
			}
		}
	}
	return "", "", false
}

// titleModifiers may precede the post word of a title that follows a name
// (李亚平常务副市长, 韩军副秘书长). Such titles are short; a longer run after a
// name is text (单位主要负责人 is not 单位主 + 要负责人).
var titleModifiers = []string{"常务", "副", "代理", "执行", "第一", "专职", "党组", "原", "前", "总", "首席", "名誉"}

// isShortTitle reports whether t is a post word with optional modifiers.
func isShortTitle(t string) bool {
	for {
		if posts[t] {
			return true
		}
		cut := false
		for _, m := range titleModifiers {
			if strings.HasPrefix(t, m) && len(t) > len(m) {
				t, cut = t[len(m):], true
				break
			}
		}
		if !cut {
			return false
		}
	}
}

// SplitNameTitle splits a name-then-title run: "李亚平市长" → ("李亚平",
// "市长"), "韩军副秘书长" → ("韩军", "副秘书长"), "龚　正　市长" → ("龚正",
// "市长"). Without a space between them, the title must be a post word with
// modifiers only (常务副市长), since the name's end is otherwise unknown.
func SplitNameTitle(s string) (name, title string, ok bool) {
	s = JoinPadded(strings.TrimFunc(s, isSpace))
	if i := strings.IndexFunc(s, isSpace); i >= 0 {
		n, t := s[:i], strings.TrimFunc(s[i:], isSpace)
		if PlausibleTitled(n) && IsTitle(t) {
			return n, t, true // a space makes the split: "韩正　国务院副总理"
		}
	}
	rs := []rune(s)
	for _, n := range []int{3, 2, 4} {
		if n >= len(rs) {
			continue
		}
		nm, t := string(rs[:n]), string(rs[n:])
		if PlausibleTitled(nm) && isShortTitle(t) {
			return nm, t, true
		}
	}
	return "", "", false
}

// bylineRoles mark the people who wrote, edited or photographed a report;
// they are not attendees.
var bylineRoles = []string{
	"记者", "通讯员", "撰稿", "审稿", "审核人", "责任编辑", "责编", "编辑", "摄影", "摄像", "供稿",
	"校对", "作者", "来源", "文/", "图/", "文／", "图／", "整理人", "发布人", "签发人",
	// Traditional forms, for text that has not been converted.
	"記者", "通訊員", "審稿", "責任編輯", "責編", "編輯", "攝影", "來源",
}

// IsByline reports whether s, a short run such as a parenthesised group, a
// line, or the text just before a name ("(记者 伍丹 丁远远)", "全媒体记者/",
// "撰稿人："), is a byline. Titles that merely contain a role word (总编辑)
// are not.
func IsByline(s string) bool {
	for _, w := range bylineRoles {
		i := strings.Index(s, w)
		if i < 0 {
			continue
		}
		if (w == "编辑" || w == "編輯") && (strings.HasSuffix(s[:i], "总") || strings.HasSuffix(s[:i], "總")) {
			continue // 总编辑 is a post
		}
		return true
	}
	return false
}
