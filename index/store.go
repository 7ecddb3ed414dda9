package index

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"govarchive/internal/document"
)

// The stored form of a document. A topic's text is a stretch of the body
// (about half of a minutes' body is topic text), so the index stores the
// body once and each topic as a span of it, and the document's structure
// once as its brief: storing the whole document beside its brief, as
// indexes before "gse-3" did, kept three copies of most of the text.
// Spans are checked when they are made: a topic whose text the span does
// not rebuild exactly is stored whole.

// topicSpan locates a topic's text in the body: body[S:E], edited by
// Delta (a go-diff delta: the parser normalises punctuation and spacing in
// topic texts, not in the body). Text holds the topic's text when no part
// of the body is close enough to it.
type topicSpan struct {
	S     int    `json:"s"`
	E     int    `json:"e"`
	Delta string `json:"d,omitempty"`
	Text  string `json:"t,omitempty"`
}

// inBody reports whether the span points into the body (not verbatim).
func (s topicSpan) inBody() bool { return s.Text == "" && s.E > s.S }

// spanOverhead is about what a span's offsets cost in its stored JSON.
const spanOverhead = 16

// maxDiffTime bounds the diff of one topic against its stretch of body; a
// slower diff means the two differ too much to be worth a delta anyway.
// maxDocDiffTime bounds the search for all of a document's topics, so
// that an upload with thousands of odd topics costs a bounded time: past
// it, topics are stored whole.
const (
	maxDiffTime    = 50 * time.Millisecond
	maxDocDiffTime = 250 * time.Millisecond
)

// spanFinder locates topic texts in one document's body.
type spanFinder struct {
	body     string
	skel     skeleton
	dmp      *diffmatchpatch.DiffMatchPatch
	deadline time.Time // for the whole document
}

func newSpanFinder(body string) *spanFinder {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = maxDiffTime
	return &spanFinder{body: body, skel: newSkeleton(body), dmp: dmp, deadline: time.Now().Add(maxDocDiffTime)}
}

// topicSpans locates every topic's text in body, searching forward from
// the previous topic so repeated paragraphs map to the right topic.
func topicSpans(body string, topics []document.Topic) []topicSpan {
	return newSpanFinder(body).spans(topics)
}

func (f *spanFinder) spans(topics []document.Topic) []topicSpan {
	out := make([]topicSpan, len(topics))
	from := 0
	for i, tp := range topics {
		if time.Now().After(f.deadline) {
			out[i] = topicSpan{Text: tp.Text}
			continue
		}
		sp, ok := f.find(tp.Text, from)
		if !ok && from > 0 {
			sp, ok = f.find(tp.Text, 0)
		}
		if !ok {
			out[i] = topicSpan{Text: tp.Text}
			continue
		}
		out[i] = sp
		from = sp.S
	}
	return out
}

// find locates text in the body at or after byte from: verbatim, or as the
// stretch whose letters and digits begin and end like text's, with a delta
// that turns it into text.
func (f *spanFinder) find(text string, from int) (topicSpan, bool) {
	if text == "" {
		return topicSpan{}, true
	}
	if k := strings.Index(f.body[from:], text); k >= 0 {
		return topicSpan{S: from + k, E: from + k + len(text)}, true
	}
	ts := newSkeleton(text)
	if ts.str == "" {
		return topicSpan{}, false
	}
	head, tail := ts.str[:firstRunes(ts.str, 16)], ts.str[lastRunes(ts.str, 16):]
	at := f.skel.at(from)
	hi := strings.Index(f.skel.str[at:], head)
	if hi < 0 {
		return topicSpan{}, false
	}
	start := at + hi
	// The tail is searched from where a body as long as the topic would
	// end, less a margin, so a repeated phrase near the head is skipped.
	tailFrom := f.skel.at(f.skel.offs[start] + max(0, len(text)-len(tail)-len(text)/8))
	ti := strings.Index(f.skel.str[tailFrom:], tail)
	if ti < 0 {
		return topicSpan{}, false
	}
	end := tailFrom + ti + len(tail) - 1
	sp := topicSpan{S: f.skel.offs[start], E: f.skel.ends[end]}
	// Punctuation closing the topic is in the span when the body has it.
	for sp.E < len(f.body) {
		r, size := utf8.DecodeRuneInString(f.body[sp.E:])
		if !unicode.IsPunct(r) {
			break
		}
		sp.E += size
	}
	src := f.body[sp.S:sp.E]
	diffs := f.dmp.DiffMainRunes([]rune(src), []rune(text), false)
	sp.Delta = f.dmp.DiffToDelta(diffs)
	// A delta longer than the text it saves is not worth it.
	if len(sp.Delta)+spanOverhead >= len(text) || sp.text(f.body) != text {
		return topicSpan{}, false
	}
	return sp, true
}

// skeleton is the letters and digits of a text, with where each one is.
type skeleton struct {
	str        string
	offs, ends []int // per byte of str: the byte range of its rune in the text
}

func newSkeleton(s string) skeleton {
	var b strings.Builder
	var k skeleton
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n, _ := b.WriteRune(r)
			for range n {
				k.offs = append(k.offs, i)
				k.ends = append(k.ends, i+utf8.RuneLen(r))
			}
		}
	}
	k.str = b.String()
	return k
}

// at is the byte of str of the first rune at or after byte off of the
// text (len(str) when there is none).
func (k skeleton) at(off int) int {
	i, _ := slices.BinarySearch(k.offs, off)
	return i
}

// firstRunes is the byte length of s's first n runes; lastRunes where its
// last n begin.
func firstRunes(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func lastRunes(s string, n int) int {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// text is the topic's text, rebuilt from body.
func (s topicSpan) text(body string) string {
	if !s.inBody() || s.E > len(body) {
		return s.Text
	}
	src := body[s.S:s.E]
	if s.Delta == "" {
		return src
	}
	dmp := diffmatchpatch.New()
	diffs, err := dmp.DiffFromDelta(src, s.Delta)
	if err != nil {
		return src
	}
	return dmp.DiffText2(diffs)
}

// storedDoc is what the index stores of one document.
type storedDoc struct {
	brief []byte // the document without Text, SourcePath and topic texts
	spans []byte // JSON []topicSpan; nil without topics
}

// encodeStored makes the stored form of d; body is its text as indexed
// (simplified), which the topic spans point into, as the matches do.
func encodeStored(d *document.Document, body string) (storedDoc, error) {
	br, err := briefJSON(d)
	if err != nil {
		return storedDoc{}, err
	}
	out := storedDoc{brief: br}
	if len(d.Topics) > 0 {
		if out.spans, err = json.Marshal(topicSpans(body, d.Topics)); err != nil {
			return storedDoc{}, err
		}
	}
	return out, nil
}

// briefJSON is d without its full texts, for browse pages (Query.Brief).
func briefJSON(d *document.Document) ([]byte, error) {
	b := *d
	b.Text, b.SourcePath = "", ""
	b.Topics = make([]document.Topic, len(d.Topics))
	for i, t := range d.Topics {
		t.Text = ""
		b.Topics[i] = t
	}
	return json.Marshal(&b)
}

// fieldGetter reads a stored field of a hit or a stored document.
type fieldGetter func(name string) string

// decodeStored rebuilds a whole document from its stored fields, in the
// current layout or the one before (the whole document in fDocJSON), and
// returns its topic spans (nil in the old layout). Without topicTexts the
// topics' texts stay empty in the current layout: a search hit shows
// snippets, not them, and fills them itself when it returns the document.
func decodeStored(id string, get fieldGetter, topicTexts bool) (*document.Document, []topicSpan, error) {
	if js := get(fDocJSON); js != "" {
		doc, err := decodeDoc(id, js, get(fSourceStore))
		return doc, nil, err
	}
	doc, err := decodeDoc(id, get(fDocBrief), get(fSourceStore))
	if err != nil {
		return nil, nil, err
	}
	doc.Text = get(fText)
	spans, err := decodeSpans(id, get)
	if err != nil {
		return nil, nil, err
	}
	if topicTexts {
		fillTopicTexts(doc, spans, storedText(doc, get(fSimplified)).Body)
	}
	return doc, spans, nil
}

// fillTopicTexts rebuilds the topics' texts from their spans of body (the
// text as indexed).
func fillTopicTexts(doc *document.Document, spans []topicSpan, body string) {
	for i := range doc.Topics {
		if i < len(spans) {
			doc.Topics[i].Text = spans[i].text(body)
		}
	}
}

// hitView is the part of a stored brief a search hit shows. Decoding only
// it skips the lists (attendees, observers, members, decisions) that make up
// most of a minutes' brief: decoding whole briefs was half of what rendering
// a page of hits cost. Its tags are document.Document's (a test checks).
type hitView struct {
	Source    string        `json:"source"`
	Kind      document.Kind `json:"kind"`
	Title     string        `json:"title"`
	Issuer    string        `json:"issuer"`
	DocNumber string        `json:"doc_number"`
	Date      string        `json:"date"`
	Meeting   *struct {
		Name    string `json:"name"`
		Session int    `json:"session"`
		Date    string `json:"date"`
	} `json:"meeting"`
	Topics []struct {
		No    int    `json:"no"`
		Title string `json:"title"`
	} `json:"topics"`
}

// decodeHit is decodeStored for a hit that shows its document's metadata,
// text and topic titles, not the whole document.
func decodeHit(id string, get fieldGetter) (*document.Document, []topicSpan, error) {
	js := get(fDocBrief)
	if get(fDocJSON) != "" || js == "" {
		return decodeStored(id, get, false)
	}
	var v hitView
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		return nil, nil, fmt.Errorf("index: decode %s: %w", id, err)
	}
	doc := &document.Document{
		ID: id, Source: v.Source, SourcePath: get(fSourceStore), Kind: v.Kind, Title: v.Title,
		Issuer: v.Issuer, DocNumber: v.DocNumber, Date: v.Date, Text: get(fText),
	}
	if m := v.Meeting; m != nil {
		doc.Meeting = &document.Meeting{Name: m.Name, Session: m.Session, Date: m.Date}
	}
	if len(v.Topics) > 0 {
		doc.Topics = make([]document.Topic, len(v.Topics))
		for i, t := range v.Topics {
			doc.Topics[i] = document.Topic{No: t.No, Title: t.Title}
		}
	}
	spans, err := decodeSpans(id, get)
	if err != nil {
		return nil, nil, err
	}
	return doc, spans, nil
}

// decodeSpans reads a document's topic spans (nil without topics).
func decodeSpans(id string, get fieldGetter) ([]topicSpan, error) {
	raw := get(fTopicSpans)
	if raw == "" {
		return nil, nil
	}
	var spans []topicSpan
	if err := json.Unmarshal([]byte(raw), &spans); err != nil {
		return nil, fmt.Errorf("index: decode %s topics: %w", id, err)
	}
	return spans, nil
}

func decodeDoc(id, js, path string) (*document.Document, error) {
	if js == "" {
		return nil, fmt.Errorf("index: document %s has no stored body", id)
	}
	var doc document.Document
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		return nil, fmt.Errorf("index: decode %s: %w", id, err)
	}
	doc.SourcePath = path
	return &doc, nil
}

// fieldsOf adapts a hit's field map.
func fieldsOf(m map[string]interface{}) fieldGetter {
	return func(name string) string {
		s, _ := m[name].(string)
		return s
	}
}
