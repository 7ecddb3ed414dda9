package gen

import (
	"strconv"
	"strings"
	"time"

	"govarchive/internal/document"
)

// topicPlan is an agenda item before it is written.
type topicPlan struct {
	kind   int    // topicReview …
	head   string // the item as the summary and its heading state it
	domain string
	docs   []string // titles reviewed, without 《》
	lead   dept
}

const (
	topicReview = iota
	topicHear
	topicConvey
	topicStudy
)

func (b *builder) planTopics(s *setting, n int) []topicPlan {
	ts := make([]topicPlan, n)
	for i := range ts {
		t := &ts[i]
		t.domain = b.pick(b.v.domains)
		t.lead = b.leadDept(s, t.domain)
		switch k := b.r.IntN(100); {
		case k < 62:
			t.kind = topicReview
			t.docs = append(t.docs, b.docTitle(s, t.domain))
			if b.chance(0.2) {
				t.docs = append(t.docs, b.docTitle(s, b.pick(b.v.domains)))
			}
		case k < 82:
			t.kind = topicHear
		case k < 90:
			t.kind = topicConvey
		default:
			t.kind = topicStudy
		}
		t.head = b.heading(s, t)
	}
	return ts
}

// heading is the agenda item as the summary and the numbered heading state it.
func (b *builder) heading(s *setting, t *topicPlan) string {
	switch t.kind {
	case topicReview:
		var sb strings.Builder
		sb.WriteString("审议")
		for _, d := range t.docs {
			sb.WriteString("《" + d + "》")
		}
		return sb.String()
	case topicHear:
		return "听取" + b.pick([]string{"", "", "全" + s.L}) + join(t.domain, b.pick([]string{"工作情况的汇报", "推进情况的汇报", "工作进展情况汇报"}))
	case topicConvey:
		return "传达全" + b.pick([]string{"省", "国", "市"}) + t.domain + "工作电视电话会议精神"
	default:
		return "研究" + t.domain + "有关事项"
	}
}

var meetingTypes = []string{"常务会议", "常务会议", "常务会议", "常务会议", "常务会议", "常务会议", "常务会议", "常务会议",
	"{L}长办公会议", "专题会议", "协调会议", "联席会议", "全体会议", "碰头会"}

func (b *builder) minutes() {
	s := b.newSetting(b.places)
	d := b.doc
	d.Issuer = s.issuer
	m := &document.Meeting{}
	d.Meeting = m
	typ := s.title(b.pick(meetingTypes))
	m.Name = b.meetingName(s, m, typ)
	part := b.pick(partsOfDay)
	m.Date, m.PartOfDay = iso(s.date), part
	d.Date = m.Date
	chair := b.person(s, "chair")
	m.Chair = &document.Person{Name: chair, Title: s.shortTitle()}
	b.addPerson(chair)
	d.IssuedOn = iso(s.date.AddDate(0, 0, b.between(3, 20)))

	// 文号: every minutes document carries one, in the header or a field.
	style := b.r.IntN(100)
	web := style >= 35 && style < 65 // the page shows 常务会议纪要〔2023〕4号 without the prefix
	prefix := ""
	if !web && b.chance(0.3) {
		prefix = s.p.Abbr + b.pick([]string{"府纪", "政纪", "政常纪", "府常纪"})
	}
	year := s.date.Year()
	if s.date.Month() == 12 && d.IssuedOn[:4] != s.date.Format("2006") {
		year++
	}
	num := b.docNumber(prefix, year, s.docSeq)

	nTopics := 1
	if b.chance(0.8) {
		nTopics = b.between(2, 7)
	}
	topics := b.planTopics(s, nTopics)
	attendees, observers := b.attendance(s, chair)
	blank := b.chance(0.6)

	switch {
	case style < 35: // red header
		h := b.pick([]string{"", "# "})
		d.Title = s.issuer + typ + "纪要"
		b.para(blank, h, s.issuer)
		b.para(blank, h, typ, "纪要")
		b.para(blank, num)
		if b.chance(0.5) {
			b.para(blank, "---")
		}
	case style < 65: // web page
		d.Title = m.Name + "纪要"
		if n := "第" + strconv.Itoa(m.Session) + "次"; strings.Contains(d.Title, n) && b.chance(0.3) {
			// Chinese numerals in the title, digits in the body, for one meeting.
			d.Title = strings.Replace(d.Title, n, "第"+cnNum(m.Session)+"次", 1)
		}
		b.para(blank, "当前位置: 首页 > 政务公开 > 政府信息公开专栏 > 会议纪要")
		b.para(blank, d.Title)
		b.para(blank, strings.TrimSuffix(typ, "会议")+"会议纪要", num)
		pub := s.date.AddDate(0, 0, b.between(5, 30))
		b.para(blank, "时间: ", pub.Add(time.Duration(b.between(8*60, 18*60))*time.Minute).Format("2006-01-02 15:04"), " 来源: ", s.issuer, "办公室 访问量:")
	case style < 85: // no header: the 文号 line and straight into the text
		b.para(blank, num)
	default: // labelled fields, attendance first
		b.labelled(s, m, typ, part, num, attendees, observers, topics)
	}

	if style < 85 {
		if b.chance(0.1) { // 2023年11月20日(星期一)上午9:30
			hm := b.clock(part)
			m.Time = clock24(hm, part)
			b.w(cnDate(s.date), "(星期", weekdays[s.date.Weekday()], ")", part, hm)
		} else {
			b.w(cnDate(s.date), part)
		}
		if b.chance(0.25) {
			b.w("，", s.title(b.pick(b.v.titles["chair"])), chair)
		} else {
			b.w("，", chair, s.shortTitle())
		}
		if b.chance(0.3) {
			b.w("在", s.L, "政府", b.pick([]string{"常务会议室", "第一会议室", "二楼会议室", "1号会议室"}))
		}
		b.w("主持召开", m.Name, "，")
		for i := range topics {
			if i > 0 {
				b.w(b.pick([]string{"，", "；", "，"}))
			}
			b.w(topics[i].head)
		}
		b.para(blank, "。")
		b.para(blank, b.pick([]string{"会议议定以下意见：", "会议议定以下意见", "现纪要如下：", "纪要如下:", "会议研究了以下事项："}))
	}
	b.topics(s, topics, blank)
	b.para(blank, "会议还研究了其他事项。")
	if style < 85 {
		b.attendanceBlock(s, attendees, observers, blank)
	}
	b.closing(s, blank)
}

// attendance draws the 出席 (leaders) and 列席 (departments with their
// heads) lists from the government's roster.
func (b *builder) attendance(s *setting, chair string) (att []string, obs []document.Person) {
	var masks []document.Person
	att = append(att, chair)
	att = append(att, b.person(s, "exec"))
	for i := range b.between(3, 7) {
		att = append(att, b.person(s, "vice", strconv.Itoa(i)))
	}
	for i := range b.between(0, 3) {
		att = append(att, b.person(s, "member", strconv.Itoa(i)))
	}
	for _, a := range att {
		b.addPerson(a)
		b.doc.Attendees = append(b.doc.Attendees, document.Attendee{Name: a})
	}
	// Deputy secretaries-general come first, without a unit.
	for i := range b.between(0, 8) {
		obs = append(obs, document.Person{Name: b.person(s, "deputy-sec", strconv.Itoa(i))})
	}
	ds := b.localDepts(s)
	units := b.v.units
	if s.L == "省" {
		units = b.v.provUnits
	}
	ds = append(append([]dept(nil), ds...), units...)
	n := b.between(12, min(55, len(ds)))
	for _, i := range b.r.Perm(len(ds))[:n] {
		obs = append(obs, document.Person{Name: b.person(s, "head", ds[i].Full), Department: b.deptName(s, ds[i])})
	}
	if s.p.City == nil && s.L != "省" {
		if b.chance(0.5) {
			for _, u := range []string{s.p.Short + "海关", "人行" + s.p.Short + "中支", s.p.Short + "金融监管分局"} {
				if b.chance(0.5) {
					obs = append(obs, document.Person{Name: b.person(s, "head", u), Department: u})
				}
			}
		}
		for _, c := range s.p.Counties {
			if b.chance(0.7) {
				obs = append(obs, document.Person{Name: b.person(s, "county-head", c.Name), Department: c.Name})
			}
		}
	}
	if b.chance(0.02) {
		// Model texts on 范文 sites mask names (李xx, 某某): the units stay,
		// the people are not people.
		mask := b.pick([]string{"xx", "xxx", "某某", "某"})
		for i := range obs {
			if obs[i].Department != "" {
				obs[i].Name = string([]rune(obs[i].Name)[:1]) + mask
			}
		}
	}
	seen := map[string]bool{}
	out := obs[:0]
	for _, o := range obs {
		if masked(o.Name) {
			b.addDept(o.Department)
			masks = append(masks, o)
			continue
		}
		if seen[o.Name] || b.people[o.Name] && o.Department == "" {
			continue // a hash collision with a leader: keep lists unambiguous
		}
		seen[o.Name] = true
		out = append(out, o)
		b.addPerson(o.Name)
		b.addDept(o.Department)
	}
	b.doc.Observers = append(b.doc.Observers, out...)
	return att, append(out, masks...)
}

func masked(name string) bool { return strings.Contains(name, "xx") || strings.Contains(name, "某") }

// attendanceBlock writes 出席/列席 at the end of the minutes, the observers
// as "unit+name" runs wrapped at a width that cuts units and names.
func (b *builder) attendanceBlock(s *setting, att []string, obs []document.Person, blank bool) {
	bold := b.chance(0.3)
	label := func(l string) string {
		if bold {
			return "**" + l + "：**"
		}
		return l + b.pick([]string{"：", "：", ":"})
	}
	b.wrapRun(label("出席"), strings.Join(att, " "), blank)

	var names, units []string
	for _, o := range obs {
		if o.Department == "" {
			names = append(names, o.Name)
		} else {
			units = append(units, o.Department+o.Name)
		}
	}
	sep := b.pick([]string{" ", " ", " ", "", "、", "，"})
	run := strings.Join(units, sep)
	if len(names) > 0 {
		run = strings.Join(names, " ") + "\n\n" + run
	}
	b.wrapRun(label(b.pick([]string{"列席", "列席", "列席人员"})), run, blank)
	if b.chance(0.7) {
		rec := b.person(s, "recorder", strconv.Itoa(s.date.Year()))
		b.doc.Recorder = rec
		b.addPerson(rec)
		b.para(blank, "记录：", rec)
	}
}

// wrapRun writes label+text broken every few characters, as text copied
// from a PDF or a narrow column is.
func (b *builder) wrapRun(label, text string, blank bool) {
	width := b.between(14, 40)
	trail := b.pick([]string{"", "", "  "})
	b.w(label)
	col := len([]rune(label))
	for _, r := range text {
		if r == '\n' {
			b.buf = append(b.buf, '\n')
			col = 0
			continue
		}
		if col >= width {
			b.w(trail, "\n")
			if b.chance(0.04) {
				b.w("\n")
			}
			col = 0
		}
		b.buf = append(b.buf, string(r)...)
		col++
	}
	b.para(blank, trail)
}

// labelled writes the 会议时间:/会议地点:/主持人: header with each value on
// the next line, the way some district sites publish minutes.
func (b *builder) labelled(s *setting, m *document.Meeting, typ, part, num string, att []string, obs []document.Person, topics []topicPlan) {
	b.doc.Title = m.Name + "纪要"
	b.line(b.pick([]string{"图文回放:", ""}), s.p.Name, "政府召开", strings.TrimPrefix(m.Name, s.gov))
	b.line("字号:")
	b.line("大 中 小")
	b.line()
	b.line("文　号:")
	b.line(num)
	b.line("会议时间:")
	hm := b.clock(part)
	m.Time = clock24(hm, part)
	b.line(cnDate(s.date), "(星期", weekdays[s.date.Weekday()], ")", part, hm)
	b.line("会议地点:")
	m.Place = s.L + "长会议室"
	b.line(m.Place)
	b.line("会议主持人:")
	b.line(s.title(b.pick(b.v.titles["chair"])), m.Chair.Name)
	b.line("出席人员:")
	b.line(strings.Join(att, "、"))
	b.line("列席情况:")
	var parts []string
	for _, o := range obs {
		parts = append(parts, o.Department+o.Name)
	}
	b.line(strings.Join(parts, "、"))
	b.line("会议议题:")
	for i := range topics {
		b.line(topics[i].head)
	}
	b.line("会议过程:")
}

var subNumbers = []func(int) string{
	func(i int) string { return "（" + cnNum(i) + "）" },
	func(i int) string { return "(" + cnNum(i) + ") " },
	func(i int) string { return strconv.Itoa(i) + "." },
	func(i int) string { return strconv.Itoa(i) + "、" },
	func(i int) string { return "(" + strconv.Itoa(i) + ")" },
}

var endings = []string{"发文实施", "以{L}政府名义印发实施", "按照法定程序提请{L}人大常委会审议", "提请{L}委常委会审议",
	"按程序报批后实施", "履行发文程序", "按程序组织实施"}

// topics writes the numbered items with their decisions and records them
// in the truth.
func (b *builder) topics(s *setting, ts []topicPlan, blank bool) {
	headStyle := b.r.IntN(4)
	sub := subNumbers[b.r.IntN(len(subNumbers))]
	if headStyle == 3 { // 1. headings take （一） or (1) items, never digits again
		sub = subNumbers[[]int{0, 4}[b.r.IntN(2)]]
	}
	for i := range ts {
		t := &ts[i]
		no := i + 1
		head := t.head
		topic := document.Topic{No: no, Title: head, Documents: append([]string(nil), t.docs...)}
		switch headStyle {
		case 0, 1:
			b.para(blank, cnNum(no), "、", head)
		case 2:
			if no == 1 {
				b.para(blank, cnNum(no), "、", head)
			} else {
				open, close := "## ", ""
				if b.chance(0.5) {
					open, close = "#### **", "**"
				}
				b.para(blank, open, cnNum(no), "、", head, close)
			}
		default:
			b.para(blank, strconv.Itoa(no), ". ", head)
		}
		lead := b.deptName(s, t.lead)
		var decision string
		switch t.kind {
		case topicReview:
			decision, topic.LeadDepartments = b.decision(s, t, lead)
		case topicHear:
			decision = "原则同意" + lead + "关于" + join(t.domain, "工作情况的汇报。")
			topic.LeadDepartments = []string{lead}
			b.addDept(lead)
		}
		k := 1
		if decision != "" {
			b.para(blank, sub(k), decision)
			k++
		}
		for range b.between(1, 4) {
			b.para(blank, sub(k), b.requirement(s, t.domain))
			k++
		}
		b.doc.Topics = append(b.doc.Topics, topic)
	}
}

// decision writes 原则同意《X》，由A会同B…后… and returns the departments it names.
func (b *builder) decision(s *setting, t *topicPlan, lead string) (string, []string) {
	var sb strings.Builder
	for j, d := range t.docs {
		if j > 0 {
			sb.WriteString("原则同意《" + d + "》。")
		} else {
			sb.WriteString("原则同意《" + d + "》" + b.pick([]string{"。", "，"}))
		}
	}
	depts := []string{lead}
	ending := s.title(b.pick(endings))
	switch k := b.r.IntN(100); {
	case k < 40:
		co := b.deptName(s, b.randDept(s))
		if co != lead {
			depts = append(depts, co)
		}
		sb.WriteString("由" + strings.Join(depts, "会同") + "根据本次会议讨论意见作进一步修改完善后" + ending + "。")
	case k < 55:
		co := b.deptName(s, b.randDept(s))
		if co != lead {
			depts = append(depts, co)
		}
		sb.WriteString("请" + strings.Join(depts, "会") + "根据本次会议讨论意见修改完善后，" + ending + "。")
	case k < 75:
		sb.WriteString("由" + lead + "根据会议讨论意见修改完善后" + ending + "。")
	case k < 85:
		sb.WriteString("责成" + lead + "根据会议讨论意见修改完善后，" + ending + "。")
	default:
		who := b.person(s, "vice", strconv.Itoa(b.r.IntN(3)))
		b.addPerson(who)
		sb.WriteString("由" + who + "牵头，" + lead + "具体负责，" + ending + "。")
	}
	for _, d := range depts {
		b.addDept(d)
	}
	return sb.String(), depts
}

// closing writes the compiler, dates, publication note and distribution.
func (b *builder) closing(s *setting, blank bool) {
	d := b.doc
	if b.chance(0.6) {
		d.CompiledBy = s.issuer + "办公室"
		b.para(blank, d.CompiledBy, "整理")
		issued, _ := time.Parse("2006-01-02", d.IssuedOn)
		switch k := b.r.IntN(100); {
		case k < 78:
			b.para(blank, cnDate(issued))
		case k < 97:
			b.para(blank, b.cnNumeralDate(issued))
		default:
			// A template placeholder: not a date, so the truth has none.
			d.IssuedOn = ""
			b.para(blank, b.pick([]string{"20xx年xx月xx日", "xx年xx月xx日", "  年  月  日",
				// damaged in transcription: a character dropped
				strconv.Itoa(issued.Year()) + "年" + strconv.Itoa(int(issued.Month())) + "月日",
				strconv.Itoa(issued.Year())[:3] + "年" + strconv.Itoa(int(issued.Month())) + "月" + strconv.Itoa(issued.Day()) + "日"}))
		}
	} else {
		d.IssuedOn = ""
	}
	if b.chance(0.5) {
		d.Published = true
		b.para(blank, "（此件公开发布）")
	}
	if b.chance(0.5) {
		lower := "各" + b.pick([]string{"县（市、区）", "县、区"}) + "人民政府"
		if s.p.City != nil {
			lower = b.pick([]string{"各乡镇人民政府、街道办事处", "各镇人民政府、街道办事处", "各乡镇人民政府"})
		}
		d.Distribution = []string{lower, s.L + "各有关部门和单位"}
		b.para(blank, "分送：", strings.Join(d.Distribution, "；"), "。")
	}
}
