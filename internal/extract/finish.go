package extract

import (
	"strings"
	"unicode/utf8"

	"govarchive/internal/document"
)

// finish collects every person and department the document names and
// resolves departments against the table.
func (st *state) finish() {
	d := st.doc
	d.Topics = dropRepeatedTopics(d.Topics)
	var people []string
	add := func(n string) {
		if plausibleTitled(n) {
			people = append(people, n)
		}
	}
	if c := d.Meeting; c != nil && c.Chair != nil {
		// A chair read with a post whose name is a place's (宁波 of
		// "市长宁波主持") is a person all the same.
		if c.Chair.Title != "" && placedName(c.Chair.Name) && st.placeWord(c.Chair.Name) {
			people = append(people, c.Chair.Name)
		} else {
			add(c.Chair.Name)
		}
	}
	for i := range d.Attendees {
		p := document.Person(d.Attendees[i])
		st.splitUnitTitle(&p)
		d.Attendees[i] = document.Attendee(p)
	}
	for i := range d.Observers {
		st.splitUnitTitle(&d.Observers[i])
	}
	// Names of structured lists stand where only a name can: 和平, 区明.
	// One the list gave a post or unit is a person the list read whole,
	// though gse may read the name as words (干立新 of 乾立新).
	addListed := func(n string, placed ...string) {
		if plausibleListed(n) || st.looseName(n) || strings.Join(placed, "") != "" && placedName(n) {
			people = append(people, n)
		}
	}
	for _, a := range d.Attendees {
		addListed(a.Name, a.Title, a.Department)
		if a.Department != "" {
			st.addDept(a.Department)
		}
	}
	for _, o := range d.Observers {
		addListed(o.Name, o.Title, o.Department)
		if o.Department != "" {
			st.addDept(o.Department)
		}
	}
	for i := range d.Absent {
		st.splitUnitTitle(&d.Absent[i])
		addListed(d.Absent[i].Name, d.Absent[i].Title, d.Absent[i].Department)
		if d.Absent[i].Department != "" {
			st.addDept(d.Absent[i].Department)
		}
	}
	for _, m := range d.Members {
		addListed(m.Name, m.Title, m.Department)
	}
	add(d.Recorder)
	people = append(people, st.people...)
	// Names found in prose may be cut short by the segmenter ("郭锦" of
	// 郭锦伟); structured lists are trusted as written.
	prose := append(st.comrades(), st.namedInProse()...)
	people = append(people, dropCutNames(prose, people)...)
	d.People = dedupe(people)

	var depts []string
	for _, t := range d.Topics {
		for _, l := range t.LeadDepartments {
			// 各县（市、区）人民政府 leads a task but is no one department
			// to browse by.
			if !isGovernmentGroup(l) {
				depts = append(depts, l)
			}
		}
	}
	depts = append(depts, st.depts...)
	// The finder is linear in the text (a reversed key trie), so the whole
	// parsed text is searched; Parse already bounds it at maxParseBytes.
	text := endListedLines(st.text, d)
	prev, prevEnd := "", 0
	for _, m := range st.findDepts(text) {
		name := st.carryPlace(prev, text[prevEnd:m.Start], m.Name)
		prev, prevEnd = name, m.End
		if _, bad := hasAnyPrefix(m.Name, mentionStopWords); !bad || zoneOpens(m.Name) {
			depts = append(depts, name)
		}
	}
	d.Departments = dedupe(depts)
	d.DepartmentRefs = nil
	resolve := st.resolveDept
	if outsideMainland(st.text) {
		resolve = st.resolveWritten
	}
	for _, n := range d.Departments {
		ref := document.DeptRef{Name: n}
		if c, ok := resolve(n, d.Issuer); ok {
			ref.Canonical = c
		}
		d.DepartmentRefs = append(d.DepartmentRefs, ref)
	}
	if d.Date == "" && d.Meeting != nil {
		d.Date = d.Meeting.Date
	}
	// Minutes that never date their meeting are dated by their issue, the
	// one date the document gives itself; the meeting date stays empty.
	if d.Date == "" && d.Kind == document.KindMinutes {
		d.Date = d.IssuedOn
	}
	// A report whose meeting date cannot be read ("2022年33日") is dated by
	// its page, days after the meeting at most: the year is the page's.
	if d.Date == "" && d.Kind == document.KindNews && d.PublishedOn != "" {
		d.Date, d.DateInferred = d.PublishedOn, true
	}
}

// placedName reports a name of the usual shape (two or three Han
// characters, four with a compound surname) that is no post and not masked.
func placedName(n string) bool {
	k := runeLen(n)
	return allHan(n) && (k == 2 || k == 3 || k == 4 && surnameLen(n) == 2) && !isMasked(n) && !isTitle(n) && nameShapeOK(n)
}

// comrades finds "区发改局杨玉宇同志" and "梁其明同志": a name right before
// 同志, cut from the title or unit in front of it.
func (st *state) comrades() []string {
	var out []string
	for _, l := range st.lines {
		for rest := l; ; {
			i := strings.Index(rest, "同志")
			if i < 0 {
				break
			}
			r := []rune(rest[:i])
			rest = rest[i+len("同志"):]
			for _, n := range []int{3, 2} {
				if len(r) < n {
					continue
				}
				nm := string(r[len(r)-n:])
				before := string(r[:len(r)-n])
				if n == 3 && surnameLen(nm) == 0 {
					continue
				}
				if plausibleTitled(nm) && (n == 3 || comradeContext(before) || surnameLen(nm) > 0) && st.startsWord(before, nm) {
					out = append(out, nm)
					break
				}
			}
		}
	}
	return out
}

// comradeContext reports whether the text before a name ends where a name
// may start: a title, a unit, punctuation or nothing.
func comradeContext(before string) bool {
	if before == "" {
		return true
	}
	r := []rune(before)
	last := r[len(r)-1]
	if !isHan(last) || strings.ContainsRune(unitSuffixes, last) {
		return true
	}
	_, ok := hasAnySuffix(before, titleSuffixes)
	return ok
}

// namedInProse finds names gse tags as persons ("nr") where the prose shows
// they are people: a title before, or a title or verb of speech after.
func (st *state) namedInProse() []string {
	if st.p.seg == nil {
		return nil
	}
	var out []string
	for _, l := range st.lines {
		// A name counts only next to a title or a verb of speech: a line
		// holding neither is not worth tagging, the costliest step here.
		if l == "" || containsAny(l, bylineMarkers) || !containsAny(l, titleEnds) && !containsAny(l, nameContext) {
			continue
		}
		pos := st.p.seg.Pos(l, false)
		for i, tok := range pos {
			if tok.Pos != "nr" {
				continue
			}
			name, next := tok.Text, i+1
			// gse may cut a three-character name short ("王庆/海").
			if next < len(pos) && runeLen(pos[next].Text) == 1 && allHan(pos[next].Text) && plausibleName(name+pos[next].Text) {
				name += pos[next].Text
				next++
			}
			if !plausibleTitled(name) {
				continue
			}
			before := i > 0 && isTitleEnd(pos[i-1].Text)
			after := false
			if next < len(pos) {
				_, after = hasAnyPrefix(pos[next].Text, nameContext)
				// "陈延/荣12月…": the name may go on into the next token.
				if r := []rune(pos[next].Text); !after && isHan(r[0]) && plausibleName(name+string(r[0])) {
					continue
				}
			}
			if before || after {
				out = append(out, name)
			}
		}
	}
	return out
}

// isTitleEnd reports a token that ends an official title (副市长, 主任).
func isTitleEnd(s string) bool {
	_, ok := hasAnySuffix(s, titleEnds)
	return ok
}

// titleEnds end the official titles that may stand before a name.
var titleEnds = []string{"长", "书记", "主任", "主席", "委员", "常委", "代表", "秘书长"}

// dropCutNames removes from prose the names that are the start or end of a
// longer name in the document: the segmenter's cuts of 郭锦伟 as 郭锦, 毛阳春
// as 阳春.
func dropCutNames(prose, known []string) []string {
	cuts := map[string]bool{}
	for _, list := range [][]string{prose, known} {
		for _, q := range list {
			r := []rune(q)
			for n := 2; n < len(r); n++ {
				cuts[string(r[:n])] = true
				cuts[string(r[len(r)-n:])] = true
			}
		}
	}
	var out []string
	for _, p := range prose {
		if !cuts[p] {
			out = append(out, p)
		}
	}
	return out
}

// startsWord reports whether gse, cutting the text around it, starts a word
// where name starts: "有关领导同志" cuts 有关/领导, so 关领导 is no name.
func (st *state) startsWord(before, name string) bool {
	if st.p.seg == nil || before == "" {
		return true
	}
	ctx := []rune(before)
	if len(ctx) > 6 {
		ctx = ctx[len(ctx)-6:]
	}
	at := len(string(ctx))
	off := 0
	for _, tok := range st.p.seg.Pos(string(ctx)+name, false) {
		if off == at {
			return true
		}
		if off > at {
			return false
		}
		off += len(tok.Text)
	}
	return false
}

// splitUnitTitle moves the unit out of a title that opens with one
// ("区财政局局长罗建" → 区财政局, 局长), so a participant's department is
// recorded the same way whether the list wrote it before the name or
// before the post. Titles of several posts (县委常委、副县长) stay whole.
func (st *state) splitUnitTitle(p *document.Person) {
	// News reports write a post with its ministry (生态环境部副部长) as the
	// title; only the lists of minutes are split.
	if st.doc.Kind != document.KindMinutes || p.Department != "" {
		return
	}
	if unit, post := st.unitOfTitle(p.Title); unit != "" {
		p.Department, p.Title = unit, post
	} else if unit := titleUnit(p.Title); unit != "" {
		// "潍坊港集团董事长": a unit the table does not know.
		p.Department, p.Title = unit, p.Title[len(unit):]
	}
}

// unitOfTitle splits a title that opens with a unit into the unit and the
// post ("区财政局局长" → 区财政局, 局长), or returns "", title.
func (st *state) unitOfTitle(title string) (unit, post string) {
	if title == "" || strings.ContainsAny(title, "、，,") {
		return "", title
	}
	ms := st.findDepts(title)
	if len(ms) == 0 || ms[0].Start != 0 || ms[0].End >= len(title) {
		return "", title
	}
	post = title[ms[0].End:]
	if runeLen(post) < 2 || !isTitle(post) {
		return "", title
	}
	unit = ms[0].Name
	// "区公安分局交警大队大队长": a section of the unit written before the
	// post is part of the department.
	rs := []rune(post)
	for k := 2; k+2 <= len(rs); k++ {
		sub, rest := string(rs[:k]), string(rs[k:])
		if _, ok := hasAnySuffix(sub, subUnitSuffixes); ok && isTitle(rest) && !isTitle(sub) {
			return unit + sub, rest
		}
	}
	return unit, post
}

// subUnitSuffixes end a section of a unit (交警大队, 办公室, 规划科).
var subUnitSuffixes = []string{"大队", "支队", "中队", "科", "处", "所", "室", "站", "中心", "股"}

// dropRepeatedTopics drops a topic that repeats an earlier one word for
// word, title and text: a paragraph a page printed twice (a mirror, a CMS
// copy) is one item. Numbers close up only where the document's own
// numbering was sequential.
func dropRepeatedTopics(ts []document.Topic) []document.Topic {
	seen := map[string]bool{}
	var out []document.Topic
	dropped := false
	for _, t := range ts {
		key := t.Title + "\x00" + t.Text
		if t.Text != "" && seen[key] {
			dropped = true
			continue
		}
		seen[key] = true
		out = append(out, t)
	}
	if !dropped {
		return ts
	}
	sequential := true
	for i, t := range ts {
		sequential = sequential && t.No == i+1
	}
	if sequential {
		for i := range out {
			out[i].No = i + 1
		}
	}
	return out
}

// zoneOpens reports a unit named by its development zone (经开区财政局,
// 经济技术开发区管委会), whose 经 is no stop word (经研究, 经市政府同意).
func zoneOpens(name string) bool {
	return strings.HasPrefix(name, "经开区") || strings.HasPrefix(name, "经济")
}

// endListedLines closes with a full stop each line of text that ends with
// the name of someone an attendance list read, set apart from what precedes: the finder reads across line
// breaks to find units wrapped there, and "列席：开发区经济发展局　周海军\n
// 开发区规划建设局　吴志刚" would give 周海军开发区 and a bare 规划建设局,
// where the list has read a name ending its row.
func endListedLines(text string, d *document.Document) string {
	listed := map[string]bool{}
	for _, a := range d.Attendees {
		listed[a.Name] = true
	}
	for _, ps := range [][]document.Person{d.Observers, d.Absent} {
		for _, p := range ps {
			listed[p.Name] = true
		}
	}
	if len(listed) == 0 {
		return text
	}
	lines := strings.Split(text, "\n")
	changed := false
	for i, l := range lines[:len(lines)-1] {
		t := strings.TrimRight(l, " \t　\r")
		// The name stands apart at the end of its line: a name read from
		// a run wrapped mid-unit ("…园林中\n心") may be a misreading.
		// Each start of the line's last few characters may open the name.
		for j, k := len(t), 0; j > 0 && k < 12; k++ {
			_, size := utf8.DecodeLastRuneInString(t[:j])
			j -= size
			if k == 0 || !listed[t[j:]] {
				continue
			}
			if last, _ := utf8.DecodeLastRuneInString(t[:j]); strings.TrimLeft(t[:j], " \t　") == "" || isSpace(last) || strings.ContainsRune("、，,；;：:", last) {
				lines[i] = t + "。"
				changed = true
				break
			}
		}
	}
	if !changed {
		return text
	}
	return strings.Join(lines, "\n")
}
