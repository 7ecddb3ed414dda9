package index

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

const scanPage = 500

// Each calls fn for every document matching q (its text and filters; page,
// size, sort and facets are ignored), newest first, undated last: the
// documents Search counts, with its fallback to fewer words. Unlike
// Search it has no result window: it walks the matches with search_after,
// so an export of any size costs one page of memory. Hits carry metadata
// only (no snippets or topics); Hit.Document is set when
// q.IncludeDocuments (without its full texts when q.Brief). fn's error
// stops the walk and is returned.
func (ix *Index) Each(ctx context.Context, q Query, fn func(Hit) error) error {
	q.Page, q.Size, q.Sort, q.NoFacets = 1, 1, "", true
	if err := validate(&q); err != nil {
		return err
	}
	p, err := parseQuery(q.Text)
	if err != nil {
		return err
	}
	filters, err := ix.filters(q)
	if err != nil {
		return err
	}
	var top query.Query
	build := func(r relax) (uint64, error) {
		tq, err := ix.buildText(p, r, false)
		if err != nil {
			return 0, err
		}
		top = tq
		if len(filters) > 0 {
			top = bleve.NewConjunctionQuery(append([]query.Query{tq}, filters...)...)
		}
		res, err := ix.bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(top, 0, 0, false))
		if err != nil {
			return 0, fmt.Errorf("index: count: %w", err)
		}
		return res.Total, nil
	}
	// The documents the search shows: with fewer words when none holds
	// them all.
	n, err := build(allWords)
	if err != nil {
		return err
	}
	if n == 0 {
		if _, relaxed, err := ix.fallback(ctx, q, p, len(filters) > 0, build); err != nil || !relaxed {
			return err
		}
	}
	// Dated documents newest first, then undated ones by id: bleve's
	// search_after does not walk past documents missing the sort field.
	lo, hi := time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC)
	dated := bleve.NewDateRangeQuery(lo, hi)
	dated.SetField(fDate)
	undated := bleve.NewBooleanQuery()
	undated.AddMust(top)
	undated.AddMustNot(dated)
	passes := []struct {
		q     query.Query
		order search.SortOrder
	}{
		{bleve.NewConjunctionQuery(top, dated), search.SortOrder{ix.dateSort(true), &search.SortDocID{}}},
		{undated, search.SortOrder{&search.SortDocID{}}},
	}
	brief := q.Brief && q.IncludeDocuments
	for _, pass := range passes {
		if err := ix.scan(ctx, pass.q, pass.order, q.IncludeDocuments, brief, fn); err != nil {
			return err
		}
	}
	return nil
}

func (ix *Index) scan(ctx context.Context, q query.Query, order search.SortOrder, withDoc, brief bool, fn func(Hit) error) error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, scanPage, 0, false)
		req.Fields = fullFields
		if brief || !withDoc {
			// Metadata alone (an export) reads no full text.
			req.Fields = ix.briefFields
		}
		req.SortByCustom(order)
		req.SearchAfter = after
		res, err := ix.bi.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("index: scan: %w", err)
		}
		for _, h := range res.Hits {
			if brief || !withDoc {
				hit, err := ix.briefHit(h)
				if err != nil {
					return err
				}
				if !withDoc {
					hit.Document = nil
				}
				if err := fn(hit); err != nil {
					return err
				}
				continue
			}
			doc, _, err := decodeStored(h.ID, fieldsOf(h.Fields), true)
			if err != nil {
				return err
			}
			hit := baseHit(h, doc)
			hit.Document = doc
			if err := fn(hit); err != nil {
				return err
			}
		}
		if len(res.Hits) < scanPage {
			return nil
		}
		// search_after takes sort values as written (RFC 3339 dates in
		// indexes sorting by the date field), not in the index's encoding.
		last := res.Hits[len(res.Hits)-1]
		after = last.Sort
		if len(last.DecodedSort) == len(last.Sort) {
			after = last.DecodedSort
		}
	}
}
