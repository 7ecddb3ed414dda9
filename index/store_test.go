package index

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"govarchive/internal/document"
	"govarchive/internal/extract"
)

func TestTopicSpans(t *testing.T) {
	body := "一、甲\n\n原则同意。\n\n由市应急局负责，市消防救援支队配合。\n\n二、乙\n\n原则同意,由市民政局负责组织实施并做好政策解读。\n\n三、丙"
	at := func(s string) int { return strings.Index(body, s) }
	second := strings.LastIndex(body, "原则同意")
	for _, tc := range []struct {
		name, text string
		from       int
		s, e       int // want body[s:e], -1 when stored whole
		delta      bool
	}{
		{"verbatim", "由市应急局负责", 0, at("由市应急局"), at("由市应急局") + len("由市应急局负责"), false},
		{"paragraphs joined by one newline", "原则同意。\n由市应急局负责，市消防救援支队配合。", 0, at("原则同意"), at("\n\n二"), true},
		{"normalised punctuation", "原则同意，由市民政局负责组织实施并做好政策解读。", 0, second, at("\n\n三"), true},
		{"repeated paragraph: the one after the cursor", "原则同意", at("二、乙"), second, second + len("原则同意"), false},
		{"absent", "不在正文里的一段很长的文字。", 0, -1, -1, false},
		{"same head, another text", "原则同意。\n由市发展和改革委员会牵头研究制定具体办法并报市政府。", 0, -1, -1, false},
		{"empty", "", 0, 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sp := topicSpans(body[:0]+body, []document.Topic{{Text: tc.text}})[0]
			if tc.from > 0 {
				var ok bool
				sp, ok = newSpanFinder(body).find(tc.text, tc.from)
				if !ok {
					t.Fatal("not found")
				}
			}
			if tc.s < 0 {
				if sp.inBody() || sp.Text != tc.text {
					t.Fatalf("span %+v, want the text stored whole", sp)
				}
				return
			}
			if sp.S != tc.s || sp.E != tc.e || (sp.Delta != "") != tc.delta {
				t.Fatalf("span %+v = %q, want [%d,%d) %q, delta %v", sp, body[sp.S:sp.E], tc.s, tc.e, body[tc.s:tc.e], tc.delta)
			}
			if got := sp.text(body); got != tc.text {
				t.Errorf("rebuilt %q, want %q", got, tc.text)
			}
		})
	}
}

// TestStoredRoundTrip: every corpus document, parsed, comes back from the
// index exactly as it was put, topic texts included, although they are
// stored as spans of the body.
func TestStoredRoundTrip(t *testing.T) {
	seg := testSegmenter(t)
	cl, depts := tables(t)
	p := extract.New(seg, depts, cl)
	dir := corpusDir(t)
	var docs []*document.Document
	topics, asSpans := 0, 0
	for _, f := range corpusFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := p.Parse(string(b), extract.Meta{Source: filepath.Base(f)})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		d.ID = document.ContentID(d.Text)
		d.SourcePath = filepath.ToSlash(f)
		docs = append(docs, d)
		for i, sp := range topicSpans(cl.Simplify(d.Text), d.Topics) {
			if d.Topics[i].Text == "" {
				continue
			}
			topics++
			if sp.inBody() {
				asSpans++
			}
		}
	}
	// Nearly every topic's text is a stretch of the body.
	if topics < 50 || asSpans*10 < topics*9 {
		t.Errorf("%d of %d topic texts stored as spans", asSpans, topics)
	}
	ix := openTest(t, Options{Segmenter: seg, Cleaner: cl, Departments: depts})
	put(t, ix, docs...)
	for _, want := range docs {
		got, err := ix.Get(context.Background(), want.ID)
		if err != nil {
			t.Fatalf("%s: %v", want.Source, err)
		}
		if !reflect.DeepEqual(got, want) {
			for i := range want.Topics {
				if i < len(got.Topics) && got.Topics[i].Text != want.Topics[i].Text {
					t.Errorf("%s topic %d:\n got %q\nwant %q", want.Source, i+1, got.Topics[i].Text, want.Topics[i].Text)
				}
			}
			t.Errorf("%s: stored document differs", want.Source)
		}
	}
	// A search hit that carries its document carries its topic texts too.
	for _, want := range docs {
		if len(want.Topics) == 0 || want.Title == "" {
			continue
		}
		r, err := ix.Search(context.Background(), Query{Text: want.Title, IncludeDocuments: true, Size: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range r.Hits {
			if h.ID == want.ID && !reflect.DeepEqual(h.Document.Topics, want.Topics) {
				t.Errorf("%s: topics of the search hit differ", want.Source)
			}
		}
	}
	// Each walks the same stored fields.
	n := 0
	err := ix.Each(context.Background(), Query{IncludeDocuments: true}, func(h Hit) error {
		n++
		if h.Document == nil || !strings.HasPrefix(h.Document.SourcePath, filepath.ToSlash(dir)) {
			t.Errorf("%s: no document", h.ID)
		}
		return nil
	})
	if err != nil || n != len(uniqueIDs(docs)) {
		t.Errorf("Each: %d documents, %v", n, err)
	}
}

func uniqueIDs(docs []*document.Document) map[string]bool {
	m := map[string]bool{}
	for _, d := range docs {
		m[d.ID] = true
	}
	return m
}

// An index built before gse-3 stores the whole document in fDocJSON.
func TestDecodeStoredLegacy(t *testing.T) {
	d := &document.Document{ID: "x", Title: "纪要", Text: "一、甲\n原则同意。", Topics: []document.Topic{{No: 1, Title: "甲", Text: "原则同意。"}}}
	js, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]string{fDocJSON: string(js), fSourceStore: "a/b.txt"}
	got, _, err := decodeStored("x", func(n string) string { return fields[n] }, true)
	if err != nil {
		t.Fatal(err)
	}
	d.SourcePath = "a/b.txt"
	if !reflect.DeepEqual(got, d) {
		t.Errorf("got %+v", got)
	}
	if _, _, err := decodeStored("y", func(string) string { return "" }, true); err == nil {
		t.Error("a document with no stored fields decoded")
	}
}

// Past the document's time budget, topics are stored whole without being
// searched for, and still come back exactly.
func TestTopicSpansBudget(t *testing.T) {
	body := "一、甲\n\n原则同意,由市民政局负责组织实施并做好政策解读。\n\n二、乙"
	topics := []document.Topic{{No: 1, Text: "原则同意，由市民政局负责组织实施并做好政策解读。"}}
	f := newSpanFinder(body)
	if sp := f.spans(topics)[0]; !sp.inBody() || sp.Delta == "" {
		t.Fatalf("within the budget: %+v, want a span with a delta", sp)
	}
	f.deadline = time.Now().Add(-time.Second)
	sp := f.spans(topics)[0]
	if sp.inBody() || sp.text(body) != topics[0].Text {
		t.Errorf("past the budget: %+v, want the text stored whole", sp)
	}
}

// A search hit's partial decode reads what a whole decode reads of the
// fields a hit shows: hitView's tags are document.Document's.
func TestDecodeHitMatchesWhole(t *testing.T) {
	d := &document.Document{
		ID: "x", Source: "x.txt", SourcePath: "a/x.txt", Kind: document.KindMinutes, Title: "市政府第3次常务会议纪要",
		Issuer: "苏州市人民政府", DocNumber: "〔2020〕3号", DocYear: 2020, DocSeq: 3, Date: "2020-03-05",
		Meeting:   &document.Meeting{Name: "市政府第3次常务会议", Type: "常务会议", Session: 3, Date: "2020-03-04", Chair: &document.Person{Name: "李亚平"}},
		Topics:    []document.Topic{{No: 1, Title: "研究审计工作", Text: "原则同意。", Decisions: []string{"原则同意。"}}, {No: 2, Title: "研究防汛工作", Text: "由市应急局负责。"}},
		Observers: []document.Person{{Name: "胡岚", Department: "市民政局"}},
		Text:      "一、研究审计工作\n原则同意。\n二、研究防汛工作\n由市应急局负责。",
	}
	st, err := encodeStored(d, d.Text)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]string{fDocBrief: string(st.brief), fTopicSpans: string(st.spans), fText: d.Text, fSourceStore: d.SourcePath}
	get := func(n string) string { return fields[n] }
	whole, wantSpans, err := decodeStored("x", get, false)
	if err != nil {
		t.Fatal(err)
	}
	got, spans, err := decodeHit("x", get)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(spans, wantSpans) || len(spans) != 2 {
		t.Errorf("spans %+v, want %+v", spans, wantSpans)
	}
	if *got.Meeting != (document.Meeting{Name: whole.Meeting.Name, Session: whole.Meeting.Session, Date: whole.Meeting.Date}) {
		t.Errorf("meeting %+v", got.Meeting)
	}
	for i, tp := range whole.Topics {
		if !reflect.DeepEqual(got.Topics[i], document.Topic{No: tp.No, Title: tp.Title}) {
			t.Errorf("topic %d: %+v", i, got.Topics[i])
		}
	}
	shown := func(d *document.Document) []string {
		return []string{d.ID, d.Source, d.SourcePath, string(d.Kind), d.Title, d.Issuer, d.DocNumber, d.Date, d.Text}
	}
	if g, w := shown(got), shown(whole); !reflect.DeepEqual(g, w) || slices.Contains(w, "") {
		t.Errorf("got %q\nwant %q", g, w)
	}
}

// BenchmarkDecodeHit: what a search hit decodes of a minutes' stored form
// with 60 observers and 8 topics, whole or only what the hit shows.
func BenchmarkDecodeHit(b *testing.B) {
	d := &document.Document{ID: "x", Source: "x.txt", Kind: document.KindMinutes, Title: "市政府第3次常务会议纪要", Date: "2020-03-05",
		Meeting: &document.Meeting{Name: "市政府第3次常务会议", Session: 3, Chair: &document.Person{Name: "李亚平", Title: "市长"}}}
	var text strings.Builder
	for i := range 8 {
		tp := document.Topic{No: i + 1, Title: fmt.Sprintf("研究第%d项工作", i+1), Text: strings.Repeat("会议原则同意，由市应急局会同市民政局负责组织实施。", 6),
			Decisions: []string{"原则同意。"}, LeadDepartments: []string{"市应急局", "市民政局"}, Documents: []string{"《关于安全生产的实施意见》"}}
		d.Topics = append(d.Topics, tp)
		text.WriteString(tp.Title + "\n" + tp.Text + "\n")
	}
	for i := range 60 {
		d.Observers = append(d.Observers, document.Person{Name: fmt.Sprintf("王%02d", i), Department: "市应急管理局"})
		d.People = append(d.People, fmt.Sprintf("王%02d", i))
		d.DepartmentRefs = append(d.DepartmentRefs, document.DeptRef{Name: "市应急局", Canonical: "苏州市应急管理局"})
	}
	d.Text = text.String()
	st, err := encodeStored(d, d.Text)
	if err != nil {
		b.Fatal(err)
	}
	fields := map[string]string{fDocBrief: string(st.brief), fTopicSpans: string(st.spans), fText: d.Text}
	get := func(n string) string { return fields[n] }
	b.Run("whole", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := decodeStored("x", get, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("hit", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := decodeHit("x", get); err != nil {
				b.Fatal(err)
			}
		}
	})
}
