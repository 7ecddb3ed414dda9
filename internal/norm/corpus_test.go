package norm

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

// corpusDir is the shared development corpus, relative to this package.
var corpusDir = filepath.Join("..", "..", "..", "shared", "corpus")

func corpusFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("corpus not found at %s (expected the shared corpus next to the repository): %v", corpusDir, err)
	}
	return files
}

// TestCorpusGolden runs every finder over every corpus document and compares
// the result with testdata/corpus.golden, which was checked by reading the
// documents. Run with -update after a deliberate change, then review the diff.
func TestCorpusGolden(t *testing.T) {
	var b strings.Builder
	for _, p := range corpusFiles(t) {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(raw)
		rel, _ := filepath.Rel(corpusDir, p)
		fmt.Fprintf(&b, "== %s\n", filepath.ToSlash(rel))
		if d, start, end, ok := FindDocNumber(s); ok {
			fmt.Fprintf(&b, "doc_number %s year=%d seq=%d prefix=%q from %q\n", d.Text, d.Year, d.Seq, d.Prefix, s[start:end])
		}
		if m, ok := FindMeetingNo(s); ok {
			fmt.Fprintf(&b, "meeting %q term=%d year=%d session=%d type=%q\n", m.Name, m.Term, m.Year, m.Session, m.Type)
		}
		for _, m := range FindDates(s) {
			d := m.Date
			fmt.Fprintf(&b, "date %q %04d-%02d-%02d %s %s\n", s[m.Start:m.End], d.Year, d.Month, d.Day, d.PartOfDay, d.Time)
		}
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
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
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
}

// TestCorpusDocNumberFields checks every 文号 given in a metadata field of
// the corpus (发文字号：, 文  号:) against FindDocNumber on the field value.
func TestCorpusDocNumberFields(t *testing.T) {
	field := regexp.MustCompile(`(?:发文字号|文[ \x{3000}]*号)[ \x{3000}]*[:：][ \x{3000}\t]*\n?[ \x{3000}\t]*(\S+)`)
	n := 0
	for _, p := range corpusFiles(t) {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range field.FindAllStringSubmatch(string(raw), -1) {
			v := m[1]
			if !strings.ContainsAny(v, "号號") {
				continue // an empty field followed by the next label
			}
			n++
			d, ok := ParseDocNumber(v)
			if !ok {
				t.Errorf("%s: field value %q not parsed", filepath.Base(p), v)
				continue
			}
			if d.Text != strings.ReplaceAll(v, "號", "号") || d.Year == 0 || d.Seq == 0 || d.Prefix == "" {
				t.Errorf("%s: %q parsed as %+v", filepath.Base(p), v, d)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d 文号 fields found in the corpus; the corpus or the field pattern changed", n)
	}
	t.Logf("%d 文号 fields checked", n)
}
