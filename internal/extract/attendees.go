package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"govarchive/internal/document"
)

// role of a list of people.
const (
	roleAttendee = "attendee"
	roleObserver = "observer"
)

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
		if _, ok := hasAnyPrefix(removeSpaces(l[:i]), endLabels); ok {
			return true
		}
	}
	if strings.Contains(l, "。") || compiledRe.MatchString(l) || headingRe.MatchString(l) {
		return true
	}
	if ds := findDates(l); len(ds) > 0 && ds[0].Start == 0 {
		return true
	}
	return strings.HasPrefix(l, "---") || strings.HasPrefix(l, "（此件") || strings.HasPrefix(l, "(此件")
}

// attendanceLists reads the labelled 出席/列席 lists of a minutes document.
func (st *state) attendanceLists() {
	for i := 0; i < len(st.lines); i++ {
		role, value, ok := listLabel(st.lines[i])
		if !ok {
			continue
		}
		block := []string{value}
		j := i + 1
		for ; j < len(st.lines); j++ {
			l := st.lines[j]
			if l == "" {
				continue
			}
			if isEndOfList(l) {
				break
			}
			block = append(block, l)
		}
		people := st.parseList(block)
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

// chunk is a piece of a list with the break before it: a separator
// (、，；), a space, or a line break, where a unit or a name may have been
// wrapped.
type chunk struct {
	text string
	brk  int
}

const (
	brkHard = iota
	brkSpace
	brkLine
)

// parseList reads a list of people: bare names, or unit+name runs without a
// separator ("市发改委凌鸣"), wrapped across lines at any point.
func (st *state) parseList(lines []string) []document.Person {
	var chunks []chunk
	brk := brkHard
	for _, l := range lines {
		start := 0
		for i, r := range l + "\n" {
			hard := strings.ContainsRune("、，,；;", r)
			if !hard && !isSpace(r) && r != '\n' {
				continue
			}
			if t := l[start:min(i, len(l))]; t != "" {
				chunks = append(chunks, chunk{text: t, brk: brk})
				brk = brkSpace
			}
			if hard {
				brk = brkHard
			}
			start = i + len(string(r))
		}
		if brk != brkHard {
			brk = brkLine
		}
	}
	var merged []string
	for _, c := range chunks {
		t := strings.TrimSuffix(strings.TrimSuffix(c.text, "同志"), "等")
		if t == "" {
			continue
		}
		if n := len(merged); n > 0 && c.brk != brkHard && st.joinAcrossBreak(merged[n-1], t, c.brk) {
			merged[n-1] += t
			continue
		}
		merged = append(merged, t)
	}
	var out []document.Person
	for _, m := range merged {
		if containsAny(m, bylineMarkers) {
			continue
		}
		ps, _, _ := st.parseEntry(m)
		if len(ps) == 0 && st.bareName(m) {
			// An entry between separators that is no unit: a name the
			// names package does not know (武力, 区钧祖).
			ps = []document.Person{{Name: m}}
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

// joinAcrossBreak decides whether b continues a across a space or line
// break: when a cannot stand alone, when b is a stray character after a line
// break (the end of a wrapped name), or when the joined run reads with more
// units the department table knows ("张家" + "港市王松石" → 张家港市 王松石).
func (st *state) joinAcrossBreak(a, b string, brk int) bool {
	if brk == brkLine && st.isFragment(b) {
		return true
	}
	_, completeA, tableA := st.parseEntry(a)
	if !completeA {
		if brk == brkLine || runeLen(a) == 1 {
			return true
		}
		// On one line a space separates entries, unless a unit stands alone
		// before its name ("市委编办 詹利剑") or runs on into b.
		if ls := st.deptLengths(a + b); len(ls) > 0 && ls[0] >= len(a) {
			return true
		}
		return false
	}
	pb, completeB, tableB := st.parseEntry(b)
	if brk == brkLine && !completeB && len(st.deptLengths(b)) == 0 {
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

// isFragment reports a piece that cannot stand alone: a single character
// that is neither a name nor the start of a unit.
func (st *state) isFragment(s string) bool {
	return runeLen(s) == 1 && len(st.deptLengths(s)) == 0
}

// parseEntry splits a run of units and names. complete is false when the
// run ends inside a unit or without a name after a unit (it was wrapped);
// table counts the people whose unit the department table recognised.
func (st *state) parseEntry(s string) (people []document.Person, complete bool, table int) {
	// Joining decisions parse the same pieces again and again.
	if r, ok := st.entries[s]; ok {
		return r.people, r.complete, r.table
	}
	people, complete, table = st.parseEntryUncached(s)
	if st.entries == nil {
		st.entries = map[string]entryResult{}
	}
	st.entries[s] = entryResult{people: people, complete: complete, table: table}
	return people, complete, table
}

func (st *state) parseEntryUncached(s string) (people []document.Person, complete bool, table int) {
	if runeLen(s) > maxEntryRunes {
		return nil, true, 0
	}
	if isMasked(s) {
		return nil, true, 0
	}
	if (plausibleName(s) || st.looseName(s)) && len(st.deptLengths(s)) == 0 {
		return []document.Person{{Name: s}}, true, 0
	}
	memo := map[int]*entryResult{}
	r := st.entryAt(s, 0, memo)
	// Long runs without separators: the department finder's mentions cut
	// the run where one pair failing would sink the whole parse.
	if r == nil || len(r.people) < 2 && runeLen(s) > 10 {
		if f := st.entryByMentions(s); f != nil && len(f.people) >= 2 && (r == nil || len(f.people) > len(r.people)) {
			r = f
		}
	}
	if r != nil {
		return r.people, r.complete, r.table
	}
	if u, name, ok := st.unitName(s); ok {
		return []document.Person{{Name: name, Department: u}}, true, 0
	}
	// "市领导李亚平": a title rather than a unit before the name.
	if title, name, ok := st.titleNameEnd(s); ok {
		return []document.Person{{Name: name, Title: title}}, true, 0
	}
	if !allHan(s) {
		return nil, true, 0
	}
	// A unit alone, or the start of one, waiting for the next piece.
	return nil, false, 0
}

type entryResult struct {
	people   []document.Person
	complete bool
	table    int // people whose unit came from the department table
}

// entryAt parses s[off:] as (unit name)+ with the department table; memo
// keeps it linear in the number of offsets.
func (st *state) entryAt(s string, off int, memo map[int]*entryResult) *entryResult {
	if r, ok := memo[off]; ok {
		return r
	}
	memo[off] = nil
	rest := s[off:]
	var best *entryResult
	for _, n := range st.deptLengths(rest) {
		unit := rest[:n]
		after := rest[n:]
		if after == "" {
			best = &entryResult{complete: false}
			break
		}
		unitAhead := 0 // a unit starting where the name would ("宣传部…")
		if ls := st.deptLengths(after); len(ls) > 0 {
			unitAhead = ls[0]
		}
		for _, k := range nameLengths(after) {
			name := after[:k]
			// A name the names package does not know still counts when it
			// is all that follows a unit ("区交警支队来生恺").
			known := plausibleTitled(name) || st.looseName(name) || k == len(after) && st.bareName(name)
			if !known || isMasked(name) || unitAhead > 0 {
				continue
			}
			p := document.Person{Name: name, Department: unit}
			if k == len(after) {
				return st.memoSet(memo, off, &entryResult{people: []document.Person{p}, complete: true, table: 1})
			}
			if sub := st.entryAt(s, off+n+k, memo); sub != nil && len(sub.people) > 0 {
				r := &entryResult{people: append([]document.Person{p}, sub.people...), complete: sub.complete, table: sub.table + 1}
				return st.memoSet(memo, off, r)
			}
		}
		if isMasked(after) {
			return st.memoSet(memo, off, &entryResult{complete: true})
		}
	}
	if best == nil && off > 0 {
		// A unit the table does not know closes the run: one pair left.
		if u, name, ok := st.unitName(rest); ok {
			best = &entryResult{people: []document.Person{{Name: name, Department: u}}, complete: true}
		}
	}
	memo[off] = best
	return best
}

// entryByMentions splits a run at the departments the finder sees: the text
// between two mentions is the first one's person. It needs the run to open
// with a department and every gap to read as a name.
func (st *state) entryByMentions(s string) *entryResult {
	ms := st.findDepts(s)
	if len(ms) < 2 || ms[0].Start != 0 {
		return nil
	}
	r := &entryResult{complete: true}
	for i := range ms {
		m := ms[i]
		end := len(s)
		if i+1 < len(ms) {
			end = ms[i+1].Start
			// "…史子梁市市政园林中心": the finder began the next unit one
			// level character late.
			if last, size := utf8.DecodeLastRuneInString(s[m.End:end]); strings.ContainsRune(levelChars, last) && end-size > m.End {
				if nm := s[m.End : end-size]; plausibleTitled(nm) || st.bareName(nm) {
					end -= size
					ms[i+1].Start = end
				}
			}
		}
		name := s[m.End:end]
		if name == "" {
			if i+1 == len(ms) {
				r.complete = false
			}
			continue
		}
		if isMasked(name) {
			continue
		}
		if plausibleTitled(name) || st.bareName(name) {
			r.people = append(r.people, document.Person{Name: name, Department: s[m.Start:m.End]})
			r.table++
			continue
		}
		// A unit the finder missed inside the gap: name, then unit+name.
		extra, ok := st.gapPeople(name)
		if !ok {
			return nil
		}
		extra[0].Department = s[m.Start:m.End]

		r.people = append(r.people, extra...)
		r.table++
	}
	return r
}

// gapPeople reads "张坚友市考试院李四": a name, then a unit the finder did
// not know with its person.
func (st *state) gapPeople(gap string) ([]document.Person, bool) {
	for _, k := range nameLengths(gap) {
		name, rest := gap[:k], gap[k:]
		if !(plausibleTitled(name) || st.bareName(name)) {
			continue
		}
		if u, n, ok := st.unitName(rest); ok {
			return []document.Person{{Name: name}, {Name: n, Department: u}}, true
		}
	}
	return nil, false
}

func (st *state) memoSet(memo map[int]*entryResult, off int, r *entryResult) *entryResult {
	memo[off] = r
	return r
}

// looseName accepts, inside a list where only names can stand, a short
// Han word the names package does not know (a rare surname: 尉茂骏, 干冠佳),
// unless it is a title or gse reads it as an ordinary word.
func (st *state) looseName(s string) bool {
	n := runeLen(s)
	if n < 2 || n > 3 || !allHan(s) || isMasked(s) || isTitle(s) {
		return false
	}
	if _, bad := hasAnySuffix(s, []string{"负责", "同志", "领导", "等", "人员", "单位", "部门"}); bad {
		return false
	}
	if st.p.seg == nil {
		return true
	}
	// Units open with a place or a level; a word gse knows (苏州, 健康) is
	// no part of a rare name.
	// (区 is also a surname: 区雪凤.)
	if strings.ContainsRune(nameLevelChars, []rune(s)[0]) {
		return false
	}
	for _, tok := range st.p.seg.Pos(s, false) {
		if runeLen(tok.Text) >= 2 && !strings.HasPrefix(tok.Pos, "nr") {
			return false
		}
	}
	return true
}

// bareName reports a list entry that can only be a name: two or three Han
// characters, no unit, no title, not masked.
func (st *state) bareName(s string) bool {
	n := runeLen(s)
	return n >= 2 && n <= 3 && allHan(s) && !isMasked(s) && !isTitle(s) && len(st.deptLengths(s)) == 0 &&
		!strings.ContainsRune(nameLevelChars, []rune(s)[0])
}

// nameLengths returns candidate byte lengths of a name at the start of s:
// three characters first when the surname is compound or the third
// character is not itself a surname, else two first.
func nameLengths(s string) []int {
	var idx []int
	for i := range s {
		idx = append(idx, i)
	}
	idx = append(idx, len(s))
	byRunes := func(n int) int {
		if n < len(idx) {
			return idx[n]
		}
		return -1
	}
	var out []int
	add := func(n int) {
		if b := byRunes(n); b > 0 {
			out = append(out, b)
		}
	}
	if surnameLen(s) == 2 {
		add(4)
		add(3)
		return out
	}
	add(3)
	add(2)
	return out
}

// unitName splits "张家港市王松石" when the unit is not in the table: the
// name is the last two or three characters, the unit must end like one.
func (st *state) unitName(s string) (unit, name string, ok bool) {
	r := []rune(s)
	if len(r) < 4 || !allHan(s) {
		return "", "", false
	}
	endsUnit := func(u []rune) bool {
		return len(u) >= 2 && strings.ContainsRune(unitSuffixes, u[len(u)-1]) && st.opensUnit(string(u))
	}
	try := func(n int) bool {
		if len(r)-n < 2 {
			return false
		}
		u, nm := r[:len(r)-n], string(r[len(r)-n:])
		return endsUnit(u) && plausibleTitled(nm) && surnameLen(nm) > 0
	}
	sizes := []int{3, 2}
	if len(r) > 4 && surnameLen(string(r[len(r)-4:])) == 2 {
		sizes = []int{4, 3, 2} // 诸葛连菁
	}
	for _, n := range sizes {
		if try(n) {
			return string(r[:len(r)-n]), string(r[len(r)-n:]), true
		}
	}
	return "", "", false
}

// listAfterVerbRe is "出席会议的市领导有：A、B" — the verb before the list.
var listAfterVerbRe = regexp.MustCompile(`(出席|参加|列席)(?:会议|本次会议)?的(?:[^，。有]{0,12})?(?:还)?有[:：]?([^。；]+)`)

// verbFirstPeople reads lists introduced by "出席会议的有…".
func (st *state) verbFirstPeople(observers bool) []document.Person {
	var out []document.Person
	for _, l := range st.lines {
		for _, m := range listAfterVerbRe.FindAllStringSubmatch(l, -1) {
			if (m[1] == "列席") != observers {
				continue
			}
			for _, part := range splitAny(m[2], "，,") {
				ps, _ := st.personChunk(part)
				out = append(out, ps...)
			}
		}
	}
	return out
}

// opensUnit reports whether u can begin a unit's name: a level (市县区…), a
// place or organisation gse knows (苏州海关, 张家港市), or a table entry —
// not the middle of a wrapped one ("制委员会办公室").
func (st *state) opensUnit(u string) bool {
	if strings.ContainsRune(levelChars, []rune(u)[0]) {
		return true
	}
	for _, n := range st.deptLengths(u) {
		if n == len(u) {
			return true
		}
	}
	if st.p.seg == nil {
		return true
	}
	pos := st.p.seg.Pos(u, false)
	return len(pos) > 0 && (pos[0].Pos == "ns" || pos[0].Pos == "nt" || pos[0].Pos == "j")
}

// prosePeople reads people from prose ("县委常委、常务副县长国宏利，副县长刘通、
// 邹映涛…出席会议") for each sentence ending in one of the verbs.
func (st *state) prosePeople(verbs []string) []document.Person {
	var out []document.Person
	for _, l := range st.lines {
		for _, s := range sentences(l) {
			s = strings.TrimRight(s, "。！？!?")
			for _, v := range verbs {
				i := strings.LastIndex(s, v)
				if i <= 0 {
					continue
				}
				after := strings.TrimSpace(s[i+len(v):])
				if after != "" && !strings.HasPrefix(after, "会议") && !strings.HasPrefix(after, "并") && !strings.HasPrefix(after, "。") && runeLen(after) > 4 {
					continue
				}
				out = append(out, st.personClause(s[:i])...)
				break
			}
		}
	}
	return out
}

// personClause walks the comma-separated chunks before a verb backwards and
// keeps those that are lists of people.
func (st *state) personClause(s string) []document.Person {
	if i := strings.LastIndex(s, "邀请"); i >= 0 {
		s = s[i+len("邀请"):]
	}
	for _, suf := range []string{"应邀", "分别", "等", "也", "同志", "一同", "共同"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), suf)
	}
	parts := splitAny(s, "，,；;")
	var groups [][]document.Person
	skipped := 0
	for k := len(parts) - 1; k >= 0; k-- {
		ps, titlesOnly := st.personChunk(parts[k])
		if len(ps) == 0 {
			if titlesOnly && skipped < 2 {
				skipped++
				continue
			}
			break
		}
		groups = append(groups, ps)
	}
	var out []document.Person
	for k := len(groups) - 1; k >= 0; k-- {
		out = append(out, groups[k]...)
	}
	return out
}

// personChunk reads "区领导魏守磊、刘永胜" or "县委常委、政府常务副县长国宏利":
// a title alone is carried to the next name; a bare name shares the title
// before it. titlesOnly reports a chunk of titles or units and no name.
func (st *state) personChunk(c string) (out []document.Person, titlesOnly bool) {
	c = strings.TrimSuffix(strings.TrimSpace(c), "等")
	if runeLen(c) > 60 || strings.Contains(c, "会议") || strings.Contains(c, "主持") {
		return nil, false
	}
	pending, shared := "", ""
	titlesOnly = true
	for _, e := range splitAny(c, "、及") {
		e = strings.TrimSuffix(strings.TrimSuffix(e, "等"), "同志")
		if containsAny(e, bylineMarkers) || isMasked(e) {
			titlesOnly = false
			continue
		}
		if title, name, ok := st.titleNameEnd(e); ok {
			if pending != "" {
				title = pending + "、" + title
				pending = ""
			}
			out = append(out, document.Person{Name: name, Title: title})
			shared = title
			continue
		}
		if (plausibleTitled(e) || st.looseName(e)) && !isTitle(e) && len(st.deptLengths(e)) == 0 {
			out = append(out, document.Person{Name: e, Title: shared})
			continue
		}
		if isTitle(e) || len(st.deptLengths(e)) > 0 {
			pending = e
			continue
		}
		titlesOnly = false
	}
	return out, titlesOnly && len(out) == 0
}

// titleNameEnd splits "副县长刘通" (title then name), trying the names
// package first and then a name of two or three characters at the end.
func (st *state) titleNameEnd(e string) (title, name string, ok bool) {
	if t, n, ok := splitTitle(e); ok && t != "" {
		return t, n, true
	}
	r := []rune(e)
	sizes := []int{3, 2}
	if len(r) > 4 && surnameLen(string(r[len(r)-4:])) == 2 {
		sizes = []int{4, 3, 2}
	}
	// Known names first, then rare surnames (区长元冠先).
	for _, loose := range []bool{false, true} {
		for _, n := range sizes {
			if len(r) <= n {
				continue
			}
			t, nm := string(r[:len(r)-n]), string(r[len(r)-n:])
			if n == 3 && surnameLen(nm) == 0 && !loose {
				continue
			}
			if isTitle(t) && (plausibleTitled(nm) || loose && st.looseName(nm)) {
				return t, nm, true
			}
		}
	}
	return "", "", false
}
