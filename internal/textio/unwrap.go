package textio

import (
	"regexp"
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
	measure, ok := lineMeasure(pages)
	var b strings.Builder
	prevFull := false
	for pi, lines := range pages {
		lines = dropPageNumbers(lines, len(pages))
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
			prevFull = columns(l) >= measure-measureSlack
		}
	}
	return b.String()
}

// paragraphEnds are the characters a paragraph usually ends with.
const paragraphEnds = "。！？；：.!?;:"

// lineMeasure finds the width a full line has, and whether the document has
// one at all.
func lineMeasure(pages [][]string) (int, bool) {
	widest := 0
	for _, lines := range pages {
		for _, l := range lines {
			widest = max(widest, columns(l))
		}
	}
	full, open, long := 0, 0, 0
	for _, lines := range pages {
		for _, l := range lines {
			switch c := columns(l); {
			case c >= widest-measureSlack:
				full++
				long++
				if !strings.ContainsRune(paragraphEnds, lastRune(l)) {
					open++
				}
			case 2*c > widest:
				long++
			}
		}
	}
	return widest, open >= minFullLines && float64(full) >= minFullShare*float64(long)
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
