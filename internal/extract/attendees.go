package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"govarchive/internal/document"
	"govarchive/internal/names"
)

// role of a list of people.
const (
	roleAttendee = "attendee"
	roleObserver = "observer"
	roleAbsent   = "absent" // 请假/缺席
)

// leaveLabel recognises a list of people on leave or absent ("请假：…",
// "缺席人员:") and returns the value after the label.
func leaveLabel(l string) (role, value string, ok bool) {
	loc := leaveLabelRe.FindStringIndex(l)
	if loc == nil {
		return "", "", false
	}
	return roleAbsent, strings.TrimSpace(l[loc[1]:]), true
}

// addAbsent records people who did not attend, once each; a later mention
// fills what an earlier one lacked (a bracket note names only the person,
// the 请假 list may give the unit).
func (st *state) addAbsent(ps ...document.Person) {
	d := st.doc
next:
	for _, p := range ps {
		if p.Name == "" {
			continue
		}
		for i := range d.Absent {
			if a := &d.Absent[i]; a.Name == p.Name {
				if a.Title == "" {
					a.Title = p.Title
				}
				if a.Department == "" {
					a.Department = p.Department
				}
				continue next
			}
		}
		d.Absent = append(d.Absent, p)
	}
}

// parseAbsentList reads a 请假/缺席 list: a list like any other, whose
// brackets give the reason ("潘国强（出差）", "张三（因公请假）").
func (st *state) parseAbsentList(lines []string) []document.Person {
	clean := make([]string, len(lines))
	for i, l := range lines {
		// "符小兵（副县长，出差）": the post stays, the reason goes; so
		// do the people a unit's bracket names (市审计局（滕飞，因公请假）).
		clean[i] = leaveReasonRe.ReplaceAllStringFunc(l, func(b string) string {
			var posts []string
			for _, part := range splitAny(strings.Trim(b, "（()）"), "，,、；; ") {
				if (isTitle(part) || plausibleListed(part)) && !leaveReasonWordRe.MatchString(part) {
					posts = append(posts, part)
				}
			}
			if len(posts) == 0 {
				return ""
			}
			return "（" + strings.Join(posts, "、") + "）"
		})
	}
	present, away := st.parseList(clean)
	return append(present, away...)
}

// leaveReasonRe is a bracket in a leave list that states why someone is
// away rather than who they are: a leave word, or a verb of where they went.
var leaveReasonRe = regexp.MustCompile(`[（(][^（）()]*` + leaveReasonWords + `[^（）()]*[）)]`)

// leaveReasonWordRe is a leave word or a verb of where someone went.
var leaveReasonWordRe = regexp.MustCompile(leaveReasonWords)

const leaveReasonWords = `(?:请假|缺席|出差|因公|因事|因病|病假|事假|公假|外出|学习|培训|参加|出访|开会|会议|公务)`

// maxEntryRunes bounds one unit+name run; longer runs are prose.
const maxEntryRunes = 2000

// listLabel recognises "出席：…" / "列席人员:" and returns the role and the
// value after the label.
func listLabel(l string) (role, value string, ok bool) {
	i := strings.IndexAny(l, ":：")
	if i <= 0 {
		return "", "", false
	}
	label := removeSpaces(l[:i])
	value = strings.TrimSpace(strings.TrimLeft(l[i:], ":："))
	for _, a := range observerLabels {
		if label == a {
			return roleObserver, value, true
		}
	}
	for _, a := range attendeeLabels {
		if label == a {
			return roleAttendee, value, true
		}
	}
	return "", "", false
}

// isEndOfList reports a line that closes an attendance list.
func isEndOfList(l string) bool {
	if _, _, ok := listLabel(l); ok {
		return true
	}
	if i := strings.IndexAny(l, ":："); i > 0 {
		label := removeSpaces(l[:i])
		if _, ok := hasAnyPrefix(label, endLabels); ok {
			return true
		}
		// The 送/报/发 of older minutes send them, as 分送 does.
		if label == "送" || label == "报" || label == "发" {
			return true
		}
	}
	if strings.Contains(l, "。") || compiledRe.MatchString(l) || headingRe.MatchString(l) || sectionRe.MatchString(l) {
		return true
	}
	if ds := findDates(l); len(ds) > 0 && ds[0].Start == 0 {
		return true
	}
	return strings.HasPrefix(l, "---") || strings.HasPrefix(l, "（此件") || strings.HasPrefix(l, "(此件")
}

// attendanceLists reads the labelled 出席/列席 lists of a minutes document,
// and the 请假/缺席 lists of those who did not attend.
func (st *state) attendanceLists() {
	for i := 0; i < len(st.lines); i++ {
		role, value, ok := listLabel(st.lines[i])
		if !ok {
			role, value, ok = leaveLabel(st.lines[i])
		}
		if !ok && rosterTitleRe.MatchString(removeSpaces(st.lines[i])) {
			role, ok = roleAttendee, true
		}
		if !ok {
			continue
		}
		// "出席：A B C　　请假：D": a label later on the line ends the list.
		value, cut := cutInlineEnd(value)
		value, closed := closedList(value)
		cut = cut || closed
		block := []string{value}
		j := i + 1
		for ; j < len(st.lines) && !cut; j++ {
			l := st.lines[j]
			if l == "" {
				continue
			}
			// "市发改委张立新，市财政局周华。": a 。 closes the list.
			if l, closed = closedList(l); closed && !isEndOfList(l) && !containsAny(l, proseMarkers) {
				block = append(block, l)
				j++
				break
			}
			if isEndOfList(st.lines[j]) {
				break
			}
			l, cut = cutInlineEnd(l)
			block = append(block, l)
		}
		if role == roleAbsent {
			st.addAbsent(st.parseAbsentList(block)...)
			i = j - 1
			continue
		}
		people, away := st.parseList(block)
		st.addAbsent(away...)
		for _, p := range people {
			switch role {
			case roleAttendee:
				st.doc.Attendees = append(st.doc.Attendees, document.Attendee(p))
			default:
				st.doc.Observers = append(st.doc.Observers, p)
			}
		}
		i = j - 1
	}
}

// rosterTitleRe is the title of an attachment listing who attended, a row
// a person ("会议参加人员名单", then "甘　霖　　副省长"): a list with no label.
var rosterTitleRe = regexp.MustCompile(`^(?:会议)?(?:参加|出席|参会|与会)(?:会议)?人员名单$`)

// closedList cuts the full stop that closes a list ("王辉、张国华、李建平。")
// and reports whether there was one.
func closedList(l string) (string, bool) {
	t := strings.TrimRight(l, " \t　")
	for _, stop := range []string{"。", "．"} {
		if strings.HasSuffix(t, stop) && strings.Count(t, stop) == 1 {
			return strings.TrimSpace(strings.TrimSuffix(t, stop)), true
		}
	}
	return l, false
}

// proseMarkers in a line ending with 。 make it a sentence, not the last
// line of a list.
var proseMarkers = []string{"会议", "的", "了", "要", "请", "由", "将", "对", "出席", "列席", "参加", "如下"}

// inlineEndRe is a label inside a list line, after a space or a closing
// mark, that closes the list: people on leave or absent, the recorder, or
// the next list. Group 1 is the label.
var inlineEndRe = regexp.MustCompile(`(?:[ \t　]+|[）)；;。])((?:` + leaveLabels + `|[记纪]录人?|列席(?:人员|单位)?|出席(?:人员)?)\s*[:：])`)

// cutInlineEnd cuts l before an inline closing label and reports whether it
// did.
func cutInlineEnd(l string) (string, bool) {
	if loc := inlineEndRe.FindStringSubmatchIndex(l); loc != nil {
		return strings.TrimSpace(l[:loc[2]]), true
	}
	return l, false
}

// chunk is a piece of a list with the break before it: a separator
// (、，；), a space, or a line break, where a unit or a name may have been
// wrapped.
type chunk struct {
	text string
	brk  int
	sep  rune             // the separator of a hard break (、，；), or 0
	row  *document.Person // a whole table row read as unit and person
}

const (
	brkHard = iota
	brkSpace
	brkLine
)

// roleSuffixes stand after a unit in a list instead of a person's name
// ("区教育局主要负责同志"): the unit attended, no one is named.
var roleSuffixes = []string{"主要负责同志", "有关负责同志", "相关负责同志", "分管负责同志", "负责同志", "主要负责人", "分管负责人", "负责人", "主要领导", "分管领导", "负责"}

// leaveMarkers in a bracket after a name mark someone who did not attend
// ("罗志远（请假）").
var leaveMarkers = []string{"请假", "缺席", "未出席", "未参加", "因公", "因事", "因病"}

// parseList reads a list of people: bare names, or unit+name runs without a
// separator ("市发改委凌鸣"), wrapped across lines at any point; names with
// a bracketed title or a unit with its people in brackets; titles standing
// apart before or after their names ("副区长 彭涛", "许文斌 副市长").
//
// People the list marks as on leave ("罗志远（请假）", "王五（李四请假）")
// come back in away, not among those present.
func (st *state) parseList(lines []string) (present, away []document.Person) {
	out := st.parseListEntries(lines)
	// "王五（李四请假）", "（李四、王五请假）": people named on leave inside a
	// bracket did not attend, wherever the bracket stands.
	isAway := map[string]bool{}
	for _, l := range lines {
		named := leaveBracketRe.FindAllStringSubmatch(l, -1)
		// "（请假：张建华、周平）": the names follow the label.
		named = append(named, leaveListBracketRe.FindAllStringSubmatch(l, -1)...)
		for _, m := range named {
			for _, n := range splitAny(m[1], "、，, 　") {
				n = strings.TrimSuffix(n, "同志")
				if !isAway[n] && (plausibleListed(n) || st.bareName(n)) {
					isAway[n] = true
					away = append(away, document.Person{Name: n})
				}
			}
		}
		// "罗志远（请假）": the entry before a bracket that names no one,
		// with a unit standing apart before it ("县教育局 刘芳（请假）").
		for _, m := range leaveAfterRe.FindAllStringSubmatch(l, -1) {
			// ("龙云（因公）" says only why; "黄德辉（罗志远请假）" names
			// someone else.)
			if b := leaveBracketRe.FindStringSubmatch(m[2]); b != nil && strings.TrimSpace(b[1]) != "" || leaveListBracketRe.MatchString(m[2]) {
				continue
			}
			p, ok := st.listPerson(removeSpaces(m[1]))
			if f := strings.Fields(m[1]); !ok && len(f) > 1 {
				p, ok = st.listPerson(f[len(f)-1])
			}
			if ok && !isAway[p.Name] {
				isAway[p.Name] = true
				away = append(away, p)
			}
		}
	}
	if len(isAway) == 0 {
		return out, nil
	}
	for _, p := range out {
		if !isAway[p.Name] {
			present = append(present, p)
		}
	}
	return present, away
}

// leaveListBracketRe is a bracket listing people on leave after a label
// ("（请假：张建华、周平）"): group 1 holds their names.
var leaveListBracketRe = regexp.MustCompile(`[（(](?:因公|因事|因病|因故)?(?:请假|缺席|未出席|未参加)(?:人员|同志)?\s*[:：]([^（）()]+)[）)]`)

// leaveAfterRe is an entry followed by a bracket on leave: group 1 the
// entry, group 2 the bracket.
var leaveAfterRe = regexp.MustCompile(`([^、，,；;（）()：:]+?)\s*([（(][^（）()]*(?:请假|缺席|未出席|未参加|因公|因事|因病)[^（）()]*[）)])`)

// listPerson reads one list entry as one person: a name, a unit and name,
// or a post and name.
func (st *state) listPerson(s string) (document.Person, bool) {
	if ps, _, _ := st.parseEntry(s); len(ps) == 1 {
		return ps[0], true
	}
	if st.bareName(s) {
		return document.Person{Name: s}, true
	}
	if title, name, ok := st.titleNameEnd(s); ok {
		return document.Person{Name: name, Title: title}, true
	}
	return document.Person{}, false
}

// leaveBracketRe is a bracket naming people on leave or absent: group 1
// holds their names.
var leaveBracketRe = regexp.MustCompile(`[（(]([^（）()]*?)(?:同志)?(?:因公|因事|因病)?(?:请假|缺席|未出席|未参加)[^（）()]*[）)]`)

func (st *state) parseListEntries(lines []string) []document.Person {
	if ps, ok := st.flatCells(lines); ok {
		for _, p := range ps {
			if p.Department != "" {
				st.addDept(p.Department)
			}
		}
		return ps
	}
	var chunks []chunk
	brk, sep := brkHard, rune(0)
	for k := 0; k < len(lines); k++ {
		l := barCells(lines[k])
		// A table's header row (单位　姓名　职务) names its columns.
		if l == "" || tableHeader(l) {
			continue
		}
		// A row of units over a row of their people (a table flattened
		// from a page: "市发改委　市财政局" then "陈志伟　黄永春").
		if k+1 < len(lines) {
			if ps, ok := st.unitColumns(l, lines[k+1]); ok {
				for i := range ps {
					chunks = append(chunks, chunk{text: ps[i].Name, brk: brkHard, row: &ps[i]})
				}
				brk = brkHard
				k++
				continue
			}
		}
		// "市司法局    陈  刚": a table row with a name padded to width.
		l = joinPadded(l)
		// "县领导：县长 王建，副县长 李明", "县直单位：县政府办杨帆、…": a group
		// label over entries that carry their own posts and units.
		if i := strings.IndexAny(l, ":："); i > 0 && groupLabel(removeSpaces(l[:i])) {
			l = strings.TrimSpace(strings.TrimLeft(l[i:], ":："))
		}
		if p, ok := st.tableRow(l); ok {
			chunks = append(chunks, chunk{text: l, brk: brkHard, row: &p})
			brk = brkHard
			continue
		}
		if ps, ok := st.unitGroups(l); ok {
			for i := range ps {
				chunks = append(chunks, chunk{text: ps[i].Name, brk: brkHard, row: &ps[i]})
			}
			brk = brkHard
			continue
		}
		start, depth := 0, 0
		for i, r := range l + "\n" {
			switch r {
			case '（', '(':
				depth++
			case '）', ')':
				depth = max(depth-1, 0)
			}
			hard := strings.ContainsRune("、，,；;", r)
			// Separators inside a bracket belong to it ("区商务局（张三、李四）").
			if depth > 0 && r != '\n' || !hard && !isSpace(r) && r != '\n' {
				continue
			}
			if t := l[start:min(i, len(l))]; t != "" {
				for k, part := range st.splitConjunction(t) {
					b, sp := brk, sep
					if k > 0 {
						b, sp = brkHard, '和'
					}
					chunks = append(chunks, chunk{text: part, brk: b, sep: sp})
				}
				brk, sep = brkSpace, 0
			}
			if hard {
				brk, sep = brkHard, r
			}
			start = i + len(string(r))
			depth = 0
		}
		if brk != brkHard {
			brk, sep = brkLine, 0
		}
	}
	var merged []chunk
	for _, c := range chunks {
		if c.row != nil {
			merged = append(merged, c)
			continue
		}
		t := st.trimRole(strings.TrimSuffix(strings.TrimSuffix(cutGroupTail(c.text), "同志"), "等"))
		if t == "" {
			continue
		}
		if n := len(merged); n > 0 && c.brk != brkHard && merged[n-1].row == nil &&
			// A post stands apart from the names around it, but one that
			// ends a line may be a unit and a name wrapped there
			// ("县城管综合执法局长\n孙瑞卓": 局 + 长孙瑞卓).
			(!st.isListTitle(t) && (c.brk == brkLine && len(st.deptLengths(merged[n-1].text)) > 0 || !st.isListTitle(merged[n-1].text)) ||
				st.unitRunsOn(merged[n-1].text, t)) &&
			// "刘海峰　常务副县长\n赵丽萍": a post standing apart after a name
			// ends its row; the next line opens another.
			!(c.brk == brkLine && merged[n-1].brk == brkSpace && st.isListTitle(merged[n-1].text)) &&
			!strings.ContainsAny(merged[n-1].text, "（(") && st.joinAcrossBreak(merged[n-1].text, t, c.brk) {
			merged[n-1].text += t
			continue
		}
		merged = append(merged, chunk{text: t, brk: c.brk, sep: c.sep})
	}
	// Titles standing apart follow their names when the first one comes
	// after a name on the same line ("许文斌 副市长"), else they precede
	// them ("副区长 彭涛"), also after a name that has none ("孔德胜　副市长
	// 殷红、邵明": a post that opens a run of names is theirs), unless one
	// person holds it ("李明 县长 王强 …": the chair's post after his name).
	titleAfter := false
	for k, m := range merged {
		if st.isListTitle(m.text) {
			titleAfter = k > 0 && m.brk == brkSpace && !st.isListTitle(merged[k-1].text) && (soleHeadPost(m.text) || !st.opensRun(merged[k+1:]))
			break
		}
	}
	var out []document.Person
	pending := ""
	runs := listRuns{joiner: listJoiner(merged)}
	prevUnit := "" // the unit alone the entry before was
	for _, m := range merged {
		unitBefore := prevUnit
		prevUnit = ""
		if m.row != nil {
			if m.row.Department != "" {
				st.addDept(m.row.Department)
			}
			runs.end(out, m)
			out = append(out, *m.row)
			continue
		}
		if containsAny(m.text, bylineMarkers) {
			continue
		}
		// "王翔副市长": a name with its post after it, run together.
		if name, title, ok := splitNameTitle(m.text); ok {
			runs.end(out, m)
			out = append(out, document.Person{Name: name, Title: title})
			pending = ""
			continue
		}
		if st.isListTitle(m.text) {
			// "县财政局局长 李丽、副局长 赵敏": a unit's post standing
			// apart goes on the run of its unit.
			if !(isUnitPost(m.text) && runs.dept != "" && runs.continues(m)) {
				runs.end(out, m)
			}
			if titleAfter {
				if n := len(out); n > 0 && out[n-1].Title == "" {
					out[n-1].Title = m.text
				} else if n > 0 {
					// "局长孙　丽　区住建局局长\n周　伟": the name before has
					// its post; this one opens the next name's.
					pending = m.text
				}
			} else if pending != "" && m.brk == brkHard {
				// "县委常委、副县长　李建新": posts joined by 、 before one name.
				pending += "、" + m.text
			} else {
				pending = m.text
			}
			continue
		}
		ps, ok := st.bracketEntry(m.text)
		if !ok {
			ps, _, _ = st.parseEntry(m.text)
			// The entry cache shares its slices: posts and units the
			// list gives are this list's, not the cached entry's.
			ps = slices.Clone(ps)
			if len(ps) == 0 && st.bareName(m.text) {
				// An entry between separators that is no unit: a name the
				// names package does not know (武力, 区钧祖).
				ps = []document.Person{{Name: m.text}}
			}
		}
		if len(ps) == 0 {
			// A unit alone ("县财政局", one a line) attended by someone
			// the list does not name.
			if st.isUnit(m.text) {
				name := m.text
				if m.brk == brkHard && m.sep == '、' {
					// "市发改委、工信局、财政局": the place written once.
					name = st.carryPlace(unitBefore, "、", name)
				}
				st.addDept(name)
				prevUnit = name
			}
		}
		// A post or unit in brackets after the name ("李四（副市长）") is
		// that name's alone; one written before it opens a run.
		before := len(ps) > 0 && !strings.HasPrefix(m.text, ps[len(ps)-1].Name)
		if pending != "" && len(ps) > 0 {
			switch {
			case ps[0].Title == "":
				ps[0].Title = pending
				before = true
			case m.brk == brkHard && m.sep == '、' && ps[0].Department == "":
				// "县委常委、常务副县长国宏利": posts joined by 、 before
				// the name the last of them is written with.
				ps[0].Title = pending + "、" + ps[0].Title
			}
			pending = ""
		}
		switch {
		case len(ps) == 0:
			runs.end(out, m)
		case !titleAfter && len(ps) == 1 && ps[0].Title == "" && ps[0].Department == "" && runs.continues(m):
			// "副市长 李四、王五": a bare name shares the post and unit of
			// the name before it.
			runs.share(&ps[0], len(out))
		case len(ps) == 1 && ps[0].Department == "" && runs.dept != "" && runs.continues(m) && isUnitPost(ps[0].Title) && titleUnit(ps[0].Title) == "" && !ownsUnit(ps[0].Title):
			// "区发改局局长张涛、副局长李娜": a post of a unit with no unit
			// of its own is one of the unit before it.
			ps[0].Department = runs.dept
			runs.title = ps[0].Title
		default:
			runs.end(out, m)
			p := ps[len(ps)-1]
			if p.Department == "" {
				// "区发改局局长张涛": the unit opens the post.
				if unit, post := st.unitOfTitle(p.Title); unit != "" {
					p.Department, p.Title = unit, post
				} else if unit := titleUnit(p.Title); unit != "" {
					// "潍坊港集团董事长韩东": a unit the table does not know.
					p.Department, p.Title = unit, p.Title[len(unit):]
				}
			}
			if before {
				runs.start(p)
			}
		}
		for _, p := range ps {
			if p.Department != "" {
				st.addDept(p.Department)
			}
		}
		out = append(out, ps...)
	}
	return out
}

// titleUnit returns the unit a post is written with when it reads as one
// ("潍坊港集团董事长" → 潍坊港集团, "国网潍坊供电公司副总经理" → 国网潍坊供电公司),
// or "" for a post alone (常务副局长).
func titleUnit(title string) string {
	i := names.PostAt(title)
	if i <= 0 || strings.ContainsAny(title, "、，,") {
		return ""
	}
	unit := strings.TrimSuffix(strings.TrimSuffix(title[:i], "常务"), "副")
	if runeLen(unit) < 3 {
		return ""
	}
	// An office bare of what it is (办公室主任) names no unit.
	if suf, ok := hasAnySuffix(unit, []string{"集团", "公司", "局", "委", "办", "办公室", "办事处", "中心", "院", "所", "站", "厂", "行", "社", "馆"}); !ok || suf == unit {
		return ""
	}
	return unit
}

// ownsUnit reports a post written with a unit of its own that titleUnit
// does not read ("新店村党支部书记", "村委会主任"): it is no post of the
// unit before it in the list.
func ownsUnit(title string) bool {
	i := names.PostAt(title)
	if i <= 0 {
		return false
	}
	return runeLen(strings.TrimSuffix(strings.TrimSuffix(title[:i], "常务"), "副")) >= 3
}

// isUnitPost reports a post held inside a unit (副局长, 主任), as opposed to
// one that names its government (副市长, 县委常委).
func isUnitPost(title string) bool {
	return title != "" && !strings.ContainsAny(title, levelChars+"、，,") && !strings.Contains(title, "政府")
}

// listRuns tracks a run of names in a list that share the post or unit
// written before the first of them ("副市长 李四、王五", "政府办李四、马五，
// 县委督查室马六"): the run goes on over the separator that joins names in
// this list (or a space) and ends at the next post, unit or other break.
type listRuns struct {
	joiner      rune // the separator joining the names of a run
	active      bool
	title, dept string
	shared      []int // indexes of the names that took the run's unit
}

// listJoiner is the separator joining the names of a run: 、 where the
// list uses it, else the comma.
func listJoiner(merged []chunk) rune {
	for _, m := range merged {
		if m.sep == '、' {
			return '、'
		}
	}
	return '，'
}

func (r *listRuns) start(p document.Person) {
	*r = listRuns{joiner: r.joiner, active: p.Title != "" || p.Department != "", title: p.Title, dept: p.Department}
}

func (r *listRuns) continues(m chunk) bool {
	if !r.active {
		return false
	}
	return m.brk == brkSpace || m.brk == brkHard && (m.sep == r.joiner || r.joiner == '，' && m.sep == ',')
}

func (r *listRuns) share(p *document.Person, at int) {
	// "市长 张建国、李明": a post one person holds is the first name's.
	if !soleHeadPost(r.title) {
		p.Title = r.title
	}
	if r.dept != "" {
		p.Department = r.dept
		r.shared = append(r.shared, at)
	}
}

// end closes the run before m. A unit is shared only by a run the list
// sets apart: when the next entry follows over the same joiner
// ("市发改委张三、李四、市财政局王五"), the names after the first may as
// well be people of no unit, so they keep none.
func (r *listRuns) end(out []document.Person, m chunk) {
	if r.active && len(r.shared) > 0 && m.brk == brkHard && m.sep == r.joiner {
		for _, i := range r.shared {
			out[i].Department = ""
		}
	}
	*r = listRuns{joiner: r.joiner}
}

// opensRun reports list chunks that begin with a name on the same line
// and go on, over 、 or a space, to another name: the names a post standing
// before them shares.
func (st *state) opensRun(next []chunk) bool {
	if len(next) < 2 || next[0].brk != brkSpace || next[0].row != nil || next[1].row != nil ||
		st.isListTitle(next[0].text) || st.isListTitle(next[1].text) {
		return false
	}
	// "孟凡东　副县长　冯志刚　钱丽": two names in a row after the post are
	// its run too; posts after names alternate with them.
	return next[1].brk == brkHard && next[1].sep == '、' || next[1].brk == brkSpace
}

// tableRow reads a line of a list laid out as a table: a unit, padding, a
// person ("国网宁远供电公司　　　蒋明"; the cleaner leaves one space of the
// padding). A line of exactly these two columns is the evidence, so the
// unit may be one the table does not know, as long as it ends like a unit.
func (st *state) tableRow(l string) (document.Person, bool) {
	cols := rowGapRe.Split(strings.TrimSpace(l), -1)
	title := ""
	switch {
	case len(cols) == 3 && st.isListTitle(cols[1]) && !slices.ContainsFunc(strings.Split(cols[1], "、"), func(t string) bool { return !st.isListTitle(t) }):
		// (every post of "县委常委、副县长" is one, unlike 张建华、副市长)
		// "市发改委　副主任　王强": unit, post, name.
		title = cols[1]
	case len(cols) != 2:
		return document.Person{}, false
	}
	unit, name := cols[0], cols[len(cols)-1]
	if !allHan(unit) || !allHan(name) {
		return document.Person{}, false
	}
	r := []rune(unit)
	if !st.isUnit(unit) && !(len(r) >= 4 && strings.ContainsRune(unitSuffixes, r[len(r)-1])) {
		return document.Person{}, false
	}
	if !(plausibleListed(name) || st.bareName(name)) {
		return document.Person{}, false
	}
	return document.Person{Name: name, Title: title, Department: unit}, true
}

// unitWithPeople reads a line that gives a unit and then its people after
// a colon ("市发改委：王强、李丽（副主任）"), or a post they share
// ("副县长：张三、李四").
func (st *state) unitWithPeople(l string) ([]document.Person, bool) {
	i := strings.IndexAny(l, ":：")
	if i <= 0 {
		return nil, false
	}
	// The colon and the people after it are the evidence: a unit the
	// table lacks only needs to end like one (城区街道办事处).
	unit, post := strings.TrimSpace(l[:i]), ""
	if r := []rune(unit); !st.isUnit(unit) && !(len(r) >= 4 && allHan(unit) && strings.ContainsRune(unitSuffixes, r[len(r)-1])) {
		// "市政府副秘书长：张三、李四": a post shared by the names after it.
		if !st.isListTitle(unit) {
			return nil, false
		}
		unit, post = "", unit
	}
	var out []document.Person
	shared := post
	for _, entry := range splitAny(strings.TrimLeft(l[i:], ":："), "、，,；;") {
		// "副主任 黎华", "能源科科长 严伟": a post standing apart before a
		// name is that name's, and a deputy's is shared by the names after
		// it (副主任 黎华、王五); "张三 李四" are two names.
		fields := strings.Fields(entry)
		own := ""
		if len(fields) >= 2 && st.isListTitle(fields[0]) {
			own, fields = fields[0], fields[1:]
			shared = post
			if !soleHeadPost(own) {
				shared = own
			}
		}
		for _, e := range fields {
			e = strings.TrimSuffix(e, "同志")
			var p document.Person
			switch {
			case plausibleListed(e) || st.bareName(e):
				p = document.Person{Name: e}
			default:
				ps, ok := st.bracketEntry(e)
				if !ok {
					if title, name, ok := st.titleNameEnd(e); ok {
						ps = []document.Person{{Name: name, Title: title}}
					}
				}
				if len(ps) != 1 {
					return nil, false
				}
				p = ps[0]
			}
			p.Department = unit
			switch {
			case p.Title != "":
			case own != "":
				p.Title, own = own, ""
			default:
				p.Title = shared
			}
			out = append(out, p)
		}
	}
	return out, len(out) > 0
}

// unitColumns reads a line of units over a line of as many names: the
// people under them, one each.
func (st *state) unitColumns(units, people string) ([]document.Person, bool) {
	us, ns := strings.FieldsFunc(units, isSpace), strings.FieldsFunc(joinPadded(people), isSpace)
	if len(us) < 2 || len(us) != len(ns) {
		return nil, false
	}
	out := make([]document.Person, len(us))
	for i := range us {
		if !st.isUnit(us[i]) || !plausibleListed(ns[i]) || st.isUnit(ns[i]) {
			return nil, false
		}
		out[i] = document.Person{Name: ns[i], Department: us[i]}
	}
	return out, true
}

// headerCells are the column names of an attendance table.
var headerCells = map[string]bool{"序号": true, "单位": true, "姓名": true, "职务": true, "部门": true, "单位名称": true,
	"职位": true, "职称": true, "备注": true, "参会人员": true, "人员": true, "联系电话": true, "电话": true, "签名": true}

// flatCells reads a table copied from a page one cell a line ("姓名\n职务\n
// 杨志强\n市长\n王成林\n副市长", "区政府办\n王开明\n副主任\n区住建局…"):
// the header's cells are dropped, a unit or a row number opens a row, a
// second name opens another, and a post belongs to the name before it, or
// after it when the header or the first row puts the post first. Without a
// header only a full table is taken, every name with its post; a list of
// names one a line with posts before them reads as it always has.
func (st *state) flatCells(lines []string) ([]document.Person, bool) {
	const (
		cellHeader = iota
		cellNo
		cellUnit
		cellTitle
		cellName
	)
	type cell struct {
		text string
		kind int
	}
	var cells []cell
	header, titleFirst, titleSeen, nameSeen := 0, false, false, false
	for _, l := range lines {
		c := joinPadded(strings.TrimSpace(l))
		if c == "" {
			continue
		}
		if strings.ContainsFunc(c, isSpace) || strings.ContainsAny(c, "、，,；;：:（()）") {
			return nil, false
		}
		k := cellName
		switch {
		case headerCell(c):
			// The header comes first, and says where the post stands.
			if len(cells) > header {
				return nil, false
			}
			header++
			if c == "姓名" {
				nameSeen = true
			} else if strings.HasPrefix(c, "职") && !nameSeen {
				titleFirst = true
			}
			k = cellHeader
		case rowNoRe.MatchString(c):
			k = cellNo
		case st.isListTitle(c):
			k = cellTitle
			if !titleSeen && !nameSeen && header == 0 {
				titleFirst = true
			}
			titleSeen = true
		case st.isUnit(c) || st.looksUnit(c):
			k = cellUnit
		case plausibleListed(c) || st.bareName(c):
			nameSeen = true
		default:
			return nil, false
		}
		cells = append(cells, cell{c, k})
	}
	// A header of one cell is a word of the list; posts before names with
	// no header are the usual list ("副市长\n李明").
	if header < 2 && (header == 1 || !titleSeen || titleFirst) {
		return nil, false
	}
	var out []document.Person
	open := false // a row is open at out[len(out)-1]
	newRow := func() {
		out = append(out, document.Person{})
		open = true
	}
	titles := 0
	for _, c := range cells[header:] {
		switch c.kind {
		case cellNo:
			open = false
		case cellUnit:
			newRow()
			out[len(out)-1].Department = c.text
		case cellName:
			if !open || out[len(out)-1].Name != "" {
				newRow()
			}
			out[len(out)-1].Name = c.text
		case cellTitle:
			titles++
			if titleFirst {
				if !open || out[len(out)-1].Name != "" || out[len(out)-1].Title != "" {
					newRow()
				}
			} else if !open || out[len(out)-1].Name == "" || out[len(out)-1].Title != "" {
				return nil, false
			}
			out[len(out)-1].Title = c.text
		default:
			return nil, false
		}
	}
	var rows []document.Person
	for _, p := range out {
		switch {
		case p.Name != "":
			rows = append(rows, p)
		case p.Title != "":
			return nil, false // a post with no one to hold it
		case p.Department != "":
			// A unit's row that names no one: the unit attended.
			st.addDept(p.Department)
		}
	}
	if len(rows) == 0 || header == 0 && titles != len(rows) {
		return nil, false
	}
	return rows, true
}

// headerCell reports the name of a column of an attendance table, also
// two in one cell (职务/职称).
func headerCell(c string) bool {
	for _, part := range strings.FieldsFunc(c, func(r rune) bool { return r == '/' || r == '／' }) {
		if !headerCells[part] {
			return false
		}
	}
	return c != ""
}

// barCells writes a row of a table drawn with bars ("| 区政府办 | 王开明 |
// 副主任 |", markdown's) with its cells parted by tabs, as a page's table is, and the
// rule under its header (|---|---|) as nothing; other lines stay as they are.
func barCells(l string) string {
	t := strings.TrimSpace(strings.ReplaceAll(l, "｜", "|"))
	if !strings.Contains(t, "|") {
		return l
	}
	if mdRuleRe.MatchString(t) {
		return ""
	}
	// (The cleaner may have cut the outer bars: "区政府办 | 王开明".)
	cells := strings.Split(strings.Trim(t, "|"), "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return strings.Join(cells, "\t")
}

// tableHeader reports a line of column names only.
func tableHeader(l string) bool {
	cells := strings.FieldsFunc(l, func(r rune) bool { return isSpace(r) || r == '|' || r == '｜' })
	if len(cells) < 2 {
		return false
	}
	for _, c := range cells {
		if !headerCells[c] {
			return false
		}
	}
	return true
}

// groupLabel reports the label of a group inside an attendance list
// (县领导, 县直单位, 乡镇（街道）, 有关部门): not a unit or a post.
func groupLabel(label string) bool {
	if runeLen(label) > 10 {
		return false
	}
	if _, ok := hasAnySuffix(label, []string{"领导", "单位", "部门"}); ok {
		return true
	}
	// Not 城关街道: a street's office is a unit.
	label = strings.TrimPrefix(label, "各")
	return contains([]string{"乡镇", "街道", "乡镇街道", "镇街", "乡镇（街道）", "镇（街道）", "乡镇(街道)", "镇(街道)"}, label)
}

// unitGroups reads a line of units each with its people after a colon,
// one or several separated by semicolons ("县发改局：王强、李丽；县财政局：
// 赵敏").
func (st *state) unitGroups(l string) ([]document.Person, bool) {
	if ps, ok := st.unitWithPeople(l); ok {
		return ps, true
	}
	parts := splitAny(l, "；;")
	if len(parts) < 2 {
		return nil, false
	}
	var out []document.Person
	for _, part := range parts {
		ps, ok := st.unitWithPeople(part)
		if !ok {
			return nil, false
		}
		out = append(out, ps...)
	}
	return out, true
}

// rowGapRe is the padding between the columns of a table row.
var rowGapRe = regexp.MustCompile(`[ \t　]+`)

// unitRunsOn reports a unit of the table that starts with a and ends in b:
// "县人民政府国有资产监督管理委员" + "会阚雁思" looks like a post (…委员)
// cut from its name, but is a committee wrapped before 会.
func (st *state) unitRunsOn(a, b string) bool {
	ls := st.deptLengths(a + b)
	return len(ls) > 0 && ls[0] > len(a) && !st.endsWithName(a)
}

// isListTitle reports a list entry that is a post alone (副市长,
// 区发改局局长) rather than a name or a unit.
func (st *state) isListTitle(s string) bool {
	if !isTitle(s) || plausibleName(s) {
		return false
	}
	// A longer post is one a unit read whole opens (市政务服务和大数据管理局局长).
	if n := runeLen(s); n > maxListTitle {
		if n > 2*maxListTitle {
			return false
		}
		if unit, _ := st.unitOfTitle(s); unit == "" {
			return false
		}
	}
	// "…管理委员" is a committee wrapped before its 会, not a 委员.
	return !(strings.HasSuffix(s, "委员") && st.isUnit(s+"会"))
}

// maxListTitle bounds a post standing alone in a list (区发改局副局长);
// a longer run ending like a post is units and names wrapped mid-word.
const maxListTitle = 12

// trimRole drops a role phrase after a unit ("区卫健局负责" of
// 区卫健局负责同志), so the unit is not read with a name 负责.
func (st *state) trimRole(s string) string {
	for _, suf := range roleSuffixes {
		if u, ok := strings.CutSuffix(s, suf); ok && u != "" {
			u = strings.TrimSuffix(u, "的") // 管委会的负责同志
			if ms := st.findDepts(u); len(ms) > 0 && ms[len(ms)-1].End == len(u) {
				return u
			}
		}
	}
	return s
}

// groupTailRe is what closes a list after its last name and 等: the group
// the names belong to ("胡世忠等市政府领导", "李明等3人").
var groupTailRe = regexp.MustCompile(`等(?:[0-9０-９一二三四五六七八九十]+[位名个]?人|[\p{Han}]{0,10}(?:领导同志|领导|同志|人员|负责人))$`)

// cutGroupTail cuts the group after the last name of a list: its people
// are named before 等.
func cutGroupTail(s string) string {
	if loc := groupTailRe.FindStringIndex(s); loc != nil && loc[0] > 0 {
		return s[:loc[0]]
	}
	return s
}

// splitConjunction cuts a run at 和/及/与 between two units ("区教育局和
// 区卫健局"): the conjunction joins units there, while after a unit and
// before no unit it opens a name (区发改局和平, 和 is a surname).
func (st *state) splitConjunction(s string) []string {
	var out []string
	for {
		cut := -1
		for _, m := range st.findDepts(s) {
			rest := s[m.End:]
			c, ok := hasAnyPrefix(rest, []string{"和", "及", "与"})
			if !ok || !st.conjoinedUnit(rest, len(c)) {
				continue
			}
			cut = m.End
			out = append(out, s[:cut])
			s = rest[len(c):]
			break
		}
		if cut < 0 {
			return append(out, s)
		}
	}
}

// conjoinedUnit reports whether the conjunction of n bytes at the start of
// s joins a unit: one of the same government (和区卫健局, 及市财政局), or
// another unit unless the conjunction and what follows read as a name
// (和娜昊|市人力资源…: 娜昊市 is no place).
func (st *state) conjoinedUnit(s string, n int) bool {
	after := s[n:]
	if relUnitAt(st, after) {
		return true
	}
	if len(st.leadLengths(after)) == 0 {
		return false
	}
	for _, k := range nameLengths(s) {
		if plausibleListed(s[:k]) {
			return false
		}
	}
	return true
}

// bracketEntry reads an entry with a bracketed part: a name with its title
// (陈志强（副县长）), a unit with its people (区商务局（和建国）), or a name
// with a remark (罗志远（出差）). Someone marked as on leave is dropped. ok
// is false when s has no bracket or reads as none of these.
func (st *state) bracketEntry(s string) ([]document.Person, bool) {
	i := strings.IndexAny(s, "（(")
	if i <= 0 {
		return nil, false
	}
	j := strings.LastIndexAny(s, "）)")
	if j < i {
		return nil, false
	}
	_, open := utf8.DecodeRuneInString(s[i:])
	_, closing := utf8.DecodeRuneInString(s[j:])
	if strings.TrimSpace(s[j+closing:]) != "" {
		return nil, false
	}
	// "刘廷国同志（市政府秘书长）": the address stands between name and post.
	outer, inner := strings.TrimSuffix(strings.TrimSpace(s[:i]), "同志"), strings.TrimSpace(s[i+open:j])
	person := func(n string) (document.Person, bool) {
		if ps, _, _ := st.parseEntry(n); len(ps) == 1 {
			return ps[0], true
		}
		if st.bareName(n) {
			return document.Person{Name: n}, true
		}
		return document.Person{}, false
	}
	if containsAny(inner, leaveMarkers) {
		// "罗志远（请假）" is away; "黄德辉（罗志远请假）" names someone
		// else, whom parseList drops.
		if m := leaveBracketRe.FindStringSubmatch(s[i:]); m != nil && strings.TrimSpace(m[1]) != "" || leaveListBracketRe.MatchString(s[i:]) {
			if p, ok := person(outer); ok {
				return []document.Person{p}, true
			}
		}
		return nil, true
	}
	if isTitle(inner) {
		if p, ok := person(outer); ok {
			if p.Title == "" {
				p.Title = inner
			}
			return []document.Person{p}, true
		}
		return nil, false
	}
	// "吴敏（区政府办）": the unit in brackets after the name.
	if st.isUnit(inner) {
		if p, ok := person(outer); ok && p.Department == "" {
			p.Department = inner
			return []document.Person{p}, true
		}
	}
	if st.isUnit(outer) {
		var out []document.Person
		for _, n := range splitAny(inner, "、，, 　") {
			if !(plausibleTitled(n) || st.looseName(n) || st.bareName(n)) {
				return nil, false
			}
			out = append(out, document.Person{Name: n, Department: outer})
		}
		return out, len(out) > 0
	}
	if p, ok := person(outer); ok {
		return []document.Person{p}, true
	}
	return nil, false
}

// joinAcrossBreak decides whether b continues a across a space or line
// break: when a cannot stand alone, when b is a stray character after a line
// break (the end of a wrapped name), or when the joined run reads with more
// units the department table knows ("张家" + "港市王松石" → 张家港市 王松石).
func (st *state) joinAcrossBreak(a, b string, brk int) bool {
	if brk == brkLine && (st.isFragment(b) || st.unitSpansBreak(a, b)) {
		return true
	}
	_, completeA, tableA := st.parseEntry(a)
	if !completeA {
		if brk == brkLine || runeLen(a) == 1 {
			// One unit a line ("县发改局\n县财政局"): a whole unit before
			// another is no wrapped name, unless the unit runs on.
			return !st.isUnit(a) || len(st.deptLengths(b)) == 0 || st.unitSpansBreak(a, b)
		}
		// "市政府办公室李　杰", "党政办公室张　倩": a two-character name
		// padded to width after its unit.
		if last, n := utf8.DecodeLastRuneInString(a); runeLen(b) == 1 && plausibleName(string(last)+b) &&
			(slices.Contains(st.deptLengths(a), len(a)-n) || st.innerUnit(a[:len(a)-n])) {
			return true
		}
		// On one line a space separates entries, unless a unit stands alone
		// before its name ("市委编办 詹利剑") or runs on into b.
		// Two units side by side ("区卫健局 区自然资源局") stay apart.
		if ls := st.deptLengths(a + b); len(ls) > 0 && ls[0] >= len(a) {
			return ls[0] > len(a) || len(st.deptLengths(b)) == 0
		}
		// A table row: a unit the table does not know, padded to width
		// before its person ("国网宁远供电公司　　　蒋明").
		return st.looksUnit(a) && (plausibleName(b) || st.bareName(b))
	}
	pb, completeB, tableB := st.parseEntry(b)
	if brk == brkLine && !completeB && len(st.deptLengths(b)) == 0 && !st.looksUnit(b) {
		// b cannot stand alone and opens no unit: it is the rest of a
		// wrapped unit or name.
		return true
	}
	pm, completeM, tableM := st.parseEntry(a + b)
	if !completeM {
		return false
	}
	// A department (not a bare place) that opens with a level in a and runs
	// on into b beats reading a as a name: "区总" + "工会祖鸣桂" → 区总工会.
	if ls := st.deptLengths(a + b); brk == brkLine && len(ls) > 0 && ls[0] > len(a) && strings.ContainsRune(levelChars, []rune(a)[0]) {
		if last, _ := utf8.DecodeLastRuneInString((a + b)[:ls[0]]); !strings.ContainsRune(levelChars, last) {
			return true
		}
	}
	pa, _, _ := st.parseEntry(a)
	// More people read from the joined run, or as many with more units the
	// table knows ("张家" + "港市王松石" → 张家港市 王松石).
	if len(pm) != len(pa)+len(pb) {
		return len(pm) > len(pa)+len(pb)
	}
	return tableM > tableA+tableB
}

// unitSpansBreak reports a unit name that a line break cuts in two: the
// table reads a unit from the start of a, or the finder one that opens with
// a level right after a's last complete entry, that ends inside b
// ("石林彝族\n自治县人民政府张立伟", "…孙伟省\n发改委马红军"). A line break
// inside a unit in a list is never a separator, so the joined run must
// still read as unit+name pairs.
func (st *state) unitSpansBreak(a, b string) bool {
	// A line that ends with a name ("朱江 李国锋", "陈贵 端木宪宁") ends its
	// entry, though a place may be read across ("李国锋市…").
	if st.endsWithName(a) {
		return false
	}
	// One unit a line ("人民银行市中心支行\n市通信发展管理办公室",
	// "中国电信市分公司\n中国移动市分公司"): a whole unit that ends in its own
	// suffix, not a place, before a line that opens with a level and a unit,
	// or is a company or national body's branch (no part of the unit before
	// it, as 交通警察支队 may be), is a list, though the table reads the two
	// as one.
	if st.isUnit(a) && !endsWithAny(a, levelChars) &&
		(startsWithAny(b, levelChars) && len(st.deptLengths(b)) > 0 || (strings.HasSuffix(b, "公司") || nationalOpen(b)) && st.isUnit(b)) {
		return false
	}
	ab := a + b
	spans := false
	for _, n := range st.deptLengths(ab) {
		if n > len(a) {
			spans = true
			break
		}
	}
	if !spans {
		for _, m := range st.findDepts(ab) {
			if m.Start == 0 || m.Start >= len(a) || m.End <= len(a) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(a[m.Start:])
			if ps, complete, _ := st.parseEntry(a[:m.Start]); complete && len(ps) > 0 && strings.ContainsRune(levelChars, r) {
				spans = true
				break
			}
		}
	}
	if !spans {
		return false
	}
	pm, complete, _ := st.parseEntry(ab)
	if !complete {
		return len(st.deptLengths(ab)) > 0
	}
	return len(pm) > 0
}

// endsWithName reports an entry whose last piece is a person's name of the
// usual shape: two or three characters, or four with a compound surname.
func (st *state) endsWithName(a string) bool {
	pa, complete, _ := st.parseEntry(a)
	if !complete || len(pa) == 0 {
		return false
	}
	last := pa[len(pa)-1].Name
	if !strings.HasSuffix(a, last) {
		return false
	}
	switch runeLen(last) {
	case 2, 3:
		return plausibleListed(last) || st.looseName(last)
	case 4:
		return surnameLen(last) == 2
	}
	return false
}

// looksUnit reports a unit outside the table: four or more Han characters
// ending like a unit and opening with a level, a place or an organisation
// gse knows (国网宁远供电公司).
func (st *state) looksUnit(s string) bool {
	r := []rune(s)
	return len(r) >= 4 && allHan(s) && strings.ContainsRune(unitSuffixes, r[len(r)-1]) && st.opensUnit(s)
}

// isUnit reports whether s is one unit the table reads whole.
func (st *state) isUnit(s string) bool {
	ls := st.deptLengths(s)
	return len(ls) > 0 && ls[0] == len(s)
}

// isFragment reports a piece that cannot stand alone: a single character
// that is neither a name nor the start of a unit.
func (st *state) isFragment(s string) bool {
	return runeLen(s) == 1 && len(st.deptLengths(s)) == 0
}

// nationalOpen reports a name that opens with a national body's (中国工商银行
// 市分行, 国网市供电公司), which no local unit continues.
func nationalOpen(s string) bool {
	return strings.HasPrefix(s, "中国") || strings.HasPrefix(s, "国网") || strings.HasPrefix(s, "国家")
}

// endsWithAny reports whether s ends with one of the runes of set.
func endsWithAny(s, set string) bool {
	r, n := utf8.DecodeLastRuneInString(s)
	return n > 0 && strings.ContainsRune(set, r)
}

// startsWithAny reports whether s starts with one of the runes of set.
func startsWithAny(s, set string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n > 0 && strings.ContainsRune(set, r)
}
