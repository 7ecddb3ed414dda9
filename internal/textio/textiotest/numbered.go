package textiotest

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// listLabel matches the three list levels of Chinese official documents at
// a paragraph's start: 一、 / （一） / 1. or 1、.
var listLabel = regexp.MustCompile(`^([一二三四五六七八九十]{1,3})、|^（([一二三四五六七八九十]{1,3})）|^(\d{1,2})[.．、]`)

// listAbstract defines the three levels, as Word writes them.
const listAbstract = `<w:abstractNum w:abstractNumId="0">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>` +
	`</w:abstractNum>`

// DOCXNumbered writes a .docx whose list labels are Word's automatic
// numbering (numbering.xml) instead of text, and whose paragraph indents are
// paragraph properties instead of leading spaces, as documents typed in Word
// are. Where the text's numbers do not continue Word's count (a list that
// restarts or skips), a new list instance starts at that number, as Word
// does after "restart numbering", so the document's text is unchanged.
func DOCXNumbered(paras []string) ([]byte, error) {
	var doc, nums strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	var count [3]int
	numID, start := 0, map[int]int{}
	for _, p := range paras {
		body := strings.TrimLeft(p, " \t\u3000")
		pr := ""
		if len(body) < len(p) {
			pr = `<w:ind w:firstLine="640"/>`
		}
		if lvl, n, rest, ok := splitLabel(body); ok {
			next := count[lvl] + 1
			if count[lvl] == 0 {
				next = max(start[lvl], 1)
			}
			if numID == 0 || n != next {
				// A new list instance, restarted at n.
				numID++
				start = map[int]int{lvl: n}
				count = [3]int{}
				fmt.Fprintf(&nums, `<w:num w:numId="%d"><w:abstractNumId w:val="0"/>`+
					`<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride></w:num>`, numID, lvl, n)
			}
			count[lvl] = n
			for k := lvl + 1; k < len(count); k++ {
				count[k] = 0
			}
			pr = fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, lvl, numID)
			body = rest
		}
		if pr != "" {
			pr = `<w:pPr>` + pr + `</w:pPr>`
		}
		fmt.Fprintf(&doc, `<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, pr, xmlEscape(body))
	}
	doc.WriteString(`</w:body></w:document>`)
	return Zip(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   doc.String(),
		"word/numbering.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
			listAbstract + nums.String() + `</w:numbering>`,
	})
}

// splitLabel returns a paragraph's list level, its number and the text
// after the label.
func splitLabel(s string) (lvl, n int, rest string, ok bool) {
	m := listLabel.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, s, false
	}
	rest = s[len(m[0]):]
	switch {
	case m[1] != "":
		n = chineseNumber(m[1])
	case m[2] != "":
		lvl, n = 1, chineseNumber(m[2])
	default:
		lvl = 2
		n, _ = strconv.Atoi(m[3])
	}
	return lvl, n, rest, n > 0 && strings.TrimSpace(rest) != ""
}

// chineseNumber reads 一 … 九十九; 0 when s is not such a number.
func chineseNumber(s string) int {
	digit := func(r rune) int { return slices.Index([]rune("零一二三四五六七八九"), r) }
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return max(digit(rs[0]), 0)
	case len(rs) == 2 && rs[0] == '十':
		return 10 + max(digit(rs[1]), 0)
	case len(rs) == 2 && rs[1] == '十':
		return 10 * max(digit(rs[0]), 0)
	case len(rs) == 3 && rs[1] == '十' && digit(rs[0]) > 0 && digit(rs[2]) > 0:
		return 10*digit(rs[0]) + digit(rs[2])
	}
	return 0
}

// HTMLBreaks renders lines as one block of text separated by <br>, indented
// with &emsp; and &nbsp; entities, the way many CMS editors save articles.
func HTMLBreaks(lines []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body>`, lines[0])
	b.WriteString(`<div class="nav"><a href="/">首页</a> &gt; <a href="/x">政务公开</a></div>`)
	b.WriteString(`<div class="TRS_Editor"><div style="text-align:center"><strong>` + lines[0] + `</strong></div>`)
	for _, l := range lines[1:] {
		body := strings.TrimLeft(l, " \t\u3000")
		if len(body) < len(l) {
			b.WriteString("&emsp;&emsp;")
		}
		b.WriteString(strings.ReplaceAll(body, "\u3000", "&nbsp;&nbsp;"))
		b.WriteString("<br/>\n")
	}
	b.WriteString(`</div><div class="footer">主办单位：某市人民政府办公室 ICP备00000000号</div></body></html>`)
	return b.String()
}
