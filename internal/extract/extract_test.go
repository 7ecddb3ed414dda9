package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"govarchive/internal/clean"
	"govarchive/internal/dept"
	"govarchive/internal/segment"
)

// testParser builds the parser once per test binary: the gse dictionary
// takes about a second to load.
// testParser is built as the service builds its parser: the segmenter
// loads the department names as user words, which change gse's cuts
// (长丰/县人民政府/办公室).
var testParser = sync.OnceValues(func() (*Parser, error) {
	depts, err := dept.New()
	if err != nil {
		return nil, err
	}
	seg, err := segment.New(segment.UserWords(depts.Words(), nil))
	if err != nil {
		return nil, err
	}
	cl, err := clean.New()
	if err != nil {
		return nil, err
	}
	return New(seg, depts, cl), nil
})

func parser(t testing.TB) *Parser {
	t.Helper()
	p, err := testParser()
	if err != nil {
		t.Fatalf("build parser: %v", err)
	}
	return p
}

// corpusDir is ../shared/corpus relative to the repository root.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("corpus not found at %s (expected ../shared/corpus next to the repository): %v", dir, err)
	}
	return dir
}

func parseFile(t testing.TB, path string) map[string]any {
	t.Helper()
	return parseFileWith(t, parser(t), path)
}

func parseFileWith(t testing.TB, p *Parser, path string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Parse(string(raw), Meta{Source: filepath.Base(path)})
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	return got
}

// diffPartial compares only what want states: object keys absent from want
// are ignored, lists must match in length and order.
func diffPartial(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want object, got %s", path, show(got))}
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []string
		for _, k := range keys {
			out = append(out, diffPartial(path+"."+k, w[k], g[k])...)
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want list of %d, got %s", path, len(w), show(got))}
		}
		var out []string
		for i := 0; i < len(w) || i < len(g); i++ {
			p := fmt.Sprintf("%s[%d]", path, i)
			switch {
			case i >= len(g):
				out = append(out, fmt.Sprintf("%s: missing, want %s", p, show(w[i])))
			case i >= len(w):
				out = append(out, fmt.Sprintf("%s: unexpected %s", p, show(g[i])))
			default:
				out = append(out, diffPartial(p, w[i], g[i])...)
			}
		}
		return out
	default:
		if !reflect.DeepEqual(want, got) {
			return []string{fmt.Sprintf("%s: want %s, got %s", path, show(want), show(got))}
		}
		return nil
	}
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func loadJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

// TestSeed checks the full contract of the sample minutes.
func TestSeed(t *testing.T) {
	want := loadJSON(t, filepath.Join("testdata", "golden", "suzhou-2020-3.txt.json"))
	got := parseFile(t, filepath.Join("..", "sample", "corpus", "suzhou-2020-3.txt"))
	if d := diffPartial("$", want, got); len(d) > 0 {
		t.Errorf("seed differs from contract (%d):\n%s", len(d), strings.Join(d, "\n"))
	}
	for _, k := range []string{"id", "source", "date", "departments", "people", "text"} {
		if _, ok := got[k]; !ok {
			t.Errorf("seed: field %q missing", k)
		}
	}
}

// TestGolden compares corpus documents with hand-checked partial expectations
// under testdata/golden/<dir>/<file>.json.
func TestGolden(t *testing.T) {
	checkGoldens(t, parser(t))
}

// checkGoldens parses the corpus documents that have a hand-checked
// expectation under testdata/golden with p.
func checkGoldens(t *testing.T, p *Parser) {
	corpus := corpusDir(t)
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Errorf("only %d golden files, want at least 30", len(files))
	}
	for _, f := range files {
		rel, _ := filepath.Rel(filepath.Join("testdata", "golden"), f)
		src := strings.TrimSuffix(rel, ".json")
		t.Run(src, func(t *testing.T) {
			want := loadJSON(t, f)
			got := parseFileWith(t, p, filepath.Join(corpus, src))
			if d := diffPartial("$", want, got); len(d) > 0 {
				t.Errorf("%d differences:\n%s", len(d), strings.Join(d, "\n"))
			}
		})
	}
}

// TestCorpusReport parses the whole corpus with a timeout per file and prints
// what was found. Run with -v to see the table.
func TestCorpusReport(t *testing.T) {
	corpus := corpusDir(t)
	p := parser(t)
	var paths []string
	err := filepath.WalkDir(corpus, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".txt") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no documents under %s", corpus)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-48s %-8s %4s %4s %4s  %s\n", "file", "kind", "ppl", "dept", "top", "fields")
	for _, path := range paths {
		rel, _ := filepath.Rel(corpus, path)
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		type result struct {
			doc map[string]any
			err error
		}
		ch := make(chan result, 1)
		go func() {
			d, err := p.Parse(string(raw), Meta{Source: filepath.Base(path)})
			if err != nil {
				ch <- result{err: err}
				return
			}
			bs, _ := json.Marshal(d)
			var m map[string]any
			err = json.Unmarshal(bs, &m)
			ch <- result{doc: m, err: err}
		}()
		var r result
		select {
		case r = <-ch:
		case <-ctx.Done():
			r.err = fmt.Errorf("timed out")
		}
		cancel()
		if r.err != nil {
			t.Errorf("%s: %v", rel, r.err)
			continue
		}
		var fields []string
		for _, k := range []string{"title", "issuer", "doc_number", "date", "date_inferred", "meeting", "attendees", "observers", "members", "recorder", "compiled_by", "issued_on", "distribution", "written_on", "published_on", "index_no", "subject", "addressees"} {
			if _, ok := r.doc[k]; ok {
				fields = append(fields, k)
			}
		}
		kind, _ := r.doc["kind"].(string)
		n := func(k string) int { l, _ := r.doc[k].([]any); return len(l) }
		fmt.Fprintf(&b, "%-48s %-8s %4d %4d %4d  %s\n", rel, kind, n("people"), n("departments"), n("topics"), strings.Join(fields, ","))
		dir := filepath.Dir(rel)
		if dir == "minutes" || dir == "news" {
			if _, hasDate := r.doc["date"]; !hasDate {
				if _, hasMeeting := r.doc["meeting"]; !hasMeeting {
					t.Errorf("%s: a %s document with neither date nor meeting", rel, dir)
				}
			}
		}
	}
	t.Log("\n" + b.String())
}

// TestLargeInput parses a 2 MB document, twice the part the structural
// passes read: it must end (go test's -timeout catches a hang) and keep its
// whole text. How fast is BenchmarkParse's business, not a wall clock's on
// a shared machine.
func TestLargeInput(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "sample", "corpus", "suzhou-2020-3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for b.Len() < 2<<20 {
		b.Write(raw)
	}
	start := time.Now()
	doc, err := parser(t).Parse(b.String(), Meta{Source: "big.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != b.String() || doc.Meeting == nil || len(doc.Topics) == 0 {
		t.Errorf("text kept %v, meeting %v, %d topics", doc.Text == b.String(), doc.Meeting, len(doc.Topics))
	}
	t.Logf("2 MB parsed in %v", time.Since(start))
}

// TestEmpty reports blank input as ErrEmpty.
func TestEmpty(t *testing.T) {
	for _, in := range []string{"", "   \n\n\t", "\u3000"} {
		if _, err := parser(t).Parse(in, Meta{}); err == nil {
			t.Errorf("Parse(%q): want error", in)
		}
	}
}

// fuzzSeedBytes bounds a seed. The fuzzer minimises every input that finds
// new coverage before it goes on, with a number of Parse calls that grows
// with the square of the input's length; with whole 1.5 KB seeds under
// coverage instrumentation that took the whole -fuzztime and the fuzzer
// showed 0 execs/s. Short windows of the corpus keep minimisation to
// fractions of a second and cover the same structures.
const fuzzSeedBytes = 320

// fuzzSeeds cuts a corpus text into windows of at most fuzzSeedBytes at the
// places the parser cares about: the start (header), and the lines that open
// attendee lists, numbered items and 文号.
func fuzzSeeds(text string) []string {
	starts := []int{0}
	for _, marker := range []string{"出席", "列席", "参加", "一、", "〔", "主持"} {
		if i := strings.Index(text, marker); i > 0 {
			starts = append(starts, max(0, strings.LastIndexByte(text[:i], '\n')+1))
		}
	}
	var out []string
	for _, st := range starts {
		out = append(out, truncateUTF8(text[st:], fuzzSeedBytes))
	}
	return out
}

// FuzzParse feeds corpus snippets and mutations: Parse must never fail
// internally on non-empty text. Run it with
//
//	go test ./internal/extract -run '^$' -fuzz FuzzParse -fuzztime 20s
//
// (add -fuzzminimizetime 5s to spend less time minimising new inputs).
func FuzzParse(f *testing.F) {
	dir := corpusDir(f)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".txt") {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, s := range fuzzSeeds(string(b)) {
				f.Add(s)
			}
		}
		return nil
	})
	if err != nil {
		f.Fatalf("read corpus: %v", err)
	}
	for _, s := range []string{"出席：", "列席：市\n", "一、《《《", "由市", "〔2020〕", "纪要\n一、\n二、", "主持召开会议", "组  长：龚 正 市长"} {
		f.Add(s)
	}
	p := parser(f)
	f.Fuzz(func(t *testing.T, s string) {
		// Large inputs are TestHostileInputs' and TestLargeInput's job;
		// under coverage instrumentation they would stall the fuzzer
		// (minimising them alone would take minutes).
		if len(s) > 4<<10 {
			return
		}
		d, err := p.Parse(s, Meta{Source: "fuzz"})
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("Parse(%q): %v", s, err)
			}
			return
		}
		if d.Text != s {
			t.Fatalf("Text not kept")
		}
	})
}

// TestHostileInputs feeds long degenerate texts that would expose quadratic
// passes; each must parse well within the bound.
func TestHostileInputs(t *testing.T) {
	p := parser(t)
	const n = 40_000
	cases := map[string]string{
		"triggers":   "一、审议\n" + strings.Repeat("由", n),
		"brackets":   strings.Repeat("《", n) + strings.Repeat("》", n),
		"headings":   strings.Repeat("一、由市应急局会同\n", n/10),
		"list":       "出席：" + strings.Repeat("李亚平 ", n/4),
		"units":      "列席：" + strings.Repeat("市发改委", n/4),
		"one line":   strings.Repeat("会议强调，市长王某主持召开会议，", n/16),
		"colons":     strings.Repeat("主任：\n", n/8),
		"dates":      strings.Repeat("2020年1月1日", n/8),
		"comrades":   strings.Repeat("同志", n/2),
		"no newline": strings.Repeat("市", n),
	}
	for name, text := range cases {
		start := time.Now()
		done := make(chan error, 1)
		go func() {
			_, err := p.Parse(text, Meta{})
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: no result after 30 s", name)
		}
		d := time.Since(start)
		t.Logf("%s: %v", name, d)
		if d > 15*time.Second {
			t.Errorf("%s: %v", name, d)
		}
	}
}

// BenchmarkParse measures Parse on the sample minutes (a hot path of ingest).
func BenchmarkParse(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "sample", "corpus", "suzhou-2020-3.txt"))
	if err != nil {
		b.Fatal(err)
	}
	p := parser(b)
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := p.Parse(string(raw), Meta{Source: "suzhou-2020-3.txt"}); err != nil {
			b.Fatal(err)
		}
	}
}
