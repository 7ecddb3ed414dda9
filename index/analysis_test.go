package index

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func tokenLines(in string, ts analysis.TokenStream) []string {
	var out []string
	for _, tok := range ts {
		out = append(out, fmt.Sprintf("%d %s [%d:%d]", tok.Position, tok.Term, tok.Start, tok.End))
	}
	return out
}

// TestTokenizerGolden pins the token streams of both modes for sentences
// of the genre; run with -update after an intended change and review the diff.
func TestTokenizerGolden(t *testing.T) {
	seg := testSegmenter(t)
	inputs := []struct{ name, text string }{
		{"law", "中华人民共和国审计工作规定"},
		{"department", "由市应急局会同市民政局负责，市卫生健康委配合。"},
		{"person", "李亚平市长主持召开市政府第86次常务会议，邹洪凯出席。"},
		{"hazard", "审议《苏州市危险化学品安全综合治理实施方案》"},
		{"mixed", "2020年1月6日上午，ＡＢＣ公司　GDP增长3.5%。"},
		{"ordinal", "县政府第四十二次常务会议，十七届十三次"},
		{"wrapped", "审议《城关镇棚户区改造实施意\n见》，由县住建局\r\n牵头。\n　　会议要求\n抓紧。"},
	}
	modes := []struct {
		name string
		tok  *tokenizer
	}{{"index", &tokenizer{seg: seg, sub: true}}, {"query", &tokenizer{seg: seg}}}
	for _, in := range inputs {
		for _, m := range modes {
			t.Run(in.name+"_"+m.name, func(t *testing.T) {
				ts := m.tok.Tokenize([]byte(in.text))
				checkOffsets(t, in.text, ts)
				got := strings.Join(tokenLines(in.text, ts), "\n") + "\n"
				path := filepath.Join("testdata", "tokens", in.name+"_"+m.name+".golden")
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("golden file missing (run with -update): %v", err)
				}
				if got != string(want) {
					t.Errorf("token stream changed:\n got:\n%s\nwant:\n%s", got, want)
				}
			})
		}
	}
}

// checkOffsets: every token's bytes are exactly the input at its offsets,
// on rune boundaries, positions are 1-based and never decrease.
func checkOffsets(t *testing.T, text string, ts analysis.TokenStream) {
	t.Helper()
	last := 0
	for _, tok := range ts {
		if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
			t.Fatalf("token %q has offsets [%d:%d] outside the text", tok.Term, tok.Start, tok.End)
		}
		// The digits of an ordinal (42次 of 第四十二次) span the numerals
		// they stand for.
		ordinal := tok.Type == analysis.Numeric && strings.ContainsAny(text[tok.Start:tok.End], "次届期号")
		// A word wrapped across lines is the word without the break.
		written := strings.NewReplacer("\r", "", "\n", "").Replace(text[tok.Start:tok.End])
		if !utf8.ValidString(text[tok.Start:tok.End]) || string(tok.Term) != written && !ordinal {
			t.Errorf("token %q does not match text[%d:%d]=%q", tok.Term, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		if tok.Position < 1 || tok.Position < last {
			t.Errorf("token %q has position %d after %d", tok.Term, tok.Position, last)
		}
		last = tok.Position
	}
}

func TestTokenizerModes(t *testing.T) {
	seg := testSegmenter(t)
	idx := &tokenizer{seg: seg, sub: true}
	qry := &tokenizer{seg: seg}
	has := func(ts analysis.TokenStream, term string) (int, bool) {
		for _, tok := range ts {
			if string(tok.Term) == term {
				return tok.Position, true
			}
		}
		return 0, false
	}
	tests := []struct {
		text, term string
		inIndex    bool
		inQuery    bool
	}{
		{"审计工作规定", "审计", true, false},
		{"中华人民共和国", "人民", true, false},
		{"中华人民共和国", "中华人民共和国", true, true},
		{"市应急局", "应急", true, false},  // user word keeps its inner words
		{"市应急局", "市应急局", true, true}, // and stays whole
		{"市民政局", "市民", false, false}, // but no false sub-word across the level prefix
		{"市民政局", "民政", true, false},
		{"李亚平", "亚平", false, false},    // person names are not split
		{"卫生健康委员会", "卫生", true, false}, // a user word without a level prefix
		{"卫生健康委员会", "委员会", true, false},
		{"应急管理局", "应急", true, false},
		{"应急管理局", "管理局", true, false},
		{"市民政局", "民政局", true, false}, // remainder that is itself a user word
		{"市民政局", "政局", false, false},
		{"民政局", "民政", true, false},
		{"。，、 　", "，", false, false}, // punctuation and spaces dropped
		{"ＡＢＣ公司", "ＡＢＣ", true, true}, // full width is cut like ASCII
		// A place before an archive name that starts with its level:
		// 济宁/市应急局 still holds 济宁市.
		{"济宁市应急局", "济宁市", true, false},
		{"济宁市应急局", "济宁", true, true},
		{"要求市应急局", "要求市", false, false}, // no place before the level
		// A place without its level, as users type it.
		{"历下区人民政府", "历下", true, false},
		{"城市管理", "城", false, false},
		// An ordinal in Chinese numerals also in digits, as others write it.
		{"县政府第四十二次常务会议", "42次", true, false},
		{"县政府第四十二次常务会议", "第42", true, false},
		{"十七届十三次", "17届", true, false},
		// A date's unit ends a piece: no 年老 out of 2020年老旧小区.
		{"2020年老旧小区改造", "年老", false, false},
		{"12月10日前报送", "日前", false, false},
	}
	for _, tc := range tests {
		_, gotI := has(idx.Tokenize([]byte(tc.text)), tc.term)
		_, gotQ := has(qry.Tokenize([]byte(tc.text)), tc.term)
		if gotI != tc.inIndex || gotQ != tc.inQuery {
			t.Errorf("%s ∋ %s: index=%v query=%v, want %v %v", tc.text, tc.term, gotI, gotQ, tc.inIndex, tc.inQuery)
		}
	}
	// Sub-words share the parent's position.
	ts := idx.Tokenize([]byte("中华人民共和国成立"))
	p1, _ := has(ts, "中华人民共和国")
	p2, _ := has(ts, "共和国")
	if p1 != p2 || p1 != 1 {
		t.Errorf("sub-word position %d, parent %d; want both 1", p2, p1)
	}
}

func TestTokenizeRandomOffsets(t *testing.T) {
	seg := testSegmenter(t)
	tok := &tokenizer{seg: seg, sub: true}
	for _, s := range []string{"", " ", "a", "𠮷野家𠮷", "会议\n\n决定，会议结束。", "ｅｍｏｊｉ😀测试", string([]byte{0xff, 0xfe, 'a'})} {
		ts := tok.Tokenize([]byte(s))
		for _, x := range ts {
			if x.Start < 0 || x.End > len(s) || string(x.Term) != s[x.Start:x.End] {
				t.Errorf("%q: bad token %+v", s, x)
			}
		}
	}
	_ = json.Valid
}
