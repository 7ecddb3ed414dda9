package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"govarchive/internal/dept"
)

// maxLeadRun bounds how many departments one trigger may introduce.
const maxLeadRun = 8

// unitAliasRe is a unit's second name in brackets right after it: a unit
// suffix, then an office or bureau in full-width brackets.
var unitAliasRe = regexp.MustCompile(`([局委办室厅院部队所站])（[^（）。，；]{2,30}(?:办公室|局|委员会|委|办|指挥部)）`)

// leadDepts finds the departments that lead a decision: "由A会同B…",
// "请A会B…", "责成A…", "同意A关于…的汇报", "A牵头…".
func (st *state) leadDepts(text string) []string {
	text = st.youAddressee(text)
	// "市发展改革局（市推进粤港澳大湾区建设领导小组办公室）要会同…": the
	// office a bureau also serves as stands in brackets between the unit
	// and what it is told; the unit leads as without them.
	if strings.Contains(text, "（") {
		text = unitAliasRe.ReplaceAllString(text, "$1")
	}
	var out []string
	// The department mentions, found once and only when a clause may open
	// with one told what to do, or the text says who is responsible.
	var mentions []mention
	var starts map[int]bool
	findMentions := func() []mention {
		if starts == nil {
			mentions = st.findDepts(text)
			starts = make(map[int]bool, len(mentions))
			for _, m := range mentions {
				starts[m.Start] = true
			}
		}
		return mentions
	}
	mentionAt := func(i int) bool {
		findMentions()
		return starts[i]
	}
	directive := strings.Contains(text, "要") || strings.Contains(text, "会同") || strings.Contains(text, "负责") || strings.Contains(text, "组织实施")
	// One pass over the text: at each position, the longest trigger that
	// starts there (同意 before 由 never overlaps; 原则同意 wins over 同意).
	for i := 0; i < len(text); {
		trig, report := "", false
		rest := text[i:]
		// "市财政局、市审计局要加强资金监管", "会议明确：一是县住建局要加快
		// 征收", "…，市工信局要会同市通管办抓好落实": departments opening a
		// sentence or clause and told what to do.
		// (Only where a department is mentioned: the lookup at every clause
		// start is costly.)
		if directive && clauseStart(text[:i]) && (mentionAt(i) || unitSubjectAhead(rest)) {
			if run := st.deptRun(rest, false); len(run) > 0 && (subjectOf(rest, run[0]) || subjectOf(rest, run[len(run)-1])) {
				out = append(out, run...)
			}
		}
		for _, t := range leadTriggers {
			if strings.HasPrefix(rest, t) && len(t) > len(trig) {
				trig, report = t, false
			}
		}
		for _, t := range reportTriggers {
			if strings.HasPrefix(rest, t) && len(t) > len(trig) {
				trig, report = t, true
			}
		}
		if trig == "请" {
			// 提请/报请/呈请/申请 X: X is asked to approve, not to act.
			if last, _ := utf8.DecodeLastRuneInString(text[:i]); strings.ContainsRune("提报呈申邀", last) {
				trig = ""
			}
		}
		if trig == "" {
			_, size := utf8.DecodeRuneInString(rest)
			i += size
			continue
		}
		connectors := leadConnectors
		if strings.HasSuffix(trig, "：") || strings.HasSuffix(trig, ":") {
			connectors = listConnectors
		}
		run := st.deptRunWith(rest[len(trig):], report, connectors)
		if len(run) == 0 && !report && !contains(namedOnlyTriggers, trig) {
			run = st.agentUnit(rest, len(trig))
		}
		out = append(out, run...)
		i += len(trig)
	}
	// "市金融办牵头起草的…": a department right before 牵头.
	if !strings.Contains(text, "牵头") && !strings.Contains(text, "负责") && !strings.Contains(text, "为责任单位") {
		return st.departmentsOnly(dedupe(unwrapNames(sharedGovernment(text, out))))
	}
	// run holds the departments listed up to the current one
	// ("（市人社局、市财政局按职责分工负责）": all of them are responsible).
	var run []string
	prevEnd := -1
	notes := responsibilityNotes(text)
	for _, m := range st.withNoteUnits(text, findMentions()) {
		name := m.Name
		// "，县城管执法局具体负责": keep a level the finder left off.
		start := m.Start
		if last, size := utf8.DecodeLastRuneInString(text[:m.Start]); strings.ContainsRune(levelChars, last) {
			before, _ := utf8.DecodeLastRuneInString(text[:m.Start-size])
			ls := st.deptLengths(text[m.Start-size:])
			// 平潭综合实验区|社会事业局: a zone's 区 is no level of the unit.
			if len(ls) > 0 && ls[0] == m.End-m.Start+size && !dept.LevelInWord(before, last) || !isHan(before) {
				name, start = text[m.Start-size:m.End], m.Start-size
			}
		}
		// "（市民政局会同市财政局负责）": the one who works with the other
		// is responsible too.
		// Inside a note a comma lists too ("（各县（市、区）人民政府，市行政
		// 服务中心负责）"); in running text it ends a clause.
		joined := false
		if prevEnd >= 0 && start >= prevEnd {
			gap := text[prevEnd:start]
			joined = isRunJoin(gap) || gap == "会同" || (gap == "，" || gap == ",") && inOneNote(notes, prevEnd, start)
		}
		if !joined {
			run = run[:0]
		} else if len(run) > 0 {
			name = st.carryPlace(run[len(run)-1], text[prevEnd:start], name)
		}
		run = append(run, name)
		prevEnd = m.End
		after := st.unknownTail(text[m.End:])
		// "（海关总署、商务部等有关部门负责）": the units named lead.
		if rest, ok := strings.CutPrefix(after, "等"); ok {
			after = rest
			if g, ok := hasAnyPrefix(after, []string{"有关部门", "相关部门", "有关单位", "相关单位", "部门", "单位"}); ok {
				after = after[len(g):]
			}
		}
		if v, ok := hasAnyPrefix(after, respModifiers); ok {
			after = after[len(v):]
		}
		if _, ok := hasAnyPrefix(after, []string{"牵头", "负责", "具体负责", "总牵头", "为牵头单位", "为责任单位"}); ok {
			out = append(out, run...)
			run = run[:0]
		}
	}
	return st.departmentsOnly(dedupe(unwrapNames(sharedGovernment(text, out))))
}

// sharedGovernment gives the places listed before a government its
// 人民政府: "吉木萨尔县、奇台县人民政府负责" tasks both governments, not the
// county and one government.
func sharedGovernment(text string, names []string) []string {
	orig := slices.Clone(names)
	for i := len(names) - 2; i >= 0; i-- {
		place := names[i]
		last, _ := utf8.DecodeLastRuneInString(place)
		if runeLen(place) < 2 || !strings.ContainsRune(levelChars, last) {
			continue
		}
		for _, g := range []string{"人民政府", "政府"} {
			next, ok := strings.CutSuffix(names[i+1], g)
			nextLast, _ := utf8.DecodeLastRuneInString(next)
			if !ok || !strings.ContainsRune(levelChars, nextLast) {
				continue
			}
			if slices.ContainsFunc(listJoins, func(j string) bool { return strings.Contains(text, place+j+orig[i+1]) }) {
				names[i] = place + g
			}
			break
		}
	}
	return names
}

// youWords are how a reply names its one addressee ("由你区负责组织实施").
var youWords = []string{"你省", "你市", "你州", "你县", "你区", "你旗", "你盟", "你镇", "你乡", "你局", "你委", "你厅", "你办", "你单位", "你公司"}

// youAddressee writes the document's one addressee for the 你X that stands
// for it, so that it leads what a 批复 gives it: 江海区人民政府： … 由你区负责.
// (Only in a 批复: a 函's 你省 is as often the one who asked, 你省请求.)
func (st *state) youAddressee(text string) string {
	if st.doc == nil || len(st.doc.Addressees) != 1 || !strings.Contains(text, "你") || !strings.Contains(st.doc.Title, "批复") {
		return text
	}
	to := st.doc.Addressees[0]
	if strings.HasPrefix(to, "各") || strings.ContainsAny(to, "、，,") {
		return text
	}
	for _, w := range youWords {
		// The word's unit is the addressee's (你区 for 江海区人民政府).
		if unit := strings.TrimPrefix(w, "你"); strings.Contains(to, unit) || unit == "单位" {
			text = strings.ReplaceAll(text, w, to)
		}
	}
	return text
}

// unwrapNames joins names a hard-wrapped text broke across lines ("市财\n政局").
func unwrapNames(names []string) []string {
	for i, n := range names {
		names[i] = removeSpaces(n)
	}
	return names
}

// clauseStart reports whether a clause starts after before: at the start
// of the text, after a sentence or clause mark, or after 一是/二是….
func clauseStart(before string) bool {
	if before == "" {
		return true
	}
	for _, m := range []string{"。", "；", ";", "\n", "，", ",", "：", ":"} {
		if strings.HasSuffix(before, m) {
			return true
		}
	}
	last, n := utf8.DecodeLastRuneInString(before)
	prev, _ := utf8.DecodeLastRuneInString(before[:len(before)-n])
	return last == '是' && strings.ContainsRune("一二三四五六七八九十", prev)
}

// subjectOf reports whether s, opening with a run of departments, goes on
// after name with what they are to do ("…市审计局要加强", "市工信局要会同…").
// (负责 and 牵头 after a run are read in the order of the text, below.)
// unitSubjectAhead reports a clause that may open with units the finder
// does not report in running text (towns, streets, zones without a place:
// "池店镇、青阳街道要…", "东湖新城管委会要…"): one with 要 a short way on.
func unitSubjectAhead(clause string) bool {
	head := firstRunes(clause, 24)
	i := strings.Index(head, "要")
	if i < 0 {
		i = strings.Index(head, "负责")
	}
	r, _ := utf8.DecodeRuneInString(clause)
	return i > 0 && isHan(r) && !strings.ContainsAny(clause[:i], "，,。；;\n")
}

func subjectOf(s, name string) bool {
	i := strings.Index(s, name)
	if i < 0 {
		return false
	}
	// "…，市住房城乡建设局组织实施": after a person who leads, the unit
	// that carries the work out.
	_, ok := hasAnyPrefix(s[i+len(name):], []string{"要", "会同", "负责", "具体负责", "组织实施", "具体实施", "牵头"})
	return ok
}

// respModifiers stand between the departments and 负责 in a note of who
// is responsible ("按职责分工负责", "分别负责").
var respModifiers = []string{"按照职责分工", "按职责分工", "按职责", "按职能", "按分工", "分别", "共同",
	"会同有关部门", "会同相关部门", "会同各有关部门"}

// tailModifiers may close a list of responsible departments before its verb.
var tailModifiers = append([]string{"等"}, respModifiers...)

// unknownTail skips the entries the table does not know between the last
// department of a list and its verb ("财政部、水利部、各省级人民政府负责").
func (st *state) unknownTail(after string) string {
	if !strings.HasPrefix(after, "、") {
		return after
	}
	seg := after
	if end := strings.IndexAny(seg, "，,。；;：:（）()《》"); end >= 0 {
		seg = seg[:end]
	}
	for _, v := range []string{"负责", "牵头"} {
		i := strings.Index(seg, v)
		if i <= 0 {
			continue
		}
		head := seg[:i]
		for trimmed := true; trimmed; {
			trimmed = false
			for _, m := range tailModifiers {
				if t, ok := strings.CutSuffix(head, m); ok {
					head, trimmed = t, true
				}
			}
		}
		// Inside a note, where nothing but names stands before the closing
		// verb, a company's full name may be long ("（市发展改革委、浙江
		// 金华成泰农村商业银行股份有限公司负责）").
		limit := maxJoinEntry
		if _, closes := hasAnyPrefix(after[len(seg):], []string{"）", ")"}); closes && seg[i:] == v {
			limit = maxNoteEntry
		}
		if runJoin(head+"、", limit) && len(st.findDepts(head)) == 0 {
			return after[len(head):]
		}
	}
	return after
}

// isRunJoin reports whether s joins two departments of one list: a
// connector, or entries the table does not know between 、
// ("财政部、各省级人民政府、水利部").
func isRunJoin(s string) bool {
	return runJoin(s, maxJoinEntry)
}

// maxJoinEntry bounds an unknown entry of a list in running text, and
// maxNoteEntry one in a note of who is responsible, in runes.
const maxJoinEntry, maxNoteEntry = 12, 30

// runJoin is isRunJoin with unknown entries of at most limit runes.
func runJoin(s string, limit int) bool {
	switch s {
	case "、", "和", "及", "以及", "与":
		return true
	}
	if !strings.HasPrefix(s, "、") || !strings.HasSuffix(s, "、") {
		return false
	}
	for _, e := range strings.Split(strings.Trim(s, "、"), "、") {
		if e == "" || runeLen(e) > limit || strings.ContainsAny(e, "，,。；;：:（）()《》") {
			return false
		}
	}
	return true
}

// departmentsOnly drops the governments themselves from a list of leads:
// "应由国务院制定行政法规", "由县政府与企业签订协议" name who decides, not a
// department that leads the work.
func (st *state) departmentsOnly(names []string) []string {
	if st.p.depts == nil {
		return names
	}
	var out []string
	for _, n := range names {
		if e, ok := st.p.depts.Entry(n); ok && (e.Category == dept.CatBody || e.Category == dept.CatCentral) && !subordinateGovernment(n, e) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// subordinateGovernment reports a government named with its own place
// (请旌阳区人民政府…, 会同西湖镇人民政府…): one the minutes task like a
// department. The issuer's own (市政府) and the congresses are not.
func subordinateGovernment(name string, e dept.Entry) bool {
	if e.Name != "人民政府" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(name)
	return !strings.ContainsRune(levelChars, r) && !strings.HasPrefix(name, "自治")
}

// deptRun reads departments joined by connectors at the start of s. After a
// report trigger (同意/听取) the run must be followed by a report verb
// (关于…汇报), else by any verb a lead takes.
func (st *state) deptRun(s string, report bool) []string {
	return st.deptRunWith(s, report, leadConnectors)
}

// listConnectors part the units of a labelled list ("责任单位：县住建局，
// 县财政局；城关镇人民政府"), where commas and semicolons join, not end.
var listConnectors = append([]string{"，", "；", ",", ";"}, leadConnectors...)

func (st *state) deptRunWith(s string, report bool, connectors []string) []string {
	var out []string
	sep := ""
	for len(out) < maxLeadRun {
		n := st.leadAt(s, report)
		if n == 0 {
			break
		}
		name := s[:n]
		if len(out) > 0 {
			name = st.carryPlace(out[len(out)-1], sep, name)
		}
		out = append(out, name)
		s = s[n:]
		c, ok := hasAnyPrefix(s, connectors)
		if !ok || st.leadAt(s[len(c):], report) == 0 {
			break
		}
		s, sep = s[len(c):], c
	}
	return out
}

// leadAt returns the byte length of a department at the start of s that is
// followed by a connector and another department, or by a verb. Longer names
// are tried first, so 市卫生健康委会市司法局 reads as 市卫生健康委 + 会 + 市司法局.
func (st *state) leadAt(s string, report bool) int {
	for i, n := range st.leadLengths(s) {
		name := s[:n]
		if _, bad := hasAnyPrefix(name, []string{"各", "相关", "有关", "其他", "其它"}); bad {
			continue
		}
		rest := s[n:]
		verbs := leadVerbs
		if report {
			verbs = reportVerbs
		}
		if _, ok := hasAnyPrefix(rest, verbs); ok || rest == "" {
			return n
		}
		// "国家卫生健康委基层卫生健康司会同…": a ministry's division (or a
		// bureau's office) named after it leads as the unit would.
		if i == 0 && !report {
			if k := divisionAt(rest); k > 0 {
				if _, ok := hasAnyPrefix(rest[k:], verbs); ok {
					return n + k
				}
			}
		}
		if c, ok := hasAnyPrefix(rest, leadConnectors); ok {
			after := rest[len(c):]
			for k, m := range st.leadLengths(after) {
				if _, ok := hasAnyPrefix(after[m:], leadFollowers); ok || m == len(after) || !report && k == 0 && actsNext(after[m:]) {
					return n
				}
			}
		}
		// Any verb may follow a unit the text tasks (由市城管局细化…, 责成
		// 市公安局调度…): the list of verbs is never complete, so only the
		// longest name is read on, and only what cannot follow a lead stops it.
		// (X地区 is as often a common noun: 由试点地区推举.)
		if !report && i == 0 && !strings.HasSuffix(name, "地区") && actsNext(rest) {
			return n
		}
	}
	return 0
}

// nonLeadNext are continuations after a unit that make it no lead: its
// people and parts (局长, 负责同志, 机关), what it owns or said (的, 汇报);
// 长 ends a post read as a place (副市长).
var nonLeadNext = []string{"的", "之", "所", "等", "和", "及", "与", "或", "同志", "负责同志", "负责人", "领导", "主要",
	"分管", "党组", "党委", "机关", "系统", "班子", "干部", "职工", "全体", "人员", "工作人员", "下属", "内设", "有关", "相关", "各",
	"汇报", "报告", "意见", "方案", "名义", "副", "局长", "主任", "书记", "处长", "科长", "厅长", "部长", "队长", "站长", "所长",
	"院长", "行长", "经理", "董事长", "总经理", "秘书长", "长", "是", "为", "已", "在", "也", "都", "还", "就",
	// A place's committee goes on the name (宝石社区|居委会负责).
	"居委会", "村委会", "居民委员会", "村民委员会", "管委会"}

// leadFollowers may follow a lead department: a verb or a connector to the next.
var leadFollowers = append(slices.Clone(leadVerbs), leadConnectors...)

// branchWords end the name of a unit's branch or part.
var branchWords = []string{"分行", "支行", "分局", "支队", "大队", "中队", "分公司", "办事处", "派出所", "分院"}

// actsNext reports whether rest, after a unit named by a trigger, goes on
// with what it is to do: Han text that is neither in nonLeadNext nor the
// rest of a longer unit (市公安局交警支队负责, 上海市医药…管理所承担,
// 市公安局森林公安分局。: the part leads, not the 局 or the place).
func actsNext(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if !isHan(r) {
		return false
	}
	if _, bad := hasAnyPrefix(rest, nonLeadNext); bad {
		return false
	}
	k := 0
	for i, r := range rest {
		if k++; k > 16 || !isHan(r) {
			break
		}
		if k == 1 {
			continue
		}
		after := rest[i+utf8.RuneLen(r):]
		next, _ := utf8.DecodeRuneInString(after)
		if _, ok := hasAnyPrefix(after, leadVerbs); ok && isHan(next) && strings.ContainsRune(unitFinals+"队心司行室", r) {
			return false
		}
		// A branch's word ends a longer unit whatever follows (农业发展银行六安分行足额供应).
		if _, ok := hasAnyPrefix(rest[i:], branchWords); ok {
			return false
		}
		// Before a mark only a unit's own finals count (督办。 is a verb).
		if !isHan(next) && strings.ContainsRune("局队所站处科行司心室", r) {
			return false
		}
	}
	return true
}

// leadLengths is deptLengths, helped where a level character fuses with the
// name into another word (县城管局 read as 县城 + 管局): the finder's mention
// right after the level counts with it.
func (st *state) leadLengths(s string) []int {
	if ls := st.deptLengths(s); len(ls) > 0 {
		return ls
	}
	r, size := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(levelChars, r) {
		return nil
	}
	if ms := st.findDepts(firstRunes(s, 24)); len(ms) > 0 && (ms[0].Start == size || ms[0].Start == 0) {
		return []int{ms[0].End}
	}
	return nil
}

// agentUnit is a unit outside the table right after 由/请/责成 that the
// finder accepts there and a lead's verb follows: "由兴东集团按程序组织实施",
// with the units it works with: "由河西学院会同市卫健委做好…".
// The trigger stays in the text the finder sees, since it is the evidence.
func (st *state) agentUnit(s string, trigLen int) []string {
	for _, m := range st.findDepts(firstRunes(s, 32)) {
		if m.Start < trigLen {
			continue
		}
		if m.Start > trigLen {
			break
		}
		rest := s[m.End:]
		if _, ok := hasAnyPrefix(rest, leadVerbs); ok {
			if c, ok := hasAnyPrefix(rest, leadConnectors); ok {
				return append([]string{m.Name}, st.deptRunWith(rest[len(c):], false, leadConnectors)...)
			}
			return []string{m.Name}
		}
	}
	return nil
}

// governmentGroupRe is a group of governments a note tasks together:
// 各县（市、区）人民政府, 各乡（镇）人民政府, 各省级人民政府, 各区县政府.
var governmentGroupRe = regexp.MustCompile(`^各(?:[省市县区乡镇旗盟]级?|街道|[（）()、])+(?:人民政府|政府)?$`)

// isGovernmentGroup reports a group of governments (各县（市、区）人民政府):
// it leads the work a note gives it, but is no department of its own.
func isGovernmentGroup(s string) bool {
	return strings.ContainsAny(s, levelChars) && governmentGroupRe.MatchString(s)
}

// withNoteUnits adds to ms, in the order of the text, the units a note of
// who is responsible names that the finder does not report in running text:
// a company or agency outside the table (（国网石家庄供电公司负责）,
// （中国铁塔石家庄分公司、市通信管理局负责）) and a group of governments
// (（各县（市、区）人民政府负责）). Inside such a note, as after 由, the
// place is no evidence a unit needs.
func (st *state) withNoteUnits(text string, ms []mention) []mention {
	if st.p.depts == nil || !strings.Contains(text, "负责") && !strings.Contains(text, "牵头") {
		return ms
	}
	var extra []mention
	for _, note := range responsibilityNotes(text) {
		for _, e := range note {
			covered := slices.ContainsFunc(ms, func(m mention) bool { return m.Start < e.End && e.Start < m.End })
			if covered {
				continue
			}
			if _, bad := hasAnyPrefix(e.Name, []string{"有关", "相关", "其他", "其它"}); bad {
				continue
			}
			if isGovernmentGroup(e.Name) || !strings.HasPrefix(e.Name, "各") && st.outsideUnit(e.Name) {
				extra = append(extra, e)
			}
		}
	}
	if len(extra) == 0 {
		return ms
	}
	out := append(append([]mention{}, ms...), extra...)
	slices.SortStableFunc(out, func(a, b mention) int { return a.Start - b.Start })
	return out
}

// outsideUnit reports a name the table reads as a unit when nothing but
// the name is given (兴东集团, 新奥燃气公司), as it does after 由.
func (st *state) outsideUnit(name string) bool {
	_, ok := st.p.depts.Resolve(name, "")
	return ok
}

// responsibilityNotes returns the entries of each note of who is
// responsible in text ("（A、B按职责分工负责）", "（A牵头，B负责）"), one
// level of brackets inside allowed (各县（市、区）人民政府), with their byte
// offsets in text and the verbs and modifiers after them cut off.
func responsibilityNotes(text string) [][]mention {
	var out [][]mention
	for i := 0; i < len(text); {
		j := strings.IndexAny(text[i:], "（(")
		if j < 0 {
			break
		}
		open := i + j
		_, size := utf8.DecodeRuneInString(text[open:])
		end, depth := -1, 0
		for k, r := range text[open:] {
			if r == '（' || r == '(' {
				depth++
			} else if r == '）' || r == ')' {
				if depth--; depth == 0 {
					end = open + k
					break
				}
			} else if r == '\n' || k > 240 {
				break
			}
		}
		if end < 0 {
			i = open + size
			continue
		}
		i = end
		body := text[open+size : end]
		// "（炎陵县人民政府牵头，市文体广新局配合）" names who leads before who helps.
		if !strings.HasSuffix(body, "负责") && !strings.HasSuffix(body, "牵头") &&
			!(strings.HasSuffix(body, "配合") && (strings.Contains(body, "牵头") || strings.Contains(body, "负责"))) {
			continue
		}
		var note []mention
		start := open + size
		for _, part := range splitKeepOffsets(body, "、，,；;") {
			name := part.Name
			for trimmed := true; trimmed; {
				trimmed = false
				for _, v := range append([]string{"具体负责", "负责", "牵头", "配合", "有关部门", "相关部门", "有关单位", "相关单位"}, tailModifiers...) {
					if t, ok := strings.CutSuffix(name, v); ok {
						name, trimmed = t, true
					}
				}
			}
			if name = strings.TrimSpace(name); runeLen(name) >= 2 {
				note = append(note, mention{Name: name, Start: start + part.Start, End: start + part.Start + len(name)})
			}
		}
		out = append(out, note)
	}
	return out
}

// inOneNote reports whether byte offsets from and to lie in one note of
// notes (as responsibilityNotes returns them).
func inOneNote(notes [][]mention, from, to int) bool {
	for _, n := range notes {
		if len(n) > 0 && n[0].Start <= from && to <= n[len(n)-1].End {
			return true
		}
	}
	return false
}

// splitKeepOffsets splits s at any of seps, keeping each part's byte offset.
func splitKeepOffsets(s, seps string) []mention {
	var out []mention
	from, depth := 0, 0
	for k, r := range s {
		switch {
		case r == '（' || r == '(':
			depth++
		case r == '）' || r == ')':
			depth--
		case depth == 0 && strings.ContainsRune(seps, r):
			out = append(out, mention{Name: s[from:k], Start: from})
			from = k + utf8.RuneLen(r)
		}
	}
	return append(out, mention{Name: s[from:], Start: from})
}

// divisionAt returns the byte length of a division's name opening s, written
// right after its ministry or bureau (…委|基层卫生健康司, 财政部|社会保障司,
// 市财政局|社保处): a short run of Han characters ending in 司, 处 or an
// office; 0 for none.
func divisionAt(s string) int {
	n := 0
	for i, r := range s {
		if !isHan(r) || strings.ContainsRune("的和与及或在对将由请要等并", r) {
			return 0
		}
		n++
		if n > 8 {
			return 0
		}
		end := i + utf8.RuneLen(r)
		if n >= 3 && (r == '司' || r == '处') || n >= 4 && (strings.HasSuffix(s[:end], "办公厅") || strings.HasSuffix(s[:end], "办公室")) {
			// Not a company (公司) nor a place (…之处).
			if strings.HasSuffix(s[:end], "公司") {
				return 0
			}
			return end
		}
	}
	return 0
}
