package textio

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Per-format fuzz targets. FuzzRead mutates the file name too, so most of
// its inputs end up in the plain-text decoder; these fix the format so the
// fuzzer spends its time inside one decoder. The DOCX and PDF targets also
// fuzz the parts inside the container (document.xml, content streams,
// ToUnicode maps): random bytes almost never survive a zip CRC or a PDF
// xref table, so raw-byte fuzzing alone would not reach those parsers.
//
// Run one longer with, e.g.:
//
//	go test ./internal/textio -run XXX -fuzz FuzzReadPDFContent -fuzztime 10m

const fuzzLimit = 1 << 20

// checkReadContract reads data as name and fails on any outcome outside
// Read's contract: a panic (the test fails by itself), an error that is not
// one of the package's sentinels, a hang, or text that is not valid,
// non-blank UTF-8 with \n line endings.
func checkReadContract(t *testing.T, name string, data []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	type result struct {
		text string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		got, err := Read(ctx, name, bytes.NewReader(data), Options{MaxBytes: fuzzLimit})
		done <- result{got, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("Read(%q, %d bytes) hangs: no answer after 30 s (context deadline 10 s)", name, len(data))
	}
	if r.err != nil {
		for _, k := range []error{ErrEmpty, ErrBinary, ErrTooLarge, ErrNoText, ErrUnsupported, ErrMalformed, context.DeadlineExceeded} {
			if errors.Is(r.err, k) {
				return
			}
		}
		t.Fatalf("Read(%q) returned an error outside the contract: %v", name, r.err)
	}
	switch {
	case !utf8.ValidString(r.text):
		t.Fatalf("Read(%q) returned invalid UTF-8", name)
	case strings.Contains(r.text, "\r"):
		t.Fatalf("Read(%q) left a carriage return", name)
	case strings.TrimSpace(r.text) == "":
		t.Fatalf("Read(%q) returned blank text without ErrEmpty", name)
	}
}

// FuzzReadHTML: markup of any shape (deep nesting, broken tags, odd
// charsets in <meta>) through the HTML decoder.
func FuzzReadHTML(f *testing.F) {
	lines := sampleLines(f)
	f.Add([]byte(buildHTML(lines, "utf-8")))
	f.Add(gbk(f, buildHTML(lines, "gbk")))
	f.Add([]byte(strings.Repeat("<div>", 5000) + "会议纪要" + strings.Repeat("</div>", 10)))
	f.Add([]byte(`<html><head><meta charset="x-unknown-charset"></head><body><p>出席：张三</p>`))
	f.Add([]byte(`<html><body><nav><nav><nav>首页</nav></nav><table><tr><td>组长：<td>韩正<tr></table>`))
	f.Add([]byte("<!DOCTYPE html><html><body>\x00\xff\xfe<p>纪要</p><script>不是正文</script>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkReadContract(t, "page.html", data)
	})
}

// FuzzReadDOCX: raw container bytes (zip damage, zip bombs, wrong entries).
func FuzzReadDOCX(f *testing.F) {
	lines := sampleLines(f)
	f.Add(buildDOCX(f, lines, [][]string{{"组长：", "韩正"}}))
	f.Add(buildZipBomb(f, 4<<20))
	f.Add(zipFiles(f, map[string]string{"word/other.xml": "<x/>"}))
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkReadContract(t, "upload.docx", data)
	})
}

// FuzzReadDOCXXML: arbitrary document.xml and numbering.xml inside a valid
// zip, which is where a hostile .docx attacks the XML walker and the list
// numbering.
func FuzzReadDOCXXML(f *testing.F) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	f.Add(`<w:document `+w+`><w:body><w:p><w:r><w:t>出席：张三</w:t></w:r></w:p></w:body></w:document>`, "")
	f.Add(`<w:document `+w+`><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>议题</w:t></w:r></w:p></w:body></w:document>`,
		`<w:numbering `+w+`><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`)
	f.Add(`<w:document `+w+`><w:body><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>`, "")
	f.Add(`<w:document `+w+`><w:body><w:p><w:r><w:t>&#0;&#xD800;&bogus;</w:t></w:r></w:p>`, `<w:numbering><w:lvl w:ilvl="-9"><w:start w:val="99999999999"/></w:lvl>`)
	f.Add(`<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><w:document `+w+`><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`, "")
	f.Fuzz(func(t *testing.T, document, numbering string) {
		files := map[string]string{"word/document.xml": document}
		if numbering != "" {
			files["word/numbering.xml"] = numbering
		}
		checkReadContract(t, "upload.docx", zipFiles(t, files))
	})
}

// FuzzReadDOCXStyles: arbitrary styles.xml and document.xml with style
// numbering: basedOn chains, loops and numPr in styles.
func FuzzReadDOCXStyles(f *testing.F) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	doc := `<w:document ` + w + `><w:body><w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>议题</w:t></w:r></w:p></w:body></w:document>`
	f.Add(doc, `<w:styles `+w+`><w:style w:type="paragraph" w:styleId="1"><w:basedOn w:val="0"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`)
	f.Add(doc, `<w:styles `+w+`><w:style w:styleId="1"><w:basedOn w:val="2"/></w:style><w:style w:styleId="2"><w:basedOn w:val="1"/></w:style></w:styles>`)
	f.Add(doc, `<w:styles><w:style w:styleId="1"><w:pPr><w:numPr><w:ilvl w:val="-7"/>`)
	f.Fuzz(func(t *testing.T, document, styles string) {
		checkReadContract(t, "upload.docx", zipFiles(t, map[string]string{
			"word/document.xml": document,
			"word/styles.xml":   styles,
			"word/numbering.xml": `<w:numbering ` + w + `><w:abstractNum w:abstractNumId="0">` +
				`<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
				`<w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>` +
				`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
		}))
	})
}

// FuzzReadPDFType3: arbitrary content and ToUnicode maps for Type3 fonts,
// which the reader decodes itself, walking the content stream a second time.
func FuzzReadPDFType3(f *testing.F) {
	f.Add("BT /T1 12 Tf 20 800 Td <010203> Tj /F1 12 Tf (abc) Tj /T2 12 Tf [<01> 5 <02>] TJ ET",
		"2 beginbfchar <01> <4E00> <02> <3001> endbfchar", "1 beginbfrange <01> <03> [<4E09> <3001> <7814>] endbfrange")
	f.Add("BT /T1 12 Tf <01> ' q /T2 9 Tf Q <02> Tj ET", "1 beginbfrange <01> <FF> <FFFF> endbfrange", "1 beginbfchar <01")
	f.Fuzz(func(t *testing.T, content, map1, map2 string) {
		checkReadContract(t, "scan.pdf", type3PDF(content, map1, map2))
	})
}

// FuzzReadPDF: raw PDF bytes (damaged xref, truncated objects, image-only).
func FuzzReadPDF(f *testing.F) {
	lines := sampleLines(f)
	f.Add(buildPDF(f, lines[:3]))
	f.Add(buildPDFPages(f, [][]string{lines[:2], lines[2:4]}, "TJ"))
	f.Add(buildImagePDF(f))
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF"))
	f.Add([]byte("%PDF-"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkReadContract(t, "scan.pdf", data)
	})
}

// FuzzReadPDFContent: an arbitrary page content stream and ToUnicode CMap
// in an otherwise well-formed PDF (correct xref), where the PDF library's
// interpreter and CMap parser do their work.
func FuzzReadPDFContent(f *testing.F) {
	const cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
		"2 beginbfchar\n<0001> <4F1A>\n<0002> <8BAE>\nendbfchar\n" +
		"1 beginbfrange\n<0003> <0005> <7EAA>\nendbfrange\nendcmap\nend\nend"
	f.Add("BT /F1 10 Tf 1 0 0 1 20 800 Tm <00010002> Tj ET", cmap)
	f.Add("BT /F1 10 Tf 20 800 Td [<0001> -20 <0002>] TJ 0 -14 Td (abc) ' ET", cmap)
	f.Add("q 1 0 0 1 0 0 cm BT /F1 10 Tf <0003000400050006> Tj ET Q", "1 beginbfrange\n<0000> <FFFF> [<0041>]\nendbfrange")
	f.Add("BT /F1 Tf Tj TJ ] ] [ << >> ET ET ET", "begincmap endcmap")
	f.Add("BT /F9 10 Tf <00> Tj ET", "")
	f.Fuzz(func(t *testing.T, content, toUnicode string) {
		data := assemblePDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
			"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
			"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
			stream(toUnicode),
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 7 0 R >>",
			stream(content),
		})
		checkReadContract(t, "page.pdf", data)
	})
}

// FuzzReadEncodings: bytes in any encoding, or none, through the plain-text
// decoder's detection (UTF-8 with or without BOM, GBK/GB18030, UTF-16 with
// or without BOM, mixtures and damage).
func FuzzReadEncodings(f *testing.F) {
	text := strings.Join(sampleLines(f), "\n")
	f.Add([]byte(text))
	f.Add(append([]byte("\xef\xbb\xbf"), text...))
	f.Add(gbk(f, text))
	f.Add(utf16Bytes(text, false, true))
	f.Add(utf16Bytes(text, true, false))
	f.Add(append(gbk(f, "会议纪要\n"), []byte("出席：张三\n")...)) // mixed GBK and UTF-8
	f.Add([]byte("会议\xff\xfe\x80纪要\r\n\r\x00"))
	f.Add([]byte{0xfe, 0xff, 0xd8, 0x00}) // BOM, then a lone surrogate
	f.Fuzz(func(t *testing.T, data []byte) {
		checkReadContract(t, "minutes.txt", data)
		// The same bytes under another name must give the same verdict:
		// detection is by content, the name only picks the container.
		a, errA := Read(context.Background(), "a.txt", bytes.NewReader(data), Options{MaxBytes: fuzzLimit})
		b, errB := Read(context.Background(), "b", bytes.NewReader(data), Options{MaxBytes: fuzzLimit})
		if (errA == nil) != (errB == nil) || a != b {
			t.Fatalf("a.txt and an extensionless name disagree: %v / %v (%s)", errA, errB, fmt.Sprintf("%.40q vs %.40q", a, b))
		}
	})
}
