package index

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/go-ego/gse"

	"govarchive/internal/norm"
	"govarchive/internal/segment"
)

// Names registered with bleve. They are persisted in the index metadata, so
// every binary that opens an index must import this package.
const (
	tokenizerType   = "gse"
	indexTokenizer  = "gse_index_tok"
	queryTokenizer  = "gse_query_tok"
	indexAnalyzer   = "gse_index"
	queryAnalyzer   = "gse_query"
	modeIndex       = "index"
	modeQuery       = "query"
	analysisVersion = "gse-8" // bump when tokenization or the fields change: old indexes need a reindex
)

// sharedSeg gives the process-wide segmenter the registered tokenizer uses.
// bleve builds tokenizers through its global registry from a config map that
// is serialised into the index, so a constructor cannot be handed a Go value;
// and loading a gse dictionary costs 1-2 s and 130 MB, so it must not happen
// per index. Open stores the segmenter here (a function: it may still be
// loading, see Options.SegmenterLoading); this is the package's only mutable
// state.
var sharedSeg atomic.Pointer[func() *gse.Segmenter]

func init() {
	if err := registry.RegisterTokenizer(tokenizerType, newTokenizer); err != nil {
		panic(fmt.Sprintf("index: register tokenizer: %v", err))
	}
}

func newTokenizer(config map[string]interface{}, _ *registry.Cache) (analysis.Tokenizer, error) {
	seg := sharedSeg.Load()
	if seg == nil {
		return nil, fmt.Errorf("index: gse tokenizer used before Open set a segmenter")
	}
	mode, _ := config["mode"].(string)
	switch mode {
	case modeIndex, "":
		return &tokenizer{load: *seg, sub: true}, nil
	case modeQuery:
		return &tokenizer{load: *seg}, nil
	}
	return nil, fmt.Errorf("index: unknown gse tokenizer mode %q", mode)
}

// tokenizer turns text into gse words with exact byte offsets. In index mode
// (sub=true) each word is followed by its dictionary sub-words of two runes
// or more at the same position, so 审计 finds 审计工作规定 while the phrase
// 人民共和国 still matches 中华人民共和国 (tokens sharing a position are
// alternatives in a phrase). Query mode emits the top-level words only: a
// query analysed with sub-words would let a phrase match unrelated words.
type tokenizer struct {
	load func() *gse.Segmenter // waits for the dictionary if it is loading
	seg  *gse.Segmenter        // set, or load's in the copy that cuts one text
	sub  bool
}

func (tz *tokenizer) Tokenize(in []byte) analysis.TokenStream {
	// A word a hard-wrapped text (a PDF's text layer, a fixed-width page)
	// breaks across lines ("实施意\n见"), or a page breaks with the pinyin
	// it prints after a character (區(qū)政府), is one word: cut the text
	// without those breaks and map the offsets back.
	if joined, back := joinLayout(in); joined != nil {
		rv := tz.tokenizeWidths(joined)
		for _, tok := range rv {
			// The term stays the joined word; the span covers the break.
			tok.Start, tok.End = back[tok.Start], back[tok.End-1]+1
		}
		return rv
	}
	return tz.tokenizeWidths(in)
}

// joinLayout removes what the layout of a source puts inside words: the
// line breaks that stand between two Han characters with nothing else
// around them (a new paragraph is indented, a sentence ends in
// punctuation), and the pinyin reading a page prints after a Han character
// (會(huì)議: 会议 to a reader, 会/huì/议 to gse). It returns nil when there are
// none; otherwise back[i] is the offset in the input of byte i of the
// joined text.
func joinLayout(in []byte) (joined []byte, back []int) {
	gaps := readingGaps(in)
	// hanBefore is the rune before in[:j], a reading after it skipped
	// (會(huì)\n議 wraps between 會 and 議).
	var readingAt map[int]int // a reading's end → its start
	if len(gaps) > 0 {
		readingAt = make(map[int]int, len(gaps))
		for _, g := range gaps {
			readingAt[g[1]] = g[0]
		}
	}
	hanBefore := func(j int) bool {
		if start, ok := readingAt[j]; ok {
			j = start
		}
		prev, _ := utf8.DecodeLastRune(in[:j])
		return isHanRune(prev)
	}
	wrapAt := func(i int) (int, bool) { // in[i] is '\n'; the gap starts at j
		j := i
		if j > 0 && in[j-1] == '\r' {
			j--
		}
		next, _ := utf8.DecodeRune(in[i+1:])
		return j, isHanRune(next) && hanBefore(j)
	}
	for i := bytes.IndexByte(in, '\n'); i >= 0; {
		if j, ok := wrapAt(i); ok {
			gaps = append(gaps, [2]int{j, i + 1})
		}
		k := bytes.IndexByte(in[i+1:], '\n')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	if len(gaps) == 0 {
		return nil, nil
	}
	sort.Slice(gaps, func(a, b int) bool { return gaps[a][0] < gaps[b][0] })
	joined = make([]byte, 0, len(in))
	back = make([]int, 0, len(in)+1)
	from := 0
	for _, g := range gaps {
		if g[0] < from { // (a reading ending in a break already dropped)
			g[0] = from
		}
		for i := from; i < g[0]; i++ {
			joined = append(joined, in[i])
			back = append(back, i)
		}
		from = max(from, g[1])
	}
	for i := from; i < len(in); i++ {
		joined = append(joined, in[i])
		back = append(back, i)
	}
	back = append(back, len(in))
	return joined, back
}

// readingGaps finds the pinyin readings printed after Han characters
// (區(qū), 會（huì）), in order.
func readingGaps(in []byte) [][2]int {
	var gaps [][2]int
	for i := 0; i < len(in); {
		k := bytes.IndexAny(in[i:], "(（")
		if k < 0 {
			break
		}
		at := i + k
		i = at + 1
		if prev, _ := utf8.DecodeLastRune(in[:at]); !isHanRune(prev) {
			continue
		}
		if n := readingLen(string(in[at:min(len(in), at+maxReadingBytes)])); n > 0 {
			gaps = append(gaps, [2]int{at, at + n})
			i = at + n
		}
	}
	return gaps
}

// maxReadingBytes bounds a reading in brackets: (zhuàng) in full-width
// brackets is 13 bytes.
const maxReadingBytes = 24

// readingLen returns the byte length of the pinyin reading s opens with
// ("(qū)政府" → 5), or 0: in brackets, lower-case letters with a tone mark,
// which a list marker (一) or an English word in brackets has not.
func readingLen(s string) int {
	var j int
	switch {
	case strings.HasPrefix(s, "("):
		j = 1
	case strings.HasPrefix(s, "（"):
		j = len("（")
	default:
		return 0
	}
	toned := false
	for n := 0; j < len(s) && n <= 7; n++ {
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == ')' || r == '）':
			if toned && n > 0 {
				return j + size
			}
			return 0
		case r >= 'a' && r <= 'z' || r == 'ü':
		case strings.ContainsRune(toneMarked, r):
			toned = true
		default:
			return 0
		}
		j += size
	}
	return 0
}

// toneMarked are the vowels of pinyin written with a tone mark.
const toneMarked = "āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ"

// tokenizeWidths tokenizes in, folding full-width forms first.
func (tz *tokenizer) tokenizeWidths(in []byte) analysis.TokenStream {
	t := *tz
	if t.seg == nil {
		t.seg = t.load()
	}
	// gse cuts full-width Latin and digits one character at a time
	// (ＡＢＣ → Ａ/Ｂ/Ｃ), so segment a half-width copy and map its offsets
	// back: tokens keep pointing into the original bytes.
	if folded, back := foldWidth(in); folded != nil {
		rv := t.tokenize(folded)
		for _, tok := range rv {
			// (The digits of an ordinal are terms of their own.)
			own := string(tok.Term) != string(folded[tok.Start:tok.End])
			tok.Start, tok.End = back[tok.Start], back[tok.End]
			if !own {
				tok.Term = in[tok.Start:tok.End]
			}
		}
		return rv
	}
	return t.tokenize(in)
}

// pieceEnds returns where the pieces of in that gse cuts one by one end: after
// a date's unit (年, 月, 日 after a digit) where a Han character follows, as
// gse reads 2020年老旧小区改造 as 2020/年老/旧/小区/改造, hiding 老旧, and
// 10日前报 as 10/日前/报; and at the end of in.
func pieceEnds(in []byte) []int {
	var ends []int
	for i := 1; i+3 < len(in); i++ {
		if in[i-1] < '0' || in[i-1] > '9' || in[i] != 0xE5 && in[i] != 0xE6 {
			continue
		}
		if u := string(in[i : i+3]); u == "年" || u == "月" || u == "日" {
			if r, _ := utf8.DecodeRune(in[i+3:]); unicode.Is(unicode.Han, r) {
				ends = append(ends, i+3)
			}
		}
	}
	return append(ends, len(in))
}

func (t *tokenizer) tokenize(in []byte) analysis.TokenStream {
	r := tokenRun{prevStart: -1}
	from := 0
	for _, to := range pieceEnds(in) {
		segs := t.seg.Segment(in[from:to])
		if r.rv == nil {
			r.rv = make(analysis.TokenStream, 0, (len(segs)+len(segs)/4)*len(in)/max(to, 1))
		}
		t.tokens(&r, in, segs, from)
		from = to
	}
	if t.sub {
		r.rv = ordinalDigits(r.rv, in)
	}
	return r.rv
}

// cnNumerals are the characters of a Chinese numeral.
const cnNumerals = "〇零一二三四五六七八九十百两"

// ordinals finds a meeting's or a term's number in Chinese numerals
// (第四十二次, 十七届, 第八期) as submatch indexes: the whole, 第 (empty when
// absent), the numerals, the unit. It scans for the unit first: a regexp
// over every text was a third of tokenizing.
func ordinals(in []byte) [][]int {
	var out [][]int
	for i := 0; i+3 <= len(in); i++ {
		if in[i] != 0xE6 && in[i] != 0xE5 { // the first byte of 次/期 and 届/号
			continue
		}
		u := in[i : i+3]
		if !(string(u) == "次" || string(u) == "届" || string(u) == "期" || string(u) == "号") {
			continue
		}
		start, n := i, 0
		for start > 0 && n < 6 {
			r, size := utf8.DecodeLastRune(in[:start])
			if !strings.ContainsRune(cnNumerals, r) {
				break
			}
			start -= size
			n++
		}
		if n == 0 {
			continue
		}
		first := start
		if strings.HasSuffix(string(in[:start]), "第") {
			first = start - len("第")
		}
		out = append(out, []int{first, i + 3, first, start, start, i, i, i + 3})
	}
	return out
}

// ordinalDigits adds the number of 第四十二次 in digits, as 第42次 is written
// (42, 第42, 42次), at the position of the token where it starts: gse cuts
// the numerals anyhow (第四/十二次), and users type either form.
func ordinalDigits(rv analysis.TokenStream, in []byte) analysis.TokenStream {
	if !utf8.Valid(in) {
		return rv
	}
	from := 0 // matches come in order: search on from the last one's token
	for _, m := range ordinals(in) {
		n, ok := norm.ParseNumber(string(in[m[4]:m[5]]))
		if !ok || n <= 0 {
			continue
		}
		at := -1 // the token the number starts in
		for i := from; i < len(rv); i++ {
			if tok := rv[i]; tok.Start <= m[0] && m[0] < tok.End {
				at = i
				break
			}
		}
		if at < 0 {
			continue
		}
		pos := rv[at].Position
		d := strconv.Itoa(n)
		terms := []string{d, d + string(in[m[6]:m[7]])}
		if m[3] > m[2] {
			terms = append(terms, "第"+d)
		}
		extra := make(analysis.TokenStream, 0, len(terms))
		for _, term := range terms {
			extra = append(extra, &analysis.Token{Start: m[0], End: m[1], Term: []byte(term), Position: pos, Type: analysis.Numeric})
		}
		// After the tokens at that position, so positions never decrease.
		end := at + 1
		for end < len(rv) && rv[end].Position == pos {
			end++
		}
		rv = append(rv[:end], append(extra, rv[end:]...)...)
		from = end + len(extra)
	}
	return rv
}

// tokenRun is the token stream of a text, built piece by piece.
type tokenRun struct {
	rv                 analysis.TokenStream
	pos                int // the last position so far
	prevStart, prevEnd int // the last word's bytes; prevStart -1 when none adjoins
}

// tokens appends the tokens of the piece of in at byte off whose words gse
// cut as segs.
func (t *tokenizer) tokens(r *tokenRun, in []byte, segs []gse.Segment, off int) {
	for i := range segs {
		s := &segs[i]
		st, en := off+s.Start(), off+s.End()
		if st < 0 || en > len(in) || st >= en || !hasLetterOrDigit(in[st:en]) {
			r.prevStart = -1
			continue
		}
		rest := -1 // where the word goes on after a place's level it took
		if t.sub && r.prevStart >= 0 && r.prevEnd == st {
			var placed bool
			if r.rv, placed = t.placeLevel(r.rv, in, en, r.prevStart, st, r.pos); placed {
				_, n := utf8.DecodeRune(in[st:])
				rest = st + n
			}
		}
		r.prevStart, r.prevEnd = st, en
		r.pos++
		pos := r.pos
		mark := len(r.rv)
		r.rv = append(r.rv, &analysis.Token{Start: st, End: en, Term: in[st:en], Position: pos, Type: tokenType(in[st:en])})
		if t.sub && utf8.RuneCount(in[st:en]) >= 3 {
			r.rv = t.placeStem(r.rv, in, st, en, pos)
			if tok := s.Token(); tok != nil && tok.Pos() == segment.UserPOS {
				r.rv = t.userSubwords(r.rv, in, st, en, pos)
			} else if tok != nil {
				subs := len(r.rv)
				r.rv = appendSubwords(r.rv, in, tok.Segments(), st, pos, 0)
				r.rv = t.edgeWords(r.rv, subs, in, st, en, pos, true)
			}
		}
		if rest > 0 && rest < en && !slices.ContainsFunc(r.rv[mark:], func(tok *analysis.Token) bool { return tok.Start == rest && tok.End == en }) {
			// 舒兰|市府|院联动: gse took the level into the next word (市府),
			// hiding 府 of 府院联动; the word without it is there too.
			r.rv = append(r.rv, &analysis.Token{Start: rest, End: en, Term: in[rest:en], Position: pos, Type: tokenType(in[rest:en])})
		}
	}
}

// placeLevel adds a place's name with its level where the next word starts
// with the level: the archive name 县人民政府 cuts 宁乡县人民政府 as
// 宁乡/县人民政府 (and gse cuts 镇巴/县政府), so 宁乡县 would find nothing. The
// word before spans [ps:st) and holds position pos; it and the level must
// make a place name of gse's dictionary (not 会同县 in 会同县财政局).
// It reports whether it did.
func (t *tokenizer) placeLevel(rv analysis.TokenStream, in []byte, en, ps, st, pos int) (analysis.TokenStream, bool) {
	first, n := utf8.DecodeRune(in[st:])
	if !adminLevel[first] || utf8.RuneCount(in[st:en]) < 2 || utf8.RuneCount(in[ps:st]) < 2 {
		return rv, false
	}
	w := in[ps : st+n]
	// A noun of gse's dictionary (it tags places ns, n or nt alike), not
	// a verb that ends where a unit starts (会同县 of 会同县财政局).
	if _, tag, ok := t.seg.Find(string(w)); !ok || !strings.HasPrefix(tag, "n") || joinVerbs[string(in[ps:st])] {
		return rv, false
	}
	return append(rv, &analysis.Token{Start: ps, End: st + n, Term: w, Position: pos, Type: analysis.Ideographic}), true
}

// placeStem adds a place's name without its level (历下 of 历下区, 赛罕 of
// 赛罕区), which users type alone and gse's own sub-words miss when the
// name is one dictionary word.
func (t *tokenizer) placeStem(rv analysis.TokenStream, in []byte, st, en, pos int) analysis.TokenStream {
	last, n := utf8.DecodeLastRune(in[st:en])
	if !placeLevels[last] || utf8.RuneCount(in[st:en-n]) < 2 {
		return rv
	}
	for _, tok := range rv[max(len(rv)-8, 0):] {
		if tok.Start == st && tok.End == en-n {
			return rv
		}
	}
	return append(rv, &analysis.Token{Start: st, End: en - n, Term: in[st : en-n], Position: pos, Type: analysis.Ideographic})
}

// edgeWords adds the dictionary words a word starts or ends with. gse's
// sub-segment tree follows one shortest path and so misses some (惠州市 →
// 惠/州市 loses 惠州); words inside the middle are left out on purpose, as
// they are mostly accidents of adjacent characters (民法 in 人民法院).
// rv[mark:] holds the sub-words already emitted for this word.
func (t *tokenizer) edgeWords(rv analysis.TokenStream, mark int, in []byte, st, en, pos int, suffixes bool) analysis.TokenStream {
	w := in[st:en]
	var cuts []int // byte offsets of rune boundaries inside w
	for i := range string(w) {
		if i > 0 {
			cuts = append(cuts, i)
		}
	}
	has := func(s, e int) bool {
		for _, tok := range rv[mark:] {
			if tok.Start == s && tok.End == e {
				return true
			}
		}
		return false
	}
	add := func(s, e int) {
		if has(s, e) || !hasLetterOrDigit(in[s:e]) {
			return
		}
		// Frequency 0 marks a trie prefix (综合治), not a word.
		if f, _, ok := t.seg.Find(string(in[s:e])); ok && f >= 2 {
			rv = append(rv, &analysis.Token{Start: s, End: e, Term: in[s:e], Position: pos, Type: tokenType(in[s:e])})
		}
	}
	for i, c := range cuts {
		if i >= 1 { // prefixes of at least two runes
			add(st, st+c)
		}
		if suffixes && len(cuts)-i >= 2 { // suffixes of at least two runes
			add(st+c, en)
		}
	}
	return rv
}

// appendSubwords walks gse's sub-segment tree. Sub-segment offsets are
// relative to their parent word, hence base.
func appendSubwords(rv analysis.TokenStream, in []byte, subs []*gse.Segment, base, pos, depth int) analysis.TokenStream {
	if depth > 8 {
		return rv
	}
	for _, s := range subs {
		st, en := base+s.Start(), base+s.End()
		if st < base || en > len(in) || st >= en {
			continue
		}
		w := in[st:en]
		if utf8.RuneCount(w) >= 2 && hasLetterOrDigit(w) {
			rv = append(rv, &analysis.Token{Start: st, End: en, Term: w, Position: pos, Type: tokenType(w)})
		}
		if tok := s.Token(); tok != nil {
			rv = appendSubwords(rv, in, tok.Segments(), st, pos, depth+1)
		}
	}
	return rv
}

// userSubwords gives archive names (POS segment.UserPOS) their inner words.
// gse splits such a word by its own shortest path, which for 市民政局 yields
// 市民/政局 and would make 市民 match a department. Dropping a leading
// one-character administrative level (市/区/县…) first yields 民政局 → 民政,
// so 应急 finds 市应急局 without 市民 finding 市民政局. Person names (short,
// no organisational suffix) get no sub-words: 亚平 should not find 李亚平.
func (t *tokenizer) userSubwords(rv analysis.TokenStream, in []byte, st, en, pos int) analysis.TokenStream {
	w := in[st:en]
	first, n := utf8.DecodeRune(w)
	last, _ := utf8.DecodeLastRune(w)
	if utf8.RuneCount(w) <= 3 && !orgSuffix[last] {
		return rv
	}
	mark := len(rv)
	base := st
	if adminLevel[first] {
		base += n
		if utf8.RuneCount(in[base:en]) >= 2 {
			rv = append(rv, &analysis.Token{Start: base, End: en, Term: in[base:en], Position: pos, Type: analysis.Ideographic})
		}
	}
	segs := t.seg.Segment(in[base:en])
	for _, s := range segs {
		s0, s1 := base+s.Start(), base+s.End()
		sw := in[s0:s1]
		if !(s0 == base && s1 == en) && utf8.RuneCount(sw) >= 2 && hasLetterOrDigit(sw) {
			rv = append(rv, &analysis.Token{Start: s0, End: s1, Term: sw, Position: pos, Type: tokenType(sw)})
		}
		// Below the level prefix gse's own sub-segment tree is sound, also
		// for a remainder that is itself a user word (民政局 → 民政).
		if tok := s.Token(); tok != nil {
			rv = appendSubwords(rv, in, tok.Segments(), s0, pos, 0)
		}
	}
	// The name is usually one dictionary word whose cuts are its sub-segments.
	cuts := make([]*gse.Segment, 0, len(segs))
	for i := range segs {
		cuts = append(cuts, &segs[i])
	}
	if len(segs) == 1 && segs[0].Token() != nil && segs[0].Start() == 0 {
		cuts = segs[0].Token().Segments()
	}
	rv = t.spanningWords(rv, in, base, cuts, pos)
	// Prefixes only: the tail of a department name is its kind (局, 委员会),
	// and its dictionary suffixes are accidents (民政局 → 政局).
	return t.edgeWords(rv, mark, in, base, en, pos, false)
}

// spanningWords adds the dictionary words of four runes or more that start
// at a segment of a department name and end inside the next one: 住房城乡建设部
// cuts as 住房/城乡/建设部, which hides 城乡建设, a word users search for. Shorter
// words across a cut are mostly accidents of adjacent characters; four-rune
// ones inside an organisation's name are not.
func (t *tokenizer) spanningWords(rv analysis.TokenStream, in []byte, base int, segs []*gse.Segment, pos int) analysis.TokenStream {
	for i := 0; i+1 < len(segs); i++ {
		s0 := base + segs[i].Start()
		next0, next1 := base+segs[i+1].Start(), base+segs[i+1].End()
		for e := next0 + 1; e < next1 && e < len(in); e++ {
			if !utf8.RuneStart(in[e]) || utf8.RuneCount(in[s0:e]) < 4 {
				continue
			}
			if f, _, ok := t.seg.Find(string(in[s0:e])); ok && f >= 2 {
				rv = append(rv, &analysis.Token{Start: s0, End: e, Term: in[s0:e], Position: pos, Type: tokenType(in[s0:e])})
			}
		}
	}
	return rv
}

// Immutable lookup tables for userSubwords and placeLevel.
var (
	joinVerbs  = map[string]bool{"会同": true, "协同": true, "联合": true, "配合": true, "陪同": true, "责成": true}
	adminLevel = runeSet("省市区县镇乡州盟旗")
	// placeLevels end a place's name (历下区, 镇巴县, 阿左旗).
	placeLevels = runeSet("市区县旗盟州")
	orgSuffix   = runeSet("局委办厅院部会室处所队站社庭馆行司署科组团府台")
)

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

func hasLetterOrDigit(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		b = b[n:]
	}
	return false
}

func tokenType(b []byte) analysis.TokenType {
	r, _ := utf8.DecodeRune(b)
	switch {
	case unicode.Is(unicode.Han, r):
		return analysis.Ideographic
	case unicode.IsDigit(r):
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}

// foldWidth maps full-width ASCII forms (U+FF01–FF5E) to ASCII. It returns
// nil when there are none; otherwise back[i] is the offset in the input of
// byte i of the folded text (len(folded)+1 entries).
func foldWidth(in []byte) (folded []byte, back []int) {
	i := 0
	for i < len(in) {
		r, n := utf8.DecodeRune(in[i:])
		if r >= 0xFF01 && r <= 0xFF5E {
			break
		}
		i += n
	}
	if i == len(in) {
		return nil, nil
	}
	folded = make([]byte, 0, len(in))
	back = make([]int, 0, len(in)+1)
	for i := 0; i < len(in); {
		r, n := utf8.DecodeRune(in[i:])
		if r >= 0xFF01 && r <= 0xFF5E {
			folded = append(folded, byte(r-0xFF01+0x21))
			back = append(back, i)
		} else {
			folded = append(folded, in[i:i+n]...)
			for k := 0; k < n; k++ {
				back = append(back, i+k)
			}
		}
		i += n
	}
	back = append(back, len(in))
	return folded, back
}
