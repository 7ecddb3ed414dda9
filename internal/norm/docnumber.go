package norm

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DocNumber is a normalised 文号.
type DocNumber struct {
	// Text is prefix + "〔" + year + "〕" + seq + "号" (国办发〔2018〕15号,
	// 〔2020〕3号). Numbers in the 第N号 series (国令第707号, 公告2018年第15号)
	// keep that form, without spaces.
	Text   string
	Prefix string // 国办发, 京政办发, 岳政发, 国令 …; "" when the text gives none
	Year   int    // 0 for series without a year (国令第707号)
	Seq    int
}

// Brackets seen around the year of a 文号: 〔〕 (the standard), and the
// square, round, small and lenticular stand-ins of typed and OCRed text.
const (
	openBrackets  = `〔\[(（［【〖｛{﹝〘`
	closeBrackets = `〕\])）］】〗｝}﹞〙`
)

var (
	// docNumRe matches the bracketed form, including a lost closing bracket
	// (岳政发〔200916号) and a lost opening one (岳政发2009〕16号).
	docNumRe = regexp.MustCompile(
		`(?:[` + openBrackets + `][ \x{3000}]*([0-9０-９]{4})[ \x{3000}]*[` + closeBrackets + `]` + // 〔2020〕
			`|[` + openBrackets + `]([0-9０-９]{4})` + // 〔2009 with the bracket lost
			`|([0-9０-９]{4})[` + closeBrackets + `])` + // 2009〕 with the bracket lost
			`[ \x{3000}]*(?:第[ \x{3000}]*)?([0-9０-９]{1,5})[ \x{3000}]*[号號]`)
	// docSeriesRe matches 第N号 series: 国令第707号, 国务院令第707号,
	// 国家税务总局公告2018年第15号.
	docSeriesRe = regexp.MustCompile(
		`(?:([0-9０-９]{4})[ \x{3000}]*年(?:度)?[ \x{3000}]*)?第[ \x{3000}]*([0-9０-９]{1,5})[ \x{3000}]*[号號]`)
	// docQueryRe matches the loose forms users type: 2020年3号, 2020-3号,
	// 国办发2018年15号, 2020年第3号.
	docQueryRe = regexp.MustCompile(
		`^([0-9０-９]{4})[ \x{3000}]*(?:年度?|[-/.])[ \x{3000}]*(?:第[ \x{3000}]*)?([0-9０-９]{1,5})[ \x{3000}]*[号號]?$`)
)

// prefixLeadIns are words that precede a 文号 in running text and must not be
// taken into its prefix (依据国发〔2019〕3号 → 国发).
// Multi-character ones are cut wherever they occur; single characters only
// at the start of the run, since they also occur inside abbreviations
// (苏经信发, 国能综通新能).
var (
	prefixLeadIns = []string{
		"根据", "依据", "依照", "按照", "参照", "遵照", "对照", "贯彻", "落实", "执行", "印发", "转发",
		"关于", "审议", "通过", "文件", "通知", "发文字号", "字号", "文号", "编号", "附件",
		// 中华人民共和国国务院令第707号: the state's name heads a decree.
		"中华人民共和国",
	}
	prefixLeadChars = []string{"见", "经", "和", "及", "与", "或", "即", "以", "由", "原", "是", "按", "据", "在"}
)

// seriesEnds are the words a 第N号 series prefix ends with; without one, a
// 第N号 is a house number, an item or a proposal, not a document number.
var seriesEnds = []string{"令", "公告", "通告", "公报", "决定"}

// FindDocNumber finds the first 文号 in s in any of its forms: 〔2020〕3号,
// [2013]4号, (2005)20号, （2005）20号, 〔2019〕55 号, 號, 国令第707号,
// 国办发明电〔2018〕15号, a lost bracket (岳政发〔200916号 → 2009, 16), and in
// metadata fields (发文字号：…, 文  号: …). start and end are byte offsets of
// the match, prefix included.
func FindDocNumber(s string) (d DocNumber, start, end int, ok bool) {
	bestStart := -1
	for _, m := range docNumRe.FindAllStringSubmatchIndex(s, -1) {
		yearText, seqText := "", s[m[8]:m[9]]
		var lost bool
		switch {
		case m[2] >= 0:
			yearText = s[m[2]:m[3]]
		case m[4] >= 0:
			yearText, lost = s[m[4]:m[5]], true
		default:
			yearText, lost = s[m[6]:m[7]], true
		}
		year, _ := parseDigits(yearText)
		seq, _ := parseDigits(seqText)
		if !plausibleDocYear(year) || seq == 0 || followsDigit(s, m[0]) {
			continue
		}
		pStart, prefix := docPrefix(s, m[0])
		if lost && prefix == "" {
			// A damaged bracket with nothing before it is too weak a signal.
			continue
		}
		d = DocNumber{Prefix: prefix, Year: year, Seq: seq}
		d.Text = prefix + "〔" + strconv.Itoa(year) + "〕" + strconv.Itoa(seq) + "号"
		bestStart, start, end = pStart, pStart, m[1]
		break
	}
	for _, m := range docSeriesRe.FindAllStringSubmatchIndex(s, -1) {
		if bestStart >= 0 && m[0] >= bestStart {
			break
		}
		pStart, prefix := docPrefix(s, m[0])
		if !hasAnySuffix(prefix, seriesEnds) || followsDigit(s, m[0]) {
			continue
		}
		seq, _ := parseDigits(s[m[4]:m[5]])
		if seq == 0 {
			continue
		}
		year := 0
		if m[2] >= 0 {
			year, _ = parseDigits(s[m[2]:m[3]])
			if !plausibleDocYear(year) {
				continue
			}
		}
		text := prefix + removeSpaces(toHalfDigits(s[m[0]:m[1]]))
		text = strings.ReplaceAll(text, "號", "号")
		return DocNumber{Text: text, Prefix: prefix, Year: year, Seq: seq}, pStart, m[1], true
	}
	if bestStart < 0 {
		return DocNumber{}, 0, 0, false
	}
	return d, start, end, true
}

// ParseDocNumber parses s as one 文号, accepting also the forms users type
// in a search box: "2020年3号", "[2020]3号", "国办发2018年15号", "2020-3".
func ParseDocNumber(s string) (DocNumber, bool) {
	t := strings.TrimSpace(strings.Trim(s, "\u3000"))
	if t == "" {
		return DocNumber{}, false
	}
	if d, start, end, ok := FindDocNumber(t); ok && start == 0 && strings.TrimSpace(t[end:]) == "" {
		return d, true
	}
	// Loose forms: split off a Han prefix, then year + number.
	i := 0
	for i < len(t) {
		r, size := utf8.DecodeRuneInString(t[i:])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		i += size
	}
	prefix, rest := t[:i], strings.TrimSpace(t[i:])
	m := docQueryRe.FindStringSubmatch(rest)
	if m == nil {
		return DocNumber{}, false
	}
	year, _ := parseDigits(m[1])
	seq, _ := parseDigits(m[2])
	if !plausibleDocYear(year) || seq == 0 {
		return DocNumber{}, false
	}
	return DocNumber{
		Text:   prefix + "〔" + strconv.Itoa(year) + "〕" + strconv.Itoa(seq) + "号",
		Prefix: prefix, Year: year, Seq: seq,
	}, true
}

// plausibleDocYear bounds years: the PRC 文号 system dates from 1949, and a
// four-digit run outside that range is a lost bracket or something else.
func plausibleDocYear(y int) bool { return y >= 1949 && y <= 2100 }

// followsDigit reports whether the byte before i is an ASCII digit, which
// would make the match part of a longer number.
func followsDigit(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return halfDigit(r) >= 0
}

// docPrefix returns the issuer abbreviation that ends at byte end of s (国办发,
// 京政办发, 国办发明电, 国令) and where it starts. It is the run of Han
// characters and Latin letters before the number, minus lead-in words of
// running text and document-type labels (常务会议纪要〔2024〕7号 has none).
func docPrefix(s string, end int) (int, string) {
	orig := end
	// Spaces between the prefix and the number ("国务院令 第708号") are
	// skipped; a line break is not, as the red-header layout puts a label
	// on the line above.
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if r != ' ' && r != '\u3000' && r != '\t' {
			break
		}
		end -= size
	}
	start := end
	n := 0
	for start > 0 && n < 16 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.Is(unicode.Han, r) && !(r < 128 && unicode.IsLetter(r)) {
			break
		}
		start -= size
		n++
	}
	p := s[start:end]
	if p == "" {
		return orig, ""
	}
	// "2019年1月8日临沧市人民政府令第2号": a date's last unit is no part of
	// the name after it.
	if before, _ := utf8.DecodeLastRuneInString(s[:start]); before >= '0' && before <= '9' || before >= '０' && before <= '９' {
		for _, u := range []string{"日", "月", "年"} {
			if rest, ok := strings.CutPrefix(p, u); ok && rest != "" {
				start += len(u)
				p = rest
				break
			}
		}
	}
	// Take what follows the last lead-in word.
	for {
		cut := -1
		for _, w := range prefixLeadIns {
			if i := strings.LastIndex(p, w); i >= 0 && i+len(w) > cut {
				cut = i + len(w)
			}
		}
		if cut <= 0 {
			break
		}
		start += cut
		p = p[cut:]
	}
	for _, c := range prefixLeadChars {
		if strings.HasPrefix(p, c) && utf8.RuneCountInString(p) >= 3 {
			start += len(c)
			p = p[len(c):]
			break
		}
	}
	if p == "" || strings.HasSuffix(p, "纪要") || strings.HasSuffix(p, "会议") {
		return orig, "" // a label such as 常务会议纪要, not an issuer code
	}
	if utf8.RuneCountInString(p) > 10 {
		return orig, "" // running text, not an abbreviation
	}
	return start, p
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func removeSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// toHalfDigits replaces full-width digits by ASCII ones.
func toHalfDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, s)
}

// issueNoRe is a serial's issue number standing alone on a line, the number
// minutes carry instead of a 文号: 第5期, 〔2019〕第3期, 2019年第3期, 二〇〇九年第6期,
// 第十二期, 第5期（总第123期）.
var issueNoRe = regexp.MustCompile(`^[(（]?[ \x{3000}]*(?:[` + openBrackets + `][ \x{3000}]*([0-9]{4})[ \x{3000}]*[` + closeBrackets + `]|([0-9]{4}|` + cnYearDig + `{4})[ \x{3000}]*年度?)?` +
	`[ \x{3000}]*第[ \x{3000}]*([0-9]{1,4}|[〇零一二三四五六七八九十百]{1,5})[ \x{3000}]*期[ \x{3000}]*[)）]?` +
	`(?:[ \x{3000}]*[(（]?[ \x{3000}]*总第[ \x{3000}]*[0-9]{1,5}[ \x{3000}]*期[ \x{3000}]*[)）]?)?$`)

// ParseIssueNumber reads a line that is only an issue number (第5期,
// 〔2019〕第3期) as the document's number. Text keeps the 期: it is not a
// 文号 and is not written as one.
func ParseIssueNumber(line string) (DocNumber, bool) {
	m := issueNoRe.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return DocNumber{}, false
	}
	year := 0
	for _, y := range m[1:3] {
		if y != "" {
			year, _ = parseYear(y) // 2009 or 二〇〇九
		}
	}
	seq, ok := ParseNumber(m[3])
	if !ok || seq == 0 || year != 0 && !plausibleDocYear(year) {
		return DocNumber{}, false
	}
	text := "第" + strconv.Itoa(seq) + "期"
	if year != 0 {
		text = "〔" + strconv.Itoa(year) + "〕" + text
	}
	return DocNumber{Text: text, Year: year, Seq: seq}, true
}
