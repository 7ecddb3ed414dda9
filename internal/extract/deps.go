package extract

import (
	"strings"
	"unicode/utf8"

	"govarchive/internal/dept"
	"govarchive/internal/names"
	"govarchive/internal/norm"
)

// The parser's adapters over the helper packages (norm's dates, 文号 and
// meeting numbers; names' tests of a name; dept's units), in the parser's
// own types; the other files use them or call the helpers directly.

// date is a calendar date found in the text; Year is 0 when the text gave none.
type date struct {
	Year, Month, Day int
	PartOfDay, Time  string
	Start, End       int // byte offsets in the searched string
}

func (d date) iso() string {
	if d.Year == 0 || d.Month == 0 || d.Day == 0 {
		return ""
	}
	return isoDate(d.Year, d.Month, d.Day)
}

func findDates(s string) []date { return collectDates(s, false) }

// findDatesOrDays is findDates that also keeps a day of the month alone
// with its part of day ("3日下午"), as news reports date a meeting.
func findDatesOrDays(s string) []date { return collectDates(s, true) }

func collectDates(s string, days bool) []date {
	var out []date
	for _, m := range norm.FindDates(s) {
		dayOnly := days && m.Date.Year == 0 && m.Date.Month == 0
		if !dayOnly && (m.Date.Month < 1 || m.Date.Month > 12) || m.Date.Day < 1 || m.Date.Day > 31 {
			continue
		}
		out = append(out, date{
			Year: m.Date.Year, Month: m.Date.Month, Day: m.Date.Day,
			PartOfDay: m.Date.PartOfDay, Time: m.Date.Time,
			Start: m.Start, End: m.End,
		})
	}
	return out
}

type docNumber struct {
	Text, Prefix string
	Year, Seq    int
	Start, End   int
}

func findDocNumber(s string) (docNumber, bool) {
	dn, start, end, ok := norm.FindDocNumber(s)
	if !ok {
		return docNumber{}, false
	}
	return docNumber{Text: dn.Text, Prefix: dn.Prefix, Year: dn.Year, Seq: dn.Seq, Start: start, End: end}, true
}

type meetingNo struct {
	Term, Year, Session int
	Type                string
}

func findMeetingNo(s string) (meetingNo, bool) {
	m, ok := norm.FindMeetingNo(s)
	if !ok {
		return meetingNo{}, false
	}
	return meetingNo{Term: m.Term, Year: m.Year, Session: m.Session, Type: m.Type}, true
}

// plausibleName reports whether s reads as a person's name (not masked, not
// a title, surname first).
func plausibleName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 4 || names.Masked(s) {
		return false
	}
	return names.Plausible(s)
}

// surnameLen returns the length in characters of the surname s opens with
// (2 for a compound surname), or 0.
// plausibleTitled is plausibleName for a name a title stands next to
// (市长金华): the title lets a word that is usually a place name through.
func plausibleTitled(s string) bool {
	// The names package bounds the length: 2–4 characters for Chinese
	// names, more for minority names (那仁满都拉, 努尔古丽·阿布都).
	n := utf8.RuneCountInString(s)
	// Longer than seven characters only a dotted name is (a fast exit for
	// the many spans list parsing tries).
	if n < 2 || n > 16 || n > 7 && !strings.ContainsAny(s, "·•・‧") || names.Masked(s) {
		return false
	}
	return names.PlausibleTitled(s)
}

// plausibleListed is plausibleTitled for a slot only a name can fill (after
// a unit in a list), where 和/公/区 also open names (市发改委和平).
func plausibleListed(s string) bool { return names.PlausibleListed(s) }

func surnameLen(s string) int { return utf8.RuneCountInString(s[:names.SurnameLen(s)]) }

// postBeforeSurname returns the post that the first character of name
// closes after before, when name opens with a compound surname: "局长孙玉杰"
// is 局长 and 孙玉杰, not 局 and 长孙玉杰 (posts in 长 are many, 长孙 is rare).
// It returns "" when there is none, and after units whose head holds
// another post (公司 a 经理, 委员会 a 主任, 工会 a 主席): there 长孙 stands.
func postBeforeSurname(before, name string) string {
	if surnameLen(name) != 2 {
		return ""
	}
	if _, other := hasAnySuffix(before, []string{"公司", "委员会", "工会"}); other {
		return ""
	}
	r, size := utf8.DecodeRuneInString(name)
	tail := []rune(before)
	if len(tail) > 3 {
		tail = tail[len(tail)-3:]
	}
	p := string(tail) + string(r)
	if i := names.PostAt(p); i >= 0 && i < len(p)-size {
		return p[i:]
	}
	return ""
}

func isMasked(s string) bool { return names.Masked(s) }

// splitTitle splits "常务副县长国宏利" into title and name.
func splitTitle(s string) (title, name string, ok bool) {
	if title, name, ok = splitTitledName(s); ok {
		return title, name, true
	}
	title, name, ok = names.SplitTitle(s)
	if ok && !plausibleTitled(name) {
		return "", "", false
	}
	return strings.TrimSpace(title), name, ok
}

// splitNameTitle reads a name run together with the post after it
// ("王翔副市长", "李亚平市长"); a post standing alone is no such run.
func splitNameTitle(s string) (name, title string, ok bool) {
	if runeLen(s) > 14 || strings.ContainsAny(s, " 　（(") {
		return "", "", false
	}
	name, title, ok = names.SplitNameTitle(s)
	if !ok || !plausibleTitled(name) || isTitle(name) {
		return "", "", false
	}
	return name, title, true
}

// joinPadded joins names padded with spaces to a fixed width ("龚　正").
func joinPadded(s string) string { return names.JoinPadded(s) }

// mention is a department found in a text.
type mention struct {
	Name       string
	Start, End int
}

// deptLengths returns the byte lengths of department names at the start of
// s, longest first.
func (st *state) deptLengths(s string) []int {
	if st.p.depts == nil || s == "" {
		return nil
	}
	return st.units().Lengths(s)
}

// units is the document's memo of the department table's answers.
func (st *state) units() *dept.Memo {
	if st.deptMemo == nil {
		st.deptMemo = st.p.depts.NewMemo()
	}
	return st.deptMemo
}

func (st *state) findDepts(s string) []mention {
	if st.p.depts == nil {
		return nil
	}
	var out []mention
	for _, m := range st.units().Find(s) {
		name, start := m.Name, m.Start
		if st.abroad() {
			start = joinedNameStart(s, m.Start)
			name = s[start:m.Start] + name
		}
		out = append(out, mention{Name: name, Start: start, End: m.End})
	}
	return out
}

// abroad reports a text of a government outside the mainland's system
// (outsideMainland), read once per document.
func (st *state) abroad() bool {
	if st.outside == 0 {
		st.outside = 2
		if outsideMainland(st.text) {
			st.outside = 1
		}
	}
	return st.outside == 1
}

// joinedNameStart is where a Hong Kong or Macau bureau named by two fields
// joined by 及 begins (食物及卫生局, 运输及房屋局, 财经事务及库务局): the
// table reads only the second field (卫生局). The first is a short word
// standing after a break, not a unit's own name (财政局及卫生局 is two).
func joinedNameStart(s string, start int) int {
	head, ok := strings.CutSuffix(s[:start], "及")
	if !ok {
		return start
	}
	// At most five characters back: a longer run is no short word (and
	// the walk stays bounded in a long run of Han text).
	i, n := len(head), 0
	for i > 0 && n <= 4 {
		r, size := utf8.DecodeLastRuneInString(head[:i])
		if !isHan(r) {
			break
		}
		i -= size
		n++
	}
	word := head[i:]
	if r, _ := utf8.DecodeLastRuneInString(head[:i]); n < 2 || n > 4 || i > 0 && isHan(r) {
		return start
	}
	if last, _ := utf8.DecodeLastRuneInString(word); strings.ContainsRune("局署处委会办厅部司院", last) {
		return start
	}
	return i
}

// listJoins join the units of a list that may write their place once.
var listJoins = []string{"、", "和", "及", "与"}

// carryPlace gives name, the unit after prev in a list joined by sep, the
// place prev was written with: 市发改委、工信局 → 市工信局. A bare 工信局
// would stand for every place's bureau.
func (st *state) carryPlace(prev, sep, name string) string {
	if st.p.depts == nil || prev == "" || !contains(listJoins, strings.TrimSpace(sep)) {
		return name
	}
	out, _ := st.p.depts.Carried(prev, name)
	return out
}

func (st *state) resolveDept(name, issuer string) (string, bool) {
	if st.p.depts == nil {
		return "", false
	}
	return st.p.depts.Resolve(name, issuer)
}

// resolveWritten is resolveDept for a body outside the mainland's system,
// whose name is kept as written (dept.Table.ResolveWritten).
func (st *state) resolveWritten(name, issuer string) (string, bool) {
	if st.p.depts == nil {
		return "", false
	}
	if c, ok := st.p.depts.ResolveWritten(name, issuer); ok {
		return c, true
	}
	// 食物及卫生局, read whole by joinedNameStart, is past the table's
	// reading: its own name is its canonical one.
	if strings.Contains(name, "及") {
		return name, true
	}
	return "", false
}
