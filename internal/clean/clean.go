// Package clean turns decoded document text into the form extraction and
// indexing should see: simplified script, no pinyin annotations, no page
// clutter, normalised spaces, digits and punctuation. It keeps the line
// structure (lines and blank lines) because the extractor relies on it.
//
// The original text is never modified in place: callers keep it for display
// and pass the cleaned copy to the extractor.
package clean

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"

	"govarchive/internal/names"
)

// A text is judged traditional or simplified by the characters only one
// script has: those t2s changes (會, 議, 業) against those s2t changes (会,
// 议, 业). A traditional text has at least as many of the first; a simplified
// text with some traditional words (工業, 會議) or a name that keeps a
// traditional character (王颺) has far more of the second, however short.

// dedupMinRunes is the length from which a repeated line counts as a
// duplicated paragraph; shorter lines (会议还研究了其他事项。) may repeat legitimately.
const dedupMinRunes = 16

// sentencePunct marks a line as prose. Titles, issuer lines and labelled
// fields (会议地点：…) have none and may legitimately repeat: a title in the
// page header and again above the body, a field in each entry of a list.
const sentencePunct = "，。；！？"

// Cleaner holds the loaded conversion tables. Build it once with New and
// share it: its methods only read it and are safe for concurrent use.
type Cleaner struct {
	t2s       *opencc.OpenCC
	syllables map[string]bool // tone-less pinyin syllables (v for ü)
	// traditional holds the characters t2s changes on their own, simplified
	// those s2t changes; counting them decides whether a document is
	// traditional without converting it.
	traditional, simplified map[rune]bool
	// folds maps each traditional character to the one simplified
	// character t2s gives it alone (於→于, 韓→韩), for finding how a
	// document wrote a name the extractor read in simplified form.
	folds map[rune]rune
}

// New loads the traditional→simplified dictionaries and the pinyin syllable
// table.
func New() (*Cleaner, error) {
	cc, err := opencc.New("t2s")
	if err != nil {
		return nil, fmt.Errorf("clean: load opencc t2s: %w", err)
	}
	folds, err := changedSet(cc)
	if err != nil {
		return nil, err
	}
	for from, to := range variantFolds {
		folds[from] = to
	}
	s2t, err := opencc.New("s2t")
	if err != nil {
		return nil, fmt.Errorf("clean: load opencc s2t: %w", err)
	}
	s2tFolds, err := changedSet(s2t)
	if err != nil {
		return nil, err
	}
	return &Cleaner{t2s: cc, syllables: buildSyllables(), traditional: keys(folds), simplified: keys(s2tFolds), folds: folds}, nil
}

func keys(m map[rune]rune) map[rune]bool {
	out := make(map[rune]bool, len(m))
	for r := range m {
		out[r] = true
	}
	return out
}

// changedSet converts every CJK unified ideograph once, one per line so
// that no phrase spans two of them, and maps those that change to what they
// become (their first character when a conversion yields several).
func changedSet(cc *opencc.OpenCC) (map[rune]rune, error) {
	var b strings.Builder
	for r := rune(0x3400); r <= 0x9FFF; r++ {
		b.WriteRune(r)
		b.WriteByte('\n')
	}
	out, err := cc.Convert(b.String())
	if err != nil {
		return nil, fmt.Errorf("clean: build traditional set: %w", err)
	}
	in := strings.Split(b.String(), "\n")
	conv := strings.Split(out, "\n")
	if len(in) != len(conv) {
		return nil, fmt.Errorf("clean: build traditional set: conversion changed the line count")
	}
	set := make(map[rune]rune, 4096)
	for i := range in {
		if in[i] != conv[i] && conv[i] != "" {
			set[[]rune(in[i])[0]] = []rune(conv[i])[0]
		}
	}
	return set, nil
}

// Simplify converts traditional characters to simplified ones and leaves
// everything else as is. It always converts, so a query and the index text
// it is matched against agree whatever script either was written in.
func (c *Cleaner) Simplify(s string) string {
	if !hasHan(s) {
		return s
	}
	out, err := c.t2s.Convert(s)
	if err != nil {
		// opencc only fails on a corrupt embedded dictionary, which New
		// would already have reported; the text is still usable unchanged.
		out = s
	}
	return foldVariants(out)
}

// variantFolds are variant forms that Hong Kong, Taiwan and old or OCR'd
// texts write and opencc's t2s leaves as they are (市衞生局, 淸理): each
// has one simplified form, and none is itself a simplified character.
var variantFolds = map[rune]rune{
	'衞': '卫', '槪': '概', '竝': '并', '囘': '回', '靑': '青', '淸': '清', '値': '值', '吿': '告',
	'敍': '叙', '兎': '兔', '浄': '净', '夀': '寿', '汚': '污', '粧': '妆', '呑': '吞', '簒': '篡',
}

// foldVariants replaces the variantFolds, rune for rune, so offsets hold.
func foldVariants(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { _, ok := variantFolds[r]; return ok }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if to, ok := variantFolds[r]; ok {
			return to
		}
		return r
	}, s)
}

// Normalize applies the full clean-up the extractor runs on. See the package
// documentation and the rule tables in rules.go.
func (c *Cleaner) Normalize(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = stripInvisible(text)
	text = stripHTMLTags(text)
	text = unescapeEntities(text)
	text = c.removePinyin(text)
	text = c.simplifyDocument(text)

	lines := strings.Split(text, "\n")
	footerFrom := footerStart(lines)
	furniture := pageFurniture(lines)
	out := make([]string, 0, len(lines))
	for i, line := range lines {
		if furniture[i] {
			continue
		}
		line, keep := cleanLine(line, i >= footerFrom)
		if !keep {
			continue
		}
		out = append(out, line)
	}
	out = dedupParagraphs(out)
	return joinLines(out)
}

// simplifyDocument converts the text to simplified script. A document
// written in traditional script (see the counts above) is converted whole. A
// mostly simplified one is converted character by character, except for a
// traditional character standing where a given name does (after a surname,
// followed by what follows names, with no traditional neighbour), so 工業 and
// 會議 become 工业 and 会议 while 王颺 keeps its name.
func (c *Cleaner) simplifyDocument(text string) string {
	trad, simp := c.scriptCounts(text)
	if trad == 0 {
		return text
	}
	if trad >= simp {
		return c.Simplify(text)
	}
	return c.simplifyMixed(text)
}

// scriptCounts counts the characters only the traditional script has and
// those only the simplified one has.
func (c *Cleaner) scriptCounts(text string) (trad, simp int) {
	for _, r := range text {
		if r < 0x3400 {
			continue
		}
		if c.traditional[r] {
			trad++
		} else if c.simplified[r] {
			simp++
		}
	}
	return trad, simp
}

// simplifyMixed converts a mostly simplified text, keeping the traditional
// characters that stand in a name position. The context of a character skips
// spaces and line breaks, so a name wrapped across lines (王\n颺) is still a
// name.
func (c *Cleaner) simplifyMixed(text string) string {
	rs := []rune(text)
	var keep []int
	for i, r := range rs {
		if c.traditional[r] && (c.namePosition(rs, i) || c.keptInName(rs, i)) {
			keep = append(keep, i)
		}
	}
	out := []rune(c.Simplify(text))
	if len(out) != len(rs) {
		// A phrase mapping changed the length, so positions no longer
		// line up: put the kept characters back by converting around them.
		var b strings.Builder
		from := 0
		for _, k := range keep {
			b.WriteString(c.Simplify(string(rs[from:k])))
			b.WriteRune(rs[k])
			from = k + 1
		}
		b.WriteString(c.Simplify(string(rs[from:])))
		return b.String()
	}
	for _, k := range keep {
		out[k] = rs[k]
	}
	return string(out)
}

// hanContext returns up to two Han characters before position i and four
// after it (skipping spaces and line breaks, stopping at anything else), the
// index of rs[i] in the result, and which characters had a space or line
// break before them.
func hanContext(rs []rune, i int) (ctx []rune, k int, gap []bool) {
	var before []rune
	for j := i - 1; j >= 0 && len(before) < 2; j-- {
		if isSpaceRune(rs[j]) {
			continue
		}
		if !isHanRune(rs[j]) {
			break
		}
		before = append([]rune{rs[j]}, before...)
	}
	ctx = append(before, rs[i])
	gap = make([]bool, len(ctx), len(before)+5)
	spaced := false
	for j := i + 1; j < len(rs) && len(ctx) < len(before)+5; j++ {
		if isSpaceRune(rs[j]) {
			spaced = true
			continue
		}
		if !isHanRune(rs[j]) {
			break
		}
		ctx = append(ctx, rs[j])
		gap = append(gap, spaced)
		spaced = false
	}
	return ctx, len(before), gap
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\u3000' }

// nameFollowers are the words that follow a person's name in government
// prose and lists (王颺出席会议, 陈志颺同志, 王颺、…); a name candidate
// followed by anything else is more likely part of a word (高質量).
var nameFollowers = []string{
	"出席", "参加", "列席", "主持", "同志", "等", "任", "为", "在", "讲话", "说", "指出", "强调", "和", "与", "及",
	"市", "县", "区", "镇", "乡", "省", "副", "主任", "局长", "书记",
}

// namePosition reports whether the traditional character rs[i] stands where
// a given name character does: in a plausible name of two or three
// characters that starts with a surname, ends the run or a spaced list item
// or is followed by a word that follows names, and has no traditional character next to it
// (會議, 關於 are words, not names).
func (c *Cleaner) namePosition(rs []rune, i int) bool {
	run, k, gap := hanContext(rs, i)
	if k > 0 && c.traditional[run[k-1]] || k+1 < len(run) && c.traditional[run[k+1]] {
		return false
	}
	for start := k - 2; start <= k-1; start++ {
		if start < 0 || !names.IsSurname(string(run[start])) {
			continue
		}
		for end := k + 1; end <= start+3 && end <= len(run); end++ {
			if !names.Plausible(c.Simplify(string(run[start:end]))) {
				continue
			}
			rest := c.Simplify(string(run[end:]))
			if rest == "" || gap[end] {
				return true // the name ends the run or a spaced list item
			}
			for _, f := range nameFollowers {
				if strings.HasPrefix(rest, f) {
					return true
				}
			}
		}
	}
	return false
}

// keptInName reports a character of nameChars that a simplified text
// writes on purpose: such a text writes 宁, 升 and 干 for the words, so 甯,
// 昇 or 乾 is a name's, and 於 opens one (会议由於明主持) unless a
// traditional neighbour makes it part of a word copied from traditional
// text (關於).
func (c *Cleaner) keptInName(rs []rune, i int) bool {
	r := rs[i]
	if !nameChars[r] {
		return false
	}
	if r != '於' {
		return true
	}
	run, k, gap := hanContext(rs, i)
	if k > 0 && c.traditional[run[k-1]] || k+1 < len(run) && c.traditional[run[k+1]] {
		return false
	}
	// As for a given name: the name must end the run or a spaced item, or
	// be followed by what follows names (於明主持, not 於加强工作).
	for end := k + 2; end <= k+3 && end <= len(run); end++ {
		if !names.Plausible(c.Simplify(string(run[k:end]))) {
			continue
		}
		rest := c.Simplify(string(run[end:]))
		if rest == "" || gap[end] {
			return true
		}
		for _, f := range nameFollowers {
			if strings.HasPrefix(rest, f) {
				return true
			}
		}
	}
	return false
}

func isHanRune(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// joinLines joins lines, collapsing runs of blank lines into one and trimming
// blank lines at both ends: a removed clutter line must not leave a gap the
// extractor would read as a section break.
func joinLines(lines []string) string {
	var b strings.Builder
	blank := false
	wrote := false
	for _, l := range lines {
		if l == "" {
			blank = wrote
			continue
		}
		if wrote {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l)
		wrote, blank = true, false
	}
	return b.String()
}

// dedupParagraphs drops later verbatim copies of long prose lines that
// mirrors and reposts make: a paragraph repeated right after itself, or a
// run of lines copied as a block. A line repeated on its own elsewhere is
// the document's own (the same 牵头单位 line under two tasks, the same
// decision for two regulations) and stays.
func dedupParagraphs(lines []string) []string {
	keys := make([]string, len(lines))
	for i, l := range lines {
		if l != "" {
			keys[i] = strings.Join(strings.Fields(l), "")
		}
	}
	prose := func(i int) bool {
		return keys[i] != "" && utf8.RuneCountInString(keys[i]) >= dedupMinRunes && strings.ContainsAny(keys[i], sentencePunct)
	}
	step := func(i, d int) int { // the next non-blank line from i in direction d, or -1
		for i += d; i >= 0 && i < len(lines); i += d {
			if keys[i] != "" {
				return i
			}
		}
		return -1
	}
	same := func(a, b int) bool { return a >= 0 && b >= 0 && a != b && keys[a] == keys[b] }
	first := make(map[string]int)
	drop := make([]bool, len(lines))
	for i := range lines {
		if !prose(i) {
			continue
		}
		j, seen := first[keys[i]]
		if !seen {
			first[keys[i]] = i
			continue
		}
		pi, ni := step(i, -1), step(i, 1)
		if pi == j || same(pi, step(j, -1)) && drop[pi] || same(ni, step(j, 1)) && ni > i {
			drop[i] = true
		}
	}
	// A block's first line is known to be a copy only from the line after
	// it; mark the lines before each copied line that copy theirs too.
	for i := len(lines) - 1; i >= 0; i-- {
		if !drop[i] {
			continue
		}
		j := first[keys[i]]
		for pi, pj := step(i, -1), step(j, -1); same(pi, pj) && prose(pi) && !drop[pi] && pi > j; pi, pj = step(pi, -1), step(pj, -1) {
			drop[pi] = true
		}
	}
	out := lines[:0]
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l)
		}
	}
	return out
}
