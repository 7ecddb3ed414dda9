package gen

import (
	"strconv"
	"strings"
	"time"

	"govarchive/internal/document"
)

var newsMeetingTypes = []string{"常务会议", "常务会议", "常务会议", "常务会议", "常务会议", "常务会议", "{L}长办公会议", "专题会议"}

// news writes a report of a meeting: XX主持召开…常务会议, the leaders who
// attended with their titles, and what the meeting reviewed and decided.
func (b *builder) news() {
	places := b.places
	if len(b.places) == len(b.v.places) && b.chance(0.05) {
		places = b.v.provinces
	}
	s := b.newSetting(places)
	d := b.doc
	d.Issuer = s.issuer
	m := &document.Meeting{}
	d.Meeting = m
	typ := s.title(b.pick(newsMeetingTypes))
	m.Name = b.meetingName(s, m, typ)
	m.Date = iso(s.date)
	d.Date = m.Date
	chair := b.person(s, "chair")
	chairTitle := s.title(b.pick(b.v.titles["chair"]))
	m.Chair = &document.Person{Name: chair, Title: chairTitle}
	b.addPerson(chair)

	yearless := b.chance(0.35)
	d.DateInferred = yearless
	pub := s.date.AddDate(0, 0, b.between(0, 3))
	blank := b.chance(0.5)
	style := b.r.IntN(100)

	lead := ""
	switch {
	case style < 45:
		b.para(blank, b.pick([]string{"首页 新闻中心 政务要闻", "当前位置: 首页 > 政府信息公开 > 决策公开 > 政府常务会议", "您当前的位置：首页 > 新闻动态 > 今日" + s.p.Short}))
		d.Title = b.newsTitle(s, m, chair)
		b.para(blank, d.Title)
		b.para(blank, "发布日期:", pub.Add(time.Duration(b.between(8*60, 18*60))*time.Minute).Format("2006-01-02 15:04"), " 信息来源:", s.issuer, "办公室 访问量:", strconv.Itoa(b.between(50, 9999)))
	case style < 75:
		if b.chance(0.4) {
			b.para(blank, "PDF «上一版 下一版»本期共8版(1-2-3-4-5-6-7-8)")
		}
		b.para(blank, s.p.Short, "日报 ", cnDate(pub), " 第", strconv.Itoa(b.between(1, 4)), "版")
		d.Title = b.newsTitle(s, m, chair)
		b.para(blank, d.Title)
		lead = "本报讯 "
	default:
		d.Title = ""
		if yearless || b.chance(0.3) {
			b.para(blank, pub.Format("2006/01/02")) // a dated entry of a list page
		}
	}
	m.PartOfDay = ""
	date := strconv.Itoa(int(s.date.Month())) + "月" + strconv.Itoa(s.date.Day()) + "日"
	if !yearless {
		date = strconv.Itoa(s.date.Year()) + "年" + date
	}
	if b.chance(0.5) {
		m.PartOfDay = b.pick(partsOfDay[:5])
		date += m.PartOfDay
	}
	b.w(lead, date, "，", chairTitle, chair)
	if b.chance(0.3) {
		b.w("同志在", s.gov, b.pick([]string{"常务会议室", "一楼会议室", "二楼会议室"}))
	}
	b.w("主持召开", m.Name, "。")
	b.attendeeProse(s)
	b.para(blank)

	n := b.between(1, 5)
	for i := range n {
		domain := b.pick(b.v.domains)
		t := document.Topic{No: i + 1}
		switch k := b.r.IntN(100); {
		case k < 45:
			title := b.docTitle(s, domain)
			t.Title, t.Documents = "审议通过《"+title+"》", []string{title}
			b.w(b.pick([]string{"会议审议通过了", "会议讨论并原则通过了", "会议审议并原则通过"}), "《", title, "》。")
		case k < 70:
			title := b.docTitle(s, domain)
			dep := b.deptName(s, b.leadDept(s, domain))
			t.Title, t.Documents, t.LeadDepartments = "原则同意《"+title+"》", []string{title}, []string{dep}
			b.addDept(dep)
			b.w("会议原则同意《", title, "》，由", dep, "根据会议讨论意见修改完善后", s.title(b.pick(endings)), "。")
		default:
			dep := b.deptName(s, b.leadDept(s, domain))
			t.Title, t.LeadDepartments = "听取"+dep+"关于"+join(domain, "工作情况的汇报"), []string{dep}
			b.addDept(dep)
			b.w("会议听取了", dep, "关于", join(domain, "工作情况的汇报。"))
		}
		d.Topics = append(d.Topics, t)
		who := b.pick([]string{"会议指出，", "会议强调，", "会议要求，", chair + "强调，", chair + "指出，"})
		b.para(blank, who, b.requirement(s, domain))
	}
	b.para(blank, "会议还研究了其他事项。")
	switch {
	case lead != "":
		r := b.r.IntN(4)
		b.para(blank, "（", b.pick([]string{"本报记者 ", "记者 "}), b.person(s, "reporter", strconv.Itoa(r)), b.pick([]string{"", " " + b.person(s, "reporter", strconv.Itoa(r+1))}), "）")
	case b.chance(0.4):
		b.para(blank, "撰稿人：", b.person(s, "writer"), "　审稿人：", b.person(s, "editor"))
	}
}

func (b *builder) newsTitle(s *setting, m *document.Meeting, chair string) string {
	if rest, ok := strings.CutPrefix(m.Name, s.gov); ok && b.chance(0.5) {
		return s.p.Name + "召开" + rest
	}
	return chair + "主持召开" + m.Name
}

// attendeeProse writes who attended, with titles, in one of the report forms.
func (b *builder) attendeeProse(s *setting) {
	d := b.doc
	add := func(name, title string) {
		b.addPerson(name)
		d.Attendees = append(d.Attendees, document.Attendee{Name: name, Title: title})
	}
	var vices []string
	for i := range b.between(2, 5) {
		vices = append(vices, b.person(s, "vice", strconv.Itoa(i)))
	}
	switch b.r.IntN(3) {
	case 0:
		exec := b.person(s, "exec")
		et := s.title(b.pick(b.v.titles["exec"]))
		vt := s.title(b.pick(b.v.titles["vice"]))
		add(exec, et)
		for _, v := range vices {
			add(v, vt)
		}
		b.w(et, exec, "，", vt, strings.Join(vices, "、"))
		if b.chance(0.5) {
			mt := s.title(b.pick(b.v.titles["member"]))
			mem := b.person(s, "member", "0")
			add(mem, mt)
			b.w("，", mt, mem)
		}
		b.w("出席会议。")
	case 1:
		for _, v := range vices {
			add(v, "")
		}
		b.w(strings.Join(vices, "、"), "等参加会议。")
	default:
		for _, v := range vices {
			add(v, "")
		}
		b.w(s.L, "领导", strings.Join(vices, "、"), "出席会议")
		if b.chance(0.6) {
			b.w("，")
			for i, role := range b.v.titles["guest"][:2] {
				if i > 0 {
					b.w("、")
				}
				g := b.person(s, "guest", strconv.Itoa(i))
				t := s.title(role)
				b.addPerson(g)
				d.Observers = append(d.Observers, document.Person{Name: g, Title: t})
				b.w(t, g)
			}
			b.w("列席会议")
		}
		b.w("。")
	}
}
