package extract

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"govarchive/internal/document"
	"govarchive/internal/norm"
)

// Verbs after which prose lists people at a meeting.
var (
	attendVerbs  = []string{"出席会议", "参加会议", "出席", "参加"}
	observeVerbs = []string{"列席会议", "列席"}
)

// channelTagRe is a bracketed tag opening a headline (【头条】, 【时政新闻】,
// a forum's [转帖]).
var channelTagRe = regexp.MustCompile(`^(?:【[^】]{1,8}】|\[[^\]]{1,8}\]|［[^］]{1,8}］)[ 　]*`)

// parseNews fills a news report of a meeting.
func (st *state) parseNews() {
	d := st.doc
	intro := st.findIntro()
	head := st.headerLines(intro)
	for _, i := range head {
		l := st.lines[i]
		if isTitleLine(l) && runeLen(l) >= 6 && labelRe.FindStringSubmatch(l) == nil && strings.Contains(l, "会") {
			// "【头条】…": a channel tag before the headline.
			d.Title = strings.TrimSpace(channelTagRe.ReplaceAllString(l, ""))
			break
		}
	}
	if d.Title == "" && intro >= 0 && isTitleLine(st.lines[intro]) {
		d.Title = st.lines[intro]
	}
	m := &document.Meeting{}
	if intro >= 0 {
		if im, when, ok := st.meetingFrom(st.introText(intro)); ok {
			m = im
			st.setMeetingDate(m, when)
		}
		m = st.numberedSecondMeeting(m, d.Title, st.introText(intro))
		if m.Date == "" {
			st.relativeMeetingDate(m, st.introText(intro))
		}
		// A title line ("…主持召开…会议") with the date on the next line.
		if m.Date == "" && isTitleLine(st.lines[intro]) {
			for j := intro + 1; j < len(st.lines) && j < intro+6; j++ {
				if ds := findDates(st.lines[j]); len(ds) > 0 && strings.Contains(st.lines[j], "召开") {
					nm, when, _ := st.meetingFrom(st.lines[j])
					m = mergeMeeting(m, nm)
					st.setMeetingDate(m, when)
					break
				}
			}
		}
	}
	if m.Name == "" && d.Title != "" {
		if mm := meetingAfterRe.FindStringSubmatch(d.Title); mm != nil {
			st.setMeetingName(m, mm[1])
		} else if mm := meetingBeforeRe.FindStringSubmatch(d.Title); mm != nil {
			st.setMeetingName(m, mm[1])
		}
	}
	if m.Chair == nil && d.Title != "" {
		// "陈建华主持召开市政府常务会议": the headline names the chair.
		if tm, _, ok := st.meetingFrom(d.Title); ok && tm.Chair != nil {
			m.Chair = tm.Chair
		}
	}
	if m.Name != "" || m.Date != "" || m.Chair != nil {
		d.Meeting = m
	}
	// A report's 发布时间:/时间: line dates the page, not the meeting.
	if pub, ok := st.statedPublication(); ok {
		d.PublishedOn = pub.iso()
	}
	d.Issuer = st.issuerPrefix(d.Title)
	if d.Issuer == "" {
		// The office that posted the report serves the government that met.
		if src := st.labelledFields()["source"]; isIssuer(src) {
			d.Issuer = issuerOfOffice(src)
		}
	}
	if d.Issuer == "" && m.Chair != nil {
		d.Issuer = headlineGovernment(d.Title, m.Chair.Title)
	}
	if d.Title == "" && m.Name != "" {
		d.Title = m.Name
	}
	if d.Issuer == "" || relativeIssuer(d.Issuer) {
		if is := st.inferIssuer(); is != "" {
			d.Issuer = is
		}
	}
	// "来源：市政府办" with no place known: every city's, so no issuer.
	if relativeIssuer(d.Issuer) {
		d.Issuer = ""
	}
	for _, p := range st.prosePeople(attendVerbs) {
		if m.Chair != nil && p.Name == m.Chair.Name {
			continue
		}
		d.Attendees = append(d.Attendees, document.Attendee(p))
	}
	for _, p := range st.verbFirstPeople(false) {
		d.Attendees = append(d.Attendees, document.Attendee(p))
	}
	d.Observers = append(d.Observers, st.prosePeople(observeVerbs)...)
	d.Observers = append(d.Observers, st.verbFirstPeople(true)...)
	st.addAbsent(st.proseAbsent()...)
	start := intro
	if start < 0 {
		start = 0
	}
	d.Topics = st.topicsFrom(start, true)
	if intro >= 0 {
		// The intro says what was reviewed ("审议《…》") where no item does.
		if docs := docTitles(st.lines[intro]); len(docs) > 0 && !topicsCite(d.Topics, docs) {
			title := ""
			for _, c := range splitAny(st.lines[intro], "，。；") {
				if strings.Contains(c, "《") {
					title = subjectTitle(c)
					break
				}
			}
			t := document.Topic{No: 1, Title: title, Text: st.lines[intro]}
			st.fillTopic(&t)
			d.Topics = append([]document.Topic{t}, d.Topics...)
			for i := range d.Topics {
				d.Topics[i].No = i + 1
			}
		}
	}
}

// topicsCite reports whether any topic cites one of docs.
func topicsCite(topics []document.Topic, docs []string) bool {
	for _, t := range topics {
		for _, d := range docs {
			if slices.Contains(t.Documents, d) {
				return true
			}
		}
	}
	return false
}

// parseOther keeps what any document gives: a title, a 文号, dates.
func (st *state) parseOther() {
	d := st.doc
	for _, i := range st.headerLines(-1) {
		l := st.lines[i]
		if labelRe.FindStringSubmatch(l) == nil && runeLen(l) >= 4 && runeLen(l) <= 60 && !strings.Contains(l, "。") {
			d.Title = l
			break
		}
	}
	for _, i := range st.headerLines(-1) {
		if dn, ok := findDocNumber(st.lines[i]); ok {
			st.setDocNumber(dn)
			break
		}
	}
	d.Issuer = st.issuerPrefix(d.Title)
	if d.Issuer == "" {
		// The office that posted the report serves the government that met.
		if src := st.labelledFields()["source"]; isIssuer(src) {
			d.Issuer = issuerOfOffice(src)
		}
	}
	f := st.labelledFields()
	if v := f["published_on"]; v != "" {
		if ds := findDates(v); len(ds) > 0 {
			d.PublishedOn = ds[0].iso()
		}
	}
}

// headlinePlaceRe is a headline opening with "<place>召开" (林川县召开防汛工作专题会).
var headlinePlaceRe = regexp.MustCompile(`^(\p{Han}{1,7}?[市区县州旗])召开`)

// headlineGovernment returns the government of the place a headline opens
// with, when the meeting's chair leads that government (县长, 常务副县长):
// the county's meeting is then its government's. A Party secretary's
// meeting is left without an issuer.
func headlineGovernment(title, chairTitle string) string {
	m := headlinePlaceRe.FindStringSubmatch(title)
	if m == nil {
		return ""
	}
	level := string([]rune(m[1])[runeLen(m[1])-1:])
	if !strings.Contains(chairTitle, level+"长") || !placeShape(m[1], level) {
		return ""
	}
	// 高新区召开…: a zone's committee governs it, not a 人民政府.
	if _, zone := hasAnySuffix(strings.TrimSuffix(m[1], level), zoneStems); zone {
		return ""
	}
	return m[1] + "人民政府"
}

// relativeDays are the words a daily's report dates its meeting by, with
// their distance in days from the day it is published.
var relativeDays = []struct {
	word string
	days int
}{{"昨日", -1}, {"昨天", -1}, {"今日", 0}, {"今天", 0}, {"前日", -2}, {"前天", -2}}

// relativeMeetingDate dates the meeting of "（记者 林桂）昨日，市长…主持召开…"
// from the page's stated publication date.
func (st *state) relativeMeetingDate(m *document.Meeting, intro string) {
	host := hostRe.FindStringIndex(intro)
	if host == nil {
		return
	}
	before := intro[:host[0]]
	// "省长吕祖善今天主持召开…": the word may also stand between the one
	// who chairs and 主持.
	atHost := trimTrailingTimeOfDay(before)
	for _, rd := range relativeDays {
		i := strings.Index(before, rd.word)
		if i < 0 || !norm.SentenceOpen(before[:i]) && !strings.HasSuffix(atHost, rd.word) {
			continue
		}
		ref, ok := st.datelineDay(intro)
		if !ok {
			if ref, ok = st.publication(); !ok {
				return
			}
		}
		t := time.Date(ref.Year, time.Month(ref.Month), ref.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rd.days)
		m.Date = t.Format(time.DateOnly)
		st.doc.Date = m.Date
		st.doc.DateInferred = true
		return
	}
}

// datelineDay is the day of a report's dateline ("本报杭州4月21日讯"), the
// day its 今天 and 昨天 count from, in the year of the page's publication
// (the year before when the day would come after it).
func (st *state) datelineDay(intro string) (date, bool) {
	loc := datelineRe.FindStringIndex(intro)
	if loc == nil {
		return date{}, false
	}
	ds := findDatesOrDays(intro[:loc[1]])
	pub, ok := st.publication()
	if len(ds) == 0 || !ok || ds[0].Month == 0 {
		return date{}, false
	}
	d := ds[0]
	if d.Year == 0 {
		d.Year = pub.Year
		if d.Month > pub.Month || d.Month == pub.Month && d.Day > pub.Day {
			d.Year--
		}
	}
	return d, true
}

// trimTrailingTimeOfDay drops a part of the day that ends s (今天上午 → 今天).
func trimTrailingTimeOfDay(s string) string {
	for _, p := range []string{"上午", "下午", "晚上", "中午", "早上", "凌晨"} {
		s = strings.TrimSuffix(s, p)
	}
	return s
}

// numberedSecondMeeting files a release of two meetings held one after the
// other (主持召开省政府党组会议…。随后，主持召开省政府第112次常务会议) under
// the one its headline numbers: the first read was the unnumbered one. The
// second keeps the first's date and chair where it does not say them.
func (st *state) numberedSecondMeeting(m *document.Meeting, title, intro string) *document.Meeting {
	no, ok := findMeetingNo(title)
	if !ok || no.Session == 0 || m.Session != 0 {
		return m
	}
	first := strings.Index(intro, "召开")
	k := strings.LastIndex(intro, "召开")
	if first < 0 || k == first {
		return m
	}
	from := strings.LastIndexAny(intro[:k], "。；") + 1
	nm, _, ok := st.meetingFrom(intro[from:])
	if !ok || nm.Session != no.Session || nm.Type == m.Type {
		return m
	}
	if nm.Date == "" {
		nm.Date, nm.PartOfDay = m.Date, m.PartOfDay
	}
	if nm.Chair == nil || m.Chair != nil && m.Chair.Name == nm.Chair.Name && nm.Chair.Title == "" {
		nm.Chair = m.Chair
	}
	if nm.Place == "" {
		nm.Place = m.Place
	}
	return nm
}
