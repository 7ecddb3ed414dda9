package index

import (
	"html"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	maxSnippets  = 3
	snippetRunes = 120 // visible characters per snippet
	leadRunes    = 30  // context kept before the first match
)

type span struct{ start, end int }

// snippets cuts up to n HTML fragments of text around the matches in
// spans: matched words in <mark>, everything else escaped, whitespace
// collapsed. Spans that do not fall on rune boundaries are dropped, so a
// fragment never cuts a character. With no spans it returns the opening of
// the text.
func snippets(text string, spans []span, n int) []string {
	spans = cleanSpans(text, spans)
	if len(spans) == 0 {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		// From the first word: a blanked breadcrumb (chrome) is spaces.
		from := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
		end := advanceRunes(text, from, snippetRunes)
		s := render(text, from, end, nil)
		if end < len(text) {
			s += "…"
		}
		return []string{s}
	}
	// Candidate windows start a little before each match; the best are
	// those showing the most different matched words, then the longest
	// (a phrase), then the most matches. Chosen windows do not overlap
	// and are returned in document order.
	type window struct {
		from, to int // byte range
		score    float64
	}
	var cands []window
	for i := range spans {
		from := backRunes(text, spans[i].start, leadRunes)
		to := advanceRunes(text, from, snippetRunes)
		if to < spans[i].end {
			to = spans[i].end
		}
		j, longest := i, 0
		terms := map[string]bool{}
		for j < len(spans) && spans[j].start < to {
			if spans[j].end > to {
				to = spans[j].end
			}
			m := text[spans[j].start:spans[j].end]
			terms[m] = true
			longest = max(longest, utf8.RuneCountInString(m))
			j++
		}
		// Adjacent matches were merged into one span, so a long span is a
		// phrase or several query words together.
		cands = append(cands, window{from, to, float64(len(terms)) + 0.1*float64(longest) + 0.01*float64(j-i)})
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	var chosen []window
	for _, c := range cands {
		if len(chosen) == n {
			break
		}
		overlaps := false
		for _, o := range chosen {
			if c.from < o.to && o.from < c.to {
				overlaps = true
				break
			}
		}
		if !overlaps {
			chosen = append(chosen, c)
		}
	}
	sort.Slice(chosen, func(a, b int) bool { return chosen[a].from < chosen[b].from })
	out := make([]string, 0, len(chosen))
	for _, c := range chosen {
		s := render(text, c.from, c.to, spans)
		if c.from > 0 {
			s = "…" + s
		}
		if c.to < len(text) {
			s += "…"
		}
		out = append(out, s)
	}
	return out
}

// cleanSpans drops invalid spans, sorts them and merges overlapping or
// touching ones, so 危险 + 化学品 is marked as one word.
func cleanSpans(text string, in []span) []span {
	var ok []span
	for _, s := range in {
		if s.start < 0 || s.end > len(text) || s.start >= s.end {
			continue
		}
		if !utf8.RuneStart(text[s.start]) || (s.end < len(text) && !utf8.RuneStart(text[s.end])) {
			continue
		}
		ok = append(ok, s)
	}
	sort.Slice(ok, func(i, j int) bool {
		if ok[i].start != ok[j].start {
			return ok[i].start < ok[j].start
		}
		return ok[i].end > ok[j].end
	})
	var out []span
	for _, s := range ok {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			if s.end > out[n-1].end {
				out[n-1].end = s.end
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

func render(text string, from, to int, marks []span) string {
	var b strings.Builder
	cur := from
	for _, m := range marks { // sorted; those outside [from, to) are skipped
		if m.start < cur || m.end > to {
			continue
		}
		b.WriteString(escape(text[cur:m.start]))
		b.WriteString("<mark>")
		b.WriteString(escape(text[m.start:m.end]))
		b.WriteString("</mark>")
		cur = m.end
	}
	b.WriteString(escape(text[cur:to]))
	return b.String()
}

// readingRe is a pinyin reading a page prints after a character
// (區(qū)政府): it has a tone mark, which a list marker or an English
// word in brackets has not.
var readingRe = regexp.MustCompile(`[(（][a-zü]*[āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ][a-zü]*[)）]`)

// escape HTML-escapes s and collapses runs of whitespace (line breaks of
// the source) into one space. Markdown's emphasis marks and pinyin
// readings are layout of the source, not text a reader wants in a snippet.
func escape(s string) string {
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.ContainsAny(s, "(（") {
		s = readingRe.ReplaceAllString(s, "")
	}
	var b strings.Builder
	var run strings.Builder // the whitespace since the last character
	var prev rune
	for _, r := range s {
		if unicode.IsSpace(r) {
			run.WriteRune(r)
			continue
		}
		if run.Len() > 0 && b.Len() > 0 {
			// One bare line break between two Han characters wraps a
			// line of the source (实施意\n见): the tokenizer joins it, and
			// so does the snippet. An indented line opens a paragraph.
			ws := run.String()
			if !((ws == "\n" || ws == "\r\n") && isHanRune(prev) && isHanRune(r)) {
				b.WriteByte(' ')
			}
		}
		run.Reset()
		prev = r
		b.WriteRune(r)
	}
	space := run.Len() > 0
	if space && b.Len() > 0 {
		b.WriteByte(' ')
	}
	return html.EscapeString(b.String())
}

// advanceRunes moves on n runes from i as a snippet shows them: a run of
// whitespace is one, as escape collapses it. Blanked chrome is a space per
// byte, and counted rune by rune a 【字体：大 中 小】 took 30 of the 120.
// A pinyin reading after a character (區(qū)) is not shown, and counts
// nothing.
func advanceRunes(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if isHanRune(r) {
			i += readingLen(s[i:min(len(s), i+maxReadingBytes)])
		}
		if unicode.IsSpace(r) {
			for i < len(s) {
				r, w := utf8.DecodeRuneInString(s[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += w
			}
		}
	}
	return i
}

// backRunes moves back up to n runes from i, stopping after a line break
// so a fragment starts at a paragraph when one is near.
// A fragment does not start inside a pinyin reading: it starts after it.
func backRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if r == '\n' {
			break
		}
		i -= w
	}
	// A reading is at most maxReadingBytes long: look for its opening
	// bracket that far back, after a Han character.
	for k := i - 1; k >= 0 && k > i-maxReadingBytes; k-- {
		if s[k] != '(' && !strings.HasPrefix(s[k:], "（") {
			continue
		}
		if prev, _ := utf8.DecodeLastRuneInString(s[:k]); isHanRune(prev) {
			if end := k + readingLen(s[k:min(len(s), k+maxReadingBytes)]); end > i {
				return end
			}
		}
		break
	}
	return i
}

func isHanRune(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }
