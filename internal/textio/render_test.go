package textio

import (
	"archive/zip"
	"bytes"
	"context"
	"io/fs"
	"strings"
	"testing"

	"govarchive/internal/textio/textiotest"
)

// TestRenderingsRoundTrip reads back the renderings the formats test builds:
// Word's automatic list numbering (with lists that restart and skip) and
// indents as paragraph properties, and <br>-separated HTML with &emsp;
// indents, must give the document's lines.
func TestRenderingsRoundTrip(t *testing.T) {
	lines := []string{
		"市政府常务会议纪要",
		"　　会议研究了以下事项：",
		"一、审议《实施方案》",
		"（一）原则同意。",
		"（二）要求修改完善。",
		"二、听取汇报",
		"（一）会议指出。",
		"1.加强领导。",
		"2.压实责任。",
		"十二、其他事项",
		"1.另一个列表。",
		"三十四、不连续的编号",
	}
	want := make([]string, len(lines))
	for i, l := range lines {
		want[i] = strings.TrimLeft(l, "　")
	}
	docx, err := textiotest.DOCXNumbered(lines)
	if err != nil {
		t.Fatal(err)
	}
	// The labels must live in numbering.xml, not in the text.
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	body, err := fs.ReadFile(zr, "word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(body, []byte("<w:numPr>")); n != 10 || bytes.Contains(body, []byte("一、")) {
		t.Fatalf("DOCXNumbered numbered %d paragraphs (want 10) or kept a label in the text", n)
	}
	tests := []struct {
		name, file string
		data       []byte
	}{
		{"docx numbering", "a.docx", docx},
		{"html breaks", "a.html", []byte(textiotest.HTMLBreaks(lines))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(context.Background(), tc.file, bytes.NewReader(tc.data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var gotLines []string
			for _, l := range strings.Split(got, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					gotLines = append(gotLines, l)
				}
			}
			if strings.Join(gotLines, "\n") != strings.Join(want, "\n") {
				t.Errorf("read back:\n%s\nwant:\n%s", strings.Join(gotLines, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
