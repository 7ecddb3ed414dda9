package textio

import (
	"strings"
	"testing"
)

// TestReadMergedCells: a cell merged down rows (rowspan, w:vMerge) is read
// into every row it spans, so each line of the text is a whole row.
func TestReadMergedCells(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	cell := func(props, text string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
	}
	docx := `<w:document ` + w + `><w:body><w:tbl>` +
		`<w:tr>` + cell("", "序号") + cell("", "重点任务") + cell("", "牵头单位") + cell("", "责任单位") + `</w:tr>` +
		`<w:tr>` + cell(`<w:vMerge w:val="restart"/>`, "1") + cell("", "压缩企业开办时间") + cell(`<w:vMerge w:val="restart"/>`, "市市场监管局") + cell("", "市税务局") + `</w:tr>` +
		`<w:tr>` + cell(`<w:vMerge/>`, "") + cell("", "推行电子营业执照") + cell(`<w:vMerge/>`, "") + cell("", "市政务服务中心") + `</w:tr>` +
		`<w:tr>` + cell("", "2") + cell("", "提升建筑许可便利度") + cell("", "市住建局") + cell("", "") + `</w:tr>` +
		`<w:tr>` + cell(`<w:gridSpan w:val="2"/>`, "备注") + cell("", "市住建局") + cell(`<w:vMerge/>`, "") + `</w:tr>` +
		`</w:tbl></w:body></w:document>`
	cases := []struct {
		name, file string
		data       []byte
		want       []string
	}{
		{"html rowspan", "t.html", []byte(`<html><body><table>` +
			`<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>责任单位</th></tr>` +
			`<tr><td rowspan="2">1</td><td>压缩企业开办时间</td><td rowspan="2">市市场监管局</td><td>市税务局</td></tr>` +
			`<tr><td>推行电子营业执照</td><td>市政务服务中心</td></tr>` +
			`<tr><td>2</td><td>提升建筑许可便利度</td><td>市住建局</td><td></td></tr>` +
			`<tr><td colspan="2" rowspan="9">备注</td><td>市住建局</td><td></td></tr>` +
			`<tr><td>单位</td><td>姓名</td></tr>` +
			`</table></body></html>`), []string{
			"1\t压缩企业开办时间\t市市场监管局\t市税务局",
			"1\t推行电子营业执照\t市市场监管局\t市政务服务中心",
			"2\t提升建筑许可便利度\t市住建局",
			"备注\t市住建局",
			"备注\t单位\t姓名", // a span over two columns is copied once, past the rows there are
		}},
		{"docx vMerge", "t.docx", zipFiles(t, map[string]string{"word/document.xml": docx}), []string{
			"1\t压缩企业开办时间\t市市场监管局\t市税务局",
			"1\t推行电子营业执照\t市市场监管局\t市政务服务中心",
			"2\t提升建筑许可便利度\t市住建局",
			"备注\t市住建局", // a merge the row above did not open copies nothing
		}},
	}
	for _, tc := range cases {
		got, err := read(t, tc.file, tc.data)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		lines := strings.Split(got, "\n")
		var rows []string
		for _, l := range lines {
			// (docx cells keep the space that ends their paragraph)
			l = strings.ReplaceAll(strings.ReplaceAll(l, " \t", "\t"), "\t ", "\t")
			if l = strings.TrimSpace(l); l != "" {
				rows = append(rows, l)
			}
		}
		if strings.Join(rows[1:], "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: rows\n%s\nwant\n%s", tc.name, strings.Join(rows[1:], "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestReadHostileRowspan: huge spans are bounded and cost little.
func TestReadHostileRowspan(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<table><tr>`)
	for range 100 {
		b.WriteString(`<td rowspan="99999999">` + strings.Repeat("长文本", 50) + `</td>`)
	}
	b.WriteString(`</tr>`)
	for range 1000 {
		b.WriteString(`<tr><td>行</td></tr>`)
	}
	b.WriteString(`</table>`)
	got, err := read(t, "t.html", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) > 40<<20 {
		t.Errorf("read %d bytes from a %d-byte table", len(got), b.Len())
	}
}
