package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"govarchive/internal/segment"
)

// syntheticCase is the hand-written expectation of a document under
// testdata/synthetic: facts are compared like the corpus goldens (only what
// is stated, lists in full and in order); include lists values a list field
// must hold among others, exclude values it must never hold (bylines, masked
// names, page clutter).
type syntheticCase struct {
	Facts   map[string]any      `json:"facts"`
	Include map[string][]string `json:"include"`
	Exclude map[string][]string `json:"exclude"`
}

// TestSyntheticGolden parses documents written for this test in the genre,
// each covering variations the corpus shows once or not at all (labelled
// fields with values on the next line, 市长办公会议 and 联席会议 minutes,
// 2018年第八次, 第 32 次, 號 and lost brackets, 二O一三年, 2023/02/01,
// placeholders, masked names, bylines, duplicated paragraphs, spam lines).
func TestSyntheticGolden(t *testing.T) {
	checkSynthetic(t, parser(t))
}

// checkSynthetic runs every synthetic document through p against its
// hand-written expectation.
func checkSynthetic(t *testing.T, p *Parser) {
	files, err := filepath.Glob(filepath.Join("testdata", "synthetic", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 12 {
		t.Fatalf("only %d synthetic documents under testdata/synthetic, want at least 12", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var want syntheticCase
			b, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatalf("expectation: %v", err)
			}
			d, err := p.Parse(string(raw), Meta{Source: filepath.Base(f)})
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			b, err = json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			var diffs []string
			if want.Facts != nil {
				diffs = diffPartial("$", want.Facts, got)
			}
			for field, vals := range want.Include {
				have := stringList(got[field])
				for _, v := range vals {
					if !slices.Contains(have, v) {
						diffs = append(diffs, "$."+field+": missing "+v+" in "+show(have))
					}
				}
			}
			for field, vals := range want.Exclude {
				have := stringList(got[field])
				for _, v := range vals {
					if slices.Contains(have, v) {
						diffs = append(diffs, "$."+field+": must not hold "+v)
					}
				}
			}
			if len(diffs) > 0 {
				t.Errorf("%d differences:\n%s", len(diffs), strings.Join(diffs, "\n"))
			}
		})
	}
}

// TestGoldensWithoutUserWords runs the corpus goldens and the synthetic
// documents with a segmenter that knows no department names, the one
// index.Open builds when given none: user words change gse's cuts and tags
// around them (清远|市人民政府, 国家能源局 as one word), and the parser must read
// the same facts either way.
func TestGoldensWithoutUserWords(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a second dictionary")
	}
	seg, err := segment.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	p := New(seg, parser(t).depts, parser(t).cleaner)
	t.Run("corpus", func(t *testing.T) { checkGoldens(t, p) })
	t.Run("synthetic", func(t *testing.T) { checkSynthetic(t, p) })
}

func stringList(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
