package textio

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// maxPDFPages bounds the page loop: the page count comes from the file and
// may be absurd in a crafted one.
const maxPDFPages = 5000

// readPDF extracts the text layer, one line per baseline, pages separated
// by a blank line. The PDF library panics on some malformed
// input; that becomes ErrMalformed, never a crash.
func readPDF(ctx context.Context, name string, data []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("%s: %w: pdf library panic: %v", name, ErrMalformed, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%s: %w: %w", name, ErrMalformed, err)
	}
	pages := r.NumPage()
	if pages <= 0 {
		return "", fmt.Errorf("%s: %w: no pages", name, ErrMalformed)
	}
	var all [][]string
	lines, unreadable := 0, 0
	for i := 1; i <= min(pages, maxPDFPages); i++ {
		if err := ctx.Err(); err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		p, ok := pageAt(r, i)
		if !ok {
			return "", fmt.Errorf("%s: %w: page tree deeper than %d levels", name, ErrMalformed, maxPageTreeDepth)
		}
		if p.V.IsNull() {
			continue
		}
		if !pageStreamsSafe(p) {
			return "", fmt.Errorf("%s: %w: unterminated string in page %d", name, ErrMalformed, i)
		}
		page := pageLines(type3Text(p, p.Content().Text))
		lines += len(page)
		// Glyph codes without a usable ToUnicode map come out as control
		// characters. The library decodes Type3 fonts — Chromium's
		// synthetic bold — by their encoding and never their ToUnicode map,
		// so a bold heading can be garbage in a text layer that is
		// otherwise fine: such lines are dropped, not the document.
		page = slices.DeleteFunc(page, func(l string) bool {
			if checkText(l) != nil {
				unreadable++
				return true
			}
			return false
		})
		all = append(all, page)
	}
	out := strings.TrimSpace(unwrapPages(all))
	if out == "" && unreadable == 0 {
		return "", fmt.Errorf("%s: %w", name, ErrNoText)
	}
	if out == "" || 2*unreadable > lines || checkText(out) != nil {
		return "", fmt.Errorf("%s: %w (unreadable text layer)", name, ErrNoText)
	}
	if unreadable > 0 {
		slog.Warn("pdf lines with an unreadable text layer dropped", "file", name, "lines", unreadable, "of", lines)
	}
	return out, nil
}

// pdfLine is the glyphs that share a baseline.
type pdfLine struct {
	y     float64
	size  float64
	items []pdf.Text
}

// pageLines groups a page's glyphs into lines by baseline (within a third of
// the font size), top to bottom, each line left to right. Content() follows
// every positioning operator (Tm, Td, TD, T*, cm), unlike the library's
// row helper, which ignores Td. Glyphs at the same x keep stream order: CID
// fonts without widths give every glyph of a string the same x.
func pageLines(texts []pdf.Text) []string {
	var lines []*pdfLine
	for _, t := range texts {
		// Content() ends every TJ with a pseudo-glyph "\n", which a CID
		// font decodes to U+FFFD; neither is text. Space glyphs are kept.
		if t.S == "" || t.S == "\n" || t.S == "\r" || t.S == "\uFFFD" {
			continue
		}
		var line *pdfLine
		for k := len(lines) - 1; k >= 0 && k >= len(lines)-8; k-- {
			tol := max(1, lines[k].size/3)
			if math.Abs(lines[k].y-t.Y) <= tol {
				line = lines[k]
				break
			}
		}
		if line == nil {
			line = &pdfLine{y: t.Y, size: t.FontSize}
			lines = append(lines, line)
		}
		line.items = append(line.items, t)
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].y > lines[j].y })
	strs := make([]string, len(lines))
	for i, l := range lines {
		sort.SliceStable(l.items, func(i, j int) bool { return l.items[i].X < l.items[j].X })
		var b strings.Builder
		for k, t := range l.items {
			// A wide gap between glyphs is a word or column space.
			if k > 0 {
				prev := l.items[k-1]
				if t.X-(prev.X+prev.W) > 1.5*max(t.FontSize, 1) {
					b.WriteByte(' ')
				}
			}
			b.WriteString(t.S)
		}
		strs[i] = b.String()
	}
	// A browser's print header and footer sit in the page margin, left of
	// the text: they would make every line of the body look indented.
	if n := len(lines); n > 0 && browserFooter.MatchString(strings.TrimSpace(strs[n-1])) {
		lines, strs = lines[:n-1], strs[:n-1]
	}
	if len(lines) > 0 && browserHeader.MatchString(strings.TrimSpace(strs[0])) {
		lines, strs = lines[1:], strs[1:]
	}
	// The page's left margin: where its leftmost line starts.
	left := math.Inf(1)
	for _, l := range lines {
		left = min(left, l.items[0].X)
	}
	out := make([]string, 0, len(lines))
	for i, l := range lines {
		s := strs[i]
		// A paragraph's first-line indent is a move, not space glyphs: it
		// is written back as full-width spaces, one per em, as a text file
		// would have it, so that unwrapPages sees where paragraphs start.
		if em := int(math.Round((l.items[0].X - left) / max(l.size, 1))); em >= 1 && em <= maxIndentEm {
			s = strings.Repeat("\u3000", em) + s
		}
		// Leading spaces stay: a paragraph's indent tells unwrapPages
		// where a paragraph starts.
		if s := strings.TrimRightFunc(s, unicode.IsSpace); strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// browserHeader and browserFooter match the lines a browser prints above
// and below every page unless told not to: the date and time before the
// page title ("12/7/26, 2:06 PM 标题", "2026/12/7 14:06 标题"), and the
// address with the page count ("https://… 1/3"; Chromium's font writes
// "fi" as a ligature).
var (
	browserHeader = regexp.MustCompile(`^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+(?:上午|下午)?\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?(?:\s|$)`)
	browserFooter = regexp.MustCompile(`^(?:https?|ﬁle|file)://\S*\s+\d{1,4}\s*/\s*\d{1,4}$`)
)

// maxPageTreeDepth bounds the descent to a page: real page trees are a few
// levels deep, while a node listed among its own kids would be descended
// forever (the library's Reader.Page does).
const maxPageTreeDepth = 64

// pageAt finds page num (from 1) as Reader.Page does, but gives up (false)
// after maxPageTreeDepth levels. A missing page is a null Page.
func pageAt(r *pdf.Reader, num int) (pdf.Page, bool) {
	num--
	node := r.Trailer().Key("Root").Key("Pages")
	for depth := 0; node.Key("Type").Name() == "Pages"; depth++ {
		if depth >= maxPageTreeDepth {
			return pdf.Page{}, false
		}
		if int(node.Key("Count").Int64()) < num {
			return pdf.Page{}, true
		}
		kids, next := node.Key("Kids"), pdf.Value{}
		for i := 0; i < kids.Len() && next.IsNull(); i++ {
			kid := kids.Index(i)
			switch kid.Key("Type").Name() {
			case "Pages":
				if c := int(kid.Key("Count").Int64()); num < c {
					next = kid
				} else {
					num -= c
				}
			case "Page":
				if num == 0 {
					return pdf.Page{V: kid}, true
				}
				num--
			}
		}
		if next.IsNull() {
			return pdf.Page{}, true
		}
		node = next
	}
	return pdf.Page{}, true
}

// maxIndentEm is the widest move from the margin read as an indent; lines
// further right are centred or right-aligned (titles, signatures, dates).
const maxIndentEm = 4

// pageStreamsSafe checks the streams the library's interpreter will lex —
// the page content and its fonts' ToUnicode maps — for a hex string left
// open at the end: the library's lexer reads past the end as endless
// spaces there and never returns. Such a file is malformed, not a hang.
func pageStreamsSafe(p pdf.Page) bool {
	streams := []pdf.Value{}
	c := p.V.Key("Contents")
	if c.Kind() == pdf.Array {
		for i := 0; i < c.Len(); i++ {
			streams = append(streams, c.Index(i))
		}
	} else {
		streams = append(streams, c)
	}
	for _, f := range p.Fonts() {
		streams = append(streams, p.Font(f).V.Key("ToUnicode"))
	}
	for _, v := range streams {
		if v.Kind() != pdf.Stream {
			continue
		}
		rc := v.Reader()
		data, err := io.ReadAll(io.LimitReader(rc, maxPDFStream))
		rc.Close()
		if err != nil || !stringsTerminated(data) {
			return false
		}
	}
	return true
}

// maxPDFStream bounds what one content stream may decode to.
const maxPDFStream = 64 << 20

// stringsTerminated reports whether every literal (…) and hex <…> string
// in a PostScript-like token stream is closed.
func stringsTerminated(data []byte) bool {
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case '(':
			depth := 1
			for i++; depth > 0; i++ {
				if i >= len(data) {
					return false
				}
				switch data[i] {
				case '\\':
					i++
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			i--
		case '<':
			if i+1 < len(data) && data[i+1] == '<' {
				i++
				continue
			}
			j := bytes.IndexByte(data[i+1:], '>')
			if j < 0 {
				return false
			}
			i += j + 1
		}
	}
	return true
}
