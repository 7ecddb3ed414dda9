package index

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// valueFields are the keyword facets whose complete value lists Values gives.
var valueFields = map[string]string{
	FacetDepartment: fDepartment, FacetPerson: fPerson, FacetYear: fYear,
	FacetKind: fKind, FacetIssuer: fIssuer,
}

// Values lists every value of a facet (FacetDepartment, FacetPerson, …)
// across the whole index, each with the number of live documents that carry
// it, most frequent first. Unlike Search's facets it has no size limit: the
// term dictionary says how many values there are, and one facet request of
// exactly that size counts them (the dictionary's own counts would include
// deleted documents until segments merge).
func (ix *Index) Values(ctx context.Context, facet string) (out []Facet, err error) {
	field, ok := valueFields[facet]
	if !ok {
		return nil, fmt.Errorf("%w: facet: %q is not one of department, person, year, kind, issuer", ErrInvalidQuery, facet)
	}
	// Kept until the next write.
	cached, gen := ix.facets.values(facet)
	if cached != nil {
		return cached, nil
	}
	defer func() {
		if err == nil {
			ix.facets.putValues(gen, facet, out)
		}
	}()
	n := 0
	if err := ix.visitTerms(field, func(string, int) { n++ }); err != nil {
		return nil, err
	}
	out = make([]Facet, 0, n)
	if n == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet(facet, bleve.NewFacetRequest(field, n))
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: values of %s: %w", facet, err)
	}
	if fr := res.Facets[facet]; fr != nil && fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			out = append(out, Facet{Value: t.Term, Count: t.Count})
		}
	}
	return out, nil
}

// ErrUnsupported says the index was built before a feature existed;
// `govarchive reindex` brings it.
var ErrUnsupported = errors.New("not supported by this index; reindex")

// TopicCount returns the number of agenda topics over every document q
// matches (its text and filters), from a facet on each document's topic
// count: a decisions list can report its total without reading documents.
// It wraps ErrUnsupported for an index built before topic counts existed.
func (ix *Index) TopicCount(ctx context.Context, q Query) (int, error) {
	if !ix.topicCounts {
		return 0, fmt.Errorf("index: topic count: %w", ErrUnsupported)
	}
	q.Page, q.Size, q.Sort, q.NoFacets = 1, 1, "", true
	if err := validate(&q); err != nil {
		return 0, err
	}
	p, err := parseQuery(q.Text)
	if err != nil {
		return 0, err
	}
	filters, err := ix.filters(q)
	if err != nil {
		return 0, err
	}
	tq, err := ix.buildText(p, false)
	if err != nil {
		return 0, err
	}
	var top query.Query = tq
	if len(filters) > 0 {
		top = bleve.NewConjunctionQuery(append([]query.Query{tq}, filters...)...)
	}
	req := bleve.NewSearchRequestOptions(top, 0, 0, false)
	req.AddFacet(fTopicCount, bleve.NewFacetRequest(fTopicCount, maxFacetSize))
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return 0, fmt.Errorf("index: topic count: %w", err)
	}
	n := 0
	if fr := res.Facets[fTopicCount]; fr != nil && fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			k, err := strconv.Atoi(t.Term)
			if err != nil {
				return 0, fmt.Errorf("index: topic count %q: %w", t.Term, err)
			}
			n += k * t.Count
		}
	}
	return n, nil
}

// facetCache keeps the facets of the whole archive (a search with no text
// and no filters: the search page before the user types), which cost a
// pass over every document's values. Writes clear it.
type facetCache struct {
	mu      sync.Mutex
	gen     uint64 // bumped by every write
	valid   bool
	size    int
	only    string // the facet selection, joined
	entries map[string][]Facet
	// all holds Values' complete lists by facet, for this generation.
	all map[string][]Facet
}

// values returns a copy of a cached complete list, or nil and the
// generation to store a fresh one under.
func (c *facetCache) values(facet string) ([]Facet, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.all[facet]; ok {
		return append([]Facet{}, v...), c.gen
	}
	return nil, c.gen
}

func (c *facetCache) putValues(gen uint64, facet string, v []Facet) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.all == nil {
		c.all = map[string][]Facet{}
	}
	c.all[facet] = append([]Facet{}, v...)
}

func (c *facetCache) invalidate() {
	c.mu.Lock()
	c.gen++
	c.valid, c.all = false, nil
	c.mu.Unlock()
}

// get returns a copy of the cached facets (callers may sort them), or nil
// and the generation to store a fresh result under.
func (c *facetCache) get(size int, only string) (map[string][]Facet, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.valid || c.size != size || c.only != only {
		return nil, c.gen
	}
	return copyFacets(c.entries), c.gen
}

// put stores facets computed at generation gen, unless a write came since.
func (c *facetCache) put(gen uint64, size int, only string, f map[string][]Facet) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	c.valid, c.size, c.only, c.entries = true, size, only, copyFacets(f)
}

func copyFacets(f map[string][]Facet) map[string][]Facet {
	out := make(map[string][]Facet, len(f))
	for k, v := range f {
		out[k] = append([]Facet{}, v...)
	}
	return out
}

// unfiltered reports whether q selects the whole archive.
func unfiltered(q Query, p *parsed) bool {
	return !p.hasText() && q.Department == "" && q.Person == "" && q.Kind == "" && len(q.Kinds) == 0 &&
		q.Issuer == "" && q.Year == 0 && q.From.IsZero() && q.To.IsZero()
}
