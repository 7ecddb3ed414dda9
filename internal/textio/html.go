package textio

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

const (
	// linkHeavyShare and linkHeavyCount define a navigation block: most of
	// its text is link text, over several links.
	linkHeavyShare = 0.6
	linkHeavyCount = 3
	// maxHTMLDepth bounds the tree walk; pathological nesting beyond it is
	// flattened rather than walked.
	maxHTMLDepth = 2000
)

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)`)

// skipElements never hold the main content.
var skipElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Iframe: true, atom.Svg: true, atom.Canvas: true,
	atom.Select: true, atom.Button: true, atom.Input: true, atom.Textarea: true,
	atom.Object: true, atom.Embed: true, atom.Head: true, atom.Menu: true,
}

// skipHints are class/id words (split at -, _ and spaces) of page chrome.
// Not "zoom" or "fontsize": CMS templates give the article body id="zoom".
var skipHints = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "breadcrumb": true,
	"breadcrumbs": true, "crumb": true, "crumbs": true, "footer": true, "sidebar": true,
	"share": true, "sharebar": true, "copyright": true, "toolbar": true, "topbar": true,
	"bdshare": true,
}

var skipRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "search": true}

// blockElements end a line before and after their content.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Tr: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true,
	atom.Address: true, atom.Figure: true, atom.Figcaption: true, atom.Center: true,
	atom.Body: true, atom.Html: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Caption: true, atom.Fieldset: true, atom.Details: true, atom.Summary: true,
}

// paragraphElements are followed by a blank line, as they are rendered.
var paragraphElements = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// readHTML extracts the main content of a page as lines of text.
func readHTML(ctx context.Context, name string, data []byte) (string, error) {
	text, err := decodeHTMLBytes(name, data)
	if err != nil {
		return "", err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// The parser refuses pathological nesting (more than 512 open
		// elements); the token stream still carries the text.
		slog.Debug("html tree parse failed, reading tokens", "file", name, "err", err)
		return tokenText(ctx, name, text)
	}
	if err := ctx.Err(); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	e := &htmlExtractor{stats: make(map[*html.Node]linkStats), spanBudget: maxSpanCopies}
	e.measure(doc, 0)
	e.walk(doc, 0, false)
	body := tidyLines(e.b.String())
	metas := pageMetas(doc)
	title, site := pageTitle(doc)
	if t := metas["articletitle"]; t != "" {
		title = t
	}
	if title != "" && !strings.Contains(body, title) && !headedBy(body, title) {
		body = title + "\n\n" + body
	}
	// The site's government is who the page speaks for when the text says
	// only 区政府 ("来源：区政府办公室" on 常州市新北区人民政府's site).
	if !governmentSite(site) {
		site = metas["sitename"]
	}
	if governmentSite(site) && !strings.Contains(body, site) {
		first, rest, _ := strings.Cut(body, "\n")
		body = first + "\n网站：" + site + "\n" + rest
	}
	// The publication date often sits in page chrome that was dropped, yet
	// dates news without a year; CMS pages repeat it in a meta tag.
	if pub := publicationDate(metas); pub != "" && !strings.Contains(body, pub[:10]) {
		first, rest, _ := strings.Cut(body, "\n")
		body = first + "\n发布日期：" + pub + "\n" + rest
	}
	return strings.TrimRight(body, "\n"), nil
}

// headedBy reports whether one of the first lines of body is a fuller
// form of the page title: CMSs shorten titles ("关于印发分工方案的通知" for
// the heading "宜昌市人民政府办公室关于印发2023年…分工方案的通知"), and the
// heading says it better.
func headedBy(body, title string) bool {
	want := []rune(strings.Join(strings.Fields(title), ""))
	if len(want) < 4 {
		return false
	}
	seen := 0
	for l := range strings.SplitSeq(body, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if seen++; seen > 15 {
			return false
		}
		if n := utf8.RuneCountInString(l); n > len(want) && n <= 3*len(want)+20 && subsequence(want, l) {
			return true
		}
	}
	return false
}

// subsequence reports whether the runes of want appear in s in order.
func subsequence(want []rune, s string) bool {
	i := 0
	for _, r := range s {
		if i < len(want) && r == want[i] {
			i++
		}
	}
	return i == len(want)
}

// pubDateMetas are the meta names CMSs use for the publication date.
var pubDateMetas = []string{"pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date"}

var isoDate = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})([ T]\d{1,2}:\d{2}(:\d{2})?)?`)

// publicationDate returns the page's publication date as YYYY-MM-DD[ hh:mm],
// or "" when no meta carries a date in that form.
func publicationDate(metas map[string]string) string {
	for _, k := range pubDateMetas {
		m := isoDate.FindStringSubmatch(strings.TrimSpace(metas[k]))
		if m == nil {
			continue
		}
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		out := fmt.Sprintf("%s-%02d-%02d", m[1], mo, d)
		if m[4] != "" {
			out += " " + strings.TrimSpace(strings.Replace(m[4], "T", " ", 1))
		}
		return out
	}
	return ""
}

// pageMetas collects <meta name|property=… content=…> pairs, names in
// lower case.
func pageMetas(doc *html.Node) map[string]string {
	metas := map[string]string{}
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 8 {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta {
			var key, val string
			for _, a := range n.Attr {
				switch a.Key {
				case "name", "property":
					key = strings.ToLower(strings.TrimSpace(a.Val))
				case "content":
					val = strings.TrimSpace(a.Val)
				}
			}
			if key != "" && val != "" {
				if _, seen := metas[key]; !seen {
					metas[key] = val
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return metas
}

// tokenText extracts text from the token stream without building a tree:
// no navigation removal, but script and style are skipped and block tags
// still end lines.
func tokenText(ctx context.Context, name, text string) (string, error) {
	z := html.NewTokenizer(strings.NewReader(text))
	var b strings.Builder
	skip := 0
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return "", fmt.Errorf("%s: %w", name, err)
			}
		}
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return "", fmt.Errorf("%s: %w: %w", name, ErrMalformed, z.Err())
			}
			return tidyLines(b.String()), nil
		case html.TextToken:
			if skip == 0 {
				b.WriteString(collapseHTMLSpace(string(z.Text())))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tn, _ := z.TagName()
			a := atom.Lookup(tn)
			if a == atom.Script || a == atom.Style || a == atom.Noscript || a == atom.Template {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
			if blockElements[a] || a == atom.Br {
				b.WriteByte('\n')
			} else if a == atom.Td || a == atom.Th {
				b.WriteByte('\t')
			}
		}
	}
}

// decodeHTMLBytes honours a BOM, then a valid UTF-8 body, then the meta
// charset, then falls back to content detection.
func decodeHTMLBytes(name string, data []byte) (string, error) {
	if bytes.HasPrefix(data, bomUTF8) || bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) ||
		utf8.Valid(data) {
		return decodeText(name, data)
	}
	if m := metaCharset.FindSubmatch(data[:min(len(data), 4096)]); m != nil {
		// A page labelled UTF-8 that is not valid UTF-8 is mislabelled:
		// content detection (GB18030 …) knows better than the label.
		if enc, label := charset.Lookup(string(m[1])); enc != nil && label != "utf-8" {
			out, err := enc.NewDecoder().Bytes(data)
			if err == nil {
				s := toValidUTF8(out)
				if err := checkText(s); err != nil {
					return "", fmt.Errorf("%s: %w", name, err)
				}
				return s, nil
			}
		}
	}
	return decodeText(name, data)
}

type linkStats struct {
	text, link, links int // runes of text, runes inside <a>, number of <a>
}

type htmlExtractor struct {
	b          strings.Builder
	stats      map[*html.Node]linkStats
	spanBudget int // merged cells fillRowspans may still copy
}

// measure records, for every element, how much of its text is link text.
func (e *htmlExtractor) measure(n *html.Node, depth int) linkStats {
	var s linkStats
	if n.Type == html.TextNode {
		s.text = utf8.RuneCountInString(strings.TrimSpace(n.Data))
		return s
	}
	if n.Type == html.ElementNode && skipElements[n.DataAtom] {
		return s
	}
	if depth > maxHTMLDepth {
		return s
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := e.measure(c, depth+1)
		s.text += cs.text
		s.link += cs.link
		s.links += cs.links
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		s.link = s.text
		s.links++
	}
	if n.Type == html.ElementNode {
		e.stats[n] = s
	}
	return s
}

func (e *htmlExtractor) skip(n *html.Node) bool {
	if skipElements[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			for _, w := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool {
				return r == ' ' || r == '-' || r == '_'
			}) {
				if skipHints[w] {
					return true
				}
			}
		case "role":
			if skipRoles[strings.ToLower(a.Val)] {
				return true
			}
		case "hidden":
			return true
		case "style":
			if v := strings.ReplaceAll(strings.ToLower(a.Val), " ", ""); strings.Contains(v, "display:none") {
				return true
			}
		}
	}
	if n.DataAtom != atom.A && n.DataAtom != atom.Body && n.DataAtom != atom.Html {
		s := e.stats[n]
		if s.links >= linkHeavyCount && s.text > 0 && float64(s.link)/float64(s.text) > linkHeavyShare {
			return true
		}
	}
	return false
}

func (e *htmlExtractor) newline() {
	s := e.b.String()
	if s != "" && !strings.HasSuffix(s, "\n") {
		e.b.WriteByte('\n')
	}
}

func (e *htmlExtractor) walk(n *html.Node, depth int, pre bool) {
	switch n.Type {
	case html.TextNode:
		if pre {
			e.b.WriteString(n.Data)
		} else {
			e.b.WriteString(collapseHTMLSpace(n.Data))
		}
		return
	case html.ElementNode:
		if e.skip(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	if depth > maxHTMLDepth {
		return
	}
	a := n.DataAtom
	switch a {
	case atom.Br:
		e.b.WriteByte('\n')
		return
	case atom.Table:
		fillRowspans(n, &e.spanBudget)
	case atom.Td, atom.Th:
		if n.PrevSibling != nil {
			e.b.WriteByte('\t')
		}
	case atom.Pre:
		pre = true
	}
	block := blockElements[a]
	if block {
		e.newline()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		e.walk(c, depth+1, pre)
	}
	if block {
		e.newline()
		if paragraphElements[a] {
			e.b.WriteByte('\n')
		}
	}
}

// collapseHTMLSpace collapses white space as a browser does, except that a
// line break between two Chinese characters disappears: source wrapping
// inside Chinese text is not a word space.
func collapseHTMLSpace(s string) string {
	var b strings.Builder
	var prev rune
	space, newline := false, false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			newline = newline || r == '\n' || r == '\r'
			continue
		}
		if space {
			if !(newline && unicode.Is(unicode.Han, prev) && unicode.Is(unicode.Han, r)) {
				b.WriteByte(' ')
			}
			space, newline = false, false
		}
		b.WriteRune(r)
		prev = r
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// tidyLines trims every line and keeps at most one blank line in a row.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := false
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// pageTitle returns the first part of <title> (before a " - site name"
// suffix), used when the body does not repeat the title, and the last part
// when it names the site (…_常州市新北区人民政府).
func pageTitle(doc *html.Node) (title, site string) {
	var find func(*html.Node, int) string
	find = func(n *html.Node, depth int) string {
		if depth > 8 {
			return ""
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			if n.FirstChild != nil {
				return n.FirstChild.Data
			}
			return ""
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if t := find(c, depth+1); t != "" {
				return t
			}
		}
		return ""
	}
	t := strings.TrimSpace(collapseHTMLSpace(find(doc, 0)))
	for _, sep := range []string{" - ", "_", " | ", "|", "——", "－"} {
		if i := strings.Index(t, sep); i > 0 {
			if j := strings.LastIndex(t, sep); site == "" && siteName(t[j+len(sep):]) {
				site = strings.TrimSpace(t[j+len(sep):])
			}
			t = strings.TrimSpace(t[:i])
		}
	}
	// "…常务会议-济南市槐荫区人民政府": a bare hyphen or dash before the
	// site's name, which ends like one (hyphens also stand in 2021-2025年).
	for _, sep := range []string{"-", "—"} {
		if i := strings.LastIndex(t, sep); i > 0 && siteName(t[i+len(sep):]) {
			if site == "" {
				site = strings.TrimSpace(t[i+len(sep):])
			}
			t = strings.TrimSpace(t[:i])
		}
	}
	return t, site
}

// governmentSite reports a site named by a government's full name
// (常州市新北区人民政府, 兴县人民政府), not a relative one (区人民政府) nor a
// placeholder (某市人民政府).
func governmentSite(s string) bool {
	stem, ok := strings.CutSuffix(s, "人民政府")
	if !ok || utf8.RuneCountInString(stem) < 2 || strings.HasPrefix(stem, "某") {
		return false
	}
	for _, r := range stem {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// siteName reports the name of a government site as a page title ends
// with it (济南市槐荫区人民政府, 中国政府网, 某某门户网站).
func siteName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 24 {
		return false
	}
	// Not 政府 alone: "…-建设数字政府" is a subtitle.
	for _, suffix := range []string{"人民政府", "网", "网站", "门户", "信息公开", "政务公开"} {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}
