package extract

import (
	"govarchive/internal/clean"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"govarchive/internal/dept"
	"govarchive/internal/document"
	"govarchive/internal/names"
)

// state carries one Parse call: the cleaned lines and the document being
// filled. It never outlives the call.
type state struct {
	p     *Parser
	meta  Meta
	text  string
	lines []string // cleaned, decoration stripped; blank lines kept as ""
	doc   *document.Document

	people []string // every person named, in order of appearance
	depts  []string // every department named, as written

	entries  map[string]entryResult // parseEntry results for this document
	fields   map[string]string      // labelledFields, read on first use
	deptMemo *dept.Memo             // the department table's answers for this document, made on first use

	tableLines map[int]bool // lines of task tables, read as their rows rather than as prose

	outside int8 // abroad's answer: 0 not read yet, 1 outside the mainland, 2 not
}

func newState(p *Parser, text string, meta Meta) *state {
	raw := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	lines := make([]string, len(raw))
	for i, l := range raw {
		// Names padded to width in running text (县长杨　华主持) read as
		// one name everywhere after.
		lines[i] = names.JoinProsePadded(clean.SentenceStops(unspaceTitle(fieldCells(attendanceCell(stripDecoration(l))))))
	}
	joinSeriesNumbers(lines)
	lines = splitInlineLists(lines)
	return &state{p: p, meta: meta, text: text, lines: lines}
}

var clockRe = regexp.MustCompile(`\d{1,2}:\d{2}`)

// fieldCells writes a row of a portal's metadata table whose label cells
// carry no colon ("索引号 1112…/2023-00056 主题分类 综合政务", "标 题 …") as
// the labelled fields it holds ("索引号：… 主题分类：综合政务"). The row must
// open with a label.
func fieldCells(l string) string {
	// A colon says the labels are written already; a clock's (16:40) is no label's.
	if strings.Contains(l, "：") || strings.Contains(clockRe.ReplaceAllString(l, ""), ":") || !strings.Contains(l, " ") {
		return l
	}
	// A markdown table's cells are parted by bars.
	toks := slices.DeleteFunc(strings.Fields(l), func(t string) bool { return t == "|" || t == "｜" })
	var out []string
	for i := 0; i < len(toks); {
		label, n := cellLabel(toks[i:])
		if n > 0 && i+n < len(toks) {
			if _, next := cellLabel(toks[i+n:]); next == 0 {
				out = append(out, label+"："+toks[i+n])
				i += n + 1
				continue
			}
		}
		if len(out) == 0 {
			return l
		}
		out[len(out)-1] += " " + toks[i] // a value with a space in it
		i++
	}
	return strings.Join(out, " ")
}

// attendanceCellLabels label the rows of an attendance table.
var attendanceCellLabels = []string{"出席会议人员", "列席会议人员", "列席单位及人员", "出席人员", "出席领导", "参会人员", "参加人员", "与会人员",
	"列席人员", "列席单位", "请假人员", "缺席人员", "因公请假", "因事请假", "因病请假", "记录人", "出席", "列席", "请假", "缺席", "记录"}

// attendanceCellRe is a row of an attendance table as text renders it: the
// label cell, its characters padded to width (出　席), a tab or a run of
// spaces for the cell's border, and the people (group 2).
var attendanceCellRe = func() *regexp.Regexp {
	var alts []string
	for _, l := range attendanceCellLabels {
		alts = append(alts, strings.Join(strings.Split(l, ""), `[ 　]*`))
	}
	return regexp.MustCompile(`^[ \t　]*(` + strings.Join(alts, "|") + `)[ \t　]+([^：:\s].*)$`)
}()

// attendanceCell writes a row of an attendance table whose label cell
// carries no colon ("出　席\t刘建军　谭小平", "列　席  县政府办公室　彭志强",
// "记　录\t张　琳") as the labelled line the lists are read from (出席：…).
func attendanceCell(l string) string {
	m := attendanceCellRe.FindStringSubmatch(l)
	if m == nil || labelledAlready(l) {
		return l
	}
	return removeSpaces(m[1]) + "：" + strings.TrimSpace(m[2])
}

// labelledAlready reports a line whose label, spaced out, ends in its colon
// (列席 人员：…, 记录员　：…); the colon of a cell (区府办：王建国) is no label's.
func labelledAlready(l string) bool {
	if _, _, ok := listLabel(l); ok || leaveLabelRe.MatchString(removeSpaces(l)) {
		return true
	}
	i := strings.IndexAny(l, ":：")
	return i > 0 && contains(recorderLabels, removeSpaces(l[:i]))
}

// cellLabel reads a metadata label at the start of toks, spelled whole
// (发布日期) or letter-spaced (标 题), and how many tokens it takes (0: none).
func cellLabel(toks []string) (string, int) {
	if len(toks) == 0 {
		return "", 0
	}
	if _, ok := metaLabels[toks[0]]; ok && runeLen(toks[0]) >= 2 {
		return toks[0], 1
	}
	joined := ""
	for n := 0; n < len(toks) && n < 5 && runeLen(toks[n]) == 1; n++ {
		joined += toks[n]
		if _, ok := metaLabels[joined]; ok && n > 0 {
			return joined, n + 1
		}
	}
	return "", 0
}

// leaveLabelRe opens a line listing people on leave or absent; a
// two-character label may be padded to the width of the others (请　假：).
var leaveLabelRe = regexp.MustCompile(`^(?:` + leaveLabels + `|请\s+假|缺\s+席)\s*[:：]`)

// leaveLabels name a list of people on leave or absent: 请假, 因公请假,
// 请假人员, 缺席领导, 未出席人员, 请假名单 ….
const leaveLabels = `(?:因(?:公|事|病|故))?(?:请假|缺席)(?:人员|领导|同志|单位)?(?:名单)?|未(?:出席|参加)(?:会议)?(?:人员|领导)?`

// splitInlineLists puts each labelled list of a line that holds several on
// a line of its own ("出席：A B　　请假：C", "出席：A　列席：B"), so that
// each label opens its list and closes the one before.
func splitInlineLists(lines []string) []string {
	var out []string
	for _, l := range lines {
		if _, _, ok := listLabel(l); !ok && !leaveLabelRe.MatchString(l) && !chairLabelled(l) {
			out = append(out, l)
			continue
		}
		for {
			loc := inlineEndRe.FindStringSubmatchIndex(l)
			if loc == nil {
				break
			}
			out = append(out, strings.TrimSpace(l[:loc[2]]))
			l = strings.TrimSpace(l[loc[2]:])
		}
		out = append(out, l)
	}
	return out
}

// chairLabelled reports a line opened by the chair's label (主持：, 主席：),
// which may share its line with the recorder's ("主席：陈代理市长启昱　　纪录：林淑华").
func chairLabelled(l string) bool {
	for _, lb := range chairLabels {
		if rest, ok := strings.CutPrefix(l, lb); ok && (strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":")) {
			return true
		}
	}
	return false
}

// seriesLineRe is a 第N号 line of its own, under a decree's heading.
var seriesLineRe = regexp.MustCompile(`^第\s*[0-9０-９]{1,5}\s*[号號]$`)

// joinSeriesNumbers completes a decree's or a notice's number printed under
// its heading ("中华人民共和国国务院令\n第707号", "公告\n第1号"): the number line gets the heading in
// front, so that it reads as one 文号. Line indexes stay as they are.
func joinSeriesNumbers(lines []string) {
	for i := 1; i < len(lines); i++ {
		if !seriesLineRe.MatchString(lines[i]) {
			continue
		}
		prev := lines[i-1]
		if prev == "" && i >= 2 {
			prev = lines[i-2]
		}
		if (strings.HasSuffix(prev, "令") || strings.HasSuffix(prev, "公告") || strings.HasSuffix(prev, "通告")) && runeLen(prev) <= 20 {
			lines[i] = prev + lines[i]
		}
	}
}

// stripDecoration removes markdown and list decoration around a line.
func stripDecoration(l string) string {
	l = strings.TrimFunc(l, isSpace)
	// A rule under a red header (━━━━, ★───★) is layout, not text.
	if l != "" && strings.IndexFunc(l, func(r rune) bool { return !isOrnament(r) && !isSpace(r) }) < 0 {
		return ""
	}
	for {
		n := len(l)
		l = strings.TrimLeftFunc(l, isOrnament)
		l = strings.TrimLeft(l, "#>•·*-|")
		l = strings.TrimRight(l, "*|")
		l = strings.TrimFunc(l, isSpace)
		if len(l) == n {
			break
		}
	}
	// "**出席：**李亚平" keeps inner emphasis; drop it.
	l = strings.ReplaceAll(l, "**", "")
	return l
}

// unspaceTitle joins a title letter-spaced across a red header
// ("常 务 会 议 纪 要"): single Han characters parted by spaces that end like a
// document's title or an issuer's name.
func unspaceTitle(l string) string {
	if !strings.ContainsAny(l, " \u3000") || utf8.RuneCountInString(l) > 60 {
		return l
	}
	fields := strings.FieldsFunc(l, isSpace)
	// "公　　告" alone under the issuer: a kind's two characters.
	if len(fields) < 4 && !(len(fields) == 2 && contains(spacedKinds, strings.Join(fields, ""))) {
		return l
	}
	for _, f := range fields {
		if r, n := utf8.DecodeRuneInString(f); n != len(f) || !isHan(r) {
			return l
		}
	}
	joined := strings.Join(fields, "")
	// The issuer above it is spaced as well ("麻 阳 苗 族 自 治 县 人 民 政 府").
	if _, ok := hasAnySuffix(joined, []string{"纪要", "通知", "意见", "批复", "决定", "报告", "通报", "公告", "函"}); !ok && !(len(fields) >= 4 && isIssuer(joined)) {
		return l
	}
	return joined
}

// spacedKinds are the two-character titles a red header letter-spaces on
// a line of their own.
var spacedKinds = []string{"公告", "通告", "通知", "决定", "批复", "意见", "通报", "命令"}

// isOrnament reports the characters of rules and ornaments: box drawing,
// geometric shapes, stars, and rule-like ASCII.
func isOrnament(r rune) bool {
	return r >= 0x2500 && r <= 0x25FF || r == '★' || r == '☆' || strings.ContainsRune("-—_=~*＊·•", r)
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff'
}

// nonBlank returns the indexes of non-blank lines.
func (st *state) nonBlank() []int {
	var out []int
	for i, l := range st.lines {
		if l != "" {
			out = append(out, i)
		}
	}
	return out
}

func (st *state) addPerson(name string) {
	name = strings.TrimSpace(name)
	if name == "" || !plausibleName(name) {
		return
	}
	for _, p := range st.people {
		if p == name {
			return
		}
	}
	st.people = append(st.people, name)
}

func (st *state) addDept(name string) {
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) < 2 {
		return
	}
	for _, d := range st.depts {
		if d == name {
			return
		}
	}
	st.depts = append(st.depts, name)
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

func hasAnyPrefix(s string, list []string) (string, bool) {
	for _, p := range list {
		if strings.HasPrefix(s, p) {
			return p, true
		}
	}
	return "", false
}

func hasAnySuffix(s string, list []string) (string, bool) {
	for _, p := range list {
		if strings.HasSuffix(s, p) {
			return p, true
		}
	}
	return "", false
}

func containsAny(s string, list []string) bool {
	for _, p := range list {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func removeSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// allHan reports whether s is non-empty and only Han characters.
func allHan(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// trimPunct trims punctuation and spaces from both ends.
func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return isSpace(r) || (unicode.IsPunct(r) && r != '》' && r != '）' && r != ')' && r != '《' && r != '（' && r != '(' && r != '”' && r != '“') || unicode.IsSymbol(r)
	})
}

// trimEndPunct trims trailing sentence punctuation.
func trimEndPunct(s string) string {
	return strings.TrimRightFunc(strings.TrimSpace(s), func(r rune) bool {
		return isSpace(r) || strings.ContainsRune("。，,.;；:：、!！?？", r)
	})
}

// splitAny splits s on any of the separator runes, dropping empty parts.
func splitAny(s, seps string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func isoDate(y, m, d int) string {
	b := make([]byte, 0, 10)
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, m, 2)
	b = append(b, '-')
	b = appendPadded(b, d, 2)
	return string(b)
}

func appendPadded(b []byte, v, width int) []byte {
	var tmp [8]byte
	i := len(tmp)
	for v > 0 || i == len(tmp) {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	for n := len(tmp) - i; n < width; n++ {
		b = append(b, '0')
	}
	return append(b, tmp[i:]...)
}

// firstRunes returns at most n runes of s.
func firstRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	out := list[:0]
	for _, s := range list {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
