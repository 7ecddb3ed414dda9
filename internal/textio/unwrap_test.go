package textio

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestUnwrapPages(t *testing.T) {
	// full is a line that fills a 20-column measure (10 Han characters).
	tests := []struct {
		name  string
		pages [][]string
		want  string
	}{
		{
			name:  "wrapped paragraph rejoined",
			pages: [][]string{{"会议研究了全市重点工", "作推进情况，要求各部", "门抓好落实。", "会议还研究了其他事项。"}},
			want:  "会议研究了全市重点工作推进情况，要求各部门抓好落实。\n会议还研究了其他事项。",
		},
		{
			name:  "paragraph runs on across a page break",
			pages: [][]string{{"会议研究了全市重点工", "作推进情况，要求各部"}, {"门抓好落实。", "散会。"}},
			want:  "会议研究了全市重点工作推进情况，要求各部门抓好落实。\n散会。",
		},
		{
			name:  "printed page numbers do not split a paragraph",
			pages: [][]string{{"会议研究了全市重点工", "作推进情况，要求各部", "— 1 —"}, {"第2页", "门抓好落实。", "散会。", "- 2 -"}},
			want:  "会议研究了全市重点工作推进情况，要求各部门抓好落实。\n散会。",
		},
		{
			name:  "a one-page number is left to the cleaner",
			pages: [][]string{{"会议研究了其他事项。", "3"}},
			want:  "会议研究了其他事项。\n3",
		},
		{
			name:  "page break that ends a paragraph stays a blank line",
			pages: [][]string{{"会议研究了全市重点工", "作推进情况，要求各部", "门抓好落实。"}, {"二、其他事项"}},
			want:  "会议研究了全市重点工作推进情况，要求各部门抓好落实。\n\n二、其他事项",
		},
		{
			name:  "indented line starts a paragraph",
			pages: [][]string{{"会议研究了全市重点工", "作推进情况，要求各部", "　　门抓好落实。"}},
			want:  "会议研究了全市重点工作推进情况，要求各部\n门抓好落实。",
		},
		{
			name:  "lines that are paragraphs are kept",
			pages: [][]string{{"一、审议通过实施方案。", "二、听取汇报。", "三、研究其他工作事项。"}},
			want:  "一、审议通过实施方案。\n二、听取汇报。\n三、研究其他工作事项。",
		},
		{
			name:  "ASCII words wrapped get a space, digits do not",
			pages: [][]string{{"报告提到的中文AI and", "data等词汇以及数字20", "24等内容，说明文件要", "求。"}},
			want:  "报告提到的中文AI and data等词汇以及数字2024等内容，说明文件要求。",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := unwrapPages(tc.pages); got != tc.want {
				t.Errorf("unwrapPages:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestPDFWrappedAcrossPages reads a real rendering: a corpus paragraph set
// at a narrow measure over two pages comes back as one line.
func TestPDFWrappedAcrossPages(t *testing.T) {
	var para string
	for _, l := range corpusLines(t, "news/huancui_2024_35.txt", 3) {
		if len([]rune(l)) > len([]rune(para)) {
			para = l
		}
	}
	rs := []rune(para)
	if len(rs) < 40 {
		t.Fatalf("corpus paragraph too short for the test: %q", para)
	}
	var lines []string
	for len(rs) > 0 {
		n := min(len(rs), 12)
		lines = append(lines, string(rs[:n]))
		rs = rs[n:]
	}
	half := len(lines) / 2
	data := buildPDFPages(t, [][]string{lines[:half], lines[half:]}, "TJ")
	got, err := Read(context.Background(), "x.pdf", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(got) != para {
		t.Errorf("PDF text:\n got %q\nwant %q", got, para)
	}
}

// TestPDFIndentByPosition: Word sets a first-line indent as the line's
// position, with no space glyphs; the move still marks a new paragraph.
func TestPDFIndentByPosition(t *testing.T) {
	lines := []string{
		"会议研究了全市重点工作推进情况，要求",
		"各部门抓好落实。",
		"　　会议强调，各级各部门要狠抓落实，",
		"　　会议还研究了其他事项。",
	}
	got, err := Read(context.Background(), "x.pdf", bytes.NewReader(buildPDFPages(t, [][]string{lines}, "Tm")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "会议研究了全市重点工作推进情况，要求各部门抓好落实。\n会议强调，各级各部门要狠抓落实，\n会议还研究了其他事项。"
	if got != want {
		t.Errorf("PDF text:\n got %q\nwant %q", got, want)
	}
}
