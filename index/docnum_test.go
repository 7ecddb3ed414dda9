package index

import (
	"context"
	"strings"
	"testing"
)

// TestDocNumberTypedIsMarked: a 文号 typed another way than its document
// writes it (2023年第4号, 苏府纪要[2023]4号 for 〔2023〕4号) finds the document
// by its number, and the snippet marks the number in its text.
func TestDocNumberTypedIsMarked(t *testing.T) {
	ix := openService(t)
	d := doc("minutes", "市政府第30次常务会议纪要", "常务会议纪要〔2023〕4号\n2023年1月20日下午，市长主持召开市政府第30次常务会议。")
	d.DocNumber, d.DocYear, d.DocSeq = "〔2023〕4号", 2023, 4
	put(t, ix, d)
	for _, q := range []string{"2023年第4号", "[2023]4号", "(2023)4号", "2023年4号"} {
		r, err := ix.Search(context.Background(), Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) != 1 {
			t.Errorf("%s: %v, want the minutes", q, ids(r))
			continue
		}
		if s := strings.Join(r.Hits[0].Snippets, " "); !strings.Contains(s, "<mark>4号</mark>") {
			t.Errorf("%s: snippet does not mark the number: %s", q, s)
		}
	}
}
