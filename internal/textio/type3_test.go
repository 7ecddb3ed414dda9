package textio

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"govarchive/internal/textio/textiotest"
)

// TestPDFType3ToUnicode: text in Type3 fonts (Chromium's synthetic bold) is
// read through each font's own ToUnicode map, between lines in an ordinary
// font; the codes 1, 2, 3 mean different characters in the two fonts.
func TestPDFType3ToUnicode(t *testing.T) {
	const (
		bfchar  = "3 beginbfchar\n<01> <4E00>\n<02> <3001>\n<03> <5BA1>\nendbfchar"                               // 一、审
		bfrange = "1 beginbfrange\n<01> <03> <4E8C>\nendbfrange"                                                  // 二亍于
		array   = "1 beginbfrange\n<01> <03> [<4E09> <3001> <7814>]\nendbfrange"                                  // 三、研
		other   = "2 beginbfchar\n<01> <8BAE> <02> <5B9A>\nendbfchar\n1 beginbfrange <03> <03> <0031> endbfrange" // 议定1
	)
	tests := []struct {
		name    string
		cmaps   [2]string // the ToUnicode maps of /T1 and /T2
		content string    // what the Type3 fonts show between the plain lines
		want    string
	}{
		{"bfchar, Tj", [2]string{bfchar, other}, "/T1 12 Tf <010203> Tj", "一、审"},
		{"bfrange counting up", [2]string{bfrange, other}, "/T1 12 Tf <010203> Tj", "二亍于"},
		{"bfrange with an array", [2]string{array, other}, "/T1 12 Tf <010203> Tj", "三、研"},
		{"two fonts, one line, TJ", [2]string{bfchar, other}, "/T1 12 Tf [<0102> -100 <03>] TJ /T2 12 Tf [<010203>] TJ", "一、审议定1"},
		{"the ' operator", [2]string{bfchar, other}, "/T2 12 Tf <0102> '", "议定"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			content := "BT /F1 12 Tf 20 800 Td (Minutes of the meeting) Tj ET\n" +
				"BT 20 780 Td 14 TL " + tc.content + " ET\n" +
				"BT /F1 12 Tf 20 760 Td (The meeting agreed.) Tj ET"
			data := type3PDF(content, tc.cmaps[0], tc.cmaps[1])
			got, err := Read(context.Background(), "x.pdf", bytes.NewReader(data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(got, "\n")
			if len(lines) != 3 || lines[0] != "Minutes of the meeting" || lines[1] != tc.want || lines[2] != "The meeting agreed." {
				t.Errorf("Read = %q, want the line %q between the plain ones", got, tc.want)
			}
		})
	}
}

// type3PDF writes a page showing content with /F1 (Helvetica) and two Type3
// fonts /T1 and /T2 of three glyphs, whose ToUnicode maps hold the bfchar
// and bfrange sections given.
func type3PDF(content, map1, map2 string) []byte {
	type3 := func(cmap int) string {
		return fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "+
			"/CharProcs << >> /Encoding << /Type /Encoding /Differences [1 /g1 /g2 /g3] >> "+
			"/FirstChar 1 /LastChar 3 /Widths [1000 1000 1000] /ToUnicode %d 0 R >>", cmap)
	}
	cmap := func(body string) string {
		return textiotest.Stream("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
			"1 begincodespacerange <00> <FF> endcodespacerange\n" + body + "\nendcmap end end")
	}
	return textiotest.AssemblePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /T1 6 0 R /T2 7 0 R >> >> /Contents 4 0 R >>",
		textiotest.Stream(content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		type3(8), type3(9),
		cmap(map1), cmap(map2),
	})
}
