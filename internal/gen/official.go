package gen

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"govarchive/internal/document"
)

const (
	offNotice = iota // 关于印发…的通知
	offOpinion
	offReply
	offMembers
)

// official writes a 通知/意见/批复 with a 文号, for the State Council (with
// the gov.cn metadata header) or a local government.
func (b *builder) official() {
	d := b.doc
	national := b.chance(0.35)
	b.national = national
	s := b.newSetting(b.places)
	if national && b.chance(0.06) {
		b.decree(s)
		return
	}
	var kind int
	switch k := b.r.IntN(100); {
	case k < 35:
		kind = offNotice
	case k < 60:
		kind = offOpinion
	case k < 80:
		kind = offReply
	default:
		kind = offMembers
	}
	office := kind == offMembers || b.chance(0.4)
	var prefix string
	if national {
		d.Issuer = "国务院"
		prefix = b.pick([]string{"国发", "国函"})
		if office {
			d.Issuer = "国务院办公厅"
			prefix = b.pick([]string{"国办发", "国办函", "国办发", "国办发明电"})
		}
	} else {
		d.Issuer = s.issuer
		prefix = s.p.Abbr + b.pick([]string{"政发", "政函", "政字", "府"})
		if office {
			d.Issuer = s.issuer + "办公室"
			prefix = s.p.Abbr + b.pick([]string{"政办发", "府办", "政办函", "府办规"})
		}
	}
	written := s.date
	published := written.AddDate(0, 0, b.between(1, 25))
	if national && b.chance(0.15) {
		published = written.AddDate(b.between(1, 15), 0, 0) // old documents put online later
		if published.After(lastDay) {
			published = lastDay
		}
	}
	d.WrittenOn, d.PublishedOn, d.Date = iso(written), iso(published), iso(written)
	seq := s.docSeq*b.between(1, 4) + b.r.IntN(5)
	num := b.docNumber(prefix, written.Year(), seq)

	domain := b.pick(b.v.domains)
	area := s.p.Name
	if national {
		area = ""
	}
	var attached string
	switch kind {
	case offNotice:
		attached = area + domain + b.pick(b.v.doctypes)
		d.Title = d.Issuer + "关于印发" + attached + "的通知"
	case offOpinion:
		d.Title = d.Issuer + "关于" + b.pick(b.v.actions) + domain + "的" + b.pick([]string{"意见", "实施意见", "指导意见"})
	case offReply:
		d.Title = d.Issuer + "关于" + b.pick([]string{"同意", "", "调整"}) + area + domain + b.pick([]string{"有关事项", "实施方案", "项目"}) + "的批复"
	default:
		d.Title = d.Issuer + "关于调整" + area + domain + "工作领导小组组成人员的通知"
	}

	approver := s.gov // who approved: the government itself, or the State Council
	if national {
		approver = "国务院"
	}
	blank := b.chance(0.6)
	switch style := b.r.IntN(100); {
	case national && style < 75 || !national && style < 20:
		b.govHeader(national, s, num, written, published)
		b.wrapTitle(d.Title, blank)
		b.para(blank, num)
	case !national && style < 45:
		b.bulletHeader(s, num, written, published, blank)
		b.para(blank, d.Title)
	case style < 80:
		b.para(blank, num)
		b.para(blank, d.Title)
	default:
		b.para(blank, "政务服务丨", d.Title)
		b.para(blank, "- 发布日期:", iso(published))
		b.para(blank, "- 浏览次数:")
		b.wrapTitle(d.Title, blank)
		b.para(blank, num)
	}

	switch kind {
	case offReply:
		dp := b.randDept(s)
		to := s.L + dp.Full
		if national {
			to = b.pick([]string{s.p.Province + "人民政府", b.v.national[b.r.IntN(len(b.v.national))].Full})
		}
		d.Addressees = []string{to}
		if !national {
			b.addDept(to)
		}
		b.para(blank, to, "：")
		req := "关于" + domain + "有关事项的请示"
		you, abbr := b.pick([]string{"局", "委", "单位"}), s.p.Abbr
		if strings.HasSuffix(to, "省人民政府") {
			you, abbr = "省", string([]rune(to)[:1])
		}
		b.para(blank, "你", you, "《", req, "》（", abbr, "政报〔", strconv.Itoa(written.Year()), "〕", strconv.Itoa(b.between(1, 60)), "号）收悉。经", approver, "研究，现批复如下：")
		b.para(blank, "一、原则同意", b.pick([]string{"你局", "所报"}), "《", req, "》意见。", b.requirement(s, domain))
		b.para(blank, "二、", b.respLine(s, national, domain))
		b.para(blank, "特此批复。")
	case offMembers:
		b.addressees(s, national, blank)
		b.para(blank, "根据机构设置、人员变动情况和工作需要，", approver, "决定对", area, domain, "工作领导小组组成人员进行相应调整。现将调整后的名单通知如下：")
		b.memberList(s, national, blank)
		b.para(blank, "领导小组办公室设在", b.respDept(s, national), "，承担领导小组日常工作。")
	case offNotice:
		b.addressees(s, national, blank)
		how := approver + "同意"
		if !national && b.chance(0.6) {
			how = s.gov + "第" + strconv.Itoa(s.sess) + "次常务会议审议通过"
		}
		b.para(blank, "《", attached, "》已经", how, "，现印发给你们，请认真贯彻执行。")
		b.signature(d.Issuer, written, blank)
		b.para(blank, attached)
		b.sections(s, national, domain, blank)
	default:
		b.addressees(s, national, blank)
		b.para(blank, "为", b.pick(b.v.actions), domain, "，", b.clauses(2), "，经", approver, "同意，现提出以下意见：")
		b.sections(s, national, domain, blank)
	}
	if kind != offNotice {
		b.signature(d.Issuer, written, blank)
	}
	if b.chance(0.6) {
		d.Published = true
		b.para(blank, "（此件公开发布）")
	}
	if national {
		b.para(blank, "           扫一扫在手机打开当前页")
	}
}

// decree writes a State Council order (国令第707号), whose number has no year.
func (b *builder) decree(s *setting) {
	d := b.doc
	d.Issuer = "国务院"
	seq := 430 + (s.date.Year()-2005)*12 + int(s.date.Month()) - 1 // orders are numbered since 1993
	d.DocPrefix, d.DocSeq = "国令", seq
	d.DocNumber = "国令第" + strconv.Itoa(seq) + "号"
	d.WrittenOn, d.PublishedOn, d.Date = iso(s.date), iso(s.date.AddDate(0, 0, b.between(0, 10))), iso(s.date)
	domain := b.pick(b.v.domains)
	law := join(domain, b.pick([]string{"条例", "管理条例", "暂行条例"}))
	d.Title = law
	blank := b.chance(0.5)
	b.govHeader(true, s, d.DocNumber, s.date, iso2time(d.PublishedOn))
	b.para(blank, "中华人民共和国国务院令")
	b.para(blank, "第", strconv.Itoa(seq), "号")
	effective := s.date.AddDate(0, b.between(1, 6), 0)
	effective = time.Date(effective.Year(), effective.Month(), 1, 0, 0, 0, 0, time.UTC)
	b.para(blank, "《", law, "》已经", cnDate(s.date.AddDate(0, 0, -b.between(5, 30))), "国务院第", strconv.Itoa(b.between(1, 200)), "次常务会议通过，现予公布，自", cnDate(effective), "起施行。")
	premier := b.v.personName(hash64(b.seed, "premier", strconv.Itoa((s.date.Year()-2003)/5)))
	b.addPerson(premier)
	b.para(blank, "总理　", premier)
	b.para(blank, cnDate(s.date))
	b.para(blank, law)
	b.para(blank, "第一条　为了", b.pick(b.v.actions), domain, "，", b.clauses(2), "，制定本条例。")
	for i := 2; i <= b.between(4, 9); i++ {
		b.para(blank, "第", cnNum(i), "条　", b.requirement(s, domain), b.respLine(s, true, domain))
	}
}

// govHeader writes the gov.cn metadata block, labels and values on
// separate, indented lines.
func (b *builder) govHeader(national bool, s *setting, num string, written, published time.Time) {
	d := b.doc
	code := "000014349"
	if !national {
		code = strconv.FormatUint(hash64(b.seed, "code", s.p.Name)%9e9+1e9, 10)[:10]
	}
	d.IndexNo = code + "/" + strconv.Itoa(written.Year()) + "-" + pad5(b.between(1, 20000))
	d.Subject = b.pick(b.v.subjects)
	ind := "        "
	b.line("索 引 号：")
	b.line(ind, d.IndexNo)
	b.line(ind, "主题分类：")
	b.line(ind, d.Subject)
	b.line()
	b.line(ind, "发文机关：")
	b.line(ind, d.Issuer)
	b.line(ind, "成文日期：")
	b.line(ind, written.Format("2006年01月02日"))
	b.line()
	b.line(ind, "标　　题：")
	b.line(ind, d.Title)
	b.line()
	b.line(ind, "发文字号：")
	b.line(ind, num)
	b.line(ind, "发布日期：")
	b.line(ind, published.Format("2006年01月02日"))
	b.line()
	b.line(ind, "主 题 词：")
	b.line()
}

// bulletHeader writes the metadata as a bulleted list, as county sites do.
func (b *builder) bulletHeader(s *setting, num string, written, published time.Time, blank bool) {
	d := b.doc
	code := strconv.FormatUint(hash64(b.seed, "code", s.p.Name)%9e9+1e9, 10)[:10]
	d.IndexNo = code + "/" + strconv.Itoa(written.Year()) + "-" + pad5(b.between(1, 5000))
	b.para(blank, "返回顶部")
	b.para(blank, d.Title)
	item := func(label, value string) {
		b.line("  • ", label, ":")
		b.line()
		if value != "" {
			b.line("    ", value)
		}
	}
	item("索引号", d.IndexNo)
	item("主题分类", "")
	item("发文机构", d.Issuer)
	item("发文字号", num)
	item("发文日期", written.Format("2006年01月02日")+" "+b.clock("上午"))
	item("有效性", "")
	item("发布日期", published.Format("2006年01月02日 15:04"))
	item("内容概述", "")
}

// headTitle is the title of a department's head, from the kind of body.
func headTitle(full string, deputy bool) string {
	t := "负责人"
	switch {
	case strings.HasSuffix(full, "部"):
		t = "部长"
	case strings.HasSuffix(full, "署"):
		t = "署长"
	case strings.HasSuffix(full, "局") || strings.HasSuffix(full, "厅"):
		t = "局长"
		if strings.HasSuffix(full, "厅") {
			t = "厅长"
		}
	case strings.HasSuffix(full, "委员会") || strings.HasSuffix(full, "办公室") || strings.HasSuffix(full, "中心"):
		t = "主任"
	case strings.HasSuffix(full, "支队"):
		t = "支队长"
	}
	if deputy && t != "负责人" {
		t = "副" + t
	}
	return t
}

func iso2time(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func pad5(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 5 {
		s = "0" + s
	}
	return s
}

// wrapTitle breaks a long title over two or three lines, as printed.
func (b *builder) wrapTitle(title string, blank bool) {
	r := []rune(title)
	if len(r) < 24 || b.chance(0.3) {
		b.para(blank, title)
		return
	}
	cut := len(r)/2 + b.between(-3, 3)
	b.para(blank, string(r[:cut]))
	b.para(blank, string(r[cut:]))
}

func (b *builder) addressees(s *setting, national bool, blank bool) {
	var to []string
	if national {
		to = []string{"各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"}
	} else {
		lower := "各" + b.pick([]string{"县（市、区）", "县(区)", "县（市、区）"}) + "人民政府"
		if s.p.City != nil {
			lower = b.pick([]string{"各乡镇人民政府、街道办事处", "各镇人民政府、街道办事处", "各乡镇人民政府"})
		}
		to = []string{lower, s.gov + "各部门"}
		if b.chance(0.3) {
			to = append(to, "各直属机构")
		}
	}
	b.doc.Addressees = to
	b.para(blank, strings.Join(to, "，"), "：")
}

func (b *builder) signature(issuer string, t time.Time, blank bool) {
	b.para(blank, issuer)
	if b.chance(0.3) {
		b.para(blank, b.cnNumeralDate(t))
	} else {
		b.para(blank, cnDate(t))
	}
}

// respDept names one responsible department as official documents write it.
func (b *builder) respDept(s *setting, national bool) string {
	var name string
	if national {
		name = b.v.national[b.r.IntN(len(b.v.national))].Abbr
	} else {
		name = b.deptName(s, b.randDept(s))
	}
	b.addDept(name)
	return name
}

// respLine is a requirement that names who is responsible, in brackets or
// with 由…牵头.
func (b *builder) respLine(s *setting, national bool, domain string) string {
	req := b.demand(s, domain)
	if b.chance(0.5) {
		var names []string
		for range b.between(1, 3) {
			if n := b.respDept(s, national); !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		return strings.TrimSuffix(req, "。") + "。（" + strings.Join(names, "、") + "负责）"
	}
	lead, co := b.respDept(s, national), b.respDept(s, national)
	if co == lead {
		return "由" + lead + "负责，" + req
	}
	return "由" + lead + "牵头，" + co + "配合，" + req
}

var sectionHeads = []string{"总体要求", "主要任务", "重点工作", "保障措施", "组织实施", "工作目标", "基本原则"}

func (b *builder) sections(s *setting, national bool, domain string, blank bool) {
	heads := b.r.Perm(len(sectionHeads))[:b.between(3, 5)]
	k := 0
	for i, h := range heads {
		b.para(blank, cnNum(i+1), "、", sectionHeads[h])
		for range b.between(1, 4) {
			k++
			b.para(blank, "（", cnNum(k), "）", b.pick(b.v.actions), domain, "。", b.requirement(s, domain), b.respLine(s, national, domain))
		}
	}
}

// memberList writes 组　长：韩　正　　国务院副总理 rows; two-character names
// are padded with a full-width space as in the printed lists.
func (b *builder) memberList(s *setting, national bool, blank bool) {
	d := b.doc
	row := func(label, name, title string, first bool) {
		shown := name
		if r := []rune(name); len(r) == 2 && b.chance(0.8) {
			shown = string(r[0]) + "　" + string(r[1])
		}
		if first {
			b.para(blank, label, "：", shown, "　　", title)
		} else {
			b.para(blank, "　　　　", shown, "　　", title)
		}
		b.addPerson(name)
		d.Members = append(d.Members, document.Person{Name: name, Title: title})
	}
	var chairT, viceT string
	if national {
		chairT, viceT = "国务院副总理", "国务院副秘书长"
	} else {
		chairT, viceT = s.L+"长", "副"+s.L+"长"
	}
	row("组　长", b.person(s, "vice", "0"), chairT, true)
	for i := range b.between(1, 3) {
		row("副组长", b.person(s, "vice", strconv.Itoa(i+1)), viceT, i == 0)
	}
	pool := b.v.national
	if !national {
		pool = b.localDepts(s)
	}
	for i, j := range b.r.Perm(len(pool))[:b.between(4, 14)] {
		dp := pool[j].Abbr
		if !national {
			dp = s.L + dp
		}
		title := dp + headTitle(pool[j].Full, b.chance(0.6))
		b.addDept(dp)
		row("成　员", b.person(s, "head", dp), title, i == 0)
	}
}
