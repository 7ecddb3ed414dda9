package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"govarchive/internal/dept"
	"govarchive/internal/norm"
)

// govLevels are the levels of a government that holds meetings, with the
// head's title at that level (a 县政府 meeting is chaired by the 县长) and
// what the place's name takes to name its government: 洛带镇人民政府, but a
// sub-district's office, 洪家楼街道办事处.
var govLevels = []struct{ level, gov, head, body string }{
	{"省", "省政府", "省长", "人民政府"}, {"市", "市政府", "市长", "人民政府"}, {"州", "州政府", "州长", "人民政府"},
	{"区", "区政府", "区长", "人民政府"}, {"县", "县政府", "县长", "人民政府"}, {"旗", "旗政府", "旗长", "人民政府"},
	{"镇", "镇政府", "镇长", "人民政府"}, {"乡", "乡政府", "乡长", "人民政府"}, {"街道", "街道办事处", "街道办事处主任", "办事处"},
}

// jointLevel is the level of a joint meeting of a place's Party committee
// and government (洛带镇党政联席会议), which its Party secretary chairs: the
// level before 党政联席 or before the chair's 党委/党工委 (镇党委书记).
func jointLevel(meeting, title, chairTitle string) string {
	if !strings.Contains(meeting+title, "党政联席") {
		return ""
	}
	for _, c := range []struct{ s, mark string }{
		{meeting, "党政联席"}, {title, "党政联席"}, {chairTitle, "党委"}, {chairTitle, "党工委"},
	} {
		i := strings.Index(c.s, c.mark)
		if i < 0 {
			continue
		}
		for _, g := range govLevels {
			if strings.HasSuffix(c.s[:i], g.level) {
				return g.level
			}
		}
	}
	return ""
}

// ministryHeads are the titles of the head of a ministry or bureau that
// holds its own 部/局/厅/委 meetings (生态环境部部长 → 生态环境部).
var ministryHeads = []string{"部长", "局长", "厅长", "主任"}

// inferIssuer names the government a report of a meeting speaks for when no
// header states it. The level comes from the meeting (县政府第13次常务会议)
// or the chair (县长李翔); the place of that level from, in this order, the
// chair's title (广州市市长), the headline, the source line (来源：兴县新闻网)
// and the text, where a place must recur, or be the only one of that level,
// to be trusted. Nothing is guessed when the text names no such place.
func (st *state) inferIssuer() string {
	d := st.doc
	meeting, chairTitle := "", ""
	if d.Meeting != nil {
		meeting = d.Meeting.Name
		if d.Meeting.Chair != nil {
			chairTitle = d.Meeting.Chair.Title
		}
	}
	if is := ministryIssuer(meeting, chairTitle); is != "" {
		return is
	}
	// 国务院常务会议 (or 全体会议): no place's government. Not a province's
	// session of a State Council teleconference.
	if meeting == "国务院常务会议" || meeting == "国务院全体会议" || strings.HasSuffix(chairTitle, "总理") && strings.HasPrefix(meeting, "国务院") {
		return "国务院"
	}
	// "自治区人民政府第42次常务会议", "自治区主席陆兵": the region the text
	// names, when it names one only (《广西壮族自治区实施…办法》).
	if strings.Contains(meeting+d.Title+chairTitle, "自治区") {
		found := dedupe(regionRe.FindAllString(st.text, -1))
		if len(found) == 1 {
			return found[0] + "人民政府"
		}
	}
	level := ""
	for _, s := range []string{meeting, d.Title} {
		for _, g := range govLevels {
			if strings.Contains(s, g.gov) || strings.Contains(s, g.level+"人民政府") {
				level = g.level
				break
			}
		}
		if level != "" {
			break
		}
	}
	if level == "" {
		level = jointLevel(meeting, d.Title, chairTitle)
	}
	if level == "" && chairTitle != "" {
		// The last title is the one the chair holds here: 县委副书记、县长;
		// a deputy (副市长) speaks for the same government.
		best := -1
		for _, g := range govLevels {
			if i := strings.LastIndex(chairTitle, g.head); i > best {
				best, level = i, g.level
			}
		}
	}
	if level == "" || st.p.seg == nil {
		return ""
	}
	body := "人民政府"
	for _, g := range govLevels {
		if g.level == level {
			body = g.body
		}
	}
	// Taiwan's cities and counties are 市政府, 縣政府: a text that dates
	// itself by the Republic's years (民國112年) is theirs.
	if body == "人民政府" && norm.WritesROCYear(st.text) {
		body = "政府"
	}
	for _, s := range []string{chairTitle, d.Title, st.labelledFields()["source"]} {
		if places := st.placesAt(s, level); len(places) > 0 {
			return places[0] + body
		}
		if s == d.Title {
			if p := openingPlace(s, level); p != "" {
				return p + body
			}
		}
	}
	// The site's government ("网站：常州市新北区人民政府") when it is of the
	// meeting's level: the page of a 区长办公会议 on a district's site.
	if site := st.labelledFields()["site"]; strings.HasSuffix(site, "人民政府") && body == "人民政府" {
		if p := dept.PlaceOf(site); strings.HasSuffix(p, level) && placeShape(p, level) {
			return site
		}
	}
	// The text: the first lines (the report is short; later lines cite
	// other places' documents).
	counts := map[string]int{}
	var order []string
	seen := 0
	for _, l := range st.lines {
		if l == "" {
			continue
		}
		if seen++; seen > 12 {
			break
		}
		for _, p := range st.placesAt(l, level) {
			if counts[p] == 0 {
				order = append(order, p)
			}
			counts[p]++
		}
	}
	order = mergeShortPrefectures(order, counts)
	if len(order) == 1 || len(order) > 1 && counts[order[0]] >= 2 && counts[order[0]] > counts[order[1]] {
		return order[0] + body
	}
	return ""
}

// mergeShortPrefectures counts a prefecture's short name (延边州) as its
// full one (延边朝鲜族自治州) when the text names both: one place, not two.
func mergeShortPrefectures(order []string, counts map[string]int) []string {
	out := order[:0:0]
	for _, p := range order {
		stem, short := strings.CutSuffix(p, "州")
		full := ""
		if short && !strings.HasSuffix(p, "自治州") {
			for _, q := range order {
				if strings.HasSuffix(q, "自治州") && strings.HasPrefix(q, stem) {
					full = q
				}
			}
		}
		if full != "" {
			counts[full] += counts[p]
			continue
		}
		out = append(out, p)
	}
	return out
}

// placesAt returns the places of the given level that s names, as gse reads
// them: a place word ending in the level (桦南县, 兴县, 张家川回族自治县), a place
// word followed by the level (海东 市, 舒兰 市府) or a government's name
// (湖南省人民政府). Each must also have the shape of a place name.
func (st *state) placesAt(s, level string) []string {
	if s == "" || !strings.Contains(s, level) {
		return nil
	}
	toks := st.p.seg.Pos(s, false)
	var out []string
	for i, tok := range toks {
		cand := ""
		switch {
		case tok.Pos == "nt" && strings.HasSuffix(tok.Text, "人民政府"):
			cand = dept.PlaceOf(tok.Text)
		case (tok.Pos == "ns" || tok.Pos == "nt") && strings.HasSuffix(tok.Text, level):
			cand = tok.Text
		case strings.HasPrefix(tok.Pos, "n") && strings.HasSuffix(tok.Text, level) && i+1 < len(toks) &&
			(toks[i+1].Text == "政府" || toks[i+1].Text == "人民政府"):
			// gse tags some places as common nouns (历下区/n); the
			// government after it tells.
			cand = tok.Text
		case (tok.Pos == "ns" || tok.Pos == "nr" || tok.Pos == "nt") && i+1 < len(toks) &&
			strings.HasPrefix(toks[i+1].Text, level) && levelWordAfterPlace(toks[i+1].Text, level):
			cand = tok.Text + level
		}
		if cand == "" || !strings.HasSuffix(cand, level) || !placeShape(cand, level) {
			continue
		}
		out = append(out, cand)
	}
	// gse splits unknown places (盘|州市); a title of a local document
	// opens with its place: 《红花岗区土壤污染防治条例》, 《关于盘州市…》.
	for _, m := range titlePlaceRe.FindAllStringSubmatch(s, -1) {
		rs := []rune(m[1])
		for n := 2; n <= 4 && n < len(rs); n++ {
			if string(rs[n]) == level && placeShape(string(rs[:n+1]), level) {
				if !slices.Contains(out, string(rs[:n+1])) {
					out = append(out, string(rs[:n+1]))
				}
				break
			}
		}
	}
	return out
}

// openingPlace is the place of the level a title opens with, which gse may
// not know as one (洛带镇/nr 党政联席会议纪要): a stem of two to four
// characters, then the level. Not a collective (各乡镇), a term (十七届区政府)
// nor a zone, whose committee governs it (高新区管委会).
func openingPlace(title, level string) string {
	rs := []rune(title)
	for n := 2; n <= 4 && n < len(rs); n++ {
		if !strings.HasPrefix(string(rs[n:]), level) {
			continue
		}
		stem := string(rs[:n])
		if !allHan(stem) || strings.ContainsAny(stem, levelChars+"届第次") || !placeShape(stem+level, level) {
			return ""
		}
		if _, zone := hasAnySuffix(stem, zoneStems); zone || meetingQualifiers[stem] {
			return ""
		}
		return stem + level
	}
	return ""
}

// meetingQualifiers open a meeting's title before its level as no place
// does: 专题区长办公会议, 临时县长办公会议, 新时代区长….
var meetingQualifiers = map[string]bool{"专题": true, "临时": true, "紧急": true, "全体": true, "扩大": true,
	"联席": true, "常务": true, "新时代": true, "本届": true, "新一届": true, "年度": true, "半年": true, "上半年": true, "下半年": true}

// zoneStems end the short names of development zones (高新区, 经开区).
var zoneStems = []string{"高新", "经开", "开发", "保税", "综保", "工业园", "产业园", "试验"}

// titlePlaceRe is the opening of a document title: 《关于X…, 《X….
var titlePlaceRe = regexp.MustCompile(`《(?:关于)?(\p{Han}{3,5})`)

// levelWordAfterPlace reports a word that continues a place without its
// level: 市, 市府, 市政府, 市委, 县人民政府.
func levelWordAfterPlace(w, level string) bool {
	rest := strings.TrimPrefix(w, level)
	switch rest {
	case "", "府", "政府", "人民政府", "委":
		return true
	}
	return false
}

// placeShape checks a place name: a Han stem of one (兴县) to six characters
// (more with 自治: 张家川回族自治县) before the level, with the shape of a
// place (周至县 and 四会市 included).
func placeShape(p, level string) bool {
	stem := strings.TrimSuffix(p, level)
	n := utf8.RuneCountInString(stem)
	if n < 1 || !allHan(stem) {
		return false
	}
	if n > 6 && !strings.Contains(stem, "自治") {
		return false
	}
	return dept.PlausiblePlace(p)
}

// ministryIssuer is the ministry or bureau whose own meeting it is: a 部务会
// or 部常务会议 chaired by the 生态环境部部长.
func ministryIssuer(meeting, chairTitle string) string {
	for _, h := range ministryHeads {
		i := strings.LastIndex(chairTitle, h)
		if i <= 0 {
			continue
		}
		unit := chairTitle[:i]
		if j := strings.LastIndexAny(unit, "、，,"); j >= 0 {
			unit = unit[j+utf8.RuneLen([]rune(unit[j:])[0]):]
		}
		last, _ := utf8.DecodeLastRuneInString(unit)
		first, _ := utf8.DecodeRuneInString(meeting)
		if utf8.RuneCountInString(unit) < 3 || !allHan(unit) || last != first || !strings.ContainsRune("部局厅委", last) {
			continue
		}
		return unit
	}
	return ""
}

// relativeIssuer is an issuer without its place ("县政府" from a source line
// 县政府办公室), which a place named in the text can complete.
func relativeIssuer(s string) bool {
	s = strings.TrimPrefix(s, "自治") // 自治区人民政府: every region's
	r, size := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(levelChars, r) && (strings.HasPrefix(s[size:], "政府") || strings.HasPrefix(s[size:], "人民政府"))
}

// regionRe is one of the five autonomous regions by its full name.
var regionRe = regexp.MustCompile(`(?:内蒙古|广西壮族|西藏|宁夏回族|新疆维吾尔)自治区`)

// sarMarks are words only Hong Kong's and Macau's governments write of
// themselves (their legislature, head and government), mainlandMarks the
// mainland's own bodies; a text of the first and none of the second is a
// SAR's.
var (
	sarMarks      = []string{"立法会", "行政长官", "特区政府", "香港特别行政区政府", "澳门特别行政区政府"}
	mainlandMarks = []string{"人民政府", "中共", "党委", "党组", "人大常委会", "人民代表大会"}
)

// outsideMainland reports a text of Hong Kong's, Macau's or Taiwan's
// government (Taiwan's dates itself by the Republic's years): their bodies
// keep their own names, 食物及卫生局 or 交通局 is no former name of a
// mainland 卫生健康委员会 or 交通运输局.
func outsideMainland(text string) bool {
	if norm.WritesROCYear(text) {
		return true
	}
	return containsAny(text, sarMarks) && !containsAny(text, mainlandMarks)
}
