package extract

import (
	"slices"
	"strings"

	"govarchive/internal/document"
	"govarchive/internal/norm"
)

// parseMinutes fills a minutes document: header, meeting, topics, lists and
// the closing fields.
func (st *state) parseMinutes() {
	d := st.doc
	intro := st.findIntro()
	head := st.headerLines(intro)
	st.minutesTitle(head)
	for _, i := range head {
		if dn, ok := findDocNumber(st.lines[i]); ok {
			st.setDocNumber(dn)
			break
		}
	}
	if d.DocNumber == "" {
		st.issueNumber(head)
	}
	fields := st.labelledFields()
	st.portalFields(fields)
	var m = st.meetingFromFields(fields)
	if intro >= 0 {
		if im, when, ok := st.meetingFrom(st.introText(intro)); ok {
			m = mergeMeeting(m, im)
			if m.Date == "" {
				st.setMeetingDate(m, when)
			}
		}
	}
	if m.Name == "" {
		// The title often names the meeting ("市政府第30次常务会议纪要",
		// "图文回放:历下区政府召开第19届42次常务会议").
		t := d.Title
		t = afterLast(t, ":：")
		if i := strings.Index(t, "召开"); i >= 0 {
			t = t[i+len("召开"):]
		}
		t = strings.TrimSuffix(strings.TrimSuffix(t, "纪要"), "纪录") // 會議紀錄 (Taiwan)
		t = strings.TrimSuffix(strings.TrimSuffix(t, "议定事项"), "决定事项")
		if _, ok := hasAnySuffix(t, meetingTypes); ok && t != "会议" {
			st.setMeetingName(m, t)
		}
	}
	if m.Session == 0 {
		st.headerMeetingNo(m, head)
	}
	// "青州市人民政府第37次常务会议纪要" over an intro that says only
	// "主持召开市政府常务会议": the title numbers the meeting.
	if no, ok := findMeetingNo(d.Title); ok && m.Session == 0 && (m.Type == "" || no.Type == "" || no.Type == m.Type) {
		m.Term, m.Year, m.Session = no.Term, no.Year, no.Session
		if m.Type == "" {
			m.Type = no.Type
		}
	}
	if m.Name != "" || m.Date != "" || m.Chair != nil {
		d.Meeting = m
		d.Date = m.Date
	}
	start := max(intro, 0)
	// Minutes written as a table (序号 | 议题 | 汇报单位 | 议定事项): a
	// row is an item; its lines are no prose item.
	rows, rowAt, tableLines := st.taskTableTopics()
	st.tableLines = tableLines
	d.Topics = st.mergeTopics(st.topicsFrom(start, false), rows, rowAt)
	st.tableLines = nil
	if len(rows) > 0 {
		for i := range d.Topics {
			d.Topics[i].No = i + 1
		}
	}
	// A page that lists the agenda (会议议题：1.… 2.…) and reports the
	// meeting as a timeline names its items there; what the timeline
	// decided belongs to the item whose document it names.
	if agenda := st.agendaTopics(); len(d.Topics) == 0 || len(agenda) >= 2 && len(agenda) > len(d.Topics) {
		d.Topics = withDecisions(agenda, d.Topics)
	} else if len(agenda) >= 2 && len(agenda) == len(d.Topics) {
		d.Topics = pairedDecisions(agenda, d.Topics)
	}
	st.attendanceLists()
	// Minutes written as prose name participants the way news does.
	if len(d.Attendees) == 0 {
		for _, p := range append(st.prosePeople(attendVerbs), st.verbFirstPeople(false)...) {
			if m.Chair == nil || p.Name != m.Chair.Name {
				d.Attendees = append(d.Attendees, document.Attendee(p))
			}
		}
	}
	if len(d.Observers) == 0 {
		d.Observers = append(st.prosePeople(observeVerbs), st.verbFirstPeople(true)...)
	}
	if len(d.Absent) == 0 {
		st.addAbsent(st.proseAbsent()...)
	}
	st.tail()
	if d.IssuedOn == "" && intro >= 0 {
		d.IssuedOn = st.headerIssueDate(head)
	}
	if d.Issuer == "" && d.CompiledBy != "" {
		// A government's office sent the minutes for it; an office of its
		// own (洛带镇党政办公室) leaves the issuer to the meeting's place.
		if is := issuerOfOffice(d.CompiledBy); is != d.CompiledBy || !strings.Contains(is, "党政") {
			d.Issuer = is
		}
	}
	if d.Issuer == "" {
		if src := fields["source"]; isIssuer(src) {
			d.Issuer = issuerOfOffice(src)
		}
	}
	if d.Issuer == "" && intro >= 0 {
		d.Issuer = st.headerOffice(head)
	}
	if d.Issuer == "" || relativeIssuer(d.Issuer) {
		if is := st.inferIssuer(); is != "" {
			d.Issuer = is
		}
	}
	if d.Title == "" && m.Name != "" {
		d.Title = m.Name + "纪要"
	}
}

// minutesTitle finds the title among the header lines and the issuer above it.
func (st *state) minutesTitle(head []int) {
	d := st.doc
	best, bestIssuer := "", ""
	for k, i := range head {
		l := st.lines[i]
		// A portal's "标　　题：…" (名称：…) field holds the title.
		if m := labelRe.FindStringSubmatch(l); m != nil && metaLabels[removeSpaces(m[1])] == "title" {
			l = m[2]
		}
		j := strings.LastIndex(l, "纪要")
		if j < 0 || containsAny(l, pageClutter) {
			continue
		}
		// "现纪要如下：" closes an intro sentence; it is no title.
		if strings.HasPrefix(l[j+len("纪要"):], "如下") {
			continue
		}
		// The title may run into the text ("…的会议纪要xx年2月2日上午，…").
		l = l[:j+len("纪要")]
		if runeLen(l) > 60 || strings.ContainsAny(l, "。，") {
			continue
		}
		l, issuer, cover := coverTitle(l)
		// "现将《…纪要》印发给你们" cites the minutes: 纪要 inside an open
		// 《 ends a citation, not a title.
		if strings.LastIndex(l, "《") > strings.LastIndex(l, "》") {
			continue
		}
		if k > 0 && !cover {
			prev := st.lines[head[k-1]]
			switch {
			case isIssuer(prev) && !strings.HasPrefix(l, prev):
				// Red header: the issuer above "常务会议纪要".
				issuer = prev
				if !strings.Contains(l, "政府") {
					l = prev + l
				}
			case head[k-1] >= i-2 && isTitleFragment(prev) && !strings.HasPrefix(l, "关于"):
				// A title wrapped over two lines.
				l = prev + l
			}
		}
		if runeLen(l) > runeLen(best) {
			best, bestIssuer = l, issuer
		}
	}
	if best != "" {
		d.Title = trimPunct(channelTagRe.ReplaceAllString(strings.TrimSpace(best), ""))
		if bestIssuer != "" {
			d.Issuer = bestIssuer
		}
	}
	if d.Title == "" {
		for _, i := range head {
			l := st.lines[i]
			if isTitleLine(l) && runeLen(l) >= 6 && labelRe.FindStringSubmatch(l) == nil && strings.Contains(l, "会") {
				d.Title = l
				break
			}
			if isTitleLine(l) && runeLen(l) >= 6 && strings.Contains(l, "会") {
				d.Title = l
				break
			}
		}
	}
	if d.Issuer == "" {
		d.Issuer = st.issuerPrefix(d.Title)
	}
	// "清远市人民政府常务会议纪要" over a title of the sitting
	// ("市政府第三十八次常务会议纪要"): the series names the issuer.
	for _, i := range head {
		if d.Issuer != "" {
			break
		}
		if l := st.lines[i]; strings.HasSuffix(l, "纪要") && runeLen(l) <= 60 {
			d.Issuer = st.issuerPrefix(l)
		}
	}
}

// coverTitle reads the title of a cover notice that distributes minutes
// ("X办公室关于印发《Y会议纪要》的通知", cut at 纪要 by the caller): the
// minutes' title is Y, issued by X's government.
func coverTitle(l string) (title, issuer string, ok bool) {
	for _, verb := range []string{"关于印发", "关于转发"} {
		pre, rest, found := strings.Cut(l, verb)
		if !found {
			continue
		}
		rest = strings.TrimLeft(rest, "《〈")
		if runeLen(rest) < 4 {
			return l, "", false
		}
		if is := issuerOfOffice(pre); isIssuer(is) {
			issuer = is
		}
		return rest, issuer, true
	}
	return l, "", false
}

// issuerOfOffice maps the office that compiled or posted a document to the
// government it serves ("苏州市人民政府办公室" → "苏州市人民政府").
func issuerOfOffice(s string) string {
	for _, suf := range []string{"办公室", "办公厅"} {
		if t := strings.TrimSuffix(s, suf); t != s && isIssuer(t) {
			return t
		}
	}
	return s
}

// labelledFields reads "标签：值" header fields, the value on the same line or
// on the next non-blank line, keyed by the metaLabels name or the raw label.
func (st *state) labelledFields() map[string]string {
	// The fields are read once per document; callers only read the map.
	if st.fields != nil {
		return st.fields
	}
	out := map[string]string{}
	st.fields = out
	for i := 0; i < len(st.lines); i++ {
		// A gov.cn label alone on its line ("索引号") has its value on the
		// next one.
		if key := bareLabel(st.lines[i]); key != "" {
			if v := st.nextValue(i); v != "" {
				if _, dup := out[key]; !dup {
					out[key] = v
				}
			}
			continue
		}
		for _, seg := range splitLabelled(st.lines[i]) {
			st.labelledField(out, i, seg)
		}
	}
	return out
}

// nextValue returns the next non-blank line after the bare label at i,
// unless it is itself a label.
func (st *state) nextValue(i int) string {
	for j := i + 1; j < len(st.lines) && j <= i+3; j++ {
		if st.lines[j] == "" {
			continue
		}
		if bareLabel(st.lines[j]) != "" || labelRe.MatchString(st.lines[j]) && len(findDates(st.lines[j])) == 0 {
			return ""
		}
		return strings.TrimSpace(st.lines[j])
	}
	return ""
}

// labelledField reads one "标签：值" segment of line i into out.
func (st *state) labelledField(out map[string]string, i int, seg string) {
	{
		m := labelRe.FindStringSubmatch(seg)
		if m == nil {
			return
		}
		label := removeSpaces(m[1])
		if runeLen(label) > 6 {
			return
		}
		key := metaLabels[label]
		if key == "" {
			key = label
		}
		val := strings.TrimSpace(m[2])
		if val == "" {
			for j := i + 1; j < len(st.lines) && j <= i+3; j++ {
				if st.lines[j] == "" {
					continue
				}
				if labelRe.MatchString(st.lines[j]) && len(findDates(st.lines[j])) == 0 {
					break
				}
				val = st.lines[j]
				break
			}
		}
		// "时间: 2023-02-13 09:20 来源: 苏州市人民政府办公室 访问量:" holds several.
		for _, extra := range []string{"来源", "访问量", "阅读次数", "浏览次数", "点击数"} {
			if j := strings.Index(val, extra); j > 0 {
				rest := val[j:]
				val = strings.TrimSpace(val[:j])
				if extra == "来源" {
					if k := strings.IndexAny(rest, ":："); k >= 0 {
						src := strings.Fields(strings.TrimSpace(rest[k+len("："):]) + " ")
						if len(src) > 0 && out["source"] == "" {
							out["source"] = strings.TrimLeft(src[0], ":：")
						}
					}
				}
			}
		}
		if _, dup := out[key]; !dup && val != "" {
			out[key] = val
		}
	}
}

// timeOfDay is the part of day and clock time of date d found in v: its
// own, or the part of day written after it (2023年11月20日（星期一）上午).
func timeOfDay(v string, d date) (partOfDay, clock string) {
	partOfDay, clock = d.PartOfDay, d.Time
	if partOfDay == "" {
		partOfDay = partOfDayAfter(v[d.End:])
	}
	return partOfDay, clock
}

// meetingFromFields builds the meeting from labelled fields (会议时间/地点/主持人).
func (st *state) meetingFromFields(f map[string]string) *document.Meeting {
	m := &document.Meeting{}
	when := f["会议时间"]
	// A bare 时间： is the meeting's when the header also gives its place
	// or chair; on a web page it is the posting time.
	if when == "" && (f["地点"] != "" || f["主持"] != "" || f["主持人"] != "") {
		when = f["time"]
	}
	if v := when; v != "" {
		if ds := findDates(v); len(ds) > 0 {
			m.PartOfDay, m.Time = timeOfDay(v, ds[0])
			st.setMeetingDate(m, ds[0])
		}
	}
	// 会议名称：市政府2022年第十五次常务会议 names and numbers the meeting.
	if v := f["会议名称"]; v != "" {
		if _, ok := hasAnySuffix(removeSpaces(v), meetingTypes); ok {
			st.setMeetingName(m, v)
		}
	}
	for _, k := range []string{"会议地点", "地点"} {
		if v := f[k]; v != "" && m.Place == "" {
			m.Place = v
		}
	}
	for _, k := range chairLabels {
		if v := f[k]; v != "" {
			if p := st.chairFrom(v); p != nil {
				m.Chair = p
				break
			}
		}
	}
	return m
}

// mergeMeeting fills the gaps of a with b.
func mergeMeeting(a, b *document.Meeting) *document.Meeting {
	if a.Name == "" {
		a.Name, a.Type, a.Term, a.Year, a.Session = b.Name, b.Type, b.Term, b.Year, b.Session
	}
	// The header names the meeting, the intro numbers it ("2018年第八次
	// 市长办公会议于…召开"): take the number when the types agree.
	if a.Session == 0 && b.Session != 0 && (a.Type == "" || b.Type == "" || a.Type == b.Type) {
		a.Term, a.Year, a.Session = b.Term, b.Year, b.Session
	}
	if a.Date == "" {
		a.Date = b.Date
	}
	if a.PartOfDay == "" {
		a.PartOfDay = b.PartOfDay
	}
	if a.Time == "" {
		a.Time = b.Time
	}
	if a.Place == "" {
		a.Place = b.Place
	}
	if a.Chair == nil {
		a.Chair = b.Chair
	}
	return a
}

// pairedDecisions joins an agenda ("会议议题：1.研究薛家镇工业用地更新有关
// 事项 2.…") to as many decisions read after it ("会议议定：一、原则同意薛家镇
// …"), in order: the agenda titles the matters, the decisions say what was
// decided on each. Topics read from the agenda itself are kept.
func pairedDecisions(agenda, read []document.Topic) []document.Topic {
	out := make([]document.Topic, len(read))
	for i, t := range read {
		if t.Title == agenda[i].Title {
			out[i] = t
			continue
		}
		a := agenda[i]
		joinItem(&a, t)
		for _, doc := range t.Documents {
			if !slices.Contains(a.Documents, doc) {
				a.Documents = append(a.Documents, doc)
			}
		}
		out[i] = a
	}
	return out
}

// withDecisions adds to the agenda's items the decisions, leads and text of
// the topics read from the report that name the same document; a topic
// that names none of them follows as an item of its own.
func withDecisions(agenda, read []document.Topic) []document.Topic {
	n := len(agenda)
	for _, t := range read {
		at := slices.IndexFunc(agenda[:n], func(a document.Topic) bool {
			return slices.ContainsFunc(t.Documents, func(doc string) bool { return slices.Contains(a.Documents, doc) })
		})
		if at < 0 {
			// …or the matter, when the item names no document: 关于防汛工作
			// 情况的汇报 and 会议听取了区应急局关于防汛工作情况的汇报.
			at = slices.IndexFunc(agenda[:n], func(a document.Topic) bool {
				core := agendaCore(a.Title)
				return runeLen(core) >= 4 && strings.Contains(t.Title+t.Text, core)
			})
		}
		if at < 0 {
			t.No = len(agenda) + 1
			agenda = append(agenda, t)
			continue
		}
		joinItem(&agenda[at], t)
	}
	return agenda
}

// joinItem adds to an agenda item what the report says of it: its
// decisions, leads and text.
func joinItem(a *document.Topic, t document.Topic) {
	a.Decisions = append(a.Decisions, t.Decisions...)
	for _, l := range t.LeadDepartments {
		if !slices.Contains(a.LeadDepartments, l) {
			a.LeadDepartments = append(a.LeadDepartments, l)
		}
	}
	a.Text = strings.TrimSpace(a.Text + "\n" + t.Text)
}

// agendaCore is the matter an agenda item names, without the words that
// frame it: 关于防汛工作情况的汇报 → 防汛工作.
func agendaCore(title string) string {
	for _, p := range []string{"关于", "审议", "研究", "听取", "讨论"} {
		title = strings.TrimPrefix(title, p)
	}
	for _, sfx := range []string{"的汇报", "汇报", "的议题", "情况", "的问题", "问题", "事宜", "有关事项"} {
		title = strings.TrimSuffix(title, sfx)
	}
	return title
}

// agendaTopics reads the items listed under a 会议议题： label, one a line.
func (st *state) agendaTopics() []document.Topic {
	var out []document.Topic
	for i, l := range st.lines {
		j := strings.IndexAny(l, ":：")
		if j <= 0 || !contains(agendaLabels, removeSpaces(l[:j])) {
			continue
		}
		items := []string{strings.TrimSpace(strings.TrimLeft(l[j:], ":："))}
		for k := i + 1; k < len(st.lines); k++ {
			if st.lines[k] == "" {
				continue
			}
			if labelRe.MatchString(st.lines[k]) || strings.Contains(st.lines[k], "。") {
				break
			}
			items = append(items, st.lines[k])
		}
		for _, it := range items {
			it = stripItemNo(it)
			if it = trimEndPunct(it); it == "" {
				continue
			}
			t := document.Topic{No: len(out) + 1, Title: it}
			st.fillTopic(&t)
			out = append(out, t)
		}
		break
	}
	return out
}

// isTitleFragment reports a short line of running title text: no
// punctuation, no date or 文号, not itself a 纪要 title.
func isTitleFragment(l string) bool {
	if runeLen(l) > 30 || strings.Contains(l, "纪要") || strings.ContainsAny(l, "，。：:；,") {
		return false
	}
	if _, ok := findDocNumber(l); ok || len(findDates(l)) > 0 {
		return false
	}
	for _, r := range l {
		if !isHan(r) && !strings.ContainsRune("《》“”（）", r) {
			return false
		}
	}
	return true
}

// headerMeetingNo reads a meeting number standing on its own header line
// under the title, as joint and special meetings number theirs:
// "（2023年第1次）", "(第3次)", or closing the title line itself:
// "区长办公会议纪要（2024年第5次）".
func (st *state) headerMeetingNo(m *document.Meeting, head []int) {
	for _, i := range head {
		l := strings.TrimSpace(st.lines[i])
		if open := strings.LastIndexAny(l, "（("); open > 0 && strings.ContainsAny(l[open:], ")）") {
			pre := strings.TrimSpace(l[:open])
			if _, ok := hasAnySuffix(strings.TrimSuffix(pre, "纪要"), meetingTypes); !ok {
				continue
			}
			l = l[open:]
		}
		inner := strings.TrimSpace(strings.Trim(l, "（()）"))
		if inner == "" {
			continue
		}
		// Standing under the title, a bare "第3次" numbers this meeting,
		// in brackets or not ("第十六届第23次").
		for _, cand := range []string{inner, inner + "会议"} {
			if no, ok := norm.FindMeetingNo(cand); ok && no.Start == 0 && no.End >= len(inner) {
				m.Term, m.Year, m.Session = no.Term, no.Year, no.Session
				return
			}
		}
	}
}

// splitLabelled splits a line that holds several labelled fields
// ("索引号：…　　主题分类：…") into one segment per field; other lines come
// back whole.
func splitLabelled(line string) []string {
	if !labelRe.MatchString(line) {
		return []string{line}
	}
	var out []string
	from := 0
	starts := fieldStartRe
	if m := labelRe.FindStringSubmatch(line); m != nil && metaLabels[removeSpaces(m[1])] != "" {
		starts = anyFieldRe
	}
	for _, loc := range starts.FindAllStringIndex(line, -1) {
		if strings.TrimSpace(line[from:loc[0]]) != "" {
			out = append(out, line[from:loc[0]])
			from = loc[0]
		}
	}
	return append(out, line[from:])
}

// bareLabel returns the metadata key of a line that is only a gov.cn label
// ("发文字号"), or "".
func bareLabel(line string) string {
	l := removeSpaces(line)
	if contains(bareLabels, l) {
		return metaLabels[l]
	}
	return ""
}

// headerIssueDate reads a date standing alone among the header lines above
// the intro of red-header minutes ("〔2021〕5号\n2021年3月8日"): the date
// the minutes were issued, not the meeting's. A date with a part of day, or
// the value of a label above it (会议时间：\n2021年6月8日上午), is none.
func (st *state) headerIssueDate(head []int) string {
	for k, i := range head {
		l := st.lines[i]
		ds := findDates(l)
		if len(ds) != 1 || ds[0].Start != 0 || ds[0].End != len(l) || ds[0].PartOfDay != "" || ds[0].Time != "" {
			continue
		}
		if k > 0 {
			prev := strings.TrimSpace(st.lines[head[k-1]])
			if strings.HasSuffix(prev, "：") || strings.HasSuffix(prev, ":") || bareLabel(prev) != "" {
				continue
			}
		}
		return ds[0].iso()
	}
	return ""
}

// issueNumber takes a header line that numbers the minutes as a serial's
// issue (第5期, 〔2019〕第3期) as the document's number when it has no 文号.
func (st *state) issueNumber(head []int) {
	for _, i := range head {
		if n, ok := norm.ParseIssueNumber(st.lines[i]); ok {
			st.setDocNumber(docNumber{Text: n.Text, Year: n.Year, Seq: n.Seq})
			return
		}
	}
}

// headerOffice reads the issuer from the office that prints the minutes
// under a title that names no one ("会议纪要" over "长丰县人民政府办公室
// 2019年2月1日"): the office issues them for its government.
func (st *state) headerOffice(head []int) string {
	for _, i := range head {
		l := st.lines[i]
		if ds := findDates(l); len(ds) == 1 && ds[0].End == len(l) {
			l = strings.TrimSpace(l[:ds[0].Start])
		}
		if is := issuerOfOffice(l); is != l {
			return is
		}
	}
	return ""
}
