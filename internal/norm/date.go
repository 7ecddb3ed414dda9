package norm

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Date is a calendar date as a document writes it.
type Date struct {
	Year, Month, Day int    // Year 0 when the text gives none; Month 0 for a day alone (3日下午)
	PartOfDay        string // 上午/下午/晚上/中午 … when given
	Time             string // "09:30" (24-hour) when given
}

// ISO returns the date as "2020-01-06", or "" when the year is unknown or
// the date is not a real one.
func (d Date) ISO() string {
	if d.Year == 0 || d.Month == 0 || !d.Valid() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Valid reports whether d is a real calendar date. A missing year checks
// the day against a leap year; a missing month (a day alone) against 31.
func (d Date) Valid() bool {
	if d.Year < 0 || d.Year > 9999 || d.Day < 1 {
		return false
	}
	if d.Month == 0 {
		return d.Year == 0 && d.Day <= 31
	}
	if d.Month > 12 {
		return false
	}
	y := d.Year
	if y == 0 {
		y = 2000 // a leap year, so that 2月29日 stays possible
	}
	return d.Day <= daysIn(y, d.Month)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// DateMatch is a date found in a text, with the byte offsets of its span.
type DateMatch struct {
	Date       Date
	Start, End int
}

// Pieces of the date patterns. sp is the horizontal space typed between
// the parts of a date ("2020 年 1 月 6 日").
const (
	sp        = `[ \t\x{3000}\x{00A0}]*`
	cnYearDig = `[〇○◯零OoＯｏ0０一二三四五六七八九]` // 二0二一: a typed 0 among Chinese numerals
	yearPat   = `([0-9０-９]{4}|` + cnYearDig + `{4})`
	mdNumPat  = `([0-9０-９]{1,2}|[一二三四五六七八九十廿卅]{1,3})`
	monthPat  = `([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|元)` // 元月 is January
	weekPat   = `(?:` + sp + `[（(]` + sp + `(?:星期|周|礼拜)[一二三四五六日天]` + sp + `[)）])?`
	podPat    = `(?:` + sp + `(上午|下午|中午|晚上|早上|早晨|清晨|凌晨|傍晚|晚间|夜间|晚間|夜間|晚))?`
	// Time: 9:30, 9：30, 9时30分, 九时三十分, 9点半, 15时.
	timePat = `(?:` + sp + `(?:([0-9０-９]{1,2})` + sp + `[:：]` + sp + `([0-9０-９]{2})(?:[:：][0-9]{2})?` +
		`|([0-9０-９]{1,2}|[〇零一二三四五六七八九十两]{1,3})` + sp + `[时点時點](?:` + sp + `([0-9０-９]{1,2}|[〇零一二三四五六七八九十]{1,3})` + sp + `分|(半))?))?`
	tailPat = weekPat + podPat + timePat
)

var (
	// 2020年1月6日上午, 二○○八年五月二十七日, 2023年11月20日(星期一)上午9:30
	fullDateRe = regexp.MustCompile(yearPat + sp + `年` + sp + monthPat + sp + `月` + sp + mdNumPat + sp + `[日号號]` + tailPat)
	// 2019-11-15, 2023/02/01, 2019.11.15, optionally followed by a time
	sepDateRe = regexp.MustCompile(`([0-9]{4})([-/.])([0-9]{1,2})([-/.])([0-9]{1,2})` +
		`(?:(?:[ \x{3000}]+|T)([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?)?`)
	// 1月6日 (no year)
	monthDayRe = regexp.MustCompile(monthPat + sp + `月` + sp + mdNumPat + sp + `[日号號]` + tailPat)
	// 中华民国一一一年五月十日, 民國112年3月5日, 112年3月5日: a Republic of China
	// (Taiwan) year counts from 1912. A bare year needs three Arabic digits
	// starting with 1 (ROC 100–199 is 2011–2110): no other year is written so.
	rocDateRe = regexp.MustCompile(`(?:(?:中[华華])?民[国國]` + sp + `([0-9０-９]{1,3}|[〇○零一二三四五六七八九十百]{1,5})|([1１][0-9０-９]{2}))` +
		sp + `年` + sp + monthPat + sp + `月` + sp + mdNumPat + sp + `[日号號]` + tailPat)
	// 3日下午: a day alone, only trusted with a part of day, weekday or time after it
	dayOnlyRe = regexp.MustCompile(mdNumPat + sp + `日` + tailPat)
)

// rocYearRe is a Republic of China year written as such (民國112年).
var rocYearRe = regexp.MustCompile(`民[国國]` + sp + `(?:[0-9０-９]{1,3}|[〇○零一二三四五六七八九十百]{1,5})` + sp + `年`)

// WritesROCYear reports whether s dates by the Republic of China's years
// (民國112年), as Taiwan's governments write.
func WritesROCYear(s string) bool { return rocYearRe.MatchString(s) }

type dateCand struct {
	start, end int
	prio       int // lower wins at the same start
	date       Date
	ok         bool
}

// FindDates returns every date in s, in order: 2020年1月6日上午,
// 2023年11月20日(星期一)上午9:30, 2019-11-15, 2023/02/01, 2019.11.15,
// 二○○八年五月二十七日 (O, 〇, ○ or 零 for zero), 1月6日, 3日下午 and dates
// with spaces inside. Placeholders (xx年xx月xx日, 20xx年11月7日) and damaged
// dates (2022年33日, month 13) are left out rather than guessed at: their
// remains are not returned as dates without a year either.
func FindDates(s string) []DateMatch {
	// Dates never span a line, so each line is searched alone and only when
	// it holds a character every date form needs: the regular expressions
	// have no literal prefix and are the slow part.
	var out []DateMatch
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		line := s[start:end]
		hasDay := strings.Contains(line, "日") || strings.Contains(line, "号") || strings.Contains(line, "號")
		hasSep := strings.ContainsAny(line, "-/.")
		if hasDay || hasSep {
			for _, m := range findDatesInLine(line, hasDay, hasSep) {
				m.Start += start
				m.End += start
				out = append(out, m)
			}
		}
		start = end + 1
	}
	return out
}

func findDatesInLine(s string, hasDay, hasSep bool) []DateMatch {
	var cands []dateCand
	var fullMs, sepMs, mdMs, dayMs, rocMs [][]int
	if hasDay {
		fullMs = fullDateRe.FindAllStringSubmatchIndex(s, -1)
		rocMs = rocDateRe.FindAllStringSubmatchIndex(s, -1)
		mdMs = monthDayRe.FindAllStringSubmatchIndex(s, -1)
		dayMs = dayOnlyRe.FindAllStringSubmatchIndex(s, -1)
	}
	if hasSep {
		sepMs = sepDateRe.FindAllStringSubmatchIndex(s, -1)
	}
	for _, m := range fullMs {
		c := dateCand{start: m[0], end: m[1], prio: 0}
		y, okY := parseYear(s[m[2]:m[3]])
		mo, okM := parseMonth(s[m[4]:m[5]])
		d, okD := ParseNumber(s[m[6]:m[7]])
		c.date = Date{Year: y, Month: mo, Day: d}
		c.ok = okY && okM && okD && !followsDigit(s, m[0]) && !followsCnDigit(s, m[0])
		c.ok = c.ok && fillTail(&c.date, s, m[8:])
		cands = append(cands, c)
	}
	for _, m := range rocMs {
		c := dateCand{start: m[0], end: m[1], prio: 0}
		var y int
		var okY bool
		if m[2] >= 0 {
			y, okY = ParseNumber(s[m[2]:m[3]])
		} else {
			y, okY = parseDigits(s[m[4]:m[5]])
			okY = okY && !followsDigit(s, m[0]) && !followsCnDigit(s, m[0]) && !afterAny(s, m[0], "第")
		}
		mo, okM := parseMonth(s[m[6]:m[7]])
		d, okD := ParseNumber(s[m[8]:m[9]])
		c.date = Date{Year: y + 1911, Month: mo, Day: d}
		c.ok = okY && y > 0 && okM && okD && fillTail(&c.date, s, m[10:])
		cands = append(cands, c)
	}
	for _, m := range sepMs {
		c := dateCand{start: m[0], end: m[1], prio: 1}
		if s[m[4]:m[5]] != s[m[8]:m[9]] || !sepBoundary(s, m[0], m[1]) {
			c.end = c.start // not a date; consumes nothing
			cands = append(cands, c)
			continue
		}
		y, _ := parseDigits(s[m[2]:m[3]])
		mo, _ := parseDigits(s[m[6]:m[7]])
		d, _ := parseDigits(s[m[10]:m[11]])
		c.date = Date{Year: y, Month: mo, Day: d}
		c.ok = true
		if m[12] >= 0 {
			h, _ := parseDigits(s[m[12]:m[13]])
			mi, _ := parseDigits(s[m[14]:m[15]])
			if h <= 24 && mi < 60 {
				c.date.Time = fmt.Sprintf("%02d:%02d", h, mi)
			} else {
				c.end = m[11] // a clock that is not one: keep the date only
			}
		}
		cands = append(cands, c)
	}
	for _, m := range mdMs {
		c := dateCand{start: m[0], end: m[1], prio: 2}
		mo, okM := parseMonth(s[m[2]:m[3]])
		d, okD := ParseNumber(s[m[4]:m[5]])
		c.date = Date{Month: mo, Day: d}
		// After 年 the year was a placeholder or damaged (20xx年11月7日):
		// a date whose year cannot be trusted is not returned at all.
		c.ok = okM && okD && !followsDigit(s, m[0]) && !followsCnDigit(s, m[0]) && !afterAny(s, m[0], "年", "第", "至", "到")
		if s[m[2]:m[3]] == "元" && afterAny(s, m[0], "万", "亿", "千", "百", "美", "日", "欧", "港", "多") {
			c.ok = false // 500万元月底: money, not January
		}
		c.ok = c.ok && fillTail(&c.date, s, m[6:])
		cands = append(cands, c)
	}
	for _, m := range dayMs {
		c := dateCand{start: m[0], end: m[1], prio: 3}
		d, okD := ParseNumber(s[m[2]:m[3]])
		c.date = Date{Day: d}
		c.ok = okD && !followsDigit(s, m[0]) && !followsCnDigit(s, m[0]) && !afterAny(s, m[0], "年", "月", "第", "每", "当", "本", "次", "今", "昨", "明", "前", "后")
		// Only a day with something after it (下午, a weekday, a time) is a
		// date; "30日内" and "18日" of a range are not.
		hasTail := m[1] > m[3]+strings.Index(s[m[3]:m[1]], "日")+len("日")
		// "本报讯 16日，市长…": a day opening a report's first sentence.
		opens := !hasTail && (strings.HasPrefix(s[m[1]:], "，") || strings.HasPrefix(s[m[1]:], ",")) && SentenceOpen(s[:m[0]])
		c.ok = c.ok && (hasTail || opens) && fillTail(&c.date, s, m[4:])
		cands = append(cands, c)
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].start != cands[j].start {
			return cands[i].start < cands[j].start
		}
		return cands[i].prio < cands[j].prio
	})
	var out []DateMatch
	consumed := 0 // end of the last span taken, valid or not
	for _, c := range cands {
		if c.start < consumed || c.end == c.start {
			continue
		}
		consumed = c.end
		if c.ok && c.date.Valid() && yearInRange(c.date.Year) {
			out = append(out, DateMatch{Date: c.date, Start: c.start, End: c.end})
		}
	}
	return out
}

// ParseDate parses s as exactly one date (surrounding spaces and
// punctuation aside).
func ParseDate(s string) (Date, bool) {
	t := strings.Trim(s, " \t\r\n\u3000\u00a0,，。.;；:：")
	if t == "" {
		return Date{}, false
	}
	ms := FindDates(t)
	if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(t) {
		return Date{}, false
	}
	return ms[0].Date, true
}

// parseMonth reads a month number, including 元 of 元月 (January).
func parseMonth(t string) (int, bool) {
	if t == "元" {
		return 1, true
	}
	return ParseNumber(t)
}

// yearInRange rejects four-digit runs that are not years of documents.
func yearInRange(y int) bool { return y == 0 || (y >= 1900 && y <= 2100) }

// parseYear reads a four-digit year, Arabic or Chinese digit by digit. A
// Chinese year needs at least one real numeral, so that "OOOO" is not 0.
func parseYear(t string) (int, bool) {
	if n, ok := parseDigits(t); ok {
		return n, true
	}
	real := false
	for _, r := range t {
		if d := cnDigit[r]; d != 0 {
			real = true
		}
	}
	if !real {
		return 0, false
	}
	rs := []rune(t)
	for i, r := range rs {
		if r == '0' || r == '０' {
			rs[i] = '〇'
		}
	}
	return parseDigitByDigit(rs)
}

// fillTail reads the weekday, part of day and time groups (g holds the
// submatch indexes from the part-of-day group on) into d. It returns false
// when the time is not a clock time.
func fillTail(d *Date, s string, g []int) bool {
	grp := func(i int) string {
		if g[2*i] < 0 {
			return ""
		}
		return s[g[2*i]:g[2*i+1]]
	}
	d.PartOfDay = grp(0)
	h, mi := -1, 0
	switch {
	case grp(1) != "":
		h, _ = ParseNumber(grp(1))
		mi, _ = ParseNumber(grp(2))
	case grp(3) != "":
		var ok bool
		if h, ok = ParseNumber(grp(3)); !ok {
			return false
		}
		if grp(4) != "" {
			if mi, ok = ParseNumber(grp(4)); !ok {
				return false
			}
		} else if grp(5) != "" {
			mi = 30
		}
	}
	if h < 0 {
		return true
	}
	if h > 24 || mi > 59 {
		return false
	}
	// 下午2:30 is 14:30; the part of day says which half of the clock.
	switch d.PartOfDay {
	case "下午", "晚上", "傍晚", "晚间", "夜间", "晚間", "夜間", "晚":
		if h < 12 {
			h += 12
		}
	case "中午":
		if h < 6 {
			h += 12
		}
	}
	d.Time = fmt.Sprintf("%02d:%02d", h, mi)
	return true
}

// sepBoundary rejects separator dates that are part of a longer token: a
// URL path (/2021/7/19/), a version number or a longer digit run.
func sepBoundary(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if halfDigit(r) >= 0 || r == '/' || r == '.' || r == '-' || r < 128 && isASCIILetter(byte(r)) {
			return false
		}
	}
	if end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if halfDigit(r) >= 0 || r < 128 && isASCIILetter(byte(r)) {
			return false
		}
		if (r == '/' || r == '-' || r == '.') && end+size < len(s) {
			if n, _ := utf8.DecodeRuneInString(s[end+size:]); halfDigit(n) >= 0 || r == '/' {
				return false
			}
		}
	}
	return true
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// followsCnDigit reports whether a Chinese numeral or placeholder mark ends
// just before byte i, making the match the tail of a longer or masked number.
func followsCnDigit(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	if _, ok := cnDigit[r]; ok && r != 'O' && r != 'o' {
		return true
	}
	return strings.ContainsRune("十廿卅xX×*＊?？", r)
}

// afterAny reports whether the text before byte i, spaces skipped, ends
// with one of the words.
func afterAny(s string, i int, words ...string) bool {
	p := strings.TrimRight(s[:i], " \t\u3000\u00a0")
	for _, w := range words {
		if strings.HasSuffix(p, w) {
			return true
		}
	}
	return false
}

// SentenceOpen reports whether a sentence starts after before: at the start
// of the text, after a space, a sentence end, or a dateline's 讯/电 and its
// bracket (本报讯（记者 林桂） 16日，…).
func SentenceOpen(before string) bool {
	before = strings.TrimRight(before, " \t\u3000")
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("。！？!?讯电）)", r)
}
