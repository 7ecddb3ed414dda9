package index

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"govarchive/internal/document"
)

// Archives often hold one document several times: the web page, its PDF
// attachment and a .docx, or two captures of one page. Their texts differ in
// layout, page chrome and line breaks, so their content ids differ; without
// a check each would be a document of its own, crowding result pages and
// counting twice in every facet. A copy is only recognised when the parse
// agrees on what identifies a document (kind, title, date, 文号) and the two
// texts are the same but for a few percent, so revisions (a new 文号 or
// date) and excerpts stay documents of their own.

// copySimilarity is the share of the shorter text's shingles the longer one
// must hold, and the least ratio of their sizes: page chrome and a capture's
// header add a few percent, an excerpt or a truncated copy far more.
const copySimilarity = 0.9

// shingleRunes is the length of the compared runs of letters and digits.
const shingleRunes = 5

// copyKey is what a copy's parse must share with its original.
type copyKey struct {
	kind                   document.Kind
	title, date, docNumber string
}

func copyKeyOf(d *document.Document) (copyKey, bool) {
	if d.Title == "" {
		return copyKey{}, false
	}
	return copyKey{d.Kind, d.Title, d.Date, d.DocNumber}, true
}

// shingles hashes every run of shingleRunes letters and digits of text,
// ignoring everything else (spaces, line breaks, punctuation, case), sorted
// and without repeats.
func shingles(text string) []uint64 {
	var rs []rune
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, unicode.ToLower(r))
		}
	}
	if len(rs) < shingleRunes {
		if len(rs) == 0 {
			return nil
		}
		return []uint64{hashRunes(rs)}
	}
	out := make([]uint64, 0, len(rs)-shingleRunes+1)
	for i := 0; i+shingleRunes <= len(rs); i++ {
		out = append(out, hashRunes(rs[i:i+shingleRunes]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func hashRunes(rs []rune) uint64 {
	h := fnv.New64a()
	var b [4]byte
	for _, r := range rs {
		b[0], b[1], b[2], b[3] = byte(r), byte(r>>8), byte(r>>16), byte(r>>24)
		h.Write(b[:])
	}
	return h.Sum64()
}

// sameText reports whether two shingle sets are copies of one text.
func sameText(a, b []uint64) bool { return similarity(a, b) >= copySimilarity }

// similarity is the share of the shorter set the longer holds, or 0 when
// their sizes differ too much for copies.
func similarity(a, b []uint64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b) == 0 || float64(len(a)) < copySimilarity*float64(len(b)) {
		return 0
	}
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(shared) / float64(len(a))
}

// copyFinder finds, for the new documents of one Put, an indexed document
// or an earlier document of the same batch that they copy.
type copyFinder struct {
	ix       *Index
	indexed  map[copyKey][]string // ids of indexed documents with the key
	batch    map[copyKey][]int    // positions in docs already added
	shingled map[string][]uint64  // by id, computed once
	// identified[i]: docs[i] is identified by its content, hashed once.
	identified []bool
}

// newCopyFinder looks up, in one search, the indexed documents whose title
// (and date, when there is one) some of docs share; want[i] says which docs
// may be copies (new content, not an update of their own path), and
// replaced which indexed documents the batch deletes.
func (ix *Index) newCopyFinder(ctx context.Context, docs []*document.Document, want []bool, replaced map[string]bool) (*copyFinder, error) {
	f := &copyFinder{ix: ix, indexed: map[copyKey][]string{}, batch: map[copyKey][]int{}, shingled: map[string][]uint64{},
		identified: make([]bool, len(docs))}
	var qs []query.Query
	keys := map[copyKey]bool{}
	for i, d := range docs {
		f.identified[i] = contentIdentified(d)
		k, ok := copyKeyOf(d)
		if !ok || !want[i] || !f.identified[i] || keys[k] {
			continue
		}
		keys[k] = true
		q := termQ(fTitleKey, ix.simplify(d.Title), 1)
		if dt, ok := parseISODate(d.Date); ok {
			q = bleve.NewConjunctionQuery(q, termQ(fDateKey, dt.Format("2006-01-02"), 1))
		}
		qs = append(qs, q)
	}
	if len(qs) == 0 {
		return f, nil
	}
	// Every namesake is read: many documents may share a bare title (通知)
	// on other days, and the original may rank anywhere among them.
	size := 4*len(qs) + 16
	var res *bleve.SearchResult
	for {
		req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), size, 0, false)
		req.Fields = []string{fDocBrief, fDocJSON}
		var err error
		if res, err = ix.bi.SearchInContext(ctx, req); err != nil {
			return nil, fmt.Errorf("index: look up copies: %w", err)
		}
		if res.Total <= uint64(size) {
			break
		}
		size = int(res.Total)
	}
	for _, h := range res.Hits {
		if replaced[h.ID] {
			continue
		}
		get := func(name string) string { s, _ := h.Fields[name].(string); return s }
		js := get(fDocBrief)
		if js == "" {
			js = get(fDocJSON)
		}
		d, err := decodeDoc(h.ID, js, "")
		if err != nil {
			continue // an unreadable candidate is no copy; Put reports nothing for it
		}
		if k, ok := copyKeyOf(d); ok && keys[k] {
			f.indexed[k] = append(f.indexed[k], h.ID)
		}
	}
	return f, nil
}

// contentIdentified: only documents identified by their content are
// compared, since a caller that names its documents itself has decided
// what is one document.
func contentIdentified(d *document.Document) bool {
	return d.ID == "" || d.ID == document.ContentID(d.Text)
}

// find returns the id of what d (docs[i], with id) copies, or "".
func (f *copyFinder) find(docs []*document.Document, ids []string, i int) string {
	k, ok := copyKeyOf(docs[i])
	if !ok || !f.identified[i] {
		return ""
	}
	cands := f.indexed[k]
	if len(cands) == 0 && len(f.batch[k]) == 0 {
		return ""
	}
	mine := f.shingles(ids[i], docs[i].Text)
	for _, j := range f.batch[k] {
		if sameText(mine, f.shingles(ids[j], docs[j].Text)) {
			return ids[j]
		}
	}
	for _, id := range cands {
		s, ok := f.shingled[id]
		if !ok {
			od, err := f.ix.getDoc(id)
			if err != nil {
				// An unreadable candidate is no original (as in
				// newCopyFinder): it must not stop every write of its title.
				f.shingled[id] = nil
				continue
			}
			if od.ID != document.ContentID(od.Text) {
				od.Text = "" // compared with nothing
			}
			s = f.shingles(id, od.Text)
		}
		if sameText(mine, s) {
			return id
		}
	}
	return ""
}

// added records that docs[i] joined the batch as a document of its own.
func (f *copyFinder) added(docs []*document.Document, i int) {
	if k, ok := copyKeyOf(docs[i]); ok && f.identified[i] {
		f.batch[k] = append(f.batch[k], i)
	}
}

func (f *copyFinder) shingles(id, text string) []uint64 {
	s, ok := f.shingled[id]
	if !ok {
		s = shingles(text)
		f.shingled[id] = s
	}
	return s
}
