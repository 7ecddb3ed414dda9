package norm

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// MeetingNo is a meeting designation: 第86次常务会议, 十七届十三次, 2018年第八次.
type MeetingNo struct {
	Term    int    // 届: 十七届十三次 → 17
	Year    int    // 2018年第八次 → 2018
	Session int    // 次
	Type    string // 常务会议, 市长办公会议, 专题会议, 协调会 …; "" when the text says only 会议
	Text    string // the matched span: 第86次常务会议, 十七届十三次常务会议
	// Name is Text with the body that holds the meeting when the text names
	// it just before, without spaces or line breaks: 市政府第86次常务会议,
	// 区人民政府第21次常务会议.
	Name       string
	Start, End int // byte offsets of Text in s
}

// meetingTypes are the kinds of meeting a government holds, longest first
// so that 市长办公会议 wins over 办公会议 and 协调会议 over 协调会.
var meetingTypes = []string{
	"市长办公会议", "县长办公会议", "区长办公会议", "省长办公会议", "州长办公会议", "旗长办公会议",
	"镇长办公会议", "乡长办公会议", "盟长办公会议", "主任办公会议", "局长办公会议", "厅长办公会议", "部长办公会议",
	"现场办公会议", "现场办公会",
	"市长办公会", "县长办公会", "区长办公会", "省长办公会",
	"部常务会议", "常委会会议", "常务会议", "常务会", "专题会议", "专题会",
	"协调会议", "协调会", "联席会议", "联席会", "全体会议", "全体会", "碰头会", "调度会议", "调度会",
	"办公会议", "办公会", "推进会", "党组会议", "局务会议", "部务会议", "厅务会议", "委务会议",
	"主任会议", "工作会议", "例会", "座谈会", "论证会", "听证会", "现场会",
	// Taiwan's city and county governments' weekly meetings (市政會議, 縣政會議).
	"市政会议", "县政会议",
}

// MeetingTypes returns the kinds of meeting a government holds, longest
// first: the one table the parser's readers share.
func MeetingTypes() []string {
	out := slices.Clone(meetingTypes)
	slices.SortStableFunc(out, func(a, b string) int {
		return utf8.RuneCountInString(b) - utf8.RuneCountInString(a)
	})
	return out
}

const (
	// msp also spans a line break: designations wrap in column text
	// (市政府第\n41 次常务会议).
	msp      = `[\s\x{3000}\x{00A0}]*`
	cnNumPat = `[0-9０-９]+|[零〇一二三四五六七八九十百两]+`
	organPat = `(?:[市县区省州旗镇乡]?(?:人民)?政府|国务院)`
)

var (
	meetingTypeRe = regexp.MustCompile(strings.Join(meetingTypes, "|"))
	// Term form: 十七届十三次, 五届104次, 第十八届人民政府第65次, 区十一届政府第106次.
	// Year form: 2018年第八次, 二○○八年第四次. Plain form: 第86次, 第 32 次. Each may be
	// followed by the body and the type: …次市政府常务会议.
	meetingNoRe = regexp.MustCompile(
		`(?:([市县区省州旗])?(?:第` + msp + `)?(` + cnNumPat + `)` + msp + `[届屆]` + msp + organPat + `?` + msp + `(?:的)?第?` + msp + `(` + cnNumPat + `)` + msp + `次` +
			`|([0-9０-９]{4}|` + cnYearDig + `{4})` + msp + `年度?` + msp + `第` + msp + `(` + cnNumPat + `)` + msp + `次` +
			`|第` + msp + `(` + cnNumPat + `)` + msp + `次)` +
			`(?:` + msp + `(?:` + organPat + `|[市县区省州旗])?` + msp + `(` + strings.Join(meetingTypes, "|") + `|会议))?`)
)

// FindMeetingNo finds the meeting designation in s: 第86次常务会议,
// 第四十二次, 十七届十三次, 五届104次, 2018年第八次, "第 32 次",
// 县政府第13次常务会议, 区十一届政府第106次常务会议, 调度会第三次会议.
// When s holds several, the one naming a meeting type wins, then a term or
// year form, then the first plain 第N次会议. A bare 第N次 not followed by a
// meeting (国务院第二次全国污染源普查) is not a meeting number.
func FindMeetingNo(s string) (MeetingNo, bool) {
	orig := s
	s = foldTraditional(s) // same byte offsets, so spans index orig too
	var best MeetingNo
	bestScore := 0
	for _, m := range meetingMatches(s) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		var mn MeetingNo
		score := 0
		var ok bool
		switch {
		case g(2) != "":
			if mn.Term, ok = ParseNumber(g(2)); !ok {
				continue
			}
			if mn.Session, ok = ParseNumber(g(3)); !ok {
				continue
			}
			score = 2
		case g(4) != "":
			mn.Year, _ = parseYear(g(4)) // 2008 or 二○○八
			if mn.Session, ok = ParseNumber(g(5)); !ok || !yearInRange(mn.Year) {
				continue
			}
			score = 2
		default:
			if mn.Session, ok = ParseNumber(g(6)); !ok {
				continue
			}
		}
		if mn.Session < 1 || mn.Session > 5000 || mn.Term > 100 || followsDigit(s, m[0]) {
			continue
		}
		typ := g(7)
		start, end := m[0], m[1]
		switch typ {
		case "会议":
			// 调度会第三次会议: the type comes before the number.
			if t := typeBefore(s, start); t != "" {
				typ = t
				start -= len(t)
			} else {
				typ = ""
				score++
			}
		}
		if typ != "" {
			score = 4
		}
		if score == 0 || score <= bestScore {
			continue
		}
		mn.Type = typ
		mn.Start, mn.End = start, end
		mn.Text = orig[start:end]
		if o := organBefore(s, start); o != "" {
			mn.Name = orig[start-len(o) : start]
		}
		mn.Name = removeSpaces(mn.Name + mn.Text)
		best, bestScore = mn, score
		if score == 4 {
			break
		}
	}
	return best, bestScore > 0
}

// meetingWindow bounds how far a designation reaches from its 次: the
// longest form (县第十八届人民政府第65次 … 市人民政府市长办公会议) is well
// under it.
const meetingWindow = 150

// meetingMatches runs meetingNoRe only around each 次, since the expression
// has no literal prefix and scanning whole documents with it is slow. The
// submatch indexes it returns are offsets into s.
func meetingMatches(s string) [][]int {
	var out [][]int
	lastEnd := 0
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "次")
		if j < 0 {
			break
		}
		at := i + j
		// Windows may overlap; starting after the last match keeps a
		// designation from being reported twice.
		a, b := at-meetingWindow, at+meetingWindow
		if a < lastEnd {
			a = lastEnd
		}
		if b > len(s) {
			b = len(s)
		}
		// Extend the window over the following 次 as long as they are close.
		for {
			k := strings.Index(s[at+len("次"):b], "次")
			if k < 0 {
				break
			}
			at += len("次") + k
			if b = at + meetingWindow; b > len(s) {
				b = len(s)
			}
		}
		for a > 0 && !utf8.RuneStart(s[a]) {
			a--
		}
		for b < len(s) && !utf8.RuneStart(s[b]) {
			b++
		}
		for _, m := range meetingNoRe.FindAllStringSubmatchIndex(s[a:b], -1) {
			for x := range m {
				if m[x] >= 0 {
					m[x] += a
				}
			}
			out = append(out, m)
			lastEnd = m[1]
		}
		// A 次 inside the last match (五届104次 holds two) opens no window.
		i = max(at+len("次"), lastEnd)
	}
	return out
}

// FindMeetingType finds the first meeting type named in s (部常务会议,
// 办公会议, 联席会议 …), for meetings that carry no number. typ is in
// simplified characters; start and end are byte offsets into s.
func FindMeetingType(s string) (typ string, start, end int, ok bool) {
	f := foldTraditional(s)
	loc := meetingTypeRe.FindStringIndex(f)
	if loc == nil {
		return "", 0, 0, false
	}
	return f[loc[0]:loc[1]], loc[0], loc[1], true
}

// typeBefore returns the meeting type that ends exactly at byte i.
func typeBefore(s string, i int) string {
	for _, t := range meetingTypes {
		if strings.HasSuffix(s[:i], t) {
			return t
		}
	}
	return ""
}

// organs are the bodies a meeting belongs to, longest first.
var organs = []string{
	"市人民政府", "县人民政府", "区人民政府", "省人民政府", "州人民政府", "旗人民政府", "镇人民政府", "乡人民政府",
	"人民政府", "市政府", "县政府", "区政府", "省政府", "州政府", "旗政府", "镇政府", "乡政府", "国务院", "政府",
}

// organBefore returns the body named just before byte i (市政府 in
// 市政府第86次常务会议), or "".
func organBefore(s string, i int) string {
	p := s[:i]
	for _, o := range organs {
		if strings.HasSuffix(p, o) {
			return o
		}
	}
	return ""
}

// tradFold maps the traditional characters of meeting designations to
// their simplified forms. Both sides are three bytes in UTF-8, so folding
// keeps every byte offset; the caller reports spans of the original text.
// Full conversion of documents is the reader's job (OpenCC); this only lets
// the numbers of unconverted text be found too.
var tradFold = map[rune]rune{
	'會': '会', '議': '议', '務': '务', '屆': '届', '長': '长', '辦': '办', '題': '题',
	'調': '调', '協': '协', '聯': '联', '體': '体', '縣': '县', '區': '区', '國': '国',
	'級': '级', '頭': '头', '專': '专', '與': '与', '號': '号', '黨': '党',
	'組': '组', '廳': '厅', '島': '岛', '鎮': '镇', '鄉': '乡', '兩': '两', '萬': '万',
}

func foldTraditional(s string) string {
	// Not strings.Map: it would turn invalid bytes into U+FFFD and shift
	// every offset after them.
	var b []byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if t, ok := tradFold[r]; ok && utf8.RuneLen(t) == size {
			if b == nil {
				b = []byte(s)
			}
			utf8.EncodeRune(b[i:], t)
		}
		i += size
	}
	if b == nil {
		return s
	}
	return string(b)
}
