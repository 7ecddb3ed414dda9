package textio

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func read(t testing.TB, name string, data []byte) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return Read(ctx, name, bytes.NewReader(data), Options{})
}

func TestReadEncodings(t *testing.T) {
	lines := sampleLines(t)
	text := strings.Join(lines, "\n")
	crlf := strings.Join(lines, "\r\n") + "\r\n"
	tests := []struct {
		name string
		file string
		data []byte
		want string
	}{
		{"utf-8", "a.txt", []byte(text), text},
		{"utf-8 with BOM", "a.txt", append([]byte("\xef\xbb\xbf"), text...), text},
		{"crlf", "a.txt", []byte(crlf), text + "\n"},
		{"gbk", "a.txt", gbk(t, text), text},
		{"gbk without extension", "a", gbk(t, text), text},
		{"utf-16le with BOM", "a.txt", utf16Bytes(text, false, true), text},
		{"utf-16be with BOM", "a.txt", utf16Bytes(text, true, true), text},
		{"utf-16le without BOM", "a.txt", utf16Bytes(text, false, false), text},
		{"utf-16be without BOM", "a.txt", utf16Bytes(text, true, false), text},
		{"markdown", "a.md", []byte("# " + text), "# " + text},
		// Text named as a web page has no markup to lay its lines out: they
		// are its own (read as HTML, they ran into one line).
		{"text named .html", "a.html", []byte(text), text},
		{"gbk text named .htm", "a.htm", gbk(t, text), text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := read(t, tt.file, tt.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got != tt.want {
				t.Errorf("Read = %q\nwant %q", head(got), head(tt.want))
			}
		})
	}
}

func TestReadDamagedText(t *testing.T) {
	lines := sampleLines(t)
	tests := []struct {
		name string
		data []byte
		want []string // substrings that must survive
	}{
		{"invalid bytes in utf-8", []byte(lines[0] + "\xff\xfe\x80" + lines[1]), []string{lines[0], lines[1], "\uFFFD"}},
		{"utf-8 cut inside a character", []byte(lines[0] + "\n" + lines[1][:len(lines[1])-1]), []string{lines[0], lines[1][:len(lines[1])-3]}},
		{"utf-8 with a stray byte per line", []byte(lines[0] + "\x81\n" + lines[1] + "\xfe\n"), []string{lines[0], lines[1]}},
		{"gbk paragraph in utf-8 file", append([]byte(lines[0]+"\n"+lines[1]+"\n"), gbk(t, lines[2]+"\n")...), []string{lines[0], lines[1], lines[2]}},
	}
	// A UTF-8 line damaged too much to pass for UTF-8 is still not GBK:
	// its characters survive.
	var damaged strings.Builder
	for i, r := range []rune(lines[3]) {
		damaged.WriteRune(r)
		if i%6 == 5 {
			damaged.WriteString("\xff")
		}
	}
	tests = append(tests, struct {
		name string
		data []byte
		want []string
	}{"utf-8 line with a bad byte every six characters", []byte(strings.Join(lines[:3], "\n") + "\n" + damaged.String() + "\n"), []string{lines[0], string([]rune(lines[3])[:5])}})
	// A GBK file with a broken byte keeps the rest of the paragraph the byte
	// is in (the whole line was read as UTF-8, every character of it lost).
	h1, h2 := hanSplit(lines[1])
	for _, bad := range []string{"\xff", "\x80"} { // not a lead byte: a stray lead byte pairs with the next one
		data := slices.Concat(gbk(t, lines[0]+"\n"+h1), []byte(bad), gbk(t, h2+"\n"+lines[2]))
		tests = append(tests, struct {
			name string
			data []byte
			want []string
		}{fmt.Sprintf("gbk with a broken byte %x", bad), data, []string{lines[0], h1, h2[2*3:], lines[2]}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := read(t, "a.txt", tt.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("result lacks %q:\n%s", w, head(got))
				}
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	lines := sampleLines(t)
	random := make([]byte, 4096)
	x := uint32(2463534242)
	for i := range random {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		random[i] = byte(x)
	}
	pdfText := buildPDF(t, lines[:2])
	tests := []struct {
		name string
		file string
		data []byte
		want error
	}{
		{"empty", "a.txt", nil, ErrEmpty},
		{"whitespace only", "a.txt", []byte(" \r\n\t\n"), ErrEmpty},
		{"random bytes", "a.txt", random, ErrBinary},
		{"random bytes without NULs", "a.bin", bytes.ReplaceAll(random, []byte{0}, []byte{1}), ErrBinary},
		{"elf header", "a", append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00"), random[:512]...), ErrBinary},
		{"image extension", "a.png", []byte("\x89PNG\r\n\x1a\n" + string(random[:256])), ErrUnsupported},
		{"legacy doc", "a.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, random[:256]...), ErrUnsupported},
		{"zip without document.xml", "a.docx", zipFiles(t, map[string]string{"a.txt": "x"}), ErrUnsupported},
		{"truncated docx", "a.docx", buildDOCX(t, lines, nil)[:200], ErrMalformed},
		{"docx with broken xml", "a.docx", zipFiles(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}), ErrMalformed},
		{"zip bomb docx", "a.docx", buildZipBomb(t, 2<<20), ErrTooLarge},
		{"empty docx", "a.docx", buildDOCX(t, nil, nil), ErrNoText},
		{"malformed pdf", "a.pdf", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"), ErrMalformed},
		{"truncated pdf", "a.pdf", pdfText[:len(pdfText)/2], ErrMalformed},
		{"image-only pdf", "a.pdf", buildImagePDF(t), ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			_, err := Read(ctx, tt.file, bytes.NewReader(tt.data), Options{MaxBytes: 1 << 20})
			if !errors.Is(err, tt.want) {
				t.Fatalf("Read error = %v, want %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.file+":") {
				t.Errorf("error %q does not start with the file name", err)
			}
		})
	}
}

// endless yields bytes forever and counts how many were read.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestReadTooLarge(t *testing.T) {
	const limit = 1 << 20
	src := &endless{}
	_, err := Read(context.Background(), "huge.txt", src, Options{MaxBytes: limit})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Read error = %v, want ErrTooLarge", err)
	}
	if src.n > 2*limit {
		t.Errorf("read %d bytes for a %d-byte limit", src.n, limit)
	}

	// ReadFile rejects a sparse 1 GB file by its size, reading nothing.
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := ReadFile(context.Background(), path, Options{}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("ReadFile error = %v, want ErrTooLarge", err)
	}
}

func TestReadFile(t *testing.T) {
	lines := sampleLines(t)
	path := filepath.Join(t.TempDir(), "纪要.txt")
	if err := os.WriteFile(path, gbk(t, strings.Join(lines, "\r\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got != strings.Join(lines, "\n") {
		t.Errorf("ReadFile = %q", head(got))
	}
	if _, err := ReadFile(context.Background(), filepath.Join(t.TempDir(), "missing.txt"), Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file error = %v, want os.ErrNotExist", err)
	}
}

func TestReadCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, "a.txt", strings.NewReader("会议"), Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Read error = %v, want context.Canceled", err)
	}
}

func TestReadDOCX(t *testing.T) {
	lines := sampleLines(t)
	rows := [][]string{{"组长：", "韩正", "国务院副总理"}, {"成员：", "", "市应急局"}}
	data := buildDOCX(t, lines, rows)
	for _, name := range []string{"a.docx", "a.bin"} { // by extension and by magic bytes
		got, err := read(t, name, data)
		if err != nil {
			t.Fatalf("%s: Read: %v", name, err)
		}
		want := strings.Join(lines, "\n") + "\n组长：\t韩正\t国务院副总理\n成员：\t\t市应急局"
		if strings.TrimSpace(squashSpaces(got)) != want {
			t.Errorf("%s: Read =\n%q\nwant\n%q", name, got, want)
		}
	}
}

// squashSpaces removes the spaces that end cell paragraphs, which are not
// part of the contract.
func squashSpaces(s string) string {
	return strings.NewReplacer(" \t", "\t", " \n", "\n").Replace(strings.TrimRight(s, " "))
}

func TestReadHTML(t *testing.T) {
	lines := sampleLines(t)
	page := buildHTML(lines, "utf-8")
	gbkPage := gbk(t, buildHTML(lines, "gbk"))
	tests := []struct {
		name, file string
		data       []byte
	}{
		{"utf-8 page", "a.html", []byte(page)},
		{"gbk page by meta charset", "a.htm", gbkPage},
		{"sniffed without extension", "page", []byte(page)},
		{"web page saved as .txt", "page.txt", []byte(page)},
		{"gb2312 by http-equiv", "a.html", gbk(t, strings.Replace(buildHTML(lines, "x"), `<meta charset="x">`,
			`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, 1))},
		{"gbk page mislabelled utf-8", "a.html", gbk(t, buildHTML(lines, "utf-8"))},
		{"utf-16 page with BOM", "a.html", utf16Bytes(page, false, true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := read(t, tt.file, tt.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			for _, l := range lines {
				if !strings.Contains(got, l) {
					t.Errorf("content line lost: %q\nin:\n%s", l, got)
				}
			}
			for _, clutter := range []string{"var nav", "color:red", "政务公开", "网站首页", "当前位置", "相关链接", "版权所有", "ICP备"} {
				if strings.Contains(got, clutter) {
					t.Errorf("clutter %q kept:\n%s", clutter, got)
				}
			}
			if !strings.HasPrefix(got, lines[0]+"\n") {
				t.Errorf("title is not the first line:\n%s", head(got))
			}
		})
	}
}

func TestReadHTMLStructure(t *testing.T) {
	page := `<html><body><div>第一段<br>第二行</div><table><tr><td>组长</td><td>韩正</td></tr></table><pre>  缩进
保留</pre><ul><li>一</li><li>二</li></ul></body></html>`
	got, err := read(t, "a.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "第一段\n第二行\n组长\t韩正\n缩进\n保留\n一\n二"
	if got != want {
		t.Errorf("Read = %q, want %q", got, want)
	}
}

func TestReadDeepHTML(t *testing.T) {
	const depth = 10000
	for _, tag := range []string{"div", "b", "table", "a", "li"} {
		t.Run(tag, func(t *testing.T) {
			page := "<html><body><p>会议纪要开头</p>" + strings.Repeat("<"+tag+">", depth) + "深层正文" +
				strings.Repeat("</"+tag+">", depth) + "<p>会议纪要结尾</p></body></html>"
			start := time.Now()
			got, err := read(t, "deep.html", []byte(page))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			for _, w := range []string{"会议纪要开头", "深层正文", "会议纪要结尾"} {
				if !strings.Contains(got, w) {
					t.Errorf("text %q lost: %q", w, head(got))
				}
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("deep nesting took %v", d)
			}
		})
	}
}

func TestReadPDF(t *testing.T) {
	lines := sampleLines(t)
	more := corpusLines(t, filepath.Join("official", "gov_47.txt"), 4)
	for _, style := range []string{"Tm", "Td", "TJ"} {
		t.Run(style, func(t *testing.T) {
			got, err := read(t, "a.pdf", buildPDFPages(t, [][]string{lines, more}, style))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if want := strings.Join(lines, "\n") + "\n\n" + strings.Join(more, "\n"); got != want {
				t.Errorf("Read =\n%q\nwant\n%q", got, want)
			}
		})
	}
}

// TestReadPDFManyPages bounds the cost of a long document whose producer
// selects the font on every line.
func TestReadPDFManyPages(t *testing.T) {
	lines := corpusLines(t, filepath.Join("official", "gov_47.txt"), 40)
	pages := make([][]string, 30)
	for k := range pages {
		// Each page starts elsewhere: identical first or last lines on
		// every page would be a running header or footer, and dropped.
		pages[k] = append(slices.Clone(lines[k:]), lines[:k]...)
	}
	start := time.Now()
	got, err := read(t, "long.pdf", buildPDFPages(t, pages, "Td"))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if n := strings.Count(got, lines[len(lines)-1]); n != len(pages) {
		t.Errorf("last line found %d times, want %d", n, len(pages))
	}
	t.Logf("30 pages × 40 lines in %v", time.Since(start))
}

// TestReadCorpus reads every corpus file unchanged: they are UTF-8 text.
func TestReadCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusDir(t), "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	for _, p := range files {
		got, err := ReadFile(context.Background(), p, Options{})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		raw, _ := os.ReadFile(p)
		if want := normalizeNewlines(strings.TrimPrefix(string(raw), "\ufeff")); got != want {
			t.Errorf("%s: text changed on reading", filepath.Base(p))
		}
	}
}

func head(s string) string {
	if r := []rune(s); len(r) > 200 {
		return string(r[:200]) + "…"
	}
	return s
}

var _ io.Reader = (*endless)(nil)

// TestReadHTMLTableLayout covers the older government page layout: a table
// whose left cell is a link menu, a metadata table and the article body.
func TestReadHTMLTableLayout(t *testing.T) {
	lines := sampleLines(t)
	var b strings.Builder
	b.WriteString(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><table><tr>`)
	b.WriteString(`<td width="200"><a href="/1">机构设置</a><br><a href="/2">领导信息</a><br><a href="/3">政策文件</a><br><a href="/4">规划计划</a></td><td>`)
	b.WriteString(`<table class="xxgk"><tr><td>索引号：</td><td>11410000/2024-00035</td></tr><tr><td>发布机构：</td><td>区政府办公室</td></tr></table>`)
	b.WriteString(`<div class="title">` + lines[0] + `</div>`)
	for _, l := range lines[1:] {
		b.WriteString(`<p style="text-indent:2em">` + l + `</p>`)
	}
	b.WriteString(`<p>附件：<a href="/f.doc">附件一.doc</a></p>`)
	b.WriteString(`<div style="display: none">隐藏的统计代码</div></td></tr></table></body></html>`)
	got, err := read(t, "page.html", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range append([]string{"索引号：\t11410000/2024-00035", "发布机构：\t区政府办公室", "附件：附件一.doc"}, lines...) {
		if !strings.Contains(got, w) {
			t.Errorf("lost %q in:\n%s", w, got)
		}
	}
	for _, c := range []string{"机构设置", "规划计划", "隐藏的统计代码"} {
		if strings.Contains(got, c) {
			t.Errorf("kept %q in:\n%s", c, got)
		}
	}
}

// TestReadDOCXTextBox checks that a text box, stored twice (mc:Choice and
// mc:Fallback), is read once, and that deleted revisions are not read.
func TestReadDOCXTextBox(t *testing.T) {
	doc := `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` +
		`<w:p><w:r><w:t>常务会议纪要</w:t></w:r></w:p>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>〔2020〕3号</w:t></w:r></w:p></w:txbxContent></mc:Choice>` +
		`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>〔2020〕3号</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
		`<w:p><w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del><w:r><w:t>会议议定</w:t></w:r><w:r><w:tab/><w:t>事项</w:t></w:r></w:p>` +
		`</w:body></w:document>`
	got, err := read(t, "a.docx", zipFiles(t, map[string]string{"word/document.xml": doc}))
	if err != nil {
		t.Fatal(err)
	}
	if want := "常务会议纪要\n〔2020〕3号\n\n会议议定\t事项"; got != want {
		t.Errorf("Read = %q, want %q", got, want)
	}
}

// TestReadDOCXNumbering checks that automatic list labels, which Word keeps
// in numbering.xml rather than in the text, are rebuilt.
func TestReadDOCXNumbering(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	numbering := `<?xml version="1.0"?><w:numbering ` + w + `>` +
		`<w:abstractNum w:abstractNumId="0">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
		`</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>` +
		`</w:numbering>`
	para := func(num, lvl, text string) string {
		pr := ""
		if num != "" {
			pr = `<w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + num + `"/></w:numPr>` +
				`<w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:pPrChange></w:pPr>`
		}
		return `<w:p>` + pr + `<w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	doc := `<?xml version="1.0"?><w:document ` + w + `><w:body>` +
		para("1", "0", "审议《方案》") + para("1", "1", "原则同意") + para("1", "1", "要求落实") +
		para("1", "0", "听取汇报") + para("1", "1", "会议指出") + para("2", "0", "要点") +
		para("", "", "正文") + para("3", "0", "第九项") + para("3", "0", "第十项") +
		`</w:body></w:document>`
	got, err := read(t, "a.docx", zipFiles(t, map[string]string{"word/document.xml": doc, "word/numbering.xml": numbering}))
	if err != nil {
		t.Fatal(err)
	}
	want := "一、审议《方案》\n（一）原则同意\n（二）要求落实\n二、听取汇报\n（一）会议指出\n要点\n正文\n9.第九项\n10.第十项"
	if got != want {
		t.Errorf("Read = %q\nwant %q", got, want)
	}
}

// TestReadHTMLMeta checks the CMS meta tags: the article title when the body
// lacks it, and the publication date when the page chrome held it.
func TestReadHTMLMeta(t *testing.T) {
	lines := sampleLines(t)
	tests := []struct {
		name, head, body, want string
	}{
		{"pubdate added", `<meta name="PubDate" content="2024-2-26 10:38:00">`, "<h1>" + lines[0] + "</h1><p>" + lines[1] + "</p>",
			lines[0] + "\n发布日期：2024-02-26 10:38:00\n\n" + lines[1]},
		{"pubdate already shown", `<meta name="PubDate" content="2024-02-26">`, "<h1>" + lines[0] + "</h1><p>时间：2024-02-26</p>",
			lines[0] + "\n\n时间：2024-02-26"},
		{"article title", `<meta name="ArticleTitle" content="区政府第35次常务会议"><title>首页</title>`, "<p>" + lines[1] + "</p>",
			"区政府第35次常务会议\n\n" + lines[1]},
		{"no date in meta", `<meta name="PubDate" content="未知">`, "<p>" + lines[1] + "</p>", lines[1]},
		{"page title added", `<title>关于印发分工方案的通知_政策文件_某市人民政府</title>`, "<p>" + lines[1] + "</p>",
			"关于印发分工方案的通知\n\n" + lines[1]},
		{"site name after a bare hyphen", `<title>图文回放：区政府召开第37次常务会议-济南市槐荫区人民政府</title>`, "<h1>图文回放：区政府召开第37次常务会议</h1><p>" + lines[1] + "</p>",
			"图文回放：区政府召开第37次常务会议\n网站：济南市槐荫区人民政府\n\n" + lines[1]},
		{"a government's site after _", `<title>区长办公会议纪要（2024年第5次）_常州市新北区人民政府</title>`, "<h1>区长办公会议纪要（2024年第5次）</h1><p>" + lines[1] + "</p>",
			"区长办公会议纪要（2024年第5次）\n网站：常州市新北区人民政府\n\n" + lines[1]},
		{"a government's site in a meta tag", `<meta name="SiteName" content="兴县人民政府"><title>县政府召开常务会议</title>`, "<h1>县政府召开常务会议</h1><p>" + lines[1] + "</p>",
			"县政府召开常务会议\n网站：兴县人民政府\n\n" + lines[1]},
		{"a site named already in the text", `<title>区政府召开常务会议_常州市新北区人民政府</title>`, "<h1>区政府召开常务会议</h1><p>常州市新北区人民政府召开常务会议。</p>",
			"区政府召开常务会议\n\n常州市新北区人民政府召开常务会议。"},
		{"a site that is no government's name", `<title>区政府召开常务会议_新北区新闻网</title>`, "<h1>区政府召开常务会议</h1><p>" + lines[1] + "</p>",
			"区政府召开常务会议\n\n" + lines[1]},
		{"a relative site name", `<title>区政府召开常务会议_区人民政府</title>`, "<h1>区政府召开常务会议</h1><p>" + lines[1] + "</p>",
			"区政府召开常务会议\n\n" + lines[1]},
		{"a hyphen inside the title stays", `<title>2021-2025年规划纲要</title>`, "<p>" + lines[1] + "</p>",
			"2021-2025年规划纲要\n\n" + lines[1]},
		{"a subtitle ending in 政府 stays", `<title>关于推进改革的意见-建设数字政府</title>`, "<p>" + lines[1] + "</p>",
			"关于推进改革的意见-建设数字政府\n\n" + lines[1]},
		{"short page title of a fuller heading", `<title>关于印发分工方案的通知_政策文件</title>`,
			"<h1>宜昌市人民政府办公室关于印发2023年重点任务分工方案的通知</h1><p>" + lines[1] + "</p>",
			"宜昌市人民政府办公室关于印发2023年重点任务分工方案的通知\n\n" + lines[1]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head>" + tt.head + "</head><body>" + tt.body + "</body></html>"
			got, err := read(t, "a.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Read = %q\nwant %q", got, tt.want)
			}
		})
	}
}
