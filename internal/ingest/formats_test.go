package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"govarchive/internal/clean"
	"govarchive/internal/dept"
	"govarchive/internal/document"
	"govarchive/internal/extract"
	"govarchive/internal/segment"
	"govarchive/internal/textio"
	"govarchive/internal/textio/textiotest"
)

// formatsParser is built once per test binary: the gse dictionary takes a
// second to load.
var formatsParser = sync.OnceValues(func() (*extract.Parser, error) {
	seg, err := segment.New(nil)
	if err != nil {
		return nil, err
	}
	depts, err := dept.New()
	if err != nil {
		return nil, err
	}
	cl, err := clean.New()
	if err != nil {
		return nil, err
	}
	return extract.New(seg, depts, cl), nil
})

// keyFields are the facts every rendering of a document must agree on.
type keyFields struct {
	Kind, Title, Issuer, DocNumber, Date string
	Session                              int
	Topics                               []string
	Attendees, Observers                 []string
	Recorder                             string
}

func keysOf(d *document.Document) keyFields {
	k := keyFields{Kind: string(d.Kind), Title: d.Title, Issuer: d.Issuer, DocNumber: d.DocNumber,
		Date: d.Date, Recorder: d.Recorder}
	if d.Meeting != nil {
		k.Session = d.Meeting.Session
	}
	for _, t := range d.Topics {
		k.Topics = append(k.Topics, t.Title)
	}
	for _, a := range d.Attendees {
		k.Attendees = append(k.Attendees, a.Name)
	}
	for _, o := range d.Observers {
		k.Observers = append(k.Observers, o.Name)
	}
	sort.Strings(k.Attendees)
	sort.Strings(k.Observers)
	return k
}

// diff names the fields on which a and b differ, with both values.
func (a keyFields) diff(b keyFields) []string {
	var out []string
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, fmt.Sprintf("%s: txt=%v got=%v", va.Type().Field(i).Name, va.Field(i).Interface(), vb.Field(i).Interface()))
		}
	}
	return out
}

// Page geometry of the PDF rendering: an A4 page set in a Chinese font
// holds about 38 full-width characters a line (ASCII takes half a
// character), wraps paragraphs wherever the measure ends, breaks pages
// inside paragraphs and numbers its pages at the foot.
const (
	pdfLineColumns = 76
	pdfPageLines   = 40
)

// rendering builds one file format from a document's lines.
type rendering struct {
	name, ext string
	build     func(text string, lines []string) ([]byte, error)
}

var renderings = []rendering{
	{"html", ".html", func(_ string, lines []string) ([]byte, error) {
		return []byte(textiotest.HTML(lines, "utf-8")), nil
	}},
	{"docx", ".docx", func(_ string, lines []string) ([]byte, error) {
		return textiotest.DOCX(lines, nil)
	}},
	{"html-br", ".html", func(_ string, lines []string) ([]byte, error) {
		return []byte(textiotest.HTMLBreaks(lines)), nil
	}},
	{"docx-numbered", ".docx", func(_ string, lines []string) ([]byte, error) {
		return textiotest.DOCXNumbered(lines)
	}},
	{"pdf", ".pdf", func(_ string, lines []string) ([]byte, error) {
		return textiotest.PDF(pdfPages(lines), "TJ")
	}},
	{"pdf-tm", ".pdf", func(_ string, lines []string) ([]byte, error) {
		return textiotest.PDF(pdfPages(lines), "Tm")
	}},
	{"gbk", ".txt", func(text string, _ []string) ([]byte, error) {
		if b, err := textiotest.GBK(text); err == nil {
			return b, nil
		}
		// A character outside GBK: GB18030, its superset, as Windows writes it.
		return simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	}},
	{"utf16le", ".txt", func(text string, _ []string) ([]byte, error) {
		return textiotest.UTF16(text, false, true), nil
	}},
	{"utf16be", ".txt", func(text string, _ []string) ([]byte, error) {
		return textiotest.UTF16(text, true, true), nil
	}},
}

// pdfPages wraps each paragraph at the page width and fills pages.
func pdfPages(lines []string) [][]string {
	var pages [][]string
	var page []string
	emit := func(l string) {
		page = append(page, l)
		if len(page) == pdfPageLines {
			// Official documents print the page number below the text.
			pages = append(pages, append(page, fmt.Sprintf("— %d —", len(pages)+1)))
			page = nil
		}
	}
	for _, l := range lines {
		var cur strings.Builder
		cols := 0
		for _, r := range l {
			w := 2
			if r < 0x80 {
				w = 1
			}
			if cols+w > pdfLineColumns {
				emit(cur.String())
				cur.Reset()
				cols = 0
			}
			cur.WriteRune(r)
			cols += w
		}
		if cur.Len() > 0 {
			emit(cur.String())
		}
	}
	if len(page) > 0 {
		pages = append(pages, append(page, fmt.Sprintf("— %d —", len(pages)+1)))
	}
	return pages
}

// paragraphs are the document's non-blank lines, trailing spaces trimmed:
// what a word processor or a web page would hold as paragraphs.
func paragraphs(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimRight(l, " \t\r"); strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestFormatsAgree renders every corpus document as HTML, DOCX, PDF, GBK and
// UTF-16, reads each through textio, parses it and compares the key fields
// with the parse of the UTF-8 .txt. At least 95 % must agree per format.
func TestFormatsAgree(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("shared corpus not found at %s (expected ../shared/corpus next to the repository): %v", dir, err)
	}
	p, err := formatsParser()
	if err != nil {
		t.Fatalf("build parser: %v", err)
	}
	ctx := context.Background()
	agree := map[string]int{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		text, err := textio.Read(ctx, base+".txt", bytes.NewReader(raw), textio.Options{})
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		want, err := p.Parse(text, extract.Meta{Source: base + ".txt"})
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		wantKeys := keysOf(want)
		lines := paragraphs(text)
		for _, r := range renderings {
			data, err := r.build(text, lines)
			if err != nil {
				t.Fatalf("%s: build %s: %v", rel, r.name, err)
			}
			got, err := textio.Read(ctx, base+r.ext, bytes.NewReader(data), textio.Options{})
			if err != nil {
				t.Errorf("%s as %s: read: %v", rel, r.name, err)
				continue
			}
			doc, err := p.Parse(got, extract.Meta{Source: base + r.ext})
			if err != nil {
				t.Errorf("%s as %s: parse: %v", rel, r.name, err)
				continue
			}
			if d := wantKeys.diff(keysOf(doc)); len(d) > 0 {
				t.Logf("%s as %s disagrees:\n  %s", rel, r.name, strings.Join(d, "\n  "))
				continue
			}
			agree[r.name]++
		}
	}
	for _, r := range renderings {
		n := agree[r.name]
		t.Logf("%-13s %d/%d documents agree with the .txt parse (%.0f%%)", r.name, n, len(files), 100*float64(n)/float64(len(files)))
		if n*100 < 95*len(files) {
			t.Errorf("%s: only %d of %d documents agree with the .txt parse, want at least 95%%", r.name, n, len(files))
		}
	}
}
