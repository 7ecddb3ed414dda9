package textio

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A PDF has no paragraphs, only lines set to the page width: a paragraph
// wraps wherever the measure ends, even inside a name or a 文号, and runs on
// across page breaks. unwrapPages rejoins those lines so that the text reads
// like the document's other renderings.
//
// Glyph positions cannot measure the lines: the PDF library gives CID fonts
// (the usual Chinese fonts) no widths, so every glyph of a string shares one
// x. A line is measured instead in display columns (two for CJK and other
// wide characters, one for ASCII), which a monospaced Chinese page fills
// evenly. A line that reaches the measure — the widest lines, shared by
// enough of the document to be a measure and not one long line — continues
// on the next line unless that one is indented, which starts a paragraph.

const (
	// measureSlack is how far short of the measure a full line may end:
	// justified lines mixing ASCII and CJK, and the rule that keeps closing
	// punctuation off a line's start, move the break by a character.
	measureSlack = 3
	// minFullLines and minFullShare decide whether a measure exists: in a
	// document whose lines are paragraphs few of the long lines (over half
	// the widest) share one width, while in a wrapped one most do. Short
	// lines (tables, lists, headings) say nothing either way.
	// A full line must also be open: wrapped lines mostly end inside a
	// sentence, while lines that are whole paragraphs end with 。 and the
	// like, so two open full lines suffice even in a short page.
	minFullLines = 2
	minFullShare = 0.3
)

// unwrapPages joins wrapped lines within and across pages, and returns the
// text with pages separated by a blank line where no paragraph runs on.
func unwrapPages(pages [][]string) string {
	pages = trimPageEdges(pages)
	measure, ok := lineMeasure(pages)
	var b strings.Builder
	prevFull := false
	for pi, lines := range pages {
		for li, l := range lines {
			cont := ok && prevFull && !indented(l)
			switch {
			case cont:
				l = strings.TrimLeftFunc(l, unicode.IsSpace)
				if prev := lastRune(b.String()); isASCIILetter(prev) && isASCIILetter(firstRune(l)) {
					b.WriteByte(' ')
				}
			case li == 0 && pi > 0 && b.Len() > 0:
				b.WriteString("\n\n") // a page break that ends a paragraph
			case b.Len() > 0:
				b.WriteByte('\n')
			}
			b.WriteString(strings.TrimSpace(l))
			prevFull = isFull(l, measure)
		}
	}
	return b.String()
}

// paragraphEnds are the characters a paragraph usually ends with.
const paragraphEnds = "。！？；：.!?;:"

// lineMeasure finds the width a full line has, and whether the document has
// one at all. The measure is the width most long lines share, not the
// widest line: a few lines set in another size — the 4号 抄送/印发 box under a
// 3号 body, a browser's print header — are wider than the body and must not
// leave every body line short of "full".
func lineMeasure(pages [][]string) (int, bool) {
	var widths []int
	count := map[int]int{}
	for _, lines := range pages {
		for _, l := range lines {
			c := columns(l)
			widths = append(widths, c)
			count[c]++
		}
	}
	if len(widths) == 0 {
		return 0, false
	}
	// Candidates are the widths over half the 90th percentile (shorter lines
	// are headings and table cells). The lines that fill the measure are the
	// window [w-measureSlack, w] that holds the most lines, ties going to the
	// wider; the measure is the commonest width in it, as lines mixing ASCII
	// may overshoot it by a column.
	slices.Sort(widths)
	high := widths[(len(widths)-1)*9/10]
	top, best := high, 0
	for w := range count {
		if 2*w <= high {
			continue
		}
		n := 0
		for c := w - measureSlack; c <= w; c++ {
			n += count[c]
		}
		if n > best || n == best && w > top {
			top, best = w, n
		}
	}
	measure := top
	for c := top - measureSlack; c <= top; c++ {
		if count[c] > count[measure] {
			measure = c
		}
	}
	full, open, long := 0, 0, 0
	for _, lines := range pages {
		for _, l := range lines {
			switch c := columns(l); {
			case c <= measure+measureSlack && isFull(l, measure):
				full++
				long++
				if !strings.ContainsRune(paragraphEnds, lastRune(l)) {
					open++
				}
			case 2*c > measure:
				long++ // wider lines count against the measure too
			}
		}
	}
	return measure, open >= minFullLines && float64(full) >= minFullShare*float64(long)
}

// isFull reports whether a line fills the measure. A line well over it that
// ends a sentence is set in another size (the 抄送/印发 box) and ends where
// its own measure does; one that stops mid-sentence runs on, its width
// overcounted (quotes and gaps set narrower than the columns say).
func isFull(l string, measure int) bool {
	c := columns(l)
	if c > measure+measureSlack {
		return !strings.ContainsRune(paragraphEnds, lastRune(l))
	}
	return c >= measure-measureSlack
}

// columns is the display width of a line, its indent included.
func columns(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == '\t':
			n += 4
		case r < 0x80 || (r >= 0xFF61 && r <= 0xFFDC):
			n++ // ASCII and half-width forms
		case unicode.Is(unicode.Mn, r):
		default:
			n += 2
		}
	}
	return n
}

func indented(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

func isASCIILetter(r rune) bool { return r < 0x80 && (unicode.IsLetter(r)) }

// pageNumber matches a page's printed number: "— 3 —", "- 3 -", "3",
// "第3页", "第3页 共10页", "3/10".
var pageNumber = regexp.MustCompile(`^(?:[-–—－]\s*)?\d{1,4}(?:\s*[-–—－])?$|^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*/\s*\d{1,4}$`)

// trimPageEdges removes what is printed above or below every page's text —
// page numbers and running headers or footers — which would otherwise sit
// inside a paragraph that runs on to the next page, glued into a name or a
// decision. The pages are copies; the caller's slices are not changed.
func trimPageEdges(pages [][]string) [][]string {
	out := make([][]string, len(pages))
	for i, lines := range pages {
		out[i] = dropPageNumbers(lines, len(pages))
	}
	dropRunningLines(out)
	for i, lines := range out {
		out[i] = dropPageNumbers(lines, len(out)) // a number under a header
	}
	return out
}

// maxRunningLines is how many lines deep a running header or footer may be.
const maxRunningLines = 2

// dropRunningLines removes, in place, a running header: the first line of
// a page that is also the first line of another page; and a running footer:
// the last line of a page that also ends another. Digits do not count (a
// header may carry its page number) nor do spaces. The first page keeps its
// first line, its title, even when later pages repeat it as their header.
func dropRunningLines(pages [][]string) {
	if len(pages) < 2 {
		return
	}
	for range maxRunningLines {
		top, bottom := map[string]int{}, map[string]int{}
		for _, lines := range pages {
			if len(lines) > 0 {
				top[runningKey(lines[0])]++
				bottom[runningKey(lines[len(lines)-1])]++
			}
		}
		for i, lines := range pages {
			if len(lines) > 0 && i > 0 {
				if k := runningKey(lines[0]); k != "" && top[k] >= 2 {
					lines = lines[1:]
				}
			}
			if len(lines) > 0 {
				if k := runningKey(lines[len(lines)-1]); k != "" && bottom[k] >= 2 {
					lines = lines[:len(lines)-1]
				}
			}
			pages[i] = lines
		}
	}
}

// runningKey is what two copies of a running header share: the line with
// its spaces left out and every run of digits read as one 0. A line with no
// letter is no header ("", rules, dots).
func runningKey(s string) string {
	var b strings.Builder
	letter, digit := false, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case unicode.IsDigit(r):
			if !digit {
				b.WriteByte('0')
			}
			digit = true
			continue
		case unicode.IsLetter(r):
			letter = true
		}
		digit = false
		b.WriteRune(r)
	}
	if !letter {
		return ""
	}
	return b.String()
}

// dropPageNumbers removes the page number printed above or below a page's
// text, which would otherwise sit inside a paragraph that runs on to the
// next page. A single page keeps its lines: its number is harmless.
func dropPageNumbers(lines []string, pages int) []string {
	if pages < 2 {
		return lines
	}
	if n := len(lines); n > 0 && pageNumber.MatchString(strings.TrimSpace(lines[n-1])) {
		lines = lines[:n-1]
	}
	if len(lines) > 0 && pageNumber.MatchString(strings.TrimSpace(lines[0])) {
		lines = lines[1:]
	}
	return lines
}
