package index

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

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
// it, most frequent first. Unlike Search's facets it has no size limit
// (facetCounts; the dictionary's own counts would include deleted documents
// until segments merge).
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
	all, err := ix.facetCounts(ctx, bleve.NewMatchAllQuery(), []string{field}, 0)
	if err != nil {
		return nil, fmt.Errorf("index: values of %s: %w", facet, err)
	}
	return all[field], nil
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
	tq, err := ix.buildText(p, allWords, false)
	if err != nil {
		return 0, err
	}
	var top query.Query = tq
	if len(filters) > 0 {
		top = bleve.NewConjunctionQuery(append([]query.Query{tq}, filters...)...)
	}
	all, err := ix.facetCounts(ctx, top, []string{fTopicCount}, 0)
	if err != nil {
		return 0, fmt.Errorf("index: topic count: %w", err)
	}
	n := 0
	for _, c := range all[fTopicCount] {
		k, err := strconv.Atoi(c.Value)
		if err != nil {
			return 0, fmt.Errorf("index: topic count %q: %w", c.Value, err)
		}
		n += k * c.Count
	}
	return n, nil
}

// facetCache keeps facet results until the next write: the complete value
// lists of Values, and a bounded LRU of Search facets keyed by everything
// that decides them (query text, filters, facet set and size). Facets cost
// most of a search (BENCHMARKS.md), and a UI asks for the same ones on
// every page and every reload; since writes clear it, counts stay exact.
type facetCache struct {
	mu  sync.Mutex
	gen uint64 // bumped by every write
	// all holds Values' complete lists by facet, for this generation.
	all map[string][]Facet
	lru facetLRU
}

// The LRU is bounded both in entries and in facet values held, so a few
// 1,000-value browses cannot pin much memory.
const (
	facetCacheEntries = 512
	facetCacheValues  = 200_000
)

type facetLRU struct {
	order  *list.List // of *facetEntry, most recent first
	byKey  map[string]*list.Element
	values int
}

type facetEntry struct {
	key    string
	facets map[string][]Facet
	values int
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

// DropFacetCache forgets every cached facet, as a write does: the
// benchmark measures queries whose facets nobody asked for since the last
// write.
func (ix *Index) DropFacetCache() { ix.facets.invalidate() }

func (c *facetCache) invalidate() {
	c.mu.Lock()
	c.gen++
	c.all = nil
	c.lru = facetLRU{}
	c.mu.Unlock()
}

// get returns a copy of the facets cached under key (callers may sort
// them), or nil and the generation to store a fresh result under.
func (c *facetCache) get(key string) (map[string][]Facet, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.lru.byKey[key]
	if !ok {
		return nil, c.gen
	}
	c.lru.order.MoveToFront(el)
	return copyFacets(el.Value.(*facetEntry).facets), c.gen
}

// put stores facets computed at generation gen, unless a write came since.
func (c *facetCache) put(gen uint64, key string, f map[string][]Facet) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	l := &c.lru
	if l.order == nil {
		l.order, l.byKey = list.New(), map[string]*list.Element{}
	}
	if el, ok := l.byKey[key]; ok {
		l.remove(el)
	}
	e := &facetEntry{key: key, facets: copyFacets(f)}
	for _, v := range f {
		e.values += len(v)
	}
	if e.values > facetCacheValues {
		return
	}
	l.byKey[key] = l.order.PushFront(e)
	l.values += e.values
	for l.order.Len() > facetCacheEntries || l.values > facetCacheValues {
		l.remove(l.order.Back())
	}
}

func (l *facetLRU) remove(el *list.Element) {
	e := l.order.Remove(el).(*facetEntry)
	delete(l.byKey, e.key)
	l.values -= e.values
}

func (c *facetCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.lru.byKey)
}

func copyFacets(f map[string][]Facet) map[string][]Facet {
	out := make(map[string][]Facet, len(f))
	for k, v := range f {
		out[k] = append([]Facet{}, v...)
	}
	return out
}

// facetKey identifies the facets of q: everything that selects documents
// (text, filters, the any-word fallback) and which facets, how many values.
func facetKey(q Query, facetSize int) string {
	var b strings.Builder
	field := func(s string) {
		b.WriteString(strconv.Quote(s))
		b.WriteByte(' ')
	}
	field(q.Text)
	field(q.Department)
	field(q.Person)
	field(q.Kind)
	field(strings.Join(q.Kinds, "\x00"))
	field(q.Issuer)
	field(strconv.Itoa(q.Year))
	field(strconv.FormatBool(q.Undated))
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return isoDay(t).Format(time.DateOnly)
	}
	field(day(q.From))
	field(day(q.To))
	field(strconv.FormatBool(q.NoFallback))
	field(strconv.FormatBool(q.StoredFacets))
	field(strconv.Itoa(facetSize))
	if q.Facets == nil {
		field("*") // all facets; an empty non-nil list asks for none
	} else {
		field(strings.Join(q.Facets, ","))
	}
	return b.String()
}
