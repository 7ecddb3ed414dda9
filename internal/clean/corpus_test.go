package clean

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// traditionalCandidates are frequent traditional characters; the test keeps
// those t2s really changes, and none may survive Normalize in a traditional
// document.
const traditionalCandidates = "會議區屆務國縣長開發關這們時為來對與當經過麼還處門問聽專業無際動員書辦報選舉東車馬龍資環規劃財政協調負責領導親傳統計劃種權條產權農鄉鎮衛習義實現"

// pinyinRun matches a pinyin annotation after a character, the artifact
// Normalize removes.
var pinyinRun = regexp.MustCompile(`\p{Han}[(（]([bcdfghjklmnpqrstwxyz]{0,2}[aeiouvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+(ng|n|r)?[1-5]?){1,4}[)）]`)

// mustCover lists corpus files the corpus README and manifest describe as
// traditional or pinyin-annotated; detection must find each of them, so a
// broken detector cannot make the golden test vacuous.
var mustCover = []string{
	"qidong_18-24.txt", "zhuhai_doumen_5-104.txt", "tieling_county_2022-10-31.txt",
	"mizhi_2020_zhuantihui.txt", "yanhu_tudizhengshou_2021.txt", "yuan_21.txt",
	"zhangjiachuan_2015_27.txt", "guangzhou_2014_06.txt",
}

// sharedDir locates ../shared relative to the repository root.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "corpus")); err != nil {
		t.Fatalf("shared corpus not found at %s (expected next to the repository): %v", dir, err)
	}
	return dir
}

func corpusFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "corpus", "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files found: %v", err)
	}
	sort.Strings(files)
	return files
}

// commonTraditional filters traditionalCandidates to characters t2s changes.
func commonTraditional(t testing.TB, c *Cleaner) string {
	t.Helper()
	var b strings.Builder
	for _, r := range traditionalCandidates {
		if c.Simplify(string(r)) != string(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() < 3*30 {
		t.Fatalf("only %q of the candidates are traditional", b.String())
	}
	return b.String()
}

func traditionalOrPinyin(s, trad string) bool {
	n := 0
	for _, r := range s {
		if strings.ContainsRune(trad, r) {
			n++
		}
	}
	return n >= 5 || pinyinRun.MatchString(s)
}

func TestCorpusGolden(t *testing.T) {
	c := cleaner(t)
	trad := commonTraditional(t, c)
	covered := map[string]bool{}
	for _, p := range corpusFiles(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !traditionalOrPinyin(string(b), trad) {
			continue
		}
		name := filepath.Base(p)
		covered[name] = true
		t.Run(name, func(t *testing.T) {
			got := c.Normalize(string(b))
			for _, r := range got {
				if strings.ContainsRune(trad, r) {
					t.Errorf("traditional character %q remains", r)
				}
			}
			if m := pinyinRun.FindString(got); m != "" {
				t.Errorf("pinyin annotation remains: %q", m)
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(name, ".txt")+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden file (run go test -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("Normalize differs from %s (run go test -update after checking):\n%s", golden, firstDiff(got, string(want)))
			}
		})
	}
	for _, n := range mustCover {
		if !covered[n] {
			t.Errorf("%s was not detected as traditional or pinyin-annotated", n)
		}
	}
}

// TestCorpusNoClutter runs Normalize over the whole corpus and checks that
// the clutter the corpus is known to carry is gone everywhere.
func TestCorpusNoClutter(t *testing.T) {
	c := cleaner(t)
	clutter := []string{"扫一扫", "当前位置", "访问量", "ICP备", "打印本页", "首页 >", "字体：大", "<td"}
	for _, p := range corpusFiles(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got := c.Normalize(string(b))
		for _, s := range clutter {
			if strings.Contains(got, s) {
				t.Errorf("%s: clutter %q remains", filepath.Base(p), s)
			}
		}
		if strings.Contains(got, "\u3000") || strings.Contains(got, "\u00a0") || strings.Contains(got, "\n\n\n") {
			t.Errorf("%s: unnormalised spaces or blank lines remain", filepath.Base(p))
		}
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got " + gl + "\nwant " + wl
		}
	}
	return ""
}
