package names

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus.golden")

// TestCorpusGolden splits the sentences of the corpus that name who chaired,
// attended or sat in on a meeting into their comma- and 、-separated parts,
// and records what SplitTitle, SplitNameTitle and Plausible make of each.
// testdata/corpus.golden was checked by reading the documents; run with
// -update after a deliberate change and review the diff.
func TestCorpusGolden(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("corpus not found at %s (expected the shared corpus next to the repository): %v", dir, err)
	}
	sentence := regexp.MustCompile(`[^。！？\n]*(?:主持|出席|参加|列席)[^。！？\n]*`)
	parts := regexp.MustCompile(`[，,、；;：:（）()\s]+|及|和|等`)
	var b strings.Builder
	people := 0
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		seen := map[string]bool{}
		for _, s := range sentence.FindAllString(string(raw), -1) {
			for _, part := range parts.Split(s, -1) {
				if seen[part] {
					continue
				}
				seen[part] = true
				var line string
				if title, name, ok := SplitTitle(part); ok {
					line = fmt.Sprintf("title+name %s | %s", title, name)
				} else if name, title, ok := SplitNameTitle(part); ok {
					line = fmt.Sprintf("name+title %s | %s", name, title)
				} else if Plausible(part) {
					line = "name " + part
				} else {
					continue
				}
				people++
				fmt.Fprintf(&b, "%s\t%s\n", filepath.ToSlash(rel), line)
			}
		}
	}
	if people < 30 {
		t.Errorf("only %d people found in the corpus", people)
	}
	golden := filepath.Join("testdata", "corpus.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	gl, wl := strings.Split(b.String(), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("corpus output differs from %s at line %d:\n got %s\nwant %s", golden, i+1, g, w)
		}
	}
}
