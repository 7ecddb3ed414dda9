package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"govarchive/internal/document"
)

// People named in prose: "副县长刘通、邹映涛出席会议", "出席会议的有：…".

// listAfterVerbRe is "出席会议的市领导有：A、B" — the verb before the list.
var listAfterVerbRe = regexp.MustCompile(`(出席|参加|列席)(?:会议|本次会议)?的(?:[^，。有]{0,12})?(?:还)?有[:：]?([^。；]+)`)

// verbFirstPeople reads lists introduced by "出席会议的有…".
func (st *state) verbFirstPeople(observers bool) []document.Person {
	var out []document.Person
	for _, l := range st.lines {
		for _, m := range listAfterVerbRe.FindAllStringSubmatch(l, -1) {
			if (m[1] == "列席") != observers {
				continue
			}
			for _, part := range splitAny(m[2], "，,") {
				ps, _ := st.personChunk(part)
				out = append(out, ps...)
			}
		}
	}
	return out
}

// prosePeople reads people from prose ("县委常委、常务副县长国宏利，副县长刘通、
// 邹映涛…出席会议") for each sentence ending in one of the verbs.
func (st *state) prosePeople(verbs []string) []document.Person {
	var out []document.Person
	for _, l := range st.lines {
		for _, s := range attendClauses(sentences(l)) {
			s = strings.TrimRight(s, "。！？!?")
			for _, v := range verbs {
				i := strings.LastIndex(s, v)
				if i <= 0 {
					continue
				}
				after := strings.TrimSpace(s[i+len(v):])
				if after != "" && !strings.HasPrefix(after, "会议") && !strings.HasPrefix(after, "并") && !strings.HasPrefix(after, "。") && runeLen(after) > 4 {
					continue
				}
				// "…副秘书长许文杰出席会议，…成员单位负责同志参加会议":
				// when the last verb's clause names no one, an earlier verb's may.
				if ps := st.personClause(s[:i]); len(ps) > 0 {
					out = append(out, ps...)
					break
				}
			}
		}
	}
	return out
}

// attendClauseEndRe ends a clause that names who attended ("…罗伟出席会议；").
var attendClauseEndRe = regexp.MustCompile(`(?:出席|参加|列席)了?(?:本次)?(?:会议)?(?:并(?:作)?讲话|并致辞)?$`)

// attendClauses cuts sentences after each clause that closes with an
// attendance verb: "A…出席会议；B…参加会议" names A's people and B's, and
// each clause is read on its own.
func attendClauses(sents []string) []string {
	var out []string
	for _, s := range sents {
		start := 0
		for i, r := range s {
			if !strings.ContainsRune("，,；;", r) {
				continue
			}
			// The verb ends the clause: its last bytes are enough, and a
			// long line of clauses stays linear.
			from := max(start, i-48)
			for from < i && !utf8.RuneStart(s[from]) {
				from++
			}
			if !attendClauseEndRe.MatchString(s[from:i]) {
				continue
			}
			out = append(out, s[start:i])
			start = i + utf8.RuneLen(r)
		}
		if start < len(s) {
			out = append(out, s[start:])
		}
	}
	return out
}

// proseAbsent reads people a sentence says were on leave or absent.
func (st *state) proseAbsent() []document.Person {
	var out []document.Person
	for _, l := range st.lines {
		if labelRe.MatchString(l) {
			continue
		}
		// The people on leave are the clause right before the verb
		// ("…县政府办主任赵磊；副县长符小兵因公请假"): the clauses before
		// it name those who attended.
		for _, sent := range sentences(l) {
			sent = strings.TrimRight(sent, "。！？!?")
			locs := proseLeaveRe.FindAllStringIndex(sent, -1)
			for n := len(locs) - 1; n >= 0; n-- {
				i := locs[n][0]
				if i <= 0 || strings.Count(sent[:i], "（")+strings.Count(sent[:i], "(") > strings.Count(sent[:i], "）")+strings.Count(sent[:i], ")") {
					continue
				}
				clause := sent[:i]
				if j := strings.LastIndexAny(clause, "，,；;：:"); j >= 0 {
					clause = clause[j:]
					clause = strings.TrimLeft(clause, "，,；;：:")
				}
				if ps, _ := st.personChunk(clause); len(ps) > 0 {
					out = append(out, ps...)
					break
				}
			}
		}
		// "…出席会议（副县长黎伟因公请假）": a bracket in a sentence.
		for _, m := range proseLeaveBracketRe.FindAllStringSubmatch(l, -1) {
			out = append(out, st.personClause(m[1])...)
		}
	}
	return out
}

// proseLeaveRe is what prose says of someone who did not attend: a leave
// verb with the reason before it ("因公外出未参加会议", "因病缺席",
// "因故未出席会议", "因公出差请假").
var proseLeaveRe = regexp.MustCompile(`(?:因(?:公|事|病|故|私)(?:外出|出差|出访|学习|培训)?|外出|出差)?(?:请假|缺席(?:会议)?|未(?:出席|参加)(?:会议)?)`)

// proseLeaveBracketRe is a bracket in prose naming people on leave: group
// 1 holds them with their posts.
var proseLeaveBracketRe = regexp.MustCompile(`[（(]([^（）()]{2,40}?)(?:同志)?(?:因公|因事|因病|因故)?(?:请假|缺席)[^（）()]*[）)]`)

// personClause walks the comma-separated chunks before a verb backwards and
// keeps those that are lists of people.
func (st *state) personClause(s string) []document.Person {
	if i := strings.LastIndex(s, "邀请"); i >= 0 {
		s = s[i+len("邀请"):]
	}
	for _, suf := range []string{"应邀", "分别", "等", "也", "同志", "一同", "共同"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), suf)
	}
	parts := splitAny(s, "，,；;")
	var groups [][]document.Person
	skipped := 0
	for k := len(parts) - 1; k >= 0; k-- {
		ps, titlesOnly := st.personChunk(parts[k])
		if len(ps) == 0 {
			if titlesOnly && skipped < 2 {
				skipped++
				continue
			}
			break
		}
		groups = append(groups, ps)
	}
	var out []document.Person
	for k := len(groups) - 1; k >= 0; k-- {
		out = append(out, groups[k]...)
	}
	return out
}

// personChunk reads "区领导魏守磊、刘永胜" or "县委常委、政府常务副县长国宏利":
// a title alone is carried to the next name; a bare name shares the title
// before it. titlesOnly reports a chunk of titles or units and no name.
func (st *state) personChunk(c string) (out []document.Person, titlesOnly bool) {
	c = strings.TrimSuffix(strings.TrimSpace(c), "等")
	if runeLen(c) > 60 || strings.Contains(c, "会议") || strings.Contains(c, "主持") {
		return nil, false
	}
	pending, shared, sharedUnit := "", "", ""
	titlesOnly = true
	for _, e := range st.splitPeople(c) {
		e = strings.TrimSuffix(strings.TrimSuffix(e, "等"), "同志")
		// "市财政局、国网株洲供电公司负责同志": units attending by a role, no
		// one named.
		if _, ok := hasAnySuffix(e, roleSuffixes); ok {
			continue
		}
		if containsAny(e, bylineMarkers) || isMasked(e) {
			// "副县长王xx、曹振华": the masked name's title still
			// applies to the names after it.
			if t := titlePrefix(e); t != "" && !containsAny(e, bylineMarkers) {
				shared = t
			}
			titlesOnly = false
			continue
		}
		if name, title, ok := splitNameTitle(e); ok && pending == "" {
			out = append(out, document.Person{Name: name, Title: title})
			shared, sharedUnit = "", ""
			continue
		}
		if title, name, ok := st.titleNameEnd(e); ok {
			if pending != "" {
				title = pending + "、" + title
				pending = ""
			}
			out = append(out, document.Person{Name: name, Title: title})
			shared, sharedUnit = title, ""
			continue
		}
		if (plausibleTitled(e) || st.looseName(e)) && !isTitle(e) && len(st.deptLengths(e)) == 0 {
			// "县长李明、张华": a post one person holds is not shared.
			if soleHeadPost(shared) {
				shared = ""
			}
			out = append(out, document.Person{Name: e, Title: shared, Department: sharedUnit})
			continue
		}
		// "市发改委张建华、李志强": a unit and its person; the names after
		// it in the chunk are of that unit too.
		if ps, complete, _ := st.parseEntry(e); pending == "" && complete && len(ps) > 0 && ps[len(ps)-1].Department != "" {
			out = append(out, ps...)
			shared, sharedUnit = "", ps[len(ps)-1].Department
			continue
		}
		if isTitle(e) || len(st.deptLengths(e)) > 0 {
			pending = e
			continue
		}
		titlesOnly = false
	}
	return out, titlesOnly && len(out) == 0
}

// splitPeople splits a run of people at 、, 及 and 以及, and at a 和 that
// stands between a name and a title or name ("副市长刘德明、周丽华和市政府
// 秘书长韩东"); a 和 inside a name (和平) or a unit (文化和旅游局) stays.
func (st *state) splitPeople(c string) []string {
	var out []string
	for _, e := range splitAny(strings.ReplaceAll(c, "以及", "、"), "、及") {
		for from := 0; ; {
			p := strings.Index(e[from:], "和")
			if p < 0 {
				break
			}
			p += from
			left, right := e[:p], e[p+len("和"):]
			if p > 0 && st.personAt(right) && (st.personAt(left) && !isTitle(left)) {
				out = append(out, left)
				e, from = right, 0
				continue
			}
			from = p + len("和")
		}
		out = append(out, e)
	}
	return out
}

// personAt reports a name, with or without a title before it (副县长刘通).
func (st *state) personAt(s string) bool {
	_, _, ok := st.titleNameEnd(s)
	return ok || plausibleTitled(s)
}

// titleNameEnd splits "副县长刘通" (title then name), trying the names
// package first and then a name of two or three characters at the end.
func (st *state) titleNameEnd(e string) (title, name string, ok bool) {
	if t, n, ok := splitTitle(e); ok && t != "" {
		return t, n, true
	}
	r := []rune(e)
	sizes := []int{3, 2}
	if len(r) > 4 && surnameLen(string(r[len(r)-4:])) == 2 {
		sizes = []int{4, 3, 2}
	}
	// Known names first, then rare surnames (区长元冠先).
	for _, loose := range []bool{false, true} {
		for _, n := range sizes {
			if len(r) <= n {
				continue
			}
			t, nm := string(r[:len(r)-n]), string(r[len(r)-n:])
			if n == 3 && surnameLen(nm) == 0 && !loose {
				continue
			}
			if isTitle(t) && (plausibleTitled(nm) || loose && (st.looseName(nm) || plausibleListed(nm))) {
				return t, nm, true
			}
		}
	}
	return "", "", false
}

// titlePrefix returns the longest title that e starts with ("副县长" of
// "副县长王xx"), or "".
func titlePrefix(e string) string {
	r := []rune(e)
	for n := len(r) - 1; n >= 2; n-- {
		if isTitle(string(r[:n])) {
			return string(r[:n])
		}
	}
	return ""
}
