package index

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestJoinLayout: a pinyin reading after a Han character and a line break
// between two Han characters are not in the joined text, and back maps each
// joined byte to its place in the input.
func TestJoinLayout(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"區(qū)政府常務(wù)會(huì)議", "區政府常務會議"},
		{"會（huì）議", "會議"},
		{"會(huì)\n議", "會議"},
		{"实施意\n见", "实施意见"},
		// Not readings: a list marker, an English word, letters without a
		// tone mark, a reading after no Han character.
		{"(一)加强", ""},
		{"世界卫生组织(WHO)", ""},
		{"组织(who)", ""},
		{"1(qū)", ""},
		{"第(二)项", ""},
	} {
		joined, back := joinLayout([]byte(c.in))
		if got := string(joined); got != c.want {
			t.Errorf("%q: joined %q, want %q", c.in, got, c.want)
			continue
		}
		if joined == nil {
			continue
		}
		if len(back) != len(joined)+1 || back[len(joined)] != len(c.in) {
			t.Fatalf("%q: back has %d entries, ends at %d", c.in, len(back), back[len(back)-1])
		}
		for i := range joined {
			if c.in[back[i]] != joined[i] {
				t.Errorf("%q: joined byte %d maps to input byte %d (%q)", c.in, i, back[i], c.in[back[i]])
			}
		}
	}
}

// TestReadingsDoNotSplitWords: a traditional page that prints pinyin after
// some characters (責(zé)任清單) is found by the words it breaks, with the
// match's span covering the reading, so the snippet (which shows no
// reading) marks the word.
func TestReadingsDoNotSplitWords(t *testing.T) {
	ix := openService(t)
	put(t, ix, doc("reading", "斗門區政府常務會議紀要",
		"一、審議《斗門區(qū)生態(tài)環(huán)境保護(hù)工作責(zé)任清單(送審稿)》\n會(huì)議聽取了有關情況匯報(bào)。"))
	for q, mark := range map[string]string{"责任清单": "<mark>責任清單</mark>", "生态环境保护": "<mark>環境保護</mark>", "情况汇报": "<mark>情況匯報</mark>", "会议听取": "<mark>會議聽取</mark>", "責(zé)任清單": "<mark>責任清單</mark>"} {
		r, err := ix.Search(context.Background(), Query{Text: q, NoFallback: true})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != 1 {
			t.Errorf("%s: %d hits, want 1", q, r.Total)
			continue
		}
		if s := strings.Join(r.Hits[0].Snippets, " "); !strings.Contains(s, mark) {
			t.Errorf("%s: snippet does not mark %s: %s", q, mark, s)
		}
	}
}

// TestSnippetsSkipReadings: a snippet of a page that prints pinyin after
// its characters shows as many characters as any other, and is not cut
// inside a reading (a stray "(" or "zé)" at its ends).
func TestSnippetsSkipReadings(t *testing.T) {
	text := strings.Repeat("會(huì)議聽取了穩(wěn)增長調(diào)結(jié)構工作匯報(bào)。", 12)
	plain := readingRe.ReplaceAllString(text, "")
	for _, spans := range [][]span{nil, {{strings.Index(text, "匯報"), strings.Index(text, "匯報") + len("匯報")}}} {
		for _, s := range snippets(text, spans, 1) {
			visible := strings.NewReplacer("<mark>", "", "</mark>", "", "…", "").Replace(s)
			if strings.ContainsAny(visible, "()") {
				t.Errorf("snippet cut inside a reading: %s", s)
			}
			if !strings.Contains(plain, visible) {
				t.Errorf("snippet %q is not the text without its readings", visible)
			}
			if n := utf8.RuneCountInString(visible); spans == nil && n != snippetRunes {
				t.Errorf("snippet shows %d characters, want %d: %s", n, snippetRunes, s)
			}
		}
	}
}

// TestLevelTakenIntoNextWord: gse cuts 舒兰市府院联动 as 舒兰/市府/院/联动,
// the place's level taken into the next word: 府院联动 is found in it, as
// it is where gse cuts 府/院/联动.
func TestLevelTakenIntoNextWord(t *testing.T) {
	ix := openService(t)
	put(t, ix, doc("shulan", "舒兰市府院联动第一次联席会议召开", "4月14日，联席会议在市政府召开。"),
		doc("other", "府院联动工作座谈会", "会议研究府院联动工作。"))
	for q, want := range map[string][]string{
		"title:府院联动":   {"other", "shulan"},
		"title:舒兰市":    {"shulan"},
		"title:市府":     {"shulan"},
		"title:联席会议召开": {"shulan"},
	} {
		r, err := ix.Search(context.Background(), Query{Text: q, NoFallback: true})
		if err != nil {
			t.Fatal(err)
		}
		got := ids(r)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
}
