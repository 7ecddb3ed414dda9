package textio

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestReadDOCXStyleNumbering: list labels that come from the paragraph
// style (w:pStyle → styles.xml w:numPr, possibly through basedOn) are
// rebuilt as direct numbering is.
func TestReadDOCXStyleNumbering(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	numbering := `<w:numbering ` + w + `><w:abstractNum w:abstractNumId="0">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
		`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	style := func(id, basedOn, numPr string) string {
		s := `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + id + `"/>`
		if basedOn != "" {
			s += `<w:basedOn w:val="` + basedOn + `"/>`
		}
		if numPr != "" {
			s += `<w:pPr><w:numPr>` + numPr + `</w:numPr></w:pPr>`
		}
		return s + `</w:style>`
	}
	// para writes a paragraph of style st with the extra properties pr.
	para := func(st, pr, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + st + `"/>` + pr + `</w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	heading := style("a", "", "") +
		style("1", "a", `<w:numId w:val="1"/>`) +
		style("2", "a", `<w:ilvl w:val="1"/><w:numId w:val="1"/>`)
	tests := []struct {
		name, styles, body, want string
	}{
		{
			name:   "numPr of the style",
			styles: heading,
			body:   para("1", "", "保障气源") + para("2", "", "落实合同") + para("2", "", "加强电网") + para("1", "", "强化安全") + para("a", "", "正文"),
			want:   "一、保障气源\n（一）落实合同\n（二）加强电网\n二、强化安全\n正文",
		},
		{
			name:   "numPr inherited through basedOn",
			styles: heading + style("10", "1", "") + style("20", "2", ""),
			body:   para("10", "", "保障气源") + para("20", "", "落实合同") + para("10", "", "强化安全"),
			want:   "一、保障气源\n（一）落实合同\n二、强化安全",
		},
		{
			name:   "the paragraph's own level and numId win",
			styles: heading,
			body: para("1", "", "保障气源") + para("1", `<w:numPr><w:ilvl w:val="1"/></w:numPr>`, "落实合同") +
				para("1", `<w:numPr><w:numId w:val="0"/></w:numPr>`, "不编号"),
			want: "一、保障气源\n（一）落实合同\n不编号",
		},
		{
			name:   "a basedOn loop ends",
			styles: style("x", "y", "") + style("y", "x", ""),
			body:   para("x", "", "正文"),
			want:   "正文",
		},
		{
			name:   "an unknown style is plain",
			styles: heading,
			body:   para("9", "", "正文"),
			want:   "正文",
		},
		{
			name:   "character styles do not number",
			styles: `<w:style w:type="character" w:styleId="c"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`,
			body:   para("c", "", "正文"),
			want:   "正文",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := read(t, "a.docx", zipFiles(t, map[string]string{
				"word/document.xml":  `<w:document ` + w + `><w:body>` + tc.body + `</w:body></w:document>`,
				"word/numbering.xml": numbering,
				"word/styles.xml":    `<w:styles ` + w + `>` + tc.styles + `</w:styles>`,
			}))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Read = %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestReadDOCXStyleChainBounded: a chain of 20000 styles, each based on
// the next, and 20000 paragraphs of its first style cost little; the
// numbering at its far end is out of reach.
func TestReadDOCXStyleChainBounded(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	const n = 20000
	var st, body strings.Builder
	for i := range n {
		fmt.Fprintf(&st, `<w:style w:type="paragraph" w:styleId="s%d"><w:basedOn w:val="s%d"/></w:style>`, i, i+1)
	}
	fmt.Fprintf(&st, `<w:style w:type="paragraph" w:styleId="s%d"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`, n)
	for range n {
		body.WriteString(`<w:p><w:pPr><w:pStyle w:val="s0"/></w:pPr><w:r><w:t>段</w:t></w:r></w:p>`)
	}
	start := time.Now()
	got, err := read(t, "a.docx", zipFiles(t, map[string]string{
		"word/document.xml": `<w:document ` + w + `><w:body>` + body.String() + `</w:body></w:document>`,
		"word/numbering.xml": `<w:numbering ` + w + `><w:abstractNum w:abstractNumId="0">` +
			`<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
		"word/styles.xml": `<w:styles ` + w + `>` + st.String() + `</w:styles>`,
	}))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, ".") {
		t.Errorf("a style %d levels up numbered the paragraphs: %.40q", n, got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}
