package index

import (
	"context"
	"fmt"
	"govarchive/internal/names"
	"govarchive/internal/norm"
	"govarchive/internal/segment"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Limits on what one query may ask for: beyond them bleve would allocate
// or score without bound.
const (
	maxQueryRunes   = 512
	maxClauses      = 64 // a pasted paragraph of 512 characters has some dozens
	maxVariants     = 8
	maxResultWindow = 10000
)

// clause is one query word or phrase.
type clause struct {
	text   string
	phrase bool
	scope  string // "", "title", "doc_number"
	must   bool   // +word
	not    bool   // -word
	alt    string // the same word as documents write it (a typed date), asked with it
}

// parsed is a query string: AND between groups, OR inside a group.
type parsed struct {
	groups [][]clause
	not    []clause
	strict bool // a + was used: no fallback to OR
	// ignored are the parts of the query that hold no letter or digit.
	ignored []string
}

// Operator words, compared ignoring case.
var (
	notWords = []string{"NOT"}
	andWords = []string{"AND", "&", "&&", "＆", "和", "与", "且", "并且"}
	orWords  = []string{"OR", "|", "||", "｜", "或", "或者"}
)

// operatorOf names the operator w is ("not", "and", "or"), or "".
func operatorOf(w string) string {
	for name, ops := range map[string][]string{"not": notWords, "and": andWords, "or": orWords} {
		for _, op := range ops {
			if strings.EqualFold(w, op) {
				return name
			}
		}
	}
	return ""
}

// typedDateRe is a date typed the ISO or dotted way: 2020-03, 2020.3.18.
var typedDateRe = regexp.MustCompile(`^(\d{4})[-./．／](\d{1,2})(?:[-./．／](\d{1,2}))?$`)

// datedAsWritten turns a typed date into the way documents write it
// (2020-03-18 → 2020年3月18日); other words are returned as they are.
func datedAsWritten(w string) string {
	m := typedDateRe.FindStringSubmatch(w)
	if m == nil {
		return w
	}
	month, _ := strconv.Atoi(m[2])
	if month < 1 || month > 12 {
		return w
	}
	out := m[1] + "年" + strconv.Itoa(month) + "月"
	if m[3] != "" {
		day, _ := strconv.Atoi(m[3])
		if day < 1 || day > 31 {
			return w
		}
		out += strconv.Itoa(day) + "日"
	}
	return out
}

// searchable reports whether s holds a letter or digit, which analysis
// may keep.
func searchable(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

// hasText reports whether the query has any word or phrase to match.
func (p *parsed) hasText() bool { return len(p.groups) > 0 || len(p.not) > 0 }

// hasWords reports whether an OR fallback could find more: some positive
// clause is not a phrase or a 文号 lookup.
func (p *parsed) hasWords() bool {
	for _, g := range p.groups {
		for _, c := range g {
			if !c.phrase && c.scope != "doc_number" {
				return true
			}
		}
	}
	return false
}

// scopes are the field prefixes of the query syntax (English and Chinese).
var scopes = []struct {
	prefix []rune
	scope  string
}{
	{[]rune("title"), "title"}, {[]rune("标题"), "title"},
	{[]rune("doc_number"), "doc_number"}, {[]rune("文号"), "doc_number"},
	// The filters, written in the query as users guess them (person:国宏利).
	{[]rune("person"), "person"}, {[]rune("人员"), "person"},
	{[]rune("department"), "department"}, {[]rune("dept"), "department"}, {[]rune("部门"), "department"},
	{[]rune("issuer"), "issuer"}, {[]rune("发文机关"), "issuer"},
	{[]rune("year"), "year"}, {[]rune("年份"), "year"},
}

var openQuote = map[rune]rune{'"': '"', '“': '”', '「': '」', '『': '』', '＂': '＂'}

// parseQuery reads the query syntax: words separated by spaces (ASCII or
// full-width), "quoted phrases" (also “…” and 「…」), +word, -word, OR
// between words, and title:/doc_number: scopes.
func parseQuery(s string) (*parsed, error) {
	if utf8.RuneCountInString(s) > maxQueryRunes {
		return nil, fmt.Errorf("%w: q: longer than %d characters", ErrInvalidQuery, maxQueryRunes)
	}
	var toks []clause
	var ors []bool // ors[i]: an OR stood before toks[i]
	pendingOr, pendingNot := false, false
	var ignored []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		from := i
		c := clause{}
		switch rs[i] {
		case '+', '＋':
			c.must = true
			i++
		case '-', '－', '!', '！':
			c.not = true
			i++
		}
		for _, sc := range scopes {
			n := len(sc.prefix)
			if i+n < len(rs) && strings.EqualFold(string(rs[i:i+n]), string(sc.prefix)) && (rs[i+n] == ':' || rs[i+n] == '：') {
				c.scope = sc.scope
				i += n + 1
				break
			}
		}
		if i < len(rs) {
			closeQ, quoted := openQuote[rs[i]]
			j := i + 1
			for quoted && j < len(rs) && rs[j] != closeQ && !(closeQ == '”' && rs[j] == '"') {
				j++
			}
			switch {
			case quoted && j < len(rs):
				c.text = strings.TrimSpace(string(rs[i+1 : j]))
				c.phrase = true
				i = j + 1
			case quoted && rs[i] == '"':
				// An unclosed quote (typed, not finished yet) opens a
				// phrase to the end of the query.
				c.text = strings.TrimSpace(string(rs[i+1:]))
				c.phrase = true
				i = len(rs)
			default:
				// Quotes inside a word (关于“府院联动”机制, pasted from a
				// document) or an unclosed Chinese one are punctuation,
				// which analysis drops.
				j := i
				for j < len(rs) && !unicode.IsSpace(rs[j]) {
					j++
				}
				c.text = string(rs[i:j])
				i = j
			}
		}
		if c.text == "" {
			if c.scope != "" {
				return nil, fmt.Errorf("%w: q: %s: needs a value", ErrInvalidQuery, c.scope)
			}
			// A lone + or -, or empty quotes: noise, said as symbols are.
			ignored = append(ignored, strings.TrimSpace(string(rs[from:i])))
			continue
		}
		bare := !c.phrase && !c.must && !c.not && c.scope == ""
		more := strings.TrimSpace(string(rs[i:])) != ""
		// Operators typed the ways users know them: "NOT 安全生产" (or not)
		// excludes the next word, as -安全生产 does; OR, | and 或 join the
		// words beside them; AND, && and 和 between words are what the
		// search does anyway. Alone, a word operator is a word; one with
		// nothing to join on one side (OR 安全生产, or left over at the
		// end: typed, not finished yet) is left out.
		if op := operatorOf(c.text); bare && op != "" {
			switch {
			case op == "not" && more:
				pendingNot = true
				continue
			case op == "and" && more && len(toks) > 0:
				continue
			case op == "or" && more && len(toks) > 0 && !pendingOr && !pendingNot:
				pendingOr = true
				continue
			case len(toks) > 0 || !searchable(c.text) || (more && op != "not"):
				ignored = append(ignored, c.text)
				continue
			}
		}
		if c.scope == "" && !searchable(c.text) {
			// 。, *, an emoji: nothing the index holds. Said, not searched,
			// so that every such query answers alike.
			ignored = append(ignored, c.text)
			continue
		}
		if !c.phrase && c.scope == "" {
			// 2020-03-18 as typed, and as documents write it (2020年3月18日).
			if w := datedAsWritten(c.text); w != c.text {
				c.alt, c.phrase = w, true // the typed form whole, as metadata write it
			}
		}
		if pendingNot {
			c.not, pendingNot = true, false
		}
		toks = append(toks, c)
		ors = append(ors, pendingOr)
		pendingOr = false
	}
	if pendingOr {
		// "苏州 OR -杭州": nothing for the OR to join.
		return nil, fmt.Errorf("%w: q: OR needs a word on each side", ErrInvalidQuery)
	}
	if len(toks) > maxClauses {
		return nil, fmt.Errorf("%w: q: more than %d words", ErrInvalidQuery, maxClauses)
	}
	p := &parsed{ignored: ignored}
	for i, c := range toks {
		alts := []clause{c}
		if c.alt != "" {
			alts = append(alts, clause{text: c.alt, must: c.must, not: c.not})
		}
		if c.not {
			if ors[i] {
				return nil, fmt.Errorf("%w: q: OR cannot join an excluded word", ErrInvalidQuery)
			}
			p.not = append(p.not, alts...)
			continue
		}
		if c.must {
			p.strict = true
		}
		if ors[i] && len(p.groups) > 0 {
			last := len(p.groups) - 1
			p.groups[last] = append(p.groups[last], alts...)
			continue
		}
		p.groups = append(p.groups, alts)
	}
	// "主持人 吴庆文": the role asked about is what the minutes label, not a
	// word their text holds; with other words it only says what is asked.
	if len(p.groups) > 1 {
		kept := p.groups[:0:0]
		for _, g := range p.groups {
			if len(g) == 1 && !g[0].phrase && g[0].scope == "" && !g[0].must && roleWords[g[0].text] {
				continue
			}
			kept = append(kept, g)
		}
		if len(kept) > 0 {
			p.groups = kept
		}
	}
	return p, nil
}

// roleWords name the part a person plays at a meeting, as a query asks it.
// Only the nouns: 记录 or 出席 beside other words may be what a document
// says.
var roleWords = map[string]bool{
	"主持人": true, "出席人员": true, "列席人员": true, "参会人员": true, "参加人员": true, "记录人": true,
}

// relax is how many of the query's words a document may lack: the search
// asks for all of them, and when nothing has them all, for all but one,
// two, three (a question typed in full: "2020年苏州市常务会议关于疫情防控的
// 决定"), and then for any. A document holding at least half of them is
// kept at every step but the last.
type relax int

const (
	allWords relax = 0
	anyWord  relax = 1 << 20
)

// relaxSteps are the steps after allWords.
var relaxSteps = []relax{1, 2, 3, anyWord}

// buildText turns the parsed query into a bleve query, the groups and the
// words of each as r asks.
// ranked asks for the scores of a search sorted by relevance; a count or a
// date order is spared what only orders the matches (perTopic).
func (ix *Index) buildText(p *parsed, r relax, ranked bool) (query.Query, error) {
	cb := clauseBuilder{ix: ix, relax: r, ranked: ranked}
	var groups []query.Query
	for _, g := range p.groups {
		var alts []query.Query
		for _, c := range g {
			q, err := cb.clauseQuery(c)
			if err != nil {
				return nil, err
			}
			alts = append(alts, q)
		}
		groups = append(groups, disjunction(alts...))
	}
	var pos query.Query
	pos = combine(groups, r)
	if len(groups) == 0 {
		pos = bleve.NewMatchAllQuery()
	}
	if len(p.not) == 0 {
		return pos, nil
	}
	var nots []query.Query
	for _, c := range p.not {
		q, err := cb.clauseQuery(c)
		if err != nil {
			return nil, err
		}
		nots = append(nots, q)
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(pos)
	bq.AddMustNot(nots...)
	return bq, nil
}

// combine joins the queries of a query's words as r asks.
func combine(qs []query.Query, r relax) query.Query {
	switch {
	case len(qs) == 1:
		return qs[0]
	case r == anyWord:
		return bleve.NewDisjunctionQuery(qs...)
	case r > 0:
		dq := bleve.NewDisjunctionQuery(qs...)
		dq.SetMin(float64(max(len(qs)-int(r), (len(qs)+1)/2)))
		return dq
	}
	return bleve.NewConjunctionQuery(qs...)
}

func disjunction(qs ...query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// Boosts: a word in the title outranks the same word in a topic title,
// which outranks the body. BM25 does the rest.
const (
	boostTitle      = 10
	boostTopicTitle = 4
	boostBody       = 1
	boostPhrase     = 4
	boostKeyword    = 0.2 // BM25 favours short keyword lists; the text decides
	// Department lists are long (every form and alias of every unit named),
	// so the match says little about what a document is about: it only
	// orders documents whose text does not name the department.
	boostDepartment = 0.05
	boostDocNumber  = 50
	boostVariant    = 0.8
	// The words a one-character query begins (苏州 for 苏) rank below the
	// character itself.
	prefixBoost = 0.5
)

// clauseBuilder builds clause queries, the words of one clause as relax
// asks.
type clauseBuilder struct {
	ix     *Index
	relax  relax
	ranked bool
}

func (b clauseBuilder) fieldQuery(field, text string, phrase bool, boost float64) query.Query {
	return b.ix.fieldQuery(field, text, phrase, b.relax, boost)
}

func (b clauseBuilder) clauseQuery(c clause) (query.Query, error) {
	ix := b.ix
	text := ix.simplify(strings.TrimSpace(c.text))
	if c.scope == "doc_number" {
		dn, ok := parseDocNumber(text)
		if !ok {
			return nil, fmt.Errorf("%w: q: doc_number: %q is not a 文号", ErrInvalidQuery, c.text)
		}
		return termQ(fDocNumber, dn.queryKey(), boostDocNumber), nil
	}
	switch c.scope {
	case "person":
		return disjunction(termQ(fPerson, c.text, boostKeyword), termQ(fPerson, text, boostKeyword)), nil
	case "issuer":
		qs := []query.Query{termQ(fIssuer, c.text, boostKeyword), termQ(fIssuer, text, boostKeyword)}
		for _, p := range placeGovernments(text) {
			qs = append(qs, prefixQ(fIssuer, p, boostKeyword))
		}
		return disjunction(qs...), nil
	case "year":
		if y, err := strconv.Atoi(text); err != nil || y < 1000 || y > 9999 {
			return nil, fmt.Errorf("%w: q: year: %q is not a year", ErrInvalidQuery, c.text)
		}
		return termQ(fYear, text, boostKeyword), nil
	case "department":
		qs := []query.Query{termQ(fDeptAny, c.text, boostDepartment), termQ(fDeptAny, text, boostDepartment)}
		if fm, ok := ix.opts.Departments.(*formsMemo); ok {
			for _, f := range fm.FilterForms(text) {
				qs = append(qs, termQ(fDeptAny, f, boostDepartment))
			}
		}
		return disjunction(qs...), nil
	}
	if y := bracketYearRe.FindStringSubmatch(text); y != nil && c.scope == "" && !c.phrase {
		// 〔2020〕: the documents numbered in that year, as a clerk means
		// it; the bare number would match every date of the year.
		return prefixQ(fDocNumber, y[1]+"-", boostDocNumber), nil
	}
	if dn, ok := parseDocNumber(text); ok && c.scope == "" {
		// A 文号: that document first, then documents citing it verbatim.
		// Its digits alone (2020, 3, 号) would match half the archive.
		alts := []query.Query{
			termQ(fDocNumber, dn.queryKey(), boostDocNumber),
			b.fieldQuery(fTitle, text, true, boostTitle),
			b.fieldQuery(fBody, text, true, boostBody),
		}
		if dn.Prefix != "" && dn.Year > 0 {
			// 苏州市〔2024〕7号: words typed before the number rather than
			// its prefix. The number, with those words in the document.
			base := docNum{Year: dn.Year, Seq: dn.Seq}.queryKey()
			alts = append(alts, bleve.NewConjunctionQuery(termQ(fDocNumber, base, boostDocNumber/5),
				disjunction(b.fieldQuery(fTitle, dn.Prefix, false, boostTitle), b.fieldQuery(fBody, dn.Prefix, false, boostBody))))
		}
		if dn.Year > 0 {
			// 2020年第3号 typed is 〔2020〕3号 written: the document's own
			// number in its text as written, so that its snippet marks it.
			written := docNum{Year: dn.Year, Seq: dn.Seq}.written()
			alts = append(alts, bleve.NewConjunctionQuery(termQ(fDocNumber, dn.queryKey(), boostBody),
				b.fieldQuery(fBody, written, true, boostBody)))
		}
		return disjunction(alts...), nil
	}
	variants := []string{text}
	seen := map[string]bool{text: true}
	addVariant := func(v string) {
		if v != "" && !seen[v] && len(variants) < maxVariants {
			seen[v] = true
			variants = append(variants, v)
		}
	}
	// A quoted phrase is the text as typed (in either script): not its
	// synonyms, nor the forms of a unit it names ("市政府" is no 县政府).
	if !c.phrase {
		for _, v := range ix.syn.variants(text) {
			addVariant(v)
		}
		// 第四十二次常务会议 also as 第42次常务会议, as many documents write it.
		addVariant(ordinalsInDigits(text))
		// 住建 is how a reader shortens 住建局 and so 住房和城乡建设局; a
		// word of its own (教育, 应急) means itself.
		if _, word := ix.singleToken(text); !word {
			for _, v := range ix.syn.stemVariants(text) {
				addVariant(v)
			}
		}
	}
	if fm, ok := ix.opts.Departments.(*formsMemo); ok && c.scope == "" && !c.phrase {
		// The forms that keep a place the text names: 苏州市人民政府 is not
		// every 人民政府, nor 浏阳市应急管理局 every 应急管理局.
		for _, f := range fm.FilterForms(text) {
			addVariant(ix.simplify(f))
		}
	}
	var alts, others []query.Query
	for i, v := range variants {
		scale := 1.0
		if i > 0 {
			scale = boostVariant
		}
		// The fallback drops words the reader typed, not words of a
		// synonym's expansion (双减 → 减轻…负担: not every 负担).
		b := b
		if i > 0 {
			b.relax = allWords
		}
		if c.scope == "title" {
			q := b.fieldQuery(fTitle, v, c.phrase, boostTitle*scale)
			if i == 0 {
				alts = append(alts, q)
			} else {
				others = append(others, q)
			}
			continue
		}
		// Nested so that the coordination factor of a disjunction (matched
		// / total clauses) does not let many weak body clauses outrank one
		// title match.
		body := []query.Query{
			b.fieldQuery(fBody, v, c.phrase, boostBody*scale),
		}
		if i == 0 {
			// The people and department lists are matched by the text as
			// typed only, not once per variant: a document's department
			// list holds every form and alias of its departments, so
			// matching each variant there would add up to more than the
			// text matches of the documents that are about the department
			// (and BM25 would favour the shortest lists).
			body = append(body, termQ(fPerson, v, boostKeyword))
			switch {
			case c.phrase:
				// (The list holds every form and alias: no exact match.)
			case len(variants) > 1:
				// Beside the other forms, as one of them: matched in the
				// text as typed it would let a document that writes only
				// another form (应急管理局 for 应急局) count as both.
				others = append(others, termQ(fDeptAny, v, boostDepartment))
			default:
				body = append(body, termQ(fDeptAny, v, boostDepartment))
			}
		}
		// The issuer as the hits show it, which a document may only imply
		// (a report saying 省政府 of 浙江省人民政府); one per document, so
		// every variant (徐州市政府 → 徐州市人民政府) may ask.
		if i == 0 || samePlace(v, text) {
			body = append(body, termQ(fIssuer, v, boostKeyword*scale))
		}
		if !c.phrase {
			// Adjacent words score above scattered ones.
			body = append(body, b.fieldQuery(fBody, v, true, boostPhrase*scale))
		}
		fields := []query.Query{
			b.fieldQuery(fTitle, v, c.phrase, boostTitle*scale),
			b.perTopic(b.fieldQuery(fTopicTitle, v, c.phrase, boostTopicTitle*scale)),
			bleve.NewDisjunctionQuery(body...),
		}
		if c.phrase && !ix.opts.Baseline && phrasePrefixOK(v) {
			// A phrase inside a longer word: "应急管理" in 应急管理局 and
			// "污水处理" in 污水处理厂, whose sub-words share the word's
			// position (so no phrase of them matches). Every term that
			// starts with the phrase holds it.
			fields = append(fields, prefixQ(fTitle, v, boostTitle*scale), prefixQ(fBody, v, boostBody*scale))
			// …and a phrase of one word that a document's context cut in
			// two (污水处理 in 污水|处理厂): its parts side by side.
			if tok, single := ix.singleToken(v); single {
				if parts := ix.parts(tok); len(parts) > 1 {
					fields = append(fields, newPhrase(fTitle, parts, boostTitle*scale), newPhrase(fBody, parts, boostBody*scale))
				}
			}
		}
		if !c.phrase && !ix.opts.Baseline && i == 0 && wordPrefixOK(v) {
			// A long word typed without quotes may begin one indexed word
			// that holds it whole but not all its query words: 住房和城乡建设
			// (住房/和/城乡建设) in 住房和城乡建设局, whose 和 is no word of its
			// own. Such a match counts as the words side by side.
			fields = append(fields, prefixQ(fTitle, v, boostTitle), prefixQ(fBody, v, boostPhrase))
		}
		if i == 0 {
			alts = append(alts, bleve.NewDisjunctionQuery(fields...))
		} else {
			others = append(others, bleve.NewDisjunctionQuery(fields...))
		}
	}
	// The other forms are one clause beside the text as typed, so that a
	// document naming two of them (市应急管理局 and 应急管理局) does not
	// count twice, once per form and once more in the coordination factor,
	// and outrank the documents that write the unit as typed (应急局).
	if len(others) > 0 {
		alts = append(alts, disjunction(others...))
	}
	// 李县长, 吴市长: the archive's people of that surname named beside
	// that post, as documents write them (县长李翔, 吴庆文市长).
	if c.scope == "" && !c.phrase {
		if q := b.titledBySurname(text); q != nil {
			alts = append(alts, q)
		}
	}
	// 2021年 as a word of the query is also the year of the documents
	// (常务会议 2021年: that year's meetings, whether or not they write it);
	// not once the search settles for fewer words, where every document of
	// the year would crowd out the rarer words (2019年 吴刚).
	if y := yearWordRe.FindStringSubmatch(text); y != nil && !c.phrase && b.relax == allWords {
		alts = append(alts, termQ(fYear, y[1], boostKeyword))
	}
	return disjunction(alts...), nil
}

// maxSurnamePeople is how many of the archive's people of one surname a
// query of surname and post (李县长) asks for, the most frequent first.
const maxSurnamePeople = 24

// titledBySurname matches a person asked by surname and post, as people
// speak of officials (李县长, 吴市长, 欧阳副局长): each person of the archive
// with that surname, beside that post in the text (县委副书记、县长李翔,
// 吴庆文市长 — 副县长 holds 县长 as a sub-word, so 李县长 finds a 副县长 李
// too, as speech names one). nil for any other word, or where the names
// cannot be read (an index split into shards).
func (b clauseBuilder) titledBySurname(text string) query.Query {
	n := names.SurnameLen(text)
	if n == 0 || names.PostAt(text) == 0 { // 代市长 is a post, not 代 the surname
		return nil
	}
	sur, post := text[:n], text[n:]
	if names.PostAt(post) != 0 || utf8.RuneCountInString(post) > 6 {
		return nil
	}
	people := b.ix.peopleNamed(sur)
	if len(people) == 0 {
		return nil
	}
	var qs []query.Query
	for _, name := range people {
		for _, f := range []struct {
			field string
			boost float64
		}{{fTitle, boostTitle}, {fBody, boostPhrase}} {
			qs = append(qs, b.fieldQuery(f.field, post+name, true, f.boost), b.fieldQuery(f.field, name+post, true, f.boost))
		}
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// peopleNamed lists the people of the archive whose names begin with
// surname (two to four characters in all), the most frequent first, at most
// maxSurnamePeople.
func (ix *Index) peopleNamed(surname string) []string {
	fd, err := ix.bi.FieldDictPrefix(fPerson, []byte(surname))
	if err != nil {
		return nil
	}
	defer fd.Close()
	type person struct {
		name  string
		count uint64
	}
	var found []person
	for {
		e, err := fd.Next()
		if err != nil || e == nil {
			break
		}
		if n := utf8.RuneCountInString(e.Term); n >= 2 && n <= 4 {
			found = append(found, person{e.Term, e.Count})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].count > found[j].count })
	out := make([]string, 0, min(len(found), maxSurnamePeople))
	for _, p := range found[:min(len(found), maxSurnamePeople)] {
		out = append(out, p.name)
	}
	return out
}

// yearWordRe is a year typed as a word: 2021年.
var yearWordRe = regexp.MustCompile(`^((?:19|20)\d\d)年$`)

// wordPrefixOK reports a query word long enough to look for as the start
// of indexed words: four Han characters or more (shorter ones begin too
// many words), nothing else.
func wordPrefixOK(s string) bool {
	return phrasePrefixOK(s) && utf8.RuneCountInString(s) >= 4
}

func (ix *Index) fieldQuery(field, text string, phrase bool, r relax, boost float64) query.Query {
	if phrase {
		// A phrase of one token is that term: bleve's phrase searcher
		// would check its positions in every match for nothing (the
		// adjacency clause of every query word is such a phrase).
		if tok, ok := ix.singleToken(text); ok {
			return termQ(field, tok, boost)
		}
		if ix.phraseAn == nil {
			q := bleve.NewMatchPhraseQuery(text)
			q.SetField(field)
			q.Analyzer = ix.textAn
			q.SetBoost(boost)
			return q
		}
		if q := analyzedPhrase(ix.phraseAn, field, text, boost); q != nil {
			return q
		}
		return bleve.NewMatchNoneQuery()
	}
	if !ix.opts.Baseline {
		if q := ix.wordsQuery(field, text, r, boost); q != nil {
			return q
		}
	}
	q := bleve.NewMatchQuery(text)
	q.SetField(field)
	q.Analyzer = ix.textAn
	if r != anyWord {
		q.SetOperator(query.MatchQueryOperatorAnd)
	}
	q.SetBoost(boost)
	return q
}

// singleToken is text's only token under the query analysis, if it has
// exactly one.
func (ix *Index) singleToken(text string) (string, bool) {
	if ix.phraseAn == nil {
		return "", false
	}
	toks := ix.phraseAn.Analyze([]byte(text))
	if len(toks) != 1 {
		return "", false
	}
	return string(toks[0].Term), true
}

// phrasePrefixOK reports a phrase to look for as the start of indexed
// words: two Han characters or more, nothing else.
func phrasePrefixOK(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= 2
}

func prefixQ(field, prefix string, boost float64) query.Query {
	q := bleve.NewPrefixQuery(prefix)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

func termQ(field, term string, boost float64) query.Query {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

// wordsQuery matches the query's words like an AND match query, with two
// corrections for how gse cuts a query differently from a document:
//   - a compound word also matches its parts, side by side, when the
//     document's context split it: the query 府院联动机制 segments as
//     府/院/联动机制, while “府院联动”机制 in a document yields 联动, 机制;
//   - single characters are not matched anywhere in the document: a run of
//     them must appear together (常东旭 → 常/东/旭 must find the name, not
//     three characters apart), and a lone one next to the word before or
//     after it, as a phrase or as the joined sub-word (应急局 → 应急/局 must
//     not match every 局; 峄城区/全/生命周期 finds 全生命周期).
func (ix *Index) wordsQuery(field, text string, r relax, boost float64) query.Query {
	an := ix.queryAn
	if an == nil || ix.seg == nil {
		return nil
	}
	var toks, content []string
	for _, tok := range an.Analyze([]byte(text)) {
		toks = append(toks, string(tok.Term))
		if !questionWords[string(tok.Term)] {
			content = append(content, string(tok.Term))
		}
	}
	if len(toks) == 0 {
		return nil
	}
	// "吴庆文主持的常务会议有哪些": the words that ask say nothing a document
	// holds, and would make every word's match fail or drown the rest.
	if len(content) > 0 && len(content) < len(toks) {
		toks = content
	}
	// A number before a date unit joins the unit's run (2020年3月 is the
	// run 2020/年/3/月, side by side), or the year would be lost.
	single := func(i int) bool {
		return utf8.RuneCountInString(toks[i]) == 1 || isDigits(toks[i]) && i+1 < len(toks) && dateUnits[toks[i+1]]
	}
	adjacent := func(ws ...string) []query.Query {
		return []query.Query{newPhrase(field, ws, boost), termQ(field, strings.Join(ws, ""), boost)}
	}
	// Boosts go on the leaves: bleve ignores them on conjunctions and
	// disjunctions.
	var words []query.Query
	seen := map[string]bool{}
	for i := 0; i < len(toks); {
		j := i + 1
		if !single(i) {
			w := toks[i]
			if !seen[w] {
				seen[w] = true
				alts := []query.Query{termQ(field, w, boost)}
				if parts := ix.parts(w); len(parts) > 1 {
					// Adjacent, or 政府工作报告 would match 政府 … 工作 … 报告
					// anywhere in a long document.
					alts = append(alts, newPhrase(field, parts, boost))
				}
				// A government by its short name (浙江省政府) is also the
				// full one its documents and titles write (浙江省人民政府).
				alts = append(alts, ix.governmentForms(field, w, r, boost)...)
				words = append(words, disjunction(alts...))
			}
			i = j
			continue
		}
		for j < len(toks) && single(j) {
			j++
		}
		run := toks[i:j]
		var alts []query.Query
		switch {
		case len(run) > 1: // a name or abbreviation cut into characters
			alts = adjacent(run...)
		case i == 0 && j == len(toks):
			alts = []query.Query{termQ(field, run[0], boost)}
			// A query of one character is mostly a word being typed (苏
			// for 苏州): the words it begins match too, below the
			// character alone.
			if r, _ := utf8.DecodeRuneInString(run[0]); unicode.Is(unicode.Han, r) {
				alts = append(alts, prefixQ(field, run[0], boost*prefixBoost))
			}
		default: // one character belongs to the word before or after it
			if i > 0 {
				alts = append(alts, adjacent(toks[i-1], run[0])...)
			}
			if j < len(toks) {
				alts = append(alts, adjacent(run[0], toks[j])...)
			}
		}
		words = append(words, disjunction(alts...))
		i = j
	}
	// Two words of two characters typed as one (安全生产, 献血条例) are one
	// term to the reader: side by side, not anywhere in a long document;
	// apart only when nothing has them together (the first relaxed step).
	if len(toks) == 2 && len(words) == 2 && utf8.RuneCountInString(toks[0]) == 2 && utf8.RuneCountInString(toks[1]) == 2 && !ix.namesPlace(toks) {
		switch r {
		case allWords:
			return disjunction(adjacent(toks...)...)
		case 1:
			return bleve.NewConjunctionQuery(words...)
		}
	}
	if len(words) == 1 || r != allWords {
		return combine(words, r)
	}
	// The whole text may be indexed as one sub-word of a longer name
	// (卫生健康委 inside 市卫生健康委) that the query cut into words.
	return bleve.NewDisjunctionQuery(bleve.NewConjunctionQuery(words...), termQ(field, strings.Join(toks, ""), boost))
}

// governmentForms matches the other forms of a government's name w
// (浙江省政府 → 浙江省人民政府); nil for any other word.
func (ix *Index) governmentForms(field, w string, r relax, boost float64) []query.Query {
	fm, ok := ix.opts.Departments.(*formsMemo)
	if !ok || !strings.HasSuffix(w, "政府") || strings.HasSuffix(w, "人民政府") || utf8.RuneCountInString(w) < 4 {
		return nil
	}
	var out []query.Query
	for _, f := range fm.FilterForms(w) {
		// Only the forms that keep the whole place (not 东区人民政府 for
		// 攀枝花市东区政府: every city has an 东区).
		if f = ix.simplify(f); f != w && samePlace(f, w) && len(out) < maxVariants {
			out = append(out, ix.fieldQuery(field, f, true, r, boost))
		}
	}
	return out
}

// samePlace reports whether two forms of a name open with the same two
// characters, the start of the place they name.
func samePlace(a, b string) bool {
	ra, na := utf8.DecodeRuneInString(a)
	rb, nb := utf8.DecodeRuneInString(b)
	ra2, _ := utf8.DecodeRuneInString(a[na:])
	rb2, _ := utf8.DecodeRuneInString(b[nb:])
	return na < len(a) && nb < len(b) && ra == rb && ra2 == rb2
}

// ordinalsInDigits writes the ordinals of s in digits (第四十二次 → 第42次),
// or returns "" when it has none.
func ordinalsInDigits(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range ordinals([]byte(s)) {
		n, ok := norm.ParseNumber(s[m[4]:m[5]])
		if !ok || n <= 0 {
			continue
		}
		b.WriteString(s[last:m[4]])
		b.WriteString(strconv.Itoa(n))
		last = m[5]
	}
	if last == 0 {
		return ""
	}
	b.WriteString(s[last:])
	return b.String()
}

// bracketYearRe is a 文号's year typed alone, in its brackets or their
// stand-ins (〔2020〕, [2020], 【2020】).
var bracketYearRe = regexp.MustCompile(`^[〔\[【（(［]\s*((?:19|20)\d\d)\s*[〕\]】）)］]$`)

// dateUnits follow a number in a date.
var dateUnits = map[string]bool{"年": true, "月": true, "日": true}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// questionWords are the function words of a question typed as a query.
var questionWords = map[string]bool{
	"的": true, "了": true, "吗": true, "呢": true, "吧": true, "关于": true, "有关": true, "哪些": true, "有哪些": true,
	"什么": true, "怎么": true, "怎样": true, "如何": true, "是否": true, "请问": true, "哪个": true, "哪里": true, "多少": true,
	"有": true, "是": true, "和": true, "与": true, "及": true,
}

// parts splits a word along gse's first-level sub-segments (联动机制 →
// 联动/机制), or returns nil when it has none.
func (ix *Index) parts(w string) []string {
	if utf8.RuneCountInString(w) < 3 {
		return nil
	}
	segs := ix.seg().Segment([]byte(w))
	if len(segs) != 1 || segs[0].Token() == nil {
		return nil
	}
	var out []string
	for _, s := range segs[0].Token().Segments() {
		p := w[s.Start():s.End()]
		// Parts of two runes or more are indexed as sub-words wherever w is,
		// so every document with w also matches the parts and the extra
		// clause does not change its relative score. A one-rune part would.
		if utf8.RuneCountInString(p) < 2 || !hasLetterOrDigit([]byte(p)) {
			return nil
		}
		out = append(out, p)
	}
	return out
}

// namesPlace reports words of which one is a place or a person (苏州防汛,
// 吴某防汛): those are two things a document may name apart.
func (ix *Index) namesPlace(words []string) bool {
	for _, w := range words {
		if commonNouns[w] {
			continue
		}
		for _, tok := range ix.seg().Pos(w, false) {
			switch tok.Pos {
			case "ns", "nr", "nt":
				return true
			case segment.UserPOS:
				// A unit's name (住建局), not a word of two characters the
				// vocabulary also holds (政府 of 数字政府).
				if utf8.RuneCountInString(tok.Text) >= 3 {
					return true
				}
			}
		}
	}
	return false
}

// commonNouns are words gse tags as places or names that a query uses as
// ordinary words (智慧城市, 数字政府).
var commonNouns = map[string]bool{
	"城市": true, "政府": true, "智慧": true, "国家": true, "地方": true, "乡村": true, "农村": true, "城乡": true, "社区": true,
}

// maxTopicNorm is the most topics perTopic makes up for: beyond it the
// "topics" are a document's numbered paragraphs (a 工作规则's 52 articles,
// a 通知's 30 measures), whose match says no more than the body's, so they
// are not scaled at all. Capped instead, the 工作规则 outranked every
// minutes titled 常务会议.
const maxTopicNorm = 25

// perTopic scores a match in the topic titles more as if each title had a
// length norm of its own. All titles of a document are one field and share
// one norm, so the agenda item of a 20-topic minutes that is the query
// weighed a fraction of what it weighs in a one-topic report, and a
// one-line mention in another document's body outranked it. The match is
// multiplied by what BM25's length divisor of n typical titles is over that
// of one, with the field's average length of the index searched: about
// √n on a small archive, nearer n on a large one, whose average is shorter.
func (b clauseBuilder) perTopic(q query.Query) query.Query {
	if !b.ranked {
		return q
	}
	return topicNormQuery{q}
}

// topicNormQuery is perTopic's query. Not bleve's custom score query: that
// one looks up every match's external id, which doubled the time of a
// word found in the topic titles of 2,000 documents.
type topicNormQuery struct{ query.Query }

func (q topicNormQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, i, m, o)
	if err != nil {
		return nil, err
	}
	dv, err := i.DocValueReader([]string{fTopicCount})
	if err != nil {
		_ = s.Close()
		return nil, err
	}
	return &topicNormSearcher{Searcher: s, dv: dv, avg: topicAvgLen(ctx, i)}, nil
}

// topicAvgLen is the average length BM25 divides the topic titles' lengths
// by, as bleve's term searcher computes it; 0 when unknown.
func topicAvgLen(ctx context.Context, i index.IndexReader) float64 {
	var docs float64
	var card int
	if st, ok := ctx.Value(search.BM25StatsKey).(*search.BM25Stats); ok {
		docs, card = st.DocCount, st.FieldCardinality[fTopicTitle]
	} else if r, ok := i.(index.BM25Reader); ok {
		n, err := r.DocCount()
		if err != nil {
			return 0
		}
		docs = float64(n)
		if card, err = r.FieldCardinality(fTopicTitle); err != nil {
			return 0
		}
	}
	if docs == 0 || card == 0 {
		return 0
	}
	return math.Ceil(float64(card) / docs)
}

// topicTitleLen is a typical agenda item's title in index tokens (words
// and their sub-words): perTopic's estimate of one title's length.
const topicTitleLen = 12

type topicNormSearcher struct {
	search.Searcher
	dv  index.DocValueReader
	avg float64
}

// factor is what the shared norm takes from a match among n titles, next
// to one title alone: BM25's length divisor of n titles over that of one.
func (s *topicNormSearcher) factor(n int) float64 {
	if s.avg == 0 {
		return math.Sqrt(float64(n))
	}
	div := func(l float64) float64 { return 1 + search.BM25_k1*(1-search.BM25_b+search.BM25_b*l/s.avg) }
	return div(float64(n*topicTitleLen)) / div(topicTitleLen)
}

func (s *topicNormSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	if d == nil || err != nil {
		return d, err
	}
	return d, s.scale(d)
}

func (s *topicNormSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	if d == nil || err != nil {
		return d, err
	}
	return d, s.scale(d)
}

func (s *topicNormSearcher) scale(d *search.DocumentMatch) error {
	n := 0
	err := s.dv.VisitDocValues(d.IndexInternalID, func(_ string, term []byte) {
		n, _ = strconv.Atoi(string(term))
	})
	if n > 1 && n <= maxTopicNorm {
		d.Score *= s.factor(n)
	}
	return err
}
