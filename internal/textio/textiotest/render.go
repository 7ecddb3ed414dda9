// Package textiotest renders document text as the file formats textio reads
// (.docx, .pdf with a ToUnicode text layer, HTML pages with navigation
// clutter, GBK and UTF-16 bytes), so tests can check that every rendering of
// a document reads and parses the same. It is for tests only.
package textiotest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// HanSplit splits s in two near the middle between two Han characters, where
// source wrapping must not introduce a space.
func HanSplit(s string) (string, string) {
	rs := []rune(s)
	for i := len(rs) / 2; i > 0 && i < len(rs)-1; i++ {
		if unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[i]) {
			return string(rs[:i]), string(rs[i:])
		}
	}
	return s, ""
}

// GBK encodes s as GBK.
func GBK(s string) ([]byte, error) {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		return nil, fmt.Errorf("encode GBK: %w", err)
	}
	return b, nil
}

// UTF16 encodes s as UTF-16, optionally big-endian and with a byte-order mark.
func UTF16(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s)) // writes to a bytes.Buffer cannot fail
	return b.String()
}

// DOCX writes a minimal .docx: paragraphs, each split over two runs as Word
// does, then a table of rows.
func DOCX(paras []string, rows [][]string) ([]byte, error) {
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, p := range paras {
		rs := []rune(p)
		half := len(rs) / 2
		fmt.Fprintf(&doc, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`,
			xmlEscape(string(rs[:half])), xmlEscape(string(rs[half:])))
	}
	if len(rows) > 0 {
		doc.WriteString(`<w:tbl>`)
		for _, row := range rows {
			doc.WriteString(`<w:tr>`)
			for _, cell := range row {
				fmt.Fprintf(&doc, `<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>`, xmlEscape(cell))
			}
			doc.WriteString(`</w:tr>`)
		}
		doc.WriteString(`</w:tbl>`)
	}
	doc.WriteString(`</w:body></w:document>`)
	return Zip(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   doc.String(),
	})
}

// Zip writes files into a zip archive.
func Zip(files map[string]string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			return nil, fmt.Errorf("zip %s: %w", name, err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			return nil, fmt.Errorf("zip %s: %w", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("zip: %w", err)
	}
	return buf.Bytes(), nil
}

// HTML wraps content lines in a page full of chrome: head with script and
// style, a nav bar, a breadcrumb, a link-heavy sidebar and a footer. The
// first line is the heading; each further line is a paragraph whose source
// is wrapped between two Han characters.
func HTML(lines []string, charset string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html><head><meta charset="%s"><title>%s_某市人民政府</title>`, charset, lines[0])
	b.WriteString(`<script>var nav = "首页 政务公开";</script><style>.a{color:red}</style></head><body>`)
	b.WriteString(`<div class="top-nav"><a href="/">首页</a> <a href="/a">政务公开</a> <a href="/b">互动交流</a></div>`)
	b.WriteString(`<nav><a href="/">网站首页</a><a href="/x">机构概况</a></nav>`)
	b.WriteString(`<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/z">会议纪要</a></div>`)
	b.WriteString(`<div class="main"><h1>` + lines[0] + `</h1><div id="zoom" class="article-content">`)
	for _, l := range lines[1:] {
		a, z := HanSplit(l)
		fmt.Fprintf(&b, "<p>\n  %s\n  %s\n</p>\n", a, z)
	}
	b.WriteString(`</div></div>`)
	b.WriteString(`<div class="links"><ul><li><a href="/1">相关链接一</a></li><li><a href="/2">相关链接二</a></li><li><a href="/3">相关链接三</a></li></ul></div>`)
	b.WriteString(`<footer>版权所有：某市人民政府 ICP备12345678号</footer></body></html>`)
	return b.String()
}

// PDF writes a PDF with one page per entry of pages, set in a Type0 font with
// Identity-H encoding and a ToUnicode CMap, the usual way Chinese PDFs carry
// text. Glyph ids are assigned per distinct character. style chooses how
// lines are positioned: "Tm" (absolute text matrix per line, leading
// spaces turned into the line's position, as Word writes), "Td" (relative
// moves in one text object) or "TJ" (relative moves, each line split into
// kerned pieces).
func PDF(pages [][]string, style string) ([]byte, error) {
	cid := map[rune]int{}
	var order []rune
	code := func(s string) string {
		var hex strings.Builder
		for _, r := range s {
			id, ok := cid[r]
			if !ok {
				id = len(cid) + 1
				cid[r] = id
				order = append(order, r)
			}
			fmt.Fprintf(&hex, "%04X", id)
		}
		return hex.String()
	}
	var contents []string
	for _, lines := range pages {
		var c strings.Builder
		switch style {
		case "Tm":
			// Word sets an indent as the line's position, not as spaces.
			for k, l := range lines {
				body := strings.TrimLeft(l, " \u3000")
				x := 20 + 5*columns(l[:len(l)-len(body)])
				fmt.Fprintf(&c, "BT /F1 10 Tf 1 0 0 1 %d %d Tm <%s> Tj ET\n", x, 800-14*k, code(body))
			}
		case "Td", "TJ":
			c.WriteString("BT /F1 10 Tf 20 800 Td\n")
			for k, l := range lines {
				if k > 0 {
					c.WriteString("0 -14 Td\n")
				}
				// Re-select the font per line, as producers do per run.
				c.WriteString("/F1 10 Tf ")
				if style == "Td" {
					fmt.Fprintf(&c, "<%s> Tj\n", code(l))
					continue
				}
				a, z := HanSplit(l)
				fmt.Fprintf(&c, "[<%s> -20 <%s>] TJ\n", code(a), code(z))
			}
			c.WriteString("ET\n")
		default:
			return nil, fmt.Errorf("unknown PDF style %q", style)
		}
		contents = append(contents, c.String())
	}
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(order); i += 100 {
		chunk := order[i:min(i+100, len(order))]
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(chunk))
		for j, r := range chunk {
			var dst strings.Builder
			for _, x := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&dst, "%04X", x)
			}
			fmt.Fprintf(&cmap, "<%04X> <%s>\n", i+j+1, dst.String())
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")

	// Objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 CMap, then a page
	// and its content stream per page.
	n := len(pages)
	kids := make([]string, n)
	for k := range pages {
		kids[k] = fmt.Sprintf("%d 0 R", 6+2*k)
	}
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n),
		"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
		Stream(cmap.String()),
	}
	for k := range pages {
		objects = append(objects,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 7+2*k),
			Stream(contents[k]))
	}
	return AssemblePDF(objects), nil
}

// columns is the width of s in half-em columns: ASCII one, the rest two.
func columns(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x80 {
			n++
		} else {
			n += 2
		}
	}
	return n
}

// Stream renders a PDF stream object holding s.
func Stream(s string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(s), s)
}

// AssemblePDF numbers objects from 1 and writes a correct xref table.
func AssemblePDF(objects []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects)+1)
	for i, o := range objects {
		offsets[i+1] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}
