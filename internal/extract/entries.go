package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"govarchive/internal/document"
	"govarchive/internal/names"
)

// Reading one list entry: a bare name, or runs of unit+name without
// separators, with the department table, the names package and gse.

// parseEntry splits a run of units and names. complete is false when the
// run ends inside a unit or without a name after a unit (it was wrapped);
// table counts the people whose unit the department table recognised.
func (st *state) parseEntry(s string) (people []document.Person, complete bool, table int) {
	// Joining decisions parse the same pieces again and again. Callers
	// fill in titles and units they read around an entry, so each gets
	// its own copy of the people: a post given to 张三 in one list must
	// not come back with 张三 in the next.
	if r, ok := st.entries[s]; ok {
		return slices.Clone(r.people), r.complete, r.table
	}
	people, complete, table = st.parseEntryUncached(s)
	if st.entries == nil {
		st.entries = map[string]entryResult{}
	}
	st.entries[s] = entryResult{people: slices.Clone(people), complete: complete, table: table}
	return people, complete, table
}

func (st *state) parseEntryUncached(s string) (people []document.Person, complete bool, table int) {
	if runeLen(s) > maxEntryRunes {
		return nil, true, 0
	}
	if isMasked(s) {
		return nil, true, 0
	}
	// "县财政局副局长（主持工作）陈华": a qualifier of the post in brackets
	// stands between post and name; the entry is read without it (the
	// post's unit is split off it as from any post).
	for _, q := range postQualifiers {
		if i := strings.Index(s, q); i > 0 {
			if ps, complete, table := st.parseEntryUncached(s[:i] + s[i+len(q):]); len(ps) == 1 && ps[0].Title != "" {
				return ps, complete, table
			}
		}
	}
	// "社会局姚局长雨静": a unit, then the post between surname and given
	// name (Taiwanese minutes): 姚雨静, 局长 of 社会局.
	// The unit there has no place (社会局, 主计处), so its suffix marks it.
	if u, title, name, ok := unitTitledName(s); ok {
		return []document.Person{{Name: name, Title: title, Department: u}}, true, 0
	}
	if (plausibleName(s) || st.looseName(s) || names.Transliterated(s)) && len(st.deptLengths(s)) == 0 {
		return []document.Person{{Name: s}}, true, 0
	}
	// "市应急管理局艾尼瓦尔·买买提": a unit and a transcribed name, longer
	// than the names the table parse reads.
	if strings.ContainsAny(s, "·•・‧") {
		unit := ""
		if ls := st.deptLengths(s); len(ls) > 0 {
			unit = s[:ls[0]]
		}
		rest := s[len(unit):]
		// "地区人民医院院长阿依古丽·库尔班": a post before the name.
		if i := strings.IndexAny(rest, "·•・‧"); i > 0 {
			if t := titlePrefix(rest[:i]); t != "" && st.bareName(rest[len(t):]) {
				return []document.Person{{Name: rest[len(t):], Title: t, Department: unit}}, true, 0
			}
		}
		if st.bareName(rest) {
			return []document.Person{{Name: rest, Department: unit}}, true, 0
		}
	}
	memo := map[int]*entryResult{}
	r := st.entryAt(s, 0, memo)
	// Long runs without separators: the department finder's mentions cut
	// the run where one pair failing would sink the whole parse.
	// A table parse that stops early (a name it cannot read swallowed as
	// a place: 都楠县…) yields fewer people than the mentions do.
	if r == nil || runeLen(s) > 10 {
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
		for _, k := range append(translitLengths(after), nameLengths(after)...) {
			name, dept, post := after[:k], unit, ""
			if d, t, nm, ok := st.postOpensName(unit, name); ok {
				name, dept, post = nm, d, t
			}
			// A name the names package does not know still counts when it
			// is all that follows a unit ("区交警支队来生恺").
			known := plausibleListed(name) || st.looseName(name) || k == len(after) && st.bareName(name)
			if !known || isMasked(name) || !nameShapeOK(name) {
				continue
			}
			// A unit ahead wins over a name, unless a known name is followed
			// by a relative unit of its own: "于倩建区文广旅局" is the name
			// 于倩建 and 区文广旅局, not a place 于倩建区.
			if unitAhead > 0 && !(plausibleListed(name) && relUnitAt(st, after[k:])) {
				continue
			}
			p := document.Person{Name: name, Department: dept, Title: post}
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
		dept, post := s[m.Start:m.End], ""
		if d, t, nm, ok := st.postOpensName(dept, name); ok {
			name, dept, post = nm, d, t
		}
		if plausibleTitled(name) || st.bareName(name) {
			r.people = append(r.people, document.Person{Name: name, Department: dept, Title: post})
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
	if n < 2 || n > 3 || !allHan(s) || isMasked(s) || isTitle(s) || !nameShapeOK(s) {
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

// nameShapeOK rejects strings that are pieces of a unit rather than a name:
// opening or ending with a character that closes unit names (办厉, 林中心).
func nameShapeOK(s string) bool {
	r := []rune(s)
	if len(r) == 0 {
		return false
	}
	if surnameLen(s) == len(r) {
		return false // a compound surname alone (公孙) waits for its given name
	}
	// Nor does a name end with a level, which opens the next unit
	// (区住建局区明|区财政局, not 区明区).
	return !strings.ContainsRune(unitFinals, r[0]) && !strings.ContainsRune(unitFinals, r[len(r)-1]) &&
		!strings.ContainsRune("省市区县", r[len(r)-1]) &&
		!strings.HasSuffix(s, "中心") // 林中心 of a wrapped 园林中心
}

// bareName reports a list entry that can only be a name: two or three Han
// characters, no unit, no title, not masked.
func (st *state) bareName(s string) bool {
	// "艾尔肯·吐尼亚孜": a name of Uyghur or another transcribed language.
	if i := strings.IndexAny(s, "·•・‧"); i >= 0 {
		// (A post opens no name: 院长阿依古丽·库尔班.)
		return runeLen(s[:i]) <= 6 && names.PlausibleTitled(s) && len(st.deptLengths(s)) == 0 && titlePrefix(s[:i]) == ""
	}
	if names.Transliterated(s) {
		// "普布次仁", "扎西": a minority name without a surname.
		return len(st.deptLengths(s)) == 0
	}
	n := runeLen(s)
	return n >= 2 && n <= 3 && allHan(s) && !isMasked(s) && !isTitle(s) && nameShapeOK(s) && len(st.deptLengths(s)) == 0 &&
		!strings.ContainsRune(nameLevelChars, []rune(s)[0]) && !groupWord(s)
}

// translitLengths returns the byte lengths, longest first, of the
// transliterated names (格桑曲珍, 扎西) s starts with: such names have no
// surname for nameLengths to go by.
func translitLengths(s string) []int {
	var out []int
	idx := []int{}
	for i := range s {
		if len(idx) == 8 {
			break
		}
		idx = append(idx, i)
	}
	idx = append(idx, len(s))
	for n := min(7, len(idx)-1); n >= 2; n-- {
		if names.Transliterated(s[:idx[n]]) {
			out = append(out, idx[n])
		}
	}
	return out
}

// groupWord reports words for many units at once (各乡镇, 街道, 有关部门),
// which a list names instead of a person.
func groupWord(s string) bool {
	return strings.HasPrefix(s, "各") || containsAny(s, []string{"乡镇", "街道", "部门", "单位", "有关", "相关"})
}

// nameLengths returns candidate byte lengths of a name at the start of s:
// three characters first when the surname is compound or the third
// character is not itself a surname, else two first.
func nameLengths(s string) []int {
	// The byte offsets of the first runes: a name has at most four.
	idx := make([]int, 0, 6)
	for i := range s {
		if len(idx) == 5 {
			break
		}
		idx = append(idx, i)
	}
	if len(idx) < 5 {
		idx = append(idx, len(s))
	}
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
		return len(u) >= 2 && strings.ContainsRune(unitSuffixes, u[len(u)-1]) && (st.opensUnit(string(u)) || st.enterprise(string(u)))
	}
	try := func(n int) bool {
		if len(r)-n < 2 {
			return false
		}
		u, nm := r[:len(r)-n], string(r[len(r)-n:])
		if names.Transliterated(nm) {
			return endsUnit(u) // "蔡公堂乡索朗平措": no surname
		}
		if !endsUnit(u) && !(plausibleName(nm) && st.innerUnit(string(u))) {
			return false
		}
		return plausibleTitled(nm) && surnameLen(nm) > 0 && nameShapeOK(nm) && postBeforeSurname(string(u), nm) == ""
	}
	sizes := []int{3, 2}
	if len(r) > 4 && surnameLen(string(r[len(r)-4:])) == 2 {
		sizes = []int{4, 3, 2} // 诸葛连菁
	}
	for n := min(7, len(r)-2); n >= 2; n-- {
		if names.Transliterated(string(r[len(r)-n:])) {
			sizes = append([]int{n}, sizes...)
			break
		}
	}
	for _, n := range sizes {
		if try(n) {
			return string(r[:len(r)-n]), string(r[len(r)-n:]), true
		}
	}
	return "", "", false
}

// enterprise reports a company or group named by a word of its own
// (瑞贝卡公司, 双汇集团) that gse does not know as an organisation: the
// word must be a noun of two or more characters, not a generic one
// (有限公司, 本公司, 相关公司).
func (st *state) enterprise(u string) bool {
	stem, ok := strings.CutSuffix(u, "公司")
	if !ok {
		stem, ok = strings.CutSuffix(u, "集团")
	}
	if !ok || runeLen(stem) < 2 || !allHan(stem) || st.p.seg == nil {
		return false
	}
	toks := st.p.seg.Pos(stem, false)
	if len(toks) == 0 || runeLen(toks[0].Text) < 2 || !strings.HasPrefix(toks[0].Pos, "n") {
		return false
	}
	_, generic := hasAnyPrefix(stem, []string{"有限", "股份", "控股", "有关", "相关", "其他", "上述", "各"})
	return !generic
}

// innerUnit reports an office inside a street, town or zone, written
// without a level or place (党政办公室, 财政所, 规划国土局, 九龙办事处): a
// word, then the word of a unit, or an organisation gse knows (招商局). A
// word of one character first is the middle of a wrapped unit
// (制|委员会办公室, 通|运输局), another word alone a room (会议室). Places
// (各族自治县) are no such office: the table or gse must know them.
func (st *state) innerUnit(u string) bool {
	r := []rune(u)
	if len(r) < 3 || !strings.ContainsRune(unitFinals+"室心", r[len(r)-1]) || st.p.seg == nil {
		return false
	}
	toks := st.p.seg.Pos(u, false)
	return len(toks) >= 2 && runeLen(toks[0].Text) >= 2 || len(toks) == 1 && toks[0].Pos == "nt"
}

// postOpensName reads a post in 长 between a unit and a name that would
// otherwise open with the surname 长孙 (see postBeforeSurname): after
// 县林业局, "长孙喜帆" is the 局长 孙喜帆; after 市城建局局 the post's 局 is
// written out and the unit is 市城建局.
func (st *state) postOpensName(unit, name string) (dept, post, rest string, ok bool) {
	post = postBeforeSurname(unit, name)
	if post == "" {
		return "", "", "", false
	}
	_, size := utf8.DecodeRuneInString(name)
	dept = unit
	if d := strings.TrimSuffix(unit, post[:len(post)-size]); d != unit && st.isUnit(d) {
		dept = d
	}
	return dept, post, name[size:], true
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

// relUnitAt reports a unit at the start of s that opens with a level
// character (区文广旅局, 县统计局), as units in a run of one government do.
func relUnitAt(st *state, s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(levelChars, r) || size >= len(s) {
		return false
	}
	return len(st.deptLengths(s)) > 0
}

// postQualifiers qualify a post in brackets after it: who runs a unit
// without its head's post, a rank, a secondment.
var postQualifiers = []string{"（主持工作）", "(主持工作)", "（正处级）", "（副处级）", "（正科级）", "（副科级）", "（挂职）", "（兼）"}

// unitTitledName splits "社会局姚局长雨静" into the unit (a short run ending
// in a unit's suffix character) and a name with the post inside it
// (splitTitledName).
func unitTitledName(s string) (unit, title, name string, ok bool) {
	r := []rune(s)
	for k := 2; k <= 8 && k+4 <= len(r); k++ {
		if !strings.ContainsRune("局处署会部厅院室所委办", r[k-1]) || !allHan(string(r[:k])) {
			continue
		}
		if title, name, ok := splitTitledName(string(r[k:])); ok {
			return string(r[:k]), title, name, true
		}
	}
	return "", "", "", false
}
