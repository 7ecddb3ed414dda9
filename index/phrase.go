package index

import (
	"context"
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// phraseQuery matches documents whose field holds its slots' terms at
// consecutive positions, as bleve's phrase query does: a slot may hold
// several terms (any of them) or none (any word), and a phrase in an array
// field stays within one element. It matches and scores exactly as bleve's;
// it only checks positions faster where no term locations are wanted (the
// ranking pass of a search, facet counts). bleve's phrase searcher turns
// every candidate's term locations into maps of maps before it checks them:
// two thirds of a phrase query's time over 11,581 matches at 20,000
// documents went to that.
type phraseQuery struct {
	field string
	slots [][]string
	boost float64
}

// newPhrase is the phrase of terms in field.
func newPhrase(field string, terms []string, boost float64) *phraseQuery {
	slots := make([][]string, len(terms))
	for i, t := range terms {
		slots[i] = []string{t}
	}
	return &phraseQuery{field: field, slots: slots, boost: boost}
}

// analyzedPhrase is text as a phrase under an analyzer, tokens at one
// position sharing a slot (bleve's match-phrase query), or nil when text
// has no tokens.
func analyzedPhrase(an analysis.Analyzer, field, text string, boost float64) *phraseQuery {
	toks := an.Analyze([]byte(text))
	if len(toks) == 0 {
		return nil
	}
	first, last := toks[0].Position, toks[0].Position
	for _, t := range toks {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	slots := make([][]string, last-first+1)
	for _, t := range toks {
		slots[t.Position-first] = append(slots[t.Position-first], string(t.Term))
	}
	return &phraseQuery{field: field, slots: slots, boost: boost}
}

func (q *phraseQuery) Field() string      { return q.field }
func (q *phraseQuery) SetField(f string)  { q.field = f }
func (q *phraseQuery) SetBoost(b float64) { q.boost = b }
func (q *phraseQuery) Boost() float64     { return q.boost }
func (q *phraseQuery) String() string     { return fmt.Sprintf("%s:%q", q.field, q.slots) }

// Searcher is bleve's phrase searcher when the caller wants term
// locations (they must be the phrase's own) or explanations, or when the
// search maps synonyms; otherwise bleve's conjunction of the terms, each
// match checked by phraseFilter.
func (q *phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	if opts.IncludeTermVectors || opts.Explain || (ctx != nil && ctx.Value(search.FieldTermSynonymMapKey) != nil) {
		return searcher.NewMultiPhraseSearcher(ctx, r, q.slots, 0, false, q.field, q.boost, opts)
	}
	opts.IncludeTermVectors = true    // the positions to check
	var terms, kids []search.Searcher // every term searcher; one searcher per slot
	fail := func(err error) (search.Searcher, error) {
		// Closing the term searchers is enough: a disjunction of them holds
		// nothing else.
		for _, t := range terms {
			_ = t.Close()
		}
		return nil, fmt.Errorf("index: phrase: %w", err)
	}
	f := &phraseFilter{field: q.field, slots: make([]int, len(q.slots)), pos: make([][]termPos, len(q.slots))}
	for i, slot := range q.slots {
		f.slots[i] = -1
		var alts []search.Searcher
		for _, t := range slot {
			if t == "" {
				continue
			}
			ts, err := searcher.NewTermSearcher(ctx, r, t, q.field, q.boost, opts)
			if err != nil {
				return fail(err)
			}
			terms, alts = append(terms, ts), append(alts, ts)
			f.terms = append(f.terms, t)
			f.termSlot = append(f.termSlot, i)
		}
		switch len(alts) {
		case 0:
			continue
		case 1:
			kids = append(kids, alts[0])
		default:
			d, err := searcher.NewDisjunctionSearcher(ctx, r, alts, 1, opts)
			if err != nil {
				return fail(err)
			}
			kids = append(kids, d)
		}
		f.slots[i] = i
	}
	if len(kids) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	must, err := searcher.NewConjunctionSearcher(ctx, r, kids, opts)
	if err != nil {
		return fail(err)
	}
	f.must = must
	// As bleve's phrase searcher: its conjunction normalised on its own
	// until a parent sets the norm.
	must.SetQueryNorm(1 / math.Sqrt(must.Weight()))
	return f, nil
}

// termPos is where one of the phrase's terms occurs in a match.
type termPos struct {
	pos uint64
	ap  search.ArrayPositions
}

// phraseFilter passes on the matches of its conjunction whose term
// positions form the phrase.
type phraseFilter struct {
	must     search.Searcher
	field    string
	slots    []int       // slot i: i, or -1 for a gap (any word)
	terms    []string    // the phrase's terms
	termSlot []int       // the slot of each of terms
	pos      [][]termPos // per slot, the current match's positions (reused)
}

func (f *phraseFilter) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for {
		dm, err := f.must.Next(ctx)
		if dm == nil || err != nil {
			return nil, err
		}
		if f.matches(dm) {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
	}
}

func (f *phraseFilter) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := f.must.Advance(ctx, id)
	if dm == nil || err != nil {
		return nil, err
	}
	if f.matches(dm) {
		return dm, nil
	}
	ctx.DocumentMatchPool.Put(dm)
	return f.Next(ctx)
}

// matches checks the phrase in dm's term locations, and drops them: no
// caller of this searcher wants them.
func (f *phraseFilter) matches(dm *search.DocumentMatch) bool {
	for i := range f.pos {
		f.pos[i] = f.pos[i][:0]
	}
	for _, l := range dm.FieldTermLocations {
		if l.Field != f.field {
			continue
		}
		for k, t := range f.terms {
			if l.Term == t {
				s := f.termSlot[k]
				f.pos[s] = append(f.pos[s], termPos{l.Location.Pos, l.Location.ArrayPositions})
			}
		}
	}
	dm.FieldTermLocations = dm.FieldTermLocations[:0]
	// Gaps before the first term do not count (bleve's findPhrasePaths).
	first := 0
	for first < len(f.slots) && f.slots[first] < 0 {
		first++
	}
	if first == len(f.slots) {
		return false
	}
next:
	for _, start := range f.pos[first] {
		for i := first + 1; i < len(f.slots); i++ {
			if f.slots[i] < 0 {
				continue
			}
			want := start.pos + uint64(i-first)
			found := false
			for _, p := range f.pos[i] {
				if p.pos == want && p.ap.Equals(start.ap) {
					found = true
					break
				}
			}
			if !found {
				continue next
			}
		}
		return true
	}
	return false
}

func (f *phraseFilter) Close() error               { return f.must.Close() }
func (f *phraseFilter) Weight() float64            { return f.must.Weight() }
func (f *phraseFilter) SetQueryNorm(n float64)     { f.must.SetQueryNorm(n) }
func (f *phraseFilter) Count() uint64              { return f.must.Count() }
func (f *phraseFilter) Min() int                   { return 0 }
func (f *phraseFilter) Size() int                  { return f.must.Size() }
func (f *phraseFilter) DocumentMatchPoolSize() int { return f.must.DocumentMatchPoolSize() }
