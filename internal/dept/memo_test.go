package dept

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestMemoLengths checks that a Memo answers as its Table does, asked the
// way the attendee parser asks: texts that share the part Lengths reads and
// differ after it (a line, then the line joined with the next), with the
// whitespace that may lie at the edge of that part.
func TestMemoLengths(t *testing.T) {
	tb := newTable(t)
	var texts []string
	for _, s := range []string{
		"市民政局胡岚", "市民政局胡岚 市财政局李明", "市民政局胡岚\n\n市财政局李明",
		// Long units that share all but their last characters.
		"市人民政府国有资产监督管理委员会栾融桥", "市人民政府国有资产监督管理委员栾融桥",
		"市交通运输综合行政执法支队姜聪", "市交通运输综合行政执法支姜聪",
		// Paragraph breaks count as a character.
		"市民政局\n\n胡岚", "市\n\n\n民\n\n政局胡岚",
		"市政府研\n究室毛文元", "市  \n交通局陆文华",
		// 31 characters, then text that Lengths must not read.
		strings.Repeat("市", 31) + "局", strings.Repeat("市", 31) + " 局", strings.Repeat("市", 30) + " 局",
		"中华人民共和国国家发展和改革委员会国民经济综合司某处室科员张三 李四",
		"中华人民共和国国家发展和改革委员会国民经济综合司某处室科员张三\n\n李四",
	} {
		texts = append(texts, s)
	}
	files, _ := filepath.Glob(filepath.Join(sharedDir(t, "corpus"), "minutes", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no corpus minutes")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		for i := range lines {
			run := strings.Join(lines[i:min(i+3, len(lines))], "\n")
			for j := range run {
				if j == 0 || isRuneStart(run[j]) {
					texts = append(texts, run[j:])
				}
			}
		}
	}
	m := tb.NewMemo()
	for _, s := range texts {
		for _, limit := range []int{lengthsLimit, 3} {
			if got, want := newRuneText(s[:readLen(s, limit)], limit), newRuneText(s, limit); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: reading the first %d bytes gives %v, the whole text %v", s, readLen(s, limit), got, want)
			}
		}
		if got, want := m.Lengths(s), tb.Lengths(s); !slices.Equal(got, want) {
			t.Fatalf("Memo.Lengths(%q) = %v, Table says %v", s, got, want)
		}
	}
	if len(m.lengths) >= len(texts) {
		t.Errorf("the memo kept %d answers for %d questions: none was reused", len(m.lengths), len(texts))
	}
}

// TestMemoFind checks that a Memo finds what its Table finds in texts that
// grow the way a wrapped list is re-read: each corpus document line by line,
// joined without a break, with a line break and with a paragraph break, and
// each grown text asked again, and its start asked after it.
func TestMemoFind(t *testing.T) {
	tb := newTable(t)
	files, _ := filepath.Glob(filepath.Join(sharedDir(t, "corpus"), "*", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no corpus documents")
	}
	// Units cut where one line ends and the next begins: the part of the
	// text the finder has read before changes its answer.
	texts := [][]string{
		{"请市人力资源和社会保障", "局、市财政局负责"},
		{"由县民族宗教事务", "局会同县公安局交通警察", "支队和苏州海关落实"},
		// A long unit at the old end that the next character unmakes (局面,
		// 会议).
		{"请市人力资源和社会保障局", "面向社会招聘"},
		{"经研究由江苏省苏州市人民政府国有资产监督管理委员会", "议定"},
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The opening lines: the header, the attendee lists.
		lines := strings.Split(string(b), "\n")
		texts = append(texts, lines[:min(len(lines), 40)])
	}
	checks := 0
	for _, lines := range texts {
		for _, sep := range []string{"", "\n", "\n\n"} {
			m := tb.NewMemo()
			run := ""
			for i, l := range lines {
				if i > 0 {
					run += sep
				}
				run += l
				for _, s := range []string{run, run, lines[0]} {
					if got, want := m.Find(s), tb.Find(s); !slices.Equal(got, want) {
						t.Fatalf("Memo.Find(%q) = %v, Table says %v", s, got, want)
					}
					checks++
				}
			}
		}
	}
	t.Logf("%d texts checked", checks)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
