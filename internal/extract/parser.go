// Package extract turns the text of a government document (minutes, news
// report of a meeting, official document) into a document.Document.
//
// The parser works on the genre, not on particular files: every pattern it
// knows is a table in patterns.go, department names come from the dept
// table, names are judged by the names package and gse part-of-speech tags.
package extract

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/go-ego/gse"

	"govarchive/internal/clean"
	"govarchive/internal/dept"
	"govarchive/internal/document"
)

// Parser extracts documents. It holds only read-only state and is safe for
// concurrent use.
type Parser struct {
	seg     *gse.Segmenter
	depts   *dept.Table
	cleaner *clean.Cleaner
}

// Meta is what the caller knows about a document besides its text.
type Meta struct {
	Source    string // file base name → Document.Source
	Published string // ISO date the page was published (for year inference); may be ""
}

// New returns a Parser. seg must not be modified after this call.
func New(seg *gse.Segmenter, depts *dept.Table, cleaner *clean.Cleaner) *Parser {
	return &Parser{seg: seg, depts: depts, cleaner: cleaner}
}

// maxParseBytes bounds the text the structural passes look at; the full text
// is still kept in Document.Text. Minutes and notices are far shorter, and the
// bound keeps the worst case linear.
const maxParseBytes = 1 << 20

// Parse extracts a Document from raw text (as read, original script).
func (p *Parser) Parse(raw string, meta Meta) (doc *document.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			slog.Error("extract: panic", "source", meta.Source, "panic", r, "stack", string(debug.Stack()))
			doc, err = nil, fmt.Errorf("extract %s: internal error: %v", meta.Source, r)
		}
	}()
	text := raw
	if p.cleaner != nil {
		text = p.cleaner.Normalize(raw)
	}
	if len(text) > maxParseBytes {
		text = truncateUTF8(text, maxParseBytes)
	}
	d := &document.Document{
		ID:     document.ContentID(raw),
		Source: meta.Source,
		Text:   raw,
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("extract %s: %w", meta.Source, ErrEmpty)
	}
	st := newState(p, text, meta)
	st.doc = d
	d.Kind = detectKind(st.lines)
	switch d.Kind {
	case document.KindMinutes:
		st.parseMinutes()
	case document.KindNews:
		st.parseNews()
	case document.KindOfficial:
		st.parseOfficial()
	default:
		// A notice to the public (…关于…的公告) is no official document of
		// the government's business, but is written as one: title under
		// the issuer, numbered items naming who acts, a signature.
		if publicNotice(st.lines) {
			st.parseOfficial()
		} else {
			st.parseOther()
		}
	}
	st.finish()
	st.keepWritten(raw)
	return d, nil
}

// ErrEmpty is returned for a text with nothing to extract.
var ErrEmpty = errors.New("document has no text")

func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && !isRuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
