package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"govarchive/internal/document"
	"govarchive/internal/norm"
)

// memberRoles label the rows of a member list (组长：…).
var memberRoles = []string{"组长", "副组长", "常务副组长", "成员", "组员", "主任", "副主任", "常务副主任", "秘书长", "副秘书长", "委员", "顾问", "总指挥", "副总指挥", "召集人", "副召集人", "办公室主任"}

var (
	// memberParenRe is "刘惠祥(市委常委、常务副市长)".
	memberParenRe = regexp.MustCompile(`^([\p{Han}]{2,4})\s*[（(]([^（）()]{2,40})[）)]$`)
	// responsibleRe is "（市人力资源社会保障局、市医保局负责）".
	responsibleRe = regexp.MustCompile(`[（(]([^（）()]{2,120}?)(?:牵头|负责|按职责分工负责|分别负责|共同负责)[）)]`)
)

// appointRe finds the people a decision on posts appoints or removes:
// "任命刘建华为…", "免去王国庆的…职务", "刘建华同志任…".
var appointRe = regexp.MustCompile(`(?:任命|聘任|提名|免去)([\p{Han}·]{2,12}?)(?:同志)?(?:为|的|职务)|(?:^|[，；。：])([\p{Han}·]{2,12}?)同志任`)

// appointees records the people a decision on posts (任免) names.
func (st *state) appointees() {
	for _, l := range st.lines {
		if !strings.Contains(l, "任") && !strings.Contains(l, "免") {
			continue
		}
		for _, m := range appointRe.FindAllStringSubmatch(l, -1) {
			name := m[1] + m[2]
			if plausibleTitled(name) && !isTitle(name) && len(st.deptLengths(name)) == 0 {
				if !slices.Contains(st.people, name) {
					st.people = append(st.people, name)
				}
			}
		}
	}
}

// portalFields fills what a government portal's header gives any page:
// the index number, the subject and the publication date.
func (st *state) portalFields(f map[string]string) {
	d := st.doc
	d.IndexNo = strings.TrimSpace(f["index_no"])
	if d.IndexNo != "" && !strings.ContainsAny(d.IndexNo, "0123456789") {
		d.IndexNo = ""
	}
	if s := f["subject"]; s != "" && labelRe.FindStringSubmatch(s) == nil {
		d.Subject = s
	}
	if v := f["published_on"]; v != "" {
		if ds := findDates(v); len(ds) > 0 {
			d.PublishedOn = ds[0].iso()
		}
	}
}

// parseOfficial fills an official document: metadata, title, 文号, dates,
// addressees, responsible departments and member lists.
func (st *state) parseOfficial() {
	d := st.doc
	f := st.labelledFields()
	st.portalFields(f)
	if v := f["issuer"]; isIssuer(v) {
		d.Issuer = v
	}
	if v := f["title"]; v != "" {
		d.Title = v
	}
	if v := f["doc_number"]; v != "" {
		if dn, ok := findDocNumber(v); ok {
			st.setDocNumber(dn)
		}
	}
	if v := f["written_on"]; v != "" {
		if ds := findDates(v); len(ds) > 0 {
			d.WrittenOn = ds[0].iso()
		}
	}
	body := st.bodyStart()
	if d.Title == "" {
		d.Title = st.officialTitle(body)
	}
	// "政务服务丨济宁市人民政府关于…": a page's channel name before a bar.
	if i := strings.LastIndexAny(d.Title, "丨|｜"); i >= 0 {
		if rest := strings.TrimSpace(afterLast(d.Title, "丨|｜")); runeLen(rest) >= 6 {
			d.Title = rest
		}
	}
	numberLine := -1 // the header line holding the 文号
	var numberAt docNumber
	if d.DocNumber == "" {
		for i := 0; i < body && i < len(st.lines); i++ {
			// "你们《…的请示》（皖政〔2020〕45号）收悉": a cited 文号.
			if strings.Contains(st.lines[i], "收悉") || strings.Contains(st.lines[i], "》（") || strings.Contains(st.lines[i], "》(") {
				continue
			}
			if dn, ok := findDocNumber(st.lines[i]); ok && dn.Prefix != "" || ok && runeLen(st.lines[i]) < 30 {
				st.setDocNumber(dn)
				numberLine, numberAt = i, dn
				break
			}
		}
	}
	if d.Issuer == "" {
		d.Issuer = st.issuerPrefix(d.Title)
	}
	sigIssuer, sigDate := st.signature()
	if d.Issuer == "" {
		d.Issuer = sigIssuer
	}
	// The red header "洛阳市人民政府文件" names the issuer when the title and
	// the signature (a date alone) do not.
	for i := 0; d.Issuer == "" && i < body && i < len(st.lines); i++ {
		if h, ok := strings.CutSuffix(removeSpaces(st.lines[i]), "文件"); ok && isIssuer(h) {
			d.Issuer = h
		}
	}
	// A decree (国务院令第707号) is issued by the body its series names.
	if b := strings.TrimSuffix(d.DocPrefix, "令"); d.Issuer == "" && b != d.DocPrefix && runeLen(b) >= 2 && isIssuer(b) {
		d.Issuer = b
	}
	// A decree publishes the regulation it names first (《…》已经…通过，
	// 现予公布); that is what a reader calls it.
	if d.Title == "" && strings.HasSuffix(d.DocPrefix, "令") {
		for _, l := range st.lines {
			if docs := docTitles(l); len(docs) > 0 && strings.Contains(l, "公布") {
				d.Title = docs[0]
				break
			}
		}
	}
	// The closing lines an official document shares with minutes:
	// （此件公开发布）, 抄送/分送, "…印发".
	st.tail()
	if p, ok := st.signer(); ok {
		st.addPerson(p.Name)
	}
	if d.WrittenOn == "" {
		d.WrittenOn = sigDate
	}
	// "铜府发〔2022〕5号　　2022年3月2日": the date beside the 文号. A
	// regulation's 题注 has several ("2019年11月18日…常务会议审议通过
	// 2019年12月3日…令第295号公布"): the one that goes with the 文号 is
	// the last before it, else the first after.
	if d.WrittenOn == "" && numberLine >= 0 {
		d.WrittenOn = dateNear(findDates(st.lines[numberLine]), numberAt)
	}
	d.Addressees = st.addressees(body)
	for _, k := range []string{"主送", "主送机关", "主送单位"} {
		if v := f[k]; v != "" {
			d.Addressees = splitAny(trimEndPunct(v), "，,；;")
			break
		}
	}
	d.Members = st.members()
	st.appointees()
	for _, p := range d.Members {
		st.addPerson(p.Name)
	}
	for _, m := range responsibleRe.FindAllStringSubmatch(st.text, -1) {
		for _, part := range splitAny(m[1], "、，,") {
			// 和/及 join two units ("市财政局和市民政局") but also stand inside
			// one name (市自然资源和规划局): split only what is no unit whole.
			subs := []string{part}
			if n := st.deptLengths(part); len(n) == 0 || n[0] != len(part) {
				subs = splitAny(part, "和及")
			}
			for _, sub := range subs {
				if n := st.deptLengths(sub); len(n) > 0 && n[0] == len(sub) {
					st.addDept(sub)
				}
			}
		}
	}
	// The body starts at its first long sentence; the heading of the item
	// that sentence is the text of ("一、优化产业布局") belongs to the body,
	// and so do the sections above a numbered measure (sectionTasks makes
	// their measures the items).
	start := body
	for start > 0 && body < len(st.lines) && isItemHeading(st.lines[start-1]) {
		start--
	}
	// An item too short to be that sentence ("（一）全面摸底排查。5月底前
	// 完成…") still belongs to the list the sentence's item continues.
	start = st.listStart(start)
	// The rows of a task table are its items; its lines are no prose item.
	rows, rowAt, tableLines := st.taskTableTopics()
	st.tableLines = tableLines
	d.Topics = st.mergeTopics(st.sectionTasks(st.topicsFrom(start, false)), rows, rowAt)
	st.tableLines = nil
	// Items are topics when the document tasks units with them: then every
	// item is one, with or without a note of who is responsible (a unit the
	// table lacks, a step all counties take), so the numbering stays the
	// document's. Items none of which names a unit (a commendation's name
	// lists, a 函's requests) are no tasks. A heading over no sentence is the
	// caption of a table (task rows, which are items of their own, or a
	// list of names). A note of who is responsible makes a task even when
	// it names no unit the table knows ("二、推广信易贷。（市发展改革委、
	// 浙江金华成泰农村商业银行股份有限公司负责）").
	var kept []document.Topic
	if slices.ContainsFunc(d.Topics, func(t document.Topic) bool { return len(t.LeadDepartments) > 0 }) {
		sentences := st.itemSentences()
		for _, t := range d.Topics {
			if len(t.LeadDepartments) > 0 || strings.ContainsAny(t.Title+t.Text, "。，,；;") || len(responsibilityNotes(t.Text)) > 0 ||
				t.Text == "" && sentences[t.Title] {
				t.No = len(kept) + 1
				kept = append(kept, t)
			}
		}
	}
	d.Topics = kept
	if d.Date == "" {
		d.Date = d.WrittenOn
	}
	if d.Date == "" {
		d.Date = d.PublishedOn
	}
	if d.Meeting == nil {
		d.Meeting = st.noticeMeeting()
	}
}

// noticeTitleRe is the title of a notice calling a meeting: group 1 the
// meeting ("关于召开全市防灭火工作会议的通知").
var noticeTitleRe = regexp.MustCompile(`召开(\p{Han}[^《》]{1,40}?会议?)的(?:预备)?通知$`)

// noticeMeeting reads the meeting a notice calls: its name from the title,
// its time and place from the notice's items (一、会议时间：…, 二、会议地点：…);
// nil for any other document.
func (st *state) noticeMeeting() *document.Meeting {
	mm := noticeTitleRe.FindStringSubmatch(st.doc.Title)
	if mm == nil {
		return nil
	}
	m := &document.Meeting{}
	st.setMeetingName(m, mm[1])
	for i, l := range st.lines {
		label, val, ok := strings.Cut(stripItemNo(l), "：")
		if !ok && i+1 < len(st.lines) {
			// "一、会议时间" as a heading, its value on the line below.
			label, val = stripItemNo(l), st.lines[i+1]
		}
		switch removeSpaces(label) {
		case "会议时间", "时间":
			if ds := findDates(val); len(ds) > 0 && m.Date == "" {
				// (The document's own date stays the one it was written.)
				when := ds[0]
				// "4月9日上午" in a notice of 2003-04-02: the notice's year,
				// or the next for a month before the notice's own.
				if ref, ok := metaPublished(st.doc.Date); ok && when.Year == 0 && when.Month != 0 {
					when.Year = ref.Year
					if when.Month < ref.Month {
						when.Year++
					}
				}
				if when.Year != 0 && when.Month != 0 && when.Day != 0 {
					m.Date = when.iso()
				}
				m.PartOfDay, m.Time = timeOfDay(val, ds[0])
			}
		case "会议地点", "地点":
			if m.Place == "" {
				// (What follows the place's sentence is about branch venues.)
				place, _, _ := strings.Cut(strings.TrimSpace(val), "。")
				place, _, _ = strings.Cut(place, "；")
				m.Place = trimEndPunct(place)
			}
		}
	}
	return m
}

// bodyStart returns the index of the first prose line (a sentence of some
// length), which ends the header.
func (st *state) bodyStart() int {
	first := -1 // the first sentence, for a document of short lines only
	for i, l := range st.lines {
		if isBreadcrumb(l) {
			continue
		}
		if runeLen(l) > 50 && strings.ContainsAny(l, "。，,") {
			return i
		}
		if first < 0 && (endsLikeSentence(l) && !labelRe.MatchString(l) || isIntroLine(l)) {
			first = i
		}
	}
	if first >= 0 {
		return first
	}
	return len(st.lines)
}

// endsLikeSentence reports a line ending in 。 or in a note of who is
// responsible: the items of a notice that has no intro open its body
// ("市政府各部门：\n一、拓宽就业渠道。…（市人力社保局负责）").
func endsLikeSentence(l string) bool {
	l = strings.TrimSpace(l)
	if strings.HasSuffix(l, "。") {
		return true
	}
	for _, v := range []string{"负责）", "牵头）", "配合）", "负责)", "牵头)", "配合)"} {
		if strings.HasSuffix(l, v) {
			return len(responsibilityNotes(l)) > 0
		}
	}
	return false
}

// isIntroLine reports the sentence that announces the items
// ("现就有关事项通知如下：", "现提出如下意见："): it opens the body as a
// sentence ending in 。 does, though its colon makes it look like an
// addressee line.
func isIntroLine(l string) bool {
	l = strings.TrimSpace(l)
	return (strings.HasSuffix(l, "：") || strings.HasSuffix(l, ":")) && strings.Contains(l, "如下")
}

// officialTitle finds a title line ending like an official document,
// joined with the wrapped lines above it.
func (st *state) officialTitle(body int) string {
	var idx []int
	for i := 0; i < body && i < len(st.lines); i++ {
		l := st.lines[i]
		if l == "" || isBreadcrumb(l) || labelRe.MatchString(l) {
			continue
		}
		idx = append(idx, i)
	}
	for k, i := range idx {
		l := strings.Trim(st.lines[i], "《》")
		if dn, ok := findDocNumber(l); ok {
			l = strings.TrimSpace(strings.Replace(l, l[dn.Start:dn.End], "", 1))
			l = strings.Trim(l, "《》()（） ")
		}
		if runeLen(l) > 80 || strings.ContainsAny(l, "。：:") {
			continue
		}
		if _, ok := hasAnySuffix(trimEndPunct(l), officialTitleSuffixes); !ok {
			continue
		}
		// Wrapped titles: join up to two short lines above that are not
		// a 文号 or a date.
		for back := 1; back <= 2 && k-back >= 0; back++ {
			prev := st.lines[idx[k-back]]
			if idx[k-back] != i-back && idx[k-back] != i-back-1 {
				break
			}
			if _, ok := findDocNumber(prev); ok || len(findDates(prev)) > 0 || runeLen(prev) > 30 || strings.ContainsAny(prev, "。，,：:") {
				break
			}
			if _, ok := hasAnySuffix(prev, officialTitleSuffixes); ok {
				break
			}
			if st.isLabelValue(idx[k-back]) {
				break // "主题分类：" with its value on the next line
			}
			l = prev + l
		}
		return l
	}
	return ""
}

// signature returns the issuer and date that sign the document: a date
// line after the opening, with an issuing body on the line above.
func (st *state) signature() (issuer, written string) {
	prev := ""
	for _, l := range st.lines {
		if l == "" {
			continue
		}
		if ds := findDates(l); len(ds) == 1 && ds[0].Start == 0 && runeLen(l) <= 20 && ds[0].iso() != "" {
			if isIssuer(prev) {
				return prev, ds[0].iso()
			}
			if written == "" {
				written = ds[0].iso()
			}
		}
		prev = l
	}
	return "", written
}

// dateNear returns the date of ds that goes with the 文号 dn of the same
// line: the last that ends before it, else the first after it.
func dateNear(ds []date, dn docNumber) string {
	near := ""
	for _, dt := range ds {
		switch {
		case dt.iso() == "":
		case dt.End <= dn.Start:
			near = dt.iso()
		case near == "":
			return dt.iso()
		}
	}
	return near
}

// addressees reads the 主送 line ("各省、自治区、直辖市人民政府，国务院各部委：").
func (st *state) addressees(body int) []string {
	for i := 0; i < len(st.lines) && i <= body+2; i++ {
		l := st.lines[i]
		if !strings.HasSuffix(l, "：") && !strings.HasSuffix(l, ":") {
			continue
		}
		v := strings.TrimRight(l, ":：")
		// A ； parts groups of addressees ("各区人民政府，市各委办局；各有关
		// 企业：") in a line that opens with 各; elsewhere it ends a clause.
		if runeLen(v) < 2 || runeLen(v) > 100 || strings.Contains(v, "。") || strings.Contains(v, "；") && !strings.HasPrefix(v, "各") ||
			containsAny(v, []string{"如下", "收悉", "通知", "报告"}) {
			continue
		}
		if key := removeSpaces(v); metaLabels[key] != "" || contains(memberRoles, key) {
			continue
		}
		if _, _, ok := listLabel(l); ok {
			continue
		}
		if _, ok := hasAnyPrefix(v, []string{"现", "特", "根据", "为", "经"}); ok || hasLatin(v) {
			continue
		}
		return splitAny(v, "，,；;")
	}
	return nil
}

// members reads member lists: a role label (组长：) then rows of
// "name title" with padded names, or "name(title)".
func (st *state) members() []document.Person {
	var out []document.Person
	active := false
	misses := 0
	for _, l := range st.lines {
		if l == "" {
			continue
		}
		row := l
		if i := strings.IndexAny(l, ":："); i > 0 {
			label := removeSpaces(l[:i])
			if contains(memberRoles, label) {
				active = true
				misses = 0
				row = strings.TrimSpace(strings.TrimLeft(l[i:], ":："))
				if row == "" {
					continue
				}
			}
		}
		if !active {
			continue
		}
		if p, ok := st.memberRow(row); ok {
			out = append(out, p)
			misses = 0
			continue
		}
		if subHeadingRe.MatchString(row) && runeLen(row) < 20 {
			continue
		}
		misses++
		if misses > 1 {
			active = false
		}
	}
	return out
}

// memberRow parses "龚　正　市长", "陈宝生　　教育部部长", "刘惠祥(市委常委、常务副市长)".
func (st *state) memberRow(row string) (document.Person, bool) {
	if m := memberParenRe.FindStringSubmatch(row); m != nil && (plausibleTitled(m[1]) || st.looseName(m[1])) {
		return document.Person{Name: m[1], Title: m[2]}, true
	}
	fields := strings.FieldsFunc(row, isSpace)
	if len(fields) < 2 {
		return document.Person{}, false
	}
	name, rest := fields[0], fields[1:]
	switch {
	case len(fields) >= 4 && runeLen(fields[0]) == 1 && runeLen(fields[1]) == 1 && runeLen(fields[2]) == 1:
		// "王 小 红 县长": every character padded.
		name, rest = fields[0]+fields[1]+fields[2], fields[3:]
	case runeLen(fields[0]) == 1 && runeLen(fields[1]) == 1,
		// "欧阳  红": a compound surname padded to the width of three.
		runeLen(fields[0]) == 2 && surnameLen(fields[0]) == 2 && runeLen(fields[1]) == 1:
		name, rest = fields[0]+fields[1], fields[2:]
	}
	if !(plausibleTitled(name) || st.looseName(name)) || len(rest) == 0 {
		return document.Person{}, false
	}
	title := strings.Join(rest, " ")
	if runeLen(title) > 60 || strings.Contains(title, "。") {
		return document.Person{}, false
	}
	return document.Person{Name: name, Title: title}, true
}

// hasLatin reports Latin letters: page furniture ("页面宽度(px)"), not an
// addressee.
func hasLatin(s string) bool {
	for _, r := range s {
		if r < 0x80 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isLabelValue reports a line that is the value of a label standing alone
// on the line above ("发文字号：" / "国办发明电〔2018〕15号").
func (st *state) isLabelValue(i int) bool {
	if i == 0 {
		return false
	}
	if bareLabel(st.lines[i-1]) != "" {
		return true
	}
	m := labelRe.FindStringSubmatch(st.lines[i-1])
	return m != nil && strings.TrimSpace(m[2]) == ""
}

// signer returns the person who signs a decree or an order above its date
// ("总理　李克强"), when the line above the closing date is a title and a name.
func (st *state) signer() (document.Person, bool) {
	prev := ""
	for _, l := range st.lines {
		if l == "" {
			continue
		}
		if ds := findDates(l); len(ds) == 1 && ds[0].Start == 0 && runeLen(l) <= 20 && ds[0].iso() != "" && prev != "" {
			f := strings.FieldsFunc(prev, isSpace)
			if len(f) >= 2 {
				title, name := f[0], joinPadded(strings.Join(f[1:], " "))
				if isTitle(title) && plausibleTitled(name) {
					return document.Person{Name: name, Title: title}, true
				}
			}
		}
		prev = l
	}
	return document.Person{}, false
}

// isItemHeading reports a line that only heads a numbered item: its number
// and a short title, no sentence.
func isItemHeading(l string) bool {
	return itemNoRe.MatchString(l) && runeLen(l) <= 40 && !strings.ContainsAny(l, "。；;")
}

// listStart returns where the item list holding line i begins: when line i
// opens item n > 1 of a numbering and items n-1 … 1 of it stand above in
// that order, the line of item 1; otherwise i.
func (st *state) listStart(i int) int {
	if i >= len(st.lines) {
		return i
	}
	for _, style := range numberings {
		m := style.heading.FindStringSubmatch(st.lines[i])
		if m == nil {
			continue
		}
		n, _ := norm.ParseNumber(m[1])
		for j := i - 1; j >= 0 && n > 1; j-- {
			if m := style.heading.FindStringSubmatch(st.lines[j]); m != nil {
				if k, _ := norm.ParseNumber(m[1]); k != n-1 {
					break
				}
				n--
				if n == 1 {
					return j
				}
			}
		}
		return i
	}
	return i
}

// sectionTasks replaces each section by the numbered tasks in it when they
// name their own leads: "一、重点任务" over "（一）…（市城管局牵头）" and
// "（二）…（市商务局负责）" is what each unit leads task by task, not one
// topic led by every unit. Tasks may be numbered on across sections
// (一、… 1. 2. 二、… 3.).
func (st *state) sectionTasks(topics []document.Topic) []document.Topic {
	var out []document.Topic
	prevStyle, prevLast := -1, 0 // the numbering of the last section split
	for _, t := range topics {
		if split, style, last, ok := st.splitSection(t, prevStyle, prevLast); ok {
			out = append(out, split...)
			prevStyle, prevLast = style, last
			continue
		}
		out = append(out, t)
		prevStyle = -1
	}
	return out
}

// splitSection returns the tasks of section t (split in turn), their
// numbering's index in numberings and the last one's number, when they are
// what t leads.
func (st *state) splitSection(t document.Topic, prevStyle, prevLast int) (split []document.Topic, style, last int, ok bool) {
	lines := strings.Split(t.Text, "\n")
	tasks, style := topLevel(lines, nil, false)
	continued := false
	if len(tasks) == 0 && prevStyle >= 0 {
		tasks, style, continued = numberedWith(lines, nil, numberings[prevStyle], prevLast, false), prevStyle, true
	}
	if len(tasks) == 0 {
		return nil, 0, 0, false
	}
	// A task on a line of its own owns the lead at its end; tasks run on
	// in one line ("（二）分类处置。1．…；2．…。（X负责）") leave the lead at
	// its end to the line's item.
	own := 0
	for _, l := range lines {
		if numberings[style].heading.MatchString(l) {
			own++
		}
	}
	led := false
	for i := range tasks {
		st.fillTopic(&tasks[i])
		if len(tasks[i].LeadDepartments) > 0 && (i < len(tasks)-1 || continued || own >= len(tasks)) {
			led = true
		}
	}
	if !led {
		return nil, 0, 0, false
	}
	// A lone task under a section is read as the section's text (unless
	// tasks under it split it).
	last = tasks[len(tasks)-1].No
	split = st.sectionTasks(tasks)
	if len(split) < 2 && !continued {
		return nil, 0, 0, false
	}
	// A lead the section names before its tasks would be lost with it.
	intro := document.Topic{Title: t.Title, Text: t.Text}
	if i := strings.Index(t.Text, tasks[0].Title); i >= 0 {
		intro.Text = t.Text[:i]
	}
	if st.fillTopic(&intro); len(intro.LeadDepartments) > 0 {
		return nil, 0, 0, false
	}
	return split, style, last, true
}

// itemSentences holds the numbered lines that are one sentence telling
// someone what to do (要, 应, 须), ended by a full stop, as an item's title
// gives them (number and stop gone): such an item is a task though it
// names no unit the table knows and has no comma (二、各级农业银行、信用社
// 要加大对乡镇企业的信贷支持。). So is a 批复's approval (一、原则同意
// 《…调整方案》。), the decision the reply gives. A rule's sentence (本公告
// 自发布之日起施行。) is none.
// approvalOpeners open an item that approves what was asked.
var approvalOpeners = []string{"同意", "原则同意", "批准", "原则批准"}

func (st *state) itemSentences() map[string]bool {
	out := map[string]bool{}
	for _, l := range st.lines {
		if !itemNoRe.MatchString(l) || !strings.HasSuffix(l, "。") && !strings.HasSuffix(l, "；") {
			continue
		}
		if _, approves := hasAnyPrefix(stripItemNo(l), approvalOpeners); !approves && !containsAny(l, []string{"要", "应", "须"}) {
			continue
		}
		out[trimEndPunct(stripItemNo(l))] = true
	}
	return out
}
