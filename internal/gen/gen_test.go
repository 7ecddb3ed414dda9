package gen

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/text/width"

	"govarchive/internal/document"
)

// corpusOf generates n documents with their truth; cached per (n, seed)
// because several tests look at the same few thousand documents.
var corpusCache sync.Map

type genDoc struct {
	name string
	doc  *document.Document
}

func corpusOf(t testing.TB, n int, seed int64) []genDoc {
	t.Helper()
	key := strconv.Itoa(n) + "/" + strconv.FormatInt(seed, 10)
	if v, ok := corpusCache.Load(key); ok {
		return v.([]genDoc)
	}
	var out []genDoc
	err := GenerateDocs(context.Background(), Options{Count: n, Seed: seed}, func(name string, d *document.Document) error {
		out = append(out, genDoc{name, d})
		return nil
	})
	if err != nil {
		t.Fatalf("GenerateDocs: %v", err)
	}
	corpusCache.Store(key, out)
	return out
}

func digest(t *testing.T, opts Options) [32]byte {
	t.Helper()
	h := sha256.New()
	err := Generate(context.Background(), opts, func(name string, text []byte) error {
		h.Write([]byte(name))
		h.Write(text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

func TestDeterminism(t *testing.T) {
	a := digest(t, Options{Count: 400, Seed: 42})
	if b := digest(t, Options{Count: 400, Seed: 42}); a != b {
		t.Fatal("same seed gave different corpora")
	}
	if c := digest(t, Options{Count: 400, Seed: 43}); a == c {
		t.Fatal("different seeds gave the same corpus")
	}

	// Document i depends only on (seed, i): a smaller corpus is a prefix.
	var small, large [][]byte
	collect := func(dst *[][]byte) func(string, []byte) error {
		return func(_ string, text []byte) error { *dst = append(*dst, text); return nil }
	}
	if err := Generate(context.Background(), Options{Count: 50, Seed: 9}, collect(&small)); err != nil {
		t.Fatal(err)
	}
	if err := Generate(context.Background(), Options{Count: 120, Seed: 9}, collect(&large)); err != nil {
		t.Fatal(err)
	}
	for i := range small {
		if !bytes.Equal(small[i], large[i]) {
			t.Fatalf("document %d differs between a 50- and a 120-document corpus", i)
		}
	}
}

func TestParallelMatchesSequential(t *testing.T) {
	for _, count := range []int{0, 1, 127, 128, 129, 1000} {
		seq := digest(t, Options{Count: count, Seed: 3, Workers: 1})
		for _, w := range []int{2, 3, 8} {
			if par := digest(t, Options{Count: count, Seed: 3, Workers: w}); par != seq {
				t.Errorf("count %d: %d workers differ from one", count, w)
			}
		}
	}
}

func TestKindMix(t *testing.T) {
	docs := corpusOf(t, 5000, 1)
	count := map[document.Kind]int{}
	for _, d := range docs {
		count[d.doc.Kind]++
		if want := string(d.doc.Kind) + "/"; !strings.HasPrefix(d.name, want) {
			t.Errorf("%s: kind %s but name does not start with %s", d.name, d.doc.Kind, want)
		}
	}
	for _, c := range []struct {
		kind   document.Kind
		lo, hi float64
	}{
		{document.KindMinutes, 0.46, 0.54},
		{document.KindNews, 0.26, 0.34},
		{document.KindOfficial, 0.17, 0.23},
	} {
		share := float64(count[c.kind]) / float64(len(docs))
		if share < c.lo || share > c.hi {
			t.Errorf("%s share %.3f, want %.2f–%.2f", c.kind, share, c.lo, c.hi)
		}
	}
	if count[document.KindOther] != 0 {
		t.Errorf("%d documents of kind other", count[document.KindOther])
	}
}

// normaliser undoes the injected mess so structural checks see one form:
// simplified script, no inserted pinyin, narrow digits and punctuation, no
// whitespace and no stray "?" lines.
type normaliser struct {
	simp map[rune]rune
}

var (
	pinyinRE = regexp.MustCompile(`\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)`)
	strayRE  = regexp.MustCompile(`(?m)^[?？|]+\n`)
)

func newNormaliser(t testing.TB) *normaliser {
	v, err := loadVocab()
	if err != nil {
		t.Fatal(err)
	}
	n := &normaliser{simp: map[rune]rune{}}
	for s, tr := range v.trad {
		n.simp[tr] = s
	}
	return n
}

func (n *normaliser) lines(s string) string {
	s = strayRE.ReplaceAllString(s, "")
	s = pinyinRE.ReplaceAllString(s, "")
	s = width.Fold.String(s)
	return strings.Map(func(r rune) rune {
		if x, ok := n.simp[r]; ok {
			return x
		}
		return r
	}, s)
}

// needle folds a truth value the way flat folds text; truth has no stray
// lines or pinyin, so the regular expressions can be skipped.
func (n *normaliser) needle(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		if x, ok := n.simp[r]; ok {
			return x
		}
		return r
	}, width.Fold.String(s))
}

func (n *normaliser) flat(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, n.lines(s))
}

var (
	// 〔2020〕3号, [2013]4号, (2005)20号, 〔2019〕55 号, 〔2020〕第3号 and a lost bracket, after width folding.
	docNumberRE = regexp.MustCompile(`[〔\[(]\d{4}[〕\])]?\s*第?\d+\s*号`)
	cnDigits    = `[0-9一二三四五六七八九十百零]+`
	meetingRE   = regexp.MustCompile(`第\s*` + cnDigits + `\s*次|届` + cnDigits + `次|届政府第` + cnDigits + `次`)
	topicRE     = regexp.MustCompile(`(?m)^(#+ |#### \*\*)?([一二三四五六七八九十]+、|\d+\. )\S`)
	observerRE  = regexp.MustCompile(`(?m)^(\*\*)?列席(人员|情况)?(:|:\*\*)`)
)

func TestMinutesStructure(t *testing.T) {
	norm := newNormaliser(t)
	n := 0
	for _, d := range corpusOf(t, 5000, 1) {
		if d.doc.Kind != document.KindMinutes {
			continue
		}
		n++
		text := norm.lines(d.doc.Text)
		for _, c := range []struct {
			what string
			re   *regexp.Regexp
		}{
			{"文号", docNumberRE},
			{"meeting number", meetingRE},
			{"numbered topic", topicRE},
			{"列席 list", observerRE},
		} {
			if !c.re.MatchString(text) {
				t.Errorf("%s: no %s in\n%s", d.name, c.what, d.doc.Text)
			}
		}
		// Observers may all be masked (李xx): then the truth rightly has none.
		noObservers := len(d.doc.Observers) == 0 && !strings.Contains(text, "xx") && !strings.Contains(text, "某")
		if len(d.doc.Topics) == 0 || noObservers || len(d.doc.Attendees) == 0 {
			t.Errorf("%s: truth has %d topics, %d observers, %d attendees", d.name,
				len(d.doc.Topics), len(d.doc.Observers), len(d.doc.Attendees))
		}
		if t.Failed() {
			return
		}
	}
	if n == 0 {
		t.Fatal("no minutes generated")
	}
}

// TestTruthInText checks that every fact of the ground truth is really in
// the text, so a parser scored against it is scored fairly.
func TestTruthInText(t *testing.T) {
	norm := newNormaliser(t)
	for _, d := range corpusOf(t, 2000, 2) {
		flat := norm.flat(d.doc.Text)
		has := func(what, s string) {
			if s != "" && !strings.Contains(flat, norm.needle(s)) {
				t.Errorf("%s: %s %q not in text:\n%s", d.name, what, s, d.doc.Text)
			}
		}
		for _, p := range d.doc.People {
			has("person", p)
		}
		for _, dep := range d.doc.Departments {
			has("department", dep)
		}
		for _, o := range d.doc.Observers {
			has("observer", o.Department+o.Name)
		}
		for _, tp := range d.doc.Topics {
			for _, doc := range tp.Documents {
				has("document", "《"+doc+"》")
			}
			for _, l := range tp.LeadDepartments {
				has("lead department", l)
			}
		}
		if d.doc.DocYear > 0 {
			has("文号 year", strconv.Itoa(d.doc.DocYear))
		}
		if d.doc.DocSeq > 0 {
			has("文号 number", strconv.Itoa(d.doc.DocSeq))
			has("文号 prefix", d.doc.DocPrefix)
		}
		if d.doc.Meeting != nil && d.doc.Meeting.Chair != nil {
			has("chair", d.doc.Meeting.Chair.Name)
		}
		if d.doc.Date == "" || d.doc.Year() < 2005 || d.doc.Year() > 2025 {
			t.Errorf("%s: date %q outside 2005–2025", d.name, d.doc.Date)
		}
		if d.doc.ID != document.ContentID(d.doc.Text) {
			t.Errorf("%s: id is not the content id", d.name)
		}
		if t.Failed() {
			return
		}
	}
}

func TestVocabularyCardinality(t *testing.T) {
	depts, people, places, years := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[int]bool{}
	for _, d := range corpusOf(t, 5000, 1) {
		for _, x := range d.doc.Departments {
			depts[x] = true
		}
		for _, x := range d.doc.People {
			people[x] = true
		}
		places[d.doc.Issuer] = true
		years[d.doc.Year()] = true
	}
	t.Logf("5000 documents: %d departments, %d people, %d issuers, %d years", len(depts), len(people), len(places), len(years))
	if len(depts) < 300 {
		t.Errorf("%d distinct departments, want ≥ 300", len(depts))
	}
	if len(people) < 3000 {
		t.Errorf("%d distinct people, want ≥ 3000", len(people))
	}
	if len(places) < 200 {
		t.Errorf("%d distinct issuers, want ≥ 200", len(places))
	}
	if len(years) != 21 {
		t.Errorf("%d distinct years, want 21 (2005–2025)", len(years))
	}
}

// TestRostersRepeat checks that people recur: a government's leaders chair
// and attend many meetings, so person pages and facets have depth.
func TestRostersRepeat(t *testing.T) {
	chairs := map[string]int{}
	for _, d := range corpusOf(t, 5000, 1) {
		if m := d.doc.Meeting; m != nil && m.Chair != nil {
			chairs[m.Chair.Name+"|"+d.doc.Issuer]++
		}
	}
	repeated := 0
	for _, n := range chairs {
		if n > 1 {
			repeated++
		}
	}
	if repeated < len(chairs)/10 {
		t.Errorf("only %d of %d chairs lead more than one meeting", repeated, len(chairs))
	}
}

func TestMessInjected(t *testing.T) {
	docs := corpusOf(t, 5000, 1)
	pinyin := regexp.MustCompile(`[會議縣區長]\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)`)
	stray := regexp.MustCompile(`(?m)^[?？|]+$`)
	checks := map[string]func(string) bool{
		"full-width digits": func(s string) bool { return strings.ContainsAny(s, "０１２３４５６７８９") },
		"traditional":       func(s string) bool { return strings.ContainsAny(s, "會議縣區長審聽開關報發") },
		"pinyin":            func(s string) bool { return strings.Contains(s, "(") && pinyin.MatchString(s) },
		"stray lines":       func(s string) bool { return strings.ContainsAny(s, "?？|") && stray.MatchString(s) },
		// No generated sentence uses an ASCII comma: only the mess writes one.
		"ASCII punctuation": func(s string) bool { return strings.Contains(s, ",") },
	}
	counts := map[string]int{}
	for _, d := range docs {
		for name, has := range checks {
			if has(d.doc.Text) {
				counts[name]++
			}
		}
	}
	t.Logf("mess in 5000 documents: %v", counts)
	for _, name := range []string{"full-width digits", "traditional", "stray lines", "ASCII punctuation"} {
		share := float64(counts[name]) / float64(len(docs))
		if share < 0.005 || share > 0.08 {
			t.Errorf("%s in %.1f%% of documents, want a few percent", name, 100*share)
		}
	}
	if counts["pinyin"] == 0 {
		t.Error("no document has pinyin inserted after characters")
	}
}

func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Count: 60, Seed: 5}
	files, n, err := WriteDir(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if files != opts.Count {
		t.Fatalf("wrote %d files, want %d", files, opts.Count)
	}
	var total int64
	err = Generate(context.Background(), opts, func(name string, text []byte) error {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		if !bytes.Equal(got, text) {
			t.Errorf("%s: file differs from the generated text", name)
		}
		total += int64(len(got))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if total != n {
		t.Errorf("reported %d bytes, files hold %d", n, total)
	}
}

func TestGenerateStops(t *testing.T) {
	for _, workers := range []int{1, 4} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := Generate(ctx, Options{Count: 1000, Seed: 1, Workers: workers}, func(string, []byte) error { return nil })
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%d workers, cancelled context: got %v, want context.Canceled", workers, err)
		}

		// Cancelled midway: the callback sees no document after the stop.
		ctx, cancel = context.WithCancel(context.Background())
		seen := 0
		err = Generate(ctx, Options{Count: 5000, Seed: 1, Workers: workers}, func(string, []byte) error {
			seen++
			if seen == 300 {
				cancel()
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) || seen >= 5000 {
			t.Errorf("%d workers, cancelled at 300: got %v after %d documents", workers, err, seen)
		}

		stop := errors.New("stop")
		calls := 0
		err = Generate(context.Background(), Options{Count: 1000, Seed: 1, Workers: workers}, func(string, []byte) error {
			calls++
			if calls == 3 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || calls != 3 {
			t.Errorf("%d workers, callback error: got %v after %d calls, want stop after 3", workers, err, calls)
		}
	}
	if err := Generate(context.Background(), Options{Count: -1}, func(string, []byte) error { return nil }); err == nil {
		t.Error("negative count accepted")
	}
}

func TestSampleCorpus(t *testing.T) {
	a, b := SampleCorpus(24), SampleCorpus(24)
	if len(a) != 24 {
		t.Fatalf("got %d documents, want 24", len(a))
	}
	for name, text := range a {
		if !bytes.Equal(text, b[name]) {
			t.Fatalf("%s differs between two calls", name)
		}
	}
	// Few places: departments and people recur across documents, so the
	// demo's facets have counts above one.
	seen := map[string]int{}
	err := GenerateDocs(context.Background(), Options{Count: 24, Seed: SampleSeed, Places: 3}, func(_ string, d *document.Document) error {
		for _, x := range append(append([]string(nil), d.Departments...), d.People...) {
			seen[x]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	shared := 0
	for _, n := range seen {
		if n >= 3 {
			shared++
		}
	}
	if shared < 10 {
		t.Errorf("only %d departments or people appear in three or more sample documents", shared)
	}
}

func TestJoin(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"政府债务管理", "管理条例（草案）", "政府债务管理条例（草案）"},
		{"信访工作", "工作情况的汇报", "信访工作情况的汇报"},
		{"乡村振兴", "实施方案", "乡村振兴实施方案"},
		{"双减", "减负", "双减负"},
		{"安全生产专项整治", "专项整治方案", "安全生产专项整治方案"},
		{"防汛", "方案", "防汛方案"},
	} {
		if got := join(c.a, c.b); got != c.want {
			t.Errorf("join(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, workers := range []int{1, 0} {
		name := "workers=" + strconv.Itoa(workers)
		if workers == 0 {
			name = "workers=GOMAXPROCS"
		}
		b.Run(name, func(b *testing.B) { benchGenerate(b, workers) })
	}
}

func benchGenerate(b *testing.B, workers int) {
	var bytes int64
	for b.Loop() {
		bytes = 0
		err := Generate(context.Background(), Options{Count: 1000, Seed: 1, Workers: workers}, func(_ string, text []byte) error {
			bytes += int64(len(text))
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.SetBytes(bytes)
}
