package clean

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// metaLead opens a page's metadata line (时间: … 来源: …), which may end in
// the page's controls (分享, 打印 关闭).
var metaLead = regexp.MustCompile(`^(时间|发布时间|发布日期|日期|来源|信息来源|作者)\s*[:：]`)

// crumbSep separates the steps of a breadcrumb trail.
const crumbSep = ">»›＞"

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Block copies: a run of lines repeated verbatim is a second copy of the
// page when it is long (blockMinRunes of text), or when it has at least
// blockMinLines lines and is a fair part of the document (a quarter of its
// text, at least blockShortRunes): a short capture repeated whole. A line
// repeated on its own (the same decision for two regulations) or a short
// run of lines (牵头单位 and 配合单位 under two tasks) is the document's own.
const (
	blockMinRunes   = 200
	blockMinLines   = 3
	blockShortRunes = 60
)

// Chrome returns the byte ranges of text that are page chrome, sorted and
// not overlapping; line breaks are never inside a range. A reader searching
// the archive wants the document, not the website it was captured from,
// while the text stays as put (its hash is the document's id), so the
// index blanks these ranges (Blank) from what it analyses and cuts
// snippets from, and offsets still point into the stored text.
//
// Lines are judged by the rules Normalize drops them by for the parser
// (rules.go: breadcrumbs, font-size, print, share and close controls, visit
// counters, lines of navigation words, footers, markup), a little more
// strictly where a reader may want the words (a counter's word inside a
// sentence, a footer marker alone), and a little further where the parser
// needs nothing (a bare breadcrumb trail, controls ending a metadata line,
// a navigation menu one link a line or side by side and an e-paper's or
// viewer's furniture (menus.go), a later copy of a long block of lines: a
// capture that holds its page twice).
func Chrome(text string) []Span {
	lines := splitLines(text)
	judged := make([]string, len(lines)) // a line with its markup blanked
	var out []Span
	for i, ln := range lines {
		raw := text[ln.Start:ln.End]
		judged[i] = raw
		if strings.Contains(raw, "<") || strings.Contains(raw, "&") {
			var tags []Span
			for _, m := range htmlTag.FindAllStringIndex(raw, -1) {
				tags = append(tags, Span{m[0], m[1]})
			}
			for _, m := range htmlEntity.FindAllStringIndex(raw, -1) {
				tags = append(tags, Span{m[0], m[1]})
			}
			if len(tags) > 0 {
				judged[i] = Blank(raw, tags)
				out = append(out, shift(tags, ln.Start)...)
			}
		}
	}
	whole := make([]bool, len(lines))
	kinds := make([]menuLine, len(lines))
	for i, ln := range lines {
		n := newNormLine(judged[i])
		if n.str == "" {
			kinds[i] = menuBlank
			continue
		}
		plain := stripMarkdown(n.str)
		kinds[i] = classifyMenuLine(plain)
		// A line of markup and a list number, or a clutter line. A footer
		// line needs two of its markers wherever it is: one (承办单位：市财政局)
		// may be the document's own, which Normalize drops near the end but
		// a reader may search for.
		if tagLeftover.MatchString(n.str) && judged[i] != text[ln.Start:ln.End] ||
			isClutterLine(plain, false) || isCrumbTrail(n.str) ||
			kinds[i] != menuProse && (isFurnitureLine(plain) || isMenuRow(plain)) {
			whole[i] = true
			continue
		}
		var frags []Span
		for _, f := range fragments {
			if !f.triggered(n.str) {
				continue
			}
			for _, m := range f.re.FindAllStringIndex(n.str, -1) {
				if !fragmentEnds(n.str, m[1]) {
					continue
				}
				if sp, ok := n.raw(m[0], m[1]); ok {
					frags = append(frags, sp)
				}
			}
		}
		// A paragraph (or a whole text on one line) opening with the
		// page's breadcrumb loses only the trail.
		if proseLine(n.str) {
			if k := crumbPrefix(n.str); k > 0 {
				if sp, ok := n.raw(0, k); ok {
					frags = append(frags, sp)
				}
			}
		}
		if sp, ok := trailingControls(n); ok {
			frags = append(frags, sp)
		}
		if len(frags) == 0 {
			continue
		}
		// A line left with nothing to say is chrome whole (打印本页 | 关闭窗口).
		if !hasContent(Blank(judged[i], frags)) {
			whole[i] = true
			continue
		}
		out = append(out, shift(frags, ln.Start)...)
	}
	for i, m := range menuRuns(kinds) {
		whole[i] = whole[i] || m
	}
	for i, b := range repeatedBlocks(lines, judged, whole) {
		whole[i] = whole[i] || b
	}
	for i, ln := range lines {
		if whole[i] {
			out = append(out, ln)
		}
	}
	return merge(out)
}

// Blank returns text with the bytes of spans replaced by spaces: the same
// byte length and line structure, valid UTF-8 wherever spans fall on rune
// boundaries. Spans out of range are clipped.
func Blank(text string, spans []Span) string {
	if len(spans) == 0 {
		return text
	}
	b := []byte(text)
	for _, s := range spans {
		for k := max(s.Start, 0); k < min(s.End, len(b)); k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
	}
	return string(b)
}

// splitLines returns the byte range of each line, without its line break
// (\n, \r\n or \r).
func splitLines(text string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c == '\n' || c == '\r' {
			out = append(out, Span{start, i})
			if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	return append(out, Span{start, len(text)})
}

func shift(spans []Span, by int) []Span {
	for i := range spans {
		spans[i].Start += by
		spans[i].End += by
	}
	return spans
}

// merge sorts spans and joins overlapping or touching ones.
func merge(in []Span) []Span {
	if len(in) == 0 {
		return nil
	}
	slices.SortFunc(in, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	out := in[:1]
	for _, s := range in[1:] {
		if last := &out[len(out)-1]; s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// normLine is a line as the clutter rules read it (full-width letters and
// digits folded, each run of spaces one ASCII space, trimmed), with where
// each of its bytes came from in the raw line.
type normLine struct {
	str          string
	starts, ends []int32 // per byte of str: the raw byte range of its source
}

func newNormLine(raw string) normLine {
	// str is about as long as raw (folding only shortens it); two ints a
	// byte grown by appending cost a 10 MB line of one a gigabyte.
	n := normLine{starts: make([]int32, 0, len(raw)), ends: make([]int32, 0, len(raw))}
	var b strings.Builder
	b.Grow(len(raw))
	emit := func(r rune, from, to int) {
		k, _ := b.WriteRune(r)
		for range k {
			n.starts = append(n.starts, int32(from))
			n.ends = append(n.ends, int32(to))
		}
	}
	spaceFrom, spaceTo := -1, -1
	var prev rune
	for i, r := range raw {
		_, size := utf8.DecodeRuneInString(raw[i:]) // 1 for a byte that is no UTF-8
		if isLineSpace(r) {
			if spaceFrom < 0 {
				spaceFrom = i
			}
			spaceTo = i + size
			continue
		}
		if spaceFrom >= 0 && b.Len() > 0 {
			emit(' ', spaceFrom, spaceTo)
		}
		spaceFrom = -1
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			r -= 0xFEE0
		case r == '．' && prev >= '0' && prev <= '9':
			r = '.'
		}
		emit(r, i, i+size)
		prev = r
	}
	n.str = b.String()
	return n
}

// isLineSpace is a space normalizeSpaces folds.
func isLineSpace(r rune) bool {
	return r == '\t' || r == '\u3000' || r == '\u00a0' || r == '\u202f' || r == '\u205f' ||
		(r >= '\u2000' && r <= '\u200a') || r == ' ' || r == '\f' || r == '\v'
}

// raw maps the byte range [s, e) of str to the raw line; a range that
// begins or ends with the folded space drops it.
func (n normLine) raw(s, e int) (Span, bool) {
	for s < e && n.str[s] == ' ' {
		s++
	}
	for e > s && n.str[e-1] == ' ' {
		e--
	}
	if s >= e {
		return Span{}, false
	}
	return Span{int(n.starts[s]), int(n.ends[e-1])}, true
}

// repeatedBlocks marks the lines of every later copy of a long block of
// lines (see blockMinRunes). Lines compare without their spaces; blank
// lines and lines already judged chrome are skipped on both sides, so a
// copy that lost its breadcrumb or gained blank lines still matches.
func repeatedBlocks(lines []Span, judged []string, chrome []bool) []bool {
	var idx []int // the lines that take part, in order
	var keys []string
	var runes []int
	total := 0
	for i := range lines {
		if chrome[i] {
			continue
		}
		k := strings.Join(strings.Fields(judged[i]), "")
		if k == "" {
			continue
		}
		idx = append(idx, i)
		keys = append(keys, k)
		n := utf8.RuneCountInString(k)
		runes = append(runes, n)
		total += n
	}
	out := make([]bool, len(lines))
	first := make(map[string]int, len(keys))
	for p := 0; p < len(keys); {
		q, seen := first[keys[p]]
		if !seen {
			first[keys[p]] = p
			p++
			continue
		}
		// The copy p.. of q..: it may not reach into itself.
		n, size := 0, 0
		for p+n < len(keys) && q+n < p && keys[q+n] == keys[p+n] {
			size += runes[p+n]
			n++
		}
		long := size >= blockMinRunes || n >= blockMinLines && size >= blockShortRunes && 4*size >= total
		if n < 2 || !long {
			p++
			continue
		}
		for k := p; k < p+n; k++ {
			out[idx[k]] = true
		}
		p += n
	}
	return out
}

// isCrumbTrail reports a line that is a breadcrumb trail without 首页 or a
// 位置 label (those are rules.go's): three or more short steps and
// nothing else (学习啦 > 范文 > 行政公文 > 会议纪要 > …). Only the mask reads
// it, so the parser's text stays as it was.
func isCrumbTrail(line string) bool {
	if !strings.ContainsAny(line, crumbSep) || strings.ContainsAny(line, sentencePunct) {
		return false
	}
	steps := strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune(crumbSep, r) })
	if len(steps) < 3 {
		return false
	}
	for _, st := range steps {
		n := utf8.RuneCountInString(strings.TrimSpace(st))
		if n == 0 || n > 20 {
			return false
		}
	}
	return true
}

// fragmentEnds reports whether a clutter fragment ending at byte end of
// line stands apart from what follows: a counter's word running on into a
// sentence (网站访问量达到100万人次) is no counter. Normalize drops such a
// fragment wherever it is; the mask is stricter, since it reads the text
// the reader searches.
func fragmentEnds(line string, end int) bool {
	if end == 0 || end >= len(line) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(line[:end])
	next, _ := utf8.DecodeRuneInString(line[end:])
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return !word(last) || !word(next)
}

// trailingControls finds the control words (navWords: 分享, 打印, 关闭 …)
// that end a metadata line: 时间: 2020-04-15 来源: 舒兰发布 分享.
func trailingControls(n normLine) (Span, bool) {
	if !metaLead.MatchString(n.str) {
		return Span{}, false
	}
	end := len(n.str)
	from := end
	for from > 0 {
		sp := strings.LastIndexByte(n.str[:from], ' ')
		if !navWords[strings.Trim(n.str[sp+1:from], "【】[]|")] {
			break
		}
		from = max(sp, 0)
	}
	if from == end || from == 0 {
		return Span{}, false
	}
	return n.raw(from, end)
}
