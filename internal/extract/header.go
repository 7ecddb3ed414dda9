package extract

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"govarchive/internal/dept"
	"govarchive/internal/document"
	"govarchive/internal/names"
	"govarchive/internal/norm"
	"govarchive/internal/segment"
)

// introWindow bounds how far down the intro sentence ("…主持召开…会议") may be.
const introWindow = 60

// findIntro returns the index of the line that opens the meeting account:
// the first line naming who chaired it or that it was held, from which a
// meeting name or chair can be read.
func (st *state) findIntro() int {
	i := st.findIntroLine()
	// A hard-wrapped sentence may have begun on the line above ("2018年9月
	// 27日上午，县长周森锋在县政府二楼会议室" + "主持召开…"): its date and
	// chair are the meeting's.
	for n := 0; n < maxIntroLines-1 && i > 0; n++ {
		above := ""
		if i > 1 {
			above = st.lines[i-2]
		}
		if !st.opensIntro(above, st.lines[i-1], st.lines[i]) {
			break
		}
		i--
	}
	return i
}

// opensIntro reports whether prev, right above the intro line l, is part
// of l's sentence: prose cut mid-sentence, with a date or a clause, or a
// fragment after a line that ends in a comma.
func (st *state) opensIntro(above, prev, l string) bool {
	// A colon marks a field (来源：, 发布时间：), not the sentence's start.
	if prev == "" || strings.ContainsAny(prev, "：:") || itemNoRe.MatchString(l) {
		return false
	}
	continued := strings.HasSuffix(above, "，") || strings.HasSuffix(above, ",")
	if isTitleLine(prev) && !continued {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(prev); strings.ContainsRune("。：:！？!?；;", last) {
		return false
	}
	if _, ok := findDocNumber(prev); ok {
		return false
	}
	// A line ending in a date is a dateline ("泉州日报　2021-03-08"), not a
	// sentence cut short.
	if ds := findDates(prev); len(ds) > 0 && ds[len(ds)-1].End == len(prev) {
		return false
	}
	// The line below must go on with the sentence, not open one of its own.
	if ds := findDates(l); len(ds) > 0 && ds[0].Start == 0 {
		return false
	}
	return continued || strings.ContainsAny(prev, "，,") || len(findDates(prev+l)) > len(findDates(l))
}

// findIntroLine returns the line that names the meeting, its chair or its
// date, or -1.
func (st *state) findIntroLine() int {
	usable := func(l string) bool {
		m, _, ok := st.meetingFrom(l)
		return ok && (m.Name != "" || m.Chair != nil)
	}
	// pass returns the first line among the opening ones that accept takes.
	pass := func(accept func(string) bool) int {
		seen := 0
		for i, l := range st.lines {
			if l == "" || isBreadcrumb(l) {
				continue
			}
			if seen++; seen > introWindow {
				break
			}
			if accept(l) {
				return i
			}
		}
		return -1
	}
	if i := pass(func(l string) bool {
		return (strings.Contains(l, "主持") || strings.Contains(l, "召集")) && strings.Contains(l, "会") && !isTitleLine(l) && usable(l)
	}); i >= 0 {
		return i
	}
	if i := pass(func(l string) bool { return introHeld(l) && usable(l) }); i >= 0 {
		return i
	}
	if i := pass(func(l string) bool { return speechRe.MatchString(l) && !isTitleLine(l) && usable(l) }); i >= 0 {
		return i
	}
	if i := pass(func(l string) bool { return siteVisitRe.MatchString(l) && !isTitleLine(l) && usable(l) }); i >= 0 {
		return i
	}
	// "2019年5月6日上午，会议由副县长王xx主持": the chair masked, the date
	// still dates the meeting.
	return pass(func(l string) bool {
		if !strings.Contains(l, "主持") || isTitleLine(l) {
			return false
		}
		ds := findDates(l)
		return len(ds) > 0 && ds[0].Start < len(l)/2
	})
}

// introHeld is the second pass of findIntro: a line saying the meeting was
// held, with a date or a meeting number.
func introHeld(l string) bool {
	if !strings.Contains(l, "召开") && !strings.Contains(l, "举行") {
		return false
	}
	if len(findDates(l)) > 0 {
		return true
	}
	_, ok := findMeetingNo(l)
	return ok && !isTitleLine(l) || ok && strings.HasSuffix(trimEndPunct(l), "召开") && strings.Contains(l, "在")
}

// isTitleLine reports a short line without sentence punctuation: a page or
// document title rather than prose.
func isTitleLine(l string) bool {
	return runeLen(l) <= 40 && !strings.ContainsAny(l, "，,。") && len(findDates(l)) == 0
}

// meetingFrom parses the intro sentence: date, chair, place and meeting name.
func (st *state) meetingFrom(line string) (*document.Meeting, date, bool) {
	m := &document.Meeting{}
	var when date
	hasDate := false
	meetingIn := "" // a meeting named where a place would stand
	// 召集人 is a title, not the act: "联席会议召集人、副市长林明主持召开"
	// is chaired where 主持 stands.
	var host []int
	for _, h := range hostRe.FindAllStringIndex(line, -1) {
		if line[h[0]:h[1]] != "召集" || !strings.HasPrefix(line[h[1]:], "人") {
			host = h
			break
		}
	}
	// "市长吴斌率市发改局…赴崇福镇开展现场办公": a site visit is led,
	// not chaired; the leader stands before 率.
	siteVisit := false
	if host == nil {
		if sv := siteVisitRe.FindStringSubmatchIndex(line); sv != nil {
			host, siteVisit = sv[2:4], true
			if m.Place == "" && sv[4] >= 0 {
				m.Place = line[sv[4]:sv[5]]
			}
		}
	}
	// "县长王立新在县政府第42次常务会议上强调": a report of the speech
	// names the meeting, and the speaker where 主持 would stand.
	var speech []int
	if host == nil {
		if speech = speechRe.FindStringSubmatchIndex(line); speech != nil {
			host = speech[:2]
		}
	}
	for _, d := range findDatesOrDays(line) {
		// "本报3月8日讯", "新华社北京3月8日电": a dateline dates the report.
		if rest := line[d.End:]; strings.HasPrefix(rest, "讯") || strings.HasPrefix(rest, "电") {
			continue
		}
		if host == nil || d.Start < host[0] {
			when, hasDate = d, true
			break
		}
	}
	if hasDate {
		m.PartOfDay, m.Time = timeOfDay(line, when)
	}
	if host != nil {
		clause := line[:host[0]]
		if hasDate && when.End <= host[0] {
			clause = line[when.End:host[0]]
		}
		clause = afterLast(clause, "，,。；;:：")
		if i := st.placeAt(clause); i >= 0 && !siteVisit {
			m.Place = trimPunct(clause[i+len("在"):])
			clause = clause[:i]
		}
		// "在县政府第32次县长办公会议上主持研究…": a meeting, not a place.
		if in, ok := strings.CutSuffix(m.Place, "上"); ok && (strings.HasSuffix(in, "会议") || strings.HasSuffix(in, "会")) {
			meetingIn, m.Place = in, ""
		}
		clause = chairClause(clause)
		if clause == "" && hasDate && when.End <= host[0] {
			// "市长李亚平于1月6日上午主持召开…": the chair before the date.
			clause = chairClause(afterLast(strings.TrimSuffix(strings.TrimSpace(line[:when.Start]), "于"), "，,。；;:："))
		}
		// A speaker chairs only as the head of the government that met.
		if p := st.chairFrom(clause); p != nil && (speech == nil || headPost(p.Title)) {
			m.Chair = p
		}
	}
	name := ""
	from := 0
	if host != nil {
		from = host[0]
	}
	switch {
	case speech != nil:
		name = line[speech[2]:speech[3]]
	case meetingIn != "":
		name = meetingIn
	}
	if mm := meetingAfterRe.FindStringSubmatch(line[from:]); mm != nil && name == "" {
		name = mm[1]
	}
	// "市政府召开第5次常务会议，市长王建华主持": the meeting before 主持.
	if mm := meetingAfterRe.FindStringSubmatch(line); mm != nil && name == "" && host != nil && speech == nil {
		name = mm[1]
	}
	if name == "" {
		if mm := meetingBeforeRe.FindStringSubmatch(line); mm != nil {
			name = mm[1]
		}
	}
	st.setMeetingName(m, name)
	if m.Type == "" && siteVisit {
		m.Type = "现场办公会议"
	}
	ok := m.Name != "" || m.Chair != nil || hasDate
	return m, when, ok
}

// datelineRe is a news dateline before the report's first sentence
// (新华社北京9月14日电, 本报讯, 本网讯); trailingDayRe, a day written between
// the one who chairs and 主持 (李强13日, 李明3月4日上午).
var (
	datelineRe    = regexp.MustCompile(`^(?:.{0,12}?\d{1,2}月\d{1,2}日[电讯]|(?:本报|本网|本台|新华社)[^，。\s]{0,8}?[电讯])(?:[\s　]+|$|[（(][^）)]{0,30}[）)][\s　]*)`)
	trailingDayRe = regexp.MustCompile(`(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|中午|早上)?$`)
)

// chairAdverbs stand between the one who chairs and 主持.
var chairAdverbs = []string{"先后", "分别", "亲自", "专门", "随即", "再次", "连续"}

// chairClause cuts the text before 主持 down to the one who chairs: no time
// words, no 受…委托, no 会议由.
func chairClause(clause string) string {
	// "新华社北京9月14日电 国务院总理李强": the dateline is the report's.
	if loc := datelineRe.FindStringIndex(clause); loc != nil {
		clause = clause[loc[1]:]
	}
	// "市长李明4日主持召开", "国务院总理李强13日上午主持": the day after the name.
	clause = trailingDayRe.ReplaceAllString(clause, "")
	clause = trimTimeWords(clause)
	// "区长马强先后主持召开…": an adverb between the name and 主持; so is a
	// day told relatively ("省长吕祖善今天主持召开…").
	clause = trimTrailingTimeOfDay(clause)
	for _, w := range chairAdverbs {
		clause = strings.TrimSuffix(clause, w)
	}
	for _, rd := range relativeDays {
		clause = strings.TrimSuffix(clause, rd.word)
	}
	clause = trailingDayRe.ReplaceAllString(clause, "")
	// "常务副市长陈峰受市长孙建国委托主持": the one who chairs stands
	// before 受.
	if i := strings.Index(clause, "受"); i > 0 && strings.HasSuffix(clause, "委托") {
		clause = clause[:i]
	}
	clause = strings.TrimLeftFunc(clause, func(r rune) bool { return !isHan(r) })
	// "会议由市长李亚平主持"
	for _, p := range []string{"会议由", "由"} {
		clause = strings.TrimPrefix(clause, p)
	}
	return clause
}

// placeAt returns the byte index of the 在 that opens the meeting's place
// in the text before 主持, or -1. 在 also occurs in given names (李在武,
// 张在山): the first 在 after which the text before reads as the one who
// chairs is the place's; with none, a whole clause that reads as the chair
// has no place, and otherwise the last 在 opens it ("张在山在市政府会议室").
func (st *state) placeAt(clause string) int {
	var at []int
	for i := 0; ; {
		j := strings.Index(clause[i:], "在")
		if j < 0 {
			break
		}
		at = append(at, i+j)
		i += j + len("在")
	}
	if len(at) == 0 {
		return -1
	}
	chairs := func(c string) bool {
		c = chairClause(c)
		return c == "" || st.chairFrom(c) != nil
	}
	for _, i := range at {
		if chairs(clause[:i]) {
			return i
		}
	}
	if st.chairFrom(chairClause(clause)) != nil {
		return -1
	}
	return at[len(at)-1]
}

// headPost reports a title whose last post heads a government (县长, 市长,
// 区长, 省长; "县委副书记、县长"), not a deputy's.
func headPost(title string) bool {
	last := title[strings.LastIndex(title, "、")+1:]
	if strings.Contains(last, "副") {
		return false
	}
	for _, p := range []string{"省长", "市长", "区长", "县长", "州长", "旗长", "镇长", "乡长", "主席", "总理"} {
		if strings.HasSuffix(last, p) {
			return true
		}
	}
	return false
}

// setMeetingName cleans a raw meeting name and derives type and number.
func (st *state) setMeetingName(m *document.Meeting, name string) {
	name = simplyCalledRe.ReplaceAllString(name, "")
	name = strings.TrimPrefix(name, "了")
	name = strings.TrimPrefix(name, "召开")
	// "第 32 次": spacing inside a name is layout.
	name = removeSpaces(trimPunct(name))
	// "区政府党组（扩大）会议和区政府十五届第21次常务会议": keep the
	// numbered meeting of a joint sitting.
	for _, sep := range []string{"和", "暨"} {
		if i := strings.LastIndex(name, sep); i > 0 {
			if _, ok := findMeetingNo(name[i:]); ok {
				if _, ok := hasAnySuffix(name[:i], meetingTypes); ok {
					name = name[i+len(sep):]
				}
			}
		}
	}
	if runeLen(name) < 3 || runeLen(name) > 60 || emptySessionRe.MatchString(name) {
		return
	}
	m.Name = name
	// 全体（扩大）会议 is a 全体会议 with guests.
	typed := strings.NewReplacer("（扩大）", "", "(扩大)", "").Replace(name)
	for _, t := range meetingTypes {
		if strings.HasSuffix(typed, t) && t != "会议" {
			m.Type = t
			break
		}
	}
	if no, ok := findMeetingNo(name); ok {
		m.Term, m.Year, m.Session = no.Term, no.Year, no.Session
		if m.Type == "" {
			m.Type = no.Type
		}
	}
}

// chairFrom reads "李亚平市长", "县长常东旭" or "区委副书记、区长杨福涛".
func (st *state) chairFrom(s string) *document.Person {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "同志"))
	// A value on the line under its label (会议主持人：\n刘　斌) is no prose
	// line that JoinProsePadded reads: the padding is joined here.
	s = names.JoinPadded(s)
	if s == "" || isMasked(s) {
		return nil
	}
	// "刘建国（县长）": the title in brackets after the name.
	if i := strings.IndexAny(s, "（("); i > 0 && strings.HasSuffix(s, "）") || i > 0 && strings.HasSuffix(s, ")") {
		_, size := utf8.DecodeLastRuneInString(s)
		_, open := utf8.DecodeRuneInString(s[i:])
		name, title := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+open:len(s)-size])
		if isTitle(title) && (plausibleTitled(name) || st.looseName(name)) {
			return &document.Person{Name: name, Title: title}
		}
	}
	if title, name, ok := st.titleName(s); ok {
		return &document.Person{Name: name, Title: title}
	}
	if title, name, ok := st.titleNameEnd(s); ok {
		return &document.Person{Name: name, Title: title}
	}
	if title, name, ok := st.titlePlaceName(s); ok {
		return &document.Person{Name: name, Title: title}
	}
	if plausibleName(s) {
		return &document.Person{Name: s}
	}
	return nil
}

// splitTitledName reads the Taiwanese and older form that puts the post
// between the surname and the given name: 侯市长友宜 is 侯友宜, 市长;
// 令狐副市长荣达 is 令狐荣达, not 荣达.
func splitTitledName(s string) (title, name string, ok bool) {
	if !allHan(s) || isMasked(s) {
		return "", "", false
	}
	r := []rune(s)
	sn := surnameLen(s)
	if sn == 0 || len(r) < sn+3 {
		return "", "", false
	}
	for g := 1; g <= 2 && sn+g+2 <= len(r); g++ {
		t, given := string(r[sn:len(r)-g]), string(r[len(r)-g:])
		full := string(r[:sn]) + given
		if bareSplitPosts[t] && !strings.ContainsRune(postModifiers, r[0]) && !isTitle(given) && plausibleName(full) {
			return t, full, true
		}
	}
	return "", "", false
}

// bareSplitPosts are the posts written between a surname and a given name.
var bareSplitPosts = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range []string{"市长", "县长", "区长", "省长", "镇长", "乡长", "局长", "处长", "科长", "部长", "厅长", "院长", "署长",
		"秘书长", "主任", "主席", "议长", "主委", "委员", "参议", "顾问", "主秘", "主计长"} {
		m[p], m["副"+p] = true, true
		m["代理"+p] = true // 陈代理市长启昱: the acting mayor
	}
	return m
}()

// postModifiers open a post, not a surname, before one of bareSplitPosts:
// 代市长黄钦, 常务副县长龙飞 (常 read as a surname), 原局长.
const postModifiers = "代常原前总正现时"

// titlePlaceName reads a post followed by a name that is also a place's
// ("市长宁波", "副县长黄河"). The names package rejects such names as words,
// but right after a post, where the chair's name stands, a place is no
// reading: the one who chairs is a person. Other words (马上, 亲自, 日前)
// are still refused.
func (st *state) titlePlaceName(s string) (title, name string, ok bool) {
	r := []rune(s)
	for _, n := range []int{2, 3} {
		if len(r) <= n {
			continue
		}
		t, nm := string(r[:len(r)-n]), string(r[len(r)-n:])
		if !isTitle(t) || surnameLen(nm) == 0 || !allHan(nm) || isMasked(nm) || isTitle(nm) || !nameShapeOK(nm) {
			continue
		}
		if st.placeWord(nm) {
			return t, nm, true
		}
	}
	return "", "", false
}

// placeWord reports a word the segmenter reads as one place name (宁波, 黄河).
func (st *state) placeWord(s string) bool {
	if st.p.seg == nil {
		return false
	}
	pos := st.p.seg.Pos(s, false)
	return len(pos) == 1 && pos[0].Pos == "ns"
}

// titleName splits a "title+name" or "name+title" run.
func (st *state) titleName(s string) (title, name string, ok bool) {
	if title, name, ok = splitTitledName(s); ok {
		return title, name, true
	}
	if title, name, ok = splitTitle(s); ok {
		return title, name, true
	}
	// Known surnames first; a rare one (区雪凤县长) only if none fits.
	sizes := []int{3, 2, 4}
	if surnameLen(s) == 2 {
		sizes = []int{4, 3} // 皇甫婷丽县长
	}
	for _, ok := range []func(string) bool{plausibleTitled, st.looseName} {
		for _, n := range sizes {
			if runeLen(s) <= n {
				continue
			}
			head := firstRunes(s, n)
			rest := s[len(head):]
			if ok(head) && isTitle(rest) && st.posName(head) {
				// "史立军　市长": the space between name and post is neither's.
				return strings.TrimSpace(rest), head, true
			}
		}
	}
	return "", "", false
}

// isTitle reports whether s is an official title alone ("副县长", "市委常委、常务副市长").
func isTitle(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || runeLen(s) > 40 {
		return false
	}
	for _, r := range s {
		if !isHan(r) && r != '、' {
			return false
		}
	}
	_, ok := hasAnySuffix(s, titleSuffixes)
	return ok
}

// posName asks gse whether s is tagged as a person name when cut alone or
// in context; it is a tie-breaker, not a gate, so an unknown name passes.
func (st *state) posName(s string) bool {
	if st.p.seg == nil {
		return true
	}
	pos := st.p.seg.Pos(s, false)
	if len(pos) == 1 {
		return pos[0].Pos == "nr" || pos[0].Pos == "x" || pos[0].Pos == "" || strings.HasPrefix(pos[0].Pos, "n")
	}
	return true
}

// setMeetingDate fills Document.Date from the meeting date, inferring a
// missing year from the page's publication date or another dated line, and
// a missing month from the publication date only.
func (st *state) setMeetingDate(m *document.Meeting, when date) {
	if when.Day == 0 {
		return
	}
	if when.Year != 0 && when.Month != 0 {
		m.Date = when.iso()
		st.doc.Date = m.Date
		return
	}
	var y, mo int
	if when.Month != 0 {
		var ok bool
		if y, ok = st.contextYear(when); !ok {
			return
		}
		mo = when.Month
	} else {
		// "3日下午" in a news report: the month of the page's publication,
		// or the one before when the day is later than its day. Only a
		// stated publication date will do: the first date of the text
		// could be any. Else the date an archive names the file by
		// (guangzhou_2014-05-13.txt), of the meeting or of the page.
		ref, ok := st.publication()
		if !ok {
			if ref = fileNameDate(st.meta.Source); ref.Month == 0 {
				return
			}
		}
		y, mo = ref.Year, ref.Month
		if when.Day > ref.Day {
			if mo--; mo == 0 {
				y, mo = y-1, 12
			}
		}
		if when.Day > daysIn(y, mo) {
			return
		}
	}
	m.Date = isoDate(y, mo, when.Day)
	st.doc.Date = m.Date
	st.doc.DateInferred = true
}

// daysIn returns the number of days of a month.
func daysIn(y, mo int) int {
	return time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// publication returns the date a page was published on: Meta.Published,
// else the one its text states.
func (st *state) publication() (date, bool) {
	if ref, ok := metaPublished(st.meta.Published); ok {
		return ref, true
	}
	return st.statedPublication()
}

// statedPublication returns the date of a page's 发布时间:/发布日期:/时间:
// line, or of an unlabelled one under the headline ("2021-03-08 16:20
// 来源：市政府办公室").
func (st *state) statedPublication() (date, bool) {
	f := st.labelledFields()
	for _, key := range []string{"published_on", "time"} {
		if ds := findDates(f[key]); len(ds) > 0 && ds[0].Year != 0 {
			return ds[0], true
		}
	}
	seen := 0
	for _, l := range st.lines {
		if l == "" {
			continue
		}
		if seen++; seen > 4 {
			break
		}
		// "来源：临沂融媒　作者：刘晓敏　2024-05-21", "2021-03-08 16:20 来源：…".
		if ds := findDates(l); len(ds) > 0 && ds[0].Year != 0 &&
			(containsAny(l, []string{"来源", "作者"}) || ds[0].Start == 0 && strings.TrimSpace(l[ds[0].End:]) == "") {
			return ds[0], true
		}
		// A repost site's European stamp on its own line: "15.05.2014  16:04".
		if m := dayFirstStampRe.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			d, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			y, _ := strconv.Atoi(m[3])
			if d <= daysIn(y, mo) {
				return date{Year: y, Month: mo, Day: d}, true
			}
		}
	}
	return date{}, false
}

// dayFirstStampRe is a date written day.month.year, maybe with the time,
// alone on a line.
var dayFirstStampRe = regexp.MustCompile(`^(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d\d)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`)

// metaPublished reads Meta.Published (an ISO date, maybe with a time).
func metaPublished(s string) (date, bool) {
	if len(s) < 10 {
		return date{}, false
	}
	y, e1 := strconv.Atoi(s[:4])
	mo, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:10])
	if e1 != nil || e2 != nil || e3 != nil {
		return date{}, false
	}
	return date{Year: y, Month: mo, Day: d}, true
}

// contextYear picks the year for a month-day date from Meta.Published or the
// first full date elsewhere in the text (a page's 时间:/发布日期: line). A
// meeting cannot be after the page reporting it, so a later month means the
// previous year.
func (st *state) contextYear(when date) (int, bool) {
	ref, _ := metaPublished(st.meta.Published)
	if ref.Year == 0 {
		for _, l := range st.lines {
			for _, d := range findDates(l) {
				if d.Year >= 1949 && d.Year <= 2100 {
					ref = d
					break
				}
			}
			if ref.Year != 0 {
				break
			}
		}
	}
	if ref.Year == 0 {
		// "3月2日上午" under 〔2020〕15号 and no other date: the year the
		// minutes are numbered in.
		if st.doc.DocYear != 0 {
			return st.doc.DocYear, true
		}
		for _, i := range st.headerLines(-1) {
			if dn, ok := findDocNumber(st.lines[i]); ok && dn.Year != 0 {
				return dn.Year, true
			}
		}
		// Archives name files by date (tieling_2022-10-31.txt) or year
		// (hunan_2024_50.txt): the last witness to a year the text omits.
		if ref = fileNameDate(st.meta.Source); ref.Year == 0 {
			return 0, false
		}
		if ref.Month == 0 {
			return ref.Year, true
		}
	}
	y := ref.Year
	if when.Month > ref.Month || (when.Month == ref.Month && when.Day > ref.Day) {
		y--
	}
	return y, true
}

// fileNameDateRe is a date in a file's name (2022-10-31, 20221031,
// 2022_10_31), fileNameYearRe a year standing alone in it (_2024_).
var (
	fileNameDateRe = regexp.MustCompile(`(?:^|\D)((?:19|20)\d\d)(?:-(0[1-9]|1[0-2])-|_(0[1-9]|1[0-2])_|\.(0[1-9]|1[0-2])\.|(0[1-9]|1[0-2]))(0[1-9]|[12]\d|3[01])(?:\D|$)`)
	fileNameYearRe = regexp.MustCompile(`(?:^|\D)((?:19|20)\d\d)(?:\D|$)`)
	fourDigitsRe   = regexp.MustCompile(`\d{4,}`)
)

// fileNameDate reads the date, or the year alone, of a file's name.
func fileNameDate(source string) date {
	base := filepath.Base(source)
	if m := fileNameDateRe.FindStringSubmatch(base); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2] + m[3] + m[4] + m[5]) // one of the separators' groups
		d, _ := strconv.Atoi(m[6])
		return date{Year: y, Month: mo, Day: d}
	}
	// A year alone only when it is the name's one run of four digits or
	// more (not report_2019_2020, nor a serial 2000).
	if m := fileNameYearRe.FindStringSubmatch(base); m != nil && len(fourDigitsRe.FindAllString(base, 2)) == 1 {
		y, _ := strconv.Atoi(m[1])
		return date{Year: y}
	}
	return date{}
}

// headerLines returns the non-blank lines before index end (or the first
// headWindow lines), without navigation.
func (st *state) headerLines(end int) []int {
	var out []int
	for i, l := range st.lines {
		if end >= 0 && i >= end {
			break
		}
		if l == "" || isBreadcrumb(l) {
			continue
		}
		out = append(out, i)
		if len(out) >= headWindow*2 {
			break
		}
	}
	return out
}

// isIssuer reports whether l names an issuing body ("苏州市人民政府").
func isIssuer(l string) bool {
	if runeLen(l) < 2 || runeLen(l) > 30 || !allHanOrSpace(l) {
		return false
	}
	_, ok := hasAnySuffix(l, issuerSuffixes)
	return ok
}

func allHanOrSpace(s string) bool {
	for _, r := range s {
		if !isHan(r) && !isSpace(r) {
			return false
		}
	}
	return s != ""
}

// issuerPrefix returns the issuing body at the start of a title
// ("国务院办公厅关于…" → 国务院办公厅). A prefix opening with a verb
// ("落实安徽省人民政府…") is a phrase, not a body.
func (st *state) issuerPrefix(title string) string {
	cand := ""
	if i := strings.Index(title, "关于"); i > 0 && isIssuer(title[:i]) {
		cand = title[:i]
	} else {
		// Also a prefecture's 行政公署 and a zone's 管理委员会, which hold
		// their own executive meetings (盟长办公会议, 主任办公会议).
		// So does a people's congress's standing committee (常州市人大常委会
		// 主任会议纪要).
		for _, suf := range []string{"人民政府办公厅", "人民政府办公室", "人民政府", "行政公署", "行署", "管理委员会", "管委会", "人大常委会", "人民代表大会常务委员会"} {
			if i := strings.Index(title, suf); i > 0 {
				cand = title[:i+len(suf)]
				break
			}
		}
		// "中共金寨县人民政府党组会议纪要": the government's Party group
		// meets on the government's business.
		if rest, ok := strings.CutPrefix(cand, "中共"); ok && strings.HasSuffix(rest, "人民政府") {
			cand = rest
		}
		// A sub-district's office issues its own minutes: 洪家楼街道办事处,
		// also under its district's government (历城区人民政府洪家楼街道办事处).
		if i := strings.Index(title, "街道办事处"); i > len(cand) && strings.HasPrefix(title, cand) {
			if n := runeLen(title[len(cand):i]); n >= 2 && n <= 6 && allHan(title[len(cand):i]) && !strings.Contains(title[:i], "关于") {
				cand = title[:i+len("街道办事处")]
			}
		}
	}
	for _, verb := range []string{"召开", "举行"} {
		// "西乡塘区召开十七届区人民政府第38次常务会议": the place's own
		// government, when the name after the verb is its level's.
		if i := strings.Index(cand, verb); i > 0 {
			place, rest := cand[:i], cand[i+len(verb):]
			level, _ := utf8.DecodeLastRuneInString(place)
			if !strings.HasSuffix(rest, string(level)+"人民政府") || !(st.isPlace(place) || dept.PlausiblePlace(place)) {
				return ""
			}
			cand = place + "人民政府"
		}
	}
	if cand == "" {
		// "秦州区政府召开…": 区政府 is short for 区人民政府.
		if m := shortGovRe.FindStringSubmatch(title); m != nil && st.isPlace(m[1]) {
			cand = m[1] + "人民政府"
			// Taiwan's 高雄市政府 is that government's own name.
			if norm.WritesROCYear(st.text) {
				cand = m[1] + "政府"
			}
		}
	}
	if cand == "" || st.p.seg == nil {
		return cand
	}
	// A body's name opens with a place or an organisation (noun tags). The
	// place is judged alone: a segmenter with the department table as user
	// words reads 清远|市人民政府 and tags 清远 as an adjective.
	head := cand
	for _, suf := range []string{"人民政府办公厅", "人民政府办公室", "人民政府", "政府办公厅", "政府办公室", "政府", "办事处"} {
		if h, ok := strings.CutSuffix(cand, suf); ok && h != "" {
			head = h
			break
		}
	}
	// Words of the project's own dictionaries (segment.UserPOS: units,
	// people) are nouns too.
	if pos := st.p.seg.Pos(head, false); len(pos) > 0 && !strings.HasPrefix(pos[0].Pos, "n") && pos[0].Pos != "j" &&
		pos[0].Pos != segment.UserPOS && !dept.PlausiblePlace(head) {
		return ""
	}
	return cand
}

// setDocNumber records a 文号.
func (st *state) setDocNumber(dn docNumber) {
	st.doc.DocNumber = dn.Text
	st.doc.DocYear = dn.Year
	st.doc.DocSeq = dn.Seq
	st.doc.DocPrefix = dn.Prefix
}

// afterLast returns s after the last occurrence of any of the runes in chars.
func afterLast(s, chars string) string {
	if i := strings.LastIndexAny(s, chars); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		return s[i+size:]
	}
	return s
}

// isPlace reports whether gse reads s as place names only (秦州区, 湖南省).
func (st *state) isPlace(s string) bool {
	if st.p.seg == nil {
		return false
	}
	for _, tok := range st.p.seg.Pos(s, false) {
		if tok.Pos != "ns" && !(runeLen(tok.Text) == 1 && strings.ContainsAny(tok.Text, levelChars)) {
			return false
		}
	}
	return true
}

// shortGovRe is a title opening with "<place>区政府".
var shortGovRe = regexp.MustCompile(`^(\p{Han}{1,7}?[省市区县州旗])政府`)

// weekdayRe is "(星期一)" and similar after a date.
var weekdayRe = regexp.MustCompile(`^[（(]?(?:星期|周)[一二三四五六日天][)）]?`)

// trimTimeWords removes what may follow a date before the chair's name: the
// weekday, the part of day, a clock time. Whole words only, so a name such as
// 上官… keeps its surname.
func trimTimeWords(s string) string {
	for {
		n := len(s)
		s = strings.TrimLeft(s, " \u3000()（）0123456789:：")
		s = weekdayRe.ReplaceAllString(s, "")
		for _, p := range []string{"上午", "下午", "晚上", "中午", "早上", "凌晨"} {
			s = strings.TrimPrefix(s, p)
		}
		if len(s) == n {
			return s
		}
	}
}

// partOfDayAfter reads the part of day written after a date and its weekday
// ("2023/02/01 上午", "1月6日（星期一）下午"), which the date finder leaves.
func partOfDayAfter(rest string) string {
	rest = strings.TrimLeft(rest, " \u3000(（星期一二三四五六日天)）")
	for _, p := range []string{"上午", "下午", "晚上", "中午", "早上", "凌晨"} {
		if strings.HasPrefix(rest, p) {
			return p
		}
	}
	return ""
}
