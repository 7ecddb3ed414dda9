package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"govarchive/internal/dept"
)

// govLevels are the levels of a government that holds meetings, with the
// head's title at that level: a 县政府 meeting is chaired by the 县长.
var govLevels = []struct{ level, gov, head string }{
	{"省", "省政府", "省长"}, {"市", "市政府", "市长"}, {"州", "州政府", "州长"},
	{"区", "区政府", "区长"}, {"县", "县政府", "县长"}, {"旗", "旗政府", "旗长"},
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
	for _, s := range []string{chairTitle, d.Title, st.labelledFields()["source"]} {
		if places := st.placesAt(s, level); len(places) > 0 {
			return places[0] + "人民政府"
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
		return order[0] + "人民政府"
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
	r, size := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(levelChars, r) && (strings.HasPrefix(s[size:], "政府") || strings.HasPrefix(s[size:], "人民政府"))
}
