package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/mozillazg/go-pinyin"
)

const (
	defaultSuggest = 10
	maxSuggest     = 50
)

// suggestCache holds the completion candidates of one index. It is built
// from the term dictionaries on the first Suggest, then kept current by
// every write (apply), so a suggest after an upload does not rescan the
// archive (BENCHMARKS.md: 85 ms under concurrent uploads).
type suggestCache struct {
	mu    sync.Mutex
	built bool
	// gen is bumped by every full build and every failed update, so a
	// writer can tell whether the counts it adjusts are the ones it saw.
	gen    uint64
	counts map[suggestKey]*suggestEntry
	// entries is the snapshot Suggest reads; nil after a change.
	entries []suggestEntry
}

type suggestKey struct{ kind, text string }

type suggestEntry struct {
	Suggestion
	initials string // pinyin initials: 李亚平 → lyp
	spelt    string // a name's pinyin, tones aside: 苏州市应急局 → suzhoushiyingjiju; "" for a title
}

// newSuggestEntry is the completion candidate text of kind, seen count times.
func newSuggestEntry(kind, text string, count int) *suggestEntry {
	e := &suggestEntry{Suggestion: Suggestion{Text: text, Kind: kind, Count: count}, initials: initials(text)}
	if kind != SuggestTitle {
		e.spelt = spelling(text)
	}
	return e
}

// begin returns the generation a writer's update is based on, and whether
// there is anything to update.
func (c *suggestCache) begin() (uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen, c.built
}

// apply adds one to the count of each of added's candidates and takes one
// from each of removed's (one list per document), unless the cache was
// rebuilt since gen: the build may already have seen the write.
func (c *suggestCache) apply(gen uint64, added, removed [][]suggestKey) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.built {
		return
	}
	if gen != c.gen {
		c.built = false // rebuild from the index on the next Suggest
		return
	}
	for _, keys := range removed {
		for _, k := range keys {
			if e := c.counts[k]; e != nil {
				if e.Count--; e.Count <= 0 {
					delete(c.counts, k)
				}
			}
		}
	}
	for _, keys := range added {
		for _, k := range keys {
			if e := c.counts[k]; e != nil {
				e.Count++
			} else {
				c.counts[k] = newSuggestEntry(k.kind, k.text, 1)
			}
		}
	}
	c.entries = nil
}

// invalidate drops the cache; the next Suggest rebuilds it.
func (c *suggestCache) invalidate() {
	c.mu.Lock()
	c.built, c.counts, c.entries = false, nil, nil
	c.gen++
	c.mu.Unlock()
}

// suggestKeys lists the completion candidates of one document, from the
// fields bleveDoc gives bleve (each value once, as bleve counts documents).
func suggestKeys(m map[string]interface{}) []suggestKey {
	var out []suggestKey
	seen := map[suggestKey]bool{}
	add := func(kind string, vals ...string) {
		for _, v := range vals {
			k := suggestKey{kind, v}
			if v != "" && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	for _, src := range suggestFields {
		switch v := m[src.field].(type) {
		case string:
			add(src.kind, v)
		case []string:
			add(src.kind, v...)
		}
	}
	return out
}

// suggestFields are the keyword fields whose terms are the candidates.
var suggestFields = []struct{ field, kind string }{
	{fPerson, SuggestPerson}, {fDeptAny, SuggestDepartment}, {fTitleKey, SuggestTitle},
}

// Suggest completes people, departments and titles that start with prefix,
// written in Chinese or as pinyin initials (lyp → 李亚平). Names that merely
// contain prefix follow those that start with it.
func (ix *Index) Suggest(ctx context.Context, prefix string, n int) ([]Suggestion, error) {
	if n == 0 {
		n = defaultSuggest
	}
	if n < 1 || n > maxSuggest {
		return nil, fmt.Errorf("%w: n: must be between 1 and %d", ErrInvalidQuery, maxSuggest)
	}
	prefix = strings.ToLower(strings.TrimSpace(ix.simplify(prefix)))
	if prefix == "" {
		return []Suggestion{}, nil
	}
	if utf8.RuneCountInString(prefix) > 64 {
		return nil, fmt.Errorf("%w: q: too long for a suggestion", ErrInvalidQuery)
	}
	entries, err := ix.suggestEntries(ctx)
	if err != nil {
		return nil, err
	}
	latin := isLatin(prefix)
	type scored struct {
		e    *suggestEntry
		rank int
	}
	var found []scored
	for i := range entries {
		e := &entries[i]
		switch {
		case strings.HasPrefix(strings.ToLower(e.Text), prefix):
			found = append(found, scored{e, 0})
		case latin && (strings.HasPrefix(e.initials, prefix) || len(prefix) >= 3 && strings.HasPrefix(e.spelt, prefix)):
			// lyp, or the name spelt out as typed without the input
			// method (suzhou → 苏州市应急局).
			found = append(found, scored{e, 1})
		case !latin && strings.Contains(e.Text, prefix):
			found = append(found, scored{e, 2})
		}
	}
	kindRank := map[string]int{SuggestPerson: 0, SuggestDepartment: 1, SuggestTitle: 2}
	// A name that starts with the text is likelier meant than one that
	// holds it, but not than one used many times more (应急 → 市应急局 14
	// before 应急厅 1).
	weight := func(f scored) int { return f.e.Count * []int{4, 2, 1}[f.rank] }
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if wa, wb := weight(a), weight(b); wa != wb {
			return wa > wb
		}
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if kindRank[a.e.Kind] != kindRank[b.e.Kind] {
			return kindRank[a.e.Kind] < kindRank[b.e.Kind]
		}
		return len(a.e.Text) < len(b.e.Text)
	})
	out := make([]Suggestion, 0, n)
	seen := map[string]bool{}
	for _, f := range found {
		if len(out) == n {
			break
		}
		if seen[f.e.Kind+"\x00"+f.e.Text] || ix.sameDepartment(f.e.Suggestion, out) {
			continue
		}
		seen[f.e.Kind+"\x00"+f.e.Text] = true
		out = append(out, f.e.Suggestion)
	}
	return out, nil
}

// sameDepartment reports a department suggestion that is another form of
// one already chosen for the same documents (应急局 beside 应急管理局): a
// department's list holds every form, so each would fill a slot.
func (ix *Index) sameDepartment(s Suggestion, chosen []Suggestion) bool {
	fm, ok := ix.opts.Departments.(*formsMemo)
	if !ok || s.Kind != SuggestDepartment {
		return false
	}
	forms := fm.Forms(s.Text)
	for _, c := range chosen {
		if c.Kind == SuggestDepartment && c.Count == s.Count && slices.Contains(forms, c.Text) {
			return true
		}
	}
	return false
}

func (ix *Index) suggestEntries(ctx context.Context) ([]suggestEntry, error) {
	c := &ix.suggest
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.built {
		counts := map[suggestKey]*suggestEntry{}
		for _, src := range suggestFields {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			err := ix.visitLiveTerms(src.field, func(term string, count int) {
				counts[suggestKey{src.kind, term}] = newSuggestEntry(src.kind, term, count)
			})
			if err != nil {
				return nil, err
			}
		}
		c.counts, c.built, c.entries = counts, true, nil
		c.gen++
	}
	if c.entries == nil {
		// A snapshot in a fixed order, so equal ranks come out the same
		// way every time; Suggest only reads it.
		entries := make([]suggestEntry, 0, len(c.counts))
		for _, e := range c.counts {
			entries = append(entries, *e)
		}
		sort.Slice(entries, func(i, j int) bool {
			if entries[i].Kind != entries[j].Kind {
				return entries[i].Kind < entries[j].Kind
			}
			return entries[i].Text < entries[j].Text
		})
		c.entries = entries
	}
	return c.entries, nil
}

func (ix *Index) visitTerms(field string, fn func(term string, count int)) error {
	fd, err := ix.bi.FieldDict(field)
	if err != nil {
		return fmt.Errorf("index: terms of %s: %w", field, err)
	}
	defer fd.Close()
	for {
		e, err := fd.Next()
		if err != nil {
			return fmt.Errorf("index: terms of %s: %w", field, err)
		}
		if e == nil {
			return nil
		}
		fn(e.Term, int(e.Count))
	}
}

// visitLiveTerms visits the terms of field with the number of live
// documents that hold each, in no particular order. A term dictionary's own
// counts (visitTerms) are not that: they hold a deleted document until its
// segment is merged away, and a merged segment's dictionary was seen to
// count one document where the term's postings held two. Each term's
// postings, less the segment's deleted documents, are counted instead.
func (ix *Index) visitLiveTerms(field string, fn func(term string, count int)) error {
	adv, err := ix.bi.Advanced()
	sc, ok := adv.(*scorch.Scorch)
	if err != nil || !ok {
		return ix.visitTerms(field, fn) // the shard trial's alias
	}
	r, err := sc.Reader()
	if err != nil {
		return fmt.Errorf("index: terms of %s: %w", field, err)
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok || snap == nil {
		return fmt.Errorf("index: terms of %s: %w", field, bleve.ErrorIndexClosed)
	}
	defer r.Close()
	counts := map[string]int{}
	for _, ss := range snap.Segments() {
		dict, err := ss.Segment().Dictionary(field)
		if err != nil {
			return fmt.Errorf("index: terms of %s: %w", field, err)
		}
		deleted := ss.Deleted()
		it := dict.AutomatonIterator(nil, nil, nil)
		for {
			e, err := it.Next()
			if err != nil {
				return fmt.Errorf("index: terms of %s: %w", field, err)
			}
			if e == nil {
				break
			}
			pl, err := dict.PostingsList([]byte(e.Term), deleted, nil)
			if err != nil {
				return fmt.Errorf("index: terms of %s: %w", field, err)
			}
			if n := int(pl.Count()); n > 0 {
				counts[e.Term] += n
			}
		}
	}
	for term, n := range counts {
		fn(term, n)
	}
	return nil
}

// pinyinArgs is read-only after construction.
var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Style = pinyin.FirstLetter
	return a
}()

// initials spells the pinyin first letters of the Han characters of s
// (Latin letters and digits kept), up to 16 of them.
func initials(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == 16 {
			break
		}
		switch {
		case unicode.Is(unicode.Han, r):
			if p := pinyin.SinglePinyin(r, pinyinArgs); len(p) > 0 && p[0] != "" {
				b.WriteString(p[0][:1])
				n++
			}
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
			n++
		}
	}
	return b.String()
}

// spelling spells a name of at most 16 characters in pinyin, tones aside
// (苏州市 → suzhoushi), Latin letters and digits kept; "" for a longer one
// or one with a character pinyin does not read.
func spelling(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n++; n > 16 {
			return ""
		}
		switch {
		case unicode.Is(unicode.Han, r):
			p := pinyin.SinglePinyin(r, soundArgs)
			if len(p) == 0 || p[0] == "" {
				return ""
			}
			b.WriteString(p[0])
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
		default:
			return ""
		}
	}
	return b.String()
}

func isLatin(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// didYouMean returns the most frequent person or department name that
// differs from text in one character, for a query of one name that found
// nothing: 吴庆闻 for 吴庆文, a homophone typed by pinyin input.
func (ix *Index) didYouMean(ctx context.Context, text string) (string, error) {
	if spelt := strings.ToLower(strings.TrimSpace(text)); isLatin(spelt) {
		return ix.spelledName(ctx, spelt)
	}
	rs := []rune(strings.TrimSpace(ix.simplify(text)))
	if len(rs) < 2 || len(rs) > 12 {
		return "", nil
	}
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return "", nil
		}
	}
	entries, err := ix.suggestEntries(ctx)
	if err != nil {
		return "", err
	}
	// The places of the archive's governments are names typed too: 苏洲
	// for 苏州 (not the person 苏华).
	places, err := ix.issuerPlaces()
	if err != nil {
		return "", err
	}
	// A mistyped name sounds like the one meant (邱建 for 邱剑, typed by
	// its pinyin) and keeps its surname more often than not: those come
	// before a more frequent name that only looks one character off.
	best, bestRank := "", [3]int{}
	for i := range len(entries) + len(places) {
		var e *suggestEntry
		if i < len(entries) {
			e = &entries[i]
		} else {
			e = &places[i-len(entries)]
		}
		if e.Kind == SuggestTitle || utf8.RuneCountInString(e.Text) != len(rs) {
			continue
		}
		er := []rune(e.Text)
		diff, at := 0, 0
		for k, r := range er {
			if r != rs[k] {
				if diff++; diff > 1 {
					break
				}
				at = k
			}
		}
		if diff != 1 {
			continue
		}
		rank := [3]int{0, 0, e.Count}
		if sameSound(er[at], rs[at]) {
			rank[0] = 1
		}
		if at > 0 {
			rank[1] = 1
		}
		// A place only for a slip of the same sound after its first
		// character (苏洲 → 苏州): a word the archive lacks (台风, 湖泊) is
		// no misspelt 台山 or 湖北.
		if i >= len(entries) && (rank[0] == 0 || rank[1] == 0) {
			continue
		}
		if best == "" || slices.Compare(rank[:], bestRank[:]) > 0 {
			best, bestRank = e.Text, rank
		}
	}
	return best, nil
}

// spelledName returns the place or person whose name the pinyin spelt
// spells, tones aside (suzhou → 苏州, wuqingwen → 吴庆文), for a query typed
// without the input method, which finds nothing: the archive's places first
// (a city is searched for more than a namesake), then the most frequent.
func (ix *Index) spelledName(ctx context.Context, spelt string) (string, error) {
	if len(spelt) < 4 || len(spelt) > 40 || !isLetters(spelt) {
		return "", nil
	}
	places, err := ix.issuerPlaces()
	if err != nil {
		return "", err
	}
	best, bestCount := "", 0
	for _, e := range places {
		if e.Count > bestCount && spelling(e.Text) == spelt {
			best, bestCount = e.Text, e.Count
		}
	}
	if best != "" {
		return best, nil
	}
	entries, err := ix.suggestEntries(ctx)
	if err != nil {
		return "", err
	}
	for i := range entries {
		e := &entries[i]
		if e.Kind != SuggestTitle && e.Count > bestCount && e.spelt == spelt {
			best, bestCount = e.Text, e.Count
		}
	}
	return best, nil
}

// isLetters reports whether s holds ASCII letters only.
func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// issuerPlaces lists the places of the archive's governments, as written
// with their level and without it (苏州市人民政府 → 苏州市, 苏州), with the
// documents they issued, in a fixed order.
func (ix *Index) issuerPlaces() ([]suggestEntry, error) {
	counts := map[string]int{}
	err := ix.visitLiveTerms(fIssuer, func(term string, count int) {
		place, _, ok := strings.Cut(term, "人民政府") // …人民政府办公室 too
		if !ok || utf8.RuneCountInString(place) < 2 {
			return
		}
		counts[place] += count
		for _, level := range []string{"市", "县", "区", "省"} {
			if stem, ok := strings.CutSuffix(place, level); ok && utf8.RuneCountInString(stem) >= 2 {
				counts[stem] += count
			}
		}
	})
	if err != nil {
		return nil, err
	}
	out := make([]suggestEntry, 0, len(counts))
	for p, n := range counts {
		out = append(out, suggestEntry{Suggestion: Suggestion{Text: p, Count: n}})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Text < out[j].Text })
	return out, nil
}

// soundArgs spell a character's pinyin without tones.
var soundArgs = pinyin.NewArgs()

// sameSound reports two characters read alike, tones aside (剑 and 建).
func sameSound(a, b rune) bool {
	pa, pb := pinyin.SinglePinyin(a, soundArgs), pinyin.SinglePinyin(b, soundArgs)
	return len(pa) > 0 && len(pb) > 0 && pa[0] != "" && pa[0] == pb[0]
}
