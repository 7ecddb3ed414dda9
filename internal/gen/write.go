package gen

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"govarchive/internal/document"
	"govarchive/internal/norm"
)

// Writing helpers shared by the three kinds.

func (b *builder) w(parts ...string) {
	for _, p := range parts {
		b.buf = append(b.buf, p...)
	}
}

// line writes parts and a newline; blank lines between paragraphs are the
// caller's choice, as they vary between sources.
func (b *builder) line(parts ...string) {
	b.w(parts...)
	b.buf = append(b.buf, '\n')
}

// para writes a paragraph followed by a blank line or not, the way web
// pages and word-processor exports differ.
func (b *builder) para(blank bool, parts ...string) {
	b.line(parts...)
	if blank {
		b.buf = append(b.buf, '\n')
	}
}

func (b *builder) chance(p float64) bool { return b.r.Float64() < p }

func (b *builder) pick(list []string) string { return list[b.r.IntN(len(list))] }

// between returns an int in [lo, hi].
func (b *builder) between(lo, hi int) int { return lo + b.r.IntN(hi-lo+1) }

func (b *builder) addDept(name string) {
	if name != "" && !b.depts[name] {
		b.depts[name] = true
		b.doc.Departments = append(b.doc.Departments, name)
	}
}

func (b *builder) addPerson(name string) {
	if name != "" && !b.people[name] {
		b.people[name] = true
		b.doc.People = append(b.doc.People, name)
	}
}

// setting is the government and moment a document is written for.
type setting struct {
	p      *place
	L      string // level character for relative names
	gov    string // 市政府
	issuer string // 苏州市人民政府
	date   time.Time
	term   int             // 届
	termIx int             // index of the term since 2000, for rosters
	sess   int             // 常务会议 number within the term
	docSeq int             // 文号 number within the year
	depts  []dept          // the departments this government has
	chosen map[string]dept // group → the member this government has
}

var (
	firstDay = time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
)

// newSetting draws a place and a date and derives the meeting numbering
// from them, so meetings of one government are numbered consistently.
func (b *builder) newSetting(places []*place) *setting {
	p := places[b.r.IntN(len(places))]
	days := int(lastDay.Sub(firstDay).Hours() / 24)
	d := firstDay.AddDate(0, 0, b.r.IntN(days+1))
	for d.Weekday() == time.Sunday { // governments rarely meet on Sundays
		d = d.AddDate(0, 0, 1)
	}
	s := &setting{p: p, L: p.Level, gov: p.Level + "政府", issuer: p.Name + "人民政府", date: d}
	h := hash64(b.seed, "term", p.Name)
	off := int(h % 5)
	base := 10 + int(h>>8%7)
	k := (d.Year() - 2000 - off) / 5
	start := 2000 + off + 5*k
	s.term = base + k
	s.termIx = k
	months := (d.Year()-start)*12 + int(d.Month()) - 1
	rate := 1.2 + float64(h>>16%9)/10 // 1.2–2.0 meetings a month
	s.sess = 1 + int(float64(months)*rate) + b.r.IntN(2)
	s.docSeq = 1 + int(float64(d.Month()-1)*rate) + b.r.IntN(2)
	s.chosen = map[string]dept{}
	all := b.v.local
	if s.L == "省" {
		all = b.v.province
	}
	s.depts = make([]dept, 0, len(all))
	for _, dp := range all {
		if dp.Group != "" {
			if int(hash64(b.seed, "group", p.Name, dp.Group)%uint64(b.v.groupSize[dp.Group])) != dp.GroupIx {
				continue
			}
			s.chosen[dp.Group] = dp
		}
		s.depts = append(s.depts, dp)
	}
	return s
}

// person returns the holder of a role in the setting's government for its
// term: the same mayor chairs every meeting of the term.
func (b *builder) person(s *setting, role ...string) string {
	key := append([]string{s.p.Name, strconv.Itoa(s.termIx)}, role...)
	return b.v.personName(hash64(b.seed, key...))
}

// title fills a title template for the setting's level.
func (s *setting) title(t string) string { return strings.ReplaceAll(t, "{L}", s.L) }

// shortTitle is the bare office: 市长, 县长.
func (s *setting) shortTitle() string { return s.L + "长" }

// localDepts lists the departments the setting's government has.
func (b *builder) localDepts(s *setting) []dept { return s.depts }

// deptName writes a department relative to the setting (市应急局). A
// document keeps the form it first used for a department, and most
// documents prefer the short forms.
func (b *builder) deptName(s *setting, d dept) string {
	if f, ok := b.forms[d.Full]; ok {
		return f
	}
	f := s.L + d.Abbr
	if b.chance(b.fullShare) {
		f = s.L + d.Full
	}
	b.forms[d.Full] = f
	return f
}

// leadDept is the department that usually handles a domain: the one the
// domain table names, else one derived from a hash, so that the same domain
// is led by the same department everywhere.
func (b *builder) leadDept(s *setting, domain string) dept {
	if lead, ok := b.v.domainLead[domain]; ok && s.L != "省" {
		d := b.v.deptByFull[lead]
		if c, ok := s.chosen[d.Group]; ok {
			d = c // this government has the other member of the group
		}
		return d
	}
	ds := b.localDepts(s)
	return ds[hash64(b.seed, "lead", domain)%uint64(len(ds))]
}

func (b *builder) randDept(s *setting) dept {
	ds := b.localDepts(s)
	if s.p.City == nil && s.L != "省" && b.chance(0.1) {
		ds = b.v.cityOnly
	}
	return ds[b.r.IntN(len(ds))]
}

// Dates.

func iso(t time.Time) string { return t.Format("2006-01-02") }

func cnDate(t time.Time) string {
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}

var weekdays = [...]string{"日", "一", "二", "三", "四", "五", "六"}

// cnNumeralDate writes 二〇〇八年五月二十七日, with the zero as 〇, ○ or the
// letter O as found in scanned and retyped documents.
func (b *builder) cnNumeralDate(t time.Time) string {
	zero := b.pick([]string{"〇", "〇", "○", "O"})
	return norm.FormatDigits(t.Year(), zero) + "年" + cnNum(int(t.Month())) + "月" + cnNum(t.Day()) + "日"
}

// cnNum writes 1–999 in Chinese numerals: 十七, 四十二, 一百零四.
func cnNum(n int) string { return norm.FormatNumber(n) }

var partsOfDay = []string{"上午", "上午", "上午", "下午", "下午", "晚上"}

// clock is a plausible meeting time for the part of day.
func (b *builder) clock(part string) string {
	h := map[string]int{"上午": 8, "下午": 14, "晚上": 19}[part] + b.r.IntN(3)
	m := []string{"00", "00", "30", "15", "45"}[b.r.IntN(5)]
	if part != "上午" {
		h -= 12
	}
	return strconv.Itoa(h) + ":" + m
}

// clock24 turns 2:30 下午 into 14:30.
func clock24(hm, part string) string {
	h, m, _ := strings.Cut(hm, ":")
	n, _ := strconv.Atoi(h)
	if part != "上午" && n < 12 {
		n += 12
	}
	if n < 10 {
		return "0" + strconv.Itoa(n) + ":" + m
	}
	return strconv.Itoa(n) + ":" + m
}

// docNumber writes a 文号 in one of the corpus forms and records its
// normalised value in the truth.
func (b *builder) docNumber(prefix string, year, seq int) string {
	d := b.doc
	d.DocPrefix, d.DocYear, d.DocSeq = prefix, year, seq
	d.DocNumber = prefix + "〔" + strconv.Itoa(year) + "〕" + strconv.Itoa(seq) + "号"
	y, n := strconv.Itoa(year), strconv.Itoa(seq)
	switch k := b.r.IntN(100); {
	case k < 70:
		return prefix + "〔" + y + "〕" + n + "号"
	case k < 80:
		return prefix + "[" + y + "]" + n + "号"
	case k < 87:
		return prefix + "(" + y + ")" + n + "号"
	case k < 93:
		return prefix + "〔" + y + "〕" + n + " 号"
	case k < 97:
		return prefix + "（" + y + "）" + n + "号"
	default:
		return prefix + "〔" + y + "〕第" + n + "号"
	}
}

// sentence joins n clauses from the phrase list into one requirement.
func (b *builder) clauses(n int) string {
	var sb strings.Builder
	start, step := b.r.IntN(len(b.v.phrases)), 1+b.r.IntN(7)
	for i := range n {
		if i > 0 {
			sb.WriteString("，")
		}
		// Stepping through the list keeps the clauses of one sentence distinct.
		sb.WriteString(b.v.phrases[(start+i*step)%len(b.v.phrases)])
	}
	return sb.String()
}

var nationalSubjects = []string{"各地区、各部门", "各有关部门", "各地区", "各省级人民政府", "有关部门"}

var subjects = []string{"各地各部门", "各相关部门", "各地各相关部门", "各单位", "各{L}直有关部门", "各乡镇（街道）", "各相关单位"}

// requirement is a paragraph of the 各地各部门要… kind, sometimes naming the
// domain so that topics carry searchable words.
func (b *builder) requirement(s *setting, domain string) string {
	return b.sentence(s, domain, b.chance(0.3))
}

// demand is a requirement without the opening assessment of the domain,
// for places where it follows a clause (由A牵头，B配合，…).
func (b *builder) demand(s *setting, domain string) string { return b.sentence(s, domain, false) }

func (b *builder) sentence(s *setting, domain string, assess bool) string {
	var sb strings.Builder
	if assess {
		sb.WriteString(join(domain, b.pick([]string{
			"工作事关人民群众切身利益，是推动高质量发展的重要内容。",
			"是贯彻落实上级部署要求的具体举措，具有十分重要的意义。",
			"是一项系统工程，涉及面广、政策性强。",
			"工作取得了阶段性成效，但仍存在一些短板和不足。",
		})))
	}
	if b.national {
		sb.WriteString(b.pick(nationalSubjects))
	} else {
		sb.WriteString(s.title(b.pick(subjects)))
	}
	sb.WriteString("要")
	sb.WriteString(b.clauses(b.between(2, 4)))
	if b.chance(0.5) {
		sb.WriteString("；要" + b.clauses(b.between(2, 3)))
	}
	if b.chance(0.4) {
		sb.WriteString("，扎实做好" + join(domain, "工作"))
	}
	sb.WriteString("。")
	return sb.String()
}

// docTitle builds the title of a reviewed document (without 《》).
func (b *builder) docTitle(s *setting, domain string) string {
	switch k := b.r.IntN(100); {
	case k < 45:
		return join(s.p.Name+domain, b.pick(b.v.doctypes))
	case k < 75:
		return "关于" + b.pick(b.v.actions) + join(domain, "工作的") + b.pick([]string{"实施意见", "意见", "通知", "若干措施", "指导意见"})
	case k < 88:
		return s.p.Name + strconv.Itoa(s.date.Year()) + "年" + domain + b.pick([]string{"工作要点", "工作方案", "重点工作任务"})
	default:
		return join(s.p.Name+domain, b.pick([]string{"条例（草案）", "条例修正案（草案）", "管理办法（送审稿）"}))
	}
}

// join appends b to a without repeating words at the seam:
// 政府债务管理 + 管理条例 → 政府债务管理条例; 专项整治 + 专项整治方案 → 专项整治方案.
func join(a, b string) string {
	for n := 4; n > 0; n-- {
		k := 0 // bytes of b's first n runes
		for i := range n {
			_, size := utf8.DecodeRuneInString(b[k:])
			if size == 0 || i >= utf8.RuneCountInString(b) {
				k = -1
				break
			}
			k += size
		}
		if k > 0 && k < len(b) && strings.HasSuffix(a, b[:k]) {
			return a + b[k:]
		}
	}
	return a + b
}

// meetingName writes the meeting reference in one of the corpus's forms and
// records term/year/session in the truth.
func (b *builder) meetingName(s *setting, m *document.Meeting, typ string) string {
	m.Type = typ
	m.Session = s.sess
	n := strconv.Itoa(s.sess)
	switch k := b.r.IntN(100); {
	case k < 40:
		return s.gov + "第" + n + "次" + typ
	case k < 55:
		return s.gov + "第" + cnNum(s.sess) + "次" + typ
	case k < 65:
		m.Term = s.term
		return s.gov + cnNum(s.term) + "届" + cnNum(s.sess) + "次" + typ
	case k < 73:
		m.Term = s.term
		return cnNum(s.term) + "届" + n + "次" + s.gov + typ
	case k < 81:
		m.Year, m.Session = s.date.Year(), s.docSeq
		return s.gov + strconv.Itoa(s.date.Year()) + "年第" + cnNum(s.docSeq) + "次" + typ
	case k < 86:
		return s.gov + "第 " + n + " 次" + typ
	case k < 93:
		m.Term = s.term
		return cnNum(s.term) + "届" + s.gov + "第" + n + "次" + typ
	default:
		m.Term = s.term
		return s.L + cnNum(s.term) + "届政府第" + n + "次" + typ
	}
}

func personRef(name, title, dept string) document.Person {
	return document.Person{Name: name, Title: title, Department: dept}
}
